// This file follows the averaged-perceptron tagger of prose v2.0.0
// (tag.go): its features, word normalization and special tags. prose is
// under the MIT licence: its copyright line and permission notice are in
// third_party/prose/LICENSE at the root of this repository and go with every
// copy of this file.

package segment

import (
	"bytes"
	"encoding/gob"
	"fmt"
	"math"
	"regexp"
	"strconv"
	"strings"

	"github.com/jdkato/prose/v2"
	"github.com/mingrammer/commonregex"
)

// tagger is prose's averaged-perceptron part-of-speech tagger, with prose's
// own model, in a form that is fast to query: prose keeps its weights in
// nested maps and builds three maps per token, which made tagging 60% of the
// pipeline's CPU time. Here a feature maps to a run of (class, weight) pairs
// in a compact hash table (weights.go) and scores live in a reused array.
// Ties are broken by class order, where prose picks by map iteration order,
// so tags are also deterministic.
type tagger struct {
	classes []string
	tagMap  map[string]string // words prose tags from its dictionary
	weights *weightTable      // feature → non-zero weights
}

type classWeight struct {
	class  int32
	weight float64
}

// Regular expressions prose uses for special tokens (see prose tag.go).
var (
	noneRE = regexp.MustCompile(`^(?:0|\*[\w?]\*|\*\-\d{1,3}|\*[A-Z]+\*\-\d{1,3}|\*)$`)
	keepRE = regexp.MustCompile(`^\-[A-Z]{3}\-$`)
)

// newTagger loads prose's tagging model from the assets prose embeds.
func newTagger() (*tagger, error) {
	var classes []string
	var tags map[string]string
	var wts map[string]map[string]float64
	for _, a := range []struct {
		name string
		dst  any
	}{
		{"model/AveragedPerceptron/classes.gob", &classes},
		{"model/AveragedPerceptron/tags.gob", &tags},
		{"model/AveragedPerceptron/weights.gob", &wts},
	} {
		b, err := prose.Asset(a.name)
		if err != nil {
			return nil, fmt.Errorf("prose model %s: %w", a.name, err)
		}
		if err := gob.NewDecoder(bytes.NewReader(b)).Decode(a.dst); err != nil {
			return nil, fmt.Errorf("prose model %s: %w", a.name, err)
		}
	}
	index := make(map[string]int32, len(classes))
	for i, c := range classes {
		index[c] = int32(i)
	}
	t := &tagger{classes: classes, tagMap: tags, weights: newWeightTable(len(wts))}
	var cw []classWeight
	for feat, ws := range wts {
		cw = cw[:0]
		for label, w := range ws {
			i, ok := index[label]
			if !ok {
				i = int32(len(t.classes))
				index[label] = i
				t.classes = append(t.classes, label)
			}
			cw = append(cw, classWeight{i, w})
		}
		if len(cw) > 0 {
			if err := t.weights.add(feat, cw); err != nil {
				return nil, fmt.Errorf("prose model: %w", err)
			}
		}
	}
	return t, nil
}

// tagState is the per-call scratch space of tag.
type tagState struct {
	ctx     []string
	scores  []float64
	touched []bool // classes some feature weighted; prose only picks among them
	keys    featureKeys
}

// tag sets the Tag of each token of one sentence; words are the tokens as
// prose's tokenizer wrote them (straight quotes for curly ones).
func (t *tagger) tag(words []string, toks []Token) {
	st := tagState{
		ctx:     make([]string, len(toks)+4),
		scores:  make([]float64, len(t.classes)),
		touched: make([]bool, len(t.classes)),
		keys:    featureKeys{buf: make([]byte, 0, 256), ends: make([]int, 0, batch)},
	}
	st.ctx[0], st.ctx[1] = "-START-", "-START2-"
	for i, w := range words {
		st.ctx[i+2] = normalizeWord(w)
	}
	st.ctx[len(toks)+2], st.ctx[len(toks)+3] = "-END-", "-END2-"
	p1, p2 := "-START-", "-START2-"
	for i := range toks {
		word := words[i]
		tag, ok := specialTag(word)
		if !ok {
			if tag, ok = t.tagMap[word]; !ok {
				tag = t.predict(&st, i, word, p1, p2)
			}
		}
		toks[i].Tag = tag
		p2, p1 = p1, tag
	}
}

// specialTag gives prose's fixed tags for dashes, emoticons, links, e-mail
// addresses, handles and trace markers. The cheap tests before each regular
// expression only skip words it cannot match.
func specialTag(word string) (string, bool) {
	switch {
	case word == "-":
		return "-", true
	case emoticons[word]:
		return "SYM", true
	case strings.HasPrefix(word, "@"),
		strings.Contains(word, ".") && commonregex.LinkRegex.MatchString(word),
		strings.Contains(word, "@") && commonregex.EmailRegex.MatchString(word):
		return "NN", true
	case (word == "0" || strings.HasPrefix(word, "*")) && noneRE.MatchString(word):
		return "-NONE-", true
	case len(word) == 5 && word[0] == '-' && keepRE.MatchString(word):
		return word, true
	}
	return "", false
}

// predict scores the classes for token i with prose's fourteen features.
func (t *tagger) predict(st *tagState, i int, w, p1, p2 string) string {
	clear(st.scores)
	clear(st.touched)
	ctx := st.ctx
	i = min(len(ctx)-2, i+2)
	prev, next := ctx[i-1], ctx[i+1]
	k := &st.keys
	k.reset()
	k.add("bias")
	k.add("i suffix", w[len(w)-min(len(w), 3):])
	k.add("i pref1", w[:1])
	k.add("i-1 tag", p1)
	k.add("i-2 tag", p2)
	k.add("i tag+i-2 tag", p1, p2)
	k.add("i word", ctx[i])
	k.add("i-1 tag+i word", p1, ctx[i])
	k.add("i-1 word", prev)
	k.add("i-1 suffix", prev[len(prev)-min(len(prev), 3):])
	k.add("i-2 word", ctx[i-2])
	k.add("i+1 word", next)
	k.add("i+1 suffix", next[len(next)-min(len(next), 3):])
	k.add("i+2 word", ctx[i+2])
	t.weights.addTo(k, st.scores, st.touched)
	best, class := math.Inf(-1), ""
	for c, s := range st.scores {
		if st.touched[c] && s > best {
			best, class = s, t.classes[c]
		}
	}
	return class
}

// normalizeWord is prose's word normalization for tagging context.
func normalizeWord(word string) string {
	if word == "" {
		return word
	}
	if strings.Contains(word, "-") && word[0] != '-' {
		return "!HYPHEN"
	}
	if len(word) == 4 {
		if _, err := strconv.Atoi(word); err == nil {
			return "!YEAR"
		}
	}
	if word[0] >= '0' && word[0] <= '9' {
		return "!DIGITS"
	}
	return strings.ToLower(word)
}
