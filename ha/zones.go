package ha

import (
	"math"
	"strconv"
)

// Spread distributes members over zones as evenly as the Docker admin guide
// advises (its table for three zones: 3→1-1-1, 5→2-2-1, 7→3-2-2, 9→3-3-3): every zone gets ⌊members/zones⌋ and the first members%zones zones
// one more, so 5 over 3 is [2 2 1] and 7 over 3 is [3 2 2]. Member i (from 1)
// lands in zone (i−1) mod zones, which yields the same counts.
//
// More zones than members is an error: a zone would hold nothing.
func Spread(members, zones int) ([]int, error) {
	if err := checkMembers("members", members); err != nil {
		return nil, err
	}
	if zones < 1 {
		return nil, fieldErr("zones", zones, "must be at least 1")
	}
	if zones > members {
		return nil, fieldErr("zones", zones, "exceeds members %d: a zone would be empty", members)
	}
	counts := make([]int, zones)
	for i := range counts {
		counts[i] = members / zones
		if i < members%zones {
			counts[i]++
		}
	}
	return counts, nil
}

// ZoneOf returns the zone index (from 0) of member i (from 1) when members are
// placed round-robin, as [Spread] counts them.
func ZoneOf(i, zones int) int { return (i - 1) % zones }

// ZoneName returns the letter name of zone index z: 0→"a", 1→"b", … 25→"z",
// then "z26", "z27"… for larger indexes.
func ZoneName(z int) string {
	if z >= 0 && z < 26 {
		return string(rune('a' + z))
	}
	return "z" + strconv.Itoa(z)
}

// SurvivesZoneLoss reports whether members spread over zones keep need of
// them up after losing the fullest zone (so after losing any one zone). need
// = 0 means a majority. One zone never survives its own loss.
func SurvivesZoneLoss(members, zones, need int) (bool, error) {
	counts, err := Spread(members, zones)
	if err != nil {
		return false, err
	}
	if need == 0 {
		need = Majority(members)
	}
	if need < 0 || need > members {
		return false, fieldErr("need", need, "is outside [0, members %d]", members)
	}
	return members-counts[0] >= need, nil
}

// Workers is a worker tier seen as plain numbers: Count workers spread over
// Zones (zero means one zone), of which Needed must be up to carry the peak.
// The zero Needed means the peak is not checked.
type Workers struct {
	Count  int `json:"workers"`
	Zones  int `json:"zones"`
	Needed int `json:"workers_needed,omitempty"`
}

// WorkersNeeded returns ⌈peak/perWorker⌉, the workers a peak load needs when
// each carries perWorker (in any one unit, such as requests per second).
func WorkersNeeded(peak, perWorker float64) (int, error) {
	switch {
	case math.IsNaN(peak) || math.IsInf(peak, 0) || peak < 0:
		return 0, fieldErr("peak", peak, "must be a finite number ≥ 0")
	case math.IsNaN(perWorker) || math.IsInf(perWorker, 0) || perWorker <= 0:
		return 0, fieldErr("per_worker", perWorker, "must be a finite number > 0")
	}
	n := math.Ceil(peak / perWorker)
	if n > maxMembers {
		return 0, fieldErr("peak", peak, "needs %g workers, more than %d", n, maxMembers)
	}
	return int(n), nil
}

// ZoneLoss is what is left of a worker tier after its fullest zone is lost.
type ZoneLoss struct {
	Remaining int  `json:"workers_remaining"`
	PeakFits  bool `json:"peak_fits"`
}

// AfterZoneLoss returns the workers left after losing the fullest zone and
// whether they still carry the peak (always true when Needed is zero).
func (w Workers) AfterZoneLoss() (ZoneLoss, error) {
	counts, err := Spread(w.Count, max(w.Zones, 1))
	if err != nil {
		return ZoneLoss{}, err
	}
	if w.Needed < 0 {
		return ZoneLoss{}, fieldErr("workers_needed", w.Needed, "is negative")
	}
	left := w.Count - counts[0]
	return ZoneLoss{Remaining: left, PeakFits: left >= w.Needed}, nil
}
