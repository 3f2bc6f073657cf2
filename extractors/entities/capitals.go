package entities

import (
	"github.com/communique/communique/models"
)

// resolveCapitals decides, for each capital, whether it stands for its
// government (STATE: "Kabul's statements", "Moscow-led", "Washington said",
// "relations with Damascus") or is a place (PLACE: "VILNIUS, 11 July", "a
// meeting in Moscow", "travel to Tehran"). A place before a document's name
// ("Jeddah Declaration") is no mention.
func (t *Tagger) resolveCapitals(s *scratch) {
	for i := range s.cands {
		c := &s.cands[i]
		if c.dead || (c.kind != kCapital && c.kind != kPlace && c.kind != kMetonym) {
			continue
		}
		next := c.b
		if next < len(s.units) && s.sameSent(c.a, next) && s.units[next].is(upperFirst) && t.lex.has(s.key(next), cueDocNoun) {
			s.kill(i)
			continue
		}
		if c.kind != kCapital {
			continue
		}
		if t.capitalIsState(s, c) || t.coordinatedState(s, c) {
			c.kind = kMetonym
			continue
		}
		c.label, c.id = models.Place, c.place
		c.name = s.text[s.units[c.a].start:s.units[c.b-1].end]
		if s.units[c.a].is(allUpper) {
			c.name = ""
		}
	}
	for i := range s.cands {
		if c := &s.cands[i]; !c.dead && c.label == models.Place && c.name == "" {
			c.name = c.id
		}
	}
}

// capitalIsState applies the cues around a capital, strongest first.
func (t *Tagger) capitalIsState(s *scratch, c *cand) bool {
	next, prev := c.b, c.a-1
	inSent := func(u int) bool { return s.sameSent(c.a, u) }
	if inSent(next) {
		if k := s.key(next); k == "'s" || k == "'" {
			return true // Kabul's statements
		}
		if s.units[next].is(isDash) && s.units[next].is(attached) && inSent(next+1) && t.lex.has(s.key(next+1), cueStateSuffix) {
			return true // Moscow-led
		}
	}
	if inSent(prev) && t.stateComplement(s, prev) {
		return true // the efforts of Moscow, sanctions on Minsk, weapons to Kyiv
	}
	if k := s.key(prev); (k == "and" || k == ",") && inSent(prev-1) {
		if p := s.at(prev - 1); p != nil && p.kind == kMetonym && p.label == models.State && p.b == prev {
			return true // sanctions on Minsk and Moscow
		}
	}
	if inSent(prev) && t.lex.has(s.key(prev), cuePlacePrep) {
		return false // a meeting in Moscow
	}
	if inSent(next) {
		tag := s.units[next].tag
		if tag == "RB" && inSent(next+1) {
			tag = s.units[next+1].tag
		}
		if tag == "MD" || tag == "VBD" || tag == "VBZ" || tag == "VBP" {
			return true // Washington said, Stockholm would
		}
	}
	if inSent(prev) && t.lex.has(s.key(prev), cueStatePrep) {
		return true // relations with Damascus
	}
	return false
}

// joinCompounds makes one organization of two names joined by a dash before
// a council's or commission's head noun: "NATO-Ukraine Council".
func (t *Tagger) joinCompounds(s *scratch, text string) {
	for i := range s.cands {
		a := &s.cands[i]
		if a.dead || !(actor(a) || a.label == models.Place) {
			continue
		}
		d := a.b
		if d+1 >= len(s.units) || !s.units[d].is(isDash) || !s.units[d].is(attached) {
			continue
		}
		b := s.at(d + 1)
		if b == nil || b.a != d+1 || !(actor(b) || b.label == models.Place) {
			continue
		}
		h := b.b
		if h >= len(s.units) || !s.sameSent(d, h) || !s.units[h].is(upperFirst) || !t.lex.has(s.key(h), cueCompoundHead) || s.at(h) != nil {
			continue
		}
		name := text[s.units[a.a].start:s.units[h].end]
		s.claim(cand{a: a.a, b: h + 1, label: models.Org, id: SnakeID(name), name: name, kind: kOrg, method: methodPattern, conf: 0.6})
	}
}

// coordinatedState reports whether a capital is joined by "and" or a comma
// to a capital or state that acts: "Moscow and Beijing oppose".
func (t *Tagger) coordinatedState(s *scratch, c *cand) bool {
	for u := c.b; u < len(s.units) && u < c.b+8 && s.sameSent(c.a, u); {
		if k := s.key(u); k != "and" && k != "," {
			return false
		}
		n := s.at(u + 1)
		if n == nil || n.a != u+1 || n.label != models.State {
			return false
		}
		if n.kind != kCapital || t.capitalIsState(s, n) {
			return true
		}
		u = n.b
	}
	return false
}

// stateComplement reports whether the preposition at unit p ("of", "on",
// "to") completes a noun whose object is a government: "the efforts of
// Moscow", "sanctions imposed by Western countries on Minsk", "long-range
// weapons to Kyiv". "of" needs the noun right before it.
func (t *Tagger) stateComplement(s *scratch, p int) bool {
	span := 0
	switch s.key(p) {
	case "of":
		span = 1
	case "on", "to":
		span = 6
	default:
		return false
	}
	for k := p - 1; k >= p-span && s.sameSent(k, p); k-- {
		if t.lex.has(s.key(k), cueStateNoun) {
			return true
		}
		if u := &s.units[k]; !u.is(hasLetter) || s.at(k) != nil && s.at(k).label != models.State {
			return false
		}
	}
	return false
}
