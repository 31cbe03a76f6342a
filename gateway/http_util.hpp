// SPDX-FileCopyrightText: Gatehouse contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace gatehouse::gateway {

struct http_url {
    std::string host;
    std::uint16_t port = 80; // 443 for https without a port
    std::string base_path;   // without a trailing slash; "" for the root
    bool tls = false;        // https: the connection is TLS
    // The port the scheme implies, which a Host header leaves out.
    bool default_port() const { return port == (tls ? 443 : 80); }
};

// Parses "http://host[:port][/path]" or "https://...", the forms upstream
// targets take; returns nullopt (and the reason in `error`) otherwise.
std::optional<http_url> parse_http_url(std::string_view url, std::string* error = nullptr);

bool iequals(std::string_view a, std::string_view b);

// An interim response (RFC 9110 §15.2), which a final one follows on the
// same connection: 1xx but 101, after which the connection speaks another
// protocol.
constexpr bool is_interim_status(unsigned status)
{
    return status >= 100 && status < 200 && status != 101;
}

// Without leading and trailing optional whitespace (RFC 9110 §5.6.3: spaces
// and horizontal tabs), as field values and list members are compared.
std::string_view trim_ows(std::string_view text);

// The value of a hexadecimal digit (either case), or -1.
constexpr int hex_digit_value(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

// Appends `path` in the form RFC 3986 §6.2.2.1-2 makes of it: escaped
// unreserved characters (letters, digits, "-._~") decoded, the other
// escapes' hex digits upper case. False, with `out` as it was, for a '%'
// without two hex digits after it. Routing, route patterns and cache keys
// all read escapes this way, so "/%61pi", "/api" and a purge of either meet.
bool append_normalized_escapes(std::string& out, std::string_view path);

// True for an RFC 9110 token (method names, header names).
bool is_token(std::string_view text);
// Whether a comma-separated list field value (RFC 9110 §5.6.1) has
// `member` among its members, compared case-insensitively.
bool list_contains(std::string_view list, std::string_view member);

} // namespace gatehouse::gateway
