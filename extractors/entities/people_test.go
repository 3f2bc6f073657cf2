package entities

import (
	"testing"

	"github.com/communique/communique/data"
	"github.com/communique/communique/models"
)

// TestGeneratedPeopleDated checks that a person only the generated tables
// know takes the affiliation of the term that holds on the article's date,
// and that another spelling keeps its id, as for the hand tables' people
// (the gold sets' ids follow the article's spelling).
func TestGeneratedPeopleDated(t *testing.T) {
	day := func(s string) *models.Date { return dayOf(t, s) }
	tests := []struct {
		name, text string
		published  *models.Date
		id, affil  string
		sector     string
	}{
		{"a body in 1995", "Javier Solana said the talks would go on.", day("1995-08-01"), "JAVIER_SOLANA", "EU", "IGO"},
		{"another body two years later", "Javier Solana said the talks would go on.", day("1997-08-01"), "JAVIER_SOLANA", "NATO", "IGO"},
		{"another spelling", "Yasser Arafat said the talks would go on.", day("1999-01-01"), "YASSER_ARAFAT", "PSE", "GOV"},
		{"the same person before, in another sector", "Yasir Arafat said the talks would go on.", day("1990-01-01"), "YASIR_ARAFAT", "PSE", "ELI"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			d := doc(t, tc.text)
			d.Article.Published = tc.published
			if err := testTagger.Extract(d); err != nil {
				t.Fatal(err)
			}
			if len(d.Mentions) != 1 {
				t.Fatalf("Extract(%q) = %+v; want one mention", tc.text, d.Mentions)
			}
			if m := d.Mentions[0]; m.ID != tc.id || m.Affiliation != tc.affil || m.Sector != tc.sector {
				t.Errorf("Extract(%q) = %s@%s %s; want %s@%s %s", tc.text, m.ID, m.Affiliation, m.Sector, tc.id, tc.affil, tc.sector)
			}
		})
	}
}

// TestMergedPeople checks the people of the hand and generated tables
// together: no name or spelling of a generated person is a hand table's
// person's, and no generated name names two people.
func TestMergedPeople(t *testing.T) {
	hand := map[string]bool{}
	for _, f := range []string{officialsFile, officesFile} {
		rows, err := data.TSV(f)
		if err != nil {
			t.Fatal(err)
		}
		for _, r := range rows {
			hand[SnakeID(r["name"])] = true
			for _, a := range splitList(r["spellings"]) {
				hand[SnakeID(a)] = true
			}
		}
	}
	g := testTagger.g
	owner := map[string]string{}
	for i := range g.people {
		p := &g.people[i]
		if !p.generated {
			continue
		}
		for _, n := range append([]string{p.name}, p.alts...) {
			k := SnakeID(n)
			if hand[k] {
				t.Errorf("generated %s: %q is a hand table's person", p.id, n)
			}
			if o, ok := owner[k]; ok && o != p.id {
				t.Errorf("%q names %s and %s", n, o, p.id)
			}
			owner[k] = p.id
		}
	}
}
