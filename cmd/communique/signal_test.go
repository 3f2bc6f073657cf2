//go:build unix

package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// TestSignalEndsRun starts a run blocked on a FIFO no one writes to and
// sends it SIGTERM or SIGINT: it exits promptly with 130 and publishes nothing.
func TestSignalEndsRun(t *testing.T) {
	for _, sig := range []syscall.Signal{syscall.SIGTERM, syscall.SIGINT} {
		t.Run(sig.String(), func(t *testing.T) {
			dir := t.TempDir()
			fifo, out := filepath.Join(dir, "feed.jsonl"), filepath.Join(dir, "out")
			if err := syscall.Mkfifo(fifo, 0o600); err != nil {
				t.Skip(err)
			}
			args := []string{"run", "--out", out, "--progress", "never", "--fifo-wait", "1m", fifo}
			cmd := exec.Command(os.Args[0], "-test.run=^$")
			cmd.Env = append(os.Environ(), childArgs+"="+strings.Join(args, "\n"))
			if err := cmd.Start(); err != nil {
				t.Fatal(err)
			}
			// Wait until the run reads the FIFO (a writer opened without
			// blocking finds a reader then), however long start-up takes on a
			// busy machine; keep the writer open and silent, so the run blocks.
			var w *os.File
			for end := time.Now().Add(time.Minute); w == nil && time.Now().Before(end); time.Sleep(20 * time.Millisecond) {
				w, _ = os.OpenFile(fifo, os.O_WRONLY|syscall.O_NONBLOCK, 0)
			}
			if w == nil {
				cmd.Process.Kill()
				t.Fatal("the run did not open the FIFO within a minute")
			}
			defer w.Close()
			sent := time.Now()
			cmd.Process.Signal(sig)
			done := make(chan error, 1)
			go func() { done <- cmd.Wait() }()
			select {
			case <-done:
			case <-time.After(10 * time.Second):
				cmd.Process.Kill()
				t.Fatalf("run still going 10 s after %v", sig)
			}
			if code := cmd.ProcessState.ExitCode(); code != exitInterrupted {
				t.Errorf("exit code after %v = %d; want %d", sig, code, exitInterrupted)
			}
			t.Logf("exited %s after %v", time.Since(sent).Round(time.Millisecond), sig)
			if m, _ := filepath.Glob(filepath.Join(out, "_runs", "*.json")); len(m) > 0 {
				t.Errorf("interrupted run published %v", m)
			}
		})
	}
}
