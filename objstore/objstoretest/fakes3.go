// Package objstoretest serves an in-process S3 for tests.
package objstoretest

import (
	"bytes"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"sort"
	"sync"
	"testing"
	"time"

	"github.com/johannesboyne/gofakes3"
	"github.com/johannesboyne/gofakes3/backend/s3mem"
)

// FakeS3 is an in-process S3 server, gofakes3 under httptest, that counts
// the requests it serves, for the tests of the lake and the pipeline.
type FakeS3 struct {
	srv     *httptest.Server
	backend *s3mem.Backend
	mu      sync.Mutex
	reqs    map[string]int // by method
	sent    int64          // response body bytes
}

// countingWriter counts the bytes of a response body.
type countingWriter struct {
	http.ResponseWriter
	f *FakeS3
}

func (w countingWriter) Write(b []byte) (int, error) {
	w.f.mu.Lock()
	w.f.sent += int64(len(b))
	w.f.mu.Unlock()
	return w.ResponseWriter.Write(b)
}

// NewFakeS3 starts a server with the given buckets and points the S3 client's
// credentials at fake ones.
func NewFakeS3(t testing.TB, buckets ...string) *FakeS3 {
	t.Helper()
	for k, v := range map[string]string{
		"AWS_ACCESS_KEY_ID": "fake", "AWS_SECRET_ACCESS_KEY": "fake", "AWS_EC2_METADATA_DISABLED": "true",
		"AWS_CONFIG_FILE": os.DevNull, "AWS_SHARED_CREDENTIALS_FILE": os.DevNull,
	} {
		t.Setenv(k, v)
	}
	f := &FakeS3{backend: s3mem.New(), reqs: map[string]int{}}
	h := gofakes3.New(f.backend, gofakes3.WithLogger(gofakes3.DiscardLog())).Server()
	f.srv = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		f.mu.Lock()
		f.reqs[r.Method]++
		f.mu.Unlock()
		h.ServeHTTP(countingWriter{w, f}, r)
	}))
	t.Cleanup(f.srv.Close)
	for _, b := range buckets {
		if err := f.backend.CreateBucket(b); err != nil {
			t.Fatal(err)
		}
	}
	return f
}

// URL is the s3:// URL of a prefix in a bucket of the server.
func (f *FakeS3) URL(bucket, prefix string) string {
	q := url.Values{"endpoint": {f.srv.URL}, "use_path_style": {"true"}, "region": {"us-east-1"}, "disable_https": {"true"}}
	return "s3://" + bucket + "/" + prefix + "?" + q.Encode()
}

// Put stores an object, with the Last-Modified header every S3 sends (and
// gofakes3 sets only on objects put through HTTP).
func (f *FakeS3) Put(t testing.TB, bucket, key string, b []byte) {
	t.Helper()
	meta := map[string]string{"Last-Modified": time.Now().UTC().Format(http.TimeFormat)}
	if _, err := f.backend.PutObject(bucket, key, meta, bytes.NewReader(b), int64(len(b)), nil); err != nil {
		t.Fatal(err)
	}
}

// Keys lists the keys under a prefix of a bucket.
func (f *FakeS3) Keys(t testing.TB, bucket, prefix string) []string {
	t.Helper()
	list, err := f.backend.ListBucket(bucket, &gofakes3.Prefix{Prefix: prefix, HasPrefix: true}, gofakes3.ListBucketPage{})
	if err != nil {
		t.Fatal(err)
	}
	var keys []string
	for _, c := range list.Contents {
		keys = append(keys, c.Key)
	}
	sort.Strings(keys)
	return keys
}

// Requests returns the requests served so far, by HTTP method, and resets the count.
func (f *FakeS3) Requests() map[string]int {
	f.mu.Lock()
	defer f.mu.Unlock()
	r := f.reqs
	f.reqs = map[string]int{}
	return r
}

// Sent returns the response body bytes served so far and resets the count.
func (f *FakeS3) Sent() int64 {
	f.mu.Lock()
	defer f.mu.Unlock()
	n := f.sent
	f.sent = 0
	return n
}

// Get returns an object's bytes.
func (f *FakeS3) Get(t testing.TB, bucket, key string) []byte {
	t.Helper()
	obj, err := f.backend.GetObject(bucket, key, nil)
	if err != nil {
		t.Fatalf("get %s/%s: %v", bucket, key, err)
	}
	defer obj.Contents.Close()
	b, err := io.ReadAll(obj.Contents)
	if err != nil {
		t.Fatal(err)
	}
	return b
}
