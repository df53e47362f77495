package catalogue

import (
	"fmt"
	"maps"
	"slices"
	"strconv"
	"strings"

	"github.com/shopspring/decimal"
)

// Instance is one row of the generated instance table: what package
// platform knows of an EC2 instance type, and the key of the source of each
// figure ("" where no source has it).
type Instance struct {
	Type               string
	PreviousGeneration bool
	VCPU, MemoryMiB    int64
	Arch               string
	// ENIs of the default network card and IPv4 addresses per ENI: the
	// inputs of the EKS max-pods formula (MANIFEST.md 2.3).
	ENIs, IPv4PerENI int64
	EKSMaxPods       int64
	// ECS awsvpc tasks per instance without and with ENI trunking, as the
	// ECS guide's table gives them.
	ECSTasks, ECSTrunkTasks int64
}

// Price is one on-demand Linux hourly price of the generated price table.
type Price struct {
	Type, Region string
	Hourly       decimal.Decimal
	Source       string // a source key: one of the price sources below
}

// Source keys of the generated files; each names one input file.
const (
	srcSpecs    = "specs"
	srcNetwork  = "network"
	srcPods     = "max-pods"
	srcECS      = "ecs-guide"
	srcPrevious = "previous-generation"
	srcUSEast1  = "price-list-us-east-1"
	srcPage     = "pricing-page"
)

// Skipped is what the generator left out, and why, for its report.
type Skipped struct {
	NoShape          []string // priced or networked types with no vCPU/memory figure
	DedicatedMetal   []string // us-east-1 metal prices flagged as dedicated tenancy, with no shared price
	SharedMetal      []string // flagged metal whose shared price came from the page JSON instead
	ECSNegative      []string // ECS trunking figures below zero
	ECSTrunkBelow    []string // ECS with-trunking figures below the without-trunking one
	ECSUnsupported   []string // with-trunking figures for types the ECS guide says do not trunk
	PodsDisagreement []string // types where the max-pods file differs from the ENI formula
}

// buildInstances joins the four instance sources: one row for every type
// that has a shape (vCPU, memory, arch); the other figures where a source
// gives them.
func buildInstances(src *Sources, specs map[string]Spec, nets map[string]Net, pods map[string]int64, ecs map[string]ECSTasks, skip *Skipped) []Instance {
	prev := map[string]bool{}
	for _, f := range src.PreviousGeneration.Families {
		prev[f] = true
	}
	unsupported := map[string]bool{}
	for _, t := range src.ECSTrunkingUnsupported.Types {
		unsupported[t] = true
	}
	for _, f := range src.ECSTrunkingUnsupported.Families {
		unsupported[f+"."] = true
	}
	out := make([]Instance, 0, len(specs))
	for _, t := range slices.Sorted(maps.Keys(specs)) {
		s := specs[t]
		in := Instance{Type: t, PreviousGeneration: prev[family(t)], VCPU: s.VCPU, MemoryMiB: s.MemoryMiB, Arch: s.Arch}
		if n, ok := nets[t]; ok && n.DefaultCardENIs > 0 && n.IPv4PerENI > 0 {
			in.ENIs, in.IPv4PerENI = n.DefaultCardENIs, n.IPv4PerENI
		}
		if p, ok := pods[t]; ok {
			in.EKSMaxPods = p
			if in.ENIs > 0 && in.ENIs*(in.IPv4PerENI-1)+2 != p {
				skip.PodsDisagreement = append(skip.PodsDisagreement, fmt.Sprintf("%s (file %d, formula %d)", t, p, in.ENIs*(in.IPv4PerENI-1)+2))
			}
		}
		if e, ok := ecs[t]; ok {
			switch {
			case e.Without <= 0 || e.With < 0:
				skip.ECSNegative = append(skip.ECSNegative, fmt.Sprintf("%s (%d, %d)", t, e.Without, e.With))
				if e.Without > 0 {
					in.ECSTasks = e.Without
				}
			case unsupported[t] || unsupported[family(t)+"."]:
				in.ECSTasks = e.Without
				skip.ECSUnsupported = append(skip.ECSUnsupported, t)
			case e.With < e.Without:
				in.ECSTasks = e.Without
				skip.ECSTrunkBelow = append(skip.ECSTrunkBelow, fmt.Sprintf("%s (%d < %d)", t, e.With, e.Without))
			default:
				in.ECSTasks, in.ECSTrunkTasks = e.Without, e.With
			}
		}
		out = append(out, in)
	}
	for _, t := range slices.Sorted(maps.Keys(nets)) {
		if _, ok := specs[t]; !ok {
			skip.NoShape = append(skip.NoShape, t)
		}
	}
	return out
}

// buildPrices picks each region's price for every type of the table:
// us-east-1 from the Price List extract, the other regions from AWS's
// pricing-page JSON. A us-east-1 metal price the extract flags as
// dedicated tenancy is replaced by the page JSON's shared price where the
// page has one, and left out where it has none: it is not guessed.
func buildPrices(src *Sources, table []Instance, useast1 map[string]OnDemand, page map[string]map[string]decimal.Decimal, skip *Skipped) []Price {
	var out []Price
	for _, in := range table {
		for _, r := range src.Regions {
			if r.Code == "us-east-1" {
				od, ok := useast1[in.Type]
				if !ok {
					continue
				}
				if strings.HasPrefix(od.Note, "metal_above") {
					if p, ok := page[r.Code][in.Type]; ok {
						out = append(out, Price{in.Type, r.Code, p, srcPage})
						skip.SharedMetal = append(skip.SharedMetal, in.Type)
					} else {
						skip.DedicatedMetal = append(skip.DedicatedMetal, in.Type)
					}
					continue
				}
				out = append(out, Price{in.Type, r.Code, od.Hourly, srcUSEast1})
				continue
			}
			if p, ok := page[r.Code][in.Type]; ok {
				out = append(out, Price{in.Type, r.Code, p, srcPage})
			}
		}
	}
	return out
}

// writeInstances renders the instance table as package platform reads it
// (platform.ParseInstanceTable).
func writeInstances(src *Sources, table []Instance) []byte {
	var b strings.Builder
	b.WriteString(generatedHeader("the EC2 instance table of package platform"))
	b.WriteString("# Columns: type; generation (current|previous); vcpu, memory_mib, arch and\n" +
		"# their source; enis (default network card) and ipv4_per_eni, the inputs of\n" +
		"# the EKS max-pods formula, and their source; eks_max_pods and its source;\n" +
		"# ecs_tasks and ecs_trunk_tasks (awsvpc tasks per instance without and with\n" +
		"# ENI trunking) and their source. An empty figure is in no source.\n")
	writeSource(&b, srcSpecs, src.Files["ec2-specs.csv"])
	writeSource(&b, srcNetwork, src.Files["ec2-network.csv"])
	writeSource(&b, srcPods, src.Files["eks-max-pods.txt"])
	writeSource(&b, srcECS, src.Files["ecs-eni-trunking.csv"])
	writeSource(&b, srcPrevious, FileSource{URL: src.PreviousGeneration.URL, AsOf: src.PreviousGeneration.AsOf, Note: "the EC2 guide's previous-generation families"})
	b.WriteString("type,generation,vcpu,memory_mib,arch,shape_source,enis,ipv4_per_eni,network_source,eks_max_pods,max_pods_source,ecs_tasks,ecs_trunk_tasks,ecs_source\n")
	for _, in := range table {
		gen := "current"
		if in.PreviousGeneration {
			gen = "previous"
		}
		row := []string{in.Type, gen, itoa(in.VCPU), itoa(in.MemoryMiB), in.Arch, srcSpecs}
		row = append(row, sourced(srcNetwork, in.ENIs, in.IPv4PerENI)...)
		row = append(row, sourced(srcPods, in.EKSMaxPods)...)
		row = append(row, sourced(srcECS, in.ECSTasks, in.ECSTrunkTasks)...)
		b.WriteString(strings.Join(row, ","))
		b.WriteByte('\n')
	}
	return []byte(b.String())
}

// writePrices renders the price table as package cost reads it
// (cost.ParseInstancePrices).
func writePrices(src *Sources, prices []Price) []byte {
	var b strings.Builder
	b.WriteString(generatedHeader("EC2 on-demand Linux hourly prices (USD) by region, for package cost"))
	b.WriteString("# A type with no row for a region has no price there in the sources: it is\n" +
		"# absent, not estimated. In us-east-1, a *.metal price the Price List extract\n" +
		"# flags as dedicated tenancy (MANIFEST.md 2.4) is replaced by the pricing\n" +
		"# page's shared-tenancy price where the page has one, and left out otherwise.\n")
	writeSource(&b, srcUSEast1, src.Files["ec2-ondemand-us-east-1.csv"])
	writeSource(&b, srcPage, src.Files["ec2-transformed.json"])
	b.WriteString("type,region,hourly_usd,source\n")
	for _, p := range prices {
		fmt.Fprintf(&b, "%s,%s,%s,%s\n", p.Type, p.Region, p.Hourly.String(), p.Source)
	}
	return []byte(b.String())
}

func generatedHeader(what string) string {
	return "# runwhere 2026-11: " + what + ".\n" +
		"# Generated by `go run ./internal/catalogue/gen -data ../shared/data/aws`\n" +
		"# from the files described in shared/data/aws/MANIFEST.md. Do not edit:\n" +
		"# change the generator or its sources (internal/catalogue/sources.yaml)\n" +
		"# and regenerate. An @source line is: key, as_of, URL, note.\n"
}

func writeSource(b *strings.Builder, key string, s FileSource) {
	fmt.Fprintf(b, "@source,%s,%s,%s,%s\n", key, s.AsOf, s.URL, strings.ReplaceAll(s.Note, ",", ";"))
}

// sourced renders figures with their source key, or empty cells where
// every figure is zero (not in the source).
func sourced(key string, figs ...int64) []string {
	out := make([]string, 0, len(figs)+1)
	any := false
	for _, f := range figs {
		if f > 0 {
			out = append(out, itoa(f))
			any = true
		} else {
			out = append(out, "")
		}
	}
	if !any {
		key = ""
	}
	return append(out, key)
}

func itoa(n int64) string { return strconv.FormatInt(n, 10) }

// family is the text before the first dot: "m5" for "m5.large".
func family(t string) string {
	f, _, _ := strings.Cut(t, ".")
	return f
}
