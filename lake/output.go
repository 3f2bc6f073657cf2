package lake

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/communique/communique/models"
)

// The output root, a local directory or an object-store prefix, holds one
// directory per table, partitioned by ingest date the way pandas, polars,
// DuckDB and Spark read hive-style datasets:
//
//	<root>/entities/ingest_date=2026-11-22/part-<run_id>-<shard>.parquet
//	<root>/_runs/<run_id>.json               run manifest, written last: the commit
//	<root>/_runs/<run_id>/shard-<i>.json     shard manifests of a sharded run
//	<root>/_history/<run_id>/<table>/...     live files the run replaced
//	<root>/_staging/<run_id>/...             files of a run in progress (local disk)
//	<root>/_pending/<table>/...              files waiting for their commit (local disk)
//	<root>/_snapshots/<run_id>/<table>/...   the live snapshot (local disk)
//	<root>/_current -> _snapshots/<run_id>   swapped by one rename (local disk)
//	<root>/<table> -> _current/<table>       (local disk)
//	<root>/.lock                             held while a run writes (local disk)
//
// A run without shards is shard 0 and commits itself: it writes its files
// and publishes them (publish.go): the live files holding articles it
// processed again are rewritten without them, a new snapshot is built, the
// manifest is created and the snapshot made live. The shards of a sharded
// run each write their files and then their shard manifest; `communique
// commit` publishes the run once every shard is complete. The latest run
// manifest lists the live files (Live), one version of every article;
// readers of an object store read those (`communique files`), readers of a
// local root may glob the table directories.
const (
	runsDir      = "_runs"
	stagingDir   = "_staging"
	pendingDir   = "_pending"
	snapshotsDir = "_snapshots"
	currentLink  = "_current"
	historyDir   = "_history"
	lockFile     = ".lock"
	partPrefix   = "part-"
	// publishLock serializes the commits of sharded runs on local disk.
	publishLock = ".publish"
)

// ErrLocked means another run is writing to the same output.
var ErrLocked = errors.New("another communique run is writing to this output")

// partKey is the key of a shard's part file of a table.
func partKey(table, ingestDate, runID string, shard int) string {
	return table + "/" + partition(ingestDate) + "/" + partName(runID, shard)
}

// partName is the file name of a run's part file of shard n.
func partName(runID string, n int) string {
	return fmt.Sprintf("%s%s-%d.parquet", partPrefix, runID, n)
}

// parsePartName returns the run id and shard in a part file name.
func parsePartName(name string) (runID string, shard int, ok bool) {
	if !strings.HasPrefix(name, partPrefix) || !strings.HasSuffix(name, ".parquet") {
		return "", 0, false
	}
	s := strings.TrimSuffix(strings.TrimPrefix(name, partPrefix), ".parquet")
	i := strings.LastIndexByte(s, '-')
	if i <= 0 {
		return "", 0, false
	}
	n, err := strconv.Atoi(s[i+1:])
	if err != nil || n < 0 {
		return "", 0, false
	}
	return s[:i], n, true
}

// shardKey names one shard of one run.
type shardKey struct {
	run   string
	shard int
}

// partition is the hive-style directory of an ingest date.
func partition(ingestDate string) string { return "ingest_date=" + ingestDate }

// manifestKey is where a run's manifest goes.
func manifestKey(runID string) string { return runsDir + "/" + runID + ".json" }

// shardManifestKey is where a shard's manifest goes.
func shardManifestKey(runID string, shard int) string {
	return fmt.Sprintf("%s/%s/shard-%d.json", runsDir, runID, shard)
}

// Manifest records one committed run. It is written last: a run without a
// manifest did not happen, and its files are not part of the dataset.
type Manifest struct {
	RunID           string               `json:"run_id"`
	SchemaVersion   string               `json:"schema_version"`
	PipelineVersion string               `json:"pipeline_version"`
	IngestDate      string               `json:"ingest_date"`
	Started         string               `json:"started"`
	Finished        string               `json:"finished"`
	ElapsedSeconds  float64              `json:"elapsed_seconds"`
	Workers         int                  `json:"workers"`
	Shards          int                  `json:"shards,omitempty"` // 0: a run without shards
	Reprocess       bool                 `json:"reprocess"`
	Inputs          []models.InputRecord `json:"inputs"`
	Files           []FileInfo           `json:"files"` // written by the run
	// Live lists every file of the live tables once the run is committed:
	// what a reader reads (`communique files`). Empty in manifests written
	// before snapshots: then the live files are those of every manifest.
	Live []FileInfo `json:"live,omitempty"`
	// Replaced lists the live files this run replaced because they held
	// articles it processed again; they are kept under
	// _history/<run_id>/<path> (`communique files --history`).
	Replaced []FileInfo `json:"replaced,omitempty"`
	// Migrated lists the live files of older schema versions this commit
	// migrated (migrate.go): they left the live tables for their copies
	// (on local disk they stay in the previous snapshot; in an object store
	// they are deleted once the run is committed).
	Migrated []FileInfo `json:"migrated,omitempty"`
	// Rewritten lists the live files this commit wrote in place of others:
	// the copies of the replaced files without those articles' rows, and
	// the migrated copies of the Migrated files.
	Rewritten []FileInfo     `json:"rewritten,omitempty"`
	Rows      Counts         `json:"rows"`
	Articles  int            `json:"articles"`
	Tokens    int64          `json:"tokens"`
	Skipped   int            `json:"skipped"`
	Errors    int64          `json:"errors"`
	Extra     map[string]any `json:"extra,omitempty"`
	// SchemaMigrations records the commits that rewrote the run's files to
	// a newer schema (SchemaVersion is then the newest).
	SchemaMigrations []SchemaMigration `json:"schema_migrations,omitempty"`
}

// ShardManifest records one shard of a sharded run. The shard writes it when
// it starts, with Complete false, before any of its files, and again, with
// Complete true, after its last file. A retry of the shard reads it to find
// the files of the earlier attempt, which it replaces.
type ShardManifest struct {
	Manifest
	Shard    int  `json:"shard"`
	Complete bool `json:"complete"`
	// InputsDigest identifies the whole input list the shard was assigned
	// from; commit refuses shards that saw different lists.
	InputsDigest string `json:"inputs_digest"`
}

// readManifests returns the committed runs of an output, oldest run id first.
func readManifests(ctx context.Context, st store) ([]Manifest, error) {
	keys, err := st.listDir(ctx, runsDir+"/")
	if err != nil {
		return nil, err
	}
	var out []Manifest
	for _, k := range keys {
		if !strings.HasSuffix(k, ".json") {
			continue
		}
		var m Manifest
		if err := readJSON(ctx, st, k, &m); err != nil {
			return nil, err
		}
		out = append(out, m)
	}
	return out, nil
}

// readManifest returns a run's manifest, or nil if the run is not committed.
func readManifest(ctx context.Context, st store, runID string) (*Manifest, error) {
	var m Manifest
	err := readJSON(ctx, st, manifestKey(runID), &m)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	return &m, nil
}

// readShardManifest returns a shard's manifest, or nil if it has none.
func readShardManifest(ctx context.Context, st store, runID string, shard int) (*ShardManifest, error) {
	var m ShardManifest
	err := readJSON(ctx, st, shardManifestKey(runID, shard), &m)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	return &m, nil
}

func readJSON(ctx context.Context, st store, key string, v any) error {
	b, err := st.read(ctx, key)
	if err != nil {
		return err
	}
	if err := json.Unmarshal(b, v); err != nil {
		return fmt.Errorf("manifest %s: %w", st.location(key), err)
	}
	return nil
}

// marshalManifest is the JSON of a manifest as it is written.
func marshalManifest(v any) ([]byte, error) {
	b, err := json.MarshalIndent(v, "", "  ")
	if err != nil {
		return nil, err
	}
	return append(b, '\n'), nil
}

// commitManifest publishes a run manifest exactly once. It returns false,
// without error, when the run was committed before.
func commitManifest(ctx context.Context, st store, m Manifest) (bool, error) {
	if m.Inputs == nil {
		m.Inputs = []models.InputRecord{}
	}
	if m.Files == nil {
		m.Files = []FileInfo{}
	}
	b, err := marshalManifest(m)
	if err != nil {
		return false, err
	}
	created, err := st.createExclusive(ctx, manifestKey(m.RunID), b)
	if err != nil {
		return false, fmt.Errorf("write manifest %s: %w", st.location(manifestKey(m.RunID)), err)
	}
	return created, nil
}

// writeShardManifest writes (or replaces) a shard's manifest.
func writeShardManifest(ctx context.Context, st store, m ShardManifest) error {
	if m.Inputs == nil {
		m.Inputs = []models.InputRecord{}
	}
	if m.Files == nil {
		m.Files = []FileInfo{}
	}
	b, err := marshalManifest(m)
	if err != nil {
		return err
	}
	key := shardManifestKey(m.RunID, m.Shard)
	if err := st.write(ctx, key, b); err != nil {
		return fmt.Errorf("write shard manifest %s: %w", st.location(key), err)
	}
	return nil
}

// finishedShards returns the complete shards of uncommitted runs in a local
// output root: their files wait for `communique commit` and are kept.
func (s *diskStore) finishedShards(committed map[string]bool) (map[shardKey]bool, error) {
	names, err := filepath.Glob(filepath.Join(s.root, runsDir, "*", "shard-*.json"))
	if err != nil {
		return nil, err
	}
	done := map[shardKey]bool{}
	for _, n := range names {
		run := filepath.Base(filepath.Dir(n))
		if committed[run] {
			continue
		}
		b, err := os.ReadFile(n)
		if err != nil {
			return nil, err
		}
		var m ShardManifest
		if err := json.Unmarshal(b, &m); err != nil {
			return nil, fmt.Errorf("shard manifest %s: %w", n, err)
		}
		if m.Complete {
			done[shardKey{m.RunID, m.Shard}] = true
		}
	}
	return done, nil
}
