package capacity_test

import (
	"encoding/json"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/runwhere/runwhere/capacity"
	"github.com/runwhere/runwhere/platform"
)

// What Lookup and NodeFor return is the caller's: changing it, through
// its pointers too, leaves the catalogue every other caller reads as it was.
func TestLookupReturnsACopy(t *testing.T) {
	tests := []struct {
		name string
		get  func(t *testing.T) capacity.Instance
	}{
		{"Lookup", func(t *testing.T) capacity.Instance {
			in, ok := instances(t).Lookup("c5.large")
			require.True(t, ok)
			return in
		}},
		{"NodeFor", func(t *testing.T) capacity.Instance {
			n, err := capacity.NodeFor(platform.ReserveEKS, instances(t), "c5.large", capacity.NodeOptions{})
			require.NoError(t, err)
			return n.Instance
		}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			// JSON, not the Instance: it would share what it points to.
			want := instanceJSON(t, tc.get(t))
			mine := tc.get(t)
			require.NotNil(t, mine.Network)
			require.NotNil(t, mine.EKSMaxPods)
			require.NotNil(t, mine.ECSTrunkTasks)
			mine.Network.ENIs++
			mine.EKSMaxPods.Value++
			mine.ECSTrunkTasks.Value++
			assert.Equal(t, want, instanceJSON(t, tc.get(t)), "%s after a caller changed what it returned", tc.name)
		})
	}
}

func instanceJSON(t *testing.T, in capacity.Instance) string {
	t.Helper()
	js, err := json.Marshal(in)
	require.NoError(t, err)
	return string(js)
}

func TestDefaultTargetUtilization(t *testing.T) {
	assert.Equal(t, "0.7", capacity.DefaultTargetUtilization().String(), "DefaultTargetUtilization()")
}
