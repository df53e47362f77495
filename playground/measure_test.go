//go:build !js

package main

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"testing"

	"github.com/chromedp/chromedp"
)

// TestMeasure prints the figures the playground is held to: the size of
// runwhere.wasm beside a minimal syscall/js program built the same way, the
// time from navigation to the first rendered result, the time of one
// recompute after an input change, and how soon after an edit the cheaper
// configurations show. Run it with playground/measure.sh. The browser
// tests assert none of these times (issue 27): they log some, and this is
// where the figures are kept.
func TestMeasure(t *testing.T) {
	if os.Getenv("RUNWHERE_MEASURE") == "" {
		t.Skip("set RUNWHERE_MEASURE=1 (or run playground/measure.sh) to measure")
	}
	ctx := context.Background()
	// Sizes.
	rw, _, _, err := buildWasm(ctx, buildOptions{})
	if err != nil {
		t.Fatal(err)
	}
	minimal := t.TempDir()
	must(t, os.WriteFile(filepath.Join(minimal, "go.mod"), []byte("module minimal\n\ngo 1.26\n"), 0o644))
	must(t, os.WriteFile(filepath.Join(minimal, "main.go"), []byte(`package main

import "syscall/js"

func main() {
	js.Global().Set("minimal", js.FuncOf(func(js.Value, []js.Value) any { return "ok" }))
	select {}
}
`), 0o644))
	mw, _, _, err := buildWasm(ctx, buildOptions{pkg: ".", dir: minimal})
	if err != nil {
		t.Fatal(err)
	}
	rwGz, _ := gzipBytes(rw)
	mwGz, _ := gzipBytes(mw)
	report := func(format string, args ...any) { fmt.Printf(format+"\n", args...) }
	// The figures are printed, not asserted: on a shared two-core machine a
	// busy neighbour moves them, and a missed target is a finding to report.
	verdict := func(ok bool) {
		if ok {
			report("          → on target")
		} else {
			report("          → MISSED the target")
		}
	}
	report("size      runwhere.wasm  %9d B raw (%s)  %9d B gzip -9 (%s)", len(rw), mib(len(rw)), len(rwGz), mib(len(rwGz)))
	report("size      minimal js     %9d B raw (%s)  %9d B gzip -9 (%s)", len(mw), mib(len(mw)), len(mwGz), mib(len(mwGz)))
	ratio := float64(len(rwGz)) / float64(len(mwGz))
	report("size      ratio gzipped  %.2f× the minimal program (target ≤ 2×)", ratio)
	verdict(ratio <= 2)

	// Timings in headless Chromium.
	url := servedSite(t)
	var firsts []float64
	for i := range 5 {
		bctx := freshBrowser(t) // a browser of its own each time: nothing cached
		open(t, bctx, url)
		first := eval[float64](t, bctx, `performance.getEntriesByName('runwhere:first-result')[0].startTime`)
		firsts = append(firsts, first)
		if i == 0 {
			fetchMs := eval[float64](t, bctx, `(performance.getEntriesByName(new URL('runwhere.wasm', location.href).href)[0] || {}).duration || 0`)
			report("load      runwhere.wasm fetched in %.0f ms (local server, gzip)", fetchMs)
		}
	}
	slices.Sort(firsts)
	report("first     navigation → first rendered result: median %.0f ms, min %.0f, max %.0f over %d cold loads (target < 1000 ms)",
		firsts[len(firsts)/2], firsts[0], firsts[len(firsts)-1], len(firsts))
	verdict(firsts[len(firsts)/2] < 1000)

	bctx := freshBrowser(t) // V8's usual flags, unlike the tests' shared browser
	open(t, bctx, url)
	var totals, bridges []float64
	for i := range 40 {
		setField(t, bctx, "workload.requests_per_month", "")
		setField(t, bctx, "workload.requests_per_second", fmt.Sprint(10+i*7))
		m := eval[[]float64](t, bctx, `(() => { const e = performance.getEntriesByName('runwhere:recompute'); const m = e[e.length-1]; return [m.duration, m.detail.bridge]; })()`)
		totals = append(totals, m[0])
		bridges = append(bridges, m[1])
	}
	// The bridge calls alone, on the scenario now in the page.
	parts := eval[[]float64](t, bctx, `(() => {
		const text = JSON.stringify(JSON.parse(runwhere.scenario(document.getElementById('yaml').value)));
		const time = (f) => { const ts = []; for (let i = 0; i < 30; i++) { const t0 = performance.now(); f(); ts.push(performance.now() - t0); } ts.sort((a, b) => a - b); return ts[15]; };
		return [time(() => runwhere.evaluate(text)), time(() => runwhere.curves(text)), time(() => runwhere.curves(text, 200))];
	})()`)
	report("recompute runwhere.evaluate alone: median %.1f ms; runwhere.curves (41 points a platform): %.1f ms; curves with 200 points: %.1f ms", parts[0], parts[1], parts[2])
	slices.Sort(totals)
	slices.Sort(bridges)
	med := func(v []float64) float64 { return v[len(v)/2] }
	p90 := func(v []float64) float64 { return v[len(v)*9/10] }
	report("recompute evaluate + curves (bridge):  median %.1f ms, p90 %.1f ms", med(bridges), p90(bridges))
	report("recompute input → DOM updated (all):    median %.1f ms, p90 %.1f ms over %d edits (target < 16 ms)", med(totals), p90(totals), len(totals))
	verdict(med(totals) < 16)

	// Until the next frame is painted: the recompute, then style, layout and paint.
	var frames []float64
	for i := range 20 {
		f := eval[float64](t, bctx, fmt.Sprintf(`new Promise((resolve) => {
			const e = document.getElementById('f-workload-requests_per_second');
			const t0 = performance.now();
			e.value = '%d';
			e.dispatchEvent(new Event('input', {bubbles: true}));
			requestAnimationFrame(() => setTimeout(() => resolve(performance.now() - t0), 0));
		})`, 500+i*13), chromedp.EvalAwaitPromise)
		frames = append(frames, f)
	}
	slices.Sort(frames)
	report("recompute input → next frame painted:   median %.1f ms, p90 %.1f ms over %d edits", med(frames), p90(frames), len(frames))

	// The cheaper configurations the page asks for after the result.
	choosePreset(t, bctx, "eu-west-1-service")
	setField(t, bctx, "alternatives", "") // the page's own search
	waitTrue(t, bctx, "the page's own alternatives", `document.querySelectorAll('#cards .card[data-platform="ecs-ec2"] .alts li').length > 0`)
	var alts, altsPainted []float64
	for i := range 20 {
		inDOM, painted := altsAfterEdit(t, bctx, fmt.Sprint(40+i*3))
		alts = append(alts, inDOM)
		altsPainted = append(altsPainted, painted)
	}
	slices.Sort(alts)
	slices.Sort(altsPainted)
	report("alts      input → cheaper configurations on the cards: median %.0f ms, p90 %.0f ms (painted: median %.0f ms) over %d edits (target < 300 ms)",
		med(alts), p90(alts), med(altsPainted), len(alts))
	verdict(p90(alts) < 300)
}

func must(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}
