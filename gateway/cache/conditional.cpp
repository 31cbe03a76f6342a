// SPDX-FileCopyrightText: Gatehouse contributors
// SPDX-License-Identifier: Apache-2.0
#include "gateway/cache/conditional.hpp"

#include "gateway/http_util.hpp"

#include "gateway/cache/http_date.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <cstdint>

namespace gatehouse::gateway::cache {

namespace {

// Calls f(tag) for each entity-tag of a list; commas may occur inside the
// quotes of an opaque tag, so the list is scanned, not split.
template <class F>
bool for_each_tag(std::string_view list, F&& f)
{
    std::size_t i = 0;
    while (i < list.size()) {
        while (i < list.size() && (list[i] == ' ' || list[i] == '\t' || list[i] == ','))
            ++i;
        const std::size_t begin = i;
        if (list.substr(i, 2) == "W/")
            i += 2;
        if (i < list.size() && list[i] == '"') {
            const auto close = list.find('"', i + 1);
            if (close == std::string_view::npos)
                return false;
            i = close + 1;
            if (auto tag = parse_etag(list.substr(begin, i - begin)); tag && f(*tag))
                return true;
        } else { // malformed member: skip to the next comma
            while (i < list.size() && list[i] != ',')
                ++i;
        }
    }
    return false;
}

bool listed_in_connection(std::string_view name, const header_list& headers)
{
    for (const auto& h : headers) {
        if (!iequals(h.name, "connection"))
            continue;
        std::string_view v = h.value;
        while (!v.empty()) {
            const auto comma = v.find(',');
            if (iequals(trim_ows(v.substr(0, comma)), name))
                return true;
            if (comma == std::string_view::npos)
                break;
            v.remove_prefix(comma + 1);
        }
    }
    return false;
}

std::optional<std::string_view> first(const header_list& headers, std::string_view name)
{
    for (const auto& h : headers)
        if (iequals(h.name, name))
            return std::string_view(h.value);
    return std::nullopt;
}

} // namespace

std::optional<entity_tag> parse_etag(std::string_view text)
{
    text = trim_ows(text);
    entity_tag tag;
    if (text.starts_with("W/")) {
        tag.weak = true;
        text.remove_prefix(2);
    }
    if (text.size() < 2 || text.front() != '"' || text.back() != '"')
        return std::nullopt;
    // etagc = %x21 / %x23-7E / obs-text: no DQUOTE, no whitespace, no controls.
    for (char c : text.substr(1, text.size() - 2)) {
        const auto u = static_cast<unsigned char>(c);
        if (u == '"' || u <= 0x20 || u == 0x7f)
            return std::nullopt;
    }
    tag.opaque = text;
    return tag;
}

bool strong_compare(const entity_tag& a, const entity_tag& b)
{
    return !a.weak && !b.weak && a.opaque == b.opaque;
}

bool weak_compare(const entity_tag& a, const entity_tag& b)
{
    return a.opaque == b.opaque;
}

bool if_none_match_matches(std::string_view if_none_match, std::optional<std::string_view> etag)
{
    if (trim_ows(if_none_match) == "*")
        return true; // a stored response is a current representation
    if (!etag)
        return false;
    const auto current = parse_etag(*etag);
    if (!current)
        return false;
    return for_each_tag(if_none_match,
                        [&](const entity_tag& t) { return weak_compare(t, *current); });
}

bool if_match_matches(std::string_view if_match, std::optional<std::string_view> etag)
{
    if (trim_ows(if_match) == "*")
        return true;
    if (!etag)
        return false;
    const auto current = parse_etag(*etag);
    if (!current)
        return false;
    return for_each_tag(if_match, [&](const entity_tag& t) { return strong_compare(t, *current); });
}

conditional_outcome evaluate_conditionals(std::string_view method, const client_conditionals& c,
                                          const cached_response& entry)
{
    const bool get_or_head = method == "GET" || method == "HEAD";
    if (c.if_none_match) // §13.2.2 step 3: If-Modified-Since is then ignored
        return get_or_head && if_none_match_matches(*c.if_none_match, entry.header("etag"))
                   ? conditional_outcome::not_modified
                   : conditional_outcome::full;
    if (!get_or_head || !c.if_modified_since)
        return conditional_outcome::full;
    const auto since = parse_http_date(*c.if_modified_since);
    if (!since)
        return conditional_outcome::full; // §13.1.3: an invalid date is ignored
    std::optional<sys_seconds> modified;
    if (auto lm = entry.header("last-modified"))
        modified = parse_http_date(*lm);
    if (!modified)
        if (auto date = entry.header("date"))
            modified = parse_http_date(*date);
    if (!modified)
        modified = std::chrono::time_point_cast<std::chrono::seconds>(entry.response_time);
    return *modified <= *since ? conditional_outcome::not_modified : conditional_outcome::full;
}

byte_range_request read_byte_range(std::string_view range, std::size_t size)
{
    using verdict = byte_range_request::verdict;
    const auto part = [](std::uint64_t first, std::uint64_t length) {
        return byte_range_request{
            verdict::part, {static_cast<std::size_t>(first), static_cast<std::size_t>(length)}};
    };
    constexpr byte_range_request ignored{};
    constexpr byte_range_request unsatisfiable{verdict::unsatisfiable, {}};
    // ranges-specifier = range-unit "=" range-set; the unit is case-insensitive.
    range = trim_ows(range);
    if (range.size() < 6 || !iequals(range.substr(0, 6), "bytes="))
        return ignored;
    range = trim_ows(range.substr(6));
    if (range.empty() || range.find(',') != std::string_view::npos)
        return ignored;
    auto digits = [](std::string_view v, std::uint64_t& out) {
        if (v.empty() || v.size() > 18)
            return false;
        out = 0;
        for (char c : v) {
            if (c < '0' || c > '9')
                return false;
            out = out * 10 + static_cast<std::uint64_t>(c - '0');
        }
        return true;
    };
    const auto dash = range.find('-');
    if (dash == std::string_view::npos)
        return ignored;
    const auto first_text = trim_ows(range.substr(0, dash));
    const auto last_text = trim_ows(range.substr(dash + 1));
    std::uint64_t first = 0, last = 0;
    if (first_text.empty()) { // suffix-range: the last N bytes
        if (!digits(last_text, last))
            return ignored;
        if (last == 0)
            return unsatisfiable; // only a zero length cannot be met
        if (size == 0)
            return ignored;
        const std::uint64_t n = std::min<std::uint64_t>(last, size);
        return part(size - n, n);
    }
    if (!digits(first_text, first))
        return ignored;
    if (!last_text.empty() && (!digits(last_text, last) || last < first))
        return ignored; // invalid, not unsatisfiable
    if (first >= size)
        return unsatisfiable;
    if (last_text.empty())
        last = size - 1;
    last = std::min<std::uint64_t>(last, size - 1);
    return part(first, last - first + 1);
}

bool if_range_matches(std::string_view if_range, std::optional<std::string_view> etag,
                      std::optional<std::string_view> last_modified)
{
    if_range = trim_ows(if_range);
    if (if_range.starts_with('"') || if_range.starts_with("W/")) {
        const auto wanted = parse_etag(if_range);
        const auto current = etag ? parse_etag(*etag) : std::nullopt;
        return wanted && current && strong_compare(*wanted, *current);
    }
    const auto since = parse_http_date(if_range);
    const auto modified = last_modified ? parse_http_date(*last_modified) : std::nullopt;
    return since && modified && *since == *modified;
}

bool if_range_matches(std::string_view if_range, const cached_response& entry)
{
    return if_range_matches(if_range, entry.header("etag"), entry.header("last-modified"));
}

header_list not_modified_headers(const cached_response& entry)
{
    static constexpr std::array<std::string_view, 6> names = {
        "cache-control", "content-location", "etag", "expires", "last-modified", "vary"};
    header_list out;
    for (const auto& h : entry.headers)
        if (std::any_of(names.begin(), names.end(), [&](auto n) { return iequals(n, h.name); }))
            out.push_back(h);
    return out;
}

revalidation_headers make_revalidation_headers(const cached_response& entry)
{
    revalidation_headers r;
    if (auto etag = entry.header("etag"); etag && parse_etag(*etag))
        r.if_none_match = std::string(*etag);
    if (auto lm = entry.header("last-modified"); lm && parse_http_date(*lm))
        r.if_modified_since = std::string(*lm);
    return r;
}

namespace {

// The stored response's validators, parsed; nullopt when absent or invalid.
std::optional<entity_tag> stored_etag(const cached_response& stored)
{
    const auto etag = stored.header("etag");
    return etag ? parse_etag(*etag) : std::nullopt;
}

std::optional<sys_seconds> stored_last_modified(const cached_response& stored)
{
    const auto lm = stored.header("last-modified");
    return lm ? parse_http_date(*lm) : std::nullopt;
}

} // namespace

bool not_modified_selects(const cached_response& stored, const header_list& nm)
{
    if (const auto new_etag = first(nm, "etag")) {
        const auto a = parse_etag(*new_etag);
        const auto b = stored_etag(stored);
        return a && b && weak_compare(*a, *b);
    }
    if (const auto new_lm = first(nm, "last-modified")) {
        const auto a = parse_http_date(*new_lm);
        const auto b = stored_last_modified(stored);
        return a && b && *a == *b;
    }
    return true; // no validator in the 304: it answers the request we sent for this entry
}

bool head_response_matches(const cached_response& stored, const header_list& head)
{
    if (const auto etag = first(head, "etag")) {
        const auto received = parse_etag(*etag);
        const auto own = stored_etag(stored);
        if (!received || !own || !strong_compare(*received, *own))
            return false;
    }
    if (const auto lm = first(head, "last-modified")) {
        const auto received = parse_http_date(*lm);
        const auto own = stored_last_modified(stored);
        if (!received || !own || *received != *own)
            return false;
    }
    if (const auto length = first(head, "content-length"))
        return trim_ows(*length) == std::to_string(stored.body.size());
    return true;
}

bool updatable_from_304(std::string_view name)
{
    static constexpr std::array<std::string_view, 8> frozen = {
        "content-length", "content-encoding", "content-range", "transfer-encoding", "age",
        "set-cookie",     "set-cookie2",      "content-md5"};
    return !is_hop_by_hop(name) &&
           std::none_of(frozen.begin(), frozen.end(), [&](auto n) { return iequals(n, name); });
}

header_list merge_304_headers(const header_list& stored, const header_list& nm)
{
    auto takes = [&](std::string_view name) {
        return updatable_from_304(name) && !is_targeted_cache_field(name) &&
               !listed_in_connection(name, nm);
    };
    // §3.2: each field in the 304 replaces ALL stored lines of that name.
    header_list out;
    out.reserve(stored.size() + nm.size());
    for (const auto& h : stored) {
        const bool replaced =
            takes(h.name) && std::any_of(nm.begin(), nm.end(),
                                         [&](const auto& n) { return iequals(n.name, h.name); });
        if (!replaced)
            out.push_back(h);
    }
    for (const auto& h : nm)
        if (takes(h.name))
            out.push_back(h);
    return out;
}

std::shared_ptr<const cached_response>
freshen_with_304(const cached_response& stored, const header_list& nm, sys_time request_time,
                 sys_time response_time, std::uint64_t purge_generation, const cache_policy& policy)
{
    auto e = std::make_shared<cached_response>(stored);
    e->headers = merge_304_headers(stored.headers, nm);
    // Targeted fields in the 304 replace the stored ones wholesale.
    if (std::any_of(nm.begin(), nm.end(),
                    [](const auto& h) { return is_targeted_cache_field(h.name); })) {
        e->targeted.clear();
        for (const auto& h : nm)
            if (is_targeted_cache_field(h.name))
                e->targeted.push_back(h);
    }
    // Freshness from the merged fields, with the 304's own Age (§4.3.4).
    header_list view_fields = e->headers;
    view_fields.insert(view_fields.end(), e->targeted.begin(), e->targeted.end());
    if (auto age = first(nm, "age"))
        view_fields.push_back({"Age", std::string(*age)});
    e->freshness = compute_freshness(make_response_view(view_fields, e->status), policy,
                                     request_time, response_time);
    e->request_time = request_time;
    e->response_time = response_time;
    e->purge_generation = purge_generation;
    e->stored_at = response_time;
    e->tags = parse_tags(e->headers);
    e->wire_head = make_wire_head(e->status, e->headers, e->body.size());
    std::int64_t delta = static_cast<std::int64_t>(e->wire_head.size()) -
                         static_cast<std::int64_t>(stored.wire_head.size());
    for (const auto& h : e->headers)
        delta += static_cast<std::int64_t>(h.name.size() + h.value.size());
    for (const auto& h : stored.headers)
        delta -= static_cast<std::int64_t>(h.name.size() + h.value.size());
    e->size_bytes = static_cast<std::size_t>(
        std::max<std::int64_t>(static_cast<std::int64_t>(sizeof(cached_response)),
                               static_cast<std::int64_t>(stored.size_bytes) + delta));
    return e;
}

} // namespace gatehouse::gateway::cache
