// SPDX-FileCopyrightText: Gatehouse contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "gateway/body_views.hpp"
#include "gateway/deadline_stream.hpp"
#include "gateway/message_head.hpp"
#include "gateway/socket_calls.hpp"
#include "gateway/worker_io.hpp"

#include <boost/asio/as_tuple.hpp>
#include <boost/asio/awaitable.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/asio/write.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/core/read_size.hpp>
#include <boost/beast/http/buffer_body.hpp>
#include <boost/beast/http/error.hpp>
#include <boost/beast/http/parser.hpp>
#include <boost/beast/http/read.hpp>

#include <algorithm>
#include <array>
#include <cerrno>
#include <chrono>
#include <cstdint>
#include <span>
#include <string_view>
#include <tuple>

#include <sys/socket.h>
#include <sys/uio.h>

namespace gatehouse::gateway {

struct relay_result {
    enum side_t { done, failed_reading, failed_writing };
    side_t side = done;
    boost::system::error_code ec;
    std::size_t bytes_read = 0;
    std::size_t bytes_written = 0;
};

// Observes the body as it passes (the response cache keeps a copy).
struct no_tap {
    void operator()(const char*, std::size_t, bool) const {}
};

namespace relay_detail {

inline constexpr std::string_view crlf = "\r\n";
inline constexpr std::string_view last_chunk = "0\r\n\r\n";

// One write's pieces: the head (first write only), and the body's pieces
// with their chunk framing when the outgoing body is chunked.
class gather {
public:
    // The head, a chunk-size line, the body's pieces, the line's CRLF and
    // the last chunk.
    static constexpr std::size_t max_parts = body_views::max_views + 4;

    void add(std::string_view piece)
    {
        if (!piece.empty())
            parts_[count_++] = boost::asio::const_buffer(piece.data(), piece.size());
    }
    // Body pieces of `bytes` in all, as one chunk when chunked; the last
    // chunk after them when `last`.
    void add_body(std::span<const std::string_view> body, std::size_t bytes, bool chunked,
                  bool last)
    {
        if (bytes != 0) {
            if (chunked) {
                const std::size_t n = format_chunk_size_line(bytes, chunk_line_);
                add({chunk_line_, n});
            }
            for (const std::string_view piece : body)
                add(piece);
            if (chunked)
                add(crlf);
        }
        if (last && chunked)
            add(last_chunk);
    }
    // The pieces a parser left in `views`.
    void add_body(const body_views& views, bool chunked, bool last)
    {
        add_body(views.views(), views.bytes(), chunked, last);
    }
    std::span<const boost::asio::const_buffer> buffers() const
    {
        return {parts_.data() + first_, count_ - first_};
    }
    bool empty() const { return first_ == count_; }
    // Drops the first `n` bytes (written already).
    void consume(std::size_t n)
    {
        while (n != 0 && first_ != count_) {
            auto& part = parts_[first_];
            if (n < part.size()) {
                part += n;
                return;
            }
            n -= part.size();
            ++first_;
        }
    }

private:
    std::array<boost::asio::const_buffer, max_parts> parts_;
    std::size_t first_ = 0;
    std::size_t count_ = 0;
    char chunk_line_[chunk_size_line_max];
};

// Writes `pieces`: first straight into the socket, without waiting, then
// whatever it did not take asynchronously under `timeout`. A response that
// fits the socket's send buffer -- nearly all of them -- is written with one
// system call and no timer, no asynchronous operation and no resumption of
// the coroutine through the scheduler, as nginx writes before it waits.
//
// The two halves are separate so that the callers on the hot path run the
// first in their own frame and start a coroutine for the second only when
// the socket did not take everything (write_pieces does both).

// What the socket takes now; consumed from `pieces`. A full socket is not
// an error: `pieces` then still holds the rest.
inline std::size_t write_now(worker_stream& out, gather& pieces, boost::system::error_code& ec)
{
    ec = {};
    if (out.encrypted())
        return 0; // only through TLS: all of it asynchronously
    auto& socket = out.socket();
    if (!socket.non_blocking())
        socket.non_blocking(true, ec);
    if (ec)
        return 0;
    const auto buffers = pieces.buffers();
    const int fd = socket.native_handle();
    out.wrote_directly();
    // One piece (a request head going upstream, nearly always) goes by
    // send(): the kernel then copies in no message header and no iovec.
    std::array<iovec, gather::max_parts> iov;
    msghdr message{};
    if (buffers.size() != 1) {
        std::size_t count = 0;
        for (const auto& b : buffers)
            iov[count++] = {const_cast<void*>(b.data()), b.size()};
        message.msg_iov = iov.data();
        message.msg_iovlen = count;
    }
    for (;;) {
        const ssize_t n =
            buffers.size() == 1
                ? socket_calls::send_bytes(fd, buffers[0].data(), buffers[0].size(), MSG_NOSIGNAL)
                : socket_calls::send_message(fd, &message, MSG_NOSIGNAL);
        if (n >= 0) {
            pieces.consume(static_cast<std::size_t>(n));
            return static_cast<std::size_t>(n);
        }
        if (errno == EINTR)
            continue;
        if (errno != EAGAIN && errno != EWOULDBLOCK)
            ec.assign(errno, boost::asio::error::get_system_category());
        return 0;
    }
}

// The rest, waiting under `timeout`.
inline worker_task<std::tuple<boost::system::error_code, std::size_t>>
write_rest(worker_stream& out, gather& pieces, std::chrono::milliseconds timeout)
{
    out.expires_after(timeout);
    co_return co_await boost::asio::async_write(out, pieces.buffers(), worker_nothrow);
}

inline worker_task<std::tuple<boost::system::error_code, std::size_t>>
write_pieces(worker_stream& out, gather& pieces, std::chrono::milliseconds timeout)
{
    boost::system::error_code ec;
    const std::size_t written = write_now(out, pieces, ec);
    if (ec || pieces.empty())
        co_return std::tuple{ec, written};
    auto [rest_ec, rest] = co_await write_rest(out, pieces, timeout);
    co_return std::tuple{rest_ec, written + rest};
}

// What http::async_read_some does first, done here without suspending: the
// parser takes what `buffer` already holds. Returns the bytes it used;
// `ec` is need_more when a read from the stream is needed after all.
//
// Beast's read_some_op, finding its result in the buffer, posts its
// completion to the scheduler instead of completing inline; a response body
// that arrived with its head (nearly every small response) took that extra
// round trip through the io_context on every request.
//
// A response_head_parser is told the bytes are in `buffer`, so that its head
// can view them there.
template <class Parser>
std::size_t parse_buffered(boost::beast::flat_buffer& buffer, Parser& parser,
                           boost::system::error_code& ec)
{
    if (buffer.size() == 0) {
        ec = boost::beast::http::error::need_more;
        return 0;
    }
    std::size_t used = 0;
    if constexpr (requires { parser.put_received(buffer.data(), ec); })
        used = parser.put_received(buffer.data(), ec);
    else
        used = parser.put(buffer.data(), ec);
    buffer.consume(used);
    return used;
}

// Leaves the body's pieces that `buffer` holds as views in `views`, piece
// after piece (the parser is not eager: one chunk header or piece of body
// per put), until the buffer runs out, the views are full or the body ends.
// need_more: a read is needed, and no piece waits to be written first.
template <class Parser>
boost::system::error_code take_buffered(boost::beast::flat_buffer& buffer, Parser& parser,
                                        body_views& views, std::size_t& bytes_read)
{
    namespace http = boost::beast::http;
    boost::system::error_code ec;
    while (!parser.is_done() && !views.full()) {
        bytes_read += parse_buffered(buffer, parser, ec);
        if (ec == http::error::need_more) {
            if (!views.empty())
                ec = {};
            break;
        }
        if (ec == http::error::need_buffer) {
            ec = {}; // views full
            break;
        }
        if (ec)
            break;
    }
    return ec;
}

// Switches a parser back to its body window when the relay is done with it.
template <class Parser>
struct window_again {
    Parser& parser;
    ~window_again() { parser.view_body(nullptr); }
};

} // namespace relay_detail

// http::async_read_header, in one coroutine reading the socket directly:
// Beast's version stacks two composed operations (read_op over
// read_some_op), each with its own work tracking and handler hops, around
// every read. Same semantics: the parser stops after the head (eager off),
// an end of stream before any byte is http::error::end_of_stream, one
// inside the head the parser's partial_message. Returns the bytes the
// parser used.
template <class Parser>
worker_task<std::tuple<boost::system::error_code, std::size_t>>
read_header(worker_stream& in, boost::beast::flat_buffer& buffer, Parser& parser)
{
    namespace http = boost::beast::http;
    parser.eager(false);
    boost::system::error_code ec;
    std::size_t used = 0;
    if (parser.is_header_done())
        co_return std::tuple{ec, used};
    used += relay_detail::parse_buffered(buffer, parser, ec);
    while (ec == http::error::need_more) {
        const std::size_t room = boost::beast::read_size(buffer, 65536);
        if (room == 0) {
            ec = http::error::buffer_overflow;
            break;
        }
        auto [read_ec, n] = co_await in.async_read_some(buffer.prepare(room), worker_nothrow);
        buffer.commit(n);
        if (read_ec == boost::asio::error::eof) {
            if (!parser.got_some()) {
                ec = http::error::end_of_stream;
                break;
            }
            ec = {};
            parser.put_eof(ec);
            break;
        }
        if (read_ec) {
            ec = read_ec;
            break;
        }
        used += relay_detail::parse_buffered(buffer, parser, ec);
    }
    co_return std::tuple{ec, used};
}

// Writes a whole message held in memory: `head` (serialize_head) and `body`,
// chunk-framed when `chunked`. Bytes written, or the error.
inline worker_task<std::tuple<boost::system::error_code, std::size_t>>
write_message(worker_stream& out, std::string_view head, std::string_view body, bool chunked,
              std::chrono::milliseconds write_timeout)
{
    relay_detail::gather pieces;
    pieces.add(head);
    pieces.add_body({&body, 1}, body.size(), chunked, true);
    boost::system::error_code ec;
    std::size_t written = relay_detail::write_now(out, pieces, ec);
    if (!ec && !pieces.empty()) {
        auto [rest_ec, rest] = co_await relay_detail::write_rest(out, pieces, write_timeout);
        ec = rest_ec;
        written += rest;
    }
    co_return std::tuple{ec, written};
}

// Streams one message from `in` to `out`, the head first: the message is
// never held whole in memory, however large. The head must already have
// been read into `parser`, and serialized (as it is to be sent) into `head`;
// it is written together with the first piece of the body. `chunked` frames
// the outgoing body in chunks (the incoming one is decoded by the parser,
// whatever its framing).
//
// The body is written on from where it was read, `in_buffer` (body_views):
// copying it into a buffer of its own first cost a 64 KiB response some 7 %
// of the proxy's time. So each read takes what the buffer has room for (its
// capacity, not the 512 bytes of a fresh flat_buffer), and every piece read
// is written before the buffer is read into again.
//
// Reads use read_some, not read: a slow, trickling body (server-sent events,
// long polls) is passed on as it arrives instead of waiting for a full buffer.
// What one read brought is written with one system call, however many
// chunks it holds (up to body_views::max_views).
//
// `tap(data, size, last)` sees every piece of the body as it is read, before
// it is written on; `last` is set once the whole body has been read.
//
// `arm_read` is called before every read to set its deadline: the caller
// decides whether a late read closes the stream (tcp_stream's expiry) or only
// cancels it, so that an error response can still be sent.
//
// `parser` is one of the gateway's scanning parsers (request_head_parser,
// response_head_parser), which can leave the body's pieces as views.
template <class Parser, class ArmRead, class Tap = no_tap>
worker_task<relay_result> relay_body(worker_stream& in, boost::beast::flat_buffer& in_buffer,
                                     Parser& parser, worker_stream& out, std::string_view head,
                                     bool chunked, ArmRead arm_read,
                                     std::chrono::milliseconds write_timeout, Tap tap = {})
{
    namespace http = boost::beast::http;
    constexpr auto nothrow = worker_nothrow;
    relay_result result;
    body_views views;
    parser.view_body(&views);
    relay_detail::window_again<Parser> restore{parser};
    bool head_sent = false;
    for (;;) {
        views.clear();
        // What the buffer holds; a read only when it holds nothing more and
        // no piece waits to be written.
        boost::system::error_code ec;
        for (;;) {
            ec = relay_detail::take_buffered(in_buffer, parser, views, result.bytes_read);
            if (ec != http::error::need_more)
                break;
            arm_read();
            auto [read_ec, n] = co_await http::async_read_some(in, in_buffer, parser, nothrow);
            result.bytes_read += n;
            ec = read_ec;
            if (ec)
                break;
        }
        if (ec) {
            result.side = relay_result::failed_reading;
            result.ec = ec;
            co_return result;
        }
        const bool last = parser.is_done();
        const auto pieces_read = views.views();
        for (std::size_t i = 0; i < pieces_read.size(); ++i)
            tap(pieces_read[i].data(), pieces_read[i].size(), last && i + 1 == pieces_read.size());
        if (pieces_read.empty())
            tap("", 0, last);
        relay_detail::gather pieces;
        if (!head_sent)
            pieces.add(head);
        head_sent = true;
        pieces.add_body(views, chunked, last);
        if (!pieces.empty()) {
            result.bytes_written += relay_detail::write_now(out, pieces, ec);
            if (!ec && !pieces.empty()) {
                auto [rest_ec, n] = co_await relay_detail::write_rest(out, pieces, write_timeout);
                result.bytes_written += n;
                ec = rest_ec;
            }
            if (ec) {
                result.side = relay_result::failed_writing;
                result.ec = ec;
                co_return result;
            }
        }
        if (last)
            co_return result;
    }
}

// relay_body for a part of the incoming body: after `head`, only the bytes
// [first, first + length) of it are written (the head frames them with a
// Content-Length). With `read_to_end`, the body is still read (and tapped)
// to its end after the part has gone out -- for the cache, which keeps all
// of it; without, reading stops once the part has gone by, the rest stays
// unread, and the caller must not reuse `in` unless the parser is done.
template <class Parser, class ArmRead, class Tap = no_tap>
worker_task<relay_result> relay_part(worker_stream& in, boost::beast::flat_buffer& in_buffer,
                                     Parser& parser, worker_stream& out, std::string_view head,
                                     std::uint64_t first, std::uint64_t length, bool read_to_end,
                                     ArmRead arm_read, std::chrono::milliseconds write_timeout,
                                     Tap tap = {})
{
    namespace http = boost::beast::http;
    constexpr auto nothrow = worker_nothrow;
    relay_result result;
    body_views views;
    parser.view_body(&views);
    relay_detail::window_again<Parser> restore{parser};
    bool head_sent = false;
    const std::uint64_t end = first + length;
    std::uint64_t offset = 0; // of the next piece, within the incoming body
    while (offset < end || (read_to_end && !parser.is_done())) {
        if (parser.is_done()) { // shorter than its Content-Length said: cannot happen
            result.side = relay_result::failed_reading;
            result.ec = http::error::partial_message;
            co_return result;
        }
        views.clear();
        boost::system::error_code ec;
        for (;;) {
            ec = relay_detail::take_buffered(in_buffer, parser, views, result.bytes_read);
            if (ec != http::error::need_more)
                break;
            arm_read();
            auto [read_ec, n] = co_await http::async_read_some(in, in_buffer, parser, nothrow);
            result.bytes_read += n;
            ec = read_ec;
            if (ec)
                break;
        }
        if (ec) {
            result.side = relay_result::failed_reading;
            result.ec = ec;
            co_return result;
        }
        const bool last = parser.is_done();
        relay_detail::gather pieces;
        if (!head_sent)
            pieces.add(head);
        head_sent = true;
        const auto pieces_read = views.views();
        for (std::size_t i = 0; i < pieces_read.size(); ++i) {
            const std::string_view piece = pieces_read[i];
            tap(piece.data(), piece.size(), last && i + 1 == pieces_read.size());
            const std::uint64_t from = std::max(offset, first);
            const std::uint64_t to = std::min(offset + piece.size(), end);
            if (from < to)
                pieces.add(piece.substr(static_cast<std::size_t>(from - offset),
                                        static_cast<std::size_t>(to - from)));
            offset += piece.size();
        }
        if (pieces_read.empty())
            tap("", 0, last);
        if (pieces.empty())
            continue;
        auto [write_ec, written] = co_await relay_detail::write_pieces(out, pieces, write_timeout);
        result.bytes_written += written;
        if (write_ec) {
            result.side = relay_result::failed_writing;
            result.ec = write_ec;
            co_return result;
        }
    }
    co_return result;
}

} // namespace gatehouse::gateway
