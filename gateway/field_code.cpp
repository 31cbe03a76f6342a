// SPDX-FileCopyrightText: Gatehouse contributors
// SPDX-License-Identifier: Apache-2.0
#include "gateway/field_code.hpp"

#include <array>
#include <cstdint>
#include <cstring>

namespace gatehouse::gateway {

namespace {

namespace http = boost::beast::http;

// Names as they come in requests and responses on the proxy path, Beast's
// and others (those are field::unknown to Beast, and found here as such).
constexpr std::string_view common_names[] = {
    "Accept", "Accept-Encoding", "Accept-Language", "Accept-Ranges", "Access-Control-Allow-Origin",
    "Age", "Authorization", "Cache-Control", "Cache-Status", "Cache-Tag", "CDN-Cache-Control",
    "Connection", "Content-Encoding", "Content-Language", "Content-Length", "Content-Location",
    "Content-Range", "Content-Type", "Cookie", "Date", "ETag", "Expect", "Expires", "Forwarded",
    "Gatehouse-Cache-Control", "Host", "If-Match", "If-Modified-Since", "If-None-Match", "If-Range",
    "If-Unmodified-Since", "Keep-Alive", "Last-Modified", "Link", "Location", "Origin", "Pragma",
    "Proxy-Connection", "Range", "Referer", "Retry-After", "Server", "Set-Cookie",
    "Strict-Transport-Security", "Surrogate-Key", "TE", "Trailer", "Transfer-Encoding", "Upgrade",
    "User-Agent", "Vary", "Via", "WWW-Authenticate", "X-Api-Key", "X-Content-Type-Options",
    "X-Forwarded-For", "X-Forwarded-Host", "X-Forwarded-Proto", "X-Request-Id", "X-User",
    // What browsers and other clients send, and common response fields.
    "Sec-Fetch-Dest", "Sec-Fetch-Mode", "Sec-Fetch-Site", "Sec-Fetch-User", "Sec-CH-UA",
    "Sec-CH-UA-Mobile", "Sec-CH-UA-Platform", "Upgrade-Insecure-Requests", "DNT", "Priority",
    "X-Requested-With", "Content-Security-Policy", "X-Frame-Options", "Referrer-Policy",
    "Permissions-Policy", "Access-Control-Allow-Credentials", "Access-Control-Allow-Headers",
    "Access-Control-Allow-Methods", "Access-Control-Expose-Headers", "Access-Control-Max-Age",
    "Access-Control-Request-Method", "Access-Control-Request-Headers", "X-Real-IP", "Traceparent",
    "Tracestate", "X-Correlation-Id", "Content-Disposition", "X-XSS-Protection", "Alt-Svc",
    "Timing-Allow-Origin", "X-Powered-By", "Proxy-Authorization", "Max-Forwards", "Accept-Charset",
    "X-Forwarded-Port", "Server-Timing"};

// For token characters, OR-ing 0x20 lowercases letters and changes no
// other token character into a letter (or into '-' or a digit), so two
// tokens are equal ignoring case exactly when they are equal OR-ed.
bool same_token_ignoring_case(std::string_view a, std::string_view b)
{
    if (a.size() != b.size())
        return false;
    constexpr std::uint64_t case_bits = 0x2020202020202020ull;
    const auto word = [](std::string_view s, std::size_t at) {
        std::uint64_t w;
        std::memcpy(&w, s.data() + at, 8);
        return w | case_bits;
    };
    const std::size_t n = a.size();
    if (n < 8) {
        for (std::size_t i = 0; i < n; ++i)
            if ((a[i] | 0x20) != (b[i] | 0x20))
                return false;
        return true;
    }
    // Whole words, the last one overlapping its predecessor.
    for (std::size_t i = 0; i + 8 < n; i += 8)
        if (word(a, i) != word(b, i))
            return false;
    return word(a, n - 8) == word(b, n - 8);
}

constexpr std::size_t table_size = 256; // a power of two, over twice the names

inline std::size_t slot_of(std::string_view name)
{
    const auto first = static_cast<unsigned char>(name.front() | 0x20);
    const auto last = static_cast<unsigned char>(name.back() | 0x20);
    const auto middle = static_cast<unsigned char>(name[name.size() / 2] | 0x20);
    return (name.size() * 3 + first * 13 + middle * 10 + last * 5) & (table_size - 1);
}

struct entry {
    std::string_view name; // empty: a free slot
    http::field code = http::field::unknown;
};

// Open addressing: a name sits in its slot or the first free one after it,
// so a lookup walks from its slot to a match or a free slot. Filled from
// Beast's own string_to_field, so the codes are its codes. (Beast's table
// is a function-local static, ready whenever this is built.)
const std::array<entry, table_size> table = [] {
    static_assert(std::size(common_names) < table_size / 2);
    std::array<entry, table_size> t{};
    for (std::string_view name : common_names) {
        std::size_t slot = slot_of(name);
        while (!t[slot].name.empty())
            slot = (slot + 1) & (table_size - 1);
        t[slot] = {name, http::string_to_field({name.data(), name.size()})};
    }
    return t;
}();

} // namespace

http::field field_code(std::string_view name)
{
    if (!name.empty()) {
        for (std::size_t slot = slot_of(name); !table[slot].name.empty();
             slot = (slot + 1) & (table_size - 1))
            if (same_token_ignoring_case(table[slot].name, name))
                return table[slot].code;
    }
    return http::string_to_field({name.data(), name.size()});
}

} // namespace gatehouse::gateway
