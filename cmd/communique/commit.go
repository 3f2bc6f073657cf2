package main

import (
	"context"
	"fmt"
	"io"
	"os"

	"github.com/communique/communique/lake"
)

// commitOptions are the flags of communique commit.
type commitOptions struct {
	out       string
	runID     string
	shards    int
	logFormat string
}

func cmdCommit(ctx context.Context, args []string, stdout io.Writer) error {
	fs := newFlagSet("commit")
	var o commitOptions
	fs.StringVar(&o.out, "out", "out", "output `root` the shards wrote to: a directory or an object-store URL")
	fs.StringVar(&o.runID, "run-id", "", "the run id the shards were given")
	fs.IntVar(&o.shards, "shards", 0, "the number of shards the run was given")
	fs.StringVar(&o.logFormat, "log-format", "text", "log format on stderr: text or json")
	fs.Usage = func() {
		fmt.Fprintln(fs.Output(), "usage: communique commit --run-id R --shards N [--out ROOT]\n\nPublishes a sharded run once every shard is complete, exactly once. While a shard\nis missing it publishes nothing and exits 4; a run committed before is reported and left as it is.\n\nflags:")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return usageError{fmt.Sprintf("commit takes no arguments, got %q", fs.Args())}
	}
	return runCommit(ctx, o, stdout)
}

func runCommit(ctx context.Context, o commitOptions, stdout io.Writer) error {
	log, err := newLogger(o.logFormat, os.Stderr)
	if err != nil {
		return err
	}
	cfg := lake.CommitConfig{Out: o.out, RunID: o.runID, Shards: o.shards, Log: log}
	if err := cfg.Validate(); err != nil {
		return usageError{err.Error()}
	}
	sum, err := lake.Commit(ctx, cfg)
	if err != nil {
		return err
	}
	m := sum.Manifest
	if !sum.Published {
		fmt.Fprintf(stdout, "run %s was already committed at %s (%d files, %d articles); nothing new published: %s\n",
			m.RunID, m.Finished, len(m.Files), m.Articles, sum.Location)
		return nil
	}
	fmt.Fprintf(stdout, "run %s committed: %d shards, %d files, %d articles (%d unchanged, skipped), %d error rows; manifest %s\n",
		m.RunID, m.Shards, len(m.Files), m.Articles, m.Skipped, m.Errors, sum.Location)
	return nil
}
