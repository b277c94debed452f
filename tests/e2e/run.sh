#!/usr/bin/env bash
# End-to-end test of the search page: installs playwright-core and axe-core
# (npm ci, from package-lock.json), indexes the bundled catalogue into a temporary folder,
# starts `kohtaanto serve` on a free loopback port and drives Debian's
# headless Chromium through page.test.mjs. Screenshots go to ARTIFACT_DIR.
# usage: run.sh KOHTAANTO_BIN CATALOG_DIR ARTIFACT_DIR
set -euo pipefail
bin=$(realpath "$1") catalog=$(realpath "$2") artifacts=$(realpath -m "$3")
here=$(cd "$(dirname "$0")" && pwd)
chromium=${CHROMIUM:-/usr/bin/chromium}
[ -x "$chromium" ] || { echo "e2e: $chromium not found (apt-get install chromium)" >&2; exit 1; }
command -v npm >/dev/null || { echo "e2e: npm not found (apt-get install npm)" >&2; exit 1; }

cd "$here"
# Reinstall only when the lock file changed since the last install.
stamp=node_modules/.kt-lock-sha
want=$(sha256sum package-lock.json | cut -d' ' -f1)
if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$want" ]; then
  npm ci --no-audit --no-fund --loglevel=error
  echo "$want" > "$stamp"
fi

work=$(mktemp -d)
server=
cleanup() {
  if [ -n "$server" ]; then kill "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT
"$bin" index --catalog "$catalog" --index "$work/index" >/dev/null
# Feedback needs a bearer token, as on a shared server: the page asks for it.
token=e2e-$(head -c 12 /dev/urandom | od -An -tx1 | tr -d ' \n')
echo "$token" > "$work/tokens"
"$bin" serve --index "$work/index" --feedback "$work/feedback" --token-file "$work/tokens" \
  --port 0 --threads 2 2>"$work/serve.log" &
server=$!
url=
for _ in $(seq 1 100); do
  url=$(grep -o 'listening on http://[^ ]*' "$work/serve.log" | cut -d' ' -f3 || true)
  [ -n "$url" ] && break
  kill -0 "$server" 2>/dev/null || { cat "$work/serve.log" >&2; exit 1; }
  sleep 0.1
done
[ -n "$url" ] || { echo "e2e: server did not start" >&2; cat "$work/serve.log" >&2; exit 1; }
mkdir -p "$artifacts"
KT_TOKEN=$token KT_BASE_URL=$url KT_ARTIFACT_DIR=$artifacts CHROMIUM=$chromium node --test --test-reporter=spec page.test.mjs
