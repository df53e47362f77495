package cost_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/shopspring/decimal"

	"github.com/runwhere/runwhere/cost"
	"github.com/runwhere/runwhere/internal/input/inputtest"
	"github.com/runwhere/runwhere/platform"
)

func FuzzParseCatalogue(f *testing.F) {
	f.Add([]byte(minimalCatalogue))
	f.Add([]byte(strings.Replace(minimalCatalogue, `"0.107"`, `"-1"`, 1)))
	f.Add([]byte("snapshot: x\n"))
	f.Add([]byte("{"))
	f.Fuzz(func(t *testing.T, data []byte) {
		var c *cost.Catalogue
		var err error
		inputtest.Timed(t, "ParseCatalogue", data, func() { c, err = cost.ParseCatalogue("", data) })
		if err != nil {
			if !strings.HasPrefix(err.Error(), "cost: ") {
				t.Fatalf("ParseCatalogue error %q lacks the cost: prefix", err)
			}
			return
		}
		// Whatever parses must validate and price without panicking.
		inputtest.Timed(t, "Validate", data, func() { err = c.Validate() })
		if err != nil {
			t.Fatalf("parsed catalogue fails Validate: %v", err)
		}
		for _, it := range c.InstanceTypes() {
			inputtest.Timed(t, "EC2 "+it, data, func() { _, _ = cost.EC2(c, cost.EC2Usage{InstanceType: it, Count: 1}) })
		}
		inputtest.Timed(t, "Lambda", data, func() {
			_, _ = cost.Lambda(c, cost.LambdaUsage{Requests: decimal.NewFromInt(1000), DurationMS: decimal.NewFromInt(10), MemoryMB: 128})
		})
	})
}

func FuzzLambda(f *testing.F) {
	f.Add("3000000", "120", 1536, false, 0, 0, "0", true)
	f.Add("7440000", "2000", 1024, false, 0, 0, "0", false)
	f.Add("1200000", "1000", 1024, false, 0, 1000, "5900000000", true)
	f.Add("-1", "1e3", 10240, true, 10240, 3, "1", false)
	c, err := cost.EmbeddedCatalogue(platform.Snapshot2026, "")
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, req, dur string, mem int, arm bool, storage, pc int, prior string, free bool) {
		r, err1 := decimal.NewFromString(req)
		ms, err2 := decimal.NewFromString(dur)
		p, err3 := decimal.NewFromString(prior)
		if err1 != nil || err2 != nil || err3 != nil || r.Exponent() < -30 || r.Exponent() > 30 ||
			ms.Exponent() < -30 || ms.Exponent() > 12 || p.Exponent() > 30 || p.Exponent() < -30 {
			return
		}
		u := cost.LambdaUsage{Requests: r, DurationMS: ms, MemoryMB: mem, EphemeralStorageMB: storage,
			ProvisionedConcurrency: pc, PriorGBSeconds: p, FreeTier: free}
		if arm {
			u.Arch = cost.ARM64
		}
		var b cost.Bill
		var err error
		inputtest.Timed(t, "Lambda", fmt.Sprintf("%+v", u), func() { b, err = cost.Lambda(c, u) })
		if err != nil {
			if !strings.HasPrefix(err.Error(), "cost: ") {
				t.Fatalf("Lambda error %q lacks the cost: prefix", err)
			}
			return
		}
		if b.Total().IsNegative() {
			t.Fatalf("Lambda(%+v) total %s is negative", u, b.Total())
		}
		for _, l := range b.Lines {
			if !l.Quantity.Mul(l.UnitPrice).Equal(l.Amount) {
				t.Fatalf("line %q: %s × %s ≠ %s", l.Item, l.Quantity, l.UnitPrice, l.Amount)
			}
		}
	})
}

func FuzzFargateAndEC2(f *testing.F) {
	f.Add(150, "600", "1", 2048, 30, "i", "m5.large", "")
	f.Add(-1, "-5", "0.3", 700, 0, "w", "m99", "abc")
	c, err := cost.EmbeddedCatalogue(platform.Snapshot2026, "")
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, tasks int, secs, vcpu string, mem, storage int, platform, itype, override string) {
		s, err1 := decimal.NewFromString(secs)
		v, err2 := decimal.NewFromString(vcpu)
		if err1 != nil || err2 != nil || s.Exponent() > 12 || s.Exponent() < -30 || v.Exponent() > 6 || v.Exponent() < -30 {
			return
		}
		p := cost.FargateLinuxX86
		switch platform {
		case "w":
			p = cost.FargateWindows
		case "a":
			p = cost.FargateLinuxARM64
		}
		fu := cost.FargateUsage{Platform: p, Tasks: tasks, Seconds: s, VCPU: v, MemoryMB: mem, EphemeralStorageGB: storage}
		eu := cost.EC2Usage{InstanceType: itype, Count: tasks, Hours: s, HourlyPrice: override}
		var errs [2]error
		inputtest.Timed(t, "Fargate", fmt.Sprintf("%+v", fu), func() { _, errs[0] = cost.Fargate(c, fu) })
		inputtest.Timed(t, "EC2", fmt.Sprintf("%+v", eu), func() { _, errs[1] = cost.EC2(c, eu) })
		for _, err := range errs {
			if err != nil && !strings.HasPrefix(err.Error(), "cost: ") {
				t.Fatalf("error %q lacks the cost: prefix", err)
			}
		}
	})
}
