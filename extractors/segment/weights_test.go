package segment

import (
	"fmt"
	"strings"
	"testing"
)

// TestWeightTable fills a table to its size, so that some lookups probe past
// other features' slots (about 40 of the 300), and checks that every feature adds exactly its own
// weights and that features it lacks (a prefix or an extension of a key,
// the empty key) add none.
func TestWeightTable(t *testing.T) {
	const n = 300
	tbl := newWeightTable(n)
	want := map[string][]classWeight{}
	for i := range n {
		key := fmt.Sprintf("i word w%d", i)
		ws := []classWeight{{int32(i % 7), float64(i) + 0.5}, {int32(7 + i%5), -float64(i)}}
		if i%10 == 0 {
			ws = ws[:1]
		}
		if err := tbl.add(key, ws); err != nil {
			t.Fatal(err)
		}
		want[key] = ws
	}
	tests := []struct {
		name string
		keys []string
	}{
		{"present", []string{"i word w0", "i word w1", "i word w299"}},
		{"all", func() (keys []string) {
			for i := range n {
				keys = append(keys, fmt.Sprintf("i word w%d", i))
			}
			return keys
		}()},
		{"absent", []string{"", "i word", "i word w", "i word w3000", "i word w1 ", "bias"}},
		{"more than a batch", func() (keys []string) {
			for i := range 2*batch + 3 {
				keys = append(keys, fmt.Sprintf("i word w%d", i*7), fmt.Sprintf("i word x%d", i))
			}
			return keys
		}()},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var keys featureKeys
			gotScores, gotTouched := make([]float64, 12), make([]bool, 12)
			wantScores, wantTouched := make([]float64, 12), make([]bool, 12)
			for _, k := range tc.keys {
				keys.add(k)
				for _, cw := range want[k] {
					wantScores[cw.class] += cw.weight
					wantTouched[cw.class] = true
				}
			}
			tbl.addTo(&keys, gotScores, gotTouched)
			for c := range gotScores {
				if gotScores[c] != wantScores[c] || gotTouched[c] != wantTouched[c] {
					t.Errorf("addTo(%q): class %d = %v, %v; want %v, %v", tc.keys, c, gotScores[c], gotTouched[c], wantScores[c], wantTouched[c])
				}
			}
		})
	}
}

// TestWeightTableAddRefuses checks that add refuses a feature past half the
// table's slots (it used to fill every slot, then probe for ever) and one
// that does not fit a record, and that a refused feature leaves no bytes.
func TestWeightTableAddRefuses(t *testing.T) {
	ok := []classWeight{{1, 0.5}}
	tests := []struct {
		name    string
		size    int // features the table is made for
		fill    int // features added before the one tested
		key     string
		ws      []classWeight
		wantErr bool
	}{
		{"last free place", 3, 3, "k", ok, false},
		{"half the slots taken", 3, 4, "k", ok, true},
		{"table for none", 0, 0, "k", ok, true},
		{"negative class", 3, 0, "k", []classWeight{{1, 0.5}, {-1, 0.5}}, true},
		{"class past a byte", 3, 0, "k", []classWeight{{1, 0.5}, {256, 0.5}}, true},
		{"largest class", 3, 0, "k", []classWeight{{255, 0.5}}, false},
		{"too many weights", 3, 0, "k", make([]classWeight, 256), true},
		{"key too long", 3, 0, strings.Repeat("k", 1<<16), ok, true},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			tbl := newWeightTable(tc.size)
			for i := range tc.fill {
				if err := tbl.add(fmt.Sprintf("f%d", i), ok); err != nil {
					t.Fatalf("add(f%d) = %v", i, err)
				}
			}
			recs := len(tbl.recs)
			err := tbl.add(tc.key, tc.ws)
			if (err != nil) != tc.wantErr {
				t.Fatalf("add(%.10q, %v) = %v; want error %v", tc.key, tc.ws, err, tc.wantErr)
			}
			if err != nil && len(tbl.recs) != recs {
				t.Errorf("add(%.10q, %v) = %v and left %d bytes of a record", tc.key, tc.ws, err, len(tbl.recs)-recs)
			}
		})
	}
}
