package stances

import (
	"strings"
	"unicode"
)

// retag corrects the part-of-speech tags of sentence s where the tagger
// mistakes a trigger verb for an adjective or noun, so that verb groups and
// clause ends see it:
//
//   - a past form tagged JJ after a subject or a conjunction and before its
//     object ("and criticized Poland", "Lukashenko criticized the sanctions")
//   - a verb tagged NN after "to" and before its object ("ready to share its
//     experience")
//   - a participle tagged JJ after "remain" or "stay" ("would remain barred")
//   - a verb tagged NN after a modal and a quote mark ("will ‘act’")
//   - an agent noun (cues.tsv) tagged JJ before a modal or a finite verb ("the
//     Norlandian military will")
//   - in a headline, a trigger verb's base form tagged otherwise right after a
//     named or plural subject and before its object ("Ostland states back the deal")
//   - in a Title Case headline, a modal tagged as a proper noun ("Will"), and a
//     verb (verbs.tsv or a trigger verb) so tagged after "to" or a modal
//     ("Norland to Reopen", "Norland Will Ban")
//   - in a headline, a verb after a comma that coordinates a second predicate
//     ("..., pledge to counter terrorism", "..., voice South China Sea concern",
//     "..., calls for talks")
//
// Only the view's copy of a tag changes; the document keeps the tagger's.
func (x *Extractor) retag(v *view, s *sent) {
	for i := s.a; i < s.b; i++ {
		t := &v.toks[i]
		if v.inMention(i) {
			continue
		}
		if s.title && strings.HasPrefix(t.tag, "NN") && v.has(i, roleModal) && i+1 < s.b && !v.inMention(i+1) {
			t.tag = "MD" // a Title Case headline's "Norland Will Ban"
			continue
		}
		if s.title && strings.HasPrefix(t.tag, "NN") && i > s.a && (v.is(i-1, "to") || v.has(i-1, roleModal)) && x.verbForm(t) {
			t.tag = "VB" // a Title Case headline's "to Reopen", "Will Ban"
			continue
		}
		next := i+1 < s.b && v.objectStart(i+1)
		if t.tag == "NN" && i > s.a && v.toks[i-1].tag == "TO" && i+1 < s.b && !v.inMention(i+1) &&
			(v.toks[i+1].tag == "DT" || v.toks[i+1].tag == "PRP$") {
			t.tag = "VB"
			continue
		}
		if t.tag == "JJ" && v.has(i, roleAgent) && i+1 < s.b && (v.has(i+1, roleModal|roleAux) || v.toks[i+1].tag == "VBZ" || v.toks[i+1].tag == "VBD") {
			t.tag = "NN" // "the Norlandian military will": an agent noun before its verb
			continue
		}
		if t.tag == "NN" && i > s.a+1 && v.isQuote(i-1) && v.has(i-2, roleModal) {
			t.tag = "VB" // "will ‘act’": a quoted verb after its modal
			continue
		}
		if t.tag == "JJ" && strings.HasSuffix(t.lower, "ed") && i > s.a && v.isVerb(i-1) &&
			(v.toks[i-1].stem == "remain" || v.toks[i-1].stem == "stay") {
			t.tag = "VBN" // "would remain barred from"
			continue
		}
		if t.stem == "" || !x.lx.verbStems[t.stem] {
			continue
		}
		if s.headline && t.stem == t.lower && !strings.HasPrefix(t.tag, "VB") && i > s.a && i+1 < s.b &&
			(v.isActorMention(i-1) || (v.toks[i-1].tag == "NNS" || v.toks[i-1].tag == "VBZ") && v.has(i-1, roleCollective|rolePeople)) &&
			(v.inMention(i+1) || v.objectStart(i+1)) && opensHeadline(v, s, i) {
			// a headline's plural subject and its verb: "Ostland states back
			// the deal", where the tagger may read "states" as the verb
			if !v.inMention(i - 1) {
				v.toks[i-1].tag = "NNS"
			}
			t.tag = "VBP"
			continue
		}
		switch {
		case t.tag == "JJ" && strings.HasSuffix(t.lower, "ed") && next && i > s.a && v.subjectOrConj(i-1),
			t.tag == "JJ" && strings.HasSuffix(t.lower, "ed") && i > s.a && v.isComma(i-1) && i+1 < s.b && v.has(i, roleLight) && v.isNoun(i+1):
			// "It, in particular, expressed concern"
			t.tag = "VBD"
		case s.headline && (t.tag == "NN" || t.tag == "NNS" || t.tag == "JJ") && i > s.a+1 && v.isComma(i-1) &&
			i+1 < s.b && (next || v.isNoun(i+1) || v.is(i+1, "to") || v.isPrep(i+1) && !v.is(i+1, "of")):
			t.tag = "VBP"
		}
	}
}

// objectStart reports whether token i can open a verb's object: a mention,
// a determiner, a possessive pronoun, a proper noun or a quote mark.
func (v *view) objectStart(i int) bool {
	if v.inMention(i) || v.isQuote(i) {
		return true
	}
	switch v.toks[i].tag {
	case "DT", "PRP$", "NNP", "NNPS":
		return true
	}
	return false
}

// subjectOrConj reports whether token i can stand right before a finite
// verb: the end of a subject, an adverb or a conjunction.
func (v *view) subjectOrConj(i int) bool {
	if v.inMention(i) {
		return true
	}
	switch v.toks[i].tag {
	case "CC", "NNP", "NNPS", "NNS", "PRP", "RB":
		return true
	}
	return false
}

// opensHeadline reports whether the tokens of headline s before token i are
// one noun phrase: names and nominal words only, no verb ("Ostland states"
// before "back", not "leaders seal Ostland" before "trade").
func opensHeadline(v *view, s *sent, i int) bool {
	for k := s.a; k < i; k++ {
		if !v.inMention(k) && !v.isNominal(k) && !(k == i-1 && v.has(k, roleCollective|rolePeople)) {
			return false
		}
	}
	return true
}

// titleCase reports whether headline s capitalises its words: at least four
// words of three or more letters, nine in ten of them capitalised.
func titleCase(v *view, s *sent) bool {
	n, up := 0, 0
	for i := s.a; i < s.b; i++ {
		w := v.d.Tokens[i].Text
		if len(v.toks[i].lower) < 3 || !unicode.IsLetter([]rune(w)[0]) {
			continue
		}
		n++
		if unicode.IsUpper([]rune(w)[0]) {
			up++
		}
	}
	return n >= 4 && up*10 >= n*9
}

// verbForm reports whether token t is the base form of a verb the lexicon
// knows: one of verbs.tsv's, or a trigger verb.
func (x *Extractor) verbForm(t *tok) bool {
	return x.lx.third[t.lower+"s"] || x.lx.third[t.lower+"es"] || x.lx.verbStems[t.stem] && t.stem == t.lower
}
