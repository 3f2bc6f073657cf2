package entities

import (
	"fmt"
	"io/fs"
	"os"
	"testing"

	"github.com/communique/communique/data"
	"github.com/communique/communique/extractors"
	"github.com/communique/communique/extractors/segment"
	"github.com/communique/communique/models"
)

// Built once for all tests: both are slow to build and safe to share.
var (
	testSeg    *segment.Segmenter
	testTagger *Tagger
)

func TestMain(m *testing.M) {
	var err error
	if testSeg, err = segment.New(); err != nil {
		fmt.Fprintln(os.Stderr, "segment:", err)
		os.Exit(1)
	}
	if testTagger, err = New(); err != nil {
		fmt.Fprintln(os.Stderr, "entities:", err)
		os.Exit(1)
	}
	os.Exit(m.Run())
}

// doc segments text into a Doc.
func doc(tb testing.TB, text string) *extractors.Doc {
	tb.Helper()
	sents, toks, err := testSeg.Segment(text)
	if err != nil {
		tb.Fatalf("Segment(%q): %v", text, err)
	}
	return extractors.NewDoc(models.Article{ArticleID: "test", Text: text}, sents, toks)
}

// officialsIn returns the OFFICIAL mentions tg finds in text published on
// the given date (nil: undated).
func officialsIn(t *testing.T, tg *Tagger, text string, published *models.Date) []extractors.Mention {
	t.Helper()
	d := doc(t, text)
	d.Article.Published = published
	if err := tg.Extract(d); err != nil {
		t.Fatal(err)
	}
	var out []extractors.Mention
	for _, m := range d.Mentions {
		if m.Label == models.Official {
			out = append(out, m)
		}
	}
	return out
}

// overlayTagger builds a tagger with the tables of fsys added through the
// data overlay (invented states, bodies and people for a test).
func overlayTagger(tb testing.TB, fsys fs.FS) *Tagger {
	tb.Helper()
	tg, err := newWithOverlay(fsys)
	if err != nil {
		tb.Fatal(err)
	}
	return tg
}

// newWithOverlay builds a tagger with the tables of fsys added through the
// data overlay, and returns New's error (tests of rejected tables).
func newWithOverlay(fsys fs.FS) (*Tagger, error) {
	data.SetOverlay(fsys)
	defer data.SetOverlay(nil)
	return New()
}
