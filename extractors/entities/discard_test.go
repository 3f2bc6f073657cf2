package entities

import (
	"slices"
	"testing"
	"testing/fstest"

	"github.com/communique/communique/data"
)

// discardOverlay holds an invented state, place, given name and official,
// and discard phrases around them, added through the data overlay: a
// phrase holding the state's name, a person-looking sports name, a phrase
// holding a place, a phrase holding an official's name, a phrase starting
// inside a place's name, and the state's name alone, which a table names
// and so blocks nothing.
var discardOverlay = fstest.MapFS{
	"gazetteer/states.tsv":      {Data: []byte("text\tid\tkind\nNorland\tNRL\tstate\nNorlandic\tNRL\tdemonym\n")},
	"gazetteer/places.tsv":      {Data: []byte("name\tid\tkind\nBrellhaven\tBRELLHAVEN\tcity\nBrell Bay\tBRELL_BAY\tcity\n")},
	"gazetteer/given_names.tsv": {Data: []byte("name\tpeople\tsource\nZandor\t1\ttest\n")},
	"gazetteer/officials.tsv": {Data: []byte("name\trole\taffiliation\tsurname_alone\tspellings\n" +
		"Ulme Varrick\tPresident\tNRL\tyes\t\n")},
	"gazetteer/discards_generated.tsv": {Data: []byte("phrase\tlevel\tsource\n" +
		"norland film festival\tsentence\ttest\n" +
		"zandor quillby\tstory\ttest\n" +
		"brellhaven grand prix\tstory\ttest\n" +
		"salute to ulme varrick\tsentence\ttest\n" +
		"bay norland regatta\tsentence\ttest\n" +
		"norland\tsentence\ttest\n")},
}

// TestDiscards checks that an actor mention lying wholly inside a discard
// phrase of the text, found in any case, is dropped whichever step found
// it, while places inside one, actors outside or around one, and a
// state's name that is a discard phrase alone stay.
func TestDiscards(t *testing.T) {
	data.SetOverlay(discardOverlay)
	tg, err := New()
	data.SetOverlay(nil)
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name, text string
		want       []string // LABEL:surface, in text order
	}{
		{"a state's name inside", "The Norland Film Festival opened on Friday.", nil},
		{"in any case", "The Norland film festival opened on Friday.", nil},
		{"a demonym outside stays", "Norlandic officials attended the Norland Film Festival.", []string{"STATE:Norlandic"}},
		{"the state without the phrase", "Norland said the festival would open on Friday.", []string{"STATE:Norland"}},
		{"a person-looking sports name", "Zandor Quillby said the match was over.", nil},
		{"another name of the same shape", "Zandor Kettleby said the talks were over.", []string{"OFFICIAL:Zandor Kettleby"}},
		{"a known official inside", "Tickets for Salute to Ulme Varrick sold out.", nil},
		{"the official without the phrase", "Tickets for the rally for Ulme Varrick sold out.", []string{"OFFICIAL:Ulme Varrick"}},
		{"a place inside stays", "The Brellhaven Grand Prix ended on Sunday.", []string{"PLACE:Brellhaven"}},
		{"a phrase starting inside a match", "The Brell Bay Norland Regatta ended on Sunday.", []string{"PLACE:Brell Bay"}},
		{"a partial phrase blocks nothing", "The Norland film crew arrived on Friday.", []string{"STATE:Norland"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			d := doc(t, tc.text)
			if err := tg.Extract(d); err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, m := range d.Mentions {
				got = append(got, string(m.Label)+":"+tc.text[m.Start:m.End])
			}
			if !slices.Equal(got, tc.want) {
				t.Errorf("Extract(%q) = %v; want %v", tc.text, got, tc.want)
			}
		})
	}
}
