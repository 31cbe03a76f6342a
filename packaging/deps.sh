#!/usr/bin/env bash
# SPDX-FileCopyrightText: Gatehouse contributors
# SPDX-License-Identifier: Apache-2.0
#
# System packages Gatehouse needs on Debian 12, and a helper that installs only
# what is missing. Source it (`. packaging/deps.sh`) for the functions, or run it:
#
#   packaging/deps.sh [build|test|bench|all]...    (default: build test)
#
# When every package is already installed nothing touches apt (the fast path):
# one dpkg-query call decides.

# Build: compiler, CMake/Ninja/ccache, Qt 6 (Charts needs the OpenGL dev
# package; the SQL drivers are separate plugin packages), Boost 1.81, OpenSSL 3,
# yaml-cpp, tcmalloc (the gateway's allocator), Qt's own translations (dialog
# buttons and the like in German and Chinese), Qt's SVG plugins (the window
# icon); dpkg-dev for CPack's Debian package (dpkg-shlibdeps computes its
# dependencies); Xvfb and fonts so the GUI can run and be captured without a
# display: DejaVu for Latin, Droid Sans Fallback for the Simplified Chinese
# translation (without a CJK font its labels render as empty boxes).
GH_BUILD_PACKAGES=(
  cmake ninja-build ccache g++
  qt6-base-dev qt6-charts-dev libqt6opengl6-dev qt6-tools-dev qt6-tools-dev-tools
  qt6-l10n-tools qt6-translations-l10n libqt6sql6-sqlite libqt6sql6-psql libqt6svg6
  libboost1.81-dev libssl-dev libyaml-cpp-dev libgoogle-perftools-dev
  dpkg-dev
  xvfb xauth fonts-dejavu-core fonts-droid-fallback
)
# Tests: a throwaway PostgreSQL cluster for the shared-catalog storage tests;
# the validators the package test runs on the desktop entry and the AppStream
# metadata.
GH_TEST_PACKAGES=(postgresql desktop-file-utils appstream)
# Benchmarks: the load generator, the reference reverse proxy, and curl for
# the sanity checks.
GH_BENCH_PACKAGES=(wrk nginx curl)

gh_log() { printf '==> %s\n' "$*" >&2; }
gh_die() { printf 'error: %s\n' "$*" >&2; exit 1; }

# Runs a command as root: directly when we are root, through sudo otherwise.
gh_as_root() {
  if [[ ${EUID:-$(id -u)} -eq 0 ]]; then
    "$@"
  elif command -v sudo >/dev/null 2>&1; then
    sudo "$@"
  else
    gh_die "need root for: $* (run as root or install sudo)"
  fi
}

# Prints the packages (one per line) from "$@" that dpkg does not report as
# installed. Unknown names count as missing.
gh_missing_packages() {
  local -A installed=()
  local name status
  while read -r name status; do
    [[ $status == installed ]] && installed[$name]=1
  done < <(dpkg-query -W -f='${Package} ${db:Status-Status}\n' "$@" 2>/dev/null || true)
  for name in "$@"; do
    [[ -n ${installed[$name]:-} ]] || printf '%s\n' "$name"
  done
}

GH_APT_UPDATED=${GH_APT_UPDATED:-0}

# Installs whatever of "$@" is missing; does nothing (and never calls apt) when
# everything is there.
gh_ensure_packages() {
  if ! command -v dpkg-query >/dev/null 2>&1; then
    gh_log "not a Debian system: make sure these are installed: $*"
    return 0
  fi
  local missing
  mapfile -t missing < <(gh_missing_packages "$@")
  if [[ ${#missing[@]} -eq 0 ]]; then
    gh_log "system packages: all ${#} present"
    return 0
  fi
  command -v apt-get >/dev/null 2>&1 || gh_die "missing packages and no apt-get: ${missing[*]}"
  gh_log "installing missing packages: ${missing[*]}"
  if [[ $GH_APT_UPDATED != 1 ]]; then
    gh_as_root env DEBIAN_FRONTEND=noninteractive apt-get update </dev/null
    export GH_APT_UPDATED=1 # child scripts that source this file skip it too
  fi
  gh_as_root env DEBIAN_FRONTEND=noninteractive \
    apt-get install -y --no-install-recommends "${missing[@]}" </dev/null
  mapfile -t missing < <(gh_missing_packages "$@")
  [[ ${#missing[@]} -eq 0 ]] || gh_die "still missing after apt-get install: ${missing[*]}"
}

# Appends the packages of the named groups (build, test, bench, all) to the
# array named by $1: gh_packages_for pkgs build test
gh_packages_for() {
  local -n gh_out=$1
  shift
  local group
  for group in "$@"; do
    case $group in
      build) gh_out+=("${GH_BUILD_PACKAGES[@]}") ;;
      test)  gh_out+=("${GH_TEST_PACKAGES[@]}") ;;
      bench) gh_out+=("${GH_BENCH_PACKAGES[@]}") ;;
      all)   gh_out+=("${GH_BUILD_PACKAGES[@]}" "${GH_TEST_PACKAGES[@]}" "${GH_BENCH_PACKAGES[@]}") ;;
      *)     gh_die "unknown package group: $group (build, test, bench, all)" ;;
    esac
  done
}

if [[ ${BASH_SOURCE[0]} == "$0" ]]; then
  set -euo pipefail
  groups=("$@")
  [[ ${#groups[@]} -gt 0 ]] || groups=(build test)
  packages=()
  gh_packages_for packages "${groups[@]}"
  gh_ensure_packages "${packages[@]}"
fi
