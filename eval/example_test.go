package eval_test

import (
	"fmt"

	"github.com/communique/communique/eval"
	"github.com/communique/communique/models"
)

func ExampleScore() {
	gold := eval.Article{
		ID:   "a",
		Text: "CSTO will assist Tajikistan.",
		Entities: []eval.Entity{
			{Start: 0, End: 4, Label: models.Org, CanonicalID: "CSTO"},
			{Start: 17, End: 27, Label: models.State, CanonicalID: "TJK"},
		},
	}
	pred := eval.Prediction{Entities: []models.Entity{
		{Start: 0, End: 4, Label: models.Org, CanonicalID: "CSTO"},
		{Start: 17, End: 28, Label: models.State, CanonicalID: "TJK"}, // one code point too long
	}}
	r := eval.Score(gold, pred)
	fmt.Printf("strict F1 %.2f, lenient F1 %.2f, canonical accuracy %.2f\n",
		r.EntitiesStrict.F1(), r.EntitiesLenient.F1(), r.Canonical.Value())
	for _, d := range r.Diff {
		fmt.Println(d.Kind, d.Text, d.Detail)
	}
	// Output:
	// strict F1 0.50, lenient F1 1.00, canonical accuracy 1.00
	// SPAN Tajikistan predicted [17,28) "Tajikistan."
}
