package entities

import (
	"testing"
	"testing/fstest"

	"github.com/communique/communique/models"
)

// surnamePeople are invented people of the generated table, added through
// the data overlay: one holder of a surname; two of another, a year apart
// at most one at a time; two at once; and a surname that is an English word.
const surnamePeople = "id\tname\taliases\taffiliation\tsector\tstart\tend\tcommon_surname\tsource\n" +
	"ORLA_QUENTAMIR\tOrla Quentamir\t\tMLT\tGOV\t2010-01-01\t\t\ttest\n" +
	"DAVO_VOSTRANDER\tDavo Vostrander\t\tMLT\tGOV\t2001-01-01\t2005-12-31\t\ttest\n" +
	"ELKE_VOSTRANDER\tElke Vostrander\t\tCYP\tMIL\t2008-01-01\t\t\ttest\n" +
	"ANSO_BRELLOW\tAnso Brellow\t\tMLT\tGOV\t2010-01-01\t\t\ttest\n" +
	"IMRE_BRELLOW\tImre Brellow\t\tCYP\tGOV\t2012-01-01\t\t\ttest\n" +
	"TOVA_BRELLOWMARK\tTova Brellowmark\t\tMLT\tGOV\t\t\t\ttest\n" +
	"ULLA_HARBOUR\tUlla Harbour\t\tMLT\tGOV\t2010-01-01\t\tyes\ttest\n"

// TestSoleSurname checks that a bare surname the article never introduces
// resolves to the one person of the knowledge base with that surname who
// holds a role on the article's date (without a date, an open term), and
// otherwise stays the surname alone.
func TestSoleSurname(t *testing.T) {
	tg := surnameTagger(t)
	day := func(s string) *models.Date { return dayOf(t, s) }
	tests := []struct {
		name, text string
		published  *models.Date
		id, affil  string
	}{
		{"one holder, headline speech verb", "Quentamir says the talks will go on", day("2015-05-01"), "ORLA_QUENTAMIR", "MLT"},
		{"one holder, after a title", "Minister Quentamir opened the talks.", day("2015-05-01"), "ORLA_QUENTAMIR", "MLT"},
		{"one holder, undated", "Quentamir said the talks would go on.", nil, "ORLA_QUENTAMIR", "MLT"},
		{"before the only term", "Quentamir said the talks would go on.", day("2005-05-01"), "", ""},
		{"the earlier of two", "Minister Vostrander opened the talks.", day("2003-05-01"), "DAVO_VOSTRANDER", "MLT"},
		{"the later of two, a year after", "Minister Vostrander opened the talks.", day("2009-05-01"), "ELKE_VOSTRANDER", "CYP"},
		{"between the two terms", "Minister Vostrander opened the talks.", day("2007-05-01"), "VOSTRANDER", ""},
		{"undated: the one open term", "Minister Vostrander opened the talks.", nil, "ELKE_VOSTRANDER", "CYP"},
		{"two holders at once", "Minister Brellow opened the talks.", day("2013-05-01"), "BRELLOW", ""},
		{"one holder before the second came", "Minister Brellow opened the talks.", day("2011-05-01"), "ANSO_BRELLOW", "MLT"},
		{"a common word as surname", "Minister Harbour opened the talks.", day("2013-05-01"), "HARBOUR", ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var got []string
			for _, m := range officialsIn(t, tg, tc.text, tc.published) {
				got = append(got, m.ID)
				if m.ID == tc.id && tc.affil != "" && m.Affiliation != tc.affil {
					t.Errorf("Extract(%q) affiliation = %s; want %s", tc.text, m.Affiliation, tc.affil)
				}
			}
			switch {
			case tc.id == "" && len(got) != 0:
				t.Errorf("Extract(%q) = %v; want no official", tc.text, got)
			case tc.id != "" && (len(got) != 1 || got[0] != tc.id):
				t.Errorf("Extract(%q) = %v; want [%s]", tc.text, got, tc.id)
			}
		})
	}
}

// surnameTagger builds a tagger with surnamePeople added through the overlay.
func surnameTagger(t *testing.T) *Tagger {
	t.Helper()
	return overlayTagger(t, fstest.MapFS{"gazetteer/people_generated.tsv": {Data: []byte(surnamePeople)}})
}

// TestMiddleInitial checks that a known person's name written with a middle
// initial the tables lack is that person, under the tables' id.
func TestMiddleInitial(t *testing.T) {
	tg := surnameTagger(t)
	for _, text := range []string{
		"The talks went on after Orla K. Quentamir arrived.",
		"Orla K. Quentamir is building a new coalition.",
	} {
		d := doc(t, text)
		d.Article.Published = dayOf(t, "2015-05-01")
		if err := tg.Extract(d); err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, m := range d.Mentions {
			got = append(got, string(m.Label)+":"+m.ID+":"+text[m.Start:m.End])
		}
		if len(got) != 1 || got[0] != "OFFICIAL:ORLA_QUENTAMIR:Orla K. Quentamir" {
			t.Errorf("Extract(%q) = %v; want the one official ORLA_QUENTAMIR", text, got)
		}
	}
}
