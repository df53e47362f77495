package runwhere_test

import (
	"reflect"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/runwhere/runwhere"
	"github.com/runwhere/runwhere/platform"
)

// cell returns the cell of platform id in the row with key, and whether
// there is one.
func cell(t *testing.T, c runwhere.Comparison, key string, id runwhere.PlatformID) (runwhere.ComparisonCell, bool) {
	t.Helper()
	for _, r := range c.Rows {
		if r.Key == key {
			v, ok := r.Cells[id]
			return v, ok
		}
	}
	return runwhere.ComparisonCell{}, false
}

// TestCompareDeckTables reproduces the deck's two tables from the 2017-12
// snapshot (shared/reference/2017-deck.txt, slides 14 "Cluster Capacity"
// and 15 "How Deployments Work", quoted per row) and shows which of its
// claims the sources correct.
func TestCompareDeckTables(t *testing.T) {
	c, err := runwhere.Compare("2017-12", []runwhere.PlatformID{platform.Swarm, platform.Kubernetes, platform.ECSEC2})
	require.NoError(t, err)
	holds, corrected := true, false
	tests := []struct {
		deck     string // the deck's words
		key      string
		platform runwhere.PlatformID
		text     string // the figure the sources give
		claim    string // the deck's claim, where the catalogue records it
		holds    *bool
	}{
		// Cluster Capacity, "Node Support": "Supports 2000+ nodes | Supports
		// up to 5000 nodes | Supports up to 1000 nodes".
		{"Supports 2000+ nodes", "limits.nodes_per_cluster", platform.Swarm, "none published", "Supports 2000+ nodes", &corrected},
		{"Supports up to 5000 nodes", "limits.nodes_per_cluster", platform.Kubernetes, "5,000 nodes", "Supports up to 5000 nodes, limited to 300,000 containers", &holds},
		{"Supports up to 1000 nodes", "limits.nodes_per_cluster", platform.ECSEC2, "1,000 container instances", "Supports up to 1000 nodes", &holds},
		// "Container Limit": "Limited to 95,000 containers | Limited to
		// 300,000 containers | Limited to 500,000 containers".
		{"Limited to 95,000 containers", "limits.containers_per_cluster", platform.Swarm, "none published", "Limited to 95,000 containers", &corrected},
		{"Limited to 300,000 containers", "limits.containers_per_cluster", platform.Kubernetes, "300,000 containers", "", nil},
		{"Limited to 500,000 containers", "limits.containers_per_cluster", platform.ECSEC2, "none published", "Limited to 500,000 containers", &corrected},
		// "Load Balancing": Swarm "Load balancer limitations can arise with
		// specific SSL or DNS requirements"; ECS "Native ALB support".
		{"Load balancer limitations", "features.load_balancing", platform.Swarm, "one load balancer per cluster", "", nil},
		{"Native ALB support", "features.load_balancing", platform.ECSEC2, "native ALB target groups", "", nil},
		// How Deployments Work, "Deployment Details": "Simple docker CLI
		// commands invoked on management node"; "Kubectl CLI can be run from
		// anywhere with access to master tier API"; "Can be invoked via the
		// AWS API".
		{"docker CLI on management node", "features.cli", platform.Swarm, "manager node", "", nil},
		{"Kubectl CLI can be run from anywhere", "features.cli", platform.Kubernetes, "anywhere", "", nil},
		{"Can be invoked via the AWS API", "features.cli", platform.ECSEC2, "the AWS API", "", nil},
		// "Uses Docker-Compose for configuration"; "Support for rolling
		// updates"; "Limited support for secrets" (corrected: Docker
		// secrets since 1.13).
		{"Uses Docker-Compose for configuration", "features.config_format", platform.Swarm, "Docker Compose", "", nil},
		{"Support for rolling updates", "features.rolling_updates", platform.Swarm, "yes", "", nil},
		{"Limited support for secrets", "features.secrets", platform.Swarm, "full", "Limited support for secrets", &corrected},
		// "AWS Resources Need to be Pre-Created? Yes | No, will manage and
		// create necessary AWS resources. | Yes": the catalogue records the
		// inverse, whether the platform creates them.
		{"Pre-created: Yes", "features.creates_aws_resources", platform.Swarm, "no", "", nil},
		{"Pre-created: No, will manage and create", "features.creates_aws_resources", platform.Kubernetes, "yes", "", nil},
		{"Pre-created: Yes", "features.creates_aws_resources", platform.ECSEC2, "no", "", nil},
	}
	for _, tc := range tests {
		got, ok := cell(t, c, tc.key, tc.platform)
		require.True(t, ok, "%s: no %s cell for %s", tc.deck, tc.key, tc.platform)
		assert.Equal(t, tc.text, got.Text, "%s (%s, %s)", tc.deck, tc.key, tc.platform)
		assert.Equal(t, tc.claim, got.DeckClaim, "%s: the claim", tc.deck)
		assert.Equal(t, tc.holds, got.ClaimHolds, "%s: does the claim hold", tc.deck)
		if tc.claim != "" {
			assert.NotEmpty(t, got.Verdict, "%s: the verdict", tc.deck)
		}
	}
}

// TestCompareWhatChanged: the four changes the issue names, between the
// two snapshots.
func TestCompareWhatChanged(t *testing.T) {
	old, err := runwhere.Compare("2017-12", nil)
	require.NoError(t, err)
	now, err := runwhere.Compare("2026-11", nil)
	require.NoError(t, err)
	for _, tc := range []struct {
		key     string
		id      runwhere.PlatformID
		was, is string
	}{
		{"limits.timeout", platform.Lambda, "300", "900"},
		{"limits.nodes_per_cluster", platform.ECSEC2, "1000", "5000"},
		{"limits.memory_max", platform.Lambda, "3008", "10240"},
	} {
		o, _ := cell(t, old, tc.key, tc.id)
		n, _ := cell(t, now, tc.key, tc.id)
		assert.Equal(t, tc.was, o.Value, "%s %s in 2017-12", tc.id, tc.key)
		assert.Equal(t, tc.is, n.Value, "%s %s in 2026-11", tc.id, tc.key)
	}
	assert.NotContains(t, old.Platforms, platform.EKS, "EKS was not generally available in 2017-12")
	assert.Contains(t, now.Platforms, platform.EKS)
}

// TestComparisonCellsSourced: every cell of both snapshots names a source
// address and an as-of date, and every row a label.
func TestComparisonCellsSourced(t *testing.T) {
	for _, snap := range []string{"2017-12", "2026-11"} {
		c, err := runwhere.Compare(snap, nil)
		require.NoError(t, err)
		require.NotEmpty(t, c.Rows)
		for _, r := range c.Rows {
			assert.NotEmpty(t, r.Label, "%s %s has no label", snap, r.Key)
			assert.Contains(t, []string{"arrival", "limit", "feature"}, r.Kind)
			for id, v := range r.Cells {
				assert.NoError(t, platform.URL(v.Source).Validate(), "%s %s %s: source %q", snap, r.Key, id, v.Source)
				_, err := platform.ParseDate(v.AsOf)
				assert.NoError(t, err, "%s %s %s: as_of %q", snap, r.Key, id, v.AsOf)
				assert.NotEmpty(t, v.Text, "%s %s %s: text", snap, r.Key, id)
			}
		}
	}
}

// TestComparisonRowsAreTheCatalogueFields: a limit or feature added to the
// catalogue is a row of the comparison, with a label.
func TestComparisonRowsAreTheCatalogueFields(t *testing.T) {
	c, err := runwhere.Compare("2026-11", nil)
	require.NoError(t, err)
	keys := map[string]bool{}
	for _, r := range c.Rows {
		keys[r.Key] = true
	}
	for prefix, typ := range map[string]reflect.Type{"limits.": reflect.TypeFor[platform.Limits](), "features.": reflect.TypeFor[platform.Features]()} {
		for i := range typ.NumField() {
			name, _, _ := strings.Cut(typ.Field(i).Tag.Get("yaml"), ",")
			if prefix == "limits." && !keys[prefix+name] {
				continue // a limit no platform of 2026-11 publishes has no row
			}
			assert.True(t, keys[prefix+name], "%s%s is not a row", prefix, name)
		}
	}
	// Every limit some snapshot publishes has a row in that snapshot.
	for _, snap := range []string{"2017-12", "2026-11"} {
		cat, err := platform.EmbeddedCatalogue(platform.SnapshotID(snap))
		require.NoError(t, err)
		c, err := runwhere.Compare(snap, nil)
		require.NoError(t, err)
		for _, p := range cat.Platforms {
			v := reflect.ValueOf(p.Limits)
			for i := range v.NumField() {
				if v.Field(i).IsNil() {
					continue
				}
				name, _, _ := strings.Cut(v.Type().Field(i).Tag.Get("yaml"), ",")
				_, ok := cell(t, c, "limits."+name, p.ID)
				assert.True(t, ok, "%s: %s's %s has no cell", snap, p.ID, name)
			}
		}
	}
}

func TestCompareErrors(t *testing.T) {
	_, err := runwhere.Compare("1999-01", nil)
	var fe *runwhere.FieldError
	require.ErrorAs(t, err, &fe)
	assert.Equal(t, "snapshot", fe.Field)
	_, err = runwhere.Compare("2017-12", []runwhere.PlatformID{platform.Lambda, platform.EKS})
	require.ErrorAs(t, err, &fe)
	assert.Equal(t, "platforms[1]", fe.Field)
	assert.Equal(t, "eks", fe.Value)
	// The report's comparison is the scenario's platforms, in its order.
	r := evaluateYAML(t, "platforms: [lambda, swarm]\nworkload: {requests_per_second: 1, duration_ms: 100, memory_mb: 128}\n")
	assert.Equal(t, []runwhere.PlatformID{platform.Lambda, platform.Swarm}, r.Comparison.Platforms)
	for _, row := range r.Comparison.Rows {
		for id := range row.Cells {
			assert.Contains(t, []runwhere.PlatformID{platform.Lambda, platform.Swarm}, id)
		}
	}
}

// TestCompareArrived: the first row says when each platform became
// generally available, from its catalogue entry, and marks the platforms
// that arrived after the 2017 deck (its snapshot, 2017-12); the deck's own
// platforms, Fargate of 2017-11 included, are not marked.
func TestCompareArrived(t *testing.T) {
	tests := []struct {
		name     string
		snapshot string
		platform runwhere.PlatformID
		value    string
		text     string
		source   string
	}{
		{name: "auto mode", snapshot: "2026-11", platform: "eks-auto-mode", value: "2024-12", text: "2024-12, newer than the 2017 deck", source: "https://aws.amazon.com/about-aws/whats-new/2024/12/amazon-eks-auto-mode/"},
		{name: "ecs managed instances", snapshot: "2026-11", platform: "ecs-managed-instances", value: "2025-09", text: "2025-09, newer than the 2017 deck", source: "https://aws.amazon.com/about-aws/whats-new/2025/09/amazon-ecs-managed-instances/"},
		{name: "eks on fargate", snapshot: "2026-11", platform: "eks-fargate", value: "2019-12", text: "2019-12, newer than the 2017 deck", source: "https://aws.amazon.com/about-aws/whats-new/2019/12/run-serverless-kubernetes-pods-using-amazon-eks-and-aws-fargate/"},
		{name: "lambda managed instances", snapshot: "2026-11", platform: "lambda-managed-instances", value: "2025-11", text: "2025-11, newer than the 2017 deck", source: "https://aws.amazon.com/about-aws/whats-new/2025/11/aws-lambda-managed-instances/"},
		{name: "eks, after the deck", snapshot: "2026-11", platform: platform.EKS, value: "2018-06", text: "2018-06, newer than the 2017 deck", source: "https://aws.amazon.com/about-aws/whats-new/2018/06/amazon-elastic-container-service-for-kubernetes-eks-now-ga/"},
		{name: "fargate, a month before the deck's snapshot", snapshot: "2026-11", platform: platform.ECSFargate, value: "2017-11", text: "2017-11", source: "https://aws.amazon.com/about-aws/whats-new/2017/11/introducing-aws-fargate-a-technology-to-run-containers-without-managing-infrastructure/"},
		{name: "fargate in the deck's snapshot", snapshot: "2017-12", platform: platform.ECSFargate, value: "2017-11", text: "2017-11", source: "https://aws.amazon.com/about-aws/whats-new/2017/11/introducing-aws-fargate-a-technology-to-run-containers-without-managing-infrastructure/"},
		{name: "lambda in the deck's snapshot", snapshot: "2017-12", platform: platform.Lambda, value: "2015-04", text: "2015-04", source: "https://aws.amazon.com/blogs/compute/aws-lambda-is-generally-available/"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			c, err := runwhere.Compare(tc.snapshot, nil)
			require.NoError(t, err)
			got, ok := cell(t, c, "arrived", tc.platform)
			require.True(t, ok, "no arrived cell for %s in %s", tc.platform, tc.snapshot)
			assert.Equal(t, tc.value, got.Value, "value")
			assert.Equal(t, tc.text, got.Text, "text")
			assert.Equal(t, tc.source, got.Source, "source")
			assert.NotEmpty(t, got.AsOf, "as_of")
		})
	}
	// One row, first, with a cell for every platform of either snapshot.
	for _, snap := range []string{"2017-12", "2026-11"} {
		c, err := runwhere.Compare(snap, nil)
		require.NoError(t, err)
		require.NotEmpty(t, c.Rows)
		first := c.Rows[0]
		assert.Equal(t, "arrived", first.Key, "%s: the first row", snap)
		assert.Equal(t, "Generally available", first.Label, "%s: label", snap)
		assert.Equal(t, "arrival", first.Kind, "%s: kind", snap)
		assert.Len(t, first.Cells, len(c.Platforms), "%s: a cell per platform", snap)
	}
}

// The Markdown comparison shows the arrival row linked to its source.
func TestMarkdownComparisonArrived(t *testing.T) {
	c, err := runwhere.Compare("2026-11", []runwhere.PlatformID{"eks-auto-mode", platform.Lambda})
	require.NoError(t, err)
	r := runwhere.Report{Snapshot: "2026-11", Comparison: c, Platforms: []runwhere.PlatformReport{
		{Platform: "eks-auto-mode", Name: "Amazon EKS Auto Mode"},
		{Platform: platform.Lambda, Name: "AWS Lambda"},
	}}
	md := r.Markdown()
	assert.Empty(t, mdProblems(r, md), "the arrival row's links are catalogue sources")
	assert.Contains(t, md, "|  | Amazon EKS Auto Mode | AWS Lambda |\n|---|---|---|\n| Generally available | [2024-12, newer than the 2017 deck](https://aws.amazon.com/about-aws/whats-new/2024/12/amazon-eks-auto-mode/) | [2015-04](https://aws.amazon.com/blogs/compute/aws-lambda-is-generally-available/) |\n")
}
