package entities_test

import (
	"fmt"

	"github.com/communique/communique/extractors"
	"github.com/communique/communique/extractors/entities"
	"github.com/communique/communique/extractors/segment"
	"github.com/communique/communique/models"
)

func Example() {
	seg, err := segment.New() // build both once and share them
	if err != nil {
		panic(err)
	}
	tagger, err := entities.New()
	if err != nil {
		panic(err)
	}
	text := "Tajik President Emomali Rahmon met CSTO secretary-general Stanislav Zas in Dushanbe. Zas said Kabul's statements matter."
	sents, toks, err := seg.Segment(text)
	if err != nil {
		panic(err)
	}
	d := extractors.NewDoc(models.Article{ArticleID: "a1", Text: text}, sents, toks)
	if err := tagger.Extract(d); err != nil {
		panic(err)
	}
	for _, e := range d.EntityRows() {
		fmt.Printf("%d-%d %s %s %s", e.Start, e.End, e.Text, e.Label, e.CanonicalID)
		if e.Role != nil {
			fmt.Printf(" (%s of %s)", *e.Role, *e.AffiliationID)
		}
		fmt.Println()
	}
	// Output:
	// 0-5 Tajik STATE TJK
	// 16-30 Emomali Rahmon OFFICIAL EMOMALI_RAHMON (President of TJK)
	// 35-39 CSTO ORG CSTO
	// 58-71 Stanislav Zas OFFICIAL STANISLAV_ZAS (Secretary-General of CSTO)
	// 75-83 Dushanbe PLACE DUSHANBE
	// 85-88 Zas OFFICIAL STANISLAV_ZAS (Secretary-General of CSTO)
	// 94-99 Kabul STATE AFG
}
