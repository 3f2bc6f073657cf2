package stances

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/communique/communique/extractors"
	"github.com/communique/communique/models"
)

// tok is what the rules read of one token.
type tok struct {
	lower   string // lower-case surface form
	stem    string // snowball stem; empty when the token cannot match a lexicon entry
	tag     string // Penn Treebank tag
	mention int32  // index into Doc.Mentions, or -1
	role    role   // cue roles
}

// view is one document as the rules see it.
type view struct {
	d    *extractors.Doc
	toks []tok
}

// newView stems and classifies the tokens of d and maps them to mentions.
func (x *Extractor) newView(d *extractors.Doc) *view {
	v := &view{d: d, toks: make([]tok, len(d.Tokens))}
	for i, t := range d.Tokens {
		lw := lowerWord(t.Text)
		k := tok{lower: lw, tag: t.Tag, mention: -1, role: x.lx.exact[lw]}
		base := lw
		if l, ok := x.lx.lemmas[lw]; ok {
			base = l // "stood ready" is "stand ready": triggers match irregular forms on their lemma's stem
		}
		if len(base) > 0 && (x.lx.prefixes[prefix3(base)] || len(base) > 2 && x.lx.prefixes[base[:2]]) {
			k.stem = x.stemOf(base)
			if s, ok := x.lx.undoubled[k.stem]; ok {
				k.stem = s
			}
			k.role |= x.lx.stemRoles[k.stem]
		}
		// else the word cannot match: snowball keeps a word's first three
		// letters (or all of a shorter stem: "suing" → "su"), and the
		// prefix set holds those of every lexicon stem
		v.toks[i] = k
	}
	// map mentions to the tokens they overlap
	j := 0
	for mi, m := range d.Mentions {
		for j > 0 && j < len(d.Tokens) && d.Tokens[j].Start > m.Start {
			j--
		}
		for j < len(d.Tokens) && d.Tokens[j].End <= m.Start {
			j++
		}
		for k := j; k < len(d.Tokens) && d.Tokens[k].Start < m.End; k++ {
			if t := &v.toks[k]; t.mention < 0 {
				t.mention = int32(mi)
				nameWord(t)
			}
		}
	}
	return v
}

func prefix3(s string) string {
	if len(s) > 3 {
		return s[:3]
	}
	return s
}

// lowerWord lower-cases a token and folds curly apostrophes and quotes.
func lowerWord(s string) string {
	ascii := true
	upper := false
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= utf8.RuneSelf {
			ascii = false
			break
		}
		if 'A' <= c && c <= 'Z' {
			upper = true
		}
	}
	if ascii {
		if !upper {
			return s
		}
		return strings.ToLower(s)
	}
	return strings.Map(func(r rune) rune {
		switch r {
		case '\u2019', '\u2018':
			return '\''
		case '\u201c', '\u201d', '\u00ab', '\u00bb':
			return '"'
		}
		return unicode.ToLower(r)
	}, s)
}

// Tag classes. prose tags quote marks as whatever fits; isQuote finds them.

func (v *view) isQuote(i int) bool {
	l := v.toks[i].lower
	return l == "\"" || l == "''" || l == "``" || l == "'"
}

func (v *view) isPunct(i int) bool {
	switch v.toks[i].lower {
	case ",", ".", ";", ":", "!", "?", "(", ")", "-", "–", "—":
		return true
	}
	return v.isQuote(i)
}

func (v *view) isComma(i int) bool { return v.toks[i].lower == "," }

// isClauseStop reports whether token i ends a clause outright.
func (v *view) isClauseStop(i int) bool {
	switch v.toks[i].lower {
	case ".", ";", ":", "!", "?":
		return true
	}
	return false
}

func (v *view) inMention(i int) bool { return v.toks[i].mention >= 0 }

// mention returns the mention of token i; call only when inMention(i).
func (v *view) mention(i int) *extractors.Mention { return &v.d.Mentions[v.toks[i].mention] }

// isActorMention reports whether token i is part of a mention that can act:
// a state, an organization that is no news outlet, a group or an official.
func (v *view) isActorMention(i int) bool {
	if !v.inMention(i) {
		return false
	}
	switch m := v.mention(i); m.Label {
	case models.State, models.Group, models.Official:
		return true
	case models.Org:
		return !isOutlet(m) // an outlet reports; it is never the actor
	case models.Operation:
		return m.Kind == "mission" || m.Kind == "operation" // "UNIFIL expressed concern", "Operation Irini will keep inspecting"
	}
	return false
}

func (v *view) isVerb(i int) bool {
	t := v.toks[i].tag
	return !v.inMention(i) && (strings.HasPrefix(t, "VB") || t == "MD")
}

// isFinite reports whether token i is a finite verb or a modal.
func (v *view) isFinite(i int) bool {
	if v.inMention(i) {
		return false
	}
	switch v.toks[i].tag {
	case "VBD", "VBZ", "VBP", "MD":
		return true
	}
	return false
}

func (v *view) isNoun(i int) bool {
	if v.inMention(i) {
		return true
	}
	if v.isPunct(i) {
		return false
	}
	t := v.toks[i].tag
	return strings.HasPrefix(t, "NN") || t == "PRP" || t == "CD" || t == "FW"
}

// isNominal reports whether token i can stand in a noun phrase.
func (v *view) isNominal(i int) bool {
	if v.isNoun(i) {
		return true
	}
	switch v.toks[i].tag {
	case "DT", "PDT", "JJ", "JJR", "JJS", "PRP$", "POS", "CD":
		return !v.isQuote(i)
	}
	return false
}

func (v *view) isAdverb(i int) bool {
	t := v.toks[i].tag
	return (t == "RB" || t == "RBR" || t == "RBS") && v.toks[i].role&roleNegator == 0 && !v.inMention(i)
}

func (v *view) isPrep(i int) bool {
	return v.toks[i].tag == "IN" && !v.isQuote(i) && v.toks[i].lower != "that" && !v.inMention(i)
}

func (v *view) is(i int, w string) bool { return v.toks[i].lower == w }

func (v *view) has(i int, r role) bool { return v.toks[i].role&r != 0 }

// hasIn reports whether a token in [a, b) has one of the roles r.
func (v *view) hasIn(a, b int, r role) bool {
	for k := a; k < b; k++ {
		if v.has(k, r) {
			return true
		}
	}
	return false
}

// matchPhrase reports whether the stems of words start at token i within
// [i, end) and returns the index after the match.
func (v *view) matchPhrase(i, end int, words []string) (int, bool) {
	k := i
	for _, w := range words {
		if k >= end || v.toks[k].stem != w {
			return 0, false
		}
		k++
	}
	return k, true
}

// phraseAt returns the end of a cue phrase with role r starting at token i.
func (x *Extractor) phraseAt(v *view, i, end int, r role) (int, bool) {
	best, ok := 0, false
	for _, p := range x.lx.phrases {
		if p.role != r {
			continue
		}
		if k, m := v.matchPhrase(i, end, p.words); m && k > best {
			best, ok = k, true
		}
	}
	return best, ok
}

// text returns the article text of tokens [a, b).
func (v *view) text(a, b int) string {
	if a >= b {
		return ""
	}
	return v.d.Article.Text[v.d.Tokens[a].Start:v.d.Tokens[b-1].End]
}

// nameWord makes a token of a named mention a name to the rules: a name
// spelt like a function word ("WHO", "US", "Will") has no cue role, and
// one the tagger took for a pronoun, modal or verb is a proper noun.
func nameWord(t *tok) {
	t.role = 0
	switch t.tag {
	case "WP", "WDT", "WRB", "PRP", "MD", "VB", "VBD", "VBG", "VBN", "VBP", "VBZ":
		t.tag = "NNP"
	}
}

// hasOutlet reports whether span sp holds a news outlet's name.
func (v *view) hasOutlet(sp span) bool {
	for i := sp.a; i < sp.b; i++ {
		if v.inMention(i) && isOutlet(v.mention(i)) {
			return true
		}
	}
	return false
}

// isOutlet reports whether mention m names a news outlet.
func isOutlet(m *extractors.Mention) bool { return m.Label == models.Org && m.Sector == sectorMedia }

// sectorMedia is the sector code of news outlets (data/gazetteer/sectors.tsv).
const sectorMedia = "MED"

// sectorParty is the sector code of political parties.
const sectorParty = "PTY"

// sectorJudiciary is the sector code of courts.
const sectorJudiciary = "JUD"

// sectorIGO is the sector code of international bodies.
const sectorIGO = "IGO"
