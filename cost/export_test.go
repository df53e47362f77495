package cost

// LineOf exposes lineOf, which gives catalogue errors their YAML line, so
// that its path rules can be tested on documents of any shape.
var LineOf = lineOf
