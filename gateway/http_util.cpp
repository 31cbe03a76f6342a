// SPDX-FileCopyrightText: Gatehouse contributors
// SPDX-License-Identifier: Apache-2.0
#include "gateway/http_util.hpp"

#include <algorithm>
#include <charconv>

namespace gatehouse::gateway {

namespace {

char lower(char c)
{
    return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
}

bool is_tchar(char c)
{
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'))
        return true;
    return std::string_view("!#$%&'*+-.^_`|~").find(c) != std::string_view::npos;
}

bool fail(std::string* error, const char* why)
{
    if (error)
        *error = why;
    return false;
}

} // namespace

bool iequals(std::string_view a, std::string_view b)
{
    return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(),
                                              [](char x, char y) { return lower(x) == lower(y); });
}

std::string_view trim_ows(std::string_view text)
{
    while (!text.empty() && (text.front() == ' ' || text.front() == '\t'))
        text.remove_prefix(1);
    while (!text.empty() && (text.back() == ' ' || text.back() == '\t'))
        text.remove_suffix(1);
    return text;
}

bool list_contains(std::string_view list, std::string_view member)
{
    while (!list.empty()) {
        const auto comma = list.find(',');
        if (iequals(trim_ows(list.substr(0, comma)), member))
            return true;
        list = comma == std::string_view::npos ? std::string_view{} : list.substr(comma + 1);
    }
    return false;
}

bool is_token(std::string_view text)
{
    return !text.empty() && std::all_of(text.begin(), text.end(), is_tchar);
}

std::optional<http_url> parse_http_url(std::string_view url, std::string* error)
{
    constexpr std::string_view plain = "http://";
    constexpr std::string_view secure = "https://";
    const auto starts_with = [url](std::string_view scheme) {
        return url.size() >= scheme.size() && iequals(url.substr(0, scheme.size()), scheme);
    };
    http_url out;
    std::string_view rest;
    if (starts_with(plain)) {
        rest = url.substr(plain.size());
    } else if (starts_with(secure)) {
        rest = url.substr(secure.size());
        out.tls = true;
        out.port = 443;
    } else {
        fail(error, "must start with http:// or https://");
        return std::nullopt;
    }
    const auto slash = rest.find_first_of("/?#");
    std::string_view authority = rest.substr(0, slash);
    std::string_view path =
        slash == std::string_view::npos ? std::string_view{} : rest.substr(slash);
    if (authority.find('@') != std::string_view::npos) {
        fail(error, "user information is not supported");
        return std::nullopt;
    }
    std::string_view host = authority;
    std::string_view port;
    if (!authority.empty() && authority.front() == '[') {
        const auto close = authority.find(']');
        if (close == std::string_view::npos) {
            fail(error, "unterminated IPv6 address");
            return std::nullopt;
        }
        host = authority.substr(1, close - 1);
        if (close + 1 < authority.size()) {
            if (authority[close + 1] != ':') {
                fail(error, "unexpected text after the IPv6 address");
                return std::nullopt;
            }
            port = authority.substr(close + 2);
        }
    } else if (const auto colon = authority.rfind(':'); colon != std::string_view::npos) {
        host = authority.substr(0, colon);
        port = authority.substr(colon + 1);
    }
    if (host.empty()) {
        fail(error, "has no host");
        return std::nullopt;
    }
    for (char c : host) {
        if (!(is_tchar(c) || c == ':' || c == '.') || c == '%') {
            fail(error, "has an invalid character in the host");
            return std::nullopt;
        }
    }
    out.host = std::string(host);
    if (!port.empty()) {
        unsigned value = 0;
        auto [end, ec] = std::from_chars(port.data(), port.data() + port.size(), value);
        if (ec != std::errc{} || end != port.data() + port.size() || value == 0 || value > 65535) {
            fail(error, "has an invalid port");
            return std::nullopt;
        }
        out.port = static_cast<std::uint16_t>(value);
    }
    if (!path.empty() && path.front() != '/') {
        fail(error, "must not have a query or fragment");
        return std::nullopt;
    }
    while (!path.empty() && path.back() == '/')
        path.remove_suffix(1);
    out.base_path = std::string(path);
    return out;
}

bool append_normalized_escapes(std::string& out, std::string_view path)
{
    const std::size_t at = out.size();
    out.reserve(at + path.size());
    for (std::size_t i = 0; i < path.size(); ++i) {
        if (path[i] != '%') {
            out.push_back(path[i]);
            continue;
        }
        const int high = i + 2 < path.size() ? hex_digit_value(path[i + 1]) : -1;
        const int low = i + 2 < path.size() ? hex_digit_value(path[i + 2]) : -1;
        if (high < 0 || low < 0) {
            out.resize(at);
            return false;
        }
        const char decoded = static_cast<char>(high * 16 + low);
        const bool unreserved = (decoded >= 'a' && decoded <= 'z') ||
                                (decoded >= 'A' && decoded <= 'Z') ||
                                (decoded >= '0' && decoded <= '9') || decoded == '-' ||
                                decoded == '.' || decoded == '_' || decoded == '~';
        if (unreserved) {
            out.push_back(decoded);
        } else {
            static constexpr char digits[] = "0123456789ABCDEF";
            out.push_back('%');
            out.push_back(digits[high]);
            out.push_back(digits[low]);
        }
        i += 2;
    }
    return true;
}

} // namespace gatehouse::gateway
