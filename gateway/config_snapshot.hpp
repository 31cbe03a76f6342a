// SPDX-FileCopyrightText: Gatehouse contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "gateway/cache/cache_policy.hpp"

#include <chrono>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace gatehouse::gateway {

namespace access {
struct access_table;
}

// The declarative gateway configuration: what the control plane compiles the
// catalog into (or what `--config FILE` describes). Plain values only; the
// gateway validates a snapshot and compiles it into its own runtime form
// before swapping it in, so a snapshot is never read on the hot path.

enum class balance_policy { round_robin, weighted, least_connections };

struct upstream_target {
    std::string url; // "http[s]://host[:port][/base/path]"
    unsigned weight = 1;
};

struct health_check_config {
    // Active checks: a periodic GET of `path` on every target.
    bool active = false;
    std::string path = "/health";
    std::chrono::milliseconds interval{5000};
    std::chrono::milliseconds timeout{2000};
    // Passive checks: a target that fails `max_failures` times in a row is
    // ejected for `cooldown`, then tried again.
    unsigned max_failures = 3;
    std::chrono::milliseconds cooldown{10000};
};

// TLS to an upstream's https:// targets.
struct upstream_tls_config {
    // The target's certificate must chain to a trusted authority and name
    // the host (as curl does, and nginx with proxy_ssl_verify). Off only for
    // development origins with self-signed certificates.
    bool verify = true;
    std::string ca_file;     // PEM authorities trusted instead of the system's; "": the system's
    std::string server_name; // sent as SNI and verified; "": each target's host
};

struct upstream_config {
    std::string name;
    std::vector<upstream_target> targets;
    upstream_tls_config tls;
    balance_policy policy = balance_policy::round_robin;
    std::chrono::milliseconds connect_timeout{2000};
    std::chrono::milliseconds read_timeout{30000};  // idle time between reads
    std::chrono::milliseconds total_timeout{60000}; // whole exchange
    unsigned max_idle_connections = 64;             // per target and worker
    health_check_config health;
};

enum class path_match { prefix, exact };

struct route_config {
    std::string id;
    std::uint64_t api_id = 0; // the catalog API this route belongs to (0: none); recorded per call
    std::string host;         // empty: any host
    // Literal segments and `{name}` parameters, e.g. "/shop/products/{id}".
    std::string path = "/";
    path_match match = path_match::prefix;
    std::vector<std::string> methods; // empty: any method
    std::string upstream;             // name of an upstream_config
    // Remove the part of the request path that the route matched before
    // forwarding; with `rewrite_prefix` set, replace it with that instead.
    bool strip_prefix = false;
    std::string rewrite_prefix;
    // A literal leading path removed before forwarding when the request path
    // starts with it (a catalog API's base path, for APIs that strip it);
    // independent of how the route matched.
    std::string strip_base;
    bool preserve_host = false; // forward the client's Host instead of the target's
    // Response caching for this route (off unless the API opts in).
    cache::cache_policy cache;
};

struct config_snapshot {
    std::vector<upstream_config> upstreams;
    std::vector<route_config> routes;
    // Who may call which catalog API (routes name theirs by api_id); null:
    // nothing is enforced, as for a hand-written --config file. Immutable,
    // so snapshots share it.
    std::shared_ptr<const access::access_table> access;
    // Targets named by host name are looked up again when the TTL of their
    // DNS answer runs out (as nginx's resolver and Kong do; 1 s at the
    // least), at the latest after this interval (names without a TTL, such
    // as those of /etc/hosts: at this interval), and switch to the new
    // addresses when the answer changes; a failed lookup keeps the last good
    // ones. 0: looked up only when a configuration is applied.
    std::chrono::milliseconds dns_refresh_interval{30000};
};

std::string to_string(balance_policy);

// Empty when the snapshot is valid, otherwise one line per problem, each
// naming the route or upstream at fault.
std::string validate(const config_snapshot& snapshot);

} // namespace gatehouse::gateway
