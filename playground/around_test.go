//go:build !js

package main

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/runwhere/runwhere"
)

// Issue 14, the page: the "Around the service" fieldset (front door,
// network, discounts), the new cost lines with their arithmetic, the
// notice of a missing front door, and the blockers of an ALB or NAT
// gateway outside us-east-1.

const wholeBill = "http-api-whole-bill"

// lineRow is one row of a card's arithmetic: its item, the formula under
// it, the USD cell and whether it is a credit.
type lineRow struct {
	Item, Formula, USD string
	Credit             bool
}

// cardLines opens a card's arithmetic and reads its rows.
func cardLines(t *testing.T, ctx context.Context, platform string) []lineRow {
	t.Helper()
	return eval[[]lineRow](t, ctx, fmt.Sprintf(`(() => {
		const c = document.querySelector('#cards article.card[data-platform=%q]');
		if (!c) return [];
		c.querySelectorAll('details.arith').forEach(d => d.open = true);
		return [...c.querySelectorAll('.arith tbody tr')].map(tr => ({
			Item: tr.querySelector('th').firstChild.textContent,
			Formula: (tr.querySelector('.calc.formula') || {}).textContent || '',
			USD: tr.querySelector('td').firstChild.textContent,
			Credit: tr.classList.contains('credit'),
		}));
	})()`, platform))
}

// rowOf finds the row whose item starts with prefix.
func rowOf(t *testing.T, rows []lineRow, prefix string) lineRow {
	t.Helper()
	for _, r := range rows {
		if strings.HasPrefix(r.Item, prefix) {
			return r
		}
	}
	t.Fatalf("no line %q among %+v", prefix, rows)
	return lineRow{}
}

// cardTotal reads the monthly cost a card shows, as a decimal.
func cardTotal(t *testing.T, ctx context.Context, platform string) decimal.Decimal {
	t.Helper()
	s := eval[string](t, ctx, fmt.Sprintf(`(document.querySelector('#cards .card[data-platform=%q] .cost .big') || {}).textContent || ''`, platform))
	d, err := decimal.NewFromString(strings.NewReplacer("$", "", ",", "").Replace(s))
	require.NoError(t, err, "%s's card shows %q", platform, s)
	return d
}

// (a) http-api-whole-bill: the fieldset with its three parts, open; the
// API Gateway line as requests × price per million; the ALB's LCU line
// naming its dimension; the EC2 discount as a credit, all as the native
// report has them.
func TestAroundTheServiceWholeBill(t *testing.T) {
	ctx := newBrowser(t)
	pe := watchErrors(ctx)
	open(t, ctx, servedSite(t))
	choosePreset(t, ctx, wholeBill)

	fs := eval[[]string](t, ctx, `(() => {
		const f = document.querySelector('#form fieldset.section[data-section="around-the-service"]');
		if (!f) return [];
		return [f.querySelector(':scope > legend').textContent, String(f.querySelector('details').open),
			...[...f.querySelectorAll('fieldset.sub')].map(s => s.dataset.group + ':' + s.querySelector('legend').textContent)];
	})()`)
	assert.Equal(t, []string{"Around the service", "true", "ingress:Front door", "discounts:Discounts", "network:Network"}, fs,
		"one fieldset, open since the preset sets its fields, with a part per group")
	assert.Zero(t, eval[int](t, ctx, `document.querySelectorAll('#form > fieldset[data-group="ingress"], #form > fieldset[data-group="network"], #form > fieldset[data-group="discounts"]').length`),
		"no separate fieldsets for the three groups")
	assert.Equal(t, "all but Lambda and Lambda Managed Instances", eval[string](t, ctx, `document.querySelector('label[for="f-ingress-servers"] .applies').textContent`),
		"a field for some platforms says which")

	native := evaluatePreset(t, wholeBill)
	lambda := cardLines(t, ctx, "lambda")
	gw := rowOf(t, lambda, "api gateway http api requests")
	assert.Equal(t, "262,800,000 requests × $1.00 per million = $262.80", gw.Formula)

	eks := cardLines(t, ctx, "eks")
	lcu := rowOf(t, eks, "alb LCUs")
	assert.Equal(t, "2,506.3 LCU-hours × $0.008 (processed bytes decide) = $20.050048828125", lcu.Formula)
	assert.Equal(t, "730 ALB-hours × $0.0225 = $16.425", rowOf(t, eks, "alb hours").Formula)
	assert.Equal(t, "2,190 gateway-hours × $0.045 = $98.55", rowOf(t, eks, "nat gateway hours").Formula)
	assert.Equal(t, "500 GB × $0.045 = $22.50", rowOf(t, eks, "nat gateway data processed").Formula)

	off := rowOf(t, eks, "ec2 discount")
	var want string
	for _, l := range platformOf(t, native, "eks").CostLines {
		if l.Item == "ec2 discount" {
			want = "−" + strings.TrimPrefix(l.AmountRounded.StringFixed(2), "-")
		}
	}
	require.NotEmpty(t, want, "the native report has an ec2 discount line")
	assert.Equal(t, "−168.19", want)
	assert.Equal(t, want, off.USD, "the discount's amount shows as a negative")
	assert.True(t, off.Credit, "the discount row is marked as a credit")
	assert.Equal(t, "−20 % of $840.96 on-demand compute = −$168.192", off.Formula)
	assert.NotEqual(t, eval[string](t, ctx, `getComputedStyle(document.querySelector('#cards .card[data-platform="eks"] tr.credit td')).color`),
		eval[string](t, ctx, `getComputedStyle(document.querySelector('#cards .card[data-platform="eks"] .arith tbody tr:not(.credit) td')).color`),
		"a credit looks different from a charge")
	pe.check(t)
}

// (b) API Gateway's REST API instead of its HTTP API: $3.50 instead of
// $1.00 a million requests, 262.8 million requests, $657.00 more.
func TestAroundRestAPIRaisesLambda(t *testing.T) {
	ctx := newBrowser(t)
	pe := watchErrors(ctx)
	open(t, ctx, servedSite(t))
	choosePreset(t, ctx, wholeBill)
	before := cardTotal(t, ctx, "lambda")
	setField(t, ctx, "ingress.lambda", "api-gateway-rest")
	waitTrue(t, ctx, "Lambda's card total changes", fmt.Sprintf(
		`(document.querySelector('#cards .card[data-platform="lambda"] .cost .big') || {}).textContent !== %q`, "$"+thousands(before.StringFixed(2))))
	after := cardTotal(t, ctx, "lambda")
	assert.Equal(t, "657.00", after.Sub(before).StringFixed(2), "Lambda: %s then %s", before, after)
	native := evaluateWith(t, wholeBill, func(s *runwhere.Scenario) { s.Ingress.Lambda = "api-gateway-rest" })
	assert.Equal(t, platformOf(t, native, "lambda").MonthlyCostRounded.StringFixed(2), after.StringFixed(2), "the page agrees with runwhere.Evaluate")
	gw := rowOf(t, cardLines(t, ctx, "lambda"), "api gateway rest api")
	assert.True(t, strings.HasPrefix(gw.Formula, "262,800,000 requests × $3.50 per million"), "formula %q", gw.Formula)
	pe.check(t)
}

// (c) eu-west-1: the ALB and the NAT gateways have no sourced price
// there, so every container platform is blocked with missing-figure, in
// words that say what to change.
func TestAroundMissingFigureOutsideUSEast1(t *testing.T) {
	ctx := newBrowser(t)
	pe := watchErrors(ctx)
	open(t, ctx, servedSite(t))
	choosePreset(t, ctx, wholeBill)
	setField(t, ctx, "region", "eu-west-1")
	waitTrue(t, ctx, "the report is for eu-west-1", `document.getElementById('report-meta').textContent.includes('eu-west-1')`)
	native := evaluateWith(t, wholeBill, func(s *runwhere.Scenario) { s.Region = "eu-west-1" })
	for _, id := range albPlatforms(t) {
		p := platformOf(t, native, id)
		require.False(t, p.Feasible, "%s natively", id)
		require.Equal(t, runwhere.MissingFigure, p.Blockers[0].Code)
		got := eval[[]string](t, ctx, fmt.Sprintf(`[...document.querySelectorAll('#cards .card[data-platform=%q] .blockers li')]
			.map(li => li.querySelector('strong').title + ' | ' + li.textContent)`, id))
		require.NotEmpty(t, got, "%s: no blocker on the card", id)
		assert.Equal(t, "missing-figure | Missing figure: An Application Load Balancer has no sourced price in eu-west-1 in the 2026-11 catalogue, "+
			"and runwhere does not guess one: choose another region, or set the front door to none under Around the service.", got[0], id)
		assert.Equal(t, "—", costs(t, ctx)[id], "%s: no cost in the table", id)
	}
	assert.Equal(t, platformOf(t, native, "lambda").Feasible,
		eval[bool](t, ctx, `!document.querySelector('#cards .card[data-platform="lambda"]').classList.contains('blocked')`), "Lambda as natively")
	pe.check(t)
}

// (d) The notice of a missing front door: once on the page for a service
// that sets none, with a button that opens the fieldset and puts the
// cursor in the front door; not for a job, not when a door is set.
func TestAroundDoorNotice(t *testing.T) {
	ctx := newBrowser(t)
	pe := watchErrors(ctx)
	open(t, ctx, servedSite(t))
	const text = "The bill leaves out what routes requests to the service: set a front door under Around the service."
	count := fmt.Sprintf(`document.body.innerText.split(%q).length - 1`, text)
	shown := `(() => { const n = document.getElementById('door-note'); return !n.hidden && n.getClientRects().length > 0; })()`

	choosePreset(t, ctx, "arm64-service")
	assert.Equal(t, 1, eval[int](t, ctx, count), "arm64-service: the notice, exactly once")
	assert.True(t, eval[bool](t, ctx, shown))
	assert.False(t, eval[bool](t, ctx, `document.querySelector('#section-around-the-service').open`), "folded while nothing in it is set")
	eval[chromedp.Void](t, ctx, `document.getElementById('door-go').click()`)
	assert.Equal(t, []any{"f-ingress-lambda", true}, eval[[]any](t, ctx, `[document.activeElement.id, document.querySelector('#section-around-the-service').open]`),
		"the button opens the fieldset and focuses the front door")

	setField(t, ctx, "ingress.lambda", "function-url")
	waitTrue(t, ctx, "a door set hides the notice", `document.getElementById('door-note').hidden`)
	setField(t, ctx, "ingress.lambda", "none")
	waitTrue(t, ctx, "both doors none shows it again", `!document.getElementById('door-note').hidden`)
	assert.Equal(t, 1, eval[int](t, ctx, count))

	choosePreset(t, ctx, "nightly-batch-40min")
	assert.Equal(t, 0, eval[int](t, ctx, count), "a job: no notice")
	assert.False(t, eval[bool](t, ctx, shown))

	choosePreset(t, ctx, wholeBill)
	assert.Equal(t, 0, eval[int](t, ctx, count), "a door set: no notice")
	pe.check(t)
}

// (e) At 375 px the fieldset, the new lines and the long blockers do
// not make the page scroll sideways.
func TestAroundPhoneWidth(t *testing.T) {
	ctx := newBrowser(t)
	pe := watchErrors(ctx)
	if err := chromedp.Do(ctx, chromedp.EmulateViewport(375, 800, chromedp.EmulateMobile)); err != nil {
		t.Fatal(err)
	}
	open(t, ctx, servedSite(t))
	wide := `(() => { document.querySelectorAll('details').forEach(d => d.open = true);
		return [document.documentElement.scrollWidth, window.innerWidth,
			[...document.querySelectorAll('body *')].filter(e => e.getBoundingClientRect().right > window.innerWidth + 1).slice(0, 3).map(e => e.tagName + '#' + e.id + '.' + e.className).join(' ')]; })()`
	check := func(what string) {
		t.Helper()
		w := eval[[]any](t, ctx, wide)
		// Against 375, not innerWidth: a mobile browser widens its layout
		// viewport to fit a page that overflows, so innerWidth grows with it.
		assert.LessOrEqual(t, w[0].(float64), 375.0, "%s: the page is %v px wide on a 375 px screen (layout viewport %v px): %v", what, w[0], w[1], w[2])
		assert.Equal(t, 375.0, w[1].(float64), "%s: the layout viewport widened to fit the page", what)
	}
	choosePreset(t, ctx, "arm64-service")
	require.True(t, eval[bool](t, ctx, `!document.getElementById('door-note').hidden`))
	check("arm64-service with the notice")
	choosePreset(t, ctx, wholeBill)
	check(wholeBill)
	setField(t, ctx, "region", "eu-west-1")
	waitTrue(t, ctx, "the report is for eu-west-1", `document.getElementById('report-meta').textContent.includes('eu-west-1')`)
	check(wholeBill + " in eu-west-1")
	pe.check(t)
}

// An error in a field of the folded fieldset unfolds it, so the message
// beside the field is in sight.
func TestAroundErrorUnfolds(t *testing.T) {
	ctx := newBrowser(t)
	pe := watchErrors(ctx)
	open(t, ctx, servedSite(t))
	choosePreset(t, ctx, "arm64-service")
	require.False(t, eval[bool](t, ctx, `document.getElementById('section-around-the-service').open`), "folded at first")
	setField(t, ctx, "discounts.ec2", "1.5")
	waitTrue(t, ctx, "the error beside discounts.ec2", `!document.getElementById('e-discounts-ec2').hidden`)
	assert.True(t, eval[bool](t, ctx, `document.getElementById('section-around-the-service').open`), "unfolded by the error")
	assert.Contains(t, eval[string](t, ctx, `document.getElementById('e-discounts-ec2').textContent`), "discounts.ec2")
	pe.check(t)
}

// albPlatforms are the platforms an ALB in front of the containers
// applies to, as the schema says (the families that stand behind one).
func albPlatforms(t *testing.T) []string {
	t.Helper()
	schema, err := runwhere.Schema()
	require.NoError(t, err)
	for _, f := range schema.Fields {
		if f.Path == "ingress.servers" {
			var out []string
			for _, id := range f.AppliesTo {
				out = append(out, string(id))
			}
			require.NotEmpty(t, out)
			return out
		}
	}
	t.Fatal("the schema has no ingress.servers")
	return nil
}
