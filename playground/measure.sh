#!/usr/bin/env bash
# Prints the playground's figures: runwhere.wasm raw and gzipped beside a
# minimal syscall/js program built the same way, the time from navigation
# to the first rendered result in headless Chromium, the time of one
# recompute (evaluate + curves) after an input change, and how soon after
# an edit the cards show the cheaper configurations. These are the
# playground's timing figures: the browser tests assert none of them, so
# that a busy machine cannot fail them (issue 27). Measure on a quiet one.
# Needs Chromium (apt-get install -y chromium).
set -euo pipefail
cd "$(dirname "$0")/.."
RUNWHERE_MEASURE=1 go test -count=1 -run '^TestMeasure$' ./playground -v 2>&1 |
	grep -E "^(size|load|first|recompute|alts) |^ +→|FAIL|^--- |^ok" || true
