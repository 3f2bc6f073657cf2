package segment

import (
	"fmt"
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
