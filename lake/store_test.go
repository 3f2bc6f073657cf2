package lake

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io/fs"
	"strings"
	"sync"
	"testing"

	"github.com/communique/communique/objstore/objstoretest"
)

// testStores returns a local store and one on an in-process S3 server.
func testStores(t *testing.T) map[string]store {
	t.Helper()
	ctx := context.Background()
	s3 := objstoretest.NewFakeS3(t, "out")
	bs, err := openStore(ctx, s3.URL("out", "root"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { bs.Close() })
	return map[string]store{"disk": &diskStore{root: t.TempDir()}, "s3": bs}
}

// TestCreateExclusiveRace races writers creating the same run manifest:
// exactly one wins every round, and the object is the winner's, whole.
func TestCreateExclusiveRace(t *testing.T) {
	rounds := map[string]int{"disk": 300, "s3": 30}
	for name, st := range testStores(t) {
		t.Run(name, func(t *testing.T) {
			ctx := context.Background()
			const writers = 4
			for round := range rounds[name] {
				key := fmt.Sprintf("_runs/r%d.json", round)
				var mu sync.Mutex
				var winners []int
				var wg sync.WaitGroup
				for w := range writers {
					wg.Go(func() {
						ok, err := st.createExclusive(ctx, key, []byte(fmt.Sprintf("writer %d %s", w, strings.Repeat("x", 4096))))
						if err != nil {
							t.Errorf("round %d writer %d: %v", round, w, err)
						}
						if ok {
							mu.Lock()
							winners = append(winners, w)
							mu.Unlock()
						}
					})
				}
				wg.Wait()
				if len(winners) != 1 {
					t.Fatalf("round %d: winners %v; want exactly one", round, winners)
				}
				b, err := st.read(ctx, key)
				if err != nil || !bytes.HasPrefix(b, []byte(fmt.Sprintf("writer %d ", winners[0]))) || len(b) != 4096+9 {
					t.Fatalf("round %d: manifest %.12q (%d bytes), %v; want writer %d's", round, b, len(b), err, winners[0])
				}
			}
		})
	}
}

// TestPartFiles writes, publishes and reads back a part file, and checks
// that an aborted one leaves nothing at its key.
func TestPartFiles(t *testing.T) {
	for name, st := range testStores(t) {
		t.Run(name, func(t *testing.T) {
			ctx := context.Background()
			body := bytes.Repeat([]byte("parquet "), 1<<17) // 1 MiB
			big := bytes.Repeat(body, 3*partSize/len(body)) // a multipart upload
			f, err := st.create(ctx, "r/shard-0", "entities/ingest_date=2026-11-23/part-r-0.parquet")
			if err != nil {
				t.Fatal(err)
			}
			if _, err := f.Write(big); err != nil {
				t.Fatal(err)
			}
			if err := f.Close(); err != nil {
				t.Fatal(err)
			}
			if err := st.publish(ctx, "r/shard-0", "entities/ingest_date=2026-11-23/part-r-0.parquet"); err != nil {
				t.Fatal(err)
			}
			// Published, it waits at its pending key; copy keeps it elsewhere
			// too (on disk a hard link), as history does.
			pending := st.pendingKey("entities/ingest_date=2026-11-23/part-r-0.parquet")
			if err := st.copy(ctx, pending, "_history/r/copy.parquet"); err != nil {
				t.Fatal(err)
			}
			of, err := st.open(ctx, "_history/r/copy.parquet")
			if err != nil {
				t.Fatal(err)
			}
			got := make([]byte, of.size)
			if _, err := of.ReadAt(got, 0); err != nil || !bytes.Equal(got, big) {
				t.Errorf("read back %d bytes, %v; want the %d written", len(got), err, len(big))
			}
			tail := make([]byte, 10)
			if n, err := of.ReadAt(tail, of.size-4); n != 4 || err == nil {
				t.Errorf("ReadAt past the end = %d, %v; want 4, io.EOF", n, err)
			}
			of.close()

			// Aborted, or its context cancelled, before Close: no object (on
			// disk, no file at the key), whether the upload had started
			// (over partSize bytes: a multipart upload) or not.
			for i, size := range []int{len(body), 3 * partSize} {
				key := fmt.Sprintf("entities/ingest_date=2026-11-23/part-r-%d.parquet", i+1)
				a, err := st.create(ctx, "r/shard-1", key)
				if err != nil {
					t.Fatal(err)
				}
				for range size / len(body) {
					a.Write(body)
				}
				a.Abort()
				if _, err := st.open(ctx, key); !errors.Is(err, fs.ErrNotExist) {
					t.Errorf("aborted part file of %d bytes: open = %v; want not found", size, err)
				}
				cctx, cancel := context.WithCancel(ctx)
				c, err := st.create(cctx, "r/shard-2", key)
				if err != nil {
					t.Fatal(err)
				}
				for range size / len(body) {
					c.Write(body)
				}
				cancel()
				if err := c.Close(); name == "s3" && err == nil {
					t.Errorf("Close after cancel = nil; want the cancellation")
				}
				if _, err := st.open(ctx, key); name == "s3" && !errors.Is(err, fs.ErrNotExist) {
					t.Errorf("cancelled upload of %d bytes: open = %v; want not found", size, err)
				}
			}
		})
	}
}

// TestManifestFiles checks write (replace), read, listDir and remove.
func TestManifestFiles(t *testing.T) {
	for name, st := range testStores(t) {
		t.Run(name, func(t *testing.T) {
			ctx := context.Background()
			for _, k := range []string{"_runs/a.json", "_runs/b.json", "_runs/b/shard-0.json"} {
				if err := st.write(ctx, k, []byte("1")); err != nil {
					t.Fatal(err)
				}
			}
			st.write(ctx, "_runs/a.json", []byte("2"))
			if b, err := st.read(ctx, "_runs/a.json"); string(b) != "2" || err != nil {
				t.Errorf("read = %q, %v; want the replacement", b, err)
			}
			keys, err := st.listDir(ctx, "_runs/")
			if err != nil || strings.Join(keys, " ") != "_runs/a.json _runs/b.json" {
				t.Errorf("listDir = %v, %v; want the two files directly under _runs/", keys, err)
			}
			if err := st.remove(ctx, "_runs/a.json"); err != nil {
				t.Fatal(err)
			}
			if err := st.remove(ctx, "_runs/a.json"); err != nil {
				t.Errorf("removing a missing key = %v; want nil", err)
			}
			if _, err := st.read(ctx, "_runs/a.json"); !errors.Is(err, fs.ErrNotExist) {
				t.Errorf("read of a removed key = %v; want fs.ErrNotExist", err)
			}
		})
	}
}

// TestLocks checks which local locks exclude which: a run without shards
// excludes everything; shards of a run share the root and run locks; a
// shard cannot run twice; commit excludes the run's shards.
func TestLocks(t *testing.T) {
	st := &diskStore{root: t.TempDir()}
	cfg := func(shards, shard int) SessionConfig {
		return SessionConfig{RunID: "r", Shards: shards, ShardIndex: shard}
	}
	commitLock := func() (func(), error) { return st.lock("r", true) }
	steps := []struct {
		name    string
		first   func() (func(), error)
		second  func() (func(), error)
		blocked bool
	}{
		{"run, run", func() (func(), error) { return lockRun(st, cfg(0, 0)) }, func() (func(), error) { return lockRun(st, cfg(0, 0)) }, true},
		{"run, shard", func() (func(), error) { return lockRun(st, cfg(0, 0)) }, func() (func(), error) { return lockRun(st, cfg(2, 0)) }, true},
		{"shard, run", func() (func(), error) { return lockRun(st, cfg(2, 0)) }, func() (func(), error) { return lockRun(st, cfg(0, 0)) }, true},
		{"shard 0, shard 1", func() (func(), error) { return lockRun(st, cfg(2, 0)) }, func() (func(), error) { return lockRun(st, cfg(2, 1)) }, false},
		{"shard 1, shard 1", func() (func(), error) { return lockRun(st, cfg(2, 1)) }, func() (func(), error) { return lockRun(st, cfg(2, 1)) }, true},
		{"shard, commit", func() (func(), error) { return lockRun(st, cfg(2, 1)) }, commitLock, true},
		{"commit, shard", commitLock, func() (func(), error) { return lockRun(st, cfg(2, 1)) }, true},
	}
	for _, tc := range steps {
		t.Run(tc.name, func(t *testing.T) {
			u1, err := tc.first()
			if err != nil {
				t.Fatal(err)
			}
			defer u1()
			u2, err := tc.second()
			if err == nil {
				u2()
			}
			if blocked := errors.Is(err, ErrLocked); blocked != tc.blocked {
				t.Errorf("second lock: %v; want blocked = %v", err, tc.blocked)
			}
		})
	}
}

// TestOpenS3 checks the query parameters an s3:// URL takes.
func TestOpenS3(t *testing.T) {
	s3 := objstoretest.NewFakeS3(t, "bkt")
	base := s3.URL("bkt", "")
	for _, tc := range []struct {
		query string
		want  string // "" for success
	}{
		{"", ""},
		{"&ssetype=AES256", ""},
		{"&accelerate=false", ""},
		{"&accelerate=maybe", `accelerate="maybe"`},
		{"&ssetype=rot13", `ssetype="rot13"`},
		{"&colour=blue", `unknown query parameter "colour"`},
	} {
		t.Run(tc.query, func(t *testing.T) {
			st, err := openStore(context.Background(), base+tc.query)
			if err == nil {
				defer st.Close()
				err = st.write(context.Background(), "x.json", []byte("{}"))
			}
			if tc.want == "" && err != nil || tc.want != "" && (err == nil || !strings.Contains(err.Error(), tc.want)) {
				t.Errorf("openStore(...%s) = %v; want %q", tc.query, err, tc.want)
			}
		})
	}
}
