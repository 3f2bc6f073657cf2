package eval

import (
	"encoding/json"
	"maps"
	"slices"

	"github.com/communique/communique/models"
)

// Counts are true positives, false positives and false negatives.
type Counts struct {
	TP, FP, FN int
}

// Gold returns the number of gold rows: TP + FN.
func (c Counts) Gold() int { return c.TP + c.FN }

// Pred returns the number of predicted rows: TP + FP.
func (c Counts) Pred() int { return c.TP + c.FP }

// Precision returns TP / (TP + FP), or 0 when nothing was predicted.
func (c Counts) Precision() float64 { return ratio(c.TP, c.TP+c.FP) }

// Recall returns TP / (TP + FN), or 0 when there is no gold row.
func (c Counts) Recall() float64 { return ratio(c.TP, c.TP+c.FN) }

// F1 returns the harmonic mean of precision and recall, or 0 when both are 0.
func (c Counts) F1() float64 { return ratio(2*c.TP, 2*c.TP+c.FP+c.FN) }

func (c *Counts) add(o Counts) { c.TP += o.TP; c.FP += o.FP; c.FN += o.FN }

// MarshalJSON writes the counts with precision, recall and F1.
func (c Counts) MarshalJSON() ([]byte, error) { return json.Marshal(c.scores()) }

// countsJSON is Counts as JSON.
type countsJSON struct {
	TP        int     `json:"tp"`
	FP        int     `json:"fp"`
	FN        int     `json:"fn"`
	Precision float64 `json:"precision"`
	Recall    float64 `json:"recall"`
	F1        float64 `json:"f1"`
}

func (c Counts) scores() countsJSON {
	return countsJSON{c.TP, c.FP, c.FN, round4(c.Precision()), round4(c.Recall()), round4(c.F1())}
}

// Accuracy is the share of Correct among Total.
type Accuracy struct {
	Correct, Total int
}

// Value returns Correct / Total, or 0 when Total is 0.
func (a Accuracy) Value() float64 { return ratio(a.Correct, a.Total) }

// MarshalJSON writes the counts with the value.
func (a Accuracy) MarshalJSON() ([]byte, error) {
	return json.Marshal(struct {
		Correct  int     `json:"correct"`
		Total    int     `json:"total"`
		Accuracy float64 `json:"accuracy"`
	}{a.Correct, a.Total, round4(a.Value())})
}

func (a *Accuracy) add(o Accuracy) { a.Correct += o.Correct; a.Total += o.Total }

// Table holds the counts of one table, in total and per class: entity
// label, position stance or commitment modality.
type Table struct {
	Counts
	ByClass map[string]Counts
}

// MarshalJSON writes the total counts and the per-class counts.
func (t Table) MarshalJSON() ([]byte, error) {
	return json.Marshal(struct {
		countsJSON
		ByClass map[string]Counts `json:"by_class"`
	}{t.Counts.scores(), t.ByClass})
}

// count adds one TP, FP or FN to the total and to class k.
func (t *Table) count(k string, tp, fp, fn int) {
	if t.ByClass == nil {
		t.ByClass = map[string]Counts{}
	}
	c := t.ByClass[k]
	c.add(Counts{tp, fp, fn})
	t.ByClass[k] = c
	t.Counts.add(Counts{tp, fp, fn})
}

func (t *Table) add(o Table) {
	t.Counts.add(o.Counts)
	for k, c := range o.ByClass {
		if t.ByClass == nil {
			t.ByClass = map[string]Counts{}
		}
		x := t.ByClass[k]
		x.add(c)
		t.ByClass[k] = x
	}
}

// Report is the score of a set of articles. Counts are summed over
// articles, so precision, recall and F1 are micro-averaged.
type Report struct {
	Articles int `json:"articles"`
	// Strict entity matches have the same start, end and label; lenient ones
	// overlap and have the same label. Classes are labels.
	EntitiesStrict  Table `json:"entities_strict"`
	EntitiesLenient Table `json:"entities_lenient"`
	// Canonical is the share of lenient entity matches whose canonical ids are equal.
	Canonical Accuracy `json:"canonical"`
	// Commitments match when spans overlap and actor ids intersect. A match
	// counts under the gold row's modality, a false positive under the
	// predicted row's; Modality is the share of matches with equal modality.
	Commitments Table    `json:"commitments"`
	Modality    Accuracy `json:"modality"`
	// Positions match when spans overlap, stances are equal and actor ids
	// intersect. Classes are stances.
	Positions Table `json:"positions"`
	// Diff lists every false positive and false negative, and every lenient
	// entity match with other boundaries or another canonical id.
	Diff []DiffEntry `json:"diff,omitempty"`
}

// Add adds the counts and diff of o to r.
func (r *Report) Add(o Report) {
	r.Articles += o.Articles
	r.EntitiesStrict.add(o.EntitiesStrict)
	r.EntitiesLenient.add(o.EntitiesLenient)
	r.Canonical.add(o.Canonical)
	r.Commitments.add(o.Commitments)
	r.Modality.add(o.Modality)
	r.Positions.add(o.Positions)
	r.Diff = append(r.Diff, o.Diff...)
}

// Score scores the prediction for one gold article. Both use code point
// offsets into g.Text.
func Score(g Article, p Prediction) Report {
	r := Report{Articles: 1}
	d := newDiffer(g, p)
	scoreEntities(&r, d, g.Entities, p.Entities)
	scoreCommitments(&r, d, g.Commitments, p.Commitments)
	scorePositions(&r, d, g.Positions, p.Positions)
	r.Diff = d.sorted()
	return r
}

func scoreEntities(r *Report, d *differ, gold []Entity, pred []models.Entity) {
	// Strict: same start, end and label. Lenient: overlap and same label;
	// an exact span is tried first, then the same id, then the largest overlap.
	sGold, sPred := match(len(gold), len(pred), func(i, j int) bool {
		return gold[i].Start == int(pred[j].Start) && gold[i].End == int(pred[j].End) && gold[i].Label == pred[j].Label
	}, nil)
	lGold, lPred := match(len(gold), len(pred), func(i, j int) bool {
		return gold[i].Label == pred[j].Label && overlaps(gold[i].Start, gold[i].End, int(pred[j].Start), int(pred[j].End))
	}, func(i, j int) int {
		g, p := gold[i], pred[j]
		rank := -overlap(g.Start, g.End, int(p.Start), int(p.End))
		if g.CanonicalID != p.CanonicalID {
			rank += 1 << 20
		}
		if g.Start != int(p.Start) || g.End != int(p.End) {
			rank += 1 << 21
		}
		return rank
	})
	for i, g := range gold {
		label := string(g.Label)
		r.EntitiesStrict.count(label, b2i(sGold[i] >= 0), 0, b2i(sGold[i] < 0))
		j := lGold[i]
		if j < 0 {
			r.EntitiesLenient.count(label, 0, 0, 1)
			d.entity(FN, g, models.Entity{})
			continue
		}
		r.EntitiesLenient.count(label, 1, 0, 0)
		p := pred[j]
		r.Canonical.Total++
		if g.CanonicalID == p.CanonicalID {
			r.Canonical.Correct++
		} else {
			d.entity(WrongID, g, p)
		}
		if g.Start != int(p.Start) || g.End != int(p.End) {
			d.entity(WrongSpan, g, p)
		}
	}
	for j, p := range pred {
		label := string(p.Label)
		if sPred[j] < 0 {
			r.EntitiesStrict.count(label, 0, 1, 0)
		}
		if lPred[j] < 0 {
			r.EntitiesLenient.count(label, 0, 1, 0)
			d.entity(FP, Entity{}, p)
		}
	}
}

func scoreCommitments(r *Report, d *differ, gold []Commitment, pred []models.Commitment) {
	mGold, mPred := match(len(gold), len(pred), func(i, j int) bool {
		g, p := gold[i], pred[j]
		return overlaps(g.Start, g.End, int(p.Start), int(p.End)) && intersect(g.ActorIDs, p.ActorIDs)
	}, func(i, j int) int {
		g, p := gold[i], pred[j]
		rank := -overlap(g.Start, g.End, int(p.Start), int(p.End))
		if g.Modality != p.Modality {
			rank += 1 << 20
		}
		return rank
	})
	for i, g := range gold {
		j := mGold[i]
		if j < 0 {
			r.Commitments.count(string(g.Modality), 0, 0, 1)
			d.commitment(FN, g, models.Commitment{})
			continue
		}
		r.Commitments.count(string(g.Modality), 1, 0, 0)
		r.Modality.Total++
		if g.Modality == pred[j].Modality {
			r.Modality.Correct++
		}
	}
	for j, p := range pred {
		if mPred[j] < 0 {
			r.Commitments.count(string(p.Modality), 0, 1, 0)
			d.commitment(FP, Commitment{}, p)
		}
	}
}

func scorePositions(r *Report, d *differ, gold []Position, pred []models.Position) {
	mGold, mPred := match(len(gold), len(pred), func(i, j int) bool {
		g, p := gold[i], pred[j]
		return g.Stance == p.Stance && overlaps(g.Start, g.End, int(p.Start), int(p.End)) && intersect(g.ActorIDs, p.ActorIDs)
	}, func(i, j int) int {
		g, p := gold[i], pred[j]
		return -overlap(g.Start, g.End, int(p.Start), int(p.End))
	})
	for i, g := range gold {
		if mGold[i] < 0 {
			r.Positions.count(string(g.Stance), 0, 0, 1)
			d.position(FN, g, models.Position{})
			continue
		}
		r.Positions.count(string(g.Stance), 1, 0, 0)
	}
	for j, p := range pred {
		if mPred[j] < 0 {
			r.Positions.count(string(p.Stance), 0, 1, 0)
			d.position(FP, Position{}, p)
		}
	}
}

// Classes returns the classes of t: those of order first, then any others
// sorted, each once.
func (t Table) Classes(order []string) []string {
	out := make([]string, 0, len(t.ByClass))
	for _, k := range order {
		if _, ok := t.ByClass[k]; ok {
			out = append(out, k)
		}
	}
	for _, k := range slices.Sorted(maps.Keys(t.ByClass)) {
		if !slices.Contains(order, k) {
			out = append(out, k)
		}
	}
	return out
}

func ratio(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}

func round4(x float64) float64 { return float64(int64(x*10000+0.5)) / 10000 }

func b2i(b bool) int {
	if b {
		return 1
	}
	return 0
}
