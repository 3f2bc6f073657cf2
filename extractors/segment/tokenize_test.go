package segment

import (
	"slices"
	"testing"

	"github.com/jdkato/prose/v2"
)

// wordCases are sentences on which proseWords must split as prose does:
// clitics, negations, prefixes, suffixes, initials, emoticons, curly quotes,
// space other than blanks, and lower-casing that changes the byte length.
var wordCases = []string{
	"", " ", "The envoy (who met Zas) said: \"We won't go.\"", "they'll, we're, I'm; it's 'sa",
	"$100 [sic] (2024). Well)!", "U.S. officials, Mr. Zas and Gen. Xo met in D.C.", "A.b. Ab. Abc. Abcd. a.b. AB.",
	"So :-) and (-_-) or xDD.", "“Curly” ‘quotes’ and don’t", "tab\tand\u00a0no-break  two  spaces\n",
	"İstanbul's KELVIN sign", "İİİ's", "ȺȺȺ's", "\u212a\u212a\u212a's", "ẞtraße'S", "&rsquo;tis", "\"((x))\"", "'''", "n't", "'s", "don'T",
}

// splitWords returns proseWords(s) and whether it panicked.
func splitWords(s string) (words []string, panicked bool) {
	defer func() {
		if recover() != nil {
			words, panicked = nil, true
		}
	}()
	return proseWords(s), false
}

// proseSplit returns the words of prose's tokenizer and whether it panicked.
func proseSplit(s string) (words []string, panicked bool) {
	defer func() {
		if recover() != nil {
			words, panicked = nil, true
		}
	}()
	doc, err := prose.NewDocument(s, prose.WithTagging(false), prose.WithSegmentation(false), prose.WithExtraction(false))
	if err != nil {
		return nil, false
	}
	for _, t := range doc.Tokens() {
		words = append(words, t.Text)
	}
	return words, false
}

func TestProseWordsMatchesProse(t *testing.T) {
	for _, s := range append(wordCases, testLines(t)...) {
		got, gotPanic := splitWords(s)
		want, wantPanic := proseSplit(s)
		if !slices.Equal(got, want) || gotPanic != wantPanic {
			t.Errorf("proseWords(%q) = %q (panic %v); want %q (panic %v)", s, got, gotPanic, want, wantPanic)
		}
	}
}

// FuzzProseWords checks that proseWords splits any text as prose does.
func FuzzProseWords(f *testing.F) {
	for _, s := range wordCases {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got, gotPanic := splitWords(s)
		want, wantPanic := proseSplit(s)
		if !slices.Equal(got, want) || gotPanic != wantPanic {
			t.Errorf("proseWords(%q) = %q (panic %v); want %q (panic %v)", s, got, gotPanic, want, wantPanic)
		}
	})
}
