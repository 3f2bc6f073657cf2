package entities

import (
	"slices"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/communique/communique/models"
)

// TestDatedOffices checks that a well-known official's role and affiliation
// follow the article's published date: two articles a year apart name the
// same person in two offices; without a date the latest office wins.
func TestDatedOffices(t *testing.T) {
	day := func(s string) *models.Date { return dayOf(t, s) }
	const text = "Boris Johnson said the talks would go on."
	tests := []struct {
		name        string
		published   *models.Date
		role, affil string
	}{
		{"foreign secretary in July 2018", day("2018-07-01"), "Foreign Secretary", "GBR"},
		{"prime minister a year later", day("2019-08-01"), "Prime Minister", "GBR"},
		{"no date: the latest office", nil, "Prime Minister", "GBR"},
		{"before the first listed term: the first", day("2001-01-01"), "Foreign Secretary", "GBR"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			d := doc(t, text)
			d.Article.Published = tc.published
			if err := testTagger.Extract(d); err != nil {
				t.Fatal(err)
			}
			if len(d.Mentions) != 1 {
				t.Fatalf("mentions = %+v, want one", d.Mentions)
			}
			m := d.Mentions[0]
			if m.ID != "BORIS_JOHNSON" || m.Role != tc.role || m.Affiliation != tc.affil {
				t.Errorf("got %s %q@%s, want BORIS_JOHNSON %q@%s", m.ID, m.Role, m.Affiliation, tc.role, tc.affil)
			}
		})
	}
	// an office that changed hands: the same title, another person by date
	d := doc(t, "The NATO Secretary General spoke. Rutte said the alliance would respond.")
	d.Article.Published = day("2019-01-01")
	if err := testTagger.Extract(d); err != nil {
		t.Fatal(err)
	}
	found := false
	for _, m := range d.Mentions {
		if m.ID == "MARK_RUTTE" {
			found = true
			if m.Affiliation != "NLD" {
				t.Errorf("in 2019: affiliation %s, want NLD", m.Affiliation)
			}
		}
	}
	if !found {
		t.Errorf("no MARK_RUTTE in %+v", d.Mentions)
	}
}

// dayOf parses a YYYY-MM-DD date for a test article's published field.
func dayOf(t *testing.T, s string) *models.Date {
	t.Helper()
	tm, err := time.Parse(time.DateOnly, s)
	if err != nil {
		t.Fatal(err)
	}
	d := models.DateOf(tm)
	return &d
}

// TestOfficesTerms checks offices.tsv's terms: no person holds the same
// office twice at once, and every term ends after it starts.
func TestOfficesTerms(t *testing.T) {
	for _, p := range testTagger.g.people {
		if p.generated {
			continue // the dictionaries' terms overlap (a member of government and of the elite)
		}
		for i, a := range p.terms {
			if a.end != 0 && a.end < a.start {
				t.Errorf("%s: %s ends before it starts", p.name, a.role)
			}
			for _, b := range p.terms[i+1:] {
				if a.role == b.role && a.affil == b.affil && (a.end == 0 || b.start < a.end) {
					t.Errorf("%s: overlapping terms as %s of %s", p.name, a.role, a.affil)
				}
			}
		}
	}
}

// datedPeople are invented officials of offices.tsv, added through the data
// overlay: a common surname that names its holder only in office (dated),
// one that names him in any year (yes), and a given name.
const datedPeople = "name\trole\taffiliation\tstart\tend\tsurname_alone\tspellings\tsource\n" +
	"Orsolya Venkamp\tPresident\tMLT\t2010-01-01\t2014-12-31\tdated\t\ttest\n" +
	"Tibor Quellmark\tPresident\tCYP\t2010-01-01\t2014-12-31\tyes\t\ttest\n" +
	"Zelmira Oskvath\tPrime Minister\tMLT\t2020-01-01\t\tno\t\ttest\n"

// TestDatedSurname checks surname_alone "dated": the surname alone names
// the official only in an article whose date a term covers (undated: an open
// term), unless the article named the official first; "yes" holds in any
// year; a given name alone names an official only while in office.
func TestDatedSurname(t *testing.T) {
	tg := overlayTagger(t, fstest.MapFS{"gazetteer/offices.tsv": {Data: []byte(datedPeople)}})
	day := func(s string) *models.Date { return dayOf(t, s) }
	tests := []struct {
		name, text string
		published  *models.Date
		want       []string // ids of the OFFICIAL mentions
	}{
		{"dated: in office", "Venkamp said the talks would go on.", day("2012-05-01"), []string{"ORSOLYA_VENKAMP"}},
		{"dated: after the term", "Venkamp said the talks would go on.", day("2018-05-01"), nil},
		{"dated: before the term", "Talks with Venkamp went on.", day("2005-05-01"), nil},
		{"dated: undated, no open term", "Venkamp said the talks would go on.", nil, nil},
		{"dated: named first", "Orsolya Venkamp said so. Venkamp said the talks would go on.", day("2018-05-01"),
			[]string{"ORSOLYA_VENKAMP", "ORSOLYA_VENKAMP"}},
		{"yes: any year", "Quellmark said the talks would go on.", day("2018-05-01"), []string{"TIBOR_QUELLMARK"}},
		{"given name in office", "Zelmira said the talks would go on.", day("2021-05-01"), []string{"ZELMIRA_OSKVATH"}},
		{"given name before the term", "Zelmira said the talks would go on.", day("2015-05-01"), nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var got []string
			for _, m := range officialsIn(t, tg, tc.text, tc.published) {
				got = append(got, m.ID)
			}
			if !slices.Equal(got, tc.want) {
				t.Errorf("Extract(%q) on %v = %v; want %v", tc.text, tc.published, got, tc.want)
			}
		})
	}
}

// TestSurnameAloneConflicts checks that loading fails when invented
// people's surname_alone disagrees between officials.tsv and offices.tsv
// or between two offices.tsv rows, or is "dated" without a term, and
// succeeds when the rows agree (empty reads as "no").
func TestSurnameAloneConflicts(t *testing.T) {
	const officials = "name\trole\taffiliation\tsurname_alone\tspellings\n"
	const offices = "name\trole\taffiliation\tstart\tend\tsurname_alone\n"
	tests := []struct {
		name               string
		officials, offices string
		wantErr            string // a part of the error; empty: loads
	}{
		{"hand table against offices", "Ilvo Marrant\tMinister\tNRL\tyes\t\n",
			"Ilvo Marrant\tMinister\tNRL\t2020-01-01\t\tno\n", `surname_alone "no" disagrees with "yes" in gazetteer/officials.tsv`},
		{"two offices rows", "",
			"Ilvo Marrant\tMinister\tNRL\t2020-01-01\t2021-01-01\tdated\nIlvo Marrant\tPresident\tNRL\t2021-01-01\t\tyes\n",
			`surname_alone "yes" disagrees with "dated" in gazetteer/offices.tsv (an earlier row)`},
		{"an alternative spelling", "Ilvo Marrant\tMinister\tNRL\tno\tIlvo Marant\n",
			"Ilvo Marant\tMinister\tNRL\t2020-01-01\t\tyes\n", `disagrees with "no" in gazetteer/officials.tsv`},
		{"dated without a term", "Ilvo Marrant\tMinister\tNRL\tdated\t\n", "", `Ilvo Marrant: surname_alone "dated" without a term`},
		{"agreeing rows", "Ilvo Marrant\tMinister\tNRL\tdated\t\nOsk Tellavar\tMinister\tNRL\t\t\n",
			"Ilvo Marrant\tMinister\tNRL\t2020-01-01\t\tdated\nOsk Tellavar\tMinister\tNRL\t2020-01-01\t\tno\n", ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := newWithOverlay(fstest.MapFS{
				"gazetteer/states.tsv":    {Data: []byte("text\tid\tkind\nNorland\tNRL\tstate\n")},
				"gazetteer/officials.tsv": {Data: []byte(officials + tc.officials)},
				"gazetteer/offices.tsv":   {Data: []byte(offices + tc.offices)},
			})
			switch {
			case tc.wantErr == "" && err != nil:
				t.Errorf("New() = %v; want no error", err)
			case tc.wantErr != "" && (err == nil || !strings.Contains(err.Error(), tc.wantErr)):
				t.Errorf("New() = %v; want an error holding %q", err, tc.wantErr)
			}
		})
	}
}
