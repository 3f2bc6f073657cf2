package main

import (
	"fmt"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
)

// ssaBirths reads the national files of the US Social Security
// Administration's baby names (yobYYYY.txt: "name,sex,number" per line, one
// file per year of birth) in dir and returns the births of each name, both
// sexes and all years summed, under its upper-case key, and the first and
// last year read.
func ssaBirths(dir string) (map[string]int, int, int, error) {
	files, err := filepath.Glob(filepath.Join(dir, "yob*.txt"))
	if err != nil {
		return nil, 0, 0, fmt.Errorf("list ssa files in %s: %w", dir, err)
	}
	if len(files) == 0 {
		return nil, 0, 0, fmt.Errorf("no yob*.txt files in %s", dir)
	}
	sort.Strings(files)
	births := map[string]int{}
	first, last := 0, 0
	for _, path := range files {
		year, err := strconv.Atoi(strings.TrimSuffix(strings.TrimPrefix(filepath.Base(path), "yob"), ".txt"))
		if err != nil {
			return nil, 0, 0, fmt.Errorf("ssa file %s: year: %w", path, err)
		}
		if first == 0 || year < first {
			first = year
		}
		last = max(last, year)
		var bad error
		err = eachLine(path, "ssa names", func(line string, n int) {
			fs := strings.Split(strings.TrimSpace(line), ",")
			if bad != nil || len(fs) == 1 && fs[0] == "" {
				return
			}
			if len(fs) != 3 {
				bad = fmt.Errorf("read %s line %d: want name,sex,number: %q", path, n, line)
				return
			}
			c, err := strconv.Atoi(fs[2])
			if err != nil {
				bad = fmt.Errorf("read %s line %d: number: %w", path, n, err)
				return
			}
			births[strings.ToUpper(fs[0])] += c
		})
		if err != nil {
			return nil, 0, 0, err
		}
		if bad != nil {
			return nil, 0, 0, bad
		}
	}
	return births, first, last, nil
}

// ssaGiven reports whether an SSA name (upper-case key) may start a person's
// name on its own: in lower case it is no word of the word list, which holds
// the common English words ("will", "may", "justice", "king", "royal"), and
// it is no name of a state, capital, demonym or place, of a body or of a
// known official of the hand tables, nor of a generated place, state
// variant, body or group (hand.generated, once readGeneratedStates has run
// after the other tables were written).
func ssaGiven(k string, words map[string]bool, hand *handNames) bool {
	if len(k) < 2 || stop[k] || english[k] || words[strings.ToLower(k)] {
		return false
	}
	return !hand.named(nameKey(k))
}

// readGeneratedStates adds the state variants of states_generated.tsv in
// the directory out, written by writeStates, to the generated names. It
// runs after all the other tables are written, which the state variants
// must not change.
func (h *handNames) readGeneratedStates(out string) error {
	rows, err := readTable(filepath.Join(out, "states_generated.tsv"))
	if err != nil {
		return fmt.Errorf("generated states: %w", err)
	}
	for _, r := range rows {
		h.generated[nameKey(r["text"])] = true
	}
	return nil
}
