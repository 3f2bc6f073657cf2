package main

import (
	"fmt"
	"path/filepath"
	"strings"
)

// writeDiscards writes gazetteer/discards_generated.tsv: the phrases of the
// discards dictionary of two words or more ("Manchester United", "Asian
// Cup") that look like actors but are not, without dates and numbers;
// story: whether the dictionary discards the whole story ('+'). Phrases
// that hold a state's name or demonym (the gold guide makes those STATE
// wherever they stand) and people's names are left out.
func writeDiscards(kb, out string, given map[string]bool, hand *handNames) error {
	const file = "Phoenix.discards.txt"
	states, err := stateKeys(out)
	if err != nil {
		return err
	}
	w, err := createTSV(out, "discards_generated.tsv", "phrase\tstory\tsource",
		"Phrases that look like actors but are not (sports events and teams, diseases, titles of works)",
		"from the discards dictionary, of two words or more; story: yes where the dictionary discards the",
		"whole story; source: file and line.",
	)
	if err != nil {
		return err
	}
	seen := map[string]bool{}
	err = eachLine(filepath.Join(kb, file), "discards", func(line string, n int) {
		line, _, _ = strings.Cut(line, "#")
		t := strings.TrimSpace(line)
		story := "no"
		if strings.HasPrefix(t, "+") {
			story, t = "yes", strings.TrimSpace(t[1:])
		}
		if strings.ContainsAny(t, "0123456789;()/&") {
			return
		}
		ws := strings.Fields(t)
		if len(ws) < 2 || len(ws) > 5 {
			return
		}
		p := titleWords(ws)
		if seen[nameKey(p)] || holdsState(strings.Fields(nameKey(p)), states) || personLike(p, given, hand) {
			return // "Australian Open": a demonym is a STATE wherever it stands; people are named
		}
		seen[nameKey(p)] = true
		fmt.Fprintf(w, "%s\t%s\t%s:%d\n", p, story, file, n)
	})
	if err != nil {
		return err
	}
	return w.Close()
}

// stateKeys returns the name keys of the states' names and demonyms of
// countries.tsv and states.tsv (not capitals or metonyms).
func stateKeys(out string) (map[string]bool, error) {
	keys := map[string]bool{}
	countries, err := readTable(filepath.Join(out, "countries.tsv"))
	if err != nil {
		return nil, err
	}
	for _, r := range countries {
		for _, c := range []string{"name", "official_name", "alt_name"} {
			if r[c] != "" {
				keys[nameKey(r[c])] = true
			}
		}
	}
	states, err := readTable(filepath.Join(out, "states.tsv"))
	if err != nil {
		return nil, err
	}
	for _, r := range states {
		if k := r["kind"]; k == "name" || k == "demonym" || k == "state" {
			keys[nameKey(r["text"])] = true
		}
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
