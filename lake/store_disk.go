package lake

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
)

// diskStore is an output root on local disk. Part files are written under
// _staging and renamed into place; small files (manifests) are written to a
// temporary file and renamed, or linked when they must not exist yet; locks
// are flock(2) locks, released by the kernel when a process dies.
type diskStore struct {
	root string
}

func (s *diskStore) String() string { return s.root }

func (s *diskStore) path(key string) string { return filepath.Join(s.root, filepath.FromSlash(key)) }

func (s *diskStore) location(key string) string { return s.path(key) }

// lock locks root/.lock, or root/_staging/<name>.lock.
func (s *diskStore) lock(name string, exclusive bool) (func(), error) {
	p := filepath.Join(s.root, lockFile)
	if name != "" {
		p = filepath.Join(s.root, stagingDir, filepath.FromSlash(name)+".lock")
	}
	return flock(p, exclusive)
}

func (s *diskStore) stagePath(stage, key string) string {
	return filepath.Join(s.root, stagingDir, filepath.FromSlash(stage), filepath.FromSlash(key))
}

func (s *diskStore) create(_ context.Context, stage, key string) (partFile, error) {
	p := s.stagePath(stage, key)
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		return nil, err
	}
	f, err := os.OpenFile(p, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if err != nil {
		return nil, err
	}
	return diskPart{f}, nil
}

// diskPart is a staged part file.
type diskPart struct{ *os.File }

// Close flushes the file to disk and closes it.
func (f diskPart) Close() error {
	if err := f.Sync(); err != nil {
		f.File.Close()
		return fmt.Errorf("sync %s: %w", f.Name(), err)
	}
	return f.File.Close()
}

func (f diskPart) Abort() {
	f.File.Close()
	os.Remove(f.Name())
}

// publish renames a staged file to _pending, replacing what was there.
func (s *diskStore) publish(_ context.Context, stage, key string) error {
	dst := s.path(s.pendingKey(key))
	if err := os.MkdirAll(filepath.Dir(dst), 0o755); err != nil {
		return err
	}
	if err := os.Rename(s.stagePath(stage, key), dst); err != nil {
		return fmt.Errorf("publish %s: %w", dst, err)
	}
	return syncDir(filepath.Dir(dst))
}

func (s *diskStore) pendingKey(key string) string { return pendingDir + "/" + key }

// copy hard-links src at dst: a replaced file kept in history costs no space.
func (s *diskStore) copy(_ context.Context, src, dst string) error {
	p := s.path(dst)
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		return err
	}
	if err := os.Remove(p); err != nil && !errors.Is(err, fs.ErrNotExist) {
		return err
	}
	if err := os.Link(s.path(src), p); err != nil {
		return err
	}
	return syncDir(filepath.Dir(p))
}

func (s *diskStore) clearStage(stage string) error {
	return os.RemoveAll(filepath.Join(s.root, stagingDir, filepath.FromSlash(stage)))
}

func (s *diskStore) read(_ context.Context, key string) ([]byte, error) {
	return os.ReadFile(s.path(key))
}

// write replaces key with b through a temporary file and a rename.
func (s *diskStore) write(_ context.Context, key string, b []byte) error {
	tmp, err := s.temp(key, b)
	if err != nil {
		return err
	}
	if err := os.Rename(tmp, s.path(key)); err != nil {
		os.Remove(tmp)
		return err
	}
	return syncDir(filepath.Dir(tmp))
}

// createExclusive writes b to a temporary file and links it at key: link(2)
// fails if key exists, so exactly one of concurrent writers wins, and the
// file is complete when it appears.
func (s *diskStore) createExclusive(_ context.Context, key string, b []byte) (bool, error) {
	tmp, err := s.temp(key, b)
	if err != nil {
		return false, err
	}
	defer os.Remove(tmp)
	if err := os.Link(tmp, s.path(key)); err != nil {
		if errors.Is(err, fs.ErrExist) {
			return false, nil
		}
		return false, err
	}
	return true, syncDir(filepath.Dir(tmp))
}

// temp writes b, flushed to disk, to a new temporary file beside key.
func (s *diskStore) temp(key string, b []byte) (string, error) {
	dir := filepath.Dir(s.path(key))
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return "", err
	}
	// Not os.CreateTemp: its files are 0600, and a manifest must be as
	// readable as the data files it lists (0644, less what the umask takes).
	var f *os.File
	var err error
	for range 100 {
		var rnd [6]byte
		rand.Read(rnd[:])
		f, err = os.OpenFile(filepath.Join(dir, ".tmp-"+hex.EncodeToString(rnd[:])), os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
		if !errors.Is(err, fs.ErrExist) {
			break
		}
	}
	if err != nil {
		return "", err
	}
	_, err = f.Write(b)
	if err == nil {
		err = f.Sync()
	}
	if e := f.Close(); err == nil {
		err = e
	}
	if err != nil {
		os.Remove(f.Name())
		return "", err
	}
	return f.Name(), nil
}

func (s *diskStore) listDir(_ context.Context, dir string) ([]string, error) {
	ents, err := os.ReadDir(s.path(dir))
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	var keys []string
	for _, e := range ents {
		if !e.IsDir() && !strings.HasPrefix(e.Name(), ".") {
			keys = append(keys, strings.TrimSuffix(dir, "/")+"/"+e.Name())
		}
	}
	sort.Strings(keys)
	return keys, nil
}

func (s *diskStore) listTree(_ context.Context, dir string) ([]string, error) {
	var keys []string
	err := filepath.WalkDir(s.path(dir), func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			if errors.Is(err, fs.ErrNotExist) {
				return nil
			}
			return err
		}
		if d.IsDir() || strings.HasPrefix(d.Name(), ".") {
			return nil
		}
		rel, err := filepath.Rel(s.root, p)
		if err != nil {
			return err
		}
		keys = append(keys, filepath.ToSlash(rel))
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("list %s: %w", s.path(dir), err)
	}
	sort.Strings(keys)
	return keys, nil
}

func (s *diskStore) removeTree(_ context.Context, dir string) error {
	return os.RemoveAll(s.path(dir))
}

func (s *diskStore) remove(_ context.Context, key string) error {
	if err := os.Remove(s.path(key)); err != nil && !errors.Is(err, fs.ErrNotExist) {
		return err
	}
	return nil
}

func (s *diskStore) open(_ context.Context, key string) (*openFile, error) {
	f, err := os.Open(s.path(key))
	if err != nil {
		return nil, err
	}
	st, err := f.Stat()
	if err != nil {
		f.Close()
		return nil, err
	}
	return &openFile{ReaderAt: f, size: st.Size(), close: f.Close}, nil
}

func (s *diskStore) Close() error { return nil }

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

// cleanOrphans removes what dead runs left in a local output root: the
// staging area, snapshots not live, the history of runs not committed, and
// part files whose run is not committed and whose shard has not finished (a
// finished shard's files wait in _pending for `communique commit`).
// The caller holds the root lock exclusively, so no run is writing.
func (s *diskStore) cleanOrphans(committed map[string]bool, finished map[shardKey]bool) (removed []string, err error) {
	if err := s.clearStage(""); err != nil {
		return nil, err
	}
	// Temporary manifests of runs killed between writing and linking them.
	runs := filepath.Join(s.root, "_runs")
	err = filepath.WalkDir(runs, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			if errors.Is(err, fs.ErrNotExist) {
				return nil
			}
			return err
		}
		if !d.IsDir() && strings.HasPrefix(d.Name(), ".tmp-") {
			if err := os.Remove(p); err != nil {
				return err
			}
			removed = append(removed, p)
		}
		return nil
	})
	if err != nil {
		return removed, fmt.Errorf("clean %s: %w", runs, err)
	}
	// Symlinks of a swap that died before its rename.
	tmps, _ := filepath.Glob(filepath.Join(s.root, ".tmp-current-*"))
	for _, p := range tmps {
		if err := os.Remove(p); err != nil {
			return removed, err
		}
		removed = append(removed, p)
	}
	// Snapshots other than the live one (the caller finished the last
	// commit), and the history of runs that never committed.
	if _, err := s.removeSnapshots(map[string]bool{s.current(): true}, false); err != nil {
		return removed, err
	}
	hist, err := os.ReadDir(s.path(historyDir))
	if err != nil && !errors.Is(err, fs.ErrNotExist) {
		return removed, err
	}
	for _, e := range hist {
		if !committed[e.Name()] {
			p := filepath.Join(s.path(historyDir), e.Name())
			if err := os.RemoveAll(p); err != nil {
				return removed, err
			}
			removed = append(removed, p)
		}
	}
	// Part files: pending ones of runs committed (already in a snapshot) or
	// dead, and in table directories written before snapshots, those of
	// dead runs. filepath.WalkDir does not follow the tables' symlinks.
	for _, table := range append([]string{pendingDir}, Tables...) {
		dir := filepath.Join(s.root, table)
		pending := table == pendingDir
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
			run, shard, ok := parsePartName(d.Name())
			orphan := ok && (pending && committed[run] || !committed[run] && !finished[shardKey{run, shard}])
			if orphan || strings.HasPrefix(d.Name(), ".tmp-") || strings.HasSuffix(d.Name(), ".tmp") {
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

// exists fails with ErrNoOutput when the root is not a directory.
func (s *diskStore) exists() error {
	if fi, err := os.Stat(s.root); err != nil || !fi.IsDir() {
		return fmt.Errorf("%s: %w", s.root, ErrNoOutput)
	}
	return nil
}
