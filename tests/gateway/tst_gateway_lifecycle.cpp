// SPDX-FileCopyrightText: Gatehouse contributors
// SPDX-License-Identifier: Apache-2.0
#include "gateway/gateway_server.hpp"

#include "gateway_fixture.h"
#include "tests/support/test_http.h"

#include <QElapsedTimer>
#include <QtTest/QTest>

#include <atomic>
#include <memory>
#include <thread>
#include <vector>

using namespace gatehouse;
using namespace gatehouse::test;
using namespace std::chrono_literals;

// Start, stop, graceful drain and configuration swaps under load.
class TestGatewayLifecycle : public QObject {
    Q_OBJECT

private:
    gateway::demo_origin m_originA;
    gateway::demo_origin m_originB;

    gateway::config_snapshot configFor(std::uint16_t port, const std::string& name)
    {
        gateway::config_snapshot config;
        config.upstreams.push_back(make_upstream(name, {port}));
        config.routes.push_back(make_route("all", "/", name));
        return config;
    }

private slots:
    void initTestCase()
    {
        QCOMPARE(QString::fromStdString(m_originA.start()), QString());
        QCOMPARE(QString::fromStdString(m_originB.start()), QString());
    }

    void portInUse()
    {
        gateway::gateway_server first;
        QCOMPARE(QString::fromStdString(first.start(test_options())), QString());
        auto options = test_options();
        options.port = first.port();
        gateway::gateway_server second;
        const QString error = QString::fromStdString(second.start(options));
        QVERIFY2(error.contains(QStringLiteral("in use")), qPrintable(error));
        QVERIFY(!second.running());
        first.stop();
    }

    void badListenAddress()
    {
        auto options = test_options();
        options.listen_address = "not-an-address";
        gateway::gateway_server gw;
        QVERIFY(!gw.start(options).empty());
    }

    void restart()
    {
        gateway::gateway_server gw;
        QVERIFY(gw.apply(configFor(m_originA.port(), "a")).empty());
        for (int round = 0; round < 3; ++round) {
            QCOMPARE(QString::fromStdString(gw.start(test_options())), QString());
            QCOMPARE(http_request(gw.port(), "GET", "/health").status, 200);
            gw.stop(1s);
            QVERIFY(!gw.running());
            QVERIFY(!http_connection().connect(gw.port(), 500ms));
        }
        QCOMPARE(gw.stats().requests, std::uint64_t(3));
    }

    void connectionsAreServedByEveryWorker()
    {
        // The first worker accepts every connection and hands the others'
        // over as descriptors, which their own threads register: each
        // worker must end up serving its share, every request answered.
        gateway::gateway_server gw;
        QVERIFY(gw.apply(configFor(m_originA.port(), "a")).empty());
        auto options = test_options();
        options.threads = 4;
        QCOMPARE(QString::fromStdString(gw.start(options)), QString());
        constexpr int perWorker = 3;
        std::vector<std::unique_ptr<http_connection>> clients;
        for (int i = 0; i < 4 * perWorker; ++i) {
            clients.push_back(std::make_unique<http_connection>());
            QVERIFY(clients.back()->connect(gw.port()));
        }
        for (int round = 0; round < 2; ++round) // keep-alive: the same worker again
            for (auto& client : clients) {
                QVERIFY(client->send("GET", "/products/42"));
                const http_response response = client->read();
                QCOMPARE(response.status, 200);
                QVERIFY(response.body.find("\"id\":42") != std::string::npos);
            }
        const auto stats = gw.stats();
        QCOMPARE(stats.worker_active_connections,
                 std::vector<std::uint64_t>(4, std::uint64_t(perWorker)));
        QCOMPARE(stats.requests, std::uint64_t(2 * 4 * perWorker));
        clients.clear();
        QTRY_COMPARE(gw.stats().active_connections, std::uint64_t(0));
        gw.stop();
    }

    void gracefulStopFinishesInFlightRequests()
    {
        gateway::gateway_server gw;
        QVERIFY(gw.apply(configFor(m_originA.port(), "a")).empty());
        QCOMPARE(QString::fromStdString(gw.start(test_options())), QString());
        const auto port = gw.port();
        std::atomic<int> ok{0};
        std::vector<std::thread> clients;
        for (int i = 0; i < 6; ++i)
            clients.emplace_back([&] {
                if (http_request(port, "GET", "/respond?delay_ms=600").status == 200)
                    ++ok;
            });
        QTRY_COMPARE_WITH_TIMEOUT(gw.stats().active_connections, std::uint64_t(6), 3000);
        QElapsedTimer timer;
        timer.start();
        gw.stop(5s);
        for (auto& t : clients)
            t.join();
        QCOMPARE(ok.load(), 6);
        QVERIFY(timer.elapsed() < 4000);
        QVERIFY(!http_connection().connect(port, 500ms));
    }

    void stopDeadlineCutsSlowRequests()
    {
        gateway::gateway_server gw;
        QVERIFY(gw.apply(configFor(m_originA.port(), "a")).empty());
        QCOMPARE(QString::fromStdString(gw.start(test_options())), QString());
        const auto port = gw.port();
        http_response result;
        std::thread client([&] { result = http_request(port, "GET", "/respond?delay_ms=5000"); });
        QTRY_COMPARE_WITH_TIMEOUT(gw.stats().active_connections, std::uint64_t(1), 3000);
        QElapsedTimer timer;
        timer.start();
        gw.stop(300ms);
        QVERIFY(timer.elapsed() < 3000);
        client.join();
        QCOMPARE(result.status, 0); // cut off: no response
    }

    void idleConnectionsCloseOnStop()
    {
        gateway::gateway_server gw;
        QVERIFY(gw.apply(configFor(m_originA.port(), "a")).empty());
        QCOMPARE(QString::fromStdString(gw.start(test_options())), QString());
        http_connection idle;
        QVERIFY(idle.connect(gw.port()));
        QVERIFY(idle.send("GET", "/health"));
        QCOMPARE(idle.read().status, 200);
        QElapsedTimer timer;
        timer.start();
        gw.stop(5s);
        QVERIFY(timer.elapsed() < 1000); // nothing in flight: no waiting for the deadline
        QVERIFY(idle.wait_closed(1s));
    }

    void invalidSnapshotKeepsTheRunningOne()
    {
        gateway::gateway_server gw;
        QVERIFY(gw.apply(configFor(m_originA.port(), "a")).empty());
        QCOMPARE(QString::fromStdString(gw.start(test_options())), QString());
        const auto generation = gw.stats().config_generation;
        auto bad = configFor(m_originB.port(), "b");
        bad.routes.front().upstream = "missing";
        const QString error = QString::fromStdString(gw.apply(bad));
        QVERIFY(error.contains(QStringLiteral("unknown upstream 'missing'")));
        QCOMPARE(gw.stats().config_generation, generation);
        const auto before = m_originA.requests();
        QCOMPARE(http_request(gw.port(), "GET", "/health").status, 200);
        QCOMPARE(m_originA.requests(), before + 1);
        gw.stop();
    }

    void restartedUpstreamIsInvisible()
    {
        // Pooled keep-alive connections die with the upstream; the next
        // requests must neither fail nor notice (GET is retried on a fresh
        // connection, POST finds the dead connection before using it).
        gateway::demo_origin origin;
        QCOMPARE(QString::fromStdString(origin.start()), QString());
        const auto port = origin.port();
        gateway::gateway_server gw;
        QVERIFY(gw.apply(configFor(port, "restarting")).empty());
        auto options = test_options();
        options.threads = 1;
        QCOMPARE(QString::fromStdString(gw.start(options)), QString());
        for (int i = 0; i < 3; ++i)
            QCOMPARE(http_request(gw.port(), "GET", "/health").status, 200);
        origin.stop();
        QCOMPARE(QString::fromStdString(origin.start("127.0.0.1", port)), QString());
        QCOMPARE(http_request(gw.port(), "GET", "/health").status, 200);
        for (int i = 0; i < 3; ++i)
            QCOMPARE(http_request(gw.port(), "POST", "/echo", {}, "x").status, 200);
        origin.stop();
        QCOMPARE(QString::fromStdString(origin.start("127.0.0.1", port)), QString());
        QCOMPARE(http_request(gw.port(), "POST", "/echo", {}, "after restart").status, 200);
        QCOMPARE(gw.stats().upstream_errors, std::uint64_t(0));
        gw.stop();
    }

    void swapUnderLoadFailsNothing()
    {
        gateway::gateway_server gw;
        const auto configA = configFor(m_originA.port(), "a");
        const auto configB = configFor(m_originB.port(), "b");
        QVERIFY(gw.apply(configA).empty());
        QCOMPARE(QString::fromStdString(gw.start(test_options())), QString());
        const auto port = gw.port();
        const auto beforeA = m_originA.requests();
        const auto beforeB = m_originB.requests();

        std::atomic<bool> done{false};
        std::atomic<int> ok{0};
        std::atomic<int> failed{0};
        std::vector<std::thread> clients;
        for (int c = 0; c < 4; ++c) {
            clients.emplace_back([&, c] {
                http_connection conn;
                bool connected = false;
                for (int i = 0; i < 5000 && !done; ++i) {
                    // Half the clients reuse a connection, half open new ones.
                    if (!connected || c % 2 == 0) {
                        connected = conn.connect(port);
                        if (!connected) {
                            ++failed;
                            continue;
                        }
                    }
                    if (conn.send("GET", "/products/7") && conn.read().status == 200)
                        ++ok;
                    else
                        ++failed;
                }
            });
        }
        for (int swap = 0; swap < 60; ++swap) {
            QVERIFY(gw.apply(swap % 2 ? configA : configB).empty());
            std::this_thread::sleep_for(15ms);
        }
        done = true;
        for (auto& t : clients)
            t.join();
        QCOMPARE(failed.load(), 0);
        QVERIFY(ok.load() > 100);
        QVERIFY(m_originA.requests() > beforeA);
        QVERIFY(m_originB.requests() > beforeB);
        gw.stop();
    }
};

QTEST_APPLESS_MAIN(TestGatewayLifecycle)
#include "tst_gateway_lifecycle.moc"
