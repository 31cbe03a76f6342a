// SPDX-FileCopyrightText: Gatehouse contributors
// SPDX-License-Identifier: Apache-2.0
// The dashboard fed by the real telemetry pipeline: a gateway and demo
// origin on 127.0.0.1, the TelemetryService, and TelemetryDashboardSource.
#include "ui/dashboard/telemetry_dashboard_source.h"

#include "layout_check.h"
#include "screenshot.h"

#include "app/demo_workspace.h"
#include "app/gateway_controller.h"
#include "app/telemetry/telemetry_service.h"
#include "app/telemetry/writer_lease.h"
#include "tests/support/test_http.h"
#include "ui/charts/ranking_bar_chart.h"
#include "ui/charts/time_series_chart.h"
#include "ui/dashboard/dashboard_page.h"
#include "ui/dashboard/kpi_tile.h"
#include "ui/main_window.h"

#include <QAbstractButton>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QLabel>
#include <QLocale>
#include <QScrollArea>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QTest>

#include <atomic>
#include <cmath>
#include <cstdio>
#include <memory>
#include <string>
#include <thread>

using namespace gatehouse;
using gatehouse::test::saveScreenshot;
using ui::DashboardPage;
using ui::KpiTile;
using ui::TelemetryDashboardSource;
using ui::TimeSeriesChart;
using ui::TrendRange;

namespace {

constexpr int echoCalls = 24;
constexpr int shopCalls = 12;
constexpr int noRouteCalls = 4;
constexpr int totalCalls = echoCalls + shopCalls + noRouteCalls;
constexpr int laterCalls = 6;

double sum(const QList<QPointF>& points)
{
    double total = 0;
    for (const QPointF& p : points)
        total += p.y();
    return total;
}

QString overlay(QWidget* chart)
{
    auto* label = chart->findChild<QLabel*>(QStringLiteral("chartOverlay"));
    return label && label->isVisible() ? label->text() : QString();
}

} // namespace

class TestDashboardTelemetry : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void liveAndTrendChartsShowRealTraffic();
    void bucketsBecomeRatesAndPercentages();
    void mainWindowShowsLiveTraffic();
    void droppedTileSaysCallsOfAReadOnlyInstanceAreNotRecorded();
    void readOnlyBannerNamesTheCurrentWriter();
    void droppedTileSaysCallsAreNotRecordedWithoutACallLog();
    void warmingCacheRenders();

private:
    KpiTile* tile(const char* name) const
    {
        auto* label = m_page->findChild<QLabel*>(QLatin1String(name));
        return label ? qobject_cast<KpiTile*>(label->parentWidget()) : nullptr;
    }

    app::DemoWorkspace m_demo;
    QTemporaryDir m_dir;
    std::unique_ptr<app::GatewayController> m_controller;
    std::unique_ptr<app::TelemetryService> m_service;
    DashboardPage* m_page = nullptr;
};

void TestDashboardTelemetry::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY(m_dir.isValid());
    QVERIFY2(m_demo.startOrigin(), qPrintable(m_demo.lastError()));
    m_controller = std::make_unique<app::GatewayController>();
    m_controller->setStatsInterval(200);
    app::TelemetryServiceOptions options;
    options.database = m_dir.filePath(QStringLiteral("dashboard.sqlite"));
    options.summaryIntervalMs = 200;
    m_service = std::make_unique<app::TelemetryService>(m_controller.get(), options);
    QVERIFY2(m_service->start(), qPrintable(m_service->lastError()));
    QVERIFY(m_controller->applyConfig(m_demo.snapshot()));
    gateway::gateway_options gatewayOptions;
    gatewayOptions.port = 0;
    gatewayOptions.threads = 2;
    QVERIFY2(m_controller->start(gatewayOptions), qPrintable(m_controller->lastError()));
}

void TestDashboardTelemetry::cleanupTestCase()
{
    delete m_page;
    m_controller->stopAndWait(std::chrono::seconds(1));
    m_service->stop();
    m_service.reset();
    m_controller.reset();
    m_demo.stopOrigin();
}

void TestDashboardTelemetry::liveAndTrendChartsShowRealTraffic()
{
    m_page = new DashboardPage(m_controller.get());
    auto* source = new TelemetryDashboardSource(m_service.get(), m_page);
    source->setApiNames({{1, QStringLiteral("shop")}, {3, QStringLiteral("echo")}});
    m_page->setTrendSource(source);
    m_page->setLiveMetricsSource(source);
    m_page->resize(1050, 740); // the page's share of a 1280x800 window
    m_page->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_page));

    const quint16 port = m_controller->port();
    for (int i = 0; i < echoCalls; ++i)
        QCOMPARE(test::http_request(port, "GET", "/echo/" + std::to_string(i)).status, 200);
    for (int i = 0; i < shopCalls; ++i)
        QCOMPARE(test::http_request(port, "GET", "/shop/1").status, 200);
    for (int i = 0; i < noRouteCalls; ++i)
        QCOMPARE(test::http_request(port, "GET", "/nowhere").status, 404);
    // A call is captured just after its response went out: wait for the last.
    QTRY_COMPARE_WITH_TIMEOUT(
        (m_service->writer()->flushNow(), m_service->writer()->counters().written),
        quint64(totalCalls), 5000);

    // Live: the per-API bars, latency lines and cache-status stack fill in
    // once the summary covers the last whole second.
    ui::RankingBarChart* top = m_page->topRequestsChart();
    QTRY_COMPARE_WITH_TIMEOUT(top->names(),
                              (QStringList{QStringLiteral("echo"), QStringLiteral("shop")}), 6000);
    // Calls that straddle a second show in part until the summary covers
    // their last second too.
    QTRY_COMPARE_WITH_TIMEOUT(top->values(), (QList<double>{echoCalls, shopCalls}), 3000);
    TimeSeriesChart* latency = m_page->latencyChart();
    QTRY_VERIFY_WITH_TIMEOUT(!latency->points(2).isEmpty(), 3000);
    for (const QPointF& p : latency->points(2))
        QVERIFY(p.y() > 0.0);
    QCOMPARE(latency->seriesCount(), 3);
    // The demo caches /shop (the first call misses, the rest hit) but not
    // /echo (status "none", no lookup): the hit and miss stacks add up to
    // the shop calls, and the ratio chart has data.
    TimeSeriesChart* cache = m_page->cacheChart();
    QCOMPARE(cache->seriesCount(), 5);
    QVERIFY(cache->points(0).size() >= 60);
    QTRY_COMPARE_WITH_TIMEOUT(sum(cache->points(0)) + sum(cache->points(1)), double(shopCalls),
                              3000);
    QVERIFY(sum(cache->points(1)) >= 1.0);
    QVERIFY(sum(cache->points(0)) >= 1.0);
    QTRY_VERIFY_WITH_TIMEOUT(overlay(m_page->hitRatioChart()).isEmpty(), 3000);
    QVERIFY(tile("p99LatencyTile"));
    QTRY_VERIFY_WITH_TIMEOUT(tile("p99LatencyTile")->value() != KpiTile::notAvailable(), 3000);
    QVERIFY(!tile("requestsPerSecondTile")->value().isEmpty());
    saveScreenshot(m_page, QStringLiteral("dashboard_telemetry_live.png"));

    // 1 h: every chart switches to the minute rollups.
    m_page->findChild<QAbstractButton*>(QStringLiteral("range1Button"))->click();
    QCOMPARE(m_page->range(), TrendRange::LastHour);
    TimeSeriesChart* requests =
        m_page->findChild<TimeSeriesChart*>(QStringLiteral("requestsChart"));
    QTRY_VERIFY_WITH_TIMEOUT(overlay(requests).isEmpty() && !requests->points(0).isEmpty(), 5000);
    // Per-second averages over minute buckets: times 60 gives the count.
    QCOMPARE(std::lround(sum(requests->points(0)) * 60.0), long(totalCalls));
    QVERIFY(requests->points(0).size() >= 60);
    QCOMPARE(top->names(), (QStringList{QStringLiteral("echo"), QStringLiteral("shop")}));
    QCOMPARE(top->values(), (QList<double>{echoCalls, shopCalls}));
    QVERIFY(!latency->points(2).isEmpty());
    auto* status = m_page->findChild<TimeSeriesChart*>(QStringLiteral("statusChart"));
    QCOMPARE(std::lround(sum(status->points(2)) * 60.0), long(noRouteCalls)); // 4xx
    saveScreenshot(m_page, QStringLiteral("dashboard_telemetry_hour.png"));
    // The range keeps refreshing: new calls show up without touching it.
    for (int i = 0; i < laterCalls; ++i)
        QCOMPARE(test::http_request(port, "GET", "/echo/later").status, 200);
    QTRY_COMPARE_WITH_TIMEOUT(std::lround(sum(requests->points(0)) * 60.0),
                              long(totalCalls + laterCalls), 4000);
    QTRY_COMPARE_WITH_TIMEOUT(top->values(), (QList<double>{echoCalls + laterCalls, shopCalls}),
                              2000);
    // Everything below the fold too.
    saveScreenshot(m_page->findChild<QScrollArea*>()->widget(),
                   QStringLiteral("dashboard_telemetry_hour_full.png"));

    // 30 d: hour rollups.
    m_page->findChild<QAbstractButton*>(QStringLiteral("range4Button"))->click();
    QTRY_VERIFY_WITH_TIMEOUT(overlay(requests).isEmpty() && !requests->points(0).isEmpty(), 5000);
    QCOMPARE(std::lround(sum(requests->points(0)) * 3600.0), long(totalCalls + laterCalls));
    QCOMPARE(top->values(), (QList<double>{echoCalls + laterCalls, shopCalls}));
}

void TestDashboardTelemetry::bucketsBecomeRatesAndPercentages()
{
    app::RollupBucket cached;
    cached.bucketStartUs = 60'000'000;
    cached.counters.requests = 120;
    cached.counters.hits = 90;
    cached.counters.misses = 30;
    cached.counters.statusClasses[2] = 120;
    cached.latency.record(1000, 120);
    app::RollupBucket quiet;
    quiet.bucketStartUs = 120'000'000;
    const ui::TrendData data = TelemetryDashboardSource::fromBuckets(
        TrendRange::LastHour, 0, 180'000, {cached, quiet}, 60'000);
    QCOMPARE(data.timestampsMs, (QList<qint64>{60'000, 120'000}));
    QCOMPARE(data.requestsPerSecond, (QList<double>{2.0, 0.0}));
    QCOMPARE(data.cachePerSecond[0].at(0), 1.5);
    QCOMPARE(data.cachePerSecond[1].at(0), 0.5);
    QCOMPARE(data.hitRatioPercent.at(0), 75.0);
    QVERIFY(std::isnan(data.hitRatioPercent.at(1))); // no lookups: a gap, not 0 %
    QVERIFY(std::abs(data.latencyMs[2].at(0) - 1.0) <= 1.0 / 64);
    QVERIFY(std::isnan(data.latencyMs[2].at(1)));

    // The dashboard draws the ratio and leaves the gap.
    DashboardPage page(m_controller.get());
    ui::TrendData shown = data;
    shown.range = TrendRange::LastDay;
    page.setRange(TrendRange::LastDay); // no source: "No history yet"
    struct Fixed : ui::TrendSource {
        ui::TrendData data;
        void requestTrends(TrendRange) override { emit trendsReady(data); }
    } fixed;
    fixed.data = shown;
    fixed.data.apis = {{QStringLiteral("a"), 10, 20.0},
                       {QStringLiteral("b"), 30, 90.0},
                       {QStringLiteral("c"), 5, -1.0}};
    page.setTrendSource(&fixed);
    QCOMPARE(page.hitRatioChart()->points(0), (QList<QPointF>{QPointF(60'000, 75.0)}));
    QCOMPARE(page.topRequestsChart()->names(),
             (QStringList{QStringLiteral("a"), QStringLiteral("b"), QStringLiteral("c")}));
    // By hit ratio: best first, APIs without lookups left out.
    QCOMPARE(page.topHitRatioChart()->names(),
             (QStringList{QStringLiteral("b"), QStringLiteral("a")}));
    QCOMPARE(page.topHitRatioChart()->values(), (QList<double>{90.0, 20.0}));
    page.setTrendSource(nullptr);
}

void TestDashboardTelemetry::mainWindowShowsLiveTraffic()
{
    ui::MainWindow window(m_controller.get());
    window.setTelemetryService(
        m_service.get(),
        {{1, QStringLiteral("shop")}, {2, QStringLiteral("weather")}, {3, QStringLiteral("echo")}});
    window.setCurrentPage(ui::MainWindow::Dashboard);
    window.resize(1280, 800);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));

    // A few seconds of steady traffic, so the live lines have several points.
    std::atomic<bool> stop{false};
    const quint16 port = m_controller->port();
    std::thread client([&] {
        const char* targets[] = {"/echo/a", "/shop/1", "/weather", "/echo/b", "/nowhere"};
        for (int i = 0; i < 20000 && !stop.load(); ++i) {
            test::http_request(port, "GET", targets[i % 5], {}, {}, std::chrono::seconds(2));
            std::this_thread::sleep_for(std::chrono::milliseconds(2));
        }
    });
    DashboardPage* page = window.dashboard();
    QTRY_VERIFY_WITH_TIMEOUT(page->latencyChart()->points(2).size() >= 3, 8000);
    QTRY_COMPARE_WITH_TIMEOUT(page->topRequestsChart()->names().size(), 3, 4000);
    stop = true;
    client.join();
    QCOMPARE(page->topRequestsChart()->names().first(), QStringLiteral("echo"));
    saveScreenshot(&window, QStringLiteral("main_window_dashboard_live.png"));
}

namespace {

KpiTile* droppedTile(ui::MainWindow& window)
{
    auto* label = window.dashboard()->findChild<QLabel*>(QStringLiteral("droppedRecordsTile"));
    return label ? qobject_cast<KpiTile*>(label->parentWidget()) : nullptr;
}

} // namespace

// Another Gatehouse records the calls of this telemetry database: this
// console's dropped-records tile says its calls are not recorded, and why,
// rather than a 0 that would read as "nothing lost". Once the other one
// has gone, this one takes the call log over and the tile counts again.
void TestDashboardTelemetry::droppedTileSaysCallsOfAReadOnlyInstanceAreNotRecorded()
{
    app::TelemetryServiceOptions options;
    options.database = m_dir.filePath(QStringLiteral("shared.sqlite"));
    options.summaryIntervalMs = 200;
    options.leaseRetryInterval = std::chrono::milliseconds(200);
    app::GatewayController otherController;
    app::TelemetryService other(&otherController, options);
    QVERIFY2(other.start(), qPrintable(other.lastError()));
    QVERIFY(!other.readOnly());

    app::GatewayController controller;
    controller.setStatsInterval(200);
    app::TelemetryService service(&controller, options);
    QVERIFY2(service.start(), qPrintable(service.lastError()));
    QVERIFY(service.readOnly());
    QVERIFY(controller.applyConfig(m_demo.snapshot()));
    gateway::gateway_options gatewayOptions;
    gatewayOptions.port = 0;
    gatewayOptions.threads = 1;
    QVERIFY2(controller.start(gatewayOptions), qPrintable(controller.lastError()));

    // As app/main.cpp wires a read-only console.
    ui::MainWindow window(&controller);
    window.showTelemetryReadOnly(service.readOnlyMessage());
    window.setTelemetryService(&service);
    window.setCurrentPage(ui::MainWindow::Dashboard);
    window.resize(1280, 800);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    KpiTile* tile = droppedTile(window);
    QVERIFY(tile);
    auto* banner = window.findChild<QLabel*>(QStringLiteral("errorLabel"));
    QVERIFY(banner);

    // Calls go through, samples come in: the tile still says so.
    for (int i = 0; i < 5; ++i)
        QCOMPARE(test::http_request(controller.port(), "GET", "/shop/1").status, 200);
    QTRY_VERIFY_WITH_TIMEOUT(controller.lastSample().requests >= 5, 3000);
    QTest::qWait(300); // a sample or two more
    // Its own traffic still shows live (the read-only writer drains it).
    auto* p99 = window.dashboard()->findChild<QLabel*>(QStringLiteral("p99LatencyTile"));
    QVERIFY(p99);
    QTRY_VERIFY_WITH_TIMEOUT(p99->text() != KpiTile::notAvailable(), 4000);
    QCOMPARE(tile->value(), DashboardPage::tr("Not recorded"));
    QCOMPARE(tile->detail(), DashboardPage::tr("This instance stores no calls"));
    QCOMPARE(tile->toolTip(), service.readOnlyMessage());
    QVERIFY(tile->toolTip().contains(QLatin1String("another Gatehouse")));
    QVERIFY(banner->isVisible());
    QCOMPARE(banner->text(), service.readOnlyMessage());
    test::verifyNothingClipped(window.dashboard(), QStringLiteral("read-only dashboard"));
    saveScreenshot(&window, QStringLiteral("dashboard_not_recorded_read_only.png"));

    QSignalSpy changes(&service, &app::TelemetryService::readOnlyChanged);
    other.stop();
    QTRY_COMPARE_WITH_TIMEOUT(tile->value(), QLocale().toString(0), 5000);
    QCOMPARE(changes.count(), 1);
    QCOMPARE(tile->detail(), DashboardPage::tr("Since the gateway started"));
    QVERIFY(tile->toolTip().isEmpty());
    QVERIFY(!banner->isVisible());
    QCOMPARE(window.statusBar()->currentMessage(),
             ui::MainWindow::tr("The other Gatehouse writing the call logs has stopped: this "
                                "instance now records its calls."));
    // And it does record them now.
    for (int i = 0; i < 3; ++i)
        QCOMPARE(test::http_request(controller.port(), "GET", "/shop/2").status, 200);
    QTRY_VERIFY_WITH_TIMEOUT(
        (service.writer()->flushNow(), service.writer()->counters().written) >= 3, 5000);
    saveScreenshot(&window, QStringLiteral("dashboard_recording_again.png"));
    window.close();
    controller.stopAndWait(std::chrono::seconds(1));
    service.stop();
}

// No call log at all: a telemetry database that cannot be opened, or a
// gateway told to capture no calls (GATEHOUSE_CALL_LOG=off).
void TestDashboardTelemetry::droppedTileSaysCallsAreNotRecordedWithoutACallLog()
{
    {
        app::GatewayController controller;
        app::TelemetryServiceOptions options;
        // A directory that does not exist: SQLite cannot create the file.
        options.database = m_dir.filePath(QStringLiteral("no-such-dir/telemetry.sqlite"));
        options.summaryIntervalMs = 0;
        app::TelemetryService service(&controller, options);
        QVERIFY(!service.start());
        QVERIFY(!service.lastError().isEmpty());
        ui::MainWindow window(&controller);
        window.showTelemetryUnavailable(service.lastError()); // as app/main.cpp does
        window.setCurrentPage(ui::MainWindow::Dashboard);
        window.resize(1280, 800);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        KpiTile* tile = droppedTile(window);
        QVERIFY(tile);
        QCOMPARE(tile->value(), DashboardPage::tr("Not recorded"));
        QCOMPARE(tile->toolTip(),
                 ui::MainWindow::tr(
                     "Call logging is off: the telemetry database could not be opened (%1).")
                     .arg(service.lastError()));
        saveScreenshot(&window, QStringLiteral("dashboard_not_recorded_no_database.png"));
    }
    {
        qputenv("GATEHOUSE_CALL_LOG", "off");
        app::GatewayController controller;
        qunsetenv("GATEHOUSE_CALL_LOG");
        QVERIFY(!controller.callRecording());
        ui::MainWindow window(&controller);
        window.setCurrentPage(ui::MainWindow::Dashboard);
        KpiTile* tile = droppedTile(window);
        QVERIFY(tile);
        QCOMPARE(tile->value(), DashboardPage::tr("Not recorded"));
        QVERIFY2(tile->toolTip().contains(QLatin1String("GATEHOUSE_CALL_LOG=off")),
                 qPrintable(tile->toolTip()));
    }
    // The default: a console that records shows the count.
    app::GatewayController controller;
    QVERIFY(controller.callRecording());
    ui::MainWindow window(&controller);
    KpiTile* tile = droppedTile(window);
    QVERIFY(tile);
    QCOMPARE(tile->value(), QLocale().toString(0));
    QVERIFY(tile->toolTip().isEmpty());
}

// What a warming cache looks like over an hour (synthetic rollups, no
// gateway): every cache chart gets a point per minute. The screenshot is
// for looking at.
void TestDashboardTelemetry::warmingCacheRenders()
{
    const qint64 toMs = QDateTime::currentMSecsSinceEpoch() / 60'000 * 60'000;
    std::vector<app::RollupBucket> buckets;
    for (int m = 0; m < 60; ++m) {
        app::RollupBucket b;
        b.bucketStartUs = (toMs - (60 - m) * 60'000) * 1000;
        auto& c = b.counters;
        c.hits = static_cast<quint64>(60 * m);
        c.misses = static_cast<quint64>(3600 - 55 * m);
        c.stale = static_cast<quint64>(m % 7 * 20);
        c.revalidated = static_cast<quint64>(m % 5 * 30);
        c.bypass = 300;
        c.requests = c.hits + c.misses + c.stale + c.revalidated + c.bypass;
        c.statusClasses[2] = c.requests - 40;
        c.statusClasses[4] = 30;
        c.statusClasses[5] = 10;
        b.latency.record(200 + static_cast<quint64>(3000 - 45 * m), c.requests / 2);
        b.latency.record(800 + static_cast<quint64>(9000 - 120 * m), c.requests / 2);
        b.latency.record(40'000, c.requests / 50 + 1);
        buckets.push_back(b);
    }
    struct Fixed : ui::TrendSource {
        ui::TrendData data;
        void requestTrends(TrendRange) override { emit trendsReady(data); }
    } fixed;
    fixed.data = TelemetryDashboardSource::fromBuckets(TrendRange::LastHour, toMs - 3'600'000, toMs,
                                                       buckets, 60'000);
    fixed.data.apis = {{QStringLiteral("catalog"), 90'000, 92.5},
                       {QStringLiteral("weather"), 61'000, 71.0},
                       {QStringLiteral("checkout"), 20'500, -1.0},
                       {QStringLiteral("search"), 12'000, 35.2}};
    DashboardPage page(m_controller.get());
    page.resize(1050, 740);
    page.show();
    QVERIFY(QTest::qWaitForWindowExposed(&page));
    page.setTrendSource(&fixed);
    page.setRange(TrendRange::LastHour);
    QCOMPARE(page.hitRatioChart()->points(0).size(), 60);
    QCOMPARE(page.cacheChart()->points(4).size(), 60);
    QCOMPARE(page.latencyChart()->points(2).size(), 60);
    QVERIFY(page.hitRatioChart()->points(0).last().y() >
            page.hitRatioChart()->points(0).first().y());
    QCOMPARE(page.topHitRatioChart()->names().size(), 3); // checkout has no lookups
    saveScreenshot(page.findChild<QScrollArea*>()->widget(),
                   QStringLiteral("dashboard_warming_cache.png"));
    page.setTrendSource(nullptr);
}

// While this console is read-only the call log's lease passes from the
// writer it found at start to a third one (here: another host's lock file
// replaces the first one's, atomically): the banner and the dashboard's
// tile name the new writer, without a restart.
void TestDashboardTelemetry::readOnlyBannerNamesTheCurrentWriter()
{
    const QString path = m_dir.filePath(QStringLiteral("passed.sqlite"));
    const QString lockPath = app::WriterLease::lockFilePath(path);
    const auto writeLock = [&](const QByteArray& host) {
        const QString temporary = lockPath + QStringLiteral(".new");
        QFile lock(temporary);
        if (!lock.open(QIODevice::WriteOnly))
            return false;
        lock.write("999999\ngatehouse\n" + host +
                   "\n0123456789abcdef0123456789abcdef\n00000000-1111-2222-3333-444444444444\n");
        lock.close();
        return ::rename(QFile::encodeName(temporary).constData(),
                        QFile::encodeName(lockPath).constData()) == 0;
    };
    QVERIFY(writeLock("first.example"));
    app::TelemetryServiceOptions options;
    options.database = path;
    options.summaryIntervalMs = 200;
    options.leaseRetryInterval = std::chrono::milliseconds(200);
    app::GatewayController controller;
    app::TelemetryService service(&controller, options);
    QVERIFY2(service.start(), qPrintable(service.lastError()));
    QVERIFY(service.readOnly());

    ui::MainWindow window(&controller);
    window.showTelemetryReadOnly(service.readOnlyMessage());
    window.setTelemetryService(&service);
    window.setCurrentPage(ui::MainWindow::Dashboard);
    window.resize(1280, 800);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    auto* banner = window.findChild<QLabel*>(QStringLiteral("errorLabel"));
    QVERIFY(banner);
    KpiTile* tile = droppedTile(window);
    QVERIFY(tile);
    QVERIFY2(banner->text().contains(QLatin1String("host first.example")),
             qPrintable(banner->text()));

    QVERIFY(writeLock("third.example"));
    QTRY_VERIFY_WITH_TIMEOUT(banner->text().contains(QLatin1String("host third.example")), 5000);
    QVERIFY(banner->isVisible());
    QCOMPARE(banner->text(), service.readOnlyMessage());
    QCOMPARE(tile->toolTip(), service.readOnlyMessage());
    QCOMPARE(tile->value(), DashboardPage::tr("Not recorded"));
    saveScreenshot(&window, QStringLiteral("dashboard_read_only_third_writer.png"));

    QVERIFY(QFile::remove(lockPath));
    QTRY_VERIFY_WITH_TIMEOUT(!service.readOnly(), 5000);
    QTRY_VERIFY_WITH_TIMEOUT(!banner->isVisible(), 5000);
    window.close();
    service.stop();
}

QTEST_MAIN(TestDashboardTelemetry)
#include "tst_dashboard_telemetry.moc"
