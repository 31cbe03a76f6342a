// SPDX-FileCopyrightText: Gatehouse contributors
// SPDX-License-Identifier: Apache-2.0
#include "gateway/session.hpp"
#include "gateway/worker_io.hpp"

#include "gateway/client_session.hpp"

#include "gateway/cache_flow.hpp"
#include "gateway/call_record_ring.hpp"
#include "gateway/final_recipient.hpp"
#include "gateway/forwarded_head.hpp"
#include "gateway/forwarding.hpp"
#include "gateway/http_util.hpp"
#include "gateway/message_head.hpp"
#include "gateway/problem.hpp"
#include "gateway/proxy_protocol.hpp"
#include "gateway/relay.hpp"
#include "gateway/request_checks.hpp"
#include "gateway/response_head.hpp"
#include "gateway/tunnel.hpp"
#include "gateway/upstream_tls.hpp"
#include "gateway/worker.hpp"

#include <boost/asio/as_tuple.hpp>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/asio/write.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/http/buffer_body.hpp>
#include <boost/beast/http/error.hpp>
#include <boost/beast/http/parser.hpp>
#include <boost/beast/http/read.hpp>
#include <boost/beast/http/serializer.hpp>
#include <boost/beast/http/write.hpp>

#include <sys/socket.h>

#include <array>
#include <cerrno>
#include <limits>
#include <memory>

namespace gatehouse::gateway {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;
using tcp = asio::ip::tcp;
using clock_type = std::chrono::steady_clock;

namespace {

// The most a client connection's read buffer keeps between requests; it
// grows for a large head or an upload (read in pieces of
// read_buffer_pool::buffer_size) and shrinks back after.
constexpr std::size_t client_buffer_kept = 16 * 1024;
// After an error response that left a request body unread, keep reading (and
// discarding) for a moment before closing: closing with unread data makes
// the kernel send a reset, which can destroy the response before the client
// reads it (nginx's lingering close).
constexpr auto linger_time = std::chrono::seconds(2);
constexpr std::size_t linger_bytes = 64 * 1024 * 1024;
// The most a TLS close_notify may wait for room in the client's socket: it is
// a courtesy to a client that has stopped reading.
constexpr auto tls_close_time = std::chrono::milliseconds(500);
constexpr std::size_t upstream_header_limit = 64 * 1024;
// How long a pooled upstream connection may have been idle to be reused.
// For a request whose body is still arriving the limit is short: upstreams
// close idle connections on their own schedule (Node's default: after 5 s),
// and one closed just as the gateway reuses it fails the request, which
// cannot be replayed once its body has been streamed on. A fresh connection
// costs one round trip; a failed upload costs the caller's request.
constexpr auto pool_max_idle = std::chrono::seconds(30);
constexpr auto pool_max_idle_streaming = std::chrono::seconds(2);

bool is_idempotent(http::verb method)
{
    switch (method) {
    case http::verb::get:
    case http::verb::head:
    case http::verb::put:
    case http::verb::delete_:
    case http::verb::options:
    case http::verb::trace:
        return true;
    default:
        return false;
    }
}

call_error call_error_for(problem_kind kind)
{
    switch (kind) {
    case problem_kind::bad_request:
        return call_error::bad_request;
    case problem_kind::not_found:
        return call_error::no_route;
    case problem_kind::method_not_allowed:
        return call_error::method_not_allowed;
    case problem_kind::request_timeout:
        return call_error::request_timeout;
    case problem_kind::body_too_large:
        return call_error::body_too_large;
    case problem_kind::header_too_large:
        return call_error::header_too_large;
    case problem_kind::upstream_unavailable:
        return call_error::upstream_unavailable;
    case problem_kind::upstream_timeout:
        return call_error::upstream_timeout;
    case problem_kind::service_unavailable:
        return call_error::shutting_down;
    case problem_kind::not_cached:
        return call_error::not_cached;
    case problem_kind::unsupported_transfer_coding:
    case problem_kind::expectation_failed:
        return call_error::bad_request;
    case problem_kind::range_not_satisfiable:
        return call_error::none; // an answer about the stored response, as an origin's 416
    }
    return call_error::none;
}

} // namespace

namespace detail {

// Waits for the first byte of the next request under the keep-alive timeout,
// so that the (shorter) header timeout only runs once a request has begun.
worker_task<bool> client_session::wait_for_request()
{
    if (buffer_.size() != 0) {
        begin_record(); // a pipelined request, already buffered
        co_return true;
    }
    idle_ = true;
    if (closing_ || w_.shared.stopping.load(std::memory_order_relaxed))
        co_return false;
    client_.expires_after(w_.shared.options.keepalive_timeout);
    auto [ec, n] = co_await client_.async_read_some(buffer_.prepare(4096), nothrow);
    idle_ = false;
    if (ec)
        co_return false;
    buffer_.commit(n);
    begin_record(); // the call starts with its first byte
    add_in(n);
    co_return true;
}

worker_task<bool> client_session::read_proxy_header()
{
    // Only the header's bytes are taken off the socket: what follows is
    // TLS's or HTTP's. Bytes are looked at first (MSG_PEEK); those that are
    // certainly header are taken, and the rest is waited for.
    const int fd = client_.socket().native_handle();
    std::array<char, proxy_header_limit> header;
    std::size_t have = 0;
    for (;;) {
        const ssize_t n =
            ::recv(fd, header.data() + have, header.size() - have, MSG_PEEK | MSG_DONTWAIT);
        if (n == 0)
            co_return false;
        if (n < 0) {
            if (errno != EAGAIN && errno != EWOULDBLOCK && errno != EINTR)
                co_return false;
        } else {
            const auto seen = static_cast<std::size_t>(n);
            const proxy_header parsed =
                parse_proxy_header(std::string_view(header.data(), have + seen));
            if (parsed.state == proxy_header::status::invalid)
                co_return false;
            // Complete: take the rest of the header. Need more: all of it is
            // header (proxy_protocol.hpp), so take it and wait.
            const std::size_t take =
                parsed.state == proxy_header::status::complete ? parsed.length - have : seen;
            if (::recv(fd, header.data() + have, take, MSG_DONTWAIT) != static_cast<ssize_t>(take))
                co_return false;
            have += take;
            if (parsed.state == proxy_header::status::complete) {
                // Believed from a trusted balancer only: anyone else could
                // name any address. The HTTP fields then come from the client
                // the balancer speaks for, trusted or not by its own address.
                if (parsed.source && peer_trusted_) {
                    client_ip_ = parsed.source->to_string();
                    peer_trusted_ = w_.shared.options.trusted_proxies.contains(*parsed.source);
                }
                co_return true;
            }
            if (have == header.size())
                co_return false;
        }
        auto [wait_ec] = co_await client_.async_wait_readable(nothrow);
        if (wait_ec)
            co_return false;
    }
}

worker_task<void> client_session::run()
{
    auto self = shared_from_this();
    // Behind a layer-4 balancer, its PROXY header first, then TLS, both
    // within the time a request head may take.
    if (w_.shared.options.proxy_protocol) {
        arm_client_timer(w_.shared.options.client_header_timeout);
        const bool read = co_await read_proxy_header();
        disarm_client_timer();
        if (!read) {
            worker_stats::add(w_.stats.refused_proxy_headers, 1);
            boost::system::error_code ignored;
            client_.socket().close(ignored);
            co_return;
        }
    }
    // HTTPS: the handshake first, within the time a request head may take.
    // A client that fails it (plain HTTP on this port, an unknown protocol
    // version, silence) is closed without an answer: there is no channel to
    // answer on.
    if (auto tls = w_.shared.listener_tls.load(std::memory_order_acquire)) {
        tls_context_ = std::move(tls);
        arm_client_timer(w_.shared.options.client_header_timeout);
        const boost::system::error_code handshake_ec = co_await client_.accept_tls(*tls_context_);
        disarm_client_timer();
        if (handshake_ec) {
            worker_stats::add(w_.stats.failed_tls_handshakes, 1);
            boost::system::error_code ignored;
            client_.socket().close(ignored);
            co_return;
        }
    }
    bool cut = false;
    for (;;) {
        if (!co_await wait_for_request())
            break;
        request_parser parser;
        parser.header_limit(static_cast<std::uint32_t>(w_.shared.options.header_limit));
        parser.body_limit(w_.shared.options.body_limit);
        // The whole head nearly always came with the first read: parse it
        // where it is, without a timer or an asynchronous read. Only a head
        // that is still arriving is read on, under the header timeout.
        boost::system::error_code ec;
        buffer_.consume(parser.put_received(buffer_.data(), ec));
        if (ec == http::error::need_more) {
            arm_client_timer(w_.shared.options.client_header_timeout);
            const std::size_t buffered = buffer_.size();
            auto [read_ec, consumed] =
                co_await http::async_read_header(client_, buffer_, parser, nothrow);
            disarm_client_timer();
            ec = read_ec;
            if (consumed > buffered)
                add_in(consumed - buffered);
        }
        request_id_.clear();
        // Known once the request line was read, even if the head then failed.
        head_request_ = parser.get().method() == http::verb::head;
        if (ec) {
            if (describe_read_error(ec, "head")) {
                co_await send_problem(problem_, detail_, false);
                commit_record();
            }
            break;
        }
        const exchange_outcome outcome = co_await handle(parser);
        if (upstream_buffer_.capacity() != 0)
            w_.read_buffers.give(std::move(upstream_buffer_));
        // After an upload (or a large head): a connection waiting for its
        // next request keeps no more than what pipelined bytes need.
        if (buffer_.capacity() > client_buffer_kept)
            buffer_.shrink_to_fit();
        commit_record();
        if (!outcome.keep_alive) {
            cut = outcome.cut;
            break;
        }
    }
    if (client_.encrypted() && !cut) {
        client_.expires_after(std::min<std::chrono::milliseconds>(
            w_.shared.options.client_send_timeout, tls_close_time));
        co_await client_.end_tls();
    }
    if (linger_)
        co_await linger();
    boost::system::error_code ignored;
    client_.socket().shutdown(tcp::socket::shutdown_send, ignored);
    client_.socket().close(ignored);
}

worker_task<void> client_session::linger()
{
    boost::system::error_code ec;
    client_.socket().shutdown(tcp::socket::shutdown_send, ec);
    if (ec)
        co_return;
    client_.expires_after(linger_time);
    std::size_t discarded = 0;
    while (discarded < linger_bytes && !closing_) {
        auto [read_ec, n] = co_await client_.async_read_some(
            asio::buffer(relay_buffer(), relay_buffer_size), nothrow);
        if (read_ec)
            break;
        discarded += n;
    }
}

worker_task<void> client_session::send_problem(problem_kind kind, std::string_view detail,
                                               bool keep_alive, std::string_view allow)
{
    auto res = make_problem(kind, detail, request_id_, keep_alive);
    if (!allow.empty())
        res.set(http::field::allow, allow);
    record_.error = call_error_for(kind);
    co_await send_answer(res);
}

worker_task<exchange_outcome> client_session::switch_protocols(worker_stream& upstream,
                                                               const upstream_config& up)
{
    // Only what the client asked for: an upstream switching protocols
    // unasked, or to another one, would leave both ends speaking something
    // the other does not expect.
    bool to_websocket = false;
    for (const auto& field : upstream_head_)
        if (field.name() == http::field::upgrade)
            to_websocket = to_websocket || list_contains(field.value(), "websocket");
    if (!websocket_ || !to_websocket) {
        upstream_buffer_.clear();
        detail_ = "upstream '" + up.name + "' switched protocols without being asked to";
        co_await send_problem(problem_kind::upstream_unavailable, detail_, false);
        co_return exchange_outcome{};
    }
    response_rewrite rewrite;
    rewrite.via = w_.shared.via_11;
    rewrite.request_id = request_id_;
    rewrite.upgrade = "websocket";
    rewrite.cache_status = cache_status_bypass; // as on every proxied response
    rewrite.strip_targeted = true;
    serialize_forwarded_response(upstream_head_, rewrite, head_);
    count_response(101);
    auto [ec, n] =
        co_await write_message(client_, head_, {}, false, w_.shared.options.client_send_timeout);
    add_out(n);
    if (ec) {
        upstream_buffer_.clear();
        record_.error = call_error::client_aborted;
        co_return exchange_outcome{};
    }
    tunnel_opened_ = clock_type::now();
    // A tunnel may last for hours: the exchange's read buffer goes back now,
    // unless the upstream's first bytes after the 101 wait in it.
    if (upstream_buffer_.size() == 0)
        w_.read_buffers.give(std::move(upstream_buffer_));
    // The upstream's read timeout is the tunnel's idle limit (as nginx's
    // proxy_read_timeout is a WebSocket's): applications ping within it.
    const tunnel_result tunnel =
        co_await run_tunnel(client_, buffer_, upstream, upstream_buffer_, up.read_timeout);
    add_in(tunnel.to_upstream);
    add_out(tunnel.to_client);
    upstream_buffer_.clear();
    buffer_.clear();
    co_return exchange_outcome{};
}

void client_session::believe_forwarding_fields(const http::request_header<>& req)
{
    std::vector<std::string_view>& lines = forwarded_for_lines_;
    lines.clear();
    for (const auto& field : req) {
        if (field.name() != http::field::unknown)
            continue;
        const std::string_view name = field.name_string();
        if (iequals(name, "X-Forwarded-For")) {
            lines.push_back(field.value());
        } else if (iequals(name, "X-Forwarded-Proto")) {
            if (const auto scheme = forwarded_scheme(field.value()); !scheme.empty())
                scheme_ = scheme;
        } else if (iequals(name, "X-Forwarded-Host")) {
            if (forwarded_host_.empty())
                forwarded_host_.assign(forwarded_host(field.value()));
        }
    }
    if (!lines.empty())
        record_.client_address.assign(
            forwarded_client(w_.shared.options.trusted_proxies, client_ip_, lines));
}

worker_task<void> client_session::send_answer(http::response<http::string_body>& res)
{
    linger_ = !res.keep_alive();
    count_response(res.result_int());
    client_.expires_after(w_.shared.options.client_send_timeout);
    // To a HEAD the same head, Content-Length included, without the content.
    http::response_serializer<http::string_body> serializer{res};
    auto [ec, n] = head_request_ ? co_await http::async_write_header(client_, serializer, nothrow)
                                 : co_await http::async_write(client_, serializer, nothrow);
    add_out(n);
}

worker_task<bool> client_session::relay_interim(const response_head& interim)
{
    std::string head; // rare: not worth keeping storage for
    serialize_interim_response(interim, w_.shared.via_11, head);
    client_.expires_after(w_.shared.options.client_send_timeout);
    auto [ec, n] = co_await asio::async_write(client_, asio::buffer(head), nothrow);
    add_out(n);
    co_return !ec;
}

bool client_session::describe_read_error(const boost::system::error_code& ec, std::string_view part)
{
    const auto& options = w_.shared.options;
    if (client_.timed_out()) {
        problem_ = problem_kind::request_timeout;
        detail_ = "the request ";
        detail_.append(part).append(" did not arrive within the time limit");
    } else if (ec == http::error::header_limit) {
        problem_ = problem_kind::header_too_large;
        detail_ = "the request line and headers exceed " + std::to_string(options.header_limit) +
                  " bytes";
    } else if (ec == http::error::body_limit) {
        problem_ = problem_kind::body_too_large;
        detail_ = "the request body exceeds " + std::to_string(options.body_limit) + " bytes";
    } else if (ec.category() == http::make_error_code(http::error::bad_target).category() &&
               ec != http::error::end_of_stream && ec != http::error::partial_message) {
        problem_ = problem_kind::bad_request;
        detail_ = ec.message();
    } else {
        return false;
    }
    return true;
}

void client_session::begin_record()
{
    if (record_open_)
        return;
    record_open_ = true;
    record_started_ = clock_type::now();
    record_.timestamp_us = std::chrono::duration_cast<std::chrono::microseconds>(
                               std::chrono::system_clock::now().time_since_epoch())
                               .count();
    record_.api_id = 0;
    record_.application_id = 0;
    record_.bytes_in = 0;
    record_.bytes_out = 0;
    record_.upstream_latency_us = 0;
    record_.status = 0;
    record_.cache = cache_status::none;
    record_.error = call_error::none;
    record_.method.assign({});
    record_.request_id.assign({});
    record_.route_id.assign({});
    record_.upstream.assign({});
    record_.path.assign({});
    record_.client_address.assign(client_ip_);
}

// Hands the finished call to the log writer. Never blocks: a full ring drops
// the record and counts it.
void client_session::commit_record()
{
    if (!record_open_)
        return;
    record_open_ = false;
    record_.cache = cache_.record_status();
    cache_.reset(); // drops the entry and any coalescing ticket with the exchange
    if (!w_.shared.record_calls.load(std::memory_order_relaxed) || !w_.records)
        return;
    // A WebSocket's call lasts until the 101 went out: its tunnel's lifetime
    // is no latency, and would swamp the latency charts.
    const auto ended =
        tunnel_opened_ == clock_type::time_point{} ? clock_type::now() : tunnel_opened_;
    tunnel_opened_ = {};
    const auto elapsed =
        std::chrono::duration_cast<std::chrono::microseconds>(ended - record_started_);
    record_.total_latency_us = static_cast<std::uint32_t>(
        std::min<std::int64_t>(elapsed.count(), std::numeric_limits<std::uint32_t>::max()));
    if (w_.records->push(record_) == call_record_ring::push_result::pushed_into_empty)
        w_.shared.notify_records();
}

void client_session::count_response(unsigned status)
{
    record_.status = static_cast<std::uint16_t>(status);
    worker_stats::add(w_.stats.requests, 1);
    const unsigned cls = status / 100;
    worker_stats::add(w_.stats.status_classes[cls < 6 ? cls : 0], 1);
}

worker_task<exchange_outcome> client_session::handle(request_parser& parser)
{
    auto& req = parser.get();
    const auto& options = w_.shared.options;
    const bool body_pending = !parser.is_done();

    // One pass over the fields for what routing needs from them, instead of
    // a lookup (a walk of the field tree) per question.
    std::string_view incoming_id;
    std::string_view host_field;
    int host_fields = 0;
    int content_lengths = 0;
    transfer_codings codings;
    bool has_request_id = false;
    std::string_view max_forwards_field;
    bool has_max_forwards = false;
    bool unmet_expectation = false;
    expects_continue_ = false;
    std::string_view upgrade_field;
    bool connection_upgrade = false;
    for (const auto& field : req) {
        switch (field.name()) {
        case http::field::host:
            if (host_fields++ == 0)
                host_field = field.value();
            break;
        case http::field::content_length:
            ++content_lengths;
            break;
        case http::field::transfer_encoding:
            codings.add(field.value());
            break;
        case http::field::max_forwards:
            if (!has_max_forwards) {
                max_forwards_field = field.value();
                has_max_forwards = true;
            }
            break;
        case http::field::expect:
            expects_continue_ = true; // unless unmet, which is answered 417 below
            unmet_expectation |= !iequals(trim_ows(field.value()), "100-continue");
            break;
        case http::field::upgrade:
            upgrade_field = field.value();
            break;
        case http::field::connection:
            connection_upgrade = connection_upgrade || list_contains(field.value(), "upgrade");
            break;
        case http::field::unknown:
            if (!has_request_id && iequals(field.name_string(), "X-Request-Id")) {
                incoming_id = field.value();
                has_request_id = true;
            }
            break;
        default:
            break;
        }
    }
    scheme_ = client_.encrypted() ? std::string_view("https") : std::string_view("http");
    forwarded_host_.clear();
    if (peer_trusted_) [[unlikely]]
        believe_forwarding_fields(req);
    if (acceptable_request_id(incoming_id))
        request_id_.assign(incoming_id);
    else
        generate_request_id(w_.rng, record_.timestamp_us, request_id_);
    record_.method.assign(req.method_string());
    record_.path.assign(req.target());
    record_.request_id.assign(request_id_);
    // Once a request body is pending and unread, the connection cannot carry
    // another request after an early rejection. (The parser's flags, not the
    // header's keep_alive(), which looks the Connection field up each time.)
    const bool client_keep_alive = parser.keep_alive();
    bool keep_alive = client_keep_alive && !body_pending && !closing_ &&
                      !w_.shared.stopping.load(std::memory_order_relaxed);

    // The body's framing first (RFC 9112 §6): a request whose length the
    // gateway and its upstream could read differently is never forwarded,
    // and the connection closes, so the bytes after its head are never read
    // as a request either.
    const transfer_coding_verdict coding = codings.verdict();
    if (const char* problem = framing_problem(coding, content_lengths, req.version())) {
        co_await send_problem(coding == transfer_coding_verdict::unsupported
                                  ? problem_kind::unsupported_transfer_coding
                                  : problem_kind::bad_request,
                              problem, false);
        co_return exchange_outcome{};
    }
    // The one expectation HTTP defines is met by forward(); others cannot
    // be, and a client waiting on one is told so (RFC 9110 §10.1.1).
    if (unmet_expectation) {
        co_await send_problem(problem_kind::expectation_failed,
                              "only the 100-continue expectation is supported", keep_alive);
        co_return exchange_outcome{keep_alive};
    }
    const http::verb method = req.method();
    // A WebSocket opening handshake (RFC 6455 §4.1): passed on with its
    // Upgrade, and on a 101 the connection becomes a tunnel.
    websocket_ = connection_upgrade && method == http::verb::get && req.version() >= 11 &&
                 !body_pending && list_contains(upgrade_field, "websocket");
    // Max-Forwards counts the hops an OPTIONS or TRACE may still take (RFC
    // 9110 §7.6.2); on other methods it is the upstream's business.
    max_forwards_ = -1;
    if (has_max_forwards && (method == http::verb::options || method == http::verb::trace)) {
        const auto hops = parse_max_forwards(max_forwards_field);
        if (!hops) {
            co_await send_problem(problem_kind::bad_request, "Max-Forwards is not a number",
                                  keep_alive);
            co_return exchange_outcome{keep_alive};
        }
        max_forwards_ = static_cast<int>(*hops);
    }

    std::string_view target = req.target();
    std::string_view authority = host_field;
    std::string_view target_authority; // of an absolute-form target
    const std::size_t scheme = target.starts_with('/')                    ? 0
                               : iequals(target.substr(0, 7), "http://")  ? 7
                               : iequals(target.substr(0, 8), "https://") ? 8
                                                                          : 0;
    if (scheme != 0) {
        // absolute-form (RFC 9112 §3.2.2): the target's authority wins.
        std::string_view rest = target.substr(scheme);
        const auto slash = rest.find_first_of("/?");
        authority = target_authority = rest.substr(0, slash);
        target = slash == std::string_view::npos ? std::string_view("/") : rest.substr(slash);
        if (target_authority.empty() || !valid_host_value(target_authority)) {
            co_await send_problem(problem_kind::bad_request,
                                  "the request target's authority is not a valid host", false);
            co_return exchange_outcome{};
        }
    } else if (req.version() >= 11 && host_fields == 0) {
        co_await send_problem(problem_kind::bad_request, "an HTTP/1.1 request needs a Host header",
                              false);
        co_return exchange_outcome{};
    }
    if (host_fields > 1) {
        co_await send_problem(problem_kind::bad_request, "more than one Host header", false);
        co_return exchange_outcome{};
    }
    // RFC 9112 §3.2: also when an absolute-form target makes it unused. An
    // upstream builds links and redirects from the host it is given
    // (X-Forwarded-Host): "user@evil" or "a b" must not reach it.
    if (host_fields == 1 && !valid_host_value(host_field)) {
        co_await send_problem(problem_kind::bad_request, "the Host header is not a valid host",
                              false);
        co_return exchange_outcome{};
    }
    if (target == "*") {
        // asterisk-form (RFC 9112 §3.2.4): the server as a whole, only for
        // OPTIONS. No route stands for it, so the gateway answers.
        if (method != http::verb::options) {
            co_await send_problem(problem_kind::bad_request,
                                  "the request target * is only for OPTIONS", false);
            co_return exchange_outcome{};
        }
        detail_.clear();
        append_allowed_methods({}, detail_);
        auto answer = options_answer(detail_, request_id_, keep_alive);
        co_await send_answer(answer);
        co_return exchange_outcome{keep_alive};
    }
    const auto question = target.find('?');
    std::string_view raw_path = target.substr(0, question);
    std::string_view query =
        question == std::string_view::npos ? std::string_view{} : target.substr(question);
    if (raw_path.find('#') != std::string_view::npos ||
        !normalize_path(raw_path, path_, w_.shared.options.merge_slashes)) {
        co_await send_problem(problem_kind::bad_request, "the request target is not a valid path",
                              false);
        co_return exchange_outcome{};
    }

    const auto holder = w_.config();
    const runtime_config* config = holder->get();
    if (!config) {
        co_await send_problem(problem_kind::not_found, "no routes are configured", keep_alive);
        co_return exchange_outcome{keep_alive};
    }
    // Most configurations route by path alone: then the host is not needed.
    const std::string host =
        config->routes.names_hosts() ? host_without_port(authority) : std::string();
    const route_match match = config->routes.match(host, req.method_string(), path_);
    if (match.result == route_match::outcome::no_route) {
        detail_ = "no route for " + std::string(path_);
        co_await send_problem(problem_kind::not_found, detail_, keep_alive);
        co_return exchange_outcome{keep_alive};
    }
    if (match.result == route_match::outcome::method_not_allowed) {
        detail_ = std::string(req.method_string()) + " is not allowed on " + path_;
        co_await send_problem(problem_kind::method_not_allowed, detail_, keep_alive, match.allow);
        co_return exchange_outcome{keep_alive};
    }
    (void)options;
    record_.api_id = config->snapshot.routes[match.route_index].api_id;
    record_.route_id.assign(config->snapshot.routes[match.route_index].id);
    // Authorization before any cache lookup: a rejected caller never sees a
    // stored response.
    const bool allowed =
        access_.check(config->snapshot, record_.api_id, req, query, request_id_, keep_alive);
    if (std::string logged; access_.redact_target(req.target(), logged))
        record_.path.assign(logged);
    if (!allowed) {
        record_.application_id = access_.application_id();
        count_response(access_.rejection().result_int());
        record_.error = access_.error();
        linger_ = !keep_alive;
        client_.expires_after(w_.shared.options.client_send_timeout);
        auto [ec, n] = co_await http::async_write(client_, access_.rejection(), nothrow);
        add_out(n);
        co_return exchange_outcome{keep_alive};
    }
    record_.application_id = access_.application_id();

    if (max_forwards_ == 0) {
        // The last hop it may take: the gateway is its final recipient.
        const auto& route = config->snapshot.routes[match.route_index];
        http::response<http::string_body> answer;
        if (method == http::verb::options) {
            detail_.clear();
            append_allowed_methods(route.methods, detail_);
            answer = options_answer(detail_, request_id_, keep_alive);
        } else {
            // Its target as logged: a key in the query is not reflected.
            detail_.assign(req.target());
            access_.redact_target(req.target(), detail_);
            answer = trace_answer(req, detail_, request_id_, keep_alive);
        }
        access_.decorate(answer);
        co_await send_answer(answer);
        co_return exchange_outcome{keep_alive};
    }
    if (max_forwards_ > 0)
        --max_forwards_; // one hop less

    // Only a route with a cache policy consults the cache. Elsewhere the
    // exchange stays as commit_record() left it after the previous request
    // (reset: inactive, nothing buffered), so the coroutine -- a frame, a
    // reset and a resumption -- is not worth starting.
    if (config->route_caches[match.route_index].policy && !websocket_)
        if (const auto answered =
                co_await consult_cache(parser, *holder, match, authority, query, keep_alive))
            co_return *answered;
    co_return co_await forward(
        parser, *config, match.route_index, path_, query, match.matched_bytes, target_authority,
        client_keep_alive && !closing_ && !w_.shared.stopping.load(std::memory_order_relaxed));
}

void client_session::build_upstream_target(const route_config& route, const target_state& target,
                                           std::string_view path, std::string_view query,
                                           std::size_t matched_bytes)
{
    std::string& out = target_;
    out.assign(target.address.base_path);
    std::string_view rest = path.substr(std::min(matched_bytes, path.size()));
    if (!route.rewrite_prefix.empty()) {
        std::string_view prefix = route.rewrite_prefix;
        if (prefix.size() > 1 && prefix.back() == '/' && !rest.empty())
            prefix.remove_suffix(1);
        out.append(prefix == "/" && !rest.empty() ? std::string_view{} : prefix).append(rest);
    } else if (route.strip_prefix) {
        out.append(rest.empty() ? std::string_view("/") : rest);
    } else if (!route.strip_base.empty() && path.starts_with(route.strip_base)) {
        const std::string_view tail = path.substr(route.strip_base.size());
        out.append(tail.empty() ? std::string_view("/") : tail);
    } else {
        out.append(path);
    }
    if (out.empty() || out.front() != '/')
        out.insert(out.begin(), '/');
    out.append(query);
}

std::string_view client_session::removed_prefix(const route_config& route, std::string_view path,
                                                std::size_t matched_bytes)
{
    std::string_view prefix;
    if (!route.rewrite_prefix.empty() || route.strip_prefix)
        prefix = path.substr(0, std::min(matched_bytes, path.size()));
    else if (!route.strip_base.empty() && path.starts_with(route.strip_base))
        prefix = path.substr(0, route.strip_base.size());
    while (!prefix.empty() && prefix.back() == '/')
        prefix.remove_suffix(1);
    // Replaced by itself, it is not taken off.
    std::string_view rewrite = route.rewrite_prefix;
    while (!rewrite.empty() && rewrite.back() == '/')
        rewrite.remove_suffix(1);
    if (!route.rewrite_prefix.empty() && rewrite == prefix)
        return {};
    return prefix;
}

worker_task<exchange_outcome>
client_session::answer_upstream_failure(target_state& target, const health_check_config& health,
                                        problem_kind kind, std::string detail, bool request_read,
                                        bool client_keep_alive)
{
    target.record_failure(health);
    worker_stats::add(w_.stats.upstream_errors, 1);
    const bool reusable = client_keep_alive && request_read;
    if (request_read && cache_.serve_stale_on_error())
        co_return co_await serve_from_cache(reusable);
    detail_ = std::move(detail);
    co_await send_problem(kind, detail_, reusable);
    co_return exchange_outcome{reusable};
}

worker_task<target_state*>
client_session::await_lookup(std::string_view upstream, std::string_view url,
                             clock_type::time_point until,
                             std::shared_ptr<const runtime_config>& holder)
{
    asio::steady_timer timer(w_.ioc);
    for (;;) {
        auto current = *w_.config();
        target_state* target = current ? find_target(*current, upstream, url) : nullptr;
        if (!target)
            co_return nullptr;
        if (!target->lookup_pending) {
            holder = std::move(current);
            co_return target;
        }
        if (stopped_ || clock_type::now() >= until)
            co_return nullptr;
        // Woken by the next configuration (gateway_server::install posts
        // to every worker), by force_stop(), or at `until`.
        timer.expires_at(until);
        w_.lookup_waiters.push_back(&timer);
        lookup_timer_ = &timer;
        co_await timer.async_wait(nothrow);
        lookup_timer_ = nullptr;
        std::erase(w_.lookup_waiters, &timer);
    }
}

worker_task<exchange_outcome>
client_session::forward(request_parser& parser, const runtime_config& config,
                        std::size_t route_index, std::string_view path, std::string_view query,
                        std::size_t matched_bytes, std::string_view target_authority,
                        bool client_keep_alive)
{
    auto& req = parser.get();
    const auto& route = config.snapshot.routes[route_index];
    const upstream_runtime& upstream = *config.route_upstream[route_index];
    const auto& up = upstream.config;
    const auto& options = w_.shared.options;
    const auto started = clock_type::now();
    const auto deadline = started + up.total_timeout;
    const bool head_request = req.method() == http::verb::head;
    const int client_version = req.version();

    // A client waiting for 100 Continue gets it from us; the upstream then
    // sees an ordinary request.
    if (!parser.is_done() && client_version >= 11 && expects_continue_) {
        static constexpr std::string_view continue_line = "HTTP/1.1 100 Continue\r\n\r\n";
        client_.expires_after(options.client_send_timeout);
        auto [ec, n] = co_await asio::async_write(
            client_, asio::buffer(continue_line.data(), continue_line.size()), nothrow);
        if (ec)
            co_return exchange_outcome{};
    }
    // The head as the upstream sees it (forwarded_head.hpp); the target and
    // Host depend on the target chosen below.
    request_rewrite rewrite;
    rewrite.client_ip = client_ip_;
    rewrite.client_host = target_authority;
    rewrite.via = client_version >= 11 ? w_.shared.via_11 : w_.shared.via_10;
    rewrite.request_id = request_id_;
    rewrite.scheme = scheme_;
    rewrite.trusted_peer = peer_trusted_;
    rewrite.forwarded_host = forwarded_host_;
    rewrite.max_forwards = max_forwards_;
    rewrite.removed_prefix = removed_prefix(route, path, matched_bytes);
    if (websocket_)
        rewrite.upgrade = "websocket";
    const bool chunked_request = parser.chunked();

    auto remaining = [&](std::chrono::milliseconds limit) {
        const auto left =
            std::chrono::duration_cast<std::chrono::milliseconds>(deadline - coarse_now());
        return std::max(std::chrono::milliseconds(1), std::min(limit, left));
    };

    target_state* target = upstream.select();
    // The configuration that answered a lookup the call waited for, which
    // `target` may then belong to.
    std::shared_ptr<const runtime_config> answered_in;
    bool tried_other_target = false;
    bool retried_stale = false;
    std::unique_ptr<worker_stream> stream;
    std::optional<response_head_parser> response;
    for (;;) {
        // 1. A connection: pooled, or new.
        bool reused = false;
        // Idempotent requests skip the liveness probe of an idle connection:
        // if the upstream closed it meanwhile, they are simply retried. A
        // request whose body is still arriving cannot be retried, so it only
        // takes a connection idle for a moment (see pool_max_idle_streaming).
        stream =
            w_.pool.take(target->id, parser.is_done() ? pool_max_idle : pool_max_idle_streaming,
                         !is_idempotent(req.method()));
        if (stream) {
            reused = true;
        } else {
            // A configuration applied a moment ago may name a host not
            // looked up yet: the call waits for the answer (as long as a
            // connect may take) rather than fail.
            if (target->lookup_pending) {
                const auto until = clock_type::now() + remaining(up.connect_timeout);
                if (auto* answered =
                        co_await await_lookup(up.name, target->url, until, answered_in))
                    target = answered;
            }
            stream = std::make_unique<worker_stream>(w_.ioc);
            // The connect timeout covers an https target's TLS handshake too
            // (as nginx's proxy_connect_timeout does).
            stream->expires_after(remaining(up.connect_timeout));
            target_connection connected;
            if (target->endpoints.empty())
                connected.ec = asio::error::host_not_found; // not tried: see resolve_error
            else
                connected = co_await connect_target(*stream, *target, upstream);
            const auto [ec, tls_failed] = connected;
            if (ec) {
                target->record_failure(up.health);
                worker_stats::add(w_.stats.upstream_errors, 1);
                // Nothing reached the upstream, so another target is safe to
                // try once, whatever the method.
                if (!tried_other_target && clock_type::now() < deadline) {
                    // (Not the same target as an older configuration knows
                    // it, after a lookup the call waited for.)
                    auto* other = upstream.select(target);
                    if (other && other->url != target->url) {
                        tried_other_target = true;
                        target = other;
                        continue;
                    }
                }
                if (cache_.serve_stale_on_error())
                    co_return co_await serve_from_cache(client_keep_alive && parser.is_done());
                const bool timed_out = ec == beast::error::timeout;
                detail_ = "upstream '" + up.name + "' (" + target->url + "): ";
                if (target->endpoints.empty())
                    detail_ += target->lookup_pending ? target->resolve_error +
                                                            ": no answer within the connect timeout"
                                                      : target->resolve_error;
                else if (tls_failed)
                    detail_ += timed_out ? "TLS handshake timed out"
                                         : "TLS handshake failed: " + ec.message();
                else
                    detail_ += timed_out ? std::string("connect timed out") : ec.message();
                co_await send_problem(timed_out ? problem_kind::upstream_timeout
                                                : problem_kind::upstream_unavailable,
                                      detail_, client_keep_alive && parser.is_done());
                co_return exchange_outcome{client_keep_alive && parser.is_done()};
            }
            boost::system::error_code ignored;
            stream->socket().set_option(tcp::no_delay(true), ignored);
        }
        target->active_connections.fetch_add(1, std::memory_order_relaxed);
        upstream_ = stream.get();
        struct active_guard {
            target_state* t;
            worker_stream*& slot;
            ~active_guard()
            {
                t->active_connections.fetch_sub(1, std::memory_order_relaxed);
                slot = nullptr;
            }
        } guard{target, upstream_};

        // 2. The request head and body.
        build_upstream_target(route, *target, path, query, matched_bytes);
        rewrite.target = target_;
        rewrite.host = route.preserve_host ? std::string_view{} : target->host_header;
        const bool body_was_pending = !parser.is_done();
        serialize_forwarded_request(req, rewrite, head_);
        relay_result sent;
        const std::string* buffered = cache_.buffered_body();
        if (buffered || parser.is_done()) {
            // Read already (POST caching keys on it), or no body at all:
            // sent from memory, without the relay's coroutine. (The body is
            // chosen outside the co_await: GCC 12 miscompiles a conditional
            // expression in a co_await's arguments.)
            std::string_view body;
            if (buffered)
                body = *buffered;
            auto [write_ec, n] = co_await write_message(*stream, head_, body, chunked_request,
                                                        remaining(up.read_timeout));
            sent.ec = write_ec;
            sent.bytes_written = n;
            sent.side = write_ec ? relay_result::failed_writing : relay_result::done;
        } else {
            // An upload is read in pieces as large as a response's: the
            // connection's buffer grows for it, and shrinks back once the
            // exchange is over (run()).
            if (buffer_.capacity() < read_buffer_pool::buffer_size)
                buffer_.reserve(read_buffer_pool::buffer_size);
            sent = co_await relay_body(
                client_, buffer_, parser, *stream, head_, chunked_request,
                [&] { arm_client_timer(options.client_body_timeout); }, remaining(up.read_timeout));
        }
        disarm_client_timer();
        add_in(sent.bytes_read);
        record_.upstream.assign(target->url);
        if (sent.side == relay_result::failed_reading) {
            // The client broke off or exceeded a limit while sending its body.
            if (describe_read_error(sent.ec, "body"))
                co_await send_problem(problem_, detail_, false);
            co_return exchange_outcome{};
        }
        // 3. The response head. Interim 1xx responses before it go on to
        //    the client (RFC 9110 §15.2: 103 Early Hints lets a browser
        //    start fetching while the origin works), except 100 Continue,
        //    which answered an expectation the gateway handled itself, and
        //    except to HTTP/1.0 clients, which cannot take them.
        if (upstream_buffer_.capacity() == 0)
            upstream_buffer_ = w_.read_buffers.take(); // back after the exchange (run)
        boost::system::error_code ec;
        bool got_head = false;
        if (sent.side == relay_result::done) {
            for (;;) {
                response.emplace(upstream_head_);
                response->header_limit(upstream_header_limit);
                response->body_limit(boost::none);
                response->skip(head_request);
                stream->expires_after(remaining(up.read_timeout));
                auto [read_ec, n] = co_await read_header(*stream, upstream_buffer_, *response);
                ec = read_ec;
                if (ec)
                    break;
                const unsigned status = upstream_head_.result_int();
                if (is_interim_status(status)) {
                    if (status != 100 && client_version >= 11 &&
                        !co_await relay_interim(upstream_head_))
                        co_return exchange_outcome{}; // the client went away
                    continue;
                }
                got_head = true;
                break;
            }
        } else {
            ec = sent.ec;
        }
        if (!got_head) {
            upstream_buffer_.clear();
            // A pooled connection the upstream had already closed: retry on
            // a fresh one when nothing of the request is lost by doing so.
            const bool timed_out = stream->timed_out() || ec == beast::error::timeout;
            if (reused && !retried_stale && !body_was_pending && !timed_out &&
                (is_idempotent(req.method()) || ec == asio::error::eof ||
                 ec == http::error::end_of_stream || ec == asio::error::connection_reset ||
                 ec == asio::error::broken_pipe)) {
                retried_stale = true;
                continue;
            }
            // Built outside the co_await: GCC 12 miscompiles a conditional
            // expression in a co_await's arguments (a double free here).
            const problem_kind kind =
                timed_out ? problem_kind::upstream_timeout : problem_kind::upstream_unavailable;
            std::string detail =
                "upstream '" + up.name + "' (" + target->url + "): " +
                (timed_out ? std::string("no response within the time limit") : ec.message());
            co_return co_await answer_upstream_failure(*target, up.health, kind, std::move(detail),
                                                       parser.is_done(), client_keep_alive);
        }
        // A status outside 100-599 is no HTTP status (RFC 9110 §15: invalid;
        // a client "SHOULD process the response as if it had a 5xx"). What a
        // client makes of a 042 or a 999 is its guess, and the stats have no
        // class for it, so it is an upstream that failed to answer: 502, or a
        // stored response under stale-if-error, as for a connection failure.
        if (const unsigned status = upstream_head_.result_int(); status < 100 || status > 599)
            [[unlikely]] {
            upstream_buffer_.clear();
            std::string digits = std::to_string(status); // as sent: three digits
            digits.insert(0, 3 - std::min<std::size_t>(digits.size(), 3), '0');
            std::string detail = "upstream '" + up.name + "' (" + target->url + "): status " +
                                 digits + " is outside HTTP's 100-599";
            co_return co_await answer_upstream_failure(
                *target, up.health, problem_kind::upstream_unavailable, std::move(detail),
                parser.is_done(), client_keep_alive);
        }
        // A body delimited by the close only because chunked is not its last
        // coding ("chunked, gzip"): the upstream broke RFC 9112 §7 and there
        // is no telling where its message ends (nginx refuses it too).
        if (!response->chunked() && !response->content_length() && !head_request) [[unlikely]] {
            if (const char* problem = upstream_framing_problem(upstream_head_)) {
                target->record_failure(up.health);
                worker_stats::add(w_.stats.upstream_errors, 1);
                upstream_buffer_.clear();
                detail_ = "upstream '" + up.name + "' (" + target->url + "): " + problem;
                co_await send_problem(problem_kind::upstream_unavailable, detail_, false);
                co_return exchange_outcome{};
            }
        }
        const auto upstream_latency =
            std::chrono::duration_cast<std::chrono::microseconds>(clock_type::now() - started);
        target->record_success(upstream_latency);
        record_.upstream_latency_us = static_cast<std::uint32_t>(upstream_latency.count());
        if (upstream_head_.result_int() == 101) [[unlikely]]
            co_return co_await switch_protocols(*stream, up);

        // 4. The response, relayed to the client -- or a stored one instead
        //    (a 304 that freshened it, stale-if-error on a 5xx).
        // The cache and deprecation notices edit the head, in Beast's
        // header; a plain relay writes the parsed head on as it arrived.
        // Either way before the relay reads on into upstream_buffer_, whose
        // bytes upstream_head_ views.
        const bool edit_head = cache_.active() || access_.decorates();
        http::response_header<> res;
        if (edit_head)
            upstream_head_.to_header(res);
        response_rewrite rewrite_response;
        rewrite_response.via = w_.shared.via_11;
        rewrite_response.request_id = request_id_;
        bool part = false; // only a range of the body goes to the client
        if (!cache_.active()) {
            rewrite_response.cache_status = cache_status_bypass;
            rewrite_response.strip_targeted = true;
        } else if (const auto action = cache_.on_response_head(res);
                   action == cache_exchange::head_action::relay_part) {
            cache_.make_part_head(res);
            rewrite_response.cache_status = cache_.status_value();
            rewrite_response.strip_targeted = true;
            part = true;
        } else if (action == cache_exchange::head_action::relay) {
            rewrite_response.cache_status = cache_.status_value();
            rewrite_response.strip_targeted = true;
        } else {
            if (response->keep_alive() && response->is_done() && upstream_buffer_.size() == 0 &&
                !w_.shared.stopping.load(std::memory_order_relaxed)) {
                upstream_ = nullptr; // the pool may hand it to another session
                w_.pool.give(*target, std::move(stream), up.max_idle_connections);
            }
            upstream_buffer_.clear();
            co_return co_await serve_from_cache(client_keep_alive && parser.is_done());
        }
        const unsigned status = edit_head ? res.result_int() : upstream_head_.result_int();
        const bool no_body = head_request || status == 204 || status == 304;
        const bool upstream_keep_alive = response->keep_alive();
        bool keep_alive = client_keep_alive && parser.is_done();
        if (edit_head)
            access_.decorate(res); // deprecation headers (deprecated APIs only)
        bool chunked = !no_body && response->chunked();
        if (!no_body && !response->content_length() && !chunked) {
            // Delimited by the upstream closing: chunk it for HTTP/1.1
            // clients, close after it for HTTP/1.0 ones.
            if (client_version >= 11)
                chunked = true;
            else
                keep_alive = false;
        } else if (chunked && client_version < 11) {
            chunked = false;
            keep_alive = false;
        }
        rewrite_response.chunked = chunked;
        rewrite_response.keep_alive = keep_alive;
        count_response(status);

        if (edit_head)
            serialize_forwarded_response(res, rewrite_response, head_);
        else
            serialize_forwarded_response(upstream_head_, rewrite_response, head_);
        if (part && cache_.part_unsatisfiable()) {
            // The 416 a hit answers, while the upstream's body goes by unsent
            // (stored when it can be): the answer is all of the "head".
            const auto problem = range_not_satisfiable(cache_.part_of(), keep_alive);
            head_.clear();
            serialize_head(problem.base(), head_);
            head_ += problem.body();
        }
        relay_result relayed;
        if (no_body || response->is_done())
            cache_.complete(); // no body, or an empty one: store before the head goes out
        if (no_body) {
            auto [write_ec, n] =
                co_await write_message(client_, head_, {}, false, options.client_send_timeout);
            relayed.ec = write_ec;
            relayed.bytes_written = n;
            relayed.side = write_ec ? relay_result::failed_writing : relay_result::done;
        } else if (part) {
            // A body being stored is read to its end (the client's part
            // leaves as it goes by); any other is not read past the part, and
            // its connection, with the rest unread, is not reused.
            relayed = co_await relay_part(
                *stream, upstream_buffer_, *response, client_, head_, cache_.part().first,
                cache_.part().length, cache_.capturing(),
                [&] { stream->expires_after(remaining(up.read_timeout)); },
                options.client_send_timeout,
                [this](const char* data, std::size_t n, bool last) {
                    cache_.capture(data, n);
                    if (last)
                        cache_.complete();
                });
        } else {
            relayed = co_await relay_body(
                *stream, upstream_buffer_, *response, client_, head_, chunked,
                [&] { stream->expires_after(remaining(up.read_timeout)); },
                options.client_send_timeout,
                [this](const char* data, std::size_t n, bool last) {
                    cache_.capture(data, n);
                    // Stored before the last piece goes out: a client that
                    // has the whole response finds it in the cache.
                    if (last)
                        cache_.complete();
                });
        }
        add_out(relayed.bytes_written);
        if (relayed.side != relay_result::done) {
            record_.error = relayed.side == relay_result::failed_reading
                                ? call_error::upstream_aborted
                                : call_error::client_aborted;
            if (relayed.side == relay_result::failed_reading) {
                target->record_failure(up.health);
                worker_stats::add(w_.stats.upstream_errors, 1);
            }
            upstream_buffer_.clear();
            // The client saw a truncated response.
            co_return exchange_outcome{.keep_alive = false, .cut = true};
        }
        if (upstream_keep_alive && response->is_done() && upstream_buffer_.size() == 0 &&
            !w_.shared.stopping.load(std::memory_order_relaxed)) {
            upstream_ = nullptr; // the pool may hand it to another session
            w_.pool.give(*target, std::move(stream), up.max_idle_connections);
        }
        upstream_buffer_.clear();
        co_return exchange_outcome{keep_alive && !closing_};
    }
}

} // namespace detail

void start_session(worker& w, worker_socket socket)
{
    auto session = std::make_shared<detail::client_session>(w, std::move(socket));
    // Expected failures arrive as error codes; anything thrown is unexpected
    // (allocation failure, a bug) and ends only this connection.
    asio::co_spawn(
        w.ioc, [session]() { return session->run(); }, [](std::exception_ptr) {});
}

} // namespace gatehouse::gateway
