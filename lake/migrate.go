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
// rewrites the files of the runs committed with an older version to the
// current row types before it publishes anything of its own, then records
// the new version in their manifests. A glob over a table then reads files
// of one schema, which polars and DuckDB require without options.
//
// A file is rewritten with parquet-go through the current row type: columns
// the file lacks are null (zero for required columns), columns the row type
// lacks are dropped. content_sha256, added in schema 1.2.0, is filled from
// the articles file of the same run and shard, which holds the version of
// every article the file's rows were read from. Each file is replaced whole
// (a rename on disk, an object written at its key); a commit that dies
// midway leaves files of either schema and a manifest of the old version,
// and the next commit migrates them again, which is harmless.
//
// Not yet atomic to a glob reader: on local disk the files are replaced in
// the live snapshot one by one, before the commit builds its own, so a glob
// that lists a table during the migration (seconds, once per schema change)
// can see files of both schemas. Writing them into the commit's snapshot
// instead (publish.go) would close that window.

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

// migrateRuns rewrites the files of the committed runs ms whose schema
// version is not the current one and records the current version in their
// manifests. byRun is the run committing; stage is a staging area of its
// own. It returns the number of runs migrated.
func migrateRuns(ctx context.Context, st store, ms []Manifest, byRun, stage string, now time.Time, log *slog.Logger) (int, error) {
	if err := checkSchemaVersions(ms); err != nil {
		return 0, err
	}
	n := 0
	for _, m := range ms {
		if m.SchemaVersion == models.SchemaVersion {
			continue
		}
		from := m.SchemaVersion
		if err := migrateManifest(ctx, st, &m, byRun, stage, now); err != nil {
			return n, err
		}
		b, err := marshalManifest(m)
		if err != nil {
			return n, err
		}
		if err := st.write(ctx, manifestKey(m.RunID), b); err != nil {
			return n, fmt.Errorf("write manifest %s: %w", st.location(manifestKey(m.RunID)), err)
		}
		log.Info("migrated a run's files to the current schema", "run_id", m.RunID, "from", from,
			"to", models.SchemaVersion, "files", len(m.Files))
		n++
	}
	return n, nil
}

// migrateManifest rewrites the files m lists to the current schema and
// records the migration in m (not in the store).
func migrateManifest(ctx context.Context, st store, m *Manifest, byRun, stage string, now time.Time) error {
	if m.SchemaVersion == models.SchemaVersion {
		return nil
	}
	if err := checkSchemaVersions([]Manifest{*m}); err != nil {
		return err
	}
	// The run's own files and the copies its commit rewrote (publish.go),
	// which are named alike across tables.
	files := append(append([]FileInfo{}, m.Files...), m.Rewritten...)
	hashes := map[string]map[string]string{} // part file name → article id → content hash
	for _, f := range files {
		name := f.Path[strings.LastIndexByte(f.Path, '/')+1:]
		if f.Table == TableArticles {
			h, err := readHashes(ctx, st, f.Path)
			if err != nil {
				return fmt.Errorf("migrate run %s: %w", m.RunID, err)
			}
			hashes[name] = h
		}
	}
	for _, f := range files {
		migrate, ok := migrators[f.Table]
		if !ok {
			return fmt.Errorf("migrate run %s: %s: unknown table %q", m.RunID, f.Path, f.Table)
		}
		h := hashes[f.Path[strings.LastIndexByte(f.Path, '/')+1:]]
		err := migrate(ctx, st, stage, f, h)
		if errors.Is(err, fs.ErrNotExist) {
			continue // gone (removed by hand): nothing a reader sees
		}
		if err != nil {
			return fmt.Errorf("migrate run %s from schema %s: %w", m.RunID, m.SchemaVersion, err)
		}
	}
	m.SchemaMigrations = append(m.SchemaMigrations, SchemaMigration{From: m.SchemaVersion, To: models.SchemaVersion,
		ByRun: byRun, At: now.UTC().Format(time.RFC3339)})
	m.SchemaVersion = models.SchemaVersion
	return nil
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

// migrator rewrites one committed file to its table's current row type;
// hashes maps the article ids of the file's run and shard to their content
// hashes.
type migrator func(ctx context.Context, st store, stage string, f FileInfo, hashes map[string]string) error

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
	return func(ctx context.Context, st store, stage string, fi FileInfo, hashes map[string]string) error {
		meta, err := fileMeta(ctx, st, fi.Path)
		if err != nil {
			return err
		}
		f, err := st.create(ctx, stage, fi.Path)
		if err != nil {
			return err
		}
		out := createTable[T](f, fi.Path, fi.Table, meta, rowGroupSize[fi.Table])
		err = readRows(ctx, st, fi.Path, func(rows []T) error {
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
			return fmt.Errorf("migrate %s: %d rows read, the manifest lists %d", st.location(fi.Path), out.rows, fi.Rows)
		}
		return st.replace(ctx, stage, fi.Path)
	}
}

// migrateCommit brings the committed runs, and the sharded run m about to
// be committed, to the current schema.
func migrateCommit(ctx context.Context, st store, m *Manifest, cfg CommitConfig) error {
	ms, err := readManifests(ctx, st)
	if err != nil {
		return err
	}
	stage := cfg.RunID + "/_migrate"
	if _, err := migrateRuns(ctx, st, ms, cfg.RunID, stage, cfg.now(), cfg.Log); err != nil {
		return err
	}
	return migrateManifest(ctx, st, m, cfg.RunID, stage, cfg.now())
}
