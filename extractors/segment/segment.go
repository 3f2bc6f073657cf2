package segment

import (
	"context"
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"gopkg.in/neurosnap/sentences.v1"
	"gopkg.in/neurosnap/sentences.v1/english"
)

// Token is one token of an article with its byte offsets into the text.
type Token struct {
	Text  string // surface form, exactly text[Start:End]
	Start int    // byte offset of the first byte
	End   int    // byte offset after the last byte
	Tag   string // Penn Treebank part-of-speech tag from prose
}

// Sentence is one sentence: byte offsets into the text and the range of its
// tokens in the article's token slice.
type Sentence struct {
	Start, End       int // byte offsets, End exclusive
	TokStart, TokEnd int // indexes into the article's tokens, TokEnd exclusive
}

// Segmenter holds the models built once and shared by every article.
type Segmenter struct {
	punkt  *sentences.DefaultSentenceTokenizer
	tagger *tagger
}

// New builds the sentence and tagging models. It is slow (about 200 ms):
// call it once per process and share the result.
func New() (*Segmenter, error) {
	punkt, err := english.NewSentenceTokenizer(nil)
	if err != nil {
		return nil, fmt.Errorf("build sentence model: %w", err)
	}
	tg, err := newTagger()
	if err != nil {
		return nil, fmt.Errorf("build tagging model: %w", err)
	}
	return &Segmenter{punkt: punkt, tagger: tg}, nil
}

// Segment splits text into sentences and tagged tokens.
func (s *Segmenter) Segment(text string) ([]Sentence, []Token, error) {
	return s.SegmentContext(context.Background(), text)
}

// SegmentContext is Segment that stops with ctx's error, checked before each
// paragraph and sentence, once ctx is done.
func (s *Segmenter) SegmentContext(ctx context.Context, text string) ([]Sentence, []Token, error) {
	var sents []Sentence
	// Each sentence's tokens are kept and copied once into a slice of the
	// exact length at the end: appending them one sentence at a time copied
	// the tokens of a long article again at each doubling of the slice.
	var parts [][]Token
	n := 0
	for _, para := range paragraphs(text) {
		if err := ctx.Err(); err != nil {
			return nil, nil, err
		}
		for _, span := range s.sentenceSpans(text, para[0], para[1]) {
			if err := ctx.Err(); err != nil {
				return nil, nil, err
			}
			st := s.tokens(text, span[0], span[1])
			if len(st) == 0 {
				continue
			}
			sents = append(sents, Sentence{Start: span[0], End: span[1], TokStart: n, TokEnd: n + len(st)})
			parts = append(parts, st)
			n += len(st)
		}
	}
	var toks []Token
	if n > 0 {
		toks = make([]Token, 0, n)
		for _, st := range parts {
			toks = append(toks, st...)
		}
	}
	return sents, toks, nil
}

// paragraphs returns the byte ranges of the text's non-blank lines, trimmed.
// A line that starts with a lower-case letter continues the line before it,
// so hard-wrapped text keeps its sentences whole.
func paragraphs(text string) [][2]int {
	var out [][2]int
	start := 0
	for start < len(text) {
		nl := strings.IndexByte(text[start:], '\n')
		end := len(text)
		if nl >= 0 {
			end = start + nl
		}
		a, b := trim(text, start, end)
		if a < b {
			r, _ := utf8.DecodeRuneInString(text[a:])
			if n := len(out); n > 0 && unicode.IsLower(r) && !blankBetween(text, out[n-1][1], a) {
				out[n-1][1] = b
			} else {
				out = append(out, [2]int{a, b})
			}
		}
		start = end + 1
	}
	return out
}

// blankBetween reports whether text[a:b] holds an empty line.
func blankBetween(text string, a, b int) bool {
	return strings.Count(text[a:b], "\n") > 1
}

// trim narrows [a, b) to exclude surrounding white space.
func trim(text string, a, b int) (int, int) {
	for a < b {
		r, n := utf8.DecodeRuneInString(text[a:])
		if !unicode.IsSpace(r) {
			break
		}
		a += n
	}
	for b > a {
		r, n := utf8.DecodeLastRuneInString(text[a:b])
		if !unicode.IsSpace(r) {
			break
		}
		b -= n
	}
	return a, b
}

// sentenceSpans splits the paragraph text[a:b] into sentence byte ranges.
func (s *Segmenter) sentenceSpans(text string, a, b int) [][2]int {
	var out [][2]int
	for _, sent := range s.punkt.Tokenize(text[a:b]) {
		x, y := trim(text, a+sent.Start, a+sent.End)
		if x < y {
			out = append(out, [2]int{x, y})
		}
	}
	if len(out) == 0 {
		return [][2]int{{a, b}}
	}
	// Punkt may leave gaps or overlaps at quote marks; make the spans tile the paragraph.
	out[0][0] = a
	for i := 1; i < len(out); i++ {
		if out[i][0] < out[i-1][1] {
			out[i][0] = out[i-1][1]
		}
	}
	out[len(out)-1][1] = b
	return out
}

// tokens tokenizes text[a:b] as prose does, aligns the tokens to the text
// and tags them. prose's tokenizer panics on some inputs (case mappings that
// change byte length; proseWords reports them); such a sentence is tokenized
// by plainTokens instead.
func (s *Segmenter) tokens(text string, a, b int) []Token {
	pwords, ok := proseWords(text[a:b])
	if !ok {
		return plainTokens(text, a, b)
	}
	out := make([]Token, 0, len(pwords))
	words := make([]string, 0, len(pwords))
	pos := a
	add := func(start, end int, word string) {
		out = append(out, Token{Text: text[start:end], Start: start, End: end})
		words = append(words, word)
	}
	// skipped adds the words prose dropped between pos and start (it drops
	// "'word'" in single quotes), split as plainTokens splits them.
	skipped := func(start int) {
		for _, t := range plainTokens(text, pos, start) {
			add(t.Start, t.End, strings.Map(fold, t.Text))
		}
	}
	for _, w := range pwords {
		start, end, ok := align(text, pos, b, w)
		if !ok {
			// prose rewrote or dropped text in a way align does not know; find it further on.
			k := strings.Index(text[pos:b], w)
			if k < 0 {
				continue
			}
			start, end = pos+k, pos+k+len(w)
		}
		skipped(start)
		if q, n := openingQuote(text, start, end); n > 0 {
			add(start, start+n, q) // "‘intensive": the quote mark is a token of its own
			start += n
			_, m := utf8.DecodeRuneInString(w)
			w = w[m:]
		}
		add(start, end, w)
		pos = end
	}
	skipped(b)
	s.tagger.tag(words, out)
	return out
}

// align finds the token tok in text[pos:limit] after white space. prose
// rewrites curly quotes to straight ones, so quotes match their curly forms.
func align(text string, pos, limit int, tok string) (int, int, bool) {
	for pos < limit {
		r, n := utf8.DecodeRuneInString(text[pos:])
		if !unicode.IsSpace(r) {
			break
		}
		pos += n
	}
	i, j := pos, 0
	for j < len(tok) {
		if i >= limit {
			return 0, 0, false
		}
		r, n := utf8.DecodeRuneInString(text[i:])
		q, m := utf8.DecodeRuneInString(tok[j:])
		if r != q && fold(r) != q {
			return 0, 0, false
		}
		i += n
		j += m
	}
	return pos, i, true
}

// contractions are the clitics prose splits off with their apostrophe
// ("'s" of "Khan's"), which are no opening quote.
var contractions = map[string]bool{"'s": true, "'re": true, "'ll": true, "'ve": true, "'d": true, "'m": true, "'t": true, "'em": true, "'n": true}

// openingQuote returns the quote mark that starts the token text[start:end]
// as prose wrote it (straight) and its length in the text, when the mark
// opens a quotation before a word ("'intensive" of "'intensive war'") rather
// than being a clitic or the whole token; else n is 0.
func openingQuote(text string, start, end int) (q string, n int) {
	r, n := utf8.DecodeRuneInString(text[start:end])
	f := fold(r)
	if f != '\'' && f != '"' || n >= end-start {
		return "", 0
	}
	if next, _ := utf8.DecodeRuneInString(text[start+n : end]); !unicode.IsLetter(next) && !unicode.IsDigit(next) {
		return "", 0
	}
	if f == '\'' && contractions[strings.ToLower("'"+text[start+n:end])] {
		return "", 0
	}
	if start > 0 {
		if p, _ := utf8.DecodeLastRuneInString(text[:start]); !unicode.IsSpace(p) && !strings.ContainsRune("([{-\u2013\u2014", p) {
			return "", 0 // "rock'n'roll": an apostrophe inside a word
		}
	}
	return string(f), n
}

// fold maps a curly quote to the straight quote prose writes for it.
func fold(r rune) rune {
	switch r {
	case '\u201c', '\u201d':
		return '"'
	case '\u2018', '\u2019':
		return '\''
	}
	return r
}

// plainTokens splits text[a:b] into words (letters and digits, with inner
// hyphens, dots and apostrophes) and single punctuation marks, tagged NN.
func plainTokens(text string, a, b int) []Token {
	var out []Token
	for i := a; i < b; {
		r, n := utf8.DecodeRuneInString(text[i:])
		switch {
		case unicode.IsSpace(r):
			i += n
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			j := i + n
			for j < b {
				q, m := utf8.DecodeRuneInString(text[j:])
				if unicode.IsLetter(q) || unicode.IsDigit(q) || unicode.IsMark(q) {
					j += m
					continue
				}
				if (q == '-' || q == '.' || q == '\'') && j+m < b {
					if q2, _ := utf8.DecodeRuneInString(text[j+m:]); unicode.IsLetter(q2) || unicode.IsDigit(q2) {
						j += m
						continue
					}
				}
				break
			}
			out = append(out, Token{Text: text[i:j], Start: i, End: j, Tag: "NN"})
			i = j
		default:
			out = append(out, Token{Text: text[i : i+n], Start: i, End: i + n, Tag: string(r)})
			i += n
		}
	}
	return out
}
