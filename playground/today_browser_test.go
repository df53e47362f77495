//go:build !js

package main

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/runwhere/runwhere"
)

// Issue 23, item 8: the calculator's "What runs today" fieldset, today's
// bill near the answer with each platform against it, and the panel of
// the assumptions the answer rests on, each row leading to its field.

// calibrated is issue 23's question as a preset: an API on 4 m5.large
// of ECS on EC2 at 10 % CPU.
const calibrated = "calibrated-api"

// vsWords is what the page says of a platform's month against today's,
// from the native report: the saving to the cent, half up, and its share.
func vsWords(v *runwhere.VsCurrent) string {
	amount := v.SavingRounded.Abs().StringFixed(2)
	pct := v.SavingPercent.Abs().String()
	if v.SavingRounded.IsNegative() {
		return fmt.Sprintf("costs $%s (%s %%) more", thousands(amount), pct)
	}
	return fmt.Sprintf("saves $%s (%s %%)", thousands(amount), pct)
}

// assumptionOrder is the fields of a report's assumptions as the panel
// lists them: those that flip the recommendation first, the rest in the
// report's order.
func assumptionOrder(r runwhere.Report) []string {
	var order []string
	for _, flips := range []bool{true, false} {
		for _, a := range r.Assumptions {
			if a.Flips == flips {
				order = append(order, a.Field)
			}
		}
	}
	return order
}

// panelFields reads the fields of the assumptions panel's rows, in order.
func panelFields(t *testing.T, ctx context.Context) []string {
	t.Helper()
	return eval[[]string](t, ctx, `[...document.querySelectorAll('#assumptions-list li')].map(li => li.dataset.field)`)
}

// shownErrors lists the field errors and the banner on screen.
func shownErrors(t *testing.T, ctx context.Context) []string {
	t.Helper()
	return eval[[]string](t, ctx, `[...document.querySelectorAll('[id^="e-"], #scenario-error')]
		.filter(e => !e.hidden && e.textContent).map(e => e.id + ': ' + e.textContent)`)
}

func TestTodayCalibratedAPI(t *testing.T) {
	want := evaluatePreset(t, calibrated)
	require.NotNil(t, want.Baseline, "the preset has a current block")
	ctx := newBrowser(t)
	pe := watchErrors(ctx)
	open(t, ctx, servedSite(t))
	choosePreset(t, ctx, calibrated)
	assert.Empty(t, shownErrors(t, ctx))

	t.Run("baseline", func(t *testing.T) {
		got := eval[[]any](t, ctx, `[document.getElementById('today').hidden, document.querySelector('#today .today-line').textContent]`)
		assert.Equal(t, false, got[0], "today's box hidden")
		line := fmt.Sprintf("Today: %s on %s — $%s a month.", want.Baseline.Runs, want.Baseline.Name, want.Baseline.MonthlyCostRounded.StringFixed(2))
		assert.Equal(t, line, got[1])
		assert.Contains(t, line, "4 × m5.large nodes on Amazon ECS on EC2 — $312.44", "issue 23's baseline")
		rec := platformOf(t, want, string(want.Recommendation.Platform))
		assert.Contains(t, eval[string](t, ctx, `document.querySelector('#today .today-rec').textContent`), vsWords(rec.VsCurrent))
		// Today's bill, line by line, as a card's arithmetic.
		assert.Contains(t, eval[string](t, ctx, `document.querySelector('#today .arith tfoot').textContent`), "312.44")
		assert.Contains(t, eval[string](t, ctx, `document.querySelector('#today').textContent`), "16 ms of CPU a request")
	})

	t.Run("against today", func(t *testing.T) {
		cards := eval[map[string]string](t, ctx, `Object.fromEntries([...document.querySelectorAll('#cards .card')]
			.map(c => [c.dataset.platform, (c.querySelector('.cost .vs') || {}).textContent || '']))`)
		cells := eval[map[string]string](t, ctx, `Object.fromEntries([...document.querySelectorAll('#summary tbody tr')]
			.map(tr => [tr.dataset.platform, (tr.querySelector('td.vs') || {}).textContent || '']))`)
		assert.Equal(t, "vs today", eval[string](t, ctx, `(document.querySelector('#summary thead th.vs') || {}).textContent || ''`))
		for _, p := range want.Platforms {
			if p.VsCurrent == nil {
				assert.Empty(t, cards[string(p.Platform)], "%s has no vs_current", p.Platform)
				continue
			}
			assert.Equal(t, "Against today's $312.44: "+vsWords(p.VsCurrent), cards[string(p.Platform)], p.Platform)
			word := "less"
			if p.VsCurrent.Saving.IsNegative() {
				word = "more"
			}
			assert.Equal(t, p.VsCurrent.SavingPercent.Abs().String()+" % "+word, cells[string(p.Platform)], p.Platform)
		}
		assert.Equal(t, "Against today's $312.44: saves $154.76 (49.5 %)", cards["lambda"], "issue 23's figures")
		assert.Equal(t, "Against today's $312.44: costs $29.94 (9.6 %) more", cards["ecs-fargate"])
		assert.Contains(t, eval[string](t, ctx, `document.querySelector('#cards .card[data-platform="ecs-ec2"] .runs-today').textContent`),
			"Runs here today: 4 × m5.large nodes, $312.44 a month")
	})

	t.Run("bound by", func(t *testing.T) {
		rows := eval[map[string]string](t, ctx, `Object.fromEntries([...document.querySelectorAll('#cards .card')].map(c => {
			const dt = [...c.querySelectorAll('dt')].find(d => d.textContent === 'A replica is bound by');
			return [c.dataset.platform, dt ? dt.nextElementSibling.textContent : ''];
		}))`)
		words := map[string]string{"cpu": "CPU", "in_flight": "workers (requests at once)", "memory": "memory"}
		for _, p := range want.Platforms {
			assert.Equal(t, words[string(p.Capacity.BoundBy)], rows[string(p.Platform)], p.Platform)
		}
		assert.Equal(t, "CPU", rows["ecs-fargate"])
	})

	t.Run("assumptions", func(t *testing.T) {
		type row struct{ Field, Source, Badge, Link, Effect, From string }
		rows := eval[[]row](t, ctx, `[...document.querySelectorAll('#assumptions-list li')].map(li => ({
			Field: li.dataset.field, Source: li.dataset.source, Badge: li.querySelector('.badge.src').textContent,
			Link: (li.querySelector('.as-head button') || {}).textContent || '',
			Effect: (li.querySelector('.as-effect') || {}).textContent || '',
			From: (li.querySelector('.as-from') || {}).textContent || '' }))`)
		assert.False(t, eval[bool](t, ctx, `document.getElementById('assumptions').hidden`))
		require.Len(t, rows, len(want.Assumptions))
		order := assumptionOrder(want)
		byField := map[string]runwhere.Assumption{}
		for _, a := range want.Assumptions {
			byField[a.Field] = a
		}
		for i, r := range rows {
			assert.Equal(t, order[i], r.Field, "row %d", i)
			a := byField[r.Field]
			assert.Equal(t, a.Source, r.Source, r.Field)
			assert.Equal(t, a.Source, r.Badge, r.Field)
			assert.Equal(t, a.Effect, r.Effect, r.Field)
		}
		cpu := rows[0]
		assert.Equal(t, "workload.cpu_ms", cpu.Field)
		assert.Equal(t, "calibrated", cpu.Badge)
		assert.Equal(t, "CPU a request", cpu.Link, "the schema's label")
		assert.Equal(t, "From what runs today: Instance type m5.large, Running 4, CPU 0.1, At requests/s 50", cpu.From)
	})

	t.Run("rows lead to their fields", func(t *testing.T) {
		eval[chromedp.Void](t, ctx, `document.querySelector('#assumptions-list li[data-field="workload.cpu_ms"] .as-head button').click()`)
		assert.Equal(t, "f-workload-cpu_ms", eval[string](t, ctx, `document.activeElement.id`))
		eval[chromedp.Void](t, ctx, `document.querySelector('#assumptions-list li[data-field="workload.cpu_ms"] .as-from button').click()`)
		assert.Equal(t, "f-current-instance_type", eval[string](t, ctx, `document.activeElement.id`))
		// A quota is no field: its row leads to the warning on its platform's card.
		eval[chromedp.Void](t, ctx, `document.querySelector('#assumptions-list li[data-field^="quota."] .as-head button').click()`)
		got := eval[[]string](t, ctx, `[document.activeElement.dataset.platform || document.activeElement.id,
			(document.querySelector('#cards li.pointed strong') || {}).title || '']`)
		assert.Equal(t, []string{"ecs-fargate", "max-vcpu-per-region"}, got)
	})
	pe.check(t)
}

// Choosing "not given" for where it runs today sends no current block (the
// library refuses one without a platform): no error, no baseline, nothing
// against today; what the fields hold stays, greyed out, and comes back
// with the platform.
func TestTodayNotGiven(t *testing.T) {
	ctx := newBrowser(t)
	pe := watchErrors(ctx)
	open(t, ctx, servedSite(t))
	choosePreset(t, ctx, calibrated)
	recordSent(t, ctx)
	assert.Equal(t, "not given", eval[string](t, ctx, `document.getElementById('f-current-platform').options[0].textContent`))

	setField(t, ctx, "current.platform", "")
	assert.Empty(t, shownErrors(t, ctx))
	assert.Equal(t, "<nil>", lastSent(t, ctx, "current"), "the page sent a current block")
	got := eval[[]any](t, ctx, `[document.getElementById('today').hidden, !!document.querySelector('#summary th.vs, #summary td.vs, #cards .vs'),
		document.getElementById('f-current-count').disabled, document.getElementById('f-current-count').value,
		document.getElementById('results').classList.contains('stale')]`)
	assert.Equal(t, []any{true, false, true, "4", false}, got, "today hidden, vs shown, count greyed, count, results stale")
	without := evaluateWith(t, calibrated, func(s *runwhere.Scenario) { s.Current = nil })
	assert.Equal(t, assumptionOrder(without), panelFields(t, ctx), "the assumptions without what runs today")
	assert.Contains(t, panelFields(t, ctx), "workload.cpu_fraction", "without what runs today the CPU share is a default")

	setField(t, ctx, "current.platform", "ecs-ec2")
	assert.Empty(t, shownErrors(t, ctx))
	assert.Equal(t, "4", lastSent(t, ctx, "current.count"))
	assert.Contains(t, eval[string](t, ctx, `document.querySelector('#today .today-line').textContent`), "$312.44")
	// On Fargate the instance type is greyed out and not sent; a task size is asked for.
	setField(t, ctx, "current.platform", "ecs-fargate")
	got = eval[[]any](t, ctx, `[document.getElementById('f-current-instance_type').disabled, document.getElementById('f-current-task_vcpu').disabled,
		document.querySelector('[data-path="current.instance_type"] .off-note').textContent]`)
	assert.Equal(t, []any{true, false, "not on ECS on Fargate"}, got)
	setField(t, ctx, "current.task_vcpu", "1")
	setField(t, ctx, "current.task_memory_mb", "2048")
	assert.Empty(t, shownErrors(t, ctx))
	assert.Equal(t, "<nil>", lastSent(t, ctx, "current.instance_type"))
	assert.Contains(t, eval[string](t, ctx, `document.querySelector('#today .today-line').textContent`), "on Amazon ECS on Fargate")

	// The 2017 catalogue has no EKS: the menu greys it.
	setField(t, ctx, "snapshot", "2017-12")
	assert.Equal(t, []any{true, false}, eval[[]any](t, ctx, `['eks', 'ecs-ec2'].map(v => document.querySelector('#f-current-platform option[value="' + v + '"]').disabled)`))
	pe.check(t)
}

// A scenario whose current block names no platform loads with the block
// left out, and says so beside the YAML.
func TestTodayYAMLWithoutPlatform(t *testing.T) {
	ctx := newBrowser(t)
	pe := watchErrors(ctx)
	open(t, ctx, servedSite(t))
	eval[chromedp.Void](t, ctx, `(() => { const y = document.getElementById('yaml');
		y.value = 'workload:\n  requests_per_second: 50\n  duration_ms: 120\n  memory_mb: 512\ncurrent:\n  count: 4\n';
		y.dispatchEvent(new Event('input', {bubbles: true})); })()`)
	waitResult(t, ctx)
	assert.Equal(t, "current: left out, as it does not say current.platform", eval[string](t, ctx, `document.getElementById('yaml-error').textContent`))
	assert.Empty(t, shownErrors(t, ctx))
	assert.True(t, eval[bool](t, ctx, `document.getElementById('today').hidden`))
	pe.check(t)
}

// On a phone, the table with its column against today fits the screen.
func TestTodayPhoneWidth(t *testing.T) {
	ctx := newBrowser(t)
	pe := watchErrors(ctx)
	if err := chromedp.Do(ctx, chromedp.EmulateViewport(375, 800, chromedp.EmulateMobile)); err != nil {
		t.Fatal(err)
	}
	open(t, ctx, servedSite(t))
	choosePreset(t, ctx, calibrated)
	frames(t, ctx, 3)
	got := eval[[]float64](t, ctx, `[document.querySelector('#summary').getBoundingClientRect().right,
		document.querySelector('#summary').parentElement.getBoundingClientRect().right, document.documentElement.scrollWidth, innerWidth]`)
	assert.LessOrEqual(t, got[0], got[1]+0.5, "the table is wider than its box")
	assert.LessOrEqual(t, got[2], got[3], "the page is wider than the screen")
	assert.True(t, eval[bool](t, ctx, `!!document.querySelector('#summary td.vs') && getComputedStyle(document.querySelector('#summary td.vs')).display !== 'none'`))
	pe.check(t)
}

// TestScreenshotsToday writes the calibrated-api preset (today's bill,
// the assumptions panel, the What runs today fieldset) at desktop and
// phone width to $RUNWHERE_SCREENSHOTS, for a person to look at:
//
//	RUNWHERE_SCREENSHOTS=/tmp/shots go test -run Screenshots ./playground
func TestScreenshotsToday(t *testing.T) {
	dir := os.Getenv("RUNWHERE_SCREENSHOTS")
	if dir == "" {
		t.Skip("set RUNWHERE_SCREENSHOTS=dir to write screenshots")
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	ctx := newBrowser(t)
	url := servedSite(t)
	form := presetSetup(calibrated) + `; document.querySelector('fieldset[data-group="current"]').scrollIntoView()`
	notGiven := presetSetup(calibrated) + `; (() => { const e = document.getElementById('f-current-platform'); e.value = '';
		e.dispatchEvent(new Event('input', {bubbles: true})); })()`
	for _, v := range []struct {
		name  string
		width int64
		setup string
	}{
		{"desktop-today", 1280, presetSetup(calibrated)},
		{"phone-today", 375, presetSetup(calibrated)},
		{"desktop-today-form", 1280, form},
		{"phone-today-form", 375, form + `; document.getElementById('results').hidden = true`},
		{"desktop-today-not-given", 1280, notGiven},
		{"phone-today-flips", 375, presetSetup("steady-high-throughput")},
	} {
		opts := []chromedp.EmulateViewportOption{}
		if v.width < 600 {
			opts = append(opts, chromedp.EmulateMobile)
		}
		if err := chromedp.Do(ctx, chromedp.EmulateViewport(v.width, 900, opts...)); err != nil {
			t.Fatal(err)
		}
		if err := chromedp.Do(ctx, chromedp.Navigate("about:blank")); err != nil {
			t.Fatal(err)
		}
		open(t, ctx, url)
		eval[chromedp.Void](t, ctx, v.setup)
		waitResult(t, ctx)
		buf, err := chromedp.Run(ctx, chromedp.FullScreenshot(100))
		if err != nil {
			t.Fatal(err)
		}
		if err := writeParts(filepath.Join(dir, v.name), buf, 1200); err != nil {
			t.Fatal(err)
		}
		t.Logf("wrote %s-*.png", filepath.Join(dir, v.name))
	}
}

// A job has no current block: the What runs today fieldset goes, and the
// panel does not point to it.
func TestTodayNotForAJob(t *testing.T) {
	ctx := newBrowser(t)
	pe := watchErrors(ctx)
	open(t, ctx, servedSite(t))
	choosePreset(t, ctx, "nightly-batch-40min")
	got := eval[[]bool](t, ctx, `[document.querySelector('fieldset[data-group="current"]').hidden, document.getElementById('assumptions-today').hidden,
		document.getElementById('today').hidden]`)
	assert.Equal(t, []bool{true, true, true}, got, "fieldset, the panel's pointer to it, today's box: hidden")
	assert.Empty(t, shownErrors(t, ctx))
	pe.check(t)
}
