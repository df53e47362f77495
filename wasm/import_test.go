package main

import (
	"encoding/json"
	"os"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The page's import reads what the command line's does: the HPA
// walkthrough and the SAM hello-world template dropped together are two
// services, each field with its origin for the form's hover.
func TestImport(t *testing.T) {
	b := bridge{newEngine()}
	var files []importFile
	for _, f := range []string{"../importer/testdata/kubernetes/hpa-walkthrough.yaml", "../importer/testdata/sam/hello-world.yaml"} {
		data, err := os.ReadFile(f)
		require.NoError(t, err)
		files = append(files, importFile{Name: f[strings.LastIndex(f, "/")+1:], Text: string(data)})
	}
	in, err := json.Marshal(files)
	require.NoError(t, err)
	var out importResult
	require.NoError(t, json.Unmarshal([]byte(b.Import(string(in))), &out))
	require.Len(t, out.Services, 2)
	sam, kube := out.Services[0], out.Services[1]
	assert.Equal(t, "HelloWorldFunction", sam.Name)
	assert.Equal(t, "php-apache", kube.Name)
	assert.Equal(t, "hpa-walkthrough.yaml:23 spec.template.spec.containers[0].resources.requests.cpu", kube.Origins["container.vcpu"])
	assert.Contains(t, kube.YAML, "vcpu: 0.2")
	assert.Equal(t, "workload.requests_per_second", kube.Missing[0].Field)
	assert.NotNil(t, sam.Notes, "an empty list, not null, for the page")
	require.Len(t, out.Skipped, 1)
	assert.Equal(t, "Service", out.Skipped[0].Kind)
}

func TestImportErrors(t *testing.T) {
	b := bridge{newEngine()}
	for _, tc := range []struct{ name, in, want string }{
		{"not JSON", "nope", "import: not a list of {name, text}"},
		{"no files", "[]", "import: no files"},
		{"a malformed file", `[{"name": "d.yaml", "text": "apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: a}\nspec: {template: {spec: {containers: [{resources: {requests: {cpu: lots}}}]}}}\n"}]`, `d.yaml:4 spec.template.spec.containers[0].resources.requests.cpu: "lots" is not a Kubernetes quantity`},
		{"too much", `[{"name": "a", "text": "` + strings.Repeat("#", maxImport+70*1024) + `"}]`, "more than 10485760 bytes together"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var out struct{ Error string }
			require.NoError(t, json.Unmarshal([]byte(b.Import(tc.in)), &out))
			assert.Contains(t, out.Error, tc.want)
		})
	}
}
