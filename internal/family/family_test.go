package family_test

import (
	"testing"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/runwhere/runwhere/capacity"
	"github.com/runwhere/runwhere/cost"
	"github.com/runwhere/runwhere/internal/engine"
	"github.com/runwhere/runwhere/internal/family"
	"github.com/runwhere/runwhere/platform"
)

// Every built-in family has a model; a family the registry does not
// name is an error naming it, and so is every family in no registry.
func TestForEveryFamily(t *testing.T) {
	reg := family.Builtin()
	for f := range reg {
		a, err := reg.FamilyOf(platform.Platform{ID: "?", Family: f})
		require.NoError(t, err, "FamilyOf(%s)", f)
		assert.NotNil(t, a, "FamilyOf(%s)", f)
	}
	_, err := reg.FamilyOf(platform.Platform{ID: "?", Family: "containers"})
	require.Error(t, err)
	assert.Contains(t, err.Error(), `engine: no model for platform family "containers"`)
	_, err = engine.Registry(nil).FamilyOf(platform.Platform{ID: "?", Family: platform.Nodes})
	assert.ErrorContains(t, err, `engine: no model for platform family "nodes"`)
}

// Every platform of the newest snapshot evaluates with its family's
// adapter, and where it is priced its cost model at the scenario's own
// load is its bill: the bill, the curves and the break-even price one
// model.
func TestEveryPlatformPricesItsOwnBill(t *testing.T) {
	cat, err := platform.EmbeddedCatalogue(platform.Newest)
	require.NoError(t, err)
	prices, err := cost.EmbeddedCatalogue(platform.Newest, "us-east-1")
	require.NoError(t, err)
	inst, err := platform.EmbeddedInstances()
	require.NoError(t, err)
	cats := engine.Catalogues{Platforms: cat, Prices: prices, Instances: inst, Families: family.Builtin()}
	d := decimal.RequireFromString
	rps := d("40")
	month := rps.Mul(decimal.NewFromInt(platform.SecondsPerMonth))
	in := engine.Inputs{
		Snapshot:  platform.Newest,
		Region:    "us-east-1",
		Workload:  capacity.Workload{RequestsPerSecond: rps, PeakRequestsPerSecond: d("400"), DurationMS: d("120"), MemoryMB: 512, CPUFraction: d("1"), MaxDurationS: 1},
		Container: capacity.Container{VCPU: d("0.5"), MemoryMB: 1024},
		Servers:   capacity.Servers{InstanceType: "m5.large", TargetUtilization: d("0.7"), Zones: 3, Managers: 3},
		Arch:      "x86_64",
		Function:  capacity.Function{MemoryMB: 512, EphemeralStorageMB: 512},
		Lambda:    cost.LambdaUsage{Requests: month, DurationMS: d("120"), MemoryMB: 512, Arch: cost.X86},
	}
	for _, p := range cat.Platforms {
		t.Run(string(p.ID), func(t *testing.T) {
			r, err := engine.Evaluate(p, cats, in)
			require.NoError(t, err)
			assert.Empty(t, r.Findings.Blockers(), "blockers")
			assert.Equal(t, p.ID, r.Topology.Platform)
			var model decimal.Decimal
			switch {
			case r.PerRequest:
				require.NotNil(t, r.Curve)
				assert.Nil(t, r.Fleet)
				model = r.Curve.At(month)
			default:
				require.NotNil(t, r.Fleet)
				assert.Nil(t, r.Curve)
				model = r.Fleet.At(month)
				if r.Around != nil {
					// What grows with the requests beside the fleet
					// (Lambda Managed Instances' request charge).
					model = model.Add(r.Around.At(month))
				}
			}
			assert.True(t, model.Equal(r.Bill.Total()), "cost model at the load = %s, bill = %s", model, r.Bill.Total())
		})
	}
}
