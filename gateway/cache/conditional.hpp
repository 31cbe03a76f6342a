// SPDX-FileCopyrightText: Gatehouse contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "gateway/cache/cache_entry.hpp"

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace gatehouse::gateway::cache {

// Validators and conditional requests (RFC 9110 §8.8, §13; RFC 9111 §4.3).
// Thread safety: pure functions over immutable inputs.

struct entity_tag {
    bool weak = false;
    std::string_view opaque; // including the double quotes
};

// entity-tag = [ "W/" ] DQUOTE *etagc DQUOTE (RFC 9110 §8.8.3); nullopt if malformed.
std::optional<entity_tag> parse_etag(std::string_view text);

// RFC 9110 §8.8.3.2: strong comparison needs both tags strong; weak
// comparison only compares the opaque tags.
bool strong_compare(const entity_tag& a, const entity_tag& b);
bool weak_compare(const entity_tag& a, const entity_tag& b);

// If-None-Match (§13.1.2, weak comparison): true when the field matches the
// current representation's ETag, i.e. the condition is FALSE and a GET/HEAD
// gets 304. "*" matches when a representation exists. Malformed members are
// skipped.
bool if_none_match_matches(std::string_view if_none_match, std::optional<std::string_view> etag);

// If-Match (§13.1.1, strong comparison): true when the condition holds.
bool if_match_matches(std::string_view if_match, std::optional<std::string_view> etag);

struct client_conditionals {
    std::optional<std::string_view> if_none_match;
    std::optional<std::string_view> if_modified_since;
};

enum class conditional_outcome {
    not_modified, // answer 304 from the stored entry
    full,         // answer with the stored entry
};

// Evaluates a client's conditional GET/HEAD against a FRESH stored entry, in
// RFC 9110 §13.2.2 order: If-None-Match decides when present; otherwise
// If-Modified-Since (GET/HEAD only, ignored when not a valid date) against
// Last-Modified, else Date, else the time the response was received (RFC
// 9111 §4.3.2).
conditional_outcome evaluate_conditionals(std::string_view method,
                                          const client_conditionals& conditionals,
                                          const cached_response& entry);

// A Range request served from a stored complete response (RFC 9110 §14).
// Only a single byte range is served. One that lies wholly past the end
// ("bytes=500-" of 100, a zero-length suffix "bytes=-0", any first-last
// range of an empty body) is answered 416 (§14.2, §15.5.17); several ranges,
// another unit, an invalid range or a failed If-Range mean the whole stored
// response is sent, which §14.2 allows ("a server MAY ignore the Range").
struct byte_range {
    std::size_t first = 0;  // offset of the first byte
    std::size_t length = 0; // at least 1 (but for the empty part of a 416)
};
struct byte_range_request {
    enum class verdict { ignored, part, unsatisfiable };
    verdict what = verdict::ignored;
    byte_range part; // what == part
};
byte_range_request read_byte_range(std::string_view range, std::size_t size);

// If-Range (§13.1.5): true when the Range may be applied to the entry -- the
// field is an entity tag that strongly matches the entry's ETag, or an
// HTTP-date equal to its Last-Modified.
bool if_range_matches(std::string_view if_range, const cached_response& entry);
// The same against a response's ETag and Last-Modified field values.
bool if_range_matches(std::string_view if_range, std::optional<std::string_view> etag,
                      std::optional<std::string_view> last_modified);

// The header fields of a 304 generated from a stored entry (RFC 9110
// §15.4.5): Cache-Control, Content-Location, ETag, Expires, Last-Modified,
// Vary. The caller adds Date and Age.
header_list not_modified_headers(const cached_response& entry);

// Validators for revalidating a stale entry upstream (RFC 9111 §4.3.1): the
// ETag as If-None-Match and Last-Modified as If-Modified-Since (RFC 9110
// §13.1.3 recommends sending both when both exist).
struct revalidation_headers {
    std::optional<std::string> if_none_match;
    std::optional<std::string> if_modified_since;
    bool empty() const { return !if_none_match && !if_modified_since; }
};
revalidation_headers make_revalidation_headers(const cached_response& entry);

// RFC 9111 §4.3.4: does this 304 select the stored entry? With an ETag in the
// 304 the stored ETag must match (weak comparison, the 304 answering our own
// If-None-Match); else with Last-Modified the stored one must be equal; a 304
// without validators selects an entry without validators. When false, fetch
// the resource again unconditionally.
bool not_modified_selects(const cached_response& stored, const header_list& not_modified_headers);

// RFC 9111 §4.3.5: may a 200 to a HEAD update the stored GET response? Every
// validator it carries must match the stored one (ETag strongly, the stored
// body being the one it describes; Last-Modified equal), and its
// Content-Length, if any, the stored body's length.
bool head_response_matches(const cached_response& stored, const header_list& head_headers);

// The 304 merge itself (§3.2): which 304 header fields replace stored ones.
// Content-Length, the content coding fields, hop-by-hop and Connection-listed
// fields, Age and Set-Cookie are never taken from a 304.
bool updatable_from_304(std::string_view name);
header_list merge_304_headers(const header_list& stored, const header_list& not_modified);

} // namespace gatehouse::gateway::cache
