package engine_test

import (
	"testing"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/runwhere/runwhere/capacity"
	"github.com/runwhere/runwhere/cost"
	"github.com/runwhere/runwhere/internal/engine"
	"github.com/runwhere/runwhere/internal/family"
	"github.com/runwhere/runwhere/platform"
)

// A fleet that follows a shape costs a sawtooth of the monthly requests:
// one step term per load level, over the zones. Solved against Lambda's curve,
// every crossing is one (the difference changes sign across it), and
// between two sampled loads where the sign changes lies a crossing: the
// solver misses none.
func TestFollowingFleetCrossings(t *testing.T) {
	cat, err := platform.EmbeddedCatalogue(platform.Newest)
	require.NoError(t, err)
	prices, err := cost.EmbeddedCatalogue(platform.Newest, "us-east-1")
	require.NoError(t, err)
	inst, err := platform.EmbeddedInstances()
	require.NoError(t, err)
	cats := engine.Catalogues{Platforms: cat, Prices: prices, Instances: inst, Families: family.Builtin()}
	d := decimal.RequireFromString
	hourly := make([]decimal.Decimal, 24)
	for h := range hourly {
		hourly[h] = d("0.3")
		if h >= 9 && h < 17 {
			hourly[h] = d("1")
		}
	}
	shape := engine.NewShape(hourly)
	rps := d("2")
	in := engine.Inputs{
		Snapshot:  platform.Newest,
		Region:    "us-east-1",
		Workload:  capacity.Workload{RequestsPerSecond: rps, PeakRequestsPerSecond: d("4"), DurationMS: d("200"), MemoryMB: 512, CPUFraction: d("1"), MaxDurationS: 1},
		Container: capacity.Container{VCPU: d("0.25"), MemoryMB: 512},
		Servers:   capacity.Servers{InstanceType: "m5.large", TargetUtilization: d("0.7"), Zones: 2, Managers: 3, Node: capacity.NodeOptions{NetworkMode: capacity.NetworkMode("bridge")}},
		Arch:      "x86_64",
		Function:  capacity.Function{MemoryMB: 1536, EphemeralStorageMB: 512},
		Lambda:    cost.LambdaUsage{Requests: rps.Mul(decimal.NewFromInt(platform.SecondsPerMonth)), DurationMS: d("200"), MemoryMB: 1536, Arch: cost.X86},
		Shape:     shape,
		Autoscale: engine.NewAutoscale(shape, 2, d("5")),
	}
	ecs, _ := cat.Platform(platform.ECSEC2)
	lambda, _ := cat.Platform(platform.Lambda)
	fr, err := engine.Evaluate(ecs, cats, in)
	require.NoError(t, err)
	require.NotNil(t, fr.Fleet)
	require.Len(t, fr.Fleet.Terms(), 2, "a step per load level")
	for _, st := range fr.Fleet.Terms() {
		assert.Equal(t, 2, st.Zones, "each over the zones: %+v", st)
	}
	lr, err := engine.Evaluate(lambda, cats, in)
	require.NoError(t, err)
	sol, err := cost.Solve(*lr.Curve, *fr.Fleet)
	require.NoError(t, err)
	require.Greater(t, len(sol.Crossings), 2, "a sawtooth crosses Lambda's line again at each step")

	diff := func(x decimal.Decimal) int { return lr.Curve.At(x).Cmp(fr.Fleet.At(x)) }
	eps := d("0.001")
	for _, x := range sol.Crossings {
		assert.NotEqual(t, diff(x.Sub(eps)), diff(x.Add(eps)), "no change of side at %s", x)
	}
	// Sample up to twice the last crossing: every change of side between
	// two samples has a crossing between them.
	last := sol.Crossings[len(sol.Crossings)-1]
	step := last.Mul(d("2")).Div(decimal.NewFromInt(3000))
	prev := diff(step)
	for i := 2; i <= 3000; i++ {
		x := step.Mul(decimal.NewFromInt(int64(i)))
		cur := diff(x)
		if cur != prev && cur != 0 && prev != 0 {
			lo := x.Sub(step)
			found := false
			for _, c := range sol.Crossings {
				if c.GreaterThanOrEqual(lo) && c.LessThanOrEqual(x) {
					found = true
				}
			}
			assert.True(t, found, "the side changes between %s and %s with no crossing", lo, x)
		}
		if cur != 0 {
			prev = cur
		}
	}
}
