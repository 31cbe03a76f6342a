// SPDX-FileCopyrightText: Gatehouse contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "gateway/cache/cache_control.hpp"
#include "gateway/cache/cache_key.hpp"
#include "gateway/cache/cache_policy.hpp"
#include "gateway/cache/freshness.hpp"
#include "gateway/cache/stored_body.hpp"

#include <cstdint>
#include <iterator>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace gatehouse::gateway::cache {

struct header_field {
    std::string name;
    std::string value;
    bool operator==(const header_field&) const = default;
};
using header_list = std::vector<header_field>;

// A stored response. Immutable once built and shared between threads through
// shared_ptr<const cached_response>: readers never lock, and a 304 produces a
// new entry that replaces the old one (RFC 9111 §4.3.4).
struct cached_response {
    unsigned status = 200;
    header_list headers;  // as stored: no hop-by-hop, Connection-listed, Age or targeted fields
    header_list targeted; // RFC 9213 fields, kept apart: never sent to clients, but a 304's
                          // freshening (§4.3.4) must still see them
    stored_body body;     // in memory, or a sealed memfd a hit sends with sendfile
    // The status line and stored fields as a hit sends them, with the
    // Content-Length: built once when stored (make_wire_head), so that a hit
    // copies one string instead of rebuilding the head field by field.
    std::string wire_head;

    freshness_info freshness;
    sys_time request_time{};
    sys_time response_time{};
    sys_time stored_at{};
    // The store's purge count when the request that brought it left
    // (cache_store::purge_generation): purges counted after it cover it.
    std::uint64_t purge_generation = 0;

    std::string primary_key;
    std::uint64_t key_hash = 0;
    std::vector<std::string> vary; // lowercased names
    std::string secondary_key;     // see make_secondary_key
    std::string consumer;          // non-empty: private-per-consumer entry
    std::string api_id;
    std::vector<std::string> tags; // Cache-Tag / Surrogate-Key
    std::size_t size_bytes = 0;    // charged against the budget

    // First value of a header (case-insensitive name), or nullopt.
    std::optional<std::string_view> header(std::string_view name) const;
    std::string_view path() const { return path_of_key(primary_key); }
};

// Copies the fields of anything iterable like boost::beast::http::fields
// (elements with name_string() and value()) into a header_list.
template <class Fields>
header_list to_header_list(const Fields& fields)
{
    header_list out;
    out.reserve(static_cast<std::size_t>(std::distance(fields.begin(), fields.end())));
    for (const auto& f : fields) {
        const auto n = f.name_string();
        const auto v = f.value();
        out.push_back({std::string(n.data(), n.size()), std::string(v.data(), v.size())});
    }
    return out;
}

// Does this request select the entry (RFC 9111 §4.1 Vary, and the consumer
// of a private-per-consumer entry)? The store's lookup uses it; so must a
// coalesced follower handed the leader's entry, which the LEADER's request
// headers selected.
bool entry_selected_by(const cached_response& entry, std::string_view consumer,
                       const header_lookup& request_headers);

// True for header fields never stored (RFC 9111 §3.1: hop-by-hop fields and
// those named in Connection) or never passed to clients (RFC 9213 targeted
// fields, which address this cache only).
bool is_hop_by_hop(std::string_view name);
bool is_targeted_cache_field(std::string_view name);

// The header fields as they may be stored: hop-by-hop and Connection-listed
// fields, targeted cache fields and Age removed; Set-Cookie too when asked.
header_list headers_for_storage(const header_list& headers, bool strip_set_cookie);

// The status line ("HTTP/1.1 200 OK") and `headers` as a hit writes them,
// with a Content-Length for `body_size` (none for 204), and without the
// fields every hit sets itself: Age, Cache-Status, X-Request-Id, and the
// body's framing. Not terminated by the empty line.
std::string make_wire_head(unsigned status, const header_list& headers, std::size_t body_size);

// Analyses a response's header fields, one by one, for the decisions in
// freshness.hpp. The result refers into the values added, which must
// outlive it.
class response_view_builder {
public:
    explicit response_view_builder(unsigned status) { v_.status = status; }
    void add(std::string_view name, std::string_view value);
    response_view finish();

private:
    response_view v_;
    response_cache_fields fields_;
    cache_directives cc_;
    bool have_cc_ = false;
};

// The same for a header list, or for anything iterable like
// boost::beast::http::fields (elements with name_string() and value()):
// the gateway decides on the upstream's head as it is, and copies it into
// a header_list only when it stores the response.
response_view make_response_view(const header_list& headers, unsigned status);
template <class Fields>
response_view make_response_view_of(const Fields& fields, unsigned status)
{
    response_view_builder b(status);
    for (const auto& f : fields) {
        const auto n = f.name_string();
        const auto v = f.value();
        b.add(std::string_view(n.data(), n.size()), std::string_view(v.data(), v.size()));
    }
    return b.finish();
}

// Tags from Cache-Tag (comma-separated) and Surrogate-Key (space-separated).
std::vector<std::string> parse_tags(const header_list& headers);

struct entry_inputs {
    unsigned status = 200;
    header_list headers; // as received from the upstream
    std::string body;
    // Where a large body may go instead of memory (stored_body::make); none:
    // in memory.
    std::shared_ptr<body_file_budget> body_files;
    sys_time request_time{};
    sys_time response_time{};
    std::uint64_t purge_generation = 0; // see cached_response
    const cache_key* key = nullptr;
    std::string_view api_id;
    std::string_view consumer; // only when decide_storable() said per_consumer
    header_lookup request_headers;
    const cache_policy* policy = nullptr;
    bool strip_set_cookie = false;
};

// Builds the immutable entry: storage headers, freshness, Vary secondary key,
// tags and size. Call after decide_storable() said yes.
std::shared_ptr<const cached_response> make_cached_response(entry_inputs in);

// Builds the replacement entry after a 304 (RFC 9111 §4.3.4): the stored
// header fields updated with the 304's (Content-Length and the storage
// exclusions kept as stored), freshness recomputed from the merged fields
// and the new exchange times; `purge_generation` is the revalidation's (see
// cached_response). Defined in conditional.cpp.
std::shared_ptr<const cached_response>
freshen_with_304(const cached_response& stored, const header_list& not_modified_headers,
                 sys_time request_time, sys_time response_time, std::uint64_t purge_generation,
                 const cache_policy& policy);

} // namespace gatehouse::gateway::cache
