package pipeline

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"runtime"
	"strings"
	"sync"
	"time"

	"golang.org/x/sync/errgroup"

	"github.com/communique/communique/lake"
	"github.com/communique/communique/models"
	"github.com/communique/communique/sources"
	"github.com/communique/communique/stages"
)

// Config says what a run reads and where it writes. The zero value means
// defaults: the embedded samples, written under "out" by one worker per core.
type Config struct {
	Inputs    []string  // files, directories, globs, object-store URLs or "-"; none means the embedded samples
	Out       string    // output root: a directory or an object-store URL; default "out"
	Workers   int       // analysis workers; default runtime.NumCPU()
	RunID     string    // run id written to every row; default time-based and unique
	Reprocess bool      // process every article, even those already committed
	Stdin     io.Reader // read for the input "-"
	Log       *slog.Logger
	// Shards, when above 0, makes the run one shard of a sharded run: it
	// processes the input files AssignShards gives shard ShardIndex and
	// writes a shard manifest; Commit publishes the run once every shard is
	// complete. A sharded run needs an explicit RunID, shared by its shards.
	Shards     int
	ShardIndex int
	// Progress, when set, is called by the sink after each input item is
	// written, with the items done and input bytes consumed so far.
	Progress func(items int, bytes int64)
	// ArticleTimeout is the time budget of one article's analysis; an
	// article over it becomes an errors row and the run goes on. 0 means
	// DefaultArticleTimeout, a negative value no budget.
	ArticleTimeout time.Duration
	// OpenWait bounds the wait for a writer to open a FIFO given as input;
	// 0 means DefaultOpenWait.
	OpenWait time.Duration
	now      func() time.Time
}

// DefaultArticleTimeout is the default time budget of one article: news
// articles take milliseconds; a megabyte of text takes a few seconds.
const DefaultArticleTimeout = 10 * time.Second

// MaxShards bounds Config.Shards.
const MaxShards = lake.MaxShards

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
		c.RunID = lake.NewRunID(c.now())
	}
	if c.Log == nil {
		c.Log = slog.New(slog.DiscardHandler)
	}
	if c.ArticleTimeout == 0 {
		c.ArticleTimeout = DefaultArticleTimeout
	}
	return c
}

// Validate reports a configuration that cannot run.
func (c Config) Validate() error {
	if c.Workers < 0 || c.Workers > 1024 {
		return fmt.Errorf("workers %d: want 1..1024", c.Workers)
	}
	if c.RunID != "" && !lake.ValidRunID(c.RunID) {
		return fmt.Errorf("run id %q: use letters, digits, '.', '_' and '-' only", c.RunID)
	}
	if c.Shards < 0 || c.Shards > MaxShards {
		return fmt.Errorf("shards %d: want 1..%d", c.Shards, MaxShards)
	}
	if c.Shards == 0 {
		if c.ShardIndex != 0 {
			return fmt.Errorf("shard index %d of a run without shards", c.ShardIndex)
		}
		return nil
	}
	if c.ShardIndex < 0 || c.ShardIndex >= c.Shards {
		return fmt.Errorf("shard index %d: want 0..%d", c.ShardIndex, c.Shards-1)
	}
	if c.RunID == "" {
		return errors.New("a sharded run needs a run id, the same for every shard")
	}
	if len(c.Inputs) == 0 {
		return errors.New("a sharded run needs inputs")
	}
	for _, in := range c.Inputs {
		if in == "-" {
			return errors.New("a sharded run cannot read standard input")
		}
	}
	return nil
}

// Summary tells what a run did.
type Summary struct {
	RunID    string
	Out      string
	Shard    int         // the shard this process ran
	Shards   int         // 0: a run without shards, which commits itself
	Articles int         // articles analysed
	Tokens   int64       // tokens in the articles analysed
	Skipped  int         // articles skipped: committed before with the same content
	Failed   int         // inputs that became error rows without an article
	Warnings int         // errors rows of severity warning: repaired, the article kept
	Counts   lake.Counts // rows written per table
	Files    []lake.FileInfo
	Elapsed  time.Duration
	Manifest string // path or URL of the run manifest, or of the shard manifest
}

// result is one item's rows, on their way to the sink.
type result struct {
	seq  int
	done int64
	rows lake.Rows
}

// Run reads the inputs, analyses every new or changed article on
// cfg.Workers workers and writes the six tables under cfg.Out (see the
// layout in output.go). A run without shards commits itself at the end; a
// shard writes its files and its shard manifest, and Commit publishes the
// run. Input failures become error rows; Run returns an error only when the
// run itself fails, is cancelled or finds the output locked by another run.
// A failed or killed run leaves nothing that readers of committed runs see;
// the next run (or the shard's retry) cleans up after it.
func Run(ctx context.Context, an *stages.Analyzer, cfg Config) (Summary, error) {
	if err := cfg.Validate(); err != nil {
		return Summary{}, err
	}
	cfg = cfg.withDefaults()
	started := cfg.now()
	sess, err := lake.Open(ctx, lake.SessionConfig{Out: cfg.Out, RunID: cfg.RunID, Shards: cfg.Shards, ShardIndex: cfg.ShardIndex, Log: cfg.Log})
	if err != nil {
		return Summary{}, err
	}
	defer sess.Close()
	state := sess.State()
	reader := sources.NewReader(cfg.Stdin)
	reader.OpenWait = cfg.OpenWait
	defer reader.Close()
	var files []sources.InputFile
	var missing []error
	if len(cfg.Inputs) > 0 {
		files, missing = sources.ExpandWith(ctx, cfg.Inputs, reader.Objects)
	}

	sum := Summary{RunID: cfg.RunID, Out: sess.String(), Shard: cfg.ShardIndex, Shards: cfg.Shards}
	ingest := started.UTC().Format("2006-01-02")
	var shardM lake.ShardManifest
	if cfg.Shards > 0 {
		shardM = lake.ShardManifest{Shard: cfg.ShardIndex, InputsDigest: sources.InputsDigest(files, missing)}
		files = sources.ShardFiles(files, cfg.Shards, cfg.ShardIndex)
		if cfg.ShardIndex != 0 {
			missing = nil // reported once, by shard 0
		}
		shardM.Manifest = lake.Manifest{RunID: cfg.RunID, Shards: cfg.Shards, IngestDate: ingest,
			Started: started.UTC().Format(time.RFC3339), Workers: cfg.Workers, Reprocess: cfg.Reprocess,
			SchemaVersion: models.SchemaVersion, PipelineVersion: models.PipelineVersion}
	}
	if ingest, err = sess.Begin(ctx, ingest, shardM); err != nil {
		return sum, err
	}

	w, err := sess.Writers(ctx, ingest)
	if err != nil {
		return sum, err
	}
	if !cfg.Reprocess {
		reader.Skip = state.HasArticle
		if state.HasInputs() {
			reader.SkipInput = state.HasInput
		}
	}
	cfg.Log.Info("run started", "run_id", cfg.RunID, "out", sess.String(), "workers", cfg.Workers,
		"inputs", len(files), "shard", cfg.ShardIndex, "shards", cfg.Shards,
		"committed_articles", state.Articles(), "reprocess", cfg.Reprocess)

	if err := stream(ctx, an, cfg, reader, files, missing, w, &sum); err != nil {
		w.Abort()
		sess.Abort()
		return sum, err
	}
	written, err := w.Close()
	if err != nil {
		sess.Abort()
		return sum, err
	}
	sum.Counts = w.Counts()
	for _, in := range reader.Inputs {
		sum.Skipped += in.Skipped
	}

	// Publish: make the complete files visible, then write the manifest.
	published, loc, err := sess.Publish(ctx, written, func(published []lake.FileInfo) lake.Manifest {
		sum.Files = published
		sum.Elapsed = time.Since(started)
		return lake.Manifest{
			RunID:           cfg.RunID,
			SchemaVersion:   models.SchemaVersion,
			PipelineVersion: models.PipelineVersion,
			IngestDate:      ingest,
			Started:         started.UTC().Format(time.RFC3339),
			Finished:        cfg.now().UTC().Format(time.RFC3339),
			ElapsedSeconds:  sum.Elapsed.Seconds(),
			Workers:         cfg.Workers,
			Shards:          cfg.Shards,
			Reprocess:       cfg.Reprocess,
			Inputs:          reader.Inputs,
			Files:           published,
			Rows:            sum.Counts,
			Articles:        sum.Articles,
			Tokens:          sum.Tokens,
			Skipped:         sum.Skipped,
			Errors:          sum.Counts[lake.TableErrors],
		}
	})
	if err != nil {
		return sum, err
	}
	sum.Files, sum.Manifest = published, loc
	return sum, nil
}

// stream runs the read, analyze and write stages until the input ends.
func stream(ctx context.Context, an *stages.Analyzer, cfg Config, reader *sources.Reader, files []sources.InputFile, missing []error, w *lake.Writers, sum *Summary) error {
	g, ctx := errgroup.WithContext(ctx)
	items := make(chan sources.Item, 2*cfg.Workers)
	results := make(chan result, 2*cfg.Workers)

	g.Go(func() error {
		defer close(items)
		return read(ctx, cfg, reader, files, missing, items)
	})
	late := newStragglers(cfg.Workers)
	defer late.wg.Wait()
	workers, wctx := errgroup.WithContext(ctx)
	for range cfg.Workers {
		workers.Go(func() error {
			for it := range items {
				rows, err := late.analyzeWithin(wctx, an, it, cfg.RunID, cfg.ArticleTimeout)
				if err != nil {
					return err
				}
				r := result{seq: it.Seq, done: it.Done, rows: rows}
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
func read(ctx context.Context, cfg Config, r *sources.Reader, files []sources.InputFile, missing []error, out chan<- sources.Item) error {
	emit := func(it sources.Item) error {
		select {
		case out <- it:
			return nil
		case <-ctx.Done():
			return ctx.Err()
		}
	}
	if len(cfg.Inputs) == 0 {
		return r.ReadSamples(ctx, emit)
	}
	return r.ReadInputs(ctx, files, missing, emit)
}

// stragglers are the analyses a run abandoned over their time budget. Each
// was told to stop (its context ended) and ends at its next check (every
// sentence); until it does it holds one of the slots, so at most
// cap(slots) analyses run past their budget at once, and the run waits for
// them before it returns: no analysis outlives its run.
type stragglers struct {
	slots chan struct{}
	wg    sync.WaitGroup
}

func newStragglers(n int) *stragglers { return &stragglers{slots: make(chan struct{}, n)} }

// analyzeWithin analyses one item within its time budget. An article over
// budget becomes an errors row at once; its analysis is told to stop and
// the run no longer waits for it. It returns an error only when ctx is
// cancelled.
func (s *stragglers) analyzeWithin(ctx context.Context, an *stages.Analyzer, it sources.Item, runID string, budget time.Duration) (lake.Rows, error) {
	if it.Err != nil || budget < 0 {
		return analyze(ctx, an, it, runID), nil
	}
	actx, cancel := context.WithTimeout(ctx, budget)
	defer cancel()
	done := make(chan lake.Rows, 1)
	s.wg.Add(1)
	go func() {
		defer s.wg.Done()
		done <- analyze(actx, an, it, runID)
	}()
	select {
	case rows := <-done:
		return rows, nil
	case <-actx.Done():
	}
	if err := ctx.Err(); err != nil {
		return lake.Rows{}, err
	}
	select {
	case s.slots <- struct{}{}:
	case <-ctx.Done():
		return lake.Rows{}, ctx.Err()
	}
	s.wg.Add(1)
	go func() {
		defer s.wg.Done()
		<-done
		<-s.slots
	}()
	return lake.Rows{Errors: []models.Error{errorRow(it, "analyze",
		fmt.Errorf("%w: article %s (%d bytes) took over %s; raise --article-timeout to keep it", sources.ErrTimeout, it.Article.ArticleID, len(it.Article.Text), budget), runID)}}, nil
}

// analyze turns one input item into its rows. A failure, even a panic in an
// extractor, becomes an error row: one bad article never stops the run.
// The analysis stops early once ctx is done.
func analyze(ctx context.Context, an *stages.Analyzer, it sources.Item, runID string) (rows lake.Rows) {
	if it.Err != nil {
		return lake.Rows{Errors: []models.Error{errorRow(it, "read", it.Err, runID)}}
	}
	defer func() {
		if p := recover(); p != nil {
			rows = lake.Rows{Errors: []models.Error{errorRow(it, "analyze", fmt.Errorf("article %s: panic: %v", it.Article.ArticleID, p), runID)}}
		}
	}()
	for _, w := range it.Warns {
		e := errorRow(it, "read", w, runID)
		if errors.Is(w, sources.ErrInvalidUTF8) || errors.Is(w, sources.ErrNUL) {
			e.Stage = "normalize"
		}
		e.Severity = models.SeverityWarning
		rows.Errors = append(rows.Errors, e)
	}
	a := it.Article
	d, err := an.AnalyzeContext(ctx, a)
	if err != nil {
		return lake.Rows{Errors: append(rows.Errors, errorRow(it, "analyze", fmt.Errorf("article %s: %w", a.ArticleID, err), runID))}
	}
	a.NSentences = int32(len(d.Sentences))
	a.NTokens = int32(len(d.Tokens))
	a.PipelineVersion = models.PipelineVersion
	a.RunID = runID
	rows.Articles = []models.Article{a}
	rows.Sentences = d.SentenceRows()
	rows.Entities = d.EntityRows()
	rows.Commitments = d.Commitments
	rows.Positions = d.Positions
	// Every row names the article version it was read from, so joins on
	// article_id and content_sha256 are exact across versions.
	sha := a.ContentSHA256
	for i := range rows.Sentences {
		rows.Sentences[i].ContentSHA256, rows.Sentences[i].RunID = sha, runID
	}
	for i := range rows.Entities {
		rows.Entities[i].ContentSHA256, rows.Entities[i].RunID = sha, runID
	}
	for i := range rows.Commitments {
		rows.Commitments[i].ContentSHA256, rows.Commitments[i].RunID = sha, runID
	}
	for i := range rows.Positions {
		rows.Positions[i].ContentSHA256, rows.Positions[i].RunID = sha, runID
	}
	return rows
}

func errorRow(it sources.Item, stage string, err error, runID string) models.Error {
	e := models.Error{Source: it.Source, Stage: stage, Error: err.Error(), RunID: runID, Severity: models.SeverityError}
	if it.Line > 0 {
		l := int32(it.Line)
		e.Line = &l
	}
	if id := it.Article.ArticleID; id != "" {
		e.ArticleID = &id
	}
	if sha := it.Article.ContentSHA256; sha != "" {
		e.ContentSHA256 = &sha
	}
	return e
}

// sink writes results in input order, whatever order the workers finish in.
func sink(ctx context.Context, in <-chan result, w *lake.Writers, sum *Summary, cfg Config) error {
	pending := map[int]result{}
	next := 0
	var logged errorLog
	defer logged.summary(cfg.Log)
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
				if e.Severity == models.SeverityWarning {
					sum.Warnings++
				}
				logged.log(cfg.Log, e)
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

// errorLog logs the first errors rows of each kind (reason and severity)
// and counts the rest, so a million duplicate lines make a few log lines.
type errorLog struct {
	kinds      map[string]int
	suppressed int
}

// errorLogPerKind is how many rows of one kind are logged one by one.
const errorLogPerKind = 5

func (l *errorLog) log(log *slog.Logger, e models.Error) {
	if l.kinds == nil {
		l.kinds = map[string]int{}
	}
	kind := e.Severity + " " + e.Stage + " " + reasonOf(e.Error)
	l.kinds[kind]++
	if l.kinds[kind] > errorLogPerKind {
		l.suppressed++
		return
	}
	msg := "input not processed"
	if e.Severity == models.SeverityWarning {
		msg = "input repaired"
	}
	log.Warn(msg, "source", e.Source, "line", deref(e.Line), "article_id", derefs(e.ArticleID), "stage", e.Stage, "error", e.Error)
	if l.kinds[kind] == errorLogPerKind {
		log.Warn("more rows like this one are counted, not logged", "stage", e.Stage, "reason", reasonOf(e.Error))
	}
}

// summary logs how many rows were counted without being logged.
func (l *errorLog) summary(log *slog.Logger) {
	if l.suppressed > 0 {
		log.Warn("errors rows not logged one by one; see the errors table", "rows", l.suppressed)
	}
}

// reasonOf returns the reason part of an error message: up to its first colon.
func reasonOf(msg string) string {
	if i := strings.IndexByte(msg, ':'); i > 0 {
		return msg[:i]
	}
	return msg
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
