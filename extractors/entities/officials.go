package entities

import (
	"slices"
	"strings"

	"github.com/communique/communique/models"
)

// person is an official found in one article.
type person struct {
	id, name, role, affil string
	surname, given        string
	noSurname             bool     // the surname alone is not enough ("Harris")
	surnameDated          bool     // the surname alone is enough only on a date one of the terms covers
	known                 bool     // from the gazetteer, not the article
	generated             bool     // from people_generated.tsv: the given name alone needs the full name first
	commonSurname         bool     // a generated person whose surname is an English word or given name: never alone
	sector                string   // CAMEO sector of the generated tables' latest term (GOV, MIL, ELI...)
	alts, altSurnames     []string // other spellings of a well-known official ("Sergey Lavrov")
	terms                 []term   // dated offices of a well-known official, by start
	cands                 []int
}

// dated returns the role and affiliation of a well-known official on date d:
// the term that holds then, else the latest term before it, else the first;
// without a date (ok false) or terms, the latest.
func (p *person) dated(d models.Date, ok bool) (role, affil string) {
	if !ok || len(p.terms) == 0 {
		return p.role, p.affil
	}
	t := p.terms[p.termAt(d)]
	return t.role, t.affil
}

// sectorOn returns the sector of a generated person's term on date d, as
// dated chooses it, or "".
func (p *person) sectorOn(d models.Date, ok bool) string {
	if !ok || len(p.terms) == 0 {
		return p.sector
	}
	return p.terms[p.termAt(d)].sector
}

// termAt returns the index of the term that holds on date d, else of the
// latest before it, else 0.
func (p *person) termAt(d models.Date) int {
	best := -1
	for i, t := range p.terms {
		if t.start <= d && (t.end == 0 || d < t.end) {
			best = i
		}
	}
	if best < 0 {
		best = 0
		for i, t := range p.terms {
			if t.start <= d {
				best = i
			}
		}
	}
	return best
}

// holds reports whether a well-known official holds a role on date d: a
// dated term covers it, or without a date (ok false) a dated term has no
// end. A hand table's official without terms always holds one (loading
// rejects a "dated" one without terms).
func (p *person) holds(d models.Date, ok bool) bool {
	if len(p.terms) == 0 {
		return !p.generated
	}
	for _, t := range p.terms {
		if t.start == 0 {
			continue // an undated code
		}
		if ok && t.start <= d && (t.end == 0 || d < t.end) || !ok && t.end == 0 {
			return true
		}
	}
	return false
}

// surnameNames reports whether the surname alone may name the person in an
// article of date d (ok false: undated): always once the article has named
// the person; for a well-known official as surname_alone says, "dated" only
// while the official holds a term.
func (p *person) surnameNames(d models.Date, ok bool) bool {
	if !p.known {
		return true
	}
	return !p.noSurname && (!p.surnameDated || p.holds(d, ok))
}

// hasSurname reports whether w is the person's surname in any spelling.
func (p *person) hasSurname(w string) bool {
	if w == p.surname {
		return true
	}
	for _, a := range p.altSurnames {
		if w == a {
			return true
		}
	}
	return false
}

// matchName returns the end of the person's full name, in any spelling,
// written from unit u (also with a middle initial: "Given X. Surname"), and
// the spelling.
func (p *person) matchName(s *scratch, u int) (end int, spelling string, ok bool) {
	if end, ok := s.matchText(u, p.name); ok {
		return end, p.name, true
	}
	for _, a := range p.alts {
		if end, ok := s.matchText(u, a); ok {
			return end, a, true
		}
	}
	// "Given X. Surname": a middle initial the spelling lacks
	for _, n := range append([]string{p.name}, p.alts...) {
		first, rest, ok := strings.Cut(n, " ")
		if !ok {
			continue
		}
		if e, ok := s.matchText(u, first); ok && e+1 < len(s.units) && isInitial(s.units[e].key) && s.sameSent(u, e+1) {
			if end, ok := s.matchText(e+1, rest); ok {
				return end, n, true
			}
		}
	}
	return 0, "", false
}

// findOfficials finds persons by their titles: "CSTO secretary-general
// Stanislav Zas", "the Minister of Foreign Affairs of the Republic of
// Tajikistan, Sirojiddin Mukhriddin", "Anatoly Sidorov, chief of the CSTO
// United staff", and untitled names before a speech verb ("Sergei Lavrov
// said"). The span is the name; the title gives the role, the state or body
// before it or after "of" the affiliation. Later mentions of the surname
// ("Zas said") get the same id.
func (t *Tagger) findOfficials(s *scratch, text string) {
	var people []person
	find := func(id string) int {
		for i := range people {
			if people[i].id == id {
				return i
			}
		}
		return -1
	}
	var singles []int // candidates of one-word names, resolved at the end
	addPerson := func(a, b int, role, affil, method string) {
		name := text[s.units[a].start:s.units[b-1].end]
		ci := s.claim(cand{a: a, b: b, label: models.Official, name: name, role: role, affil: affil, method: method, conf: 0.8})
		if nameWords(s, a, b) == 1 {
			singles = append(singles, ci)
			return
		}
		id := SnakeID(name) // the name as written: "Sergey Lavrov" is SERGEY_LAVROV
		kp, isKnown := t.g.known[id]
		if !isKnown {
			// "Vladimir V. Putin": a well-known official's name with a middle initial is that official
			var words []string
			for u := a; u < b; u++ {
				if !isInitial(s.units[u].key) {
					words = append(words, s.surface(u))
				}
			}
			if len(words) < b-a {
				if k, ok := t.g.known[SnakeID(strings.Join(words, " "))]; ok {
					kp, isKnown, id = k, true, t.g.people[k].id
				}
			}
		}
		s.cands[ci].id = id
		p := find(id)
		if p < 0 {
			np := person{id: id, name: name, surname: s.surface(b - 1), given: s.surface(a)}
			if isKnown {
				// a well-known official in any spelling: role and state from the gazetteer
				np = t.g.people[kp]
				np.role, np.affil = np.dated(s.date, s.hasDate)
				np.sector = np.sectorOn(s.date, s.hasDate)
				np.id, np.name, np.surname, np.given = id, name, s.surface(b-1), s.surface(a)
				np.known, np.cands = false, nil
				if role != "" {
					np.role = role // the article's title wins
				}
				if affil != "" {
					np.affil = affil
				}
			}
			people = append(people, np)
			p = len(people) - 1
		}
		pp := &people[p]
		pp.cands = append(pp.cands, ci)
		if pp.role == "" {
			pp.role = role
		}
		if pp.affil == "" {
			pp.affil = affil
		}
	}

	// titled names
	for i := 0; i < len(s.units); i++ {
		if s.headline[s.units[i].sent] {
			continue // in "US Envoy Arrives" any word is capitalized
		}
		te, role := t.lex.matchTitle(s, i)
		if te == i || !s.free(i, te) && !s.onlyPlaces(i, te) {
			continue
		}
		for u := i; u < te; u++ {
			if s.owner[u] >= 0 {
				s.kill(int(s.owner[u])) // "Supreme Allied Commander Europe": the place is the title's
			}
		}
		affil := t.affiliationBefore(s, i)
		j := te
		if k := s.key(j); (k == "and" || k == ",") && t.lex.has(s.key(te-1), cuePortfolio) {
			// "Minister of Foreign Affairs and International Cooperation": the role as written
			if m := t.portfolio(s, j+1); m > j+1 {
				role = s.text[s.units[i].start:s.units[m-1].end]
				j = m
			}
		}
		if m := t.portfolio(s, j+1); s.key(j) == "for" && m > j+1 && t.scanName(s, m) > m {
			// "Minister for Water Resources and Agriculture Azamat Kadyrov": the role as written
			role = s.text[s.units[i].start:s.units[m-1].end]
			j = m
		}
		if k := s.key(j); (k == "for" || k == "on") && s.sameSent(i, j+1) {
			// "special envoy for Afghan affairs Yue Xiaoyong"
			m := j + 1
			for m < len(s.units) && m < j+5 && s.sameSent(j, m) && s.units[m].is(hasLetter) &&
				(!s.units[m].is(upperFirst) || s.at(m) != nil && s.at(m).label == models.State) {
				m++
			}
			if m > j+1 && t.scanName(s, m) > m {
				j = m
			} else {
				// "Deputy Permanent Representative for Political Affairs, Anna Evstigneeva"
				m = j + 1
				for m < len(s.units) && m < j+5 && s.sameSent(j, m) && s.units[m].is(hasLetter) && s.at(m) == nil && s.key(m) != "," {
					m++
				}
				if m > j+1 && s.key(m) == "," && nameWords(s, m+1, t.scanName(s, m+1)) >= 2 {
					j = m
				}
			}
		}
		if s.key(j) == "in" && s.sameSent(i, j+1) {
			// "permanent representative in Geneva, Gennady Gatilov"
			if c := s.at(j + 1); c != nil && c.a == j+1 && (c.label == models.Place || c.kind == kCapital) &&
				s.key(c.b) == "," && nameWords(s, c.b+1, t.scanName(s, c.b+1)) >= 2 {
				j = c.b
			}
		}
		if k := s.key(j); (k == "to" || k == "at") && s.sameSent(i, j+1) {
			// "Permanent Representative to the OSCE Alexander Lukashevich"
			m := j + 1
			if s.key(m) == "the" {
				m++
			}
			if c := s.at(m); c != nil && c.a == m && actor(c) && (nameWords(s, c.b, t.scanName(s, c.b)) >= 2 ||
				s.key(c.b) == "," && nameWords(s, c.b+1, t.scanName(s, c.b+1)) >= 2) {
				j = c.b // "Permanent Representative to the OSCE Alexander Lukashevich", "deputy representative to the UN, Dai Bing"
			}
		}
		if s.key(j) == "," && s.sameSent(i, j+1) && nameWords(s, j+1, t.scanName(s, j+1)) >= 2 {
			j++ // "Her spokesperson, Eric Mamer, declined"
		}
		if s.key(j) == "of" && s.sameSent(i, j+1) {
			k := j + 1
			if s.key(k) == "the" {
				k++
			}
			if c := s.at(k); c != nil && c.a == k && actor(c) {
				if affil == "" {
					affil = stateOf(c)
				}
				j = c.b
				// "head of the Azerbaijani delegation, Samad Seyidov"
				m := j
				for m < len(s.units) && m < j+2 && s.sameSent(k, m) && s.at(m) == nil && !s.units[m].is(upperFirst) &&
					(s.units[m].tag == "NN" || s.units[m].tag == "NNS") {
					m++
				}
				if m > j && s.key(m) == "," {
					j = m
				}
				if n := s.ofNext(j); n >= 0 {
					j = s.at(n).b // "Chairman of the Council of Ministers of Bosnia and Herzegovina, X"
				}
			} else if m := t.portfolio(s, k); m > k {
				// "Minister of Water Resources and Irrigation Nurzhan Nurzhigitov": the role as written
				role = s.text[s.units[i].start:s.units[m-1].end]
				j = m
				n := m + 1
				if s.key(n) == "the" {
					n++
				}
				if c := s.at(n); c != nil && c.a == n && s.key(m) == "of" && actor(c) {
					if affil == "" {
						affil = stateOf(c) // "Minister of Culture and Sport of Greece"
					}
					j = c.b
				}
			} else {
				m := k
				for m < len(s.units) && m < k+3 && s.sameSent(k, m) && s.units[m].is(hasLetter) && !s.units[m].is(upperFirst) {
					m++
				}
				if m > k {
					j = m
				}
			}
			if s.key(j) == "," {
				j++
			}
		}
		if !s.sameSent(i, j) {
			i = te - 1
			continue
		}
		e := t.scanName(s, j)
		if c := s.at(j); e == j && c != nil && c.a == j && c.b == j+1 && c.label == models.State && s.sameSent(j, j+1) &&
			s.units[j+1].is(upperFirst) && t.nameLike(s, j+1) {
			// "Israeli Defence Minister Israel Katz": a state's name as a given name after a title
			if n := t.scanName(s, j+1); n > j+1 {
				s.kill(int(s.owner[j]))
				e = n
			}
		}
		if e == j || nameWords(s, j, e) == 1 && (s.key(j-1) == "the" || modifiesNoun(s, e)) {
			i = te - 1 // no title inside a title: "Supreme Allied Commander Europe General X"
			continue   // "spokesperson for the North's defense ministry", "the official Norlandic news agency"
		}
		if role2, affil2 := t.appositive(s, e); affil == "" && affil2 != "" {
			role, affil = role2, affil2
		}
		addPerson(j, e, role, affil, methodTitle)
		if t.lex.plural(s, te-1) {
			// "Foreign Ministers Ararat Mirzoyan and Jeyhun Bayramov": each name has the title
			for s.key(e) == "," || s.key(e) == "and" {
				k := e + 1
				if s.key(e) == "," && s.key(k) == "and" {
					k++
				}
				n := t.scanName(s, k)
				if !s.sameSent(i, k) || nameWords(s, k, n) < 2 || !s.free(k, n) && !s.onlyPlaces(k, n) {
					break
				}
				addPerson(k, n, role, affil, methodTitle)
				e = n
			}
		}
		i = e - 1
	}

	// untitled names before a speech verb or a title in apposition
	for i := 0; i < len(s.units); i++ {
		u := &s.units[i]
		given := t.lex.has(u.key, cueGivenName) && !u.is(allUpper)
		if !t.nameLike(s, i) || !isProper(u.tag) && !given || s.headline[u.sent] && !given {
			continue // nameLike takes a place's name as a given name only before a name ("Vladimir Kulishov")
		}
		if i > 0 && s.sameSent(i-1, i) && (s.units[i-1].is(upperFirst) || s.key(i-1) == "the") {
			continue // inside a longer capitalized phrase; "the Unitary Platform said" names no person
		}
		e := t.scanName(s, i)
		if s.headline[u.sent] && e > i+2 {
			e = i + 2 // in a headline every word is capitalized: a given name and one more
		}
		if nameWords(s, i, e) < 2 || !properRun(s, i, e) {
			i = e
			continue
		}
		if t.lex.has(s.key(i), cueNameParticle) && e == i+3 &&
			slices.ContainsFunc(people, func(p person) bool { return p.hasSurname(s.surface(e - 1)) }) {
			i = e // "Al-Sudani said": the surname of a person named before, found below
			continue
		}
		role, affil := t.appositive(s, e)
		next := e
		if s.key(next) != "" && s.units[min(next, len(s.units)-1)].tag == "RB" {
			next++
		}
		// a given name before another capitalized word is a person, not a hyphenated place ("Alma-Ata")
		if role != "" || (s.sameSent(e-1, next) && t.lex.has(s.key(next), cueSpeechVerb)) || given && s.free(i, e) && !s.units[i+1].is(isDash) {
			addPerson(i, e, role, affil, methodName)
		}
		i = e
	}

	// well-known officials the article does not introduce itself: looked up
	// by the words of their names and added to people when first looked up
	introduced := s.introduced[:0]
	for k := range people {
		if ki, ok := t.g.known[people[k].id]; ok {
			introduced = append(introduced, ki)
		}
	}
	s.introduced = introduced
	added := s.knownAt[:0] // gazetteer index → index in people + 1; 0: not added; -1: introduced
	for range t.g.people {
		added = append(added, 0)
	}
	for _, ki := range introduced {
		added[ki] = -1
	}
	s.knownAt = added
	add := func(gi int) int {
		if added[gi] == 0 {
			kp := t.g.people[gi]
			kp.role, kp.affil = kp.dated(s.date, s.hasDate)
			kp.sector = kp.sectorOn(s.date, s.hasDate)
			people = append(people, kp)
			added[gi] = int32(len(people))
		}
		return int(added[gi]) - 1
	}
	known := func(key string, yield func(k int) bool) {
		for _, gi := range t.g.byWord[key] {
			if added[gi] < 0 {
				continue
			}
			if !yield(add(gi)) {
				return
			}
		}
	}
	// sole returns the index in people of the one generated person of the
	// knowledge base whose surname unit u is and who holds a role on the
	// article's date (without a date: an open term), or -1 when none or
	// several do: a bare surname the article never introduces.
	sole := func(u int) int {
		if t.lex.has(s.units[u].key, cueGivenName|cueCalendar) {
			return -1 // "Antony" may be anyone's given name
		}
		gi := t.g.soleHolder(s.units[u].key, s.surface(u), s.date, s.hasDate)
		if gi < 0 || added[gi] < 0 {
			return -1
		}
		return add(gi)
	}

	// one-word names after a title: a known surname, or a name of its own
	for _, ci := range singles {
		c := &s.cands[ci]
		p := -1
		fits := func(k int) bool {
			if people[k].hasSurname(c.name) && people[k].surnameNames(s.date, s.hasDate) {
				p = k
				return false
			}
			return true
		}
		for k := range people {
			if !fits(k) {
				break
			}
		}
		if p < 0 {
			known(s.units[c.a].key, fits)
		}
		if p < 0 && c.b == c.a+1 {
			p = sole(c.a) // "Minister X" where X is the surname of one office-holder of the date
		}
		if p < 0 {
			people = append(people, person{id: SnakeID(c.name), name: c.name, surname: c.name, role: c.role, affil: c.affil})
			p = len(people) - 1
		}
		c.id, c.name = people[p].id, people[p].name
		people[p].cands = append(people[p].cands, ci)
		people[p].known = false // named in the article
		if people[p].affil == "" {
			people[p].affil = c.affil
		}
	}
	// later mentions: the full name again, or the surname alone
	for u := range s.units {
		if c := s.at(u); c != nil && !(c.a == u && c.b == u+1 && (c.kind == kPlace || c.kind == kCapital)) || !s.units[u].is(upperFirst) {
			continue // a city's name may start a full name again ("Vladimir Putin")
		}
		placeHere := s.owner[u] >= 0
		headline := s.headline[s.units[u].sent]
		particle := t.lex.has(s.units[u].key, cueNameParticle) && u+2 < len(s.units) && s.units[u+1].is(isDash) &&
			s.units[u+1].is(attached) && s.units[u+2].is(attached)
		try := func(k int) bool {
			p := &people[k]
			end, spelling, ok := p.matchName(s, u)
			if ok && p.known && spelling != p.name {
				p.id, p.name = SnakeID(spelling), spelling // ids keep the article's spelling
			}
			if !ok && particle && p.hasSurname(s.surface(u+2)) {
				end, ok = u+3, true // "Al-Sudani said" after "Mohammed Shia al-Sudani"
			}
			if !ok && !(p.generated && p.known) && p.given != "" && s.surface(u) == p.given && u+1 < len(s.units) && s.sameSent(u, u+1) &&
				(t.lex.has(s.key(u+1), cueSpeechVerb) || s.key(u+1) == "'s" || !p.known && verbNext(s, u+1)) &&
				(!p.known || p.holds(s.date, s.hasDate)) {
				// "Xi said", "Li did not support" after "Xi Jinping", "Li Qiang"; a
				// given name the article never introduced names a dated official
				// only while in office ("Zandra said" in a year before her term)
				end, ok = u+1, true
			}
			if !ok && p.hasSurname(s.surface(u)) && p.surnameNames(s.date, s.hasDate) &&
				(!t.lex.has(s.units[u].key, cueCalendar) || t.lex.has(s.key(u+1), cueSpeechVerb) || s.key(u+1) == "'s") {
				end, ok = u+1, true // "May said", not "in May"
				if u > 0 && s.sameSent(u-1, u) && t.nameLike(s, u-1) && s.units[u-1].is(upperFirst) && !s.units[u].is(attached) &&
					isProper(s.units[u-1].tag) && (!headline || t.lex.has(s.key(u-1), cueGivenName)) {
					ok = false // another person of the same family name; in a headline any word is capitalized
				}
			}
			if ok && placeHere && end-u < 2 {
				return true // "in Vladimir", not "Vladimir said": only a full name takes a place's word
			}
			if ok && (s.free(u, end) || end-u > 1 && s.onlyPlaces(u, end)) && (!s.continuesName(end) || headline && end-u == 1 && !t.lex.has(s.key(end), cueGivenName)) {
				p.cands = append(p.cands, s.claim(cand{a: u, b: end, label: models.Official, id: p.id, name: p.name,
					method: methodName, conf: 0.7}))
				return false
			}
			return true
		}
		done := false
		for k := range people {
			if !try(k) {
				done = true
				break
			}
		}
		if !done {
			known(s.units[u].key, func(k int) bool { done = !try(k); return !done })
		}
		if !done && particle {
			known(s.units[u+2].key, try)
		}
		if !done && !placeHere && isProper(s.units[u].tag) && u+1 < len(s.units) && s.sameSent(u, u+1) && t.lex.has(s.key(u+1), cueSpeechVerb) &&
			(u == 0 || !s.sameSent(u-1, u) || !s.units[u-1].is(upperFirst)) {
			// "X says" where no full name came before: the one office-holder of the date with that surname
			if k := sole(u); k >= 0 {
				people[k].known = false
				try(k)
			}
		}
	}

	// affiliation: what the title said, else the nearest state or body
	// before the first mention in its sentence, else the article's main state
	for k := range people {
		p := &people[k]
		if p.affil == "" && len(p.cands) > 0 {
			p.affil = t.nearestActor(s, s.cands[p.cands[0]].a)
		}
		for _, ci := range p.cands {
			c := &s.cands[ci]
			c.id, c.name = p.id, p.name
			if c.role == "" {
				c.role = p.role
			}
			c.affil = p.affil
			if c.role == "" {
				c.sector = p.sector // a generated person's sector on the article's date
			}
		}
	}
}

// actor reports whether a mention names a state, organization or group.
func actor(c *cand) bool {
	return c.label == models.State || c.label == models.Org || c.label == models.Group
}

// stateOf returns the id of an actor mention; a capital before a title
// ("Moscow Mayor") stands for its state.
func stateOf(c *cand) string {
	if c.kind == kCapital {
		c.kind = kMetonym
	}
	return c.id
}

// affiliationBefore returns the state or body named just before the title
// at unit i ("Tajik President", "Iran's foreign ministry spokesman"), or "".
func (t *Tagger) affiliationBefore(s *scratch, i int) string {
	for k, steps := i-1, 0; k >= 0 && steps < 4 && s.sameSent(k, i); k, steps = k-1, steps+1 {
		if c := s.at(k); c != nil {
			if actor(c) {
				return stateOf(c)
			}
			return ""
		}
		u := &s.units[k]
		switch {
		case u.key == "'s" || u.tag == "POS":
		case u.is(hasLetter) && (u.tag == "JJ" || u.tag == "NN" || u.tag == "NNP" || u.tag == "NNS") && !functionWord(u.key):
		default:
			return ""
		}
	}
	return ""
}

// appositive reads ", [the] [state] title [of [the] body]" after a name at
// unit e and returns the role and affiliation it gives.
func (t *Tagger) appositive(s *scratch, e int) (role, affil string) {
	if s.key(e) != "," || !s.sameSent(e-1, e+1) {
		return "", ""
	}
	k := e + 1
	if s.key(k) == "the" || s.key(k) == "a" {
		k++
	}
	if c := s.at(k); c != nil && c.a == k && actor(c) {
		affil = stateOf(c)
		k = c.b
		if kk := s.key(k); kk == "'s" || kk == "'" {
			k++ // "Lavrov, Russia's foreign minister"
		}
	}
	te, role := t.lex.matchTitle(s, k)
	if role == "" {
		return "", ""
	}
	if s.key(te) == "of" {
		m := te + 1
		if s.key(m) == "the" {
			m++
		}
		if c := s.at(m); c != nil && c.a == m && actor(c) {
			affil = stateOf(c)
		}
	}
	return role, affil
}

// nearestActor returns the closest state or body before unit u in its
// sentence, or the state the article mentions most.
func (t *Tagger) nearestActor(s *scratch, u int) string {
	for k := u - 1; k >= 0 && s.sameSent(k, u); k-- {
		if c := s.at(k); c != nil && actor(c) {
			return c.id
		}
	}
	return t.mainState(s)
}

// scanName returns the end of the person's name that starts at unit j, or
// j when none does: capitalized words, with particles ("bin", "al-") inside.
func (t *Tagger) scanName(s *scratch, j int) int {
	end, words := j, 0
	for k := j; k < len(s.units) && words < 5 && s.sameSent(j, k); {
		u := &s.units[k]
		switch {
		case t.nameLike(s, k):
			words++
			k++
			end = k
		case k > j && u.is(isDash) && u.is(attached) && k+1 < len(s.units) && s.units[k+1].is(attached) && t.nameLike(s, k+1):
			k++
		case k > j && u.is(isDash) && u.is(attached) && k+1 < len(s.units) && s.units[k+1].is(attached) &&
			s.units[k+1].is(hasLetter) && !s.units[k+1].is(upperFirst) && len(s.units[k+1].key) <= 4 &&
			s.at(k+1) == nil && !t.lex.has(s.key(k+1), cueStateSuffix):
			// "Kim Jong-un", "Koo Byoung-sam": a given name's lower-case second syllable
			k += 2
			end = k
		case k > j && words > 0 && u.is(upperFirst) && !u.is(allUpper) && s.at(k) != nil && s.at(k).a == k && s.at(k).b == k+1 &&
			s.at(k).kind == kPlace && !(k+1 < len(s.units) && s.sameSent(k, k+1) && s.units[k+1].is(upperFirst)):
			// "Lin Jian": a name's last word that a gazetteer also knows as a place
			words++
			k++
			end = k
		case k > j+1 && u.is(isDash) && u.is(attached) && t.lex.has(s.key(k-1), cueNameParticle) &&
			k+1 < len(s.units) && s.units[k+1].is(attached) && s.units[k+1].is(upperFirst):
			// "al-Houthi": a name after a particle even where the word names something else
			words++
			k += 2
			end = k
		case k > j && u.is(upperFirst) && !u.is(allUpper) && s.at(k) == nil && t.lex.has(u.key, cueCalendar) &&
			!strings.HasSuffix(u.key, "day") && !(k+1 < len(s.units) && s.units[k+1].is(isDigit)):
			// a month inside a name is a name: "Theresa May", "Zhang Jun"
			words++
			k++
			end = k
		case k > j && u.is(upperFirst) && t.lex.has(u.key, cueNameInner) && k+1 < len(s.units) && s.sameSent(k, k+1) && t.nameLike(s, k+1):
			// an honorific inside a name: "Hassan Sheikh Mohamud"
			k++
		case k > j && t.lex.has(u.key, cueNameParticle) && !u.is(upperFirst) && k+1 < len(s.units) &&
			(t.nameLike(s, k+1) || s.units[k+1].is(isDash) && s.units[k+1].is(attached) ||
				t.lex.has(s.key(k+1), cueNameParticle) && k+2 < len(s.units) && t.nameLike(s, k+2)):
			// "bin Salman", "al-Assad", "von der Leyen"
			k++
		default:
			return end
		}
	}
	return end
}

// nameLike reports whether unit k may be a word of a person's name.
func (t *Tagger) nameLike(s *scratch, k int) bool {
	u := &s.units[k]
	if !u.is(upperFirst) || u.is(isDigit) || (u.is(allUpper) && len(u.key) > 1 && !isInitial(u.key)) {
		return false
	}
	if t.lex.has(u.key, cueOrgWord|cueCalendar|cueTitleWord) {
		return false
	}
	for _, r := range u.key {
		if r >= '0' && r <= '9' {
			return false
		}
	}
	if c := s.at(k); c != nil {
		// a city's name may be a given name ("Santiago Peña"), not before a title
		// ("Supreme Allied Commander Europe General Christopher Cavoli")
		return c.b == k+1 && (c.kind == kCapital || c.kind == kPlace) && k+1 < len(s.units) &&
			s.sameSent(k, k+1) && s.units[k+1].is(upperFirst) && s.at(k+1) == nil &&
			!t.lex.has(s.key(k+1), cueOrgWord|cueCalendar|cueTitleWord)
	}
	return true
}

// nameWords counts the capitalized words of the name [a, b).
func nameWords(s *scratch, a, b int) int {
	n := 0
	for k := a; k < b; k++ {
		if s.units[k].is(upperFirst) {
			n++
		}
	}
	return n
}

// verbNext reports whether a finite verb or modal starts at unit u, after
// at most one adverb ("also warned").
func verbNext(s *scratch, u int) bool {
	if u < len(s.units) && s.units[u].tag == "RB" && s.sameSent(u, u+1) {
		u++
	}
	if u >= len(s.units) {
		return false
	}
	switch s.units[u].tag {
	case "MD", "VBD", "VBZ", "VBP":
		return true
	}
	return false
}

func isProper(tag string) bool { return tag == "NNP" || tag == "NNPS" }

// properRun reports whether the capitalized words of [a, b) are tagged proper nouns.
func properRun(s *scratch, a, b int) bool {
	for k := a; k < b; k++ {
		if u := &s.units[k]; u.is(upperFirst) && !isProper(u.tag) && !(k > a && u.is(attached) && s.units[k-1].is(isDash)) {
			return false // the tagger's "al-Alimi" is NN, its "Alimi" is a name
		}
	}
	return true
}

// onlyPlaces reports whether every unit of [a, b) is free or a gazetteer
// place, which a person's full name may take over ("Wu Jian").
func (s *scratch) onlyPlaces(a, b int) bool {
	for u := a; u < b; u++ {
		if c := s.at(u); c != nil && c.kind != kPlace {
			return false
		}
	}
	return true
}

// isInitial reports whether a key is one letter and its stop ("w.").
func isInitial(k string) bool { return len(k) == 2 && k[1] == '.' }

// portfolio returns the end of the capitalized portfolio that starts at unit
// k after a title's "of" ("Water Resources and Irrigation", "Emergency
// Situations"), or k: its words are in the lexicon, joined by "and", "the"
// or commas.
func (t *Tagger) portfolio(s *scratch, k int) int {
	end := k
	for m := k; m < len(s.units) && m < k+8 && s.sameSent(k, m); m++ {
		u := &s.units[m]
		switch {
		case u.is(upperFirst) && t.lex.has(u.key, cuePortfolio) && s.at(m) == nil:
			end = m + 1
		case m > k && (u.key == "and" || u.key == "," || u.key == "the"):
		default:
			return end
		}
	}
	return end
}

// modifiesNoun reports whether unit e, right after a one-word name, is a
// lower-case common noun in the same sentence, so that the word before it
// is an adjective ("official Norlandic news agency"), not a name.
func modifiesNoun(s *scratch, e int) bool {
	if e >= len(s.units) || !s.sameSent(e-1, e) {
		return false
	}
	u := &s.units[e]
	return !u.is(upperFirst) && u.tag == "NN" // not NNS: a headline verb ("Chief Name vows") is often tagged so
}
