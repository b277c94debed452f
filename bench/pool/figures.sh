#!/usr/bin/env bash
# Scores every system on the pooled sets with the current qrels (run after
# run-pool.sh; once before merging new judgments, once after).
# usage: bench/pool/figures.sh TAG    -> bench/out/pool/figures-TAG-<set>.txt
# dev, test, trap-dev: Kohtaanto (every configuration) beside the peers;
# trap-test: the peers only (Kohtaanto's held-out trap figure comes from the
# final bench/run-bench.sh run alone).
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
build=${KT_BUILD_DIR:-$root/build}
q=$root/bench/queries
out=$root/bench/out/pool
tag=${1:?usage: figures.sh TAG}
for s in dev test trap-dev trap-test; do
  runs=()
  for p in lucene sqlite_fts5 xapian_default; do
    runs+=(--run "$p=$out/$s/peers/$p.run")
  done
  extra=()
  [ -f "$q/$s.notin" ] && extra+=(--notin "$q/$s.notin")
  [ "$s" = trap-test ] || extra+=(--config all)
  "$build/kohtaanto" eval --index "$out/kt-index" --queries "$q/$s.tsv" --qrels "$q/$s.qrels" \
    --types "$q/$s.types" "${runs[@]}" "${extra[@]}" > "$out/figures-$tag-$s.txt"
  echo "$out/figures-$tag-$s.txt"
done
