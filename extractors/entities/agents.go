package entities

import (
	"fmt"

	"github.com/communique/communique/data"
	"github.com/communique/communique/extractors"
	"github.com/communique/communique/models"
)

// agentsFile holds the agent nouns of the Phoenix agents dictionary.
const agentsFile = "gazetteer/agents_generated.tsv"

// maxGroup is the most words a noun group before its agent noun holds
// ("Iranian anti-government student protesters").
const maxGroup = 5

// loadAgents reads agents_generated.tsv into lx.agents: each noun and its
// plural under their keys, with the sector they give.
func (lx *lexicon) loadAgents() error {
	rows, err := data.TSV(agentsFile)
	if err != nil {
		return err
	}
	lx.agents = newTrie()
	for _, r := range rows {
		if r["sector"] == "" {
			return fmt.Errorf("%s: %q: empty sector", agentsFile, r["noun"])
		}
		for _, n := range []string{r["noun"], r["plural"]} {
			words := splitWords(string(appendKey(nil, n)))
			if len(words) == 0 {
				continue
			}
			lx.agents.insert(words, int32(len(lx.agentSectors)))
		}
		lx.agentSectors = append(lx.agentSectors, r["sector"])
	}
	// modifiers: the first word of at least minModified agent phrases, at
	// least 90 % of them of one sector, and no agent noun alone
	// ("opposition": "opposition leader", "opposition mp" ... are OPP), give
	// that sector to a group they modify ("opposition lawmakers")
	const minModified = 10
	count := map[string]map[string]int{}
	single := map[string]bool{}
	for _, r := range rows {
		words := splitWords(string(appendKey(nil, r["noun"])))
		if len(words) == 1 {
			single[words[0]] = true
			continue
		}
		if len(words) > 1 {
			if count[words[0]] == nil {
				count[words[0]] = map[string]int{}
			}
			count[words[0]][r["sector"]]++
		}
	}
	lx.agentModifiers = map[string]string{}
	for w, bySector := range count {
		total, best, bestN := 0, "", 0
		for sec, n := range bySector {
			total += n
			if n > bestN || n == bestN && sec < best {
				best, bestN = sec, n
			}
		}
		if !single[w] && total >= minModified && bestN*10 >= total*9 {
			lx.agentModifiers[w] = best
		}
	}
	return nil
}

// matchAgent returns the end unit and sector of the longest agent noun
// starting at unit i in i's sentence, over units no mention holds, or i
// and "".
func (lx *lexicon) matchAgent(s *scratch, i int) (int, string) {
	end, sector := i, ""
	n := int32(0)
	for j := i; j < len(s.units) && s.sameSent(i, j) && s.owner[j] < 0; j++ {
		if n = lx.agents.child(n, s.units[j].key); n < 0 {
			break
		}
		if es := lx.agents.nodes[n].entries; len(es) > 0 {
			end, sector = j+1, lx.agentSectors[es[0]]
		}
	}
	return end, sector
}

// groupWord reports whether unit u may be a word of a noun group before its
// head: a lower-case noun, adjective or participle that no mention holds
// ("protesters", "armed", "anti-government"), any such word in title case in
// a headline.
func groupWord(s *scratch, u int) bool {
	x := &s.units[u]
	if s.owner[u] >= 0 || functionWord(x.key) {
		return false
	}
	if x.is(isDash) && x.is(attached) {
		return true
	}
	if !x.is(hasLetter) || x.is(upperFirst) && !s.headline[x.sent] {
		return false
	}
	switch x.tag {
	case "NN", "NNS", "JJ", "VBN", "VBG", "NNP", "NNPS":
		return !x.is(upperFirst) || s.headline[x.sent]
	}
	return false
}

// findAgents adds to d.Agents the agent nouns that head a noun group: the
// agent noun that ends the run of group words at its last noun ("protesters"
// in "protesters called"). One that follows a state's
// mention, right after it or after its "'s" ("Iranian protesters", "Iran's
// army"), gives that mention its sector (cand.agent).
func (t *Tagger) findAgents(s *scratch, d *extractors.Doc) {
	d.Agents = d.Agents[:0]
	for i := 0; i < len(s.units); {
		if !groupWord(s, i) {
			i++
			continue
		}
		e, last := i, i // the run of group words; its last noun ends the group
		for e < len(s.units) && e < i+maxGroup && s.sameSent(i, e) && groupWord(s, e) {
			if tag := s.units[e].tag; tag == "NN" || tag == "NNS" || tag == "NNP" || tag == "NNPS" {
				last = e + 1
			}
			e++
		}
		next := e
		e = last
		if s.headline[s.units[i].sent] {
			// in title case every word is tagged a noun: the group is the
			// agent nouns that follow each other from its start ("Student
			// Protesters Call"), or none
			e = i
			for k := i; k < next; {
				b, sec := t.lex.matchAgent(s, k)
				if sec == "" {
					break
				}
				e, k = b, b
			}
		}
		// the head: the agent noun that ends the group
		ha, hb, sector := -1, -1, ""
		for k := i; k < e; k++ {
			if b, sec := t.lex.matchAgent(s, k); b == e {
				ha, hb, sector = k, b, sec
				break
			}
		}
		for k := i; k < ha && sector != ""; k++ {
			if m, ok := t.lex.agentModifiers[s.units[k].key]; ok {
				sector = m // "opposition lawmakers"
			}
		}
		if sector != "" {
			a := extractors.Agent{TokStart: s.units[ha].tok, TokEnd: s.units[hb-1].tok + 1, Sector: sector}
			p := i - 1
			if k := s.key(p); (k == "'s" || k == "'") && s.sameSent(p, i) {
				p--
			}
			if c := s.at(p); c != nil && c.b == p+1 && c.label == models.State && s.sameSent(p, i) {
				c.agent = sector
				a.Attached = true
			}
			d.Agents = append(d.Agents, a)
		}
		i = max(next, i+1)
	}
}
