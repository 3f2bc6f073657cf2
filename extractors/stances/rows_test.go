package stances

import (
	"slices"
	"testing"
)

// TestWithoutOutlets checks the last guard of the rows: whatever path put a
// news outlet among a row's actors, it is dropped, and a row left with no
// actor is not written.
func TestWithoutOutlets(t *testing.T) {
	st := &state{outlets: map[string]bool{"NORLAND_COURIER": true}}
	tests := []struct {
		ids, want []string
	}{
		{[]string{"NORLAND_COURIER"}, []string{}},
		{[]string{"NORLAND_COURIER", "NRL"}, []string{"NRL"}},
		{[]string{"NRL", "SDL"}, []string{"NRL", "SDL"}},
		{nil, []string{}},
	}
	for _, tt := range tests {
		if got := st.withoutOutlets(tt.ids); got == nil || !slices.Equal(got, tt.want) {
			t.Errorf("withoutOutlets(%v) = %v, want %v", tt.ids, got, tt.want)
		}
	}
}
