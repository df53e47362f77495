package cost_test

import (
	"encoding/json"
	"testing"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/runwhere/runwhere/cost"
	"github.com/runwhere/runwhere/platform"
)

// A caller who changes a catalogue from Embedded, or a clone, changes only
// their own copy: each case edits one part of the catalogue that is a
// pointer, map or slice.
func TestEmbeddedReturnsACopy(t *testing.T) {
	tests := []struct {
		name string
		edit func(c *cost.Catalogue)
	}{
		{"lambda request price", func(c *cost.Catalogue) { c.Lambda.Request.Value = decimal.Zero }},
		{"lambda duration tier", func(c *cost.Catalogue) { c.Lambda.Duration[cost.X86][0].Value = decimal.Zero }},
		{"lambda tier bound", func(c *cost.Catalogue) { *c.Lambda.Duration[cost.X86][0].UpToGBSeconds = decimal.Zero }},
		{"lambda ephemeral storage", func(c *cost.Catalogue) { c.Lambda.EphemeralStorage.Value = decimal.Zero }},
		{"ec2 instance", func(c *cost.Catalogue) { c.EC2.Instances["m5.large"] = cost.Instance{} }},
		{"ec2 new instance", func(c *cost.Catalogue) {
			c.EC2.Instances["x9.huge"] = cost.Instance{Hourly: cost.Figure{Value: decimal.NewFromInt(1)}}
		}},
		{"fargate rates", func(c *cost.Catalogue) { c.Fargate.LinuxX86.VCPUSecond.Value = decimal.Zero }},
		{"fargate task size", func(c *cost.Catalogue) { c.Fargate.TaskSizes.Sizes[0].VCPU = decimal.Zero }},
		{"fargate task range", func(c *cost.Catalogue) {
			for _, r := range c.Fargate.TaskSizes.Sizes {
				if r.StepGB != nil {
					*r.StepGB = decimal.Zero
				}
			}
		}},
		{"eks", func(c *cost.Catalogue) { c.EKS.StandardClusterHour.Value = decimal.Zero }},
		{"ecs control plane", func(c *cost.Catalogue) { c.ECSControlPlane.URL = "" }},
		{"a fee", func(c *cost.Catalogue) {
			if len(c.Fees) == 0 {
				panic("the us-east-1 catalogue has no fees to edit")
			}
			for k := range c.Fees {
				c.Fees[k] = cost.Fee{}
			}
		}},
		{"public ipv4", func(c *cost.Catalogue) { c.PublicIPv4.Value = decimal.Zero }},
		{"data out tier", func(c *cost.Catalogue) { c.DataTransfer.InternetOut[0].Value = decimal.Zero }},
		{"data out tier bound", func(c *cost.Catalogue) { *c.DataTransfer.InternetOut[0].UpToGB = decimal.Zero }},
		{"gp3", func(c *cost.Catalogue) { c.EBS.GP3GBMonth.Value = decimal.Zero }},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			want := catalogueJSON(t, embedded(t, platform.Snapshot2026))
			mine := embedded(t, platform.Snapshot2026)
			tc.edit(mine)
			assert.JSONEq(t, want, catalogueJSON(t, embedded(t, platform.Snapshot2026)), "Embedded() after a caller's edit")

			clone := embedded(t, platform.Snapshot2026)
			own := catalogueJSON(t, clone)
			tc.edit(clone.Clone())
			assert.JSONEq(t, own, catalogueJSON(t, clone), "Clone() edited, original")
		})
	}
}

// A caller's own price for a type of the generated table wins on the
// caller's copy, and only there.
func TestInstanceOverrideStaysOnTheCopy(t *testing.T) {
	mine := embedded(t, platform.Snapshot2026)
	listed, err := mine.Instance("m5.large")
	require.NoError(t, err)
	assert.Equal(t, "0.096", listed.Hourly.Value.String(), "the generated us-east-1 price")
	mine.EC2.Instances["m5.large"] = cost.Instance{Hourly: cost.Figure{Value: decimal.RequireFromString("0.07")}}
	got, err := mine.Instance("m5.large")
	require.NoError(t, err)
	assert.Equal(t, "0.07", got.Hourly.Value.String(), "the caller's price on its copy")
	fresh, err := embedded(t, platform.Snapshot2026).Instance("m5.large")
	require.NoError(t, err)
	assert.Equal(t, "0.096", fresh.Hourly.Value.String(), "the next caller's copy")
}

func TestCloneNil(t *testing.T) {
	var c *cost.Catalogue
	assert.Nil(t, c.Clone(), "(*Catalogue)(nil).Clone()")
}

func catalogueJSON(t *testing.T, c *cost.Catalogue) string {
	t.Helper()
	js, err := json.Marshal(c)
	require.NoError(t, err)
	return string(js)
}
