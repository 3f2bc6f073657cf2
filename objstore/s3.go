package objstore

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"net/http"
	"net/url"
	"os"
	"sort"
	"strconv"
	"strings"

	"github.com/minio/minio-go/v7"
	"github.com/minio/minio-go/v7/pkg/credentials"
	"github.com/minio/minio-go/v7/pkg/encrypt"
)

// Bucket is a bucket of an S3-compatible store, or a key prefix in one.
// Keys given to and returned by its methods are relative to the prefix.
type Bucket struct {
	c      *minio.Client
	name   string
	prefix string
	sse    encrypt.ServerSide // server-side encryption of written objects; nil for none
}

// openS3 opens an s3:// bucket URL. The query takes
//
//	region          the bucket's region (default $AWS_REGION, $AWS_DEFAULT_REGION, else looked up)
//	endpoint        an S3-compatible endpoint, http://host:port or https://host (default AWS S3)
//	use_path_style  true: bucket in the path, as MinIO and Ceph want (default: as the endpoint allows)
//	disable_https   true: plain HTTP
//	accelerate      true: the S3 Transfer Acceleration endpoint
//	dualstack       true: the IPv4 and IPv6 endpoint of AWS S3
//	profile         a profile of the shared AWS credentials and config files
//	anonymous       true: unsigned requests, for public buckets
//	ssetype         server-side encryption of written objects: AES256 or aws:kms
//	kmskeyid        the KMS key of ssetype aws:kms
//
// Credentials are looked up as the AWS SDK does: AWS_ACCESS_KEY_ID and
// AWS_SECRET_ACCESS_KEY, then the shared credentials and config files
// (AWS_PROFILE), then the web identity of a Kubernetes service account
// (AWS_WEB_IDENTITY_TOKEN_FILE), ECS and EC2 instance roles.
func openS3(_ context.Context, u *url.URL) (*Bucket, error) {
	q := u.Query()
	opts := &minio.Options{Secure: true, Region: firstEnv("AWS_REGION", "AWS_DEFAULT_REGION")}
	endpoint := "s3.amazonaws.com"
	var accelerate, dualstack, anonymous bool
	bools := map[string]*bool{"disable_https": new(bool), "use_path_style": new(bool),
		"accelerate": &accelerate, "dualstack": &dualstack, "anonymous": &anonymous}
	var profile, sseType, kmsKey string
	keys := make([]string, 0, len(q))
	for k := range q {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		v := q.Get(k)
		switch k {
		case "region":
			opts.Region = v
		case "endpoint":
			e, err := url.Parse(v)
			if err != nil || e.Host == "" {
				return nil, fmt.Errorf("endpoint=%q: want a URL such as http://minio:9000", v)
			}
			endpoint, opts.Secure = e.Host, e.Scheme != "http"
		case "profile":
			profile = v
		case "ssetype":
			sseType = v
		case "kmskeyid":
			kmsKey = v
		default:
			p, ok := bools[k]
			if !ok {
				return nil, fmt.Errorf("unknown query parameter %q", k)
			}
			on, err := strconv.ParseBool(v)
			if err != nil {
				return nil, fmt.Errorf("%s=%q: %w", k, v, err)
			}
			*p = on
		}
	}
	if *bools["disable_https"] {
		opts.Secure = false
	}
	if *bools["use_path_style"] {
		opts.BucketLookup = minio.BucketLookupPath
	}
	switch {
	case anonymous:
		opts.Creds = credentials.NewStatic("", "", "", credentials.SignatureAnonymous)
	case profile != "":
		opts.Creds = credentials.NewFileAWSCredentials("", profile)
	default:
		opts.Creds = credentials.NewChainCredentials([]credentials.Provider{
			&credentials.EnvAWS{},
			&credentials.FileAWSCredentials{},
			&credentials.IAM{Client: &http.Client{Transport: http.DefaultTransport}},
		})
	}
	b := &Bucket{name: u.Host}
	switch sseType {
	case "":
	case "AES256":
		b.sse = encrypt.NewSSE()
	case "aws:kms":
		sse, err := encrypt.NewSSEKMS(kmsKey, nil)
		if err != nil {
			return nil, fmt.Errorf("kmskeyid=%q: %w", kmsKey, err)
		}
		b.sse = sse
	default:
		return nil, fmt.Errorf("ssetype=%q: want one of [AES256 aws:kms]", sseType)
	}
	c, err := minio.New(endpoint, opts)
	if err != nil {
		return nil, fmt.Errorf("s3 client for %s: %w", endpoint, err)
	}
	if accelerate {
		c.SetS3TransferAccelerate("s3-accelerate.amazonaws.com")
	}
	c.SetS3EnableDualstack(dualstack)
	b.c = c
	return b, nil
}

// firstEnv returns the first environment variable of names that is set.
func firstEnv(names ...string) string {
	for _, n := range names {
		if v := os.Getenv(n); v != "" {
			return v
		}
	}
	return ""
}

// s3Error converts a store's "no such key" into fs.ErrNotExist and a failed
// condition into ErrPrecondition.
func s3Error(err error) error {
	if err == nil {
		return nil
	}
	r := minio.ToErrorResponse(err)
	switch {
	case r.StatusCode == http.StatusNotFound || r.Code == "NoSuchKey":
		return fmt.Errorf("%w (%s)", fs.ErrNotExist, err)
	case r.StatusCode == http.StatusPreconditionFailed || r.Code == "PreconditionFailed":
		return fmt.Errorf("%w (%s)", ErrPrecondition, err)
	}
	return err
}

// Prefixed returns a view of the bucket under prefix.
func (b *Bucket) Prefixed(prefix string) *Bucket {
	p := *b
	p.prefix = b.prefix + prefix
	return &p
}

// Attributes returns the size of object key.
func (b *Bucket) Attributes(ctx context.Context, key string) (size int64, err error) {
	info, err := b.c.StatObject(ctx, b.name, b.prefix+key, minio.StatObjectOptions{})
	if err != nil {
		return 0, s3Error(err)
	}
	return info.Size, nil
}

// NewReader opens object key for reading; a missing object fails here.
func (b *Bucket) NewReader(ctx context.Context, key string) (io.ReadCloser, error) {
	return b.get(ctx, key, minio.GetObjectOptions{})
}

// NewRangeReader opens n bytes of object key from offset off.
func (b *Bucket) NewRangeReader(ctx context.Context, key string, off, n int64) (io.ReadCloser, error) {
	var o minio.GetObjectOptions
	if err := o.SetRange(off, off+n-1); err != nil {
		return nil, err
	}
	return b.get(ctx, key, o)
}

func (b *Bucket) get(ctx context.Context, key string, o minio.GetObjectOptions) (io.ReadCloser, error) {
	rc, _, _, err := minio.Core{Client: b.c}.GetObject(ctx, b.name, b.prefix+key, o)
	if err != nil {
		return nil, s3Error(err)
	}
	return rc, nil
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
	PartSize    int64 // a streamed write's part size; 0: minio-go's default
}

func (b *Bucket) putOptions(o WriteOptions) minio.PutObjectOptions {
	// DisableContentSha256: no aws-chunked signed stream over plain HTTP;
	// the payload is sent as it is (UNSIGNED-PAYLOAD, as over HTTPS).
	p := minio.PutObjectOptions{ContentType: o.ContentType, PartSize: uint64(o.PartSize), ServerSideEncryption: b.sse,
		DisableContentSha256: true}
	if o.IfNotExist {
		p.SetMatchETagExcept("*")
	}
	return p
}

// WriteAll creates or replaces object key with data in one request.
func (b *Bucket) WriteAll(ctx context.Context, key string, data []byte, o WriteOptions) error {
	_, err := b.c.PutObject(ctx, b.name, b.prefix+key, strings.NewReader(string(data)), int64(len(data)), b.putOptions(o))
	return s3Error(err)
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
		_, err := b.c.PutObject(ctx, b.name, b.prefix+key, pr, -1, b.putOptions(o))
		pr.CloseWithError(cmpErr(err, io.ErrClosedPipe))
		w.done <- s3Error(err)
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
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	var out []Object
	for obj := range b.c.ListObjects(ctx, b.name, minio.ListObjectsOptions{Prefix: b.prefix + prefix, Recursive: !dirs}) {
		if obj.Err != nil {
			return nil, s3Error(obj.Err)
		}
		key := strings.TrimPrefix(obj.Key, b.prefix)
		out = append(out, Object{Key: key, Size: obj.Size, IsDir: strings.HasSuffix(key, "/")})
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Key < out[j].Key })
	return out, nil
}

// Copy copies object src to dst in the store, without downloading it
// (objects up to 5 GB, S3's limit of one copy request).
func (b *Bucket) Copy(ctx context.Context, dst, src string) error {
	_, err := b.c.CopyObject(ctx,
		minio.CopyDestOptions{Bucket: b.name, Object: b.prefix + dst, Encryption: b.sse},
		minio.CopySrcOptions{Bucket: b.name, Object: b.prefix + src})
	return s3Error(err)
}

// Delete removes object key; a missing object is no error.
func (b *Bucket) Delete(ctx context.Context, key string) error {
	err := s3Error(b.c.RemoveObject(ctx, b.name, b.prefix+key, minio.RemoveObjectOptions{}))
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	return err
}

// Close closes the bucket; a minio-go client holds nothing but pooled
// connections, so there is nothing to release.
func (b *Bucket) Close() error { return nil }
