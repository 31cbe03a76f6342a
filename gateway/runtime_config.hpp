// SPDX-FileCopyrightText: Gatehouse contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "gateway/config_snapshot.hpp"
#include "gateway/dns_query.hpp"
#include "gateway/http_util.hpp"
#include "gateway/router.hpp"

#include <boost/asio/ip/tcp.hpp>

#include <atomic>
#include <chrono>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace boost::asio::ssl {
class context;
}

namespace gatehouse::gateway {

namespace cache {
class cache_store;
class cache_stats;
} // namespace cache

// The cache settings of one route, resolved once per configuration.
struct route_cache {
    const cache::cache_policy* policy = nullptr; // null: caching is off for the route
    cache::cache_stats* stats = nullptr;         // the API's counters (stable pointer)
    // The API as the cache names it (entries, per-API stats, purge by API):
    // the decimal catalog API id, or the route id for a route without an API.
    std::string api_key;
};

// The cache name of a route's API (see route_cache::api_key).
std::string cache_api_key(const route_config& route);

// Live state of one upstream target. It outlives configuration swaps (a new
// snapshot naming the same upstream and URL keeps its health and counters),
// so every field is atomic: any worker may update it.
struct target_state {
    std::uint64_t id = 0; // stable key for the per-worker connection pools
    std::string upstream_name;
    std::string url;
    http_url address;
    std::vector<boost::asio::ip::tcp::endpoint> endpoints; // resolved when compiled
    std::string host_header;                               // "host[:port]"
    // Why `endpoints` is empty ("cannot resolve 'h': ..."). Set before the
    // state is published and never changed: a later compile replaces an
    // unresolved state with a fresh one instead of mutating it under readers.
    std::string resolve_error;
    // The host is a name: `endpoints` came from a lookup. A later lookup
    // with another answer brings a fresh state (endpoints never change under
    // readers either).
    bool by_name = false;
    // No lookup of the name has answered yet (resolve_error is "looking up
    // 'h'"): a configuration applied a moment ago. Calls wait for the answer
    // (as long as a connect may take) instead of failing.
    bool lookup_pending = false;
    // Set once the state has left the running configuration (its target was
    // removed, or its name now resolves to other addresses): idle pooled
    // connections to it are closed and no more are kept.
    std::atomic<bool> retired{false};

    std::atomic<unsigned> consecutive_failures{0};
    std::atomic<std::int64_t> ejected_until_ns{0}; // steady_clock; passive health
    std::atomic<bool> active_healthy{true};        // last active check
    std::atomic<std::uint64_t> active_connections{0};
    std::atomic<std::uint64_t> requests{0};
    std::atomic<std::uint64_t> failures{0};
    std::atomic<std::uint64_t> last_latency_us{0};

    bool healthy(std::chrono::steady_clock::time_point now) const;
    void record_success(std::chrono::microseconds latency);
    void record_failure(const health_check_config& health);
};

struct upstream_runtime {
    upstream_config config;
    // For its https:// targets (shared by every worker's connections: an
    // OpenSSL context is safe to use from several threads once set up).
    std::shared_ptr<boost::asio::ssl::context> tls;
    std::vector<std::shared_ptr<target_state>> targets;
    std::vector<unsigned> weights; // parallel to targets
    // Parallel to targets: why the last refresh of the target's host name
    // failed while its old addresses serve on ("" otherwise). Per
    // configuration, as a failed refresh recompiles without a fresh state.
    std::vector<std::string> refresh_errors;
    std::vector<std::size_t> wrr_schedule; // smooth weighted round-robin order
    mutable std::atomic<std::uint64_t> next{0};

    // Picks a target by the balancing policy, preferring healthy ones and
    // never `exclude` when another exists. Lock-free; callable from any worker.
    target_state* select(const target_state* exclude = nullptr) const;
};

// The compiled, immutable form of a config_snapshot that workers read.
struct runtime_config {
    config_snapshot snapshot;
    router routes;
    std::vector<const upstream_runtime*> route_upstream; // per route index
    std::vector<std::unique_ptr<upstream_runtime>> upstreams;
    std::uint64_t generation = 0;
    // The store the per-route counters were resolved against; requests use
    // this one, so a store swapped by the control plane never mixes with
    // stale counter pointers.
    std::shared_ptr<cache::cache_store> cache;
    std::vector<route_cache> route_caches; // per route index
    // Some target's first lookup is still to answer (target_state::
    // lookup_pending): the configuration that replaces this one wakes the
    // calls waiting for it.
    bool lookups_pending = false;
};

// The target of upstream `upstream` with URL `url` in `config`; null when
// the configuration no longer has it.
target_state* find_target(const runtime_config& config, std::string_view upstream,
                          std::string_view url);

// Keeps target_state alive and shared across configurations.
class target_registry {
public:
    std::shared_ptr<target_state> get(const std::string& upstream, const std::string& url);
    // A fresh state in place of an unresolved one, to resolve again.
    std::shared_ptr<target_state> renew(const std::string& upstream, const std::string& url);
    void retain_only(const runtime_config& config);
    std::vector<std::shared_ptr<target_state>> all() const;

private:
    std::map<std::pair<std::string, std::string>, std::shared_ptr<target_state>> targets_;
    std::uint64_t next_id_ = 1;
};

// What looking up one target host found.
struct host_lookup {
    std::vector<boost::asio::ip::tcp::endpoint> endpoints;
    std::string error;                        // why `endpoints` is empty
    std::chrono::steady_clock::time_point at; // when the answer came
    // How long DNS says the answer stays valid (the smallest TTL of the
    // records used); none for /etc/hosts, IP literals and failures.
    std::optional<std::chrono::seconds> ttl;
    // The same addresses (in any order), and both failed or both not.
    bool same_answer(const host_lookup& other) const;
};
// Keyed by lookup_key().
using host_lookups = std::map<std::string, host_lookup, std::less<>>;
std::string lookup_key(const std::string& host, std::uint16_t port); // "host:port"
// Looks a host up as getaddrinfo would (/etc/hosts, then DNS), but asks DNS
// itself to learn the answer's TTL; names DNS does not know go through
// getaddrinfo after all (other nsswitch sources), without a TTL. With
// `server`, only that name server is asked (tests). Blocks for as long as
// DNS takes, so never call it with a lock held or on a thread that must stay
// responsive.
host_lookup system_lookup(const std::string& host, std::uint16_t port,
                          const std::optional<dns_server>& server = std::nullopt);
// The floor of a TTL-driven refresh: a TTL of 0 is looked up again after it.
inline constexpr std::chrono::milliseconds min_ttl_refresh{1000};
// Which host names of `config` to look up now, as (host, port) pairs
// without duplicates, and when the next one falls due. An unresolved target
// is due at once when no lookup of its name was made yet, otherwise
// `retry_interval` after the last one; a resolved one every
// snapshot.dns_refresh_interval (never when that is 0) or, when DNS gave a
// TTL, after the TTL (at least min_ttl_refresh) if that is shorter; while
// its last refresh failed and the old addresses serve, after the shorter of
// the retry and refresh intervals.
struct lookup_schedule {
    std::vector<std::pair<std::string, std::uint16_t>> due;
    std::optional<std::chrono::steady_clock::time_point> next; // none: nothing to wait for
};
lookup_schedule schedule_lookups(const runtime_config& config, const host_lookups& lookups,
                                 std::chrono::steady_clock::time_point now,
                                 std::chrono::milliseconds retry_interval);
// Forgets the answers for names `config` no longer uses.
void prune_lookups(host_lookups& lookups, const runtime_config& config);

// Compiles a validated snapshot. Never waits for DNS: a target whose host is
// an IP address gets its endpoint at once; a host name takes what `lookups`
// found for it, or, with no lookup made yet, the target is unresolved
// ("looking up 'h'") until one is made and the snapshot compiled again.
// A resolved name whose lookup now finds other addresses gets a fresh
// target state with them (the old one stays with the configuration that
// holds it, so requests under way finish on it); one whose lookup failed
// keeps its addresses, and `warnings` says so.
// Returns null and sets `error` when a target URL is unusable. A host name
// that does not resolve is not an error: that target is unhealthy (its calls
// answer 502 when no other target is left) and `warnings` says why (once its
// lookup has failed; one still to come is no warning).
std::shared_ptr<const runtime_config> compile(const config_snapshot& snapshot,
                                              target_registry& registry, std::uint64_t generation,
                                              std::string& error, const host_lookups& lookups,
                                              std::shared_ptr<cache::cache_store> cache = nullptr,
                                              std::vector<std::string>* warnings = nullptr);
bool has_unresolved_targets(const runtime_config& config);

} // namespace gatehouse::gateway
