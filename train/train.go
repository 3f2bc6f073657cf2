package train

import (
	"context"
	"iter"
	"path/filepath"

	"github.com/communique/communique/eval"
	"github.com/communique/communique/extractors"
	"github.com/communique/communique/extractors/stances"
	"github.com/communique/communique/linear"
	"github.com/communique/communique/stages"
)

// Set is the labelled candidates of some gold articles, by article.
type Set struct {
	Articles [][]linear.Example
	// Actors are the actor ranker's examples, by article.
	Actors [][]linear.Example
	// Coverage counts the gold rows and those a candidate was labelled
	// with (sharing an actor with it): the recall the candidates allow.
	stances.Coverage
}

// Examples returns all the examples of the set, in article order.
func (s *Set) Examples() []linear.Example { return concat(s.Articles) }

// ActorExamples returns all the actor ranker's examples, in article order.
func (s *Set) ActorExamples() []linear.Example { return concat(s.Actors) }

// Append adds the articles and counts of o to s.
func (s *Set) Append(o *Set) {
	s.Articles = append(s.Articles, o.Articles...)
	s.Actors = append(s.Actors, o.Actors...)
	s.Gold += o.Gold
	s.Trigger += o.Trigger
	s.Actor += o.Actor
	s.Option += o.Option
}

func concat(xs [][]linear.Example) []linear.Example {
	var out []linear.Example
	for _, a := range xs {
		out = append(out, a...)
	}
	return out
}

// Label analyzes each gold article with an and labels the candidates the
// stance extractor x proposes with the article's gold rows.
func Label(ctx context.Context, an *stages.Analyzer, x *stances.Extractor, gold iter.Seq2[eval.Article, error]) (*Set, error) {
	set := &Set{}
	err := eval.Analyzed(ctx, an, gold, func(g eval.Article, d *extractors.Doc) {
		var rows []stances.GoldRow
		for _, c := range g.Commitments {
			rows = append(rows, stances.GoldRow{Start: int32(c.Start), End: int32(c.End), Class: stances.GoldClass(true, string(c.Modality)), ActorIDs: c.ActorIDs})
		}
		for _, p := range g.Positions {
			rows = append(rows, stances.GoldRow{Start: int32(p.Start), End: int32(p.End), Class: stances.GoldClass(false, string(p.Stance)), ActorIDs: p.ActorIDs})
		}
		ex, actors, cov := stances.LabelActors(x.Propose(d), rows)
		set.Gold += cov.Gold
		set.Trigger += cov.Trigger
		set.Actor += cov.Actor
		set.Option += cov.Option
		set.Articles = append(set.Articles, ex)
		set.Actors = append(set.Actors, actors)
	})
	if err != nil {
		return nil, err
	}
	return set, nil
}

// Config is the learner's configuration the project trains with.
var Config = linear.Config{Epochs: 30, Rate: 0.2, L2: 1e-4, MinCount: 2, Seed: 20261205}

// Fit trains a model on a set.
func Fit(s *Set) (*stances.Model, error) {
	return stances.Fit(s.Examples(), s.ActorExamples(), Config)
}

// Score evaluates model m on gold articles with the analyzer base, whose
// stance extractor it replaces; minConf is the confidence threshold (0: the
// default).
func Score(ctx context.Context, base *stages.Analyzer, m *stances.Model, minConf float64, gold iter.Seq2[eval.Article, error]) (eval.Report, error) {
	x, err := stances.NewWith(stances.Config{Model: m, MinConfidence: minConf})
	if err != nil {
		return eval.Report{}, err
	}
	return eval.Evaluate(ctx, base.WithStances(x), gold)
}

// Thresholds are the confidences ScoreByConfidence scores at.
var Thresholds = []float64{0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9}

// ScoreByConfidence evaluates model m on gold articles at each of Thresholds.
func ScoreByConfidence(ctx context.Context, base *stages.Analyzer, m *stances.Model, gold iter.Seq2[eval.Article, error]) ([]eval.Report, error) {
	x, err := stances.NewWith(stances.Config{Model: m, MinConfidence: -1})
	if err != nil {
		return nil, err
	}
	return eval.EvaluateByConfidence(ctx, base.WithStances(x), gold, Thresholds)
}

// TrainingFiles returns the gold files the project's model is trained on,
// as globs: the real-text training split under shared (the ../shared
// directory) and the project's own gold and development files, read from
// the repository root root.
func TrainingFiles(shared, root string) []string {
	out := []string{filepath.Join(shared, "realtext/gold/part-[1-7].jsonl"), filepath.Join(root, "data/gold/dev.jsonl")}
	for _, f := range []string{"tune", "tune-b", "tune2", "tune3", "blind2"} {
		out = append(out, filepath.Join(root, "data/heldout", f+".jsonl"))
	}
	return out
}

// DevelopmentFiles returns the real-text development split: scored, never
// trained on.
func DevelopmentFiles(shared string) []string {
	return []string{filepath.Join(shared, "realtext/gold/part-[89].jsonl")}
}
