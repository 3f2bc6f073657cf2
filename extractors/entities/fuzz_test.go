package entities

import (
	"bufio"
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"testing"

	"github.com/communique/communique/data"
	"github.com/communique/communique/extractors"
)

// checkMentions fails unless the mentions lie within the text, are sorted
// by start, do not overlap and carry a label and an id.
func checkMentions(t *testing.T, d *extractors.Doc) {
	t.Helper()
	text := d.Text()
	prevEnd := 0
	for i, m := range d.Mentions {
		if m.Start < 0 || m.End > len(text) || m.Start >= m.End {
			t.Fatalf("mention %d [%d,%d) outside text of %d bytes", i, m.Start, m.End, len(text))
		}
		if m.Start < prevEnd {
			t.Fatalf("mention %d %q at %d overlaps or precedes the one before, ending at %d", i, text[m.Start:m.End], m.Start, prevEnd)
		}
		if m.Label == "" || m.ID == "" {
			t.Fatalf("mention %d %q: label %q id %q", i, text[m.Start:m.End], m.Label, m.ID)
		}
		if m.TokStart < 0 || m.TokEnd > len(d.Tokens) || m.TokStart >= m.TokEnd {
			t.Fatalf("mention %d %q: tokens [%d,%d) of %d", i, text[m.Start:m.End], m.TokStart, m.TokEnd, len(d.Tokens))
		}
		prevEnd = m.End
	}
}

// seeds returns the texts of testdata/*.txt and of the embedded gold articles.
func seeds(tb testing.TB) []string {
	var out []string
	files, _ := filepath.Glob("testdata/*.txt")
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			tb.Fatal(err)
		}
		out = append(out, string(b))
	}
	b, err := data.ReadFile("gold/dev.jsonl")
	if err != nil {
		tb.Fatal(err)
	}
	sc := bufio.NewScanner(bytes.NewReader(b))
	sc.Buffer(make([]byte, 1<<20), 1<<24)
	for sc.Scan() {
		var a struct{ Text string }
		if err := json.Unmarshal(sc.Bytes(), &a); err != nil {
			tb.Fatal(err)
		}
		out = append(out, a.Text)
	}
	return out
}

func FuzzExtract(f *testing.F) {
	for _, s := range seeds(f) {
		f.Add(s)
	}
	f.Add(`operation "`)
	f.Add("(CSTO")
	f.Add("President al-")
	f.Add("Kanal – ")
	f.Add("Moscow-")
	f.Add("Alpha Beta Council (ABC)") // an acronym in brackets ends the text
	f.Add("\u201cKanal\u201d operation \u201c\u201d")
	f.Fuzz(func(t *testing.T, text string) {
		d := doc(t, text)
		if err := testTagger.Extract(d); err != nil {
			t.Fatalf("Extract(%q): %v", text, err)
		}
		checkMentions(t, d)
	})
}

// TestSeedInvariants runs the fuzz invariants on the seeds in normal test runs.
func TestSeedInvariants(t *testing.T) {
	for _, s := range seeds(t) {
		d := doc(t, s)
		if err := testTagger.Extract(d); err != nil {
			t.Fatal(err)
		}
		checkMentions(t, d)
		if len(d.Mentions) == 0 {
			t.Errorf("no mentions in %.40q", s)
		}
	}
}
