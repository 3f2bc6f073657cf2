package entities

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/communique/communique/extractors"
	"github.com/communique/communique/models"
	"golang.org/x/text/unicode/norm"
)

// shape flags of a unit.
const (
	upperFirst uint8 = 1 << iota // first letter is upper case
	allUpper                     // has letters, none lower case
	hasLetter                    // has a letter
	isDash                       // a hyphen or dash
	attached                     // no space before it (part of a hyphenated word, "'s")
	isDigit                      // all digits
	twoTokens                    // an initial and the stop prose split from it ("N" ".")
)

// unit is a token, or a part of a hyphenated token: prose keeps
// "Tajik-Afghan" and "Moscow-led" whole, the gazetteers need the parts.
type unit struct {
	start, end int    // byte offsets into the text
	tok        int    // index of the token in Doc.Tokens
	sent       int    // index of the sentence
	key        string // case-folded text: lower case, curly quotes straight, dashes '-'
	tag        string // part of speech of the token
	shape      uint8
}

func (u *unit) is(f uint8) bool { return u.shape&f != 0 }

// isDashRune reports whether r joins the parts of a hyphenated word or a name
// such as "Kanal – Trap".
func isDashRune(r rune) bool {
	switch r {
	case '-', '\u2010', '\u2011', '\u2012', '\u2013', '\u2014', '\u2212':
		return true
	}
	return false
}

// foldRune maps r to its key form.
func foldRune(r rune) rune {
	switch {
	case r < utf8.RuneSelf:
		if 'A' <= r && r <= 'Z' {
			return r + 'a' - 'A'
		}
		return r
	case r == '\u2018' || r == '\u2019' || r == '\u02bc':
		return '\''
	case r == '\u201c' || r == '\u201d' || r == '\u00ab' || r == '\u00bb':
		return '"'
	case isDashRune(r):
		return '-'
	case r < rune(len(latinFold)):
		if f := latinFold[r]; f != 0 {
			return f
		}
	}
	return unicode.ToLower(r)
}

// latinFold maps the accented Latin letters to their lower-case base letter
// ("São" → "sao", "Kőrösi" → "korosi"), so that names match with or without
// their accents; 0 where a rune has no such base.
var latinFold = func() [0x250]rune {
	var t [0x250]rune
	for r := rune(0xc0); r < 0x250; r++ {
		d := []rune(norm.NFD.String(string(r)))
		if len(d) > 1 && d[0] < utf8.RuneSelf && unicode.IsLetter(d[0]) {
			t[r] = unicode.ToLower(d[0])
		}
	}
	for _, p := range [][2]rune{{'ł', 'l'}, {'Ł', 'l'}, {'ø', 'o'}, {'Ø', 'o'}, {'đ', 'd'}, {'Đ', 'd'}, {'ı', 'i'}} {
		t[p[0]] = p[1]
	}
	return t
}()

// appendKey appends the key form of s to buf.
func appendKey(buf []byte, s string) []byte {
	for _, r := range s {
		buf = utf8.AppendRune(buf, foldRune(r))
	}
	return buf
}

// shapeOf computes the shape flags of s.
func shapeOf(s string) uint8 {
	var f uint8
	first, lower, digits := true, false, true
	for _, r := range s {
		if unicode.IsLetter(r) {
			if first && unicode.IsUpper(r) {
				f |= upperFirst
			}
			if unicode.IsLower(r) {
				lower = true
			}
			f |= hasLetter
			first = false
		}
		if r < '0' || r > '9' {
			digits = false
		}
	}
	if f&hasLetter != 0 && !lower {
		f |= allUpper
	}
	if digits && s != "" {
		f |= isDigit
	}
	if r, n := utf8.DecodeRuneInString(s); n == len(s) && isDashRune(r) {
		f |= isDash
	}
	return f
}

// scratch holds the per-article buffers of Extract, reused through a pool.
type scratch struct {
	text  string
	units []unit
	keys  []byte
	spans [][2]int // key offsets into keys, one per unit
	owner []int32  // candidate covering each unit, or -1
	// coverEnd holds, per unit, the furthest end of the discard phrases
	// that start at or before it (0 if none): units [a, b) lie wholly
	// inside a discard phrase if coverEnd[a] >= b
	coverEnd   []int32
	anyDiscard bool   // some discard phrase was found
	headline   []bool // per sentence: written in title case ("US Envoy Arrives")
	cands      []cand
	// introduced holds the gazetteer indexes of the well-known officials an
	// article names itself
	introduced []int
	knownAt    []int32 // per well-known official, where findOfficials put it
	// date is the article's published date, when hasDate: it picks a
	// well-known official's office
	date    models.Date
	hasDate bool
}

// splitUnits fills s.units from the document's tokens.
func splitUnits(d *extractors.Doc, s *scratch) {
	text := d.Text()
	s.text = text
	// Size hints: about one unit per token (more where dashes split words)
	// and at most about one key byte per byte of text. Grown once here
	// instead of doubling (and copying) through a long article.
	if n := len(d.Tokens) + len(d.Tokens)/8; cap(s.units) < n {
		s.units = make([]unit, 0, n)
		s.spans = make([][2]int, 0, n)
	}
	if cap(s.keys) < len(text) {
		s.keys = make([]byte, 0, len(text))
	}
	s.units = s.units[:0]
	s.keys = s.keys[:0]
	s.spans = s.spans[:0]
	for si, sent := range d.Sentences {
		for ti := sent.TokStart; ti < sent.TokEnd && ti < len(d.Tokens); ti++ {
			tk := &d.Tokens[ti]
			a, end := tk.Start, tk.End
			if ti == sent.TokEnd-1 && finalPeriod(text[tk.Start:tk.End]) {
				end-- // prose keeps "Zas." whole at the end of a sentence
			}
			joined := false
			if n := ti + 1; n < sent.TokEnd && n < len(d.Tokens) && d.Tokens[n].Start == tk.End &&
				text[d.Tokens[n].Start:d.Tokens[n].End] == "." && initialismTail(text[tk.Start:tk.End]) {
				// prose splits the stop off "N. Korea" and "Korea-U.S.": the initial keeps it
				end, joined = d.Tokens[n].End, true
			}
			for i, r := range text[tk.Start:end] {
				p := tk.Start + i
				if r == '/' && end-tk.Start > 1 {
					// "/TASS/": an agency's name between slashes
					addUnit(s, text, a, p, ti, si, tk.Tag)
					addUnit(s, text, p, p+1, ti, si, tk.Tag)
					a = p + 1
					continue
				}
				if !isDashRune(r) || p == tk.Start {
					continue
				}
				n := utf8.RuneLen(r)
				if p+n >= end {
					continue // trailing dash stays with its word
				}
				addUnit(s, text, a, p, ti, si, tk.Tag)
				addUnit(s, text, p, p+n, ti, si, tk.Tag)
				a = p + n
			}
			addUnit(s, text, a, end, ti, si, tk.Tag)
			if joined {
				s.units[len(s.units)-1].shape |= twoTokens
			}
			if end < tk.End {
				addUnit(s, text, end, tk.End, ti, si, ".")
			}
			if joined {
				ti++
			}
		}
	}
	s.headline = s.headline[:0]
	for range d.Sentences {
		s.headline = append(s.headline, false)
	}
	long, caps := 0, 0
	for i := range s.units {
		u := &s.units[i]
		if u.is(hasLetter) && !u.is(attached) && u.end-u.start > 3 {
			long++
			if u.is(upperFirst) {
				caps++
			}
		}
		if i+1 == len(s.units) || s.units[i+1].sent != u.sent {
			s.headline[u.sent] = caps >= 3 && caps == long && text[u.start:u.end] != "." // headlines have no full stop
			long, caps = 0, 0
		}
	}
	k := string(s.keys) // one allocation for all keys
	for i := range s.units {
		s.units[i].key = k[s.spans[i][0]:s.spans[i][1]]
	}
}

func addUnit(s *scratch, text string, a, b, tok, sent int, tag string) {
	if a >= b {
		return
	}
	ka := len(s.keys)
	s.keys = appendKey(s.keys, text[a:b])
	s.spans = append(s.spans, [2]int{ka, len(s.keys)})
	sh := shapeOf(text[a:b])
	if a > 0 {
		if r, _ := utf8.DecodeLastRuneInString(text[:a]); !unicode.IsSpace(r) {
			sh |= attached
		}
	}
	s.units = append(s.units, unit{start: a, end: b, tok: tok, sent: sent, tag: tag, shape: sh})
}

// splitWords splits a gazetteer phrase the way splitUnits splits text:
// at spaces, before a final "'s" and a trailing comma, and around dashes inside words.
func splitWords(phrase string) []string {
	var out []string
	word := func(w string) {
		a := 0
		for i, r := range w {
			if !isDashRune(r) || i == 0 {
				continue
			}
			n := utf8.RuneLen(r)
			if i+n >= len(w) {
				continue
			}
			out = append(out, w[a:i], w[i:i+n])
			a = i + n
		}
		out = append(out, w[a:])
	}
	start := -1
	flush := func(end int) {
		if start < 0 {
			return
		}
		w := phrase[start:end]
		start = -1
		if len(w) > 1 && w[0] == '(' {
			out = append(out, "(")
			w = w[1:]
		}
		var tail []string // split off the end of the word, in reverse order
		for len(w) > 1 {
			switch {
			case w[len(w)-1] == ',' || w[len(w)-1] == ')':
				tail = append(tail, w[len(w)-1:])
				w = w[:len(w)-1]
				continue
			case w[len(w)-1] == '\'' && w[len(w)-2] == 's':
				tail = append(tail, "'") // Workers' Party
				w = w[:len(w)-1]
				continue
			}
			break
		}
		if n := len(w); n > 2 && (w[n-2:] == "'s") {
			word(w[:n-2])
			out = append(out, "'s")
		} else if n > 4 && w[n-4:] == "\u2019s" {
			word(w[:n-4])
			out = append(out, "\u2019s")
		} else if isDashRune([]rune(w)[0]) && utf8.RuneCountInString(w) == 1 {
			out = append(out, w)
		} else {
			word(w)
		}
		for i := len(tail) - 1; i >= 0; i-- {
			out = append(out, tail[i])
		}
	}
	for i, r := range phrase {
		if unicode.IsSpace(r) {
			flush(i)
		} else if start < 0 {
			start = i
		}
	}
	flush(len(phrase))
	return out
}

// finalPeriod reports whether a sentence's last token is a word with the
// sentence's full stop attached ("Zas."), not an abbreviation ("U.S.").
func finalPeriod(tok string) bool {
	n := len(tok)
	return n > 2 && tok[n-1] == '.' && strings.IndexByte(tok[:n-1], '.') < 0 && tok[n-2] != '.'
}

// initialismTail reports whether the last part of a token, after any dash,
// is a capital initial or dotted initials without their final stop: "N",
// "U.S" in "Korea-U.S".
func initialismTail(tok string) bool {
	last := 0
	for i, r := range tok {
		if isDashRune(r) {
			last = i + utf8.RuneLen(r)
		}
	}
	tok = tok[last:]
	if tok == "" {
		return false
	}
	for i := 0; i < len(tok); i++ {
		c := tok[i]
		if i%2 == 0 && !('A' <= c && c <= 'Z') || i%2 == 1 && c != '.' {
			return false
		}
	}
	return len(tok)%2 == 1
}
