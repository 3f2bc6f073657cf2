package data_test

import (
	"io/fs"
	"strings"
	"testing"

	"github.com/communique/communique/data"
)

func TestParseTSV(t *testing.T) {
	tests := []struct {
		name    string
		in      string
		want    []data.Record
		wantErr string
	}{
		{"header and rows", "# comment\nname\tid\n\nKabul\tAFG\nMinsk\t\n", []data.Record{{"name": "Kabul", "id": "AFG"}, {"name": "Minsk", "id": ""}}, ""},
		{"missing trailing cells", "a\tb\tc\nx\n", []data.Record{{"a": "x", "b": "", "c": ""}}, ""},
		{"CRLF and spaces", "a\tb\r\n x \t y \r\n", []data.Record{{"a": "x", "b": "y"}}, ""},
		{"too many cells", "a\nx\ty\n", nil, "t.tsv line 2: 2 cells, header has 1"},
		{"empty", "", nil, ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, err := data.ParseTSV("t.tsv", []byte(tc.in))
			if tc.wantErr != "" {
				if err == nil || err.Error() != tc.wantErr {
					t.Fatalf("ParseTSV(%q) error = %v; want %q", tc.in, err, tc.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatalf("ParseTSV(%q) = %v", tc.in, err)
			}
			if len(got) != len(tc.want) {
				t.Fatalf("ParseTSV(%q) = %v; want %v", tc.in, got, tc.want)
			}
			for i := range got {
				for k, v := range tc.want[i] {
					if got[i][k] != v {
						t.Errorf("ParseTSV(%q) row %d %s = %q; want %q", tc.in, i, k, got[i][k], v)
					}
				}
			}
		})
	}
}

// TestEmbeddedTSV checks every embedded TSV file parses and has rows.
func TestEmbeddedTSV(t *testing.T) {
	n := 0
	err := fs.WalkDir(data.FS(), ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(p, ".tsv") {
			return err
		}
		rows, err := data.TSV(p)
		if err != nil {
			t.Errorf("%s: %v", p, err)
		} else if len(rows) == 0 {
			t.Errorf("%s: no rows", p)
		}
		n++
		return nil
	})
	if err != nil || n < 5 {
		t.Fatalf("walked %d TSV files: %v", n, err)
	}
}

func FuzzParseTSV(f *testing.F) {
	f.Add([]byte("a\tb\nx\ty\n"))
	f.Fuzz(func(t *testing.T, b []byte) {
		rows, err := data.ParseTSV("fuzz", b)
		if err != nil {
			return
		}
		for _, r := range rows {
			for k, v := range r {
				if strings.Contains(k, "\t") || strings.Contains(v, "\t") {
					t.Fatalf("cell with a tab: %q=%q", k, v)
				}
			}
		}
	})
}
