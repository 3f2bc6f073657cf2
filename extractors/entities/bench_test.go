package entities

import (
	"testing"

	"github.com/communique/communique/extractors"
)

// BenchmarkExtract measures the tagger alone on the seed texts, segmented
// beforehand.
func BenchmarkExtract(b *testing.B) {
	var docs []*extractors.Doc
	bytes, tokens := 0, 0
	for _, s := range seeds(b) {
		d := doc(b, s)
		docs = append(docs, d)
		bytes += len(s)
		tokens += len(d.Tokens)
	}
	b.SetBytes(int64(bytes))
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		for _, d := range docs {
			d.Mentions = d.Mentions[:0]
			if err := testTagger.Extract(d); err != nil {
				b.Fatal(err)
			}
		}
	}
	b.ReportMetric(float64(tokens)*float64(b.N)/b.Elapsed().Seconds(), "tokens/s")
}
