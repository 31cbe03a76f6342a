// SPDX-FileCopyrightText: Gatehouse contributors
// SPDX-License-Identifier: Apache-2.0
#include "gateway/address_ranges.hpp"

#include "gateway/http_util.hpp"
#include "gateway/request_checks.hpp"

#include <charconv>

namespace gatehouse::gateway {

namespace ip = boost::asio::ip;

namespace {

ip::address unmapped(const ip::address& a)
{
    if (a.is_v6() && a.to_v6().is_v4_mapped())
        return ip::make_address_v4(ip::v4_mapped, a.to_v6());
    return a;
}

std::array<std::uint8_t, 16> bytes_of(const ip::address& a)
{
    std::array<std::uint8_t, 16> out{};
    if (a.is_v4()) {
        const auto b = a.to_v4().to_bytes();
        std::copy(b.begin(), b.end(), out.begin());
    } else {
        out = a.to_v6().to_bytes();
    }
    return out;
}

bool prefix_matches(const std::array<std::uint8_t, 16>& a, const std::array<std::uint8_t, 16>& b,
                    unsigned prefix)
{
    const unsigned whole = prefix / 8;
    for (unsigned i = 0; i < whole; ++i)
        if (a[i] != b[i])
            return false;
    const unsigned bits = prefix % 8;
    if (bits == 0)
        return true;
    const auto mask = static_cast<std::uint8_t>(0xff << (8 - bits));
    return (a[whole] & mask) == (b[whole] & mask);
}

// An address of an X-Forwarded-For member: IPv4, IPv6, an IPv6 literal in
// brackets, either with a port (as some proxies write them). `text` is left
// viewing the address alone.
bool parse_member(std::string_view& text, ip::address& out)
{
    if (text.starts_with('[')) {
        const auto close = text.find(']');
        if (close == std::string_view::npos)
            return false;
        text = text.substr(1, close - 1);
    } else if (text.find(':') == text.rfind(':') && text.find(':') != std::string_view::npos) {
        text = text.substr(0, text.find(':')); // IPv4 with a port
    }
    boost::system::error_code ec;
    out = ip::make_address(std::string(text), ec);
    return !ec;
}

} // namespace

bool address_ranges::add(std::string_view spec, std::string* error)
{
    auto fail = [&](std::string why) {
        if (error)
            *error = std::move(why);
        return false;
    };
    const auto slash = spec.find('/');
    boost::system::error_code ec;
    const ip::address address = unmapped(ip::make_address(std::string(spec.substr(0, slash)), ec));
    if (ec)
        return fail("'" + std::string(spec.substr(0, slash)) + "' is not an IP address");
    range r;
    r.v4 = address.is_v4();
    r.bytes = bytes_of(address);
    const unsigned width = r.v4 ? 32 : 128;
    r.prefix = width;
    if (slash != std::string_view::npos) {
        const std::string_view digits = spec.substr(slash + 1);
        unsigned prefix = 0;
        const auto [end, parse_ec] =
            std::from_chars(digits.data(), digits.data() + digits.size(), prefix);
        if (digits.empty() || parse_ec != std::errc{} || end != digits.data() + digits.size() ||
            prefix > width)
            return fail("'" + std::string(digits) + "' is not a prefix length for " +
                        (r.v4 ? "IPv4 (0-32)" : "IPv6 (0-128)"));
        r.prefix = prefix;
        std::array<std::uint8_t, 16> network{};
        for (unsigned i = 0; i < 16; ++i) {
            const unsigned kept = prefix >= (i + 1) * 8 ? 8 : prefix > i * 8 ? prefix - i * 8 : 0;
            network[i] = static_cast<std::uint8_t>(r.bytes[i] & (0xff00 >> kept));
        }
        if (network != r.bytes)
            return fail("'" + std::string(spec) + "' has bits set past its prefix length");
    }
    ranges_.push_back(r);
    return true;
}

bool address_ranges::contains(const ip::address& address) const
{
    const ip::address a = unmapped(address);
    const bool v4 = a.is_v4();
    const auto bytes = bytes_of(a);
    for (const auto& r : ranges_)
        if (r.v4 == v4 && prefix_matches(r.bytes, bytes, r.prefix))
            return true;
    return false;
}

std::string_view forwarded_client(const address_ranges& trusted, std::string_view peer,
                                  const std::vector<std::string_view>& lines)
{
    std::string_view client = peer;
    for (auto line = lines.rbegin(); line != lines.rend(); ++line) {
        std::string_view rest = *line;
        while (!rest.empty()) {
            const auto comma = rest.rfind(',');
            std::string_view member =
                trim_ows(comma == std::string_view::npos ? rest : rest.substr(comma + 1));
            rest = comma == std::string_view::npos ? std::string_view{} : rest.substr(0, comma);
            if (member.empty())
                continue;
            ip::address address;
            if (!parse_member(member, address))
                return client; // what the proxy that added it said is all there is
            client = member;
            if (!trusted.contains(address))
                return client;
        }
    }
    return client;
}

std::string_view forwarded_scheme(std::string_view value)
{
    const std::string_view first = trim_ows(value.substr(0, value.find(',')));
    if (iequals(first, "https"))
        return "https";
    if (iequals(first, "http"))
        return "http";
    return {};
}

std::string_view forwarded_host(std::string_view value)
{
    const std::string_view first = trim_ows(value.substr(0, value.find(',')));
    return valid_host_value(first) ? first : std::string_view();
}

} // namespace gatehouse::gateway
