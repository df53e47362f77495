package capacity

import "github.com/runwhere/runwhere/platform"

// The EC2 instance table lives in package platform, the one home of every
// instance shape; these names keep capacity's API as it was.
type (
	// Arch is a CPU architecture: [platform.Arch].
	Arch = platform.Arch
	// Shape is an instance type's vCPUs, memory and architecture.
	Shape = platform.Shape
	// Network holds the ENI limits behind pod and task density.
	Network = platform.Network
	// Instance is one EC2 instance type with its network figures.
	Instance = platform.Instance
	// Instances is the instance table; the zero Instances is empty and
	// every lookup fails with unknown-instance-type.
	Instances = platform.Instances
)

// The architectures EC2 instances come in.
const (
	X86_64 = platform.X86_64
	ARM64  = platform.ARM64
)

// EmbeddedInstances returns the instance table shipped with package
// platform.
//
// Deprecated: use [platform.EmbeddedInstances].
func EmbeddedInstances() (Instances, error) { return platform.EmbeddedInstances() }
