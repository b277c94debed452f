#!/usr/bin/env bash
# Pooled judgments (issue #13 item 7), step 1: every system's top 10 on every
# judged set, then the pairs nobody has judged, shuffled, for blind judging.
#   Kohtaanto: every configuration of the ablation ladder (`eval --config all
#   --write-runs`; its scores are not printed), peers: bench/run-peers.sh.
# usage: bench/pool/run-pool.sh [SETS...]   (default: dev test trap-dev trap-test)
# Writes bench/out/pool/<set>/{kt,peers}/*.run, then bench/pool/pool.py writes
# bench/pool/unjudged.tsv (pair, service id, query text: nothing about which
# system found the pair) and bench/pool/unjudged.key (pair -> set, qid).
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
build=${KT_BUILD_DIR:-$root/build}
q=$root/bench/queries
out=$root/bench/out/pool
sets=("$@")
[ "${#sets[@]}" -gt 0 ] || sets=(dev test trap-dev trap-test)
mkdir -p "$out"
rm -rf "$out/kt-index"
"$build/kohtaanto" index --eval-terms --index "$out/kt-index" > /dev/null 2>&1
for s in "${sets[@]}"; do
  echo "== $s"
  mkdir -p "$out/$s/kt"
  KT_PEER_SKIP_KOHTAANTO=1 "$root/bench/run-peers.sh" "$q/$s.tsv" "$out/$s/peers" > /dev/null
  "$build/kohtaanto" eval --index "$out/kt-index" --queries "$q/$s.tsv" --qrels "$q/$s.qrels" \
    --config all --write-runs "$out/$s/kt" > /dev/null
  ls "$out/$s/kt" "$out/$s/peers"/*.run | wc -l
done
/usr/bin/python3 "$root/bench/pool/pool.py" make "$out" "${sets[@]}"
