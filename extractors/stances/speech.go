package stances

// findFrames finds who says what in sentence s: "according to X, ...",
// "as stressed by X, ...", `"...", said X` and "X said (that) ...". A row
// inside a frame gets the speaker as speaker_id, and as actor when its own
// subject names no one ("the force would be deployed").
func (st *state) findFrames(s *sent) {
	v := st.v
	whole := span{s.a, s.b}
	for i := s.a; i+2 < s.b; i++ {
		switch {
		case v.is(i, "according") && v.is(i+1, "to"):
			end := st.x.clauseEnd(v, s, i+2)
			np := npRight(v, s, i+2, end)
			if np.b > np.a {
				sub := subject{kind: subjNP, np: np, head: headOf(v, np)}
				if a := st.resolveNP(s, sub, i); a.ok() {
					s.frames = append(s.frames, frame{region: whole, speaker: a})
				}
			}
		case i+3 < s.b && v.is(i, "on") && v.is(i+1, "behalf") && v.is(i+2, "of"):
			// "Speaking on behalf of the EU, Sweden ...": the body speaks too
			end := st.x.clauseEnd(v, s, i+3)
			np := npRight(v, s, i+3, end)
			if ids := st.idsIn(np, nil); len(ids) > 0 {
				s.behalf = append(s.behalf, behalf{at: i, ids: ids})
			}
		case v.is(i, "as") && v.has(i+1, roleReport) && v.is(i+2, "by"):
			end := st.x.clauseEnd(v, s, i+3)
			np := npRight(v, s, i+3, end)
			if np.b > np.a {
				sub := subject{kind: subjNP, np: np, head: headOf(v, np)}
				if a := st.resolveNP(s, sub, i); a.ok() {
					s.frames = append(s.frames, frame{region: whole, speaker: a})
				}
			}
		}
	}
	if s.headline {
		st.colonFrame(s)
	}
	for gi := range s.vgs {
		g := &s.vgs[gi]
		if !v.has(g.head, roleReport) || g.kind == vgInfinitive || g.passive {
			continue
		}
		if v.is(g.head, "according") {
			continue
		}
		a := st.resolve(s, gi)
		if !a.ok() {
			continue
		}
		if g.subj.kind == subjInverted {
			s.frames = append(s.frames, frame{region: span{s.a, g.start}, speaker: a})
			continue
		}
		s.frames = append(s.frames, frame{region: span{g.end, s.b}, speaker: a})
		// `"We will never accept it," the minister told reporters`
		if q := g.subj.np.a - 1; g.subj.kind == subjNP && q > s.a && v.isComma(q) && v.isQuote(q-1) ||
			q > s.a && v.isQuote(q) && v.isComma(q-1) {
			s.frames = append(s.frames, frame{region: span{s.a, q}, speaker: a})
		} else if q > s.a && g.subj.kind == subjNP && v.isComma(q) && (g.end >= s.b || v.isPunct(g.end) && g.end+1 >= s.b) {
			// "The units will not fire, the press service stressed."
			s.frames = append(s.frames, frame{region: span{s.a, q}, speaker: a})
		}
	}
}

// speakerID returns the id a row's speaker_id gets: the official among the
// speaker's ids, else the first.
func (st *state) speakerID(sp actor) string {
	for _, id := range sp.ids {
		if st.hasOfficial([]string{id}) {
			return id
		}
	}
	if len(sp.ids) > 0 {
		return sp.ids[0]
	}
	return ""
}

// colonFrame finds the speaker of a headline written "Speaker: what they
// said" or "what they said: Speaker": a short noun phrase naming an actor,
// with no verb, on one side of a colon speaks the other side.
func (st *state) colonFrame(s *sent) {
	v := st.v
	c := -1
	for i := s.a; i < s.b; i++ {
		if v.is(i, ":") {
			if c >= 0 {
				return // two colons: no such frame
			}
			c = i
		}
	}
	if c < 0 {
		return
	}
	speaker := func(a, b int) actor {
		if b <= a || b-a > 6 {
			return actor{}
		}
		named := false
		for k := a; k < b; k++ {
			if !v.isNominal(k) && !v.inMention(k) {
				return actor{}
			}
			if v.isActorMention(k) && !isAgency(v.d, *v.mention(k)) {
				named = true
			}
		}
		if !named {
			return actor{}
		}
		np := span{a, b}
		return st.resolveNP(s, subject{kind: subjNP, np: np, head: headOf(v, np)}, a)
	}
	if a := speaker(s.a, c); a.ok() {
		s.frames = append(s.frames, frame{region: span{c + 1, s.b}, speaker: a})
	} else if a := speaker(c+1, s.b); a.ok() {
		s.frames = append(s.frames, frame{region: span{s.a, c}, speaker: a})
	}
}
