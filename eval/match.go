package eval

import "slices"

// match pairs gold rows with predicted rows one to one. edge(g, p) says
// whether gold row g and predicted row p may match; rank(g, p) orders the
// candidates of a gold row, lower first.
//
// The assignment is a maximum-cardinality bipartite matching (Kuhn's
// augmenting paths): no other one-to-one assignment matches more rows, so a
// greedy choice never costs a true positive. Gold rows are taken in order
// and each tries its candidates by rank, then by index, so the result is
// deterministic and, where several maximum matchings exist, usually the one
// a reader expects (an exact span before a mere overlap). A predicted row
// matched by no gold row is a false positive: a duplicate prediction of a
// matched gold row is one.
//
// It returns, for each gold row, the index of its predicted row or -1, and
// for each predicted row, the index of its gold row or -1.
func match(nGold, nPred int, edge func(g, p int) bool, rank func(g, p int) int) (goldTo, predTo []int) {
	cand := make([][]int, nGold)
	for g := range nGold {
		for p := range nPred {
			if edge(g, p) {
				cand[g] = append(cand[g], p)
			}
		}
		if rank != nil {
			slices.SortStableFunc(cand[g], func(a, b int) int { return rank(g, a) - rank(g, b) })
		}
	}
	goldTo = make([]int, nGold)
	predTo = make([]int, nPred)
	for i := range goldTo {
		goldTo[i] = -1
	}
	for i := range predTo {
		predTo[i] = -1
	}
	seen := make([]int, nPred) // round in which a predicted row was visited
	var augment func(g, round int) bool
	augment = func(g, round int) bool {
		for _, p := range cand[g] {
			if seen[p] == round {
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
	for g := range nGold {
		if len(cand[g]) > 0 {
			augment(g, g+1)
		}
	}
	return goldTo, predTo
}

// overlaps reports whether [s1,e1) and [s2,e2) share a code point.
func overlaps(s1, e1, s2, e2 int) bool { return s1 < e2 && s2 < e1 }

// overlap returns the number of code points [s1,e1) and [s2,e2) share.
func overlap(s1, e1, s2, e2 int) int { return max(0, min(e1, e2)-max(s1, s2)) }

// intersect reports whether two id lists share an id.
func intersect(a, b []string) bool {
	for _, x := range a {
		if slices.Contains(b, x) {
			return true
		}
	}
	return false
}
