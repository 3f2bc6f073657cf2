package dates

import (
	"strings"
	"testing"
	"time"

	"github.com/communique/communique/extractors"
	"github.com/communique/communique/extractors/segment"
	"github.com/communique/communique/models"
)

func date(s string) *models.Date {
	t, err := time.Parse(time.DateOnly, s)
	if err != nil {
		panic(err)
	}
	d := models.DateOf(t)
	return &d
}

// The published date of the cases below is a Wednesday.
const wednesday = "2024-03-13"

func TestIn(t *testing.T) {
	r, err := New()
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name, sentence, published, want string // want "" for no date
	}{
		{"weekday, past", "The ministers met on Monday in the capital.", wednesday, "2024-03-11"},
		{"weekday is the published day", "The talks were held on Wednesday.", wednesday, "2024-03-13"},
		{"weekday, future", "The envoys will meet on Friday.", wednesday, "2024-03-15"},
		{"weekday after will, same day", "They will sign on Wednesday.", wednesday, "2024-03-13"},
		{"they'll", "They'll vote on Monday.", wednesday, "2024-03-18"},
		{"they’ll, curly", "They’ll vote on Monday.", wednesday, "2024-03-18"},
		{"next weekday", "A summit is set for next Wednesday.", wednesday, "2024-03-20"},
		{"last weekday", "The council decided last Wednesday to extend the mission.", wednesday, "2024-03-06"},
		{"day month year", "The accord was signed on 2 February 2024.", wednesday, "2024-02-02"},
		{"ordinal of month", "They agreed on the 5th of March to resume talks.", wednesday, "2024-03-05"},
		{"month day, year", "On March 1, 2023, the bloc pledged aid.", wednesday, "2023-03-01"},
		{"month day, nearest year", "The vote is due on January 4.", "2024-12-20", "2025-01-04"},
		{"abbreviated month", "The parties met on Sept. 9 to sign.", "2024-09-12", "2024-09-09"},
		{"iso", "A deadline of 2024-04-01 was set.", wednesday, "2024-04-01"},
		{"yesterday", "The minister said yesterday that aid would flow.", wednesday, "2024-03-12"},
		{"tomorrow", "Leaders gather tomorrow.", wednesday, "2024-03-14"},
		{"modal may is not a month", "The bloc may send 12 observers.", wednesday, ""},
		{"lower-case weekday word is not one", "He spoke of a black friday sale.", wednesday, ""},
		{"no day in a month", "Troops leave by February 30.", wednesday, ""},
		{"month and year only", "Elections are due in May 2025.", wednesday, ""},
		{"nothing", "The ministers reaffirmed their commitment.", wednesday, ""},
		{"no published date: a full date counts", "It was signed on 2 February 2024.", "", "2024-02-02"},
		{"no published date: a weekday does not", "The talks were held on Monday.", "", ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var pub *models.Date
			if tc.published != "" {
				pub = date(tc.published)
			}
			got, ok := r.In(tc.sentence, pub)
			switch {
			case tc.want == "" && ok:
				t.Errorf("In(%q) = %s; want no date", tc.sentence, got)
			case tc.want != "" && !ok:
				t.Errorf("In(%q) = no date; want %s", tc.sentence, tc.want)
			case ok && got.String() != tc.want:
				t.Errorf("In(%q) = %s; want %s", tc.sentence, got, tc.want)
			}
		})
	}
}

func TestExtract(t *testing.T) {
	x, err := NewExtractor()
	if err != nil {
		t.Fatal(err)
	}
	// The lead dates the event on Tuesday; a later sentence names Monday; one
	// past the lead names no day.
	text := "Leaders meet. They met on Tuesday. Aid flows. Talks go on. They pledged aid on Monday. They pledged aid."
	var sents []segment.Sentence
	for start, i := 0, 0; i < len(text); i++ {
		if text[i] == '.' {
			sents = append(sents, segment.Sentence{Start: start, End: i + 1})
			start = i + 2
		}
	}
	d := extractors.NewDoc(models.Article{ArticleID: "a", Text: text, Published: date(wednesday)}, sents, nil)
	d.Commitments = []models.Commitment{{SentenceIndex: 4}, {SentenceIndex: 5}}
	d.Positions = []models.Position{{SentenceIndex: 0}}
	if err := x.Extract(d); err != nil {
		t.Fatal(err)
	}
	check := func(what string, got *models.Date, src *string, want, wantSrc string) {
		t.Helper()
		if got == nil || src == nil || got.String() != want || *src != wantSrc {
			t.Errorf("%s: event date %v from %v; want %s from %s", what, got, src, want, wantSrc)
		}
	}
	check("row in a sentence with a weekday", d.Commitments[0].EventDate, d.Commitments[0].EventDateSource, "2024-03-11", SourceText)
	check("row in a sentence without: the lead's day", d.Commitments[1].EventDate, d.Commitments[1].EventDateSource, "2024-03-12", SourceText)
	check("row in the headline: the lead's day", d.Positions[0].EventDate, d.Positions[0].EventDateSource, "2024-03-12", SourceText)

	d.Article.Text = strings.ReplaceAll(text, "Tuesday", "evening") // same length: the offsets hold
	d.Commitments[1] = models.Commitment{SentenceIndex: 5}
	if err := x.Extract(d); err != nil {
		t.Fatal(err)
	}
	check("no day in the lead or the sentence", d.Commitments[1].EventDate, d.Commitments[1].EventDateSource, wednesday, SourcePublished)

	d.Article.Published = nil
	d.Commitments[1] = models.Commitment{SentenceIndex: 5}
	if err := x.Extract(d); err != nil {
		t.Fatal(err)
	}
	if c := d.Commitments[1]; c.EventDate != nil || c.EventDateSource != nil {
		t.Errorf("no published date and none in the sentence: got %v from %v; want nulls", c.EventDate, c.EventDateSource)
	}
}
