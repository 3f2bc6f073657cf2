package entities

import (
	"strings"

	"github.com/communique/communique/models"
)

// findOrgans finds the organs and bodies no gazetteer lists, by the shape
// of their names: capitalized words around a head noun.
//
// An organ's head noun (Council, Committee, Commission, ...) names a part of
// a body or state, after "the" or after that body or state ("the Council of
// Commanders of Border Troops", "the OIC Council of Foreign Ministers",
// "Iran's Supreme National Security Council"). Its body is the one named
// before the organ or after its "of", else the article's main body, else
// its main state; the id is the body's and the initials of the organ's name
// (CIS_CCBT), as the gazetteer's organs have (OSCE_PC, AU_PSC).
//
// A body's head noun (Organization, Agency, Bank, ...) names a body of its
// own ("the New Development Bank" is NDB); one of a state, after "of", has
// the state's id before its initials.
//
// Either name followed by its acronym ("the National Intelligence
// Organization (MIT)") takes the acronym as id, wherever it starts. A short
// name a gazetteer knows and the rules dropped ("the Security Council of
// Armenia") stays dropped, and one capitalized word ("the Council") is a
// back-reference.
func (t *Tagger) findOrgans(s *scratch, text string) {
	var touched []int // units of gazetteer names the rules dropped
	main := ""
	for u := 0; u < len(s.units); u++ {
		if s.owner[u] >= 0 || !s.units[u].is(upperFirst) || s.units[u].is(allUpper) || s.headline[s.units[u].sent] || s.key(u) == "the" {
			continue // a leading "The" is no part of a name
		}
		a, parent := t.organStart(s, u)
		ofName := parent == "" && t.ofHead(s, u)
		if a < 0 && !ofName && (u == 0 || !s.sameSent(u-1, u) || s.units[u-1].is(upperFirst)) {
			continue
		}
		e, words := u, 0
		absorbed := -1 // an organ's short name inside a longer name ("Supreme National Security Council")
		for k := u; k < len(s.units) && s.sameSent(u, k); k++ {
			w := &s.units[k]
			if c := s.at(k); c != nil && c.a == k && k > u && c.method == methodContext && absorbed < 0 && s.units[k-1].is(upperFirst) {
				absorbed = int(s.owner[k])
				words, e = words+c.b-c.a, c.b
				k = c.b - 1
				continue
			}
			switch {
			case w.is(upperFirst) && !w.is(allUpper) && s.owner[k] < 0 && !t.lex.has(w.key, cueCalendar|cueDocNoun):
				words++
				e = k + 1
				continue
			case w.is(isDash) && w.is(attached) && k > u && k+1 < len(s.units) && s.units[k+1].is(attached):
				if n := &s.units[k+1]; !n.is(upperFirst) && n.is(hasLetter) && s.owner[k+1] < 0 {
					k++ // "Follow-up"
					e = k + 1
				}
				continue // "Anti-Terrorism"
			case (w.key == "of" || w.key == "and" || w.key == "for" || w.key == "on") && k+1 < len(s.units) ||
				w.key == "the" && s.key(k-1) == "of":
				continue
			}
			break
		}
		for k := u; k < e-1; k++ {
			if t.lex.has(s.key(k), cueOrganHead|cueBodyHead) && s.units[k+1].is(upperFirst) {
				// "the RATS Executive Committee Ruslan Mirzaev": the name ends at its head noun
				words -= nameWords(s, k+1, e)
				e = k + 1
				break
			}
		}
		head := t.organHead(s, u, e)
		if ofName && head == 0 {
			head = cueBodyHead
		}
		if words < 2 && !(words == 1 && a >= 0 && a < u) || head == 0 || t.titleAt(s, u) {
			continue // "the Chairman of the Council of Ministers": the organ may start further on
		}
		acr := s.acronymAt(e) // "the Ceasefire Violations Committee (CFVC)": a body of its own
		if k := s.key(e); acr == "" && (k == "on" || k == "for" || k == "in") && s.at(e+1) != nil && s.at(e+1).a == e+1 {
			// "the International Follow-up Committee on Libya (IFCL)": the state is part of the name
			if c := s.at(e + 1); c.label == models.State || c.label == models.Place {
				if acr = s.acronymAt(c.b); acr != "" {
					s.kill(int(s.owner[e+1]))
					e = c.b
				}
			}
		}
		if ofName && acr == "" && s.ofNext(e) >= 0 {
			continue // "the Ministry of Foreign Affairs of Norland": the state's own ministry is the state's mention
		}
		if a < 0 {
			if acr == "" && (head != cueBodyHead || !t.lex.has(s.key(e-1), cueBodyHead)) && !ofName {
				continue
			}
			a = u // "according to Mehr News Agency": a body's name needs no article
		}
		if touched == nil {
			touched = s.touched()
			main = t.mainBody(s)
		}
		if s.dropped(touched, u, e) {
			u = e - 1
			continue
		}
		b, id := e, acr
		if acr == "" {
			if n := s.ofNext(e); n >= 0 && parent == "" {
				// "the Council of Ministers of Bosnia", "the Executive Committee of the Regional
				// Anti-Terrorist Structure": the state or body is a mention of its own
				parent = s.at(n).id
			}
			switch {
			case head == cueOrganHead && parent == "" && main == "":
				continue
			case head == cueOrganHead && parent == "":
				id = main + "_" + initials(s, u, e)
			case parent != "" && words == 1:
				id = parent + "_" + strings.ToUpper(s.key(u)) // "the RATS Council"
			case parent != "":
				id = parent + "_" + initials(s, u, e)
			case t.lex.has(s.key(e-1), cueNamedHead) || ofName:
				id = SnakeID(text[s.units[u].start:s.units[e-1].end]) // "Tsinghua University": the name, not its initials
			default:
				id = initials(s, u, e) // "the New Development Bank"
			}
		}
		if a < u {
			s.kill(int(s.owner[a])) // "the OIC Council of Foreign Ministers" is one name
		}
		if absorbed >= 0 && s.cands[absorbed].b <= e {
			s.kill(absorbed)
		}
		name := text[s.units[a].start:s.units[b-1].end]
		if acr != "" {
			parent = ""
		}
		s.claim(cand{a: a, b: b, label: models.Org, id: id, name: name, kind: kOrg, parent: parent,
			method: methodPattern, conf: 0.6})
		if acr != "" {
			for k := b + 1; k < len(s.units); k++ {
				if s.owner[k] < 0 && s.surface(k) == acr {
					s.claim(cand{a: k, b: k + 1, label: models.Org, id: id, name: name, kind: kOrg, method: methodAcronym, conf: 0.6})
				}
			}
		}
		u = b - 1
	}
}

// ofHead reports whether the name at unit u is a head noun of cues.tsv's
// of_head, "of" and a capitalized word ("Ministry of Commerce", "University of
// Tarnvale"): such a name needs no article, even at a sentence's start, and
// takes its whole name as id.
func (t *Tagger) ofHead(s *scratch, u int) bool {
	return t.lex.has(s.key(u), cueOfHead) && s.key(u+1) == "of" && u+2 < len(s.units) &&
		s.sameSent(u, u+2) && s.units[u+2].is(upperFirst) && s.owner[u+2] < 0
}

// acronymAt returns the acronym in parentheses that starts at unit e
// ("(CFVC)"), or "".
func (s *scratch) acronymAt(e int) string {
	if s.key(e) == "(" && s.key(e+2) == ")" && s.units[e+1].is(allUpper) && acronymLike(s.surface(e+1)) {
		return s.surface(e + 1)
	}
	return ""
}

// organHead returns cueOrganHead or cueBodyHead when the name [a, b) ends
// in such a head noun or has one before its first "of", "for" or "on"
// ("Council of Foreign Ministers", "State Committee for National
// Security"), and 0 otherwise.
func (t *Tagger) organHead(s *scratch, a, b int) cue {
	before := a
	for k := a; k < b; k++ {
		if w := s.key(k); w == "of" || w == "for" || w == "on" {
			before = k - 1
			break
		}
	}
	for _, k := range []string{s.key(b - 1), s.key(before)} {
		switch {
		case t.lex.has(k, cueOrganHead):
			return cueOrganHead
		case t.lex.has(k, cueBodyHead):
			return cueBodyHead
		}
	}
	return 0
}

// organStart returns where an organ's name that may start at unit u begins,
// and its body when a mention of the body comes just before: after "the",
// "its" or "their" the name starts at u; after a body ("the OIC Council")
// it starts at the body; after a state ("Iran's Supreme Council") it starts
// at u and the state is the body. It returns -1 when no organ may start at u.
func (t *Tagger) organStart(s *scratch, u int) (int, string) {
	p := u - 1
	if p < 0 || !s.sameSent(p, u) {
		return -1, ""
	}
	switch s.key(p) {
	case "the", "its", "their":
		return u, ""
	case "'s", "'":
		p--
	}
	c := s.at(p)
	if c == nil || c.b != p+1 || !s.sameSent(p, u) {
		return -1, ""
	}
	switch {
	case c.label == models.Org && (c.kind == kOrg || c.kind == kOrgContext) && p == u-1:
		return c.a, c.id // "the OIC Council", "the RATS Executive Committee"
	case c.label == models.State:
		return u, c.id
	}
	return -1, ""
}

// titleAt reports whether a title starts at unit u ("Chairman of ...").
func (t *Tagger) titleAt(s *scratch, u int) bool {
	_, role := t.lex.matchTitle(s, u)
	return role != ""
}

// ofNext returns the unit of the state or body named after "of [the]" at
// unit e, or -1.
func (s *scratch) ofNext(e int) int {
	if s.key(e) != "of" || !s.sameSent(e, e+1) {
		return -1
	}
	n := e + 1
	if s.key(n) == "the" {
		n++
	}
	if c := s.at(n); c != nil && c.a == n && (c.label == models.Org || c.label == models.State) {
		return n
	}
	return -1
}

// touched returns, for each unit, the end of the dropped candidate that
// covered it, or 0: a gazetteer name the rules dropped ("the Security
// Council of Armenia"), not one dropped only because its body is not
// mentioned.
func (s *scratch) touched() []int {
	m := make([]int, len(s.units))
	for i := range s.cands {
		c := &s.cands[i]
		if !c.dead || c.orphan {
			continue
		}
		for u := c.a; u < c.b; u++ {
			m[u] = max(m[u], c.b)
		}
	}
	return m
}

// dropped reports whether the organ's name [a, b) is no longer than a
// gazetteer name the rules dropped inside it: "Security Council" of
// Armenia stays dropped, "Iran's Supreme National Security Council" is a
// longer name of its own.
func (s *scratch) dropped(touched []int, a, b int) bool {
	for u := a; u < b; u++ {
		if touched[u] > 0 {
			start := u
			for start > 0 && touched[start-1] == touched[u] {
				start--
			}
			return start <= a && touched[u] >= b
		}
	}
	return false
}

// mainBody returns the intergovernmental body the article mentions most
// (the first on a tie), else the state it mentions most, or "".
func (t *Tagger) mainBody(s *scratch) string {
	best := func(label models.Label) string {
		id, n := "", 0
		counts := map[string]int{}
		for i := range s.cands {
			c := &s.cands[i]
			if c.dead || c.label != label || c.parent != "" {
				continue
			}
			counts[c.id]++
			if counts[c.id] > n {
				id, n = c.id, counts[c.id]
			}
		}
		return id
	}
	if id := best(models.Org); id != "" {
		return id
	}
	return best(models.State)
}

// initials returns the upper-case initials of the capitalized words of
// [a, b), a hyphenated word giving one for each part ("Anti-Terrorism
// Center" is ATC).
func initials(s *scratch, a, b int) string {
	var sb strings.Builder
	for k := a; k < b; k++ {
		if u := &s.units[k]; u.is(upperFirst) {
			sb.WriteString(strings.ToUpper(string([]rune(u.key)[0])))
		}
	}
	return sb.String()
}
