// SPDX-FileCopyrightText: Gatehouse contributors
// SPDX-License-Identifier: Apache-2.0
#include "gateway/cache_refresh.hpp"
#include "gateway/deadline_stream.hpp"
#include "gateway/worker_io.hpp"

#include "gateway/cache/cache_store.hpp"
#include "gateway/cache/conditional.hpp"
#include "gateway/forwarding.hpp"
#include "gateway/http_util.hpp"
#include "gateway/upstream_tls.hpp"
#include "gateway/worker.hpp"

#include <boost/asio/as_tuple.hpp>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/http/empty_body.hpp>
#include <boost/beast/http/parser.hpp>
#include <boost/beast/http/read.hpp>
#include <boost/beast/http/string_body.hpp>
#include <boost/beast/http/write.hpp>

#include <chrono>
#include <optional>

namespace gatehouse::gateway {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;
namespace c = cache;

namespace {

constexpr auto nothrow = worker_nothrow;

http::request<http::empty_body> make_refresh_request(const refresh_job& job, std::string_view via)
{
    http::request<http::empty_body> req{http::verb::get, job.upstream_target, 11};
    for (const auto& f : job.request_fields)
        req.insert(f.name_string(), f.value());
    remove_hop_by_hop(req);
    for (auto name :
         {http::field::content_length, http::field::transfer_encoding, http::field::if_none_match,
          http::field::if_modified_since, http::field::if_match, http::field::if_unmodified_since,
          http::field::if_range, http::field::range, http::field::expect})
        req.erase(name);
    const auto validators = c::make_revalidation_headers(*job.entry);
    if (validators.if_none_match)
        req.set(http::field::if_none_match, *validators.if_none_match);
    if (validators.if_modified_since)
        req.set(http::field::if_modified_since, *validators.if_modified_since);
    const auto& route = job.config->snapshot.routes[job.route_index];
    // As the request it refreshes for went: an upstream builds links from it.
    req.set("X-Forwarded-Proto", job.scheme);
    if (!job.authority.empty())
        req.set("X-Forwarded-Host", job.authority);
    if (!job.removed_prefix.empty())
        req.set("X-Forwarded-Prefix", job.removed_prefix);
    req.set(http::field::host, route.preserve_host ? std::string_view(job.preserved_host)
                                                   : std::string_view(job.target->host_header));
    append_to_list(req, "Via", via);
    req.keep_alive(true);
    return req;
}

// Linked into the worker's session list while it runs, so that stopping
// the gateway closes its upstream connection instead of waiting it out.
struct refresh_link final : stoppable_session {
    worker_stream* stream = nullptr;
    void request_stop() override {}
    void force_stop() override
    {
        if (!stream)
            return;
        boost::system::error_code ignored;
        stream->socket().close(ignored);
    }
};

worker_task<void> run_refresh(worker& w, std::shared_ptr<refresh_job> job)
{
    refresh_link link;
    w.sessions.push_back(link);
    const upstream_runtime& upstream = *job->config->route_upstream[job->route_index];
    const auto& up = upstream.config;
    const route_cache& rc = job->config->route_caches[job->route_index];
    auto& store = *job->config->cache;
    target_state& target = *job->target;

    std::unique_ptr<worker_stream> stream;
    bool reused = false;
    if ((stream = w.pool.take(target.id, std::chrono::seconds(30), false))) {
        link.stream = stream.get();
        reused = true;
    }
    // One retry: a pooled connection may have been closed by the upstream.
    for (int attempt = 0; attempt < 2; ++attempt) {
        if (w.shared.stopping.load(std::memory_order_relaxed))
            co_return;
        if (!stream) {
            stream = std::make_unique<worker_stream>(w.ioc);
            link.stream = stream.get();
            stream->expires_after(up.connect_timeout);
            const target_connection connected = co_await connect_target(*stream, target, upstream);
            if (connected.ec)
                co_return; // the ticket's destructor releases any waiters
            reused = false;
        }
        auto req = make_refresh_request(*job, w.shared.via_11);
        const auto request_time = std::chrono::system_clock::now();
        const auto purge_generation = store.purge_generation();
        stream->expires_after(up.read_timeout);
        auto [write_ec, written] = co_await http::async_write(*stream, req, nothrow);
        beast::flat_buffer buffer;
        std::optional<http::response_parser<http::string_body>> parser;
        boost::system::error_code read_ec = write_ec;
        // Interim responses (103 Early Hints) are read past, as the
        // proxy path does: the final response follows on the connection, and
        // left there it would be read as the answer to the next request
        // that takes the connection from the pool. One read timeout for all.
        if (!write_ec) {
            stream->expires_after(up.read_timeout);
            do {
                parser.emplace();
                parser->body_limit(std::min(rc.policy->max_object_bytes, store.max_object_bytes()));
                auto [ec, n] = co_await http::async_read(*stream, buffer, *parser, nothrow);
                read_ec = ec;
            } while (!read_ec && is_interim_status(parser->get().result_int()));
        }
        if (read_ec) {
            link.stream = nullptr;
            stream.reset();
            if (reused)
                continue;
            co_return;
        }
        const auto response_time = std::chrono::system_clock::now();
        auto& res = parser->get();
        const unsigned status = res.result_int();
        link.stream = nullptr;
        // Not after an unasked 101 (the connection speaks something else
        // now) or a status outside HTTP's.
        if (res.keep_alive() && buffer.size() == 0 && status >= 200 && status <= 599 &&
            !w.shared.stopping.load(std::memory_order_relaxed))
            w.pool.give(target, std::move(stream), up.max_idle_connections);

        auto fields = c::to_header_list(res.base());
        if (status == 304 && c::not_modified_selects(*job->entry, fields)) {
            auto fresh = c::freshen_with_304(*job->entry, fields, request_time, response_time,
                                             purge_generation, *rc.policy);
            store.insert(fresh);
            store.count(rc.stats, c::cache_counter::revalidated_304);
            job->ticket.publish(std::move(fresh));
            co_return;
        }
        const auto view = c::make_response_view(fields, status);
        c::request_view request;
        request.has_authorization = job->request_fields.count(http::field::authorization) != 0;
        const auto decision = c::decide_storable(request, view, *rc.policy);
        if (!decision) {
            job->ticket.release_uncacheable();
            co_return;
        }
        store.count(rc.stats, c::cache_counter::revalidated_200);
        std::erase_if(fields, [](const c::header_field& h) {
            return beast::iequals(h.name, "X-Request-Id");
        });
        c::entry_inputs in;
        in.status = status;
        in.headers = std::move(fields);
        in.body = std::move(res.body());
        in.request_time = request_time;
        in.response_time = response_time;
        in.purge_generation = purge_generation;
        in.key = &job->key;
        in.api_id = job->api_key;
        in.request_headers = c::make_header_lookup(job->request_fields);
        in.policy = rc.policy;
        in.strip_set_cookie = decision.strip_set_cookie;
        auto entry = c::make_cached_response(std::move(in));
        const auto result = store.insert(entry);
        if (result == c::insert_result::stored || result == c::insert_result::replaced)
            job->ticket.publish(std::move(entry));
        co_return;
    }
}

} // namespace

void start_refresh(worker& w, std::shared_ptr<refresh_job> job)
{
    asio::co_spawn(
        w.ioc, [&w, job = std::move(job)]() mutable { return run_refresh(w, std::move(job)); },
        [](std::exception_ptr) {});
}

} // namespace gatehouse::gateway
