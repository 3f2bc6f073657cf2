package pipeline

import (
	"bytes"
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"log/slog"
	"os"
	"path"
	"path/filepath"
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
	Inputs    []string  // files, directories, globs or "-"; none means the embedded samples
	Out       string    // output root; default "out"
	Workers   int       // analysis workers; default runtime.NumCPU()
	RunID     string    // run id written to every row; default time-based and unique
	Reprocess bool      // process every article, even those already committed
	Stdin     io.Reader // read for the input "-"
	Log       *slog.Logger
	// Progress, when set, is called by the sink after each input item is
	// written, with the items done and input bytes consumed so far.
	Progress func(items int, bytes int64)
	now      func() time.Time
}

func (c Config) withDefaults() Config {
	if c.Out == "" {
		c.Out = "out"
	}
	if c.Workers <= 0 {
		c.Workers = runtime.NumCPU()
	}
	if c.now == nil {
		c.now = time.Now
	}
	if c.RunID == "" {
		c.RunID = NewRunID(c.now())
	}
	if c.Log == nil {
		c.Log = slog.New(slog.DiscardHandler)
	}
	return c
}

// Validate reports a configuration that cannot run.
func (c Config) Validate() error {
	if c.Workers < 0 || c.Workers > 1024 {
		return fmt.Errorf("workers %d: want 1..1024", c.Workers)
	}
	if c.RunID != "" && !validRunID(c.RunID) {
		return fmt.Errorf("run id %q: use letters, digits, '.', '_' and '-' only", c.RunID)
	}
	return nil
}

func validRunID(s string) bool {
	if s == "" || s == "." || s == ".." || len(s) > 128 {
		return false
	}
	for _, r := range s {
		if !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '.' || r == '_' || r == '-') {
			return false
		}
	}
	return true
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
	Tokens   int64  // tokens in the articles analysed
	Skipped  int    // articles skipped: committed before with the same content
	Failed   int    // inputs that became error rows without an article
	Counts   Counts // rows written per table
	Files    []FileInfo
	Elapsed  time.Duration
	Manifest string // path of the run manifest
}

// result is one item's rows, on their way to the sink.
type result struct {
	seq  int
	done int64
	rows Rows
}

// Run reads the inputs, analyses every new or changed article on
// cfg.Workers workers and commits the six tables under cfg.Out (see the
// layout in output.go). Input failures become error rows; Run returns an
// error only when the run itself fails, is cancelled or finds the output
// locked by another run. A failed or killed run leaves nothing that readers
// of committed runs see, and the next run cleans up after it.
func Run(ctx context.Context, an *Analyzer, cfg Config) (Summary, error) {
	cfg = cfg.withDefaults()
	if err := cfg.Validate(); err != nil {
		return Summary{}, err
	}
	started := cfg.now()
	unlock, err := lock(cfg.Out)
	if err != nil {
		return Summary{}, err
	}
	defer unlock()

	state, err := LoadState(cfg.Out)
	if err != nil {
		return Summary{}, fmt.Errorf("read earlier runs in %s: %w", cfg.Out, err)
	}
	if state.Committed(cfg.RunID) {
		return Summary{}, fmt.Errorf("run id %s is already committed in %s", cfg.RunID, cfg.Out)
	}
	removed, err := cleanOrphans(cfg.Out, state.runs)
	if err != nil {
		return Summary{}, err
	}
	for _, p := range removed {
		cfg.Log.Warn("removed file of an uncommitted run", "path", p)
	}

	ingest := started.UTC().Format("2006-01-02")
	stage := filepath.Join(cfg.Out, stagingDir, cfg.RunID)
	file := partName(cfg.RunID, 0)
	rel := func(table string) string { return filepath.Join(table, partition(ingest), file) }
	meta := map[string]string{
		MetaSchemaVersion:   models.SchemaVersion,
		MetaPipelineVersion: Version,
		MetaRunID:           cfg.RunID,
	}
	w, err := NewWriters(func(t string) string { return filepath.Join(stage, rel(t)) }, meta)
	if err != nil {
		return Summary{}, err
	}
	sum := Summary{RunID: cfg.RunID, Out: cfg.Out}
	reader := NewReader(cfg.Stdin)
	if !cfg.Reprocess {
		reader.Skip = state.HasArticle
		reader.SkipInput = state.HasInput
	}
	cfg.Log.Info("run started", "run_id", cfg.RunID, "out", cfg.Out, "workers", cfg.Workers,
		"inputs", len(cfg.Inputs), "committed_articles", state.Articles(), "reprocess", cfg.Reprocess)

	if err := stream(ctx, an, cfg, reader, w, &sum); err != nil {
		w.Close()
		os.RemoveAll(stage)
		return sum, err
	}
	files, err := w.Close()
	if err != nil {
		os.RemoveAll(stage)
		return sum, err
	}
	sum.Counts = w.Counts()
	for _, in := range reader.Inputs {
		sum.Skipped += in.Skipped
	}

	// Publish: move the complete files into their partitions, then the manifest.
	var published []FileInfo
	for _, f := range files {
		if f.Rows == 0 && hasCommittedFile(cfg.Out, f.Table, state.runs) {
			continue // keep one file per table so readers always find a schema
		}
		dst := filepath.Join(cfg.Out, rel(f.Table))
		if err := os.MkdirAll(filepath.Dir(dst), 0o755); err != nil {
			return sum, err
		}
		if err := os.Rename(f.Path, dst); err != nil {
			return sum, fmt.Errorf("publish %s: %w", dst, err)
		}
		if err := syncDir(filepath.Dir(dst)); err != nil {
			return sum, err
		}
		f.Path = rel(f.Table)
		published = append(published, f)
	}
	sum.Files = published
	sum.Elapsed = time.Since(started)
	m := Manifest{
		RunID:           cfg.RunID,
		SchemaVersion:   models.SchemaVersion,
		PipelineVersion: Version,
		IngestDate:      ingest,
		Started:         started.UTC().Format(time.RFC3339),
		Finished:        cfg.now().UTC().Format(time.RFC3339),
		ElapsedSeconds:  sum.Elapsed.Seconds(),
		Workers:         cfg.Workers,
		Reprocess:       cfg.Reprocess,
		Inputs:          reader.Inputs,
		Files:           published,
		Rows:            sum.Counts,
		Articles:        sum.Articles,
		Tokens:          sum.Tokens,
		Skipped:         sum.Skipped,
		Errors:          sum.Counts[TableErrors],
	}
	if m.Inputs == nil {
		m.Inputs = []InputRecord{}
	}
	if err := writeManifest(cfg.Out, m); err != nil {
		return sum, fmt.Errorf("write manifest: %w", err)
	}
	os.RemoveAll(filepath.Join(cfg.Out, stagingDir))
	sum.Manifest = manifestPath(cfg.Out, cfg.RunID)
	return sum, nil
}

// stream runs the read, analyze and write stages until the input ends.
func stream(ctx context.Context, an *Analyzer, cfg Config, reader *Reader, w *Writers, sum *Summary) error {
	g, ctx := errgroup.WithContext(ctx)
	items := make(chan Item, 2*cfg.Workers)
	results := make(chan result, 2*cfg.Workers)

	g.Go(func() error {
		defer close(items)
		return read(ctx, cfg, reader, items)
	})
	workers, wctx := errgroup.WithContext(ctx)
	for range cfg.Workers {
		workers.Go(func() error {
			for it := range items {
				r := result{seq: it.Seq, done: it.Done, rows: analyze(an, it, cfg.RunID)}
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
		return sink(ctx, results, w, sum, cfg)
	})
	err := g.Wait()
	for range items {
		// drain, so the reader is never left blocked on a send
	}
	return err
}

// read sends every input item, in input order, to out.
func read(ctx context.Context, cfg Config, r *Reader, out chan<- Item) error {
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
		r.Inputs = append(r.Inputs, InputRecord{Path: "sample:" + path.Base(name), Bytes: int64(len(b))})
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
			rows = Rows{Errors: []models.Error{errorRow(it, "analyze", fmt.Errorf("article %s: panic: %v", it.Article.ArticleID, p), runID)}}
		}
	}()
	if it.Warn != nil {
		rows.Errors = append(rows.Errors, errorRow(it, "normalize", it.Warn, runID))
	}
	a := it.Article
	d, err := an.Analyze(a)
	if err != nil {
		return Rows{Errors: append(rows.Errors, errorRow(it, "analyze", fmt.Errorf("article %s: %w", a.ArticleID, err), runID))}
	}
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
	if id := it.Article.ArticleID; id != "" {
		e.ArticleID = &id
	}
	return e
}

// sink writes results in input order, whatever order the workers finish in.
func sink(ctx context.Context, in <-chan result, w *Writers, sum *Summary, cfg Config) error {
	pending := map[int]result{}
	next := 0
	for r := range in {
		pending[r.seq] = r
		for {
			r, ok := pending[next]
			if !ok {
				break
			}
			delete(pending, next)
			next++
			if err := w.Write(&r.rows); err != nil {
				return err
			}
			if len(r.rows.Articles) > 0 {
				sum.Articles++
				sum.Tokens += int64(r.rows.Articles[0].NTokens)
			} else {
				sum.Failed++
			}
			for _, e := range r.rows.Errors {
				cfg.Log.Warn("input not processed", "source", e.Source, "line", deref(e.Line), "article_id", derefs(e.ArticleID), "stage", e.Stage, "error", e.Error)
			}
			if cfg.Progress != nil {
				cfg.Progress(next, r.done)
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

func deref(p *int32) int32 {
	if p == nil {
		return 0
	}
	return *p
}

func derefs(p *string) string {
	if p == nil {
		return ""
	}
	return strings.Clone(*p)
}
