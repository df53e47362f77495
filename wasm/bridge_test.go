package main

import (
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"strings"
	"testing"

	"github.com/runwhere/runwhere/internal/input/inputtest"
)

// fakeEngine echoes what it is given, so the tests see what the bridge passes on.
func fakeEngine() engine {
	return engine{
		evaluate: func(text []byte, _ bool) (any, error) {
			if strings.Contains(string(text), "bad") {
				return nil, errors.New("workload.memory_mb: -5 is negative")
			}
			if strings.Contains(string(text), "panic") {
				panic("boom")
			}
			if strings.Contains(string(text), "nan") {
				return map[string]float64{"x": math.NaN()}, nil
			}
			return map[string]string{"scenario": string(text)}, nil
		},
		markdown: func(text []byte) (string, error) { return "# " + string(text) + "\n", nil },
		curves: func(text []byte, points int) (any, error) {
			return map[string]int{"points": points}, nil
		},
		whatIf: func(text []byte, platform string, events []string) (any, error) {
			return map[string]any{"platform": platform, "events": events}, nil
		},
		presets: func() []preset { return []preset{{Name: "a", YAML: "name: a\n"}} },
		schema: func() (any, error) {
			return map[string]any{"fields": []map[string]string{{"path": "name"}}}, nil
		},
		profiles: func() (any, error) {
			return []map[string]any{{"name": "flat", "hourly": []string{"1"}}}, nil
		},
		compare: func(snapshot string, platforms []string) (any, error) {
			if snapshot == "1999-01" {
				return nil, errors.New("runwhere: snapshot: 1999-01 is not an embedded snapshot")
			}
			return map[string]any{"snapshot": snapshot, "platforms": platforms}, nil
		},
		instanceTypes: func(snapshot, region string) (any, error) {
			if region == "mars-1" {
				return nil, errors.New("runwhere: region: mars-1 has no built-in prices")
			}
			return []map[string]string{{"type": "m5.large", "region": region}}, nil
		},
		version: "v1.2.3",
	}
}

func decode(t *testing.T, s string) map[string]any {
	t.Helper()
	var m map[string]any
	if err := json.Unmarshal([]byte(s), &m); err != nil {
		t.Fatalf("not a JSON object: %q: %v", s, err)
	}
	return m
}

func TestEvaluate(t *testing.T) {
	b := bridge{fakeEngine()}
	for _, tc := range []struct {
		name, in, wantKey, wantSub string
	}{
		{name: "ok", in: "name: x", wantKey: "scenario", wantSub: "name: x"},
		{name: "library error", in: "bad", wantKey: "error", wantSub: "workload.memory_mb: -5 is negative"},
		{name: "panic", in: "panic", wantKey: "error", wantSub: "internal error: boom"},
		{name: "unencodable result", in: "nan", wantKey: "error", wantSub: "cannot encode"},
		{name: "empty", in: "  \n", wantKey: "error", wantSub: "scenario: empty"},
		{name: "too big", in: strings.Repeat("x", maxInput+1), wantKey: "error", wantSub: "more than"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := decode(t, b.Evaluate(tc.in, ""))
			v, ok := got[tc.wantKey].(string)
			if !ok || !strings.Contains(v, tc.wantSub) {
				t.Errorf("Evaluate(%.20q) = %v, want %s containing %q", tc.in, got, tc.wantKey, tc.wantSub)
			}
		})
	}
}

func TestPanicLeavesBridgeWorking(t *testing.T) {
	b := bridge{fakeEngine()}
	for i := 0; i < 3; i++ {
		if got := decode(t, b.Evaluate("panic", "")); got["error"] == nil {
			t.Fatalf("Evaluate(panic) = %v, want an error", got)
		}
		if got := decode(t, b.Evaluate("fine", "")); got["scenario"] != "fine" {
			t.Fatalf("after a panic, Evaluate(fine) = %v", got)
		}
	}
}

func TestMarkdown(t *testing.T) {
	b := bridge{fakeEngine()}
	if got, want := b.Markdown("x"), `{"markdown":"# x\n"}`; got != want {
		t.Errorf("Markdown(x) = %s, want %s", got, want)
	}
}

func TestCurvesPoints(t *testing.T) {
	b := bridge{fakeEngine()}
	for _, tc := range []struct {
		points int
		want   float64
	}{{0, defaultCurvePoints}, {-3, defaultCurvePoints}, {7, 7}} {
		if got := decode(t, b.Curves("x", tc.points)); got["points"] != tc.want {
			t.Errorf("Curves(x, %d) = %v, want points %v", tc.points, got, tc.want)
		}
	}
	if got := decode(t, b.Curves("x", 5000)); got["error"] == nil {
		t.Errorf("Curves(x, 5000) = %v, want an error", got)
	}
}

func TestWhatIfEvents(t *testing.T) {
	b := bridge{fakeEngine()}
	for _, tc := range []struct {
		name, events, platform, want string
	}{
		{name: "json", events: `["manager","zone:b"]`, platform: "swarm", want: `{"events":["manager","zone:b"],"platform":"swarm"}`},
		{name: "comma list", events: ` manager, worker ,, zone:a`, platform: "eks", want: `{"events":["manager","worker","zone:a"],"platform":"eks"}`},
		{name: "none", events: "", platform: "swarm", want: `{"events":[],"platform":"swarm"}`},
		{name: "bad json", events: `["manager"`, platform: "swarm", want: `{"error":"whatIf: events: want a JSON array of strings: unexpected end of JSON input"}`},
		{name: "no platform", events: `[]`, platform: " ", want: `{"error":"whatIf: platform is empty; name one, e.g. swarm"}`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := b.WhatIf("x", tc.events, tc.platform); got != tc.want {
				t.Errorf("WhatIf(x, %q, %q) = %s, want %s", tc.events, tc.platform, got, tc.want)
			}
		})
	}
}

func TestPresetsAndVersion(t *testing.T) {
	b := bridge{fakeEngine()}
	if got, want := b.Presets(), `[{"name":"a","yaml":"name: a\n"}]`; got != want {
		t.Errorf("Presets() = %s, want %s", got, want)
	}
	if got := b.Version(); got != "v1.2.3" {
		t.Errorf("Version() = %q", got)
	}
	e := fakeEngine()
	e.presets = func() []preset { return nil }
	if got := (bridge{e}).Presets(); got != "[]" {
		t.Errorf("Presets() with none = %s, want []", got)
	}
}

func TestProfiles(t *testing.T) {
	for _, tc := range []struct {
		name     string
		profiles func() (any, error)
		want     string
	}{
		{"ok", fakeEngine().profiles, `[{"hourly":["1"],"name":"flat"}]`},
		{"error", func() (any, error) { return nil, errors.New("runwhere: profiles: broken") }, `{"error":"runwhere: profiles: broken"}`},
		{"panic", func() (any, error) { panic("boom") }, `"error":"profiles: internal error: boom`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			e := fakeEngine()
			e.profiles = tc.profiles
			b := bridge{e}
			if got := b.Profiles(); !strings.Contains(got, tc.want) {
				t.Errorf("Profiles() = %.200s, want it to contain %s", got, tc.want)
			}
			if got := decode(t, b.Evaluate("fine", "")); got["scenario"] != "fine" {
				t.Errorf("after Profiles, Evaluate(fine) = %v", got)
			}
		})
	}
}

// TestProfilesReal checks the wiring to the library: every built-in shape
// arrives with its name and 24 or 168 decimal strings.
func TestProfilesReal(t *testing.T) {
	var got []struct {
		Name   string   `json:"name"`
		Label  string   `json:"label"`
		Hourly []string `json:"hourly"`
	}
	out := bridge{newEngine()}.Profiles()
	if err := json.Unmarshal([]byte(out), &got); err != nil {
		t.Fatalf("Profiles() = %.200s: %v", out, err)
	}
	names := map[string]bool{}
	for _, p := range got {
		names[p.Name] = true
		if n := len(p.Hourly); n != 24 && n != 168 {
			t.Errorf("profile %s has %d hours, want 24 or 168", p.Name, n)
		}
		if p.Label == "" {
			t.Errorf("profile %s has no label", p.Name)
		}
	}
	for _, want := range []string{"flat", "business-hours", "diurnal", "daily-spike", "weekly-spike"} {
		if !names[want] {
			t.Errorf("Profiles() lacks %s; got %v", want, names)
		}
	}
}

func TestScenario(t *testing.T) {
	b := bridge{fakeEngine()}
	for _, tc := range []struct {
		name, in, want string
	}{
		{
			name: "order and literals kept",
			in: "name: orders-api\nworkload:\n  requests_per_second: 40\n  cpu_fraction: 0.0416\n" +
				"servers:\n  hourly_price: \"0.096\"\n  count: 0\nlambda:\n  free_tier: false\nplatforms: [lambda, swarm]\nregion: ~\n",
			want: `{"name":"orders-api","workload":{"requests_per_second":40,"cpu_fraction":0.0416},` +
				`"servers":{"hourly_price":"0.096","count":0},"lambda":{"free_tier":false},"platforms":["lambda","swarm"],"region":null}`,
		},
		{name: "json in", in: `{"b": 1, "a": {"y": "2", "x": true}}`, want: `{"b":1,"a":{"y":"2","x":true}}`},
		{name: "yaml-only numbers stay text", in: "a: .inf\nb: 0x1F\nc: 1_000\n", want: `{"a":".inf","b":"0x1F","c":"1_000"}`},
		{name: "markup is just a string", in: "name: <img src=x onerror=alert(1)>\n", want: `{"name":"\u003cimg src=x onerror=alert(1)\u003e"}`},
		// The same place and words as runwhere.ParseScenario gives (issue 27:
		// yaml.v3's own message reads one line early).
		{name: "bad yaml", in: "name: [unclosed\n", want: `{"error":"scenario: line 1:7: this '[' is never closed: the input ends before its ']'"}`},
		{name: "unclosed on line 2", in: "name: a\nworkload: {requests_per_second: 1\n", want: `{"error":"scenario: line 2:11: this '{' is never closed: the input ends before its '}'"}`},
		{name: "bad key on line 3", in: "name: a\nregion: b\n  c: d\n", want: `{"error":"scenario: line 3: mapping values are not allowed in this context"}`},
		{name: "not a mapping", in: "- a\n- b\n", want: `{"error":"scenario: want a mapping of fields (name: …, workload: …)"}`},
		{name: "alias", in: "a: &x 1\nb: *x\n", want: `{"error":"scenario: line 2: aliases (*x) are not supported"}`},
		{name: "empty", in: "", want: `{"error":"scenario: empty; give a YAML or JSON scenario"}`},
		{name: "document markers around one document", in: "---\nname: a\n...\n", want: `{"name":"a"}`},
		{name: "two documents", in: "name: a\n---\nname: b\n", want: `{"error":"scenario: more than one YAML document (a line \"---\" starts another); give one scenario"}`},
		{name: "a second, empty document", in: "name: a\n---\n", want: `{"error":"scenario: more than one YAML document (a line \"---\" starts another); give one scenario"}`},
		{name: "a second document that is not YAML", in: "name: a\n---\n[\n", want: `{"error":"scenario: more than one YAML document (a line \"---\" starts another); give one scenario"}`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := b.Scenario(tc.in); got != tc.want {
				t.Errorf("Scenario(%q)\n got %s\nwant %s", tc.in, got, tc.want)
			}
		})
	}
}

func TestYAML(t *testing.T) {
	b := bridge{fakeEngine()}
	in := `{"name":"orders-api","platforms":["lambda","swarm"],"workload":{"requests_per_second":40,"memory_mb":512},` +
		`"servers":{"hourly_price":"0.096","instance_type":"m5.large"},"lambda":{"free_tier":true}}`
	var got struct {
		YAML  string `json:"yaml"`
		Error string `json:"error"`
	}
	if err := json.Unmarshal([]byte(b.YAML(in)), &got); err != nil || got.Error != "" {
		t.Fatalf("YAML() = %+v, %v", got, err)
	}
	want := `name: orders-api
platforms: [lambda, swarm]
workload:
  requests_per_second: 40
  memory_mb: 512
servers:
  hourly_price: "0.096"
  instance_type: m5.large
lambda:
  free_tier: true
`
	if got.YAML != want {
		t.Errorf("YAML()\n got:\n%s\nwant:\n%s", got.YAML, want)
	}
	// The YAML reads back as the same scenario.
	if back := b.Scenario(got.YAML); back != in {
		t.Errorf("Scenario(YAML(x))\n got %s\nwant %s", back, in)
	}
}

// FuzzScenario: whatever text a page sends, the bridge answers JSON and
// does not panic; a scenario it accepts survives the trip through YAML.
func FuzzScenario(f *testing.F) {
	for _, s := range []string{
		"name: a\nworkload: {requests_per_second: 1}\n", `{"a": [1, "2", null, true]}`,
		"a: &x 1\nb: *x\n", "- 1\n", "a: !!binary aGk=\n", "a: 1e400\n", "? [a]\n: b\n",
	} {
		f.Add(s)
	}
	b := bridge{fakeEngine()}
	f.Fuzz(func(t *testing.T, in string) {
		var out string
		inputtest.Timed(t, "Scenario", in, func() { out = b.Scenario(in) })
		var m map[string]any
		if err := json.Unmarshal([]byte(out), &m); err != nil {
			t.Fatalf("Scenario(%q) = %q: not JSON: %v", in, out, err)
		}
		if _, failed := m["error"]; failed {
			return
		}
		var y struct {
			YAML  string `json:"yaml"`
			Error string `json:"error"`
		}
		var yamlOut string
		inputtest.Timed(t, "YAML", out, func() { yamlOut = b.YAML(out) })
		if err := json.Unmarshal([]byte(yamlOut), &y); err != nil || y.Error != "" {
			t.Fatalf("YAML(%s) = %+v, %v", out, y, err)
		}
		var back string
		inputtest.Timed(t, "Scenario", y.YAML, func() { back = b.Scenario(y.YAML) })
		if back != out {
			t.Fatalf("round trip of %q:\n first %s\nsecond %s\n yaml %q", in, out, back, y.YAML)
		}
	})
}

// TestBridgeBounds pins issue 10's bounds at the bridge: the page cannot
// hand over more than the library reads, nor an unbounded what-if.
func TestBridgeBounds(t *testing.T) {
	b := bridge{fakeEngine()}
	many := strings.TrimSuffix(strings.Repeat("manager,", maxEvents+1), ",")
	tests := []struct {
		name, got, want string
	}{
		{"events past the bound", b.WhatIf("name: x", many, "swarm"), "more than the 100"},
		{"JSON events past the bound", b.WhatIf("name: x", `["`+strings.Repeat(`manager","`, maxEvents)+`manager"]`, "swarm"), "more than the 100"},
		{"scenario past the library's bound", b.Scenario(strings.Repeat("#", maxInput+1)), "more than the 65536"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := decode(t, tc.got)
			if v, _ := got["error"].(string); !strings.Contains(v, tc.want) {
				t.Errorf("got %v, want an error containing %q", got, tc.want)
			}
		})
	}
	if got := decode(t, b.WhatIf("name: x", strings.TrimSuffix(strings.Repeat("manager,", maxEvents), ","), "swarm")); got["error"] != nil {
		t.Errorf("%d events: %v, want them taken", maxEvents, got)
	}
}

func TestSchema(t *testing.T) {
	for _, tc := range []struct {
		name   string
		schema func() (any, error)
		want   string
	}{
		{"ok", fakeEngine().schema, `{"fields":[{"path":"name"}]}`},
		{"error", func() (any, error) { return nil, errors.New("runwhere: schema: broken") }, `{"error":"runwhere: schema: broken"}`},
		{"panic", func() (any, error) { panic("boom") }, `"error":"schema: internal error: boom`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			e := fakeEngine()
			e.schema = tc.schema
			b := bridge{e}
			if got := b.Schema(); !strings.Contains(got, tc.want) {
				t.Errorf("Schema() = %.200s, want it to contain %s", got, tc.want)
			}
			// The bridge still answers after it.
			if got := decode(t, b.Evaluate("fine", "")); got["scenario"] != "fine" {
				t.Errorf("after Schema, Evaluate(fine) = %v", got)
			}
		})
	}
}

func TestInstanceTypesBridge(t *testing.T) {
	b := bridge{fakeEngine()}
	if got := b.InstanceTypes("", "eu-west-1"); !strings.Contains(got, `"instance_types":[{"region":"eu-west-1","type":"m5.large"}]`) {
		t.Errorf("InstanceTypes(eu-west-1) = %s", got)
	}
	if got := decode(t, b.InstanceTypes("", "mars-1")); got["error"] == nil {
		t.Errorf("InstanceTypes(mars-1) = %v, want an error", got)
	}
	if got := decode(t, b.InstanceTypes("", strings.Repeat("x", 100))); got["error"] == nil || got["field"] != "region" {
		t.Errorf("a 100-character region = %v, want an error naming region", got)
	}
	e := fakeEngine()
	e.instanceTypes = func(string, string) (any, error) { panic("boom") }
	if got := decode(t, (bridge{e}).InstanceTypes("", "")); !strings.Contains(fmt.Sprint(got["error"]), "internal error: boom") {
		t.Errorf("a panic = %v, want an internal error", got)
	}
	// The real engine: every type, with eu-west-1 prices.
	if got := (bridge{newEngine()}).InstanceTypes("", "eu-west-1"); !strings.Contains(got, `{"type":"m7g.large","vcpu":2,"memory_mib":8192,"arch":"arm64","hourly":"0.091"}`) {
		t.Errorf("InstanceTypes(eu-west-1) lacks m7g.large at 0.091: %.300s", got)
	}
}

func TestCompareBridge(t *testing.T) {
	b := bridge{fakeEngine()}
	if got := b.Compare("2017-12", "swarm,lambda"); got != `{"platforms":["swarm","lambda"],"snapshot":"2017-12"}` {
		t.Errorf("Compare(2017-12, swarm,lambda) = %s", got)
	}
	if got := decode(t, b.Compare("1999-01", "")); got["error"] == nil {
		t.Errorf("Compare(1999-01) = %v, want an error", got)
	}
	if got := decode(t, b.Compare("", strings.Repeat("x", 2000))); got["error"] == nil || got["field"] != "platforms" {
		t.Errorf("a 2,000-character list = %v, want an error naming platforms", got)
	}
	// The real engine: Lambda's timeout in 2017-12 was 300 s.
	if got := (bridge{newEngine()}).Compare("2017-12", "lambda"); !strings.Contains(got, `"key":"limits.timeout"`) || !strings.Contains(got, `"value":"300"`) {
		t.Errorf("Compare(2017-12, lambda) lacks the 300 s timeout: %.300s", got)
	}
	if got := decode(t, (bridge{newEngine()}).Compare("2017-12", "eks")); got["field"] != "platforms[0]" {
		t.Errorf("EKS in 2017-12 = %v, want an error naming platforms[0]", got)
	}
}
