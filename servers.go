package runwhere

import (
	"errors"
	"fmt"

	"github.com/runwhere/runwhere/capacity"
	"github.com/runwhere/runwhere/internal/engine"
)

// inputError turns a component's complaint about an input into the
// scenario's error vocabulary, keeping the field it names.
func inputError(err error) error {
	// Every package's field error is the one FieldError: keep it, leaving
	// the component's prefix ("capacity: ") for the caller's "runwhere: ".
	var fe *FieldError
	if errors.As(err, &fe) {
		return fe
	}
	return fmt.Errorf("runwhere: %w", err)
}

// MissingFigure is the finding code for a figure the catalogues do not
// source (a price, an ENI count), so runwhere will not guess it.
const MissingFigure = engine.MissingFigure

// MultipleClusters is the finding code for a fleet split over clusters.
const MultipleClusters = capacity.MultipleClusters

func ceilDiv(a, b int64) int64 {
	if b <= 0 {
		return a
	}
	return (a + b - 1) / b
}
