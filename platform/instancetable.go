package platform

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/runwhere/runwhere/internal/input"
)

// instanceTableHeader is the column row of the generated instance table.
const instanceTableHeader = "type,generation,vcpu,memory_mib,arch,shape_source,enis,ipv4_per_eni,network_source,eks_max_pods,max_pods_source,ecs_tasks,ecs_trunk_tasks,ecs_source"

// ParseInstanceTable reads an instance table in the CSV form that
// internal/catalogue/gen writes from AWS's data (data/instances.csv): "#"
// comment lines, "@source,<key>,<as_of>,<url>,<note>" lines, the header
// row, then one row per type naming, by key, the source of its shape, of
// its network figures, of its max pods and of its ECS task figures. An
// empty figure is in no source, and its source key is empty too. Errors
// name the line, the type and the field. name labels the data in errors.
func ParseInstanceTable(name string, data []byte) (Instances, error) {
	v, err := parseInstanceTable(data)
	if fe, ok := err.(*FieldError); ok {
		fe.File = name
	}
	return v, input.Prefix("platform", err)
}

func parseInstanceTable(data []byte) (Instances, error) {
	if len(data) > instanceLimits.MaxBytes {
		return Instances{}, &FieldError{Field: "instances", Value: fmt.Sprintf("%d bytes", len(data)), Reason: fmt.Sprintf("is over the %d-byte limit", instanceLimits.MaxBytes)}
	}
	var list []Instance
	err := ScanTable(data, instanceTableHeader, "instances", instanceLimits.MaxItems, func(line int, f []string, sources map[string]Source) error {
		bad := func(field, value, reason string) error {
			return &FieldError{Line: line, Field: field, Value: input.Short(value), Reason: reason}
		}
		if len(f) != 14 {
			return bad("row", strings.Join(f, ","), "does not have the header's 14 fields")
		}
		in := Instance{Type: f[0]}
		if in.Type == "" {
			return bad("type", "", "is missing")
		}
		path := "instances[" + in.Type + "]"
		// group reads figures that share one source key: with an empty
		// key every figure is empty (no source has them); with a key the
		// figures not marked optional are present.
		group := func(keyCol, key string, fields, names []string, hi int64, optional ...bool) ([]int64, *Source, error) {
			out := make([]int64, len(fields))
			if key == "" {
				for i, v := range fields {
					if v != "" {
						return nil, nil, bad(path+"."+names[i], v, "has no source key")
					}
				}
				return out, nil, nil
			}
			src, ok := sources[key]
			if !ok {
				return nil, nil, bad(path+"."+keyCol, key, "is not an @source key defined above it")
			}
			for i, v := range fields {
				if v == "" {
					if i < len(optional) && optional[i] {
						continue
					}
					return nil, nil, bad(path+"."+names[i], "", "is missing")
				}
				n, err := strconv.ParseInt(v, 10, 64)
				if err != nil || n < 1 || n > hi {
					return nil, nil, bad(path+"."+names[i], v, fmt.Sprintf("is not within [1, %d]", hi))
				}
				out[i] = n
			}
			return out, &src, nil
		}
		switch f[1] {
		case "current":
		case "previous":
			in.PreviousGeneration = true
		default:
			return bad(path+".generation", f[1], "is not current or previous")
		}
		shape, src, err := group("shape_source", f[5], f[2:4], []string{"vcpu", "memory_mib"}, maxInstanceMemory)
		if err != nil {
			return err
		}
		if src == nil {
			return bad(path+".vcpu", "", "is missing")
		}
		if shape[0] > maxInstanceVCPU {
			return bad(path+".vcpu", f[2], fmt.Sprintf("is not within [1, %d]", maxInstanceVCPU))
		}
		in.Shape = Shape{VCPU: shape[0], MemoryMiB: shape[1], Source: *src}
		switch f[4] {
		case string(X86_64):
			in.Shape.Arch = X86_64
		case string(ARM64):
			in.Shape.Arch = ARM64
		default:
			return bad(path+".arch", f[4], "is not x86_64 or arm64")
		}
		nw, src, err := group("network_source", f[8], f[6:8], []string{"enis", "ipv4_per_eni"}, maxNetworkFigure)
		if err != nil {
			return err
		}
		if src != nil {
			in.Network = &Network{ENIs: nw[0], IPv4PerENI: nw[1], Source: *src}
		}
		pods, src, err := group("max_pods_source", f[10], f[9:10], []string{"eks_max_pods"}, maxCountFigure)
		if err != nil {
			return err
		}
		if src != nil {
			in.EKSMaxPods = &Count{Value: pods[0], Source: *src}
		}
		ecs, src, err := group("ecs_source", f[13], f[11:13], []string{"ecs_tasks", "ecs_trunk_tasks"}, maxCountFigure, false, true)
		if err != nil {
			return err
		}
		if src != nil {
			in.ECSTasks = &Count{Value: ecs[0], Source: *src}
			if ecs[1] > 0 {
				in.ECSTrunkTasks = &Count{Value: ecs[1], Source: *src}
			}
		}
		if n := len(list); n > 0 && list[n-1].Type >= in.Type {
			return bad(path, in.Type, "is out of order or appears twice (rows are sorted by type)")
		}
		list = append(list, in)
		return nil
	})
	if err != nil {
		return Instances{}, err
	}
	if len(list) == 0 {
		return Instances{}, &FieldError{Field: "instances", Reason: "is empty"}
	}
	return newInstances(list), nil
}
