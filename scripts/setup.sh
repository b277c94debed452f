#!/usr/bin/env bash
# One command on a fresh Debian 12 machine: install the Debian packages,
# build Kohtaanto, index the bundled catalogue and run a sample search.
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/install-deps.sh
cmake -S . -B build -DCMAKE_BUILD_TYPE=RelWithDebInfo
cmake --build build -j"$(nproc)"
./build/kohtaanto index
./build/kohtaanto search --explain "24v, keskeytti ammattikoulun, velkoja, haluaisi kokeilla töitä ravintola-alalla"
