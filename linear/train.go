package linear

import (
	"errors"
	"fmt"
	"math"
	"math/rand/v2"
	"sort"
)

// Example is one training example: its features and its class.
type Example struct {
	Features []string
	Class    string
}

// Config sets how Train fits a model. The zero value means the defaults.
type Config struct {
	Epochs   int     // passes over the examples; default 30
	Rate     float64 // AdaGrad's base learning rate; default 0.2
	L2       float64 // L2 penalty per example on the weights it touches; default 1e-4
	MinCount int     // features seen in fewer examples are dropped; default 2
	Seed     uint64  // shuffles the examples each epoch; default 1
}

func (c Config) withDefaults() Config {
	if c.Epochs == 0 {
		c.Epochs = 30
	}
	if c.Rate == 0 {
		c.Rate = 0.2
	}
	if c.L2 == 0 {
		c.L2 = 1e-4
	}
	if c.MinCount == 0 {
		c.MinCount = 2
	}
	if c.Seed == 0 {
		c.Seed = 1
	}
	return c
}

// Validate reports a configuration Train cannot use.
func (c Config) Validate() error {
	if c.Epochs < 0 || c.Rate < 0 || c.L2 < 0 || c.MinCount < 0 {
		return errors.New("linear: negative setting")
	}
	return nil
}

// Train fits a model to the examples. The classes are those the examples
// name, sorted; the result depends only on the examples, their order and
// the configuration.
func Train(examples []Example, cfg Config) (*Model, error) {
	if err := cfg.Validate(); err != nil {
		return nil, err
	}
	cfg = cfg.withDefaults()
	if len(examples) == 0 {
		return nil, errors.New("linear: no examples")
	}
	classSet := map[string]bool{}
	count := map[string]int{}
	for _, e := range examples {
		classSet[e.Class] = true
		seen := map[string]bool{}
		for _, f := range e.Features {
			if !seen[f] {
				seen[f] = true
				count[f]++
			}
		}
	}
	if len(classSet) < 2 {
		return nil, fmt.Errorf("linear: %d class in the examples, need two or more", len(classSet))
	}
	m := &Model{index: map[string]int32{}}
	for c := range classSet {
		m.Classes = append(m.Classes, c)
	}
	sort.Strings(m.Classes)
	var feats []string
	for f, n := range count {
		if n >= cfg.MinCount {
			feats = append(feats, f)
		}
	}
	sort.Strings(feats)
	for i, f := range feats {
		m.index[f] = int32(i)
	}
	k := len(m.Classes)
	m.w = make([]float32, len(feats)*k)
	m.bias = make([]float32, k)

	// examples as rows and class indices
	type row struct {
		feats []int32
		class int
	}
	rows := make([]row, len(examples))
	for i, e := range examples {
		r := row{class: m.Class(e.Class)}
		for _, f := range e.Features {
			if j, ok := m.index[f]; ok {
				r.feats = append(r.feats, j)
			}
		}
		rows[i] = r
	}
	w := make([]float64, len(m.w))
	g2 := make([]float64, len(m.w)) // AdaGrad's summed squared gradients
	bias := make([]float64, k)
	bg2 := make([]float64, k)
	order := make([]int, len(rows))
	for i := range order {
		order[i] = i
	}
	rng := rand.New(rand.NewPCG(cfg.Seed, 0x636f6d6d))
	p := make([]float64, k)
	for ep := 0; ep < cfg.Epochs; ep++ {
		rng.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
		for _, oi := range order {
			r := rows[oi]
			copy(p, bias)
			for _, f := range r.feats {
				for c := 0; c < k; c++ {
					p[c] += w[int(f)*k+c]
				}
			}
			softmax(p)
			for c := 0; c < k; c++ {
				g := p[c]
				if c == r.class {
					g -= 1
				}
				bg2[c] += g * g
				bias[c] -= cfg.Rate * g / math.Sqrt(bg2[c]+1e-8)
				for _, f := range r.feats {
					i := int(f)*k + c
					gi := g + cfg.L2*w[i]
					g2[i] += gi * gi
					w[i] -= cfg.Rate * gi / math.Sqrt(g2[i]+1e-8)
				}
			}
		}
	}
	for i, x := range w {
		m.w[i] = float32(round(x))
	}
	for c, x := range bias {
		m.bias[c] = float32(round(x))
	}
	return m, nil
}

// round keeps four significant decimals, the precision the text form keeps,
// so a model read back scores exactly as the one trained.
func round(x float64) float64 {
	return math.Round(x*1e4) / 1e4
}
