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
