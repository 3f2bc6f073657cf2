package sources

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
	"slices"
	"sort"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/communique/communique/data"
	"github.com/communique/communique/models"
	"github.com/communique/communique/objstore"
	"github.com/communique/communique/textnorm"
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
	Warns   []error        // problems that were repaired; the article is still analysed
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

// expandLocal turns local inputs (files, directories, globs, "-") into a
// list of files to read. Directories are walked for .txt, .jsonl and
// .jsonl.gz files, in sorted order. A pattern that matches nothing and a
// missing file are returned as errors in missing, so the run can report them
// and go on.
func expandLocal(inputs []string) (files []string, missing []error) {
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
				missing = append(missing, &InputError{Input: in, Err: errors.New("no file matches")})
				continue
			}
			matches = m
		}
		for _, m := range matches {
			st, err := os.Stat(m)
			if err != nil {
				missing = append(missing, &InputError{Input: m, Err: pathErr(err)})
				continue
			}
			if !st.IsDir() {
				add(m)
				continue
			}
			var found []string
			err = filepath.WalkDir(m, func(p string, d fs.DirEntry, err error) error {
				if err != nil {
					missing = append(missing, &InputError{Input: p, Err: pathErr(err)})
					return nil
				}
				if d.Type()&fs.ModeSymlink != 0 {
					if st, err := os.Stat(p); err == nil && st.IsDir() {
						missing = append(missing, &InputError{Input: p, Err: ErrSymlinkDir})
						return nil
					}
				}
				if !d.IsDir() && isArticleFile(p) {
					found = append(found, p)
				}
				return nil
			})
			if err != nil {
				missing = append(missing, &InputError{Input: m, Err: pathErr(err)})
			}
			sort.Strings(found)
			for _, f := range found {
				add(f)
			}
		}
	}
	return files, missing
}

// InputError is an input named on the command line, or found under one,
// that cannot be read; it becomes an errors row whose source is Input.
type InputError struct {
	Input string
	Err   error
	named bool // Err's message already starts with Input
}

func (e *InputError) Error() string {
	if e.named {
		return e.Err.Error()
	}
	return e.Input + ": " + e.Err.Error()
}
func (e *InputError) Unwrap() error { return e.Err }

// pathErr drops the operation and path from a *fs.PathError, which an
// InputError already names: "no such file or directory", not "stat x: ...".
func pathErr(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
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
	// OpenWait bounds the wait for a writer to open a FIFO given as input;
	// 0 means DefaultOpenWait.
	OpenWait time.Duration

	Inputs []models.InputRecord // one per file read, in order

	Objects *objstore.Buckets // opens object-store inputs; closed by Close
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
	return &Reader{Stdin: stdin, ids: map[[16]byte]seenAt{}, Objects: &objstore.Buckets{}}
}

// Close closes the object-store buckets the reader opened.
func (r *Reader) Close() error { return r.Objects.Close() }

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
	f, err := openInput(ctx, in, r.Objects)
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
// A UTF-8 byte order mark is dropped and UTF-16 with one is decoded. A
// local input that is not a regular file (a FIFO, a character device,
// /dev/fd/N) is read once as a stream: it is not hashed first, so nothing
// is lost, and a FIFO no writer opens within OpenWait becomes an error row.
func (r *Reader) ReadInput(ctx context.Context, in InputFile, emit func(Item) error) error {
	name := in.Name
	rec := models.InputRecord{Path: name}
	var src io.Reader
	switch {
	case name == "-" && in.obj == nil:
		src = newCtxReader(ctx, r.Stdin)
	case in.obj == nil && !isRegular(name):
		file, err := openStream(ctx, name, r.openWait())
		if err != nil {
			if ctx.Err() != nil {
				return ctx.Err()
			}
			return r.fail(emit, name, 0, "", err)
		}
		defer file.Close()
		src = newCtxReader(ctx, file)
	default:
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
		file, err := openInput(ctx, in, r.Objects)
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
	br := bufio.NewReaderSize(r.cur, 64<<10)
	known := strings.HasSuffix(name, ".jsonl") || strings.HasSuffix(name, ".txt")
	if strings.HasSuffix(name, ".gz") || !known && isGzip(br) {
		gz, err := gzip.NewReader(br)
		if err != nil {
			if !strings.HasPrefix(err.Error(), "gzip: ") { // most of gzip's errors say so already
				err = fmt.Errorf("gzip: %w", err)
			}
			return r.fail(emit, name, 0, "", err)
		}
		defer gz.Close()
		return r.readJSONL(ctx, name, decodeBOM(bufio.NewReaderSize(gz, 64<<10)), emit)
	}
	br = decodeBOM(br)
	if strings.HasSuffix(name, ".jsonl") || !known && startsWithBrace(br) {
		return r.readJSONL(ctx, name, br, emit)
	}
	return r.readText(name, br, emit)
}

// openWait returns how long to wait for a FIFO's writer.
func (r *Reader) openWait() time.Duration {
	if r.OpenWait > 0 {
		return r.OpenWait
	}
	return DefaultOpenWait
}

// isRegular reports whether the local path name is a regular file (or
// cannot be examined: opening it will say why).
func isRegular(name string) bool {
	st, err := os.Stat(name)
	return err != nil || st.Mode().IsRegular()
}

// isGzip reports whether the buffered input starts with the gzip magic number.
func isGzip(br *bufio.Reader) bool {
	b, _ := br.Peek(2)
	return len(b) == 2 && b[0] == 0x1f && b[1] == 0x8b
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
		return r.fail(emit, name, 0, id, fmt.Errorf("read: %w", err))
	}
	if len(b) > MaxArticleBytes {
		return r.fail(emit, name, 0, id, fmt.Errorf("%w: over %d bytes", ErrTooLarge, MaxArticleBytes))
	}
	if isBinary(b) {
		return r.fail(emit, name, 0, id, ErrBinary)
	}
	text := strings.ReplaceAll(string(b), "\x00", "")
	return r.article(emit, name, 0, models.Article{ArticleID: id, Title: firstLine(text), Lang: "en", Text: string(b)}, nil)
}

func (r *Reader) readJSONL(ctx context.Context, name string, rd io.Reader, emit func(Item) error) error {
	br, ok := rd.(*bufio.Reader)
	if !ok {
		br = bufio.NewReaderSize(rd, 64<<10)
	}
	items := 0
	for line := 1; ; line++ {
		if err := ctx.Err(); err != nil {
			return err
		}
		blank, err := skipNewlines(br)
		line += blank
		if err == io.EOF {
			if items == 0 {
				return r.fail(emit, name, 0, "", ErrNoArticles)
			}
			return nil
		}
		b, tooLong, err := readLine(br, MaxArticleBytes+64<<10)
		if len(bytes.TrimSpace(b)) > 0 || tooLong {
			items++
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
			if items == 0 {
				return r.fail(emit, name, 0, "", ErrNoArticles)
			}
			return nil
		}
		if err != nil {
			if ctx.Err() != nil {
				return ctx.Err()
			}
			return r.fail(emit, name, line, "", fmt.Errorf("read: %w", err))
		}
	}
}

// skipNewlines consumes the line breaks at the reader's position, a whole
// buffer at a time, and returns how many lines they ended: a file of blank
// lines is read at the speed of memory, not of one call per line.
func skipNewlines(br *bufio.Reader) (lines int, err error) {
	for {
		if _, err := br.Peek(1); err != nil {
			return lines, err
		}
		b, _ := br.Peek(br.Buffered())
		i := 0
		for i < len(b) && (b[i] == '\n' || b[i] == '\r') {
			if b[i] == '\n' {
				lines++
			}
			i++
		}
		br.Discard(i)
		if i < len(b) {
			return lines, nil
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
	var warns []error
	if !utf8.Valid(b) {
		// encoding/json would replace the bad bytes silently; say so.
		warns = append(warns, ErrInvalidUTF8)
	}
	err := json.Unmarshal(b, &ja)
	var te *json.UnmarshalTypeError
	if err != nil && !errors.As(err, &te) {
		return r.fail(emit, name, line, "", fmt.Errorf("%w: %v", ErrMalformed, strings.TrimPrefix(err.Error(), "json: ")))
	}
	if te != nil && te.Field == "" {
		return r.fail(emit, name, line, "", fmt.Errorf("%w: a line must be a JSON object, not a JSON %s", ErrMalformed, te.Value))
	}
	// Unmarshal fills every field it can before reporting the first of the
	// wrong type, so the id is known unless it is the wrong field.
	id := strings.TrimSpace(ja.ID)
	if id == "" {
		id = fmt.Sprintf("%s:%d", idFromFile(name), line)
	}
	if te != nil {
		what := fmt.Errorf("%w: field %q of article %s is a JSON %s, want a string", ErrFieldType, te.Field, id, te.Value)
		if te.Field == "text" || te.Field == "id" {
			return r.fail(emit, name, line, id, what)
		}
		warns = append(warns, fmt.Errorf("%w; left empty", what))
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
			warns = append(warns, fmt.Errorf("%w: %q: %v", ErrBadDate, ja.Published, err))
		} else {
			d := models.DateOf(t)
			a.Published = &d
		}
	}
	return r.article(emit, name, line, a, warns)
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

func (r *Reader) article(emit func(Item) error, name string, line int, a models.Article, warns []error) error {
	if strings.IndexByte(a.Text, 0) >= 0 {
		if isBinary([]byte(a.Text[:min(len(a.Text), 8000)])) {
			return r.fail(emit, name, line, a.ArticleID, ErrBinary)
		}
		a.Text = strings.ReplaceAll(a.Text, "\x00", "")
		warns = append(warns, ErrNUL)
	}
	if strings.TrimSpace(a.Text) == "" {
		return r.fail(emit, name, line, a.ArticleID, ErrEmpty)
	}
	text, repaired := textnorm.Normalize(a.Text)
	if repaired && !slices.Contains(warns, ErrInvalidUTF8) {
		warns = append(warns, ErrInvalidUTF8)
	}
	a.Text = text
	sum := sha256.Sum256([]byte(text))
	a.ContentSHA256 = hex.EncodeToString(sum[:])
	key := sha256.Sum256([]byte(a.ArticleID))
	here := seenAt{file: int32(len(r.Inputs) - 1), line: int32(line)}
	if first, dup := r.ids[[16]byte(key[:16])]; dup {
		// The rejected version is known: its errors row carries its hash.
		return r.failArticle(emit, name, line, models.Article{ArticleID: a.ArticleID, ContentSHA256: a.ContentSHA256},
			fmt.Errorf("%w: first seen in %s", ErrDuplicateID, r.where(first)))
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
	it := Item{Seq: r.seq, Article: a, Source: name, Line: line, Warns: warns, Done: r.consumed()}
	r.seq++
	return emit(it)
}

func (r *Reader) fail(emit func(Item) error, name string, line int, id string, err error) error {
	return r.failArticle(emit, name, line, models.Article{ArticleID: id}, err)
}

// failArticle emits an error item for an article whose id, and perhaps
// content hash, are known.
func (r *Reader) failArticle(emit func(Item) error, name string, line int, a models.Article, err error) error {
	it := Item{Seq: r.seq, Source: name, Line: line, Err: err, Done: r.consumed(), Article: a}
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

// isBinary reports whether b looks like a binary file: many NUL bytes early
// on (one in 32 or more). A few stray NULs in text are removed instead, the
// same way in every input format.
func isBinary(b []byte) bool {
	b = b[:min(len(b), 8000)]
	return bytes.Count(b, []byte{0})*32 >= len(b) && bytes.IndexByte(b, 0) >= 0
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
		r.Inputs = append(r.Inputs, models.InputRecord{Path: source, Bytes: int64(len(b))})
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
	files, missing := Expand(ctx, inputs)
	return r.ReadInputs(ctx, files, missing, emit)
}

// ReadInputs reports the inputs that could not be found (as error rows), then
// reads the files.
func (r *Reader) ReadInputs(ctx context.Context, files []InputFile, missing []error, emit func(Item) error) error {
	for _, err := range missing {
		source := ""
		var ie *InputError
		if errors.As(err, &ie) {
			source = ie.Input
		}
		if e := r.fail(emit, source, 0, "", err); e != nil {
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
