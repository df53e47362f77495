//go:build !js

package main

import (
	"context"
	"fmt"
	"slices"
	"testing"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/runwhere/runwhere"
)

// Issue 24, item 6: the platform checklist lists the schema's platforms
// grouped by family, each group under a heading in a user's words, a
// platform that arrived after the 2017 deck with a "since" badge; nothing
// in the page names a platform or a family, so a catalogue with more of
// either needs no change here.

// familyWords are the headings the issue gives for today's families; a
// family without words here is headed by its id.
var familyWords = map[string]string{
	"nodes":              "On servers you run (EC2 instances)",
	"tasks":              "Containers on AWS Fargate",
	"functions":          "Functions (per request)",
	"function-instances": "Functions on managed instances",
}

// platformChecklist is the schema's checklist of platforms: the list
// field whose values are all platform ids.
func platformChecklist(t *testing.T, schema runwhere.ScenarioSchema) runwhere.SchemaField {
	t.Helper()
	ids := map[string]bool{}
	for _, p := range schema.Platforms {
		ids[string(p.ID)] = true
	}
	for _, f := range schema.Fields {
		if f.Kind == runwhere.KindList && len(f.Enum) > 0 && !slices.ContainsFunc(f.Enum, func(v string) bool { return !ids[v] }) {
			return f
		}
	}
	t.Fatal("the schema has no checklist of platforms")
	return runwhere.SchemaField{}
}

// shownGroup is a heading of the checklist as a person sees it, and the
// platforms drawn under it, up to the next heading.
type shownGroup struct {
	Family, Heading string
	IDs, Badges     []string
}

// shownGroups reads the checklist id in the order it is drawn: top to
// bottom, then left to right, as the eye reads it (the document keeps the
// schema's order; CSS draws each family together).
func shownGroups(t *testing.T, ctx context.Context, id string) (groups []shownGroup, before []string) {
	t.Helper()
	type item struct {
		Heading           bool
		Family, Text, ID  string
		Badge, BadgeTitle string
		Top, Left         float64
	}
	items := eval[[]item](t, ctx, fmt.Sprintf(`[...document.getElementById(%q).querySelectorAll('.family-h, .check')].map((e) => {
		const r = e.getBoundingClientRect();
		const cb = e.querySelector('input[type=checkbox]');
		const b = e.querySelector('.badge');
		return {Heading: e.classList.contains('family-h'), Family: e.dataset.family || '', Text: e.textContent,
			ID: cb ? cb.value : '', Badge: b ? b.textContent : '', BadgeTitle: b ? b.title : '', Top: r.top, Left: r.left};
	})`, id))
	slices.SortStableFunc(items, func(a, b item) int {
		// A heading takes a row of its own; boxes of one row share a top.
		if d := a.Top - b.Top; d > 2 || d < -2 {
			return map[bool]int{true: 1, false: -1}[d > 0]
		}
		switch {
		case a.Left < b.Left:
			return -1
		case a.Left > b.Left:
			return 1
		}
		return 0
	})
	for _, it := range items {
		switch {
		case it.Heading:
			groups = append(groups, shownGroup{Family: it.Family, Heading: it.Text})
		case len(groups) == 0:
			before = append(before, it.ID)
		default:
			g := &groups[len(groups)-1]
			g.IDs = append(g.IDs, it.ID)
			if it.Badge != "" {
				g.Badges = append(g.Badges, it.ID+": "+it.Badge+" ("+it.BadgeTitle+")")
			}
		}
	}
	return groups, before
}

// wantGroups is the checklist's groups the schema implies: one per
// family, in the order its first platform comes, each with its
// platforms in the schema's order and the badges of those that arrived
// after the oldest snapshot.
func wantGroups(schema runwhere.ScenarioSchema, values []string, heading func(family string) string) []shownGroup {
	oldest := slices.Min(schema.Snapshots)
	var out []shownGroup
	for _, v := range values {
		i := slices.IndexFunc(schema.Platforms, func(p runwhere.SchemaPlatform) bool { return string(p.ID) == v })
		p := schema.Platforms[i]
		g := slices.IndexFunc(out, func(g shownGroup) bool { return g.Family == string(p.Family) })
		if g < 0 {
			out = append(out, shownGroup{Family: string(p.Family), Heading: heading(string(p.Family))})
			g = len(out) - 1
		}
		out[g].IDs = append(out[g].IDs, v)
		if p.Arrived > oldest {
			out[g].Badges = append(out[g].Badges, v+": since "+p.Arrived+" (arrived "+p.Arrived+", after the 2017 deck)")
		}
	}
	return out
}

func headingOf(family string) string {
	if w, ok := familyWords[family]; ok {
		return w
	}
	if family == "" {
		return "Other platforms"
	}
	return family
}

func TestPlatformChecklistByFamily(t *testing.T) {
	schema, err := runwhere.Schema()
	require.NoError(t, err)
	f := platformChecklist(t, schema)
	id := "f-" + f.Path
	ctx := newBrowser(t)
	pe := watchErrors(ctx)
	open(t, ctx, servedSite(t))

	got, before := shownGroups(t, ctx, id)
	assert.Empty(t, before, "platforms drawn above the first family's heading")
	want := wantGroups(schema, f.Enum, headingOf)
	assert.Equal(t, want, got, "the checklist's groups as drawn, top to bottom")
	families := map[runwhere.PlatformID]string{}
	for _, p := range schema.Platforms {
		families[p.ID] = string(p.Family)
	}
	distinct := map[string]bool{}
	for _, fam := range families {
		distinct[fam] = true
	}
	assert.Len(t, got, len(distinct), "one group per family of the schema")
	// Every platform of the schema once, under its family's heading.
	for _, p := range schema.Platforms {
		var under []string
		for _, g := range got {
			for _, v := range g.IDs {
				if v == string(p.ID) {
					under = append(under, g.Family)
				}
			}
		}
		assert.Equal(t, []string{string(p.Family)}, under, "%s is shown under", p.ID)
	}
	// A screen reader reads each box's family with it.
	described := eval[map[string]string](t, ctx, fmt.Sprintf(`Object.fromEntries([...document.querySelectorAll('#%s input[type=checkbox]')]
		.map((cb) => [cb.value, (document.getElementById(cb.getAttribute('aria-describedby')) || {}).textContent || '']))`, id))
	for _, p := range schema.Platforms {
		assert.Equal(t, headingOf(string(p.Family)), described[string(p.ID)], "%s's description", p.ID)
	}

	// Unticking a platform, and ticking it again, re-evaluates.
	var toggle string
	shown := costs(t, ctx)
	for _, v := range slices.Backward(f.Enum) {
		if _, ok := shown[v]; ok && toggle == "" {
			toggle = v
		}
	}
	require.NotEmpty(t, toggle, "no ticked platform in the summary: %v", shown)
	row := fmt.Sprintf(`!!document.querySelector('#summary tbody tr[data-platform=%q]')`, toggle)
	click := fmt.Sprintf(`document.getElementById(%q).click()`, id+"-"+toggle)
	link := `document.getElementById('share-link').value`
	linked := eval[string](t, ctx, link)
	eval[chromedp.Void](t, ctx, click)
	waitTrue(t, ctx, "the summary drops "+toggle, "!"+row)
	assert.Len(t, costs(t, ctx), len(shown)-1, "the summary after unticking %s", toggle)
	assert.NotEqual(t, linked, eval[string](t, ctx, link), "the share link after unticking %s", toggle)
	eval[chromedp.Void](t, ctx, click)
	waitTrue(t, ctx, "the summary shows "+toggle+" again", row)
	assert.Equal(t, shown, costs(t, ctx), "the summary after ticking %s again", toggle)
	assert.Equal(t, linked, eval[string](t, ctx, link), "the share link after ticking %s again", toggle)
	pe.check(t)
}

// A family the page has no words for is headed by its own id, and a
// platform's arrival after the deck shows as a badge: the page learns
// both from the schema. The schema is changed in the page alone (its
// wasm answers it as the catalogue has it), before the page reads it.
func TestPlatformChecklistNewFamily(t *testing.T) {
	schema, err := runwhere.Schema()
	require.NoError(t, err)
	f := platformChecklist(t, schema)
	require.GreaterOrEqual(t, len(f.Enum), 2)
	// The last platform joins a family of its own; the first arrived
	// after the deck.
	renamed, badged := f.Enum[len(f.Enum)-1], f.Enum[0]
	const family, month = "test-only-family", "2024-12"
	for i, p := range schema.Platforms {
		switch string(p.ID) {
		case renamed:
			schema.Platforms[i].Family = family
		case badged:
			schema.Platforms[i].Arrived = month
		}
	}
	// Go sets window.runwhere once its functions are on it; wrap schema then.
	hook := fmt.Sprintf(`(() => {
		let api;
		Object.defineProperty(window, 'runwhere', { configurable: true, get: () => api, set: (v) => {
			const schema = v.schema;
			v.schema = (...args) => {
				const s = JSON.parse(schema(...args));
				for (const p of s.platforms) {
					if (p.id === %q) p.family = %q;
					if (p.id === %q) p.arrived = %q;
				}
				return JSON.stringify(s);
			};
			api = v;
		}});
	})()`, renamed, family, badged, month)
	ctx := newBrowser(t)
	pe := watchErrors(ctx)
	require.NoError(t, chromedp.Do(ctx, func(ctx context.Context, tg *chromedp.Target) (chromedp.Void, error) {
		_, err := cdp.Call(ctx, tg, page.AddScriptToEvaluateOnNewDocument, page.AddScriptToEvaluateOnNewDocumentParams{Source: hook})
		return chromedp.Void{}, err
	}))
	open(t, ctx, servedSite(t))

	got, before := shownGroups(t, ctx, "f-"+f.Path)
	assert.Empty(t, before)
	assert.Equal(t, wantGroups(schema, f.Enum, headingOf), got, "the checklist's groups as drawn, top to bottom")
	last := got[len(got)-1]
	assert.Equal(t, []any{family, family, []string{renamed}}, []any{last.Family, last.Heading, last.IDs}, "the new family, headed by its id")
	assert.Contains(t, got[0].Badges, badged+": since "+month+" (arrived "+month+", after the 2017 deck)")
	pe.check(t)
}
