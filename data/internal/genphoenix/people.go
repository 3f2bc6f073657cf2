package main

import (
	"fmt"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
)

// roleCode is one code of a person: the body or state, its sector and the
// dates it holds ("[USAGOV 010120-050120]", "[IGOUNO >050501]", "[RUSELI]").
var roleCode = regexp.MustCompile(`\[([A-Z]{3,})\s*([<>]?)([0-9]{6,8})?(?:-([0-9]{6,8}))?\s*\]`)

// term is a person's dated affiliation.
type pterm struct {
	affil, sector, start, end string
}

// personRow is one person of the dictionaries.
type personRow struct {
	id, name string
	aliases  []string
	terms    []pterm
	file     string
	line     int
}

// day turns a dictionary date (YYMMDD or YYYYMMDD) into YYYY-MM-DD; two-digit
// years up to 30 are this century's.
func day(d string) string {
	switch len(d) {
	case 6:
		y := "19"
		if d[:2] <= "30" {
			y = "20"
		}
		d = y + d
	case 8:
	default:
		return ""
	}
	if d[4:6] < "01" || d[4:6] > "12" || d[6:8] < "01" || d[6:8] > "31" {
		return ""
	}
	return d[:4] + "-" + d[4:6] + "-" + d[6:8]
}

// affiliation returns the project id and sector of a code: a state's ISO3
// code and the rest's first three letters (USAGOV: USA, GOV), or the body
// of an IGO code (IGOUNOHLHWHO: WHO, IGO); ok is false for codes of other
// bodies and regions.
func affiliation(c string, states map[string]bool, bodies map[string]string) (affil, sector string, ok bool) {
	if strings.HasPrefix(c, "IGO") {
		for i := 3; i+3 <= len(c); i += 3 {
			if id, ok := bodies[c[i:i+3]]; ok {
				affil = id
			}
		}
		return affil, "IGO", affil != ""
	}
	if len(c) < 3 || !isISO3(c[:3], states) {
		return "", "", false
	}
	if len(c) >= 6 {
		sector = c[3:6]
	}
	return c[:3], sector, true
}

// personName cleans a dictionary name: titles before it ("SECRETARY-GENERAL",
// "CONGRESSMAN") are dropped; it returns the id and the name as news writes
// it ("Ban Ki-moon"), or "" when fewer than two words are left.
func personName(n string, titles map[string]bool) (id, name string) {
	n = strings.Trim(n, "_")
	if strings.ContainsAny(n, "()+&!,/0123456789:;?") {
		return "", ""
	}
	ws := strings.FieldsFunc(n, func(r rune) bool { return r == '_' || r == ' ' })
	for len(ws) > 2 && (titles[strings.ToLower(ws[0])] || stop[ws[0]] && ws[0] != "AL" && ws[0] != "ABD" && ws[0] != "ABU") {
		ws = ws[1:]
	}
	if len(ws) < 2 || len(ws) > 5 {
		return "", ""
	}
	ids := make([]string, 0, len(ws))
	for i, w := range ws {
		parts := strings.Split(strings.ToLower(w), "-")
		for k, p := range parts {
			if p != "" && (k == 0 || len(parts) == 2 && len(parts[0]) > 2) {
				parts[k] = title(p) // "Ki-moon", "Al-Assad"; "bin" stays lower inside a name
			}
		}
		if k := strings.ToLower(w); i > 0 && (k == "al" || k == "bin" || k == "ibn" || k == "de" || k == "van" || k == "von") {
			parts = []string{k}
		}
		ws[i] = strings.Join(parts, "-")
		if id := strings.ToUpper(strings.NewReplacer("-", "_", ".", "", "'", "").Replace(ws[i])); id != "" {
			ids = append(ids, id)
		}
	}
	return foldID(strings.Join(ids, "_")), strings.Join(ws, " ")
}

// aliasOf returns another spelling of the person's name from a dictionary
// alias, or "": the alias from the name's first word on ("UN Secretary-General
// Ban Ki-moon" is "Ban Ki-moon"), else an alias of two words or more that ends
// in the name's last word and starts with no title ("George Bush"); role
// phrases ("US President", "President Bush") give "".
func aliasOf(a, name string, titles map[string]bool) string {
	_, an := personName(a, titles)
	if an == "" || an == name {
		return ""
	}
	ws, nw := strings.Fields(an), strings.Fields(name)
	for i, w := range ws {
		if strings.EqualFold(w, nw[0]) && len(ws)-i >= 2 {
			if r := strings.Join(ws[i:], " "); r != name {
				return r
			}
			return ""
		}
	}
	if len(ws) >= 2 && strings.EqualFold(ws[len(ws)-1], nw[len(nw)-1]) && !titles[strings.ToLower(ws[0])] && len(ws[0]) > 2 {
		return an
	}
	return ""
}

// readPeople returns the people of an actor dictionary: entries with at least
// one dated code, with the codes that name a state or a known body.
func readPeople(kb, file string, titles, states map[string]bool, bodies map[string]string) ([]personRow, error) {
	entries, err := readActors(filepath.Join(kb, file))
	if err != nil {
		return nil, err
	}
	var out []personRow
	for _, e := range entries {
		if !person(e) {
			continue
		}
		id, name := personName(e.name, titles)
		if id == "" {
			continue
		}
		p := personRow{id: id, name: name, file: file, line: e.line}
		for _, c := range e.codes {
			for _, m := range roleCode.FindAllStringSubmatch(c, -1) {
				affil, sector, ok := affiliation(m[1], states, bodies)
				if !ok {
					continue
				}
				t := pterm{affil: affil, sector: sector}
				switch {
				case m[2] == ">":
					t.start = day(m[3])
				case m[2] == "<":
					t.end = day(m[3])
				case m[3] != "":
					t.start, t.end = day(m[3]), day(m[4])
				}
				if m[3] != "" && t.start == "" && t.end == "" || t.start != "" && t.end != "" && t.end < t.start {
					continue // a malformed date
				}
				p.terms = append(p.terms, t)
			}
		}
		if len(p.terms) == 0 {
			continue
		}
		for _, a := range e.aliases {
			if an := aliasOf(a, name, titles); an != "" {
				p.aliases = append(p.aliases, an)
			}
		}
		out = append(out, p)
	}
	return out, nil
}

// readTitles returns the words of the titles of the project's titles.tsv.
func readTitles(path string) (map[string]bool, error) {
	out := map[string]bool{}
	err := eachLine(path, "titles", func(line string, n int) {
		t, _, _ := strings.Cut(line, "\t")
		if t == "" || t[0] == '#' || t == "title" {
			return
		}
		for _, w := range strings.FieldsFunc(t, func(r rune) bool { return r == ' ' || r == '.' }) {
			out[w] = true
		}
		out[strings.ReplaceAll(t, " ", "-")] = true
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}

// readCodes reads a two-column TSV with a header (code, id).
func readCodes(path string) (map[string]string, error) {
	out := map[string]string{}
	err := eachLine(path, "body codes", func(line string, n int) {
		c, id, ok := strings.Cut(line, "\t")
		if !ok || c == "" || c[0] == '#' || c == "code" {
			return
		}
		out[c] = id
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}

// writePeople writes gazetteer/people_generated.tsv: one row per dated
// affiliation of every person of the country and international actors
// dictionaries; a person's entries in both files are one person (one id).
func writePeople(kb, out, codes string, hand *handNames, words, given map[string]bool) error {
	titles, err := readTitles(filepath.Join(out, "titles.tsv"))
	if err != nil {
		return err
	}
	states, err := countryCodes(filepath.Join(out, "countries.tsv"))
	if err != nil {
		return err
	}
	bodies, err := readCodes(codes)
	if err != nil {
		return err
	}
	byID := map[string]*personRow{}
	var ids []string
	for _, file := range []string{"Phoenix.Countries.actors.txt", "Phoenix.International.actors.txt"} {
		ps, err := readPeople(kb, file, titles, states, bodies)
		if err != nil {
			return err
		}
		for _, p := range ps {
			names, ok := hand.person(append([]string{p.name}, p.aliases...))
			if !ok {
				continue
			}
			p.aliases = names[1:]
			if q, ok := byID[p.id]; ok {
				q.aliases = append(q.aliases, p.aliases...)
				q.terms = append(q.terms, p.terms...)
				continue
			}
			p := p
			byID[p.id] = &p
			ids = append(ids, p.id)
		}
	}
	sort.Strings(ids)
	owners := map[string]map[string]bool{} // a name or alias → the people it names
	for _, id := range ids {
		p := byID[id]
		for _, n := range append([]string{p.name}, p.aliases...) {
			k := strings.ToLower(n)
			if owners[k] == nil {
				owners[k] = map[string]bool{}
			}
			owners[k][id] = true
		}
	}
	w, err := createTSV(out, "people_generated.tsv", "id\tname\taliases\taffiliation\tsector\tstart\tend\tcommon_surname\tsource",
		"People of the country and international actors dictionaries, one row per dated affiliation.",
		"id: the primary name without titles; aliases |-separated (on every row of the person);",
		"affiliation: a state's ISO3 code or the orgs.tsv id of a body (data/internal/genphoenix/igo_codes.tsv);",
		"sector: the code's sector (GOV, MIL, ELI, OPP, REB, JUD, BUS, MED, IGO...); start, end: YYYY-MM-DD,",
		"empty when open or undated; common_surname: yes when the name's last word is an English word",
		"(wamerican) or a given name, which the tagger never takes alone for this person; source: file and",
		"line. officials.tsv and offices.tsv win over these.",
	)
	if err != nil {
		return err
	}
	for _, id := range ids {
		p := byID[id]
		if len(owners[strings.ToLower(p.name)]) > 1 {
			continue // two people of one name: neither can be told by it
		}
		seen := map[string]bool{p.name: true}
		var aliases []string
		for _, a := range p.aliases {
			if !seen[a] && len(owners[strings.ToLower(a)]) == 1 {
				seen[a] = true
				aliases = append(aliases, a)
			}
		}
		common := ""
		if f := strings.Fields(p.name); len(f) > 0 {
			if last := f[len(f)-1]; words[strings.ToLower(last)] || given[strings.ToUpper(last)] {
				common = "yes"
			}
		}
		done := map[pterm]bool{}
		for _, t := range p.terms {
			if done[t] {
				continue
			}
			done[t] = true
			fmt.Fprintf(w, "%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s:%d\n", p.id, p.name, strings.Join(aliases, "|"), t.affil, t.sector, t.start, t.end, common, p.file, p.line)
		}
	}
	return w.Close()
}
