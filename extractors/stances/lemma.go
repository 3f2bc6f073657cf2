package stances

import "strings"

// lemma returns the base form of a verb for a commitment's action:
// "rendered" → "render", "decided" → "decide", "held" → "hold". Irregular
// forms come from lemmas.tsv; the rest is undone by rule, well enough for a
// label.
func (x *Extractor) lemma(w, tag string) string {
	if l, ok := x.lx.lemmas[w]; ok {
		return l
	}
	switch tag {
	case "VBD", "VBN":
		switch {
		case strings.HasSuffix(w, "ied") && len(w) > 4:
			return w[:len(w)-3] + "y"
		case strings.HasSuffix(w, "eed"):
			return w[:len(w)-1]
		case strings.HasSuffix(w, "ed") && len(w) > 4:
			return undoSuffix(w[:len(w)-2])
		}
	case "VBG":
		if strings.HasSuffix(w, "ing") && len(w) > 5 {
			return undoSuffix(w[:len(w)-3])
		}
	case "VBZ":
		switch {
		case strings.HasSuffix(w, "ies") && len(w) > 4:
			return w[:len(w)-3] + "y"
		case strings.HasSuffix(w, "sses"), strings.HasSuffix(w, "shes"), strings.HasSuffix(w, "ches"),
			strings.HasSuffix(w, "xes"), strings.HasSuffix(w, "zes"):
			return w[:len(w)-2]
		case strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss"):
			return w[:len(w)-1]
		}
	}
	return w
}

// undoSuffix restores the base a verb had before -ed or -ing: a doubled
// consonant is undone ("planned" → "plan") and a silent e put back where
// English spelling wants one ("decid" → "decide", "releas" → "release").
func undoSuffix(b string) string {
	n := len(b)
	if n < 2 {
		return b
	}
	last, prev := b[n-1], b[n-2]
	if last == prev && !strings.ContainsRune("aeiouslfz", rune(last)) {
		return b[:n-1]
	}
	if isVowel(last) && last != 'u' {
		return b
	}
	if last == 's' && isVowel(prev) {
		return b + "e" // "releas", "us", "increas", "caus"
	}
	if n >= 3 && isVowel(b[n-3]) && isVowel(prev) {
		return b // "avoid", "join", "need"
	}
	switch {
	case strings.ContainsRune("vzcu", rune(last)):
		return b + "e"
	case last == 'g' && (prev == 'r' || prev == 'd' || prev == 'n' && n >= 4 && b[n-3] == 'a'):
		return b + "e" // "urg", "pledg", "arrang", "chang"
	case isVowel(prev) && n >= 3 && !isVowel(b[n-3]):
		switch b[n-2:] {
		case "at", "id", "ad", "od", "ud", "ut", "ot", "ok", "ak", "ik", "ib", "ar", "ur", "ir", "in", "om", "ov", "ag", "ap", "ip":
			return b + "e"
		}
	}
	return b
}

func isVowel(c byte) bool { return strings.IndexByte("aeiou", c) >= 0 }
