// SPDX-FileCopyrightText: Gatehouse contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once
// Requests the gateway answers itself as their final recipient instead of
// forwarding them: OPTIONS and TRACE whose Max-Forwards has run out (RFC
// 9110 §7.6.2, a MUST for intermediaries), and `OPTIONS *`, which asks
// about the server as a whole (§9.3.7) and names no resource to route.

#include <boost/beast/http/message.hpp>
#include <boost/beast/http/string_body.hpp>

#include <cstdint>
#include <optional>
#include <string_view>

namespace gatehouse::gateway {

// What a route without a method list takes: any method but TRACE, which
// such a route does not forward. A reflected request carries the caller's
// cookies and credentials back into the response, where a script could read
// them ("cross-site tracing"); a route that wants TRACE names it.
inline constexpr std::string_view any_methods[] = {"GET",   "HEAD",   "POST",   "PUT",
                                                   "PATCH", "DELETE", "OPTIONS"};

// A Max-Forwards value (1*DIGIT, RFC 9110 §7.6.2); nullopt when it is not
// one. Values beyond what the gateway counts are capped, as the RFC allows.
std::optional<std::uint32_t> parse_max_forwards(std::string_view value);

// 200 with `Allow` and no content: the answer to OPTIONS.
boost::beast::http::response<boost::beast::http::string_body>
options_answer(std::string_view allow, std::string_view request_id, bool keep_alive);

// 200 `message/http` reflecting the request as received (RFC 9110 §9.3.8),
// its target as given in `target`, without the fields that carry
// credentials (Authorization, Proxy-Authorization, Cookie), which the
// final recipient should not reflect.
boost::beast::http::response<boost::beast::http::string_body>
trace_answer(const boost::beast::http::request_header<>& request, std::string_view target,
             std::string_view request_id, bool keep_alive);

} // namespace gatehouse::gateway
