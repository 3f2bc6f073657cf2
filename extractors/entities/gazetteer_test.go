package entities

import (
	"strings"
	"testing"

	"github.com/communique/communique/data"
	"github.com/communique/communique/models"
)

// TestTSVIntegrity checks the gazetteer files: the header, no duplicate
// keys, and every id that one file uses is defined.
func TestTSVIntegrity(t *testing.T) {
	tests := []struct {
		file   string
		header []string
		key    func(data.Record) string
	}{
		{countriesFile, []string{"id", "alpha2", "name", "official_name", "alt_name"}, func(r data.Record) string { return r["id"] }},
		{statesFile, []string{"text", "id", "kind"}, func(r data.Record) string { return r["text"] }},
		{orgsFile, []string{"id", "label", "name", "parent", "aliases", "context_aliases", "unqualified"}, func(r data.Record) string { return r["id"] }},
		{partiesFile, []string{"id", "name", "country", "aliases", "context_aliases", "source"}, func(r data.Record) string { return r["id"] }},
		{placesFile, []string{"name", "id", "kind"}, func(r data.Record) string { return r["name"] }},
		{placesGenFile, []string{"name", "id", "kind", "country"}, func(r data.Record) string { return r["name"] }},
		{operationsFile, []string{"name", "id", "kind"}, func(r data.Record) string { return r["name"] }},
		{titlesFile, []string{"title", "role", "sector"}, func(r data.Record) string { return strings.ToLower(r["title"]) }},
		{cuesFile, []string{"word", "cue"}, func(r data.Record) string { return r["word"] + "\t" + r["cue"] }},
		{officialsFile, []string{"name", "role", "affiliation", "surname_alone", "spellings"}, func(r data.Record) string { return r["name"] }},
		{givenFile, []string{"name", "people", "births", "source"}, func(r data.Record) string { return r["name"] }},
		{officesFile, []string{"name", "role", "affiliation", "start", "end", "surname_alone", "spellings", "source"}, func(r data.Record) string { return r["name"] + "\t" + r["start"] }},
		{sectorsFile, []string{"id", "sector", "country"}, func(r data.Record) string { return r["id"] }},
		{groupsGenFile, []string{"id", "name", "aliases", "country", "sector", "source"}, func(r data.Record) string { return r["id"] }},
		{stateBodiesFile, []string{"name", "id", "sector", "state", "usual"}, func(r data.Record) string { return r["name"] + "\t" + r["state"] }},
		{orgsGenFile, []string{"id", "name", "aliases", "country", "sector", "code", "source"}, func(r data.Record) string { return r["id"] }},
		{statesGenFile, []string{"text", "id", "kind", "source"}, func(r data.Record) string { return r["text"] }},
		{"gazetteer/agents_generated.tsv", []string{"noun", "plural", "sector", "source"}, func(r data.Record) string { return r["noun"] }},
		{discardsFile, []string{"phrase", "level", "source"}, func(r data.Record) string { return mergedKey(r["phrase"]) }},
	}
	for _, tc := range tests {
		t.Run(tc.file, func(t *testing.T) {
			rows, err := data.TSV(tc.file)
			if err != nil {
				t.Fatal(err)
			}
			if len(rows) == 0 {
				t.Fatalf("%s: no rows", tc.file)
			}
			for _, h := range tc.header {
				if _, ok := rows[0][h]; !ok {
					t.Errorf("%s: no column %q", tc.file, h)
				}
			}
			seen := map[string]bool{}
			for i, r := range rows {
				k := tc.key(r)
				if k == "" {
					t.Errorf("%s row %d: empty key", tc.file, i+1)
				}
				if seen[k] {
					t.Errorf("%s: duplicate key %q", tc.file, k)
				}
				seen[k] = true
				for col, v := range r {
					if v != strings.TrimSpace(v) || strings.Contains(v, "  ") {
						t.Errorf("%s row %d: stray spaces in %s %q", tc.file, i+1, col, v)
					}
				}
			}
		})
	}
}

// TestGazetteerIDs checks that every id resolves and that no phrase names
// two different things.
func TestGazetteerIDs(t *testing.T) {
	g := testTagger.g
	owner := map[string]string{}
	for _, e := range g.entries {
		if e.kind == kBlock || e.kind == kDiscard {
			continue
		}
		if e.id == "" || e.id != strings.ToUpper(e.id) || strings.ContainsAny(e.id, " -") {
			t.Errorf("%q: id %q is not upper snake case", strings.Join(e.words, " "), e.id)
		}
		switch e.label {
		case models.State, models.Org, models.Group:
			if g.names[e.id] == "" {
				t.Errorf("%q: id %s has no canonical name", strings.Join(e.words, " "), e.id)
			}
		}
		if e.label == models.State && len(e.id) != 3 {
			t.Errorf("%q: state id %s is not ISO alpha-3", strings.Join(e.words, " "), e.id)
		}
		if e.parent != "" && g.labels[e.parent] != models.Org && g.labels[e.parent] != models.State {
			t.Errorf("%s: parent %s is not an organization or a state", e.id, e.parent)
		}
		if e.kind == kOperation && e.opKind != "operation" && e.opKind != "exercise" && e.opKind != "mission" {
			t.Errorf("%s: operation kind %q", e.id, e.opKind)
		}
		p := strings.Join(e.words, " ")
		if e.kind == kOrgContext {
			p += " @" + e.parent // a short organ's name may name one organ per body ("Permanent Council")
		}
		if prev, ok := owner[p]; ok && prev != e.id {
			t.Errorf("phrase %q names both %s and %s", p, prev, e.id)
		}
		owner[p] = e.id
	}
	for _, p := range g.people {
		if g.names[p.affil] == "" || p.role == "" && !p.generated || p.id == "" { // generated people have sectors, no roles
			t.Errorf("official %s: role %q, affiliation %q unknown", p.name, p.role, p.affil)
		}
	}
	for _, want := range []string{"AFG", "TJK", "PSE", "TWN", "ESH", "CSTO", "CSTO_JOINT_STAFF", "UNSC", "ISKP", "HOUTHIS"} {
		if g.names[want] == "" {
			t.Errorf("id %s is missing", want)
		}
	}
}

// TestGazetteerTokenization checks that the segmenter splits every
// gazetteer phrase into the words the trie holds, so that each can match.
func TestGazetteerTokenization(t *testing.T) {
	s := new(scratch)
	for _, e := range testTagger.g.entries {
		phrase := strings.Join(e.words, " ")
		phrase = strings.ReplaceAll(phrase, " 's", "'s")
		phrase = strings.ReplaceAll(phrase, " ,", ",")
		text := "They met " + phrase + " today."
		d := doc(t, text)
		splitUnits(d, s)
		var got []string
		for _, u := range s.units[2 : len(s.units)-2] {
			got = append(got, u.key)
		}
		var want []string
		for _, w := range e.words {
			want = append(want, string(appendKey(nil, w)))
		}
		if strings.Join(got, "|") != strings.Join(want, "|") {
			t.Errorf("%q: segmented as %q; the trie holds %q", phrase, got, want)
		}
	}
}

// TestEveryBodyHasSector checks that sectors.tsv gives every organization
// and group of orgs.tsv its sector, so that no hand-listed actor reaches the
// rows without one: add a row to sectors.tsv for each new id of orgs.tsv.
func TestEveryBodyHasSector(t *testing.T) {
	orgs, err := data.TSV(orgsFile)
	if err != nil {
		t.Fatal(err)
	}
	sectors, err := data.TSV(sectorsFile)
	if err != nil {
		t.Fatal(err)
	}
	has := map[string]bool{}
	for _, r := range sectors {
		has[r["id"]] = true
	}
	for _, r := range orgs {
		if !has[r["id"]] {
			t.Errorf("%s: %s has no row in %s (id, CAMEO sector, ISO alpha-3 country or empty)", orgsFile, r["id"], sectorsFile)
		}
	}
}
