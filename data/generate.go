package data

// The country list is generated from Debian's iso-codes; see
// internal/gencountries. Run `go generate ./data` after `apt-get install iso-codes`.
//go:generate go run ./internal/gencountries -in /usr/share/iso-codes/json/iso_3166-1.json -out gazetteer/countries.tsv
