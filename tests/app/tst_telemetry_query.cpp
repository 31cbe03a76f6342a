// SPDX-FileCopyrightText: Gatehouse contributors
// SPDX-License-Identifier: Apache-2.0
#include "app/telemetry/telemetry_query.h"

#include "app/telemetry/call_log_writer.h"
#include "app/telemetry/telemetry_database.h"
#include "app/telemetry/telemetry_export.h"
#include "tests/app/telemetry_test_support.h"

#include <QBuffer>
#include <QDateTime>
#include <QJsonDocument>
#include <QJsonObject>
#include <QScopeGuard>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QUrl>
#include <QtTest/QTest>

#include <algorithm>
#include <atomic>
#include <functional>
#include <future>
#include <mutex>
#include <set>

using namespace gatehouse;
using namespace gatehouse::app;
using gatehouse::test::addBackendRows;
using gatehouse::test::ScratchPostgres;
using gatehouse::test::TelemetryTestDatabase;

namespace {

constexpr qint64 minute = 60'000'000LL;
constexpr qint64 hour = 60 * minute;
constexpr qint64 day = 24 * hour;

// A minimal RFC 4180 reader for checking the export.
std::vector<std::vector<QByteArray>> parseCsv(const QByteArray& data)
{
    std::vector<std::vector<QByteArray>> rows(1);
    QByteArray field;
    bool quoted = false, wasQuoted = false;
    for (qsizetype i = 0; i < data.size(); ++i) {
        const char c = data[i];
        if (quoted) {
            if (c == '"' && i + 1 < data.size() && data[i + 1] == '"') {
                field += '"';
                ++i;
            } else if (c == '"') {
                quoted = false;
            } else {
                field += c;
            }
        } else if (c == '"' && field.isEmpty() && !wasQuoted) {
            quoted = wasQuoted = true;
        } else if (c == ',') {
            rows.back().push_back(field);
            field.clear();
            wasQuoted = false;
        } else if (c == '\r' && i + 1 < data.size() && data[i + 1] == '\n') {
            rows.back().push_back(field);
            field.clear();
            wasQuoted = false;
            rows.emplace_back();
            ++i;
        } else {
            field += c;
        }
    }
    if (rows.back().empty())
        rows.pop_back();
    return rows;
}

} // namespace

class TestTelemetryQuery : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_path;
    qint64 m_base = 0; // an hour boundary two days ago
    std::vector<gateway::call_record> m_records;
    std::unique_ptr<CallLogWriter> m_writer;

    // The expected search result, computed from the fed records.
    std::vector<std::pair<qint64, int>> expected(const std::function<bool(int)>& match) const
    {
        std::vector<std::pair<qint64, int>> out; // (ts, feed index)
        for (int i = 0; i < int(m_records.size()); ++i)
            if (match(i))
                out.emplace_back(m_records[std::size_t(i)].timestamp_us, i);
        std::sort(out.begin(), out.end(), std::greater<>());
        return out;
    }

private slots:
    void initTestCase();
    void cleanupTestCase() { m_writer.reset(); }
    void searchUsesAnIndex();
    void idZeroFiltersUseTheirOwnIndexes_data() { addBackendRows(); }
    void idZeroFiltersUseTheirOwnIndexes();
    void keysetPaginationWalksEveryRowOnce_data();
    void keysetPaginationWalksEveryRowOnce();
    void trendsSumToTheRawRows();
    void topN();
    void liveSeries();
    void exportCsv();
    void exportNdjson();
    void requestIdsFoundInEveryForm_data() { addBackendRows(); }
    void requestIdsFoundInEveryForm();
    void migratesASchemaOneDatabase_data() { addBackendRows(); }
    void migratesASchemaOneDatabase();
    void retentionPrunesTextsNoCallUses_data() { addBackendRows(); }
    void retentionPrunesTextsNoCallUses();
    void upgradesASchemaTwoDatabase_data() { addBackendRows(); }
    void upgradesASchemaTwoDatabase();
    void aSecondWriterAddingTheSameTextLosesNoBatch_data() { addBackendRows(); }
    void aSecondWriterAddingTheSameTextLosesNoBatch();
    void postgresRoundTrip();
};

void TestTelemetryQuery::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_path = m_dir.filePath(QStringLiteral("query.db"));
    m_base = (QDateTime::currentMSecsSinceEpoch() * 1000 / hour - 48) * hour;
    std::vector<gateway::call_record> queue;
    for (int i = 0; i < 20000; ++i) {
        gateway::call_record r;
        // 20,000 calls over 40 hours; every 4 share a microsecond (tie-breaks).
        r.timestamp_us = m_base + qint64(i / 4) * 28'800'000LL + (i % 4 == 3 ? 1 : 0);
        r.api_id = quint64(i % 5); // 0: no API
        r.application_id = quint64(i % 7 == 0 ? 0 : i % 3 + 100);
        r.status = std::uint16_t(i % 11 == 0 ? 502 : (i % 13 == 0 ? 404 : 200));
        r.error = r.status == 502 ? gateway::call_error::upstream_unavailable
                                  : (r.status == 404 ? gateway::call_error::no_route
                                                     : gateway::call_error::none);
        r.cache = static_cast<gateway::cache_status>(i % 6);
        r.total_latency_us = std::uint32_t(100 + i % 1000);
        r.bytes_in = 10;
        r.bytes_out = 100;
        r.method.assign(i % 9 == 0 ? "POST" : "GET");
        const std::string path =
            i % 50 == 0 ? "/odd/\"quoted\",100%_x\nline" : "/items/" + std::to_string(i % 100);
        r.path.assign(path);
        r.route_id.assign("route-" + std::to_string(i % 4));
        r.request_id.assign("rq-" + std::to_string(i));
        r.client_address.assign("127.0.0.1");
        m_records.push_back(r);
    }
    queue = m_records;
    auto mutex = std::make_shared<std::mutex>();
    CallLogWriterOptions options;
    options.database = m_path;
    m_writer = std::make_unique<CallLogWriter>(
        options, [queue, mutex](auto& out, std::size_t max) mutable {
            std::lock_guard lock(*mutex);
            const std::size_t n = std::min(max, queue.size());
            out.insert(out.end(), queue.begin(), queue.begin() + std::ptrdiff_t(n));
            queue.erase(queue.begin(), queue.begin() + std::ptrdiff_t(n));
            return n;
        });
    QVERIFY(m_writer->start());
    QVERIFY(m_writer->flushNow());
    QCOMPARE(m_writer->counters().written, quint64(20000));
}

void TestTelemetryQuery::searchUsesAnIndex()
{
    TelemetryQuery query(m_path);
    QVERIFY2(query.isOpen(), qPrintable(query.lastError()));
    CallLogFilter base;
    base.fromUs = m_base;
    base.toUs = m_base + day;
    std::vector<std::pair<QString, CallLogFilter>> cases;
    cases.emplace_back(QStringLiteral("range"), base);
    auto f = base;
    f.apiId = 3;
    cases.emplace_back(QStringLiteral("api"), f);
    f = base;
    f.applicationId = 101;
    f.statusClass = 5;
    cases.emplace_back(QStringLiteral("consumer+5xx"), f);
    f = base;
    f.cacheStatus = gateway::cache_status::hit;
    f.pathSubstring = QStringLiteral("items/4");
    cases.emplace_back(QStringLiteral("cache+path"), f);
    f = base;
    f.requestId = QStringLiteral("rq-77");
    cases.emplace_back(QStringLiteral("request id"), f);
    f = base;
    f.applicationId = 0; // anonymous calls: not in the consumer index, in their own
    cases.emplace_back(QStringLiteral("anonymous"), f);
    for (const auto& [name, filter] : cases) {
        for (bool cursor : {false, true}) {
            const QString plan = query.searchPlan(filter, cursor);
            qInfo("%s%s:\n%s", qPrintable(name), cursor ? " (next page)" : "", qPrintable(plan));
            QVERIFY2(!plan.isEmpty(), qPrintable(query.lastError()));
            QVERIFY2(plan.contains(QLatin1String("SEARCH call_log USING INDEX")) ||
                         plan.contains(QLatin1String("SEARCH call_log USING COVERING INDEX")),
                     qPrintable(plan));
            QVERIFY2(!plan.contains(QLatin1String("SCAN call_log")), qPrintable(plan));
            // Paging newest first comes straight off the index, except for
            // an exact request id, which matches a row or two.
            if (filter.requestId.isEmpty())
                QVERIFY2(!plan.contains(QLatin1String("TEMP B-TREE")), qPrintable(plan));
        }
    }
}

void TestTelemetryQuery::idZeroFiltersUseTheirOwnIndexes()
{
    // Calls without an API or a consumer are left out of the API and
    // consumer indexes; a search for them walks an index of their own
    // instead of every call in the range.
    QFETCH(bool, postgres);
    std::unique_ptr<ScratchPostgres> pg;
    QString spec = m_path;
    if (postgres) {
        pg = std::make_unique<ScratchPostgres>(qEnvironmentVariable("GATEHOUSE_TEST_PG_URL"));
        QVERIFY2(!pg->url().isEmpty(), qPrintable(pg->error()));
        spec = pg->url();
        std::vector<gateway::call_record> queue = m_records;
        CallLogWriterOptions options;
        options.database = spec;
        options.retentionEnabled = false;
        CallLogWriter writer(options, [&queue](auto& out, std::size_t max) {
            const std::size_t n = std::min(max, queue.size());
            out.insert(out.end(), queue.begin(), queue.begin() + std::ptrdiff_t(n));
            queue.erase(queue.begin(), queue.begin() + std::ptrdiff_t(n));
            return n;
        });
        QVERIFY2(writer.start(), qPrintable(writer.lastError()));
        QVERIFY(writer.flushNow());
        QCOMPARE(writer.counters().written, quint64(m_records.size()));
        writer.stop();
    }
    TelemetryQuery query(spec);
    QVERIFY2(query.isOpen(), qPrintable(query.lastError()));
    struct Case {
        const char* name;
        const char* index;
        CallLogFilter filter;
        std::function<bool(const gateway::call_record&)> match;
    };
    CallLogFilter noApi;
    noApi.fromUs = m_base;
    noApi.toUs = m_base + 2 * day;
    noApi.apiId = 0;
    CallLogFilter anonymous = noApi;
    anonymous.apiId.reset();
    anonymous.applicationId = 0;
    CallLogFilter anonymous5xx = anonymous;
    anonymous5xx.statusClass = 5;
    const Case cases[] = {
        {"API 0", "call_log_noapi_ts", noApi,
         [](const auto& r) {
             return r.api_id == 0;
         }},
        {"consumer 0", "call_log_anon_ts", anonymous,
         [](const auto& r) {
             return r.application_id == 0;
         }},
        {"consumer 0, 5xx", "call_log_anon_ts", anonymous5xx,
         [](const auto& r) {
             return r.application_id == 0 && r.status / 100 == 5;
         }},
    };
    for (const Case& c : cases) {
        for (bool cursor : {false, true}) {
            const QString plan = query.searchPlan(c.filter, cursor);
            qInfo("%s%s:\n%s", c.name, cursor ? " (next page)" : "", qPrintable(plan));
            QVERIFY2(!plan.isEmpty(), qPrintable(query.lastError()));
            const QString index = QLatin1String(c.index);
            if (postgres) {
                QVERIFY2(plan.contains(QLatin1String("Index Scan Backward using ") + index +
                                       QLatin1String(" on call_log")),
                         qPrintable(plan));
                QVERIFY2(!plan.contains(QLatin1String("Seq Scan on call_log")), qPrintable(plan));
                QVERIFY2(!plan.contains(QLatin1String("Sort")), qPrintable(plan));
            } else {
                QVERIFY2(plan.contains(QLatin1String("SEARCH call_log USING INDEX ") + index +
                                       QLatin1String(" (")),
                         qPrintable(plan));
                QVERIFY2(!plan.contains(QLatin1String("SCAN call_log")), qPrintable(plan));
                QVERIFY2(!plan.contains(QLatin1String("TEMP B-TREE")), qPrintable(plan));
            }
        }
        // And the index gives the right calls, newest first, page after page.
        std::vector<qint64> want;
        for (const auto& r : m_records)
            if (c.match(r))
                want.push_back(r.timestamp_us);
        std::sort(want.begin(), want.end(), std::greater<>());
        QVERIFY(!want.empty());
        std::vector<qint64> got;
        std::optional<SearchCursor> after;
        do {
            const SearchPage page = query.search(c.filter, after, 250);
            QVERIFY2(query.lastError().isEmpty(), qPrintable(query.lastError()));
            for (const CallLogEntry& e : page.entries) {
                got.push_back(e.timestampUs);
                if (c.filter.apiId)
                    QCOMPARE(e.apiId, quint64(0));
                if (c.filter.applicationId)
                    QCOMPARE(e.applicationId, quint64(0));
            }
            after = page.next;
        } while (after && got.size() <= want.size());
        QCOMPARE(got, want);
    }
}

void TestTelemetryQuery::keysetPaginationWalksEveryRowOnce_data()
{
    QTest::addColumn<int>("which");
    QTest::newRow("all") << 0;
    QTest::newRow("api 2, 2xx") << 1;
    QTest::newRow("consumer 100, miss") << 2;
    QTest::newRow("path substring with wildcards") << 3;
    QTest::newRow("request id") << 4;
    QTest::newRow("time range") << 5;
    QTest::newRow("stored after an id, 2xx") << 6;
    QTest::newRow("no API (not in the API index)") << 7;
    QTest::newRow("anonymous (not in the consumer index)") << 8;
}

void TestTelemetryQuery::keysetPaginationWalksEveryRowOnce()
{
    QFETCH(int, which);
    CallLogFilter filter;
    std::function<bool(int)> match = [](int) {
        return true;
    };
    const auto& recs = m_records;
    switch (which) {
    case 1:
        filter.apiId = 2;
        filter.statusClass = 2;
        match = [&](int i) {
            return recs[i].api_id == 2 && recs[i].status / 100 == 2;
        };
        break;
    case 2:
        filter.applicationId = 100;
        filter.cacheStatus = gateway::cache_status::miss;
        match = [&](int i) {
            return recs[i].application_id == 100 && recs[i].cache == gateway::cache_status::miss;
        };
        break;
    case 3:
        filter.pathSubstring = QStringLiteral("100%_");
        match = [&](int i) {
            return i % 50 == 0;
        };
        break;
    case 7:
        filter.apiId = 0;
        match = [&](int i) {
            return recs[i].api_id == 0;
        };
        break;
    case 8:
        filter.applicationId = 0;
        match = [&](int i) {
            return recs[i].application_id == 0;
        };
        break;
    case 4:
        filter.requestId = QStringLiteral("rq-1234");
        match = [&](int i) {
            return i == 1234;
        };
        break;
    case 5:
        filter.fromUs = m_base + 3 * hour;
        filter.toUs = m_base + 5 * hour + 1;
        match = [&](int i) {
            return recs[i].timestamp_us >= filter.fromUs && recs[i].timestamp_us < filter.toUs;
        };
        break;
    case 6:
        // The writer stored the feed in order into a fresh table: id i + 1.
        filter.idAbove = 15000;
        filter.statusClass = 2;
        match = [&](int i) {
            return i + 1 > 15000 && recs[i].status / 100 == 2;
        };
        break;
    }
    const auto want = expected(match);
    TelemetryQuery query(m_path);
    std::optional<SearchCursor> cursor;
    std::vector<CallLogEntry> got;
    int pages = 0;
    do {
        const SearchPage page = query.search(filter, cursor, 333);
        QVERIFY2(query.lastError().isEmpty(), qPrintable(query.lastError()));
        QVERIFY(page.entries.size() <= 333);
        got.insert(got.end(), page.entries.begin(), page.entries.end());
        cursor = page.next;
        QVERIFY(++pages < 1000);
    } while (cursor);
    QCOMPARE(got.size(), want.size());
    std::set<qint64> ids;
    for (std::size_t i = 0; i < got.size(); ++i) {
        QVERIFY(ids.insert(got[i].id).second);
        QCOMPARE(got[i].timestampUs, want[i].first);
        if (i > 0) // newest first, ties by id descending
            QVERIFY(got[i - 1].timestampUs > got[i].timestampUs ||
                    (got[i - 1].timestampUs == got[i].timestampUs && got[i - 1].id > got[i].id));
        const auto& r = recs[std::size_t(got[i].requestId.mid(3).toInt())];
        QCOMPARE(got[i].timestampUs, r.timestamp_us);
        QCOMPARE(got[i].path, QString::fromUtf8(r.path.view().data(), qsizetype(r.path.size)));
        QCOMPARE(got[i].cacheStatus, r.cache);
        QCOMPARE(got[i].error, r.error);
    }
}

void TestTelemetryQuery::trendsSumToTheRawRows()
{
    TelemetryQuery query(m_path);
    for (auto bucket : {TrendBucket::Minute, TrendBucket::Hour, TrendBucket::Day}) {
        const auto points = query.trends(m_base, m_base + 2 * day, bucket);
        QVERIFY2(query.lastError().isEmpty(), qPrintable(query.lastError()));
        const qint64 width = bucket == TrendBucket::Minute ? minute
                             : bucket == TrendBucket::Hour ? hour
                                                           : day;
        QVERIFY(points.size() >= std::size_t(2 * day / width));
        quint64 requests = 0, fivexx = 0;
        LatencyHistogram all;
        for (std::size_t i = 1; i < points.size(); ++i)
            QCOMPARE(points[i].bucketStartUs - points[i - 1].bucketStartUs, width);
        for (const auto& p : points) {
            requests += p.counters.requests;
            fivexx += p.counters.statusClasses[5];
            all.merge(p.latency);
        }
        QCOMPARE(requests, quint64(20000));
        QCOMPARE(fivexx, quint64(std::count_if(m_records.begin(), m_records.end(),
                                               [](const auto& r) { return r.status == 502; })));
        QCOMPARE(all.count(), quint64(20000));
        QCOMPARE(all.minUs(), quint64(100));
    }
    const auto api3 = query.trends(m_base, m_base + 2 * day, TrendBucket::Hour, 3);
    quint64 n = 0;
    for (const auto& p : api3)
        n += p.counters.requests;
    QCOMPARE(n, quint64(4000));
    // Gaps are filled: the hour before any traffic is an empty bucket.
    const auto before = query.trends(m_base - hour, m_base, TrendBucket::Hour);
    QCOMPARE(before.size(), std::size_t(1));
    QCOMPARE(before[0].counters.requests, quint64(0));
}

void TestTelemetryQuery::topN()
{
    TelemetryQuery query(m_path);
    const auto apis = query.topApis(m_base, m_base + 2 * day, 3);
    QCOMPARE(apis.size(), std::size_t(3));
    for (const auto& e : apis)
        QCOMPARE(e.requests, quint64(4000));
    QCOMPARE(apis[0].key, QStringLiteral("1")); // ties by key
    const auto consumers = query.topConsumers(m_base, m_base + 2 * day, 10);
    QCOMPARE(consumers.size(), std::size_t(3));
    quint64 sum = 0;
    for (const auto& e : consumers)
        sum += e.requests;
    QCOMPARE(sum, quint64(std::count_if(m_records.begin(), m_records.end(),
                                        [](const auto& r) { return r.application_id != 0; })));
    const auto routes = query.topRoutes(m_base, m_base + 2 * day, 2);
    QCOMPARE(routes.size(), std::size_t(2));
    QCOMPARE(routes[0].requests, quint64(5000));
    const auto errors = query.topErrors(m_base, m_base + 2 * day, 5);
    QCOMPARE(errors.size(), std::size_t(2));
    QCOMPARE(errors[0].key, QStringLiteral("502 upstream_unavailable"));
    QCOMPARE(errors[0].requests, quint64((20000 + 10) / 11));
    QCOMPARE(errors[1].key, QStringLiteral("404 no_route"));
    QVERIFY(errors[0].meanLatencyUs > 100);
}

void TestTelemetryQuery::liveSeries()
{
    // Calls from two days ago are outside the live window.
    TelemetryQuery query(m_path, m_writer->liveSeries());
    const auto points = query.liveSeries(120);
    QCOMPARE(points.size(), std::size_t(120));
    for (const auto& p : points)
        QCOMPARE(p.counters.requests, quint64(0));
    QVERIFY(TelemetryQuery(m_path).liveSeries(60).empty());
}

void TestTelemetryQuery::exportCsv()
{
    TelemetryQuery query(m_path);
    CallLogFilter filter;
    filter.apiId = 0; // calls without an API
    QBuffer buffer;
    QVERIFY(buffer.open(QIODevice::WriteOnly));
    const auto result =
        TelemetryExport::write(query, filter, TelemetryExport::Format::Csv, &buffer, 700);
    QVERIFY2(result.ok, qPrintable(result.error));
    QCOMPARE(result.rows, qint64(4000));
    const auto rows = parseCsv(buffer.data());
    QCOMPARE(rows.size(), std::size_t(4001));
    QCOMPARE(rows[0].size(), std::size_t(18));
    QCOMPARE(rows[0][8], QByteArray("path"));
    int odd = 0;
    for (std::size_t i = 1; i < rows.size(); ++i) {
        QCOMPARE(rows[i].size(), std::size_t(18));
        const auto& r = m_records[std::size_t(rows[i][3].mid(3).toInt())];
        QCOMPARE(rows[i][8], QByteArray(r.path.view().data(), qsizetype(r.path.size)));
        QCOMPARE(rows[i][10], QByteArray(gateway::to_string(r.cache).data()));
        QVERIFY(rows[i][1].endsWith('Z'));
        odd += rows[i][8].contains('"') ? 1 : 0;
    }
    QCOMPARE(odd, 20000 / 50); // every one of them has api_id 0
}

void TestTelemetryQuery::exportNdjson()
{
    TelemetryQuery query(m_path);
    CallLogFilter filter;
    filter.statusClass = 5;
    QBuffer buffer;
    QVERIFY(buffer.open(QIODevice::WriteOnly));
    const auto result =
        TelemetryExport::write(query, filter, TelemetryExport::Format::Ndjson, &buffer, 100);
    QVERIFY(result.ok);
    const auto lines = buffer.data().split('\n');
    QCOMPARE(lines.size(), qsizetype(result.rows + 1));
    QVERIFY(lines.back().isEmpty());
    QCOMPARE(result.rows, qint64((20000 + 10) / 11));
    for (qsizetype i = 0; i + 1 < lines.size(); ++i) {
        QJsonParseError error;
        const auto doc = QJsonDocument::fromJson(lines[i], &error);
        QVERIFY2(error.error == QJsonParseError::NoError, qPrintable(error.errorString()));
        QCOMPARE(doc.object().value(QStringLiteral("status")).toInt(), 502);
        QCOMPARE(doc.object().value(QStringLiteral("error")).toString(),
                 QStringLiteral("upstream_unavailable"));
    }
}

// The same writer, schema and queries on PostgreSQL, when a server is
// provided: runs in a fresh database created next to GATEHOUSE_TEST_PG_URL's
// and dropped afterwards (like the storage suites' fixture).
void TestTelemetryQuery::requestIdsFoundInEveryForm()
{
    // The gateway's own ids are stored packed and found through their
    // timestamp; anything else a client sent is stored as sent.
    QFETCH(bool, postgres);
    const TelemetryTestDatabase database(postgres, m_dir.filePath(QStringLiteral("ids.db")));
    QVERIFY2(database.ready(), qPrintable(database.error()));
    const QString path = database.path();
    const qint64 ts = 0x1a0c4a4e8fbLL * 1000 + 123; // the generated id's millisecond
    const QString generated = QStringLiteral("01a0c4a4e8fb7c2e9d10b3f4a5c6d7e8");
    const QStringList ids{
        generated,
        QStringLiteral("0123456789abcdef0123456789abcdef"), // hex, not this call's time
        QStringLiteral("client-chosen-id"),
        QStringLiteral("ABCDEF0123456789ABCDEF0123456789"), // uppercase hex
        QString(),                                          // rejected before an id
    };
    std::vector<gateway::call_record> queue;
    for (int i = 0; i < ids.size(); ++i) {
        gateway::call_record r;
        r.timestamp_us = ts + i * 10; // all in one millisecond
        r.status = 200;
        r.method.assign("GET");
        r.path.assign("/ids");
        r.request_id.assign(ids[i].toStdString());
        queue.push_back(r);
    }
    for (int i = 0; i < 3000; ++i) { // neighbours in the same millisecond
        gateway::call_record r;
        r.timestamp_us = ts + 500;
        r.request_id.assign(
            QStringLiteral("01a0c4a4e8fb%1").arg(i, 20, 16, QLatin1Char('0')).toStdString());
        queue.push_back(r);
    }
    CallLogWriterOptions options;
    options.database = path;
    CallLogWriter writer(options, [queue](auto& out, std::size_t max) mutable {
        const std::size_t n = std::min(max, queue.size());
        out.insert(out.end(), queue.begin(), queue.begin() + std::ptrdiff_t(n));
        queue.erase(queue.begin(), queue.begin() + std::ptrdiff_t(n));
        return n;
    });
    QVERIFY(writer.start());
    QVERIFY(writer.flushNow());
    QCOMPARE(writer.counters().written, quint64(ids.size() + 3000));
    writer.stop();

    TelemetryQuery query(path, {}, QStringLiteral("ids"));
    QVERIFY2(query.isOpen(), qPrintable(query.lastError()));
    {
        QSqlQuery q(QSqlDatabase::database(QStringLiteral("ids")));
        QVERIFY(q.exec(QStringLiteral(
            "SELECT length(request_id), request_text FROM call_log ORDER BY id LIMIT 5")));
        QStringList stored;
        while (q.next())
            stored << (q.value(0).isNull() ? q.value(1).toString()
                                           : QString::number(q.value(0).toInt()));
        // Packed only when the gateway generated it (for this call's time).
        QCOMPARE(stored, (QStringList{QStringLiteral("16"), ids[1], ids[2], ids[3], QString()}));
    }
    const auto find = [&](const QString& text) -> QStringList {
        CallLogFilter f;
        f.requestId = text;
        const auto page = query.search(f, std::nullopt, 10);
        QStringList found;
        if (!query.lastError().isEmpty())
            found << QStringLiteral("error: ") + query.lastError();
        for (const auto& e : page.entries)
            found << e.requestId;
        return found;
    };
    for (int i = 0; i + 1 < ids.size(); ++i)
        QCOMPARE(find(ids[i]), QStringList{ids[i]});
    QCOMPARE(find(generated.toUpper()), QStringList{generated}); // typed in another case
    QCOMPARE(find(ids[3].toLower()), QStringList{});             // stored as sent: uppercase
    QCOMPARE(find(QStringLiteral("01a0c4a4e8fb7c2e9d10b3f4a5c6d7e9")), QStringList{});
    CallLogFilter range;
    range.fromUs = ts + 1; // the generated id's call is outside
    range.requestId = generated;
    QCOMPARE(query.search(range, std::nullopt, 10).entries.size(), std::size_t(0));
    CallLogFilter all;
    all.toUs = ts + 100;
    QStringList shown;
    for (const auto& e : query.search(all, std::nullopt, 10).entries)
        shown.prepend(e.requestId);
    QCOMPARE(shown, ids);

    if (postgres)
        return; // the plan below is SQLite's
    // Both columns come off an index: the partial one, and a millisecond of call_log_ts.
    CallLogFilter f;
    f.toUs = ts + day;
    f.requestId = generated;
    const QString plan = query.searchPlan(f, false);
    QVERIFY2(plan.contains(QLatin1String("SEARCH call_log USING INDEX call_log_request")),
             qPrintable(plan));
    QVERIFY2(plan.contains(QLatin1String("SEARCH call_log USING INDEX call_log_ts")),
             qPrintable(plan));
    QVERIFY2(!plan.contains(QLatin1String("SCAN call_log")), qPrintable(plan));
}

void TestTelemetryQuery::migratesASchemaOneDatabase()
{
    // A workspace written before the texts moved to call_text.
    QFETCH(bool, postgres);
    const TelemetryTestDatabase database(postgres, m_dir.filePath(QStringLiteral("schema1.db")));
    QVERIFY2(database.ready(), qPrintable(database.error()));
    const QString path = database.path();
    const QString connection = QStringLiteral("schema1");
    {
        QString error;
        QSqlDatabase db = telemetry::openDatabase(path, connection, &error);
        QVERIFY2(db.isValid(), qPrintable(error));
        QSqlQuery q(db);
        const QString statements[] = {
            QStringLiteral("CREATE TABLE telemetry_schema (version INTEGER NOT NULL)"),
            QStringLiteral("INSERT INTO telemetry_schema (version) VALUES (1)"),
            QStringLiteral("CREATE TABLE call_log (id ") +
                (database.isPostgres() ? QStringLiteral("BIGSERIAL PRIMARY KEY")
                                       : QStringLiteral("INTEGER PRIMARY KEY AUTOINCREMENT")) +
                QStringLiteral(
                    ", ts_us BIGINT NOT NULL, request_id TEXT NOT NULL, api_id BIGINT NOT NULL,"
                    " route_id TEXT NOT NULL, application_id BIGINT NOT NULL,"
                    " method TEXT NOT NULL, path TEXT NOT NULL, status INTEGER NOT NULL,"
                    " cache_status INTEGER NOT NULL, upstream TEXT NOT NULL,"
                    " bytes_in BIGINT NOT NULL, bytes_out BIGINT NOT NULL,"
                    " total_us BIGINT NOT NULL, upstream_us BIGINT NOT NULL,"
                    " error INTEGER NOT NULL, client TEXT NOT NULL)"),
            QStringLiteral("CREATE INDEX call_log_ts ON call_log (ts_us)"),
            QStringLiteral("CREATE INDEX call_log_api_ts ON call_log (api_id, ts_us)"),
            QStringLiteral("CREATE INDEX call_log_app_ts ON call_log (application_id, ts_us)"),
            QStringLiteral("CREATE INDEX call_log_request ON call_log (request_id)"),
            QStringLiteral(
                "INSERT INTO call_log VALUES (7, 1000, '01a0c4a4e8fb7c2e9d10b3f4a5c6d7e8', 3,"
                " 'orders', 0, 'POST', '/orders?x=1', 201, 2, 'http://10.0.0.5:8080', 10, 20,"
                " 300, 250, 0, '192.0.2.7')"),
            QStringLiteral("INSERT INTO call_log VALUES (9, 2000, 'sixteen-chars-id', 0, '', 5,"
                           " 'GET', '/nope', 404, 0, '', 1, 2, 3, 0, 1, '192.0.2.8')"),
        };
        for (const QString& sql : statements)
            QVERIFY2(q.exec(sql), qPrintable(q.lastError().text()));
    }
    telemetry::closeDatabase(connection);

    TelemetryQuery query(path, {}, QStringLiteral("migrated"));
    QVERIFY2(query.isOpen() && query.lastError().isEmpty(), qPrintable(query.lastError()));
    CallLogFilter all;
    auto page = query.search(all, std::nullopt, 10);
    QCOMPARE(page.entries.size(), std::size_t(2));
    const CallLogEntry& e = page.entries[1];
    QCOMPARE(e.id, qint64(7));
    QCOMPARE(e.requestId, QStringLiteral("01a0c4a4e8fb7c2e9d10b3f4a5c6d7e8"));
    QCOMPARE(e.apiId, quint64(3));
    QCOMPARE(e.routeId, QStringLiteral("orders"));
    QCOMPARE(e.method, QStringLiteral("POST"));
    QCOMPARE(e.path, QStringLiteral("/orders?x=1"));
    QCOMPARE(e.status, 201);
    QCOMPARE(e.cacheStatus, gateway::cache_status::miss);
    QCOMPARE(e.upstream, QStringLiteral("http://10.0.0.5:8080"));
    QCOMPARE(e.bytesOut, quint64(20));
    QCOMPARE(e.upstreamUs, quint64(250));
    QCOMPARE(e.client, QStringLiteral("192.0.2.7"));
    QCOMPARE(page.entries[0].requestId, QStringLiteral("sixteen-chars-id"));
    QCOMPARE(page.entries[0].routeId, QString());
    QCOMPARE(page.entries[0].error, gateway::call_error::no_route);
    for (const QString& id : {e.requestId, page.entries[0].requestId}) {
        CallLogFilter f;
        f.requestId = id;
        QCOMPARE(query.search(f, std::nullopt, 10).entries.size(), std::size_t(1));
    }
    QCOMPARE(query.topRoutes(0, 10'000, 5).at(0).key, QStringLiteral("orders"));

    // New calls go on after the migrated ones, sharing the texts.
    std::vector<gateway::call_record> queue(1);
    queue[0].timestamp_us = 3000;
    queue[0].route_id.assign("orders");
    queue[0].method.assign("POST");
    CallLogWriterOptions options;
    options.database = path;
    options.retentionEnabled = false;
    CallLogWriter writer(options, [queue](auto& out, std::size_t) mutable {
        out.insert(out.end(), queue.begin(), queue.end());
        const std::size_t n = queue.size();
        queue.clear();
        return n;
    });
    QVERIFY2(writer.start(), qPrintable(writer.lastError()));
    QVERIFY(writer.flushNow());
    writer.stop();
    page = query.search(all, std::nullopt, 10);
    QCOMPARE(page.entries.size(), std::size_t(3));
    QVERIFY(page.entries[0].id > 9);
    QCOMPARE(page.entries[0].routeId, QStringLiteral("orders"));
    QSqlQuery q(QSqlDatabase::database(QStringLiteral("migrated")));
    QVERIFY(q.exec(QStringLiteral("SELECT COUNT(*) FROM call_text WHERE value = 'orders'")));
    QVERIFY(q.next());
    QCOMPARE(q.value(0).toInt(), 1);
    QVERIFY(q.exec(QStringLiteral("SELECT MAX(version) FROM telemetry_schema")));
    QVERIFY(q.next());
    QCOMPARE(q.value(0).toInt(), telemetry::schemaVersion);
}

void TestTelemetryQuery::retentionPrunesTextsNoCallUses()
{
    // The interned texts (route, method, upstream, client) of calls that
    // retention removed go too, unless a call that stays still uses them;
    // and the writer, which had them cached, stores them again when they
    // come back.
    QFETCH(bool, postgres);
    const TelemetryTestDatabase database(postgres, m_dir.filePath(QStringLiteral("prune.db")));
    QVERIFY2(database.ready(), qPrintable(database.error()));
    const QString path = database.path();
    const qint64 now = QDateTime::currentMSecsSinceEpoch() * 1000;
    const auto call = [](qint64 ts, const char* route, const std::string& client,
                         const char* requestId) {
        gateway::call_record r;
        r.timestamp_us = ts;
        r.status = 200;
        r.api_id = 1;
        r.method.assign("GET");
        r.upstream.assign("http://shared:8080");
        r.route_id.assign(route);
        r.client_address.assign(client);
        r.request_id.assign(requestId);
        r.path.assign("/p");
        return r;
    };
    std::mutex mutex;
    std::vector<gateway::call_record> queue;
    const auto feed = [&](std::vector<gateway::call_record> records) {
        std::lock_guard lock(mutex);
        queue.insert(queue.end(), records.begin(), records.end());
    };
    CallLogWriterOptions options;
    options.database = path;
    options.retentionEnabled = false; // only when asked
    options.retention.batchRows = 7;  // many small batches
    CallLogWriter writer(options, [&](auto& out, std::size_t max) {
        std::lock_guard lock(mutex);
        const std::size_t n = std::min(max, queue.size());
        out.insert(out.end(), queue.begin(), queue.begin() + std::ptrdiff_t(n));
        queue.erase(queue.begin(), queue.begin() + std::ptrdiff_t(n));
        return n;
    });
    QVERIFY2(writer.start(), qPrintable(writer.lastError()));
    // Ten days ago: 40 clients and a route seen only then; calls arrive
    // in time order, so that is a flush of its own.
    std::vector<gateway::call_record> old;
    for (int i = 0; i < 40; ++i)
        old.push_back(call(now - 10 * day + i, "old-route", "10.0.0." + std::to_string(i), "o"));
    feed(old);
    QVERIFY(writer.flushNow());
    // Yesterday and today: one client and route of their own, the method
    // and upstream shared with the old calls.
    std::vector<gateway::call_record> recent;
    for (int i = 0; i < 20; ++i)
        recent.push_back(call(now - (i % 2 ? day : 1000) + i, "new-route", "192.0.2.1", "n"));
    feed(recent);
    QVERIFY(writer.flushNow());

    TelemetryQuery query(path, {}, QStringLiteral("prune"));
    QVERIFY2(query.isOpen(), qPrintable(query.lastError()));
    const auto texts = [&]() -> QStringList {
        QSqlQuery q(QSqlDatabase::database(QStringLiteral("prune")));
        QStringList values;
        if (!q.exec(QStringLiteral("SELECT value FROM call_text ORDER BY value")))
            values << q.lastError().text();
        while (q.next())
            values << q.value(0).toString();
        return values;
    };
    const auto scalar = [&](const char* sql) -> qint64 {
        QSqlQuery q(QSqlDatabase::database(QStringLiteral("prune")));
        return q.exec(QLatin1String(sql)) && q.next() ? q.value(0).toLongLong() : -1;
    };
    QCOMPARE(texts().size(), 40 + 5);

    const Retention::Step step = writer.runRetentionNow(now);
    QVERIFY2(step.ok, qPrintable(step.error));
    QCOMPARE(scalar("SELECT COUNT(*) FROM call_log"), qint64(20));
    QCOMPARE(step.prunedTexts.size(), std::size_t(41));
    QCOMPARE(step.deleted, qint64(40 + 41));
    QCOMPARE(texts(),
             (QStringList{QStringLiteral("192.0.2.1"), QStringLiteral("GET"),
                          QStringLiteral("http://shared:8080"), QStringLiteral("new-route")}));
    // Every call left still finds its texts.
    QCOMPARE(scalar("SELECT COUNT(*) FROM call_log_view WHERE route_id IS NULL OR method IS NULL"
                    " OR upstream IS NULL OR client IS NULL"),
             qint64(0));
    QCOMPARE(writer.runRetentionNow(now).deleted, qint64(0)); // nothing more to do

    // A pruned route and client come back: stored again, shown right.
    feed({call(now + 1, "old-route", "10.0.0.7", "back")});
    QVERIFY(writer.flushNow());
    CallLogFilter back;
    back.requestId = QStringLiteral("back");
    const SearchPage page = query.search(back, std::nullopt, 10);
    QVERIFY2(query.lastError().isEmpty(), qPrintable(query.lastError()));
    QCOMPARE(page.entries.size(), std::size_t(1));
    QCOMPARE(page.entries[0].routeId, QStringLiteral("old-route"));
    QCOMPARE(page.entries[0].client, QStringLiteral("10.0.0.7"));
    QCOMPARE(page.entries[0].method, QStringLiteral("GET"));
    QCOMPARE(page.entries[0].upstream, QStringLiteral("http://shared:8080"));
    QCOMPARE(texts().size(), 6);
    QCOMPARE(writer.runRetentionNow(now).deleted, qint64(0));
    writer.stop();
}

void TestTelemetryQuery::upgradesASchemaTwoDatabase()
{
    // A workspace written by the previous schema: the same tables, fewer indexes.
    QFETCH(bool, postgres);
    const TelemetryTestDatabase database(postgres, m_dir.filePath(QStringLiteral("schema2.db")));
    QVERIFY2(database.ready(), qPrintable(database.error()));
    const QString path = database.path();
    std::vector<gateway::call_record> queue(m_records.begin(), m_records.begin() + 700);
    CallLogWriterOptions options;
    options.database = path;
    options.retentionEnabled = false;
    {
        CallLogWriter writer(options, [&queue](auto& out, std::size_t max) {
            const std::size_t n = std::min(max, queue.size());
            out.insert(out.end(), queue.begin(), queue.begin() + std::ptrdiff_t(n));
            queue.erase(queue.begin(), queue.begin() + std::ptrdiff_t(n));
            return n;
        });
        QVERIFY2(writer.start(), qPrintable(writer.lastError()));
        QVERIFY(writer.flushNow());
        writer.stop();
    }
    const QString connection = QStringLiteral("schema2");
    const auto sql = [&connection](const QString& statement) -> QString {
        QSqlQuery q(QSqlDatabase::database(connection));
        if (!q.exec(statement))
            return q.lastError().text();
        return q.next() ? q.value(0).toString() : QString();
    };
    {
        QString error;
        QVERIFY2(telemetry::openDatabase(path, connection, &error).isValid(), qPrintable(error));
        for (const char* statement :
             {"DROP INDEX call_log_noapi_ts", "DROP INDEX call_log_anon_ts",
              "DROP INDEX call_text_last_used", "ALTER TABLE call_text DROP COLUMN last_used_us",
              "DELETE FROM telemetry_schema", "INSERT INTO telemetry_schema (version) VALUES (2)"})
            QCOMPARE(sql(QLatin1String(statement)), QString());
    }
    telemetry::closeDatabase(connection);

    TelemetryQuery query(path, {}, connection);
    QVERIFY2(query.isOpen() && query.lastError().isEmpty(), qPrintable(query.lastError()));
    QCOMPARE(sql(QStringLiteral("SELECT MAX(version) FROM telemetry_schema")),
             QString::number(telemetry::schemaVersion));
    CallLogFilter noApi;
    noApi.apiId = 0;
    CallLogFilter anonymous;
    anonymous.applicationId = 0;
    const QString noApiPlan = query.searchPlan(noApi, false);
    const QString anonymousPlan = query.searchPlan(anonymous, true);
    QVERIFY2(noApiPlan.contains(QLatin1String("call_log_noapi_ts")), qPrintable(noApiPlan));
    QVERIFY2(anonymousPlan.contains(QLatin1String("call_log_anon_ts")), qPrintable(anonymousPlan));
    const auto page = query.search(noApi, std::nullopt, 1000);
    QCOMPARE(page.entries.size(),
             std::size_t(std::count_if(m_records.begin(), m_records.begin() + 700,
                                       [](const auto& r) { return r.api_id == 0; })));
    // The texts stored before last_used_us count as used by the newest call,
    // so retention keeps them while any call may refer to them.
    QCOMPARE(sql(QStringLiteral("SELECT COUNT(*) FROM call_text WHERE last_used_us ="
                                " (SELECT MAX(ts_us) FROM call_log)")),
             sql(QStringLiteral("SELECT COUNT(*) FROM call_text")));
    QVERIFY(sql(QStringLiteral("SELECT COUNT(*) FROM call_text")).toInt() > 0);
}

void TestTelemetryQuery::aSecondWriterAddingTheSameTextLosesNoBatch()
{
    // Two writers on one database (two gateways sharing a workspace) meet a
    // new route at the same moment: the other one has inserted its text and
    // not committed yet when this writer's batch needs it. This batch waits
    // for that commit, takes the other's row and lands whole.
    QFETCH(bool, postgres);
    const TelemetryTestDatabase database(postgres,
                                         m_dir.filePath(QStringLiteral("two-writers.db")));
    QVERIFY2(database.ready(), qPrintable(database.error()));
    const QString path = database.path();
    const qint64 now = QDateTime::currentMSecsSinceEpoch() * 1000;
    constexpr int calls = 250; // a multi-row INSERT and a few single rows
    std::mutex mutex;
    std::vector<gateway::call_record> queue;
    std::atomic<int> drained{0};
    CallLogWriterOptions options;
    options.database = path;
    options.retentionEnabled = false;
    options.flushInterval = std::chrono::hours(1); // flushes only when asked
    CallLogWriter writer(options, [&](auto& out, std::size_t max) {
        std::lock_guard lock(mutex);
        const std::size_t n = std::min(max, queue.size());
        out.insert(out.end(), queue.begin(), queue.begin() + std::ptrdiff_t(n));
        queue.erase(queue.begin(), queue.begin() + std::ptrdiff_t(n));
        drained += int(n);
        return n;
    });
    QVERIFY2(writer.start(), qPrintable(writer.lastError()));

    // The other writer: its own connection, its transaction open.
    const QString other = QStringLiteral("second-writer");
    const QString watcher = QStringLiteral("second-writer-watch");
    const auto closeConnections = qScopeGuard([&] {
        telemetry::closeDatabase(other);
        telemetry::closeDatabase(watcher);
    });
    QString error;
    QSqlDatabase second = telemetry::openDatabase(path, other, &error);
    QVERIFY2(second.isValid(), qPrintable(error));
    QVERIFY2(telemetry::beginWrite(second, &error), qPrintable(error));
    qint64 otherId = 0;
    {
        QSqlQuery q(second);
        QVERIFY(q.prepare(QStringLiteral(
            "INSERT INTO call_text (value, last_used_us) VALUES (?, ?) RETURNING id")));
        q.addBindValue(QStringLiteral("route-both-saw"));
        q.addBindValue(now);
        QVERIFY2(q.exec() && q.next(), qPrintable(q.lastError().text()));
        otherId = q.value(0).toLongLong();
    }

    {
        std::lock_guard lock(mutex);
        for (int i = 0; i < calls; ++i) {
            gateway::call_record r;
            r.timestamp_us = now + i;
            r.status = 200;
            r.api_id = 3;
            r.method.assign("GET");
            r.route_id.assign("route-both-saw");
            r.upstream.assign("http://shared:8080");
            r.client_address.assign("198.51.100.7");
            r.request_id.assign("both");
            r.path.assign("/both");
            queue.push_back(r);
        }
    }
    auto flushed = std::async(std::launch::async, [&writer] { return writer.flushNow(); });
    // The writer drains, then starts the batch's transaction at once.
    QTRY_COMPARE_WITH_TIMEOUT(drained.load(), calls, 5000);
    if (postgres) {
        // PostgreSQL shows it waiting for the other transaction on the text's key.
        QSqlDatabase watch = telemetry::openDatabase(path, watcher, &error);
        QVERIFY2(watch.isValid(), qPrintable(error));
        const auto waiting = [&watch] {
            QSqlQuery q(watch);
            return q.exec(QStringLiteral("SELECT COUNT(*) FROM pg_stat_activity WHERE datname = "
                                         "current_database() AND wait_event_type = 'Lock'")) &&
                           q.next()
                       ? q.value(0).toInt()
                       : -1;
        };
        QTRY_COMPARE_WITH_TIMEOUT(waiting(), 1, 5000);
    } else {
        // SQLite shows no waiter: give the writer time to reach the lock
        // (well under the 5 s busy timeout it waits at most).
        QTest::qWait(300);
    }
    QCOMPARE(flushed.wait_for(std::chrono::seconds(0)), std::future_status::timeout);
    QVERIFY2(second.commit(), qPrintable(second.lastError().text()));
    QVERIFY2(flushed.get(), qPrintable(writer.lastError()));

    const CallLogWriterCounters counters = writer.counters();
    QCOMPARE(counters.written, quint64(calls));
    QCOMPARE(counters.failedRows, quint64(0));
    QVERIFY2(counters.lastError.isEmpty(), qPrintable(counters.lastError));
    const auto scalar = [&second](const QString& sql) {
        QSqlQuery q(second);
        return q.exec(sql) && q.next() ? q.value(0).toLongLong() : -1;
    };
    // One row for the text, the other writer's, and every call refers to it.
    QCOMPARE(
        scalar(QStringLiteral("SELECT COUNT(*) FROM call_text WHERE value = 'route-both-saw'")), 1);
    QCOMPARE(
        scalar(QStringLiteral("SELECT COUNT(*) FROM call_log WHERE route_ref = %1").arg(otherId)),
        qint64(calls));
    QCOMPARE(
        scalar(QStringLiteral("SELECT COUNT(*) FROM call_log_view WHERE route_id = 'route-both-saw'"
                              " AND client = '198.51.100.7' AND method = 'GET'")),
        qint64(calls));
    // The writer keeps that id for the text's next calls.
    {
        std::lock_guard lock(mutex);
        gateway::call_record r;
        r.timestamp_us = now + calls;
        r.status = 200;
        r.route_id.assign("route-both-saw");
        queue.push_back(r);
    }
    QVERIFY(writer.flushNow());
    QCOMPARE(
        scalar(QStringLiteral("SELECT COUNT(*) FROM call_log WHERE route_ref = %1").arg(otherId)),
        qint64(calls + 1));
    writer.stop();
}

void TestTelemetryQuery::postgresRoundTrip()
{
    const QString base = qEnvironmentVariable("GATEHOUSE_TEST_PG_URL");
    if (base.isEmpty())
        QSKIP("GATEHOUSE_TEST_PG_URL is not set");
    const QString admin = QStringLiteral("tst-telemetry-pg-admin");
    const QString name = QStringLiteral("gh_tel_%1_%2")
                             .arg(QCoreApplication::applicationPid())
                             .arg(QDateTime::currentMSecsSinceEpoch());
    {
        QString error;
        QSqlDatabase db = telemetry::openDatabase(base, admin, &error);
        QVERIFY2(db.isValid(), qPrintable(error));
        QSqlQuery q(db);
        QVERIFY2(q.exec(QStringLiteral("CREATE DATABASE ") + name),
                 qPrintable(q.lastError().text()));
    }
    const auto dropDatabase = qScopeGuard([&] {
        {
            QSqlQuery q(QSqlDatabase::database(admin));
            q.exec(QStringLiteral("DROP DATABASE IF EXISTS ") + name +
                   QStringLiteral(" WITH (FORCE)"));
        }
        telemetry::closeDatabase(admin);
    });
    QUrl fresh(base);
    fresh.setPath(QLatin1Char('/') + name);
    const QString url = fresh.toString();
    std::vector<gateway::call_record> queue(m_records.begin(), m_records.begin() + 5000);
    CallLogWriterOptions options;
    options.database = url;
    CallLogWriter writer(options, [&queue](auto& out, std::size_t max) {
        const std::size_t n = std::min(max, queue.size());
        out.insert(out.end(), queue.begin(), queue.begin() + std::ptrdiff_t(n));
        queue.erase(queue.begin(), queue.begin() + std::ptrdiff_t(n));
        return n;
    });
    QVERIFY2(writer.start(), qPrintable(writer.lastError()));
    QVERIFY(writer.flushNow());
    QCOMPARE(writer.counters().written, quint64(5000));
    TelemetryQuery query(url);
    QVERIFY2(query.isOpen(), qPrintable(query.lastError()));
    CallLogFilter filter;
    filter.apiId = 2;
    filter.pathSubstring = QStringLiteral("items/");
    std::optional<SearchCursor> cursor;
    std::size_t rows = 0;
    do {
        const auto page = query.search(filter, cursor, 97);
        QVERIFY2(query.lastError().isEmpty(), qPrintable(query.lastError()));
        rows += page.entries.size();
        cursor = page.next;
    } while (cursor);
    QCOMPARE(
        rows,
        std::size_t(std::count_if(m_records.begin(), m_records.begin() + 5000, [](const auto& r) {
            return r.api_id == 2 && r.path.view().find("items/") != std::string_view::npos;
        })));
    quint64 total = 0;
    for (const auto& p : query.trends(m_base, m_base + 2 * day, TrendBucket::Hour))
        total += p.counters.requests;
    QCOMPARE(total, quint64(5000));
    QCOMPARE(query.topApis(m_base, m_base + 2 * day, 1).at(0).requests, quint64(1000));
    QVERIFY(writer.runRetentionNow(m_base + 100 * day).ok);
    QCOMPARE(query.search(CallLogFilter{}, std::nullopt, 10).entries.size(), std::size_t(0));
    writer.stop();
}

QTEST_GUILESS_MAIN(TestTelemetryQuery)
#include "tst_telemetry_query.moc"
