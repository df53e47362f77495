// Package engine evaluates one platform of a scenario: it sizes the
// workload with package capacity, prices it with package cost and
// describes its deployment for package ha, with the [Adapter] of the
// platform's family. The root package turns a [Result] into the report's
// column for that platform; nothing here knows the report's shape.
//
// # Families and adapters
//
// A platform's catalogue entry names its family (platform.Family), and the
// family names its adapter ([For]):
//
//   - functions (Lambda): concurrency and its ramp; per-request and
//     GB-second charges, as a curve of the monthly requests.
//   - tasks (ECS on Fargate): one task per replica, spread over zones, at
//     the smallest valid task size; per-second vCPU and memory charges.
//   - nodes (ECS on EC2, EKS, Kubernetes, Swarm, Nomad): replicas packed
//     onto worker instances after the rule the entry's node_reservation
//     names; instance-hours, plus the control plane (an hourly fee when
//     the provider runs it, manager instances when the user does).
//
// Every difference between platforms of one family is read from their
// catalogue entries (limits, who runs the control plane and the workers,
// the reservation rule, prices keyed by the platform's id), never from an
// id test, so that the registry is a fixed table of three adapters.
//
// # Adding a platform
//
// A platform of an existing family is data only:
//
//  1. its entry in each platform snapshot that has it
//     (platform/data/<snapshot>.yaml: id, name, kind, family,
//     node_reservation for nodes platforms, control plane, workers,
//     limits and features, each figure sourced);
//  2. its failure scenarios (ha/data/scenarios/<id>.yaml);
//  3. when the provider charges for its control plane, that price in the
//     price catalogues (cost/data/<snapshot>_<region>.yaml).
//
// A new family (per-request containers such as Cloud Run, say) is one
// adapter file in this package, its entry in the registry, and its
// catalogue entries. TestTestOnlyPlatform in the root package evaluates a
// platform that exists only in the test, end to end.
package engine
