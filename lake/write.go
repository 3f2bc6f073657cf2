package lake

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

// rowGroupSize is the most rows a row group of a table's files holds.
var rowGroupSize = map[string]int64{
	TableArticles: 1024, TableSentences: 64 << 10, TableEntities: 128 << 10,
	TableCommitments: 64 << 10, TablePositions: 64 << 10, TableErrors: 64 << 10,
}

// tableFile writes the rows of one table to one Parquet file. Row groups are
// bounded, so memory stays flat however many rows the file gets.
type tableFile[T any] struct {
	f    partFile
	w    *parquet.GenericWriter[T]
	path string
	rows int64
}

func createTable[T any](f partFile, path, table string, meta map[string]string, rowGroup int64) *tableFile[T] {
	opts := []parquet.WriterOption{
		parquet.Compression(&parquet.Zstd),
		parquet.MaxRowsPerRowGroup(rowGroup),
		parquet.CreatedBy("communique", models.PipelineVersion, ""),
		parquet.KeyValueMetadata(MetaTable, table),
	}
	for k, v := range meta {
		opts = append(opts, parquet.KeyValueMetadata(k, v))
	}
	return &tableFile[T]{f: f, w: parquet.NewGenericWriter[T](f, opts...), path: path}
}

func (t *tableFile[T]) write(rows []T) error {
	if len(rows) == 0 {
		return nil
	}
	n, err := t.w.Write(rows)
	t.rows += int64(n)
	if err != nil {
		return fmt.Errorf("write %s: %w", t.path, err)
	}
	return nil
}

// close finishes the file: on disk it is flushed, in an object store the
// object appears.
func (t *tableFile[T]) close() error {
	if err := t.w.Close(); err != nil {
		t.f.Abort()
		return fmt.Errorf("close %s: %w", t.path, err)
	}
	if err := t.f.Close(); err != nil {
		return fmt.Errorf("close %s: %w", t.path, err)
	}
	return nil
}

// abort discards the file.
func (t *tableFile[T]) abort() { t.f.Abort() }

func (t *tableFile[T]) info() FileInfo { return FileInfo{Path: t.path, Rows: t.rows} }

// FileInfo is one written file and its row count.
type FileInfo struct {
	Table string `json:"table"`
	Path  string `json:"path"` // relative to the output root once published
	Rows  int64  `json:"rows"`
}

// Writers owns one Parquet file per table.
type Writers struct {
	articles    *tableFile[models.Article]
	sentences   *tableFile[models.Sentence]
	entities    *tableFile[models.Entity]
	commitments *tableFile[models.Commitment]
	positions   *tableFile[models.Position]
	errs        *tableFile[models.Error]
	all         []interface {
		close() error
		abort()
		info() FileInfo
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

// NewWriters creates one local file per table; pathOf gives each table's
// file path.
func NewWriters(pathOf func(table string) string, meta map[string]string) (*Writers, error) {
	return newWriters(func(table string) (partFile, string, error) {
		p := pathOf(table)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			return nil, "", err
		}
		f, err := os.OpenFile(p, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
		if err != nil {
			return nil, "", err
		}
		return diskPart{f}, p, nil
	}, meta)
}

// newWriters creates one file per table with create, which returns the file
// and the name it is known by.
func newWriters(create func(table string) (partFile, string, error), meta map[string]string) (*Writers, error) {
	w := &Writers{}
	opens := []func() error{
		func() error { return openTable(w, &w.articles, create, TableArticles, meta) },
		func() error { return openTable(w, &w.sentences, create, TableSentences, meta) },
		func() error { return openTable(w, &w.entities, create, TableEntities, meta) },
		func() error { return openTable(w, &w.commitments, create, TableCommitments, meta) },
		func() error { return openTable(w, &w.positions, create, TablePositions, meta) },
		func() error { return openTable(w, &w.errs, create, TableErrors, meta) },
	}
	for _, open := range opens {
		if err := open(); err != nil {
			w.Abort()
			return nil, fmt.Errorf("create output: %w", err)
		}
	}
	return w, nil
}

// openTable creates one table file of w and stores it in *dst.
func openTable[T any](w *Writers, dst **tableFile[T], create func(string) (partFile, string, error), table string, meta map[string]string) error {
	f, name, err := create(table)
	if err != nil {
		return err
	}
	t := createTable[T](f, name, table, meta, rowGroupSize[table])
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

// Close finishes every file and returns what was written, table by table.
func (w *Writers) Close() ([]FileInfo, error) {
	var errs []error
	var files []FileInfo
	for i, t := range w.all {
		errs = append(errs, t.close())
		fi := t.info()
		fi.Table = Tables[i]
		files = append(files, fi)
	}
	return files, errors.Join(errs...)
}

// Abort discards every file: nothing of them becomes visible.
func (w *Writers) Abort() {
	for _, t := range w.all {
		t.abort()
	}
}

// Counts returns the rows written so far per table.
func (w *Writers) Counts() Counts {
	c := Counts{}
	for i, t := range w.all {
		c[Tables[i]] = t.info().Rows
	}
	return c
}
