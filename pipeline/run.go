package pipeline

import (
	"bytes"
	"context"
	"crypto/rand"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"path"
	"runtime"
	"strings"
	"time"

	"golang.org/x/sync/errgroup"

	"github.com/communique/communique/data"
	"github.com/communique/communique/models"
)

// Config says what a run reads and where it writes. The zero value means
// defaults: the embedded samples, written under "out" by one worker per core.
type Config struct {
	Inputs  []string  // files, directories, globs or "-"; none means the embedded samples
	Out     string    // output root; default "out"
	Workers int       // analysis workers; default runtime.NumCPU()
	RunID   string    // run id written to every row; default time-based and unique
	Stdin   io.Reader // read for the input "-"
	// Progress, when set, is called by the sink after each input item is written.
	Progress func(done int)
}

func (c Config) withDefaults() Config {
	if c.Out == "" {
		c.Out = "out"
	}
	if c.Workers <= 0 {
		c.Workers = runtime.NumCPU()
	}
	if c.RunID == "" {
		c.RunID = NewRunID(time.Now())
	}
	return c
}

// Validate reports a configuration that cannot run.
func (c Config) Validate() error {
	if c.Workers < 0 || c.Workers > 1024 {
		return fmt.Errorf("workers %d: want 1..1024", c.Workers)
	}
	if strings.ContainsAny(c.RunID, `/\`) || strings.Contains(c.RunID, "..") {
		return fmt.Errorf("run id %q: must not contain path separators or ..", c.RunID)
	}
	return nil
}

// NewRunID returns a sortable, unique run id such as 20261123T184500Z-3f9a1c.
func NewRunID(t time.Time) string {
	var b [3]byte
	rand.Read(b[:])
	return t.UTC().Format("20060102T150405Z") + "-" + hex.EncodeToString(b[:])
}

// Summary tells what a run did.
type Summary struct {
	RunID    string
	Out      string
	Articles int    // articles analysed
	Failed   int    // inputs that became error rows
	Counts   Counts // rows written per table
	Elapsed  time.Duration
}

// result is one item's rows, on their way to the sink.
type result struct {
	seq  int
	rows Rows
}

// Run reads the inputs, analyses every article on cfg.Workers workers and
// writes the six tables under cfg.Out. Input failures become error rows and
// are counted in Summary.Failed; Run returns an error only when the run
// itself fails or is cancelled, and then leaves no output file behind.
func Run(ctx context.Context, an *Analyzer, cfg Config) (Summary, error) {
	cfg = cfg.withDefaults()
	if err := cfg.Validate(); err != nil {
		return Summary{}, err
	}
	start := time.Now()
	meta := map[string]string{
		MetaSchemaVersion:   models.SchemaVersion,
		MetaPipelineVersion: Version,
		MetaRunID:           cfg.RunID,
	}
	w, err := NewWriters(cfg.Out, "part-"+cfg.RunID+".parquet", meta)
	if err != nil {
		return Summary{}, err
	}
	sum := Summary{RunID: cfg.RunID, Out: cfg.Out}

	g, ctx := errgroup.WithContext(ctx)
	items := make(chan Item, 2*cfg.Workers)
	results := make(chan result, 2*cfg.Workers)

	g.Go(func() error {
		defer close(items)
		return read(ctx, cfg, items)
	})
	workers, wctx := errgroup.WithContext(ctx)
	for range cfg.Workers {
		workers.Go(func() error {
			for it := range items {
				r := result{seq: it.Seq, rows: analyze(an, it, cfg.RunID)}
				select {
				case results <- r:
				case <-wctx.Done():
					return wctx.Err()
				}
			}
			return nil
		})
	}
	g.Go(func() error {
		defer close(results)
		return workers.Wait()
	})
	g.Go(func() error {
		return sink(ctx, results, w, &sum, cfg.Progress)
	})
	if err := g.Wait(); err != nil {
		w.Abort()
		// Drain so no goroutine stays blocked on a send.
		for range items {
		}
		return sum, err
	}
	if err := w.Commit(); err != nil {
		return sum, err
	}
	sum.Counts = w.Counts()
	sum.Elapsed = time.Since(start)
	return sum, nil
}

// read sends every input item, in input order, to out.
func read(ctx context.Context, cfg Config, out chan<- Item) error {
	r := NewReader(cfg.Stdin)
	emit := func(it Item) error {
		select {
		case out <- it:
			return nil
		case <-ctx.Done():
			return ctx.Err()
		}
	}
	if len(cfg.Inputs) == 0 {
		return readSamples(ctx, r, emit)
	}
	files, missing := Expand(cfg.Inputs)
	for _, err := range missing {
		if e := r.fail(emit, "", 0, "", err); e != nil {
			return e
		}
	}
	for _, f := range files {
		if err := r.ReadFile(ctx, f, emit); err != nil {
			return err
		}
	}
	return nil
}

// readSamples reads the sample articles embedded in the binary.
func readSamples(ctx context.Context, r *Reader, emit func(Item) error) error {
	names, err := fs.Glob(data.FS(), "samples/*.jsonl")
	if err != nil {
		return err
	}
	for _, name := range names {
		b, err := data.ReadFile(name)
		if err != nil {
			return err
		}
		if err := r.ReadJSONL(ctx, "sample:"+path.Base(name), bytes.NewReader(b), emit); err != nil {
			return err
		}
	}
	return nil
}

// analyze turns one input item into its rows. A failure, even a panic in an
// extractor, becomes an error row: one bad article never stops the run.
func analyze(an *Analyzer, it Item, runID string) (rows Rows) {
	if it.Err != nil {
		return Rows{Errors: []models.Error{errorRow(it, "read", it.Err, runID)}}
	}
	defer func() {
		if p := recover(); p != nil {
			rows = Rows{Errors: []models.Error{errorRow(it, "analyze", fmt.Errorf("panic: %v", p), runID)}}
		}
	}()
	a := it.Article
	text, repaired := Normalize(a.Text)
	a.Text = text
	if repaired || it.Warn != nil {
		rows.Errors = append(rows.Errors, errorRow(it, "normalize", ErrInvalidUTF8, runID))
	}
	d, err := an.Analyze(a)
	if err != nil {
		return Rows{Errors: append(rows.Errors, errorRow(it, "analyze", fmt.Errorf("article %s: %w", a.ArticleID, err), runID))}
	}
	sum := sha256.Sum256([]byte(text))
	a.ContentSHA256 = hex.EncodeToString(sum[:])
	a.NSentences = int32(len(d.Sentences))
	a.NTokens = int32(len(d.Tokens))
	a.PipelineVersion = Version
	a.RunID = runID
	rows.Articles = []models.Article{a}
	rows.Sentences = d.SentenceRows()
	rows.Entities = d.EntityRows()
	rows.Commitments = d.Commitments
	rows.Positions = d.Positions
	for i := range rows.Sentences {
		rows.Sentences[i].RunID = runID
	}
	for i := range rows.Entities {
		rows.Entities[i].RunID = runID
	}
	for i := range rows.Commitments {
		rows.Commitments[i].RunID = runID
	}
	for i := range rows.Positions {
		rows.Positions[i].RunID = runID
	}
	return rows
}

func errorRow(it Item, stage string, err error, runID string) models.Error {
	e := models.Error{Source: it.Source, Stage: stage, Error: err.Error(), RunID: runID}
	if it.Line > 0 {
		l := int32(it.Line)
		e.Line = &l
	}
	e.ArticleID = optionalString(it.Article.ArticleID)
	return e
}

func optionalString(s string) *string {
	if s == "" {
		return nil
	}
	return &s
}

// sink writes results in input order, whatever order the workers finish in.
func sink(ctx context.Context, in <-chan result, w *Writers, sum *Summary, progress func(int)) error {
	pending := map[int]Rows{}
	next, done := 0, 0
	for r := range in {
		pending[r.seq] = r.rows
		for {
			rows, ok := pending[next]
			if !ok {
				break
			}
			delete(pending, next)
			next++
			if err := w.Write(&rows); err != nil {
				return err
			}
			if len(rows.Articles) > 0 {
				sum.Articles++
			} else {
				sum.Failed++
			}
			done++
			if progress != nil {
				progress(done)
			}
		}
		if err := ctx.Err(); err != nil {
			return err
		}
	}
	if len(pending) > 0 {
		return errors.New("sink: results missing from the sequence")
	}
	return nil
}
