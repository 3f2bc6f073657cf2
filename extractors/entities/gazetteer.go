package entities

import (
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/communique/communique/data"
	"github.com/communique/communique/models"
)

// kind says what a gazetteer entry names; the rules treat each kind differently.
type kind uint8

const (
	kState      kind = iota + 1 // a state's name: always STATE
	kDemonym                    // "Tajik", "Afghans": STATE
	kCapital                    // STATE where it stands for the government, PLACE otherwise
	kMetonym                    // "Kremlin": STATE
	kOrg                        // ORG
	kOrgContext                 // ORG only where the article mentions its parent
	kGroup                      // GROUP
	kPlace                      // PLACE
	kOperation                  // OPERATION
	kBlock                      // no mention; keeps its words from matching otherwise
	// kDiscard: a phrase that looks like an actor but is not ("Film
	// Festival"); no actor mention lies wholly inside it (discard.go)
	kDiscard
)

// entry is one name of the gazetteers.
type entry struct {
	label  models.Label
	id     string // canonical id
	name   string // canonical name
	kind   kind
	parent string   // ORG parent, for kOrgContext and affiliation
	place  string   // PLACE id of a capital
	opKind string   // kind of an operation
	words  []string // the phrase as written, split like units
	// unqualified: a context alias that names the organ wherever no other
	// body or state qualifies it ("the Security Council")
	unqualified bool
}

// gazetteer holds the entries and the trie over their phrases.
type gazetteer struct {
	entries []entry
	trie    *trie
	names   map[string]string // canonical name of every state, org and group id
	labels  map[string]models.Label
	people  []person       // well-known officials
	known   map[string]int // SnakeID of every name and spelling of a well-known official → index in people
	// generated holds the ids that only generated tables define
	generated map[string]bool
	// bodies are a state's bodies named without the state, bodyTrie their
	// names; forms are every state's short name and adjective for their ids
	bodies   []stateBody
	bodyTrie *trie
	forms    map[string]stateForms
	// byWord maps the key of a word that may start a mention of a well-known
	// official (first word of a name or spelling, surname, given name) to
	// the officials' indexes in people, ascending
	byWord map[string][]int
	facts  map[string]facts // sector and state of every organization and group id
}

// files of data/gazetteer read by loadGazetteer.
const (
	countriesFile  = "gazetteer/countries.tsv"
	statesFile     = "gazetteer/states.tsv"
	orgsFile       = "gazetteer/orgs.tsv"
	placesFile     = "gazetteer/places.tsv"
	placesGenFile  = "gazetteer/places_generated.tsv"
	operationsFile = "gazetteer/operations.tsv"
	titlesFile     = "gazetteer/titles.tsv"
	cuesFile       = "gazetteer/cues.tsv"
	givenFile      = "gazetteer/given_names.tsv"
	officialsFile  = "gazetteer/officials.tsv"
	officesFile    = "gazetteer/offices.tsv"
	groupsGenFile  = "gazetteer/groups_generated.tsv"
	orgsGenFile    = "gazetteer/orgs_generated.tsv"
	statesGenFile  = "gazetteer/states_generated.tsv"
	discardsFile   = "gazetteer/discards_generated.tsv"
)

func loadGazetteer() (*gazetteer, error) {
	g := &gazetteer{trie: newTrie(), names: map[string]string{}, labels: map[string]models.Label{}, known: map[string]int{}, generated: map[string]bool{}}
	countries, err := data.TSV(countriesFile)
	if err != nil {
		return nil, err
	}
	states, err := data.TSV(statesFile)
	if err != nil {
		return nil, err
	}
	territory := map[string]bool{}
	for _, r := range states {
		if r["kind"] == "territory" {
			territory[r["id"]] = true
		}
	}
	for _, r := range countries {
		id := r["id"]
		if territory[id] {
			// a dependent territory is a place: "Hong Kong" is HONG_KONG
			for _, col := range []string{"name", "official_name", "alt_name"} {
				if r[col] != "" {
					g.add(entry{label: models.Place, id: SnakeID(r["name"]), name: r["name"], kind: kPlace}, r[col])
				}
			}
			continue
		}
		g.define(id, r["name"], models.State)
		for _, col := range []string{"name", "official_name", "alt_name"} {
			if r[col] != "" {
				g.add(entry{label: models.State, id: id, kind: kState}, r[col])
			}
		}
	}
	for _, r := range states { // ids defined here first: they may be used above them
		if r["kind"] == "state" {
			g.define(r["id"], r["text"], models.State)
		}
	}
	listed := make(map[string]bool, len(states))
	for _, r := range states {
		listed[r["text"]] = true
	}
	for i, r := range states {
		id, text := r["id"], r["text"]
		if r["kind"] == "territory" {
			continue
		}
		if _, ok := g.names[id]; !ok {
			return nil, fmt.Errorf("%s row %d (%q): unknown state id %q", statesFile, i+1, text, id)
		}
		e := entry{label: models.State, id: id}
		switch r["kind"] {
		case "state", "name":
			e.kind = kState
		case "demonym":
			e.kind = kDemonym
		case "capital":
			e.kind, e.place = kCapital, SnakeID(text)
		case "metonym":
			e.kind = kMetonym
		default:
			return nil, fmt.Errorf("%s: %q: unknown kind %q", statesFile, text, r["kind"])
		}
		g.add(e, text)
		if pl := text + "s"; e.kind == kDemonym && !listed[pl] && (strings.HasSuffix(text, "n") || strings.HasSuffix(text, "i")) {
			g.add(e, pl) // "Tuvaluans", "Omanis": the plural of a demonym in -n or -i
		}
	}
	orgs, err := data.TSV(orgsFile)
	if err != nil {
		return nil, err
	}
	for _, r := range orgs {
		g.define(r["id"], r["name"], models.Label(r["label"]))
	}
	for _, r := range orgs {
		l := models.Label(r["label"])
		k := kOrg
		switch l {
		case models.Org:
		case models.Group:
			k = kGroup
		default:
			return nil, fmt.Errorf("%s: %s: label %q is not ORG or GROUP", orgsFile, r["id"], l)
		}
		g.addBody(entry{label: l, id: r["id"], kind: k, parent: r["parent"]}, r, r["unqualified"] == "yes")
	}
	parties, err := g.loadParties()
	if err != nil {
		return nil, err
	}
	places, err := data.TSV(placesFile)
	if err != nil {
		return nil, err
	}
	generated, err := data.TSV(placesGenFile)
	if err != nil {
		return nil, err
	}
	for _, r := range append(places, generated...) { // hand-edited names first: they win
		if r["kind"] == "block" {
			g.add(entry{kind: kBlock}, r["name"])
			continue
		}
		g.add(entry{label: models.Place, id: r["id"], name: r["name"], kind: kPlace}, r["name"])
	}
	// other names and demonyms of states from the Phoenix dictionary, after
	// every hand name and place: a name a table holds keeps its entry
	statesGen, err := data.TSV(statesGenFile)
	if err != nil {
		return nil, err
	}
	for _, r := range statesGen {
		if g.labels[r["id"]] != models.State || g.holds(r["text"]) {
			continue
		}
		k := kState
		if r["kind"] == "demonym" {
			k = kDemonym
		}
		g.add(entry{label: models.State, id: r["id"], kind: k}, r["text"])
	}
	ops, err := data.TSV(operationsFile)
	if err != nil {
		return nil, err
	}
	for _, r := range ops {
		if b := r["body"]; b != "" && g.names[b] == "" {
			return nil, fmt.Errorf("%s: %q: unknown body %q", operationsFile, r["name"], b)
		}
		g.add(entry{label: models.Operation, id: r["id"], name: r["name"], kind: kOperation, opKind: r["kind"], parent: r["body"]}, r["name"])
	}
	officials, err := data.TSV(officialsFile)
	if err != nil {
		return nil, err
	}
	for _, r := range officials {
		name := r["name"]
		if g.names[r["affiliation"]] == "" {
			return nil, fmt.Errorf("%s: %s: unknown affiliation %q", officialsFile, name, r["affiliation"])
		}
		noSurname, dated, err := surnameAlone(r["surname_alone"])
		if err != nil {
			return nil, fmt.Errorf("%s: %s: %w", officialsFile, name, err)
		}
		words := strings.Fields(name)
		p := person{id: SnakeID(name), name: name, role: r["role"], affil: r["affiliation"],
			surname: words[len(words)-1], given: words[0], noSurname: noSurname, surnameDated: dated, known: true}
		g.known[p.id] = len(g.people)
		for _, a := range splitList(r["spellings"]) {
			aw := strings.Fields(a)
			p.alts = append(p.alts, a)
			if sn := aw[len(aw)-1]; sn != p.surname {
				p.altSurnames = append(p.altSurnames, sn)
			}
			g.known[SnakeID(a)] = len(g.people)
		}
		g.people = append(g.people, p)
	}
	if err := g.loadOffices(); err != nil {
		return nil, err
	}
	if err := g.loadGeneratedPeople(); err != nil {
		return nil, err
	}
	g.indexPeople()
	if err := g.loadSectors(); err != nil {
		return nil, err
	}
	for id, f := range parties {
		g.facts[id] = f
	}
	if err := g.loadStateBodies(countries, states); err != nil {
		return nil, err
	}
	if err := g.loadGeneratedGroups(); err != nil {
		return nil, err
	}
	if err := g.loadGenerated(orgsGenFile, models.Org, kOrg); err != nil {
		return nil, err
	}
	if err := g.loadDiscards(); err != nil { // after every name: a name keeps its entry
		return nil, err
	}
	for i := range g.entries {
		e := &g.entries[i]
		if e.name == "" {
			e.name = g.names[e.id]
		}
		if e.parent != "" && g.names[e.parent] == "" {
			return nil, fmt.Errorf("%s: %s: unknown parent %q", orgsFile, e.id, e.parent)
		}
	}
	return g, nil
}

// define records the canonical name and label of an id.
func (g *gazetteer) define(id, name string, l models.Label) {
	if _, ok := g.names[id]; !ok {
		g.names[id] = name
		g.labels[id] = l
	}
}

// add adds entry e under phrase.
func (g *gazetteer) add(e entry, phrase string) {
	e.words = splitWords(phrase)
	if len(e.words) == 0 {
		return
	}
	keys := make([]string, len(e.words))
	for i, w := range e.words {
		keys[i] = string(appendKey(nil, w))
	}
	g.trie.insert(keys, int32(len(g.entries)))
	g.entries = append(g.entries, e)
}

// addBody adds a body's name, aliases and context aliases (matched only
// where the article names its parent, or anywhere when unqualified) from
// its row r of orgs.tsv or parties.tsv.
func (g *gazetteer) addBody(e entry, r data.Record, unqualified bool) {
	g.add(e, r["name"])
	for _, a := range splitList(r["aliases"]) {
		g.add(e, a)
	}
	for _, a := range splitList(r["context_aliases"]) {
		c := e
		c.kind = kOrgContext
		c.unqualified = unqualified
		g.add(c, a)
	}
}

func splitList(s string) []string {
	if s == "" {
		return nil
	}
	parts := strings.Split(s, "|")
	out := parts[:0]
	for _, p := range parts {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}

// caseFits reports whether the unit text u may stand for the entry word w,
// the i-th of the phrase: acronyms ("UN", "US", "WHO", "G7") match in their
// case only, a phrase's capitalized first word needs a capital, and the other
// words match in any case ("CSTO Collective rapid reaction forces").
func caseFits(w, u string, i int) bool {
	uppers, letters := 0, 0
	for _, r := range w {
		if 'A' <= r && r <= 'Z' || r > 127 && isUpperRune(r) {
			uppers++
		}
		if isLetterRune(r) {
			letters++
		}
	}
	if uppers >= 2 || (uppers == 1 && letters == 1) {
		// an acronym said as a word is written as one too ("UNESCO" as "Unesco")
		return sameCase(w, u) || uppers == letters && letters >= 5 && titleCase(u)
	}
	if i == 0 && uppers == 1 && w != "The" {
		return firstUpper(u)
	}
	return true
}

// titleCase reports whether u is a capital followed by lower-case letters only.
func titleCase(u string) bool {
	for i, r := range u {
		if i == 0 && !isUpperRune(r) || i > 0 && (!isLetterRune(r) || isUpperRune(r)) {
			return false
		}
	}
	return u != ""
}

// surnameAlone reads a hand table's surname_alone cell: "yes" (the surname
// alone names the person), "dated" (only on a date one of the person's terms
// covers, or without a date while a term is open), "no" or empty (never).
func surnameAlone(v string) (no, dated bool, err error) {
	switch v {
	case "yes":
		return false, false, nil
	case "dated":
		return false, true, nil
	case "no", "":
		return true, false, nil
	}
	return false, false, fmt.Errorf("surname_alone %q: want yes, dated or no", v)
}

// term is one office a well-known official held from start until end (0:
// still in office).
type term struct {
	role, affil string
	sector      string // CAMEO sector of the generated tables' terms (GOV, MIL, ELI...)
	start, end  models.Date
}

// surnameRule is the surname_alone value a hand table's person was loaded
// with, empty read as "no".
func (p *person) surnameRule() string {
	switch {
	case p.noSurname:
		return "no"
	case p.surnameDated:
		return "dated"
	}
	return "yes"
}

// loadOffices adds offices.tsv's dated terms to the well-known officials,
// adding the people officials.tsv lacks; a person's undated role and
// affiliation become those of the latest term. Every row of a person, in
// either table, must give the same surname_alone (empty is "no"), and a
// "dated" person needs a term.
func (g *gazetteer) loadOffices() error {
	rows, err := data.TSV(officesFile)
	if err != nil {
		return err
	}
	fromOfficials := len(g.people) // people before this index come from officials.tsv
	day := func(v, name string) (models.Date, error) {
		if v == "" {
			return 0, nil
		}
		t, err := time.Parse(time.DateOnly, v)
		if err != nil {
			return 0, fmt.Errorf("%s: %s: %w", officesFile, name, err)
		}
		return models.DateOf(t), nil
	}
	for _, r := range rows {
		name := r["name"]
		if g.names[r["affiliation"]] == "" {
			return fmt.Errorf("%s: %s: unknown affiliation %q", officesFile, name, r["affiliation"])
		}
		start, err := day(r["start"], name)
		if err != nil {
			return err
		}
		end, err := day(r["end"], name)
		if err != nil {
			return err
		}
		if start == 0 || end != 0 && end < start {
			return fmt.Errorf("%s: %s: term %q to %q", officesFile, name, r["start"], r["end"])
		}
		noSurname, dated, err := surnameAlone(r["surname_alone"])
		if err != nil {
			return fmt.Errorf("%s: %s: %w", officesFile, name, err)
		}
		k, ok := g.known[SnakeID(name)]
		if ok && g.people[k].noSurname != noSurname || ok && g.people[k].surnameDated != dated {
			where := officesFile + " (an earlier row)"
			if k < fromOfficials {
				where = officialsFile
			}
			return fmt.Errorf("%s: %s: surname_alone %q disagrees with %q in %s", officesFile, name, r["surname_alone"], g.people[k].surnameRule(), where)
		}
		if !ok {
			words := strings.Fields(name)
			g.people = append(g.people, person{id: SnakeID(name), name: name, surname: words[len(words)-1], given: words[0],
				noSurname: noSurname, surnameDated: dated, known: true})
			k = len(g.people) - 1
			g.known[SnakeID(name)] = k
		}
		p := &g.people[k]
		for _, a := range splitList(r["spellings"]) {
			if _, ok := g.known[SnakeID(a)]; ok {
				continue
			}
			aw := strings.Fields(a)
			p.alts = append(p.alts, a)
			if sn := aw[len(aw)-1]; sn != p.surname && !slices.Contains(p.altSurnames, sn) {
				p.altSurnames = append(p.altSurnames, sn)
			}
			g.known[SnakeID(a)] = k
		}
		p.terms = append(p.terms, term{role: r["role"], affil: r["affiliation"], start: start, end: end})
	}
	for i := range g.people {
		p := &g.people[i]
		if len(p.terms) == 0 {
			if p.surnameDated {
				return fmt.Errorf("%s: %s: surname_alone \"dated\" without a term in %s", officialsFile, p.name, officesFile)
			}
			continue
		}
		slices.SortStableFunc(p.terms, func(a, b term) int { return int(a.start - b.start) })
		last := p.terms[len(p.terms)-1]
		p.role, p.affil = last.role, last.affil
	}
	return nil
}

// soleHolder returns the index in people of the one person whose surname
// (in any spelling) is surface, found under key in byWord, who holds a role
// on date d (without a date, ok false: a term with no end), when that person
// comes from the generated tables and the surname is no common word (its
// common_surname column); else -1. A hand table's person without
// dated terms always counts, so a surname the hand tables know is never
// taken by a generated person; undated generated terms count for nothing.
func (g *gazetteer) soleHolder(key, surface string, d models.Date, ok bool) int {
	found := -1
	for _, i := range g.byWord[key] {
		p := &g.people[i]
		if !p.hasSurname(surface) || !p.holds(d, ok) {
			continue
		}
		if found >= 0 {
			return -1
		}
		found = i
	}
	if found >= 0 && (!g.people[found].generated || g.people[found].commonSurname) {
		return -1
	}
	return found
}

// indexPeople fills byWord, so that findOfficials looks well-known officials
// up by the word at hand instead of trying each at every word.
func (g *gazetteer) indexPeople() {
	g.byWord = map[string][]int{}
	for i := range g.people {
		p := &g.people[i]
		words := []string{p.surname, p.given}
		words = append(words, p.altSurnames...)
		for _, n := range append([]string{p.name}, p.alts...) {
			if ws := splitWords(n); len(ws) > 0 {
				words = append(words, ws[0])
			}
		}
		for _, w := range words {
			k := string(appendKey(nil, w))
			if l := g.byWord[k]; k != "" && (len(l) == 0 || l[len(l)-1] != i) {
				g.byWord[k] = append(l, i)
			}
		}
	}
}

// loadGeneratedGroups adds the armed groups generated from the Phoenix
// dictionaries: a group whose id a hand table defines, and a name any
// table already holds, are left to the hand tables.
func (g *gazetteer) loadGeneratedGroups() error {
	return g.loadGenerated(groupsGenFile, models.Group, kGroup)
}

// loadGenerated adds the rows of a table generated from the Phoenix
// dictionaries with label l. Hand rows win: a name any table already holds
// keeps its entry, and a row with the id of a hand body or group (the
// generator gives a row whose primary name a hand row holds that row's id)
// only adds its other names to that id, with the hand row's label, name,
// sector and country; a row of another id defined before is left out.
func (g *gazetteer) loadGenerated(file string, l models.Label, k kind) error {
	rows, err := data.TSV(file)
	if err != nil {
		return err
	}
	for _, r := range rows {
		id := r["id"]
		if _, ok := g.names[id]; ok {
			hl := g.labels[id]
			if g.generated[id] || hl != models.Org && hl != models.Group {
				continue
			}
			e := entry{label: hl, id: id, kind: kOrg}
			if hl == models.Group {
				e.kind = kGroup
			}
			for _, p := range append([]string{r["name"]}, splitList(r["aliases"])...) {
				if !g.holds(p) {
					g.add(e, p)
				}
			}
			continue
		}
		e := entry{label: l, id: id, kind: k}
		n := 0
		for _, p := range append([]string{r["name"]}, splitList(r["aliases"])...) {
			if !g.holds(p) {
				g.add(e, p)
				n++
			}
		}
		if n > 0 {
			g.define(id, r["name"], l)
			g.generated[id] = true
			f := facts{sector: r["sector"]}
			if g.labels[r["country"]] == models.State {
				f.country = r["country"]
			}
			g.facts[id] = f
		}
	}
	return nil
}

// holds reports whether the trie already holds an entry under phrase.
func (g *gazetteer) holds(phrase string) bool {
	n := int32(0)
	for _, w := range splitWords(phrase) {
		if n = g.trie.child(n, string(appendKey(nil, w))); n < 0 {
			return false
		}
	}
	return n > 0 && len(g.trie.nodes[n].entries) > 0
}
