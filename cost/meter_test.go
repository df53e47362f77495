package cost_test

import (
	"errors"
	"testing"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/runwhere/runwhere/cost"
)

func dp(s string) *decimal.Decimal { v := d(s); return &v }

// Lambda's 2026-11 x86_64 duration tiers (us-east-1), as a bare meter.
func lambdaTiers() []cost.Band {
	return []cost.Band{
		{Item: "tier 1", UpTo: dp("6000000000"), Price: d("0.0000166667")},
		{Item: "tier 2", UpTo: dp("15000000000"), Price: d("0.0000150000")},
		{Item: "tier 3", Price: d("0.0000133334")},
	}
}

func assertDecimals(t *testing.T, what string, want []string, got []decimal.Decimal) {
	t.Helper()
	gs := make([]string, len(got))
	for i, g := range got {
		gs[i] = g.String()
	}
	if len(want) == 0 {
		want = []string{}
	}
	assert.Equal(t, want, gs, what)
}

// TestMeter works each meter out by hand: the charge, the lines (the
// first band always, the others when they bill something), the slope
// at given points and the breaks.
func TestMeter(t *testing.T) {
	flat := []cost.Band{{Item: "requests", Price: d("0.0000002")}}
	tests := []struct {
		name   string
		meter  cost.Meter
		q      string
		charge string
		lines  []string // "item qty"
		slopes map[string]string
		breaks []string
	}{
		{
			name: "zero meter", q: "5", charge: "0",
			slopes: map[string]string{"0": "0", "5": "0"},
		},
		{
			name: "flat", meter: cost.Meter{Unit: "request", Bands: flat}, q: "3000000", charge: "0.6",
			lines:  []string{"requests 3000000"},
			slopes: map[string]string{"0": "0.0000002", "3000000": "0.0000002"},
		},
		{
			// 1M free requests: 2M billed, nothing below 1M, the full
			// price from the 1,000,000th on.
			name: "free allowance", meter: cost.Meter{Unit: "request", Bands: flat, Free: d("1000000")}, q: "3000000", charge: "0.4",
			lines:  []string{"requests 2000000"},
			slopes: map[string]string{"0": "0", "999999.9": "0", "1000000": "0.0000002"},
			breaks: []string{"1000000"},
		},
		{
			name: "inside the free allowance", meter: cost.Meter{Unit: "request", Bands: flat, Free: d("1000000")}, q: "999999", charge: "0",
			lines:  []string{"requests 0"},
			breaks: []string{"1000000"},
		},
		{
			// 400,000 free GB-s, then tier 1 to 6e9 billed GB-s: at
			// 6,000,400,001 GB-s one GB-s is in tier 2.
			name: "free tier and tiers", meter: cost.Meter{Unit: "GB-second", Bands: lambdaTiers(), Free: d("400000")}, q: "6000400001",
			charge: "100000.200015", // 6e9 × 0.0000166667 + 0.000015
			lines:  []string{"tier 1 6000000000", "tier 2 1"},
			slopes: map[string]string{"400000": "0.0000166667", "6000399999": "0.0000166667", "6000400000": "0.000015", "15000400000": "0.0000133334"},
			breaks: []string{"400000", "6000400000", "15000400000"},
		},
		{
			// The account has used all of tier 1 but one GB-s: this bill's
			// first GB-s is tier 1, the next two tier 2.
			name: "prior usage inside tier 1", meter: cost.Meter{Unit: "GB-second", Bands: lambdaTiers(), Prior: d("5999999999")}, q: "3",
			charge: "0.0000466667", // 0.0000166667 + 2 × 0.000015
			lines:  []string{"tier 1 1", "tier 2 2"},
			slopes: map[string]string{"0": "0.0000166667", "0.5": "0.0000166667", "1": "0.000015"},
			breaks: []string{"1", "9000000001"},
		},
		{
			// Past tier 1 before this bill: tier 1's line stays, at zero.
			name: "prior usage past tier 1", meter: cost.Meter{Unit: "GB-second", Bands: lambdaTiers(), Prior: d("7000000000")}, q: "1",
			charge: "0.000015",
			lines:  []string{"tier 1 0", "tier 2 1"},
			slopes: map[string]string{"0": "0.000015", "8000000000": "0.0000133334"},
			breaks: []string{"8000000000"},
		},
		{
			// A discount is a meter with a negative price on the same driver.
			name: "discount", meter: cost.Meter{Unit: "GB-second", Bands: []cost.Band{{Item: "discount", Price: d("-0.000005")}}}, q: "100",
			charge: "-0.0005",
			lines:  []string{"discount 100"},
			slopes: map[string]string{"0": "-0.000005"},
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			m := tc.meter
			q := d(tc.q)
			got := m.Charge(q)
			assert.True(t, d(tc.charge).Equal(got), "Charge(%s) = %s, want %s", tc.q, got, tc.charge)
			lines := m.Lines(q)
			gotLines := make([]string, len(lines))
			sum := decimal.Zero
			for i, l := range lines {
				gotLines[i] = l.Item + " " + l.Quantity.String()
				assert.Equal(t, m.Unit, l.Unit)
				assert.True(t, l.Quantity.Mul(l.UnitPrice).Equal(l.Amount), "line %q amount = %s", l.Item, l.Amount)
				sum = sum.Add(l.Amount)
			}
			if tc.lines == nil {
				tc.lines = []string{}
			}
			assert.Equal(t, tc.lines, gotLines, "Lines(%s)", tc.q)
			assert.True(t, sum.Equal(got), "Lines(%s) sum to %s, Charge %s", tc.q, sum, got)
			for at, want := range tc.slopes {
				assert.True(t, d(want).Equal(m.Slope(d(at))), "Slope(%s) = %s, want %s", at, m.Slope(d(at)), want)
			}
			assertDecimals(t, "Breaks()", tc.breaks, m.Breaks())
			if len(m.Bands) > 0 {
				assert.NoError(t, m.Check("meter"))
			}
		})
	}
}

// TestMeterAndTariffCheck: every malformed meter or term is refused with
// the field named.
func TestMeterAndTariffCheck(t *testing.T) {
	good := cost.Meter{Unit: "GB-second", Bands: lambdaTiers()}
	tests := []struct {
		name  string
		term  cost.Term
		field string
	}{
		{"no bands", cost.Term{}, "tariff[0].meter.bands"},
		{"negative free", cost.Term{Meter: cost.Meter{Bands: good.Bands, Free: d("-1")}}, "tariff[0].meter.free"},
		{"negative prior", cost.Term{Meter: cost.Meter{Bands: good.Bands, Prior: d("-1")}}, "tariff[0].meter.prior"},
		{"negative scale", cost.Term{Meter: cost.Meter{Bands: good.Bands, Scale: d("-3600")}}, "tariff[0].meter.scale"},
		{"bound on the last band", cost.Term{Meter: cost.Meter{Bands: []cost.Band{{UpTo: dp("5")}}}}, "tariff[0].meter.bands[0].up_to"},
		{"missing bound", cost.Term{Meter: cost.Meter{Bands: []cost.Band{{}, {}}}}, "tariff[0].meter.bands[0].up_to"},
		{"bounds not increasing", cost.Term{Meter: cost.Meter{Bands: []cost.Band{{UpTo: dp("5")}, {UpTo: dp("5")}, {}}}}, "tariff[0].meter.bands[1].up_to"},
		{"zero bound", cost.Term{Meter: cost.Meter{Bands: []cost.Band{{UpTo: dp("0")}, {}}}}, "tariff[0].meter.bands[0].up_to"},
		{"negative base", cost.Term{Meter: good, Base: d("-1")}, "tariff[0].base"},
		{"negative per", cost.Term{Meter: good, Per: d("-1")}, "tariff[0].per"},
		{"negative from", cost.Term{Meter: good, From: d("-1")}, "tariff[0].from"},
		{"until before from", cost.Term{Meter: good, From: d("5"), Until: dp("4")}, "tariff[0].until"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			err := cost.Tariff{tc.term}.Check()
			var fe *cost.FieldError
			require.True(t, errors.As(err, &fe), "Check(%s) = %v, want a *FieldError", tc.name, err)
			assert.Equal(t, tc.field, fe.Field)
			// Malformed or not, pricing never panics.
			tr := cost.Tariff{tc.term}
			for _, x := range []string{"0", "1", "7", "1e12"} {
				tr.Bill(d(x))
				tr.Total(d(x))
				tr.Slope(d(x))
			}
			tr.Curve()
		})
	}
	require.NoError(t, cost.Tariff{{Meter: good, Per: d("0.5"), From: d("3"), Until: dp("9")}}.Check())
}

// TestMeterScale: a meter driven in seconds and priced by the hour counts
// its lines in hours and charges seconds × price ÷ 3,600, the product
// first; free units and band bounds stay in seconds.
func TestMeterScale(t *testing.T) {
	m := cost.Meter{Unit: "GB-hour", Scale: d("3600"), Free: d("1800"), Bands: []cost.Band{
		{Item: "first 2 h", UpTo: dp("7200"), Price: d("1")},
		{Item: "then", Price: d("0.5")},
	}}
	require.NoError(t, m.Check("m"))
	// 10,800 s − 1,800 free = 9,000 s: 7,200 s = 2 h × $1 = $2, then
	// 1,800 s = 0.5 h × $0.5 = $0.25; $2.25 in all.
	lines := m.Lines(d("10800"))
	require.Len(t, lines, 2)
	assert.True(t, d("2").Equal(lines[0].Quantity) && d("2").Equal(lines[0].Amount), "%+v", lines[0])
	assert.True(t, d("0.5").Equal(lines[1].Quantity) && d("0.25").Equal(lines[1].Amount), "%+v", lines[1])
	assert.Equal(t, "GB-hour", lines[1].Unit)
	assert.True(t, d("2.25").Equal(m.Charge(d("10800"))), "Charge = %s", m.Charge(d("10800")))
	// One more second: $0.5 ÷ 3,600 = 0.000138888…, half up at 18 places.
	assert.True(t, d("0.000138888888888889").Equal(m.Slope(d("10800"))), "Slope = %s", m.Slope(d("10800")))
	assert.True(t, m.Slope(d("100")).IsZero(), "free seconds cost nothing")
	// 1,801 s: 1 s × $1 ÷ 3,600 = 0.000277…, rounded at 18 places.
	assert.True(t, d("0.000277777777777778").Equal(m.Charge(d("1801"))), "Charge(1801) = %s", m.Charge(d("1801")))
}

// TestTermQuantity: Base + Per × (min(x, Until) − From)⁺, and where the
// term's breaks fall on x.
func TestTermQuantity(t *testing.T) {
	m := cost.Meter{Unit: "GB-second", Bands: lambdaTiers()}
	tests := []struct {
		name   string
		term   cost.Term
		at     map[string]string
		breaks []string
	}{
		{"per request", cost.Term{Meter: m, Per: d("0.0625")}, map[string]string{"0": "0", "16": "1"},
			// tier ends at 6e9 and 15e9 GB-s
			[]string{"96000000000", "240000000000"}},
		{"base only", cost.Term{Meter: m, Base: d("7")}, map[string]string{"0": "7", "1000": "7"}, nil},
		{"from", cost.Term{Meter: m, Per: d("2"), From: d("10")}, map[string]string{"5": "0", "10": "0", "11": "2"},
			[]string{"10", "3000000010", "7500000010"}},
		{"until", cost.Term{Meter: m, Per: d("2"), Until: dp("10")}, map[string]string{"5": "10", "10": "20", "11": "20"},
			[]string{"10"}},
		// Tier 1 is behind the base; tier 2 ends after (15e9 − base) / 3 ≈
		// 3e9 requests, which the term stops counting before: no break.
		{"base past a band", cost.Term{Meter: m, Base: d("6000000001"), Per: d("3"), Until: dp("2000000000")}, map[string]string{"0": "6000000001", "1": "6000000004"},
			[]string{"2000000000"}},
		// 1 GB-s of the 6e9 in tier 1 needs 1/3 request: rounded up.
		{"rounded break", cost.Term{Meter: m, Base: d("5999999999"), Per: d("3")}, map[string]string{"0": "5999999999"},
			[]string{"0.333333333333333334", "3000000000.333333333333333334"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			for x, want := range tc.at {
				assert.True(t, d(want).Equal(tc.term.Quantity(d(x))), "Quantity(%s) = %s, want %s", x, tc.term.Quantity(d(x)), want)
			}
			assertDecimals(t, "Breaks()", tc.breaks, cost.Tariff{tc.term}.Breaks())
		})
	}
}

// TestCurveAdd works two small sums by hand, and adds the zero curve.
func TestCurveAdd(t *testing.T) {
	a := cost.Curve{Breaks: []decimal.Decimal{d("0"), d("10")}, Values: []decimal.Decimal{d("1"), d("21")}, Slopes: []decimal.Decimal{d("2"), d("0.5")}}
	b := cost.Curve{Breaks: []decimal.Decimal{d("0"), d("4"), d("10")}, Values: []decimal.Decimal{d("0"), d("0"), d("6")}, Slopes: []decimal.Decimal{d("0"), d("1"), d("0")}}
	sum := a.Add(b)
	assertDecimals(t, "breaks", []string{"0", "4", "10"}, sum.Breaks)
	assertDecimals(t, "values", []string{"1", "9", "27"}, sum.Values)
	assertDecimals(t, "slopes", []string{"2", "3", "0.5"}, sum.Slopes)
	for _, x := range []string{"0", "3", "4", "7.5", "10", "1000"} {
		want := a.At(d(x)).Add(b.At(d(x)))
		assert.True(t, want.Equal(sum.At(d(x))), "Add.At(%s) = %s, want %s", x, sum.At(d(x)), want)
	}
	for _, c := range []cost.Curve{a.Add(cost.Curve{}), cost.Curve{}.Add(a)} {
		assertDecimals(t, "breaks + zero", []string{"0", "10"}, c.Breaks)
		assertDecimals(t, "values + zero", []string{"1", "21"}, c.Values)
	}
	// A malformed curve is read up to its shortest slice, never a panic.
	short := cost.Curve{Breaks: []decimal.Decimal{d("0"), d("5")}, Values: []decimal.Decimal{d("1")}, Slopes: []decimal.Decimal{d("1"), d("9")}}
	assert.Equal(t, "4", short.At(d("3")).String())
	assert.Equal(t, "0", cost.Curve{}.At(d("3")).String())
	assertDecimals(t, "short + a", []string{"0", "10"}, short.Add(a).Breaks)
}

// A meter built by hand, without Check, whose last band still has an
// upper end: the last band takes everything left all the same (Charge,
// Slope, Breaks and Lines agree), as Check's rule "absent on the last
// band" says it should read.
func TestMeterLastBandIsOpen(t *testing.T) {
	m := cost.Meter{Unit: "x", Bands: []cost.Band{
		{Item: "a", UpTo: dp("10"), Price: d("1")},
		{Item: "b", UpTo: dp("20"), Price: d("2")},
	}}
	assert.Equal(t, "50", m.Charge(d("30")).String(), "10 × 1 + 20 × 2: the last band is open")
	assert.Equal(t, "2", m.Slope(d("25")).String(), "past the last band's end")
	assertDecimals(t, "breaks", []string{"10"}, m.Breaks())
	lines := m.Lines(d("30"))
	require.Len(t, lines, 2)
	assert.Equal(t, "20", lines[1].Quantity.String())
}
