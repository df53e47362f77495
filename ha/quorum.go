package ha

// Sources of the quorum rules. The same majority table appears in the etcd
// FAQ, the Docker swarm administration guide and Nomad's consensus page.
const (
	srcEtcdFAQ     = "https://etcd.io/docs/v3.5/faq/"
	srcSwarmAdmin  = "https://docs.docker.com/engine/swarm/admin_guide/"
	srcSwarmNodes  = "https://docs.docker.com/engine/swarm/how-swarm-mode-works/nodes/"
	srcK8sLarge    = "https://kubernetes.io/docs/setup/best-practices/cluster-large/"
	srcHowardAvail = "http://hh360.user.srcf.net/blog/2015/08/adding-machines-can-decrease-availability-of-a-distributed-system/"
)

// Warning codes produced by this package.
const (
	WarnEvenMembers  = "even-members"
	WarnAboveSeven   = "above-seven-members"
	WarnSingleMember = "single-member"
	WarnNoQuorum     = "quorum-lost"
	WarnPeakNotFit   = "peak-does-not-fit"
	WarnNoSLA        = "no-sla"
	WarnZoneLoss     = "zone-loss-loses-quorum"
	WarnNoChange     = "no-change"
	WarnNoManagers   = "managers-not-given"
	WarnNoWorkers    = "no-workers-up"
	WarnLastFailure  = "no-tolerance-left"
)

// Warning is advice about a topology, with the document that gives it.
type Warning struct {
	Code    string `json:"code"`
	Message string `json:"message"`
	Source  string `json:"source,omitempty"`
}

// Quorum is the majority arithmetic of a Raft-style control plane (Swarm
// managers, etcd members, Nomad servers). The zero Quorum has no members and
// is not valid; build one with [NewQuorum].
type Quorum struct {
	// Members is the number of voting members.
	Members int `json:"managers"`
	// Majority is the number of members that must be up: ⌊Members/2⌋+1.
	Majority int `json:"quorum"`
	// Tolerated is the number of members that may fail: ⌊(Members−1)/2⌋.
	Tolerated int `json:"manager_failures_tolerated"`
	// Warnings are the documented caveats of this size.
	Warnings []Warning `json:"warnings,omitempty"`
}

// Majority returns ⌊n/2⌋+1, the members a cluster of n needs up.
func Majority(n int) int { return n/2 + 1 }

// NewQuorum returns the quorum of a control plane with the given number of
// voting members, with the warnings that the etcd and Docker docs give.
func NewQuorum(members int) (Quorum, error) {
	if err := checkMembers("members", members); err != nil {
		return Quorum{}, err
	}
	q := Quorum{Members: members, Majority: Majority(members), Tolerated: (members - 1) / 2}
	q.Warnings = quorumWarnings(members)
	return q, nil
}

func quorumWarnings(n int) []Warning {
	var ws []Warning
	if n == 1 {
		ws = append(ws, Warning{
			Code: WarnSingleMember,
			Message: "a single manager holds the only copy of the cluster state: when it fails " +
				"services keep running but a new cluster must be created",
			Source: srcSwarmNodes,
		})
	}
	if n%2 == 0 {
		ws = append(ws, Warning{
			Code: WarnEvenMembers,
			Message: "an even number of members tolerates no more failures than one member fewer; " +
				"odd sizes are recommended",
			Source: srcEtcdFAQ,
		})
	}
	if n > 7 {
		ws = append(ws, Warning{
			Code: WarnAboveSeven,
			Message: "more than seven members slows writes, since each write waits for a larger majority; " +
				"Docker recommends at most seven managers and etcd probably no more than seven members",
			Source: srcSwarmNodes,
		})
	}
	return ws
}
