package stances

import (
	"strconv"

	"github.com/communique/communique/models"
)

// features describes candidate c of sentence s for the model: the trigger's
// words, stem, tag and lexicon classes, its neighbours, the verb group's
// modal, negation and voice, the headline, quotation and attribution, and
// how its actor was found. Names only, no values: the model weighs each.
func (st *state) features(s *sent, c *cand) []string {
	v := st.v
	x := st.x
	i := c.trig.a
	t := &v.toks[i]
	f := make([]string, 0, 48)
	add := func(parts ...string) {
		n := 0
		for _, p := range parts {
			n += len(p)
		}
		b := make([]byte, 0, n)
		for _, p := range parts {
			b = append(b, p...)
		}
		f = append(f, string(b))
	}
	prop := classOf(c)
	st0 := t.stem
	if st0 == "" {
		st0 = x.stemOf(t.lower)
	}
	add("bias")
	add("src=", string(rune(c.pos)))
	add("prop=", prop)
	add("src|prop=", string(rune(c.pos)), "|", prop)
	add("stem=", st0)
	add("stem|prop=", st0, "|", prop)
	add("word=", t.lower)
	add("tag=", t.tag)
	add("ntrig=", strconv.Itoa(min(c.trig.b-c.trig.a, 3)))
	if c.trig.b-c.trig.a > 1 {
		add("trig2=", st0, "_", v.toks[c.trig.b-1].lower)
	}
	if cv, ok := x.lx.cameo[st0]; ok {
		add("cameo=", cv.code)
		add("cameo2=", cv.code[:min(2, len(cv.code))])
		add("cameoclass=", cv.class)
	}
	if c.neg {
		add("neg")
	}
	for _, d := range []int{-2, -1, 1, 2} {
		k := i + d
		if d > 0 {
			k = c.trig.b - 1 + d
		}
		pos := strconv.Itoa(d)
		if k < s.a || k >= s.b {
			add("w", pos, "=<s>")
			continue
		}
		w := v.toks[k].lower
		if v.inMention(k) {
			w = "<" + string(v.mention(k).Label) + ">"
		}
		add("w", pos, "=", w)
		add("t", pos, "=", v.toks[k].tag)
	}
	if c.trig.b < s.b {
		add("stem|next=", st0, "|", v.toks[c.trig.b].lower)
	}
	for k := max(s.a, i-3); k < i; k++ {
		switch {
		case v.has(k, roleNegator):
			add("negator-before")
		case v.has(k, roleModal):
			add("modal-before=", v.toks[k].lower)
		case v.has(k, roleObligation):
			add("obligation-before")
		}
	}
	if c.gov >= 0 {
		g := &s.vgs[c.gov]
		add("vg.kind=", strconv.Itoa(int(g.kind)))
		if g.modal >= 0 {
			add("vg.modal=", v.toks[g.modal].lower)
			add("vg.modal|prop=", v.toks[g.modal].lower, "|", prop)
		}
		if g.neg {
			add("vg.neg")
		}
		if g.passive {
			add("vg.passive")
		}
		if g.coord {
			add("vg.coord")
		}
		if s.main == c.gov {
			add("vg.main")
		}
	} else {
		add("vg.none")
	}
	if i > s.a && v.is(i-1, "to") {
		add("after-to")
	}
	if s.headline {
		add("headline")
		add("headline|prop=", prop)
		if i > s.a && v.is(i-1, "to") {
			add("headline-to|prop=", prop)
		}
		if v.d.Tokens[i].Text != "" && v.d.Tokens[i].Text[0] >= 'A' && v.d.Tokens[i].Text[0] <= 'Z' {
			add("headline-cap")
		}
	}
	add("sent=", strconv.Itoa(min(s.idx, 3)))
	for k := c.trig.b; k < s.b && k < c.trig.b+8; k++ {
		if v.is(k, "by") {
			add("by-after")
			break
		}
	}
	for _, q := range s.quoted {
		if q.has(i) {
			add("quoted")
		}
	}
	if sp := st.speakerAt(s, i); sp.ok() {
		add("framed")
	}
	if v.hasIn(s.a, s.b, roleReport) {
		add("report-in-sentence")
	}
	for _, r := range []struct {
		r    role
		name string
	}{{roleThreat, "threat"}, {roleSchedule, "schedule"}, {rolePlan, "plan"}, {roleReport, "report"}, {roleLight, "light"}, {roleCondition, "condition"}} {
		if v.has(i, r.r) {
			add("role=", r.name)
		}
	}
	// what follows: an infinitive, a that-clause, a mention
	if c.obj < s.b && c.obj >= c.trig.b {
		k := c.obj
		switch {
		case v.is(k, "to"):
			add("obj=to")
		case v.is(k, "that"):
			add("obj=that")
		case v.inMention(k):
			add("obj=", string(v.mention(k).Label))
		default:
			add("obj=", v.toks[k].lower)
		}
	}
	// the actor
	a := c.actor
	add("actor.how=", strconv.Itoa(int(a.how)))
	add("actor.how|prop=", strconv.Itoa(int(a.how)), "|", prop)
	labels := st.actorLabels(a.ids)
	for _, l := range labels {
		add("actor.label=", string(l))
	}
	dist := "implicit"
	if a.text.b > a.text.a {
		d := i - a.text.b
		switch {
		case d < 0:
			dist = "after"
		case d <= 1:
			dist = "adjacent"
		case d <= 4:
			dist = "near"
		default:
			dist = "far"
		}
		add("actor.", dist)
		if a.text.a < st.headEnd {
			add("actor.in-headline")
		}
	} else {
		add("actor.implicit")
	}
	// conjunctions a linear model cannot form itself
	add("prop|dist=", prop, "|", dist)
	add("stem|dist=", st0, "|", dist)
	add("tag|dist=", t.tag, "|", dist)
	for _, l := range labels {
		add("prop|label=", prop, "|", string(l))
	}
	if s.headline {
		add("headline|dist=", dist)
	}
	return f
}

// actorLabels returns the entity labels of ids, as their mentions give them.
func (st *state) actorLabels(ids []string) []models.Label {
	var out []models.Label
	for _, id := range ids {
		if l, ok := st.labels[id]; ok {
			seen := false
			for _, o := range out {
				seen = seen || o == l
			}
			if !seen {
				out = append(out, l)
			}
		}
	}
	return out
}
