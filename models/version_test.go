package models_test

import (
	"encoding/json"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"testing"

	"github.com/communique/communique/models"
)

// tableColumns is a table's columns as readers see them: name, type,
// nullability; descriptions may change without a new schema version.
type tableColumns struct {
	Table   string   `json:"table"`
	Columns []string `json:"columns"`
}

func columnsOf(tables []models.Table) []tableColumns {
	var out []tableColumns
	for _, t := range tables {
		tc := tableColumns{Table: t.Name}
		for _, c := range t.Columns {
			s := c.Name + " " + c.Type
			if c.Nullable {
				s += " nullable"
			}
			tc.Columns = append(tc.Columns, s)
		}
		out = append(out, tc)
	}
	return out
}

// TestSchemaVersion keeps one set of columns per schema version:
// testdata/schema-<version>.json records the columns of each version, and
// the current version's file must equal the row types. Output roots are
// migrated when the version changes, so columns must never change under
// one version. -update writes the file of a new version, never an
// existing one.
func TestSchemaVersion(t *testing.T) {
	got, err := json.MarshalIndent(columnsOf(models.Schema()), "", "  ")
	if err != nil {
		t.Fatal(err)
	}
	got = append(got, '\n')
	path := filepath.Join("testdata", "schema-"+models.SchemaVersion+".json")
	want, err := os.ReadFile(path)
	if errors.Is(err, fs.ErrNotExist) && *update {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	if errors.Is(err, fs.ErrNotExist) {
		t.Fatalf("%s does not exist: a new schema version records its columns (go test ./models -update)", path)
	}
	if err != nil {
		t.Fatal(err)
	}
	if string(got) != string(want) {
		t.Errorf("the columns differ from %s, recorded for schema version %s: bump models.SchemaVersion "+
			"(minor for added columns), note it in CHANGELOG.md and run go test ./models -update", path, models.SchemaVersion)
	}
}
