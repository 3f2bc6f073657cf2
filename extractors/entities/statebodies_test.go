package entities

import (
	"slices"
	"strings"
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

// TestTableRowErrors checks that a bad row of parties.tsv or
// state_bodies.tsv, added through the data overlay, is reported by its row
// among the data rows and its id or name, not by a line number, which the
// comment lines and the header would make wrong.
func TestTableRowErrors(t *testing.T) {
	tests := []struct {
		name    string
		fsys    fstest.MapFS
		wantErr string
	}{
		{"a party of no state", fstest.MapFS{"gazetteer/parties.tsv": {Data: []byte("id\tname\tcountry\n" +
			"NRL_AGRARIANS\tNorlandic Agrarian League\tNRL\n")}},
			`(id NRL_AGRARIANS): country "NRL" is not a state id`},
		{"a party listed twice", fstest.MapFS{
			"gazetteer/states.tsv": {Data: []byte("text\tid\tkind\nNorland\tNRL\tstate\n")},
			"gazetteer/parties.tsv": {Data: []byte("id\tname\tcountry\n" +
				"NRL_AGRARIANS\tNorlandic Agrarian League\tNRL\nNRL_AGRARIANS\tAgrarian League of Norland\tNRL\n")}},
			`(id NRL_AGRARIANS): id is already defined`},
		{"a state body of no state", fstest.MapFS{"gazetteer/state_bodies.tsv": {Data: []byte("name\tid\tsector\tstate\n" +
			"Grand Moot\t{adj}_GRAND_MOOT\tLEG\tNRL\n")}},
			`("Grand Moot"): unknown state "NRL"`},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := newWithOverlay(tc.fsys)
			if err == nil || !strings.Contains(err.Error(), " row ") || !strings.Contains(err.Error(), tc.wantErr) {
				t.Errorf("New() = %v; want an error of a row holding %q", err, tc.wantErr)
			}
		})
	}
}

// partyOverlay holds an invented state with its assembly and two parties,
// one with a short alias and a context alias, added through the data
// overlay.
var partyOverlay = fstest.MapFS{
	"gazetteer/states.tsv": {Data: []byte("text\tid\tkind\nNorland\tNRL\tstate\nNorlandic\tNRL\tdemonym\n")},
	"gazetteer/orgs.tsv": {Data: []byte("id\tlabel\tname\tparent\taliases\tcontext_aliases\tunqualified\n" +
		"NRL_ASSEMBLY\tORG\tNorland Assembly\tNRL\t\t\t\n")},
	"gazetteer/parties.tsv": {Data: []byte("id\tname\tcountry\taliases\tcontext_aliases\tsource\n" +
		"NRL_AGRARIANS\tNorlandic Agrarian League\tNRL\tAgrarian League|Agrarian\tAgrarians\ttest\n" +
		"NRL_GREENS\tNorlandic Green Union\tNRL\tGreen Union\t\ttest\n")},
}

// TestPartyLegislature checks parties and a state's bodies: a party's name
// and aliases match anywhere, its context aliases only where the article
// names its state; a "Ministry of X" with a state named before it or after
// its name is the state's mention alone; the state's own legislature before
// a party's short name does not qualify it away, a party just before a
// legislature gives its state, and in an article that names no state the
// legislature takes the parties' state.
func TestPartyLegislature(t *testing.T) {
	tg := overlayTagger(t, partyOverlay)
	tests := []struct {
		name, text string
		want       []string // surface/LABEL/id, in text order
	}{
		{"party name", "Voters backed the Green Union in the vote.", []string{"Green Union/ORG/NRL_GREENS"}},
		{"party context alias with its state", "The Agrarians won in Norland.",
			[]string{"Agrarians/ORG/NRL_AGRARIANS", "Norland/STATE/NRL"}},
		{"party context alias without its state", "The Agrarians won the vote.", nil},
		{"ministry of a state named after it", "The Ministry of Foreign Affairs of Norland protested.", []string{"Norland/STATE/NRL"}},
		{"ministry of a state named before it", "The Norlandic Ministry of Quelm Affairs protested.", []string{"Norlandic/STATE/NRL"}},
		{"a state's legislature before its party", "Norland Assembly Agrarians met on Monday.",
			[]string{"Norland Assembly/ORG/NRL_ASSEMBLY", "Agrarians/ORG/NRL_AGRARIANS"}},
		{"a state before its legislature and party", "Norland Senate Agrarians met on Monday.",
			[]string{"Norland/STATE/NRL", "Senate/ORG/NORLANDIC_SENATE", "Agrarians/ORG/NRL_AGRARIANS"}},
		{"a party before a legislature", "An Agrarian Senate aide spoke.",
			[]string{"Agrarian/ORG/NRL_AGRARIANS", "Senate/ORG/NORLANDIC_SENATE"}},
		{"a legislature in an article of parties", "Uproar in Parliament as Agrarian League and Green Union members argue.",
			[]string{"Parliament/ORG/NORLANDIC_PARLIAMENT", "Agrarian League/ORG/NRL_AGRARIANS", "Green Union/ORG/NRL_GREENS"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			d := doc(t, tc.text)
			if err := tg.Extract(d); err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, m := range d.Mentions {
				got = append(got, tc.text[m.Start:m.End]+"/"+string(m.Label)+"/"+m.ID)
			}
			if !slices.Equal(got, tc.want) {
				t.Errorf("Extract(%q) = %v; want %v", tc.text, got, tc.want)
			}
		})
	}
}
