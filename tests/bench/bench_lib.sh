# shellcheck shell=bash
# SPDX-FileCopyrightText: Gatehouse contributors
# SPDX-License-Identifier: Apache-2.0
#
# Helpers shared by the wrk benchmarks (proxy_bench.sh, cache_bench.sh).
# Sourced, not run. Needs ROOT set and packaging/deps.sh sourced (gh_log,
# gh_die). bench_setup must be called once before anything that starts a
# process or writes a temporary file.

# check_range OPTION VALUE MIN MAX
check_range() {
  if [[ ! $2 =~ ^[0-9]+$ ]] || ((10#$2 < $3 || 10#$2 > $4)); then
    gh_die "$1: expected a whole number from $3 to $4, got '$2'"
  fi
}

# --- processes, temp files, cleanup -------------------------------------------

TMP=
PIDS=()
GATEHOUSE_URL=
STARTED_PID= # the last proxy started by start_nginx or start_gatehouse
# Extra directories removed on exit (e.g. a cache directory on /dev/shm).
CLEANUP_DIRS=()

# shellcheck disable=SC2317 # called by the EXIT trap
bench_cleanup() {
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
  [[ -z $TMP ]] || rm -rf "$TMP"
  local d
  for d in "${CLEANUP_DIRS[@]}"; do rm -rf "$d"; done
}

# Creates $TMP, installs the cleanup trap, sets gatehouse_env, the CPU pinning
# (pin_proxy, pin_load, pinning) and writes the wrk Lua scripts.
bench_setup() {
  TMP=$(mktemp -d "${TMPDIR:-/tmp}/gatehouse-bench.XXXXXX")
  trap bench_cleanup EXIT
  trap 'exit 130' INT TERM

  # Gatehouse processes get throwaway data and config directories.
  mkdir -m 0700 "$TMP/xdg-runtime" "$TMP/xdg-data" "$TMP/xdg-config" "$TMP/xdg-cache"
  gatehouse_env=(env QT_QPA_PLATFORM=offscreen XDG_RUNTIME_DIR="$TMP/xdg-runtime"
    XDG_DATA_HOME="$TMP/xdg-data" XDG_CONFIG_HOME="$TMP/xdg-config" XDG_CACHE_HOME="$TMP/xdg-cache")

  # The proxy under test gets one core; wrk and the origin share the other.
  local cpus=() range c
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

  RAW_DIR=$TMP/raw
  mkdir -p "$RAW_DIR"
}

# A free TCP port on 127.0.0.1 (nothing listening, not handed out before),
# below the kernel's ephemeral range: a port in that range can be taken by
# any outgoing connection (or linger in TIME_WAIT) between this check and
# the server's bind, which then fails with "Address already in use".
USED_PORTS=" "
free_port() {
  local port i low=32768 span
  read -r low _ </proc/sys/net/ipv4/ip_local_port_range 2>/dev/null || true
  ((low > 12000)) || low=32768
  span=$((low - 10000))
  for ((i = 0; i < 200; i++)); do
    port=$((10000 + RANDOM % span))
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
      grep -oE 'https?://[0-9.]+:[0-9]+' <<<"$line" | head -n1 || true
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
    curl -sk -o /dev/null --max-time 1 "$url" && return 0
    sleep 0.1
  done
  return 1
}

# Status code of one GET.
# (-k: with proxy_bench --tls the proxies serve a throwaway certificate.)
http_status() { curl -sk -o /dev/null --max-time 5 -w '%{http_code}' "$1" || true; }

# --- wrk ----------------------------------------------------------------------

declare -A RPS P50 P99 ERRS CONNS REQS CPU_US WORKER_CPU_US ORIGIN_CPU_US
# The demo origin's PID when this script started it (start_demo_origin):
# run_load_cpu then also measures what each request cost the origin.
ORIGIN_PID=

# cpu_ticks PID: CPU time (user + system, in clock ticks) used so far by PID
# and its child processes (nginx's worker is a child of its master).
cpu_ticks() {
  local pid=$1 total=0 child stat
  local pids=("$pid")
  for child in $(cat /proc/"$pid"/task/*/children 2>/dev/null); do pids+=("$child"); done
  for child in "${pids[@]}"; do
    stat=$(cat /proc/"$child"/stat 2>/dev/null) || continue
    stat=${stat##*) } # fields after the command name, which may hold spaces
    # shellcheck disable=SC2086
    set -- $stat
    total=$((total + ${12} + ${13})) # utime, stime (fields 14 and 15 of stat)
  done
  printf '%s\n' "$total"
}

# worker_ticks PID: the CPU time (clock ticks) of PID's request-serving
# threads: for Gatehouse its gateway workers (the threads named gh-worker-N),
# without the call-log writer, the stats poll and the idle main thread that
# cpu_ticks counts too; for anything else, cpu_ticks (nginx's master is idle,
# its worker a child process).
worker_ticks() {
  local pid=$1 total=0 found=0 task stat
  for task in /proc/"$pid"/task/*; do
    [[ $(cat "$task/comm" 2>/dev/null) == gh-worker-* ]] || continue
    stat=$(cat "$task/stat" 2>/dev/null) || continue
    stat=${stat##*) }
    # shellcheck disable=SC2086
    set -- $stat
    total=$((total + ${12} + ${13}))
    found=1
  done
  if [[ $found -eq 1 ]]; then printf '%s\n' "$total"; else cpu_ticks "$pid"; fi
}

# run_load_cpu KEY PID URL CONNECTIONS SECONDS [PAUSE_MS]: run_load, plus the CPU
# time PID (and its children) used per request during the run, in CPU_US[KEY]
# (microseconds); PID may be empty. On a shared machine this is the steadier
# figure: it does not depend on how much of its core the proxy was given. With
# ORIGIN_PID set, the origin's CPU time per request goes to ORIGIN_CPU_US[KEY]:
# what each proxy's requests cost the origin (the fields it forwards are
# parsed there), on the core the origin shares with wrk.
run_load_cpu() {
  local key=$1 pid=$2 before= after origin_before= origin_after worker_before= worker_after
  shift 2
  [[ -n $pid ]] && before=$(cpu_ticks "$pid") && worker_before=$(worker_ticks "$pid")
  [[ -n $ORIGIN_PID ]] && origin_before=$(cpu_ticks "$ORIGIN_PID")
  run_load "$key" "$@" || return 1
  [[ -n $pid ]] && after=$(cpu_ticks "$pid") && worker_after=$(worker_ticks "$pid")
  [[ -n $ORIGIN_PID ]] && origin_after=$(cpu_ticks "$ORIGIN_PID")
  [[ ${REQS[$key]:-0} -gt 0 ]] || return 0
  if [[ -n $pid ]]; then
    CPU_US[$key]=$(per_request_us $((after - before)) "${REQS[$key]}")
    WORKER_CPU_US[$key]=$(per_request_us $((worker_after - worker_before)) "${REQS[$key]}")
  fi
  if [[ -n $ORIGIN_PID ]]; then
    ORIGIN_CPU_US[$key]=$(per_request_us $((origin_after - origin_before)) "${REQS[$key]}")
  fi
}

# per_request_us TICKS REQUESTS: clock ticks spread over requests, in µs.
per_request_us() {
  awk -v t="$1" -v hz="$(getconf CLK_TCK)" -v n="$2" 'BEGIN { printf "%.1f", t * 1e6 / hz / n }'
}

# The load generator run_load and warm_up use: `wrk` (the default), or
# `bench_load` (tests/bench/bench_load.cpp, at $BENCH_LOAD_BIN): a one-thread
# closed-loop client that drops Content-Length bodies in the kernel instead of
# copying them, for sizes at which wrk's own core is the limit.
LOAD_CLIENT=wrk
BENCH_LOAD_BIN=${BENCH_LOAD_BIN:-} # may come from the environment

# load_command URL CONNECTIONS SECONDS [PAUSE_MS]: the $LOAD_CLIENT command
# line for one run, in LOAD_COMMAND; it prints the BENCH line.
load_command() {
  local url=$1 conns=$2 seconds=$3 pause=${4:-}
  if [[ $LOAD_CLIENT == bench_load ]]; then
    [[ -z $pause ]] || gh_die "run_load: a paced run needs wrk"
    LOAD_COMMAND=("$BENCH_LOAD_BIN" -c "$conns" -d "$seconds" --timeout 5 "$url")
  else
    local script=$TMP/report.lua extra=()
    if [[ -n $pause ]]; then
      script=$TMP/paced.lua
      extra=(-- "$pause")
    fi
    LOAD_COMMAND=(wrk -t1 -c"$conns" -d"${seconds}s" --timeout 5s --latency -s "$script" "$url" "${extra[@]}")
  fi
}

# run_load KEY URL CONNECTIONS SECONDS [PAUSE_MS]: one measured run of
# $LOAD_CLIENT, results stored under KEY. Returns non-zero when it failed.
# PAUSE_MS (a pause between a response and the next request) needs wrk.
run_load() {
  local key=$1 url=$2 conns=$3 seconds=$4 pause=${5:-}
  local raw=$RAW_DIR/${key//[^A-Za-z0-9_.-]/_}.txt
  load_command "$url" "$conns" "$seconds" "$pause"
  if ! "${pin_load[@]}" "${LOAD_COMMAND[@]}" >"$raw" 2>&1; then
    gh_log "$LOAD_CLIENT failed for $key:"; cat "$raw" >&2
    return 1
  fi
  local line
  line=$(grep -m1 '^BENCH ' "$raw") || { gh_log "no result from $LOAD_CLIENT for $key"; cat "$raw" >&2; return 1; }
  local -A f=()
  local kv
  for kv in ${line#BENCH }; do f[${kv%%=*}]=${kv#*=}; done
  RPS[$key]=${f[rps]}
  REQS[$key]=${f[requests]}
  P50[$key]=${f[p50_us]}
  P99[$key]=${f[p99_us]}
  CONNS[$key]=$conns
  ERRS[$key]=$((f[err_connect] + f[err_read] + f[err_write] + f[err_timeout] + f[err_status]))
  if [[ ${ERRS[$key]} -gt 0 ]]; then
    gh_log "warning: $key: $line"
  fi
}

# warm_up URL CONNECTIONS: an unmeasured run of $LOAD_CLIENT, $WARMUP seconds.
warm_up() {
  [[ $WARMUP -gt 0 ]] || return 0
  load_command "$1" "$2" "$WARMUP"
  "${pin_load[@]}" "${LOAD_COMMAND[@]}" >/dev/null 2>&1 || true
}

# --- rounds -------------------------------------------------------------------

# median VALUES...: the middle value (the mean of the two middle ones for an
# even count); nothing for no values.
median() {
  [[ $# -gt 0 ]] || return 0
  printf '%s\n' "$@" | sort -g | awk '{ v[NR] = $1 } END {
    if (NR % 2) printf "%s", v[(NR + 1) / 2]; else printf "%.10g", (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}

# The order targets run in within a round: every pair the report compares
# (Gatehouse with nginx-log; without logging with nginx and nginx-fwd; the
# two Gatehouses) runs back to back, or one run apart for nginx-fwd, so
# that a ratio compares runs seconds apart rather than a minute.
# shellcheck disable=SC2034 # read by the sourcing scripts
TARGET_CHAIN=(direct nginx-log gatehouse gatehouse-nolog nginx nginx-fwd)

# round_order R: the active targets (ACTIVE, in TARGET_CHAIN's order) in
# round R's order, in ORDER: as listed in odd rounds, reversed in even ones,
# so each pair runs in both orders and a machine slowing down or speeding
# up over a round does not favour one side of it.
round_order() {
  ORDER=()
  local i n=${#ACTIVE[@]}
  for ((i = 0; i < n; i++)); do
    if (($1 % 2 == 1)); then ORDER+=("${ACTIVE[i]}"); else ORDER+=("${ACTIVE[n - 1 - i]}"); fi
  done
}

# combine_rounds KEY: the figures run_load(_cpu) stored under KEY|1 ...
# KEY|ROUNDS, folded into KEY: medians of requests/s, p50, p99 and CPU per
# request (one decimal), sums of errors and requests. Nothing when no round
# ran.
combine_rounds() {
  local key=$1 r k rps=() p50=() p99=() cpu=() wcpu=() ocpu=() errs=0 reqs=0
  for ((r = 1; r <= ROUNDS; r++)); do
    k="$key|$r"
    [[ -n ${RPS[$k]:-} ]] || continue
    rps+=("${RPS[$k]}"); p50+=("${P50[$k]}"); p99+=("${P99[$k]}")
    errs=$((errs + ${ERRS[$k]})); reqs=$((reqs + ${REQS[$k]}))
    [[ -n ${CPU_US[$k]:-} ]] && cpu+=("${CPU_US[$k]}")
    [[ -n ${WORKER_CPU_US[$k]:-} ]] && wcpu+=("${WORKER_CPU_US[$k]}")
    [[ -n ${ORIGIN_CPU_US[$k]:-} ]] && ocpu+=("${ORIGIN_CPU_US[$k]}")
  done
  [[ ${#rps[@]} -gt 0 ]] || return 0
  RPS[$key]=$(median "${rps[@]}"); P50[$key]=$(median "${p50[@]}"); P99[$key]=$(median "${p99[@]}")
  ERRS[$key]=$errs; REQS[$key]=$reqs
  [[ ${#cpu[@]} -gt 0 ]] && CPU_US[$key]=$(median "${cpu[@]}" | awk '{ printf "%.1f", $1 }')
  [[ ${#wcpu[@]} -gt 0 ]] && WORKER_CPU_US[$key]=$(median "${wcpu[@]}" | awk '{ printf "%.1f", $1 }')
  [[ ${#ocpu[@]} -gt 0 ]] && ORIGIN_CPU_US[$key]=$(median "${ocpu[@]}" | awk '{ printf "%.1f", $1 }')
  return 0
}

# throughput_ratio A B: A's requests/s over B's (keys of run_load figures
# combined by combine_rounds), in TPUT_RATIO (two decimals). With several
# rounds it is the median of the per-round ratios (each from two runs close
# in time), and TPUT_RANGE is " (rounds LOW-HIGH)"; otherwise TPUT_RANGE is
# empty.
# shellcheck disable=SC2034 # TPUT_* are read by the sourcing script
throughput_ratio() {
  local a=$1 b=$2 r per_round=()
  for ((r = 1; r <= ROUNDS; r++)); do
    [[ -n ${RPS[$a|$r]:-} && -n ${RPS[$b|$r]:-} ]] && per_round+=("$(ratio "${RPS[$a|$r]}" "${RPS[$b|$r]}")")
  done
  TPUT_RATIO=$(ratio "${RPS[$a]}" "${RPS[$b]}")
  TPUT_RANGE=
  if [[ ${#per_round[@]} -gt 1 ]]; then
    TPUT_RATIO=$(median "${per_round[@]}" | awk '{ printf "%.2f", $1 }')
    TPUT_RANGE=" (rounds $(printf '%s\n' "${per_round[@]}" | sort -g | sed -n '1p;$p' | paste -sd- -))"
  fi
}

# --- starting things ----------------------------------------------------------

# start_demo_origin: starts `gatehouse --demo-origin` on the load CPU and sets
# ORIGIN_URL (the caller's variable).
start_demo_origin() {
  local port url
  port=$(free_port)
  gh_log "starting the demo origin on 127.0.0.1:$port"
  "${pin_load[@]}" "${gatehouse_env[@]}" "$BIN" --demo-origin "$port" --threads 1 \
    >"$TMP/origin.log" 2>&1 </dev/null &
  PIDS+=($!)
  ORIGIN_PID=$!
  url=$(wait_for_line "$TMP/origin.log" 'demo origin listening on' 30 "${PIDS[-1]}") \
    || gh_die "the demo origin did not start"
  # shellcheck disable=SC2034 # read by the sourcing script
  ORIGIN_URL=${url:-http://127.0.0.1:$port}
}

# nginx_conf DIR PORT ORIGIN_HOSTPORT HTTP_EXTRA LOCATION_EXTRA [ACCESS_LOG]:
# writes DIR/nginx.conf, a reverse proxy with a keep-alive upstream. The two
# extra arguments are inserted into the http and location blocks. ACCESS_LOG
# is the access_log directive's argument (default: off); `buffered` logs every
# request to DIR/access.log in the combined format through a 64 KiB buffer
# flushed at least every second, the usual set-up for a busy server. With
# TLS_CERT and TLS_KEY set, it serves HTTPS with them (nginx's other TLS
# defaults: TLS 1.2 and 1.3, its cipher list, no session cache).
nginx_conf() {
  local nd=$1 port=$2 origin=$3 http_extra=$4 location_extra=$5 access_log=${6:-off} user_line=
  [[ $access_log == buffered ]] && access_log="$nd/access.log combined buffer=64k flush=1s"
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
  access_log $access_log;
  client_body_temp_path $nd/client_body;
  proxy_temp_path $nd/proxy;
  fastcgi_temp_path $nd/fastcgi;
  uwsgi_temp_path $nd/uwsgi;
  scgi_temp_path $nd/scgi;
  keepalive_timeout 65s;
  keepalive_requests 1000000;
$http_extra
  upstream origin {
    server $origin;
    keepalive 64;
    keepalive_requests 1000000;
  }
  server {
    listen 127.0.0.1:$port${TLS_CERT:+ ssl};
${TLS_CERT:+    ssl_certificate $TLS_CERT;
    ssl_certificate_key $TLS_KEY;}
    location / {
      proxy_pass http://origin;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
$location_extra
    }
  }
}
EOF
}

# start_nginx DIR PORT: starts nginx (DIR/nginx.conf) on the proxy CPU; returns
# non-zero, with its logs on stderr, when it does not answer.
start_nginx() {
  local nd=$1 port=$2
  gh_log "starting nginx on 127.0.0.1:$port (config $nd/nginx.conf)"
  "${pin_proxy[@]}" nginx -p "$nd/" -c "$nd/nginx.conf" -e "$nd/error.log" \
    >"$nd/stdout.log" 2>&1 </dev/null &
  PIDS+=($!)
  # shellcheck disable=SC2034 # read by the sourcing script
  STARTED_PID=$!
  if ! wait_for_http "http://127.0.0.1:$port/" 10; then
    cat "$nd/stdout.log" "$nd/error.log" >&2 2>/dev/null || true
    return 1
  fi
}

# start_gatehouse CONFIG PORT [NAME [ENV...]]: starts the headless gateway
# (1 thread, no admin API) on the proxy CPU and sets GATEHOUSE_URL. NAME
# (default gatehouse) gives the instance its own log and data directories, so
# that two can run side by side; ENV are extra VAR=value settings, e.g.
# GATEHOUSE_CALL_LOG=off. Not to be called in a subshell: the PID must reach
# the cleanup list.
start_gatehouse() {
  local config=$1 port=$2 name=${3:-gatehouse} url
  local extra_env=("${@:4}")
  local data=$TMP/xdg-data
  if [[ $name != gatehouse ]]; then
    data=$TMP/xdg-data-$name
    mkdir -m 0700 -p "$data"
  fi
  gh_log "starting Gatehouse ($name) on 127.0.0.1:$port (1 thread${extra_env[*]:+, ${extra_env[*]}})"
  "${pin_proxy[@]}" "${gatehouse_env[@]}" XDG_DATA_HOME="$data" "${extra_env[@]}" "$BIN" --headless \
    --config "$config" --listen "127.0.0.1:$port" --admin-listen off --threads 1 \
    >"$TMP/$name.log" 2>&1 </dev/null &
  PIDS+=($!)
  STARTED_PID=$!
  url=$(wait_for_line "$TMP/$name.log" 'gateway listening on' 30 "${PIDS[-1]}") || return 1
  # shellcheck disable=SC2034 # read by the sourcing script
  GATEHOUSE_URL=${url:-http://127.0.0.1:$port}
}

# call_log_counts PID NAME: stops the Gatehouse that start_gatehouse started
# as NAME (PID) and prints "LOGGED DROPPED" from the summary it prints on the
# way out ("telemetry: N calls logged, M dropped, ..."), or nothing when it
# printed none. The call log never slows traffic: records its writer cannot
# keep up with are dropped and counted, so a logging run is only like
# nginx's access log when DROPPED is 0.
call_log_counts() {
  local pid=$1 name=$2 killer line
  kill -TERM "$pid" 2>/dev/null || return 0
  (sleep 20; kill -KILL "$pid" 2>/dev/null) &
  killer=$!
  wait "$pid" 2>/dev/null || true
  kill "$killer" 2>/dev/null || true
  wait "$killer" 2>/dev/null || true
  line=$(grep -m1 -oE 'telemetry: [0-9]+ calls logged, [0-9]+ dropped' "$TMP/$name.log" 2>/dev/null) || return 0
  awk '{ print $2, $5 }' <<<"$line"
}

# call_log_line LOGGED DROPPED: the report's sentence about a logging run.
call_log_line() {
  awk -v l="$1" -v d="$2" 'BEGIN {
    t = l + d
    printf "gatehouse call log over all its runs (warm-ups included): %d calls written, %d dropped (%.1f%%)", l, d, (t > 0 ? 100 * d / t : 0)
    if (d > 0) printf "; its writer shares the pinned core and could not keep up, so its rows are not like nginx-log, which logs every request"
    printf "\n" }'
}

# --- report helpers -----------------------------------------------------------

ms() { awk -v us="$1" 'BEGIN { printf "%.2f ms", us / 1000 }'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.2f", a / b; else printf "n/a" }'; }

# cell KEY FIELD: one formatted result of run_load.
cell() {
  local key=$1
  [[ -n ${RPS[$key]:-} ]] || { printf 'n/a'; return; }
  case $2 in
    rps) printf '%.0f' "${RPS[$key]}" ;;
    p50) ms "${P50[$key]}" ;;
    p99) ms "${P99[$key]}" ;;
    err) printf '%s' "${ERRS[$key]}" ;;
    conns) printf '%s' "${CONNS[$key]}" ;;
    cpu) [[ -n ${CPU_US[$key]:-} ]] && printf '%s us' "${CPU_US[$key]}" || printf 'n/a' ;;
    origin_cpu) [[ -n ${ORIGIN_CPU_US[$key]:-} ]] && printf '%s us' "${ORIGIN_CPU_US[$key]}" || printf 'n/a' ;;
    worker_cpu) [[ -n ${WORKER_CPU_US[$key]:-} ]] && printf '%s us' "${WORKER_CPU_US[$key]}" || printf 'n/a' ;;
  esac
}

# The tool and machine lines at the top of a report.
report_header() {
  echo "machine: $(nproc) CPUs, $(grep -m1 'model name' /proc/cpuinfo 2>/dev/null | sed 's/.*: //' || echo unknown CPU); $pinning"
  echo "load average at the end: $(cut -d' ' -f1-3 /proc/loadavg) (other work on the machine skews the figures)"
  echo "tools: $(wrk -v 2>&1 | head -n1 | awk '{print "wrk", $2}'); $(nginx -v 2>&1 | sed 's/.*: //')"
  if [[ -x $BIN ]]; then
    echo "gatehouse: $("$BIN" --version 2>/dev/null | head -n1 || echo '?') ($BIN)"
  fi
}
