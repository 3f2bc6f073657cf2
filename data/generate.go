package data

// The country list is generated from Debian's iso-codes; see
// internal/gencountries. Run `go generate ./data` after `apt-get install iso-codes`.
//go:generate go run ./internal/gencountries -in /usr/share/iso-codes/json/iso_3166-1.json -out gazetteer/countries.tsv

// Cities and regions beyond the hand-edited places.tsv are generated from
// iso-codes' ISO 3166-2 subdivisions and the Natural Earth populated places of
// the npm package city-timezones (see internal/genplaces); first run
// `npm install --prefix /tmp/city-timezones city-timezones@1.3.4`.
//go:generate go run ./internal/genplaces -iso /usr/share/iso-codes/json/iso_3166-2.json -cities /tmp/city-timezones/node_modules/city-timezones/data/cityMap.json -out gazetteer/places_generated.tsv

// Given names for the person-name recogniser are generated from the
// PETRARCH2 / Phoenix actor dictionaries (MIT) kept in ../shared/kb; see
// internal/genphoenix. First run `apt-get install wamerican` (its word list
// keeps common words out of single-word organisation names and given names)
// and fetch the US Social Security Administration's national baby-name
// files (public domain) as the generated table has them:
// `git clone https://github.com/hackerb9/ssa-baby-names /tmp/ssa-baby-names &&
// git -C /tmp/ssa-baby-names checkout 0b1a1316457d` (raw-data/yob1880.txt to
// yob2020.txt, the files of the SSA's names.zip unchanged).
//go:generate go run ./internal/genphoenix -kb ../../shared/kb/petrarch2 -census internal/genphoenix/census1990 -ssa /tmp/ssa-baby-names/raw-data -ssa-min 500 -words /usr/share/dict/words -out gazetteer

// The CAMEO verbs that can propose a commitment or a position are generated
// from PETRARCH2's CAMEO verb dictionary in ../shared/kb (see internal/gencameo).
//go:generate go run ./internal/gencameo -in ../../shared/kb/petrarch2/CAMEO.2.0.txt -classes lexicon/cameo_classes.tsv -out lexicon/cameo.tsv -verbs lexicon/verbs.tsv
