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

// TestProseWordsRefuses checks that proseWords reports, without panicking,
// the sentences on which prose's tokenizer panics: a word whose lower-case
// form is so much longer that its clitic or negation lies past its end.
func TestProseWordsRefuses(t *testing.T) {
	tests := []struct {
		name, text string
	}{
		{"clitic", "ȺȺȺ's"},
		{"clitic mid-sentence", "The ȾȾȾ's plan"},
		{"negation", "ȺȺȺȺn't"},
		{"after words that split", "they'll see (ȾȺȾȺȾ're)"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if _, panicked := proseSplit(tc.text); !panicked {
				t.Fatalf("prose does not panic on %q; the case tests nothing", tc.text)
			}
			if got, ok := proseWords(tc.text); ok || got != nil {
				t.Errorf("proseWords(%q) = %q, %v; want nil, false", tc.text, got, ok)
			}
		})
	}
}

// TestProseWordsMatchesProse runs the fuzz check on the sample articles'
// lines (wordCases run as FuzzProseWords' seeds).
func TestProseWordsMatchesProse(t *testing.T) {
	for _, s := range testLines(t) {
		checkProseWords(t, s)
	}
}

// FuzzProseWords checks that proseWords splits any text as prose does.
func FuzzProseWords(f *testing.F) {
	for _, s := range wordCases {
		f.Add(s)
	}
	f.Fuzz(checkProseWords)
}

// checkProseWords fails when proseWords splits s otherwise than prose, or
// disagrees on whether prose panics.
func checkProseWords(t *testing.T, s string) {
	got, ok := proseWords(s)
	want, panicked := proseSplit(s)
	if !slices.Equal(got, want) || ok == panicked {
		t.Errorf("proseWords(%q) = %q, %v; want %q, %v (prose panicked: %v)", s, got, ok, want, !panicked, panicked)
	}
}
