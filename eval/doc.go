// Package eval measures the pipeline against gold-annotated articles.
//
// It sits beside cmd/communique at the end of the pipeline: it reads gold
// articles in the JSONL format of ../shared/CONTRACT.md (gold.go), turns an
// analyzed document into prediction rows (predict.go), matches predictions
// to gold one to one (match.go), scores entities, commitments and positions
// with precision, recall and F1 micro-averaged over articles (score.go),
// lists every false positive and false negative with its sentence (diff.go),
// runs an analyzer over a gold set (evaluate.go), prints the result
// (report.go), checks scores against the floors in data/gold/floor.json
// (floor.go) and scores the pipeline on the PLOVER gold standard records
// (plover.go). annotate.go writes predictions in the gold format, so
// annotators start from them.
//
// All offsets are Unicode code point offsets into the article text, end
// exclusive, as in the output tables.
package eval
