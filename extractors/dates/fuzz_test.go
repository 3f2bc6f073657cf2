package dates

import (
	"regexp"
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
