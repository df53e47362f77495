//go:build !race

package engine_test

// raceEnabled says the race detector is on: slow tests run fewer cases.
const raceEnabled = false
