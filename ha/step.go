package ha

import (
	"errors"
	"fmt"
	"strconv"
	"strings"

	"github.com/runwhere/runwhere/internal/input"
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

// Step is one failure, or with Restore one repair, in a what-if sequence.
// Index numbers managers and workers from 1; zero Index with LoseWorker means
// "any one worker still up" (or, restoring, "any one worker down"). Zone
// names a zone for LoseZone.
type Step struct {
	Kind    StepKind
	Index   int
	Zone    string
	Restore bool
}

// String returns the step in the form ParseSteps reads: "manager:2",
// "worker", "worker:3", "zone:b", "control-plane", and with a leading "+"
// for a repair ("+zone:b").
func (s Step) String() string {
	prefix := ""
	if s.Restore {
		prefix = "+"
	}
	switch {
	case s.Kind == LoseZone:
		return prefix + string(s.Kind) + ":" + s.Zone
	case s.Index > 0:
		return prefix + string(s.Kind) + ":" + strconv.Itoa(s.Index)
	}
	return prefix + string(s.Kind)
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

// MaxSteps bounds a what-if sequence, so that callers that gather steps
// one by one (runwhere.WhatIf) can refuse a longer list before parsing it.
const MaxSteps = 1000

// ParseSteps parses a comma-separated sequence such as
// "manager:2,zone:b,worker,control-plane,+zone:b". A leading "+" repairs
// what the rest names. Spaces around items are ignored; an empty string is an
// empty sequence.
func ParseSteps(s string) ([]Step, error) {
	if strings.TrimSpace(s) == "" {
		return nil, nil
	}
	items := strings.Split(s, ",")
	if len(items) > MaxSteps {
		return nil, fieldErr("steps", len(items), "exceeds %d steps", MaxSteps)
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
	body, restore := strings.CutPrefix(item, "+")
	st, err := parseBody(body)
	if err != nil {
		return Step{}, fieldErr(field, strconv.Quote(input.Short(item)), "%s", err.Error())
	}
	st.Restore = restore
	return st, nil
}

func parseBody(item string) (Step, error) {
	kind, arg, hasArg := strings.Cut(item, ":")
	switch StepKind(kind) {
	case LoseControlPlane:
		if hasArg {
			return Step{}, errors.New("takes no argument")
		}
		return Step{Kind: LoseControlPlane}, nil
	case LoseZone:
		if !validZoneName(arg) {
			return Step{}, errors.New("needs a zone name such as zone:b")
		}
		return Step{Kind: LoseZone, Zone: arg}, nil
	case LoseManager, LoseWorker:
		if !hasArg && StepKind(kind) == LoseWorker {
			return Step{Kind: LoseWorker}, nil
		}
		most := maxMembers
		if StepKind(kind) == LoseWorker {
			most = maxWhatIfWorkers
		}
		i, err := strconv.Atoi(arg)
		if err != nil || i < 1 || i > most || arg != strconv.Itoa(i) {
			return Step{}, fmt.Errorf("needs a number from 1 to %d, such as %s:2", most, kind)
		}
		return Step{Kind: StepKind(kind), Index: i}, nil
	}
	return Step{}, errors.New("is not manager:N, worker[:N], zone:X or control-plane, optionally after +")
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
