package linear

import (
	"math"
	"sort"
)

// Model is a trained multiclass linear model. It is safe for concurrent use.
type Model struct {
	// Classes are the class names, in the order of the weights.
	Classes []string
	index   map[string]int32 // feature → row of w
	w       []float32        // len(index) rows of len(Classes) weights
	bias    []float32
}

// NumFeatures returns how many features the model weighs.
func (m *Model) NumFeatures() int { return len(m.index) }

// Class returns the index of class c, or -1.
func (m *Model) Class(c string) int {
	for i, x := range m.Classes {
		if x == c {
			return i
		}
	}
	return -1
}

// Scores writes the class probabilities of an example with the given
// features into dst (grown to len(Classes)) and returns it. Unknown
// features are ignored; a feature listed twice counts twice.
func (m *Model) Scores(features []string, dst []float64) []float64 {
	k := len(m.Classes)
	if cap(dst) < k {
		dst = make([]float64, k)
	}
	dst = dst[:k]
	for c := range dst {
		dst[c] = float64(m.bias[c])
	}
	for _, f := range features {
		r, ok := m.index[f]
		if !ok {
			continue
		}
		row := m.w[int(r)*k : int(r)*k+k]
		for c := range dst {
			dst[c] += float64(row[c])
		}
	}
	softmax(dst)
	return dst
}

// Predict returns the most probable class of an example and its probability.
func (m *Model) Predict(features []string) (class string, p float64) {
	s := m.Scores(features, nil)
	best := 0
	for c := range s {
		if s[c] > s[best] {
			best = c
		}
	}
	return m.Classes[best], s[best]
}

// softmax turns scores into probabilities in place.
func softmax(s []float64) {
	mx := math.Inf(-1)
	for _, x := range s {
		mx = max(mx, x)
	}
	sum := 0.0
	for i, x := range s {
		s[i] = math.Exp(x - mx)
		sum += s[i]
	}
	for i := range s {
		s[i] /= sum
	}
}

// Weight is one feature's weight for one class.
type Weight struct {
	Feature string
	Class   string
	Value   float64
}

// Heaviest returns the n weights of largest magnitude, heaviest first
// (ties by feature and class name, so the list is stable).
func (m *Model) Heaviest(n int) []Weight {
	k := len(m.Classes)
	var all []Weight
	for f, r := range m.index {
		for c := 0; c < k; c++ {
			if v := m.w[int(r)*k+c]; v != 0 {
				all = append(all, Weight{f, m.Classes[c], float64(v)})
			}
		}
	}
	sort.Slice(all, func(i, j int) bool {
		a, b := math.Abs(all[i].Value), math.Abs(all[j].Value)
		if a != b {
			return a > b
		}
		if all[i].Feature != all[j].Feature {
			return all[i].Feature < all[j].Feature
		}
		return all[i].Class < all[j].Class
	})
	if len(all) > n {
		all = all[:n]
	}
	return all
}
