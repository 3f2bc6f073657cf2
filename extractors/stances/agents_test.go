package stances_test

import (
	"bufio"
	"encoding/json"
	"os"
	"slices"
	"testing"

	"github.com/communique/communique/extractors/entities"
)

// TestActorSectorsFromAgents runs the entity tagger and the rules on the
// articles of testdata/agents.jsonl and checks each row's actors, actor
// countries and actor sectors: an agent noun after a state's mention
// ("protesters", "army") gives that row the agent's sector, and only that
// row; the state named alone keeps the government's.
func TestActorSectorsFromAgents(t *testing.T) {
	tg, err := entities.New()
	if err != nil {
		t.Fatal(err)
	}
	f, err := os.Open("testdata/agents.jsonl")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	type want struct {
		Actors, Countries, Sectors []string
	}
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		var tc struct {
			Name, Text string
			Rows       []want
		}
		if err := json.Unmarshal(sc.Bytes(), &tc); err != nil {
			t.Fatal(err)
		}
		t.Run(tc.Name, func(t *testing.T) {
			d := newDoc(t, "a", tc.Text)
			if err := tg.Extract(d); err != nil {
				t.Fatal(err)
			}
			if err := ext.Extract(d); err != nil {
				t.Fatal(err)
			}
			type row struct {
				start int32
				want
			}
			var rows []row
			for _, c := range d.Commitments {
				rows = append(rows, row{c.Start, want{c.ActorIDs, c.ActorCountries, c.ActorSectors}})
			}
			for _, p := range d.Positions {
				rows = append(rows, row{p.Start, want{p.ActorIDs, p.ActorCountries, p.ActorSectors}})
			}
			slices.SortStableFunc(rows, func(a, b row) int { return int(a.start - b.start) })
			if len(rows) != len(tc.Rows) {
				t.Fatalf("%q: rows %+v; want %+v", tc.Text, rows, tc.Rows)
			}
			for i, w := range tc.Rows {
				g := rows[i].want
				if !slices.Equal(g.Actors, w.Actors) || !slices.Equal(g.Countries, w.Countries) || !slices.Equal(g.Sectors, w.Sectors) {
					t.Errorf("%q: row %d = %+v; want %+v", tc.Text, i, g, w)
				}
			}
		})
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
}
