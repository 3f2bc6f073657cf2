package lake

import (
	"context"
	"io"

	"github.com/communique/communique/objstore"
)

// store is where a run's output goes: a local directory (diskStore) or an
// object-store prefix (blobStore). Keys are slash-separated paths relative to
// the output root, such as "entities/ingest_date=2026-11-23/part-r-0.parquet".
//
// The two differ in how a file becomes visible. On disk a part file is
// written under _staging, moved to _pending by publish and linked into a
// snapshot by the commit (publish.go, snapshot_disk.go); in an object store
// it is written at its key and appears when its writer closes successfully,
// so publish has nothing to do and readers go through the manifests.
type store interface {
	// String names the output root for messages.
	String() string
	// location is where a reader outside communique finds key: a path or a URL.
	location(key string) string
	// lock takes the lock called name ("" is the output root's) shared or
	// exclusive, without waiting; it fails with ErrLocked when held. Object
	// stores have no locks and always succeed.
	lock(name string, exclusive bool) (unlock func(), err error)
	// create starts writing key within the staging area stage.
	create(ctx context.Context, stage, key string) (partFile, error)
	// publish moves a closed part file of stage to its pending key (see
	// pendingKey), where it waits for its run's commit.
	publish(ctx context.Context, stage, key string) error
	// pendingKey is where a published file of key waits for its run's
	// commit: _pending/<key> on disk; in an object store key itself.
	pendingKey(key string) string
	// copy makes dst a copy of src (on disk a hard link), replacing dst.
	copy(ctx context.Context, src, dst string) error
	// clearStage removes what is left in a staging area ("" is all of them).
	clearStage(stage string) error
	// read returns a small object; a missing one is an fs.ErrNotExist error.
	read(ctx context.Context, key string) ([]byte, error)
	// write replaces key with b; readers see the old or the new bytes, whole.
	write(ctx context.Context, key string, b []byte) error
	// createExclusive writes b at key unless key exists. Of any number of
	// concurrent calls exactly one returns true.
	createExclusive(ctx context.Context, key string, b []byte) (created bool, err error)
	// listDir returns the keys of the files directly under dir ("a/b/"), sorted.
	listDir(ctx context.Context, dir string) ([]string, error)
	// listTree returns the keys of the files under dir ("a/b/") at any
	// depth, sorted.
	listTree(ctx context.Context, dir string) ([]string, error)
	// removeTree deletes every file under dir ("a/b/"); a missing dir is
	// not an error.
	removeTree(ctx context.Context, dir string) error
	// remove deletes key; a missing key is not an error.
	remove(ctx context.Context, key string) error
	// open opens key for random access, as Parquet readers need.
	open(ctx context.Context, key string) (*openFile, error)
	Close() error
}

// partFile is an output file being written. Close completes it (see
// store.publish); Abort discards it and leaves nothing readers can see.
type partFile interface {
	io.Writer
	Close() error
	Abort()
}

// openFile is a file opened for random access.
type openFile struct {
	io.ReaderAt
	size   int64
	remote bool // every read is a request: read in large blocks
	close  func() error
}

// openStore opens the output root out: a local directory (a path or a
// file:// URL) or an object-store URL.
func openStore(ctx context.Context, out string) (store, error) {
	if objstore.IsURL(out) {
		return openBlobStore(ctx, out)
	}
	return &diskStore{root: objstore.LocalPath(out)}, nil
}
