package lake

import (
	"context"
	"fmt"
	"io"
	"sort"
	"strings"

	"gocloud.dev/blob"
	"gocloud.dev/gcerrors"

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
	bucket  *blob.Bucket // prefixed with loc.Key, so keys are relative to the root
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
		s.bucket = blob.PrefixedBucket(b, loc.Key+"/")
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
	ctx, cancel := context.WithCancel(ctx)
	w, err := s.bucket.NewWriter(ctx, key, &blob.WriterOptions{
		ContentType: "application/vnd.apache.parquet", BufferSize: partSize, MaxConcurrency: 1,
	})
	if err != nil {
		cancel()
		return nil, fmt.Errorf("create %s: %w", s.location(key), err)
	}
	return &blobPart{w: w, cancel: cancel, name: s.location(key)}, nil
}

// blobPart is an object being uploaded.
type blobPart struct {
	w      *blob.Writer
	cancel context.CancelFunc
	name   string
}

func (p *blobPart) Write(b []byte) (int, error) { return p.w.Write(b) }

// Close completes the upload: the object appears now, or not at all.
func (p *blobPart) Close() error {
	defer p.cancel()
	if err := p.w.Close(); err != nil {
		return fmt.Errorf("upload %s: %w", p.name, err)
	}
	return nil
}

// Abort cancels the upload before it completes, so no object appears.
func (p *blobPart) Abort() {
	p.cancel()
	p.w.Close()
}

func (s *blobStore) publish(context.Context, string, string) error { return nil }

func (s *blobStore) replace(context.Context, string, string) error { return nil }

func (s *blobStore) pendingKey(key string) string { return key }

func (s *blobStore) copy(ctx context.Context, src, dst string) error {
	if err := s.bucket.Copy(ctx, dst, src, nil); err != nil {
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
	return s.bucket.WriteAll(ctx, key, b, &blob.WriterOptions{ContentType: "application/json"})
}

func (s *blobStore) createExclusive(ctx context.Context, key string, b []byte) (bool, error) {
	err := s.bucket.WriteAll(ctx, key, b, &blob.WriterOptions{ContentType: "application/json", IfNotExist: true})
	if gcerrors.Code(err) == gcerrors.FailedPrecondition {
		return false, nil
	}
	return err == nil, err
}

func (s *blobStore) listDir(ctx context.Context, dir string) ([]string, error) {
	it := s.bucket.List(&blob.ListOptions{Prefix: dir, Delimiter: "/"})
	var keys []string
	for {
		obj, err := it.Next(ctx)
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, fmt.Errorf("list %s: %w", s.location(dir), err)
		}
		if !obj.IsDir {
			keys = append(keys, obj.Key)
		}
	}
	sort.Strings(keys)
	return keys, nil
}

func (s *blobStore) remove(ctx context.Context, key string) error {
	if err := s.bucket.Delete(ctx, key); err != nil && gcerrors.Code(err) != gcerrors.NotFound {
		return err
	}
	return nil
}

func (s *blobStore) open(ctx context.Context, key string) (*openFile, error) {
	a, err := s.bucket.Attributes(ctx, key)
	if err != nil {
		return nil, objstore.NotFound(err, s.location(key))
	}
	r := objstore.NewRangeReaderAt(ctx, s.bucket, key, a.Size)
	return &openFile{ReaderAt: r, size: a.Size, remote: true, close: func() error { return nil }}, nil
}

// Close closes the bucket (the prefixed view shares the underlying one).
func (s *blobStore) Close() error { return s.buckets.Close() }
