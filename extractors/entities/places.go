package entities

import (
	"strings"

	"github.com/communique/communique/models"
)

// findPlaces tags places that no gazetteer knows, from the grammar around
// them; it runs after the officials so that a person's name is never taken
// for a place:
//
//   - a dateline at the start of a line: "ST. PETERSBURG, December 25",
//     "LODZ (Reuters) --";
//   - capitalized words ending in a place's head noun, or a state's name
//     before one: "the Second Thomas Shoal", "Zangezur Corridor", "the
//     Panama Canal"; a prefix and the words after it: "Lake Chad";
//   - proper nouns after "in", "near", "outside", "around", a compass
//     point's "of" or a place noun's: "a meeting in Lodz", "south of
//     Crete", "the port of Faw";
//   - proper nouns before a lower-case region noun: "the Turkistan region",
//     "the Toktogul and Rogun reservoirs".
func (t *Tagger) findPlaces(s *scratch, text string) {
	for u := 0; u < len(s.units); u++ {
		if lineStart(s, text, u) {
			if e := t.dateline(s, u); e > u {
				if c := s.at(u); c != nil && c.a == u && c.b == e && c.kind == kCapital {
					c.kind, c.label, c.id, c.name = kPlace, models.Place, c.place, "" // "BISHKEK, Kyrgyzstan, March 30" is no coordination
				}
				t.claimPlace(s, text, u, e)
				u = e - 1
				continue
			}
			t.datelineAgency(s, text, u)
		}
		if s.units[u].is(upperFirst) && t.lex.has(s.key(u), cuePlaceHead) && s.at(u) == nil && !s.headline[s.units[u].sent] {
			a := u
			for a > 0 && s.sameSent(a-1, u) && t.placeUnit(s, a-1) {
				a--
			}
			if c := s.at(a - 1); c != nil && c.b == a && (c.kind == kState || c.kind == kPlace) && s.sameSent(c.a, u) &&
				(a == u || s.units[c.a].is(upperFirst)) {
				// "the Panama Canal", "the Kurdistan Region", "the Gorno-Badakhshan Autonomous Region":
				// a feature named for a state or place
				s.kill(int(s.owner[a-1]))
				a = c.a
			}
			if a < u {
				t.claimPlace(s, text, a, u+1)
				continue
			}
		}
		if s.units[u].is(upperFirst) && t.lex.has(s.key(u), cuePlacePrefix) && s.at(u) == nil && !s.headline[s.units[u].sent] &&
			u+1 < len(s.units) && s.sameSent(u, u+1) && s.units[u+1].is(upperFirst) && !s.units[u+1].is(attached) {
			// "Lake Chad", "Mount Elbrus": the words after a place's prefix, a state's name too
			e := u + 1
			if c := s.at(e); c != nil && c.a == e && (c.kind == kState || c.kind == kPlace || c.kind == kCapital) {
				e = c.b
			} else {
				for e < len(s.units) && e < u+4 && s.sameSent(u, e) && t.placeWord(s, e) && isProper(s.units[e].tag) {
					e++
				}
			}
			if e > u+1 {
				t.claimPlace(s, text, u, e)
				u = e - 1
			}
			continue
		}
		if !s.units[u].is(upperFirst) && t.lex.has(s.key(u), cueRegionNoun) && u > 0 && s.sameSent(u-1, u) && !s.headline[s.units[u].sent] {
			// "the Turkistan region", "Zakarpattia oblast": the name before a lower-case region noun
			// "the Toktogul and Rogun reservoirs": each name before a plural one
			for end := u; ; {
				a := end
				for a > 0 && a > end-4 && s.sameSent(a-1, u) && t.placeUnit(s, a-1) && (isProper(s.units[a-1].tag) || s.hyphenated(a-1)) {
					a--
				}
				if a == end || a == end-1 && t.lex.has(s.key(a), cueCompass) {
					break // "the Western sector"
				}
				t.claimPlace(s, text, a, end)
				if k := s.key(a - 1); (k != "and" && k != ",") || !s.sameSent(a-1, u) {
					break
				}
				end = a - 1
			}
			continue
		}
		if c := s.at(u); c != nil && c.a == u && (c.kind == kPlace || c.label == models.Place) && u > 0 && s.sameSent(u-1, u) &&
			placePrep(s.key(u-1)) && t.lex.has(s.key(u-1), cuePlacePrep) {
			u = t.placeList(s, text, c.b) - 1 // "in Darfur, Kordofan and Khartoum"
			continue
		}
		k := s.key(u)
		if k == "of" && u > 0 && s.sameSent(u-1, u) && (t.lex.has(s.key(u-1), cueCompass) ||
			t.lex.has(s.key(u-1), cuePlaceNoun) && !s.units[u-1].is(upperFirst)) {
			k = "near" // "south of Crete", "the port of Faw"
		}
		if !t.lex.has(k, cuePlacePrep) || !placePrep(k) || s.headline[s.units[u].sent] {
			continue
		}
		a := u + 1
		if k == "near" && s.key(u) == "of" && s.key(a) == "the" {
			a++ // "east of the Dnieper"
		}
		e := a
		for e < len(s.units) && e < a+4 && s.sameSent(u, e) && t.placeUnit(s, e) && isProper(s.units[e].tag) {
			e++
		}
		if e == a || e < len(s.units) && s.sameSent(u, e) && (s.units[e].is(upperFirst) || s.key(e) == "'s" || s.key(e) == "(" || s.units[e].is(isDash) && s.units[e].is(attached)) {
			continue
		}
		t.claimPlace(s, text, a, e)
		u = e - 1
	}
}

// placeUnit reports whether unit k may be part of an unknown place's name:
// a place word, or a dash inside a hyphenated one ("Cholpon-Ata").
func (t *Tagger) placeUnit(s *scratch, k int) bool {
	if t.placeWord(s, k) {
		return true
	}
	u := &s.units[k]
	return u.is(isDash) && u.is(attached) && k > 0 && k+1 < len(s.units) && s.units[k+1].is(attached) &&
		t.placeWord(s, k-1) && t.placeWord(s, k+1)
}

// hyphenated reports whether unit k is part of a token of capitalized parts
// joined by dashes ("Issyk-Kul", which the tagger takes for an adjective).
func (s *scratch) hyphenated(k int) bool {
	tok := s.units[k].tok
	a, b := k, k
	for a > 0 && s.units[a-1].tok == tok {
		a--
	}
	for b+1 < len(s.units) && s.units[b+1].tok == tok {
		b++
	}
	if a == b {
		return false
	}
	for u := a; u <= b; u++ {
		if w := &s.units[u]; !w.is(isDash) && !w.is(upperFirst) {
			return false
		}
	}
	return true
}

// placeList makes places of the unknown names in a list that continues a
// place after a preposition ("in Darfur, Kordofan and Khartoum") and
// returns the end of the list; a list needs its "and", so that "in Moscow,
// Ivanov said" names no place.
func (t *Tagger) placeList(s *scratch, text string, e int) int {
	type item struct{ a, b int }
	var items []item
	for k := e; k < len(s.units) && s.sameSent(e-1, k); {
		sep := s.key(k)
		if sep != "," && sep != "and" {
			break
		}
		a := k + 1
		if sep == "," && s.key(a) == "and" {
			a++
		}
		b := a
		if c := s.at(a); c != nil && c.a == a && (c.label == models.Place || c.label == models.State) {
			b = c.b
		} else {
			for b < len(s.units) && b < a+3 && s.sameSent(a, b) && t.placeWord(s, b) && isProper(s.units[b].tag) {
				b++
			}
			if b == a {
				break
			}
			items = append(items, item{a, b})
		}
		k = b
		if s.key(a-1) == "and" {
			for _, it := range items {
				t.claimPlace(s, text, it.a, it.b)
			}
			return b
		}
	}
	return e
}

// placeWord reports whether unit k may be a word of an unknown place's name:
// capitalized, not an acronym, a title, a month or an organization's word,
// and no part of a mention.
func (t *Tagger) placeWord(s *scratch, k int) bool {
	u := &s.units[k]
	return u.is(upperFirst) && !u.is(allUpper) && s.at(k) == nil && !functionWord(u.key) &&
		!t.lex.has(u.key, cueOrgWord|cueCalendar|cueTitleWord|cueDocNoun)
}

// lineStart reports whether unit u begins a line.
func lineStart(s *scratch, text string, u int) bool {
	if u == 0 {
		return true
	}
	return strings.IndexByte(text[s.units[u-1].end:s.units[u].start], '\n') >= 0
}

// dateline returns the end of the place name of a dateline that starts at
// unit u ("ST. PETERSBURG, December 25", "BISHKEK, Kyrgyzstan, March 30",
// "BEIJING (Xinhua) --", "BISHKEK, Kyrgyzstan (Agency) -"), or u.
func (t *Tagger) dateline(s *scratch, u int) int {
	if e := knownDateline(s, u); e > u {
		return e
	}
	e, words := u, 0
	for e < len(s.units) && words < 4 {
		w := &s.units[e]
		switch {
		case w.is(allUpper) && w.is(hasLetter):
			words++
		case e > u && (w.key == "." || w.is(isDash)) && w.is(attached) && e+1 < len(s.units) && s.units[e+1].is(allUpper):
		default:
			goto end
		}
		e++
	}
end:
	if words == 0 || e >= len(s.units)-1 || e-u == 1 && len(s.units[u].key) < 3 {
		return u
	}
	switch s.key(e) {
	case ",":
		n, agency := e+1, false
		if c := s.at(n); c != nil && c.a == n && (c.label == models.State || c.label == models.Place) && c.b+1 < len(s.units) {
			switch {
			case s.key(c.b) == "," && c.label == models.State:
				n = c.b + 1 // "BISHKEK, Kyrgyzstan, March 30"
			case s.key(c.b) == "(" || dashLike(s, c.b):
				agency = true // "SPRINGFIELD, Ruritania (Agency) -", "SPRINGFIELD, Ruritania -"
			}
		}
		if w := &s.units[n]; !agency && !w.is(isDigit) && !t.lex.has(w.key, cueCalendar) {
			return u
		}
	case "(":
	default:
		// "CITY — text": a dash right after a known place or capital
		if c := s.at(u); !dashLike(s, e) || c == nil || c.a != u || c.b != e || !(c.label == models.Place || c.kind == kCapital) {
			return u
		}
	}
	for k := u; k < e; k++ {
		if c := s.at(k); c != nil && !(c.label == models.Place || c.kind == kCapital) {
			return u // an organization's acronym
		}
	}
	return e
}

// knownDateline returns the end of a known place or capital that starts a
// line in any case and is followed by a comma, a state and a dash or an
// agency in parentheses ("Springfield, Ruritania -", "Springfield,
// Ruritania (Agency) -"): the shape of a dateline, whose city is a PLACE
// (the state after it stays a STATE); else u.
func knownDateline(s *scratch, u int) int {
	c := s.at(u)
	if c == nil || c.a != u || !(c.label == models.Place || c.kind == kCapital) || c.b+2 >= len(s.units) || s.key(c.b) != "," {
		return u
	}
	n := s.at(c.b + 1)
	if n == nil || n.a != c.b+1 || n.label != models.State || n.b >= len(s.units) || !s.sameSent(u, n.b) {
		return u
	}
	if s.key(n.b) != "(" && !dashLike(s, n.b) {
		return u
	}
	return c.b
}

// dashLike reports whether unit i is a dash: one dash character, or several
// ("--").
func dashLike(s *scratch, i int) bool {
	if s.units[i].is(isDash) {
		return true
	}
	k := s.key(i)
	for _, r := range k {
		if !isDashRune(r) {
			return false
		}
	}
	return k != ""
}

// claimPlace makes the units [a, b) a place, unless one mention of a place
// or a capital already covers them exactly.
func (t *Tagger) claimPlace(s *scratch, text string, a, b int) {
	if c := s.at(a); c != nil && c.a == a && c.b == b {
		return
	}
	name := text[s.units[a].start:s.units[b-1].end]
	s.claim(cand{a: a, b: b, label: models.Place, id: SnakeID(name), name: name, kind: kPlace,
		method: methodPattern, conf: 0.6})
}

// placePrep reports whether a place preposition may introduce an unknown
// place; "to", "from" and the verbs ("visited") also take persons, and "at"
// takes institutions ("at Harvard").
func placePrep(k string) bool {
	switch k {
	case "in", "near", "outside", "around":
		return true
	}
	return false
}

// datelineAgency tags the news agency of a dateline "CITY. AGENCY –" or
// "CITY. AGENCY." at the line that starts at unit u ("ASTANA. KAZINFORM –",
// "ULAANBAATAR. MONTSAME.") as an organization, with its name as id.
func (t *Tagger) datelineAgency(s *scratch, text string, u int) {
	c := s.at(u)
	if c == nil || c.a != u || !(c.label == models.Place || c.kind == kCapital) || !s.units[u].is(allUpper) {
		return
	}
	d := c.b
	if s.key(d) != "." || d+2 >= len(s.units) {
		return
	}
	a := &s.units[d+1]
	if !a.is(allUpper) || len(a.key) < 4 || s.at(d+1) != nil || !isLetterRune(rune(a.key[0])) {
		return
	}
	if k := s.key(d + 2); k != "." && k != "-" && k != "--" {
		return
	}
	name := s.surface(d + 1)
	s.claim(cand{a: d + 1, b: d + 2, label: models.Org, id: SnakeID(name), name: name, kind: kOrg, method: methodPattern, conf: 0.6})
}
