package stances

// DefaultMinConfidence is the confidence below which the model's rows are
// dropped unless Config says otherwise: chosen on the real-text development
// set for precision ≥ 0.80 (docs/MODEL.md).
const DefaultMinConfidence = 0.5

// decide lets the model choose, for each candidate of sentence s, its class
// (a commitment's modality, a position's stance, or none) and confidence,
// and returns the candidates that make rows. Without a model every
// candidate the rules licensed makes a row, as the rules chose it.
func (x *Extractor) decide(st *state, s *sent, cs []cand) []cand {
	if x.model == nil {
		out := cs[:0]
		for _, c := range cs {
			if c.pos != posBroad {
				c.conf = confidence(&c)
				out = append(out, c)
			}
		}
		return out
	}
	var out []cand
	var buf [2][]float64
	for _, c := range cs {
		class, p := x.model.decideOne(st.features(s, &c), &buf)
		if p < x.minConf || !c.setClass(class) {
			continue
		}
		c.conf = float32(p)
		buf[0] = x.rankActor(st, s, &c, buf[0])
		out = append(out, c)
	}
	return dedupe(out)
}

// dedupe keeps one row per class and actor in a sentence, the most
// confident: two triggers of one clause ("urged ... to call for") are one
// stance.
func dedupe(cs []cand) []cand {
	out := cs[:0]
	for i, c := range cs {
		keep := true
		for j, o := range cs {
			if j != i && classOf(&o) == classOf(&c) && intersects(o.actor.ids, c.actor.ids) &&
				(o.conf > c.conf || o.conf == c.conf && j < i) {
				keep = false
				break
			}
		}
		if keep {
			out = append(out, c)
		}
	}
	return out
}
