// SPDX-FileCopyrightText: Gatehouse contributors
// SPDX-License-Identifier: Apache-2.0
// The call log's single-writer lease: two writers on one database (SQLite
// file or PostgreSQL), a writer killed with its lease, the read-only writer
// taking over once the holder has gone, and what the service tells the user.
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

#include <QScopeGuard>
#include <QSignalSpy>

#include <cstdio>
#include <string>
#include <thread>

#include <atomic>
#include <cstdio>
#include <memory>
#include <mutex>

using namespace gatehouse;
using namespace gatehouse::app;
using gatehouse::test::FeedSource;
using gatehouse::test::makeRecord;
using gatehouse::test::nowUs;
using gatehouse::test::ScratchPostgres;
using gatehouse::test::TelemetryTestDatabase;

namespace {

// Read-only writers in these tests ask for the lease again this often, so
// a takeover shows within a fraction of the product's few seconds.
constexpr std::chrono::milliseconds quickRetry{200};

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
    void readOnlyWriterTakesOverFromAKilledHolder_data() { secondWriterStoresNothing_data(); }
    void readOnlyWriterTakesOverFromAKilledHolder();
    void lockFileOfAnotherHostIsKept();
    void serviceSaysWhoWrites_data() { secondWriterStoresNothing_data(); }
    void serviceSaysWhoWrites();
    void readOnlyMessageFollowsTheHolder_data() { secondWriterStoresNothing_data(); }
    void readOnlyMessageFollowsTheHolder();

private:
    void serviceSaysWhichConnectionWrites();
    void readOnlyMessageFollowsTheConnection();
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
    options.leaseRetryInterval = quickRetry;
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
    std::atomic<int> takeovers{0};
    second.setLeaseAcquiredCallback([&takeovers] { ++takeovers; });
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

    // Retrying while the first holds the lease changes nothing.
    QTest::qWait(int(3 * quickRetry.count()));
    QVERIFY(second.readOnly());
    QCOMPARE(takeovers.load(), 0);
    QVERIFY(second.lastError().isEmpty());

    // Calls the second drained while read-only, just before the first goes:
    // shown, never stored (they are in no rollup).
    for (int i = 0; i < 5; ++i)
        secondFeed.push(makeRecord(base + 2500 + i, 7, 404, 100, "198.51.100.9"));
    // Once the first has stopped, the running read-only writer takes the
    // lease over by itself, says so once, and carries the rollups on from
    // the stored rows.
    first.stop();
    QTRY_VERIFY_WITH_TIMEOUT(!second.readOnly(), 5000);
    QCOMPARE(takeovers.load(), 1);
    QVERIFY(!second.counters().readOnly);
    QCOMPARE(second.leaseHolder().pid, qint64(0));
    QCOMPARE(second.counters().notRecorded, quint64(405));
    QCOMPARE(secondFeed.waiting(), std::size_t(0));
    for (int i = 0; i < 10; ++i)
        secondFeed.push(makeRecord(base + 3000 + i, 7, 200, 100, "203.0.113.1"));
    QVERIFY(second.flushNow());
    QCOMPARE(second.counters().written, quint64(10));
    QVERIFY(second.runRetentionNow(nowUs()).ok);

    // Now it is the holder: the next writer to start is read-only.
    FeedSource thirdFeed;
    CallLogWriter third(options, thirdFeed.source());
    QVERIFY2(third.start(), qPrintable(third.lastError()));
    QVERIFY(third.readOnly());
    thirdFeed.push(makeRecord(base + 4000, 7, 200, 100, "203.0.113.1"));
    QVERIFY(third.flushNow());
    QCOMPARE(third.counters().notRecorded, quint64(1));
    third.stop();
    second.stop();
    QCOMPARE(takeovers.load(), 1);
    QCOMPARE(scalar(spec, QStringLiteral("SELECT COUNT(*) FROM call_log")), qint64(410));
    QCOMPARE(scalar(spec, QStringLiteral("SELECT COUNT(*) FROM call_log WHERE status <> 200")),
             qint64(0));
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

// The holder dies (kill -9) while another Gatehouse runs read-only on the
// same database: that one becomes the writer within its retry interval,
// without a restart. SQLite: the lock file stays behind with a dead pid;
// PostgreSQL: the server ends the dead process's session and its lock.
void TestTelemetryLease::readOnlyWriterTakesOverFromAKilledHolder()
{
    QFETCH(bool, postgres);
    TelemetryTestDatabase db(postgres, m_dir.filePath(QStringLiteral("takeover.sqlite")));
    QVERIFY2(db.ready(), qPrintable(db.error()));
    QProcess child;
    child.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    child.start(QCoreApplication::applicationFilePath(),
                {QStringLiteral("--lease-child"), db.path()});
    QVERIFY(child.waitForStarted());
    QByteArray line;
    while (!line.startsWith("holding") && child.waitForReadyRead(10000))
        line = child.readLine().trimmed();
    QCOMPARE(line, QByteArray("holding 1"));

    CallLogWriterOptions options;
    options.database = db.path();
    options.leaseRetryInterval = quickRetry;
    FeedSource feed;
    CallLogWriter writer(options, feed.source());
    std::atomic<int> takeovers{0};
    writer.setLeaseAcquiredCallback([&takeovers] { ++takeovers; });
    QVERIFY2(writer.start(), qPrintable(writer.lastError()));
    QVERIFY(writer.readOnly());
    if (!postgres)
        QCOMPARE(writer.leaseHolder().pid, child.processId());
    feed.push(makeRecord(nowUs(), 7, 200, 10, "203.0.113.1"));
    QVERIFY(writer.flushNow());
    QCOMPARE(writer.counters().notRecorded, quint64(1));

    child.kill();
    QVERIFY(child.waitForFinished(5000));
    QTRY_VERIFY_WITH_TIMEOUT(!writer.readOnly(), 10000);
    QCOMPARE(takeovers.load(), 1);
    for (int i = 0; i < 3; ++i)
        feed.push(makeRecord(nowUs() + i, 7, 200, 10, "203.0.113.1"));
    QVERIFY(writer.flushNow());
    const CallLogWriterCounters c = writer.counters();
    QCOMPARE(c.written, quint64(3));
    QCOMPARE(c.notRecorded, quint64(1));
    QCOMPARE(c.failedRows, quint64(0));
    writer.stop();
    QCOMPARE(scalar(db.path(), QStringLiteral("SELECT COUNT(*) FROM call_log")), qint64(3));
    QCOMPARE(scalar(db.path(), QStringLiteral("SELECT SUM(requests) FROM rollup_minute"
                                              " WHERE api_id = 7")),
             qint64(3));
    telemetry::closeDatabase(m_connection);
    if (!postgres) // a clean stop removes the lock file it took over
        QVERIFY(!QFile::exists(WriterLease::lockFilePath(db.path())));
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
    options.leaseRetryInterval = quickRetry;
    CallLogWriter writer(options, feed.source());
    QVERIFY(writer.start());
    QVERIFY(writer.readOnly());
    QCOMPARE(writer.leaseHolder().pid, qint64(999999));
    QCOMPARE(writer.leaseHolder().host, QStringLiteral("elsewhere.example"));
    // Asking again and again does not make it stale.
    QTest::qWait(int(4 * quickRetry.count()));
    QVERIFY(writer.readOnly());
    QCOMPARE(writer.leaseHolder().pid, qint64(999999));
    QVERIFY(QFile::exists(WriterLease::lockFilePath(path)));

    // Removed by hand once that host's Gatehouse is known to be gone: the
    // running writer takes over, no restart needed.
    QVERIFY(QFile::remove(WriterLease::lockFilePath(path)));
    QTRY_VERIFY_WITH_TIMEOUT(!writer.readOnly(), 5000);
    feed.push(makeRecord(nowUs(), 7, 200, 10, "203.0.113.1"));
    QVERIFY(writer.flushNow());
    QCOMPARE(writer.counters().written, quint64(1));
    CallLogWriter next(options, feed.source());
    QVERIFY(next.start());
    QVERIFY(next.readOnly());
    QCOMPARE(next.leaseHolder().pid, QCoreApplication::applicationPid());
    next.stop();
    writer.stop();
    QVERIFY(!QFile::exists(WriterLease::lockFilePath(path)));
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
    options.leaseRetryInterval = quickRetry;
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
    // The server drops the lock with the first writer's connection, and the
    // second takes it over while running.
    QSignalSpy changes(&second, &TelemetryService::readOnlyChanged);
    first.stop();
    QTRY_COMPARE_WITH_TIMEOUT(changes.count(), 1, 10000);
    QCOMPARE(changes.first().first().toBool(), false);
    QVERIFY(!second.readOnly());
    QVERIFY(second.readOnlyMessage().isEmpty());
    QVERIFY(second.prometheusText().contains("\ngatehouse_call_log_recording 1\n"));
    TelemetryService third(&firstController, options);
    QVERIFY(third.start());
    QVERIFY(third.readOnly());
    third.stop();
    second.stop();
    QCOMPARE(changes.count(), 1);
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

    // The first one goes: within the default retry interval (a few
    // seconds) the second records, announced once, without a restart.
    QSignalSpy changes(&second, &TelemetryService::readOnlyChanged);
    first.stop();
    QTRY_COMPARE_WITH_TIMEOUT(changes.count(), 1, 10000);
    QCOMPARE(changes.first().first().toBool(), false);
    QVERIFY(!second.readOnly());
    QVERIFY(second.readOnlyMessage().isEmpty());
    QVERIFY(second.prometheusText().contains("\ngatehouse_call_log_recording 1\n"));

    // Now the second is the one another instance finds writing.
    TelemetryService third(&firstController, options);
    QVERIFY(third.start());
    QVERIFY(third.readOnly());
    QCOMPARE(third.readOnlyMessage(),
             QStringLiteral("Call logs are being written by another Gatehouse (pid %1 on host "
                            "%2); this instance shows them but does not record its own calls.")
                 .arg(QCoreApplication::applicationPid())
                 .arg(QSysInfo::machineHostName()));
    third.stop();
    QVERIFY(third.readOnly()); // still reported after the stop, for a summary
    second.stop();
    QCOMPARE(changes.count(), 1);
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

// While read-only, the lease passes from the holder named at start to a
// third writer: the message follows it (from the next try for the lease),
// announced once, and the instance stays read-only. SQLite: the lock file
// is replaced by another host's, atomically (a rename), so this instance
// never sees the file missing.
void TestTelemetryLease::readOnlyMessageFollowsTheHolder()
{
    QFETCH(bool, postgres);
    if (postgres)
        return readOnlyMessageFollowsTheConnection();
    const QString path = m_dir.filePath(QStringLiteral("passed.sqlite"));
    const QString lockPath = WriterLease::lockFilePath(path);
    const auto writeLock = [&](const char* content) {
        const QString temporary = lockPath + QStringLiteral(".new");
        QFile lock(temporary);
        if (!lock.open(QIODevice::WriteOnly) || lock.write(content) < 0)
            return false;
        lock.close();
        return ::rename(QFile::encodeName(temporary).constData(),
                        QFile::encodeName(lockPath).constData()) == 0;
    };
    QVERIFY(writeLock("999999\ngatehouse\nelsewhere.example\n0123456789abcdef0123456789abcdef\n"
                      "00000000-1111-2222-3333-444444444444\n"));
    GatewayController controller;
    TelemetryServiceOptions options;
    options.database = path;
    options.summaryIntervalMs = 0;
    options.leaseRetryInterval = quickRetry;
    TelemetryService service(&controller, options);
    QVERIFY2(service.start(), qPrintable(service.lastError()));
    QVERIFY(service.readOnly());
    const auto message = [](qint64 pid, const QString& host) {
        return QStringLiteral("Call logs are being written by another Gatehouse (pid %1 on host "
                              "%2); this instance shows them but does not record its own calls.")
            .arg(pid)
            .arg(host);
    };
    QCOMPARE(service.readOnlyMessage(), message(999999, QStringLiteral("elsewhere.example")));
    QSignalSpy messages(&service, &TelemetryService::readOnlyMessageChanged);
    QSignalSpy changes(&service, &TelemetryService::readOnlyChanged);
    // Asking again while the same one holds it changes nothing.
    QTest::qWait(int(3 * quickRetry.count()));
    QCOMPARE(messages.count(), 0);

    QVERIFY(writeLock("888888\ngatehouse\nthird.example\nfedcba9876543210fedcba9876543210\n"
                      "55555555-6666-7777-8888-999999999999\n"));
    QTRY_COMPARE_WITH_TIMEOUT(service.readOnlyMessage(),
                              message(888888, QStringLiteral("third.example")), 5000);
    QCOMPARE(messages.count(), 1);
    QCOMPARE(messages.first().first().toString(), service.readOnlyMessage());
    QVERIFY(service.readOnly());
    QCOMPARE(changes.count(), 0);
    QTest::qWait(int(3 * quickRetry.count()));
    QCOMPARE(messages.count(), 1); // announced once

    // That one goes too: this instance takes over, and the message is gone.
    QVERIFY(QFile::remove(lockPath));
    QTRY_COMPARE_WITH_TIMEOUT(changes.count(), 1, 5000);
    QVERIFY(!service.readOnly());
    QVERIFY(service.readOnlyMessage().isEmpty());
    QCOMPARE(messages.count(), 1);
    service.stop();
}

// PostgreSQL: the first holder is a connection of this test; a third one
// waits for the lock (pg_advisory_lock queues it), so the server hands the
// lock straight to it when the first lets go, before the read-only
// instance's next try.
void TestTelemetryLease::readOnlyMessageFollowsTheConnection()
{
    ScratchPostgres pg(qEnvironmentVariable("GATEHOUSE_TEST_PG_URL"));
    QVERIFY2(!pg.url().isEmpty(), qPrintable(pg.error()));
    const QString firstConnection = QStringLiteral("tst-lease-first");
    QString error;
    QSqlDatabase first = telemetry::openDatabase(pg.url(), firstConnection, &error);
    QVERIFY2(first.isValid(), qPrintable(error));
    qint64 firstPid = 0;
    {
        QSqlQuery q(first);
        QVERIFY(q.exec(QStringLiteral("SELECT pg_backend_pid()")) && q.next());
        firstPid = q.value(0).toLongLong();
    }
    auto firstLease = std::make_unique<WriterLease>();
    QCOMPARE(firstLease->acquire(first, pg.url(), &error), WriterLease::Result::Acquired);

    GatewayController controller;
    TelemetryServiceOptions options;
    options.database = pg.url();
    options.summaryIntervalMs = 0;
    options.leaseRetryInterval = quickRetry;
    TelemetryService service(&controller, options);
    QVERIFY2(service.start(), qPrintable(service.lastError()));
    QVERIFY(service.readOnly());
    const QString host = QUrl(pg.url()).host();
    const auto message = [&host](qint64 pid) {
        return QStringLiteral("Call logs are being written by another Gatehouse (another "
                              "connection to this database: server process %1 for %2); this "
                              "instance shows them but does not record its own calls.")
            .arg(pid)
            .arg(host);
    };
    QCOMPARE(service.readOnlyMessage(), message(firstPid));
    QSignalSpy messages(&service, &TelemetryService::readOnlyMessageChanged);
    QSignalSpy changes(&service, &TelemetryService::readOnlyChanged);

    // The third writer, on a thread of its own (its connection belongs to
    // it): queues for the lock, holds it until told to let go.
    std::atomic<qint64> thirdPid{0};
    std::atomic<bool> thirdHolds{false};
    std::atomic<bool> release{false};
    std::string thirdError;
    std::thread third([&] {
        const QString name = QStringLiteral("tst-lease-third");
        {
            QString err;
            QSqlDatabase db = telemetry::openDatabase(pg.url(), name, &err);
            QSqlQuery q(db);
            if (!db.isValid() || !q.exec(QStringLiteral("SELECT pg_backend_pid()")) || !q.next()) {
                thirdError = QString(err + q.lastError().text()).toStdString();
                thirdPid = -1;
            } else {
                thirdPid = q.value(0).toLongLong();
                q.finish();
                const qint64 key = WriterLease::advisoryKey(QStringLiteral("public"));
                if (q.exec(QStringLiteral("SELECT pg_advisory_lock(%1)").arg(key))) {
                    thirdHolds = true;
                    while (!release)
                        QThread::msleep(10);
                    q.exec(QStringLiteral("SELECT pg_advisory_unlock(%1)").arg(key));
                } else {
                    thirdError = q.lastError().text().toStdString();
                }
            }
        }
        telemetry::closeDatabase(name);
    });
    const auto joinThird = qScopeGuard([&] {
        release = true;
        third.join();
    });
    QTRY_VERIFY_WITH_TIMEOUT(thirdPid != 0, 5000);
    QVERIFY2(thirdPid > 0, thirdError.c_str());
    // Queued behind the first holder before it lets go.
    QTRY_COMPARE_WITH_TIMEOUT(
        scalar(pg.url(), QStringLiteral("SELECT COUNT(*) FROM pg_locks WHERE locktype = 'advisory'"
                                        " AND NOT granted AND pid = %1")
                             .arg(thirdPid.load())),
        qint64(1), 5000);
    firstLease.reset();
    QTRY_VERIFY_WITH_TIMEOUT(thirdHolds.load(), 5000);
    QTRY_COMPARE_WITH_TIMEOUT(service.readOnlyMessage(), message(thirdPid), 5000);
    QCOMPARE(messages.count(), 1);
    QCOMPARE(messages.first().first().toString(), message(thirdPid));
    QVERIFY(service.readOnly());
    QCOMPARE(changes.count(), 0);

    // The third lets go: this instance takes over.
    release = true;
    QTRY_COMPARE_WITH_TIMEOUT(changes.count(), 1, 10000);
    QVERIFY(!service.readOnly());
    QVERIFY(service.readOnlyMessage().isEmpty());
    service.stop();
    first = QSqlDatabase();
    telemetry::closeDatabase(firstConnection);
    telemetry::closeDatabase(m_connection);
}
