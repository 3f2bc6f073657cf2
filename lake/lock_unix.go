//go:build unix

package lake

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"syscall"
)

// flock takes an advisory lock on the file p, shared or exclusive, without
// waiting. The kernel releases it when the process dies, so a run killed
// with SIGKILL never blocks the next.
func flock(p string, exclusive bool) (unlock func(), err error) {
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		return nil, fmt.Errorf("create the lock file's directory: %w", err)
	}
	f, err := os.OpenFile(p, os.O_RDWR|os.O_CREATE, 0o644)
	if err != nil {
		return nil, fmt.Errorf("open the lock file: %w", err)
	}
	how := syscall.LOCK_SH
	if exclusive {
		how = syscall.LOCK_EX
	}
	if err := syscall.Flock(int(f.Fd()), how|syscall.LOCK_NB); err != nil {
		f.Close()
		if errors.Is(err, syscall.EWOULDBLOCK) {
			return nil, fmt.Errorf("%w (%s is locked)", ErrLocked, p)
		}
		return nil, fmt.Errorf("lock %s: %w", p, err)
	}
	if exclusive {
		f.Truncate(0)
		fmt.Fprintf(f, "pid %d\n", os.Getpid())
	}
	return func() {
		syscall.Flock(int(f.Fd()), syscall.LOCK_UN)
		f.Close()
	}, nil
}
