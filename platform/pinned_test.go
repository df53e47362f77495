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
	typ                 string
	vcpu, memMiB        int64
	arch                platform.Arch
	specLine            int
	enis, ipv4, netLine int64 // 0: no network figures in the table
	maxPods, podsLine   int64 // 0: no published max pods in the table
	ecsTasks, ecsTrunk  int64 // 0: no ECS figure (without, with trunking) in the table
	ecsLine             int64
	previous            bool // a previous-generation family (MANIFEST.md §5)
}

var pinnedInstances = []shapePin{
	{"c5.large", 2, 4096, platform.X86_64, 26, 3, 10, 26, 29, 68, 2, 10, 131, false},
	{"c6i.large", 2, 4096, platform.X86_64, 105, 3, 10, 105, 29, 149, 2, 10, 199, false},
	{"c6i.xlarge", 4, 8192, platform.X86_64, 107, 4, 15, 107, 58, 151, 3, 20, 200, false},
	{"c7g.large", 2, 4096, platform.ARM64, 145, 3, 10, 151, 29, 189, 2, 10, 230, false},
	// i4i.large: the guide's with-trunking figure is -2; dropped, not guessed.
	{"i4i.large", 2, 16384, platform.X86_64, 456, 3, 10, 469, 29, 507, 2, 0, 382, false},
	// i7ie.48xlarge: eks-max-pods.txt follows the two-card layout (394),
	// which the network copy does not (one card of 15 ENIs: 737).
	{"i7ie.48xlarge", 192, 1572864, platform.X86_64, 475, 15, 50, 488, 394, 526, 0, 0, 0, false},
	{"m4.large", 2, 8192, platform.X86_64, 538, 2, 10, 551, 20, 589, 0, 0, 0, true},
	{"m5.2xlarge", 8, 32768, platform.X86_64, 543, 4, 15, 556, 58, 594, 3, 40, 9, false},
	{"m5.large", 2, 8192, platform.X86_64, 546, 3, 10, 559, 29, 597, 2, 10, 7, false},
	{"m5.xlarge", 4, 16384, platform.X86_64, 548, 4, 15, 561, 58, 599, 3, 20, 8, false},
	// m5n: the guide's text says the family does not trunk; its table
	// gives 10. The text wins: no trunking figure.
	{"m5n.large", 2, 8192, platform.X86_64, 589, 3, 10, 602, 29, 640, 2, 0, 40, false},
	{"m6g.large", 2, 8192, platform.ARM64, 615, 3, 10, 628, 29, 666, 2, 10, 64, false},
	{"m6i.large", 2, 8192, platform.X86_64, 635, 3, 10, 648, 29, 686, 2, 10, 81, false},
	{"m7g.large", 2, 8192, platform.ARM64, 685, 3, 10, 704, 29, 736, 2, 10, 122, false},
	{"m7g.xlarge", 4, 16384, platform.ARM64, 688, 4, 15, 707, 58, 739, 3, 20, 123, false},
	// m7i: newer than the ECS guide's table (April 2023).
	{"m7i.2xlarge", 8, 32768, platform.X86_64, 708, 4, 15, 727, 58, 759, 0, 0, 0, false},
	{"m7i.large", 2, 8192, platform.X86_64, 712, 3, 10, 731, 29, 763, 0, 0, 0, false},
	{"r5.large", 2, 16384, platform.X86_64, 924, 3, 10, 963, 29, 987, 2, 10, 240, false},
	{"r6i.large", 2, 16384, platform.X86_64, 1015, 3, 10, 1054, 29, 1078, 2, 10, 302, false},
	// r6idn.32xlarge: two cards; the ENIs are the default card's 8 (of
	// 16), the max-pods formula's input; the ECS guide counts both (13).
	{"r6idn.32xlarge", 128, 1048576, platform.X86_64, 1032, 8, 50, 1071, 394, 1095, 13, 120, 320, false},
	{"r7g.large", 2, 16384, platform.ARM64, 1065, 3, 10, 1104, 29, 1128, 2, 10, 343, false},
	{"t3.large", 2, 8192, platform.X86_64, 1253, 3, 12, 1292, 35, 1316, 0, 0, 0, false},
	{"t3.medium", 2, 4096, platform.X86_64, 1254, 3, 6, 1293, 17, 1317, 0, 0, 0, false},
	{"t3.micro", 2, 1024, platform.X86_64, 1255, 2, 2, 1294, 4, 1318, 0, 0, 0, false},
	{"t3.small", 2, 2048, platform.X86_64, 1257, 3, 4, 1296, 11, 1320, 0, 0, 0, false},
	{"t4g.medium", 2, 4096, platform.ARM64, 1268, 3, 6, 1307, 17, 1331, 0, 0, 0, false},
	// u-6tb1.56xlarge: with trunking (12) below without (14), and a
	// family the guide's text excludes: no trunking figure.
	{"u-6tb1.56xlarge", 224, 6291456, platform.X86_64, 1279, 15, 50, 1317, 737, 1346, 14, 0, 352, false},
}

// TestEveryInstanceFigureIsPinned fails on a pin the table lacks and on
// any pinned figure that differs from the staged source. The pins are a
// sample: the usual types, the ones the issues name and one of each
// caveat the generator handles; that every other row is what the sources
// say is internal/catalogue's drift test.
func TestEveryInstanceFigureIsPinned(t *testing.T) {
	inst := instances(t)
	for _, p := range pinnedInstances {
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
			ecs := "ecs-eni-trunking.csv line " + strconv.FormatInt(p.ecsLine, 10)
			checkCount(t, p.typ+" ecs_tasks", in.ECSTasks, p.ecsTasks, ecs)
			checkCount(t, p.typ+" ecs_trunk_tasks", in.ECSTrunkTasks, p.ecsTrunk, ecs)
			assert.Equal(t, p.previous, in.PreviousGeneration, "%s previous generation", p.typ)
		})
	}
	assert.Greater(t, len(inst.Types()), 1300, "the generated table holds every type with a shape in ec2-specs.csv")
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
		"Instance.Network.ENIs", "Instance.Network.IPv4PerENI", "Instance.EKSMaxPods.Value", "Instance.ECSTasks.Value", "Instance.ECSTrunkTasks.Value", "Instance.PreviousGeneration",
	}, fields)
}
