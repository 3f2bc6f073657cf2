package pipeline_test

import (
	"bufio"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io/fs"
	"math/rand/v2"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/communique/communique/lake"
	"github.com/communique/communique/models"
	"github.com/communique/communique/objstore/objstoretest"
)

// splitCorpus splits a generated corpus into n files of about equal size,
// line by line, in a new directory.
func splitCorpus(tb testing.TB, path string, n int) string {
	tb.Helper()
	dir := filepath.Join(filepath.Dir(path), fmt.Sprintf("split-%d", n))
	os.MkdirAll(dir, 0o755)
	f, err := os.Open(path)
	if err != nil {
		tb.Fatal(err)
	}
	defer f.Close()
	outs := make([]*bufio.Writer, n)
	for i := range outs {
		o, err := os.Create(filepath.Join(dir, fmt.Sprintf("part-%02d.jsonl", i)))
		if err != nil {
			tb.Fatal(err)
		}
		defer o.Close()
		outs[i] = bufio.NewWriter(o)
		defer outs[i].Flush()
	}
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 1<<20)
	for line := 0; sc.Scan(); line++ {
		outs[line%n].Write(append(sc.Bytes(), '\n'))
	}
	return dir
}

// BenchmarkShards runs the generated corpus, split into 16 files, as a
// sharded run: every shard a child process with one worker, all started at
// once (one-core pods), then the commit. articles/s is measured from the
// first start to the commit, so it includes each process's start-up (models
// built, state read) and the commit; articles/cpu-s divides by the CPU time
// of the shard processes, which does not depend on what else the machine runs.
func BenchmarkShards(b *testing.B) {
	path, _ := genCorpus(b, b.TempDir(), *benchArticles)
	in := splitCorpus(b, path, 16)
	for _, shards := range []int{1, 2, 4} {
		b.Run(fmt.Sprintf("shards=%d", shards), func(b *testing.B) {
			articles := 0
			var mu sync.Mutex
			var cpu time.Duration
			for i := range b.N {
				out := filepath.Join(b.TempDir(), "out")
				runID := fmt.Sprintf("bench-%d", i)
				var wg sync.WaitGroup
				for s := range shards {
					wg.Go(func() {
						cmd := shardChild(out, in, runID, shards, s, "1")
						if out, err := cmd.CombinedOutput(); err != nil {
							b.Errorf("shard %d: %v\n%s", s, err, out)
							return
						}
						mu.Lock()
						cpu += cmd.ProcessState.UserTime() + cmd.ProcessState.SystemTime()
						mu.Unlock()
					})
				}
				wg.Wait()
				sum, err := lake.Commit(context.Background(), lake.CommitConfig{Out: out, RunID: runID, Shards: shards})
				if err != nil {
					b.Fatal(err)
				}
				articles += sum.Manifest.Articles
			}
			b.ReportMetric(float64(articles)/b.Elapsed().Seconds(), "articles/s")
			b.ReportMetric(cpu.Seconds()/float64(b.N), "cpu-s/op")
			b.ReportMetric(float64(articles)/cpu.Seconds(), "articles/cpu-s")
		})
	}
}

// committedState writes a committed run of n articles (ids of 12 bytes,
// texts of 330 words drawn from the gold texts) in files of 10,000 rows, as
// a run of n articles would leave it, and returns the files' bytes.
func committedState(b *testing.B, out string, n int) int64 {
	b.Helper()
	m := lake.Manifest{RunID: "state", Rows: lake.Counts{}, Inputs: []models.InputRecord{}}
	var words []string
	for _, t := range sourceTexts(b) {
		words = append(words, strings.Fields(t)...)
	}
	rng := rand.New(rand.NewPCG(3, 4))
	var size int64
	for f := 0; f*10000 < n; f++ {
		rel := fmt.Sprintf("articles/ingest_date=2026-11-23/part-state-%d.parquet", f)
		w, err := lake.NewWriters(func(t string) string {
			if t == lake.TableArticles {
				return filepath.Join(out, rel)
			}
			return filepath.Join(out, "_unused", fmt.Sprint(f), t+".parquet")
		}, nil)
		if err != nil {
			b.Fatal(err)
		}
		rows := 0
		for i := f * 10000; i < min(n, (f+1)*10000); i++ {
			ws := make([]string, 330)
			for k := range ws {
				ws[k] = words[rng.IntN(len(words))]
			}
			t := strings.Join(ws, " ")
			sum := sha256.Sum256([]byte(t))
			a := models.Article{ArticleID: fmt.Sprintf("art-%08d", i), Text: t, ContentSHA256: hex.EncodeToString(sum[:]), RunID: "state"}
			if err := w.Write(&lake.Rows{Articles: []models.Article{a}}); err != nil {
				b.Fatal(err)
			}
			rows++
		}
		if _, err := w.Close(); err != nil {
			b.Fatal(err)
		}
		st, _ := os.Stat(filepath.Join(out, rel))
		size += st.Size()
		m.Files = append(m.Files, lake.FileInfo{Table: lake.TableArticles, Path: rel, Rows: int64(rows)})
	}
	os.RemoveAll(filepath.Join(out, "_unused"))
	j, _ := json.Marshal(m)
	os.MkdirAll(filepath.Join(out, "_runs"), 0o755)
	os.WriteFile(filepath.Join(out, "_runs", "state.json"), j, 0o644)
	return size
}

// BenchmarkLoadState measures what a run (every shard) pays at start for
// the incremental state: time and live heap per committed article, and, from
// an object store, the requests and bytes it downloads.
func BenchmarkLoadState(b *testing.B) {
	const n = 100000
	local := b.TempDir()
	size := committedState(b, local, n)
	s3 := objstoretest.NewFakeS3(b, "lake")
	filepath.WalkDir(local, func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			data, _ := os.ReadFile(p)
			rel, _ := filepath.Rel(local, p)
			s3.Put(b, "lake", "out/"+filepath.ToSlash(rel), data)
		}
		return nil
	})
	for _, tc := range []struct{ name, out string }{{"disk", local}, {"s3", s3.URL("lake", "out")}} {
		b.Run(tc.name, func(b *testing.B) {
			s3.Requests()
			s3.Sent()
			var before, after runtime.MemStats
			runtime.GC()
			runtime.ReadMemStats(&before)
			var st *lake.State
			for range b.N {
				var err error
				if st, err = lake.LoadState(tc.out); err != nil {
					b.Fatal(err)
				}
			}
			b.StopTimer()
			runtime.GC()
			runtime.ReadMemStats(&after)
			if st.Articles() != n {
				b.Fatalf("state of %d articles; want %d", st.Articles(), n)
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*n), "ns/article")
			b.ReportMetric(float64(after.HeapAlloc-before.HeapAlloc)/n, "heap-B/article")
			if tc.name == "s3" {
				reqs := s3.Requests()
				b.ReportMetric(float64(reqs["GET"])/float64(b.N), "GETs/op")
				b.ReportMetric(float64(reqs["HEAD"])/float64(b.N), "HEADs/op")
				b.ReportMetric(float64(s3.Sent())/float64(b.N)/float64(size), "downloaded/stored")
			}
			runtime.KeepAlive(st)
		})
	}
}
