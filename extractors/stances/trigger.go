package stances

import (
	"strings"

	"github.com/kljensen/snowball/english"

	"github.com/communique/communique/models"
)

// cand is a licensed trigger on its way to becoming a row.
type cand struct {
	pos      triggerPOS
	table    table
	stance   models.Stance
	modality models.Modality
	neg      bool
	// restraint marks a commitment not to act ("will not strike"): negated
	// in its row, as the annotation guide wants, but coded as restraint
	// (plover.tsv), not as a refusal to comply
	restraint bool
	trig      span // the trigger's tokens
	words     int  // how many of them are the trigger's words; the rest fill gaps
	gov       int  // the verb group carrying the trigger, or -1
	obj       int  // the first token of the object
	objEnd    int  // the token after the object
	verb      int  // a commitment's main verb, or -1
	passive   bool // the main verb is passive: its subject is the object
	actor     actor
	topicSub  span    // an evaluation's topic: the clause's subject
	nested    bool    // may stand inside another row's object
	conf      float32 // the row's confidence, set by decide
}

// isFunctionStem reports whether a phrase word is a stop word, between which
// and the word before only adverbs may stand.
func isFunctionStem(w string) bool { return english.IsStopWord(w) }

// wordCount returns how many words of the text a trigger names, its object
// slot aside.
func (tr *trigger) wordCount() int {
	n := 0
	for _, w := range tr.words {
		if w != objectSlot {
			n++
		}
	}
	return n
}

// objectSlot stands in a trigger phrase for the verb's object ("press * on").
const objectSlot = "*"

// matchTrigger matches the stems of a trigger phrase at token i and returns
// the token after the match.
func matchTrigger(v *view, s *sent, i int, words []string) (int, bool) {
	if v.toks[i].stem != words[0] {
		return 0, false
	}
	k := i + 1
	for wi, w := range words[1:] {
		if w == objectSlot {
			// "press Myanmar's junta on": an object of one to four words,
			// up to the word after the slot
			after := words[wi+2]
			n := 0
			for k < s.b && n < 4 && (v.isNominal(k) || v.inMention(k)) && !v.isQuote(k) && !v.isPrep(k) &&
				(n == 0 || v.toks[k].stem != after) {
				k++
				n++
			}
			if n == 0 {
				return 0, false
			}
			continue
		}
		gap, maxGap := 0, 2
		if w == "against" {
			maxGap = 4 // "warned Western countries against"
		}
		for k < s.b && v.toks[k].stem != w && gap < maxGap {
			t := v.toks[k].tag
			adverb := v.isAdverb(k)
			filler := t == "DT" || t == "PRP$" || t == "JJ" || t == "CD" || t == "VBG" && k > i+1 || // "pointed to the growing risk"
				v.isQuote(k) // "voiced “deep” concern"
			object := maxGap > 2 && (v.isNominal(k) || v.inMention(k)) && !v.isQuote(k)
			if !object && (v.inMention(k) || !(adverb || v.has(k, roleTime) || (filler && !isFunctionStem(w)))) {
				break
			}
			k++
			gap++
		}
		if k >= s.b || v.toks[k].stem != w || v.inMention(k) {
			return 0, false
		}
		k++
	}
	return k, true
}

// verbish reports whether token j can be the verb of an infinitive: tagged
// a verb, or a noun right after a quote mark (`to "refrain from`).
func (v *view) verbish(j int) bool {
	if v.inMention(j) {
		return false
	}
	t := v.toks[j].tag
	if t == "VB" || t == "VBP" || t == "VBG" {
		return true // "committed to holding elections" is "to hold"
	}
	return (t == "NN" || t == "JJ" || t == "VBN" || t == "VBD") && j > 0 && v.isQuote(j-1)
}

// skipQuotesAdverbs returns the first token from j that is no quote mark or adverb.
func skipQuotesAdverbs(v *view, s *sent, j int) int {
	for j < s.b && (v.isQuote(j) || v.isAdverb(j)) {
		j++
	}
	return j
}

// complementAt classifies what follows a trigger ending before token e and
// returns where the object starts.
func (x *Extractor) complementAt(v *view, s *sent, e int) (comp, int) {
	if e < s.b && e > s.a && v.isPrep(e-1) && (v.has(e, roleTime) || v.toks[e].tag == "CD") {
		return 0, e // "agreed on Tuesday": "on" is no particle
	}
	k := skipQuotesAdverbs(v, s, e)
	// "agreed on Tuesday that", "agreed in principle on Saturday to": skip
	// short adverbial phrases before "to" or "that"
	if j := skipAdverbials(v, s, k); j > k && j < s.b && (v.is(j, "to") || v.is(j, "that")) {
		k = j
	}
	if k >= s.b || v.isClauseStop(k) {
		return compNP, k
	}
	if v.is(k, "to") {
		j := skipQuotesAdverbs(v, s, k+1)
		if j < s.b && v.verbish(j) {
			return compTo, k + 1
		}
		return compToNP | compNP, k
	}
	if v.is(k, "that") {
		return thatClause(v, k+1, x.clauseEnd(v, s, k+1)), k + 1
	}
	if e := bareClauseAt(v, s, k); e > k {
		// "warned the virus still poses a threat": a that-clause without "that"
		return thatClause(v, k, x.clauseEnd(v, s, e)) | compNP, k
	}
	c := compNP
	if v.is(k, "of") && k+1 < s.b && v.toks[k+1].tag == "VBG" && !v.inMention(k+1) {
		return compOfIng | compNP, k + 1 // "no intention of violating"
	}
	// an object, then to + verb
	j, n := k, 0
	for j < s.b && n < 14 {
		if v.isNominal(j) || v.inMention(j) || v.is(j, "of") || v.is(j, "and") || v.is(j, "in") || v.isQuote(j) ||
			v.is(j, "(") || v.is(j, ")") || n > 0 && (v.toks[j].tag == "VBG" || v.isAdverb(j)) {
			// "told students studying abroad to": a participle may modify the object
			j++
			n++
			continue
		}
		break
	}
	if n > 0 && j < s.b && v.is(j, "to") {
		if m := skipQuotesAdverbs(v, s, j+1); m < s.b && v.verbish(m) {
			c |= compObjTo
		}
	}
	// an action noun with "of", or "to" and a noun phrase: "the activation
	// of", "an end to"
	for j, n = k, 0; j < s.b && n < 4; j, n = j+1, n+1 {
		if v.isNoun(j) && !v.inMention(j) {
			if j+1 < s.b && v.toks[j].tag == "NN" && (v.is(j+1, "of") || v.is(j+1, "to") && !(j+2 < s.b && v.verbish(j+2))) {
				c |= compNomOf // "ordered the activation of", "ordered an end to the raids"
			}
			break
		}
		if !v.isNominal(j) {
			break
		}
	}
	return c, k
}

// thatClause returns the complement a that-clause on tokens [a, end) makes:
// compThat, with compThatMD when a modal or "must" stands in it.
func thatClause(v *view, a, end int) comp {
	if v.hasIn(a, end, roleModal|roleObligation) {
		return compThat | compThatMD
	}
	return compThat
}

// bareClauseAt returns the end of the subject of a finite clause that
// starts at token k without "that" ("warned the virus still poses"): a
// noun phrase of one to eight words, which may name someone, then an
// optional adverb and a finite verb or a modal. It returns k when there is
// none.
func bareClauseAt(v *view, s *sent, k int) int {
	j := k
	for j < s.b && j-k < 8 && (v.isNominal(j) || v.inMention(j) || v.isQuote(j) && j > k ||
		j > k && (v.is(j, "of") || v.is(j, "in")) && v.isNoun(j-1) && j+1 < s.b && v.isNominal(j+1)) {
		// "warned dozens of villages in Norland are at risk"
		j++
	}
	if j == k || j >= s.b {
		return k
	}
	if v.toks[j-1].tag == "DT" || v.toks[j-1].tag == "PRP$" || v.toks[j-1].tag == "POS" {
		return k
	}
	h := j
	for h < s.b && v.isAdverb(h) {
		h++
	}
	if h >= s.b {
		return k
	}
	switch v.toks[h].tag {
	case "VBZ", "VBD", "VBP", "MD":
		return j
	}
	return k
}

// agentOf reports whether word is an agent noun of the first word of a
// trigger phrase that shares its stem ("protesters" of "protest"): it names
// people, not the act.
func agentOf(word, phrase string) bool {
	first, _, _ := strings.Cut(phrase, " ")
	w := strings.TrimSuffix(word, "s")
	for _, suf := range []string{"er", "or"} {
		if strings.HasSuffix(w, suf) && !strings.HasSuffix(first, suf) {
			return true
		}
	}
	return false
}

// particleAfter reports whether the one-word verb trigger tr, ending before
// token e, is followed by a particle (cues.tsv) the trigger does not hold:
// another verb ("blast off", "back down", "call off").
func particleAfter(v *view, s *sent, tr *trigger, e int) bool {
	return tr.pos == posVerb && len(tr.words) == 1 && e < s.b && v.has(e, roleParticle)
}

// afterDeterminer reports whether token i follows a determiner, so that a
// verb form there is a noun or an adjective: "the accused", "a proposed
// law", "the agreed text".
func afterDeterminer(v *view, s *sent, i int) bool {
	return i > s.a && v.has(i-1, roleArticle) && !v.inMention(i-1) && v.toks[i].tag != "VBZ" && v.toks[i].tag != "VBP"
}

// candidates returns the licensed triggers of sentence s in token order.
func (x *Extractor) candidates(st *state, s *sent) []cand {
	v := st.v
	var out []cand
	for i := s.a; i < s.b; i++ {
		t := &v.toks[i]
		if t.stem == "" || v.inMention(i) {
			continue
		}
		for _, ti := range x.lx.byFirst[t.stem] {
			tr := &x.lx.triggers[ti]
			e, ok := matchTrigger(v, s, i, tr.words)
			if !ok || agentOf(t.lower, tr.phrase) || particleAfter(v, s, tr, e) || tr.pos == posVerb && afterDeterminer(v, s, i) ||
				(tr.pos == posNoun || tr.pos == posNamed) && !writtenAs(t.lower, tr.phrase) {
				continue
			}
			if c, ok := x.license(st, s, tr, i, e); ok {
				out = append(out, c)
				i = max(e, c.trig.b) - 1 // past a trigger passed through
				break
			}
		}
	}
	return out
}

// license checks that trigger tr at tokens [i, e) stands where its pos wants
// it, and finds its actor.
func (x *Extractor) license(st *state, s *sent, tr *trigger, i, e int) (cand, bool) {
	v := st.v
	cm, obj := x.complementAt(v, s, e)
	o := skipQuotesAdverbs(v, s, obj) // the object's first word
	if tr.comp&compThreat != 0 && objectHas(v, s, o, roleThreat) {
		cm |= compThreat
	}
	if tr.comp&compMenace != 0 && objectHas(v, s, o, roleThreat|roleMenace) {
		cm |= compMenace
	}
	if tr.comp&compPerson != 0 && objectPerson(v, s, o) {
		cm |= compPerson
	}
	if tr.comp&compIdea != 0 && cm&compNP != 0 && !x.objectPeople(v, s, o) {
		cm |= compIdea
	}
	if tr.comp&compDeed != 0 {
		cm |= compDeed // checked with the clause's subject and speaker in licenseEval
	}
	var inner models.Modality // the commitment a refusal refuses: "failed to agree"
	if tr.comp&compToCommit != 0 || tr.table == tableCommitment && tr.neg {
		if inner = x.commitmentVerb(v, s, o, cm); inner != "" {
			cm |= compToCommit
		}
	}
	topic := span{}
	if tr.comp&compPost != 0 && tr.pos == posVerb {
		if comma, ok := postposed(v, s, i, e); ok {
			cm |= compPost
			topic = span{s.a, comma}
		}
	}
	if tr.comp&cm == 0 {
		return cand{}, false
	}
	if tr.pos == posVerb && cm&compPost == 0 && x.pluralNoun(v, s, i, e) {
		return cand{}, false // "Norland blasts raise fears", "carry signs of"
	}
	if tr.pos == posVerb && e == i+1 && e < s.b && v.is(e, ":") && cm&compPost == 0 {
		return cand{}, false // "Norland blast: what we know": a verb has its object, a noun ends a title
	}
	if (tr.pos == posAdj || tr.pos == posEval) && e == i+1 && participleClash(tr.phrase, v.toks[i].lower) {
		return cand{}, false // "concerned" and "concerning" share a stem, not a meaning
	}
	c := cand{pos: tr.pos, table: tr.table, stance: tr.stance, modality: tr.modality, neg: tr.neg,
		trig: span{i, e}, words: tr.wordCount(), gov: -1, obj: obj, verb: -1}
	if cm&tr.comp == compPost {
		c.topicSub = topic // "The outbreak is spreading, the agency warns."
	}
	if tr.table == tableCommitment && tr.neg && inner != "" {
		c.modality = inner // "failed to agree": a negated agreement
	}
	if c.stance == models.Concern && v.has(i, roleWarning) && cm&(compThat|compThatMD) != 0 && obj < s.b &&
		v.hasIn(obj, x.clauseEnd(v, s, obj), roleObligation|roleNeedTo) {
		c.stance = models.Call // "warned that Sudland must withdraw"
	}
	threatened := false
	if c.stance == models.Concern && v.has(i, roleWarning) && obj+3 < s.b && v.is(obj, "there") && v.has(obj+1, roleModal) &&
		objectHas(v, s, obj+3, roleThreat) && !v.is(obj+3, "no") && !v.hasIn(obj+1, obj+3, roleNegator) {
		// "warned that there would be consequences": the warner threatens
		c.table, c.stance, c.modality, threatened = tableCommitment, "", models.Threat, true
	}
	switch tr.pos {
	case posVerb:
		if threatened {
			lc, ok := x.licenseVerb(st, s, tr, c, cm)
			lc.verb = obj + 2 // "be"
			return lc, ok
		}
		if cm&tr.comp == compPerson {
			// a verbal attack on a person is made by a person or a body, not
			// by a state's or group's forces
			lc, ok := x.licenseVerb(st, s, tr, c, cm)
			return lc, ok && (st.hasOfficial(lc.actor.ids) || st.anyOrg(lc.actor.ids))
		}
		return x.licenseVerb(st, s, tr, c, cm)
	case posInf:
		return x.licenseInf(st, s, c)
	case posNoun:
		return x.licenseNoun(st, s, tr, c, cm)
	case posNamed:
		return st.licenseNamed(s, c)
	case posAdj:
		return x.licenseAdj(st, s, c)
	case posEval:
		if tr.comp&compDeed != 0 {
			return x.licenseDeed(st, s, c)
		}
		return x.licenseEval(st, s, c)
	case posFixed:
		if i > s.a && !v.isComma(i-1) && !v.isQuote(i-1) && !v.has(i-1, roleSubord|roleReport) && !v.is(i-1, "that") {
			return cand{}, false
		}
		c.actor = st.planner(s, i)
		c.gov = s.groupAt(i + 1)
		c.verb = x.clauseVerb(v, s, c.obj, cm)
		return c, c.actor.ok()
	}
	return cand{}, false
}

// actorOfGroup returns the actor of a verb group's clause for a trigger:
// for a position without a subject of its own the speaker or the last actor.
func (st *state) actorOfGroup(s *sent, gi int, t table) actor {
	a := st.resolve(s, gi)
	if a.ok() {
		return a
	}
	if g := &s.vgs[gi]; g.subj.kind == subjNP && (st.peopleOfNoOne(g.subj.head) || st.countOfSome(g.subj.head) || st.draftOnly(g.subj.head)) {
		return actor{} // "human rights groups protested": no one the article names
	}
	if g := &s.vgs[gi]; g.kind == vgRelative && g.subj.kind == subjNP {
		return actor{} // "a reporter who sued the ministry": the clause's own subject is no one named
	}
	if sp := st.speakerAt(s, s.vgs[gi].start); sp.ok() {
		return actor{ids: sp.ids, text: sp.text, how: bySpeaker}
	}
	if t == tablePosition && !st.placeSubject(s.vgs[gi].subj) {
		return st.impersonal(s, s.vgs[gi].start)
	}
	return actor{}
}

// placeSubject reports whether a subject names a place and no actor ("the
// city of Lodz", "residents of Lodz"): it speaks for no one the article
// knows, not for the last actor.
func (st *state) placeSubject(sub subject) bool {
	v := st.v
	if sub.kind != subjNP {
		return false
	}
	for k := sub.np.a; k < sub.np.b; k++ {
		if v.inMention(k) && v.mention(k).Label == models.Place {
			return true
		}
	}
	return false
}

// peopleOfNoOne reports whether a subject is a group of people that no
// place or state qualifies ("human rights groups", "analysts").
func (st *state) peopleOfNoOne(h span) bool {
	v := st.v
	for k := h.a; k < h.b; k++ {
		if v.inMention(k) {
			return false
		}
	}
	return h.b > h.a && v.has(h.b-1, rolePeople)
}

// planner returns the actor of an impersonal plan ("it is planned to"): the
// body the article is about, else the speaker or the last actor. "According
// to the press service" names the source of the news, not the planner.
func (st *state) planner(s *sent, at int) actor {
	if st.body != nil {
		return actor{ids: st.body, how: byCollective}
	}
	return st.impersonal(s, at)
}

// clauseVerb returns the main verb of a complement that starts at token obj:
// the infinitive's verb, or the verb after the modal of a that-clause.
func (x *Extractor) clauseVerb(v *view, s *sent, obj int, cm comp) int {
	if cm&compTo != 0 {
		return skipQuotesAdverbs(v, s, obj)
	}
	for gi := range s.vgs {
		if g := &s.vgs[gi]; g.start >= obj && (g.modal >= 0 || x.obliged(v, g)) {
			return g.head
		}
	}
	return -1
}

// impersonal returns the actor of a clause without one ("it is planned",
// "the support is confirmed"): the speaker, the body the article is about,
// or the last actor.
func (st *state) impersonal(s *sent, at int) actor {
	if sp := st.speakerAt(s, at); sp.ok() {
		return actor{ids: sp.ids, text: sp.text, how: bySpeaker}
	}
	if st.body != nil {
		return actor{ids: st.body, how: byMemory}
	}
	if st.group != nil {
		return actor{ids: st.group, how: byMemory}
	}
	return actor{}
}

func (x *Extractor) licenseVerb(st *state, s *sent, tr *trigger, c cand, cm comp) (cand, bool) {
	v := st.v
	i := c.trig.a
	gi := s.groupAt(i)
	if gi < 0 {
		// a verb tagged as a noun: "with China and Russia voting against",
		// "IAEA board rebukes Iran"; it needs a noun phrase right before it
		p := i - 1
		if p < s.a || !(v.isNoun(p) || v.inMention(p)) || v.toks[i].tag == "JJ" && !s.headline {
			return cand{}, false
		}
		np, _ := npLeft(v, s, p)
		if np.a > s.a && !v.is(np.a-1, "with") && !v.isComma(np.a-1) && !s.headline {
			return cand{}, false
		}
		sub := subject{kind: subjNP, np: np, head: headOf(v, np)}
		c.actor = st.resolveNP(s, sub, i)
		if tr.table == tableCommitment {
			x.commitVerb(v, s, tr, &c, cm) // "Norland Vows To Defend": the infinitive acts
		}
		return c, c.actor.ok()
	}
	g := &s.vgs[gi]
	if g.kind == vgInfinitive {
		if lc, ok := x.licenseInf(st, s, c); ok || tr.table != tablePosition {
			return lc, ok
		}
		// a purpose clause: "summoned the ambassador to complain", "mobilized
		// groups to help support"; its subject is the clause's before it
		for k := gi - 1; k >= 0; k-- {
			if pk := &s.vgs[k]; pk.modal >= 0 && v.has(pk.head, roleAspect) && pk.end == g.start-1 {
				return cand{}, false // "would continue to support": the modal's commitment
			}
			if s.vgs[k].kind == vgFinite || s.vgs[k].kind == vgParticiple {
				c.gov = gi
				c.actor = st.actorOfGroup(s, k, tr.table)
				return c, c.actor.ok()
			}
		}
		return cand{}, false
	}
	if g.modal >= 0 && tr.table == tablePosition && !g.neg && (c.stance == models.Support || c.stance == models.Oppose ||
		v.is(g.modal, "would") || c.obj < s.b && v.is(c.obj, "any") || x.adverseCondition(st, s, &c)) {
		// "would support", "would resist", "would condemn any attack": a
		// commitment; "would not support the proposal" is a stance, and so
		// is an act of speech announced: "will urge", "will condemn"
		return cand{}, false
	}
	if tr.table == tableCommitment && x.obliged(v, g) {
		return cand{}, false // "must reach an agreement": a demand on them
	}
	if tr.table == tablePosition && v.has(i, roleReport) && c.topicSub.b == 0 && (c.obj >= s.b || v.isPunct(c.obj) && !v.isQuote(c.obj)) {
		return cand{}, false // "..., the press service stressed.": a verb of saying without an object
	}
	hp := headlinePassive(v, s, g, c.trig) || reducedRelative(v, s, g, c.trig) || x.controlPassive(v, s, g, c.trig)
	if !g.passive && !hp && c.trig.b < s.b && v.is(c.trig.b, "by") {
		return cand{}, false // "as stressed by X": X speaks, the verb has no object
	}
	if v.has(i, roleLight) && x.nounTriggerAfter(v, s, c.obj) {
		return cand{}, false // "stressed the importance of": the noun decides
	}
	c.gov = gi
	c.neg = c.neg != g.neg
	if c.neg && tr.table == tableCommitment && v.has(i, roleRestraint) {
		// "did not intend to leave": a pledge not to leave
		c.neg, c.restraint, c.modality = false, true, models.Pledge
	}
	if g.passive || hp {
		// "was condemned by X": the agent acts
		end := x.clauseEnd(v, s, c.trig.b)
		for k := c.trig.b; k < end-1; k++ {
			if v.is(k, "by") && (k == c.trig.b || !otherParticiple(v, k)) { // not "actions taken by"
				np := npRight(v, s, k+1, end)
				sub := subject{kind: subjNP, np: np, head: headOf(v, np)}
				c.actor = st.resolveNP(s, sub, k)
				return c, c.actor.ok()
			}
		}
		if sp := st.speakerAt(s, i); hp && sp.ok() && onlyPredicate(v, s, g) {
			// "Man accused of spying, ministry says": the speaker accuses
			c.actor = actor{ids: sp.ids, text: sp.text, how: bySpeaker}
			return c, true
		}
		return cand{}, false
	}
	if tr.modality == models.Threat && cm&compTo == 0 && !objectHas(v, s, c.obj, roleThreat|roleMenace) {
		return cand{}, false // "the attacks threatened navigation": a danger, not a threat of action
	}
	if tr.table == tableCommitment && cm&compTo == 0 && cm&compThatMD == 0 && g.kind == vgParticiple && v.toks[i].tag != "VBG" {
		return cand{}, false // "the ceasefire agreed in talks"
	}
	if tr.table == tableCommitment && cm&(compTo|compThat) == 0 && objectHas(v, s, c.obj, roleWrong) {
		return cand{}, false // "committed abuses": a deed, not a promise
	}
	c.actor = st.actorOfGroup(s, gi, tr.table)
	if tr.table == tableCommitment {
		for k := g.start; k < i; k++ {
			if (v.toks[k].stem == "remain" || v.toks[k].stem == "stay") && c.modality == models.Pledge {
				c.modality = models.Reaffirmation // "remained committed to"; "remained ready to" is readiness
			}
		}
		x.commitVerb(v, s, tr, &c, cm)
	}
	return c, c.actor.ok()
}

// commitVerb sets commitment c's action verb: the infinitive after "to"
// ("vowed to defend"), after the object ("instructed the staff to hold"),
// the verb of a that-clause with a modal, else the trigger.
func (x *Extractor) commitVerb(v *view, s *sent, tr *trigger, c *cand, cm comp) {
	c.verb = c.trig.a
	if cm&compTo != 0 {
		c.verb = skipQuotesAdverbs(v, s, c.obj)
	} else if cm&compObjTo != 0 && tr.comp&compObjTo != 0 {
		// "instructed the staff to hold": the infinitive is the action
		for k := c.obj; k+1 < s.b; k++ {
			if v.is(k, "to") {
				c.verb = skipQuotesAdverbs(v, s, k+1)
				break
			}
		}
	} else if cm&compThatMD != 0 && tr.comp&compThatMD != 0 {
		if k := x.clauseVerb(v, s, c.obj, cm); k >= 0 {
			c.verb = k
		}
	}
}

// licenseInf licenses an infinitive trigger under a light verb: "stressed to
// prevent".
func (x *Extractor) licenseInf(st *state, s *sent, c cand) (cand, bool) {
	v := st.v
	p := c.trig.a - 1
	for p >= s.a && v.isAdverb(p) {
		p--
	}
	if p < s.a || !v.is(p, "to") {
		return cand{}, false
	}
	p--
	gi := s.groupAt(p)
	if p < s.a || gi < 0 || !v.has(p, roleLight) {
		return cand{}, false
	}
	c.gov = gi
	c.neg = c.neg != s.vgs[gi].neg
	c.actor = st.actorOfGroup(s, gi, c.table)
	return c, c.actor.ok()
}

// licenseNoun licenses a trigger noun: after a light verb ("expressed
// concern"), after a possessor ("Libya's commitment to hold") or before "is
// confirmed".
func (x *Extractor) licenseNoun(st *state, s *sent, tr *trigger, c cand, cm comp) (cand, bool) {
	v := st.v
	i := c.trig.a
	if v.isVerb(i) && v.toks[i].tag != "VBG" {
		return cand{}, false
	}
	if e := c.trig.b; e < s.b && !v.inMention(e) && !v.isQuote(e) && (v.toks[e].tag == "NN" || v.toks[e].tag == "NNS") && !v.has(e, roleTime) {
		return cand{}, false // "the opposition party", "a protest movement": the noun modifies another
	}
	k := i - 1
	neg := false
	pp := -1 // a possessive pronoun before the noun: "its support for"
	for k >= s.a {
		t := v.toks[k].tag
		if t == "PRP$" && pp < 0 {
			pp = k
		}
		if s.headline && k > s.a && (v.inMention(k) && v.mention(k).Label == models.Place || t == "NN" && !v.inMention(k) && !v.has(k, roleLight)) &&
			k+1 < s.b && !v.is(k+1, "'s") && v.toks[k+1].tag != "POS" {
			k-- // a headline's compound: "voice South China Sea concern"
			continue
		}
		if v.isQuote(k) && k > s.a && (k+1 == i || v.toks[k+1].tag == "JJ" || v.toks[k+1].tag == "RB") && !v.inMention(k-1) {
			k-- // expressed “deep concern”: the quote opens the noun phrase
			continue
		}
		if v.inMention(k) || v.isQuote(k) {
			break
		}
		if v.is(k, "no") {
			neg = true
			k--
			continue
		}
		if t == "DT" || t == "PRP$" || t == "JJ" || t == "RB" || t == "CD" || t == "PDT" ||
			((t == "VBN" || t == "VBG") && k+1 < i && !v.has(k, roleLight)) {
			k--
			continue
		}
		break
	}
	switch {
	case k >= s.a && v.isVerb(k) && (v.has(k, roleLight) || neg && isHave(v.toks[k].lower) || v.has(k, roleUndo)) && s.groupAt(k) >= 0:
		// "expressed concern", "had no plans to station", "cancelled plans to",
		// "dropped its objection to" (negated)
		gi := s.groupAt(k)
		c.gov = gi
		c.neg = c.neg != (s.vgs[gi].neg || neg) != v.has(k, roleUndo)
		c.actor = st.actorOfGroup(s, gi, tr.table)
		if a, ok := st.fromActor(s, c.trig.b); ok && tr.table == tablePosition && v.is(c.trig.b, "among") {
			c.actor = a // "raised concern among Norlandian farmers": they are concerned
		}
		if c.neg && tr.table == tableCommitment && v.has(i, roleRestraint) {
			// "had no intention of violating": a pledge not to violate
			c.neg, c.restraint, c.modality = false, true, models.Pledge
		}
	case s.headline && k > s.a && (v.has(k, roleLight) || tr.table == tableCommitment && v.has(k, roleUndo)) && v.isNoun(k) && (v.isNoun(k-1) || v.inMention(k-1)):
		// a headline's light verb tagged as a noun: "Pacific leaders voice
		// concern over", "Council scraps plans to" (negated)
		np, _ := npLeft(v, s, k-1)
		sub := subject{kind: subjNP, np: np, head: headOf(v, np)}
		c.actor = st.resolveNP(s, sub, c.trig.a)
		c.neg = c.neg != (tr.table == tableCommitment && v.has(k, roleUndo))
	case k >= s.a && v.is(k, "'s") || k >= s.a && v.toks[k].tag == "POS":
		np, ok := npLeft(v, s, k-1)
		if !ok {
			return cand{}, false
		}
		ids := st.idsIn(np, nil)
		if l := np.a - 1; tr.table == tablePosition && l >= s.a && v.isVerb(l) && v.has(l, roleLight) && s.groupAt(l) >= 0 {
			// "reaffirmed the union's support for": the speaker's side
			gi := s.groupAt(l)
			c.gov = gi
			c.neg = c.neg != s.vgs[gi].neg
			a := st.actorOfGroup(s, gi, tr.table)
			for _, id := range ids {
				a.ids = addID(append([]string(nil), a.ids...), id)
			}
			c.actor = a
			break
		}
		if len(ids) == 0 {
			return cand{}, false
		}
		c.pos = posPossessor
		c.actor = actor{ids: ids, text: np, how: byMention}
		c.nested = true
	default:
		// "the support is confirmed for"
		j := c.trig.b
		if j+1 < s.b && v.has(j, roleLinking) && v.has(j+1, roleLight) && v.toks[j+1].tag == "VBN" {
			c.gov = s.groupAt(j)
			c.actor = st.impersonal(s, j)
			c.obj = j + 2
			break
		}
		if pp >= 0 && tr.table == tablePosition && !solicited(v, s, i) && !(pp > s.a && v.isVerb(pp-1)) {
			// "his support for", "their call for": whoever the pronoun is,
			// unless another verb takes the phrase ("lifting its objections")
			if a := st.pronoun(s, pp, v.toks[pp].role&(roleHe|roleThey|roleIt|roleWe), span{pp, pp + 1}); a.ok() {
				c.pos = posPossessor
				c.actor = a
				c.nested = true
				break
			}
		}
		if a, ok := st.fromActor(s, j); ok && tr.table == tablePosition && (x.namedNoun(v.toks[i].stem) || v.toks[i].tag == "NNS") && !solicited(v, s, i) &&
			(!v.is(j, "by") || v.toks[i].tag == "NNS") { // "calls by Norland"; "the appeal by Piet Berg" is a court's
			// "criticism from Norland", "demands from the union for": the
			// phrase names who takes the stance (a noun without a pos D row
			// only in the plural: "demand from Norland" is a market's)
			c.pos = posPossessor
			c.actor = a
			c.nested = true
			break
		}
		return cand{}, false
	}
	if tr.table == tableCommitment && (cm&compTo != 0 || tr.comp&cm&compOfIng != 0) {
		c.verb = skipQuotesAdverbs(v, s, c.obj)
	}
	if tr.table == tablePosition {
		x.passThrough(v, s, &c)
	}
	return c, c.actor.ok()
}

// licenseNamed licenses a stance noun whose phrase names its actor right
// before it, a name or demonym with at most two adjectives between
// ("Norlandian military support for", "Norland backing of"): the actor is
// that mention. Not when a possessive or another name comes before the name
// ("Sudland's Norland policy"), nor "in" or "from" ("victims in Norland
// appeal for" is the victims'), nor after a verb of asking.
func (st *state) licenseNamed(s *sent, c cand) (cand, bool) {
	v := st.v
	if t := v.toks[c.trig.a].tag; !v.isNoun(c.trig.a) && !(s.headline && (t == "VBP" || t == "VB")) {
		// "protesters in Norland call for" is a verb; a headline's
		// "Norland support for" is often tagged as one
		return cand{}, false
	}
	if e := c.trig.b; (c.stance == models.Support || c.stance == models.Oppose) && v.is(e-1, "to") && e < s.b && v.verbish(e) {
		// "met Norland opposition to discuss": support and opposition take
		// "to" and a noun phrase, so "to" and a verb open a purpose ("Norland
		// pressure to reopen" is a call)
		return cand{}, false
	}
	k := c.trig.a - 1
	for n := 0; n < 2 && k > s.a && strings.HasPrefix(v.toks[k].tag, "JJ") && !v.inMention(k); n++ {
		k--
	}
	if k < s.a || !v.isActorMention(k) {
		return cand{}, false
	}
	m := v.toks[k].mention
	a := k
	for a > s.a && v.toks[a-1].mention == m {
		a--
	}
	if a > s.a && (v.is(a-1, "'s") || v.toks[a-1].tag == "POS" || v.isActorMention(a-1) || v.is(a-1, "in") || v.is(a-1, "from")) {
		return cand{}, false // "Sudland's Norland policy", "victims in Norland appeal for"
	}
	if solicited(v, s, a) {
		return cand{}, false // "sought more Norlandian support for": asked for, not given
	}
	ids := st.idsIn(span{a, k + 1}, nil)
	if len(ids) == 0 {
		return cand{}, false
	}
	c.pos = posPossessor
	c.actor = actor{ids: ids, text: span{a, k + 1}, how: byMention}
	c.nested = true
	return c, true
}

// solicited reports whether a verb of asking (cues.tsv role solicit) stands
// before the noun phrase that starts at token a, past at most two
// determiners, adjectives or adverbs: "sought more support from".
func solicited(v *view, s *sent, a int) bool {
	p := a - 1
	for n := 0; n < 2 && p > s.a && (v.toks[p].tag == "DT" || strings.HasPrefix(v.toks[p].tag, "JJ") || v.isAdverb(p)) && !v.inMention(p); n++ {
		p--
	}
	return p >= s.a && v.isVerb(p) && v.has(p, roleSolicit)
}

// namedNoun reports whether a noun of stem st has a pos D trigger: the
// stance nouns a name before or a "from" phrase after can give an actor
// ("support", "criticism"; not "demand", which is also a market's).
func (x *Extractor) namedNoun(st string) bool {
	for _, ti := range x.lx.byFirst[st] {
		if x.lx.triggers[ti].pos == posNamed {
			return true
		}
	}
	return false
}

// writtenAs reports whether word is the first word of a trigger phrase or
// its plural: a noun trigger is matched so, as stems alone confuse "imports"
// with "importance" and "backs" with "backing".
func writtenAs(word, phrase string) bool {
	w, _, _ := strings.Cut(phrase, " ")
	if b, ok := strings.CutSuffix(w, "y"); ok && word == b+"ies" {
		return true // "worries", "anxieties"
	}
	return word == w || word == w+"s" || word == w+"es"
}

// fromActor returns the actor a "from", "among" or "by" phrase at token j
// names: the preposition, at most two determiners or adjectives, then an
// actor's mention ("criticism from Norland", "concern among Norlandian
// farmers", "calls by Sudland").
func (st *state) fromActor(s *sent, j int) (actor, bool) {
	v := st.v
	if j >= s.b || !v.is(j, "from") && !v.is(j, "among") && !v.is(j, "by") {
		return actor{}, false
	}
	k := j + 1
	for n := 0; n < 2 && k < s.b && !v.inMention(k) && (v.toks[k].tag == "DT" || strings.HasPrefix(v.toks[k].tag, "JJ")); n++ {
		k++
	}
	if k >= s.b || !v.isActorMention(k) {
		return actor{}, false
	}
	e := k
	for e < s.b && v.toks[e].mention == v.toks[k].mention {
		e++
	}
	if e < s.b && (v.is(e, "'s") || v.toks[e].tag == "POS") {
		return actor{}, false // "concern among Norland's neighbours": the neighbours'
	}
	ids := st.idsIn(span{k, e}, nil)
	return actor{ids: ids, text: span{k, e}, how: byMention}, len(ids) > 0
}

// passThrough lets a trigger verb under a position noun decide the stance:
// "stressed the need to reject" is OPPOSE.
func (x *Extractor) passThrough(v *view, s *sent, c *cand) {
	j := c.trig.b
	if j < s.b && (v.is(j, "to") || v.is(j, "of")) {
		j = skipQuotesAdverbs(v, s, j+1)
	} else {
		return
	}
	if j >= s.b || v.toks[j].stem == "" {
		return
	}
	for _, ti := range x.lx.byFirst[v.toks[j].stem] {
		tr := &x.lx.triggers[ti]
		if tr.table != tablePosition || (tr.pos != posVerb && tr.pos != posInf) {
			continue
		}
		e, ok := matchTrigger(v, s, j, tr.words)
		if !ok {
			continue
		}
		c.stance = tr.stance
		c.trig = span{j, e}
		c.words = tr.wordCount()
		_, c.obj = x.complementAt(v, s, e)
		return
	}
}

// licenseAdj licenses a predicative trigger: "are ready to", "remained
// committed to", "spoke in favor of", or in a headline right after its subject.
func (x *Extractor) licenseAdj(st *state, s *sent, c cand) (cand, bool) {
	v := st.v
	k := c.trig.a - 1
	neg := false
	for k >= s.a && (v.isAdverb(k) || v.has(k, roleNegator) || v.isQuote(k) && k+1 == c.trig.a) { // "is ‘ready’ to"
		if v.has(k, roleNegator) {
			neg = true
		}
		k--
	}
	if k >= s.a && v.has(k, roleLinking) && s.groupAt(k) >= 0 {
		gi := s.groupAt(k)
		if c.table == tableCommitment && x.obliged(v, &s.vgs[gi]) {
			return cand{}, false // "the US must be ready to": a demand on it
		}
		c.gov = gi
		c.neg = c.neg != (s.vgs[gi].neg || neg)
		c.actor = st.actorOfGroup(s, gi, c.table)
		if c.table == tableCommitment && c.modality == models.Pledge && (v.toks[k].stem == "remain" || v.toks[k].stem == "stay") {
			c.modality = models.Reaffirmation
		}
	} else if s.headline && k >= s.a && (v.isNoun(k) || v.inMention(k)) && !x.finiteBefore(v, s, c.trig.a) && !v.isNoun(c.trig.a) &&
		!x.thingHead(v, span{k, k + 1}, s.title) { // "Norland raid against": an act, no one's stance
		np, _ := npLeft(v, s, k)
		sub := subject{kind: subjNP, np: np, head: headOf(v, np)}
		c.actor = st.resolveNP(s, sub, c.trig.a)
	} else {
		return cand{}, false
	}
	if c.table == tableCommitment {
		c.verb = skipQuotesAdverbs(v, s, c.obj)
	}
	return c, c.actor.ok()
}

// isHave reports whether w is a form of "have".
func isHave(w string) bool {
	return w == "have" || w == "has" || w == "had" || w == "having"
}

// finiteBefore reports whether a finite verb stands in s before token i.
func (x *Extractor) finiteBefore(v *view, s *sent, i int) bool {
	for _, g := range s.vgs {
		if g.start < i && g.kind == vgFinite {
			return true
		}
	}
	return false
}

// licenseEval licenses an evaluation ("X is concerning", "X only exacerbate
// Y", "X would be considered a declaration of war"): its topic is the
// clause's subject and its actor whoever says it.
func (x *Extractor) licenseEval(st *state, s *sent, c cand) (cand, bool) {
	v := st.v
	i := c.trig.a
	gi := s.groupAt(i)
	predicate := gi < 0
	if predicate {
		// an adjective or noun: the predicate of a linking verb before it in
		// the clause ("was illegal", "would be a mistake"), not a modifier
		// after another verb ("deported illegal migrants") nor its object
		// ("respond to any threat to")
		for k := i - 1; k >= s.a && k >= i-6; k-- {
			if v.isComma(k) || v.isClauseStop(k) {
				break
			}
			if g := s.groupAt(k); g >= 0 {
				gi = g
				break
			}
		}
	}
	if gi < 0 || predicate && !v.hasIn(s.vgs[gi].start, s.vgs[gi].end, roleLinking) {
		return cand{}, false
	}
	g := &s.vgs[gi]
	sp := st.speakerAt(s, g.start)
	if !sp.ok() {
		return cand{}, false
	}
	sub := st.x.findSubject(v, s, g)
	if sub.kind != subjNP {
		return cand{}, false
	}
	c.gov = gi
	c.neg = c.neg != (g.neg || predicate && v.hasIn(g.end, i, roleNegator)) // "was not illegal"
	c.actor = actor{ids: sp.ids, text: sp.text, how: bySpeaker}
	c.topicSub = sub.np
	if c.stance == models.Condemn && g.modal >= 0 {
		// "an intervention would be a declaration of war": condemning what
		// has not happened is opposing it
		c.stance = models.Oppose
	}
	return c, true
}

// licenseDeed licenses a hostile deed of one actor that another reports
// ("Norland says Sudland shelled the port", "Sudland forces tried to strike
// the bridge, Norland claims"): the reporter condemns it. The deed's doer is
// the clause's named subject, or its passive's agent ("its ships were
// attacked by Sudland troops"), neither the speaker nor the speaker's
// state, not a thing ("a Sudland drone targeted ..."), and named; a deed under
// a modal, negated or without its object (a passive without "was") is none.
func (x *Extractor) licenseDeed(st *state, s *sent, c cand) (cand, bool) {
	v := st.v
	gi := s.groupAt(c.trig.a)
	if gi < 0 {
		return cand{}, false
	}
	g := &s.vgs[gi]
	if g.kind == vgInfinitive {
		// "tried to strike": the clause is the verb's before "to", a verb
		// of attempting or going on ("wants to strike" is no deed)
		pi := -1
		for k := gi - 1; k >= 0; k-- {
			if s.vgs[k].end == g.start-1 && (s.vgs[k].kind == vgFinite || s.vgs[k].kind == vgParticiple) {
				pi = k
				break
			}
		}
		if pi < 0 || !v.has(s.vgs[pi].head, roleAttempt|roleAspect) {
			return cand{}, false
		}
		gi, g = pi, &s.vgs[pi]
	}
	if objectHas(v, s, c.trig.b, roleIdiom) {
		return cand{}, false // "struck a deal", "targeted inflation": no hostile deed
	}
	if g.modal >= 0 || g.neg || x.obliged(v, g) {
		return cand{}, false
	}
	sp := st.speakerAt(s, g.start)
	if !sp.ok() {
		return cand{}, false
	}
	var doer span
	end := x.clauseEnd(v, s, c.trig.b)
	from := g.start
	if g.passive {
		for k := c.trig.b; k < end-1; k++ {
			if v.is(k, "by") {
				doer = npRight(v, s, k+1, end)
				break
			}
		}
		if sub := x.findSubject(v, s, g); sub.kind == subjNP {
			from = sub.np.a
		}
	} else if sub := x.deedSubject(v, s, g); sub.kind == subjNP {
		if c.trig.b >= s.b || v.isPrep(c.trig.b) || v.isPunct(c.trig.b) {
			return cand{}, false // "Piet Berg reportedly killed near the border": a passive without its "was"
		}
		doer, from = sub.head, sub.np.a
	}
	if x.thingHead(v, doer, s.title) {
		return cand{}, false // "a Sudland air strike killed ...": no one named does it
	}
	ids := st.idsIn(doer, nil)
	if len(ids) == 0 || intersects(ids, sp.ids) || intersects(st.statesOf(ids), st.statesOf(sp.ids)) {
		return cand{}, false
	}
	if !reportedDirectly(v, s, gi, from) {
		return cand{}, false // "says there is no evidence Sudland attacked", "unclear whether"
	}
	c.gov = gi
	c.actor = actor{ids: sp.ids, text: sp.text, how: bySpeaker}
	c.topicSub = span{from, max(end, c.trig.b)} // the deed, its doer and object
	return c, true
}

// reportedDirectly reports whether the clause of verb group gi, starting at
// token from, is the direct complement of a verb of saying ("Norland says
// (that) Sudland shelled"), or opens the sentence for a speaker after it
// ("Sudland shelled the port, Norland says"): no other verb, doubt or
// negation stands between.
func reportedDirectly(v *view, s *sent, gi, from int) bool {
	pk := -1
	for k := gi - 1; k >= 0; k-- {
		if s.vgs[k].end <= from {
			pk = k
			break
		}
	}
	if pk < 0 {
		return true
	}
	pg := &s.vgs[pk]
	if !v.has(pg.head, roleReport) || pg.neg {
		return false
	}
	for k := pg.end; k < from; k++ {
		if !v.is(k, "that") && !v.isQuote(k) {
			return false
		}
	}
	return true
}

// deedSubject returns the subject of verb group g for licenseDeed: a past
// form the tagger took for a participle right after a noun phrase is that
// phrase's verb ("Sudland forces tried to strike": VBN after "forces").
func (x *Extractor) deedSubject(v *view, s *sent, g *vgroup) subject {
	if g.kind == vgParticiple && g.start > s.a {
		if np, ok := npLeft(v, s, g.start-1); ok {
			return subject{kind: subjNP, np: np, head: headOf(v, np)}
		}
	}
	return x.findSubject(v, s, g)
}

// court reports whether the head of span sp, an actor's words, names a
// court or judge: a word of cues.tsv role court, or a mention of the
// judiciary's sector or whose name holds such a word ("the International
// Court of Justice"); "Norland at the court" is Norland.
func (st *state) court(sp span) bool {
	v := st.v
	if sp.b <= sp.a {
		return false
	}
	sp = headOf(v, sp) // "Norland at the court defends": Norland acts
	for k := sp.a; k < sp.b && k < len(v.toks); k++ {
		if v.has(k, roleCourt) {
			return true
		}
		if !v.inMention(k) {
			continue
		}
		m := v.mention(k)
		if m.Sector == sectorJudiciary {
			return true
		}
		for _, w := range strings.Fields(strings.ToLower(m.Name)) {
			if st.x.lx.exact[w]&roleCourt != 0 {
				return true
			}
		}
	}
	return false
}

// addressCandidate returns the CALL of a headline that quotes its actor
// addressing someone: "Norland to Sudland: reopen the border", "Eastern
// Pact to members: don't wait". Before the colon stand the actor, "to" and
// the addressee, both noun phrases; after it, an imperative.
func (x *Extractor) addressCandidate(st *state, s *sent) (cand, bool) {
	v := st.v
	if !s.headline {
		return cand{}, false
	}
	k, colon := -1, -1
	for i := s.a; i < s.b; i++ {
		switch {
		case v.is(i, ":"):
			colon = i
		case v.is(i, "to") && k < 0 && !v.inMention(i):
			k = i
			continue
		case v.isNominal(i) || v.inMention(i) || v.is(i, "'s") || v.toks[i].tag == "POS":
			continue
		}
		break
	}
	if k <= s.a || colon <= k+1 {
		return cand{}, false
	}
	j := skipQuotesAdverbs(v, s, colon+1)
	if j >= s.b || v.inMention(j) || !x.imperative(v, s, j) || !addressee(v, k+1, colon) {
		return cand{}, false
	}
	np := span{s.a, k}
	a := st.resolveNP(s, subject{kind: subjNP, np: np, head: headOf(v, np)}, k)
	if !a.ok() || a.how != byMention {
		return cand{}, false
	}
	return cand{pos: posAddress, table: tablePosition, stance: models.Call,
		trig: span{k, k + 1}, gov: -1, obj: k + 1, verb: -1, actor: a}, true
}

// imperative reports whether token j opens an imperative: a verb's base
// form ("reopen", "Take" in Title Case) before its object, "let" or
// "don't"; not a noun before another noun or a verb ("Trade deal is dead").
func (x *Extractor) imperative(v *view, s *sent, j int) bool {
	t := &v.toks[j]
	if t.lower == "let" || t.lower == "do" && j+1 < s.b && v.has(j+1, roleNegator) {
		return true
	}
	if !(t.tag == "VB" || (t.tag == "VBP" || strings.HasPrefix(t.tag, "NN")) && x.verbForm(t)) {
		return false
	}
	if j+1 >= s.b {
		return true
	}
	n := &v.toks[j+1]
	if v.inMention(j+1) || v.isQuote(j+1) || n.tag == "DT" || n.tag == "PRP" || n.tag == "PRP$" || n.tag == "CD" {
		return true // an object follows
	}
	return t.tag == "VB" && (v.isPrep(j+1) || v.is(j+1, "to") || v.isAdverb(j+1)) // "Stay out", "Listen to"
}

// addressee reports whether tokens [a, b) name whom a headline addresses:
// an actor or a word for people or a body ("Norland", "Sudland farmers",
// "members"), not a place.
func addressee(v *view, a, b int) bool {
	for k := a; k < b; k++ {
		if v.isActorMention(k) || !v.inMention(k) && v.has(k, roleCollective|rolePeople|roleAgent|rolePerson) {
			return true
		}
	}
	return false
}

// npRight returns the noun phrase that starts at token a, ending before end.
func npRight(v *view, s *sent, a, end int) span {
	e := a
	for e < end && (v.isNominal(e) || v.inMention(e) || v.is(e, "of") ||
		(v.is(e, "and") && e+1 < end && (v.inMention(e+1) || v.isNominal(e+1)))) && !v.isQuote(e) {
		e++
	}
	return span{a, e}
}

// modalCandidates returns the commitments a future modal makes: "assistance
// will be rendered to Tajikistan", "Stockholm would support", "they would
// continue to target ships".
func (x *Extractor) modalCandidates(st *state, s *sent) []cand {
	v := st.v
	var out []cand
	for gi := range s.vgs {
		g := &s.vgs[gi]
		if g.modal < 0 {
			continue
		}
		// the main verb: the first verb after the modal
		mv := -1
		for k := g.modal + 1; k < g.end; k++ {
			if v.isVerb(k) {
				mv = k
				break
			}
		}
		if mv < 0 {
			continue
		}
		obj := g.end
		passive := false
		if isBe(v.toks[mv].lower) {
			if !g.passive {
				continue // "will be among", "would be defensive"
			}
			mv = g.head
			passive = true
		} else if st := v.toks[mv].stem; st == "remain" || st == "stay" {
			// "Myanmar would remain barred from": the speaker keeps it so
			if g.head > mv && v.toks[g.head].tag == "VBN" {
				mv = g.head
				passive = true
			}
		}
		// "would continue to target": the infinitive carries the action, and
		// "will keep inspecting" the gerund
		if v.has(mv, roleAspect) && mv == g.head && g.end+1 < s.b && v.is(g.end, "to") && v.verbish(g.end+1) {
			mv = g.end + 1
			obj = g.end + 2
		} else if v.has(mv, roleAspect) && g.end < s.b && v.toks[g.end].tag == "VBG" && !v.inMention(g.end) {
			mv = g.end
			obj = g.end + 1
		} else if v.has(mv, roleAspect) && mv+1 < g.end && v.toks[mv+1].tag == "VBG" {
			mv++
		}
		negated := g.neg
		if negated && v.has(mv, roleHesitate) && mv == g.head && g.end+1 < s.b && v.is(g.end, "to") && v.verbish(g.end+1) {
			// "will not hesitate to strike": a commitment to strike
			negated = false
			mv = g.end + 1
			obj = g.end + 2
		}
		if v.has(mv, roleSchedule) {
			continue
		}
		if x.scheduleAt(v, s, mv) {
			continue
		}
		mod := models.Pledge
		if v.has(mv, rolePlan) && !passive {
			mod = models.Plan // "Greece will host the headquarters"
		}
		// "will not strike targets on land" is a pledge of restraint (negated
		// in its row); "would not meet their demands" is a refusal
		// "would not return to the Assembly" is no giving in: a movement
		refusal := negated && v.has(mv, roleComply) && !(mv+1 < s.b && (v.is(mv+1, "to") || v.is(mv+1, "from")))
		c := cand{pos: posModal, table: tableCommitment, modality: mod, neg: refusal, restraint: negated && !refusal,
			trig: span{g.modal, g.end}, gov: gi, obj: obj, verb: mv, passive: passive}
		if indirectQuestion(v, s, g) {
			continue // "asked what Norland will do", "why Sudland would strike": no one commits
		}
		var a actor
		if !passive {
			a = st.resolve(s, gi)
			if g.subj.kind == subjNP && v.has(g.subj.head.b-1, roleIt) && x.dummyIt(v, s, mv, obj) {
				continue // "it will take years to rebuild": no one commits
			}
			if !a.ok() && g.subj.kind == subjNP && v.toks[g.subj.head.b-1].tag == "PRP" {
				continue // "they" with no one to stand for: not the speaker
			}
			if a.ok() && a.how == byMention && g.subj.kind == subjNP && x.thingHead(v, g.subj.head, s.title) {
				continue // "the leader's policies would cause": a prediction about a thing
			}
		}
		if !a.ok() {
			if passive && hasAgent(v, s, mv+1, x.clauseEnd(v, s, mv+1)) {
				continue // "will be chaired by": a schedule
			}
			if !passive && !v.has(mv, roleLinking) {
				continue // "such deliveries would make them parties": a prediction
			}
			sp := st.speakerAt(s, g.start)
			if !sp.ok() {
				continue
			}
			a = actor{ids: sp.ids, text: sp.text, how: bySpeaker}
		}
		c.actor = a
		out = append(out, c)
	}
	return out
}

// indirectQuestion reports whether the clause of modal verb group g is an
// indirect question: a wh-word or "whether" right before its subject ("what
// Norland will do", "why Sudland would strike", "whether it will").
func indirectQuestion(v *view, s *sent, g *vgroup) bool {
	k := g.start - 1
	for k >= s.a && (v.isNominal(k) || v.inMention(k) || v.toks[k].tag == "PRP") && k > g.start-6 {
		k--
	}
	if k < s.a || k == g.start-1 {
		return false
	}
	switch v.toks[k].tag {
	case "WP", "WRB":
		return true
	}
	return v.is(k, "whether")
}

// dummyIt reports whether a modal's main verb mv, with subject "it", is a
// verb of the dummy role ("take", "cost") whose object starting at obj is
// followed by an infinitive and names no threatened act: "it will take
// years to rebuild" commits no one; "it will take all necessary measures
// to protect" is a threat and "it would take countermeasures" a pledge.
func (x *Extractor) dummyIt(v *view, s *sent, mv, obj int) bool {
	if !v.has(mv, roleDummy) {
		return false
	}
	end := x.clauseEnd(v, s, obj)
	for k := obj; k+1 < end; k++ {
		if _, threat := x.phraseAt(v, k, end, roleThreat); threat || v.has(k, roleThreat) {
			return false
		}
		if v.is(k, "to") && v.verbish(k+1) {
			return true
		}
	}
	return false
}

// otherParticiple reports whether the "by" at token k follows a participle
// other than the trigger, maybe with its particle: "actions taken by",
// "attacks carried out by".
func otherParticiple(v *view, k int) bool {
	p := k - 1
	if v.has(p, roleParticle) && p > 0 {
		p--
	}
	return v.toks[p].tag == "VBN"
}

// thingHead reports whether the head noun of subject head h is a common
// noun for no one who can commit ("policies", "the re-election", "the
// shutdown"): not a name, not a word for a body, its people, its spokesmen
// or another agent (cues.tsv), not an agent noun of the knowledge base
// (gazetteer/agents_generated.tsv) and without an agent suffix ("-er",
// "-or", "-ist", "-ian").
//
// In a Title Case headline (title) a capitalised word no mention covers is
// a common noun too ("Quest").
func (x *Extractor) thingHead(v *view, h span, title bool) bool {
	if h.b <= h.a {
		return false
	}
	k := h.b - 1
	t := &v.toks[k]
	if v.inMention(k) || t.tag != "NN" && t.tag != "NNS" && !(title && (t.tag == "NNP" || t.tag == "NNPS")) {
		return false
	}
	if w := v.d.Tokens[k].Text; len(w) > 1 && strings.ToUpper(w) == w {
		return false // "PM", "MPs": an acronym names someone, or an office
	}
	if v.has(k, roleCollective|roleBackref|rolePeople|rolePerson|roleDocument|roleParty|roleGroupRef|roleAgent) || x.lx.agents[t.lower] {
		return false
	}
	w := strings.TrimSuffix(t.lower, "s")
	for _, suf := range []string{"er", "or", "ist", "ian"} {
		if strings.HasSuffix(w, suf) {
			return false
		}
	}
	return true
}

// headlinePassive reports whether the one-word verb group g of a headline
// is a passive without its "be": a past form right after the subject and
// before "for", "of", "over", "as" or "by" ("Minister criticised for
// remarks", "Envoy praised by rivals", also "Police arrest man accused
// of"); a headline's active verb is in the present ("Minister criticises
// rivals").
func headlinePassive(v *view, s *sent, g *vgroup, trig span) bool {
	if !s.headline || !bareParticiple(v, s, g, trig) {
		return false
	}
	if !v.isNominal(g.head-1) && !v.inMention(g.head-1) {
		return false
	}
	for _, w := range []string{"for", "of", "over", "as", "by"} {
		if v.is(trig.b, w) {
			return true
		}
	}
	return false
}

// reducedRelative reports whether the one-word verb group g is a past
// participle that modifies the noun before it, after its clause's verb:
// "police arrested a man accused of rioting", "seeks a sentence for a
// citizen accused of treason". It is passive, like a headline's.
func reducedRelative(v *view, s *sent, g *vgroup, trig span) bool {
	if s.headline || !bareParticiple(v, s, g, trig) {
		return false
	}
	if !v.isNoun(g.head-1) && !v.inMention(g.head-1) || !v.is(trig.b, "of") && !v.is(trig.b, "for") && !v.is(trig.b, "by") {
		return false
	}
	for k := range s.vgs {
		if o := &s.vgs[k]; o != g && o.kind == vgFinite && o.end <= g.start {
			return true
		}
	}
	return false
}

// postposed reports whether the verb at tokens [i, e) of sentence s, with
// its auxiliaries and its subject, follows the clause it reports after a
// comma and ends the sentence: "..., the agency warns", "..., warns the
// envoy", "..., the minister has warned". It returns the comma.
func postposed(v *view, s *sent, i, e int) (int, bool) {
	a := i
	if g := s.groupAt(i); g >= 0 {
		a = min(a, s.vgs[g].start)
	}
	end := e
	for end < s.b && !v.isPunct(end) {
		end++
	}
	for k := end; k < s.b; k++ {
		if !v.isPunct(k) || v.isComma(k) {
			return 0, false
		}
	}
	if end > e {
		// "..., warns the envoy": a subject after the verb, nothing before it
		if np := npRight(v, s, e, end); np.b != end || a-1 <= s.a {
			return 0, false
		}
		return reportedBefore(v, s, a-1)
	}
	np, ok := npLeft(v, s, a-1)
	if !ok || np.a-1 <= s.a {
		return 0, false
	}
	return reportedBefore(v, s, np.a-1)
}

// reportedBefore returns the comma that ends the clause a post-posed verb
// reports, given the token c before the verb's subject: a comma, or a
// closing quote after one (`"...," the agency warns`). The clause must be
// a main clause: "If prices rise, ..." reports nothing.
func reportedBefore(v *view, s *sent, c int) (int, bool) {
	if v.isQuote(c) && c-1 > s.a && v.isComma(c-1) {
		c--
	}
	if !v.isComma(c) || v.has(s.a, roleSubord) {
		return 0, false
	}
	return c, true
}

// controlPassive reports whether the one-word verb group g is a passive
// without its "be" of a verb whose active form needs an object before "to"
// ("urged Norland to"): right after its subject and right before "to"
// ("Norland urged to reopen talks", "Envoys pressed to leave").
func (x *Extractor) controlPassive(v *view, s *sent, g *vgroup, trig span) bool {
	if !bareParticiple(v, s, g, trig) || !v.is(trig.b, "to") || !v.isNominal(g.head-1) && !v.inMention(g.head-1) {
		return false
	}
	for _, ti := range x.lx.byFirst[v.toks[g.head].stem] {
		if tr := &x.lx.triggers[ti]; tr.pos == posVerb && len(tr.words) == 1 && tr.comp == compObjTo {
			return true
		}
	}
	return false
}

// bareParticiple reports whether verb group g is the trigger trig alone, a
// regular past form ("-ed", tagged VBD or VBN) with a word before it and
// one after it in sentence s: the shape of a passive without its "be".
func bareParticiple(v *view, s *sent, g *vgroup, trig span) bool {
	if g.start != g.head || g.head != trig.a || trig.b >= s.b || g.head == s.a {
		return false
	}
	t := v.toks[g.head].tag
	return (t == "VBD" || t == "VBN") && strings.HasSuffix(v.toks[g.head].lower, "ed")
}

// onlyPredicate reports whether verb group g is its clause's only finite
// verb: none before it in the sentence, none after it but past a comma
// ("Man accused of spying, ministry says", not "Ship accused of intrusion
// was on patrol").
func onlyPredicate(v *view, s *sent, g *vgroup) bool {
	for k := range s.vgs {
		o := &s.vgs[k]
		if o == g || o.kind != vgFinite {
			continue
		}
		if o.start < g.start || !commaBetween(v, g.end, o.start) {
			return false
		}
	}
	return true
}

// commaBetween reports whether a comma, colon or dash stands in [a, b).
func commaBetween(v *view, a, b int) bool {
	for k := a; k < b; k++ {
		if v.isComma(k) || v.is(k, ":") || v.is(k, "-") || v.is(k, "—") {
			return true
		}
	}
	return false
}

// hasAgent reports whether "by" stands in [a, b).
func hasAgent(v *view, s *sent, a, b int) bool {
	for k := a; k < b && k < s.b; k++ {
		if v.is(k, "by") {
			return true
		}
	}
	return false
}

// headlineCandidate returns the commitment of a headline "X to do Y"
// ("CSTO countries to provide necessary assistance to Tajikistan").
func (x *Extractor) headlineCandidate(st *state, s *sent) (cand, bool) {
	v := st.v
	if !s.headline {
		return cand{}, false
	}
	k := s.a
	for k < s.b && (v.isNominal(k) || v.inMention(k) || v.is(k, "of") ||
		v.isComma(k) && k > s.a && k+1 < s.b && v.isActorMention(k-1) && headlineListItem(v, k+1)) && !v.is(k, "to") {
		if k > s.a && x.headlineVerb(v, k) {
			return cand{}, false // "Agency scraps plan to ...": the headline has its verb
		}
		k++
	}
	if k == s.a || k+1 >= s.b || !v.is(k, "to") || !v.verbish(k+1) {
		return cand{}, false
	}
	if v.has(k+1, roleSchedule|roleTrip) || x.scheduleAt(v, s, k+1) || lightTrip(v, s, k+1) {
		return cand{}, false // "Minister to travel to Lima", "Leader to make state visit": a schedule
	}
	np := span{s.a, k}
	if x.thingHead(v, headOf(v, np), s.title) {
		return cand{}, false // "Norland proposal to ...": a thing is no one's plan
	}
	a := st.resolveNP(s, subject{kind: subjNP, np: np, head: headOf(v, np)}, k)
	if !a.ok() || a.how != byMention {
		return cand{}, false
	}
	c := cand{pos: posHeadline, table: tableCommitment, modality: models.Plan,
		trig: span{k, k + 2}, gov: -1, obj: k + 2, verb: k + 1, actor: a}
	return c, true
}

// lightTrip reports whether the light verb at token k carries a noun of
// visiting or meeting among the three words after it ("make a state visit").
func lightTrip(v *view, s *sent, k int) bool {
	if !v.has(k, roleLight) {
		return false
	}
	for j := k + 1; j < s.b && j <= k+3 && (v.isNominal(j) || v.inMention(j)); j++ {
		if v.has(j, roleTrip) && !v.inMention(j) {
			return true
		}
	}
	return false
}

// headlineVerb reports whether headline token k, inside what would be the
// subject of "X to VERB", is rather the headline's verb, tagged as a plural
// noun: the third person of a verb (verbs.tsv) after a nominal word, that is
// no group of people ("forces", "troops" stay nouns).
func (x *Extractor) headlineVerb(v *view, k int) bool {
	return !v.inMention(k) && x.lx.third[v.toks[k].lower] && !v.has(k, rolePeople|roleCollective) &&
		(v.isNominal(k-1) || v.inMention(k-1))
}

// nounTriggerAfter reports whether the noun phrase at token k opens with a
// trigger noun ("the importance of", "their readiness to").
func (x *Extractor) nounTriggerAfter(v *view, s *sent, k int) bool {
	for k < s.b && !v.inMention(k) && (v.toks[k].tag == "DT" || v.toks[k].tag == "PRP$" || v.toks[k].tag == "JJ" || v.isAdverb(k)) {
		k++
	}
	if k >= s.b || v.toks[k].stem == "" {
		return false
	}
	for _, ti := range x.lx.byFirst[v.toks[k].stem] {
		if x.lx.triggers[ti].pos == posNoun {
			return true
		}
	}
	return false
}

// skipAdverbials returns the token after up to three short adverbial
// phrases that start at k: a preposition with one to three nominal words
// ("in principle", "on Saturday"), a date ("Tuesday"), an adverb, a comma.
func skipAdverbials(v *view, s *sent, k int) int {
	for n := 0; n < 3 && k < s.b; n++ {
		switch {
		case v.isPrep(k):
			j := k + 1
			for j < s.b && j <= k+3 && v.isNominal(j) && !v.isActorMention(j) {
				j++
			}
			if j == k+1 {
				return k
			}
			k = j
		case v.has(k, roleTime) || v.toks[k].tag == "CD" || v.isAdverb(k):
			k++
		case k+1 < s.b && (v.toks[k].tag == "JJ" || v.toks[k].tag == "DT") && v.has(k+1, roleTime):
			k += 2 // "last week", "this year"
		default:
			return k
		}
		if k < s.b && v.isComma(k) {
			k++
		}
	}
	return k
}

// mustCandidates returns the calls made by reporting an obligation of
// another: "Russia said Sudan must return the helicopter", "Chirac issued a
// reminder to Iraq that it must cooperate".
//
// "need to" and "have to" oblige too, unnegated ("Norland needs to
// withdraw, Jan Novak said").
func (x *Extractor) mustCandidates(st *state, s *sent) []cand {
	v := st.v
	var out []cand
	for gi := range s.vgs {
		g := &s.vgs[gi]
		needTo := v.has(g.start, roleNeedTo) && v.toks[g.start].tag != "VBD" && v.toks[g.start].tag != "VBN" &&
			g.end < s.b && v.is(g.end, "to") && !g.neg && g.end == g.start+1 &&
			!(g.start > s.a && (v.has(g.start-1, roleNegator) || v.is(g.start-1, "longer")))
		if !needTo && (!v.has(g.start, roleObligation) || v.has(g.start, roleModal)) {
			continue
		}
		sub := x.findSubject(v, s, g)
		if sub.kind != subjNP {
			continue
		}
		a := st.speakerAt(s, g.start)
		if !a.ok() && sub.np.a > s.a && v.is(sub.np.a-1, "that") {
			a = st.mainActor(s, gi)
		}
		if !a.ok() {
			continue
		}
		h := sub.head
		if h.b-h.a == 1 && v.toks[h.a].tag == "PRP" && (st.speakerAt(s, g.start).ok() || v.has(h.a, roleWe)) {
			continue // "Russia said it must": an obligation of its own
		}
		if ids := st.idsIn(h, nil); len(ids) > 0 && allIn(ids, a.ids) {
			continue
		}
		stance := models.Call
		neg := g.neg || g.start+1 < s.b && v.has(g.start+1, roleNegator)
		if neg && !(g.start+2 < s.b && v.is(g.start+2, "only")) {
			// "Y should not be allowed to": the speaker opposes it ("should
			// not only ... but also" still calls)
			stance = models.Oppose
		}
		out = append(out, cand{pos: posMust, table: tablePosition, stance: stance,
			trig: span{g.start, g.start + 1}, gov: gi, obj: sub.np.a, verb: -1,
			actor: actor{ids: a.ids, text: a.text, how: bySpeaker}})
	}
	return out
}

// obliged reports whether a verb group holds "must" or "should".
func (x *Extractor) obliged(v *view, g *vgroup) bool {
	return v.hasIn(g.start, g.end, roleObligation)
}

// allIn reports whether every id of ids is in of.
func allIn(ids, of []string) bool {
	for _, id := range ids {
		if !containsID(of, id) {
			return false
		}
	}
	return true
}

// participleClash reports whether a trigger written as one participle
// ("concerned") stands as the other ("concerning").
func participleClash(phrase, word string) bool {
	ing := strings.HasSuffix(word, "ing")
	return strings.HasSuffix(phrase, "ing") != ing && (ing || strings.HasSuffix(phrase, "ed"))
}

// threatening reports whether a commitment's action threatens: its verb or
// the head of the verb's object is a threat ("would respond", "vowed to take
// countermeasures") and it is not negated ("will not strike" is restraint).
func (x *Extractor) threatening(v *view, s *sent, c *cand) bool {
	if c.neg || c.restraint || c.verb < 0 || c.verb >= s.b {
		return false
	}
	if v.has(c.verb, roleThreat) {
		return true
	}
	// "would defend its territory “by all means”", "would take all
	// necessary measures": a threat phrase in the object
	for k := c.verb + 1; k < c.objEnd && k < s.b; k++ {
		if _, ok := x.phraseAt(v, k, s.b, roleThreat); ok {
			return true
		}
	}
	for k := c.verb + 1; k < s.b && k <= c.verb+4; k++ {
		if v.has(k, roleThreat) {
			return true
		}
		if !v.isNominal(k) && !v.isPrep(k) {
			break
		}
	}
	return false
}

// adverseCondition reports whether a commitment is conditioned on the other
// side's conduct going on or failing: "as long as the allies pursued their
// policy", "if there was no progress", "if Ankara did not withdraw". Said
// of one's own action, that is a threat; "for as long as it takes", "as
// long as needed" and "if Kabul requested it" are not.
func (x *Extractor) adverseCondition(st *state, s *sent, c *cand) bool {
	v := st.v
	k, e, ok := st.conditionIn(s, c)
	if !ok {
		return false
	}
	if v.is(k, "as") {
		// "as long as the allies pursued", not "(for) as long as
		// needed" or "as long as it takes"
		j := k + 3
		return j+1 < e && !v.is(k-1, "for") && !(v.is(j, "it") && v.toks[j+1].stem == "take") && !v.is(j, "possible") &&
			!(v.toks[j].tag == "JJ" || v.toks[j].tag == "VBN" || v.toks[j].tag == "RB")
	}
	for j := k + 1; j < e; j++ {
		if v.has(j, roleNegator) && !v.inMention(j) {
			return true
		}
	}
	return false
}

// conditionIn returns the span [k, e) of the first condition in commitment
// c's clause that is no time ("when", "once", "until").
func (st *state) conditionIn(s *sent, c *cand) (int, int, bool) {
	v := st.v
	end := min(c.objEnd+1, s.b)
	for k := max(c.obj, c.trig.b); k < end; k++ {
		if v.is(k, "when") || v.is(k, "once") || v.is(k, "until") || v.is(k, "till") {
			continue
		}
		if e, ok := st.conditionAt(s, k); ok {
			return k, e, true
		}
	}
	return 0, 0, false
}

// scheduleAt reports whether a schedule phrase opens at verb mv, its object
// noun past determiners and adjectives: "will hold an interactive dialogue".
func (x *Extractor) scheduleAt(v *view, s *sent, mv int) bool {
	if _, ok := x.phraseAt(v, mv, s.b, roleSchedule); ok {
		return true
	}
	k := mv + 1
	for k < s.b && k <= mv+3 && !v.inMention(k) {
		if t := v.toks[k].tag; t != "DT" && t != "JJ" && t != "PRP$" && t != "CD" {
			break
		}
		k++
	}
	if k == mv+1 || k >= s.b {
		return false
	}
	for _, p := range x.lx.phrases {
		if p.role == roleSchedule && len(p.words) == 2 && p.words[0] == v.toks[mv].stem && p.words[1] == v.toks[k].stem {
			return true
		}
	}
	return false
}

// objectHas reports whether the object that starts at token k has a word of
// role r among its first five words, before anything but nominal words,
// quotes and participles: with roleThreat, whether it names a threatened
// action ("threatened countermeasures", "threatens ‘overwhelming’
// response").
func objectHas(v *view, s *sent, k int, r role) bool {
	for n := 0; k < s.b && n < 5; k, n = k+1, n+1 {
		if v.has(k, r) && !v.inMention(k) {
			return true
		}
		t := v.toks[k].tag
		if !(v.isNominal(k) || v.isQuote(k) || t == "VBG" || t == "VBN") || v.inMention(k) {
			return false // "‘overwhelming’ response": a participle modifies the noun
		}
	}
	return false
}

// commitmentVerb returns the modality of the commitment trigger verb that
// "to" opens, its verb at token k ("failed to agree", "refused to pledge"),
// or "".
func (x *Extractor) commitmentVerb(v *view, s *sent, k int, cm comp) models.Modality {
	if cm&compTo == 0 || k >= s.b || v.toks[k].stem == "" {
		return ""
	}
	for _, ti := range x.lx.byFirst[v.toks[k].stem] {
		if tr := &x.lx.triggers[ti]; tr.pos == posVerb && tr.table == tableCommitment && !tr.neg {
			if _, ok := matchTrigger(v, s, k, tr.words); ok {
				return tr.modality
			}
		}
	}
	return ""
}

// pluralNoun reports whether verb trigger [i, e), one word in -s, is
// rather a plural noun: followed by "of" ("carry signs of wear"), or in a
// headline by a plural verb ("Norland blasts raise fears") or ending its
// clause at a colon or the headline's end ("Norland protests: what we know").
func (x *Extractor) pluralNoun(v *view, s *sent, i, e int) bool {
	if e != i+1 || !strings.HasSuffix(v.toks[i].lower, "s") {
		return false
	}
	if e < s.b && v.is(e, "of") && i > s.a && !v.inMention(i-1) && v.toks[i-1].tag != "PRP" {
		return true // not after its subject: "Norland complains of"
	}
	return s.headline && (e >= s.b || v.is(e, ":") || v.toks[e].tag == "VBP" && !v.inMention(e))
}

// objectPeople reports whether the object starting at token k is headed by
// a name or a word for people or a body: "the whole cabinet", "two
// ministers", "Piet Berg".
func (x *Extractor) objectPeople(v *view, s *sent, k int) bool {
	h := objectHead(v, s, k)
	return h >= 0 && (v.isActorMention(h) || v.has(h, roleCollective|roleBackref|rolePeople|rolePerson|roleAgent) || x.lx.agents[v.toks[h].lower])
}

// objectPerson reports whether the object starting at token k is headed by
// an official's name: "Piet Berg", "his rival Piet Berg over the tax".
func objectPerson(v *view, s *sent, k int) bool {
	h := objectHead(v, s, k)
	return h >= 0 && v.inMention(h) && v.mention(h).Label == models.Official
}

// objectHead returns the last token of the object noun phrase starting at
// token k, up to six nominal words or quote marks before a preposition, or
// -1 when k starts none.
func objectHead(v *view, s *sent, k int) int {
	last := -1
	for n := 0; k < s.b && n < 6 && (v.isNominal(k) || v.isQuote(k)) && !v.isPrep(k); k, n = k+1, n+1 {
		last = k
	}
	return last
}

// conditioned reports whether commitment c's clause states a condition on
// what others do: "if its interests continued to be ignored", "unless", "as
// long as"; not a time ("when", "until").
func conditioned(st *state, s *sent, c *cand) bool {
	_, _, ok := st.conditionIn(s, c)
	return ok
}
