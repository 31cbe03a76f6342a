#!/bin/sh
# SPDX-FileCopyrightText: Gatehouse contributors
# SPDX-License-Identifier: Apache-2.0
#
# Runs one test suite with configuration, data and cache directories of its
# own. CTest runs suites in parallel, and the GUI suites clear and write
# QSettings (window geometry, demo offer, language): sharing one
# ~/.config/Gatehouse between them let one suite's clear() wipe what another
# had just written. HOME moves too: suites in QStandardPaths' test mode keep
# their settings under ~/.qttest, which two runs of one suite (two build
# trees, or CI beside a developer's run) would otherwise share.
set -u
home=$(mktemp -d "${TMPDIR:-/tmp}/gatehouse-test.XXXXXX") || exit 1
trap 'rm -rf "$home"' EXIT
XDG_CONFIG_HOME=$home/config
XDG_DATA_HOME=$home/data
XDG_CACHE_HOME=$home/cache
HOME=$home
export XDG_CONFIG_HOME XDG_DATA_HOME XDG_CACHE_HOME HOME
"$@"
status=$?
exit "$status"
