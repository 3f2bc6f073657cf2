package main

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"github.com/communique/communique/lake"
	"github.com/communique/communique/report"
)

// reportOptions are the flags of communique report.
type reportOptions struct {
	out  string
	html string
	cfg  report.Config
}

func cmdReport(ctx context.Context, args []string, stdout io.Writer) error {
	fs := newFlagSet("report")
	var o reportOptions
	fs.StringVar(&o.out, "out", "out", "output `root` to report on: a directory or an object-store URL")
	fs.StringVar(&o.html, "html", "report.html", "write the page to `file` (- for standard output)")
	fs.IntVar(&o.cfg.Top, "top", 0, "bars of the top actors and targets figures (default 15)")
	fs.IntVar(&o.cfg.Matrix, "matrix", 0, "actors and targets of the stance matrix (default 12)")
	fs.IntVar(&o.cfg.Examples, "examples", 0, "example rows per mark (default 3)")
	fs.Usage = func() {
		fmt.Fprintln(fs.Output(), "usage: communique report [--out ROOT] [--html FILE]\n\nWrites one self-contained HTML page (inline SVG, no script, nothing loaded from the network)\nabout the committed runs of ROOT: rows per table and per day, top actors and targets, who\nsupports or condemns whom, commitments by modality over time, errors by stage, each figure\nlinked to example rows with their evidence.\n\nflags:")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return usageError{fmt.Sprintf("report takes no arguments, got %q", fs.Args())}
	}
	if err := o.cfg.Validate(); err != nil {
		return usageError{err.Error()}
	}
	return runReport(ctx, o, stdout)
}

func runReport(ctx context.Context, o reportOptions, stdout io.Writer) error {
	r, err := report.Build(ctx, o.out, o.cfg)
	if errors.Is(err, lake.ErrNoOutput) {
		return usageError{err.Error()}
	}
	if err != nil {
		return err
	}
	var buf bytes.Buffer
	if err := r.WriteHTML(&buf); err != nil {
		return err
	}
	if o.html == "-" {
		_, err := stdout.Write(buf.Bytes())
		return err
	}
	// Written beside and renamed, so a failed write leaves no half page.
	tmp, err := os.CreateTemp(filepath.Dir(o.html), ".report-*.html")
	if err != nil {
		return fmt.Errorf("write report: %w", err)
	}
	defer os.Remove(tmp.Name())
	if _, err := tmp.Write(buf.Bytes()); err != nil {
		tmp.Close()
		return fmt.Errorf("write report %s: %w", o.html, err)
	}
	if err := tmp.Chmod(0o644); err != nil {
		tmp.Close()
		return fmt.Errorf("write report %s: %w", o.html, err)
	}
	if err := tmp.Close(); err != nil {
		return fmt.Errorf("write report %s: %w", o.html, err)
	}
	if err := os.Rename(tmp.Name(), o.html); err != nil {
		return fmt.Errorf("write report: %w", err)
	}
	fmt.Fprintf(os.Stderr, "report of %s written to %s (%d KB)\n", o.out, o.html, (buf.Len()+1023)/1024)
	return nil
}
