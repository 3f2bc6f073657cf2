package entities

import (
	"slices"
	"testing"

	"github.com/communique/communique/extractors"
)

// TestFacts checks the country and sector the tagger gives each kind of
// mention: a state, a state's organ, an international body, a party, an
// outlet, an armed group, and officials of a state, of a body and of a
// state's armed forces.
func TestFacts(t *testing.T) {
	tests := []struct {
		text    string
		mention string
		country string
		sector  string
	}{
		{"Norway rejected the plan.", "Norway", "NOR", "GOV"},
		{"The Knesset voted on Monday.", "Knesset", "ISR", "LEG"},
		{"NATO warned of a long war.", "NATO", "", "IGO"},
		{"The Labour Party backed the bill.", "Labour Party", "GBR", "PTY"},
		{"Reuters reported the deal.", "Reuters", "GBR", "MED"},
		{"Hezbollah fired rockets overnight.", "Hezbollah", "LBN", "REB"},
		{"Norwegian Foreign Minister Kari Olsen said talks would resume.", "Kari Olsen", "NOR", "GOV"},
		{"Israeli General Avi Cohen said the operation would continue.", "Avi Cohen", "ISR", "MIL"},
		{"NATO Secretary-General Lars Berg warned of risks.", "Lars Berg", "", "IGO"},
	}
	for _, tc := range tests {
		t.Run(tc.mention, func(t *testing.T) {
			m := mentionOf(t, tc.text, tc.mention)
			if m.Country != tc.country || m.Sector != tc.sector {
				t.Errorf("%q: %s country %q sector %q, want %q %q", tc.text, tc.mention, m.Country, m.Sector, tc.country, tc.sector)
			}
		})
	}
}

// mentionOf tags text and returns the mention whose text is surface.
func mentionOf(t *testing.T, text, surface string) extractors.Mention {
	t.Helper()
	d := doc(t, text)
	if err := testTagger.Extract(d); err != nil {
		t.Fatal(err)
	}
	i := slices.IndexFunc(d.Mentions, func(m extractors.Mention) bool { return text[m.Start:m.End] == surface })
	if i < 0 {
		t.Fatalf("%q: no mention %q in %v", text, surface, d.Mentions)
	}
	return d.Mentions[i]
}
