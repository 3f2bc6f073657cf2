package eval

import (
	"fmt"
	"slices"
	"strings"

	"github.com/communique/communique/models"
)

// Kind says what a diff entry reports.
type Kind string

// Kinds of diff entries.
const (
	FP        Kind = "FP"   // a predicted row that matches no gold row
	FN        Kind = "FN"   // a gold row that no predicted row matches
	WrongSpan Kind = "SPAN" // a lenient entity match with other boundaries
	WrongID   Kind = "ID"   // a lenient entity match with another canonical id
)

// DiffEntry is one difference between gold and prediction.
type DiffEntry struct {
	ArticleID string `json:"article_id"`
	Table     string `json:"table"` // entities, commitments or positions
	Kind      Kind   `json:"kind"`
	Start     int    `json:"start"` // of the gold row, or of the predicted row for an FP
	End       int    `json:"end"`
	Text      string `json:"text"`  // text[start:end]
	Class     string `json:"class"` // label, modality or stance
	// Detail names the ids: the canonical id of an entity, actor ids of a
	// row; for SPAN and ID entries the gold and the predicted value.
	Detail   string `json:"detail"`
	Sentence string `json:"sentence"` // the sentence holding start
}

// String formats the entry on two lines: what, then the sentence.
func (e DiffEntry) String() string {
	return fmt.Sprintf("%s %-11s %-4s %-9s [%d,%d) %q %s\n    | %s",
		e.ArticleID, e.Table, e.Kind, e.Class, e.Start, e.End, clip(e.Text, 80), e.Detail, clip(e.Sentence, 300))
}

// differ collects the diff entries of one article.
type differ struct {
	id        string
	runes     []rune
	sentences []models.Sentence
	entries   []DiffEntry
}

func newDiffer(g Article, p Prediction) *differ {
	return &differ{id: g.ID, runes: []rune(g.Text), sentences: p.Sentences}
}

func (d *differ) add(table string, k Kind, start, end int, class, detail string) {
	d.entries = append(d.entries, DiffEntry{
		ArticleID: d.id, Table: table, Kind: k, Start: start, End: end,
		Text: d.text(start, end), Class: class, Detail: detail, Sentence: d.sentence(start),
	})
}

// entity records a difference; g is the zero Entity for an FP, p the zero row for an FN.
func (d *differ) entity(k Kind, g Entity, p models.Entity) {
	switch k {
	case FP:
		d.add("entities", k, int(p.Start), int(p.End), string(p.Label), p.CanonicalID)
	case FN:
		d.add("entities", k, g.Start, g.End, string(g.Label), g.CanonicalID)
	case WrongID:
		d.add("entities", k, g.Start, g.End, string(g.Label), fmt.Sprintf("gold %s, predicted %s", g.CanonicalID, p.CanonicalID))
	case WrongSpan:
		d.add("entities", k, g.Start, g.End, string(g.Label),
			fmt.Sprintf("predicted [%d,%d) %q", p.Start, p.End, d.text(int(p.Start), int(p.End))))
	}
}

func (d *differ) commitment(k Kind, g Commitment, p models.Commitment) {
	if k == FP {
		d.add("commitments", k, int(p.Start), int(p.End), string(p.Modality), actors(p.ActorIDs)+" "+p.Action)
		return
	}
	d.add("commitments", k, g.Start, g.End, string(g.Modality), actors(g.ActorIDs)+" "+g.Action)
}

func (d *differ) position(k Kind, g Position, p models.Position) {
	if k == FP {
		d.add("positions", k, int(p.Start), int(p.End), string(p.Stance), actors(p.ActorIDs)+" "+p.Topic)
		return
	}
	d.add("positions", k, g.Start, g.End, string(g.Stance), actors(g.ActorIDs)+" "+g.Topic)
}

// text returns text[start:end], clamped to the text.
func (d *differ) text(start, end int) string {
	start, end = max(0, min(start, len(d.runes))), max(0, min(end, len(d.runes)))
	if start >= end {
		return ""
	}
	return string(d.runes[start:end])
}

// sentence returns the predicted sentence holding offset at or, without
// one, the line of the text holding it.
func (d *differ) sentence(at int) string {
	for _, s := range d.sentences {
		if int(s.Start) <= at && at < int(s.End) {
			return s.Text
		}
	}
	at = max(0, min(at, len(d.runes)))
	start, end := at, at
	for start > 0 && d.runes[start-1] != '\n' {
		start--
	}
	for end < len(d.runes) && d.runes[end] != '\n' {
		end++
	}
	return strings.TrimSpace(string(d.runes[start:end]))
}

// sorted returns the entries by table (entities, commitments, positions),
// then by start.
func (d *differ) sorted() []DiffEntry {
	tables := []string{"entities", "commitments", "positions"}
	slices.SortStableFunc(d.entries, func(a, b DiffEntry) int {
		if c := slices.Index(tables, a.Table) - slices.Index(tables, b.Table); c != 0 {
			return c
		}
		return a.Start - b.Start
	})
	return d.entries
}

func actors(ids []string) string { return "[" + strings.Join(ids, " ") + "]" }

// clip shortens s to n code points, marking the cut with an ellipsis, and
// puts it on one line.
func clip(s string, n int) string {
	s = strings.Join(strings.Fields(s), " ")
	if r := []rune(s); len(r) > n {
		return string(r[:n-1]) + "…"
	}
	return s
}
