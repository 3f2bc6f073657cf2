package stances

import (
	"bufio"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/communique/communique/data"
	"github.com/communique/communique/models"
)

// TestLexiconFiles checks the lexicon files: each parses, has no duplicate
// keys, and its values are ones the extractor knows.
func TestLexiconFiles(t *testing.T) {
	lx, err := loadLexicon()
	if err != nil {
		t.Fatalf("loadLexicon: %v", err)
	}
	if len(lx.triggers) == 0 || len(lx.exact) == 0 || len(lx.plover) == 0 || len(lx.lemmas) == 0 ||
		len(lx.cameo) == 0 || len(lx.third) == 0 || len(lx.agents) == 0 {
		t.Fatalf("empty lexicon: %d triggers, %d cues, %d plover rows, %d lemmas, %d CAMEO verbs, %d verb forms, %d agent nouns",
			len(lx.triggers), len(lx.exact), len(lx.plover), len(lx.lemmas), len(lx.cameo), len(lx.third), len(lx.agents))
	}
	for _, tc := range []struct {
		path string
		key  []string
	}{
		{triggersPath, []string{"phrase", "pos", "comp", "table"}},
		{cuesPath, []string{"word", "role"}},
		{ploverPath, []string{"table", "label", "keyword"}},
		{lemmasPath, []string{"form"}},
	} {
		t.Run(tc.path, func(t *testing.T) {
			recs, err := data.TSV(tc.path)
			if err != nil {
				t.Fatalf("TSV(%q): %v", tc.path, err)
			}
			seen := map[string]int{}
			for i, r := range recs {
				var parts []string
				for _, k := range tc.key {
					v, ok := r[k]
					if !ok {
						t.Fatalf("%s: no column %q", tc.path, k)
					}
					parts = append(parts, strings.ToLower(v))
				}
				key := strings.Join(parts, "\t")
				if j, dup := seen[key]; dup {
					t.Errorf("%s: row %d repeats row %d: %q", tc.path, i+1, j+1, key)
				}
				seen[key] = i
			}
		})
	}
}

// TestTriggerStems checks that every trigger can be found: its words stem to
// something the token view keeps, and no two rows of the same stems, pos and
// table overlap in what they accept, which would make the second dead.
func TestTriggerStems(t *testing.T) {
	lx, err := loadLexicon()
	if err != nil {
		t.Fatal(err)
	}
	for i, a := range lx.triggers {
		for _, w := range a.words {
			if w == "" || w != objectSlot && !lx.prefixes[prefix3(w)] {
				t.Errorf("trigger %q: stem %q cannot be looked up", a.phrase, w)
			}
		}
		for _, b := range lx.triggers[:i] {
			if strings.Join(a.words, " ") == strings.Join(b.words, " ") && a.pos == b.pos && a.comp&b.comp == a.comp &&
				!participleClash(a.phrase, b.phrase) {
				t.Errorf("trigger %q (%c) is shadowed by %q (%c) before it", a.phrase, a.pos, b.phrase, b.pos)
			}
		}
	}
}

// TestPloverTable checks every CAMEO code of plover.tsv against the CAMEO to
// PLOVER table the project follows (../shared/plover/CAMEO2PLOVER-2021.txt):
// the code exists and its PLOVER type is the one given.
func TestPloverTable(t *testing.T) {
	path := filepath.Join("..", "..", "..", "shared", "plover", "CAMEO2PLOVER-2021.txt")
	f, err := os.Open(path)
	if err != nil {
		t.Skipf("no CAMEO to PLOVER table: %v", err)
	}
	defer f.Close()
	types := map[string]string{}
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		code, rest, ok := strings.Cut(line, ":")
		if !ok {
			continue
		}
		typ, _, _ := strings.Cut(rest, ",")
		types[strings.TrimSpace(code)] = strings.TrimSpace(typ)
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	lx, err := loadLexicon()
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range lx.plover {
		typ, ok := types[p.cameo]
		switch {
		case !ok:
			t.Errorf("plover.tsv: CAMEO code %s is not in %s", p.cameo, path)
		case typ != p.plover:
			t.Errorf("plover.tsv: CAMEO code %s is %s, not %s", p.cameo, typ, p.plover)
		}
	}
}

// TestPloverCoverage checks that every table, modality, stance and negation
// maps to a code.
func TestPloverCoverage(t *testing.T) {
	lx, err := loadLexicon()
	if err != nil {
		t.Fatal(err)
	}
	for _, m := range models.Modalities {
		for _, neg := range []bool{false, true} {
			if c, p := lx.ploverFor(tableCommitment, string(m), neg, nil); c == "" || p == "" {
				t.Errorf("ploverFor(commitment, %s, negated %v) = %q, %q", m, neg, c, p)
			}
		}
	}
	for _, s := range models.Stances {
		if c, p := lx.ploverFor(tablePosition, string(s), false, nil); c == "" || p == "" {
			t.Errorf("ploverFor(position, %s) = %q, %q", s, c, p)
		}
	}
	tests := []struct {
		t        table
		label    string
		neg      bool
		words    string
		cameo    string
		ploverTy string
	}{
		{tableCommitment, "pledge", false, "provid assist", "033", "AGREE"},
		{tableCommitment, "threat", false, "respond countermeasur", "1312", "THREATEN"},
		{tableCommitment, "pledge", true, "accept refuge", "120", "REJECT"},
		{tablePosition, "CALL", false, "releas", "1053", "REQUEST"},
		{tablePosition, "CONDEMN", false, "condemn", "111", "ACCUSE"},
	}
	for _, tc := range tests {
		c, p := lx.ploverFor(tc.t, tc.label, tc.neg, strings.Fields(tc.words))
		if c != tc.cameo || p != tc.ploverTy {
			t.Errorf("ploverFor(%v, %s, %v, %q) = %s %s; want %s %s", tc.t, tc.label, tc.neg, tc.words, c, p, tc.cameo, tc.ploverTy)
		}
	}
}

func TestLemma(t *testing.T) {
	x, err := New()
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct{ word, tag, want string }{
		{"rendered", "VBN", "render"},
		{"deployed", "VBN", "deploy"},
		{"decided", "VBD", "decide"},
		{"provided", "VBN", "provide"},
		{"released", "VBN", "release"},
		{"planned", "VBN", "plan"},
		{"committed", "VBN", "commit"},
		{"called", "VBD", "call"},
		{"held", "VBN", "hold"},
		{"agreed", "VBD", "agree"},
		{"urged", "VBD", "urge"},
		{"avoided", "VBD", "avoid"},
		{"supports", "VBZ", "support"},
		{"pushes", "VBZ", "push"},
		{"provide", "VB", "provide"},
	}
	for _, tc := range tests {
		if got := x.lemma(tc.word, tc.tag); got != tc.want {
			t.Errorf("lemma(%q, %s) = %q; want %q", tc.word, tc.tag, got, tc.want)
		}
	}
}

// TestShortStems checks that inflections whose stem is shorter than three
// letters are still looked up ("suing" → "su").
func TestShortStems(t *testing.T) {
	x, err := New()
	if err != nil {
		t.Fatal(err)
	}
	for _, w := range []string{"suing", "sued", "sues"} {
		s := x.stemOf(w)
		if _, ok := x.lx.byFirst[s]; !ok {
			t.Errorf("stem %q of %q finds no trigger", s, w)
		}
		if !(x.lx.prefixes[prefix3(w)] || x.lx.prefixes[w[:2]]) {
			t.Errorf("%q is filtered out before stemming", w)
		}
	}
}

// TestUndoubled checks that the past and -ing forms of a verb ending in a
// double consonant find its stem, which snowball spells differently.
func TestUndoubled(t *testing.T) {
	for _, tc := range []struct {
		verb, form string
		ok         bool
	}{
		{"boycott", "boycotted", true}, {"boycott", "boycotting", true}, {"rebuff", "rebuffed", true},
		{"call", "called", false}, {"urge", "urged", false}, {"commit", "committed", false},
	} {
		u, ok := undoubled(stem(tc.verb))
		if ok != tc.ok {
			t.Errorf("undoubled(stem of %q) ok = %v, want %v", tc.verb, ok, tc.ok)
			continue
		}
		if ok && u != stem(tc.form) {
			t.Errorf("undoubled(stem of %q) = %q, want the stem of %q, %q", tc.verb, u, tc.form, stem(tc.form))
		}
		if !ok && stem(tc.verb) != stem(tc.form) {
			t.Errorf("stem of %q = %q but of %q = %q: an undoubling undoubled misses", tc.verb, stem(tc.verb), tc.form, stem(tc.form))
		}
	}
}
