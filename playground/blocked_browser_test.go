//go:build !js

package main

import (
	"strings"
	"testing"
)

// Issue 23, item 7: a platform that cannot run the load is never drawn as
// a priced line. A fixed fleet of one node is too small for arm64-service
// on every nodes platform: no line is drawn for any, the legend holds only
// the lines drawn, and the note under it names each blocked platform as
// not drawn.
func TestBlockedPlatformNotDrawn(t *testing.T) {
	if testing.Short() {
		t.Skip("browser test")
	}
	ctx := newBrowser(t)
	pe := watchErrors(ctx)
	open(t, ctx, servedSite(t))
	setField(t, ctx, "servers.count", "1")
	waitFor := func(expr string) {
		t.Helper()
		for range 200 {
			if eval[bool](t, ctx, expr) {
				return
			}
			wait := firstPoll
			pause(&wait)
		}
		t.Fatalf("the page never showed %s", expr)
	}
	waitFor(`document.querySelectorAll('#summary tbody tr.blocked').length > 0`)
	blocked := eval[[]string](t, ctx, `[...document.querySelectorAll('#summary tbody tr.blocked')].map(tr => tr.dataset.platform)`)
	drawn := eval[[]string](t, ctx, `[...document.querySelectorAll('#chart path.curve')].map(p => p.dataset.platform)`)
	legend := eval[int](t, ctx, `document.querySelectorAll('#legend li').length`)
	note := eval[string](t, ctx, `(e => e.hidden ? '' : e.textContent)(document.getElementById('chart-blocked'))`)
	names := eval[map[string]string](t, ctx, `Object.fromEntries([...document.querySelectorAll('#summary tbody tr')].map(tr => [tr.dataset.platform, tr.querySelector('th').textContent.trim()]))`)
	if len(drawn) == 0 {
		t.Fatalf("no line drawn at all (blocked %q)", blocked)
	}
	for _, id := range blocked {
		for _, d := range drawn {
			if d == id {
				t.Errorf("blocked platform %s is drawn as a priced line", id)
			}
		}
	}
	if legend != len(drawn) {
		t.Errorf("the legend has %d entries for %d lines drawn", legend, len(drawn))
	}
	if !strings.HasPrefix(note, "Not drawn, since they cannot run this load: ") {
		t.Errorf("note under the legend %q: want it to name the platforms not drawn", note)
	}
	for _, id := range blocked {
		if !strings.Contains(note, names[id]) {
			t.Errorf("note %q does not name blocked %s (%q)", note, id, names[id])
		}
	}
	pe.check(t)
}
