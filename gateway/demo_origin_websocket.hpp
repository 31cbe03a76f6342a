// SPDX-FileCopyrightText: Gatehouse contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once
// The demo origin's WebSocket endpoint, /ws/echo: something to try the
// gateway's WebSocket tunnels against (RFC 6455, server side, no
// extensions). Every data frame comes back as it was sent, pings are
// answered, a close is returned.

#include "gateway/deadline_stream.hpp"
#include "gateway/demo_origin_request.hpp"

#include <boost/beast/core/flat_buffer.hpp>

#include <chrono>
#include <string>
#include <string_view>

namespace gatehouse::gateway::demo {

// Whether `req` is a WebSocket opening handshake the endpoint can accept
// (RFC 6455 §4.2.1): GET, HTTP/1.1, Upgrade: websocket, Connection:
// upgrade, Sec-WebSocket-Version: 13 and a key. The caller checks the path.
bool opens_websocket(const request& req);

// Sec-WebSocket-Accept for a client's key (RFC 6455 §4.2.2): the base64 of
// the SHA-1 of the key and the protocol's GUID.
std::string websocket_accept(std::string_view key);

// Answers the handshake with 101 and echoes frames until the client closes,
// breaks a rule (closed with 1002, or 1009 for a message over 1 MiB), or is
// silent for `idle`. `buffer` holds what was read after the handshake.
worker_task<void> run_websocket_echo(worker_stream& stream, boost::beast::flat_buffer& buffer,
                                     std::string_view key, std::chrono::milliseconds idle);

} // namespace gatehouse::gateway::demo
