#!/usr/bin/env bash
# SPDX-FileCopyrightText: Gatehouse contributors
# SPDX-License-Identifier: Apache-2.0
#
# Reverse-proxy benchmark on 127.0.0.1: the demo origin measured directly,
# behind nginx (keep-alive upstream) and behind Gatehouse, on the same paths,
# with wrk. See tests/bench/README.md for the method.
#
#   tests/bench/proxy_bench.sh [options]
#     --duration S      seconds measured per run (default 10)
#     --warmup S        seconds of warm-up before each run (default 2)
#     --connections N   wrk connections for the throughput pass (default 64)
#     --paths LIST      comma-separated paths (default /products/42,/echo)
#     --targets LIST    comma-separated subset of direct,nginx,gatehouse (default all)
#     --origin URL      use an origin already running on 127.0.0.1 instead of
#                       starting `gatehouse --demo-origin`
#     --out DIR         where the report and raw wrk output go (default build/bench)
#     --quick           --duration 3 --warmup 1
#
# Environment: GATEHOUSE_BIN (default build/gatehouse).
# Every process started here is stopped by PID when the script exits.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
cd "$ROOT"
# shellcheck source=packaging/deps.sh
. "$ROOT/packaging/deps.sh"

DURATION=10
WARMUP=2
CONNECTIONS=64
PATHS_CSV=/products/42,/echo
TARGETS_CSV=direct,nginx,gatehouse
ORIGIN_URL=
OUT_DIR=$ROOT/build/bench
BIN=${GATEHOUSE_BIN:-$ROOT/build/gatehouse}

usage() { sed -n '8,19s/^# \{0,1\}//p' "${BASH_SOURCE[0]}"; }

while [[ $# -gt 0 ]]; do
  case $1 in
    --duration) DURATION=$2; shift 2 ;;
    --warmup) WARMUP=$2; shift 2 ;;
    --connections) CONNECTIONS=$2; shift 2 ;;
    --paths) PATHS_CSV=$2; shift 2 ;;
    --targets) TARGETS_CSV=$2; shift 2 ;;
    --origin) ORIGIN_URL=${2%/}; shift 2 ;;
    --out) OUT_DIR=$2; shift 2 ;;
    --quick) DURATION=3; WARMUP=1; shift ;;
    -h|--help) usage; exit 0 ;;
    *) usage >&2; gh_die "unknown option: $1" ;;
  esac
done

# check_range OPTION VALUE MIN MAX
check_range() {
  if [[ ! $2 =~ ^[0-9]+$ ]] || ((10#$2 < $3 || 10#$2 > $4)); then
    gh_die "$1: expected a whole number from $3 to $4, got '$2'"
  fi
}
check_range --duration "$DURATION" 1 600
check_range --warmup "$WARMUP" 0 60
check_range --connections "$CONNECTIONS" 1 1024
IFS=, read -r -a PATHS <<<"$PATHS_CSV"
IFS=, read -r -a TARGETS <<<"$TARGETS_CSV"
for p in "${PATHS[@]}"; do [[ $p == /* ]] || gh_die "--paths: '$p' must start with /"; done
for t in "${TARGETS[@]}"; do
  [[ $t == direct || $t == nginx || $t == gatehouse ]] || gh_die "--targets: unknown target '$t'"
done
want() { local t; for t in "${TARGETS[@]}"; do [[ $t == "$1" ]] && return 0; done; return 1; }
if [[ -n $ORIGIN_URL ]]; then
  [[ $ORIGIN_URL =~ ^http://(127\.0\.0\.1|localhost):[0-9]+$ ]] \
    || gh_die "--origin must be http://127.0.0.1:PORT (loopback only)"
fi
if [[ -z $ORIGIN_URL ]] || want gatehouse; then
  [[ $BIN == /* ]] || BIN=$ROOT/$BIN
  [[ -x $BIN ]] || gh_die "$BIN not found: build first (packaging/dev.sh build), or set GATEHOUSE_BIN"
fi

bench_packages=(wrk curl)
want nginx && bench_packages+=(nginx)
gh_ensure_packages "${bench_packages[@]}"

# --- processes, temp files, cleanup -------------------------------------------

TMP=$(mktemp -d "${TMPDIR:-/tmp}/gatehouse-bench.XXXXXX")
PIDS=()

# shellcheck disable=SC2317 # called by the EXIT trap
cleanup() {
  local pid i
  for pid in "${PIDS[@]}"; do
    kill -TERM "$pid" 2>/dev/null || true
  done
  for pid in "${PIDS[@]}"; do
    for ((i = 0; i < 50; i++)); do
      kill -0 "$pid" 2>/dev/null || break
      sleep 0.1
    done
    kill -KILL "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
  done
  rm -rf "$TMP"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# Gatehouse processes get throwaway data and config directories.
mkdir -m 0700 "$TMP/xdg-runtime" "$TMP/xdg-data" "$TMP/xdg-config" "$TMP/xdg-cache"
gatehouse_env=(env QT_QPA_PLATFORM=offscreen XDG_RUNTIME_DIR="$TMP/xdg-runtime"
  XDG_DATA_HOME="$TMP/xdg-data" XDG_CONFIG_HOME="$TMP/xdg-config" XDG_CACHE_HOME="$TMP/xdg-cache")

# The proxy under test gets one core; wrk and the origin share the other.
cpus=()
while IFS= read -r range; do
  if [[ $range =~ ^([0-9]+)-([0-9]+)$ ]]; then
    for ((c = BASH_REMATCH[1]; c <= BASH_REMATCH[2]; c++)); do cpus+=("$c"); done
  elif [[ $range =~ ^[0-9]+$ ]]; then
    cpus+=("$range")
  fi
done < <(taskset -cp $$ | sed 's/.*: *//' | tr ',' '\n')
if [[ ${#cpus[@]} -ge 2 ]]; then
  PROXY_CPU=${cpus[0]}
  LOAD_CPU=${cpus[1]}
  pin_proxy=(taskset -c "$PROXY_CPU")
  pin_load=(taskset -c "$LOAD_CPU")
  pinning="proxy on CPU $PROXY_CPU; wrk and origin on CPU $LOAD_CPU"
else
  pin_proxy=()
  pin_load=()
  pinning="not pinned: only ${#cpus[@]} CPU available"
  gh_log "warning: fewer than 2 CPUs, results will not be comparable"
fi

# A free TCP port on 127.0.0.1 (nothing listening, not handed out before).
USED_PORTS=" "
free_port() {
  local port i
  for ((i = 0; i < 200; i++)); do
    port=$((20000 + RANDOM % 20000))
    [[ $USED_PORTS == *" $port "* ]] && continue
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
      USED_PORTS+="$port "
      printf '%s\n' "$port"
      return 0
    fi
  done
  gh_die "no free port found"
}

# Waits (at most $3 seconds) for a line matching $2 in log $1 of process $4;
# prints the first http://127.0.0.1:PORT URL on that line.
wait_for_line() {
  local log=$1 pattern=$2 seconds=$3 pid=$4 i line
  for ((i = 0; i < seconds * 10; i++)); do
    if line=$(grep -m1 -E "$pattern" "$log" 2>/dev/null); then
      grep -oE 'http://[0-9.]+:[0-9]+' <<<"$line" | head -n1 || true
      return 0
    fi
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.1
  done
  printf -- '--- %s ---\n' "$log" >&2
  tail -n 40 "$log" >&2 || true
  return 1
}

# Waits (at most $2 seconds) until $1 answers HTTP at all.
wait_for_http() {
  local url=$1 seconds=$2 i
  for ((i = 0; i < seconds * 10; i++)); do
    curl -s -o /dev/null --max-time 1 "$url" && return 0
    sleep 0.1
  done
  return 1
}

# Status code of one GET.
http_status() { curl -s -o /dev/null --max-time 5 -w '%{http_code}' "$1" || true; }

# --- wrk scripts --------------------------------------------------------------

# done() prints one machine-readable line; latencies are in microseconds.
cat >"$TMP/report.lua" <<'EOF'
function done(summary, latency, requests)
  local e = summary.errors
  local seconds = summary.duration / 1e6
  io.write(string.format(
    "BENCH requests=%d seconds=%.3f rps=%.1f p50_us=%.0f p90_us=%.0f p99_us=%.0f max_us=%.0f " ..
    "err_connect=%d err_read=%d err_write=%d err_timeout=%d err_status=%d\n",
    summary.requests, seconds, summary.requests / seconds,
    latency:percentile(50), latency:percentile(90), latency:percentile(99), latency.max,
    e.connect, e.read, e.write, e.timeout, e.status))
end
EOF
# Paced variant: each connection waits PAUSE ms between a response and its next
# request (wrk has no fixed-rate mode). wrk starts its latency clock when the
# request is written, so the pause is not counted as latency.
cat "$TMP/report.lua" - >"$TMP/paced.lua" <<'EOF'
local pause_ms = 1
function init(args)
  if args[1] then pause_ms = tonumber(args[1]) end
end
function delay()
  return pause_ms
end
EOF

declare -A RPS P50 P99 ERRS CONNS
FAILED=0
RAW_DIR=$TMP/raw
mkdir -p "$RAW_DIR"

# run_wrk KEY URL CONNECTIONS SECONDS [PAUSE_MS]: one measured wrk run, results
# stored under KEY. Returns non-zero when wrk failed.
run_wrk() {
  local key=$1 url=$2 conns=$3 seconds=$4 pause=${5:-}
  local script=$TMP/report.lua extra=()
  if [[ -n $pause ]]; then
    script=$TMP/paced.lua
    extra=(-- "$pause")
  fi
  local raw=$RAW_DIR/${key//[^A-Za-z0-9_.-]/_}.txt
  if ! "${pin_load[@]}" wrk -t1 -c"$conns" -d"${seconds}s" --timeout 5s --latency \
        -s "$script" "$url" "${extra[@]}" >"$raw" 2>&1; then
    gh_log "wrk failed for $key:"; cat "$raw" >&2
    return 1
  fi
  local line
  line=$(grep -m1 '^BENCH ' "$raw") || { gh_log "no result from wrk for $key"; cat "$raw" >&2; return 1; }
  local -A f=()
  local kv
  for kv in ${line#BENCH }; do f[${kv%%=*}]=${kv#*=}; done
  RPS[$key]=${f[rps]}
  P50[$key]=${f[p50_us]}
  P99[$key]=${f[p99_us]}
  CONNS[$key]=$conns
  ERRS[$key]=$((f[err_connect] + f[err_read] + f[err_write] + f[err_timeout] + f[err_status]))
  if [[ ${ERRS[$key]} -gt 0 ]]; then
    gh_log "warning: $key: $line"
  fi
}

warm_up() {
  [[ $WARMUP -gt 0 ]] || return 0
  "${pin_load[@]}" wrk -t1 -c"$2" -d"${WARMUP}s" "$1" >/dev/null 2>&1 || true
}

# --- origin -------------------------------------------------------------------

if [[ -z $ORIGIN_URL ]]; then
  port=$(free_port)
  gh_log "starting the demo origin on 127.0.0.1:$port"
  "${pin_load[@]}" "${gatehouse_env[@]}" "$BIN" --demo-origin "$port" --threads 1 \
    >"$TMP/origin.log" 2>&1 </dev/null &
  PIDS+=($!)
  url=$(wait_for_line "$TMP/origin.log" 'demo origin listening on' 30 "${PIDS[-1]}") \
    || gh_die "the demo origin did not start"
  ORIGIN_URL=${url:-http://127.0.0.1:$port}
fi
ORIGIN_HOSTPORT=${ORIGIN_URL#http://}
ORIGIN_HOSTPORT=${ORIGIN_HOSTPORT/localhost/127.0.0.1}
wait_for_http "$ORIGIN_URL/" 10 || gh_die "origin $ORIGIN_URL does not answer"
gh_log "origin: $ORIGIN_URL"

declare -A BASE
want direct && BASE[direct]=$ORIGIN_URL

# --- nginx --------------------------------------------------------------------

if want nginx; then
  port=$(free_port)
  nd=$TMP/nginx
  mkdir -p "$nd"
  user_line=
  # As root nginx would switch its worker to "nobody"; keep the current user.
  [[ $EUID -eq 0 ]] && user_line="user $(id -un) $(id -gn);"
  # keepalive_requests are raised so neither side reconnects every 1000
  # requests (nginx's default) mid-run.
  cat >"$nd/nginx.conf" <<EOF
daemon off;
master_process on;
worker_processes 1;
pid $nd/nginx.pid;
error_log $nd/error.log warn;
$user_line
events { worker_connections 1024; }
http {
  access_log off;
  client_body_temp_path $nd/client_body;
  proxy_temp_path $nd/proxy;
  fastcgi_temp_path $nd/fastcgi;
  uwsgi_temp_path $nd/uwsgi;
  scgi_temp_path $nd/scgi;
  keepalive_timeout 65s;
  keepalive_requests 1000000;
  upstream origin {
    server $ORIGIN_HOSTPORT;
    keepalive 64;
    keepalive_requests 1000000;
  }
  server {
    listen 127.0.0.1:$port;
    location / {
      proxy_pass http://origin;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
    }
  }
}
EOF
  gh_log "starting nginx on 127.0.0.1:$port (config $nd/nginx.conf)"
  "${pin_proxy[@]}" nginx -p "$nd/" -c "$nd/nginx.conf" -e "$nd/error.log" \
    >"$nd/stdout.log" 2>&1 </dev/null &
  PIDS+=($!)
  if wait_for_http "http://127.0.0.1:$port/" 10; then
    BASE[nginx]=http://127.0.0.1:$port
  else
    cat "$nd/stdout.log" "$nd/error.log" >&2 2>/dev/null || true
    gh_log "error: nginx did not start"; FAILED=1
  fi
fi

# --- Gatehouse ----------------------------------------------------------------

# The declarative configuration (resources/CONFIG_FORMAT.md): one upstream, one
# catch-all route. The listener comes from the command line.
write_gatehouse_config() {
  cat >"$1" <<EOF
version: 1
upstreams:
  - name: origin
    targets: [http://$ORIGIN_HOSTPORT]
routes:
  - {id: all, path: /, upstream: origin}
EOF
}

if want gatehouse; then
  port=$(free_port)
  write_gatehouse_config "$TMP/gatehouse.yaml"
  gh_log "starting Gatehouse on 127.0.0.1:$port (1 thread)"
  "${pin_proxy[@]}" "${gatehouse_env[@]}" "$BIN" --headless --config "$TMP/gatehouse.yaml" \
    --listen "127.0.0.1:$port" --threads 1 >"$TMP/gatehouse.log" 2>&1 </dev/null &
  PIDS+=($!)
  if url=$(wait_for_line "$TMP/gatehouse.log" 'gateway listening on' 30 "${PIDS[-1]}"); then
    BASE[gatehouse]=${url:-http://127.0.0.1:$port}
  else
    gh_log "error: Gatehouse did not start"; FAILED=1
  fi
fi

# A target must answer 2xx on a path, or its numbers there mean nothing.
declare -A VALID
ACTIVE=()
for t in direct nginx gatehouse; do
  [[ -n ${BASE[$t]:-} ]] || continue
  ok=0
  for p in "${PATHS[@]}"; do
    code=$(http_status "${BASE[$t]}$p")
    if [[ $code == 2?? ]]; then
      VALID["$t|$p"]=1; ok=1
    else
      gh_log "error: $t answers ${code:-nothing} on $p; not measured there"; FAILED=1
    fi
  done
  [[ $ok -eq 1 ]] && ACTIVE+=("$t")
done
[[ ${#ACTIVE[@]} -gt 0 ]] || gh_die "nothing to measure"

# --- pass 1: throughput -------------------------------------------------------

ms() { awk -v us="$1" 'BEGIN { printf "%.2f ms", us / 1000 }'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.2f", a / b; else printf "n/a" }'; }

for p in "${PATHS[@]}"; do
  for t in "${ACTIVE[@]}"; do
    [[ -n ${VALID["$t|$p"]:-} ]] || continue
    gh_log "throughput: $t $p ($CONNECTIONS connections, ${WARMUP} s warm-up, ${DURATION} s)"
    warm_up "${BASE[$t]}$p" "$CONNECTIONS"
    run_wrk "max|$t|$p" "${BASE[$t]}$p" "$CONNECTIONS" "$DURATION" || FAILED=1
  done
done

# --- pass 2: latency at a moderate, equal rate --------------------------------

# Target rate per path: half of Gatehouse's maximum (else of the slowest proxy
# measured). Connections are calibrated once against the origin so that, with a
# 1 ms pause per request, they offer about that rate; every target then gets the
# same connections and pause.
PAUSE_MS=1
declare -A TARGET_RATE MOD_CONNS RATE_REF
for p in "${PATHS[@]}"; do
  ref=
  for t in gatehouse nginx direct; do
    if [[ -n ${RPS["max|$t|$p"]:-} ]]; then ref=$t; break; fi
  done
  [[ -n $ref ]] || continue
  rate=$(awk -v r="${RPS["max|$ref|$p"]}" 'BEGIN { printf "%d", r / 2 }')
  [[ $rate -ge 1 ]] || continue
  TARGET_RATE[$p]=$rate
  RATE_REF[$p]=$ref
  conns=$(( (rate + 999) / 1000 ))
  calib=$((WARMUP > 2 ? WARMUP : 2))
  if [[ $(http_status "$ORIGIN_URL$p") == 2?? ]] \
      && run_wrk "calib|$p" "$ORIGIN_URL$p" "$conns" "$calib" "$PAUSE_MS"; then
    conns=$(awk -v c="$conns" -v want="$rate" -v got="${RPS["calib|$p"]}" \
      'BEGIN { n = (got > 0) ? int(c * want / got + 0.5) : c; if (n < 1) n = 1; if (n > 1024) n = 1024; print n }')
  fi
  MOD_CONNS[$p]=$conns
  for t in "${ACTIVE[@]}"; do
    [[ -n ${VALID["$t|$p"]:-} ]] || continue
    gh_log "moderate load: $t $p (~$rate req/s offered: $conns connections, ${PAUSE_MS} ms pause, ${DURATION} s)"
    run_wrk "mod|$t|$p" "${BASE[$t]}$p" "$conns" "$DURATION" "$PAUSE_MS" || FAILED=1
  done
done

# --- report -------------------------------------------------------------------

mkdir -p "$OUT_DIR"
stamp=$(date +%Y%m%d-%H%M%S)
report=$OUT_DIR/proxy_bench-$stamp.txt

cell() { # cell KEY FIELD
  local key=$1
  [[ -n ${RPS[$key]:-} ]] || { printf 'n/a'; return; }
  case $2 in
    rps) printf '%.0f' "${RPS[$key]}" ;;
    p50) ms "${P50[$key]}" ;;
    p99) ms "${P99[$key]}" ;;
    err) printf '%s' "${ERRS[$key]}" ;;
    conns) printf '%s' "${CONNS[$key]}" ;;
  esac
}

{
  echo "Gatehouse reverse-proxy benchmark, $(date -u +'%Y-%m-%d %H:%M UTC')"
  echo "machine: $(nproc) CPUs, $(grep -m1 'model name' /proc/cpuinfo 2>/dev/null | sed 's/.*: //' || echo unknown CPU); $pinning"
  echo "tools: $(wrk -v 2>&1 | head -n1 | awk '{print "wrk", $2}'); $(nginx -v 2>&1 | sed 's/.*: //')"
  [[ -x $BIN ]] && echo "gatehouse: $("$BIN" --version 2>/dev/null | head -n1 || echo '?') ($BIN)"
  echo "origin: $ORIGIN_URL; wrk: 1 thread, ${WARMUP} s warm-up, ${DURATION} s per run"
  echo
  echo "Pass 1: maximum throughput ($CONNECTIONS connections)"
  for p in "${PATHS[@]}"; do
    echo
    printf '  %-12s %12s %12s %12s %8s\n' "$p" "req/s" "p50" "p99" "errors"
    for t in "${ACTIVE[@]}"; do
      k="max|$t|$p"
      printf '  %-12s %12s %12s %12s %8s\n' "$t" "$(cell "$k" rps)" "$(cell "$k" p50)" "$(cell "$k" p99)" "$(cell "$k" err)"
    done
    g="max|gatehouse|$p" n="max|nginx|$p"
    if [[ -n ${RPS[$g]:-} && -n ${RPS[$n]:-} ]]; then
      printf '  Gatehouse/nginx: throughput %sx, p50 %sx, p99 %sx\n' \
        "$(ratio "${RPS[$g]}" "${RPS[$n]}")" "$(ratio "${P50[$g]}" "${P50[$n]}")" "$(ratio "${P99[$g]}" "${P99[$n]}")"
    fi
  done
  echo
  echo "Pass 2: latency at a moderate, equal load (half of Gatehouse's maximum rate)"
  echo "  wrk has no fixed-rate mode (wrk2 is not packaged in Debian): each connection"
  echo "  pauses ${PAUSE_MS} ms between a response and its next request; the connection count"
  echo "  is calibrated against the origin to offer the rate shown. The pause is not"
  echo "  counted as latency; the achieved rate is shown per target."
  for p in "${PATHS[@]}"; do
    [[ -n ${TARGET_RATE[$p]:-} ]] || continue
    echo
    printf '  %-12s %12s %12s %12s %14s %8s\n' "$p" "req/s" "p50" "p99" "p99 - direct" "errors"
    for t in "${ACTIVE[@]}"; do
      k="mod|$t|$p" d="mod|direct|$p"
      added=n/a
      if [[ -n ${P99[$k]:-} && -n ${P99[$d]:-} ]]; then
        added=$(awk -v a="${P99[$k]}" -v b="${P99[$d]}" 'BEGIN { printf "%+.2f ms", (a - b) / 1000 }')
      fi
      [[ $t == direct ]] && added=-
      printf '  %-12s %12s %12s %12s %14s %8s\n' "$t" "$(cell "$k" rps)" "$(cell "$k" p50)" "$(cell "$k" p99)" "$added" "$(cell "$k" err)"
    done
    echo "  offered: ~${TARGET_RATE[$p]} req/s (half of ${RATE_REF[$p]}'s maximum) with ${MOD_CONNS[$p]} connections"
  done
  echo
  [[ $FAILED -eq 0 ]] || echo "Some runs failed or were left out: see the messages above."
} | tee "$report"

mkdir -p "$OUT_DIR/raw-$stamp"
cp "$RAW_DIR"/*.txt "$OUT_DIR/raw-$stamp/" 2>/dev/null || true
gh_log "report: $report (raw wrk output: $OUT_DIR/raw-$stamp/)"
exit "$FAILED"
