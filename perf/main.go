// Command perf finds where runwhere.wasm's bytes and Evaluate's time go,
// and holds them to perf/budget.txt (issue 28). Run from anywhere in the
// module:
//
//	go run ./perf size    # size profile of the wasm by package and symbol
//	go run ./perf check   # the budget's figures; exits 1 when a ceiling is exceeded
//
// See perf/README.md for the method, including CPU and allocation profiles
// (perf/profile.sh).
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"
)

func main() {
	if err := run(context.Background(), os.Args[1:], os.Stdout); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}

func run(ctx context.Context, args []string, out io.Writer) error {
	if len(args) == 0 {
		return errors.New("perf: usage: go run ./perf size|check [flags]")
	}
	root, err := moduleRoot(ctx)
	if err != nil {
		return err
	}
	fs := flag.NewFlagSet("perf "+args[0], flag.ContinueOnError)
	switch args[0] {
	case "size":
		top := fs.Int("top", 20, "how many packages and symbols to list")
		pkg := fs.String("pkg", "./wasm", "package to profile")
		if err := fs.Parse(args[1:]); err != nil {
			return err
		}
		return sizeProfile(ctx, root, *pkg, *top, out)
	case "check":
		budget := fs.String("budget", filepath.Join(root, "perf", "budget.txt"), "budget file")
		rounds := fs.Int("rounds", 10, "benchmark rounds; each runs the measured benchmarks and the baseline back to back")
		benchtime := fs.String("benchtime", "200ms", "-test.benchtime of each benchmark in a round")
		if err := fs.Parse(args[1:]); err != nil {
			return err
		}
		return check(ctx, root, *budget, *rounds, *benchtime, out)
	}
	return fmt.Errorf("perf: unknown command %q: want size or check", args[0])
}

func moduleRoot(ctx context.Context) (string, error) {
	b, err := exec.CommandContext(ctx, "go", "env", "GOMOD").Output()
	if err != nil {
		return "", fmt.Errorf("perf: go env GOMOD: %w", err)
	}
	mod := strings.TrimSpace(string(b))
	if mod == "" || mod == os.DevNull {
		return "", errors.New("perf: run inside the runwhere module")
	}
	return filepath.Dir(mod), nil
}

// buildWasm builds pkg for GOOS=js GOARCH=wasm with -trimpath, stripped
// (-ldflags='-s -w', as the site ships it) or with the linker's names.
func buildWasm(ctx context.Context, root, pkg string, stripped bool) ([]byte, error) {
	dir, err := os.MkdirTemp("", "perf-wasm-")
	if err != nil {
		return nil, err
	}
	defer os.RemoveAll(dir)
	outFile := filepath.Join(dir, "out.wasm")
	args := []string{"build", "-trimpath", "-o", outFile}
	if stripped {
		args = append(args, "-ldflags=-s -w")
	}
	cmd := exec.CommandContext(ctx, "go", append(args, pkg)...)
	cmd.Dir = root
	cmd.Env = append(os.Environ(), "GOOS=js", "GOARCH=wasm")
	if msg, err := cmd.CombinedOutput(); err != nil {
		return nil, fmt.Errorf("perf: go build %s: %w\n%s", pkg, err, msg)
	}
	return os.ReadFile(outFile)
}

// listPackages is packageNames of pkg's dependencies for GOOS=js GOARCH=wasm,
// main included.
func listPackages(ctx context.Context, root, pkg string) (map[string]string, error) {
	cmd := exec.CommandContext(ctx, "go", "list", "-deps", "-f", "{{if eq .Name \"main\"}}main{{else}}{{.ImportPath}}{{end}}", pkg)
	cmd.Dir = root
	cmd.Env = append(os.Environ(), "GOOS=js", "GOARCH=wasm")
	out, err := cmd.Output()
	if err != nil {
		return nil, fmt.Errorf("perf: go list -deps %s: %w", pkg, err)
	}
	return packageNames(strings.Fields(string(out))), nil
}

const modulePath = "github.com/runwhere/runwhere"

// floorPackage is the dependency floor: the bridge's dependencies linked,
// doing nothing (perf/floor).
const floorPackage = "./perf/floor"

// sizeProfile prints the wasm's code by package and its largest functions,
// from a build that keeps the linker's names, and the gzipped sizes of the
// stripped build and of the dependency floor.
func sizeProfile(ctx context.Context, root, pkg string, top int, out io.Writer) error {
	named, err := buildWasm(ctx, root, pkg, false)
	if err != nil {
		return err
	}
	m, err := readWasm(named)
	if err != nil {
		return err
	}
	type group struct {
		name        string
		size, count int
		bodies      []byte
	}
	pkgs, err := listPackages(ctx, root, pkg)
	if err != nil {
		return err
	}
	byPkg := map[string]*group{}
	code := 0
	for _, f := range m.Funcs {
		p := symbolPackage(f.Name, pkgs)
		g := byPkg[p]
		if g == nil {
			g = &group{name: p}
			byPkg[p] = g
		}
		g.size += f.Size
		g.count++
		g.bodies = append(g.bodies, f.body...)
		code += f.Size
	}
	groups := make([]*group, 0, len(byPkg))
	for _, g := range byPkg {
		groups = append(groups, g)
	}
	slices.SortFunc(groups, func(a, b *group) int { return b.size - a.size })
	fmt.Fprintf(out, "size profile of %s (GOOS=js GOARCH=wasm -trimpath, names kept: %d B)\n", pkg, m.Total)
	secs := make([]string, 0, len(m.Sections))
	for s := range m.Sections {
		secs = append(secs, s)
	}
	slices.SortFunc(secs, func(a, b string) int { return m.Sections[b] - m.Sections[a] })
	for _, s := range secs {
		fmt.Fprintf(out, "  section %-18s %9d B\n", s, m.Sections[s])
	}
	fmt.Fprintf(out, "\ncode by package (%d functions, %d B of bodies; 'gz alone' is the package's bodies gzipped by themselves)\n", len(m.Funcs), code)
	fmt.Fprintf(out, "  %9s %6s %9s %6s  %s\n", "bytes", "%code", "gz alone", "funcs", "package")
	for i, g := range groups {
		if i == top {
			rest := 0
			for _, g := range groups[top:] {
				rest += g.size
			}
			fmt.Fprintf(out, "  %9d %5.1f%% %9s %6s  (%d more packages)\n", rest, pct(rest, code), "", "", len(groups)-top)
			break
		}
		fmt.Fprintf(out, "  %9d %5.1f%% %9d %6d  %s\n", g.size, pct(g.size, code), gzipLen(g.bodies), g.count, g.name)
	}
	own := 0
	for _, g := range groups {
		if g.name == "main" || g.name == modulePath || strings.HasPrefix(g.name, modulePath+"/") {
			own += g.size
		}
	}
	fmt.Fprintf(out, "  %9d %5.1f%%  of it runwhere's own packages (%s/... and main)\n", own, pct(own, code), modulePath)
	funcs := slices.Clone(m.Funcs)
	slices.SortFunc(funcs, func(a, b wasmFunc) int { return b.Size - a.Size })
	fmt.Fprintf(out, "\nlargest functions\n")
	for _, f := range funcs[:min(top, len(funcs))] {
		fmt.Fprintf(out, "  %9d  %s\n", f.Size, f.Name)
	}
	wasmGz, floorGz, err := strippedSizes(ctx, root, pkg, out)
	if err != nil {
		return err
	}
	fmt.Fprintf(out, "\nratio %.3f× the dependency floor (issue 28's target ≤ 1.3×)\n", float64(wasmGz)/float64(floorGz))
	return nil
}

// strippedSizes builds pkg and the dependency floor as the site ships them
// and prints their raw and gzip -9 sizes.
func strippedSizes(ctx context.Context, root, pkg string, out io.Writer) (wasmGz, floorGz int, err error) {
	w, err := buildWasm(ctx, root, pkg, true)
	if err != nil {
		return 0, 0, err
	}
	f, err := buildWasm(ctx, root, floorPackage, true)
	if err != nil {
		return 0, 0, err
	}
	wasmGz, floorGz = gzipLen(w), gzipLen(f)
	fmt.Fprintf(out, "\nstripped (-trimpath -ldflags='-s -w'), gzip -9:\n")
	fmt.Fprintf(out, "  %-28s %9d B raw %9d B gzipped\n", pkg, len(w), wasmGz)
	fmt.Fprintf(out, "  %-28s %9d B raw %9d B gzipped\n", "dependency floor "+floorPackage, len(f), floorGz)
	return wasmGz, floorGz, nil
}

func pct(a, b int) float64 { return 100 * float64(a) / float64(b) }

// timedBenchmarks are the benchmarks of the root package the budget holds,
// each divided by the baseline of the same round.
var timedBenchmarks = []struct{ bench, figure string }{
	{"BenchmarkEvaluate", "evaluate/baseline"},
	{"BenchmarkCurves", "curves/baseline"},
}

const baselineBenchmark = "BenchmarkPerfBaseline"

// check measures the budget's ci figures, prints every one, and fails when
// a gated figure exceeds its ceiling by more than its margin.
func check(ctx context.Context, root, budgetFile string, rounds int, benchtime string, out io.Writer) error {
	text, err := os.ReadFile(budgetFile)
	if err != nil {
		return fmt.Errorf("perf: %w", err)
	}
	lines, err := parseBudget(string(text))
	if err != nil {
		return err
	}
	start := time.Now()
	figures := map[string]float64{}
	wasmGz, floorGz, err := strippedSizes(ctx, root, "./wasm", out)
	if err != nil {
		return err
	}
	figures["wasm-gz"] = float64(wasmGz)
	figures["floor-gz"] = float64(floorGz)
	figures["wasm/floor"] = math.Round(1000*float64(wasmGz)/float64(floorGz)) / 1000
	fmt.Fprintf(out, "  (sizes in %.0f s)\n", time.Since(start).Seconds())

	start = time.Now()
	if err := benchRatios(ctx, root, rounds, benchtime, figures, out); err != nil {
		return err
	}
	fmt.Fprintf(out, "  (benchmarks in %.0f s)\n\n", time.Since(start).Seconds())

	verdicts, err := checkBudget(lines, figures)
	if err != nil {
		return err
	}
	var over []string
	for _, v := range verdicts {
		fmt.Fprintln(out, v)
		if v.Over {
			over = append(over, v.Line.Name)
		}
	}
	for _, l := range lines {
		if l.Source != "ci" {
			fmt.Fprintf(out, "%-22s %12s %-5s  target %s, last measured %s: run %s (not gated)\n",
				l.Name, "", l.Unit, formatFigure(l.Target), formatFigure(l.Ceiling), l.Source)
		}
	}
	if len(over) > 0 {
		return fmt.Errorf("perf: over budget: %s (perf/budget.txt says how to raise a ceiling, and why not to)", strings.Join(over, ", "))
	}
	return nil
}

var benchLine = regexp.MustCompile(`^(Benchmark\w+)(?:-\d+)?\s+\d+\s+([0-9.]+) ns/op`)

// benchRatios builds the root package's test binary once and runs it
// rounds times; each round runs the timed benchmarks and the baseline back
// to back, so a busy neighbour slows both. A figure is the ratio of the
// fastest rounds; the absolute times are printed, never gated.
func benchRatios(ctx context.Context, root string, rounds int, benchtime string, figures map[string]float64, out io.Writer) error {
	dir, err := os.MkdirTemp("", "perf-bench-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(dir)
	bin := filepath.Join(dir, "runwhere.test")
	build := exec.CommandContext(ctx, "go", "test", "-c", "-o", bin, ".")
	build.Dir = root
	if msg, err := build.CombinedOutput(); err != nil {
		return fmt.Errorf("perf: go test -c: %w\n%s", err, msg)
	}
	names := []string{baselineBenchmark}
	for _, b := range timedBenchmarks {
		names = append(names, b.bench)
	}
	pattern := "^(" + strings.Join(names, "|") + ")$"
	ratios := map[string][]float64{}
	times := map[string][]float64{}
	for r := range rounds {
		cmd := exec.CommandContext(ctx, bin, "-test.run", "^$", "-test.bench", pattern, "-test.benchtime", benchtime, "-test.count", "1")
		cmd.Dir = root
		msg, err := cmd.CombinedOutput()
		if err != nil {
			return fmt.Errorf("perf: benchmarks, round %d: %w\n%s", r+1, err, msg)
		}
		ns := map[string]float64{}
		for _, line := range strings.Split(string(msg), "\n") {
			if m := benchLine.FindStringSubmatch(line); m != nil {
				v, _ := strconv.ParseFloat(m[2], 64)
				ns[m[1]] = v
			}
		}
		base := ns[baselineBenchmark]
		if base == 0 {
			return fmt.Errorf("perf: round %d did not report %s:\n%s", r+1, baselineBenchmark, msg)
		}
		times[baselineBenchmark] = append(times[baselineBenchmark], base)
		for _, b := range timedBenchmarks {
			v, ok := ns[b.bench]
			if !ok {
				return fmt.Errorf("perf: round %d did not report %s:\n%s", r+1, b.bench, msg)
			}
			times[b.bench] = append(times[b.bench], v)
			ratios[b.figure] = append(ratios[b.figure], v/base)
		}
	}
	fmt.Fprintf(out, "\nbenchmarks, %d rounds of -benchtime %s (median, min–max; absolute times printed, not gated)\n", rounds, benchtime)
	for _, name := range names {
		med, lo, hi := spread(times[name])
		fmt.Fprintf(out, "  %-22s %10.1f µs  %.1f–%.1f\n", name, med/1e3, lo/1e3, hi/1e3)
	}
	// The gated figure is the ratio of the fastest rounds: a busy machine
	// only ever adds time, so each side's minimum is the closest to its
	// quiet speed, and on this shared machine it moved a few percent between
	// runs where the median of the rounds' ratios moved by a third.
	_, baseMin, _ := spread(times[baselineBenchmark])
	for _, b := range timedBenchmarks {
		med, lo, hi := spread(ratios[b.figure])
		_, benchMin, _ := spread(times[b.bench])
		figures[b.figure] = math.Round(1000*benchMin/baseMin) / 1000
		fmt.Fprintf(out, "  %-22s %10.3f     fastest/fastest (gated); rounds' ratios median %.3f, %.3f–%.3f\n", b.figure, figures[b.figure], med, lo, hi)
	}
	_, evalMin, _ := spread(times["BenchmarkEvaluate"])
	figures["evaluate-us"] = evalMin / 1e3
	return nil
}

// spread is the median, least and greatest of v.
func spread(v []float64) (med, lo, hi float64) {
	s := slices.Clone(v)
	slices.Sort(s)
	if len(s) == 0 {
		return math.NaN(), math.NaN(), math.NaN()
	}
	if len(s)%2 == 1 {
		med = s[len(s)/2]
	} else {
		med = (s[len(s)/2-1] + s[len(s)/2]) / 2
	}
	return med, s[0], s[len(s)-1]
}
