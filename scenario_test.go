package runwhere_test

import (
	"strings"
	"testing"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/runwhere/runwhere"
	"github.com/runwhere/runwhere/platform"
)

const ordersAPI = `
name: orders-api
snapshot: "2026-11"
region: us-east-1
platforms: [lambda, ecs-fargate, ecs-ec2, eks, kubernetes, swarm, nomad]
workload:
  requests_per_second: 40
  peak_requests_per_second: 400
  duration_ms: 120
  memory_mb: 512
  arch: x86_64
  max_duration_s: 30
  cpu_fraction: 1
lambda:
  free_tier: true
  ephemeral_storage_mb: 512
  provisioned_concurrency: 0
servers:
  instance_type: m5.large
  hourly_price: "0.096"
  count: 0
  target_utilization: 0.7
  zones: 3
  managers: 3
container:
  vcpu: 0.5
  memory_mb: 1024
ha:
  node_availability: 0.995
  zone_availability: 0.9999
`

// Every field of DESIGN.md's example scenario parses.
func TestParseScenarioDesignExample(t *testing.T) {
	s, err := runwhere.ParseScenario([]byte(ordersAPI))
	require.NoError(t, err)
	assert.Equal(t, "orders-api", s.Name)
	assert.Len(t, s.Platforms, 7)
	assert.Equal(t, "40", s.Workload.RequestsPerSecond.String())
	assert.Equal(t, "0.096", s.Servers.HourlyPrice.String())
	assert.Equal(t, int64(1024), *s.Container.MemoryMB)
	assert.InDelta(t, 0.9999, *s.HA.ZoneAvailability, 0)

	// The same scenario in JSON.
	j := `{"name":"orders-api","workload":{"requests_per_month":100000000,"duration_ms":120,"memory_mb":512},"servers":{"hourly_price":"0.096"}}`
	s, err = runwhere.ParseScenario([]byte(j))
	require.NoError(t, err)
	assert.Equal(t, "100000000", s.Workload.RequestsPerMonth.String())
}

func TestWithDefaults(t *testing.T) {
	s, err := runwhere.ParseScenario([]byte("workload: {requests_per_month: 2628000, duration_ms: 200, memory_mb: 256}"))
	require.NoError(t, err)
	d, err := s.WithDefaults()
	require.NoError(t, err)
	assert.Equal(t, "2026-11", d.Snapshot)
	assert.Equal(t, "us-east-1", d.Region)
	assert.Equal(t, platform.IDs(), d.Platforms, "every platform of the snapshot, in the catalogue's order")
	assert.Equal(t, "1", d.Workload.RequestsPerSecond.String(), "2,628,000 a month over 730 h")
	assert.Equal(t, "1", d.Workload.PeakRequestsPerSecond.String(), "peak defaults to the mean")
	assert.Equal(t, "0.2", d.Workload.MaxDurationS.String(), "max duration defaults to the mean")
	assert.Equal(t, "m5.large", d.Servers.InstanceType)
	assert.Equal(t, int64(1024), *d.Container.MemoryMB)
	assert.False(t, *d.Lambda.FreeTier)

	old, err := runwhere.Scenario{Snapshot: "2017-12", Workload: s.Workload}.WithDefaults()
	require.NoError(t, err)
	assert.Equal(t, "m4.large", old.Servers.InstanceType)
	assert.Len(t, old.Platforms, 6, "no EKS in 2017-12")
}

func TestParseScenarioRejects(t *testing.T) {
	base := "workload: {requests_per_second: 10, duration_ms: 100, memory_mb: 128}\n"
	tests := []struct {
		name string
		yaml string
		want []string
	}{
		{"unknown top-level field", base + "colour: red\n", []string{"line 2", "colour", "is not a known field"}},
		{"unknown nested field", "workload: {requests_per_second: 10, duration_ms: 100, memory_mb: 128, memroy: 5}\n", []string{"memroy"}},
		{"negative memory", "workload: {requests_per_second: 10, duration_ms: 100, memory_mb: -5}\n", []string{"workload.memory_mb: -5 is negative", "line 1"}},
		{"negative rate", "workload: {requests_per_second: -1, duration_ms: 100, memory_mb: 128}\n", []string{"workload.requests_per_second: -1 is negative"}},
		{"both rates", "workload: {requests_per_second: 10, requests_per_month: 5, duration_ms: 100, memory_mb: 128}\n", []string{"workload.requests_per_month: 5 contradicts workload.requests_per_second 10"}},
		{"no rate", "workload: {duration_ms: 100, memory_mb: 128}\n", []string{"workload.requests_per_second", "missing"}},
		{"no duration", "workload: {requests_per_second: 1, memory_mb: 128}\n", []string{"workload.duration_ms", "missing"}},
		{"no memory", "workload: {requests_per_second: 1, duration_ms: 100}\n", []string{"workload.memory_mb", "missing"}},
		{"infinite rate", "workload: {requests_per_second: .inf, duration_ms: 100, memory_mb: 128}\n", []string{"workload.requests_per_second: .inf is not a finite decimal number"}},
		{"NaN duration", "workload: {requests_per_second: 1, duration_ms: .nan, memory_mb: 128}\n", []string{"workload.duration_ms: .nan is not a finite decimal number"}},
		{"NaN probability", base + "ha: {node_availability: .nan}\n", []string{"ha.node_availability", ".nan", "is not a finite decimal number"}},
		{"probability above one", base + "ha: {zone_availability: 1.5}\n", []string{"ha.zone_availability: 1.5"}},
		{"unknown platform", base + "platforms: [lambda, openshift]\n", []string{"platforms", "openshift"}},
		{"duplicate platform", base + "platforms: [lambda, lambda]\n", []string{"platforms[1]: lambda is listed twice"}},
		{"unknown arch", "workload: {requests_per_second: 1, duration_ms: 100, memory_mb: 128, arch: sparc}\n", []string{"workload.arch: sparc"}},
		{"max shorter than mean", "workload: {requests_per_second: 10, duration_ms: 2000, max_duration_s: 1, memory_mb: 128}\n", []string{"workload.max_duration_s: 1 is shorter"}},
		{"cpu fraction above one", "workload: {requests_per_second: 10, duration_ms: 100, memory_mb: 128, cpu_fraction: 2}\n", []string{"workload.cpu_fraction: 2 is above 1"}},
		{"zero zones", base + "servers: {zones: 0}\n", []string{"servers.zones: 0 must be at least 1"}},
		{"negative count", base + "servers: {count: -3}\n", []string{"servers.count: -3 is negative"}},
		{"free tier with provisioned concurrency", base + "lambda: {free_tier: true, provisioned_concurrency: 5}\n", []string{"lambda.free_tier", "provisioned_concurrency 5"}},
		{"wrong type", base + "servers: {zones: three}\n", []string{"servers.zones: three is not a whole number", "line 2"}},
		{"fraction in a whole-number field", "workload: {requests_per_second: 1, duration_ms: 100, memory_mb: 1.5}\n", []string{"workload.memory_mb: 1.5 is not a whole number"}},
		{"fractional managers", base + "servers: {managers: 3.9}\n", []string{"servers.managers: 3.9 is not a whole number"}},
		{"decimal that is not a number", "workload: {requests_per_second: abc, duration_ms: 100, memory_mb: 128}\n", []string{"workload.requests_per_second: abc is not a finite decimal number", "line 1"}},
		{"absurd rate", "workload: {requests_per_second: 1e22, duration_ms: 100, memory_mb: 128}\n", []string{"workload.requests_per_second", "beyond any workload"}},
		{"zero node availability", base + "ha: {node_availability: 0}\n", []string{"ha.node_availability: 0 is not a probability"}},
		{"unknown network mode", base + "servers: {ecs_network_mode: overlay}\n", []string{"servers.ecs_network_mode: overlay"}},
		{"too many zones", base + "servers: {zones: 27}\n", []string{"servers.zones: 27 is more than 26"}},
		{"all weights zero", base + "weights: {cost: 0, headroom: 0, resilience: 0, operations: 0, portability: 0}\n", []string{"weights", "zero"}},
		{"two documents", base + "---\n" + base, []string{"more than one YAML document"}},
		{"empty", "", []string{"empty scenario"}},
		{"not yaml", "workload: [", []string{"runwhere: "}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := runwhere.ParseScenario([]byte(tc.yaml))
			require.Error(t, err)
			assert.True(t, strings.HasPrefix(err.Error(), "runwhere: "), "error %q lacks the package prefix", err)
			for _, w := range tc.want {
				assert.Contains(t, err.Error(), w)
			}
		})
	}
}

func TestWithDefaultsRejects(t *testing.T) {
	tests := []struct {
		name string
		yaml string
		want string
	}{
		{"unknown snapshot", "snapshot: \"1999-01\"\nworkload: {requests_per_second: 1, duration_ms: 100, memory_mb: 128}", `snapshot: 1999-01 is not an embedded snapshot`},
		{"platform not in snapshot", "snapshot: \"2017-12\"\nplatforms: [eks]\nworkload: {requests_per_second: 1, duration_ms: 100, memory_mb: 128}", "platforms[0]: eks is not in snapshot 2017-12"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			s, err := runwhere.ParseScenario([]byte(tc.yaml))
			require.NoError(t, err)
			_, err = s.WithDefaults()
			require.Error(t, err)
			assert.Contains(t, err.Error(), tc.want)
		})
	}
}

func mustDec(s string) decimal.Decimal { return decimal.RequireFromString(s) }

// A peak below the mean follows the mean, and the report says so first,
// with the numbers as the scenario gave them: a person who raises the mean
// before the peak (100 → 1000 requests/s with a peak of 300) is not stopped
// by an error under another field.
func TestPeakBelowMeanFollowsTheMean(t *testing.T) {
	for _, tc := range []struct {
		name, yaml, note string
	}{
		{"per second", "workload: {requests_per_second: 1000, peak_requests_per_second: 300, duration_ms: 60, memory_mb: 128}\n",
			"The peak of 300 requests/s given is below the mean of 1000, so the mean is used as the peak (workload.peak_requests_per_second)."},
		{"per month", "workload: {requests_per_month: 2628000000, peak_requests_per_second: 300.5, duration_ms: 60, memory_mb: 128}\n",
			"The peak of 300.5 requests/s given is below the mean of 1000, so the mean is used as the peak (workload.peak_requests_per_second)."},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s, err := runwhere.ParseScenario([]byte(tc.yaml))
			require.NoError(t, err)
			r, err := runwhere.Evaluate(s)
			require.NoError(t, err)
			peak := *r.Inputs.Workload.PeakRequestsPerSecond
			assert.True(t, peak.Equal(decimal.NewFromInt(1000)), "peak = %s, want the mean 1000", peak)
			require.NotEmpty(t, r.Recommendation.Reasons)
			assert.Equal(t, tc.note, r.Recommendation.Reasons[0])
		})
	}
	// A peak at or above the mean is the scenario's, with no note.
	s, err := runwhere.ParseScenario([]byte("workload: {requests_per_second: 100, peak_requests_per_second: 300, duration_ms: 60, memory_mb: 128}\n"))
	require.NoError(t, err)
	r, err := runwhere.Evaluate(s)
	require.NoError(t, err)
	assert.NotContains(t, r.Recommendation.Reasons[0], "is below the mean")
}

// Issue 15, item 7: the cheapest alternative and the second by score are
// named apart. On bursty-api Lambda is cheapest ($76.21) and first; ECS on
// Fargate ($2,448.29) is the next cheapest, while EKS on Fargate
// ($2,962.15) ranks second — the old "runner-up" read as the next
// cheapest. (Until issue 23 this was arm64-service, where Fargate's vCPU
// quota zeroed its headroom and pushed it down the ranking; quotas no
// longer decide, and there the next cheapest also ranks second.)
func TestReasonsNameNextCheapestAndSecond(t *testing.T) {
	var yaml string
	for _, p := range runwhere.Presets() {
		if p.Name == "bursty-api" {
			yaml = p.YAML
		}
	}
	require.NotEmpty(t, yaml)
	s, err := runwhere.ParseScenario([]byte(yaml))
	require.NoError(t, err)
	r, err := runwhere.Evaluate(s)
	require.NoError(t, err)
	require.Greater(t, len(r.Recommendation.Reasons), 1)
	// EKS on Fargate runs Kubernetes (portability 1 against ECS's 0):
	// 0.5347 against 0.4974 under the default weights.
	assert.Contains(t, r.Recommendation.Reasons[1], "the least of the feasible platforms; the next cheapest is Amazon ECS on Fargate at $2,448.29, and Amazon EKS on Fargate ($2,962.15) ranks second.")
}
