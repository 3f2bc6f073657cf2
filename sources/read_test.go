package sources_test

import (
	"bytes"
	"compress/gzip"
	"context"
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	utf16enc "unicode/utf16"

	"github.com/communique/communique/sources"
)

// readAll reads the inputs with a Reader, as the run does.
func readAll(t *testing.T, stdin string, inputs ...string) []sources.Item {
	t.Helper()
	r := sources.NewReader(strings.NewReader(stdin))
	var items []sources.Item
	emit := func(it sources.Item) error { items = append(items, it); return nil }
	files, missing := sources.Expand(context.Background(), inputs)
	for _, err := range missing {
		items = append(items, sources.Item{Err: err})
	}
	for _, f := range files {
		if err := r.ReadInput(context.Background(), f, emit); err != nil {
			t.Fatalf("ReadInput(%s) = %v", f.Name, err)
		}
	}
	return items
}

func write(t *testing.T, dir, name string, b []byte) string {
	t.Helper()
	p := filepath.Join(dir, name)
	if err := os.WriteFile(p, b, 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

// utf16 encodes s as UTF-16 with a byte order mark.
func utf16(little bool, s string) []byte {
	var b []byte
	put := func(u uint16) {
		if little {
			b = append(b, byte(u), byte(u>>8))
		} else {
			b = append(b, byte(u>>8), byte(u))
		}
	}
	put(0xFEFF)
	for _, u := range utf16enc.Encode([]rune(s)) {
		put(u)
	}
	return b
}

func gz(b []byte) []byte {
	var buf bytes.Buffer
	w := gzip.NewWriter(&buf)
	w.Write(b)
	w.Close()
	return buf.Bytes()
}

func TestReadBadInput(t *testing.T) {
	dir := t.TempDir()
	good := `{"id":"a1","title":"T","published":"2024-01-02","text":"Russia pledged aid."}` + "\n"
	full := gz([]byte(good + `{"id":"a2","text":"Iran agreed."}` + "\n"))
	tests := []struct {
		name      string
		file      string
		content   []byte
		wantOK    int
		wantErr   error  // nil: any error
		wantLine  int    // line of the first error, 0 for none
		wantMsg   string // substring of the first error
		wantWarn  error  // a warning the first article carries
		wantText  string // the first article's text, when set
		wantTitle string // the first article's title, when set
	}{
		{name: "good jsonl", file: "a.jsonl", content: []byte(good), wantOK: 1},
		{name: "malformed line", file: "b.jsonl", content: []byte(good + "{not json\n" + `{"id":"x2","text":"Mali."}` + "\n"), wantOK: 2, wantErr: sources.ErrMalformed, wantLine: 2},
		{name: "empty text", file: "c.jsonl", content: []byte(`{"id":"e","text":"  \n\t"}` + "\n"), wantErr: sources.ErrEmpty, wantLine: 1},
		{name: "empty txt", file: "d.txt", content: []byte("   \n\n"), wantErr: sources.ErrEmpty},
		{name: "binary", file: "e.txt", content: []byte("PK\x03\x04\x00\x00\x00binary"), wantErr: sources.ErrBinary},
		{name: "duplicate ids", file: "f.jsonl", content: []byte(good + good), wantOK: 1, wantErr: sources.ErrDuplicateID, wantLine: 2},
		{name: "bad date", file: "g.jsonl", content: []byte(`{"id":"d","published":"yesterday","text":"Chad."}` + "\n"), wantOK: 1, wantWarn: sources.ErrBadDate},
		{name: "bad month", file: "g2.jsonl", content: []byte(`{"id":"d","published":"2024-13-45","text":"Chad."}` + "\n"), wantOK: 1, wantWarn: sources.ErrBadDate},
		{name: "BOM jsonl", file: "bom.jsonl", content: []byte("\uFEFF" + good), wantOK: 1, wantText: "Russia pledged aid."},
		{name: "BOM jsonl.gz", file: "bom.jsonl.gz", content: gz([]byte("\uFEFF" + good)), wantOK: 1},
		{name: "BOM txt", file: "bom.txt", content: []byte("\uFEFFHeadline\n\nBody."), wantOK: 1, wantText: "Headline\n\nBody.", wantTitle: "Headline"},
		{name: "UTF-16LE txt", file: "u16le.txt", content: utf16(true, "Headline\n\nBody – text."), wantOK: 1, wantText: "Headline\n\nBody – text.", wantTitle: "Headline"},
		{name: "UTF-16BE jsonl", file: "u16be.jsonl", content: utf16(false, good), wantOK: 1, wantText: "Russia pledged aid."},
		{name: "empty jsonl", file: "empty.jsonl", content: nil, wantErr: sources.ErrNoArticles},
		{name: "empty jsonl.gz", file: "empty.jsonl.gz", content: gz(nil), wantErr: sources.ErrNoArticles},
		{name: "blank-only jsonl", file: "blank.jsonl", content: []byte("\n\r\n  \n\n"), wantErr: sources.ErrNoArticles},
		{name: "newline-only gzip", file: "nl.jsonl.gz", content: gz(bytes.Repeat([]byte("\n"), 1<<20)), wantErr: sources.ErrNoArticles},
		{name: "blank lines counted", file: "lines.jsonl", content: []byte("\n\r\n" + good + "\n\n{bad\n"), wantOK: 1, wantErr: sources.ErrMalformed, wantLine: 6},
		{name: "title a number", file: "tn.jsonl", content: []byte(`{"id":"n1","title":7,"text":"Chad."}` + "\n"), wantOK: 1, wantWarn: sources.ErrFieldType},
		{name: "text a number", file: "xn.jsonl", content: []byte(`{"id":"n2","text":7}` + "\n"), wantErr: sources.ErrFieldType, wantLine: 1, wantMsg: `field "text" of article n2 is a JSON number`},
		{name: "line an array", file: "arr.jsonl", content: []byte(`[1,2]` + "\n"), wantErr: sources.ErrMalformed, wantLine: 1, wantMsg: "not a JSON array"},
		{name: "NUL in jsonl", file: "nul.jsonl", content: []byte(`{"id":"z","text":"Chad\u0000 and Mali agreed on a long text."}` + "\n"), wantOK: 1, wantWarn: sources.ErrNUL, wantText: "Chad and Mali agreed on a long text."},
		{name: "NUL in txt", file: "nul.txt", content: []byte("Chad\x00 and Mali agreed on a long text."), wantOK: 1, wantWarn: sources.ErrNUL, wantText: "Chad and Mali agreed on a long text."},
		{name: "gzip ok", file: "h.jsonl.gz", content: full, wantOK: 2},
		{name: "truncated gzip", file: "i.jsonl.gz", content: full[:len(full)-12], wantOK: 2, wantMsg: "unexpected EOF", wantLine: 3},
		{name: "not gzip", file: "j.jsonl.gz", content: []byte("plain"), wantMsg: "gzip"},
		{name: "txt", file: "k.txt", content: []byte("Headline\n\nBody text."), wantOK: 1},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			p := write(t, dir, tc.file, tc.content)
			items := readAll(t, "", p)
			ok, failed := 0, []sources.Item{}
			for _, it := range items {
				if it.Err == nil {
					ok++
				} else {
					failed = append(failed, it)
				}
			}
			if ok != tc.wantOK {
				t.Errorf("read %s: %d articles; want %d", tc.file, ok, tc.wantOK)
			}
			for _, it := range items {
				if it.Err != nil {
					continue
				}
				if tc.wantWarn != nil && !slices.ContainsFunc(it.Warns, func(e error) bool { return errors.Is(e, tc.wantWarn) }) {
					t.Errorf("read %s: warnings %v; want %v", tc.file, it.Warns, tc.wantWarn)
				}
				if tc.wantWarn == nil && len(it.Warns) > 0 {
					t.Errorf("read %s: warnings %v; want none", tc.file, it.Warns)
				}
				if tc.wantText != "" && it.Article.Text != tc.wantText {
					t.Errorf("read %s: text %q; want %q", tc.file, it.Article.Text, tc.wantText)
				}
				if tc.wantTitle != "" && it.Article.Title != tc.wantTitle {
					t.Errorf("read %s: title %q; want %q", tc.file, it.Article.Title, tc.wantTitle)
				}
				break
			}
			wantErr := tc.wantErr != nil || tc.wantMsg != ""
			if wantErr != (len(failed) > 0) {
				t.Fatalf("read %s: errors %v; want error %v", tc.file, failed, wantErr)
			}
			if !wantErr {
				return
			}
			e := failed[0]
			if tc.wantErr != nil && !errors.Is(e.Err, tc.wantErr) {
				t.Errorf("read %s: error %v; want %v", tc.file, e.Err, tc.wantErr)
			}
			if tc.wantMsg != "" && !strings.Contains(e.Err.Error(), tc.wantMsg) {
				t.Errorf("read %s: error %q; want it to mention %q", tc.file, e.Err, tc.wantMsg)
			}
			if e.Line != tc.wantLine {
				t.Errorf("read %s: error line %d; want %d", tc.file, e.Line, tc.wantLine)
			}
			if e.Source != p {
				t.Errorf("read %s: error source %q; want %q", tc.file, e.Source, p)
			}
		})
	}
}

func TestReadMissingAndGlob(t *testing.T) {
	dir := t.TempDir()
	write(t, dir, "x.txt", []byte("Kenya and Somalia agreed."))
	items := readAll(t, "", filepath.Join(dir, "nope.jsonl"), filepath.Join(dir, "*.txt"), filepath.Join(dir, "*.none"))
	var errs, ok int
	for _, it := range items {
		if it.Err != nil {
			errs++
		} else {
			ok++
			if it.Article.ArticleID != "x" {
				t.Errorf("id from file name = %q; want x", it.Article.ArticleID)
			}
		}
	}
	if errs != 2 || ok != 1 {
		t.Errorf("missing file and empty glob: %d errors, %d articles; want 2, 1", errs, ok)
	}
}

func TestReadStdin(t *testing.T) {
	items := readAll(t, `{"id":"s1","text":"Peru."}`+"\n"+`{"id":"s2","text":"Chile."}`, "-")
	if len(items) != 2 || items[1].Article.ArticleID != "s2" || items[1].Line != 2 {
		t.Errorf("stdin JSONL: %+v", items)
	}
	items = readAll(t, "Plain text on standard input.", "-")
	if len(items) != 1 || items[0].Article.ArticleID != "stdin" {
		t.Errorf("stdin text: %+v", items)
	}
}

func TestReadHugeArticle(t *testing.T) {
	dir := t.TempDir()
	big := bytes.Repeat([]byte("Russia pledged aid to Tajikistan. "), 50<<20/34)
	p := write(t, dir, "big.txt", big)
	items := readAll(t, "", p)
	if len(items) != 1 || !errors.Is(items[0].Err, sources.ErrTooLarge) {
		t.Fatalf("50 MB article: %v; want ErrTooLarge", items)
	}
}

func FuzzReadJSONL(f *testing.F) {
	f.Add([]byte(`{"id":"a","text":"Russia."}` + "\n"))
	f.Add([]byte("{bad\n\n"))
	f.Add([]byte(`{"id":"a","published":"2021-09-15","text":"x"}` + "\n" + `{"id":"a","text":"y"}`))
	f.Fuzz(func(t *testing.T, b []byte) {
		r := sources.NewReader(nil)
		seq := 0
		err := r.ReadJSONL(context.Background(), "fuzz", bytes.NewReader(b), func(it sources.Item) error {
			if it.Seq != seq {
				t.Fatalf("seq %d; want %d", it.Seq, seq)
			}
			seq++
			if it.Err == nil && strings.TrimSpace(it.Article.Text) == "" {
				t.Fatalf("empty article passed: %+v", it)
			}
			return nil
		})
		if err != nil {
			t.Fatalf("ReadJSONL = %v", err)
		}
	})
}

// TestBOMOnStandardInput reads JSONL with a byte order mark from stdin.
func TestBOMOnStandardInput(t *testing.T) {
	items := readAll(t, "\uFEFF"+`{"id":"s1","text":"Chad and Mali agreed."}`+"\n", "-")
	if len(items) != 1 || items[0].Err != nil || items[0].Article.ArticleID != "s1" {
		t.Errorf("stdin with a BOM: %+v; want article s1", items)
	}
}

func TestSymlinkedDirectoryReported(t *testing.T) {
	dir := t.TempDir()
	os.MkdirAll(filepath.Join(dir, "real"), 0o755)
	write(t, filepath.Join(dir, "real"), "a.txt", []byte("Chad and Mali agreed."))
	os.MkdirAll(filepath.Join(dir, "in"), 0o755)
	if err := os.Symlink(filepath.Join(dir, "real"), filepath.Join(dir, "in", "linked")); err != nil {
		t.Skip(err)
	}
	files, missing := sources.Expand(context.Background(), []string{filepath.Join(dir, "in")})
	if len(files) != 0 || len(missing) != 1 || !errors.Is(missing[0], sources.ErrSymlinkDir) {
		t.Errorf("Expand = %v, %v; want one error: %v", files, missing, sources.ErrSymlinkDir)
	}
}
