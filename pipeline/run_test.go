package pipeline_test

import (
	"bytes"
	"context"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/communique/communique/lake"
	"github.com/communique/communique/models"
	"github.com/communique/communique/pipeline"
	"github.com/communique/communique/stages"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/")

// analyzer is built once for every test in the package, as in production.
var analyzer *stages.Analyzer

func TestMain(m *testing.M) {
	flag.Parse()
	var err error
	analyzer, err = stages.NewAnalyzer()
	if err != nil {
		panic(err)
	}
	if os.Getenv("COMMUNIQUE_CHILD_RUN") != "" {
		childRun()
	}
	os.Exit(m.Run())
}

// run runs the pipeline into a fresh directory with a fixed run id.
func run(t *testing.T, workers int, inputs ...string) (string, pipeline.Summary) {
	t.Helper()
	out := t.TempDir()
	sum, err := pipeline.Run(context.Background(), analyzer, pipeline.Config{
		Inputs: inputs, Out: out, Workers: workers, RunID: "test-run",
	})
	if err != nil {
		t.Fatalf("Run(%v) = %v", inputs, err)
	}
	return out, sum
}

// TestSamplesReadBack reads the samples' tables back from their files: row
// counts, the Parquet type and nullability of the columns readers rely on,
// dictionary encoding where a column has few values, and the file metadata.
// make readers checks the types DuckDB and polars see in the same files.
func TestSamplesReadBack(t *testing.T) {
	out, sum := run(t, 2)
	if sum.Articles != 2 || sum.Failed != 0 {
		t.Fatalf("samples: %d articles, %d failed; want 2, 0", sum.Articles, sum.Failed)
	}
	// Parquet types as parquet-go prints them; "dict" adds: dictionary-encoded.
	want := map[string]map[string]string{
		"articles":    {"article_id": "STRING", "published": "DATE", "n_sentences": "INT(32,true)", "input_line": "INT(32,true)"},
		"sentences":   {"sentence_index": "INT(32,true)", "start": "INT(32,true)", "end": "INT(32,true)", "text": "STRING"},
		"entities":    {"start": "INT(32,true)", "label": "STRING dict", "role": "STRING dict", "confidence": "FLOAT"},
		"commitments": {"actor_ids": "LIST<STRING>", "negated": "BOOLEAN", "condition": "STRING"},
		"positions":   {"target_ids": "LIST<STRING>", "stance": "STRING dict"},
		"errors":      {"line": "INT(32,true)", "article_id": "STRING"},
	}
	nullable := map[string]bool{"articles.published": true, "articles.input_line": true, "entities.role": true,
		"commitments.condition": true, "errors.line": true, "errors.article_id": true}
	arts := readTable(t, out, "articles")
	if dates := column(t, arts, "published"); strings.Join(dates, " ") != "2021-09-15 2023-06-20" {
		t.Errorf("published = %v; want the seeds' dates 2021-09-15 2023-06-20", dates)
	}
	for _, table := range lake.Tables {
		tbl, md := readTableMeta(t, out, table)
		if got := tbl.NumRows(); got != sum.Counts[table] {
			t.Errorf("%s: %d rows read, %d written", table, got, sum.Counts[table])
		}
		for col, typ := range want[table] {
			typ, dict := strings.CutSuffix(typ, " dict")
			if got := tbl.typeOf(t, col); got != typ {
				t.Errorf("%s.%s type = %s; want %s", table, col, got, typ)
			}
			if dict && !tbl.dict[col] {
				t.Errorf("%s.%s is not dictionary-encoded", table, col)
			}
			if got, want := tbl.field(t, col).Optional(), nullable[table+"."+col]; got != want {
				t.Errorf("%s.%s nullable = %v; want %v", table, col, got, want)
			}
		}
		if got := md[lake.MetaPipelineVersion]; got != models.PipelineVersion {
			t.Errorf("%s: metadata %s = %q; want %q", table, lake.MetaPipelineVersion, got, models.PipelineVersion)
		}
		if got := md[lake.MetaSchemaVersion]; got != models.SchemaVersion {
			t.Errorf("%s: metadata %s = %q; want %q", table, lake.MetaSchemaVersion, got, models.SchemaVersion)
		}
	}
}

// TestOffsetsHold checks text[start:end] == mention for every row, in code
// points, on text with non-ASCII characters before the mentions.
func TestOffsetsHold(t *testing.T) {
	out, _ := run(t, 2, "testdata/inputs/unicode.jsonl")
	arts := readTable(t, out, "articles")
	texts := map[string][]rune{}
	ids, bodies := column(t, arts, "article_id"), column(t, arts, "text")
	for i := range ids {
		texts[ids[i]] = []rune(bodies[i])
	}
	checked := 0
	for _, tc := range []struct{ table, col string }{
		{"sentences", "text"}, {"entities", "text"}, {"commitments", ""}, {"positions", ""},
	} {
		tbl := readTable(t, out, tc.table)
		aid := column(t, tbl, "article_id")
		start, end := int32Column(t, tbl, "start"), int32Column(t, tbl, "end")
		var surface []string
		if tc.col != "" {
			surface = column(t, tbl, tc.col)
		}
		for i := range aid {
			text := texts[aid[i]]
			if start[i] < 0 || end[i] > int32(len(text)) || start[i] >= end[i] {
				t.Errorf("%s row %d: span [%d,%d) outside text of %d code points", tc.table, i, start[i], end[i], len(text))
				continue
			}
			if surface != nil && string(text[start[i]:end[i]]) != surface[i] {
				t.Errorf("%s row %d: text[%d:%d] = %q; want %q", tc.table, i, start[i], end[i], string(text[start[i]:end[i]]), surface[i])
			}
			checked++
		}
	}
	if checked < 10 {
		t.Errorf("only %d rows checked; the test input should yield more", checked)
	}
}

// TestWorkersByteIdentical runs the same input with 1 and 8 workers.
func TestWorkersByteIdentical(t *testing.T) {
	inputs := []string{"testdata/inputs", "../data/gold/dev.jsonl"}
	one, _ := run(t, 1, inputs...)
	eight, _ := run(t, 8, inputs...)
	for _, table := range lake.Tables {
		a, _ := filepath.Glob(filepath.Join(one, table, "*", "*.parquet"))
		b, _ := filepath.Glob(filepath.Join(eight, table, "*", "*.parquet"))
		if len(a) != 1 || len(b) != 1 {
			t.Fatalf("%s: %d and %d files", table, len(a), len(b))
		}
		x, _ := os.ReadFile(a[0])
		y, _ := os.ReadFile(b[0])
		if !bytes.Equal(x, y) {
			t.Errorf("%s: 1 and 8 workers wrote different files", table)
		}
	}
}

// TestSeedsGolden compares the rows of the sample articles with the golden file.
func TestSeedsGolden(t *testing.T) {
	out, _ := run(t, 2)
	var lines []string
	for _, table := range []string{"entities", "commitments", "positions"} {
		tbl := readTable(t, out, table)
		rows := rowsOf(t, tbl)
		for _, r := range rows {
			// Stamped on every row, not extracted: TestRowsNameArticleVersion.
			delete(r, "run_id")
			delete(r, "content_sha256")
			b, _ := json.Marshal(map[string]any{"table": table, "row": r})
			lines = append(lines, string(b))
		}
	}
	sort.Strings(lines)
	got := strings.Join(lines, "\n") + "\n"
	golden := "testdata/seeds.golden.jsonl"
	if *update {
		if err := os.WriteFile(golden, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatalf("%v (run go test ./pipeline -run TestSeedsGolden -update)", err)
	}
	if got != string(want) {
		gl, wl := strings.Split(got, "\n"), strings.Split(string(want), "\n")
		t.Errorf("seed rows differ from %s (%d vs %d lines); rerun with -update and review the diff", golden, len(gl), len(wl))
	}
}

// TestRowsNameArticleVersion checks that every row of every table carries
// the article id and content hash of an article in the articles table (the
// errors table where the article was read), so joins on both are exact.
func TestRowsNameArticleVersion(t *testing.T) {
	dir := t.TempDir()
	in := writeFile(t, dir, "a.jsonl", []byte(`{"id":"ok","text":"Russia pledged aid to Tajikistan."}`+"\n{bad\n"+
		`{"id":"ok","text":"Russia pledged aid."}`+"\n"+`{"id":"d","published":"soon","text":"Chad called for talks."}`+"\n"))
	for _, inputs := range [][]string{nil, {in}} {
		out, _ := run(t, 2, inputs...)
		arts := readTable(t, out, lake.TableArticles)
		versions := map[string]bool{}
		ids, shas := column(t, arts, "article_id"), column(t, arts, "content_sha256")
		for i := range ids {
			versions[ids[i]+" "+shas[i]] = true
		}
		for _, table := range []string{lake.TableSentences, lake.TableEntities, lake.TableCommitments, lake.TablePositions} {
			tbl := readTable(t, out, table)
			ids, shas := column(t, tbl, "article_id"), column(t, tbl, "content_sha256")
			if len(ids) == 0 {
				t.Errorf("inputs %v: %s is empty", inputs, table)
			}
			for i := range ids {
				if !versions[ids[i]+" "+shas[i]] {
					t.Errorf("inputs %v: %s row %d: article %q, content_sha256 %q: no such article version", inputs, table, i, ids[i], shas[i])
				}
			}
		}
		if inputs == nil {
			continue
		}
		// A malformed line: no article; a duplicate id: the rejected
		// version's hash; a repaired date: the article's.
		errs := rowsOf(t, readTable(t, out, lake.TableErrors))
		if len(errs) != 3 {
			t.Fatalf("%d errors rows; want 3: %v", len(errs), errs)
		}
		for _, r := range errs {
			id, _ := r["article_id"].(string)
			sha, _ := r["content_sha256"].(string)
			switch {
			case id == "" && sha != "":
				t.Errorf("errors row %v: a hash without an article", r)
			case r["severity"] == "warning" && !versions[id+" "+sha]:
				t.Errorf("errors row %v: want the hash of article %q", r, id)
			case id != "" && len(sha) != 64:
				t.Errorf("errors row %v: want the hash of the version read", r)
			}
		}
	}
}
