package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/communique/communique/lake"
)

// pruneOptions are the flags of communique prune.
type pruneOptions struct {
	out    string
	keep   int
	dryRun bool
}

func cmdPrune(ctx context.Context, args []string, stdout io.Writer) error {
	fs := newFlagSet("prune")
	var o pruneOptions
	fs.StringVar(&o.out, "out", "out", "output `root`: a directory or an object-store URL")
	fs.IntVar(&o.keep, "keep", 0, "keep the history of the last `N` committed runs (1 or more)")
	fs.BoolVar(&o.dryRun, "dry-run", false, "print what would be removed, remove nothing")
	fs.Usage = func() {
		fmt.Fprintln(fs.Output(), "usage: communique prune --keep N [--out ROOT] [--dry-run]\n\nRemoves the replaced files under _history/ of all but the last N committed runs and,\non local disk, snapshots no symlink points at; on an object store, the objects of runs\nthat never committed and sort before the latest commit. The live tables are never touched.\n\nflags:")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return usageError{fmt.Sprintf("prune takes no arguments, got %q", fs.Args())}
	}
	if o.keep < 1 {
		return usageError{fmt.Sprintf("--keep %d: give the number of latest runs whose history to keep, 1 or more", o.keep)}
	}
	sum, err := lake.Prune(ctx, lake.PruneConfig{Out: o.out, Keep: o.keep, DryRun: o.dryRun})
	if errors.Is(err, lake.ErrNoOutput) {
		return usageError{err.Error()}
	}
	if err != nil {
		return err
	}
	verb := "removed"
	if o.dryRun {
		verb = "would remove"
	}
	files := 0
	for _, h := range sum.History {
		fmt.Fprintf(stdout, "%s %s (%s)\n", verb, h.Location, count(h.Files, "file"))
		files += h.Files
	}
	for _, s := range sum.Snapshots {
		fmt.Fprintf(stdout, "%s snapshot %s\n", verb, s)
	}
	for _, u := range sum.Uncommitted {
		fmt.Fprintf(stdout, "%s %s (a run that never committed)\n", verb, u)
	}
	if len(sum.Uncommitted) > 0 {
		fmt.Fprintf(stdout, "%s %s of runs that never committed\n", verb, count(len(sum.Uncommitted), "object"))
	}
	kept := "none"
	if len(sum.Kept) > 0 {
		kept = strings.Join(sum.Kept, " ")
	}
	fmt.Fprintf(stdout, "%s the history of %s (%s) and %s; history kept for: %s\n",
		verb, count(len(sum.History), "run"), count(files, "file"), count(len(sum.Snapshots), "snapshot"), kept)
	return nil
}

// count says n things: "1 run", "2 runs".
func count(n int, thing string) string {
	if n == 1 {
		return "1 " + thing
	}
	return fmt.Sprintf("%d %ss", n, thing)
}
