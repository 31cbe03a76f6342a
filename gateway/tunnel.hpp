// SPDX-FileCopyrightText: Gatehouse contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once
// What a connection carries after a 101 Switching Protocols (a WebSocket):
// bytes that are no longer HTTP, copied both ways as they come.

#include "gateway/deadline_stream.hpp"

#include <boost/beast/core/flat_buffer.hpp>

#include <chrono>
#include <cstdint>

namespace gatehouse::gateway {

struct tunnel_result {
    std::uint64_t to_upstream = 0; // bytes from the client passed on
    std::uint64_t to_client = 0;   // bytes from the upstream passed on
};

// Copies `client` to `upstream` and back, each direction on its own, until
// both have ended, one breaks, or nothing has moved either way for
// `idle_timeout`. The bytes each side sent after its HTTP head, still in
// `client_pending` / `upstream_pending`, go first. An orderly end of one
// direction (the sender's FIN) is passed on as a half-close, so that a
// protocol's own closing handshake can finish the other way; over TLS, which
// has no half-close here, it ends the tunnel. An encrypted client's
// connection is left open for writing, for its session's close_notify.
//
// Runs one direction in a coroutine of its own on the streams' executor and
// returns only once both have stopped, so the streams may be destroyed then.
worker_task<tunnel_result> run_tunnel(worker_stream& client,
                                      boost::beast::flat_buffer& client_pending,
                                      worker_stream& upstream,
                                      boost::beast::flat_buffer& upstream_pending,
                                      std::chrono::milliseconds idle_timeout);

} // namespace gatehouse::gateway
