package stances_test

import (
	"fmt"

	"github.com/communique/communique/extractors"
	"github.com/communique/communique/extractors/segment"
	"github.com/communique/communique/extractors/stances"
	"github.com/communique/communique/models"
)

func ExampleExtractor_Extract() {
	seg, err := segment.New()
	if err != nil {
		panic(err)
	}
	x, err := stances.New()
	if err != nil {
		panic(err)
	}
	text := "The CSTO ministers met in Dushanbe. They called on the Taliban to refrain from violence " +
		"and said assistance would be rendered to Tajikistan in case of aggravation."
	sents, toks, err := seg.Segment(text)
	if err != nil {
		panic(err)
	}
	d := extractors.NewDoc(models.Article{ArticleID: "example", Text: text}, sents, toks)
	// the entities extractor fills in the mentions; here they are made by hand
	for _, m := range []struct {
		form  string
		label models.Label
		id    string
	}{{"CSTO", models.Org, "CSTO"}, {"Dushanbe", models.Place, "DUSHANBE"}, {"Taliban", models.Group, "TALIBAN"}, {"Tajikistan", models.State, "TJK"}} {
		var at int
		for i := range text {
			if len(text[i:]) >= len(m.form) && text[i:i+len(m.form)] == m.form {
				at = i
				break
			}
		}
		d.Mentions = append(d.Mentions, extractors.Mention{Start: at, End: at + len(m.form), Label: m.label, ID: m.id, Sentence: d.SentenceOf(at)})
	}
	if err := x.Extract(d); err != nil {
		panic(err)
	}
	for _, p := range d.Positions {
		fmt.Printf("position: %v %s %q targets %v (%s %s)\n", p.ActorIDs, p.Stance, p.Topic, p.TargetIDs, p.PloverType, p.CameoCode)
	}
	for _, c := range d.Commitments {
		fmt.Printf("commitment: %v %s %q targets %v if %q (%s %s)\n", c.ActorIDs, c.Modality, c.Action, c.TargetIDs, *c.Condition, c.PloverType, c.CameoCode)
	}
	// Output:
	// position: [CSTO] CALL "the Taliban to refrain from violence" targets [TALIBAN] (REQUEST 1056)
	// commitment: [CSTO] pledge "render assistance" targets [TJK] if "in case of aggravation" (AGREE 033)
}
