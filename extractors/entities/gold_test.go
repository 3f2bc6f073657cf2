package entities_test

import (
	"bytes"
	"context"
	"testing"

	"github.com/communique/communique/data"
	"github.com/communique/communique/eval"
	"github.com/communique/communique/extractors/entities"
	"github.com/communique/communique/extractors/segment"
	"github.com/communique/communique/stages"
)

// Targets of issue 4 on the gold articles.
const (
	minLenientF1 = 0.95
	minStrictF1  = 0.90
	minCanonical = 0.97
)

// TestGold scores the tagger and prose's own NER (the baseline) on the
// embedded gold articles with eval, logs both, and fails when the tagger
// misses the targets. go test -v -run TestGold shows the numbers.
func TestGold(t *testing.T) {
	if testing.Short() {
		t.Skip("runs segmentation and both taggers on the gold articles")
	}
	seg, err := segment.New()
	if err != nil {
		t.Fatal(err)
	}
	tagger, err := entities.New()
	if err != nil {
		t.Fatal(err)
	}
	gold, err := data.ReadFile("gold/dev.jsonl")
	if err != nil {
		t.Fatal(err)
	}
	score := func(name string, an eval.Analyzer) eval.Report {
		rep, err := eval.Evaluate(context.Background(), an, eval.ReadGold(bytes.NewReader(gold)))
		if err != nil {
			t.Fatal(err)
		}
		t.Logf("%-8s entities: strict F1 %.3f (P %.3f R %.3f), lenient F1 %.3f (P %.3f R %.3f), canonical %.3f (%d/%d)",
			name, rep.EntitiesStrict.F1(), rep.EntitiesStrict.Precision(), rep.EntitiesStrict.Recall(),
			rep.EntitiesLenient.F1(), rep.EntitiesLenient.Precision(), rep.EntitiesLenient.Recall(),
			rep.Canonical.Value(), rep.Canonical.Correct, rep.Canonical.Total)
		return rep
	}
	rep := score("tagger", stages.NewAnalyzerWith(seg, tagger))
	base := score("baseline", stages.NewAnalyzerWith(seg, entities.NewProseBaseline(nil)))
	if f := rep.EntitiesLenient.F1(); f < minLenientF1 {
		t.Errorf("lenient F1 %.3f < %.2f", f, minLenientF1)
	}
	if f := rep.EntitiesStrict.F1(); f < minStrictF1 {
		t.Errorf("strict F1 %.3f < %.2f", f, minStrictF1)
	}
	if a := rep.Canonical.Value(); a < minCanonical {
		t.Errorf("canonical accuracy %.3f < %.2f", a, minCanonical)
	}
	if rep.EntitiesStrict.F1() <= base.EntitiesStrict.F1() {
		t.Errorf("tagger strict F1 %.3f does not beat prose's %.3f", rep.EntitiesStrict.F1(), base.EntitiesStrict.F1())
	}
}
