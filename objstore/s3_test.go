//go:build !nos3

package objstore_test

import (
	"bytes"
	"context"
	"errors"
	"io"
	"io/fs"
	"testing"

	"github.com/communique/communique/objstore"
	"github.com/communique/communique/objstore/objstoretest"
)

// bucket opens the bucket of an in-process S3 server.
func bucket(t *testing.T) (*objstoretest.FakeS3, *objstore.Bucket) {
	t.Helper()
	s3 := objstoretest.NewFakeS3(t, "lake")
	var bs objstore.Buckets
	t.Cleanup(func() { bs.Close() })
	loc, err := objstore.ParseLocation(s3.URL("lake", ""))
	if err != nil {
		t.Fatal(err)
	}
	b, err := bs.Get(context.Background(), loc.Bucket)
	if err != nil {
		t.Fatal(err)
	}
	return s3, b
}

// TestWriterParts uploads objects smaller and larger than a part, and one
// aborted: the complete ones read back byte for byte, the aborted one is absent.
func TestWriterParts(t *testing.T) {
	s3, b := bucket(t)
	ctx := context.Background()
	data := bytes.Repeat([]byte("0123456789abcdef"), 12<<20/16)
	for _, tc := range []struct {
		name  string
		size  int
		abort bool
	}{
		{"one request", 1000, false},
		{"three parts", len(data), false},
		{"aborted", len(data), true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			w := b.Prefixed("p/").NewWriter(ctx, tc.name, objstore.WriteOptions{PartSize: 5 << 20})
			if _, err := w.Write(data[:tc.size]); err != nil {
				t.Fatal(err)
			}
			if tc.abort {
				w.Abort()
				if keys := s3.Keys(t, "lake", "p/"+tc.name); len(keys) != 0 {
					t.Errorf("aborted upload left %v", keys)
				}
				return
			}
			if err := w.Close(); err != nil {
				t.Fatalf("Close = %v", err)
			}
			if got := s3.Get(t, "lake", "p/"+tc.name); !bytes.Equal(got, data[:tc.size]) {
				t.Errorf("object of %d bytes read back as %d different bytes", tc.size, len(got))
			}
		})
	}
}

// TestReadsAndConditions checks ranged reads, a missing object as
// fs.ErrNotExist, a conditional create of an existing object and a copy.
func TestReadsAndConditions(t *testing.T) {
	s3, b := bucket(t)
	ctx := context.Background()
	s3.Put(t, "lake", "dir/a.json", []byte("0123456789"))
	rc, err := b.NewRangeReader(ctx, "dir/a.json", 3, 4)
	if err != nil {
		t.Fatal(err)
	}
	got, err := io.ReadAll(rc)
	rc.Close()
	if string(got) != "3456" || err != nil {
		t.Errorf("NewRangeReader(3, 4) read %q, %v; want 3456", got, err)
	}
	if size, err := b.Attributes(ctx, "dir/a.json"); size != 10 || err != nil {
		t.Errorf("Attributes = %d, %v; want 10", size, err)
	}
	if _, err := b.NewReader(ctx, "dir/none"); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("NewReader of a missing object = %v; want fs.ErrNotExist", err)
	}
	if _, err := b.Attributes(ctx, "dir/none"); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("Attributes of a missing object = %v; want fs.ErrNotExist", err)
	}
	if err := b.Delete(ctx, "dir/none"); err != nil {
		t.Errorf("Delete of a missing object = %v; want nil", err)
	}
	if err := b.WriteAll(ctx, "dir/b.json", []byte("{}"), objstore.WriteOptions{IfNotExist: true}); err != nil {
		t.Errorf("conditional create = %v", err)
	}
	if err := b.WriteAll(ctx, "dir/b.json", []byte("{}"), objstore.WriteOptions{IfNotExist: true}); !errors.Is(err, objstore.ErrPrecondition) {
		t.Errorf("second conditional create = %v; want ErrPrecondition", err)
	}
	if err := b.Copy(ctx, "dir/c.json", "dir/a.json"); err != nil {
		t.Errorf("Copy = %v", err)
	} else if got := s3.Get(t, "lake", "dir/c.json"); string(got) != "0123456789" {
		t.Errorf("copy holds %q; want 0123456789", got)
	}
	objs, err := b.Prefixed("dir/").List(ctx, "", true)
	if err != nil || len(objs) != 3 || objs[0].Key != "a.json" || objs[1].Key != "b.json" {
		t.Errorf("List = %v, %v; want a.json, b.json and c.json", objs, err)
	}
}
