package pipeline

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"runtime"
	"strings"
	"time"

	"golang.org/x/sync/errgroup"

	"github.com/communique/communique/models"
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
const MaxShards = 100000

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
	if c.RunID != "" && !validRunID(c.RunID) {
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
	Shard    int    // the shard this process ran
	Shards   int    // 0: a run without shards, which commits itself
	Articles int    // articles analysed
	Tokens   int64  // tokens in the articles analysed
	Skipped  int    // articles skipped: committed before with the same content
	Failed   int    // inputs that became error rows without an article
	Warnings int    // errors rows of severity warning: repaired, the article kept
	Counts   Counts // rows written per table
	Files    []FileInfo
	Elapsed  time.Duration
	Manifest string // path or URL of the run manifest, or of the shard manifest
}

// result is one item's rows, on their way to the sink.
type result struct {
	seq  int
	done int64
	rows Rows
}

// Run reads the inputs, analyses every new or changed article on
// cfg.Workers workers and writes the six tables under cfg.Out (see the
// layout in output.go). A run without shards commits itself at the end; a
// shard writes its files and its shard manifest, and Commit publishes the
// run. Input failures become error rows; Run returns an error only when the
// run itself fails, is cancelled or finds the output locked by another run.
// A failed or killed run leaves nothing that readers of committed runs see;
// the next run (or the shard's retry) cleans up after it.
func Run(ctx context.Context, an *Analyzer, cfg Config) (Summary, error) {
	if err := cfg.Validate(); err != nil {
		return Summary{}, err
	}
	cfg = cfg.withDefaults()
	started := cfg.now()
	st, err := openStore(ctx, cfg.Out)
	if err != nil {
		return Summary{}, err
	}
	defer st.Close()
	unlock, err := lockRun(st, cfg)
	if err != nil {
		return Summary{}, err
	}
	defer unlock()

	state, err := loadState(ctx, st)
	if err != nil {
		return Summary{}, fmt.Errorf("read earlier runs in %s: %w", st, err)
	}
	if state.Committed(cfg.RunID) {
		return Summary{}, fmt.Errorf("run id %s is already committed in %s", cfg.RunID, st)
	}
	reader := NewReader(cfg.Stdin)
	reader.OpenWait = cfg.OpenWait
	defer reader.Close()
	var files []InputFile
	var missing []error
	if len(cfg.Inputs) > 0 {
		files, missing = expandInputs(ctx, cfg.Inputs, reader.objects)
	}

	sum := Summary{RunID: cfg.RunID, Out: st.String(), Shard: cfg.ShardIndex, Shards: cfg.Shards}
	ingest := started.UTC().Format("2006-01-02")
	stage := cfg.RunID
	var shardM ShardManifest
	if cfg.Shards > 0 {
		stage = fmt.Sprintf("%s/shard-%d", cfg.RunID, cfg.ShardIndex)
		shardM = ShardManifest{Shard: cfg.ShardIndex, InputsDigest: inputsDigest(files, missing)}
		files = shardFiles(files, cfg.Shards, cfg.ShardIndex)
		if cfg.ShardIndex != 0 {
			missing = nil // reported once, by shard 0
		}
		shardM.Manifest = Manifest{RunID: cfg.RunID, Shards: cfg.Shards, IngestDate: ingest,
			Started: started.UTC().Format(time.RFC3339), Workers: cfg.Workers, Reprocess: cfg.Reprocess,
			SchemaVersion: models.SchemaVersion, PipelineVersion: Version}
		if ingest, err = startShard(ctx, st, stage, shardM); err != nil {
			return sum, err
		}
	} else if d, ok := st.(*diskStore); ok {
		if err := cleanDisk(d, state, cfg.Log); err != nil {
			return sum, err
		}
	}

	meta := map[string]string{
		MetaSchemaVersion:   models.SchemaVersion,
		MetaPipelineVersion: Version,
		MetaRunID:           cfg.RunID,
	}
	w, err := newWriters(func(table string) (partFile, string, error) {
		key := partKey(table, ingest, cfg.RunID, cfg.ShardIndex)
		f, err := st.create(ctx, stage, key)
		return f, key, err
	}, meta)
	if err != nil {
		st.clearStage(stage)
		return sum, err
	}
	if !cfg.Reprocess {
		reader.Skip = state.HasArticle
		if len(state.inputs) > 0 {
			reader.SkipInput = state.HasInput
		}
	}
	cfg.Log.Info("run started", "run_id", cfg.RunID, "out", st.String(), "workers", cfg.Workers,
		"inputs", len(files), "shard", cfg.ShardIndex, "shards", cfg.Shards,
		"committed_articles", state.Articles(), "reprocess", cfg.Reprocess)

	if err := stream(ctx, an, cfg, reader, files, missing, w, &sum); err != nil {
		w.Abort()
		st.clearStage(stage)
		return sum, err
	}
	written, err := w.Close()
	if err != nil {
		st.clearStage(stage)
		return sum, err
	}
	sum.Counts = w.Counts()
	for _, in := range reader.Inputs {
		sum.Skipped += in.Skipped
	}

	// Publish: make the complete files visible, then write the manifest.
	var published []FileInfo
	for _, f := range written {
		if f.Rows == 0 && state.hasTable(f.Table) {
			// Keep one file per table so readers always find a schema, but
			// no more empty ones.
			if err := st.remove(ctx, f.Path); err != nil {
				return sum, err
			}
			continue
		}
		if err := st.publish(ctx, stage, f.Path); err != nil {
			return sum, err
		}
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
		Shards:          cfg.Shards,
		Reprocess:       cfg.Reprocess,
		Inputs:          reader.Inputs,
		Files:           published,
		Rows:            sum.Counts,
		Articles:        sum.Articles,
		Tokens:          sum.Tokens,
		Skipped:         sum.Skipped,
		Errors:          sum.Counts[TableErrors],
	}
	if cfg.Shards > 0 {
		shardM.Manifest, shardM.Complete = m, true
		if err := writeShardManifest(ctx, st, shardM); err != nil {
			return sum, err
		}
		st.clearStage(stage)
		sum.Manifest = st.location(shardManifestKey(cfg.RunID, cfg.ShardIndex))
		return sum, nil
	}
	created, err := commitManifest(ctx, st, m)
	if err != nil {
		return sum, err
	}
	if !created {
		return sum, fmt.Errorf("run id %s was committed in %s by another run meanwhile; this run's files are not part of it", cfg.RunID, st)
	}
	st.clearStage("")
	sum.Manifest = st.location(manifestKey(cfg.RunID))
	return sum, nil
}

// lockRun takes the locks of a run on a local output root. A run without
// shards holds the root lock exclusively: nothing else writes meanwhile. A
// shard holds the root lock and its run's lock shared, so the shards of a
// run (and of other runs) work side by side while runs without shards and
// the run's commit wait, and its own shard lock exclusively, so no shard
// runs twice at once.
func lockRun(st store, cfg Config) (unlock func(), err error) {
	if cfg.Shards == 0 {
		u, err := st.lock("", true)
		if errors.Is(err, ErrLocked) {
			return nil, fmt.Errorf("%w; wait for it to finish", err)
		}
		if err != nil {
			return nil, fmt.Errorf("lock %s: %w", st, err)
		}
		return u, nil
	}
	var held []func()
	release := func() {
		for i := len(held) - 1; i >= 0; i-- {
			held[i]()
		}
	}
	for _, l := range []struct {
		name      string
		exclusive bool
		what      string
	}{
		{"", false, "a run without shards is writing to " + st.String()},
		{cfg.RunID, false, "run " + cfg.RunID + " is being committed"},
		{fmt.Sprintf("%s/shard-%d", cfg.RunID, cfg.ShardIndex), true, fmt.Sprintf("shard %d of run %s is already running", cfg.ShardIndex, cfg.RunID)},
	} {
		u, err := st.lock(l.name, l.exclusive)
		if err != nil {
			release()
			return nil, fmt.Errorf("%s: %w", l.what, err)
		}
		held = append(held, u)
	}
	return release, nil
}

// startShard records that a shard started, before it writes any file, and
// removes what an earlier attempt of the shard wrote. It returns the ingest
// date of the shard's files: that of the first attempt, so every attempt
// writes the same keys and replaces exactly its own files.
func startShard(ctx context.Context, st store, stage string, m ShardManifest) (ingest string, err error) {
	prev, err := readShardManifest(ctx, st, m.RunID, m.Shard)
	if err != nil {
		return "", err
	}
	if prev != nil {
		if prev.Shards != m.Shards {
			return "", fmt.Errorf("run %s was started with %d shards, not %d: use a new run id", m.RunID, prev.Shards, m.Shards)
		}
		m.IngestDate = prev.IngestDate
	}
	if err := writeShardManifest(ctx, st, m); err != nil {
		return "", err
	}
	// An attempt writes its manifest before any file: without an earlier
	// manifest there are no earlier files.
	for _, t := range Tables {
		if prev != nil {
			if err := st.remove(ctx, partKey(t, m.IngestDate, m.RunID, m.Shard)); err != nil {
				return "", fmt.Errorf("remove the files of an earlier attempt: %w", err)
			}
		}
	}
	if err := st.clearStage(stage); err != nil {
		return "", err
	}
	return m.IngestDate, nil
}

// cleanDisk removes the files of dead runs from a local output root; the
// caller holds the root lock exclusively.
func cleanDisk(d *diskStore, state *State, log *slog.Logger) error {
	finished, err := d.finishedShards(state.runs)
	if err != nil {
		return err
	}
	removed, err := d.cleanOrphans(state.runs, finished)
	if err != nil {
		return err
	}
	for _, p := range removed {
		log.Warn("removed file of an uncommitted run", "path", p)
	}
	return nil
}

// stream runs the read, analyze and write stages until the input ends.
func stream(ctx context.Context, an *Analyzer, cfg Config, reader *Reader, files []InputFile, missing []error, w *Writers, sum *Summary) error {
	g, ctx := errgroup.WithContext(ctx)
	items := make(chan Item, 2*cfg.Workers)
	results := make(chan result, 2*cfg.Workers)

	g.Go(func() error {
		defer close(items)
		return read(ctx, cfg, reader, files, missing, items)
	})
	workers, wctx := errgroup.WithContext(ctx)
	for range cfg.Workers {
		workers.Go(func() error {
			for it := range items {
				rows, err := analyzeWithin(wctx, an, it, cfg.RunID, cfg.ArticleTimeout)
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
func read(ctx context.Context, cfg Config, r *Reader, files []InputFile, missing []error, out chan<- Item) error {
	emit := func(it Item) error {
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
	return r.readInputs(ctx, files, missing, emit)
}

// analyzeWithin analyses one item within its time budget. An article over
// budget becomes an errors row; its analysis goes on in the background
// until it ends, but the run no longer waits for it. It returns an error
// only when ctx is cancelled.
func analyzeWithin(ctx context.Context, an *Analyzer, it Item, runID string, budget time.Duration) (Rows, error) {
	if it.Err != nil || budget < 0 {
		return analyze(an, it, runID), nil
	}
	done := make(chan Rows, 1)
	go func() { done <- analyze(an, it, runID) }()
	t := time.NewTimer(budget)
	defer t.Stop()
	select {
	case rows := <-done:
		return rows, nil
	case <-t.C:
		return Rows{Errors: []models.Error{errorRow(it, "analyze",
			fmt.Errorf("%w: article %s (%d bytes) took over %s; raise --article-timeout to keep it", ErrTimeout, it.Article.ArticleID, len(it.Article.Text), budget), runID)}}, nil
	case <-ctx.Done():
		return Rows{}, ctx.Err()
	}
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
	for _, w := range it.Warns {
		e := errorRow(it, "read", w, runID)
		if errors.Is(w, ErrInvalidUTF8) || errors.Is(w, ErrNUL) {
			e.Stage = "normalize"
		}
		e.Severity = models.SeverityWarning
		rows.Errors = append(rows.Errors, e)
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
	e := models.Error{Source: it.Source, Stage: stage, Error: err.Error(), RunID: runID, Severity: models.SeverityError}
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
