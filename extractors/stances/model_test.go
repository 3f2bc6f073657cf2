package stances_test

import (
	"os"
	"testing"

	"github.com/communique/communique/extractors/stances"
	"github.com/communique/communique/linear"
	"github.com/communique/communique/models"
)

func TestExamplesLabelOneCandidatePerGoldRow(t *testing.T) {
	props := []stances.Proposal{
		{TrigStart: 10, TrigEnd: 16, Class: "position:CALL", ActorIDs: []string{"FRA"}, Features: []string{"a"}},
		{TrigStart: 20, TrigEnd: 25, Class: "unknown", ActorIDs: []string{"FRA"}, Features: []string{"b"}},
		{TrigStart: 40, TrigEnd: 45, Class: "commitment:pledge", ActorIDs: []string{"DEU"}, Features: []string{"c"}},
		{TrigStart: 60, TrigEnd: 66, Class: "position:SUPPORT", ActorIDs: []string{"ITA"}, Features: []string{"d"}},
	}
	gold := []stances.GoldRow{
		// the proposal of the same class wins over the first one in the clause
		{Start: 0, End: 30, Class: "position:CALL", ActorIDs: []string{"FRA"}},
		// a commitment of another modality: the commitment candidate, labelled plan
		{Start: 35, End: 50, Class: "commitment:plan", ActorIDs: []string{"DEU"}},
		// no candidate in the clause: not covered
		{Start: 100, End: 120, Class: "position:CONDEMN", ActorIDs: []string{"ESP"}},
		// only a word that proposes another table, not a verb: too noisy to learn from
		{Start: 55, End: 70, Class: "commitment:plan", ActorIDs: []string{"ESP"}},
	}
	ex, cov := stances.Label(props, gold)
	want := []string{"position:CALL", "none", "commitment:plan", "none"}
	for i, e := range ex {
		if e.Class != want[i] {
			t.Errorf("example %d: class %q, want %q", i, e.Class, want[i])
		}
		if len(e.Features) != 1 || e.Features[0] != props[i].Features[0] {
			t.Errorf("example %d: features %v, want the proposal's", i, e.Features)
		}
	}
	if cov != (stances.Coverage{Gold: 4, Trigger: 2, Actor: 2}) {
		t.Errorf("coverage %+v, want 4 gold, 2 with a candidate, 2 with its actor", cov)
	}
}

func TestEmbeddedModelLoadsAndDecides(t *testing.T) {
	m, err := stances.EmbeddedModel()
	if err != nil {
		t.Fatal(err)
	}
	x, err := stances.NewWith(stances.Config{Model: m, MinConfidence: -1})
	if err != nil {
		t.Fatal(err)
	}
	d := extracted(t, x, "Brazil condemned the attack on the embassy.", ent{form: "Brazil", label: models.State, id: "BRA"})
	if len(d.Positions) == 0 {
		t.Fatalf("no position from a plain condemnation")
	}
	p := d.Positions[0]
	if p.Stance != models.Condemn || len(p.ActorIDs) == 0 || p.ActorIDs[0] != "BRA" {
		t.Errorf("position %+v, want CONDEMN by BRA", p)
	}
	if p.Confidence <= 0 || p.Confidence > 1 {
		t.Errorf("confidence %v, want a probability", p.Confidence)
	}
	// a threshold above every probability drops every row
	strict, err := stances.NewWith(stances.Config{Model: m, MinConfidence: 1.01})
	if err != nil {
		t.Fatal(err)
	}
	d = docWith(t, "Brazil condemned the attack on the embassy.", ent{form: "Brazil", label: models.State, id: "BRA"})
	strict.Extract(d)
	if len(d.Positions)+len(d.Commitments) != 0 {
		t.Errorf("MinConfidence above 1 kept %d rows", len(d.Positions)+len(d.Commitments))
	}
}

func TestFitAndLoadModelRoundTrip(t *testing.T) {
	var ex []linear.Example
	for i := 0; i < 30; i++ {
		ex = append(ex,
			linear.Example{Features: []string{"stem=urg", "bias"}, Class: "position:CALL"},
			linear.Example{Features: []string{"stem=vow", "bias"}, Class: "commitment:pledge"},
			linear.Example{Features: []string{"stem=visit", "bias"}, Class: "none"},
		)
	}
	actors := []linear.Example{
		{Features: []string{"rel=adjacent"}, Class: "actor"}, {Features: []string{"rel=far"}, Class: "other"},
		{Features: []string{"rel=adjacent"}, Class: "actor"}, {Features: []string{"rel=far"}, Class: "other"},
	}
	m, err := stances.Fit(ex, actors, linear.Config{Epochs: 5})
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	if err := m.WriteDir(dir); err != nil {
		t.Fatal(err)
	}
	if _, err := stances.LoadModel(osDirFS(dir)); err != nil {
		t.Fatalf("LoadModel of a written model: %v", err)
	}
	if _, err := stances.LoadModel(osDirFS(t.TempDir())); err == nil {
		t.Error("LoadModel of an empty directory: want an error")
	}
}

var osDirFS = os.DirFS

func TestLabelActorsMarksTheGoldActorsOptions(t *testing.T) {
	props := []stances.Proposal{{
		TrigStart: 10, TrigEnd: 16, Class: "position:CALL", ActorIDs: []string{"AFP"}, Verb: true,
		Actors: []stances.ActorOption{
			{IDs: []string{"AFP"}, Features: []string{"src=resolved"}},
			{IDs: []string{"JOHN_DOE", "FRA"}, Features: []string{"src=mention"}},
		},
	}}
	gold := []stances.GoldRow{{Start: 0, End: 30, Class: "position:CALL", ActorIDs: []string{"FRA"}}}
	_, actors, cov := stances.LabelActors(props, gold)
	if len(actors) != 2 || actors[0].Class != "other" || actors[1].Class != "actor" {
		t.Errorf("actor examples %+v, want other then actor", actors)
	}
	if cov.Actor != 0 || cov.Option != 1 {
		t.Errorf("coverage %+v, want the actor among the options only", cov)
	}
}
