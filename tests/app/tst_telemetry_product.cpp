// SPDX-FileCopyrightText: Gatehouse contributors
// SPDX-License-Identifier: Apache-2.0
// The telemetry pipeline in the real `gatehouse` executable: a clean stop
// keeps every call; kill -9 in the middle of heavy traffic leaves a
// database that opens cleanly and is consistent with itself; a second
// instance on the same database says it does not record, and does not.
#include "app/telemetry/telemetry_database.h"
#include "tests/support/test_http.h"

#include <QProcess>
#include <QRegularExpression>
#include <QSqlError>
#include <QSqlQuery>
#include <QSysInfo>
#include <QTemporaryDir>
#include <QTest>

#include <atomic>
#include <csignal>
#include <string>
#include <thread>
#include <vector>

using namespace gatehouse;

class TestTelemetryProduct : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() { QVERIFY(m_dir.isValid()); }
    void cleanStopKeepsEveryCall();
    void killNineLeavesAConsistentDatabase();
    void secondInstanceDoesNotRecord();

private:
    // Starts `gatehouse --headless` on the demo workspace; 0 on failure.
    quint16 start(QProcess& process, const QString& database,
                  QProcess::ProcessChannelMode channels = QProcess::ForwardedErrorChannel);
    qint64 scalar(const QString& sql);
    bool openDatabase(const QString& path);
    qint64 committedRows(const QString& path);

    QTemporaryDir m_dir;
    QString m_connection = QStringLiteral("tst-telemetry-product");
};

quint16 TestTelemetryProduct::start(QProcess& process, const QString& database,
                                    QProcess::ProcessChannelMode channels)
{
    auto env = QProcessEnvironment::systemEnvironment();
    env.remove(QStringLiteral("DISPLAY"));
    env.remove(QStringLiteral("WAYLAND_DISPLAY"));
    env.insert(QStringLiteral("XDG_DATA_HOME"), m_dir.filePath(QStringLiteral("data")));
    process.setProcessEnvironment(env);
    process.setProcessChannelMode(channels);
    process.start(QStringLiteral(GATEHOUSE_BINARY),
                  {QStringLiteral("--headless"), QStringLiteral("--listen"),
                   QStringLiteral("127.0.0.1:0"), QStringLiteral("--threads"), QStringLiteral("2"),
                   QStringLiteral("--telemetry-database"), database});
    if (!process.waitForStarted(5000))
        return 0;
    const QRegularExpression listening(
        QStringLiteral("gateway listening on http://127\\.0\\.0\\.1:(\\d+)"));
    QString out;
    for (int i = 0; i < 100; ++i) {
        process.waitForReadyRead(100);
        out += QString::fromUtf8(process.readAllStandardOutput());
        const auto match = listening.match(out);
        if (match.hasMatch())
            return static_cast<quint16>(match.captured(1).toUInt());
    }
    qWarning("no listening line in: %s", qPrintable(out));
    return 0;
}

bool TestTelemetryProduct::openDatabase(const QString& path)
{
    app::telemetry::closeDatabase(m_connection);
    QString error;
    if (!app::telemetry::openDatabase(path, m_connection, &error).isValid()) {
        qWarning("open: %s", qPrintable(error));
        return false;
    }
    return true;
}

// Rows another process has committed so far, through a read-only connection
// of its own (the writer keeps writing meanwhile).
qint64 TestTelemetryProduct::committedRows(const QString& path)
{
    const QString name = QStringLiteral("tst-telemetry-product-reader");
    qint64 rows = -1;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        db.setDatabaseName(path);
        db.setConnectOptions(QStringLiteral("QSQLITE_OPEN_READONLY;QSQLITE_BUSY_TIMEOUT=1000"));
        if (db.open()) {
            QSqlQuery q(db);
            if (q.exec(QStringLiteral("SELECT COUNT(*) FROM call_log")) && q.next())
                rows = q.value(0).toLongLong();
        }
    }
    QSqlDatabase::removeDatabase(name);
    return rows;
}

qint64 TestTelemetryProduct::scalar(const QString& sql)
{
    QSqlQuery q(QSqlDatabase::database(m_connection));
    if (!q.exec(sql) || !q.next()) {
        qWarning("%s: %s", qPrintable(sql), qPrintable(q.lastError().text()));
        return -1;
    }
    return q.value(0).toLongLong();
}

void TestTelemetryProduct::cleanStopKeepsEveryCall()
{
    const QString path = m_dir.filePath(QStringLiteral("clean.sqlite"));
    QProcess process;
    const quint16 port = start(process, path);
    QVERIFY(port != 0);
    constexpr int calls = 60;
    for (int i = 0; i < calls; ++i) {
        const std::string target = i % 3 == 0 ? "/nowhere" : "/echo/" + std::to_string(i);
        QCOMPARE(test::http_request(port, "GET", target).status, i % 3 == 0 ? 404 : 200);
    }
    ::kill(static_cast<pid_t>(process.processId()), SIGTERM);
    QVERIFY(process.waitForFinished(15000));
    QCOMPARE(process.exitCode(), 0);

    // Shut-down drains the rings and commits before the process ends.
    QVERIFY(openDatabase(path));
    QCOMPARE(scalar(QStringLiteral("SELECT COUNT(*) FROM call_log")), qint64(calls));
    QCOMPARE(scalar(QStringLiteral("SELECT COUNT(*) FROM call_log WHERE status = 404")),
             qint64(calls / 3));
    QCOMPARE(scalar(QStringLiteral("SELECT SUM(requests) FROM rollup_minute WHERE api_id = 0")),
             qint64(calls));
    app::telemetry::closeDatabase(m_connection);
}

void TestTelemetryProduct::killNineLeavesAConsistentDatabase()
{
    const QString path = m_dir.filePath(QStringLiteral("killed.sqlite"));
    QProcess process;
    const quint16 port = start(process, path);
    QVERIFY(port != 0);

    // Two clients pipelining 404s (no upstream: as fast as the gateway goes).
    std::atomic<bool> stop{false};
    std::atomic<quint64> answered{0};
    std::vector<std::thread> clients;
    for (int c = 0; c < 2; ++c) {
        clients.emplace_back([&] {
            std::string batch;
            for (int i = 0; i < 50; ++i)
                batch += "GET /flood HTTP/1.1\r\nHost: a\r\n\r\n";
            test::http_connection connection;
            if (!connection.connect(port))
                return;
            while (!stop.load()) {
                if (!connection.send_raw(batch))
                    return;
                for (int i = 0; i < 50; ++i) {
                    if (connection.read(std::chrono::seconds(2)).status != 404)
                        return;
                    ++answered;
                }
            }
        });
    }
    // Heavy writing under way: a good number of calls answered and batches
    // committed (the writer can lag on a loaded machine), then kill -9.
    QTRY_VERIFY_WITH_TIMEOUT(answered.load() > 20000, 20000);
    QTRY_VERIFY_WITH_TIMEOUT(committedRows(path) > 0, 20000);
    process.kill(); // SIGKILL
    QVERIFY(process.waitForFinished(5000));
    QCOMPARE(process.exitStatus(), QProcess::CrashExit);
    stop = true;
    for (std::thread& t : clients)
        t.join();

    QVERIFY(openDatabase(path));
    QCOMPARE(QSqlDatabase::database(m_connection).tables().contains(QStringLiteral("call_log")),
             true);
    QSqlQuery check(QSqlDatabase::database(m_connection));
    QVERIFY(check.exec(QStringLiteral("PRAGMA integrity_check")) && check.next());
    QCOMPARE(check.value(0).toString(), QStringLiteral("ok"));
    const qint64 rows = scalar(QStringLiteral("SELECT COUNT(*) FROM call_log"));
    qInfo("answered before the kill: %llu, rows after: %lld",
          static_cast<unsigned long long>(answered.load()), rows);
    QVERIFY(rows > 0);
    QVERIFY(rows <= static_cast<qint64>(answered.load()) + 200);
    // Raw rows and rollups commit in one transaction: a crash never splits them.
    QCOMPARE(scalar(QStringLiteral("SELECT SUM(requests) FROM rollup_minute WHERE api_id = 0")),
             rows);
    QCOMPARE(scalar(QStringLiteral("SELECT SUM(requests) FROM rollup_hour WHERE api_id = 0")),
             rows);
    app::telemetry::closeDatabase(m_connection);
}

void TestTelemetryProduct::secondInstanceDoesNotRecord()
{
    const QString path = m_dir.filePath(QStringLiteral("shared.sqlite"));
    QProcess first;
    const quint16 firstPort = start(first, path);
    QVERIFY(firstPort != 0);
    QProcess second;
    const quint16 secondPort = start(second, path, QProcess::SeparateChannels);
    QVERIFY(secondPort != 0);
    const QString said =
        QStringLiteral("gatehouse: Call logs are being written by another Gatehouse (pid %1 "
                       "on host %2); this instance shows them but does not record its own "
                       "calls.")
            .arg(first.processId())
            .arg(QSysInfo::machineHostName());
    QString errors;
    QTRY_VERIFY_WITH_TIMEOUT(
        (errors += QString::fromLocal8Bit(second.readAllStandardError())).contains(said), 5000);

    for (int i = 0; i < 20; ++i)
        QCOMPARE(test::http_request(secondPort, "GET", "/echo/" + std::to_string(i)).status, 200);
    for (int i = 0; i < 30; ++i)
        QCOMPARE(test::http_request(firstPort, "GET", "/echo/" + std::to_string(i)).status, 200);
    ::kill(static_cast<pid_t>(second.processId()), SIGTERM);
    QVERIFY(second.waitForFinished(15000));
    QCOMPARE(second.exitCode(), 0);
    errors += QString::fromLocal8Bit(second.readAllStandardError());
    // Its calls went through its rings (none dropped) and were not stored.
    QVERIFY2(errors.contains(QStringLiteral(
                 "gatehouse: telemetry: 0 calls logged, 0 dropped, 0 lost to failed writes, 20 "
                 "not recorded (another Gatehouse writes the call logs)")),
             qPrintable(errors));
    ::kill(static_cast<pid_t>(first.processId()), SIGTERM);
    QVERIFY(first.waitForFinished(15000));
    QCOMPARE(first.exitCode(), 0);

    QVERIFY(openDatabase(path));
    QCOMPARE(scalar(QStringLiteral("SELECT COUNT(*) FROM call_log")), qint64(30));
    QCOMPARE(scalar(QStringLiteral("SELECT SUM(requests) FROM rollup_minute WHERE api_id = 0")),
             qint64(30));
    QCOMPARE(scalar(QStringLiteral("SELECT SUM(requests) FROM rollup_hour WHERE api_id = 0")),
             qint64(30));
    app::telemetry::closeDatabase(m_connection);
}

QTEST_GUILESS_MAIN(TestTelemetryProduct)
#include "tst_telemetry_product.moc"
