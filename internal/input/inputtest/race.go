//go:build race

package inputtest

// Bound is the time one hostile input may take to be refused. The race
// detector slows the decoder about tenfold; the hang it guards against
// was minutes.
const Bound = 500e6 // nanoseconds

const callLimit = 1000e6 // nanoseconds

// refQuiet is what reference costs on a quiet machine under the race
// detector (the fastest of BenchmarkReference's runs with -race).
const refQuiet = 5300e3 // nanoseconds
