package capacity

import (
	"bytes"
	_ "embed"
	"errors"
	"fmt"
	"io"
	"sort"
	"sync"

	"github.com/runwhere/runwhere/internal/input"
	"github.com/runwhere/runwhere/platform"
)

// Arch is a CPU architecture.
type Arch string

// The architectures EC2 instances come in.
const (
	X86_64 Arch = "x86_64"
	ARM64  Arch = "arm64"
)

// Shape is an instance type's size: vCPUs, memory and architecture.
type Shape struct {
	VCPU      int64         `yaml:"vcpu" json:"vcpu"`
	MemoryMiB int64         `yaml:"memory_mib" json:"memory_mib"`
	Arch      Arch          `yaml:"arch" json:"arch"`
	Source    platform.URL  `yaml:"source" json:"source"`
	AsOf      platform.Date `yaml:"as_of" json:"as_of"`
	Note      string        `yaml:"note,omitempty" json:"note,omitempty"`
}

// Network holds the ENI limits behind pod and task density.
type Network struct {
	ENIs       int64         `yaml:"enis" json:"enis"`
	IPv4PerENI int64         `yaml:"ipv4_per_eni" json:"ipv4_per_eni"`
	Source     platform.URL  `yaml:"source" json:"source"`
	AsOf       platform.Date `yaml:"as_of" json:"as_of"`
	Note       string        `yaml:"note,omitempty" json:"note,omitempty"`
}

// Figure is one sourced count.
type Figure struct {
	Value  int64         `yaml:"value" json:"value"`
	Source platform.URL  `yaml:"source" json:"source"`
	AsOf   platform.Date `yaml:"as_of" json:"as_of"`
	Note   string        `yaml:"note,omitempty" json:"note,omitempty"`
}

// Instance is one EC2 instance type. Network, EKSMaxPods and ECSTrunkTasks
// are nil where no source was found.
type Instance struct {
	Type    string   `yaml:"type" json:"type"`
	Shape   Shape    `yaml:"shape" json:"shape"`
	Network *Network `yaml:"network,omitempty" json:"network,omitempty"`
	// EKSMaxPods is the value amazon-eks-ami publishes in eni-max-pods.txt.
	EKSMaxPods *Figure `yaml:"eks_max_pods,omitempty" json:"eks_max_pods,omitempty"`
	// ECSTrunkTasks is the number of awsvpc tasks per instance with ENI
	// trunking, where AWS publishes it.
	ECSTrunkTasks *Figure `yaml:"ecs_trunk_tasks,omitempty" json:"ecs_trunk_tasks,omitempty"`
}

// Instances is a catalogue of instance types, sorted by type. The zero
// Instances is empty: every lookup fails with unknown-instance-type.
type Instances struct {
	list []Instance
}

//go:embed data/instances.yaml
var instancesYAML []byte

var embedded = sync.OnceValues(func() (Instances, error) {
	return ParseInstances(bytes.NewReader(instancesYAML))
})

// EmbeddedInstances returns the instance catalogue shipped in
// data/instances.yaml, parsed once. Every caller shares it, which is safe:
// its list is unexported and its methods return copies.
func EmbeddedInstances() (Instances, error) { return embedded() }

// ParseInstances reads an instance catalogue from YAML. Unknown fields,
// duplicate types, non-positive sizes and missing or malformed sources and
// dates are errors naming the entry and the field.
func ParseInstances(r io.Reader) (Instances, error) {
	data, err := io.ReadAll(io.LimitReader(r, int64(instanceLimits.MaxBytes)+1))
	if err != nil {
		return Instances{}, fmt.Errorf("capacity: instances: %w", err)
	}
	var doc struct {
		Instances []Instance `yaml:"instances"`
	}
	if err := input.Decode(data, &doc, instanceLimits); err != nil {
		var ie *input.FieldError
		if errors.As(err, &ie) {
			if ie.Field == "" && ie.Reason == "is empty" {
				return Instances{}, errors.New("capacity: instances: empty document")
			}
			return Instances{}, input.Prefix("capacity", ie)
		}
		return Instances{}, fmt.Errorf("capacity: instances: %w", err)
	}
	seen := make(map[string]bool, len(doc.Instances))
	for i, in := range doc.Instances {
		if err := in.validate(); err != nil {
			return Instances{}, fmt.Errorf("capacity: instances[%d] (%q): %w", i, in.Type, err)
		}
		if seen[in.Type] {
			return Instances{}, fmt.Errorf("capacity: instances[%d]: duplicate type %q", i, in.Type)
		}
		seen[in.Type] = true
	}
	list := doc.Instances
	sort.Slice(list, func(a, b int) bool { return list[a].Type < list[b].Type })
	return Instances{list: list}, nil
}

func (in Instance) validate() error {
	if in.Type == "" {
		return errors.New("type: missing")
	}
	s := in.Shape
	if s.VCPU <= 0 || s.VCPU > maxInstanceVCPU {
		return fmt.Errorf("shape.vcpu: %d is not within [1, %d]", s.VCPU, maxInstanceVCPU)
	}
	if s.MemoryMiB <= 0 || s.MemoryMiB > maxInstanceMemory {
		return fmt.Errorf("shape.memory_mib: %d is not within [1, %d]", s.MemoryMiB, maxInstanceMemory)
	}
	if s.Arch != X86_64 && s.Arch != ARM64 {
		return fmt.Errorf("shape.arch: %q is not x86_64 or arm64", s.Arch)
	}
	if err := checkSource("shape", s.Source, s.AsOf); err != nil {
		return err
	}
	if n := in.Network; n != nil {
		if n.ENIs < 1 || n.ENIs > maxNetworkFigure {
			return fmt.Errorf("network.enis: %d is not within [1, %d]", n.ENIs, maxNetworkFigure)
		}
		if n.IPv4PerENI < 1 || n.IPv4PerENI > maxNetworkFigure {
			return fmt.Errorf("network.ipv4_per_eni: %d is not within [1, %d]", n.IPv4PerENI, maxNetworkFigure)
		}
		if err := checkSource("network", n.Source, n.AsOf); err != nil {
			return err
		}
	}
	for name, f := range map[string]*Figure{"eks_max_pods": in.EKSMaxPods, "ecs_trunk_tasks": in.ECSTrunkTasks} {
		if f == nil {
			continue
		}
		if f.Value < 1 || f.Value > maxCountFigure {
			return fmt.Errorf("%s.value: %d is not within [1, %d]", name, f.Value, maxCountFigure)
		}
		if err := checkSource(name, f.Source, f.AsOf); err != nil {
			return err
		}
	}
	return nil
}

func checkSource(field string, src platform.URL, asOf platform.Date) error {
	if err := src.Validate(); err != nil {
		return fmt.Errorf("%s.source: %q is not an absolute http(s) URL", field, src)
	}
	if asOf.IsZero() {
		return fmt.Errorf("%s.as_of: missing", field)
	}
	return nil
}

// Bounds on an instance catalogue. The figures are sanity bounds, far above
// any instance AWS sells (at most 1,920 vCPUs, 32 TiB, 15 ENIs per network
// card, 50 IPv4 addresses per ENI, 737 EKS pods), so that products of them
// (ENIs × addresses, pods × nodes) stay far inside int64.
const (
	maxInstanceVCPU   = 100_000
	maxInstanceMemory = 100_000_000 // MiB
	maxNetworkFigure  = 1_000       // ENIs, IPv4 addresses per ENI
	maxCountFigure    = 1_000_000   // max pods, trunk tasks
)

var instanceLimits = input.Limits{MaxBytes: 16 << 20, MaxNodes: 2_000_000, MaxItems: 50_000, MaxString: 4096}

// Lookup returns the instance type named t. The Instance is a copy,
// pointers included: Instances values share one list (the embedded one
// with every caller), which must not change under another lookup.
func (c Instances) Lookup(t string) (Instance, bool) {
	i := sort.Search(len(c.list), func(i int) bool { return c.list[i].Type >= t })
	if i < len(c.list) && c.list[i].Type == t {
		return c.list[i].clone(), true
	}
	return Instance{}, false
}

// clone returns in with its own copies of what it points to.
func (in Instance) clone() Instance {
	if in.Network != nil {
		n := *in.Network
		in.Network = &n
	}
	if in.EKSMaxPods != nil {
		f := *in.EKSMaxPods
		in.EKSMaxPods = &f
	}
	if in.ECSTrunkTasks != nil {
		f := *in.ECSTrunkTasks
		in.ECSTrunkTasks = &f
	}
	return in
}

// Types lists the catalogue's instance types in order.
func (c Instances) Types() []string {
	out := make([]string, len(c.list))
	for i, in := range c.list {
		out[i] = in.Type
	}
	return out
}

// ENIMaxPods is the EKS max-pods formula of the amazon-eks-ami:
// ENIs × (IPv4 per ENI − 1) + 2 — the first address of each ENI is the
// ENI's own, and two host-network pods (aws-node and kube-proxy) take no
// address. ok is false when the instance has no published network figures;
// then the published EKSMaxPods, if any, stands in.
func (in Instance) ENIMaxPods() (pods int64, ok bool) {
	if in.Network != nil {
		return in.Network.ENIs*(in.Network.IPv4PerENI-1) + 2, true
	}
	if in.EKSMaxPods != nil {
		return in.EKSMaxPods.Value, true
	}
	return 0, false
}
