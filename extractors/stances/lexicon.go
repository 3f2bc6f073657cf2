package stances

import (
	"fmt"
	"strings"

	"github.com/kljensen/snowball/english"

	"github.com/communique/communique/data"
	"github.com/communique/communique/models"
)

// Paths of the lexicons in the embedded data files.
const (
	triggersPath = "lexicon/triggers.tsv"
	cuesPath     = "lexicon/cues.tsv"
	ploverPath   = "lexicon/plover.tsv"
	lemmasPath   = "lexicon/lemmas.tsv"
	cameoPath    = "lexicon/cameo.tsv"
	verbsPath    = "lexicon/verbs.tsv"
	agentsPath   = "gazetteer/agents_generated.tsv"
)

// stem returns the snowball stem of a word; stop words come back lower-cased.
func stem(w string) string { return english.Stem(w, false) }

// triggerPOS says how a trigger is licensed in its clause (see triggers.tsv).
type triggerPOS byte

const (
	posVerb      triggerPOS = 'V'
	posNoun      triggerPOS = 'N'
	posAdj       triggerPOS = 'A'
	posInf       triggerPOS = 'I'
	posEval      triggerPOS = 'E'
	posFixed     triggerPOS = 'F'
	posNamed     triggerPOS = 'D' // a noun after the name or demonym of its actor: "Norlandian support for"
	posModal     triggerPOS = 'M' // not in the file: a future modal ("will provide")
	posHeadline  triggerPOS = 'H' // not in the file: a headline infinitive ("CSTO to provide")
	posPossessor triggerPOS = 'P' // not in the file: a noun licensed by its possessor
	posMust      triggerPOS = 'O' // not in the file: "X said Y must do Z"
	posAddress   triggerPOS = 'T' // not in the file: a headline's "X to Y: do Z"
	posBroad     triggerPOS = 'B' // not in the file: a lexicon or CAMEO word the rules did not license
)

// comp is a set of complements a trigger accepts.
type comp uint16

const (
	compTo       comp = 1 << iota // to + verb
	compToNP                      // to + noun phrase
	compThat                      // a that-clause
	compThatMD                    // a that-clause with a modal
	compObjTo                     // object + to + verb
	compNomOf                     // action noun + of
	compNP                        // anything but to + verb or a that-clause
	compOfIng                     // of + gerund: "no intention of violating"
	compThreat                    // an object that names a threatened action: "warned of retaliation"
	compPost                      // nothing: the verb and its subject follow the clause they report ("..., X warns")
	compMenace                    // an object that names a threatened or menaced act: "vowed punishment", "vows war"
	compPerson                    // an object that names a person, said by a person or body: "attacked Piet Berg over"
	compToCommit                  // "to" + a verb that is itself a commitment trigger: "failed to agree"
	compIdea                      // an object that names no one: "dismissed the claims", not "dismissed the cabinet"
	compDeed                      // an evaluation verb that reports another actor's hostile deed: "X says Sudland shelled the port"
	compAny      = compTo | compToNP | compThat | compThatMD | compObjTo | compNomOf | compNP | compOfIng
)

var compNames = map[string]comp{
	"to": compTo, "tonp": compToNP, "that": compThat, "thatmd": compThatMD,
	"objto": compObjTo, "nomof": compNomOf, "np": compNP, "ofing": compOfIng, "threatobj": compThreat, "post": compPost, "menaceobj": compMenace, "personobj": compPerson, "tocommit": compToCommit, "ideaobj": compIdea, "deed": compDeed, "any": compAny,
}

// table says which table a trigger's rows go to.
type table uint8

const (
	tableCommitment table = iota + 1
	tablePosition
)

// trigger is one row of triggers.tsv.
type trigger struct {
	phrase   string
	words    []string // stems
	pos      triggerPOS
	comp     comp
	table    table
	stance   models.Stance
	modality models.Modality
	neg      bool
}

// role is a set of cue roles (see cues.tsv).
type role uint64

const (
	roleLight role = 1 << iota
	roleLinking
	roleReport
	roleCollective
	roleBackref
	roleDocument
	roleHe
	roleThey
	roleIt
	roleWe
	roleAux
	roleAspect
	roleModal
	roleObligation
	roleNegator
	roleSchedule
	roleThreat
	roleCondition
	roleTime
	roleSubord
	roleReflexive
	rolePeople
	rolePlan
	roleComply
	rolePerson
	roleParty
	roleRestraint
	roleGroupRef
	roleMeeting
	roleNumber
	roleDraft
	roleFuture
	roleOpener
	roleTrip
	roleAgent
	roleWrong
	roleUndo
	roleParticle
	roleDummy
	roleArticle
	roleSpokes
	roleMouthpiece
	roleMenace
	roleSolicit
	roleNeedTo
	roleHesitate
	roleWarning
	roleCourt
	roleRelation
	roleAttempt
	roleIdiom
)

// roleNames maps the role column of cues.tsv to roles; exact roles match the
// lower-case word, the others its stem.
var roleNames = map[string]struct {
	r     role
	exact bool
}{
	"light": {roleLight, false}, "linking": {roleLinking, false}, "report": {roleReport, false},
	"collective": {roleCollective, true}, "backref": {roleBackref, true}, "document": {roleDocument, true},
	"he": {roleHe, true}, "they": {roleThey, true}, "it": {roleIt, true}, "we": {roleWe, true},
	"aux": {roleAux, true}, "aspect": {roleAspect, false}, "modal": {roleModal, true},
	"obligation": {roleObligation, true}, "negator": {roleNegator, true}, "schedule": {roleSchedule, false},
	"threat": {roleThreat, false}, "condition": {roleCondition, false}, "time": {roleTime, true},
	"subord": {roleSubord, true}, "opener": {roleOpener, true}, "reflexive": {roleReflexive, true}, "people": {rolePeople, true},
	"plan": {rolePlan, false}, "comply": {roleComply, false}, "person": {rolePerson, true},
	"party": {roleParty, true}, "restraint": {roleRestraint, false},
	"groupref": {roleGroupRef, true}, "meeting": {roleMeeting, false}, "number": {roleNumber, true},
	"draft": {roleDraft, true}, "future": {roleFuture, true}, "trip": {roleTrip, false}, "agent": {roleAgent, false},
	"wrong": {roleWrong, true}, "undo": {roleUndo, false}, "particle": {roleParticle, true}, "dummy": {roleDummy, false},
	"article": {roleArticle, true}, "spokes": {roleSpokes, true}, "mouthpiece": {roleMouthpiece, true}, "menace": {roleMenace, false},
	"solicit": {roleSolicit, false}, "needto": {roleNeedTo, true}, "hesitate": {roleHesitate, false}, "warning": {roleWarning, false}, "court": {roleCourt, true}, "relation": {roleRelation, true}, "attempt": {roleAttempt, false}, "idiom": {roleIdiom, true},
}

// phrase is a cue of several words, matched on stems.
type phrase struct {
	words []string
	role  role
}

// ploverRule is one row of plover.tsv.
type ploverRule struct {
	table    table
	label    string // modality, stance, "negated" or "*"
	keywords []string
	cameo    string
	plover   string
}

// lexicon holds the trigger lexicon, the cues, the lemmas and the PLOVER map,
// read once by New.
type lexicon struct {
	triggers  []trigger
	byFirst   map[string][]int32 // first stem → indexes into triggers
	exact     map[string]role    // lower-case word → exact roles
	stemRoles map[string]role    // stem → stem-matched roles
	phrases   []phrase           // cues of several words
	prefixes  map[string]bool    // first 3 bytes of every stem worth looking up
	lemmas    map[string]string  // irregular verb form → lemma
	verbStems map[string]bool    // first stems of verb triggers and stems of light verbs
	undoubled map[string]string  // stem of "boycotted" → stem of "boycott" (undoubled)
	plover    []ploverRule
	cameo     map[string]cameoVerb // stem → CAMEO verb (cameo.tsv)
	third     map[string]bool      // third person singular of a CAMEO verb, lower case (verbs.tsv)
	agents    map[string]bool      // agent nouns and their plurals, lower case (agents_generated.tsv)
}

// cameoVerb is one row of cameo.tsv: a verb of the CAMEO dictionary and the
// class of row its code proposes.
type cameoVerb struct {
	code  string
	class string // "commitment:<modality>" or "position:<STANCE>"
}

// loadLexicon reads the embedded lexicons.
func loadLexicon() (*lexicon, error) {
	lx := &lexicon{
		byFirst:   map[string][]int32{},
		exact:     map[string]role{},
		stemRoles: map[string]role{},
		prefixes:  map[string]bool{},
		lemmas:    map[string]string{},
		verbStems: map[string]bool{},
		undoubled: map[string]string{},
		cameo:     map[string]cameoVerb{},
		third:     map[string]bool{},
		agents:    map[string]bool{},
	}
	if err := lx.loadTriggers(); err != nil {
		return nil, err
	}
	if err := lx.loadCues(); err != nil {
		return nil, err
	}
	if err := lx.loadLemmas(); err != nil {
		return nil, err
	}
	if err := lx.loadPlover(); err != nil {
		return nil, err
	}
	if err := lx.loadCameo(); err != nil {
		return nil, err
	}
	if err := lx.loadVerbs(); err != nil {
		return nil, err
	}
	if err := lx.loadAgents(); err != nil {
		return nil, err
	}
	return lx, nil
}

func (lx *lexicon) notePrefix(s string) {
	if len(s) >= 3 {
		lx.prefixes[s[:3]] = true
	} else {
		lx.prefixes[s] = true
	}
}

func stems(p string) []string {
	f := strings.Fields(strings.ToLower(p))
	out := make([]string, len(f))
	for i, w := range f {
		out[i] = stem(w)
	}
	return out
}

func (lx *lexicon) loadTriggers() error {
	recs, err := data.TSV(triggersPath)
	if err != nil {
		return fmt.Errorf("read %s: %w", triggersPath, err)
	}
	for i, r := range recs {
		t := trigger{phrase: r["phrase"], words: stems(r["phrase"])}
		if len(t.words) == 0 {
			return fmt.Errorf("%s row %d: empty phrase", triggersPath, i+1)
		}
		if p := r["pos"]; len(p) == 1 && strings.Contains("VNAIEFD", p) {
			t.pos = triggerPOS(p[0])
		} else {
			return fmt.Errorf("%s row %d (%s): unknown pos %q", triggersPath, i+1, t.phrase, p)
		}
		for _, c := range strings.Split(r["comp"], ",") {
			v, ok := compNames[strings.TrimSpace(c)]
			if !ok {
				return fmt.Errorf("%s row %d (%s): unknown comp %q", triggersPath, i+1, t.phrase, c)
			}
			t.comp |= v
		}
		switch r["table"] {
		case "commitment":
			t.table = tableCommitment
			t.modality = models.Modality(r["label"])
			if !validModality(t.modality) {
				return fmt.Errorf("%s row %d (%s): unknown modality %q", triggersPath, i+1, t.phrase, r["label"])
			}
		case "position":
			t.table = tablePosition
			t.stance = models.Stance(r["label"])
			if !validStance(t.stance) {
				return fmt.Errorf("%s row %d (%s): unknown stance %q", triggersPath, i+1, t.phrase, r["label"])
			}
		default:
			return fmt.Errorf("%s row %d (%s): unknown table %q", triggersPath, i+1, t.phrase, r["table"])
		}
		switch r["neg"] {
		case "", "0":
		case "1":
			t.neg = true
		default:
			return fmt.Errorf("%s row %d (%s): neg is %q, want 0 or 1", triggersPath, i+1, t.phrase, r["neg"])
		}
		if t.pos == posVerb {
			lx.verbStems[t.words[0]] = true
			if u, ok := undoubled(t.words[0]); ok {
				lx.undoubled[u] = t.words[0]
			}
		}
		if t.words[0] == objectSlot || t.words[len(t.words)-1] == objectSlot {
			return fmt.Errorf("%s row %d (%s): %s stands between words", triggersPath, i+1, t.phrase, objectSlot)
		}
		lx.byFirst[t.words[0]] = append(lx.byFirst[t.words[0]], int32(len(lx.triggers)))
		for _, w := range t.words {
			if w != objectSlot {
				lx.notePrefix(w)
			}
		}
		lx.triggers = append(lx.triggers, t)
	}
	return nil
}

func (lx *lexicon) loadCues() error {
	recs, err := data.TSV(cuesPath)
	if err != nil {
		return fmt.Errorf("read %s: %w", cuesPath, err)
	}
	for i, r := range recs {
		rn, ok := roleNames[r["role"]]
		if !ok {
			return fmt.Errorf("%s row %d (%s): unknown role %q", cuesPath, i+1, r["word"], r["role"])
		}
		w := strings.ToLower(r["word"])
		if w == "" {
			return fmt.Errorf("%s row %d: empty word", cuesPath, i+1)
		}
		if strings.Contains(w, " ") {
			if rn.r != roleCondition && rn.r != roleSchedule && rn.r != roleThreat {
				return fmt.Errorf("%s row %d (%s): role %s takes single words", cuesPath, i+1, w, r["role"])
			}
			p := phrase{words: stems(w), role: rn.r}
			for _, w := range p.words {
				lx.notePrefix(w)
			}
			lx.phrases = append(lx.phrases, p)
			continue
		}
		if rn.exact {
			lx.exact[w] |= rn.r
		} else {
			s := stem(w)
			lx.stemRoles[s] |= rn.r
			if rn.r == roleLight || rn.r == roleUndo {
				lx.verbStems[s] = true
			}
			lx.notePrefix(s)
		}
	}
	return nil
}

func (lx *lexicon) loadLemmas() error {
	recs, err := data.TSV(lemmasPath)
	if err != nil {
		return fmt.Errorf("read %s: %w", lemmasPath, err)
	}
	for i, r := range recs {
		f, l := strings.ToLower(r["form"]), strings.ToLower(r["lemma"])
		if f == "" || l == "" {
			return fmt.Errorf("%s row %d: empty form or lemma", lemmasPath, i+1)
		}
		lx.lemmas[f] = l
	}
	return nil
}

func (lx *lexicon) loadPlover() error {
	recs, err := data.TSV(ploverPath)
	if err != nil {
		return fmt.Errorf("read %s: %w", ploverPath, err)
	}
	for i, r := range recs {
		p := ploverRule{label: r["label"], cameo: r["cameo"], plover: r["plover"]}
		switch r["table"] {
		case "commitment":
			p.table = tableCommitment
			if p.label != "*" && p.label != "negated" && !validModality(models.Modality(p.label)) {
				return fmt.Errorf("%s row %d: unknown modality %q", ploverPath, i+1, p.label)
			}
		case "position":
			p.table = tablePosition
			if p.label != "*" && !validStance(models.Stance(p.label)) {
				return fmt.Errorf("%s row %d: unknown stance %q", ploverPath, i+1, p.label)
			}
		default:
			return fmt.Errorf("%s row %d: unknown table %q", ploverPath, i+1, r["table"])
		}
		if p.cameo == "" || p.plover == "" {
			return fmt.Errorf("%s row %d: empty cameo or plover", ploverPath, i+1)
		}
		if k := r["keyword"]; k != "*" {
			for _, w := range strings.Split(k, ",") {
				if w = strings.TrimSpace(w); w != "" {
					p.keywords = append(p.keywords, stem(w))
				}
			}
		}
		lx.plover = append(lx.plover, p)
	}
	return nil
}

// ploverFor returns the CAMEO code and PLOVER type of a row: its table, its
// modality or stance, whether it is negated, and the stems of its trigger,
// action and topic.
func (lx *lexicon) ploverFor(t table, label string, negated bool, words []string) (cameo, plover string) {
	for _, p := range lx.plover {
		if p.table != t {
			continue
		}
		switch {
		case p.label == "*":
			if t == tableCommitment && negated {
				continue
			}
		case p.label == "negated":
			if !negated {
				continue
			}
		case p.label != label:
			continue
		case t == tableCommitment && negated:
			continue
		}
		if len(p.keywords) > 0 && !anyIn(p.keywords, words) {
			continue
		}
		return p.cameo, p.plover
	}
	return "", ""
}

func anyIn(keys, words []string) bool {
	for _, k := range keys {
		for _, w := range words {
			if k == w {
				return true
			}
		}
	}
	return false
}

func validModality(m models.Modality) bool {
	for _, v := range models.Modalities {
		if v == m {
			return true
		}
	}
	return false
}

func validStance(s models.Stance) bool {
	for _, v := range models.Stances {
		if v == s {
			return true
		}
	}
	return false
}

func (lx *lexicon) loadCameo() error {
	recs, err := data.TSV(cameoPath)
	if err != nil {
		return fmt.Errorf("read %s: %w", cameoPath, err)
	}
	for i, r := range recs {
		w, code, class := r["word"], r["code"], r["class"]
		if _, _, ok := splitClass(class); !ok || w == "" || code == "" {
			return fmt.Errorf("%s row %d (%s): bad word, code or class %q", cameoPath, i+1, w, class)
		}
		st := stem(w)
		if _, dup := lx.cameo[st]; !dup {
			lx.cameo[st] = cameoVerb{code: code, class: class}
		}
		lx.notePrefix(st)
	}
	return nil
}

// loadVerbs reads the third-person forms of verbs.tsv.
func (lx *lexicon) loadVerbs() error {
	recs, err := data.TSV(verbsPath)
	if err != nil {
		return fmt.Errorf("read %s: %w", verbsPath, err)
	}
	for i, r := range recs {
		f := r["form"]
		if f == "" || r["verb"] == "" || f != strings.ToLower(f) {
			return fmt.Errorf("%s row %d: bad form %q or verb %q", verbsPath, i+1, f, r["verb"])
		}
		lx.third[f] = true
	}
	return nil
}

// loadAgents reads the one-word agent nouns of the knowledge base and their
// plurals ("lawmaker", "lawmakers").
func (lx *lexicon) loadAgents() error {
	recs, err := data.TSV(agentsPath)
	if err != nil {
		return fmt.Errorf("read %s: %w", agentsPath, err)
	}
	for i, r := range recs {
		if r["noun"] == "" {
			return fmt.Errorf("%s row %d: no noun", agentsPath, i+1)
		}
		for _, w := range []string{r["noun"], r["plural"]} {
			if w != "" && !strings.Contains(w, " ") {
				lx.agents[strings.ToLower(w)] = true
			}
		}
	}
	return nil
}

// undoubled returns the stem snowball gives the -ed and -ing forms of a
// verb whose stem ends in a double consonant, which it undoubles
// ("boycotted" → "boycot", but "boycott" → "boycott"), and whether there is
// one.
func undoubled(stm string) (string, bool) {
	n := len(stm)
	if n < 4 || stm[n-1] != stm[n-2] || strings.IndexByte("bdfgmnprt", stm[n-1]) < 0 {
		return "", false
	}
	return stm[:n-1], true
}
