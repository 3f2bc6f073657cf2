package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/communique/communique/eval"
)

// TestAnnotateRoundTrip checks that annotate writes valid gold: every line
// reads back with eval.ReadGold, whose checks include that each entity's
// text is text[start:end] in code points.
func TestAnnotateRoundTrip(t *testing.T) {
	dir := t.TempDir()
	txt := filepath.Join(dir, "note.txt")
	// Non-ASCII before the mentions, so byte and code point offsets differ.
	if err := os.WriteFile(txt, []byte("Minsk – “CSTO” ministers urged Kabul to act.\u00a0Russia will help Tajikistan.\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name   string
		inputs []string
		ids    []string
	}{
		{"text file", []string{txt}, []string{"note"}},
		{"embedded samples", nil, nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var out bytes.Buffer
			if err := cmdAnnotate(context.Background(), tc.inputs, &out); err != nil {
				t.Fatalf("cmdAnnotate(%q) = %v", tc.inputs, err)
			}
			var ids []string
			for a, err := range eval.ReadGold(bytes.NewReader(out.Bytes())) {
				if err != nil {
					t.Fatalf("annotate output does not read back: %v\n%s", err, out.String())
				}
				for i, e := range a.Entities {
					if e.Text == "" {
						t.Errorf("%s entity %d has no text", a.ID, i)
					}
				}
				ids = append(ids, a.ID)
			}
			if len(ids) == 0 || (tc.ids != nil && len(ids) != len(tc.ids)) {
				t.Errorf("annotated articles %v; want %v (or some, for the samples)", ids, tc.ids)
			}
		})
	}
}

func TestAnnotateMissingInput(t *testing.T) {
	err := cmdAnnotate(context.Background(), []string{filepath.Join(t.TempDir(), "none.txt")}, &bytes.Buffer{})
	if err == nil {
		t.Error("cmdAnnotate(missing file) = nil; want an error")
	}
}
