package cost

import (
	"fmt"

	"github.com/shopspring/decimal"
	"gopkg.in/yaml.v3"

	"github.com/runwhere/runwhere/platform"
)

// joinPlatform fills in the figures of c that are not prices but facts
// about Lambda and Fargate, from package platform, their one home: the
// Lambda memory and /tmp ranges of the snapshot in force in c's month, and
// Fargate's task sizes offered then. A catalogue without a snapshot is left
// to Validate to refuse.
func (c *Catalogue) joinPlatform() error {
	if c.Snapshot == "" {
		return nil
	}
	if l := c.Lambda; l != nil {
		p, err := platform.EmbeddedCatalogueAt(c.Snapshot)
		if err != nil {
			return fieldErr("snapshot", c.Snapshot.String(), "has no Lambda limits in package platform: "+err.Error())
		}
		fn, _ := p.Platform(platform.Lambda)
		lim := fn.Limits
		for _, f := range []struct {
			name string
			from *platform.Limit
			to   *Figure
		}{
			{"memory_min", lim.MemoryMin, &l.MemoryMinMB}, {"memory_max", lim.MemoryMax, &l.MemoryMaxMB}, {"memory_step", lim.MemoryStep, &l.MemoryStepMB},
		} {
			if f.from == nil {
				return fieldErr("snapshot", c.Snapshot.String(), "has no Lambda "+f.name+" limit in platform snapshot "+p.Snapshot.String())
			}
			*f.to = figureOf(f.from)
		}
		if l.EphemeralStorage != nil {
			if lim.TmpMin == nil || lim.TmpMax == nil {
				return fieldErr("lambda.ephemeral_storage", "", "is priced, but platform snapshot "+p.Snapshot.String()+" has no /tmp range (tmp_min, tmp_max)")
			}
			free, most := figureOf(lim.TmpMin), figureOf(lim.TmpMax)
			l.EphemeralFreeMB, l.EphemeralMaxMB = &free, &most
		}
	}
	if c.Fargate != nil {
		t, err := platform.EmbeddedTaskSizes(c.Snapshot)
		if err != nil {
			return fieldErr("snapshot", c.Snapshot.String(), "has no Fargate task sizes in package platform: "+err.Error())
		}
		c.Fargate.TaskSizes = taskSizesOf(t)
	}
	return nil
}

// figureOf is a platform limit as a cost figure.
func figureOf(l *platform.Limit) Figure {
	return Figure{Value: decimal.NewFromInt(l.Value), Source: l.Source}
}

// taskSizesOf is platform's table as cost reads it.
func taskSizesOf(t platform.TaskSizes) TaskSizes {
	out := TaskSizes{Source: t.Source, Sizes: make([]TaskSizeRow, len(t.Sizes))}
	for i, r := range t.Sizes {
		out.Sizes[i] = TaskSizeRow(r)
	}
	return out
}

// pathAt returns the dotted path (as lineOf reads it) of the value at
// line:col in the YAML tree n, or "".
func pathAt(n *yaml.Node, line, col int, path string) string {
	switch n.Kind {
	case yaml.DocumentNode:
		if len(n.Content) > 0 {
			return pathAt(n.Content[0], line, col, path)
		}
	case yaml.MappingNode:
		for i := 0; i+1 < len(n.Content); i += 2 {
			at := n.Content[i].Value
			if path != "" {
				at = path + "." + at
			}
			if v := n.Content[i+1]; v.Line == line && v.Column == col {
				return at
			} else if p := pathAt(v, line, col, at); p != "" {
				return p
			}
		}
	case yaml.SequenceNode:
		for i, v := range n.Content {
			at := fmt.Sprintf("%s[%d]", path, i)
			if v.Line == line && v.Column == col {
				return at
			} else if p := pathAt(v, line, col, at); p != "" {
				return p
			}
		}
	}
	return ""
}
