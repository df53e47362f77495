package capacity

import (
	"github.com/runwhere/runwhere/platform"
)

// ClusterUsage is what one cluster runs, in the units of the platform's
// limits. Pods counts ECS tasks too; Containers defaults to Pods when zero.
type ClusterUsage struct {
	Nodes              int64
	PodsPerNode        int64 // on the fullest node, platform daemons included
	Pods               int64
	Containers         int64
	Services           int64
	MaxTasksPerService int64 // replicas of the largest service
}

// CheckCluster compares u with p's published cluster limits and returns a
// finding for every one exceeded. A limit equal to the value is within it;
// unpublished (nil) limits are not checked.
func CheckCluster(p platform.Platform, u ClusterUsage) Findings {
	l := p.Limits
	containers := u.Containers
	if containers == 0 {
		containers = u.Pods
	}
	checks := []struct {
		code  Code
		what  string
		limit *platform.Limit
		value int64
	}{
		{MaxNodes, "nodes", l.NodesPerCluster, u.Nodes},
		{MaxPodsPerNode, "pods on one node", l.PodsPerNode, u.PodsPerNode},
		{MaxPods, "pods in the cluster", l.PodsPerCluster, u.Pods},
		{MaxContainers, "containers in the cluster", l.ContainersPerCluster, containers},
		{MaxServices, "services in the cluster", l.ServicesPerCluster, u.Services},
		{MaxTasksPerService, "tasks of one service", l.TasksPerService, u.MaxTasksPerService},
	}
	var fs Findings
	for _, c := range checks {
		if f, ok := over(c.code, c.what, c.limit, c.value); ok {
			fs = append(fs, f)
		}
	}
	return fs
}

// ClustersNeeded is how many clusters of platform p hold u when one is not
// enough: the largest ratio of a cluster-wide count (nodes, pods,
// containers, services) to its limit, rounded up. Per-node and per-service
// limits are not eased by more clusters and do not count. Platforms that
// publish no ceiling (Swarm, Nomad) need one.
//
// The 2017 deck's point stands in the numbers: Swarm suits several small
// clusters (it publishes no ceiling, and is run that way), Kubernetes one
// large one (5,000 nodes, 150,000 pods).
func ClustersNeeded(p platform.Platform, u ClusterUsage) int64 {
	l := p.Limits
	containers := u.Containers
	if containers == 0 {
		containers = u.Pods
	}
	n := int64(1)
	for _, c := range []struct {
		limit *platform.Limit
		value int64
	}{
		{l.NodesPerCluster, u.Nodes},
		{l.PodsPerCluster, u.Pods},
		{l.ContainersPerCluster, containers},
		{l.ServicesPerCluster, u.Services},
	} {
		if c.limit == nil || c.limit.Value <= 0 {
			continue
		}
		n = max(n, (c.value+c.limit.Value-1)/c.limit.Value)
	}
	return n
}
