package main

import (
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
	rows, err := convert(strings.NewReader(in), map[string]string{"111": "position:CONDEMN", "112": "position:CONDEMN", "03": "commitment:pledge"})
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
}
