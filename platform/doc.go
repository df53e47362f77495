// Package platform is runwhere's catalogue of where an application can run:
// Docker Swarm, self-managed Kubernetes, Amazon EKS, Amazon ECS on EC2 and on
// Fargate, AWS Lambda and HashiCorp Nomad.
//
// A [Catalogue] is one dated snapshot, named by a [SnapshotID] (a month,
// YYYY-MM). [EmbeddedCatalogue] returns an embedded one — [Snapshot2017],
// the limits in force when the 2017 deck that started this project was
// written, or [Snapshot2026], today's — and [ParseCatalogue] reads a
// caller's own. Each [Platform] holds its identity, its [ControlPlane] (who
// runs it, how it agrees, how many managers, its SLA), its [Limits] and its
// [Features].
//
// Every figure carries the public source it was read in and an as-of date,
// one [Source] (a [URL], a [Date] and a note) that every sourced figure of
// runwhere embeds: a [Limit] is a value, a unit, an [Enforcement] (a hard
// limit, a tested envelope, or an adjustable quota, which may name itself
// as the Service Quotas console does) and its Source. A nil limit means
// none is published.
//
// The package is the one home of the facts about machines and platforms
// that other packages read: the EC2 instance table with its network figures
// ([EmbeddedInstances]), Fargate's task sizes ([EmbeddedTaskSizes]), SLAs
// ([ControlPlane]), Lambda's memory and /tmp ranges ([Limits]), who runs
// the workers ([Platform].Workers), the platform ids ([IDs]) and the
// 730-hour month ([HoursPerMonth]). Package cost holds only prices. Where a published claim disagrees with the sources —
// the deck's "Swarm supports 2000+ nodes" — the catalogue models the sources
// and keeps the claim beside them as a [Claim].
//
// Every kind of data is read the same way: Parse<Thing>(name, data) reads a
// caller's YAML, name labelling errors ("" for none), and
// Embedded<Thing>(keys…) returns the built-in data ([ParseCatalogue] and
// [EmbeddedCatalogue], [ParseInstances] and [EmbeddedInstances],
// [ParseTaskSizes] and [EmbeddedTaskSizes]). Catalogues are plain values
// parsed once; [EmbeddedCatalogue] returns a deep copy each time, so a
// caller may change it freely.
package platform
