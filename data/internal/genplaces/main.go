// Command genplaces writes gazetteer/places_generated.tsv, the cities and
// first-level regions the entity tagger knows beyond the hand-edited
// gazetteer/places.tsv, from two maintained sources:
//
//   - the ISO 3166-2 subdivisions (provinces, regions, states, governorates,
//     ...) of Debian's iso-codes package (apt-get install iso-codes;
//     LGPL-2.1+);
//   - the populated places of Natural Earth (public domain) as packaged by
//     the npm package city-timezones (MIT): cities of at least -minpop
//     inhabitants.
//
// It runs from the data package with go generate:
//
//	npm install --prefix /tmp/city-timezones city-timezones@1.3.4
//	go run ./internal/genplaces -iso /usr/share/iso-codes/json/iso_3166-2.json \
//		-cities /tmp/city-timezones/node_modules/city-timezones/data/cityMap.json
//
// The output is committed, so builds need neither package. Names the hand
// files already hold (a capital in states.tsv, a city in places.tsv, an
// organization's alias) are left out, and so are names that are common words
// or given names ("Reading", "Victoria"), which would otherwise tag text that
// is no place.
package main

import (
	"bufio"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"sort"
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

func main() {
	iso := flag.String("iso", "/usr/share/iso-codes/json/iso_3166-2.json", "iso-codes iso_3166-2.json")
	cities := flag.String("cities", "/tmp/city-timezones/node_modules/city-timezones/data/cityMap.json", "city-timezones cityMap.json")
	minPop := flag.Float64("minpop", 150000, "least population of a city")
	out := flag.String("out", "gazetteer/places_generated.tsv", "output TSV")
	flag.Parse()
	if err := run(*iso, *cities, *minPop, *out); err != nil {
		fmt.Fprintln(os.Stderr, "genplaces:", err)
		os.Exit(1)
	}
}

// handFiles are the gazetteers whose names win over generated ones.
var handFiles = []string{
	"gazetteer/countries.tsv", "gazetteer/states.tsv", "gazetteer/places.tsv",
	"gazetteer/orgs.tsv", "gazetteer/operations.tsv", "gazetteer/officials.tsv",
}

// regionTypes are the ISO 3166-2 subdivision types that news reports name.
var regionTypes = map[string]bool{
	"Province": true, "Region": true, "State": true, "Governorate": true, "Prefecture": true,
	"Autonomous region": true, "Autonomous republic": true, "Republic": true, "Land": true,
	"Autonomous community": true, "Regional state": true, "Emirate": true, "Autonomous province": true,
	"Federal district": true, "Administrative region": true, "Territory": true, "Union territory": true,
	"Autonomous city": true, "Special administrative region": true, "Metropolitan region": true,
}

// suffixes of ISO names that English text leaves out ("Anhui Sheng" is Anhui).
var suffixes = []string{" Zizhiqu", " Sheng", " Shi", " SAR"}

// localWords mark ISO names in a transliterated local form that English text
// does not use ("Kurskaja oblast'" is the Kursk region).
var localWords = []string{"oblast", "oblysy", "kraj", "kray", "okrug", "Respublika", "Respublikasi", "viloyati", "vilayaty", "ili", "Huizu", "Zhuangzu", "Weiwu'er"}

// stopNames are names of places that are also common words, given names or
// surnames, or compass words; they are not tagged.
var stopNames = map[string]bool{}

func init() {
	for _, n := range strings.Fields(`Victoria Regina Hamilton Windsor Kingston Springs Reading York Mesa Aurora Gary
		Columbia Mobile Madison Lincoln Eugene Charlotte Augusta Austin Jackson Richmond Montgomery Savannah
		Lancaster Salem Durham Hampton Everett Davenport Lowell Canton Albany Rochester Portland Buffalo Phoenix
		Columbus Cleveland Norfolk Angeles Naga Sagar Pali Puri Gaya Kota Tonk Newark Lexington Providence
		Stoke Oxford Cork Springfield Greenville Covington Glendale Irvine Orlando Paterson Sanford Florence
		Santos Medina Leon Nancy Angers Tours Nice Split Sale Mons Natal Campos Marilia Bari Bay Virginia Georgia
		Northern Southern Eastern Western Central Capital Coast Lakes Upper Lower Centre Centro Center North South
		East West Nord Sud Est Ouest Littoral Plateau Plateaux Highlands Islands Mountain Savanes Maritime
		Kara Man Bo Ho Trinity Concord Independence Liberty Union Progress Mission Hope Victory Unity Warrap
		Jonglei Lakes Sinai Nineveh Alexandria Santiago Salvador Paz Cruz Rosario Trujillo Valencia Merida Cordoba
		Bristol Camden Essex Kent Surrey Perth Darwin Cairns Townsville Carson Wayne Clinton Marion Monroe Franklin
		Washington Tacoma Lansing Kimberley Welkom Paarl Benoni Ondo Owo Iwo Ife Aba Jos Uyo Mubi Bida Minna Gombe
		Sokoto Kano Abia Borno Delta Rivers Cross Imo Niger Kogi Ekiti Edo Oyo Osun Ogun Lagos Kwara Bauchi Yobe
		Zamfara Plateau Nasarawa Benue Taraba Adamawa Jigawa Kebbi Katsina Kaduna Enugu Anambra Ebonyi Akwa
		Chad Congo Guinea Jordan Lebanon Israel Panama Mexico Brazil Peru Chile India China Korea Sudan
		Nowy Ali Hassan Hussein Mohammed Ahmed Omar Said Saad Salah Fatima Khalil Karim Malik Imran Amir
		Kabul Herat Hamburg Bremen Berlin Vienna Wien Moscow Kyiv Minsk Astana Almaty Tashkent Dushanbe Bishkek`) {
		stopNames[n] = true
	}
}

// genericWords make a name that is no more than a direction or a kind of region.
var genericWords = map[string]bool{}

func init() {
	for _, w := range strings.Fields(`North Northern South Southern East Eastern West Western Central Upper Lower
		North-East North-West South-East South-West North-Western South-Western North-Eastern South-Eastern Centrale Northeast Northwest Southeast Southwest Northeastern
		Northwestern Southeastern Southwestern Middle Region Province District State Capital Coast Coastal
		Islands Island Highlands Lowlands Mountains Territory Territories Lakes Valley Nord Sud Est Ouest Centre`) {
		genericWords[w] = true
	}
}

type subdivision struct {
	Code, Name, Type string
}

type city struct {
	City      string  `json:"city"`
	CityASCII string  `json:"city_ascii"`
	Pop       float64 `json:"pop"`
	ISO3      string  `json:"iso3"`
}

type place struct{ name, kind, country string }

func run(isoPath, citiesPath string, minPop float64, out string) error {
	known, err := handNames()
	if err != nil {
		return err
	}
	var places []place
	seen := map[string]bool{}
	addPlace := func(name, kind, country string) {
		name = strings.TrimSpace(name)
		k := fold(name)
		if !usable(name) || known[k] || seen[k] {
			return
		}
		seen[k] = true
		places = append(places, place{name, kind, country})
	}

	b, err := os.ReadFile(isoPath)
	if err != nil {
		return fmt.Errorf("read %s (apt-get install iso-codes): %w", isoPath, err)
	}
	var doc struct {
		Subdivisions []subdivision `json:"3166-2"`
	}
	if err := json.Unmarshal(b, &doc); err != nil {
		return fmt.Errorf("parse %s: %w", isoPath, err)
	}
	if len(doc.Subdivisions) < 3000 {
		return fmt.Errorf("%s: only %d subdivisions", isoPath, len(doc.Subdivisions))
	}
	for _, s := range doc.Subdivisions {
		if !regionTypes[s.Type] {
			continue
		}
		name := s.Name
		if i := strings.Index(name, " ["); i >= 0 {
			name = name[:i]
		}
		for _, suf := range suffixes {
			name = strings.TrimSuffix(name, suf)
		}
		cc, _, _ := strings.Cut(s.Code, "-")
		addPlace(name, "region", cc)
	}

	b, err = os.ReadFile(citiesPath)
	if err != nil {
		return fmt.Errorf("read %s (npm install city-timezones): %w", citiesPath, err)
	}
	var cs []city
	if err := json.Unmarshal(b, &cs); err != nil {
		return fmt.Errorf("parse %s: %w", citiesPath, err)
	}
	if len(cs) < 5000 {
		return fmt.Errorf("%s: only %d cities", citiesPath, len(cs))
	}
	sort.SliceStable(cs, func(i, j int) bool { return cs[i].Pop > cs[j].Pop })
	for _, c := range cs {
		if c.Pop < minPop {
			break
		}
		addPlace(c.CityASCII, "city", c.ISO3)
	}

	sort.Slice(places, func(i, j int) bool { return places[i].name < places[j].name })
	f, err := os.Create(out)
	if err != nil {
		return err
	}
	w := bufio.NewWriter(f)
	fmt.Fprintln(w, "# Generated by data/internal/genplaces from Debian iso-codes iso_3166-2.json and the Natural Earth")
	fmt.Fprintln(w, "# populated places of the npm package city-timezones. DO NOT EDIT: add names to places.tsv,")
	fmt.Fprintln(w, "# which wins, or stop words to genplaces.")
	fmt.Fprintln(w, "name\tid\tkind\tcountry")
	for _, p := range places {
		fmt.Fprintf(w, "%s\t%s\t%s\t%s\n", p.name, snake(p.name), p.kind, p.country)
	}
	if err := w.Flush(); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

// handNames returns the folded names of the hand-edited gazetteers.
func handNames() (map[string]bool, error) {
	known := map[string]bool{}
	for _, file := range handFiles {
		b, err := os.ReadFile(file)
		if err != nil {
			return nil, err
		}
		for _, line := range strings.Split(string(b), "\n") {
			if strings.HasPrefix(line, "#") {
				continue
			}
			for _, field := range strings.Split(line, "\t") {
				for _, name := range strings.Split(field, "|") {
					if name = strings.TrimSpace(name); name != "" {
						known[fold(name)] = true
					}
				}
			}
		}
	}
	return known, nil
}

// usable reports whether a name may be matched in running text: Latin
// letters, capitalized words (particles such as "de" and "al" aside), at
// least four letters, none of localWords, not a stop name.
func usable(name string) bool {
	if len([]rune(name)) < 4 || stopNames[name] || stopNames[fold1(name)] {
		return false
	}
	for _, lw := range localWords {
		if strings.Contains(name, lw) {
			return false
		}
	}
	for _, r := range name {
		if !(r < 0x250 && (unicode.IsLetter(r) || r == ' ' || r == '-' || r == '.')) {
			return false // ISO transliteration marks, "Adygeja, Respublika"
		}
	}
	words := strings.Fields(name)
	generic := true
	for _, w := range words {
		generic = generic && genericWords[w]
	}
	if generic {
		return false // "North Western", "Northern Region"
	}
	for i, w := range words {
		if !unicode.IsUpper([]rune(w)[0]) && (i == 0 || len(w) > 4) {
			return false
		}
	}
	return true
}

// fold returns a name in lower case without accents, for comparing names.
func fold(s string) string {
	return strings.ToLower(fold1(s))
}

// fold1 removes accents.
func fold1(s string) string {
	var b strings.Builder
	for _, r := range norm.NFD.String(s) {
		if !unicode.Is(unicode.Mn, r) {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// snake returns the upper snake case id of a name, as entities.SnakeID does.
func snake(name string) string {
	var b strings.Builder
	gap := false
	for _, r := range fold1(name) {
		switch {
		case r == '\'' || r == '.':
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			if gap && b.Len() > 0 {
				b.WriteByte('_')
			}
			gap = false
			b.WriteRune(unicode.ToUpper(r))
		default:
			gap = true
		}
	}
	return b.String()
}
