package pipeline_test

import (
	"encoding/json"
	"errors"
	"io"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/parquet-go/parquet-go"
	"github.com/parquet-go/parquet-go/format"
)

// The tests read the tables back with parquet-go's generic reader (a
// map per row, from the file's own schema, not the lake's row types).
// Real readers (DuckDB and polars) open the same files in `make readers`,
// which also checks the types and nullability they see: arrow-go, which
// these tests used before, cost two minutes of CPU to compile per build
// mode (plain and -race) for what those readers check.

// table is one Parquet file read back: its schema, key-value metadata and
// rows in their JSON form (numbers float64, DATE columns YYYY-MM-DD,
// lists []any, nulls nil).
type table struct {
	schema *parquet.Schema
	meta   map[string]string
	dict   map[string]bool // top-level columns with a dictionary-encoded chunk
	rows   []map[string]any
}

// NumRows is the number of rows read.
func (tb *table) NumRows() int64 { return int64(len(tb.rows)) }

// field returns the top-level column name of the schema.
func (tb *table) field(t *testing.T, name string) parquet.Field {
	t.Helper()
	for _, f := range tb.schema.Fields() {
		if f.Name() == name {
			return f
		}
	}
	t.Fatalf("no column %s in %s", name, tb.schema.Name())
	return nil
}

// typeOf is the Parquet type of column name: its logical type (STRING,
// DATE, INT(32,true)), else its physical type (BOOLEAN, FLOAT), and
// LIST<element> for a list.
func (tb *table) typeOf(t *testing.T, name string) string {
	t.Helper()
	return typeName(tb.field(t, name))
}

func typeName(f parquet.Node) string {
	lt := logicalType(f)
	switch {
	case lt == "LIST" && len(f.Fields()) == 1 && len(f.Fields()[0].Fields()) == 1:
		return "LIST<" + typeName(f.Fields()[0].Fields()[0]) + ">"
	case lt != "":
		return lt
	case f.Leaf():
		return f.Type().Kind().String()
	}
	return "group"
}

// logicalType is the name of f's logical type, "" for none.
func logicalType(f parquet.Node) string {
	if lt := f.Type().LogicalType(); lt != nil {
		return lt.String()
	}
	return ""
}

// nulls counts the rows whose column name is null.
func (tb *table) nulls(t *testing.T, name string) int {
	t.Helper()
	tb.field(t, name)
	n := 0
	for _, r := range tb.rows {
		if r[name] == nil {
			n++
		}
	}
	return n
}

// readTable reads the one file of a table of out.
func readTable(t *testing.T, out, table string) *table {
	tbl, _ := readTableMeta(t, out, table)
	return tbl
}

// readTableMeta also returns the file's key-value metadata.
func readTableMeta(t *testing.T, out, table string) (*table, map[string]string) {
	t.Helper()
	files, _ := filepath.Glob(filepath.Join(out, table, "*", "*.parquet"))
	if len(files) != 1 {
		t.Fatalf("%s: %d parquet files, want 1", table, len(files))
	}
	return readFile(t, files[0])
}

// readTableDir reads the file name in dir.
func readTableDir(t *testing.T, dir, name string) *table {
	tbl, _ := readFile(t, filepath.Join(dir, name))
	return tbl
}

// readFile reads one Parquet file and returns its key-value metadata.
func readFile(t *testing.T, path string) (*table, map[string]string) {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatalf("open %s: %v", path, err)
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		t.Fatal(err)
	}
	pf, err := parquet.OpenFile(f, st.Size())
	if err != nil {
		t.Fatalf("open parquet %s: %v", path, err)
	}
	tbl := &table{schema: pf.Schema(), meta: map[string]string{}}
	for _, kv := range pf.Metadata().KeyValueMetadata {
		tbl.meta[kv.Key] = kv.Value
	}
	tbl.dict = map[string]bool{}
	for _, rg := range pf.Metadata().RowGroups {
		for _, c := range rg.Columns {
			for _, e := range c.MetaData.Encoding {
				if e == format.RLEDictionary || e == format.PlainDictionary {
					tbl.dict[c.MetaData.PathInSchema[0]] = true
				}
			}
		}
	}
	var dates []string
	for _, col := range tbl.schema.Fields() {
		if logicalType(col) == "DATE" {
			dates = append(dates, col.Name())
		}
	}
	r := parquet.NewReader(pf)
	defer r.Close()
	for {
		row := map[string]any{}
		if err := r.Read(&row); errors.Is(err, io.EOF) {
			break
		} else if err != nil {
			t.Fatalf("read %s: %v", path, err)
		}
		for _, c := range dates {
			if d, ok := row[c].(int32); ok {
				row[c] = time.Unix(int64(d)*86400, 0).UTC().Format(time.DateOnly)
			}
		}
		// The JSON form: float32 as its shortest decimal, every number float64.
		b, err := json.Marshal(row)
		if err != nil {
			t.Fatal(err)
		}
		var generic map[string]any
		if err := json.Unmarshal(b, &generic); err != nil {
			t.Fatal(err)
		}
		tbl.rows = append(tbl.rows, generic)
	}
	return tbl, tbl.meta
}

// rowsOf returns the rows of tbl as generic maps (copies: callers delete keys).
func rowsOf(t *testing.T, tbl *table) []map[string]any {
	t.Helper()
	out := make([]map[string]any, len(tbl.rows))
	for i, r := range tbl.rows {
		out[i] = make(map[string]any, len(r))
		for k, v := range r {
			out[i][k] = v
		}
	}
	return out
}

// column returns a string column of tbl as Go strings (null as "").
func column(t *testing.T, tbl *table, name string) []string {
	t.Helper()
	return values(t, tbl, name, "a string", func(v any) (string, bool) {
		s, ok := v.(string)
		return s, ok || v == nil
	})
}

// int32Column returns an integer column of tbl.
func int32Column(t *testing.T, tbl *table, name string) []int32 {
	t.Helper()
	return values(t, tbl, name, "an int32", func(v any) (int32, bool) {
		f, ok := v.(float64)
		return int32(f), ok && f == float64(int32(f))
	})
}

// values converts column name of every row with conv, failing on a value
// conv refuses (want says what it takes).
func values[T any](t *testing.T, tbl *table, name, want string, conv func(any) (T, bool)) []T {
	t.Helper()
	tbl.field(t, name)
	out := make([]T, 0, len(tbl.rows))
	for i, r := range tbl.rows {
		v, ok := conv(r[name])
		if !ok {
			t.Fatalf("column %s row %d: %v (%T), want %s", name, i, r[name], r[name], want)
		}
		out = append(out, v)
	}
	return out
}
