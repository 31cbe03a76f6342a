// SPDX-FileCopyrightText: Gatehouse contributors
// SPDX-License-Identifier: Apache-2.0
#include "demo_origin.hpp"

#include "demo_origin_handlers.hpp"
#include "demo_origin_websocket.hpp"
#include "gateway/deadline_stream.hpp"
#include "gateway/relay.hpp"
#include "gateway/worker_io.hpp"

#include <boost/asio/co_spawn.hpp>
#include <boost/asio/executor_work_guard.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/this_coro.hpp>
#include <boost/asio/write.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/core/string.hpp>
#include <boost/beast/http/chunk_encode.hpp>
#include <boost/beast/http/empty_body.hpp>
#include <boost/beast/http/error.hpp>
#include <boost/beast/http/message.hpp>
#include <boost/beast/http/read.hpp>
#include <boost/beast/http/write.hpp>

#include <algorithm>
#include <array>
#include <atomic>
#include <cmath>
#include <exception>
#include <mutex>
#include <thread>
#include <vector>

namespace gatehouse::gateway {

namespace {

namespace net = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;
using tcp = net::ip::tcp;

constexpr std::size_t header_limit = 64 * 1024;
constexpr std::uint64_t body_limit = 64ull * 1024 * 1024;
constexpr auto idle_timeout = std::chrono::seconds(60);
constexpr auto io_timeout = std::chrono::seconds(60);
constexpr unsigned max_threads = 64;
constexpr std::uint64_t catalog_seed = 0x6761746568ULL;

struct alignas(64) counter {
    std::atomic<std::uint64_t> value{0};
};

// Everything a connection needs, owned by one worker thread.
struct worker {
    demo::worker_state state;
    std::atomic<std::uint64_t>* served = nullptr;
    std::atomic<std::uint64_t>* open = nullptr; // connections of every worker
};

worker_task<void> pause(std::chrono::milliseconds duration)
{
    worker_timer timer(co_await net::this_coro::executor, duration);
    co_await timer.async_wait(worker_nothrow);
}

// Writes the head of a chunked response, then the pattern in `chunk`-byte chunks.
worker_task<bool> write_stream(worker_stream& stream, demo::reply& reply, bool head,
                               std::string& head_bytes)
{
    reply.res.write_head(head_bytes);
    stream.expires_after(io_timeout);
    auto [ec, n] = co_await net::async_write(stream, net::buffer(head_bytes), worker_nothrow);
    if (ec || head)
        co_return !ec;
    auto plan = *reply.stream;
    auto pattern = demo::pattern_bytes();
    for (std::uint64_t sent = 0; sent < plan.size;) {
        auto size = static_cast<std::size_t>(std::min<std::uint64_t>(plan.chunk, plan.size - sent));
        auto data = pattern.substr(sent % 16, size);
        stream.expires_after(io_timeout);
        std::tie(ec, n) = co_await net::async_write(
            stream, http::make_chunk(net::const_buffer(data.data(), data.size())), worker_nothrow);
        if (ec)
            co_return false;
        sent += size;
        if (plan.interval.count() > 0 && sent < plan.size)
            co_await pause(plan.interval);
    }
    stream.expires_after(io_timeout);
    std::tie(ec, n) = co_await net::async_write(stream, http::make_chunk_last(), worker_nothrow);
    co_return !ec;
}

// A complete (Content-Length framed or bodiless) reply: its head as one
// buffer and its body, written straight into the socket when it takes them
// all (nearly always: the reply fits the send buffer), the rest under the
// stream's deadline -- as the gateway writes (relay.hpp). Beast's serializer
// presented the head as one buffer per field, and beast::tcp_stream started
// and cancelled a timer with every read and write: together more than half
// of the demo origin's CPU time per request, which in the proxy benchmarks
// shares a core with the load generator.
worker_task<bool> write_reply(worker_stream& stream, const demo::response& res, std::string& head)
{
    res.write_head(head);
    relay_detail::gather pieces;
    pieces.add(head);
    pieces.add(res.body());
    auto [ec, n] = co_await relay_detail::write_pieces(stream, pieces, io_timeout);
    co_return !ec;
}

// Answers a request that could not be read completely; nullopt: just close.
std::optional<http::status> read_failure_status(const beast::error_code& ec)
{
    if (ec == http::error::header_limit)
        return http::status::request_header_fields_too_large;
    if (ec == http::error::body_limit)
        return http::status::payload_too_large;
    if (ec == http::error::end_of_stream || ec == http::error::partial_message ||
        ec.category() != http::make_error_code(http::error::bad_method).category())
        return std::nullopt; // the peer went away or timed out
    return http::status::bad_request;
}

// Closing right after an error response while the client is still sending
// would make the kernel answer with RST, which can destroy the response before
// the client reads it; so read and discard for a while first (nginx's lingering close).
worker_task<void> linger(worker_stream& stream)
{
    beast::error_code ignored;
    stream.socket().shutdown(tcp::socket::shutdown_send, ignored);
    std::array<char, 16 * 1024> scratch;
    stream.expires_after(std::chrono::seconds(2));
    for (std::uint64_t drained = 0; drained < body_limit;) {
        auto [ec, n] = co_await stream.async_read_some(net::buffer(scratch), worker_nothrow);
        if (ec)
            break;
        drained += n;
    }
}

// One connection, one request at a time: pipelined requests wait in `buffer`,
// so responses always leave in request order.
worker_task<void> run_session(worker_socket socket, worker& w)
{
    worker_stream stream(std::move(socket));
    beast::flat_buffer buffer;
    demo::request request; // reused, as are the two below
    demo::reply reply;
    std::string head; // the replies' heads, reused
    w.open->fetch_add(1, std::memory_order_relaxed);
    struct closed {
        std::atomic<std::uint64_t>* open;
        ~closed() { open->fetch_sub(1, std::memory_order_relaxed); }
    } const counted{w.open};
    try {
        for (;;) {
            demo::request_parser parser(request);
            parser.header_limit(header_limit);
            parser.body_limit(body_limit);
            stream.expires_after(idle_timeout);
            beast::error_code ec;
            std::size_t n = 0;
            std::tie(ec, n) = co_await read_header(stream, buffer, parser);
            if (!ec && !parser.is_done()) {
                request.keep_head(); // the body is read into the buffer it views
                if (beast::iequals(request[http::field::expect], "100-continue")) {
                    http::response<http::empty_body> go_on{http::status::continue_,
                                                           request.version()};
                    stream.expires_after(io_timeout);
                    std::tie(ec, n) = co_await http::async_write(stream, go_on, worker_nothrow);
                }
                if (!ec) {
                    stream.expires_after(io_timeout);
                    std::tie(ec, n) =
                        co_await http::async_read(stream, buffer, parser, worker_nothrow);
                }
            }
            if (ec) {
                if (auto status = read_failure_status(ec)) {
                    w.served->fetch_add(1, std::memory_order_relaxed);
                    auto res = demo::make_problem_response(*status, ec.message());
                    if (co_await write_reply(stream, res, head))
                        co_await linger(stream);
                }
                break;
            }

            w.served->fetch_add(1, std::memory_order_relaxed);
            if (request.target().substr(0, request.target().find('?')) == "/ws/echo" &&
                demo::opens_websocket(request)) {
                // The connection is the WebSocket's from here on. (The key
                // is copied first: the request views the buffer.)
                const std::string key(request[http::field::sec_websocket_key]);
                co_await demo::run_websocket_echo(stream, buffer, key, idle_timeout);
                break;
            }
            demo::handle_request(request, w.state, reply);
            auto delay = reply.delay + std::chrono::milliseconds{w.state.knobs->latency_ms.load(
                                           std::memory_order_relaxed)};
            if (delay.count() > 0)
                co_await pause(delay);

            const bool head_request = request.method() == http::verb::head;
            stream.expires_after(io_timeout);
            if (reply.stream) {
                if (!co_await write_stream(stream, reply, head_request, head))
                    break;
            } else {
                if (head_request)
                    reply.res.body().clear(); // Content-Length stays that of the GET
                if (!co_await write_reply(stream, reply.res, head))
                    break;
            }
            if (!reply.res.keep_alive())
                break;
        }
    } catch (const std::exception&) {
        // Unexpected (e.g. allocation failure): this connection is dropped, others go on.
    }
    beast::error_code ignored;
    stream.socket().shutdown(tcp::socket::shutdown_send, ignored);
}

} // namespace

struct demo_origin::impl {
    std::mutex lifecycle;
    std::vector<std::unique_ptr<net::io_context>> contexts;
    std::vector<net::executor_work_guard<net::io_context::executor_type>> guards;
    std::vector<std::thread> threads;
    std::unique_ptr<tcp::acceptor> acceptor;
    std::vector<std::unique_ptr<worker>> workers;
    std::shared_ptr<const demo::catalog> catalog;
    demo::controls controls;
    std::array<counter, max_threads> served;
    std::atomic<std::uint64_t> open{0};
    std::atomic<bool> running{false};
    std::atomic<std::uint16_t> port{0};

    worker_task<void> accept_loop();
    void tear_down();
};

// Connections are dealt round-robin to the workers' io_contexts and stay there.
worker_task<void> demo_origin::impl::accept_loop()
{
    for (std::size_t next = 0;; next = (next + 1) % contexts.size()) {
        auto [ec, socket] = co_await acceptor->async_accept(*contexts[next], worker_nothrow);
        if (ec) {
            if (ec == net::error::operation_aborted || !acceptor->is_open())
                co_return;
            co_await pause(std::chrono::milliseconds(10)); // e.g. out of descriptors
            continue;
        }
        beast::error_code ignored;
        socket.set_option(tcp::no_delay(true), ignored);
        net::co_spawn(*contexts[next], run_session(std::move(socket), *workers[next]),
                      [](const std::exception_ptr&) {});
    }
}

void demo_origin::impl::tear_down()
{
    for (auto& context : contexts)
        context->stop();
    for (auto& thread : threads)
        thread.join();
    threads.clear();
    guards.clear();
    acceptor.reset();
    // In index order: the accept operation pending on context 0 may own a socket
    // of another context, which must still exist when that operation is destroyed.
    for (auto& context : contexts)
        context.reset();
    contexts.clear();
    workers.clear();
    port = 0;
}

demo_origin::demo_origin()
    : impl_(std::make_unique<impl>())
{
}

demo_origin::~demo_origin()
{
    stop();
}

std::string demo_origin::start(const std::string& address, std::uint16_t port, unsigned threads)
{
    std::lock_guard lock(impl_->lifecycle);
    auto& d = *impl_;
    if (d.running)
        return "already running";
    beast::error_code ec;
    auto ip = net::ip::make_address(address, ec);
    if (ec)
        return "invalid address '" + address + "': " + ec.message();
    threads = std::clamp(threads, 1u, max_threads);
    if (!d.catalog)
        d.catalog = demo::make_catalog(catalog_seed);

    for (unsigned i = 0; i < threads; ++i) {
        d.contexts.push_back(std::make_unique<net::io_context>(1));
        auto w = std::make_unique<worker>();
        w->state.products = d.catalog.get();
        w->state.knobs = &d.controls;
        w->state.rng = catalog_seed ^ (0x9e3779b97f4a7c15ULL * (i + 1));
        w->served = &d.served[i].value;
        w->open = &d.open;
        d.workers.push_back(std::move(w));
    }
    d.acceptor = std::make_unique<tcp::acceptor>(*d.contexts[0]);
    tcp::endpoint endpoint{ip, port};
    d.acceptor->open(endpoint.protocol(), ec);
    if (!ec)
        d.acceptor->set_option(tcp::acceptor::reuse_address(true), ec);
    if (!ec)
        d.acceptor->bind(endpoint, ec);
    if (!ec)
        d.acceptor->listen(net::socket_base::max_listen_connections, ec);
    if (ec) {
        d.tear_down();
        return "cannot listen on " + address + ":" + std::to_string(port) + ": " + ec.message();
    }
    d.port = d.acceptor->local_endpoint().port();

    net::co_spawn(*d.contexts[0], d.accept_loop(), [](const std::exception_ptr&) {});
    for (auto& context : d.contexts) {
        d.guards.push_back(net::make_work_guard(*context));
        d.threads.emplace_back([c = context.get()] {
            for (;;) {
                try {
                    c->run();
                    return;
                } catch (const std::exception&) {
                    // A handler threw; keep serving the other connections.
                }
            }
        });
    }
    d.running = true;
    return {};
}

void demo_origin::stop()
{
    std::lock_guard lock(impl_->lifecycle);
    if (!impl_->running)
        return;
    impl_->running = false;
    impl_->tear_down();
}

bool demo_origin::running() const
{
    return impl_->running;
}

std::uint16_t demo_origin::port() const
{
    return impl_->port;
}

void demo_origin::set_latency(std::chrono::milliseconds extra)
{
    impl_->controls.latency_ms.store(std::max<std::int64_t>(0, extra.count()),
                                     std::memory_order_relaxed);
}

void demo_origin::set_error_rate(double fraction)
{
    if (std::isnan(fraction))
        fraction = 0;
    impl_->controls.error_rate.store(std::clamp(fraction, 0.0, 1.0), std::memory_order_relaxed);
}

std::uint64_t demo_origin::requests() const
{
    std::uint64_t total = 0;
    for (auto& c : impl_->served)
        total += c.value.load(std::memory_order_relaxed);
    return total;
}

std::uint64_t demo_origin::open_connections() const
{
    return impl_->open.load(std::memory_order_relaxed);
}

} // namespace gatehouse::gateway
