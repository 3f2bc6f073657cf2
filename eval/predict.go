package eval

import (
	"github.com/communique/communique/extractors"
	"github.com/communique/communique/models"
)

// Prediction is what the pipeline produced for one article, as table rows
// with code point offsets.
type Prediction struct {
	Sentences   []models.Sentence
	Entities    []models.Entity
	Commitments []models.Commitment
	Positions   []models.Position
}

// PredictionOf returns the rows of an analyzed document.
func PredictionOf(d *extractors.Doc) Prediction {
	return Prediction{
		Sentences:   d.SentenceRows(),
		Entities:    d.EntityRows(),
		Commitments: d.Commitments,
		Positions:   d.Positions,
	}
}
