package eval

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"iter"
	"slices"
	"strings"

	"golang.org/x/text/language"

	"github.com/communique/communique/extractors"
	"github.com/communique/communique/models"
	"github.com/communique/communique/textnorm"
)

// PloverRecord is one record of the PLOVER gold standard file
// (shared/plover/PLOVER_GSR_CAMEO.json): a sentence coded with one event.
type PloverRecord struct {
	ID     string       `json:"id"`
	Event  string       `json:"event"`
	Text   string       `json:"text"`
	Source PloverActors `json:"source"`
}

// PloverActor is a coded actor of a PLOVER record.
type PloverActor struct {
	ActorText string `json:"actorText"`
	Code      string `json:"code"` // CAMEO-style three-letter code: a country, or IGO, NGO, ...
}

// PloverActors is the source list of a record; the file also writes an
// absent source as "" or null, both read as no actor.
type PloverActors []PloverActor

// UnmarshalJSON accepts a list of actors, a string or null.
func (a *PloverActors) UnmarshalJSON(b []byte) error {
	var s string
	if string(b) == "null" || json.Unmarshal(b, &s) == nil {
		*a = nil
		return nil
	}
	var list []PloverActor
	if err := json.Unmarshal(b, &list); err != nil {
		return err
	}
	*a = list
	return nil
}

// ReadPlover returns the records of a PLOVER gold standard file, a JSON
// array, one at a time; an error names the record's index and stops the
// sequence.
func ReadPlover(r io.Reader) iter.Seq2[PloverRecord, error] {
	return func(yield func(PloverRecord, error) bool) {
		dec := json.NewDecoder(bufio.NewReader(r))
		tok, err := dec.Token()
		if err != nil {
			yield(PloverRecord{}, fmt.Errorf("want a JSON array of records: %w", err))
			return
		}
		if tok != json.Delim('[') {
			yield(PloverRecord{}, fmt.Errorf("want a JSON array of records, found %v", tok))
			return
		}
		for i := 0; dec.More(); i++ {
			var rec PloverRecord
			if err := dec.Decode(&rec); err != nil {
				yield(PloverRecord{}, fmt.Errorf("record %d: %w", i, err))
				return
			}
			if !yield(rec, nil) {
				return
			}
		}
		if _, err := dec.Token(); err != nil {
			yield(PloverRecord{}, fmt.Errorf("end of array: %w", err))
		}
	}
}

// PloverEvents are the PLOVER events the pipeline's rows stand for, in
// report order, with the rows that count as extracting each:
//
//	AGREE       any commitment
//	DEMAND      a CALL position
//	REJECT      an OPPOSE position or a negated commitment
//	DISAPPROVE  a CONDEMN position
//	SUPPORT     a SUPPORT or WELCOME position
var PloverEvents = []string{"AGREE", "DEMAND", "REJECT", "DISAPPROVE", "SUPPORT"}

// ploverRows returns the actor id lists of the rows of d that stand for event.
func ploverRows(event string, d *extractors.Doc) [][]string {
	var out [][]string
	stance := func(ss ...models.Stance) {
		for _, p := range d.Positions {
			if slices.Contains(ss, p.Stance) {
				out = append(out, p.ActorIDs)
			}
		}
	}
	switch event {
	case "AGREE":
		for _, c := range d.Commitments {
			out = append(out, c.ActorIDs)
		}
	case "DEMAND":
		stance(models.Call)
	case "REJECT":
		stance(models.Oppose)
		for _, c := range d.Commitments {
			if c.Negated {
				out = append(out, c.ActorIDs)
			}
		}
	case "DISAPPROVE":
		stance(models.Condemn)
	case "SUPPORT":
		stance(models.Support, models.Welcome)
	}
	return out
}

// cameoToISO maps the CAMEO-style country codes of the PLOVER file that are
// not ISO 3166-1 alpha-3 to the ISO code the STATE ids use.
var cameoToISO = map[string]string{
	"JAP": "JPN", // Japan
	"ITL": "ITA", // Italy
	"VTN": "VNM", // Vietnam
	"ROM": "ROU", // Romania, CAMEO's pre-2002 ISO code
}

// CountryCode returns the ISO 3166-1 alpha-3 code of a PLOVER actor code:
// the code itself when ISO assigns it to a country or territory (HKG, PSE),
// the mapped code for the CAMEO variants of cameoToISO, and ok false for
// codes that name no country (IGO, NGO, IMG, ISM, ...).
func CountryCode(code string) (iso string, ok bool) {
	code = strings.ToUpper(strings.TrimSpace(code))
	if c, found := cameoToISO[code]; found {
		return c, true
	}
	if len(code) != 3 {
		return "", false
	}
	r, err := language.ParseRegion(code)
	if err != nil || !r.IsCountry() {
		return "", false
	}
	return r.ISO3(), true
}

// PloverCategory counts the records of one PLOVER event.
type PloverCategory struct {
	Event string `json:"event"`
	// Records is the number of records of the event with text.
	Records int `json:"records"`
	// Extracted is the number of records where a row of the event's kind was
	// extracted.
	Extracted int `json:"extracted"`
	// Matchable is the number of records with at least one source actor whose
	// code is a country; the others (IGO, NGO, no source) cannot match an
	// actor and are left out of ActorShare's denominator.
	Matchable int `json:"matchable"`
	// ActorMatched is the number of matchable records where such a row's
	// actor ids contain one of the source countries.
	ActorMatched int `json:"actor_matched"`
}

// ExtractedShare returns Extracted / Records, or 0 without records.
func (c PloverCategory) ExtractedShare() float64 { return ratio(c.Extracted, c.Records) }

// ActorShare returns ActorMatched / Matchable, or 0 without matchable records.
func (c PloverCategory) ActorShare() float64 { return ratio(c.ActorMatched, c.Matchable) }

// MarshalJSON writes the counts with both shares.
func (c PloverCategory) MarshalJSON() ([]byte, error) {
	type plain PloverCategory
	return json.Marshal(struct {
		plain
		ExtractedShare float64 `json:"extracted_share"`
		ActorShare     float64 `json:"actor_share"`
	}{plain(c), round4(c.ExtractedShare()), round4(c.ActorShare())})
}

func (c *PloverCategory) add(o PloverCategory) {
	c.Records += o.Records
	c.Extracted += o.Extracted
	c.Matchable += o.Matchable
	c.ActorMatched += o.ActorMatched
}

// PloverMiss is a record of a scored event whose row was not extracted, or
// whose row's actors miss the source countries.
type PloverMiss struct {
	ID        string   `json:"id"`
	Event     string   `json:"event"`
	Countries []string `json:"countries"` // ISO codes of the source actors
	Actors    []string `json:"actors"`    // actor ids of the extracted rows of the event's kind
	Text      string   `json:"text"`
}

// PloverReport is the score on the PLOVER records of PloverEvents.
type PloverReport struct {
	Categories []PloverCategory `json:"categories"` // in PloverEvents order
	Total      PloverCategory   `json:"total"`
	Skipped    int              `json:"skipped"` // records of other events, or without text
	Misses     []PloverMiss     `json:"misses,omitempty"`
}

// EvaluatePlover runs an on the text of each record of PloverEvents, as an
// article of its own, and counts per event the records where a row of the
// matching kind was extracted and where its actors include a source country.
// A record counts once however many sentences or rows it has.
func EvaluatePlover(ctx context.Context, an Analyzer, recs iter.Seq2[PloverRecord, error]) (PloverReport, error) {
	rep := PloverReport{Total: PloverCategory{Event: "total"}}
	cats := map[string]*PloverCategory{}
	for _, e := range PloverEvents {
		rep.Categories = append(rep.Categories, PloverCategory{Event: e})
	}
	for i := range rep.Categories {
		cats[rep.Categories[i].Event] = &rep.Categories[i]
	}
	for rec, err := range recs {
		if err != nil {
			return rep, err
		}
		if err := ctx.Err(); err != nil {
			return rep, err
		}
		cat := cats[rec.Event]
		text := ploverText(rec.Text)
		if cat == nil || text == "" {
			rep.Skipped++
			continue
		}
		text, _ = textnorm.Normalize(text)
		d, err := an.Analyze(models.Article{ArticleID: rec.ID, Text: text, Lang: "en"})
		if err != nil {
			return rep, fmt.Errorf("analyze %s: %w", rec.ID, err)
		}
		var countries []string
		for _, a := range rec.Source {
			if c, ok := CountryCode(a.Code); ok && !slices.Contains(countries, c) {
				countries = append(countries, c)
			}
		}
		rows := ploverRows(rec.Event, d)
		var actors []string
		matched := false
		for _, ids := range rows {
			actors = append(actors, ids...)
			matched = matched || intersect(ids, countries)
		}
		var c PloverCategory
		c.Records = 1
		c.Extracted = b2i(len(rows) > 0)
		c.Matchable = b2i(len(countries) > 0)
		c.ActorMatched = b2i(matched)
		cat.add(c)
		rep.Total.add(c)
		if len(rows) == 0 || (len(countries) > 0 && !matched) {
			rep.Misses = append(rep.Misses, PloverMiss{ID: rec.ID, Event: rec.Event, Countries: countries, Actors: actors, Text: text})
		}
	}
	return rep, nil
}

// ploverText returns a record's text without the braces some records
// wrap it in.
func ploverText(s string) string {
	s = strings.TrimSpace(s)
	if strings.HasPrefix(s, "{") && strings.HasSuffix(s, "}") {
		s = strings.TrimSpace(s[1 : len(s)-1])
	}
	return s
}

// WriteText prints the report: the misses when withMisses is set, then one
// line per event and the total.
func (r PloverReport) WriteText(w io.Writer, withMisses bool) error {
	bw := bufio.NewWriter(w)
	if withMisses {
		fmt.Fprintf(bw, "misses: %d records without a matching row, or whose rows miss the source countries\n", len(r.Misses))
		for _, m := range r.Misses {
			fmt.Fprintf(bw, "%s %-10s countries [%s] row actors [%s]\n    | %s\n", m.ID, m.Event,
				strings.Join(m.Countries, " "), strings.Join(m.Actors, " "), clip(m.Text, 300))
		}
		fmt.Fprintln(bw)
	}
	fmt.Fprintf(bw, "PLOVER records: %d scored, %d of other events skipped\n", r.Total.Records, r.Skipped)
	fmt.Fprintf(bw, "%-11s %7s %9s %7s %10s %8s %7s\n", "event", "records", "extracted", "share", "matchable", "actor ok", "share")
	line := func(c PloverCategory) {
		fmt.Fprintf(bw, "%-11s %7d %9d %7.3f %10d %8d %7.3f\n", c.Event, c.Records, c.Extracted, c.ExtractedShare(), c.Matchable, c.ActorMatched, c.ActorShare())
	}
	for _, c := range r.Categories {
		line(c)
	}
	line(r.Total)
	fmt.Fprintln(bw, "matchable: records with a source country code; IGO, NGO, IMG and missing sources cannot match an actor")
	return bw.Flush()
}
