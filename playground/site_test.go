package main

import (
	"bytes"
	"compress/gzip"
	"context"
	"io"
	"io/fs"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
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

// The playground serves files and nothing else: a method that could mean
// "change something" must not look as if it worked.
func TestHandlerMethods(t *testing.T) {
	srv := httptest.NewServer(fakeSite(t).handler())
	defer srv.Close()
	for _, tc := range []struct {
		method, path string
		wantStatus   int
	}{
		{"GET", "/", http.StatusOK},
		{"HEAD", "/", http.StatusOK},
		{"HEAD", "/runwhere.wasm", http.StatusOK},
		{"POST", "/", http.StatusMethodNotAllowed},
		{"PUT", "/runwhere.wasm", http.StatusMethodNotAllowed},
		{"DELETE", "/app.js", http.StatusMethodNotAllowed},
		{"PATCH", "/wasm_exec.js", http.StatusMethodNotAllowed},
		{"OPTIONS", "/", http.StatusMethodNotAllowed},
		{"TRACE", "/", http.StatusMethodNotAllowed},
		{"BREW", "/", http.StatusMethodNotAllowed},
	} {
		t.Run(tc.method+" "+tc.path, func(t *testing.T) {
			req, err := http.NewRequest(tc.method, srv.URL+tc.path, strings.NewReader(""))
			require.NoError(t, err)
			res, err := http.DefaultClient.Do(req)
			require.NoError(t, err)
			defer res.Body.Close()
			assert.Equal(t, tc.wantStatus, res.StatusCode)
			if tc.wantStatus == http.StatusMethodNotAllowed {
				assert.Equal(t, "GET, HEAD", res.Header.Get("Allow"))
				assert.Empty(t, res.Header.Get("Content-Encoding"))
			}
		})
	}
}

// runwhere.wasm goes out gzipped only to a client that accepts gzip with a
// weight above zero (RFC 9110, section 12.5.3), named or through "*".
func TestAcceptEncoding(t *testing.T) {
	s := fakeSite(t)
	srv := httptest.NewServer(s.handler())
	defer srv.Close()
	for _, tc := range []struct {
		name     string
		header   []string // one Accept-Encoding line each; none when empty
		wantGzip bool
	}{
		{"none", nil, false},
		{"gzip", []string{"gzip"}, true},
		{"gzip among others", []string{"br, gzip, deflate"}, true},
		{"upper case", []string{"GZIP"}, true},
		{"x-gzip", []string{"x-gzip"}, true},
		{"q 1", []string{"gzip;q=1"}, true},
		{"q 1.000", []string{"gzip;q=1.000"}, true},
		{"small q", []string{"gzip;q=0.001"}, true},
		{"q 0", []string{"gzip;q=0"}, false},
		{"q 0 spaced", []string{"gzip ; Q=0"}, false},
		{"q 0.000", []string{"gzip;q=0.000"}, false},
		{"q 0 after others", []string{"br, gzip;q=0"}, false},
		{"malformed q", []string{"gzip;q=abc"}, false},
		{"q above 1", []string{"gzip;q=2"}, false},
		{"identity only", []string{"identity"}, false},
		{"not a token gzip", []string{"notgzip, gzipped"}, false},
		{"star", []string{"*"}, true},
		{"star q 0", []string{"*;q=0"}, false},
		{"star with weight", []string{"br;q=1, *;q=0.5"}, true},
		{"gzip refused, star allowed", []string{"gzip;q=0, *"}, false},
		{"gzip allowed, star refused", []string{"*;q=0, gzip;q=0.2"}, true},
		{"two header lines", []string{"br", "gzip"}, true},
		{"two header lines, refused", []string{"*", "gzip;q=0"}, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			req, err := http.NewRequest("GET", srv.URL+"/runwhere.wasm", nil)
			require.NoError(t, err)
			for _, v := range tc.header {
				req.Header.Add("Accept-Encoding", v)
			}
			tr := &http.Transport{DisableCompression: true} // see the bytes as sent
			res, err := tr.RoundTrip(req)
			require.NoError(t, err)
			defer res.Body.Close()
			body, err := io.ReadAll(res.Body)
			require.NoError(t, err)
			require.Equal(t, http.StatusOK, res.StatusCode)
			assert.Equal(t, "Accept-Encoding", res.Header.Get("Vary"))
			if tc.wantGzip {
				assert.Equal(t, "gzip", res.Header.Get("Content-Encoding"))
				assert.True(t, bytes.Equal(body, s.wasmGz), "body is not the gzipped wasm")
			} else {
				assert.Empty(t, res.Header.Get("Content-Encoding"))
				assert.True(t, bytes.Equal(body, s.wasm), "body is not the plain wasm")
			}
		})
	}
}

// A client that opens a connection and says nothing, or keeps it open
// idle, or reads the answer one byte a minute, must not hold it for ever.
func TestServerTimeouts(t *testing.T) {
	srv := newServer(http.NotFoundHandler())
	for _, tc := range []struct {
		name string
		got  time.Duration
	}{
		{"ReadHeaderTimeout", srv.ReadHeaderTimeout},
		{"ReadTimeout", srv.ReadTimeout},
		{"WriteTimeout", srv.WriteTimeout},
		{"IdleTimeout", srv.IdleTimeout},
	} {
		t.Run(tc.name, func(t *testing.T) {
			assert.Positive(t, tc.got)
			assert.LessOrEqual(t, tc.got, 5*time.Minute)
		})
	}
	assert.Positive(t, srv.MaxHeaderBytes)
	assert.Less(t, srv.MaxHeaderBytes, http.DefaultMaxHeaderBytes)
}

func TestExport(t *testing.T) {
	s := fakeSite(t)
	dir := filepath.Join(t.TempDir(), "dist")
	if err := s.export(dir); err != nil {
		t.Fatal(err)
	}
	names := []string{"wasm_exec.js", "runwhere.wasm", "runwhere.wasm.gz"}
	names = append(names, staticFiles(t)...)
	for _, name := range names {
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
	for _, name := range staticFiles(t) {
		if strings.HasSuffix(name, ".svg") {
			continue // the favicon names the SVG namespace and nothing else
		}
		b, err := fs.ReadFile(staticFS(), name)
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

// The built program runs from any directory: it builds the bridge from the
// checkout it was compiled in, or from -src, and otherwise says what it
// needs instead of passing on go build's complaint about go.mod.
func TestBinaryOutsideModule(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the program and the WebAssembly; skipped in -short mode")
	}
	ctx := context.Background()
	goBin, _, err := goTool(ctx)
	require.NoError(t, err)
	bin := filepath.Join(t.TempDir(), "playground")
	out, err := exec.CommandContext(ctx, goBin, "build", "-o", bin, ".").CombinedOutput()
	require.NoError(t, err, "%s", out)
	root, err := filepath.Abs("..")
	require.NoError(t, err)
	elsewhere := t.TempDir()
	for _, tc := range []struct {
		name    string
		args    []string
		wantErr []string // parts of the message on stderr; none means success
	}{
		{name: "from another directory"},
		{name: "with -src", args: []string{"-src", root}},
		{name: "with a -src that is no checkout", args: []string{"-src", elsewhere},
			wantErr: []string{elsewhere, "github.com/runwhere/runwhere", "-src"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dist := filepath.Join(t.TempDir(), "dist")
			cmd := exec.CommandContext(ctx, bin, append(tc.args, "-export", dist)...)
			cmd.Dir = elsewhere
			var stderr bytes.Buffer
			cmd.Stderr = &stderr
			err := cmd.Run()
			if len(tc.wantErr) == 0 {
				require.NoError(t, err, "stderr: %s", stderr.String())
				assert.FileExists(t, filepath.Join(dist, "runwhere.wasm"))
				return
			}
			require.Error(t, err)
			for _, w := range tc.wantErr {
				assert.Contains(t, stderr.String(), w)
			}
			assert.NoDirExists(t, dist)
		})
	}
}

// staticFiles lists the files of the site's static directory.
func staticFiles(t *testing.T) []string {
	t.Helper()
	var names []string
	err := fs.WalkDir(staticFS(), ".", func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			names = append(names, p)
		}
		return err
	})
	require.NoError(t, err)
	require.Contains(t, names, "index.html")
	return names
}

// The page is ES modules: index.html loads app.js as one, and every
// import of every module names a file of the site by a relative path (a
// bare name would need an import map or a bundler; another host is
// forbidden). Every module is reachable from app.js, so none is shipped
// unused.
func TestModulesResolve(t *testing.T) {
	html, err := fs.ReadFile(staticFS(), "index.html")
	require.NoError(t, err)
	assert.Contains(t, string(html), `<script type="module" src="app.js"></script>`)
	importRE := regexp.MustCompile(`(?m)^\s*(?:import|export)\s[^;'"]*?from\s+'([^']+)'|^\s*import\s+'([^']+)'`)
	reached := map[string]bool{}
	var visit func(name string)
	visit = func(name string) {
		if reached[name] {
			return
		}
		reached[name] = true
		b, err := fs.ReadFile(staticFS(), name)
		if !assert.NoError(t, err, "a module imports %s", name) {
			return
		}
		for _, m := range importRE.FindAllStringSubmatch(string(b), -1) {
			spec := m[1] + m[2]
			if !assert.True(t, strings.HasPrefix(spec, "./"), "%s imports %q: want a relative path", name, spec) {
				continue
			}
			visit(path.Join(path.Dir(name), spec))
		}
	}
	visit("app.js")
	for _, name := range staticFiles(t) {
		if strings.HasSuffix(name, ".js") {
			assert.True(t, reached[name], "%s is imported by no module of the page", name)
		}
	}
	assert.GreaterOrEqual(t, len(reached), 8)
}

// A busy port is reported at once, with the flag that picks another,
// before the WebAssembly is built (that takes seconds even from cache).
// The order is seen, not timed (issue 27): with its context already
// cancelled, a build fails at once with the context's error, so an error
// that names -addr came before any build.
func TestBusyPortBeforeBuild(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	require.NoError(t, err)
	defer ln.Close()
	cancelled, cancel := context.WithCancel(context.Background())
	cancel()
	err = run(cancelled, ln.Addr().String(), "", "")
	require.Error(t, err)
	assert.Contains(t, err.Error(), "-addr", "the port was checked after the build")
	assert.NotErrorIs(t, err, context.Canceled, "the build ran before the port was checked")

	// The same run on a free port reaches the build, which fails on the
	// cancelled context: the check above can see a build that comes first.
	err = run(cancelled, "127.0.0.1:0", "", "")
	require.Error(t, err)
	assert.NotContains(t, err.Error(), "-addr")
	assert.ErrorIs(t, err, context.Canceled)
}

func TestPageURL(t *testing.T) {
	for _, tc := range []struct {
		addr net.Addr
		want string
	}{
		{&net.TCPAddr{IP: net.IPv4(127, 0, 0, 1), Port: 8080}, "http://127.0.0.1:8080/"},
		{&net.TCPAddr{IP: net.IPv6unspecified, Port: 9000}, "http://localhost:9000/ (listening on every interface)"},
		{&net.TCPAddr{IP: net.IPv4zero, Port: 9000}, "http://localhost:9000/ (listening on every interface)"},
	} {
		assert.Equal(t, tc.want, pageURL(tc.addr), "pageURL(%v)", tc.addr)
	}
}
