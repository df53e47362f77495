package cost_test

import (
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/runwhere/runwhere/cost"
)

// lambdaCatalogue is a caller's own Lambda catalogue: $0.0000002 a
// request and one x86 duration tier per price, each 1,000 GB-s wide (the
// last unbounded), with the memory range set to minMB..maxMB in stepMB
// steps. The range is platform's, not the price file's: the test sets it
// on the parsed catalogue, as a caller modelling another limit would.
func lambdaCatalogue(t *testing.T, minMB, maxMB, stepMB int, prices ...string) *cost.Catalogue {
	t.Helper()
	fig := func(v string) string {
		return fmt.Sprintf("{value: %q, source: \"https://example.com/p\", as_of: \"2030-01-01\"}", v)
	}
	var b strings.Builder
	fmt.Fprintf(&b, "snapshot: \"2030-01\"\nregion: eu-west-1\ncurrency: USD\nlambda:\n")
	for _, kv := range [][2]string{
		{"request", "0.0000002"}, {"granularity_ms", "1"},
		{"free_requests", "1000000"}, {"free_gb_seconds", "400000"},
	} {
		fmt.Fprintf(&b, "  %s: %s\n", kv[0], fig(kv[1]))
	}
	b.WriteString("  duration:\n    x86_64:\n")
	for i, p := range prices {
		if i < len(prices)-1 {
			fmt.Fprintf(&b, "      - {up_to_gb_seconds: \"%d\", value: %q, source: \"https://example.com/p\", as_of: \"2030-01-01\"}\n", 1000*(i+1), p)
		} else {
			fmt.Fprintf(&b, "      - %s\n", fig(p))
		}
	}
	c, err := cost.ParseCatalogue("", []byte(b.String()))
	require.NoError(t, err, "%s", b.String())
	c.Lambda.MemoryMinMB.Value = decimal.NewFromInt(int64(minMB))
	c.Lambda.MemoryMaxMB.Value = decimal.NewFromInt(int64(maxMB))
	c.Lambda.MemoryStepMB.Value = decimal.NewFromInt(int64(stepMB))
	require.NoError(t, c.Validate())
	return c
}

// A caller's catalogue may have more volume tiers than AWS's three: every
// tier's line names the architecture and the tier, the ninth as the first.
func TestManyTiersAreLabelled(t *testing.T) {
	prices := []string{"0.000009", "0.000008", "0.000007", "0.000006", "0.000005", "0.000004", "0.000003", "0.000002", "0.000001", "0.0000005"}
	c := lambdaCatalogue(t, 128, 10240, 1, prices...)
	// 10,000 invocations of 1 s at 1,024 MB = 10,000 GB-s: 1,000 in each of
	// the ten tiers, tier i at prices[i−1].
	b, err := cost.Lambda(c, cost.LambdaUsage{Requests: d("10000"), DurationMS: d("1000"), MemoryMB: 1024})
	require.NoError(t, err)
	require.Len(t, b.Lines, 11, "Lambda(ten tiers) =\n%s", b)
	for i, p := range prices {
		l := b.Lines[i+1]
		assert.Equal(t, fmt.Sprintf("lambda duration (x86_64, tier %d)", i+1), l.Item)
		assert.True(t, d("1000").Equal(l.Quantity), "Lambda(ten tiers) %s quantity = %s, want 1000", l.Item, l.Quantity)
		assert.True(t, d(p).Equal(l.UnitPrice), "Lambda(ten tiers) %s price = %s, want %s", l.Item, l.UnitPrice, p)
	}
}

// The memory grid starts at the catalogue's minimum, not at 0: with 100 MB
// and 64 MB steps, 164 MB is a size and 128 MB is not.
func TestMemoryGridStartsAtTheMinimum(t *testing.T) {
	c := lambdaCatalogue(t, 100, 292, 64, "0.00001")
	for mb, ok := range map[int]bool{100: true, 164: true, 228: true, 292: true, 128: false, 192: false, 356: false} {
		_, err := cost.Lambda(c, cost.LambdaUsage{Requests: d("1"), DurationMS: d("1"), MemoryMB: mb})
		if ok {
			assert.NoError(t, err, "Lambda(%d MB on a 100 + 64k grid)", mb)
			continue
		}
		var fe *cost.FieldError
		if assert.True(t, errors.As(err, &fe), "Lambda(%d MB on a 100 + 64k grid) = %v, want an error", mb, err) {
			assert.Equal(t, "lambda.memory_mb", fe.Field)
		}
	}
}

// A catalogue that allows one memory size sweeps that one size.
func TestSweepOfOneMemorySize(t *testing.T) {
	c := lambdaCatalogue(t, 1024, 1024, 64, "0.00001")
	sw, err := cost.LambdaMemorySweep(c, cost.LambdaUsage{Requests: d("1000"), DurationMS: d("1000"), MemoryMB: 1024}, d("0.5"))
	require.NoError(t, err)
	require.Len(t, sw.Points, 1)
	// 1,000 × 1 s × 1 GB × $0.00001 + 1,000 × $0.0000002 = $0.01 + $0.0002
	assert.True(t, d("0.0102").Equal(sw.Points[0].Total), "LambdaMemorySweep(one size) total = %s, want 0.0102", sw.Points[0].Total)
	assert.Equal(t, 0, sw.Cheapest)
}
