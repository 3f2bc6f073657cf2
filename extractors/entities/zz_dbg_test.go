package entities

import (
	"fmt"
	"os"
	"testing"

	"github.com/communique/communique/extractors"
)

func TestZZDebug(t *testing.T) {
	txt := os.Getenv("DBG")
	if txt == "" {
		t.Skip()
	}
	d := doc(t, txt)
	s := new(scratch)
	splitUnits(d, s)
	for _, u := range s.units {
		fmt.Printf("%d:%q/%s ", u.sent, txt[u.start:u.end], u.tag)
	}
	fmt.Println()
	d.Mentions = nil
	if err := testTagger.Extract(d); err != nil {
		t.Fatal(err)
	}
	for _, m := range d.Mentions {
		fmt.Println(show(txt, m))
	}
	_ = extractors.Mention{}
}
