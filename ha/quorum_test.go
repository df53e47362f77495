package ha_test

import (
	"testing"

	"github.com/runwhere/runwhere/ha"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The etcd FAQ table, repeated by the Docker swarm admin guide and Nomad's
// consensus page (limits-ha.md §2, §3, §6).
func TestNewQuorumTable(t *testing.T) {
	tests := []struct {
		members, majority, tolerated int
		warnings                     []string
	}{
		{1, 1, 0, []string{ha.WarnSingleMember}},
		{2, 2, 0, []string{ha.WarnEvenMembers}},
		{3, 2, 1, nil},
		{4, 3, 1, []string{ha.WarnEvenMembers}},
		{5, 3, 2, nil},
		{6, 4, 2, []string{ha.WarnEvenMembers}},
		{7, 4, 3, nil},
		{8, 5, 3, []string{ha.WarnEvenMembers, ha.WarnAboveSeven}},
		{9, 5, 4, []string{ha.WarnAboveSeven}},
	}
	for _, tc := range tests {
		t.Run(itoa(tc.members), func(t *testing.T) {
			q, err := ha.NewQuorum(tc.members)
			require.NoError(t, err)
			assert.Equal(t, tc.majority, q.Majority, "NewQuorum(%d).Majority", tc.members)
			assert.Equal(t, tc.tolerated, q.Tolerated, "NewQuorum(%d).Tolerated", tc.members)
			var codes []string
			for _, w := range q.Warnings {
				codes = append(codes, w.Code)
				assert.NotEmpty(t, w.Source, "warning %s has no source", w.Code)
			}
			assert.Equal(t, tc.warnings, codes)
		})
	}
}

// The Docker admin guide: five managers survive the loss of two, not three.
func TestSwarmFiveManagersExample(t *testing.T) {
	q, err := ha.NewQuorum(5)
	require.NoError(t, err)
	assert.True(t, 5-2 >= q.Majority, "5 managers minus 2 keep quorum")
	assert.False(t, 5-3 >= q.Majority, "5 managers minus 3 lose quorum")
}

func TestNewQuorumErrors(t *testing.T) {
	tests := []struct {
		name    string
		members int
		want    string
	}{
		{"zero", 0, "ha: members: 0 must be at least 1"},
		{"negative", -3, "ha: members: -3 must be at least 1"},
		{"huge", 1 << 20, "ha: members: 1048576 exceeds 10000"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := ha.NewQuorum(tc.members)
			require.Error(t, err)
			assert.Equal(t, tc.want, err.Error())
			var fe *ha.FieldError
			assert.ErrorAs(t, err, &fe)
		})
	}
}

func itoa(n int) string {
	if n < 10 {
		return string(rune('0' + n))
	}
	return itoa(n/10) + string(rune('0'+n%10))
}
