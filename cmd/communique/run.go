package main

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"os"
	"strconv"
	"time"

	"github.com/schollz/progressbar/v3"
	"golang.org/x/term"

	"github.com/communique/communique/extractors/stances"
	"github.com/communique/communique/lake"
	"github.com/communique/communique/pipeline"
	"github.com/communique/communique/sources"
	"github.com/communique/communique/stages"
)

// runOptions are the flags of communique run.
type runOptions struct {
	out       string
	workers   int
	runID     string
	reprocess bool
	logFormat string
	progress  string
	shards    int
	shard     int // -1: from $JOB_COMPLETION_INDEX
	partialOK bool
	timeout   time.Duration
	openWait  time.Duration
	inputs    []string
	model     modelFlags
	dataDir   string
}

func cmdRun(ctx context.Context, args []string, stdout io.Writer) error {
	fs := newFlagSet("run")
	var o runOptions
	fs.StringVar(&o.out, "out", "out", "output `root`: a directory or an object-store URL (s3://bucket/prefix?endpoint=...); one sub-directory per table")
	fs.IntVar(&o.workers, "workers", 0, "analysis workers (default: one per core)")
	fs.StringVar(&o.runID, "run-id", "", "run id written to every row (default: time-based)")
	fs.BoolVar(&o.reprocess, "reprocess", false, "process every article, even those an earlier run committed unchanged")
	fs.StringVar(&o.logFormat, "log-format", "text", "log format on stderr: text or json")
	fs.StringVar(&o.progress, "progress", "auto", "progress bar on stderr: auto (when stderr is a terminal), always or never")
	fs.IntVar(&o.shards, "shards", 0, "run as one of `N` shards; `communique commit` publishes the run when all are complete (needs --run-id)")
	fs.IntVar(&o.shard, "shard-index", -1, "this shard's `index`, 0..N-1 (default: $JOB_COMPLETION_INDEX, set by Kubernetes Indexed Jobs)")
	fs.DurationVar(&o.timeout, "article-timeout", pipeline.DefaultArticleTimeout, "time budget of one article's analysis; an article over it becomes an errors row (negative: no budget)")
	fs.DurationVar(&o.openWait, "fifo-wait", sources.DefaultOpenWait, "how long to wait for a writer to open a FIFO given as input before reporting it as an errors row")
	o.model.register(fs)
	registerData(fs, &o.dataDir)
	fs.BoolVar(&o.partialOK, "partial-ok", false, "exit 0 instead of 3 when some input became error rows (for schedulers that retry failures)")
	fs.Usage = func() {
		fmt.Fprintln(fs.Output(), "usage: communique run [flags] [INPUT...]\n\nINPUT is a .txt, .jsonl or .jsonl.gz file, a directory, a glob, an object-store URL\n(an object, a prefix or a glob: s3://bucket/feeds/*.jsonl.gz) or - for standard input;\nwith none, the embedded sample articles are processed.\n\nflags:")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		return err
	}
	o.inputs = fs.Args()
	if o.shards == 0 && o.shard >= 0 {
		return usageError{"--shard-index needs --shards"}
	}
	if o.shards > 0 && o.shard < 0 {
		idx, err := shardIndexFromEnv()
		if err != nil {
			return err
		}
		o.shard = idx
	}
	return runRun(ctx, o, stdout)
}

// shardIndexFromEnv reads the shard index Kubernetes gives each pod of an
// Indexed Job.
func shardIndexFromEnv() (int, error) {
	v, ok := os.LookupEnv("JOB_COMPLETION_INDEX")
	if !ok {
		return 0, usageError{"--shards needs --shard-index or JOB_COMPLETION_INDEX in the environment"}
	}
	i, err := strconv.Atoi(v)
	if err != nil {
		return 0, usageError{fmt.Sprintf("JOB_COMPLETION_INDEX=%q: not a shard index", v)}
	}
	return i, nil
}

func runRun(ctx context.Context, o runOptions, stdout io.Writer) error {
	log, err := newLogger(o.logFormat, os.Stderr)
	if err != nil {
		return err
	}
	cfg := pipeline.Config{Inputs: o.inputs, Out: o.out, Workers: o.workers, RunID: o.runID,
		Reprocess: o.reprocess, Stdin: os.Stdin, Log: log, Shards: o.shards, ShardIndex: max(o.shard, 0),
		ArticleTimeout: o.timeout, OpenWait: o.openWait}
	if err := cfg.Validate(); err != nil {
		return usageError{err.Error()}
	}
	showBar := o.progress == "always" || o.progress == "auto" && term.IsTerminal(int(os.Stderr.Fd()))
	if showBar {
		bar := newProgress(o.inputs)
		defer bar.Finish()
		cfg.Progress = func(items int, bytes int64) {
			bar.Describe(fmt.Sprintf("%d articles", items))
			bar.Set64(bytes)
		}
	}
	stages.SetMemoryLimit()
	scfg, err := o.model.config()
	if err != nil {
		return err
	}
	if err := useData(o.dataDir); err != nil {
		return err
	}
	an, err := newAnalyzer(ctx, scfg)
	if err != nil {
		return err
	}
	sum, err := pipeline.Run(ctx, an, cfg)
	if err != nil {
		return err
	}
	c := sum.Counts
	rate := float64(sum.Articles) / max(sum.Elapsed.Seconds(), 1e-9)
	what, msg := "run "+sum.RunID, "run committed"
	if sum.Shards > 0 {
		what, msg = fmt.Sprintf("shard %d/%d of run %s", sum.Shard, sum.Shards, sum.RunID), "shard complete"
	}
	log.Info(msg, "run_id", sum.RunID, "shard", sum.Shard, "shards", sum.Shards, "articles", sum.Articles, "skipped", sum.Skipped,
		"failed", sum.Failed, "errors", c[lake.TableErrors], "seconds", sum.Elapsed.Seconds(), "manifest", sum.Manifest)
	fmt.Fprintf(stdout, "%s: %d articles (%d unchanged, skipped), %d failed inputs, %.1fs (%.0f articles/s); rows: %d sentences, %d entities, %d commitments, %d positions, %d errors (%d warnings); manifest %s\n",
		what, sum.Articles, sum.Skipped, sum.Failed, sum.Elapsed.Seconds(), rate,
		c[lake.TableSentences], c[lake.TableEntities], c[lake.TableCommitments], c[lake.TablePositions], c[lake.TableErrors], sum.Warnings, sum.Manifest)
	if sum.Shards > 0 {
		fmt.Fprintf(stdout, "when every shard is complete: communique commit --run-id %s --shards %d --out %s\n", sum.RunID, sum.Shards, o.out)
	}
	if n := c[lake.TableErrors] - int64(sum.Warnings); n > 0 && !o.partialOK {
		return fmt.Errorf("%w: %d error rows in %s/errors", errPartial, n, sum.Out)
	}
	return nil
}

// newLogger returns a slog logger writing text or JSON to w.
func newLogger(format string, w io.Writer) (*slog.Logger, error) {
	switch format {
	case "text":
		return slog.New(slog.NewTextHandler(w, nil)), nil
	case "json":
		return slog.New(slog.NewJSONHandler(w, nil)), nil
	}
	return nil, usageError{fmt.Sprintf("log format %q: want text or json", format)}
}

// newProgress returns a progress bar over the inputs' bytes, with rate and ETA.
func newProgress(inputs []string) *progressbar.ProgressBar {
	var total int64
	files, _ := sources.Expand(context.Background(), inputs)
	for _, f := range files {
		total += f.Size
	}
	if total == 0 {
		total = -1 // unknown (standard input or the samples): a spinner
	}
	return progressbar.NewOptions64(total,
		progressbar.OptionSetWriter(os.Stderr),
		progressbar.OptionShowBytes(true),
		progressbar.OptionSetPredictTime(true),
		progressbar.OptionThrottle(100*time.Millisecond),
		progressbar.OptionClearOnFinish(),
	)
}

// newAnalyzer builds the analyzer (seconds on a busy machine) unless ctx
// ends first: a signal during start-up ends the run at once, and the
// process exits with the build unfinished.
func newAnalyzer(ctx context.Context, cfg stances.Config) (*stages.Analyzer, error) {
	type built struct {
		an  *stages.Analyzer
		err error
	}
	ch := make(chan built, 1)
	go func() {
		an, err := stages.NewAnalyzerConfig(cfg)
		ch <- built{an, err}
	}()
	select {
	case b := <-ch:
		return b.an, b.err
	case <-ctx.Done():
		return nil, ctx.Err()
	}
}
