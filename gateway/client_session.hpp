// SPDX-FileCopyrightText: Gatehouse contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once
// Private to the data plane: the client connection, shared by session.cpp
// (reading, routing, forwarding) and session_cache.cpp (the cache's part).

#include "gateway/access/access_gate.hpp"
#include "gateway/cache_flow.hpp"
#include "gateway/call_record.hpp"
#include "gateway/deadline_stream.hpp"
#include "gateway/problem.hpp"
#include "gateway/request_head_parser.hpp"
#include "gateway/response_head.hpp"
#include "gateway/worker.hpp"
#include "gateway/worker_io.hpp"

#include <boost/asio/as_tuple.hpp>
#include <boost/asio/awaitable.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/http/buffer_body.hpp>
#include <boost/beast/http/parser.hpp>

#include <chrono>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

namespace gatehouse::gateway::detail {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;
using tcp = asio::ip::tcp;
using clock_type = std::chrono::steady_clock;

inline constexpr auto nothrow = worker_nothrow;
inline constexpr std::size_t relay_buffer_size = 16 * 1024;

// What happened to one request, for counters and the connection's fate.
struct exchange_outcome {
    bool keep_alive = false;
    // The response went out incomplete (its upstream failed mid-body): the
    // connection ends without a TLS close_notify, whose absence is how a
    // client reading to the close learns that it was cut.
    bool cut = false;
};

class client_session final : public stoppable_session,
                             public std::enable_shared_from_this<client_session> {
public:
    client_session(worker& w, worker_socket socket)
        : w_(w)
        , client_(std::move(socket))
    {
        boost::system::error_code ec;
        const auto remote = client_.socket().remote_endpoint(ec);
        if (!ec) {
            client_ip_ = remote.address().to_string();
            // Once per connection: the peer does not change.
            peer_trusted_ = !w_.shared.options.trusted_proxies.empty() &&
                            w_.shared.options.trusted_proxies.contains(remote.address());
        }
        client_.socket().set_option(tcp::no_delay(true), ec);
        w_.sessions.push_back(*this);
        worker_stats::add(w_.stats.active_connections, 1);
        worker_stats::add(w_.stats.accepted_connections, 1);
    }

    ~client_session() override
    {
        w_.stats.active_connections.store(
            w_.stats.active_connections.load(std::memory_order_relaxed) - 1,
            std::memory_order_relaxed);
    }

    worker_task<void> run();

    void request_stop() override
    {
        closing_ = true;
        if (idle_) {
            boost::system::error_code ec;
            client_.socket().cancel(ec);
        }
    }

    void force_stop() override
    {
        closing_ = true;
        stopped_ = true;
        if (lookup_timer_)
            lookup_timer_->cancel();
        boost::system::error_code ec;
        client_.socket().shutdown(tcp::socket::shutdown_both, ec);
        client_.socket().close(ec);
        if (upstream_) {
            upstream_->socket().shutdown(tcp::socket::shutdown_both, ec);
            upstream_->socket().close(ec);
        }
    }

private:
    using request_parser = request_head_parser;

    worker_task<bool> wait_for_request();
    // The PROXY protocol header a load balancer starts the connection with
    // (gateway_options::proxy_protocol); false: none, a broken one, or the
    // connection ended or timed out first.
    worker_task<bool> read_proxy_header();
    worker_task<void> send_problem(problem_kind kind, std::string_view detail, bool keep_alive,
                                   std::string_view allow = {});
    // A response of the gateway's own: a problem, or an answer as the
    // request's final recipient. Only its head to a HEAD.
    worker_task<void> send_answer(http::response<http::string_body>& res);
    worker_task<exchange_outcome> handle(request_parser& parser);
    // From a trusted proxy: the client's scheme and address as it reports
    // them (X-Forwarded-Proto, X-Forwarded-For), into scheme_ and the call
    // record.
    void believe_forwarding_fields(const http::request_header<>& req);
    // After the upstream's 101 to a WebSocket handshake: the 101 on to the
    // client, then the two connections as one tunnel until it ends.
    worker_task<exchange_outcome> switch_protocols(worker_stream& upstream,
                                                   const upstream_config& up);
    // The cache's part of handle() (session_cache.cpp): an outcome when the
    // cache answered or the exchange ended, nullopt to go upstream.
    worker_task<std::optional<exchange_outcome>>
    consult_cache(request_parser& parser, const std::shared_ptr<const runtime_config>& config,
                  const route_match& match, std::string_view authority, std::string_view query,
                  bool& keep_alive);
    // Reads the whole (Content-Length delimited) body into `out`; false
    // after answering a failure (or when the client went away).
    worker_task<bool> read_request_body(request_parser& parser, std::string& out);
    // The stored response cache_ chose, instead of going upstream.
    worker_task<exchange_outcome> serve_from_cache(bool keep_alive);
    // A problem the cache answers itself (only-if-cached, a range past the
    // end), with its Cache-Status and Via as on its other answers.
    http::response<http::string_body> cache_problem(problem_kind kind, std::string_view detail,
                                                    bool keep_alive) const;
    // The 416 for a range past the end of `length` bytes, from a hit or a
    // miss alike (RFC 9110 §15.5.17): problem+json, the length in
    // Content-Range, not to be stored (it answers one client's Range).
    http::response<http::string_body> range_not_satisfiable(std::uint64_t length,
                                                            bool keep_alive) const;
    // The upstream did not answer (nothing, too late, or not HTTP): counted
    // against `target` and in the stats; then a stored response under
    // stale-if-error once the request is read whole (`request_read`), else
    // the problem `kind` saying `detail`.
    worker_task<exchange_outcome> answer_upstream_failure(target_state& target,
                                                          const health_check_config& health,
                                                          problem_kind kind, std::string detail,
                                                          bool request_read,
                                                          bool client_keep_alive);
    // Waits, until `until`, for the first lookup of the host name of target
    // `url` of upstream `upstream` to answer (target_state::lookup_pending):
    // the target as the configuration that has the answer knows it (that
    // configuration is kept in `holder`), resolved or not; null when no
    // answer came in time, the target left the configuration, or the
    // connection is being stopped.
    worker_task<target_state*> await_lookup(std::string_view upstream, std::string_view url,
                                            clock_type::time_point until,
                                            std::shared_ptr<const runtime_config>& holder);
    worker_task<exchange_outcome> forward(request_parser& parser, const runtime_config& config,
                                          std::size_t route_index, std::string_view path,
                                          std::string_view query, std::size_t matched_bytes,
                                          std::string_view target_authority,
                                          bool client_keep_alive);
    // Into target_, reusing its storage.
    void build_upstream_target(const route_config& route, const target_state& target,
                               std::string_view path, std::string_view query,
                               std::size_t matched_bytes);
    // The start of `path` the route takes off before forwarding (stripped,
    // or replaced by its rewrite_prefix), without a trailing slash: what
    // the upstream must put before its own paths in links for the client
    // (X-Forwarded-Prefix, as Kong and Traefik send it). Empty when the
    // upstream sees the client's path.
    static std::string_view removed_prefix(const route_config& route, std::string_view path,
                                           std::size_t matched_bytes);
    // Writes an interim (1xx) response on to the client; false when the
    // client went away.
    worker_task<bool> relay_interim(const response_head& interim);
    void count_response(unsigned status);
    void add_in(std::size_t n)
    {
        worker_stats::add(w_.stats.bytes_in, n);
        record_.bytes_in += n;
    }
    void add_out(std::size_t n)
    {
        worker_stats::add(w_.stats.bytes_out, n);
        record_.bytes_out += n;
    }
    void begin_record();
    void commit_record();
    // Turns a failed read of the client's request into the problem to answer
    // with (in problem_ and detail_); false when the client just went away.
    bool describe_read_error(const boost::system::error_code& ec, std::string_view part);
    worker_task<void> linger();

    // A deadline for reading the client's request head or body: it cancels
    // the read (deadline_stream) instead of closing, so a 408 can be sent.
    void arm_client_timer(std::chrono::milliseconds timeout) { client_.expires_after(timeout); }
    void disarm_client_timer() { client_.expires_never(); }
    char* relay_buffer()
    {
        if (!relay_buffer_)
            relay_buffer_ = std::make_unique<char[]>(relay_buffer_size);
        return relay_buffer_.get();
    }

    worker& w_;
    // The listener's TLS context this connection was accepted with: a
    // reload may replace the listener's while the connection lives.
    std::shared_ptr<boost::asio::ssl::context> tls_context_;
    worker_stream client_;
    beast::flat_buffer buffer_;
    beast::flat_buffer upstream_buffer_; // lent by w_.read_buffers for one exchange
    response_head upstream_head_;        // of the exchange in flight; views upstream_buffer_
    worker_stream* upstream_ = nullptr;  // while an exchange is in flight
    bool linger_ = false;
    // The request in hand is a HEAD: the answers the gateway makes itself
    // carry no content (RFC 9110 §9.3.2), which on a kept-alive connection
    // would otherwise be read as the start of the next response.
    bool head_request_ = false;
    std::unique_ptr<char[]> relay_buffer_;
    access::access_gate access_;
    std::string client_ip_;
    // The peer is a trusted proxy (gateway_options::trusted_proxies).
    bool peer_trusted_ = false;
    // The host a trusted peer reports it was asked for (X-Forwarded-Host),
    // in the request in hand; empty otherwise. A copy: a cached route drops
    // the field from the request before it is forwarded (cache_flow.cpp).
    std::string forwarded_host_;
    std::vector<std::string_view> forwarded_for_lines_; // reused
    // The client's scheme for the request in hand, "http" or "https"
    // (static): the connection's, or what a trusted proxy reports.
    std::string_view scheme_ = "http";
    std::string request_id_;
    std::string target_;
    std::string path_;
    // The Max-Forwards to send upstream (an OPTIONS or TRACE); < 0: none to
    // change.
    int max_forwards_ = -1;
    // The request in hand expects 100-continue (handle() answers any other
    // expectation with 417 before forward() reads this).
    bool expects_continue_ = false;
    // The request in hand is a WebSocket opening handshake.
    bool websocket_ = false;
    std::string head_; // the message head being written (serialize_head)
    // Built before a co_await, never inside one: GCC 12 can destroy a
    // temporary in a co_await expression twice.
    std::string detail_;
    problem_kind problem_ = problem_kind::bad_request;
    cache_exchange cache_;
    call_record record_;
    clock_type::time_point record_started_;
    // When a WebSocket's tunnel opened (the call's end as far as latency
    // goes); the epoch otherwise.
    clock_type::time_point tunnel_opened_{};
    bool record_open_ = false;
    bool idle_ = true;
    bool closing_ = false;
    bool stopped_ = false;                              // force_stop()
    boost::asio::steady_timer* lookup_timer_ = nullptr; // while in await_lookup()
};

} // namespace gatehouse::gateway::detail
