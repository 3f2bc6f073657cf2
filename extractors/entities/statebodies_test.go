package entities

import (
	"testing"
	"testing/fstest"
)

// tieOverlay holds two invented states and a party of each, added through
// the data overlay.
var tieOverlay = fstest.MapFS{
	"gazetteer/states.tsv": {Data: []byte("text\tid\tkind\nNorland\tNRL\tstate\nNorlandic\tNRL\tdemonym\n" +
		"Wendmark\tWDM\tstate\nWendish\tWDM\tdemonym\n")},
	"gazetteer/parties.tsv": {Data: []byte("id\tname\tcountry\taliases\tcontext_aliases\tsource\n" +
		"NRL_AGRARIANS\tNorlandic Agrarian League\tNRL\tAgrarian League\t\ttest\n" +
		"WDM_GREENS\tWendish Green Union\tWDM\tGreen Union\t\ttest\n")},
}

// TestStateBodyTie checks that a legislature named without its state takes
// the state the article mentions most, or the state of the parties it
// mentions most, and on a tie the one mentioned first in the text, however
// the steps of the tagger ordered the mentions.
func TestStateBodyTie(t *testing.T) {
	tg := overlayTagger(t, tieOverlay)
	tests := []struct {
		name, text string
		want       string // the id of "Parliament"
	}{
		{"states, the first wins a tie", "Norland and Wendmark met. Wendmark and Norland agreed. Parliament voted.", "NORLANDIC_PARLIAMENT"},
		{"states, the other first", "Wendmark and Norland met. Norland and Wendmark agreed. Parliament voted.", "WENDISH_PARLIAMENT"},
		{"states, the most", "Wendmark and Norland met. Norland agreed. Parliament voted.", "NORLANDIC_PARLIAMENT"},
		{"parties, the first wins a tie", "The Agrarian League and the Green Union met. The Green Union and the Agrarian League agreed. Parliament voted.", "NORLANDIC_PARLIAMENT"},
		{"parties, the other first", "The Green Union and the Agrarian League met. The Agrarian League and the Green Union agreed. Parliament voted.", "WENDISH_PARLIAMENT"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			d := doc(t, tc.text)
			if err := tg.Extract(d); err != nil {
				t.Fatal(err)
			}
			got := ""
			for _, m := range d.Mentions {
				if tc.text[m.Start:m.End] == "Parliament" {
					got = m.ID
				}
			}
			if got != tc.want {
				t.Errorf("Extract(%q): Parliament = %q; want %q", tc.text, got, tc.want)
			}
		})
	}
}
