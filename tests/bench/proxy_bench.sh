#!/usr/bin/env bash
# SPDX-FileCopyrightText: Gatehouse contributors
# SPDX-License-Identifier: Apache-2.0
#
# Reverse-proxy benchmark on 127.0.0.1: the demo origin measured directly,
# behind nginx (keep-alive upstream) and behind Gatehouse, each with and
# without logging every call, on the same paths, with wrk. See
# tests/bench/README.md for the method.
#
#   tests/bench/proxy_bench.sh [options]
#     --duration S      seconds measured per run (default 10)
#     --warmup S        seconds of warm-up before each run (default 2)
#     --connections N   wrk connections for the throughput pass (default 64)
#     --rounds N        throughput rounds, every target once per round, the
#                       order reversed each round; medians (default 3)
#     --paths LIST      comma-separated paths (default /products/42,/echo,
#                       /respond?size=16384,/respond?size=65536)
#     --targets LIST    comma-separated subset of direct,nginx,nginx-fwd,
#                       nginx-log,gatehouse,gatehouse-nolog (default all)
#     --origin URL      use an origin already running on 127.0.0.1 instead of
#                       starting `gatehouse --demo-origin`
#     --out DIR         where the report and raw wrk output go (default build/bench)
#     --tls             the proxies serve wrk over HTTPS (a throwaway
#                       self-signed certificate; nginx with its defaults for
#                       TLS, Gatehouse with listen.tls); `direct` stays plain
#     --quick           --duration 3 --warmup 1 --rounds 1
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

DURATION=10
WARMUP=2
CONNECTIONS=64
ROUNDS=3
PATHS_CSV='/products/42,/echo,/respond?size=16384,/respond?size=65536'
TARGETS_CSV=direct,nginx,nginx-fwd,nginx-log,gatehouse,gatehouse-nolog
ORIGIN_URL=
OUT_DIR=$ROOT/build/bench
TLS=0
BIN=${GATEHOUSE_BIN:-$ROOT/build/gatehouse}

usage() { sed -n '10,28s/^# \{0,1\}//p' "${BASH_SOURCE[0]}"; }

while [[ $# -gt 0 ]]; do
  case $1 in
    --duration) DURATION=$2; shift 2 ;;
    --warmup) WARMUP=$2; shift 2 ;;
    --connections) CONNECTIONS=$2; shift 2 ;;
    --rounds) ROUNDS=$2; shift 2 ;;
    --paths) PATHS_CSV=$2; shift 2 ;;
    --targets) TARGETS_CSV=$2; shift 2 ;;
    --origin) ORIGIN_URL=${2%/}; shift 2 ;;
    --out) OUT_DIR=$2; shift 2 ;;
    --tls) TLS=1; shift ;;
    --quick) DURATION=3; WARMUP=1; ROUNDS=1; shift ;;
    -h|--help) usage; exit 0 ;;
    *) usage >&2; gh_die "unknown option: $1" ;;
  esac
done

check_range --duration "$DURATION" 1 600
check_range --warmup "$WARMUP" 0 60
check_range --connections "$CONNECTIONS" 1 1024
check_range --rounds "$ROUNDS" 1 20
IFS=, read -r -a PATHS <<<"$PATHS_CSV"
IFS=, read -r -a TARGETS <<<"$TARGETS_CSV"
for p in "${PATHS[@]}"; do [[ $p == /* ]] || gh_die "--paths: '$p' must start with /"; done
for t in "${TARGETS[@]}"; do
  case $t in
    direct | nginx | nginx-fwd | nginx-log | gatehouse | gatehouse-nolog) ;;
    *) gh_die "--targets: unknown target '$t'" ;;
  esac
done
want() { local t; for t in "${TARGETS[@]}"; do [[ $t == "$1" ]] && return 0; done; return 1; }
if [[ -n $ORIGIN_URL ]]; then
  [[ $ORIGIN_URL =~ ^http://(127\.0\.0\.1|localhost):[0-9]+$ ]] \
    || gh_die "--origin must be http://127.0.0.1:PORT (loopback only)"
fi
if [[ -z $ORIGIN_URL ]] || want gatehouse || want gatehouse-nolog; then
  [[ $BIN == /* ]] || BIN=$ROOT/$BIN
  [[ -x $BIN ]] || gh_die "$BIN not found: build first (packaging/dev.sh build), or set GATEHOUSE_BIN"
fi

bench_packages=(wrk curl)
[[ $TLS -eq 1 ]] && bench_packages+=(openssl)
{ want nginx || want nginx-fwd || want nginx-log; } && bench_packages+=(nginx)
gh_ensure_packages "${bench_packages[@]}"

bench_setup
FAILED=0

# --- origin -------------------------------------------------------------------

[[ -n $ORIGIN_URL ]] || start_demo_origin
ORIGIN_HOSTPORT=${ORIGIN_URL#http://}
ORIGIN_HOSTPORT=${ORIGIN_HOSTPORT/localhost/127.0.0.1}
wait_for_http "$ORIGIN_URL/" 10 || gh_die "origin $ORIGIN_URL does not answer"
gh_log "origin: $ORIGIN_URL"

declare -A BASE TPID
want direct && BASE[direct]=$ORIGIN_URL

# With --tls both proxies serve one throwaway certificate (P-256, as most
# sites now use), each with its defaults for everything else; bench_lib's
# nginx_conf and curl calls read TLS_CERT and TLS_KEY.
SCHEME=http
if [[ $TLS -eq 1 ]]; then
  TLS_CERT=$TMP/cert.pem
  TLS_KEY=$TMP/key.pem
  openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -days 1 \
    -subj /CN=localhost -keyout "$TLS_KEY" -out "$TLS_CERT" 2>/dev/null \
    || gh_die "openssl could not make a certificate"
  SCHEME=https
fi

# --- nginx --------------------------------------------------------------------

# `nginx` logs nothing (access_log off); `nginx-log` writes every request to
# an access log file, buffered (see nginx_conf), as Gatehouse records every call.
# Both forward only what nginx forwards by default. `nginx-fwd` (no log)
# forwards what Gatehouse does (README, "Forwarding"): the client's address,
# scheme and Host in X-Forwarded-For/-Proto/-Host, itself in Via, and a request
# id (nginx's $request_id: 32 hex digits, as Gatehouse's) up and back, with a
# Cache-Status on the response -- the same proxying work, on the same bytes.
NGINX_FWD_HTTP='  map $http_via $gh_via { "" "1.1 nginx"; default "$http_via, 1.1 nginx"; }'
NGINX_FWD_LOCATION='      proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
      proxy_set_header X-Forwarded-Proto $scheme;
      proxy_set_header X-Forwarded-Host $http_host;
      proxy_set_header Via $gh_via;
      proxy_set_header X-Request-Id $request_id;
      add_header Cache-Status "nginx; fwd=bypass" always;
      add_header Via "1.1 nginx" always;
      add_header X-Request-Id $request_id always;'
for t in nginx nginx-fwd nginx-log; do
  want "$t" || continue
  port=$(free_port)
  nd=$TMP/$t
  mkdir -p "$nd"
  access_log=off
  [[ $t == nginx-log ]] && access_log=buffered
  if [[ $t == nginx-fwd ]]; then
    nginx_conf "$nd" "$port" "$ORIGIN_HOSTPORT" "$NGINX_FWD_HTTP" "$NGINX_FWD_LOCATION" "$access_log"
  else
    nginx_conf "$nd" "$port" "$ORIGIN_HOSTPORT" "" "" "$access_log"
  fi
  if start_nginx "$nd" "$port"; then
    BASE[$t]=$SCHEME://127.0.0.1:$port
    TPID[$t]=$STARTED_PID
  else
    gh_log "error: $t did not start"; FAILED=1
  fi
done

# --- Gatehouse ----------------------------------------------------------------

# The declarative configuration (resources/CONFIG_FORMAT.md): one upstream, one
# catch-all route. The listener comes from the command line.
write_gatehouse_config() {
  local listen=
  [[ $TLS -eq 1 ]] && listen="listen:
  tls: {certificate: $TLS_CERT, key: $TLS_KEY}"
  cat >"$1" <<EOF
version: 1
$listen
upstreams:
  - name: origin
    targets: [http://$ORIGIN_HOSTPORT]
routes:
  - {id: all, path: /, upstream: origin}
EOF
}

# `gatehouse` records every call into its call log (SQLite), as it always
# does; `gatehouse-nolog` is the same build with GATEHOUSE_CALL_LOG=off: the
# gateway records nothing and the writer idles. Their difference is what
# logging costs.
write_gatehouse_config "$TMP/gatehouse.yaml"
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

# A target must answer 2xx on a path, or its numbers there mean nothing.
declare -A VALID
ACTIVE=()
for t in "${TARGET_CHAIN[@]}"; do
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

# Every target runs once per round, compared targets back to back, the order
# reversed every other round (round_order): a ratio compares runs made
# seconds apart, and a slow spell of the machine (other work on a shared
# host) falls on different targets in different rounds. The report gives
# the median of the rounds for every figure and the spread of the
# per-round ratios.
for ((r = 1; r <= ROUNDS; r++)); do
  round_order "$r"
  for p in "${PATHS[@]}"; do
    for t in "${ORDER[@]}"; do
      [[ -n ${VALID["$t|$p"]:-} ]] || continue
      gh_log "throughput, round $r of $ROUNDS: $t $p ($CONNECTIONS connections, ${WARMUP} s warm-up, ${DURATION} s)"
      warm_up "${BASE[$t]}$p" "$CONNECTIONS"
      run_load_cpu "max|$t|$p|$r" "${TPID[$t]:-}" "${BASE[$t]}$p" "$CONNECTIONS" "$DURATION" || FAILED=1
    done
  done
done

# The table's "max|TARGET|PATH" figures: medians over the rounds that ran.
for p in "${PATHS[@]}"; do
  for t in "${ACTIVE[@]}"; do combine_rounds "max|$t|$p"; done
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
  for t in gatehouse gatehouse-nolog nginx-log nginx nginx-fwd direct; do
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
      && run_load "calib|$p" "$ORIGIN_URL$p" "$conns" "$calib" "$PAUSE_MS"; then
    conns=$(awk -v c="$conns" -v want="$rate" -v got="${RPS["calib|$p"]}" \
      'BEGIN { n = (got > 0) ? int(c * want / got + 0.5) : c; if (n < 1) n = 1; if (n > 1024) n = 1024; print n }')
  fi
  MOD_CONNS[$p]=$conns
  # In rounds too, as pass 1: a p99 is the figure most moved by a busy spell.
  for ((r = 1; r <= ROUNDS; r++)); do
    round_order "$r"
    for t in "${ORDER[@]}"; do
      [[ -n ${VALID["$t|$p"]:-} ]] || continue
      gh_log "moderate load, round $r of $ROUNDS: $t $p (~$rate req/s offered: $conns connections, ${PAUSE_MS} ms pause, ${DURATION} s)"
      run_load "mod|$t|$p|$r" "${BASE[$t]}$p" "$conns" "$DURATION" "$PAUSE_MS" || FAILED=1
    done
  done
  for t in "${ACTIVE[@]}"; do combine_rounds "mod|$t|$p"; done
done

# The logging Gatehouse's own account of its call log: stopping it prints
# how many calls were written and how many dropped.
CALL_LOG=
if [[ -n ${TPID[gatehouse]:-} ]]; then
  CALL_LOG=$(call_log_counts "${TPID[gatehouse]}" gatehouse)
fi

# --- report -------------------------------------------------------------------

# compare_pair LABEL A B PATH [cost|target]: throughput, p50 and p99 of A
# over B at maximum throughput; with `cost`, also how much throughput A loses
# against B (B is the same proxy without logging); with `target`, whether the
# throughput ratio meets the issue's target (at least 1.0x nginx). The target
# is judged against nginx doing the forwarding Gatehouse does (nginx-fwd):
# nginx's defaults send the origin a bare request and the client a bare
# response, and with wrk and the origin sharing a core the fields Gatehouse
# adds, parsed there, move the ratio by several percent on small responses.
compare_pair() {
  local label=$1 a="max|$2|$4" b="max|$3|$4"
  [[ -n ${RPS[$a]:-} && -n ${RPS[$b]:-} ]] || return 0
  local notes=''
  if [[ ${5:-} == cost ]]; then
    notes=$(awk -v a="${RPS[$a]}" -v b="${RPS[$b]}" 'BEGIN { if (b > 0) printf ", logging costs %.1f%% of throughput", (1 - a / b) * 100 }')
  fi
  if [[ -n ${CPU_US[$a]:-} && -n ${CPU_US[$b]:-} ]]; then
    notes+=$(awk -v a="${CPU_US[$a]}" -v b="${CPU_US[$b]}" 'BEGIN { if (a > 0) printf "; CPU per request %.2fx (req/s per core %.2fx)", a / b, b / a }')
  fi
  throughput_ratio "$a" "$b"
  local tput="${TPUT_RATIO}x$TPUT_RANGE"
  if [[ ${5:-} == target ]]; then
    tput+=$(printf '%s' "$tput" | awk '{ v = $1; sub(/x$/, "", v); printf " (target >= 1.0x: %s)", (v + 0 >= 1.0) ? "met" : "missed" }')
  fi
  printf '  %s throughput %s, p50 %sx, p99 %sx%s\n' "$label" \
    "$tput" "$(ratio "${P50[$a]}" "${P50[$b]}")" "$(ratio "${P99[$a]}" "${P99[$b]}")" "$notes"
}

mkdir -p "$OUT_DIR"
stamp=$(date +%Y%m%d-%H%M%S)
report=$OUT_DIR/proxy_bench-$stamp.txt

{
  echo "Gatehouse reverse-proxy benchmark, $(date -u +'%Y-%m-%d %H:%M UTC')"
  report_header
  echo "origin: $ORIGIN_URL; wrk: 1 thread, ${WARMUP} s warm-up, ${DURATION} s per run"
  [[ $TLS -eq 1 ]] && echo "HTTPS: wrk speaks TLS to the proxies (P-256 certificate); direct is plain HTTP, so p99 - direct includes TLS"
  echo
  if [[ $ROUNDS -gt 1 ]]; then
    echo "Pass 1: maximum throughput ($CONNECTIONS connections; $ROUNDS rounds, medians)"
  else
    echo "Pass 1: maximum throughput ($CONNECTIONS connections)"
  fi
  for p in "${PATHS[@]}"; do
    echo
    printf '  %-16s %12s %12s %12s %8s %12s %12s %12s\n' "$p" "req/s" "p50" "p99" "errors" "CPU/req" "worker CPU" "origin CPU"
    for t in "${ACTIVE[@]}"; do
      k="max|$t|$p"
      printf '  %-16s %12s %12s %12s %8s %12s %12s %12s\n' "$t" "$(cell "$k" rps)" "$(cell "$k" p50)" "$(cell "$k" p99)" "$(cell "$k" err)" "$(cell "$k" cpu)" "$(cell "$k" worker_cpu)" "$(cell "$k" origin_cpu)"
    done
    compare_pair "Gatehouse/nginx, both logging every call:" gatehouse nginx-log "$p"
    compare_pair "Gatehouse/nginx, same forwarding headers:" gatehouse-nolog nginx-fwd "$p" target
    compare_pair "Gatehouse/nginx forwarding nothing:      " gatehouse-nolog nginx "$p"
    compare_pair "Gatehouse logging on/off:                " gatehouse gatehouse-nolog "$p" cost
    compare_pair "nginx logging on/off:                    " nginx-log nginx "$p" cost
    compare_pair "Gatehouse logging/nginx not logging:     " gatehouse nginx "$p"
  done
  echo
  if [[ $ROUNDS -gt 1 ]]; then
    echo "Pass 2: latency at a moderate, equal load (half of Gatehouse's maximum rate; $ROUNDS rounds, medians)"
  else
    echo "Pass 2: latency at a moderate, equal load (half of Gatehouse's maximum rate)"
  fi
  echo "  wrk has no fixed-rate mode (wrk2 is not packaged in Debian): each connection"
  echo "  pauses ${PAUSE_MS} ms between a response and its next request; the connection count"
  echo "  is calibrated against the origin to offer the rate shown. The pause is not"
  echo "  counted as latency; the achieved rate is shown per target."
  for p in "${PATHS[@]}"; do
    [[ -n ${TARGET_RATE[$p]:-} ]] || continue
    echo
    printf '  %-16s %12s %12s %12s %14s %8s\n' "$p" "req/s" "p50" "p99" "p99 - direct" "errors"
    for t in "${ACTIVE[@]}"; do
      k="mod|$t|$p" d="mod|direct|$p"
      added=n/a
      if [[ -n ${P99[$k]:-} && -n ${P99[$d]:-} ]]; then
        added=$(awk -v a="${P99[$k]}" -v b="${P99[$d]}" 'BEGIN { printf "%+.2f ms", (a - b) / 1000 }')
      fi
      [[ $t == direct ]] && added=-
      printf '  %-16s %12s %12s %12s %14s %8s\n' "$t" "$(cell "$k" rps)" "$(cell "$k" p50)" "$(cell "$k" p99)" "$added" "$(cell "$k" err)"
    done
    echo "  offered: ~${TARGET_RATE[$p]} req/s (half of ${RATE_REF[$p]}'s maximum) with ${MOD_CONNS[$p]} connections"
    # The issue's target: at most 1 ms of p99 added over the origin, for
    # Gatehouse as it runs (call log on) and without its call log.
    verdicts=()
    for t in gatehouse gatehouse-nolog; do
      k="mod|$t|$p" d="mod|direct|$p"
      [[ -n ${P99[$k]:-} && -n ${P99[$d]:-} ]] || continue
      verdicts+=("$(awk -v t="$t" -v a="${P99[$k]}" -v b="${P99[$d]}" 'BEGIN { printf "%s %+.2f ms (%s)", t, (a - b) / 1000, (a - b <= 1000) ? "met" : "missed" }')")
    done
    if [[ ${#verdicts[@]} -gt 0 ]]; then
      printf '  p99 added, target <= 1 ms: %s\n' "$(printf '%s; ' "${verdicts[@]}" | sed 's/; $//')"
    fi
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
gh_log "report: $report (raw wrk output: $OUT_DIR/raw-$stamp/)"
exit "$FAILED"
