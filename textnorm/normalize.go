// Package textnorm puts article text in the one form every stage and the
// evaluation expect: valid UTF-8 in Unicode NFC.
package textnorm

import (
	"strings"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// Normalize repairs invalid UTF-8 (each bad byte sequence becomes U+FFFD) and
// puts the text in Unicode NFC. White space and line breaks are kept as they
// are, so that clean NFC input is returned unchanged and gold offsets hold.
// repaired reports whether invalid UTF-8 was replaced.
func Normalize(text string) (out string, repaired bool) {
	if !utf8.ValidString(text) {
		text = strings.ToValidUTF8(text, "\uFFFD")
		repaired = true
	}
	if norm.NFC.IsNormalString(text) {
		return text, repaired
	}
	return norm.NFC.String(text), repaired
}
