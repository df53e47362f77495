package runwhere

import (
	"io/fs"
	"os"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/runwhere/runwhere/ha"
	"github.com/runwhere/runwhere/platform"
)

// TestTestOnlyPlatform adds a platform of an existing family that exists
// only in this test — "k3s", a nodes platform whose entry is Kubernetes'
// with another id and name — and evaluates it end to end: sizing, bill,
// control plane, HA, break-even against Lambda and the ranking. Adding it
// took two pieces of data and no code: its platform catalogue entry and
// its HA scenario file (README, "Adding a platform"). Being Kubernetes
// under another name, every figure of its column must be Kubernetes'.
func TestTestOnlyPlatform(t *testing.T) {
	const k3s platform.ID = "k3s"
	// 1. The catalogue entry.
	cat, err := platform.EmbeddedCatalogue(platform.Newest)
	require.NoError(t, err)
	kube, ok := cat.Platform(platform.Kubernetes)
	require.True(t, ok)
	entry := kube
	entry.ID, entry.Name = k3s, "K3s (test-only)"
	cat.Platforms = append(cat.Platforms, entry)
	// 2. The HA scenario file, beside the shipped ones.
	files := fstest.MapFS{}
	shipped := os.DirFS("ha/data")
	require.NoError(t, fs.WalkDir(shipped, ".", func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := fs.ReadFile(shipped, path)
		files[path] = &fstest.MapFile{Data: data}
		return err
	}))
	kubeHA := string(files["scenarios/kubernetes.yaml"].Data)
	require.Contains(t, kubeHA, "platform: kubernetes\n")
	files["scenarios/k3s.yaml"] = &fstest.MapFile{Data: []byte(strings.Replace(kubeHA, "platform: kubernetes\n", "platform: k3s\n", 1))}
	haCat, err := ha.LoadCatalogueFor(files, ".", cat)
	require.NoError(t, err)

	src := sources{
		platforms: func(snapshot string) (platform.Catalogue, error) {
			if snapshot == platform.Newest {
				return cat, nil
			}
			return platformCatalogue(snapshot)
		},
		prices: priceCatalogue, // a control plane the user runs has no fee to add
		ha:     func() (*ha.Catalogue, error) { return haCat, nil },
	}
	d := decimal.RequireFromString
	s := Scenario{
		Platforms: []platform.ID{platform.Lambda, platform.Kubernetes, k3s},
		Workload:  Workload{RequestsPerSecond: ptr(d("20")), PeakRequestsPerSecond: ptr(d("40")), DurationMS: ptr(d("500")), MemoryMB: ptr(int64(1024)), CPUFraction: ptr(d("0.05"))},
	}
	r, err := evaluateFrom(s, src)
	require.NoError(t, err)
	require.Len(t, r.Platforms, 3)
	want, got := r.Platforms[1], r.Platforms[2]
	require.Equal(t, k3s, got.Platform)
	assert.Equal(t, "K3s (test-only)", got.Name)
	assert.True(t, got.Feasible, "blockers: %+v", got.Blockers)
	assert.True(t, want.MonthlyCost.Equal(got.MonthlyCost), "k3s costs %s, Kubernetes %s", got.MonthlyCost, want.MonthlyCost)
	assert.True(t, got.MonthlyCost.IsPositive())
	assert.Equal(t, want.Capacity.Nodes, got.Capacity.Nodes)
	assert.Equal(t, want.Capacity.Managers, got.Capacity.Managers)
	assert.Equal(t, 3, got.Capacity.Managers, "a control plane the user runs: the scenario's three managers")
	require.Len(t, got.CostLines, len(want.CostLines))
	for i := range want.CostLines {
		assert.Equal(t, strings.Replace(want.CostLines[i].Item, "kubernetes", "k3s", 1), got.CostLines[i].Item)
		assert.True(t, want.CostLines[i].Amount.Equal(got.CostLines[i].Amount), "line %d", i)
	}
	assert.Equal(t, want.HA, got.HA, "its HA scenario file is Kubernetes'")
	require.Len(t, r.BreakEven, 2, "Lambda against each server platform")
	kubeBE, k3sBE := r.BreakEven[0], r.BreakEven[1]
	assert.Equal(t, k3s, k3sBE.Server)
	k3sBE.Server = platform.Kubernetes
	if k3sBE.CheaperBelow == k3s {
		k3sBE.CheaperBelow = platform.Kubernetes
	}
	k3sBE.Reason = strings.ReplaceAll(k3sBE.Reason, "K3s (test-only)", kube.Name)
	assert.Equal(t, kubeBE, k3sBE, "the break-even against Lambda is Kubernetes'")
	assert.Positive(t, kubeBE.Crossings, "an I/O-bound workload: the costs cross")
	ranked := map[platform.ID]Ranked{}
	for _, rk := range r.Recommendation.Ranking {
		ranked[rk.Platform] = rk
	}
	require.Contains(t, ranked, k3s, "k3s is ranked with the others")
	assert.Equal(t, ranked[platform.Kubernetes].Score, ranked[k3s].Score)

	// The shipped catalogues do not know it: a scenario naming it is refused,
	// in Go and in text, with the field and the value.
	_, err = Evaluate(s)
	assert.ErrorContains(t, err, "platforms[2]: k3s is not in snapshot 2026-11")
	_, err = ParseScenario([]byte("platforms: [lambda, k3s]\nworkload: {requests_per_second: 1, duration_ms: 100, memory_mb: 128}\n"))
	assert.ErrorContains(t, err, "line 1:21: platforms[1]: k3s is not a known platform id")
}
