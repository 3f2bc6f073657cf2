package main

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"unicode"

	"github.com/communique/communique/data"
	"golang.org/x/text/unicode/norm"
)

// handNames are the names the hand-made tables (and the other generated
// tables written before the one at hand) already give: the generated rows
// yield to them, so that the merged tables name each thing once (the
// precedence that extractors/entities' TestMergedGazetteer checks).
type handNames struct {
	// bodies maps the key of a name of orgs.tsv to its id, "" where two ids
	// share it
	bodies map[string]string
	ids    map[string]bool // the ids of orgs.tsv
	// places holds the keys of the names of states, capitals, demonyms and
	// places (countries.tsv, states.tsv, places.tsv, places_generated.tsv)
	places map[string]bool
	// people holds the keys of the names and spellings of officials.tsv and
	// offices.tsv
	people map[string]bool
	// generated holds the keys of the names of generated bodies and groups,
	// which are no people
	generated map[string]bool
}

// nameKey folds a name for comparison: lower case, diacritics and
// apostrophes and full stops dropped, words split at other non-letters
// ("Al-Qa'ida" and "al qaida" have one key).
func nameKey(s string) string {
	var b strings.Builder
	gap := false
	for _, r := range norm.NFD.String(s) {
		switch {
		case unicode.Is(unicode.Mn, r), r == '\'', r == '\u2019', r == '.':
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			if gap && b.Len() > 0 {
				b.WriteByte(' ')
			}
			gap = false
			b.WriteRune(unicode.ToLower(r))
		default:
			gap = true
		}
	}
	return b.String()
}

// foldID makes an id of ASCII capitals only ("MANFRED_WÖRNER" is
// MANFRED_WORNER), as the tagger's ids are.
func foldID(id string) string {
	var b strings.Builder
	for _, r := range norm.NFD.String(id) {
		if !unicode.Is(unicode.Mn, r) {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// readTable reads a TSV table of the gazetteer with a header row, as the
// data package does.
func readTable(path string) ([]data.Record, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", path, err)
	}
	return data.ParseTSV(path, b)
}

// splitAliases splits a |-separated list.
func splitAliases(s string) []string {
	var out []string
	for _, a := range strings.Split(s, "|") {
		if a = strings.TrimSpace(a); a != "" {
			out = append(out, a)
		}
	}
	return out
}

// readHand reads the names of the hand tables in the directory out.
func readHand(out string) (*handNames, error) {
	h := &handNames{bodies: map[string]string{}, ids: map[string]bool{}, places: map[string]bool{}, people: map[string]bool{}, generated: map[string]bool{}}
	read := func(file string, fn func(r data.Record)) error {
		rows, err := readTable(filepath.Join(out, file))
		if err != nil {
			return fmt.Errorf("hand table: %w", err)
		}
		for _, r := range rows {
			fn(r)
		}
		return nil
	}
	if err := read("orgs.tsv", func(r data.Record) {
		h.ids[r["id"]] = true
		for _, n := range append([]string{r["name"]}, splitAliases(r["aliases"])...) {
			k := nameKey(n)
			if id, ok := h.bodies[k]; ok && id != r["id"] {
				h.bodies[k] = ""
				continue
			}
			h.bodies[k] = r["id"]
		}
	}); err != nil {
		return nil, err
	}
	place := func(cols ...string) func(r data.Record) {
		return func(r data.Record) {
			if r["kind"] == "block" {
				return
			}
			for _, c := range cols {
				if r[c] != "" {
					h.places[nameKey(r[c])] = true
				}
			}
		}
	}
	for file, cols := range map[string][]string{
		"countries.tsv":        {"name", "official_name", "alt_name"},
		"states.tsv":           {"text"},
		"places.tsv":           {"name"},
		"places_generated.tsv": {"name"},
	} {
		if err := read(file, place(cols...)); err != nil {
			return nil, err
		}
	}
	for _, file := range []string{"officials.tsv", "offices.tsv"} {
		if err := read(file, func(r data.Record) {
			for _, n := range append([]string{r["name"]}, splitAliases(r["spellings"])...) {
				h.people[nameKey(n)] = true
			}
		}); err != nil {
			return nil, err
		}
	}
	return h, nil
}

// body returns the id of orgs.tsv that a generated body's primary name
// (names[0]) has there, else id, and the names no hand table holds for a
// body or place: an alias alone that a hand row holds ("Peoples
// liberation army" for another army) is dropped and gives no id.
func (h *handNames) body(id string, names []string) (string, []string) {
	if hid := h.bodies[nameKey(names[0])]; hid != "" {
		id = hid
	}
	var keep []string
	for _, n := range names {
		k := nameKey(n)
		if _, ok := h.bodies[k]; ok || h.places[k] {
			continue
		}
		keep = append(keep, n)
	}
	return id, keep
}

// isBody reports whether id is an id of orgs.tsv.
func (h *handNames) isBody(id string) bool { return h.ids[id] }

// person reports whether a generated person's names may name a person: none
// is a name or spelling of officials.tsv or offices.tsv (the hand tables'
// person wins), and the primary name is no state's, place's or body's
// ("South Sudan" and "Palestinian Authority" carry dated codes too). The
// aliases that name a state, place or body are dropped.
func (h *handNames) person(names []string) ([]string, bool) {
	for _, n := range names {
		if h.people[nameKey(n)] {
			return nil, false
		}
	}
	var keep []string
	for i, n := range names {
		k := nameKey(n)
		if _, body := h.bodies[k]; body || h.places[k] || h.generated[k] {
			if i == 0 {
				return nil, false
			}
			continue
		}
		keep = append(keep, n)
	}
	return keep, true
}

// named reports whether name key k is already a hand-made body, place or
// person, or a generated body or group.
func (h *handNames) named(k string) bool {
	_, body := h.bodies[k]
	return body || h.places[k] || h.people[k] || h.generated[k]
}
