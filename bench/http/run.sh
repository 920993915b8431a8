#!/usr/bin/env bash
# Load test of `jianzheng serve` (issue 13; docs/performance.md, "HTTP service"). Not part of
# CI. Side by side in one run, with wrk at 64 connections:
#   jianzheng  POST /v1/decide, by item id and by free text, without and with the decision log;
#   nginx      the same decision bytes as a static file, under the same load (the ceiling of
#              HTTP on this machine); nginx answers a static file to GET only (a POST to it is
#              405), so its requests are GETs of the same path;
#   Node/ZEN   Node's http server, one worker per core, deciding the same kind of request with
#              @gorules/zen-engine over an equivalent decision table (make_jdm.py).
# The yardsticks are the bench's own: wrk and nginx from Debian, zen-engine from npm into a
# temporary directory that is removed afterwards. Nothing here is a project dependency.
#
# usage: bash bench/http/run.sh            (DURATION=15 CONNECTIONS=64 JIANZHENG=path/to/jianzheng)
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
here="$root/bench/http"
duration=${DURATION:-15}
connections=${CONNECTIONS:-64}
wrk_threads=${WRK_THREADS:-2}
jz=${JIANZHENG:-$root/build-release/bin/jianzheng}
zen_version=${ZEN_VERSION:-0.54.0}
port_jz=18180 port_jz_log=18181 port_nginx=18182 port_zen=18183

# --- yardsticks --------------------------------------------------------------------------
missing=()
command -v wrk >/dev/null || missing+=(wrk)
command -v nginx >/dev/null || [ -x /usr/sbin/nginx ] || missing+=(nginx-light)
command -v node >/dev/null || missing+=(nodejs)
command -v npm >/dev/null || missing+=(npm)
if ((${#missing[@]})); then
  sudo_cmd=(); [ "$(id -u)" -ne 0 ] && sudo_cmd=(sudo)
  "${sudo_cmd[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
nginx_bin=$(command -v nginx || echo /usr/sbin/nginx)

work=$(mktemp -d)
pids=()
cleanup() {
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done  # Node's workers leave with their primary
  [ -f "$work/nginx.pid" ] && kill "$(cat "$work/nginx.pid")" 2>/dev/null || true
  wait 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

echo "== installing @gorules/zen-engine@$zen_version into $work (npm)" >&2
(cd "$work" && npm install --no-audit --no-fund --silent "@gorules/zen-engine@$zen_version" >/dev/null)

if [ ! -x "$jz" ]; then
  echo "== building jianzheng (release preset)" >&2
  (cd "$root" && cmake --preset release >/dev/null && cmake --build --preset release --target jianzheng_cli -j2 >/dev/null)
fi

# --- the servers ---------------------------------------------------------------------------
request_item='{"item": "marital-status", "purpose": "银行贷款", "date": "2021-09-30"}'
request_text='{"text": "开个单身证明", "purpose": "银行贷款", "date": "2021-09-30"}'

for port in $port_jz $port_jz_log $port_nginx $port_zen; do
  if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then echo "port $port is in use" >&2; exit 1; fi
done
wait_port() {  # port: wait until it answers, at most 15 s
  for _ in $(seq 150); do
    if (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; then return 0; fi
    sleep 0.1
  done
  echo "server on port $1 did not start" >&2; exit 1
}

"$jz" serve --port "$port_jz" --threads 2 2>"$work/jz.log" & pids+=($!); jz_pid=$!
"$jz" serve --port "$port_jz_log" --threads 2 --decision-log "$work/decisions.jsonl" 2>"$work/jz-log.log" &
pids+=($!); jz_log_pid=$!
wait_port "$port_jz"; wait_port "$port_jz_log"

mkdir -p "$work/www/v1"
curl -sf -X POST -H 'Content-Type: application/json' --data-binary "$request_item" \
  "http://127.0.0.1:$port_jz/v1/decide" > "$work/www/v1/decide"
cat > "$work/nginx.conf" <<NGINX
worker_processes auto;
pid $work/nginx.pid;
error_log $work/nginx-error.log;
events { worker_connections 4096; }
http {
  access_log off;
  client_body_temp_path $work/ngx-body;
  proxy_temp_path $work/ngx-proxy;
  fastcgi_temp_path $work/ngx-fastcgi;
  uwsgi_temp_path $work/ngx-uwsgi;
  scgi_temp_path $work/ngx-scgi;
  keepalive_requests 1000000;
  server {
    listen 127.0.0.1:$port_nginx;
    root $work/www;
    default_type application/json;
  }
}
NGINX
chmod -R a+rX "$work"  # nginx's workers run as www-data when the bench runs as root
"$nginx_bin" -c "$work/nginx.conf" -p "$work"
wait_port "$port_nginx"
case "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port_nginx/v1/decide")" in
  200) ;; *) echo "nginx does not serve the decision file" >&2; exit 1 ;;
esac

"$jz" items --json --date 2021-09-30 > "$work/items.json"
python3 "$here/make_jdm.py" "$work/items.json" "$root/data/clauses.json" "$work/graph.json"
(cd "$work" && NODE_PATH="$work/node_modules" node "$here/zen_server.js" "$work/graph.json" "$port_zen" >"$work/zen.log" 2>&1) &
pids+=($!)
wait_port "$port_zen"
zen_pid=$(pgrep -o -f "zen_server.js $work/graph.json")  # the cluster's primary; its workers are its children
pids+=("$zen_pid")
zen_answer=$(curl -sf -X POST -H 'Content-Type: application/json' --data-binary "$request_item" "http://127.0.0.1:$port_zen/")
case "$zen_answer" in *refuse_redirect*) ;; *) echo "ZEN did not decide as expected: $zen_answer" >&2; exit 1 ;; esac

# --- the runs --------------------------------------------------------------------------------
lua() {  # body → a wrk script that POSTs it as JSON; "" → a plain GET
  local f="$work/post-$RANDOM.lua"
  if [ -n "$1" ]; then
    printf 'wrk.method = "POST"\nwrk.body = [=[%s]=]\nwrk.headers["Content-Type"] = "application/json"\n' "$1" > "$f"
  else
    printf 'wrk.method = "GET"\n' > "$f"
  fi
  echo "$f"
}
to_ms() {  # "812.00us" / "1.23ms" / "1.02s" → milliseconds
  awk -v v="$1" 'BEGIN { n = v + 0; if (v ~ /us$/) n /= 1000; else if (v ~ /ms$/) n = n; else if (v ~ /s$/) n *= 1000; printf "%.2f", n }'
}
family() { echo "$1" $(pgrep -P "$1" || true); }  # a server's process and its workers
cpu_ticks() {  # user + system ticks of the family
  local t=0 p
  for p in $(family "$1"); do t=$((t + $(awk '{ print $14 + $15 }' "/proc/$p/stat" 2>/dev/null || echo 0))); done
  echo "$t"
}
rss_kb() {  # resident memory of the family, KiB
  local k=0 p
  for p in $(family "$1"); do k=$((k + $(awk '/VmRSS/ { print $2 }' "/proc/$p/status" 2>/dev/null || echo 0))); done
  echo "$k"
}

rows=()
run() {  # name url body [pid]
  local name=$1 url=$2 script; script=$(lua "$3"); local pid=${4:-}
  wrk -t"$wrk_threads" -c"$connections" -d3s -s "$script" "$url" >/dev/null   # warm-up
  local rss_max=0 ticks0=0
  [ -n "$pid" ] && ticks0=$(cpu_ticks "$pid")
  wrk -t"$wrk_threads" -c"$connections" -d"${duration}s" --latency -s "$script" "$url" > "$work/wrk.out" &
  local wrk_pid=$!
  while kill -0 "$wrk_pid" 2>/dev/null; do
    if [ -n "$pid" ]; then
      local rss; rss=$(rss_kb "$pid")
      ((rss > rss_max)) && rss_max=$rss
    fi
    sleep 0.5
  done
  wait "$wrk_pid"
  local rps p50 p99 non2xx errors cpu
  rps=$(awk '/Requests\/sec/ { printf "%.0f", $2 }' "$work/wrk.out")
  p50=$(to_ms "$(awk '$1 == "50%" { print $2 }' "$work/wrk.out")")
  p99=$(to_ms "$(awk '$1 == "99%" { print $2 }' "$work/wrk.out")")
  non2xx=$(awk '/Non-2xx/ { print $NF }' "$work/wrk.out"); non2xx=${non2xx:-0}
  errors=$(awk '/Socket errors/ { gsub(",", ""); print $4 + $6 + $8 + $10 }' "$work/wrk.out"); errors=${errors:-0}
  cpu="—"
  if [ -n "$pid" ]; then
    cpu=$(awk -v t="$(( $(cpu_ticks "$pid") - ticks0 ))" -v hz="$(getconf CLK_TCK)" -v d="$duration" \
          'BEGIN { printf "%.2f", t / hz / d }')
  fi
  local rss_mb="—"; [ -n "$pid" ] && rss_mb=$(awk -v k="$rss_max" 'BEGIN { printf "%.1f", k / 1024 }')
  local per_core="—"
  [ -n "$pid" ] && per_core=$(awk -v r="$rps" -v c="$cpu" 'BEGIN { if (c > 0) printf "%.0f", r / c; else print "—" }')
  rows+=("| $name | $rps | $p50 | $p99 | $non2xx | $errors | $rss_mb | $cpu | $per_core |")
  echo "$name: $rps req/s, p50 $p50 ms, p99 $p99 ms, non-2xx $non2xx, socket errors $errors, RSS max $rss_mb MB, cores $cpu, req per CPU-s $per_core" >&2
}

load_before=$(cut -d' ' -f1-3 /proc/loadavg)
run "nginx, static file (the same decision bytes, GET)" "http://127.0.0.1:$port_nginx/v1/decide" "" "$(cat "$work/nginx.pid")"
run "jianzheng serve, by item id" "http://127.0.0.1:$port_jz/v1/decide" "$request_item" "$jz_pid"
run "jianzheng serve, by item id, with --decision-log" "http://127.0.0.1:$port_jz_log/v1/decide" "$request_item" "$jz_log_pid"
run "jianzheng serve, by free text (开个单身证明)" "http://127.0.0.1:$port_jz/v1/decide" "$request_text" "$jz_pid"
run "Node http + ZEN, one worker per core" "http://127.0.0.1:$port_zen/" "$request_item" "$zen_pid"
load_after=$(cut -d' ' -f1-3 /proc/loadavg)

echo
echo "wrk -t$wrk_threads -c$connections -d${duration}s, $(date -u +%Y-%m-%d), $(nproc) cores ($(awk -F': ' '/model name/ { print $2; exit }' /proc/cpuinfo)), load average before $load_before, after $load_after"
echo "jianzheng $("$jz" --version | awk '{ print $2 }'), nginx $("$nginx_bin" -v 2>&1 | sed 's|.*/||'), node $(node --version), zen-engine $zen_version, decision log lines written: $(wc -l < "$work/decisions.jsonl")"
echo
echo "| server | requests/s | p50 ms | p99 ms | non-2xx | socket errors | RSS max MB | cores busy | requests per CPU-second |"
echo "| --- | --- | --- | --- | --- | --- | --- | --- | --- |"
printf '%s\n' "${rows[@]}"
