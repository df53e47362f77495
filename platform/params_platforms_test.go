package platform_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/runwhere/runwhere/platform"
)

// The figures the families of the four platforms added for issue 24 read
// from the catalogue (shared/reference/platforms-2026.md and the AWS pages
// it cites), each with the page the catalogue must cite.
func TestFamilyParamsOfThe2026Platforms(t *testing.T) {
	tests := []struct {
		platform platform.ID
		param    string
		want     string
		source   string
	}{
		{platform: "eks-fargate", param: "pod_memory_overhead_mb", want: "256", source: "https://docs.aws.amazon.com/eks/latest/userguide/fargate-pod-configuration.html"},
		{platform: "eks-fargate", param: "fargate_spot", want: "0", source: "https://docs.aws.amazon.com/eks/latest/userguide/fargate.html"},
		{platform: "eks-fargate", param: "arm64", want: "0", source: "https://docs.aws.amazon.com/eks/latest/userguide/fargate.html"},
		{platform: platform.ECSFargate, param: "fargate_spot", want: "1", source: "https://docs.aws.amazon.com/AmazonECS/latest/developerguide/fargate-capacity-providers.html"},
		{platform: platform.ECSFargate, param: "arm64", want: "1", source: "https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_RuntimePlatform.html"},
		{platform: platform.ECSFargate, param: "public_ipv4_tasks", want: "1", source: "https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_AwsVpcConfiguration.html"},
		{platform: "eks-fargate", param: "public_ipv4_tasks", want: "0", source: "https://docs.aws.amazon.com/eks/latest/userguide/fargate.html"},
		{platform: "eks", param: "root_volume_gb", want: "20", source: "https://docs.aws.amazon.com/eks/latest/APIReference/API_CreateNodegroup.html"},
		{platform: "ecs-ec2", param: "root_volume_gb", want: "30", source: "https://docs.aws.amazon.com/AmazonECS/latest/developerguide/al2ami-storage-config.html"},
		{platform: "lambda-managed-instances", param: "min_instances", want: "3", source: "https://docs.aws.amazon.com/lambda/latest/dg/lambda-managed-instances-scaling.html"},
		{platform: "lambda-managed-instances", param: "min_vcpu", want: "1", source: "https://docs.aws.amazon.com/lambda/latest/dg/lambda-managed-instances-best-practices.html"},
		{platform: "lambda-managed-instances", param: "memory_gib_per_vcpu_min", want: "2", source: "https://docs.aws.amazon.com/lambda/latest/api/API_LambdaManagedInstancesCapacityProviderConfig.html"},
		{platform: "lambda-managed-instances", param: "memory_gib_per_vcpu_max", want: "8", source: "https://docs.aws.amazon.com/lambda/latest/api/API_LambdaManagedInstancesCapacityProviderConfig.html"},
		{platform: "lambda-managed-instances", param: "max_concurrency_limit", want: "1600", source: "https://docs.aws.amazon.com/lambda/latest/api/API_LambdaManagedInstancesCapacityProviderConfig.html"},
		{platform: "lambda-managed-instances", param: "default_concurrency_per_vcpu_nodejs", want: "64", source: "https://docs.aws.amazon.com/lambda/latest/dg/lambda-managed-instances-nodejs-runtime.html"},
		{platform: "lambda-managed-instances", param: "default_concurrency_per_vcpu_java", want: "32", source: "https://docs.aws.amazon.com/lambda/latest/dg/lambda-managed-instances-java-runtime.html"},
		{platform: "lambda-managed-instances", param: "default_concurrency_per_vcpu_dotnet", want: "32", source: "https://docs.aws.amazon.com/lambda/latest/dg/lambda-managed-instances-dotnet-runtime.html"},
		{platform: "lambda-managed-instances", param: "default_concurrency_per_vcpu_python", want: "16", source: "https://docs.aws.amazon.com/lambda/latest/dg/lambda-managed-instances-python-runtime.html"},
		{platform: "lambda-managed-instances", param: "traffic_doubling_minutes", want: "5", source: "https://docs.aws.amazon.com/lambda/latest/dg/lambda-managed-instances.html"},
	}
	c, err := platform.EmbeddedCatalogue("2026-11")
	require.NoError(t, err)
	for _, tc := range tests {
		t.Run(tc.platform.String()+"/"+tc.param, func(t *testing.T) {
			p, ok := c.Platform(tc.platform)
			require.True(t, ok)
			got, ok := p.Param(tc.param)
			require.True(t, ok, "%s has no param %s", tc.platform, tc.param)
			assert.Equal(t, tc.want, got.Value.String(), "value")
			assert.Equal(t, platform.URL(tc.source), got.URL, "source")
			assert.NotEmpty(t, got.Unit, "unit")
		})
	}
}

// The limits of the four platforms that are theirs rather than a sibling's.
func TestLimitsOfThe2026Platforms(t *testing.T) {
	tests := []struct {
		name        string
		platform    platform.ID
		limit       func(platform.Limits) *platform.Limit
		want        int64
		enforcement platform.Enforcement
		source      string
	}{
		{name: "auto mode pods per node", platform: "eks-auto-mode", limit: func(l platform.Limits) *platform.Limit { return l.PodsPerNode }, want: 110, enforcement: platform.Hard, source: "https://docs.aws.amazon.com/eks/latest/userguide/create-node-class.html"},
		{name: "eks fargate vcpu quota", platform: "eks-fargate", limit: func(l platform.Limits) *platform.Limit { return l.VCPUPerRegion }, want: 6, enforcement: platform.Quota, source: "https://docs.aws.amazon.com/general/latest/gr/ecs-service.html#service-quotas-fargate"},
		{name: "lmi timeout", platform: "lambda-managed-instances", limit: func(l platform.Limits) *platform.Limit { return l.Timeout }, want: 900, enforcement: platform.Hard, source: "https://docs.aws.amazon.com/lambda/latest/dg/lambda-managed-instances-execution-environment.html"},
		{name: "lmi memory min", platform: "lambda-managed-instances", limit: func(l platform.Limits) *platform.Limit { return l.MemoryMin }, want: 2048, enforcement: platform.Hard, source: "https://docs.aws.amazon.com/lambda/latest/dg/lambda-managed-instances-best-practices.html"},
	}
	c, err := platform.EmbeddedCatalogue("2026-11")
	require.NoError(t, err)
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			p, ok := c.Platform(tc.platform)
			require.True(t, ok)
			l := tc.limit(p.Limits)
			require.NotNil(t, l)
			assert.Equal(t, tc.want, l.Value, "value")
			assert.Equal(t, tc.enforcement, l.Enforcement, "enforcement")
			assert.Equal(t, platform.URL(tc.source), l.URL, "source")
		})
	}
	// ECS Managed Instances follow EC2's quotas, not ECS's container-instance one.
	mi, ok := c.Platform("ecs-managed-instances")
	require.True(t, ok)
	assert.Nil(t, mi.Limits.NodesPerCluster, "ecs-managed-instances nodes_per_cluster")
}
