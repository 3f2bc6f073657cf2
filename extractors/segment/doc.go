// Package segment splits an article's text into sentences and tokens that keep
// their byte offsets into the text, and tags tokens with parts of speech.
//
// Sentences come from prose's Punkt segmenter (gopkg.in/neurosnap/sentences,
// built once) run inside each paragraph; tokens and tags come from prose with
// one shared model. prose's tokens have no offsets, so Segment aligns each one
// back onto the text. Segmenter is safe for concurrent use.
package segment
