package stances

import (
	"sort"
	"strings"

	"github.com/communique/communique/extractors"
	"github.com/communique/communique/linear"
)

// Proposal is a candidate row before the model decides, with the features
// the model reads: what Propose returns to train the model on.
type Proposal struct {
	Sentence           int
	TrigStart, TrigEnd int32 // the trigger, code point offsets
	ActorIDs           []string
	Class              string // what the rules or lexicons propose
	Verb               bool   // the trigger is tagged a verb
	Features           []string
	Actors             []ActorOption // who may be its actor, for the actor ranker
}

// ActorOption is one phrase that may be a proposal's actor, with the
// features the actor ranker reads.
type ActorOption struct {
	IDs      []string
	Features []string
}

// GoldRow is a gold commitment or position as training reads it.
type GoldRow struct {
	Start, End int32 // code point offsets of the clause
	Class      string
	ActorIDs   []string
}

// GoldClass returns the class name of a gold row: "commitment:<modality>"
// or "position:<STANCE>".
func GoldClass(commitment bool, label string) string {
	if commitment {
		return "commitment:" + label
	}
	return "position:" + label
}

// Propose returns the candidates of a document whose entities are tagged,
// each with its features; it adds no rows.
func (x *Extractor) Propose(d *extractors.Doc) []Proposal {
	var out []Proposal
	x.run(d, true, func(st *state, s *sent, cs []cand) {
		for i := range cs {
			c := &cs[i]
			var opts []ActorOption
			for _, o := range st.actorOptions(s, c) {
				opts = append(opts, ActorOption{IDs: append([]string(nil), o.a.ids...), Features: st.actorFeatures(s, c, o)})
			}
			out = append(out, Proposal{
				Actors:    opts,
				Sentence:  s.idx,
				TrigStart: d.CP(d.Tokens[c.trig.a].Start),
				TrigEnd:   d.CP(d.Tokens[c.trig.b-1].End),
				ActorIDs:  append([]string(nil), c.actor.ids...),
				Class:     classOf(c),
				Verb:      strings.HasPrefix(st.v.toks[c.trig.a].tag, "VB"),
				Features:  st.features(s, c),
			})
		}
	})
	return out
}

// Examples labels the proposals of one article with the gold rows: each
// gold row goes to one proposal whose trigger lies in its clause (the one
// proposing its class, else its table, sharing an actor if it can, the
// first on ties); every other proposal is classNone.
func Examples(props []Proposal, gold []GoldRow) []linear.Example {
	ex, _ := Label(props, gold)
	return ex
}

// Coverage counts what the candidates of an article allow: gold rows with a
// candidate in their clause, those whose candidate shares an actor, and
// those one of whose candidate's actor options does.
type Coverage struct{ Gold, Trigger, Actor, Option int }

// Label is Examples with the coverage of the gold rows.
func Label(props []Proposal, gold []GoldRow) ([]linear.Example, Coverage) {
	ex, _, cov := LabelActors(props, gold)
	return ex, cov
}

// LabelActors is Label with the actor ranker's examples: each option of a
// proposal a gold row labels is an actor when it shares an id with the
// row's actors, else other.
func LabelActors(props []Proposal, gold []GoldRow) ([]linear.Example, []linear.Example, Coverage) {
	var actors []linear.Example
	cov := Coverage{Gold: len(gold)}
	class := make([]string, len(props))
	for i := range class {
		class[i] = classNone
	}
	order := make([]int, len(gold))
	for i := range order {
		order[i] = i
	}
	sort.SliceStable(order, func(a, b int) bool {
		ga, gb := gold[order[a]], gold[order[b]]
		return ga.End-ga.Start < gb.End-gb.Start
	})
	for _, gi := range order {
		g := gold[gi]
		best, bestScore := -1, -1
		for i, p := range props {
			if class[i] != classNone || p.TrigEnd <= g.Start || p.TrigStart >= g.End {
				continue
			}
			score := 0
			switch {
			case p.Class == g.Class:
				score = 4
			case tableName(p.Class) == tableName(g.Class):
				score = 2
			}
			if intersects(p.ActorIDs, g.ActorIDs) {
				score++
			}
			if score < 2 && !(p.Verb && score == 1) {
				continue // no word of the clause proposes it: a noisy example
			}
			if score > bestScore {
				best, bestScore = i, score
			}
		}
		if best >= 0 {
			class[best] = g.Class
			cov.Trigger++
			if intersects(props[best].ActorIDs, g.ActorIDs) {
				cov.Actor++
			}
			any := false
			for _, o := range props[best].Actors {
				c := classOther
				if intersects(o.IDs, g.ActorIDs) {
					c, any = classActor, true
				}
				actors = append(actors, linear.Example{Features: o.Features, Class: c})
			}
			if any {
				cov.Option++
			}
		}
	}
	out := make([]linear.Example, len(props))
	for i, p := range props {
		out[i] = linear.Example{Features: p.Features, Class: class[i]}
	}
	return out, actors, cov
}

// tableName returns the table part of a class name.
func tableName(class string) string {
	for i := 0; i < len(class); i++ {
		if class[i] == ':' {
			return class[:i]
		}
	}
	return class
}
