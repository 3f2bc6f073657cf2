// Package pipeline runs communique's staged workers: read articles from
// files, directories, globs or standard input; normalize each text;
// segment it and run the extractors (see package extractors) on a fixed pool
// of workers; and write the rows, in input order, to one Parquet file per
// table. One article's failure becomes an errors row and the run goes on;
// only failures of the run itself (cannot write output) stop it.
//
//	read ──▶ analyze × N workers ──▶ reorder + write
//
// Stages are joined by bounded channels under one errgroup, so memory does
// not grow with the corpus and Ctrl-C stops every stage.
//
// The output root is a local directory or an object-store prefix (store.go,
// store_disk.go, store_blob.go; inputs may be objects too, inputs.go). A run
// commits itself by creating its manifest last (output.go), or is one shard
// of a sharded run (shard.go): each shard processes a share of the input
// files in its own process and Commit (commit.go) publishes the run once
// every shard is complete. Committed runs make the incremental state
// (state.go).
package pipeline
