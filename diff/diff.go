// Package diff compares what two versions of a system cost: the reports
// of a pull request's base and head, service by service, platform by
// platform and cost line by cost line, printing only what changed. It is
// what "runwhere diff" prints as a pull-request comment, and what
// [Diff.Exceeds] checks against a budget.
package diff

import (
	"sort"

	"github.com/shopspring/decimal"

	"github.com/runwhere/runwhere"
)

// Diff is the change between two sets of reports, keyed by service name.
type Diff struct {
	Services []Service `json:"services"`
}

// Service is one service's change. Added and Removed services have only
// the side they exist on.
type Service struct {
	Name    string `json:"name"`
	Added   bool   `json:"added,omitempty"`
	Removed bool   `json:"removed,omitempty"`
	// Recommended is the head's recommended platform (the base's for a
	// removed service); its costs on both sides are RecommendedBefore and
	// RecommendedAfter, exact.
	Recommended       runwhere.PlatformID `json:"recommended"`
	RecommendedBefore decimal.Decimal     `json:"recommended_before"`
	RecommendedAfter  decimal.Decimal     `json:"recommended_after"`
	// RecommendationChanged: the base recommended another platform.
	RecommendationChanged bool                `json:"recommendation_changed,omitempty"`
	BaseRecommended       runwhere.PlatformID `json:"base_recommended,omitempty"`
	Platforms             []Platform          `json:"platforms"`
}

// Platform is one platform's change: its monthly totals and the lines
// that moved. A platform whose bill did not move is left out.
type Platform struct {
	Platform runwhere.PlatformID `json:"platform"`
	Name     string              `json:"name"`
	Before   decimal.Decimal     `json:"before"`
	After    decimal.Decimal     `json:"after"`
	Change   decimal.Decimal     `json:"change"`
	// FeasibleBefore and FeasibleAfter say whether the platform can run
	// the service on each side (false on a side the service is not on); a
	// platform that becomes blocked moves even when no line does.
	FeasibleBefore bool   `json:"feasible_before"`
	FeasibleAfter  bool   `json:"feasible_after"`
	Lines          []Line `json:"lines"`
	// Both: the platform is in both reports, so a change of feasibility
	// is one the diff made.
	Both bool `json:"both"`
}

// Line is one cost line that moved, by its item.
type Line struct {
	Item   string          `json:"item"`
	Before decimal.Decimal `json:"before"`
	After  decimal.Decimal `json:"after"`
	Change decimal.Decimal `json:"change"`
}

// Of compares base and head, each a service's report by its name.
// Services appear in name order; a service whose every platform is
// unchanged is left out.
func Of(base, head map[string]runwhere.Report) Diff {
	names := map[string]bool{}
	for n := range base {
		names[n] = true
	}
	for n := range head {
		names[n] = true
	}
	sorted := make([]string, 0, len(names))
	for n := range names {
		sorted = append(sorted, n)
	}
	sort.Strings(sorted)
	var d Diff
	for _, n := range sorted {
		b, inBase := base[n]
		h, inHead := head[n]
		s := Service{Name: n, Added: !inBase, Removed: !inHead}
		switch {
		case !inBase:
			b = runwhere.Report{}
		case !inHead:
			h = runwhere.Report{}
		}
		s.Recommended = h.Recommendation.Platform
		if !inHead {
			s.Recommended = b.Recommendation.Platform
		}
		if inBase && inHead && b.Recommendation.Platform != h.Recommendation.Platform {
			s.RecommendationChanged, s.BaseRecommended = true, b.Recommendation.Platform
		}
		s.RecommendedBefore = total(b, s.Recommended)
		s.RecommendedAfter = total(h, s.Recommended)
		s.Platforms = platforms(b, h)
		if len(s.Platforms) > 0 || s.Added || s.Removed || s.RecommendationChanged {
			d.Services = append(d.Services, s)
		}
	}
	return d
}

func total(r runwhere.Report, id runwhere.PlatformID) decimal.Decimal {
	for _, p := range r.Platforms {
		if p.Platform == id {
			return p.MonthlyCost
		}
	}
	return decimal.Zero
}

// platforms are the platforms whose bill moved, in the head's order
// (then the base's).
func platforms(b, h runwhere.Report) []Platform {
	before := map[runwhere.PlatformID]runwhere.PlatformReport{}
	var order []runwhere.PlatformID
	for _, p := range b.Platforms {
		before[p.Platform] = p
	}
	after := map[runwhere.PlatformID]runwhere.PlatformReport{}
	for _, p := range h.Platforms {
		after[p.Platform] = p
		order = append(order, p.Platform)
	}
	for _, p := range b.Platforms {
		if _, ok := after[p.Platform]; !ok {
			order = append(order, p.Platform)
		}
	}
	var out []Platform
	for _, id := range order {
		pb, inBase := before[id]
		pa, inHead := after[id]
		name := pa.Name
		if name == "" {
			name = pb.Name
		}
		p := Platform{Platform: id, Name: name, Before: pb.MonthlyCost, After: pa.MonthlyCost, FeasibleBefore: pb.Feasible, FeasibleAfter: pa.Feasible}
		p.Change = p.After.Sub(p.Before)
		p.Lines = lines(pb.CostLines, pa.CostLines)
		p.Both = inBase && inHead
		if len(p.Lines) > 0 || !p.Change.IsZero() || p.FeasibleBefore != p.FeasibleAfter {
			out = append(out, p)
		}
	}
	return out
}

// lines are the lines whose amount moved, matched by item; a line on one
// side only moved from or to zero.
func lines(b, a []runwhere.CostLine) []Line {
	before := map[string]decimal.Decimal{}
	var order []string
	for _, l := range b {
		if _, ok := before[l.Item]; !ok {
			order = append(order, l.Item)
		}
		before[l.Item] = before[l.Item].Add(l.Amount)
	}
	after := map[string]decimal.Decimal{}
	var headOrder []string
	for _, l := range a {
		if _, ok := after[l.Item]; !ok {
			headOrder = append(headOrder, l.Item)
		}
		after[l.Item] = after[l.Item].Add(l.Amount)
	}
	for _, it := range order {
		if _, ok := after[it]; !ok {
			headOrder = append(headOrder, it)
		}
	}
	var out []Line
	for _, it := range headOrder {
		l := Line{Item: it, Before: before[it], After: after[it]}
		l.Change = l.After.Sub(l.Before)
		if !l.Change.IsZero() {
			out = append(out, l)
		}
	}
	return out
}
