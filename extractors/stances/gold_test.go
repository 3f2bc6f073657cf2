package stances_test

import (
	"bufio"
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"slices"
	"sort"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/communique/communique/data"
	"github.com/communique/communique/extractors"
	"github.com/communique/communique/models"
)

var showGold = flag.Bool("gold.show", false, "print the misses and false positives of TestGoldFloor")

// goldArticle is one line of data/gold/dev.jsonl, as far as these tests read it.
type goldArticle struct {
	ID       string `json:"id"`
	Title    string `json:"title"`
	Text     string `json:"text"`
	Entities []struct {
		Start       int          `json:"start"`
		End         int          `json:"end"`
		Label       models.Label `json:"label"`
		CanonicalID string       `json:"canonical_id"`
		Affiliation string       `json:"affiliation_id"`
		Role        string       `json:"role"`
	} `json:"entities"`
	Commitments []goldRow `json:"commitments"`
	Positions   []goldRow `json:"positions"`
}

type goldRow struct {
	Start    int      `json:"start"`
	End      int      `json:"end"`
	ActorIDs []string `json:"actor_ids"`
	Stance   string   `json:"stance"`
	Action   string   `json:"action"`
	Topic    string   `json:"topic"`
}

func readGold(t testing.TB) []goldArticle {
	t.Helper()
	b, err := data.ReadFile("gold/dev.jsonl")
	if err != nil {
		t.Fatal(err)
	}
	var out []goldArticle
	sc := bufio.NewScanner(bytes.NewReader(b))
	sc.Buffer(make([]byte, 1<<20), 1<<24)
	for sc.Scan() {
		if len(bytes.TrimSpace(sc.Bytes())) == 0 {
			continue
		}
		var a goldArticle
		if err := json.Unmarshal(sc.Bytes(), &a); err != nil {
			t.Fatal(err)
		}
		out = append(out, a)
	}
	return out
}

// goldDoc segments a gold article and gives it the gold entity mentions, so
// that the score measures this extractor alone.
func goldDoc(t testing.TB, a goldArticle) *extractors.Doc {
	t.Helper()
	d := newDoc(t, a.ID, a.Text)
	byteOf := make([]int, 0, len(a.Text)+1)
	for i := range a.Text {
		byteOf = append(byteOf, i)
	}
	byteOf = append(byteOf, len(a.Text))
	for _, e := range a.Entities {
		m := extractors.Mention{
			Start: byteOf[e.Start], End: byteOf[e.End], Label: e.Label, ID: e.CanonicalID,
			Affiliation: e.Affiliation, Role: e.Role, Sentence: d.SentenceOf(byteOf[e.Start]),
		}
		d.Mentions = append(d.Mentions, m)
	}
	sort.Slice(d.Mentions, func(i, j int) bool { return d.Mentions[i].Start < d.Mentions[j].Start })
	return d
}

// score counts one-to-one matches: spans overlap, stances equal, actors intersect.
type score struct{ tp, fp, fn int }

func (s score) f1() float64 {
	if s.tp == 0 {
		return 0
	}
	p := float64(s.tp) / float64(s.tp+s.fp)
	r := float64(s.tp) / float64(s.tp+s.fn)
	return 2 * p * r / (p + r)
}

func (s score) String() string {
	return fmt.Sprintf("tp %d fp %d fn %d F1 %.3f", s.tp, s.fp, s.fn, s.f1())
}

type predRow struct {
	start, end int
	actors     []string
	stance     string
	desc       string
}

func matchRows(gold []goldRow, pred []predRow) (goldTo, predTo []int) {
	goldTo = make([]int, len(gold))
	predTo = make([]int, len(pred))
	for i := range goldTo {
		goldTo[i] = -1
	}
	for i := range predTo {
		predTo[i] = -1
	}
	edge := func(g, p int) bool {
		gr, pr := gold[g], pred[p]
		return gr.Start < pr.end && pr.start < gr.End && gr.Stance == pr.stance &&
			slices.ContainsFunc(gr.ActorIDs, func(id string) bool { return slices.Contains(pr.actors, id) })
	}
	var seen []int
	var augment func(g, round int) bool
	augment = func(g, round int) bool {
		for p := range pred {
			if !edge(g, p) || seen[p] == round {
				continue
			}
			seen[p] = round
			if predTo[p] < 0 || augment(predTo[p], round) {
				goldTo[g], predTo[p] = p, g
				return true
			}
		}
		return false
	}
	seen = make([]int, len(pred))
	for g := range gold {
		augment(g, g+1)
	}
	return goldTo, predTo
}

// TestGoldFloor scores the extractor on the gold articles with their gold
// mentions: commitments and positions must each keep an F1 of 0.80.
func TestGoldFloor(t *testing.T) {
	x := newExtractor(t)
	var com, pos score
	var report strings.Builder
	for _, a := range readGold(t) {
		d := goldDoc(t, a)
		if err := x.Extract(d); err != nil {
			t.Fatal(err)
		}
		var pc, pp []predRow
		for _, c := range d.Commitments {
			pc = append(pc, predRow{int(c.Start), int(c.End), c.ActorIDs, "", fmt.Sprintf("%s %v %q neg=%v cond=%v", c.Modality, c.ActorIDs, c.Action, c.Negated, deref(c.Condition))})
		}
		for _, p := range d.Positions {
			pp = append(pp, predRow{int(p.Start), int(p.End), p.ActorIDs, string(p.Stance), fmt.Sprintf("%s %v %q", p.Stance, p.ActorIDs, p.Topic)})
		}
		for _, k := range []struct {
			name string
			gold []goldRow
			pred []predRow
			sc   *score
		}{{"commitment", a.Commitments, pc, &com}, {"position", a.Positions, pp, &pos}} {
			gt, pt := matchRows(k.gold, k.pred)
			for g, p := range gt {
				if p >= 0 {
					k.sc.tp++
					continue
				}
				k.sc.fn++
				gr := k.gold[g]
				fmt.Fprintf(&report, "%s MISS %s %s %v | %s\n", a.ID, k.name, gr.Stance, gr.ActorIDs, cpSlice(a.Text, gr.Start, gr.End))
			}
			for p, g := range pt {
				if g >= 0 {
					continue
				}
				k.sc.fp++
				pr := k.pred[p]
				fmt.Fprintf(&report, "%s FP   %s %s | %s\n", a.ID, k.name, pr.desc, cpSlice(a.Text, pr.start, pr.end))
			}
		}
	}
	if *showGold {
		t.Logf("\n%s", report.String())
	}
	t.Logf("commitments %v; positions %v", com, pos)
	if com.f1() < 0.80 || pos.f1() < 0.80 {
		t.Errorf("gold F1 below 0.80: commitments %v; positions %v\n%s", com, pos, report.String())
	}
}

func deref(s *string) string {
	if s == nil {
		return ""
	}
	return *s
}

// cpSlice returns text[start:end] in code points.
func cpSlice(text string, start, end int) string {
	i, a, b := 0, len(text), len(text)
	for k := range text {
		if i == start {
			a = k
		}
		if i == end {
			b = k
			break
		}
		i++
	}
	if a > b || !utf8.ValidString(text[a:b]) {
		return ""
	}
	return text[a:b]
}
