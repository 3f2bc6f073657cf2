package lake

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/parquet-go/parquet-go"

	"github.com/communique/communique/models"
	"github.com/communique/communique/objstore/objstoretest"
)

var errInjected = errors.New("injected fault")

// idRun is the projection of a row the publish tests read.
type idRun struct {
	ArticleID string `parquet:"article_id"`
	RunID     string `parquet:"run_id"`
}

// viewTables are the tables the publish tests write rows to and read.
var viewTables = []string{TableArticles, TableSentences, TableEntities}

// testRun writes one run (or one shard of a run) of the given articles,
// each with an articles, a sentences and an entities row, and publishes it.
func testRun(cfg SessionConfig, ids ...string) error {
	rows := make([]*Rows, len(ids))
	for i, id := range ids {
		h := sha256.Sum256([]byte(id + " in " + cfg.RunID))
		rows[i] = &Rows{
			Articles:  []models.Article{{ArticleID: id, ContentSHA256: hex.EncodeToString(h[:]), RunID: cfg.RunID}},
			Sentences: []models.Sentence{{ArticleID: id, RunID: cfg.RunID}},
			Entities:  []models.Entity{{ArticleID: id, RunID: cfg.RunID}, {ArticleID: id, RunID: cfg.RunID}},
		}
	}
	return publishRows(context.Background(), cfg, "2026-11-23", rows...)
}

// publishRows runs a session with cfg (one shard of a run when cfg.Shards
// is set) that writes rows, each batch in one Write, on day ingest and
// publishes them.
func publishRows(ctx context.Context, cfg SessionConfig, ingest string, rows ...*Rows) error {
	s, err := Open(ctx, cfg)
	if err != nil {
		return err
	}
	defer s.Close()
	m := Manifest{RunID: cfg.RunID, Shards: cfg.Shards, IngestDate: ingest,
		SchemaVersion: models.SchemaVersion, PipelineVersion: models.PipelineVersion}
	var shardM ShardManifest
	if cfg.Shards > 0 {
		shardM = ShardManifest{Shard: cfg.ShardIndex, InputsDigest: "same", Manifest: m}
	}
	day, err := s.Begin(ctx, ingest, shardM)
	if err != nil {
		return err
	}
	w, err := s.Writers(ctx, day)
	if err != nil {
		return err
	}
	for _, r := range rows {
		if err := w.Write(r); err != nil {
			w.Abort()
			return err
		}
		m.Articles += len(r.Articles)
	}
	files, err := w.Close()
	if err != nil {
		return err
	}
	_, _, err = s.Publish(ctx, files, func(kept []FileInfo) Manifest {
		m.IngestDate, m.Files, m.Rows = day, kept, w.Counts()
		return m
	})
	return err
}

// view describes what a reader sees of the tables: per table, every row's
// article and run, sorted ("b@r2 b@r2" when an article has two rows).
type view map[string]string

// articles is the view of a dataset whose articles are those of ids, each
// from the run it names (id@run).
func articles(ids ...string) view {
	sort.Strings(ids)
	v := view{}
	for _, t := range viewTables {
		var rows []string
		for _, x := range ids {
			rows = append(rows, x)
			if t == TableEntities {
				rows = append(rows, x)
			}
		}
		sort.Strings(rows)
		v[t] = strings.Join(rows, " ")
	}
	return v
}

func viewOf(rows map[string][]idRun) view {
	v := view{}
	for _, t := range viewTables {
		var s []string
		for _, r := range rows[t] {
			s = append(s, r.ArticleID+"@"+r.RunID)
		}
		sort.Strings(s)
		v[t] = strings.Join(s, " ")
	}
	return v
}

// globView reads a local output as a glob reader does: every file under
// out/<table>/**/*.parquet, through the tables' symlinks.
func globView(t *testing.T, out string) view {
	t.Helper()
	rows := map[string][]idRun{}
	for _, table := range viewTables {
		files, _ := filepath.Glob(filepath.Join(out, table, "*", "*.parquet"))
		for _, f := range files {
			r, err := parquet.ReadFile[idRun](f)
			if err != nil {
				t.Fatalf("glob read %s: %v", f, err)
			}
			rows[table] = append(rows[table], r...)
		}
	}
	return viewOf(rows)
}

// globFiles lists the files a glob reader of a local output finds under
// out/<table>/*/*.parquet, sorted.
func globFiles(out string) []string {
	var files []string
	for _, table := range Tables {
		f, _ := filepath.Glob(filepath.Join(out, table, "*", "*.parquet"))
		files = append(files, f...)
	}
	sort.Strings(files)
	return files
}

// listedFiles returns what `communique files` lists (CommittedFiles), sorted.
func listedFiles(t *testing.T, out string) []string {
	t.Helper()
	files, err := CommittedFiles(context.Background(), out, "")
	if err != nil {
		t.Fatalf("committed files: %v", err)
	}
	sort.Strings(files)
	return files
}

// readTableView reads the tables through ReadTable, the files `communique
// files` lists, as the report does.
func readTableView(t *testing.T, out string) view {
	t.Helper()
	rows := map[string][]idRun{}
	for _, table := range viewTables {
		err := ReadTable(context.Background(), out, table, func(batch []idRun) error {
			rows[table] = append(rows[table], batch...)
			return nil
		})
		if err != nil {
			t.Fatalf("read table %s: %v", table, err)
		}
	}
	return viewOf(rows)
}

// manifestView reads the live files the manifests list, as `communique
// files` prints them: how readers of an object store read.
func manifestView(t *testing.T, out string) view {
	t.Helper()
	ctx := context.Background()
	st, err := openStore(ctx, out)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	state, err := loadState(ctx, st)
	if err != nil {
		t.Fatalf("load state: %v", err)
	}
	rows := map[string][]idRun{}
	for _, f := range state.live {
		pf, of, err := openParquet(ctx, st, state.livePrefix+f.Path)
		if err != nil {
			t.Fatal(err)
		}
		r := parquet.NewGenericReader[idRun](pf)
		buf := make([]idRun, f.Rows+1)
		n, err := r.Read(buf)
		if err != nil && !errors.Is(err, io.EOF) {
			t.Fatalf("read %s: %v", f.Path, err)
		}
		rows[f.Table] = append(rows[f.Table], buf[:n]...)
		r.Close()
		of.close()
	}
	return viewOf(rows)
}

// TestPublishFaults fails the publish of a run that replaces an article at
// each step in turn, with an injected error, on local disk (every step) and
// on S3 (the steps it does differently), for a run without shards and for a
// sharded run's commit. After the failure a
// glob read (local disk) and a read of the manifests' live files see the
// previous snapshot or the new one, whole, never a mix; the next run
// finishes or discards the failed one, and the replaced files are in
// history exactly when the run committed.
func TestPublishFaults(t *testing.T) {
	fake := objstoretest.NewFakeS3(t, "lake")
	before := articles("a@r1", "b@r1", "c@r1")
	after := articles("a@r1", "b@r2", "c@r1", "d@r2")
	for _, store := range []string{"disk", "s3"} {
		for _, sharded := range []bool{false, true} {
			for _, step := range PublishSteps {
				if store == "s3" && step != StepHistory && step != StepManifest && step != StepSwap {
					continue // the steps an object store does differently; each S3 case takes a second
				}
				name := fmt.Sprintf("%s/sharded=%v/%s", store, sharded, step)
				t.Run(name, func(t *testing.T) {
					t.Parallel() // mostly waits for fsync
					out := t.TempDir()
					if store == "s3" {
						out = fake.URL("lake", fmt.Sprintf("faults-%v-%s", sharded, step))
					}
					if err := failR2(out, sharded, step); !errors.Is(err, errInjected) {
						t.Fatalf("publish with a fault at %s = %v; want the injected fault", step, err)
					}
					committed := step == StepSwap || step == StepCleanup
					want := before
					if committed {
						want = after
					}
					if got := manifestView(t, out); !equalView(got, want) {
						t.Errorf("after a fault at %s, the manifests' live files read %v; want %v", step, got, want)
					}
					// `communique files` and ReadTable list what a reader sees: on
					// disk the live snapshot, the glob's files, and the run
					// committed but not live yet is named; on S3 the manifest's.
					wantListed, wantPending := want, ""
					if store == "disk" {
						wantGlob := before
						if step == StepCleanup {
							wantGlob = after
						}
						if got := globView(t, out); !equalView(got, wantGlob) {
							t.Errorf("after a fault at %s, a glob read sees %v; want %v", step, got, wantGlob)
						}
						wantListed = wantGlob
						if step == StepSwap {
							wantPending = "r2"
						}
						if listed, globbed := listedFiles(t, out), globFiles(out); !slices.Equal(listed, globbed) {
							t.Errorf("after a fault at %s, files lists %v; a glob %v", step, listed, globbed)
						}
					}
					if got := readTableView(t, out); !equalView(got, wantListed) {
						t.Errorf("after a fault at %s, the files listed read %v; want %v", step, got, wantListed)
					}
					if pending, err := PendingRun(context.Background(), out); err != nil || pending != wantPending {
						t.Errorf("after a fault at %s, PendingRun = %q, %v; want %q", step, pending, err, wantPending)
					}

					// The next run finishes a committed run and discards one that
					// did not commit; it replaces nothing.
					if err := testRun(SessionConfig{Out: out, RunID: "r3"}, "e"); err != nil {
						t.Fatal(err)
					}
					want = articles("a@r1", "b@r1", "c@r1", "e@r3")
					if committed {
						want = articles("a@r1", "b@r2", "c@r1", "d@r2", "e@r3")
					}
					if got := manifestView(t, out); !equalView(got, want) {
						t.Errorf("next run: the manifests' live files read %v; want %v", got, want)
					}
					hist, err := HistoryFiles(context.Background(), out, "")
					if err != nil {
						t.Fatal(err)
					}
					if wantHist := map[bool]int{false: 0, true: len(viewTables)}[committed]; len(hist) != wantHist {
						t.Errorf("history after the next run: %d files %v; want %d", len(hist), hist, wantHist)
					}
					if store != "disk" {
						return
					}
					if got := globView(t, out); !equalView(got, want) {
						t.Errorf("next run: a glob read sees %v; want %v", got, want)
					}
					for _, h := range hist {
						if _, err := os.Stat(h); err != nil {
							t.Errorf("history file: %v", err)
						}
					}
					snaps, _ := os.ReadDir(filepath.Join(out, snapshotsDir))
					if len(snaps) != 1 || snaps[0].Name() != "r3" {
						t.Errorf("snapshots after the next run: %v; want r3's only", snaps)
					}
					if !committed {
						if _, err := os.Stat(filepath.Join(out, historyDir, "r2")); !errors.Is(err, os.ErrNotExist) {
							t.Errorf("history of the uncommitted r2 left behind (%v)", err)
						}
					}
				})
			}
		}
	}
}

// failAt returns a fault hook that fails step.
func failAt(step PublishStep) func(PublishStep) error {
	return func(s PublishStep) error {
		if s == step {
			return errInjected
		}
		return nil
	}
}

// failR2 commits run r1 (articles a, b, c) to out, then publishes run r2,
// which replaces b and adds d, with a fault at step: plain, or sharded (a
// shard each; the stage step is the shards', the others the commit's). It
// returns r2's error.
func failR2(out string, sharded bool, step PublishStep) error {
	if err := testRun(SessionConfig{Out: out, RunID: "r1"}, "a", "b", "c"); err != nil {
		return err
	}
	if !sharded {
		return testRun(SessionConfig{Out: out, RunID: "r2", Fault: failAt(step)}, "b", "d")
	}
	shardFault := failAt(step)
	if step != StepStage {
		shardFault = nil
	}
	if err := testRun(SessionConfig{Out: out, RunID: "r2", Shards: 2, ShardIndex: 0}, "b"); err != nil {
		return err
	}
	if err := testRun(SessionConfig{Out: out, RunID: "r2", Shards: 2, ShardIndex: 1, Fault: shardFault}, "d"); err != nil {
		return err
	}
	_, err := Commit(context.Background(), CommitConfig{Out: out, RunID: "r2", Shards: 2, Fault: failAt(step)})
	return err
}

// testStore opens the output root out for the test's duration.
func testStore(t *testing.T, out string) store {
	t.Helper()
	st, err := openStore(context.Background(), out)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	return st
}

func equalView(a, b view) bool {
	for _, t := range viewTables {
		if a[t] != b[t] {
			return false
		}
	}
	return true
}

// TestRunIDOrder: a run id that sorts before a committed one is refused.
func TestRunIDOrder(t *testing.T) {
	out := t.TempDir()
	if err := testRun(SessionConfig{Out: out, RunID: "2026-11-23"}, "a"); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		run  string
		want error
	}{
		{"2026-11-22", ErrRunIDOrder},
		{"2026-11-24", nil},
		{"20261124T000000Z-abc", nil}, // '1' > '-'
		{"2026-11-25", ErrRunIDOrder}, // '-' < '1': naming schemes mixed
		{"20261125T000000Z-abc", nil},
	} {
		if err := testRun(SessionConfig{Out: out, RunID: tc.run}, "b"); !errors.Is(err, tc.want) {
			t.Errorf("run %s after 2026-11-23 = %v; want %v", tc.run, err, tc.want)
		}
	}
	if _, err := Commit(context.Background(), CommitConfig{Out: out, RunID: "2026-11-20", Shards: 1}); err == nil {
		t.Error("commit of a run id sorting before the committed ones succeeded")
	}
}

// TestNewRunIDSorts: generated run ids sort by time, also within a second.
func TestNewRunIDSorts(t *testing.T) {
	t0 := time.Date(2026, 11, 23, 18, 45, 0, 0, time.UTC)
	prev := NewRunID(t0)
	for _, d := range []time.Duration{time.Millisecond, 2 * time.Millisecond, time.Second, time.Hour} {
		id := NewRunID(t0.Add(d))
		if !ValidRunID(id) || id <= prev {
			t.Errorf("NewRunID(+%s) = %q; want a valid id after %q", d, id, prev)
		}
		prev = id
	}
}

// TestCopyKey: the copies a commit writes (rewrites from rewriteBase,
// migrated copies from migrateBase) stay in their original's partition and
// are numbered by partition and file name, so the copies of one run and
// shard's tables share a name.
func TestCopyKey(t *testing.T) {
	for _, tc := range []struct {
		base int
		keys []string
		want []string
	}{
		{rewriteBase,
			[]string{"articles/ingest_date=2026-11-23/part-r1-0.parquet", "entities/ingest_date=2026-11-23/part-r1-0.parquet",
				"articles/ingest_date=2026-11-23/part-r1-1.parquet", "articles/ingest_date=2026-11-24/part-r1-0.parquet"},
			[]string{"articles/ingest_date=2026-11-23/part-r9-100000.parquet", "entities/ingest_date=2026-11-23/part-r9-100000.parquet",
				"articles/ingest_date=2026-11-23/part-r9-100001.parquet", "articles/ingest_date=2026-11-24/part-r9-100002.parquet"}},
		{migrateBase,
			[]string{"errors/ingest_date=2026-11-23/part-r2-100000.parquet", "positions/ingest_date=2026-11-23/part-r2-100000.parquet"},
			[]string{"errors/ingest_date=2026-11-23/part-r9-200000.parquet", "positions/ingest_date=2026-11-23/part-r9-200000.parquet"}},
	} {
		names := map[string]int{}
		for i, k := range tc.keys {
			if got := copyKey(k, "r9", tc.base, names); got != tc.want[i] {
				t.Errorf("copyKey(%s, base %d) = %s; want %s", k, tc.base, got, tc.want[i])
			}
		}
	}
}
