package engine

import (
	"errors"
	"fmt"

	"github.com/shopspring/decimal"

	"github.com/runwhere/runwhere/capacity"
	"github.com/runwhere/runwhere/cost"
	"github.com/runwhere/runwhere/ha"
	"github.com/runwhere/runwhere/platform"
)

// nodes evaluates platforms whose replicas run on worker instances the
// user pays for (ECS on EC2, EKS, Kubernetes, Swarm, Nomad): it prices
// exactly what [capacity.Size] sizes — the workers, and the control plane
// (the provider's fee per cluster, or the manager instances of each
// cluster the user runs).
type nodes struct{}

func (nodes) Evaluate(p platform.Platform, cat Catalogues, in Inputs) (Result, error) {
	sv := in.Servers
	req := capacity.Request{Platform: p.ID, Workload: in.Workload, Container: in.Container, Servers: sv}
	res, err := capacity.Size(cat.Platforms, cat.Instances, req)
	var noNode *capacity.NodeError
	switch {
	case errors.Is(err, capacity.ErrUnknownInstanceType):
		return unpriced(p, in, capacity.Findings{capacity.UnknownInstanceFinding(sv.InstanceType)}, Capacity{InstanceType: sv.InstanceType}), nil
	case errors.As(err, &noNode):
		// The instance is known but a figure the platform's reservation
		// needs is not sourced (ENI counts of a new family, say).
		return unpriced(p, in, capacity.Findings{missingFigure(err)}, Capacity{InstanceType: sv.InstanceType}), nil
	case err != nil:
		return Result{}, err
	}
	fs := append(res.Blockers, res.Warnings...)
	if res.Nodes == 0 { // no replica fits on the instance type
		return unpriced(p, in, fs, Capacity{InstanceType: sv.InstanceType}), nil
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
	if err := checkFees(p, cat, sv.InstanceType, hourly); err != nil {
		// A management fee with no sourced figure for the type.
		fs = append(fs, missingFigure(err))
		return unpriced(p, in, fs, sizedOnly(sv.InstanceType, res)), nil
	}
	workers, cp, err := nodeBills(p, cat, sv.InstanceType, hourly, res, &fs)
	if err != nil {
		return Result{}, err
	}
	rate := perReplica(in)
	node := res.Allocatable
	// The cost models price compute at the discounted rate; the bill shows
	// on-demand lines and the discount apart ([withDiscount]).
	d := in.Discounts.EC2
	modelTotal := func(b cost.Bill) decimal.Decimal { return discountedBy(nodes{}, p, in, b).Total() }
	r := Result{
		Findings: fs,
		Bill:     workers.Add(cp),
		Capacity: Capacity{
			Nodes:              int(res.Nodes),
			InstanceType:       sv.InstanceType,
			Managers:           int(res.Managers),
			Replicas:           int(res.Replicas),
			RequestsPerReplica: ptr(rate.num.DivRound(rate.den, 4)),
			TaskVCPU:           ptr(in.Container.VCPU),
			TaskMemoryMB:       int(in.Container.MemoryMB),
			ReplicasPerNode:    int(res.ReplicasPerNode),
			Clusters:           int(res.Clusters),
			NodesForPeak:       int(res.NodesForPeak),
			FixedFleet:         sv.Count > 0,
			UnusedVCPU:         ptr(decimal.NewFromInt(res.Nodes).Mul(decimal.NewFromInt(node.CPUMilli)).Sub(decimal.NewFromInt(res.Replicas).Mul(in.Container.VCPU).Mul(thousand)).Div(thousand)),
		},
	}
	switch {
	case in.Job != nil:
		if err := nodesJob(p, cat, in, hourly, res, workers, cp, modelTotal, &r); err != nil {
			return Result{}, err
		}
	case sv.Count > 0:
		f := cost.FixedFleet(modelTotal(r.Bill))
		r.Fleet = &f
	case in.Autoscale != nil:
		u := cost.EC2Usage{InstanceType: sv.InstanceType, HourlyPrice: hourly, Item: workers.Lines[0].Item}
		tariff, err := ec2Tariff(p, cat, u)
		if err != nil {
			return Result{}, err
		}
		u.Discount = d
		price, err := cost.EC2Hourly(cat.Prices, u)
		if err != nil {
			return Result{}, err
		}
		fee, err := feeHourly(p, cat, u)
		if err != nil {
			return Result{}, err
		}
		price = price.Add(fee)
		fol := followFleet(in, rate, modelTotal(cp), price, res.Spread, res.ReplicasPerNode, in.Autoscale.MinCount)
		r.Bill = tariff.Bill(fol.unitHours).Add(cp)
		r.Fleet = &fol.fleet
		c := &r.Capacity
		c.NodeHours, c.NodesByHour, c.MinNodes, c.MaxNodes = ptr(fol.unitHours), fol.byHour, ptr(fol.min), ptr(fol.max)
	default:
		nodeMonthly, err := ec2Monthly(p, cat, cost.EC2Usage{InstanceType: sv.InstanceType, HourlyPrice: hourly, Discount: d})
		if err != nil {
			return Result{}, err
		}
		f := loadFleet(in, rate, modelTotal(cp), nodeMonthly, res.Spread, res.ReplicasPerNode)
		r.Fleet = &f
	}
	r.Topology = nodesTopology(p, in, res.Managers/res.Clusters, ceilDiv(res.Nodes, res.Clusters), ceilDiv(res.NodesForPeak, res.Clusters))
	return r, nil
}

// nodeBills prices what [capacity.Size] sized on instance type t: the
// workers, and the control plane of its clusters (the provider's fee, or
// the managers the user runs on t). hourly overrides the catalogue's price
// when not "".
func nodeBills(p platform.Platform, cat Catalogues, t, hourly string, res capacity.Result, fs *capacity.Findings) (workers, cp cost.Bill, err error) {
	workers, err = ec2Bill(p, cat, cost.EC2Usage{InstanceType: t, Count: int(res.Nodes), HourlyPrice: hourly, Item: fmt.Sprintf("%s workers (%s)", p.ID, t)})
	if err != nil {
		return cost.Bill{}, cost.Bill{}, err
	}
	cp, err = controlPlane(p, cat, cost.ControlPlane{
		Platform: p.ID,
		RunBy:    p.ControlPlane.RunBy,
		Clusters: int(res.Clusters),
		Managers: cost.EC2Usage{InstanceType: t, Count: int(res.Managers), HourlyPrice: hourly},
	}, fs)
	return workers, cp, err
}

// sizedOnly is the capacity of a fleet sized on type t but not priced.
func sizedOnly(t string, res capacity.Result) Capacity {
	return Capacity{InstanceType: t, Nodes: int(res.Nodes), Replicas: int(res.Replicas), ReplicasPerNode: int(res.ReplicasPerNode),
		Clusters: int(res.Clusters), Managers: int(res.Managers), NodesForPeak: int(res.NodesForPeak)}
}

// unpriced is the result of a nodes platform that cannot be sized or
// priced (its findings say why): no bill, no cost model, and the control
// plane as the scenario gives it.
func unpriced(p platform.Platform, in Inputs, fs capacity.Findings, c Capacity) Result {
	return Result{Findings: fs, Capacity: c, Topology: nodesTopology(p, in, 0, 0, 0)}
}

// maxModelledWorkers is the largest worker tier package ha computes.
const maxModelledWorkers = 10000

// nodesTopology is the deployment of one cluster of a nodes platform as
// package ha models it: managers, workers and the workers the peak needs
// with no zone redundancy (ha checks it against what a zone's loss
// leaves). Zero managers means the scenario's, unsized.
func nodesTopology(p platform.Platform, in Inputs, managers, workers, needed int64) ha.Topology {
	t := ha.Topology{Platform: p.ID, Snapshot: in.Snapshot, Zones: int(max(in.Servers.Zones, 1))}
	if p.ControlPlane.RunBy == platform.User {
		t.Managers = int(managers)
		if managers == 0 {
			t.Managers = int(in.Servers.Managers)
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

// Fields: a nodes platform reads the servers it runs on, the container
// it packs, and what surrounds the fleet.
func (nodes) Fields(platform.Platform) []string {
	return []string{"servers", "container", "discounts.ec2", "ingress.servers", "ingress.keep_alive", "ingress.rules", "ingress.response_kb", "network"}
}

// Discount is discounts.ec2 on the workers and managers.
func (nodes) Discount(_ platform.Platform, in Inputs) (decimal.Decimal, string) {
	return in.Discounts.EC2, "ec2 discount"
}
