package stances

import "github.com/communique/communique/models"

// subjKind says how a verb group's subject was found.
type subjKind uint8

const (
	subjNone       subjKind = iota
	subjNP                  // a noun phrase before the verb
	subjInverted            // a noun phrase after a verb of saying: "said Zas"
	subjElided              // a coordinated predicate: "... and demanded"
	subjControlled          // a participle or infinitive: the main clause's subject
)

// modifier is a modifier of a subject's head noun phrase: a prepositional
// phrase ("in Mali and Burkina Faso"), a participle ("imposed on Niger") or a
// parenthesis ("led by General Tiani"), with the word that opens it.
type modifier struct {
	span
	word string
}

// subject is the subject of a verb group.
type subject struct {
	kind    subjKind
	np      span // the whole subject: head, of-chain and modifiers
	head    span // the head noun phrase with its of-chain
	mods    []modifier
	coActor []span // parentheses whose mentions act too ("led by General Tiani")
}

// npLeft returns the noun phrase that ends at token j: determiners,
// adjectives, nouns and possessives, "of" chains and coordinated names
// ("France, Germany, Italy and Belgium"). ok is false when token j is not nominal.
func npLeft(v *view, s *sent, j int) (span, bool) {
	if acronymParens(v, s, j) && j-3 >= s.a && (v.isNoun(j-3) || v.inMention(j-3)) {
		// "the Commonwealth of Independent States (CIS)"
		np, _ := npLeft(v, s, j-3)
		return span{np.a, j + 1}, true
	}
	if j < s.a || j >= s.b || !(v.isNoun(j) || v.inMention(j)) {
		// a possessive pronoun alone is no noun phrase
		return span{}, false
	}
	if v.toks[j].tag == "PRP" && !v.inMention(j) && !v.has(j, roleReflexive) {
		return span{j, j + 1}, true // "told the channel he blames": a pronoun is its own phrase
	}
	a := j
	for k := j - 1; k >= s.a; k-- {
		switch {
		case acronymParens(v, s, k):
			// "the Asia-Pacific Economic Cooperation (APEC) forum"
			a = k - 2
			k -= 2
			continue
		case v.inMention(k), v.isNominal(k):
			if v.isQuote(k) {
				return span{a, j + 1}, true
			}
			a = k
			if v.has(k, roleArticle) && !v.inMention(k) && k > s.a && v.isNoun(k-1) && !v.hasIn(k+1, j+1, roleTime) {
				// "told the paper the government will": an article opens its
				// phrase; "the EU this week" is one
				return span{a, j + 1}, true
			}
			continue
		case v.is(k, "of") && k > s.a && (v.isNoun(k-1) || v.inMention(k-1)):
			a = k
			continue
		case (v.is(k, "and") || v.is(k, "or")) && k > s.a && v.toks[k-1].tag == "JJ" && v.toks[a].tag == "JJ":
			// "military and diplomatic assistance"
			a = k
			continue
		case (v.is(k, "and") || v.is(k, "&")) && k > s.a && coordinated(v, k-1, a):
			a = k
			continue
		case v.isComma(k) && k > s.a && coordinated(v, k-1, a) && v.inMention(k-1) &&
			(v.inMention(a) || (v.toks[a].tag == "DT" && a+1 < s.b && v.inMention(a+1))) &&
			hasConjunction(v, a, j+1):
			// a list: "France, Germany, Italy and Belgium"
			a = k
			continue
		case s.headline && v.isComma(k) && k > s.a && headlineListItem(v, k-1) && headlineListItem(v, a) &&
			headlineListStart(v, s, k-1):
			// a headline lists without "and": "Norland, Sudland, allies warn"
			a = k
			continue
		case (v.toks[k].tag == "VBN" || v.toks[k].tag == "VBG") && !v.inMention(k) && k > s.a &&
			(v.toks[k-1].tag == "DT" || v.toks[k-1].tag == "PRP$") && v.isNoun(a):
			// "the continued detention", "the deteriorating situation"
			a = k
			continue
		}
		break
	}
	return span{a, j + 1}, true
}

// headlineListItem reports whether token k can stand in a headline's list
// of actors: a word of an actor's name, or a collective noun ("allies").
func headlineListItem(v *view, k int) bool {
	return v.isActorMention(k) || v.toks[k].tag == "NNS" && v.has(k, roleCollective)
}

// headlineListStart reports whether the actor name ending at token k opens
// its headline, alone or after a colon or dash: a list without "and" is read
// only there ("in the capital, Norland says" lists nothing).
func headlineListStart(v *view, s *sent, k int) bool {
	if !v.isActorMention(k) {
		return false
	}
	m := v.toks[k].mention
	for k > s.a && v.toks[k-1].mention == m {
		k--
	}
	for k > s.a && (v.isActorMention(k-1) || v.isComma(k-1)) {
		k-- // an earlier name of the list
	}
	return k == s.a || v.is(k-1, ":") || v.is(k-1, "–") || v.is(k-1, "-")
}

// acronymParens reports whether token k closes a parenthesized acronym
// after a name: "(CIS)", "(APEC)".
func acronymParens(v *view, s *sent, k int) bool {
	if k-3 < s.a || k >= s.b || !v.is(k, ")") || !v.is(k-2, "(") {
		return false
	}
	return (v.inMention(k-1) || v.toks[k-1].tag == "NNP") && (v.isNoun(k-3) || v.inMention(k-3))
}

// coordinated reports whether the tokens at l (left of a conjunction) and r
// (right of it) can be coordinated names.
func coordinated(v *view, l, r int) bool {
	left := v.inMention(l) || v.toks[l].tag == "NNP" || v.toks[l].tag == "NNPS" || v.toks[l].tag == "NNS" ||
		v.toks[l].tag == "NN" && l > 0 && v.inMention(l-1) // "the Sudanese government and SPLM/A"
	right := v.inMention(r) || v.toks[r].tag == "NNP" || v.toks[r].tag == "NNPS" || v.toks[r].tag == "DT" || v.toks[r].tag == "NNS" ||
		v.toks[r].tag == "PRP$" || // "President Kagame and his party"
		v.toks[r].tag == "JJ" && r+1 < len(v.toks) && (v.toks[r+1].tag == "NNS" || v.toks[r+1].tag == "NNPS") // "Russia and Western countries"
	return left && right
}

// ofEnd returns where the head noun phrase of np ends: before the first
// preposition other than "of".
func headOf(v *view, np span) span {
	for k := np.a; k < np.b; k++ {
		if v.isPrep(k) && !v.is(k, "of") {
			return span{np.a, k}
		}
	}
	return np
}

// findSubject finds the subject of verb group g.
func (x *Extractor) findSubject(v *view, s *sent, g *vgroup) subject {
	switch g.kind {
	case vgInfinitive:
		return subject{kind: subjControlled}
	case vgParticiple:
		np, ok := npLeft(v, s, g.start-1)
		if !ok {
			return subject{kind: subjControlled}
		}
		// absolute construction: "with China and Russia voting against"
		if np.a-1 >= s.a && v.is(np.a-1, "with") {
			return subject{kind: subjNP, np: np, head: np}
		}
		// "X were among the states voting in favour": X votes
		if p := np.a - 2; p >= s.a && v.is(p+1, "among") && v.has(p, roleLinking) {
			if gi := s.groupAt(p); gi >= 0 && s.vgs[gi].kind == vgFinite {
				return x.findSubject(v, s, &s.vgs[gi])
			}
		}
		// reduced relative: "demonstrators protesting election results";
		// but a document speaks for its authors ("a resolution calling on
		// Iran") and a date is no subject ("on Sunday calling for")
		if v.toks[g.start].tag == "VBG" && !v.has(np.b-1, roleDocument|roleTime) && !v.isActorMention(np.b-1) {
			return subject{kind: subjNP, np: np, head: headOf(v, np)}
		}
		return subject{kind: subjControlled}
	case vgRelative:
		p := g.start - 1
		for p >= s.a && v.isAdverb(p) {
			p--
		}
		p-- // the relative pronoun
		if p >= s.a && v.isComma(p) {
			p--
		}
		return x.subjectEndingAt(v, s, p)
	}
	if g.coord {
		return subject{kind: subjElided}
	}
	// inversion: `"...", said Zas` and `..., the document says` are told apart
	// by what follows the verb
	if v.has(g.head, roleReport) && g.start-1 >= s.a && (v.isComma(g.start-1) || v.isQuote(g.start-1)) &&
		g.end < s.b && (v.inMention(g.end) || v.toks[g.end].tag == "DT" || v.toks[g.end].tag == "NNP") {
		e := g.end
		for e < s.b && (v.isNominal(e) || v.inMention(e) || v.is(e, "of")) && !v.isQuote(e) {
			e++
		}
		if e >= s.b || v.isPunct(e) {
			np := span{g.end, e}
			return subject{kind: subjInverted, np: np, head: headOf(v, np)}
		}
	}
	// skip adverbs and auxiliaries a long adverb run split off: "has once
	// again outright rejected"
	j := g.start - 1
	for j >= s.a && (v.isAdverb(j) || v.has(j, roleNegator) || v.isVerb(j) && v.has(j, roleAux|roleModal|roleObligation)) {
		j--
	}
	if j < s.a {
		return subject{kind: subjNone}
	}
	if v.toks[j].tag == "CC" {
		return subject{kind: subjElided}
	}
	return x.subjectEndingAt(v, s, j)
}

// subjectEndingAt finds the subject noun phrase whose last token is j,
// skipping a parenthesis that ends at j and collecting the modifiers between
// the head noun phrase and the verb.
func (x *Extractor) subjectEndingAt(v *view, s *sent, j int) subject {
	var sub subject
	end := j + 1
	if j >= s.a && v.isComma(j) {
		k := openerComma(v, s, j)
		if k < 0 {
			return subject{kind: subjElided}
		}
		// "led by General Tiani", "the United Nations Emergency Relief
		// Coordinator": the parenthesis names a co-actor
		// but "The text, presented by Luxembourg," names a sponsor: the
		// document speaks for the body that adopts it
		if (v.toks[k+1].tag == "VBN" || v.toks[k+1].tag == "VBD") && k+2 < j && v.is(k+2, "by") && !v.has(k-1, roleDocument) ||
			v.toks[k+1].tag == "DT" || appositiveName(v, k+1, j) || titleAfterName(v, k, k+1) {
			sub.coActor = append(sub.coActor, span{k + 1, j})
		}
		j = k - 1
	}
	np, ok := npLeft(v, s, j)
	if !ok {
		return subject{kind: subjNone}
	}
	for n := 0; n < 5; n++ {
		p := np.a - 1
		if p < s.a {
			break
		}
		switch {
		case v.isPrep(p) && p-1 >= s.a && (v.has(p-1, roleAux) || v.has(p-1, roleModal)) && !v.inMention(p-1):
			// "have in a recent joint statement expressed": the phrase is an
			// adverbial between auxiliary and verb
			q := p - 1
			for q >= s.a && (v.isVerb(q) || v.isAdverb(q)) {
				q--
			}
			np2, ok := npLeft(v, s, q)
			if !ok {
				return subject{kind: subjNone}
			}
			np = np2
			sub.mods = nil
			continue
		case v.isPrep(p) && p-2 >= s.a && (v.toks[p-1].tag == "VBN" || v.toks[p-1].tag == "VBG") &&
			!v.inMention(p-1) && (v.isNoun(p-2) || v.inMention(p-2)):
			// "the sanctions imposed on Niger"
			sub.mods = append(sub.mods, modifier{span{p - 1, np.b}, v.toks[p-1].lower})
			np2, _ := npLeft(v, s, p-2)
			np = span{np2.a, np.b}
			continue
		case v.isPrep(p) && p-2 >= s.a && (v.isAdverb(p-1) || v.isPrep(p-1) && !v.inMention(p-1)) && (v.isNoun(p-2) || v.inMention(p-2)):
			// "Washington along with its allies"
			sub.mods = append(sub.mods, modifier{span{p - 1, np.b}, v.toks[p].lower})
			np2, _ := npLeft(v, s, p-2)
			np = span{np2.a, np.b}
			continue
		case v.isPrep(p) && !v.has(p, roleSubord|roleOpener) && p-1 >= s.a && (v.isNoun(p-1) || v.inMention(p-1) || acronymParens(v, s, p-1)):
			// "the juntas in Mali and Burkina Faso", "the Gulf Cooperation
			// Council (GCC) on Sunday"
			sub.mods = append(sub.mods, modifier{span{p, np.b}, v.toks[p].lower})
			np2, _ := npLeft(v, s, p-1)
			np = span{np2.a, np.b}
			continue
		}
		break
	}
	sub.kind = subjNP
	sub.np = span{np.a, end}
	headEnd := np.b
	for _, m := range sub.mods {
		headEnd = min(headEnd, m.a)
	}
	sub.head = headOf(v, span{np.a, headEnd})
	return sub
}

// openerComma finds the comma that opens the parenthesis closed by the comma
// at j ("Niamey's military rulers, led by General Tiani, rejected"), or -1.
func openerComma(v *view, s *sent, j int) int {
	for k := j - 1; k > s.a && k > j-30; k-- {
		if v.isClauseStop(k) {
			return -1
		}
		if !v.isComma(k) || k+1 >= j {
			continue
		}
		if !(v.isNoun(k-1) || v.inMention(k-1) || v.is(k-1, ")") || v.toks[k-1].tag == "PRP") { // "It, in particular, expressed"
			continue
		}
		n := k + 1
		switch v.toks[n].tag {
		case "WP", "WDT", "VBN", "VBD", "VBG", "DT":
			return k
		}
		if appositiveName(v, n, j) {
			return k // "The OSCE Chairman-in-Office, North Macedonia's Foreign Minister Bujar Osmani, welcomed"
		}
		if titleAfterName(v, k, n) {
			return k // "Maria Zakharova, spokeswoman for the Russian Foreign Ministry, called"
		}
		if shortAdverbial(v, n, j) {
			return k // "Lukashenko, for his part, stressed", "the ministers, however, said"
		}
		if !v.inMention(n) && (v.is(n, "who") || v.is(n, "which")) {
			return k
		}
	}
	return -1
}

// titleAfterName reports whether the comma at token k follows a person's
// name and opens a title (token n): "Zakharova, spokeswoman for the
// Russian Foreign Ministry,"; the title's state or body acts with the person.
func titleAfterName(v *view, k, n int) bool {
	if k < 1 || !v.inMention(k-1) || v.mention(k-1).Label != models.Official || v.inMention(n) {
		return false
	}
	t := v.toks[n].tag
	return t == "NN" || t == "JJ" || t == "NNP"
}

// appositiveName reports whether tokens [a, b) are a noun phrase that ends
// with a person's name: "North Macedonia's Foreign Minister Bujar Osmani".
func appositiveName(v *view, a, b int) bool {
	if b <= a || !v.inMention(b-1) || v.mention(b-1).Label != models.Official {
		return false
	}
	if !(v.inMention(a) || v.toks[a].tag == "NNP") {
		return false
	}
	for k := a; k < b; k++ {
		if !(v.isNominal(k) || v.inMention(k)) || v.isQuote(k) {
			return false
		}
	}
	return true
}

// shortAdverbial reports whether tokens [a, b) are an adverb or a short
// prepositional phrase without a verb or an actor's name: "however", "for
// his part", "in turn", "in a statement from its headquarters in Jeddah".
func shortAdverbial(v *view, a, b int) bool {
	if b == a+1 && v.isAdverb(a) || b == a+2 && v.isPrep(a) && (v.isAdverb(a+1) || v.toks[a+1].tag == "JJ") {
		return true // "however", "in particular", "in turn"
	}
	if !v.isPrep(a) || b-a > 9 || b-a < 2 {
		return false
	}
	// "in a statement from its headquarters in Jeddah": prepositions and
	// places may stand inside, no actor
	for k := a + 1; k < b; k++ {
		if v.isVerb(k) || v.isActorMention(k) || !(v.isNominal(k) || v.inMention(k) || v.isPrep(k) && k+1 < b) {
			return false
		}
	}
	return true
}

// hasConjunction reports whether "and", "or" or "&" stands in [a, b).
func hasConjunction(v *view, a, b int) bool {
	for k := a; k < b; k++ {
		if v.is(k, "and") || v.is(k, "or") || v.is(k, "&") {
			return true
		}
	}
	return false
}
