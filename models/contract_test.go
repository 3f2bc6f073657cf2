package models_test

import (
	"bytes"
	"errors"
	"io/fs"
	"os"
	"testing"
)

// TestContractInStep checks that docs/CONTRACT.md, the contract every clone
// carries, equals the team's ../shared/CONTRACT.md where that exists (in the
// shared workspace; a fresh clone has only the copy).
func TestContractInStep(t *testing.T) {
	shared, err := os.ReadFile("../../shared/CONTRACT.md")
	if errors.Is(err, fs.ErrNotExist) {
		t.Skip("no ../shared/CONTRACT.md beside the repository: nothing to compare")
	}
	if err != nil {
		t.Fatal(err)
	}
	local, err := os.ReadFile("../docs/CONTRACT.md")
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(local, shared) {
		t.Error("docs/CONTRACT.md differs from ../shared/CONTRACT.md: copy the shared one over (cp ../shared/CONTRACT.md docs/) and review the diff")
	}
}
