package data

import (
	"errors"
	"fmt"
	"io/fs"
	"sync"
)

// overlay holds the user's data directory that TSV reads after the embedded
// tables; nil when none is set.
var overlay struct {
	sync.RWMutex
	fsys fs.FS
}

// SetOverlay makes TSV append the rows of fsys's file at the same path
// (gazetteer/orgs.tsv, ...) to each embedded table, so that a user adds
// actors, names and cue words without rebuilding. A nil fsys removes the
// overlay. Call it before building the extractors, which read their tables
// once; the overlay's tables need a header row, and may have fewer columns.
func SetOverlay(fsys fs.FS) {
	overlay.Lock()
	overlay.fsys = fsys
	overlay.Unlock()
}

// TSV reads an embedded tab-separated file with a header row, followed by
// the rows of the overlay's file at the same path (SetOverlay). Blank lines
// and lines starting with '#' are skipped; a row with more cells than the
// header is an error, missing trailing cells are empty.
func TSV(path string) ([]Record, error) {
	rows, err := TSVFrom(files, path)
	if err != nil {
		return nil, err
	}
	overlay.RLock()
	o := overlay.fsys
	overlay.RUnlock()
	if o == nil {
		return rows, nil
	}
	more, err := TSVFrom(o, path)
	if errors.Is(err, fs.ErrNotExist) {
		return rows, nil
	}
	if err != nil {
		return nil, fmt.Errorf("data overlay: %w", err)
	}
	return append(rows, more...), nil
}

// TSVFrom reads a tab-separated file with a header row from any file system.
func TSVFrom(fsys fs.FS, path string) ([]Record, error) {
	b, err := fs.ReadFile(fsys, path)
	if err != nil {
		return nil, err
	}
	return ParseTSV(path, b)
}
