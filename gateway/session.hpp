// SPDX-FileCopyrightText: Gatehouse contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "gateway/worker_io.hpp"

namespace gatehouse::gateway {

struct worker;

// Serves one client connection on `w` until it closes. Must be called on the
// worker's own thread (the socket belongs to its io_context).
void start_session(worker& w, worker_socket socket);

} // namespace gatehouse::gateway
