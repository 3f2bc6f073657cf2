package lake

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/communique/communique/objstore/objstoretest"
)

// TestPrune keeps the history of the last two of five runs, on local disk
// and in S3: a dry run removes nothing, then the older runs' history goes,
// the live tables and the kept history stay, the history of a run without
// a manifest stays, and on disk the snapshots a symlink points at stay
// while a leftover one goes.
func TestPrune(t *testing.T) {
	fake := objstoretest.NewFakeS3(t, "lake")
	for _, storeName := range []string{"disk", "s3"} {
		t.Run(storeName, func(t *testing.T) {
			ctx := context.Background()
			out := t.TempDir()
			if storeName == "s3" {
				out = fake.URL("lake", "prune")
			}
			for _, r := range []struct {
				run string
				ids []string
			}{{"r1", []string{"a", "b", "c"}}, {"r2", []string{"a"}}, {"r3", []string{"b"}}, {"r4", []string{"c"}}, {"r5", []string{"d"}}} {
				if err := testRun(SessionConfig{Out: out, RunID: r.run}, r.ids...); err != nil {
					t.Fatal(err)
				}
			}
			st, err := openStore(ctx, out)
			if err != nil {
				t.Fatal(err)
			}
			defer st.Close()
			if err := st.write(ctx, "_history/r6/articles/ingest_date=2026-11-23/part-r6-0.parquet", []byte("in progress")); err != nil {
				t.Fatal(err)
			}
			var pinned, leftover string
			if storeName == "disk" {
				pinned, leftover = filepath.Join(out, snapshotsDir, "r3"), filepath.Join(out, snapshotsDir, "r2")
				for _, dir := range []string{pinned, leftover} {
					if err := os.MkdirAll(dir, 0o755); err != nil {
						t.Fatal(err)
					}
				}
				if err := os.Symlink(snapshotsDir+"/r3", filepath.Join(out, "pin")); err != nil {
					t.Fatal(err)
				}
			}
			want := articles("a@r2", "b@r3", "c@r4", "d@r5")
			histRuns := func() []string {
				t.Helper()
				hist, err := HistoryFiles(ctx, out, "")
				if err != nil {
					t.Fatal(err)
				}
				var runs []string
				for _, h := range hist {
					_, rest, _ := strings.Cut(h, historyDir+"/")
					run, _, _ := strings.Cut(rest, "/")
					if !slices.Contains(runs, run) {
						runs = append(runs, run)
					}
				}
				return runs
			}
			if got := histRuns(); !slices.Equal(got, []string{"r2", "r3", "r4"}) {
				t.Fatalf("history before pruning: runs %v; want r2 r3 r4", got)
			}

			if _, err := Prune(ctx, PruneConfig{Out: out, Keep: 0}); err == nil {
				t.Errorf("Prune keeping 0 runs = nil; want an error")
			}
			for _, dry := range []bool{true, false} {
				sum, err := Prune(ctx, PruneConfig{Out: out, Keep: 2, DryRun: dry})
				if err != nil {
					t.Fatalf("Prune (dry run %v): %v", dry, err)
				}
				var pruned []string
				for _, h := range sum.History {
					pruned = append(pruned, h.RunID)
					if h.Files != len(viewTables) {
						t.Errorf("dry run %v: run %s: %d history files pruned; want %d", dry, h.RunID, h.Files, len(viewTables))
					}
				}
				if !slices.Equal(pruned, []string{"r2", "r3"}) || !slices.Equal(sum.Kept, []string{"r4", "r5"}) {
					t.Errorf("dry run %v: pruned %v, kept %v; want r2 r3 pruned, r4 r5 kept", dry, pruned, sum.Kept)
				}
				if storeName == "disk" && !slices.Equal(sum.Snapshots, []string{leftover}) {
					t.Errorf("dry run %v: snapshots pruned %v; want %s", dry, sum.Snapshots, leftover)
				}
				wantHist := []string{"r4"}
				if dry {
					wantHist = []string{"r2", "r3", "r4"}
				}
				if got := histRuns(); !slices.Equal(got, wantHist) {
					t.Errorf("dry run %v: history after pruning: runs %v; want %v", dry, got, wantHist)
				}
				if got := manifestView(t, out); !equalView(got, want) {
					t.Errorf("dry run %v: live files read %v after pruning; want %v", dry, got, want)
				}
				if _, err := st.read(ctx, "_history/r6/articles/ingest_date=2026-11-23/part-r6-0.parquet"); err != nil {
					t.Errorf("dry run %v: the history of an uncommitted run: %v", dry, err)
				}
				if storeName != "disk" {
					continue
				}
				if got := globView(t, out); !equalView(got, want) {
					t.Errorf("dry run %v: a glob reads %v after pruning; want %v", dry, got, want)
				}
				for dir, wantExists := range map[string]bool{pinned: true, leftover: dry, filepath.Join(out, snapshotsDir, "r5"): true} {
					if _, err := os.Stat(dir); (err == nil) != wantExists {
						t.Errorf("dry run %v: snapshot %s: %v; want it there %v", dry, dir, err, wantExists)
					}
				}
			}

			// A commit leaves the pinned snapshot too.
			if err := testRun(SessionConfig{Out: out, RunID: "r7"}, "e"); err != nil {
				t.Fatal(err)
			}
			if storeName == "disk" {
				if _, err := os.Stat(pinned); err != nil {
					t.Errorf("the pinned snapshot after the next commit: %v", err)
				}
			}

			// A second prune finds only r4's history, now the third last.
			sum, err := Prune(ctx, PruneConfig{Out: out, Keep: 2})
			if err != nil || len(sum.History) != 1 || sum.History[0].RunID != "r4" || len(sum.Snapshots) != 0 {
				t.Errorf("second Prune = %+v, %v; want r4's history pruned", sum, err)
			}
			if storeName == "disk" {
				unlock, err := st.lock("", false)
				if err != nil {
					t.Fatal(err)
				}
				defer unlock()
				if _, err := Prune(ctx, PruneConfig{Out: out, Keep: 1}); !errors.Is(err, ErrLocked) {
					t.Errorf("Prune while a shard holds the root = %v; want %v", err, ErrLocked)
				}
			}
		})
	}
}

// TestPruneNoOutput refuses a root that is not a directory.
func TestPruneNoOutput(t *testing.T) {
	if _, err := Prune(context.Background(), PruneConfig{Out: filepath.Join(t.TempDir(), "missing"), Keep: 1}); !errors.Is(err, ErrNoOutput) {
		t.Errorf("Prune on a missing root = %v; want %v", err, ErrNoOutput)
	}
}
