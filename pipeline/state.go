package pipeline

import (
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"github.com/parquet-go/parquet-go"
)

// State is what earlier committed runs under an output root processed: the
// input files by hash and the content hash of every article by id. A run
// skips inputs and articles it already holds; changed articles are processed
// again and their new rows supersede the old (same article_id, newer run_id).
type State struct {
	Manifests []Manifest
	runs      map[string]bool
	inputs    map[string]bool     // sha256 of committed input files
	articles  map[string][32]byte // article id → content sha256 of its latest rows
}

// articleKey is the projection of the articles table the state needs.
type articleKey struct {
	ArticleID     string `parquet:"article_id"`
	ContentSHA256 string `parquet:"content_sha256"`
}

// LoadState reads the manifests under root and the ids and content hashes
// of the articles they committed. Memory grows with the number of committed
// articles (about 100 bytes each), not with their text.
func LoadState(root string) (*State, error) {
	ms, err := readManifests(root)
	if err != nil {
		return nil, err
	}
	s := &State{Manifests: ms, runs: map[string]bool{}, inputs: map[string]bool{}, articles: map[string][32]byte{}}
	for _, m := range ms {
		s.runs[m.RunID] = true
		for _, in := range m.Inputs {
			if in.SHA256 != "" {
				s.inputs[in.SHA256] = true
			}
		}
		for _, f := range m.Files {
			if f.Table != TableArticles || f.Rows == 0 {
				continue
			}
			if err := s.loadArticles(filepath.Join(root, f.Path)); err != nil {
				return nil, fmt.Errorf("run %s: %w", m.RunID, err)
			}
		}
	}
	return s, nil
}

func (s *State) loadArticles(path string) error {
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		return err
	}
	pf, err := parquet.OpenFile(f, st.Size())
	if err != nil {
		return fmt.Errorf("open %s: %w", path, err)
	}
	r := parquet.NewGenericReader[articleKey](pf)
	defer r.Close()
	buf := make([]articleKey, 1024)
	for {
		n, err := r.Read(buf)
		for _, k := range buf[:n] {
			var h [32]byte
			hex.Decode(h[:], []byte(k.ContentSHA256))
			s.articles[k.ArticleID] = h
		}
		if errors.Is(err, io.EOF) {
			return nil
		}
		if err != nil {
			return fmt.Errorf("read %s: %w", path, err)
		}
	}
}

// Committed reports whether a run has a manifest.
func (s *State) Committed(runID string) bool { return s.runs[runID] }

// HasInput reports whether an input file with this hash was committed.
func (s *State) HasInput(sha string) bool { return s.inputs[sha] }

// HasArticle reports whether the article id was committed with this content hash.
func (s *State) HasArticle(id string, sha [32]byte) bool {
	h, ok := s.articles[id]
	return ok && h == sha
}

// Articles returns the number of distinct committed articles.
func (s *State) Articles() int { return len(s.articles) }
