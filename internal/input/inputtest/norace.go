//go:build !race

package inputtest

// Bound is the time one hostile input may take to be refused (issue 10:
// 50 ms).
const Bound = 50e6 // nanoseconds

const callLimit = 100e6 // nanoseconds

// refQuiet is what reference costs on a quiet machine (the fastest of
// BenchmarkReference's runs on the project's 2-core machine).
const refQuiet = 900e3 // nanoseconds
