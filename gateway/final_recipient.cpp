// SPDX-FileCopyrightText: Gatehouse contributors
// SPDX-License-Identifier: Apache-2.0
#include "gateway/final_recipient.hpp"

#include "gateway/cache/http_date.hpp"

#include <algorithm>

namespace gatehouse::gateway {

namespace http = boost::beast::http;

namespace {

constexpr std::uint32_t max_forwards_cap = 255;

http::response<http::string_body> answer(std::string_view request_id, bool keep_alive)
{
    http::response<http::string_body> res{http::status::ok, 11};
    res.set(http::field::date, cache::http_date_now());
    res.set(http::field::cache_control, "no-store");
    if (!request_id.empty())
        res.set("X-Request-Id", request_id);
    res.keep_alive(keep_alive);
    return res;
}

bool reflected(const http::fields::value_type& field)
{
    switch (field.name()) {
    case http::field::authorization:
    case http::field::proxy_authorization:
    case http::field::cookie:
        return false;
    default:
        return true;
    }
}

} // namespace

std::optional<std::uint32_t> parse_max_forwards(std::string_view value)
{
    if (value.empty())
        return std::nullopt;
    std::uint32_t n = 0;
    for (const char c : value) {
        if (c < '0' || c > '9')
            return std::nullopt;
        n = std::min(max_forwards_cap, n * 10 + static_cast<std::uint32_t>(c - '0'));
    }
    return n;
}

http::response<http::string_body> options_answer(std::string_view allow,
                                                 std::string_view request_id, bool keep_alive)
{
    auto res = answer(request_id, keep_alive);
    res.set(http::field::allow, allow);
    res.prepare_payload(); // Content-Length: 0 (RFC 9110 §9.3.7)
    return res;
}

http::response<http::string_body> trace_answer(const http::request_header<>& request,
                                               std::string_view target, std::string_view request_id,
                                               bool keep_alive)
{
    auto res = answer(request_id, keep_alive);
    res.set(http::field::content_type, "message/http");
    std::string& body = res.body();
    body.reserve(256);
    body.append(request.method_string()).append(" ").append(target);
    body.append(request.version() >= 11 ? " HTTP/1.1\r\n" : " HTTP/1.0\r\n");
    for (const auto& field : request) {
        if (!reflected(field))
            continue;
        body.append(field.name_string()).append(": ").append(field.value()).append("\r\n");
    }
    body.append("\r\n");
    res.prepare_payload();
    return res;
}

} // namespace gatehouse::gateway
