//go:build !js

package main

import (
	"bytes"
	"fmt"
	"image"
	"image/draw"
	"image/png"
	"os"
	"path/filepath"
	"testing"

	"github.com/chromedp/chromedp"
)

// altSetup shows the eu-west-1-service preset, whose scenario asks for
// cheaper configurations, with the cards in view.
const altSetup = `(() => { const s = document.getElementById('preset');
	s.value = [...s.options].find(o => o.textContent === 'eu-west-1-service').value;
	s.dispatchEvent(new Event('change', {bubbles: true})); document.getElementById('cards').scrollIntoView(); })()`

// presetSetup chooses a preset by name, as the menu does.
func presetSetup(name string) string {
	return fmt.Sprintf(`(() => { const s = document.getElementById('preset');
		s.value = [...s.options].find(o => o.textContent === %q).value;
		s.dispatchEvent(new Event('change', {bubbles: true})); })()`, name)
}

// wholeBillSetup chooses http-api-whole-bill and opens the arithmetic of
// the cards, where its front door, NAT and discount lines are.
var wholeBillSetup = presetSetup(wholeBill) + `; document.querySelectorAll('#cards details.arith').forEach(d => d.open = true);
	document.getElementById('cards').scrollIntoView()`

// cmp2017 shows the compare view in the 2017-12 catalogue.
const cmp2017 = `document.querySelector('#cmp-switch button[data-snapshot="2017-12"]').click()`

// TestScreenshots writes the page at desktop and phone width to the
// directory $RUNWHERE_SCREENSHOTS, for a person to look at:
//
//	RUNWHERE_SCREENSHOTS=/tmp/shots go test -run Screenshots ./playground
func TestScreenshots(t *testing.T) {
	dir := os.Getenv("RUNWHERE_SCREENSHOTS")
	if dir == "" {
		t.Skip("set RUNWHERE_SCREENSHOTS=dir to write screenshots")
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	ctx := newBrowser(t)
	url := servedSite(t)
	for _, v := range []struct {
		name  string
		width int64
		setup string
		frag  string // opened with this fragment (a share link)
	}{
		{"desktop", 1280, ``, ""},
		{"phone", 375, ``, ""},
		{"desktop-open", 1280, `document.querySelectorAll('details').forEach(d => d.open = true);
			document.querySelector('#wi-buttons button[data-event^="manager:"]').click();
			document.querySelector('#wi-buttons button[data-event="zone:a"]').click();`, ""},
		{"desktop-breakeven", 1280, `(() => { const s = document.getElementById('preset');
			s.value = [...s.options].find(o => o.textContent === 'provisioned-concurrency').value;
			s.dispatchEvent(new Event('change', {bubbles: true})); })()`, ""},
		{"phone-breakeven", 375, `(() => { const s = document.getElementById('preset');
			s.value = [...s.options].find(o => o.textContent === 'provisioned-concurrency').value;
			s.dispatchEvent(new Event('change', {bubbles: true})); document.getElementById('chart').scrollIntoView(); })()`, ""},
		{"phone-error", 375, `(() => { const e = document.getElementById('f-workload-memory_mb'); e.value = '-5';
			e.dispatchEvent(new Event('input', {bubbles: true})); e.scrollIntoView(); })()`, ""},
		{"desktop-alternatives", 1280, altSetup, ""},
		{"phone-alternatives", 375, altSetup, ""},
		{"desktop-compare-2017", 1280, cmp2017, ""},
		{"phone-compare-2017", 375, cmp2017, ""},
		{"desktop-business-hours", 1280, presetSetup("business-hours-api"), ""},
		{"phone-business-hours", 375, presetSetup("business-hours-api"), ""},
		{"desktop-nightly-batch", 1280, presetSetup("nightly-batch-40min"), ""},
		{"phone-nightly-batch", 375, presetSetup("nightly-batch-40min"), ""},
		{"desktop-whole-bill", 1280, wholeBillSetup, ""},
		{"phone-whole-bill", 375, wholeBillSetup, ""},
		{"phone-whole-bill-form", 375, presetSetup(wholeBill) +
			// The form alone: below the results on a phone, it would pass the screenshot's height.
			`; document.getElementById('results').hidden = true`, ""},
		{"desktop-whole-bill-eu", 1280, presetSetup(wholeBill) + `; (() => { const e = document.getElementById('f-region'); e.value = 'eu-west-1';
			e.dispatchEvent(new Event('input', {bubbles: true})); document.getElementById('cards').scrollIntoView(); })()`, ""},
		{"phone-door-note", 375, presetSetup("arm64-service"), ""},
		{"desktop-deck-2017-cards", 1280, presetSetup("deck-2017") + `; document.getElementById('cards').scrollIntoView()`, ""},
		{"desktop-blocked-fleet", 1280, `(() => { const e = document.getElementById('f-servers-count'); e.value = '1';
			e.dispatchEvent(new Event('input', {bubbles: true})); })()`, ""},
		{"desktop-link-error", 1280, ``, "#s=!!!!"},
		{"phone-link-error", 375, `document.getElementById('results').scrollIntoView()`, "#s=!!!!"},
	} {
		opts := []chromedp.EmulateViewportOption{}
		if v.width < 600 {
			opts = append(opts, chromedp.EmulateMobile)
		}
		if err := chromedp.Do(ctx, chromedp.EmulateViewport(v.width, 900, opts...)); err != nil {
			t.Fatal(err)
		}
		// From a blank page: from url to url#s=… would be a fragment
		// navigation, which never fires the load event open waits for.
		if err := chromedp.Do(ctx, chromedp.Navigate("about:blank")); err != nil {
			t.Fatal(err)
		}
		open(t, ctx, url+v.frag)
		if v.setup != "" {
			eval[chromedp.Void](t, ctx, v.setup)
		}
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

// writeParts writes a full-page PNG as slices of at most h pixels, which
// are easier to look at than one very tall image.
func writeParts(base string, buf []byte, h int) error {
	img, err := png.Decode(bytes.NewReader(buf))
	if err != nil {
		return err
	}
	b := img.Bounds()
	for i, y := 0, b.Min.Y; y < b.Max.Y; i, y = i+1, y+h {
		r := image.Rect(b.Min.X, y, b.Max.X, min(y+h, b.Max.Y))
		part := image.NewRGBA(image.Rect(0, 0, r.Dx(), r.Dy()))
		draw.Draw(part, part.Bounds(), img, r.Min, draw.Src)
		var out bytes.Buffer
		if err := png.Encode(&out, part); err != nil {
			return err
		}
		if err := os.WriteFile(fmt.Sprintf("%s-%d.png", base, i), out.Bytes(), 0o644); err != nil {
			return err
		}
	}
	return nil
}
