// SPDX-FileCopyrightText: Gatehouse contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "gateway/http_util.hpp"

#include <boost/beast/http/field.hpp>
#include <boost/beast/http/fields.hpp>

#include <random>
#include <string>
#include <string_view>

namespace gatehouse::gateway {

// True for the fields that only ever apply to one connection (RFC 9110
// §7.6.1), Connection itself included. Inline: it is asked of every field
// of every relayed head.
inline bool is_hop_by_hop_field(boost::beast::http::field name)
{
    using boost::beast::http::field;
    switch (name) {
    case field::connection:
    case field::keep_alive:
    case field::proxy_connection:
    case field::te:
    case field::trailer:
    case field::upgrade:
    case field::proxy_authenticate:
    case field::proxy_authorization:
        return true;
    default:
        return false;
    }
}

// Calls `named(token)` for each field a Connection value names: its list
// members other than the connection options (close, keep-alive) and the
// framing fields (Transfer-Encoding, Content-Length), which stay with the
// message's framing.
template <class Named>
void for_each_connection_named(std::string_view list, Named named)
{
    while (!list.empty()) {
        const auto comma = list.find(',');
        const std::string_view token = trim_ows(list.substr(0, comma));
        if (!token.empty() && !iequals(token, "close") && !iequals(token, "keep-alive") &&
            !iequals(token, "transfer-encoding") && !iequals(token, "content-length"))
            named(token);
        list = comma == std::string_view::npos ? std::string_view{} : list.substr(comma + 1);
    }
}

// Removes the hop-by-hop fields of RFC 9110 §7.6.1: Connection, every field
// it names, and the fields that only ever apply to one connection.
// Transfer-Encoding and Content-Length are left to the message's framing.
void remove_hop_by_hop(boost::beast::http::fields& fields);

// Appends `value` to a list-valued field ("a, b").
void append_to_list(boost::beast::http::fields& fields, std::string_view name,
                    std::string_view value);

// A client-supplied request id is kept when it is short printable ASCII.
bool acceptable_request_id(std::string_view id);
// Writes a fresh 128-bit id as 32 hex digits into `out`, reusing its storage:
// the request's start in milliseconds since the Unix epoch (12 digits), then
// 80 random bits, so that ids sort by time.
void generate_request_id(std::mt19937_64& rng, std::int64_t unix_us, std::string& out);

// "host" in lower case without a port, from a Host header or authority.
std::string host_without_port(std::string_view authority);

} // namespace gatehouse::gateway
