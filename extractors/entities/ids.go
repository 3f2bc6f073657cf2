package entities

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// SnakeID returns the canonical id of a name: its letters and digits in upper
// case, accents removed, runs of anything else as one underscore.
// "Bashar al-Assad" gives BASHAR_AL_ASSAD, "Kanal – Trap" KANAL_TRAP.
func SnakeID(name string) string {
	var b strings.Builder
	b.Grow(len(name))
	gap := false
	for _, r := range norm.NFD.String(name) {
		switch {
		case unicode.Is(unicode.Mn, r):
			continue
		case r == '\'' || r == '\u2019' || r == '.':
			continue // "Côte d'Ivoire", "U.S."
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			if gap && b.Len() > 0 {
				b.WriteByte('_')
			}
			gap = false
			if r >= utf8.RuneSelf && r < rune(len(latinFold)) && latinFold[r] != 0 {
				r = latinFold[r] // letters NFD keeps whole: "Støre" is STORE, "Łukasz" LUKASZ
			}
			b.WriteRune(unicode.ToUpper(r))
		default:
			gap = true
		}
	}
	return b.String()
}

func isUpperRune(r rune) bool  { return unicode.IsUpper(r) }
func isLetterRune(r rune) bool { return unicode.IsLetter(r) }

// firstUpper reports whether the first letter of s is upper case.
func firstUpper(s string) bool {
	for _, r := range s {
		if unicode.IsLetter(r) {
			return unicode.IsUpper(r)
		}
	}
	return false
}

// sameCase reports whether s and t are equal up to quote and dash forms.
func sameCase(s, t string) bool {
	for s != "" && t != "" {
		r, n := utf8.DecodeRuneInString(s)
		q, m := utf8.DecodeRuneInString(t)
		if r != q && !(foldRune(r) == foldRune(q) && !unicode.IsLetter(r)) {
			return false
		}
		s, t = s[n:], t[m:]
	}
	return s == "" && t == ""
}
