#!/usr/bin/env bash
# SPDX-FileCopyrightText: Gatehouse contributors
# SPDX-License-Identifier: Apache-2.0
#
# One entry point for working on Gatehouse from a checkout (Debian 12).
#
#   packaging/dev.sh run [ARGS...]    install what is missing, build, start the console
#   packaging/dev.sh test [CTEST...]  install what is missing, build, run the test suites
#   packaging/dev.sh build            install what is missing, configure once, build
#   packaging/dev.sh deps             install missing system packages (build + test)
#   packaging/dev.sh bench [ARGS...]  build, then tests/bench/proxy_bench.sh ARGS
#
# Environment: GATEHOUSE_BUILD_DIR (default build), GATEHOUSE_JOBS (build jobs,
# default: all cores), GATEHOUSE_TEST_JOBS (parallel tests, default 2).
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
  sed -n '5,14s/^# \{0,1\}//p' "${BASH_SOURCE[0]}"
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
# CMakeLists.txt) and builds with every core. An existing tree is reused: Ninja
# re-runs CMake by itself when a CMakeLists.txt changes.
build() {
  local start=$SECONDS
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
  run_cmd cmake --build "$BUILD_DIR" --parallel "$JOBS"
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

cmd_test() {
  ensure_deps build test
  build
  # Private, throwaway runtime and data directories: Qt wants XDG_RUNTIME_DIR
  # (mode 0700), and the suites must never touch a real catalog.
  local tmp
  tmp=$(mktemp -d "${TMPDIR:-/tmp}/gatehouse-test.XXXXXX")
  chmod 0700 "$tmp"
  # shellcheck disable=SC2064 # expand $tmp now
  trap "rm -rf '$tmp'" EXIT
  mkdir -m 0700 "$tmp/runtime" "$tmp/data" "$tmp/config" "$tmp/cache"
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

cmd_bench() {
  ensure_deps build bench
  build
  GATEHOUSE_BIN="$BUILD_DIR/gatehouse" run_cmd "$ROOT/tests/bench/proxy_bench.sh" "$@"
}

main() {
  local cmd=${1:-}
  [[ $# -gt 0 ]] && shift
  case $cmd in
    run)   cmd_run "$@" ;;
    test)  cmd_test "$@" ;;
    build) ensure_deps build; build ;;
    deps)  ensure_deps build test ;;
    bench) cmd_bench "$@" ;;
    -h|--help|help) usage ;;
    '') usage >&2; exit 2 ;;
    *) printf 'unknown command: %s\n\n' "$cmd" >&2; usage >&2; exit 2 ;;
  esac
}

main "$@"
