// SPDX-FileCopyrightText: Gatehouse contributors
// SPDX-License-Identifier: Apache-2.0
// End to end: a real gateway and demo origin on 127.0.0.1, driven through
// GatewayController, with the TelemetryService the product runs.
#include "app/telemetry/telemetry_service.h"

#include "app/demo_workspace.h"
#include "app/gateway_controller.h"
#include "app/telemetry/telemetry_database.h"
#include "gateway/gateway_server.hpp"
#include "tests/support/test_http.h"

#include <QDateTime>
#include <QFile>
#include <QSignalSpy>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

#include <string>

using namespace gatehouse::app;
namespace gw = gatehouse::gateway;
namespace http = gatehouse::test;

namespace {

constexpr int echoCalls = 20; // api 3
constexpr int shopCalls = 10; // api 1
constexpr int noRouteCalls = 5;
constexpr int malformedCalls = 3;
constexpr int totalCalls = echoCalls + shopCalls + noRouteCalls + malformedCalls;

gw::gateway_options ephemeral(unsigned threads)
{
    gw::gateway_options options;
    options.port = 0;
    options.threads = threads;
    return options;
}

} // namespace

class TestTelemetryService : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void everyCallIsStoredAndQueryable();
    void dropCounterCountsWhenWriterStalls();
    void staysAttachedAcrossGatewayRestarts();
    void queriesFailCleanlyWhenStopped();
    void exportWritesTheFilteredCallsToAFile();
    void prometheusTextHasTelemetryFamilies();

private:
    qint64 scalar(const QString& sql);
    void sendTraffic(quint16 port);

    DemoWorkspace m_demo;
    QTemporaryDir m_dir;
    QString m_connection = QStringLiteral("tst-telemetry-service");
};

void TestTelemetryService::initTestCase()
{
    QVERIFY(m_dir.isValid());
    QVERIFY2(m_demo.startOrigin(), qPrintable(m_demo.lastError()));
}

void TestTelemetryService::cleanupTestCase()
{
    telemetry::closeDatabase(m_connection);
    m_demo.stopOrigin();
}

qint64 TestTelemetryService::scalar(const QString& sql)
{
    QSqlQuery q(QSqlDatabase::database(m_connection));
    if (!q.exec(sql) || !q.next()) {
        qWarning("%s: %s", qPrintable(sql), qPrintable(q.lastError().text()));
        return -1;
    }
    return q.value(0).toLongLong();
}

void TestTelemetryService::sendTraffic(quint16 port)
{
    for (int i = 0; i < echoCalls; ++i) {
        const std::string target = "/echo/item-" + std::to_string(i);
        QCOMPARE(http::http_request(port, "GET", target).status, 200);
    }
    for (int i = 0; i < shopCalls; ++i)
        QCOMPARE(http::http_request(port, "GET", "/shop/1").status, 200);
    for (int i = 0; i < noRouteCalls; ++i)
        QCOMPARE(http::http_request(port, "GET", "/no/such/route").status, 404);
    for (int i = 0; i < malformedCalls; ++i) {
        http::http_connection raw;
        QVERIFY(raw.connect(port));
        QVERIFY(raw.send_raw("BROKEN\r\n\r\n"));
        QCOMPARE(raw.read().status, 400);
    }
}

void TestTelemetryService::everyCallIsStoredAndQueryable()
{
    const QString path = m_dir.filePath(QStringLiteral("e2e.sqlite"));
    GatewayController controller;
    TelemetryServiceOptions options;
    options.database = path;
    options.summaryIntervalMs = 100;
    TelemetryService service(&controller, options);
    QVERIFY2(service.start(), qPrintable(service.lastError()));
    QVERIFY(controller.applyConfig(m_demo.snapshot()));
    QVERIFY2(controller.start(ephemeral(2)), qPrintable(controller.lastError()));
    const qint64 beforeUs = QDateTime::currentMSecsSinceEpoch() * 1000 - 1'000'000;

    sendTraffic(controller.port());
    if (QTest::currentTestFailed())
        return;
    // A call is captured just after its response went out: the last ones
    // may reach the rings a moment after the client has its answer.
    QTRY_COMPARE_WITH_TIMEOUT((service.writer()->flushNow(), service.writer()->counters().written),
                              quint64(totalCalls), 5000);
    QVERIFY(service.writer()->flushNow());
    QCOMPARE(service.writer()->counters().written, quint64(totalCalls));

    // The database, read by an independent connection.
    QString error;
    QVERIFY2(telemetry::openDatabase(path, m_connection, &error).isValid(), qPrintable(error));
    QCOMPARE(scalar(QStringLiteral("SELECT COUNT(*) FROM call_log")), qint64(totalCalls));
    QCOMPARE(scalar(QStringLiteral("SELECT COUNT(*) FROM call_log_view WHERE api_id = 3"
                                   " AND status = 200"
                                   " AND method = 'GET' AND path LIKE '/echo/item-%'"
                                   " AND route_id = 'echo' AND total_us > 0")),
             qint64(echoCalls));
    QCOMPARE(scalar(QStringLiteral("SELECT COUNT(*) FROM call_log WHERE api_id = 1"
                                   " AND status = 200 AND path = '/shop/1'")),
             qint64(shopCalls));
    QCOMPARE(scalar(QStringLiteral("SELECT COUNT(*) FROM call_log WHERE status = 404 AND api_id = 0"
                                   " AND error = %1 AND path = '/no/such/route'")
                        .arg(static_cast<int>(gw::call_error::no_route))),
             qint64(noRouteCalls));
    QCOMPARE(scalar(QStringLiteral("SELECT COUNT(*) FROM call_log WHERE status = 400"
                                   " AND error = %1")
                        .arg(static_cast<int>(gw::call_error::bad_request))),
             qint64(malformedCalls));
    QCOMPARE(scalar(QStringLiteral("SELECT COUNT(*) FROM call_log WHERE ts_us < %1").arg(beforeUs)),
             qint64(0));

    // Rollups equal the raw rows, in total and per API, at both resolutions.
    for (const QString& table : {QStringLiteral("rollup_minute"), QStringLiteral("rollup_hour")}) {
        QCOMPARE(scalar(QStringLiteral("SELECT SUM(requests) FROM ") + table +
                        QStringLiteral(" WHERE api_id = 0")),
                 qint64(totalCalls));
        QCOMPARE(scalar(QStringLiteral("SELECT SUM(s2xx) FROM ") + table +
                        QStringLiteral(" WHERE api_id = 0")),
                 qint64(echoCalls + shopCalls));
        QCOMPARE(scalar(QStringLiteral("SELECT SUM(s4xx) FROM ") + table +
                        QStringLiteral(" WHERE api_id = 0")),
                 qint64(noRouteCalls + malformedCalls));
        QCOMPARE(scalar(QStringLiteral("SELECT SUM(requests) FROM ") + table +
                        QStringLiteral(" WHERE api_id = 3")),
                 qint64(echoCalls));
    }
    telemetry::closeDatabase(m_connection);

    // The live window has every call, and the summary shows them per API.
    const LiveSeries::Window window = service.liveSeries()->window(120);
    QCOMPARE(window.counters.requests, quint64(totalCalls));
    QCOMPARE(window.latency.count(), quint64(totalCalls));
    QSignalSpy summaries(&service, &TelemetryService::liveSummaryUpdated);
    // The summary stops at the last whole second: wait for it to include
    // every call (the calls may straddle a second, so one API's total being
    // complete says nothing of the other's).
    const auto summarised = [&service] {
        quint64 n = 0;
        for (const LivePoint& p : service.liveSummary().points)
            n += p.counters.requests;
        return n;
    };
    QTRY_COMPARE_WITH_TIMEOUT(summarised(), quint64(totalCalls), 5000);
    const LiveSummary summary = service.liveSummary();
    QCOMPARE(summary.apis.size(), std::size_t(2));
    QCOMPARE(summary.apis.front().apiId, quint64(3));
    QCOMPARE(summary.apis.front().counters.requests, quint64(echoCalls));
    QCOMPARE(summary.apis.at(1).apiId, quint64(1));
    QCOMPARE(summary.apis.at(1).counters.requests, quint64(shopCalls));
    quint64 live = 0;
    for (const LivePoint& p : summary.points)
        live += p.counters.requests;
    QCOMPARE(live, quint64(totalCalls));
    QVERIFY(summary.p99Ms > 0.0 || summary.points.back().counters.requests == 0);
    // Each API's own latency percentiles over the last seconds, live.
    QCOMPARE(summary.apiLatency.size(), summary.apis.size());
    for (std::size_t i = 0; i < summary.apis.size(); ++i) {
        const LiveSummary::ApiLatency& latency = summary.apiLatency[i];
        QCOMPARE(latency.apiId, summary.apis[i].apiId);
        const LiveSeries::Window own = service.liveSeries()->window(
            LiveSummary::recentSeconds, summary.nowUs - 1'000'000, latency.apiId);
        QVERIFY(!own.latency.isEmpty()); // the calls were sent moments ago
        QCOMPARE(latency.p50Ms, double(own.latency.percentile(50)) / 1000.0);
        QCOMPARE(latency.p99Ms, double(own.latency.percentile(99)) / 1000.0);
        QVERIFY(latency.p50Ms > 0.0);
        QVERIFY(latency.p50Ms <= latency.p95Ms && latency.p95Ms <= latency.p99Ms);
    }
    QCOMPARE(summary.droppedRecords, quint64(0));
    QVERIFY(summaries.count() > 0);

    // Asynchronous queries answer with the same figures.
    const qint64 nowUs = QDateTime::currentMSecsSinceEpoch() * 1000;
    std::vector<RollupBucket> buckets;
    quint64 trendsAnswer = 0;
    connect(&service, &TelemetryService::trendsReady, this,
            [&](quint64 id, const std::vector<RollupBucket>& b) {
                trendsAnswer = id;
                buckets = b;
            });
    const quint64 trendsId =
        service.requestTrends(nowUs - 3'600'000'000LL, nowUs + 60'000'000, TrendBucket::Minute);
    QVERIFY(buckets.empty()); // never answered synchronously
    QTRY_COMPARE_WITH_TIMEOUT(trendsAnswer, trendsId, 5000);
    quint64 trendTotal = 0;
    for (const RollupBucket& b : buckets)
        trendTotal += b.counters.requests;
    QCOMPARE(trendTotal, quint64(totalCalls));
    QVERIFY(buckets.size() >= 60);

    std::vector<ApiTotals> totals;
    connect(&service, &TelemetryService::apiTotalsReady, this,
            [&](quint64, const std::vector<ApiTotals>& t) { totals = t; });
    service.requestApiTotals(nowUs - 3'600'000'000LL, nowUs + 60'000'000, TrendBucket::Hour);
    QTRY_COMPARE_WITH_TIMEOUT(totals.size(), std::size_t(2), 5000);
    QCOMPARE(totals.at(0).apiId, quint64(3));
    QCOMPARE(totals.at(0).counters.requests, quint64(echoCalls));
    QCOMPARE(totals.at(1).counters.requests, quint64(shopCalls));

    std::optional<SearchPage> page;
    connect(&service, &TelemetryService::searchReady, this,
            [&](quint64, const SearchPage& p) { page = p; });
    CallLogFilter filter;
    filter.statusClass = 4;
    service.requestSearch(filter, {}, 100);
    QTRY_VERIFY_WITH_TIMEOUT(page.has_value(), 5000);
    QCOMPARE(page->entries.size(), std::size_t(noRouteCalls + malformedCalls));

    controller.stopAndWait(std::chrono::seconds(1));
    service.stop();
    QVERIFY(!service.running());
}

void TestTelemetryService::dropCounterCountsWhenWriterStalls()
{
    GatewayController controller;
    controller.setStatsInterval(0);
    TelemetryServiceOptions options;
    options.database = m_dir.filePath(QStringLiteral("drops.sqlite"));
    options.summaryIntervalMs = 100;
    TelemetryService service(&controller, options);
    QVERIFY2(service.start(), qPrintable(service.lastError()));
    QVERIFY(controller.applyConfig(m_demo.snapshot()));
    QVERIFY(controller.start(ephemeral(1))); // one worker: one ring

    service.writer()->setPaused(true);
    const std::size_t extra = 50;
    const std::size_t total = gw::gateway_server::call_ring_capacity + extra;
    http::http_connection c;
    QVERIFY(c.connect(controller.port()));
    std::string batch;
    for (int i = 0; i < 100; ++i)
        batch += "GET /no/such/route HTTP/1.1\r\nHost: a\r\n\r\n";
    std::size_t sent = 0;
    while (sent < total) {
        const std::size_t n = std::min<std::size_t>(100, total - sent);
        QVERIFY(c.send_raw(batch.substr(0, batch.size() / 100 * n)));
        for (std::size_t i = 0; i < n; ++i)
            QCOMPARE(c.read().status, 404);
        sent += n;
    }
    QTRY_COMPARE_WITH_TIMEOUT(service.droppedRecords(), quint64(extra), 3000);
    // The console sees it through both the summary and the stats sample.
    QTRY_COMPARE_WITH_TIMEOUT(service.liveSummary().droppedRecords, quint64(extra), 3000);
    controller.pollStats();
    QCOMPARE(controller.lastSample().droppedCallRecords, quint64(extra));

    service.writer()->setPaused(false);
    QVERIFY(service.writer()->flushNow());
    QCOMPARE(service.writer()->counters().written + service.droppedRecords(), quint64(total));
    controller.stopAndWait(std::chrono::seconds(1));
    service.stop();
}

void TestTelemetryService::staysAttachedAcrossGatewayRestarts()
{
    GatewayController controller;
    TelemetryServiceOptions options;
    options.database = m_dir.filePath(QStringLiteral("restart.sqlite"));
    TelemetryService service(&controller, options);
    QVERIFY(service.start());
    QVERIFY(controller.applyConfig(m_demo.snapshot()));
    constexpr int perRun = 7;
    for (int run = 0; run < 3; ++run) {
        // More workers than before on the last run: new rings get drained too.
        QVERIFY2(controller.start(ephemeral(run == 2 ? 3 : 1)), qPrintable(controller.lastError()));
        for (int i = 0; i < perRun; ++i)
            QCOMPARE(http::http_request(controller.port(), "GET", "/echo/r").status, 200);
        controller.stopAndWait(std::chrono::seconds(1));
    }
    QVERIFY(service.writer()->flushNow());
    QCOMPARE(service.writer()->counters().written, quint64(3 * perRun));
    service.stop();
}

void TestTelemetryService::queriesFailCleanlyWhenStopped()
{
    GatewayController controller;
    TelemetryServiceOptions options;
    options.database = m_dir.filePath(QStringLiteral("stopped.sqlite"));
    TelemetryService service(&controller, options);
    QSignalSpy failed(&service, &TelemetryService::queryFailed);
    const quint64 id = service.requestTrends(0, 1, TrendBucket::Minute);
    QVERIFY(failed.isEmpty()); // asynchronous even then
    QTRY_COMPARE_WITH_TIMEOUT(failed.count(), 1, 2000);
    QCOMPARE(failed.at(0).at(0).toULongLong(), id);

    // A database that cannot be opened is reported, not thrown.
    TelemetryServiceOptions bad;
    bad.database = m_dir.filePath(QStringLiteral("no/such/dir/t.sqlite"));
    TelemetryService broken(&controller, bad);
    QVERIFY(!broken.start());
    QVERIFY(!broken.lastError().isEmpty());
}

void TestTelemetryService::exportWritesTheFilteredCallsToAFile()
{
    GatewayController controller;
    TelemetryServiceOptions options;
    options.database = m_dir.filePath(QStringLiteral("export.sqlite"));
    TelemetryService service(&controller, options);
    QVERIFY2(service.start(), qPrintable(service.lastError()));
    QVERIFY(controller.applyConfig(m_demo.snapshot()));
    QVERIFY2(controller.start(ephemeral(2)), qPrintable(controller.lastError()));
    sendTraffic(controller.port());
    if (QTest::currentTestFailed())
        return;
    QTRY_COMPARE_WITH_TIMEOUT((service.writer()->flushNow(), service.writer()->counters().written),
                              quint64(totalCalls), 5000);

    QSignalSpy finished(&service, &TelemetryService::exportFinished);
    CallLogFilter filter;
    filter.statusClass = 4;
    const QString path = m_dir.filePath(QStringLiteral("4xx.csv"));
    const quint64 id = service.requestExport(filter, path);
    QVERIFY(finished.isEmpty()); // never answered synchronously
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 5000);
    QCOMPARE(finished.at(0).at(0).toULongLong(), id);
    QCOMPARE(finished.at(0).at(1).toLongLong(), qint64(noRouteCalls + malformedCalls));
    QCOMPARE(finished.at(0).at(2).toString(), QString());
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QList<QByteArray> lines = file.readAll().split('\n');
    QCOMPARE(lines.size(), 1 + noRouteCalls + malformedCalls + 1); // header, rows, ""
    QVERIFY(lines.first().startsWith("id,time,ts_us,request_id"));
    for (int i = 1; i <= noRouteCalls + malformedCalls; ++i)
        QVERIFY2(lines[i].split(',').value(9).startsWith('4'), lines[i].constData());

    // A folder that does not exist: the error comes back, no file.
    const QString nowhere = m_dir.filePath(QStringLiteral("no/such/dir/x.csv"));
    service.requestExport(filter, nowhere);
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 2, 5000);
    QVERIFY(!finished.at(1).at(2).toString().isEmpty());
    QVERIFY(!QFile::exists(nowhere));

    // Cancelled before its first page is written: no file either.
    const QString cancelled = m_dir.filePath(QStringLiteral("cancelled.csv"));
    service.cancelExport(service.requestExport({}, cancelled));
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 3, 5000);
    QCOMPARE(finished.at(2).at(2).toString(), QStringLiteral("cancelled"));
    QVERIFY(!QFile::exists(cancelled));

    controller.stopAndWait(std::chrono::seconds(1));
    service.stop();
    // Stopped: refused, still asynchronously.
    service.requestExport(filter, path);
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 4, 2000);
    QCOMPARE(finished.at(3).at(2).toString(), QStringLiteral("telemetry is not running"));
}

void TestTelemetryService::prometheusTextHasTelemetryFamilies()
{
    GatewayController controller;
    TelemetryServiceOptions options;
    options.database = m_dir.filePath(QStringLiteral("metrics.sqlite"));
    TelemetryService service(&controller, options);
    QVERIFY(service.start());
    QVERIFY(controller.applyConfig(m_demo.snapshot()));
    QVERIFY(controller.start(ephemeral(1)));
    QCOMPARE(http::http_request(controller.port(), "GET", "/echo/m").status, 200);
    QTRY_COMPARE_WITH_TIMEOUT((service.writer()->flushNow(), service.writer()->counters().written),
                              quint64(1), 5000);
    const QByteArray text = service.prometheusText();
    QVERIFY2(text.contains("# TYPE"), text.constData());
    QVERIFY2(text.contains("api=\"3\"") || text.contains("api_id=\"3\""), text.constData());
    controller.stopAndWait(std::chrono::seconds(1));
    service.stop();
}

QTEST_GUILESS_MAIN(TestTelemetryService)
#include "tst_telemetry_service.moc"
