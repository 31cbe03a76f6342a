// SPDX-FileCopyrightText: Gatehouse contributors
// SPDX-License-Identifier: Apache-2.0
#include "gateway/cache/coalescer.hpp"
#include "gateway/worker_io.hpp"

#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/executor_work_guard.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/use_awaitable.hpp>

#include <QtTest/QTest>

#include <atomic>
#include <latch>
#include <thread>

using namespace gatehouse::gateway::cache;
using namespace std::chrono_literals;
namespace asio = boost::asio;
using steady = std::chrono::steady_clock;

namespace {

// N io_contexts, one thread each: the gateway's worker model.
class worker_pool {
public:
    explicit worker_pool(unsigned n)
        : contexts_(n)
    {
        for (auto& ctx : contexts_) {
            guards_.emplace_back(asio::make_work_guard(ctx));
            threads_.emplace_back([&ctx] { ctx.run(); });
        }
    }
    ~worker_pool()
    {
        guards_.clear();
        for (auto& t : threads_)
            t.join();
    }
    asio::io_context& at(std::size_t i) { return contexts_[i % contexts_.size()]; }

private:
    std::vector<asio::io_context> contexts_;
    std::vector<asio::executor_work_guard<asio::io_context::executor_type>> guards_;
    std::vector<std::thread> threads_;
};

cache_key key_of(const char* path)
{
    return make_cache_key({method_class::get, "http", "h", path, {}, {}}, cache_policy{});
}

std::shared_ptr<const cached_response> some_entry()
{
    auto e = std::make_shared<cached_response>();
    e->body = "payload";
    return e;
}

gatehouse::gateway::worker_task<void> sleep_for(steady::duration d)
{
    asio::steady_timer t(co_await asio::this_coro::executor);
    t.expires_after(d);
    auto op = t.async_wait(asio::use_awaitable_t<gatehouse::gateway::worker_executor>{});
    co_await std::move(op);
}

struct tally {
    std::atomic<int> upstream{0};
    std::atomic<int> served{0};
    std::atomic<int> timeouts{0};
    std::atomic<steady::rep> last_wake{0};
};

// One request: the leader "fetches" for `fetch_time`, then finishes as told.
gatehouse::gateway::worker_task<void> request(coalescer& c, const cache_key& key, tally& t,
                                              std::latch& done, steady::duration fetch_time,
                                              bool cacheable, steady::duration follower_timeout)
{
    flight_ticket ticket = c.join(key);
    if (ticket.leader()) {
        t.upstream.fetch_add(1);
        co_await sleep_for(fetch_time);
        if (cacheable)
            ticket.publish(some_entry());
        else
            ticket.release_uncacheable();
    } else {
        const wait_outcome outcome = co_await ticket.wait(follower_timeout);
        t.last_wake.store(std::max(t.last_wake.load(), steady::now().time_since_epoch().count()));
        if (outcome.status == wait_status::stored && outcome.entry)
            t.served.fetch_add(1);
        else
            t.upstream.fetch_add(1);
        if (outcome.status == wait_status::timeout)
            t.timeouts.fetch_add(1);
    }
    done.count_down();
}

} // namespace

class TestCacheCoalescer : public QObject {
    Q_OBJECT

private slots:
    void hundred_misses_one_upstream_request()
    {
        worker_pool pool(4);
        coalescer c;
        tally t;
        std::latch done(100);
        const cache_key key = key_of("/hot");
        for (int i = 0; i < 100; ++i)
            asio::co_spawn(pool.at(i), request(c, key, t, done, 200ms, true, 5s), asio::detached);
        done.wait();
        QCOMPARE(t.upstream.load(), 1);
        QCOMPARE(t.served.load(), 99);
        QCOMPARE(c.in_flight(), std::size_t(0));
    }

    void uncacheable_releases_everyone_at_once()
    {
        worker_pool pool(4);
        coalescer c;
        tally t;
        std::latch done(50);
        const cache_key key = key_of("/private");
        const auto start = steady::now();
        for (int i = 0; i < 50; ++i)
            asio::co_spawn(pool.at(i), request(c, key, t, done, 100ms, false, 10s), asio::detached);
        done.wait();
        const auto last = steady::time_point(steady::duration(t.last_wake.load()));
        const auto elapsed = std::chrono::duration_cast<std::chrono::milliseconds>(last - start);
        qInfo("last waiter released %lld ms after start (leader took 100 ms)",
              static_cast<long long>(elapsed.count()));
        QCOMPARE(t.upstream.load(), 50); // the leader and every waiter went upstream
        QCOMPARE(t.timeouts.load(), 0);
        QVERIFY(elapsed < 400ms); // released on the leader's word, not a poll or timeout
    }

    void bounded_wait()
    {
        worker_pool pool(2);
        coalescer c;
        tally t;
        std::latch done(5);
        const cache_key key = key_of("/slow");
        const auto start = steady::now();
        for (int i = 0; i < 5; ++i)
            asio::co_spawn(pool.at(i), request(c, key, t, done, 600ms, true, 50ms), asio::detached);
        done.wait();
        QCOMPARE(t.timeouts.load(), 4);
        QCOMPARE(t.upstream.load(), 5);
        QVERIFY(steady::now() - start >= 600ms); // the leader still finished
    }

    void abandoned_leader_releases()
    {
        asio::io_context ctx;
        coalescer c;
        const cache_key key = key_of("/gone");
        std::optional<flight_ticket> leader(c.join(key));
        QVERIFY(leader->leader());
        flight_ticket follower = c.join(key);
        QVERIFY(!follower.leader());
        std::optional<wait_outcome> got;
        follower.wait(ctx.get_executor(), 10s, [&](wait_outcome o) { got = o; });
        ctx.poll();
        QVERIFY(!got);
        leader.reset(); // destroyed without publishing: client went away
        ctx.run_for(1s);
        QVERIFY(got);
        QCOMPARE(got->status, wait_status::abandoned);
        QCOMPARE(c.in_flight(), std::size_t(0));
    }

    void finished_flight_starts_afresh()
    {
        asio::io_context ctx;
        coalescer c;
        const cache_key key = key_of("/again");
        flight_ticket a = c.join(key);
        flight_ticket b = c.join(key);
        a.publish(some_entry());
        // A follower that asks after the leader finished gets the result at once.
        std::optional<wait_outcome> got;
        b.wait(ctx.get_executor(), 10s, [&](wait_outcome o) { got = o; });
        ctx.run_for(1s);
        QVERIFY(got && got->status == wait_status::stored && got->entry);
        flight_ticket next = c.join(key);
        QVERIFY(next.leader()); // a new flight, not the finished one
        QVERIFY(c.join(key_of("/other")).leader());
    }

    void stress_many_keys()
    {
        worker_pool pool(4);
        coalescer c(8);
        tally t;
        constexpr int keys = 20, per_key = 25;
        std::latch done(keys * per_key);
        std::vector<cache_key> ks;
        for (int k = 0; k < keys; ++k)
            ks.push_back(key_of(("/k/" + std::to_string(k)).c_str()));
        for (int i = 0; i < per_key; ++i)
            for (int k = 0; k < keys; ++k)
                asio::co_spawn(pool.at(std::size_t(i * keys + k)),
                               request(c, ks[std::size_t(k)], t, done, 100ms, true, 5s),
                               asio::detached);
        done.wait();
        QCOMPARE(t.upstream.load(), keys);
        QCOMPARE(t.served.load(), keys * (per_key - 1));
    }
};

QTEST_APPLESS_MAIN(TestCacheCoalescer)
#include "tst_cache_coalescer.moc"
