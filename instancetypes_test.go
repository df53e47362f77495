package runwhere_test

import (
	"errors"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/runwhere/runwhere"
	"github.com/runwhere/runwhere/platform"
)

// TestInstanceTypes: the types the issue names are offered in us-east-1
// and eu-west-1 at the source rows' prices (ec2-ondemand-us-east-1.csv for
// us-east-1; ec2-transformed.json, eu-west-1 records, for Ireland).
func TestInstanceTypes(t *testing.T) {
	want := map[string]map[string]string{
		"us-east-1": {"m7g.large": "0.0816", "c6i.xlarge": "0.17", "r7g.large": "0.1071", "m7i.2xlarge": "0.4032", "t4g.medium": "0.0336"},
		"eu-west-1": {"m7g.large": "0.091", "c6i.xlarge": "0.1824", "r7g.large": "0.1199", "m7i.2xlarge": "0.4494", "t4g.medium": "0.0368"},
	}
	for region, prices := range want {
		list, err := runwhere.InstanceTypes("", region)
		require.NoError(t, err)
		assert.Greater(t, len(list), 1300, region)
		byType := map[string]runwhere.InstanceType{}
		for _, it := range list {
			byType[it.Type] = it
		}
		for typ, price := range prices {
			it, ok := byType[typ]
			require.True(t, ok, "%s in %s", typ, region)
			require.NotNil(t, it.Hourly, "%s in %s has a price", typ, region)
			assert.Equal(t, price, it.Hourly.String(), "%s in %s", typ, region)
		}
		assert.True(t, byType["m4.large"].PreviousGeneration)
		assert.Equal(t, int64(2), byType["m7g.large"].VCPU)
		assert.Equal(t, int64(8192), byType["m7g.large"].MemoryMiB)
		assert.Equal(t, "arm64", byType["m7g.large"].Arch)
	}
	_, err := runwhere.InstanceTypes("", "mars-1")
	var fe *runwhere.FieldError
	require.True(t, errors.As(err, &fe))
	assert.Equal(t, "region", fe.Field)
	assert.Contains(t, err.Error(), "eu-west-1")
}

// TestIssueTypesEvaluateEverywhere (issue 12): m7g.large, c6i.xlarge,
// r7g.large, m7i.2xlarge and t4g.medium run on every platform in us-east-1
// and eu-west-1, each worker line priced at the source row (the prices of
// TestInstanceTypes).
func TestIssueTypesEvaluateEverywhere(t *testing.T) {
	want := map[string]map[string]string{
		"us-east-1": {"m7g.large": "0.0816", "c6i.xlarge": "0.17", "r7g.large": "0.1071", "m7i.2xlarge": "0.4032", "t4g.medium": "0.0336"},
		"eu-west-1": {"m7g.large": "0.091", "c6i.xlarge": "0.1824", "r7g.large": "0.1199", "m7i.2xlarge": "0.4494", "t4g.medium": "0.0368"},
	}
	for region, prices := range want {
		for typ, price := range prices {
			t.Run(region+"/"+typ, func(t *testing.T) {
				r := evaluateYAML(t, "region: "+region+"\nworkload: {requests_per_second: 20, duration_ms: 100, memory_mb: 512}\ncontainer: {vcpu: 0.5, memory_mb: 1024}\nservers: {instance_type: "+typ+"}\n")
				require.Len(t, r.Platforms, len(platform.IDs()), "every platform of the catalogue")
				for _, p := range r.Platforms {
					require.True(t, p.Feasible, "%s on %s: %v", typ, p.Platform, p.Blockers)
					if p.Capacity.InstanceType == "" {
						continue // Lambda, Fargate
					}
					require.NotEmpty(t, p.CostLines)
					assert.Equal(t, typ, p.Capacity.InstanceType)
					assert.Equal(t, price, p.CostLines[0].UnitPrice.String(), "%s workers on %s in %s", typ, p.Platform, region)
				}
			})
		}
	}
}
