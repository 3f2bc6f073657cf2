package eval

import (
	"context"
	"strings"
	"testing"

	"github.com/communique/communique/extractors"
	"github.com/communique/communique/models"
)

func TestCountryCode(t *testing.T) {
	tests := []struct {
		code, want string
		ok         bool
	}{
		{"USA", "USA", true},
		{"PSE", "PSE", true},
		{"HKG", "HKG", true},
		{"JAP", "JPN", true},
		{"ITL", "ITA", true},
		{"VTN", "VNM", true},
		{"IGO", "", false},
		{"NGO", "", false},
		{"IMG", "", false},
		{"ISM", "", false},
		{"", "", false},
		{"US", "", false},
	}
	for _, tc := range tests {
		if got, ok := CountryCode(tc.code); got != tc.want || ok != tc.ok {
			t.Errorf("CountryCode(%q) = %q, %v; want %q, %v", tc.code, got, ok, tc.want, tc.ok)
		}
	}
}

func TestReadPlover(t *testing.T) {
	in := `[
 {"id":"1","event":"DEMAND","text":"{Greece demanded X.}","source":[{"actorText":"Greece","code":"GRC"}]},
 {"id":"2","event":"AGREE","text":"The UN will help.","source":""},
 {"id":"3","event":"AGREE","text":"Nobody."},
 {"id":"4","event":"DOCUMENT","source":null}
]`
	var recs []PloverRecord
	for r, err := range ReadPlover(strings.NewReader(in)) {
		if err != nil {
			t.Fatalf("ReadPlover: %v", err)
		}
		recs = append(recs, r)
	}
	if len(recs) != 4 || len(recs[0].Source) != 1 || recs[0].Source[0].Code != "GRC" || recs[1].Source != nil || recs[2].Source != nil {
		t.Errorf("ReadPlover = %+v", recs)
	}
	for _, bad := range []string{`{"id":"1"}`, `[{"id":1}]`, `[{"id":"1","source":[1]}]`} {
		failed := false
		for _, err := range ReadPlover(strings.NewReader(bad)) {
			failed = failed || err != nil
		}
		if !failed {
			t.Errorf("ReadPlover(%q) gave no error", bad)
		}
	}
}

// fakeAnalyzer returns fixed rows for each text.
type fakeAnalyzer map[string]*extractors.Doc

func (f fakeAnalyzer) Analyze(a models.Article) (*extractors.Doc, error) {
	if d, ok := f[a.Text]; ok {
		return d, nil
	}
	return &extractors.Doc{Article: a}, nil
}

func TestEvaluatePlover(t *testing.T) {
	recs := []PloverRecord{
		{ID: "1", Event: "DEMAND", Text: "{Greece demanded X.}", Source: PloverActors{{Code: "GRC"}}},
		{ID: "2", Event: "DEMAND", Text: "Japan demanded Y.", Source: PloverActors{{Code: "JAP"}}},
		{ID: "3", Event: "REJECT", Text: "Iraq will not allow Z.", Source: PloverActors{{Code: "IRQ"}}},
		{ID: "4", Event: "AGREE", Text: "The UN will help.", Source: PloverActors{{Code: "IGO"}}},
		{ID: "5", Event: "FIGHT", Text: "They fought."},
	}
	an := fakeAnalyzer{
		"Greece demanded X.":     {Positions: []models.Position{{Stance: models.Call, ActorIDs: []string{"GRC"}}}},
		"Japan demanded Y.":      {Positions: []models.Position{{Stance: models.Call, ActorIDs: []string{"CHN"}}}},
		"Iraq will not allow Z.": {Commitments: []models.Commitment{{Negated: true, ActorIDs: []string{"IRQ"}}}},
		"The UN will help.":      {Commitments: []models.Commitment{{ActorIDs: []string{"UN"}}}},
	}
	seq := func(yield func(PloverRecord, error) bool) {
		for _, r := range recs {
			if !yield(r, nil) {
				return
			}
		}
	}
	rep, err := EvaluatePlover(context.Background(), an, seq)
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]PloverCategory{
		"AGREE":  {Event: "AGREE", Records: 1, Extracted: 1, Matchable: 0, ActorMatched: 0},
		"DEMAND": {Event: "DEMAND", Records: 2, Extracted: 2, Matchable: 2, ActorMatched: 1},
		"REJECT": {Event: "REJECT", Records: 1, Extracted: 1, Matchable: 1, ActorMatched: 1},
	}
	for _, c := range rep.Categories {
		if w, ok := want[c.Event]; ok && c != w {
			t.Errorf("%s = %+v; want %+v", c.Event, c, w)
		}
	}
	if rep.Skipped != 1 || rep.Total.Records != 4 || len(rep.Misses) != 1 || rep.Misses[0].ID != "2" {
		t.Errorf("skipped %d, total %+v, misses %+v; want 1 skipped, 4 records, record 2 missed", rep.Skipped, rep.Total, rep.Misses)
	}
}
