// SPDX-FileCopyrightText: Gatehouse contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "gateway/cache/cache_policy.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace gatehouse::gateway::cache {

// Cache keys. Thread safety: pure functions and immutable values.
//
// The primary key names a URL (method class, scheme, host, path, normalised
// query, and for opted-in POST the body hash). Everything that selects
// between several stored responses for one URL -- the consumer for
// private-per-consumer caching and the request headers named by Vary -- lives
// in the secondary key, so purging a URL (and invalidation after an unsafe
// method, RFC 9111 §4.4) reaches every variant and every consumer at once.

// GET and HEAD share a class: a HEAD is answered from a stored GET.
enum class method_class : std::uint8_t { get, post };

struct key_parts {
    method_class method = method_class::get;
    std::string_view scheme = "http";
    std::string_view host;      // Host header or authority, any case, optional port
    std::string_view path;      // origin-form path, without the query
    std::string_view query;     // without the leading '?'
    std::string_view body_hash; // method_class::post only (e.g. hex SHA-256 of the body)
};

struct cache_key {
    std::string primary;
    std::uint64_t hash = 0; // hash64(primary): shard selection only, never identity
    bool operator==(const cache_key&) const = default;
};

// A fast non-cryptographic 64-bit hash (wyhash-style multiply-mix). Keys are
// always compared in full, so a collision costs a probe, never a wrong hit.
std::uint64_t hash64(std::string_view data, std::uint64_t seed = 0);

cache_key make_cache_key(const key_parts& parts, const cache_policy& policy);
// The same into `key`, reusing its storage (no allocation once it has grown):
// the request path's form.
void make_cache_key(const key_parts& parts, const cache_policy& policy, cache_key& key);

// Lowercase hex SHA-256 of a request body, for key_parts::body_hash (POST
// caching, opt-in per API). Cryptographic on purpose: the body is not stored
// with the key, so a collision would serve another body's response.
std::string body_digest(std::string_view body);

// Lowercased host, default port (80 for http, 443 for https) and a trailing
// dot removed.
std::string normalize_host(std::string_view scheme, std::string_view host);
// Percent-escapes uppercased ("%2f" and "%2F" name the same resource, RFC 3986 §6.2.2.1).
std::string normalize_path(std::string_view path);
// Parameters stably sorted by name (values of a repeated name keep their
// order), empty members and ignored names dropped ("utm_*" is a prefix match).
std::string normalize_query(std::string_view query, const std::vector<std::string>& ignored);

// The path of a primary key (for purge by prefix), "" if it is not a key.
std::string_view path_of_key(std::string_view primary);

// ---- Vary (RFC 9111 §4.1) -------------------------------------------------

// Request header access without a dependency on any HTTP library: returns the
// value of `name` (all field lines joined with ", " into `scratch` when there
// are several), or nullopt when absent.
struct header_lookup {
    const void* context = nullptr;
    std::optional<std::string_view> (*get)(const void* context, std::string_view name,
                                           std::string& scratch) = nullptr;
    std::optional<std::string_view> operator()(std::string_view name, std::string& scratch) const
    {
        return get ? get(context, name, scratch) : std::nullopt;
    }
};

// Adapts anything with Beast's `equal_range(string_view)` (boost::beast::http::fields).
template <class Fields>
header_lookup make_header_lookup(const Fields& fields)
{
    return {&fields,
            [](const void* ctx, std::string_view name,
               std::string& scratch) -> std::optional<std::string_view> {
                const auto& f = *static_cast<const Fields*>(ctx);
                auto range = f.equal_range(name);
                if (range.first == range.second)
                    return std::nullopt;
                auto first = range.first;
                if (++range.first == range.second) {
                    const auto v = first->value();
                    return std::string_view(v.data(), v.size());
                }
                scratch.clear();
                for (auto it = first; it != range.second; ++it) {
                    if (it != first)
                        scratch.append(", ");
                    const auto v = it->value();
                    scratch.append(v.data(), v.size());
                }
                return std::string_view(scratch);
            }};
}

// Field names listed in Vary: lowercased, de-duplicated, in order.
// Sets `star` when "*" is listed (such a response never matches, §4.1).
std::vector<std::string> parse_vary(std::string_view vary, bool* star = nullptr);

// Field value normalisation for matching (§4.1 allows it): surrounding
// whitespace trimmed, runs of whitespace collapsed to one space, whitespace
// around commas removed ("gzip , br" == "gzip,br").
std::string normalize_field_value(std::string_view value);

// The Vary part of the secondary key: for each varying field "name:value\n"
// (present) or "name\0\n" (absent: only matches absent, §4.1), values
// normalised as above and, for Accept-Language, Accept-Encoding and
// Accept-Charset, lowercased. The consumer is compared separately by the store.
std::string make_secondary_key(const std::vector<std::string>& vary,
                               const header_lookup& request_headers);

// Does this request select a stored response with these Vary names and this
// secondary key? Allocation-free unless a header has several field lines.
bool secondary_key_matches(std::string_view stored_key, const std::vector<std::string>& vary,
                           const header_lookup& request_headers);

// ---- Invalidation targets (RFC 9111 §4.4) ----------------------------------

struct url_target {
    std::string path;
    std::string query;
};
// Resolves a Location / Content-Location value against the request; returns
// the target only when it has the same origin (a cache MUST NOT invalidate
// another origin's responses on the say-so of this one).
std::optional<url_target> same_origin_target(std::string_view location, std::string_view scheme,
                                             std::string_view host, std::string_view request_path);

} // namespace gatehouse::gateway::cache
