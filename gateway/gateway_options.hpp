// SPDX-FileCopyrightText: Gatehouse contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "gateway/address_ranges.hpp"
#include "gateway/cache/eviction.hpp"

#include <chrono>
#include <cstdint>
#include <string>

namespace gatehouse::gateway {

// Listener settings, fixed for the life of a running gateway.
struct gateway_options {
    std::string listen_address = "127.0.0.1";
    std::uint16_t port = 8080;                   // 0: let the OS choose
    unsigned threads = 0;                        // 0: one per core
    std::size_t header_limit = 16 * 1024;        // request line + headers -> 431
    std::uint64_t body_limit = 16 * 1024 * 1024; // request body -> 413
    // A client must deliver a whole request head within this time (408).
    std::chrono::milliseconds client_header_timeout{10000};
    // Longest pause while a request body is being received (408).
    std::chrono::milliseconds client_body_timeout{30000};
    // Longest pause while the client is slow to take a response.
    std::chrono::milliseconds client_send_timeout{30000};
    // An idle keep-alive connection is closed after this.
    std::chrono::milliseconds keepalive_timeout{60000};
    std::string via_name = "gatehouse"; // "Via: 1.1 <via_name>"
    // "//" in a request path is "/" for routing and forwarding (as nginx's
    // merge_slashes, on by default); off for APIs whose paths carry them,
    // such as URLs inside a path.
    bool merge_slashes = true;
    // Peers (load balancers, other proxies) whose X-Forwarded-For and
    // X-Forwarded-Proto the gateway believes: the client's address in the
    // call log is then the one they report, and the scheme they report goes
    // upstream and into cache keys. Empty: every peer is the client.
    address_ranges trusted_proxies;
    // Every connection starts with a PROXY protocol header (version 1 or
    // 2) from a layer-4 load balancer; one without is closed. The client
    // address it carries is believed from trusted_proxies only.
    bool proxy_protocol = false;
    // HTTPS for clients: a PEM certificate chain and its private key. Both
    // empty: plain HTTP. A handshake must finish within
    // client_header_timeout.
    std::string tls_certificate_file;
    std::string tls_key_file;
    // The shared response cache: byte budget and eviction policy.
    std::size_t cache_budget_bytes = 256u * 1024 * 1024;
    cache::eviction_kind cache_eviction = cache::eviction_kind::tiny_lfu;
    // Targets whose host name could not be resolved are looked up again this
    // often (off the request path) until they resolve; a failed refresh of a
    // resolved name (config_snapshot::dns_refresh_interval) is retried after
    // the shorter of the two.
    std::chrono::milliseconds resolve_retry_interval{5000};
    // For tests only: ask this name server (an IPv4 address, e.g. a DNS
    // responder of the test's own on 127.0.0.1) for target host names,
    // instead of /etc/hosts and the name servers of /etc/resolv.conf, so the
    // real lookup (TTLs included) runs against answers the test chooses.
    // Empty: the system's configuration.
    std::string test_dns_server;
    std::uint16_t test_dns_port = 53;
};

} // namespace gatehouse::gateway
