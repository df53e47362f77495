//go:build !js

package main

import (
	"context"
	"encoding/base64"
	"fmt"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// markedField is what the page shows of its field errors: the fields
// marked invalid, and for the one named, its message and the colour of
// its border.
type markedField struct {
	Invalid []string `json:"invalid"`
	Message string   `json:"message"`
	Border  string   `json:"border"`
	Status  string   `json:"status"`
}

func marked(t *testing.T, ctx context.Context, path string) markedField {
	t.Helper()
	id := strings.ReplaceAll(path, ".", "-")
	return eval[markedField](t, ctx, fmt.Sprintf(`(() => {
		const input = document.getElementById('f-%[1]s'), err = document.getElementById('e-%[1]s');
		return {
			invalid: [...document.querySelectorAll('[aria-invalid="true"]')].map(e => e.id),
			message: err && !err.hidden ? err.textContent : '',
			border: input ? getComputedStyle(input).borderTopColor : '',
			status: document.getElementById('status').textContent,
		};
	})()`, id))
}

// red is the page's colour for what is wrong (--no in style.css).
const red = "rgb(207, 34, 46)"

// Issue 27, item 5: values within their documented bounds were refused
// under names the person never wrote (lambda.requests, ec2.seconds), and
// the page said "fix the field marked in red" with no field marked. Each
// value here is typed into the form, or comes in a share link, and the
// field the error names is the one marked red, with the message beside it.
func TestFieldErrorMarksTheFieldItNames(t *testing.T) {
	url := servedSite(t)
	link := func(yaml string) string { return "#s=" + base64.RawURLEncoding.EncodeToString([]byte(yaml)) }

	tests := []struct {
		name   string
		preset string      // "" for the page's first
		typed  [][2]string // field and value, typed in this order ("" clears)
		link   string      // instead of typing, open this share link
		field  string      // the field the error names and the page marks
		want   string      // the message beside it
	}{
		{name: "34 digits a second, 38 a month",
			typed: [][2]string{{"workload.requests_per_month", ""}, {"workload.peak_requests_per_second", ""},
				{"workload.requests_per_second", "111111111.1111111111111111111111111"}},
			field: "workload.requests_per_second",
			want:  "workload.requests_per_second: 111111111.1111111111111111111111111 gives requests a month (the rate × 2,628,000) that has more than 34 significant digits: give fewer digits"},
		{name: "more replicas than runwhere sizes, refused by Evaluate",
			typed: [][2]string{{"workload.requests_per_month", ""}, {"workload.peak_requests_per_second", ""},
				{"workload.duration_ms", "1000000000"}, {"workload.requests_per_second", "1000000000"}},
			field: "workload.requests_per_second",
			want:  "workload.requests_per_second: 1000000000 gives 1000000000000000 requests in flight, which need more than 1000000000 replicas of 1 vCPU, beyond any fleet runwhere sizes: check requests_per_second, duration_ms and container.vcpu"},
		{name: "a job's run of 1e-40 minutes", preset: "nightly-batch-40min",
			typed: [][2]string{{"workload.run_minutes", "1e-40"}},
			field: "workload.run_minutes",
			want:  "workload.run_minutes: 1e-40 gives a run's seconds with its node's start (servers.node_start_minutes + workload.run_minutes) that has more than 34 significant digits: give fewer digits"},
		{name: "a share link with a 34-digit rate",
			link:  link("name: linked\nworkload: {requests_per_second: 111111111.1111111111111111111111111, duration_ms: 100, memory_mb: 512}\n"),
			field: "workload.requests_per_second",
			want:  "workload.requests_per_second: 111111111.1111111111111111111111111 gives requests a month (the rate × 2,628,000) that has more than 34 significant digits: give fewer digits"},
		{name: "a share link with a region no snapshot prices",
			link:  link("name: linked\nregion: xx-east-9\nworkload: {requests_per_second: 5, duration_ms: 100, memory_mb: 512}\n"),
			field: "region",
			want:  "region: xx-east-9 has no built-in prices in any snapshot: the regions are us-east-1, ap-northeast-1, ap-southeast-1, eu-central-1, eu-west-1, us-west-2"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			// A browser each: a page load takes seconds on a busy
			// machine, and newBrowser gives a browser 90 s in all.
			ctx := newBrowser(t)
			pe := watchErrors(ctx)
			if tc.link != "" {
				openStarted(t, ctx, url+tc.link)
			} else {
				open(t, ctx, url)
				if tc.preset != "" {
					choosePreset(t, ctx, tc.preset)
				}
				for _, f := range tc.typed {
					setField(t, ctx, f[0], f[1])
				}
			}
			got := marked(t, ctx, tc.field)
			assert.Equal(t, []string{"f-" + strings.ReplaceAll(tc.field, ".", "-")}, got.Invalid, "the fields marked invalid")
			assert.Equal(t, tc.want, got.Message, "the message beside %s", tc.field)
			assert.Equal(t, red, got.Border, "the border of %s", tc.field)
			if tc.link != "" {
				msg := eval[string](t, ctx, linkMessage)
				assert.Contains(t, msg, "The field is marked in red.")
				assert.Contains(t, msg, tc.field)
			} else {
				assert.Contains(t, got.Status, "fix the field marked in red")
			}
			pe.check(t)
		})
	}
}

// A valid value in the same field clears the mark: the red border is the
// error's, not the field's.
func TestFieldErrorMarkClears(t *testing.T) {
	ctx := newBrowser(t)
	pe := watchErrors(ctx)
	open(t, ctx, servedSite(t))
	setField(t, ctx, "workload.requests_per_month", "")
	setField(t, ctx, "workload.peak_requests_per_second", "")
	setField(t, ctx, "workload.requests_per_second", "111111111.1111111111111111111111111")
	require.Equal(t, []string{"f-workload-requests_per_second"}, marked(t, ctx, "workload.requests_per_second").Invalid)
	setField(t, ctx, "workload.requests_per_second", "111111111.111")
	got := marked(t, ctx, "workload.requests_per_second")
	assert.Empty(t, got.Invalid)
	assert.Empty(t, got.Message)
	assert.NotEqual(t, red, got.Border)
	assert.Positive(t, eval[int](t, ctx, `document.querySelectorAll('#summary tbody tr').length`))
	pe.check(t)
}
