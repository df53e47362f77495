package capacity_test

import (
	"encoding/json"
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
