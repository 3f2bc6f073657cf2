//go:build linux

package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// TestDevStdinOnOutputWithRun gives the path /dev/stdin, a pipe, to a run
// on an output that already has a run, so inputs are hashed before they
// are read: the pipe is read once as a stream and keeps all its articles
// (it used to be drained by the hash, leaving the read nothing).
func TestDevStdinOnOutputWithRun(t *testing.T) {
	if testing.Short() {
		t.Skip("starts child processes")
	}
	in := inputsDir(t)
	out := filepath.Join(t.TempDir(), "out")
	if code, _, stderr := communique(t, nil, "run", "--out", out, "--progress", "never", "--partial-ok", filepath.Join(in, "f1.jsonl")); code != 0 {
		t.Fatalf("first run: exit %d\n%s", code, stderr)
	}
	feed, err := os.ReadFile(filepath.Join(in, "f0.jsonl")) // 7 articles
	if err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(os.Args[0], "-test.run=^$")
	cmd.Env = append(os.Environ(), childArgs+"="+strings.Join([]string{"run", "--out", out, "--progress", "never", "/dev/stdin"}, "\n"))
	cmd.Stdin = strings.NewReader(string(feed)) // not an *os.File: the child's stdin is a pipe
	b, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("run /dev/stdin: %v\n%s", err, b)
	}
	if !strings.Contains(string(b), ": 7 articles") {
		t.Errorf("run /dev/stdin on an output with a run: %s; want 7 articles", b)
	}
}
