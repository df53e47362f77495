package cost_test

import (
	"fmt"
	"math/rand/v2"
	"strconv"
	"testing"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/runwhere/runwhere/cost"
	"github.com/runwhere/runwhere/platform"
)

// propertySeeds are the fixed seeds of the property tests: each run draws
// the same usages, so a failure names a reproducible case.
var propertySeeds = []uint64{1, 17, 2017, 2026, 0x5eed}

const usagesPerSeed = 400

// halfUpCents rounds a non-negative amount to the cent, half up, without
// decimal.Round: floor(100·a + 0.5) / 100.
func halfUpCents(a decimal.Decimal) decimal.Decimal {
	return a.Shift(2).Add(decimal.RequireFromString("0.5")).Floor().Shift(-2)
}

// checkBill asserts the bill-wide properties: no negative quantity, price,
// line or total; each amount is quantity × price; the total is the sum of
// the lines; the rounded total is the sum of the lines each rounded half up
// to the cent.
func checkBill(t *testing.T, what string, b cost.Bill) {
	t.Helper()
	sum, rounded := decimal.Zero, decimal.Zero
	for _, l := range b.Lines {
		assert.False(t, l.Quantity.IsNegative(), "%s: line %q quantity = %s, want ≥ 0", what, l.Item, l.Quantity)
		assert.False(t, l.UnitPrice.IsNegative(), "%s: line %q unit price = %s, want ≥ 0", what, l.Item, l.UnitPrice)
		assert.False(t, l.Amount.IsNegative(), "%s: line %q amount = %s, want ≥ 0\n%s", what, l.Item, l.Amount, b)
		if l.Unit == "instance-hour" || l.Unit == "vCPU-hour" || l.Unit == "GB-hour" {
			// EC2 and Fargate multiply before they divide: the amount is
			// price × seconds / 3600 and the quantity seconds / 3600, each
			// rounded at DivScale places (up for EC2, half up for
			// Fargate), so they differ by less than (price + 1) ulp.
			gap := l.Quantity.Mul(l.UnitPrice).Sub(l.Amount).Abs()
			assert.True(t, gap.LessThan(l.UnitPrice.Add(decimal.NewFromInt(1)).Shift(-cost.DivScale)), "%s: line %q amount = %s, want %s × %s", what, l.Item, l.Amount, l.Quantity, l.UnitPrice)
		} else {
			assert.True(t, l.Quantity.Mul(l.UnitPrice).Equal(l.Amount), "%s: line %q amount = %s, want %s × %s", what, l.Item, l.Amount, l.Quantity, l.UnitPrice)
		}
		assert.True(t, halfUpCents(l.Amount).Equal(l.Rounded()), "%s: line %q Rounded() = %s, want %s half up", what, l.Item, l.Rounded(), l.Amount)
		sum = sum.Add(l.Amount)
		rounded = rounded.Add(halfUpCents(l.Amount))
	}
	assert.False(t, b.Total().IsNegative(), "%s: Total() = %s, want ≥ 0", what, b.Total())
	assert.True(t, sum.Equal(b.Total()), "%s: Total() = %s, want the sum of the lines %s", what, b.Total(), sum)
	assert.True(t, rounded.Equal(b.Rounded()), "%s: Rounded() = %s, want %s (each line half up to the cent)", what, b.Rounded(), rounded)
}

func pick[T any](r *rand.Rand, xs ...T) T { return xs[r.IntN(len(xs))] }

// randDecimal is a random decimal in [0, max) with up to places decimals.
func randDecimal(r *rand.Rand, max int64, places int32) decimal.Decimal {
	scale := int64(1)
	for range places {
		scale *= 10
	}
	return decimal.New(r.Int64N(max*scale), -places)
}

// lambdaUsage draws a usage valid in c: edges (limits of every range, the
// free tier's end, tier bounds) as often as random values.
func lambdaUsage(r *rand.Rand, c *cost.Catalogue) cost.LambdaUsage {
	lp := c.Lambda
	minMB, maxMB, step := int(lp.MemoryMinMB.Value.IntPart()), int(lp.MemoryMaxMB.Value.IntPart()), int(lp.MemoryStepMB.Value.IntPart())
	u := cost.LambdaUsage{
		MemoryMB: pick(r, minMB, maxMB, minMB+step, maxMB-step, minMB+step*r.IntN((maxMB-minMB)/step+1)),
		FreeTier: r.IntN(2) == 0,
		Requests: pick(r, d("0"), d("1"), d("999999"), d("1000000"), d("1000001"), d("3000000"), d("1234.5"),
			randDecimal(r, 1_000_000_000, 0), randDecimal(r, 2_000_000_000_000, 0), randDecimal(r, 100_000, 3)),
		DurationMS: pick(r, d("0"), d("0.4"), d("1"), d("1.2"), d("99.9"), d("100"), d("100.1"), d("120"), d("1000"), d("900000"),
			randDecimal(r, 900_000, 0), randDecimal(r, 10_000, 1)),
	}
	archs := []cost.Arch{cost.X86}
	if _, ok := lp.Duration[cost.ARM64]; ok {
		archs = append(archs, cost.ARM64)
	}
	u.Arch = pick(r, archs...)
	var bounds []decimal.Decimal
	for _, tier := range lp.Duration[u.Arch] {
		if tier.UpToGBSeconds != nil {
			bounds = append(bounds, *tier.UpToGBSeconds, tier.UpToGBSeconds.Sub(d("1000000")))
		}
	}
	u.PriorGBSeconds = pick(r, append(bounds, d("0"), d("0"), randDecimal(r, 30_000_000_000, 0))...)
	if lp.EphemeralStorage != nil {
		free, most := int(lp.EphemeralFreeMB.Value.IntPart()), int(lp.EphemeralMaxMB.Value.IntPart())
		u.EphemeralStorageMB = pick(r, 0, 0, free, free+1, most, free+r.IntN(most-free+1))
	}
	if _, ok := lp.Provisioned[u.Arch]; ok && r.IntN(3) == 0 {
		u.ProvisionedConcurrency = pick(r, 1, 10, 1+r.IntN(3000))
		u.ProvisionedHours = pick(r, d("0"), d("0.01"), d("1"), d("2"), randDecimal(r, 730, 2))
	}
	return u
}

// TestLambdaBillProperties draws usages in both snapshots, inside and
// outside the free tier, in every tier, with and without storage and
// provisioned concurrency, and checks every bill: nothing negative, the
// total is the sum of the lines and the curve at the same load, and the
// rounded total is the lines rounded half up.
func TestLambdaBillProperties(t *testing.T) {
	for _, snapshot := range cost.Snapshots() {
		c := embedded(t, snapshot)
		for _, seed := range propertySeeds {
			t.Run(fmt.Sprintf("%s/seed %d", snapshot, seed), func(t *testing.T) {
				r := rand.New(rand.NewPCG(seed, seed))
				for i := range usagesPerSeed {
					u := lambdaUsage(r, c)
					what := fmt.Sprintf("Lambda(%s, %+v)", snapshot, u)
					b, err := cost.Lambda(c, u)
					require.NoError(t, err, "draw %d: %s", i, what)
					checkBill(t, what, b)
					cv, err := cost.LambdaCurve(c, u)
					require.NoError(t, err, what)
					at := cv.At(u.Requests)
					assert.True(t, at.Equal(b.Total()), "%s: LambdaCurve.At(%s) = %s, want the bill's total %s", what, u.Requests, at, b.Total())
					checkCurve(t, what, cv)
					if t.Failed() {
						return
					}
				}
			})
		}
	}
}

// checkCurve asserts a curve is well formed and never negative or
// decreasing: breaks start at 0 and ascend, slopes are ≥ 0, and each value
// is the previous piece extended to its break.
func checkCurve(t *testing.T, what string, cv cost.Curve) {
	t.Helper()
	require.NotEmpty(t, cv.Breaks, what)
	assert.True(t, cv.Breaks[0].IsZero(), "%s: first break = %s, want 0", what, cv.Breaks[0])
	for i := range cv.Breaks {
		assert.False(t, cv.Slopes[i].IsNegative(), "%s: slope %d = %s, want ≥ 0", what, i, cv.Slopes[i])
		assert.False(t, cv.Values[i].IsNegative(), "%s: value %d = %s, want ≥ 0", what, i, cv.Values[i])
		if i == 0 {
			continue
		}
		assert.True(t, cv.Breaks[i].GreaterThan(cv.Breaks[i-1]), "%s: break %d = %s after %s", what, i, cv.Breaks[i], cv.Breaks[i-1])
		// Continuity: breaks rounded up at DivScale places move a value by
		// at most a slope × 1e-18, far below a millionth of a cent.
		prev := cv.Values[i-1].Add(cv.Slopes[i-1].Mul(cv.Breaks[i].Sub(cv.Breaks[i-1])))
		assert.True(t, prev.Sub(cv.Values[i]).Abs().LessThan(d("0.00000001")), "%s: value at break %d = %s, the previous piece reaches %s", what, i, cv.Values[i], prev)
	}
}

// The free tier's edges in 2017-12 (one tier, so no tier walk clamps the
// billable GB-s): exactly at, inside and past 1M requests and 400,000 GB-s.
// A 512 MB, 1 s invocation is 0.5 GB-s, so 800,000 of them are the free
// 400,000 GB-s.
func TestLambdaFreeTierEdgesAreNeverNegative(t *testing.T) {
	for _, snapshot := range cost.Snapshots() {
		c := embedded(t, snapshot)
		for _, req := range []string{"0", "1", "799999", "800000", "800001", "999999", "1000000", "1000001"} {
			t.Run(snapshot.String()+"/"+req, func(t *testing.T) {
				u := cost.LambdaUsage{Requests: d(req), DurationMS: d("1000"), MemoryMB: 512, FreeTier: true}
				b, err := cost.Lambda(c, u)
				require.NoError(t, err)
				checkBill(t, fmt.Sprintf("Lambda(%s, %s requests)", snapshot, req), b)
				// Inside the free tier the duration is free; past 800,000
				// requests each one adds 0.5 GB-s.
				gbs := decimal.Max(d("0"), d(req).Mul(d("0.5")).Sub(d("400000")))
				var dur decimal.Decimal
				for _, l := range b.Lines {
					if l.Unit == "GB-second" {
						dur = dur.Add(l.Quantity)
					}
				}
				assert.True(t, gbs.Equal(dur), "Lambda(%s, %s requests) duration = %s GB-s, want %s", snapshot, req, dur, gbs)
			})
		}
	}
}

// fargateUsage draws a valid Fargate usage: the smallest and largest task
// sizes, the minimums' edges, storage edges, spot and discounts.
func fargateUsage(r *rand.Rand) cost.FargateUsage {
	u := cost.FargateUsage{
		Platform: pick(r, cost.FargateLinuxX86, cost.FargateLinuxARM64, cost.FargateWindows, ""),
		Tasks:    pick(r, 0, 1, 2, r.IntN(1000)),
		Seconds:  pick(r, d("0"), d("0.5"), d("1"), d("59"), d("60"), d("61"), d("299"), d("300"), d("301"), randDecimal(r, 3_000_000, 1)),
		// vCPU / MB pairs that fit: the smallest, the largest, and random
		// ones that round up to a valid size.
		EphemeralStorageGB: pick(r, 0, 20, 21, 200),
		Discount:           pick(r, d("0"), d("0"), d("0.28"), d("0.7"), d("1"), randDecimal(r, 1, 3)),
	}
	switch r.IntN(4) {
	case 0:
		u.VCPU, u.MemoryMB = d("0.25"), 512
	case 1:
		u.VCPU, u.MemoryMB = d("32"), 244*1024
	default:
		u.VCPU = pick(r, d("0.25"), d("0.3"), d("1"), d("2.5"), d("7"), d("16"))
		u.MemoryMB = 1 + r.IntN(30*1024)
	}
	u.Spot = u.Platform != cost.FargateWindows && r.IntN(4) == 0
	return u
}

func TestFargateBillProperties(t *testing.T) {
	c := embedded(t, platform.Snapshot2026)
	for _, seed := range propertySeeds {
		t.Run(fmt.Sprint(seed), func(t *testing.T) {
			r := rand.New(rand.NewPCG(seed, seed))
			for range usagesPerSeed {
				u := fargateUsage(r)
				what := fmt.Sprintf("Fargate(%+v)", u)
				b, err := cost.Fargate(c, u)
				require.NoError(t, err, what)
				checkBill(t, what, b)
				if t.Failed() {
					return
				}
			}
		})
	}
}

func TestEC2AndControlPlaneBillProperties(t *testing.T) {
	for _, snapshot := range cost.Snapshots() {
		c := embedded(t, snapshot)
		types := c.InstanceTypes()
		for _, seed := range propertySeeds {
			t.Run(fmt.Sprintf("%s/seed %d", snapshot, seed), func(t *testing.T) {
				r := rand.New(rand.NewPCG(seed, seed))
				for range usagesPerSeed {
					u := cost.EC2Usage{
						InstanceType: pick(r, types...),
						Count:        pick(r, 0, 1, 3, r.IntN(500)),
						Hours:        pick(r, d("0"), d("0.001"), d("0.0166"), d("1"), d("730"), randDecimal(r, 8760, 4)),
						Discount:     pick(r, d("0"), d("0.28"), d("1"), randDecimal(r, 1, 2)),
					}
					if r.IntN(4) == 0 {
						u.HourlyPrice = randDecimal(r, 10, 4).String()
					}
					what := fmt.Sprintf("EC2(%s, %+v)", snapshot, u)
					b, err := cost.EC2(c, u)
					require.NoError(t, err, what)
					checkBill(t, what, b)

					cp := cost.ControlPlane{
						Platform: pick(r, platform.EKS, platform.ECSEC2, platform.ECSFargate, platform.Kubernetes, platform.Swarm, platform.Nomad, platform.Lambda),
						Clusters: pick(r, 0, 1, 2, r.IntN(20)),
						Hours:    pick(r, d("0"), d("1"), randDecimal(r, 730, 3)),
						Support:  pick(r, "", cost.EKSStandard, cost.EKSExtended),
						Managers: cost.EC2Usage{InstanceType: u.InstanceType, Count: 1 + r.IntN(7), Discount: u.Discount},
					}
					if snapshot == platform.Snapshot2017 && cp.Platform == platform.EKS {
						continue // not offered in 2017-12: an error, tested elsewhere
					}
					what = fmt.Sprintf("ControlPlaneBill(%s, %+v)", snapshot, cp)
					b, err = cost.ControlPlaneBill(c, cp)
					require.NoError(t, err, what)
					checkBill(t, what, b)
					if t.Failed() {
						return
					}
				}
			})
		}
	}
}

// TestPropertyDrawsReachEveryLineKind guards the property tests themselves:
// their draws must produce every Lambda and Fargate line kind with a
// positive amount, and bills inside the free tier, or the properties above
// would hold vacuously for the lines no draw reaches.
func TestPropertyDrawsReachEveryLineKind(t *testing.T) {
	want := map[platform.SnapshotID][]string{
		platform.Snapshot2017: {"lambda requests (x86_64)", "lambda duration (x86_64)"},
		platform.Snapshot2026: {},
	}
	for _, a := range []string{"x86_64", "arm64"} {
		want[platform.Snapshot2026] = append(want[platform.Snapshot2026],
			"lambda requests ("+a+")", "lambda provisioned concurrency ("+a+")",
			"lambda provisioned duration ("+a+")", "lambda ephemeral storage ("+a+")")
		for i := 1; i <= 3; i++ {
			want[platform.Snapshot2026] = append(want[platform.Snapshot2026], "lambda duration ("+a+", tier "+strconv.Itoa(i)+")")
		}
	}
	for _, snapshot := range cost.Snapshots() {
		c := embedded(t, snapshot)
		seen := map[string]bool{}
		insideFree := 0
		for _, seed := range propertySeeds {
			r := rand.New(rand.NewPCG(seed, seed))
			for range usagesPerSeed {
				u := lambdaUsage(r, c)
				b, err := cost.Lambda(c, u)
				require.NoError(t, err)
				for _, l := range b.Lines {
					if l.Amount.IsPositive() {
						seen[l.Item] = true
					}
				}
				if u.FreeTier && u.ProvisionedConcurrency == 0 && u.Requests.IsPositive() && b.Total().IsZero() {
					insideFree++
				}
			}
		}
		for _, item := range want[snapshot] {
			assert.True(t, seen[item], "%s: no draw has a positive %q line", snapshot, item)
		}
		assert.Positive(t, insideFree, "%s: no draw lies inside the free tier", snapshot)
	}
	seen := map[string]bool{}
	c := embedded(t, platform.Snapshot2026)
	for _, seed := range propertySeeds {
		r := rand.New(rand.NewPCG(seed, seed))
		for range usagesPerSeed {
			b, err := cost.Fargate(c, fargateUsage(r))
			require.NoError(t, err)
			for _, l := range b.Lines {
				if l.Amount.IsPositive() {
					seen[l.Item] = true
				}
			}
		}
	}
	for _, p := range []string{"linux/x86_64", "linux/arm64", "windows/x86_64", "linux/x86_64, spot", "linux/arm64, spot"} {
		for _, kind := range []string{"vcpu", "memory", "ephemeral storage"} {
			assert.True(t, seen["fargate "+kind+" ("+p+")"], "no draw has a positive fargate %s (%s) line", kind, p)
		}
	}
	assert.True(t, seen["fargate os licence (windows/x86_64)"], "no draw has a positive Windows licence line")
}
