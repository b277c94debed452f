#!/usr/bin/env bash
# Runs the peer search baselines (Lucene 8, SQLite FTS5, Xapian defaults) and,
# when it has been built, Kohtaanto itself over one query file, leaving a
# TREC run per engine for `kohtaanto eval` to score.
#
# usage: bench/run-peers.sh [QUERIES] [OUTDIR]
#   QUERIES  qid<TAB>text lines (default bench/queries/dev.tsv; when that file
#            does not exist, bench/queries/dev-*.tsv concatenated)
#   OUTDIR   where runs go (default bench/out/peers):
#              <name>.run    TREC run, top 10 ("qid Q0 docid rank score tag")
#              <name>.times  "mean_ms p50_ms p99_ms n", in-process per query
#                            after a warm-up pass (peers only)
#              <name>.log    stderr of a step, kept only when it failed
#   names: lucene, sqlite_fts5, xapian_default, kohtaanto
# KT_PEER_CATALOG=DIR runs them over another catalogue (e.g. a synthetic one);
# KT_PEER_SKIP_KOHTAANTO=1 leaves out Kohtaanto's own run (run-bench.sh times
# it in process with kt_bench instead).
#
# Missing Debian packages are installed with apt-get.  Everything is bounded
# by timeouts (KT_PEER_TIMEOUT seconds per step, default 300).  Each peer
# makes KT_PEER_WARMUP untimed passes over the queries (default 1) before
# the timed one; the JVM needs several to reach steady state.  On success it
# prints one line per engine.  Configurations: bench/peers/README.md.
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
K=10
PY=/usr/bin/python3                       # Debian's python3, not a pyenv one
STEP_TIMEOUT=${KT_PEER_TIMEOUT:-300}
WARMUP=${KT_PEER_WARMUP:-1}
PEERS="$ROOT/bench/peers"

die() { echo "run-peers: $*" >&2; exit 1; }
abspath() { case "$1" in /*) printf '%s\n' "$1" ;; *) printf '%s/%s\n' "$PWD" "$1" ;; esac; }

# ---- arguments (relative paths are relative to the caller's directory) ----
OUTDIR=$(abspath "${2:-$ROOT/bench/out/peers}")
mkdir -p "$OUTDIR"
if [ $# -ge 1 ]; then
  QUERIES=$(abspath "$1")
  [ -f "$QUERIES" ] || die "no query file $1"
elif [ -f "$ROOT/bench/queries/dev.tsv" ]; then
  QUERIES=$ROOT/bench/queries/dev.tsv
else
  shopt -s nullglob
  parts=("$ROOT"/bench/queries/dev-*.tsv)
  shopt -u nullglob
  [ ${#parts[@]} -gt 0 ] || die "no bench/queries/dev.tsv and no dev-*.tsv to fall back on"
  QUERIES=$OUTDIR/queries.tsv
  cat "${parts[@]}" > "$QUERIES"
  echo "queries: bench/queries/dev.tsv missing; using ${parts[*]##*/} -> $QUERIES"
fi
nq=$(grep -c $'\t' "$QUERIES" || true)
[ "$nq" -gt 0 ] || die "$QUERIES holds no qid<TAB>text lines"

# ---- Debian packages ----
need=(liblucene8-java default-jdk-headless python3 python3-xapian)
missing=()
for p in "${need[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  SUDO=; [ "$(id -u)" -eq 0 ] || SUDO=sudo
  echo "packages: installing ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  { timeout 600 $SUDO apt-get update -qq &&
    timeout 900 $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"; } \
    > "$OUTDIR/apt.log" 2>&1 || { cat "$OUTDIR/apt.log" >&2; die "apt-get failed"; }
  rm -f "$OUTDIR/apt.log"
fi

# Runs a step quietly: stderr goes to OUTDIR/<name>.log, shown and kept if it fails.
quiet() {
  local name=$1 rc=0; shift
  timeout "$STEP_TIMEOUT" "$@" 2> "$OUTDIR/$name.log" || rc=$?
  if [ "$rc" -eq 0 ]; then
    rm -f "$OUTDIR/$name.log"
    return 0
  fi
  local why="exit $rc"
  [ "$rc" -ne 124 ] || why="timed out after ${STEP_TIMEOUT}s"
  echo "$name: FAILED ($why)" >&2
  tail -n 20 "$OUTDIR/$name.log" >&2
  return 1
}

# ---- flattened catalogue ----
CAT=$OUTDIR/catalog.jsonl
quiet export "$PY" "$PEERS/export_catalog.py" "${KT_PEER_CATALOG:-$ROOT/catalog}" "$CAT" || exit 1

# ---- Lucene classpath and compile ----
jar() {  # newest Lucene 8 jar of one module, under either Debian naming
  local f
  for f in /usr/share/java/lucene-"$1"-8*.jar /usr/share/java/lucene8-"$1".jar; do
    if [ -f "$f" ]; then printf '%s\n' "$f"; fi
  done | sort -V | tail -n 1
}
CP=
for m in core analyzers-common queryparser; do
  j=$(jar "$m"); [ -n "$j" ] || die "no Lucene 8 $m jar in /usr/share/java"
  CP=$CP${CP:+:}$j
done
LBUILD=$PEERS/lucene/build
if [ ! -f "$LBUILD/KtLucene.class" ] || [ "$PEERS/lucene/KtLucene.java" -nt "$LBUILD/KtLucene.class" ]; then
  mkdir -p "$LBUILD"
  quiet javac javac -nowarn -encoding UTF-8 -d "$LBUILD" -cp "$CP" "$PEERS/lucene/KtLucene.java" || exit 1
fi

# Checks a run's shape: 6 fields, Q0, ranks 1.. within K, scores strictly falling.
check_run() {
  awk -v K="$K" '
    NF != 6 || $2 != "Q0" { print FILENAME ":" NR ": not a TREC line"; bad = 1; exit }
    $1 != q { q = $1; r = 0; prev = "" }
    { r++
      if ($4 != r || r > K) { print FILENAME ":" NR ": bad rank"; bad = 1; exit }
      if (prev != "" && $5 + 0 >= prev + 0) { print FILENAME ":" NR ": score not decreasing"; bad = 1; exit }
      prev = $5 }
    END { exit bad }' "$1" >&2
}

# One-line summary of a finished run.
summary() {
  local name=$1 run=$OUTDIR/$1.run extra=$2
  local answered
  answered=$(awk '{print $1}' "$run" | sort -u | wc -l)
  printf '%-15s %d/%d queries answered, %s -> %s\n' "$name:" "$answered" "$nq" "$extra" "$run"
}

status=0
run_peer() {
  local name=$1; shift
  local run=$OUTDIR/$name.run times=$OUTDIR/$name.times
  # Peak memory of the whole peer process (build + queries), as kt_bench
  # reports Kohtaanto's: GNU time's maximum resident set size, in KiB.
  if quiet "$name" /usr/bin/time -f %M -o "$OUTDIR/$name.maxrss" "$@" --catalog "$CAT" --queries "$QUERIES" -k "$K" --tag "$name" --times "$times" --warmup "$WARMUP" \
       > "$run.tmp" && check_run "$run.tmp"; then
    mv "$run.tmp" "$run"
    local mean p50 p99 n
    read -r mean p50 p99 n < "$times"
    summary "$name" "per query mean $mean ms, p50 $p50 ms, p99 $p99 ms (n=$n)"
  else
    rm -f "$run.tmp"; status=1
  fi
}

run_peer lucene java -cp "$LBUILD:$CP" KtLucene --mode most_fields
run_peer sqlite_fts5 "$PY" "$PEERS/sqlite_fts5.py"
run_peer xapian_default "$PY" "$PEERS/xapian_default.py"

# ---- Kohtaanto itself, on a fresh index of the same catalogue ----
KT=$ROOT/build/kohtaanto
if [ -x "$KT" ] && [ "${KT_PEER_SKIP_KOHTAANTO:-0}" != 1 ]; then
  IDX=$OUTDIR/kohtaanto-index
  rm -rf "$IDX"
  if quiet kohtaanto-index "$KT" index --catalog "${KT_PEER_CATALOG:-$ROOT/catalog}" --index "$IDX" > /dev/null; then
    t0=$(date +%s%N)
    if quiet kohtaanto "$KT" search --index "$IDX" --queries "$QUERIES" --format trec -n "$K" \
         > "$OUTDIR/kohtaanto.run.tmp" && check_run "$OUTDIR/kohtaanto.run.tmp"; then
      mv "$OUTDIR/kohtaanto.run.tmp" "$OUTDIR/kohtaanto.run"
      ms=$(( ($(date +%s%N) - t0) / 1000000 ))
      summary kohtaanto "whole process ${ms} ms wall (no in-process times)"
    else
      rm -f "$OUTDIR/kohtaanto.run.tmp"; status=1
    fi
  else
    status=1
  fi
fi
exit $status
