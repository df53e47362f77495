package runwhere

import (
	"io/fs"
	"os"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/runwhere/runwhere/ha"
	"github.com/runwhere/runwhere/internal/engine"
	"github.com/runwhere/runwhere/internal/family"
	"github.com/runwhere/runwhere/internal/testfamily"
	"github.com/runwhere/runwhere/platform"
)

// testSources are the embedded catalogues with cat in place of the
// newest platform snapshot, HA scenario files copied from the shipped
// ones under the new ids (haFrom: new id → the platform whose file it
// takes), and the given families.
func testSources(t *testing.T, cat platform.Catalogue, haFrom map[platform.ID]platform.ID, families engine.Registry) sources {
	t.Helper()
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
	for id, from := range haFrom {
		orig, ok := files["scenarios/"+string(from)+".yaml"]
		require.True(t, ok, "no HA scenario file for %s", from)
		text := string(orig.Data)
		require.Contains(t, text, "platform: "+string(from)+"\n")
		files["scenarios/"+string(id)+".yaml"] = &fstest.MapFile{Data: []byte(strings.Replace(text, "platform: "+string(from)+"\n", "platform: "+string(id)+"\n", 1))}
	}
	haCat, err := ha.LoadCatalogueFor(files, ".", cat)
	require.NoError(t, err)
	return sources{
		platforms: func(snapshot string) (platform.Catalogue, error) {
			if snapshot == platform.Newest {
				return cat, nil
			}
			return platformCatalogue(snapshot)
		},
		prices:   priceCatalogue,
		ha:       func() (*ha.Catalogue, error) { return haCat, nil },
		families: families,
	}
}

// TestTestOnlyPlatformOfEveryFamily adds, for each family the newest
// catalogue has (read from it, never listed here), a copy of its first
// platform under a test-only id, and evaluates both side by side: data
// alone makes a platform of an existing family, so the copy's column is
// the original's, line by line, with its own id.
func TestTestOnlyPlatformOfEveryFamily(t *testing.T) {
	cat, err := platform.EmbeddedCatalogue(platform.Newest)
	require.NoError(t, err)
	var originals []platform.Platform
	seen := map[platform.Family]bool{}
	for _, p := range cat.Platforms {
		if !seen[p.Family] {
			seen[p.Family] = true
			originals = append(originals, p)
		}
	}
	require.GreaterOrEqual(t, len(originals), 3, "the catalogue has platforms of several families")
	haFrom := map[platform.ID]platform.ID{}
	var ids []platform.ID
	for _, p := range originals {
		cp := p
		cp.ID = platform.ID("test-" + string(p.Family))
		cp.Name = p.Name + " (test-only)"
		cat.Platforms = append(cat.Platforms, cp)
		haFrom[cp.ID] = p.ID
		ids = append(ids, p.ID, cp.ID)
	}
	d := decimal.RequireFromString
	s := Scenario{
		Platforms: ids,
		Workload:  Workload{RequestsPerSecond: ptr(d("20")), PeakRequestsPerSecond: ptr(d("40")), DurationMS: ptr(d("500")), MemoryMB: ptr(int64(1024)), CPUFraction: ptr(d("0.05"))},
	}
	r, err := evaluateFrom(s, testSources(t, cat, haFrom, nil))
	require.NoError(t, err)
	require.Len(t, r.Platforms, len(ids))
	for i := 0; i < len(ids); i += 2 {
		want, got := r.Platforms[i], r.Platforms[i+1]
		t.Run(string(got.Platform), func(t *testing.T) {
			assert.Equal(t, want.Feasible, got.Feasible)
			assert.True(t, want.MonthlyCost.Equal(got.MonthlyCost), "%s costs %s, %s %s", got.Platform, got.MonthlyCost, want.Platform, want.MonthlyCost)
			require.Len(t, got.CostLines, len(want.CostLines))
			for j := range want.CostLines {
				// A line names the platform (its workers) or the service
				// it bills (Lambda's requests): either way, the same line.
				item := got.CostLines[j].Item
				assert.Contains(t, []string{want.CostLines[j].Item, strings.ReplaceAll(want.CostLines[j].Item, string(want.Platform), string(got.Platform))}, item)
				assert.True(t, want.CostLines[j].Amount.Equal(got.CostLines[j].Amount), "line %d", j)
			}
			assert.Equal(t, want.Capacity, got.Capacity)
		})
	}
}

// TestTestOnlyFamily evaluates a family that exists only in tests: one
// package (internal/testfamily) and a catalogue entry that names it and
// gives its price as a param. Nothing else in the code knows it: the
// break-even against Lambda, the ranking and the HA summary take it as
// they take any platform priced by a fleet.
func TestTestOnlyFamily(t *testing.T) {
	cat, err := platform.EmbeddedCatalogue(platform.Newest)
	require.NoError(t, err)
	fargate, ok := cat.Platform(platform.ECSFargate)
	require.True(t, ok)
	const id platform.ID = "flat-test"
	entry := platform.Platform{
		ID: id, Name: "Flat-rate containers (test-only)", Kind: platform.Orchestrator, Family: testfamily.Family,
		ControlPlane: fargate.ControlPlane, Workers: fargate.Workers, Features: fargate.Features,
		Params: map[string]platform.Param{
			testfamily.ParamReplicaHour: {Value: decimal.RequireFromString("0.05"), Unit: "USD", Source: platform.Source{URL: "https://example.com/flat-rate", AsOf: fargate.Workers.AsOf}},
		},
	}
	cat.Platforms = append(cat.Platforms, entry)
	families := family.Builtin()
	families[testfamily.Family] = testfamily.Flat{}
	d := decimal.RequireFromString
	s := Scenario{
		Platforms: []platform.ID{platform.Lambda, id},
		Workload:  Workload{RequestsPerSecond: ptr(d("20")), PeakRequestsPerSecond: ptr(d("40")), DurationMS: ptr(d("500")), MemoryMB: ptr(int64(1024))},
	}
	r, err := evaluateFrom(s, testSources(t, cat, map[platform.ID]platform.ID{id: platform.ECSFargate}, families))
	require.NoError(t, err)
	require.Len(t, r.Platforms, 2)
	got := r.Platforms[1]
	assert.True(t, got.Feasible, "blockers: %+v", got.Blockers)
	// 40 requests/s × 0.5 s = 20 replicas in flight at the peak, each
	// 730 h at $0.05: 20 × 730 × 0.05 = $730.
	assert.Equal(t, 20, got.Capacity.Replicas)
	assert.Equal(t, "730.00", got.MonthlyCostRounded.StringFixed(2))
	require.Len(t, r.BreakEven, 1, "Lambda against the flat-rate platform")
	assert.Equal(t, id, r.BreakEven[0].Server)
	assert.True(t, slices.ContainsFunc(r.Recommendation.Ranking, func(rk Ranked) bool { return rk.Platform == id }))

	// What runs today on it is priced by its family's own Today: 10
	// replicas × 730 h × $0.05 = $365, and Lambda is set against it.
	today := s
	today.Current = &Current{Platform: id, Count: ptr(d("10"))}
	r, err = evaluateFrom(today, testSources(t, cat, map[platform.ID]platform.ID{id: platform.ECSFargate}, families))
	require.NoError(t, err)
	require.NotNil(t, r.Baseline)
	assert.Equal(t, "365", r.Baseline.MonthlyCost.String())
	assert.Equal(t, "10 × replicas", r.Baseline.Runs)
	require.NotNil(t, r.Platforms[0].VsCurrent)
	assert.True(t, r.Platforms[0].VsCurrent.Saving.Equal(d("365").Sub(r.Platforms[0].MonthlyCost)))
	// A family without the hook cannot price today's: an error naming
	// the field, never a baseline of zero.
	families[testfamily.Family] = evaluateOnly{testfamily.Flat{}}
	_, err = evaluateFrom(today, testSources(t, cat, map[platform.ID]platform.ID{id: platform.ECSFargate}, families))
	assert.ErrorContains(t, err, "current.platform: flat-test cannot be priced as it runs today")
	families[testfamily.Family] = testfamily.Flat{}

	// Without its family's model the platform is an error naming the
	// family, never a silent zero.
	_, err = evaluateFrom(s, testSources(t, cat, map[platform.ID]platform.ID{id: platform.ECSFargate}, nil))
	assert.ErrorContains(t, err, `no model for platform family "flat-rate"`)
}

// Every platform the 2017-12 snapshot does not have is that snapshot's
// answer for it: an error naming the field, the snapshot and when the
// platform arrived (the four of 2024–2025, and EKS, 2018-06).
func TestNotIn2017(t *testing.T) {
	old, err := platform.EmbeddedCatalogue(platform.Snapshot2017)
	require.NoError(t, err)
	newest, err := platform.EmbeddedCatalogue(platform.Newest)
	require.NoError(t, err)
	missing := 0
	for _, p := range newest.Platforms {
		if _, ok := old.Platform(p.ID); ok {
			continue
		}
		missing++
		require.NotNil(t, p.Arrived, "%s records when it arrived", p.ID)
		s := Scenario{Snapshot: platform.Snapshot2017.String(), Platforms: []platform.ID{p.ID},
			Workload: Workload{RequestsPerSecond: ptr(decimal.NewFromInt(1)), DurationMS: ptr(decimal.NewFromInt(100)), MemoryMB: ptr(int64(128))}}
		_, err := Evaluate(s)
		assert.EqualError(t, err, "runwhere: platforms[0]: "+string(p.ID)+" is not in snapshot 2017-12 (it arrived "+p.Arrived.Month+")")
	}
	assert.GreaterOrEqual(t, missing, 5, "EKS and the four platforms of 2024-2025")
}

// evaluateOnly is a family with Evaluate and no hook.
type evaluateOnly struct{ f testfamily.Flat }

func (m evaluateOnly) Evaluate(p platform.Platform, cat engine.Catalogues, in engine.Inputs) (engine.Result, error) {
	return m.f.Evaluate(p, cat, in)
}
