//go:build !nos3

package objstore

import (
	"context"
	"fmt"
	"net/url"
	"slices"
	"strconv"

	"github.com/aws/aws-sdk-go-v2/service/s3"
	"github.com/aws/aws-sdk-go-v2/service/s3/types"
	gcaws "gocloud.dev/aws"
	"gocloud.dev/blob"
	"gocloud.dev/blob/s3blob"
)

// The S3 driver (AWS S3 and S3-compatible stores: MinIO, Ceph, R2) adds
// about 18 MB to the binary; build with -tags nos3 to leave it out.
func init() { openers["s3"] = openS3 }

// openS3 opens an s3:// bucket URL as s3blob's URL opener does, but with a
// client that does not log a warning for every object stored without a
// checksum (objects uploaded by other tools, and most S3-compatible stores).
// The query takes gocloud.dev/aws's parameters (region, endpoint, profile,
// anonymous, ...) and s3blob's: use_path_style, disable_https, accelerate,
// ssetype and kmskeyid.
func openS3(ctx context.Context, u *url.URL) (*blob.Bucket, error) {
	q := u.Query()
	opts := []func(*s3.Options){func(o *s3.Options) { o.DisableLogOutputChecksumValidationSkipped = true }}
	flags := []struct {
		name string
		set  func(*s3.Options, bool)
	}{
		{"use_path_style", func(o *s3.Options, on bool) { o.UsePathStyle = on }},
		{"disable_https", func(o *s3.Options, on bool) { o.EndpointOptions.DisableHTTPS = on }},
		{"accelerate", func(o *s3.Options, on bool) { o.UseAccelerate = on }},
	}
	for _, f := range flags {
		v := q.Get(f.name)
		if v == "" {
			continue
		}
		q.Del(f.name)
		on, err := strconv.ParseBool(v)
		if err != nil {
			return nil, fmt.Errorf("%s=%q: %w", f.name, v, err)
		}
		opts = append(opts, func(o *s3.Options) { f.set(o, on) })
	}
	bopts := &s3blob.Options{KMSEncryptionID: q.Get("kmskeyid")}
	if v := q.Get("ssetype"); v != "" {
		bopts.EncryptionType = types.ServerSideEncryption(v)
		if !slices.Contains(bopts.EncryptionType.Values(), bopts.EncryptionType) {
			return nil, fmt.Errorf("ssetype=%q: want one of %v", v, bopts.EncryptionType.Values())
		}
	}
	q.Del("kmskeyid")
	q.Del("ssetype")
	cfg, err := gcaws.V2ConfigFromURLParams(ctx, q)
	if err != nil {
		return nil, err
	}
	return s3blob.OpenBucket(ctx, s3.NewFromConfig(cfg, opts...), u.Host, bopts)
}
