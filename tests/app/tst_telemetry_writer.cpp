// SPDX-FileCopyrightText: Gatehouse contributors
// SPDX-License-Identifier: Apache-2.0
#include "app/telemetry/call_log_writer.h"

#include "app/telemetry/request_id_key.h"
#include "app/telemetry/rollup_store.h"
#include "app/telemetry/telemetry_database.h"
#include "tests/app/telemetry_test_support.h"
#include "tests/gateway/gateway_fixture.h"
#include "tests/support/test_http.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QProcess>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QtTest/QTest>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <limits>
#include <map>

using namespace gatehouse;
using namespace gatehouse::app;
using namespace gatehouse::test;

namespace {

qint64 scalar(QSqlDatabase& db, const QString& sql)
{
    QSqlQuery q(db);
    if (!q.exec(sql) || !q.next()) {
        qWarning("%s: %s", qPrintable(sql), qPrintable(q.lastError().text()));
        return -1;
    }
    return q.value(0).toLongLong();
}

// --crash-child <db>: writes synthetic calls as fast as the writer takes
// them and prints every committed total ("acked N") until it is killed.
int crashChild(const QString& path)
{
    CallLogWriterOptions options;
    options.database = path;
    QElapsedTimer clock;
    clock.start();
    quint64 produced = 0;
    const qint64 base = nowUs();
    CallLogWriter writer(options, [&](std::vector<gateway::call_record>& out, std::size_t max) {
        // 300,000 calls/s offered: more than the writer takes, so it always has work.
        const quint64 due = static_cast<quint64>(clock.nsecsElapsed() / 1000) * 3 / 10;
        const std::size_t n = static_cast<std::size_t>(std::min<quint64>(max, due - produced));
        for (std::size_t i = 0; i < n; ++i)
            out.push_back(makeRecord(base + static_cast<qint64>(produced + i), 7, 200,
                                     static_cast<std::uint32_t>(100 + (produced + i) % 5000)));
        produced += n;
        return n;
    });
    if (!writer.start()) {
        std::fprintf(stderr, "start failed: %s\n", qPrintable(writer.lastError()));
        return 2;
    }
    for (;;) {
        std::printf("acked %llu\n", static_cast<unsigned long long>(writer.counters().written));
        std::fflush(stdout);
        QThread::msleep(5);
    }
}

// The gateway's own id for a call at `tsUs`: 32 hex digits, its
// millisecond first (stored packed, see request_id_key.h).
std::string gatewayRequestId(qint64 tsUs, quint64 salt)
{
    char id[33];
    std::snprintf(id, sizeof id, "%012llx%020llx",
                  static_cast<unsigned long long>(tsUs / 1000) & 0xffffffffffffULL,
                  static_cast<unsigned long long>(salt));
    return std::string(id, 32);
}

// `fill` repeated to exactly `bytes` UTF-8 bytes (`fill` is 1 or 2 bytes
// long, and an odd remainder is made up with an ASCII letter).
std::string fullText(std::size_t bytes, const char* fill)
{
    std::string s;
    const std::size_t step = std::strlen(fill);
    while (s.size() + step <= bytes)
        s += fill;
    s.append(bytes - s.size(), 'x');
    return s;
}

// Record `i` of a batch that puts every field at its extremes in turn:
// 0 and the type's maximum for the numbers, every cache status and error,
// texts empty, short and filled to their capacity with multi-byte UTF-8,
// request ids packed, kept as text, and empty.
gateway::call_record extremeRecord(int i, qint64 baseUs)
{
    constexpr quint64 u64max = std::numeric_limits<quint64>::max();
    constexpr std::uint32_t u32max = std::numeric_limits<std::uint32_t>::max();
    gateway::call_record r;
    r.timestamp_us = i % 97 == 0 ? 1 : baseUs + i; // the epoch's first microsecond too
    const quint64 apis[] = {0, 1, 7, u64max};
    r.api_id = apis[i % 4];
    const quint64 apps[] = {0, 1, u64max};
    r.application_id = apps[i % 3];
    const quint64 bytes[] = {0, u64max, 12345};
    r.bytes_in = bytes[i % 3];
    r.bytes_out = bytes[(i + 1) % 3];
    const std::uint32_t latencies[] = {0, u32max, 1000};
    r.total_latency_us = latencies[i % 3];
    r.upstream_latency_us = latencies[(i + 2) % 3];
    const std::uint16_t statuses[] = {0, 100, 200, 304, 404, 599, 65535};
    r.status = statuses[i % 7];
    r.cache = static_cast<gateway::cache_status>(i % 6);
    r.error = static_cast<gateway::call_error>(i % (int(gateway::call_error::not_cached) + 1));
    const auto text = [i](auto& field, std::size_t capacity, const char* name) {
        if (i % 5 == 0)
            field.assign("");
        else if (i % 2)
            field.assign(fullText(capacity, i % 3 ? "\xc3\xa9" : "z")); // "é"
        else
            field.assign(std::string(name) + std::to_string(i % 11));
    };
    text(r.method, sizeof r.method.data, "M");
    text(r.route_id, sizeof r.route_id.data, "route-");
    text(r.upstream, sizeof r.upstream.data, "http://u");
    text(r.client_address, sizeof r.client_address.data, "10.0.0.");
    text(r.path, sizeof r.path.data, "/p/");
    if (i % 3 == 0)
        r.request_id.assign(gatewayRequestId(r.timestamp_us, quint64(i) * 0x9e3779b97f4aULL));
    else if (i % 3 == 1)
        r.request_id.assign(fullText(sizeof r.request_id.data, "k"));
    else
        r.request_id.assign("");
    return r;
}

QString utf8(std::string_view s)
{
    return QString::fromUtf8(s.data(), static_cast<qsizetype>(s.size()));
}

} // namespace

class TestTelemetryWriter : public QObject {
    Q_OBJECT

private:
    gateway::demo_origin m_origin;
    QTemporaryDir m_dir;
    QString m_connection = QStringLiteral("tst-telemetry-writer");

    QString dbPath(const QString& name) const { return m_dir.filePath(name); }
    QSqlDatabase open(const QString& path)
    {
        telemetry::closeDatabase(m_connection);
        QString error;
        QSqlDatabase db = telemetry::openDatabase(path, m_connection, &error);
        if (!db.isValid())
            qWarning("open: %s", qPrintable(error));
        return db;
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QCOMPARE(QString::fromStdString(m_origin.start()), QString());
    }
    void cleanupTestCase() { telemetry::closeDatabase(m_connection); }

    void noLossEndToEnd();
    void rollupsAndPercentiles();
    void batchesAndLiveSeries();
    void dropsCountedWhenStalled();
    void retentionRemovesOnlyOld();
    void retentionOnItsOwnPrunesTexts();
    void crashRecovery();
    void everyFieldStoredInBatchesOfAnySize_data() { addBackendRows(); }
    void everyFieldStoredInBatchesOfAnySize();
};

void TestTelemetryWriter::noLossEndToEnd()
{
    gateway::config_snapshot config;
    config.upstreams.push_back(make_upstream("origin", {m_origin.port()}));
    config.upstreams.push_back(make_upstream("dead", {unused_port()}));
    auto route = make_route("products", "/products", "origin");
    route.api_id = 42;
    config.routes.push_back(route);
    auto dead = make_route("dead", "/dead", "dead");
    dead.api_id = 43;
    config.routes.push_back(dead);
    gateway::gateway_server gw;
    QVERIFY(gw.apply(config).empty());

    CallLogWriterOptions options;
    options.database = dbPath(QStringLiteral("noloss.db"));
    CallLogWriter writer(
        options, [&](auto& out, std::size_t max) { return gw.drain_call_records(out, max); },
        [&] { return gw.dropped_call_records(); });
    QVERIFY2(writer.start(), qPrintable(writer.lastError()));
    gw.set_call_records_hook(writer.hook());
    QCOMPARE(QString::fromStdString(gw.start(test_options())), QString());

    constexpr int ok = 300;
    http_connection keepAlive;
    QVERIFY(keepAlive.connect(gw.port()));
    for (int i = 0; i < ok; ++i) {
        QVERIFY(keepAlive.send("GET", "/products/" + std::to_string(i % 50 + 1),
                               {{"X-Request-Id", "call-" + std::to_string(i)}}));
        QCOMPARE(keepAlive.read().status, 200);
    }
    constexpr int rejected = 10;
    for (int i = 0; i < rejected; ++i) {
        QCOMPARE(http_request(gw.port(), "GET", "/nowhere/" + std::to_string(i),
                              {{"X-Request-Id", "nf-" + std::to_string(i)}})
                     .status,
                 404);
        QCOMPARE(
            http_request(gw.port(), "GET", "/dead/x", {{"X-Request-Id", "bg-" + std::to_string(i)}})
                .status,
            502);
        http_connection raw;
        QVERIFY(raw.connect(gw.port()));
        QVERIFY(raw.send_raw("BROKEN\r\n\r\n"));
        QCOMPARE(raw.read().status, 400);
    }
    const int total = ok + 3 * rejected;
    QSqlDatabase db = open(options.database);
    QTRY_COMPARE_WITH_TIMEOUT(
        (writer.flushNow(), scalar(db, QStringLiteral("SELECT COUNT(*) FROM call_log"))),
        qint64(total), 5000);
    QTest::qWait(150); // nothing more may arrive
    QVERIFY(writer.flushNow());
    QCOMPARE(scalar(db, QStringLiteral("SELECT COUNT(*) FROM call_log")), qint64(total));
    QCOMPARE(writer.counters().written, quint64(total));
    QCOMPARE(writer.counters().dropped, quint64(0));

    QSqlQuery q(db);
    QVERIFY(q.exec(QStringLiteral(
        "SELECT COALESCE(request_text, hex(request_id)), api_id, route_id, method, path, status,"
        " upstream, error, client, bytes_in, bytes_out, total_us,"
        " upstream_us, ts_us FROM call_log_view")));
    std::map<QString, int> statuses;
    int products = 0;
    while (q.next()) {
        const QString id = q.value(0).toString();
        const int status = q.value(5).toInt();
        ++statuses[QString::number(status)];
        QCOMPARE(q.value(8).toString(), QStringLiteral("127.0.0.1"));
        QVERIFY(q.value(9).toLongLong() > 0);
        QVERIFY(q.value(13).toLongLong() > 1'600'000'000'000'000LL);
        if (id.startsWith(QLatin1String("call-"))) {
            ++products;
            const int i = id.mid(5).toInt();
            QCOMPARE(q.value(1).toLongLong(), 42);
            QCOMPARE(q.value(2).toString(), QStringLiteral("products"));
            QCOMPARE(q.value(3).toString(), QStringLiteral("GET"));
            QCOMPARE(q.value(4).toString(), QStringLiteral("/products/%1").arg(i % 50 + 1));
            QCOMPARE(status, 200);
            QCOMPARE(q.value(6).toString(), QString::fromStdString(origin_url(m_origin.port())));
            QCOMPARE(q.value(7).toInt(), int(gateway::call_error::none));
            QVERIFY(q.value(10).toLongLong() > 100);
            QVERIFY(q.value(11).toLongLong() >= q.value(12).toLongLong());
        } else if (id.startsWith(QLatin1String("nf-"))) {
            QCOMPARE(status, 404);
            QCOMPARE(q.value(7).toInt(), int(gateway::call_error::no_route));
        } else if (id.startsWith(QLatin1String("bg-"))) {
            QCOMPARE(status, 502);
            QCOMPARE(q.value(1).toLongLong(), 43);
            QCOMPARE(q.value(7).toInt(), int(gateway::call_error::upstream_unavailable));
        } else {
            QCOMPARE(status, 400);
            QCOMPARE(q.value(7).toInt(), int(gateway::call_error::bad_request));
        }
    }
    QCOMPARE(products, ok);
    QCOMPARE(statuses[QStringLiteral("200")], ok);
    QCOMPARE(statuses[QStringLiteral("404")], rejected);
    QCOMPARE(statuses[QStringLiteral("502")], rejected);
    QCOMPARE(statuses[QStringLiteral("400")], rejected);
    QCOMPARE(scalar(db, QStringLiteral("SELECT COUNT(DISTINCT request_text) FROM call_log"
                                       " WHERE request_text LIKE 'call-%'")),
             qint64(ok));

    // Rollups match the raw rows, in total and per API, minute and hour.
    for (const QString& table : {QStringLiteral("rollup_minute"), QStringLiteral("rollup_hour")}) {
        QCOMPARE(scalar(db, QStringLiteral("SELECT SUM(requests) FROM ") + table +
                                QStringLiteral(" WHERE api_id = 0")),
                 qint64(total));
        QCOMPARE(scalar(db, QStringLiteral("SELECT SUM(requests) FROM ") + table +
                                QStringLiteral(" WHERE api_id = 42")),
                 qint64(ok));
        QCOMPARE(scalar(db, QStringLiteral("SELECT SUM(s5xx) FROM ") + table +
                                QStringLiteral(" WHERE api_id = 43")),
                 qint64(rejected));
        QCOMPARE(scalar(db, QStringLiteral("SELECT SUM(s4xx) FROM ") + table +
                                QStringLiteral(" WHERE api_id = 0")),
                 qint64(2 * rejected));
        QCOMPARE(scalar(db, QStringLiteral("SELECT SUM(bytes_out) FROM ") + table +
                                QStringLiteral(" WHERE api_id = 0")),
                 scalar(db, QStringLiteral("SELECT SUM(bytes_out) FROM call_log")));
        QCOMPARE(
            scalar(db, QStringLiteral("SELECT SUM(bytes_in) FROM ") + table +
                           QStringLiteral(" WHERE api_id = 42")),
            scalar(db, QStringLiteral("SELECT SUM(bytes_in) FROM call_log WHERE api_id = 42")));
    }
    gw.set_call_records_hook({});
    gw.stop();
    writer.stop();
}

void TestTelemetryWriter::rollupsAndPercentiles()
{
    FeedSource feed;
    CallLogWriterOptions options;
    options.database = dbPath(QStringLiteral("rollups.db"));
    CallLogWriter writer(options, feed.source());
    QVERIFY(writer.start());
    // Log-uniform latencies from 1 µs to 60 s over three hours, three APIs,
    // written in several flushes so rows are merged across flushes.
    const qint64 start = (nowUs() / 3'600'000'000LL - 5) * 3'600'000'000LL;
    std::vector<std::uint32_t> latencies;
    quint32 seed = 12345;
    for (int i = 0; i < 30000; ++i) {
        seed = seed * 1664525u + 1013904223u;
        const double u = (seed >> 8) / double(1 << 24);
        const auto latency = static_cast<std::uint32_t>(std::exp(u * std::log(60e6)));
        latencies.push_back(latency);
        const int status = (i % 10 == 0) ? 503 : (i % 7 == 0 ? 404 : 200);
        auto r = makeRecord(start + qint64(i) * 360'000LL, quint64(i % 3 + 1), status, latency);
        r.cache = static_cast<gateway::cache_status>(i % 6);
        feed.push(r);
        if (i % 7000 == 0)
            QVERIFY(writer.flushNow());
    }
    QVERIFY(writer.flushNow());
    QCOMPARE(writer.counters().written, quint64(30000));

    QSqlDatabase db = open(options.database);
    for (const QString& table : {QStringLiteral("rollup_minute"), QStringLiteral("rollup_hour")}) {
        QSqlQuery q(db);
        QVERIFY(q.exec(QStringLiteral("SELECT ") + RollupStore::selectColumns() +
                       QStringLiteral(" FROM ") + table));
        std::map<quint64, RollupBucket> byApi;
        while (q.next()) {
            const RollupBucket b = RollupStore::bucketFromQuery(q);
            byApi[b.apiId].counters.merge(b.counters);
            byApi[b.apiId].latency.merge(b.latency);
            QCOMPARE(b.latency.count(), b.counters.requests);
        }
        QCOMPARE(byApi.size(), std::size_t(4));
        QCOMPARE(byApi[0].counters.requests, quint64(30000));
        QCOMPARE(byApi[1].counters.requests + byApi[2].counters.requests +
                     byApi[3].counters.requests,
                 quint64(30000));
        QCOMPARE(byApi[0].counters.statusClasses[5], quint64(3000));
        QCOMPARE(byApi[0].counters.hits, quint64(5000));
        QCOMPARE(byApi[0].counters.bypass, quint64(5000));
        QCOMPARE(byApi[0].counters.bytesOut, quint64(30000) * 1000);
        QCOMPARE(
            qint64(byApi[0].counters.statusClasses[4]),
            scalar(db, QStringLiteral("SELECT COUNT(*) FROM call_log WHERE status / 100 = 4")));

        std::sort(latencies.begin(), latencies.end());
        for (double p : {50.0, 90.0, 95.0, 99.0, 99.9}) {
            const auto rank = static_cast<std::size_t>(std::ceil(p / 100.0 * latencies.size()));
            const double exact = latencies[rank - 1];
            const double got = double(byApi[0].latency.percentile(p));
            QVERIFY2(std::abs(got - exact) <= exact * LatencyHistogram::relativeErrorBound(),
                     qPrintable(QStringLiteral("p%1: %2 vs exact %3").arg(p).arg(got).arg(exact)));
        }
    }
    writer.stop();
}

void TestTelemetryWriter::batchesAndLiveSeries()
{
    FeedSource feed;
    CallLogWriterOptions options;
    options.database = dbPath(QStringLiteral("batches.db"));
    options.batchRows = 4000;
    CallLogWriter writer(options, feed.source());
    QVERIFY(writer.start());
    const qint64 now = nowUs();
    for (int i = 0; i < 10000; ++i)
        feed.push(makeRecord(now - (i % 10) * 1'000'000LL, i % 2 ? 5 : 0, 200, 1000 + i % 100));
    QVERIFY(writer.flushNow());
    const auto counters = writer.counters();
    QCOMPARE(counters.written, quint64(10000));
    QCOMPARE(counters.batches, quint64(3)); // 4000 + 4000 + 2000: one transaction each
    QVERIFY(counters.lastFlushUs > 0);

    // The 100 ms timer flushes without any wake-up.
    feed.push(makeRecord(now, 5, 200, 10));
    QTRY_COMPARE_WITH_TIMEOUT(writer.counters().written, quint64(10001), 2000);

    const auto live = writer.liveSeries()->snapshot(60, 0, now);
    QCOMPARE(live.size(), std::size_t(60));
    quint64 sum = 0;
    for (const auto& p : live)
        sum += p.counters.requests;
    QCOMPARE(sum, quint64(10001));
    QCOMPARE(live.back().counters.requests, quint64(1001));
    QVERIFY(live.back().p50Us >= 1000 && live.back().p99Us <= 1100);
    quint64 api5 = 0;
    for (const auto& p : writer.liveSeries()->snapshot(60, 5, now))
        api5 += p.counters.requests;
    QCOMPARE(api5, quint64(5001));
    QCOMPARE(writer.liveSeries()->apis(), std::vector<quint64>{5});
    writer.stop();
}

void TestTelemetryWriter::dropsCountedWhenStalled()
{
    gateway::config_snapshot config;
    config.upstreams.push_back(make_upstream("origin", {m_origin.port()}));
    config.routes.push_back(make_route("all", "/", "origin"));
    gateway::gateway_server gw;
    QVERIFY(gw.apply(config).empty());
    CallLogWriterOptions options;
    options.database = dbPath(QStringLiteral("drops.db"));
    CallLogWriter writer(
        options, [&](auto& out, std::size_t max) { return gw.drain_call_records(out, max); },
        [&] { return gw.dropped_call_records(); });
    QVERIFY(writer.start());
    gw.set_call_records_hook(writer.hook());
    auto gwOptions = test_options();
    gwOptions.threads = 1;
    QCOMPARE(QString::fromStdString(gw.start(gwOptions)), QString());

    writer.setPaused(true);
    const std::size_t extra = 77;
    const std::size_t total = gateway::gateway_server::call_ring_capacity + extra;
    http_connection c;
    QVERIFY(c.connect(gw.port()));
    std::string batch;
    for (int i = 0; i < 100; ++i)
        batch += "GET /health HTTP/1.1\r\nHost: a\r\n\r\n";
    std::size_t sent = 0;
    while (sent < total) {
        const std::size_t n = std::min<std::size_t>(100, total - sent);
        QVERIFY(c.send_raw(batch.substr(0, batch.size() / 100 * n)));
        for (std::size_t i = 0; i < n; ++i)
            QCOMPARE(c.read().status, 200);
        sent += n;
    }
    QTRY_COMPARE_WITH_TIMEOUT(writer.counters().dropped, quint64(extra), 3000);
    QCOMPARE(writer.counters().written, quint64(0));
    writer.setPaused(false);
    QTRY_COMPARE_WITH_TIMEOUT(writer.counters().written,
                              quint64(gateway::gateway_server::call_ring_capacity), 5000);
    QCOMPARE(writer.metrics().writer.dropped, quint64(extra));
    gw.set_call_records_hook({});
    gw.stop();
    writer.stop();
}

void TestTelemetryWriter::retentionRemovesOnlyOld()
{
    FeedSource feed;
    CallLogWriterOptions options;
    options.database = dbPath(QStringLiteral("retention.db"));
    options.retention.batchRows = 100; // many small batches
    options.retentionEnabled = false;  // only when asked
    CallLogWriter writer(options, feed.source());
    QVERIFY(writer.start());
    constexpr qint64 day = 86'400'000'000LL;
    const qint64 now = nowUs();
    // Raw rows: 1000 at 10 days old, 500 at 6 days, 300 today. Rollups also
    // at 40 days (minute rollups go) and 400 days (hour rollups go).
    for (int i = 0; i < 1000; ++i)
        feed.push(makeRecord(now - 10 * day + i, 1, 200, 10));
    for (int i = 0; i < 500; ++i)
        feed.push(makeRecord(now - 6 * day + i, 1, 200, 10));
    for (int i = 0; i < 300; ++i)
        feed.push(makeRecord(now - 1000 + i, 1, 200, 10));
    feed.push(makeRecord(now - 40 * day, 1, 200, 10));
    feed.push(makeRecord(now - 400 * day, 1, 200, 10));
    QVERIFY(writer.flushNow());

    QSqlDatabase db = open(options.database);
    QCOMPARE(scalar(db, QStringLiteral("SELECT COUNT(*) FROM call_log")), qint64(1802));
    const auto count = [&](const char* sql) {
        return scalar(db, QLatin1String(sql));
    };
    const qint64 minutesBefore = count("SELECT COUNT(*) FROM rollup_minute");
    const qint64 hoursBefore = count("SELECT COUNT(*) FROM rollup_hour");

    const auto step = writer.runRetentionNow(now);
    QVERIFY2(step.ok, qPrintable(step.error));
    QCOMPARE(count("SELECT COUNT(*) FROM call_log"), qint64(800));
    QCOMPARE(count("SELECT MIN(ts_us) FROM call_log"), now - 6 * day);
    // The 40- and 400-day-old minute rows go (2 rows each: total + API 1);
    // of the hour rows only the 400-day-old ones.
    QCOMPARE(count("SELECT COUNT(*) FROM rollup_minute"), minutesBefore - 4);
    QCOMPARE(count("SELECT COUNT(*) FROM rollup_hour"), hoursBefore - 2);
    QCOMPARE(count("SELECT SUM(requests) FROM rollup_hour WHERE api_id = 0"), qint64(1801));

    // A row cap keeps the newest rows.
    RetentionPolicy capped = options.retention;
    capped.rawRowCap = 250;
    writer.setRetentionPolicy(capped);
    QVERIFY(writer.runRetentionNow(now).ok);
    QCOMPARE(count("SELECT COUNT(*) FROM call_log"), qint64(250));
    QCOMPARE(count("SELECT MIN(ts_us) FROM call_log"), now - 1000 + 50);
    QVERIFY(writer.counters().retentionDeleted >= quint64(1802 - 250));
    writer.stop();

    // On its own, between flushes: a writer with retention on and a short
    // interval removes the old rows in small batches while new ones arrive.
    FeedSource feed2;
    options.database = dbPath(QStringLiteral("retention-auto.db"));
    options.retentionEnabled = true;
    options.retentionInterval = std::chrono::milliseconds(50);
    CallLogWriter automatic(options, feed2.source());
    QVERIFY(automatic.start());
    for (int i = 0; i < 2000; ++i)
        feed2.push(makeRecord(now - 8 * day + i, 1, 200, 10));
    for (int i = 0; i < 100; ++i)
        feed2.push(makeRecord(now + i, 1, 200, 10));
    QVERIFY(automatic.flushNow());
    QTRY_COMPARE_WITH_TIMEOUT(automatic.counters().retentionDeleted, quint64(2000), 5000);
    automatic.stop();
    db = QSqlDatabase(); // release the first connection before reopening by name
    QSqlDatabase autoDb = open(options.database);
    QCOMPARE(scalar(autoDb, QStringLiteral("SELECT COUNT(*) FROM call_log")), qint64(100));
}

void TestTelemetryWriter::retentionOnItsOwnPrunesTexts()
{
    // Between flushes, the writer's own retention removes a client address
    // only old calls used; when that client calls again, the writer (which
    // had its id cached) stores the address anew.
    FeedSource feed;
    CallLogWriterOptions options;
    options.database = dbPath(QStringLiteral("retention-texts.db"));
    options.retentionInterval = std::chrono::milliseconds(50);
    options.retention.batchRows = 3;
    constexpr qint64 day = 86'400'000'000LL;
    const qint64 now = nowUs();
    const auto call = [](qint64 ts, const char* client) {
        auto r = makeRecord(ts, 1, 200, 10);
        r.client_address.assign(client);
        return r;
    };
    CallLogWriter writer(options, feed.source());
    QVERIFY(writer.start());
    for (int i = 0; i < 10; ++i)
        feed.push(call(now - 9 * day + i, "198.51.100.9"));
    QVERIFY(writer.flushNow());
    feed.push(call(now, "203.0.113.1"));
    QVERIFY(writer.flushNow());

    QSqlDatabase db = open(options.database);
    const QString old =
        QStringLiteral("SELECT COUNT(*) FROM call_text WHERE value = '198.51.100.9'");
    QTRY_COMPARE_WITH_TIMEOUT(scalar(db, old), qint64(0), 5000);
    QCOMPARE(scalar(db, QStringLiteral("SELECT COUNT(*) FROM call_log")), qint64(1));
    // The writer adds a retention step's deletions to its counters just after
    // the step's commit, which the query above can see first.
    QTRY_VERIFY_WITH_TIMEOUT(writer.counters().retentionDeleted >= quint64(10 + 1), 2000);

    feed.push(call(now + 1, "198.51.100.9"));
    QVERIFY(writer.flushNow());
    QSqlQuery q(db);
    QVERIFY(q.exec(QStringLiteral("SELECT client FROM call_log_view ORDER BY id")));
    QStringList clients;
    while (q.next())
        clients << q.value(0).toString();
    QCOMPARE(clients, (QStringList{QStringLiteral("203.0.113.1"), QStringLiteral("198.51.100.9")}));
    writer.stop();
}

void TestTelemetryWriter::crashRecovery()
{
    const QString path = dbPath(QStringLiteral("crash.db"));
    QProcess child;
    child.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    child.start(QCoreApplication::applicationFilePath(), {QStringLiteral("--crash-child"), path});
    QVERIFY(child.waitForStarted());
    quint64 acked = 0;
    QElapsedTimer timer;
    timer.start();
    // Kill it mid-stream once a good number of rows are committed.
    while (acked < 150000 && timer.elapsed() < 20000) {
        if (!child.waitForReadyRead(1000))
            continue;
        while (child.canReadLine()) {
            const QByteArray line = child.readLine().trimmed();
            if (line.startsWith("acked "))
                acked = std::max(acked, line.mid(6).toULongLong());
        }
    }
    child.kill(); // SIGKILL
    QVERIFY(child.waitForFinished(5000));
    QCOMPARE(child.exitStatus(), QProcess::CrashExit);
    QVERIFY2(acked > 0, "the child never committed anything");

    QSqlDatabase db = open(path);
    QVERIFY(db.isValid());
    QSqlQuery q(db);
    QVERIFY(q.exec(QStringLiteral("PRAGMA integrity_check")));
    QVERIFY(q.next());
    QCOMPARE(q.value(0).toString(), QStringLiteral("ok"));
    q.finish(); // an open statement would pin this connection's WAL snapshot
    const qint64 rows = scalar(db, QStringLiteral("SELECT COUNT(*) FROM call_log"));
    qInfo("acknowledged before the kill: %llu, rows after: %lld", acked, rows);
    // Every acknowledged (committed) flush survives; the spec allows one
    // batch less, the WAL gives all of them.
    QVERIFY(rows >= qint64(acked));
    // Rollups commit in the same transaction as their rows.
    QCOMPARE(scalar(db, QStringLiteral("SELECT SUM(requests) FROM rollup_minute WHERE api_id = 0")),
             rows);
    // And the writer carries on with the recovered database.
    FeedSource feed;
    CallLogWriterOptions options;
    options.database = path;
    CallLogWriter writer(options, feed.source());
    QVERIFY(writer.start());
    feed.push(makeRecord(nowUs(), 7, 200, 10));
    QVERIFY(writer.flushNow());
    writer.stop();
    QCOMPARE(scalar(db, QStringLiteral("SELECT COUNT(*) FROM call_log")), rows + 1);
}

void TestTelemetryWriter::everyFieldStoredInBatchesOfAnySize()
{
    // Each flush is one transaction of exactly `size` rows, written as a
    // mix of multi-row statements of every size and single rows: around
    // the 128-row steps, below and above them.
    QFETCH(bool, postgres);
    const TelemetryTestDatabase database(postgres, dbPath(QStringLiteral("extremes.db")));
    QVERIFY2(database.ready(), qPrintable(database.error()));
    FeedSource feed;
    CallLogWriterOptions options;
    options.database = database.path();
    options.retentionEnabled = false; // keeps the calls from 1970
    CallLogWriter writer(options, feed.source());
    QVERIFY2(writer.start(), qPrintable(writer.lastError()));
    const qint64 base = nowUs() - 3'600'000'000LL;
    std::vector<gateway::call_record> fed;
    const int sizes[] = {1, 2, 3, 63, 127, 128, 129, 131, 255, 256, 257, 383, 1001};
    quint64 batches = 0;
    for (const int size : sizes) {
        for (int i = 0; i < size; ++i) {
            fed.push_back(extremeRecord(int(fed.size()), base));
            feed.push(fed.back());
        }
        QVERIFY(writer.flushNow());
        QCOMPARE(writer.counters().written, quint64(fed.size()));
        QCOMPARE(writer.counters().batches, ++batches);
    }
    QCOMPARE(writer.counters().failedRows, quint64(0));
    writer.stop();

    QSqlDatabase db = open(database.path());
    QVERIFY(db.isValid());
    QSqlQuery q(db);
    q.setForwardOnly(true);
    QVERIFY2(q.exec(QStringLiteral(
                 "SELECT ts_us, request_id, request_text, api_id, route_id, application_id,"
                 " method, path, status, cache_status, upstream, bytes_in, bytes_out, total_us,"
                 " upstream_us, error, client FROM call_log_view ORDER BY id")),
             qPrintable(q.lastError().text()));
    std::size_t row = 0;
    int packed = 0;
    for (; q.next(); ++row) {
        QVERIFY(row < fed.size());
        const gateway::call_record& r = fed[row];
        const QString at = QStringLiteral("row %1").arg(row);
        QVERIFY2(q.value(0).toLongLong() == r.timestamp_us, qPrintable(at));
        // Exactly one of request_id (the gateway's own, packed) and request_text.
        if (!q.value(1).isNull()) {
            ++packed;
            QVERIFY2(q.value(2).isNull(), qPrintable(at));
            QCOMPARE(telemetry::unpackRequestId(q.value(1).toByteArray()),
                     utf8(r.request_id.view()));
        } else {
            QCOMPARE(q.value(2).toString(), utf8(r.request_id.view()));
        }
        // The 64-bit unsigned numbers are stored as their signed bit pattern.
        QCOMPARE(quint64(q.value(3).toLongLong()), r.api_id);
        QCOMPARE(q.value(4).toString(), utf8(r.route_id.view()));
        QCOMPARE(quint64(q.value(5).toLongLong()), r.application_id);
        QCOMPARE(q.value(6).toString(), utf8(r.method.view()));
        QCOMPARE(q.value(7).toString(), utf8(r.path.view()));
        QCOMPARE(q.value(8).toInt(), int(r.status));
        QCOMPARE(q.value(9).toInt(), int(r.cache));
        QCOMPARE(q.value(10).toString(), utf8(r.upstream.view()));
        QCOMPARE(quint64(q.value(11).toLongLong()), r.bytes_in);
        QCOMPARE(quint64(q.value(12).toLongLong()), r.bytes_out);
        QCOMPARE(q.value(13).toLongLong(), qint64(r.total_latency_us));
        QCOMPARE(q.value(14).toLongLong(), qint64(r.upstream_latency_us));
        QCOMPARE(q.value(15).toInt(), int(r.error));
        QCOMPARE(q.value(16).toString(), utf8(r.client_address.view()));
    }
    QCOMPARE(row, fed.size());
    QVERIFY(packed > 0 && packed < int(fed.size()));
    q.finish();

    // The rollups agree with the rows: per API, requests and status
    // classes, and the byte counts (modulo 2^64, as the gateway counts).
    struct Sums {
        quint64 requests = 0, bytesIn = 0, bytesOut = 0;
        quint64 classes[6] = {};
    };
    std::map<quint64, Sums> expected;
    for (const gateway::call_record& r : fed) {
        auto add = [&r](Sums& sums) {
            ++sums.requests;
            sums.bytesIn += r.bytes_in;
            sums.bytesOut += r.bytes_out;
            if (r.status >= 100 && r.status < 600)
                ++sums.classes[r.status / 100];
        };
        add(expected[0]); // API 0: every call
        if (r.api_id != 0)
            add(expected[r.api_id]);
    }
    for (const QString& table : {QStringLiteral("rollup_minute"), QStringLiteral("rollup_hour")}) {
        QVERIFY2(q.exec(QStringLiteral("SELECT api_id, requests, bytes_in, bytes_out, s1xx, s2xx,"
                                       " s3xx, s4xx, s5xx FROM ") +
                        table),
                 qPrintable(q.lastError().text()));
        std::map<quint64, Sums> got;
        while (q.next()) {
            Sums& sums = got[quint64(q.value(0).toLongLong())];
            sums.requests += quint64(q.value(1).toLongLong());
            sums.bytesIn += quint64(q.value(2).toLongLong());
            sums.bytesOut += quint64(q.value(3).toLongLong());
            for (int c = 1; c <= 5; ++c)
                sums.classes[c] += quint64(q.value(3 + c).toLongLong());
        }
        QCOMPARE(got.size(), expected.size());
        for (const auto& [api, want] : expected) {
            const Sums& have = got[api];
            QCOMPARE(have.requests, want.requests);
            QCOMPARE(have.bytesIn, want.bytesIn);
            QCOMPARE(have.bytesOut, want.bytesOut);
            for (int c = 1; c <= 5; ++c)
                QCOMPARE(have.classes[c], want.classes[c]);
        }
    }
}

int main(int argc, char** argv)
{
    if (argc >= 3 && qstrcmp(argv[1], "--crash-child") == 0) {
        QCoreApplication app(argc, argv);
        return crashChild(QString::fromLocal8Bit(argv[2]));
    }
    QCoreApplication app(argc, argv);
    TestTelemetryWriter test;
    QTEST_SET_MAIN_SOURCE_PATH
    return QTest::qExec(&test, argc, argv);
}

#include "tst_telemetry_writer.moc"
