package platform_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/runwhere/runwhere/internal/input/inputtest"
	"github.com/runwhere/runwhere/platform"
)

func TestEmbeddedInstances(t *testing.T) {
	inst := instances(t)
	want := []string{"t3.micro", "t3.small", "t3.medium", "t3.large", "t4g.medium", "m4.large", "m5.large", "m5.xlarge",
		"m5.2xlarge", "m6i.large", "m7i.large", "m6g.large", "m7g.large", "m7g.xlarge", "c5.large", "c6i.large", "c7g.large",
		"r5.large", "r6i.large"}
	for _, ty := range want {
		t.Run(ty, func(t *testing.T) {
			in, ok := inst.Lookup(ty)
			require.True(t, ok)
			pods, ok := in.ENIMaxPods()
			require.True(t, ok, "no max-pods figure")
			if in.Network != nil && in.EKSMaxPods != nil {
				assert.Equal(t, in.EKSMaxPods.Value, pods, "formula vs eni-max-pods.txt")
			}
		})
	}
}

func TestPublishedMaxPods(t *testing.T) {
	inst := instances(t)
	for _, tc := range []struct {
		ty   string
		want int64
	}{
		{"t3.medium", 17}, {"t3.small", 11}, {"t3.large", 35}, {"m4.large", 20}, {"m5.large", 29}, {"m5.xlarge", 58},
	} {
		t.Run(tc.ty, func(t *testing.T) {
			in, _ := inst.Lookup(tc.ty)
			got, ok := in.ENIMaxPods()
			require.True(t, ok)
			assert.Equal(t, tc.want, got, "ENIMaxPods(%s) = %d, want %d", tc.ty, got, tc.want)
		})
	}
}

func TestParseInstancesErrors(t *testing.T) {
	const good = `instances:
  - type: x.large
    shape: {vcpu: 2, memory_mib: 4096, arch: x86_64, source: "https://example.com/a", as_of: 2026-11-25}
`
	_, err := platform.ParseInstances("", []byte(good))
	require.NoError(t, err)
	for _, tc := range []struct{ name, yaml, want string }{
		{"unknown field", strings.Replace(good, "arch:", "colour: red, arch:", 1), "colour"},
		{"zero vcpu", strings.Replace(good, "vcpu: 2", "vcpu: 0", 1), "shape.vcpu"},
		{"bad arch", strings.Replace(good, "x86_64", "sparc", 1), "shape.arch"},
		{"no source", strings.Replace(good, `source: "https://example.com/a", `, "", 1), "shape.source"},
		{"relative source", strings.Replace(good, "https://example.com/a", "/a", 1), "shape.source"},
		{"no date", strings.Replace(good, ", as_of: 2026-11-25", "", 1), "shape.as_of"},
		{"duplicate", good + strings.TrimPrefix(good, "instances:\n"), "appears twice"},
		{"empty", "", "empty"},
		{"bad enis", strings.TrimRight(good, "\n") + "\n    network: {enis: 0, ipv4_per_eni: 4, source: \"https://e.com\", as_of: 2026-01-01}\n", "network.enis"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := platform.ParseInstances("", []byte(tc.yaml))
			require.Error(t, err)
			assert.True(t, strings.HasPrefix(err.Error(), "platform: "), err.Error())
			assert.Contains(t, err.Error(), tc.want)
		})
	}
}

func FuzzParseInstances(f *testing.F) {
	f.Add([]byte(`instances: [{type: a, shape: {vcpu: 1, memory_mib: 1, arch: arm64, source: "https://x.y", as_of: 2020-01-01}}]`))
	f.Add([]byte("instances:\n  - type: t\n    network: {enis: -1}\n"))
	f.Add([]byte("{"))
	f.Fuzz(func(t *testing.T, data []byte) {
		var inst platform.Instances
		var err error
		inputtest.Timed(t, "ParseInstances", data, func() { inst, err = platform.ParseInstances("", data) })
		if err != nil {
			if !strings.HasPrefix(err.Error(), "platform: ") {
				t.Fatalf("error without prefix: %v", err)
			}
			return
		}
		for _, ty := range inst.Types() {
			in, ok := inst.Lookup(ty)
			if !ok || in.Shape.VCPU <= 0 || in.Shape.MemoryMiB <= 0 {
				t.Fatalf("accepted bad instance %+v", in)
			}
			if p, ok := in.ENIMaxPods(); ok && p < 1 {
				t.Fatalf("max pods %d", p)
			}
		}
	})
}

// Each number of an instance entry at the ends of its accepted range and
// one past them. The bounds are sanity bounds far above any instance AWS
// sells (instances.go), chosen so that ENIs × addresses and pods × nodes
// stay inside int64; the edges are where an off-by-one would let a zero
// through (a division by zero vCPU or memory) or refuse a valid entry.
func TestInstanceFigureRanges(t *testing.T) {
	const entry = `instances:
  - type: x.test
    shape: {vcpu: %s, memory_mib: %s, arch: arm64, source: "https://example.com/s", as_of: 2026-11-25}
    network: {enis: %s, ipv4_per_eni: %s, source: "https://example.com/n", as_of: 2026-11-25}
    eks_max_pods: {value: %s, source: "https://example.com/p", as_of: 2026-11-25}
    ecs_trunk_tasks: {value: %s, source: "https://example.com/t", as_of: 2026-11-25}
`
	fields := []string{"shape.vcpu", "shape.memory_mib", "network.enis", "network.ipv4_per_eni", "eks_max_pods.value", "ecs_trunk_tasks.value"}
	ranges := [][2]string{{"1", "100000"}, {"1", "100000000"}, {"1", "1000"}, {"1", "1000"}, {"1", "1000000"}, {"1", "1000000"}}
	past := [][2]string{{"0", "100001"}, {"0", "100000001"}, {"0", "1001"}, {"0", "1001"}, {"0", "1000001"}, {"0", "1000001"}}
	valid := []string{"2", "4096", "3", "10", "29", "10"}
	doc := func(i int, v string) string {
		args := make([]any, len(valid))
		for k, d := range valid {
			args[k] = d
		}
		args[i] = v
		return fmt.Sprintf(entry, args...)
	}
	for i, f := range fields {
		for _, v := range ranges[i] {
			t.Run(f+"="+v, func(t *testing.T) {
				_, err := platform.ParseInstances("", []byte(doc(i, v)))
				assert.NoError(t, err, "ParseInstances(%s: %s)", f, v)
			})
		}
		for _, v := range past[i] {
			t.Run(f+"="+v, func(t *testing.T) {
				_, err := platform.ParseInstances("", []byte(doc(i, v)))
				want := fmt.Sprintf("%s: %s is not within [1, %s]", f, v, ranges[i][1])
				require.Error(t, err, "ParseInstances(%s: %s) accepted", f, v)
				assert.Contains(t, err.Error(), want)
			})
		}
	}
}

// The network figures and published counts cite their sources like the
// shape does.
func TestInstanceSourcesRequired(t *testing.T) {
	const good = `instances:
  - type: x.test
    shape: {vcpu: 2, memory_mib: 4096, arch: x86_64, source: "https://example.com/s", as_of: 2026-11-25}
    network: {enis: 3, ipv4_per_eni: 10, source: "https://example.com/n", as_of: 2026-11-25}
    eks_max_pods: {value: 29, source: "https://example.com/p", as_of: 2026-11-25}
    ecs_trunk_tasks: {value: 10, source: "https://example.com/t", as_of: 2026-11-25}
`
	_, err := platform.ParseInstances("", []byte(good))
	require.NoError(t, err)
	for _, tc := range []struct{ name, from, to, want string }{
		{"network source", `source: "https://example.com/n", `, "", `platform: mine.yaml:4:14: instances[x.test].network.source: is missing`},
		{"network date", `"https://example.com/n", as_of: 2026-11-25`, `"https://example.com/n"`, `platform: mine.yaml:4:14: instances[x.test].network.as_of: is missing`},
		{"max pods source", `source: "https://example.com/p", `, "", `platform: mine.yaml:5:19: instances[x.test].eks_max_pods.source: is missing`},
		{"trunk tasks date", `"https://example.com/t", as_of: 2026-11-25`, `"https://example.com/t"`, `platform: mine.yaml:6:22: instances[x.test].ecs_trunk_tasks.as_of: is missing`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := platform.ParseInstances("mine.yaml", []byte(strings.Replace(good, tc.from, tc.to, 1)))
			require.Error(t, err)
			assert.Equal(t, tc.want, err.Error())
		})
	}
}

func TestParseInstancesEmpty(t *testing.T) {
	for _, doc := range []string{"", "\n", "# nothing\n"} {
		_, err := platform.ParseInstances("", []byte(doc))
		require.Error(t, err, "ParseInstances(%q) accepted", doc)
		assert.Equal(t, "platform: input: empty instance table", err.Error(), "ParseInstances(%q)", doc)
	}
}

// The table is read up to 16 MiB (instanceLimits.MaxBytes): a document
// of exactly that size is read whole, one byte more is refused by size
// rather than cut short and parsed as if complete.
func TestParseInstancesSizeLimit(t *testing.T) {
	const maxBytes = 16 << 20
	const entry = `instances:
  - type: x.test
    shape: {vcpu: 2, memory_mib: 4096, arch: x86_64, source: "https://example.com/s", as_of: 2026-11-25}
`
	pad := func(n int) string {
		// A comment, so that a document cut anywhere would still parse.
		return entry + "#" + strings.Repeat("x", n-len(entry)-2) + "\n"
	}
	at := pad(maxBytes)
	require.Len(t, at, maxBytes)
	_, err := platform.ParseInstances("", []byte(at))
	require.NoError(t, err, "a document of exactly 16 MiB")
	_, err = platform.ParseInstances("", []byte(pad(maxBytes+1)))
	require.Error(t, err, "a document of 16 MiB + 1 byte")
	assert.Contains(t, err.Error(), "at most 16777216 are read")
}

func instances(t testing.TB) platform.Instances {
	t.Helper()
	inst, err := platform.EmbeddedInstances()
	require.NoError(t, err)
	return inst
}
