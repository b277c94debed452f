#!/usr/bin/env bash
# deb.sh BUILD_DIR SOURCE_DIR [SANITIZE] — builds the Debian packages with
# CPack (kohtaanto, libkohtaanto-dev), checks their control fields and
# contents, installs both into a scratch root with `dpkg --root` (its own
# empty dpkg database; dependencies are those of this machine), and there:
# runs the installed `kohtaanto search` on the installed catalogue, renders
# `man kohtaanto`, builds the README's C example with the installed
# kohtaanto.pc, and checks the systemd units with systemd-analyze. Exit 77
# (skipped) without dpkg-deb or cpack, and in sanitizer builds (packages are
# built from release builds).
set -euo pipefail
# (No `grep -q` at the end of a pipe: under pipefail the writer's SIGPIPE would fail it.)
build=$1 src=$2
if [ "${3:-0}" = 1 ]; then echo "skipped: sanitizer build"; exit 77; fi
for t in dpkg-deb dpkg cpack; do
  command -v $t >/dev/null || { echo "skipped: no $t"; exit 77; }
done
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*"; exit 1; }

(cd "$build" && cpack -G DEB -B "$tmp/pkgs" >"$tmp/cpack.log" 2>&1) || { cat "$tmp/cpack.log"; fail "cpack"; }
ver=$(sed -n 's/^project(kohtaanto VERSION \([0-9.]*\).*/\1/p' "$src/CMakeLists.txt")
arch=$(dpkg --print-architecture)
multiarch=$(dpkg-architecture -qDEB_HOST_MULTIARCH 2>/dev/null || gcc -print-multiarch)
bin=$tmp/pkgs/kohtaanto_${ver}_${arch}.deb
dev=$tmp/pkgs/libkohtaanto-dev_${ver}_${arch}.deb
[ -f "$bin" ] && [ -f "$dev" ] || { ls "$tmp/pkgs"; fail "packages not named as Debian names them"; }

# Control fields: kohtaanto depends on the Debian package of every shared
# library the command and libkohtaanto load, and on voikko-fi (loaded at
# run time); each is a package this machine has installed.
depends=$(dpkg-deb -f "$bin" Depends)
echo "kohtaanto Depends: $depends"
names=$(sed 's/([^)]*)//g; s/[,|]/ /g' <<<"$depends" | tr -s ' ' '\n' | grep -v '^$')
has() { grep -qxF "$1" <<<"$names"; }
# Direct dependencies (NEEDED) of the command and the library, and where
# ld.so finds them.
libs=
for elf in "$build/kohtaanto" "$(readlink -f "$build"/engine/libkohtaanto.so)"; do
  for n in $(readelf -d "$elf" | sed -n 's/.*(NEEDED).*\[\(.*\)\]/\1/p' | grep -v libkohtaanto); do
    libs="$libs $(ldd "$elf" | awk -v n="$n" '$1 == n {print $3}')"
  done
done
want=voikko-fi
for l in $libs; do
  p=$(dpkg -S "$l" 2>/dev/null | head -1 | cut -d: -f1 || true)
  [ -n "$p" ] || p=$(dpkg -S "$(readlink -f "$l")" 2>/dev/null | head -1 | cut -d: -f1 || true)
  [ -n "$p" ] || fail "no Debian package holds $l"
  want="$want $p"
done
for p in $(echo $want | tr ' ' '\n' | sort -u); do
  has "$p" || fail "Depends lacks $p"
done
for p in libxapian30 libicu72 libvoikko1 voikko-fi liblmdb0 libjansson4 libmicrohttpd12 libstemmer0d; do
  if dpkg -s "$p" >/dev/null 2>&1; then
    has "$p" || fail "Depends lacks $p"
  fi
done
for p in $names; do
  dpkg -s "$p" >/dev/null 2>&1 || fail "Depends names $p, which is not an installed Debian package"
done
[ "$(dpkg-deb -f "$dev" Depends)" = "kohtaanto (= $ver)" ] || fail "libkohtaanto-dev Depends: $(dpkg-deb -f "$dev" Depends)"

# Contents: each file in the package it belongs to, none in both.
dpkg-deb -c "$bin" | awk '{print $6}' | sed 's#^\./#/#' >"$tmp/bin.list"
dpkg-deb -c "$dev" | awk '{print $6}' | sed 's#^\./#/#' >"$tmp/dev.list"
for f in /usr/bin/kohtaanto /usr/lib/$multiarch/libkohtaanto.so.0 \
         /usr/share/kohtaanto/catalog/services/palkkatuki.json /usr/share/man/man1/kohtaanto.1.gz \
         /usr/lib/systemd/system/kohtaanto.service /usr/lib/systemd/system/kohtaanto-index.service \
         /usr/lib/systemd/system/kohtaanto-index.path /usr/share/doc/kohtaanto/opas.md \
         /usr/share/doc/kohtaanto/openapi.json; do
  grep -qx "$f" "$tmp/bin.list" || fail "kohtaanto lacks $f"
done
for f in /usr/include/kohtaanto.h /usr/lib/$multiarch/libkohtaanto.so \
         /usr/lib/$multiarch/pkgconfig/kohtaanto.pc /usr/lib/$multiarch/cmake/kohtaanto/kohtaantoConfig.cmake \
         /usr/lib/$multiarch/cmake/kohtaanto/kohtaantoConfigVersion.cmake /usr/share/man/man3/libkohtaanto.3.gz; do
  grep -qx "$f" "$tmp/dev.list" || fail "libkohtaanto-dev lacks $f"
done
both=$(comm -12 <(grep -v '/$' "$tmp/bin.list" | sort) <(grep -v '/$' "$tmp/dev.list" | sort))
[ -z "$both" ] || fail "in both packages: $both"

# Install into a scratch root with dpkg itself.
root=$tmp/root
mkdir -p "$root/var/lib/dpkg/info" "$root/var/lib/dpkg/updates"
touch "$root/var/lib/dpkg/status"
# Maintainer scripts run without chroot and see DPKG_ROOT, so they leave
# this machine alone. --path-include undoes a container's path-exclude of
# man pages and docs (Debian's slim images have one).
dpkg --root="$root" --force-depends --force-script-chrootless --force-not-root \
     --path-include='/usr/share/man/*' --path-include='/usr/share/doc/*' \
     --log=/dev/null -i "$bin" "$dev" >"$tmp/dpkg.log" 2>&1 ||
  { cat "$tmp/dpkg.log"; fail "dpkg --root -i"; }
dpkg --root="$root" -s kohtaanto | grep '^Status: install ok installed' >/dev/null || fail "kohtaanto not installed"
dpkg --root="$root" -s libkohtaanto-dev | grep '^Status: install ok installed' >/dev/null || fail "libkohtaanto-dev not installed"
dpkg-deb -I "$bin" triggers | grep -x 'activate-noawait ldconfig' >/dev/null || fail "no ldconfig trigger"

# The installed command, on its installed catalogue.
export LD_LIBRARY_PATH=$root/usr/lib/$multiarch
export KOHTAANTO_INDEX=$tmp/index KOHTAANTO_FEEDBACK=$tmp/feedback HOME=$tmp/home
unset KOHTAANTO_CATALOG
out=$("$root/usr/bin/kohtaanto" search -n 3 "velat kasassa, ulosotto vie palkan" 2>"$tmp/search.err") ||
  { cat "$tmp/search.err"; fail "installed kohtaanto search"; }
echo "$out"
grep -q "from the catalogue $root/usr/share/kohtaanto/catalog" "$tmp/search.err" ||
  { cat "$tmp/search.err"; fail "the index was not built from the installed catalogue"; }
grep -q '^ 3\. .*\[[a-z0-9-]*\]' <<<"$out" || fail "fewer than 3 results"
grep -q '^Tarpeet: .*velat ja talousvaikeudet' <<<"$out" || fail "the need was not found"
"$root/usr/bin/kohtaanto" version | grep "kohtaanto $ver" >/dev/null || fail "kohtaanto version"

# man kohtaanto renders from the installed pages.
MANWIDTH=80 man -M "$root/usr/share/man" kohtaanto 2>&1 | grep '^NAME' >/dev/null || fail "man kohtaanto"
MANWIDTH=80 man -M "$root/usr/share/man" 3 libkohtaanto 2>&1 | grep '^NAME' >/dev/null || fail "man 3 libkohtaanto"

# The installed kohtaanto.pc (prefix /usr), used through the scratch root.
awk '/^```c$/{f=1; next} /^```$/{f=0} f' "$src/README.md" >"$tmp/demo.c"
grep -qx 'prefix=/usr' "$root/usr/lib/$multiarch/pkgconfig/kohtaanto.pc" || fail "kohtaanto.pc prefix"
flags=$(PKG_CONFIG_SYSROOT_DIR=$root PKG_CONFIG_LIBDIR=$root/usr/lib/$multiarch/pkgconfig \
        pkg-config --cflags --libs kohtaanto)
cc -std=c11 -Wall -Wextra -Werror -o "$tmp/demo" "$tmp/demo.c" $flags
"$tmp/demo" "$tmp/index" | grep '^1\. ' >/dev/null || fail "README example against the package"

# The systemd units: valid, and hardened (exposure below 2.0 of 10).
if command -v systemd-analyze >/dev/null; then
  # The units they refer to (sysinit.target, network.target, ...) come from
  # this machine's systemd; the package's own are not overwritten.
  for d in /lib/systemd/system /usr/lib/systemd/system; do
    [ -d "$d" ] && cp -rn "$d/." "$root/usr/lib/systemd/system/" 2>/dev/null || true
  done
  for u in kohtaanto.service kohtaanto-index.service kohtaanto-index.path; do
    systemd-analyze verify --root="$root" --man=no "/usr/lib/systemd/system/$u" >"$tmp/verify.log" 2>&1 ||
      { cat "$tmp/verify.log"; fail "systemd-analyze verify $u"; }
  done
  for u in kohtaanto.service kohtaanto-index.service; do
    systemd-analyze security --offline=yes --root="$root" --threshold=20 "$u" >"$tmp/sec.log" 2>&1 ||
      { cat "$tmp/sec.log"; fail "systemd-analyze security $u"; }
    tail -1 "$tmp/sec.log"
  done
else
  echo "(no systemd-analyze: units not checked)"
fi
echo "deb: ok ($(basename "$bin"), $(basename "$dev"))"
