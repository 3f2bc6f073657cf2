//go:build !nos3

package objstore

import (
	"context"
	"fmt"
	"io"
	"io/fs"
	"net/http"
	"net/url"
	"os"
	"sort"
	"strconv"

	"github.com/minio/minio-go/v7"
	"github.com/minio/minio-go/v7/pkg/credentials"
	"github.com/minio/minio-go/v7/pkg/encrypt"
)

// The S3 client, minio-go (with net/http and crypto/tls): left out of a
// build with -tags nos3, which then opens no s3:// URL. The CI fuzz run of
// ./sources builds so, as the fuzzer instruments every package it links.
func init() { openers["s3"] = openS3 }

// s3Bucket is the driver of one bucket of an S3-compatible store.
type s3Bucket struct {
	c    *minio.Client
	name string
	sse  encrypt.ServerSide // server-side encryption of written objects; nil for none
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
	b := &s3Bucket{name: u.Host}
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
	return &Bucket{d: b}, nil
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

func (b *s3Bucket) stat(ctx context.Context, key string) (int64, error) {
	info, err := b.c.StatObject(ctx, b.name, key, minio.StatObjectOptions{})
	if err != nil {
		return 0, s3Error(err)
	}
	return info.Size, nil
}

func (b *s3Bucket) get(ctx context.Context, key string, off, n int64) (io.ReadCloser, error) {
	var o minio.GetObjectOptions
	if n >= 0 {
		if err := o.SetRange(off, off+n-1); err != nil {
			return nil, err
		}
	}
	rc, _, _, err := minio.Core{Client: b.c}.GetObject(ctx, b.name, key, o)
	if err != nil {
		return nil, s3Error(err)
	}
	return rc, nil
}

func (b *s3Bucket) put(ctx context.Context, key string, r io.Reader, size int64, o WriteOptions) error {
	// DisableContentSha256: no aws-chunked signed stream over plain HTTP;
	// the payload is sent as it is (UNSIGNED-PAYLOAD, as over HTTPS).
	p := minio.PutObjectOptions{ContentType: o.ContentType, PartSize: uint64(o.PartSize), ServerSideEncryption: b.sse,
		DisableContentSha256: true}
	if o.IfNotExist {
		p.SetMatchETagExcept("*")
	}
	_, err := b.c.PutObject(ctx, b.name, key, r, size, p)
	return s3Error(err)
}

func (b *s3Bucket) list(ctx context.Context, prefix string, recursive bool) ([]Object, error) {
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	var out []Object
	for obj := range b.c.ListObjects(ctx, b.name, minio.ListObjectsOptions{Prefix: prefix, Recursive: recursive}) {
		if obj.Err != nil {
			return nil, s3Error(obj.Err)
		}
		out = append(out, Object{Key: obj.Key, Size: obj.Size})
	}
	return out, nil
}

func (b *s3Bucket) copy(ctx context.Context, dst, src string) error {
	_, err := b.c.CopyObject(ctx,
		minio.CopyDestOptions{Bucket: b.name, Object: dst, Encryption: b.sse},
		minio.CopySrcOptions{Bucket: b.name, Object: src})
	return s3Error(err)
}

func (b *s3Bucket) remove(ctx context.Context, key string) error {
	return s3Error(b.c.RemoveObject(ctx, b.name, key, minio.RemoveObjectOptions{}))
}
