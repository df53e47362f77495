package cost_test

import (
	"fmt"

	"github.com/shopspring/decimal"

	"github.com/runwhere/runwhere/cost"
	"github.com/runwhere/runwhere/platform"
)

// The "mobile application backend" example of https://aws.amazon.com/lambda/pricing/.
func ExampleLambda() {
	c, _ := cost.EmbeddedCatalogue(platform.Snapshot2026, "us-east-1")
	b, err := cost.Lambda(c, cost.LambdaUsage{
		Requests:   decimal.RequireFromString("3000000"),
		DurationMS: decimal.RequireFromString("120"),
		MemoryMB:   1536,
		FreeTier:   true,
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(b)
	fmt.Println("exact:", b.Total())
	// Output:
	// lambda requests (x86_64): 2000000 request × 0.0000002 = 0.40
	// lambda duration (x86_64, tier 1): 140000 GB-second × 0.0000166667 = 2.33
	// total: 2.73
	// exact: 2.733338
}

func ExampleEC2() {
	c, _ := cost.EmbeddedCatalogue("", "")
	b, _ := cost.EC2(c, cost.EC2Usage{InstanceType: "m5.large", Count: 3})
	fmt.Println(b.Lines[0].Quantity, b.Lines[0].Unit, b.Rounded().StringFixed(2))
	// Output: 2190 instance-hour 210.24
}

func ExampleLambdaBreakEven() {
	// The 2016 trek10 row "200 ms at 512 MB": Lambda at 2017 prices without
	// free tier against one m4.large at $0.12/h.
	c, _ := cost.EmbeddedCatalogue(platform.Snapshot2017, "")
	server, _ := cost.EC2Monthly(c, cost.EC2Usage{InstanceType: "m4.large", HourlyPrice: "0.12"})
	be, _ := cost.LambdaBreakEven(c, cost.LambdaUsage{
		DurationMS: decimal.RequireFromString("200"),
		MemoryMB:   512,
	}, cost.FixedFleet(server))
	for _, iv := range be.Intervals {
		fmt.Println(iv.From.Round(0), iv.Cheaper)
	}
	fmt.Println("per hour:", cost.PerHour(be.Crossings[0]).StringFixed(1))
	// Output:
	// 0 serverless
	// 46920193 server
	// per hour: 64274.2
}

func ExampleFargateTaskSize() {
	c, _ := cost.EmbeddedCatalogue("", "")
	ts, _ := cost.FargateTaskSize(c, cost.FargateLinuxX86, decimal.RequireFromString("0.3"), 700)
	fmt.Println(ts.VCPU, "vCPU,", ts.MemoryGB, "GB")
	// Output: 0.5 vCPU, 1 GB
}

func ExampleLambdaMemorySweep() {
	c, _ := cost.EmbeddedCatalogue("", "")
	sw, _ := cost.LambdaMemorySweep(c, cost.LambdaUsage{
		Requests:   decimal.RequireFromString("10000000"),
		DurationMS: decimal.RequireFromString("800"),
		MemoryMB:   512,
	}, decimal.RequireFromString("0.9"))
	best := sw.Points[sw.Cheapest]
	fmt.Println(best.MemoryMB, "MB,", best.DurationMS, "ms,", best.Total.StringFixed(2), "USD")
	// Output: 128 MB, 2960 ms, 63.67 USD
}

// A second price dimension is one more term on the same driver: here an
// illustrative gateway at $1 per million requests (not a catalogue
// figure) in front of the function of [ExampleLambda]. Bill, total and
// curve all include it.
func ExampleLambdaTariff() {
	c, _ := cost.EmbeddedCatalogue(platform.Snapshot2026, "us-east-1")
	t, err := cost.LambdaTariff(c, cost.LambdaUsage{
		DurationMS: decimal.RequireFromString("120"),
		MemoryMB:   1536,
		FreeTier:   true,
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	t = append(t, cost.Term{Per: decimal.NewFromInt(1), Meter: cost.Meter{
		Unit:  "request",
		Bands: []cost.Band{{Item: "gateway requests", Price: decimal.RequireFromString("0.000001")}},
	}})
	requests := decimal.RequireFromString("3000000")
	fmt.Println(t.Bill(requests))
	cv := t.Curve()
	fmt.Println("curve:", cv.At(requests), "breaks:", cv.Breaks)
	// Output:
	// lambda requests (x86_64): 2000000 request × 0.0000002 = 0.40
	// lambda duration (x86_64, tier 1): 140000 GB-second × 0.0000166667 = 2.33
	// gateway requests: 3000000 request × 0.000001 = 3.00
	// total: 5.73
	// curve: 5.733338 breaks: [0 1000000 2222222.222222222222222223 33335555555.555555555555555556 83335555555.555555555555555556]
}

// Fleets add up like curves: a fleet that follows a day/night load shape
// is one step per half of the month, each a unit's monthly price halved,
// the night's units serving four times the requests.
func ExampleFleet_Add() {
	day := cost.Fleet{PerUnit: decimal.RequireFromString("35.04"), RequestsPerUnit: decimal.RequireFromString("100000000"), MinUnits: 2}
	night := cost.Fleet{PerUnit: decimal.RequireFromString("35.04"), RequestsPerUnit: decimal.RequireFromString("400000000"), MinUnits: 2}
	f := cost.FixedFleet(decimal.RequireFromString("73")).Add(day).Add(night)
	for _, x := range []string{"0", "300000000", "900000000"} {
		fmt.Println(x, f.At(decimal.RequireFromString(x)))
	}
	// Output:
	// 0 213.16
	// 300000000 248.2
	// 900000000 493.48
}
