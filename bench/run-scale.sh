#!/usr/bin/env bash
# Speed and scale benchmark: the bundled catalogue and synthetic catalogues of
# the given sizes, each built and queried with the dev query set.
#   bench/run-scale.sh [BUILD_DIR] [SIZES...]      (default: build 10000 100000)
# KT_BENCH_SMOKE=1 runs one pass only (CI smoke test; numbers not reported).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
build=${1:-build}
shift || true
sizes=("$@")
[ "${#sizes[@]}" -gt 0 ] || sizes=(10000 100000)
out=${KT_BENCH_OUT:-$(mktemp -d /tmp/kt-bench-XXXXXX)}
queries=$here/queries/dev.tsv
repeat=3
[ "${KT_BENCH_SMOKE:-0}" = 1 ] && repeat=1
echo "== bundled catalogue ($(ls "$here/../catalog/services" | wc -l) services)"
"$build/bench/kt_bench" "$here/../catalog" "$out/idx-bundled" "$queries" "$repeat"
for n in "${sizes[@]}"; do
  echo "== synthetic catalogue of $n services"
  "$build/bench/kt_gen_catalog" "$here/../catalog" "$out/cat-$n" "$n" 2>/dev/null
  "$build/bench/kt_bench" "$out/cat-$n" "$out/idx-$n" "$queries" "$repeat"
done
[ -n "${KT_BENCH_OUT:-}" ] || rm -rf "$out"
