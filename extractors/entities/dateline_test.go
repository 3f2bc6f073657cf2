package entities

import "testing"

// TestDatelineCapital checks that a capital starting a dateline is a PLACE,
// whatever the dateline's shape (a state, an agency, a date, a dash of one
// or two characters, a headline line before it, the city in title case),
// and the state after it a STATE; a capital in prose that stands for its
// government stays the state.
func TestDatelineCapital(t *testing.T) {
	tests := []struct {
		text, mention string
		label, id     string
	}{
		{"LIMA, Peru - The cabinet said it would resign.", "LIMA", "PLACE", "LIMA"},
		{"LIMA, Peru - The cabinet said it would resign.", "Peru", "STATE", "PER"},
		{"LIMA, Peru -- The cabinet said it would resign.", "LIMA", "PLACE", "LIMA"},
		{"Cabinet quits\nLIMA, Peru -- The cabinet said it would resign.", "LIMA", "PLACE", "LIMA"},
		{"LIMA (Agency) - The cabinet said it would resign.", "LIMA", "PLACE", "LIMA"},
		{"LIMA, Peru (Agency) - The cabinet said it would resign.", "LIMA", "PLACE", "LIMA"},
		{"LIMA, May 4 (Agency) - The cabinet said it would resign.", "LIMA", "PLACE", "LIMA"},
		{"LIMA \u2014 The cabinet said it would resign.", "LIMA", "PLACE", "LIMA"},
		{"BUENOS AIRES \u2014 The cabinet said it would resign.", "BUENOS AIRES", "PLACE", "BUENOS_AIRES"},
		{"Lima, Peru - The cabinet said it would resign.", "Lima", "PLACE", "LIMA"},
		{"Hanoi, Vietnam (Agency) - The ministry said it would reply.", "Hanoi", "PLACE", "HANOI"},
	}
	for _, tc := range tests {
		t.Run(tc.text, func(t *testing.T) {
			m := mentionOf(t, tc.text, tc.mention)
			if string(m.Label) != tc.label || m.ID != tc.id {
				t.Errorf("%q: %s %s; want %s %s", tc.mention, m.Label, m.ID, tc.label, tc.id)
			}
		})
	}
}
