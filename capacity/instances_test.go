package capacity_test

import (
	"bytes"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/runwhere/runwhere/capacity"
	"github.com/runwhere/runwhere/internal/input/inputtest"
)

func TestEmbeddedInstances(t *testing.T) {
	inst := instances(t)
	want := []string{"t3.small", "t3.medium", "t3.large", "t4g.medium", "m4.large", "m5.large", "m5.xlarge",
		"m5.2xlarge", "m6i.large", "m7i.large", "m6g.large", "m7g.large", "c5.large", "c6i.large", "c7g.large",
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
	_, err := capacity.ParseInstances(strings.NewReader(good))
	require.NoError(t, err)
	for _, tc := range []struct{ name, yaml, want string }{
		{"unknown field", strings.Replace(good, "arch:", "colour: red, arch:", 1), "colour"},
		{"zero vcpu", strings.Replace(good, "vcpu: 2", "vcpu: 0", 1), "shape.vcpu"},
		{"bad arch", strings.Replace(good, "x86_64", "sparc", 1), "shape.arch"},
		{"no source", strings.Replace(good, `source: "https://example.com/a", `, "", 1), "shape.source"},
		{"relative source", strings.Replace(good, "https://example.com/a", "/a", 1), "shape.source"},
		{"no date", strings.Replace(good, ", as_of: 2026-11-25", "", 1), "shape.as_of"},
		{"duplicate", good + strings.TrimPrefix(good, "instances:\n"), "duplicate"},
		{"empty", "", "empty"},
		{"bad enis", strings.TrimRight(good, "\n") + "\n    network: {enis: 0, ipv4_per_eni: 4, source: \"https://e.com\", as_of: 2026-01-01}\n", "network.enis"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := capacity.ParseInstances(strings.NewReader(tc.yaml))
			require.Error(t, err)
			assert.True(t, strings.HasPrefix(err.Error(), "capacity: "), err.Error())
			assert.Contains(t, err.Error(), tc.want)
		})
	}
}

func FuzzParseInstances(f *testing.F) {
	f.Add([]byte(`instances: [{type: a, shape: {vcpu: 1, memory_mib: 1, arch: arm64, source: "https://x.y", as_of: 2020-01-01}}]`))
	f.Add([]byte("instances:\n  - type: t\n    network: {enis: -1}\n"))
	f.Add([]byte("{"))
	f.Fuzz(func(t *testing.T, data []byte) {
		var inst capacity.Instances
		var err error
		inputtest.Timed(t, "ParseInstances", data, func() { inst, err = capacity.ParseInstances(bytes.NewReader(data)) })
		if err != nil {
			if !strings.HasPrefix(err.Error(), "capacity: ") {
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
