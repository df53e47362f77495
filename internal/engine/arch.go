package engine

import (
	"cmp"
	"fmt"

	"github.com/shopspring/decimal"

	"github.com/runwhere/runwhere/capacity"
	"github.com/runwhere/runwhere/platform"
)

// archField is the scenario field whose readers run on an EC2 instance
// type the scenario names (the nodes families, Lambda Managed Instances).
const archField = "servers.instance_type"

// archMismatch returns the arch-mismatch warning for p when p runs on
// in.Servers.InstanceType and that type's architecture differs from
// in.Arch (x86_64 when empty); false otherwise, and for a type the table
// does not hold (the scenario's checks refuse those).
func archMismatch(p platform.Platform, cat Catalogues, in Inputs) (capacity.Finding, bool) {
	if !cat.Families.Uses(p, archField) {
		return capacity.Finding{}, false
	}
	t := in.Servers.InstanceType
	inst, ok := cat.Instances.Lookup(t)
	want := platform.Arch(cmp.Or(in.Arch, string(platform.X86_64)))
	if !ok || inst.Shape.Arch == want {
		return capacity.Finding{}, false
	}
	msg := fmt.Sprintf("%s is an %s instance type but workload.arch is %s: this platform is priced on %s processors, the functions and Fargate tasks on %s ones, so the comparison sets two different CPUs side by side (they differ in price and may differ in speed); ",
		t, inst.Shape.Arch, want, inst.Shape.Arch, want)
	if alt, ok := sameSizeOf(cat, inst, want); ok {
		msg += fmt.Sprintf("for a like-for-like comparison choose an %s type such as %s (also %d vCPU, %s), or set workload.arch to %s",
			want, alt, inst.Shape.VCPU, memoryText(inst.Shape.MemoryMiB), inst.Shape.Arch)
	} else {
		msg += fmt.Sprintf("for a like-for-like comparison choose an %s instance type, or set workload.arch to %s", want, inst.Shape.Arch)
	}
	return capacity.Finding{Code: ArchMismatch, Message: msg, Value: string(inst.Shape.Arch), Limit: string(want), Severity: capacity.Warning}, true
}

// sameSizeOf is the cheapest current-generation, non-burstable type of
// arch with inst's vCPUs and memory priced in the region: the type a
// person would switch to for the workload's architecture.
func sameSizeOf(cat Catalogues, inst platform.Instance, arch platform.Arch) (string, bool) {
	best, bestPrice := "", decimal.Decimal{}
	for _, t := range cat.Instances.Types() {
		if Burstable(t) {
			continue
		}
		c, _ := cat.Instances.Lookup(t)
		if c.PreviousGeneration || c.Shape.Arch != arch || c.Shape.VCPU != inst.Shape.VCPU || c.Shape.MemoryMiB != inst.Shape.MemoryMiB {
			continue
		}
		price, err := cat.Prices.Instance(t)
		if err != nil {
			continue
		}
		// Types() is sorted, so a tie keeps the first name.
		if best == "" || price.Hourly.Value.LessThan(bestPrice) {
			best, bestPrice = t, price.Hourly.Value
		}
	}
	return best, best != ""
}

// memoryText is an instance's memory as its specification page says it:
// whole GiB where it is whole, else MiB.
func memoryText(mib int64) string {
	if mib%1024 == 0 {
		return fmt.Sprintf("%d GiB", mib/1024)
	}
	return fmt.Sprintf("%d MiB", mib)
}
