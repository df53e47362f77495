//go:build !js

package main

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// Issue 25, correction 2: a card's bill shows both totals when they
// differ, each said for what it is. The nightly job on ECS on Fargate:
// lines rounded and summed $1.98 (as AWS's bill shows it), the exact
// $1.9748 rounded once $1.97 (as most calculators show it).
func TestTwoTotalsOnTheCard(t *testing.T) {
	want := evaluatePreset(t, "nightly-batch-40min")
	p := platformOf(t, want, "ecs-fargate")
	require.Equal(t, "1.98", p.MonthlyCostRounded.StringFixed(2))
	require.Equal(t, "1.97", p.MonthlyCostTotalRounded.StringFixed(2))
	ctx := newBrowser(t)
	open(t, ctx, servedSite(t))
	choosePreset(t, ctx, "nightly-batch-40min")
	foot := eval[[]string](t, ctx, `[...document.querySelectorAll('#cards .card[data-platform="ecs-fargate"] tfoot tr')].map(tr => tr.textContent)`)
	require.NotEmpty(t, foot, "the card's bill")
	assert.Contains(t, foot[0], "Monthly total")
	assert.Contains(t, foot[0], "1.98")
	require.GreaterOrEqual(t, len(foot), 2, "the exact total rounded once")
	assert.Contains(t, foot[1], "Total rounded once")
	assert.Contains(t, foot[1], "1.97")
	// Where the two agree, no second row.
	for _, q := range want.Platforms {
		if q.Feasible && q.MonthlyCostRounded.Equal(q.MonthlyCostTotalRounded) {
			rows := eval[int](t, ctx, `document.querySelectorAll('#cards .card[data-platform="`+string(q.Platform)+`"] tfoot tr.once').length`)
			assert.Zero(t, rows, "%s: the totals agree", q.Platform)
		}
	}
}
