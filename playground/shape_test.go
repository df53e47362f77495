//go:build !js

package main

import (
	"encoding/json"
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/require"

	"github.com/runwhere/runwhere"
)

// Issue 13, the page: the load shape as a picture one picks or edits,
// the job's fields when the workload is a job, and the chart of nodes by
// hour beside the cost chart.

// shapedPlatforms lists the feasible platforms of a report whose capacity
// has nodes_by_hour, as the report's JSON says, in its order.
func shapedPlatforms(t *testing.T, r runwhere.Report) []string {
	t.Helper()
	b, err := json.Marshal(r)
	require.NoError(t, err)
	var doc struct {
		Platforms []struct {
			Platform string `json:"platform"`
			Feasible bool   `json:"feasible"`
			Capacity struct {
				NodesByHour []int `json:"nodes_by_hour"`
			} `json:"capacity"`
		} `json:"platforms"`
	}
	require.NoError(t, json.Unmarshal(b, &doc))
	var ids []string
	for _, p := range doc.Platforms {
		if p.Feasible && len(p.Capacity.NodesByHour) > 0 {
			ids = append(ids, p.Platform)
		}
	}
	return ids
}

const barCount = `document.querySelectorAll('#shape:not([hidden]) svg rect.bar').length`

// shownField says whether the form shows the field of path.
func shownField(path string) string {
	return fmt.Sprintf(`!document.querySelector('.field[data-path=%q]').hidden`, path)
}

// TestShapeAndNodesByHour: the business-hours-api preset draws its week
// as 168 bars, and beside the cost chart one series of nodes by hour per
// platform whose fleet follows the load, in the cost chart's colours.
func TestShapeAndNodesByHour(t *testing.T) {
	ctx := newBrowser(t)
	pe := watchErrors(ctx)
	open(t, ctx, servedSite(t))
	choosePreset(t, ctx, "business-hours-api")
	waitTrue(t, ctx, "168 bars", barCount+` === 168`)
	if got := eval[string](t, ctx, `document.getElementById('shape-title').textContent`); got != "Load shape: Business hours" {
		t.Errorf("shape title = %q, want the profile's label", got)
	}
	// Every bar is a labelled slider: hour and value.
	if got := eval[string](t, ctx, `document.querySelector('#shape rect.bar[data-hour="32"]').getAttribute('aria-label')`); got != "Tuesday 08:00 UTC: 1" {
		t.Errorf("bar 32 aria-label = %q, want Tuesday 08:00 UTC: 1", got)
	}
	want := shapedPlatforms(t, evaluatePreset(t, "business-hours-api"))
	if len(want) < 2 {
		t.Fatalf("business-hours-api: only %v autoscale natively; the test needs several", want)
	}
	waitTrue(t, ctx, "nodes chart shown", `!document.getElementById('nodes-col').hidden && document.querySelectorAll('#nodes-chart path.series').length > 0`)
	got := eval[[]string](t, ctx, `[...document.querySelectorAll('#nodes-chart path.series')].map(p => p.dataset.platform)`)
	if !slices.Equal(got, want) {
		t.Errorf("nodes-by-hour series = %v, want one per autoscaled platform %v", got, want)
	}
	// Same colour as the platform's cost curve.
	mismatch := eval[[]string](t, ctx, `[...document.querySelectorAll('#nodes-chart path.series')].filter(p =>
		p.getAttribute('stroke') !== document.querySelector('#chart path.curve[data-platform="' + p.dataset.platform + '"]').getAttribute('stroke'))
		.map(p => p.dataset.platform)`)
	if len(mismatch) > 0 {
		t.Errorf("series coloured unlike their cost curve: %v", mismatch)
	}
	if txt := eval[string](t, ctx, `document.getElementById('nodes-chart').textContent`); !strings.Contains(txt, "Mon") || !strings.Contains(txt, "Sun") {
		t.Errorf("nodes chart axis = %q, want the days labelled", txt)
	}
	if cap := eval[string](t, ctx, `document.getElementById('nodes-caption').textContent`); !strings.Contains(cap, "week") {
		t.Errorf("nodes caption = %q", cap)
	}
	// On a desktop the two charts sit side by side.
	if err := chromedp.Do(ctx, chromedp.EmulateViewport(1280, 900)); err != nil {
		t.Fatal(err)
	}
	waitTrue(t, ctx, "charts side by side", `(() => { const a = document.getElementById('chart').getBoundingClientRect(), b = document.getElementById('nodes-chart').getBoundingClientRect();
		return b.left >= a.right && Math.abs(a.top - b.top) < 5; })()`)
	// A scenario without autoscaling has no such chart.
	choosePreset(t, ctx, "low-traffic-api")
	waitTrue(t, ctx, "nodes chart hidden", `document.getElementById('nodes-col').hidden`)
	pe.check(t)
}

// TestShapeProfileMenu: picking a profile redraws the picture (a day of
// 24 bars) and recomputes the report.
func TestShapeProfileMenu(t *testing.T) {
	ctx := newBrowser(t)
	pe := watchErrors(ctx)
	open(t, ctx, servedSite(t))
	choosePreset(t, ctx, "business-hours-api")
	waitTrue(t, ctx, "168 bars", barCount+` === 168`)
	before := costs(t, ctx)
	eval[chromedp.Void](t, ctx, `(() => { const s = document.getElementById('f-workload-profile');
		s.value = 'diurnal'; s.dispatchEvent(new Event('change', {bubbles: true})); })()`)
	waitTrue(t, ctx, "24 bars", barCount+` === 24`)
	if got := eval[string](t, ctx, `document.getElementById('shape-title').textContent`); !strings.Contains(got, "Day and night") {
		t.Errorf("shape title = %q, want the diurnal profile's label", got)
	}
	waitTrue(t, ctx, "YAML names the profile", `document.getElementById('yaml').value.includes('profile: diurnal')`)
	r := evaluateWith(t, "business-hours-api", func(s *runwhere.Scenario) { s.Workload.Profile = "diurnal" })
	after := costs(t, ctx)
	if after["swarm"] == before["swarm"] {
		t.Errorf("Swarm's cost stayed %s after the profile changed", after["swarm"])
	}
	if w := "$" + thousands(platformOf(t, r, "swarm").MonthlyCostRounded.StringFixed(2)); after["swarm"] != w {
		t.Errorf("Swarm under diurnal = %s, want %s as runwhere.Evaluate", after["swarm"], w)
	}
	pe.check(t)
}

// TestShapeEditBar: a click on a bar sets it, the arrow keys move and
// change the focused one; the scenario then has workload.hourly with
// every hour and no profile, and the report follows.
func TestShapeEditBar(t *testing.T) {
	ctx := newBrowser(t)
	pe := watchErrors(ctx)
	if err := chromedp.Do(ctx, chromedp.EmulateViewport(1280, 900)); err != nil {
		t.Fatal(err)
	}
	open(t, ctx, servedSite(t))
	choosePreset(t, ctx, "business-hours-api")
	waitTrue(t, ctx, "168 bars", barCount+` === 168`)
	hoursBefore := eval[string](t, ctx, `document.querySelector('#cards .card[data-platform="swarm"]').textContent`)
	// Saturday 10:00 (hour 130) is quiet (0.1): click near the top of its column.
	xy := eval[[]float64](t, ctx, `(() => { const s = document.querySelector('#shape svg'); s.scrollIntoView({block: 'center'});
		const r = s.getBoundingClientRect(); return [r.left + r.width * 130.5 / 168, r.top + 1]; })()`)
	if err := chromedp.Do(ctx, chromedp.MouseClickXY(xy[0], xy[1])); err != nil {
		t.Fatal(err)
	}
	waitTrue(t, ctx, "hourly in the YAML", `document.getElementById('yaml').value.includes('hourly:')`)
	hourly := func() []string {
		return strings.Split(eval[string](t, ctx, `document.getElementById('f-workload-hourly').value`), ", ")
	}
	h := hourly()
	if len(h) != 168 || h[130] != "1" || h[129] != "0.1" {
		t.Fatalf("hourly after the click = %d values, [129..130] = %v; want 168 with hour 130 at 1", len(h), h[129:131])
	}
	if y := eval[string](t, ctx, `document.getElementById('yaml').value`); strings.Contains(y, "profile:") {
		t.Errorf("the scenario keeps a profile beside its hourly list:\n%s", y)
	}
	if got := eval[string](t, ctx, `document.getElementById('shape-title').textContent`); got != "Load shape: your own hours" {
		t.Errorf("shape title = %q", got)
	}
	waitTrue(t, ctx, "report recomputed", fmt.Sprintf(`document.querySelector('#cards .card[data-platform="swarm"]').textContent !== %q`, hoursBefore))
	// Keys: the clicked bar has focus; Right moves, Up raises by 0.05.
	if err := chromedp.Do(ctx, chromedp.KeyEvent(kb.ArrowRight), chromedp.KeyEvent(kb.ArrowUp)); err != nil {
		t.Fatal(err)
	}
	waitTrue(t, ctx, "the key's edit", `document.getElementById('f-workload-hourly').value.split(', ')[131] === '0.15'`)
	if got := eval[string](t, ctx, `document.activeElement.getAttribute('aria-label')`); got != "Saturday 11:00 UTC: 0.15" {
		t.Errorf("focused bar = %q, want Saturday 11:00 UTC: 0.15", got)
	}
	// The native library agrees with the page on the edited shape.
	r := evaluateWith(t, "business-hours-api", func(s *runwhere.Scenario) {
		s.Workload.Profile = ""
		s.Workload.Hourly = nil
		for _, v := range hourly() {
			d, err := decimal.NewFromString(v)
			require.NoError(t, err, "hourly value %q", v)
			s.Workload.Hourly = append(s.Workload.Hourly, d)
		}
	})
	if got, w := costs(t, ctx)["swarm"], "$"+thousands(platformOf(t, r, "swarm").MonthlyCostRounded.StringFixed(2)); got != w {
		t.Errorf("Swarm after the edit = %s, want %s as runwhere.Evaluate", got, w)
	}
	// Back to a built-in shape: the hourly list goes, the profile's default draws.
	eval[chromedp.Void](t, ctx, `document.querySelector('#shape .shape-back').click()`)
	waitTrue(t, ctx, "hourly gone", `!document.getElementById('yaml').value.includes('hourly:')`)
	waitTrue(t, ctx, "built-in shape drawn", `document.getElementById('shape-title').textContent === 'Load shape: Flat'`)
	pe.check(t)
}

// TestJobKind: a job shows its own fields and hides the service's, and
// never sends the hidden ones; switching back brings back what was typed.
func TestJobKind(t *testing.T) {
	ctx := newBrowser(t)
	pe := watchErrors(ctx)
	open(t, ctx, servedSite(t))
	choosePreset(t, ctx, "nightly-batch-40min")
	for _, p := range []string{"workload.runs_per_month", "workload.run_minutes", "workload.parallelism", "servers.node_start_minutes"} {
		if !eval[bool](t, ctx, shownField(p)) {
			t.Errorf("job: %s hidden, want shown", p)
		}
	}
	for _, p := range []string{"workload.requests_per_second", "workload.duration_ms", "workload.profile", "workload.hourly", "servers.autoscaling"} {
		if eval[bool](t, ctx, shownField(p)) {
			t.Errorf("job: %s shown, want hidden", p)
		}
	}
	if eval[bool](t, ctx, `!document.getElementById('shape').hidden`) {
		t.Error("job: the load-shape picker is shown")
	}
	fargate := eval[string](t, ctx, `document.querySelector('#cards .card[data-platform="ecs-fargate"] .figures').textContent`)
	if !strings.Contains(fargate, "Task-hours a month20") {
		t.Errorf("Fargate's card figures = %q, want Task-hours a month 20", fargate)
	}
	swarm := eval[string](t, ctx, `document.querySelector('#cards .card[data-platform="swarm"] .figures').textContent`)
	if !strings.Contains(swarm, "Nodes of a joblaunched per run") || !strings.Contains(swarm, "Nodes per run1") {
		t.Errorf("Swarm's card figures = %q, want its nodes launched per run", swarm)
	}
	if h := eval[string](t, ctx, `document.getElementById('chart-h').textContent`); !strings.Contains(h, "runs a month") {
		t.Errorf("cost chart heading = %q, want runs a month", h)
	}
	if txt := eval[string](t, ctx, `document.getElementById('chart').textContent`); !strings.Contains(txt, "runs a month") || !strings.Contains(txt, "now: 30 runs") {
		t.Errorf("cost chart = %q, want runs a month on the x axis and the current 30 runs", txt)
	}

	// From a service to a job: the service's fields stay typed but unsent.
	choosePreset(t, ctx, "business-hours-api")
	eval[chromedp.Void](t, ctx, `(() => { const s = document.getElementById('f-workload-kind');
		s.value = 'job'; s.dispatchEvent(new Event('change', {bubbles: true})); })()`)
	waitTrue(t, ctx, "job fields shown", shownField("workload.runs_per_month")+` && !(`+shownField("workload.duration_ms")+`)`)
	setField(t, ctx, "workload.runs_per_month", "30")
	setField(t, ctx, "workload.run_minutes", "40")
	waitTrue(t, ctx, "the job computes", `!document.getElementById('results').classList.contains('stale') && document.getElementById('yaml').value.includes('runs_per_month: 30')`)
	y := eval[string](t, ctx, `document.getElementById('yaml').value`)
	for _, k := range []string{"requests_per_second", "duration_ms", "profile", "autoscaling"} {
		if strings.Contains(y, k+":") {
			t.Errorf("a job's scenario sends the hidden %s:\n%s", k, y)
		}
	}
	if got := eval[string](t, ctx, `document.getElementById('f-workload-duration_ms').value`); got != "120" {
		t.Errorf("duration_ms while hidden = %q, want the 120 typed before", got)
	}
	// And back: the service's fields return with what they held.
	eval[chromedp.Void](t, ctx, `(() => { const s = document.getElementById('f-workload-kind');
		s.value = 'service'; s.dispatchEvent(new Event('change', {bubbles: true})); })()`)
	waitTrue(t, ctx, "the service computes again", `!document.getElementById('results').classList.contains('stale') && document.getElementById('yaml').value.includes('duration_ms: 120') && !document.getElementById('yaml').value.includes('runs_per_month')`)
	waitTrue(t, ctx, "its shape is back", barCount+` === 168`)
	pe.check(t)
}

// TestShapePhoneWidth: at 375 px the shape picker and the nodes chart
// fit, the chart below the cost chart, and nothing scrolls sideways.
func TestShapePhoneWidth(t *testing.T) {
	ctx := newBrowser(t)
	if err := chromedp.Do(ctx, chromedp.EmulateViewport(375, 800, chromedp.EmulateMobile)); err != nil {
		t.Fatal(err)
	}
	open(t, ctx, servedSite(t))
	for _, name := range []string{"business-hours-api", "bursty-api", "nightly-batch-40min"} {
		choosePreset(t, ctx, name)
		if name != "nightly-batch-40min" {
			waitTrue(t, ctx, name+": nodes chart at the phone's width", `(() => { const s = document.querySelector('#nodes-chart svg');
				return s && s.getBoundingClientRect().right <= window.innerWidth &&
					s.getBoundingClientRect().top > document.querySelector('#chart svg').getBoundingClientRect().bottom; })()`)
			if w := eval[float64](t, ctx, `document.querySelector('#shape svg').getBoundingClientRect().right`); w > 375 {
				t.Errorf("%s: the shape picker reaches %v px on a 375 px screen", name, w)
			}
		}
		w := eval[[]any](t, ctx, `[document.documentElement.scrollWidth, window.innerWidth,
			[...document.querySelectorAll('body *')].filter(e => e.getBoundingClientRect().right > window.innerWidth + 1).slice(0, 3).map(e => e.tagName + '#' + e.id + '.' + e.getAttribute('class'))]`)
		// Against 375 as well: a mobile browser widens its layout viewport
		// to fit what is too wide, and then scrollWidth equals it.
		if w[0].(float64) > w[1].(float64) || w[1].(float64) != 375 {
			t.Errorf("%s: the page is %v px wide on a 375 px screen (layout viewport %v px); too wide: %v", name, w[0], w[1], w[2])
		}
	}
}

// TestJobBreakEvenInRuns: a job's break-even points are in runs a month,
// as the report gives them, in the list and on the chart.
func TestJobBreakEvenInRuns(t *testing.T) {
	ctx := newBrowser(t)
	pe := watchErrors(ctx)
	open(t, ctx, servedSite(t))
	choosePreset(t, ctx, "nightly-batch-40min")
	setField(t, ctx, "workload.run_minutes", "10")
	setField(t, ctx, "workload.runs_per_month", "3000")
	ten := decimal.NewFromInt(10)
	runs := int64(3000)
	r := evaluateWith(t, "nightly-batch-40min", func(s *runwhere.Scenario) {
		s.Workload.RunMinutes = &ten
		s.Workload.RunsPerMonth = &runs
	})
	var first string
	for _, b := range r.BreakEven {
		if b.RunsPerMonth != nil && b.RunsPerMonth.IsPositive() {
			first = thousands(b.RunsPerMonth.String()) + " runs a month"
			break
		}
	}
	if first == "" {
		t.Fatal("natively this job has no break-even in runs; the test needs one")
	}
	waitTrue(t, ctx, "break-even in runs", fmt.Sprintf(`document.getElementById('breakeven').textContent.includes(%q)`, first))
	if txt := eval[string](t, ctx, `document.getElementById('breakeven').textContent`); strings.Contains(txt, "requests/s") {
		t.Errorf("a job's break-even speaks of requests/s: %q", txt)
	}
	if n := eval[int](t, ctx, `document.querySelectorAll('#chart g.breakeven').length`); n == 0 {
		t.Error("no break-even marker on the job's chart")
	}
	pe.check(t)
}

// TestOtherKindFieldNamed: a pasted job that also gives a service's rate
// computes as a job, and the YAML box names the field left out.
func TestOtherKindFieldNamed(t *testing.T) {
	ctx := newBrowser(t)
	pe := watchErrors(ctx)
	open(t, ctx, servedSite(t))
	eval[chromedp.Void](t, ctx, `(() => { const y = document.getElementById('yaml');
		y.value = 'name: mixed\nworkload:\n  kind: job\n  runs_per_month: 30\n  run_minutes: 40\n  memory_mb: 1024\n  requests_per_second: 5\n';
		y.dispatchEvent(new Event('input', {bubbles: true})); })()`)
	waitTrue(t, ctx, "the job computes", `document.getElementById('scenario-name').textContent === 'mixed' && !document.getElementById('results').classList.contains('stale')`)
	if got := eval[string](t, ctx, `document.getElementById('yaml-error').textContent`); !strings.Contains(got, "workload.requests_per_second: a job does not use it") {
		t.Errorf("yaml error = %q, want it to name the service's field left out", got)
	}
	pe.check(t)
}
