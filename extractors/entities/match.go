package entities

import (
	"slices"
	"strings"

	"github.com/communique/communique/models"
)

// matchGazetteer finds the longest gazetteer phrase at each unit, in one
// pass over the units, and claims it. The same walk finds the discard
// phrases (discard.go), from every unit, also inside a match: a match of an
// actor's name wholly inside one is not claimed and keeps its words from
// matching otherwise, as a block row does; a capital is left to
// dropDiscarded, as it may be a place.
func (t *Tagger) matchGazetteer(s *scratch) {
	g := t.g
	s.coverEnd = slices.Grow(s.coverEnd[:0], len(s.units))[:len(s.units)]
	s.anyDiscard = false
	// next: the first unit after the last match; discardEnd: the end of the
	// discard phrases that start at or before the unit at hand
	next, discardEnd := 0, 0
	for i := range s.units {
		best, bestEnd, bestNode := int32(-1), i, int32(0)
		dEnd := i
		n := int32(0)
		for j := i; j < len(s.units) && s.units[j].sent == s.units[i].sent; j++ {
			n = g.trie.child(n, s.units[j].key)
			if n < 0 {
				break
			}
			for _, e := range g.trie.nodes[n].entries {
				if g.entries[e].kind == kDiscard {
					dEnd = j + 1
					continue
				}
				if i >= next && t.fits(s, i, &g.entries[e]) {
					best, bestEnd, bestNode = e, j+1, n
					break
				}
			}
		}
		if dEnd > i {
			s.anyDiscard = true
			discardEnd = max(discardEnd, dEnd)
		}
		s.coverEnd[i] = int32(discardEnd)
		if best < 0 {
			continue
		}
		next = bestEnd
		e := &g.entries[best]
		if e.kind == kBlock || e.kind != kCapital && actorLabel(e.label) && bestEnd <= discardEnd {
			continue
		}
		c := cand{a: i, b: bestEnd, label: e.label, id: e.id, name: e.name, kind: e.kind,
			parent: e.parent, place: e.place, opKind: e.opKind, unqualified: e.unqualified, node: bestNode, method: methodGazetteer, conf: 0.9}
		if e.kind == kOperation {
			c.affil = e.parent // the body a mission or operation serves: KFOR is NATO's
		}
		s.claim(c)
	}
}

// fits checks the case of the units from i against the words of e.
func (t *Tagger) fits(s *scratch, i int, e *entry) bool {
	for k, w := range e.words {
		u := &s.units[i+k]
		if !caseFits(w, s.surface(i+k), k) {
			// a heading or dateline in capitals ("VILNIUS, 11 July") still matches names
			if !(u.is(allUpper) && u.is(hasLetter) && !isAcronym(w)) {
				return false
			}
		}
	}
	return true
}

// surface returns the text of unit u.
func (s *scratch) surface(u int) string { return s.text[s.units[u].start:s.units[u].end] }

// isAcronym reports whether a gazetteer word is written in capitals ("UN", "G7").
func isAcronym(w string) bool {
	up, letters := 0, 0
	for _, r := range w {
		if isLetterRune(r) {
			letters++
			if isUpperRune(r) {
				up++
			}
		}
	}
	return up >= 2 || (up == 1 && letters == 1)
}

// resolveContext keeps an organ's short name ("Security Council", "Board of
// Governors") where the article mentions the body it belongs to, and drops it
// elsewhere or after a state's adjective ("the Russian Security Council").
func (t *Tagger) resolveContext(s *scratch) {
	var present []string
	for i := range s.cands {
		if c := &s.cands[i]; !c.dead && c.kind != kOrgContext {
			present = append(present, c.id)
			if c.parent != "" {
				present = append(present, c.parent) // an organ names its body ("OSCE Ministerial Council")
			}
		}
	}
	for i := range s.cands {
		c := &s.cands[i]
		if c.dead || c.kind != kOrgContext {
			continue
		}
		ok := c.unqualified // "the Security Council" is the UN's unless another body's
		if has(present, c.parent) {
			ok = true
		} else {
			// "Permanent Council" is the OSCE's or the OAS's: the body the article mentions
			for _, e := range t.g.trie.nodes[c.node].entries {
				if o := &t.g.entries[e]; o.kind == kOrgContext && o.parent != c.parent && has(present, o.parent) {
					c.id, c.name, c.parent, c.unqualified, ok = o.id, o.name, o.parent, o.unqualified, true
					break
				}
			}
		}
		q := t.qualifier(s, c)
		if !ok || q != nil {
			s.kill(i)
			// its body is not mentioned, or another body's name qualifies it ("the OIC Council of
			// Foreign Ministers"): findOrgans names it after the article's body
			c.orphan = q == nil || q.label == models.Org
			continue
		}
		c.kind, c.method, c.conf = kOrg, methodContext, 0.7
	}
}

// qualifier returns the name other than the organ's body that qualifies its
// short name, or nil: a state, place or other body before it ("the Russian
// Security Council", "Armenia's Security Council", "the Kentucky General
// Assembly") or after "of" ("the Security Council of Armenia").
func (t *Tagger) qualifier(s *scratch, c *cand) *cand {
	p := c.a - 1
	for p > 0 && s.sameSent(p, c.a) && s.owner[p] < 0 && s.units[p].is(upperFirst) && !s.units[p].is(allUpper) {
		p-- // "Iran's Supreme National Security Council"
	}
	if k := s.key(p); (k == "'s" || k == "'") && s.sameSent(p-1, c.a) {
		p--
	}
	if q := s.at(p); q != nil && s.sameSent(p, c.a) && qualifies(q, c) {
		return q
	}
	if s.key(c.b) != "of" || !s.sameSent(c.a, c.b+1) {
		return nil
	}
	n := c.b + 1
	if s.key(n) == "the" {
		n++
	}
	if q := s.at(n); q != nil && q.a == n && qualifies(q, c) {
		return q
	}
	return nil
}

// qualifies reports whether the mention q, next to an organ's short name
// c, names another state, place or body than c's parent: neither the
// parent itself nor a body of the same parent ("the Norland Diet
// Greens", "the Greens of the Norland Diet" for a party of Norland) does.
// A short name with no parent is qualified by any of them.
func qualifies(q, c *cand) bool {
	return q.id != c.parent && (c.parent == "" || q.parent != c.parent) && (actor(q) || q.label == models.Place)
}

// acronym is an organization, mission or place whose acronym an article defines.
type acronym struct {
	text   string
	label  models.Label
	id     string
	name   string
	kind   kind
	opKind string
	affil  string // a mission's body, named inside its name
}

// learnAcronyms finds "Long Name (ACR)": the long name and every use of the
// acronym in the article get the long name's id, or the acronym as id when
// the gazetteers do not know the body.
func (t *Tagger) learnAcronyms(s *scratch, text string) {
	var learned []acronym
	for i := 1; i+2 < len(s.units); i++ {
		if s.units[i].key != "(" || !s.sameSent(i-1, i) {
			continue
		}
		j := i + 1 // acronym units [i+1, j)
		for j < len(s.units) && j < i+5 && s.units[j].key != ")" && s.sameSent(i, j) {
			j++
		}
		if j >= len(s.units) || s.units[j].key != ")" || j == i+1 {
			continue
		}
		acr := text[s.units[i+1].start:s.units[j-1].end]
		if !acronymLike(acr) {
			continue
		}
		var a acronym
		if c := s.at(i - 1); c != nil && c.b == i && c.a < i-1 && c.label != "" &&
			(c.label != models.Place && c.label != models.State || spellsAcronym(s, c.a, i, acronymLetters(acr))) {
			// a known name: "Collective Security Treaty Organization (CSTO)", "Line of Control (LoC)";
			// a state's or place's name must spell it ("... of the Congo (MONUSCO)" is a mission's)
			a = acronym{text: acr, label: c.label, id: c.id, name: c.name, kind: c.kind, opKind: c.opKind}
			if t.g.generated[c.id] && c.label == models.Org && s.at(i+1) == nil {
				// a long name only the generated tables know: the article's acronym is its id, as for a
				// body no table knows
				a.id = SnakeID(acr)
				c.id = a.id
			}
			if ac := s.at(i + 1); ac != nil && ac.a == i+1 && ac.b == j && ac.id != c.id && actor(ac) && actor(c) && ac.label != models.State {
				// two known bodies: the acronym is the more specific name ("National Liberation
				// Army (ELN)" is the one the acronym names, not another of the same name)
				a.label, a.id, a.name, a.kind = ac.label, ac.id, ac.name, ac.kind
				c.label, c.id, c.name, c.kind = ac.label, ac.id, ac.name, ac.kind
			}
		} else {
			start := t.longNameStart(s, i, acr)
			if c := s.at(i + 1); start < 0 && c != nil && c.a == i+1 && c.b == j && c.opKind == "mission" {
				// a known mission's name in another language's order: "UN Organization Stabilization
				// Mission in the Democratic Republic of the Congo (MONUSCO)"
				if a := t.nameRunStart(s, i); a < i && t.missionName(s, a, i) {
					start = a
				}
			}
			if start < 0 || t.documentName(s, start, i) {
				continue
			}
			name := text[s.units[start].start:s.units[i-1].end]
			a = acronym{text: acr, label: models.Org, id: SnakeID(acr), name: name, kind: kOrg}
			if c := s.at(i + 1); c != nil && c.a == i+1 && c.b == j && (c.label == models.Org || c.label == models.Group) {
				a.label, a.id, a.name = c.label, c.id, c.name // a known acronym with a long name the gazetteers lack
			} else if t.lex.has(s.key(i-1), cueGroupHead) && !s.stateNamed(start, i) {
				// "the Free Syrian Army (FSA)", "the Justice and Equality Movement (JEM)": an armed group;
				// a state's army ("the Sudanese Armed Forces (SAF)") is not
				a.label, a.kind = models.Group, kGroup
			} else if kind := t.lex.trigger(s, j+1); kind != "" && !s.units[j+1].is(upperFirst) && s.sameSent(j, j+1) {
				// "a Multinational Security Support (MSS) mission": the name is the mission's
				a.label, a.kind, a.opKind, a.id = models.Operation, kOperation, kind, SnakeID(name)
			} else if t.missionName(s, start, i) {
				// "UN Military Observer Group in India and Pakistan (UNMOGIP)": one flat span
				a.label, a.kind, a.opKind = models.Operation, kOperation, "mission"
				a.affil = bodyInside(s, start, i)
				if c := s.at(start); c != nil && c.label == models.Org && c.b == start+1 && s.units[start].is(allUpper) && t.lex.has(s.key(start+1), cueMissionHead) {
					// named for its body's acronym, like "OSCE Mission to Moldova": the name is the id
					a.id = SnakeID(name)
				}
			}
			s.claim(cand{a: start, b: i, label: a.label, id: a.id, name: a.name, kind: a.kind, opKind: a.opKind, affil: a.affil, method: methodAcronym, conf: 0.8})
		}
		if c := s.at(i + 1); c != nil && c.id == a.id && c.a == i+1 && c.b == j {
			c.affil = a.affil
		} else {
			s.claim(cand{a: i + 1, b: j, label: a.label, id: a.id, name: a.name, kind: a.kind, opKind: a.opKind, affil: a.affil, method: methodAcronym, conf: 0.8})
		}
		learned = append(learned, a)
	}
	if len(learned) == 0 {
		return
	}
	defer func() {
		for i := range s.cands {
			for _, a := range learned {
				if c := &s.cands[i]; a.affil != "" && c.id == a.id && c.affil == "" {
					c.affil = a.affil // every MONUSCO of the article serves the UN
				}
			}
		}
	}()
	for u := range s.units {
		if s.owner[u] >= 0 || !s.units[u].is(upperFirst) {
			continue
		}
		for _, a := range learned {
			if end, ok := s.matchText(u, a.text); ok && s.free(u, end) {
				s.claim(cand{a: u, b: end, label: a.label, id: a.id, name: a.name, kind: a.kind, opKind: a.opKind, affil: a.affil, method: methodAcronym, conf: 0.8})
				break
			}
		}
	}
}

// stateNamed reports whether a state's name or adjective is among the units [a, b).
func (s *scratch) stateNamed(a, b int) bool {
	for u := a; u < b; u++ {
		if c := s.at(u); c != nil && c.label == models.State {
			return true
		}
	}
	return false
}

// matchText reports whether the units from u spell phrase exactly, with the
// same spacing, and returns the end unit.
func (s *scratch) matchText(u int, phrase string) (int, bool) {
	rest := phrase
	for k := u; k < len(s.units); k++ {
		if k > u {
			if !s.units[k].is(attached) {
				if !strings.HasPrefix(rest, " ") {
					return 0, false
				}
				rest = rest[1:]
			}
		}
		w := s.surface(k)
		if !strings.HasPrefix(rest, w) {
			return 0, false
		}
		rest = rest[len(w):]
		if rest == "" {
			return k + 1, true
		}
	}
	return 0, false
}

// acronymLike reports whether s looks like an acronym: 2 to 12 bytes of
// capitals, digits and dashes, starting with a capital, with at least two
// capitals or one and digits ("G9", "M23"), and fewer small letters than
// capitals ("LoC", "MoU").
func acronymLike(s string) bool {
	if len(s) < 2 || len(s) > 12 || s[0] < 'A' || s[0] > 'Z' {
		return false
	}
	up, low, digits := 0, 0, 0
	for _, r := range s {
		switch {
		case 'A' <= r && r <= 'Z':
			up++
		case 'a' <= r && r <= 'z':
			low++
		case '0' <= r && r <= '9':
			digits++
		case isDashRune(r), r == '&':
		default:
			return false
		}
	}
	return (up >= 2 || up == 1 && digits > 0 && low == 0) && low < up
}

// acronymLetters returns the capitals of an acronym in lower case.
func acronymLetters(acr string) string {
	return strings.ToLower(strings.Map(func(r rune) rune {
		if 'A' <= r && r <= 'Z' {
			return r
		}
		return -1
	}, acr))
}

// spellsAcronym reports whether the initials of the words [a, b) spell the
// acronym's letters in order, some words skipped: an all-capitals word
// gives as many of its letters as follow in the acronym ("UN Military
// Observer Group" spells UNMOG).
func spellsAcronym(s *scratch, a, b int, letters string) bool {
	li := 0
	for k := a; k < b && li < len(letters); k++ {
		u := &s.units[k]
		if !u.is(hasLetter) {
			continue
		}
		if u.is(allUpper) && len(u.key) > 1 {
			for n := 0; n < len(u.key) && li < len(letters) && u.key[n] == letters[li]; n++ {
				li++
			}
			continue
		}
		if u.key[0] == letters[li] {
			li++
		}
	}
	return li == len(letters)
}

// missionName reports whether the name [a, b) names a mission by a
// capitalized head noun ("Mission", "Observer Group"), or by "Force" where
// the name holds a body or the place it is deployed in ("East African
// Community Regional Force", "Interim Force in Lebanon"); "Indian Air
// Force" is no mission.
func (t *Tagger) missionName(s *scratch, a, b int) bool {
	force := false
	for k := a; k < b; k++ {
		if !s.units[k].is(upperFirst) {
			continue
		}
		if t.lex.has(s.key(k), cueMissionHead) {
			return true
		}
		force = force || s.key(k) == "force"
	}
	if !force {
		return false
	}
	for k := a; k < b; k++ {
		if c := s.at(k); c != nil && c.label == models.Org {
			return true
		}
		if s.key(k) == "in" && k+1 < b {
			if c := s.at(k + 1); c != nil && (c.label == models.State || c.label == models.Place) {
				return true
			}
		}
	}
	return false
}

// longNameStart returns the first unit of the capitalized name before the
// "(" at unit p whose initials spell acr, or -1.
func (t *Tagger) longNameStart(s *scratch, p int, acr string) int {
	start := t.nameRunStart(s, p)
	letters := acronymLetters(acr)
	first := start
	// move right to the first capitalized word whose initial starts the acronym
	for start < p && (!s.units[start].is(upperFirst) || s.units[start].key[0] != letters[0]) {
		start++
	}
	caps := 0
	for k := start; k < p; k++ {
		if s.units[k].is(upperFirst) {
			caps++
		}
	}
	if start < p && caps >= 2 && spellsAcronym(s, start, p, letters) {
		return start
	}
	return permutedAcronym(s, first, p, letters)
}

// nameRunStart returns the first unit of the run of capitalized words, dashes,
// digits and function words before the "(" at unit p, moved right to its
// first capitalized word, or p.
func (t *Tagger) nameRunStart(s *scratch, p int) int {
	start := p
	for k := p - 1; k >= 0 && k > p-14 && s.sameSent(k, p); k-- {
		u := &s.units[k]
		if c := s.at(k); c != nil && (c.label == models.Official || c.label == models.Operation) {
			break
		}
		if u.is(upperFirst) || u.is(isDash) || (u.is(isDigit)) || functionWord(u.key) {
			start = k
			continue
		}
		break
	}
	for start < p && (!s.units[start].is(upperFirst) || functionWord(s.key(start))) {
		start++
	}
	return start
}

// permutedAcronym returns the first unit of the last capitalized words
// before the "(" at unit p whose initials are the acronym's letters in
// another order, as for a name translated from another language
// ("National Electoral Council (CNE)"), or -1.
func permutedAcronym(s *scratch, first, p int, letters string) int {
	var count [26]int
	for i := 0; i < len(letters); i++ {
		if c := letters[i]; 'a' <= c && c <= 'z' {
			count[c-'a']++
		}
	}
	n, k := 0, p-1
	for ; k >= first && n < len(letters); k-- {
		u := &s.units[k]
		if !u.is(upperFirst) {
			if functionWord(u.key) {
				continue
			}
			return -1
		}
		c := u.key[0]
		if c < 'a' || c > 'z' || count[c-'a'] == 0 {
			return -1
		}
		count[c-'a']--
		n++
	}
	if n < 2 || n < len(letters) {
		return -1
	}
	return k + 1
}

// functionWord reports whether w may stand inside an organization's name.
func functionWord(w string) bool {
	switch w {
	case "of", "and", "for", "the", "on", "in", "de", "to", "against", "&":
		return true
	}
	return false
}

func has(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// documentName reports whether the name [a, b) names a document or a
// ministry, not a body: it has a document's noun ("Memorandum of
// Understanding", "Joint Comprehensive Plan of Action") and does not end in
// an organization's ("Collective Security Treaty Organization"), or it is
// a ministry ("Ministry of Defence (MoD)"), which yields only its state.
func (t *Tagger) documentName(s *scratch, a, b int) bool {
	for k := a; k < b; k++ {
		if k := s.key(k); k == "ministry" || k == "ministries" {
			return true
		}
	}
	if t.lex.has(s.key(b-1), cueOrgWord) {
		return false
	}
	for k := a; k < b; k++ {
		if s.units[k].is(upperFirst) && t.lex.has(s.key(k), cueDocNoun) {
			return true
		}
	}
	return false
}

// bodyInside returns the id of the first organization named inside the
// units [a, b), the body a mission serves ("SADC Mission in the DRC"), or "".
func bodyInside(s *scratch, a, b int) string {
	for k := a; k < b; k++ {
		if c := s.at(k); c != nil && c.label == models.Org {
			return c.id
		}
	}
	return ""
}

// findGroups makes an acronym no gazetteer knows before a lower-case noun
// of armed groups a GROUP, with the acronym as id: "the ADF rebels", "the
// FDLR militia"; the article's other uses of it follow.
func (t *Tagger) findGroups(s *scratch, text string) {
	var learned []string
	for u := 0; u+1 < len(s.units); u++ {
		if s.owner[u] >= 0 || !s.units[u].is(allUpper) || !s.sameSent(u, u+1) || !t.lex.has(s.key(u+1), cueGroupNoun) ||
			!acronymLike(s.surface(u)) || s.headline[s.units[u].sent] {
			continue
		}
		acr := s.surface(u)
		s.claim(cand{a: u, b: u + 1, label: models.Group, id: SnakeID(acr), name: acr, kind: kGroup, method: methodPattern, conf: 0.7})
		learned = append(learned, acr)
	}
	if len(learned) == 0 {
		return
	}
	for u := range s.units {
		if s.owner[u] >= 0 || !s.units[u].is(allUpper) {
			continue
		}
		for _, acr := range learned {
			if s.surface(u) == acr {
				s.claim(cand{a: u, b: u + 1, label: models.Group, id: SnakeID(acr), name: acr, kind: kGroup, method: methodPattern, conf: 0.6})
				break
			}
		}
	}
}
