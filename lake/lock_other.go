//go:build !unix

package lake

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
)

// flock creates the file p exclusively. Without flock a killed run leaves
// the file behind; remove it by hand once no run is active. Shared locks
// are not taken: run the shards of a run one after another on such systems.
func flock(p string, exclusive bool) (unlock func(), err error) {
	if !exclusive {
		return func() {}, nil
	}
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		return nil, err
	}
	f, err := os.OpenFile(p, os.O_RDWR|os.O_CREATE|os.O_EXCL, 0o644)
	if err != nil {
		if errors.Is(err, os.ErrExist) {
			return nil, fmt.Errorf("%w (%s exists)", ErrLocked, p)
		}
		return nil, err
	}
	return func() { f.Close(); os.Remove(p) }, nil
}
