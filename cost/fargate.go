package cost

import (
	"strconv"

	"github.com/shopspring/decimal"

	"github.com/runwhere/runwhere/internal/input"
)

// FargatePlatform is a Fargate operating system and architecture. The zero
// value means [FargateLinuxX86].
type FargatePlatform string

// Fargate platforms.
const (
	FargateLinuxX86   FargatePlatform = "linux/x86_64"
	FargateLinuxARM64 FargatePlatform = "linux/arm64"
	FargateWindows    FargatePlatform = "windows/x86_64"
)

// FargateUsage is a number of identical task runs.
type FargateUsage struct {
	Platform FargatePlatform // "" means linux/x86_64
	// Tasks is the number of task runs; each runs Seconds (zero: the whole
	// month, HoursPerMonth). A task run is billed from image pull to stop,
	// rounded up to the second, at least the platform's minimum (1 minute
	// on Linux, 5 on Windows).
	Tasks   int
	Seconds decimal.Decimal
	// VCPU and MemoryMB are what the task needs; it is billed as the
	// cheapest valid Fargate task size that holds both (0.3 vCPU / 700 MB
	// is billed as 0.5 vCPU / 1 GB).
	VCPU     decimal.Decimal
	MemoryMB int
	// EphemeralStorageGB is the configured storage; 0 means the free amount
	// (20 GB; 14 GB and no more in 2017-12).
	EphemeralStorageGB int
	// Spot marks Fargate Spot (Linux only). AWS publishes no fixed Spot
	// rate ("up to 70 %" off), so the caller gives the discount.
	Spot bool
	// Discount is the fraction taken off compute (Spot, Savings Plan):
	// 0 = on-demand.
	Discount decimal.Decimal
	// Addons follow each task's billed seconds (a public IPv4 address),
	// a line each.
	Addons []InstanceAddon
}

// TaskSize is a valid Fargate task size.
type TaskSize struct {
	VCPU     decimal.Decimal
	MemoryGB decimal.Decimal // 1 GB = 1024³ bytes
}

func fargateRates(c *Catalogue, p FargatePlatform) (*FargateRates, FargatePlatform, error) {
	if c == nil || c.Fargate == nil {
		return nil, p, fieldErr("fargate", snapshotOf(c), "is not priced in this catalogue")
	}
	if p == "" {
		p = FargateLinuxX86
	}
	var r *FargateRates
	switch p {
	case FargateLinuxX86:
		r = c.Fargate.LinuxX86
	case FargateLinuxARM64:
		r = c.Fargate.LinuxARM64
	case FargateWindows:
		r = c.Fargate.WindowsX86
	default:
		return nil, p, fieldErr("fargate.platform", string(p), "is not a Fargate platform (linux/x86_64, linux/arm64, windows/x86_64)")
	}
	if r == nil {
		return nil, p, fieldErr("fargate.platform", string(p), "is not priced in snapshot "+c.Snapshot.String())
	}
	return r, p, nil
}

// FargateTaskSize returns the cheapest valid task size holding vcpu and
// memoryMB on the platform.
func FargateTaskSize(c *Catalogue, p FargatePlatform, vcpu decimal.Decimal, memoryMB int) (TaskSize, error) {
	r, _, err := fargateRates(c, p)
	if err != nil {
		return TaskSize{}, err
	}
	if err := input.CheckDecimal(vcpu); err != nil {
		return TaskSize{}, fieldErr("fargate.vcpu", "(refused)", err.Error())
	}
	if !vcpu.IsPositive() {
		return TaskSize{}, fieldErr("fargate.vcpu", vcpu.String(), "is not positive")
	}
	if memoryMB <= 0 {
		return TaskSize{}, fieldErr("fargate.memory_mb", strconv.Itoa(memoryMB), "is not positive")
	}
	mem := decimal.NewFromInt(int64(memoryMB)).Mul(dPerMiB)
	vcpuRate, gbRate := r.VCPUSecond.Value, r.GBSecond.Value
	if r.VCPUHour != nil && r.GBHour != nil { // the rates billed (see [Fargate])
		vcpuRate, gbRate = r.VCPUHour.Value, r.GBHour.Value
	}
	var best TaskSize
	var bestPrice decimal.Decimal
	found := false
	for _, row := range c.Fargate.TaskSizes.Sizes {
		if row.VCPU.LessThan(vcpu) {
			continue
		}
		m, ok := row.smallest(mem)
		if !ok {
			continue
		}
		price := row.VCPU.Mul(vcpuRate).Add(m.Mul(gbRate))
		if !found || price.LessThan(bestPrice) {
			best, bestPrice, found = TaskSize{VCPU: row.VCPU, MemoryGB: m}, price, true
		}
	}
	if !found {
		return TaskSize{}, fieldErr("fargate.vcpu", vcpu.String()+" vCPU / "+strconv.Itoa(memoryMB)+" MB",
			"fits no valid Fargate task size in snapshot "+c.Snapshot.String())
	}
	return best, nil
}

// smallest is the row's smallest memory size ≥ mem GB.
func (row TaskSizeRow) smallest(mem decimal.Decimal) (decimal.Decimal, bool) {
	if len(row.MemoryGB) > 0 {
		for _, m := range row.MemoryGB {
			if !m.LessThan(mem) {
				return m, true
			}
		}
		return dZero, false
	}
	m := *row.MinGB
	if mem.GreaterThan(m) {
		m = m.Add(ceilTo(mem.Sub(m), *row.StepGB))
	}
	if m.GreaterThan(*row.MaxGB) {
		return dZero, false
	}
	return m, true
}

// Fargate prices task runs: vCPU, memory, the Windows OS licence and
// ephemeral storage above the free 20 GB, one line each, read from the
// meters of [FargateTariff] at the runs' billed task-seconds.
//
// Which rate applies: Fargate is billed per second at an hourly rate.
// Where the catalogue has the hourly rates (Linux: 0.04048 per vCPU-hour
// and 0.004445 per GB-hour in us-east-1, AWS's price list), a task-second
// costs the rate ÷ 3600 exactly, not the rounded per-second figure the
// pricing page prints (0.000011244): the vCPU and memory lines are in
// vCPU-hours and GB-hours (task-seconds ÷ 3600) at the hourly rates, and
// their amounts are task-seconds × rate ÷ 3600, multiplied first (see
// [Meter.Scale]). A month of 5 tasks' 2 GB is then $32.45, as AWS bills
// it, where the page's figure gives $32.46. Windows is billed at AWS's
// rate table too (0.046552 per vCPU-hour, 0.00511175 per GB-hour and the
// licence's 0.046 per vCPU-hour in us-east-1), not at the pricing page's
// older per-second figures, which are about twice the vCPU and memory
// rates. Where a catalogue has no hourly rate (one brought by a caller),
// the per-second figures apply, in seconds.
func Fargate(c *Catalogue, u FargateUsage) (Bill, error) {
	t, secs, err := fargateTariff(c, u)
	if err != nil {
		return Bill{}, err
	}
	return t.Bill(secs.Mul(decimal.NewFromInt(int64(u.Tasks)))), nil
}

// FargateTariff is the price of u's task size as a [Tariff] over
// task-seconds: one term each for vCPU, memory, the Windows OS licence
// and ephemeral storage above the free 20 GB, with u's discount on
// compute. Where the catalogue has hourly rates, the vCPU and memory
// meters are priced per hour and count seconds ([Meter.Scale] 3600), so
// the tariff and [Fargate] are one price (its slope per task-second is
// then the rate ÷ 3600 rounded at [DivScale] places). u is checked as
// [Fargate] checks it, but u.Tasks and u.Seconds are not used: the billing
// rules of a run (rounded up to the second, at least the platform's
// minimum) belong to the runs, not to the tariff. A
// fleet whose task count changes hour by hour is the sum of the tariff at
// each hour's task-seconds.
func FargateTariff(c *Catalogue, u FargateUsage) (Tariff, error) {
	t, _, err := fargateTariff(c, u)
	return t, err
}

// fargateTariff checks u and returns its tariff and the billed seconds of
// one of its runs.
func fargateTariff(c *Catalogue, u FargateUsage) (Tariff, decimal.Decimal, error) {
	r, p, err := fargateRates(c, u.Platform)
	if err != nil {
		return nil, dZero, err
	}
	if u.Tasks < 0 {
		return nil, dZero, fieldErr("fargate.tasks", strconv.Itoa(u.Tasks), "is negative")
	}
	if err := checkDecimals(namedDecimal{"fargate.seconds", u.Seconds}, namedDecimal{"fargate.vcpu", u.VCPU}, namedDecimal{"fargate.discount", u.Discount}); err != nil {
		return nil, dZero, err
	}
	if u.Seconds.IsNegative() {
		return nil, dZero, fieldErr("fargate.seconds", u.Seconds.String(), "is negative")
	}
	if u.Discount.IsNegative() || u.Discount.GreaterThan(dOne) {
		return nil, dZero, fieldErr("fargate.discount", u.Discount.String(), "is not a fraction between 0 and 1")
	}
	if u.Spot && p == FargateWindows {
		return nil, dZero, fieldErr("fargate.spot", "true", "is not offered for "+string(p))
	}
	size, err := FargateTaskSize(c, p, u.VCPU, u.MemoryMB)
	if err != nil {
		return nil, dZero, err
	}
	free := c.Fargate.EphemeralFreeGB.Value
	storage := decimal.NewFromInt(int64(u.EphemeralStorageGB))
	if u.EphemeralStorageGB < 0 || (u.EphemeralStorageGB > 0 && storage.LessThan(free)) {
		return nil, dZero, fieldErr("fargate.ephemeral_storage_gb", strconv.Itoa(u.EphemeralStorageGB), "is below the included "+free.String()+" GB")
	}
	if storage.GreaterThan(free) && c.Fargate.EphemeralGBHour == nil && c.Fargate.EphemeralGBSecond.Value.IsZero() {
		return nil, dZero, fieldErr("fargate.ephemeral_storage_gb", strconv.Itoa(u.EphemeralStorageGB),
			"is more than the "+free.String()+" GB a task gets in snapshot "+c.Snapshot.String()+", where storage could not be configured")
	}
	secs := u.Seconds
	if secs.IsZero() {
		secs = dSecsPerMonth
	}
	secs = maxDec(secs.Ceil(), r.MinimumSeconds.Value)
	factor := dOne.Sub(u.Discount)
	label := string(p)
	if u.Spot {
		label += ", spot"
	}
	price := func(f Figure) decimal.Decimal {
		if u.Discount.IsZero() {
			return f.Value
		}
		return f.Value.Mul(factor)
	}
	vcpu := fargateMeter("fargate vcpu ("+label+")", "vCPU-second", price(r.VCPUSecond))
	mem := fargateMeter("fargate memory ("+label+")", "GB-second", price(r.GBSecond))
	vcpu.Bands[0].Note, mem.Bands[0].Note = r.VCPUSecond.Derivation(), r.GBSecond.Derivation()
	if r.VCPUHour != nil && r.GBHour != nil {
		// The rates AWS bills: per hour, counted in seconds (see [Fargate]).
		vcpu = fargateMeter("fargate vcpu ("+label+")", "vCPU-hour", price(*r.VCPUHour))
		mem = fargateMeter("fargate memory ("+label+")", "GB-hour", price(*r.GBHour))
		vcpu.Scale, mem.Scale = d3600, d3600
		vcpu.Bands[0].Note, mem.Bands[0].Note = r.VCPUHour.Derivation(), r.GBHour.Derivation()
	}
	vcpu.Compute, mem.Compute = true, true
	t := Tariff{{Meter: vcpu, Per: size.VCPU}, {Meter: mem, Per: size.MemoryGB}}
	// The licence is not compute: no discount applies to it. Its hourly
	// rate, where catalogued, is the one billed, as for vCPU and memory.
	if h := r.OSLicenseVCPUHour; h != nil {
		m := fargateMeter("fargate os licence ("+label+")", "vCPU-hour", h.Value)
		m.Scale = d3600
		t = append(t, Term{Meter: m, Per: size.VCPU})
	} else if r.OSLicenseVCPUSecond != nil {
		t = append(t, Term{Meter: fargateMeter("fargate os licence ("+label+")", "vCPU-second", r.OSLicenseVCPUSecond.Value), Per: size.VCPU})
	}
	if extra := storage.Sub(free); u.EphemeralStorageGB > 0 && extra.IsPositive() {
		m := fargateMeter("fargate ephemeral storage ("+label+")", "GB-second", c.Fargate.EphemeralGBSecond.Value)
		if h := c.Fargate.EphemeralGBHour; h != nil { // billed per hour, counted in seconds
			m = fargateMeter("fargate ephemeral storage ("+label+")", "GB-hour", h.Value)
			m.Scale = d3600
		}
		t = append(t, Term{Meter: m, Per: extra})
	}
	if err := checkAddons(u.Addons); err != nil {
		return nil, dZero, err
	}
	t = append(t, addonTerms(u.Addons, d3600)...)
	return t, secs, nil
}

// fargateMeter is a flat Fargate price: no free allowance, no tiers.
func fargateMeter(item, unit string, price decimal.Decimal) Meter {
	return Meter{Unit: unit, Bands: []Band{{Item: item, Price: price}}}
}

// FargateMonthly is the monthly cost of one task of u's size running all
// month (u.Tasks and u.Seconds are ignored).
func FargateMonthly(c *Catalogue, u FargateUsage) (decimal.Decimal, error) {
	u.Tasks, u.Seconds = 1, dSecsPerMonth
	b, err := Fargate(c, u)
	if err != nil {
		return dZero, err
	}
	return b.Total(), nil
}

// LambdaVsFargate solves Lambda (l) against Fargate tasks of task's size,
// each serving requestsPerTask requests a month, at least minTasks running.
// requestsPerTask zero compares against minTasks tasks whatever the load.
func LambdaVsFargate(c *Catalogue, l LambdaUsage, task FargateUsage, requestsPerTask decimal.Decimal, minTasks int) (BreakEven, error) {
	per, err := FargateMonthly(c, task)
	if err != nil {
		return BreakEven{}, err
	}
	if minTasks < 0 {
		return BreakEven{}, fieldErr("fargate.min_tasks", strconv.Itoa(minTasks), "is negative")
	}
	return LambdaBreakEven(c, l, Fleet{PerUnit: per, RequestsPerUnit: requestsPerTask, MinUnits: minTasks})
}
