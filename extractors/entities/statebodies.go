package entities

import (
	"fmt"
	"slices"
	"strings"

	"github.com/communique/communique/data"
	"github.com/communique/communique/models"
)

// stateBodiesFile lists a state's bodies named without the state.
const stateBodiesFile = "gazetteer/state_bodies.tsv"

// stateBody is a row of state_bodies.tsv.
type stateBody struct {
	id     string // template: {adj} and {name} stand for the state's
	sector string
	states []string // the only states it names, or none
	usual  string   // the state it means where the article's is not one of states, or ""
}

// stateForms holds a state's short name and adjective as ids use them.
type stateForms struct{ name, adj string }

// loadStateBodies reads state_bodies.tsv into a trie of its names, works out
// every state's forms, and records the sector and state of every id the
// rows can make.
func (g *gazetteer) loadStateBodies(countries, states []data.Record) error {
	rows, err := data.TSV(stateBodiesFile)
	if err != nil {
		return err
	}
	g.bodyTrie = newTrie()
	for i, r := range rows {
		b := stateBody{id: r["id"], sector: r["sector"], states: splitList(r["state"]), usual: r["usual"]}
		for _, st := range append([]string{b.usual}, b.states...) {
			if st != "" && g.labels[st] != models.State {
				return fmt.Errorf("%s row %d (%q): unknown state %q", stateBodiesFile, i+1, r["name"], st)
			}
		}
		if b.sector == "" || b.id == "" {
			return fmt.Errorf("%s row %d (%q): empty id or sector", stateBodiesFile, i+1, r["name"])
		}
		words := splitWords(r["name"])
		keys := make([]string, len(words))
		for k, w := range words {
			keys[k] = string(appendKey(nil, w))
		}
		g.bodyTrie.insert(keys, int32(len(g.bodies)))
		g.bodies = append(g.bodies, b)
	}
	g.forms = map[string]stateForms{}
	for _, r := range countries {
		name, _, _ := strings.Cut(r["name"], ",")
		g.forms[r["id"]] = stateForms{name: name}
	}
	for _, r := range states {
		f, ok := g.forms[r["id"]]
		if !ok {
			f.name = r["text"] // a state missing from ISO 3166-1
		}
		switch r["kind"] {
		case "name":
			t := r["text"]
			short := len(strings.Fields(t)) < len(strings.Fields(f.name)) && t != strings.ToUpper(t)
			if f.name == "" || short || len(t) == 2 && t == strings.ToUpper(t) {
				f.name = t // "Russian Federation" is Russia, "United Kingdom" UK
			}
		case "demonym":
			if f.adj == "" {
				f.adj = r["text"]
			}
		}
		g.forms[r["id"]] = f
	}
	for id, f := range g.forms {
		if f.adj == "" || f.name == strings.ToUpper(f.name) {
			f.adj = f.name // US_SENATE, UK_PARLIAMENT
		}
		g.forms[id] = f
		for _, b := range g.bodies {
			if len(b.states) > 0 && !slices.Contains(b.states, id) {
				continue
			}
			if bid := g.bodyID(b, id); g.facts[bid].sector == "" {
				g.facts[bid] = facts{sector: b.sector, country: id}
			}
		}
	}
	return nil
}

// bodyID returns the id of body b of state st.
func (g *gazetteer) bodyID(b stateBody, st string) string {
	f := g.forms[st]
	return strings.NewReplacer("{adj}", SnakeID(f.adj), "{name}", SnakeID(f.name)).Replace(b.id)
}

// findStateBodies names a state's bodies written without the state ("the
// Senate", "Parliament", "Argentina's Senate"): the state named just
// before, else the state the article mentions most. A capitalized word
// before the name other than the state's makes it another name ("Kentucky
// Senate", "Opera House"); lower-case names are no mentions.
func (t *Tagger) findStateBodies(s *scratch) {
	g := t.g
	main := ""
	for u := 0; u < len(s.units); u++ {
		if s.owner[u] >= 0 || !s.units[u].is(upperFirst) {
			continue
		}
		node, end := int32(-1), u
		n := int32(0)
		for k := u; k < len(s.units) && s.sameSent(u, k) && s.owner[k] < 0; k++ {
			if n = g.bodyTrie.child(n, s.units[k].key); n < 0 {
				break
			}
			if len(g.bodyTrie.nodes[n].entries) > 0 && (s.units[k].is(upperFirst) || k-u >= 2) {
				// "House of representatives": a long name may end in lower case
				node, end = n, k+1
			}
		}
		if node < 0 || s.key(end) == "of" && s.units[min(end+1, len(s.units)-1)].is(upperFirst) {
			continue // "the Supreme Court of Justice": a longer name
		}
		st := ""
		p := u - 1
		if k := s.key(p); (k == "'s" || k == "'") && s.sameSent(p, u) {
			p--
		}
		if c := s.at(p); c != nil && c.b == p+1 && s.sameSent(p, u) {
			switch f := g.facts[c.id]; {
			case c.label == models.State:
				st = c.id
			case c.label == models.Org && f.sector == partySector && f.country != "":
				st = f.country // "an Agrarian Senate aide": the party's state
			default:
				continue
			}
		} else if p == u-1 && s.sameSent(p, u) && (s.units[p].is(upperFirst) && s.key(p) != "the" || t.lex.has(s.key(p), cueOtherBody)) {
			continue // "Kentucky Senate", "the party Congress"
		}
		if k := s.key(u - 1); (k == "of" || k == "the" && s.key(u-2) == "of") && s.units[max(u-2-b2i(k == "the"), 0)].is(upperFirst) {
			continue // "Speaker of Parliament", "Speaker of the House": part of a title
		}
		es := g.bodyTrie.nodes[node].entries
		if st == "" {
			if main == "" {
				if main = t.mainState(s); main == "" {
					main = t.partyState(s)
				}
			}
			st = main
		}
		b, ok := g.bodyOf(es, st)
		if !ok {
			for _, e := range es {
				if u := g.bodies[e].usual; u != "" && !slices.Contains(g.bodies[e].states, st) {
					st = u // "Congress" in a story about Israel
					b, ok = g.bodies[e], true
				}
			}
		}
		if st == "" || !ok {
			continue
		}
		if b.sector != "LEG" && b.sector != "JUD" && s.headline[s.units[u].sent] && titleCased(s, u) {
			continue // in a headline in title case "Army" may be any army; a legislature is named so
		}
		id := g.bodyID(b, st)
		s.claim(cand{a: u, b: end, label: models.Org, id: id, name: id, kind: kOrg, parent: st,
			method: methodPattern, conf: 0.6})
		u = end - 1
	}
}

// bodyOf returns the row of entries es for state st: the one for st alone,
// else the one for every state.
func (g *gazetteer) bodyOf(es []int32, st string) (stateBody, bool) {
	var any stateBody
	found := false
	for _, e := range es {
		switch b := g.bodies[e]; {
		case len(b.states) == 0:
			any, found = b, true
		case slices.Contains(b.states, st):
			return b, true
		}
	}
	return any, found
}

// titleCased reports whether the sentence of unit u has no lower-case word
// of four letters or more.
func titleCased(s *scratch, u int) bool {
	for k := u; k >= 0 && s.sameSent(k, u); k-- {
		if w := &s.units[k]; w.is(hasLetter) && !w.is(upperFirst) && len(w.key) >= 4 {
			return false
		}
	}
	for k := u + 1; k < len(s.units) && s.sameSent(k, u); k++ {
		if w := &s.units[k]; w.is(hasLetter) && !w.is(upperFirst) && len(w.key) >= 4 {
			return false
		}
	}
	return true
}

func b2i(b bool) int {
	if b {
		return 1
	}
	return 0
}

// mainState returns the state the article mentions most (on a tie, the
// one mentioned first in the text), or "".
func (t *Tagger) mainState(s *scratch) string {
	var m mostMentioned
	for i := range s.cands {
		if c := &s.cands[i]; !c.dead && c.label == models.State {
			m.add(c.id, c.a)
		}
	}
	return m.id()
}

// partyState returns the state of the parties the article mentions most
// (on a tie, the one mentioned first in the text), or "": the state of a
// legislature in an article that names no state ("the Greens and the
// Agrarians clashed in the Diet").
func (t *Tagger) partyState(s *scratch) string {
	var m mostMentioned
	for i := range s.cands {
		c := &s.cands[i]
		if f := t.g.facts[c.id]; !c.dead && c.label == models.Org && f.sector == partySector && f.country != "" {
			m.add(f.country, c.a)
		}
	}
	return m.id()
}

// mostMentioned counts the mentions of ids and where each is first
// mentioned, in any order of the mentions.
type mostMentioned struct {
	ids   []string
	count []int
	first []int // the first unit of the id's first mention
}

// add counts a mention of id at unit a.
func (m *mostMentioned) add(id string, a int) {
	k := slices.Index(m.ids, id)
	if k < 0 {
		m.ids, m.count, m.first = append(m.ids, id), append(m.count, 0), append(m.first, a)
		k = len(m.ids) - 1
	}
	m.count[k]++
	m.first[k] = min(m.first[k], a)
}

// id returns the id mentioned most, on a tie the one mentioned first, or "".
func (m *mostMentioned) id() string {
	best := -1
	for k := range m.ids {
		if best < 0 || m.count[k] > m.count[best] || m.count[k] == m.count[best] && m.first[k] < m.first[best] {
			best = k
		}
	}
	if best < 0 {
		return ""
	}
	return m.ids[best]
}
