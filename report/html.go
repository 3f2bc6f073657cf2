package report

import (
	_ "embed"
	"fmt"
	"html/template"
	"io"
	"strconv"
)

//go:embed report.html.tmpl
var pageTemplate string

// page is parsed once; html/template escapes every value by its context.
var page = template.Must(template.New("report").Funcs(template.FuncMap{
	"px": func(v float64) string { return strconv.FormatFloat(v, 'f', 1, 64) },
	"op": func(v float64) string { return strconv.FormatFloat(v, 'f', 2, 64) },
}).Parse(pageTemplate))

// WriteHTML writes the report as one self-contained HTML page: inline
// styles and SVG, no script, nothing loaded from elsewhere.
func (r *Report) WriteHTML(w io.Writer) error {
	if err := page.Execute(w, r); err != nil {
		return fmt.Errorf("render report: %w", err)
	}
	return nil
}
