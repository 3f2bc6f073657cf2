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

// TestDataOverlay checks that --data adds an actor without rebuilding: an
// organization the embedded tables lack is found once a user's orgs.tsv
// lists it, and a missing directory is a usage error.
func TestDataOverlay(t *testing.T) {
	dir := t.TempDir()
	txt := filepath.Join(dir, "note.txt")
	if err := os.WriteFile(txt, []byte("The Quillfeather Relief Guild said it would send aid to Tajikistan.\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	tables := filepath.Join(dir, "mydata")
	if err := os.MkdirAll(filepath.Join(tables, "gazetteer"), 0o755); err != nil {
		t.Fatal(err)
	}
	orgs := "# my organizations\nid\tlabel\tname\taliases\nQUILLFEATHER\tORG\tQuillfeather Relief Guild\tQRG\n"
	if err := os.WriteFile(filepath.Join(tables, "gazetteer", "orgs.tsv"), []byte(orgs), 0o644); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name string
		args []string
		want bool
	}{
		{"embedded tables only", []string{txt}, false},
		{"with --data", []string{"--data", tables, txt}, true},
		{"embedded again", []string{txt}, false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var out bytes.Buffer
			if err := cmdAnnotate(context.Background(), tc.args, &out); err != nil {
				t.Fatalf("cmdAnnotate(%q) = %v", tc.args, err)
			}
			if got := bytes.Contains(out.Bytes(), []byte(`"QUILLFEATHER"`)); got != tc.want {
				t.Errorf("QUILLFEATHER in output = %v, want %v\n%s", got, tc.want, out.String())
			}
		})
	}
	var out bytes.Buffer
	err := cmdAnnotate(context.Background(), []string{"--data", filepath.Join(dir, "none"), txt}, &out)
	if _, ok := err.(usageError); !ok {
		t.Errorf("missing --data directory: err = %v, want a usage error", err)
	}
}
