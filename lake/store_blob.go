package lake

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"github.com/communique/communique/objstore"
)

// blobStore is an output root in an object store, such as
// s3://bucket/prefix. A part file is uploaded while it is written and the
// object appears only when its writer closes successfully; a writer aborted
// before (its context cancelled) leaves no object. The run manifest is
// created with a conditional write (If-None-Match: *), so of two commits
// exactly one publishes. There are no locks: Kubernetes runs one pod per
// shard index, and `communique commit` relies on the conditional write.
type blobStore struct {
	loc     objstore.Location
	bucket  *objstore.Bucket // prefixed with loc.Key, so keys are relative to the root
	buckets objstore.Buckets
}

// Part files are uploaded in parts of partSize bytes, one at a time: with
// six tables a shard buffers at most 6 × 2 parts.
const partSize = 8 << 20

func openBlobStore(ctx context.Context, out string) (*blobStore, error) {
	loc, err := objstore.ParseLocation(out)
	if err != nil {
		return nil, err
	}
	loc.Key = strings.Trim(loc.Key, "/")
	s := &blobStore{loc: loc}
	b, err := s.buckets.Get(ctx, loc.Bucket)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", s, err)
	}
	s.bucket = b
	if loc.Key != "" {
		s.bucket = b.Prefixed(loc.Key + "/")
	}
	return s, nil
}

func (s *blobStore) String() string { return s.loc.Name(s.loc.Key) }

func (s *blobStore) location(key string) string {
	if s.loc.Key == "" {
		return s.loc.Name(key)
	}
	return s.loc.Name(s.loc.Key + "/" + key)
}

func (s *blobStore) lock(string, bool) (func(), error) { return func() {}, nil }

func (s *blobStore) create(ctx context.Context, _, key string) (partFile, error) {
	w := s.bucket.NewWriter(ctx, key, objstore.WriteOptions{ContentType: "application/vnd.apache.parquet", PartSize: partSize})
	return &blobPart{w: w, name: s.location(key)}, nil
}

// blobPart is an object being uploaded.
type blobPart struct {
	w    *objstore.Writer
	name string
}

func (p *blobPart) Write(b []byte) (int, error) { return p.w.Write(b) }

// Close completes the upload: the object appears now, or not at all.
func (p *blobPart) Close() error {
	if err := p.w.Close(); err != nil {
		return fmt.Errorf("upload %s: %w", p.name, err)
	}
	return nil
}

// Abort cancels the upload before it completes, so no object appears.
func (p *blobPart) Abort() { p.w.Abort() }

func (s *blobStore) publish(context.Context, string, string) error { return nil }

func (s *blobStore) pendingKey(key string) string { return key }

func (s *blobStore) copy(ctx context.Context, src, dst string) error {
	if err := s.bucket.Copy(ctx, dst, src); err != nil {
		return fmt.Errorf("copy %s to %s: %w", s.location(src), s.location(dst), err)
	}
	return nil
}

func (s *blobStore) clearStage(string) error { return nil }

func (s *blobStore) read(ctx context.Context, key string) ([]byte, error) {
	b, err := s.bucket.ReadAll(ctx, key)
	if err != nil {
		return nil, objstore.NotFound(err, s.location(key))
	}
	return b, nil
}

func (s *blobStore) write(ctx context.Context, key string, b []byte) error {
	return s.bucket.WriteAll(ctx, key, b, objstore.WriteOptions{ContentType: "application/json"})
}

func (s *blobStore) createExclusive(ctx context.Context, key string, b []byte) (bool, error) {
	err := s.bucket.WriteAll(ctx, key, b, objstore.WriteOptions{ContentType: "application/json", IfNotExist: true})
	if errors.Is(err, objstore.ErrPrecondition) {
		return false, nil
	}
	return err == nil, err
}

func (s *blobStore) listDir(ctx context.Context, dir string) ([]string, error) {
	return s.list(ctx, dir, true)
}

func (s *blobStore) listTree(ctx context.Context, dir string) ([]string, error) {
	return s.list(ctx, dir, false)
}

// list returns the keys of the objects under dir: those directly under it
// (flat), or at any depth.
func (s *blobStore) list(ctx context.Context, dir string, flat bool) ([]string, error) {
	objs, err := s.bucket.List(ctx, dir, flat)
	if err != nil {
		return nil, fmt.Errorf("list %s: %w", s.location(dir), err)
	}
	var keys []string
	for _, obj := range objs {
		if !obj.IsDir {
			keys = append(keys, obj.Key)
		}
	}
	return keys, nil
}

func (s *blobStore) removeTree(ctx context.Context, dir string) error {
	keys, err := s.listTree(ctx, dir)
	if err != nil {
		return err
	}
	for _, k := range keys {
		if err := s.remove(ctx, k); err != nil {
			return fmt.Errorf("remove %s: %w", s.location(k), err)
		}
	}
	return nil
}

func (s *blobStore) remove(ctx context.Context, key string) error {
	return s.bucket.Delete(ctx, key)
}

func (s *blobStore) open(ctx context.Context, key string) (*openFile, error) {
	size, err := s.bucket.Attributes(ctx, key)
	if err != nil {
		return nil, objstore.NotFound(err, s.location(key))
	}
	r := objstore.NewRangeReaderAt(ctx, s.bucket, key, size)
	return &openFile{ReaderAt: r, size: size, remote: true, close: func() error { return nil }}, nil
}

// Close closes the bucket (the prefixed view shares the underlying one).
func (s *blobStore) Close() error { return s.buckets.Close() }
