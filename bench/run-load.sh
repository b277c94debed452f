#!/usr/bin/env bash
# Load benchmark of `kohtaanto serve` on loopback with wrk (Debian's): the
# bundled catalogue, POST /api/search with the 160 need texts of
# bench/queries/dev.tsv in turn (explain on, 10 results, as the page asks),
# at 1, 8 and 64 connections, each for a bounded time. Prints throughput and
# latency percentiles and writes them into bench/README.md between the
# "load:begin" and "load:end" markers (with KT_LOAD_WRITE=0 it only prints).
#
# usage: bench/run-load.sh [SECONDS per run, default 10]
#   KT_BUILD_DIR (default build), KT_LOAD_CONNECTIONS (default "1 8 64"),
#   KT_LOAD_THREADS (server threads, default one per CPU)
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-10}
build=${KT_BUILD_DIR:-build}
conns=${KT_LOAD_CONNECTIONS:-"1 8 64"}
cpus=$(nproc)
threads=${KT_LOAD_THREADS:-$cpus}
case "$seconds" in ''|*[!0-9]*) echo "run-load: SECONDS must be a number" >&2; exit 2;; esac
[ "$seconds" -le 120 ] || { echo "run-load: at most 120 s per run" >&2; exit 2; }

command -v wrk >/dev/null || ./scripts/install-deps.sh
if [ ! -x "$build/kohtaanto" ]; then
  cmake -S . -B "$build" -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
  cmake --build "$build" -j"$cpus" --target kohtaanto_cli
fi

out=bench/out/load
rm -rf "$out"
mkdir -p "$out"
"$build/kohtaanto" index --catalog catalog --index "$out/index" >/dev/null 2>&1

# wrk script: one request body per need text, taken in turn by each wrk thread.
lua=$out/search.lua
{
  echo 'local bodies = {}'
  # JSON-escape each text (backslash, quote), then Lua-quote it with [==[ ]==].
  cut -f2 bench/queries/dev.tsv | sed -e 's/\\/\\\\/g' -e 's/"/\\"/g' |
    while IFS= read -r text; do
      printf 'bodies[#bodies + 1] = [==[{"text": "%s", "limit": 10, "explain": true}]==]\n' "$text"
    done
  cat <<'EOF'
local i = 0
local failed = 0
function setup(thread) thread:set("id", math.random(#bodies)) end
function init(args) i = id or 0 end
function request()
  i = i % #bodies + 1
  return wrk.format("POST", "/api/search", {["Content-Type"] = "application/json"}, bodies[i])
end
EOF
} > "$lua"

server=
cleanup() { if [ -n "$server" ]; then kill "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true; fi; }
trap cleanup EXIT
"$build/kohtaanto" serve --index "$out/index" --port 0 --threads "$threads" --max-connections 256 \
  --max-connections-per-client 256 \
  2>"$out/serve.log" &
server=$!
url=
for _ in $(seq 1 100); do
  url=$(grep -o 'listening on http://[^ ]*' "$out/serve.log" | cut -d' ' -f3 || true)
  [ -n "$url" ] && break
  sleep 0.1
done
[ -n "$url" ] || { echo "run-load: the server did not start" >&2; cat "$out/serve.log" >&2; exit 1; }
# Warm every worker (each opens its engine on its first request).
wrk -t2 -c"$threads" -d2s -s "$lua" "${url%/}" >/dev/null

# Convert wrk's latency ("812.00us", "3.10ms", "1.02s") to milliseconds.
to_ms() {
  awk -v v="$1" 'BEGIN { n = v + 0; if (v ~ /us$/) n /= 1000; else if (v ~ /ms$/) n += 0;
    else if (v ~ /s$/) n *= 1000; printf "%.2f", n }'
}

rows=()
for c in $conns; do
  t=$(( c < cpus ? c : cpus ))
  wrk -t"$t" -c"$c" -d"${seconds}s" --latency -s "$lua" "${url%/}" > "$out/wrk-c$c.txt"
  rps=$(awk '/^Requests\/sec:/ {printf "%.0f", $2}' "$out/wrk-c$c.txt")
  total=$(awk '/requests in/ {print $1}' "$out/wrk-c$c.txt")
  p50=$(to_ms "$(awk '$1 == "50%" {print $2}' "$out/wrk-c$c.txt")")
  p90=$(to_ms "$(awk '$1 == "90%" {print $2}' "$out/wrk-c$c.txt")")
  p99=$(to_ms "$(awk '$1 == "99%" {print $2}' "$out/wrk-c$c.txt")")
  non2xx=$(awk '/Non-2xx/ {print $NF}' "$out/wrk-c$c.txt")
  sockerr=$(grep -o 'Socket errors:.*' "$out/wrk-c$c.txt" || true)
  errors=${non2xx:-0}
  [ -n "$sockerr" ] && errors="$errors ($sockerr)"
  rows+=("| $c | $t | $total | $rps | $p50 | $p90 | $p99 | $errors |")
  echo "connections $c: $rps req/s, p50 $p50 ms, p99 $p99 ms, failed $errors"
done

model=$(awk -F': ' '/^model name/ {print $2; exit}' /proc/cpuinfo)
services=$(grep -o '[0-9]* services' "$out/serve.log" | head -1)
table=$(
  echo "<!-- load:begin (written by bench/run-load.sh; do not edit by hand) -->"
  echo "$(date -u +%Y-%m-%d), $cpus-core ${model:-x86_64} (Debian $(cat /etc/debian_version)), \`kohtaanto serve\` with $threads"
  echo "worker threads and wrk on the same machine over loopback, bundled catalogue ($services),"
  echo "\`POST /api/search\` with the 160 need texts of \`bench/queries/dev.tsv\` in turn (\`limit\` 10,"
  echo "\`explain\` on), ${seconds} s per row after a 2 s warm-up; latency is wrk's, per request:"
  echo
  echo "| connections | wrk threads | requests | requests/s | p50 ms | p90 ms | p99 ms | failed |"
  echo "|---|---|---|---|---|---|---|---|"
  printf '%s\n' "${rows[@]}"
  echo "<!-- load:end -->"
)
echo "$table"

if [ "${KT_LOAD_WRITE:-1}" = 1 ]; then
  readme=bench/README.md
  if grep -q '<!-- load:begin' "$readme"; then
    awk -v table="$table" '
      /<!-- load:begin/ { print table; skip = 1; next }
      /<!-- load:end -->/ { skip = 0; next }
      !skip { print }' "$readme" > "$readme.tmp"
    mv "$readme.tmp" "$readme"
  else
    printf '\n## HTTP server under load (`bench/run-load.sh`)\n\n%s\n' "$table" >> "$readme"
  fi
  echo "run-load: results written to $readme"
fi
