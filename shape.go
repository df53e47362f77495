package runwhere

import (
	"fmt"
	"slices"
	"sync"

	"github.com/shopspring/decimal"

	"github.com/runwhere/runwhere/internal/engine"
	"github.com/runwhere/runwhere/internal/input"
)

// Profile is a built-in load shape: relative loads for the 24 hours of a
// day or the 168 hours of a week (Monday 00:00 UTC first). A scenario
// names one in workload.profile; its mean rate is spread over the hours in
// these proportions.
type Profile struct {
	Name  string `json:"name"`
	Label string `json:"label"`
	Help  string `json:"help"`
	// Hourly are the relative loads, the busiest hour at 1.
	Hourly []decimal.Decimal `json:"hourly"`
}

// Profiles returns the built-in load shapes, flat first. The slices are
// the caller's own.
func Profiles() []Profile {
	out := make([]Profile, len(profiles))
	for i, p := range profiles {
		p.Hourly = slices.Clone(p.Hourly)
		out[i] = p
	}
	return out
}

func profileNames() []string {
	out := make([]string, len(profiles))
	for i, p := range profiles {
		out[i] = p.Name
	}
	return out
}

func profileNamed(name string) (Profile, bool) {
	for _, p := range profiles {
		if p.Name == name {
			return p, true
		}
	}
	return Profile{}, false
}

// Lengths a load shape may have: a day or a week of hours.
const (
	HoursPerDay  = 24
	HoursPerWeek = 168
)

// shape is the load shape of a workload whose defaults are filled in:
// its own hourly loads, or its profile's.
func (w Workload) shape() engine.Shape {
	if len(w.Hourly) > 0 {
		return engine.NewShape(w.Hourly)
	}
	if w.Profile == ProfileFlat || w.Profile == "" {
		return engine.Shape{}
	}
	return profileShapes()[w.Profile] // checked
}

// profileShapes are the built-in profiles as the engine reads them, made
// once: they never change, and every evaluation of a shaped scenario
// would otherwise build its shape twice.
var profileShapes = sync.OnceValue(func() map[string]engine.Shape {
	out := make(map[string]engine.Shape, len(profiles))
	for _, p := range profiles {
		out[p.Name] = engine.NewShape(p.Hourly)
	}
	return out
})

// checkShape checks workload.profile and workload.hourly.
func (w Workload) checkShape() error {
	if w.Profile != "" {
		if _, ok := profileNamed(w.Profile); !ok {
			return &FieldError{Field: "workload.profile", Value: w.Profile, Reason: fmt.Sprintf("is not a built-in load shape (%v); give workload.hourly for one of your own", profileNames())}
		}
		if len(w.Hourly) > 0 {
			return &FieldError{Field: "workload.hourly", Value: fmt.Sprintf("%d values", len(w.Hourly)), Reason: "contradicts workload.profile " + w.Profile + ": give one of the two"}
		}
	}
	if len(w.Hourly) == 0 {
		return nil
	}
	if n := len(w.Hourly); n != HoursPerDay && n != HoursPerWeek {
		return &FieldError{Field: "workload.hourly", Value: fmt.Sprintf("%d values", n), Reason: "must have 24 values (a day) or 168 (a week, Monday 00:00 UTC first)"}
	}
	positive := false
	for i, v := range w.Hourly {
		field := fmt.Sprintf("workload.hourly[%d]", i)
		if err := checkQuantity(field, v); err != nil {
			return err
		}
		if v.IsNegative() {
			return &FieldError{Field: field, Value: v.String(), Reason: "is negative: a load is 0 or more"}
		}
		positive = positive || v.IsPositive()
	}
	if !positive {
		return &FieldError{Field: "workload.hourly", Value: "all 0", Reason: "has no load in any hour: give at least one positive value"}
	}
	return nil
}

// checkQuantity checks one number of a scenario: its digits and exponent
// first (comparing a decimal written 1e-999999999 rescales it to a
// billion digits), then the bound on every quantity.
func checkQuantity(field string, v decimal.Decimal) error {
	if err := input.CheckDecimal(v); err != nil {
		return &FieldError{Field: field, Value: shortDecimal(v), Reason: err.Error()}
	}
	if v.GreaterThan(maxQuantity) {
		return &FieldError{Field: field, Value: v.String(), Reason: "is beyond any workload runwhere sizes (at most " + maxQuantity.String() + ")"}
	}
	return nil
}

// The builders of the built-in shapes.

func pick(cond bool, yes, no string) string {
	if cond {
		return yes
	}
	return no
}

func decimals(vs ...string) []decimal.Decimal {
	out := make([]decimal.Decimal, len(vs))
	for i, v := range vs {
		out[i] = decimal.RequireFromString(v)
	}
	return out
}

func repeat(n int, v string) []decimal.Decimal {
	out := make([]decimal.Decimal, n)
	for i := range out {
		out[i] = decimal.RequireFromString(v)
	}
	return out
}

func day(f func(hour int) string) []decimal.Decimal {
	out := make([]decimal.Decimal, HoursPerDay)
	for h := range out {
		out[h] = decimal.RequireFromString(f(h))
	}
	return out
}

func week(f func(day, hour int) string) []decimal.Decimal {
	out := make([]decimal.Decimal, HoursPerWeek)
	for h := range out {
		out[h] = decimal.RequireFromString(f(h/HoursPerDay, h%HoursPerDay))
	}
	return out
}
