#!/usr/bin/env bash
# SPDX-FileCopyrightText: Gatehouse contributors
# SPDX-License-Identifier: Apache-2.0
#
# One entry point for working on Gatehouse from a checkout (Debian 12).
#
#   packaging/dev.sh run [ARGS...]    install what is missing, build, start the console
#   packaging/dev.sh test [CTEST...]  install what is missing, build, run the test suites
#   packaging/dev.sh build            install what is missing, configure once, build
#   packaging/dev.sh package          build, then make the .deb and .tar.gz (prints the .deb)
#   packaging/dev.sh deps             install missing system packages (build + test)
#   packaging/dev.sh bench [ARGS...]  build, then tests/bench/proxy_bench.sh ARGS
#   packaging/dev.sh bench cache [ARGS...]  build, then tests/bench/cache_bench.sh ARGS
#   packaging/dev.sh bench instructions [ARGS...]  build, then tests/bench/instructions_bench.sh
#   packaging/dev.sh bench call-logs [ARGS...]  build, then the Call Logs page over a million calls
#   packaging/dev.sh conformance [ARGS...]  build, then the HTTP caching conformance suite
#                                 (tests/conformance/cache_tests.sh ARGS)
#
# Environment: GATEHOUSE_BUILD_DIR (default build), GATEHOUSE_JOBS (build jobs,
# default: all cores), GATEHOUSE_TEST_JOBS (parallel tests, default 2),
# GATEHOUSE_TEST_PG_URL (PostgreSQL for the storage tests; default: a throwaway cluster).
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"
# shellcheck source=packaging/deps.sh
. "$ROOT/packaging/deps.sh"

BUILD_DIR=${GATEHOUSE_BUILD_DIR:-build}
[[ $BUILD_DIR == /* ]] || BUILD_DIR=$ROOT/$BUILD_DIR
JOBS=${GATEHOUSE_JOBS:-$(nproc 2>/dev/null || echo 2)}
TEST_JOBS=${GATEHOUSE_TEST_JOBS:-2}

usage() {
  sed -n '5,21s/^# \{0,1\}//p' "${BASH_SOURCE[0]}"
}

# Echoes a command, then runs it.
run_cmd() {
  printf '+ %s\n' "$*" >&2
  "$@"
}

ensure_deps() {
  local packages=()
  gh_packages_for packages "$@"
  gh_ensure_packages "${packages[@]}"
}

# Configures the tree once (Ninja, Release; the ccache launcher comes from
# CMakeLists.txt) and builds with every core: everything, or the targets named.
# An existing tree is reused: Ninja re-runs CMake by itself when a
# CMakeLists.txt changes.
build() {
  local start=$SECONDS target
  local -a targets=()
  for target in "$@"; do targets+=(--target "$target"); done
  if [[ ! -f $BUILD_DIR/CMakeCache.txt || ! -f $BUILD_DIR/build.ninja ]]; then
    if [[ -f $BUILD_DIR/CMakeCache.txt ]] && ! grep -q '^CMAKE_GENERATOR:INTERNAL=Ninja$' "$BUILD_DIR/CMakeCache.txt"; then
      gh_die "$BUILD_DIR/ was configured with another generator; remove it or set GATEHOUSE_BUILD_DIR"
    fi
    gh_log "configuring $BUILD_DIR/ (Ninja, Release)"
    run_cmd cmake -S . -B "$BUILD_DIR" -G Ninja -DCMAKE_BUILD_TYPE=Release
  else
    gh_log "reusing $BUILD_DIR/"
  fi
  gh_log "building with $JOBS jobs"
  run_cmd cmake --build "$BUILD_DIR" --parallel "$JOBS" "${targets[@]}"
  gh_log "build done in $((SECONDS - start)) s"
}

has_display() {
  [[ -n ${DISPLAY:-} || -n ${WAYLAND_DISPLAY:-} ]]
}

cmd_run() {
  ensure_deps build
  build
  local bin=$BUILD_DIR/gatehouse
  [[ -x $bin ]] || gh_die "$bin was not built"
  local arg wants_gui=1
  for arg in "$@"; do
    case $arg in
      --headless|--demo-origin|--demo-origin=*|-h|--help|-v|--version) wants_gui=0 ;;
    esac
  done
  if [[ $wants_gui -eq 1 ]] && ! has_display && [[ -z ${QT_QPA_PLATFORM:-} ]]; then
    gh_log "no display (DISPLAY and WAYLAND_DISPLAY are empty): starting the gateway without the console"
    gh_log "for the console, run this from a desktop session (or under xvfb-run -a)"
    set -- --headless "$@"
  fi
  gh_log "starting $bin $*"
  exec "$bin" "$@"
}

# A throwaway PostgreSQL cluster for the storage and domain suites, which run
# every test against SQLite and PostgreSQL. Exports GATEHOUSE_TEST_PG_URL on
# success; on failure says why and returns 1, and the PostgreSQL half of those
# suites then fails loudly. Listens on 127.0.0.1 only, trust auth, no fsync.
# initdb refuses to run as root, so as root the cluster runs as `postgres`.
PG_TEST_DIR=
PG_TEST_BIN=
start_test_postgres() {
  local bindir
  bindir=$(find /usr/lib/postgresql -maxdepth 2 -name bin -type d 2>/dev/null | sort -V | tail -n 1)
  if [[ -z $bindir || ! -x $bindir/initdb ]]; then
    gh_log "PostgreSQL: no initdb under /usr/lib/postgresql (package postgresql)"
    return 1
  fi
  local -a as_pg=()
  if [[ ${EUID:-$(id -u)} -eq 0 ]]; then
    if ! id postgres >/dev/null 2>&1; then
      gh_log "PostgreSQL: running as root and there is no 'postgres' user to run the cluster"
      return 1
    fi
    as_pg=(runuser -u postgres --)
  fi
  PG_TEST_BIN=$bindir
  PG_TEST_DIR=$(mktemp -d "${TMPDIR:-/tmp}/gatehouse-pg.XXXXXX")
  chmod 0700 "$PG_TEST_DIR"
  [[ ${#as_pg[@]} -eq 0 ]] || chown postgres: "$PG_TEST_DIR"
  if ! (cd "$PG_TEST_DIR" && "${as_pg[@]}" "$bindir/initdb" -D "$PG_TEST_DIR/data" -U postgres \
        -A trust -E UTF8 --no-sync >"$PG_TEST_DIR/initdb.log" 2>&1); then
    gh_log "PostgreSQL: initdb failed:"
    sed 's/^/    /' "$PG_TEST_DIR/initdb.log" >&2
    return 1
  fi
  # Try a few random ports: a taken one only fails this start.
  local attempt port
  for attempt in 1 2 3 4 5; do
    port=$((20000 + RANDOM % 40000))
    if (cd "$PG_TEST_DIR" && "${as_pg[@]}" "$bindir/pg_ctl" -D "$PG_TEST_DIR/data" \
          -l "$PG_TEST_DIR/server.log" -w -t 30 \
          -o "-c listen_addresses=127.0.0.1 -p $port -k $PG_TEST_DIR -F" start >/dev/null); then
      if (cd "$PG_TEST_DIR" && "${as_pg[@]}" "$bindir/createdb" -h 127.0.0.1 -p "$port" \
            -U postgres gatehouse_test); then
        export GATEHOUSE_TEST_PG_URL="postgresql://postgres@127.0.0.1:$port/gatehouse_test"
        gh_log "PostgreSQL: throwaway cluster on 127.0.0.1:$port ($PG_TEST_DIR)"
        return 0
      fi
      break
    fi
  done
  gh_log "PostgreSQL: the test cluster did not start; server log:"
  sed 's/^/    /' "$PG_TEST_DIR/server.log" >&2 2>/dev/null || true
  return 1
}

stop_test_postgres() {
  [[ -n $PG_TEST_DIR && -d $PG_TEST_DIR ]] || return 0
  if [[ -f $PG_TEST_DIR/data/postmaster.pid ]]; then
    local -a as_pg=()
    [[ ${EUID:-$(id -u)} -ne 0 ]] || as_pg=(runuser -u postgres --)
    (cd "$PG_TEST_DIR" && "${as_pg[@]}" "$PG_TEST_BIN/pg_ctl" -D "$PG_TEST_DIR/data" \
      -m immediate -w stop >/dev/null 2>&1) || true
  fi
  rm -rf "$PG_TEST_DIR"
  PG_TEST_DIR=
}

cmd_test() {
  ensure_deps build test
  build
  # Private, throwaway runtime and data directories: Qt wants XDG_RUNTIME_DIR
  # (mode 0700), and the suites must never touch a real catalog.
  local tmp
  tmp=$(mktemp -d "${TMPDIR:-/tmp}/gatehouse-test.XXXXXX")
  chmod 0700 "$tmp"
  # shellcheck disable=SC2064 # expand $tmp now
  trap "stop_test_postgres; rm -rf '$tmp'" EXIT
  mkdir -m 0700 "$tmp/runtime" "$tmp/data" "$tmp/config" "$tmp/cache"
  if [[ -n ${GATEHOUSE_TEST_PG_URL:-} ]]; then
    gh_log "PostgreSQL: using GATEHOUSE_TEST_PG_URL from the environment"
  else
    start_test_postgres ||
      gh_log "PostgreSQL: continuing without it; the PostgreSQL half of the storage tests will fail"
  fi
  gh_log "running the test suites ($TEST_JOBS in parallel)"
  local rc=0
  QT_QPA_PLATFORM=offscreen \
  XDG_RUNTIME_DIR="$tmp/runtime" \
  XDG_DATA_HOME="$tmp/data" \
  XDG_CONFIG_HOME="$tmp/config" \
  XDG_CACHE_HOME="$tmp/cache" \
    run_cmd ctest --test-dir "$BUILD_DIR" --output-on-failure --no-tests=error \
      -j "$TEST_JOBS" "$@" </dev/null || rc=$?
  return "$rc"
}

# Builds the program (only what gets installed) and packages it with CPack
# (cmake/gatehouse_packaging.cmake) into $BUILD_DIR/packages/: a Debian
# package and a tarball. Prints the .deb's path on standard output.
cmd_package() {
  ensure_deps build
  build gatehouse >&2 # standard output is for the .deb's path
  grep -q '^CMAKE_BUILD_TYPE:STRING=Release$' "$BUILD_DIR/CMakeCache.txt" ||
    gh_die "$BUILD_DIR/ is not a Release tree; packages are made from one (set GATEHOUSE_BUILD_DIR)"
  local out=$BUILD_DIR/packages log deb
  log=$(mktemp "${TMPDIR:-/tmp}/gatehouse-cpack.XXXXXX")
  # shellcheck disable=SC2064 # expand $log now
  trap "rm -f '$log'" EXIT
  run_cmd cpack --config "$BUILD_DIR/CPackConfig.cmake" -B "$out" | tee "$log" >&2
  deb=$(sed -n 's/^CPack: - package: \(.*\.deb\) generated\.$/\1/p' "$log")
  [[ -n $deb && -f $deb ]] || gh_die "cpack made no .deb"
  gh_log "install it with: apt install $deb"
  printf '%s\n' "$deb"
}

# `bench` alone (or with options) is the reverse-proxy benchmark; `bench cache`
# the cache-hit one, `bench proxy` names the former explicitly. `bench
# call-logs` is a program of its own: it needs neither wrk nor nginx.
cmd_bench() {
  local script=proxy_bench.sh
  case ${1:-} in
    call-logs)
      shift
      ensure_deps build
      build call_log_scroll
      run_cmd "$BUILD_DIR/tests/bench/call_log_scroll" "$@"
      return
      ;;
    cache) script=cache_bench.sh; shift ;;
    instructions) script=instructions_bench.sh; shift ;;
    proxy) shift ;;
  esac
  ensure_deps build bench
  build
  GATEHOUSE_BIN="$BUILD_DIR/gatehouse" run_cmd "$ROOT/tests/bench/$script" "$@"
}

main() {
  local cmd=${1:-}
  [[ $# -gt 0 ]] && shift
  case $cmd in
    run)   cmd_run "$@" ;;
    test)  cmd_test "$@" ;;
    build) ensure_deps build; build ;;
    package) cmd_package ;;
    deps)  ensure_deps build test ;;
    bench) cmd_bench "$@" ;;
    conformance)
      ensure_deps build
      build
      GATEHOUSE_BIN="$BUILD_DIR/gatehouse" run_cmd "$ROOT/tests/conformance/cache_tests.sh" "$@"
      ;;
    -h|--help|help) usage ;;
    '') usage >&2; exit 2 ;;
    *) printf 'unknown command: %s\n\n' "$cmd" >&2; usage >&2; exit 2 ;;
  esac
}

main "$@"
