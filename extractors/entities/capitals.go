package entities

import (
	"strings"

	"github.com/communique/communique/models"
)

// resolveCapitals decides, for each capital, whether it stands for its
// government (STATE: "Kabul's statements", "Moscow-led", "Washington said",
// "relations with Damascus") or is a place (PLACE: "VILNIUS, 11 July", "a
// meeting in Moscow", "travel to Tehran"). A place before a document's name
// ("Jeddah Declaration") or a process's ("the Luanda process") is no mention.
func (t *Tagger) resolveCapitals(s *scratch) {
	for i := range s.cands {
		c := &s.cands[i]
		if c.dead || (c.kind != kCapital && c.kind != kPlace && c.kind != kMetonym) {
			continue
		}
		next := c.b
		if next < len(s.units) && s.sameSent(c.a, next) && (s.units[next].is(upperFirst) && t.lex.has(s.key(next), cueDocNoun) ||
			!s.units[next].is(upperFirst) && t.lex.has(s.key(next), cueDocNounLower)) {
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
	if s.key(prev) == "of" && inSent(prev-1) && t.lex.has(s.key(prev-1), cuePlaceNoun) {
		return false // the city of Kabul
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
	if inSent(prev) && t.lex.has(s.key(prev), cueStatePrep) {
		return true // relations with Damascus, criticized Moscow
	}
	if k := s.key(prev); k == "on" && inSent(prev-1) && t.lex.has(s.key(prev-1), cueStatePrep) {
		return true // called on Tehran
	}
	if s.key(next) == "to" && inSent(next+1) && s.units[next+1].tag == "VB" && inSent(prev) && strings.HasPrefix(s.units[prev].tag, "VB") {
		return true // expected Islamabad to take action
	}
	return inSent(next) && t.subjectOfVerb(s, next)
}

// subjectOfVerb reports whether a verb follows the name that ends before
// unit u, past what may stand between a subject and its verb: a
// parenthesis between commas ("Washington, however, insists", "Washington,
// which backs Kyiv, said"), a date ("Washington on Monday rejected") and a
// coordinated possessive phrase ("Washington and its allies reject",
// "Washington along with its allies demanded").
func (t *Tagger) subjectOfVerb(s *scratch, u int) bool {
	for skips := 0; skips < 2 && s.sameSent(u-1, u); skips++ {
		switch k := s.key(u); {
		case k == "," && s.sameSent(u, u+1) && !s.units[u+1].is(isDigit) && !t.lex.has(s.key(u+1), cueCalendar):
			e := u + 1
			for e < len(s.units) && e < u+12 && s.sameSent(u, e) && s.key(e) != "," {
				e++
			}
			if s.key(e) != "," || !s.sameSent(u, e) {
				return false
			}
			u = e + 1
		case (k == "on" || k == "in" || k == "last" || k == "this" || k == "earlier") && t.lex.has(s.key(u+1), cueCalendar):
			u += 2
		case (k == "and" || (k == "along" || k == "together") && s.key(u+1) == "with") &&
			(s.key(u+1) == "its" || s.key(u+1) == "their" || s.key(u+2) == "its" || s.key(u+2) == "their"):
			// "Washington and its allies", "Washington along with its allies", "together with its partners"
			e := u + 2
			if k != "and" {
				e++
			}
			for e < u+5 && s.sameSent(u, e) && s.units[e].is(hasLetter) && !s.units[e].is(upperFirst) && strings.HasPrefix(s.units[e].tag, "N") {
				e++
			}
			if e == u+2 {
				return false
			}
			u = e
		default:
			skips = 2
			continue
		}
	}
	if !s.sameSent(u-1, u) {
		return false
	}
	if verbNext(s, u) {
		return true
	}
	if s.units[u].tag == "RB" && s.sameSent(u, u+1) {
		u++
	}
	return t.lex.has(s.key(u), cueSpeechVerb)
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
	if p := c.a - 1; s.sameSent(p, c.a) && t.lex.has(s.key(p), cuePlacePrep) {
		return false // "in Tokyo, Japanese ministers"
	}
	for u := c.b; u < len(s.units) && u < c.b+8 && s.sameSent(c.a, u); {
		if k := s.key(u); k != "and" && k != "," {
			return false
		}
		n := s.at(u + 1)
		if n == nil || n.a != u+1 || n.label != models.State || n.kind == kDemonym {
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
	case "on", "to", "toward", "towards":
		span = 6 // "hostile intent toward Pyongyang"
	default:
		return false
	}
	for k := p - 1; k >= p-span && s.sameSent(k, p); k-- {
		if t.lex.has(s.key(k), cueStateNoun) {
			return true
		}
		if isQuote(s.key(k)) {
			continue // no “hostile intent” toward Pyongyang
		}
		if u := &s.units[k]; !u.is(hasLetter) || s.at(k) != nil && s.at(k).label != models.State {
			return false
		}
	}
	return false
}
