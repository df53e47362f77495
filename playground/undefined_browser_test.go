//go:build !js

package main

import (
	"strings"
	"testing"

	"github.com/runwhere/runwhere"
)

// Issue 23, item 7: no preset shows "undefined" or "NaN" anywhere in its
// results (the 2017-12 cards read "SLA undefined %" where no SLA had been
// published yet).
func TestNoPresetShowsUndefined(t *testing.T) {
	if testing.Short() {
		t.Skip("browser test")
	}
	ctx := newBrowser(t)
	pe := watchErrors(ctx)
	open(t, ctx, servedSite(t))
	for _, p := range runwhere.Presets() {
		t.Run(p.Name, func(t *testing.T) {
			choosePreset(t, ctx, p.Name)
			// textContent, not innerText: what closed <details> hold counts.
			text := eval[string](t, ctx, `document.getElementById('results').textContent`)
			for _, bad := range []string{"undefined", "NaN"} {
				if i := strings.Index(text, bad); i >= 0 {
					t.Errorf("preset %s shows %q: …%s…", p.Name, bad, text[max(0, i-80):min(len(text), i+40)])
				}
			}
		})
	}
	choosePreset(t, ctx, "deck-2017")
	sla := eval[[]string](t, ctx, `[...document.querySelectorAll('#cards dt')].filter(dt => dt.textContent === 'SLA').map(dt => dt.nextElementSibling.textContent)`)
	if len(sla) == 0 {
		t.Errorf("deck-2017: no SLA row on any card")
	}
	var none int
	for _, s := range sla {
		if s == "none published in 2017-12" {
			none++
		}
	}
	if none == 0 {
		t.Errorf("deck-2017 SLA rows %q: want the platforms without one to say none was published in 2017-12", sla)
	}
	pe.check(t)
}
