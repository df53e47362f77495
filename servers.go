package runwhere

import (
	"errors"
	"fmt"
	"strings"

	"github.com/shopspring/decimal"

	"github.com/runwhere/runwhere/capacity"
	"github.com/runwhere/runwhere/cost"
	"github.com/runwhere/runwhere/ha"
	"github.com/runwhere/runwhere/platform"
)

// The server model. Replicas of the scenario's container serve requests
// until their vCPU × target utilisation or their memory runs out (DESIGN.md),
// so one replica serves perReplica requests per second. The peak needs
// n = ceil(peak / perReplica) replicas. Workers are zone-balanced: every
// zone runs the same number of nodes (one Auto Scaling group or node group
// per zone, as EKS managed node groups and ECS capacity providers are set
// up), so a zone's loss costs the same whichever it is. With Z zones, of
// which Zeff = Z (or Z − 1 when the scenario asks to survive a zone's loss)
// must carry the peak, and fit replicas per node,
//
//	nodes = Z × max(1, ceil(n / (Zeff × fit)))
//
// which, because ceil(ceil(y)/k) = ceil(y/k), is a step function of the
// monthly requests x with steps of Zeff × fit × perReplica × 2,628,000 ×
// mean/peak requests: exactly a [cost.Fleet]. The same fleet prices the
// report, the break-even points and the curves, so they agree.

// perReplica returns the requests per second one replica serves, as the
// numerator and denominator of an exact fraction, and what binds it.
func (e *env) perReplica() (num, den decimal.Decimal, binding string) {
	w, c := e.s.Workload, e.container
	cpu := c.VCPU.Mul(*e.s.Servers.TargetUtilization) // vCPU a replica may use
	concurrent := decimal.NewFromInt(c.MemoryMB / *w.MemoryMB)
	// Compare cpu / cpu_fraction with concurrent without dividing.
	if cpu.LessThan(concurrent.Mul(*w.CPUFraction)) {
		return cpu.Mul(thousand), w.DurationMS.Mul(*w.CPUFraction), "cpu"
	}
	return concurrent.Mul(thousand), *w.DurationMS, "memory"
}

// loadFleet is the fleet capacity.Size sizes, as a function of the
// monthly requests x: the replicas the peak needs grow one every
// perReplica requests (at the scenario's peak-to-mean ratio), and are
// spread over zones as [capacity.SpreadReplicas] lays them, each zone with
// the nodes its own replicas need.
//
//   - With survive_zone_loss, every zone holds ⌈n / (Z − 1)⌉ replicas: one
//     step of Z nodes every (Z − 1) × fit replicas.
//   - Otherwise zone i holds ⌈(n − i) / Z⌉ replicas and needs
//     max(1, ⌈(n − i) / (Z × fit)⌉) nodes: one step per zone, every Z × fit
//     replicas, the i-th starting i replicas later ([cost.Step.Offset]).
//
// So the report's bill, the curves and the break-even all price one
// sizing.
func (e *env) loadFleet(fixed, nodeMonthly decimal.Decimal, sp capacity.Spread, fit int64) cost.Fleet {
	z := sp.Zones
	if sp.SurviveZoneLoss {
		return e.stepFleet(fixed, nodeMonthly.Mul(decimal.NewFromInt(z)), (z-1)*fit, 1)
	}
	if z == 1 {
		return e.stepFleet(fixed, nodeMonthly, fit, 1)
	}
	w := e.s.Workload
	if w.RequestsPerSecond.IsZero() {
		// All the load is at the peak: the fleet does not follow the mean.
		return cost.FixedFleet(fixed.Add(nodeMonthly.Mul(decimal.NewFromInt(z))))
	}
	perReplica := e.requestsPerReplica()
	f := cost.Fleet{Fixed: fixed, Steps: make([]cost.Step, z)}
	for i := range z {
		f.Steps[i] = cost.Step{
			PerUnit:         nodeMonthly,
			RequestsPerUnit: perReplica.Mul(decimal.NewFromInt(z * fit)),
			MinUnits:        1,
			Offset:          perReplica.Mul(decimal.NewFromInt(i)),
		}
	}
	return f
}

// requestsPerReplica is the monthly requests one replica serves at the
// scenario's mean load, rounded up at [cost.DivScale] places (see
// [ceilQuotient]).
func (e *env) requestsPerReplica() decimal.Decimal {
	w := e.s.Workload
	num, den, _ := e.perReplica()
	perUnit := secondsPerMonth.Mul(*w.RequestsPerSecond).Mul(num)
	return ceilQuotient(perUnit, den.Mul(*w.PeakRequestsPerSecond), cost.DivScale)
}

func (e *env) stepFleet(fixed, unitMonthly decimal.Decimal, unitReplicas int64, minUnits int) cost.Fleet {
	w := e.s.Workload
	f := cost.Fleet{Fixed: fixed, PerUnit: unitMonthly, MinUnits: minUnits}
	if w.RequestsPerSecond.IsZero() {
		// All the load is at the peak: the fleet does not follow the mean.
		f.MinUnits = 0
		f.Fixed = fixed.Add(unitMonthly.Mul(decimal.NewFromInt(int64(minUnits))))
		return f
	}
	num, den, _ := e.perReplica()
	// requests a month one unit serves at the mean load
	perUnit := decimal.NewFromInt(unitReplicas).Mul(secondsPerMonth).Mul(*w.RequestsPerSecond).Mul(num)
	f.RequestsPerUnit = ceilQuotient(perUnit, den.Mul(*w.PeakRequestsPerSecond), cost.DivScale)
	return f
}

func (e *env) zones() (z, zeff int64) {
	z = *e.s.Servers.Zones
	zeff = z
	if *e.s.Servers.SurviveZoneLoss && z > 1 {
		zeff = z - 1
	}
	return z, zeff
}

// request is the scenario as package capacity reads it, for platform id.
func (e *env) request(id platform.ID) capacity.Request {
	sv := e.s.Servers
	return capacity.Request{
		Platform:  id,
		Workload:  e.workload,
		Container: e.container,
		Servers: capacity.Servers{
			InstanceType:      sv.InstanceType,
			Count:             *sv.Count,
			TargetUtilization: *sv.TargetUtilization,
			Zones:             *sv.Zones,
			SurviveZoneLoss:   *sv.SurviveZoneLoss,
			Managers:          *sv.Managers,
			Node:              capacity.NodeOptions{NetworkMode: capacity.NetworkMode(sv.ECSNetworkMode)},
		},
	}
}

// evaluateServers prices what [capacity.Size] sizes: the one sizing model
// of every EC2-backed platform.
func (e *env) evaluateServers(p platform.Platform) (model, error) {
	var m model
	sv := e.s.Servers
	if *sv.SurviveZoneLoss && *sv.Zones < 2 {
		return model{}, &FieldError{Field: "servers.zones", Value: fmt.Sprint(*sv.Zones), Reason: "cannot survive the loss of a zone: servers.survive_zone_loss needs 2 or more"}
	}
	res, err := capacity.Size(e.platforms, e.instances, e.request(p.ID))
	if errors.Is(err, capacity.ErrUnknownInstanceType) {
		m.report.addFindings(capacity.Findings{capacity.UnknownInstanceFinding(sv.InstanceType)})
		m.report.Capacity = Capacity{InstanceType: sv.InstanceType}
		return e.unpriced(m, p)
	}
	var noNode *capacity.NodeError
	if errors.As(err, &noNode) {
		// The instance is known but a figure the platform's sizing needs is
		// not sourced (ENI counts of a new family, say).
		m.report.addFindings(capacity.Findings{missingFigure(err)})
		m.report.Capacity = Capacity{InstanceType: sv.InstanceType}
		return e.unpriced(m, p)
	}
	if err != nil {
		return model{}, inputError(err)
	}
	m.report.addFindings(res.Blockers)
	m.report.addFindings(res.Warnings)
	if res.Nodes == 0 { // no replica fits on the instance type
		m.report.Capacity = Capacity{InstanceType: sv.InstanceType}
		return e.unpriced(m, p)
	}
	hourly := ""
	if sv.HourlyPrice != nil {
		hourly = sv.HourlyPrice.String()
	} else if _, err := e.prices.Instance(sv.InstanceType); err != nil {
		// Sized but not priced: the catalogue holds only sourced prices.
		m.report.addFindings(capacity.Findings{{
			Code:     capacity.UnknownInstanceType,
			Message:  fmt.Sprintf("%s has no sourced on-demand price in the %s %s catalogue; set servers.hourly_price", sv.InstanceType, e.s.Snapshot, e.s.Region),
			Value:    sv.InstanceType,
			Severity: capacity.Blocker,
		}})
		m.report.Capacity = Capacity{InstanceType: sv.InstanceType, Nodes: int(res.Nodes), Replicas: int(res.Replicas), ReplicasPerNode: int(res.ReplicasPerNode)}
		return e.unpriced(m, p)
	}
	workers, err := cost.EC2(e.prices, cost.EC2Usage{InstanceType: sv.InstanceType, Count: int(res.Nodes), HourlyPrice: hourly, Item: fmt.Sprintf("%s workers (%s)", p.ID, sv.InstanceType)})
	if err != nil {
		return model{}, inputError(err)
	}
	cp, err := cost.ControlPlaneBill(e.prices, cost.ControlPlane{
		Platform: p.ID,
		Clusters: int(res.Clusters),
		Managers: cost.EC2Usage{InstanceType: sv.InstanceType, Count: int(res.Managers), HourlyPrice: hourly},
	})
	if err != nil {
		if p.ControlPlane.RunBy != platform.AWS {
			return model{}, inputError(err)
		}
		// A managed control plane whose price the snapshot does not source
		// (ECS in 2017-12) is left out of the bill, and the report says so.
		f := missingFigure(err)
		f.Severity = capacity.Warning
		f.Message += "; the bill leaves the control plane out"
		m.report.addFindings(capacity.Findings{f})
		cp = cost.Bill{}
	}
	m.report.setBill(workers.Add(cp))
	num, den, _ := e.perReplica()
	node := res.Allocatable
	m.report.Capacity = Capacity{
		Nodes:              int(res.Nodes),
		InstanceType:       sv.InstanceType,
		Managers:           int(res.Managers),
		Replicas:           int(res.Replicas),
		RequestsPerReplica: ptr(num.DivRound(den, 4)),
		TaskVCPU:           ptr(e.container.VCPU),
		TaskMemoryMB:       int(e.container.MemoryMB),
		ReplicasPerNode:    int(res.ReplicasPerNode),
		Clusters:           int(res.Clusters),
		NodesForPeak:       int(res.NodesForPeak),
		FixedFleet:         *sv.Count > 0,
		UnusedVCPU:         ptr(decimal.NewFromInt(res.Nodes).Mul(decimal.NewFromInt(node.CPUMilli)).Sub(decimal.NewFromInt(res.Replicas).Mul(e.container.VCPU).Mul(thousand)).Div(thousand)),
	}
	if *sv.Count > 0 {
		f := cost.FixedFleet(m.report.MonthlyCost)
		m.fleet = &f
	} else {
		nodeMonthly, err := cost.EC2Monthly(e.prices, cost.EC2Usage{InstanceType: sv.InstanceType, HourlyPrice: hourly})
		if err != nil {
			return model{}, inputError(err)
		}
		f := e.loadFleet(cp.Total(), nodeMonthly, res.Spread, res.ReplicasPerNode)
		m.fleet = &f
	}
	clusters := res.Clusters
	m.report.HA, err = ha.Summarize(e.topology(p, res.Managers/clusters, ceilDiv(res.Nodes, clusters), ceilDiv(res.NodesForPeak, clusters)), e.model)
	if err != nil {
		return model{}, err
	}
	return m, nil
}

// unpriced finishes the report of a platform that cannot be sized or
// priced (its blockers say why): an empty bill, no cost model, and the
// control plane's HA figures as the scenario gives them.
func (e *env) unpriced(m model, p platform.Platform) (model, error) {
	m.report.setBill(cost.Bill{})
	m.fleet, m.lambda = nil, nil
	var err error
	m.report.HA, err = ha.Summarize(e.topology(p, 0, 0, 0), e.model)
	return m, err
}

// maxModelledWorkers is the largest worker tier ha computes.
const maxModelledWorkers = 10000

// topology is the ha view of a platform's deployment.
//
// needed is the workers the peak needs with no zone redundancy: the ha
// package checks it against what is left after a zone's loss.
func (e *env) topology(p platform.Platform, managers, workers, needed int64) ha.Topology {
	z, _ := e.zones()
	t := ha.Topology{Platform: p.ID, Snapshot: platform.SnapshotID(e.s.Snapshot), Zones: int(z)}
	if p.ControlPlane.RunBy == platform.User {
		t.Managers = int(managers)
		if managers == 0 { // not sized: the scenario's control plane as given
			t.Managers = int(*e.s.Servers.Managers)
		}
	}
	// The ha package models worker tiers of up to 10,000 nodes exactly;
	// a larger fleet is reported without worker-tier availability.
	if workers > 0 && workers <= maxModelledWorkers {
		t.Workers = int(workers)
		t.WorkersNeeded = int(min(needed, workers))
	}
	return t
}

func (e *env) evaluateFargate(p platform.Platform) (model, error) {
	var m model
	sv := e.s.Servers
	z, zeff := e.zones()
	sz, err := capacity.SizeFargate(p, platform.SnapshotID(e.s.Snapshot), e.workload, e.container, *sv.TargetUtilization, z, *sv.SurviveZoneLoss)
	if err != nil {
		return model{}, inputError(err)
	}
	m.report.addFindings(sz.Findings)
	m.report.Capacity = Capacity{
		Replicas:     int(sz.Tasks),
		TaskVCPU:     ptr(sz.Task.VCPU),
		TaskMemoryMB: int(sz.Task.MemoryMiB),
	}
	if len(m.report.Blockers) > 0 && sz.Task.VCPU.IsZero() {
		return e.unpriced(m, p)
	}
	fp := cost.FargateLinuxX86
	if e.s.Workload.Arch == "arm64" {
		fp = cost.FargateLinuxARM64
	}
	task := cost.FargateUsage{Platform: fp, Tasks: int(sz.Tasks), VCPU: sz.Task.VCPU, MemoryMB: int(sz.Task.MemoryMiB)}
	bill, err := cost.Fargate(e.prices, task)
	if err != nil {
		// No sourced Fargate prices in this snapshot (2017-12).
		m.report.addFindings(capacity.Findings{missingFigure(err)})
		return e.unpriced(m, p)
	}
	cp, err := cost.ControlPlaneBill(e.prices, cost.ControlPlane{Platform: p.ID})
	if err != nil {
		f := missingFigure(err)
		f.Severity = capacity.Warning
		f.Message += "; the bill leaves the control plane out"
		m.report.addFindings(capacity.Findings{f})
		cp = cost.Bill{}
	}
	m.report.setBill(bill.Add(cp))
	num, den, _ := e.perReplica()
	m.report.Capacity.RequestsPerReplica = ptr(num.DivRound(den, 4))
	taskMonthly, err := cost.FargateMonthly(e.prices, task)
	if err != nil {
		return model{}, inputError(err)
	}
	var f cost.Fleet
	if *sv.SurviveZoneLoss {
		f = e.stepFleet(cp.Total(), taskMonthly.Mul(decimal.NewFromInt(z)), zeff, 1)
	} else {
		f = e.stepFleet(cp.Total(), taskMonthly, 1, int(z))
	}
	m.fleet = &f
	m.task = &task
	m.report.HA, err = ha.Summarize(e.topology(p, 0, 0, 0), e.model)
	return m, err
}

// inputError turns a component's complaint about an input into the
// scenario's error vocabulary, keeping the field it names.
func inputError(err error) error {
	// Every package's field error is the one FieldError: keep it, leaving
	// the component's prefix ("capacity: ") for the caller's "runwhere: ".
	var fe *FieldError
	if errors.As(err, &fe) {
		return fe
	}
	return fmt.Errorf("runwhere: %w", err)
}

// MissingFigure is the finding code for a figure the catalogues do not
// source (a price, an ENI count), so runwhere will not guess it.
const MissingFigure capacity.Code = "missing-figure"

func missingFigure(err error) capacity.Finding {
	msg := err.Error()
	for _, prefix := range []string{"capacity: ", "cost: "} {
		msg = strings.TrimPrefix(msg, prefix)
	}
	return capacity.Finding{Code: MissingFigure, Message: msg + " (no sourced figure; runwhere does not guess one)", Severity: capacity.Blocker}
}

// MultipleClusters is the finding code for a fleet split over clusters.
const MultipleClusters capacity.Code = "multiple-clusters"

func ceilDiv(a, b int64) int64 {
	if b <= 0 {
		return a
	}
	return (a + b - 1) / b
}

// ceilQuotient is a/b rounded up at scale places. A fleet's requests per
// unit is a quotient that may not terminate; rounding it up (never down)
// keeps ceil(x / perUnit) from counting one unit too many at the exact
// load where the bill's own integer sizing steps.
func ceilQuotient(a, b decimal.Decimal, scale int32) decimal.Decimal {
	q := a.DivRound(b, scale)
	if q.Mul(b).LessThan(a) {
		q = q.Add(decimal.New(1, -scale))
	}
	return q
}
