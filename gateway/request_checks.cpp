// SPDX-FileCopyrightText: Gatehouse contributors
// SPDX-License-Identifier: Apache-2.0
#include "gateway/request_checks.hpp"

#include "gateway/http_util.hpp"

#include <array>

namespace gatehouse::gateway {

void transfer_codings::add(std::string_view field_value)
{
    present_ = true;
    // Empty list members are allowed and ignored (RFC 9110 §5.6.1).
    while (!field_value.empty()) {
        const auto comma = field_value.find(',');
        const std::string_view member = trim_ows(field_value.substr(0, comma));
        field_value =
            comma == std::string_view::npos ? std::string_view{} : field_value.substr(comma + 1);
        if (member.empty())
            continue;
        ++codings_;
        // Strictly the bare name: "chunked;x=y" is not what Beast frames as
        // chunked, and what the gateway reads must be what it forwards.
        last_chunked_ = iequals(member, "chunked");
        if (last_chunked_)
            ++chunked_;
    }
}

transfer_coding_verdict transfer_codings::verdict() const
{
    if (!present_)
        return transfer_coding_verdict::none;
    // RFC 9112 §7: chunked is applied once, and last.
    if (!last_chunked_ || chunked_ > 1)
        return transfer_coding_verdict::unreadable;
    return codings_ == 1 ? transfer_coding_verdict::chunked : transfer_coding_verdict::unsupported;
}

const char* framing_problem(transfer_coding_verdict codings, int content_length_lines,
                            unsigned version)
{
    switch (codings) {
    case transfer_coding_verdict::unreadable:
        return "Transfer-Encoding does not end in a single chunked: the body's length cannot be "
               "determined";
    case transfer_coding_verdict::unsupported:
        return "only the chunked transfer coding is supported in requests";
    case transfer_coding_verdict::chunked:
        if (version < 11)
            return "Transfer-Encoding in an HTTP/1.0 request";
        break;
    case transfer_coding_verdict::none:
        break;
    }
    if (content_length_lines > 1)
        return "more than one Content-Length";
    return nullptr;
}

namespace {

// unreserved and sub-delims (RFC 3986 §2.2, §2.3): what a reg-name holds
// besides percent-encoded octets. A table: this runs on every request.
constexpr std::array<bool, 256> host_chars = [] {
    std::array<bool, 256> t{};
    for (int c = 'a'; c <= 'z'; ++c)
        t[c] = true;
    for (int c = 'A'; c <= 'Z'; ++c)
        t[c] = true;
    for (int c = '0'; c <= '9'; ++c)
        t[c] = true;
    for (char c : std::string_view("-._~!$&'()*+,;="))
        t[static_cast<unsigned char>(c)] = true;
    return t;
}();

bool is_unreserved_or_sub_delim(char c)
{
    return host_chars[static_cast<unsigned char>(c)];
}

// The inside of an IP-literal: an IPv6 address or IPvFuture, here by their
// alphabet (hex digits, ':' and '.'; IPvFuture's "v" form adds unreserved
// and sub-delims): enough to keep anything but an address out.
bool valid_ip_literal(std::string_view inside)
{
    if (inside.empty())
        return false;
    for (char c : inside)
        if (c != ':' && !is_unreserved_or_sub_delim(c))
            return false;
    return true;
}

bool valid_port(std::string_view port)
{
    if (port.size() > 5)
        return false;
    for (char c : port)
        if (c < '0' || c > '9')
            return false;
    return true;
}

} // namespace

bool valid_host_value(std::string_view host)
{
    if (host.empty())
        return true; // RFC 9112 §3.2: sent empty when the target has no authority
    std::size_t i = 0;
    if (host.front() == '[') {
        const auto close = host.find(']');
        if (close == std::string_view::npos || !valid_ip_literal(host.substr(1, close - 1)))
            return false;
        i = close + 1;
    } else {
        // reg-name or IPv4address: unreserved, sub-delims and percent-encoded
        // octets, up to the port. One pass: this runs on every request.
        for (; i < host.size(); ++i) {
            const char c = host[i];
            if (is_unreserved_or_sub_delim(c))
                continue;
            if (c == ':')
                break;
            if (c != '%' || i + 2 >= host.size() || hex_digit_value(host[i + 1]) < 0 ||
                hex_digit_value(host[i + 2]) < 0)
                return false;
            i += 2;
        }
    }
    if (i == host.size())
        return true;
    return host[i] == ':' && valid_port(host.substr(i + 1));
}

} // namespace gatehouse::gateway
