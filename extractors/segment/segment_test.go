package segment_test

import (
	"strings"
	"testing"

	"github.com/communique/communique/extractors/segment"
)

var seg *segment.Segmenter

func TestMain(m *testing.M) {
	var err error
	if seg, err = segment.New(); err != nil {
		panic(err)
	}
	m.Run()
}

func TestSegment(t *testing.T) {
	tests := []struct {
		name  string
		text  string
		sents []string
	}{
		{"headline and body", "CSTO meets\n\n15 September 2021\n\nThe ministers met. They agreed.",
			[]string{"CSTO meets", "15 September 2021", "The ministers met.", "They agreed."}},
		{"hard-wrapped line", "The ministers of the CSTO\nmet in Minsk on Tuesday.", []string{"The ministers of the CSTO\nmet in Minsk on Tuesday."}},
		{"curly quotes", "“We call on them,” Zas said. Next.", []string{"“We call on them,” Zas said.", "Next."}},
		{"abbreviation", "U.S. President Joe Biden spoke. Mr. Zas left.", []string{"U.S. President Joe Biden spoke.", "Mr. Zas left."}},
		{"non-ASCII", "Tajikistan\u00a0– Afghanistan border. Done.", []string{"Tajikistan\u00a0– Afghanistan border.", "Done."}},
		{"empty", "  \n\n ", nil},
		{"word prose's tokenizer cannot split", "The ȺȺȺ's plan. Done.", []string{"The ȺȺȺ's plan.", "Done."}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			sents, toks, err := seg.Segment(tc.text)
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, s := range sents {
				got = append(got, tc.text[s.Start:s.End])
			}
			if strings.Join(got, "|") != strings.Join(tc.sents, "|") {
				t.Errorf("Segment(%q) sentences = %q; want %q", tc.text, got, tc.sents)
			}
			for _, tk := range toks {
				if tc.text[tk.Start:tk.End] != tk.Text || tk.Tag == "" {
					t.Errorf("token %+v: text[%d:%d] = %q", tk, tk.Start, tk.End, tc.text[tk.Start:tk.End])
				}
			}
		})
	}
}

func TestTokensAlignWithQuotes(t *testing.T) {
	text := `called on the Taliban to “meaningful dialogue” and "refrain" – now`
	_, toks, err := seg.Segment(text)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, tk := range toks {
		got = append(got, tk.Text)
	}
	want := "called on the Taliban to “ meaningful dialogue ” and \" refrain \" – now"
	if strings.Join(got, " ") != want {
		t.Errorf("tokens = %q; want %q", strings.Join(got, " "), want)
	}
}

// TestTokensSingleQuotes checks that words in single quotes are kept (prose
// drops "'word'") and that an opening quote is a token of its own, while
// clitics and inner apostrophes stay with their words.
func TestTokensSingleQuotes(t *testing.T) {
	tests := []struct{ text, want string }{
		{"The bloc vows to 'rebuild' the port", "The bloc vows to ' rebuild ' the port"},
		{"It threatens ‘intensive war’ if talks fail", "It threatens ‘ intensive war ’ if talks fail"},
		{"The minister's plan and the ministers' talks", "The minister 's plan and the ministers ' talks"},
		{"They said 'no' twice", "They said ' no ' twice"},
		{"A rock'n'roll band", "A rock'n'roll band"},
		{"Leaders ('we will act') met", "Leaders ( ' we will act ' ) met"},
	}
	for _, tc := range tests {
		_, toks, err := seg.Segment(tc.text)
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, tk := range toks {
			got = append(got, tk.Text)
		}
		if g := strings.Join(got, " "); g != tc.want {
			t.Errorf("tokens of %q = %q; want %q", tc.text, g, tc.want)
		}
	}
}

func FuzzSegment(f *testing.F) {
	f.Add("vows to 'rebuild' the port, ‘intensive war’ 'n' rock'n'roll ('x')")
	f.Add("The CSTO “called” on Kabul.\n\nU.S. aid – 5%.")
	f.Add("\u00a0\n\x00\"'“”‘’&rsquo;")
	f.Fuzz(func(t *testing.T, text string) {
		sents, toks, err := seg.Segment(text)
		if err != nil {
			return
		}
		prevEnd := 0
		for _, s := range sents {
			if s.Start < prevEnd || s.End > len(text) || s.Start >= s.End || s.TokStart >= s.TokEnd {
				t.Fatalf("bad sentence %+v in %q", s, text)
			}
			prevEnd = s.End
		}
		prevEnd = 0
		for _, tk := range toks {
			if tk.Start < prevEnd || tk.End > len(text) || text[tk.Start:tk.End] != tk.Text {
				t.Fatalf("bad token %+v in %q", tk, text)
			}
			prevEnd = tk.End
		}
	})
}
