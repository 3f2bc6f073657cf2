package entities

import (
	"strings"
	"testing"

	"github.com/communique/communique/data"
	"github.com/communique/communique/models"
)

// mergedName is one name of one row of a gazetteer table.
type mergedName struct {
	phrase string
	label  models.Label
	id     string
	place  string // a capital's PLACE id: a capital names its state and its city
	table  string
	hand   bool
}

// mergedNames reads every name of the hand and generated gazetteer tables,
// in the order loadGazetteer reads them: the hand tables first (countries,
// states, orgs, places, operations, officials, offices, state bodies), then
// the generated ones (places_generated, states_generated, people_generated, groups_generated,
// orgs_generated). Block rows and context aliases are left out (a block
// names nothing; a context alias names one organ per parent, which
// TestGazetteerIDs checks); a state body's name is keyed by the states it is
// limited to.
func mergedNames(t *testing.T) []mergedName {
	t.Helper()
	var out []mergedName
	read := func(file string) []data.Record {
		rows, err := data.TSV(file)
		if err != nil {
			t.Fatal(err)
		}
		return rows
	}
	add := func(file string, hand bool, l models.Label, id string, names ...string) {
		for _, n := range names {
			if n != "" {
				out = append(out, mergedName{phrase: n, label: l, id: id, table: file, hand: hand})
			}
		}
	}
	states := read(statesFile)
	territory := map[string]bool{}
	for _, r := range states {
		if r["kind"] == "territory" {
			territory[r["id"]] = true
		}
	}
	for _, r := range read(countriesFile) {
		if territory[r["id"]] {
			add(countriesFile, true, models.Place, SnakeID(r["name"]), r["name"], r["official_name"], r["alt_name"])
			continue
		}
		add(countriesFile, true, models.State, r["id"], r["name"], r["official_name"], r["alt_name"])
	}
	for _, r := range states {
		switch r["kind"] {
		case "territory":
		case "capital":
			out = append(out, mergedName{phrase: r["text"], label: models.State, id: r["id"], place: SnakeID(r["text"]), table: statesFile, hand: true})
		default:
			add(statesFile, true, models.State, r["id"], r["text"])
		}
	}
	for _, r := range read(orgsFile) {
		add(orgsFile, true, models.Label(r["label"]), r["id"], append([]string{r["name"]}, splitList(r["aliases"])...)...)
	}
	for _, r := range read(partiesFile) {
		add(partiesFile, true, models.Org, r["id"], append([]string{r["name"]}, splitList(r["aliases"])...)...)
	}
	for _, r := range read(placesFile) {
		if r["kind"] != "block" {
			add(placesFile, true, models.Place, r["id"], r["name"])
		}
	}
	for _, r := range read(operationsFile) {
		add(operationsFile, true, models.Operation, r["id"], r["name"])
	}
	for _, f := range []string{officialsFile, officesFile} {
		for _, r := range read(f) {
			add(f, true, models.Official, SnakeID(r["name"]), append([]string{r["name"]}, splitList(r["spellings"])...)...)
		}
	}
	for _, r := range read(stateBodiesFile) {
		add(stateBodiesFile, true, models.Org, r["id"], r["name"]+" @"+r["state"])
	}
	for _, r := range read(placesGenFile) {
		add(placesGenFile, false, models.Place, r["id"], r["name"])
	}
	for _, r := range read(statesGenFile) {
		add(statesGenFile, false, models.State, r["id"], r["text"])
	}
	for _, g := range []struct {
		file  string
		label models.Label
	}{{peopleGenFile, models.Official}, {groupsGenFile, models.Group}, {orgsGenFile, models.Org}} {
		for _, r := range read(g.file) {
			add(g.file, false, g.label, r["id"], append([]string{r["name"]}, splitList(r["aliases"])...)...)
		}
	}
	return out
}

// mergedKey is what the matcher cannot tell apart: the words' folded keys,
// acronyms in their case ("WHO" is not "Who").
func mergedKey(phrase string) string {
	var ks []string
	for _, w := range splitWords(phrase) {
		if isAcronym(w) {
			ks = append(ks, w)
		} else {
			ks = append(ks, string(appendKey(nil, w)))
		}
	}
	return strings.Join(ks, " ")
}

// TestMergedGazetteer checks the hand and generated tables together, as
// the tagger merges them. Precedence: hand rows win. The tagger reads the
// hand tables first and keeps the first entry that fits a phrase, and
// loadGenerated gives a generated row with a hand body's id only the names
// no table holds, under the hand row's label and name; the generator
// (data/internal/genphoenix) gives a generated body whose primary name a
// hand row holds that row's id, drops the names the hand tables hold, and
// leaves out the people officials.tsv and offices.tsv know by any spelling
// and "people" whose name is a state's, place's or body's. So that no row
// depends on the order, the test wants:
//   - one thing per name: no phrase names two ids or labels, in one table or
//     across tables (a capital names its state and its city's PLACE id);
//   - one label per id across all tables (a state body's id is ORG);
//   - a generated row of a hand id adds names to it without changing its
//     label or canonical name.
func TestMergedGazetteer(t *testing.T) {
	names := mergedNames(t)
	type owner struct {
		label models.Label
		id    string
		table string
	}
	byPhrase := map[string][]mergedName{}
	for _, n := range names {
		k := mergedKey(n.phrase)
		byPhrase[k] = append(byPhrase[k], n)
	}
	for k, ns := range byPhrase {
		first := ns[0]
		for _, n := range ns[1:] {
			same := n.label == first.label && n.id == first.id ||
				first.place != "" && n.label == models.Place && n.id == first.place ||
				n.place != "" && first.label == models.Place && first.id == n.place
			if !same {
				t.Errorf("%q names %s %s (%s) and %s %s (%s); the first wins: give both one id, or drop the name from the second",
					k, first.label, first.id, first.table, n.label, n.id, n.table)
			}
		}
	}
	hand := map[string]data.Record{}
	orgs, err := data.TSV(orgsFile)
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range orgs {
		hand[r["id"]] = r
	}
	labels := map[string]owner{}
	for _, n := range names {
		if _, ok := hand[n.id]; ok && !n.hand {
			continue // takes the hand row's label, checked below
		}
		o, ok := labels[n.id]
		if !ok {
			labels[n.id] = owner{n.label, n.id, n.table}
			continue
		}
		if o.label != n.label {
			t.Errorf("id %s is %s in %s and %s in %s", n.id, o.label, o.table, n.label, n.table)
		}
	}
	g := testTagger.g
	for _, n := range names {
		r, ok := hand[n.id]
		if n.hand || !ok {
			continue
		}
		if g.generated[n.id] || g.names[n.id] != r["name"] || g.labels[n.id] != models.Label(r["label"]) {
			t.Errorf("%s: generated %q changed the hand row: name %q, label %s", n.id, n.phrase, g.names[n.id], g.labels[n.id])
		}
	}
}

// TestGeneratedStateNames checks that a name or demonym only
// states_generated.tsv holds is a STATE mention, and that a city the
// dictionary lists under its state stays a place.
func TestGeneratedStateNames(t *testing.T) {
	tests := []struct{ text, mention, id string }{
		{"An Argentinean envoy said the talks would resume.", "Argentinean", "ARG"},
		{"A Spaniard was among the passengers.", "Spaniard", "ESP"},
		{"The Phillipines said it would send aid.", "Phillipines", "PHL"},
	}
	for _, tc := range tests {
		d := doc(t, tc.text)
		if err := testTagger.Extract(d); err != nil {
			t.Fatal(err)
		}
		found := false
		for _, m := range d.Mentions {
			if tc.text[m.Start:m.End] == tc.mention {
				found = m.Label == models.State && m.ID == tc.id
			}
		}
		if !found {
			t.Errorf("%q: want %q as STATE %s; got %+v", tc.text, tc.mention, tc.id, d.Mentions)
		}
	}
	rows, err := data.TSV(statesGenFile)
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range rows {
		if strings.HasSuffix(strings.ToLower(r["text"]), "-ville") {
			t.Errorf("%s: %q is a city", statesGenFile, r["text"])
		}
	}
}

// TestMergedDiscards checks the discard phrases against the merged tables:
// no table names a discard phrase (the tagger would leave it out: a name
// keeps its entry), and no discard phrase holds a state's name or demonym
// (a STATE wherever it stands, by the gold guide), in any case, as the
// tagger matches discards.
func TestMergedDiscards(t *testing.T) {
	folded := func(p string) string {
		var ks []string
		for _, w := range splitWords(p) {
			ks = append(ks, string(appendKey(nil, w)))
		}
		return strings.Join(ks, " ")
	}
	named := map[string]mergedName{}
	for _, n := range mergedNames(t) {
		named[folded(n.phrase)] = n
	}
	rows, err := data.TSV(discardsFile)
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range rows {
		ws := strings.Fields(folded(r["phrase"]))
		for i := range ws {
			for j := i + 1; j <= len(ws); j++ {
				n, ok := named[strings.Join(ws[i:j], " ")]
				switch {
				case !ok:
				case i == 0 && j == len(ws):
					t.Errorf("%s: %q is a name of %s %s (%s); drop the discard", discardsFile, r["phrase"], n.label, n.id, n.table)
				case n.label == models.State && n.place == "":
					t.Errorf("%s: %q holds %q, a name of state %s (%s); drop the discard", discardsFile, r["phrase"], n.phrase, n.id, n.table)
				}
			}
		}
	}
}

// TestMergedSSAGiven checks that no given name taken from the SSA baby-name
// counts alone (source ssa) is a name of another table, in any case: such a
// word names a place, state or body, and as a given name it would make a
// person of "<place> Surname".
func TestMergedSSAGiven(t *testing.T) {
	named := map[string]mergedName{}
	for _, n := range mergedNames(t) {
		named[strings.ToLower(n.phrase)] = n
	}
	rows, err := data.TSV(givenFile)
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range rows {
		if r["source"] != "ssa" {
			continue
		}
		if n, ok := named[strings.ToLower(r["name"])]; ok {
			t.Errorf("%s: %q (ssa) is a name of %s %s (%s)", givenFile, r["name"], n.label, n.id, n.table)
		}
	}
}
