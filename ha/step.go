package ha

import (
	"strconv"
	"strings"
)

// StepKind is what a what-if step takes away.
type StepKind string

// The kinds of what-if step.
const (
	LoseManager      StepKind = "manager"       // one manager, by number from 1
	LoseWorker       StepKind = "worker"        // one worker, by number, or any one
	LoseZone         StepKind = "zone"          // one zone, by name ("a", "b", …)
	LoseControlPlane StepKind = "control-plane" // every manager, or the managed API
)

// Step is one failure in a what-if sequence. Index numbers managers and
// workers from 1; zero Index with LoseWorker means "any one worker still up".
// Zone names a zone for LoseZone.
type Step struct {
	Kind  StepKind
	Index int
	Zone  string
}

// String returns the step in the form ParseSteps reads: "manager:2",
// "worker", "worker:3", "zone:b", "control-plane".
func (s Step) String() string {
	switch {
	case s.Kind == LoseZone:
		return string(s.Kind) + ":" + s.Zone
	case s.Index > 0:
		return string(s.Kind) + ":" + strconv.Itoa(s.Index)
	}
	return string(s.Kind)
}

// MarshalText implements encoding.TextMarshaler.
func (s Step) MarshalText() ([]byte, error) { return []byte(s.String()), nil }

// UnmarshalText implements encoding.TextUnmarshaler for one step.
func (s *Step) UnmarshalText(b []byte) error {
	v, err := parseStep(string(b), 1)
	if err != nil {
		return err
	}
	*s = v
	return nil
}

// maxSteps bounds a what-if sequence.
const maxSteps = 1000

// ParseSteps parses a comma-separated sequence such as
// "manager:2,zone:b,worker,control-plane". Spaces around items are ignored;
// an empty string is an empty sequence.
func ParseSteps(s string) ([]Step, error) {
	if strings.TrimSpace(s) == "" {
		return nil, nil
	}
	items := strings.Split(s, ",")
	if len(items) > maxSteps {
		return nil, fieldErr("steps", len(items), "exceeds %d steps", maxSteps)
	}
	steps := make([]Step, 0, len(items))
	for i, item := range items {
		st, err := parseStep(item, i+1)
		if err != nil {
			return nil, err
		}
		steps = append(steps, st)
	}
	return steps, nil
}

func parseStep(item string, n int) (Step, error) {
	item = strings.TrimSpace(item)
	field := "steps[" + strconv.Itoa(n) + "]"
	kind, arg, hasArg := strings.Cut(item, ":")
	switch StepKind(kind) {
	case LoseControlPlane:
		if hasArg {
			return Step{}, fieldErr(field, strconv.Quote(item), "takes no argument")
		}
		return Step{Kind: LoseControlPlane}, nil
	case LoseZone:
		if !validZoneName(arg) {
			return Step{}, fieldErr(field, strconv.Quote(item), "needs a zone name such as zone:b")
		}
		return Step{Kind: LoseZone, Zone: arg}, nil
	case LoseManager, LoseWorker:
		if !hasArg && StepKind(kind) == LoseWorker {
			return Step{Kind: LoseWorker}, nil
		}
		i, err := strconv.Atoi(arg)
		if err != nil || i < 1 || i > maxMembers || arg != strconv.Itoa(i) {
			return Step{}, fieldErr(field, strconv.Quote(item), "needs a number from 1 to %d, such as %s:2", maxMembers, kind)
		}
		return Step{Kind: StepKind(kind), Index: i}, nil
	}
	return Step{}, fieldErr(field, strconv.Quote(item), "is not manager:N, worker[:N], zone:X or control-plane")
}

// validZoneName accepts the names ZoneName produces.
func validZoneName(s string) bool { return zoneIndex(s) >= 0 }

// zoneIndex is the inverse of ZoneName for the letters a–z, or −1.
func zoneIndex(s string) int {
	if len(s) == 1 && s[0] >= 'a' && s[0] <= 'z' {
		return int(s[0] - 'a')
	}
	return -1
}
