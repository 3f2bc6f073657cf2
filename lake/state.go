package lake

import (
	"context"
	"encoding/hex"
)

// State is what earlier committed runs under an output root processed: the
// input files by hash and the content hash of every article by id. A run
// skips inputs and articles it already holds; changed articles are processed
// again and their new rows replace the old in the live tables (publish.go).
type State struct {
	Manifests []Manifest
	// live lists the files of the live tables; livePrefix is the key prefix
	// they are read under (on disk the latest snapshot's directory, so they
	// are found even when a failed commit left _current behind).
	live       []FileInfo
	livePrefix string
	runs       map[string]bool
	inputs     map[string]bool     // sha256 of committed input files
	articles   map[string][32]byte // article id → content sha256 of its latest rows
	tables     map[string]bool     // tables with a committed file
}

// articleKey is the projection of the articles table the state needs.
type articleKey struct {
	ArticleID     string `parquet:"article_id"`
	ContentSHA256 string `parquet:"content_sha256"`
}

// LoadState reads the manifests under an output root (a directory or an
// object-store URL) and the ids and content hashes of the articles they
// committed. Memory grows with the number of committed articles (about 100
// bytes each), not with their text.
func LoadState(root string) (*State, error) {
	ctx := context.Background()
	st, err := openStore(ctx, root)
	if err != nil {
		return nil, err
	}
	defer st.Close()
	return loadState(ctx, st)
}

func loadState(ctx context.Context, st store) (*State, error) {
	ms, err := readManifests(ctx, st)
	if err != nil {
		return nil, err
	}
	s := &State{Manifests: ms, runs: map[string]bool{}, inputs: map[string]bool{}, articles: map[string][32]byte{}, tables: map[string]bool{}}
	for _, m := range ms {
		s.runs[m.RunID] = true
		for _, in := range m.Inputs {
			if in.SHA256 != "" {
				s.inputs[in.SHA256] = true
			}
		}
	}
	s.live = liveFiles(ms)
	if m := s.latestManifest(); m != nil && len(m.Live) > 0 {
		if _, ok := st.(*diskStore); ok {
			s.livePrefix = snapshotDir(m.RunID) + "/"
		}
	}
	for _, f := range s.live {
		s.tables[f.Table] = true
		if f.Table != TableArticles || f.Rows == 0 {
			continue
		}
		if err := s.loadArticles(ctx, st, s.livePrefix+f.Path); err != nil {
			return nil, err
		}
	}
	return s, nil
}

// liveFiles returns the files of the live tables: those the latest
// manifest lists as live, or for manifests written before snapshots the
// files of every run, oldest run first.
func liveFiles(ms []Manifest) []FileInfo {
	if len(ms) > 0 && len(ms[len(ms)-1].Live) > 0 {
		return ms[len(ms)-1].Live
	}
	var files []FileInfo
	for _, m := range ms {
		files = append(files, m.Files...)
	}
	return files
}

// livePaths returns the keys of the live files.
func (s *State) livePaths() map[string]bool {
	paths := make(map[string]bool, len(s.live))
	for _, f := range s.live {
		paths[f.Path] = true
	}
	return paths
}

// latestManifest is the committed run with the greatest id (run ids sort
// by time), or nil.
func (s *State) latestManifest() *Manifest {
	if len(s.Manifests) == 0 {
		return nil
	}
	return &s.Manifests[len(s.Manifests)-1]
}

// latest is the id of the latest committed run, or "".
func (s *State) latest() string {
	if m := s.latestManifest(); m != nil {
		return m.RunID
	}
	return ""
}

// loadArticles reads the ids and content hashes of a committed articles
// file. From an object store it reads only the footer and those two columns.
func (s *State) loadArticles(ctx context.Context, st store, key string) error {
	return readRows(ctx, st, key, func(rows []articleKey) error {
		for _, k := range rows {
			var h [32]byte
			hex.Decode(h[:], []byte(k.ContentSHA256))
			s.articles[k.ArticleID] = h
		}
		return nil
	})
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

// hasTable reports whether a table has a committed file, so readers find its
// schema even if later runs add no rows to it.
func (s *State) hasTable(table string) bool { return s.tables[table] }

// HasInputs reports whether committed runs recorded their inputs' hashes.
func (s *State) HasInputs() bool { return len(s.inputs) > 0 }
