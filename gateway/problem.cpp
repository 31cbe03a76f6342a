// SPDX-FileCopyrightText: Gatehouse contributors
// SPDX-License-Identifier: Apache-2.0
#include "gateway/problem.hpp"

#include "gateway/cache/http_date.hpp"

#include <cstdio>

namespace gatehouse::gateway {

namespace http = boost::beast::http;

namespace {

struct problem_info {
    http::status status;
    std::string_view type;
    std::string_view title;
};

problem_info info(problem_kind kind)
{
    switch (kind) {
    case problem_kind::bad_request:
        return {http::status::bad_request, "https://gatehouse.dev/problems/bad-request",
                "Malformed request"};
    case problem_kind::not_found:
        return {http::status::not_found, "https://gatehouse.dev/problems/no-route",
                "No route matches this request"};
    case problem_kind::method_not_allowed:
        return {http::status::method_not_allowed,
                "https://gatehouse.dev/problems/method-not-allowed",
                "Method not allowed on this route"};
    case problem_kind::request_timeout:
        return {http::status::request_timeout, "https://gatehouse.dev/problems/request-timeout",
                "The request was not received in time"};
    case problem_kind::body_too_large:
        return {http::status::payload_too_large, "https://gatehouse.dev/problems/body-too-large",
                "Request body too large"};
    case problem_kind::header_too_large:
        return {http::status::request_header_fields_too_large,
                "https://gatehouse.dev/problems/header-too-large", "Request header too large"};
    case problem_kind::upstream_unavailable:
        return {http::status::bad_gateway, "https://gatehouse.dev/problems/upstream-unavailable",
                "The upstream service could not be reached"};
    case problem_kind::upstream_timeout:
        return {http::status::gateway_timeout, "https://gatehouse.dev/problems/upstream-timeout",
                "The upstream service did not answer in time"};
    case problem_kind::service_unavailable:
        return {http::status::service_unavailable,
                "https://gatehouse.dev/problems/service-unavailable",
                "The gateway is shutting down"};
    case problem_kind::not_cached:
        return {http::status::gateway_timeout, "https://gatehouse.dev/problems/not-cached",
                "No stored response satisfies only-if-cached"};
    case problem_kind::unsupported_transfer_coding:
        return {http::status::not_implemented,
                "https://gatehouse.dev/problems/unsupported-transfer-coding",
                "Transfer coding not supported"};
    case problem_kind::expectation_failed:
        return {http::status::expectation_failed,
                "https://gatehouse.dev/problems/expectation-failed", "Expectation not supported"};
    case problem_kind::range_not_satisfiable:
        return {http::status::range_not_satisfiable,
                "https://gatehouse.dev/problems/range-not-satisfiable",
                "The requested range is not satisfiable"};
    }
    return {http::status::internal_server_error, "about:blank", "Internal error"};
}

void append_json_string(std::string& out, std::string_view text)
{
    out += '"';
    for (char c : text) {
        switch (c) {
        case '"':
            out += "\\\"";
            break;
        case '\\':
            out += "\\\\";
            break;
        case '\n':
            out += "\\n";
            break;
        case '\r':
            out += "\\r";
            break;
        case '\t':
            out += "\\t";
            break;
        default:
            if (static_cast<unsigned char>(c) < 0x20) {
                char escaped[8];
                std::snprintf(escaped, sizeof escaped, "\\u%04x", static_cast<unsigned>(c));
                out += escaped;
            } else {
                out += c;
            }
        }
    }
    out += '"';
}

} // namespace

std::string_view problem_type(problem_kind kind)
{
    return info(kind).type;
}

http::response<http::string_body> make_problem(problem_kind kind, std::string_view detail,
                                               std::string_view request_id, bool keep_alive)
{
    const problem_info p = info(kind);
    std::string body;
    body.reserve(256 + detail.size());
    body += "{\"type\":";
    append_json_string(body, p.type);
    body += ",\"title\":";
    append_json_string(body, p.title);
    body += ",\"status\":";
    body += std::to_string(static_cast<unsigned>(p.status));
    body += ",\"detail\":";
    append_json_string(body, detail);
    if (!request_id.empty()) {
        body += ",\"request_id\":";
        append_json_string(body, request_id);
    }
    body += "}\n";

    http::response<http::string_body> res{p.status, 11};
    // The gateway is this response's origin (RFC 9110 §6.6.1).
    res.set(http::field::date, cache::http_date_now());
    res.set(http::field::content_type, "application/problem+json");
    res.set(http::field::cache_control, "no-store");
    if (!request_id.empty())
        res.set("X-Request-Id", request_id);
    res.body() = std::move(body);
    res.keep_alive(keep_alive);
    res.prepare_payload();
    return res;
}

} // namespace gatehouse::gateway
