package engine

import (
	"github.com/shopspring/decimal"

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

// NodeAddons are what follows each EC2 node of a nodes platform, beside
// its instance-hours and fees: its public IPv4 address when
// network.public_ips is nodes. The error is a figure the catalogue lacks
// (a snapshot from before AWS charged for addresses): the caller reports
// it as a missing figure.
func NodeAddons(p platform.Platform, cat Catalogues, in Inputs) ([]cost.InstanceAddon, error) {
	if in.PublicIPs != NodePublicIPs || p.Family != platform.Nodes {
		return nil, nil
	}
	a, err := cost.PublicIPv4Addon(cat.Prices, "nodes")
	if err != nil {
		return nil, err
	}
	return []cost.InstanceAddon{a}, nil
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
