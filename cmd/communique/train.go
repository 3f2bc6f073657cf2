package main

import (
	"context"
	"fmt"
	"io"
	"path/filepath"

	"github.com/communique/communique/eval"
	"github.com/communique/communique/extractors/stances"
	"github.com/communique/communique/sources"
	"github.com/communique/communique/stages"
	"github.com/communique/communique/train"
)

// trainOptions are the flags of communique train.
type trainOptions struct {
	gold   []string // training gold files or globs
	dev    []string // development gold files, scored, never trained on
	out    string   // where the model is written; "" writes none
	cv     bool     // cross-validate: each training file scored by a model trained on the others
	heavy  int      // how many of the heaviest weights to print
	shared string   // the shared directory of the default files
}

func cmdTrain(ctx context.Context, args []string, stdout io.Writer) error {
	fs := newFlagSet("train")
	var o trainOptions
	fs.Var((*stringList)(&o.gold), "gold", "training gold JSONL `file` or glob (repeatable; more files may follow the flags)")
	fs.Var((*stringList)(&o.dev), "dev", "development gold JSONL `file` or glob, scored and never trained on (repeatable)")
	fs.StringVar(&o.out, "out", "data/"+stances.ModelDir, "write the model into `dir` (empty: do not write)")
	fs.StringVar(&o.shared, "shared", "../shared", "the shared `dir` holding realtext/gold, for the default training and development files")
	fs.BoolVar(&o.cv, "cv", false, "also cross-validate over the training files (each scored by a model trained on the others)")
	fs.IntVar(&o.heavy, "heaviest", 20, "print the `n` heaviest feature weights")
	fs.IntVar(&train.Config.Epochs, "epochs", train.Config.Epochs, "passes over the examples")
	fs.Float64Var(&train.Config.L2, "l2", train.Config.L2, "L2 penalty")
	fs.Float64Var(&train.Config.Rate, "rate", train.Config.Rate, "AdaGrad learning rate")
	fs.IntVar(&train.Config.MinCount, "min-count", train.Config.MinCount, "drop features seen in fewer examples")
	fs.Usage = func() {
		fmt.Fprintln(fs.Output(), "usage: communique train [--gold FILE...] [--dev FILE...] [--out DIR] [--cv]\n\nTrains the stance model (commitments and positions) on gold articles,\ndeterministically, prints the development scores and writes the model.\nWithout --gold: the real-text training split of --shared and data/gold and\nthe development files of data/heldout, scored on the real-text development split.")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		return err
	}
	o.gold = append(o.gold, fs.Args()...)
	if len(o.gold) == 0 {
		o.gold = train.TrainingFiles(o.shared, ".")
		if len(o.dev) == 0 {
			o.dev = train.DevelopmentFiles(o.shared)
		}
	}
	return runTrain(ctx, o, stdout)
}

func runTrain(ctx context.Context, o trainOptions, stdout io.Writer) error {
	rules, err := stances.NewWith(stances.Config{})
	if err != nil {
		return err
	}
	base, err := stages.NewAnalyzerConfig(stances.Config{})
	if err != nil {
		return err
	}
	files, missing := sources.Expand(ctx, o.gold)
	if len(missing) > 0 {
		return fmt.Errorf("train: %w", missing[0])
	}
	var sets []*train.Set
	all := &train.Set{}
	for _, in := range files {
		f := in.Name
		s, err := train.Label(ctx, base, rules, goldArticles([]string{f}))
		if err != nil {
			return err
		}
		sets = append(sets, s)
		all.Append(s)
		fmt.Fprintf(stdout, "  %-40s %4d articles, %4d gold rows, %.3f with a candidate, %.3f with its actor (%.3f among its options)\n",
			filepath.Base(f), len(s.Articles), s.Gold, ratio(s.Trigger, s.Gold), ratio(s.Actor, s.Gold), ratio(s.Option, s.Gold))
	}
	ex := all.Examples()
	fmt.Fprintf(stdout, "training: %d files, %d articles, %d candidates; of %d gold rows %.3f have a candidate, %.3f with its actor, %.3f among its options\n",
		len(files), len(all.Articles), len(ex), all.Gold, ratio(all.Trigger, all.Gold), ratio(all.Actor, all.Gold), ratio(all.Option, all.Gold))
	if o.cv && len(sets) > 1 {
		fmt.Fprintln(stdout, "cross-validation (each file scored by a model trained on the others):")
		var sum eval.Report
		for i, in := range files {
			f := in.Name
			rest := &train.Set{}
			for j, s := range sets {
				if j != i {
					rest.Append(s)
				}
			}
			m, err := train.Fit(rest)
			if err != nil {
				return err
			}
			rep, err := train.Score(ctx, base, m, 0, goldArticles([]string{f}))
			if err != nil {
				return err
			}
			sum.Add(rep)
			fmt.Fprintf(stdout, "  %-40s %s\n", filepath.Base(f), scoreLine(rep))
		}
		fmt.Fprintf(stdout, "  %-40s %s\n", "all", scoreLine(sum))
	}
	m, err := train.Fit(all)
	if err != nil {
		return err
	}
	fmt.Fprintf(stdout, "model: %d + %d features (row, class)\n", m.Row.NumFeatures(), m.Class.NumFeatures())
	if len(o.dev) > 0 {
		rep, err := train.Score(ctx, base, m, 0, goldArticles(o.dev))
		if err != nil {
			return err
		}
		fmt.Fprintf(stdout, "development (%d articles): %s\n", rep.Articles, scoreLine(rep))
		reps, err := train.ScoreByConfidence(ctx, base, m, goldArticles(o.dev))
		if err != nil {
			return err
		}
		for i, r := range reps {
			fmt.Fprintf(stdout, "  confidence ≥ %.1f: %s\n", train.Thresholds[i], scoreLine(r))
		}
	}
	if o.heavy > 0 {
		fmt.Fprintf(stdout, "the %d heaviest weights:\n", o.heavy)
		for _, w := range append(m.Row.Heaviest(o.heavy/2), m.Class.Heaviest(o.heavy-o.heavy/2)...) {
			fmt.Fprintf(stdout, "  %+8.3f  %-28s %s\n", w.Value, w.Class, w.Feature)
		}
	}
	if o.out == "" {
		return nil
	}
	return m.WriteDir(o.out)
}

// scoreLine is one line of commitment and position scores.
func scoreLine(r eval.Report) string {
	c, p := r.Commitments.Counts, r.Positions.Counts
	return fmt.Sprintf("commitments P %.3f R %.3f F1 %.3f | positions P %.3f R %.3f F1 %.3f",
		c.Precision(), c.Recall(), c.F1(), p.Precision(), p.Recall(), p.F1())
}

func ratio(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}
