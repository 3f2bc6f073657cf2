package stances

// broad returns the candidates the rules did not license: a word that
// starts a trigger of the lexicon, or a verb of the CAMEO dictionary, with
// the actor of its clause. They over-generate on purpose: the model decides
// (decide.go).
func (x *Extractor) broad(st *state, s *sent, rules []cand) []cand {
	v := st.v
	var out []cand
	for i := s.a; i < s.b; i++ {
		t := &v.toks[i]
		if v.inMention(i) || inTrigger(rules, i) || v.isPunct(i) || v.has(i, roleAux|roleModal) {
			continue
		}
		c := cand{pos: posBroad, trig: span{i, i + 1}, words: 1, gov: s.groupAt(i), verb: -1}
		stm := t.stem
		if stm == "" {
			stm = x.stemOf(t.lower)
		}
		known := false
		for _, ti := range x.lx.byFirst[stm] {
			tr := &x.lx.triggers[ti]
			if e, ok := matchTrigger(v, s, i, tr.words); ok {
				c.table, c.stance, c.modality, c.neg = tr.table, tr.stance, tr.modality, tr.neg
				c.trig.b, c.words = e, tr.wordCount()
				known = true
				break
			}
		}
		if !known {
			if cv, ok := x.lx.cameo[stm]; ok {
				known = c.setClass(cv.class)
			}
		}
		if !x.verbLike(v, s, i) && !(known && v.isNoun(i)) {
			continue
		}
		_, c.obj = x.complementAt(v, s, c.trig.b)
		c.objEnd = max(x.clauseEnd(v, s, max(c.obj, c.trig.b)), c.trig.b)
		c.actor = st.broadActor(s, &c)
		if !c.actor.ok() {
			continue
		}
		out = append(out, c)
		i = c.trig.b - 1
	}
	return out
}

// verbLike reports whether token i can head a clause: tagged a verb, or a
// capitalised word of a headline, whose grammar the tagger often misses.
func (x *Extractor) verbLike(v *view, s *sent, i int) bool {
	switch v.toks[i].tag {
	case "VB", "VBD", "VBG", "VBN", "VBP", "VBZ":
		return true
	case "NN", "NNS", "NNP", "NNPS", "JJ":
		return s.headline && i > s.a
	}
	return false
}

// inTrigger reports whether token i lies in the trigger of one of cs.
func inTrigger(cs []cand, i int) bool {
	for _, c := range cs {
		if c.trig.has(i) {
			return true
		}
	}
	return false
}

// broadActor returns the actor of a broad candidate: its clause's, else the
// nearest actor named before it in the sentence ("the minister's plea"),
// else the headline's or speaker's.
func (st *state) broadActor(s *sent, c *cand) actor {
	if c.gov >= 0 {
		if a := st.actorOfGroup(s, c.gov, c.table); a.ok() {
			return a
		}
	}
	v := st.v
	for k := c.trig.a - 1; k >= s.a; k-- {
		if v.isActorMention(k) {
			m := v.toks[k].mention
			a := k
			for a > s.a && v.toks[a-1].mention == m {
				a--
			}
			return actor{ids: st.idsIn(span{a, k + 1}, nil), text: span{a, k + 1}, how: byMention}
		}
	}
	if sp := st.speakerAt(s, c.trig.a); sp.ok() {
		return actor{ids: sp.ids, text: sp.text, how: bySpeaker}
	}
	// "... , Y said": the actor named after it in the sentence
	for k := c.trig.b; k < s.b; k++ {
		if v.isActorMention(k) {
			m := v.toks[k].mention
			b := k + 1
			for b < s.b && v.toks[b].mention == m {
				b++
			}
			return actor{ids: st.idsIn(span{k, b}, nil), text: span{k, b}, how: byMention}
		}
	}
	return actor{}
}
