package models

// InputRecord is one input file of a run.
type InputRecord struct {
	Path      string `json:"path"`
	SHA256    string `json:"sha256,omitempty"`
	Bytes     int64  `json:"bytes"`
	Articles  int    `json:"articles"`
	Skipped   int    `json:"skipped"`
	Unchanged bool   `json:"unchanged,omitempty"` // the same bytes were committed before; not read again
}
