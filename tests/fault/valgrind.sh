#!/usr/bin/env bash
# valgrind on the CLI round trip: `kohtaanto index`, `search` (text and
# --json --explain, need on stdin) and `show`, each under memcheck. Fails on
# any memory error or definite/indirect leak; exits 77 (ctest: skipped) when
# valgrind is missing or the binary is a sanitizer build, which valgrind
# cannot run.  Usage: valgrind.sh KOHTAANTO_BIN CATALOG_DIR SANITIZED(0|1)
set -euo pipefail
bin=$1 catalog=$2 sanitized=${3:-0}
if [ "$sanitized" = 1 ]; then
  echo "valgrind: skipped: this is a sanitizer build (valgrind cannot run ASan binaries)"
  exit 77
fi
if ! command -v valgrind >/dev/null; then
  echo "valgrind: skipped: valgrind is not installed (scripts/install-deps.sh installs it)"
  exit 77
fi
work=$(mktemp -d /tmp/kt-valgrind-XXXXXX)
trap 'rm -rf "$work"' EXIT
supp=$(dirname "$0")/valgrind.supp
vg=(valgrind --quiet --error-exitcode=99 --leak-check=full --show-leak-kinds=definite,indirect
    --errors-for-leak-kinds=definite,indirect --track-origins=yes --suppressions="$supp"
    --log-file="$work/vg.%p.log")
run() {
  local name=$1; shift
  echo "== $name"
  if ! "${vg[@]}" "$@"; then
    echo "valgrind: $name failed"; cat "$work"/vg.*.log; exit 1
  fi
  if grep -q "ERROR SUMMARY: [1-9]\|definitely lost: [1-9]\|indirectly lost: [1-9]" "$work"/vg.*.log 2>/dev/null; then
    echo "valgrind: $name reported problems"; cat "$work"/vg.*.log; exit 1
  fi
  rm -f "$work"/vg.*.log
}
export HOME=$work XDG_DATA_HOME= KOHTAANTO_INDEX= KOHTAANTO_CATALOG=
run index "$bin" index --catalog "$catalog" --index "$work/idx"
run search "$bin" search --index "$work/idx" -n 5 --explain "velat ja ulosotto, nuori haluaisi tyokokeiluun" > /dev/null
echo "palkkatuki työkokeilu" > "$work/need"
run "search --json (stdin)" "$bin" search --index "$work/idx" --json --explain < "$work/need" > /dev/null
run show "$bin" show --index "$work/idx" palkkatuki > /dev/null
run "search (bad UTF-8)" bash -c "! \"\$0\" search --index \"\$1\" \$'ty\\xff' 2>/dev/null" "$bin" "$work/idx"
echo "valgrind: clean (index, search, search --json, show)"
