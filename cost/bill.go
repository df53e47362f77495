package cost

import (
	"strings"

	"github.com/shopspring/decimal"
)

// Line is one item of a bill: Quantity of Unit at UnitPrice. Amount is exact,
// Quantity × UnitPrice, never rounded.
type Line struct {
	Item      string          // what is charged, e.g. "lambda duration (x86_64, tier 1)"
	Quantity  decimal.Decimal // billable quantity, after free allowances and rounding rules
	Unit      string          // e.g. "request", "GB-second", "instance-hour"
	UnitPrice decimal.Decimal // USD per Unit, after any caller discount
	Amount    decimal.Decimal // USD, exact: Quantity × UnitPrice, except EC2 (see [EC2]) and a Unit the meter counts in parts ([Meter.Scale]: seconds at an hourly price), where Quantity and Amount are each a quotient, rounded at [DivScale] places only when it has no shorter exact form
	// Compute marks a line of compute (its meter's [Meter.Compute]), which
	// a buyer's discount on the service takes a fraction off.
	Compute bool
	// Note is how the unit price was worked out when no source states it
	// ([Figure.Derivation]), before any discount; "" for a price read as
	// published.
	Note string
}

// Rounded is the line as AWS prints it: Amount rounded to the cent, half up.
func (l Line) Rounded() decimal.Decimal { return l.Amount.Round(2) }

// Bill is an itemised monthly (or period) charge. The zero Bill is empty and
// totals zero.
//
// Two totals are offered and they can differ by a few cents:
//   - [Bill.Total] is exact: the sum of the exact line amounts. Use it for
//     comparisons, curves and break-even.
//   - [Bill.Rounded] is the bill as AWS presents it: each line rounded to the
//     cent (half up), then summed. Use it to match a published invoice or
//     worked example.
type Bill struct {
	Lines []Line
}

// Total is the exact sum of the line amounts.
func (b Bill) Total() decimal.Decimal {
	t := decimal.Zero
	for _, l := range b.Lines {
		t = t.Add(l.Amount)
	}
	return t
}

// Rounded is the total as AWS presents it: the sum of the lines, each rounded
// to the cent half up.
func (b Bill) Rounded() decimal.Decimal {
	t := decimal.Zero
	for _, l := range b.Lines {
		t = t.Add(l.Rounded())
	}
	return t
}

// TotalRounded is the exact total rounded once to the cent, half up: the
// figure infracost and most calculators show. It can differ from
// [Bill.Rounded] by a cent or two; AWS documents no single rule ("the
// billing features round cost data in different ways",
// https://docs.aws.amazon.com/cur/latest/userguide/troubleshooting-cur.html).
func (b Bill) TotalRounded() decimal.Decimal { return b.Total().Round(2) }

// Add returns a bill with b's lines followed by o's.
func (b Bill) Add(o Bill) Bill {
	lines := make([]Line, 0, len(b.Lines)+len(o.Lines))
	lines = append(lines, b.Lines...)
	lines = append(lines, o.Lines...)
	return Bill{Lines: lines}
}

// String renders the bill one line per item, amounts to the cent, for logs
// and examples.
func (b Bill) String() string {
	var sb strings.Builder
	for _, l := range b.Lines {
		sb.WriteString(l.Item)
		sb.WriteString(": ")
		sb.WriteString(l.Quantity.String())
		sb.WriteString(" ")
		sb.WriteString(l.Unit)
		sb.WriteString(" × ")
		sb.WriteString(l.UnitPrice.String())
		sb.WriteString(" = ")
		sb.WriteString(l.Rounded().StringFixed(2))
		sb.WriteString("\n")
	}
	sb.WriteString("total: ")
	sb.WriteString(b.Rounded().StringFixed(2))
	return sb.String()
}

func line(item, unit string, qty, price decimal.Decimal) Line {
	return Line{Item: item, Quantity: qty, Unit: unit, UnitPrice: price, Amount: qty.Mul(price)}
}
