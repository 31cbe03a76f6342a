// SPDX-FileCopyrightText: Gatehouse contributors
// SPDX-License-Identifier: Apache-2.0
#include "app/traffic_generator.h"

#include "app/demo_workspace.h"
#include "gateway/demo_origin.hpp"
#include "gateway/gateway_server.hpp"
#include "tests/app/demo_catalog_gateway.h"

#include <QElapsedTimer>
#include <QSignalSpy>
#include <QtTest/QTest>

using namespace gatehouse;
using namespace gatehouse::app;
using namespace std::chrono_literals;

// Sanitizer builds run many times slower: throughput checks are looser there.
#if defined(__SANITIZE_THREAD__) || defined(__SANITIZE_ADDRESS__)
constexpr double slack = 0.25;
#else
constexpr double slack = 1.0;
#endif

// The console's traffic generator against a real gateway in front of a real
// demo origin, both on 127.0.0.1 with ephemeral ports.
class TestTrafficGenerator : public QObject {
    Q_OBJECT

private:
    gateway::demo_origin m_origin;
    gateway::gateway_server m_gateway;
    quint16 m_port = 0;

    // The most recent statsUpdated once `done` holds for it, within `limit`.
    template <typename Predicate>
    TrafficStats waitForStats(TrafficGenerator& generator, Predicate done, int limitMs)
    {
        QSignalSpy spy(&generator, &TrafficGenerator::statsUpdated);
        QElapsedTimer timer;
        timer.start();
        while (timer.elapsed() < limitMs) {
            if (spy.wait(limitMs - static_cast<int>(timer.elapsed()))) {
                const auto s = spy.takeLast().at(0).value<TrafficStats>();
                if (done(s))
                    return s;
            }
        }
        return generator.lastStats();
    }

private slots:
    void initTestCase()
    {
        QCOMPARE(QString::fromStdString(m_origin.start("127.0.0.1", 0, 2)), QString());
        QCOMPARE(QString::fromStdString(m_gateway.apply(DemoWorkspace::snapshot(m_origin.port()))),
                 QString());
        gateway::gateway_options options;
        options.listen_address = "127.0.0.1";
        options.port = 0;
        options.threads = 2;
        QCOMPARE(QString::fromStdString(m_gateway.start(options)), QString());
        m_port = m_gateway.port();
    }

    void cleanupTestCase()
    {
        m_gateway.stop(0ms);
        m_origin.stop();
    }

    void defaults()
    {
        TrafficGenerator generator;
        QCOMPARE(generator.targetRate(), 200.0);
        QCOMPARE(generator.concurrency(), 16);
        QCOMPARE(generator.zipfAlpha(), 1.0);
        QCOMPARE(generator.mix(), TrafficGenerator::defaultMix());
        QCOMPARE(generator.mix().size(), 3);
        QVERIFY(!generator.running());

        QSignalSpy errors(&generator, &TrafficGenerator::errorOccurred);
        QVERIFY(!generator.setMix({{QStringLiteral("nope"), 1.0}}));
        QVERIFY(!generator.setMix({{QStringLiteral("echo"), 0.0}}));
        QCOMPARE(errors.size(), 2);
        QCOMPARE(generator.mix(), TrafficGenerator::defaultMix());
        generator.setConcurrency(100000);
        QCOMPARE(generator.concurrency(), TrafficGenerator::maxConcurrency);
        generator.setTargetRate(-5);
        QCOMPARE(generator.targetRate(), 0.0);
    }

    void statsArriveWhileRunning()
    {
        TrafficGenerator generator;
        generator.setDemoOrigin(&m_origin);
        generator.setStatsInterval(200);
        QSignalSpy running(&generator, &TrafficGenerator::runningChanged);
        QVERIFY(generator.start(m_port));
        QVERIFY(generator.running());
        QCOMPARE(running.size(), 1);

        const auto s = waitForStats(
            generator, [](const TrafficStats& t) { return t.requestsPerSecond > 50; }, 5000);
        qInfo("%.0f requests/s, p50 %.2f ms, p99 %.2f ms", s.requestsPerSecond, s.latencyP50Ms,
              s.latencyP99Ms);
        QVERIFY(s.running);
        QVERIFY2(s.requestsPerSecond > 50 && s.requestsPerSecond < 400,
                 qPrintable(QString::number(s.requestsPerSecond)));
        QVERIFY(s.completed > 0);
        QCOMPARE(s.errors(), 0u);
        QVERIFY(s.statusClass(2) > 0);
        QVERIFY(s.latencyP50Ms > 0);

        // Settings apply while running.
        generator.setTargetRate(0);
        generator.setConcurrency(4);
        const auto fast = waitForStats(
            generator, [](const TrafficStats& t) { return t.requestsPerSecond > 600 * slack; },
            5000);
        QVERIFY2(fast.requestsPerSecond > 600 * slack,
                 qPrintable(QString::number(fast.requestsPerSecond)));

        // A poll right after the timer's keeps that interval's rate instead
        // of dividing a few responses by a sliver of time; totals move on.
        generator.pollStats();
        const TrafficStats full = generator.lastStats();
        generator.pollStats();
        const TrafficStats quick = generator.lastStats();
        QCOMPARE(quick.requestsPerSecond, full.requestsPerSecond);
        QCOMPARE(quick.latencyP99Ms, full.latencyP99Ms);
        QVERIFY(quick.completed >= full.completed);

        QElapsedTimer timer;
        timer.start();
        generator.stop();
        QVERIFY(timer.elapsed() < 1000);
        QVERIFY(!generator.running());
        QCOMPARE(running.size(), 2);
        QVERIFY(!generator.lastStats().running);
        generator.stop(); // idempotent
        QCOMPARE(running.size(), 2);
    }

    void errorInjectionRaisesServerErrors()
    {
        TrafficGenerator generator;
        generator.setDemoOrigin(&m_origin);
        generator.setStatsInterval(200);
        generator.setMix({{QStringLiteral("echo"), 1.0}}); // never cached
        generator.setTargetRate(400);
        QVERIFY(generator.start(m_port));
        const auto clean = waitForStats(
            generator, [](const TrafficStats& t) { return t.requestsPerSecond > 50; }, 5000);
        QCOMPARE(clean.serverErrorShare, 0.0);

        generator.setErrorRate(0.5);
        const auto failing = waitForStats(
            generator,
            [](const TrafficStats& t) {
                return t.serverErrorShare > 0.3 && t.serverErrorShare < 0.7;
            },
            5000);
        generator.setErrorRate(0);
        generator.stop();
        QVERIFY2(failing.serverErrorShare > 0.3 && failing.serverErrorShare < 0.7,
                 qPrintable(QString::number(failing.serverErrorShare)));
        QVERIFY(generator.lastStats().statusClass(5) > 0);
    }

    void upstreamLatencyShowsInPercentiles()
    {
        TrafficGenerator generator;
        generator.setDemoOrigin(&m_origin);
        generator.setStatsInterval(200);
        generator.setMix({{QStringLiteral("echo"), 1.0}});
        generator.setUpstreamLatencyMs(40);
        QVERIFY(generator.start(m_port));
        const auto s = waitForStats(
            generator, [](const TrafficStats& t) { return t.completed > 20; }, 5000);
        generator.stop();
        generator.setUpstreamLatencyMs(0);
        QVERIFY2(s.latencyP50Ms >= 40, qPrintable(QString::number(s.latencyP50Ms)));
    }

    // The demo catalog's APIs through the gateway compiled from the catalog,
    // with the demo traffic key: the keyed APIs answer 2xx (Products v1 with
    // its Deprecation header), the draft refuses a key of another team, and
    // the telemetry pipeline counts calls for every one of them.
    void demoCatalogMixReachesEveryCatalogApi()
    {
        test::DemoCatalogGateway world;
        QVERIFY2(world.start(true), qPrintable(world.error));
        const QHash<QString, quint64> ids = world.apiIds();
        QCOMPARE(ids.size(), 5);

        TrafficGenerator generator;
        generator.setDemoOrigin(world.demo.origin());
        generator.setStatsInterval(200);
        generator.setApiKey(world.trafficKey);
        QVERIFY(generator.setMix(TrafficGenerator::demoCatalogMix()));
        generator.setTargetRate(300);
        QVERIFY(generator.start(world.port()));
        const auto s = waitForStats(
            generator, [](const TrafficStats& t) { return t.completed >= 400; }, 10000);
        generator.stop();
        const TrafficStats done = generator.lastStats();
        QVERIFY2(s.completed >= 400, qPrintable(QString::number(s.completed)));
        QCOMPARE(done.errors(), 0u);
        QCOMPARE(done.statusClass(5), 0u);
        // The draft's share (5 %) is the only refusal.
        QVERIFY(done.statusClass(4) > 0);
        QVERIFY2(
            done.statusClass(4) * 5 < done.completed,
            qPrintable(QStringLiteral("%1 of %2").arg(done.statusClass(4)).arg(done.completed)));
        QVERIFY(done.statusClass(2) > 0);

        // Per API, as the dashboard's charts get them.
        world.telemetry->refreshSummary();
        const auto perApi = [&] {
            QHash<quint64, TrafficCounters> totals;
            for (const ApiTotals& a : world.telemetry->liveSummary().apis)
                totals.insert(a.apiId, a.counters);
            return totals;
        };
        QTRY_VERIFY_WITH_TIMEOUT(
            perApi().value(ids.value(QStringLiteral("inventory@v1"))).requests > 0, 5000);
        // Every completed call is logged (calls cut short by stop() may be too).
        QTRY_VERIFY_WITH_TIMEOUT(
            [&] {
                quint64 n = 0;
                for (const auto& c : perApi())
                    n += c.requests;
                return n;
            }() >= done.completed,
            5000);
        const auto totals = perApi();
        for (const char* ref : {"products@v1", "products@v2", "weather@v1", "echo@v1"}) {
            const TrafficCounters c = totals.value(ids.value(QLatin1String(ref)));
            QVERIFY2(c.requests > 0, ref);
            QVERIFY2(c.statusClasses[2] == c.requests, ref); // every keyed call got through
        }
        const TrafficCounters draft = totals.value(ids.value(QStringLiteral("inventory@v1")));
        QCOMPARE(draft.statusClasses[4], draft.requests);
        // Cached APIs warm up under the skewed load.
        QVERIFY(totals.value(ids.value(QStringLiteral("products@v2"))).hits > 0);

        // Without the key the keyed APIs refuse: the key is what gets through.
        generator.setApiKey(QString());
        generator.setMix({{QStringLiteral("products-v2"), 1.0}});
        QVERIFY(generator.start(world.port()));
        const auto refused = waitForStats(
            generator, [](const TrafficStats& t) { return t.completed >= 20; }, 5000);
        generator.stop();
        QVERIFY(refused.completed >= 20);
        QCOMPARE(generator.lastStats().statusClass(4), generator.lastStats().completed);
    }

    void startFailsCleanly()
    {
        TrafficGenerator generator;
        QSignalSpy errors(&generator, &TrafficGenerator::errorOccurred);
        QVERIFY(!generator.start(0));
        QCOMPARE(errors.size(), 1);
        QVERIFY(!generator.lastError().isEmpty());
        QVERIFY(!generator.running());
        QVERIFY(generator.start(m_port));
        QVERIFY(!generator.start(m_port));
        generator.stop();
    }
};

QTEST_GUILESS_MAIN(TestTrafficGenerator)
#include "tst_traffic_generator.moc"
