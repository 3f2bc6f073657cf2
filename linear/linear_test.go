package linear

import (
	"bytes"
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"
)

// toy makes a separable three-class problem: the class is named by one of
// the features, amid noise features.
func toy(n int, seed uint64) []Example {
	rng := rand.New(rand.NewPCG(seed, 7))
	classes := []string{"a", "b", "none"}
	var ex []Example
	for i := 0; i < n; i++ {
		c := classes[rng.IntN(3)]
		f := []string{"cue=" + c, fmt.Sprintf("noise=%d", rng.IntN(20))}
		if rng.IntN(2) == 0 {
			f = append(f, "shared")
		}
		ex = append(ex, Example{Features: f, Class: c})
	}
	return ex
}

func TestTrainLearnsSeparableClasses(t *testing.T) {
	m, err := Train(toy(600, 1), Config{})
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		feats []string
		want  string
	}{
		{[]string{"cue=a", "noise=3"}, "a"},
		{[]string{"cue=b", "shared"}, "b"},
		{[]string{"cue=none"}, "none"},
	} {
		got, p := m.Predict(tc.feats)
		if got != tc.want || p < 0.8 {
			t.Errorf("Predict(%v) = %s %.3f, want %s with p ≥ 0.8", tc.feats, got, p, tc.want)
		}
	}
	top := m.Heaviest(3)
	for _, w := range top {
		if !strings.HasPrefix(w.Feature, "cue=") {
			t.Errorf("heaviest weights %v: want the cue features first", top)
		}
	}
}

func TestTrainIsDeterministicAndRoundTrips(t *testing.T) {
	ex := toy(300, 2)
	a, err := Train(ex, Config{Epochs: 5})
	if err != nil {
		t.Fatal(err)
	}
	b, err := Train(ex, Config{Epochs: 5})
	if err != nil {
		t.Fatal(err)
	}
	var ba, bb bytes.Buffer
	a.WriteTo(&ba)
	b.WriteTo(&bb)
	if ba.String() != bb.String() {
		t.Fatal("two trainings on the same examples differ")
	}
	r, err := Read(bytes.NewReader(ba.Bytes()))
	if err != nil {
		t.Fatal(err)
	}
	var br bytes.Buffer
	r.WriteTo(&br)
	if br.String() != ba.String() {
		t.Fatal("a model read back writes differently")
	}
	f := []string{"cue=b", "noise=1"}
	pa, pr := a.Scores(f, nil), r.Scores(f, nil)
	for c := range pa {
		if pa[c] != pr[c] {
			t.Fatalf("scores differ after reading: %v vs %v", pa, pr)
		}
	}
}

func TestTrainErrors(t *testing.T) {
	if _, err := Train(nil, Config{}); err == nil {
		t.Error("no examples: want an error")
	}
	if _, err := Train([]Example{{Class: "a"}, {Class: "a"}}, Config{}); err == nil {
		t.Error("one class: want an error")
	}
	if _, err := Train(toy(10, 1), Config{Epochs: -1}); err == nil {
		t.Error("negative epochs: want an error")
	}
}

func TestReadRejectsBadFiles(t *testing.T) {
	for name, in := range map[string]string{
		"empty":         "",
		"no header":     "classes\ta\tb\n",
		"short bias":    header + "\nclasses\ta\tb\nbias\t1\n",
		"bad weight":    header + "\nclasses\ta\tb\nbias\t0\t0\nf\tx\t1\tz\n",
		"feature twice": header + "\nclasses\ta\tb\nbias\t0\t0\nf\tx\t1\t2\nf\tx\t1\t2\n",
	} {
		if _, err := Read(strings.NewReader(in)); err == nil {
			t.Errorf("%s: want an error", name)
		}
	}
}

func FuzzRead(f *testing.F) {
	f.Add(header + "\nclasses\ta\tb\nbias\t0\t0\nf\tx\t1\t2\n")
	f.Fuzz(func(t *testing.T, s string) {
		m, err := Read(strings.NewReader(s))
		if err != nil {
			return
		}
		m.Scores([]string{"x"}, nil)
	})
}
