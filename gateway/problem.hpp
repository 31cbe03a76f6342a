// SPDX-FileCopyrightText: Gatehouse contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <boost/beast/http/message.hpp>
#include <boost/beast/http/string_body.hpp>

#include <string_view>

namespace gatehouse::gateway {

// Every rejection the gateway makes itself. The `type` URI of each is stable:
// clients and dashboards may key on it.
enum class problem_kind {
    bad_request,
    not_found,
    method_not_allowed,
    request_timeout,
    body_too_large,
    header_too_large,
    upstream_unavailable,
    upstream_timeout,
    service_unavailable,
    not_cached, // only-if-cached with nothing usable stored: 504 (RFC 9111 §5.2.1.7)
    unsupported_transfer_coding, // a request body in a coding other than chunked: 501
    expectation_failed,          // an Expect other than 100-continue: 417 (RFC 9110 §10.1.1)
    range_not_satisfiable,       // a Range past a stored response's end: 416 (§15.5.17)
};

std::string_view problem_type(problem_kind kind);

// An application/problem+json (RFC 9457) response.
boost::beast::http::response<boost::beast::http::string_body>
make_problem(problem_kind kind, std::string_view detail, std::string_view request_id,
             bool keep_alive);

} // namespace gatehouse::gateway
