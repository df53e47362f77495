package engine

import (
	"fmt"

	"github.com/shopspring/decimal"

	"github.com/runwhere/runwhere/capacity"
	"github.com/runwhere/runwhere/cost"
	"github.com/runwhere/runwhere/platform"
)

// PublicIPs is which machines have a public IPv4 address
// (network.public_ips): AWS bills every one by the address-hour.
type PublicIPs string

// The public IPv4 layouts.
const (
	// NoPublicIPs: the machines sit in private subnets (behind NAT
	// gateways, a load balancer); the zero value means the same.
	NoPublicIPs PublicIPs = "none"
	// TaskPublicIPs: each task's own network interface has an address.
	// Only ECS on Fargate gives tasks one (assignPublicIp): ECS tasks on
	// EC2 in awsvpc mode cannot have one, in bridge or host mode they use
	// their node's, and pods (EKS on Fargate, Kubernetes on nodes) take
	// private addresses; so a platform bills them only where its entry's
	// public_ipv4_tasks param is 1.
	TaskPublicIPs PublicIPs = "tasks"
	// NodePublicIPs: each EC2 node the user pays for (workers, and the
	// managers of a self-managed cluster) has an address. Fargate and
	// Lambda run no such nodes, and Lambda Managed Instances' instances
	// are not modelled as having one: nothing is billed there.
	NodePublicIPs PublicIPs = "nodes"
)

// ParamPublicIPv4Tasks names the platform param that says whether a
// platform's tasks can have a public IPv4 address of their own (1) or not
// (0, the default).
const ParamPublicIPv4Tasks = "public_ipv4_tasks"

// ParamRootVolumeGB names the platform param that gives the root volume
// of the AMI a platform's nodes run by default, in GiB, where AWS
// documents one.
const ParamRootVolumeGB = "root_volume_gb"

// RootVolumeUnpriced is a node platform whose root volumes the bill
// leaves out: AWS documents no default size for it and
// servers.root_volume_gb is not set, or the snapshot prices no gp3
// storage in the region. A warning, not a blocker: runwhere does not
// guess the size or the price, and says what the bill lacks.
const RootVolumeUnpriced capacity.Code = "root-volume-unpriced"

// NodeAddons are what follows each EC2 node of a nodes platform, beside
// its instance-hours and fees: its gp3 root volume (servers.root_volume_gb,
// else the platform's documented default), and its public IPv4 address
// when network.public_ips is nodes. A root volume it cannot price is left
// out with a [RootVolumeUnpriced] warning, unless the scenario set its
// size: then, as for an address the catalogue cannot price (a snapshot
// from before AWS charged for them), the error is a missing figure the
// caller reports as such.
func NodeAddons(p platform.Platform, cat Catalogues, in Inputs) ([]cost.InstanceAddon, capacity.Findings, error) {
	if p.Family != platform.Nodes {
		return nil, nil, nil
	}
	var out []cost.InstanceAddon
	var fs capacity.Findings
	gb, sized := in.RootVolumeGB, in.RootVolumeGB != nil
	if !sized {
		if v, ok := p.Param(ParamRootVolumeGB); ok {
			gb = &v.Value
		}
	}
	switch {
	case gb == nil:
		fs = append(fs, capacity.Finding{Code: RootVolumeUnpriced, Severity: capacity.Warning,
			Message: fmt.Sprintf("no default root volume is sourced for %s's nodes in the %s catalogue (AWS documents none for its AMI, or it was not read): set servers.root_volume_gb to bill each node's gp3 root volume", p.Name, in.Snapshot)})
	case gb.IsPositive():
		a, err := cost.RootVolumeAddon(cat.Prices, *gb)
		switch {
		case err == nil:
			out = append(out, a)
		case sized:
			return nil, nil, err
		default:
			fs = append(fs, capacity.Finding{Code: RootVolumeUnpriced, Severity: capacity.Warning, Value: gb.String(),
				Message: fmt.Sprintf("no sourced gp3 price in the %s %s catalogue: the bill leaves out each node's %s GB root volume", in.Snapshot, in.Region, gb)})
		}
	}
	if in.PublicIPs == NodePublicIPs {
		a, err := cost.PublicIPv4Addon(cat.Prices, "nodes")
		if err != nil {
			return nil, nil, err
		}
		out = append(out, a)
	}
	return out, fs, nil
}

// TaskAddons are what follows each task of a tasks platform: its public
// IPv4 address when network.public_ips is tasks and the platform gives
// tasks one (see [TaskPublicIPs]).
func TaskAddons(p platform.Platform, cat Catalogues, in Inputs) ([]cost.InstanceAddon, error) {
	if in.PublicIPs != TaskPublicIPs || Param(p, ParamPublicIPv4Tasks, decimal.Zero).IsZero() {
		return nil, nil
	}
	a, err := cost.PublicIPv4Addon(cat.Prices, "tasks")
	if err != nil {
		return nil, err
	}
	return []cost.InstanceAddon{a}, nil
}
