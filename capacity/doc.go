// Package capacity says what a workload needs on each platform and which
// limits it hits: Lambda concurrency and scaling ramp, nodes and replicas on
// the EC2-backed orchestrators, Fargate task sizes, and the cluster limits
// of the [platform] catalogue.
//
// [Size] is the entry point, and the one sizing model: every report prices
// what it returns. A [Request] (workload, container, servers, Lambda
// function) on one platform of a [platform.Catalogue] — sized by the
// platform entry's family, its nodes reserved by the entry's
// node_reservation — gives a [Result] with the sizing and its [Finding]s — blockers for hard limits,
// warnings for adjustable quotas and tested envelopes, each with the limit,
// the value and the source. The parts are exported for callers that need
// one: [SizeLambda], [SizeFargate], [SizeReplicas], [SpreadReplicas],
// [NodeFor] and [Place], [Pack] (first-fit decreasing for mixed services),
// [CheckCluster] and [ClustersNeeded].
//
// # Sizing model
//
// As in DESIGN.md: one request is in flight for DurationMS and keeps one
// vCPU busy for its CPU time (CPUMS, or DurationMS × CPUFraction).
// Requests in flight follow Little's law, rps × duration_ms / 1000
// ([Concurrency]); Lambda needs that many execution environments, each
// holding MemoryMB. A replica of the container is one process serving
// many requests in one memory space: it serves requests until the first
// of its vCPU × target utilisation over a request's CPU time, its
// MaxInFlight workers, and the requests its memory holds at
// RequestMemoryMB each (memory does not bound it when that is not
// given). Replicas are sized for the peak (the mean when no peak is
// given), spread over zones — every zone at least one, the remainder in the
// first zones, and with SurviveZoneLoss enough per zone that the other zones
// still hold the peak — and packed, each zone on the nodes its own replicas
// need, onto nodes of the instance type after the platform's
// reservation ([DefaultReservation]): the EKS AMI's kube-reserved and max
// pods from the ENI formula, the kubelet's defaults for upstream Kubernetes,
// ECS awsvpc tasks from ENIs or ENI trunking, CPU and memory alone for
// Swarm, Nomad and ECS bridge/host mode. Memory sizes given in MB are read
// as MiB, the unit ECS, Kubernetes and Lambda actually allocate in.
//
// Quantities that reach reports and are fractional (concurrency, vCPU) are
// [decimal.Decimal]; counts are exact integers, and every ceiling is taken
// without floating point. Instance shapes, ENI figures and Fargate's task
// sizes live in package platform, their one home, every figure with its
// source and as-of date; capacity reads no data of its own, so it has no
// loaders: package platform's Parse<Thing>(name, data) reads a caller's
// table and Embedded<Thing>(keys…) the built-in one
// ([platform.ParseInstances], [platform.EmbeddedInstances],
// [platform.EmbeddedTaskSizes]).
package capacity
