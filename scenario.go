package runwhere

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/shopspring/decimal"
	"gopkg.in/yaml.v3"

	"github.com/runwhere/runwhere/platform"
)

// Scenario describes a workload and the choices to compare. Its YAML/JSON
// names are the stable contract of DESIGN.md. Fields left out take the
// defaults documented in [Defaults]; [Evaluate] echoes the scenario with
// every default filled in, so a report shows each assumption it used.
//
// Optional numbers are pointers so that "left out" and "zero" differ.
type Scenario struct {
	Name      string        `yaml:"name,omitempty" json:"name"`
	Snapshot  string        `yaml:"snapshot,omitempty" json:"snapshot"`
	Region    string        `yaml:"region,omitempty" json:"region"`
	Platforms []platform.ID `yaml:"platforms,omitempty" json:"platforms"`
	Workload  Workload      `yaml:"workload" json:"workload"`
	Lambda    LambdaOptions `yaml:"lambda,omitempty" json:"lambda"`
	Servers   Servers       `yaml:"servers,omitempty" json:"servers"`
	Container Container     `yaml:"container,omitempty" json:"container"`
	HA        HAOptions     `yaml:"ha,omitempty" json:"ha"`
	// Weights set how much each criterion counts in the recommendation.
	Weights *Weights `yaml:"weights,omitempty" json:"weights,omitempty"`
}

// Workload is what the application does.
type Workload struct {
	// Exactly one of RequestsPerSecond (the mean over the month) and
	// RequestsPerMonth; a month is 730 hours.
	RequestsPerSecond *decimal.Decimal `yaml:"requests_per_second,omitempty" json:"requests_per_second,omitempty"`
	RequestsPerMonth  *decimal.Decimal `yaml:"requests_per_month,omitempty" json:"requests_per_month,omitempty"`
	// PeakRequestsPerSecond sizes the servers; defaults to the mean.
	PeakRequestsPerSecond *decimal.Decimal `yaml:"peak_requests_per_second,omitempty" json:"peak_requests_per_second,omitempty"`
	// DurationMS is the mean execution time of one request. Required.
	DurationMS *decimal.Decimal `yaml:"duration_ms,omitempty" json:"duration_ms,omitempty"`
	// MemoryMB is the memory one invocation or one request needs. Required.
	MemoryMB *int64 `yaml:"memory_mb,omitempty" json:"memory_mb,omitempty"`
	// Arch is x86_64 or arm64.
	Arch string `yaml:"arch,omitempty" json:"arch,omitempty"`
	// MaxDurationS is the longest single job; defaults to DurationMS.
	MaxDurationS *decimal.Decimal `yaml:"max_duration_s,omitempty" json:"max_duration_s,omitempty"`
	// CPUFraction is the share of DurationMS spent on CPU, in (0, 1].
	CPUFraction *decimal.Decimal `yaml:"cpu_fraction,omitempty" json:"cpu_fraction,omitempty"`
}

// LambdaOptions are the Lambda-only settings.
type LambdaOptions struct {
	FreeTier               *bool  `yaml:"free_tier,omitempty" json:"free_tier,omitempty"`
	EphemeralStorageMB     *int64 `yaml:"ephemeral_storage_mb,omitempty" json:"ephemeral_storage_mb,omitempty"`
	ProvisionedConcurrency *int64 `yaml:"provisioned_concurrency,omitempty" json:"provisioned_concurrency,omitempty"`
	// CPUShareScaling reads workload.duration_ms as measured on a whole
	// vCPU (as a container gets it) and slows the CPU-bound share of it
	// (workload.cpu_fraction) in proportion to the vCPU Lambda gives
	// workload.memory_mb: 1 vCPU at 1,769 MB, so a 512 MB function runs
	// CPU-bound code about 3.5 times slower. Off by default: DESIGN.md's
	// sizing model bills Lambda for duration_ms as given.
	CPUShareScaling *bool `yaml:"cpu_share_scaling,omitempty" json:"cpu_share_scaling,omitempty"`
}

// Servers are the settings of the EC2-backed platforms (ecs-ec2, eks,
// kubernetes, swarm, nomad).
type Servers struct {
	InstanceType string `yaml:"instance_type,omitempty" json:"instance_type,omitempty"`
	// HourlyPrice overrides the catalogue's on-demand price (a decimal
	// string: a negotiated rate, another region).
	HourlyPrice *decimal.Decimal `yaml:"hourly_price,omitempty" json:"hourly_price,omitempty"`
	// Count > 0 is a fixed fleet of workers; 0 sizes it from the workload.
	Count             *int64           `yaml:"count,omitempty" json:"count,omitempty"`
	TargetUtilization *decimal.Decimal `yaml:"target_utilization,omitempty" json:"target_utilization,omitempty"`
	Zones             *int64           `yaml:"zones,omitempty" json:"zones,omitempty"`
	// Managers is the control-plane size of self-managed swarm, kubernetes
	// and nomad.
	Managers *int64 `yaml:"managers,omitempty" json:"managers,omitempty"`
	// ECSNetworkMode is the task network mode of ecs-ec2: awsvpc (one ENI
	// per task, so ENIs bound the tasks per instance), bridge or host.
	ECSNetworkMode string `yaml:"ecs_network_mode,omitempty" json:"ecs_network_mode,omitempty"`
	// SurviveZoneLoss sizes every zone so that the others still serve the
	// peak when one zone is lost (N+1 per zone).
	SurviveZoneLoss *bool `yaml:"survive_zone_loss,omitempty" json:"survive_zone_loss,omitempty"`
}

// Container is one replica on every container platform.
type Container struct {
	VCPU     *decimal.Decimal `yaml:"vcpu,omitempty" json:"vcpu,omitempty"`
	MemoryMB *int64           `yaml:"memory_mb,omitempty" json:"memory_mb,omitempty"`
}

// HAOptions are the availability assumptions of the self-managed tiers.
type HAOptions struct {
	NodeAvailability *float64 `yaml:"node_availability,omitempty" json:"node_availability,omitempty"`
	ZoneAvailability *float64 `yaml:"zone_availability,omitempty" json:"zone_availability,omitempty"`
}

// Weights set the recommendation's criteria weights. They need not sum
// to one; each is divided by their sum.
type Weights struct {
	Cost        *decimal.Decimal `yaml:"cost,omitempty" json:"cost,omitempty"`
	Headroom    *decimal.Decimal `yaml:"headroom,omitempty" json:"headroom,omitempty"`
	Resilience  *decimal.Decimal `yaml:"resilience,omitempty" json:"resilience,omitempty"`
	Operations  *decimal.Decimal `yaml:"operations,omitempty" json:"operations,omitempty"`
	Portability *decimal.Decimal `yaml:"portability,omitempty" json:"portability,omitempty"`
}

// FieldError reports a bad scenario value: the field's path, the value as
// written and what is wrong with it.
type FieldError struct {
	Field  string
	Value  string
	Reason string
	Line   int // 1-based position in the parsed text; 0 when unknown
}

func (e *FieldError) Error() string {
	var b strings.Builder
	b.WriteString("runwhere: ")
	if e.Line > 0 {
		fmt.Fprintf(&b, "line %d: ", e.Line)
	}
	b.WriteString(e.Field)
	b.WriteString(": ")
	if e.Value != "" {
		b.WriteString(e.Value)
		b.WriteString(" ")
	}
	b.WriteString(e.Reason)
	return b.String()
}

// ParseScenario reads a scenario written in YAML or JSON (JSON is YAML).
// Unknown fields, wrong types, non-finite or negative numbers, unknown ids
// and contradictory inputs are errors naming the field and the value. The
// returned scenario is as written; [Evaluate] fills in the defaults.
func ParseScenario(data []byte) (Scenario, error) {
	if err := checkNumbers(data); err != nil {
		return Scenario{}, err
	}
	var s Scenario
	dec := yaml.NewDecoder(bytes.NewReader(data))
	dec.KnownFields(true)
	if err := dec.Decode(&s); err != nil {
		if errors.Is(err, io.EOF) {
			return Scenario{}, errors.New("runwhere: empty scenario: it needs at least a workload")
		}
		var pe *platform.FieldError
		if errors.As(err, &pe) {
			return Scenario{}, &FieldError{Field: "platforms", Value: pe.Value, Reason: pe.Reason, Line: pe.Line}
		}
		return Scenario{}, fmt.Errorf("runwhere: %s", cleanYAMLError(err))
	}
	// A second document is almost always a paste mistake.
	var extra yaml.Node
	if err := dec.Decode(&extra); !errors.Is(err, io.EOF) {
		return Scenario{}, errors.New("runwhere: the scenario holds more than one YAML document")
	}
	if err := s.check(); err != nil {
		return Scenario{}, withLine(err, data)
	}
	return s, nil
}

// cleanYAMLError turns yaml.v3's Go-type vocabulary into the scenario's.
func cleanYAMLError(err error) string {
	msg := strings.TrimPrefix(err.Error(), "yaml: ")
	msg = strings.ReplaceAll(msg, "unmarshal errors:\n  ", "")
	msg = strings.ReplaceAll(msg, "\n  ", "; ")
	for _, r := range [][2]string{
		{" in type runwhere.Scenario", " in the scenario"},
		{" in type runwhere.Workload", " in workload"},
		{" in type runwhere.LambdaOptions", " in lambda"},
		{" in type runwhere.Servers", " in servers"},
		{" in type runwhere.Container", " in container"},
		{" in type runwhere.HAOptions", " in ha"},
		{" in type runwhere.Weights", " in weights"},
		{"into decimal.Decimal", "into a decimal number"},
		{"into int64", "into a whole number"},
		{"into float64", "into a number"},
		{"into bool", "into true/false"},
	} {
		msg = strings.ReplaceAll(msg, r[0], r[1])
	}
	return msg
}

// withLine adds the line of the offending field to a FieldError when the
// field's path can be found in the text.
func withLine(err error, data []byte) error {
	var fe *FieldError
	if !errors.As(err, &fe) || fe.Line > 0 {
		return err
	}
	var root yaml.Node
	if yaml.Unmarshal(data, &root) != nil || len(root.Content) == 0 {
		return err
	}
	n := root.Content[0]
	for _, key := range strings.Split(fe.Field, ".") {
		key, _, _ = strings.Cut(key, "[")
		next := (*yaml.Node)(nil)
		if n.Kind == yaml.MappingNode {
			for i := 0; i+1 < len(n.Content); i += 2 {
				if n.Content[i].Value == key {
					next = n.Content[i+1]
				}
			}
		}
		if next == nil {
			break
		}
		n = next
	}
	if n != root.Content[0] {
		fe.Line = n.Line
	}
	return err
}

// numberFields lists the scenario's numeric fields by kind. yaml.v3 would
// silently truncate 1.5 into a whole-number field and reports a bad decimal
// without its field, so ParseScenario checks these first.
var numberFields = map[string]bool{ // path → whole number
	"workload.requests_per_second":      false,
	"workload.requests_per_month":       false,
	"workload.peak_requests_per_second": false,
	"workload.duration_ms":              false,
	"workload.max_duration_s":           false,
	"workload.cpu_fraction":             false,
	"workload.memory_mb":                true,
	"lambda.ephemeral_storage_mb":       true,
	"lambda.provisioned_concurrency":    true,
	"servers.hourly_price":              false,
	"servers.target_utilization":        false,
	"servers.count":                     true,
	"servers.zones":                     true,
	"servers.managers":                  true,
	"container.vcpu":                    false,
	"container.memory_mb":               true,
	"weights.cost":                      false,
	"weights.headroom":                  false,
	"weights.resilience":                false,
	"weights.operations":                false,
	"weights.portability":               false,
}

func checkNumbers(data []byte) error {
	var root yaml.Node
	if yaml.Unmarshal(data, &root) != nil || len(root.Content) == 0 {
		return nil // the decoder reports the syntax error
	}
	top := resolve(root.Content[0])
	if top.Kind != yaml.MappingNode {
		return nil
	}
	for i := 0; i+1 < len(top.Content); i += 2 {
		section := resolve(top.Content[i+1])
		if section.Kind != yaml.MappingNode {
			continue
		}
		for j := 0; j+1 < len(section.Content); j += 2 {
			path := top.Content[i].Value + "." + section.Content[j].Value
			whole, ok := numberFields[path]
			n := resolve(section.Content[j+1])
			if !ok || n.Kind != yaml.ScalarNode || n.Tag == "!!null" {
				continue
			}
			if whole {
				if n.Tag != "!!int" {
					return &FieldError{Field: path, Value: n.Value, Reason: "is not a whole number", Line: n.Line}
				}
				continue
			}
			if _, err := decimal.NewFromString(n.Value); err != nil || (n.Tag != "!!int" && n.Tag != "!!float" && n.Tag != "!!str") {
				return &FieldError{Field: path, Value: n.Value, Reason: "is not a finite decimal number", Line: n.Line}
			}
		}
	}
	return nil
}

func resolve(n *yaml.Node) *yaml.Node {
	for n.Kind == yaml.AliasNode && n.Alias != nil {
		n = n.Alias
	}
	return n
}
