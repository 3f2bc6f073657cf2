package lake

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/communique/communique/objstore/objstoretest"
)

// prefixView reads an output as a glob over the table prefixes of an object
// store does: every object under <table>/.
func prefixView(t *testing.T, out string) view {
	t.Helper()
	ctx := context.Background()
	st := testStore(t, out)
	rows := map[string][]idRun{}
	for _, table := range viewTables {
		keys, err := st.listTree(ctx, table+"/")
		if err != nil {
			t.Fatal(err)
		}
		for _, k := range keys {
			err := readRows(ctx, st, k, func(batch []idRun) error {
				rows[table] = append(rows[table], batch...)
				return nil
			})
			if err != nil {
				t.Fatalf("read %s: %v", k, err)
			}
		}
	}
	return viewOf(rows)
}

// keysUnder lists the objects under dir.
func keysUnder(t *testing.T, out, dir string) []string {
	t.Helper()
	keys, err := testStore(t, out).listTree(context.Background(), dir)
	if err != nil {
		t.Fatal(err)
	}
	return keys
}

// TestUncommittedObjects fails a run that replaces an article at each publish
// step in turn on S3, plain and sharded. Before its manifest the run's
// objects are in the live prefix, which a glob over it reads; then the next
// commit removes them (cleanup: "commit"), or, when that commit fails at its
// cleanup step, Prune does ("prune"). Afterwards a glob over the prefix
// reads what the manifest lists, and _history holds no uncommitted run's.
func TestUncommittedObjects(t *testing.T) {
	fake := objstoretest.NewFakeS3(t, "lake")
	for _, cleanup := range []string{"commit", "prune"} {
		for _, sharded := range []bool{false, true} {
			for _, step := range PublishSteps {
				name := fmt.Sprintf("%s/sharded=%v/%s", cleanup, sharded, step)
				t.Run(name, func(t *testing.T) {
					t.Parallel()
					ctx := context.Background()
					out := fake.URL("lake", strings.ReplaceAll(name, "/", "-"))
					if err := failR2(out, sharded, step); !errors.Is(err, errInjected) {
						t.Fatalf("publish with a fault at %s = %v; want the injected fault", step, err)
					}
					committed := step == StepSwap || step == StepCleanup
					if !committed && !strings.Contains(prefixView(t, out)[TableArticles], "d@r2") {
						t.Errorf("after a fault at %s a glob over the prefix does not see r2's objects; the test fails nothing", step)
					}

					want := articles("a@r1", "b@r1", "c@r1", "e@r3")
					if committed {
						want = articles("a@r1", "b@r2", "c@r1", "d@r2", "e@r3")
					}
					var r3Fault func(PublishStep) error
					if cleanup == "prune" {
						r3Fault = failAt(StepCleanup)
					}
					if err := testRun(SessionConfig{Out: out, RunID: "r3", Fault: r3Fault}, "e"); err != nil && !errors.Is(err, errInjected) {
						t.Fatal(err)
					}
					if cleanup == "prune" {
						dry, err := Prune(ctx, PruneConfig{Out: out, Keep: 5, DryRun: true})
						if err != nil {
							t.Fatal(err)
						}
						sum, err := Prune(ctx, PruneConfig{Out: out, Keep: 5})
						if err != nil {
							t.Fatal(err)
						}
						if committed != (len(sum.Uncommitted) == 0) || len(dry.Uncommitted) != len(sum.Uncommitted) {
							t.Errorf("prune removed %d objects of uncommitted runs (dry run: %d); want some exactly when r2 did not commit",
								len(sum.Uncommitted), len(dry.Uncommitted))
						}
					}
					if got := manifestView(t, out); !equalView(got, want) {
						t.Errorf("the manifest's live files read %v; want %v", got, want)
					}
					if got := prefixView(t, out); !equalView(got, want) {
						t.Errorf("a glob over the prefix reads %v; want %v (the manifest's)", got, want)
					}
					if hist := keysUnder(t, out, historyDir+"/r2/"); committed != (len(hist) > 0) {
						t.Errorf("history of r2: %v; want files exactly when r2 committed", hist)
					}
				})
			}
		}
	}
}

// TestUncommittedLaterRuns: a commit removes the objects of an uncommitted
// run that sorts before it, which can no longer commit, and leaves those of
// one that sorts after it (it may still be writing), which commits later.
// A run whose commit finds a later run committed since it read the
// committed runs is refused before its manifest, and its objects go with
// the next commit.
func TestUncommittedLaterRuns(t *testing.T) {
	ctx := context.Background()
	fake := objstoretest.NewFakeS3(t, "lake")
	out := fake.URL("lake", "later")
	if err := testRun(SessionConfig{Out: out, RunID: "r1"}, "a"); err != nil {
		t.Fatal(err)
	}
	for _, s := range []struct {
		run string
		id  string
	}{{"r3", "b"}, {"r9", "c"}} {
		if err := testRun(SessionConfig{Out: out, RunID: s.run, Shards: 2, ShardIndex: 0}, s.id); err != nil {
			t.Fatal(err)
		}
	}
	if err := testRun(SessionConfig{Out: out, RunID: "r5"}, "d"); err != nil {
		t.Fatal(err)
	}
	if got, want := prefixView(t, out), articles("a@r1", "c@r9", "d@r5"); !equalView(got, want) {
		t.Errorf("after r5's commit a glob over the prefix reads %v; want %v (r3's objects gone, r9's kept)", got, want)
	}
	if _, err := Commit(ctx, CommitConfig{Out: out, RunID: "r3", Shards: 1}); err == nil {
		t.Errorf("commit of r3 after r5 succeeded")
	}
	sum, err := Prune(ctx, PruneConfig{Out: out, Keep: 1})
	if err != nil || len(sum.Uncommitted) != 0 {
		t.Errorf("prune = %v, %v; want r9's objects left alone", sum.Uncommitted, err)
	}
	if err := testRun(SessionConfig{Out: out, RunID: "r9", Shards: 2, ShardIndex: 1}, "e"); err != nil {
		t.Fatal(err)
	}
	if _, err := Commit(ctx, CommitConfig{Out: out, RunID: "r9", Shards: 2}); err != nil {
		t.Fatal(err)
	}
	want := articles("a@r1", "c@r9", "d@r5", "e@r9")
	if got := manifestView(t, out); !equalView(got, want) {
		t.Errorf("after r9's commit the manifest's live files read %v; want %v", got, want)
	}

	// s10 reads the committed runs; s11 commits before s10 creates its
	// manifest.
	late := func(s PublishStep) error {
		if s == StepManifest {
			return testRun(SessionConfig{Out: out, RunID: "s11"}, "f")
		}
		return nil
	}
	if err := testRun(SessionConfig{Out: out, RunID: "s10", Fault: late}, "g"); !errors.Is(err, ErrRunIDOrder) {
		t.Fatalf("commit of s10 after s11 committed meanwhile = %v; want ErrRunIDOrder", err)
	}
	if err := testRun(SessionConfig{Out: out, RunID: "s12"}, "h"); err != nil {
		t.Fatal(err)
	}
	want = articles("a@r1", "c@r9", "d@r5", "e@r9", "f@s11", "h@s12")
	for what, got := range map[string]view{"manifest": manifestView(t, out), "glob over the prefix": prefixView(t, out)} {
		if !equalView(got, want) {
			t.Errorf("after s12's commit the %s reads %v; want %v (s10's objects gone)", what, got, want)
		}
	}
}
