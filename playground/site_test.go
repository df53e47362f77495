package main

import (
	"bytes"
	"compress/gzip"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func fakeSite(t *testing.T) *site {
	t.Helper()
	wasm := append([]byte("\x00asm\x01\x00\x00\x00"), bytes.Repeat([]byte("runwhere"), 1000)...)
	gz, err := gzipBytes(wasm)
	if err != nil {
		t.Fatal(err)
	}
	return &site{wasm: wasm, wasmGz: gz, wasmExec: []byte("// wasm_exec.js\n")}
}

func TestHandler(t *testing.T) {
	s := fakeSite(t)
	srv := httptest.NewServer(s.handler())
	defer srv.Close()
	for _, tc := range []struct {
		name, path, acceptEncoding, wantType, wantEncoding string
		wantBody                                           []byte
	}{
		{name: "page", path: "/", wantType: "text/html; charset=utf-8"},
		{name: "script", path: "/app.js", wantType: "text/javascript; charset=utf-8"},
		{name: "wasm gzipped", path: "/runwhere.wasm", acceptEncoding: "gzip, br", wantType: "application/wasm", wantEncoding: "gzip", wantBody: s.wasmGz},
		{name: "wasm plain", path: "/runwhere.wasm", acceptEncoding: "identity", wantType: "application/wasm", wantBody: s.wasm},
		{name: "wasm_exec.js", path: "/wasm_exec.js", wantType: "text/javascript; charset=utf-8", wantBody: s.wasmExec},
	} {
		t.Run(tc.name, func(t *testing.T) {
			req, _ := http.NewRequest("GET", srv.URL+tc.path, nil)
			req.Header.Set("Accept-Encoding", tc.acceptEncoding)
			tr := &http.Transport{DisableCompression: true} // see the bytes as sent
			res, err := tr.RoundTrip(req)
			if err != nil {
				t.Fatal(err)
			}
			defer res.Body.Close()
			body, _ := io.ReadAll(res.Body)
			if res.StatusCode != 200 {
				t.Fatalf("GET %s = %d", tc.path, res.StatusCode)
			}
			if got := res.Header.Get("Content-Type"); got != tc.wantType {
				t.Errorf("Content-Type = %q, want %q", got, tc.wantType)
			}
			if got := res.Header.Get("Content-Encoding"); got != tc.wantEncoding {
				t.Errorf("Content-Encoding = %q, want %q", got, tc.wantEncoding)
			}
			if csp := res.Header.Get("Content-Security-Policy"); !strings.Contains(csp, "script-src 'self' 'wasm-unsafe-eval';") {
				t.Errorf("Content-Security-Policy = %q", csp)
			}
			if tc.wantBody != nil && !bytes.Equal(body, tc.wantBody) {
				t.Errorf("body of %s differs (%d bytes, want %d)", tc.path, len(body), len(tc.wantBody))
			}
		})
	}
}

func TestExport(t *testing.T) {
	s := fakeSite(t)
	dir := filepath.Join(t.TempDir(), "dist")
	if err := s.export(dir); err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"index.html", "app.js", "chart.js", "report.js", "style.css", "favicon.svg", "wasm_exec.js", "runwhere.wasm", "runwhere.wasm.gz"} {
		if _, err := os.Stat(filepath.Join(dir, name)); err != nil {
			t.Errorf("export: %v", err)
		}
	}
	f, err := os.Open(filepath.Join(dir, "runwhere.wasm.gz"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	zr, err := gzip.NewReader(f)
	if err != nil {
		t.Fatal(err)
	}
	got, _ := io.ReadAll(zr)
	if !bytes.Equal(got, s.wasm) {
		t.Error("runwhere.wasm.gz does not decompress to runwhere.wasm")
	}
}

// The page's own policy (for static hosts) and the server's header agree,
// and no file of the site names another host or evaluates strings.
func TestStaticSiteIsSelfContained(t *testing.T) {
	html, err := static.ReadFile("static/index.html")
	if err != nil {
		t.Fatal(err)
	}
	meta := csp[:strings.Index(csp, "; frame-ancestors")] // frame-ancestors is ignored in a meta tag
	if !bytes.Contains(html, []byte(`content="`+meta+`"`)) {
		t.Errorf("index.html's Content-Security-Policy meta is not the server's policy %q", meta)
	}
	for _, name := range []string{"static/index.html", "static/app.js", "static/chart.js", "static/report.js", "static/style.css"} {
		b, err := static.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		for _, bad := range []string{"innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "eval(", "new Function", "//cdn", "@import"} {
			if bytes.Contains(b, []byte(bad)) {
				t.Errorf("%s contains %q", name, bad)
			}
		}
		for _, m := range bytes.Split(b, []byte("http"))[1:] {
			if bytes.HasPrefix(m, []byte("s://")) || bytes.HasPrefix(m, []byte("://")) {
				if !bytes.HasPrefix(m, []byte("://www.w3.org/2000/svg")) {
					t.Errorf("%s names another host: http%.40s", name, m)
				}
			}
		}
	}
}
