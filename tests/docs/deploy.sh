#!/usr/bin/env bash
# deploy.sh KOHTAANTO_BIN SOURCE_DIR [SANITIZE] — docs/deploy.md is true:
#  - the systemd-analyze exposure figures it quotes are those of the units in
#    dist/systemd/ today, and the units' system call filter allows every call
#    the indexer and the server make (needs systemd-analyze; strace, curl);
#  - its nginx configuration passes `nginx -t` and, run on local ports in
#    front of a live `kohtaanto serve`, does what the page says: HTTPS
#    only, a password for everyone, /healthz for the local monitor without
#    one, /api/feedback/stats only for managers' addresses, and no need
#    text in its access log (needs nginx and openssl).
# Exit 77 (skipped) when neither systemd-analyze nor nginx is installed.
set -euo pipefail
sanitize=${3:-0}
# (No `grep -q` at the end of a pipe: under pipefail the writer's SIGPIPE would fail it.)
bin=$1 src=$2
doc=$src/docs/deploy.md
tmp=$(mktemp -d)
pids=()
# (A process under strace is its child: stop the child too.)
cleanup() {
  for p in "${pids[@]}"; do pkill -TERM -P "$p" 2>/dev/null || true; kill "$p" 2>/dev/null || true; done
  rm -rf "$tmp"
}
trap cleanup EXIT
fail() { echo "FAIL: $*"; exit 1; }
ran=0

if command -v systemd-analyze >/dev/null; then
  ran=1
  for u in kohtaanto.service kohtaanto-index.service; do
    sed -e 's#@KT_ABS_BINDIR@#/usr/bin#g; s#@KT_ABS_DATADIR@#/usr/share#g' \
        "$src/dist/systemd/$u.in" >"$tmp/$u"
    now=$(cd "$tmp" && systemd-analyze security --offline=yes "./$u" 2>&1 | grep 'Overall exposure level')
    echo "$now"
    grep -qF "$now" "$doc" || fail "docs/deploy.md does not quote today's figure: $now"
  done
  # The system call filter of both units lets the real programs work: under
  # strace, the indexer and a server answering every endpoint make only
  # calls in @system-service and none in @privileged or @resources.
  # (Not in sanitizer builds: their runtime makes calls of its own.)
  if [ "$sanitize" = 1 ]; then
    echo "(sanitizer build: the system call filter not checked against the programs)"
  elif command -v strace >/dev/null && command -v curl >/dev/null; then
    expand() {
      systemd-analyze syscall-filter "$1" | awk '/^    /{print $1}' |
        while read -r x; do case $x in @*) expand "$x" ;; *) echo "$x" ;; esac; done
    }
    expand @system-service | sort -u >"$tmp/allowed"
    { expand @privileged; expand @resources; } | sort -u >"$tmp/denied"
    grep -qx 'SystemCallFilter=~@privileged @resources' "$src/dist/systemd/kohtaanto.service.in" ||
      fail "the unit's SystemCallFilter is not the one this test checks"
    export KOHTAANTO_FEEDBACK=$tmp/st-feedback HOME=$tmp
    strace -f -qq -o "$tmp/index.trace" "$bin" index --index "$tmp/st-index" >/dev/null 2>&1
    strace -f -qq -o "$tmp/serve.trace" "$bin" serve --index "$tmp/st-index" \
      --feedback "$tmp/st-feedback" --port 0 --threads 2 2>"$tmp/st-serve.err" &
    spid=$!
    pids+=("$spid")
    for _ in $(seq 100); do grep -q 'listening on' "$tmp/st-serve.err" && break; sleep 0.1; done
    sb=$(sed -n 's#.*listening on \(http://[^/]*\)/.*#\1#p' "$tmp/st-serve.err")
    [ -n "$sb" ] || { cat "$tmp/st-serve.err"; fail "kohtaanto serve under strace did not start"; }
    j=(-s -o /dev/null -H 'Content-Type: application/json')
    curl "${j[@]}" -d '{"text": "velat kasassa", "explain": true}' "$sb/api/search"
    curl "${j[@]}" "$sb/api/search?q=ty%C3%B6kokeilu"
    curl "${j[@]}" "$sb/api/services?category=nuoret"
    curl "${j[@]}" "$sb/api/services/palkkatuki"
    curl "${j[@]}" -d '{"text": "velat", "service": "palkkatuki", "kind": "useful"}' "$sb/api/feedback"
    curl "${j[@]}" "$sb/api/feedback/stats"
    curl "${j[@]}" "$sb/api/version"; curl "${j[@]}" "$sb/healthz"; curl "${j[@]}" "$sb/opas"; curl "${j[@]}" "$sb/"
    "$bin" index --index "$tmp/st-index" >/dev/null 2>&1   # a switch while serving
    sleep 1.5
    curl "${j[@]}" "$sb/healthz"
    # strace waits for its child: stop the server itself, then strace ends.
    pkill -TERM -P "$spid" || true; wait "$spid" 2>/dev/null || true
    for t in index serve; do
      sed -E 's/^[0-9]+ +//' "$tmp/$t.trace" | grep -oE '^[a-z_0-9]+\(' | tr -d '(' | sort -u >"$tmp/$t.calls"
      extra=$(comm -23 "$tmp/$t.calls" "$tmp/allowed" | tr '\n' ' ')
      denied=$(comm -12 "$tmp/$t.calls" "$tmp/denied" | tr '\n' ' ')
      [ -z "$extra$denied" ] || fail "kohtaanto $t calls what the unit's filter refuses: $extra$denied"
      echo "ok   kohtaanto $t: $(wc -l <"$tmp/$t.calls") system calls, all allowed by the units' filter"
    done
  else
    echo "(no strace/curl: the system call filter not checked against the programs)"
  fi
else
  echo "(no systemd-analyze: exposure figures not checked)"
fi

if command -v nginx >/dev/null && command -v openssl >/dev/null && command -v curl >/dev/null; then
  ran=1
  chmod 755 "$tmp"
  port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
  https=$(port) http=$(port)
  # The live server.
  KOHTAANTO_FEEDBACK=$tmp/feedback HOME=$tmp "$bin" index --index "$tmp/index" >/dev/null
  # A server that checks Host and Origin (serve --origin, see hardening) is
  # told the proxy's public origin, as docs/deploy.md says.
  origin=()
  if "$bin" serve --help | grep -- '--origin' >/dev/null; then origin=(--origin "https://localhost:$https"); fi
  "$bin" serve --index "$tmp/index" --feedback "$tmp/feedback" --port 0 --threads 2 "${origin[@]}" \
    2>"$tmp/serve.err" &
  pids+=($!)
  for _ in $(seq 100); do grep -q 'listening on' "$tmp/serve.err" && break; sleep 0.1; done
  kport=$(sed -n 's#.*listening on http://127.0.0.1:\([0-9]*\)/.*#\1#p' "$tmp/serve.err")
  [ -n "$kport" ] || { cat "$tmp/serve.err"; fail "kohtaanto serve did not start"; }
  # The page's configuration, moved to local ports and scratch files.
  openssl req -x509 -newkey rsa:2048 -nodes -days 1 -subj /CN=localhost \
    -keyout "$tmp/privkey.pem" -out "$tmp/fullchain.pem" 2>/dev/null
  printf 'neuvoja:%s\n' "$(openssl passwd -apr1 salasana)" >"$tmp/htpasswd"
  chmod 644 "$tmp/htpasswd"
  awk '/^```nginx$/{f=1; next} /^```$/{f=0} f' "$doc" |
    sed -e "s#listen 443 ssl http2;#listen 127.0.0.1:$https ssl http2;#" \
        -e "s#listen 80;#listen 127.0.0.1:$http;#" -e '/listen \[::\]/d' \
        -e "s#/etc/ssl/kohtaanto/#$tmp/#g" -e "s#/etc/nginx/kohtaanto.htpasswd#$tmp/htpasswd#" \
        -e "s#/var/log/nginx/kohtaanto.access.log#$tmp/access.log#" \
        -e "s#server 127.0.0.1:8080;#server 127.0.0.1:$kport;#" >"$tmp/site.conf"
  grep -q "127.0.0.1:$https" "$tmp/site.conf" || fail "no nginx configuration in docs/deploy.md"
  user=; [ "$(id -u)" = 0 ] && user='user root;'
  cat >"$tmp/nginx.conf" <<CONF
$user
daemon off;
pid $tmp/nginx.pid;
error_log $tmp/error.log;
events {}
http {
  client_body_temp_path $tmp/body; proxy_temp_path $tmp/proxy;
  fastcgi_temp_path $tmp/fcgi; uwsgi_temp_path $tmp/uwsgi; scgi_temp_path $tmp/scgi;
  include $tmp/site.conf;
}
CONF
  nginx -t -p "$tmp" -c "$tmp/nginx.conf" 2>&1 | tail -2
  nginx -p "$tmp" -c "$tmp/nginx.conf" 2>>"$tmp/error.log" &
  pids+=($!)
  base=https://localhost:$https
  c() { curl -sk -o "$tmp/resp" -w '%{http_code}' --resolve "localhost:$https:127.0.0.1" "$@"; }
  for _ in $(seq 50); do [ "$(c "$base/")" != 000 ] && break; sleep 0.1; done
  want() { [ "$1" = "$2" ] || { cat "$tmp/error.log"; fail "$3: HTTP $1, expected $2"; }; echo "ok   $3 -> $1"; }
  want "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$http/")" 301 "plain HTTP redirects"
  want "$(c "$base/")" 401 "no password"
  want "$(c -u neuvoja:väärä "$base/")" 401 "wrong password"
  want "$(c -u neuvoja:salasana "$base/")" 200 "the page"
  want "$(c -u neuvoja:salasana "$base/api/search?q=SALAINEN+velat+kasassa")" 200 "GET search"
  grep -q "\"results\"" "$tmp/resp" || fail "GET search through the proxy gave no results"
  want "$(c -u neuvoja:salasana -H 'Content-Type: application/json' \
          -d '{"text": "SALAINEN ulosotto vie palkan"}' "$base/api/search")" 200 "POST search"
  want "$(c "$base/healthz")" 200 "healthz for the local monitor"
  want "$(c -u neuvoja:salasana "$base/api/feedback/stats")" 403 "stats from a non-manager address"
  want "$(c -u neuvoja:salasana -H 'Content-Type: application/json' --data-binary @<(head -c 600000 /dev/zero | tr '\0' a) \
          "$base/api/search")" 413 "an oversize body stopped by nginx"
  sleep 0.2
  [ -s "$tmp/access.log" ] || fail "nothing in nginx's access log"
  ! grep -q SALAINEN "$tmp/access.log" || fail "a need text reached nginx's access log"
  echo "ok   no need text in the access log ($(wc -l <"$tmp/access.log") lines)"
else
  echo "(no nginx/openssl/curl: the proxy configuration not run)"
fi

[ "$ran" = 1 ] || { echo "skipped: neither systemd-analyze nor nginx"; exit 77; }
echo "deploy: ok"
