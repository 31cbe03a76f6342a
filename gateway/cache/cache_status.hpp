// SPDX-FileCopyrightText: Gatehouse contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace gatehouse::gateway::cache {

// RFC 9211 Cache-Status, one member for this cache, e.g.
//   Cache-Status: Gatehouse; hit; ttl=42
//   Cache-Status: Gatehouse; fwd=uri-miss; fwd-status=200; stored; ttl=60
// Thread safety: pure.
enum class forward_reason {
    none,      // not forwarded: a hit
    bypass,    // caching does not apply (policy off, request no-store...)
    method,    // the request method is not cached
    uri_miss,  // nothing stored under the URI
    vary_miss, // stored, but no variant selected by Vary
    miss,      // stored response not usable for another reason
    request,   // the request asked to go upstream (no-cache, max-age=0)
    stale,     // stored response stale: revalidated / refetched
};
std::string_view to_string(forward_reason);

struct cache_status {
    bool hit = false;
    forward_reason fwd = forward_reason::none;
    std::optional<unsigned> fwd_status; // status the upstream answered with (304 on revalidation)
    bool stored = false;                // this response was stored
    bool collapsed = false;             // served from another request's upstream fetch
    std::optional<std::int64_t> ttl;    // freshness remaining (negative when stale)
    std::string_view detail;            // a token, e.g. a store_verdict ("set-cookie")
};

// The value for the Cache-Status field; `cache_name` must be a token.
std::string format_cache_status(std::string_view cache_name, const cache_status& status);
// The same, appended to `out` (which keeps its storage from call to call).
void append_cache_status(std::string& out, std::string_view cache_name, const cache_status& status);

} // namespace gatehouse::gateway::cache
