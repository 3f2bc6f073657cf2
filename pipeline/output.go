package pipeline

import (
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
)

// The output root holds one directory per table, partitioned by ingest date
// the way pandas, polars, DuckDB and Spark read hive-style datasets:
//
//	<root>/entities/ingest_date=2026-11-22/part-<run_id>-0.parquet
//	<root>/_runs/<run_id>.json         run manifest, written last
//	<root>/_staging/<run_id>/...       files of a run in progress
//	<root>/.lock                       held while a run writes
//
// A run writes its files under _staging, renames them into their partitions
// only when all are complete, and then writes its manifest. A file whose run
// has no manifest belongs to a run that died; the next run removes it.
const (
	runsDir    = "_runs"
	stagingDir = "_staging"
	lockFile   = ".lock"
	partPrefix = "part-"
)

// ErrLocked means another run is writing to the same output.
var ErrLocked = errors.New("another communique run is writing to this output")

// partName is the file name of a run's part file n.
func partName(runID string, n int) string {
	return fmt.Sprintf("%s%s-%d.parquet", partPrefix, runID, n)
}

// runOfPart returns the run id in a part file name, or "".
func runOfPart(name string) string {
	if !strings.HasPrefix(name, partPrefix) || !strings.HasSuffix(name, ".parquet") {
		return ""
	}
	s := strings.TrimSuffix(strings.TrimPrefix(name, partPrefix), ".parquet")
	i := strings.LastIndexByte(s, '-')
	if i <= 0 {
		return ""
	}
	return s[:i]
}

// partition is the hive-style directory of an ingest date.
func partition(ingestDate string) string { return "ingest_date=" + ingestDate }

// manifestPath is where a run's manifest goes.
func manifestPath(root, runID string) string {
	return filepath.Join(root, runsDir, runID+".json")
}

// Manifest records one committed run. It is written last: a run without a
// manifest did not happen, and its files are removed by the next run.
type Manifest struct {
	RunID           string         `json:"run_id"`
	SchemaVersion   string         `json:"schema_version"`
	PipelineVersion string         `json:"pipeline_version"`
	IngestDate      string         `json:"ingest_date"`
	Started         string         `json:"started"`
	Finished        string         `json:"finished"`
	ElapsedSeconds  float64        `json:"elapsed_seconds"`
	Workers         int            `json:"workers"`
	Reprocess       bool           `json:"reprocess"`
	Inputs          []InputRecord  `json:"inputs"`
	Files           []FileInfo     `json:"files"`
	Rows            Counts         `json:"rows"`
	Articles        int            `json:"articles"`
	Tokens          int64          `json:"tokens"`
	Skipped         int            `json:"skipped"`
	Errors          int64          `json:"errors"`
	Extra           map[string]any `json:"extra,omitempty"`
}

// InputRecord is one input file of a run.
type InputRecord struct {
	Path      string `json:"path"`
	SHA256    string `json:"sha256,omitempty"`
	Bytes     int64  `json:"bytes"`
	Articles  int    `json:"articles"`
	Skipped   int    `json:"skipped"`
	Unchanged bool   `json:"unchanged,omitempty"` // the same bytes were committed before; not read again
}

// readManifests returns the committed runs under root, oldest first.
func readManifests(root string) ([]Manifest, error) {
	names, err := filepath.Glob(filepath.Join(root, runsDir, "*.json"))
	if err != nil {
		return nil, err
	}
	sort.Strings(names)
	var out []Manifest
	for _, n := range names {
		b, err := os.ReadFile(n)
		if err != nil {
			return nil, err
		}
		var m Manifest
		if err := json.Unmarshal(b, &m); err != nil {
			return nil, fmt.Errorf("manifest %s: %w", n, err)
		}
		out = append(out, m)
	}
	return out, nil
}

// writeManifest publishes m atomically: a temporary file renamed into place.
func writeManifest(root string, m Manifest) error {
	dir := filepath.Join(root, runsDir)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	b, err := json.MarshalIndent(m, "", "  ")
	if err != nil {
		return err
	}
	f, err := os.CreateTemp(dir, ".manifest-*.tmp")
	if err != nil {
		return err
	}
	if _, err := f.Write(append(b, '\n')); err != nil {
		f.Close()
		os.Remove(f.Name())
		return err
	}
	if err := f.Sync(); err != nil {
		f.Close()
		os.Remove(f.Name())
		return err
	}
	if err := f.Close(); err != nil {
		os.Remove(f.Name())
		return err
	}
	if err := os.Rename(f.Name(), manifestPath(root, m.RunID)); err != nil {
		os.Remove(f.Name())
		return err
	}
	return syncDir(dir)
}

// syncDir flushes a directory entry change (a rename) to disk.
func syncDir(dir string) error {
	d, err := os.Open(dir)
	if err != nil {
		return err
	}
	defer d.Close()
	if err := d.Sync(); err != nil && !errors.Is(err, fs.ErrInvalid) {
		return err
	}
	return nil
}

// cleanOrphans removes what dead runs left: staging directories and part
// files of runs without a manifest. The caller holds the lock.
func cleanOrphans(root string, committed map[string]bool) (removed []string, err error) {
	if err := os.RemoveAll(filepath.Join(root, stagingDir)); err != nil {
		return nil, err
	}
	for _, table := range Tables {
		dir := filepath.Join(root, table)
		err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
			if err != nil {
				if errors.Is(err, fs.ErrNotExist) {
					return nil
				}
				return err
			}
			if d.IsDir() {
				return nil
			}
			run := runOfPart(d.Name())
			if run != "" && !committed[run] || strings.HasSuffix(d.Name(), ".tmp") {
				if err := os.Remove(p); err != nil {
					return err
				}
				removed = append(removed, p)
			}
			return nil
		})
		if err != nil {
			return removed, fmt.Errorf("clean %s: %w", dir, err)
		}
	}
	return removed, nil
}

// hasCommittedFile reports whether a table already has a committed part file.
func hasCommittedFile(root, table string, committed map[string]bool) bool {
	found := false
	filepath.WalkDir(filepath.Join(root, table), func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() && committed[runOfPart(d.Name())] {
			found = true
			return fs.SkipAll
		}
		return nil
	})
	return found
}
