package main

import (
	"fmt"
	"path/filepath"
	"slices"
	"strings"
)

// orgHeads are common nouns that make a dictionary name an organisation's,
// not a person's, even when its first word is a given name.
var orgHeads = map[string]bool{
	"ORGANIZATION": true, "ORGANISATION": true, "ASSOCIATION": true, "UNION": true, "COUNCIL": true,
	"COMMITTEE": true, "COMMISSION": true, "FUND": true, "BANK": true, "AGENCY": true, "FOUNDATION": true,
	"INSTITUTE": true, "INSTITUTION": true, "SOCIETY": true, "FEDERATION": true, "CENTER": true, "CENTRE": true,
	"NETWORK": true, "ALLIANCE": true, "WATCH": true, "INC": true, "CORP": true, "CORPORATION": true,
	"COMPANY": true, "CO": true, "LTD": true, "GROUP": true, "HOLDINGS": true, "PROGRAM": true,
	"PROGRAMME": true, "TRUST": true, "SERVICE": true, "SERVICES": true, "INTERNATIONAL": true,
	"PARTNERS": true, "BROTHERS": true, "INDUSTRIES": true, "UNIVERSITY": true, "COLLEGE": true,
	"MOVEMENT": true, "PROJECT": true, "CAMPAIGN": true, "LEAGUE": true, "BOARD": true, "OFFICE": true,
	"LABORATORIES": true, "SYSTEMS": true, "MISSION": true, "FORUM": true, "CONFERENCE": true,
	"COMMUNITY": true, "PARTNERSHIP": true, "COALITION": true, "INITIATIVE": true, "COURT": true,
	"BANCORP": true, "FINANCIAL": true, "ENERGY": true, "PHARMACEUTICALS": true, "AIRLINES": true,
}

// roles are nouns of people's roles that the agents dictionary holds only
// in longer phrases: a name with one is a role ("UN secretary general"),
// not a body.
var roles = map[string]bool{
	"SECRETARY": true, "PRESIDENT": true, "CHIEF": true, "DIRECTOR": true, "SPOKESMAN": true,
	"SPOKESPERSON": true, "SPOKESWOMAN": true, "PEACEKEEPER": true, "PEACEKEEPERS": true, "MONITOR": true,
	"MONITORS": true, "RAPPORTEUR": true, "ENVOY": true, "OFFICIAL": true, "OFFICIALS": true,
	"REPRESENTATIVE": true, "CHAIRMAN": true, "HEAD": true, "MINISTER": true, "MINISTERS": true,
	"COUNTRIES": true, "MEMBERS": true, "JOURNALIST": true, "REPORTER": true, "EXECUTIVE": true,
	"WORKER": true, "WORKERS": true, "STAFF": true, "TROOPS": true, "SOLDIERS": true, "DELEGATION": true,
	"COORDINATOR": true, "CONTINGENT": true, "EXPERTS": true, "INSPECTORS": true, "VESSEL": true,
	"MNC": true, "MNCS": true, "DATABASE": true,
}

// corporate are words a company's name as news writes it usually drops:
// "Chiquita Brands International Inc" is "Chiquita".
var corporate = map[string]bool{
	"INC": true, "INCORPORATED": true, "CORP": true, "CORPORATION": true, "CO": true, "COMPANY": true,
	"LTD": true, "LIMITED": true, "PLC": true, "LLC": true, "LP": true, "SA": true, "AG": true, "NV": true,
	"GROUP": true, "HOLDINGS": true, "HOLDING": true, "INTERNATIONAL": true, "BRANDS": true, "THE": true,
}

// org is one organisation of the international actors dictionary.
type org struct {
	id, name string
	aliases  []string
	country  string
	sector   string // the project's sector code (IGO, NGO, BUS, MED)
	code     string // the dictionary's code (IGOUNODEV, MNCUSAHLH...)
	line     int
}

// orgPhrase turns a dictionary name into the words news writes: acronyms of
// up to four letters stay in capitals (matched in their case), other single
// words and the first word of a phrase take a capital, later words are
// lower case (the matcher takes them in any case). A single word that is
// a common English word or a word of people's names (people), an acronym
// where acronyms is false (NGOs' and companies' short acronyms name other
// things more often), and names with characters news does not write, give
// "".
func orgPhrase(name string, words, people map[string]bool, company, acronyms bool) string {
	name = strings.Trim(name, "_")
	if i := strings.Index(name, "_("); i >= 0 {
		name = name[:i]
	}
	if strings.ContainsAny(name, "()+&!,/.:;?*@#$%0123456789") || strings.Contains(name, "__") {
		return ""
	}
	if i := strings.Index(name, "'"); i >= 0 && !strings.HasPrefix(name[i:], "'S") {
		return "" // "O'REILLY": the segmenter splits it
	}
	ws := strings.FieldsFunc(name, func(r rune) bool { return r == '_' || r == ' ' })
	for len(ws) > 0 && ws[0] == "THE" {
		ws = ws[1:]
	}
	if len(ws) == 0 {
		return ""
	}
	if len(ws) == 1 {
		w := ws[0]
		switch {
		case len(w) < 3 || strings.ContainsAny(w, "'-"):
			return ""
		case len(w) <= 4 && (!acronyms || company):
			return "" // short acronyms of NGOs and companies name other things more often
		case len(w) <= 4:
			return w
		case people[w]:
			return "" // "Harris" is a person more often than a company
		case words[strings.ToLower(w)]:
			return ""
		}
		return title(w)
	}
	for i, w := range ws {
		w = strings.ToLower(w)
		if i == 0 {
			w = title(w)
		}
		ws[i] = w
	}
	return strings.Join(ws, " ")
}

// shortCompany drops the corporate words at the end of a company's name.
func shortCompany(name string) string {
	ws := strings.FieldsFunc(strings.Trim(name, "_"), func(r rune) bool { return r == '_' || r == ' ' })
	for len(ws) > 1 && corporate[ws[len(ws)-1]] {
		ws = ws[:len(ws)-1]
	}
	return strings.Join(ws, "_")
}

// internationalOrgs reads the organisations (IGO, NGO, MNC, MED codes) of
// the international actors dictionary, leaving out its people: entries with
// a dated code, and names of a given name and up to three more words none of
// which is an organisation's head noun. persons are the agent nouns of
// people ("spokesman", "minister"): a name ending in one is a role, not a
// body.
func internationalOrgs(path string, given, words, persons, places, people map[string]bool) ([]org, error) {
	entries, err := readActors(path)
	if err != nil {
		return nil, err
	}
	var out []org
	for _, e := range entries {
		if person(e) || len(e.codes) == 0 {
			continue
		}
		m := code.FindStringSubmatch(e.codes[0])
		if m == nil {
			continue
		}
		head, rest := m[1], strings.TrimPrefix(e.codes[0], "["+m[1])
		rest, _, _ = strings.Cut(rest, "]")
		rest = strings.TrimSpace(rest)
		full := head + rest
		country, sector := "", head
		switch head {
		case "IGO", "NGO", "MNC":
			if len(rest) >= 3 && places[rest[:3]] {
				country, rest = rest[:3], rest[3:] // NGOUSA: the US
			}
			if head == "MNC" {
				sector = "BUS"
				if strings.Contains(rest, "MED") {
					sector = "MED" // a company that is a news outlet
				}
			}
		case "MED":
		default:
			continue
		}
		if !isISO3(country, places) {
			country = "" // a region (AFR, EUR...) is no state
		}
		ws := strings.FieldsFunc(strings.Trim(e.name, "_"), func(r rune) bool { return r == '_' || r == ' ' })
		if len(ws) == 0 || role(ws, persons) {
			continue
		}
		if head != "MNC" && len(ws) >= 2 && len(ws) <= 4 && !anyHead(ws) && (given[ws[0]] || !anyWord(ws, words)) {
			continue // a person: a given name first, or no English word in the name
		}
		company := head == "MNC"
		name := orgPhrase(e.name, words, people, company, head == "IGO" || head == "MED")
		var aliases []string
		if company {
			if s := orgPhrase(shortCompany(e.name), words, people, true, false); s != "" && s != name {
				if name != "" {
					aliases = append(aliases, name)
				}
				name = s
			}
		}
		if name == "" || company && allWords(name, words) {
			continue // "Tuesday Morning", "General Motors": words news uses otherwise
		}
		for _, a := range e.aliases {
			aw := strings.FieldsFunc(strings.Trim(a, "_"), func(r rune) bool { return r == '_' })
			if len(aw) == 0 || role(aw, persons) {
				continue
			}
			if p := orgPhrase(a, words, people, company, head == "IGO" || head == "MED"); p != "" && p != name {
				aliases = append(aliases, p)
			}
		}
		id := strings.ToUpper(strings.NewReplacer(" ", "_", "-", "_", "'", "").Replace(name))
		out = append(out, org{id: id, name: name, aliases: aliases, country: country, sector: sector, code: full, line: e.line})
	}
	return out, nil
}

// role reports whether a name's words name a person's role: one of roles,
// or an agent noun of people at its end.
func role(ws []string, persons map[string]bool) bool {
	last := ws[len(ws)-1]
	if persons[last] || persons[strings.TrimSuffix(last, "S")] {
		return true
	}
	for _, w := range ws {
		if roles[w] {
			return true
		}
	}
	return false
}

// anyWord reports whether a name has a word of at least three letters that
// is a common English word.
func anyWord(ws []string, words map[string]bool) bool {
	for _, w := range ws {
		if len(w) >= 3 && words[strings.ToLower(w)] {
			return true
		}
	}
	return false
}

// byAcronym gives a long name the id of the acronym of the same code that
// its initials spell ("Economic community of central african states" is
// ECCAS), as a gazetteer's acronym and long name share one id.
func byAcronym(orgs []org) []org {
	acr := map[string]string{} // code+initials → acronym
	for _, o := range orgs {
		if !strings.Contains(o.name, " ") && o.name == strings.ToUpper(o.name) {
			acr[o.code+o.name] = o.id
		}
	}
	for i := range orgs {
		o := &orgs[i]
		var b strings.Builder
		for _, w := range strings.Fields(o.name) {
			if lw := strings.ToLower(w); lw != "of" && lw != "and" && lw != "the" && lw != "for" && lw != "on" && lw != "in" {
				b.WriteString(strings.ToUpper(w[:1]))
			}
		}
		if id, ok := acr[o.code+b.String()]; ok && strings.Contains(o.name, " ") {
			o.id = id
		}
	}
	return orgs
}

// allWords reports whether every word of a phrase is in words, in any case
// (the dictionary holds names of days and places capitalized).
func allWords(phrase string, words map[string]bool) bool {
	for _, w := range strings.Fields(phrase) {
		w = strings.ToLower(w)
		if !words[w] && !words[title(w)] {
			return false
		}
	}
	return true
}

func anyHead(ws []string) bool {
	for _, w := range ws {
		if orgHeads[w] {
			return true
		}
	}
	return false
}

// personAgents returns the one-word agent nouns of people (the agents
// dictionary's entries that are not bodies).
func personAgents(path string) (map[string]bool, error) {
	names, err := agentNames(path)
	if err != nil {
		return nil, err
	}
	out := map[string]bool{}
	for _, name := range names {
		name = strings.Trim(name, "_")
		if !strings.ContainsAny(name, "_!") && !orgHeads[name] && !bodies[name] {
			out[name] = true
		}
	}
	return out, nil
}

// bodies are one-word agent nouns that name a body, not a person.
var bodies = map[string]bool{
	"GOVERNMENT": true, "MINISTRY": true, "POLICE": true, "ARMY": true, "NAVY": true, "CONGRESS": true,
	"PARLIAMENT": true, "SENATE": true, "PARTY": true, "CABINET": true, "MILITARY": true, "MEDIA": true,
	"PRESS": true, "REGIME": true, "ADMINISTRATION": true, "JUDICIARY": true, "LEGISLATURE": true,
}

// nameWords returns the given names and the last words of the people's
// names of the country and international actors dictionaries.
func nameWords(kb string, given map[string]bool) (map[string]bool, error) {
	out := make(map[string]bool, len(given))
	for w := range given {
		out[w] = true
	}
	for _, file := range []string{"Phoenix.Countries.actors.txt", "Phoenix.International.actors.txt"} {
		es, err := readActors(filepath.Join(kb, file))
		if err != nil {
			return nil, err
		}
		for _, e := range es {
			if !person(e) {
				continue
			}
			for _, n := range append([]string{e.name}, e.aliases...) {
				ws := strings.FieldsFunc(strings.Trim(n, "_"), func(r rune) bool { return r == '_' })
				if len(ws) >= 2 {
					out[ws[len(ws)-1]] = true
				}
			}
		}
	}
	return out, nil
}

// isISO3 reports whether c is a country's ISO 3166-1 code, not a region's.
func isISO3(c string, places map[string]bool) bool {
	if c == "" || !places[c] {
		return false
	}
	for _, r := range regions {
		if r == c {
			return false
		}
	}
	return true
}

// regions are the dictionaries' codes of world regions, which stand where a
// country code may.
var regions = []string{"AFR", "ASA", "BLK", "BFR", "CAF", "CAU", "CAS", "CRB", "EAF", "EEU", "EUR", "LAM",
	"MEA", "NAF", "NMR", "PGS", "SAF", "SAM", "SAS", "SEA", "WAF", "WST", "NAM", "CEU", "SCN", "WEU", "INT"}

// countryCodes returns the ISO3 codes of countries.tsv and the region codes.
func countryCodes(path string) (map[string]bool, error) {
	out := map[string]bool{}
	for _, r := range regions {
		out[r] = true
	}
	err := eachLine(path, "countries", func(line string, n int) {
		if id, _, ok := strings.Cut(line, "\t"); ok && len(id) == 3 && id == strings.ToUpper(id) {
			out[id] = true
		}
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}

// dictionary reads a word list (one word a line, as /usr/share/dict/words)
// and returns its words as written: common words in lower case, names
// capitalized.
func dictionary(path string) (map[string]bool, error) {
	out := map[string]bool{}
	err := eachLine(path, "word list (apt-get install wamerican)", func(line string, n int) {
		w := line
		if w != "" && !strings.Contains(w, "'") {
			out[w] = true // lower-case words, and capitalized names as written
		}
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}

// writeOrgs writes gazetteer/orgs_generated.tsv.
func writeOrgs(kb, out string, given, words, persons map[string]bool, hand *handNames) error {
	const file = "Phoenix.International.actors.txt"
	places, err := countryCodes(filepath.Join(out, "countries.tsv"))
	if err != nil {
		return err
	}
	people, err := nameWords(kb, given)
	if err != nil {
		return err
	}
	orgs, err := internationalOrgs(filepath.Join(kb, file), given, words, persons, places, people)
	if err != nil {
		return err
	}
	w, err := createTSV(out, "orgs_generated.tsv", "id\tname\taliases\tcountry\tsector\tcode\tsource",
		"International organisations and their organs, NGOs, companies and news outlets (ORG) of the",
		"international actors dictionary. id: the primary name (a company's without Inc, Corp...);",
		"aliases |-separated; country: the ISO3 code of the state the code names, if any; sector: IGO, NGO,",
		"BUS (a company) or MED (an outlet); code: the dictionary's code (IGOUNODEV...); source: file and line. Names of",
		"up to four capitals match in their case only; single words that are common English words",
		"(wamerican's list) are left out. Hand rows of orgs.tsv, and any name a table holds, win.",
	)
	if err != nil {
		return err
	}
	orgs = byAcronym(orgs)
	kept := orgs[:0]
	for _, o := range orgs {
		// a body a hand row names takes its id; names of hand tables, of
		// places and of the generated groups are theirs
		id, names := hand.body(o.id, append([]string{o.name}, o.aliases...))
		names = slices.DeleteFunc(names, func(n string) bool { return hand.generated[nameKey(n)] })
		if len(names) == 0 {
			continue
		}
		if !hand.isBody(id) && names[0] != o.name {
			// the primary name is another table's ("El paso" the city's):
			// the id follows the name left ("El paso corporation")
			id = strings.ToUpper(strings.NewReplacer(" ", "_", "-", "_", "'", "").Replace(names[0]))
		}
		o.id, o.name, o.aliases = id, names[0], names[1:]
		kept = append(kept, o)
	}
	orgs = kept
	seen := map[string]bool{}
	rows := map[string]int{}
	type row struct {
		o       org
		aliases []string
	}
	var list []row
	for _, o := range orgs {
		k, dup := rows[o.id]
		if dup && hand.isBody(o.id) {
			o.aliases = append([]string{o.name}, o.aliases...) // one more row of a hand body
		}
		if !dup {
			if seen[strings.ToLower(o.name)] {
				continue
			}
			seen[strings.ToLower(o.name)] = true
			rows[o.id] = len(list)
			list = append(list, row{o: o})
			k = len(list) - 1
		}
		for _, a := range o.aliases {
			if !seen[strings.ToLower(a)] {
				seen[strings.ToLower(a)] = true
				list[k].aliases = append(list[k].aliases, a)
			}
		}
	}
	for _, r := range list {
		for _, n := range append([]string{r.o.name}, r.aliases...) {
			hand.generated[nameKey(n)] = true
		}
		fmt.Fprintf(w, "%s\t%s\t%s\t%s\t%s\t%s\t%s:%d\n", r.o.id, r.o.name, strings.Join(r.aliases, "|"), r.o.country, r.o.sector, r.o.code, file, r.o.line)
	}
	return w.Close()
}
