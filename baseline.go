package runwhere

import (
	"errors"
	"fmt"
	"strings"

	"github.com/shopspring/decimal"

	"github.com/runwhere/runwhere/capacity"
	"github.com/runwhere/runwhere/cost"
	"github.com/runwhere/runwhere/internal/engine"
	"github.com/runwhere/runwhere/internal/input"
)

// baseline prices what runs today (the scenario's current block) with
// the model of its platform's family: nil without a current block.
func (e *env) baseline() (*Baseline, error) {
	c := e.s.Current
	if c == nil {
		return nil, nil
	}
	p, _ := e.platforms.Platform(c.Platform) // calibrate checked it is there
	in := e.in
	now := engine.Current{InstanceType: c.InstanceType}
	if c.Count != nil {
		now.Count = *c.Count
	} else {
		// A function's executions: Little's law's mean concurrency.
		now.Count = capacity.Concurrency(*e.s.Workload.RequestsPerSecond, *e.s.Workload.DurationMS)
	}
	if c.TaskVCPU != nil {
		now.Task = &capacity.TaskSize{VCPU: *c.TaskVCPU, MemoryMiB: *c.TaskMemoryMB}
	}
	if c.MemoryMB != nil {
		now.MemoryMB = *c.MemoryMB
		in.Lambda = e.lambdaUsageAt(in.Workload, *c.MemoryMB)
		in.Function.MemoryMB = *c.MemoryMB
	}
	t, err := engine.EvaluateToday(p, e.cats, in, now)
	if err != nil {
		var fe *input.FieldError
		if errors.As(err, &fe) && strings.HasPrefix(fe.Field, "current.") {
			return nil, err
		}
		// A component's refusal (a memory Lambda does not offer, a type
		// the snapshot does not price) names the unit that was given.
		field, value := "current.platform", string(c.Platform)
		switch {
		case c.InstanceType != "":
			field, value = "current.instance_type", c.InstanceType
		case c.TaskVCPU != nil:
			field, value = "current.task_vcpu", c.TaskVCPU.String()
		case c.MemoryMB != nil:
			field, value = "current.memory_mb", fmt.Sprint(*c.MemoryMB)
		}
		return nil, &FieldError{Field: field, Value: value, Reason: fmt.Sprintf("cannot be priced as it runs today on %s: %s", p.Name, strings.TrimPrefix(err.Error(), "cost: "))}
	}
	b := &Baseline{
		Platform: p.ID, Name: p.Name,
		Runs:      runsText(now.Count, t.Unit),
		CostLines: costLines(t.Bill),
		Warnings:  t.Findings,
	}
	if b.Warnings == nil {
		b.Warnings = []capacity.Finding{}
	}
	b.MonthlyCost, b.MonthlyCostRounded, b.MonthlyCostTotalRounded = t.Bill.Total(), t.Bill.Rounded(), t.Bill.TotalRounded()
	return b, nil
}

// vsCurrent is r's month against the baseline b.
func vsCurrent(b *Baseline, r PlatformReport) *VsCurrent {
	if b == nil || !r.Feasible {
		return nil
	}
	saving := b.MonthlyCost.Sub(r.MonthlyCost)
	v := &VsCurrent{Saving: saving, SavingPercent: decimal.Zero, SavingRounded: b.MonthlyCostRounded.Sub(r.MonthlyCostRounded)}
	if b.MonthlyCost.IsPositive() {
		v.SavingPercent = saving.Mul(decimal.NewFromInt(100)).DivRound(b.MonthlyCost, 1)
	}
	return v
}

// costLines is a bill's lines as a report shows them.
func costLines(b cost.Bill) []CostLine {
	out := make([]CostLine, 0, len(b.Lines))
	for _, l := range b.Lines {
		out = append(out, CostLine{
			Item: l.Item, Quantity: l.Quantity, Unit: l.Unit, UnitPrice: l.UnitPrice,
			Amount: l.Amount, AmountRounded: l.Rounded(), Note: l.Note, Shared: sharedLine(l),
		})
	}
	return out
}

// todayReason sets the recommended platform's month against today's, for
// the reasons: "" without a baseline or a recommendation.
func todayReason(b *Baseline, r Report) string {
	if b == nil || r.Recommendation.Platform == "" {
		return ""
	}
	for _, p := range r.Platforms {
		if p.Platform != r.Recommendation.Platform || p.VsCurrent == nil {
			continue
		}
		v := p.VsCurrent
		against := "the same as"
		switch {
		case v.SavingRounded.IsPositive():
			against = fmt.Sprintf("%s (%s %%) less than", money(v.SavingRounded), v.SavingPercent)
		case v.SavingRounded.IsNegative():
			against = fmt.Sprintf("%s (%s %%) more than", money(v.SavingRounded.Neg()), v.SavingPercent.Neg())
		}
		return fmt.Sprintf("It costs %s what runs today: %s on %s, %s a month.", against, b.Runs, b.Name, money(b.MonthlyCostRounded))
	}
	return ""
}

// runsText is "4 × m5.large nodes", "1 × 0.5 vCPU / 1024 MB task".
func runsText(count decimal.Decimal, unit string) string {
	if !count.Equal(decimal.NewFromInt(1)) {
		unit += "s"
	}
	return decimalText(count) + " × " + unit
}
