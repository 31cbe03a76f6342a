// SPDX-FileCopyrightText: Gatehouse contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <boost/asio/as_tuple.hpp>
#include <boost/asio/awaitable.hpp>
#include <boost/asio/basic_stream_socket.hpp>
#include <boost/asio/basic_waitable_timer.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/use_awaitable.hpp>

#include <chrono>

namespace gatehouse::gateway {

// The I/O types of the data plane, bound to a worker's own io_context
// executor rather than the type-erased any_io_executor: every asynchronous
// operation copies its executor several times, and with any_io_executor each
// copy, move and destruction is an indirect call (together about 7% of a
// proxied request's instructions). A connection never leaves its worker's
// io_context, so nothing needs the erasure.
using worker_executor = boost::asio::io_context::executor_type;

template <class T>
using worker_task = boost::asio::awaitable<T, worker_executor>;

using worker_socket = boost::asio::basic_stream_socket<boost::asio::ip::tcp, worker_executor>;
using worker_timer =
    boost::asio::basic_waitable_timer<std::chrono::steady_clock,
                                      boost::asio::wait_traits<std::chrono::steady_clock>,
                                      worker_executor>;

// Completion token for worker_task coroutines: errors as values, never thrown.
inline constexpr auto worker_nothrow =
    boost::asio::as_tuple(boost::asio::use_awaitable_t<worker_executor>{});

} // namespace gatehouse::gateway
