package pipeline_test

import (
	"bufio"
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"syscall"
	"testing"

	"github.com/jdkato/prose/v2"

	"github.com/communique/communique/extractors"
	"github.com/communique/communique/extractors/entities"
	"github.com/communique/communique/extractors/segment"
	"github.com/communique/communique/extractors/stances"
	"github.com/communique/communique/lake"
	"github.com/communique/communique/models"
	"github.com/communique/communique/pipeline"
	"github.com/communique/communique/textnorm"
)

// benchArticles is the size of the generated benchmark corpus: go test -bench Run -args -articles=N.
var benchArticles = flag.Int("articles", 10000, "articles in the generated benchmark corpus")

// sourceTexts returns the texts of the gold and sample articles.
func sourceTexts(tb testing.TB) []string {
	tb.Helper()
	var texts []string
	for _, p := range []string{"../data/gold/dev.jsonl", "../data/samples/seeds.jsonl"} {
		f, err := os.Open(p)
		if err != nil {
			tb.Fatal(err)
		}
		sc := bufio.NewScanner(f)
		sc.Buffer(nil, 1<<20)
		for sc.Scan() {
			var a struct{ Text string }
			if err := json.Unmarshal(sc.Bytes(), &a); err != nil {
				tb.Fatal(err)
			}
			texts = append(texts, a.Text)
		}
		f.Close()
	}
	return texts
}

// genCorpus writes n articles made by shuffling the paragraphs of the gold
// and sample articles with a fixed seed, so every run benchmarks the same text.
func genCorpus(tb testing.TB, dir string, n int) (path string, bytes int64) {
	tb.Helper()
	var paras []string
	for _, t := range sourceTexts(tb) {
		for _, p := range strings.Split(t, "\n") {
			if strings.TrimSpace(p) != "" {
				paras = append(paras, p)
			}
		}
	}
	rng := rand.New(rand.NewPCG(1, 2))
	path = filepath.Join(dir, fmt.Sprintf("corpus-%d.jsonl", n))
	f, err := os.Create(path)
	if err != nil {
		tb.Fatal(err)
	}
	w := bufio.NewWriter(f)
	for i := range n {
		k := 4 + rng.IntN(8)
		parts := make([]string, k)
		for j := range parts {
			parts[j] = paras[rng.IntN(len(paras))]
		}
		b, _ := json.Marshal(map[string]string{"id": fmt.Sprintf("bench-%06d", i), "published": "2024-01-01", "text": strings.Join(parts, "\n\n")})
		w.Write(b)
		w.WriteByte('\n')
	}
	w.Flush()
	f.Close()
	st, _ := os.Stat(path)
	return path, st.Size()
}

// rusage returns the process's resource usage; it fails the benchmark if
// the system does not say.
func rusage(tb testing.TB) syscall.Rusage {
	tb.Helper()
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		tb.Fatalf("getrusage: %v", err)
	}
	return ru
}

// peakRSSMB returns the process's peak resident set size in MB.
func peakRSSMB(tb testing.TB) float64 {
	tb.Helper()
	return float64(rusage(tb).Maxrss) / 1024
}

// cpuSeconds returns the user and system CPU time the process has used.
func cpuSeconds(tb testing.TB) float64 {
	tb.Helper()
	ru := rusage(tb)
	return float64(ru.Utime.Nano()+ru.Stime.Nano()) / 1e9
}

// BenchmarkRun measures the whole pipeline, reading to committed Parquet, on
// the generated corpus: tokens/s, articles/s and peak RSS, and tokens per
// second of the process's CPU time (tokens/cpu-s), which other processes on
// a shared machine disturb less than the wall-clock figures.
func BenchmarkRun(b *testing.B) {
	path, size := genCorpus(b, b.TempDir(), *benchArticles)
	for _, workers := range []int{1, runtime.NumCPU()} {
		b.Run(fmt.Sprintf("workers=%d", workers), func(b *testing.B) {
			var tokens int64
			var articles int
			b.SetBytes(size)
			cpu := cpuSeconds(b)
			for i := range b.N {
				out := b.TempDir()
				sum, err := pipeline.Run(context.Background(), analyzer, pipeline.Config{
					Inputs: []string{path}, Out: out, Workers: workers, RunID: fmt.Sprintf("bench-%d", i),
				})
				if err != nil {
					b.Fatal(err)
				}
				articles += sum.Articles
				tokens += tokensIn(b, out)
			}
			s := b.Elapsed().Seconds()
			cpu = cpuSeconds(b) - cpu
			b.ReportMetric(float64(tokens)/s, "tokens/s")
			b.ReportMetric(float64(tokens)/cpu, "tokens/cpu-s")
			b.ReportMetric(float64(tokens)/s/float64(workers), "tokens/s/worker")
			b.ReportMetric(float64(articles)/s, "articles/s")
			b.ReportMetric(peakRSSMB(b), "peak-RSS-MB")
		})
	}
}

// tokensIn sums n_tokens over a run's articles table.
func tokensIn(tb testing.TB, out string) int64 {
	tb.Helper()
	st, err := lake.LoadState(out)
	if err != nil {
		tb.Fatal(err)
	}
	var n int64
	for _, m := range st.Manifests {
		n += m.Tokens
	}
	return n
}

// stageDocs segments the source texts once, for the extractor benchmarks.
func stageDocs(b *testing.B, seg *segment.Segmenter) ([]*extractors.Doc, int) {
	var docs []*extractors.Doc
	tokens := 0
	for i, t := range sourceTexts(b) {
		sents, toks, err := seg.Segment(t)
		if err != nil {
			b.Fatal(err)
		}
		tokens += len(toks)
		docs = append(docs, extractors.NewDoc(models.Article{ArticleID: fmt.Sprint(i), Text: t}, sents, toks))
	}
	return docs, tokens
}

func BenchmarkNormalize(b *testing.B) {
	texts := sourceTexts(b)
	var size int64
	for _, t := range texts {
		size += int64(len(t))
	}
	b.SetBytes(size)
	b.ReportAllocs()
	for b.Loop() {
		for _, t := range texts {
			textnorm.Normalize(t)
		}
	}
}

func BenchmarkSegment(b *testing.B) {
	seg, err := segment.New()
	if err != nil {
		b.Fatal(err)
	}
	texts := sourceTexts(b)
	_, tokens := stageDocs(b, seg)
	b.ReportAllocs()
	for b.Loop() {
		for _, t := range texts {
			seg.Segment(t)
		}
	}
	b.ReportMetric(float64(tokens)*float64(b.N)/b.Elapsed().Seconds(), "tokens/s")
}

func benchExtractor(b *testing.B, x extractors.Extractor, before ...extractors.Extractor) {
	seg, err := segment.New()
	if err != nil {
		b.Fatal(err)
	}
	docs, tokens := stageDocs(b, seg)
	for _, d := range docs {
		for _, e := range before {
			e.Extract(d)
		}
	}
	b.ReportAllocs()
	for b.Loop() {
		for _, d := range docs {
			saved := *d
			if err := x.Extract(d); err != nil {
				b.Fatal(err)
			}
			*d = saved
		}
	}
	b.ReportMetric(float64(tokens)*float64(b.N)/b.Elapsed().Seconds(), "tokens/s")
}

func BenchmarkEntities(b *testing.B) {
	ents, err := entities.New()
	if err != nil {
		b.Fatal(err)
	}
	benchExtractor(b, ents)
}

func BenchmarkStances(b *testing.B) {
	ents, err := entities.New()
	if err != nil {
		b.Fatal(err)
	}
	st, err := stances.New()
	if err != nil {
		b.Fatal(err)
	}
	benchExtractor(b, st, ents)
}

func BenchmarkParquetWrite(b *testing.B) {
	seg, _ := segment.New()
	docs, tokens := stageDocs(b, seg)
	an := analyzer
	var rows []lake.Rows
	for _, d := range docs {
		dd, err := an.Analyze(d.Article)
		if err != nil {
			b.Fatal(err)
		}
		rows = append(rows, lake.Rows{
			Articles: []models.Article{dd.Article}, Sentences: dd.SentenceRows(), Entities: dd.EntityRows(),
			Commitments: dd.Commitments, Positions: dd.Positions,
		})
	}
	b.ReportAllocs()
	dir := b.TempDir()
	i := 0
	for b.Loop() {
		i++
		w, err := lake.NewWriters(func(t string) string { return filepath.Join(dir, fmt.Sprint(i), t+".parquet") }, nil)
		if err != nil {
			b.Fatal(err)
		}
		for k := range rows {
			if err := w.Write(&rows[k]); err != nil {
				b.Fatal(err)
			}
		}
		if _, err := w.Close(); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(tokens)*float64(b.N)/b.Elapsed().Seconds(), "tokens/s")
}

// BenchmarkProse is the baseline: prose alone on the generated corpus, with
// one model built once, on one goroutine: NER, tagging and tokenizing without
// sentence segmentation, and segmentation plus tagging (prose builds its
// sentence model again for every document).
func BenchmarkProse(b *testing.B) {
	path, _ := genCorpus(b, b.TempDir(), min(*benchArticles, 2000))
	texts := corpusTexts(b, path)
	for _, cfg := range []struct {
		name string
		opts []prose.DocOpt
	}{
		{"ner", []prose.DocOpt{prose.WithSegmentation(false)}},
		{"tag", []prose.DocOpt{prose.WithSegmentation(false), prose.WithExtraction(false)}},
		{"tokenize", []prose.DocOpt{prose.WithSegmentation(false), prose.WithExtraction(false), prose.WithTagging(false)}},
		{"segment+tag", []prose.DocOpt{prose.WithExtraction(false)}},
	} {
		b.Run(cfg.name, func(b *testing.B) {
			base, err := prose.NewDocument("", cfg.opts...)
			if err != nil {
				b.Fatal(err)
			}
			opts := append([]prose.DocOpt{prose.UsingModel(base.Model)}, cfg.opts...)
			tokens := 0
			for b.Loop() {
				for _, t := range texts {
					d, err := prose.NewDocument(t, opts...)
					if err != nil {
						b.Fatal(err)
					}
					tokens += len(d.Tokens())
				}
			}
			b.ReportMetric(float64(tokens)/b.Elapsed().Seconds(), "tokens/s")
		})
	}
}

// corpusTexts reads the texts of a generated corpus.
func corpusTexts(tb testing.TB, path string) []string {
	f, err := os.Open(path)
	if err != nil {
		tb.Fatal(err)
	}
	defer f.Close()
	var texts []string
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 1<<20)
	for sc.Scan() {
		var a struct{ Text string }
		json.Unmarshal(sc.Bytes(), &a)
		texts = append(texts, a.Text)
	}
	return texts
}

// BenchmarkMemory runs the pipeline in a child process on 1,000, 10,000 and
// 100,000 articles and reports each child's peak RSS: it must stay flat.
func BenchmarkMemory(b *testing.B) {
	dir := b.TempDir()
	for _, n := range []int{1000, 10000, 100000} {
		path, _ := genCorpus(b, dir, n)
		b.Run(fmt.Sprintf("articles=%d", n), func(b *testing.B) {
			var peak, live float64
			for i := range b.N {
				cmd := exec.Command(os.Args[0], "-test.run=^$")
				cmd.Env = append(os.Environ(), "COMMUNIQUE_CHILD_RUN=1", "COMMUNIQUE_CHILD_OUT="+filepath.Join(dir, fmt.Sprintf("out-%d-%d", n, i)),
					"COMMUNIQUE_CHILD_IN="+path, "COMMUNIQUE_CHILD_RUNID=mem", "COMMUNIQUE_CHILD_QUIET=1")
				out, err := cmd.CombinedOutput()
				if err != nil {
					b.Fatalf("child: %v\n%s", err, out)
				}
				ru := cmd.ProcessState.SysUsage().(*syscall.Rusage)
				peak = max(peak, float64(ru.Maxrss)/1024)
				var n int64
				if _, err := fmt.Sscanf(string(out[strings.LastIndex(string(out), "live-heap-bytes"):]), "live-heap-bytes %d", &n); err == nil {
					live = max(live, float64(n)/(1<<20))
				}
			}
			b.ReportMetric(peak, "peak-RSS-MB")
			b.ReportMetric(live, "live-heap-MB")
			b.ReportMetric(float64(n)*float64(b.N)/b.Elapsed().Seconds(), "articles/s")
		})
	}
}
