// SPDX-FileCopyrightText: Gatehouse contributors
// SPDX-License-Identifier: Apache-2.0
#include "gateway/cache/cache_status.hpp"

#include <charconv>

namespace gatehouse::gateway::cache {

namespace {

bool is_sf_token(std::string_view v)
{
    // RFC 8941 §3.3.4: ( ALPHA / "*" ) *( tchar / ":" / "/" )
    if (v.empty())
        return false;
    const char c0 = v.front();
    if (!((c0 >= 'a' && c0 <= 'z') || (c0 >= 'A' && c0 <= 'Z') || c0 == '*'))
        return false;
    for (char c : v) {
        const bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
                        (c >= '0' && c <= '9') ||
                        std::string_view("!#$%&'*+-.^_`|~:/").find(c) != std::string_view::npos;
        if (!ok)
            return false;
    }
    return true;
}

} // namespace

std::string_view to_string(forward_reason r)
{
    switch (r) {
    case forward_reason::none:
        return "";
    case forward_reason::bypass:
        return "bypass";
    case forward_reason::method:
        return "method";
    case forward_reason::uri_miss:
        return "uri-miss";
    case forward_reason::vary_miss:
        return "vary-miss";
    case forward_reason::miss:
        return "miss";
    case forward_reason::request:
        return "request";
    case forward_reason::stale:
        return "stale";
    }
    return "miss";
}

std::string format_cache_status(std::string_view cache_name, const cache_status& s)
{
    std::string out;
    append_cache_status(out, cache_name, s);
    return out;
}

void append_cache_status(std::string& out, std::string_view cache_name, const cache_status& s)
{
    const auto number = [&out](std::int64_t n) {
        char digits[24];
        out.append(digits, std::to_chars(digits, digits + sizeof digits, n).ptr);
    };
    out += cache_name;
    if (s.hit)
        out += "; hit";
    if (s.fwd != forward_reason::none) {
        out += "; fwd=";
        out += to_string(s.fwd);
    }
    if (s.fwd_status) {
        out += "; fwd-status=";
        number(*s.fwd_status);
    }
    if (s.stored)
        out += "; stored";
    if (s.collapsed)
        out += "; collapsed";
    if (s.ttl) {
        out += "; ttl=";
        number(*s.ttl);
    }
    if (!s.detail.empty()) {
        out += "; detail=";
        if (is_sf_token(s.detail)) {
            out += s.detail;
        } else { // sf-string: escape quotes and backslashes
            out += '"';
            for (char c : s.detail) {
                if (c == '"' || c == '\\')
                    out += '\\';
                if (c >= 0x20 && c < 0x7f)
                    out += c;
            }
            out += '"';
        }
    }
}

} // namespace gatehouse::gateway::cache
