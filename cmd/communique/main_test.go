package main

import (
	"bytes"
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"path/filepath"
	"strings"
	"testing"

	"github.com/communique/communique/lake"
)

// TestExitCode checks the documented exit codes, mapped in one place.
func TestExitCode(t *testing.T) {
	cancelled, cancel := context.WithCancel(context.Background())
	cancel()
	tests := []struct {
		name string
		ctx  context.Context
		err  error
		want int
	}{
		{"success", context.Background(), nil, 0},
		{"failure", context.Background(), errors.New("write out/x: disk full"), 1},
		{"help", context.Background(), flag.ErrHelp, 2},
		{"usage", context.Background(), usageError{"workers -1"}, 2},
		{"partial", context.Background(), fmt.Errorf("%w: 3 error rows", errPartial), 3},
		{"shards incomplete", context.Background(), fmt.Errorf("run r: %w", lake.ErrShardsIncomplete), 4},
		{"interrupted", cancelled, context.Canceled, 130},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var w bytes.Buffer
			if got := exitCode(tc.ctx, tc.err, &w); got != tc.want {
				t.Errorf("exitCode(%v) = %d; want %d", tc.err, got, tc.want)
			}
			if tc.err != nil && tc.err != flag.ErrHelp && w.Len() == 0 {
				t.Errorf("exitCode(%v) printed nothing", tc.err)
			}
		})
	}
}

// TestRunSamples runs the main job as the README's first command does and
// checks the summary line and a second run that adds nothing.
func TestRunSamples(t *testing.T) {
	out := t.TempDir()
	var stdout bytes.Buffer
	o := runOptions{out: out, logFormat: "json", progress: "never", shard: -1}
	if err := runRun(context.Background(), o, &stdout); err != nil {
		t.Fatalf("run = %v", err)
	}
	if !bytes.Contains(stdout.Bytes(), []byte(": 2 articles (0 unchanged, skipped)")) {
		t.Errorf("summary = %q; want 2 articles", stdout.String())
	}
	stdout.Reset()
	if err := runRun(context.Background(), o, &stdout); err != nil {
		t.Fatalf("second run = %v", err)
	}
	if !bytes.Contains(stdout.Bytes(), []byte(": 0 articles (2 unchanged, skipped)")) {
		t.Errorf("second summary = %q; want 0 articles, 2 skipped", stdout.String())
	}

	// --reprocess replaces both articles: files prints the live file of a
	// table, files --history the replaced one.
	o.reprocess = true
	if err := runRun(context.Background(), o, io.Discard); err != nil {
		t.Fatalf("run --reprocess = %v", err)
	}
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"files", "--out", out, "--table", "articles"}, filepath.Join(out, "articles") + "/"},
		{[]string{"files", "--out", out, "--table", "articles", "--history"}, filepath.Join(out, "_history") + "/"},
	} {
		stdout.Reset()
		if err := dispatch(context.Background(), tc.args, &stdout); err != nil {
			t.Fatalf("%v = %v", tc.args, err)
		}
		lines := strings.Fields(stdout.String())
		if len(lines) != 1 || !strings.HasPrefix(lines[0], tc.want) {
			t.Errorf("%v printed %q; want one file under %s", tc.args, lines, tc.want)
		}
	}

	// Another --reprocess, and prune keeps its history only: files
	// --history then prints the one file it replaced.
	if err := runRun(context.Background(), o, io.Discard); err != nil {
		t.Fatalf("second run --reprocess = %v", err)
	}
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"prune", "--out", out, "--keep", "1", "--dry-run"}, "would remove the history of 1 run (5 files) and 0 snapshots"},
		{[]string{"prune", "--out", out, "--keep", "1"}, "removed the history of 1 run (5 files) and 0 snapshots"},
		{[]string{"prune", "--out", out, "--keep", "1"}, "removed the history of 0 runs (0 files) and 0 snapshots"},
	} {
		stdout.Reset()
		if err := dispatch(context.Background(), tc.args, &stdout); err != nil {
			t.Fatalf("%v = %v", tc.args, err)
		}
		if !strings.Contains(stdout.String(), tc.want) {
			t.Errorf("%v printed %q; want %q", tc.args, stdout.String(), tc.want)
		}
	}
	stdout.Reset()
	if err := dispatch(context.Background(), []string{"files", "--out", out, "--table", "articles", "--history"}, &stdout); err != nil {
		t.Fatal(err)
	}
	if lines := strings.Fields(stdout.String()); len(lines) != 1 {
		t.Errorf("files --history after prune --keep 1 printed %q; want the latest run's one file", lines)
	}
}
