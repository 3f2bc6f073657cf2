package entities

import (
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/communique/communique/data"
	"github.com/communique/communique/models"
)

// peopleGenFile holds the people generated from the Phoenix dictionaries.
const peopleGenFile = "gazetteer/people_generated.tsv"

// loadGeneratedPeople adds the people of people_generated.tsv with their
// dated affiliations and sectors; a person officials.tsv or offices.tsv
// knows by any of the names, and affiliations no table defines, are left
// out. Their surname or given name alone names them only after their full
// name; an id keeps the article's spelling, as for the hand tables' people.
func (g *gazetteer) loadGeneratedPeople() error {
	rows, err := data.TSV(peopleGenFile)
	if err != nil {
		return err
	}
	day := func(v string) (models.Date, error) {
		if v == "" {
			return 0, nil
		}
		t, err := time.Parse(time.DateOnly, v)
		if err != nil {
			return 0, fmt.Errorf("%s: %w", peopleGenFile, err)
		}
		return models.DateOf(t), nil
	}
	var p *person
	flush := func() {
		if p == nil || len(p.terms) == 0 {
			return
		}
		slices.SortStableFunc(p.terms, func(a, b term) int { return int(a.start - b.start) })
		last := p.terms[len(p.terms)-1]
		p.role, p.affil, p.sector = last.role, last.affil, last.sector
		k := len(g.people)
		g.people = append(g.people, *p)
		g.known[p.id] = k
		for _, a := range p.alts {
			g.known[SnakeID(a)] = k
		}
	}
	for _, r := range rows {
		id := r["id"]
		if p == nil || p.id != id {
			flush()
			p = nil
			names := append([]string{r["name"]}, splitList(r["aliases"])...)
			if slices.ContainsFunc(names, func(n string) bool { _, ok := g.known[SnakeID(n)]; return ok }) {
				continue // a hand table's person
			}
			words := strings.Fields(r["name"])
			p = &person{id: id, name: r["name"], surname: words[len(words)-1], given: words[0],
				noSurname: true, known: true, generated: true, commonSurname: r["common_surname"] == "yes"}
			for _, a := range names[1:] {
				p.alts = append(p.alts, a)
				if aw := strings.Fields(a); aw[len(aw)-1] != p.surname && !slices.Contains(p.altSurnames, aw[len(aw)-1]) {
					p.altSurnames = append(p.altSurnames, aw[len(aw)-1])
				}
			}
		}
		if p == nil || g.names[r["affiliation"]] == "" {
			continue
		}
		start, err := day(r["start"])
		if err != nil {
			return err
		}
		end, err := day(r["end"])
		if err != nil {
			return err
		}
		p.terms = append(p.terms, term{affil: r["affiliation"], sector: r["sector"], start: start, end: end})
	}
	flush()
	return nil
}
