package lake

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"log/slog"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/parquet-go/parquet-go"

	"github.com/communique/communique/models"
	"github.com/communique/communique/objstore/objstoretest"
)

// oldRoot is an output root written by communique at schema 1.0.0 (before
// content_sha256 was on every row): two runs, the embedded samples and a
// JSONL file with a malformed line, a duplicate id and a repaired date.
const oldRoot = "testdata/schema-1.0.0"

// copyRoot copies the output root at dir into the root out.
func copyRoot(t *testing.T, dir, out string) {
	t.Helper()
	ctx := context.Background()
	st, err := openStore(ctx, out)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	err = filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		return st.write(ctx, filepath.ToSlash(rel), b)
	})
	if err != nil {
		t.Fatal(err)
	}
}

// commitRun commits a run without rows: by itself, or as the one shard of a
// sharded run and `communique commit`.
func commitRun(ctx context.Context, out, runID string, sharded bool) error {
	return commitRows(ctx, out, runID, sharded, nil, nil)
}

// commitRows commits a run that writes rows (nil: none); fault, if not nil,
// is the commit's fault hook.
func commitRows(ctx context.Context, out, runID string, sharded bool, rows *Rows, fault func(PublishStep) error) error {
	if !sharded {
		return runRows(ctx, out, runID, false, rows, fault)
	}
	if err := runRows(ctx, out, runID, true, rows, nil); err != nil {
		return err
	}
	_, err := Commit(ctx, CommitConfig{Out: out, RunID: runID, Shards: 1, Fault: fault})
	return err
}

// runRows runs a run, or the one shard of a run, that writes rows.
func runRows(ctx context.Context, out, runID string, sharded bool, rows *Rows, fault func(PublishStep) error) error {
	cfg := SessionConfig{Out: out, RunID: runID, Fault: fault}
	if sharded {
		cfg.Shards = 1
	}
	var batches []*Rows
	if rows != nil {
		batches = append(batches, rows)
	}
	return publishRows(ctx, cfg, time.Now().UTC().Format("2006-01-02"), batches...)
}

// TestMigrateOldSchema commits a run on an output root of schema 1.0.0, by
// itself and sharded, on disk and in S3: every committed file then has the
// current schema, its rows and the content hash of its article version,
// and the manifests record the migration.
func TestMigrateOldSchema(t *testing.T) {
	s3 := objstoretest.NewFakeS3(t, "out")
	roots := map[string]func(string) string{
		"disk": func(string) string { return t.TempDir() },
		"s3":   func(name string) string { return s3.URL("out", name) },
	}
	for storeName, root := range roots {
		for _, sharded := range []bool{false, true} {
			name := storeName + "/plain"
			if sharded {
				name = storeName + "/sharded"
			}
			t.Run(name, func(t *testing.T) {
				ctx := context.Background()
				out := root(strings.ReplaceAll(name, "/", "-"))
				copyRoot(t, oldRoot, out)
				if err := commitRun(ctx, out, "20261205T000000Z-upgrade", sharded); err != nil {
					t.Fatalf("commit on a 1.0.0 root: %v", err)
				}
				checkMigrated(t, out)

				// The next commit finds nothing to migrate.
				st, _ := openManifests(t, out)
				state, err := loadState(ctx, st)
				if err != nil {
					t.Fatal(err)
				}
				if mig, err := migrateRuns(ctx, st, state, "again", "again", time.Now(), slog.New(slog.DiscardHandler)); len(mig.manifests) != 0 || err != nil {
					t.Errorf("migrateRuns after the migration = %d runs, %v; want 0, nil", len(mig.manifests), err)
				}
			})
		}
	}
}

// openManifests opens the output root out and reads its run manifests.
func openManifests(t *testing.T, out string) (store, []Manifest) {
	t.Helper()
	ctx := context.Background()
	st, err := openStore(ctx, out)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	ms, err := readManifests(ctx, st)
	if err != nil {
		t.Fatal(err)
	}
	return st, ms
}

// checkMigrated checks every live file and every manifest of out.
func checkMigrated(t *testing.T, out string) {
	t.Helper()
	ctx := context.Background()
	st, ms := openManifests(t, out)
	var err error
	if len(ms) != 3 {
		t.Fatalf("%d runs committed; want the two old ones and the upgrade", len(ms))
	}
	schemas := map[string]*parquet.Schema{
		TableArticles: parquet.SchemaOf(models.Article{}), TableSentences: parquet.SchemaOf(models.Sentence{}),
		TableEntities: parquet.SchemaOf(models.Entity{}), TableCommitments: parquet.SchemaOf(models.Commitment{}),
		TablePositions: parquet.SchemaOf(models.Position{}), TableErrors: parquet.SchemaOf(models.Error{}),
	}
	const upgrade = "20261205T000000Z-upgrade"
	runs := map[string]bool{}
	for _, m := range ms {
		runs[m.RunID] = true
		if m.SchemaVersion != models.SchemaVersion {
			t.Errorf("run %s: manifest schema_version %s; want %s", m.RunID, m.SchemaVersion, models.SchemaVersion)
		}
		old := m.RunID != upgrade
		if old && (len(m.SchemaMigrations) != 1 || m.SchemaMigrations[0].From != "1.0.0" || m.SchemaMigrations[0].ByRun != upgrade) {
			t.Errorf("run %s: schema_migrations %+v; want one from 1.0.0 by the upgrade", m.RunID, m.SchemaMigrations)
		}
	}
	// The upgrade migrated the old runs' files into copies of its own; the
	// old files left the live tables.
	up := ms[len(ms)-1]
	live := map[string]bool{}
	for _, f := range up.Live {
		live[f.Path] = true
	}
	var oldFiles int
	for _, m := range ms[:len(ms)-1] {
		oldFiles += len(m.Files)
	}
	if len(up.Migrated) != oldFiles {
		t.Errorf("the upgrade migrated %d files; want the old runs' %d", len(up.Migrated), oldFiles)
	}
	for _, f := range up.Migrated {
		if live[f.Path] {
			t.Errorf("migrated %s is still live", f.Path)
		}
	}
	// The files of one run and shard, and their copies, share a name.
	hashes := map[string]map[string]string{}
	for _, f := range up.Live {
		if f.Table == TableArticles {
			if hashes[path.Base(f.Path)], err = readHashes(ctx, st, f.Path); err != nil {
				t.Fatal(err)
			}
		}
	}
	var errorRows []models.Error
	for _, f := range up.Live {
		if !strings.HasPrefix(path.Base(f.Path), partPrefix+upgrade+"-") {
			t.Errorf("live file %s is not the upgrade's", f.Path)
		}
		pf, file, err := openParquet(ctx, st, f.Path)
		if err != nil {
			t.Fatal(err)
		}
		if !parquet.EqualNodes(pf.Schema(), schemas[f.Table]) {
			t.Errorf("%s: schema\n%s\nwant\n%s", f.Path, pf.Schema(), schemas[f.Table])
		}
		if v, _ := pf.Lookup(MetaSchemaVersion); v != models.SchemaVersion {
			t.Errorf("%s: %s %q; want %q", f.Path, MetaSchemaVersion, v, models.SchemaVersion)
		}
		run, _ := pf.Lookup(MetaRunID)
		if !runs[run] {
			t.Errorf("%s: %s %q; want a committed run's", f.Path, MetaRunID, run)
		}
		if v, _ := pf.Lookup(MetaMigratedFrom); run != upgrade && v != "1.0.0" {
			t.Errorf("%s: %s %q; want 1.0.0", f.Path, MetaMigratedFrom, v)
		}
		if pf.NumRows() != f.Rows {
			t.Errorf("%s: %d rows; the manifest lists %d", f.Path, pf.NumRows(), f.Rows)
		}
		file.close()
		h := hashes[path.Base(f.Path)]
		switch f.Table {
		case TableSentences:
			checkHashes(t, st, f.Path, h, func(r *models.Sentence) (string, string) { return r.ArticleID, r.ContentSHA256 })
		case TableEntities:
			checkHashes(t, st, f.Path, h, func(r *models.Entity) (string, string) { return r.ArticleID, r.ContentSHA256 })
		case TableCommitments:
			checkHashes(t, st, f.Path, h, func(r *models.Commitment) (string, string) { return r.ArticleID, r.ContentSHA256 })
		case TablePositions:
			checkHashes(t, st, f.Path, h, func(r *models.Position) (string, string) { return r.ArticleID, r.ContentSHA256 })
		case TableErrors:
			err = readRows(ctx, st, f.Path, func(rows []models.Error) error {
				errorRows = append(errorRows, rows...)
				return nil
			})
		}
		if err != nil {
			t.Fatal(err)
		}
	}
	// The old errors: a malformed line (no article), a duplicate id (not in
	// the articles table: no hash) and a repaired date (its article's hash).
	if len(errorRows) != 3 {
		t.Fatalf("%d errors rows; want 3", len(errorRows))
	}
	for _, e := range errorRows {
		hasHash := e.ContentSHA256 != nil && len(*e.ContentSHA256) == 64
		if hasHash != (e.Severity == models.SeverityWarning) {
			t.Errorf("errors row %q (%s): content_sha256 %v; want a hash for warnings only", e.Error, e.Severity, e.ContentSHA256)
		}
	}
}

// checkHashes checks that every row of a file carries its article's content hash.
func checkHashes[T any](t *testing.T, st store, key string, hashes map[string]string, version func(*T) (id, sha string)) {
	t.Helper()
	err := readRows(context.Background(), st, key, func(rows []T) error {
		for i := range rows {
			id, sha := version(&rows[i])
			if want, ok := hashes[id]; !ok || sha != want || len(sha) != 64 {
				t.Errorf("article %s: content_sha256 %q; want %q", id, sha, want)
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

// TestNewerSchemaRefused checks that a communique older than an output
// root's runs refuses to write to it rather than mix schemas.
func TestNewerSchemaRefused(t *testing.T) {
	out := t.TempDir()
	copyRoot(t, oldRoot, out)
	p := filepath.Join(out, "_runs", "20261202T000000Z-jsonl.json")
	b, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	b = []byte(strings.Replace(string(b), `"schema_version": "1.0.0"`, `"schema_version": "99.0.0"`, 1))
	if err := os.WriteFile(p, b, 0o644); err != nil {
		t.Fatal(err)
	}
	for _, sharded := range []bool{false, true} {
		err := commitRun(context.Background(), out, "20261205T000000Z-older", sharded)
		if !errors.Is(err, ErrNewerSchema) {
			t.Errorf("sharded %v: commit on a root of schema 99.0.0 = %v; want %v", sharded, err, ErrNewerSchema)
		}
	}
}

func TestParseVersion(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want [3]int
		ok   bool
	}{
		{"1.0.0", [3]int{1, 0, 0}, true},
		{"12.3.45", [3]int{12, 3, 45}, true},
		{"1.0", [3]int{}, false},
		{"1.0.x", [3]int{}, false},
		{"", [3]int{}, false},
		{"1.-1.0", [3]int{}, false},
	} {
		got, err := parseVersion(tc.in)
		if (err == nil) != tc.ok || (tc.ok && got != tc.want) {
			t.Errorf("parseVersion(%q) = %v, %v; want %v, ok %v", tc.in, got, err, tc.want, tc.ok)
		}
	}
}

// TestMigrateAtomic fails the upgrading commit at every publish step, with a
// run that replaces an article of an old run (so its commit rewrites a
// migrated file): a glob over each table lists files of one schema version
// only, the old or the current, and the next commit leaves the current one
// and one version of every article.
func TestMigrateAtomic(t *testing.T) {
	text := "Chad and Mali agreed to hold talks on border security next week."
	sha := "6c0e0f2bd1e3f6b1b1a0bd7c5f2f6a4cbd4b1f3a5e8c1f0d9a7b6c5d4e3f2a1b"
	id := "fx-1"
	rows := &Rows{
		Articles: []models.Article{{ArticleID: id, Text: text, ContentSHA256: sha, RunID: "x"}},
		Entities: []models.Entity{{ArticleID: id, ContentSHA256: sha, Start: 0, End: 4, Text: "Chad", Label: "STATE"}},
	}
	for _, sharded := range []bool{false, true} {
		for _, step := range PublishSteps {
			if sharded && step == StepStage {
				continue // a commit has nothing to stage
			}
			name := string(step)
			if sharded {
				name = "sharded/" + name
			}
			t.Run(name, func(t *testing.T) {
				ctx := context.Background()
				out := t.TempDir()
				copyRoot(t, oldRoot, out)
				injected := errors.New("injected")
				fault := func(s PublishStep) error {
					if s == step {
						return injected
					}
					return nil
				}
				if err := commitRows(ctx, out, "20261205T000000Z-a", sharded, rows, fault); !errors.Is(err, injected) {
					t.Fatalf("commit failing at %s = %v; want the injected error", step, err)
				}
				if v := globVersions(t, out); len(v) != 1 {
					t.Errorf("after a failure at %s a glob lists files of versions %v; want one", step, v)
				}
				if err := commitRun(ctx, out, "20261205T000001Z-b", false); err != nil {
					t.Fatalf("the next commit: %v", err)
				}
				if v := globVersions(t, out); len(v) != 1 || !v[models.SchemaVersion] {
					t.Errorf("after the next commit a glob lists files of versions %v; want %s only", v, models.SchemaVersion)
				}
				ids := map[string]int{}
				files, _ := filepath.Glob(filepath.Join(out, TableArticles, "*", "*.parquet"))
				for _, f := range files {
					st := &diskStore{root: filepath.Dir(f)}
					if err := readRows(ctx, st, filepath.Base(f), func(rows []articleKey) error {
						for _, r := range rows {
							ids[r.ArticleID]++
						}
						return nil
					}); err != nil {
						t.Fatal(err)
					}
				}
				if len(ids) != 4 {
					t.Errorf("articles %v; want the four articles", ids)
				}
				for id, n := range ids {
					if n != 1 {
						t.Errorf("article %s: %d versions in the live tables; want 1", id, n)
					}
				}
			})
		}
	}
}

// globVersions returns the schema versions of the files a glob over every
// table lists, but skip.
func globVersions(t *testing.T, out string, skip ...string) map[string]bool {
	t.Helper()
	v := map[string]bool{}
	for _, table := range Tables {
		files, err := filepath.Glob(filepath.Join(out, table, "*", "*.parquet"))
		if err != nil {
			t.Fatal(err)
		}
		for _, f := range files {
			if slices.Contains(skip, f) {
				continue
			}
			st := &diskStore{root: filepath.Dir(f)}
			pf, file, err := openParquet(context.Background(), st, filepath.Base(f))
			if err != nil {
				t.Fatal(err)
			}
			ver, _ := pf.Lookup(MetaSchemaVersion)
			v[ver] = true
			file.close()
		}
	}
	return v
}

// TestMigrationFailsWhole fails the migration itself midway (an old file is
// truncated): the live tables stay as they were, all of the old schema, and
// nothing of the run is committed.
func TestMigrationFailsWhole(t *testing.T) {
	for _, sharded := range []bool{false, true} {
		ctx := context.Background()
		out := t.TempDir()
		copyRoot(t, oldRoot, out)
		bad := filepath.Join(out, TablePositions, "ingest_date=2026-12-05", "part-20261202T000000Z-jsonl-0.parquet")
		if err := os.Truncate(bad, 100); err != nil {
			t.Fatal(err)
		}
		if err := commitRun(ctx, out, "20261205T000000Z-a", sharded); err == nil {
			t.Fatalf("sharded %v: commit with a truncated old file = nil; want an error", sharded)
		}
		if v := globVersions(t, out, bad); len(v) != 1 || !v["1.0.0"] {
			t.Errorf("sharded %v: after a failed migration a glob lists files of versions %v; want 1.0.0 only", sharded, v)
		}
		_, ms := openManifests(t, out)
		for _, m := range ms {
			if m.SchemaVersion != "1.0.0" || m.RunID == "20261205T000000Z-a" {
				t.Errorf("sharded %v: run %s of schema %s after a failed migration; want the old runs of 1.0.0", sharded, m.RunID, m.SchemaVersion)
			}
		}
	}
}

// snapshotOldRoot turns the 1.0.0 root copied to the local directory out
// into one published the way communique publishes today: its latest
// manifest lists the live files, which a snapshot directory holds and
// _current points to. It returns the snapshot's path.
func snapshotOldRoot(t *testing.T, out string) string {
	t.Helper()
	ctx := context.Background()
	d := &diskStore{root: out}
	state, err := loadState(ctx, d)
	if err != nil {
		t.Fatal(err)
	}
	m := *state.latestManifest()
	if err := d.buildSnapshot(m.RunID, state, state.live); err != nil {
		t.Fatal(err)
	}
	m.Live = state.live
	b, err := marshalManifest(m)
	if err != nil {
		t.Fatal(err)
	}
	if err := d.write(ctx, manifestKey(m.RunID), b); err != nil {
		t.Fatal(err)
	}
	if err := d.swap(m.RunID); err != nil {
		t.Fatal(err)
	}
	return filepath.Join(out, filepath.FromSlash(snapshotDir(m.RunID)))
}

// keyVersions returns the schema versions of the files at keys of st that
// exist, and how many do not.
func keyVersions(t *testing.T, st store, keys []FileInfo) (v map[string]bool, missing int) {
	t.Helper()
	v = map[string]bool{}
	for _, f := range keys {
		pf, file, err := openParquet(context.Background(), st, f.Path)
		if errors.Is(err, fs.ErrNotExist) {
			missing++
			continue
		}
		if err != nil {
			t.Fatal(err)
		}
		ver, _ := pf.Lookup(MetaSchemaVersion)
		v[ver] = true
		file.close()
	}
	return v, missing
}

// TestMigrateOldReader holds the files of the live tables before an
// upgrading commit (on local disk the old snapshot's directory, in S3 the
// old manifest's live files) and reads them before every publish step of
// the commit and after it fails at each: they are all of the old schema,
// or gone (an object store deletes migrated files once the run is
// committed), never overwritten by migrated ones. The live tables (a glob,
// or the latest manifest's live files) hold one schema version throughout.
func TestMigrateOldReader(t *testing.T) {
	s3 := objstoretest.NewFakeS3(t, "out")
	text := "Chad and Mali agreed to hold talks on border security next week."
	sha := "6c0e0f2bd1e3f6b1b1a0bd7c5f2f6a4cbd4b1f3a5e8c1f0d9a7b6c5d4e3f2a1b"
	rows := &Rows{
		Articles: []models.Article{{ArticleID: "fx-1", Text: text, ContentSHA256: sha, RunID: "x"}},
		Entities: []models.Entity{{ArticleID: "fx-1", ContentSHA256: sha, Start: 0, End: 4, Text: "Chad", Label: "STATE"}},
	}
	for _, storeName := range []string{"disk", "s3"} {
		for _, sharded := range []bool{false, true} {
			for _, failAt := range PublishSteps {
				if sharded && failAt == StepStage {
					continue // a commit has nothing to stage
				}
				if storeName == "s3" && failAt != StepHistory && failAt != StepManifest && failAt != StepSwap && failAt != StepCleanup {
					continue // the steps an object store does differently
				}
				name := fmt.Sprintf("%s/sharded=%v/%s", storeName, sharded, failAt)
				t.Run(name, func(t *testing.T) {
					ctx := context.Background()
					out := t.TempDir()
					if storeName == "s3" {
						out = s3.URL("out", strings.NewReplacer("/", "-", "=", "-").Replace(name))
					}
					copyRoot(t, oldRoot, out)
					st, ms := openManifests(t, out)
					held := liveFiles(ms)
					heldSt := st
					if storeName == "disk" {
						heldSt = &diskStore{root: snapshotOldRoot(t, out)}
					}
					check := func(when string) {
						t.Helper()
						if v, _ := keyVersions(t, heldSt, held); len(v) > 1 || (len(v) == 1 && !v["1.0.0"]) {
							t.Errorf("%s: the old live files read as versions %v; want 1.0.0 only", when, v)
						}
						_, now := openManifests(t, out)
						nowSt := st
						if storeName == "disk" { // the latest manifest's files are in its snapshot
							nowSt = &diskStore{root: filepath.Join(out, snapshotsDir, now[len(now)-1].RunID)}
						}
						if v, missing := keyVersions(t, nowSt, liveFiles(now)); len(v) != 1 || missing > 0 {
							t.Errorf("%s: the manifest's live files read as versions %v, %d missing; want one version", when, v, missing)
						}
						if storeName == "disk" {
							if v := globVersions(t, out); len(v) != 1 {
								t.Errorf("%s: a glob lists files of versions %v; want one", when, v)
							}
						}
					}
					fault := func(s PublishStep) error {
						check("before step " + string(s))
						if s == failAt {
							return errInjected
						}
						return nil
					}
					if err := commitRows(ctx, out, "20261205T000000Z-a", sharded, rows, fault); !errors.Is(err, errInjected) {
						t.Fatalf("commit failing at %s = %v; want the injected error", failAt, err)
					}
					check("after a failure at " + string(failAt))
					if err := commitRun(ctx, out, "20261205T000001Z-b", false); err != nil {
						t.Fatalf("the next commit: %v", err)
					}
					check("after the next commit")
					_, now := openManifests(t, out)
					if v, _ := keyVersions(t, st, liveFiles(now)); len(v) != 1 || !v[models.SchemaVersion] {
						t.Errorf("after the next commit the live files read as versions %v; want %s", v, models.SchemaVersion)
					}
				})
			}
		}
	}
}
