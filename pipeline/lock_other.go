//go:build !unix

package pipeline

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
)

// lock creates root/.lock exclusively. Without flock a killed run leaves the
// file behind; remove it by hand once no run is active.
func lock(root string) (unlock func(), err error) {
	if err := os.MkdirAll(root, 0o755); err != nil {
		return nil, err
	}
	p := filepath.Join(root, lockFile)
	f, err := os.OpenFile(p, os.O_RDWR|os.O_CREATE|os.O_EXCL, 0o644)
	if err != nil {
		if errors.Is(err, os.ErrExist) {
			return nil, fmt.Errorf("%w (%s exists)", ErrLocked, p)
		}
		return nil, err
	}
	return func() { f.Close(); os.Remove(p) }, nil
}
