package main

import (
	"context"
	"fmt"
	"io"
	"os"

	"github.com/communique/communique/pipeline"
)

// runOptions are the flags of communique run.
type runOptions struct {
	out     string
	workers int
	runID   string
	inputs  []string
}

func cmdRun(ctx context.Context, args []string, stdout io.Writer) error {
	fs := newFlagSet("run")
	var o runOptions
	fs.StringVar(&o.out, "out", "out", "output `directory`: one sub-directory per table")
	fs.IntVar(&o.workers, "workers", 0, "analysis workers (default: one per core)")
	fs.StringVar(&o.runID, "run-id", "", "run id written to every row (default: time-based)")
	fs.Usage = func() {
		fmt.Fprintln(fs.Output(), "usage: communique run [--out DIR] [--workers N] [INPUT...]\n\nINPUT is a .txt, .jsonl or .jsonl.gz file, a directory, a glob or - for standard input;\nwith none, the embedded sample articles are processed.")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		return err
	}
	o.inputs = fs.Args()
	return runRun(ctx, o, stdout)
}

func runRun(ctx context.Context, o runOptions, stdout io.Writer) error {
	an, err := pipeline.NewAnalyzer()
	if err != nil {
		return err
	}
	cfg := pipeline.Config{Inputs: o.inputs, Out: o.out, Workers: o.workers, RunID: o.runID, Stdin: os.Stdin}
	if err := cfg.Validate(); err != nil {
		return usageError{err.Error()}
	}
	sum, err := pipeline.Run(ctx, an, cfg)
	if err != nil {
		return err
	}
	c := sum.Counts
	fmt.Fprintf(stdout, "run %s: %d articles, %d failed inputs in %.1fs; rows: %d sentences, %d entities, %d commitments, %d positions, %d errors; tables in %s/\n",
		sum.RunID, sum.Articles, sum.Failed, sum.Elapsed.Seconds(),
		c[pipeline.TableSentences], c[pipeline.TableEntities], c[pipeline.TableCommitments], c[pipeline.TablePositions], c[pipeline.TableErrors], sum.Out)
	if c[pipeline.TableErrors] > 0 {
		return fmt.Errorf("%w: %d error rows in %s/errors", errPartial, c[pipeline.TableErrors], sum.Out)
	}
	return nil
}
