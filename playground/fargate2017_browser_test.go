//go:build !js

package main

import (
	"strings"
	"testing"
)

// Issue 25, item 3: the deck-2017 preset prices ECS on Fargate at its
// launch prices, and "Show the arithmetic" says how each was worked out
// (the catalogue figure's "derived: …" note) under the line it prices;
// a line priced as published (ECS's free control plane) says nothing.
func TestDeck2017ArithmeticShowsDerivation(t *testing.T) {
	if testing.Short() {
		t.Skip("browser test")
	}
	ctx := newBrowser(t)
	pe := watchErrors(ctx)
	open(t, ctx, servedSite(t))
	choosePreset(t, ctx, "deck-2017")
	notes := eval[map[string]string](t, ctx, `(() => {
		const c = document.querySelector('#cards article.card[data-platform="ecs-fargate"]');
		if (!c) return {};
		c.querySelectorAll('details.arith').forEach(d => d.open = true);
		return Object.fromEntries([...c.querySelectorAll('.arith tbody tr')].map(tr => [
			tr.querySelector('th').firstChild.textContent,
			(tr.querySelector('.calc.note') || {}).textContent || '']));
	})()`)
	tests := []struct{ item, prefix string }{
		{"fargate vcpu (linux/x86_64)", "Unit price 0.0506: derived: 0.04048 / (1 - 0.20) = 0.0506."},
		{"fargate memory (linux/x86_64)", "Unit price 0.0127: derived: 0.004445 / (1 - 0.65) = 0.0127."},
		{"ecs control plane", ""},
	}
	for _, tc := range tests {
		got, ok := notes[tc.item]
		if !ok {
			t.Errorf("deck-2017: no arithmetic row %q among %v", tc.item, notes)
			continue
		}
		if tc.prefix == "" && got != "" || !strings.HasPrefix(got, tc.prefix) {
			t.Errorf("deck-2017: %s note = %q, want it to start %q", tc.item, got, tc.prefix)
		}
	}
	pe.check(t)
}
