package entities

import (
	"strings"

	"github.com/communique/communique/extractors"
	"github.com/communique/communique/models"
	"github.com/jdkato/prose/v2"
)

// ProseBaseline tags entities with prose's own named-entity model, mapped
// onto the contract's labels (GPE → STATE, PERSON → OFFICIAL, ORGANIZATION →
// ORG, anything else → PLACE) with the upper snake case of the text as id.
// It exists to measure Tagger against; the pipeline does not use it.
type ProseBaseline struct {
	model *prose.Model
}

// NewProseBaseline returns the baseline tagger. A nil model builds prose's
// default one (slow: build the baseline once).
func NewProseBaseline(model *prose.Model) *ProseBaseline {
	if model == nil {
		if doc, err := prose.NewDocument("", prose.WithSegmentation(false)); err == nil {
			model = doc.Model
		}
	}
	return &ProseBaseline{model: model}
}

// baselineLabels maps prose's entity labels onto the contract's.
var baselineLabels = map[string]models.Label{
	"GPE":          models.State,
	"PERSON":       models.Official,
	"ORGANIZATION": models.Org,
	"ORG":          models.Org,
}

// Extract runs prose's extraction on each sentence and aligns the entities
// it returns, which carry no offsets, onto the sentence text in order.
func (p *ProseBaseline) Extract(d *extractors.Doc) error {
	text := d.Text()
	for si, s := range d.Sentences {
		doc, err := prose.NewDocument(text[s.Start:s.End], prose.UsingModel(p.model), prose.WithSegmentation(false))
		if err != nil {
			return err
		}
		pos := s.Start
		for _, e := range doc.Entities() {
			k := strings.Index(text[pos:s.End], e.Text)
			if k < 0 || e.Text == "" {
				continue
			}
			start := pos + k
			end := start + len(e.Text)
			pos = end
			label, ok := baselineLabels[e.Label]
			if !ok {
				label = models.Place
			}
			d.Mentions = append(d.Mentions, extractors.Mention{
				Start: start, End: end, Sentence: si, Label: label,
				ID: SnakeID(e.Text), Name: e.Text, Method: "prose", Confidence: 0.5,
			})
		}
	}
	return nil
}
