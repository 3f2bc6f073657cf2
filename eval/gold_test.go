package eval

import (
	"errors"
	"io/fs"
	"strings"
	"testing"

	"github.com/communique/communique/data"
	"github.com/communique/communique/models"
)

func TestReadGold(t *testing.T) {
	ok := `{"id":"a","text":"CSTO – Tajikistan","entities":[{"start":7,"end":17,"label":"STATE","canonical_id":"TJK","text":"Tajikistan"}],"commitments":[],"positions":[]}`
	tests := []struct {
		name    string
		in      string
		ids     []string
		wantErr string // substring; "" for none
	}{
		{"two articles and a blank line", ok + "\n\n" + strings.Replace(ok, `"a"`, `"b"`, 1) + "\n", []string{"a", "b"}, ""},
		{"no final newline", ok, []string{"a"}, ""},
		{"empty", "", nil, ""},
		{"bad json names the line", ok + "\n{", []string{"a"}, "line 2:"},
		{"byte offsets are outside the code point text", strings.Replace(ok, `"start":7,"end":17`, `"start":9,"end":19`, 1), nil, "outside text"},
		{"span outside text", `{"id":"a","text":"abc","entities":[{"start":1,"end":4,"label":"ORG","canonical_id":"X"}]}`, nil, "line 1: invalid gold"},
		{"text mismatch", strings.Replace(ok, `"start":7,"end":17`, `"start":6,"end":16`, 1), nil, "text[6:16]"},
		{"unknown label", strings.Replace(ok, "STATE", "COUNTRY", 1), nil, "unknown label"},
		{"overlapping entities", `{"id":"a","text":"CSTO Joint Staff","entities":[{"start":0,"end":16,"label":"ORG","canonical_id":"CSTO_JOINT_STAFF"},{"start":0,"end":4,"label":"ORG","canonical_id":"CSTO"}]}`, nil, "overlap"},
		{"unknown stance", `{"id":"a","text":"abc","positions":[{"start":0,"end":3,"actor_ids":["X"],"stance":"PRAISE"}]}`, nil, "unknown stance"},
		{"empty span", `{"id":"a","text":"abc","commitments":[{"start":2,"end":2,"actor_ids":["X"],"modality":"pledge"}]}`, nil, "outside text"},
		{"missing id", `{"text":"abc"}`, nil, "without id"},
		{"bad date", `{"id":"a","published":"15.09.2021","text":"abc"}`, nil, "YYYY-MM-DD"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var ids []string
			var err error
			for a, e := range ReadGold(strings.NewReader(tc.in)) {
				if e != nil {
					err = e
					break
				}
				ids = append(ids, a.ID)
			}
			if strings.Join(ids, ",") != strings.Join(tc.ids, ",") {
				t.Errorf("ReadGold ids = %v; want %v", ids, tc.ids)
			}
			switch {
			case tc.wantErr == "" && err != nil:
				t.Errorf("ReadGold error %v; want none", err)
			case tc.wantErr != "" && (err == nil || !strings.Contains(err.Error(), tc.wantErr)):
				t.Errorf("ReadGold error %v; want one containing %q", err, tc.wantErr)
			}
		})
	}
}

// TestEmbeddedGold checks every gold file of data/gold: spans within the
// text and non-empty, entities not overlapping, known labels and stances
// (all by Validate), and actor ids on every commitment and position, which
// could never match without them.
func TestEmbeddedGold(t *testing.T) {
	names, err := fs.Glob(data.FS(), "gold/*.jsonl")
	if err != nil || len(names) == 0 {
		t.Fatalf("no embedded gold: %v", err)
	}
	for _, name := range names {
		b, err := data.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		n := 0
		for a, err := range ReadGold(strings.NewReader(string(b))) {
			if err != nil {
				t.Fatalf("%s: %v", name, err)
			}
			n++
			for i, c := range a.Commitments {
				if len(c.ActorIDs) == 0 {
					t.Errorf("%s: %s commitment %d has no actor", name, a.ID, i)
				}
			}
			for i, p := range a.Positions {
				if len(p.ActorIDs) == 0 {
					t.Errorf("%s: %s position %d has no actor", name, a.ID, i)
				}
			}
		}
		if n == 0 {
			t.Errorf("%s: no article", name)
		}
	}
}

func TestValidateSentinel(t *testing.T) {
	err := Article{ID: "a", Text: "ab", Entities: []Entity{{Start: 0, End: 3, Label: models.Org}}}.Validate()
	if !errors.Is(err, ErrInvalidGold) {
		t.Errorf("Validate() = %v; want ErrInvalidGold", err)
	}
}
