#!/usr/bin/env bash
# install.sh BUILD_DIR SOURCE_DIR [SANITIZE] — installs the build into a scratch prefix
# (cmake --install --prefix) and builds the README's C example against the
# installed library both ways, with pkg-config and with find_package
# (tests/install/consumer), then runs both against an index the installed
# `kohtaanto` builds from its installed catalogue. Checks that kohtaanto.pc
# and the CMake package point where the files are (the multiarch libdir).
set -euo pipefail
# (No `grep -q` at the end of a pipe: under pipefail the writer's SIGPIPE would fail it.)
build=$1 src=$2
# A sanitizer build's library needs its programs built with the runtime.
san=()
if [ "${3:-0}" = 1 ]; then san=(-fsanitize=address,undefined); fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
prefix=$tmp/prefix
cmake --install "$build" --prefix "$prefix" >"$tmp/install.log"

pc=$(find "$prefix" -name kohtaanto.pc)
[ -n "$pc" ] || { echo "no kohtaanto.pc installed"; exit 1; }
export PKG_CONFIG_PATH=$(dirname "$pc")
libdir=$(pkg-config --variable=libdir kohtaanto)
incdir=$(pkg-config --variable=includedir kohtaanto)
[ -e "$libdir/libkohtaanto.so" ] || { echo "pc libdir $libdir has no libkohtaanto.so"; exit 1; }
[ -e "$incdir/kohtaanto.h" ] || { echo "pc includedir $incdir has no kohtaanto.h"; exit 1; }
[ "$(pkg-config --modversion kohtaanto)" = "$(sed -n 's/^project(kohtaanto VERSION \([0-9.]*\).*/\1/p' "$src/CMakeLists.txt")" ]
if [ -n "$(gcc -print-multiarch 2>/dev/null)" ]; then
  case $libdir in */lib/$(gcc -print-multiarch)) ;; *) echo "libdir $libdir is not multiarch"; exit 1 ;; esac
fi

# The README's C example, as written there.
awk '/^```c$/{f=1; next} /^```$/{f=0} f' "$src/README.md" >"$tmp/demo.c"
grep -q kt_search "$tmp/demo.c" || { echo "no C example in README.md"; exit 1; }

# pkg-config
cc -std=c11 -Wall -Wextra -Werror "${san[@]}" -o "$tmp/demo-pc" "$tmp/demo.c" $(pkg-config --cflags --libs kohtaanto)
# find_package
cmake -S "$src/tests/install/consumer" -B "$tmp/consumer" -DCMAKE_PREFIX_PATH="$prefix" \
  -DDEMO_SOURCE="$tmp/demo.c" -DCMAKE_C_FLAGS="${san[*]}" >"$tmp/consumer.log" || { cat "$tmp/consumer.log"; exit 1; }
cmake --build "$tmp/consumer" >>"$tmp/consumer.log" || { cat "$tmp/consumer.log"; exit 1; }

# The installed command builds an index from the installed catalogue; both
# programs search it (the library found through the run-time path only).
export LD_LIBRARY_PATH=$libdir
"$prefix/bin/kohtaanto" index --index "$tmp/index" >/dev/null
for demo in "$tmp/demo-pc" "$tmp/consumer/demo"; do
  out=$("$demo" "$tmp/index")
  echo "$out" | sed -n 1,3p # sed reads it all: head could end the pipe early (SIGPIPE)
  echo "$out" | grep '^1\. ' >/dev/null || { echo "$demo found nothing"; exit 1; }
done
echo "install: ok"
