package main

import (
	"os"
	"path/filepath"
	"testing"
)

// TestSSABirths checks that the births of a name are summed over sexes and
// years.
func TestSSABirths(t *testing.T) {
	dir := t.TempDir()
	files := map[string]string{
		"yob1990.txt": "Quilla,F,700\nQuilla,M,12\nTorvald,M,5\n",
		"yob1991.txt": "Quilla,F,300\n",
	}
	for name, text := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	births, first, last, err := ssaBirths(dir)
	if err != nil {
		t.Fatal(err)
	}
	if births["QUILLA"] != 1012 || births["TORVALD"] != 5 || first != 1990 || last != 1991 {
		t.Errorf("ssaBirths = %v, %d, %d; want QUILLA 1012, TORVALD 5, 1990, 1991", births, first, last)
	}
	if _, _, _, err := ssaBirths(t.TempDir()); err == nil {
		t.Errorf("ssaBirths(empty dir) = nil error; want one")
	}
}

// TestSSAGiven checks the guards on the SSA names: common words, places,
// bodies and known officials start no person.
func TestSSAGiven(t *testing.T) {
	words := map[string]bool{"legend": true, "harbor": true, "Quilla": true}
	tests := []struct {
		key  string
		want bool
	}{
		{"QUILLA", true}, // a capitalized entry of the word list is a name
		{"TORVALD", true},
		{"LEGEND", false},
		{"HARBOR", false},
		{"RIVERTON", false},           // a place
		{"ANA", false},                // a body's name
		{"FRONT OF THE HILLS", false}, // a generated table's name
		{"Q", false},
	}
	for _, tc := range tests {
		if got := ssaGiven(tc.key, words, testHand()); got != tc.want {
			t.Errorf("ssaGiven(%q) = %v; want %v", tc.key, got, tc.want)
		}
	}
}
