// SPDX-FileCopyrightText: Gatehouse contributors
// SPDX-License-Identifier: Apache-2.0
#include "gateway/client_session.hpp"
#include "gateway/worker_io.hpp"

#include "gateway/cache/cache_store.hpp"
#include "gateway/cache_refresh.hpp"
#include "gateway/file_write.hpp"
#include "gateway/http_util.hpp"
#include "gateway/message_head.hpp"
#include "gateway/relay.hpp"

#include <boost/asio/write.hpp>
#include <boost/beast/http/read.hpp>
#include <boost/beast/http/write.hpp>

namespace gatehouse::gateway::detail {

worker_task<std::optional<exchange_outcome>> client_session::consult_cache(
    request_parser& parser, const std::shared_ptr<const runtime_config>& config,
    const route_match& match, std::string_view authority, std::string_view query, bool& keep_alive)
{
    auto& req = parser.get();
    cache_.reset();
    cache_.set_consumer(access_.application_id());
    if (const route_cache& cached = config->route_caches[match.route_index]; cached.policy) {
        const std::string_view bare_query = query.empty() ? query : query.substr(1);
        const auto length = parser.content_length();
        if (cache_exchange::wants_request_body(
                req, cached, length ? std::optional<std::uint64_t>(*length) : std::nullopt)) {
            if (!co_await read_request_body(parser, cache_.request_body()))
                co_return exchange_outcome{};
            cache_.mark_body_buffered();
            // Nothing left unread: the connection can carry the next request.
            keep_alive = req.keep_alive() && !closing_ &&
                         !w_.shared.stopping.load(std::memory_order_relaxed);
        }
        // Keyed by the URL the client asked for: with the host a trusted
        // proxy in front was asked for, when it says so (the Host it sent
        // is its own business).
        auto step =
            cache_.begin(req, cached, *config->cache, w_.shared.coalescer, scheme_,
                         forwarded_host_.empty() ? authority : std::string_view(forwarded_host_),
                         path_, bare_query);
        if (step == cache_exchange::step::wait) {
            // Bounded: a leader stuck upstream costs its followers at most
            // one upstream timeout before they go themselves.
            const auto bound = config->route_upstream[match.route_index]->config.total_timeout;
            const cache::wait_outcome waited = co_await cache_.ticket().wait(bound);
            step = cache_.after_wait(waited, req);
        }
        if (step == cache_exchange::step::serve) {
            if (auto job = cache_.take_refresh()) {
                const upstream_runtime& upstream = *config->route_upstream[match.route_index];
                if (target_state* target = upstream.select()) {
                    const auto& route = config->snapshot.routes[match.route_index];
                    build_upstream_target(route, *target, path_, query, match.matched_bytes);
                    job->upstream_target = target_;
                    job->removed_prefix = removed_prefix(route, path_, match.matched_bytes);
                    job->preserved_host.assign(authority);
                    job->config = config;
                    job->route_index = match.route_index;
                    job->target = target;
                    start_refresh(w_, std::move(job));
                }
            }
            co_return co_await serve_from_cache(keep_alive);
        }
        if (step == cache_exchange::step::not_cached) {
            auto res = cache_problem(problem_kind::not_cached,
                                     "only-if-cached: no stored response can be used", keep_alive);
            record_.error = call_error::not_cached;
            co_await send_answer(res);
            co_return exchange_outcome{keep_alive};
        }
        cache_.prepare_forward(req);
    }
    co_return std::nullopt;
}

worker_task<bool> client_session::read_request_body(request_parser& parser, std::string& out)
{
    auto& req = parser.get();
    if (!parser.is_done() && req.version() >= 11 && expects_continue_) {
        static constexpr std::string_view continue_line = "HTTP/1.1 100 Continue\r\n\r\n";
        client_.expires_after(w_.shared.options.client_send_timeout);
        auto [ec, n] = co_await asio::async_write(
            client_, asio::buffer(continue_line.data(), continue_line.size()), nothrow);
        if (ec)
            co_return false;
        req.erase(http::field::expect);
    }
    const std::size_t length = static_cast<std::size_t>(parser.content_length().value_or(0));
    out.resize(length);
    std::size_t filled = 0;
    auto& body = parser.get().body();
    while (!parser.is_done()) {
        body.data = out.data() + filled;
        body.size = length - filled;
        arm_client_timer(w_.shared.options.client_body_timeout);
        const std::size_t buffered = buffer_.size();
        auto [ec, n] = co_await http::async_read_some(client_, buffer_, parser, nothrow);
        disarm_client_timer();
        if (n > buffered)
            add_in(n - buffered);
        filled = length - body.size;
        if (ec == http::error::need_buffer)
            ec = {};
        if (ec) {
            if (describe_read_error(ec, "body"))
                co_await send_problem(problem_, detail_, false);
            co_return false;
        }
    }
    out.resize(filled);
    co_return true;
}

http::response<http::string_body>
client_session::cache_problem(problem_kind kind, std::string_view detail, bool keep_alive) const
{
    auto res = make_problem(kind, detail, request_id_, keep_alive);
    res.set("Cache-Status", cache_.status_value()); // as on every answer the cache gives
    res.set(http::field::via, w_.shared.via_11);
    return res;
}

http::response<http::string_body> client_session::range_not_satisfiable(std::uint64_t length,
                                                                        bool keep_alive) const
{
    auto res = cache_problem(problem_kind::range_not_satisfiable,
                             "the range asked for starts past the end of the " +
                                 std::to_string(length) + "-byte response",
                             keep_alive);
    res.set(http::field::content_range, "bytes */" + std::to_string(length));
    return res;
}

worker_task<exchange_outcome> client_session::serve_from_cache(bool keep_alive)
{
    linger_ = !keep_alive;
    if (const auto length = cache_.unsatisfiable_range()) {
        auto res = range_not_satisfiable(*length, keep_alive);
        co_await send_answer(res);
        co_return exchange_outcome{keep_alive};
    }
    // A hit copies the entry's prebuilt head and adds the per-hit fields; a
    // 304 to the client, or a deprecated API's extra fields, take the
    // general way through a Beast header.
    if (access_.decorates() ||
        !cache_.write_stored_head(head_, w_.shared.via_11, request_id_, keep_alive)) {
        http::response_header<> res;
        cache_.make_stored_head(res, w_.shared.via_11, request_id_);
        access_.decorate(res); // deprecation headers on stored answers too
        if (!keep_alive)       // HTTP/1.1: persistent unless it says otherwise
            res.set(http::field::connection, "close");
        serialize_head(res, head_);
    }
    count_response(cache_.stored_status());
    const auto timeout = w_.shared.options.client_send_timeout;
    boost::system::error_code ec;
    std::size_t written = 0;
    // sendfile writes the socket directly: not for a TLS client, which gets
    // the same bytes from the body's read-only mapping.
    const auto file = client_.encrypted() ? std::nullopt : cache_.stored_body_file();
    if (file) {
        std::tie(ec, written) = co_await write_head_and_file(client_, head_, file->fd, file->offset,
                                                             file->length, timeout);
    } else {
        std::tie(ec, written) =
            co_await write_message(client_, head_, cache_.stored_body(), false, timeout);
    }
    add_out(written);
    if (ec) {
        record_.error = call_error::client_aborted;
        co_return exchange_outcome{};
    }
    co_return exchange_outcome{keep_alive && !closing_};
}

} // namespace gatehouse::gateway::detail
