package engine

import (
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

// NodeAddons are what follows each EC2 node of a nodes platform, beside
// its instance-hours and fees: its gp3 root volume when
// servers.root_volume_gb is set, and its public IPv4 address when
// network.public_ips is nodes. Root volumes are left out unless sized:
// AWS documents a default for two of the EC2-based platforms' AMIs (the
// platform param root_volume_gb: ECS-optimized 30 GiB, EKS 20 GiB) and
// none for the others, and a default on those two alone would rank the
// rest cheaper for want of a figure. A size the catalogue cannot price
// (no gp3 price in the region), as an address it cannot (a snapshot from
// before AWS charged for them), is an error the caller reports as a
// missing figure.
func NodeAddons(p platform.Platform, cat Catalogues, in Inputs) ([]cost.InstanceAddon, capacity.Findings, error) {
	if p.Family != platform.Nodes {
		return nil, nil, nil
	}
	var out []cost.InstanceAddon
	if gb := in.RootVolumeGB; gb != nil && gb.IsPositive() {
		a, err := cost.RootVolumeAddon(cat.Prices, *gb)
		if err != nil {
			return nil, nil, err
		}
		out = append(out, a)
	}
	if in.PublicIPs == NodePublicIPs {
		a, err := cost.PublicIPv4Addon(cat.Prices, "nodes")
		if err != nil {
			return nil, nil, err
		}
		out = append(out, a)
	}
	return out, nil, nil
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
