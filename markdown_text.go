package runwhere

import (
	"sync"

	"github.com/runwhere/runwhere/internal/markdown"
)

// linkableSources collects the catalogue source URLs a report cites: every
// platform.URL and every string field whose name ends in "Source" in the
// report (but not its Inputs, which hold what a stranger wrote) and in the
// platform catalogue it was evaluated on, whose limits the reasons cite.
// Only URLs that platform.URL accepts and that hold no character with a
// meaning in Markdown or that would end or extend an autolink are kept, so
// each can be written as it is.
func linkableSources(r Report) map[string]bool {
	r.Inputs = Scenario{}
	found := markdown.Sources(r)
	for u := range snapshotSources(r.Snapshot) {
		found[u] = true
	}
	return found
}

// snapshotSources is the linkable source URLs of an embedded platform
// catalogue, read once per snapshot (catalogues do not change while the
// program runs). The maps are never handed out, only copied from.
func snapshotSources(id string) map[string]bool {
	if v, ok := sourcesBySnapshot.Load(id); ok {
		return v.(map[string]bool)
	}
	found := map[string]bool{}
	if c, err := platformCatalogue(id); err == nil {
		found = markdown.Sources(c)
	}
	v, _ := sourcesBySnapshot.LoadOrStore(id, found)
	return v.(map[string]bool)
}

var sourcesBySnapshot sync.Map // snapshot id → map[string]bool
