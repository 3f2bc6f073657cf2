// Package objstore opens object-store locations (s3:// URLs: AWS S3 and
// S3-compatible stores) for the input sources and the lake: URL parsing, one
// open bucket per URL, listing, whole, ranged and streamed reads, streamed
// and conditional writes.
package objstore

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"maps"
	"net/url"
	"path/filepath"
	"slices"
	"strings"
	"sync"
)

// Inputs and the output root may be object-store URLs, for example
//
//	s3://bucket/prefix?endpoint=http://minio:9000&use_path_style=true&region=us-east-1
//
// The host is the bucket, the path a key or key prefix in it, and the query
// configures the client (see openS3 for the parameters). Credentials come
// from the environment as for any AWS SDK program. file:// URLs and plain
// paths are local files. S3 is the one scheme supported, through
// minio-go, a light S3 client (s3.go, the driver behind Bucket); a build
// with -tags nos3 leaves it out and opens no object store.

// ErrPrecondition is returned by a conditional write whose condition failed
// (the object exists already).
var ErrPrecondition = errors.New("precondition failed")

// IsURL reports whether s names an object-store location rather than a
// local path: it has a scheme other than file.
func IsURL(s string) bool {
	i := strings.Index(s, "://")
	if i <= 0 {
		return false
	}
	for _, r := range s[:i] {
		if !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '+' || r == '-' || r == '.') {
			return false
		}
	}
	return !strings.EqualFold(s[:i], "file")
}

// LocalPath turns a file:// URL into a local path; other names are returned as they are.
func LocalPath(s string) string {
	if len(s) >= 7 && strings.EqualFold(s[:7], "file://") {
		if u, err := url.Parse(s); err == nil {
			return filepath.FromSlash(u.Path)
		}
	}
	return s
}

// Location is an object-store URL split into the bucket it opens and a key.
type Location struct {
	Bucket string // scheme://host?query: what Buckets.Get opens
	Key    string // key or key prefix in the bucket, without a leading slash
}

// ParseLocation splits an object-store URL.
func ParseLocation(s string) (Location, error) {
	u, err := url.Parse(s)
	if err != nil {
		return Location{}, fmt.Errorf("parse %s: %w", s, err)
	}
	if u.Host == "" {
		return Location{}, fmt.Errorf("%s: no bucket in the URL", s)
	}
	b := url.URL{Scheme: u.Scheme, Host: u.Host, RawQuery: u.RawQuery}
	return Location{Bucket: b.String(), Key: strings.TrimPrefix(u.Path, "/")}, nil
}

// Name returns the URL of key in the location's bucket, without the query,
// which configures the client and may name private endpoints.
func (l Location) Name(key string) string {
	u, _ := url.Parse(l.Bucket)
	if key == "" {
		return u.Scheme + "://" + u.Host
	}
	return u.Scheme + "://" + u.Host + "/" + key
}

// openers open buckets by URL scheme; s3.go adds "s3" unless built with -tags nos3.
var openers = map[string]func(context.Context, *url.URL) (*Bucket, error){}

// openBucket opens the bucket of a bucket URL.
func openBucket(ctx context.Context, bucketURL string) (*Bucket, error) {
	u, err := url.Parse(bucketURL)
	if err != nil {
		return nil, err
	}
	open, ok := openers[u.Scheme]
	if !ok {
		supported := slices.Sorted(maps.Keys(openers))
		if len(supported) == 0 {
			supported = []string{"none: built with -tags nos3"}
		}
		return nil, fmt.Errorf("%s://: unsupported object-store scheme (supported: %s)", u.Scheme, strings.Join(supported, ", "))
	}
	return open(ctx, u)
}

// Buckets opens each bucket once and closes them all at the end of a run.
type Buckets struct {
	mu   sync.Mutex
	open map[string]*Bucket
}

// Get returns the bucket opened from a bucket URL.
func (bs *Buckets) Get(ctx context.Context, bucketURL string) (*Bucket, error) {
	bs.mu.Lock()
	defer bs.mu.Unlock()
	if b, ok := bs.open[bucketURL]; ok {
		return b, nil
	}
	b, err := openBucket(ctx, bucketURL)
	if err != nil {
		return nil, fmt.Errorf("open bucket: %w", err)
	}
	if bs.open == nil {
		bs.open = map[string]*Bucket{}
	}
	bs.open[bucketURL] = b
	return b, nil
}

// Close closes every bucket opened.
func (bs *Buckets) Close() error {
	bs.mu.Lock()
	defer bs.mu.Unlock()
	var errs []error
	for _, b := range bs.open {
		errs = append(errs, b.Close())
	}
	bs.open = nil
	return errors.Join(errs...)
}

// NotFound converts an object store's "not found" into fs.ErrNotExist, so
// callers check one error whatever the store.
func NotFound(err error, name string) error {
	if errors.Is(err, fs.ErrNotExist) {
		return fmt.Errorf("%s: %w", name, fs.ErrNotExist)
	}
	return err
}

// NewRangeReaderAt returns a reader of the size bytes of object key that makes
// one ranged GET per ReadAt, so a Parquet reader fetches only the footer and
// the column chunks it needs.
func NewRangeReaderAt(ctx context.Context, b *Bucket, key string, size int64) io.ReaderAt {
	return &rangeReaderAt{ctx: ctx, b: b, key: key, size: size}
}

type rangeReaderAt struct {
	ctx  context.Context
	b    *Bucket
	key  string
	size int64
}

func (r *rangeReaderAt) ReadAt(p []byte, off int64) (int, error) {
	if off >= r.size {
		return 0, io.EOF
	}
	n := int64(len(p))
	if off+n > r.size {
		n = r.size - off
	}
	rd, err := r.b.NewRangeReader(r.ctx, r.key, off, n)
	if err != nil {
		return 0, err
	}
	defer rd.Close()
	k, err := io.ReadFull(rd, p[:n])
	if err != nil {
		return k, err
	}
	if k < len(p) {
		return k, io.EOF
	}
	return k, nil
}
