package main

import (
	"fmt"
	"path/filepath"
	"regexp"
	"strings"
)

// stateEntry is a country entry of the country actors dictionary: a name
// with one undated three-letter code ("ARGENTINA_  [ARG]").
var stateEntry = regexp.MustCompile(`^([A-Z][A-Z_'.-]*)\s+\[([A-Z]{3})\]\s*$`)

// officialWords start the long official names of states ("Islamic republic
// of ..."), the only variants of several words kept.
var officialWords = map[string]bool{
	"REPUBLIC": true, "KINGDOM": true, "ISLAMIC": true, "DEMOCRATIC": true, "FEDERAL": true, "FEDERATION": true,
	"PEOPLES": true, "PEOPLE'S": true, "UNITED": true, "SULTANATE": true, "PRINCIPALITY": true, "GRAND": true,
	"COMMONWEALTH": true, "STATE": true, "SOCIALIST": true, "ARAB": true, "PLURINATIONAL": true, "BOLIVARIAN": true,
}

// stateVariant is a generated name of a state.
type stateVariant struct {
	text, id, kind string
	line           int
}

// stateVariants reads the name variants and demonyms of the states of the
// country actors dictionary that the project can use: a variant of one
// word that starts like the state's name or one of its names in the hand
// tables (the dictionary also lists cities under a state: "Cork" under
// Ireland, which are places), or of several words that starts with a word
// of officialWords and holds a name of the state; names any hand table
// holds, common English words (words), given names (given) and
// misspellings no wire writes aside, the variants are kept as written.
func stateVariants(kb string, hand *handNames, stateNames map[string][]string, words, given, skip map[string]bool) ([]stateVariant, error) {
	var out []stateVariant
	id := ""
	err := eachLine(filepath.Join(kb, "Phoenix.Countries.actors.txt"), "country actors", func(line string, n int) {
		line, _, _ = strings.Cut(line, "#")
		t := strings.TrimSpace(line)
		if m := stateEntry.FindStringSubmatch(t); m != nil {
			id = m[2]
			if stateNames[id] == nil {
				id = "" // not a state of countries.tsv or states.tsv
			}
			return
		}
		if t == "" || id == "" {
			return
		}
		if !strings.HasPrefix(t, "+") {
			id = ""
			return
		}
		raw := strings.Trim(strings.TrimSpace(t[1:]), "_")
		if raw == "" || strings.ContainsAny(raw, "()+&!,/0123456789") {
			return
		}
		ws := strings.FieldsFunc(raw, func(r rune) bool { return r == '_' || r == ' ' })
		text := titleWords(ws)
		k := nameKey(text)
		if hand.named(k) {
			return
		}
		if skip[k] {
			return
		}
		if len(ws) == 1 {
			w := ws[0]
			if len(w) < 4 || words[strings.ToLower(w)] || given[w] {
				return
			}
			for _, part := range strings.Split(w, "-") {
				if !startsLike(part, stateNames[id]) {
					return // "Luxembourg-ville" is the city
				}
			}
		} else if !officialWords[ws[0]] || !holdsName(ws, stateNames[id]) {
			return
		}
		out = append(out, stateVariant{text: text, id: id, kind: variantKind(ws), line: n})
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}

// titleWords writes dictionary words as a name: capitals first, "of", "the"
// and "and" in lower case after the first word.
func titleWords(ws []string) string {
	out := make([]string, len(ws))
	for i, w := range ws {
		lw := strings.ToLower(w)
		if i > 0 && (lw == "of" || lw == "the" || lw == "and") {
			out[i] = lw
			continue
		}
		out[i] = title(w)
	}
	return strings.Join(out, " ")
}

// startsLike reports whether w starts with the first four letters of one
// of names (upper case), or, for names of four letters or fewer, the name.
func startsLike(w string, names []string) bool {
	for _, n := range names {
		p := n
		if len(p) > 4 {
			p = p[:4]
		}
		if strings.HasPrefix(w, p) {
			return true
		}
	}
	return false
}

// holdsName reports whether one of the words ws is one of names.
func holdsName(ws []string, names []string) bool {
	for _, w := range ws {
		for _, n := range names {
			if w == n {
				return true
			}
		}
	}
	return false
}

// variantKind tells a state's name ("Afganistan") from a demonym
// ("Argentinean", "Afghanis"): names end in -stan, -land, -ia, -a or -y, or
// have several words.
func variantKind(ws []string) string {
	w := ws[0]
	if len(ws) > 1 {
		return "name"
	}
	for _, s := range []string{"STAN", "LAND", "IA", "A", "Y"} {
		if strings.HasSuffix(w, s) {
			return "name"
		}
	}
	return "demonym"
}

// stateNamesOf returns, by state id, the upper-case first words of the
// names of the states of countries.tsv and states.tsv (names and demonyms;
// "Zealand" alone is no state), official words left out; dependent
// territories (PLACE) have none.
func stateNamesOf(out string) (map[string][]string, error) {
	names := map[string][]string{}
	territory := map[string]bool{}
	add := func(id, n string) {
		if territory[id] {
			return
		}
		for _, w := range strings.Fields(strings.ToUpper(strings.NewReplacer(",", " ", ".", "").Replace(n))) {
			if len(w) >= 3 && !officialWords[w] && w != "THE" && w != "AND" && w != "OF" {
				names[id] = append(names[id], w)
				return
			}
		}
	}
	states, err := readTable(filepath.Join(out, "states.tsv"))
	if err != nil {
		return nil, err
	}
	for _, r := range states {
		if r["kind"] == "territory" {
			territory[r["id"]] = true
		}
	}
	countries, err := readTable(filepath.Join(out, "countries.tsv"))
	if err != nil {
		return nil, err
	}
	for _, r := range countries {
		add(r["id"], r["name"])
	}
	for _, r := range states {
		if k := r["kind"]; k == "name" || k == "demonym" || k == "state" {
			add(r["id"], r["text"])
		}
	}
	return names, nil
}

// writeStates writes gazetteer/states_generated.tsv.
func writeStates(kb, out, skipFile string, hand *handNames, words, given map[string]bool) error {
	const file = "Phoenix.Countries.actors.txt"
	names, err := stateNamesOf(out)
	if err != nil {
		return err
	}
	rows, err := readTable(skipFile)
	if err != nil {
		return err
	}
	skip := map[string]bool{}
	for _, r := range rows {
		skip[nameKey(r["name"])] = true
	}
	vs, err := stateVariants(kb, hand, names, words, given, skip)
	if err != nil {
		return err
	}
	w, err := createTSV(out, "states_generated.tsv", "text\tid\tkind\tsource",
		"Other names and demonyms of states (STATE) of the country actors dictionary that no hand table",
		"holds: single words that start like one of the state's names (its cities, which the dictionary",
		"lists too, are left out), and official names; common English words and given names left out.",
		"kind: name or demonym, as in states.tsv; source: file and line. states.tsv wins over these.",
	)
	if err != nil {
		return err
	}
	seen := map[string]bool{}
	for _, v := range vs {
		if k := nameKey(v.text); !seen[k] {
			seen[k] = true
			fmt.Fprintf(w, "%s\t%s\t%s\t%s:%d\n", v.text, v.id, v.kind, file, v.line)
		}
	}
	return w.Close()
}
