package main

import (
	"bytes"
	"context"
	"encoding/json"
	"testing"

	"github.com/communique/communique/lake"
	"github.com/communique/communique/models"
)

// TestSchemaJSON checks the shape consumers of `communique schema` read:
// a JSON array with one object per table, each with its name, columns and
// now the schema version.
func TestSchemaJSON(t *testing.T) {
	var out bytes.Buffer
	if err := dispatch(context.Background(), []string{"schema"}, &out); err != nil {
		t.Fatal(err)
	}
	var tables []struct {
		Name          string            `json:"name"`
		RowType       string            `json:"row_type"`
		SchemaVersion string            `json:"schema_version"`
		Columns       []json.RawMessage `json:"columns"`
	}
	if err := json.Unmarshal(out.Bytes(), &tables); err != nil {
		t.Fatalf("communique schema printed no JSON array of tables: %v", err)
	}
	if len(tables) != len(lake.Tables) {
		t.Fatalf("%d tables; want %d", len(tables), len(lake.Tables))
	}
	for i, tab := range tables {
		if tab.Name != lake.Tables[i] || tab.RowType == "" || len(tab.Columns) == 0 {
			t.Errorf("table %d: %q (%s), %d columns; want %s with its row type and columns", i, tab.Name, tab.RowType, len(tab.Columns), lake.Tables[i])
		}
		if tab.SchemaVersion != models.SchemaVersion {
			t.Errorf("table %s: schema_version %q; want %q", tab.Name, tab.SchemaVersion, models.SchemaVersion)
		}
	}
}
