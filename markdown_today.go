package runwhere

import (
	"fmt"
	"strings"

	"github.com/shopspring/decimal"

	"github.com/runwhere/runwhere/internal/markdown"
)

// writeToday renders what runs today: its bill, what it measured of the
// service, and each platform's month against it. Nothing without a
// current block.
func writeToday(b *strings.Builder, m markdown.Writer, r Report) {
	t := r.Baseline
	if t == nil {
		return
	}
	fmt.Fprintf(b, "\n## What runs today: %s\n\n", m.Text(t.Name))
	fmt.Fprintf(b, "%s, %s a month (exact %s), priced as the platforms below are.\n", m.Text(t.Runs), money(t.MonthlyCostRounded), t.MonthlyCost)
	if c := r.Calibration; c != nil {
		var got []string
		if c.CPUMS != nil {
			got = append(got, fmt.Sprintf("%s ms of CPU a request", c.CPUMS))
		}
		if c.PeakHourRequestsPerSecond != nil {
			got = append(got, fmt.Sprintf("a busiest hour of %s requests/s", c.PeakHourRequestsPerSecond.Round(2)))
		}
		if c.MemoryMB != nil {
			got = append(got, fmt.Sprintf("%d MB in use a unit", *c.MemoryMB))
		}
		if len(got) > 0 {
			fmt.Fprintf(b, "\nMeasured: %s (from %s", m.Text(strings.Join(got, ", ")), m.Text(strings.Join(c.From, ", ")))
			if len(c.Sets) > 0 {
				fmt.Fprintf(b, "; sets %s", m.Text(strings.Join(c.Sets, ", ")))
			}
			b.WriteString(").\n")
		}
	}
	writeBill(b, m, t.CostLines, t.MonthlyCost, t.MonthlyCostRounded)
	for _, f := range t.Warnings {
		fmt.Fprintf(b, "- Warning %s: %s%s\n", m.Code(string(f.Code)), m.Text(f.Message), m.SourceSuffix(string(f.Source)))
	}
	b.WriteString("\n| Platform | Monthly cost | Against today |\n|---|---:|---|\n")
	for _, p := range r.Platforms {
		against := "cannot run it"
		cost := "—"
		if v := p.VsCurrent; v != nil {
			cost = money(p.MonthlyCostRounded)
			switch {
			case v.SavingRounded.IsPositive():
				against = fmt.Sprintf("saves %s (%s %%)", money(v.SavingRounded), v.SavingPercent)
			case v.SavingRounded.IsNegative():
				against = fmt.Sprintf("costs %s (%s %%) more", money(v.SavingRounded.Neg()), v.SavingPercent.Neg())
			default:
				against = "the same"
			}
		}
		fmt.Fprintf(b, "| %s | %s | %s |\n", m.Text(p.Name), cost, against)
	}
}

// writeAssumptions renders the assumptions the answer rests on, those
// that change the recommendation first.
func writeAssumptions(b *strings.Builder, m markdown.Writer, r Report) {
	if len(r.Assumptions) == 0 {
		return
	}
	b.WriteString("\n## Assumptions\n\nWhat the answer rests on that the scenario did not give, and what it would be otherwise.\n\n| Field | Value | Source | Effect |\n|---|---|---|---|\n")
	for _, flips := range []bool{true, false} {
		for _, a := range r.Assumptions {
			if a.Flips != flips {
				continue
			}
			effect := m.Text(a.Effect)
			if a.Flips {
				effect = "**" + effect + "**"
			}
			fmt.Fprintf(b, "| %s | %s | %s | %s |\n", m.Code(a.Field), m.Text(a.Value), m.Text(a.Source), effect)
		}
	}
}

// writeBill renders a bill's lines, exact and rounded, and its totals.
func writeBill(b *strings.Builder, m markdown.Writer, lines []CostLine, exact, rounded decimal.Decimal) {
	b.WriteString("\n| Item | Quantity | Unit | Unit price | Amount (exact) | Amount (rounded) |\n|---|---:|---|---:|---:|---:|\n")
	for _, l := range lines {
		fmt.Fprintf(b, "| %s | %s | %s | %s | %s | %s |\n", m.Text(l.Item), l.Quantity, m.Text(l.Unit), l.UnitPrice, l.Amount, l.AmountRounded.StringFixed(2))
	}
	fmt.Fprintf(b, "| **Total** | | | | %s | **%s** |\n", exact, rounded.StringFixed(2))
	// A unit price no source states (2017's Fargate prices) says how it
	// was worked out, under the table it prices.
	first := true
	for _, l := range lines {
		if l.Note == "" {
			continue
		}
		if first {
			b.WriteString("\n")
			first = false
		}
		fmt.Fprintf(b, "- Unit price of %s, %s: %s\n", m.Text(l.Item), l.UnitPrice, m.Text(l.Note))
	}
}
