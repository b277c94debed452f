#!/usr/bin/env bash
# The whole benchmark in one run, on this machine:
#   1. quality and per-query latency of Kohtaanto (every ablation configuration)
#      beside Lucene 8, SQLite FTS5 and Xapian defaults on the dev set, and on
#      the held-out test set; trap hits (must-not services in the top 5) of
#      every system on the trap sets (bench/queries/trap-dev.*, trap-test.*);
#   2. latency against catalogue size (bundled + synthetic catalogues), for
#      Kohtaanto (in process, warm cache) and Lucene on the same data;
#   3. the plots (bench/quality.svg, bench/latency.svg).
# usage: bench/run-bench.sh [SIZES...]     (default: 10000 100000)
#        bench/run-bench.sh --quality       (step 1 only: no latency against size, no plots)
#        bench/run-bench.sh --scale [SIZES...]  (step 2 only: build, memory and latency
#                                            against size, beside the peers; no plots)
# Results: bench/out/eval.txt, eval-test.txt, eval-trap-dev.txt, eval-trap-test.txt,
# scale.txt, *.dat.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=${KT_BUILD_DIR:-$root/build}
out=$root/bench/out
q=$root/bench/queries
quality_only=0 scale_only=0
if [ "${1:-}" = --quality ]; then quality_only=1; shift; fi
if [ "${1:-}" = --scale ]; then scale_only=1; shift; fi
sizes=("$@")
[ "${#sizes[@]}" -gt 0 ] || sizes=(10000 100000)
export KT_PEER_WARMUP=${KT_PEER_WARMUP:-20}   # JVM steady state before Lucene is timed
KT_WITH_BENCH=1 "$root/scripts/install-deps.sh" > /dev/null
mkdir -p "$out"

if [ "$scale_only" = 0 ]; then
echo "== quality on the dev set ($(date -u +%F), $(nproc) cores, $(uname -m))"
"$root/bench/run-peers.sh" "$q/dev.tsv" "$out/peers"
rm -rf "$out/kt-index"
"$build/kohtaanto" index --eval-terms --index "$out/kt-index" 2>/dev/null
runs=()
for p in lucene sqlite_fts5 xapian_default; do
  runs+=(--run "$p=$out/peers/$p.run" --times "$p=$out/peers/$p.times")
done
"$build/kohtaanto" eval --index "$out/kt-index" --queries "$q/dev.tsv" --qrels "$q/dev.qrels" \
  --types "$q/dev.types" "${runs[@]}" --config all | tee "$out/eval.txt"
# quality.dat: system nDCG Recall (the first table of eval.txt)
awk 'NR > 3 && NF == 7 { print $1, $2, $4 } NF == 0 && NR > 3 { exit }' "$out/eval.txt" > "$out/quality.dat"

# dev2: a second tuning set, written blind on 2026-12-04 (bench/queries/dev2.md).
echo "== quality on the second tuning set dev2"
"$root/bench/run-peers.sh" "$q/dev2.tsv" "$out/peers-dev2"
runs=()
for p in lucene sqlite_fts5 xapian_default; do
  runs+=(--run "$p=$out/peers-dev2/$p.run" --times "$p=$out/peers-dev2/$p.times")
done
"$build/kohtaanto" eval --index "$out/kt-index" --queries "$q/dev2.tsv" --qrels "$q/dev2.qrels" \
  --types "$q/dev2.types" "${runs[@]}" --config all | tee "$out/eval-dev2.txt"

# The held-out sets (each used for tuning only after it was scored and spent;
# from 2026-12-04, fifth session, all spent sets are development data): test (the first, scored once in
# November and since spent), heldout2 (written blind in December, scored once
# and spent), heldout3 (written blind on 2026-12-03, scored once at the end of
# that session and spent), heldout4 (written blind later that day, scored at
# the end of that session and spent), heldout5 (written blind on 2026-12-04,
# scored at the end of that session and spent), heldout6 (written blind in
# the next session the same day, scored at its end and spent), heldout7
# (written blind in the third session of 2026-12-04, scored at its end and
# spent), heldout8 (written blind in the fourth session of 2026-12-04, scored
# at its end and spent) and heldout9 (written blind in the fifth session of
# 2026-12-04, scored at its end and spent) and heldout10 (written blind at
# the start of the sixth session of 2026-12-04, first scored at its end) and
# heldout11 (written blind at the start of the seventh session, first scored
# in its middle) and heldout12 (written blind after that scoring run, first
# scored at the session's end) and heldout13 (written blind at the start of the
# eighth session, 2026-12-05, scored after its work) and heldout14 (written blind
# after that run) and heldout15 (written blind at the start of the ninth session,
# 2026-12-05, scored after its first part) and heldout16 (written blind after
# that run, scored at the session's end) and heldout17 (written blind at the start
# of the tenth session, 2026-12-05, scored after its first part) and heldout18
# (written blind after that run, scored at the session's end) and heldout19 (written
# blind at the start of the eleventh session, 2026-12-05, scored after its first
# part) and heldout20 (written blind after that run, scored at the session's end)
# and heldout21 (written blind at the end of the eleventh session, scored after
# the first part of the twelfth) and heldout22 (written blind at the start of the
# twelfth session, scored at its end) and heldout23 (written blind at the end of the
# twelfth session, scored at the start of the thirteenth on its unchanged code)
# and heldout24 (written blind at the start of the thirteenth session, scored at
# its end) and heldout25 (written blind at the end of the thirteenth session,
# scored at the end of the fourteenth) and heldout26 (written blind during the
# fourteenth session, scored at the end of the fifteenth) and heldout27 (written
# blind during the fifteenth session, scored at the end of the sixteenth) and
# heldout28 (written blind during the sixteenth session, scored at the end of
# the seventeenth) and heldout29 (written blind during the seventeenth session,
# scored at the end of the eighteenth) and heldout30 (written blind during the
# eighteenth session, scored at the end of the nineteenth) and heldout31
# (written blind during the nineteenth session, scored at the end of the
# twentieth) and heldout32 (written blind during the twentieth session, scored
# at the end of the twenty-first) and heldout33 (written blind during the
# twenty-first session, scored at the end of the twenty-second) and heldout34
# (written blind during the twenty-second session, scored at the end of the
# twenty-third) and heldout35 (written blind during the twenty-third session,
# scored at the end of the twenty-fourth) and heldout36 (written blind during
# the twenty-fourth session, scored at the end of the twenty-fifth) and
# heldout37 (written blind during the twenty-fifth session, scored at the end
# of the twenty-sixth) and heldout38 (written blind during the twenty-sixth
# session, scored at the end of the twenty-seventh) and heldout39 (written
# blind during the twenty-seventh session, scored at the end of the
# twenty-eighth) and heldout40 (written blind during the twenty-eighth
# session, scored at the end of the twenty-ninth) and heldout41 (written
# blind during the twenty-ninth session, scored at the end of the thirtieth)
# and heldout42 (written blind during the thirtieth session, scored at the
# end of the thirty-first) and heldout43 (written blind during the
# thirty-first session, scored at the end of the thirty-second) and
# heldout44 (written blind during the thirty-second session, scored at the
# end of the thirty-third; see bench/queries/heldout*.md);
# heldout45 (written blind during the thirty-third session, scored at the
# end of the thirty-fourth); heldout46 (written blind during the
# thirty-fourth session, scored at the end of the thirty-fifth). From the
# fifth session on, the
# spent sets are development data as well. The learned priors
# (catalog/learned/prior.tsv) are learned from the spent sets of their day,
# never from a set not yet scored: a spent set's figures with priors are
# in-sample (bench/README.md gives the measurement that leaves each set out).
for part in test heldout2 heldout3 heldout4 heldout5 heldout6 heldout7 heldout8 heldout9 heldout10 heldout11 heldout12 heldout13 heldout14 heldout15 heldout16 heldout17 heldout18 heldout19 heldout20 heldout21 heldout22 heldout23 heldout24 heldout25 heldout26 heldout27 heldout28 heldout29 heldout30 heldout31 heldout32 heldout33 heldout34 heldout35 heldout36 heldout37 heldout38 heldout39 heldout40 heldout41 heldout42 heldout43 heldout44 heldout45 heldout46; do
  echo "== quality on the held-out set $part (spent sets are development data since 2026-12-04)"
  "$root/bench/run-peers.sh" "$q/$part.tsv" "$out/peers-$part"
  runs=()
  for p in lucene sqlite_fts5 xapian_default; do
    runs+=(--run "$p=$out/peers-$part/$p.run" --times "$p=$out/peers-$part/$p.times")
  done
  "$build/kohtaanto" eval --index "$out/kt-index" --queries "$q/$part.tsv" --qrels "$q/$part.qrels" \
    --types "$q/$part.types" "${runs[@]}" --config umlauts --config full --config -priors \
    --config -suggest | tee "$out/eval-$part.txt"
done

# The trap sets: notes built to tempt a false trigger, each with services that
# must not be in the top 5 (.notin). trap-dev and trap-dev2 (for tuning) are
# scored with every configuration; trap-test and heldout2-18-trap are held
# out like test, scored only to report.
for part in ${KT_BENCH_TRAP_SETS:-trap-dev trap-dev2 trap-test heldout2-trap heldout3-trap heldout4-trap heldout5-trap heldout6-trap heldout7-trap heldout8-trap heldout9-trap heldout10-trap heldout11-trap heldout12-trap heldout13-trap heldout14-trap heldout15-trap heldout16-trap heldout17-trap heldout18-trap heldout19-trap heldout20-trap heldout21-trap heldout22-trap heldout23-trap heldout24-trap heldout25-trap heldout26-trap heldout27-trap heldout28-trap heldout29-trap heldout30-trap heldout31-trap heldout32-trap heldout33-trap heldout34-trap heldout35-trap heldout36-trap heldout37-trap heldout38-trap heldout39-trap heldout40-trap heldout41-trap heldout42-trap heldout43-trap heldout44-trap heldout45-trap heldout46-trap}; do  # KT_BENCH_TRAP_SETS=trap-dev: the held-out one left out
  echo "== trap hits on $part (must-not services in the top 5; lower is better)"
  KT_PEER_SKIP_KOHTAANTO=1 "$root/bench/run-peers.sh" "$q/$part.tsv" "$out/peers-$part" > /dev/null
  runs=()
  for p in lucene sqlite_fts5 xapian_default; do
    runs+=(--run "$p=$out/peers-$part/$p.run" --times "$p=$out/peers-$part/$p.times")
  done
  configs=(--config all)
  case "$part" in trap-dev | trap-dev2) ;; *) configs=(--config umlauts --config full --config -priors) ;; esac
  "$build/kohtaanto" eval --index "$out/kt-index" --queries "$q/$part.tsv" --qrels "$q/$part.qrels" \
    --types "$q/$part.types" --notin "$q/$part.notin" "${runs[@]}" "${configs[@]}" | tee "$out/eval-$part.txt"
done
fi
[ "$quality_only" = 0 ] || exit 0

echo "== latency against catalogue size"
: > "$out/scale.txt"
: > "$out/latency.dat"
one_size() { # CATALOG SIZE
  local cat=$1 n=$2 kp50 kp99 lp50 lp99
  "$build/bench/kt_bench" "$cat" "$out/idx-$n" "$q/dev.tsv" 3 | tee -a "$out/scale.txt" > "$out/kt-$n.txt"
  read -r kp50 kp99 < <(awk '/^warm ranking/ { print $9, $12 }' "$out/kt-$n.txt")
  # A peer that cannot finish at this size (SQLite FTS5 at 100 000 services
  # runs past its time limit) is reported as such; the others still count.
  KT_PEER_CATALOG=$cat KT_PEER_SKIP_KOHTAANTO=1 "$root/bench/run-peers.sh" "$q/dev.tsv" \
    "$out/peers-$n" > /dev/null || true
  for p in lucene xapian_default sqlite_fts5; do
    if [ -s "$out/peers-$n/$p.times" ]; then
      local extra=""
      [ -s "$out/peers-$n/$p.times.build" ] && extra+="  build $(cat "$out/peers-$n/$p.times.build") s"
      [ -s "$out/peers-$n/$p.maxrss" ] && extra+="  peak memory $(( $(tail -n1 "$out/peers-$n/$p.maxrss") / 1024 )) MiB"
      echo "$(printf '%-16s' "$p") $(cat "$out/peers-$n/$p.times")  (mean p50 p99 ms, n)$extra" >> "$out/scale.txt"
    else
      echo "$(printf '%-16s' "$p") did not finish within its time limit" >> "$out/scale.txt"
    fi
  done
  read -r _ lp50 lp99 _ < "$out/peers-$n/lucene.times"
  echo "$n $kp50 $kp99 $lp50 $lp99" >> "$out/latency.dat"
  rm -rf "$out/idx-$n"
}
echo "-- bundled catalogue" >> "$out/scale.txt"
one_size "$root/catalog" "$(ls "$root/catalog/services" | wc -l)"
for n in "${sizes[@]}"; do
  echo "-- synthetic catalogue of $n services" >> "$out/scale.txt"
  "$build/bench/kt_gen_catalog" "$root/catalog" "$out/cat-$n" "$n" 2>/dev/null
  one_size "$out/cat-$n" "$n"
  rm -rf "$out/cat-$n"
done
cat "$out/scale.txt"
[ "$scale_only" = 1 ] || "$root/bench/plot.sh" "$out"
