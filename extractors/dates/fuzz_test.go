package dates

import (
	"regexp"
	"slices"
	"testing"

	"github.com/communique/communique/models"
)

// FuzzIn checks that any sentence with any published date, or none, resolves
// without a panic, and that a date found without a published one came from
// a sentence that writes a year.
func FuzzIn(f *testing.F) {
	r, err := New()
	if err != nil {
		f.Fatal(err)
	}
	for _, s := range []string{"met on Monday", "on 31 February", "March 12, 2024", "they'll go next Friday", "2024-13-45", "9999-12-31", "0 May", "May 99999999999999999999", "’ll Sunday"} {
		f.Add(s, int32(19795), true)
	}
	f.Fuzz(func(t *testing.T, s string, days int32, known bool) {
		var pub *models.Date
		if known {
			d := models.Date(days % 100000) // within a few centuries of 1970
			pub = &d
		}
		if _, ok := r.In(s, pub); ok && pub == nil && !yearRE.MatchString(s) {
			t.Errorf("In(%q, nil) found a date in a sentence without a year", s)
		}
	})
}

var yearRE = regexp.MustCompile(`\d{4}`)

// wordsRE is the regular expression words replaces.
var wordsRE = regexp.MustCompile(`\d{4}-\d{2}-\d{2}|\d+(?:st|nd|rd|th)?|\p{L}+(?:['’]\p{L}+)?|,`)

// wordsCases are sentences whose splitting words and wordsRE must agree on.
var wordsCases = []string{
	"", "met on Monday, 12 March 2024.", "2024-03-12", "2024-03-123", "12345-03-12", "2024-3-12", "2024-03-1",
	"21st 2nd 3rd 4th 5TH 1s 11stx 7thth", "they'll they’ll rock'n'roll 'quoted' o'", "l’", "’ll",
	"Zürich Ærø ªº µ İstanbul", "naïve e\u0301t\u00e9 日本語の文", "a,b,,c", "1,000,000", "\xff\xfe12th\xe2\x80",
	"abc\xe2\x80\x99def", "x\u2019\u2019y", "12-13-2024", "2024-03-12T10:00",
}

// FuzzWords checks that words splits any text as wordsRE does; its seeds,
// wordsCases, run as a unit test.
func FuzzWords(f *testing.F) {
	for _, s := range wordsCases {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := words(s), wordsRE.FindAllString(s, -1); !slices.Equal(got, want) {
			t.Errorf("words(%q) = %q; want %q", s, got, want)
		}
	})
}
