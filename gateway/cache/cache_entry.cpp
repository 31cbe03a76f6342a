// SPDX-FileCopyrightText: Gatehouse contributors
// SPDX-License-Identifier: Apache-2.0
#include "gateway/cache/cache_entry.hpp"

#include "gateway/http_util.hpp"
#include "gateway/message_head.hpp"

#include <boost/beast/http/status.hpp>

#include <algorithm>
#include <array>
#include <cctype>
#include <charconv>

namespace gatehouse::gateway::cache {

namespace {

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

template <class F>
void split_any(std::string_view v, std::string_view seps, F&& f)
{
    while (!v.empty()) {
        const auto pos = v.find_first_of(seps);
        const auto item = trim_ows(v.substr(0, pos));
        if (!item.empty())
            f(item);
        if (pos == std::string_view::npos)
            break;
        v.remove_prefix(pos + 1);
    }
}

} // namespace

std::optional<std::string_view> cached_response::header(std::string_view name) const
{
    for (const auto& h : headers)
        if (iequals(h.name, name))
            return std::string_view(h.value);
    return std::nullopt;
}

bool entry_selected_by(const cached_response& entry, std::string_view consumer,
                       const header_lookup& request_headers)
{
    if (!entry.consumer.empty() && entry.consumer != consumer)
        return false;
    return secondary_key_matches(entry.secondary_key, entry.vary, request_headers);
}

bool is_hop_by_hop(std::string_view name)
{
    static constexpr std::array<std::string_view, 9> names = {
        "connection", "keep-alive",         "proxy-connection", "te",      "transfer-encoding",
        "upgrade",    "proxy-authenticate", "trailer",          "trailers"};
    return std::any_of(names.begin(), names.end(), [&](auto n) { return iequals(n, name); });
}

bool is_targeted_cache_field(std::string_view name)
{
    return iequals(name, "cdn-cache-control") || iequals(name, "gatehouse-cache-control");
}

header_list headers_for_storage(const header_list& headers, bool strip_set_cookie)
{
    header_list out;
    out.reserve(headers.size());
    for (const auto& h : headers) {
        if (is_hop_by_hop(h.name) || is_targeted_cache_field(h.name) || iequals(h.name, "age") ||
            listed_in_connection(h.name, headers))
            continue;
        if (strip_set_cookie && (iequals(h.name, "set-cookie") || iequals(h.name, "set-cookie2")))
            continue;
        out.push_back(h);
    }
    return out;
}

void response_view_builder::add(std::string_view name, std::string_view value)
{
    // By length first: a response's other fields (Content-Type, ETag,
    // Server, ...) then cost one comparison instead of a dozen.
    switch (name.size()) {
    case 3:
        if (iequals(name, "age") && !v_.age)
            v_.age = value;
        break;
    case 4:
        if (iequals(name, "date")) {
            if (!v_.date)
                v_.date = value;
        } else if (iequals(name, "vary")) {
            // Only "is it *" matters for the decisions: keep the line that says so.
            if (!v_.vary || value.find('*') != std::string_view::npos)
                v_.vary = value;
        }
        break;
    case 7:
        // §4.2.1: with several Expires lines, use the first (or treat as stale).
        if (iequals(name, "expires") && !v_.expires)
            v_.expires = value;
        break;
    case 10:
    case 11:
        if (iequals(name, "set-cookie") || iequals(name, "set-cookie2"))
            v_.has_set_cookie = true;
        break;
    case 13:
        if (iequals(name, "cache-control")) {
            parse_cache_control_into(cc_, value); // several lines combine (RFC 9110 §5.3)
            have_cc_ = true;
        } else if (iequals(name, "last-modified") && !v_.last_modified) {
            v_.last_modified = value;
        }
        break;
    case 14:
        if (iequals(name, "content-length")) {
            std::uint64_t n = 0;
            bool ok = !value.empty();
            for (char c : trim_ows(value))
                ok = ok && c >= '0' && c <= '9' && (n = n * 10 + std::uint64_t(c - '0'), true);
            if (ok)
                v_.content_length = n;
        }
        break;
    case 17:
        if (iequals(name, "cdn-cache-control") && !fields_.cdn_cache_control)
            fields_.cdn_cache_control = value;
        break;
    case 23:
        if (iequals(name, "gatehouse-cache-control") && !fields_.gatehouse_cache_control)
            fields_.gatehouse_cache_control = value;
        break;
    default:
        break;
    }
}

response_view response_view_builder::finish()
{
    if (fields_.gatehouse_cache_control || fields_.cdn_cache_control) {
        std::optional<cache_directives> targeted;
        if (fields_.gatehouse_cache_control)
            targeted = parse_targeted_cache_control(*fields_.gatehouse_cache_control);
        if (!targeted && fields_.cdn_cache_control)
            targeted = parse_targeted_cache_control(*fields_.cdn_cache_control);
        if (targeted) {
            v_.directives = *targeted;
            return v_;
        }
    }
    if (have_cc_)
        v_.directives = cc_;
    return v_;
}

response_view make_response_view(const header_list& headers, unsigned status)
{
    response_view_builder b(status);
    for (const auto& h : headers)
        b.add(h.name, h.value);
    return b.finish();
}

std::vector<std::string> parse_tags(const header_list& headers)
{
    std::vector<std::string> tags;
    auto add = [&](std::string_view t) {
        if (std::find(tags.begin(), tags.end(), t) == tags.end())
            tags.emplace_back(t);
    };
    for (const auto& h : headers) {
        if (iequals(h.name, "cache-tag"))
            split_any(h.value, ",", add);
        else if (iequals(h.name, "surrogate-key"))
            split_any(h.value, " \t", add);
    }
    return tags;
}

std::string make_wire_head(unsigned status, const header_list& headers, std::size_t body_size)
{
    std::string out;
    out.reserve(64 + headers.size() * 32);
    append_status_line(
        out, 11, status,
        boost::beast::http::obsolete_reason(static_cast<boost::beast::http::status>(status)));
    for (const auto& h : headers) {
        if (iequals(h.name, "Content-Length") || iequals(h.name, "Transfer-Encoding") ||
            iequals(h.name, "Age") || iequals(h.name, "Cache-Status") ||
            iequals(h.name, "X-Request-Id"))
            continue;
        append_field(out, h.name, h.value);
    }
    if (status != 204) {
        char digits[24];
        const auto end = std::to_chars(digits, digits + sizeof digits, body_size).ptr;
        append_field(out, "Content-Length", std::string_view(digits, end - digits));
    }
    return out;
}

std::shared_ptr<const cached_response> make_cached_response(entry_inputs in)
{
    auto e = std::make_shared<cached_response>();
    const response_view view = make_response_view(in.headers, in.status);
    const cache_policy default_policy;
    const cache_policy& policy = in.policy ? *in.policy : default_policy;
    e->status = in.status;
    e->freshness = compute_freshness(view, policy, in.request_time, in.response_time);
    e->request_time = in.request_time;
    e->purge_generation = in.purge_generation;
    e->response_time = in.response_time;
    e->stored_at = in.response_time;
    for (const auto& h : in.headers)
        if (iequals(h.name, "vary"))
            for (auto& n : parse_vary(h.value))
                if (std::find(e->vary.begin(), e->vary.end(), n) == e->vary.end())
                    e->vary.push_back(std::move(n));
    e->secondary_key = make_secondary_key(e->vary, in.request_headers);
    e->tags = parse_tags(in.headers);
    e->headers = headers_for_storage(in.headers, in.strip_set_cookie);
    for (const auto& h : in.headers)
        if (is_targeted_cache_field(h.name))
            e->targeted.push_back(h);
    e->body = stored_body::make(std::move(in.body), in.body_files);
    e->wire_head = make_wire_head(e->status, e->headers, e->body.size());
    if (in.key) {
        e->primary_key = in.key->primary;
        e->key_hash = in.key->hash;
    }
    e->consumer = std::string(in.consumer);
    e->api_id = std::string(in.api_id);
    // What the store really spends on the object, so the budget bounds
    // resident memory even for small objects: the entry, its strings, and
    // the store's bookkeeping (node, hash-map node with its own copy of the
    // key, shared_ptr control block) -- measured at about 200 bytes.
    constexpr std::size_t store_overhead = 200;
    std::size_t size = store_overhead + sizeof(cached_response) + e->body.size() +
                       e->wire_head.size() + 2 * e->primary_key.size() + e->secondary_key.size() +
                       e->consumer.size() + e->api_id.size();
    for (const auto& h : e->headers)
        size += h.name.size() + h.value.size() + sizeof(header_field);
    for (const auto& h : e->targeted)
        size += h.name.size() + h.value.size() + sizeof(header_field);
    for (const auto& s : e->vary)
        size += s.size() + sizeof(std::string);
    for (const auto& s : e->tags)
        size += s.size() + sizeof(std::string);
    e->size_bytes = size;
    return e;
}

} // namespace gatehouse::gateway::cache
