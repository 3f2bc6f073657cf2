package objstore

import (
	"context"
	"errors"
	"io"
	"io/fs"
	"sort"
	"strings"
)

// driver is a store's client for one bucket: keys are full keys in the
// bucket (Bucket adds its prefix), errors are fs.ErrNotExist for a missing
// object and ErrPrecondition for a failed condition. s3.go has the one
// driver, the S3 client, left out of a build with -tags nos3.
type driver interface {
	stat(ctx context.Context, key string) (size int64, err error)
	// get opens n bytes of key from offset off, or the whole object when n < 0.
	get(ctx context.Context, key string, off, n int64) (io.ReadCloser, error)
	// put writes size bytes of r (size -1: unknown, streamed in parts).
	put(ctx context.Context, key string, r io.Reader, size int64, o WriteOptions) error
	// list sends the objects under prefix, recursively or one level (dirs).
	list(ctx context.Context, prefix string, recursive bool) ([]Object, error)
	copy(ctx context.Context, dst, src string) error
	remove(ctx context.Context, key string) error
}

// Bucket is a bucket of an object store, or a key prefix in one. Keys given
// to and returned by its methods are relative to the prefix.
type Bucket struct {
	d      driver
	prefix string
}

// Prefixed returns a view of the bucket under prefix.
func (b *Bucket) Prefixed(prefix string) *Bucket {
	p := *b
	p.prefix = b.prefix + prefix
	return &p
}

// Attributes returns the size of object key.
func (b *Bucket) Attributes(ctx context.Context, key string) (size int64, err error) {
	return b.d.stat(ctx, b.prefix+key)
}

// NewReader opens object key for reading; a missing object fails here.
func (b *Bucket) NewReader(ctx context.Context, key string) (io.ReadCloser, error) {
	return b.d.get(ctx, b.prefix+key, 0, -1)
}

// NewRangeReader opens n bytes of object key from offset off.
func (b *Bucket) NewRangeReader(ctx context.Context, key string, off, n int64) (io.ReadCloser, error) {
	return b.d.get(ctx, b.prefix+key, off, n)
}

// ReadAll returns the bytes of object key.
func (b *Bucket) ReadAll(ctx context.Context, key string) ([]byte, error) {
	rc, err := b.NewReader(ctx, key)
	if err != nil {
		return nil, err
	}
	defer rc.Close()
	return io.ReadAll(rc)
}

// WriteOptions are the options of a write.
type WriteOptions struct {
	ContentType string
	IfNotExist  bool  // fail with ErrPrecondition if the object exists (If-None-Match: *)
	PartSize    int64 // a streamed write's part size; 0: the client's default
}

// WriteAll creates or replaces object key with data in one request.
func (b *Bucket) WriteAll(ctx context.Context, key string, data []byte, o WriteOptions) error {
	return b.d.put(ctx, b.prefix+key, strings.NewReader(string(data)), int64(len(data)), o)
}

// Writer is an object being uploaded as it is written: in one request if it
// is smaller than a part, else part by part, one at a time.
type Writer struct {
	pw     *io.PipeWriter
	done   chan error
	cancel context.CancelFunc
}

// errAborted ends the upload of an aborted Writer.
var errAborted = errors.New("upload aborted")

// NewWriter starts the upload of object key. The object appears when Close
// returns nil, never before; Abort, or ctx cancelled, leaves no object.
func (b *Bucket) NewWriter(ctx context.Context, key string, o WriteOptions) *Writer {
	ctx, cancel := context.WithCancel(ctx)
	pr, pw := io.Pipe()
	w := &Writer{pw: pw, done: make(chan error, 1), cancel: cancel}
	go func() {
		err := b.d.put(ctx, b.prefix+key, pr, -1, o)
		pr.CloseWithError(cmpErr(err, io.ErrClosedPipe))
		w.done <- err
	}()
	return w
}

// cmpErr returns err, or def when err is nil.
func cmpErr(err, def error) error {
	if err != nil {
		return err
	}
	return def
}

// Write writes to the object.
func (w *Writer) Write(p []byte) (int, error) { return w.pw.Write(p) }

// Close completes the upload: the object appears now, or not at all.
func (w *Writer) Close() error {
	defer w.cancel()
	w.pw.Close()
	return <-w.done
}

// Abort cancels the upload before it completes, so no object appears.
func (w *Writer) Abort() {
	w.cancel()
	w.pw.CloseWithError(errAborted)
	<-w.done
}

// Object is a listed object or, when listing with a delimiter, a common
// prefix (IsDir, the key ends with "/").
type Object struct {
	Key   string
	Size  int64
	IsDir bool
}

// List returns the objects under prefix, sorted by key: all of them, or
// with dirs those directly under it and the "directories" below.
func (b *Bucket) List(ctx context.Context, prefix string, dirs bool) ([]Object, error) {
	objs, err := b.d.list(ctx, b.prefix+prefix, !dirs)
	if err != nil {
		return nil, err
	}
	for i := range objs {
		objs[i].Key = strings.TrimPrefix(objs[i].Key, b.prefix)
		objs[i].IsDir = strings.HasSuffix(objs[i].Key, "/")
	}
	sort.Slice(objs, func(i, j int) bool { return objs[i].Key < objs[j].Key })
	return objs, nil
}

// Copy copies object src to dst in the store, without downloading it
// (objects up to 5 GB, S3's limit of one copy request).
func (b *Bucket) Copy(ctx context.Context, dst, src string) error {
	return b.d.copy(ctx, b.prefix+dst, b.prefix+src)
}

// Delete removes object key; a missing object is no error.
func (b *Bucket) Delete(ctx context.Context, key string) error {
	err := b.d.remove(ctx, b.prefix+key)
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	return err
}

// Close closes the bucket; the S3 client holds nothing but pooled
// connections, so there is nothing to release.
func (b *Bucket) Close() error { return nil }
