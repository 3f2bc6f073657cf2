package main

import (
	"slices"
	"testing"
)

func testHand() *handNames {
	return &handNames{
		bodies:    map[string]string{"army of the north": "NORTH_ARMY", "ana": "NORTH_ARMY", "peoples army": "OTHER_ARMY", "shared name": ""},
		ids:       map[string]bool{"NORTH_ARMY": true, "OTHER_ARMY": true},
		places:    map[string]bool{"riverton": true, "freedonian": true},
		people:    map[string]bool{"jon example": true},
		generated: map[string]bool{"front of the hills": true},
	}
}

// TestHandBody checks that a generated body takes the hand id of its primary
// name only, and loses the names hand tables hold.
func TestHandBody(t *testing.T) {
	h := testHand()
	tests := []struct {
		id     string
		names  []string
		wantID string
		want   []string
	}{
		{"ARMY_OF_THE_NORTH", []string{"Army of the north", "Northern army", "ANA"}, "NORTH_ARMY", []string{"Northern army"}},
		{"HILL_FRONT", []string{"Hill front", "Peoples army"}, "HILL_FRONT", []string{"Hill front"}},
		{"RIVERTON", []string{"Riverton", "Riverton holdings"}, "RIVERTON", []string{"Riverton holdings"}},
		{"SHARED_NAME", []string{"Shared name", "Other"}, "SHARED_NAME", []string{"Other"}},
	}
	for _, tc := range tests {
		id, got := h.body(tc.id, tc.names)
		if id != tc.wantID || !slices.Equal(got, tc.want) {
			t.Errorf("body(%s, %q) = %s, %q; want %s, %q", tc.id, tc.names, id, got, tc.wantID, tc.want)
		}
	}
}

// TestHandPerson checks that a hand table's person, and a "person" named
// like a place or body, are left out.
func TestHandPerson(t *testing.T) {
	h := testHand()
	tests := []struct {
		names []string
		want  []string
		ok    bool
	}{
		{[]string{"Ann Sample", "Anne Sample"}, []string{"Ann Sample", "Anne Sample"}, true},
		{[]string{"Jonathan Example", "Jon Example"}, nil, false},
		{[]string{"Riverton", "Ann Sample"}, nil, false},
		{[]string{"Ann Sample", "Front of the hills"}, []string{"Ann Sample"}, true},
	}
	for _, tc := range tests {
		got, ok := h.person(tc.names)
		if ok != tc.ok || !slices.Equal(got, tc.want) {
			t.Errorf("person(%q) = %q, %v; want %q, %v", tc.names, got, ok, tc.want, tc.ok)
		}
	}
}

// TestPersonLike checks the names of people among a group's names.
func TestPersonLike(t *testing.T) {
	h := testHand()
	given := map[string]bool{"ANN": true, "FREEDONIAN": true, "SOUTH": true}
	tests := []struct {
		p    string
		want bool
	}{
		{"Ann sample", true},
		{"Ann sample brigades", false},
		{"Freedonian resistance", false},
		{"South hill volunteers", false},
		{"Hill front", false},
		{"Ann of the very long name", false},
		{"Sheikh ann sample", true},
		{"Sheikh brigades", false},
	}
	titles := map[string]bool{"sheikh": true}
	for _, tc := range tests {
		if got := personLike(tc.p, given, titles, h); got != tc.want {
			t.Errorf("personLike(%q) = %v; want %v", tc.p, got, tc.want)
		}
	}
}

// TestGroupName checks the group names that would collide with ordinary
// text: common words, fragments and initials; a leading "The" is dropped.
func TestGroupName(t *testing.T) {
	words := map[string]bool{"red": true, "line": true, "son": true, "south": true, "direct": true, "action": true,
		"army": true, "liberation": true, "national": true, "foundation": true}
	for in, want := range map[string]string{
		"Red line":                        "",
		"Direct action":                   "",
		"Sons of the south":               "",
		"The foundation":                  "",
		"Ann h sample":                    "",
		"Five c's":                        "",
		"National liberation army":        "National liberation army",
		"The freedonian liberation army":  "Freedonian liberation army",
		"Lashkar e sample":                "Lashkar e sample",
		"Freedonian action":               "Freedonian action",
		"Liberation army of the red line": "Liberation army of the red line",
	} {
		if got := groupName(in, words); got != want {
			t.Errorf("groupName(%q) = %q; want %q", in, got, want)
		}
	}
}

// TestNameKeyAndFoldID checks the folding of names and ids.
func TestNameKeyAndFoldID(t *testing.T) {
	if got := nameKey("Al-Qa'ida"); got != "al qaida" {
		t.Errorf("nameKey = %q", got)
	}
	if got := foldID("ANN_SÄMPLE"); got != "ANN_SAMPLE" {
		t.Errorf("foldID = %q", got)
	}
}

// TestPlural checks the regular plurals of agent nouns.
func TestPlural(t *testing.T) {
	for in, want := range map[string]string{"rebel": "rebels", "police chief": "police chiefs", "militia": "militias",
		"deputy": "deputies", "boss": "bosses", "envoy": "envoys"} {
		if got := plural(in); got != want {
			t.Errorf("plural(%q) = %q; want %q", in, got, want)
		}
	}
}
