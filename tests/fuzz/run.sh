#!/usr/bin/env bash
# Builds the libFuzzer targets with clang (-fsanitize=fuzzer,address,undefined,
# KT_FUZZ=ON) in their own build folder and runs each for SECONDS (default
# 30). Each target starts from its seed corpus (tests/fuzz/corpus/<target>)
# and the inputs that once crashed it (tests/fuzz/regressions/<target>); what
# it learns is kept in <build>/corpus/<target> for the next run. A crash or a
# broken invariant stops the script with the input saved under
# <build>/artifacts/ (see docs/hardening.md for turning it into a test).
#
#   tests/fuzz/run.sh [SECONDS]
#   KT_FUZZ_TARGETS="search analyze" KT_FUZZ_BUILD=/tmp/fz KT_JOBS=2 tests/fuzz/run.sh 3600
set -euo pipefail
secs=${1:-30}
root=$(cd "$(dirname "$0")/../.." && pwd)
build=${KT_FUZZ_BUILD:-$root/build-fuzz}
read -r -a targets <<< "${KT_FUZZ_TARGETS:-catalog analyze search thesaurus http}"
jobs=${KT_JOBS:-$(nproc)}

command -v clang >/dev/null || { echo "fuzz: clang is missing (scripts/install-deps.sh installs it)"; exit 1; }
CC=clang CXX=clang++ cmake -S "$root" -B "$build" -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DKT_FUZZ=ON -DKT_BUILD_TESTS=OFF -DKT_BUILD_BENCH=OFF > "$build.cmake.log" 2>&1 ||
  { cat "$build.cmake.log"; exit 1; }
cmake --build "$build" -j"$jobs" --target "${targets[@]/#/fuzz_}"

mkdir -p "$build/artifacts"
# new_delete_type_mismatch=0: libxapian 1.4's own Database::check() (run on a
# generation before it is trusted) trips it inside libxapian; see xapian_shim.cc.
export ASAN_OPTIONS=${ASAN_OPTIONS:-abort_on_error=1:detect_leaks=1:new_delete_type_mismatch=0}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}
status=0
for t in "${targets[@]}"; do
  work="$build/corpus/$t"
  mkdir -p "$work"
  dict=() seeds=("$root/tests/fuzz/corpus/$t")
  [ -f "$root/tests/fuzz/$t.dict" ] && dict=(-dict="$root/tests/fuzz/$t.dict")
  [ -d "$root/tests/fuzz/regressions/$t" ] && seeds+=("$root/tests/fuzz/regressions/$t")
  echo "== fuzz_$t for ${secs}s"
  if ! "$build/tests/fuzz/fuzz_$t" -max_total_time="$secs" -timeout=30 -rss_limit_mb=4096 \
        -max_len=70000 -print_final_stats=1 -artifact_prefix="$build/artifacts/$t-" "${dict[@]}" \
        "$work" "${seeds[@]}" \
        > "$build/fuzz_$t.log" 2>&1; then
    tail -60 "$build/fuzz_$t.log"
    echo "fuzz: fuzz_$t failed; the input is in $build/artifacts/ (docs/hardening.md)"
    status=1
  else
    grep -E "^stat::number_of_executed_units|^stat::new_units_added|^stat::peak_rss_mb" \
      "$build/fuzz_$t.log" | sed "s/^/  /"
  fi
done
exit $status
