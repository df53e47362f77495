//go:build js && wasm

package main

import (
	"strings"
	"syscall/js"
	"testing"
)

// These tests run under Node:
//
//	GOOS=js GOARCH=wasm go test -exec="$(go env GOROOT)/lib/wasm/go_js_wasm_exec" ./wasm/...
//
// They call the functions through JavaScript, as the page does.

func TestInstallSetsFunctionsAndReady(t *testing.T) {
	api := install(bridge{fakeEngine()})
	for _, name := range []string{"evaluate", "markdown", "curves", "whatIf", "presets", "schema", "profiles", "scenario", "yaml", "version"} {
		if api.Get(name).Type() != js.TypeFunction {
			t.Errorf("runwhere.%s is %s, want a function", name, api.Get(name).Type())
		}
	}
	if !js.Global().Get("runwhere").Equal(api) {
		t.Error("globalThis.runwhere is not the installed object")
	}
	if js.Global().Get("runwhereReady").Type() != js.TypeObject {
		t.Error("runwhereReady is not a promise")
	}
	if got := api.Call("version"); got.Type() != js.TypeString || got.String() != "v1.2.3" {
		t.Errorf("version() = %v", got)
	}
}

func TestInstallResolvesPagePromise(t *testing.T) {
	// The page makes the promise first and hangs resolve on it.
	resolved := false
	p := js.Global().Get("Object").New()
	resolve := js.FuncOf(func(_ js.Value, args []js.Value) any {
		resolved = len(args) == 1 && args[0].Get("evaluate").Type() == js.TypeFunction
		return nil
	})
	defer resolve.Release()
	p.Set("resolve", resolve)
	js.Global().Set("runwhereReady", p)
	install(bridge{fakeEngine()})
	if !resolved {
		t.Error("install did not call runwhereReady.resolve(runwhere)")
	}
}

func TestCallsReturnStringsAndSurviveBadInput(t *testing.T) {
	api := install(bridge{fakeEngine()})
	call := func(name string, args ...any) string {
		t.Helper()
		v := api.Call(name, args...)
		if v.Type() != js.TypeString {
			t.Fatalf("%s(%v) returned a %s, want a string", name, args, v.Type())
		}
		return v.String()
	}
	for _, tc := range []struct {
		name string
		fn   string
		args []any
		want string
	}{
		{"ok", "evaluate", []any{"name: x"}, `"scenario":"name: x"`},
		{"no argument", "evaluate", nil, `"error":"scenario: empty`},
		{"number, not text", "evaluate", []any{42}, `"error":"scenario: empty`},
		{"object, not text", "evaluate", []any{map[string]any{"a": 1}}, `"error":"scenario: empty`},
		{"panic in the library", "evaluate", []any{"panic"}, `internal error: boom`},
		{"events as an array", "whatIf", []any{"x", []any{"manager:1", "zone:b"}, "swarm"}, `"events":["manager:1","zone:b"]`},
		{"events as text", "whatIf", []any{"x", "worker", "eks"}, `"events":["worker"]`},
		{"events of numbers", "whatIf", []any{"x", []any{1, 2}, "eks"}, `"error":"whatIf: events`},
		{"curves with points", "curves", []any{"x", 9}, `"points":9`},
		{"curves with NaN points", "curves", []any{"x", js.Global().Get("NaN")}, `"points":41`},
		{"presets", "presets", nil, `"name":"a"`},
		{"schema", "schema", nil, `"fields":[{"path":"name"`},
		{"schema with arguments", "schema", []any{42, "x"}, `"fields":[{"path":"name"`},
		{"profiles", "profiles", nil, `"name":"flat"`},
		{"scenario", "scenario", []any{"a: 1"}, `{"a":1}`},
		{"yaml", "yaml", []any{`{"a":1}`}, `"yaml":"a: 1\n"`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := call(tc.fn, tc.args...); !strings.Contains(got, tc.want) {
				t.Errorf("%s(%v) = %s, want it to contain %s", tc.fn, tc.args, got, tc.want)
			}
		})
	}
	// After all that, the runtime is still alive.
	if got := call("evaluate", "still here"); !strings.Contains(got, "still here") {
		t.Errorf("after bad calls, evaluate = %s", got)
	}
}

func TestArgumentThatThrows(t *testing.T) {
	api := install(bridge{fakeEngine()})
	// An array whose every property read throws, so JSON.stringify throws
	// inside the Go callback.
	evil := js.Global().Get("Function").New(`return new Proxy([], { get() { throw new Error("gotcha"); } })`).Invoke()
	v := api.Call("whatIf", "x", evil, "swarm")
	if v.Type() != js.TypeString || !strings.Contains(v.String(), "bad arguments") {
		t.Fatalf("whatIf(evil) = %v, want a bad-arguments error", v)
	}
	if got := api.Call("evaluate", "ok").String(); !strings.Contains(got, `"scenario":"ok"`) {
		t.Errorf("after a throwing argument, evaluate = %s", got)
	}
}
