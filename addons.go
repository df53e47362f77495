package runwhere

import (
	"fmt"
	"slices"

	"github.com/shopspring/decimal"

	"github.com/runwhere/runwhere/internal/engine"
)

// The public IPv4 layouts (network.public_ips). AWS bills every public
// IPv4 address $0.005 an address-hour, in use or idle, in every region
// priced (vpc.json).
const (
	PublicIPsNone = "none"
	// PublicIPsTasks gives each task a public address of its own: only ECS
	// on Fargate can (assignPublicIp). ECS tasks on EC2 in awsvpc mode
	// cannot have one (AWS: "The awsvpc network mode does not provide task
	// ENIs with public IP addresses for tasks that use the EC2 launch
	// type"), in bridge or host mode they use their node's, EKS on
	// Fargate runs pods in private subnets only, and Kubernetes pods take
	// private addresses: those platforms bill nothing for it.
	PublicIPsTasks = "tasks"
	// PublicIPsNodes gives each EC2 node the team pays for (workers, and a
	// self-managed cluster's managers) a public address. Fargate and
	// Lambda have no nodes, and Lambda Managed Instances' instances are
	// not modelled with one: nothing is billed there.
	PublicIPsNodes = "nodes"
)

var publicIPsValues = []string{PublicIPsNone, PublicIPsTasks, PublicIPsNodes}

// checkAddons checks what follows each node or task: network.public_ips.
func (s Scenario) checkAddons() error {
	if n := s.Network; n != nil && n.PublicIPs != "" && !slices.Contains(publicIPsValues, n.PublicIPs) {
		return &FieldError{Field: "network.public_ips", Value: n.PublicIPs, Reason: fmt.Sprintf("is not one of %v", publicIPsValues)}
	}
	return nil
}

// withAddonDefaults fills in network.public_ips when the network section
// is there at all.
func (s *Scenario) withAddonDefaults() {
	if n := s.Network; n != nil && n.PublicIPs == "" {
		n.PublicIPs = PublicIPsNone
	}
}

// rootVolumeGB is servers.root_volume_gb in the components' terms: nil
// takes each platform's documented default.
func (s Scenario) rootVolumeGB() *decimal.Decimal {
	if s.Servers.RootVolumeGB == nil {
		return nil
	}
	return new(decimal.NewFromInt(*s.Servers.RootVolumeGB))
}

// publicIPs is network.public_ips in the components' terms.
func (s Scenario) publicIPs() engine.PublicIPs {
	if s.Network == nil || s.Network.PublicIPs == "" {
		return engine.NoPublicIPs
	}
	return engine.PublicIPs(s.Network.PublicIPs)
}
