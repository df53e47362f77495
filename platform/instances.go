package platform

import (
	_ "embed"
	"errors"
	"fmt"
	"slices"
	"sort"
	"strconv"
	"sync"

	"gopkg.in/yaml.v3"

	"github.com/runwhere/runwhere/internal/input"
)

// Arch is a processor architecture of an EC2 instance type.
type Arch string

// The architectures EC2 instances come in.
const (
	X86_64 Arch = "x86_64"
	ARM64  Arch = "arm64"
)

// Shape is an instance type's size: vCPUs, memory and architecture, with
// the specification page it was read in.
type Shape struct {
	VCPU      int64 `yaml:"vcpu" json:"vcpu"`
	MemoryMiB int64 `yaml:"memory_mib" json:"memory_mib"`
	Arch      Arch  `yaml:"arch" json:"arch"`
	Source    `yaml:",inline"`
}

// Network holds the ENI limits behind pod and task density: the most
// elastic network interfaces an instance takes and the IPv4 addresses each
// may hold.
type Network struct {
	ENIs       int64 `yaml:"enis" json:"enis"`
	IPv4PerENI int64 `yaml:"ipv4_per_eni" json:"ipv4_per_eni"`
	Source     `yaml:",inline"`
}

// Count is one sourced whole number about an instance type (its published
// max pods, its awsvpc tasks with ENI trunking).
type Count struct {
	Value  int64 `yaml:"value" json:"value"`
	Source `yaml:",inline"`
}

// Instance is one EC2 instance type: its shape and, where a source was
// found, its network figures. Network, EKSMaxPods and ECSTrunkTasks are nil
// where none was.
type Instance struct {
	Type    string   `yaml:"type" json:"type"`
	Shape   Shape    `yaml:"shape" json:"shape"`
	Network *Network `yaml:"network,omitempty" json:"network,omitempty"`
	// EKSMaxPods is the value amazon-eks-ami publishes in eni-max-pods.txt.
	EKSMaxPods *Count `yaml:"eks_max_pods,omitempty" json:"eks_max_pods,omitempty"`
	// ECSTasks is the number of awsvpc tasks per instance without ENI
	// trunking, where the ECS guide publishes it; without it, ENIs − 1.
	ECSTasks *Count `yaml:"ecs_tasks,omitempty" json:"ecs_tasks,omitempty"`
	// ECSTrunkTasks is the number of awsvpc tasks per instance with ENI
	// trunking (branch ENIs), where AWS publishes it.
	ECSTrunkTasks *Count `yaml:"ecs_trunk_tasks,omitempty" json:"ecs_trunk_tasks,omitempty"`
	// PreviousGeneration marks a type of a family AWS lists as previous
	// generation: priced and usable, never offered as a cheaper choice.
	PreviousGeneration bool `yaml:"previous_generation,omitempty" json:"previous_generation,omitempty"`
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

func clonePtr[T any](p *T) *T {
	if p == nil {
		return nil
	}
	v := *p
	return &v
}

// Instances is the table of EC2 instance types, sorted by type. It is the
// same for every snapshot: a shape does not change once an instance type
// is sold. The zero Instances is empty: every lookup fails.
//
// The table holds a row of plain numbers per type and its sources once
// each; [Instances.Lookup] builds the [Instance]. A thousand-odd types
// held as Instances, each with four pointers, would be thousands of
// objects for the garbage collector to mark on every cycle, for as long
// as the program runs.
type Instances struct {
	rows    []instanceRow
	sources []Source
}

// instanceRow is one type: its figures, and 1 + the index of each
// group's source (0: the group is absent).
type instanceRow struct {
	typ                             string
	vcpu, memMiB                    int64
	enis, ipv4, pods, ecs, ecsTrunk int64
	arm, previous                   bool
	shape, network, maxPods         uint16
	ecsSrc, trunkSrc                uint16
}

// newInstances packs list, sorted by type, into a table.
func newInstances(list []Instance) Instances {
	var t Instances
	index := map[Source]uint16{}
	src := func(s Source) uint16 {
		if i, ok := index[s]; ok {
			return i
		}
		t.sources = append(t.sources, s)
		index[s] = uint16(len(t.sources))
		return index[s]
	}
	t.rows = make([]instanceRow, len(list))
	for i, in := range list {
		r := instanceRow{typ: in.Type, vcpu: in.Shape.VCPU, memMiB: in.Shape.MemoryMiB, arm: in.Shape.Arch == ARM64, previous: in.PreviousGeneration, shape: src(in.Shape.Source)}
		if n := in.Network; n != nil {
			r.enis, r.ipv4, r.network = n.ENIs, n.IPv4PerENI, src(n.Source)
		}
		if c := in.EKSMaxPods; c != nil {
			r.pods, r.maxPods = c.Value, src(c.Source)
		}
		if c := in.ECSTasks; c != nil {
			r.ecs, r.ecsSrc = c.Value, src(c.Source)
		}
		if c := in.ECSTrunkTasks; c != nil {
			r.ecsTrunk, r.trunkSrc = c.Value, src(c.Source)
		}
		t.rows[i] = r
	}
	return t
}

// instance builds the Instance of row r: every pointer is its own.
func (c Instances) instance(r instanceRow) Instance {
	in := Instance{Type: r.typ, PreviousGeneration: r.previous, Shape: Shape{VCPU: r.vcpu, MemoryMiB: r.memMiB, Arch: X86_64, Source: c.sources[r.shape-1]}}
	if r.arm {
		in.Shape.Arch = ARM64
	}
	if r.network > 0 {
		in.Network = &Network{ENIs: r.enis, IPv4PerENI: r.ipv4, Source: c.sources[r.network-1]}
	}
	if r.maxPods > 0 {
		in.EKSMaxPods = &Count{Value: r.pods, Source: c.sources[r.maxPods-1]}
	}
	if r.ecsSrc > 0 {
		in.ECSTasks = &Count{Value: r.ecs, Source: c.sources[r.ecsSrc-1]}
	}
	if r.trunkSrc > 0 {
		in.ECSTrunkTasks = &Count{Value: r.ecsTrunk, Source: c.sources[r.trunkSrc-1]}
	}
	return in
}

// Lookup returns the instance type named t. The Instance is the
// caller's: nothing it points to is shared.
func (c Instances) Lookup(t string) (Instance, bool) {
	i := sort.Search(len(c.rows), func(i int) bool { return c.rows[i].typ >= t })
	if i < len(c.rows) && c.rows[i].typ == t {
		return c.instance(c.rows[i]), true
	}
	return Instance{}, false
}

// Types lists the table's instance types in order.
func (c Instances) Types() []string {
	out := make([]string, len(c.rows))
	for i, r := range c.rows {
		out[i] = r.typ
	}
	return out
}

//go:embed data/instances.csv
var instancesCSV []byte

// instancesFile is the embedded instance table's name in data/, generated
// from AWS's data by internal/catalogue/gen.
const instancesFile = "instances.csv"

var loadInstances = sync.OnceValues(func() (Instances, error) {
	return ParseInstanceTable(instancesFile, instancesCSV)
})

// EmbeddedInstances returns the instance table shipped in
// data/instances.csv (every EC2 instance type of AWS's published data,
// generated by internal/catalogue/gen), parsed once. Every caller shares it, which is safe:
// its list is unexported and its methods return copies.
func EmbeddedInstances() (Instances, error) { return loadInstances() }

// ParseInstances reads an instance table from YAML (a document with one
// key, instances, listing [Instance] entries). Unknown fields, duplicate
// types, sizes out of range and missing or malformed sources and dates are
// errors naming the position, the entry and the field. name labels the
// data in errors (a file name, or "" for none).
func ParseInstances(name string, data []byte) (Instances, error) {
	v, err := parseInstances(name, data)
	return v, input.Prefix("platform", err)
}

func parseInstances(name string, data []byte) (Instances, error) {
	var doc struct {
		Instances []Instance `yaml:"instances"`
	}
	root, err := input.DecodeNode(data, &doc, instanceLimits)
	if err != nil {
		var ie *input.FieldError
		if errors.As(err, &ie) {
			if ie.Field == "" && ie.Reason == "is empty" {
				return Instances{}, fmt.Errorf("platform: %s: empty instance table", orInput(name))
			}
			return Instances{}, &FieldError{File: name, Line: ie.Line, Column: ie.Column, Field: orWhole(ie.Field), Value: ie.Value, Reason: ie.Reason}
		}
		var fe *FieldError
		if errors.As(err, &fe) {
			fe.File = name
			fe.Value = input.Short(fe.Value)
			return Instances{}, fe
		}
		return Instances{}, fmt.Errorf("platform: %s: %w", orInput(name), err)
	}
	list := child(root, "instances")
	seen := make(map[string]bool, len(doc.Instances))
	for i, in := range doc.Instances {
		if err := in.validate(item(list, i), fmt.Sprintf("instances[%d]", i)); err != nil {
			err.File = name
			return Instances{}, err
		}
		if seen[in.Type] {
			err := fieldErr(child(item(list, i), "type"), fmt.Sprintf("instances[%d].type", i), in.Type, "appears twice")
			err.File = name
			return Instances{}, err
		}
		seen[in.Type] = true
	}
	out := slices.Clone(doc.Instances)
	sort.Slice(out, func(a, b int) bool { return out[a].Type < out[b].Type })
	return newInstances(out), nil
}

// Bounds on an instance table. The figures are sanity bounds, far above
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

// validate checks one entry, found at path and decoded from n.
func (in Instance) validate(n *yaml.Node, path string) *FieldError {
	if in.Type == "" {
		return fieldErr(n, path+".type", "", "is missing")
	}
	path = fmt.Sprintf("instances[%s]", in.Type)
	within := func(node *yaml.Node, field string, v, hi int64) *FieldError {
		if v < 1 || v > hi {
			return fieldErr(node, path+"."+field, strconv.FormatInt(v, 10), fmt.Sprintf("is not within [1, %d]", hi))
		}
		return nil
	}
	shape := child(n, "shape")
	s := in.Shape
	if err := sourced(shape, path+".shape", s.Source); err != nil {
		return err
	}
	if err := within(child(shape, "vcpu"), "shape.vcpu", s.VCPU, maxInstanceVCPU); err != nil {
		return err
	}
	if err := within(child(shape, "memory_mib"), "shape.memory_mib", s.MemoryMiB, maxInstanceMemory); err != nil {
		return err
	}
	if s.Arch != X86_64 && s.Arch != ARM64 {
		return fieldErr(orNode(child(shape, "arch"), shape), path+".shape.arch", string(s.Arch), "is not x86_64 or arm64")
	}
	if nw := in.Network; nw != nil {
		nn := child(n, "network")
		if err := sourced(nn, path+".network", nw.Source); err != nil {
			return err
		}
		if err := within(child(nn, "enis"), "network.enis", nw.ENIs, maxNetworkFigure); err != nil {
			return err
		}
		if err := within(child(nn, "ipv4_per_eni"), "network.ipv4_per_eni", nw.IPv4PerENI, maxNetworkFigure); err != nil {
			return err
		}
	}
	for _, c := range []struct {
		key string
		f   *Count
	}{{"eks_max_pods", in.EKSMaxPods}, {"ecs_tasks", in.ECSTasks}, {"ecs_trunk_tasks", in.ECSTrunkTasks}} {
		if c.f == nil {
			continue
		}
		cn := child(n, c.key)
		if err := sourced(cn, path+"."+c.key, c.f.Source); err != nil {
			return err
		}
		if err := within(child(cn, "value"), c.key+".value", c.f.Value, maxCountFigure); err != nil {
			return err
		}
	}
	return nil
}

// sourced checks the Source of the figure at path, decoded from n.
func sourced(n *yaml.Node, path string, s Source) *FieldError {
	if err := s.URL.Validate(); err != nil {
		return fieldErr(orNode(child(n, "source"), n), path+".source", string(s.URL), err.Error())
	}
	if s.AsOf.IsZero() {
		return fieldErr(n, path+".as_of", "", "is missing")
	}
	return nil
}
