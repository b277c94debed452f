#!/bin/sh
# cppcheck.sh [SOURCE_DIR] — static analysis of the library (engine/ and
# indexer/, the Xapian shim included) with Debian's cppcheck. Zero findings
# is the bar: a real finding is fixed, a false positive is suppressed inline
# (`// cppcheck-suppress <id> ; <why>` on the line before) with its reason.
# Exit 0 clean, 1 findings, 77 when cppcheck is not installed (ctest skips).
set -eu
src=${1:-$(dirname "$0")/..}
if ! command -v cppcheck >/dev/null 2>&1; then
  echo "cppcheck.sh: cppcheck is not installed (Debian package cppcheck;" \
       "scripts/install-deps.sh installs it): static analysis skipped"
  exit 77
fi
cd "$src"
common="--enable=warning,portability,performance --inline-suppr --quiet --error-exitcode=1
  --suppress=missingIncludeSystem -Iinclude -Iengine -Iindexer
  --template=gcc"
status=0
# shellcheck disable=SC2086 # word splitting of $common is wanted
cppcheck $common --std=c11 engine/*.c indexer/*.c || status=1
# shellcheck disable=SC2086
cppcheck $common --std=c++17 engine/xapian_shim.cc || status=1
if [ "$status" -eq 0 ]; then echo "cppcheck.sh: no findings"; fi
exit "$status"
