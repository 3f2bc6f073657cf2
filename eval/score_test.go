package eval

import (
	"encoding/json"
	"math"
	"testing"

	"github.com/communique/communique/models"
)

// text is the article of the hand-made cases:
// "CSTO" [0,4), "Tajikistan" [17,27), "Zas" [33,36), "Moscow" [50,56).
const text = "CSTO will assist Tajikistan, said Zas, and urged Moscow to act."

func gent(start, end int, l models.Label, id string) Entity {
	return Entity{Start: start, End: end, Label: l, CanonicalID: id}
}

func pent(start, end int, l models.Label, id string) models.Entity {
	return models.Entity{Start: int32(start), End: int32(end), Label: l, CanonicalID: id}
}

func TestScoreEntities(t *testing.T) {
	gold := []Entity{
		gent(0, 4, models.Org, "CSTO"),
		gent(17, 27, models.State, "TJK"),
		gent(34, 37, models.Official, "STANISLAV_ZAS"),
	}
	type want struct {
		strict, lenient Counts
		canonical       Accuracy
		diff            []Kind
	}
	tests := []struct {
		name string
		gold []Entity
		pred []models.Entity
		want want
	}{
		{
			name: "perfect",
			gold: gold,
			pred: []models.Entity{pent(0, 4, models.Org, "CSTO"), pent(17, 27, models.State, "TJK"), pent(34, 37, models.Official, "STANISLAV_ZAS")},
			want: want{strict: Counts{3, 0, 0}, lenient: Counts{3, 0, 0}, canonical: Accuracy{3, 3}},
		},
		{
			name: "empty",
			want: want{},
		},
		{
			name: "no predictions",
			gold: gold,
			want: want{strict: Counts{0, 0, 3}, lenient: Counts{0, 0, 3}, diff: []Kind{FN, FN, FN}},
		},
		{
			name: "no gold",
			pred: []models.Entity{pent(0, 4, models.Org, "CSTO")},
			want: want{strict: Counts{0, 1, 0}, lenient: Counts{0, 1, 0}, diff: []Kind{FP}},
		},
		{
			name: "off by one span is lenient only",
			gold: gold[1:2],
			pred: []models.Entity{pent(17, 28, models.State, "TJK")},
			want: want{strict: Counts{0, 1, 1}, lenient: Counts{1, 0, 0}, canonical: Accuracy{1, 1}, diff: []Kind{WrongSpan}},
		},
		{
			name: "label swap",
			gold: gold[1:2],
			pred: []models.Entity{pent(17, 27, models.Place, "TAJIKISTAN")},
			want: want{strict: Counts{0, 1, 1}, lenient: Counts{0, 1, 1}, diff: []Kind{FN, FP}},
		},
		{
			name: "duplicate prediction is a false positive",
			gold: gold[:1],
			pred: []models.Entity{pent(0, 4, models.Org, "CSTO"), pent(0, 4, models.Org, "CSTO")},
			want: want{strict: Counts{1, 1, 0}, lenient: Counts{1, 1, 0}, canonical: Accuracy{1, 1}, diff: []Kind{FP}},
		},
		{
			name: "wrong canonical id",
			gold: gold[:1],
			pred: []models.Entity{pent(0, 4, models.Org, "CIS")},
			want: want{strict: Counts{1, 0, 0}, lenient: Counts{1, 0, 0}, canonical: Accuracy{0, 1}, diff: []Kind{WrongID}},
		},
		{
			// The first gold mention prefers the long prediction (larger
			// overlap), which the second needs; a greedy pairing would leave
			// the second unmatched, the maximum matching pairs both.
			name: "one-to-one assignment is maximal",
			gold: []Entity{gent(0, 4, models.Org, "CSTO"), gent(5, 9, models.Org, "X")},
			pred: []models.Entity{pent(0, 9, models.Org, "CSTO"), pent(0, 2, models.Org, "CSTO")},
			want: want{strict: Counts{0, 2, 2}, lenient: Counts{2, 0, 0}, canonical: Accuracy{1, 2}, diff: []Kind{WrongSpan, WrongID, WrongSpan}},
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			r := Score(Article{ID: "a", Text: text, Entities: tc.gold}, Prediction{Entities: tc.pred})
			if r.EntitiesStrict.Counts != tc.want.strict {
				t.Errorf("strict = %+v; want %+v", r.EntitiesStrict.Counts, tc.want.strict)
			}
			if r.EntitiesLenient.Counts != tc.want.lenient {
				t.Errorf("lenient = %+v; want %+v", r.EntitiesLenient.Counts, tc.want.lenient)
			}
			if r.Canonical != tc.want.canonical {
				t.Errorf("canonical = %+v; want %+v", r.Canonical, tc.want.canonical)
			}
			if got := kinds(r.Diff); !equal(got, tc.want.diff) {
				t.Errorf("diff kinds = %v; want %v\n%v", got, tc.want.diff, r.Diff)
			}
			checkFinite(t, r)
		})
	}
}

func TestScoreEntitiesByLabel(t *testing.T) {
	r := Score(Article{ID: "a", Text: text, Entities: []Entity{gent(17, 27, models.State, "TJK")}},
		Prediction{Entities: []models.Entity{pent(17, 27, models.Place, "TAJIKISTAN")}})
	for label, want := range map[string]Counts{"STATE": {0, 0, 1}, "PLACE": {0, 1, 0}} {
		if got := r.EntitiesStrict.ByClass[label]; got != want {
			t.Errorf("strict[%s] = %+v; want %+v", label, got, want)
		}
	}
}

func TestScoreCommitments(t *testing.T) {
	g := Commitment{Start: 0, End: 27, ActorIDs: []string{"CSTO"}, TargetIDs: []string{"TJK"}, Modality: models.Pledge}
	pc := func(start, end int, m models.Modality, actors ...string) models.Commitment {
		return models.Commitment{Start: int32(start), End: int32(end), ActorIDs: actors, Modality: m}
	}
	tests := []struct {
		name     string
		gold     []Commitment
		pred     []models.Commitment
		want     Counts
		modality Accuracy
	}{
		{"match", []Commitment{g}, []models.Commitment{pc(5, 16, models.Pledge, "CSTO")}, Counts{1, 0, 0}, Accuracy{1, 1}},
		{"other modality still matches", []Commitment{g}, []models.Commitment{pc(5, 16, models.Readiness, "CSTO")}, Counts{1, 0, 0}, Accuracy{0, 1}},
		{"actor mismatch", []Commitment{g}, []models.Commitment{pc(5, 16, models.Pledge, "TJK")}, Counts{0, 1, 1}, Accuracy{}},
		{"no actor", []Commitment{g}, []models.Commitment{pc(5, 16, models.Pledge)}, Counts{0, 1, 1}, Accuracy{}},
		{"one of several actors", []Commitment{g}, []models.Commitment{pc(5, 16, models.Pledge, "RUS", "CSTO")}, Counts{1, 0, 0}, Accuracy{1, 1}},
		{"no overlap", []Commitment{g}, []models.Commitment{pc(27, 40, models.Pledge, "CSTO")}, Counts{0, 1, 1}, Accuracy{}},
		{"duplicate", []Commitment{g}, []models.Commitment{pc(0, 27, models.Pledge, "CSTO"), pc(0, 27, models.Pledge, "CSTO")}, Counts{1, 1, 0}, Accuracy{1, 1}},
		{"empty", nil, nil, Counts{}, Accuracy{}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			r := Score(Article{ID: "a", Text: text, Commitments: tc.gold}, Prediction{Commitments: tc.pred})
			if r.Commitments.Counts != tc.want {
				t.Errorf("commitments = %+v; want %+v", r.Commitments.Counts, tc.want)
			}
			if r.Modality != tc.modality {
				t.Errorf("modality = %+v; want %+v", r.Modality, tc.modality)
			}
			checkFinite(t, r)
		})
	}
}

func TestScorePositions(t *testing.T) {
	g := Position{Start: 39, End: 62, ActorIDs: []string{"CSTO"}, Stance: models.Call, TargetIDs: []string{"RUS"}}
	pp := func(s models.Stance, actors ...string) models.Position {
		return models.Position{Start: 43, End: 62, ActorIDs: actors, Stance: s}
	}
	tests := []struct {
		name string
		pred []models.Position
		want Counts
	}{
		{"match", []models.Position{pp(models.Call, "CSTO")}, Counts{1, 0, 0}},
		{"other stance", []models.Position{pp(models.Support, "CSTO")}, Counts{0, 1, 1}},
		{"actor mismatch", []models.Position{pp(models.Call, "RUS")}, Counts{0, 1, 1}},
		{"duplicate", []models.Position{pp(models.Call, "CSTO"), pp(models.Call, "CSTO")}, Counts{1, 1, 0}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			r := Score(Article{ID: "a", Text: text, Positions: []Position{g}}, Prediction{Positions: tc.pred})
			if r.Positions.Counts != tc.want {
				t.Errorf("positions = %+v; want %+v", r.Positions.Counts, tc.want)
			}
		})
	}
}

func TestCounts(t *testing.T) {
	tests := []struct {
		c       Counts
		p, r, f float64
	}{
		{Counts{}, 0, 0, 0},
		{Counts{TP: 2}, 1, 1, 1},
		{Counts{TP: 1, FP: 1, FN: 3}, 0.5, 0.25, 1.0 / 3},
		{Counts{FP: 2}, 0, 0, 0},
		{Counts{FN: 2}, 0, 0, 0},
	}
	for _, tc := range tests {
		if p, r, f := tc.c.Precision(), tc.c.Recall(), tc.c.F1(); !near(p, tc.p) || !near(r, tc.r) || !near(f, tc.f) {
			t.Errorf("%+v: P, R, F1 = %v, %v, %v; want %v, %v, %v", tc.c, p, r, f, tc.p, tc.r, tc.f)
		}
	}
}

// TestMicroAverage checks that Add sums counts rather than averaging scores.
func TestMicroAverage(t *testing.T) {
	a := Score(Article{ID: "a", Text: text, Entities: []Entity{gent(0, 4, models.Org, "CSTO")}},
		Prediction{Entities: []models.Entity{pent(0, 4, models.Org, "CSTO")}})
	b := Score(Article{ID: "b", Text: text, Entities: []Entity{gent(0, 4, models.Org, "CSTO"), gent(17, 27, models.State, "TJK"), gent(34, 37, models.Official, "Z")}}, Prediction{})
	var r Report
	r.Add(a)
	r.Add(b)
	if want := (Counts{1, 0, 3}); r.EntitiesStrict.Counts != want || r.Articles != 2 {
		t.Errorf("sum = %+v over %d articles; want %+v over 2", r.EntitiesStrict.Counts, r.Articles, want)
	}
	if got := r.EntitiesStrict.F1(); !near(got, 0.4) {
		t.Errorf("micro F1 = %v; want 0.4", got)
	}
}

func TestDiffSentence(t *testing.T) {
	g := Article{ID: "a", Text: "First line.\nCSTO will help. Second sentence.", Entities: []Entity{gent(12, 16, models.Org, "CSTO")}}
	tests := []struct {
		name string
		p    Prediction
		want string
	}{
		{"predicted sentence", Prediction{Sentences: []models.Sentence{{Start: 0, End: 11, Text: "First line."}, {Start: 12, End: 27, Text: "CSTO will help."}}}, "CSTO will help."},
		{"line without sentences", Prediction{}, "CSTO will help. Second sentence."},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			r := Score(g, tc.p)
			if len(r.Diff) != 1 || r.Diff[0].Sentence != tc.want || r.Diff[0].Text != "CSTO" {
				t.Errorf("Diff = %+v; want one FN with sentence %q", r.Diff, tc.want)
			}
		})
	}
}

func TestReportJSON(t *testing.T) {
	r := Score(Article{ID: "a", Text: text, Entities: []Entity{gent(0, 4, models.Org, "CSTO")}},
		Prediction{Entities: []models.Entity{pent(0, 4, models.Org, "CSTO"), pent(17, 27, models.State, "TJK")}})
	b, err := json.Marshal(r)
	if err != nil {
		t.Fatal(err)
	}
	var got struct {
		Strict struct {
			TP        int                        `json:"tp"`
			Precision float64                    `json:"precision"`
			ByClass   map[string]json.RawMessage `json:"by_class"`
		} `json:"entities_strict"`
	}
	if err := json.Unmarshal(b, &got); err != nil {
		t.Fatal(err)
	}
	if got.Strict.TP != 1 || got.Strict.Precision != 0.5 || len(got.Strict.ByClass) != 2 {
		t.Errorf("json = %s; want tp 1, precision 0.5 and 2 classes", b)
	}
}

func kinds(d []DiffEntry) []Kind {
	var out []Kind
	for _, e := range d {
		out = append(out, e.Kind)
	}
	return out
}

func equal(a, b []Kind) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

func near(a, b float64) bool { return math.Abs(a-b) < 1e-9 }

// checkFinite fails when a score of r is NaN or infinite.
func checkFinite(t *testing.T, r Report) {
	t.Helper()
	for _, x := range []float64{
		r.EntitiesStrict.Precision(), r.EntitiesStrict.Recall(), r.EntitiesStrict.F1(),
		r.EntitiesLenient.F1(), r.Canonical.Value(), r.Commitments.F1(), r.Modality.Value(), r.Positions.F1(),
	} {
		if math.IsNaN(x) || math.IsInf(x, 0) {
			t.Fatalf("score %v in %+v", x, r)
		}
	}
}
