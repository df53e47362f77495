package ha_test

import (
	"encoding/json"
	"io/fs"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/runwhere/runwhere/ha"
	"github.com/runwhere/runwhere/platform"
)

// Every failure-scenario cell must cite a source with a URL and a date; the
// deck claims must cite the deck.
func TestEveryCellCitesItsSource(t *testing.T) {
	c, err := ha.EmbeddedCatalogue()
	require.NoError(t, err)
	require.Len(t, c.Platforms(), len(platform.IDs()))
	for _, id := range platform.IDs() {
		for _, e := range ha.Events() {
			t.Run(string(id)+"/"+string(e), func(t *testing.T) {
				b, err := c.Behaviour(id, e)
				require.NoError(t, err)
				for _, nc := range b.Cells() {
					assert.True(t, strings.HasPrefix(nc.Cell.Source, "https://") ||
						strings.HasPrefix(nc.Cell.Source, "http://"), "%s %s %s: source %q", id, e, nc.Name, nc.Cell.Source)
					assert.NotEmpty(t, nc.Cell.AsOf, "%s %s %s: as_of", id, e, nc.Name)
					assert.NotEmpty(t, nc.Cell.Value, "%s %s %s: value", id, e, nc.Name)
				}
				assert.NotEmpty(t, b.Recovery.Text)
				assert.True(t, strings.HasPrefix(b.Recovery.Source, "http"), "%s %s recovery source %q", id, e, b.Recovery.Source)
				if b.Deck.Text != "" {
					assert.Contains(t, b.Deck.Source, "2017")
					assert.NotEmpty(t, b.Deck.Verdict)
				}
			})
		}
	}
}

// Every source in sources.yaml is cited by some cell, recovery or claim,
// and every citation is in sources.yaml. (The SLAs cite their sources in
// package platform.)
func TestEverySourceIsCited(t *testing.T) {
	c, err := ha.EmbeddedCatalogue()
	require.NoError(t, err)
	cited := map[string]bool{}
	for _, p := range c.Platforms() {
		bs, err := c.Behaviours(p.ID)
		require.NoError(t, err)
		require.Len(t, bs, len(ha.Events()))
		for _, b := range bs {
			for _, nc := range b.Cells() {
				cited[nc.Cell.Source] = true
			}
			cited[b.Recovery.Source] = true
			cited[b.Deck.Source] = true
		}
	}
	for key, s := range c.Sources() {
		ref := s.URL
		if ref == "" {
			ref = s.Citation
		}
		assert.True(t, cited[ref], "source %s (%s) is never cited", key, ref)
	}
}

// The deck says a failed Kubernetes master tier makes most services fail; the
// docs say running pods keep running. Both must be recorded.
func TestDeckCorrection(t *testing.T) {
	c, err := ha.EmbeddedCatalogue()
	require.NoError(t, err)
	b, err := c.Behaviour("kubernetes", ha.ControlPlaneLost)
	require.NoError(t, err)
	assert.Equal(t, ha.Yes, b.RunningWorkloadsContinue.Value)
	assert.Equal(t, ha.No, b.Rescheduling.Value)
	assert.Contains(t, b.Deck.Text, "most services to fail")
	assert.True(t, strings.HasPrefix(b.Deck.Verdict, "wrong"))
	assert.Contains(t, b.RunningWorkloadsContinue.Source, "cloud.ibm.com")

	s, err := c.Behaviour("swarm", ha.QuorumLost)
	require.NoError(t, err)
	assert.Contains(t, s.Recovery.Text, "docker swarm init --force-new-cluster")
}

func TestLoadRejectsBadData(t *testing.T) {
	base := func() fstest.MapFS {
		return fstest.MapFS{
			"sources.yaml":         {Data: []byte("sources:\n  a: {url: https://x, citation: X, kind: primary, as_of: '2026-11-25'}\n")},
			"scenarios/swarm.yaml": {Data: []byte(swarmYAML("a"))},
		}
	}
	tests := []struct {
		name   string
		mutate func(fstest.MapFS)
		want   string
	}{
		{"valid", func(fstest.MapFS) {}, ""},
		{"cell without source", func(m fstest.MapFS) {
			m["scenarios/swarm.yaml"] = &fstest.MapFile{Data: []byte(swarmYAML(""))}
		}, "source is missing"},
		{"unknown source", func(m fstest.MapFS) {
			m["scenarios/swarm.yaml"] = &fstest.MapFile{Data: []byte(swarmYAML("nope"))}
		}, `source "nope" is not in sources.yaml`},
		{"unknown field", func(m fstest.MapFS) {
			m["sources.yaml"] = &fstest.MapFile{Data: []byte("sources: {}\nextra: 1\n")}
		}, "extra: is not a known field"},
		{"platform facts restated", func(m fstest.MapFS) {
			m["scenarios/swarm.yaml"] = &fstest.MapFile{Data: []byte("control_plane: raft\n" + swarmYAML("a"))}
		}, "control_plane: is not a known field"},
		{"source without url", func(m fstest.MapFS) {
			m["sources.yaml"] = &fstest.MapFile{Data: []byte("sources:\n  a: {citation: X, kind: primary, as_of: '2026'}\n")}
		}, "needs citation, as_of and (unless a deck) url"},
		{"raft without its quorum source", func(m fstest.MapFS) {
			m["scenarios/swarm.yaml"] = &fstest.MapFile{Data: []byte(strings.Replace(swarmYAML("a"), "quorum_source: a\n", "", 1))}
		}, `quorum_source: "": is required for a Raft control plane the user runs`},
		{"quorum source not in sources.yaml", func(m fstest.MapFS) {
			m["scenarios/swarm.yaml"] = &fstest.MapFile{Data: []byte(strings.Replace(swarmYAML("a"), "quorum_source: a\n", "quorum_source: b\n", 1))}
		}, `quorum_source: "b" is not a source of sources.yaml`},
		{"unknown platform", func(m fstest.MapFS) {
			m["scenarios/mesos.yaml"] = &fstest.MapFile{Data: []byte("platform: mesos\n")}
		}, `platform "mesos" is not in platform snapshot 2026-11`},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			m := base()
			tc.mutate(m)
			_, err := ha.LoadCatalogue(m, ".")
			if tc.want == "" {
				require.NoError(t, err)
				return
			}
			require.Error(t, err)
			assert.Contains(t, err.Error(), tc.want)
			assert.True(t, strings.HasPrefix(err.Error(), "ha: "), err.Error())
		})
	}
}

func swarmYAML(src string) string {
	cell := "{value: \"yes\", source: " + src + "}"
	var b strings.Builder
	b.WriteString("platform: swarm\nquorum_source: a\nevents:\n")
	for _, e := range ha.Events() {
		b.WriteString("  " + string(e) + ":\n")
		for _, f := range []string{"running_workloads_continue", "rescheduling", "deployments", "autoscaling", "service_discovery"} {
			b.WriteString("    " + f + ": " + cell + "\n")
		}
		b.WriteString("    recovery: {text: t, source: a}\n")
	}
	return b.String()
}

// The SLAs are package platform's; ManagedSLA reads the snapshot in force.
func TestManagedSLA(t *testing.T) {
	c, err := ha.EmbeddedCatalogue()
	require.NoError(t, err)
	tests := []struct {
		platform platform.ID
		snapshot platform.SnapshotID
		percent  string
		from     platform.SnapshotID
		none     bool
	}{
		{"eks", "", "99.95", "2026-11", false},
		{"eks", "2026-11", "99.95", "2026-11", false},
		{"ecs-ec2", "2026-11", "99.99", "2026-11", false},
		{"ecs-fargate", "", "99.99", "2026-11", false},
		{"lambda", "2026-11", "99.95", "2026-11", false},
		{"lambda", "2030-01", "99.95", "2026-11", false},
		{"lambda", "2017-12", "0", "2017-12", true},
		{"ecs-fargate", "2020-06", "0", "2017-12", true},
	}
	for _, tc := range tests {
		t.Run(tc.platform.String()+"@"+tc.snapshot.String(), func(t *testing.T) {
			s, err := c.ManagedSLA(tc.platform, tc.snapshot)
			require.NoError(t, err)
			assert.Equal(t, tc.percent, s.Percent.String())
			assert.Equal(t, tc.none, s.None())
			assert.Equal(t, tc.from, s.Snapshot)
			assert.True(t, strings.HasPrefix(string(s.URL), "https://"))
			assert.False(t, s.AsOf.IsZero())
		})
	}
	s, _ := c.ManagedSLA("eks", "")
	assert.InDelta(t, 0.0005, s.Availability.Down(), 1e-18)
	_, err = c.ManagedSLA("swarm", "")
	assert.EqualError(t, err, `ha: platform: "swarm" runs its own control plane and has no SLA`)
	_, err = c.ManagedSLA("mesos", "")
	assert.ErrorContains(t, err, `ha: platform: "mesos" is unknown`)
	_, err = c.ManagedSLA("eks", "2010-01")
	assert.EqualError(t, err, `ha: snapshot: "2010-01" has no SLA entry for eks`)
	_, err = c.ManagedSLA("eks", "2017-12")
	assert.EqualError(t, err, `ha: snapshot: "2017-12" has no SLA entry for eks: it is not in platform snapshot 2017-12`)
}

// The report's "sla" object keeps its fields and their order.
func TestSLAJSON(t *testing.T) {
	c, err := ha.EmbeddedCatalogue()
	require.NoError(t, err)
	for _, tc := range []struct {
		platform platform.ID
		snapshot platform.SnapshotID
		want     string
	}{
		{"eks", "2026-11", `{"platform":"eks","snapshot":"2026-11","percent":"99.95","availability":"0.9995","scope":"Kubernetes API endpoint, monthly uptime","source":"https://aws.amazon.com/eks/sla/","as_of":"2022-05-04"}`},
		{"ecs-ec2", "2017-12", `{"platform":"ecs-ec2","snapshot":"2017-12","note":"the Compute SLA covers ECS first in its version of 2018-02-12; no earlier ECS SLA is recorded","source":"https://aws.amazon.com/ec2/sla/historical","as_of":"2018-02-12","inference":true}`},
	} {
		s, err := c.ManagedSLA(tc.platform, tc.snapshot)
		require.NoError(t, err)
		js, err := json.Marshal(s)
		require.NoError(t, err)
		assert.Equal(t, tc.want, string(js), "json.Marshal(ManagedSLA(%s, %s))", tc.platform, tc.snapshot)
	}
}

// What ha knows of a platform is package platform's.
func TestPlatformInfoIsPlatforms(t *testing.T) {
	c, err := ha.EmbeddedCatalogue()
	require.NoError(t, err)
	cat, err := platform.EmbeddedCatalogue("")
	require.NoError(t, err)
	for _, p := range cat.Platforms {
		info, err := c.Platform(p.ID)
		require.NoError(t, err)
		assert.Equal(t, p.Name, info.Name, "%s name", p.ID)
		assert.Equal(t, string(p.ControlPlane.Consensus), info.ControlPlane, "%s control plane", p.ID)
		// Worker nodes to lose: the user's, or AWS's in the user's
		// account where the scenario file says what losing one does.
		wl, err := c.Behaviour(p.ID, ha.WorkerLost)
		require.NoError(t, err)
		assert.Equal(t, p.Workers.Value == platform.User || wl.RunningWorkloadsContinue.Value != ha.NotApplicable, info.Workers, "%s workers", p.ID)
	}
	auto, _ := c.Platform("eks-auto-mode")
	assert.True(t, auto.Workers, "EKS Auto Mode's nodes are EC2 instances in the user's account that can fail")
	fargate, _ := c.Platform(platform.ECSFargate)
	assert.False(t, fargate.Workers, "Fargate has no worker nodes to run")
}

func TestPlatformsSortedByID(t *testing.T) {
	c, err := ha.EmbeddedCatalogue()
	require.NoError(t, err)
	var ids []platform.ID
	for _, p := range c.Platforms() {
		ids = append(ids, p.ID)
	}
	// The newest platform catalogue's ids, sorted: a platform added there
	// with its scenario file needs no edit here.
	cat, err := platform.EmbeddedCatalogue(platform.Newest)
	require.NoError(t, err)
	var want []platform.ID
	for _, p := range cat.Platforms {
		want = append(want, p.ID)
	}
	slices.Sort(want)
	assert.Equal(t, want, ids, "Platforms() ids")
	assert.True(t, slices.IsSorted(ids), "Platforms() sorted by id")
}

// Lookup reads the embedded catalogue: the same behaviour as Default's.
func TestLookup(t *testing.T) {
	c, err := ha.EmbeddedCatalogue()
	require.NoError(t, err)
	for _, id := range platform.IDs() {
		for _, e := range ha.Events() {
			got, err := ha.Lookup(id, e)
			require.NoError(t, err)
			want, err := c.Behaviour(id, e)
			require.NoError(t, err)
			assert.Equal(t, want, got, "Lookup(%s, %s)", id, e)
		}
	}
	_, err = ha.Lookup("swarm", "reboot")
	assert.EqualError(t, err, `ha: event: "reboot" is unknown`)
}

func TestParseEvent(t *testing.T) {
	for _, e := range ha.Events() {
		got, err := ha.ParseEvent(string(e))
		require.NoError(t, err)
		assert.Equal(t, e, got, "ParseEvent(%q)", e)
	}
	_, err := ha.ParseEvent("zone-lost ")
	assert.EqualError(t, err, `ha: event: "zone-lost " is not one of [manager-lost quorum-lost control-plane-lost worker-lost zone-lost]`)
}

// LoadCatalogue reads a directory of fsys, naming files relative to it;
// the names before issue 11's one pattern still work, as wrappers.
func TestLoadCatalogueDirAndDeprecatedLoaders(t *testing.T) {
	fsys := fstest.MapFS{
		"ha/sources.yaml":         {Data: []byte("sources:\n  a: {url: https://x, citation: X, kind: primary, as_of: '2026-11-25'}\n")},
		"ha/scenarios/swarm.yaml": {Data: []byte(swarmYAML("a"))},
	}
	c, err := ha.LoadCatalogue(fsys, "ha")
	require.NoError(t, err)
	assert.Len(t, c.Platforms(), 1)
	fsys["ha/scenarios/swarm.yaml"] = &fstest.MapFile{Data: []byte(swarmYAML("nope"))}
	_, err = ha.LoadCatalogue(fsys, "ha")
	assert.ErrorContains(t, err, `ha: scenarios/swarm.yaml: `)

	sub, err := fs.Sub(fsys, "ha")
	require.NoError(t, err)
	_, wantErr := ha.LoadCatalogue(sub, ".")
	_, err = ha.Load(sub)
	assert.Equal(t, wantErr.Error(), err.Error(), "Load")

	want, err := ha.EmbeddedCatalogue()
	require.NoError(t, err)
	got, err := ha.Default()
	require.NoError(t, err)
	assert.Equal(t, want.Platforms(), got.Platforms(), "Default")
}
