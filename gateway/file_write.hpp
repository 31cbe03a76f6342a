// SPDX-FileCopyrightText: Gatehouse contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "gateway/deadline_stream.hpp"
#include "gateway/worker_io.hpp"

#include <chrono>
#include <cstddef>
#include <string_view>
#include <tuple>

namespace gatehouse::gateway {

// Writes `head`, then `length` bytes of the file `fd` from `offset`, with
// sendfile(2): the kernel passes the file's pages to the socket instead of
// a copy made in user space. The head goes with MSG_MORE, so that head and
// body leave in full segments. What the socket does not take at once is
// written as it drains, all within `timeout` (started at the first wait).
// Bytes written, or the error; a file shorter than asked is an I/O error.
//
// sendfile cannot be told not to raise SIGPIPE: the thread calling this must
// block it (gateway worker threads do).
worker_task<std::tuple<boost::system::error_code, std::size_t>>
write_head_and_file(worker_stream& out, std::string_view head, int fd, std::size_t offset,
                    std::size_t length, std::chrono::milliseconds timeout);

// Blocks SIGPIPE in the calling thread (see write_head_and_file).
void block_sigpipe_in_this_thread();

// Lifts the process's soft limit on open files to its hard limit, once: a
// gateway holds a descriptor per client connection, per pooled upstream
// connection and per stored body kept in a file, and the usual soft limit
// of 1024 is far below what the hard limit allows (Go's runtime and most
// servers do the same). Returns the soft limit in effect afterwards.
std::size_t raise_open_file_limit();

} // namespace gatehouse::gateway
