// SPDX-FileCopyrightText: Gatehouse contributors
// SPDX-License-Identifier: Apache-2.0
#include "gateway/load_generator.hpp"

#include "gateway/http_util.hpp"
#include "gateway/load_plan.hpp"

#include <boost/asio/as_tuple.hpp>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/executor_work_guard.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/this_coro.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/asio/write.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/core/tcp_stream.hpp>
#include <boost/beast/http/error.hpp>
#include <boost/beast/http/parser.hpp>
#include <boost/beast/http/read.hpp>
#include <boost/beast/http/string_body.hpp>

#include <algorithm>
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
using clock_type = std::chrono::steady_clock;
using load_detail::load_plan;
using load_detail::now_ns;
using load_detail::thread_counters;

namespace {

constexpr auto nothrow = asio::as_tuple(asio::use_awaitable);
// The longest single timer wait: settings changes, caps and the end of the
// run are noticed within this, even at very low rates.
constexpr auto wait_slice = std::chrono::milliseconds(50);
constexpr auto backoff_min = std::chrono::milliseconds(10);
constexpr auto backoff_max = std::chrono::milliseconds(500);
constexpr std::uint64_t body_limit = 64ull * 1024 * 1024;

bool is_stale_close(const beast::error_code& ec)
{
    return ec == http::error::end_of_stream || ec == asio::error::eof ||
           ec == asio::error::connection_reset || ec == asio::error::broken_pipe;
}

enum class exchange_result { keep_alive, closed, stale, failed, not_connected };

} // namespace

struct load_generator::impl {
    std::mutex lifecycle; // serialises start(), stop() and update()
    std::vector<std::unique_ptr<asio::io_context>> contexts;
    std::vector<asio::executor_work_guard<asio::io_context::executor_type>> guards;
    std::vector<std::thread> threads;
    tcp::endpoint endpoint;
    std::string host_header;
    std::uint64_t max_requests = 0;

    mutable std::mutex plan_mutex; // guards plan, alive and live
    std::shared_ptr<const load_plan> plan;
    std::vector<bool> alive = std::vector<bool>(load_settings::max_concurrency);
    std::size_t live = 0;
    std::atomic<std::uint64_t> generation{0};
    std::atomic<unsigned> concurrency{1};

    std::atomic<bool> running{false};   // started and not yet finished
    std::atomic<bool> finishing{false}; // no new requests
    load_detail::pacer pacer;
    std::atomic<std::uint64_t> issued{0};
    std::atomic<std::int64_t> started_ns{0};
    std::atomic<std::int64_t> finished_ns{0};
    std::array<thread_counters, load_settings::max_threads> counters;

    std::shared_ptr<const load_plan> current_plan(std::uint64_t& gen) const
    {
        std::lock_guard lock(plan_mutex);
        gen = generation.load(std::memory_order_relaxed);
        return plan;
    }

    // Spawns the connections the concurrency asks for. Caller holds plan_mutex.
    void reconcile()
    {
        const unsigned wanted = concurrency.load(std::memory_order_relaxed);
        for (unsigned i = 0; i < wanted; ++i) {
            if (alive[i])
                continue;
            alive[i] = true;
            ++live;
            const std::size_t t = i % contexts.size();
            asio::co_spawn(*contexts[t], run_connection(i, counters[t]),
                           [](const std::exception_ptr&) {});
        }
    }

    void retire(std::size_t index)
    {
        std::lock_guard lock(plan_mutex);
        alive[index] = false;
        if (--live == 0 && finishing.load()) {
            finished_ns.store(now_ns());
            running.store(false);
        }
    }

    // Whether connection `index` goes on; retires it otherwise. The check
    // under the lock pairs with reconcile(), so no index is lost to a race.
    bool keep_connection(std::size_t index)
    {
        if (!finishing.load(std::memory_order_relaxed) &&
            index < concurrency.load(std::memory_order_relaxed))
            return true;
        {
            std::lock_guard lock(plan_mutex);
            if (!finishing.load() && index < concurrency.load())
                return true;
        }
        retire(index);
        return false;
    }

    bool claim_request()
    {
        if (max_requests == 0 || issued.fetch_add(1, std::memory_order_relaxed) < max_requests)
            return true;
        finishing.store(true);
        return false;
    }

    // Waits in slices; false when the wait was cut short because the run is
    // ending or the settings changed (the caller then starts over).
    asio::awaitable<bool> wait_until(asio::steady_timer& timer, clock_type::time_point when,
                                     std::uint64_t gen)
    {
        for (auto now = clock_type::now(); now < when; now = clock_type::now()) {
            timer.expires_at(std::min(when, now + wait_slice));
            co_await timer.async_wait(nothrow);
            if (finishing.load(std::memory_order_relaxed) ||
                generation.load(std::memory_order_relaxed) != gen)
                co_return false;
        }
        co_return true;
    }

    asio::awaitable<exchange_result> exchange(beast::tcp_stream& stream, beast::flat_buffer& buffer,
                                              const std::string& request, const load_plan& p,
                                              bool& counted, thread_counters& c);
    asio::awaitable<void> run_connection(std::size_t index, thread_counters& c);

    // Opens a fresh connection in place of the old one; false (and counted)
    // when that fails.
    asio::awaitable<bool> connect(beast::tcp_stream& stream, beast::flat_buffer& buffer,
                                  const load_plan& p, thread_counters& c)
    {
        beast::error_code ignored;
        stream.socket().close(ignored);
        buffer.clear();
        stream.expires_after(p.timeout);
        auto [ec] = co_await stream.async_connect(endpoint, nothrow);
        if (ec) {
            thread_counters::add(c.connect_errors);
            co_return false;
        }
        stream.socket().set_option(tcp::no_delay(true), ignored);
        thread_counters::add(c.connections);
        co_return true;
    }
    asio::awaitable<void> run_deadline(std::chrono::milliseconds duration)
    {
        asio::steady_timer timer(co_await asio::this_coro::executor, duration);
        co_await timer.async_wait(nothrow);
        finishing.store(true);
    }
    void tear_down();
};

asio::awaitable<exchange_result> load_generator::impl::exchange(beast::tcp_stream& stream,
                                                                beast::flat_buffer& buffer,
                                                                const std::string& request,
                                                                const load_plan& p, bool& counted,
                                                                thread_counters& c)
{
    const auto started = clock_type::now();
    stream.expires_after(p.timeout);
    auto [write_ec, written] = co_await asio::async_write(stream, asio::buffer(request), nothrow);
    if (write_ec)
        co_return is_stale_close(write_ec) ? exchange_result::stale : exchange_result::failed;
    if (!counted)
        thread_counters::add(c.sent);
    counted = true;
    thread_counters::add(c.bytes_sent, written);

    // Past interim responses (103 Early Hints) to the final one, whose
    // status and arrival the run counts.
    std::optional<http::response_parser<http::string_body>> parser;
    boost::system::error_code read_ec;
    bool got_some = false;
    do {
        parser.emplace();
        parser->body_limit(body_limit);
        auto [ec, read] = co_await http::async_read(stream, buffer, *parser, nothrow);
        thread_counters::add(c.bytes_received, read);
        read_ec = ec;
        got_some = got_some || parser->got_some();
    } while (!read_ec && is_interim_status(parser->get().result_int()));
    if (read_ec) {
        if (!got_some && is_stale_close(read_ec))
            co_return exchange_result::stale;
        co_return exchange_result::failed;
    }
    const auto micros = static_cast<std::uint64_t>(
        std::chrono::duration_cast<std::chrono::microseconds>(clock_type::now() - started).count());
    thread_counters::add(c.completed);
    const unsigned cls = parser->get().result_int() / 100;
    thread_counters::add(c.status[cls >= 1 && cls <= 5 ? cls : 0]);
    thread_counters::add(c.latency[latency_buckets::index(micros)]);
    if (micros > c.latency_max.load(std::memory_order_relaxed))
        c.latency_max.store(micros, std::memory_order_relaxed);
    co_return parser->get().keep_alive() ? exchange_result::keep_alive : exchange_result::closed;
}

asio::awaitable<void> load_generator::impl::run_connection(std::size_t index, thread_counters& c)
{
    try {
        auto executor = co_await asio::this_coro::executor;
        beast::tcp_stream stream(executor);
        beast::flat_buffer buffer;
        asio::steady_timer timer(executor);
        std::string request;
        std::uint64_t rng = static_cast<std::uint64_t>(now_ns()) ^ (index * 0x9e3779b97f4a7c15ULL);
        std::uint64_t gen = 0;
        std::shared_ptr<const load_plan> p;
        bool connected = false;
        bool reused = false;
        auto backoff = backoff_min;

        while (keep_connection(index)) {
            if (!p || generation.load(std::memory_order_relaxed) != gen)
                p = current_plan(gen);
            if (!connected) {
                if (!co_await connect(stream, buffer, *p, c)) {
                    co_await wait_until(timer, clock_type::now() + backoff, gen);
                    backoff = std::min(backoff * 2, backoff_max);
                    continue;
                }
                connected = true;
                reused = false;
            }
            if (p->interval.count() > 0 &&
                !co_await wait_until(timer, pacer.claim(p->interval), gen))
                continue;
            if (!claim_request())
                continue;
            p->build_request(rng, request);

            bool counted = false;
            auto result = co_await exchange(stream, buffer, request, *p, counted, c);
            if (result == exchange_result::stale && reused) {
                // The server closed an idle keep-alive connection just as the
                // request went out: send it again once, on a fresh connection.
                result = exchange_result::not_connected;
                if (co_await connect(stream, buffer, *p, c))
                    result = co_await exchange(stream, buffer, request, *p, counted, c);
            }
            if (result == exchange_result::keep_alive) {
                reused = true;
                backoff = backoff_min;
            } else if (result == exchange_result::closed) {
                connected = false;
                backoff = backoff_min;
            } else {
                if (result != exchange_result::not_connected) // counted as such
                    thread_counters::add(c.io_errors);
                connected = false;
                co_await wait_until(timer, clock_type::now() + backoff, gen);
                backoff = std::min(backoff * 2, backoff_max);
            }
        }
        beast::error_code ignored;
        stream.socket().shutdown(tcp::socket::shutdown_both, ignored);
        stream.socket().close(ignored);
    } catch (const std::exception&) {
        // Unexpected (e.g. allocation failure): this connection ends; the
        // next update() spawns it again.
        retire(index);
    }
}

void load_generator::impl::tear_down()
{
    finishing.store(true);
    for (auto& context : contexts)
        context->stop();
    for (auto& thread : threads)
        thread.join();
    threads.clear();
    guards.clear();
    // Pending coroutine frames (sockets, timers) go with their own context.
    for (auto& context : contexts)
        context.reset();
    contexts.clear();
    std::lock_guard lock(plan_mutex);
    std::fill(alive.begin(), alive.end(), false);
    live = 0;
    if (running.exchange(false))
        finished_ns.store(now_ns());
}

load_generator::load_generator()
    : impl_(std::make_unique<impl>())
{
}

load_generator::~load_generator()
{
    stop();
}

std::string load_generator::start(std::uint16_t port, const load_settings& settings)
{
    return start("127.0.0.1", port, settings);
}

std::string load_generator::start(const std::string& address, std::uint16_t port,
                                  const load_settings& settings)
{
    std::lock_guard lock(impl_->lifecycle);
    auto& d = *impl_;
    if (d.running)
        return "already running";
    beast::error_code ec;
    const auto ip = asio::ip::make_address(address, ec);
    if (ec || !ip.is_loopback())
        return "refusing to send load to '" + address +
               "': only a loopback address such as 127.0.0.1 is allowed";
    if (port == 0)
        return "no port to send load to";
    if (auto error = validate(settings); !error.empty())
        return error;
    d.tear_down(); // a run that finished by itself

    d.endpoint = tcp::endpoint(ip, port);
    d.host_header =
        (ip.is_v6() ? "[" + ip.to_string() + "]" : ip.to_string()) + ":" + std::to_string(port);
    d.max_requests = settings.max_requests;
    for (auto& c : d.counters)
        c.reset();
    d.issued = 0;
    d.finishing = false;
    d.started_ns = now_ns();
    d.finished_ns = 0;
    d.pacer.reset();
    for (unsigned i = 0; i < settings.threads; ++i)
        d.contexts.push_back(std::make_unique<asio::io_context>(1));
    d.running = true;
    {
        std::lock_guard plan_lock(d.plan_mutex);
        d.plan = load_detail::make_load_plan(settings, d.host_header, nullptr);
        d.generation.fetch_add(1);
        d.concurrency = settings.concurrency;
        d.reconcile();
    }
    if (settings.duration.count() > 0)
        asio::co_spawn(*d.contexts[0], d.run_deadline(settings.duration),
                       [](const std::exception_ptr&) {});
    for (auto& context : d.contexts) {
        d.guards.push_back(asio::make_work_guard(*context));
        d.threads.emplace_back([c = context.get()] {
            for (;;) {
                try {
                    c->run();
                    return;
                } catch (const std::exception&) {
                    // A handler threw; the other connections go on.
                }
            }
        });
    }
    return {};
}

void load_generator::stop()
{
    std::lock_guard lock(impl_->lifecycle);
    impl_->tear_down();
}

bool load_generator::running() const
{
    return impl_->running.load();
}

std::string load_generator::update(const load_settings& settings)
{
    if (auto error = validate(settings); !error.empty())
        return error;
    std::lock_guard lock(impl_->lifecycle);
    auto& d = *impl_;
    if (d.contexts.empty() || !d.running)
        return {};
    std::lock_guard plan_lock(d.plan_mutex);
    if (settings.rate != d.plan->rate)
        d.pacer.reset(); // neither a backlog nor a gap from the old rate
    d.plan = load_detail::make_load_plan(settings, d.host_header, d.plan.get());
    d.generation.fetch_add(1);
    d.concurrency = settings.concurrency;
    d.reconcile();
    return {};
}

load_stats load_generator::stats() const
{
    const auto& d = *impl_;
    load_stats s = load_detail::sum(d.counters);
    s.running = d.running.load();
    const auto started = d.started_ns.load();
    if (started != 0) {
        const auto finished = d.finished_ns.load();
        const auto end = finished != 0 ? finished : now_ns();
        s.elapsed_seconds = static_cast<double>(std::max<std::int64_t>(0, end - started)) / 1e9;
    }
    if (s.elapsed_seconds > 0)
        s.achieved_rate = static_cast<double>(s.completed) / s.elapsed_seconds;
    return s;
}

std::vector<std::pair<std::string, std::uint64_t>> load_generator::target_counts() const
{
    std::vector<std::pair<std::string, std::uint64_t>> out;
    std::lock_guard lock(impl_->plan_mutex);
    if (!impl_->plan)
        return out;
    for (const auto& set : impl_->plan->sets) {
        for (std::size_t i = 0; i < set.targets.size(); ++i)
            out.emplace_back(set.targets[i], set.counts[i].load(std::memory_order_relaxed));
    }
    return out;
}

} // namespace gatehouse::gateway
