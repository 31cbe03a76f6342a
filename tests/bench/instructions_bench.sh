#!/usr/bin/env bash
# SPDX-FileCopyrightText: Gatehouse contributors
# SPDX-License-Identifier: Apache-2.0
#
# Instructions per request of Gatehouse and nginx, counted by callgrind while
# wrk drives each proxy on 127.0.0.1: pass-through and cache hits. Unlike
# requests/s, the count does not depend on what else runs on the machine (the
# same binary, inputs and environment give the same count), so it shows what a
# change to the data plane costs or saves even on a busy, shared machine.
#
# It counts user-space instructions of the proxy process only: the kernel's
# work for the (equal) socket system calls is not in it, so the ratio of two
# proxies' counts is larger than the ratio of their CPU time per request.
#
#   tests/bench/instructions_bench.sh [options]
#     --seconds S       seconds of load per target (default 10)
#     --connections N   wrk connections (default 16)
#     --path P          path on the demo origin (default /products/42, cacheable)
#     --targets LIST    comma-separated subset of gatehouse,gatehouse-hit,
#                       nginx,nginx-hit (default all)
#     --out DIR         where the report goes (default build/bench)
#
# Environment: GATEHOUSE_BIN (default build/gatehouse).
# Every process started here is stopped by PID when the script exits.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
cd "$ROOT"
# shellcheck source=packaging/deps.sh
. "$ROOT/packaging/deps.sh"
# shellcheck source=tests/bench/bench_lib.sh
. "$ROOT/tests/bench/bench_lib.sh"

SECONDS_PER_TARGET=10
CONNECTIONS=16
PATH_UNDER_TEST=/products/42
TARGETS_CSV=gatehouse,gatehouse-hit,nginx,nginx-hit
OUT_DIR=$ROOT/build/bench
BIN=${GATEHOUSE_BIN:-$ROOT/build/gatehouse}

usage() { sed -n '15,23s/^# \{0,1\}//p' "${BASH_SOURCE[0]}"; }

while [[ $# -gt 0 ]]; do
  case $1 in
    --seconds) SECONDS_PER_TARGET=$2; shift 2 ;;
    --connections) CONNECTIONS=$2; shift 2 ;;
    --path) PATH_UNDER_TEST=$2; shift 2 ;;
    --targets) TARGETS_CSV=$2; shift 2 ;;
    --out) OUT_DIR=$2; shift 2 ;;
    -h|--help) usage; exit 0 ;;
    *) usage >&2; gh_die "unknown option: $1" ;;
  esac
done

check_range --seconds "$SECONDS_PER_TARGET" 2 300
check_range --connections "$CONNECTIONS" 1 256
[[ $PATH_UNDER_TEST == /* ]] || gh_die "--path must start with /"
IFS=, read -r -a TARGETS <<<"$TARGETS_CSV"
for t in "${TARGETS[@]}"; do
  case $t in
    gatehouse | gatehouse-hit | nginx | nginx-hit) ;;
    *) gh_die "--targets: unknown target '$t'" ;;
  esac
done
[[ $BIN == /* ]] || BIN=$ROOT/$BIN
[[ -x $BIN ]] || gh_die "$BIN not found: build first (packaging/dev.sh build), or set GATEHOUSE_BIN"

gh_ensure_packages valgrind wrk nginx curl
bench_setup
start_demo_origin
ORIGIN_HOSTPORT=${ORIGIN_URL#http://}
wait_for_http "$ORIGIN_URL/" 10 || gh_die "origin $ORIGIN_URL does not answer"

declare -A PER_REQUEST REQUESTS

# measure NAME PID URL: zeroes the process's counters once it answers (start-up
# and the first miss are not counted), runs wrk, dumps the counters and divides
# the instructions since the zeroing by the requests wrk completed.
measure() {
  local name=$1 pid=$2 url=$3 requests total dump
  callgrind_control -z "$pid" >/dev/null 2>&1
  requests=$(wrk -t1 -c"$CONNECTIONS" -d"${SECONDS_PER_TARGET}s" "$url" | awk '/requests in/ {print $1}')
  callgrind_control -d "$pid" >/dev/null 2>&1
  dump=$(ls -t "$TMP/cg.$name.out".* 2>/dev/null | head -n1 || true)
  total=$([[ -n $dump ]] && awk '/^summary:/ {print $2}' "$dump" || true)
  if [[ -z $requests || $requests -eq 0 || -z $total ]]; then
    gh_log "error: no count for $name (requests: ${requests:-none})"
    return 1
  fi
  REQUESTS[$name]=$requests
  PER_REQUEST[$name]=$((total / requests))
  gh_log "$name: $requests requests, $((total / requests)) instructions each"
}

# stop PID: ends a process under valgrind and waits for it.
stop() {
  kill -TERM "$1" 2>/dev/null || true
  wait "$1" 2>/dev/null || true
}

# Warm the path once (the first request of a cached target is a miss), and
# check the answer.
warm() {
  local url=$1 i
  for ((i = 0; i < 3; i++)); do
    [[ $(http_status "$url") == 2?? ]] || return 1
  done
}

FAILED=0
want() { local t; for t in "${TARGETS[@]}"; do [[ $t == "$1" ]] && return 0; done; return 1; }

# --- Gatehouse ----------------------------------------------------------------

for t in gatehouse gatehouse-hit; do
  want "$t" || continue
  port=$(free_port)
  cache_block=
  [[ $t == gatehouse-hit ]] && cache_block=$'    cache:\n      enabled: true'
  cat >"$TMP/$t.yaml" <<EOF
version: 1
upstreams:
  - name: origin
    targets: [http://$ORIGIN_HOSTPORT]
routes:
  - id: all
    path: /
    upstream: origin
$cache_block
EOF
  gh_log "starting Gatehouse ($t) under callgrind on 127.0.0.1:$port"
  "${gatehouse_env[@]}" GATEHOUSE_CALL_LOG=off valgrind --tool=callgrind \
    --callgrind-out-file="$TMP/cg.$t.out" "$BIN" --headless --config "$TMP/$t.yaml" \
    --listen "127.0.0.1:$port" --admin-listen off --threads 1 >"$TMP/$t.log" 2>&1 </dev/null &
  pid=$!
  PIDS+=("$pid")
  if wait_for_line "$TMP/$t.log" 'gateway listening on' 120 "$pid" >/dev/null &&
    warm "http://127.0.0.1:$port$PATH_UNDER_TEST"; then
    measure "$t" "$pid" "http://127.0.0.1:$port$PATH_UNDER_TEST" || FAILED=1
  else
    gh_log "error: $t did not answer 2xx on $PATH_UNDER_TEST"; FAILED=1
  fi
  stop "$pid"
done

# --- nginx (one process: master_process off, so callgrind sees the worker) ---

for t in nginx nginx-hit; do
  want "$t" || continue
  port=$(free_port)
  nd=$TMP/$t
  mkdir -p "$nd"
  http_extra= location_extra=
  if [[ $t == nginx-hit ]]; then
    cache_dir=$(mktemp -d /dev/shm/gatehouse-bench-nginx.XXXXXX 2>/dev/null || mktemp -d "$TMP/nginx-cache.XXXXXX")
    CLEANUP_DIRS+=("$cache_dir")
    http_extra="  sendfile on;
  proxy_cache_path $cache_dir levels=1:2 keys_zone=bench:10m max_size=256m inactive=60m use_temp_path=off;"
    location_extra='      proxy_cache bench;
      proxy_cache_valid 200 10m;'
  fi
  nginx_conf "$nd" "$port" "$ORIGIN_HOSTPORT" "$http_extra" "$location_extra"
  sed -i 's/^master_process on;/master_process off;/' "$nd/nginx.conf"
  gh_log "starting nginx ($t) under callgrind on 127.0.0.1:$port"
  valgrind --tool=callgrind --callgrind-out-file="$TMP/cg.$t.out" \
    nginx -p "$nd/" -c "$nd/nginx.conf" -e "$nd/error.log" >"$nd/stdout.log" 2>&1 </dev/null &
  pid=$!
  PIDS+=("$pid")
  if wait_for_http "http://127.0.0.1:$port/" 120 && warm "http://127.0.0.1:$port$PATH_UNDER_TEST"; then
    measure "$t" "$pid" "http://127.0.0.1:$port$PATH_UNDER_TEST" || FAILED=1
  else
    gh_log "error: $t did not answer 2xx on $PATH_UNDER_TEST"; FAILED=1
  fi
  stop "$pid"
done

# --- report -------------------------------------------------------------------

mkdir -p "$OUT_DIR"
report=$OUT_DIR/instructions_bench-$(date +%Y%m%d-%H%M%S).txt
{
  echo "Instructions per request (callgrind, user space of the proxy process), $(date -u +'%Y-%m-%d %H:%M UTC')"
  echo "gatehouse: $("$BIN" --version 2>/dev/null | head -n1) ($BIN), 1 thread, call log off"
  echo "nginx: $(nginx -v 2>&1 | sed 's/.*: //'), 1 process, access_log off"
  echo "origin: $ORIGIN_URL$PATH_UNDER_TEST; wrk: 1 thread, $CONNECTIONS connections, ${SECONDS_PER_TARGET} s per target"
  echo
  printf '  %-16s %12s %14s\n' target requests instructions
  for t in gatehouse nginx gatehouse-hit nginx-hit; do
    [[ -n ${PER_REQUEST[$t]:-} ]] || continue
    printf '  %-16s %12s %14s\n' "$t" "${REQUESTS[$t]}" "${PER_REQUEST[$t]}"
  done
  echo
  if [[ -n ${PER_REQUEST[gatehouse]:-} && -n ${PER_REQUEST[nginx]:-} ]]; then
    echo "  pass-through: Gatehouse/nginx $(ratio "${PER_REQUEST[gatehouse]}" "${PER_REQUEST[nginx]}")x the instructions"
  fi
  if [[ -n ${PER_REQUEST[gatehouse-hit]:-} && -n ${PER_REQUEST[nginx-hit]:-} ]]; then
    echo "  cache hits:   Gatehouse/nginx $(ratio "${PER_REQUEST[gatehouse-hit]}" "${PER_REQUEST[nginx-hit]}")x the instructions"
  fi
} | tee "$report"
gh_log "report: $report"
exit "$FAILED"
