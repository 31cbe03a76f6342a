// SPDX-FileCopyrightText: Gatehouse contributors
// SPDX-License-Identifier: Apache-2.0
#include "gateway/cache/cache_store.hpp"
#include "gateway/gateway_server.hpp"

#include "cache_fixture.h"
#include "gateway_fixture.h"
#include "tests/support/test_http.h"

#include <QtTest/QTest>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

using namespace gatehouse;
using namespace gatehouse::test;
using namespace std::chrono_literals;

// What the console does to a running gateway -- reapplying the catalog,
// resizing the cache, purging, polling statistics and draining call records
// -- happens on other threads while traffic flows. None of it may fail a
// request, and the lock-free counters it reads must lose nothing.
class TestControlUnderLoad : public QObject {
    Q_OBJECT

private:
    gateway::demo_origin m_originA;
    gateway::demo_origin m_originB;

    // A cached route in two shapes: one or two targets, and with or without
    // stale-while-revalidate on top of the origin's own freshness.
    gateway::config_snapshot configFor(int variant)
    {
        gateway::config_snapshot config;
        std::vector<std::uint16_t> ports{m_originA.port()};
        if (variant % 2)
            ports.push_back(m_originB.port());
        config.upstreams.push_back(make_upstream("origin", ports));
        auto policy = enabled_policy();
        if (variant % 3 == 0)
            policy.stale_while_revalidate = std::chrono::seconds(5);
        auto cached = cached_route("cached", "/c", "origin", "/respond", policy);
        cached.api_id = 7;
        config.routes.push_back(std::move(cached));
        config.routes.push_back(make_route("plain", "/", "origin"));
        return config;
    }

    // The client mix: fresh for a second, already stale (served while a
    // background refresh runs), and not cacheable at all.
    static std::string targetFor(int client, int i)
    {
        const std::string tag = "k" + std::to_string((i + client) % 16);
        switch (i % 3) {
        case 0:
            return respond_target("/c", tag, {{"Cache-Control: max-age=1"}});
        case 1:
            return respond_target("/c", tag + "s",
                                  {{"Cache-Control: max-age=0, stale-while-revalidate=5"}});
        default:
            return "/products/" + std::to_string(i % 9);
        }
    }

    struct traffic_result {
        int ok = 0;
        int failed = 0;
        std::string first_failure;
    };

    // Runs `clients` keep-alive clients until `done`, at most `limit`
    // requests each.
    static traffic_result runClients(std::uint16_t port, int clients, int limit,
                                     const std::atomic<bool>& done)
    {
        std::mutex m;
        traffic_result total;
        std::vector<std::thread> threads;
        for (int c = 0; c < clients; ++c) {
            threads.emplace_back([&, c] {
                traffic_result mine;
                http_connection conn;
                bool connected = false;
                for (int i = 0; i < limit && !done.load(); ++i) {
                    if (!connected && !(connected = conn.connect(port))) {
                        ++mine.failed;
                        if (mine.first_failure.empty())
                            mine.first_failure = "connect: " + conn.last_error();
                        continue;
                    }
                    const std::string target = targetFor(c, i);
                    const auto response = conn.send("GET", target) ? conn.read() : http_response{};
                    if (response.status == 200) {
                        ++mine.ok;
                    } else {
                        ++mine.failed;
                        if (mine.first_failure.empty())
                            mine.first_failure = target + ": " + std::to_string(response.status) +
                                                 " " + response.error + " " + response.body;
                    }
                    if (!response.keep_alive)
                        connected = false;
                    if (!connected)
                        conn.close();
                }
                std::lock_guard lock(m);
                total.ok += mine.ok;
                total.failed += mine.failed;
                if (total.first_failure.empty())
                    total.first_failure = mine.first_failure;
            });
        }
        for (auto& t : threads)
            t.join();
        return total;
    }

private slots:
    void initTestCase()
    {
        QCOMPARE(QString::fromStdString(m_originA.start()), QString());
        QCOMPARE(QString::fromStdString(m_originB.start()), QString());
    }

    void cacheControlAndStatsUnderTrafficFailNothing()
    {
        gateway::gateway_server gw;
        QVERIFY(gw.apply(configFor(0)).empty());
        QCOMPARE(QString::fromStdString(gw.start(test_options())), QString());

        std::atomic<bool> done{false};
        std::atomic<int> rounds{0};
        std::atomic<std::uint64_t> drained{0};
        std::atomic<std::uint64_t> most_hits{0};
        std::atomic<std::uint64_t> most_stale{0};
        std::atomic<std::uint64_t> most_stores{0};
        std::atomic<std::size_t> events_seen{0};
        std::atomic<bool> control_error{false};

        std::thread control([&] {
            for (int i = 1; !done.load(); ++i) {
                if (!gw.apply(configFor(i)).empty())
                    control_error = true;
                if (i % 5 == 0 &&
                    !gw.set_cache_options((i % 10 ? 1u : 2u) * 1024 * 1024,
                                          i % 2 ? gateway::cache::eviction_kind::tiny_lfu
                                                : gateway::cache::eviction_kind::lru)
                         .empty())
                    control_error = true;
                gw.purge_cache_prefix("/c");
                gw.purge_cache_api("7");
                if (i % 7 == 0)
                    gw.flush_cache();
                ++rounds;
                std::this_thread::sleep_for(20ms);
            }
        });
        std::thread poller([&] {
            std::vector<gateway::call_record> records;
            for (int i = 0; !done.load(); ++i) {
                (void)gw.stats();
                const auto cache = gw.cache_stats().total;
                most_hits = std::max(most_hits.load(), cache.hits);
                most_stale = std::max(most_stale.load(), cache.stale_served);
                most_stores = std::max(most_stores.load(), cache.stores);
                events_seen = std::max(events_seen.load(), gw.recent_cache_events(50).size());
                (void)gw.apply_warnings();
                records.clear();
                drained += gw.drain_call_records(records, 1000);
                gw.set_call_recording(i % 4 != 0);
                (void)gw.dropped_call_records();
                std::this_thread::sleep_for(2ms);
            }
        });

        // Bounded: two seconds of traffic, and at most 20,000 requests per
        // client on a fast machine.
        std::atomic<bool> traffic_done{false};
        std::thread timer([&] {
            std::this_thread::sleep_for(2s);
            traffic_done = true;
        });
        const traffic_result traffic = runClients(gw.port(), 4, 20000, traffic_done);
        timer.join();
        done = true;
        control.join();
        poller.join();
        gw.stop();

        qInfo("%d requests, %d control rounds, cache: up to %llu hits, %llu stale, %llu stores; "
              "%llu call records drained",
              traffic.ok, rounds.load(), static_cast<unsigned long long>(most_hits.load()),
              static_cast<unsigned long long>(most_stale.load()),
              static_cast<unsigned long long>(most_stores.load()),
              static_cast<unsigned long long>(drained.load()));
        QVERIFY2(traffic.failed == 0, traffic.first_failure.c_str());
        QVERIFY2(traffic.ok > 200, qPrintable(QString::number(traffic.ok)));
        QVERIFY(!control_error.load());
        QVERIFY(rounds.load() >= 10);
        // The cache really worked between the purges: hits, stale serves and
        // stores all happened while it was being reshaped.
        QVERIFY(most_hits.load() > 0);
        QVERIFY(most_stale.load() > 0);
        QVERIFY(most_stores.load() > 0);
        QVERIFY(events_seen.load() > 0);
        QVERIFY(drained.load() > 0);
    }

    void restartsUnderTrafficRecover()
    {
        // The console's Restart while clients keep calling: while the
        // gateway is down a client cannot connect (or, arriving during the
        // drain, is told 503); it never gets another error, never hangs,
        // and is served again once the gateway is back.
        gateway::gateway_server gw;
        QVERIFY(gw.apply(configFor(0)).empty());
        QCOMPARE(QString::fromStdString(gw.start(test_options())), QString());
        std::atomic<std::uint16_t> port{gw.port()};
        std::atomic<bool> done{false};
        std::mutex m;
        int ok = 0, refused = 0, unexpected = 0;
        std::string first_unexpected;
        std::vector<std::thread> clients;
        for (int c = 0; c < 3; ++c) {
            clients.emplace_back([&, c] {
                int mine_ok = 0, mine_refused = 0, mine_unexpected = 0;
                std::string mine_first;
                for (int i = 0; i < 100000 && !done.load(); ++i) {
                    http_connection conn;
                    if (!conn.connect(port.load(), 1s)) {
                        ++mine_refused;
                        std::this_thread::sleep_for(1ms);
                        continue;
                    }
                    // A few requests per connection, then a new one.
                    for (int k = 0; k < 5 && !done.load(); ++k) {
                        const std::string target = targetFor(c, i * 5 + k);
                        const auto response =
                            conn.send("GET", target) ? conn.read(5s) : http_response{};
                        if (response.status == 200) {
                            ++mine_ok;
                        } else if (response.status == 0 || response.status == 503) {
                            ++mine_refused; // closed by the stop, or told so
                            break;
                        } else {
                            ++mine_unexpected;
                            if (mine_first.empty())
                                mine_first = target + ": " + std::to_string(response.status) + " " +
                                             response.body;
                            break;
                        }
                        if (!response.keep_alive)
                            break;
                    }
                }
                std::lock_guard lock(m);
                ok += mine_ok;
                refused += mine_refused;
                unexpected += mine_unexpected;
                if (first_unexpected.empty())
                    first_unexpected = mine_first;
            });
        }
        int served_between = 0;
        for (int cycle = 0; cycle < 6; ++cycle) {
            std::this_thread::sleep_for(150ms);
            gw.stop(std::chrono::milliseconds(cycle % 2 ? 0 : 300));
            QCOMPARE(QString::fromStdString(gw.start(test_options())), QString());
            port = gw.port();
            // Served again after each restart, by a fresh client.
            const auto again = http_request(gw.port(), "GET", "/products/1");
            if (again.status == 200)
                ++served_between;
        }
        std::this_thread::sleep_for(150ms);
        done = true;
        for (auto& t : clients)
            t.join();
        gw.stop();
        qInfo("%d served, %d refused while restarting, over 6 restarts", ok, refused);
        QVERIFY2(unexpected == 0, first_unexpected.c_str());
        QCOMPARE(served_between, 6);
        QVERIFY(ok > 100);
    }

    void countersLoseNothingUnderPolling()
    {
        gateway::gateway_server gw;
        QVERIFY(gw.apply(configFor(1)).empty());
        QCOMPARE(QString::fromStdString(gw.start(test_options())), QString());
        const auto before = gw.stats();

        std::atomic<bool> done{false};
        std::atomic<std::uint64_t> drained{0};
        std::thread poller([&] {
            std::vector<gateway::call_record> records;
            while (!done.load()) {
                (void)gw.stats();
                (void)gw.cache_stats();
                records.clear();
                drained += gw.drain_call_records(records, 1000);
                std::this_thread::sleep_for(1ms);
            }
        });
        const std::atomic<bool> never{false};
        const traffic_result traffic = runClients(gw.port(), 4, 1500, never);
        done = true;
        poller.join();

        QVERIFY2(traffic.failed == 0, traffic.first_failure.c_str());
        QCOMPARE(traffic.ok, 4 * 1500);
        // Every response was counted once, by the worker that sent it. The
        // workers publish their counters with relaxed stores, so the last
        // few may take a moment to show.
        QTRY_COMPARE_WITH_TIMEOUT(gw.stats().requests - before.requests, std::uint64_t(traffic.ok),
                                  2000);
        const auto after = gw.stats();
        QCOMPARE(after.status_classes[2] - before.status_classes[2], std::uint64_t(traffic.ok));
        // And every call left one record: drained, or counted as dropped.
        std::vector<gateway::call_record> rest;
        std::uint64_t total = drained.load();
        QTRY_VERIFY_WITH_TIMEOUT((total += gw.drain_call_records(rest, 100000),
                                  total + gw.dropped_call_records() >= std::uint64_t(traffic.ok)),
                                 2000);
        QCOMPARE(total + gw.dropped_call_records(), std::uint64_t(traffic.ok));
        gw.stop();
    }
};

QTEST_APPLESS_MAIN(TestControlUnderLoad)
#include "tst_control_under_load.moc"
