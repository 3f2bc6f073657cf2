package eval

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strings"
)

// Floor holds the lowest scores the pipeline may reach on the gold set
// before the floor test fails: data/gold/floor.json. Raise a floor when the
// pipeline improves (go test ./eval -run TestFloor -update does it); lower
// one only with a reason in the commit message.
type Floor struct {
	EntitiesStrictF1  float64 `json:"entities_strict_f1"`
	EntitiesLenientF1 float64 `json:"entities_lenient_f1"`
	CanonicalAccuracy float64 `json:"canonical_accuracy"`
	CommitmentsF1     float64 `json:"commitments_f1"`
	PositionsF1       float64 `json:"positions_f1"`
}

// FloorOf returns the scores of r as a floor, rounded down to 3 decimals.
func FloorOf(r Report) Floor {
	down := func(x float64) float64 { return float64(int64(x*1000)) / 1000 }
	return Floor{
		EntitiesStrictF1:  down(r.EntitiesStrict.F1()),
		EntitiesLenientF1: down(r.EntitiesLenient.F1()),
		CanonicalAccuracy: down(r.Canonical.Value()),
		CommitmentsF1:     down(r.Commitments.F1()),
		PositionsF1:       down(r.Positions.F1()),
	}
}

// ParseFloor reads a floor file.
func ParseFloor(b []byte) (Floor, error) {
	var f Floor
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&f); err != nil {
		return f, fmt.Errorf("floor: %w", err)
	}
	return f, nil
}

// Check returns an error naming every score of r more than eps below its floor.
func (f Floor) Check(r Report, eps float64) error {
	now := FloorOf(r)
	var drops []string
	check := func(name string, floor, got float64) {
		if got < floor-eps {
			drops = append(drops, fmt.Sprintf("%s %.3f < floor %.3f", name, got, floor))
		}
	}
	check("entities_strict_f1", f.EntitiesStrictF1, now.EntitiesStrictF1)
	check("entities_lenient_f1", f.EntitiesLenientF1, now.EntitiesLenientF1)
	check("canonical_accuracy", f.CanonicalAccuracy, now.CanonicalAccuracy)
	check("commitments_f1", f.CommitmentsF1, now.CommitmentsF1)
	check("positions_f1", f.PositionsF1, now.PositionsF1)
	if drops != nil {
		return fmt.Errorf("scores below floor: %s", strings.Join(drops, "; "))
	}
	return nil
}

// Raise returns the floor with each score raised to that of r where r is
// higher; it never lowers one.
func (f Floor) Raise(r Report) Floor {
	now := FloorOf(r)
	return Floor{
		EntitiesStrictF1:  max(f.EntitiesStrictF1, now.EntitiesStrictF1),
		EntitiesLenientF1: max(f.EntitiesLenientF1, now.EntitiesLenientF1),
		CanonicalAccuracy: max(f.CanonicalAccuracy, now.CanonicalAccuracy),
		CommitmentsF1:     max(f.CommitmentsF1, now.CommitmentsF1),
		PositionsF1:       max(f.PositionsF1, now.PositionsF1),
	}
}
