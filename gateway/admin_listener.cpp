// SPDX-FileCopyrightText: Gatehouse contributors
// SPDX-License-Identifier: Apache-2.0
#include "gateway/admin_listener.hpp"

#include "gateway/problem.hpp"
#include "gateway/request_checks.hpp"

#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/write.hpp>
#include <boost/beast/core/bind_handler.hpp>
#include <boost/beast/core/error.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/core/tcp_stream.hpp>
#include <boost/beast/http/error.hpp>
#include <boost/beast/http/parser.hpp>
#include <boost/beast/http/read.hpp>
#include <boost/beast/http/write.hpp>

#include <array>
#include <atomic>
#include <exception>
#include <mutex>
#include <optional>
#include <thread>

namespace gatehouse::gateway {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;
using tcp = asio::ip::tcp;
using error_code = boost::system::error_code;

namespace {

// After an error response that leaves request bytes unread, read and drop
// them for a moment before closing: closing with unread data makes the
// kernel send a reset, which can destroy the response before the client
// reads it.
constexpr auto linger_time = std::chrono::seconds(2);
constexpr std::size_t linger_bytes = 16 * 1024 * 1024;
constexpr auto accept_retry_delay = std::chrono::milliseconds(100);

// Lets completions held by the handler outlive the listener: they post onto
// the I/O context only while the gate is open, and stop() closes it (under
// the same lock) before the context goes away.
struct completion_gate {
    std::mutex mutex;
    bool open = true;
};

admin_response handler_problem(unsigned status, std::string_view type, std::string_view title)
{
    // Fixed texts only: nothing here needs JSON escaping.
    std::string body = "{\"type\":\"https://gatehouse.dev/problems/";
    body += type;
    body += "\",\"title\":\"";
    body += title;
    body += "\",\"status\":";
    body += std::to_string(status);
    body += "}\n";
    admin_response res{static_cast<http::status>(status), 11};
    res.set(http::field::content_type, "application/problem+json");
    res.set(http::field::cache_control, "no-store");
    res.body() = std::move(body);
    return res;
}

class admin_session : public std::enable_shared_from_this<admin_session> {
public:
    admin_session(tcp::socket socket, const admin_listener_options& options,
                  const admin_handler& handler, const admin_screen& screen,
                  std::shared_ptr<completion_gate> gate)
        : stream_(std::move(socket))
        , timer_(stream_.get_executor())
        , options_(options)
        , handler_(handler)
        , screen_(screen)
        , gate_(std::move(gate))
    {
    }

    void start() { do_read_header(); }

private:
    void do_read_header()
    {
        head_request_ = false;
        parser_.emplace();
        parser_->header_limit(static_cast<std::uint32_t>(options_.header_limit));
        parser_->body_limit(options_.body_limit);
        stream_.expires_after(options_.header_timeout);
        http::async_read_header(
            stream_, buffer_, *parser_,
            beast::bind_front_handler(&admin_session::on_header, shared_from_this()));
    }

    void on_header(error_code ec, std::size_t)
    {
        if (ec)
            return on_read_error(ec);
        // The body's framing as the gateway checks it (RFC 9112 §6): a
        // Transfer-Encoding that does not end in chunked left Beast reading
        // no body, and the body's bytes were then read as another request.
        const auto& head = parser_->get();
        head_request_ = head.method() == http::verb::head;
        transfer_coding_verdict verdict = transfer_coding_verdict::none;
        if (const char* problem = request_framing_problem(head, verdict))
            return send_rejection(make_problem(verdict == transfer_coding_verdict::unsupported
                                                   ? problem_kind::unsupported_transfer_coding
                                                   : problem_kind::bad_request,
                                               problem, {}, false));
        // Refused on its head (no token, say): the body is never read, so a
        // client without the right to send one cannot make us take it in.
        if (screen_) {
            if (std::optional<admin_response> refused = screen_(head)) {
                version_ = head.version();
                if (parser_->is_done()) // nothing more of it to read
                    return send(std::move(*refused), head.keep_alive(), false);
                return send_rejection(std::move(*refused));
            }
        }
        // curl and others wait for this before sending a larger body.
        if (parser_->get()[http::field::expect] == "100-continue") {
            static constexpr std::string_view continue_line = "HTTP/1.1 100 Continue\r\n\r\n";
            stream_.expires_after(options_.send_timeout);
            asio::async_write(stream_, asio::buffer(continue_line.data(), continue_line.size()),
                              [self = shared_from_this()](error_code write_ec, std::size_t) {
                                  if (write_ec)
                                      return self->close();
                                  self->do_read_body();
                              });
            return;
        }
        do_read_body();
    }

    void do_read_body()
    {
        stream_.expires_after(options_.body_timeout);
        http::async_read(stream_, buffer_, *parser_,
                         beast::bind_front_handler(&admin_session::on_body, shared_from_this()));
    }

    void on_body(error_code ec, std::size_t)
    {
        if (ec)
            return on_read_error(ec);
        dispatch();
    }

    void on_read_error(error_code ec)
    {
        if (ec == http::error::header_limit) {
            const std::string detail = "the request line and headers exceed " +
                                       std::to_string(options_.header_limit) + " bytes";
            return send_rejection(make_problem(problem_kind::header_too_large, detail, {}, false));
        }
        if (ec == http::error::body_limit) {
            const std::string detail =
                "the request body exceeds " + std::to_string(options_.body_limit) + " bytes";
            return send_rejection(make_problem(problem_kind::body_too_large, detail, {}, false));
        }
        // A parse error: answer it. Anything else (end of stream, reset,
        // timeout) ends the connection quietly.
        if (ec.category() == http::make_error_code(http::error::bad_method).category() &&
            ec != http::error::end_of_stream && ec != http::error::partial_message) {
            const std::string detail = "malformed request: " + ec.message();
            return send_rejection(make_problem(problem_kind::bad_request, detail, {}, false));
        }
        close();
    }

    void dispatch()
    {
        admin_request request = parser_->release();
        parser_.reset();
        keep_alive_ = request.keep_alive();
        version_ = request.version();
        waiting_ = true;

        timer_.expires_after(options_.handler_timeout);
        timer_.async_wait([self = shared_from_this()](error_code ec) {
            if (ec || !self->waiting_)
                return;
            self->waiting_ = false;
            self->send(
                handler_problem(503, "handler-timeout", "The request was not answered in time"),
                false, false);
        });

        admin_completion complete = [weak = weak_from_this(), gate = gate_,
                                     executor = stream_.get_executor()](admin_response res) {
            const std::lock_guard lock(gate->mutex);
            if (!gate->open)
                return;
            asio::post(executor, [weak, res = std::move(res)]() mutable {
                if (auto self = weak.lock())
                    self->on_response(std::move(res));
            });
        };
        try {
            handler_(std::move(request), std::move(complete));
        } catch (const std::exception&) {
            on_response(handler_problem(500, "internal-error", "The request could not be handled"));
        }
    }

    void on_response(admin_response res)
    {
        if (!waiting_)
            return; // timed out already; the client has its 503
        waiting_ = false;
        timer_.cancel();
        send(std::move(res), keep_alive_, false);
    }

    // A rejection made before the request was read completely: the rest of
    // it is still in flight, so the connection closes after a linger.
    void send_rejection(admin_response res) { send(std::move(res), false, true); }

    void send(admin_response res, bool keep_alive, bool linger)
    {
        res.version(version_ == 10 ? 10 : 11);
        res.keep_alive(keep_alive);
        res.set(http::field::server, "gatehouse-admin");
        res.prepare_payload();
        linger_ = linger;
        response_.emplace(std::move(res));
        serializer_.emplace(*response_);
        stream_.expires_after(options_.send_timeout);
        // To a HEAD the head a GET has, without the content (RFC 9110 §9.3.2).
        if (head_request_)
            http::async_write_header(
                stream_, *serializer_,
                beast::bind_front_handler(&admin_session::on_write, shared_from_this()));
        else
            http::async_write(
                stream_, *serializer_,
                beast::bind_front_handler(&admin_session::on_write, shared_from_this()));
    }

    void on_write(error_code ec, std::size_t)
    {
        const bool done = ec || response_->need_eof();
        serializer_.reset();
        response_.reset();
        if (ec)
            return close();
        if (done)
            return linger_ ? do_linger() : close();
        do_read_header();
    }

    void do_linger()
    {
        error_code ec;
        stream_.socket().shutdown(tcp::socket::shutdown_send, ec);
        if (ec)
            return close();
        stream_.expires_after(linger_time);
        read_discard();
    }

    void read_discard()
    {
        stream_.async_read_some(asio::buffer(discard_),
                                [self = shared_from_this()](error_code ec, std::size_t n) {
                                    self->discarded_ += n;
                                    if (ec || self->discarded_ >= linger_bytes)
                                        return self->close();
                                    self->read_discard();
                                });
    }

    void close()
    {
        error_code ignored;
        timer_.cancel();
        stream_.socket().shutdown(tcp::socket::shutdown_both, ignored);
        stream_.socket().close(ignored);
    }

    beast::tcp_stream stream_;
    asio::steady_timer timer_;
    beast::flat_buffer buffer_;
    std::optional<http::request_parser<http::string_body>> parser_;
    std::optional<admin_response> response_;
    std::optional<http::response_serializer<http::string_body>> serializer_; // of response_
    const admin_listener_options& options_; // owned by the listener, which outlives the I/O
    const admin_handler& handler_;
    const admin_screen& screen_; // owned by the listener too
    std::shared_ptr<completion_gate> gate_;
    std::array<char, 16 * 1024> discard_{};
    std::size_t discarded_ = 0;
    unsigned version_ = 11;
    bool keep_alive_ = false;
    bool waiting_ = false;
    bool linger_ = false;
    bool head_request_ = false; // the request being answered is a HEAD
};

} // namespace

struct admin_listener::impl {
    admin_listener_options options;
    admin_handler handler;
    admin_screen screen;
    std::unique_ptr<asio::io_context> ioc;
    std::optional<tcp::acceptor> acceptor;
    std::optional<asio::steady_timer> retry_timer;
    std::shared_ptr<completion_gate> gate;
    std::thread thread;
    std::atomic<std::uint16_t> port{0};

    void do_accept()
    {
        acceptor->async_accept([this](error_code ec, tcp::socket socket) {
            if (ec == asio::error::operation_aborted || !acceptor->is_open())
                return;
            if (ec) {
                // Out of descriptors and the like: back off instead of spinning.
                retry_timer->expires_after(accept_retry_delay);
                retry_timer->async_wait([this](error_code wait_ec) {
                    if (!wait_ec)
                        do_accept();
                });
                return;
            }
            std::make_shared<admin_session>(std::move(socket), options, handler, screen, gate)
                ->start();
            do_accept();
        });
    }
};

admin_listener::admin_listener(admin_listener_options options, admin_handler handler,
                               admin_screen screen)
    : impl_(std::make_unique<impl>())
{
    impl_->options = std::move(options);
    impl_->handler = std::move(handler);
    impl_->screen = std::move(screen);
}

admin_listener::~admin_listener()
{
    stop();
}

bool admin_listener::start(std::string* error)
{
    if (running()) {
        *error = "the admin listener is already running";
        return false;
    }
    error_code ec;
    const auto address = asio::ip::make_address(impl_->options.address, ec);
    if (ec) {
        *error = "'" + impl_->options.address + "' is not an IP address";
        return false;
    }
    impl_->ioc = std::make_unique<asio::io_context>(1);
    impl_->acceptor.emplace(*impl_->ioc);
    impl_->retry_timer.emplace(*impl_->ioc);
    const tcp::endpoint endpoint{address, impl_->options.port};
    auto fail = [&](const char* what) {
        *error = std::string("admin listener: cannot ") + what + " " + impl_->options.address +
                 ":" + std::to_string(impl_->options.port) + ": " + ec.message();
        impl_->retry_timer.reset();
        impl_->acceptor.reset();
        impl_->ioc.reset();
        return false;
    };
    impl_->acceptor->open(endpoint.protocol(), ec);
    if (ec)
        return fail("open");
    impl_->acceptor->set_option(asio::socket_base::reuse_address(true), ec);
    if (ec)
        return fail("configure");
    impl_->acceptor->bind(endpoint, ec);
    if (ec)
        return fail("bind");
    impl_->acceptor->listen(asio::socket_base::max_listen_connections, ec);
    if (ec)
        return fail("listen on");
    impl_->port = impl_->acceptor->local_endpoint(ec).port();
    impl_->gate = std::make_shared<completion_gate>();
    impl_->do_accept();
    impl_->thread = std::thread([ioc = impl_->ioc.get()] { ioc->run(); });
    return true;
}

void admin_listener::stop()
{
    if (!impl_->thread.joinable())
        return;
    {
        const std::lock_guard lock(impl_->gate->mutex);
        impl_->gate->open = false;
    }
    impl_->ioc->stop();
    impl_->thread.join();
    error_code ignored;
    impl_->acceptor->close(ignored);
    impl_->retry_timer.reset();
    impl_->acceptor.reset();
    // Destroys the sessions still waiting in handlers, sockets and all.
    impl_->ioc.reset();
    impl_->port = 0;
}

bool admin_listener::running() const
{
    return impl_->thread.joinable();
}

std::uint16_t admin_listener::port() const
{
    return impl_->port;
}

} // namespace gatehouse::gateway
