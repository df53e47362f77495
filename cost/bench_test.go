package cost_test

import (
	"os"
	"testing"

	"github.com/runwhere/runwhere/cost"
	"github.com/runwhere/runwhere/platform"
)

// One Lambda monthly bill (target < 5 µs).
func BenchmarkLambdaBill(b *testing.B) {
	c := embedded(b, platform.Snapshot2026)
	u := cost.LambdaUsage{Requests: d("3000000"), DurationMS: d("120"), MemoryMB: 1536, FreeTier: true}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := cost.Lambda(c, u); err != nil {
			b.Fatal(err)
		}
	}
}

// One break-even solve: Lambda (free tier, tiers) against a load-sized fleet
// with a control plane (target < 50 µs).
func BenchmarkBreakEven(b *testing.B) {
	c := embedded(b, platform.Snapshot2026)
	u := cost.LambdaUsage{DurationMS: d("120"), MemoryMB: 512, FreeTier: true}
	monthly, err := cost.EC2Monthly(c, cost.EC2Usage{InstanceType: "m5.large"})
	if err != nil {
		b.Fatal(err)
	}
	f := cost.Fleet{Fixed: d("73"), PerUnit: monthly, RequestsPerUnit: d("100000000"), MinUnits: 2}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := cost.LambdaBreakEven(c, u, f); err != nil {
			b.Fatal(err)
		}
	}
}

// Every memory size 128..10,240 MB for one workload (target < 50 ms).
func BenchmarkLambdaMemorySweep(b *testing.B) {
	c := embedded(b, platform.Snapshot2026)
	u := cost.LambdaUsage{Requests: d("10000000"), DurationMS: d("800"), MemoryMB: 512, FreeTier: true}
	frac := d("0.7")
	b.ReportAllocs()
	for b.Loop() {
		if _, err := cost.LambdaMemorySweep(c, u, frac); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkLoadCatalogues is the price catalogues' share of a first use:
// every snapshot and region of data/, the generated EC2 price table
// included (target, with platform's instance table: under 20 ms).
func BenchmarkLoadCatalogues(b *testing.B) {
	fsys := os.DirFS(".")
	for b.Loop() {
		if _, err := cost.LoadCatalogues(fsys, "data"); err != nil {
			b.Fatal(err)
		}
	}
}
