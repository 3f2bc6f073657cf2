// Package report turns the committed tables of an output root into one
// self-contained HTML page to look at: rows per table and per day, top
// actors and targets, an actor → target stance matrix, commitments by
// modality over time and errors by stage, each figure an inline SVG whose
// marks link to example rows, with their evidence, further down the page.
//
// It sits after the lake: it reads projections of the tables through
// lake.ReadTable (the files of committed runs only) in two passes, the first
// counting (read.go, aggregate.go), the second collecting a few example rows
// for what the figures show (examples.go), so memory grows with the number
// of articles and distinct actors, never with the text. figures.go lays the
// figures out; html.go renders them with html/template. Nothing on the page
// loads from the network and it runs no script.
package report
