package data

import (
	"bufio"
	"bytes"
	"fmt"
	"strings"
)

// Record is one row of a TSV file, keyed by the header's column names.
type Record map[string]string

// ParseTSV parses tab-separated data with a header row; name is used in errors.
func ParseTSV(name string, b []byte) ([]Record, error) {
	var header []string
	var out []Record
	sc := bufio.NewScanner(bytes.NewReader(b))
	line := 0
	for sc.Scan() {
		line++
		text := strings.TrimRight(sc.Text(), "\r")
		if strings.TrimSpace(text) == "" || strings.HasPrefix(text, "#") {
			continue
		}
		cells := strings.Split(text, "\t")
		if header == nil {
			header = cells
			continue
		}
		if len(cells) > len(header) {
			return nil, fmt.Errorf("%s line %d: %d cells, header has %d", name, line, len(cells), len(header))
		}
		r := make(Record, len(header))
		for i, h := range header {
			if i < len(cells) {
				r[h] = strings.TrimSpace(cells[i])
			} else {
				r[h] = ""
			}
		}
		out = append(out, r)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	return out, nil
}
