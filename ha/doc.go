// Package ha answers what a platform's control plane and workers survive: the
// quorum arithmetic of Raft-style control planes ([NewQuorum]), how members
// spread over zones and whether a zone loss keeps quorum or the peak load
// ([Spread], [SurvivesZoneLoss], [Workers]), the probability that a tier stays
// up ([Compute], [QuorumAvailability], [ExactMajority], [Catalogue.ManagedSLA]),
// what each platform still does after a failure, as sourced data ([Catalogue],
// [Catalogue.Behaviour]), and a what-if walk through a sequence of failures
// and repairs ([WhatIf], [ParseSteps]).
//
// [Summarize] produces the "ha" object of a runwhere report.
//
// Every failure rule comes from embedded YAML (data/scenarios/*.yaml) in
// which each cell names its public source and an as-of date. Its loaders
// follow the pattern of every package, Embedded<Thing>(keys…) for the
// built-in data and Load<Thing>(fsys, dir) for a directory:
// [EmbeddedCatalogue] and [LoadCatalogue] (a catalogue is several files,
// so there is no Parse<Thing>). What a
// platform is — its id, name, consensus, who runs its workers and its SLAs
// — is package platform's, the one home of those facts, read from there. Where the 2017 slide
// deck that started the project disagrees with a platform's documentation, the
// documentation is modelled and the deck's claim is kept beside it
// ([Behaviour.Deck]). Cells that the sources only imply are marked as
// inferences ([Cell.Inference]).
//
// Probabilities are float64 values held as a [Prob], which keeps both p and
// 1−p so that availabilities such as 0.9999 over nine members keep their
// digits: the package sums the failure tail, never 1 − (something near 1).
package ha
