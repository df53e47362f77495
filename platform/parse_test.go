package platform_test

import (
	"errors"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/runwhere/runwhere/internal/input/inputtest"
	"github.com/runwhere/runwhere/platform"
)

// minimal is the smallest valid catalogue; each bad case below breaks it in
// one place.
const minimal = `snapshot: "2099-01"
platforms:
  - id: lambda
    name: AWS Lambda
    kind: serverless
    control_plane: {run_by: aws, consensus: managed}
    limits:
      timeout: {value: 900, unit: s, enforcement: hard, source: "https://example.com/limits", as_of: 2026-11-25}
    features:
      rolling_updates: {value: true, source: "https://example.com/f", as_of: 2026-11-25}
      secrets: {value: limited, source: "https://example.com/f", as_of: 2026-11-25}
      service_discovery: {value: url, source: "https://example.com/f", as_of: 2026-11-25}
      load_balancing: {value: api-gateway, source: "https://example.com/f", as_of: 2026-11-25}
      autoscaling: {value: automatic, source: "https://example.com/f", as_of: 2026-11-25}
      config_format: {value: function-configuration, source: "https://example.com/f", as_of: 2026-11-25}
      cli: {value: aws-api, source: "https://example.com/f", as_of: 2026-11-25}
      creates_aws_resources: {value: false, source: "https://example.com/f", as_of: 2026-11-25}
      native_libraries: {value: full, source: "https://example.com/f", as_of: 2026-11-25}
      portability: {value: aws-only, source: "https://example.com/f", as_of: 2026-11-25}
    workers: {value: aws, source: "https://example.com/w", as_of: 2026-11-25}
    family: functions
`

const timeoutLine = `      timeout: {value: 900, unit: s, enforcement: hard, source: "https://example.com/limits", as_of: 2026-11-25}`

func TestParseMinimal(t *testing.T) {
	c, err := platform.ParseCatalogue("mine.yaml", []byte(minimal))
	require.NoError(t, err)
	p, ok := c.Platform(platform.Lambda)
	require.True(t, ok)
	assert.Equal(t, int64(900), p.Limits.Timeout.Value)
	assert.Equal(t, "2026-11-25", p.Limits.Timeout.AsOf.String())
}

func TestParseRejects(t *testing.T) {
	tests := []struct {
		name    string
		replace string // replaces timeoutLine
		whole   string // replaces the whole catalogue when set
		want    []string
		line    int // 0: not checked
	}{
		{name: "unknown field", replace: `      timeout: {value: 900, unit: s, enforcement: hard, source: "https://example.com/limits", as_of: 2026-11-25, colour: red}`, want: []string{"mine.yaml", "mine.yaml:8:", "colour"}},
		{name: "unknown limit", replace: `      timeuot: {value: 900, unit: s, enforcement: hard, source: "https://example.com/limits", as_of: 2026-11-25}`, want: []string{"timeuot"}},
		{name: "wrong type", replace: `      timeout: {value: fifteen, unit: s, enforcement: hard, source: "https://example.com/limits", as_of: 2026-11-25}`, want: []string{"mine.yaml:8:", "fifteen"}},
		{name: "negative limit", replace: `      timeout: {value: -5, unit: s, enforcement: hard, source: "https://example.com/limits", as_of: 2026-11-25}`, want: []string{"mine.yaml:8:", "platforms[lambda].limits.timeout.value", "value: -5 is negative", "negative"}, line: 8},
		{name: "quota name on a hard limit", replace: `      timeout: {value: 900, unit: s, enforcement: hard, quota_name: "Function timeout", source: "https://example.com/limits", as_of: 2026-11-25}`, want: []string{"limits.timeout.enforcement", "only an adjustable quota"}, line: 8},
		{name: "bad quota code", replace: `      concurrency: {value: 1000, unit: executions, enforcement: quota, quota_code: L-b99a9384, source: "https://example.com/limits", as_of: 2026-11-25}`, want: []string{"limits.concurrency.quota_code", "L-b99a9384", "Service Quotas code"}, line: 8},
		{name: "missing source", replace: `      timeout: {value: 900, unit: s, enforcement: hard, as_of: 2026-11-25}`, want: []string{"platforms[lambda].limits.timeout.source", "missing"}, line: 8},
		{name: "source not a URL", replace: `      timeout: {value: 900, unit: s, enforcement: hard, source: "the docs", as_of: 2026-11-25}`, want: []string{"limits.timeout.source", "source: the docs is not", "not an http(s) URL"}, line: 8},
		{name: "missing as_of", replace: `      timeout: {value: 900, unit: s, enforcement: hard, source: "https://example.com/limits"}`, want: []string{"limits.timeout.as_of", "missing"}},
		{name: "impossible date", replace: `      timeout: {value: 900, unit: s, enforcement: hard, source: "https://example.com/limits", as_of: 2026-02-30}`, want: []string{"mine.yaml:8:", "as_of", "as_of: 2026-02-30 is not", "not a real"}, line: 8},
		{name: "bad enforcement", replace: `      timeout: {value: 900, unit: s, enforcement: firm, source: "https://example.com/limits", as_of: 2026-11-25}`, want: []string{"limits.timeout.enforcement", "enforcement: firm not", "not one of"}},
		{name: "missing unit", replace: `      timeout: {value: 900, enforcement: hard, source: "https://example.com/limits", as_of: 2026-11-25}`, want: []string{"limits.timeout.unit", "missing"}},
		{name: "not an id", whole: strings.Replace(minimal, "id: lambda", "id: Open_Shift", 1), want: []string{"id", "id: Open_Shift is not", "not a platform id"}, line: 3},
		{name: "bad feature enum", whole: strings.Replace(minimal, "value: aws-only", "value: everywhere", 1), want: []string{"features.portability.value", "value: everywhere not"}},
		{name: "missing feature", whole: strings.Replace(minimal, "      cli: {value: aws-api, source: \"https://example.com/f\", as_of: 2026-11-25}\n", "", 1), want: []string{"features.cli.source", "missing"}},
		{name: "no snapshot", whole: strings.Replace(minimal, `snapshot: "2099-01"`, "", 1), want: []string{"snapshot", "missing"}},
		{name: "empty", whole: " ", want: []string{"empty catalogue"}},
		{name: "not yaml", whole: "platforms: [", want: []string{"mine.yaml"}},
		// Issue 10, defect 4: these were truncated, accepted or ignored.
		{name: "fraction of a limit", replace: `      timeout: {value: 5000.9, unit: s, enforcement: hard, source: "https://example.com/limits", as_of: 2026-11-25}`, want: []string{"mine.yaml:8:", "limits.timeout.value", "5000.9", "is not a whole number"}, line: 8},
		{name: "hex limit", replace: `      timeout: {value: 0x384, unit: s, enforcement: hard, source: "https://example.com/limits", as_of: 2026-11-25}`, want: []string{"limits.timeout.value", "0x384", "base-10"}, line: 8},
		{name: "limit past any published one", replace: `      timeout: {value: 9223372036854775807, unit: s, enforcement: hard, source: "https://example.com/limits", as_of: 2026-11-25}`, want: []string{"limits.timeout.value", "beyond any published limit"}, line: 8},
		{name: "tiny SLA percent", whole: strings.Replace(minimal, "    control_plane: {run_by: aws, consensus: managed}\n", "    control_plane: {run_by: aws, consensus: managed, sla: {percent: 1e-100000, scope: x, source: \"https://example.com/sla\", as_of: 2026-11-25}}\n", 1), want: []string{"sla.percent", "exponent"}},
		{name: "second document", whole: minimal + "---\nsnapshot: x\n", want: []string{"mine.yaml", "more than one YAML document"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			data := tc.whole
			if data == "" {
				require.Contains(t, minimal, timeoutLine)
				data = strings.Replace(minimal, timeoutLine, tc.replace, 1)
			}
			_, err := platform.ParseCatalogue("mine.yaml", []byte(data))
			require.Error(t, err)
			assert.True(t, strings.HasPrefix(err.Error(), "platform: "), "error %q lacks the package prefix", err)
			for _, w := range tc.want {
				assert.Contains(t, err.Error(), w)
			}
			if tc.line > 0 {
				var fe *platform.FieldError
				require.True(t, errors.As(err, &fe), "want a *FieldError, got %T", err)
				assert.Equal(t, tc.line, fe.Line)
			}
		})
	}
}

func FuzzParse(f *testing.F) {
	f.Add([]byte(minimal))
	f.Add([]byte(strings.Replace(minimal, "900", "-1", 1)))
	f.Add([]byte("snapshot: x\nplatforms: [{id: swarm}]"))
	f.Add([]byte("{}"))
	f.Fuzz(func(t *testing.T, data []byte) {
		var c platform.Catalogue
		var err error
		inputtest.Timed(t, "Parse", data, func() { c, err = platform.ParseCatalogue("fuzz.yaml", data) })
		if err != nil {
			if !strings.HasPrefix(err.Error(), "platform: ") {
				t.Fatalf("Parse error %q lacks the package prefix", err)
			}
			return
		}
		// Whatever parses must be a valid catalogue.
		if c.Snapshot == "" || len(c.Platforms) == 0 {
			t.Fatalf("Parse accepted an empty catalogue: %+v", c)
		}
		for _, p := range c.Platforms {
			if _, err := platform.ParseID(string(p.ID)); err != nil {
				t.Fatalf("Parse accepted platform id %q", p.ID)
			}
		}
	})
}

// Every platform names its family, and a nodes platform (only) the rule its
// worker nodes reserve by: the model that evaluates a platform is read from
// its entry, never from its id.
func TestParseFamily(t *testing.T) {
	for _, tc := range []struct {
		name, old, new, want string
	}{
		{"family missing", "    family: functions\n", "", "platforms[0].family: is missing"},
		// Families are open (a caller's registry may have more); a family
		// is a name, and the engine refuses one it has no model for.
		{"family not a name", "family: functions", "family: Containers!", "platforms[0].family: Containers! is not a family name"},
		{"nodes without a reservation", "family: functions", "family: nodes", "platforms[lambda].node_reservation: is set for nodes platforms, and only for them"},
		{"a reservation on functions", "family: functions", "family: functions\n    node_reservation: none", "platforms[lambda].node_reservation: none is set for nodes platforms, and only for them"},
		{"unknown reservation", "family: functions", "family: nodes\n    node_reservation: k3s", "platforms[lambda].node_reservation: k3s not one of"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			src := strings.Replace(minimal, tc.old, tc.new, 1)
			require.NotEqual(t, minimal, src)
			_, err := platform.ParseCatalogue("mine.yaml", []byte(src))
			require.Error(t, err)
			assert.Contains(t, err.Error(), tc.want)
		})
	}
	src := strings.Replace(minimal, "family: functions", "family: nodes\n    node_reservation: kubelet-defaults", 1)
	c, err := platform.ParseCatalogue("mine.yaml", []byte(src))
	require.NoError(t, err)
	p, _ := c.Platform(platform.Lambda)
	assert.Equal(t, platform.Nodes, p.Family)
	assert.Equal(t, platform.ReserveKubelet, p.NodeReservation)
}
