// SPDX-FileCopyrightText: Gatehouse contributors
// SPDX-License-Identifier: Apache-2.0
#include "gateway/call_record_ring.hpp"

#include "gateway/gateway_server.hpp"
#include "gateway_fixture.h"
#include "tests/support/test_http.h"

#include <QtTest/QTest>

#include <atomic>
#include <map>
#include <thread>

using namespace gatehouse;
using namespace gatehouse::test;
using namespace std::chrono_literals;

// Every call leaves exactly one record, rejected calls included, and a full
// ring drops (and counts) instead of blocking.
class TestCallRecords : public QObject {
    Q_OBJECT

private:
    gateway::demo_origin m_origin;

private slots:
    void initTestCase() { QCOMPARE(QString::fromStdString(m_origin.start()), QString()); }

    void ringDropsWhenFullAndCounts()
    {
        gateway::call_record_ring ring(8);
        QCOMPARE(ring.capacity(), std::size_t(8));
        gateway::call_record r;
        r.status = 200;
        QCOMPARE(ring.push(r), gateway::call_record_ring::push_result::pushed_into_empty);
        for (int i = 1; i < 8; ++i)
            QCOMPARE(ring.push(r), gateway::call_record_ring::push_result::pushed);
        QCOMPARE(ring.push(r), gateway::call_record_ring::push_result::dropped);
        QCOMPARE(ring.push(r), gateway::call_record_ring::push_result::dropped);
        QCOMPARE(ring.dropped(), std::uint64_t(2));
        std::vector<gateway::call_record> out;
        QCOMPARE(ring.drain(out, 3), std::size_t(3));
        QCOMPARE(ring.drain(out, 100), std::size_t(5));
        QCOMPARE(out.size(), std::size_t(8));
        QCOMPARE(ring.push(r), gateway::call_record_ring::push_result::pushed_into_empty);
    }

    void ringAcrossThreadsLosesNothing()
    {
        gateway::call_record_ring ring(1024);
        constexpr std::uint64_t total = 200000;
        std::atomic<bool> done{false};
        std::thread producer([&] {
            gateway::call_record r;
            for (std::uint64_t i = 0; i < total; ++i) {
                r.bytes_in = i;
                while (ring.push(r) == gateway::call_record_ring::push_result::dropped)
                    std::this_thread::yield();
            }
            done = true;
        });
        std::vector<gateway::call_record> out;
        std::uint64_t expected = 0;
        bool ordered = true;
        const auto deadline = std::chrono::steady_clock::now() + 20s;
        while ((!done || out.size() > 0 || expected < total) &&
               std::chrono::steady_clock::now() < deadline) {
            out.clear();
            ring.drain(out, 4096);
            for (const auto& r : out)
                ordered = ordered && r.bytes_in == expected++;
            if (expected == total && done)
                break;
        }
        producer.join();
        QVERIFY(ordered);
        QCOMPARE(expected, total);
    }

    void oneRecordPerCall()
    {
        gateway::config_snapshot config;
        config.upstreams.push_back(make_upstream("origin", {m_origin.port()}));
        config.upstreams.push_back(make_upstream("dead", {unused_port()}));
        auto route = make_route("products", "/products", "origin");
        route.api_id = 42;
        config.routes.push_back(route);
        config.routes.push_back(make_route("dead", "/dead", "dead"));
        gateway::gateway_server gw;
        QVERIFY(gw.apply(config).empty());
        std::atomic<int> notified{0};
        gw.set_call_records_hook([&] { ++notified; });
        QCOMPARE(QString::fromStdString(gw.start(test_options())), QString());

        for (int i = 0; i < 20; ++i)
            QCOMPARE(http_request(gw.port(), "GET", "/products/" + std::to_string(i + 1),
                                  {{"X-Request-Id", "call-" + std::to_string(i)}})
                         .status,
                     200);
        QCOMPARE(http_request(gw.port(), "GET", "/nowhere").status, 404);
        QCOMPARE(http_request(gw.port(), "GET", "/dead/x").status, 502);
        http_connection raw;
        QVERIFY(raw.connect(gw.port()));
        QVERIFY(raw.send_raw("BROKEN\r\n\r\n"));
        QCOMPARE(raw.read().status, 400);

        std::vector<gateway::call_record> records;
        QTRY_VERIFY_WITH_TIMEOUT((gw.drain_call_records(records), records.size() >= 23), 3000);
        QTest::qWait(100);
        gw.drain_call_records(records);
        QCOMPARE(records.size(), std::size_t(23));
        QVERIFY(notified.load() > 0);

        std::map<std::string, const gateway::call_record*> byId;
        int notFound = 0, badGateway = 0, badRequest = 0;
        for (const auto& r : records) {
            byId[std::string(r.request_id.view())] = &r;
            QVERIFY(r.timestamp_us > 1'600'000'000'000'000);
            QCOMPARE(std::string(r.client_address.view()), std::string("127.0.0.1"));
            QVERIFY(r.bytes_in > 0);
            if (r.status == 404) {
                ++notFound;
                QCOMPARE(r.error, gateway::call_error::no_route);
                QCOMPARE(std::string(r.path.view()), std::string("/nowhere"));
            } else if (r.status == 502) {
                ++badGateway;
                QCOMPARE(r.error, gateway::call_error::upstream_unavailable);
                QCOMPARE(std::string(r.route_id.view()), std::string("dead"));
            } else if (r.status == 400) {
                ++badRequest;
                QCOMPARE(r.error, gateway::call_error::bad_request);
            }
        }
        QCOMPARE(notFound, 1);
        QCOMPARE(badGateway, 1);
        QCOMPARE(badRequest, 1);
        for (int i = 0; i < 20; ++i) {
            const auto* r = byId["call-" + std::to_string(i)];
            QVERIFY(r);
            QCOMPARE(r->status, std::uint16_t(200));
            QCOMPARE(r->api_id, std::uint64_t(42));
            QCOMPARE(std::string(r->route_id.view()), std::string("products"));
            QCOMPARE(std::string(r->method.view()), std::string("GET"));
            QCOMPARE(std::string(r->path.view()), "/products/" + std::to_string(i + 1));
            QCOMPARE(std::string(r->upstream.view()), origin_url(m_origin.port()));
            QCOMPARE(r->error, gateway::call_error::none);
            QVERIFY(r->bytes_out > 100);
            QVERIFY(r->total_latency_us >= r->upstream_latency_us);
            QVERIFY(r->upstream_latency_us > 0);
        }
        QCOMPARE(gw.stats().dropped_call_records, std::uint64_t(0));
        gw.set_call_records_hook({});
        gw.stop();
    }

    void stalledConsumerDropsInsteadOfBlocking()
    {
        gateway::config_snapshot config;
        config.upstreams.push_back(make_upstream("origin", {m_origin.port()}));
        config.routes.push_back(make_route("all", "/", "origin"));
        gateway::gateway_server gw;
        QVERIFY(gw.apply(config).empty());
        auto options = test_options();
        options.threads = 1;
        QCOMPARE(QString::fromStdString(gw.start(options)), QString());
        // Nobody drains: after the ring's capacity, records are dropped and
        // counted while every request still succeeds.
        const std::size_t extra = 50;
        const std::size_t total = gateway::gateway_server::call_ring_capacity + extra;
        http_connection c;
        QVERIFY(c.connect(gw.port()));
        std::string batch;
        for (int i = 0; i < 100; ++i)
            batch += "GET /health HTTP/1.1\r\nHost: a\r\n\r\n";
        std::size_t sent = 0;
        int failures = 0;
        while (sent < total) {
            const std::size_t n = std::min<std::size_t>(100, total - sent);
            QVERIFY(c.send_raw(n == 100 ? batch : batch.substr(0, batch.size() / 100 * n)));
            for (std::size_t i = 0; i < n; ++i)
                failures += c.read().status == 200 ? 0 : 1;
            sent += n;
        }
        QCOMPARE(failures, 0);
        QTRY_COMPARE_WITH_TIMEOUT(gw.stats().dropped_call_records, std::uint64_t(extra), 2000);
        std::vector<gateway::call_record> records;
        gw.drain_call_records(records);
        QCOMPARE(records.size(), gateway::gateway_server::call_ring_capacity);
        gw.stop();
    }

    void recordingCanBeSwitchedOff()
    {
        gateway::config_snapshot config;
        config.upstreams.push_back(make_upstream("origin", {m_origin.port()}));
        config.routes.push_back(make_route("all", "/", "origin"));
        gateway::gateway_server gw;
        QVERIFY(gw.apply(config).empty());
        gw.set_call_recording(false);
        QCOMPARE(QString::fromStdString(gw.start(test_options())), QString());
        QCOMPARE(http_request(gw.port(), "GET", "/health").status, 200);
        QTest::qWait(200); // the record is committed just after the response is sent
        std::vector<gateway::call_record> records;
        QCOMPARE(gw.drain_call_records(records), std::size_t(0));
        gw.set_call_recording(true);
        QCOMPARE(http_request(gw.port(), "GET", "/health").status, 200);
        QTRY_COMPARE_WITH_TIMEOUT((gw.drain_call_records(records), records.size()), std::size_t(1),
                                  2000);
        gw.stop();
    }
};

QTEST_APPLESS_MAIN(TestCallRecords)
#include "tst_call_records.moc"
