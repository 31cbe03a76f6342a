// SPDX-FileCopyrightText: Gatehouse contributors
// SPDX-License-Identifier: Apache-2.0
#include "gateway/proxy_protocol.hpp"

#include <charconv>
#include <cstring>

namespace gatehouse::gateway {

namespace {

using status = proxy_header::status;

constexpr std::string_view v1_signature = "PROXY ";
constexpr std::size_t v1_limit = 107; // with its CRLF
constexpr std::string_view v2_signature{"\r\n\r\n\0\r\nQUIT\n", 12};
constexpr std::size_t v2_fixed = 16; // signature, version/command, family, length

proxy_header invalid()
{
    proxy_header out;
    out.state = status::invalid;
    return out;
}

// Whether `bytes` could still become `signature` (or already starts with it).
bool could_start(std::string_view bytes, std::string_view signature)
{
    const std::size_t n = std::min(bytes.size(), signature.size());
    return bytes.substr(0, n) == signature.substr(0, n);
}

// The next space-separated word of a version 1 line.
std::string_view next_word(std::string_view& line)
{
    const auto space = line.find(' ');
    const std::string_view word = line.substr(0, space);
    line = space == std::string_view::npos ? std::string_view() : line.substr(space + 1);
    return word;
}

std::optional<std::uint16_t> parse_port(std::string_view text)
{
    unsigned value = 0;
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (ec != std::errc() || end != text.data() + text.size() || text.empty() || value > 65535 ||
        (text.size() > 1 && text.front() == '0'))
        return std::nullopt;
    return static_cast<std::uint16_t>(value);
}

// "PROXY TCP4 192.0.2.1 198.51.100.2 51234 443\r\n"
proxy_header parse_v1(std::string_view bytes)
{
    const auto crlf = bytes.find("\r\n");
    if (crlf == std::string_view::npos) {
        if (bytes.size() >= v1_limit)
            return invalid();
        return {};
    }
    if (crlf + 2 > v1_limit)
        return invalid();
    std::string_view line = bytes.substr(v1_signature.size(), crlf - v1_signature.size());
    proxy_header out;
    out.length = crlf + 2;
    const std::string_view family = next_word(line);
    if (family == "UNKNOWN") { // the balancer's own connection; the rest is ignored
        out.state = status::complete;
        return out;
    }
    if (family != "TCP4" && family != "TCP6")
        return invalid();
    const std::string_view source = next_word(line);
    const std::string_view destination = next_word(line);
    const std::string_view source_port = next_word(line);
    const std::string_view destination_port = next_word(line);
    if (!line.empty())
        return invalid();
    boost::system::error_code ec;
    const auto source_address = boost::asio::ip::make_address(std::string(source), ec);
    if (ec)
        return invalid();
    const auto destination_address = boost::asio::ip::make_address(std::string(destination), ec);
    if (ec)
        return invalid();
    const bool v4 = family == "TCP4";
    if (source_address.is_v4() != v4 || destination_address.is_v4() != v4)
        return invalid();
    const auto port = parse_port(source_port);
    if (!port || !parse_port(destination_port))
        return invalid();
    out.state = status::complete;
    out.source = source_address;
    out.source_port = *port;
    return out;
}

std::uint16_t read_u16(std::string_view bytes, std::size_t at)
{
    return static_cast<std::uint16_t>((static_cast<unsigned char>(bytes[at]) << 8) |
                                      static_cast<unsigned char>(bytes[at + 1]));
}

// The source of a version 2 address block of `Address`'s family: source
// and destination addresses, then their ports. False when it is cut short.
template <class Address>
bool read_source(std::string_view addresses, proxy_header& out)
{
    typename Address::bytes_type source;
    if (addresses.size() < 2 * source.size() + 4)
        return false;
    std::memcpy(source.data(), addresses.data(), source.size());
    out.source = Address(source);
    out.source_port = read_u16(addresses, 2 * source.size());
    return true;
}

// The binary form: signature, version and command, family and protocol,
// the length of what follows, the addresses, then extensions (ignored).
proxy_header parse_v2(std::string_view bytes)
{
    if (bytes.size() < v2_fixed)
        return {};
    const auto version_command = static_cast<unsigned char>(bytes[12]);
    if ((version_command >> 4) != 2)
        return invalid();
    const unsigned command = version_command & 0x0f;
    if (command > 1)
        return invalid();
    const std::size_t length = v2_fixed + read_u16(bytes, 14);
    if (length > proxy_header_limit)
        return invalid();
    if (bytes.size() < length)
        return {};
    proxy_header out;
    out.state = status::complete;
    out.length = length;
    if (command == 0) // LOCAL: the balancer's own connection (a health check)
        return out;
    const auto family_protocol = static_cast<unsigned char>(bytes[13]);
    const unsigned family = family_protocol >> 4;
    const std::string_view addresses = bytes.substr(v2_fixed, length - v2_fixed);
    if (family == 1) {
        if (!read_source<boost::asio::ip::address_v4>(addresses, out))
            return invalid();
    } else if (family == 2) {
        if (!read_source<boost::asio::ip::address_v6>(addresses, out))
            return invalid();
    } else if (family > 3) {
        return invalid();
    }
    // UNSPEC and UNIX: no address to tell; the connection's own stands.
    return out;
}

} // namespace

proxy_header parse_proxy_header(std::string_view bytes)
{
    if (bytes.empty())
        return {};
    if (could_start(bytes, v1_signature)) {
        if (bytes.size() < v1_signature.size())
            return {};
        return parse_v1(bytes);
    }
    if (could_start(bytes, v2_signature)) {
        if (bytes.size() < v2_signature.size())
            return {};
        return parse_v2(bytes);
    }
    return invalid();
}

} // namespace gatehouse::gateway
