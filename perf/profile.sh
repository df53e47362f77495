#!/usr/bin/env bash
# CPU and allocation profiles of Evaluate, Curves and the cheaper-configuration
# search (BenchmarkAlternatives): where the microseconds and the allocations
# go (issue 28). Prints the top ten of each and leaves the profiles in
# $PROFILE_DIR (default /tmp/runwhere-profile) for `go tool pprof -http=: BIN PROFILE`.
#   perf/profile.sh                 # all three
#   perf/profile.sh Evaluate        # one
#   BENCHTIME=5s perf/profile.sh    # longer, steadier profiles (default 2s)
set -euo pipefail
cd "$(dirname "$0")/.."
out=${PROFILE_DIR:-/tmp/runwhere-profile}
mkdir -p "$out"
benches=("$@")
[ ${#benches[@]} -gt 0 ] || benches=(Evaluate Curves Alternatives)
for b in "${benches[@]}"; do
	go test -run '^$' -bench "^Benchmark$b\$" -benchtime "${BENCHTIME:-2s}" -count 1 \
		-o "$out/runwhere.test" -cpuprofile "$out/$b.cpu" -memprofile "$out/$b.mem" . |
		grep -E "^Benchmark"
	for view in "CPU, flat:-top" "CPU, cumulative:-top -cum" "allocated bytes, flat:-top -sample_index=alloc_space" "allocations, flat:-top -sample_index=alloc_objects"; do
		profile=$out/$b.cpu
		case $view in allocat*) profile=$out/$b.mem ;; esac
		echo "== $b: ${view%%:*} (top 10)"
		# shellcheck disable=SC2086 # the view's flags are words
		go tool pprof ${view#*:} -nodecount=10 "$out/runwhere.test" "$profile" 2>/dev/null | sed -n '/flat%/,$p'
	done
done
