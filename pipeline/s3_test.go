package pipeline_test

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/communique/communique/lake"
	"github.com/communique/communique/objstore/objstoretest"
	"github.com/communique/communique/pipeline"
)

// inputColumns name the input: local paths in one run, URLs in the other.
var inputColumns = []string{"input_file", "source"}

// s3Rows downloads the committed files of an S3 output and returns their
// rows like committedRows.
func s3Rows(t *testing.T, s3 *objstoretest.FakeS3, out, bucket string) map[string][]string {
	t.Helper()
	dir := t.TempDir()
	rows := map[string][]string{}
	for _, table := range lake.Tables {
		files, err := lake.CommittedFiles(context.Background(), out, table)
		if err != nil {
			t.Fatal(err)
		}
		var local []string
		for i, f := range files {
			key, ok := strings.CutPrefix(f, "s3://"+bucket+"/")
			if !ok {
				t.Fatalf("committed file %s is not in s3://%s", f, bucket)
			}
			local = append(local, filepath.Join(dir, fmt.Sprintf("%s-%d.parquet", table, i)))
			os.WriteFile(local[i], s3.Get(t, bucket, key), 0o644)
		}
		rows[table] = fileRows(t, local, inputColumns...)
	}
	return rows
}

// TestS3ShardedRun reads its inputs from and writes its output to an
// in-process S3 server: two shards, a commit, the same rows as a local run;
// a shard cancelled mid-run leaves no part object and blocks the commit
// until it reruns; a second run skips every input, reading the committed
// state back from S3.
func TestS3ShardedRun(t *testing.T) {
	s3 := objstoretest.NewFakeS3(t, "raw", "lake")
	dir := t.TempDir()
	in := shardCorpus(t, dir)
	ents, _ := os.ReadDir(in)
	for _, e := range ents {
		b, _ := os.ReadFile(filepath.Join(in, e.Name()))
		s3.Put(t, "raw", "feeds/2026-11-23/"+e.Name(), b)
	}
	s3.Put(t, "raw", "feeds/2026-11-23/README.md", []byte("not an input"))
	input, out := s3.URL("raw", "feeds/2026-11-23"), s3.URL("lake", "communique")
	local := filepath.Join(dir, "local")
	runInto(t, local, "r", false, in)
	s3.Requests()

	// Shard 1 is cancelled after 5 articles, as a pod stopped by Kubernetes would be.
	ctx, cancel := context.WithCancel(context.Background())
	_, err := pipeline.Run(ctx, analyzer, pipeline.Config{Inputs: []string{input}, Out: out, RunID: "r", Workers: 2,
		Shards: 2, ShardIndex: 1, Progress: func(items int, _ int64) {
			if items == 5 {
				cancel()
			}
		}})
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("cancelled shard = %v; want context.Canceled", err)
	}
	if keys := s3.Keys(t, "lake", "communique/entities/"); len(keys) != 0 {
		t.Errorf("a cancelled shard left part objects: %v", keys)
	}
	shardRun(t, out, "r", 2, 0, input)
	if _, err := lake.Commit(context.Background(), lake.CommitConfig{Out: out, RunID: "r", Shards: 2}); !errors.Is(err, lake.ErrShardsIncomplete) {
		t.Fatalf("commit with shard 1 cancelled = %v; want ErrShardsIncomplete", err)
	}
	shardRun(t, out, "r", 2, 1, input)
	runReqs := s3.Requests()
	sum := commit(t, out, "r", 2)
	commitReqs := s3.Requests()
	if !sum.Published || sum.Manifest.Articles != 46 || len(sum.Manifest.Inputs) != 7 {
		t.Errorf("commit: published %v, %d articles, %d inputs; want true, 46, 7", sum.Published, sum.Manifest.Articles, len(sum.Manifest.Inputs))
	}
	if again := commit(t, out, "r", 2); again.Published {
		t.Error("second commit published again")
	}
	want, got := committedRows(t, local, inputColumns...), s3Rows(t, s3, out, "lake")
	for _, table := range lake.Tables {
		if !slices.Equal(got[table], want[table]) {
			t.Errorf("%s: %d rows through S3, %d locally; they differ", table, len(got[table]), len(want[table]))
		}
	}
	if keys := s3.Keys(t, "lake", "communique/_runs/"); strings.Join(keys, " ") != "communique/_runs/r.json communique/_runs/r/shard-0.json communique/_runs/r/shard-1.json" {
		t.Errorf("manifests = %v", keys)
	}

	// The next run finds every input committed, through the state it reads from S3.
	s3.Requests()
	var articles int
	for i := range 2 {
		articles += shardRun(t, out, "r2", 2, i, input).Articles
	}
	rerunReqs := s3.Requests()
	m := commit(t, out, "r2", 2).Manifest
	if articles != 0 || m.Articles != 0 {
		t.Errorf("rerun: %d articles; want 0", articles)
	}
	for _, in := range m.Inputs {
		if !in.Unchanged || !strings.HasPrefix(in.Path, "s3://raw/feeds/2026-11-23/") {
			t.Errorf("rerun input %s: unchanged %v; want an unchanged s3:// input", in.Path, in.Unchanged)
		}
	}
	t.Logf("S3 requests: two shards (one of them twice) %v, commit %v, an incremental run of two shards over committed inputs %v", runReqs, commitReqs, rerunReqs)
}
