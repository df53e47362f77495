package runwhere

// Data leaving AWS (issue 25, item 8): network.internet_egress_gb_per_month,
// the service's responses to the internet, priced at EC2's data-transfer
// tiers of the region beyond the account's free 100 GB. It is the same
// whatever runs the service, so every platform's bill carries the same
// lines and the report shows them once.

import (
	"fmt"
	"strings"

	"github.com/shopspring/decimal"

	"github.com/runwhere/runwhere/cost"
	"github.com/runwhere/runwhere/internal/engine"
	"github.com/runwhere/runwhere/internal/markdown"
)

// MaxInternetEgressGB bounds network.internet_egress_gb_per_month: 100 PB
// a month, far past AWS's last published tier (over 150 TB), so that a
// typo is caught and no real service is refused.
const MaxInternetEgressGB = 100 * 1024 * 1024

// checkInternetEgress checks network.internet_egress_gb_per_month.
func (s Scenario) checkInternetEgress() error {
	if s.Network == nil || s.Network.InternetEgressGBPerMonth == nil {
		return nil
	}
	g := *s.Network.InternetEgressGBPerMonth
	const field = "network.internet_egress_gb_per_month"
	if err := checkQuantity(field, g); err != nil {
		return err
	}
	if g.IsNegative() {
		return &FieldError{Field: field, Value: g.String(), Reason: "is negative"}
	}
	if g.GreaterThan(decimal.NewFromInt(MaxInternetEgressGB)) {
		return &FieldError{Field: field, Value: g.String(), Reason: fmt.Sprintf("is more than %d GB (100 PB) a month", MaxInternetEgressGB)}
	}
	return nil
}

// internetEgressGB is the month's data out to the internet: zero when the
// scenario gives none.
func (s Scenario) internetEgressGB() decimal.Decimal {
	if s.Network == nil || s.Network.InternetEgressGBPerMonth == nil {
		return decimal.Zero
	}
	return *s.Network.InternetEgressGBPerMonth
}

// sharedLine is whether l is a line every platform carries alike.
func sharedLine(l cost.Line) bool { return strings.HasPrefix(l.Item, engine.ItemInternetEgress) }

// writeShared writes the lines every feasible platform's bill carries
// alike once, before the platforms' own bills: data out to the internet.
func writeShared(b *strings.Builder, m markdown.Writer, ps []PlatformReport) {
	for _, p := range ps {
		if !p.Feasible {
			continue
		}
		var lines []CostLine
		exact, rounded := decimal.Zero, decimal.Zero
		for _, l := range p.CostLines {
			if l.Shared {
				lines = append(lines, l)
				exact, rounded = exact.Add(l.Amount), rounded.Add(l.AmountRounded)
			}
		}
		if len(lines) == 0 {
			return
		}
		b.WriteString("\n### Shared by every platform\n\nData out to the internet costs the same whatever runs the service: these lines are in every platform's total above and in each bill below. The free 100 GB a month is the account's, across every service and region: runwhere gives it all to this service.\n")
		writeBill(b, m, lines, exact, rounded)
		return
	}
}

// itemNATPublicIPv4 is the line of a NAT gateway's own address, which
// goes with the gateway when the reasons weigh one gateway against several.
const itemNATPublicIPv4 = engine.ItemNATPublicIPv4

// sharedTotal is the month's data out on every platform's bill, which
// the cost models leave out (constant in the load, it moves no
// break-even point): the curves add it, so that each passes through its
// platform's total. Zero when there is none or it cannot be priced (the
// platforms are then blocked).
func (e *env) sharedTotal() decimal.Decimal {
	gb := e.s.internetEgressGB()
	if !gb.IsPositive() {
		return decimal.Zero
	}
	b, err := cost.InternetEgress(e.prices, gb)
	if err != nil {
		return decimal.Zero
	}
	return b.Total()
}
