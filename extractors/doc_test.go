package extractors_test

import (
	"strings"
	"testing"

	"github.com/communique/communique/extractors"
	"github.com/communique/communique/extractors/segment"
	"github.com/communique/communique/models"
)

func TestCodePointOffsets(t *testing.T) {
	text := "“Kabul” – Tajik\u00a0border. Minsk."
	sents := []segment.Sentence{{Start: 0, End: len("“Kabul” – Tajik\u00a0border.")}, {Start: len("“Kabul” – Tajik\u00a0border. "), End: len(text)}}
	d := extractors.NewDoc(models.Article{ArticleID: "a", Text: text}, sents, nil)
	runes := []rune(text)
	for _, tc := range []struct {
		word string
		cp   int32
	}{{"Kabul", 1}, {"Tajik", 10}, {"Minsk", 24}} {
		b := strings.Index(text, tc.word)
		if got := d.CP(b); got != tc.cp {
			t.Errorf("CP(byte offset of %q) = %d; want %d", tc.word, got, tc.cp)
		}
		if got := string(runes[d.CP(b):d.CP(b+len(tc.word))]); got != tc.word {
			t.Errorf("runes[CP:CP] = %q; want %q", got, tc.word)
		}
	}
	if got := d.CP(len(text)); got != int32(len(runes)) {
		t.Errorf("CP(len) = %d; want %d", got, len(runes))
	}
	if got := d.SentenceOf(strings.Index(text, "Minsk")); got != 1 {
		t.Errorf("SentenceOf(Minsk) = %d; want 1", got)
	}
	if got := d.SentenceOf(len(text) + 5); got != -1 {
		t.Errorf("SentenceOf(past the end) = %d; want -1", got)
	}
	rows := d.SentenceRows()
	if len(rows) != 2 || string(runes[rows[1].Start:rows[1].End]) != rows[1].Text {
		t.Errorf("SentenceRows() = %+v", rows)
	}
}

func TestASCIIOffsets(t *testing.T) {
	d := extractors.NewDoc(models.Article{Text: "Iran and Iraq."}, nil, nil)
	if got := d.CP(9); got != 9 {
		t.Errorf("CP(9) on ASCII = %d; want 9", got)
	}
}

func TestActorFacts(t *testing.T) {
	d := extractors.NewDoc(models.Article{ArticleID: "a", Text: "x"}, nil, nil)
	d.Mentions = []extractors.Mention{
		{ID: "B_PERSON"},                                  // a first mention without facts
		{ID: "A_BODY", Sector: "IGO"},                     // an international body
		{ID: "B_PERSON", Country: "NOR", Sector: "GOV"},   // the later mention that has them
		{ID: "C_PERSON", Country: "AUT", Sector: "MIL"},   // another state's officer
		{ID: "C_PERSON", Country: "DEU", Sector: "LEG"},   // a later mention does not override
		{ID: "NOR", Country: "NOR", Sector: "GOV"},        // the state itself
		{ID: "D_PLACE", Label: models.Place, Country: ""}, // no facts at all
	}
	for _, tc := range []struct {
		ids                []string
		countries, sectors string
	}{
		{[]string{"B_PERSON", "A_BODY"}, "NOR", "GOV IGO"},
		{[]string{"C_PERSON", "NOR", "B_PERSON"}, "AUT NOR", "GOV MIL"},
		{[]string{"D_PLACE", "UNKNOWN"}, "", ""},
		{nil, "", ""},
	} {
		c, s := d.ActorFacts(tc.ids, 0, 0)
		if c == nil || s == nil {
			t.Errorf("ActorFacts(%v) = nil lists; want empty ones", tc.ids)
		}
		if got := strings.Join(c, " "); got != tc.countries {
			t.Errorf("ActorFacts(%v) countries = %q; want %q", tc.ids, got, tc.countries)
		}
		if got := strings.Join(s, " "); got != tc.sectors {
			t.Errorf("ActorFacts(%v) sectors = %q; want %q", tc.ids, got, tc.sectors)
		}
	}
	d.Mentions = append(d.Mentions, extractors.Mention{ID: "E_BODY", Sector: "NGO"})
	if _, s := d.ActorFacts([]string{"E_BODY"}, 0, 0); strings.Join(s, " ") != "NGO" {
		t.Errorf("a mention added after the first call is not seen: sectors %v", s)
	}
}

// TestActorFactsSpan checks that a row takes the sector of its own actor
// mention: a state named once with an agent noun ("X protesters": OPP) and
// once alone keeps the government's sector where named alone, and an agent
// noun in an actor phrase that names no id ("the country's army") gives its
// sector to the row's ids.
func TestActorFactsSpan(t *testing.T) {
	d := extractors.NewDoc(models.Article{ArticleID: "a", Text: "x"}, nil, nil)
	d.Mentions = []extractors.Mention{
		{ID: "XAA", TokStart: 0, TokEnd: 1, Country: "XAA", Sector: "GOV", AgentSector: "OPP"},   // "X protesters"
		{ID: "XAA", TokStart: 10, TokEnd: 11, Country: "XAA", Sector: "GOV"},                     // "X" alone
		{ID: "XBB", TokStart: 20, TokEnd: 21, Country: "XBB", Sector: "GOV", AgentSector: "MIL"}, // only with an agent
		{ID: "P_PERSON", TokStart: 50, TokEnd: 51, Sector: "GOV"},                                // "lawyer P"
	}
	d.Agents = []extractors.Agent{
		{TokStart: 1, TokEnd: 2, Sector: "OPP", Attached: true},
		{TokStart: 32, TokEnd: 33, Sector: "MIL"}, // "the country's army"
		{TokStart: 49, TokEnd: 50, Sector: "JUD"}, // "lawyer P"
	}
	for _, tc := range []struct {
		name               string
		ids                []string
		start, end         int
		countries, sectors string
	}{
		{"the mention with the agent noun", []string{"XAA"}, 0, 2, "XAA", "OPP"},
		{"the mention alone", []string{"XAA"}, 10, 11, "XAA", "GOV"},
		{"not named: the id's own sector", []string{"XAA"}, 40, 41, "XAA", "GOV"},
		{"not named, only ever with an agent: the id's own sector", []string{"XBB"}, 40, 41, "XBB", "GOV"},
		{"an agent noun of a named person gives nothing to the person's state", []string{"P_PERSON", "XAA"}, 49, 51, "XAA", "GOV"},
		{"an agent noun of no mention", []string{"XAA"}, 30, 33, "XAA", "MIL"},
		{"targets: no span", []string{"XAA", "XBB"}, 0, 0, "XAA XBB", "GOV"},
	} {
		c, s := d.ActorFacts(tc.ids, tc.start, tc.end)
		if got := strings.Join(c, " "); got != tc.countries {
			t.Errorf("%s: countries = %q; want %q", tc.name, got, tc.countries)
		}
		if got := strings.Join(s, " "); got != tc.sectors {
			t.Errorf("%s: sectors = %q; want %q", tc.name, got, tc.sectors)
		}
	}
}
