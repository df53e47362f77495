// Package runwhere decides where an application should run — Docker Swarm,
// Kubernetes (self-managed or Amazon EKS), Amazon ECS on EC2 or on Fargate,
// HashiCorp Nomad, or AWS Lambda — and says what each choice costs, how far it
// scales and what breaks when machines fail.
//
// The library is organised as one package per concern:
//
//   - [github.com/runwhere/runwhere/platform]: each platform's limits, features
//     and control-plane topology, every figure with its public source and
//     as-of date, in dated snapshots ("2017-12", "2026-11").
//   - [github.com/runwhere/runwhere/cost]: Lambda, EC2, Fargate and
//     control-plane pricing in exact decimals, itemised bills and break-even
//     solvers.
//   - [github.com/runwhere/runwhere/capacity]: what a workload needs (nodes,
//     tasks, Lambda concurrency) and which limits it hits.
//   - [github.com/runwhere/runwhere/ha]: quorum math, zone placement,
//     availability and failure scenarios.
//
// This root package joins them: a Scenario goes in, a Report comes out.
package runwhere
