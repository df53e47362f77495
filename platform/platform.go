package platform

import (
	"fmt"
	"slices"

	"github.com/shopspring/decimal"
	"gopkg.in/yaml.v3"

	"github.com/runwhere/runwhere/internal/input"
)

// ID names a platform. The zero ID is not a valid platform.
type ID string

// The platforms runwhere compares.
const (
	Swarm      ID = "swarm"       // Docker Swarm mode, self-managed
	Kubernetes ID = "kubernetes"  // upstream Kubernetes, self-managed
	EKS        ID = "eks"         // Amazon EKS (managed control plane, EC2 workers)
	ECSEC2     ID = "ecs-ec2"     // Amazon ECS with the EC2 launch type
	ECSFargate ID = "ecs-fargate" // Amazon ECS with the Fargate launch type
	Lambda     ID = "lambda"      // AWS Lambda
	Nomad      ID = "nomad"       // HashiCorp Nomad, self-managed
)

var knownIDs = []ID{Swarm, Kubernetes, EKS, ECSEC2, ECSFargate, Lambda, Nomad,
	"eks-auto-mode", "ecs-managed-instances", "eks-fargate", "lambda-managed-instances"}

// IDs returns every platform id, in the order reports list them.
func IDs() []ID { return slices.Clone(knownIDs) }

// ParseID returns s as a platform id: lowercase ASCII letters, digits and
// hyphens, starting with a letter, at most 32 bytes. It does not say that
// the platform exists: a catalogue does ([Catalogue.Platform]), and [IDs]
// lists the platforms runwhere ships. Ids are open so that a caller's own
// catalogue can add a platform of an existing family.
func ParseID(s string) (ID, error) {
	if !validID(s) {
		return "", fmt.Errorf("platform: %q is not a platform id (lowercase letters, digits and hyphens, starting with a letter, at most 32 bytes; known: %v)", input.Short(s), knownIDs)
	}
	return ID(s), nil
}

func validID(s string) bool {
	if len(s) == 0 || len(s) > 32 || s[0] < 'a' || s[0] > 'z' {
		return false
	}
	for i := 1; i < len(s); i++ {
		c := s[i]
		if (c < 'a' || c > 'z') && (c < '0' || c > '9') && c != '-' {
			return false
		}
	}
	return true
}

// Known reports whether id is one of the platforms runwhere ships ([IDs]).
func (id ID) Known() bool { return slices.Contains(knownIDs, id) }

// String returns the id as written in catalogues and scenarios.
func (id ID) String() string { return string(id) }

// MarshalText implements [encoding.TextMarshaler].
func (id ID) MarshalText() ([]byte, error) { return []byte(id), nil }

// UnmarshalText implements [encoding.TextUnmarshaler]; it rejects text
// that is not an id ([ParseID]).
func (id *ID) UnmarshalText(b []byte) error {
	v, err := ParseID(string(b))
	if err != nil {
		return err
	}
	*id = v
	return nil
}

// UnmarshalYAML reads an id and reports one that is not an id with its
// position.
func (id *ID) UnmarshalYAML(n *yaml.Node) error {
	v, err := ParseID(n.Value)
	if err != nil || n.Kind != yaml.ScalarNode {
		return &FieldError{Line: n.Line, Column: n.Column, Field: "id", Value: n.Value, Reason: fmt.Sprintf("is not a platform id (lowercase letters, digits and hyphens; known: %v)", knownIDs)}
	}
	*id = v
	return nil
}

// Kind says whether a platform schedules containers onto machines the user
// pays for (an orchestrator) or runs functions without visible machines.
type Kind string

const (
	Orchestrator Kind = "orchestrator"
	Serverless   Kind = "serverless"
)

// Family is how a platform is sized and billed, and so which of runwhere's
// models evaluates it. It is a modelling choice, not a published figure,
// and carries no source.
type Family string

const (
	// Functions: code runs per request in execution environments the
	// provider scales (AWS Lambda); sized by concurrency, billed per
	// request and per GB-second.
	Functions Family = "functions"
	// Tasks: each replica is a task on capacity the provider runs (ECS on
	// Fargate); billed per task vCPU and memory for the time it runs.
	Tasks Family = "tasks"
	// Nodes: replicas are packed onto worker machines the user runs (EC2
	// instances); billed per instance-hour, plus the control plane.
	Nodes Family = "nodes"
)

// NodeReservation names the rule by which a worker node of a [Nodes]
// platform keeps CPU, memory and pod or task slots back from replicas.
// Package capacity computes the figures from the instance's shape and
// network limits, each rule with its own source.
type NodeReservation string

const (
	// ReserveEKS: the EKS AMI bootstrap's kube-reserved, the eviction
	// threshold, and max pods from the ENI formula.
	ReserveEKS NodeReservation = "eks-bootstrap"
	// ReserveKubelet: the upstream kubelet's defaults (110 pods, the
	// eviction threshold, nothing reserved).
	ReserveKubelet NodeReservation = "kubelet-defaults"
	// ReserveECS: the ECS agent's task network modes (awsvpc tasks per ENI,
	// or ENI trunking; bridge and host bound by CPU and memory).
	ReserveECS NodeReservation = "ecs-agent"
	// ReserveNone: nothing kept back; replicas bound by CPU and memory.
	ReserveNone NodeReservation = "none"
)

// Operator says who runs a control plane.
type Operator string

const (
	// User: the team runs (and pays for) the manager/master nodes.
	User Operator = "user"
	// AWS: the provider runs the control plane.
	AWS Operator = "aws"
)

// Enforcement says how a limit binds. The capacity package turns a hard
// limit into a blocker and the other two into warnings.
type Enforcement string

const (
	// Hard: the platform refuses to go past it.
	Hard Enforcement = "hard"
	// Envelope: a tested or documented scalability envelope; going past it
	// works until it does not.
	Envelope Enforcement = "envelope"
	// Quota: an adjustable default (AWS Service Quotas and the like).
	Quota Enforcement = "quota"
)

// Consensus names how a control plane agrees on its state.
type Consensus string

const (
	Raft    Consensus = "raft"    // Raft among manager/server nodes (swarm, etcd, nomad)
	Managed Consensus = "managed" // run by the provider; its internals are not the user's concern
)

// Platform is one platform as of one snapshot.
type Platform struct {
	ID   ID     `yaml:"id" json:"id"`
	Name string `yaml:"name" json:"name"`
	Kind Kind   `yaml:"kind" json:"kind"`
	// Family picks the model that sizes and bills the platform.
	Family Family `yaml:"family" json:"family"`
	// NodeReservation is the rule a worker node reserves by; set for
	// [Nodes] platforms only.
	NodeReservation NodeReservation `yaml:"node_reservation,omitempty" json:"node_reservation,omitempty"`
	ControlPlane    ControlPlane    `yaml:"control_plane" json:"control_plane"`
	// Workers says who runs the machines workloads run on: the [User]
	// (nodes, container instances, clients) or [AWS] (Fargate, Lambda).
	Workers  Feature[Operator] `yaml:"workers" json:"workers"`
	Limits   Limits            `yaml:"limits" json:"limits"`
	Features Features          `yaml:"features" json:"features"`
	// Arrived is when the platform became generally available, so that
	// a comparison can say which choices are newer than the 2017 deck.
	Arrived *Arrival `yaml:"arrived,omitempty" json:"arrived,omitempty"`
	// Params are the figures a family's model reads from this platform
	// and no other family has (EKS on Fargate's 256 MB a pod adds, Lambda
	// Managed Instances' three instances at least), by name. They are
	// open so that a family's figures are catalogue data, not fields of
	// this struct; the family says which it needs ([Platform.Param]).
	Params map[string]Param `yaml:"params,omitempty" json:"params,omitempty"`
}

// Arrival is the month a platform became generally available.
type Arrival struct {
	Month  string `yaml:"month" json:"month"` // YYYY-MM
	Source `yaml:",inline"`
}

// Param is one sourced figure a family's model reads ([Platform.Params]):
// a decimal with its unit.
type Param struct {
	Value  decimal.Decimal `yaml:"value" json:"value"`
	Unit   string          `yaml:"unit" json:"unit"`
	Source `yaml:",inline"`
}

// Param returns the figure the platform's catalogue entry gives under
// name, and whether it gives one.
func (p Platform) Param(name string) (Param, bool) {
	v, ok := p.Params[name]
	return v, ok
}

// ControlPlane describes who runs a platform's control plane and how it
// survives failures.
type ControlPlane struct {
	RunBy     Operator  `yaml:"run_by" json:"run_by"`
	Consensus Consensus `yaml:"consensus" json:"consensus"`
	// RecommendedManagers and MaxManagers apply to Raft control planes the
	// user runs; nil for managed ones.
	RecommendedManagers *Limit `yaml:"recommended_managers,omitempty" json:"recommended_managers,omitempty"`
	MaxManagers         *Limit `yaml:"max_managers,omitempty" json:"max_managers,omitempty"`
	// SLA is the provider's published monthly uptime commitment for a
	// control plane AWS runs; nil for one the user runs. An SLA whose
	// [SLA.None] is true records that none was published in the snapshot.
	SLA *SLA `yaml:"sla,omitempty" json:"sla,omitempty"`
	// ZoneMembers is the quorum members of a control plane the provider
	// runs, one per availability zone, where the provider publishes its
	// layout (EKS: three etcd instances across three zones): losing a
	// majority of those zones loses the control plane. Nil where no layout
	// is published.
	ZoneMembers *Count `yaml:"zone_members,omitempty" json:"zone_members,omitempty"`
}

// SLA is a managed control plane's published monthly uptime commitment in
// one snapshot. Percent is kept as a decimal so that "99.95" stays exactly
// that. A zero Percent records that no SLA was published then (Lambda
// before 2018-10, ECS before the Compute SLA of 2018-02): Note says why and
// Source where that was read.
type SLA struct {
	Percent decimal.Decimal `yaml:"percent,omitempty" json:"percent,omitzero"`
	// Scope says what the commitment covers (the API endpoint, tasks
	// spread over two zones, a Region).
	Scope string `yaml:"scope,omitempty" json:"scope,omitempty"`
	// Inference marks an entry the sources imply rather than state.
	Inference bool `yaml:"inference,omitempty" json:"inference,omitempty"`
	Source    `yaml:",inline"`
}

// None reports whether s records that no SLA was published.
func (s SLA) None() bool { return s.Percent.IsZero() }
