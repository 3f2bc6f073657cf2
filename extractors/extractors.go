package extractors

import (
	"cmp"
	"context"
	"slices"
	"sort"
	"unicode/utf8"

	"github.com/communique/communique/extractors/segment"
	"github.com/communique/communique/models"
)

// Extractor adds what it finds in a document to the document.
// Extractors run in order; each may read what earlier ones added.
type Extractor interface {
	Extract(d *Doc) error
}

// Mention is an entity mention with byte offsets, as extractors use it.
// Rows() turns mentions into entities rows with code point offsets.
type Mention struct {
	Start, End       int // byte offsets into Doc.Text
	TokStart, TokEnd int // token range, TokEnd exclusive
	Sentence         int
	Label            models.Label
	ID               string // canonical id
	Name             string // canonical name
	Role             string
	Affiliation      string
	Country          string // ISO alpha-3 code of the state the mention is, belongs to or serves
	Sector           string // CAMEO actor sector code
	// AgentSector is the sector of the agent noun after the mention
	// ("Iranian protesters": OPP); it holds for this mention only, where it
	// wins over Sector, the id's own
	AgentSector string
	Kind        string
	Method      string
	Confidence  float32
}

// Agent is an agent noun that heads a noun group ("protesters", "the
// country's army", "opposition lawmakers"), with the CAMEO sector it gives.
type Agent struct {
	TokStart, TokEnd int    // token range of the agent noun, TokEnd exclusive
	Sector           string // OPP, MIL, LEG, COP ...
	// Attached: the agent belongs to the state mention just before it
	// ("Iranian protesters"), whose AgentSector it gave
	Attached bool
}

// Doc is one article on its way through the extractors.
type Doc struct {
	Article   models.Article // ArticleID and Text are set; the rest as known
	Sentences []segment.Sentence
	Tokens    []segment.Token
	Mentions  []Mention // sorted by Start once the entity extractor ran
	Agents    []Agent   // agent nouns heading noun groups, sorted by TokStart

	Commitments []models.Commitment
	Positions   []models.Position

	cp  []int32         // code point offset of each byte; nil when the text is ASCII
	ctx context.Context // ends the analysis early (time budget, cancelled run); nil: never

	facts      map[string]Mention // first mention of each id with a country or sector, for ActorFacts
	factsCount int                // len(Mentions) when facts was built
}

// NewDoc prepares a document for the extractors.
func NewDoc(a models.Article, sents []segment.Sentence, toks []segment.Token) *Doc {
	d := &Doc{Article: a, Sentences: sents, Tokens: toks}
	text := a.Text
	for i := 0; i < len(text); i++ {
		if text[i] >= utf8.RuneSelf {
			d.cp = make([]int32, len(text)+1)
			n := int32(0)
			for j := range text {
				d.cp[j] = n // first byte of each rune
				n++
			}
			// continuation bytes take the offset of their rune
			for j := 1; j < len(text); j++ {
				if !utf8.RuneStart(text[j]) {
					d.cp[j] = d.cp[j-1]
				}
			}
			d.cp[len(text)] = n
			break
		}
	}
	return d
}

// SetContext makes Err report ctx's end: the analyzer sets the context of
// the article's time budget before it runs the extractors.
func (d *Doc) SetContext(ctx context.Context) { d.ctx = ctx }

// Err returns a non-nil error once the document's analysis should stop (its
// context is done: the article is over its time budget, or the run was
// cancelled). An extractor checks it between sentences or passes and
// returns it, so no analysis outlives its budget by more than one step.
func (d *Doc) Err() error {
	if d == nil || d.ctx == nil {
		return nil
	}
	return d.ctx.Err()
}

// Text returns the article text.
func (d *Doc) Text() string { return d.Article.Text }

// CP converts a byte offset into the text to a code point offset.
func (d *Doc) CP(b int) int32 {
	if d.cp == nil {
		return int32(b)
	}
	return d.cp[b]
}

// SentenceOf returns the index of the sentence holding byte offset b, or -1.
func (d *Doc) SentenceOf(b int) int {
	lo, hi := 0, len(d.Sentences)
	for lo < hi {
		m := (lo + hi) / 2
		switch s := d.Sentences[m]; {
		case b < s.Start:
			hi = m
		case b >= s.End:
			lo = m + 1
		default:
			return m
		}
	}
	return -1
}

// EntityRows returns the entities rows of the document's mentions.
func (d *Doc) EntityRows() []models.Entity {
	rows := make([]models.Entity, 0, len(d.Mentions))
	for _, m := range d.Mentions {
		rows = append(rows, models.Entity{
			ArticleID:     d.Article.ArticleID,
			SentenceIndex: int32(m.Sentence),
			Start:         d.CP(m.Start),
			End:           d.CP(m.End),
			Text:          d.Article.Text[m.Start:m.End],
			Label:         m.Label,
			CanonicalID:   m.ID,
			CanonicalName: m.Name,
			Role:          Optional(m.Role),
			AffiliationID: Optional(m.Affiliation),
			Country:       Optional(m.Country),
			Sector:        Optional(cmp.Or(m.AgentSector, m.Sector)),
			Kind:          Optional(m.Kind),
			Method:        m.Method,
			Confidence:    m.Confidence,
		})
	}
	return rows
}

// ActorFacts returns the distinct countries and sectors, sorted, that a
// row's actors (or targets) ids have, where [tokStart, tokEnd) are the
// tokens of the row's actor phrase (empty for targets). An id named in the
// phrase takes the country and sector of that mention, its agent noun's
// where it has one, so "Iranian protesters" gives IRN and OPP to this row
// only. An id the phrase does not name takes them from its first mention
// that has them (the id's own sector, never an agent noun's); where the
// phrase names none of the ids, an agent noun in it ("the country's army")
// gives its sector instead. Both are empty, not nil, when nothing gives any.
func (d *Doc) ActorFacts(ids []string, tokStart, tokEnd int) (countries, sectors []string) {
	if d.facts == nil || d.factsCount != len(d.Mentions) {
		d.facts = map[string]Mention{}
		for _, m := range d.Mentions {
			f := d.facts[m.ID]
			if f.Country == "" {
				f.Country = m.Country
			}
			if f.Sector == "" {
				f.Sector = m.Sector
			}
			d.facts[m.ID] = f
		}
		d.factsCount = len(d.Mentions)
	}
	countries, sectors = []string{}, []string{}
	add := func(country, sector string) {
		if country != "" && !slices.Contains(countries, country) {
			countries = append(countries, country)
		}
		if sector != "" && !slices.Contains(sectors, sector) {
			sectors = append(sectors, sector)
		}
	}
	var inSpan []Mention // the mentions of the phrase
	if tokEnd > tokStart {
		first := sort.Search(len(d.Mentions), func(i int) bool { return d.Mentions[i].TokStart >= tokStart })
		last := first
		for last < len(d.Mentions) && d.Mentions[last].TokEnd <= tokEnd {
			last++
		}
		inSpan = d.Mentions[first:last]
	}
	named := func(id string) bool {
		return slices.ContainsFunc(inSpan, func(m Mention) bool { return m.ID == id })
	}
	free := "" // the sector of the phrase's last agent noun, where the phrase names no id
	if !slices.ContainsFunc(ids, named) && tokEnd > tokStart {
		first := sort.Search(len(d.Agents), func(i int) bool { return d.Agents[i].TokStart >= tokStart })
		for _, a := range d.Agents[first:] {
			if a.TokEnd > tokEnd {
				break
			}
			free = a.Sector
		}
	}
	for _, id := range ids {
		if named(id) {
			for _, m := range inSpan {
				if m.ID == id {
					add(m.Country, cmp.Or(m.AgentSector, m.Sector))
				}
			}
			continue
		}
		f := d.facts[id]
		if free != "" && (f.Country != "" || f.Sector != "") {
			f.Sector = free
		}
		add(f.Country, f.Sector)
	}
	slices.Sort(countries)
	slices.Sort(sectors)
	return countries, sectors
}

// SentenceRows returns the sentences rows of the document.
func (d *Doc) SentenceRows() []models.Sentence {
	rows := make([]models.Sentence, 0, len(d.Sentences))
	for i, s := range d.Sentences {
		rows = append(rows, models.Sentence{
			ArticleID:     d.Article.ArticleID,
			SentenceIndex: int32(i),
			Start:         d.CP(s.Start),
			End:           d.CP(s.End),
			Text:          d.Article.Text[s.Start:s.End],
			NTokens:       int32(s.TokEnd - s.TokStart),
		})
	}
	return rows
}

// Optional returns nil for the empty string and a pointer to s otherwise,
// for the nullable columns of rows that extractors build.
func Optional(s string) *string {
	if s == "" {
		return nil
	}
	return &s
}
