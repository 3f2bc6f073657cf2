package main

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"

	"github.com/communique/communique/eval"
	"github.com/communique/communique/sources"
	"github.com/communique/communique/stages"
	"github.com/communique/communique/textnorm"
)

// annotateOptions are the flags of communique annotate.
type annotateOptions struct {
	inputs  []string // .txt, .jsonl, .jsonl.gz files, directories, globs or -; none: the embedded samples
	dataDir string   // --data: a directory of tables added to the embedded ones
}

func cmdAnnotate(ctx context.Context, args []string, stdout io.Writer) error {
	fs := newFlagSet("annotate")
	var o annotateOptions
	registerData(fs, &o.dataDir)
	fs.Usage = func() {
		fmt.Fprintln(fs.Output(), "usage: communique annotate [INPUT...]\n\nWrites the pipeline's predictions in the gold JSONL format (docs/GOLD.md), one\narticle a line, so that annotators start from them. INPUT is as for run;\nwith none, the embedded sample articles are annotated.")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		return err
	}
	o.inputs = fs.Args()
	return runAnnotate(ctx, o, stdout)
}

// runAnnotate writes one gold-format line per readable article to stdout.
// Inputs that cannot be read or analyzed are reported on standard error and
// make the command end with errPartial.
func runAnnotate(ctx context.Context, o annotateOptions, stdout io.Writer) error {
	if err := useData(o.dataDir); err != nil {
		return err
	}
	an, err := stages.NewAnalyzer()
	if err != nil {
		return err
	}
	bw := bufio.NewWriter(stdout)
	enc := json.NewEncoder(bw)
	enc.SetEscapeHTML(false)
	failed := 0
	fail := func(it sources.Item, err error) {
		failed++
		switch {
		case it.Line > 0:
			err = fmt.Errorf("%s line %d: %w", it.Source, it.Line, err)
		case it.Source != "":
			err = fmt.Errorf("%s: %w", it.Source, err)
		}
		fmt.Fprintf(os.Stderr, "communique annotate: %v\n", err)
	}
	emit := func(it sources.Item) error {
		if err := ctx.Err(); err != nil {
			return err
		}
		if it.Err != nil {
			fail(it, it.Err)
			return nil
		}
		a := it.Article
		a.Text, _ = textnorm.Normalize(a.Text)
		d, err := an.Analyze(a)
		if err != nil {
			fail(it, fmt.Errorf("analyze %s: %w", a.ArticleID, err))
			return nil
		}
		if err := enc.Encode(eval.Annotation(a, eval.PredictionOf(d))); err != nil {
			return fmt.Errorf("write: %w", err)
		}
		return nil
	}
	r := sources.NewReader(os.Stdin)
	if err := r.ReadAll(ctx, o.inputs, emit); err != nil {
		return err
	}
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("write: %w", err)
	}
	if failed > 0 {
		return fmt.Errorf("%w: %d inputs", errPartial, failed)
	}
	return nil
}
