package report

import (
	"context"
	"fmt"
	"math"

	"github.com/communique/communique/lake"
	"github.com/communique/communique/models"
)

// undated is the day of rows whose article has no published date (or is
// not in the articles table).
const undated = models.Date(math.MinInt32)

// Indexes of the tables in lake.Tables, the order of every per-table figure.
const (
	tArticles = iota
	tSentences
	tEntities
	tCommitments
	tPositions
	tErrors
	nTables
)

// tableCounts holds one count per table.
type tableCounts [nTables]int64

// pair is an actor and a target of a position.
type pair struct{ actor, target string }

// stanceCounts counts positions by stance; negated positions apart, since
// "did not condemn" is neither support nor opposition.
type stanceCounts struct {
	by      map[models.Stance]int64
	negated int64
}

func (s *stanceCounts) add(p *positionRow) {
	if p.Negated {
		s.negated++
		return
	}
	if s.by == nil {
		s.by = map[models.Stance]int64{}
	}
	s.by[p.Stance]++
}

// supportive and hostile are the two sides of the stance matrix's colour
// scale; CALL and CONCERN, and negated positions, are on neither.
func (s *stanceCounts) supportive() int64 { return s.by[models.Support] + s.by[models.Welcome] }
func (s *stanceCounts) hostile() int64    { return s.by[models.Oppose] + s.by[models.Condemn] }
func (s *stanceCounts) total() int64 {
	n := s.negated
	for _, v := range s.by {
		n += v
	}
	return n
}

// actorCounts counts the rows an actor (or target) appears in.
type actorCounts struct{ positions, commitments int64 }

func (a actorCounts) total() int64 { return a.positions + a.commitments }

// tally is the first pass: counts over every row of every table.
type tally struct {
	rows       tableCounts
	days       map[models.Date]*tableCounts // by publication day of the row's article
	dates      map[string]models.Date       // article id → publication day
	names      map[string]string            // canonical id → canonical name (first seen)
	actors     map[string]*actorCounts
	targets    map[string]*actorCounts
	pairs      map[pair]*stanceCounts
	modalities map[models.Date]map[models.Modality]int64 // by the day the commitment is due or happened
	stages     map[string]map[string]int64               // stage → severity → rows
}

func newTally() *tally {
	return &tally{
		days:       map[models.Date]*tableCounts{},
		dates:      map[string]models.Date{},
		names:      map[string]string{},
		actors:     map[string]*actorCounts{},
		targets:    map[string]*actorCounts{},
		pairs:      map[pair]*stanceCounts{},
		modalities: map[models.Date]map[models.Modality]int64{},
		stages:     map[string]map[string]int64{},
	}
}

// count reads every table once.
func (t *tally) count(ctx context.Context, src source) error {
	steps := []struct {
		table string
		run   func() error
	}{
		{lake.TableArticles, func() error { return each(ctx, src.articles, t.article) }},
		{lake.TableSentences, func() error {
			return each(ctx, src.sentences, func(r *sentenceRow) error { t.add(tSentences, r.ArticleID); return nil })
		}},
		{lake.TableEntities, func() error { return each(ctx, src.entities, t.entity) }},
		{lake.TableCommitments, func() error { return each(ctx, src.commitments, t.commitment) }},
		{lake.TablePositions, func() error { return each(ctx, src.positions, t.position) }},
		{lake.TableErrors, func() error { return each(ctx, src.errors, t.error) }},
	}
	for _, s := range steps {
		if err := s.run(); err != nil {
			return fmt.Errorf("read %s: %w", s.table, err)
		}
	}
	return nil
}

// day is the publication day of an article, undated when unknown.
func (t *tally) day(articleID string) models.Date {
	if d, ok := t.dates[articleID]; ok {
		return d
	}
	return undated
}

// eventDay is the day a commitment is due or happened: its event_date, or
// its article's publication day when the row has none (as in files written
// before the column existed, where event_date reads null).
func (t *tally) eventDay(r *commitmentRow) models.Date {
	if r.EventDate != nil {
		return *r.EventDate
	}
	return t.day(r.ArticleID)
}

// add counts a row of a table on its article's day.
func (t *tally) add(table int, articleID string) models.Date {
	d := t.day(articleID)
	c := t.days[d]
	if c == nil {
		c = &tableCounts{}
		t.days[d] = c
	}
	c[table]++
	t.rows[table]++
	return d
}

func (t *tally) article(r *articleRow) error {
	d := undated
	if r.Published != nil {
		d = *r.Published
	}
	t.dates[r.ArticleID] = d
	t.add(tArticles, r.ArticleID)
	return nil
}

func (t *tally) entity(r *entityRow) error {
	t.add(tEntities, r.ArticleID)
	if _, ok := t.names[r.CanonicalID]; !ok && r.CanonicalID != "" {
		t.names[r.CanonicalID] = r.CanonicalName
	}
	return nil
}

func (t *tally) commitment(r *commitmentRow) error {
	t.add(tCommitments, r.ArticleID)
	d := t.eventDay(r)
	m := t.modalities[d]
	if m == nil {
		m = map[models.Modality]int64{}
		t.modalities[d] = m
	}
	m[r.Modality]++
	for _, id := range uniq(r.ActorIDs) {
		counter(t.actors, id).commitments++
	}
	for _, id := range uniq(r.TargetIDs) {
		counter(t.targets, id).commitments++
	}
	return nil
}

func (t *tally) position(r *positionRow) error {
	t.add(tPositions, r.ArticleID)
	actors, targets := uniq(r.ActorIDs), uniq(r.TargetIDs)
	for _, id := range actors {
		counter(t.actors, id).positions++
	}
	for _, id := range targets {
		counter(t.targets, id).positions++
	}
	for _, a := range actors {
		for _, g := range targets {
			p := pair{a, g}
			s := t.pairs[p]
			if s == nil {
				s = &stanceCounts{}
				t.pairs[p] = s
			}
			s.add(r)
		}
	}
	return nil
}

func (t *tally) error(r *errorRow) error {
	id := ""
	if r.ArticleID != nil {
		id = *r.ArticleID
	}
	t.add(tErrors, id)
	s := t.stages[r.Stage]
	if s == nil {
		s = map[string]int64{}
		t.stages[r.Stage] = s
	}
	s[severity(r)]++
	return nil
}

// severity is an error row's severity; files written before the column
// existed read it empty, and all their rows were errors.
func severity(r *errorRow) string {
	if r.Severity == "" {
		return "error"
	}
	return r.Severity
}

func counter(m map[string]*actorCounts, id string) *actorCounts {
	c := m[id]
	if c == nil {
		c = &actorCounts{}
		m[id] = c
	}
	return c
}

// uniq returns the distinct non-empty ids of a row, in their order, so a
// row naming an actor twice counts once.
func uniq(ids []string) []string {
	out := ids[:0:0]
	for _, id := range ids {
		if id == "" {
			continue
		}
		dup := false
		for _, o := range out {
			dup = dup || o == id
		}
		if !dup {
			out = append(out, id)
		}
	}
	return out
}
