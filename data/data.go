package data

import (
	"embed"
	"io/fs"
)

//go:embed gazetteer lexicon gold samples models
var files embed.FS

// FS returns the embedded data files, rooted at this directory.
func FS() fs.FS { return files }

// ReadFile returns the embedded file at path, e.g. "gazetteer/states.tsv".
func ReadFile(path string) ([]byte, error) { return files.ReadFile(path) }
