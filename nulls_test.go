package runwhere_test

import (
	"encoding/json"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/runwhere/runwhere"
)

const nullsWorkload = "workload: {requests_per_second: 50, duration_ms: 200, memory_mb: 1024}\n"

// hours24 is a day of hourly loads, 1 to 24, comma-separated.
func hours24() string {
	h := make([]string, 24)
	for i := range h {
		h[i] = strconv.Itoa(i + 1)
	}
	return strings.Join(h, ", ")
}

// Issue 27: yaml.v3 dropped a null list item without a word, so the CLI
// and Go callers billed what the page refused: provisioned_schedule: [null]
// became "all month", a 25-hour list 24 hours shifted by one, and
// platforms: [null] all seven platforms.
func TestParseScenarioRefusesNullItems(t *testing.T) {
	tests := []struct {
		name    string
		in      string
		wantErr string
	}{
		{name: "provisioned schedule",
			in:      nullsWorkload + "lambda: {provisioned_concurrency: 20, provisioned_schedule: [null]}\n",
			wantErr: "runwhere: line 2:62: lambda.provisioned_schedule[0]: null is not a value: each item of a list needs one"},
		{name: "25 hours, the first null",
			in:      "workload: {requests_per_second: 50, duration_ms: 200, memory_mb: 1024, hourly: [null, " + hours24() + "]}\n",
			wantErr: "runwhere: line 1:81: workload.hourly[0]: null is not a value: each item of a list needs one"},
		{name: "platforms, one null",
			in:      nullsWorkload + "platforms: [lambda, null]\n",
			wantErr: "runwhere: line 2:21: platforms[1]: null is not a value: each item of a list needs one"},
		{name: "platforms, only null",
			in:      nullsWorkload + "platforms: [null]\n",
			wantErr: "runwhere: line 2:13: platforms[0]: null is not a value: each item of a list needs one"},
		{name: "tilde",
			in:      nullsWorkload + "platforms: [~, lambda]\n",
			wantErr: "runwhere: line 2:13: platforms[0]: ~ is null, not a value: each item of a list needs one"},
		{name: "Null",
			in:      nullsWorkload + "platforms: [lambda, Null]\n",
			wantErr: "runwhere: line 2:21: platforms[1]: Null is not a value: each item of a list needs one"},
		{name: "NULL",
			in:      nullsWorkload + "platforms: [NULL]\n",
			wantErr: "runwhere: line 2:13: platforms[0]: NULL is not a value: each item of a list needs one"},
		{name: "empty block item",
			in:      nullsWorkload + "platforms:\n  - lambda\n  -\n",
			wantErr: "runwhere: line 4:4: platforms[1]: is empty, which YAML reads as null: each item of a list needs a value"},
		{name: "tagged null",
			in:      nullsWorkload + "platforms: [lambda, !!null ]\n",
			wantErr: "runwhere: line 2:21: platforms[1]: !!null is null, not a value: each item of a list needs one"},
		{name: "tagged text",
			in:      nullsWorkload + "platforms: [!!null x]\n",
			wantErr: "runwhere: line 2:13: platforms[0]: x is tagged !!null but is not null (null, ~ or nothing)"},
		{name: "JSON platforms",
			in:      `{"platforms":["lambda",null],"workload":{"requests_per_second":50,"duration_ms":200,"memory_mb":1024}}`,
			wantErr: "runwhere: line 1:24: platforms[1]: null is not a value: each item of a list needs one"},
		{name: "JSON hourly",
			in:      `{"workload":{"requests_per_second":50,"duration_ms":200,"memory_mb":1024,"hourly":[1,null,` + hours24()[5:] + `]}}`,
			wantErr: "runwhere: line 1:86: workload.hourly[1]: null is not a value: each item of a list needs one"},
		{name: "JSON provisioned schedule",
			in:      `{"workload":{"requests_per_second":50,"duration_ms":200,"memory_mb":1024},"lambda":{"provisioned_concurrency":20,"provisioned_schedule":[9,null]}}`,
			wantErr: "runwhere: line 1:140: lambda.provisioned_schedule[1]: null is not a value: each item of a list needs one"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			s, err := runwhere.ParseScenario([]byte(tc.in))
			require.Error(t, err, "ParseScenario(%q) = platforms %v, hourly %d, schedule %v; want an error", tc.in, s.Platforms, len(s.Workload.Hourly), s.Lambda.ProvisionedSchedule)
			assert.Equal(t, tc.wantErr, err.Error())
			var fe *runwhere.FieldError
			require.ErrorAs(t, err, &fe)
			assert.NotZero(t, fe.Line)
		})
	}
}

// The other inputs of issue 27's list whose errors named no field, no
// line, or the wrong thing.
func TestParseScenarioLowErrors(t *testing.T) {
	tests := []struct {
		name    string
		in      string
		wantErr string
	}{
		{name: "name tagged null",
			in:      "name: !!null x\n" + nullsWorkload,
			wantErr: "runwhere: line 1:7: name: x is tagged !!null but is not null (null, ~ or nothing)"},
		{name: "number tagged int",
			in:      "workload: {requests_per_second: 50, duration_ms: 200, memory_mb: 1024, arch: !!int x}\n",
			wantErr: "runwhere: line 1:78: workload.arch: x is tagged !!int but is not a whole number"},
		// -0 is 0: a decimal has no negative zero, and the schema's
		// discounts are fractions in [0, 1). Spot needs one above 0.
		{name: "spot with a -0 discount",
			in:      nullsWorkload + "discounts: {spot: true, fargate: -0}\n",
			wantErr: "runwhere: line 2:34: discounts.fargate: 0 is no discount: with discounts.spot, give Fargate Spot's discount as a fraction above 0 (AWS publishes it as \"up to 70 %\" off, not a fixed rate, and runwhere sources none)"},
		{name: "spot with a 0 discount",
			in:      nullsWorkload + "discounts: {spot: true, fargate: 0}\n",
			wantErr: "runwhere: line 2:34: discounts.fargate: 0 is no discount: with discounts.spot, give Fargate Spot's discount as a fraction above 0 (AWS publishes it as \"up to 70 %\" off, not a fixed rate, and runwhere sources none)"},
		{name: "empty",
			in:      "",
			wantErr: "runwhere: input: is an empty scenario: it needs at least a workload"},
		{name: "only a comment",
			in:      "# to do\n",
			wantErr: "runwhere: input: is an empty scenario: it needs at least a workload"},
		{name: "JSON null",
			in:      "null",
			wantErr: "runwhere: input: is an empty scenario: it needs at least a workload"},
		{name: "unclosed {",
			in:      nullsWorkload + "lambda: {free_tier: true\n",
			wantErr: "runwhere: line 2:9: input: is not valid YAML: this '{' is never closed: the input ends before its '}'"},
		{name: "unclosed [ swallowing the next lines",
			in:      nullsWorkload + "platforms: [lambda, swarm\nname: x\nregion: us-east-1\n",
			wantErr: "runwhere: line 2:12: input: is not valid YAML: this '[' is never closed: the input ends before its ']'"},
		{name: "unclosed JSON",
			in:      "{\"workload\": {\"requests_per_second\": 50,\n  \"duration_ms\": 200, \"memory_mb\": 1024}\n",
			wantErr: "runwhere: line 1:1: input: is not valid YAML: this '{' is never closed: the input ends before its '}'"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := runwhere.ParseScenario([]byte(tc.in))
			require.Error(t, err)
			assert.Equal(t, tc.wantErr, err.Error())
			// Every one is a *FieldError, so that the CLI can name the file.
			var fe *runwhere.FieldError
			assert.ErrorAs(t, err, &fe)
		})
	}
}

// A whole field given as null is the field left out, in YAML as in JSON.
func TestParseScenarioNullFieldIsLeftOut(t *testing.T) {
	tests := []struct {
		name     string
		in, same string
	}{
		{name: "lambda", in: nullsWorkload + "lambda: null\n", same: nullsWorkload},
		{name: "platforms", in: nullsWorkload + "platforms: ~\n", same: nullsWorkload},
		{name: "name", in: "name:\n" + nullsWorkload, same: nullsWorkload},
		{name: "hourly",
			in:   "workload: {requests_per_second: 50, duration_ms: 200, memory_mb: 1024, hourly: null}\n",
			same: nullsWorkload},
		{name: "schedule",
			in:   nullsWorkload + "lambda: {provisioned_concurrency: 20, provisioned_schedule: null}\n",
			same: nullsWorkload + "lambda: {provisioned_concurrency: 20}\n"},
		{name: "JSON",
			in:   `{"name": null, "platforms": null, "lambda": null, "discounts": null, "workload": {"requests_per_second": 50, "duration_ms": 200, "memory_mb": 1024, "hourly": null}}`,
			same: nullsWorkload},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, err := runwhere.ParseScenario([]byte(tc.in))
			require.NoError(t, err)
			want, err := runwhere.ParseScenario([]byte(tc.same))
			require.NoError(t, err)
			gotJSON, err := json.Marshal(got)
			require.NoError(t, err)
			wantJSON, err := json.Marshal(want)
			require.NoError(t, err)
			assert.JSONEq(t, string(wantJSON), string(gotJSON))
		})
	}
}

// The money of issue 27's first case: a null hour in the provisioned
// schedule is refused rather than billed as the schedule without it.
func TestNullScheduleIsNotBilled(t *testing.T) {
	const base = "platforms: [lambda]\nworkload: {requests_per_second: 50, duration_ms: 200, memory_mb: 1024, profile: business-hours}\nlambda: {provisioned_concurrency: 20"
	tests := []struct {
		name     string
		schedule string
		wantUSD  string // "" = refused
	}{
		{name: "left out: all month", schedule: "", wantUSD: "500.78"},
		{name: "one hour", schedule: ", provisioned_schedule: [9]", wantUSD: "463.43"},
		// Before the fix these billed 500.78 (all month) and 463.43.
		{name: "null", schedule: ", provisioned_schedule: [null]"},
		{name: "one hour and a null", schedule: ", provisioned_schedule: [9, null]"},
		{name: "one hour and an empty item", schedule: ", provisioned_schedule: [9, ~]"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			s, err := runwhere.ParseScenario([]byte(base + tc.schedule + "}\n"))
			if tc.wantUSD == "" {
				require.Error(t, err, "ParseScenario read schedule %v", s.Lambda.ProvisionedSchedule)
				assert.Contains(t, err.Error(), "lambda.provisioned_schedule[")
				return
			}
			require.NoError(t, err)
			r, err := runwhere.Evaluate(s)
			require.NoError(t, err)
			got := platformIn(t, r, "lambda").MonthlyCost
			assert.Equal(t, tc.wantUSD, got.StringFixed(2), "Lambda's bill with%s", tc.schedule)
		})
	}
}
