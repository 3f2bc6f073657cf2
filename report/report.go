package report

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"maps"
	"math"
	"slices"
	"strings"

	"github.com/communique/communique/lake"
	"github.com/communique/communique/models"
)

// Config sets how much a report shows; the zero value means the defaults.
type Config struct {
	Top      int // bars of the top actors and top targets figures (15)
	Matrix   int // actors (rows) and targets (columns) of the stance matrix (12)
	Examples int // example rows per mark (3)
	Periods  int // most periods on a time axis (60); longer spans go by month, then year
}

func (c Config) withDefaults() Config {
	if c.Top == 0 {
		c.Top = 15
	}
	if c.Matrix == 0 {
		c.Matrix = 12
	}
	if c.Examples == 0 {
		c.Examples = 3
	}
	if c.Periods == 0 {
		c.Periods = 60
	}
	return c
}

// Validate reports a setting out of range.
func (c Config) Validate() error {
	c = c.withDefaults()
	switch {
	case c.Top < 1 || c.Top > 100:
		return fmt.Errorf("report: top %d: want 1 to 100", c.Top)
	case c.Matrix < 1 || c.Matrix > 40:
		return fmt.Errorf("report: matrix %d: want 1 to 40", c.Matrix)
	case c.Examples < 1 || c.Examples > 50:
		return fmt.Errorf("report: examples %d: want 1 to 50", c.Examples)
	case c.Periods < 2 || c.Periods > 400:
		return fmt.Errorf("report: periods %d: want 2 to 400", c.Periods)
	}
	return nil
}

// Report is what the page shows: figures, then the example rows their
// marks link to.
type Report struct {
	Root    string    // the output root read
	Summary []Stat    // headline numbers
	Figures []*Figure // in page order
	Groups  []*Group  // example rows, in the order of the figures' marks
	Axis    string    // unit of the publication time axis: day, month or year
}

// Stat is one headline number.
type Stat struct {
	Name  string
	Value string
}

// Group is the example rows of one mark of a figure.
type Group struct {
	ID       string // anchor the mark links to
	Heading  string
	Figure   string // anchor of the figure, to go back
	Rows     int64  // rows the mark counts
	Examples []Example
	taken    [nTables]int
}

// Example is one row shown as an example, with its evidence.
type Example struct {
	ArticleID string
	Title     string
	Date      string // publication date; empty when the article has none
	Kind      string // stance, modality, label, stage...
	Actor     string
	Target    string
	Detail    string
	Evidence  string
	Negated   bool
}

// Build reads the committed tables of the output root out (a directory or
// an object-store URL) and makes the report.
func Build(ctx context.Context, out string, cfg Config) (*Report, error) {
	if err := cfg.Validate(); err != nil {
		return nil, err
	}
	if _, err := lake.CommittedFiles(ctx, out, ""); err != nil {
		return nil, err
	}
	return build(ctx, out, lakeSource(out), cfg.withDefaults())
}

// build is Build over any source; cfg has its defaults.
func build(ctx context.Context, root string, src source, cfg Config) (*Report, error) {
	t := newTally()
	if err := t.count(ctx, src); err != nil {
		return nil, err
	}
	b := &builder{t: t, cfg: cfg, r: &Report{Root: root}, groups: map[string]*Group{}, anchors: map[string]bool{}}
	b.axis = newTimeAxis(slices.Collect(maps.Keys(t.days)), cfg.Periods)
	b.events = newTimeAxis(slices.Collect(maps.Keys(t.modalities)), cfg.Periods)
	b.r.Axis = b.axis.unit
	b.summary()
	b.tablesFigure()
	b.daysFigure()
	b.actorsFigure("actors", "Top actors", "Rows (positions and commitments) that name the actor as the one who takes the stance or commits.", t.actors, "actor")
	b.actorsFigure("targets", "Top targets", "Rows (positions and commitments) whose target names the actor.", t.targets, "target")
	b.matrixFigure()
	b.modalityFigure()
	b.errorsFigure()
	if err := b.examples(ctx, src); err != nil {
		return nil, err
	}
	return b.r, nil
}

// builder lays out the figures from the tally and collects their examples.
type builder struct {
	t       *tally
	cfg     Config
	r       *Report
	axis    timeAxis          // publication days
	events  timeAxis          // days commitments are due or happened: a sentence may name another year
	groups  map[string]*Group // by key: kind and ids
	anchors map[string]bool
	matrixA []string // the matrix's actors
	matrixT []string // and targets
}

var tableNames = lake.Tables

// tableFills colour the tables in every figure.
var tableFills = [nTables]string{"#4e79a7", "#a0cbe8", "#59a14f", "#f28e2b", "#e15759", "#b07aa1"}

func (b *builder) summary() {
	t := b.t
	dated := 0
	for _, d := range t.dates {
		if d != undated {
			dated++
		}
	}
	b.r.Summary = []Stat{
		{"articles", thousands(t.rows[tArticles])},
		{"with a publication date", thousands(int64(dated))},
		{"positions", thousands(t.rows[tPositions])},
		{"commitments", thousands(t.rows[tCommitments])},
		{"distinct actors", thousands(int64(len(t.actors)))},
		{"errors and warnings", thousands(t.rows[tErrors])},
	}
}

// group makes the example group of a mark and returns its anchor link.
func (b *builder) group(key, prefix, heading, figure string, rows int64) string {
	if g, ok := b.groups[key]; ok {
		return "#" + g.ID
	}
	g := &Group{ID: b.anchor(prefix), Heading: heading, Figure: figure, Rows: rows}
	b.groups[key] = g
	b.r.Groups = append(b.r.Groups, g)
	return "#" + g.ID
}

// anchor returns a unique, valid HTML id made from s.
func (b *builder) anchor(s string) string {
	var sb strings.Builder
	for _, r := range s {
		if r < 128 && (r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '-' || r == '_') {
			sb.WriteRune(r)
		} else {
			sb.WriteByte('_')
		}
	}
	id := sb.String()
	for n := 2; b.anchors[id]; n++ {
		id = fmt.Sprintf("%s-%d", sb.String(), n)
	}
	b.anchors[id] = true
	return id
}

func (b *builder) tablesFigure() {
	f := &Figure{ID: "fig-tables", Title: "Rows per table",
		Note: "Each bar links to the first rows of its table."}
	ss := []series{{"rows", tableFills[0]}}
	var bars []bar
	for i, name := range tableNames {
		href := b.group("table/"+name, "table-"+name, "First rows of "+name, f.ID, b.t.rows[i])
		bars = append(bars, bar{label: name, href: href, values: []int64{b.t.rows[i]}, hrefs: []string{href}, fill: tableFills[i]})
	}
	hbars(f, ss, bars, 110)
	b.r.Figures = append(b.r.Figures, f)
}

func (b *builder) daysFigure() {
	f := &Figure{ID: "fig-days", Title: "Rows per " + b.axis.unit + " of publication",
		Note: fmt.Sprintf("One strip per table, each on its own scale; rows fall on the publication date of their article (%q: the article has none). Each column links to the first articles of its %s.", noDate, b.axis.unit)}
	if len(b.axis.periods) == 0 {
		f.Empty = "No rows."
		b.r.Figures = append(b.r.Figures, f)
		return
	}
	per := make([]tableCounts, len(b.axis.periods))
	for d, c := range b.t.days {
		i := b.axis.index[b.axis.of(d)]
		for k := range c {
			per[i][k] += c[k]
		}
	}
	hrefs := make([]string, len(per))
	for i, p := range b.axis.periods {
		if per[i][tArticles] > 0 {
			hrefs[i] = b.group("day/"+p, "day-"+p, "Articles published "+periodPhrase(b.axis.unit, p), f.ID, per[i][tArticles])
		}
	}
	const strip, gap = 46.0, 30.0
	f.Width = figWidth
	f.Height = int(float64(nTables)*(strip+gap)) + 4
	for k := range nTables {
		cols := make([]bar, len(per))
		for i := range per {
			cols[i] = bar{label: b.axis.periods[i], href: hrefs[i], values: []int64{per[i][k]}, hrefs: []string{hrefs[i]}}
		}
		columns(f, []series{{tableNames[k], tableFills[k]}}, cols, float64(k)*(strip+gap)+4, strip, tableNames[k])
	}
	b.r.Figures = append(b.r.Figures, f)
}

func periodPhrase(unit, p string) string {
	if p == noDate {
		return "without a date"
	}
	return "in " + p
}

// ranked returns the ids of a count map, most rows first, then by id.
func ranked(m map[string]*actorCounts, n int) []string {
	ids := slices.Collect(maps.Keys(m))
	slices.SortFunc(ids, func(a, c string) int {
		return cmp.Or(cmp.Compare(m[c].total(), m[a].total()), cmp.Compare(a, c))
	})
	return ids[:min(n, len(ids))]
}

// name is how a figure labels an id: its canonical name and the id.
func (b *builder) name(id string) string {
	if n := b.t.names[id]; n != "" && n != id {
		return n + " (" + id + ")"
	}
	return id
}

func (b *builder) actorsFigure(what, title, note string, m map[string]*actorCounts, role string) {
	f := &Figure{ID: "fig-" + what, Title: title, Note: note + " Each bar links to example rows with their evidence."}
	ids := ranked(m, b.cfg.Top)
	if len(ids) == 0 {
		f.Empty = "No positions or commitments name a" + map[bool]string{true: "n", false: ""}[role == "actor"] + " " + role + "."
		b.r.Figures = append(b.r.Figures, f)
		return
	}
	ss := []series{{"positions", tableFills[tPositions]}, {"commitments", tableFills[tCommitments]}}
	var bars []bar
	for _, id := range ids {
		c := m[id]
		href := b.group(role+"/"+id, role+"-"+id, "Rows with "+b.name(id)+" as "+role, f.ID, c.total())
		bars = append(bars, bar{label: b.name(id), href: href, values: []int64{c.positions, c.commitments}, hrefs: []string{href, href}})
	}
	hbars(f, ss, bars, 230)
	b.r.Figures = append(b.r.Figures, f)
}

// The stance matrix's colours: hostile, neither, supportive.
const (
	hostileFill    = "#c0392b"
	neutralFill    = "#d5d5d5"
	supportiveFill = "#1e8449"
)

func (b *builder) matrixFigure() {
	f := &Figure{ID: "fig-matrix", Title: "Who supports or condemns whom",
		Note: "Positions of an actor (row) about a target (column). Green: SUPPORT and WELCOME outweigh OPPOSE and CONDEMN; red: the reverse; grey: only CALL, CONCERN or negated positions. The darker the cell, the more positions; the number is their count. Each cell links to its positions."}
	actors := map[string]*actorCounts{}
	targets := map[string]*actorCounts{}
	for p, s := range b.t.pairs {
		counter(actors, p.actor).positions += s.total()
		counter(targets, p.target).positions += s.total()
	}
	b.matrixA, b.matrixT = ranked(actors, b.cfg.Matrix), ranked(targets, b.cfg.Matrix)
	if len(b.matrixA) == 0 {
		f.Empty = "No position names both an actor and a target."
		b.r.Figures = append(b.r.Figures, f)
		return
	}
	const left, top, cell = 230.0, 80.0, 34.0
	f.Width = int(left + cell*float64(len(b.matrixT)) + 10)
	f.Height = int(top + cell*float64(len(b.matrixA)) + 10)
	maxN := int64(0)
	for _, a := range b.matrixA {
		for _, g := range b.matrixT {
			if s := b.t.pairs[pair{a, g}]; s != nil {
				maxN = maxInt(maxN, s.total())
			}
		}
	}
	for j, g := range b.matrixT {
		x := left + float64(j)*cell + cell/2
		f.Texts = append(f.Texts, Text{X: x + 4, Y: top - 6, S: clip(g, 12), Anchor: "start", Class: "col", Rotate: -60, Href: b.link("target/" + g)})
	}
	for i, a := range b.matrixA {
		y := top + float64(i)*cell
		f.Texts = append(f.Texts, Text{X: left - 6, Y: y + cell/2 + 4, S: clip(b.name(a), 30), Anchor: "end", Href: b.link("actor/" + a)})
		for j, g := range b.matrixT {
			x := left + float64(j)*cell
			s := b.t.pairs[pair{a, g}]
			if s == nil {
				f.Rects = append(f.Rects, Rect{X: x + 1, Y: y + 1, W: cell - 2, H: cell - 2, Fill: "#f7f7f7", Title: a + " → " + g + ": none"})
				continue
			}
			n := s.total()
			href := b.group("pair/"+a+"/"+g, "pair-"+a+"-"+g, "Positions of "+b.name(a)+" about "+b.name(g), f.ID, n)
			f.Rects = append(f.Rects, Rect{X: x + 1, Y: y + 1, W: cell - 2, H: cell - 2, Fill: cellFill(s),
				Opacity: 0.35 + 0.65*math.Log1p(float64(n))/math.Log1p(float64(maxN)), Href: href,
				Title: fmt.Sprintf("%s → %s: %s", a, g, stanceSummary(s))})
			f.Texts = append(f.Texts, Text{X: x + cell/2, Y: y + cell/2 + 4, S: thousands(n), Anchor: "middle", Href: href, Class: "cell"})
		}
	}
	f.Legend = []Swatch{{"supports, welcomes", supportiveFill}, {"opposes, condemns", hostileFill}, {"calls, concern, negated", neutralFill}}
	b.r.Figures = append(b.r.Figures, f)
}

// link is the link to a group made earlier ("" when there is none).
func (b *builder) link(key string) string {
	if g, ok := b.groups[key]; ok {
		return "#" + g.ID
	}
	return ""
}

// cellFill colours a matrix cell by the balance of supportive and hostile
// positions.
func cellFill(s *stanceCounts) string {
	sup, hos := s.supportive(), s.hostile()
	if sup+hos == 0 {
		return neutralFill
	}
	bal := float64(sup-hos) / float64(sup+hos)
	if bal >= 0 {
		return mix(neutralFill, supportiveFill, bal)
	}
	return mix(neutralFill, hostileFill, -bal)
}

func stanceSummary(s *stanceCounts) string {
	var parts []string
	for _, st := range models.Stances {
		if n := s.by[st]; n > 0 {
			parts = append(parts, fmt.Sprintf("%d %s", n, strings.ToLower(string(st))))
		}
	}
	if s.negated > 0 {
		parts = append(parts, fmt.Sprintf("%d negated", s.negated))
	}
	return strings.Join(parts, ", ")
}

// modalityFills colour the modalities, in models.Modalities order.
var modalityFills = []string{"#4e79a7", "#59a14f", "#edc948", "#76b7b2", "#9c755f", "#e15759", "#bab0ac"}

func (b *builder) modalityFigure() {
	f := &Figure{ID: "fig-modality", Title: "Commitments by modality per " + b.events.unit,
		Note: "Commitments fall on their event_date: the day the sentence names (held on Wednesday, next month), else the article's publication date. Each segment links to example commitments of its modality and " + b.events.unit + "."}
	if b.t.rows[tCommitments] == 0 {
		f.Empty = "No commitments."
		b.r.Figures = append(b.r.Figures, f)
		return
	}
	mods := slices.Clone(models.Modalities)
	for _, m := range b.t.modalities {
		for k := range m {
			if !slices.Contains(mods, k) {
				mods = append(mods, k)
			}
		}
	}
	per := make([]map[models.Modality]int64, len(b.events.periods))
	for d, m := range b.t.modalities {
		i := b.events.index[b.events.of(d)]
		if per[i] == nil {
			per[i] = map[models.Modality]int64{}
		}
		for k, v := range m {
			per[i][k] += v
		}
	}
	var ss []series
	var used []models.Modality
	for i, m := range mods {
		for _, p := range per {
			if p[m] > 0 {
				ss = append(ss, series{string(m), modalityFills[min(i, len(modalityFills)-1)]})
				used = append(used, m)
				break
			}
		}
	}
	cols := make([]bar, len(per))
	for i, p := range per {
		c := bar{label: b.events.periods[i], values: make([]int64, len(used)), hrefs: make([]string, len(used))}
		for j, m := range used {
			c.values[j] = p[m]
			if p[m] > 0 {
				c.hrefs[j] = b.group("modality/"+string(m)+"/"+c.label, "commitments-"+string(m)+"-"+c.label,
					"Commitments of modality "+string(m)+" due or made "+periodPhrase(b.events.unit, c.label), f.ID, p[m])
			}
		}
		cols[i] = c
	}
	f.Width = figWidth
	f.Height = 220
	columns(f, ss, cols, 10, 180, "")
	f.Legend = swatches(ss)
	b.r.Figures = append(b.r.Figures, f)
}

func (b *builder) errorsFigure() {
	f := &Figure{ID: "fig-errors", Title: "Errors by stage",
		Note: "Rows of the errors table by the stage that failed: errors (the input or article was not processed) and warnings (repaired, the article is kept). Each bar links to example rows."}
	stages := slices.Sorted(maps.Keys(b.t.stages))
	if len(stages) == 0 {
		f.Empty = "No errors or warnings."
		b.r.Figures = append(b.r.Figures, f)
		return
	}
	ss := []series{{"error", "#c0392b"}, {"warning", "#f1c40f"}}
	var bars []bar
	for _, st := range stages {
		m := b.t.stages[st]
		c := bar{label: st, values: []int64{m["error"], m["warning"]}, hrefs: make([]string, 2)}
		for j, sev := range []string{"error", "warning"} {
			if m[sev] > 0 {
				c.hrefs[j] = b.group("stage/"+st+"/"+sev, "errors-"+st+"-"+sev, sev+"s at stage "+st, f.ID, m[sev])
			}
		}
		c.href = cmp.Or(c.hrefs[0], c.hrefs[1])
		bars = append(bars, c)
	}
	hbars(f, ss, bars, 110)
	b.r.Figures = append(b.r.Figures, f)
}

// examples is the second pass: it reads the tables again and keeps the
// first rows of every group.
func (b *builder) examples(ctx context.Context, src source) error {
	k := b.cfg.Examples
	titles := map[string][]*Example{} // article id → examples waiting for its title
	take := func(key string, table int, e Example) {
		g := b.groups[key]
		if g == nil || g.taken[table] >= k {
			return
		}
		g.taken[table]++
		g.Examples = append(g.Examples, e)
	}
	date := func(id string) string {
		if d := b.t.day(id); d != undated {
			return d.String()
		}
		return ""
	}
	inMatrix := func(a, g string) bool { return slices.Contains(b.matrixA, a) && slices.Contains(b.matrixT, g) }
	err := each(ctx, src.positions, func(r *positionRow) error {
		e := Example{ArticleID: r.ArticleID, Date: date(r.ArticleID), Kind: string(r.Stance), Negated: r.Negated,
			Actor: who(r.ActorIDs, r.ActorText), Target: who(r.TargetIDs, r.TargetText),
			Detail: r.Trigger + " · " + r.Topic, Evidence: r.Evidence}
		b.takeRow(take, tPositions, "positions", e, r.ActorIDs, r.TargetIDs)
		for _, a := range uniq(r.ActorIDs) {
			for _, g := range uniq(r.TargetIDs) {
				if inMatrix(a, g) {
					take("pair/"+a+"/"+g, tPositions, e)
				}
			}
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("read %s: %w", lake.TablePositions, err)
	}
	err = each(ctx, src.commitments, func(r *commitmentRow) error {
		e := Example{ArticleID: r.ArticleID, Date: date(r.ArticleID), Kind: string(r.Modality), Negated: r.Negated,
			Actor: who(r.ActorIDs, r.ActorText), Target: who(r.TargetIDs, r.TargetText),
			Detail: r.Trigger + " · " + r.Action, Evidence: r.Evidence}
		b.takeRow(take, tCommitments, "commitments", e, r.ActorIDs, r.TargetIDs)
		take("modality/"+string(r.Modality)+"/"+b.events.of(b.t.eventDay(r)), tCommitments, e)
		return nil
	})
	if err != nil {
		return fmt.Errorf("read %s: %w", lake.TableCommitments, err)
	}
	err = each(ctx, src.errors, func(r *errorRow) error {
		e := Example{Kind: r.Stage + " " + severity(r), Detail: r.Error, Evidence: r.Source}
		if r.Line != nil {
			e.Evidence += fmt.Sprintf(" line %d", *r.Line)
		}
		if r.ArticleID != nil {
			e.ArticleID, e.Date = *r.ArticleID, date(*r.ArticleID)
		}
		take("table/errors", tErrors, e)
		take("stage/"+r.Stage+"/"+severity(r), tErrors, e)
		return nil
	})
	if err != nil {
		return fmt.Errorf("read %s: %w", lake.TableErrors, err)
	}
	err = each(ctx, src.entities, func(r *entityRow) error {
		if g := b.groups["table/entities"]; g != nil && len(g.Examples) >= k {
			return errEnough
		}
		take("table/entities", tEntities, Example{ArticleID: r.ArticleID, Date: date(r.ArticleID), Kind: string(r.Label),
			Actor: who([]string{r.CanonicalID}, r.Text), Detail: r.CanonicalName})
		return nil
	})
	if err != nil && !errors.Is(err, errEnough) {
		return fmt.Errorf("read %s: %w", lake.TableEntities, err)
	}
	err = each(ctx, src.sentenceTxt, func(r *sentenceText) error {
		if g := b.groups["table/sentences"]; g != nil && len(g.Examples) >= k {
			return errEnough
		}
		take("table/sentences", tSentences, Example{ArticleID: r.ArticleID, Date: date(r.ArticleID), Kind: "sentence", Evidence: r.Text})
		return nil
	})
	if err != nil && !errors.Is(err, errEnough) {
		return fmt.Errorf("read %s: %w", lake.TableSentences, err)
	}
	for _, g := range b.r.Groups {
		for i := range g.Examples {
			if id := g.Examples[i].ArticleID; id != "" {
				titles[id] = append(titles[id], &g.Examples[i])
			}
		}
	}
	err = each(ctx, src.articles, func(r *articleRow) error {
		e := Example{ArticleID: r.ArticleID, Title: r.Title, Date: date(r.ArticleID), Kind: "article", Detail: r.Source}
		take("table/articles", tArticles, e)
		take("day/"+b.axis.of(b.t.day(r.ArticleID)), tArticles, e)
		for _, x := range titles[r.ArticleID] {
			x.Title = r.Title
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("read %s: %w", lake.TableArticles, err)
	}
	return nil
}

// takeRow offers a position or commitment to its table's group and to the
// groups of its actors and targets.
func (b *builder) takeRow(take func(string, int, Example), table int, name string, e Example, actors, targets []string) {
	take("table/"+name, table, e)
	for _, a := range uniq(actors) {
		take("actor/"+a, table, e)
	}
	for _, g := range uniq(targets) {
		take("target/"+g, table, e)
	}
}

// who shows the ids of an actor or target with the text as written.
func who(ids []string, text string) string {
	s := strings.Join(ids, ", ")
	switch {
	case s == "":
		return text
	case text == "" || text == s:
		return s
	}
	return s + " · " + text
}
