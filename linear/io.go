package linear

import (
	"bufio"
	"fmt"
	"io"
	"sort"
	"strconv"
	"strings"
)

// header is the first line of a saved model.
const header = "# communique linear model v1"

// WriteTo writes the model as text: a header, the classes, the biases, then
// one line per feature with a non-zero weight, sorted by feature:
//
//	feature<TAB>w1<TAB>w2 ...
func (m *Model) WriteTo(w io.Writer) (int64, error) {
	bw := bufio.NewWriter(w)
	cw := &countWriter{w: bw}
	fmt.Fprintln(cw, header)
	fmt.Fprintln(cw, "classes\t"+strings.Join(m.Classes, "\t"))
	fmt.Fprintln(cw, "bias\t"+floats(m.bias))
	feats := make([]string, 0, len(m.index))
	for f := range m.index {
		feats = append(feats, f)
	}
	sort.Strings(feats)
	k := len(m.Classes)
	for _, f := range feats {
		r := int(m.index[f])
		row := m.w[r*k : r*k+k]
		zero := true
		for _, x := range row {
			if x != 0 {
				zero = false
			}
		}
		if !zero {
			fmt.Fprintln(cw, "f\t"+f+"\t"+floats(row))
		}
	}
	if cw.err != nil {
		return cw.n, cw.err
	}
	return cw.n, bw.Flush()
}

func floats(xs []float32) string {
	s := make([]string, len(xs))
	for i, x := range xs {
		s[i] = strconv.FormatFloat(float64(x), 'g', -1, 32)
	}
	return strings.Join(s, "\t")
}

// Read reads a model written by WriteTo.
func Read(r io.Reader) (*Model, error) {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64*1024), 1<<20)
	m := &Model{index: map[string]int32{}}
	line := 0
	for sc.Scan() {
		line++
		t := sc.Text()
		if line == 1 {
			if t != header {
				return nil, fmt.Errorf("linear: line 1: not a model file (want %q)", header)
			}
			continue
		}
		f := strings.Split(t, "\t")
		switch {
		case f[0] == "classes" && line == 2:
			m.Classes = f[1:]
		case f[0] == "bias" && line == 3:
			b, err := parseFloats(f[1:], len(m.Classes))
			if err != nil {
				return nil, fmt.Errorf("linear: line %d: %w", line, err)
			}
			m.bias = b
		case f[0] == "f" && line > 3 && len(f) >= 2:
			ws, err := parseFloats(f[2:], len(m.Classes))
			if err != nil {
				return nil, fmt.Errorf("linear: line %d: %w", line, err)
			}
			if _, dup := m.index[f[1]]; dup {
				return nil, fmt.Errorf("linear: line %d: feature %q twice", line, f[1])
			}
			m.index[f[1]] = int32(len(m.w) / len(m.Classes))
			m.w = append(m.w, ws...)
		default:
			return nil, fmt.Errorf("linear: line %d: unexpected %q", line, f[0])
		}
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("linear: %w", err)
	}
	if len(m.Classes) < 2 || m.bias == nil {
		return nil, fmt.Errorf("linear: incomplete model (%d lines)", line)
	}
	return m, nil
}

func parseFloats(s []string, n int) ([]float32, error) {
	if len(s) != n {
		return nil, fmt.Errorf("%d weights, want %d", len(s), n)
	}
	out := make([]float32, n)
	for i, x := range s {
		v, err := strconv.ParseFloat(x, 32)
		if err != nil {
			return nil, err
		}
		out[i] = float32(v)
	}
	return out, nil
}

type countWriter struct {
	w   io.Writer
	n   int64
	err error
}

func (c *countWriter) Write(p []byte) (int, error) {
	if c.err != nil {
		return 0, c.err
	}
	n, err := c.w.Write(p)
	c.n += int64(n)
	c.err = err
	return n, err
}
