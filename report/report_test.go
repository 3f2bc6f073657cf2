package report

import (
	"bytes"
	"context"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/communique/communique/models"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/")

// fixture holds the rows of every table, as in testdata/rows.json.
type fixture struct {
	Articles    []articleRow
	Sentences   []sentenceText
	Entities    []entityRow
	Commitments []commitmentRow
	Positions   []positionRow
	Errors      []errorRow
}

func loadFixture(t *testing.T) fixture {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", "rows.json"))
	if err != nil {
		t.Fatal(err)
	}
	var f fixture
	if err := json.Unmarshal(b, &f); err != nil {
		t.Fatalf("testdata/rows.json: %v", err)
	}
	return f
}

// scanSlice reads rows in batches of two, as the lake reads files in batches.
func scanSlice[T any](rows []T) scanFunc[T] {
	return func(ctx context.Context, fn func([]T) error) error {
		for i := 0; i < len(rows); i += 2 {
			batch := slices.Clone(rows[i:min(i+2, len(rows))])
			if err := fn(batch); err != nil {
				if err == errEnough {
					return nil
				}
				return err
			}
		}
		return nil
	}
}

func (f fixture) source() source {
	ids := make([]sentenceRow, len(f.Sentences))
	for i, s := range f.Sentences {
		ids[i] = sentenceRow{ArticleID: s.ArticleID}
	}
	return source{
		articles:    scanSlice(f.Articles),
		sentences:   scanSlice(ids),
		sentenceTxt: scanSlice(f.Sentences),
		entities:    scanSlice(f.Entities),
		commitments: scanSlice(f.Commitments),
		positions:   scanSlice(f.Positions),
		errors:      scanSlice(f.Errors),
	}
}

func buildFixture(t *testing.T, cfg Config) *Report {
	t.Helper()
	r, err := build(context.Background(), "testdata/out", loadFixture(t).source(), cfg.withDefaults())
	if err != nil {
		t.Fatalf("build: %v", err)
	}
	return r
}

// TestGolden renders the fixture and compares the page with
// testdata/report.golden.html (go test ./report -update rewrites it).
func TestGolden(t *testing.T) {
	var buf bytes.Buffer
	if err := buildFixture(t, Config{}).WriteHTML(&buf); err != nil {
		t.Fatal(err)
	}
	golden := filepath.Join("testdata", "report.golden.html")
	if *update {
		if err := os.WriteFile(golden, buf.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(buf.Bytes(), want) {
		t.Errorf("report differs from %s; rerun with -update and review the diff", golden)
	}
}

// TestPageIsSelfContained checks what the browser check checks, without a
// browser: no script, nothing loaded from elsewhere, every link lands.
func TestPageIsSelfContained(t *testing.T) {
	var buf bytes.Buffer
	if err := buildFixture(t, Config{}).WriteHTML(&buf); err != nil {
		t.Fatal(err)
	}
	page := buf.String()
	for _, bad := range []string{"<script", "http://", "https://", "src=", "@import", "url("} {
		if bad == "http://" {
			page := strings.ReplaceAll(page, `xmlns="http://www.w3.org/2000/svg"`, "")
			if strings.Contains(page, bad) {
				t.Errorf("page contains %q", bad)
			}
			continue
		}
		if strings.Contains(page, bad) {
			t.Errorf("page contains %q", bad)
		}
	}
	ids := map[string]bool{}
	for _, m := range strings.Split(page, `id="`)[1:] {
		ids[m[:strings.IndexByte(m, '"')]] = true
	}
	for _, m := range strings.Split(page, `href="`)[1:] {
		h := m[:strings.IndexByte(m, '"')]
		if !strings.HasPrefix(h, "#") || !ids[h[1:]] {
			t.Errorf("link %q lands nowhere", h)
		}
	}
	if strings.Contains(page, "ZgotmplZ") {
		t.Error("html/template rejected a value (ZgotmplZ)")
	}
}

func TestCounts(t *testing.T) {
	r := buildFixture(t, Config{})
	tl := newTally()
	if err := tl.count(context.Background(), loadFixture(t).source()); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name string
		got  any
		want any
	}{
		{"rows per table", tl.rows, tableCounts{4, 6, 5, 3, 5, 3}},
		{"positions of FRA (listed twice in one row, counted once)", *tl.actors["FRA"], actorCounts{positions: 2, commitments: 1}},
		{"rows naming RUR as target", *tl.targets["RUR"], actorCounts{positions: 4}},
		{"no empty ids", tl.actors[""] == nil, true},
		{"UNSC → RUR", stanceSummary(tl.pairs[pair{"UNSC", "RUR"}]), "1 call, 1 condemn"},
		{"FRA → RUR: a negated condemn is not hostile", stanceSummary(tl.pairs[pair{"FRA", "RUR"}]), "1 welcome, 1 negated"},
		{"FRA → RUR colour", cellFill(tl.pairs[pair{"FRA", "RUR"}]), supportiveFill},
		{"UNSC → RUR colour", cellFill(tl.pairs[pair{"UNSC", "RUR"}]), hostileFill},
		{"errors by stage and severity", tl.stages, map[string]map[string]int64{"read": {"error": 1, "warning": 1}, "analyze": {"error": 1}}},
		{"undated: the article without a date, its commitment, the two errors without an article", tl.days[undated][tArticles] + tl.days[undated][tErrors] + tl.days[undated][tCommitments], int64(4)},
		{"time axis", r.Axis, "day"},
		{"summary", r.Summary[:2], []Stat{{"articles", "4"}, {"with a publication date", "3"}}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if !equal(tc.got, tc.want) {
				t.Errorf("got %v; want %v", tc.got, tc.want)
			}
		})
	}
}

func equal(a, b any) bool {
	ja, _ := json.Marshal(a)
	jb, _ := json.Marshal(b)
	return bytes.Equal(ja, jb)
}

func TestExamples(t *testing.T) {
	r := buildFixture(t, Config{Examples: 1})
	byID := map[string]*Group{}
	for _, g := range r.Groups {
		byID[g.ID] = g
		if len(g.Examples) == 0 && g.Rows > 0 {
			t.Errorf("group %s (%d rows) has no example", g.ID, g.Rows)
		}
	}
	tests := []struct {
		id       string
		rows     int64
		evidence string
		title    string
	}{
		{"pair-UNSC-RUR", 2, "The council condemned the shelling of the border town by Ruritania.", "Council condemns border shelling"},
		{"actor-FRA", 3, "Both sides welcomed the talks.", "Ministers meet on river accord"},
		{"commitments-pledge-2026-03-05", 1, "Germany pledged aid to Freedonia.", "Summit ends with aid pledge"},
		{"commitments-readiness-no_date", 1, "The ministry said it was ready to talk.", "A statement without a date"},
		{"errors-read-warning", 1, "feeds/day1.jsonl line 9", "Council condemns border shelling"},
		{"table-sentences", 6, "France and Germany agreed to extend the river accord.", "Ministers meet on river accord"},
		{"day-2026-03-02", 2, "", "Ministers meet on river accord"},
	}
	for _, tc := range tests {
		t.Run(tc.id, func(t *testing.T) {
			g := byID[tc.id]
			if g == nil {
				t.Fatalf("no group %s; have %v", tc.id, slices.Collect(func(yield func(string) bool) {
					for id := range byID {
						if !yield(id) {
							return
						}
					}
				}))
			}
			if g.Rows != tc.rows || len(g.Examples) == 0 || g.Examples[0].Evidence != tc.evidence || g.Examples[0].Title != tc.title {
				t.Errorf("group %s = %d rows, %+v; want %d rows, evidence %q, title %q", tc.id, g.Rows, g.Examples, tc.rows, tc.evidence, tc.title)
			}
		})
	}
	// An actor's group takes up to Examples rows from each of positions
	// and commitments.
	if g := byID["actor-DEU"]; len(g.Examples) != 2 {
		t.Errorf("actor-DEU has %d examples; want 2 (one position, one commitment)", len(g.Examples))
	}
}

func TestTimeAxis(t *testing.T) {
	d := func(s string) models.Date {
		var x models.Date
		if err := x.UnmarshalJSON([]byte(`"` + s + `"`)); err != nil {
			t.Fatal(err)
		}
		return x
	}
	tests := []struct {
		name    string
		days    []models.Date
		max     int
		unit    string
		periods []string
	}{
		{"empty", nil, 10, "day", nil},
		{"only undated", []models.Date{undated}, 10, "day", []string{noDate}},
		{"days, gaps filled", []models.Date{d("2026-03-04"), d("2026-03-02")}, 10, "day", []string{"2026-03-02", "2026-03-03", "2026-03-04"}},
		{"months when days do not fit", []models.Date{d("2026-01-31"), d("2026-03-01"), undated}, 10, "month", []string{"2026-01", "2026-02", "2026-03", noDate}},
		{"years when months do not fit", []models.Date{d("2020-05-01"), d("2022-01-01")}, 12, "year", []string{"2020", "2021", "2022"}},
		{"exactly max days", []models.Date{d("2026-03-01"), d("2026-03-03")}, 3, "day", []string{"2026-03-01", "2026-03-02", "2026-03-03"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			a := newTimeAxis(tc.days, tc.max)
			if a.unit != tc.unit || !slices.Equal(a.periods, tc.periods) {
				t.Errorf("newTimeAxis(%v, %d) = %s %v; want %s %v", tc.days, tc.max, a.unit, a.periods, tc.unit, tc.periods)
			}
		})
	}
}

func TestAnchor(t *testing.T) {
	b := &builder{anchors: map[string]bool{}}
	tests := []struct{ in, want string }{
		{"actor-USA", "actor-USA"},
		{"actor-USA", "actor-USA-2"},
		{"pair-A B/C\"<x>", "pair-A_B_C__x_"},
		{"day-no date", "day-no_date"},
		{"actor-ÉTAT", "actor-_TAT"},
	}
	for _, tc := range tests {
		if got := b.anchor(tc.in); got != tc.want {
			t.Errorf("anchor(%q) = %q; want %q", tc.in, got, tc.want)
		}
	}
}

func TestFormat(t *testing.T) {
	tests := []struct{ got, want string }{
		{thousands(0), "0"},
		{thousands(999), "999"},
		{thousands(1000), "1,000"},
		{thousands(1234567), "1,234,567"},
		{thousands(-1234), "-1,234"},
		{clip("Collective Security", 8), "Collect…"},
		{clip("short", 8), "short"},
		{mix("#000000", "#ffffff", 0.5), "#808080"},
		{who([]string{"FRA", "DEU"}, "both"), "FRA, DEU · both"},
		{who(nil, "the ministry"), "the ministry"},
		{who([]string{"FRA"}, "FRA"), "FRA"},
	}
	for _, tc := range tests {
		if tc.got != tc.want {
			t.Errorf("got %q; want %q", tc.got, tc.want)
		}
	}
}

func TestConfigValidate(t *testing.T) {
	tests := []struct {
		cfg Config
		ok  bool
	}{
		{Config{}, true},
		{Config{Top: 5, Matrix: 3, Examples: 1, Periods: 2}, true},
		{Config{Top: -1}, false},
		{Config{Matrix: 41}, false},
		{Config{Examples: 51}, false},
		{Config{Periods: 1}, false},
	}
	for _, tc := range tests {
		if err := tc.cfg.Validate(); (err == nil) != tc.ok {
			t.Errorf("%+v.Validate() = %v; want ok %v", tc.cfg, err, tc.ok)
		}
	}
}

// TestSmallConfig keeps to the limits: the top figures and the matrix show
// at most what the config says.
func TestSmallConfig(t *testing.T) {
	r := buildFixture(t, Config{Top: 1, Matrix: 1})
	for _, f := range r.Figures {
		if f.ID == "fig-actors" || f.ID == "fig-targets" {
			bars := 0
			for _, x := range f.Texts {
				if x.Anchor == "end" {
					bars++
				}
			}
			if bars != 1 {
				t.Errorf("%s: %d bars; want 1", f.ID, bars)
			}
		}
		if f.ID == "fig-matrix" && len(f.Rects) != 1 {
			t.Errorf("matrix: %d cells; want 1", len(f.Rects))
		}
	}
}

// TestAxes: publication days and the days commitments are due have their own
// axes, so a sentence naming another year does not stretch the first.
func TestAxes(t *testing.T) {
	r := buildFixture(t, Config{})
	labels := func(id string) []string {
		var out []string
		for _, f := range r.Figures {
			for _, x := range f.Texts {
				if f.ID == id && x.Class == "axis" && !slices.Contains(out, x.S) {
					out = append(out, x.S)
				}
			}
		}
		return out
	}
	tests := []struct {
		figure string
		want   []string
	}{
		{"fig-days", []string{"2026-03-02", "2026-03-03", "2026-03-04", noDate}},
		{"fig-modality", []string{"2026-03-02", "2026-03-03", "2026-03-04", "2026-03-05", noDate}},
	}
	for _, tc := range tests {
		if got := labels(tc.figure); !slices.Equal(got, tc.want) {
			t.Errorf("%s axis = %v; want %v", tc.figure, got, tc.want)
		}
	}
}
