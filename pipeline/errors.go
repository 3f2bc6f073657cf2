package pipeline

import "errors"

// Reasons an input becomes an errors row; check them with errors.Is.
var (
	ErrEmpty       = errors.New("empty or whitespace-only text")
	ErrBinary      = errors.New("binary file, not text")
	ErrTooLarge    = errors.New("article too large")
	ErrMalformed   = errors.New("malformed JSON line")
	ErrDuplicateID = errors.New("duplicate article id")
	ErrInvalidUTF8 = errors.New("invalid UTF-8 repaired with U+FFFD")
)
