package stances

import (
	"strings"

	"github.com/communique/communique/extractors"
	"github.com/communique/communique/models"
)

// maxTopic is the most tokens a topic keeps.
const maxTopic = 12

// emit turns the accepted candidates of sentence s into rows of d.
func (st *state) emit(s *sent, cs []cand) {
	v := st.v
	d := v.d
	ds := d.Sentences[s.idx]
	evidence := d.Article.Text[ds.Start:ds.End]
	for i := range cs {
		c := &cs[i]
		start := c.trig.a
		switch {
		case c.topicSub.b > c.topicSub.a:
			start = min(start, c.topicSub.a)
		case (c.passive || c.actor.how == bySpeaker) && c.gov >= 0:
			// "all the necessary assistance will be rendered", said by
			// someone: the clause starts at its own subject
			if sub := st.x.findSubject(v, s, &s.vgs[c.gov]); sub.kind == subjNP && sub.np.a < start && sub.np.a >= s.a {
				start = sub.np.a
			}
		default:
			if t := c.actor.text; t.b > t.a && t.a < start && start-t.b <= 6 && t.a >= s.a {
				start = t.a
			}
		}
		end := c.objEnd
		for end > c.trig.b && end > start+1 && v.isPunct(end-1) && !v.isQuote(end-1) {
			end--
		}
		if end <= start {
			end = c.trig.b
		}
		startB, endB := d.Tokens[start].Start, d.Tokens[end-1].End
		sp := st.speakerAt(s, c.trig.a)
		var speaker *string
		if sp.ok() {
			speaker = extractors.Optional(st.speakerID(sp))
		}
		actorIDs := st.withoutOutlets(c.actor.ids)
		if len(actorIDs) == 0 && len(c.actor.ids) > 0 {
			continue // a news outlet reports; it is never the actor
		}
		actorText := "" // an actor found without words in the text, the body the article is about
		if t := c.actor.text; t.b > t.a {
			actorText = v.text(t.a, t.b)
		}
		targets, targetText := st.targets(c, actorIDs)
		actorCountries, actorSectors := d.ActorFacts(actorIDs, c.actor.text.a, c.actor.text.b)
		targetCountries, _ := d.ActorFacts(targets, 0, 0)
		trigger := v.text(c.trig.a, c.trig.b)
		switch {
		case c.pos == posModal:
			trigger = v.text(c.trig.a, c.trig.a+1)
		case c.words == 2 && c.trig.b-c.trig.a > 2:
			// "warned Western countries against": the trigger is "warned against"
			trigger = v.text(c.trig.a, c.trig.a+1) + " " + v.text(c.trig.b-1, c.trig.b)
		}
		conf := c.conf
		switch c.table {
		case tableCommitment:
			action := st.action(s, c)
			// "will not send troops" is a negated pledge (annotation guide), but
			// its codes are a restraint's, not a refusal's: plover.tsv reads
			// the action with its "not"
			neg := c.neg || c.restraint
			coded := action
			if c.restraint {
				coded = "not " + action
			}
			cameo, plover := st.x.lx.ploverFor(tableCommitment, string(c.modality), c.neg, st.x.wordStems(trigger+" "+coded))
			d.Commitments = append(d.Commitments, models.Commitment{
				ArticleID:       d.Article.ArticleID,
				SentenceIndex:   int32(s.idx),
				Start:           d.CP(startB),
				End:             d.CP(endB),
				ActorIDs:        actorIDs,
				ActorCountries:  actorCountries,
				ActorSectors:    actorSectors,
				ActorText:       actorText,
				Action:          action,
				TargetIDs:       targets,
				TargetCountries: targetCountries,
				TargetText:      targetText,
				Condition:       extractors.Optional(st.condition(s, c, start)),
				Modality:        c.modality,
				Negated:         neg,
				SpeakerID:       speaker,
				Trigger:         trigger,
				PloverType:      plover,
				CameoCode:       cameo,
				Evidence:        evidence,
				Confidence:      conf,
			})
		case tablePosition:
			topic := st.topic(c)
			cameo, plover := st.x.lx.ploverFor(tablePosition, string(c.stance), c.neg, st.x.wordStems(trigger+" "+topic))
			d.Positions = append(d.Positions, models.Position{
				ArticleID:       d.Article.ArticleID,
				SentenceIndex:   int32(s.idx),
				Start:           d.CP(startB),
				End:             d.CP(endB),
				ActorIDs:        actorIDs,
				ActorCountries:  actorCountries,
				ActorSectors:    actorSectors,
				ActorText:       actorText,
				Stance:          c.stance,
				Topic:           topic,
				TargetIDs:       targets,
				TargetCountries: targetCountries,
				Negated:         c.neg,
				SpeakerID:       speaker,
				Trigger:         trigger,
				PloverType:      plover,
				CameoCode:       cameo,
				Evidence:        evidence,
				Confidence:      conf,
			})
		}
	}
}

// wordStems returns the stems of the words of s.
func (x *Extractor) wordStems(s string) []string {
	f := strings.FieldsFunc(strings.ToLower(s), func(r rune) bool {
		return !(r >= 'a' && r <= 'z' || r == '-' || r >= 0x80)
	})
	for i, w := range f {
		f[i] = x.stemOf(w)
	}
	return f
}

// confidence scores a row by how its trigger was licensed and its actor found.
func confidence(c *cand) float32 {
	conf := float32(0.9)
	switch c.pos {
	case posModal:
		conf = 0.7
	case posEval, posHeadline, posMust, posAddress:
		conf = 0.65
	case posNoun, posPossessor, posFixed:
		conf = 0.8
	}
	switch c.actor.how {
	case byMention:
	case byCollective, byDocument, byBackref:
		conf *= 0.9
	case byPronoun, bySpeaker:
		conf *= 0.85
	default:
		conf *= 0.7
	}
	return conf
}

// targets returns the ids of the entities a row's object names, other than
// its actors, and their words.
func (st *state) targets(c *cand, actors []string) ([]string, string) {
	v := st.v
	ids := []string{}
	var words []string
	add := func(a, b int) {
		for i := a; i < b; i++ {
			if !v.inMention(i) {
				continue
			}
			m := v.mention(i)
			for i+1 < b && v.toks[i+1].mention == v.toks[i].mention {
				i++
			}
			if m.Label == models.Place || m.ID == "" || containsID(actors, m.ID) || containsID(ids, m.ID) {
				continue
			}
			ids = append(ids, m.ID)
			words = append(words, v.d.Article.Text[m.Start:m.End])
		}
	}
	add(c.trig.a+1, c.trig.b) // the object in a trigger's slot: "wants Piet Berg to win"
	add(c.obj, c.objEnd)
	if c.topicSub.b > c.topicSub.a {
		add(c.topicSub.a, c.topicSub.b)
	}
	return ids, strings.Join(words, ", ")
}

// topic returns the object of a position, short: "the situation in Afghanistan".
func (st *state) topic(c *cand) string {
	v := st.v
	a, b := c.obj, c.objEnd
	if c.topicSub.b > c.topicSub.a {
		a, b = c.topicSub.a, c.topicSub.b
	}
	for a < b && (v.isPunct(a) || v.is(a, "that") || v.is(a, "to") || v.isPrep(a) && !v.inMention(a)) {
		if e := fillerAt(v, a, b); e > a {
			a = e
			continue
		}
		a++
	}
	// "the attack on Thursday at the border": the time is no part of the topic
	for k := a + 1; k < b; k++ {
		if v.isPrep(k) && !v.inMention(k) && fillerAt(v, k, b) > k {
			b = k
			break
		}
	}
	if b-a > maxTopic {
		b = a + maxTopic
		for k := a + 1; k < b; k++ {
			if v.isComma(k) {
				b = k
				break
			}
		}
	}
	for b > a && (v.isPunct(b-1) || v.toks[b-1].tag == "IN" || v.toks[b-1].tag == "DT" || v.toks[b-1].tag == "CC" || v.toks[b-1].tag == "TO") {
		b--
	}
	if t := strings.TrimSpace(v.text(a, b)); t != "" {
		return t
	}
	return v.text(c.trig.a, c.trig.b) // "lodge a protest": the trigger is the topic
}

// fillerAt returns the end of an adverbial that opens at preposition k and
// says when or how strongly, not what: "on Thursday", "in the strongest
// terms", "last week"; k when there is none.
func fillerAt(v *view, k, b int) int {
	if k >= b || !v.isPrep(k) || v.inMention(k) {
		return k
	}
	j, filler := k+1, false
	for j < b && j <= k+4 && !v.inMention(j) && (v.isNominal(j) || v.toks[j].tag == "CD") {
		if v.has(j, roleTime) || v.toks[j].tag == "JJS" {
			filler = true
		}
		j++
		if filler && v.isNoun(j-1) {
			break // the phrase ends at its noun
		}
	}
	if !filler || j == k+1 {
		return k
	}
	return j
}

// action returns a commitment's predicate, normalized: the main verb's lemma
// and the head of its object ("provide assistance", "render assistance").
func (st *state) action(s *sent, c *cand) string {
	v := st.v
	vb := c.verb
	if vb < 0 || vb >= s.b {
		vb = c.trig.a
	}
	if v.is(vb, "to") {
		vb = skipQuotesAdverbs(v, s, vb+1)
		if vb >= s.b {
			return ""
		}
	}
	var b strings.Builder
	b.WriteString(st.x.lemma(v.toks[vb].lower, v.toks[vb].tag))
	k := vb + 1
	if k < s.b && v.toks[k].tag == "RP" {
		b.WriteString(" " + v.toks[k].lower)
		k++
	}
	var head []string
	if c.passive {
		// "assistance will be rendered": the subject is the object
		if g := c.gov; g >= 0 {
			sub := st.x.findSubject(v, s, &s.vgs[g])
			head = nounHead(v, sub.head.a, sub.head.b)
		}
	} else {
		e := c.objEnd
		if e > s.b {
			e = s.b
		}
		for k < e && (v.isPrep(k) || v.isQuote(k) || v.is(k, "to")) && !v.inMention(k) && k < vb+3 {
			k++
		}
		head = nounHead(v, k, e)
	}
	if len(head) > 0 {
		b.WriteString(" " + strings.Join(head, " "))
	}
	return b.String()
}

// nounHead returns the words of the first noun run in [a, b), at most three.
func nounHead(v *view, a, b int) []string {
	var out []string
	for k := a; k < b && len(out) < 3; k++ {
		switch {
		case v.inMention(k) || strings.HasPrefix(v.toks[k].tag, "NN"):
			if v.isPunct(k) {
				if len(out) > 0 {
					return out
				}
				continue
			}
			w := v.toks[k].lower
			if v.inMention(k) {
				w = v.d.Tokens[k].Text
			}
			out = append(out, w)
		case len(out) > 0:
			return out
		case v.isNominal(k) || v.isQuote(k) || v.toks[k].tag == "CC":
		default:
			return out
		}
	}
	return out
}

// condition returns the condition a commitment states: "in case of ...",
// "until ...", "when ...", before the clause or in its object.
func (st *state) condition(s *sent, c *cand, start int) string {
	if c.table != tableCommitment {
		return ""
	}
	v := st.v
	// before: "In case of aggravation ..., assistance will be rendered"
	k := s.a
	for k < start && v.isQuote(k) {
		k++
	}
	if k < start {
		if e, ok := st.conditionAt(s, k); ok && e <= start {
			return v.text(k, e)
		}
	}
	for k := c.obj; k < c.objEnd; k++ {
		if e, ok := st.conditionAt(s, k); ok {
			return v.text(k, e)
		}
	}
	return ""
}

// conditionAt returns the end of a condition that opens at token k.
func (st *state) conditionAt(s *sent, k int) (int, bool) {
	v := st.v
	e, ok := st.x.phraseAt(v, k, s.b, roleCondition)
	if !ok {
		if !v.has(k, roleCondition) || v.inMention(k) {
			return 0, false
		}
		if v.is(k, "once") && k+1 < s.b && v.is(k+1, "again") {
			return 0, false
		}
		e = k + 1
	}
	for e < s.b && !v.isComma(e) && !v.isClauseStop(e) && !(v.isQuote(e) && e > k+1) {
		e++
	}
	if e == k+1 {
		return 0, false
	}
	return e, true
}

// conditions returns the condition clauses of s ("unless the president
// agrees to step down"): what they say is no commitment or position.
func (st *state) conditions(s *sent) []span {
	var out []span
	v := st.v
	for k := s.a; k < s.b; k++ {
		// "in December, when Austin condemned": "when", "once" and "until"
		// mostly tell the time
		if v.is(k, "when") || v.is(k, "once") || v.is(k, "until") || v.is(k, "till") {
			continue
		}
		if e, ok := st.conditionAt(s, k); ok {
			out = append(out, span{k, e})
			k = e
		}
	}
	return out
}

// reasons returns the reason clauses of s: a future said in one ("did not
// support the text because it would not help") is a prediction that binds
// no one, though a stance stated in one is a stance ("because they are
// concerned about").
func (st *state) reasons(s *sent) []span {
	var out []span
	v := st.v
	for k := s.a; k < s.b; k++ {
		if v.is(k, "because") {
			e := st.x.clauseEnd(v, s, k+1)
			out = append(out, span{k, e})
			k = e
		}
	}
	return out
}

// withoutOutlets returns a copy of ids without the news outlets the
// article names (sector MED): whatever path found them, an outlet is never
// an actor (a stated mouthpiece resolves to the body it speaks for).
func (st *state) withoutOutlets(ids []string) []string {
	out := make([]string, 0, len(ids))
	for _, id := range ids {
		if !st.outlets[id] {
			out = append(out, id)
		}
	}
	return out
}
