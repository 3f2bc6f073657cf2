package pipeline

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"

	"github.com/parquet-go/parquet-go"

	"github.com/communique/communique/models"
)

// Table names: one directory each under the output root.
const (
	TableArticles    = "articles"
	TableSentences   = "sentences"
	TableEntities    = "entities"
	TableCommitments = "commitments"
	TablePositions   = "positions"
	TableErrors      = "errors"
)

// Tables lists the output tables in the order they are written.
var Tables = []string{TableArticles, TableSentences, TableEntities, TableCommitments, TablePositions, TableErrors}

// Metadata keys written to every Parquet file's key-value metadata.
const (
	MetaSchemaVersion   = "communique.schema_version"
	MetaPipelineVersion = "communique.pipeline_version"
	MetaRunID           = "communique.run_id"
	MetaTable           = "communique.table"
)

// tableFile writes the rows of one table to a temporary file that Commit
// renames into place, so a reader never sees a half-written file.
type tableFile[T any] struct {
	f     *os.File
	w     *parquet.GenericWriter[T]
	tmp   string
	final string
	rows  int64
}

func createTable[T any](dir, table, file string, meta map[string]string, rowGroup int64) (*tableFile[T], error) {
	d := filepath.Join(dir, table)
	if err := os.MkdirAll(d, 0o755); err != nil {
		return nil, err
	}
	final := filepath.Join(d, file)
	f, err := os.CreateTemp(d, "."+file+".*.tmp")
	if err != nil {
		return nil, err
	}
	opts := []parquet.WriterOption{
		parquet.Compression(&parquet.Zstd),
		parquet.MaxRowsPerRowGroup(rowGroup),
		parquet.CreatedBy("communique", Version, ""),
		parquet.KeyValueMetadata(MetaTable, table),
	}
	for k, v := range meta {
		opts = append(opts, parquet.KeyValueMetadata(k, v))
	}
	return &tableFile[T]{f: f, w: parquet.NewGenericWriter[T](f, opts...), tmp: f.Name(), final: final}, nil
}

func (t *tableFile[T]) write(rows []T) error {
	if len(rows) == 0 {
		return nil
	}
	n, err := t.w.Write(rows)
	t.rows += int64(n)
	if err != nil {
		return fmt.Errorf("write %s: %w", t.final, err)
	}
	return nil
}

// commit finishes the file and renames it into place.
func (t *tableFile[T]) commit() error {
	if err := t.w.Close(); err != nil {
		return fmt.Errorf("close %s: %w", t.final, err)
	}
	if err := t.f.Sync(); err != nil {
		return fmt.Errorf("sync %s: %w", t.final, err)
	}
	if err := t.f.Close(); err != nil {
		return fmt.Errorf("close %s: %w", t.final, err)
	}
	return os.Rename(t.tmp, t.final)
}

// abort removes the temporary file.
func (t *tableFile[T]) abort() {
	t.f.Close()
	os.Remove(t.tmp)
}

// Writers owns one Parquet file per table for one run.
type Writers struct {
	articles    *tableFile[models.Article]
	sentences   *tableFile[models.Sentence]
	entities    *tableFile[models.Entity]
	commitments *tableFile[models.Commitment]
	positions   *tableFile[models.Position]
	errs        *tableFile[models.Error]
	all         []interface {
		commit() error
		abort()
	}
}

// Rows holds the rows of one article, or of one failed input.
type Rows struct {
	Articles    []models.Article
	Sentences   []models.Sentence
	Entities    []models.Entity
	Commitments []models.Commitment
	Positions   []models.Position
	Errors      []models.Error
}

// Counts is the number of rows written per table.
type Counts map[string]int64

// NewWriters creates the table files of a run under dir, each named file.
func NewWriters(dir, file string, meta map[string]string) (*Writers, error) {
	w := &Writers{}
	opens := []func() error{
		func() error { return openTable(w, &w.articles, dir, TableArticles, file, meta, 1024) },
		func() error { return openTable(w, &w.sentences, dir, TableSentences, file, meta, 64<<10) },
		func() error { return openTable(w, &w.entities, dir, TableEntities, file, meta, 128<<10) },
		func() error { return openTable(w, &w.commitments, dir, TableCommitments, file, meta, 64<<10) },
		func() error { return openTable(w, &w.positions, dir, TablePositions, file, meta, 64<<10) },
		func() error { return openTable(w, &w.errs, dir, TableErrors, file, meta, 64<<10) },
	}
	for _, open := range opens {
		if err := open(); err != nil {
			w.Abort()
			return nil, fmt.Errorf("create output in %s: %w", dir, err)
		}
	}
	return w, nil
}

// openTable creates one table file of w and stores it in *dst.
func openTable[T any](w *Writers, dst **tableFile[T], dir, table, file string, meta map[string]string, rowGroup int64) error {
	t, err := createTable[T](dir, table, file, meta, rowGroup)
	if err != nil {
		return err
	}
	*dst = t
	w.all = append(w.all, t)
	return nil
}

// Write appends one article's rows to the tables.
func (w *Writers) Write(r *Rows) error {
	return errors.Join(
		w.articles.write(r.Articles),
		w.sentences.write(r.Sentences),
		w.entities.write(r.Entities),
		w.commitments.write(r.Commitments),
		w.positions.write(r.Positions),
		w.errs.write(r.Errors),
	)
}

// Commit closes every table file and renames it into place.
func (w *Writers) Commit() error {
	for i, t := range w.all {
		if err := t.commit(); err != nil {
			for _, rest := range w.all[i+1:] {
				rest.abort()
			}
			return err
		}
	}
	return nil
}

// Abort removes every temporary file.
func (w *Writers) Abort() {
	for _, t := range w.all {
		t.abort()
	}
}

// Counts returns the rows written so far per table.
func (w *Writers) Counts() Counts {
	return Counts{
		TableArticles:    w.articles.rows,
		TableSentences:   w.sentences.rows,
		TableEntities:    w.entities.rows,
		TableCommitments: w.commitments.rows,
		TablePositions:   w.positions.rows,
		TableErrors:      w.errs.rows,
	}
}
