package eval

import (
	"context"
	"fmt"
	"iter"

	"github.com/communique/communique/extractors"
	"github.com/communique/communique/models"
	"github.com/communique/communique/textnorm"
)

// Analyzer runs the pipeline on one normalized article; *stages.Analyzer
// is one.
type Analyzer interface {
	Analyze(a models.Article) (*extractors.Doc, error)
}

// Analyzed runs an on each gold article in turn and calls use with it and
// its document. A gold text must already be normalized (textnorm.Normalize
// leaves it unchanged), or its offsets would not hold; Analyzed fails
// otherwise, and on the first error of gold, an or ctx.
func Analyzed(ctx context.Context, an Analyzer, gold iter.Seq2[Article, error], use func(Article, *extractors.Doc)) error {
	for g, err := range gold {
		if err != nil {
			return err
		}
		if err := ctx.Err(); err != nil {
			return err
		}
		if norm, _ := textnorm.Normalize(g.Text); norm != g.Text {
			return fmt.Errorf("article %s: %w: text is not valid NFC UTF-8, offsets would not hold", g.ID, ErrInvalidGold)
		}
		d, err := an.Analyze(g.ModelArticle())
		if err != nil {
			return fmt.Errorf("analyze %s: %w", g.ID, err)
		}
		use(g, d)
	}
	return nil
}

// Evaluate runs an on each gold article and returns the summed report
// (see Analyzed for the gold texts it takes).
func Evaluate(ctx context.Context, an Analyzer, gold iter.Seq2[Article, error]) (Report, error) {
	var r Report
	err := Analyzed(ctx, an, gold, func(g Article, d *extractors.Doc) {
		r.Add(Score(g, PredictionOf(d)))
	})
	return r, err
}

// EvaluateByConfidence is Evaluate at each threshold: a report per
// threshold, scoring only the commitments and positions whose confidence
// is at least it. The analyzer should keep every row (no threshold of its
// own), so each article is analyzed once.
func EvaluateByConfidence(ctx context.Context, an Analyzer, gold iter.Seq2[Article, error], thresholds []float64) ([]Report, error) {
	reps := make([]Report, len(thresholds))
	err := Analyzed(ctx, an, gold, func(g Article, d *extractors.Doc) {
		p := PredictionOf(d)
		for i, t := range thresholds {
			q := p
			q.Commitments, q.Positions = nil, nil
			for _, c := range p.Commitments {
				if float64(c.Confidence) >= t {
					q.Commitments = append(q.Commitments, c)
				}
			}
			for _, c := range p.Positions {
				if float64(c.Confidence) >= t {
					q.Positions = append(q.Positions, c)
				}
			}
			r := Score(g, q)
			r.Diff = nil
			reps[i].Add(r)
		}
	})
	return reps, err
}
