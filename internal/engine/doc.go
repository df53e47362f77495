// Package engine evaluates one platform of a scenario with the model of
// the platform's family ([Evaluate]), which sizes the workload with
// package capacity, prices it with package cost and describes its
// deployment for package ha. The root package turns a [Result] into the
// report's column for that platform; nothing here knows the report's
// shape, nor any family.
//
// The engine is the framework: [Inputs], [Result], [Capacity],
// [Catalogues], the [Family] interface and its hooks, the [Registry];
// the search for cheaper configurations ([Alternatives], [Search],
// [Shortlist]); and the machinery the families share, for them to call:
// fleets ([StepFleet], [LoadFleet], [FollowFleet]), the surroundings
// ([SurroundingsOf]), discounts ([DiscountedBy]), instance fees
// ([EC2Bill], [EC2Tariff], [EC2Monthly], [CheckFees]), control planes
// ([ControlPlane]) and the missing-figure blocker
// ([MissingFigureFinding]).
//
// # Families
//
// A platform's catalogue entry names its family (platform.Family), and a
// [Registry] names the family's model. runwhere's are packages of their
// own under internal/family, which internal/family's Builtin registers:
//
//   - functions (Lambda): concurrency and its ramp; per-request and
//     GB-second charges, as a curve of the monthly requests.
//   - tasks (ECS and EKS on Fargate): one task per replica, spread over
//     zones, at the smallest valid task size holding the container and
//     what the platform adds to each pod; per-second vCPU and memory
//     charges.
//   - nodes (ECS on EC2, EKS, EKS Auto Mode, ECS Managed Instances,
//     Kubernetes, Swarm, Nomad): replicas packed onto worker instances
//     after the rule the entry's node_reservation names; instance-hours
//     and the instance fees the entry names, plus the control plane (a
//     provider's fee, or manager instances the user runs).
//   - function-instances (Lambda Managed Instances): instances sized by
//     CPU for the requests in flight, at least the entry's minimum;
//     instance-hours, the provider's share of their price, and a charge
//     per request.
//
// A model implements [Family] and, where they apply, the hooks
// [Surrounded], [Discounted], [Searcher] and [Fielded]; the engine and
// the root ask for a hook and treat its absence as "does not apply".
// Every difference between platforms of one family is read from their
// catalogue entries (limits, who runs the control plane and the workers,
// the reservation rule, params, the fees named), never from an id test.
//
// # Adding a platform
//
// A platform of an existing family is data only:
//
//  1. its entry in each platform snapshot that has it
//     (platform/data/<snapshot>.yaml: id, name, kind, family,
//     node_reservation for nodes platforms, control plane and its fee,
//     fees, params, workers, limits and features, each figure sourced);
//  2. its failure scenarios (ha/data/scenarios/<id>.yaml);
//  3. a fee the price catalogues do not have yet, in their fees section
//     (cost/data/<snapshot>_<region>.yaml).
//
// A new family is one package implementing [Family] with this package's
// exported API, its line in the registry (internal/family's Builtin),
// and its catalogue entries: package internal/testfamily is one, which
// TestTestOnlyFamily in the root package evaluates end to end.
package engine
