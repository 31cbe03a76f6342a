// SPDX-FileCopyrightText: Gatehouse contributors
// SPDX-License-Identifier: Apache-2.0
#include "gateway/forwarding.hpp"

#include "gateway/http_util.hpp"

#include <boost/beast/http/field.hpp>

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <vector>

namespace gatehouse::gateway {

namespace http = boost::beast::http;

void remove_hop_by_hop(http::fields& fields)
{
    // One pass over the fields: the common case (no Connection tokens naming
    // other fields) costs no lookups at all.
    std::vector<std::string> named;
    for (auto it = fields.begin(); it != fields.end();) {
        if (it->name() == http::field::connection)
            for_each_connection_named(it->value(),
                                      [&](std::string_view token) { named.emplace_back(token); });
        it = is_hop_by_hop_field(it->name()) ? fields.erase(it) : std::next(it);
    }
    for (const auto& name : named)
        fields.erase(name);
}

void append_to_list(http::fields& fields, std::string_view name, std::string_view value)
{
    auto it = fields.find(name);
    if (it == fields.end()) {
        fields.set(name, value);
        return;
    }
    std::string combined(it->value());
    combined.append(", ").append(value);
    fields.set(name, combined);
}

bool acceptable_request_id(std::string_view id)
{
    if (id.empty() || id.size() > 128)
        return false;
    for (char c : id)
        if (c <= 0x20 || c >= 0x7f || c == '"' || c == '\\')
            return false;
    return true;
}

void generate_request_id(std::mt19937_64& rng, std::int64_t unix_us, std::string& out)
{
    // 48 bits of milliseconds, then 80 random bits (the layout of a UUIDv7):
    // ids sort by time, so the call log's request-id index grows at its
    // right edge. Fully random ids landed all over that index, and each
    // 100 ms flush rewrote most of its leaf pages (16 KiB each) into the WAL.
    // Built in a local array, a byte (two digits) at a time from a table,
    // and assigned once: stores into the string itself reload its data
    // pointer after every character. The digits are those of the earlier
    // nibble-by-nibble loop: the time most significant first, the random
    // words least significant nibble first.
    struct digit_pairs {
        char high_first[256][2];
        char low_first[256][2];
    };
    static constexpr digit_pairs pairs = [] {
        constexpr char hex[] = "0123456789abcdef";
        digit_pairs p{};
        for (int b = 0; b < 256; ++b) {
            p.high_first[b][0] = p.low_first[b][1] = hex[b >> 4];
            p.high_first[b][1] = p.low_first[b][0] = hex[b & 0xf];
        }
        return p;
    }();
    char id[32];
    const std::uint64_t ms = static_cast<std::uint64_t>(std::max<std::int64_t>(unix_us / 1000, 0));
    for (int i = 0; i < 6; ++i)
        std::memcpy(id + 2 * i, pairs.high_first[(ms >> (40 - 8 * i)) & 0xff], 2);
    const std::uint64_t a = rng();
    const std::uint64_t b = rng();
    for (int i = 0; i < 8; ++i)
        std::memcpy(id + 12 + 2 * i, pairs.low_first[(a >> (8 * i)) & 0xff], 2);
    for (int i = 0; i < 2; ++i)
        std::memcpy(id + 28 + 2 * i, pairs.low_first[(b >> (8 * i)) & 0xff], 2);
    out.assign(id, sizeof id);
}

std::string host_without_port(std::string_view authority)
{
    std::string_view host = authority;
    if (!host.empty() && host.front() == '[') {
        const auto close = host.find(']');
        host = close == std::string_view::npos ? host : host.substr(0, close + 1);
    } else if (const auto colon = host.rfind(':'); colon != std::string_view::npos) {
        host = host.substr(0, colon);
    }
    std::string out(host);
    for (auto& c : out)
        if (c >= 'A' && c <= 'Z')
            c = static_cast<char>(c - 'A' + 'a');
    return out;
}

} // namespace gatehouse::gateway
