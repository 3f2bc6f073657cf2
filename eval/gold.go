package eval

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"iter"
	"slices"
	"time"

	"github.com/communique/communique/models"
)

// Article is one gold-annotated article: one line of a gold JSONL file.
type Article struct {
	ID          string       `json:"id"`
	Title       string       `json:"title"`
	Published   string       `json:"published"` // YYYY-MM-DD, or "" when unknown
	Source      string       `json:"source"`
	Text        string       `json:"text"`
	Entities    []Entity     `json:"entities"`
	Commitments []Commitment `json:"commitments"`
	Positions   []Position   `json:"positions"`
}

// Entity is a gold entity mention.
type Entity struct {
	Start         int          `json:"start"`
	End           int          `json:"end"`
	Text          string       `json:"text,omitempty"` // text[start:end]; optional, checked when present
	Label         models.Label `json:"label"`
	CanonicalID   string       `json:"canonical_id"`
	Role          string       `json:"role,omitempty"`
	AffiliationID string       `json:"affiliation_id,omitempty"`
	Kind          string       `json:"kind,omitempty"`
}

// Commitment is a gold commitment; its span covers the clause.
type Commitment struct {
	Start     int             `json:"start"`
	End       int             `json:"end"`
	ActorIDs  []string        `json:"actor_ids"`
	TargetIDs []string        `json:"target_ids"`
	Action    string          `json:"action"`
	Modality  models.Modality `json:"modality"`
	Condition string          `json:"condition,omitempty"`
	Negated   bool            `json:"negated,omitempty"`
}

// Position is a gold position (stance); its span covers the clause.
type Position struct {
	Start     int           `json:"start"`
	End       int           `json:"end"`
	ActorIDs  []string      `json:"actor_ids"`
	Stance    models.Stance `json:"stance"`
	TargetIDs []string      `json:"target_ids"`
	Topic     string        `json:"topic"`
	Negated   bool          `json:"negated,omitempty"`
}

// ErrInvalidGold marks a gold article that breaks the contract: a span
// outside the text, overlapping entities, an unknown label or stance.
var ErrInvalidGold = errors.New("invalid gold")

// ReadGold returns the articles of a gold JSONL stream, one a line, in order.
// Blank lines are skipped. Each article is checked with Validate; an error
// names the line and stops the sequence.
func ReadGold(r io.Reader) iter.Seq2[Article, error] {
	return func(yield func(Article, error) bool) {
		br := bufio.NewReader(r)
		for line := 1; ; line++ {
			b, err := br.ReadBytes('\n')
			if err != nil && !errors.Is(err, io.EOF) {
				yield(Article{}, fmt.Errorf("line %d: %w", line, err))
				return
			}
			if len(bytes.TrimSpace(b)) > 0 {
				var a Article
				if jerr := json.Unmarshal(b, &a); jerr != nil {
					yield(Article{}, fmt.Errorf("line %d: %w", line, jerr))
					return
				}
				if verr := a.Validate(); verr != nil {
					yield(Article{}, fmt.Errorf("line %d: %w", line, verr))
					return
				}
				if !yield(a, nil) {
					return
				}
			}
			if err != nil { // io.EOF
				return
			}
		}
	}
}

// Validate checks that the article has an id and text, that every span lies
// within the text with start < end, that an entity's text, when given, is
// text[start:end], that entities do not overlap, and that labels, stances
// and modalities are those of the contract.
func (a Article) Validate() error {
	if a.ID == "" {
		return fmt.Errorf("%w: article without id", ErrInvalidGold)
	}
	if a.Published != "" {
		if _, err := time.Parse(time.DateOnly, a.Published); err != nil {
			return fmt.Errorf("%w: article %s: published %q is not YYYY-MM-DD", ErrInvalidGold, a.ID, a.Published)
		}
	}
	runes := []rune(a.Text)
	span := func(kind string, i, start, end int) error {
		if start < 0 || end > len(runes) || start >= end {
			return fmt.Errorf("%w: article %s: %s %d: span [%d,%d) outside text of %d code points or empty",
				ErrInvalidGold, a.ID, kind, i, start, end, len(runes))
		}
		return nil
	}
	for i, e := range a.Entities {
		if err := span("entity", i, e.Start, e.End); err != nil {
			return err
		}
		if !slices.Contains(models.Labels, e.Label) {
			return fmt.Errorf("%w: article %s: entity %d: unknown label %q", ErrInvalidGold, a.ID, i, e.Label)
		}
		if got := string(runes[e.Start:e.End]); e.Text != "" && got != e.Text {
			return fmt.Errorf("%w: article %s: entity %d: text[%d:%d] = %q, entity says %q",
				ErrInvalidGold, a.ID, i, e.Start, e.End, got, e.Text)
		}
	}
	if i, j, ok := overlapping(a.Entities); ok {
		return fmt.Errorf("%w: article %s: entities [%d,%d) and [%d,%d) overlap", ErrInvalidGold, a.ID,
			a.Entities[i].Start, a.Entities[i].End, a.Entities[j].Start, a.Entities[j].End)
	}
	for i, c := range a.Commitments {
		if err := span("commitment", i, c.Start, c.End); err != nil {
			return err
		}
		if c.Modality != "" && !slices.Contains(models.Modalities, c.Modality) {
			return fmt.Errorf("%w: article %s: commitment %d: unknown modality %q", ErrInvalidGold, a.ID, i, c.Modality)
		}
	}
	for i, p := range a.Positions {
		if err := span("position", i, p.Start, p.End); err != nil {
			return err
		}
		if !slices.Contains(models.Stances, p.Stance) {
			return fmt.Errorf("%w: article %s: position %d: unknown stance %q", ErrInvalidGold, a.ID, i, p.Stance)
		}
	}
	return nil
}

// overlapping returns the indexes of two overlapping entities, if any.
func overlapping(ents []Entity) (i, j int, ok bool) {
	idx := make([]int, len(ents))
	for k := range idx {
		idx[k] = k
	}
	slices.SortFunc(idx, func(x, y int) int {
		if c := ents[x].Start - ents[y].Start; c != 0 {
			return c
		}
		return ents[x].End - ents[y].End
	})
	for k := 1; k < len(idx); k++ {
		if ents[idx[k]].Start < ents[idx[k-1]].End {
			return idx[k-1], idx[k], true
		}
	}
	return 0, 0, false
}

// ModelArticle returns the article as the pipeline takes it.
func (a Article) ModelArticle() models.Article {
	m := models.Article{ArticleID: a.ID, Title: a.Title, Source: a.Source, Text: a.Text, Lang: "en"}
	if t, err := time.Parse(time.DateOnly, a.Published); err == nil {
		d := models.DateOf(t)
		m.Published = &d
	}
	return m
}
