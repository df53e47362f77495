//go:build !js

package main

import (
	"strings"
	"testing"
)

// Issue 23, item 7: a platform that cannot run the load is never drawn as
// a priced line. A fixed fleet of one node is too small for arm64-service
// on every nodes platform: each is named in the legend as unable to run
// it, and no line is drawn for it.
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
	legend := eval[string](t, ctx, `document.getElementById('legend').textContent`)
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
	if got := strings.Count(legend, "cannot run it"); got != len(blocked) {
		t.Errorf("legend %q names %d platforms as unable to run it, want the %d blocked (%q)", legend, got, len(blocked), blocked)
	}
	pe.check(t)
}
