//go:build !js

package main

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// Issue 26, item 4: files chosen (or dropped) on the page are read in the
// browser; several services give a menu; the form fills, every imported
// field marked with its origin on hover; a preset takes the marks off.
func TestImportFiles(t *testing.T) {
	ctx := newBrowser(t)
	pe := watchErrors(ctx)
	open(t, ctx, servedSite(t))
	var files []string
	for _, f := range []string{"kubernetes/hpa-walkthrough.yaml", "sam/hello-world.yaml"} {
		p, err := filepath.Abs(filepath.Join("..", "importer", "testdata", f))
		require.NoError(t, err)
		files = append(files, p)
	}
	_, err := chromedp.Run(ctx, chromedp.SetUploadFiles(`#import-files`, files))
	require.NoError(t, err)
	waitText(t, ctx, `document.getElementById('scenario-name').textContent`, "HelloWorldFunction")
	assert.Equal(t, []string{"HelloWorldFunction (AWS::Serverless::Function, hello-world.yaml)", "php-apache (Deployment, hpa-walkthrough.yaml)"},
		eval[[]string](t, ctx, `[...document.querySelectorAll('#import-pick option')].map(o => o.textContent)`))
	assert.Contains(t, eval[string](t, ctx, `document.getElementById('import-status').textContent`), "Skipped: hpa-walkthrough.yaml:25 Service")

	eval[chromedp.Void](t, ctx, `(() => {
		const s = document.getElementById('import-pick');
		s.value = '1';
		s.dispatchEvent(new Event('change', {bubbles: true}));
	})()`)
	waitText(t, ctx, `document.getElementById('scenario-name').textContent`, "php-apache")
	vcpu := `document.getElementById('f-container-vcpu')`
	assert.Equal(t, "0.2", eval[string](t, ctx, vcpu+`.value`))
	assert.Equal(t, "Imported from hpa-walkthrough.yaml:23 spec.template.spec.containers[0].resources.requests.cpu", eval[string](t, ctx, vcpu+`.title`))
	assert.True(t, eval[bool](t, ctx, vcpu+`.closest('.field').classList.contains('imported')`))
	assert.Contains(t, eval[string](t, ctx, `document.getElementById('import-missing').textContent`), "workload.requests_per_second: 1")
	// Only what the files said is marked as imported; a placeholder is
	// marked as one.
	rate := `document.getElementById('f-workload-requests_per_second')`
	assert.False(t, eval[bool](t, ctx, rate+`.closest('.field').classList.contains('imported')`))
	assert.True(t, eval[bool](t, ctx, rate+`.closest('.field').classList.contains('import-placeholder')`))
	assert.Contains(t, eval[string](t, ctx, rate+`.title`), "Not in the files, a placeholder: a file does not say the load")
	assert.Equal(t, "", eval[string](t, ctx, `document.getElementById('preset').value`), "the form no longer holds a preset")

	if dir := os.Getenv("RUNWHERE_SCREENSHOTS"); dir != "" {
		for _, w := range []int64{1280, 375} {
			opts := []chromedp.EmulateViewportOption{}
			if w < 600 {
				opts = append(opts, chromedp.EmulateMobile)
			}
			require.NoError(t, chromedp.Do(ctx, chromedp.EmulateViewport(w, 900, opts...)))
			buf, err := chromedp.Run(ctx, chromedp.FullScreenshot(100))
			require.NoError(t, err)
			require.NoError(t, writeParts(filepath.Join(dir, fmt.Sprintf("import-%d", w)), buf, 1200))
		}
	}

	choosePreset(t, ctx, "bursty-api")
	assert.Equal(t, 0, eval[int](t, ctx, `document.querySelectorAll('.field.imported, .field.import-placeholder').length`))
	assert.NotContains(t, eval[string](t, ctx, vcpu+`.title`), "Imported")
	pe.check(t)
}

// A malformed file says which file, line and path; nothing is loaded.
func TestImportMalformed(t *testing.T) {
	ctx := newBrowser(t)
	pe := watchErrors(ctx)
	open(t, ctx, servedSite(t))
	dir := t.TempDir()
	bad := filepath.Join(dir, "bad.yaml")
	require.NoError(t, writeFile(bad, "apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: a}\nspec: {template: {spec: {containers: [{resources: {requests: {cpu: lots}}}]}}}\n"))
	before := eval[string](t, ctx, `document.getElementById('scenario-name').textContent`)
	_, err := chromedp.Run(ctx, chromedp.SetUploadFiles(`#import-files`, []string{bad}))
	require.NoError(t, err)
	waitText(t, ctx, `document.querySelector('#import-status .error')?.textContent ?? ''`, `bad.yaml:4 spec.template.spec.containers[0].resources.requests.cpu: "lots" is not a Kubernetes quantity`)
	assert.Equal(t, before, eval[string](t, ctx, `document.getElementById('scenario-name').textContent`))
	pe.check(t)
}

// waitText waits until expr gives want, without a time limit of its own
// beyond the page's: a busy machine only makes it slower.
func waitText(t *testing.T, ctx context.Context, expr, want string) {
	t.Helper()
	deadline := time.Now().Add(pageWait)
	wait := firstPoll
	got := ""
	for time.Now().Before(deadline) {
		v, err := chromedp.Run(ctx, chromedp.Evaluate[string](expr))
		if err == nil && v == want {
			return
		}
		got = v
		pause(&wait)
	}
	t.Fatalf("%s is %q, not %q, after %v", expr, got, want, pageWait)
}

func writeFile(path, text string) error {
	return os.WriteFile(path, []byte(text), 0o644)
}
