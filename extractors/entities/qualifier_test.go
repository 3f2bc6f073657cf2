package entities

import (
	"slices"
	"testing"
	"testing/fstest"
)

// qualifierOverlay holds an invented state, a league with two organs whose
// short names match only where the league is named, and a moot with no
// parent whose short name matches anywhere (unqualified), added through the
// data overlay.
var qualifierOverlay = fstest.MapFS{
	"gazetteer/states.tsv": {Data: []byte("text\tid\tkind\nNorland\tNRL\tstate\nNorlandic\tNRL\tdemonym\n")},
	"gazetteer/orgs.tsv": {Data: []byte("id\tlabel\tname\tparent\taliases\tcontext_aliases\tunqualified\n" +
		"WEND_LEAGUE\tORG\tWend League\t\t\t\t\n" +
		"WEND_COUNCIL\tORG\tWend League Council\tWEND_LEAGUE\t\tLeague Council\t\n" +
		"WEND_BOARD\tORG\tWend League Board\tWEND_LEAGUE\t\tLeague Board\t\n" +
		"GRAND_MOOT\tORG\tGrand Moot of the Wends\t\t\tGrand Moot\tyes\n")},
}

// TestQualifier checks which names before an organ's short name, or after
// "of", qualify it away: a state or another body does, a body of the same
// parent does not, and a short name with no parent is qualified by any
// other actor.
func TestQualifier(t *testing.T) {
	tg := overlayTagger(t, qualifierOverlay)
	tests := []struct {
		name, text string
		want       []string // surface/id of the ORG mentions, in text order
	}{
		{"a short name with its parent", "The Wend League said the League Council met.",
			[]string{"Wend League/WEND_LEAGUE", "League Council/WEND_COUNCIL"}},
		{"an organ of the same parent before", "The Wend League said the Wend League Board League Council met.",
			[]string{"Wend League/WEND_LEAGUE", "Wend League Board/WEND_BOARD", "League Council/WEND_COUNCIL"}},
		{"an organ of the same parent after of", "The Wend League said the League Council of the Wend League Board met.",
			[]string{"Wend League/WEND_LEAGUE", "League Council/WEND_COUNCIL", "Wend League Board/WEND_BOARD"}},
		{"no parent, unqualified", "The Grand Moot met on Friday.", []string{"Grand Moot/GRAND_MOOT"}},
		{"no parent, a state before", "The Norlandic Grand Moot met on Friday.", nil},
		{"no parent, a state after of", "The Grand Moot of Norland met on Friday.", nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			d := doc(t, tc.text)
			if err := tg.Extract(d); err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, m := range d.Mentions {
				if m.Label == "ORG" {
					got = append(got, tc.text[m.Start:m.End]+"/"+m.ID)
				}
			}
			if !slices.Equal(got, tc.want) {
				t.Errorf("Extract(%q) = %v; want %v", tc.text, got, tc.want)
			}
		})
	}
}
