package stances_test

import (
	"testing"

	"github.com/communique/communique/extractors"
)

// BenchmarkExtract runs the extractor on the gold articles with their gold
// mentions, the rows cleared between runs.
func BenchmarkExtract(b *testing.B) {
	x := newExtractor(b)
	var docs []*extractors.Doc
	bytes, tokens := 0, 0
	for _, a := range readGold(b) {
		d := goldDoc(b, a)
		docs = append(docs, d)
		bytes += len(a.Text)
		tokens += len(d.Tokens)
	}
	b.SetBytes(int64(bytes))
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		for _, d := range docs {
			d.Commitments, d.Positions = d.Commitments[:0], d.Positions[:0]
			if err := x.Extract(d); err != nil {
				b.Fatal(err)
			}
		}
	}
	b.ReportMetric(float64(tokens)*float64(b.N)/b.Elapsed().Seconds(), "tokens/s")
}
