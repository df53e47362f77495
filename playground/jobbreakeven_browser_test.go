//go:build !js

package main

import (
	"context"
	"encoding/base64"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// issue 27: a job of thousands of tasks a run crosses Lambda's line tens of
// thousands of times, and the page stayed at "Loading the calculator…"
// for over 95 s while the bridge merged the crossings quadratically. From
// a share link, the page now shows the result: the first crossing, and
// how many there are in all.
func TestJobBreakEvenInPage(t *testing.T) {
	const job = "workload: {kind: job, runs_per_month: 30, run_minutes: 5, memory_mb: 512, parallelism: %d}\n"
	tests := []struct {
		name        string
		parallelism int64
		first       string // the first crossing against Docker Swarm, as the page groups it
		crossings   int
	}{
		{name: "10,000 tasks a run", parallelism: 10000, first: "7,350.9 runs a month", crossings: 15263},
		{name: "the bound, 1e9 tasks a run", parallelism: 1000000000, first: "8,759.06 runs a month", crossings: 19045},
	}
	if testing.Short() {
		t.Skip("browser test skipped in -short mode")
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			// The site first: building it must not use the browser's time.
			link := servedSite(t) + "#s=" + base64.RawURLEncoding.EncodeToString(fmt.Appendf(nil, job, tc.parallelism))
			ctx := newBrowser(t)
			pe := watchErrors(ctx)
			require.NoError(t, chromedp.Do(ctx, chromedp.Navigate(link)))
			waitJobResult(t, ctx)

			items := eval[[]string](t, ctx, `[...document.querySelectorAll('#breakeven li')].map(li => li.textContent)`)
			var swarm string
			for _, it := range items {
				if strings.Contains(it, "Docker Swarm") && strings.Contains(it, "cost the same") {
					swarm = it
				}
			}
			require.NotEmpty(t, swarm, "a break-even against Docker Swarm among %q", items)
			assert.Contains(t, swarm, "first cost the same at "+tc.first, "the first crossing")
			assert.Contains(t, swarm, "AWS Lambda is cheaper below it", "the cheaper side below it")
			assert.Contains(t, swarm, fmt.Sprintf("cross %d times", tc.crossings), "how many crossings, in words")
			assert.Equal(t, "false", eval[string](t, ctx, `String(document.getElementById('breakeven').hidden)`), "the break-even list is shown")
			pe.check(t)
		})
	}
}

// waitJobResult waits for the summary table as waitResult does, but for as
// long as the browser's context allows: the bridge evaluates the job in
// WebAssembly, several times slower than natively, on a machine that may
// be busy. The test is about the result, not about its speed.
func waitJobResult(t *testing.T, ctx context.Context) {
	t.Helper()
	var err error
	for ctx.Err() == nil {
		var ok bool
		ok, err = chromedp.Run(ctx, chromedp.Evaluate[bool](`document.querySelectorAll('#summary tbody tr').length > 0`))
		if err == nil && ok {
			return
		}
		time.Sleep(100 * time.Millisecond)
	}
	t.Fatalf("no result rendered before the browser's deadline: %v", err)
}
