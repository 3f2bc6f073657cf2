package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"slices"
	"strings"

	"github.com/communique/communique/lake"
)

// filesOptions are the flags of communique files.
type filesOptions struct {
	out     string
	table   string
	history bool
}

func cmdFiles(ctx context.Context, args []string, stdout io.Writer) error {
	fs := newFlagSet("files")
	var o filesOptions
	fs.StringVar(&o.out, "out", "out", "output `root`: a directory or an object-store URL")
	fs.StringVar(&o.table, "table", "", "only the files of this `table` (default: every table)")
	fs.BoolVar(&o.history, "history", false, "print the files later runs replaced, kept under _history/<run_id>/, instead")
	fs.Usage = func() {
		fmt.Fprintln(fs.Output(), "usage: communique files [--out ROOT] [--table T] [--history]\n\nPrints the files of the live tables, one a line: read these, and never a partial run\nor an old version of an article (on local disk, the snapshot a glob reader sees; a\ncommitted run not live yet is named on standard error). --history prints the\nreplaced files instead.\n\nflags:")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return usageError{fmt.Sprintf("files takes no arguments, got %q", fs.Args())}
	}
	if o.table != "" && !slices.Contains(lake.Tables, o.table) {
		return usageError{fmt.Sprintf("table %q: want one of %s", o.table, strings.Join(lake.Tables, ", "))}
	}
	list := lake.CommittedFiles
	if o.history {
		list = lake.HistoryFiles
	}
	files, err := list(ctx, o.out, o.table)
	if errors.Is(err, lake.ErrNoOutput) {
		return usageError{err.Error()}
	}
	if err != nil {
		return err
	}
	for _, f := range files {
		fmt.Fprintln(stdout, f)
	}
	if o.history {
		return nil
	}
	pending, err := lake.PendingRun(ctx, o.out)
	if err != nil {
		return err
	}
	if pending != "" {
		fmt.Fprintf(os.Stderr, "communique files: run %s is committed but not live yet (its commit is under way, or stopped before making it live; the next run or commit makes it live): these are the files of the live snapshot, which a glob reader sees\n", pending)
	}
	return nil
}
