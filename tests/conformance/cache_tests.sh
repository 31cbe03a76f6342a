#!/usr/bin/env bash
# SPDX-FileCopyrightText: Gatehouse contributors
# SPDX-License-Identifier: Apache-2.0
#
# Runs the independent HTTP caching conformance suite, http-tests/cache-tests
# (the suite behind cache-tests.fyi), against Gatehouse's shared cache -- and,
# with --nginx, against nginx's proxy_cache in the same run -- and prints the
# results per kind of test (required, optimal, check).
#
#   tests/conformance/cache_tests.sh [options]
#     --suite DIR   a checkout of https://github.com/http-tests/cache-tests
#                   (default build/cache-tests; cloned there when missing,
#                   which needs the network)
#     --nginx       also run the suite against nginx proxy_cache
#     --id TEST     only this test, with the suite's request/response dump
#     --out DIR     where the JSON results go (default build/conformance)
#
# Environment: GATEHOUSE_BIN (default build/gatehouse).
# Needs git, Node.js and npm (installed with apt when missing). Every process
# started here is stopped by PID when the script exits. The suite's origin
# server listens on all interfaces (it has no option to bind 127.0.0.1 only)
# while the script runs.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
cd "$ROOT"
# shellcheck source=packaging/deps.sh
. "$ROOT/packaging/deps.sh"
# shellcheck source=tests/bench/bench_lib.sh
. "$ROOT/tests/bench/bench_lib.sh"

SUITE=$ROOT/build/cache-tests
OUT_DIR=$ROOT/build/conformance
WITH_NGINX=0
TEST_ID=
BIN=${GATEHOUSE_BIN:-$ROOT/build/gatehouse}

usage() { sed -n '10,17s/^# \{0,1\}//p' "${BASH_SOURCE[0]}"; }

while [[ $# -gt 0 ]]; do
  case $1 in
    --suite) SUITE=$2; shift 2 ;;
    --nginx) WITH_NGINX=1; shift ;;
    --id) TEST_ID=$2; shift 2 ;;
    --out) OUT_DIR=$2; shift 2 ;;
    -h|--help) usage; exit 0 ;;
    *) usage >&2; gh_die "unknown option: $1" ;;
  esac
done

[[ -x $BIN ]] || gh_die "no gatehouse binary at $BIN (build first: packaging/dev.sh build)"
packages=(git curl)
command -v node >/dev/null 2>&1 || packages+=(nodejs)
command -v npm >/dev/null 2>&1 || packages+=(npm)
[[ $WITH_NGINX == 1 ]] && packages+=(nginx-light)
gh_ensure_packages "${packages[@]}"

if [[ ! -f $SUITE/tests/index.mjs ]]; then
  gh_log "cloning http-tests/cache-tests into $SUITE"
  git clone --depth 1 https://github.com/http-tests/cache-tests.git "$SUITE" ||
    gh_die "could not clone the suite; clone it by hand and pass --suite DIR"
fi
if [[ ! -d $SUITE/node_modules ]]; then
  gh_log "installing the suite's npm dependencies"
  (cd "$SUITE" && npm install --no-audit --no-fund --loglevel=error) ||
    gh_die "npm install failed in $SUITE"
fi

bench_setup
mkdir -p "$OUT_DIR"

# The suite's interim-response (1xx) tests hook into fetch through undici 7's
# handler interface; the undici that Node.js 20 bundles rejects it ("fetch
# failed"). A global undici 7 dispatcher, loaded before the client, fixes that.
NODE_IMPORT=()
node_major=$(node -p 'process.versions.node.split(".")[0]')
if ((node_major >= 20)); then
  if ! (cd "$SUITE" && node -e 'require("undici/package.json").version.startsWith("7") || process.exit(1)') 2>/dev/null; then
    (cd "$SUITE" && npm install --no-save --no-audit --no-fund --loglevel=error undici@7) ||
      gh_log "warning: undici 7 not installed; the interim-response tests will fail with 'fetch failed'"
  fi
  if (cd "$SUITE" && node -e 'require("undici")') 2>/dev/null; then
    cat >"$TMP/undici-dispatcher.mjs" <<EOF
import { createRequire } from 'node:module'
const require = createRequire('$SUITE/package.json')
const { Agent, setGlobalDispatcher } = require('undici')
setGlobalDispatcher(new Agent())
EOF
    NODE_IMPORT=(--import "$TMP/undici-dispatcher.mjs")
  fi
else
  gh_log "warning: Node.js $node_major: the interim-response tests need Node.js 20 or later"
fi

# 1. The suite's origin server.
ORIGIN_PORT=$(free_port)
gh_log "starting the suite's origin server on port $ORIGIN_PORT"
(cd "$SUITE" && exec env npm_config_protocol=http npm_config_port="$ORIGIN_PORT" \
  npm_config_pidfile="$TMP/origin.pid" node test-engine/server/server.mjs) \
  >"$TMP/origin.log" 2>&1 </dev/null &
PIDS+=($!)
wait_for_http "http://127.0.0.1:$ORIGIN_PORT/" 20 || {
  cat "$TMP/origin.log" >&2
  gh_die "the suite's origin server did not start"
}

# runs the client against $1 (base URL) into $2
run_client() {
  local base=$1 out=$2
  (cd "$SUITE" && env npm_config_base="$base" npm_config_id="$TEST_ID" \
    npm_package_config_id="$TEST_ID" node --no-warnings "${NODE_IMPORT[@]}" test-engine/cli.mjs) \
    >"$out" 2>"$out.stderr" || gh_die "the suite's client failed: $(tail -n 5 "$out.stderr")"
}

# 2. Gatehouse: one route, caching on with the RFC defaults.
GATEHOUSE_PORT=$(free_port)
cat >"$TMP/gatehouse.json" <<EOF
{
  "version": 1,
  "listen": { "address": "127.0.0.1", "port": $GATEHOUSE_PORT },
  "upstreams": [ { "name": "suite-origin", "targets": ["http://127.0.0.1:$ORIGIN_PORT"] } ],
  "routes": [ { "id": "all", "path": "/", "upstream": "suite-origin", "cache": { "enabled": true } } ]
}
EOF
start_gatehouse "$TMP/gatehouse.json" "$GATEHOUSE_PORT" || gh_die "Gatehouse did not start"
gh_log "running the suite against Gatehouse"
run_client "$GATEHOUSE_URL" "$OUT_DIR/gatehouse.json"
RESULTS=("$OUT_DIR/gatehouse.json")

# 3. nginx, as the suite's own reference set-up does it.
if [[ $WITH_NGINX == 1 ]]; then
  NGINX_PORT=$(free_port)
  nd=$TMP/nginx
  mkdir -p "$nd/cache"
  nginx_conf "$nd" "$NGINX_PORT" "127.0.0.1:$ORIGIN_PORT" \
    "  proxy_cache_path $nd/cache levels=1:2 keys_zone=conformance:8m max_size=1000m inactive=600m;" \
    "      proxy_cache conformance;
      proxy_cache_revalidate on;"
  start_nginx "$nd" "$NGINX_PORT" || gh_die "nginx did not start"
  gh_log "running the suite against nginx"
  run_client "http://127.0.0.1:$NGINX_PORT" "$OUT_DIR/nginx.json"
  RESULTS+=("$OUT_DIR/nginx.json")
fi

if [[ -n $TEST_ID ]]; then
  for r in "${RESULTS[@]}"; do
    printf '\n=== %s\n' "$r"
    cat "$r"
  done
  exit 0
fi

# 4. The summary: per kind, passed / failed / not run (browser-only tests);
# then each failing required or optimal test. Gatehouse departs from a few
# tests on purpose; those are marked with the reason.
(cd "$SUITE" && node --input-type=module - "${RESULTS[@]}") <<'EOF'
import fs from 'node:fs'
import { pathToFileURL } from 'node:url'
const suites = (await import(pathToFileURL(process.cwd() + '/tests/index.mjs'))).default
const files = process.argv.slice(2)
const results = files.map(f => JSON.parse(fs.readFileSync(f, 'utf8')))
const names = files.map(f => f.replace(/.*\//, '').replace(/\.json$/, ''))
const deliberate = {
  'headers-store-Set-Cookie': 'responses with Set-Cookie are not stored unless the route strips it (strip_set_cookie)',
  'headers-store-Set-Cookie2': 'Set-Cookie2 is treated as Set-Cookie',
  'other-set-cookie': 'responses with Set-Cookie are not stored unless the route strips it (strip_set_cookie)',
  'cdn-private': 'CDN-Cache-Control is consumed, not forwarded; the response is not stored, as the test wants',
  'cdn-no-cache': 'CDN-Cache-Control is consumed, not forwarded; the stored response is revalidated, as the test wants',
  'method-POST': 'POST responses are cached only when the route opts in (cache_post)',
  'conditional-lm-fresh-no-lm': 'RFC 9111 4.3.2: without Last-Modified, If-Modified-Since is evaluated against Date, which is later here',
  'vary-normalise-lang-order': 'languages of equal preference are not reordered: an origin may take their order as a tie-break',
  'vary-normalise-lang-select': 'the cache does not negotiate languages (Content-Language against Accept-Language); the origin chooses',
  // The suite's origin answers 206 whatever it is asked; Gatehouse asks for
  // the whole representation on a ranged miss (as Varnish does), stores the
  // 200 and serves every later range from it (the partial-store-complete-*
  // tests, which pass), and does not store or combine 206 responses.
  ...Object.fromEntries(['partial-store-partial-reuse-partial', 'partial-store-partial-reuse-partial-byterange',
    'partial-store-partial-reuse-partial-absent', 'partial-store-partial-reuse-partial-suffix',
    'partial-store-partial-complete'].map(id => [id,
    'a ranged miss fetches the whole representation, stored and cut to ranges; 206 responses are not stored']))
}
const outcome = r => r === true ? 'pass' : r === undefined ? 'not run' : 'fail'
const tally = {}
const failing = []
for (const suite of suites) {
  for (const test of suite.tests) {
    const kind = test.kind || 'required'
    const outcomes = results.map(r => outcome(r[test.id]))
    outcomes.forEach((o, i) => {
      tally[kind] ??= results.map(() => ({ pass: 0, fail: 0, 'not run': 0 }))
      tally[kind][i][o]++
    })
    if (kind !== 'check' && outcomes[0] === 'fail') {
      const r = results[0][test.id]
      failing.push(`  ${kind.padEnd(8)} ${test.id}: ${Array.isArray(r) ? r.join(': ') : JSON.stringify(r)}` +
        (names.length > 1 ? ` [${names[1]}: ${outcomes[1]}]` : '') +
        (deliberate[test.id] ? `\n           by design: ${deliberate[test.id]}` : ''))
    }
  }
}
console.log('\nhttp-tests/cache-tests: passed / failed / not run (browser-only)')
console.log('  ' + 'kind'.padEnd(10) + names.map(n => n.padStart(24)).join(''))
for (const kind of ['required', 'optimal', 'check']) {
  if (!tally[kind]) continue
  console.log('  ' + kind.padEnd(10) + tally[kind].map(t => `${t.pass} / ${t.fail} / ${t['not run']}`.padStart(24)).join(''))
}
console.log(`\nfailing required and optimal tests (${names[0]}):`)
console.log(failing.length ? failing.join('\n') : '  none')
console.log(`\nresults: ${files.join(', ')}`)
EOF
