// Package family holds runwhere's built-in families, one package each
// under it, and [Builtin], the registry that names them: one line per
// family, as the engine's [engine.Registry] asks. Each family's package
// implements [engine.Family] and the hooks that apply to it
// ([engine.Surrounded], [engine.Discounted], [engine.Searcher],
// [engine.Fielded]), and owns its params and finding codes:
//
//   - [functions]: Lambda, per request;
//   - [tasks]: ECS and EKS on Fargate, one task per replica;
//   - [nodes]: replicas packed onto worker instances;
//   - [functioninstances]: Lambda Managed Instances.
package family

import (
	"github.com/runwhere/runwhere/internal/engine"
	"github.com/runwhere/runwhere/internal/family/functioninstances"
	"github.com/runwhere/runwhere/internal/family/functions"
	"github.com/runwhere/runwhere/internal/family/nodes"
	"github.com/runwhere/runwhere/internal/family/tasks"
	"github.com/runwhere/runwhere/platform"
)

// Builtin returns the families runwhere ships, a map of the caller's own
// (a test may add a family of its own to it).
func Builtin() engine.Registry {
	return engine.Registry{
		platform.Functions:       functions.Model{},
		platform.Tasks:           tasks.Model{},
		platform.Nodes:           nodes.Model{},
		functioninstances.Family: functioninstances.Model{},
	}
}
