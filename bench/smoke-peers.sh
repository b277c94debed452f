#!/usr/bin/env bash
# CI smoke of the peer comparison: the first 5 dev queries and the first 3
# trap-dev notes through Lucene, SQLite FTS5 and Xapian defaults
# (bench/run-peers.sh, no JVM warm-up), then scored beside Kohtaanto by
# `kohtaanto eval`, the trap notes with --notin (trap hits). It shows the
# tools still run; its numbers mean nothing (8 queries, cold JVM).
# usage: bench/smoke-peers.sh [BUILD_DIR]
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-$root/build}
out=$(mktemp -d /tmp/kt-smoke-peers-XXXXXX)
trap 'rm -rf "$out"' EXIT
qd=$root/bench/queries
head -5 "$qd/dev.tsv" > "$out/q.tsv"
head -3 "$qd/trap-dev.tsv" >> "$out/q.tsv"
cat "$qd/dev.qrels" "$qd/trap-dev.qrels" > "$out/q.qrels"
# only the must-not lines of the notes in the smoke (eval rejects other qids)
awk -F'\t' 'NR == FNR { want[$1] = 1; next } $1 in want' "$out/q.tsv" "$qd/trap-dev.notin" > "$out/q.notin"
KT_PEER_WARMUP=0 KT_PEER_TIMEOUT=600 "$root/bench/run-peers.sh" "$out/q.tsv" "$out/peers"
for p in lucene sqlite_fts5 xapian_default; do
  [ -s "$out/peers/$p.run" ] || { echo "smoke-peers: $p produced no run" >&2; exit 1; }
done
"$build/kohtaanto" index --index "$out/idx" >/dev/null 2>&1
"$build/kohtaanto" eval --index "$out/idx" --queries "$out/q.tsv" --qrels "$out/q.qrels" --notin "$out/q.notin" \
  --run lucene="$out/peers/lucene.run" --run sqlite_fts5="$out/peers/sqlite_fts5.run" \
  --run xapian_default="$out/peers/xapian_default.run" --config full | tee "$out/eval.txt"
grep -q '^lucene ' "$out/eval.txt" && grep -q '^kohtaanto:full ' "$out/eval.txt"
grep -q 'traps@5' "$out/eval.txt" && grep -q 'trap hits@5 against the peer with the fewest' "$out/eval.txt"
echo "smoke-peers: ok"
