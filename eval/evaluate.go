package eval

import (
	"context"
	"fmt"
	"iter"

	"github.com/communique/communique/extractors"
	"github.com/communique/communique/models"
	"github.com/communique/communique/pipeline"
)

// Analyzer runs the pipeline on one normalized article; *pipeline.Analyzer
// is one.
type Analyzer interface {
	Analyze(a models.Article) (*extractors.Doc, error)
}

// Evaluate runs an on each gold article and returns the summed report.
// A gold text must already be normalized (pipeline.Normalize leaves it
// unchanged), or its offsets would not hold; Evaluate fails otherwise.
func Evaluate(ctx context.Context, an Analyzer, gold iter.Seq2[Article, error]) (Report, error) {
	var r Report
	for g, err := range gold {
		if err != nil {
			return r, err
		}
		if err := ctx.Err(); err != nil {
			return r, err
		}
		if norm, _ := pipeline.Normalize(g.Text); norm != g.Text {
			return r, fmt.Errorf("article %s: %w: text is not valid NFC UTF-8, offsets would not hold", g.ID, ErrInvalidGold)
		}
		d, err := an.Analyze(g.ModelArticle())
		if err != nil {
			return r, fmt.Errorf("analyze %s: %w", g.ID, err)
		}
		r.Add(Score(g, PredictionOf(d)))
	}
	return r, nil
}
