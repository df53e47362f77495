// Package nodes is the model of the nodes family (platform Nodes: ECS
// on EC2, EKS, EKS Auto Mode, ECS Managed Instances, Kubernetes, Swarm,
// Nomad): replicas packed onto worker instances after the rule the
// entry's node_reservation names; instance-hours and the instance fees
// the entry names, plus the control plane (a provider's fee, or manager
// instances the user runs). A scheduled job runs on nodes launched for
// each run or kept all month, whichever costs less.
package nodes

import (
	"errors"
	"fmt"

	"github.com/shopspring/decimal"

	"github.com/runwhere/runwhere/capacity"
	"github.com/runwhere/runwhere/cost"
	"github.com/runwhere/runwhere/ha"
	"github.com/runwhere/runwhere/internal/engine"
	"github.com/runwhere/runwhere/platform"
)

// Model evaluates platforms whose replicas run on worker instances the
// user pays for (ECS on EC2, EKS, Kubernetes, Swarm, Nomad): it prices
// exactly what [capacity.Size] sizes — the workers, and the control plane
// (the provider's fee per cluster, or the manager instances of each
// cluster the user runs).
type Model struct{}

// Evaluate implements [engine.Family].
func (Model) Evaluate(p platform.Platform, cat engine.Catalogues, in engine.Inputs) (engine.Result, error) {
	sv := in.Servers
	req := capacity.Request{Platform: p.ID, Workload: in.Workload, Container: in.Container, Servers: sv}
	res, err := capacity.SizeServers(cat.Platforms, cat.Instances, req)
	var noNode *capacity.NodeError
	switch {
	case errors.Is(err, capacity.ErrUnknownInstanceType):
		return unpriced(p, in, capacity.Findings{capacity.UnknownInstanceFinding(sv.InstanceType)}, engine.Capacity{InstanceType: sv.InstanceType}), nil
	case errors.As(err, &noNode):
		// The instance is known but a figure the platform's reservation
		// needs is not sourced (ENI counts of a new family, say).
		return unpriced(p, in, capacity.Findings{engine.MissingFigureFinding(err)}, engine.Capacity{InstanceType: sv.InstanceType}), nil
	case err != nil:
		return engine.Result{}, err
	}
	fs := append(res.Blockers, res.Warnings...)
	if res.Nodes == 0 { // no replica fits on the instance type
		return unpriced(p, in, fs, engine.Capacity{InstanceType: sv.InstanceType}), nil
	}
	hourly := ""
	if in.HourlyPrice != nil {
		hourly = in.HourlyPrice.String()
	} else if _, err := cat.Prices.Instance(sv.InstanceType); err != nil {
		// Sized but not priced: the catalogue holds only sourced prices.
		fs = append(fs, capacity.Finding{
			Code:     capacity.UnknownInstanceType,
			Message:  fmt.Sprintf("%s has no sourced on-demand price in the %s %s catalogue; set servers.hourly_price", sv.InstanceType, in.Snapshot, in.Region),
			Value:    sv.InstanceType,
			Severity: capacity.Blocker,
		})
		return unpriced(p, in, fs, sizedOnly(sv.InstanceType, res)), nil
	}
	if err := engine.CheckFees(p, cat, sv.InstanceType, hourly); err != nil {
		// A management fee with no sourced figure for the type.
		fs = append(fs, engine.MissingFigureFinding(err))
		return unpriced(p, in, fs, sizedOnly(sv.InstanceType, res)), nil
	}
	addons, unbilled, err := engine.NodeAddons(p, cat, in)
	if err != nil {
		// An address, or a root volume the scenario sized, with no
		// sourced price in this snapshot.
		fs = append(fs, engine.MissingFigureFinding(err))
		return unpriced(p, in, fs, sizedOnly(sv.InstanceType, res)), nil
	}
	fs = append(fs, unbilled...)
	workers, cp, err := Bills(p, cat, in, sv.InstanceType, hourly, res, &fs)
	if err != nil {
		return engine.Result{}, err
	}
	rate := engine.PerReplica(in)
	node := res.Allocatable
	// The cost models price compute at the discounted rate; the bill shows
	// on-demand lines and the discount apart (engine.Evaluate adds it).
	d := in.Discounts.EC2
	modelTotal := func(b cost.Bill) decimal.Decimal { return engine.DiscountedBy(Model{}, p, in, b).Total() }
	boundBy, boundNote := nodeBound(p, in.Container, res)
	r := engine.Result{
		Findings: fs,
		Bill:     workers.Add(cp),
		Capacity: engine.Capacity{
			Nodes:              int(res.Nodes),
			InstanceType:       sv.InstanceType,
			Managers:           int(res.Managers),
			Replicas:           int(res.Replicas),
			RequestsPerReplica: new(rate.Num.DivRound(rate.Den, 4)),
			BoundBy:            rate.Bound,
			TaskVCPU:           new(in.Container.VCPU),
			TaskMemoryMB:       int(in.Container.MemoryMB),
			ReplicasPerNode:    int(res.ReplicasPerNode),
			NodeBoundBy:        boundBy,
			NodeBoundNote:      boundNote,
			Clusters:           int(res.Clusters),
			NodesForPeak:       int(res.NodesForPeak),
			FixedFleet:         sv.Count > 0,
			UnusedVCPU:         new(unusedVCPU(res, node.CPUMilli, in.Container.VCPU)),
		},
	}
	switch {
	case in.Job != nil:
		if err := nodesJob(p, cat, in, hourly, res, workers, cp, modelTotal, &r); err != nil {
			return engine.Result{}, err
		}
	case sv.Count > 0:
		f := cost.FixedFleet(modelTotal(r.Bill))
		r.Fleet = &f
	case in.Autoscale != nil:
		u := cost.EC2Usage{InstanceType: sv.InstanceType, HourlyPrice: hourly, Item: workers.Lines[0].Item, Addons: addons}
		tariff, err := engine.EC2Tariff(p, cat, u)
		if err != nil {
			return engine.Result{}, err
		}
		u.Discount = d
		price, err := cost.EC2Hourly(cat.Prices, u)
		if err != nil {
			return engine.Result{}, err
		}
		fee, err := engine.FeeHourly(p, cat, u)
		if err != nil {
			return engine.Result{}, err
		}
		price = price.Add(fee).Add(cost.AddonsHourly(addons))
		fol := engine.FollowFleet(in, rate, modelTotal(cp), price, res.Spread, res.ReplicasPerNode, in.Autoscale.MinCount)
		r.Bill = tariff.Bill(fol.UnitHours).Add(cp)
		r.Fleet = &fol.Fleet
		c := &r.Capacity
		c.NodeHours, c.NodesByHour, c.MinNodes, c.MaxNodes = new(fol.UnitHours), fol.ByHour, new(fol.Min), new(fol.Max)
	case in.RankOnly:
		// No cost model is asked for: the bill is the fleet's month.
	default:
		nodeMonthly, err := engine.EC2Monthly(p, cat, cost.EC2Usage{InstanceType: sv.InstanceType, HourlyPrice: hourly, Discount: d, Addons: addons})
		if err != nil {
			return engine.Result{}, err
		}
		f := engine.LoadFleet(in, rate, modelTotal(cp), nodeMonthly, res.Spread, res.ReplicasPerNode)
		r.Fleet = &f
	}
	r.Topology = nodesTopology(p, in, res.Managers/res.Clusters, ceilDiv(res.Nodes, res.Clusters), ceilDiv(res.NodesForPeak, res.Clusters))
	return r, nil
}

// Bills prices what [capacity.Size] sized on instance type t: the
// workers, and the control plane of its clusters (the provider's fee, or
// the managers the user runs on t), each node with what follows it
// ([engine.NodeAddons]). hourly overrides the catalogue's price
// when not "". A control plane the snapshot does not price is a warning
// appended to fs.
func Bills(p platform.Platform, cat engine.Catalogues, in engine.Inputs, t, hourly string, res capacity.Result, fs *capacity.Findings) (workers, cp cost.Bill, err error) {
	addons, _, err := engine.NodeAddons(p, cat, in)
	if err != nil {
		return cost.Bill{}, cost.Bill{}, err
	}
	workers, err = engine.EC2Bill(p, cat, cost.EC2Usage{InstanceType: t, Count: int(res.Nodes), HourlyPrice: hourly, Item: fmt.Sprintf("%s workers (%s)", p.ID, t), Addons: addons})
	if err != nil {
		return cost.Bill{}, cost.Bill{}, err
	}
	cp, err = engine.ControlPlane(p, cat, in, cost.ControlPlane{
		Platform: p.ID,
		RunBy:    p.ControlPlane.RunBy,
		Clusters: int(res.Clusters),
		Managers: cost.EC2Usage{InstanceType: t, Count: int(res.Managers), HourlyPrice: hourly, Addons: addons},
	}, fs)
	return workers, cp, err
}

// sizedOnly is the capacity of a fleet sized on type t but not priced.
func sizedOnly(t string, res capacity.Result) engine.Capacity {
	return engine.Capacity{InstanceType: t, Nodes: int(res.Nodes), Replicas: int(res.Replicas), ReplicasPerNode: int(res.ReplicasPerNode),
		Clusters: int(res.Clusters), Managers: int(res.Managers), NodesForPeak: int(res.NodesForPeak)}
}

// unpriced is the result of a nodes platform that cannot be sized or
// priced (its findings say why): no bill, no cost model, and the control
// plane as the scenario gives it.
func unpriced(p platform.Platform, in engine.Inputs, fs capacity.Findings, c engine.Capacity) engine.Result {
	return engine.Result{Findings: fs, Capacity: c, Topology: nodesTopology(p, in, 0, 0, 0)}
}

// nodesTopology is the deployment of one cluster of a nodes platform as
// package ha models it: managers, workers and the workers the peak needs
// with no zone redundancy (ha checks it against what a zone's loss
// leaves). Zero managers means the scenario's, unsized.
func nodesTopology(p platform.Platform, in engine.Inputs, managers, workers, needed int64) ha.Topology {
	t := ha.Topology{Platform: p.ID, Snapshot: in.Snapshot, Zones: int(max(in.Servers.Zones, 1))}
	if p.ControlPlane.RunBy == platform.User {
		t.Managers = int(managers)
		if managers == 0 {
			t.Managers = int(in.Servers.Managers)
		}
	}
	// The ha package models worker tiers of up to 10,000 nodes exactly;
	// a larger fleet is reported without worker-tier availability.
	if workers > 0 && workers <= engine.MaxModelledWorkers {
		t.Workers = int(workers)
		t.WorkersNeeded = int(min(needed, workers))
	}
	return t
}

// Surrounded implements [engine.Surrounded]: the workers stand behind
// the scenario's ALB and NAT gateways.
func (Model) Surrounded() {}

// Fields implements [engine.Fielded]: a nodes platform reads the servers it runs on, the container
// it packs, and what surrounds the fleet.
func (Model) Fields(platform.Platform) []string {
	return []string{"servers", "container", "discounts.ec2", "ingress.servers", "ingress.keep_alive", "ingress.rules", "ingress.response_kb", "network"}
}

// Discount implements [engine.Discounted]: discounts.ec2 on the workers
// and managers.
func (Model) Discount(_ platform.Platform, in engine.Inputs) (decimal.Decimal, string) {
	return in.Discounts.EC2, "ec2 discount"
}

var (
	thousand        = decimal.NewFromInt(1000)
	d3600           = decimal.NewFromInt(3600)
	dZero           = decimal.Zero
	hoursPerMonth   = decimal.NewFromInt(platform.HoursPerMonth)
	secondsPerMonth = decimal.NewFromInt(platform.SecondsPerMonth)
)

func ceilDiv(a, b int64) int64 {
	if b <= 0 {
		return a
	}
	return (a + b - 1) / b
}

// unusedVCPU is the worker vCPU left idle once res's replicas are packed
// on its nodes of allocMilli CPU each. A fixed fleet smaller than the load
// needs has none left: its nodes cannot hold the replicas, and the
// difference would read as a negative vCPU count.
func unusedVCPU(res capacity.Result, allocMilli int64, vcpu decimal.Decimal) decimal.Decimal {
	if res.Nodes < res.NodesNeeded {
		return decimal.Zero
	}
	free := decimal.NewFromInt(res.Nodes).Mul(decimal.NewFromInt(allocMilli)).Sub(decimal.NewFromInt(res.Replicas).Mul(vcpu).Mul(thousand)).Div(thousand)
	return decimal.Max(free, decimal.Zero)
}
