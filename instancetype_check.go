package runwhere

import (
	"cmp"
	"slices"
	"strings"

	"github.com/runwhere/runwhere/cost"
	"github.com/runwhere/runwhere/platform"
)

// maxSuggestions is how many near names an unknown instance type's error
// offers: enough to cover a typo's likely targets, few enough to read.
const maxSuggestions = 3

// checkInstanceType refuses an instance type the instance table holds no
// shape for, naming field, the value and the nearest known names. A type
// with a shape but no price in the region is not refused here: the
// platforms that need the price report it as a blocker, and
// servers.hourly_price can supply it. An unknown shape is refused even with
// servers.hourly_price given, since a price cannot say how many replicas a
// node holds.
func checkInstanceType(field, name string, inst platform.Instances, prices *cost.Catalogue) error {
	if _, ok := inst.Lookup(name); ok {
		return nil
	}
	reason := "is not an EC2 instance type runwhere knows the shape of (vCPU, memory)"
	if near := nearInstanceTypes(name, inst, prices); len(near) > 0 {
		reason += "; did you mean " + orList(near) + "?"
	}
	return &FieldError{Field: field, Value: name, Reason: reason}
}

// nearInstanceTypes lists up to maxSuggestions instance types close to name
// by edit distance (a transposition counts as one edit, as "lrage" for
// "large"), nearest first; among equals, current generation before
// previous, then the longer prefix shared with name (a typo keeps the
// family: m5a.large before c5.large), then by name. Only types priced in
// the region are offered, as a suggestion then blocked for want of a
// price helps no one; the whole table stands in when the region prices
// none of them. Distances above a third of the name (at least 2) are no
// suggestion.
func nearInstanceTypes(name string, inst platform.Instances, prices *cost.Catalogue) []string {
	want := strings.ToLower(name)
	limit := max(2, len(want)/3)
	types := inst.Types()
	if prices != nil {
		priced := slices.DeleteFunc(slices.Clone(types), func(t string) bool {
			_, err := prices.Instance(t)
			return err != nil
		})
		if len(priced) > 0 {
			types = priced
		}
	}
	type near struct {
		name     string
		d        int
		previous bool
		prefix   int
	}
	var found []near
	for _, t := range types {
		if d := editDistance(want, t, limit); d <= limit {
			in, _ := inst.Lookup(t)
			found = append(found, near{name: t, d: d, previous: in.PreviousGeneration, prefix: commonPrefix(want, t)})
		}
	}
	slices.SortFunc(found, func(a, b near) int {
		return cmp.Or(cmp.Compare(a.d, b.d), compareBool(a.previous, b.previous), cmp.Compare(b.prefix, a.prefix), cmp.Compare(a.name, b.name))
	})
	out := make([]string, 0, maxSuggestions)
	for _, n := range found[:min(len(found), maxSuggestions)] {
		out = append(out, n.name)
	}
	return out
}

// editDistance is the optimal string alignment distance between a and b
// (insertions, deletions, substitutions and swaps of two neighbouring
// bytes), or limit+1 once it is certain to exceed limit. Instance type
// names are ASCII, so bytes are characters.
func editDistance(a, b string, limit int) int {
	if d := len(a) - len(b); d > limit || -d > limit {
		return limit + 1
	}
	// Three rows suffice: a swap looks two rows back.
	prev2, prev, cur := make([]int, len(b)+1), make([]int, len(b)+1), make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		rowMin := cur[0]
		for j := 1; j <= len(b); j++ {
			sub := 1
			if a[i-1] == b[j-1] {
				sub = 0
			}
			d := min(prev[j]+1, cur[j-1]+1, prev[j-1]+sub)
			if i > 1 && j > 1 && a[i-1] == b[j-2] && a[i-2] == b[j-1] {
				d = min(d, prev2[j-2]+1)
			}
			cur[j] = d
			rowMin = min(rowMin, d)
		}
		if rowMin > limit {
			return limit + 1
		}
		prev2, prev, cur = prev, cur, prev2
	}
	return prev[len(b)]
}

// orList joins names as a person lists alternatives: "a", "a or b",
// "a, b or c".
func orList(names []string) string {
	if len(names) <= 1 {
		return strings.Join(names, "")
	}
	return strings.Join(names[:len(names)-1], ", ") + " or " + names[len(names)-1]
}

// checkScenarioInstanceTypes checks every instance type s names against
// the embedded instance table.
func checkScenarioInstanceTypes(s Scenario, prices *cost.Catalogue) error {
	if s.Servers.InstanceType == "" { // the default, always in the table
		return nil
	}
	inst, err := platform.EmbeddedInstances()
	if err != nil {
		return err
	}
	return checkInstanceType("servers.instance_type", s.Servers.InstanceType, inst, prices)
}

// commonPrefix is the length of the longest prefix a and b share.
func commonPrefix(a, b string) int {
	n := 0
	for n < len(a) && n < len(b) && a[n] == b[n] {
		n++
	}
	return n
}

// compareBool orders false before true.
func compareBool(a, b bool) int {
	switch {
	case a == b:
		return 0
	case a:
		return 1
	}
	return -1
}
