// Package segment splits an article's text into sentences and tokens that keep
// their byte offsets into the text, and tags tokens with parts of speech.
//
// Sentences come from prose's Punkt segmenter (gopkg.in/neurosnap/sentences,
// built once) run inside each paragraph; tokens are the words of prose's
// tokenizer, split by a step-by-step copy of it (tokenize.go) and aligned
// back onto the text since prose's tokens have no offsets; tags come from
// prose's averaged-perceptron model, queried through a compact copy of its
// weights (tagger.go, weights.go) that is several times faster than prose's
// maps and deterministic on ties. Segmenter is safe for concurrent use.
package segment
