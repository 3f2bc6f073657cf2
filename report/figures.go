package report

import (
	"cmp"
	"fmt"
	"math"
	"strconv"
)

// Figure is one chart: an inline SVG of rectangles, lines and texts laid
// out here, in pixels, so the template only prints them.
type Figure struct {
	ID     string // anchor of the figure
	Title  string
	Note   string // what the marks are and what they link to
	Empty  string // said instead of the chart when there is nothing to show
	Width  int
	Height int
	Rects  []Rect
	Lines  []Line
	Texts  []Text
	Legend []Swatch
}

// Rect is a mark; Href, when set, is the anchor of its example rows.
type Rect struct {
	X, Y, W, H float64
	Fill       string
	Opacity    float64 // 0 means opaque
	Href       string
	Title      string // tooltip
}

// Line is an axis or a tick.
type Line struct{ X1, Y1, X2, Y2 float64 }

// Text is a label; Anchor is start, middle or end; Rotate turns it by
// that many degrees around (X, Y).
type Text struct {
	X, Y   float64
	S      string
	Anchor string
	Href   string
	Class  string
	Rotate float64
}

// Swatch is one entry of a figure's legend.
type Swatch struct{ Name, Fill string }

// series is one colour of a stacked chart.
type series struct{ name, fill string }

// bar is one row of a horizontal bar chart, or one column of a time chart.
type bar struct {
	label  string
	href   string   // where the label links to
	values []int64  // one per series
	hrefs  []string // one per series: where each segment links to
	fill   string   // overrides the series' colour
}

const (
	figWidth  = 760
	rowHeight = 22
	fontPx    = 12
)

// hbars lays out horizontal stacked bars, one per row, labels on the left,
// totals on the right, all on one linear scale.
func hbars(f *Figure, ss []series, bars []bar, labelWidth float64) {
	f.Width = figWidth
	f.Height = len(bars)*rowHeight + 10
	if len(ss) > 1 {
		f.Legend = swatches(ss)
	}
	plotX := labelWidth + 8
	plotW := float64(figWidth) - plotX - 60
	max := int64(0)
	for _, b := range bars {
		max = maxInt(max, sum(b.values))
	}
	f.Lines = append(f.Lines, Line{plotX, 2, plotX, float64(f.Height) - 4})
	for i, b := range bars {
		y := float64(i*rowHeight) + 5
		f.Texts = append(f.Texts, Text{X: labelWidth, Y: y + 12, S: clip(b.label, int(labelWidth/7.5)), Anchor: "end", Href: b.href})
		x := plotX
		for j, v := range b.values {
			if v == 0 {
				continue
			}
			w := scale(v, max, plotW)
			f.Rects = append(f.Rects, Rect{X: x, Y: y, W: w, H: rowHeight - 6, Fill: cmp.Or(b.fill, ss[j].fill), Href: b.hrefs[j],
				Title: fmt.Sprintf("%s, %s: %s", b.label, ss[j].name, thousands(v))})
			x += w
		}
		f.Texts = append(f.Texts, Text{X: x + 4, Y: y + 12, S: thousands(sum(b.values)), Anchor: "start", Class: "num"})
	}
}

// columns lays out vertical stacked columns over a time axis (top, height
// in pixels), one scale for all of them, with the axis labels thinned to
// fit, and a max label on the left.
func columns(f *Figure, ss []series, cols []bar, top, height float64, caption string) {
	const left, right = 70.0, 10.0
	plotW := float64(figWidth) - left - right
	step := plotW / float64(max1(len(cols)))
	barW := math.Max(1, step*0.8)
	max := int64(0)
	for _, c := range cols {
		max = maxInt(max, sum(c.values))
	}
	base := top + height
	f.Lines = append(f.Lines, Line{left, base, float64(figWidth) - right, base}, Line{left, top, left, base})
	f.Texts = append(f.Texts,
		Text{X: left - 4, Y: top + 10, S: thousands(max), Anchor: "end", Class: "num"},
		Text{X: left - 4, Y: base, S: "0", Anchor: "end", Class: "num"},
		Text{X: 0, Y: top + height/2 + 4, S: clip(caption, 12), Anchor: "start"})
	every := int(math.Ceil(80 / step)) // one axis label per 80 px
	for i, c := range cols {
		x := left + float64(i)*step + (step-barW)/2
		y := base
		for j, v := range c.values {
			if v == 0 {
				continue
			}
			h := scale(v, max, height)
			y -= h
			f.Rects = append(f.Rects, Rect{X: x, Y: y, W: barW, H: h, Fill: ss[j].fill, Href: c.hrefs[j],
				Title: fmt.Sprintf("%s, %s: %s", c.label, ss[j].name, thousands(v))})
		}
		if i%every == 0 || i == len(cols)-1 && c.label == noDate {
			f.Texts = append(f.Texts, Text{X: x + barW/2, Y: base + 14, S: c.label, Anchor: "middle", Href: c.href, Class: "axis"})
		}
	}
}

// scale maps v of max onto px pixels, at least one pixel for a nonzero v.
func scale(v, max int64, px float64) float64 {
	if max == 0 {
		return 0
	}
	return math.Max(1, float64(v)/float64(max)*px)
}

func swatches(ss []series) []Swatch {
	out := make([]Swatch, len(ss))
	for i, s := range ss {
		out[i] = Swatch{s.name, s.fill}
	}
	return out
}

func sum(vs []int64) int64 {
	var n int64
	for _, v := range vs {
		n += v
	}
	return n
}

func maxInt(a, b int64) int64 {
	if a > b {
		return a
	}
	return b
}

func max1(n int) int {
	if n < 1 {
		return 1
	}
	return n
}

// thousands formats n with commas between thousands.
func thousands(n int64) string {
	s := strconv.FormatInt(n, 10)
	neg := n < 0
	if neg {
		s = s[1:]
	}
	var out []byte
	for i := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			out = append(out, ',')
		}
		out = append(out, s[i])
	}
	if neg {
		return "-" + string(out)
	}
	return string(out)
}

// clip shortens s to n characters with an ellipsis.
func clip(s string, n int) string {
	r := []rune(s)
	if len(r) <= n || n < 2 {
		return s
	}
	return string(r[:n-1]) + "…"
}

// mix returns the colour a fraction t of the way from a to b (hex #rrggbb).
func mix(a, b string, t float64) string {
	pa, pb := rgb(a), rgb(b)
	var out [3]int
	for i := range out {
		out[i] = int(math.Round(float64(pa[i]) + (float64(pb[i])-float64(pa[i]))*t))
	}
	return fmt.Sprintf("#%02x%02x%02x", out[0], out[1], out[2])
}

func rgb(hex string) [3]int {
	var c [3]int
	fmt.Sscanf(hex, "#%02x%02x%02x", &c[0], &c[1], &c[2])
	return c
}
