package report

import (
	"slices"
	"time"

	"github.com/communique/communique/models"
)

// noDate labels the bucket of rows whose article has no publication date.
const noDate = "no date"

// timeAxis buckets publication days into at most max periods: days when the
// dated rows span at most max days, else months, else years. Every period
// from the first to the last is on the axis, empty or not, and rows without
// a date get a last bucket of their own.
type timeAxis struct {
	unit    string   // "day", "month" or "year"
	periods []string // labels in order; noDate last when some rows have no date
	index   map[string]int
}

func newTimeAxis(days []models.Date, max int) timeAxis {
	var dated []models.Date
	hasUndated := false
	for _, d := range days {
		if d == undated {
			hasUndated = true
		} else {
			dated = append(dated, d)
		}
	}
	a := timeAxis{unit: "day", index: map[string]int{}}
	if len(dated) > 0 {
		lo, hi := slices.Min(dated), slices.Max(dated)
		t0, t1 := lo.Time(), hi.Time()
		months := (t1.Year()-t0.Year())*12 + int(t1.Month()) - int(t0.Month()) + 1
		switch {
		case int(hi-lo)+1 <= max:
		case months <= max:
			a.unit = "month"
		default:
			a.unit = "year"
		}
		for t := t0; !t.After(t1); t = a.next(t) {
			a.periods = append(a.periods, a.label(t))
		}
		if a.label(t1) != a.periods[len(a.periods)-1] {
			a.periods = append(a.periods, a.label(t1))
		}
	}
	if hasUndated {
		a.periods = append(a.periods, noDate)
	}
	for i, p := range a.periods {
		a.index[p] = i
	}
	return a
}

func (a timeAxis) label(t time.Time) string {
	switch a.unit {
	case "month":
		return t.Format("2006-01")
	case "year":
		return t.Format("2006")
	}
	return t.Format(time.DateOnly)
}

func (a timeAxis) next(t time.Time) time.Time {
	switch a.unit {
	case "month":
		return time.Date(t.Year(), t.Month()+1, 1, 0, 0, 0, 0, time.UTC)
	case "year":
		return time.Date(t.Year()+1, 1, 1, 0, 0, 0, 0, time.UTC)
	}
	return t.AddDate(0, 0, 1)
}

// of returns the period of a day.
func (a timeAxis) of(d models.Date) string {
	if d == undated {
		return noDate
	}
	return a.label(d.Time())
}
