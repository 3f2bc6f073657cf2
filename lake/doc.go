// Package lake is communique's storage: the output root (a local directory
// or an object-store prefix; store.go, store_disk.go, store_blob.go), the
// Parquet part files (write.go), the run and shard manifests (output.go), the
// committed state that makes runs incremental (state.go), locks, and the
// commit itself: a run's Session stages its files and publishes them by
// creating its manifest last (session.go), and Commit publishes a sharded
// run once every shard is complete (commit.go). Either commit first brings
// the files of older schema versions to the current one (migrate.go).
package lake
