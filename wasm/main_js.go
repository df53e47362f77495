//go:build js && wasm

package main

import (
	"syscall/js"
)

func main() {
	install(bridge{newEngine()})
	select {} // keep the functions alive; the page must not await go.run
}

// install sets globalThis.runwhere to the bridge's functions and resolves
// globalThis.runwhereReady. It returns the runwhere object.
func install(b bridge) js.Value {
	api := js.Global().Get("Object").New()
	set := func(name string, f func(args []js.Value) string) {
		api.Set(name, js.FuncOf(func(_ js.Value, args []js.Value) (result any) {
			// Argument conversion can panic (a symbol, a getter that throws);
			// the result is always a plain string, which js.ValueOf converts
			// after this returns without any chance to fail.
			defer func() {
				if r := recover(); r != nil {
					result = errorJSON(name + ": bad arguments: " + sprint(r))
				}
			}()
			return f(args)
		}))
	}
	set("evaluate", func(a []js.Value) string { return b.Evaluate(str(a, 0), str(a, 1)) })
	set("markdown", func(a []js.Value) string { return b.Markdown(str(a, 0)) })
	set("curves", func(a []js.Value) string { return b.Curves(str(a, 0), num(a, 1)) })
	set("whatIf", func(a []js.Value) string { return b.WhatIf(str(a, 0), events(a, 1), str(a, 2)) })
	set("presets", func([]js.Value) string { return b.Presets() })
	set("schema", func([]js.Value) string { return b.Schema() })
	set("profiles", func([]js.Value) string { return b.Profiles() })
	set("scenario", func(a []js.Value) string { return b.Scenario(str(a, 0)) })
	set("yaml", func(a []js.Value) string { return b.YAML(str(a, 0)) })
	set("instanceTypes", func(a []js.Value) string { return b.InstanceTypes(str(a, 0), str(a, 1)) })
	set("compare", func(a []js.Value) string { return b.Compare(str(a, 0), str(a, 1)) })
	set("version", func([]js.Value) string { return b.Version() })
	set("import", func(a []js.Value) string { return b.Import(str(a, 0)) })

	g := js.Global()
	g.Set("runwhere", api)
	// The page may create runwhereReady itself (a promise with a resolve
	// method attached) before this program starts; otherwise make one.
	if r := g.Get("runwhereReady"); r.Type() == js.TypeObject && r.Get("resolve").Type() == js.TypeFunction {
		r.Call("resolve", api)
	} else {
		g.Set("runwhereReady", g.Get("Promise").Call("resolve", api))
	}
	return api
}

// str returns argument i as a string, or "" when it is missing or not a string.
func str(args []js.Value, i int) string {
	if i >= len(args) || args[i].Type() != js.TypeString {
		return ""
	}
	return args[i].String()
}

// num returns argument i as an int, or 0 when it is missing or not a number.
func num(args []js.Value, i int) int {
	if i >= len(args) || args[i].Type() != js.TypeNumber {
		return 0
	}
	f := args[i].Float()
	if f != f || f < 0 || f > 1e6 {
		return 0
	}
	return int(f)
}

// events accepts a JS array of strings, or a string (JSON array or comma list).
func events(args []js.Value, i int) string {
	if i >= len(args) {
		return ""
	}
	v := args[i]
	switch {
	case v.Type() == js.TypeString:
		return v.String()
	case v.Type() == js.TypeObject && js.Global().Get("Array").Call("isArray", v).Bool():
		return js.Global().Get("JSON").Call("stringify", v).String()
	}
	return ""
}

func sprint(v any) string {
	if e, ok := v.(error); ok {
		return e.Error()
	}
	if s, ok := v.(string); ok {
		return s
	}
	return "unexpected value"
}
