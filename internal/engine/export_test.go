package engine

import "github.com/runwhere/runwhere/platform"

// SearchWith makes [Alternatives] search with f until the function it
// returns is called: a test puts an older search in its place to compare
// the two on whole reports.
func SearchWith(f func(p platform.Platform, cat Catalogues, in Inputs, current Result, s *Search) ([]Alternative, int, error)) (restore func()) {
	alternativesOf = f
	return func() { alternativesOf = shortlistAlternatives }
}
