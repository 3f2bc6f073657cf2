// Package data holds communique's language knowledge and sample input as
// files embedded in the binary: gazetteers (gazetteer/), trigger lexicons
// and ontology maps (lexicon/), gold-annotated articles (gold/) and the
// sample articles processed when no input is given (samples/).
// data imports no other package of the project.
package data
