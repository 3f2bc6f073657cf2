package entities

import (
	"github.com/communique/communique/models"
)

// opName is an operation name learned from a pattern in one article.
type opName struct {
	text, id, kind string
}

// findOperations finds named operations, exercises and missions:
//
//   - a quoted name after a trigger noun: anti-drug operation "Kanal",
//     operation on combating illegal migration "Nelegal";
//   - capitalized words after a capitalized trigger: Operation Prosperity Guardian;
//   - capitalized words after a lower-case trigger: naval mission, EUNAVFOR Aspides;
//   - a name joined to a year: Interaction-2021.
//
// Each name learned so is then found wherever else the article uses it.
func (t *Tagger) findOperations(s *scratch, text string) {
	var learned []opName
	add := func(a, b int, kind string) {
		if a >= b || !s.free(a, b) && !t.swallowable(s, a, b) {
			return
		}
		name := text[s.units[a].start:s.units[b-1].end]
		short := name
		// a force's acronym before the name ("EUNAVFOR Aspides") is no part of the id
		if b-a >= 2 && s.units[a].is(allUpper) && !s.units[a+1].is(allUpper) && s.units[a+1].is(upperFirst) {
			short = text[s.units[a+1].start:s.units[b-1].end]
		}
		id := SnakeID(short)
		s.claim(cand{a: a, b: b, label: models.Operation, id: id, name: short, kind: kOperation,
			opKind: kind, method: methodPattern, conf: 0.8})
		learned = append(learned, opName{name, id, kind})
		if short != name {
			learned = append(learned, opName{short, id, kind})
		}
	}
	for i := 0; i < len(s.units); i++ {
		u := &s.units[i]
		if u.is(isDigit) && u.is(attached) && len(u.key) == 4 && i >= 2 && s.units[i-1].is(isDash) &&
			s.units[i-2].is(upperFirst) && s.at(i-2) == nil {
			// Interaction-2021
			a := i - 2
			for a > 0 && s.sameSent(a-1, i) && s.units[a-1].is(upperFirst) && s.at(a-1) == nil && !s.units[a].is(attached) &&
				(s.units[a-1].tag == "NNP" || s.units[a-1].tag == "JJ") && !t.lex.has(s.key(a-1), cueCalendar|cueTitleWord) {
				// Joint Sea-2024
				a--
			}
			add(a, i+1, t.nearTrigger(s, i, "exercise"))
			continue
		}
		kind := t.lex.trigger(s, i)
		if kind == "" || s.at(i) != nil {
			continue
		}
		j := i + 1
		if kind == "mission" && u.is(upperFirst) && t.bodyMission(s, text, i) {
			continue // OSCE Mission to Moldova
		}
		if kind == "mission" && !u.is(upperFirst) && i > 0 && s.sameSent(i-1, i) && s.units[i-1].is(allUpper) &&
			s.at(i-1) == nil && acronymLike(s.surface(i-1)) {
			// the EULEX mission: an acronym no gazetteer knows before the trigger
			add(i-1, i, kind)
			continue
		}
		if u.is(upperFirst) && !u.is(allUpper) {
			// Operation Prosperity Guardian
			if e := t.nameRun(s, j, false); e > j {
				add(j, e, kind)
				i = e - 1
			}
			continue
		}
		// lower-case trigger: look ahead for a quoted name or a capitalized name
		if s.key(j) == "," && s.sameSent(i, j+1) {
			j++
		}
		if e := t.nameRun(s, j, true); e > j && s.sameSent(i, j) && (!verbAt(s, e) || e == j+1 && s.units[j].is(allUpper) && acronymLike(s.surface(j))) {
			// an acronym before a verb names the mission ("its mission EULEX would"), a person does not
			add(j, e, kind)
			i = e - 1
			continue
		}
		for k := i + 1; k < len(s.units) && k <= i+8 && s.sameSent(i, k); k++ {
			w := &s.units[k]
			if isQuote(w.key) {
				e := k + 1
				for e < len(s.units) && e <= k+7 && s.sameSent(k, e) && !isQuote(s.units[e].key) {
					e++
				}
				if e < len(s.units) && isQuote(s.units[e].key) && e > k+1 && s.units[k+1].is(upperFirst) {
					add(k+1, e, kind)
					i = e
				}
				break
			}
			if !w.is(hasLetter) || w.is(upperFirst) || s.at(k) != nil {
				break
			}
		}
		if a, b := t.nameBefore(s, i); a < b && s.owner[i] < 0 {
			add(a, b, kind) // the annual Ulchi Freedom Shield exercise, the Varuna naval exercise
		}
	}
	t.extendYears(s, text)
	if len(learned) == 0 {
		return
	}
	for u := range s.units {
		if s.owner[u] >= 0 || !s.units[u].is(upperFirst) {
			continue
		}
		for _, o := range learned {
			if end, ok := s.matchText(u, o.text); ok && s.free(u, end) && !s.continuesName(end) {
				s.claim(cand{a: u, b: end, label: models.Operation, id: o.id, name: o.text, kind: kOperation,
					opKind: o.kind, method: methodPattern, conf: 0.7})
				break
			}
		}
	}
}

// swallowable reports whether the mentions over [a, b) may give way to an
// operation's name: a force's acronym at its start ("EUNAVFOR Aspides"), a
// place's word inside a longer name ("Granite Falcon").
func (t *Tagger) swallowable(s *scratch, a, b int) bool {
	for u := a; u < b; u++ {
		if c := s.at(u); c != nil && !(u == a && c.b == a+1 && c.label == models.Org && s.units[a].is(allUpper)) &&
			!(c.label == models.Operation && c.a >= a && c.b <= b) && !(c.kind == kPlace && b-a >= 2 && c.a >= a && c.b <= b) {
			return false
		}
	}
	return true
}

// continuesName reports whether unit u is a capitalized word that would
// make a longer name of the words before it.
func (s *scratch) continuesName(u int) bool {
	return u < len(s.units) && s.units[u].is(upperFirst) && !s.units[u].is(attached) && s.sameSent(u-1, u) && s.at(u) == nil
}

// nameRun returns the end of the run of capitalized words from unit j that
// may name an operation; with acronym, an all-caps force name may lead it.
func (t *Tagger) nameRun(s *scratch, j int, acronym bool) int {
	e := j
	for e < len(s.units) && e < j+5 && s.sameSent(j, e) {
		u := &s.units[e]
		if e > j && u.is(isDash) && e+1 < len(s.units) && s.sameSent(e, e+1) {
			if nu := &s.units[e+1]; nu.is(upperFirst) || nu.is(isDigit) && nu.is(attached) && len(nu.key) == 4 {
				e += 2 // Kanal – Trap, Interaction-2023
				continue
			}
		}
		if !u.is(upperFirst) || t.lex.has(u.key, cueCalendar) {
			break
		}
		if c := s.at(e); c != nil && !(acronym && e == j && c.b == e+1 && c.label == models.Org && u.is(allUpper) &&
			e+1 < len(s.units) && s.units[e+1].is(upperFirst) && s.at(e+1) == nil) {
			break
		}
		e++
	}
	return e
}

// nearTrigger returns the kind of the closest trigger noun in the sentence
// of unit i, or def.
func (t *Tagger) nearTrigger(s *scratch, i int, def string) string {
	for d := 1; d <= 6; d++ {
		for _, k := range []int{i + d, i - d - 2} {
			if k >= 0 && k < len(s.units) && s.sameSent(i, k) {
				if kind := t.lex.trigger(s, k); kind != "" {
					return kind
				}
			}
		}
	}
	return def
}

func isQuote(k string) bool { return k == "\"" || k == "'" || k == "``" || k == "''" }

// verbAt reports whether unit u is a verb, which makes the capitalized words
// before it a subject rather than a name ("the operation Putin ordered").
func verbAt(s *scratch, u int) bool {
	if u >= len(s.units) || !s.sameSent(u-1, u) {
		return false
	}
	tag := s.units[u].tag
	return len(tag) >= 2 && tag[:2] == "VB" || tag == "MD"
}

// bodyMission claims a mission named for its body and a country at the
// capitalized trigger at unit i, as one flat span: "OSCE Mission to Moldova",
// "EU Mission in Armenia", "UN Verification Mission in Colombia"; a name the text defines an acronym for ("...
// (UNAMA)") is an organization instead. It reports whether it did.
func (t *Tagger) bodyMission(s *scratch, text string, i int) bool {
	a := i - 1
	for m := a; m > i-3 && m > 0 && s.sameSent(m, i) && s.at(m) == nil && s.units[m].is(upperFirst) && !s.units[m].is(allUpper) &&
		!functionWord(s.key(m)); m-- {
		a = m - 1 // "UN Verification Mission in Colombia": capitalized words between the body and the trigger
	}
	body := s.at(a)
	if body == nil || body.b != a+1 || body.label != models.Org || !s.sameSent(a, i) {
		return false
	}
	k := s.key(i + 1)
	if k != "to" && k != "in" && k != "for" {
		return false
	}
	c := s.at(i + 2)
	if c == nil || c.a != i+2 || !s.sameSent(i, i+2) || !(c.label == models.State || c.label == models.Place) {
		return false
	}
	start, end := body.a, c.b
	if s.key(end) == "(" {
		return false
	}
	name := text[s.units[start].start:s.units[end-1].end]
	s.claim(cand{a: start, b: end, label: models.Operation, id: SnakeID(name), name: name, kind: kOperation,
		opKind: "mission", affil: body.id, method: methodPattern, conf: 0.7})
	return true
}

// extendYears adds the year that follows an operation's name to it:
// "Steadfast Defender 2024", "Zapad-2021" name one exercise each.
func (t *Tagger) extendYears(s *scratch, text string) {
	for i := range s.cands {
		c := &s.cands[i]
		if c.dead || c.label != models.Operation {
			continue
		}
		y := c.b
		if s.units[min(y, len(s.units)-1)].is(isDash) && s.units[min(y, len(s.units)-1)].is(attached) {
			y++
		}
		if y >= len(s.units) || !s.sameSent(c.a, y) || s.at(y) != nil || !isYear(s.surface(y)) || y+1 < len(s.units) && s.units[y+1].is(isDigit) {
			continue
		}
		if y > c.b && !s.units[y].is(attached) {
			continue
		}
		ext := *c
		ext.b = y + 1
		ext.name = text[s.units[c.a].start:s.units[y].end]
		ext.id = SnakeID(ext.name)
		s.claim(ext)
	}
}

// isYear reports whether w is a year of the last two centuries.
func isYear(w string) bool {
	return len(w) == 4 && (w[:2] == "19" || w[:2] == "20") && w[2] >= '0' && w[2] <= '9' && w[3] >= '0' && w[3] <= '9'
}

// nameBefore returns the units [a, b) of a name of proper nouns that no
// gazetteer knows before the lower-case trigger at unit i, past up to two
// lower-case modifiers ("the South Korea-U.S. Ulchi Freedom Shield
// exercise", "the RIMPAC drills", "the Varuna naval exercise"), or a == b.
func (t *Tagger) nameBefore(s *scratch, i int) (int, int) {
	if s.units[i].is(upperFirst) || s.headline[s.units[i].sent] {
		return i, i
	}
	b := i
	for b > 0 && b > i-2 && s.sameSent(b-1, i) && s.at(b-1) == nil && s.units[b-1].is(hasLetter) &&
		!s.units[b-1].is(upperFirst) && (s.units[b-1].tag == "JJ" || s.units[b-1].tag == "NN") && !functionWord(s.key(b-1)) {
		b--
	}
	if b == i || b == 0 || !s.units[b-1].is(upperFirst) {
		b = i // no modifiers, or none before a name
	}
	a := b
	for a > 0 && a > b-4 && s.sameSent(a-1, b) {
		u := &s.units[a-1]
		if c := s.at(a - 1); c != nil && !(c.kind == kPlace && c.a == a-1 && c.b == a) {
			break
		}
		if !u.is(upperFirst) || !isProper(u.tag) || u.is(allUpper) && !acronymLike(s.surface(a-1)) ||
			t.lex.has(u.key, cueOrgWord|cueCalendar|cueTitleWord) {
			break
		}
		a--
	}
	if a == b || a == b-1 && s.at(a) != nil || a > 0 && s.sameSent(a-1, a) && s.units[a-1].is(upperFirst) && s.at(a-1) == nil {
		return i, i // part of a longer capitalized phrase
	}
	return a, b
}
