package sources

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"strings"

	"github.com/communique/communique/objstore"
)

// InputFile is one input file, local or in an object store, with its size.
type InputFile struct {
	Name string // the path as given, "-", or the object's URL without its query
	Size int64  // bytes; 0 for standard input
	obj  *objstore.Location
}

// Expand turns the command line's inputs into the files to read, in order:
// local files, directories (walked for .txt, .jsonl and .jsonl.gz files, in
// sorted order), globs and "-" for standard input, and object-store URLs: the
// URL of an object, of a prefix (read like a directory: every .txt, .jsonl
// and .jsonl.gz object under it) or a glob in its last path elements
// (s3://bucket/feeds/2026-11-*.jsonl.gz). An input that matches nothing or
// does not exist is returned as an error in missing, so the run can report
// it and go on.
func Expand(ctx context.Context, inputs []string) (files []InputFile, missing []error) {
	var bs objstore.Buckets
	defer bs.Close()
	return ExpandWith(ctx, inputs, &bs)
}

// ExpandWith is Expand opening buckets through bs, which the caller closes.
func ExpandWith(ctx context.Context, inputs []string, bs *objstore.Buckets) (files []InputFile, missing []error) {
	seen := map[string]bool{}
	add := func(f InputFile) {
		if !seen[f.Name] {
			seen[f.Name] = true
			files = append(files, f)
		}
	}
	for _, in := range inputs {
		if !objstore.IsURL(in) {
			names, miss := expandLocal([]string{objstore.LocalPath(in)})
			missing = append(missing, miss...)
			for _, n := range names {
				f := InputFile{Name: n}
				if st, err := os.Stat(n); err == nil && n != "-" {
					f.Size = st.Size()
				}
				add(f)
			}
			continue
		}
		objs, err := expandURL(ctx, in, bs)
		if err != nil {
			missing = append(missing, &InputError{Input: in, Err: err, named: true})
			continue
		}
		for _, f := range objs {
			add(f)
		}
	}
	return files, missing
}

// expandURL lists the objects an input URL names.
func expandURL(ctx context.Context, in string, bs *objstore.Buckets) ([]InputFile, error) {
	loc, err := objstore.ParseLocation(in)
	if err != nil {
		return nil, err
	}
	b, err := bs.Get(ctx, loc.Bucket)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", loc.Name(loc.Key), err)
	}
	file := func(key string, size int64) InputFile {
		l := objstore.Location{Bucket: loc.Bucket, Key: key}
		return InputFile{Name: loc.Name(key), Size: size, obj: &l}
	}
	var match func(key string) bool
	prefix := loc.Key
	switch {
	case strings.ContainsAny(loc.Key, "*?["):
		if _, err := path.Match(loc.Key, ""); err != nil {
			return nil, fmt.Errorf("%s: %w", loc.Name(loc.Key), err)
		}
		prefix = loc.Key[:strings.IndexAny(loc.Key, "*?[")]
		match = func(key string) bool { ok, _ := path.Match(loc.Key, key); return ok }
	case loc.Key != "" && !strings.HasSuffix(loc.Key, "/"):
		size, err := b.Attributes(ctx, loc.Key)
		if err == nil {
			return []InputFile{file(loc.Key, size)}, nil
		}
		if !errors.Is(err, fs.ErrNotExist) {
			return nil, fmt.Errorf("%s: %w", loc.Name(loc.Key), err)
		}
		prefix += "/"
		fallthrough
	default:
		match = func(key string) bool { return isArticleFile(key) }
	}
	objs, err := b.List(ctx, prefix, false)
	if err != nil {
		return nil, fmt.Errorf("list %s: %w", loc.Name(prefix), err)
	}
	var out []InputFile
	for _, obj := range objs {
		if !obj.IsDir && match(obj.Key) {
			out = append(out, file(obj.Key, obj.Size))
		}
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("%s: no object matches", loc.Name(loc.Key))
	}
	return out, nil
}

// openInput opens an input file for reading.
func openInput(ctx context.Context, f InputFile, bs *objstore.Buckets) (io.ReadCloser, error) {
	if f.obj == nil {
		return os.Open(f.Name)
	}
	b, err := bs.Get(ctx, f.obj.Bucket)
	if err != nil {
		return nil, err
	}
	r, err := b.NewReader(ctx, f.obj.Key)
	if err != nil {
		return nil, objstore.NotFound(err, f.Name)
	}
	return r, nil
}
