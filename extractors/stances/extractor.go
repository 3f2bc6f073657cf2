package stances

import (
	"fmt"
	"sort"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/communique/communique/extractors"
	"github.com/communique/communique/models"
)

// Extractor finds commitments and positions. Build it once with New and share it.
// It is safe for concurrent use: Extract only reads it.
type Extractor struct {
	lx      *lexicon
	model   *Model  // decides the candidates' classes; nil: the rules decide
	minConf float64 // rows the model is less sure of are dropped

	// stems caches the stems of the words seen, shared by all documents:
	// snowball is most of the cost of a document otherwise.
	stems  sync.Map // lower-case word → stem
	nStems atomic.Int64
}

// maxStems bounds the stem cache; words past it are stemmed each time.
const maxStems = 200_000

// Config says how NewWith builds an Extractor. The zero value is New's:
// the rules decide.
type Config struct {
	// Model decides the candidates (EmbeddedModel, LoadModel); nil lets
	// the rules decide, every row they license with their label.
	Model *Model
	// MinConfidence drops the model's rows below it; 0 means
	// DefaultMinConfidence, a negative value keeps every row.
	MinConfidence float64
}

// New loads the trigger lexicons; the rules decide.
func New() (*Extractor, error) { return NewWith(Config{}) }

// NewWith loads the trigger lexicons and builds an Extractor as cfg says.
func NewWith(cfg Config) (*Extractor, error) {
	lx, err := loadLexicon()
	if err != nil {
		return nil, fmt.Errorf("load lexicons: %w", err)
	}
	x := &Extractor{lx: lx, model: cfg.Model, minConf: cfg.MinConfidence}
	if x.minConf == 0 {
		x.minConf = DefaultMinConfidence
	}
	return x, nil
}

// stemOf returns the stem of a lower-case word, from the cache when it can.
func (x *Extractor) stemOf(w string) string {
	if s, ok := x.stems.Load(w); ok {
		return s.(string)
	}
	s := stem(w)
	if x.nStems.Load() < maxStems {
		if _, loaded := x.stems.LoadOrStore(strings.Clone(w), s); !loaded {
			x.nStems.Add(1)
		}
	}
	return s
}

// Extract adds the document's commitments and positions to d.
//
// Sentence by sentence, it finds the triggers of data/lexicon/triggers.tsv,
// future modals ("will provide") and headline infinitives ("CSTO to
// provide"), checks that each stands where its part of speech wants it,
// finds its actor (the subject, resolved through mentions, collective nouns,
// pronouns and speakers), its object, targets and condition, and appends a row.
func (x *Extractor) Extract(d *extractors.Doc) error {
	x.run(d, x.model != nil, func(st *state, s *sent, cs []cand) {
		st.emit(s, x.decide(st, s, cs))
	})
	return d.Err()
}

// run reads d sentence by sentence: it proposes candidates (the rules'
// choice, then, when broad, the other lexicon and CAMEO words and verbs)
// and hands them to use.
func (x *Extractor) run(d *extractors.Doc, broad bool, use func(*state, *sent, []cand)) {
	if d == nil || len(d.Sentences) == 0 || len(d.Tokens) == 0 {
		return
	}
	v := x.newView(d)
	st := newState(x, v)
	for si := range d.Sentences {
		if d.Err() != nil {
			return // over its time budget: Extract returns the error
		}
		s := x.parseSentence(v, si)
		if s.b <= s.a {
			continue
		}
		st.findFrames(s)
		cs := x.choose(st, s)
		if broad {
			cs = append(cs, x.broad(st, s, cs)...)
		}
		use(st, s, cs)
		st.update(s)
	}
}

// choose returns the rows a sentence makes: the licensed lexicon triggers
// not inside another's object, then the modal and headline commitments no
// trigger covers.
func (x *Extractor) choose(st *state, s *sent) []cand {
	v := st.v
	var out []cand
	conds := st.conditions(s)
	for _, c := range x.candidates(st, s) {
		c.objEnd = x.clauseEnd(v, s, max(c.obj, c.trig.b))
		if c.objEnd < c.trig.b {
			c.objEnd = c.trig.b
		}
		if !c.nested && covered(out, c.trig.a) && !reported(v, out, c) || inAny(conds, c.trig.a) || st.claimed(s, &c) {
			continue
		}
		if c.table == tablePosition && (c.stance == models.Oppose || c.stance == models.Support) && st.court(c.actor.text) {
			continue // "the court rejected the appeal", "backs the verdict against": a ruling, an act
		}
		out = append(out, c)
	}
	lex := len(out)
	conds = append(conds, st.reasons(s)...)
	more := append(x.modalCandidates(st, s), x.mustCandidates(st, s)...)
	if c, ok := x.headlineCandidate(st, s); ok {
		more = append(more, c)
	}
	if c, ok := x.addressCandidate(st, s); ok {
		more = append(more, c)
	}
	for _, c := range more {
		c.objEnd = x.clauseEnd(v, s, max(c.obj, c.trig.b))
		if c.pos == posAddress {
			c.objEnd = s.b // the addressee, the colon and what they are told
		}
		if w := x.warnedThreat(st, s, out[:lex], c); w >= 0 {
			// "warned that Moscow would retaliate": the speaker's side threatens
			c.modality = models.Threat
			out[w] = c
			continue
		}
		if covered(out, c.trig.a) || claims(out[:lex], c) || inAny(conds, c.trig.a) || st.claimed(s, &c) {
			continue
		}
		out = append(out, c)
	}
	out = dropReasons(out)
	for i := range out {
		c := &out[i]
		if c.table == tableCommitment && (c.modality == models.Pledge) && x.threatening(v, s, c) {
			c.modality = models.Threat
		}
		if c.table == tableCommitment && !c.neg && (c.modality == models.Pledge || c.modality == models.Readiness) &&
			x.adverseCondition(st, s, c) {
			c.modality = models.Threat // "would expel the diplomats if they continued to"
		}
		if c.pos == posModal && c.modality == models.Pledge && !c.restraint && datedAhead(v, c.obj, c.objEnd) {
			c.modality = models.Plan // "would set up a committee next year"
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].trig.a < out[j].trig.a })
	return out
}

// warnedThreat returns the index of the CONCERN of lex whose that-clause
// holds modal commitment m, when m threatens or is conditioned and its actor
// is the warning actor's side ("Russia warned that Moscow would retaliate",
// "the Houthis warned that the group would continue to target ships",
// "warned that Moscow would reconsider its participation if ..."): that is a
// threat, not a concern. It returns -1 otherwise.
func (x *Extractor) warnedThreat(st *state, s *sent, lex []cand, m cand) int {
	v := st.v
	if m.pos != posModal || m.modality != models.Pledge || m.neg || !x.threatening(v, s, &m) && !conditioned(st, s, &m) {
		return -1
	}
	for i, c := range lex {
		if c.table == tablePosition && c.stance == models.Concern && c.pos == posVerb &&
			c.obj <= m.trig.a && m.trig.a < c.objEnd && intersects(c.actor.ids, m.actor.ids) {
			return i
		}
	}
	return -1
}

// dropReasons drops an evaluation that gives the reason for a stance the
// same actor took before it in the sentence: "The sides opposed the build-up,
// noting that it undermines stability" is one OPPOSE.
func dropReasons(cs []cand) []cand {
	var out []cand
	for _, c := range cs {
		dup := false
		if c.pos == posEval {
			for _, p := range cs {
				if p.pos != posEval && p.table == tablePosition && p.stance == c.stance && p.trig.a < c.trig.a && intersects(p.actor.ids, c.actor.ids) {
					dup = true
					break
				}
			}
		}
		if !dup {
			out = append(out, c)
		}
	}
	return out
}

// intersects reports whether a and b share an id.
func intersects(a, b []string) bool {
	for _, id := range a {
		if containsID(b, id) {
			return true
		}
	}
	return false
}

// reported reports whether commitment c, inside the object of a row of cs,
// is another actor's commitment that the object reports in a that-clause
// or a relative clause with its own named subject: "welcomed the
// announcement that the government and the rebels had committed to a
// ceasefire", "agreed to set up a fund, to which Australia pledged".
func reported(v *view, cs []cand, c cand) bool {
	if c.table != tableCommitment || c.actor.how != byMention || c.actor.text.b <= c.actor.text.a {
		return false
	}
	for _, o := range cs {
		if o.obj <= c.trig.a && c.trig.a < o.objEnd && o.trig.a < c.trig.a {
			if intersects(o.actor.ids, c.actor.ids) {
				return false
			}
			if k := c.actor.text.a - 1; k <= o.trig.b || !v.is(k, "that") && !v.is(k, "which") && !v.is(k, "whom") {
				return false // "to which Australia pledged": a relative clause with its own subject
			}
		}
	}
	return true
}

// covered reports whether token i lies in the object of one of cs.
func covered(cs []cand, i int) bool {
	for _, c := range cs {
		if c.obj <= i && i < c.objEnd && c.trig.a < i {
			return true
		}
	}
	return false
}

// claims reports whether a lexicon trigger already makes a row of the
// clause of modal candidate m: "will agree to" is one agreement.
func claims(lex []cand, m cand) bool {
	for _, c := range lex {
		if c.gov >= 0 && c.gov == m.gov {
			return true
		}
		if c.table == tableCommitment && m.trig.a <= c.trig.a && c.trig.a < m.objEnd {
			return true
		}
	}
	return false
}

// update remembers the actors of the sentence's clauses for the next ones.
func (st *state) update(s *sent) {
	for gi := range s.vgs {
		g := &s.vgs[gi]
		if g.kind != vgFinite {
			continue
		}
		a := st.resolve(s, gi)
		if g.subj.kind == subjNP || g.subj.kind == subjInverted {
			st.remember(a)
		}
	}
}

// inAny reports whether token i lies in one of spans.
func inAny(spans []span, i int) bool {
	for _, sp := range spans {
		if sp.has(i) {
			return true
		}
	}
	return false
}

// datedAhead reports whether tokens [a, b) date an act ahead: "next year",
// "later this month".
func datedAhead(v *view, a, b int) bool {
	for k := a; k+1 < b; k++ {
		if !v.has(k, roleFuture) {
			continue
		}
		for j := k + 1; j < b && j <= k+2; j++ {
			if v.has(j, roleTime) {
				return true
			}
		}
	}
	return false
}
