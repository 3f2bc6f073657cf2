package main

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"os"
	"time"

	"github.com/schollz/progressbar/v3"
	"golang.org/x/term"

	"github.com/communique/communique/pipeline"
)

// runOptions are the flags of communique run.
type runOptions struct {
	out       string
	workers   int
	runID     string
	reprocess bool
	logFormat string
	progress  string
	inputs    []string
}

func cmdRun(ctx context.Context, args []string, stdout io.Writer) error {
	fs := newFlagSet("run")
	var o runOptions
	fs.StringVar(&o.out, "out", "out", "output `directory`: one sub-directory per table")
	fs.IntVar(&o.workers, "workers", 0, "analysis workers (default: one per core)")
	fs.StringVar(&o.runID, "run-id", "", "run id written to every row (default: time-based)")
	fs.BoolVar(&o.reprocess, "reprocess", false, "process every article, even those an earlier run committed unchanged")
	fs.StringVar(&o.logFormat, "log-format", "text", "log format on stderr: text or json")
	fs.StringVar(&o.progress, "progress", "auto", "progress bar on stderr: auto (when stderr is a terminal), always or never")
	fs.Usage = func() {
		fmt.Fprintln(fs.Output(), "usage: communique run [flags] [INPUT...]\n\nINPUT is a .txt, .jsonl or .jsonl.gz file, a directory, a glob or - for standard input;\nwith none, the embedded sample articles are processed.\n\nflags:")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		return err
	}
	o.inputs = fs.Args()
	return runRun(ctx, o, stdout)
}

func runRun(ctx context.Context, o runOptions, stdout io.Writer) error {
	log, err := newLogger(o.logFormat, os.Stderr)
	if err != nil {
		return err
	}
	cfg := pipeline.Config{Inputs: o.inputs, Out: o.out, Workers: o.workers, RunID: o.runID,
		Reprocess: o.reprocess, Stdin: os.Stdin, Log: log}
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
	pipeline.SetMemoryLimit()
	an, err := pipeline.NewAnalyzer()
	if err != nil {
		return err
	}
	sum, err := pipeline.Run(ctx, an, cfg)
	if err != nil {
		return err
	}
	c := sum.Counts
	rate := float64(sum.Articles) / max(sum.Elapsed.Seconds(), 1e-9)
	log.Info("run committed", "run_id", sum.RunID, "articles", sum.Articles, "skipped", sum.Skipped,
		"failed", sum.Failed, "errors", c[pipeline.TableErrors], "seconds", sum.Elapsed.Seconds(), "manifest", sum.Manifest)
	fmt.Fprintf(stdout, "run %s: %d articles (%d unchanged, skipped), %d failed inputs, %.1fs (%.0f articles/s); rows: %d sentences, %d entities, %d commitments, %d positions, %d errors; manifest %s\n",
		sum.RunID, sum.Articles, sum.Skipped, sum.Failed, sum.Elapsed.Seconds(), rate,
		c[pipeline.TableSentences], c[pipeline.TableEntities], c[pipeline.TableCommitments], c[pipeline.TablePositions], c[pipeline.TableErrors], sum.Manifest)
	if c[pipeline.TableErrors] > 0 {
		return fmt.Errorf("%w: %d error rows in %s/errors", errPartial, c[pipeline.TableErrors], sum.Out)
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
	files, _ := pipeline.Expand(inputs)
	for _, f := range files {
		if st, err := os.Stat(f); err == nil {
			total += st.Size()
		}
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
