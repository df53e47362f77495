package platform_test

import (
	"reflect"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/runwhere/runwhere/platform"
)

// The figures below reproduce shared/reference/limits-ha.md; each row names
// the source the catalogue must cite.
func TestSnapshotLimits(t *testing.T) {
	type limitOf func(platform.Limits) *platform.Limit
	tests := []struct {
		name        string
		snapshot    platform.SnapshotID
		platform    platform.ID
		limit       limitOf
		want        int64
		enforcement platform.Enforcement
		source      string
	}{
		// Kubernetes "Considerations for large clusters" (cluster-large.md) and the v1.6 blog.
		{"k8s nodes now", "2026-11", platform.Kubernetes, func(l platform.Limits) *platform.Limit { return l.NodesPerCluster }, 5000, platform.Envelope, "https://kubernetes.io/docs/setup/best-practices/cluster-large/"},
		{"k8s pods per node now", "2026-11", platform.Kubernetes, func(l platform.Limits) *platform.Limit { return l.PodsPerNode }, 110, platform.Envelope, "https://kubernetes.io/docs/setup/best-practices/cluster-large/"},
		{"k8s pods now", "2026-11", platform.Kubernetes, func(l platform.Limits) *platform.Limit { return l.PodsPerCluster }, 150000, platform.Envelope, "https://kubernetes.io/docs/setup/best-practices/cluster-large/"},
		{"k8s containers now", "2026-11", platform.Kubernetes, func(l platform.Limits) *platform.Limit { return l.ContainersPerCluster }, 300000, platform.Envelope, "https://kubernetes.io/docs/setup/best-practices/cluster-large/"},
		{"k8s nodes 2017", "2017-12", platform.Kubernetes, func(l platform.Limits) *platform.Limit { return l.NodesPerCluster }, 5000, platform.Envelope, "https://kubernetes.io/blog/2017/03/kubernetes-1-6-multi-user-multi-workloads-at-scale/"},
		{"k8s pods per node 2017", "2017-12", platform.Kubernetes, func(l platform.Limits) *platform.Limit { return l.PodsPerNode }, 100, platform.Envelope, "https://github.com/kubernetes/website/issues/12312"},
		{"k8s pods 2017", "2017-12", platform.Kubernetes, func(l platform.Limits) *platform.Limit { return l.PodsPerCluster }, 150000, platform.Envelope, "https://kubernetes.io/blog/2017/03/kubernetes-1-6-multi-user-multi-workloads-at-scale/"},
		{"k8s containers 2017", "2017-12", platform.Kubernetes, func(l platform.Limits) *platform.Limit { return l.ContainersPerCluster }, 300000, platform.Envelope, "https://kubernetes.io/docs/setup/best-practices/cluster-large/"},
		// ECS quota history, awsdocs/amazon-ecs-developer-guide service_limits.md (2018-01-17) and the current quota page.
		{"ecs instances 2017", "2017-12", platform.ECSEC2, func(l platform.Limits) *platform.Limit { return l.NodesPerCluster }, 1000, platform.Quota, "https://github.com/awsdocs/amazon-ecs-developer-guide/blob/master/doc_source/service_limits.md"},
		// Not adjustable since the limit became 5,000 (AWS's ECS quota table).
		{"ecs instances now", "2026-11", platform.ECSEC2, func(l platform.Limits) *platform.Limit { return l.NodesPerCluster }, 5000, platform.Hard, "https://docs.aws.amazon.com/AmazonECS/latest/developerguide/service-quotas.html"},
		{"ecs services 2017", "2017-12", platform.ECSEC2, func(l platform.Limits) *platform.Limit { return l.ServicesPerCluster }, 500, platform.Quota, "https://github.com/awsdocs/amazon-ecs-developer-guide/blob/master/doc_source/service_limits.md"},
		{"ecs services now", "2026-11", platform.ECSEC2, func(l platform.Limits) *platform.Limit { return l.ServicesPerCluster }, 5000, platform.Quota, "https://docs.aws.amazon.com/AmazonECS/latest/developerguide/operating-at-scale-service-quotas.html"},
		{"ecs tasks per service 2017", "2017-12", platform.ECSEC2, func(l platform.Limits) *platform.Limit { return l.TasksPerService }, 1000, platform.Quota, "https://github.com/awsdocs/amazon-ecs-developer-guide/blob/master/doc_source/service_limits.md"},
		{"ecs tasks per service now", "2026-11", platform.ECSEC2, func(l platform.Limits) *platform.Limit { return l.TasksPerService }, 5000, platform.Quota, "https://docs.aws.amazon.com/AmazonECS/latest/developerguide/operating-at-scale-service-quotas.html"},
		{"fargate tasks per region 2017", "2017-12", platform.ECSFargate, func(l platform.Limits) *platform.Limit { return l.TasksPerRegion }, 20, platform.Quota, "https://github.com/awsdocs/amazon-ecs-developer-guide/blob/master/doc_source/service_limits.md"},
		{"fargate vcpu quota now", "2026-11", platform.ECSFargate, func(l platform.Limits) *platform.Limit { return l.VCPUPerRegion }, 6, platform.Quota, "https://docs.aws.amazon.com/general/latest/gr/ecs-service.html#service-quotas-fargate"},
		// Lambda quotas, awsdocs/aws-lambda-developer-guide limits.md (2017-12-12) and gettingstarted-limits.
		{"lambda timeout 2017", "2017-12", platform.Lambda, func(l platform.Limits) *platform.Limit { return l.Timeout }, 300, platform.Hard, "https://github.com/awsdocs/aws-lambda-developer-guide/blob/master/doc_source/limits.md"},
		{"lambda timeout now", "2026-11", platform.Lambda, func(l platform.Limits) *platform.Limit { return l.Timeout }, 900, platform.Hard, "https://docs.aws.amazon.com/lambda/latest/dg/gettingstarted-limits.html"},
		// The memory and /tmp ranges cost's pinned test held until they left
		// cost (pricing.md §1.1 rows "Memory range" and "Ephemeral storage
		// range": 128–3,008 MB in 64 MB steps until 2020-12, 128–10,240 MB in
		// 1 MB steps since; /tmp 512–10,240 MB, 512 MB free).
		{"lambda memory min 2017", "2017-12", platform.Lambda, func(l platform.Limits) *platform.Limit { return l.MemoryMin }, 128, platform.Hard, "https://github.com/awsdocs/aws-lambda-developer-guide/blob/master/doc_source/limits.md"},
		{"lambda memory min now", "2026-11", platform.Lambda, func(l platform.Limits) *platform.Limit { return l.MemoryMin }, 128, platform.Hard, "https://docs.aws.amazon.com/lambda/latest/dg/gettingstarted-limits.html"},
		{"lambda tmp min now", "2026-11", platform.Lambda, func(l platform.Limits) *platform.Limit { return l.TmpMin }, 512, platform.Hard, "https://docs.aws.amazon.com/lambda/latest/dg/gettingstarted-limits.html"},
		{"lambda tmp max 2017", "2017-12", platform.Lambda, func(l platform.Limits) *platform.Limit { return l.TmpMax }, 512, platform.Hard, "https://github.com/awsdocs/aws-lambda-developer-guide/blob/master/doc_source/limits.md"},
		{"lambda memory max 2017", "2017-12", platform.Lambda, func(l platform.Limits) *platform.Limit { return l.MemoryMax }, 3008, platform.Hard, "https://github.com/awsdocs/aws-lambda-developer-guide/blob/master/doc_source/limits.md"},
		{"lambda memory step 2017", "2017-12", platform.Lambda, func(l platform.Limits) *platform.Limit { return l.MemoryStep }, 64, platform.Hard, "https://github.com/awsdocs/aws-lambda-developer-guide/blob/master/doc_source/limits.md"},
		{"lambda memory max now", "2026-11", platform.Lambda, func(l platform.Limits) *platform.Limit { return l.MemoryMax }, 10240, platform.Hard, "https://docs.aws.amazon.com/lambda/latest/dg/gettingstarted-limits.html"},
		{"lambda memory step now", "2026-11", platform.Lambda, func(l platform.Limits) *platform.Limit { return l.MemoryStep }, 1, platform.Hard, "https://docs.aws.amazon.com/lambda/latest/dg/configuration-memory.html"},
		{"lambda async payload 2017", "2017-12", platform.Lambda, func(l platform.Limits) *platform.Limit { return l.AsyncPayload }, 128, platform.Hard, "https://github.com/awsdocs/aws-lambda-developer-guide/blob/master/doc_source/limits.md"},
		{"lambda tmp max now", "2026-11", platform.Lambda, func(l platform.Limits) *platform.Limit { return l.TmpMax }, 10240, platform.Hard, "https://docs.aws.amazon.com/lambda/latest/dg/gettingstarted-limits.html"},
		{"lambda image now", "2026-11", platform.Lambda, func(l platform.Limits) *platform.Limit { return l.ImageSize }, 10240, platform.Hard, "https://docs.aws.amazon.com/lambda/latest/dg/gettingstarted-limits.html"},
		{"lambda concurrency now", "2026-11", platform.Lambda, func(l platform.Limits) *platform.Limit { return l.Concurrency }, 1000, platform.Quota, "https://docs.aws.amazon.com/lambda/latest/dg/gettingstarted-limits.html"},
		{"lambda scaling step now", "2026-11", platform.Lambda, func(l platform.Limits) *platform.Limit { return l.ScalingStep }, 1000, platform.Hard, "https://docs.aws.amazon.com/lambda/latest/dg/scaling-behavior.html"},
		{"lambda scaling period now", "2026-11", platform.Lambda, func(l platform.Limits) *platform.Limit { return l.ScalingPeriodSeconds }, 10, platform.Hard, "https://aws.amazon.com/blogs/aws/aws-lambda-functions-now-scale-12-times-faster-when-handling-high-volume-requests/"},
		// Swarm managers: "Docker recommends a maximum of seven manager nodes".
		{"swarm max managers", "2026-11", platform.Swarm, nil, 7, platform.Envelope, "https://docs.docker.com/engine/swarm/how-swarm-mode-works/nodes/"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			c, err := platform.EmbeddedCatalogue(tc.snapshot)
			require.NoError(t, err)
			p, ok := c.Platform(tc.platform)
			require.True(t, ok, "platform %s missing from %s", tc.platform, tc.snapshot)
			var l *platform.Limit
			if tc.limit == nil {
				l = p.ControlPlane.MaxManagers
			} else {
				l = tc.limit(p.Limits)
			}
			require.NotNil(t, l)
			assert.Equal(t, tc.want, l.Value, "value")
			assert.Equal(t, tc.enforcement, l.Enforcement, "enforcement")
			assert.Equal(t, platform.URL(tc.source), l.URL, "source")
			assert.False(t, l.AsOf.IsZero(), "as_of")
		})
	}
}

// Docker publishes no swarm-mode node or task ceiling; the deck's figures
// are kept as claims beside the (absent) limits.
func TestUnpublishedLimitsStayNilWithClaims(t *testing.T) {
	for _, snap := range platform.Snapshots() {
		c, err := platform.EmbeddedCatalogue(snap)
		require.NoError(t, err)
		swarm, ok := c.Platform(platform.Swarm)
		require.True(t, ok)
		assert.Nil(t, swarm.Limits.NodesPerCluster, snap)
		assert.Nil(t, swarm.Limits.ContainersPerCluster, snap)
		var abouts []string
		for _, cl := range c.ClaimsAbout(platform.Swarm) {
			abouts = append(abouts, cl.About)
		}
		assert.Contains(t, abouts, "limits.nodes_per_cluster", snap)
		ecs, _ := c.Platform(platform.ECSEC2)
		assert.Nil(t, ecs.Limits.ContainersPerCluster, "%s: ECS has no published container quota", snap)
	}
}

func TestSnapshotsAndDefault(t *testing.T) {
	assert.Equal(t, []platform.SnapshotID{platform.Snapshot2017, platform.Snapshot2026}, platform.Snapshots())
	def, err := platform.EmbeddedCatalogue("")
	require.NoError(t, err)
	assert.Equal(t, platform.SnapshotID(platform.Newest), def.Snapshot)
	now, _ := platform.EmbeddedCatalogue("2026-11")
	assert.Len(t, now.Platforms, len(platform.IDs()), "every platform exists today")
	old, _ := platform.EmbeddedCatalogue("2017-12")
	_, ok := old.Platform(platform.EKS)
	assert.False(t, ok, "EKS was not generally available in 2017-12")
	_, err = platform.EmbeddedCatalogue("1999-01")
	assert.ErrorContains(t, err, `unknown snapshot "1999-01"`)
}

// TestEveryFigureHasSourceAndDate walks every embedded catalogue
// independently of the loader's validation: every [platform.Source] (the
// one every Limit, Feature, SLA and Claim embeds) must carry a valid URL and
// a non-zero AsOf. A figure without a source cannot land.
func TestEveryFigureHasSourceAndDate(t *testing.T) {
	for _, snap := range platform.Snapshots() {
		c, err := platform.EmbeddedCatalogue(snap)
		require.NoError(t, err)
		figures := 0
		var visit func(v reflect.Value, path string)
		visit = func(v reflect.Value, path string) {
			switch v.Kind() {
			case reflect.Pointer:
				if !v.IsNil() {
					visit(v.Elem(), path)
				}
			case reflect.Slice:
				for i := range v.Len() {
					visit(v.Index(i), path)
				}
			case reflect.Struct:
				if v.Type() == reflect.TypeFor[platform.Source]() {
					figures++
					src := v.Interface().(platform.Source)
					assert.Regexp(t, `^https?://[^/]+`, string(src.URL), "%s: source", path)
					assert.False(t, src.AsOf.IsZero(), "%s: as_of", path)
					assert.True(t, src.AsOf.Time().Year() >= 2014 && src.AsOf.Time().Year() <= 2026, "%s: as_of %s", path, src.AsOf)
					return
				}
				for i := range v.NumField() {
					if v.Type().Field(i).IsExported() {
						visit(v.Field(i), path+"."+v.Type().Field(i).Name)
					}
				}
			}
		}
		visit(reflect.ValueOf(c), snap.String())
		// 6 or 7 platforms x 10 features, plus limits, SLAs and claims.
		assert.Greater(t, figures, 100, "%s: figures checked", snap)
	}
}

func TestParseID(t *testing.T) {
	for _, id := range platform.IDs() {
		got, err := platform.ParseID(id.String())
		require.NoError(t, err)
		assert.Equal(t, id, got)
	}
	// Ids are open: a caller's catalogue may add a platform. The id must
	// still be one.
	got, err := platform.ParseID("openshift")
	require.NoError(t, err)
	assert.False(t, got.Known(), "openshift is not one of the platforms runwhere ships")
	assert.True(t, platform.Lambda.Known())
	for _, bad := range []string{"", "OpenShift", "9lives", "k3s!", "with space", "-lead", strings.Repeat("a", 33)} {
		_, err := platform.ParseID(bad)
		assert.ErrorContains(t, err, "is not a platform id", "ParseID(%q)", bad)
	}
}

func TestParseDate(t *testing.T) {
	d, err := platform.ParseDate("2024-02-29")
	require.NoError(t, err)
	assert.Equal(t, "2024-02-29", d.String())
	for _, bad := range []string{"2023-02-29", "2026-13-01", "2026-11", "yesterday", ""} {
		_, err := platform.ParseDate(bad)
		assert.Error(t, err, bad)
	}
}

func TestEmbeddedCatalogueAt(t *testing.T) {
	for _, tc := range []struct {
		month, want platform.SnapshotID
		err         string
	}{
		{"2017-12", "2017-12", ""},
		{"2020-05", "2017-12", ""},
		{"2026-11", "2026-11", ""},
		{"2030-01", "2026-11", ""},
		{"2010-01", "", "no snapshot in force in 2010-01 (the oldest is 2017-12)"},
		{"2026", "", "is not a YYYY-MM month"},
		{"", "", "is not a YYYY-MM month"},
	} {
		t.Run(tc.month.String(), func(t *testing.T) {
			c, err := platform.EmbeddedCatalogueAt(tc.month)
			if tc.err != "" {
				assert.ErrorContains(t, err, tc.err, "EmbeddedCatalogueAt(%q)", tc.month)
				return
			}
			require.NoError(t, err)
			assert.Equal(t, tc.want, c.Snapshot, "EmbeddedCatalogueAt(%q)", tc.month)
		})
	}
}

// The adjustable quotas a workload reaches name the quota to raise, as the
// Service Quotas console lists it.
func TestQuotasNameWhatToRaise(t *testing.T) {
	c, err := platform.EmbeddedCatalogue("2026-11")
	require.NoError(t, err)
	tests := []struct {
		platform platform.ID
		limit    func(platform.Limits) *platform.Limit
		name     string
		code     string
	}{
		{platform: platform.ECSFargate, limit: func(l platform.Limits) *platform.Limit { return l.VCPUPerRegion }, name: "Fargate On-Demand vCPU resource count", code: "L-3032A538"},
		{platform: "eks-fargate", limit: func(l platform.Limits) *platform.Limit { return l.VCPUPerRegion }, name: "Fargate On-Demand vCPU resource count", code: "L-3032A538"},
		{platform: platform.Lambda, limit: func(l platform.Limits) *platform.Limit { return l.Concurrency }, name: "Concurrent executions", code: "L-B99A9384"},
	}
	for _, tc := range tests {
		t.Run(string(tc.platform), func(t *testing.T) {
			p, ok := c.Platform(tc.platform)
			require.True(t, ok)
			l := tc.limit(p.Limits)
			require.NotNil(t, l)
			assert.Equal(t, platform.Quota, l.Enforcement)
			assert.Equal(t, tc.name, l.QuotaName)
			assert.Equal(t, tc.code, l.QuotaCode)
		})
	}
}
