package entities

import (
	"fmt"

	"github.com/communique/communique/data"
	"github.com/communique/communique/models"
)

// Discard phrases (data/gazetteer/discards_generated.tsv) look like actors
// but are not: sports events and clubs, diseases, titles of works ("film
// festival", "bird flu"). As PETRARCH does for its actor matches, an
// actor mention (STATE, ORG, GROUP or OFFICIAL) lying wholly inside a
// discard phrase of the text is dropped, whether the gazetteer, a title or
// the name recogniser found it; places and operations stay. The phrases sit
// in the gazetteer's trie as kDiscard entries, so matchGazetteer finds them
// in its one pass, in any case and as whole words.

// loadDiscards adds the discard phrases to the trie. A phrase that a table
// already names (a state's name alone, a place, a body) is left out: the
// name keeps its entry. Both levels (story and sentence) block the same
// way: a story-level discard does not drop the article's other mentions.
// A row without a level is an error, as is any other level.
func (g *gazetteer) loadDiscards() error {
	rows, err := data.TSV(discardsFile)
	if err != nil {
		return err
	}
	for _, r := range rows {
		switch r["level"] {
		case "story", "sentence":
		default:
			return fmt.Errorf("%s: %q: level %q is not story or sentence", discardsFile, r["phrase"], r["level"])
		}
		if p := r["phrase"]; !g.holds(p) {
			g.add(entry{kind: kDiscard}, p)
		}
	}
	return nil
}

// actorLabel reports whether l is an actor's label, which a discard phrase
// around the mention drops.
func actorLabel(l models.Label) bool {
	return l == models.State || l == models.Org || l == models.Group || l == models.Official
}

// discarded reports whether the units [a, b) lie wholly inside a discard
// phrase that matchGazetteer found: some phrase starts at or before a and
// ends at or after b, which coverEnd[a], the furthest end of the phrases
// starting at or before a, tells in one step.
func (s *scratch) discarded(a, b int) bool {
	return a < len(s.coverEnd) && b <= int(s.coverEnd[a])
}

// dropDiscarded drops the actor mentions that the later steps (titles, the
// name recogniser, patterns, a capital standing for its state) found wholly
// inside a discard phrase.
func (t *Tagger) dropDiscarded(s *scratch) {
	if !s.anyDiscard {
		return
	}
	for i := range s.cands {
		if c := &s.cands[i]; !c.dead && actorLabel(c.label) && s.discarded(c.a, c.b) {
			s.kill(i)
		}
	}
}
