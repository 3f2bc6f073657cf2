package entities

import (
	"fmt"

	"github.com/communique/communique/data"
	"github.com/communique/communique/models"
)

// sectorsFile gives each organization and group its CAMEO sector and state.
const sectorsFile = "gazetteer/sectors.tsv"

// govSector is the sector of a state named as an actor and of a state's
// officials whose title gives no other: the government.
const govSector = "GOV"

// facts are the sector and state of a body or group.
type facts struct {
	sector  string // CAMEO actor sector code, e.g. IGO
	country string // ISO alpha-3 code, empty for international bodies
}

// loadSectors reads sectors.tsv, then fills the generated groups' facts
// from their own country and sector columns where the hand table has no row.
// Every organization and group of orgs.tsv must have a row.
func (g *gazetteer) loadSectors() error {
	rows, err := data.TSV(sectorsFile)
	if err != nil {
		return err
	}
	g.facts = make(map[string]facts, len(rows))
	for _, r := range rows {
		id, c := r["id"], r["country"]
		if g.labels[id] != models.Org && g.labels[id] != models.Group {
			return fmt.Errorf("%s: %q is not an organization or group of %s", sectorsFile, id, orgsFile)
		}
		if c != "" && g.labels[c] != models.State {
			return fmt.Errorf("%s: %s: country %q is not a state id", sectorsFile, id, c)
		}
		if r["sector"] == "" {
			return fmt.Errorf("%s: %s: empty sector", sectorsFile, id)
		}
		g.facts[id] = facts{sector: r["sector"], country: c}
	}
	return nil
}

// factsOf returns the state and sector of a mention: a state is its own
// country with the government's sector; a body or group has its row of
// sectors.tsv; an official takes the country of the affiliation, and the
// affiliation's sector (a party's leader is PTY, a body's official IGO)
// unless that is a government's, where the title's sector refines it (a
// general of a state is MIL, a minister GOV).
func (t *Tagger) factsOf(label models.Label, id, role, affil string) (country, sector string) {
	switch label {
	case models.State:
		return id, govSector
	case models.Org, models.Group:
		f := t.g.facts[id]
		return f.country, f.sector
	case models.Official:
		rs := t.lex.sectors[role]
		switch {
		case affil == "":
			return "", rs
		case t.g.labels[affil] == models.State:
			if rs == "" {
				rs = govSector
			}
			return affil, rs
		}
		f := t.g.facts[affil]
		if f.sector == govSector && rs != "" {
			return f.country, rs
		}
		return f.country, f.sector
	}
	return "", ""
}
