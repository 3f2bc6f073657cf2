//go:build unix

package lake

import (
	"errors"
	"fmt"
	"os"
	"os/exec"
	"syscall"
	"testing"
)

// TestMain runs the child of TestPublishKilled when asked to.
func TestMain(m *testing.M) {
	if out, step := os.Getenv("LAKE_KILL_OUT"), os.Getenv("LAKE_KILL_AT"); out != "" {
		// Publish r2 and die with SIGKILL at the start of step: no defer,
		// no cleanup, as a killed process.
		err := testRun(SessionConfig{Out: out, RunID: "r2", Fault: func(s PublishStep) error {
			if string(s) == step {
				syscall.Kill(os.Getpid(), syscall.SIGKILL)
				select {}
			}
			return nil
		}}, "b", "d")
		fmt.Fprintln(os.Stderr, "child not killed:", err)
		os.Exit(3)
	}
	os.Exit(m.Run())
}

// TestPublishKilled kills a process with SIGKILL at each publish step of a
// run that replaces an article: a glob read then sees the previous snapshot
// (or, once the snapshot was swapped in, the new one), whole, and the next
// run finishes or discards the killed one.
func TestPublishKilled(t *testing.T) {
	if testing.Short() {
		t.Skip("starts child processes")
	}
	before := articles("a@r1", "b@r1", "c@r1")
	after := articles("a@r1", "b@r2", "c@r1", "d@r2")
	for _, step := range PublishSteps {
		t.Run(string(step), func(t *testing.T) {
			out := t.TempDir()
			if err := testRun(SessionConfig{Out: out, RunID: "r1"}, "a", "b", "c"); err != nil {
				t.Fatal(err)
			}
			cmd := exec.Command(os.Args[0], "-test.run=^$")
			cmd.Env = append(os.Environ(), "LAKE_KILL_OUT="+out, "LAKE_KILL_AT="+string(step))
			b, err := cmd.CombinedOutput()
			var exit *exec.ExitError
			if !errors.As(err, &exit) || exit.Sys().(syscall.WaitStatus).Signal() != syscall.SIGKILL {
				t.Fatalf("child: %v; want killed\n%s", err, b)
			}
			committed := step == StepSwap || step == StepCleanup
			wantGlob := before
			if step == StepCleanup {
				wantGlob = after
			}
			if got := globView(t, out); !equalView(got, wantGlob) {
				t.Errorf("killed at %s: a glob read sees %v; want %v", step, got, wantGlob)
			}
			if err := testRun(SessionConfig{Out: out, RunID: "r3"}, "e"); err != nil {
				t.Fatal(err)
			}
			want := articles("a@r1", "b@r1", "c@r1", "e@r3")
			if committed {
				want = articles("a@r1", "b@r2", "c@r1", "d@r2", "e@r3")
			}
			if got := globView(t, out); !equalView(got, want) {
				t.Errorf("next run: a glob read sees %v; want %v", got, want)
			}
			if got := manifestView(t, out); !equalView(got, want) {
				t.Errorf("next run: the manifests' live files read %v; want %v", got, want)
			}
		})
	}
}
