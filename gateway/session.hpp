// SPDX-FileCopyrightText: Gatehouse contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <boost/asio/ip/tcp.hpp>

namespace gatehouse::gateway {

struct worker;

// Serves one client connection on `w` until it closes. Must be called on the
// worker's own thread (the socket belongs to its io_context).
void start_session(worker& w, boost::asio::ip::tcp::socket socket);

} // namespace gatehouse::gateway
