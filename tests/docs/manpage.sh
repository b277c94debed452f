#!/usr/bin/env bash
# manpage.sh KOHTAANTO_BIN MAN_DIR HEADER — the manual pages are complete and
# render: every option each subcommand's --help prints is described in that
# subcommand's section of kohtaanto(1), every subcommand `kohtaanto --help`
# lists has a section, every function include/kohtaanto.h declares is named
# in libkohtaanto(3), and `man -l` renders both without a warning.
set -euo pipefail
bin=$1 mandir=$2 header=$3
fail=0
page1=$mandir/kohtaanto.1
page3=$mandir/libkohtaanto.3

# The page's text with roff escapes for '-' and fonts undone.
plain() { sed -e 's/\\-/-/g' -e 's/\\f[BIRP]//g' -e 's/\\(en/-/g' "$1"; }
# The section `.SS "kohtaanto CMD ..."` up to the next section.
section() {
  plain "$page1" | awk -v cmd="$1" '
    /^\.S[SH] / { on = ($0 ~ "^\\.SS \"kohtaanto " cmd "[ \"]") }
    on'
}

cmds=$("$bin" --help | awk '/^commands:/{f=1; next} f && /^  [a-z]/{print $1} f && /^$/{f=0}')
[ -n "$cmds" ] || { echo "no commands in kohtaanto --help"; exit 1; }
for cmd in $cmds; do
  text=$(section "$cmd")
  if [ -z "$text" ]; then
    echo "kohtaanto.1: no section for 'kohtaanto $cmd'"
    fail=1
    continue
  fi
  [ "$cmd" = version ] && continue
  help=$("$bin" "$cmd" --help) || { echo "kohtaanto $cmd --help failed"; fail=1; continue; }
  opts=$(echo "$help" | grep -oE '(^|[][ ,|(])(--[a-z][a-z0-9-]*|-[a-zA-Z])([^a-zA-Z0-9-]|$)' |
         grep -oE -- '--?[a-zA-Z][a-z0-9-]*' | sort -u || true)
  for o in $opts; do
    [ "$o" = --help ] && continue
    if ! grep -qE -- "(^|[^a-z0-9-])$o([^a-z0-9-]|$)" <<<"$text"; then
      echo "kohtaanto.1: 'kohtaanto $cmd' section does not describe $o (from its --help)"
      fail=1
    fi
  done
  echo "kohtaanto $cmd: $(echo $opts | wc -w) options documented"
done

# Every public function of the header is named in libkohtaanto(3).
for f in $(grep -oE '^[a-z][a-z_ ]*[ *]kt_[a-z_]+\(' "$header" | grep -oE 'kt_[a-z_]+' | sort -u); do
  grep -q "\\b$f\\b" "$page3" || { echo "libkohtaanto.3: $f is not named"; fail=1; }
done

# Both render, without warnings from groff.
for p in "$page1" "$page3"; do
  err=$(groff -man -ww -z -K utf8 "$p" 2>&1)
  [ -z "$err" ] || { echo "$p: groff warnings:"; echo "$err"; fail=1; }
  out=$(MANWIDTH=80 LC_ALL=C.UTF-8 man -l "$p.gz" 2>&1) || { echo "man -l $p.gz failed"; fail=1; }
  grep -q '^NAME' <<<"$out" || { echo "man -l $p.gz rendered no NAME section"; fail=1; }
done
[ "$fail" = 0 ] && echo "manpage: ok"
exit "$fail"
