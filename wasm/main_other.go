//go:build !(js && wasm)

package main

import (
	"fmt"
	"os"
)

// main on a host explains itself: the bridge only makes sense in a browser.
func main() {
	fmt.Fprintln(os.Stderr, "wasm: build this package with GOOS=js GOARCH=wasm (go run ./playground does it for you)")
	os.Exit(2)
}
