//go:build unix

package pipeline_test

// Hostile inputs and faults (issue 17): each test feeds one and checks that
// the run neither hangs nor loses anything, and says what happened.

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io/fs"
	"log/slog"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"syscall"
	"testing"
	"time"

	"github.com/communique/communique/extractors"
	"github.com/communique/communique/extractors/segment"
	"github.com/communique/communique/lake"
	"github.com/communique/communique/models"
	"github.com/communique/communique/pipeline"
	"github.com/communique/communique/sources"
	"github.com/communique/communique/stages"
)

// mkfifo makes a FIFO in a temporary directory.
func mkfifo(t *testing.T) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), "feed.jsonl")
	if err := syscall.Mkfifo(p, 0o600); err != nil {
		t.Skipf("mkfifo: %v", err)
	}
	return p
}

// errorRows returns the errors table's error and severity columns.
func errorRows(t *testing.T, out string) (msgs, severities []string) {
	t.Helper()
	tbl := readTable(t, out, "errors")
	return column(t, tbl, "error"), column(t, tbl, "severity")
}

func TestFIFOWithoutWriterEnds(t *testing.T) {
	fifo := mkfifo(t)
	out := t.TempDir()
	start := time.Now()
	sum, err := pipeline.Run(context.Background(), analyzer, pipeline.Config{
		Inputs: []string{fifo}, Out: out, Workers: 1, RunID: "fifo", OpenWait: 300 * time.Millisecond,
	})
	if err != nil {
		t.Fatalf("Run on a FIFO without a writer = %v", err)
	}
	if d := time.Since(start); d > 5*time.Second {
		t.Errorf("Run on a FIFO without a writer took %s; want seconds", d)
	}
	msgs, sev := errorRows(t, out)
	if sum.Failed != 1 || len(msgs) != 1 || !strings.Contains(msgs[0], sources.ErrNoWriter.Error()) || sev[0] != "error" {
		t.Errorf("failed %d, errors %q %q; want one error row saying %q", sum.Failed, msgs, sev, sources.ErrNoWriter)
	}
}

// TestCancelWhileBlocked cancels runs blocked on input no one writes (as
// SIGTERM does): each returns at once and publishes nothing.
func TestCancelWhileBlocked(t *testing.T) {
	pr, pw, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	defer pw.Close()
	defer pr.Close()
	tests := []struct {
		name   string
		inputs []string
	}{
		{"FIFO without a writer", []string{mkfifo(t)}},
		{"standard input without a writer", []string{"-"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			out := t.TempDir()
			ctx, cancel := context.WithTimeout(context.Background(), 300*time.Millisecond)
			defer cancel()
			start := time.Now()
			_, err := pipeline.Run(ctx, analyzer, pipeline.Config{
				Inputs: tc.inputs, Out: out, Workers: 1, RunID: "cancel", Stdin: pr, OpenWait: time.Minute,
			})
			if !errors.Is(err, context.DeadlineExceeded) {
				t.Errorf("Run = %v; want the context's error", err)
			}
			if d := time.Since(start); d > 3*time.Second {
				t.Errorf("cancelled Run returned after %s", d)
			}
			if _, err := os.Stat(filepath.Join(out, "_runs", "cancel.json")); err == nil {
				t.Error("a cancelled run published its manifest")
			}
		})
	}
}

// TestStreamOnOutputWithRun reads a FIFO and a /dev/fd path on an output
// that already has a run, so inputs are hashed first: a stream is read once,
// never hashed and reread, and keeps all its articles.
func TestStreamOnOutputWithRun(t *testing.T) {
	dir, out := t.TempDir(), t.TempDir()
	runInto(t, out, "a-first", false, corpus(t, dir, 3, " first"))
	jsonl := string(must(os.ReadFile(corpus(t, dir, 5, " stream"))))

	t.Run("FIFO", func(t *testing.T) {
		fifo := mkfifo(t)
		go func() {
			f, err := os.OpenFile(fifo, os.O_WRONLY, 0)
			if err == nil {
				f.WriteString(jsonl)
				f.Close()
			}
		}()
		sum := runInto(t, out, "b-fifo", false, fifo)
		if sum.Articles != 5 || sum.Failed != 0 {
			t.Errorf("FIFO: %d articles, %d failed; want 5, 0", sum.Articles, sum.Failed)
		}
	})
	t.Run("/dev/fd", func(t *testing.T) {
		// What the shell's <(cat x.jsonl) passes: a pipe without a .jsonl name.
		pr, pw, err := os.Pipe()
		if err != nil {
			t.Fatal(err)
		}
		defer pr.Close()
		go func() { pw.WriteString(strings.ReplaceAll(jsonl, `"a0`, `"fd0`)); pw.Close() }()
		sum := runInto(t, out, "c-devfd", false, fmt.Sprintf("/dev/fd/%d", pr.Fd()))
		if sum.Articles != 5 || sum.Failed != 0 {
			t.Errorf("/dev/fd: %d articles, %d failed; want 5 JSONL articles, 0 failed", sum.Articles, sum.Failed)
		}
	})
}

func must[T any](v T, err error) T {
	if err != nil {
		panic(err)
	}
	return v
}

// TestBadDateKeepsArticle checks that a bad published date keeps the
// article, with a null date, and writes a warning row.
func TestBadDateKeepsArticle(t *testing.T) {
	dir := t.TempDir()
	in := writeFile(t, dir, "d.jsonl", []byte(`{"id":"d1","published":"2024-13-45","text":"Chad and Mali agreed."}`+"\n"+
		`{"id":"d2","published":"yesterday","text":"Chad and Niger agreed."}`+"\n"))
	out, sum := run(t, 1, in)
	if sum.Articles != 2 || sum.Failed != 0 || sum.Warnings != 2 {
		t.Errorf("%d articles, %d failed, %d warnings; want 2, 0, 2", sum.Articles, sum.Failed, sum.Warnings)
	}
	arts := readTable(t, out, "articles")
	if n := arts.nulls(t, "published"); n != 2 {
		t.Errorf("%d null published dates; want 2", n)
	}
	msgs, sev := errorRows(t, out)
	for i := range msgs {
		if sev[i] != "warning" || !strings.Contains(msgs[i], "published") {
			t.Errorf("errors row %q severity %q; want a warning about published", msgs[i], sev[i])
		}
	}
}

// TestErrorMessages checks that errors rows name the input and the article
// in plain words.
func TestErrorMessages(t *testing.T) {
	dir := t.TempDir()
	missing := filepath.Join(dir, "nope.jsonl")
	typed := writeFile(t, dir, "typed.jsonl", []byte(`{"id":"k7","text":["a"]}`+"\n"))
	notGzip := writeFile(t, dir, "x.jsonl.gz", []byte("plain text, not gzip"))
	r := sources.NewReader(nil)
	var items []sources.Item
	r.ReadAll(context.Background(), []string{missing, typed, notGzip}, func(it sources.Item) error {
		items = append(items, it)
		return nil
	})
	if len(items) != 3 {
		t.Fatalf("%d items; want 3", len(items))
	}
	want := []struct {
		source, id, msg string
	}{
		{missing, "", "nope.jsonl: no such file or directory"},
		{typed, "k7", `field "text" of article k7 is a JSON array, want a string`},
		{notGzip, "", "gzip: invalid header"},
	}
	for i, w := range want {
		it := items[i]
		if it.Source != w.source || it.Article.ArticleID != w.id || !strings.Contains(it.Err.Error(), w.msg) ||
			strings.Contains(it.Err.Error(), "Go ") || strings.Contains(it.Err.Error(), "gzip: gzip") {
			t.Errorf("item %d: source %q, id %q, error %q; want %q, %q, %q", i, it.Source, it.Article.ArticleID, it.Err, w.source, w.id, w.msg)
		}
	}
}

// TestDuplicateWarningsCounted reads many duplicate lines: a few log lines, not one each.
func TestDuplicateWarningsCounted(t *testing.T) {
	dir := t.TempDir()
	line := `{"id":"same","text":"Chad and Mali agreed."}` + "\n"
	in := writeFile(t, dir, "dup.jsonl", []byte(strings.Repeat(line, 2000)))
	var log bytes.Buffer
	sum, err := pipeline.Run(context.Background(), analyzer, pipeline.Config{
		Inputs: []string{in}, Out: t.TempDir(), Workers: 1, RunID: "dups",
		Log: slog.New(slog.NewTextHandler(&log, nil)),
	})
	if err != nil {
		t.Fatal(err)
	}
	if sum.Failed != 1999 {
		t.Errorf("%d failed; want 1999 duplicates", sum.Failed)
	}
	if n := strings.Count(log.String(), "\n"); n > 12 {
		t.Errorf("%d log lines for 1999 duplicates; want a few", n)
	}
	if !strings.Contains(log.String(), "rows=1994") {
		t.Errorf("log does not count the rows it did not print:\n%s", log.String())
	}
}

// TestManifestModeAndStaleTemp checks that manifests are as readable as the
// data files and that a temporary manifest a killed run left is removed.
func TestManifestModeAndStaleTemp(t *testing.T) {
	dir, out := t.TempDir(), t.TempDir()
	os.MkdirAll(filepath.Join(out, "_runs"), 0o755)
	stale := filepath.Join(out, "_runs", ".tmp-123456")
	os.WriteFile(stale, []byte("{"), 0o600)
	runInto(t, out, "modes", false, corpus(t, dir, 2, ""))
	if _, err := os.Stat(stale); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("stale %s still there (%v)", stale, err)
	}
	manifest := must(os.Stat(filepath.Join(out, "_runs", "modes.json")))
	parts := must(filepath.Glob(filepath.Join(out, "articles", "*", "*.parquet")))
	data := must(os.Stat(parts[0]))
	if manifest.Mode().Perm() != data.Mode().Perm() || manifest.Mode().Perm()&0o044 == 0 {
		t.Errorf("manifest mode %v, data file mode %v; want the same, readable by others", manifest.Mode().Perm(), data.Mode().Perm())
	}
}

// TestLockFailureSaysWhat checks that a lock that fails for another reason
// than a running run says what failed, not "wait for it to finish", and
// that a running run is still reported as one.
func TestLockFailureSaysWhat(t *testing.T) {
	tests := []struct {
		name    string
		prepare func(out string) (root string)
		want    string // substring of the error
		wait    bool   // whether the error may say "wait for it"
	}{
		{"lock file a directory", func(out string) string {
			os.Mkdir(filepath.Join(out, ".lock"), 0o755) // the lock file cannot be opened
			return out
		}, "is a directory", false},
		{"output a file", func(out string) string {
			f := filepath.Join(out, "file")
			os.WriteFile(f, nil, 0o644)
			return f
		}, "not a directory", false},
		{"another run", func(out string) string {
			unlock, err := lake.Lock(out)
			if err != nil {
				t.Fatal(err)
			}
			t.Cleanup(unlock)
			return out
		}, "lock", true},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			root := tc.prepare(t.TempDir())
			_, err := pipeline.Run(context.Background(), analyzer, pipeline.Config{Out: root, RunID: "lock"})
			if err == nil || !strings.Contains(err.Error(), tc.want) || strings.Contains(err.Error(), "wait for it") != tc.wait {
				t.Errorf("Run = %v; want an error saying %q (and \"wait for it\" %v)", err, tc.want, tc.wait)
			}
		})
	}
}

// slow is an extractor that works for 3 s on articles that ask for it,
// checking between steps whether it should stop, as the real ones do
// between sentences.
type slow struct{}

func (slow) Extract(d *extractors.Doc) error {
	if strings.Contains(d.Article.Text, "SLOW") {
		for end := time.Now().Add(3 * time.Second); time.Now().Before(end); time.Sleep(5 * time.Millisecond) {
			if err := d.Err(); err != nil {
				return err
			}
		}
	}
	return nil
}

// stubborn is an extractor that never checks whether it should stop: it
// sleeps 300 ms on every article and counts how many of its calls run at once.
type stubborn struct{ running, most *atomic.Int32 }

func (x stubborn) Extract(*extractors.Doc) error {
	n := x.running.Add(1)
	for m := x.most.Load(); n > m && !x.most.CompareAndSwap(m, n); m = x.most.Load() {
	}
	time.Sleep(300 * time.Millisecond)
	x.running.Add(-1)
	return nil
}

// TestAbandonedAnalysesBounded gives every article a budget far below its
// analysis: each becomes an errors row, at most one analysis per worker runs
// past its budget besides the workers' own, and none runs on once Run returns.
func TestAbandonedAnalysesBounded(t *testing.T) {
	seg, err := segment.New()
	if err != nil {
		t.Fatal(err)
	}
	var running, most atomic.Int32
	an := stages.NewAnalyzerWith(seg, stubborn{&running, &most})
	dir := t.TempDir()
	var lines strings.Builder
	for i := range 8 {
		fmt.Fprintf(&lines, `{"id":"s%d","text":"Chad agreed."}`+"\n", i)
	}
	in := writeFile(t, dir, "s.jsonl", []byte(lines.String()))
	const workers = 2
	sum, err := pipeline.Run(context.Background(), an, pipeline.Config{
		Inputs: []string{in}, Out: t.TempDir(), Workers: workers, RunID: "stubborn", ArticleTimeout: 20 * time.Millisecond,
	})
	if err != nil {
		t.Fatal(err)
	}
	if n := running.Load(); n != 0 {
		t.Errorf("%d analyses still running after Run returned; want 0", n)
	}
	if m := most.Load(); m > 2*workers {
		t.Errorf("%d analyses ran at once with %d workers; want at most %d", m, workers, 2*workers)
	}
	if sum.Failed != 8 {
		t.Errorf("%d articles failed; want all 8 over their budget", sum.Failed)
	}
}

// TestTimedOutAnalysisStops checks that an analysis over its budget stops
// at its next check, not when its work is done.
func TestTimedOutAnalysisStops(t *testing.T) {
	seg, err := segment.New()
	if err != nil {
		t.Fatal(err)
	}
	an := stages.NewAnalyzerWith(seg, slow{})
	ctx, cancel := context.WithTimeout(context.Background(), 50*time.Millisecond)
	defer cancel()
	start := time.Now()
	_, err = an.AnalyzeContext(ctx, models.Article{ArticleID: "s", Text: "SLOW text."})
	if !errors.Is(err, context.DeadlineExceeded) {
		t.Errorf("AnalyzeContext over budget = %v; want %v", err, context.DeadlineExceeded)
	}
	if d := time.Since(start); d > 2*time.Second {
		t.Errorf("AnalyzeContext over budget returned after %s; the extractor should have stopped", d)
	}
}

// TestArticleTimeout checks that an article over its time budget becomes an
// errors row and does not stall the articles after it.
func TestArticleTimeout(t *testing.T) {
	seg, err := segment.New()
	if err != nil {
		t.Fatal(err)
	}
	an := stages.NewAnalyzerWith(seg, slow{})
	dir := t.TempDir()
	in := writeFile(t, dir, "t.jsonl", []byte(`{"id":"t1","text":"Chad agreed."}`+"\n"+
		`{"id":"t2","text":"SLOW text."}`+"\n"+`{"id":"t3","text":"Mali agreed."}`+"\n"))
	out := t.TempDir()
	start := time.Now()
	sum, err := pipeline.Run(context.Background(), an, pipeline.Config{
		Inputs: []string{in}, Out: out, Workers: 1, RunID: "budget", ArticleTimeout: 200 * time.Millisecond,
	})
	if err != nil {
		t.Fatal(err)
	}
	if d := time.Since(start); d > 2500*time.Millisecond {
		t.Errorf("run took %s; the slow article should have been cut at its budget", d)
	}
	msgs, _ := errorRows(t, out)
	if sum.Articles != 2 || sum.Failed != 1 || len(msgs) != 1 || !strings.Contains(msgs[0], sources.ErrTimeout.Error()) {
		t.Errorf("%d articles, %d failed, errors %q; want 2, 1 and a time budget row", sum.Articles, sum.Failed, msgs)
	}
}
