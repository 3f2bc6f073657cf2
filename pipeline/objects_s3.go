//go:build !nos3

package pipeline

import (
	"context"
	"fmt"
	"net/url"
	"strconv"

	"github.com/aws/aws-sdk-go-v2/service/s3"
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
// anonymous, ...) and use_path_style and disable_https.
func openS3(ctx context.Context, u *url.URL) (*blob.Bucket, error) {
	q := u.Query()
	opts := []func(*s3.Options){func(o *s3.Options) { o.DisableLogOutputChecksumValidationSkipped = true }}
	for _, p := range []string{"use_path_style", "disable_https"} {
		v := q.Get(p)
		if v == "" {
			continue
		}
		q.Del(p)
		on, err := strconv.ParseBool(v)
		if err != nil {
			return nil, fmt.Errorf("%s=%q: %w", p, v, err)
		}
		if p == "use_path_style" {
			opts = append(opts, func(o *s3.Options) { o.UsePathStyle = on })
		} else {
			opts = append(opts, func(o *s3.Options) { o.EndpointOptions.DisableHTTPS = on })
		}
	}
	cfg, err := gcaws.V2ConfigFromURLParams(ctx, q)
	if err != nil {
		return nil, err
	}
	return s3blob.OpenBucket(ctx, s3.NewFromConfig(cfg, opts...), u.Host, nil)
}
