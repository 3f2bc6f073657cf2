package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/communique/communique/eval"
)

// oneGold is a gold file of one short article.
const oneGold = `{"id": "t-1", "title": "", "published": "2024-01-02", "source": "test", "text": "CSTO pledged to help Tajikistan.", "entities": [{"start": 0, "end": 4, "label": "ORG", "canonical_id": "CSTO"}, {"start": 21, "end": 31, "label": "STATE", "canonical_id": "TJK"}], "commitments": [{"start": 0, "end": 31, "actor_ids": ["CSTO"], "target_ids": ["TJK"], "action": "help", "modality": "pledge"}], "positions": []}
`

func TestCmdEval(t *testing.T) {
	dir := t.TempDir()
	gold := filepath.Join(dir, "gold.jsonl")
	if err := os.WriteFile(gold, []byte(oneGold), 0o644); err != nil {
		t.Fatal(err)
	}
	bad := filepath.Join(dir, "bad.jsonl")
	if err := os.WriteFile(bad, []byte(oneGold+`{"id": "t-2", "text": "ab", "entities": [{"start": 0, "end": 9, "label": "ORG", "canonical_id": "X"}]}`+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name    string
		args    []string
		want    string // substring of stdout
		wantErr string // substring of the error; "" for none
	}{
		{"plain summary last", []string{"--gold", gold}, "positions", ""},
		{"default embedded gold", nil, "summary: 8 articles", ""},
		{"file after the flags", []string{"--diff", gold}, "diff:", ""},
		{"bad gold names file and line", []string{"--gold", bad}, "", "bad.jsonl line 2"},
		{"missing file", []string{"--gold", filepath.Join(dir, "none.jsonl")}, "", "none.jsonl"},
		{"plover and gold", []string{"--plover", "x.json", "--gold", gold}, "", "exclude"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var out bytes.Buffer
			err := cmdEval(context.Background(), tc.args, &out)
			switch {
			case tc.wantErr == "" && err != nil:
				t.Fatalf("cmdEval(%q) = %v; want no error", tc.args, err)
			case tc.wantErr != "" && (err == nil || !strings.Contains(err.Error(), tc.wantErr)):
				t.Fatalf("cmdEval(%q) = %v; want an error containing %q", tc.args, err, tc.wantErr)
			}
			if !strings.Contains(out.String(), tc.want) {
				t.Errorf("cmdEval(%q) printed %q; want it to contain %q", tc.args, out.String(), tc.want)
			}
		})
	}
}

// TestCmdEvalSummaryTail checks that the last 12 lines hold the summary, as
// the session hook shows them.
func TestCmdEvalSummaryTail(t *testing.T) {
	var out bytes.Buffer
	if err := cmdEval(context.Background(), nil, &out); err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimRight(out.String(), "\n"), "\n")
	tail := strings.Join(lines[max(0, len(lines)-12):], "\n")
	for _, want := range []string{"summary:", "entities strict", "entities lenient", "canonical accuracy", "commitments", "positions"} {
		if !strings.Contains(tail, want) {
			t.Errorf("last 12 lines lack %q:\n%s", want, tail)
		}
	}
}

func TestCmdEvalJSON(t *testing.T) {
	var out bytes.Buffer
	if err := cmdEval(context.Background(), []string{"--json"}, &out); err != nil {
		t.Fatal(err)
	}
	var rep struct {
		Articles int             `json:"articles"`
		Strict   json.RawMessage `json:"entities_strict"`
		Diff     []eval.DiffEntry
	}
	if err := json.Unmarshal(out.Bytes(), &rep); err != nil {
		t.Fatalf("--json output is not JSON: %v", err)
	}
	if rep.Articles != 8 || len(rep.Strict) == 0 || rep.Diff != nil {
		t.Errorf("--json = %d articles, strict %s, %d diff entries; want 8, counts, no diff", rep.Articles, rep.Strict, len(rep.Diff))
	}
}

func TestCmdEvalUsage(t *testing.T) {
	if err := cmdEval(context.Background(), []string{"--no-such-flag"}, &bytes.Buffer{}); err == nil {
		t.Error("cmdEval(--no-such-flag) = nil; want an error")
	}
	var ue usageError
	if err := cmdEval(context.Background(), []string{"--plover", "a", "b"}, &bytes.Buffer{}); !errors.As(err, &ue) {
		t.Errorf("cmdEval(--plover a b) = %v; want a usageError", err)
	}
}
