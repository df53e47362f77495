package engine_test

import (
	"fmt"
	"testing"

	"github.com/shopspring/decimal"

	"github.com/runwhere/runwhere/capacity"
	"github.com/runwhere/runwhere/cost"
	"github.com/runwhere/runwhere/internal/engine"
	"github.com/runwhere/runwhere/internal/family"
	"github.com/runwhere/runwhere/platform"
)

// shapedCats are the embedded catalogues of the newest snapshot.
func shapedCats(tb testing.TB) engine.Catalogues {
	tb.Helper()
	cat, err := platform.EmbeddedCatalogue(platform.Newest)
	if err != nil {
		tb.Fatal(err)
	}
	prices, err := cost.EmbeddedCatalogue(platform.Newest, "us-east-1")
	if err != nil {
		tb.Fatal(err)
	}
	inst, err := platform.EmbeddedInstances()
	if err != nil {
		tb.Fatal(err)
	}
	return engine.Catalogues{Platforms: cat, Prices: prices, Instances: inst, Families: family.Builtin()}
}

// shapedInputs is a service of rps requests a second over hourly loads,
// its fleet following the load over zones with at least floor nodes (or
// tasks), on m5.large.
func shapedInputs(rps decimal.Decimal, hourly []decimal.Decimal, zones, floor int64) engine.Inputs {
	d := decimal.RequireFromString
	shape := engine.NewShape(hourly)
	num, den := shape.PeakToMean()
	peak := rps.Mul(num).Div(den).Ceil()
	return engine.Inputs{
		Snapshot:  platform.Newest,
		Region:    "us-east-1",
		Workload:  capacity.Workload{RequestsPerSecond: rps, PeakRequestsPerSecond: peak, DurationMS: d("120"), MemoryMB: 512, CPUFraction: d("1"), MaxDurationS: 1},
		Container: capacity.Container{VCPU: d("0.25"), MemoryMB: 512},
		Servers:   capacity.Servers{InstanceType: "m5.large", TargetUtilization: d("0.7"), Zones: zones, Managers: 3},
		Arch:      "x86_64",
		Function:  capacity.Function{MemoryMB: 512, EphemeralStorageMB: 512},
		Lambda:    cost.LambdaUsage{Requests: rps.Mul(decimal.NewFromInt(platform.SecondsPerMonth)), DurationMS: d("120"), MemoryMB: 512, Arch: cost.X86},
		Shape:     shape,
		Autoscale: engine.NewAutoscale(shape, floor, d("5")),
	}
}

// rising is the week 1, 2, …, 168: every hour its own load level.
func rising() []decimal.Decimal {
	hourly := make([]decimal.Decimal, 168)
	for h := range hourly {
		hourly[h] = decimal.NewFromInt(int64(h + 1))
	}
	return hourly
}

// BenchmarkFollowManyZones is issue 27's shaped service in the engine: 168
// rising loads over 26 zones at 100,000 requests a second, ECS on EC2
// (nodes holding several replicas: a step per level and zone before) and
// Fargate (tasks: a step per level). Evaluate sizes and prices the fleet,
// Solve finds its break-even against Lambda, At41 prices it at a curve's
// 41 points.
func BenchmarkFollowManyZones(b *testing.B) {
	cats := shapedCats(b)
	in := shapedInputs(decimal.NewFromInt(100000), rising(), 26, 26)
	lambda, _ := cats.Platforms.Platform(platform.Lambda)
	lr, err := engine.Evaluate(lambda, cats, in)
	if err != nil {
		b.Fatal(err)
	}
	x := in.Workload.RequestsPerSecond.Mul(decimal.NewFromInt(platform.SecondsPerMonth))
	points := make([]decimal.Decimal, 41)
	for i := range points {
		// 1/100 to 100 times the load, as Curves spaces them.
		points[i] = x.Mul(decimal.NewFromFloat(0.01).Mul(decimal.NewFromInt(10000).Pow(decimal.NewFromInt(int64(i)).Div(decimal.NewFromInt(40))))).Round(0)
	}
	for _, id := range []platform.ID{platform.ECSEC2, platform.ECSFargate} {
		p, _ := cats.Platforms.Platform(id)
		r, err := engine.Evaluate(p, cats, in)
		if err != nil || r.Fleet == nil {
			b.Fatalf("%s: %v", id, err)
		}
		b.Run(fmt.Sprintf("%s/Evaluate", id), func(b *testing.B) {
			for b.Loop() {
				if _, err := engine.Evaluate(p, cats, in); err != nil {
					b.Fatal(err)
				}
			}
		})
		b.Run(fmt.Sprintf("%s/Solve", id), func(b *testing.B) {
			for b.Loop() {
				if _, err := cost.Solve(*lr.Curve, *r.Fleet); err != nil {
					b.Fatal(err)
				}
			}
		})
		b.Run(fmt.Sprintf("%s/At41", id), func(b *testing.B) {
			for b.Loop() {
				for _, x := range points {
					r.Fleet.At(x)
				}
			}
		})
	}
}
