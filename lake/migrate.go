package lake

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"log/slog"
	"strconv"
	"strings"
	"time"

	"github.com/communique/communique/models"
)

// One schema per table. Every run manifest records the schema version its
// files were written with (models.SchemaVersion), and every file records it
// in its key-value metadata. When the version changes, the next commit to
// an output root (a run that commits itself, or `communique commit`)
// rewrites the live files of the runs committed with an older version to
// the current row types and publishes them with its own, then records the
// new version in their manifests. A glob over a table then reads files
// of one schema, which polars and DuckDB require without options.
//
// A file is rewritten with parquet-go through the current row type: columns
// the file lacks are null (zero for required columns), columns the row type
// lacks are dropped. content_sha256, added in schema 1.2.0, is filled from
// the articles file of the same run and shard, which holds the version of
// every article the file's rows were read from. A commit that fails or dies
// before its manifests are rewritten leaves them at the old version, and the
// next commit migrates those runs again, which is harmless.
//
// A migrated file is a new file of the committing run, written beside the
// old one as a copy-on-write rewrite is (part-<run>-<migrateBase+i>), never
// over it: the commit's manifest lists the copies as live (in Rewritten) and
// the old files as Migrated. On local disk the copies wait in _pending and
// the commit's snapshot links them in place of the old files, which stay in
// the previous snapshot; in an object store the old objects are deleted once
// the manifest is created (publisher.finish), as replaced files are. So a
// glob reader on disk, and a reader of either manifest's live files, sees
// files of one schema only: the old snapshot, all of the old schema, or the
// new one, all of the current schema, also when the commit or the migration
// fails midway. The migrated runs' manifests record the migration once the
// commit is live.

// ErrNewerSchema means an output root holds runs written by a newer
// communique: this one would mix schemas, so it refuses to write.
var ErrNewerSchema = errors.New("written with a newer schema version")

// MetaMigratedFrom is the key-value metadata key of a migrated file: the
// schema version it was written with.
const MetaMigratedFrom = "communique.migrated_from"

// SchemaMigration records one migration of a committed run's files.
type SchemaMigration struct {
	From  string `json:"from"`
	To    string `json:"to"`
	ByRun string `json:"by_run"` // the run whose commit migrated the files
	At    string `json:"at"`
}

// checkSchemaVersions refuses an output root with runs of a newer schema.
func checkSchemaVersions(ms []Manifest) error {
	for _, m := range ms {
		newer, err := newerSchema(m.SchemaVersion)
		if err != nil {
			return fmt.Errorf("run %s: %w", m.RunID, err)
		}
		if newer {
			return fmt.Errorf("run %s was %w (%s) than this communique's (%s): upgrade communique",
				m.RunID, ErrNewerSchema, m.SchemaVersion, models.SchemaVersion)
		}
	}
	return nil
}

// newerSchema reports whether version v is newer than the current one.
func newerSchema(v string) (bool, error) {
	a, err := parseVersion(v)
	if err != nil {
		return false, err
	}
	b, err := parseVersion(models.SchemaVersion)
	if err != nil {
		return false, err
	}
	for i := range a {
		if a[i] != b[i] {
			return a[i] > b[i], nil
		}
	}
	return false, nil
}

// parseVersion parses a schema version: major.minor.patch.
func parseVersion(v string) ([3]int, error) {
	var n [3]int
	parts := strings.Split(v, ".")
	if len(parts) != 3 {
		return n, fmt.Errorf("schema version %q: want major.minor.patch", v)
	}
	for i, p := range parts {
		x, err := strconv.Atoi(p)
		if err != nil || x < 0 {
			return n, fmt.Errorf("schema version %q: want major.minor.patch", v)
		}
		n[i] = x
	}
	return n, nil
}

// migrateBase numbers the migrated copies a commit writes:
// part-<run>-<migrateBase+i>, above its rewrites' numbers (rewriteBase).
const migrateBase = 2 * MaxShards

// migration is what a commit's migration did: the live files it migrated
// (old), their copies of the current schema at their pending keys (copies,
// copies[i] of old[i]), and the manifests of the migrated runs, to write
// once the commit is live.
type migration struct {
	old       []FileInfo
	copies    []FileInfo
	manifests []Manifest
}

// migrateRuns rewrites the live files of the committed runs of state whose
// schema version is not the current one. byRun is the run committing; stage
// is a staging area of its own.
func migrateRuns(ctx context.Context, st store, state *State, byRun, stage string, now time.Time, log *slog.Logger) (*migration, error) {
	mig := &migration{}
	if err := checkSchemaVersions(state.Manifests); err != nil {
		return mig, err
	}
	live := state.livePaths()
	src := func(key string) string { return state.livePrefix + key }
	names := map[string]int{}
	dst := func(key string) string { return copyKey(key, byRun, migrateBase, names) }
	for _, m := range state.Manifests {
		if m.SchemaVersion == models.SchemaVersion {
			continue
		}
		// The run's own files and the copies its commit rewrote (publish.go),
		// those still live.
		var files []FileInfo
		for _, f := range append(append([]FileInfo{}, m.Files...), m.Rewritten...) {
			if live[f.Path] {
				files = append(files, f)
			}
		}
		if len(files) == 0 {
			continue // migrated by an earlier commit whose manifests were not recorded
		}
		from := m.SchemaVersion
		copies, err := migrateManifest(ctx, st, &m, files, src, dst, byRun, stage, now)
		if err != nil {
			return mig, err
		}
		mig.old = append(mig.old, files...)
		mig.copies = append(mig.copies, copies...)
		mig.manifests = append(mig.manifests, m)
		log.Info("migrated a run's files to the current schema", "run_id", m.RunID, "from", from,
			"to", models.SchemaVersion, "files", len(files))
	}
	return mig, nil
}

// copy returns the migrated copy of the live file key, if any.
func (mig *migration) copy(key string) (FileInfo, bool) {
	if mig == nil {
		return FileInfo{}, false
	}
	for i, f := range mig.old {
		if f.Path == key {
			return mig.copies[i], true
		}
	}
	return FileInfo{}, false
}

// isCopy reports whether key is one of the migrated copies.
func (mig *migration) isCopy(key string) bool {
	if mig == nil {
		return false
	}
	for _, c := range mig.copies {
		if c.Path == key {
			return true
		}
	}
	return false
}

// record writes the manifests of the migrated runs, once the commit that
// migrated their files is live. Should it fail, the next commit migrates
// those runs again, which is harmless: the run is committed either way.
func (mig *migration) record(ctx context.Context, st store, log *slog.Logger) {
	if mig == nil {
		return
	}
	for _, m := range mig.manifests {
		b, err := marshalManifest(m)
		if err == nil {
			err = st.write(ctx, manifestKey(m.RunID), b)
		}
		if err != nil {
			log.Warn("the schema migration of a run is not recorded; the next commit migrates it again",
				"run_id", m.RunID, "manifest", st.location(manifestKey(m.RunID)), "error", err)
		}
	}
}

// migrateManifest rewrites files of run m, read at src(key), to the current
// schema at the pending keys of dst(key), and records the migration in m
// (not in the store). It returns the copies, in the order of files.
func migrateManifest(ctx context.Context, st store, m *Manifest, files []FileInfo, src, dst func(string) string, byRun, stage string, now time.Time) ([]FileInfo, error) {
	if m.SchemaVersion == models.SchemaVersion {
		return nil, nil
	}
	if err := checkSchemaVersions([]Manifest{*m}); err != nil {
		return nil, err
	}
	// The files of one run and shard, and the copies a commit rewrote from
	// them, are named alike across tables.
	hashes := map[string]map[string]string{} // part file name → article id → content hash
	for _, f := range files {
		name := f.Path[strings.LastIndexByte(f.Path, '/')+1:]
		if f.Table == TableArticles {
			h, err := readHashes(ctx, st, src(f.Path))
			if err != nil {
				return nil, fmt.Errorf("migrate run %s: %w", m.RunID, err)
			}
			hashes[name] = h
		}
	}
	copies := make([]FileInfo, len(files))
	for i, f := range files {
		migrate, ok := migrators[f.Table]
		if !ok {
			return nil, fmt.Errorf("migrate run %s: %s: unknown table %q", m.RunID, f.Path, f.Table)
		}
		h := hashes[f.Path[strings.LastIndexByte(f.Path, '/')+1:]]
		copies[i] = FileInfo{Table: f.Table, Path: dst(f.Path), Rows: f.Rows}
		if err := migrate(ctx, st, stage, f, src(f.Path), copies[i].Path, h); err != nil {
			return nil, fmt.Errorf("migrate run %s from schema %s: %w", m.RunID, m.SchemaVersion, err)
		}
	}
	m.SchemaMigrations = append(m.SchemaMigrations, SchemaMigration{From: m.SchemaVersion, To: models.SchemaVersion,
		ByRun: byRun, At: now.UTC().Format(time.RFC3339)})
	m.SchemaVersion = models.SchemaVersion
	return copies, nil
}

// readHashes returns the content hash of every article of an articles file.
func readHashes(ctx context.Context, st store, key string) (map[string]string, error) {
	h := map[string]string{}
	err := readRows(ctx, st, key, func(rows []articleKey) error {
		for _, k := range rows {
			h[k.ArticleID] = k.ContentSHA256
		}
		return nil
	})
	if errors.Is(err, fs.ErrNotExist) {
		return h, nil
	}
	return h, err
}

// fileMeta returns the key-value metadata a migrated file keeps: the run and
// pipeline version of the original, the current schema version, and the
// version migrated from.
func fileMeta(ctx context.Context, st store, key string) (map[string]string, error) {
	pf, f, err := openParquet(ctx, st, key)
	if err != nil {
		return nil, err
	}
	defer f.close()
	meta := map[string]string{MetaSchemaVersion: models.SchemaVersion}
	for _, k := range []string{MetaPipelineVersion, MetaRunID} {
		if v, ok := pf.Lookup(k); ok {
			meta[k] = v
		}
	}
	meta[MetaMigratedFrom], _ = pf.Lookup(MetaSchemaVersion)
	return meta, nil
}

// migrator rewrites one committed file f, read at src, to its table's
// current row type at the pending key of dst; hashes maps the article ids
// of the file's run and shard to their content hashes.
type migrator func(ctx context.Context, st store, stage string, f FileInfo, src, dst string, hashes map[string]string) error

// migrators holds the migrator of every table.
var migrators = map[string]migrator{
	TableArticles: migrateFile[models.Article](nil),
	TableSentences: migrateFile(func(r *models.Sentence, h map[string]string) {
		fillHash(&r.ContentSHA256, r.ArticleID, h)
	}),
	TableEntities: migrateFile(func(r *models.Entity, h map[string]string) {
		fillHash(&r.ContentSHA256, r.ArticleID, h)
	}),
	TableCommitments: migrateFile(func(r *models.Commitment, h map[string]string) {
		fillHash(&r.ContentSHA256, r.ArticleID, h)
	}),
	TablePositions: migrateFile(func(r *models.Position, h map[string]string) {
		fillHash(&r.ContentSHA256, r.ArticleID, h)
	}),
	TableErrors: migrateFile(func(r *models.Error, h map[string]string) {
		// Only a warning's article is in the articles table of its run.
		if r.ContentSHA256 == nil && r.ArticleID != nil && r.Severity == models.SeverityWarning {
			if sha, ok := h[*r.ArticleID]; ok {
				r.ContentSHA256 = &sha
			}
		}
	}),
}

// fillHash sets an empty content hash from the article's.
func fillHash(dst *string, articleID string, hashes map[string]string) {
	if *dst == "" {
		*dst = hashes[articleID]
	}
}

// migrateFile returns the migrator of a table of row type T; fill, if not
// nil, completes each row.
func migrateFile[T any](fill func(*T, map[string]string)) migrator {
	return func(ctx context.Context, st store, stage string, fi FileInfo, src, dst string, hashes map[string]string) error {
		meta, err := fileMeta(ctx, st, src)
		if err != nil {
			return err
		}
		f, err := st.create(ctx, stage, dst)
		if err != nil {
			return err
		}
		out := createTable[T](f, dst, fi.Table, meta, rowGroupSize[fi.Table])
		err = readRows(ctx, st, src, func(rows []T) error {
			if fill != nil {
				for i := range rows {
					fill(&rows[i], hashes)
				}
			}
			return out.write(rows)
		})
		if err != nil {
			out.abort()
			return err
		}
		if err := out.close(); err != nil {
			return err
		}
		if out.rows != fi.Rows {
			return fmt.Errorf("migrate %s: %d rows read, the manifest lists %d", st.location(src), out.rows, fi.Rows)
		}
		return st.publish(ctx, stage, dst)
	}
}

// migrateCommit brings the live files of the committed runs, and the files
// of the sharded run m about to be committed (at their pending keys), to
// the current schema.
func migrateCommit(ctx context.Context, st store, state *State, m *Manifest, cfg CommitConfig) (*migration, error) {
	stage := cfg.RunID + "/_migrate"
	mig, err := migrateRuns(ctx, st, state, cfg.RunID, stage, cfg.now(), cfg.Log)
	if err != nil {
		return mig, err
	}
	// The run's own files are not live yet: they are migrated in place.
	same := func(key string) string { return key }
	_, err = migrateManifest(ctx, st, m, m.Files, st.pendingKey, same, cfg.RunID, stage, cfg.now())
	return mig, err
}
