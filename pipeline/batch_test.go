package pipeline_test

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/communique/communique/lake"
	"github.com/communique/communique/pipeline"
	"github.com/communique/communique/stages"
)

// corpus writes n small JSONL articles built from gold sentences and returns the file.
func corpus(t *testing.T, dir string, n int, variant string) string {
	t.Helper()
	var b strings.Builder
	for i := range n {
		text := fmt.Sprintf("Ministers meet %d%s\n\nRussia pledged to provide assistance to Tajikistan. The CSTO called on the Taliban to refrain from armed confrontation. Kazakhstan expressed concern about the situation in Afghanistan.", i, variant)
		j, _ := json.Marshal(map[string]string{"id": fmt.Sprintf("a%05d", i), "title": "t", "published": "2024-01-02", "text": text})
		b.Write(j)
		b.WriteByte('\n')
	}
	p := filepath.Join(dir, "corpus.jsonl")
	if err := os.WriteFile(p, []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

func runInto(t *testing.T, out, runID string, reprocess bool, inputs ...string) pipeline.Summary {
	t.Helper()
	sum, err := pipeline.Run(context.Background(), analyzer, pipeline.Config{
		Inputs: inputs, Out: out, Workers: 2, RunID: runID, Reprocess: reprocess,
	})
	if err != nil {
		t.Fatalf("Run %s = %v", runID, err)
	}
	return sum
}

// articleIDs counts the rows per article id of the live articles files.
func articleIDs(t *testing.T, out string) map[string]int {
	t.Helper()
	return idsOf(t, out, lake.CommittedFiles)
}

// historyIDs counts the rows per article id of the replaced articles files.
func historyIDs(t *testing.T, out string) map[string]int {
	t.Helper()
	return idsOf(t, out, lake.HistoryFiles)
}

// idsOf counts the rows per article id of the articles files list names.
func idsOf(t *testing.T, out string, list func(ctx context.Context, out, table string) ([]string, error)) map[string]int {
	t.Helper()
	files, err := list(context.Background(), out, lake.TableArticles)
	if err != nil {
		t.Fatal(err)
	}
	ids := map[string]int{}
	for _, f := range files {
		tbl := readTableDir(t, filepath.Dir(f), filepath.Base(f))
		for _, id := range column(t, tbl, "article_id") {
			ids[id]++
		}
	}
	return ids
}

// checkOneVersion reads every table as a glob reader does, through
// out/<table>/**/*.parquet, and checks that it holds n articles, each in
// one version: one content hash in articles, one run id in every table.
func checkOneVersion(t *testing.T, out string, n int) {
	t.Helper()
	runOf := map[string]string{} // article id → run id of its articles row
	for _, table := range lake.Tables {
		files, err := filepath.Glob(filepath.Join(out, table, "ingest_date=*", "*.parquet"))
		if err != nil || len(files) == 0 {
			t.Fatalf("glob %s: %d files, %v", table, len(files), err)
		}
		rows := 0
		for _, f := range files {
			tbl := readTableDir(t, filepath.Dir(f), filepath.Base(f))
			ids, runs := column(t, tbl, "article_id"), column(t, tbl, "run_id")
			for i, id := range ids {
				if id == "" {
					continue
				}
				switch {
				case table == lake.TableArticles:
					if _, dup := runOf[id]; dup {
						t.Errorf("glob read: article %s twice in articles", id)
					}
					runOf[id] = runs[i]
				case table != lake.TableErrors && runOf[id] != runs[i]:
					t.Errorf("glob read: %s row of article %s from run %s; its article is from run %q", table, id, runs[i], runOf[id])
				}
				rows++
			}
		}
		if table == lake.TableArticles && rows != n {
			t.Errorf("glob read: %d articles rows; want %d, one per article", rows, n)
		}
	}
}

func TestIncrementalRuns(t *testing.T) {
	dir, out := t.TempDir(), t.TempDir()
	in := corpus(t, dir, 20, "")
	first := runInto(t, out, "run-1", false, in)
	if first.Articles != 20 {
		t.Fatalf("first run: %d articles; want 20", first.Articles)
	}
	again := runInto(t, out, "run-2", false, in)
	if again.Articles != 0 || again.Counts[lake.TableEntities] != 0 {
		t.Errorf("rerun over the same input: %d articles, %d entities; want 0, 0", again.Articles, again.Counts[lake.TableEntities])
	}
	// Change three articles: only they are processed again.
	b, _ := os.ReadFile(in)
	lines := strings.Split(string(b), "\n")
	for _, i := range []int{1, 5, 7} {
		lines[i] = strings.Replace(lines[i], "Kazakhstan", "Kyrgyzstan", 1)
	}
	os.WriteFile(in, []byte(strings.Join(lines, "\n")), 0o644)
	changed := runInto(t, out, "run-3", false, in)
	if changed.Articles != 3 || changed.Skipped != 17 {
		t.Errorf("changed input: %d articles, %d skipped; want 3, 17", changed.Articles, changed.Skipped)
	}
	forced := runInto(t, out, "run-4", true, in)
	if forced.Articles != 20 {
		t.Errorf("--reprocess: %d articles; want 20", forced.Articles)
	}
	if _, err := os.Stat(filepath.Join(out, "_runs", "run-4.json")); err != nil {
		t.Errorf("manifest: %v", err)
	}
	// The live tables hold one version of every article; the replaced
	// files are kept in history, whole: run-3 replaced the file of run-1
	// (a00001's first version, a00000's only one until --reprocess) and
	// run-4 replaced run-3's file (a00001's second version) and its rewrite
	// of run-1's file (a00000 again).
	ids := articleIDs(t, out)
	if len(ids) != 20 || ids["a00001"] != 1 || ids["a00000"] != 1 {
		t.Errorf("rows per article: %d ids, a00001 ×%d, a00000 ×%d; want 20, 1, 1", len(ids), ids["a00001"], ids["a00000"])
	}
	checkOneVersion(t, out, 20)
	hist := historyIDs(t, out)
	if hist["a00001"] != 2 || hist["a00000"] != 2 {
		t.Errorf("history: a00001 ×%d, a00000 ×%d; want 2, 2", hist["a00001"], hist["a00000"])
	}
	// The same run id cannot be committed twice.
	if _, err := pipeline.Run(context.Background(), analyzer, pipeline.Config{Inputs: []string{in}, Out: out, RunID: "run-1"}); err == nil {
		t.Error("second commit of run-1 succeeded")
	}
}

func TestSecondRunRefused(t *testing.T) {
	out := t.TempDir()
	unlock, err := lake.Lock(out)
	if err != nil {
		t.Fatal(err)
	}
	defer unlock()
	_, err = pipeline.Run(context.Background(), analyzer, pipeline.Config{Out: out, RunID: "r"})
	if !errors.Is(err, lake.ErrLocked) {
		t.Fatalf("Run on a locked output = %v; want ErrLocked", err)
	}
}

func TestOrphansRemoved(t *testing.T) {
	out := t.TempDir()
	runInto(t, out, "good", false)
	orphan := filepath.Join(out, "entities", "ingest_date=2020-01-01", "part-dead-run-0.parquet")
	os.MkdirAll(filepath.Dir(orphan), 0o755)
	os.WriteFile(orphan, []byte("half"), 0o644)
	staged := filepath.Join(out, "_staging", "dead-run", "x")
	os.MkdirAll(staged, 0o755)
	runInto(t, out, "next", false)
	for _, p := range []string{orphan, staged} {
		if _, err := os.Stat(p); !errors.Is(err, os.ErrNotExist) {
			t.Errorf("%s survived the next run (%v)", p, err)
		}
	}
}

// TestKilledRunRerun kills a run with SIGKILL mid-way, reruns it and checks
// every article is present exactly once.
func TestKilledRunRerun(t *testing.T) {
	if testing.Short() {
		t.Skip("starts a child process")
	}
	dir, out := t.TempDir(), t.TempDir()
	const n = 400
	in := corpus(t, dir, n, "")
	for _, killAfter := range []int{30, 200} {
		cmd := exec.Command(os.Args[0], "-test.run=^$")
		cmd.Env = append(os.Environ(), "COMMUNIQUE_CHILD_RUN=1", "COMMUNIQUE_CHILD_OUT="+out,
			"COMMUNIQUE_CHILD_IN="+in, "COMMUNIQUE_CHILD_RUNID=killed-"+strconv.Itoa(killAfter))
		stdout, _ := cmd.StdoutPipe()
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		sc := bufio.NewScanner(stdout)
		killed := false
		for sc.Scan() {
			if k, _ := strconv.Atoi(sc.Text()); k >= killAfter {
				cmd.Process.Signal(syscall.SIGKILL)
				killed = true
				break
			}
		}
		cmd.Wait()
		if !killed {
			t.Fatalf("child finished before %d articles", killAfter)
		}
	}
	runInto(t, out, "rerun", false, in)
	ids := articleIDs(t, out)
	if len(ids) != n {
		t.Errorf("%d distinct articles after rerun; want %d", len(ids), n)
	}
	for id, k := range ids {
		if k != 1 {
			t.Errorf("article %s present %d times", id, k)
		}
	}
}

// childRun is the body of the child processes of TestKilledRunRerun,
// TestShardKilledAndRerun and BenchmarkMemory; like communique run, it sets
// the memory limit. With COMMUNIQUE_CHILD_SHARDS set it runs one shard, the
// one JOB_COMPLETION_INDEX names, as a pod of an Indexed Job would.
func childRun() {
	stages.SetMemoryLimit()
	cfg := pipeline.Config{
		Inputs: []string{os.Getenv("COMMUNIQUE_CHILD_IN")}, Out: os.Getenv("COMMUNIQUE_CHILD_OUT"),
		RunID: os.Getenv("COMMUNIQUE_CHILD_RUNID"), Workers: 2,
		Progress: func(items int, _ int64) {
			if os.Getenv("COMMUNIQUE_CHILD_QUIET") == "" {
				fmt.Println(items)
				time.Sleep(2 * time.Millisecond)
			}
		},
	}
	if w, err := strconv.Atoi(os.Getenv("COMMUNIQUE_CHILD_WORKERS")); err == nil {
		cfg.Workers = w
	}
	if n := os.Getenv("COMMUNIQUE_CHILD_SHARDS"); n != "" {
		cfg.Shards, _ = strconv.Atoi(n)
		cfg.ShardIndex, _ = strconv.Atoi(os.Getenv("JOB_COMPLETION_INDEX"))
	}
	if _, err := pipeline.Run(context.Background(), analyzer, cfg); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	if os.Getenv("COMMUNIQUE_CHILD_QUIET") != "" {
		// What stays live after the run: flat if nothing leaks per article.
		runtime.GC()
		var ms runtime.MemStats
		runtime.ReadMemStats(&ms)
		fmt.Printf("live-heap-bytes %d\n", ms.HeapAlloc)
	}
	os.Exit(0)
}

// TestRunRecordsBadInput checks that bad input becomes error rows and the run goes on.
func TestRunRecordsBadInput(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, dir, "a.jsonl", []byte(`{"id":"ok","text":"Russia pledged aid to Tajikistan."}`+"\n{bad\n"+"{\"id\":\"u\",\"text\":\"Iran \xff\xfe said.\"}\n"))
	writeFile(t, dir, "b.txt", []byte("\x00\x01\x02"))
	missing := filepath.Join(dir, "missing.txt")
	out, sum := run(t, 2, dir, missing)
	if sum.Articles != 2 {
		t.Errorf("articles = %d; want 2 (the valid one and the repaired one)", sum.Articles)
	}
	// malformed line, binary file, missing file, repaired UTF-8
	if got := sum.Counts[lake.TableErrors]; got != 4 {
		t.Errorf("error rows = %d; want 4", got)
	}
	// The missing file's row names it in source, as the user gave it.
	tbl := readTable(t, out, lake.TableErrors)
	srcs, msgs := column(t, tbl, "source"), column(t, tbl, "error")
	found := false
	for i := range srcs {
		if srcs[i] == missing {
			found = strings.Contains(msgs[i], "no such file")
		}
	}
	if !found {
		t.Errorf("errors rows: sources %q, errors %q; want a row with source %q saying no such file", srcs, msgs, missing)
	}
}

func writeFile(t *testing.T, dir, name string, b []byte) string {
	t.Helper()
	p := filepath.Join(dir, name)
	if err := os.WriteFile(p, b, 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}
