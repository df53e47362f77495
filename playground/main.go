// Command playground builds the runwhere WebAssembly bridge with the running
// Go toolchain and serves the in-browser calculator, or exports it as a
// static site.
//
//	go run ./playground                 # build, then serve on http://127.0.0.1:8080/
//	go run ./playground -addr :9000     # another address
//	go run ./playground -export dist    # write the static site (with runwhere.wasm.gz) to dist/
//
// It compiles ../wasm from source when it starts, so it needs the module's
// checkout: the current directory when that is inside it, else the
// checkout the program was built from, else the one named with -src.
//
// The page needs nothing but the files it is served with: no CDN, no other
// host, no framework.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"net"
	"net/http"
	"os"
	"os/signal"
	"time"
)

func main() {
	addr := flag.String("addr", "127.0.0.1:8080", "address to serve the playground on")
	export := flag.String("export", "", "write the static site to this directory and exit")
	src := flag.String("src", "", "checkout of github.com/runwhere/runwhere to build the WebAssembly from\n(default: the current directory, else the checkout this program was built from)")
	flag.Usage = func() {
		fmt.Fprintf(flag.CommandLine.Output(), "usage: go run ./playground [-addr host:port] [-export dir] [-src dir]\n\n")
		flag.PrintDefaults()
	}
	flag.Parse()
	if flag.NArg() > 0 {
		flag.Usage()
		os.Exit(2)
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	if err := run(ctx, *addr, *export, *src); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}

func run(ctx context.Context, addr, export, src string) error {
	// Take the port before the build: a busy port is reported at once,
	// not after the WebAssembly is compiled.
	var ln net.Listener
	if export == "" {
		var err error
		if ln, err = net.Listen("tcp", addr); err != nil {
			return fmt.Errorf("playground: %w (choose another address with -addr, e.g. -addr 127.0.0.1:9000)", err)
		}
		defer ln.Close()
	}
	start := time.Now()
	s, err := buildSite(ctx, src, os.Stdout)
	if err != nil {
		return err
	}
	fmt.Printf("built the WebAssembly in %.1f s\n", time.Since(start).Seconds())
	if export != "" {
		if err := s.export(export); err != nil {
			return fmt.Errorf("playground: export: %w", err)
		}
		fmt.Printf("wrote the static site to %s (serve runwhere.wasm as application/wasm; runwhere.wasm.gz is its gzip encoding)\n", export)
		return nil
	}
	srv := newServer(s.handler())
	fmt.Printf("serving the runwhere playground on %s (Ctrl-C to stop)\n", pageURL(ln.Addr()))
	go func() {
		<-ctx.Done()
		sctx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
		defer cancel()
		_ = srv.Shutdown(sctx)
	}()
	if err := srv.Serve(ln); !errors.Is(err, http.ErrServerClosed) {
		return err
	}
	return nil
}

// pageURL is the address a person opens: a server listening on every
// interface (-addr :9000) is reached at localhost, which is said, rather
// than at the unspecified address [::] that a browser cannot open.
func pageURL(a net.Addr) string {
	tcp, ok := a.(*net.TCPAddr)
	if !ok || !tcp.IP.IsUnspecified() {
		return fmt.Sprintf("http://%s/", a)
	}
	return fmt.Sprintf("http://localhost:%d/ (listening on every interface)", tcp.Port)
}

// newServer bounds how long any one client can hold a connection, so a few
// slow or silent ones cannot use up the server's sockets: the requests are
// GETs without a body, and the largest answer is runwhere.wasm, a few MiB
// that a slow phone link still fetches within the write timeout.
func newServer(h http.Handler) *http.Server {
	return &http.Server{
		Handler:           h,
		ReadHeaderTimeout: 10 * time.Second,
		ReadTimeout:       30 * time.Second,
		WriteTimeout:      2 * time.Minute,
		IdleTimeout:       time.Minute,
		MaxHeaderBytes:    64 << 10,
	}
}
