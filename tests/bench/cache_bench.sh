#!/usr/bin/env bash
# SPDX-FileCopyrightText: Gatehouse contributors
# SPDX-License-Identifier: Apache-2.0
#
# Cache-hit benchmark on 127.0.0.1: cacheable responses of the demo origin
# measured directly, from nginx's proxy_cache and from Gatehouse's route
# cache, with wrk and with bench_load. See tests/bench/README.md for the method.
#
#   tests/bench/cache_bench.sh [options]
#     --duration S      seconds measured per run (default 10)
#     --warmup S        seconds of warm-up before each run (default 2)
#     --connections N   client connections (default 64)
#     --sizes LIST      comma-separated response sizes in bytes (default 1024,65536)
#     --targets LIST    comma-separated subset of direct,nginx,nginx-log,
#                       gatehouse,gatehouse-nolog (default all)
#     --clients LIST    load generators, wrk and/or bench_load (default both)
#     --rounds N        every target once per round, the order reversed each
#                       round; the report gives medians (default 3)
#     --eviction E      Gatehouse cache eviction, lru or tiny_lfu (default tiny_lfu)
#     --out DIR         where the report and raw output go (default build/bench)
#     --quick           --duration 3 --warmup 1 --rounds 1
#
# Environment: GATEHOUSE_BIN (default build/gatehouse), BENCH_LOAD_BIN
# (default tests/bench/bench_load next to it).
# Every process started here is stopped by PID when the script exits.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
cd "$ROOT"
# shellcheck source=packaging/deps.sh
. "$ROOT/packaging/deps.sh"
# shellcheck source=tests/bench/bench_lib.sh
. "$ROOT/tests/bench/bench_lib.sh"

DURATION=10
WARMUP=2
CONNECTIONS=64
SIZES_CSV=1024,65536
TARGETS_CSV=direct,nginx,nginx-log,gatehouse,gatehouse-nolog
CLIENTS_CSV=wrk,bench_load
ROUNDS=3
EVICTION=tiny_lfu
OUT_DIR=$ROOT/build/bench
BIN=${GATEHOUSE_BIN:-$ROOT/build/gatehouse}

usage() { sed -n '9,22s/^# \{0,1\}//p' "${BASH_SOURCE[0]}"; }

while [[ $# -gt 0 ]]; do
  case $1 in
    --duration) DURATION=$2; shift 2 ;;
    --warmup) WARMUP=$2; shift 2 ;;
    --connections) CONNECTIONS=$2; shift 2 ;;
    --sizes) SIZES_CSV=$2; shift 2 ;;
    --targets) TARGETS_CSV=$2; shift 2 ;;
    --clients) CLIENTS_CSV=$2; shift 2 ;;
    --rounds) ROUNDS=$2; shift 2 ;;
    --eviction) EVICTION=$2; shift 2 ;;
    --out) OUT_DIR=$2; shift 2 ;;
    --quick) DURATION=3; WARMUP=1; ROUNDS=1; shift ;;
    -h|--help) usage; exit 0 ;;
    *) usage >&2; gh_die "unknown option: $1" ;;
  esac
done

check_range --duration "$DURATION" 1 600
check_range --warmup "$WARMUP" 0 60
check_range --connections "$CONNECTIONS" 1 1024
check_range --rounds "$ROUNDS" 1 20
IFS=, read -r -a SIZES <<<"$SIZES_CSV"
IFS=, read -r -a TARGETS <<<"$TARGETS_CSV"
IFS=, read -r -a CLIENTS <<<"$CLIENTS_CSV"
[[ ${#CLIENTS[@]} -gt 0 ]] || gh_die "--clients: name wrk, bench_load or both"
for c in "${CLIENTS[@]}"; do
  [[ $c == wrk || $c == bench_load ]] || gh_die "--clients: unknown load generator '$c' (wrk, bench_load)"
done
# Objects are kept well under both caches' limits (Gatehouse's max_object_size
# is raised to 16MiB below).
for s in "${SIZES[@]}"; do check_range --sizes "$s" 1 8388608; done
for t in "${TARGETS[@]}"; do
  case $t in
    direct | nginx | nginx-log | gatehouse | gatehouse-nolog) ;;
    *) gh_die "--targets: unknown target '$t'" ;;
  esac
done
[[ $EVICTION == lru || $EVICTION == tiny_lfu ]] || gh_die "--eviction: lru or tiny_lfu, got '$EVICTION'"
want() { local t; for t in "${TARGETS[@]}"; do [[ $t == "$1" ]] && return 0; done; return 1; }
[[ $BIN == /* ]] || BIN=$ROOT/$BIN
[[ -x $BIN ]] || gh_die "$BIN not found: build first (packaging/dev.sh build), or set GATEHOUSE_BIN"
BENCH_LOAD_BIN=${BENCH_LOAD_BIN:-$(dirname "$BIN")/tests/bench/bench_load}
[[ $BENCH_LOAD_BIN == /* ]] || BENCH_LOAD_BIN=$ROOT/$BENCH_LOAD_BIN
uses_client() { local c; for c in "${CLIENTS[@]}"; do [[ $c == "$1" ]] && return 0; done; return 1; }
if uses_client bench_load && [[ ! -x $BENCH_LOAD_BIN ]]; then
  gh_die "$BENCH_LOAD_BIN not found: build it (packaging/dev.sh build), set BENCH_LOAD_BIN, or use --clients wrk"
fi

bench_packages=(wrk curl)
{ want nginx || want nginx-log; } && bench_packages+=(nginx)
gh_ensure_packages "${bench_packages[@]}"

bench_setup
FAILED=0

# The demo origin's /respond answers exactly SIZE bytes with the headers asked
# for in h= (gateway/demo_origin_handlers.cpp). One hour of public freshness
# keeps every object fresh for the whole run in both caches.
path_for() { printf '/respond?size=%s&h=Cache-Control:public,%%20max-age=3600' "$1"; }
size_label() {
  if (($1 % 1024 == 0)); then printf '%d KiB' $(($1 / 1024)); else printf '%d B' "$1"; fi
}

# --- origin -------------------------------------------------------------------

ORIGIN_URL=
start_demo_origin
ORIGIN_HOSTPORT=${ORIGIN_URL#http://}
wait_for_http "$ORIGIN_URL/" 10 || gh_die "origin $ORIGIN_URL does not answer"
gh_log "origin: $ORIGIN_URL"

declare -A BASE TPID
want direct && BASE[direct]=$ORIGIN_URL

# --- nginx with proxy_cache ---------------------------------------------------

# `nginx` logs nothing (access_log off); `nginx-log` writes every request to
# an access log file, buffered (see nginx_conf), as Gatehouse records every
# call. Each has a cache directory of its own.
NGINX_CACHE_NOTE=
for t in nginx nginx-log; do
  want "$t" || continue
  port=$(free_port)
  nd=$TMP/$t
  mkdir -p "$nd"
  # The cache files go to tmpfs when there is one, so neither proxy waits on a
  # disk; nginx still opens and reads a file per hit, which is how it works.
  if [[ -d /dev/shm && -w /dev/shm ]] && [[ $(stat -f -c %T /dev/shm 2>/dev/null) == tmpfs ]]; then
    cache_dir=$(mktemp -d /dev/shm/gatehouse-bench-nginx.XXXXXX)
    CLEANUP_DIRS+=("$cache_dir")
  else
    cache_dir=$nd/cache
    mkdir -p "$cache_dir"
  fi
  NGINX_CACHE_NOTE=$(stat -f -c %T "$cache_dir")
  # sendfile on is what Debian's packaged nginx.conf sets; proxy_cache_lock
  # collapses the first concurrent misses into one upstream request.
  http_extra="  sendfile on;
  proxy_cache_path $cache_dir levels=1:2 keys_zone=bench:10m max_size=256m inactive=60m use_temp_path=off;"
  # shellcheck disable=SC2016 # nginx variables, not shell ones
  location_extra='      proxy_cache bench;
      proxy_cache_valid 200 10m;
      proxy_cache_lock on;
      add_header X-Cache-Status $upstream_cache_status always;'
  access_log=off
  [[ $t == nginx-log ]] && access_log=buffered
  nginx_conf "$nd" "$port" "$ORIGIN_HOSTPORT" "$http_extra" "$location_extra" "$access_log"
  if start_nginx "$nd" "$port"; then
    BASE[$t]=http://127.0.0.1:$port
    TPID[$t]=$STARTED_PID
  else
    gh_log "error: $t did not start"; FAILED=1
  fi
done

# --- Gatehouse with the route cache -------------------------------------------

# resources/CONFIG_FORMAT.md: the shared cache, one upstream, one catch-all
# route with caching on. Freshness comes from the origin's Cache-Control.
# `gatehouse` records every call into its call log (SQLite), as it always
# does; `gatehouse-nolog` is the same build with GATEHOUSE_CALL_LOG=off.
if want gatehouse || want gatehouse-nolog; then
  cat >"$TMP/gatehouse.yaml" <<EOF
version: 1
cache:
  budget: 256MiB
  eviction: $EVICTION
upstreams:
  - name: origin
    targets: [http://$ORIGIN_HOSTPORT]
routes:
  - id: all
    path: /
    upstream: origin
    cache:
      enabled: true
      max_object_size: 16MiB
EOF
fi
for t in gatehouse gatehouse-nolog; do
  want "$t" || continue
  port=$(free_port)
  extra=()
  [[ $t == gatehouse-nolog ]] && extra=(GATEHOUSE_CALL_LOG=off)
  if start_gatehouse "$TMP/gatehouse.yaml" "$port" "$t" "${extra[@]}"; then
    BASE[$t]=$GATEHOUSE_URL
    TPID[$t]=$STARTED_PID
  else
    gh_log "error: $t did not start"; FAILED=1
  fi
done

# --- checks: 200, exact size, and a cache hit ---------------------------------

# check_response TARGET URL SIZE: one GET; succeeds when the answer is 200 with
# SIZE bytes and, for a cache, says it was a hit. Headers stay in $TMP/check.hdr.
check_response() {
  local target=$1 url=$2 size=$3 got
  got=$(curl -s -D "$TMP/check.hdr" -o "$TMP/check.body" --max-time 5 \
    -w '%{http_code} %{size_download}' "$url") || return 1
  [[ $got == "200 $size" ]] || return 1
  case $target in
    # Cache-Status (RFC 9211): "Gatehouse; hit; ttl=..." on a hit.
    gatehouse*) grep -qiE '^cache-status:.*;[[:space:]]*hit[[:space:]]*(;|$)' "$TMP/check.hdr" ;;
    nginx*) grep -qiE '^x-cache-status:[[:space:]]*HIT' "$TMP/check.hdr" ;;
    *) return 0 ;;
  esac
}

# warm_and_verify TARGET URL SIZE: fills the cache, then insists on a hit (a
# few tries, for a store that lands just after the first answer).
warm_and_verify() {
  local target=$1 url=$2 size=$3 i
  for ((i = 0; i < 5; i++)); do
    check_response "$target" "$url" "$size" && return 0
    sleep 0.2
  done
  gh_log "error: $target does not serve $url as a cache hit of $size bytes; last answer:"
  tr -d '\r' <"$TMP/check.hdr" | sed 's/^/    /' >&2 || true
  return 1
}

declare -A VALID HIT_AFTER
ACTIVE=()
ORDER=()
for t in "${TARGET_CHAIN[@]}"; do
  [[ -n ${BASE[$t]:-} ]] || continue
  ok=0
  for s in "${SIZES[@]}"; do
    if warm_and_verify "$t" "${BASE[$t]}$(path_for "$s")" "$s"; then
      VALID["$t|$s"]=1; ok=1
    else
      FAILED=1
    fi
  done
  [[ $ok -eq 1 ]] && ACTIVE+=("$t")
done
[[ ${#ACTIVE[@]} -gt 0 ]] || gh_die "nothing to measure"

# --- measurement --------------------------------------------------------------

# For each size and client, every target runs once per round, compared
# targets back to back, the order reversed every other round (round_order);
# each figure is the median of the rounds, each ratio the median of the
# per-round ratios.
for s in "${SIZES[@]}"; do
  for client in "${CLIENTS[@]}"; do
    LOAD_CLIENT=$client
    for ((r = 1; r <= ROUNDS; r++)); do
      round_order "$r"
      for t in "${ORDER[@]}"; do
        [[ -n ${VALID["$t|$s"]:-} ]] || continue
        url=${BASE[$t]}$(path_for "$s")
        gh_log "cache hits, $client, round $r of $ROUNDS: $t $(size_label "$s") ($CONNECTIONS connections, ${WARMUP} s warm-up, ${DURATION} s)"
        warm_up "$url" "$CONNECTIONS"
        key="hit|$client|$t|$s|$r"
        if [[ -n ${TPID[$t]:-} ]]; then
          run_load_cpu "$key" "${TPID[$t]}" "$url" "$CONNECTIONS" "$DURATION" || FAILED=1
        else
          run_load "$key" "$url" "$CONNECTIONS" "$DURATION" || FAILED=1
        fi
        # Still a hit afterwards: the object did not expire or get evicted mid-run.
        if check_response "$t" "$url" "$s"; then
          [[ ${HIT_AFTER["$t|$s"]:-} == NO ]] || HIT_AFTER["$t|$s"]=yes
        else
          HIT_AFTER["$t|$s"]=NO
          gh_log "error: $t no longer answers $url as a hit after the run"; FAILED=1
        fi
      done
    done
    for t in "${ACTIVE[@]}"; do combine_rounds "hit|$client|$t|$s"; done
  done
done

# The logging Gatehouse's own account of its call log: stopping it prints
# how many calls were written and how many dropped.
CALL_LOG=
if [[ -n ${TPID[gatehouse]:-} ]]; then
  CALL_LOG=$(call_log_counts "${TPID[gatehouse]}" gatehouse)
fi

# --- report -------------------------------------------------------------------

mkdir -p "$OUT_DIR"
stamp=$(date +%Y%m%d-%H%M%S)
report=$OUT_DIR/cache_bench-$stamp.txt

# verdict VALUE OP LIMIT: "met" or "missed".
verdict() {
  awk -v v="$1" -v op="$2" -v l="$3" 'BEGIN {
    ok = (op == ">=") ? (v >= l) : (v <= l); printf "%s", ok ? "met" : "missed" }'
}

# compare_hits CLIENT A B SIZE: A's throughput, p50 and p99 over B's with the
# target verdicts; the throughput ratio as throughput_ratio gives it.
compare_hits() {
  local a="hit|$1|$2|$4" b="hit|$1|$3|$4" p99_ratio cpu_note=
  [[ -n ${RPS[$a]:-} && -n ${RPS[$b]:-} ]] || return 0
  throughput_ratio "$a" "$b"
  p99_ratio=$(ratio "${P99[$a]}" "${P99[$b]}")
  # CPU per request: the proxy's own cost, whatever share of its core the
  # client and the origin left it (wrk can be the bottleneck at 64 KiB).
  if [[ -n ${CPU_US[$a]:-} && -n ${CPU_US[$b]:-} ]]; then
    cpu_note=$(awk -v a="${CPU_US[$a]}" -v b="${CPU_US[$b]}" 'BEGIN { if (a > 0) printf "; requests per CPU-second %.2fx", b / a }')
  fi
  printf '  %s/%s: throughput %sx%s (target >= 1.5x: %s), p50 %sx, p99 %sx (target <= 1x: %s)%s\n' \
    "$2" "$3" "$TPUT_RATIO" "$TPUT_RANGE" "$(verdict "$TPUT_RATIO" '>=' 1.5)" \
    "$(ratio "${P50[$a]}" "${P50[$b]}")" "$p99_ratio" "$(verdict "$p99_ratio" '<=' 1)" "$cpu_note"
}

{
  echo "Gatehouse cache-hit benchmark, $(date -u +'%Y-%m-%d %H:%M UTC')"
  report_header
  echo "origin: $ORIGIN_URL (/respond, Cache-Control: public, max-age=3600)"
  { want nginx || want nginx-log; } && echo "nginx: proxy_cache, 1 worker, keep-alive upstream, sendfile on, cache in $NGINX_CACHE_NOTE; nginx: access_log off, nginx-log: buffered access log"
  # gatehouse records every call to its telemetry database (SQLite, here in
  # the throwaway data directory on the same pinned CPU), as nginx-log writes
  # its access log; gatehouse-nolog and nginx log nothing.
  { want gatehouse || want gatehouse-nolog; } && echo "gatehouse: 1 thread, route cache on, eviction $EVICTION; call logs on (telemetry SQLite under $TMP, $(stat -f -c %T "$TMP")); gatehouse-nolog: GATEHOUSE_CALL_LOG=off"
  echo "clients: $(printf '%s, ' "${CLIENTS[@]}" | sed 's/, $//') (1 thread each), $CONNECTIONS connections, ${WARMUP} s warm-up, ${DURATION} s per run; $ROUNDS round(s), medians"
  uses_client bench_load && echo "bench_load: reads each head, drops the Content-Length body in the kernel (recv MSG_TRUNC) instead of copying it as wrk does"
  echo "every cached target was checked to answer a hit before and after each run"
  for s in "${SIZES[@]}"; do
    for client in "${CLIENTS[@]}"; do
      echo
      printf '  %-20s %12s %12s %12s %8s %6s %12s\n' "$(size_label "$s"), $client" "req/s" "p50" "p99" "errors" "hit" "CPU/req"
      for t in direct nginx nginx-log gatehouse gatehouse-nolog; do
        want "$t" || continue
        if [[ -z ${VALID["$t|$s"]:-} ]]; then
          printf '  %-20s %s\n' "$t" "NOT MEASURED: did not start or no verified cache hit"
          continue
        fi
        k="hit|$client|$t|$s"
        hit=${HIT_AFTER["$t|$s"]:-n/a}
        [[ $t == direct ]] && hit=-
        cpu_cell=$(cell "$k" cpu)
        [[ $t == direct ]] && cpu_cell=-
        printf '  %-20s %12s %12s %12s %8s %6s %12s\n' "$t" "$(cell "$k" rps)" "$(cell "$k" p50)" "$(cell "$k" p99)" "$(cell "$k" err)" "$hit" "$cpu_cell"
      done
      # Like against like: logging against logging, silent against silent.
      for pair in gatehouse-nolog:nginx gatehouse:nginx-log gatehouse:nginx; do
        compare_hits "$client" "${pair%%:*}" "${pair##*:}" "$s"
      done
    done
  done
  echo
  if [[ -n $CALL_LOG ]]; then
    # shellcheck disable=SC2086 # two numbers
    call_log_line $CALL_LOG
  fi
  [[ $FAILED -eq 0 ]] || echo "Some runs failed or were left out: see the messages above."
} | tee "$report"

mkdir -p "$OUT_DIR/raw-$stamp"
cp "$RAW_DIR"/*.txt "$OUT_DIR/raw-$stamp/" 2>/dev/null || true
gh_log "report: $report (raw client output: $OUT_DIR/raw-$stamp/)"
exit "$FAILED"
