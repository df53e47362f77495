package main

import (
	"bytes"
	"compress/gzip"
	"context"
	"embed"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"net/http"
	"os"
	"os/exec"
	"path"
	"path/filepath"
	"runtime"
	"strings"
	"time"
)

// static is the site: HTML, CSS and plain JavaScript. The built
// runwhere.wasm and the toolchain's wasm_exec.js are added at run time.
//
//go:embed static
var static embed.FS

// wasmPackage is the bridge that the page loads.
const wasmPackage = "github.com/runwhere/runwhere/wasm"

// csp forbids every script but the site's own files, eval and any other
// host. 'wasm-unsafe-eval' lets the page compile WebAssembly and nothing
// more. The same policy is in index.html for static hosts without headers.
const csp = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; " +
	"img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; " +
	"form-action 'none'; frame-ancestors 'none'"

// site is the static site plus the built WebAssembly.
type site struct {
	wasm     []byte // runwhere.wasm
	wasmGz   []byte // runwhere.wasm gzipped at the best compression
	wasmExec []byte // wasm_exec.js of the toolchain that built wasm
	goVer    string
}

// goTool finds the go command of the running toolchain: $GOROOT/bin/go when
// the environment names it (go run and go test set GOROOT for the child),
// else whatever "go env GOROOT" on PATH reports.
func goTool(ctx context.Context) (goBin, goroot string, err error) {
	if r := os.Getenv("GOROOT"); r != "" {
		if bin := filepath.Join(r, "bin", "go"); isFile(bin) {
			return bin, r, nil
		}
	}
	out, err := exec.CommandContext(ctx, "go", "env", "GOROOT").Output()
	if err != nil {
		return "", "", fmt.Errorf("playground: cannot find the Go toolchain (go env GOROOT): %w", err)
	}
	r := strings.TrimSpace(string(out))
	return filepath.Join(r, "bin", "go"), r, nil
}

func isFile(p string) bool {
	fi, err := os.Stat(p)
	return err == nil && fi.Mode().IsRegular()
}

// buildOptions controls buildWasm.
type buildOptions struct {
	pkg string    // package to build; wasmPackage when empty
	dir string    // directory to run go in (inside the module); current when empty
	log io.Writer // progress messages; none when nil
}

// buildWasm compiles a package for GOOS=js GOARCH=wasm the way the site
// ships it (-trimpath, -ldflags='-s -w') and returns the bytes and the
// toolchain's wasm_exec.js.
func buildWasm(ctx context.Context, o buildOptions) (wasm, wasmExec []byte, goVer string, err error) {
	logw := o.log
	if logw == nil {
		logw = io.Discard
	}
	pkg := o.pkg
	if pkg == "" {
		pkg = wasmPackage
	}
	goBin, goroot, err := goTool(ctx)
	if err != nil {
		return nil, nil, "", err
	}
	if v, err := exec.CommandContext(ctx, goBin, "env", "GOVERSION").Output(); err == nil {
		goVer = strings.TrimSpace(string(v))
	}
	tmp, err := os.MkdirTemp("", "runwhere-playground-")
	if err != nil {
		return nil, nil, "", err
	}
	defer os.RemoveAll(tmp)
	out := filepath.Join(tmp, "out.wasm")

	cmd := exec.CommandContext(ctx, goBin, "build", "-trimpath", "-ldflags=-s -w", "-o", out, pkg)
	cmd.Dir = o.dir
	cmd.Env = append(os.Environ(), "GOOS=js", "GOARCH=wasm")
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	fmt.Fprintf(logw, "building %s with %s for GOOS=js GOARCH=wasm (the first build compiles the standard library for WebAssembly, about 10 to 60 s; later builds are cached)\n", pkg, goVer)
	start := time.Now()
	done := make(chan struct{})
	go func() { // say it is still alive while a cold build runs
		t := time.NewTicker(10 * time.Second)
		defer t.Stop()
		for {
			select {
			case <-done:
				return
			case <-t.C:
				fmt.Fprintf(logw, "  still building… %s\n", time.Since(start).Round(time.Second))
			}
		}
	}()
	err = cmd.Run()
	close(done)
	if err != nil {
		return nil, nil, "", fmt.Errorf("playground: go build %s: %w\n%s", pkg, err, stderr.Bytes())
	}
	wasm, err = os.ReadFile(out)
	if err != nil {
		return nil, nil, "", err
	}
	wasmExec, err = os.ReadFile(filepath.Join(goroot, "lib", "wasm", "wasm_exec.js"))
	if err != nil {
		return nil, nil, "", fmt.Errorf("playground: wasm_exec.js of the toolchain: %w", err)
	}
	fmt.Fprintf(logw, "built in %s: %s\n", time.Since(start).Round(100*time.Millisecond), mib(len(wasm)))
	return wasm, wasmExec, goVer, nil
}

// moduleDir returns a directory in which "go build" finds the bridge's
// source: src when given, else the current directory, else the checkout
// this program was compiled from. Without it a built binary started
// elsewhere failed with go build's "go.mod file not found", which says
// nothing about what the playground needs.
func moduleDir(ctx context.Context, src string) (string, error) {
	goBin, _, err := goTool(ctx)
	if err != nil {
		return "", err
	}
	candidates := []string{src}
	if src == "" {
		candidates = []string{"."}
		if d := compiledModuleDir(); d != "" {
			candidates = append(candidates, d)
		}
	}
	var tried []string
	for _, dir := range candidates {
		cmd := exec.CommandContext(ctx, goBin, "list", "-f", "{{.Dir}}", wasmPackage)
		cmd.Dir = dir
		var stderr bytes.Buffer
		cmd.Stderr = &stderr
		err := cmd.Run()
		if err == nil {
			return dir, nil
		}
		if abs, err := filepath.Abs(dir); err == nil {
			dir = abs
		}
		why, _, _ := strings.Cut(strings.TrimSpace(stderr.String()), "\n")
		if why == "" { // go did not start, e.g. no such directory
			why = err.Error()
		}
		tried = append(tried, fmt.Sprintf("  %s: %s", dir, why))
	}
	return "", fmt.Errorf("playground: cannot find the source of %s, which it compiles to WebAssembly when it starts.\n"+
		"Run it from inside a checkout of the module github.com/runwhere/runwhere (go run ./playground),\n"+
		"or name the checkout: -src /path/to/runwhere. Tried:\n%s", wasmPackage, strings.Join(tried, "\n"))
}

// compiledModuleDir is the module root this file was compiled in, or ""
// when the build hid it (-trimpath).
func compiledModuleDir() string {
	_, file, _, ok := runtime.Caller(0)
	if !ok || !filepath.IsAbs(file) {
		return ""
	}
	return filepath.Dir(filepath.Dir(file))
}

// buildSite builds the bridge from the module checkout src (see moduleDir)
// and returns the complete site.
func buildSite(ctx context.Context, src string, log io.Writer) (*site, error) {
	dir, err := moduleDir(ctx, src)
	if err != nil {
		return nil, err
	}
	wasm, wasmExec, goVer, err := buildWasm(ctx, buildOptions{dir: dir, log: log})
	if err != nil {
		return nil, err
	}
	gz, err := gzipBytes(wasm)
	if err != nil {
		return nil, err
	}
	if log != nil {
		fmt.Fprintf(log, "runwhere.wasm: %s, %s gzipped\n", mib(len(wasm)), mib(len(gz)))
	}
	return &site{wasm: wasm, wasmGz: gz, wasmExec: wasmExec, goVer: goVer}, nil
}

func gzipBytes(b []byte) ([]byte, error) {
	var buf bytes.Buffer
	zw, err := gzip.NewWriterLevel(&buf, gzip.BestCompression)
	if err != nil {
		return nil, err
	}
	if _, err := zw.Write(b); err != nil {
		return nil, err
	}
	if err := zw.Close(); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

func mib(n int) string {
	if n < 1<<20 {
		return fmt.Sprintf("%.0f KiB", float64(n)/(1<<10))
	}
	return fmt.Sprintf("%.2f MiB", float64(n)/(1<<20))
}

func staticFS() fs.FS {
	sub, err := fs.Sub(static, "static")
	if err != nil {
		panic(err) // the embed pattern guarantees the directory
	}
	return sub
}

// handler serves the site. runwhere.wasm goes out gzipped to clients that
// accept it, as a static host with the .wasm.gz beside it would.
func (s *site) handler() http.Handler {
	files := http.FileServerFS(staticFS())
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		h := w.Header()
		h.Set("Content-Security-Policy", csp)
		h.Set("X-Content-Type-Options", "nosniff")
		h.Set("Referrer-Policy", "no-referrer")
		h.Set("Cache-Control", "no-cache")
		// The site is read-only: a 200 to POST or PUT would tell a client
		// that its write was taken.
		if r.Method != http.MethodGet && r.Method != http.MethodHead {
			h.Set("Allow", "GET, HEAD")
			http.Error(w, "405 method not allowed: the playground only serves files (GET, HEAD)", http.StatusMethodNotAllowed)
			return
		}
		switch path.Clean(r.URL.Path) {
		case "/runwhere.wasm":
			h.Set("Content-Type", "application/wasm")
			h.Set("Vary", "Accept-Encoding")
			body := s.wasm
			if acceptsGzip(r.Header.Values("Accept-Encoding")) {
				h.Set("Content-Encoding", "gzip")
				body = s.wasmGz
			}
			http.ServeContent(w, r, "runwhere.wasm", time.Time{}, bytes.NewReader(body))
		case "/wasm_exec.js":
			h.Set("Content-Type", "text/javascript; charset=utf-8")
			http.ServeContent(w, r, "wasm_exec.js", time.Time{}, bytes.NewReader(s.wasmExec))
		default:
			files.ServeHTTP(w, r)
		}
	})
}

// acceptsGzip reads Accept-Encoding as RFC 9110 (section 12.5.3) defines
// it: a gzip (or x-gzip) entry decides by its weight, else "*" does, and a
// weight of 0 means "not acceptable". A substring test would send gzip to
// "gzip;q=0" and withhold it from "*" and "GZIP". An entry with a malformed
// weight is skipped: guessing could send a client bytes it cannot read,
// while identity is always safe.
func acceptsGzip(values []string) bool {
	gzipQ, starQ := -1, -1 // in thousandths; -1: not named
	for _, v := range values {
		for _, entry := range strings.Split(v, ",") {
			name, params, _ := strings.Cut(entry, ";")
			q, ok := weight(params)
			if !ok {
				continue
			}
			switch strings.ToLower(strings.TrimSpace(name)) {
			case "gzip", "x-gzip":
				gzipQ = max(gzipQ, q)
			case "*":
				starQ = max(starQ, q)
			}
		}
	}
	if gzipQ >= 0 {
		return gzipQ > 0
	}
	return starQ > 0
}

// weight returns the q parameter of an Accept-Encoding entry in
// thousandths (1000 when absent), and false when it is not a valid qvalue:
// "0" to "1" with at most three decimals.
func weight(params string) (int, bool) {
	q := 1000
	for p := range strings.SplitSeq(params, ";") {
		k, v, _ := strings.Cut(p, "=")
		if !strings.EqualFold(strings.TrimSpace(k), "q") {
			continue
		}
		v = strings.TrimSpace(v)
		whole, frac, _ := strings.Cut(v, ".")
		if (whole != "0" && whole != "1") || len(frac) > 3 || strings.Trim(frac, "0123456789") != "" {
			return 0, false
		}
		frac += strings.Repeat("0", 3-len(frac))
		n := 0
		for _, c := range frac {
			n = n*10 + int(c-'0')
		}
		if q = n; whole == "1" {
			if n != 0 {
				return 0, false
			}
			q = 1000
		}
	}
	return q, true
}

// export writes the deployable site into dir: the static files,
// wasm_exec.js, runwhere.wasm and runwhere.wasm.gz.
func (s *site) export(dir string) error {
	if dir == "" {
		return errors.New("playground: -export needs a directory")
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	err := fs.WalkDir(staticFS(), ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		dst := filepath.Join(dir, filepath.FromSlash(p))
		if d.IsDir() {
			return os.MkdirAll(dst, 0o755)
		}
		b, err := fs.ReadFile(staticFS(), p)
		if err != nil {
			return err
		}
		return os.WriteFile(dst, b, 0o644)
	})
	if err != nil {
		return err
	}
	for name, b := range map[string][]byte{
		"wasm_exec.js":     s.wasmExec,
		"runwhere.wasm":    s.wasm,
		"runwhere.wasm.gz": s.wasmGz,
	} {
		if err := os.WriteFile(filepath.Join(dir, name), b, 0o644); err != nil {
			return err
		}
	}
	return nil
}
