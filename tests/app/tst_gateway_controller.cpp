// SPDX-FileCopyrightText: Gatehouse contributors
// SPDX-License-Identifier: Apache-2.0
#include "app/gateway_controller.h"

#include "app/demo_workspace.h"
#include "tests/support/test_http.h"

#include <QElapsedTimer>
#include <QHostAddress>
#include <QScopeGuard>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTest>

#include <QTimer>

#include <atomic>
#include <condition_variable>
#include <future>
#include <memory>
#include <mutex>
#include <thread>

using gatehouse::app::DemoWorkspace;
using gatehouse::app::GatewayController;
using gatehouse::app::GatewayStatsSample;
using State = GatewayController::State;
namespace gw = gatehouse::gateway;
namespace http = gatehouse::test;

class TestGatewayController : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void startServesAndReportsStats();
    void startFailsWhenPortInUse();
    void stopReturnsAtOnceAndDrains();
    void invalidConfigKeepsOldOne();
    void restartsAfterStop();
    void cacheRefusesBadInputAndKeepsSettings();
    void applyNeverWaitsForDns();
    void dnsRefreshIntervalOverridesEveryConfiguration();

private:
    static gw::gateway_options ephemeral()
    {
        gw::gateway_options options;
        options.port = 0;
        options.threads = 2;
        return options;
    }
    bool startController(GatewayController& controller);

    DemoWorkspace m_demo;
};

void TestGatewayController::initTestCase()
{
    QVERIFY2(m_demo.startOrigin(), qPrintable(m_demo.lastError()));
    QVERIFY(m_demo.originPort() != 0);
}

void TestGatewayController::cleanupTestCase()
{
    m_demo.stopOrigin();
}

bool TestGatewayController::startController(GatewayController& controller)
{
    if (!controller.applyConfig(m_demo.snapshot())) {
        qWarning() << "applyConfig:" << controller.lastError();
        return false;
    }
    if (!controller.start(ephemeral())) {
        qWarning() << "start:" << controller.lastError();
        return false;
    }
    return true;
}

void TestGatewayController::startServesAndReportsStats()
{
    GatewayController controller;
    controller.setStatsInterval(100);
    QSignalSpy stateSpy(&controller, &GatewayController::stateChanged);
    QSignalSpy statsSpy(&controller, &GatewayController::statsUpdated);

    QVERIFY(startController(controller));
    QCOMPARE(controller.state(), State::Running);
    QVERIFY(controller.port() != 0);
    QCOMPARE(controller.listenUrl().toString(),
             QStringLiteral("http://127.0.0.1:%1").arg(controller.port()));
    QCOMPARE(stateSpy.count(), 2); // Starting, Running
    QCOMPARE(stateSpy.at(1).at(0).value<State>(), State::Running);

    GatewayStatsSample best;
    double maxRate = 0.0;
    connect(&controller, &GatewayController::statsUpdated, this,
            [&](const GatewayStatsSample& sample) {
                best = sample;
                maxRate = std::max(maxRate, sample.requestsPerSecond);
            });

    constexpr int count = 30;
    for (int i = 0; i < count; ++i) {
        const auto response = http::http_request(controller.port(), "GET", "/echo");
        QVERIFY2(response.status == 200, response.error.c_str());
    }
    const auto shop = http::http_request(controller.port(), "GET", "/shop/1");
    QCOMPARE(shop.status, 200);
    const auto missing = http::http_request(controller.port(), "GET", "/no/such/route");
    QCOMPARE(missing.status, 404);

    QTRY_VERIFY_WITH_TIMEOUT(best.requests >= count + 2, 5000);
    QVERIFY(maxRate > 0.0);
    QVERIFY(best.statusClass(2) >= count + 1);
    QVERIFY(best.statusClass(4) >= 1);
    QVERIFY(best.bytesIn > 0);
    QVERIFY(best.bytesOut > 0);
    QVERIFY(best.intervalSeconds > 0.0);
    // Polled on a timer: a handful of samples, not one per request.
    QVERIFY(statsSpy.count() < 100);

    controller.stopAndWait(std::chrono::milliseconds(1000));
    QCOMPARE(controller.state(), State::Stopped);
}

void TestGatewayController::startFailsWhenPortInUse()
{
    QTcpServer occupier;
    QVERIFY(occupier.listen(QHostAddress::LocalHost, 0));
    const quint16 taken = occupier.serverPort();

    GatewayController controller;
    QSignalSpy errorSpy(&controller, &GatewayController::errorOccurred);
    QVERIFY(controller.applyConfig(m_demo.snapshot()));
    gw::gateway_options options = ephemeral();
    options.port = taken;
    QVERIFY(!controller.start(options));
    QCOMPARE(controller.state(), State::Stopped);
    QVERIFY(!controller.lastError().isEmpty());
    QVERIFY2(controller.lastError().contains(QString::number(taken)),
             qPrintable(controller.lastError()));
    QCOMPARE(errorSpy.count(), 1);
    QCOMPARE(errorSpy.at(0).at(0).toString(), controller.lastError());
    QVERIFY(controller.listenUrl().isEmpty());
    qInfo() << "port-in-use error:" << controller.lastError();
}

void TestGatewayController::stopReturnsAtOnceAndDrains()
{
    GatewayController controller;
    gw::config_snapshot config = m_demo.snapshot();
    gw::route_config respond;
    respond.id = "respond";
    respond.path = "/respond";
    respond.upstream = DemoWorkspace::upstreamName;
    config.routes.push_back(respond);
    QVERIFY2(controller.applyConfig(config), qPrintable(controller.lastError()));
    QVERIFY2(controller.start(ephemeral()), qPrintable(controller.lastError()));
    const quint16 port = controller.port();

    // A request the origin holds for 1.5 s: in flight when stop() is called.
    http::http_response slow;
    std::thread client(
        [&] { slow = http::http_request(port, "GET", "/respond?status=200&delay_ms=1500"); });
    QTRY_VERIFY_WITH_TIMEOUT(
        (controller.pollStats(), controller.lastSample().activeConnections >= 1), 5000);
    QTest::qWait(200); // let it reach the origin

    QSignalSpy stateSpy(&controller, &GatewayController::stateChanged);
    QElapsedTimer timer;
    timer.start();
    controller.stop();
    const qint64 stopMs = timer.elapsed();
    QVERIFY2(stopMs < 250, qPrintable(QString::number(stopMs)));
    QCOMPARE(controller.state(), State::Stopping);
    QTRY_COMPARE_WITH_TIMEOUT(controller.state(), State::Stopped, 10000);
    QCOMPARE(stateSpy.count(), 2);
    QCOMPARE(stateSpy.at(0).at(0).value<State>(), State::Stopping);
    QCOMPARE(stateSpy.at(1).at(0).value<State>(), State::Stopped);
    client.join();
    QVERIFY2(slow.status == 200, slow.error.c_str()); // drained, not cut off

    // Nothing listens any more.
    const auto after =
        http::http_request(port, "GET", "/echo", {}, {}, std::chrono::milliseconds(1000));
    QCOMPARE(after.status, 0);
}

void TestGatewayController::invalidConfigKeepsOldOne()
{
    GatewayController controller;
    QVERIFY(startController(controller));
    QSignalSpy errorSpy(&controller, &GatewayController::errorOccurred);

    gw::config_snapshot broken = m_demo.snapshot();
    broken.routes.at(0).upstream = "no-such-upstream";
    QVERIFY(!controller.applyConfig(broken));
    QVERIFY(!controller.lastError().isEmpty());
    QCOMPARE(errorSpy.count(), 1);
    qInfo() << "invalid config error:" << controller.lastError();

    QCOMPARE(http::http_request(controller.port(), "GET", "/shop/2").status, 200);
    QCOMPARE(http::http_request(controller.port(), "GET", "/echo").status, 200);
    controller.stopAndWait(std::chrono::milliseconds(500));
}

void TestGatewayController::restartsAfterStop()
{
    GatewayController controller;
    QVERIFY(startController(controller));
    controller.stop();
    QTRY_COMPARE_WITH_TIMEOUT(controller.state(), State::Stopped, 10000);
    QVERIFY2(controller.start(ephemeral()), qPrintable(controller.lastError()));
    QCOMPARE(http::http_request(controller.port(), "GET", "/echo").status, 200);
    // Destroying a running controller stops the gateway.
}

// The cache exists whether or not the gateway runs; bad purges and budgets
// are refused with a reason, and a new budget survives a restart.
void TestGatewayController::cacheRefusesBadInputAndKeepsSettings()
{
    using Scope = GatewayController::CachePurgeScope;
    GatewayController controller;
    QVERIFY(controller.applyConfig(m_demo.snapshot()));
    const auto initial = controller.cacheSnapshot();
    QCOMPARE(initial.total.objects, 0);
    QCOMPARE(initial.budgetBytes, quint64(gw::gateway_options{}.cache_budget_bytes));
    // Cached APIs are known from the configuration, named after their route.
    QVERIFY(!initial.apis.isEmpty());
    QCOMPARE(initial.apis.first().apiKey, QStringLiteral("1"));
    QCOMPARE(initial.apis.first().name, QStringLiteral("shop"));

    for (const auto& [scope, value] : {std::pair{Scope::PathPrefix, QStringLiteral("shop")},
                                       {Scope::Tag, QStringLiteral(" ")},
                                       {Scope::Url, QStringLiteral("/shop/1")},
                                       {Scope::Api, QString()}}) {
        const auto refused = controller.purgeCache(scope, value);
        QVERIFY(!refused.ok);
        QVERIFY(!refused.error.isEmpty());
    }
    const auto none = controller.purgeCache(Scope::Everything);
    QVERIFY(none.ok);
    QCOMPARE(none.purged, 0u);

    auto tooSmall = controller.setCacheOptionsAsync(1024, gatehouse::app::CacheEviction::Lru);
    tooSmall.waitForFinished();
    QVERIFY(!tooSmall.result().ok);
    QVERIFY2(tooSmall.result().error.contains(QStringLiteral("64 KiB")),
             qPrintable(tooSmall.result().error));
    QCOMPARE(controller.cacheSnapshot(0).budgetBytes, initial.budgetBytes);

    auto applied =
        controller.setCacheOptionsAsync(2 * 1024 * 1024, gatehouse::app::CacheEviction::Lru);
    applied.waitForFinished();
    QVERIFY2(applied.result().ok, qPrintable(applied.result().error));
    QCOMPARE(controller.cacheSnapshot(0).budgetBytes, quint64(2 * 1024 * 1024));
    // As the Gateway page starts it: the current options with another listener.
    auto options = controller.options();
    options.port = 0;
    options.threads = 2;
    QVERIFY2(controller.start(options), qPrintable(controller.lastError()));
    QCOMPARE(controller.cacheSnapshot(0).budgetBytes, quint64(2 * 1024 * 1024));
    QCOMPARE(controller.cacheSnapshot(0).eviction, gatehouse::app::CacheEviction::Lru);
    const auto r = gatehouse::test::http_request(controller.port(), "GET", "/shop/1");
    QCOMPARE(r.status, 200);
    QCOMPARE(controller.cacheSnapshot(0).total.objects, 1);
    const auto events = controller.cacheSnapshot(10).recentEvents;
    QCOMPARE(events.size(), 1);
    QCOMPARE(events.first().kind, gatehouse::app::CacheEventRow::Kind::Stored);
    QCOMPARE(events.first().key, QStringLiteral("/shop/1"));
    controller.stopAndWait(std::chrono::milliseconds(200));
}

// Applying a configuration whose upstream host name takes long to look up
// does not block the calling (GUI) thread: applyConfig() returns at once and
// a timer keeps firing, the target shows as unresolved, and once the name
// resolves the target turns healthy and serves, with no further apply.
void TestGatewayController::applyNeverWaitsForDns()
{
    std::mutex mutex;
    std::condition_variable releasedCv;
    bool released = false;
    std::atomic<int> lookups{0};
    const auto release = [&] {
        {
            std::lock_guard lock(mutex);
            released = true;
        }
        releasedCv.notify_all();
    };
    GatewayController controller;
    controller.setStatsInterval(50);
    controller.setHostResolver([&](const std::string& host, std::uint16_t, std::string& error) {
        ++lookups;
        std::unique_lock lock(mutex);
        releasedCv.wait_for(lock, std::chrono::seconds(20), [&] { return released; });
        if (host == "origin.gatehouse.test")
            return std::vector<std::string>{"127.0.0.1"};
        error = "Host not found";
        return std::vector<std::string>{};
    });
    const auto cleanup = qScopeGuard(release); // never leave the lookup hanging
    QVERIFY(startController(controller));

    gw::config_snapshot snapshot = m_demo.snapshot();
    const QString named =
        QStringLiteral("http://origin.gatehouse.test:%1").arg(m_demo.originPort());
    gw::upstream_config upstream;
    upstream.name = "named";
    upstream.targets.push_back({named.toStdString(), 1});
    snapshot.upstreams.push_back(upstream);
    gw::upstream_config nowhere; // a typo: looked up, does not resolve
    nowhere.name = "nowhere";
    nowhere.targets.push_back({"http://nowhere.gatehouse.test:8080", 1});
    snapshot.upstreams.push_back(nowhere);
    gw::route_config route;
    route.id = "named";
    route.path = "/named";
    route.upstream = "named";
    route.strip_prefix = true;
    snapshot.routes.insert(snapshot.routes.begin(), route);

    int ticks = 0;
    QTimer ticker;
    connect(&ticker, &QTimer::timeout, this, [&ticks] { ++ticks; });
    ticker.start(10);
    QElapsedTimer timer;
    timer.start();
    QSignalSpy warned(&controller, &GatewayController::applyWarningsChanged);
    QVERIFY2(controller.applyConfig(snapshot), qPrintable(controller.lastError()));
    QVERIFY2(timer.elapsed() < 200, qPrintable(QString::number(timer.elapsed())));
    // Nothing is known to be wrong yet.
    QVERIFY2(controller.applyWarnings().isEmpty(),
             qPrintable(controller.applyWarnings().join(QLatin1Char('\n'))));
    QTRY_COMPARE_WITH_TIMEOUT(lookups.load(), 1, 5000);

    // The lookup hangs; the event loop does not.
    const int before = ticks;
    QTest::qWait(200);
    QVERIFY2(ticks - before >= 5, qPrintable(QString::number(ticks - before)));
    const auto targetRow = [&controller, &named] {
        for (const auto& row : controller.lastSample().targets)
            if (row.target == named)
                return row;
        return gatehouse::app::TargetHealthRow{};
    };
    QTRY_VERIFY_WITH_TIMEOUT(targetRow().target == named, 5000);
    QVERIFY(!targetRow().healthy);
    QCOMPARE(targetRow().problem, QStringLiteral("looking up 'origin.gatehouse.test'"));
    // A call meanwhile waits for the answer rather than fail.
    auto call = std::async(std::launch::async, [&controller] {
        return http::http_request(controller.port(), "GET", "/named/echo");
    });
    QTest::qWait(100);
    QVERIFY(call.wait_for(std::chrono::seconds(0)) == std::future_status::timeout);

    QVERIFY(warned.isEmpty());

    release();
    QVERIFY(call.wait_for(std::chrono::seconds(10)) == std::future_status::ready);
    QCOMPARE(call.get().status, 200);
    QTRY_VERIFY_WITH_TIMEOUT(targetRow().healthy && targetRow().problem.isEmpty(), 5000);
    // The typo is reported once its lookup has failed, with no apply.
    QTRY_VERIFY_WITH_TIMEOUT(!warned.isEmpty(), 5000);
    const QStringList warnings = warned.last().at(0).toStringList();
    QCOMPARE(warnings, controller.applyWarnings());
    QCOMPARE(warnings, QStringList{QStringLiteral(
                           "upstream 'nowhere': cannot resolve 'nowhere.gatehouse.test': "
                           "Host not found")});
    QCOMPARE(http::http_request(controller.port(), "GET", "/named/echo").status, 200);
    controller.stopAndWait(std::chrono::milliseconds(1000));
}

// The console's DNS refresh interval: refused out of range, applied to the
// running configuration at once, and stamped onto every configuration
// applied later (the catalog's recompiles), whatever that one says. Seen
// through the lookups of an injected resolver.
void TestGatewayController::dnsRefreshIntervalOverridesEveryConfiguration()
{
    const auto ms = [](std::chrono::milliseconds d) {
        return qint64(d.count());
    };
    std::atomic<int> lookups{0};
    GatewayController controller;
    controller.setStatsInterval(0);
    controller.setHostResolver([&](const std::string& host, std::uint16_t, std::string& error) {
        ++lookups;
        if (host == "origin.gatehouse.test")
            return std::vector<std::string>{"127.0.0.1"};
        error = "Host not found";
        return std::vector<std::string>{};
    });
    QCOMPARE(ms(controller.dnsRefreshInterval()), qint64(30000));
    QSignalSpy errors(&controller, &GatewayController::errorOccurred);
    for (const qint64 bad : {qint64(-1), qint64(999), qint64(24LL * 3600 * 1000 + 1)}) {
        QVERIFY(!controller.setDnsRefreshInterval(std::chrono::milliseconds(bad)));
        QCOMPARE(ms(controller.dnsRefreshInterval()), qint64(30000));
    }
    QCOMPARE(errors.count(), 3);

    // A configuration that says "never again" (as a --config file may).
    gw::config_snapshot snapshot = m_demo.snapshot();
    for (auto& upstream : snapshot.upstreams)
        for (auto& target : upstream.targets)
            target.url = "http://origin.gatehouse.test:" + std::to_string(m_demo.originPort());
    snapshot.dns_refresh_interval = std::chrono::milliseconds(0);
    QVERIFY2(controller.applyConfig(snapshot), qPrintable(controller.lastError()));
    QCOMPARE(ms(controller.dnsRefreshInterval()), qint64(0));
    QVERIFY(controller.start(ephemeral()));
    QTRY_VERIFY_WITH_TIMEOUT(http::http_request(controller.port(), "GET", "/shop/1").status == 200,
                             5000);
    const int first = lookups.load();
    QVERIFY(first >= 1);

    QVERIFY(controller.setDnsRefreshInterval(std::chrono::seconds(1)));
    QCOMPARE(ms(controller.dnsRefreshInterval()), qint64(1000));
    QTRY_VERIFY_WITH_TIMEOUT(lookups.load() >= first + 2, 6000);
    // The next configuration says 0 again: the console's interval stands.
    QVERIFY2(controller.applyConfig(snapshot), qPrintable(controller.lastError()));
    QCOMPARE(ms(controller.dnsRefreshInterval()), qint64(1000));
    const int again = lookups.load();
    QTRY_VERIFY_WITH_TIMEOUT(lookups.load() >= again + 2, 6000);
    QCOMPARE(errors.count(), 3);
    controller.stopAndWait(std::chrono::milliseconds(500));
}

QTEST_GUILESS_MAIN(TestGatewayController)
#include "tst_gateway_controller.moc"
