// Package pipeline runs communique: it joins the input sources (package
// sources), the analysis stages (package stages) and the lake (package lake,
// storage and commit) into one run.
//
//	sources.Reader ──▶ stages.Analyzer × N workers ──▶ reorder ──▶ lake.Writers ──▶ lake.Session.Publish
//
// Read articles from files, directories, globs, object-store URLs or
// standard input; analyse each on a fixed pool of workers; write the rows, in
// input order, to one Parquet file per table and commit the run. One
// article's failure becomes an errors row and the run goes on; only failures
// of the run itself (cannot write output) stop it.
//
// Stages are joined by bounded channels under one errgroup, so memory does
// not grow with the corpus and Ctrl-C stops every stage.
package pipeline
