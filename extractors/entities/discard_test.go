package entities

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/communique/communique/data"
)

// discardOverlay holds an invented state, place, given name and official,
// and discard phrases around them, added through the data overlay: a
// phrase holding the state's name, a person-looking sports name, a phrase
// holding a place, a phrase holding an official's name, a phrase starting
// inside a place's name, and the state's name alone, which a table names
// and so blocks nothing.
var discardOverlay = fstest.MapFS{
	"gazetteer/states.tsv":      {Data: []byte("text\tid\tkind\nNorland\tNRL\tstate\nNorlandic\tNRL\tdemonym\n")},
	"gazetteer/places.tsv":      {Data: []byte("name\tid\tkind\nBrellhaven\tBRELLHAVEN\tcity\nBrell Bay\tBRELL_BAY\tcity\n")},
	"gazetteer/given_names.tsv": {Data: []byte("name\tpeople\tsource\nZandor\t1\ttest\n")},
	"gazetteer/officials.tsv": {Data: []byte("name\trole\taffiliation\tsurname_alone\tspellings\n" +
		"Ulme Varrick\tPresident\tNRL\tyes\t\n")},
	"gazetteer/discards_generated.tsv": {Data: []byte("phrase\tlevel\tsource\n" +
		"norland film festival\tsentence\ttest\n" +
		"zandor quillby\tstory\ttest\n" +
		"brellhaven grand prix\tstory\ttest\n" +
		"salute to ulme varrick\tsentence\ttest\n" +
		"bay norland regatta\tsentence\ttest\n" +
		"norland\tsentence\ttest\n")},
}

// TestDiscards checks that an actor mention lying wholly inside a discard
// phrase of the text, found in any case, is dropped whichever step found
// it, while places inside one, actors outside or around one, and a
// state's name that is a discard phrase alone stay.
func TestDiscards(t *testing.T) {
	tg := overlayTagger(t, discardOverlay)
	tests := []struct {
		name, text string
		want       []string // LABEL:surface, in text order
	}{
		{"a state's name inside", "The Norland Film Festival opened on Friday.", nil},
		{"in any case", "The Norland film festival opened on Friday.", nil},
		{"a demonym outside stays", "Norlandic officials attended the Norland Film Festival.", []string{"STATE:Norlandic"}},
		{"the state without the phrase", "Norland said the festival would open on Friday.", []string{"STATE:Norland"}},
		{"a person-looking sports name", "Zandor Quillby said the match was over.", nil},
		{"another name of the same shape", "Zandor Kettleby said the talks were over.", []string{"OFFICIAL:Zandor Kettleby"}},
		{"a known official inside", "Tickets for Salute to Ulme Varrick sold out.", nil},
		{"the official without the phrase", "Tickets for the rally for Ulme Varrick sold out.", []string{"OFFICIAL:Ulme Varrick"}},
		{"a place inside stays", "The Brellhaven Grand Prix ended on Sunday.", []string{"PLACE:Brellhaven"}},
		{"a phrase starting inside a match", "The Brell Bay Norland Regatta ended on Sunday.", []string{"PLACE:Brell Bay"}},
		{"a partial phrase blocks nothing", "The Norland film crew arrived on Friday.", []string{"STATE:Norland"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			d := doc(t, tc.text)
			if err := tg.Extract(d); err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, m := range d.Mentions {
				got = append(got, string(m.Label)+":"+tc.text[m.Start:m.End])
			}
			if !slices.Equal(got, tc.want) {
				t.Errorf("Extract(%q) = %v; want %v", tc.text, got, tc.want)
			}
		})
	}
}

// discardWords are the words of the random texts of TestDiscardCover: the
// discard phrases of discardOverlay, the names they hold, and filler.
var discardWords = strings.Fields("Norland film festival Zandor Quillby Kettleby salute to Ulme Varrick " +
	"Brellhaven grand prix Brell Bay regatta the said and . .")

// TestDiscardCover checks the one-step test of whether units lie inside a
// discard phrase against a plain search of every phrase the text holds,
// found word by word, on random texts made of discard phrases, their parts
// and the names they hold: for every span of units, discarded must tell
// whether some phrase covers it.
func TestDiscardCover(t *testing.T) {
	data.SetOverlay(discardOverlay)
	tg, err := New()
	rows, rerr := data.TSV(discardsFile)
	data.SetOverlay(nil)
	if err != nil || rerr != nil {
		t.Fatal(err, rerr)
	}
	// the phrases the trie holds as discards, folded as units are; a phrase
	// a table names is left out by loadDiscards
	phrases := map[string]bool{}
	for _, r := range rows {
		var ks []string
		n := int32(0)
		for _, w := range splitWords(r["phrase"]) {
			ks = append(ks, string(appendKey(nil, w)))
			n = tg.g.trie.child(n, ks[len(ks)-1])
		}
		if slices.ContainsFunc(tg.g.trie.nodes[n].entries, func(e int32) bool { return tg.g.entries[e].kind == kDiscard }) {
			phrases[strings.Join(ks, " ")] = true
		}
	}
	rng := rand.New(rand.NewPCG(1, 2))
	for n := range 300 {
		ws := make([]string, 1+rng.IntN(40))
		for i := range ws {
			ws[i] = discardWords[rng.IntN(len(discardWords))]
		}
		text := strings.ReplaceAll(strings.Join(ws, " "), " .", ".")
		d := doc(t, text)
		s := new(scratch)
		splitUnits(d, s)
		s.owner = slices.Repeat([]int32{-1}, len(s.units))
		tg.matchGazetteer(s)
		var found [][2]int
		for i := range s.units {
			var ks []string
			for j := i; j < len(s.units) && s.units[j].sent == s.units[i].sent; j++ {
				ks = append(ks, s.units[j].key)
				if phrases[strings.Join(ks, " ")] {
					found = append(found, [2]int{i, j + 1})
				}
			}
		}
		if s.anyDiscard != (len(found) > 0) {
			t.Errorf("text %d %q: anyDiscard = %v; want %v", n, text, s.anyDiscard, len(found) > 0)
		}
		for a := range s.units {
			for b := a + 1; b <= len(s.units); b++ {
				want := slices.ContainsFunc(found, func(p [2]int) bool { return p[0] <= a && b <= p[1] })
				if got := s.discarded(a, b); got != want {
					t.Errorf("text %d %q: discarded(%d, %d) = %v; want %v (phrases %v)", n, text, a, b, got, want, found)
				}
			}
		}
	}
}

// BenchmarkDiscardRepeated measures the tagger on a long text that repeats
// a discard phrase and an actor's name outside it, so that both the
// discard phrases and the candidates grow with the text: the time per
// token must stay flat as the text grows.
func BenchmarkDiscardRepeated(b *testing.B) {
	tg := overlayTagger(b, discardOverlay)
	for _, n := range []int{1000, 4000, 16000} {
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			text := strings.Repeat("The Norland film festival and Ulme Varrick said Norlandic officials. ", n)
			d := doc(b, text)
			b.SetBytes(int64(len(text)))
			b.ReportAllocs()
			b.ResetTimer()
			for b.Loop() {
				d.Mentions = d.Mentions[:0]
				if err := tg.Extract(d); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(len(d.Tokens))*float64(b.N)/b.Elapsed().Seconds(), "tokens/s")
		})
	}
}

// TestDiscardLevels checks that a discard row, added through the data
// overlay, needs the level story or sentence.
func TestDiscardLevels(t *testing.T) {
	for _, level := range []string{"", "article", "Story"} {
		_, err := newWithOverlay(fstest.MapFS{"gazetteer/discards_generated.tsv": {Data: []byte("phrase\tlevel\tsource\nzandor quillby\t" + level + "\ttest\n")}})
		if err == nil || !strings.Contains(err.Error(), "is not story or sentence") {
			t.Errorf("New() with level %q = %v; want an error", level, err)
		}
	}
}
