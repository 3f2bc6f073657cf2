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
		c, s := d.ActorFacts(tc.ids)
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
	if _, s := d.ActorFacts([]string{"E_BODY"}); strings.Join(s, " ") != "NGO" {
		t.Errorf("a mention added after the first call is not seen: sectors %v", s)
	}
}
