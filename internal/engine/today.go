package engine

import (
	"fmt"

	"github.com/shopspring/decimal"

	"github.com/runwhere/runwhere/capacity"
	"github.com/runwhere/runwhere/cost"
	"github.com/runwhere/runwhere/internal/input"
	"github.com/runwhere/runwhere/platform"
)

// Current is what runs a service today on one platform, as the
// scenario's current block gives it: what one unit is (an instance type,
// a task size, a function's memory) and how many run on average.
type Current struct {
	InstanceType string             // nodes and function-instances platforms
	Task         *capacity.TaskSize // tasks platforms
	MemoryMB     int64              // functions platforms
	// Count is the mean number of units running over the month: nodes,
	// tasks or instances (for a function, its mean concurrent
	// executions; zero means Little's law's).
	Count decimal.Decimal
}

// Today is the month of what runs today: its bill at the catalogue's
// prices, and one unit's vCPU and memory (what a measured utilisation is
// a share of).
type Today struct {
	Bill     cost.Bill
	Findings capacity.Findings
	// UnitVCPU and UnitMemoryMB are one unit's: a node's or an
	// instance's shape, a task's size, or the vCPU Lambda gives the
	// function's memory.
	UnitVCPU     decimal.Decimal
	UnitMemoryMB int64
	// Unit names one unit in words ("m5.large node", "0.5 vCPU / 1024 MB
	// task"), for the report's description.
	Unit string
}

// Baseline is a family that can price what runs today on its platforms
// (the scenario's current block): the month of Count units, whatever the
// workload would need, at the same catalogue, region and discounts as
// the evaluation.
type Baseline interface {
	Family
	Today(p platform.Platform, cat Catalogues, in Inputs, now Current) (Today, error)
}

// EvaluateToday prices now on p with the model of p's family, with the
// same surroundings (ALB, NAT gateways) and discount as [Evaluate] gives
// the platform's own result, so the two bills differ only in what runs
// the service.
func EvaluateToday(p platform.Platform, cat Catalogues, in Inputs, now Current) (Today, error) {
	f, err := cat.Families.FamilyOf(p)
	if err != nil {
		return Today{}, err
	}
	b, ok := f.(Baseline)
	if !ok {
		return Today{}, fmt.Errorf("engine: platform %s (family %s) cannot price what runs today", p.ID, p.Family)
	}
	t, err := b.Today(p, cat, in, now)
	if err != nil {
		return Today{}, err
	}
	if _, ok := f.(Surrounded); ok {
		s := SurroundingsOf(cat, in)
		if s != nil && s.Err != nil {
			t.Findings = append(t.Findings, MissingFigureFinding(s.Err))
		}
		t.Bill = t.Bill.Add(s.Added())
	}
	if d, ok := f.(Discounted); ok {
		frac, label := d.Discount(p, in)
		t.Bill = withDiscount(t.Bill, label, frac)
	}
	t.Bill = t.Bill.Add(egressToday(cat, in, &t.Findings))
	return t, nil
}

// MeanUnits is an EC2 or Fargate usage's count and hours for a mean of
// count units all month: count whole units the whole month, or one run
// of count × 730 hours when count is fractional (4.5 nodes on average
// bill 3,285 node-hours).
func MeanUnits(count decimal.Decimal) (n int, hours decimal.Decimal) {
	if count.Equal(count.Truncate(0)) {
		return int(count.IntPart()), dZero
	}
	return 1, count.Mul(decimal.NewFromInt(platform.HoursPerMonth))
}

// The kinds of unit what runs today is given in.
const (
	UnitInstance = "an instance type (current.instance_type)"
	UnitTask     = "a task size (current.task_vcpu and current.task_memory_mb)"
	UnitFunction = "a function's memory (current.memory_mb)"
)

// OnlyUnit refuses a unit of another kind than want, which p's family
// runs: an instance type given for Lambda, a task size for ECS on EC2.
func OnlyUnit(p platform.Platform, now Current, want string) error {
	for _, u := range []struct {
		given bool
		kind  string
		field string
		value string
	}{
		{now.InstanceType != "", UnitInstance, "current.instance_type", now.InstanceType},
		{now.Task != nil, UnitTask, "current.task_vcpu", taskText(now.Task)},
		{now.MemoryMB > 0, UnitFunction, "current.memory_mb", fmt.Sprint(now.MemoryMB)},
	} {
		if u.given && u.kind != want {
			return &input.FieldError{Field: u.field, Value: u.value, Reason: fmt.Sprintf("does not apply to %s, which runs on %s", p.Name, want)}
		}
	}
	return nil
}

func taskText(t *capacity.TaskSize) string {
	if t == nil {
		return ""
	}
	return t.VCPU.String()
}

// TodayInstances is what runs today on instances of now.InstanceType:
// the instance (its shape) and the bill of now.Count of them all month,
// their line named item, with p's instance fees. servers.hourly_price is
// the price of servers.instance_type only: today's fleet of another type
// is priced from the catalogue, and that price is returned too, for the
// other instances of the same fleet (a self-managed control plane's).
func TodayInstances(p platform.Platform, cat Catalogues, in Inputs, now Current, item string) (platform.Instance, cost.Bill, string, error) {
	if err := OnlyUnit(p, now, UnitInstance); err != nil {
		return platform.Instance{}, cost.Bill{}, "", err
	}
	t := now.InstanceType
	if t == "" {
		return platform.Instance{}, cost.Bill{}, "", &input.FieldError{Field: "current.instance_type", Reason: fmt.Sprintf("is missing: %s runs on instances of a type", p.Name)}
	}
	inst, ok := cat.Instances.Lookup(t)
	if !ok {
		return platform.Instance{}, cost.Bill{}, "", &input.FieldError{Field: "current.instance_type", Value: t, Reason: "is not in the instance table"}
	}
	hourly := ""
	if in.HourlyPrice != nil && t == in.Servers.InstanceType {
		hourly = in.HourlyPrice.String()
	}
	n, hours := MeanUnits(now.Count)
	// Today's nodes carry what the platform's own nodes do (root volumes,
	// addresses), so that the two bills compare like for like; a figure
	// the catalogue lacks is reported on the platform's own bill.
	addons, _, err := NodeAddons(p, cat, in)
	if err != nil {
		addons = nil
	}
	bill, err := EC2Bill(p, cat, cost.EC2Usage{InstanceType: t, Count: n, Hours: hours, HourlyPrice: hourly, Item: fmt.Sprintf("%s (%s)", item, t), Addons: addons})
	return inst, bill, hourly, err
}
