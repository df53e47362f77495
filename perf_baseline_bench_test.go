package runwhere_test

import (
	"slices"
	"strconv"
	"testing"

	"github.com/shopspring/decimal"
)

// BenchmarkPerfBaseline is the yardstick perf/budget.txt divides
// BenchmarkEvaluate and BenchmarkCurves by (go run ./perf check runs them
// back to back in each round). Its work is fixed and uses none of
// runwhere's code, only what Evaluate's time is made of — decimals of
// mixed scales, small allocations, maps, sorting, formatting — so a busy
// neighbour or a slower machine moves both sides of the ratio and only a
// change to runwhere moves the ratio itself. Do not change it: every time
// ceiling in the budget is relative to it.
func BenchmarkPerfBaseline(b *testing.B) {
	prices := make([]decimal.Decimal, 0, 64)
	for i := range 64 {
		prices = append(prices, decimal.RequireFromString("0."+strconv.Itoa(1000+i*37)+"6"))
	}
	hours := decimal.RequireFromString("730")
	for b.Loop() {
		perfBaselineWork(prices, hours)
	}
}

func perfBaselineWork(prices []decimal.Decimal, hours decimal.Decimal) string {
	totals := make(map[string]decimal.Decimal, 32)
	keys := make([]string, 0, 32)
	for i := range 400 {
		p := prices[i%len(prices)]
		q := decimal.New(int64(i%17+1), -int32(i%4))
		key := "k" + strconv.Itoa(i%32)
		v := p.Mul(q).Mul(hours).Add(decimal.New(int64(i), -3)).DivRound(decimal.New(3, 0), 10)
		old, ok := totals[key]
		if !ok {
			keys = append(keys, key)
		}
		totals[key] = old.Add(v)
	}
	slices.Sort(keys)
	out := make([]byte, 0, 1024)
	for _, k := range keys {
		out = append(out, k...)
		out = append(out, totals[k].StringFixed(2)...)
	}
	return string(out)
}
