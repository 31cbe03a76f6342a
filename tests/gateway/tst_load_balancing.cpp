// SPDX-FileCopyrightText: Gatehouse contributors
// SPDX-License-Identifier: Apache-2.0
#include "gateway/gateway_server.hpp"

#include "gateway_fixture.h"
#include "tests/support/test_http.h"

#include <QtTest/QTest>

#include <array>
#include <atomic>
#include <thread>

using namespace gatehouse;
using namespace gatehouse::test;
using namespace std::chrono_literals;

// Balancing across several real origins, counted at the origins themselves.
class TestLoadBalancing : public QObject {
    Q_OBJECT

private:
    std::array<gateway::demo_origin, 3> m_origins;

    std::array<std::uint64_t, 3> counts() const
    {
        return {m_origins[0].requests(), m_origins[1].requests(), m_origins[2].requests()};
    }

    // A gateway in front of `config`, started on an ephemeral port.
    static std::unique_ptr<gateway::gateway_server>
    gatewayFor(const gateway::config_snapshot& config)
    {
        auto gw = std::make_unique<gateway::gateway_server>();
        if (!gw->apply(config).empty() || !gw->start(test_options()).empty())
            return nullptr;
        return gw;
    }

    static gateway::config_snapshot oneUpstream(gateway::upstream_config up)
    {
        gateway::config_snapshot config;
        config.upstreams.push_back(std::move(up));
        config.routes.push_back(make_route("all", "/", config.upstreams.front().name));
        return config;
    }

    static const gateway::target_health* healthOf(const gateway::stats_snapshot& stats,
                                                  std::uint16_t port)
    {
        for (const auto& t : stats.targets)
            if (t.url == origin_url(port))
                return &t;
        return nullptr;
    }

private slots:
    void initTestCase()
    {
        for (auto& origin : m_origins)
            QCOMPARE(QString::fromStdString(origin.start()), QString());
    }

    void cleanup()
    {
        for (auto& origin : m_origins)
            origin.set_latency(0ms);
    }

    void roundRobin()
    {
        auto gw = gatewayFor(oneUpstream(
            make_upstream("rr", {m_origins[0].port(), m_origins[1].port(), m_origins[2].port()})));
        QVERIFY(gw);
        const auto before = counts();
        for (int i = 0; i < 30; ++i)
            QCOMPARE(http_request(gw->port(), "GET", "/health").status, 200);
        const auto after = counts();
        for (int i = 0; i < 3; ++i)
            QCOMPARE(after[i] - before[i], std::uint64_t(10));
    }

    void weighted()
    {
        auto up = make_upstream("weighted", {m_origins[0].port(), m_origins[1].port()});
        up.policy = gateway::balance_policy::weighted;
        up.targets[0].weight = 3;
        up.targets[1].weight = 1;
        auto gw = gatewayFor(oneUpstream(up));
        QVERIFY(gw);
        const auto before = counts();
        for (int i = 0; i < 40; ++i)
            QCOMPARE(http_request(gw->port(), "GET", "/health").status, 200);
        const auto after = counts();
        QCOMPARE(after[0] - before[0], std::uint64_t(30));
        QCOMPARE(after[1] - before[1], std::uint64_t(10));
    }

    void leastConnections()
    {
        // Origin 0 is slow, so its connections stay busy: least-connections
        // sends most of the traffic to origin 1, where round-robin would split
        // it evenly.
        auto up = make_upstream("lc", {m_origins[0].port(), m_origins[1].port()});
        up.policy = gateway::balance_policy::least_connections;
        auto gw = gatewayFor(oneUpstream(up));
        QVERIFY(gw);
        m_origins[0].set_latency(200ms);
        const auto before = counts();
        std::atomic<int> failures{0};
        std::vector<std::thread> clients;
        for (int c = 0; c < 4; ++c) {
            clients.emplace_back([&, port = gw->port()] {
                http_connection conn;
                if (!conn.connect(port)) {
                    ++failures;
                    return;
                }
                for (int i = 0; i < 15; ++i) {
                    if (!conn.send("GET", "/health") || conn.read().status != 200)
                        ++failures;
                }
            });
        }
        for (auto& t : clients)
            t.join();
        QCOMPARE(failures.load(), 0);
        const auto after = counts();
        const auto slow = after[0] - before[0];
        const auto fast = after[1] - before[1];
        QCOMPARE(slow + fast, std::uint64_t(60));
        QVERIFY2(fast > 3 * slow,
                 qPrintable(QStringLiteral("slow %1, fast %2").arg(slow).arg(fast)));
    }

    void failoverWhenATargetIsDown()
    {
        const auto dead = unused_port();
        auto up = make_upstream("failover", {dead, m_origins[2].port()});
        up.health.max_failures = 3;
        up.health.cooldown = 30s;
        auto gw = gatewayFor(oneUpstream(up));
        QVERIFY(gw);
        for (int i = 0; i < 20; ++i)
            QCOMPARE(http_request(gw->port(), "GET", "/health").status, 200);
        // After three connect failures the dead target is ejected (passive
        // health), so later requests no longer try it first.
        const auto stats = gw->stats();
        const auto* deadHealth = healthOf(stats, dead);
        QVERIFY(deadHealth);
        QVERIFY(!deadHealth->healthy);
        QCOMPARE(deadHealth->failures, std::uint64_t(3));
        QVERIFY(healthOf(stats, m_origins[2].port())->healthy);
    }

    void nonIdempotentFailover()
    {
        // Connecting failed, so nothing was sent: a POST may go elsewhere too.
        const auto dead = unused_port();
        auto gw = gatewayFor(oneUpstream(make_upstream("post", {dead, m_origins[2].port()})));
        QVERIFY(gw);
        for (int i = 0; i < 4; ++i)
            QCOMPARE(http_request(gw->port(), "POST", "/echo", {}, "payload").status, 200);
    }

    void activeHealthChecks()
    {
        gateway::demo_origin flaky;
        QCOMPARE(QString::fromStdString(flaky.start()), QString());
        const auto flakyPort = flaky.port();
        auto up = make_upstream("checked", {m_origins[0].port(), flakyPort});
        up.health.active = true;
        up.health.path = "/health";
        up.health.interval = 100ms;
        up.health.timeout = 300ms;
        auto gw = gatewayFor(oneUpstream(up));
        QVERIFY(gw);
        QTRY_VERIFY_WITH_TIMEOUT(healthOf(gw->stats(), flakyPort)->healthy, 3000);

        flaky.stop();
        QTRY_VERIFY_WITH_TIMEOUT(!healthOf(gw->stats(), flakyPort)->healthy, 3000);
        // With the target marked down, no request even tries it.
        const auto errorsBefore = gw->stats().upstream_errors;
        for (int i = 0; i < 10; ++i)
            QCOMPARE(http_request(gw->port(), "GET", "/health").status, 200);
        QCOMPARE(gw->stats().upstream_errors, errorsBefore);

        // Back up on the same port: re-admitted by the next check.
        QCOMPARE(QString::fromStdString(flaky.start("127.0.0.1", flakyPort)), QString());
        QTRY_VERIFY_WITH_TIMEOUT(healthOf(gw->stats(), flakyPort)->healthy, 3000);
        const auto served = flaky.requests();
        for (int i = 0; i < 10; ++i)
            QCOMPARE(http_request(gw->port(), "GET", "/echo").status, 200);
        QVERIFY(flaky.requests() > served);
    }
};

QTEST_APPLESS_MAIN(TestLoadBalancing)
#include "tst_load_balancing.moc"
