package pipeline

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"hash"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"sort"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/communique/communique/data"
	"github.com/communique/communique/models"
)

// MaxArticleBytes is the largest article text accepted; longer ones become
// error rows. A JSONL line may be a little longer (its other fields).
const MaxArticleBytes = 16 << 20

// Item is one article read from the input, or one input that failed.
type Item struct {
	Seq     int            // position in the input stream, from 0
	Article models.Article // set when Err is nil
	Source  string         // file name, "-" for standard input, "sample:..." for embedded samples
	Line    int            // 1-based JSONL line, 0 for whole-file inputs
	Err     error          // why this input could not be read
	Warn    error          // a problem that was repaired; the article is still analysed
	Done    int64          // input bytes consumed so far, over all files, for progress
}

// jsonArticle is one line of a JSONL input.
type jsonArticle struct {
	ID        string `json:"id"`
	Title     string `json:"title"`
	Published string `json:"published"`
	Source    string `json:"source"`
	URL       string `json:"url"`
	Lang      string `json:"lang"`
	Text      string `json:"text"`
}

// Expand turns the command line's inputs (files, directories, globs, "-")
// into a sorted list of files to read. Directories are walked for .txt,
// .jsonl and .jsonl.gz files. A pattern that matches nothing and a missing
// file are returned as errors in missing, so the run can report them and go on.
func Expand(inputs []string) (files []string, missing []error) {
	seen := map[string]bool{}
	add := func(f string) {
		if !seen[f] {
			seen[f] = true
			files = append(files, f)
		}
	}
	for _, in := range inputs {
		if in == "-" {
			add(in)
			continue
		}
		matches := []string{in}
		if strings.ContainsAny(in, "*?[") {
			m, err := filepath.Glob(in)
			if err != nil || len(m) == 0 {
				missing = append(missing, fmt.Errorf("%s: no file matches", in))
				continue
			}
			matches = m
		}
		for _, m := range matches {
			st, err := os.Stat(m)
			if err != nil {
				missing = append(missing, fmt.Errorf("%s: %w", m, err))
				continue
			}
			if !st.IsDir() {
				add(m)
				continue
			}
			var found []string
			err = filepath.WalkDir(m, func(p string, d fs.DirEntry, err error) error {
				if err != nil {
					missing = append(missing, fmt.Errorf("%s: %w", p, err))
					return nil
				}
				if !d.IsDir() && isArticleFile(p) {
					found = append(found, p)
				}
				return nil
			})
			if err != nil {
				missing = append(missing, fmt.Errorf("%s: %w", m, err))
			}
			sort.Strings(found)
			for _, f := range found {
				add(f)
			}
		}
	}
	return files, missing
}

// isArticleFile reports whether a file found in a directory is an input.
func isArticleFile(p string) bool {
	return strings.HasSuffix(p, ".txt") || strings.HasSuffix(p, ".jsonl") || strings.HasSuffix(p, ".jsonl.gz")
}

// Reader reads articles from files, normalizes their text and numbers them
// in input order. It is used by one goroutine.
type Reader struct {
	Stdin io.Reader // standard input, for "-"
	// Skip, when set, is asked about each article: true drops it (it was
	// committed before with the same content) and counts it as skipped.
	Skip func(id string, sha [32]byte) bool
	// SkipInput, when set, is asked about each input file by content hash:
	// true skips the file without reading its articles.
	SkipInput func(sha string) bool

	Inputs []InputRecord // one per file read, in order

	objects *buckets // opens object-store inputs
	seq     int
	done    int64               // bytes consumed by finished files
	cur     *countingReader     // the file being read
	ids     map[[16]byte]seenAt // article id hash → where it was first seen
}

// seenAt is where an article id was first read: an index into Inputs and a line.
type seenAt struct{ file, line int32 }

// where names the input of a seenAt for error messages.
func (r *Reader) where(s seenAt) string {
	name := "input"
	if s.file >= 0 && int(s.file) < len(r.Inputs) {
		name = r.Inputs[s.file].Path
	}
	if s.line > 0 {
		return fmt.Sprintf("%s line %d", name, s.line)
	}
	return name
}

// NewReader returns a reader; stdin is read for the input "-".
func NewReader(stdin io.Reader) *Reader {
	return &Reader{Stdin: stdin, ids: map[[16]byte]seenAt{}, objects: &buckets{}}
}

// Close closes the object-store buckets the reader opened.
func (r *Reader) Close() error { return r.objects.Close() }

// countingReader counts and hashes the bytes read through it.
type countingReader struct {
	r io.Reader
	n int64
	h hash.Hash
}

func (c *countingReader) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	c.n += int64(n)
	c.h.Write(p[:n])
	return n, err
}

// hashInput returns the hex SHA-256 of an input file's content.
func (r *Reader) hashInput(ctx context.Context, in InputFile) (string, error) {
	f, err := openInput(ctx, in, r.objects)
	if err != nil {
		return "", err
	}
	defer f.Close()
	h := sha256.New()
	if _, err := io.Copy(h, f); err != nil {
		return "", err
	}
	return hex.EncodeToString(h.Sum(nil)), nil
}

// ReadFile reads one local input file and calls emit for each article or
// failure. It returns early only when emit returns an error (the run was
// cancelled).
func (r *Reader) ReadFile(ctx context.Context, name string, emit func(Item) error) error {
	return r.ReadInput(ctx, InputFile{Name: name}, emit)
}

// ReadInput reads one input file, local or in an object store, like ReadFile.
func (r *Reader) ReadInput(ctx context.Context, in InputFile, emit func(Item) error) error {
	name := in.Name
	rec := InputRecord{Path: name}
	var src io.Reader
	if name == "-" && in.obj == nil {
		src = r.Stdin
	} else {
		if r.SkipInput != nil {
			sha, err := r.hashInput(ctx, in)
			if err != nil {
				return r.fail(emit, name, 0, "", err)
			}
			if r.SkipInput(sha) {
				rec.SHA256, rec.Unchanged = sha, true
				r.Inputs = append(r.Inputs, rec)
				return nil
			}
		}
		file, err := openInput(ctx, in, r.objects)
		if err != nil {
			return r.fail(emit, name, 0, "", err)
		}
		defer file.Close()
		src = file
	}
	r.cur = &countingReader{r: src, h: sha256.New()}
	r.Inputs = append(r.Inputs, rec)
	defer func() {
		in := &r.Inputs[len(r.Inputs)-1]
		in.Bytes = r.cur.n
		in.SHA256 = hex.EncodeToString(r.cur.h.Sum(nil))
		r.done += r.cur.n
		r.cur = nil
	}()
	f := io.Reader(r.cur)
	if strings.HasSuffix(name, ".gz") {
		gz, err := gzip.NewReader(f)
		if err != nil {
			return r.fail(emit, name, 0, "", fmt.Errorf("gzip: %w", err))
		}
		defer gz.Close()
		return r.readJSONL(ctx, name, gz, emit)
	}
	br := bufio.NewReaderSize(f, 64<<10)
	if strings.HasSuffix(name, ".jsonl") || (name == "-" && startsWithBrace(br)) {
		return r.readJSONL(ctx, name, br, emit)
	}
	return r.readText(name, br, emit)
}

// ReadJSONL reads JSONL articles from rd, naming them by source in errors.
func (r *Reader) ReadJSONL(ctx context.Context, source string, rd io.Reader, emit func(Item) error) error {
	return r.readJSONL(ctx, source, rd, emit)
}

// startsWithBrace reports whether the buffered input's first non-space byte is '{'.
func startsWithBrace(br *bufio.Reader) bool {
	for n := 1; n <= 4096; n++ {
		b, err := br.Peek(n)
		if len(b) < n {
			return false
		}
		c := b[n-1]
		if c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == 0xEF || c == 0xBB || c == 0xBF {
			if err != nil {
				return false
			}
			continue
		}
		return c == '{'
	}
	return false
}

func (r *Reader) readText(name string, rd io.Reader, emit func(Item) error) error {
	b, err := io.ReadAll(io.LimitReader(rd, MaxArticleBytes+1))
	id := idFromFile(name)
	if err != nil {
		return r.fail(emit, name, 0, id, err)
	}
	if len(b) > MaxArticleBytes {
		return r.fail(emit, name, 0, id, fmt.Errorf("%w: over %d bytes", ErrTooLarge, MaxArticleBytes))
	}
	if isBinary(b) {
		return r.fail(emit, name, 0, id, ErrBinary)
	}
	return r.article(emit, name, 0, models.Article{ArticleID: id, Title: firstLine(string(b)), Lang: "en", Text: string(b)}, nil)
}

func (r *Reader) readJSONL(ctx context.Context, name string, rd io.Reader, emit func(Item) error) error {
	br := bufio.NewReaderSize(rd, 64<<10)
	for line := 1; ; line++ {
		if err := ctx.Err(); err != nil {
			return err
		}
		b, tooLong, err := readLine(br, MaxArticleBytes+64<<10)
		if len(bytes.TrimSpace(b)) > 0 || tooLong {
			var e error
			switch {
			case tooLong:
				e = r.fail(emit, name, line, "", fmt.Errorf("%w: line over %d bytes", ErrTooLarge, MaxArticleBytes))
			default:
				e = r.jsonLine(emit, name, line, b)
			}
			if e != nil {
				return e
			}
		}
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return r.fail(emit, name, line, "", err)
		}
	}
}

// readLine reads one line without its newline; a line longer than max is
// consumed and reported with tooLong, so memory stays bounded.
func readLine(br *bufio.Reader, max int) (line []byte, tooLong bool, err error) {
	for {
		chunk, isPrefix, e := br.ReadLine()
		if !tooLong {
			line = append(line, chunk...)
			if len(line) > max {
				tooLong, line = true, nil
			}
		}
		if e != nil {
			return line, tooLong, e
		}
		if !isPrefix {
			return line, tooLong, nil
		}
	}
}

func (r *Reader) jsonLine(emit func(Item) error, name string, line int, b []byte) error {
	var ja jsonArticle
	var warn error
	if !utf8.Valid(b) {
		// encoding/json would replace the bad bytes silently; say so.
		warn = ErrInvalidUTF8
	}
	if err := json.Unmarshal(b, &ja); err != nil {
		return r.fail(emit, name, line, "", fmt.Errorf("%w: %v", ErrMalformed, err))
	}
	id := strings.TrimSpace(ja.ID)
	if id == "" {
		id = fmt.Sprintf("%s:%d", idFromFile(name), line)
	}
	if len(ja.Text) > MaxArticleBytes {
		return r.fail(emit, name, line, id, fmt.Errorf("%w: over %d bytes", ErrTooLarge, MaxArticleBytes))
	}
	a := models.Article{ArticleID: id, Title: ja.Title, Source: ja.Source, URL: ja.URL, Lang: ja.Lang, Text: ja.Text}
	if a.Lang == "" {
		a.Lang = "en"
	}
	if ja.Published != "" {
		t, err := parseDate(ja.Published)
		if err != nil {
			return r.fail(emit, name, line, id, fmt.Errorf("published %q: %w", ja.Published, err))
		}
		d := models.DateOf(t)
		a.Published = &d
	}
	return r.article(emit, name, line, a, warn)
}

// parseDate accepts a date or an RFC 3339 timestamp and keeps the UTC date.
func parseDate(s string) (time.Time, error) {
	if t, err := time.Parse("2006-01-02", s); err == nil {
		return t, nil
	}
	t, err := time.Parse(time.RFC3339, s)
	if err != nil {
		return time.Time{}, errors.New("want YYYY-MM-DD or RFC 3339")
	}
	y, m, d := t.UTC().Date()
	return time.Date(y, m, d, 0, 0, 0, 0, time.UTC), nil
}

func (r *Reader) article(emit func(Item) error, name string, line int, a models.Article, warn error) error {
	if strings.TrimSpace(a.Text) == "" {
		return r.fail(emit, name, line, a.ArticleID, ErrEmpty)
	}
	text, repaired := Normalize(a.Text)
	if repaired {
		warn = ErrInvalidUTF8
	}
	a.Text = text
	sum := sha256.Sum256([]byte(text))
	a.ContentSHA256 = hex.EncodeToString(sum[:])
	key := sha256.Sum256([]byte(a.ArticleID))
	here := seenAt{file: int32(len(r.Inputs) - 1), line: int32(line)}
	if first, dup := r.ids[[16]byte(key[:16])]; dup {
		return r.fail(emit, name, line, a.ArticleID, fmt.Errorf("%w: first seen in %s", ErrDuplicateID, r.where(first)))
	}
	r.ids[[16]byte(key[:16])] = here
	if r.Skip != nil && r.Skip(a.ArticleID, sum) {
		if len(r.Inputs) > 0 {
			r.Inputs[len(r.Inputs)-1].Skipped++
		}
		return nil
	}
	if len(r.Inputs) > 0 {
		r.Inputs[len(r.Inputs)-1].Articles++
	}
	a.InputFile = name
	if line > 0 {
		l := int32(line)
		a.InputLine = &l
	}
	it := Item{Seq: r.seq, Article: a, Source: name, Line: line, Warn: warn, Done: r.consumed()}
	r.seq++
	return emit(it)
}

func (r *Reader) fail(emit func(Item) error, name string, line int, id string, err error) error {
	it := Item{Seq: r.seq, Source: name, Line: line, Err: err, Done: r.consumed()}
	it.Article.ArticleID = id
	r.seq++
	return emit(it)
}

// consumed returns the input bytes read so far over all files.
func (r *Reader) consumed() int64 {
	if r.cur != nil {
		return r.done + r.cur.n
	}
	return r.done
}

// idFromFile derives an article id from a file name: its base without extensions.
func idFromFile(name string) string {
	if name == "-" {
		return "stdin"
	}
	base := filepath.Base(name)
	for _, ext := range []string{".gz", ".jsonl", ".txt"} {
		base = strings.TrimSuffix(base, ext)
	}
	return base
}

// firstLine returns the first non-blank line of text, trimmed, as a title.
func firstLine(text string) string {
	for _, l := range strings.Split(text[:min(len(text), 1000)], "\n") {
		if t := strings.TrimSpace(l); t != "" {
			return t
		}
	}
	return ""
}

// isBinary reports whether b looks like a binary file: NUL bytes early on.
func isBinary(b []byte) bool {
	return bytes.IndexByte(b[:min(len(b), 8000)], 0) >= 0
}

// ReadSamples reads the sample articles embedded in the binary.
func (r *Reader) ReadSamples(ctx context.Context, emit func(Item) error) error {
	names, err := fs.Glob(data.FS(), "samples/*.jsonl")
	if err != nil {
		return err
	}
	for _, name := range names {
		b, err := data.ReadFile(name)
		if err != nil {
			return err
		}
		source := "sample:" + path.Base(name)
		r.Inputs = append(r.Inputs, InputRecord{Path: source, Bytes: int64(len(b))})
		if err := r.ReadJSONL(ctx, source, bytes.NewReader(b), emit); err != nil {
			return err
		}
	}
	return nil
}

// ReadAll reads the command line's inputs (files, directories, globs,
// object-store URLs, "-"), or the embedded samples when there are none, and
// calls emit for each article or failure, as a run does.
func (r *Reader) ReadAll(ctx context.Context, inputs []string, emit func(Item) error) error {
	if len(inputs) == 0 {
		return r.ReadSamples(ctx, emit)
	}
	files, missing := ExpandInputs(ctx, inputs)
	return r.readInputs(ctx, files, missing, emit)
}

// readInputs reports the inputs that could not be found, then reads the files.
func (r *Reader) readInputs(ctx context.Context, files []InputFile, missing []error, emit func(Item) error) error {
	for _, err := range missing {
		if e := r.fail(emit, "", 0, "", err); e != nil {
			return e
		}
	}
	for _, f := range files {
		if err := r.ReadInput(ctx, f, emit); err != nil {
			return err
		}
	}
	return nil
}
