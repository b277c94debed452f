#!/usr/bin/env bash
# Installs the Debian packages Kohtaanto needs to build, test and run.
# Only Debian's archive is used; nothing is downloaded from anywhere else.
# Packages already present are left alone, so a second run is fast.
set -euo pipefail

PKGS=(
  build-essential cmake pkg-config
  libxapian-dev xapian-tools
  libicu-dev
  libstemmer-dev
  liblmdb-dev lmdb-utils
  libssl-dev
  libcriterion-dev
  libvoikko-dev voikko-fi
  libjansson-dev
  libmicrohttpd-dev
  valgrind
  cppcheck clang-format
  man-db groff-base python3
  clang libclang-rt-14-dev
  chromium wrk
)
# The browser test drives Chromium with playwright-core from npm. Node from
# Debian (or one already installed, e.g. with its own npm) is fine.
command -v node >/dev/null || PKGS+=(nodejs)
command -v npm >/dev/null || PKGS+=(npm)
if [ "${KT_WITH_BENCH:-0}" = 1 ]; then
  PKGS+=(liblucene8-java default-jdk-headless python3 python3-xapian gnuplot-nox time)
fi

missing=()
for p in "${PKGS[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed'; then
    missing+=("$p")
  fi
done
if [ "${#missing[@]}" -eq 0 ]; then
  echo "install-deps: all ${#PKGS[@]} packages present"
  exit 0
fi
SUDO=
if [ "$(id -u)" -ne 0 ]; then SUDO=sudo; fi
echo "install-deps: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
