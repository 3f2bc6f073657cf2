package eval_test

import (
	"bytes"
	"context"
	"encoding/json"
	"flag"
	"io/fs"
	"iter"
	"os"
	"path/filepath"
	"testing"

	"github.com/communique/communique/data"
	"github.com/communique/communique/eval"
	"github.com/communique/communique/extractors/stances"
	"github.com/communique/communique/stages"
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
	an, err := stages.NewAnalyzer()
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

// heldoutFloorFile holds a floor per file of data/heldout, the sets that are
// not embedded (the tune sets and the blind set): a change may not lower
// their scores either.
const heldoutFloorFile = "../data/heldout/floor.json"

// TestHeldoutFloor runs the pipeline on each held-out gold file and fails
// when a score drops below that file's floor; with -update it raises the
// floors. It reports figures only, never rows, so the blind set stays blind.
func TestHeldoutFloor(t *testing.T) {
	if testing.Short() {
		t.Skip("runs the whole pipeline")
	}
	files, err := filepath.Glob("../data/heldout/*.jsonl")
	if err != nil || len(files) == 0 {
		t.Fatalf("no held-out gold: %v", err)
	}
	an, err := stages.NewAnalyzer()
	if err != nil {
		t.Fatal(err)
	}
	floors := readFloors(t, heldoutFloorFile)
	for _, file := range files {
		name := filepath.Base(file)
		f, err := os.Open(file)
		if err != nil {
			t.Fatal(err)
		}
		rep, err := eval.Evaluate(context.Background(), an, eval.ReadGold(f))
		f.Close()
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		floor, ok := floors[name]
		switch {
		case *update:
			floors[name] = floor.Raise(rep)
		case !ok:
			t.Errorf("%s has no floor in %s; add it with go test ./eval -run TestHeldoutFloor -update", name, heldoutFloorFile)
		default:
			if err := floor.Check(rep, epsilon); err != nil {
				t.Errorf("%s: %v", name, err)
			}
		}
	}
	if *update {
		writeFloors(t, heldoutFloorFile, floors)
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

// realtextFloorFile holds the floors of the real-text development split
// (../shared/realtext/gold/part-8.jsonl and part-9.jsonl), one per decider:
// the rules, and the embedded stance model at its default confidence.
const realtextFloorFile = "../data/heldout/realtext-floor.json"

// TestRealtextFloor scores the real-text development split with the rules
// and with the stance model and fails when a score drops below its floor;
// with -update it raises the floors. It reports figures only.
func TestRealtextFloor(t *testing.T) {
	if testing.Short() {
		t.Skip("runs the whole pipeline")
	}
	files, _ := filepath.Glob("../../shared/realtext/gold/part-[89].jsonl")
	if len(files) != 2 {
		t.Skip("no ../shared/realtext/gold beside the repository")
	}
	model, err := stances.EmbeddedModel()
	if err != nil {
		t.Fatal(err)
	}
	deciders := map[string]stances.Config{"rules": {}, "model": {Model: model}}
	floors := readFloors(t, realtextFloorFile)
	for name, cfg := range deciders {
		an, err := stages.NewAnalyzerConfig(cfg)
		if err != nil {
			t.Fatal(err)
		}
		var rep eval.Report
		for _, file := range files {
			f, err := os.Open(file)
			if err != nil {
				t.Fatal(err)
			}
			r, err := eval.Evaluate(context.Background(), an, eval.ReadGold(f))
			f.Close()
			if err != nil {
				t.Fatalf("%s: %v", file, err)
			}
			rep.Add(r)
		}
		floor, ok := floors[name]
		switch {
		case *update:
			floors[name] = floor.Raise(rep)
		case !ok:
			t.Errorf("%s has no floor in %s; add it with go test ./eval -run TestRealtextFloor -update", name, realtextFloorFile)
		default:
			if err := floor.Check(rep, epsilon); err != nil {
				t.Errorf("%s: %v", name, err)
			}
		}
	}
	if *update {
		writeFloors(t, realtextFloorFile, floors)
	}
}

// readFloors reads a file of floors by name; with -update a missing file
// is an empty set.
func readFloors(t *testing.T, path string) map[string]eval.Floor {
	t.Helper()
	floors := map[string]eval.Floor{}
	b, err := os.ReadFile(path)
	if err != nil {
		if !*update {
			t.Fatal(err)
		}
		return floors
	}
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&floors); err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	return floors
}

// writeFloors writes a file of floors by name.
func writeFloors(t *testing.T, path string, floors map[string]eval.Floor) {
	t.Helper()
	out, err := json.MarshalIndent(floors, "", "  ")
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, append(out, '\n'), 0o644); err != nil {
		t.Fatal(err)
	}
}
