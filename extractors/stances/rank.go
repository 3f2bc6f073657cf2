package stances

import (
	"strconv"

	"github.com/communique/communique/models"
)

// actorOption is one phrase that may be a candidate's actor.
type actorOption struct {
	a   actor
	src string // resolved, mention, speaker, headline
}

// actorOptions returns who may be candidate c's actor: the actor the rules
// resolved, every actor the sentence names (never a news agency), the
// speaker of its frame, and the headline's first actor.
func (st *state) actorOptions(s *sent, c *cand) []actorOption {
	v := st.v
	var out []actorOption
	if c.actor.ok() {
		out = append(out, actorOption{c.actor, "resolved"})
	}
	mentionAt := func(k, lo, hi int) (actor, int) {
		m := v.toks[k].mention
		b := k + 1
		for b < hi && v.toks[b].mention == m {
			b++
		}
		return actor{ids: st.idsIn(span{k, b}, nil), text: span{k, b}, how: byMention}, b
	}
	for k := s.a; k < s.b; k++ {
		if !v.isActorMention(k) || isAgency(v.d, *v.mention(k)) {
			continue
		}
		a, b := mentionAt(k, s.a, s.b)
		out = append(out, actorOption{a, "mention"})
		k = b - 1
	}
	if sp := st.speakerAt(s, c.trig.a); sp.ok() {
		out = append(out, actorOption{actor{ids: sp.ids, text: sp.text, how: bySpeaker}, "speaker"})
	}
	if !s.headline && st.headEnd > 0 {
		for k := 0; k < st.headEnd; k++ {
			if v.isActorMention(k) && !isAgency(v.d, *v.mention(k)) {
				a, _ := mentionAt(k, 0, st.headEnd)
				a.how = byMemory
				out = append(out, actorOption{a, "headline"})
				break
			}
		}
	}
	return out
}

// actorFeatures describes option o as the actor of candidate c.
func (st *state) actorFeatures(s *sent, c *cand, o actorOption) []string {
	v := st.v
	f := []string{"bias", "src=" + o.src, "how=" + strconv.Itoa(int(o.a.how))}
	prop := classOf(c)
	f = append(f, "src|prop="+o.src+"|"+prop)
	for _, l := range st.actorLabels(o.a.ids) {
		f = append(f, "label="+string(l), "label|src="+string(l)+"|"+o.src)
	}
	if o.src != "resolved" && c.actor.ok() && intersects(o.a.ids, c.actor.ids) {
		f = append(f, "is-resolved")
	}
	if t := o.a.text; t.b > t.a && t.a >= s.a && t.a < s.b {
		var rel string
		switch d := c.trig.a - t.b; {
		case t.a >= c.trig.b:
			rel = "after"
			if t.a-c.trig.b <= 1 {
				rel = "after-adjacent"
			}
		case d <= 0:
			rel = "adjacent"
		case d <= 3:
			rel = "near"
		case d <= 8:
			rel = "mid"
		default:
			rel = "far"
		}
		f = append(f, "rel="+rel, "rel|src="+rel+"|"+o.src)
		if t.a > s.a && v.is(t.a-1, "by") {
			f = append(f, "after-by")
		}
		if t.a > s.a && (v.isPrep(t.a-1) || v.is(t.a-1, "to")) {
			f = append(f, "after-prep="+v.toks[t.a-1].lower)
		}
		if t.b < s.b && v.is(t.b, "'s") {
			f = append(f, "possessive")
		}
		if t.a == s.a {
			f = append(f, "sentence-start")
		}
		commas := 0
		for k := min(t.b, c.trig.a); k < max(t.a, c.trig.b); k++ {
			if v.isComma(k) {
				commas++
			}
		}
		f = append(f, "commas="+strconv.Itoa(min(commas, 2)))
		for _, q := range s.quoted {
			if q.has(t.a) {
				f = append(f, "quoted")
			}
		}
		if s.headline {
			f = append(f, "headline|rel="+rel)
		}
	} else {
		f = append(f, "rel=outside")
	}
	if st.isOfficialOnly(o.a.ids) {
		f = append(f, "person")
	}
	return f
}

// isOfficialOnly reports whether ids are a person and the body they serve.
func (st *state) isOfficialOnly(ids []string) bool {
	for _, id := range ids {
		if st.labels[id] == models.Official {
			return true
		}
	}
	return false
}

// rankActor lets the model's actor ranker choose candidate c's actor among
// its options; without a ranker, or with no option, it keeps the rules'.
func (x *Extractor) rankActor(st *state, s *sent, c *cand, buf []float64) []float64 {
	if x.model == nil || x.model.Actor == nil {
		return buf
	}
	yes := x.model.Actor.Class(classActor)
	best, bestP := -1, -1.0
	opts := st.actorOptions(s, c)
	for i, o := range opts {
		buf = x.model.Actor.Scores(st.actorFeatures(s, c, o), buf)
		if buf[yes] > bestP {
			best, bestP = i, buf[yes]
		}
	}
	if best >= 0 {
		c.actor = opts[best].a
	}
	return buf
}

// The classes of the actor ranker.
const (
	classActor = "actor"
	classOther = "other"
)
