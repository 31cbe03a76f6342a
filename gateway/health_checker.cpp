// SPDX-FileCopyrightText: Gatehouse contributors
// SPDX-License-Identifier: Apache-2.0
#include "gateway/health_checker.hpp"

#include "gateway/http_util.hpp"
#include "gateway/upstream_tls.hpp"

#include <boost/asio/as_tuple.hpp>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/http/empty_body.hpp>
#include <boost/beast/http/parser.hpp>
#include <boost/beast/http/read.hpp>
#include <boost/beast/http/string_body.hpp>
#include <boost/beast/http/write.hpp>

#include <optional>

namespace gatehouse::gateway {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;

namespace {

constexpr auto nothrow = worker_nothrow;

// One GET of the health path on a connection of its own (TLS for an https
// target, as requests use), all within the check's timeout.
worker_task<bool> probe(asio::io_context& ioc, const target_state& target,
                        const upstream_runtime& upstream)
{
    const health_check_config& health = upstream.config.health;
    worker_stream stream(ioc);
    stream.expires_after(health.timeout);
    const target_connection connected = co_await connect_target(stream, target, upstream);
    if (connected.ec)
        co_return false;
    http::request<http::empty_body> req{http::verb::get, target.address.base_path + health.path,
                                        11};
    req.set(http::field::host, target.host_header);
    req.set(http::field::user_agent, "gatehouse-health-check");
    req.keep_alive(false);
    auto [write_ec, written] = co_await http::async_write(stream, req, nothrow);
    if (write_ec)
        co_return false;
    beast::flat_buffer buffer;
    std::optional<http::response_parser<http::string_body>> parser;
    unsigned status = 0;
    do { // past interim responses (103 Early Hints) to the final one
        parser.emplace();
        parser->body_limit(64 * 1024);
        auto [read_ec, read] = co_await http::async_read(stream, buffer, *parser, nothrow);
        if (read_ec)
            co_return false;
        status = parser->get().result_int();
    } while (is_interim_status(status));
    co_return status >= 200 && status < 400;
}

} // namespace

health_checker::health_checker() = default;

health_checker::~health_checker()
{
    stop();
}

void health_checker::start()
{
    if (thread_.joinable())
        return;
    ioc_.restart();
    guard_.emplace(ioc_.get_executor());
    thread_ = std::thread([this] { ioc_.run(); });
}

void health_checker::stop()
{
    if (!thread_.joinable())
        return;
    guard_.reset();
    ioc_.stop();
    thread_.join();
}

void health_checker::update(std::shared_ptr<const runtime_config> config)
{
    asio::post(ioc_, [this, config = std::move(config)] {
        const std::uint64_t epoch = ++epoch_;
        for (const auto& upstream : config->upstreams) {
            if (!upstream->config.health.active) {
                for (const auto& target : upstream->targets)
                    target->active_healthy.store(true, std::memory_order_relaxed);
                continue;
            }
            asio::co_spawn(
                ioc_.get_executor(),
                [this, config, up = upstream.get(), epoch]() -> worker_task<void> {
                    worker_timer timer(ioc_.get_executor());
                    while (epoch == epoch_) {
                        for (const auto& target : up->targets) {
                            const bool ok = co_await probe(ioc_, *target, *up);
                            if (epoch != epoch_)
                                co_return;
                            target->active_healthy.store(ok, std::memory_order_relaxed);
                        }
                        timer.expires_after(up->config.health.interval);
                        co_await timer.async_wait(nothrow);
                    }
                },
                asio::detached);
        }
    });
}

} // namespace gatehouse::gateway
