// SPDX-FileCopyrightText: Gatehouse contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "gateway/cache/cache_control.hpp"
#include "gateway/cache/cache_policy.hpp"

#include <chrono>
#include <cstdint>
#include <optional>
#include <string_view>

namespace gatehouse::gateway::cache {

// RFC 9111 decisions for a SHARED cache, as pure functions over header values
// and times. Thread safety: all functions are pure; call from any thread.

using sys_time = std::chrono::system_clock::time_point;

// The parts of a response the decisions read. `directives` are the effective
// ones (effective_response_directives: targeted fields first, RFC 9213).
struct response_view {
    unsigned status = 200;
    cache_directives directives;
    std::optional<std::string_view> expires;
    std::optional<std::string_view> date;
    std::optional<std::string_view> last_modified;
    std::optional<std::string_view> age;
    std::optional<std::string_view> vary;
    bool has_set_cookie = false;
    std::optional<std::uint64_t> content_length;
};

// The parts of a request the decisions read.
struct request_view {
    std::string_view method = "GET";
    cache_directives directives; // Cache-Control only: Pragma is ignored
    // True when an Authorization header is forwarded to the upstream. The
    // gateway's own credentials, consumed and stripped before forwarding, do
    // not count: RFC 9111 §3.5 protects what the origin authenticated.
    bool has_authorization = false;
    // The authenticated consumer is known (needed for private-per-consumer).
    bool has_consumer = false;
};

// RFC 9110 §15.1: statuses cacheable by default ("heuristically cacheable").
bool is_heuristically_cacheable(unsigned status);

// What the request path should do before any lookup.
enum class request_class {
    lookup,     // GET/HEAD (or opted-in POST): look up, coalesce, maybe store
    bypass,     // caching disabled for the API, or a method never cached: forward untouched
    invalidate, // unsafe method: forward; a non-error response invalidates (§4.4)
};
request_class classify_request(std::string_view method, const cache_policy& policy);

// RFC 9111 §4.4: a non-error (2xx/3xx) response to an unsafe method
// invalidates the target URI (and same-origin Location / Content-Location).
bool invalidates(std::string_view method, unsigned status);

enum class store_verdict {
    store,
    disabled,         // policy off
    method,           // not GET (HEAD is served from a stored GET, never stored itself)
    status,           // not final, 206/304, or not in the policy's list
    no_store,         // response no-store (§5.2.2.5)
    request_no_store, // request no-store (§5.2.1.5)
    private_,         // private, and no per-consumer caching (§5.2.2.7)
    authorization,    // Authorization without public / s-maxage / must-revalidate (§3.5)
    set_cookie,       // Set-Cookie and the policy does not strip it
    vary_star,        // Vary: * can never be matched (§4.1)
    too_large,        // Content-Length above the policy's per-object limit
    no_freshness, // nothing allows storing (§3: no explicit freshness, not cacheable by default)
    superseded,   // storable, but a purge or invalidation came after it was requested
};
std::string_view to_string(store_verdict);

struct store_decision {
    store_verdict verdict = store_verdict::store;
    bool per_consumer = false;     // key with the consumer id (private-per-consumer)
    bool strip_set_cookie = false; // remove Set-Cookie from the stored copy
    explicit operator bool() const { return verdict == store_verdict::store; }
};

// RFC 9111 §3 for a shared cache, with the API's policy applied.
store_decision decide_storable(const request_view& req, const response_view& res,
                               const cache_policy& policy);

// RFC 9111 §5.1: the first member of a list-valued Age; nullopt (ignore the
// field) unless it is a non-negative integer. Huge values saturate at 2^31.
std::optional<std::int64_t> parse_age(std::string_view value);

// True when s-maxage, max-age or Expires is present (an invalid Expires counts:
// it means "already expired", §5.3).
bool has_explicit_expiration(const response_view& res);

// Freshness lifetime in seconds (§4.2.1), heuristics (§4.2.2) and the
// policy's default TTL, override and cap applied.
std::int64_t freshness_lifetime(const response_view& res, const cache_policy& policy,
                                sys_time response_time);

// §4.2.3 corrected_initial_age: max(apparent_age, age_value + response_delay).
std::int64_t corrected_initial_age(const response_view& res, sys_time request_time,
                                   sys_time response_time);

// Everything needed later to decide how a stored response may be used;
// computed once when the response is stored (or freshened by a 304).
struct freshness_info {
    std::int64_t lifetime = 0;              // seconds
    std::int64_t corrected_initial_age = 0; // seconds
    sys_time response_time{};
    bool no_cache = false;        // always revalidate (§5.2.2.4)
    bool must_revalidate = false; // must-revalidate, proxy-revalidate or s-maxage (§5.2.2.10)
    std::int64_t stale_while_revalidate = 0; // seconds; 0 = none
    std::int64_t stale_if_error = 0;         // seconds; 0 = none

    // §4.2.3: corrected_initial_age + resident_time.
    std::int64_t current_age(sys_time now) const;
};

freshness_info compute_freshness(const response_view& res, const cache_policy& policy,
                                 sys_time request_time, sys_time response_time);

enum class serve_action {
    fresh,                  // serve as is
    stale_allowed,          // serve stale: the client accepts it (max-stale, §5.2.1.2)
    stale_while_revalidate, // serve stale, refresh once in the background (RFC 5861 §3)
    revalidate,             // contact the upstream (conditionally if validators exist)
};

struct serve_decision {
    serve_action action = serve_action::revalidate;
    std::int64_t age = 0; // the Age to send (current_age)
    std::int64_t ttl = 0; // lifetime - age; negative when stale
};

// §4.2, §4.2.4 and the request directives of §5.2.1.
serve_decision decide_serving(const freshness_info& f, const cache_directives& request,
                              sys_time now);

// RFC 5861 §4: may a stale response stand in for a 5xx or a connection
// failure? Never when must-revalidate / proxy-revalidate / s-maxage / no-cache
// forbid serving stale (§4.2.4). A request stale-if-error also counts.
bool may_serve_stale_on_error(const freshness_info& f, const cache_directives& request,
                              sys_time now);

} // namespace gatehouse::gateway::cache
