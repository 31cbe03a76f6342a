// SPDX-FileCopyrightText: Gatehouse contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <boost/beast/http/fields.hpp>
#include <boost/beast/http/message.hpp>

#include <string>

namespace gatehouse::gateway {

// The start line and fields of a message, as they go on the wire, into one
// contiguous buffer (`out` is overwritten; its storage is reused).
//
// Beast's serializer presents the head as a buffer sequence with one element
// per field, and every write walks that sequence through several layers of
// views: on the proxy path that walk cost more than parsing the message. One
// flat buffer is written with a single gather write instead.
void serialize_head(const boost::beast::http::request_header<>& req, std::string& out);
void serialize_head(const boost::beast::http::response_header<>& res, std::string& out);

// Appends a status line ("HTTP/1.1 200 OK\r\n"): the code in three digits,
// as parsers accept it, and `reason` unless it is Beast's placeholder for a
// status without one, which is not for the wire.
void append_status_line(std::string& out, unsigned version, unsigned code, std::string_view reason);

// Appends one field line ("Name: value\r\n") to a head being built by hand.
void append_field(std::string& out, std::string_view name, std::string_view value);

// The chunk-size line of a chunk of `size` bytes ("1a2f\r\n") into `out`,
// which must hold at least chunk_size_line_max characters; returns its length.
inline constexpr std::size_t chunk_size_line_max = 18;
std::size_t format_chunk_size_line(std::size_t size, char* out);

} // namespace gatehouse::gateway
