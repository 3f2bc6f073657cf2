package stances

// vgKind says what kind of clause a verb group heads.
type vgKind uint8

const (
	vgFinite     vgKind = iota // has or could have a subject of its own
	vgInfinitive               // after "to"
	vgParticiple               // a participle without auxiliary: "calling on", "imposed on"
	vgRelative                 // after who, which or that
)

// vgroup is a run of verbs with the adverbs between them: "had also decided",
// "would not stand", "is planned".
type vgroup struct {
	start, end int // tokens [start, end)
	head       int // the last verb
	modal      int // will, would or shall, or -1
	neg        bool
	passive    bool // a form of "be" before a past participle
	kind       vgKind
	coord      bool // follows "and", "but" or ", and"
	coordComma bool // follows ", and"

	subj     subject
	actor    actor
	resolved bool
}

// sent is one sentence with its verb groups.
type sent struct {
	idx      int
	a, b     int // tokens [a, b)
	headline bool
	title    bool // a headline in Title Case ("Norland Will Ban Plastic Bags")
	vgs      []vgroup
	frames   []frame
	quoted   []span // quotations: tokens between quote marks
	behalf   []behalf
	main     int // index into vgs of the main clause's verb group, or -1
}

// behalf is an "on behalf of X" phrase at token at: the first clause after
// it speaks for X too.
type behalf struct {
	at  int
	ids []string
}

// span is a token range [a, b).
type span struct{ a, b int }

func (s span) has(i int) bool { return s.a <= i && i < s.b }

// parseSentence finds the verb groups of sentence si.
func (x *Extractor) parseSentence(v *view, si int) *sent {
	ds := v.d.Sentences[si]
	s := &sent{idx: si, a: ds.TokStart, b: ds.TokEnd, main: -1}
	if s.a < 0 || s.b > len(v.toks) || s.a > s.b {
		s.a, s.b = 0, 0
		return s
	}
	last := s.b - 1
	if last > s.a && v.isQuote(last) {
		last-- // "Envoy: 'Our door stays open'" ends with its quote
	}
	s.headline = si == 0 && s.b > s.a && !v.isClauseStop(last) && !v.isQuote(last)
	s.title = s.headline && titleCase(v, s)
	x.retag(v, s)
	seenFinite := false
	for i := s.a; i < s.b; i++ {
		if !v.isVerb(i) {
			continue
		}
		g := vgroup{start: i, modal: -1}
		j := i
		for j < s.b {
			switch {
			case v.isVerb(j):
				j++
				continue
			case v.isQuote(j) && j > i && v.has(j-1, roleModal|roleAux) && j+1 < s.b &&
				(v.isVerb(j+1) || j+2 < s.b && v.isAdverb(j+1) && v.isVerb(j+2)):
				j++ // "will ‘act’", "would “firmly respond": a quoted verb after its modal
				continue
			case (v.isAdverb(j) || v.has(j, roleNegator)) && j+1 < s.b && v.isVerb(j+1):
				j++
				continue
			case (v.isAdverb(j) || v.has(j, roleNegator)) && j+2 < s.b &&
				(v.isAdverb(j+1) || v.has(j+1, roleNegator)) && v.isVerb(j+2):
				j += 2
				continue
			case j+3 < s.b && v.isAdverb(j) && v.isAdverb(j+1) && v.isAdverb(j+2) && v.isVerb(j+3):
				j += 3
				continue
			}
			break
		}
		g.end = j
		be := false
		for k := g.start; k < g.end; k++ {
			switch {
			case v.isVerb(k):
				g.head = k
				if v.has(k, roleModal) && g.modal < 0 {
					g.modal = k
				}
				if v.has(k, roleAux) && isBe(v.toks[k].lower) {
					be = true
				}
			case v.has(k, roleNegator):
				g.neg = true
			}
		}
		g.passive = be && v.toks[g.head].tag == "VBN" && g.head > g.start
		g.kind = x.groupKind(v, s, &g, seenFinite)
		if g.kind == vgFinite {
			seenFinite = true
		}
		s.vgs = append(s.vgs, g)
		i = j - 1
	}
	s.quoted = quotations(v, s)
	return s
}

func isBe(w string) bool {
	switch w {
	case "be", "is", "are", "was", "were", "been", "being", "am", "'s", "'re":
		return true
	}
	return false
}

// groupKind classifies a verb group by what stands before it.
func (x *Extractor) groupKind(v *view, s *sent, g *vgroup, seenFinite bool) vgKind {
	p := g.start - 1
	for p >= s.a && v.isAdverb(p) {
		p--
	}
	if p >= s.a {
		switch {
		case v.is(p, "to") && v.toks[p].tag == "TO":
			return vgInfinitive
		case !v.inMention(p) && (v.toks[p].tag == "WDT" || v.toks[p].tag == "WP" || v.is(p, "who") || v.is(p, "which")):
			return vgRelative
		case v.toks[p].tag == "CC":
			g.coord = true
			g.coordComma = p > s.a && v.isComma(p-1)
		}
	}
	first := v.toks[g.start].tag
	if first == "VBG" || first == "VBN" {
		if g.coord {
			return vgFinite // "... and called on", tagged VBN
		}
		if first == "VBN" && !seenFinite && p >= s.a && (v.isNoun(p) || v.is(p, ")")) && !v.isComma(p) {
			return vgFinite // "the participants called on", tagged VBN
		}
		if first == "VBN" && !seenFinite && p > s.a && v.isComma(p) && openerComma(v, s, p) >= 0 {
			return vgFinite // "the envoy, a former general, called on", tagged VBN
		}
		return vgParticiple
	}
	return vgFinite
}

// quotations returns the token ranges between pairs of quote marks.
func quotations(v *view, s *sent) []span {
	var out []span
	open := -1
	for i := s.a; i < s.b; i++ {
		if !v.isQuote(i) || v.is(i, "'") {
			continue
		}
		if open < 0 {
			open = i
		} else {
			out = append(out, span{open + 1, i})
			open = -1
		}
	}
	return out
}

// groupAt returns the index of the verb group holding token i, or -1.
func (s *sent) groupAt(i int) int {
	for k := range s.vgs {
		if s.vgs[k].start <= i && i < s.vgs[k].end {
			return k
		}
	}
	return -1
}

// clauseEnd returns the token where the clause that goes on at token from
// ends: at the end of the sentence, a semicolon or colon, a coordinated
// verb phrase ("and demanded"), a participle clause after a comma (", saying")
// or a subordinate clause ("because", "while").
func (x *Extractor) clauseEnd(v *view, s *sent, from int) int {
	for k := from; k < s.b; k++ {
		switch {
		case v.isQuote(k) && k+1 < s.b && v.isComma(k+1) && x.reportAhead(v, s, k+2):
			return k // `...to Tajikistan", said Zas`
		case v.isClauseStop(k):
			if v.is(k, ":") || v.is(k, ";") || k == s.b-1 || v.is(k, ".") {
				return k
			}
		case v.isComma(k):
			n := k + 1
			if n >= s.b {
				return k
			}
			if k > from && v.isQuote(k-1) && x.reportAhead(v, s, n) {
				return k - 1 // `...to Tajikistan", said Zas`
			}
			if v.isQuote(n) && x.reportAhead(v, s, n+1) || x.reportCloses(v, s, n) {
				return k // `...the talks," Lavrov said`, "..., Lavrov said."
			}
			if v.toks[n].tag == "CC" && (x.verbAhead(v, s, n+1) || x.clauseAhead(v, s, n+1)) {
				return k
			}
			if v.toks[n].tag == "VBG" && !v.inMention(n) && !v.is(n, "including") {
				return k
			}
			if _, cond := x.phraseAt(v, n, s.b, roleCondition); !cond && v.isFinite(n) && v.toks[n].tag != "MD" && !v.has(n, roleCondition) {
				return k // "..., voice concern", "..., called for restraint"
			}
			if v.has(n, roleSubord) && !v.has(n, roleCondition) && !v.is(n, "which") && !v.is(n, "who") {
				return k
			}
		case v.toks[k].tag == "CC" && (v.is(k, "and") || v.is(k, "but")):
			if x.verbAhead(v, s, k+1) || x.triggerGerundAt(v, s, k+1) || k+1 < s.b && v.is(k+1, "that") || subjectClauseAt(v, s, k+1) {
				return k // "... and that the council would set up", "... and the army should"
			}
		case v.has(k, roleSubord) && !v.has(k, roleCondition) && (v.is(k, "because") || v.is(k, "while") || v.is(k, "although") || v.is(k, "whereas")):
			return k
		case v.is(k, "as") && k > from && k+2 < s.b && v.toks[k+1].tag == "PRP" && v.isFinite(k+2) && !(k > 1 && v.is(k-2, "as")):
			// not "for as long as it takes"
			return k // "condemned the conflict as it called for a ceasefire": a clause of its own
		case v.has(k, roleOpener|roleSubord) && !v.has(k, roleCondition) && k > from && !(k > 1 && v.is(k-2, "as")) &&
			!v.is(k, "which") && !v.is(k, "who") && !v.is(k, "whom") && bareClauseAt(v, s, k+1) > k+1:
			return k // "vowed to respond as the allies urged restraint": a clause with its own subject
		}
	}
	return s.b
}

// verbAhead reports whether a verb that starts a new predicate stands at
// token i, after adverbs: a finite verb, a modal, or a trigger verb.
func (x *Extractor) verbAhead(v *view, s *sent, i int) bool {
	for i < s.b && (v.isAdverb(i) || v.has(i, roleNegator)) {
		i++
	}
	if i >= s.b || v.inMention(i) {
		return false
	}
	switch v.toks[i].tag {
	case "VBD", "VBZ", "MD":
		return true
	case "VB", "VBP", "VBN":
		return true
	}
	return false
}

// triggerGerundAt reports whether a gerund that opens a trigger verb stands
// at token i: "calling for peace and demanding that".
func (x *Extractor) triggerGerundAt(v *view, s *sent, i int) bool {
	if i >= s.b || v.toks[i].tag != "VBG" || v.inMention(i) {
		return false
	}
	for _, ti := range x.lx.byFirst[v.toks[i].stem] {
		if x.lx.triggers[ti].pos == posVerb {
			return true
		}
	}
	return false
}

// subjectClauseAt reports whether a clause with its own subject starts at
// token i: a short noun phrase, then a present verb or a modal ("the army
// should", "Sudland will"); a past form there is as often a participle
// ("Norland and Sudland leaders jailed last year").
func subjectClauseAt(v *view, s *sent, i int) bool {
	k := i
	for k < s.b && k < i+5 && (v.isNominal(k) || v.inMention(k)) && !v.isFinite(k) {
		k++
	}
	return k > i && k < s.b && v.isFinite(k) && v.toks[k].tag != "VBD"
}

// clauseAhead reports whether a new clause with a subject of its own starts
// at token i: a finite verb follows within a few words, before any comma
// ("..., and France, Germany, Italy and Belgium have said").
func (x *Extractor) clauseAhead(v *view, s *sent, i int) bool {
	for k := i; k < s.b && k < i+10; k++ {
		if v.isClauseStop(k) {
			return false
		}
		if v.isFinite(k) {
			return true
		}
		if v.isComma(k) && !(k > i && v.inMention(k-1)) {
			return false
		}
	}
	return false
}

// reportCloses reports whether the sentence ends, from token i, with a
// verb of saying and its subject: "..., Lavrov said.", "..., the ministry
// said in a statement."
func (x *Extractor) reportCloses(v *view, s *sent, i int) bool {
	for k := i; k < s.b && k < i+6; k++ {
		if v.isVerb(k) {
			if !v.has(k, roleReport) || k == i {
				return false
			}
			e := k + 1
			for e < s.b && !v.isClauseStop(e) && e < k+6 {
				e++
			}
			return e >= s.b-1
		}
		if v.isPunct(k) {
			return false
		}
	}
	return false
}

// reportAhead reports whether a verb of saying follows token i within a few
// words: `", said Zas`, `," the document says`.
func (x *Extractor) reportAhead(v *view, s *sent, i int) bool {
	for k := i; k < s.b && k < i+6; k++ {
		if v.isVerb(k) {
			return v.has(k, roleReport)
		}
		if v.isPunct(k) {
			return false
		}
	}
	return false
}
