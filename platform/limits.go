package platform

// Limit is one published figure: a number, how it binds, and where it was
// published. The zero Limit is not valid: every Limit in a catalogue has a
// complete [Source].
type Limit struct {
	Value       int64       `yaml:"value" json:"value"`
	Unit        string      `yaml:"unit" json:"unit"`
	Enforcement Enforcement `yaml:"enforcement" json:"enforcement"`
	// QuotaName and QuotaCode name an adjustable quota ([Quota]) as the
	// Service Quotas console and API do ("Fargate On-Demand vCPU resource
	// count", "L-3032A538"), so that a finding can say what to ask AWS to
	// raise. Optional; set only on a quota.
	QuotaName string `yaml:"quota_name,omitempty" json:"quota_name,omitempty"`
	QuotaCode string `yaml:"quota_code,omitempty" json:"quota_code,omitempty"`
	Source    `yaml:",inline"`
}

// Limits holds a platform's capacity limits. A nil field means the platform
// publishes no such limit (Docker publishes no swarm-mode node ceiling) or
// that it does not apply (Lambda has no nodes).
type Limits struct {
	// Cluster-scoped limits of the orchestrators.
	NodesPerCluster      *Limit `yaml:"nodes_per_cluster,omitempty" json:"nodes_per_cluster,omitempty"`
	PodsPerNode          *Limit `yaml:"pods_per_node,omitempty" json:"pods_per_node,omitempty"`
	PodsPerCluster       *Limit `yaml:"pods_per_cluster,omitempty" json:"pods_per_cluster,omitempty"`
	ContainersPerCluster *Limit `yaml:"containers_per_cluster,omitempty" json:"containers_per_cluster,omitempty"`
	ServicesPerCluster   *Limit `yaml:"services_per_cluster,omitempty" json:"services_per_cluster,omitempty"`
	TasksPerService      *Limit `yaml:"tasks_per_service,omitempty" json:"tasks_per_service,omitempty"`
	ContainersPerTask    *Limit `yaml:"containers_per_task,omitempty" json:"containers_per_task,omitempty"`
	ClustersPerRegion    *Limit `yaml:"clusters_per_region,omitempty" json:"clusters_per_region,omitempty"`

	// Fargate's regional quotas: a task count in 2017-12, vCPUs today.
	TasksPerRegion *Limit `yaml:"tasks_per_region,omitempty" json:"tasks_per_region,omitempty"`
	VCPUPerRegion  *Limit `yaml:"vcpu_per_region,omitempty" json:"vcpu_per_region,omitempty"`

	// Lambda's function limits.
	Timeout              *Limit `yaml:"timeout,omitempty" json:"timeout,omitempty"`
	MemoryMin            *Limit `yaml:"memory_min,omitempty" json:"memory_min,omitempty"`
	MemoryMax            *Limit `yaml:"memory_max,omitempty" json:"memory_max,omitempty"`
	MemoryStep           *Limit `yaml:"memory_step,omitempty" json:"memory_step,omitempty"`
	SyncPayload          *Limit `yaml:"sync_payload,omitempty" json:"sync_payload,omitempty"`
	AsyncPayload         *Limit `yaml:"async_payload,omitempty" json:"async_payload,omitempty"`
	TmpMin               *Limit `yaml:"tmp_min,omitempty" json:"tmp_min,omitempty"`
	TmpMax               *Limit `yaml:"tmp_max,omitempty" json:"tmp_max,omitempty"`
	PackageZipped        *Limit `yaml:"package_zipped,omitempty" json:"package_zipped,omitempty"`
	PackageUnzipped      *Limit `yaml:"package_unzipped,omitempty" json:"package_unzipped,omitempty"`
	ImageSize            *Limit `yaml:"image_size,omitempty" json:"image_size,omitempty"`
	Concurrency          *Limit `yaml:"concurrency,omitempty" json:"concurrency,omitempty"`
	ScalingBurst         *Limit `yaml:"scaling_burst,omitempty" json:"scaling_burst,omitempty"`
	ScalingStep          *Limit `yaml:"scaling_step,omitempty" json:"scaling_step,omitempty"`
	ScalingPeriodSeconds *Limit `yaml:"scaling_period_seconds,omitempty" json:"scaling_period_seconds,omitempty"`
}

// Claim is a published statement that differs from the platform's own
// sources — chiefly the 2017 deck's comparison table. Catalogues model the
// sources and keep the claim beside them so a reader sees the correction.
type Claim struct {
	// About names the field the claim concerns, as a catalogue path
	// ("limits.nodes_per_cluster").
	About   string `yaml:"about" json:"about"`
	Claim   string `yaml:"claim" json:"claim"`
	Verdict string `yaml:"verdict" json:"verdict"`
	// Holds says whether the sources bear the claim out (true) or correct
	// it (false); the Verdict says how. Required.
	Holds  *bool `yaml:"holds" json:"holds"`
	Source `yaml:",inline"`
}
