package stances

import (
	"fmt"
	"io/fs"
	"os"
	"path/filepath"

	"github.com/communique/communique/data"
	"github.com/communique/communique/linear"
)

// ModelDir is where the embedded stance model lives in the data files.
const ModelDir = "models/stances"

// The files of a stance model in its directory.
const (
	rowFile   = "row.model"
	classFile = "class.model"
	actorFile = "actor.model"
)

// Model decides the candidates in two steps: Row, whether a candidate makes
// a row at all (classes none and row), then Class, which commitment modality
// or position stance it is. Factored so, every row of any class teaches the
// first step, and the second learns from rows only. Actor then ranks who
// may be a row's actor (classes actor and other).
type Model struct {
	Row   *linear.Model
	Class *linear.Model
	Actor *linear.Model
}

// classRow is the Row model's class for a candidate that makes a row.
const classRow = "row"

// EmbeddedModel reads the stance model embedded in the data files, at ModelDir.
func EmbeddedModel() (*Model, error) {
	sub, err := fs.Sub(data.FS(), ModelDir)
	if err != nil {
		return nil, err
	}
	return LoadModel(sub)
}

// LoadModel reads a stance model from the directory fsys.
func LoadModel(fsys fs.FS) (*Model, error) {
	read := func(name string) (*linear.Model, error) {
		f, err := fsys.Open(name)
		if err != nil {
			return nil, fmt.Errorf("stance model: %w", err)
		}
		defer f.Close()
		m, err := linear.Read(f)
		if err != nil {
			return nil, fmt.Errorf("stance model %s: %w", name, err)
		}
		return m, nil
	}
	row, err := read(rowFile)
	if err != nil {
		return nil, err
	}
	if len(row.Classes) != 2 || row.Class(classNone) < 0 || row.Class(classRow) < 0 {
		return nil, fmt.Errorf("stance model %s: classes %v, want %s and %s", rowFile, row.Classes, classNone, classRow)
	}
	class, err := read(classFile)
	if err != nil {
		return nil, err
	}
	for _, c := range class.Classes {
		if _, _, ok := splitClass(c); !ok {
			return nil, fmt.Errorf("stance model %s: unknown class %q", classFile, c)
		}
	}
	actor, err := read(actorFile)
	if err != nil {
		return nil, err
	}
	if len(actor.Classes) != 2 || actor.Class(classActor) < 0 || actor.Class(classOther) < 0 {
		return nil, fmt.Errorf("stance model %s: classes %v, want %s and %s", actorFile, actor.Classes, classActor, classOther)
	}
	return &Model{Row: row, Class: class, Actor: actor}, nil
}

// Fit trains a stance model on labelled candidates and actor options
// (LabelActors) with cfg.
func Fit(ex, actors []linear.Example, cfg linear.Config) (*Model, error) {
	rows := make([]linear.Example, len(ex))
	var classes []linear.Example
	for i, e := range ex {
		rows[i] = linear.Example{Features: e.Features, Class: classNone}
		if e.Class != classNone {
			rows[i].Class = classRow
			classes = append(classes, e)
		}
	}
	row, err := linear.Train(rows, cfg)
	if err != nil {
		return nil, fmt.Errorf("row model: %w", err)
	}
	class, err := linear.Train(classes, cfg)
	if err != nil {
		return nil, fmt.Errorf("class model: %w", err)
	}
	actor, err := linear.Train(actors, cfg)
	if err != nil {
		return nil, fmt.Errorf("actor model: %w", err)
	}
	return &Model{Row: row, Class: class, Actor: actor}, nil
}

// WriteDir writes the model's files into dir, each through a temporary file
// so that a failed write leaves the old one.
func (m *Model) WriteDir(dir string) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return fmt.Errorf("write model: %w", err)
	}
	for name, lm := range map[string]*linear.Model{rowFile: m.Row, classFile: m.Class, actorFile: m.Actor} {
		path := filepath.Join(dir, name)
		tmp, err := os.CreateTemp(dir, ".model-*")
		if err != nil {
			return fmt.Errorf("write model: %w", err)
		}
		_, err = lm.WriteTo(tmp)
		if cerr := tmp.Close(); err == nil {
			err = cerr
		}
		if err == nil {
			err = os.Chmod(tmp.Name(), 0o644)
		}
		if err == nil {
			err = os.Rename(tmp.Name(), path)
		}
		if err != nil {
			os.Remove(tmp.Name())
			return fmt.Errorf("write model %s: %w", path, err)
		}
	}
	return nil
}

// decideOne returns the most probable class of a candidate with features f
// and its probability: P(row) × P(class | row).
func (m *Model) decideOne(f []string, buf *[2][]float64) (string, float64) {
	buf[0] = m.Row.Scores(f, buf[0])
	pRow := buf[0][m.Row.Class(classRow)]
	buf[1] = m.Class.Scores(f, buf[1])
	best := 0
	for k, p := range buf[1] {
		if p > buf[1][best] {
			best = k
		}
	}
	return m.Class.Classes[best], pRow * buf[1][best]
}
