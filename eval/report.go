package eval

import (
	"bufio"
	"fmt"
	"io"

	"github.com/communique/communique/models"
)

// WriteText prints the report as compact tables: the diff when withDiff is
// set, the scores per class, then a summary in the last lines (at most 12),
// so that `tail -n 12` shows the headline numbers.
func (r Report) WriteText(w io.Writer, withDiff bool) error {
	bw := bufio.NewWriter(w)
	if withDiff {
		fmt.Fprintf(bw, "diff: %d entries (FP predicted only, FN gold only, SPAN other boundaries, ID other canonical id)\n", len(r.Diff))
		for _, e := range r.Diff {
			fmt.Fprintln(bw, e)
		}
		fmt.Fprintln(bw)
	}

	labels := strs(models.Labels)
	fmt.Fprintf(bw, "%-22s %5s %5s | %-20s | %-20s\n", "entities by label", "gold", "pred", "strict   P     R    F1", "lenient  P     R    F1")
	for _, k := range unionClasses(labels, r.EntitiesStrict, r.EntitiesLenient) {
		s, l := r.EntitiesStrict.ByClass[k], r.EntitiesLenient.ByClass[k]
		fmt.Fprintf(bw, "  %-20s %5d %5d | %s | %s\n", k, s.Gold(), s.Pred(), prf(s), prf(l))
	}
	fmt.Fprintf(bw, "%-22s %5s %5s %5s | %-20s\n", "commitments by modality", "gold", "pred", "tp", "     P      R     F1")
	for _, k := range r.Commitments.Classes(strs(models.Modalities)) {
		c := r.Commitments.ByClass[k]
		fmt.Fprintf(bw, "  %-20s %5d %5d %5d | %s\n", k, c.Gold(), c.Pred(), c.TP, prf(c))
	}
	fmt.Fprintf(bw, "%-22s %5s %5s %5s | %-20s\n", "positions by stance", "gold", "pred", "tp", "     P      R     F1")
	for _, k := range r.Positions.Classes(strs(models.Stances)) {
		c := r.Positions.ByClass[k]
		fmt.Fprintf(bw, "  %-20s %5d %5d %5d | %s\n", k, c.Gold(), c.Pred(), c.TP, prf(c))
	}

	fmt.Fprintf(bw, "\nsummary: %d articles, micro-averaged\n", r.Articles)
	fmt.Fprintf(bw, "%-22s %5s %5s %5s | %-20s\n", "table", "gold", "pred", "tp", "     P      R     F1")
	row := func(name string, c Counts) {
		fmt.Fprintf(bw, "%-22s %5d %5d %5d | %s\n", name, c.Gold(), c.Pred(), c.TP, prf(c))
	}
	acc := func(name string, a Accuracy) {
		fmt.Fprintf(bw, "%-22s %17s | %6.3f\n", name, fmt.Sprintf("%d/%d", a.Correct, a.Total), a.Value())
	}
	row("entities strict", r.EntitiesStrict.Counts)
	row("entities lenient", r.EntitiesLenient.Counts)
	acc("  canonical accuracy", r.Canonical)
	row("commitments", r.Commitments.Counts)
	acc("  modality accuracy", r.Modality)
	row("positions", r.Positions.Counts)
	return bw.Flush()
}

// prf formats precision, recall and F1 in 20 columns.
func prf(c Counts) string {
	return fmt.Sprintf("%6.3f %6.3f %6.3f", c.Precision(), c.Recall(), c.F1())
}

// unionClasses returns the classes of any of the tables, those of order first.
func unionClasses(order []string, ts ...Table) []string {
	var all Table
	for _, t := range ts {
		all.add(t)
	}
	return all.Classes(order)
}

func strs[S ~string](xs []S) []string {
	out := make([]string, len(xs))
	for i, x := range xs {
		out[i] = string(x)
	}
	return out
}
