package train_test

import (
	"bytes"
	"context"
	"io"
	"iter"
	"os"
	"path/filepath"
	"testing"

	"github.com/communique/communique/data"
	"github.com/communique/communique/eval"
	"github.com/communique/communique/extractors/stances"
	"github.com/communique/communique/sources"
	"github.com/communique/communique/stages"
	"github.com/communique/communique/train"
)

// goldFiles reads the gold articles of files (globs), in order.
func goldFiles(t *testing.T, files ...string) iter.Seq2[eval.Article, error] {
	t.Helper()
	names, missing := sources.Expand(context.Background(), files)
	if len(missing) > 0 {
		t.Fatalf("gold files: %v", missing[0])
	}
	return func(yield func(eval.Article, error) bool) {
		for _, in := range names {
			n := in.Name
			b, err := os.ReadFile(n)
			if err != nil {
				yield(eval.Article{}, err)
				return
			}
			for a, err := range eval.ReadGold(bytes.NewReader(b)) {
				if !yield(a, err) || err != nil {
					return
				}
			}
		}
	}
}

// embeddedGold reads the embedded data/gold/dev.jsonl.
func embeddedGold(t *testing.T) iter.Seq2[eval.Article, error] {
	t.Helper()
	b, err := data.ReadFile("gold/dev.jsonl")
	if err != nil {
		t.Fatal(err)
	}
	return eval.ReadGold(io.Reader(bytes.NewReader(b)))
}

func TestTrainOnFixtureLearnsIt(t *testing.T) {
	ctx := context.Background()
	base, rules := analyzers(t)
	set, err := train.Label(ctx, base, rules, embeddedGold(t))
	if err != nil {
		t.Fatal(err)
	}
	if set.Gold == 0 || set.Trigger < set.Gold*9/10 {
		t.Fatalf("candidates cover %d of %d gold rows, want 90%%", set.Trigger, set.Gold)
	}
	m, err := train.Fit(set)
	if err != nil {
		t.Fatal(err)
	}
	rep, err := train.Score(ctx, base, m, 0, embeddedGold(t))
	if err != nil {
		t.Fatal(err)
	}
	// the model is scored on the articles it learnt from: it must fit them
	if f := rep.Commitments.F1(); f < 0.8 {
		t.Errorf("commitments F1 %.3f on the training articles, want ≥ 0.8", f)
	}
	if f := rep.Positions.F1(); f < 0.8 {
		t.Errorf("positions F1 %.3f on the training articles, want ≥ 0.8", f)
	}
}

// TestCommittedModelIsMakeModel retrains the model as `make model` does and
// compares it with data/models/stances: a change to the candidates or the
// features needs `make model`.
func TestCommittedModelIsMakeModel(t *testing.T) {
	shared, root := filepath.Join("..", "..", "shared"), ".."
	if _, err := os.Stat(filepath.Join(shared, "realtext", "gold")); err != nil {
		t.Skipf("no %s/realtext/gold beside the repository: %v", shared, err)
	}
	ctx := context.Background()
	base, rules := analyzers(t)
	var all train.Set
	for _, f := range train.TrainingFiles(shared, root) {
		s, err := train.Label(ctx, base, rules, goldFiles(t, f))
		if err != nil {
			t.Fatal(err)
		}
		all.Append(s)
	}
	m, err := train.Fit(&all)
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	if err := m.WriteDir(dir); err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"row.model", "class.model", "actor.model"} {
		got, err := os.ReadFile(filepath.Join(dir, name))
		if err != nil {
			t.Fatal(err)
		}
		want, err := os.ReadFile(filepath.Join(root, "data", stances.ModelDir, name))
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(got, want) {
			t.Errorf("data/%s/%s is not what `make model` writes: run make model", stances.ModelDir, name)
		}
	}
}

// analyzers returns the pipeline with the rules deciding, and the rules'
// stance extractor whose candidates training labels.
func analyzers(t *testing.T) (*stages.Analyzer, *stances.Extractor) {
	t.Helper()
	base, err := stages.NewAnalyzer()
	if err != nil {
		t.Fatal(err)
	}
	rules, err := stances.New()
	if err != nil {
		t.Fatal(err)
	}
	return base, rules
}
