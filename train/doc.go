// Package train fits the stance model (extractors/stances, package linear)
// on gold-annotated articles: it runs the pipeline's segmenter and entity
// tagger on each gold text, takes the candidates the stance extractor
// proposes with their features, labels them with the gold commitments and
// positions, and trains a linear model. It also scores a model on gold
// files and cross-validates over them. `communique train` is its command.
package train
