package stances_test

import (
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/communique/communique/extractors"
	"github.com/communique/communique/models"
)

// FuzzExtract runs the extractor on arbitrary text whose capitalized words
// are made mentions of every label in turn: it must not panic, and every row
// must lie inside the text and its sentence and name its actors.
func FuzzExtract(f *testing.F) {
	for _, a := range readGold(f) {
		f.Add(a.Text, uint8(0))
	}
	for _, s := range []string{
		"",
		"will",
		"\"...\", said",
		"They said it would, and would not.",
		"The ministers called on, and urged to, refrain from \u201cthe\u201d.",
		"It is planned that. In case of , will be rendered to",
		"Russia, China and\u00a0India voted against \u2013 and warned that it must.",
	} {
		f.Add(s, uint8(1))
	}
	x := newExtractor(f)
	labels := models.Labels
	f.Fuzz(func(t *testing.T, text string, seed uint8) {
		if !utf8.ValidString(text) {
			return
		}
		sents, toks, err := seg.Segment(text)
		if err != nil {
			return // the segmenter's own fuzz test covers its errors
		}
		d := extractors.NewDoc(models.Article{ArticleID: "fuzz", Text: text}, sents, toks)
		k := int(seed)
		for i, tk := range toks {
			r, _ := utf8.DecodeRuneInString(tk.Text)
			if !unicode.IsUpper(r) {
				continue
			}
			l := labels[(k+i)%len(labels)]
			d.Mentions = append(d.Mentions, extractors.Mention{Start: tk.Start, End: tk.End, TokStart: i, TokEnd: i + 1,
				Sentence: d.SentenceOf(tk.Start), Label: l, ID: tk.Text, Affiliation: "AFF"})
		}
		if err := x.Extract(d); err != nil {
			t.Fatalf("Extract(%q): %v", text, err)
		}
		n := int32(utf8.RuneCountInString(text))
		check := func(si, start, end int32, actors, targets []string) {
			t.Helper()
			if si < 0 || int(si) >= len(d.Sentences) {
				t.Fatalf("Extract(%q): sentence index %d of %d", text, si, len(d.Sentences))
			}
			s := d.Sentences[si]
			if start < d.CP(s.Start) || end > d.CP(s.End) || start >= end || end > n {
				t.Fatalf("Extract(%q): span [%d,%d) outside sentence [%d,%d)", text, start, end, d.CP(s.Start), d.CP(s.End))
			}
			if len(actors) == 0 || targets == nil {
				t.Fatalf("Extract(%q): actors %v targets %v", text, actors, targets)
			}
		}
		for _, c := range d.Commitments {
			check(c.SentenceIndex, c.Start, c.End, c.ActorIDs, c.TargetIDs)
		}
		for _, p := range d.Positions {
			check(p.SentenceIndex, p.Start, p.End, p.ActorIDs, p.TargetIDs)
		}
	})
}
