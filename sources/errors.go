package sources

import "errors"

// Reasons an input becomes an errors row; check them with errors.Is.
var (
	ErrEmpty       = errors.New("empty or whitespace-only text")
	ErrNoArticles  = errors.New("empty input: no articles")
	ErrBinary      = errors.New("binary file, not text")
	ErrTooLarge    = errors.New("article too large")
	ErrMalformed   = errors.New("malformed JSON line")
	ErrFieldType   = errors.New("wrong type")
	ErrDuplicateID = errors.New("duplicate article id")
	ErrInvalidUTF8 = errors.New("invalid UTF-8 repaired with U+FFFD")
	ErrNUL         = errors.New("NUL characters removed from the text")
	ErrBadDate     = errors.New("published is not a date; kept as null")
	ErrNoWriter    = errors.New("no writer opened the FIFO")
	ErrSymlinkDir  = errors.New("symbolic link to a directory, not followed")
	ErrTimeout     = errors.New("article over its time budget")
)
