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

// loadFleet is the fleet sized to the load: units of unitReplicas replicas
// (spread over zones), each costing unitMonthly, at least minUnits of them.
func (e *env) loadFleet(fixed, unitMonthly decimal.Decimal, unitReplicas int64, minUnits int) cost.Fleet {
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

func (e *env) evaluateServers(p platform.Platform) (model, error) {
	var m model
	sv := e.s.Servers
	z, zeff := e.zones()
	if *sv.SurviveZoneLoss && z < 2 {
		return model{}, &FieldError{Field: "servers.zones", Value: fmt.Sprint(z), Reason: "cannot survive the loss of a zone: servers.survive_zone_loss needs 2 or more"}
	}
	rep, err := capacity.SizeReplicas(e.workload, e.container, *sv.TargetUtilization)
	if err != nil {
		return model{}, inputError(err)
	}
	node, err := capacity.NodeFor(p.ID, e.instances, sv.InstanceType, capacity.NodeOptions{NetworkMode: capacity.NetworkMode(sv.ECSNetworkMode)})
	if errors.Is(err, capacity.ErrUnknownInstanceType) {
		m.report.addFindings(capacity.Findings{capacity.UnknownInstanceFinding(sv.InstanceType)})
		m.report.Capacity = Capacity{InstanceType: sv.InstanceType}
		return e.unpriced(m, p)
	}
	if err != nil {
		// The instance is known but a figure the platform's sizing needs is
		// not sourced (ENI counts of a new family, say).
		m.report.addFindings(capacity.Findings{missingFigure(err)})
		m.report.Capacity = Capacity{InstanceType: sv.InstanceType}
		return e.unpriced(m, p)
	}
	fit, _ := node.Fit(e.container.VCPU.Mul(thousand).Ceil().IntPart(), e.container.MemoryMB)
	if fit < 1 {
		m.report.addFindings(capacity.Findings{{
			Code:     capacity.MaxTaskSize,
			Message:  fmt.Sprintf("one %s vCPU / %d MB replica does not fit on a %s after the platform's reservations (allocatable %dm CPU, %d MiB)", e.container.VCPU, e.container.MemoryMB, sv.InstanceType, node.CPUMilli, node.MemoryMiB),
			Limit:    fmt.Sprintf("%dm CPU, %d MiB", node.CPUMilli, node.MemoryMiB),
			Severity: capacity.Blocker,
		}})
		m.report.Capacity = Capacity{InstanceType: sv.InstanceType}
		return e.unpriced(m, p)
	}
	perZone := (max(rep.Count, zeff) + zeff - 1) / zeff // replicas in every zone
	if !*sv.SurviveZoneLoss {
		perZone = (max(rep.Count, z) + z - 1) / z
	}
	replicas := perZone * z
	nodesPerZone := (perZone + fit - 1) / fit
	needed := nodesPerZone * z
	forPeak := ceilDiv(rep.Count, fit) // with no zone redundancy
	nodes := needed
	if *sv.Count > 0 {
		nodes = *sv.Count
		if nodes < needed {
			m.report.addFindings(capacity.Findings{{
				Code:     capacity.FleetTooSmall,
				Message:  fmt.Sprintf("servers.count %d is below the %d nodes the peak needs (%d replicas, %d per %s, %d zones)", nodes, needed, replicas, fit, sv.InstanceType, z),
				Limit:    fmt.Sprint(nodes),
				Value:    fmt.Sprint(needed),
				Severity: capacity.Blocker,
			}})
		}
	}
	usage := capacity.ClusterUsage{Nodes: nodes, PodsPerNode: min(fit, perZone), Pods: replicas, Services: 1, MaxTasksPerService: replicas}
	clusters := capacity.ClustersNeeded(p, usage)
	if clusters > 1 {
		// Split the fleet as the deck advises for Swarm-style scale-out:
		// each cluster is checked, and billed, on its own.
		m.report.addFindings(capacity.Findings{{
			Code:     MultipleClusters,
			Message:  fmt.Sprintf("%d nodes and %d replicas are more than one %s cluster holds within its published limits: split into %d clusters, each with its own control plane", nodes, replicas, p.Name, clusters),
			Value:    fmt.Sprint(clusters),
			Severity: capacity.Warning,
		}})
		usage.Nodes, usage.Pods, usage.Containers = ceilDiv(nodes, clusters), ceilDiv(replicas, clusters), 0
		usage.MaxTasksPerService = usage.Pods
	}
	m.report.addFindings(capacity.CheckCluster(p, usage))
	managers := int64(0)
	if p.ControlPlane.RunBy == platform.User {
		managers = *sv.Managers * clusters
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
		m.report.Capacity = Capacity{InstanceType: sv.InstanceType, Nodes: int(nodes), Replicas: int(replicas), ReplicasPerNode: int(fit)}
		return e.unpriced(m, p)
	}
	workers, err := cost.EC2(e.prices, cost.EC2Usage{InstanceType: sv.InstanceType, Count: int(nodes), HourlyPrice: hourly, Item: fmt.Sprintf("%s workers (%s)", p.ID, sv.InstanceType)})
	if err != nil {
		return model{}, inputError(err)
	}
	cp, err := cost.ControlPlaneBill(e.prices, cost.ControlPlane{
		Platform: string(p.ID),
		Clusters: int(clusters),
		Managers: cost.EC2Usage{InstanceType: sv.InstanceType, Count: int(managers), HourlyPrice: hourly},
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
	m.report.Capacity = Capacity{
		Nodes:              int(nodes),
		InstanceType:       sv.InstanceType,
		Managers:           int(managers),
		Replicas:           int(replicas),
		RequestsPerReplica: ptr(num.DivRound(den, 4)),
		TaskVCPU:           ptr(e.container.VCPU),
		TaskMemoryMB:       int(e.container.MemoryMB),
		ReplicasPerNode:    int(fit),
		Clusters:           int(clusters),
		NodesForPeak:       int(forPeak),
		FixedFleet:         *sv.Count > 0,
		UnusedVCPU:         ptr(decimal.NewFromInt(nodes).Mul(decimal.NewFromInt(node.CPUMilli)).Sub(decimal.NewFromInt(replicas).Mul(e.container.VCPU).Mul(thousand)).Div(thousand)),
	}
	if *sv.Count > 0 {
		f := cost.FixedFleet(m.report.MonthlyCost)
		m.fleet = &f
	} else {
		nodeMonthly, err := cost.EC2Monthly(e.prices, cost.EC2Usage{InstanceType: sv.InstanceType, HourlyPrice: hourly})
		if err != nil {
			return model{}, inputError(err)
		}
		f := e.loadFleet(cp.Total(), nodeMonthly.Mul(decimal.NewFromInt(z)), zeff*fit, 1)
		m.fleet = &f
	}
	m.report.HA, err = ha.Summarize(e.topology(p, managers/clusters, ceilDiv(nodes, clusters), ceilDiv(forPeak, clusters)), e.model)
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
	t := ha.Topology{Platform: string(p.ID), Snapshot: e.s.Snapshot, Zones: int(z)}
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
	sz, err := capacity.SizeFargate(p, e.s.Snapshot, e.workload, e.container, *sv.TargetUtilization, z, *sv.SurviveZoneLoss)
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
	cp, err := cost.ControlPlaneBill(e.prices, cost.ControlPlane{Platform: string(p.ID)})
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
		f = e.loadFleet(cp.Total(), taskMonthly.Mul(decimal.NewFromInt(z)), zeff, 1)
	} else {
		f = e.loadFleet(cp.Total(), taskMonthly, 1, int(z))
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
