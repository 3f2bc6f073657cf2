package eval

import (
	"github.com/communique/communique/models"
)

// Annotation returns the prediction for an article in the gold format, so
// that annotators can start from it: the same shape ReadGold reads, with each
// entity's text added. a.Text must be the normalized text the prediction's
// offsets refer to.
func Annotation(a models.Article, p Prediction) Article {
	g := Article{
		ID:          a.ArticleID,
		Title:       a.Title,
		Source:      a.Source,
		Text:        a.Text,
		Entities:    make([]Entity, 0, len(p.Entities)),
		Commitments: make([]Commitment, 0, len(p.Commitments)),
		Positions:   make([]Position, 0, len(p.Positions)),
	}
	if a.Published != nil {
		g.Published = a.Published.String()
	}
	for _, e := range p.Entities {
		g.Entities = append(g.Entities, Entity{
			Start:         int(e.Start),
			End:           int(e.End),
			Text:          e.Text,
			Label:         e.Label,
			CanonicalID:   e.CanonicalID,
			Role:          deref(e.Role),
			AffiliationID: deref(e.AffiliationID),
			Kind:          deref(e.Kind),
		})
	}
	for _, c := range p.Commitments {
		g.Commitments = append(g.Commitments, Commitment{
			Start:     int(c.Start),
			End:       int(c.End),
			ActorIDs:  nonNil(c.ActorIDs),
			TargetIDs: nonNil(c.TargetIDs),
			Action:    c.Action,
			Modality:  c.Modality,
			Condition: deref(c.Condition),
			Negated:   c.Negated,
		})
	}
	for _, q := range p.Positions {
		g.Positions = append(g.Positions, Position{
			Start:     int(q.Start),
			End:       int(q.End),
			ActorIDs:  nonNil(q.ActorIDs),
			Stance:    q.Stance,
			TargetIDs: nonNil(q.TargetIDs),
			Topic:     q.Topic,
			Negated:   q.Negated,
		})
	}
	return g
}

func deref(s *string) string {
	if s == nil {
		return ""
	}
	return *s
}

// nonNil makes an empty id list print as [] rather than null.
func nonNil(ids []string) []string {
	if ids == nil {
		return []string{}
	}
	return ids
}
