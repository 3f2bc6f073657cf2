package entities

import (
	"fmt"
	"strings"

	"github.com/communique/communique/data"
	"github.com/kljensen/snowball/english"
)

// cue is a bit set of what the rules know about a lower-case word.
type cue uint16

const (
	cuePlacePrep cue = 1 << iota
	cueStatePrep
	cueStateSuffix
	cueSpeechVerb
	cueNameParticle
	cueCompoundHead
	cueDocNoun
	cueOrgWord
	cueCalendar
	cueTitleWord // first word of a title
)

var cueNames = map[string]cue{
	"place_prep":    cuePlacePrep,
	"state_prep":    cueStatePrep,
	"state_suffix":  cueStateSuffix,
	"speech_verb":   cueSpeechVerb,
	"name_particle": cueNameParticle,
	"compound_head": cueCompoundHead,
	"doc_noun":      cueDocNoun,
	"org_word":      cueOrgWord,
	"calendar":      cueCalendar,
}

// opTriggerPrefix starts the cue names of trigger nouns; the rest is the kind.
const opTriggerPrefix = "op_trigger_"

// lexicon holds the titles and cue words.
type lexicon struct {
	titles   *trie             // keys are snowball stems
	roles    []string          // role of each title entry
	cues     map[string]cue    // lower-case word → cues
	triggers map[string]string // stem of a trigger noun → operation kind
	prefixes map[string]bool   // first three bytes of every title and trigger word
}

func loadLexicon() (*lexicon, error) {
	lx := &lexicon{titles: newTrie(), cues: map[string]cue{}, triggers: map[string]string{}, prefixes: map[string]bool{}}
	titles, err := data.TSV(titlesFile)
	if err != nil {
		return nil, err
	}
	for _, r := range titles {
		words := splitWords(strings.ToLower(r["title"]))
		if len(words) == 0 || r["role"] == "" {
			return nil, fmt.Errorf("%s: empty title or role in %q", titlesFile, r["title"])
		}
		keys := make([]string, len(words))
		for i, w := range words {
			keys[i] = stem(w)
		}
		lx.titles.insert(keys, int32(len(lx.roles)))
		lx.roles = append(lx.roles, r["role"])
		lx.cues[words[0]] |= cueTitleWord
		lx.prefixes[prefix3(words[0])] = true
	}
	cues, err := data.TSV(cuesFile)
	if err != nil {
		return nil, err
	}
	for _, r := range cues {
		w, name := strings.ToLower(r["word"]), r["cue"]
		if k, ok := strings.CutPrefix(name, opTriggerPrefix); ok {
			lx.triggers[stem(w)] = k
			lx.prefixes[prefix3(w)] = true
			continue
		}
		c, ok := cueNames[name]
		if !ok {
			return nil, fmt.Errorf("%s: %q: unknown cue %q", cuesFile, w, name)
		}
		lx.cues[w] |= c
	}
	return lx, nil
}

// stem returns the snowball stem of a lower-case word; dashes stay as they are.
func stem(w string) string {
	if w == "-" || w == "" {
		return w
	}
	return english.Stem(w, false)
}

func prefix3(w string) string {
	if len(w) > 3 {
		return w[:3]
	}
	return w
}

// has reports whether word w carries cue c.
func (lx *lexicon) has(w string, c cue) bool { return lx.cues[w]&c != 0 }

// stemAt returns the stem of unit u when it may start a title or trigger, and "" otherwise.
func (lx *lexicon) stemAt(s *scratch, u int) string {
	k := s.units[u].key
	if !s.units[u].is(hasLetter) || !lx.prefixes[prefix3(k)] {
		return ""
	}
	return stem(k)
}

// matchTitle returns the end unit and role of the longest title starting at
// unit i, or i and "" when none does.
func (lx *lexicon) matchTitle(s *scratch, i int) (int, string) {
	st := lx.stemAt(s, i)
	if st == "" {
		return i, ""
	}
	end, role := i, ""
	n := lx.titles.child(0, st)
	for j := i + 1; n >= 0; j++ {
		if es := lx.titles.nodes[n].entries; len(es) > 0 {
			end, role = j, lx.roles[es[0]]
		}
		if j >= len(s.units) || !s.sameSent(i, j) {
			break
		}
		n = lx.titles.child(n, stem(s.units[j].key))
	}
	return end, role
}

// trigger returns the operation kind of a trigger noun at unit u, or "".
func (lx *lexicon) trigger(s *scratch, u int) string {
	st := lx.stemAt(s, u)
	if st == "" {
		return ""
	}
	return lx.triggers[st]
}
