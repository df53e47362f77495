package capacity_test

import (
	"encoding/json"
	"fmt"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/runwhere/runwhere/capacity"
	"github.com/runwhere/runwhere/platform"
)

func TestFindingJSON(t *testing.T) {
	s, err := capacity.SizeLambda(snapshotPlatform(t, "2026-11", platform.Lambda),
		capacity.Workload{RequestsPerSecond: dec("1"), DurationMS: dec("1"), MaxDurationS: 901}, capacity.Function{})
	require.NoError(t, err)
	require.Len(t, s.Findings, 1)
	b, err := json.Marshal(s.Findings[0])
	require.NoError(t, err)
	assert.JSONEq(t, `{"code":"max-duration","message":"the longest job 901 s exceeds the hard limit of 900 s",
		"limit":"900","value":"901","unit":"s",
		"source":"https://docs.aws.amazon.com/lambda/latest/dg/gettingstarted-limits.html",
		"severity":"blocker","enforcement":"hard"}`, string(b))
}

// An adjustable quota past its default is a warning that says what to ask
// AWS for: the quota by name and code, and the value the load needs.
func TestQuotaFindingSaysHowToRaiseIt(t *testing.T) {
	asOf, err := platform.ParseDate("2026-12-07")
	require.NoError(t, err)
	src := platform.Source{URL: "https://example.com/quotas", AsOf: asOf}
	tests := []struct {
		name    string
		limit   platform.Limit
		value   int64
		message string
		sev     capacity.Severity
	}{
		{
			name:    "named quota",
			limit:   platform.Limit{Value: 6, Unit: "vCPU", Enforcement: platform.Quota, QuotaName: "Fargate On-Demand vCPU resource count", QuotaCode: "L-3032A538", Source: src},
			value:   15,
			message: `Fargate vCPUs 15 vCPU exceeds the adjustable quota of 6 vCPU: request an increase of "Fargate On-Demand vCPU resource count" (L-3032A538) to at least 15 vCPU in the Service Quotas console`,
			sev:     capacity.Warning,
		},
		{
			name:    "quota without a code",
			limit:   platform.Limit{Value: 20, Unit: "tasks", Enforcement: platform.Quota, Source: src},
			value:   35,
			message: "Fargate vCPUs 35 tasks exceeds the adjustable quota of 20 tasks: request an increase to at least 35 tasks from AWS",
			sev:     capacity.Warning,
		},
		{
			name:    "hard limit",
			limit:   platform.Limit{Value: 6, Unit: "vCPU", Enforcement: platform.Hard, Source: src},
			value:   7,
			message: "Fargate vCPUs 7 vCPU exceeds the hard limit of 6 vCPU",
			sev:     capacity.Blocker,
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			f, ok := capacity.Over(capacity.MaxVCPUPerRegion, "Fargate vCPUs", &tc.limit, tc.value)
			require.True(t, ok, "Over(%d) past %d", tc.value, tc.limit.Value)
			assert.Equal(t, tc.message, f.Message)
			assert.Equal(t, tc.sev, f.Severity)
			assert.Equal(t, fmt.Sprint(tc.limit.Value), f.Limit, "limit")
			assert.Equal(t, fmt.Sprint(tc.value), f.Value, "value needed")
		})
	}
}
