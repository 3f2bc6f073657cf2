package main

import (
	"fmt"
	"path/filepath"
	"regexp"
	"strings"
)

// agentLine is an agent noun and its code: "POLICE_OFFICER [~COP]",
// "DAIRY!PERSON! [~AGR]", "POLICE {} [~COP]".
var agentLine = regexp.MustCompile(`^([A-Z][A-Z_!'-]*)\s*(?:\{[^}]*\})?\s*\[~([A-Z]{3})[A-Z]*\]`)

// agent is an agent noun of the agents dictionary with its sector.
type agent struct {
	noun, plural, sector string
	line                 int
}

// persons expands the dictionary's !PERSON! set.
var personForms = [][2]string{{"man", "men"}, {"woman", "women"}, {"person", "people"}}

// plural returns the regular plural of a noun phrase's last word, as the
// dictionary leaves regular plurals to the coder.
func plural(noun string) string {
	ws := strings.Fields(noun)
	w := ws[len(ws)-1]
	switch {
	case strings.HasSuffix(w, "y") && len(w) > 1 && !strings.ContainsRune("aeiou", rune(w[len(w)-2])):
		w = w[:len(w)-1] + "ies"
	case strings.HasSuffix(w, "s"), strings.HasSuffix(w, "x"), strings.HasSuffix(w, "ch"), strings.HasSuffix(w, "sh"):
		w += "es"
	default:
		w += "s"
	}
	ws[len(ws)-1] = w
	return strings.Join(ws, " ")
}

// readAgents reads the agent nouns of up to three words and their CAMEO
// sector (the first three letters of the code: [~GOVMED] is GOV); nouns
// that are already plural (the dictionary lists irregular ones such as
// "police") have no other plural.
func readAgents(path string) ([]agent, error) {
	var out []agent
	seen := map[string]bool{}
	err := eachLine(path, "agents", func(line string, n int) {
		m := agentLine.FindStringSubmatch(strings.TrimSpace(line))
		if m == nil {
			return
		}
		name := strings.ToLower(strings.Trim(m[1], "_"))
		var nouns [][2]string
		if strings.HasSuffix(name, "!person!") {
			stem := strings.TrimSuffix(name, "!person!")
			for _, f := range personForms {
				nouns = append(nouns, [2]string{stem + f[0], stem + f[1]})
			}
		} else if !strings.Contains(name, "!") {
			p := strings.ReplaceAll(name, "_", " ")
			nouns = append(nouns, [2]string{p, plural(p)})
		}
		for _, nn := range nouns {
			noun := strings.ReplaceAll(nn[0], "_", " ")
			if len(strings.Fields(noun)) > 3 || seen[noun] || strings.ContainsAny(noun, "'") {
				continue
			}
			seen[noun] = true
			out = append(out, agent{noun: noun, plural: strings.ReplaceAll(nn[1], "_", " "), sector: m[2], line: n})
		}
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}

// writeAgents writes gazetteer/agents_generated.tsv.
func writeAgents(kb, out string) error {
	const file = "Phoenix.agents.txt"
	as, err := readAgents(filepath.Join(kb, file))
	if err != nil {
		return err
	}
	w, err := createTSV(out, "agents_generated.tsv", "noun\tplural\tsector\tsource",
		"Agent nouns of the agents dictionary (police, rebels, lawmakers, farmers...) and the CAMEO sector",
		"they give (COP, REB, LEG, AGR...: the first three letters of the code); plural: the regular plural,",
		"which the dictionary leaves to the coder; source: file and line. Not read by the tagger yet (see",
		"data/gazetteer/README.md).",
	)
	if err != nil {
		return err
	}
	for _, a := range as {
		fmt.Fprintf(w, "%s\t%s\t%s\t%s:%d\n", a.noun, a.plural, a.sector, file, a.line)
	}
	return w.Close()
}
