package eval_test

import (
	"bytes"
	"context"
	"encoding/json"
	"flag"
	"io/fs"
	"iter"
	"os"
	"testing"

	"github.com/communique/communique/data"
	"github.com/communique/communique/eval"
	"github.com/communique/communique/pipeline"
)

var update = flag.Bool("update", false, "raise data/gold/floor.json to the current scores (never lowers a floor)")

// floorFile is data/gold/floor.json, seen from this package's directory.
const floorFile = "../data/gold/floor.json"

// epsilon absorbs float noise; a real drop is at least one row.
const epsilon = 1e-6

// TestFloor runs the pipeline on the embedded gold articles and fails when a
// score drops below its floor. With -update it raises the floors instead.
func TestFloor(t *testing.T) {
	if testing.Short() {
		t.Skip("runs the whole pipeline")
	}
	an, err := pipeline.NewAnalyzer()
	if err != nil {
		t.Fatal(err)
	}
	rep, err := eval.Evaluate(context.Background(), an, embeddedGold(t))
	if err != nil {
		t.Fatal(err)
	}
	b, err := os.ReadFile(floorFile)
	if err != nil {
		t.Fatal(err)
	}
	floor, err := eval.ParseFloor(b)
	if err != nil {
		t.Fatal(err)
	}
	if *update {
		raised := floor.Raise(rep)
		out, err := json.MarshalIndent(raised, "", "  ")
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(floorFile, append(out, '\n'), 0o644); err != nil {
			t.Fatal(err)
		}
		t.Logf("floor: %+v", raised)
		return
	}
	if err := floor.Check(rep, epsilon); err != nil {
		t.Errorf("%v\n(run communique eval --diff to see why)", err)
	}
	if floor.Raise(rep) != floor {
		t.Logf("scores above floor: %+v; raise with go test ./eval -run TestFloor -update", eval.FloorOf(rep))
	}
}

func embeddedGold(t *testing.T) iter.Seq2[eval.Article, error] {
	names, err := fs.Glob(data.FS(), "gold/*.jsonl")
	if err != nil || len(names) == 0 {
		t.Fatalf("no embedded gold: %v", err)
	}
	return func(yield func(eval.Article, error) bool) {
		for _, name := range names {
			b, err := data.ReadFile(name)
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
