package main

import (
	"bytes"
	"compress/gzip"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"io/fs"
	"iter"
	"os"
	"strings"

	"github.com/communique/communique/data"
	"github.com/communique/communique/eval"
	"github.com/communique/communique/sources"
	"github.com/communique/communique/stages"
	"github.com/communique/communique/train"
)

// evalOptions are the flags of communique eval.
type evalOptions struct {
	gold   []string // gold JSONL files or globs; none: the embedded data/gold/*.jsonl
	plover string   // a PLOVER gold standard file, scored instead of gold
	json   bool     // print the report as JSON
	diff   bool     // list false positives and negatives with their sentence
	model  modelFlags
	byConf bool // print precision and recall at confidence thresholds
}

// stringList is a flag that may be given more than once.
type stringList []string

func (s *stringList) String() string     { return strings.Join(*s, ",") }
func (s *stringList) Set(v string) error { *s = append(*s, v); return nil }

func cmdEval(ctx context.Context, args []string, stdout io.Writer) error {
	fs := newFlagSet("eval")
	var o evalOptions
	fs.Var((*stringList)(&o.gold), "gold", "gold JSONL `file` or glob (repeatable; more files may follow the flags; default: the embedded data/gold/*.jsonl)")
	fs.StringVar(&o.plover, "plover", "", "score on a PLOVER gold standard `file` (JSON array) instead")
	fs.BoolVar(&o.json, "json", false, "print the report as JSON")
	fs.BoolVar(&o.diff, "diff", false, "list each false positive and false negative with its sentence")
	fs.BoolVar(&o.byConf, "by-confidence", false, "print commitments' and positions' precision and recall at confidence thresholds")
	o.model.register(fs)
	fs.Usage = func() {
		fmt.Fprintln(fs.Output(), "usage: communique eval [--gold FILE...] [--json] [--diff]\n       communique eval --plover FILE [--json] [--diff]\n\nScores the pipeline on gold articles (../shared/CONTRACT.md, Scoring);\nthe last 12 lines of the plain output are the summary.")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		return err
	}
	o.gold = append(o.gold, fs.Args()...)
	if o.plover != "" && len(o.gold) > 0 {
		return usageError{"eval: --plover and --gold exclude each other"}
	}
	return runEval(ctx, o, stdout)
}

func runEval(ctx context.Context, o evalOptions, stdout io.Writer) error {
	cfg, err := o.model.config()
	if err != nil {
		return err
	}
	if o.byConf {
		cfg.MinConfidence = -1
	}
	an, err := stages.NewAnalyzerConfig(cfg)
	if err != nil {
		return err
	}
	if o.byConf && o.plover == "" {
		reps, err := eval.EvaluateByConfidence(ctx, an, goldArticles(o.gold), train.Thresholds)
		if err != nil {
			return err
		}
		fmt.Fprintln(stdout, "confidence  commitments P     R    F1 |  positions P     R    F1")
		for i, r := range reps {
			c, p := r.Commitments.Counts, r.Positions.Counts
			fmt.Fprintf(stdout, "≥ %.1f        %6.3f %6.3f %6.3f | %6.3f %6.3f %6.3f\n", train.Thresholds[i],
				c.Precision(), c.Recall(), c.F1(), p.Precision(), p.Recall(), p.F1())
		}
		return nil
	}
	if o.plover != "" {
		f, err := os.Open(o.plover)
		if err != nil {
			return err
		}
		defer f.Close()
		rep, err := eval.EvaluatePlover(ctx, an, wrapErrors(o.plover, eval.ReadPlover(f)))
		if err != nil {
			return err
		}
		if o.json {
			if !o.diff {
				rep.Misses = nil
			}
			return writeJSON(stdout, rep)
		}
		return rep.WriteText(stdout, o.diff)
	}
	rep, err := eval.Evaluate(ctx, an, goldArticles(o.gold))
	if err != nil {
		return err
	}
	if o.json {
		if !o.diff {
			rep.Diff = nil
		}
		return writeJSON(stdout, rep)
	}
	return rep.WriteText(stdout, o.diff)
}

// goldArticles returns the articles of the gold files, in order; with no
// file, those of the embedded data/gold/*.jsonl.
func goldArticles(inputs []string) iter.Seq2[eval.Article, error] {
	return func(yield func(eval.Article, error) bool) {
		type source struct {
			name string
			open func() (io.ReadCloser, error)
		}
		var srcs []source
		if len(inputs) == 0 {
			names, err := fs.Glob(data.FS(), "gold/*.jsonl")
			if err != nil || len(names) == 0 {
				yield(eval.Article{}, fmt.Errorf("embedded gold: no data/gold/*.jsonl (%v)", err))
				return
			}
			for _, n := range names {
				srcs = append(srcs, source{"data/" + n, func() (io.ReadCloser, error) {
					b, err := data.ReadFile(n)
					return io.NopCloser(bytes.NewReader(b)), err
				}})
			}
		} else {
			files, missing := sources.Expand(context.Background(), inputs)
			if len(missing) > 0 {
				yield(eval.Article{}, fmt.Errorf("gold: %w", missing[0]))
				return
			}
			for _, f := range files {
				n := f.Name
				srcs = append(srcs, source{n, func() (io.ReadCloser, error) { return openMaybeGzip(n) }})
			}
		}
		for _, s := range srcs {
			rc, err := s.open()
			if err != nil {
				yield(eval.Article{}, fmt.Errorf("read %s: %w", s.name, err))
				return
			}
			for a, err := range wrapErrors(s.name, eval.ReadGold(rc)) {
				if !yield(a, err) || err != nil {
					rc.Close()
					return
				}
			}
			rc.Close()
		}
	}
}

// wrapErrors prefixes the errors of seq with "read NAME".
func wrapErrors[T any](name string, seq iter.Seq2[T, error]) iter.Seq2[T, error] {
	return func(yield func(T, error) bool) {
		for v, err := range seq {
			if err != nil {
				err = fmt.Errorf("read %s %w", name, err)
			}
			if !yield(v, err) {
				return
			}
		}
	}
}

// openMaybeGzip opens a file, through gzip when its name ends in .gz.
func openMaybeGzip(name string) (io.ReadCloser, error) {
	f, err := os.Open(name)
	if err != nil || !strings.HasSuffix(name, ".gz") {
		return f, err
	}
	gz, err := gzip.NewReader(f)
	if err != nil {
		f.Close()
		return nil, err
	}
	return struct {
		io.Reader
		io.Closer
	}{gz, f}, nil
}

func writeJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(v)
}
