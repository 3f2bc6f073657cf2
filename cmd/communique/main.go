// Command communique turns diplomatic news text into Parquet tables of
// entities, commitments and positions.
//
// Usage:
//
//	communique run [--out ROOT] [--workers N] [--shards N [--shard-index I] --run-id R] [INPUT...]
//	communique commit --run-id R --shards N [--out ROOT]
//	communique files [--out ROOT] [--table T] [--history]
//	communique prune --keep N [--out ROOT] [--dry-run]
//	communique report [--out ROOT] [--html FILE]
//	communique eval --gold FILE... [--json] [--diff]
//	communique eval --plover FILE
//	communique annotate [INPUT...]
//	communique schema [--markdown]
//
// Exit codes: 0 success; 1 the run failed; 2 usage error; 3 the run finished
// but some input could not be processed (see the errors table); 4 commit
// refused: a shard is not complete; 130 interrupted.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"syscall"

	"github.com/communique/communique/lake"
)

// Exit codes, documented in the README.
const (
	exitOK          = 0
	exitFailure     = 1
	exitUsage       = 2
	exitPartial     = 3
	exitIncomplete  = 4
	exitInterrupted = 130
)

// errPartial marks a run that finished with error rows.
var errPartial = errors.New("some input could not be processed")

const usage = `communique turns diplomatic news text into Parquet tables.

Usage:
  communique run [--out ROOT] [--workers N] [INPUT...]  process articles (no INPUT: the embedded samples)
  communique run --shards N --run-id R --out ROOT INPUT...
                                                        process one shard (index: --shard-index or $JOB_COMPLETION_INDEX)
  communique commit --run-id R --shards N --out ROOT    publish a sharded run once every shard is complete
  communique files [--out ROOT] [--table T]             list the files of committed runs
  communique prune --keep N [--out ROOT] [--dry-run]    remove the history of all but the last N runs
  communique report [--out ROOT] [--html FILE]          write an HTML page of figures about the committed runs
  communique eval --gold FILE... [--json] [--diff]      score the pipeline on gold articles
  communique eval --plover FILE                         score on PLOVER gold standard records
  communique train --gold FILE... [--dev FILE...] [--out F] [--cv]
                                                        train the stance model on gold articles
  communique annotate [INPUT...]                        write predictions in the gold format
  communique schema [--markdown]                        print the output schema

Run 'communique COMMAND -h' for a command's flags.
`

func main() {
	ctx, stop := signalContext()
	defer stop()
	os.Exit(exitCode(ctx, dispatch(ctx, os.Args[1:], os.Stdout), os.Stderr))
}

// signalContext returns a context cancelled by SIGINT or SIGTERM: the run
// stops promptly and publishes nothing. After the first signal a second
// one kills the process the default way (a killed run leaves nothing
// published either).
func signalContext() (context.Context, context.CancelFunc) {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	context.AfterFunc(ctx, stop)
	return ctx, stop
}

func dispatch(ctx context.Context, args []string, stdout io.Writer) error {
	if len(args) == 0 {
		fmt.Fprint(os.Stderr, usage)
		return flag.ErrHelp
	}
	cmd, rest := args[0], args[1:]
	switch cmd {
	case "run":
		return cmdRun(ctx, rest, stdout)
	case "commit":
		return cmdCommit(ctx, rest, stdout)
	case "files":
		return cmdFiles(ctx, rest, stdout)
	case "prune":
		return cmdPrune(ctx, rest, stdout)
	case "report":
		return cmdReport(ctx, rest, stdout)
	case "eval":
		return cmdEval(ctx, rest, stdout)
	case "train":
		return cmdTrain(ctx, rest, stdout)
	case "annotate":
		return cmdAnnotate(ctx, rest, stdout)
	case "schema":
		return cmdSchema(ctx, rest, stdout)
	case "help", "-h", "--help":
		fmt.Fprint(stdout, usage)
		return nil
	}
	fmt.Fprintf(os.Stderr, "communique: unknown command %q\n\n%s", cmd, usage)
	return flag.ErrHelp
}

// exitCode maps an error to the documented exit codes, reporting it on w.
func exitCode(ctx context.Context, err error, w io.Writer) int {
	switch {
	case err == nil:
		return exitOK
	case errors.Is(err, flag.ErrHelp):
		return exitUsage
	case ctx.Err() != nil:
		fmt.Fprintln(w, "communique: interrupted")
		return exitInterrupted
	case errors.Is(err, errPartial):
		fmt.Fprintf(w, "communique: %v\n", err)
		return exitPartial
	case errors.Is(err, lake.ErrShardsIncomplete):
		fmt.Fprintf(w, "communique: %v\n", err)
		return exitIncomplete
	}
	var ue usageError
	if errors.As(err, &ue) {
		fmt.Fprintf(w, "communique: %v\n", err)
		return exitUsage
	}
	fmt.Fprintf(w, "communique: %v\n", err)
	return exitFailure
}

// usageError is a mistake in the command line.
type usageError struct{ msg string }

func (e usageError) Error() string { return e.msg }

// newFlagSet returns a flag set that reports errors instead of exiting.
func newFlagSet(name string) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(os.Stderr)
	return fs
}
