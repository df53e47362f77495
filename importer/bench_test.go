package importer_test

import (
	"bytes"
	"fmt"
	"testing"

	"gopkg.in/yaml.v3"

	"github.com/runwhere/runwhere/importer"
)

// Importing 1,000 manifests, a Deployment and its HPA each: the issue's
// budget is a second for all of them.
func BenchmarkRead1000(b *testing.B) {
	files := manifests()
	b.ReportAllocs()
	for b.Loop() {
		var all importer.Result
		for i, f := range files {
			r, err := importer.Read(fmt.Sprintf("svc-%d.yaml", i), f)
			if err != nil {
				b.Fatal(err)
			}
			all.Add(r)
		}
		_ = all.YAML()
	}
}

// BenchmarkYAMLNodes1000 is the floor Read1000 is measured against: the
// same files parsed by yaml.v3 into nodes, and nothing else.
func BenchmarkYAMLNodes1000(b *testing.B) {
	files := manifests()
	b.ReportAllocs()
	for b.Loop() {
		for _, f := range files {
			dec := yaml.NewDecoder(bytes.NewReader(f))
			for {
				var n yaml.Node
				if dec.Decode(&n) != nil {
					break
				}
			}
		}
	}
}

func manifests() [][]byte {
	files := make([][]byte, 1000)
	for i := range files {
		files[i] = fmt.Appendf(nil, "apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: svc-%d}\nspec:\n  replicas: 3\n  template:\n    spec:\n      containers:\n      - name: app\n        resources: {requests: {cpu: %dm, memory: %dMi}}\n---\napiVersion: autoscaling/v2\nkind: HorizontalPodAutoscaler\nmetadata: {name: svc-%d}\nspec:\n  scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: svc-%d}\n  minReplicas: 2\n  maxReplicas: 20\n  metrics: [{type: Resource, resource: {name: cpu, target: {type: Utilization, averageUtilization: 60}}}]\n", i, 100+i, 128+i, i, i)
	}
	return files
}
