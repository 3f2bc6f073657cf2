package data

import (
	"testing"
	"testing/fstest"
)

// TestOverlay checks that an overlay's rows follow the embedded table's, that
// a table the overlay lacks reads as embedded, and that a malformed overlay
// table is an error.
func TestOverlay(t *testing.T) {
	base, err := TSV("gazetteer/orgs.tsv")
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name    string
		fsys    fstest.MapFS
		extra   int
		wantErr bool
	}{
		{"adds rows", fstest.MapFS{"gazetteer/orgs.tsv": {Data: []byte("# mine\nid\tlabel\tname\nACME\tORG\tAcme Widget Works\n")}}, 1, false},
		{"no such table", fstest.MapFS{"gazetteer/places.tsv": {Data: []byte("name\tid\tkind\n")}}, 0, false},
		{"too many cells", fstest.MapFS{"gazetteer/orgs.tsv": {Data: []byte("id\tlabel\nA\tORG\tx\n")}}, 0, true},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			SetOverlay(tc.fsys)
			defer SetOverlay(nil)
			rows, err := TSV("gazetteer/orgs.tsv")
			if (err != nil) != tc.wantErr {
				t.Fatalf("TSV = %v, want error %v", err, tc.wantErr)
			}
			if err == nil && len(rows) != len(base)+tc.extra {
				t.Errorf("rows = %d, want %d", len(rows), len(base)+tc.extra)
			}
		})
	}
}
