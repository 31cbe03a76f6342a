// SPDX-FileCopyrightText: Gatehouse contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <boost/asio/as_tuple.hpp>
#include <boost/asio/awaitable.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/core/tcp_stream.hpp>
#include <boost/beast/http/buffer_body.hpp>
#include <boost/beast/http/error.hpp>
#include <boost/beast/http/parser.hpp>
#include <boost/beast/http/read.hpp>
#include <boost/beast/http/serializer.hpp>
#include <boost/beast/http/write.hpp>

#include <chrono>

namespace gatehouse::gateway {

struct relay_result {
    enum side_t { done, failed_reading, failed_writing };
    side_t side = done;
    boost::system::error_code ec;
    std::size_t bytes_read = 0;
    std::size_t bytes_written = 0;
};

// Streams one message from `in` to `out` through a fixed buffer, the head
// first: the message is never held whole in memory, however large. The head
// must already have been read into `parser`; it is written together with the
// first piece of the body.
//
// Reads use read_some, not read: a slow, trickling body (server-sent events,
// long polls) is passed on as it arrives instead of waiting for a full buffer.
//
// `tap(data, size, last)` sees every piece of the body as it is read, before
// it is written on; `last` is set once the whole body has been read.
//
// `arm_read` is called before every read to set its deadline: the caller
// decides whether a late read closes the stream (tcp_stream's expiry) or only
// cancels it, so that an error response can still be sent.
// Observes the body as it passes (the response cache keeps a copy).
struct no_tap {
    void operator()(const char*, std::size_t, bool) const {}
};

template <bool isRequest, class ArmRead, class Tap = no_tap>
boost::asio::awaitable<relay_result>
relay_body(boost::beast::tcp_stream& in, boost::beast::flat_buffer& in_buffer,
           boost::beast::http::parser<isRequest, boost::beast::http::buffer_body>& parser,
           boost::beast::tcp_stream& out,
           boost::beast::http::serializer<isRequest, boost::beast::http::buffer_body>& writer,
           char* buffer, std::size_t buffer_size, ArmRead arm_read,
           std::chrono::milliseconds write_timeout, Tap tap = {})
{
    namespace http = boost::beast::http;
    constexpr auto nothrow = boost::asio::as_tuple(boost::asio::use_awaitable);
    relay_result result;
    auto& body = parser.get().body();
    do {
        if (!parser.is_done()) {
            body.data = buffer;
            body.size = buffer_size;
            arm_read();
            auto [ec, n] = co_await http::async_read_some(in, in_buffer, parser, nothrow);
            result.bytes_read += n;
            if (ec == http::error::need_buffer)
                ec = {};
            if (ec) {
                result.side = relay_result::failed_reading;
                result.ec = ec;
                co_return result;
            }
            const std::size_t got = buffer_size - body.size;
            if (got == 0 && !parser.is_done())
                continue; // only framing was parsed (a chunk header)
            // The end with no data left (a chunked body's last chunk): a null
            // buffer, because an empty non-null one makes the serializer emit
            // an empty chunk *and* the last chunk -- two "0\r\n\r\n" that the
            // upstream reads as garbage ahead of the next pooled request.
            body.data = got == 0 ? nullptr : buffer;
            body.size = got;
            tap(static_cast<const char*>(buffer), got, parser.is_done());
            body.more = !parser.is_done();
        } else {
            body.data = nullptr;
            body.size = 0;
            body.more = false;
        }
        out.expires_after(write_timeout);
        auto [ec, n] = co_await http::async_write(out, writer, nothrow);
        result.bytes_written += n;
        if (ec == http::error::need_buffer)
            ec = {};
        if (ec) {
            result.side = relay_result::failed_writing;
            result.ec = ec;
            co_return result;
        }
    } while (!writer.is_done());
    co_return result;
}

} // namespace gatehouse::gateway
