// Package lake is communique's storage: the output root (a local directory
// or an object-store prefix; store.go, store_disk.go, store_blob.go), the
// Parquet part files (write.go), the run and shard manifests (output.go), the
// committed state that makes runs incremental (state.go), locks, and the
// commit itself: a run's Session stages its files and publishes them
// (session.go), and Commit publishes a sharded run once every shard is
// complete (commit.go). Publishing (publish.go) rewrites the live files that
// hold articles the run replaces (rewrite.go), keeps the replaced ones in
// _history, and on local disk swaps in a snapshot directory with one rename
// (snapshot_disk.go). Either commit first brings the files of older schema
// versions to the current one (migrate.go). In an object store each commit
// removes the objects of runs that never committed and never can
// (uncommitted_blob.go). Prune removes older runs' history and unused
// snapshots (prune.go).
package lake
