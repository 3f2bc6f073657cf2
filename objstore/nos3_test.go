//go:build nos3

package objstore_test

import (
	"context"
	"strings"
	"testing"

	"github.com/communique/communique/objstore"
)

// TestNoS3 checks that a build without the S3 client refuses an s3:// URL
// and says why.
func TestNoS3(t *testing.T) {
	var bs objstore.Buckets
	defer bs.Close()
	_, err := bs.Get(context.Background(), "s3://bucket?region=us-east-1")
	if err == nil || !strings.Contains(err.Error(), "built with -tags nos3") {
		t.Fatalf("Get(s3://bucket) = %v; want an error naming the nos3 build", err)
	}
}
