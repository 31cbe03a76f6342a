// SPDX-FileCopyrightText: Gatehouse contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <vector>

namespace gatehouse::gateway {

struct target_health {
    std::string upstream;
    std::string url;
    bool healthy = true;
    unsigned consecutive_failures = 0;
    std::uint64_t active_connections = 0;
    std::uint64_t requests = 0;
    std::uint64_t failures = 0;
    std::uint64_t last_latency_us = 0; // most recent upstream response time
    std::string problem;               // e.g. why its host name does not resolve
    // Why the last refresh of its host name failed (dns_refresh_interval);
    // the last good addresses still serve. Empty while lookups succeed.
    std::string refresh_error;
};

// A consistent-enough copy of the gateway's counters: each field is read
// with a relaxed load, so counters may be a few requests apart from each
// other, but none ever goes backwards.
struct stats_snapshot {
    std::uint64_t requests = 0; // completed responses, including rejections
    std::uint64_t active_connections = 0;
    std::uint64_t accepted_connections = 0;
    // Open connections of each worker thread, in worker order: connections
    // are dealt to the workers in turn, so a lopsided spread points at one
    // busy client holding many, or at a worker that stopped taking its share.
    std::vector<std::uint64_t> worker_active_connections;
    std::array<std::uint64_t, 6> status_classes{}; // [1] = 1xx ... [5] = 5xx
    std::uint64_t bytes_in = 0;
    std::uint64_t bytes_out = 0;
    std::uint64_t upstream_errors = 0;
    // Connections closed before HTTP began, unanswered: the TLS handshake
    // failed or never came (a plain-HTTP client on the HTTPS port, a scan,
    // a balancer's bare TCP check), or, with proxy_protocol, no valid PROXY
    // header came first (a balancer not sending one shows here).
    std::uint64_t failed_tls_handshakes = 0;
    std::uint64_t refused_proxy_headers = 0;
    std::uint64_t config_generation = 0;
    std::uint64_t dropped_call_records = 0;
    std::vector<target_health> targets;
};

} // namespace gatehouse::gateway
