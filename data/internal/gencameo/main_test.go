package main

import (
	"sort"
	"strings"
	"testing"
)

func TestConvert(t *testing.T) {
	in := `# header
####### SYNONYM SETS #######
&AUX
+WILL
####### VERB PATTERNS #######
---  DENOUNCE   [111]  ---
CRITICIZE  # comment
+DRESS_DOWN {+DRESSES_DOWN}
CANE [180]
- * SANCTIONS   [053]   # DENOUNCE

---  REFUSE   [---]  ---
REJECT
ACCUSE [112]
---  PLEDGE   [030]  ---
VOW {VOWS VOWED}
CRITICIZE
`
	rows, forms, err := convert(strings.NewReader(in), map[string]string{"111": "position:CONDEMN", "112": "position:CONDEMN", "03": "commitment:pledge"})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, r := range rows {
		got = append(got, strings.Join(r, " "))
	}
	want := []string{
		"accuse 112 position:CONDEMN REFUSE:14",
		"criticize 111 position:CONDEMN DENOUNCE:7",
		"vow 030 commitment:pledge PLEDGE:16",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("convert:\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	got = nil
	for _, r := range forms {
		got = append(got, strings.Join(r, " "))
	}
	want = []string{
		"canes cane DENOUNCE:9",
		"criticizes criticize DENOUNCE:7",
		"rejects reject REFUSE:13",
		"vows vow PLEDGE:16",
		"accuses accuse REFUSE:14",
	}
	sort.Strings(want)
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("convert forms:\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

func TestThirdPerson(t *testing.T) {
	for _, c := range []struct {
		verb   string
		listed []string
		want   string
	}{
		{"quit", []string{"QUITS", "QUITTING"}, "quits"},
		{"scrap", nil, "scraps"},
		{"press", nil, "presses"},
		{"reach", nil, "reaches"},
		{"deny", nil, "denies"},
		{"obey", nil, "obeys"},
		{"veto", []string{"VETOES", "VETOED"}, "vetoes"},
		{"go", []string{"GOES", "WENT", "GONE"}, "goes"},
	} {
		if got := thirdPerson(c.verb, c.listed); got != c.want {
			t.Errorf("thirdPerson(%q, %v) = %q, want %q", c.verb, c.listed, got, c.want)
		}
	}
}
