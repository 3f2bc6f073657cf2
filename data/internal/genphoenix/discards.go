package main

import (
	"fmt"
	"path/filepath"
	"strings"
)

// discard is a phrase of the discards dictionary with its level and line.
type discard struct {
	phrase string // lower case: the tagger matches it in any case
	story  bool   // '+': the dictionary discards the whole story
	line   int
}

// readDiscards reads the phrases of the discards dictionary of two to five
// words, without the ones holding a digit (lone years, dates, "Round of
// 16") or one of the characters ; ( ) / & (other punctuation, such as a
// hyphen or full stop, stays), each with its level: a leading '+' marks a story-level
// discard, the others are sentence-level; comments ('#') and the trailing
// '_' of a whole-word match are taken off.
func readDiscards(path string) ([]discard, error) {
	var out []discard
	err := eachLine(path, "discards", func(line string, n int) {
		line, _, _ = strings.Cut(line, "#")
		t := strings.TrimSpace(line)
		story := strings.HasPrefix(t, "+")
		t = strings.TrimSpace(strings.TrimPrefix(t, "+"))
		if strings.ContainsAny(t, "0123456789;()/&") {
			return
		}
		ws := strings.Fields(strings.ToLower(t))
		for i, w := range ws {
			ws[i] = strings.TrimSuffix(w, "_")
		}
		if len(ws) < 2 || len(ws) > 5 {
			return
		}
		out = append(out, discard{phrase: strings.Join(ws, " "), story: story, line: n})
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}

// writeDiscards writes gazetteer/discards_generated.tsv: the phrases of
// the discards dictionary that look like actors but are not ("film
// festival", "bird flu"), with their level (story or sentence) and source
// line. Left out: phrases that hold a state's name or demonym (the gold
// guide makes those STATE wherever they stand), that look like a person's
// name, and that a table in the directory out names (a name keeps its
// entry). It runs after the other generated tables are written.
func writeDiscards(kb, out string, hand *handNames, given map[string]bool) error {
	const file = "Phoenix.discards.txt"
	ds, err := readDiscards(filepath.Join(kb, file))
	if err != nil {
		return err
	}
	states, err := stateKeys(out)
	if err != nil {
		return err
	}
	names, err := tableNames(out)
	if err != nil {
		return err
	}
	titles, err := readTitles(filepath.Join(out, "titles.tsv"))
	if err != nil {
		return err
	}
	w, err := createTSV(out, "discards_generated.tsv", "phrase\tlevel\tsource",
		"Phrases that look like actors but are not (sports events and clubs, diseases, titles of works) from",
		"the discards dictionary, of two to five words, matched in any case; level: story where the",
		"dictionary discards the whole story ('+'), else sentence; source: file and line. Left out: phrases",
		"with digits (lone years, dates), holding a state's name or demonym, looking like a person's name,",
		"or that another table names.",
	)
	if err != nil {
		return err
	}
	seen := map[string]bool{}
	for _, d := range ds {
		k := nameKey(d.phrase)
		if seen[k] || !keepDiscard(d.phrase, states, names, given, titles, hand) {
			continue
		}
		seen[k] = true
		level := "sentence"
		if d.story {
			level = "story"
		}
		fmt.Fprintf(w, "%s\t%s\t%s:%d\n", d.phrase, level, file, d.line)
	}
	return w.Close()
}

// keepDiscard reports whether a discard phrase goes into the table: it holds
// no state's name or demonym (states), no table names it (names), and it
// does not look like a person's name.
func keepDiscard(p string, states, names, given, titles map[string]bool, hand *handNames) bool {
	k := nameKey(p)
	return !names[k] && !holdsState(strings.Fields(k), states) && !personLike(p, given, titles, hand)
}

// stateKeys returns the name keys of the states' names and demonyms of
// countries.tsv, states.tsv and states_generated.tsv (not capitals or
// metonyms; dependent territories are places).
func stateKeys(out string) (map[string]bool, error) {
	keys := map[string]bool{}
	territory := map[string]bool{}
	states, err := readTable(filepath.Join(out, "states.tsv"))
	if err != nil {
		return nil, err
	}
	for _, r := range states {
		switch r["kind"] {
		case "territory":
			territory[r["id"]] = true
		case "name", "demonym", "state":
			keys[nameKey(r["text"])] = true
		}
	}
	countries, err := readTable(filepath.Join(out, "countries.tsv"))
	if err != nil {
		return nil, err
	}
	for _, r := range countries {
		for _, c := range []string{"name", "official_name", "alt_name"} {
			if r[c] != "" && !territory[r["id"]] {
				keys[nameKey(r[c])] = true
			}
		}
	}
	gen, err := readTable(filepath.Join(out, "states_generated.tsv"))
	if err != nil {
		return nil, err
	}
	for _, r := range gen {
		keys[nameKey(r["text"])] = true
	}
	return keys, nil
}

// holdsState reports whether words (name keys) hold a state's name or
// demonym.
func holdsState(ws []string, states map[string]bool) bool {
	for i := range ws {
		for j := i + 1; j <= len(ws); j++ {
			if states[strings.Join(ws[i:j], " ")] {
				return true
			}
		}
	}
	return false
}

// nameColumns are the columns of the tables of the gazetteer that hold
// names ("|"-separated lists in aliases, spellings and context_aliases).
var nameColumns = []struct {
	file string
	cols []string
}{
	{"countries.tsv", []string{"name", "official_name", "alt_name"}},
	{"states.tsv", []string{"text"}},
	{"orgs.tsv", []string{"name", "aliases", "context_aliases"}},
	{"places.tsv", []string{"name"}},
	{"places_generated.tsv", []string{"name"}},
	{"operations.tsv", []string{"name"}},
	{"officials.tsv", []string{"name", "spellings"}},
	{"offices.tsv", []string{"name", "spellings"}},
	{"state_bodies.tsv", []string{"name"}},
	{"states_generated.tsv", []string{"text"}},
	{"groups_generated.tsv", []string{"name", "aliases"}},
	{"orgs_generated.tsv", []string{"name", "aliases"}},
	{"people_generated.tsv", []string{"name", "aliases"}},
}

// tableNames returns the keys of every name the tables of out give
// (block rows of places.tsv included: they keep a phrase from matching).
func tableNames(out string) (map[string]bool, error) {
	keys := map[string]bool{}
	for _, t := range nameColumns {
		rows, err := readTable(filepath.Join(out, t.file))
		if err != nil {
			return nil, err
		}
		for _, r := range rows {
			for _, c := range t.cols {
				for _, n := range splitAliases(r[c]) {
					keys[nameKey(n)] = true
				}
			}
		}
	}
	return keys, nil
}
