package main

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// TestReadDiscards checks the phrases read from a discards dictionary: the
// level from a leading '+', comments and whole-word marks taken off, single
// words, lone years and phrases with digits left out.
func TestReadDiscards(t *testing.T) {
	const dict = "# Story-level discards are marked with a '+'.\n" +
		"1914\n" +
		"ZORBLE CUP   # xx 01 Jan 2009\n" +
		"+ GRAND ZORBLE OPEN\n" +
		"+QUILLBY RALLY  # xx\n" +
		"ZORBLING\n" +
		"ROUND OF 16\n" +
		"GROUP Q_\n" +
		"A B C D E F\n"
	path := filepath.Join(t.TempDir(), "discards.txt")
	if err := os.WriteFile(path, []byte(dict), 0o644); err != nil {
		t.Fatal(err)
	}
	got, err := readDiscards(path)
	if err != nil {
		t.Fatal(err)
	}
	want := []discard{
		{"zorble cup", false, 3},
		{"grand zorble open", true, 4},
		{"quillby rally", true, 5},
		{"group q", false, 8},
	}
	if !slices.Equal(got, want) {
		t.Errorf("readDiscards = %v; want %v", got, want)
	}
}

// TestHoldsState checks the state names found inside a discarded phrase.
func TestHoldsState(t *testing.T) {
	states := map[string]bool{"freedonian": true, "south freedonia": true}
	tests := []struct {
		phrase string
		want   bool
	}{
		{"freedonian open", true},
		{"the south freedonia cup", true},
		{"bird flu", false},
		{"south cup", false},
	}
	for _, tc := range tests {
		if got := holdsState(strings.Fields(tc.phrase), states); got != tc.want {
			t.Errorf("holdsState(%q) = %v; want %v", tc.phrase, got, tc.want)
		}
	}
}

// TestKeepDiscard checks the discard phrases left out of the table: those
// holding a state's name or demonym, those a table names, and people's
// names.
func TestKeepDiscard(t *testing.T) {
	h := testHand()
	states := map[string]bool{"freedonian": true, "freedonia": true}
	names := map[string]bool{"riverton bay": true}
	given := map[string]bool{"ANN": true}
	titles := map[string]bool{"sir": true}
	tests := []struct {
		phrase string
		want   bool
	}{
		{"zorble cup", true},
		{"riverton grand prix", true},
		{"freedonian open", false},
		{"tour of freedonia", false},
		{"riverton bay", false},
		{"ann sample", false},
		{"sir ann sample", false},
		{"sample ann cup", true},
	}
	for _, tc := range tests {
		if got := keepDiscard(tc.phrase, states, names, given, titles, h); got != tc.want {
			t.Errorf("keepDiscard(%q) = %v; want %v", tc.phrase, got, tc.want)
		}
	}
}
