// SPDX-FileCopyrightText: Gatehouse contributors
// SPDX-License-Identifier: Apache-2.0
// The call log's single-writer lease: two writers on one database (SQLite
// file or PostgreSQL), a writer killed with its lease, and what the
// service tells the user.
#include "app/telemetry/writer_lease.h"

#include "app/gateway_controller.h"
#include "app/telemetry/call_log_writer.h"
#include "app/telemetry/telemetry_database.h"
#include "app/telemetry/telemetry_service.h"
#include "tests/app/telemetry_test_support.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QFile>
#include <QProcess>
#include <QSqlError>
#include <QSqlQuery>
#include <QSysInfo>
#include <QTemporaryDir>
#include <QThread>
#include <QUrl>
#include <QtTest/QTest>

#include <cstdio>
#include <memory>
#include <mutex>

using namespace gatehouse;
using namespace gatehouse::app;
using gatehouse::test::FeedSource;
using gatehouse::test::ScratchPostgres;

namespace {

gateway::call_record makeRecord(qint64 tsUs, quint64 api, int status, std::uint32_t latencyUs,
                                const char* client)
{
    gateway::call_record r;
    r.timestamp_us = tsUs;
    r.api_id = api;
    r.status = static_cast<std::uint16_t>(status);
    r.total_latency_us = latencyUs;
    r.bytes_in = 100;
    r.bytes_out = 1000;
    r.method.assign("GET");
    r.path.assign("/lease");
    r.request_id.assign("req");
    r.client_address.assign(client);
    return r;
}

qint64 nowUs()
{
    return QDateTime::currentMSecsSinceEpoch() * 1000;
}

// --lease-child <db>: takes the lease, says so, and holds it until killed.
int leaseChild(const QString& path)
{
    CallLogWriterOptions options;
    options.database = path;
    CallLogWriter writer(
        options, [](std::vector<gateway::call_record>&, std::size_t) { return std::size_t(0); });
    if (!writer.start()) {
        std::fprintf(stderr, "start failed: %s\n", qPrintable(writer.lastError()));
        return 2;
    }
    std::printf("holding %d\n", writer.readOnly() ? 0 : 1);
    std::fflush(stdout);
    for (;;)
        QThread::sleep(1);
}

} // namespace

class TestTelemetryLease : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_connection = QStringLiteral("tst-telemetry-lease");

    qint64 scalar(const QString& spec, const QString& sql)
    {
        telemetry::closeDatabase(m_connection);
        QString error;
        QSqlDatabase db = telemetry::openDatabase(spec, m_connection, &error);
        if (!db.isValid()) {
            qWarning("open: %s", qPrintable(error));
            return -1;
        }
        QSqlQuery q(db);
        if (!q.exec(sql) || !q.next()) {
            qWarning("%s: %s", qPrintable(sql), qPrintable(q.lastError().text()));
            return -1;
        }
        return q.value(0).toLongLong();
    }

private slots:
    void initTestCase() { QVERIFY(m_dir.isValid()); }
    void cleanupTestCase() { telemetry::closeDatabase(m_connection); }
    void secondWriterStoresNothing_data();
    void secondWriterStoresNothing();
    void leaseOfAKilledProcessIsTakenOver();
    void lockFileOfAnotherHostIsKept();
    void serviceSaysWhoWrites_data() { secondWriterStoresNothing_data(); }
    void serviceSaysWhoWrites();

private:
    void serviceSaysWhichConnectionWrites();
};

void TestTelemetryLease::secondWriterStoresNothing_data()
{
    QTest::addColumn<bool>("postgres");
    QTest::newRow("sqlite") << false;
    if (!qEnvironmentVariableIsEmpty("GATEHOUSE_TEST_PG_URL"))
        QTest::newRow("postgresql") << true;
}

void TestTelemetryLease::secondWriterStoresNothing()
{
    QFETCH(bool, postgres);
    std::unique_ptr<ScratchPostgres> pg;
    QString spec = m_dir.filePath(QStringLiteral("two-writers.sqlite"));
    if (postgres) {
        pg = std::make_unique<ScratchPostgres>(qEnvironmentVariable("GATEHOUSE_TEST_PG_URL"));
        QVERIFY2(!pg->url().isEmpty(), qPrintable(pg->error()));
        spec = pg->url();
    }
    CallLogWriterOptions options;
    options.database = spec;
    // Both in the same minute and hour: the buckets a second writer's
    // rollups would overwrite.
    const qint64 base = nowUs();

    FeedSource firstFeed;
    CallLogWriter first(options, firstFeed.source());
    QVERIFY2(first.start(), qPrintable(first.lastError()));
    QVERIFY(!first.readOnly());
    for (int i = 0; i < 300; ++i)
        firstFeed.push(makeRecord(base + i, 7, 200, 100, "203.0.113.1"));
    QVERIFY(first.flushNow());

    FeedSource secondFeed;
    CallLogWriter second(options, secondFeed.source());
    QVERIFY2(second.start(), qPrintable(second.lastError()));
    QVERIFY(second.readOnly());
    const WriterLeaseHolder holder = second.leaseHolder();
    if (postgres) {
        QVERIFY(holder.otherConnection);
        QVERIFY(holder.pid > 0); // the first writer's server process
    } else {
        QVERIFY(!holder.otherConnection);
        QCOMPARE(holder.pid, QCoreApplication::applicationPid());
        QCOMPARE(holder.host, QSysInfo::machineHostName());
    }

    // Interleaved traffic on both; the second's has texts the first never saw.
    for (int round = 0; round < 2; ++round) {
        for (int i = 0; i < 200; ++i)
            secondFeed.push(makeRecord(base + 1000 + i, 7, 500, 9000, "198.51.100.9"));
        QVERIFY(second.flushNow());
        for (int i = 0; i < 50; ++i)
            firstFeed.push(makeRecord(base + 2000 + i, 7, 200, 100, "203.0.113.1"));
        QVERIFY(first.flushNow());
    }
    QCOMPARE(secondFeed.waiting(), std::size_t(0)); // drained, so nothing counts as dropped
    const CallLogWriterCounters c2 = second.counters();
    QCOMPARE(c2.written, quint64(0));
    QCOMPARE(c2.notRecorded, quint64(400));
    QCOMPARE(c2.failedRows, quint64(0));
    QVERIFY(c2.readOnly);
    // What it did not store, it still shows: its own live window.
    const LiveSeries::Window live = second.liveSeries()->window(60, base + 5'000'000);
    QCOMPARE(live.counters.requests, quint64(400));
    QCOMPARE(live.counters.statusClasses[5], quint64(400));
    QCOMPARE(second.metrics().writer.notRecorded, quint64(400));
    QVERIFY(!second.runRetentionNow(nowUs()).ok);

    // The first writer's rows and rollups are exactly its own.
    QCOMPARE(first.counters().written, quint64(400));
    QCOMPARE(scalar(spec, QStringLiteral("SELECT COUNT(*) FROM call_log")), qint64(400));
    QCOMPARE(scalar(spec, QStringLiteral("SELECT COUNT(*) FROM call_log WHERE status = 500")),
             qint64(0));
    for (const char* table : {"rollup_minute", "rollup_hour"}) {
        const QString t = QString::fromLatin1(table);
        QCOMPARE(scalar(spec, QStringLiteral("SELECT SUM(requests) FROM ") + t +
                                  QStringLiteral(" WHERE api_id = 0")),
                 qint64(400));
        QCOMPARE(scalar(spec, QStringLiteral("SELECT SUM(s5xx) FROM ") + t), qint64(0));
    }
    QCOMPARE(scalar(spec, QStringLiteral("SELECT COUNT(*) FROM call_text"
                                         " WHERE value = '198.51.100.9'")),
             qint64(0));

    // Once the first has stopped, the next writer to start gets the lease
    // (the running read-only one does not take over) and carries the
    // rollups on from the stored rows.
    first.stop();
    QVERIFY(second.readOnly());
    FeedSource thirdFeed;
    CallLogWriter third(options, thirdFeed.source());
    QVERIFY2(third.start(), qPrintable(third.lastError()));
    QVERIFY(!third.readOnly());
    for (int i = 0; i < 10; ++i)
        thirdFeed.push(makeRecord(base + 3000 + i, 7, 200, 100, "203.0.113.1"));
    QVERIFY(third.flushNow());
    second.stop();
    third.stop();
    QCOMPARE(scalar(spec, QStringLiteral("SELECT COUNT(*) FROM call_log")), qint64(410));
    QCOMPARE(scalar(spec, QStringLiteral("SELECT SUM(requests) FROM rollup_minute"
                                         " WHERE api_id = 0")),
             qint64(410));
    QCOMPARE(scalar(spec, QStringLiteral("SELECT SUM(requests) FROM rollup_hour"
                                         " WHERE api_id = 7")),
             qint64(410));
    telemetry::closeDatabase(m_connection);
}

void TestTelemetryLease::leaseOfAKilledProcessIsTakenOver()
{
    const QString path = m_dir.filePath(QStringLiteral("killed.sqlite"));
    QProcess child;
    child.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    child.start(QCoreApplication::applicationFilePath(), {QStringLiteral("--lease-child"), path});
    QVERIFY(child.waitForStarted());
    QByteArray line;
    while (!line.startsWith("holding") && child.waitForReadyRead(10000))
        line = child.readLine().trimmed();
    QCOMPARE(line, QByteArray("holding 1"));

    CallLogWriterOptions options;
    options.database = path;
    FeedSource feed;
    {
        CallLogWriter blocked(options, feed.source());
        QVERIFY(blocked.start());
        QVERIFY(blocked.readOnly());
        QCOMPARE(blocked.leaseHolder().pid, child.processId());
    }

    child.kill(); // SIGKILL: the lock file stays behind, its pid dead
    QVERIFY(child.waitForFinished(5000));
    QCOMPARE(child.exitStatus(), QProcess::CrashExit);
    QVERIFY(QFile::exists(WriterLease::lockFilePath(path)));

    CallLogWriter writer(options, feed.source());
    QVERIFY2(writer.start(), qPrintable(writer.lastError()));
    QVERIFY(!writer.readOnly());
    feed.push(makeRecord(nowUs(), 7, 200, 10, "203.0.113.1"));
    QVERIFY(writer.flushNow());
    QCOMPARE(writer.counters().written, quint64(1));
    writer.stop();
    QCOMPARE(scalar(path, QStringLiteral("SELECT COUNT(*) FROM call_log")), qint64(1));
    telemetry::closeDatabase(m_connection);
    // A clean stop removes the lock file.
    QVERIFY(!QFile::exists(WriterLease::lockFilePath(path)));
}

void TestTelemetryLease::lockFileOfAnotherHostIsKept()
{
    // Whether a process on another host (a shared network directory) is
    // alive cannot be told from here: its lock file is never taken as stale.
    const QString path = m_dir.filePath(QStringLiteral("foreign.sqlite"));
    QFile lock(WriterLease::lockFilePath(path));
    QVERIFY(lock.open(QIODevice::WriteOnly));
    lock.write("999999\ngatehouse\nelsewhere.example\n0123456789abcdef0123456789abcdef\n"
               "00000000-1111-2222-3333-444444444444\n");
    lock.close();

    FeedSource feed;
    CallLogWriterOptions options;
    options.database = path;
    CallLogWriter writer(options, feed.source());
    QVERIFY(writer.start());
    QVERIFY(writer.readOnly());
    QCOMPARE(writer.leaseHolder().pid, qint64(999999));
    QCOMPARE(writer.leaseHolder().host, QStringLiteral("elsewhere.example"));
    writer.stop();
    QVERIFY(QFile::exists(WriterLease::lockFilePath(path)));

    // Removed by hand once that host's Gatehouse is known to be gone.
    QVERIFY(QFile::remove(WriterLease::lockFilePath(path)));
    CallLogWriter next(options, feed.source());
    QVERIFY(next.start());
    QVERIFY(!next.readOnly());
}

void TestTelemetryLease::serviceSaysWhichConnectionWrites()
{
    ScratchPostgres pg(qEnvironmentVariable("GATEHOUSE_TEST_PG_URL"));
    QVERIFY2(!pg.url().isEmpty(), qPrintable(pg.error()));
    GatewayController firstController;
    GatewayController secondController;
    TelemetryServiceOptions options;
    options.database = pg.url();
    options.summaryIntervalMs = 0;
    TelemetryService first(&firstController, options);
    QVERIFY2(first.start(), qPrintable(first.lastError()));
    QVERIFY(!first.readOnly());
    // The server process of the first writer's connection: the one
    // advisory lock in this database (pg_locks covers the whole cluster,
    // where suites running alongside hold leases of their own).
    const qint64 holder =
        scalar(pg.url(), QStringLiteral("SELECT pid FROM pg_locks WHERE locktype = 'advisory'"
                                        " AND granted AND database = (SELECT oid FROM"
                                        " pg_database WHERE datname = current_database())"));
    QVERIFY(holder > 0);

    TelemetryService second(&secondController, options);
    QVERIFY2(second.start(), qPrintable(second.lastError()));
    QVERIFY(second.readOnly());
    QCOMPARE(second.readOnlyMessage(),
             QStringLiteral("Call logs are being written by another Gatehouse (another connection "
                            "to this database: server process %1 for %2); this instance shows "
                            "them but does not record its own calls.")
                 .arg(holder)
                 .arg(QUrl(pg.url()).host()));
    second.stop();
    first.stop();
    // The server dropped the lock with the first writer's connection.
    TelemetryService third(&secondController, options);
    QVERIFY(third.start());
    QVERIFY(!third.readOnly());
    third.stop();
    telemetry::closeDatabase(m_connection);
}

void TestTelemetryLease::serviceSaysWhoWrites()
{
    QFETCH(bool, postgres);
    if (postgres)
        return serviceSaysWhichConnectionWrites();
    GatewayController firstController;
    GatewayController secondController;
    TelemetryServiceOptions options;
    options.database = m_dir.filePath(QStringLiteral("service.sqlite"));
    options.summaryIntervalMs = 0;
    TelemetryService first(&firstController, options);
    QVERIFY2(first.start(), qPrintable(first.lastError()));
    QVERIFY(!first.readOnly());
    QVERIFY(first.readOnlyMessage().isEmpty());

    TelemetryService second(&secondController, options);
    QVERIFY2(second.start(), qPrintable(second.lastError()));
    QVERIFY(second.running());
    QVERIFY(second.readOnly());
    QCOMPARE(second.readOnlyMessage(),
             QStringLiteral("Call logs are being written by another Gatehouse (pid %1 on host "
                            "%2); this instance shows them but does not record its own calls.")
                 .arg(QCoreApplication::applicationPid())
                 .arg(QSysInfo::machineHostName()));
    const QByteArray metrics = second.prometheusText();
    QVERIFY(metrics.contains("\ngatehouse_call_log_recording 0\n"));
    QVERIFY(first.prometheusText().contains("\ngatehouse_call_log_recording 1\n"));
    second.stop();
    QVERIFY(second.readOnly()); // still reported after the stop, for a summary

    first.stop();
    TelemetryService third(&secondController, options);
    QVERIFY(third.start());
    QVERIFY(!third.readOnly());
    QVERIFY(third.readOnlyMessage().isEmpty());
    third.stop();
}

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    if (argc >= 3 && qstrcmp(argv[1], "--lease-child") == 0)
        return leaseChild(QString::fromLocal8Bit(argv[2]));
    TestTelemetryLease test;
    QTEST_SET_MAIN_SOURCE_PATH
    return QTest::qExec(&test, argc, argv);
}

#include "tst_telemetry_lease.moc"
