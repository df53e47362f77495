package runwhere

import (
	"github.com/shopspring/decimal"

	"github.com/runwhere/runwhere/platform"
)

// InstanceType is one EC2 instance type as a scenario may name it in
// servers.instance_type: its shape and its on-demand Linux price in a
// region, for a form that suggests types as a person types.
type InstanceType struct {
	Type      string `json:"type"`
	VCPU      int64  `json:"vcpu"`
	MemoryMiB int64  `json:"memory_mib"`
	Arch      string `json:"arch"`
	// PreviousGeneration marks a type of a family AWS lists as previous
	// generation: it can be evaluated, and is never offered as cheaper.
	PreviousGeneration bool `json:"previous_generation,omitempty"`
	// Hourly is the on-demand price, USD per instance-hour; nil where the
	// region's catalogue has no sourced price for the type (a scenario
	// naming it is then blocked with unknown-instance-type).
	Hourly *decimal.Decimal `json:"hourly,omitempty"`
}

// InstanceTypes lists every instance type of the instance table with its
// price in the snapshot and region ("" for the newest snapshot and
// DefaultRegion), sorted by name. An unknown snapshot or region is a
// *FieldError naming it (and, for a region, the regions there are).
func InstanceTypes(snapshot, region string) (_ []InstanceType, err error) {
	defer prefixError(&err)
	if snapshot == "" {
		snapshot = platform.Newest
	}
	if region == "" {
		region = DefaultRegion
	}
	prices, err := priceCatalogue(snapshot, region)
	if err != nil {
		return nil, err
	}
	inst, err := platform.EmbeddedInstances()
	if err != nil {
		return nil, err
	}
	types := inst.Types()
	out := make([]InstanceType, 0, len(types))
	for _, t := range types {
		in, _ := inst.Lookup(t)
		it := InstanceType{Type: t, VCPU: in.Shape.VCPU, MemoryMiB: in.Shape.MemoryMiB, Arch: string(in.Shape.Arch), PreviousGeneration: in.PreviousGeneration}
		if p, err := prices.Instance(t); err == nil {
			it.Hourly = &p.Hourly.Value
		}
		out = append(out, it)
	}
	return out, nil
}
