package stances

import (
	"strings"

	"github.com/communique/communique/models"
)

// classNone is the decision that a candidate makes no row.
const classNone = "none"

// classUnknown is what a candidate no lexicon names proposes: the model
// alone decides its class.
const classUnknown = "unknown"

// classOf names what candidate c proposes: "commitment:<modality>" or
// "position:<STANCE>".
func classOf(c *cand) string {
	switch c.table {
	case 0:
		return classUnknown
	case tableCommitment:
		return "commitment:" + string(c.modality)
	}
	return "position:" + string(c.stance)
}

// splitClass parses a class name.
func splitClass(class string) (table, string, bool) {
	t, label, ok := strings.Cut(class, ":")
	if !ok {
		return 0, "", false
	}
	switch t {
	case "commitment":
		return tableCommitment, label, validModality(models.Modality(label))
	case "position":
		return tablePosition, label, validStance(models.Stance(label))
	}
	return 0, "", false
}

// setClass makes c a candidate of class; it reports false for classNone or
// a name it does not know.
func (c *cand) setClass(class string) bool {
	t, label, ok := splitClass(class)
	if !ok {
		return false
	}
	c.table = t
	c.stance, c.modality = "", ""
	if t == tableCommitment {
		c.modality = models.Modality(label)
	} else {
		c.stance = models.Stance(label)
	}
	return true
}
