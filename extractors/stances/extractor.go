package stances

import "github.com/communique/communique/extractors"

// Extractor finds commitments and positions. Build it once with New and share it.
type Extractor struct{}

// New loads the trigger lexicons.
func New() (*Extractor, error) { return &Extractor{}, nil }

// Extract adds the document's commitments and positions to d.
func (x *Extractor) Extract(d *extractors.Doc) error { return nil }
