package lake

import (
	"path/filepath"

	"github.com/communique/communique/objstore"
)

// Lock takes the output root's run lock exclusively, as a run without shards
// does, and returns its release. Tools that change a local output root
// outside a run (and tests) use it.
func Lock(root string) (unlock func(), err error) {
	return flock(filepath.Join(objstore.LocalPath(root), lockFile), true)
}
