package pipeline_test

import (
	"context"
	"errors"
	"io/fs"
	"path/filepath"
	"strings"
	"testing"

	"github.com/communique/communique/pipeline"
)

// TestCancelLeavesNothing cancels a run part-way (as Ctrl-C does) and checks
// that it reports the cancellation and leaves no table file and no manifest.
func TestCancelLeavesNothing(t *testing.T) {
	dir, out := t.TempDir(), t.TempDir()
	in := corpus(t, dir, 200, "")
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	_, err := pipeline.Run(ctx, analyzer, pipeline.Config{
		Inputs: []string{in}, Out: out, Workers: 2, RunID: "cancelled",
		Progress: func(items int, _ int64) {
			if items == 20 {
				cancel()
			}
		},
	})
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("Run cancelled part-way = %v; want context.Canceled", err)
	}
	var left []string
	filepath.WalkDir(out, func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() && (strings.HasSuffix(p, ".parquet") || strings.HasSuffix(p, ".json") || strings.HasSuffix(p, ".tmp")) {
			left = append(left, p)
		}
		return nil
	})
	if len(left) > 0 {
		t.Errorf("cancelled run left %v", left)
	}
	// The next run over the same output works and holds every article once.
	runInto(t, out, "after", false, in)
	if ids := articleIDs(t, out); len(ids) != 200 {
		t.Errorf("%d articles after the next run; want 200", len(ids))
	}
}
