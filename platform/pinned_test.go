package platform_test

import (
	"fmt"
	"reflect"
	"strconv"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/runwhere/runwhere/platform"
)

// The instance table's figures, written down from the files staged in the
// project's shared data (shared/data/aws, MANIFEST.md §2.1-2.3 and §2.6),
// not read back from the table: file and line (header = line 1).
//
//   - ec2-specs.csv: karpenter v1.14.0's instance-types reference, from
//     DescribeInstanceTypes: instance_type,vcpu,memory_mib,arch.
//   - ec2-network.csv: karpenter's copy of the VPC resource controller's
//     limits (generated 2026-08-06): max_enis, ipv4_per_eni, ...
//   - eks-max-pods.txt: amazon-vpc-cni-k8s misc/eni-max-pods.txt.
//   - ecs-eni-trunking.csv: the ECS guide's "Supported Amazon EC2 instance
//     types" table (2023-04): tasks without and with trunking.
//
// These moved here from cost's pinned test when the shapes left cost.
type shapePin struct {
	typ                   string
	vcpu, memMiB          int64
	arch                  platform.Arch
	specLine              int
	enis, ipv4, netLine   int64 // 0: no network figures in the table
	maxPods, podsLine     int64 // 0: no published max pods in the table
	trunkTasks, trunkLine int64 // 0: no trunking figure in the table
}

var pinnedInstances = []shapePin{
	{"c5.large", 2, 4096, platform.X86_64, 26, 3, 10, 26, 29, 68, 10, 131},
	{"c6i.large", 2, 4096, platform.X86_64, 105, 3, 10, 105, 29, 149, 0, 0},
	{"c7g.large", 2, 4096, platform.ARM64, 145, 3, 10, 151, 29, 189, 0, 0},
	{"m4.large", 2, 8192, platform.X86_64, 538, 2, 10, 551, 20, 589, 0, 0},
	{"m5.2xlarge", 8, 32768, platform.X86_64, 543, 4, 15, 556, 58, 594, 0, 0},
	{"m5.large", 2, 8192, platform.X86_64, 546, 3, 10, 559, 29, 597, 0, 0},
	{"m5.xlarge", 4, 16384, platform.X86_64, 548, 4, 15, 561, 58, 599, 0, 0},
	{"m6g.large", 2, 8192, platform.ARM64, 615, 3, 10, 628, 29, 666, 0, 0},
	{"m6i.large", 2, 8192, platform.X86_64, 635, 3, 10, 648, 29, 686, 0, 0},
	// m7g.large: the table keeps only the published max pods (its ENI
	// figures, ec2-network.csv line 704: 3 x 10, were not in the sources
	// read when the row was written).
	{"m7g.large", 2, 8192, platform.ARM64, 685, 0, 0, 0, 29, 736, 0, 0},
	{"m7g.xlarge", 4, 16384, platform.ARM64, 688, 4, 15, 707, 58, 739, 0, 0},
	// m7i.large: no max-pods line in the table (eks-max-pods.txt line 763: 29).
	{"m7i.large", 2, 8192, platform.X86_64, 712, 3, 10, 731, 0, 0, 0, 0},
	{"r5.large", 2, 16384, platform.X86_64, 924, 3, 10, 963, 29, 987, 0, 0},
	{"r6i.large", 2, 16384, platform.X86_64, 1015, 3, 10, 1054, 29, 1078, 0, 0},
	{"t3.large", 2, 8192, platform.X86_64, 1253, 3, 12, 1292, 35, 1316, 0, 0},
	{"t3.medium", 2, 4096, platform.X86_64, 1254, 3, 6, 1293, 17, 1317, 0, 0},
	{"t3.micro", 2, 1024, platform.X86_64, 1255, 2, 2, 1294, 4, 1318, 0, 0},
	{"t3.small", 2, 2048, platform.X86_64, 1257, 3, 4, 1296, 11, 1320, 0, 0},
	{"t4g.medium", 2, 4096, platform.ARM64, 1268, 3, 6, 1307, 17, 1331, 0, 0},
}

// TestEveryInstanceFigureIsPinned fails on a type of the table that has
// no pin, on a pin the table lacks, and on any figure that differs from
// the staged source.
func TestEveryInstanceFigureIsPinned(t *testing.T) {
	inst := instances(t)
	pinned := map[string]bool{}
	for _, p := range pinnedInstances {
		pinned[p.typ] = true
		t.Run(p.typ, func(t *testing.T) {
			in, ok := inst.Lookup(p.typ)
			require.True(t, ok, "pinned type %s is not in the table", p.typ)
			spec := fmt.Sprintf("ec2-specs.csv line %d", p.specLine)
			assert.Equal(t, p.vcpu, in.Shape.VCPU, "%s vcpu (%s)", p.typ, spec)
			assert.Equal(t, p.memMiB, in.Shape.MemoryMiB, "%s memory_mib (%s)", p.typ, spec)
			assert.Equal(t, p.arch, in.Shape.Arch, "%s arch (%s)", p.typ, spec)
			if p.netLine == 0 {
				assert.Nil(t, in.Network, "%s network: not pinned", p.typ)
			} else if assert.NotNil(t, in.Network, "%s network (ec2-network.csv line %d)", p.typ, p.netLine) {
				assert.Equal(t, p.enis, in.Network.ENIs, "%s enis (ec2-network.csv line %d)", p.typ, p.netLine)
				assert.Equal(t, p.ipv4, in.Network.IPv4PerENI, "%s ipv4_per_eni (ec2-network.csv line %d)", p.typ, p.netLine)
			}
			checkCount(t, p.typ+" eks_max_pods", in.EKSMaxPods, p.maxPods, "eks-max-pods.txt line "+strconv.FormatInt(p.podsLine, 10))
			checkCount(t, p.typ+" ecs_trunk_tasks", in.ECSTrunkTasks, p.trunkTasks, "ecs-eni-trunking.csv line "+strconv.FormatInt(p.trunkLine, 10))
		})
	}
	for _, typ := range inst.Types() {
		assert.True(t, pinned[typ], "%s is in the instance table and has no pin; add one from its source", typ)
	}
}

func checkCount(t *testing.T, name string, got *platform.Count, want int64, src string) {
	t.Helper()
	if want == 0 {
		assert.Nil(t, got, "%s: not pinned", name)
		return
	}
	if assert.NotNil(t, got, "%s (%s)", name, src) {
		assert.Equal(t, want, got.Value, "%s (%s)", name, src)
	}
}

// The pin table covers every field of an Instance: a field added later
// fails here until it is pinned too.
func TestInstancePinsCoverEveryField(t *testing.T) {
	var fields []string
	var walk func(t reflect.Type, path string)
	walk = func(t reflect.Type, path string) {
		for t.Kind() == reflect.Pointer {
			t = t.Elem()
		}
		if t.Kind() != reflect.Struct || t == reflect.TypeFor[platform.Source]() {
			fields = append(fields, path)
			return
		}
		for i := range t.NumField() {
			f := t.Field(i)
			if f.Type == reflect.TypeFor[platform.Source]() {
				continue // sources are checked by the parser
			}
			walk(f.Type, path+"."+f.Name)
		}
	}
	walk(reflect.TypeFor[platform.Instance](), "Instance")
	assert.Equal(t, []string{
		"Instance.Type", "Instance.Shape.VCPU", "Instance.Shape.MemoryMiB", "Instance.Shape.Arch",
		"Instance.Network.ENIs", "Instance.Network.IPv4PerENI", "Instance.EKSMaxPods.Value", "Instance.ECSTrunkTasks.Value",
	}, fields)
}
