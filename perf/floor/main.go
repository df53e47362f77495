//go:build js && wasm

// Command floor is the dependency floor of runwhere.wasm: it links what the
// bridge's dependencies bring (shopspring/decimal, yaml.v3 both ways,
// encoding/json both ways, fmt, syscall/js) and does nothing of its own.
// The budget holds the bridge's gzipped size as a ratio to this program's,
// built the same way, so that a dependency or toolchain change moves both
// sides and only runwhere's own code moves the ratio (issue 28).
//
// Every entry point takes its input from JavaScript, so the linker cannot
// drop the code behind it; keep the calls in step with what the library
// uses (yaml.Marshal, yaml.NewDecoder, json.Marshal, json.Unmarshal, ...).
package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"syscall/js"

	"github.com/shopspring/decimal"
	"gopkg.in/yaml.v3"
)

type doc struct {
	D decimal.Decimal `yaml:"d" json:"d"`
	M map[string]any  `yaml:"m" json:"m"`
	L []string        `yaml:"l" json:"l"`
}

func main() {
	js.Global().Set("floor", js.FuncOf(func(_ js.Value, args []js.Value) any {
		var v doc
		dec := yaml.NewDecoder(bytes.NewReader([]byte(args[0].String())))
		dec.KnownFields(true)
		if err := dec.Decode(&v); err != nil {
			return err.Error()
		}
		y, _ := yaml.Marshal(v)
		j, _ := json.Marshal(v)
		var w doc
		if err := json.Unmarshal(j, &w); err != nil {
			return err.Error()
		}
		d, _ := decimal.NewFromString(args[1].String())
		return fmt.Sprintf("%s %s %s %v", v.D.Mul(d).DivRound(w.D, 8).StringFixed(2), y, j, w.M)
	}))
	select {}
}
