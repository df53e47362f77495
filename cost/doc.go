// Package cost prices AWS compute exactly: AWS Lambda, EC2 fleets, Fargate
// tasks and the container control planes, with itemised bills and
// break-even solvers.
//
// Prices come from a [Catalogue] — one per snapshot
// ([platform.SnapshotID]: [platform.Snapshot2017], [platform.Snapshot2026])
// and region — embedded as YAML where every figure carries its source URL and
// as-of date ([EmbeddedCatalogue]), or read from a caller's own file
// ([ParseCatalogue], strict: unknown fields, missing sources and negative
// prices are errors) or directory ([LoadCatalogues]). The names follow one
// pattern in every package: Parse<Thing>(name, data) for text a caller
// brings, name labelling errors ("" for none), Embedded<Thing>(keys…) for
// the built-in data and Load<Thing>(fsys, dir) for a directory.
//
// Each entry point returns a [Bill] of [Line] items:
//
//   - [Lambda] for a function's month ([LambdaUsage]: requests, duration
//     rounded per invocation, memory, architecture, volume tiers, the free
//     tier switch, ephemeral storage, provisioned concurrency);
//   - [EC2] for a fleet of instances ([EC2Usage]; [Catalogue.Instance] gives
//     an instance type's price; its shape is in package platform);
//   - [Fargate] for task runs ([FargateUsage]; [FargateTaskSize] rounds a
//     request up to the cheapest valid task size of platform's table);
//   - [ControlPlaneBill] for EKS, ECS and self-managed managers.
//
// Money is [github.com/shopspring/decimal.Decimal] throughout, built from
// strings and exact: rates are multiplied, never divided, and a month is
// [HoursPerMonth] (730) hours. The few quotients with no finite decimal form
// (a break-even point) are rounded at [DivScale] places. [Bill.Total] is the
// exact sum; [Bill.Rounded] is the bill as AWS prints it, each line rounded
// to the cent half up, then summed.
//
// Prices are meters: a [Meter] is one price dimension (Lambda requests,
// Lambda duration with its free tier and volume tiers, Fargate vCPU, EC2
// instance-hours), a piecewise-linear charge of one driver quantity with
// its [Band] tiers. A [Tariff] is a sum of [Term] items, each a meter and
// how its driver follows one shared quantity; a bill's lines, its total,
// its slope and its breakpoints are all read from it, so each pricing rule
// is written once ([LambdaTariff], [FargateTariff], [EC2Tariff]) and a new
// dimension is one more term.
//
// Break-even: [LambdaCurve] turns a workload into a piecewise-linear monthly
// cost over requests per month ([Tariff.Curve]; curves add with
// [Curve.Add]), and [Solve] finds every point where it crosses a [Fleet]
// (a fixed cost plus a sum of [Step] terms: instances added as the load
// grows, one step per load level of a shape, a step spread over zones
// summed in closed form), with the cheaper [Side] on
// each interval. [LambdaBreakEven] and [LambdaVsFargate] wrap the common
// cases; [LambdaMemorySweep] prices one workload at every memory size.
//
// The package holds no mutable state; embedded catalogues are parsed once,
// lazily, and [EmbeddedCatalogue] hands each caller a deep copy.
package cost
