package pipeline_test

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"

	"github.com/communique/communique/lake"
	"github.com/communique/communique/pipeline"
	"github.com/communique/communique/sources"
)

func TestAssignShards(t *testing.T) {
	files := func(sizes ...int64) []sources.InputFile {
		var fs []sources.InputFile
		for i, s := range sizes {
			fs = append(fs, sources.InputFile{Name: fmt.Sprintf("f%d", i), Size: s})
		}
		return fs
	}
	for _, tc := range []struct {
		name   string
		files  []sources.InputFile
		shards int
		want   []int
	}{
		{"one shard", files(5, 1, 9), 1, []int{0, 0, 0}},
		{"largest first, to the lightest", files(10, 7, 6, 3, 1), 2, []int{0, 1, 1, 0, 0}},
		{"ties by name, then by shard index", files(4, 4, 4, 4), 3, []int{0, 1, 2, 0}},
		{"fewer files than shards", files(2, 1), 4, []int{0, 1}},
		{"no files", nil, 3, []int{}},
		{"empty files spread over shards", files(0, 0, 0), 2, []int{0, 1, 0}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := sources.AssignShards(tc.files, tc.shards)
			if !slices.Equal(got, tc.want) {
				t.Errorf("AssignShards(%v, %d) = %v; want %v", tc.files, tc.shards, got, tc.want)
			}
			// The same list in another order gets the same assignment.
			rev := slices.Clone(tc.files)
			slices.Reverse(rev)
			again := sources.AssignShards(rev, tc.shards)
			slices.Reverse(again)
			if !slices.Equal(again, tc.want) {
				t.Errorf("AssignShards of the reversed list = %v; want %v reversed", again, tc.want)
			}
		})
	}
}

// TestAssignShardsBalance: on many files of random sizes the heaviest and
// the lightest shard differ by at most one file's size, and every shard
// gets files.
func TestAssignShardsBalance(t *testing.T) {
	rng := rand.New(rand.NewPCG(7, 8))
	var files []sources.InputFile
	var largest int64
	for i := range 5000 {
		size := rng.Int64N(1 << 30)
		largest = max(largest, size)
		files = append(files, sources.InputFile{Name: fmt.Sprintf("f%05d", i), Size: size})
	}
	for _, shards := range []int{7, 64, 1000} {
		load := make([]int64, shards)
		count := make([]int, shards)
		for i, s := range sources.AssignShards(files, shards) {
			load[s] += files[i].Size
			count[s]++
		}
		if d := slices.Max(load) - slices.Min(load); d > largest {
			t.Errorf("%d shards: loads differ by %d bytes; want at most the largest file, %d", shards, d, largest)
		}
		if slices.Min(count) == 0 {
			t.Errorf("%d shards: a shard got no file", shards)
		}
	}
}

func ExampleAssignShards() {
	files := []sources.InputFile{
		{Name: "feeds/a.jsonl", Size: 900}, {Name: "feeds/b.jsonl", Size: 500},
		{Name: "feeds/c.jsonl", Size: 400}, {Name: "feeds/d.jsonl", Size: 100},
	}
	for i, s := range sources.AssignShards(files, 2) {
		fmt.Println(files[i].Name, "→ shard", s)
	}
	// Output:
	// feeds/a.jsonl → shard 0
	// feeds/b.jsonl → shard 1
	// feeds/c.jsonl → shard 1
	// feeds/d.jsonl → shard 0
}

// shardCorpus writes a directory of inputs of different sizes, with
// distinct article ids, a malformed line and a text file, and returns it.
func shardCorpus(t *testing.T, dir string) string {
	t.Helper()
	in := filepath.Join(dir, "in")
	os.MkdirAll(in, 0o755)
	for f, n := range []int{14, 3, 9, 6, 11, 2} {
		var b strings.Builder
		for i := range n {
			text := fmt.Sprintf("Talks %d in file %d\n\nRussia pledged to provide assistance to Tajikistan. The CSTO called on the Taliban to refrain from armed confrontation. Kazakhstan expressed concern about the situation in Afghanistan.", i, f)
			j, _ := json.Marshal(map[string]string{"id": fmt.Sprintf("f%d-%03d", f, i), "published": "2024-01-02", "text": text})
			b.Write(j)
			b.WriteByte('\n')
			if f == 2 && i == 4 {
				b.WriteString("{not json\n")
			}
		}
		os.WriteFile(filepath.Join(in, fmt.Sprintf("feed-%d.jsonl", f)), []byte(b.String()), 0o644)
	}
	os.WriteFile(filepath.Join(in, "note.txt"), []byte("Ministers meet\n\nChina welcomed the agreement between Armenia and Azerbaijan."), 0o644)
	return in
}

// runShards runs every shard of a run as a child process of the test
// binary, with JOB_COMPLETION_INDEX set as Kubernetes sets it, at most two at
// a time.
func runShards(t *testing.T, out, in, runID string, shards int) {
	t.Helper()
	sem := make(chan struct{}, 2)
	var wg sync.WaitGroup
	for i := range shards {
		wg.Go(func() {
			sem <- struct{}{}
			defer func() { <-sem }()
			if b, err := shardChild(out, in, runID, shards, i, "1").CombinedOutput(); err != nil {
				t.Errorf("shard %d: %v\n%s", i, err, b)
			}
		})
	}
	wg.Wait()
}

// shardChild returns the command that runs one shard in a child process.
func shardChild(out, in, runID string, shards, index int, quiet string) *exec.Cmd {
	cmd := exec.Command(os.Args[0], "-test.run=^$")
	cmd.Env = append(os.Environ(), "COMMUNIQUE_CHILD_RUN=1", "COMMUNIQUE_CHILD_OUT="+out, "COMMUNIQUE_CHILD_IN="+in,
		"COMMUNIQUE_CHILD_RUNID="+runID, "COMMUNIQUE_CHILD_SHARDS="+strconv.Itoa(shards),
		"JOB_COMPLETION_INDEX="+strconv.Itoa(index), "COMMUNIQUE_CHILD_WORKERS=1", "COMMUNIQUE_CHILD_QUIET="+quiet)
	return cmd
}

func commit(t *testing.T, out, runID string, shards int) lake.CommitSummary {
	t.Helper()
	sum, err := lake.Commit(context.Background(), lake.CommitConfig{Out: out, RunID: runID, Shards: shards})
	if err != nil {
		t.Fatalf("Commit(%s, %d shards) = %v", runID, shards, err)
	}
	return sum
}

// committedRows returns the rows of every committed file, table by table,
// as sorted JSON lines, without the columns named in drop.
func committedRows(t *testing.T, out string, drop ...string) map[string][]string {
	t.Helper()
	rows := map[string][]string{}
	for _, table := range lake.Tables {
		files, err := lake.CommittedFiles(context.Background(), out, table)
		if err != nil {
			t.Fatal(err)
		}
		rows[table] = fileRows(t, files, drop...)
	}
	return rows
}

// fileRows returns the rows of local Parquet files as sorted JSON lines.
func fileRows(t *testing.T, files []string, drop ...string) []string {
	t.Helper()
	var rows []string
	for _, f := range files {
		tbl, _ := readFile(t, f)
		for _, r := range rowsOf(t, tbl) {
			for _, c := range drop {
				delete(r, c)
			}
			b, _ := json.Marshal(r)
			rows = append(rows, string(b))
		}
	}
	sort.Strings(rows)
	return rows
}

// TestShardsEqualOneProcess runs three shards as child processes, two at a
// time, commits, and compares the rows with one process's run of the same
// input: the same, row for row.
func TestShardsEqualOneProcess(t *testing.T) {
	if testing.Short() {
		t.Skip("starts child processes")
	}
	dir := t.TempDir()
	in := shardCorpus(t, dir)
	one, sharded := filepath.Join(dir, "one"), filepath.Join(dir, "sharded")
	runInto(t, one, "r", false, in)
	runShards(t, sharded, in, "r", 3)
	sum := commit(t, sharded, "r", 3)
	if !sum.Published || sum.Manifest.Shards != 3 || sum.Manifest.Articles != 46 {
		t.Errorf("commit: published %v, %d shards, %d articles; want true, 3, 46", sum.Published, sum.Manifest.Shards, sum.Manifest.Articles)
	}
	want, got := committedRows(t, one), committedRows(t, sharded)
	for _, table := range lake.Tables {
		if len(want[table]) == 0 && table != lake.TableErrors {
			t.Errorf("%s: no rows in the one-process run", table)
		}
		if !slices.Equal(got[table], want[table]) {
			t.Errorf("%s: %d rows from 3 shards, %d from one process; they differ", table, len(got[table]), len(want[table]))
		}
	}
	if len(want[lake.TableErrors]) != 1 {
		t.Errorf("errors: %d rows; want 1 (the malformed line)", len(want[lake.TableErrors]))
	}
	// Each shard named its files by run and shard.
	files, _ := lake.CommittedFiles(context.Background(), sharded, lake.TableArticles)
	for i, f := range files {
		if want := fmt.Sprintf("part-r-%d.parquet", i); filepath.Base(f) != want {
			t.Errorf("articles file %d = %s; want %s", i, f, want)
		}
	}
}

// TestShardKilledAndRerun kills one shard with SIGKILL mid-run: commit
// refuses until its rerun completes, and then every article is present
// exactly once. A second commit publishes nothing new.
func TestShardKilledAndRerun(t *testing.T) {
	if testing.Short() {
		t.Skip("starts child processes")
	}
	dir := t.TempDir()
	in := filepath.Join(dir, "in")
	os.MkdirAll(in, 0o755)
	for f := range 4 {
		p := corpus(t, dir, 60, fmt.Sprint(f))
		b, _ := os.ReadFile(p)
		os.WriteFile(filepath.Join(in, fmt.Sprintf("f%d.jsonl", f)), []byte(strings.ReplaceAll(string(b), `"id":"a`, fmt.Sprintf(`"id":"f%d-`, f))), 0o644)
	}
	out := filepath.Join(dir, "out")

	_, err := lake.Commit(context.Background(), lake.CommitConfig{Out: out, RunID: "k", Shards: 2})
	if !errors.Is(err, lake.ErrShardsIncomplete) || !strings.Contains(err.Error(), "shard 0 has not started") {
		t.Errorf("commit before any shard = %v; want ErrShardsIncomplete naming shard 0", err)
	}

	// Shard 1 is killed after 20 of its 120 articles.
	cmd := shardChild(out, in, "k", 2, 1, "")
	stdout, _ := cmd.StdoutPipe()
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	sc := bufio.NewScanner(stdout)
	killed := false
	for sc.Scan() {
		if k, _ := strconv.Atoi(sc.Text()); k >= 20 {
			cmd.Process.Signal(syscall.SIGKILL)
			killed = true
			break
		}
	}
	cmd.Wait()
	if !killed {
		t.Fatal("shard 1 finished before it was killed")
	}
	if b, err := shardChild(out, in, "k", 2, 0, "1").CombinedOutput(); err != nil {
		t.Fatalf("shard 0: %v\n%s", err, b)
	}
	_, err = lake.Commit(context.Background(), lake.CommitConfig{Out: out, RunID: "k", Shards: 2})
	if !errors.Is(err, lake.ErrShardsIncomplete) || !strings.Contains(err.Error(), "shard 1 started") {
		t.Fatalf("commit with shard 1 killed = %v; want ErrShardsIncomplete naming shard 1", err)
	}
	if _, err := os.Stat(filepath.Join(out, "_runs", "k.json")); !errors.Is(err, os.ErrNotExist) {
		t.Fatalf("a refused commit left a run manifest (%v)", err)
	}
	// The retry of shard 1 completes; the commit publishes the run.
	if b, err := shardChild(out, in, "k", 2, 1, "1").CombinedOutput(); err != nil {
		t.Fatalf("shard 1 rerun: %v\n%s", err, b)
	}
	first := commit(t, out, "k", 2)
	if !first.Published {
		t.Fatal("commit after the rerun published nothing")
	}
	ids := articleIDs(t, out)
	if len(ids) != 240 {
		t.Errorf("%d distinct articles; want 240", len(ids))
	}
	for id, k := range ids {
		if k != 1 {
			t.Errorf("article %s present %d times", id, k)
		}
	}
	second := commit(t, out, "k", 2)
	if second.Published || second.Manifest.Finished != first.Manifest.Finished {
		t.Errorf("second commit: published %v, manifest of %s; want nothing new (%s)", second.Published, second.Manifest.Finished, first.Manifest.Finished)
	}
	// Every part file on disk is listed in the manifest: the killed attempt left nothing.
	onDisk, _ := filepath.Glob(filepath.Join(out, "*", "ingest_date=*", "*.parquet"))
	if len(onDisk) != len(first.Manifest.Files) {
		t.Errorf("%d part files on disk, %d committed", len(onDisk), len(first.Manifest.Files))
	}
}

// shardRun runs one shard in this process.
func shardRun(t *testing.T, out, runID string, shards, index int, inputs ...string) pipeline.Summary {
	t.Helper()
	sum, err := pipeline.Run(context.Background(), analyzer, pipeline.Config{
		Inputs: inputs, Out: out, Workers: 2, RunID: runID, Shards: shards, ShardIndex: index,
	})
	if err != nil {
		t.Fatalf("Run shard %d/%d of %s = %v", index, shards, runID, err)
	}
	return sum
}

// TestShardFilesKept checks what cleans up what: a shard's rerun replaces
// its own files only, never a sibling's; a run without shards keeps the
// files of finished shards waiting for their commit and removes those of
// dead ones.
func TestShardFilesKept(t *testing.T) {
	dir := t.TempDir()
	in := shardCorpus(t, dir)
	out := filepath.Join(dir, "out")
	shardRun(t, out, "s", 3, 0, in)
	shardRun(t, out, "s", 3, 1, in)
	shard0 := partFiles(t, out, "part-s-0.parquet")
	if len(shard0) != len(lake.Tables) {
		t.Fatalf("shard 0 wrote %d files; want %d", len(shard0), len(lake.Tables))
	}
	stat0 := modTimes(t, shard0)

	// Shard 1 again, before the commit: it replaces its own files.
	shardRun(t, out, "s", 3, 1, in)
	if got := modTimes(t, shard0); !maps(got, stat0) {
		t.Error("rerunning shard 1 touched shard 0's files")
	}
	// A dead run's file, and a file of shard 2 that died before its manifest.
	dead := filepath.Join(out, "entities", "ingest_date=2020-01-01", "part-dead-0.parquet")
	os.MkdirAll(filepath.Dir(dead), 0o755)
	os.WriteFile(dead, []byte("half"), 0o644)
	died := filepath.Join(out, "entities", "ingest_date=2020-01-01", "part-s-2.parquet")
	os.WriteFile(died, []byte("half"), 0o644)
	// A run without shards meanwhile: it cleans up, but keeps shard 0 and 1's files.
	other := filepath.Join(dir, "other.txt")
	os.WriteFile(other, []byte("Other news\n\nFrance welcomed the talks."), 0o644)
	runInto(t, out, "other", false, other)
	for _, p := range []string{dead, died} {
		if _, err := os.Stat(p); !errors.Is(err, os.ErrNotExist) {
			t.Errorf("%s survived (%v)", p, err)
		}
	}
	if got := modTimes(t, shard0); !maps(got, stat0) {
		t.Error("a run without shards removed or changed shard 0's files")
	}
	shardRun(t, out, "s", 3, 2, in)
	sum := commit(t, out, "s", 3)
	// A file per shard and table, but one of the errors table: no shard
	// found an error, and the commit keeps one empty file per table.
	if want := 3*(len(lake.Tables)-1) + 1; len(sum.Manifest.Files) != want || sum.Manifest.Articles != 46 {
		t.Errorf("commit: %d files, %d articles; want %d, 46", len(sum.Manifest.Files), sum.Manifest.Articles, want)
	}
	ids := articleIDs(t, out)
	if len(ids) != 47 {
		t.Errorf("%d distinct articles; want 47", len(ids))
	}
	for id, k := range ids {
		if k != 1 {
			t.Errorf("article %s present %d times", id, k)
		}
	}
	// The run is committed: its shards refuse to run again.
	if _, err := pipeline.Run(context.Background(), analyzer, pipeline.Config{Inputs: []string{in}, Out: out, RunID: "s", Shards: 3}); err == nil {
		t.Error("a shard of a committed run ran again")
	}
}

// partFiles returns the files of finished shards waiting for their commit.
func partFiles(t *testing.T, out, name string) []string {
	t.Helper()
	m, _ := filepath.Glob(filepath.Join(out, "_pending", "*", "ingest_date=*", name))
	return m
}

func modTimes(t *testing.T, paths []string) map[string]int64 {
	t.Helper()
	m := map[string]int64{}
	for _, p := range paths {
		st, err := os.Stat(p)
		if err != nil {
			continue
		}
		m[p] = st.ModTime().UnixNano() ^ st.Size()<<1
	}
	return m
}

func maps(a, b map[string]int64) bool {
	if len(a) != len(b) {
		return false
	}
	for k, v := range a {
		if b[k] != v {
			return false
		}
	}
	return true
}

// TestIncrementalAcrossShards: a second sharded run over the same inputs
// skips every committed article; a changed article is processed again.
func TestIncrementalAcrossShards(t *testing.T) {
	dir := t.TempDir()
	in := shardCorpus(t, dir)
	out := filepath.Join(dir, "out")
	for i := range 2 {
		shardRun(t, out, "r1", 2, i, in)
	}
	commit(t, out, "r1", 2)
	// Change one article of feed-4.jsonl.
	p := filepath.Join(in, "feed-4.jsonl")
	b, _ := os.ReadFile(p)
	os.WriteFile(p, []byte(strings.Replace(string(b), "Talks 3 in file 4", "Talks 3 in file 4, again", 1)), 0o644)
	var articles, skipped int
	for i := range 2 {
		s := shardRun(t, out, "r2", 2, i, in)
		articles += s.Articles
		skipped += s.Skipped
	}
	m := commit(t, out, "r2", 2).Manifest
	if articles != 1 || skipped != 10 || m.Articles != 1 {
		t.Errorf("second run: %d articles, %d skipped, %d committed; want 1, 10 (the rest of feed-4), 1", articles, skipped, m.Articles)
	}
	unchanged := 0
	for _, in := range m.Inputs {
		if in.Unchanged {
			unchanged++
		}
	}
	if unchanged != 6 {
		t.Errorf("%d input files skipped unread; want 6", unchanged)
	}
	// The live tables hold the new version only; the old one is in history.
	ids := articleIDs(t, out)
	if len(ids) != 46 || ids["f4-003"] != 1 {
		t.Errorf("%d articles, f4-003 ×%d; want 46, 1 (the new version only)", len(ids), ids["f4-003"])
	}
	checkOneVersion(t, out, 46)
	hist := historyIDs(t, out)
	if hist["f4-003"] != 1 {
		t.Errorf("history: f4-003 ×%d; want 1 (the old version)", hist["f4-003"])
	}
}

// TestCommitChecks: commit refuses shards that disagree.
func TestCommitChecks(t *testing.T) {
	dir := t.TempDir()
	in := shardCorpus(t, dir)
	out := filepath.Join(dir, "out")
	shardRun(t, out, "c", 2, 0, in)
	// The inputs change before shard 1 lists them.
	os.WriteFile(filepath.Join(in, "late.txt"), []byte("Late news\n\nFrance welcomed the talks."), 0o644)
	shardRun(t, out, "c", 2, 1, in)
	// Run d: two shards of 2 and one of 3.
	shardRun(t, out, "d", 2, 0, in)
	shardRun(t, out, "d", 2, 1, in)
	shardRun(t, out, "d", 3, 2, in)
	for _, tc := range []struct {
		run    string
		shards int
		want   string
	}{
		{"c", 2, "different input lists"},
		{"c", 3, "shard 0 ran as one of 2 shards, not 3"},
		{"d", 2, "it was run with more than 2 shards"},
		{"e", 2, "2 of 2 shards not complete (shard 0 has not started; shard 1 has not started)"},
	} {
		_, err := lake.Commit(context.Background(), lake.CommitConfig{Out: out, RunID: tc.run, Shards: tc.shards})
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("Commit(%s, %d shards) = %v; want %q", tc.run, tc.shards, err, tc.want)
		}
	}
	if _, err := pipeline.Run(context.Background(), analyzer, pipeline.Config{Inputs: []string{in}, Out: out, RunID: "c", Shards: 3, ShardIndex: 1}); err == nil || !strings.Contains(err.Error(), "started with 2 shards") {
		t.Errorf("shard of 3 of a run started with 2 = %v; want a refusal", err)
	}
	for _, cfg := range []pipeline.Config{
		{Shards: 2, ShardIndex: 2, RunID: "x", Inputs: []string{in}},
		{Shards: 2, Inputs: []string{in}},
		{Shards: 2, RunID: "x"},
		{Shards: 2, RunID: "x", Inputs: []string{"-"}},
		{Shards: -1},
		{ShardIndex: 1},
	} {
		if err := cfg.Validate(); err == nil {
			t.Errorf("Validate(%+v) = nil; want an error", cfg)
		}
	}
}

// A sharded run: every shard (here in turn; in production each in its own
// pod) processes its share of the inputs, then Commit publishes the run.
func ExampleCommit() {
	dir, _ := os.MkdirTemp("", "communique-example")
	defer os.RemoveAll(dir)
	for i, text := range []string{
		"Russia pledged to provide assistance to Tajikistan.",
		"Kazakhstan expressed concern about the situation in Afghanistan.",
	} {
		os.WriteFile(filepath.Join(dir, fmt.Sprintf("article-%d.txt", i)), []byte("Talks\n\n"+text), 0o644)
	}
	out := filepath.Join(dir, "out")
	for shard := range 2 {
		sum, err := pipeline.Run(context.Background(), analyzer, pipeline.Config{
			Inputs: []string{dir}, Out: out, RunID: "2026-11-23", Shards: 2, ShardIndex: shard, Workers: 1,
		})
		if err != nil {
			fmt.Println(err)
			return
		}
		fmt.Printf("shard %d: %d article\n", shard, sum.Articles)
	}
	sum, err := lake.Commit(context.Background(), lake.CommitConfig{Out: out, RunID: "2026-11-23", Shards: 2})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Printf("published %v: %d articles, %d files\n", sum.Published, sum.Manifest.Articles, len(sum.Manifest.Files))
	files, _ := lake.CommittedFiles(context.Background(), out, lake.TableArticles)
	for _, f := range files {
		rel, _ := filepath.Rel(out, f)
		fmt.Println(filepath.ToSlash(filepath.Dir(filepath.Dir(rel))), filepath.Base(rel))
	}
	// Output:
	// shard 0: 1 article
	// shard 1: 1 article
	// published true: 2 articles, 9 files
	// articles part-2026-11-23-0.parquet
	// articles part-2026-11-23-1.parquet
}
