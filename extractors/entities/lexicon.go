package entities

import (
	"fmt"
	"strings"

	"github.com/communique/communique/data"
	"github.com/kljensen/snowball/english"
)

// cue is a bit set of what the rules know about a lower-case word.
type cue uint32

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
	cueStateNoun    // a noun whose complement "of/on/to" a capital is the state ("efforts of Moscow")
	cuePlaceHead    // last word of a place's name ("Shoal", "Strait")
	cueTitleWord    // first word of a title
	cueNameInner    // an honorific that is part of a name inside it ("Hassan Sheikh Mohamud")
	cueRegionNoun   // lower case after a region's name, no part of it ("the Kursk region")
	cueMissionHead  // a capitalized word that makes a name with an acronym a mission ("Mission", "Observer")
	cueCompass      // before "of", a proper noun after it is a place ("south of Crete")
	cuePortfolio    // a word of a minister's portfolio ("Minister of Water Resources and Irrigation")
	cueDocNounLower // in lower case after a place, a process named for it ("the Luanda process")
	cuePlacePrefix  // first word of a place's name ("Lake Chad", "Mount Elbrus")
	cueGroupNoun    // after an unknown acronym, an armed group ("the ADF rebels")
	cueTitleMod     // before a title, part of it ("First Deputy Director")
	cueOrganHead    // the head noun of an organ's name ("Council of Foreign Ministers")
	cuePlaceNoun    // in lower case before "of", makes the proper noun after it a place ("the port of Faw")
	cueBodyHead     // the head noun of a body's name ("the New Development Bank")
	cueGroupHead    // the head noun of an armed group's name defined by an acronym ("the Free Syrian Army (FSA)")
	cueGivenName    // a given name (given_names.tsv): before a capitalized word, a person's name
	cueNamedHead    // a body head noun whose body's id is its whole name ("Tsinghua University")
	cueOtherBody    // in lower case before a state body's name, makes it another body's ("the party Congress")
	cueOfHead       // a body's head noun before "of" and a name, a body only where no state qualifies it ("Ministry of Commerce")
)

var cueNames = map[string]cue{
	"place_prep":     cuePlacePrep,
	"state_prep":     cueStatePrep,
	"state_suffix":   cueStateSuffix,
	"speech_verb":    cueSpeechVerb,
	"name_particle":  cueNameParticle,
	"compound_head":  cueCompoundHead,
	"doc_noun":       cueDocNoun,
	"org_word":       cueOrgWord,
	"calendar":       cueCalendar,
	"state_noun":     cueStateNoun,
	"place_head":     cuePlaceHead,
	"name_inner":     cueNameInner,
	"region_noun":    cueRegionNoun,
	"mission_head":   cueMissionHead,
	"compass":        cueCompass,
	"portfolio":      cuePortfolio,
	"doc_noun_lower": cueDocNounLower,
	"place_prefix":   cuePlacePrefix,
	"group_noun":     cueGroupNoun,
	"title_modifier": cueTitleMod,
	"organ_head":     cueOrganHead,
	"place_noun":     cuePlaceNoun,
	"body_head":      cueBodyHead,
	"named_head":     cueNamedHead | cueBodyHead,
	"group_head":     cueGroupHead,
	"other_body":     cueOtherBody,
	"of_head":        cueOfHead,
}

// honorificRole is the role of titles.tsv's honorifics ("Mr.", "Dr."): they
// introduce a name but give no role.
const honorificRole = "-"

// opTriggerPrefix starts the cue names of trigger nouns; the rest is the kind.
const opTriggerPrefix = "op_trigger_"

// lexicon holds the titles and cue words.
type lexicon struct {
	titles   *trie             // keys are snowball stems
	roles    []string          // role of each title entry
	sectors  map[string]string // role → CAMEO sector its title gives, where it gives one
	cues     map[string]cue    // lower-case word → cues
	triggers map[string]string // stem of a trigger noun → operation kind
	stems    map[string]string // inflected form of every title and trigger word → its stem
	// agents are the agent nouns ("protesters", "army") by their keys,
	// agentSectors the sector of each entry
	agents       *trie
	agentSectors []string
	// agentModifiers are words before an agent noun that give their own
	// sector ("opposition lawmakers": OPP)
	agentModifiers map[string]string
}

func loadLexicon() (*lexicon, error) {
	lx := &lexicon{titles: newTrie(), sectors: map[string]string{}, cues: map[string]cue{}, triggers: map[string]string{}, stems: map[string]string{}}
	titles, err := data.TSV(titlesFile)
	if err != nil {
		return nil, err
	}
	for _, r := range titles {
		words := splitWords(string(appendKey(nil, r["title"])))
		if len(words) == 0 || r["role"] == "" {
			return nil, fmt.Errorf("%s: empty title or role in %q", titlesFile, r["title"])
		}
		keys := make([]string, len(words))
		for i, w := range words {
			keys[i] = lx.learn(w)
		}
		lx.titles.insert(keys, int32(len(lx.roles)))
		role := r["role"]
		if role == honorificRole {
			role = "" // "Mr. Tasmagambetov": the name after it, with no role of its own
		}
		lx.roles = append(lx.roles, role)
		if sec := r["sector"]; sec != "" && role != "" {
			lx.sectors[role] = sec
		}
		lx.cues[words[0]] |= cueTitleWord
	}
	cues, err := data.TSV(cuesFile)
	if err != nil {
		return nil, err
	}
	for _, r := range cues {
		w, name := string(appendKey(nil, r["word"])), r["cue"]
		if k, ok := strings.CutPrefix(name, opTriggerPrefix); ok {
			lx.triggers[lx.learn(w)] = k
			continue
		}
		c, ok := cueNames[name]
		if !ok {
			return nil, fmt.Errorf("%s: %q: unknown cue %q", cuesFile, w, name)
		}
		lx.cues[w] |= c
	}
	given, err := data.TSV(givenFile)
	if err != nil {
		return nil, err
	}
	for _, r := range given {
		w := string(appendKey(nil, r["name"]))
		if lx.cues[w]&(cueOrgWord|cueCalendar|cueTitleWord|cueSpeechVerb|cueNameParticle) != 0 {
			continue // "May", "Will": the hand cues win
		}
		lx.cues[w] |= cueGivenName
	}
	if err := lx.loadAgents(); err != nil {
		return nil, err
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

// learn records the stem of w and of its inflected forms (plural, "-men")
// so that Extract looks stems up instead of running the stemmer, and
// returns the stem of w.
func (lx *lexicon) learn(w string) string {
	st := stem(w)
	forms := []string{w, w + "s", w + "es"}
	if strings.HasSuffix(w, "y") {
		forms = append(forms, w[:len(w)-1]+"ies")
	}
	if strings.HasSuffix(w, "man") {
		forms = append(forms, w[:len(w)-3]+"men")
	}
	for _, f := range forms {
		if _, ok := lx.stems[f]; !ok {
			lx.stems[f] = st // "chairmen" is a form of "chairman", though snowball stems them apart
		}
	}
	return st
}

// has reports whether word w carries cue c.
func (lx *lexicon) has(w string, c cue) bool { return lx.cues[w]&c != 0 }

// stemAt returns the stem of unit u when it is a form of a title or trigger
// word, and "" otherwise (also outside the units: a name in brackets may end
// the text).
func (lx *lexicon) stemAt(s *scratch, u int) string {
	return lx.stems[s.key(u)]
}

// matchTitle returns the end unit and role of the longest title starting at
// unit i, or i and "" when none does. Modifiers before a title the lexicon
// does not list with them ("First Deputy Director") are part of it, and the
// role is then the title as written.
func (lx *lexicon) matchTitle(s *scratch, i int) (int, string) {
	end, role := lx.matchListed(s, i)
	j := i
	for j < len(s.units) && j < i+3 && s.sameSent(i, j) && lx.has(s.units[j].key, cueTitleMod) {
		j++
	}
	if j > i {
		if e, r := lx.matchListed(s, j); r != "" && e > end {
			return e, s.text[s.units[i].start:s.units[e-1].end]
		}
	}
	return end, role
}

// matchListed returns the end unit and role of the longest title of the
// lexicon starting at unit i, or i and "".
func (lx *lexicon) matchListed(s *scratch, i int) (int, string) {
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
		st := lx.stemAt(s, j)
		if st == "" {
			break
		}
		n = lx.titles.child(n, st)
	}
	return end, role
}

// plural reports whether unit u is the plural of a title or trigger word
// ("Ministers", "Chairmen").
func (lx *lexicon) plural(s *scratch, u int) bool {
	k := s.key(u)
	if b, ok := strings.CutSuffix(k, "men"); ok {
		_, ok = lx.stems[b+"man"]
		return ok
	}
	b, ok := strings.CutSuffix(k, "s")
	if ok {
		_, ok = lx.stems[b]
	}
	return ok
}

// trigger returns the operation kind of a trigger noun at unit u, or "".
func (lx *lexicon) trigger(s *scratch, u int) string {
	st := lx.stemAt(s, u)
	if st == "" {
		return ""
	}
	return lx.triggers[st]
}
