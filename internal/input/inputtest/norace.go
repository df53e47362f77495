//go:build !race

package inputtest

// Bound is the time one hostile input may take to be refused (issue 10:
// 50 ms).
const Bound = 50e6 // nanoseconds

const callLimit = 100e6 // nanoseconds
