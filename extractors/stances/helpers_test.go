package stances_test

import (
	"fmt"
	"os"
	"sort"
	"strings"
	"testing"

	"github.com/communique/communique/extractors"
	"github.com/communique/communique/extractors/segment"
	"github.com/communique/communique/extractors/stances"
	"github.com/communique/communique/models"
)

// seg and ext are built once: both are slow to build and safe to share.
var (
	seg *segment.Segmenter
	ext *stances.Extractor
)

func TestMain(m *testing.M) {
	var err error
	if seg, err = segment.New(); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	if ext, err = stances.New(); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	os.Exit(m.Run())
}

func newExtractor(t testing.TB) *stances.Extractor {
	t.Helper()
	return ext
}

// newDoc segments text into a document without mentions.
func newDoc(t testing.TB, id, text string) *extractors.Doc {
	t.Helper()
	sents, toks, err := seg.Segment(text)
	if err != nil {
		t.Fatalf("Segment(%q): %v", text, err)
	}
	return extractors.NewDoc(models.Article{ArticleID: id, Text: text, Lang: "en"}, sents, toks)
}

// ent is a hand-made mention for a test sentence: its surface form (the
// first occurrence not yet used, or the n-th with "form#n"), label and id.
type ent struct {
	form  string
	label models.Label
	id    string
	aff   string
	kind  string // an operation's kind
	sect  string // sector
	role  string // an official's role
}

// docWith segments text and adds mentions for ents.
func docWith(t testing.TB, text string, ents ...ent) *extractors.Doc {
	t.Helper()
	d := newDoc(t, "t", text)
	used := map[int]bool{}
	for _, e := range ents {
		from := 0
		var at int
		for {
			k := strings.Index(text[from:], e.form)
			if k < 0 {
				t.Fatalf("mention %q not in %q", e.form, text)
			}
			at = from + k
			if !used[at] {
				break
			}
			from = at + 1
		}
		used[at] = true
		d.Mentions = append(d.Mentions, extractors.Mention{
			Start: at, End: at + len(e.form), Label: e.label, ID: e.id, Affiliation: e.aff, Kind: e.kind, Sector: e.sect, Role: e.role, Name: e.form,
			Sentence: d.SentenceOf(at),
		})
	}
	sort.Slice(d.Mentions, func(i, j int) bool { return d.Mentions[i].Start < d.Mentions[j].Start })
	return d
}

// extracted segments text, adds mentions for ents and runs x on it.
func extracted(t testing.TB, x *stances.Extractor, text string, ents ...ent) *extractors.Doc {
	t.Helper()
	d := docWith(t, text, ents...)
	if err := x.Extract(d); err != nil {
		t.Fatalf("Extract(%q): %v", text, err)
	}
	return d
}

func state(form, id string) ent { return ent{form: form, label: models.State, id: id} }
func org(form, id string) ent   { return ent{form: form, label: models.Org, id: id} }
func group(form, id string) ent { return ent{form: form, label: models.Group, id: id} }
func official(form, id, aff string) ent {
	return ent{form: form, label: models.Official, id: id, aff: aff}
}
func officialAs(form, id, aff, role string) ent {
	return ent{form: form, label: models.Official, id: id, aff: aff, role: role}
}
func outlet(form, id string) ent {
	return ent{form: form, label: models.Org, id: id, sect: "MED"}
}
func place(form, id string) ent { return ent{form: form, label: models.Place, id: id} }
func mission(form, id, body string) ent {
	return ent{form: form, label: models.Operation, id: id, aff: body, kind: "mission"}
}
