//go:build !js

package main

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

// Issue 23, item 7: a mistyped instance type is marked on its field with
// the nearest known names, instead of blocking every nodes platform.
func TestMistypedInstanceTypeMarksTheField(t *testing.T) {
	ctx := newBrowser(t)
	pe := watchErrors(ctx)
	open(t, ctx, servedSite(t))
	setField(t, ctx, "servers.instance_type", "m5.lrage")
	got := marked(t, ctx, "servers.instance_type")
	assert.Equal(t, []string{"f-servers-instance_type"}, got.Invalid, "the fields marked invalid")
	assert.Equal(t, "servers.instance_type: m5.lrage is not an EC2 instance type runwhere knows the shape of (vCPU, memory); did you mean m5.large, m5.xlarge or m5a.large?", got.Message)
	assert.Equal(t, red, got.Border)
	setField(t, ctx, "servers.instance_type", "m5.large")
	assert.Empty(t, marked(t, ctx, "servers.instance_type").Invalid, "a known type clears the mark")
	pe.check(t)
}
