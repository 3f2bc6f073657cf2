package entities

// trie maps sequences of unit keys to gazetteer entries. Matching walks it
// from each unit once, so the cost of a lookup does not grow with the
// number of names.
type trie struct {
	nodes []tnode
}

type tnode struct {
	next    map[string]int32
	entries []int32 // entries whose phrase ends here, in insertion order
}

func newTrie() *trie { return &trie{nodes: make([]tnode, 1)} }

// insert adds entry e under the key sequence keys.
func (t *trie) insert(keys []string, e int32) {
	n := int32(0)
	for _, k := range keys {
		c, ok := t.nodes[n].next[k]
		if !ok {
			if t.nodes[n].next == nil {
				t.nodes[n].next = make(map[string]int32)
			}
			c = int32(len(t.nodes))
			t.nodes = append(t.nodes, tnode{})
			t.nodes[n].next[k] = c
		}
		n = c
	}
	t.nodes[n].entries = append(t.nodes[n].entries, e)
}

// child returns the node after n on key k, or -1.
func (t *trie) child(n int32, k string) int32 {
	c, ok := t.nodes[n].next[k]
	if !ok {
		return -1
	}
	return c
}
