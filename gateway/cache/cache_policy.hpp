// SPDX-FileCopyrightText: Gatehouse contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <chrono>
#include <cstddef>
#include <optional>
#include <string>
#include <vector>

namespace gatehouse::gateway::cache {

// Per-API cache policy: part of the configuration snapshot, so immutable and
// freely shared between worker threads once built.
struct cache_policy {
    bool enabled = false;

    // Freshness lifetime when the upstream sends no explicit expiration
    // (no s-maxage, max-age or Expires). Zero means "none": heuristic freshness
    // (RFC 9111 §4.2.2) is then the only fallback, and only where it is allowed.
    std::chrono::seconds default_ttl{0};
    // Upper bound on any computed freshness lifetime; zero means no cap.
    std::chrono::seconds max_ttl{0};
    // Ignore the upstream's freshness information and use default_ttl. The
    // refusal rules (no-store, private, Set-Cookie, Vary: *) still apply.
    bool override_upstream = false;

    // Heuristic freshness: this fraction of (Date - Last-Modified), capped.
    double heuristic_fraction = 0.1;
    std::chrono::seconds heuristic_cap{24 * 3600};

    // Statuses that may be stored. Empty: the RFC 9110 §15.1 "cacheable by
    // default" set (heuristically cacheable statuses) plus any final status
    // that carries explicit freshness.
    std::vector<unsigned> cacheable_statuses;

    // Objects larger than this are streamed to the client, never stored.
    std::size_t max_object_bytes = 8 * 1024 * 1024;

    // Opt-in: POST keyed by a hash of its body, for read-only query APIs
    // (inference endpoints and the like). Off means a POST is never stored.
    bool cache_post_by_body_hash = false;

    // Query parameters dropped from the key. A trailing '*' matches a prefix
    // ("utm_*"). Names are compared case-sensitively, as URIs do.
    std::vector<std::string> ignored_query_params;

    // Store `private` responses, keyed by the authenticated consumer and never
    // served to another consumer.
    bool private_per_consumer = false;

    // Responses with Set-Cookie are refused unless this is set, in which case
    // Set-Cookie is removed from the stored copy (the first client still gets it).
    bool strip_set_cookie = false;

    // Overrides of the upstream's stale-while-revalidate / stale-if-error
    // windows (RFC 5861). nullopt: use what the upstream says.
    std::optional<std::chrono::seconds> stale_while_revalidate;
    std::optional<std::chrono::seconds> stale_if_error;
};

} // namespace gatehouse::gateway::cache
