// Package sources reads the input of a run: Expand turns the command line's
// inputs (local files, directories, globs, "-" and object-store URLs) into
// the files to read, and a Reader reads articles from them (.txt, .jsonl,
// .jsonl.gz, or the embedded samples), normalizes their text and numbers
// them in input order. Unreadable inputs become Items with an error, which
// the run records as error rows. AssignShards splits the files between the
// shards of a sharded run.
package sources
