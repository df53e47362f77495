package diff

import (
	"fmt"
	"strings"

	"github.com/shopspring/decimal"

	"github.com/runwhere/runwhere/internal/markdown"
)

var md markdown.Writer

// Markdown is the diff as a pull-request comment: per service, the
// recommended platform's cost before and after, then a table per platform
// whose bill moved, with the lines that moved. Amounts are rounded to the
// cent only here; the changes are the exact ones rounded.
func (d Diff) Markdown() string {
	var b strings.Builder
	b.WriteString("## runwhere: cost change\n\n")
	if len(d.Services) == 0 {
		b.WriteString("No cost changes.\n")
		return b.String()
	}
	for _, s := range d.Services {
		fmt.Fprintf(&b, "### %s", md.Text(s.Name))
		switch {
		case s.Added:
			b.WriteString(" (new)")
		case s.Removed:
			b.WriteString(" (removed)")
		}
		b.WriteString("\n\n")
		if s.Recommended != "" {
			fmt.Fprintf(&b, "Recommended: %s, %s → %s a month (%s).\n", md.Code(string(s.Recommended)), usd(s.RecommendedBefore), usd(s.RecommendedAfter), signed(s.RecommendedAfter.Sub(s.RecommendedBefore)))
		}
		if s.RecommendationChanged {
			fmt.Fprintf(&b, "The recommendation moved from %s.\n", md.Code(string(s.BaseRecommended)))
		}
		b.WriteString("\n")
		if len(s.Platforms) == 0 {
			continue
		}
		b.WriteString("| Platform | Cost line | Before | After | Change |\n|---|---|---:|---:|---:|\n")
		for _, p := range s.Platforms {
			note := ""
			if p.Both && p.FeasibleBefore != p.FeasibleAfter {
				note = map[bool]string{true: " (now runs it)", false: " (now blocked)"}[p.FeasibleAfter]
			}
			fmt.Fprintf(&b, "| **%s**%s | total | %s | %s | %s |\n", md.Text(p.Name), note, usd(p.Before), usd(p.After), signed(p.Change))
			for _, l := range p.Lines {
				fmt.Fprintf(&b, "| | %s | %s | %s | %s |\n", md.Text(l.Item), usd(l.Before), usd(l.After), signed(l.Change))
			}
		}
		b.WriteString("\n")
	}
	return b.String()
}

func usd(d decimal.Decimal) string {
	s := d.Abs().StringFixed(2)
	whole, frac, _ := strings.Cut(s, ".")
	var g strings.Builder
	for i, ch := range whole {
		if i > 0 && (len(whole)-i)%3 == 0 {
			g.WriteByte(',')
		}
		g.WriteRune(ch)
	}
	sign := ""
	if d.Round(2).IsNegative() {
		sign = "−"
	}
	return sign + "$" + g.String() + "." + frac
}

func signed(d decimal.Decimal) string {
	if d.Round(2).IsPositive() {
		return "+" + usd(d)
	}
	return usd(d)
}
