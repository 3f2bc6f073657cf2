package models_test

import (
	"flag"
	"os"
	"testing"

	"github.com/parquet-go/parquet-go"

	"github.com/communique/communique/models"
)

var update = flag.Bool("update", false, "rewrite docs/SCHEMA.md")

// TestSchemaDoc fails when docs/SCHEMA.md and the row types disagree.
func TestSchemaDoc(t *testing.T) {
	got := models.SchemaMarkdown(models.Schema())
	const path = "../docs/SCHEMA.md"
	if *update {
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if got != string(want) {
		t.Errorf("%s is out of date: run make schema (or go test ./models -update) and review the diff", path)
	}
}

// TestSchemaMatchesParquet checks the dictionary against the Parquet schema
// parquet-go derives from the same structs: same columns, every one documented.
func TestSchemaMatchesParquet(t *testing.T) {
	rows := []any{models.Article{}, models.Sentence{}, models.Entity{}, models.Commitment{}, models.Position{}, models.Error{}}
	for i, tab := range models.Schema() {
		ps := parquet.SchemaOf(rows[i])
		fields := ps.Fields()
		if len(fields) != len(tab.Columns) {
			t.Fatalf("%s: %d parquet columns, %d documented", tab.Name, len(fields), len(tab.Columns))
		}
		for j, c := range tab.Columns {
			if fields[j].Name() != c.Name {
				t.Errorf("%s column %d: parquet %q, documented %q", tab.Name, j, fields[j].Name(), c.Name)
			}
			if fields[j].Optional() != c.Nullable {
				t.Errorf("%s.%s: parquet optional %v, documented nullable %v", tab.Name, c.Name, fields[j].Optional(), c.Nullable)
			}
			if c.Description == "" {
				t.Errorf("%s.%s has no doc tag", tab.Name, c.Name)
			}
		}
	}
}
