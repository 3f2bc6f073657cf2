// This file rewrites the tokenizer of prose v2.0.0 (tokenize.go and
// utilities.go) step by step. prose is under the MIT licence: its copyright
// line and permission notice are in third_party/prose/LICENSE at the root of
// this repository and go with every copy of this file.

package segment

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// proseWords splits a sentence into words exactly as prose's tokenizer does
// (prose v2 tokenize.go, MIT licence, which this follows step by step),
// quirks included: prose drops some text ("'sa"). prose also slices a word by
// an index found in its lower-case form, which panics where lower-casing
// lengthens the word so much that the index lies past its end ("İİİ's");
// proseWords returns ok false for such a sentence instead. Going through
// prose.NewDocument cost a document, a map of the sentence's words, a *Token
// per word and a regular expression match per word: 15% of a run's CPU.
func proseWords(text string) (words []string, ok bool) {
	clean, white := sanitizer.Replace(text), false
	start, index := 0, 0
	for index < len(clean) {
		uc, size := utf8.DecodeRuneInString(clean[index:])
		if index == 0 {
			white = unicode.IsSpace(uc)
		}
		if unicode.IsSpace(uc) != white {
			if start < index {
				if words, ok = splitWord(clean[start:index], words); !ok {
					return nil, false
				}
			}
			if uc == ' ' {
				start = index + 1
			} else {
				start = index
			}
			white = !white
		}
		index += size
	}
	if start < index {
		if words, ok = splitWord(clean[start:index], words); !ok {
			return nil, false
		}
	}
	return words, true
}

// sanitizer is prose's: straight quotes for curly ones.
var sanitizer = strings.NewReplacer(
	"\u201c", `"`,
	"\u201d", `"`,
	"\u2018", "'",
	"\u2019", "'",
	"&rsquo;", "'")

// Prefixes and suffixes prose splits off a word, one byte at a time.
var (
	prefixes = []string{"$", "(", `"`, "["}
	suffixes = []string{",", ")", `"`, "]", "!", ";", ".", "?", ":", "'"}
	clitics  = []string{"'ll", "'s", "'re", "'m"}
	negation = []string{"n't"}
)

// splitWord appends the words prose makes of token, a run of non-space text
// (or of space, which gives none), to words: prose's doSplit. It reports
// false where doSplit panics: when a clitic or negation lies, in the
// lower-case form, at an index past the end of token, which doSplit slices.
func splitWord(token string, words []string) ([]string, bool) {
	var suffs []string // split-off suffixes, outermost first; appended in reverse, in text order
	last := 0
	for token != "" && utf8.RuneCountInString(token) != last {
		if emoticons[token] || isInitials(token) {
			words = addWord(token, words)
			break
		}
		last = utf8.RuneCountInString(token)
		// Every clitic has an apostrophe, and lower-casing makes none, so
		// only a word with one needs its lower-case form.
		cl, neg := -1, -1
		if strings.IndexByte(token, '\'') >= 0 {
			lower := strings.ToLower(token)
			cl, neg = hasAnyIndex(lower, clitics), hasAnyIndex(lower, negation)
		}
		switch {
		case hasAnyPrefix(token, prefixes):
			words = addWord(token[:1], words) // $100 → $, 100
			token = token[1:]
		case cl > -1:
			if cl > len(token) {
				return words, false
			}
			words = addWord(token[:cl], words) // they'll → they, 'll
			token = token[cl:]
		case neg > -1:
			if neg > len(token) {
				return words, false
			}
			words = addWord(token[:neg], words) // don't → do, n't
			token = token[neg:]
		case hasAnySuffix(token, suffixes):
			suffs = append(suffs, token[len(token)-1:]) // Well) → Well, )
			token = token[:len(token)-1]
		default:
			words = addWord(token, words)
		}
	}
	for i := len(suffs) - 1; i >= 0; i-- {
		words = append(words, suffs[i])
	}
	return words, true
}

// addWord appends s to words unless it is blank.
func addWord(s string, words []string) []string {
	if strings.TrimSpace(s) != "" {
		words = append(words, s)
	}
	return words
}

// isInitials is prose's internalRE, `^(?:[A-Za-z]\.){2,}$|^[A-Z][a-z]{1,2}\.$`:
// initials ("U.S.") and short abbreviations ("Mr.", "Gen.").
func isInitials(s string) bool {
	if len(s) >= 4 && len(s)%2 == 0 {
		ok := true
		for i := 0; i < len(s) && ok; i += 2 {
			ok = isASCIILetter(s[i]) && s[i+1] == '.'
		}
		if ok {
			return true
		}
	}
	if n := len(s); (n == 3 || n == 4) && 'A' <= s[0] && s[0] <= 'Z' && s[n-1] == '.' {
		for i := 1; i < n-1; i++ {
			if s[i] < 'a' || s[i] > 'z' {
				return false
			}
		}
		return true
	}
	return false
}

func isASCIILetter(c byte) bool { return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' }

// hasAnyPrefix is prose's: whether s starts with one of prefixes and is longer.
func hasAnyPrefix(s string, prefixes []string) bool {
	for _, p := range prefixes {
		if len(s) > len(p) && strings.HasPrefix(s, p) {
			return true
		}
	}
	return false
}

// hasAnySuffix is prose's: whether s ends with one of suffixes and is longer.
func hasAnySuffix(s string, suffixes []string) bool {
	for _, p := range suffixes {
		if len(s) > len(p) && strings.HasSuffix(s, p) {
			return true
		}
	}
	return false
}

// hasAnyIndex is prose's: the index in s of the first of subs that s holds
// and is longer than, or -1.
func hasAnyIndex(s string, subs []string) int {
	for _, sub := range subs {
		if i := strings.Index(s, sub); i >= 0 && len(s) > len(sub) {
			return i
		}
	}
	return -1
}
