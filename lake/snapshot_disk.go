package lake

import (
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
)

// On local disk every commit makes a snapshot of the live tables,
//
//	<root>/_snapshots/<run_id>/<table>/ingest_date=.../part-....parquet
//
// in which the files it keeps from the previous snapshot are hard links (no
// copy), and publishes it by one rename: <root>/_current is a symlink to
// the snapshot, replaced by renaming a new symlink over it, and each table
// path <root>/<table> is a fixed symlink to _current/<table>. A glob over
// <root>/<table>/**/*.parquet therefore lists one snapshot, the old or the
// new one, whatever step a failed or killed commit stopped at. DuckDB and
// polars follow the symlinks (docs/readers checks it).

// snapshotDir is the snapshot of a run, relative to the root.
func snapshotDir(runID string) string { return snapshotsDir + "/" + runID }

// current returns the run whose snapshot _current points to, or "".
func (s *diskStore) current() string {
	t, err := os.Readlink(filepath.Join(s.root, currentLink))
	if err != nil {
		return ""
	}
	return strings.TrimPrefix(filepath.ToSlash(t), snapshotsDir+"/")
}

// buildSnapshot links the live files into the run's snapshot directory:
// those it keeps of prev's live files (under prev.livePrefix) and the
// pending ones the run adds.
func (s *diskStore) buildSnapshot(runID string, prev *State, live []FileInfo) error {
	inPrev := prev.livePaths()
	dir := s.path(snapshotDir(runID))
	if err := os.RemoveAll(dir); err != nil { // what a failed attempt left
		return err
	}
	dirs := map[string]bool{}
	for _, f := range live {
		src := s.path(pendingDir + "/" + f.Path)
		if inPrev[f.Path] {
			src = s.path(prev.livePrefix + f.Path)
		}
		dst := filepath.Join(dir, filepath.FromSlash(f.Path))
		if !dirs[filepath.Dir(dst)] {
			if err := os.MkdirAll(filepath.Dir(dst), 0o755); err != nil {
				return err
			}
			dirs[filepath.Dir(dst)] = true
		}
		if err := os.Link(src, dst); err != nil {
			return fmt.Errorf("snapshot %s: %w", runID, err)
		}
	}
	for d := range dirs {
		if err := syncDir(d); err != nil {
			return err
		}
	}
	return nil
}

// swap points _current at the run's snapshot with one rename, and makes
// sure every table path is a symlink through _current. A table directory
// written before snapshots existed is moved under _history/<run_id>/legacy/
// (its live files are in the snapshot already): a one-time change during
// which that table is briefly absent.
func (s *diskStore) swap(runID string) error {
	var rnd [6]byte
	rand.Read(rnd[:])
	tmp := filepath.Join(s.root, ".tmp-current-"+hex.EncodeToString(rnd[:]))
	if err := os.Symlink(snapshotDir(runID), tmp); err != nil {
		return err
	}
	if err := os.Rename(tmp, filepath.Join(s.root, currentLink)); err != nil {
		os.Remove(tmp)
		return fmt.Errorf("swap %s: %w", currentLink, err)
	}
	if err := syncDir(s.root); err != nil {
		return err
	}
	for _, t := range Tables {
		p := filepath.Join(s.root, t)
		fi, err := os.Lstat(p)
		switch {
		case errors.Is(err, fs.ErrNotExist):
		case err != nil:
			return err
		case fi.Mode()&fs.ModeSymlink != 0:
			continue
		default:
			legacy := s.path(historyKey(runID, "legacy/"+t))
			if err := os.MkdirAll(filepath.Dir(legacy), 0o755); err != nil {
				return err
			}
			if err := os.Rename(p, legacy); err != nil {
				return fmt.Errorf("move %s aside: %w", p, err)
			}
		}
		if err := os.Symlink(currentLink+"/"+t, p); err != nil {
			return fmt.Errorf("link table %s: %w", t, err)
		}
	}
	return syncDir(s.root)
}

// removeSnapshots removes every snapshot but those of the runs in keep and
// those a symlink in the root points to (pinnedSnapshots: a reader keeps
// one that way), and returns their paths. With dryRun it only returns them.
func (s *diskStore) removeSnapshots(keep map[string]bool, dryRun bool) (removed []string, err error) {
	ents, err := os.ReadDir(s.path(snapshotsDir))
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	pinned, err := s.pinnedSnapshots()
	if err != nil {
		return nil, err
	}
	for _, e := range ents {
		if keep[e.Name()] || pinned[e.Name()] {
			continue
		}
		p := filepath.Join(s.path(snapshotsDir), e.Name())
		if !dryRun {
			if err := os.RemoveAll(p); err != nil {
				return removed, fmt.Errorf("remove snapshot %s: %w", e.Name(), err)
			}
		}
		removed = append(removed, p)
	}
	return removed, nil
}

// removePending removes pending files once they are linked into a snapshot.
func (s *diskStore) removePending(files []FileInfo) error {
	for _, f := range files {
		p := s.path(pendingDir + "/" + f.Path)
		if err := os.Remove(p); err != nil && !errors.Is(err, fs.ErrNotExist) {
			return err
		}
		// The partition and table directories, once empty.
		os.Remove(filepath.Dir(p))
		os.Remove(filepath.Dir(filepath.Dir(p)))
	}
	return nil
}
