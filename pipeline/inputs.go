package pipeline

import (
	"context"
	"fmt"
	"io"
	"os"
	"path"
	"strings"

	"gocloud.dev/blob"
	"gocloud.dev/gcerrors"
)

// InputFile is one input file, local or in an object store, with its size.
type InputFile struct {
	Name string // the path as given, "-", or the object's URL without its query
	Size int64  // bytes; 0 for standard input
	obj  *location
}

// ExpandInputs turns the command line's inputs into the files to read, in
// order, like Expand, and also accepts object-store URLs: the URL of an
// object, of a prefix (read like a directory: every .txt, .jsonl and
// .jsonl.gz object under it) or a glob in its last path elements
// (s3://bucket/feeds/2026-11-*.jsonl.gz).
func ExpandInputs(ctx context.Context, inputs []string) (files []InputFile, missing []error) {
	var bs buckets
	defer bs.Close()
	return expandInputs(ctx, inputs, &bs)
}

func expandInputs(ctx context.Context, inputs []string, bs *buckets) (files []InputFile, missing []error) {
	seen := map[string]bool{}
	add := func(f InputFile) {
		if !seen[f.Name] {
			seen[f.Name] = true
			files = append(files, f)
		}
	}
	for _, in := range inputs {
		if !isURL(in) {
			names, miss := Expand([]string{localPath(in)})
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
func expandURL(ctx context.Context, in string, bs *buckets) ([]InputFile, error) {
	loc, err := parseLocation(in)
	if err != nil {
		return nil, err
	}
	b, err := bs.get(ctx, loc.bucket)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", loc.name(loc.key), err)
	}
	file := func(key string, size int64) InputFile {
		l := location{bucket: loc.bucket, key: key}
		return InputFile{Name: loc.name(key), Size: size, obj: &l}
	}
	var match func(key string) bool
	prefix := loc.key
	switch {
	case strings.ContainsAny(loc.key, "*?["):
		if _, err := path.Match(loc.key, ""); err != nil {
			return nil, fmt.Errorf("%s: %w", loc.name(loc.key), err)
		}
		prefix = loc.key[:strings.IndexAny(loc.key, "*?[")]
		match = func(key string) bool { ok, _ := path.Match(loc.key, key); return ok }
	case loc.key != "" && !strings.HasSuffix(loc.key, "/"):
		a, err := b.Attributes(ctx, loc.key)
		if err == nil {
			return []InputFile{file(loc.key, a.Size)}, nil
		}
		if gcerrors.Code(err) != gcerrors.NotFound {
			return nil, fmt.Errorf("%s: %w", loc.name(loc.key), err)
		}
		prefix += "/"
		fallthrough
	default:
		match = func(key string) bool { return isArticleFile(key) }
	}
	var out []InputFile
	it := b.List(&blob.ListOptions{Prefix: prefix})
	for {
		obj, err := it.Next(ctx)
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, fmt.Errorf("list %s: %w", loc.name(prefix), err)
		}
		if !obj.IsDir && match(obj.Key) {
			out = append(out, file(obj.Key, obj.Size))
		}
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("%s: no object matches", loc.name(loc.key))
	}
	return out, nil
}

// openInput opens an input file for reading.
func openInput(ctx context.Context, f InputFile, bs *buckets) (io.ReadCloser, error) {
	if f.obj == nil {
		return os.Open(f.Name)
	}
	b, err := bs.get(ctx, f.obj.bucket)
	if err != nil {
		return nil, err
	}
	r, err := b.NewReader(ctx, f.obj.key, nil)
	if err != nil {
		return nil, notFound(err, f.Name)
	}
	return r, nil
}
