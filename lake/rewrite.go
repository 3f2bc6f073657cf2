package lake

import (
	"context"
	"errors"
	"fmt"
	"io"

	"github.com/parquet-go/parquet-go"
)

// articleColumn is the column every table keys its rows by.
const articleColumn = "article_id"

// articleIDs returns the distinct non-null article ids of a Parquet file,
// reading that column only. A file without the column has none.
func articleIDs(ctx context.Context, st store, key string) (map[string]bool, error) {
	pf, f, err := openParquet(ctx, st, key)
	if err != nil {
		return nil, err
	}
	defer f.close()
	ids := map[string]bool{}
	col, ok := pf.Schema().Lookup(articleColumn)
	if !ok {
		return ids, nil
	}
	buf := make([]parquet.Value, 1024)
	for _, rg := range pf.RowGroups() {
		pages := rg.ColumnChunks()[col.ColumnIndex].Pages()
		err := func() error {
			defer pages.Close()
			for {
				p, err := pages.ReadPage()
				if errors.Is(err, io.EOF) {
					return nil
				}
				if err != nil {
					return err
				}
				vals := p.Values()
				for {
					n, err := vals.ReadValues(buf)
					for _, v := range buf[:n] {
						if !v.IsNull() {
							ids[v.String()] = true
						}
					}
					if errors.Is(err, io.EOF) {
						break
					}
					if err != nil {
						parquet.Release(p)
						return err
					}
				}
				parquet.Release(p)
			}
		}()
		if err != nil {
			return nil, fmt.Errorf("read %s of %s: %w", articleColumn, st.location(key), err)
		}
	}
	return ids, nil
}

// holdsAny reports whether a Parquet file has a row of one of the articles.
func holdsAny(ctx context.Context, st store, key string, articles map[string]bool) (bool, error) {
	ids, err := articleIDs(ctx, st, key)
	if err != nil {
		return false, err
	}
	for id := range ids {
		if articles[id] {
			return true, nil
		}
	}
	return false, nil
}

// rewriteWithout copies the Parquet file at src to dst without the rows of
// the given articles: the copy keeps the file's schema and key-value
// metadata, so rows read back as they were written. It returns the rows
// kept.
func rewriteWithout(ctx context.Context, st store, src string, dst io.Writer, drop map[string]bool) (int64, error) {
	pf, f, err := openParquet(ctx, st, src)
	if err != nil {
		return 0, err
	}
	defer f.close()
	col, ok := pf.Schema().Lookup(articleColumn)
	if !ok {
		return 0, fmt.Errorf("%s has no %s column", st.location(src), articleColumn)
	}
	opts := []parquet.WriterOption{pf.Schema(), parquet.Compression(&parquet.Zstd), parquet.MaxRowsPerRowGroup(64 << 10)}
	for _, kv := range pf.Metadata().KeyValueMetadata {
		opts = append(opts, parquet.KeyValueMetadata(kv.Key, kv.Value))
	}
	w := parquet.NewWriter(dst, opts...)
	var kept int64
	buf := make([]parquet.Row, 256)
	for _, rg := range pf.RowGroups() {
		rows := rg.Rows()
		for {
			n, err := rows.ReadRows(buf)
			keep := buf[:0]
			for _, r := range buf[:n] {
				if !rowOfAny(r, col.ColumnIndex, drop) {
					keep = append(keep, r)
				}
			}
			if len(keep) > 0 {
				if _, werr := w.WriteRows(keep); werr != nil {
					rows.Close()
					return kept, fmt.Errorf("rewrite %s: %w", st.location(src), werr)
				}
				kept += int64(len(keep))
			}
			if errors.Is(err, io.EOF) {
				break
			}
			if err != nil {
				rows.Close()
				return kept, fmt.Errorf("read %s: %w", st.location(src), err)
			}
		}
		rows.Close()
	}
	if err := w.Close(); err != nil {
		return kept, fmt.Errorf("rewrite %s: %w", st.location(src), err)
	}
	return kept, nil
}

// rowOfAny reports whether a row's article id is one of ids.
func rowOfAny(r parquet.Row, column int, ids map[string]bool) bool {
	for _, v := range r {
		if v.Column() == column {
			return !v.IsNull() && ids[v.String()]
		}
	}
	return false
}
