// Package importer reads what a team already has — today, Kubernetes
// manifests — and turns each service it finds into a runwhere
// [runwhere.Scenario], saying where every value came from ([Origin]) and
// which fields it could not find ([Missing]), with the placeholder used
// for each.
//
// [Read] takes one file's bytes; [Result.YAML] prints the services as a
// multi-document YAML stream that [runwhere.ParseScenario] accepts, each
// field followed by a comment naming its origin. A document of a kind
// the importer does not read is listed in [Result.Skipped], never
// silently dropped.
//
// Reading is bounded: a file larger than [MaxFileBytes] is refused, and
// the importer walks only the paths it reads, so aliases cannot make it
// expand a document.
package importer
