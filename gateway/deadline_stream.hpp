// SPDX-FileCopyrightText: Gatehouse contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "gateway/coarse_clock.hpp"
#include "gateway/drained_read.hpp"
#include "gateway/worker_io.hpp"

#include <boost/asio/any_completion_handler.hpp>
#include <boost/asio/async_result.hpp>
#include <boost/asio/buffer.hpp>
#include <boost/asio/error.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/beast/core/error.hpp>

#include <chrono>
#include <memory>
#include <string>
#include <tuple>
#include <utility>

namespace boost::asio::ssl {
class context;
}

namespace gatehouse::gateway {

// TLS on a deadline_stream's socket (tls_layer.cpp), behind a plain
// interface so that only one translation unit includes OpenSSL's.
class tls_layer;
struct tls_layer_deleter {
    void operator()(tls_layer* layer) const noexcept;
};
using tls_io_handler =
    boost::asio::any_completion_handler<void(boost::system::error_code, std::size_t)>;
void tls_read_some(tls_layer& layer, boost::asio::mutable_buffer buffer, tls_io_handler handler);
void tls_write_some(tls_layer& layer, boost::asio::const_buffer buffer, tls_io_handler handler);
// The layer's own room for the pieces of one record (tls_record_bytes),
// kept until its write completes, then given back.
boost::asio::mutable_buffer tls_write_staging(tls_layer& layer);
// The most plaintext one TLS record carries (RFC 8446 §5.1).
inline constexpr std::size_t tls_record_bytes = 16 * 1024;

// A TCP stream of the data plane whose operations end at a deadline.
//
// beast::basic_stream (tcp_stream) starts a timer wait with every read and
// write and cancels it when the operation completes: two updates of the
// timer queue under the reactor's lock and an allocated wait per I/O, about
// 6% of a proxied request's instructions. Here the deadline is a plain time
// point, and one timer per connection trails it lazily (as nginx keeps its
// timers): it is armed when an operation starts and no wait is pending, or
// the pending one ends after the (moved-up) deadline; a wait that ends
// before the deadline (which moved on meanwhile) re-arms for it. A busy
// keep-alive connection so touches the timer queue about once per timeout
// period instead of twice per operation.
//
// When the deadline passes, the operations under way are cancelled: they
// complete with operation_aborted and timed_out() tells why. The socket
// stays open, and a stream without an operation under way is not affected.
// Set a deadline (expires_after) before the operations it is meant for.
class deadline_stream {
public:
    using executor_type = worker_executor;
    using clock = std::chrono::steady_clock;

    explicit deadline_stream(boost::asio::io_context& ioc)
        : state_(std::make_shared<state>(worker_socket(ioc.get_executor())))
    {
    }
    explicit deadline_stream(worker_socket socket)
        : state_(std::make_shared<state>(std::move(socket)))
    {
    }
    deadline_stream(const deadline_stream&) = delete;
    deadline_stream& operator=(const deadline_stream&) = delete;

    ~deadline_stream()
    {
        // A pending wait holds the state until its (cancelled) handler runs;
        // the connection itself closes now.
        boost::system::error_code ignored;
        state_->socket.close(ignored);
        if (state_->armed_at != clock::time_point::max())
            state_->timer.cancel();
    }

    executor_type get_executor() noexcept { return state_->socket.get_executor(); }
    worker_socket& socket() noexcept { return state_->socket; }
    const worker_socket& socket() const noexcept { return state_->socket; }

    // From the coarse clock: at most one tick early (coarse_clock.hpp).
    void expires_after(clock::duration timeout) { expires_at(coarse_now() + timeout); }
    void expires_at(clock::time_point deadline)
    {
        state_->deadline = deadline;
        state_->timed_out = false;
    }
    // Lifts the deadline; timed_out() stays as it was, so that the reason a
    // read failed can still be told after its deadline is lifted.
    void expires_never() { state_->deadline = clock::time_point::max(); }
    // From now on, every read tries the socket at once, even after one
    // that drained it (drained_read.hpp), as asio's own reads do: for a
    // tunnel, whose reads and writes run at the same time, so that a write
    // between two reads says nothing about the second one.
    void read_eagerly() noexcept { state_->eager_reads = true; }

    // For writes made outside asio (write_now, sendfile): a read after a
    // write waits for the next readiness event; one right after a read
    // tries the socket first (drained_read.hpp).
    void wrote_directly() noexcept { state_->read_since_write = false; }

    // Whether the last deadline set passed with the stream in use: an
    // operation that failed with operation_aborted failed for lack of time.
    bool timed_out() const noexcept { return state_->timed_out; }

    // Reads and writes go through TLS once start_tls() has succeeded; a TLS
    // read or write takes the first non-empty buffer of the sequence.
    template <class MutableBufferSequence, class CompletionToken>
    auto async_read_some(const MutableBufferSequence& buffers, CompletionToken&& token)
    {
        arm();
        if (state_->tls) [[unlikely]]
            return boost::asio::async_initiate<CompletionToken,
                                               void(boost::system::error_code, std::size_t)>(
                [](auto handler, tls_layer* layer, boost::asio::mutable_buffer buffer) {
                    tls_read_some(*layer, buffer, tls_io_handler(std::move(handler)));
                },
                token, state_->tls.get(), first_buffer<boost::asio::mutable_buffer>(buffers));
        // Without the speculative read when the last one drained the socket
        // (drained_read.hpp).
        return boost::asio::async_initiate<CompletionToken,
                                           void(boost::system::error_code, std::size_t)>(
            [](auto handler, state* s, boost::asio::mutable_buffer buffer) {
                if (buffer.size() == 0 || !s->socket.is_open() || !s->drain_hint()) {
                    s->socket.async_read_some(buffer, std::move(handler));
                } else {
                    const bool after_read = std::exchange(s->read_since_write, true);
                    drained_read::start(*s->reactor, s->socket, buffer, std::move(handler),
                                        after_read || s->eager_reads);
                }
            },
            token, state_.get(), first_buffer<boost::asio::mutable_buffer>(buffers));
    }

    template <class ConstBufferSequence, class CompletionToken>
    auto async_write_some(const ConstBufferSequence& buffers, CompletionToken&& token)
    {
        arm();
        state_->read_since_write = false;
        if (state_->tls) [[unlikely]] {
            // A TLS write takes the first buffer of a sequence only: a
            // response head and its body would go out as two records, and
            // two sends. Pieces smaller than a record are gathered into one.
            auto buffer = first_buffer<boost::asio::const_buffer>(buffers);
            if (buffer.size() < tls_record_bytes &&
                boost::asio::buffer_size(buffers) > buffer.size()) {
                const auto staging = tls_write_staging(*state_->tls);
                buffer = {staging.data(), boost::asio::buffer_copy(staging, buffers)};
            }
            return boost::asio::async_initiate<CompletionToken,
                                               void(boost::system::error_code, std::size_t)>(
                [](auto handler, tls_layer* layer, boost::asio::const_buffer buffer) {
                    tls_write_some(*layer, buffer, tls_io_handler(std::move(handler)));
                },
                token, state_->tls.get(), buffer);
        }
        return state_->socket.async_write_some(buffers, std::forward<CompletionToken>(token));
    }

    // TLS as a client on the connected socket, under the current deadline:
    // `server_name` goes out as SNI (unless it is an IP address) and, with
    // `verify`, the peer's certificate must chain to `context`'s trusted
    // authorities and name `server_name`. On failure the stream stays
    // unencrypted and should be closed. (tls_layer.cpp)
    worker_task<boost::system::error_code> start_tls(boost::asio::ssl::context& context,
                                                     const std::string& server_name, bool verify);
    // TLS as the server on an accepted socket, under the current deadline.
    // On failure the stream stays unencrypted and should be closed.
    // (tls_layer.cpp)
    worker_task<boost::system::error_code> accept_tls(boost::asio::ssl::context& context);
    // Whether reads and writes go through TLS: then the socket must not be
    // written directly (no write_now, no sendfile).
    bool encrypted() const noexcept { return state_->tls != nullptr; }
    // Ends TLS on this side: sends the close_notify alert under the current
    // deadline, so that the peer can tell a complete close from a cut one
    // (RFC 8446 §6.1), without waiting for the peer's alert (as nginx does
    // for HTTP: a client with its response closes anyway, and one still
    // sending must not hold the connection open). The stream is plain TCP
    // afterwards, for discarding what the peer still sends. Nothing on a
    // plain stream, and nothing after a failed or cancelled write, which
    // may have left a record half sent. (tls_layer.cpp)
    worker_task<void> end_tls();

    // Waits, under the deadline, until the socket has bytes to read: for
    // reads made outside asio (a PROXY protocol header).
    template <class CompletionToken>
    auto async_wait_readable(CompletionToken&& token)
    {
        arm();
        return state_->socket.async_wait(worker_socket::wait_read,
                                         std::forward<CompletionToken>(token));
    }

    // Waits, under the deadline, until the socket takes more bytes: for
    // writes made outside asio (sendfile).
    template <class CompletionToken>
    auto async_wait_writable(CompletionToken&& token)
    {
        arm();
        return state_->socket.async_wait(worker_socket::wait_write,
                                         std::forward<CompletionToken>(token));
    }

    // Connects to the first endpoint of `endpoints` that accepts, all under
    // the one deadline; beast::error::timeout once it has passed.
    template <class EndpointSequence>
    worker_task<std::tuple<boost::system::error_code, boost::asio::ip::tcp::endpoint>>
    connect(const EndpointSequence& endpoints)
    {
        boost::system::error_code ec = boost::asio::error::host_not_found;
        for (const auto& entry : endpoints) {
            const boost::asio::ip::tcp::endpoint endpoint = entry;
            boost::system::error_code ignored;
            state_->socket.close(ignored);
            state_->hint = hint_state::unknown; // a new socket
            state_->eager_reads = false;
            state_->read_since_write = false;
            arm();
            auto [connect_ec] = co_await state_->socket.async_connect(endpoint, worker_nothrow);
            ec = connect_ec;
            if (!ec)
                co_return std::tuple{ec, endpoint};
            if (state_->timed_out) {
                ec = boost::beast::error::timeout;
                break;
            }
        }
        co_return std::tuple{ec, boost::asio::ip::tcp::endpoint{}};
    }

private:
    template <class Buffer, class Sequence>
    static Buffer first_buffer(const Sequence& buffers)
    {
        const auto end = boost::asio::buffer_sequence_end(buffers);
        for (auto it = boost::asio::buffer_sequence_begin(buffers); it != end; ++it) {
            const Buffer buffer(*it);
            if (buffer.size() != 0)
                return buffer;
        }
        return Buffer();
    }

    enum class hint_state : unsigned char { unknown, on, unavailable };

    struct state {
        explicit state(worker_socket s)
            : socket(std::move(s))
            , timer(socket.get_executor())
            , reactor(&boost::asio::use_service<boost::asio::detail::reactor>(
                  static_cast<boost::asio::execution_context&>(socket.get_executor().context())))
        {
        }
        // Whether reads learn if they drained the socket (enabled with the
        // first read of each socket).
        bool drain_hint()
        {
            if (hint == hint_state::unknown)
                hint = drained_read::enable_hint(*reactor, socket) ? hint_state::on
                                                                   : hint_state::unavailable;
            return hint == hint_state::on;
        }
        worker_socket socket;
        worker_timer timer;
        clock::time_point deadline = clock::time_point::max();
        // When the pending wait ends; max while none is pending.
        clock::time_point armed_at = clock::time_point::max();
        bool timed_out = false;
        hint_state hint = hint_state::unknown;
        bool eager_reads = false;      // read_eagerly()
        bool read_since_write = false; // the last operation started was a read
        boost::asio::detail::reactor* reactor;
        // Declared last: destroyed first, while the socket it reads exists.
        std::unique_ptr<tls_layer, tls_layer_deleter> tls;
    };

    void arm()
    {
        state& s = *state_;
        if (s.armed_at <= s.deadline)
            return; // no deadline, or a wait ends first (and re-arms then)
        start_wait(state_);
    }

    static void start_wait(const std::shared_ptr<state>& s)
    {
        s->armed_at = s->deadline;
        s->timer.expires_at(s->deadline); // cancels a wait that ends later
        s->timer.async_wait([s](const boost::system::error_code& ec) { on_wait(s, ec); });
    }

    static void on_wait(const std::shared_ptr<state>& s, const boost::system::error_code& ec)
    {
        if (ec)
            return; // replaced by an earlier wait, or the stream is gone
        s->armed_at = clock::time_point::max();
        if (s->deadline == clock::time_point::max())
            return;
        if (clock::now() < s->deadline) {
            start_wait(s); // the deadline moved on since this wait began
            return;
        }
        s->timed_out = true;
        boost::system::error_code ignored;
        s->socket.cancel(ignored);
    }

    std::shared_ptr<state> state_;
};

using worker_stream = deadline_stream;

} // namespace gatehouse::gateway
