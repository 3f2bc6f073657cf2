package pipeline_test

import (
	"flag"
	"fmt"
	"math/rand/v2"
	"strconv"
	"strings"
	"testing"

	"github.com/communique/communique/models"
	"github.com/communique/communique/textnorm"
)

// benchSizes are the article sizes BenchmarkArticleSize analyses, in KB:
// go test -bench ArticleSize -args -sizes 100,1000,4000,8000.
var benchSizes = flag.String("sizes", "100,1000", "article sizes in KB for BenchmarkArticleSize")

// longText returns about n bytes of news-like text: the paragraphs of the
// gold and sample articles in a fixed shuffled order, repeated.
func longText(tb testing.TB, n int) string {
	var paras []string
	for _, t := range sourceTexts(tb) {
		for _, p := range strings.Split(t, "\n") {
			if strings.TrimSpace(p) != "" {
				paras = append(paras, p)
			}
		}
	}
	rng := rand.New(rand.NewPCG(17, 17))
	var b strings.Builder
	for b.Len() < n {
		b.WriteString(paras[rng.IntN(len(paras))])
		b.WriteString("\n\n")
	}
	return b.String()
}

// BenchmarkArticleSize analyses one long article of each size and reports
// seconds per MB: flat when the extractors are linear in the article.
func BenchmarkArticleSize(b *testing.B) {
	for _, f := range strings.Split(*benchSizes, ",") {
		kb, err := strconv.Atoi(strings.TrimSpace(f))
		if err != nil {
			b.Fatalf("-sizes %q: %v", *benchSizes, err)
		}
		text, _ := textnorm.Normalize(longText(b, kb*1000))
		b.Run(fmt.Sprintf("%dKB", kb), func(b *testing.B) {
			for b.Loop() {
				if _, err := analyzer.Analyze(models.Article{ArticleID: "long", Text: text}); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(b.Elapsed().Seconds()/float64(b.N)/(float64(len(text))/1e6), "s/MB")
		})
	}
}

// BenchmarkShortArticles analyses short news items of about 85 tokens (two
// or three sentences, like wire briefs), where the fixed cost per article
// counts, and reports tokens per second.
func BenchmarkShortArticles(b *testing.B) {
	var arts []string
	for _, t := range sourceTexts(b) {
		for _, p := range strings.Split(t, "\n") {
			if len(p) > 300 {
				arts = append(arts, p[:min(len(p), 520)])
			}
		}
	}
	tokens := 0
	for b.Loop() {
		for i, t := range arts {
			d, err := analyzer.Analyze(models.Article{ArticleID: strconv.Itoa(i), Text: t})
			if err != nil {
				b.Fatal(err)
			}
			tokens += len(d.Tokens)
		}
	}
	b.ReportMetric(float64(tokens)/b.Elapsed().Seconds(), "tokens/s")
	b.ReportMetric(float64(tokens)/float64(b.N*len(arts)), "tokens/article")
}
