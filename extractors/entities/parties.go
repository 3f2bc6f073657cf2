package entities

import (
	"fmt"

	"github.com/communique/communique/data"
	"github.com/communique/communique/models"
)

// partiesFile lists political parties beyond those of orgs.tsv.
const partiesFile = "gazetteer/parties.tsv"

// partySector is the CAMEO sector of a political party.
const partySector = "PTY"

// loadParties reads parties.tsv after orgs.tsv: each party is an ORG whose
// parent, country and sector are its state's and PTY; its name and aliases
// match anywhere, its context aliases ("Socialists") only in an article that
// names its state. A party of orgs.tsv, or one listed twice, is an error;
// errors give the row's number among the data rows (comments and the
// header not counted) and its id.
func (g *gazetteer) loadParties() (map[string]facts, error) {
	rows, err := data.TSV(partiesFile)
	if err != nil {
		return nil, err
	}
	out := make(map[string]facts, len(rows))
	for i, r := range rows {
		id, c := r["id"], r["country"]
		switch {
		case id == "" || r["name"] == "":
			return nil, fmt.Errorf("%s row %d (id %q): empty id or name", partiesFile, i+1, id)
		case g.labels[id] != "":
			return nil, fmt.Errorf("%s row %d (id %s): id is already defined", partiesFile, i+1, id)
		case g.labels[c] != models.State:
			return nil, fmt.Errorf("%s row %d (id %s): country %q is not a state id", partiesFile, i+1, id, c)
		}
		g.define(id, r["name"], models.Org)
		out[id] = facts{sector: partySector, country: c}
		g.addBody(entry{label: models.Org, id: id, kind: kOrg, parent: c}, r, false)
	}
	return out, nil
}
