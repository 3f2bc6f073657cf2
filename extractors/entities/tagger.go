package entities

import (
	"fmt"
	"slices"
	"sort"
	"sync"

	"github.com/communique/communique/extractors"
	"github.com/communique/communique/models"
)

// Methods recorded in the method column of the mentions.
const (
	methodGazetteer = "gazetteer"
	methodAcronym   = "acronym"
	methodTitle     = "title"
	methodName      = "name"
	methodPattern   = "pattern"
	methodContext   = "context"
)

// Tagger finds entity mentions. Build it once with New and share it: it is
// read-only after New and safe for concurrent use.
type Tagger struct {
	g    *gazetteer
	lex  *lexicon
	pool sync.Pool
}

// New loads the gazetteers and lexicons from the data package and builds the
// tries. It is called once per process.
func New() (*Tagger, error) {
	g, err := loadGazetteer()
	if err != nil {
		return nil, fmt.Errorf("load gazetteer: %w", err)
	}
	lex, err := loadLexicon()
	if err != nil {
		return nil, fmt.Errorf("load lexicon: %w", err)
	}
	t := &Tagger{g: g, lex: lex}
	t.pool.New = func() any { return new(scratch) }
	return t, nil
}

// cand is a mention being built over the units [a, b).
type cand struct {
	a, b   int
	label  models.Label
	id     string
	name   string
	kind   kind
	parent string
	place  string // PLACE id of a capital
	// unqualified: an organ's short name that names it even where its body
	// is not mentioned ("the Security Council")
	unqualified bool
	role        string
	affil       string
	opKind      string
	node        int32 // trie node of a gazetteer match, for the other bodies its phrase may name
	// orphan: an organ's short name dropped because the article does not
	// mention its body
	orphan bool
	sector string // an official's sector from the generated tables, where no title gives one
	agent  string // a state's sector from the agent noun after it ("Iranian protesters": OPP)
	method string
	conf   float32
	dead   bool
}

// Extract adds the document's entity mentions to d.Mentions, sorted by start.
func (t *Tagger) Extract(d *extractors.Doc) error {
	s := t.pool.Get().(*scratch)
	defer t.pool.Put(s)
	splitUnits(d, s)
	s.date, s.hasDate = 0, d.Article.Published != nil
	if s.hasDate {
		s.date = *d.Article.Published
	}
	s.cands = s.cands[:0]
	if cap(s.owner) < len(s.units) {
		s.owner = make([]int32, len(s.units))
	}
	s.owner = s.owner[:len(s.units)]
	for i := range s.owner {
		s.owner[i] = -1
	}
	t.matchGazetteer(s)
	t.learnAcronyms(s, d.Text())
	t.findGroups(s, d.Text())
	t.resolveContext(s)
	t.findStateBodies(s)
	t.findOperations(s, d.Text())
	t.findOrgans(s, d.Text())
	t.findOfficials(s, d.Text())
	t.findPlaces(s, d.Text())
	t.resolveCapitals(s)
	t.joinCompounds(s, d.Text())
	t.dropDiscarded(s)
	t.findAgents(s, d)
	t.emit(s, d)
	return nil
}

// claim adds c and makes it the owner of its units; mentions it overlaps die.
func (s *scratch) claim(c cand) int {
	for u := c.a; u < c.b; u++ {
		if o := s.owner[u]; o >= 0 {
			s.kill(int(o))
		}
	}
	idx := len(s.cands)
	s.cands = append(s.cands, c)
	for u := c.a; u < c.b; u++ {
		s.owner[u] = int32(idx)
	}
	return idx
}

// kill removes candidate i.
func (s *scratch) kill(i int) {
	c := &s.cands[i]
	c.dead = true
	for u := c.a; u < c.b; u++ {
		if s.owner[u] == int32(i) {
			s.owner[u] = -1
		}
	}
}

// free reports whether the units [a, b) belong to no mention.
func (s *scratch) free(a, b int) bool {
	for u := a; u < b; u++ {
		if s.owner[u] >= 0 {
			return false
		}
	}
	return true
}

// at returns the live candidate owning unit u, or nil.
func (s *scratch) at(u int) *cand {
	if u < 0 || u >= len(s.owner) || s.owner[u] < 0 {
		return nil
	}
	return &s.cands[s.owner[u]]
}

// key returns the key of unit u, or "" outside the units.
func (s *scratch) key(u int) string {
	if u < 0 || u >= len(s.units) {
		return ""
	}
	return s.units[u].key
}

// sameSent reports whether units a and b exist and are in one sentence.
func (s *scratch) sameSent(a, b int) bool {
	return a >= 0 && b >= 0 && a < len(s.units) && b < len(s.units) && s.units[a].sent == s.units[b].sent
}

// emit appends the live candidates to d.Mentions in text order.
func (t *Tagger) emit(s *scratch, d *extractors.Doc) {
	first := len(d.Mentions)
	live := 0
	for i := range s.cands {
		if c := &s.cands[i]; !c.dead && c.label != "" {
			live++
		}
	}
	d.Mentions = slices.Grow(d.Mentions, live) // one allocation, not a doubling per power of two
	for i := range s.cands {
		c := &s.cands[i]
		if c.dead || c.label == "" {
			continue
		}
		ua, ub := &s.units[c.a], &s.units[c.b-1]
		tokEnd := ub.tok + 1
		if ub.is(twoTokens) {
			tokEnd++
		}
		country, sector := t.factsOf(c.label, c.id, c.role, c.affil)
		if c.sector != "" && c.label == models.Official {
			sector = c.sector
		}
		agentSector := ""
		if c.label == models.State {
			agentSector = c.agent
		}
		d.Mentions = append(d.Mentions, extractors.Mention{
			Start: ua.start, End: ub.end,
			TokStart: ua.tok, TokEnd: tokEnd,
			Sentence:    ua.sent,
			Label:       c.label,
			ID:          c.id,
			Name:        c.name,
			Role:        c.role,
			Affiliation: c.affil,
			Country:     country,
			Sector:      sector,
			AgentSector: agentSector,
			Kind:        c.opKind,
			Method:      c.method,
			Confidence:  c.conf,
		})
	}
	ms := d.Mentions[first:]
	sort.Slice(ms, func(i, j int) bool { return ms[i].Start < ms[j].Start })
}
