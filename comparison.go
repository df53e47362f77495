package runwhere

import (
	"fmt"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"sync"

	"github.com/runwhere/runwhere/platform"
)

// Comparison is the 2017 deck's two tables — "Cluster Capacity" and "How
// Deployments Work" — for a snapshot's platforms: when each platform became
// generally available, every published limit and deployment feature,
// platform by platform, each cell with its source and as-of date, and the
// deck's claim beside it where the deck made one.
type Comparison struct {
	Snapshot  string          `json:"snapshot"`
	Platforms []PlatformID    `json:"platforms"`
	Rows      []ComparisonRow `json:"rows"`
}

// ComparisonRow is one limit or feature across the platforms. A platform
// with no cell publishes no such limit (Docker publishes no swarm-mode
// node ceiling) or the row does not apply to it (Lambda has no nodes).
type ComparisonRow struct {
	// Key is the catalogue field: "arrived", "limits.nodes_per_cluster",
	// "features.secrets".
	Key   string `json:"key"`
	Label string `json:"label"`
	// Kind is "arrival" (the one row of the month each platform became
	// generally available), "limit" or "feature".
	Kind  string                        `json:"kind"`
	Cells map[PlatformID]ComparisonCell `json:"cells"`
}

// ComparisonCell is one cell: a platform's value of a row, where it was
// published, and the deck's claim about it, if any.
type ComparisonCell struct {
	// Value is the figure as the catalogue holds it ("5000", "true",
	// "docker-compose"); empty in a cell that only holds a claim about a
	// limit nobody publishes. Text says it in words ("5,000 nodes",
	// "yes", "docker compose").
	Value string `json:"value"`
	Text  string `json:"text"`
	Unit  string `json:"unit,omitempty"`
	// Enforcement is how a limit binds: hard, envelope (a tested scale,
	// not enforced) or quota (a default AWS raises on request).
	Enforcement string `json:"enforcement,omitempty"`
	Source      string `json:"source"`
	AsOf        string `json:"as_of"`
	Note        string `json:"note,omitempty"`
	// DeckClaim is what the 2017 deck said about it; ClaimHolds whether
	// the sources bear it out, and Verdict how.
	DeckClaim  string `json:"deck_claim,omitempty"`
	ClaimHolds *bool  `json:"claim_holds,omitempty"`
	Verdict    string `json:"verdict,omitempty"`
}

// Compare returns the comparison of platforms in snapshot ("" for the
// newest; no platforms for all of the snapshot's), rows in catalogue
// order: when each arrived, the limits, then the features. A platform the snapshot does not
// hold is a *FieldError naming it.
func Compare(snapshot string, platforms []PlatformID) (_ Comparison, err error) {
	defer prefixError(&err)
	if snapshot == "" {
		snapshot = platform.Newest
	}
	cat, err := platformCatalogue(snapshot)
	if err != nil {
		return Comparison{}, &FieldError{Field: "snapshot", Value: snapshot, Reason: fmt.Sprintf("is not an embedded snapshot (have %v)", platform.Snapshots())}
	}
	return compare(cat, platforms)
}

// comparisons caches each snapshot's comparison of all its platforms:
// every report carries a comparison, and building one (reflection over
// the catalogue's fields, formatting every figure) cost half as much again
// as the rest of an evaluation. A report's comparison is a copy of the
// snapshot's, cut to its platforms.
var comparisons sync.Map // snapshot → Comparison

// compare returns the comparison of platforms (all of cat's when none)
// in the platform catalogue cat.
func compare(cat platform.Catalogue, platforms []PlatformID) (Comparison, error) {
	for i, id := range platforms {
		if _, ok := cat.Platform(id); !ok {
			return Comparison{}, &FieldError{Field: fmt.Sprintf("platforms[%d]", i), Value: string(id), Reason: "is not in snapshot " + cat.Snapshot.String()}
		}
	}
	all, ok := comparisons.Load(cat.Snapshot)
	if !ok {
		all, _ = comparisons.LoadOrStore(cat.Snapshot, buildComparison(cat))
	}
	if len(platforms) == 0 {
		platforms = all.(Comparison).Platforms
	}
	return all.(Comparison).cut(platforms), nil
}

// cut returns a copy of c, its own rows, cells and claims' verdicts,
// with the columns of platforms only, in their order, and only the rows
// where one of them has a cell.
func (c Comparison) cut(platforms []PlatformID) Comparison {
	out := Comparison{Snapshot: c.Snapshot, Platforms: slices.Clone(platforms), Rows: make([]ComparisonRow, 0, len(c.Rows))}
	for _, r := range c.Rows {
		cells := make(map[PlatformID]ComparisonCell, len(platforms))
		for _, id := range platforms {
			cell, ok := r.Cells[id]
			if !ok {
				continue
			}
			if cell.ClaimHolds != nil {
				h := *cell.ClaimHolds
				cell.ClaimHolds = &h
			}
			cells[id] = cell
		}
		if len(cells) > 0 {
			r.Cells = cells
			out.Rows = append(out.Rows, r)
		}
	}
	return out
}

// buildComparison builds the comparison of every platform of cat.
func buildComparison(cat platform.Catalogue) Comparison {
	ps := cat.Platforms
	out := Comparison{Snapshot: cat.Snapshot.String()}
	for _, p := range ps {
		out.Platforms = append(out.Platforms, p.ID)
	}
	claims := map[string]platform.Claim{} // platform id + "/" + about
	for _, c := range cat.Claims {
		claims[string(c.Platform)+"/"+c.About] = c.Claim
	}
	if row := arrivalRow(ps); len(row.Cells) > 0 {
		out.Rows = append(out.Rows, row)
	}
	// The rows are the fields of platform.Limits and platform.Features, in
	// their order: a limit or feature added there is compared here.
	limits := reflect.TypeFor[platform.Limits]()
	for i := range limits.NumField() {
		f := limits.Field(i)
		row := ComparisonRow{Key: "limits." + yamlName(f), Kind: "limit", Cells: map[PlatformID]ComparisonCell{}}
		row.Label = rowLabels[row.Key]
		for _, p := range ps {
			l := reflect.ValueOf(p.Limits).Field(i).Interface().(*platform.Limit)
			cell, ok := limitCell(l)
			ok = withClaim(&cell, claims, p.ID, row.Key) || ok
			if ok {
				row.Cells[p.ID] = cell
			}
		}
		if len(row.Cells) > 0 {
			out.Rows = append(out.Rows, row)
		}
	}
	features := reflect.TypeFor[platform.Features]()
	for i := range features.NumField() {
		f := features.Field(i)
		row := ComparisonRow{Key: "features." + yamlName(f), Kind: "feature", Cells: map[PlatformID]ComparisonCell{}}
		row.Label = rowLabels[row.Key]
		for _, p := range ps {
			v := reflect.ValueOf(p.Features).Field(i)
			src := v.FieldByName("Source").Interface().(platform.Source)
			value := fmt.Sprint(v.FieldByName("Value").Interface())
			cell := ComparisonCell{Value: value, Text: featureText(value), Source: string(src.URL), AsOf: src.AsOf.String(), Note: src.Note}
			withClaim(&cell, claims, p.ID, row.Key)
			row.Cells[p.ID] = cell
		}
		out.Rows = append(out.Rows, row)
	}
	return out
}

// arrivalRow is the row of the month each platform became generally
// available, for those whose entry says; a platform that arrived after the
// 2017-12 snapshot's month says it is newer than the deck, so that a reader
// of today's table sees which choices the deck could not weigh.
func arrivalRow(ps []platform.Platform) ComparisonRow {
	row := ComparisonRow{Key: "arrived", Label: rowLabels["arrived"], Kind: "arrival", Cells: map[PlatformID]ComparisonCell{}}
	for _, p := range ps {
		a := p.Arrived
		if a == nil {
			continue
		}
		text := a.Month
		if platform.SnapshotID(a.Month).After(platform.Snapshot2017) {
			text += ", newer than the 2017 deck"
		}
		row.Cells[p.ID] = ComparisonCell{Value: a.Month, Text: text, Source: string(a.URL), AsOf: a.AsOf.String(), Note: a.Note}
	}
	return row
}

// limitCell is the cell of a published limit; ok is false for none.
func limitCell(l *platform.Limit) (ComparisonCell, bool) {
	if l == nil {
		return ComparisonCell{}, false
	}
	return ComparisonCell{
		Value:       strconv.FormatInt(l.Value, 10),
		Text:        count(int(l.Value)) + " " + l.Unit,
		Unit:        l.Unit,
		Enforcement: string(l.Enforcement),
		Source:      string(l.URL),
		AsOf:        l.AsOf.String(),
		Note:        l.Note,
	}, true
}

// withClaim puts the deck's claim about key of platform id, if any, in the
// cell; a cell with no figure of its own (a limit nobody publishes) takes
// the claim's source. It reports whether there was a claim.
func withClaim(cell *ComparisonCell, claims map[string]platform.Claim, id platform.ID, key string) bool {
	c, ok := claims[string(id)+"/"+key]
	if !ok {
		return false
	}
	cell.DeckClaim, cell.Verdict = c.Claim, c.Verdict
	if c.Holds != nil {
		h := *c.Holds
		cell.ClaimHolds = &h
	}
	if cell.Source == "" {
		cell.Text = "none published"
		cell.Source, cell.AsOf = string(c.URL), c.AsOf.String()
	}
	return true
}

// yamlName is a struct field's YAML key.
func yamlName(f reflect.StructField) string {
	name, _, _ := strings.Cut(f.Tag.Get("yaml"), ",")
	return name
}

// featureText says a feature's value in words: "yes" for true,
// "docker compose" for docker-compose.
func featureText(v string) string {
	if w, ok := featureWords[v]; ok {
		return w
	}
	return strings.ReplaceAll(v, "-", " ")
}

// featureWords are the feature values whose words are not the value with
// spaces for hyphens (names and acronyms).
var featureWords = map[string]string{
	"true":                "yes",
	"false":               "no",
	"api-gateway":         "API Gateway",
	"aws-api":             "the AWS API",
	"aws-only":            "AWS only",
	"cloud-map":           "Cloud Map",
	"consul":              "Consul",
	"dns":                 "DNS",
	"dns-and-vip":         "DNS and virtual IPs",
	"docker-compose":      "Docker Compose",
	"ecs-task-definition": "ECS task definition",
	"kubernetes-manifest": "Kubernetes manifests",
	"native-alb":          "native ALB target groups",
	"nomad-hcl":           "Nomad HCL job files",
	"one-per-cluster":     "one load balancer per cluster",
	"per-service":         "a load balancer per service",
	"third-party":         "a third-party tool",
	"url":                 "function URL or ARN",
	"external":            "bring your own",
}

// rowLabels are the rows' names as a person reads them; a test holds them
// to the fields of platform.Limits and platform.Features.
var rowLabels = map[string]string{
	"arrived":                        "Generally available",
	"limits.nodes_per_cluster":       "Nodes per cluster",
	"limits.pods_per_node":           "Pods per node",
	"limits.pods_per_cluster":        "Pods per cluster",
	"limits.containers_per_cluster":  "Containers per cluster",
	"limits.services_per_cluster":    "Services per cluster",
	"limits.tasks_per_service":       "Tasks per service",
	"limits.containers_per_task":     "Containers per task",
	"limits.clusters_per_region":     "Clusters per region",
	"limits.tasks_per_region":        "Fargate tasks per region",
	"limits.vcpu_per_region":         "Fargate vCPUs per region",
	"limits.timeout":                 "Function timeout",
	"limits.memory_min":              "Function memory, least",
	"limits.memory_max":              "Function memory, most",
	"limits.memory_step":             "Function memory step",
	"limits.sync_payload":            "Request payload (synchronous)",
	"limits.async_payload":           "Event payload (asynchronous)",
	"limits.tmp_min":                 "/tmp included",
	"limits.tmp_max":                 "/tmp, most",
	"limits.package_zipped":          "Deployment package, zipped",
	"limits.package_unzipped":        "Deployment package, unzipped",
	"limits.image_size":              "Container image",
	"limits.concurrency":             "Concurrent executions",
	"limits.scaling_burst":           "Scaling: first burst",
	"limits.scaling_step":            "Scaling: added each period",
	"limits.scaling_period_seconds":  "Scaling period",
	"features.rolling_updates":       "Rolling updates",
	"features.secrets":               "Secrets",
	"features.service_discovery":     "Service discovery",
	"features.load_balancing":        "Load-balancer integration",
	"features.autoscaling":           "Autoscaling",
	"features.config_format":         "Configuration format",
	"features.cli":                   "Where the CLI runs",
	"features.creates_aws_resources": "Creates the AWS resources it needs",
	"features.native_libraries":      "Native libraries",
	"features.portability":           "Runs off AWS",
}
