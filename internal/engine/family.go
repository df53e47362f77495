package engine

import (
	"fmt"
	"maps"
	"slices"
	"strings"

	"github.com/shopspring/decimal"

	"github.com/runwhere/runwhere/platform"
)

// Family sizes, prices and describes the platforms of one family
// (platform.Family). It is the one method every family has; what else a
// family does, it says by implementing the hooks below, which the
// engine and the root package ask for. A hook a family does not
// implement means the thing does not apply to its platforms, and the
// report says so where a scenario asks for it (a discount, a search for
// cheaper configurations): never silently nothing. No code outside a
// family tests which family or platform it has.
type Family interface {
	Evaluate(p platform.Platform, cat Catalogues, in Inputs) (Result, error)
}

// Surrounded is a family whose platforms stand behind the scenario's
// server-side surroundings: the ALB of ingress.servers and the NAT
// gateways of network (the container families). Functions have their
// own front door, which they price themselves.
type Surrounded interface {
	Family
	Surrounded()
}

// Discounted is a family whose compute a buyer's discount takes a
// fraction off: Discount returns the fraction of in.Discounts that
// applies to p, and the label of its bill line.
type Discounted interface {
	Family
	Discount(p platform.Platform, in Inputs) (fraction decimal.Decimal, label string)
}

// Searcher is a family that can look for cheaper configurations of its
// platforms (instance types, task sizes, memory sizes): Search adds
// every feasible configuration it prices to l (which keeps the cheapest,
// and whose [Shortlist.Bound] may spare it pricing the rest) and returns
// how many configurations it tried. current is p's own result; s is
// shared by every platform of the evaluation.
type Searcher interface {
	Family
	Search(p platform.Platform, cat Catalogues, in Inputs, current Result, s *Search, l *Shortlist) (int, error)
}

// Fielded is a family that says which scenario fields its platforms read,
// by dotted prefix ("servers", "container.vcpu", "discounts.ec2"): the
// schema and the page grey out the others for its platforms.
type Fielded interface {
	Family
	Fields(p platform.Platform) []string
}

// Registry maps each family to its model. runwhere's own are package
// family's Builtin (one line per family); a caller may evaluate with a
// registry of its own (a test-only family, say): [Catalogues.Families].
type Registry map[platform.Family]Family

// FamilyOf returns the model of p's family in reg; an error when reg has
// none (a nil registry has no families).
func (reg Registry) FamilyOf(p platform.Platform) (Family, error) {
	f, ok := reg[p.Family]
	if !ok {
		names := "none"
		if len(reg) > 0 {
			names = strings.Join(reg.names(), ", ")
		}
		return nil, fmt.Errorf("engine: no model for platform family %q (platform %s; families: %s)", p.Family, p.ID, names)
	}
	return f, nil
}

func (reg Registry) names() []string {
	var out []string
	for _, k := range slices.Sorted(maps.Keys(reg)) {
		out = append(out, string(k))
	}
	return out
}

// Uses reports whether the scenario field (a dotted path) applies to
// platform p: true when p's family lists a prefix of it, false when the
// family lists none or has no model.
func (reg Registry) Uses(p platform.Platform, field string) bool {
	f, err := reg.FamilyOf(p)
	if err != nil {
		return false
	}
	fd, ok := f.(Fielded)
	if !ok {
		return false
	}
	for _, prefix := range fd.Fields(p) {
		if field == prefix || strings.HasPrefix(field, prefix+".") || strings.HasPrefix(prefix, field+".") {
			return true
		}
	}
	return false
}

// Param returns the decimal the platform's entry gives under name, or
// def when it gives none: a family's reading of its own figures.
func Param(p platform.Platform, name string, def decimal.Decimal) decimal.Decimal {
	if v, ok := p.Param(name); ok {
		return v.Value
	}
	return def
}
