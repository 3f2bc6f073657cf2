package segment

import (
	"bufio"
	"encoding/json"
	"os"
	"strings"
	"testing"

	"github.com/jdkato/prose/v2"
)

// TestTaggerMatchesProse tags the gold and sample articles line by line with
// prose and with the compact tagger; the tags must agree. prose's tokenizer
// caches tokens by text and hands out the same *Token for a repeated word, so
// the tag prose reports for a word that occurs twice in a line is the tag of
// its last occurrence; such words are not compared. prose breaks score ties
// at random, so a handful of differences is allowed.
func TestTaggerMatchesProse(t *testing.T) {
	tg, err := newTagger()
	if err != nil {
		t.Fatal(err)
	}
	base, err := prose.NewDocument("", prose.WithSegmentation(false), prose.WithExtraction(false))
	if err != nil {
		t.Fatal(err)
	}
	texts := testLines(t)
	total, diff := 0, 0
	for _, text := range texts {
		doc, err := prose.NewDocument(text, prose.UsingModel(base.Model), prose.WithSegmentation(false), prose.WithExtraction(false))
		if err != nil {
			t.Fatal(err)
		}
		ptoks := doc.Tokens()
		words := make([]string, len(ptoks))
		toks := make([]Token, len(ptoks))
		for i, pt := range ptoks {
			words[i] = pt.Text
		}
		tg.tag(words, toks)
		seen := map[string]int{}
		for _, w := range words {
			seen[w]++
		}
		for i, pt := range ptoks {
			if seen[pt.Text] > 1 {
				continue
			}
			total++
			if toks[i].Tag != pt.Tag {
				diff++
				t.Logf("%q: prose %s, tagger %s", pt.Text, pt.Tag, toks[i].Tag)
			}
		}
	}
	if total < 1000 || diff > total/1000 {
		t.Errorf("%d of %d tags differ from prose", diff, total)
	}
}

// testLines returns the non-blank lines of the gold and sample articles.
func testLines(tb testing.TB) []string {
	tb.Helper()
	var lines []string
	for _, p := range []string{"../../data/gold/dev.jsonl", "../../data/samples/seeds.jsonl"} {
		f, err := os.Open(p)
		if err != nil {
			tb.Fatal(err)
		}
		sc := bufio.NewScanner(f)
		sc.Buffer(nil, 1<<20)
		for sc.Scan() {
			var a struct{ Text string }
			if err := json.Unmarshal(sc.Bytes(), &a); err != nil {
				tb.Fatalf("%s: %v", p, err)
			}
			for _, line := range strings.Split(a.Text, "\n") {
				if strings.TrimSpace(line) != "" {
					lines = append(lines, line)
				}
			}
		}
		f.Close()
	}
	return lines
}

// BenchmarkTag tags the words prose's tokenizer makes of the gold and
// sample lines, one line a sentence.
func BenchmarkTag(b *testing.B) {
	tg, err := newTagger()
	if err != nil {
		b.Fatal(err)
	}
	var lines [][]string
	tokens, size := 0, 0
	for _, text := range testLines(b) {
		size += len(text)
		words, panicked := proseSplit(text)
		if panicked {
			b.Fatalf("prose panicked on %q", text)
		}
		lines = append(lines, words)
		tokens += len(words)
	}
	toks := make([]Token, tokens)
	b.SetBytes(int64(size))
	b.ReportAllocs()
	for b.Loop() {
		for _, words := range lines {
			tg.tag(words, toks[:len(words)])
		}
	}
	b.ReportMetric(float64(tokens)*float64(b.N)/b.Elapsed().Seconds(), "tokens/s")
}
