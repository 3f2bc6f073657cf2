package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"

	"github.com/parquet-go/parquet-go"

	"github.com/communique/communique/lake"
	"github.com/communique/communique/models"
)

// childArgs, when set in the environment, makes the test binary run the
// command line it holds (arguments separated by newlines) and exit with its
// exit code: a stand-in for the communique binary in a pod.
const childArgs = "COMMUNIQUE_TEST_ARGS"

func TestMain(m *testing.M) {
	if args := os.Getenv(childArgs); args != "" {
		ctx, _ := signalContext()
		os.Exit(exitCode(ctx, dispatch(ctx, strings.Split(args, "\n"), os.Stdout), os.Stderr))
	}
	os.Exit(m.Run())
}

// communique runs the command line in a child process with the extra
// environment and returns its exit code, stdout and stderr.
func communique(t *testing.T, env []string, args ...string) (int, string, string) {
	t.Helper()
	cmd := exec.Command(os.Args[0], "-test.run=^$")
	cmd.Env = append(append(os.Environ(), childArgs+"="+strings.Join(args, "\n")), env...)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	err := cmd.Run()
	if _, ok := err.(*exec.ExitError); err != nil && !ok {
		t.Fatal(err)
	}
	return cmd.ProcessState.ExitCode(), stdout.String(), stderr.String()
}

// inputsDir writes five JSONL files of different sizes, one with a
// malformed line.
func inputsDir(t *testing.T) string {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "in")
	os.MkdirAll(dir, 0o755)
	for f, n := range []int{7, 2, 5, 3, 4} {
		var b strings.Builder
		for i := range n {
			j, _ := json.Marshal(map[string]string{"id": fmt.Sprintf("f%d-%d", f, i), "published": "2024-03-01",
				"text": fmt.Sprintf("Talks %d\n\nRussia pledged to provide assistance to Tajikistan. Kazakhstan expressed concern about the situation in Afghanistan. (%d)", i, f)})
			b.Write(append(j, '\n'))
		}
		if f == 3 {
			b.WriteString("{oops\n")
		}
		os.WriteFile(filepath.Join(dir, fmt.Sprintf("f%d.jsonl", f)), []byte(b.String()), 0o644)
	}
	return dir
}

// TestShardedRunCommand runs `communique run --shards 3` as three child
// processes, two at a time, each finding its index in JOB_COMPLETION_INDEX,
// then `communique commit` and `communique files`: the committed files hold
// the rows of a one-process run, row for row.
func TestShardedRunCommand(t *testing.T) {
	if testing.Short() {
		t.Skip("starts child processes")
	}
	in := inputsDir(t)
	dir := t.TempDir()
	one, sharded := filepath.Join(dir, "one"), filepath.Join(dir, "sharded")
	if code, _, stderr := communique(t, nil, "run", "--out", one, "--run-id", "r", "--progress", "never", in); code != exitPartial {
		t.Fatalf("one-process run: exit %d; want %d (a malformed line)\n%s", code, exitPartial, stderr)
	}
	commitArgs := []string{"commit", "--run-id", "r", "--shards", "3", "--out", sharded}

	sem := make(chan struct{}, 2)
	var wg sync.WaitGroup
	for i := range 2 {
		wg.Go(func() {
			sem <- struct{}{}
			defer func() { <-sem }()
			code, stdout, stderr := communique(t, []string{"JOB_COMPLETION_INDEX=" + strconv.Itoa(i)},
				"run", "--shards", "3", "--run-id", "r", "--out", sharded, "--progress", "never", "--partial-ok", in)
			if code != exitOK || !strings.Contains(stdout, fmt.Sprintf("shard %d/3 of run r", i)) {
				t.Errorf("shard %d: exit %d, stdout %q; want 0 and its summary\n%s", i, code, stdout, stderr)
			}
		})
	}
	wg.Wait()
	code, stdout, stderr := communique(t, nil, commitArgs...)
	if code != exitIncomplete || !strings.Contains(stderr, "shard 2 has not started") || !strings.Contains(stderr, "nothing published") {
		t.Errorf("commit with shard 2 missing: exit %d, stderr %q; want %d naming shard 2", code, stderr, exitIncomplete)
	}
	if code, _, stderr := communique(t, []string{"JOB_COMPLETION_INDEX=2"}, "run", "--shards", "3", "--run-id", "r", "--out", sharded, "--progress", "never", "--partial-ok", in); code != exitOK {
		t.Fatalf("shard 2: exit %d\n%s", code, stderr)
	}
	code, stdout, stderr = communique(t, nil, commitArgs...)
	if code != exitOK || !strings.Contains(stdout, "run r committed: 3 shards") {
		t.Fatalf("commit: exit %d, stdout %q\n%s", code, stdout, stderr)
	}
	code, stdout, _ = communique(t, nil, commitArgs...)
	if code != exitOK || !strings.Contains(stdout, "already committed") || !strings.Contains(stdout, "nothing new published") {
		t.Errorf("second commit: exit %d, stdout %q; want 0, already committed, nothing new", code, stdout)
	}

	for _, table := range lake.Tables {
		var lists [2][]string
		for k, out := range []string{one, sharded} {
			var b bytes.Buffer
			if err := dispatch(context.Background(), []string{"files", "--out", out, "--table", table}, &b); err != nil {
				t.Fatal(err)
			}
			lists[k] = strings.Fields(b.String())
		}
		// One file per shard, but empty files (the shards without errors)
		// only while the table has none with rows.
		wantN := 3
		if table == lake.TableErrors {
			wantN = 1
		}
		if len(lists[0]) != 1 || len(lists[1]) != wantN {
			t.Errorf("%s: %d and %d committed files; want 1 and %d", table, len(lists[0]), len(lists[1]), wantN)
		}
		want, got := tableRows(t, table, lists[0]), tableRows(t, table, lists[1])
		if len(want) == 0 || !slices.Equal(got, want) {
			t.Errorf("%s: %d rows from 3 shards, %d from one process; want the same rows", table, len(got), len(want))
		}
	}
}

// tableRows reads a table's files with parquet-go into the row types and
// returns the rows as sorted JSON.
func tableRows(t *testing.T, table string, files []string) []string {
	t.Helper()
	var rows []string
	for _, f := range files {
		var err error
		var got []string
		switch table {
		case lake.TableArticles:
			got, err = readRows[models.Article](f)
		case lake.TableSentences:
			got, err = readRows[models.Sentence](f)
		case lake.TableEntities:
			got, err = readRows[models.Entity](f)
		case lake.TableCommitments:
			got, err = readRows[models.Commitment](f)
		case lake.TablePositions:
			got, err = readRows[models.Position](f)
		case lake.TableErrors:
			got, err = readRows[models.Error](f)
		}
		if err != nil {
			t.Fatalf("read %s: %v", f, err)
		}
		rows = append(rows, got...)
	}
	slices.Sort(rows)
	return rows
}

func readRows[T any](path string) ([]string, error) {
	rows, err := parquet.ReadFile[T](path)
	var out []string
	for _, r := range rows {
		b, _ := json.Marshal(r)
		out = append(out, string(b))
	}
	return out, err
}

// TestShardFlags checks the command line of sharded runs and commits.
func TestShardFlags(t *testing.T) {
	in := inputsDir(t)
	out := t.TempDir()
	for _, tc := range []struct {
		name string
		env  string // JOB_COMPLETION_INDEX; "-" unset
		args []string
		code int
		want string
	}{
		{"no index", "-", []string{"run", "--shards", "2", "--run-id", "r", "--out", out, in}, exitUsage, "JOB_COMPLETION_INDEX"},
		{"bad index in the environment", "x", []string{"run", "--shards", "2", "--run-id", "r", "--out", out, in}, exitUsage, `JOB_COMPLETION_INDEX="x"`},
		{"index out of range", "-", []string{"run", "--shards", "2", "--shard-index", "2", "--run-id", "r", "--out", out, in}, exitUsage, "shard index 2"},
		{"index without shards", "-", []string{"run", "--shard-index", "1", "--out", out, in}, exitUsage, "--shard-index needs --shards"},
		{"no run id", "0", []string{"run", "--shards", "2", "--out", out, in}, exitUsage, "needs a run id"},
		{"no inputs", "0", []string{"run", "--shards", "2", "--run-id", "r", "--out", out}, exitUsage, "needs inputs"},
		{"commit without run id", "-", []string{"commit", "--shards", "2", "--out", out}, exitUsage, "run id"},
		{"commit without shards", "-", []string{"commit", "--run-id", "r", "--out", out}, exitUsage, "shards 0"},
		{"commit of a run never started", "-", []string{"commit", "--run-id", "r", "--shards", "2", "--out", out}, exitIncomplete, "2 of 2 shards not complete"},
		{"files of an unknown table", "-", []string{"files", "--out", out, "--table", "nope"}, exitUsage, `table "nope"`},
		{"files of a missing root", "-", []string{"files", "--out", filepath.Join(out, "nonexistent")}, exitUsage, "nonexistent: no output here"},
		{"prune without --keep", "-", []string{"prune", "--out", out}, exitUsage, "--keep 0"},
		{"prune of a missing root", "-", []string{"prune", "--keep", "1", "--out", filepath.Join(out, "nonexistent")}, exitUsage, "nonexistent: no output here"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if tc.env == "-" {
				t.Setenv("JOB_COMPLETION_INDEX", "")
				os.Unsetenv("JOB_COMPLETION_INDEX")
			} else {
				t.Setenv("JOB_COMPLETION_INDEX", tc.env)
			}
			var stderr bytes.Buffer
			err := dispatch(context.Background(), tc.args, &bytes.Buffer{})
			if code := exitCode(context.Background(), err, &stderr); code != tc.code || !strings.Contains(stderr.String(), tc.want) {
				t.Errorf("communique %q: exit %d, %q; want %d and %q", tc.args, code, stderr.String(), tc.code, tc.want)
			}
		})
	}
}
