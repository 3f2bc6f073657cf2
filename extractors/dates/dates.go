// Package dates finds the day a sentence says an event happened on, resolved
// against the article's published date: an explicit date ("12 March 2024",
// "March 12", "2024-03-12"), a weekday ("on Friday", "next Friday"), or a
// relative day ("yesterday"). It fills the event_date and event_date_source
// columns of commitments and positions.
//
// The words it knows are data: data/lexicon/dates.tsv.
package dates

import (
	"fmt"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/communique/communique/data"
	"github.com/communique/communique/extractors"
	"github.com/communique/communique/models"
)

// lexiconFile holds the month, weekday and relative-day words.
const lexiconFile = "lexicon/dates.tsv"

// word kinds of lexiconFile.
const (
	kMonth = iota + 1
	kWeekday
	kDay
	kFuture
	kPast
	kNext
)

var kinds = map[string]int{"month": kMonth, "weekday": kWeekday, "day": kDay, "future": kFuture, "past": kPast, "next": kNext}

// entry is a word of lexiconFile.
type entry struct {
	kind  int
	value int
}

// Resolver reads dates in sentences. It is safe for concurrent use.
type Resolver struct {
	words map[string]entry
}

// New loads the date words from the data package.
func New() (*Resolver, error) {
	rows, err := data.TSV(lexiconFile)
	if err != nil {
		return nil, err
	}
	r := &Resolver{words: make(map[string]entry, len(rows))}
	for _, row := range rows {
		k, ok := kinds[row["kind"]]
		if !ok {
			return nil, fmt.Errorf("%s: %q: unknown kind %q", lexiconFile, row["word"], row["kind"])
		}
		e := entry{kind: k}
		if k == kMonth || k == kWeekday || k == kDay {
			if e.value, err = strconv.Atoi(row["value"]); err != nil {
				return nil, fmt.Errorf("%s: %q: value: %w", lexiconFile, row["word"], err)
			}
		}
		r.words[row["word"]] = e
	}
	return r, nil
}

// words splits a sentence into ISO dates ("2024-03-12"), numbers of ASCII
// digits with an optional ordinal suffix ("12", "12th"), words of letters
// with at most one inner apostrophe, straight or curly ("they’ll"), and
// commas; whatever lies between them is dropped. It is the regular
// expression \d{4}-\d{2}-\d{2}|\d+(?:st|nd|rd|th)?|\p{L}+(?:['’]\p{L}+)?|,
// (the tests check that it splits as FindAllString does) without the
// backtracking matcher, which took 7% of a run's CPU.
func words(s string) []string {
	var out []string
	for i := 0; i < len(s); {
		c := s[i]
		switch {
		case c == ',':
			out = append(out, ",")
			i++
		case isDigit(c):
			j := i + 1
			for j < len(s) && isDigit(s[j]) {
				j++
			}
			switch {
			case j-i == 4 && isISORest(s[j:]):
				j += len("-03-12")
			case j+2 <= len(s) && ordinalSuffix(s[j:j+2]):
				j += 2
			}
			out = append(out, s[i:j])
			i = j
		default:
			r, n := utf8.DecodeRuneInString(s[i:])
			if !unicode.IsLetter(r) {
				i += n
				continue
			}
			j := letters(s, i+n)
			if a := apostrophe(s[j:]); a > 0 {
				if r, n := utf8.DecodeRuneInString(s[j+a:]); unicode.IsLetter(r) {
					j = letters(s, j+a+n)
				}
			}
			out = append(out, s[i:j])
			i = j
		}
	}
	return out
}

func isDigit(c byte) bool { return '0' <= c && c <= '9' }

// isISORest reports whether s starts with the "-03-12" of an ISO date.
func isISORest(s string) bool {
	return len(s) >= 6 && s[0] == '-' && isDigit(s[1]) && isDigit(s[2]) && s[3] == '-' && isDigit(s[4]) && isDigit(s[5])
}

func ordinalSuffix(s string) bool { return s == "st" || s == "nd" || s == "rd" || s == "th" }

// letters returns the end of the run of letters that starts at s[i:].
func letters(s string, i int) int {
	for i < len(s) {
		r, n := utf8.DecodeRuneInString(s[i:])
		if !unicode.IsLetter(r) {
			break
		}
		i += n
	}
	return i
}

// apostrophe returns the length of the straight or curly apostrophe s
// starts with, or 0.
func apostrophe(s string) int {
	switch {
	case strings.HasPrefix(s, "'"):
		return 1
	case strings.HasPrefix(s, "’"):
		return len("’")
	}
	return 0
}

// token is a word of a sentence.
type token struct {
	low   string // lower case, curly apostrophes straight, a word ending in 'll cut to "'ll"
	upper bool   // first letter upper case
	num   int    // value of a number token, else -1
	e     entry  // its entry of the lexicon, kind 0 if none
}

func (r *Resolver) tokens(s string) []token {
	raw := words(s)
	toks := make([]token, len(raw))
	for i, w := range raw {
		t := token{low: strings.ReplaceAll(strings.ToLower(w), "’", "'"), num: -1}
		c, _ := utf8.DecodeRuneInString(w)
		t.upper = unicode.IsUpper(c)
		if unicode.IsDigit(c) && !strings.Contains(w, "-") {
			n := strings.TrimRight(w, "stndrh")
			if v, err := strconv.Atoi(n); err == nil {
				t.num = v
			}
		}
		if strings.HasSuffix(t.low, "'ll") {
			t.low = "'ll" // "they'll"
		}
		t.e = r.words[t.low]
		toks[i] = t
	}
	return toks
}

// In returns the first day that sentence names, resolved against published,
// and whether there is one. A weekday is the nearest such day on or before
// published, or on or after it when the sentence speaks of the future
// ("will"), strictly after it after "next" and strictly before it after
// "last"; a date without a year takes the year that puts it nearest to
// published. Without a published date (nil) only a date with its year
// counts.
func (r *Resolver) In(sentence string, published *models.Date) (models.Date, bool) {
	toks := r.tokens(sentence)
	future := false
	for _, t := range toks {
		if t.e.kind == kFuture {
			future = true
		}
	}
	var pub time.Time
	if published != nil {
		pub = published.Time()
	}
	for i, t := range toks {
		switch {
		case t.num < 0 && strings.Count(t.low, "-") == 2:
			if d, err := time.Parse(time.DateOnly, t.low); err == nil {
				return models.DateOf(d), true
			}
		case t.num >= 1 && t.num <= 31:
			j := i + 1
			if j < len(toks) && toks[j].low == "of" {
				j++
			}
			if j < len(toks) && toks[j].e.kind == kMonth && toks[j].upper {
				if d, ok := day(pub, published != nil, t.num, toks[j].e.value, year(toks, j+1)); ok {
					return d, true
				}
			}
		case t.e.kind == kMonth && t.upper && i+1 < len(toks) && toks[i+1].num >= 1 && toks[i+1].num <= 31:
			if d, ok := day(pub, published != nil, toks[i+1].num, t.e.value, year(toks, i+2)); ok {
				return d, true
			}
		case published == nil: // a weekday or a relative day needs the published date
		case t.e.kind == kWeekday && t.upper:
			prev := 0
			if i > 0 {
				prev = toks[i-1].e.kind
			}
			return weekday(pub, time.Weekday(t.e.value), prev, future), true
		case t.e.kind == kDay:
			return models.DateOf(pub.AddDate(0, 0, t.e.value)), true
		}
	}
	return 0, false
}

// year returns the four-digit year at toks[i], after an optional comma, or 0.
func year(toks []token, i int) int {
	if i < len(toks) && toks[i].low == "," {
		i++
	}
	if i < len(toks) && toks[i].num >= 1000 && toks[i].num <= 9999 && len(toks[i].low) == 4 {
		return toks[i].num
	}
	return 0
}

// day returns the date d month m of year y, or of the year nearest to pub
// when y is 0 and pub is known; false when the day does not exist in that
// month or there is no year to take.
func day(pub time.Time, known bool, d, m, y int) (models.Date, bool) {
	if y == 0 && !known {
		return 0, false
	}
	if y != 0 {
		t := time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC)
		return models.DateOf(t), t.Day() == d
	}
	var best time.Time
	for _, y := range []int{pub.Year() - 1, pub.Year(), pub.Year() + 1} {
		t := time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC)
		if t.Day() != d {
			continue
		}
		if best.IsZero() || abs(t.Sub(pub)) < abs(best.Sub(pub)) {
			best = t
		}
	}
	return models.DateOf(best), !best.IsZero()
}

func abs(d time.Duration) time.Duration {
	if d < 0 {
		return -d
	}
	return d
}

// weekday returns the day w nearest to pub in the direction the word before
// it (prev, a lexicon kind) or the sentence's tense gives.
func weekday(pub time.Time, w time.Weekday, prev int, future bool) models.Date {
	ahead := (int(w) - int(pub.Weekday()) + 7) % 7 // days to the next w, 0 when pub is one
	back := (int(pub.Weekday()) - int(w) + 7) % 7  // days since the last w
	switch {
	case prev == kNext || (prev == kFuture && ahead == 0):
		if ahead == 0 {
			ahead = 7
		}
		return models.DateOf(pub.AddDate(0, 0, ahead))
	case prev == kPast:
		if back == 0 {
			back = 7
		}
		return models.DateOf(pub.AddDate(0, 0, -back))
	case future || prev == kFuture:
		return models.DateOf(pub.AddDate(0, 0, ahead))
	}
	return models.DateOf(pub.AddDate(0, 0, -back))
}

// Extractor fills the event_date and event_date_source of a document's
// commitments and positions: from the row's sentence where it names a day,
// else from the article's lead (a report's later sentences tell of the event
// its lead dates: "the ministers met on Monday ... they also agreed to"),
// else the published date. It runs after the stance extractor.
type Extractor struct {
	r *Resolver
}

// NewExtractor loads the resolver.
func NewExtractor() (*Extractor, error) {
	r, err := New()
	if err != nil {
		return nil, err
	}
	return &Extractor{r: r}, nil
}

// leadSentences is how many sentences from the start (the headline and the
// dateline among them) may date the article's event.
const leadSentences = 4

// Sources of an event date (the event_date_source column).
const (
	SourceText      = "text"
	SourcePublished = "published"
)

// Extract implements extractors.Extractor.
func (x *Extractor) Extract(d *extractors.Doc) error {
	if len(d.Commitments) == 0 && len(d.Positions) == 0 {
		return nil
	}
	type dated struct {
		date   *models.Date
		source *string
	}
	var lead dated
	if p := d.Article.Published; p != nil {
		lead = dated{date: p, source: extractors.Optional(SourcePublished)}
	}
	for _, s := range d.Sentences[:min(leadSentences, len(d.Sentences))] {
		if day, ok := x.r.In(d.Article.Text[s.Start:s.End], d.Article.Published); ok {
			lead = dated{date: &day, source: extractors.Optional(SourceText)}
			break
		}
	}
	memo := map[int32]dated{}
	at := func(sent int32) dated {
		if v, ok := memo[sent]; ok {
			return v
		}
		v := lead
		if int(sent) < len(d.Sentences) {
			s := d.Sentences[sent]
			if day, ok := x.r.In(d.Article.Text[s.Start:s.End], d.Article.Published); ok {
				v = dated{date: &day, source: extractors.Optional(SourceText)}
			}
		}
		memo[sent] = v
		return v
	}
	for i := range d.Commitments {
		v := at(d.Commitments[i].SentenceIndex)
		d.Commitments[i].EventDate, d.Commitments[i].EventDateSource = v.date, v.source
	}
	for i := range d.Positions {
		v := at(d.Positions[i].SentenceIndex)
		d.Positions[i].EventDate, d.Positions[i].EventDateSource = v.date, v.source
	}
	return nil
}
