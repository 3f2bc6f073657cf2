package stances

import (
	"slices"
	"sort"
	"strings"
	"unicode"

	"github.com/communique/communique/extractors"
	"github.com/communique/communique/models"
)

// actorHow says how an actor was found; rows found by weaker means get a
// lower confidence.
type actorHow uint8

const (
	byNone       actorHow = iota
	byMention             // the subject names the actor
	byCollective          // "the participants": the body the article is about
	byBackref             // "the kingdom": the state spoken of
	byPronoun             // "they": an earlier actor
	bySpeaker             // the one who says it
	byDocument            // "the statement": its authors
	byMemory              // no subject: the last actor
)

// actor is who commits or takes a stance.
type actor struct {
	ids    []string
	text   span // the words that name it, when in the clause
	how    actorHow
	plural bool // "they" may refer to it: "the leaders", "France and Germany"
}

func (a actor) ok() bool { return len(a.ids) > 0 }

// hasLabel reports whether one of ids has a mention labelled l.
func (st *state) hasLabel(ids []string, l models.Label) bool {
	for _, id := range ids {
		x := st.index[id]
		if x == nil {
			continue
		}
		for _, x := range x.labels {
			if x == l {
				return true
			}
		}
	}
	return false
}

// hasOfficial reports whether one of ids is an official's.
func (st *state) hasOfficial(ids []string) bool { return st.hasLabel(ids, models.Official) }

// idIndex is what the document's mentions say of one entity id, gathered
// once so that no lookup rescans the mentions (an article's length would
// make that quadratic).
type idIndex struct {
	labels []models.Label // the labels of its mentions, first seen first
	// states and groups its mentions give, each with the index of the
	// first mention giving it: the id itself for a state's or group's
	// mention, the affiliation for an official's
	states, groups []indexed
}

// indexed is an id with the index of the mention it was first seen at.
type indexed struct {
	id string
	at int
}

// frame is a stretch of a sentence said by someone: the complement of a verb
// of saying, or the whole sentence under "according to".
type frame struct {
	region  span
	speaker actor
}

// state is what the rules remember while reading one document.
type state struct {
	x    *Extractor
	v    *view
	body []string // the body the article is about, or nil
	// bodyTok is the first token that names body
	bodyTok int
	// headEnd is the end token of the headline, 0 without one: a
	// headline's collectives stand for the body the article names later
	headEnd int
	// igo is the first international body named after the headline, for a
	// headline's collectives when no body is salient; nil without a headline
	igo []string
	// named is the body a collective subject last named ("the heads of state
	// of the CIS"): later bare collectives ("the leaders") stand for it
	named []string

	person []string   // the last person acting, for "he"
	group  []string   // the last actor
	plural []string   // the last plural actor, for "they"
	thing  []string   // the last state or body, for "it"
	coords []coordRun // coordinated states: "Britain, France and Germany"
	pairs  []coordRun // two sides: "talks between X and Y", "X and Y agreed"

	labels  map[string]models.Label // entity id → label of its first mention
	outlets map[string]bool         // ids of news outlets the article names
	index   map[string]*idIndex     // entity id → what its mentions say
	// lastGroup[i] is the last group id among the first i mentions
	lastGroup []string
}

// coordRun is a list of coordinated state mentions ending at token end.
type coordRun struct {
	end int
	ids []string
}

func newState(x *Extractor, v *view) *state {
	st := &state{x: x, v: v, labels: map[string]models.Label{}, outlets: map[string]bool{}}
	st.indexMentions()
	st.body = salientBody(v)
	st.bodyTok = len(v.toks)
	if e := headlineEnd(v.d); e > 0 {
		for st.headEnd < len(v.toks) && v.d.Tokens[st.headEnd].End <= e {
			st.headEnd++
		}
	}
	if st.body != nil {
		for i := range v.toks {
			if v.inMention(i) && v.mention(i).ID == st.body[0] {
				st.bodyTok = i
				break
			}
		}
	}
	if st.headEnd > 0 {
		st.igo = st.firstBody()
	}
	st.coords = coordRuns(v)
	st.pairs = sidePairs(v)
	return st
}

// salientBody returns the organization the article is about: the one named
// most often, the headline counting thrice, if named at least twice.
func salientBody(v *view) []string {
	d := v.d
	score := map[string]int{}
	order := []string{}
	headEnd := headlineEnd(d) // a headline's names count thrice
	for i, m := range d.Mentions {
		if m.Label != models.Org || m.ID == "" || isAgency(d, m) {
			continue
		}
		if i > 0 && d.Mentions[i-1].ID == m.ID && m.Start > 0 && d.Article.Text[m.Start-1] == '(' {
			continue // "Inter-Services Public Relations (ISPR)" names it once
		}
		if _, ok := score[m.ID]; !ok {
			order = append(order, m.ID)
		}
		score[m.ID]++
		if m.Start < headEnd {
			score[m.ID] += 2
		}
	}
	best, bestScore := "", 1
	for _, id := range order {
		if score[id] > bestScore {
			best, bestScore = id, score[id]
		}
	}
	if best == "" {
		return nil
	}
	return []string{best}
}

// headlineEnd returns the byte end of the article's headline, its first
// sentence when that ends without a stop, or -1.
func headlineEnd(d *extractors.Doc) int {
	if len(d.Sentences) > 1 {
		s0 := d.Sentences[0]
		if last := strings.TrimSpace(d.Article.Text[s0.Start:s0.End]); last != "" && !strings.ContainsAny(last[len(last)-1:], ".!?\"'") {
			return s0.End
		}
	}
	return -1
}

// isAgency reports whether mention m names the news agency that reports
// the article, not a body it reports on: the article's source ("Kazinform"),
// or a name in a dateline's parentheses or slashes ("(PTI)", "/TASS/").
func isAgency(d *extractors.Doc, m extractors.Mention) bool {
	t := d.Article.Text
	if src := d.Article.Source; src != "" && (strings.EqualFold(t[m.Start:m.End], src) || strings.EqualFold(m.Name, src)) {
		return true
	}
	if m.Start == 0 || m.End >= len(t) {
		return false
	}
	l, r := t[m.Start-1], t[m.End]
	if l == '/' && r == '/' {
		return true
	}
	if l != '(' || r != ')' {
		return false // "the Council of Europe (PACE)" defines an acronym
	}
	// "Feb 9 (PTI)", "(Yonhap) --": a date before or a dash after
	before := strings.TrimRight(t[:m.Start-1], " \u00a0")
	after := strings.TrimLeft(t[m.End+1:], " \u00a0")
	return before != "" && before[len(before)-1] >= '0' && before[len(before)-1] <= '9' ||
		strings.HasPrefix(after, "-") || strings.HasPrefix(after, "–") || strings.HasPrefix(after, "—")
}

// coordRuns finds runs of two or more state mentions joined by commas and "and".
func coordRuns(v *view) []coordRun {
	var out []coordRun
	var cur []string
	last := -1
	flush := func() {
		if len(cur) >= 2 {
			out = append(out, coordRun{end: last + 1, ids: cur})
		}
		cur = nil
	}
	for i := 0; i < len(v.toks); i++ {
		if v.inMention(i) {
			m := v.mention(i)
			if m.Label != models.State {
				flush()
				continue
			}
			if len(cur) == 0 || cur[len(cur)-1] != m.ID {
				if !containsID(cur, m.ID) {
					cur = append(cur, m.ID)
				}
			}
			last = i
			continue
		}
		if len(cur) > 0 && (v.isComma(i) || v.is(i, "and") || v.is(i, "the")) && i-last <= 2 {
			continue
		}
		flush()
	}
	flush()
	return out
}

// maxPairGap is how many sentences back "the parties" find their two sides.
const maxPairGap = 3

// sidePairs finds the two sides of a meeting or deal: two actor mentions
// (states, groups, bodies, or the state or body an official serves) after
// "between" and joined by "and", or joined by "and" as the subject of a verb
// ("the Yemeni government and the Houthis had committed").
func sidePairs(v *view) []coordRun {
	var out []coordRun
	side := func(i int) (string, int, bool) {
		if i >= len(v.toks) || !v.inMention(i) {
			return "", i, false
		}
		m := v.mention(i)
		id := m.ID
		switch m.Label {
		case models.State, models.Group, models.Org:
		case models.Official:
			if m.Affiliation != "" {
				id = m.Affiliation
			}
		default:
			return "", i, false
		}
		for i+1 < len(v.toks) && v.toks[i+1].mention == v.toks[i].mention {
			i++
		}
		i++
		if i < len(v.toks) && !v.inMention(i) && (v.toks[i].tag == "NN" || v.toks[i].tag == "NNS") {
			i++ // "the Yemeni government"
		}
		return id, i, id != ""
	}
	for i := 0; i < len(v.toks); i++ {
		between := v.is(i, "between") && i > 0 && v.has(i-1, roleMeeting)
		a := i
		if between {
			a = i + 1
		} else if i > 0 && (v.inMention(i-1) && v.toks[i-1].mention == v.toks[i].mention || v.isPrep(i-1)) {
			continue
		}
		if a < len(v.toks) && v.is(a, "the") {
			a++
		}
		x, j, ok := side(a)
		if !ok || j+1 >= len(v.toks) || !(v.is(j, "and") || v.isComma(j) && !between && v.isActorMention(j+1)) {
			continue
		}
		j++
		if j < len(v.toks) && v.is(j, "the") {
			j++
		}
		y, e, ok := side(j)
		if !ok || x == y {
			continue
		}
		k := e
		for k < len(v.toks) && (v.isAdverb(k) || v.has(k, roleTime) ||
			v.isPrep(k) && k+1 < len(v.toks) && v.has(k+1, roleTime)) {
			k++ // "X and Y on Friday signed"
		}
		if between || k < len(v.toks) && v.isVerb(k) && !v.inMention(k) {
			out = append(out, coordRun{end: e, ids: []string{x, y}})
			i = e - 1
		}
	}
	return out
}

func containsID(ids []string, id string) bool {
	for _, x := range ids {
		if x == id {
			return true
		}
	}
	return false
}

// addID appends id to ids unless it is there.
func addID(ids []string, id string) []string {
	if id == "" || containsID(ids, id) {
		return ids
	}
	return append(ids, id)
}

// idsIn returns the ids of the acting mentions among tokens sp, an official's
// state or body after the official.
func (st *state) idsIn(sp span, ids []string) []string {
	v := st.v
	for i := sp.a; i < sp.b; i++ {
		if !v.isActorMention(i) {
			continue
		}
		m := v.mention(i)
		ids = addID(ids, m.ID)
		if m.Label == models.Official || m.Label == models.Operation {
			ids = addID(ids, m.Affiliation) // the official's body or state, the mission's body
		}
		for i+1 < sp.b && v.toks[i+1].mention == v.toks[i].mention {
			i++
		}
	}
	return ids
}

// resolveNP finds who a subject noun phrase stands for; at is the token the
// clause's verb starts at.
func (st *state) resolveNP(s *sent, sub subject, at int) actor {
	v := st.v
	h := sub.head
	var cls role
	hn := -1
	for k := h.a; k < h.b; k++ {
		if v.isNoun(k) && !v.is(k, "'s") {
			hn = k
		}
		if !v.inMention(k) { // "League" in "the Arab League chief" is a name's word
			cls |= v.toks[k].role & (roleCollective | roleBackref | roleDocument | rolePeople | roleGroupRef)
		}
	}
	if relationOf(v, h) {
		return actor{} // "rivals of Piet Berg", "families of Norlandian hostages": not Berg, not Norland
	}
	ids := st.idsIn(sub.head, nil)
	if len(ids) > 0 && st.thingsOf(s, h) {
		return actor{} // "Norland floods raise fears": things of the state, not the state
	}
	if len(ids) == 0 && v.hasOutlet(sub.np) {
		// "the Courier demands": an outlet speaks for no one named; "the
		// Courier, the mouthpiece of the government, said": for that body
		if at > sub.np.a && v.hasIn(sub.np.a, at, roleMouthpiece) {
			if ids := st.idsIn(span{sub.np.a, at}, nil); len(ids) > 0 {
				return actor{ids: ids, text: sub.np, how: byMention}
			}
		}
		return actor{}
	}
	for _, c := range sub.coActor {
		ids = st.idsIn(c, ids)
	}
	if len(sub.mods) > 0 {
		// "Laos' special envoy on Myanmar Alounkeo Kittikhoun": a title's
		// modifier ends with the name of who holds it
		if m := sub.mods[0]; m.b > m.a && v.inMention(m.b-1) && v.mention(m.b-1).Label == models.Official {
			k := m.b - 1
			for k > m.a && v.toks[k-1].mention == v.toks[m.b-1].mention {
				k--
			}
			if k > m.a+1 && v.toks[k-1].tag != "DT" {
				ids = st.idsIn(span{k, m.b}, ids)
			}
		}
	}
	if len(ids) > 0 {
		if cls&roleCollective != 0 {
			st.noteBody(ids) // "the heads of state of the CIS": the body spoken of now
		}
		return actor{ids: ids, text: sub.np, how: byMention, plural: isPlural(v, sub.head)}
	}
	if hn < 0 {
		return actor{}
	}
	if ids := st.titleHolder(h, at); len(ids) > 0 {
		return actor{ids: ids, text: sub.np, how: byBackref}
	}
	if v.toks[hn].tag == "PRP" {
		return st.pronoun(s, hn, v.toks[hn].role, sub.np)
	}
	switch {
	case cls&roleCollective != 0:
		for _, m := range sub.mods {
			if m.word == "in" || m.word == "of" || m.word == "from" {
				if ids := st.idsIn(m.span, nil); len(ids) > 0 {
					st.noteBody(ids)
					return actor{ids: ids, text: sub.np, how: byMention, plural: true}
				}
			}
		}
		if hn >= 0 && v.has(hn, roleParty) {
			// "the parties agreed", "the two sides": the two sides named in
			// the last sentences
			for k := len(st.pairs) - 1; k >= 0; k-- {
				if p := st.pairs[k]; p.end <= at {
					if d := st.v.d; s.idx-d.SentenceOf(d.Tokens[p.end-1].Start) <= maxPairGap {
						return actor{ids: st.wholeList(p), text: sub.np, how: byCollective, plural: true}
					}
					break
				}
			}
		}
		if n := cardinal(v, h); n >= 2 {
			for k := len(st.coords) - 1; k >= 0; k-- {
				if st.coords[k].end <= at && len(st.coords[k].ids) == n {
					// "the four countries" of a body's meeting: the states
					// and the body
					ids := st.coords[k].ids
					if b := st.bodyBefore(at); b != nil {
						ids = append(append([]string(nil), ids...), b...)
					}
					return actor{ids: ids, text: sub.np, how: byCollective, plural: true}
				}
			}
		}
		if st.countOfSome(h) {
			return actor{}
		}
		if pr := possessivePronoun(v, h); pr != 0 {
			return st.pronoun(s, h.a, pr, sub.np)
		}
		pl := isPlural(v, h)
		if sp := st.speakerAt(s, at); sp.ok() && st.hasOfficial(sp.ids) && st.anyOrg(sp.ids) {
			// "Zas said the member states were ready": the body the
			// speaking official serves, with the official
			return actor{ids: sp.ids, text: sub.np, how: byCollective, plural: pl}
		}
		if st.named != nil {
			return actor{ids: st.named, text: sub.np, how: byCollective, plural: pl}
		}
		if st.body != nil && st.bodyTok < at {
			return actor{ids: st.body, text: sub.np, how: byCollective, plural: pl}
		}
		if hn >= 0 && v.has(hn, roleParty) {
			// "the parties" of a bilateral article no body is named in yet:
			// the two sides last named together
			for k := len(st.pairs) - 1; k >= 0; k-- {
				if p := st.pairs[k]; p.end <= at {
					return actor{ids: p.ids, text: sub.np, how: byCollective, plural: true}
				}
			}
		}
		if st.body != nil {
			return actor{ids: st.body, text: sub.np, how: byCollective, plural: pl}
		}
		if at < st.headEnd {
			if ids := st.igo; ids != nil {
				// a headline's "leaders call for" are the international body
				// the article then names, even once
				return actor{ids: ids, text: sub.np, how: byCollective, plural: pl}
			}
		}
		if pl {
			// "the parties", "participating countries" of a meeting of states
			// that no body names: the states the article lists
			if ids := st.listedStates(at); ids != nil {
				return actor{ids: ids, text: sub.np, how: byCollective, plural: true}
			}
		}
		if st.group != nil {
			return actor{ids: st.group, text: sub.np, how: byCollective, plural: pl}
		}
		if ids := st.orgIn(s); ids != nil {
			return actor{ids: ids, text: sub.np, how: byCollective, plural: pl}
		}
	case cls&rolePeople != 0:
		for _, m := range sub.mods {
			if m.word == "in" || m.word == "of" || m.word == "from" {
				if ids := st.idsIn(m.span, nil); len(ids) > 0 {
					return actor{ids: ids, text: sub.np, how: byMention, plural: true}
				}
			}
		}
	case cls&roleGroupRef != 0:
		if ids := st.groupRef(s, at); ids != nil {
			return actor{ids: ids, text: sub.np, how: byBackref}
		}
	case cls&roleBackref != 0:
		if sp := st.speakerAt(s, at); sp.ok() {
			if ids := st.statesOf(sp.ids); len(ids) > 0 {
				return actor{ids: append(ids, st.officials(sp.ids)...), text: sub.np, how: byBackref}
			}
			if possessivePronoun(v, h) != 0 {
				// "X, head of the council, said his government would": the
				// speaker's, though no state is known for X
				return st.pronoun(s, h.a, possessivePronoun(v, h), sub.np)
			}
		}
		if st.thing != nil {
			return actor{ids: st.thing, text: sub.np, how: byBackref}
		}
	case cls&roleDocument != 0:
		if st.draftOnly(h) {
			return actor{}
		}
		if st.body != nil {
			return actor{ids: st.body, text: sub.np, how: byDocument}
		}
		if st.group != nil {
			return actor{ids: st.group, text: sub.np, how: byDocument}
		}
	}
	if pr := possessivePronoun(v, h); pr != 0 {
		// "its ships": whoever "it" is
		return st.pronoun(s, h.a, pr, sub.np)
	}
	return actor{}
}

// titleRoles maps a bare title to the word an official's role holds.
var titleRoles = map[string]string{"pm": "prime minister", "premier": "prime minister", "president": "president", "chancellor": "chancellor"}

// titleHolder returns the official a bare title subject stands for ("PM",
// "the president"): the last official the article named before token at
// whose role holds that title, with the body or state served; nil when the
// subject is more than a title or no one fits.
func (st *state) titleHolder(h span, at int) []string {
	v := st.v
	k := h.b - 1
	if k < h.a || v.inMention(k) || h.b-h.a > 2 || h.b-h.a == 2 && v.toks[h.a].tag != "DT" {
		return nil
	}
	want := titleRoles[v.toks[k].lower]
	if want == "" {
		return nil
	}
	var ids []string
	for i := range v.d.Mentions {
		m := &v.d.Mentions[i]
		if m.TokEnd > at {
			break
		}
		if m.Label == models.Official && m.ID != "" && strings.EqualFold(m.Role, want) { // not a "Vice President"
			ids = addID(addID(nil, m.ID), m.Affiliation)
		}
	}
	return ids
}

// relationOf reports whether head h is a word for people by their relation
// to whom an of-phrase names ("rivals of", "the families of"; cues.tsv role
// relation): those named are not the ones acting.
func relationOf(v *view, h span) bool {
	for k := h.a; k+1 < h.b; k++ {
		if v.is(k+1, "of") && !v.inMention(k) {
			return v.has(k, roleRelation)
		}
	}
	return false
}

// thingsOf reports whether subject head h is a plural noun for things that
// a name before it only qualifies: "Norland floods", "the Sudland talks";
// not people or a body ("Norland officials"), not a possessor's things
// ("Norland's threats"), nor a capitalised word the tagger took for a
// plural noun outside a Title Case headline (a surname). In a Title Case
// headline the tagger reads such nouns as names, so none is found there.
func (st *state) thingsOf(s *sent, h span) bool {
	v := st.v
	k := h.b - 1
	if h.b <= h.a || v.toks[k].tag != "NNS" || !st.x.thingHead(v, h, s.title) {
		return false
	}
	for j := h.a; j < k; j++ {
		if v.is(j, "'s") || v.toks[j].tag == "POS" {
			return false // "Norland's threats": the owner's deeds keep it salient
		}
	}
	w := []rune(v.d.Tokens[k].Text)
	return s.title || !unicode.IsUpper(w[0])
}

// draftOnly reports whether a subject is a draft document ("a draft
// resolution that called on"): until adopted it speaks for no one.
func (st *state) draftOnly(h span) bool {
	v := st.v
	return h.b > h.a && v.has(h.b-1, roleDocument) && v.hasIn(h.a, h.b, roleDraft)
}

// countOfSome reports whether a subject counts some members without naming
// them: "Seventeen members voted in favour" is neither the body nor the
// states the article lists.
func (st *state) countOfSome(h span) bool {
	v := st.v
	return h.b-h.a >= 2 && (v.toks[h.a].tag == "CD" || v.has(h.a, roleNumber)) && !v.inMention(h.a) &&
		v.has(h.b-1, roleCollective)
}

// noteBody remembers ids as the body later collective subjects stand for,
// when all of them are organizations.
func (st *state) noteBody(ids []string) {
	for _, id := range ids {
		if !st.isOrg(id) {
			return
		}
	}
	st.named = ids
}

// firstBody returns the first international body (sector IGO) the article
// names after its headline, or nil.
func (st *state) firstBody() []string {
	if st.headEnd >= len(st.v.toks) {
		return nil
	}
	after := st.v.d.Tokens[st.headEnd].Start
	for _, m := range st.v.d.Mentions {
		if m.Label == models.Org && m.Sector == sectorIGO && m.ID != "" && m.Start >= after {
			return []string{m.ID}
		}
	}
	return nil
}

// bodyBefore returns the body a collective subject at token at stands for:
// the one a collective last named, or the article's body if named before.
func (st *state) bodyBefore(at int) []string {
	if st.named != nil {
		return st.named
	}
	if st.body != nil && (st.bodyTok < at || at < st.headEnd) {
		return st.body // a headline's "leaders" are the body the article then names
	}
	return nil
}

// anyOrg reports whether one of ids is an organization.
func (st *state) anyOrg(ids []string) bool {
	for _, id := range ids {
		if st.isOrg(id) {
			return true
		}
	}
	return false
}

func (st *state) isOrg(id string) bool { return st.labels[id] == models.Org }

// wholeList returns the states of the list a pair ends ("Russia, China,
// Iran and Pakistan" for the pair "Iran and Pakistan"), or the pair's.
func (st *state) wholeList(p coordRun) []string {
	for _, c := range st.coords {
		if c.end == p.end && len(c.ids) > len(p.ids) {
			return c.ids
		}
	}
	return p.ids
}

// listedStates returns the longest list of three or more coordinated
// states the article names before token at, the latest on a tie, or nil.
func (st *state) listedStates(at int) []string {
	var best []string
	for _, c := range st.coords {
		if c.end <= at && len(c.ids) >= 3 && len(c.ids) >= len(best) {
			best = c.ids
		}
	}
	return best
}

// possessivePronoun returns the pronoun role of a noun phrase that opens with
// a possessive pronoun ("its ships", "their countries"), or 0.
func possessivePronoun(v *view, h span) role {
	if h.a < h.b && v.toks[h.a].tag == "PRP$" {
		return v.toks[h.a].role & (roleHe | roleThey | roleIt | roleWe)
	}
	return 0
}

// cardinal returns the number a noun phrase counts ("the three countries"), or 0.
func cardinal(v *view, h span) int {
	for k := h.a; k < h.b; k++ {
		switch v.toks[k].lower {
		case "two", "both":
			return 2
		case "three":
			return 3
		case "four":
			return 4
		case "five":
			return 5
		case "six":
			return 6
		}
	}
	return 0
}

// groupRef returns the non-state group "the group" at token at stands for:
// the speaker's group, else the group named last before it.
func (st *state) groupRef(s *sent, at int) []string {
	d := st.v.d
	if sp := st.speakerAt(s, at); sp.ok() {
		if out := st.gather(sp.ids, func(x *idIndex) []indexed { return x.groups }); out != nil {
			return out
		}
	}
	pos := d.Tokens[at].Start
	n := sort.Search(len(d.Mentions), func(i int) bool { return d.Mentions[i].Start >= pos })
	if last := st.lastGroup[n]; last != "" {
		return []string{last}
	}
	return nil
}

// isGroup reports whether id is a non-state group the document names.
func (st *state) isGroup(id string) bool { return id != "" && st.labels[id] == models.Group }

// statesOf returns the states among ids, and the states official ids serve.
func (st *state) statesOf(ids []string) []string {
	return st.gather(ids, func(x *idIndex) []indexed { return x.states })
}

// gather returns the ids pick gives for each of ids, in the order of the
// mentions that first gave them, once each.
func (st *state) gather(ids []string, pick func(*idIndex) []indexed) []string {
	var all []indexed
	for _, id := range ids {
		if x := st.index[id]; x != nil {
			all = append(all, pick(x)...)
		}
	}
	sort.SliceStable(all, func(i, j int) bool { return all[i].at < all[j].at })
	var out []string
	for _, x := range all {
		out = addID(out, x.id)
	}
	return out
}

func (st *state) isState(id string) bool {
	if id == "" {
		return false
	}
	if l, ok := st.labels[id]; ok {
		return l == models.State
	}
	return len(id) == 3 // an ISO code
}

// indexMentions gathers, in one pass over the mentions, the labels of each
// id, the states and groups its mentions give and the last group before
// each mention.
func (st *state) indexMentions() {
	ms := st.v.d.Mentions
	st.index = map[string]*idIndex{}
	st.lastGroup = make([]string, len(ms)+1)
	for i, m := range ms {
		if _, ok := st.labels[m.ID]; !ok {
			st.labels[m.ID] = m.Label
		}
		if isOutlet(&ms[i]) {
			st.outlets[m.ID] = true
		}
		x := st.index[m.ID]
		if x == nil {
			x = &idIndex{}
			st.index[m.ID] = x
		}
		if !slices.Contains(x.labels, m.Label) {
			x.labels = append(x.labels, m.Label)
		}
		st.lastGroup[i+1] = st.lastGroup[i]
		if m.Label == models.Group && m.ID != "" {
			st.lastGroup[i+1] = m.ID
		}
	}
	// states and groups need every id's first label (isState, isGroup)
	for i, m := range ms {
		x := st.index[m.ID]
		switch {
		case m.Label == models.State:
			x.states = addIndexed(x.states, m.ID, i)
		case m.Label == models.Official && st.isState(m.Affiliation):
			x.states = addIndexed(x.states, m.Affiliation, i)
		}
		switch {
		case m.Label == models.Group:
			x.groups = addIndexed(x.groups, m.ID, i)
		case m.Label == models.Official && st.isGroup(m.Affiliation):
			x.groups = addIndexed(x.groups, m.Affiliation, i)
		}
	}
}

// addIndexed adds id, first seen at mention i, unless xs has it.
func addIndexed(xs []indexed, id string, i int) []indexed {
	for _, x := range xs {
		if x.id == id {
			return xs
		}
	}
	return append(xs, indexed{id, i})
}

// officials returns the official ids among ids.
func (st *state) officials(ids []string) []string {
	var out []string
	for _, id := range ids {
		if st.hasOfficial([]string{id}) {
			out = append(out, id)
		}
	}
	return out
}

// pronoun resolves a pronoun (role r) standing at token at: the speaker of a
// frame it stands in, an earlier subject of the sentence, or the last actor.
func (st *state) pronoun(s *sent, at int, r role, np span) actor {
	they := r&roleThey != 0
	fits := func(a actor) bool {
		switch {
		case r&roleHe != 0:
			return st.hasOfficial(a.ids) || st.personTitle(a.text)
		case they:
			return a.plural
		case r&roleIt != 0:
			return !a.plural || a.how == byMention && !st.hasOfficial(a.ids) && len(a.ids) == 1 // "the AU ... as it called"
		}
		return true
	}
	sp := st.speakerAt(s, at)
	if sp.ok() && fits(sp) {
		return actor{ids: sp.ids, text: np, how: byPronoun, plural: they}
	}
	for k := len(s.vgs) - 1; k >= 0; k-- {
		g := &s.vgs[k]
		if !g.resolved && g.end <= at && g.kind == vgFinite {
			// "X rejected what he called ...": X, though no row asked for it yet
			st.resolve(s, k)
		}
		if !g.resolved || g.end > at || !g.actor.ok() || g.actor.how == byPronoun && g.subj.np.a == np.a {
			continue
		}
		if fits(g.actor) {
			return actor{ids: g.actor.ids, text: np, how: byPronoun, plural: they}
		}
	}
	if they && sp.ok() && st.partySpeaks(sp) {
		// "the party said they would": a party speaking of itself in the
		// plural, when no plural actor came before in the sentence
		return actor{ids: sp.ids, text: np, how: byPronoun, plural: they}
	}
	var ids []string
	switch {
	case r&roleHe != 0:
		ids = st.person
	case r&roleIt != 0:
		ids = st.thing
		if ids == nil {
			ids = st.group
		}
	case they:
		ids = st.plural
	default:
		ids = st.group
	}
	if ids == nil && !they {
		ids = st.body
	}
	return actor{ids: ids, text: np, how: byPronoun, plural: they}
}

// partySpeaks reports whether actor a is named by a political party's
// mention alone (sector PTY): a party is often "they".
func (st *state) partySpeaks(a actor) bool {
	v := st.v
	party := false
	for k := a.text.a; k < a.text.b; k++ {
		if !v.inMention(k) {
			continue
		}
		if m := v.mention(k); m.Sector != sectorParty {
			return false
		}
		party = true
	}
	return party
}

// personTitle reports whether a noun phrase names one person by title: "the
// Arab League chief", "the Belarusian leader".
func (st *state) personTitle(np span) bool {
	v := st.v
	if np.b <= np.a {
		return false
	}
	h := headOf(v, np)
	k := h.b - 1
	if k < h.a || v.inMention(k) || v.toks[k].tag != "NN" {
		return false
	}
	return v.toks[k].role&(roleCollective|roleBackref|roleDocument) == 0 && v.toks[k].role&rolePerson != 0
}

// isPlural reports whether a noun phrase names more than one: a plural head
// ("the leaders", "the Houthis") or coordinated names ("France and Germany").
func isPlural(v *view, h span) bool {
	for k := h.a; k < h.b; k++ {
		if v.is(k, "and") || v.is(k, "&") {
			return true
		}
	}
	for k := h.b - 1; k >= h.a; k-- {
		if v.isPunct(k) || v.is(k, "'s") {
			continue
		}
		t := v.toks[k].tag
		if t == "NNS" || t == "NNPS" {
			return true
		}
		if v.inMention(k) && v.mention(k).Label == models.Group && strings.HasSuffix(v.toks[k].lower, "s") {
			return true
		}
		if v.toks[k].role&roleThey != 0 && t == "PRP" {
			return true
		}
		return false
	}
	return false
}

// claimed reports whether commitment c, a future ("will") or a disposition
// ("ready to") of an actor its clause names, is only what a speaker who is
// someone else claims of it ("Norland says Sudland will lift the ban",
// "Sudland ready to strike, Norland says"). A verb of committing ("Sudland
// offered to ..., a paper said") reports the actor's own act.
func (st *state) claimed(s *sent, c *cand) bool {
	return c.table == tableCommitment && (c.pos == posModal || c.pos == posAdj) && c.actor.how == byMention &&
		st.claimAbout(s, c.trig.a, c.actor.ids)
}

// claimAbout reports whether the frame holding token at has a speaker who
// is plainly not the actor ids, so that what ids "will" do is the
// speaker's claim or forecast:
//   - both name people and no person is common to them ("A says B would
//     allow": two people of one state), unless the speaker is a spokesperson
//     of the actor's side ("spokesman A said B would not allow");
//   - both are states only and none is common ("Norland says Sudland will").
//
// A speaker of a body, or a body's mission, may speak for it: no claim then.
func (st *state) claimAbout(s *sent, at int, ids []string) bool {
	sp := st.speakerAt(s, at)
	if !sp.ok() {
		return false
	}
	spo, ao := st.officials(sp.ids), st.officials(ids)
	switch {
	case len(spo) > 0 && len(ao) > 0:
		if intersects(spo, ao) {
			return false
		}
		return !(st.v.hasIn(sp.text.a, sp.text.b, roleSpokes) && intersects(sp.ids, ids))
	case len(spo) > 0 || len(ao) > 0:
		return false // a person and a state: the person's affiliation may be unknown
	}
	return st.onlyStates(sp.ids) && st.onlyStates(ids) && !intersects(sp.ids, ids)
}

// onlyStates reports whether every id of ids is a state's.
func (st *state) onlyStates(ids []string) bool {
	for _, id := range ids {
		if x := st.index[id]; x == nil || len(x.labels) == 0 || x.labels[0] != models.State {
			return false
		}
	}
	return len(ids) > 0
}

// speakerAt returns the speaker of the frame holding token at, if any.
func (st *state) speakerAt(s *sent, at int) actor {
	for k := len(s.frames) - 1; k >= 0; k-- {
		if s.frames[k].region.has(at) && s.frames[k].speaker.ok() {
			return s.frames[k].speaker
		}
	}
	return actor{}
}

// remember notes an actor for later pronouns and elided subjects.
func (st *state) remember(a actor) {
	if !a.ok() || a.how == byMemory {
		return
	}
	ids := a.ids
	st.group = ids
	if a.plural {
		st.plural = ids
	}
	if st.hasOfficial(ids) {
		st.person = ids
	}
	if st.hasLabel(ids, models.State) || st.hasLabel(ids, models.Org) {
		st.thing = ids
	}
}

// resolve returns the actor of verb group gi of s, finding its subject first.
func (st *state) resolve(s *sent, gi int) actor {
	g := &s.vgs[gi]
	if g.resolved {
		return g.actor
	}
	g.resolved = true // guards against cycles; set again below
	g.subj = st.x.findSubject(st.v, s, g)
	var a actor
	switch g.subj.kind {
	case subjNP, subjInverted:
		a = st.resolveNP(s, g.subj, g.start)
		if a.ok() {
			a = st.onBehalf(s, gi, a)
		}
	case subjElided:
		a = st.elided(s, gi)
	case subjControlled:
		a = st.mainActor(s, gi)
	}
	g.actor = a
	return a
}

// onBehalf adds to a, the actor of verb group gi, the body or state an "on
// behalf of" phrase before it names, when gi is the first clause after it
// with a subject of its own.
func (st *state) onBehalf(s *sent, gi int, a actor) actor {
	for _, b := range s.behalf {
		if b.at >= s.vgs[gi].start {
			continue
		}
		first := true
		for k := 0; k < gi; k++ {
			if g := &s.vgs[k]; g.start > b.at && g.kind == vgFinite && !g.coord {
				first = false
			}
		}
		if !first {
			continue
		}
		ids := append([]string(nil), a.ids...)
		for _, id := range b.ids {
			ids = addID(ids, id)
		}
		a.ids = ids
	}
	return a
}

// elided returns the subject of a coordinated predicate: after ", and" the
// main clause's, else the nearest earlier predicate's that names an actor.
func (st *state) elided(s *sent, gi int) actor {
	if s.vgs[gi].coordComma {
		if a := st.mainBefore(s, gi); a.ok() {
			return a
		}
	}
	for k := gi - 1; k >= 0; k-- {
		g := &s.vgs[k]
		if g.kind != vgFinite {
			continue
		}
		if a := st.resolve(s, k); a.ok() {
			return a
		}
	}
	if a := st.headlineOpener(s, gi); a.ok() {
		return a
	}
	return st.mainActor(s, gi)
}

// headlineOpener returns the actor a headline opens with, for an elided
// subject after a comma when the tagger missed the first verb ("Norland
// envoy meets rebels, calls for talks": "meets" read as a plural noun).
func (st *state) headlineOpener(s *sent, gi int) actor {
	v := st.v
	if g := &s.vgs[gi]; !s.headline || g.start <= s.a || !v.isComma(g.start-1) || !v.isActorMention(s.a) {
		return actor{}
	}
	m := v.toks[s.a].mention
	e := s.a
	for e < s.b && v.toks[e].mention == m {
		e++
	}
	if ids := st.idsIn(span{s.a, e}, nil); len(ids) > 0 {
		return actor{ids: ids, text: span{s.a, e}, how: byMention}
	}
	return actor{}
}

// mainBefore returns the actor of the first finite predicate before gi with
// a subject of its own.
func (st *state) mainBefore(s *sent, gi int) actor {
	for k := 0; k < gi; k++ {
		g := &s.vgs[k]
		if g.kind != vgFinite || g.coord {
			continue
		}
		a := st.resolve(s, k)
		if a.ok() && (g.subj.kind == subjNP || g.subj.kind == subjInverted) {
			return a
		}
	}
	return actor{}
}

// mainActor returns the actor of the sentence's main clause: the first finite
// predicate with a subject of its own other than gi.
func (st *state) mainActor(s *sent, gi int) actor {
	for k := range s.vgs {
		if k == gi {
			continue
		}
		g := &s.vgs[k]
		if g.kind != vgFinite || g.coord {
			continue
		}
		a := st.resolve(s, k)
		if a.ok() && (g.subj.kind == subjNP || g.subj.kind == subjInverted) {
			return a
		}
	}
	return actor{}
}

// orgIn returns the first organization the sentence names, for a collective
// subject in a text that is about no body in particular ("foreign ministers
// demanded ..., an EC declaration said").
func (st *state) orgIn(s *sent) []string {
	v := st.v
	for i := s.a; i < s.b; i++ {
		if v.inMention(i) && v.mention(i).Label == models.Org {
			return []string{v.mention(i).ID}
		}
	}
	return nil
}
