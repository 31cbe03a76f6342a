// SPDX-FileCopyrightText: Gatehouse contributors
// SPDX-License-Identifier: Apache-2.0
#include "app/domain/api_store.h"
#include "app/storage/database.h"

#include "app/storage/migrations.h"
#include "app/storage/sql_query.h"
#include "tests/app/test_databases.h"

#include <QCryptographicHash>
#include <QFile>
#include <QSqlDatabase>
#include <QTest>
#include <QThread>
#include <QUrl>

#include <memory>

using namespace gatehouse::app;

class TestStorage : public QObject {
    Q_OBJECT

private slots:
    void initTestCase_data() { TestDatabases::addBackends(); }
    void cleanup() { m_db.cleanup(); }

    void migratesFromEmpty();
    void reopeningIsIdempotent();
    void refusesNewerSchema();
    void corruptOrUnreachableIsRefusedUntouched();
    void foreignKeysAreEnforced();
    void sqliteSettings();
    void migrationFailureRollsBack();
    void upgradeFromVersionOneKeepsApis();
    void urlForms();
    void oneConnectionPerThread();

private:
    static QByteArray fileHash(const QString& path)
    {
        QFile f(path);
        if (!f.open(QIODevice::ReadOnly))
            return {};
        return QCryptographicHash::hash(f.readAll(), QCryptographicHash::Sha256);
    }
    static QString schemaRows(const QSqlDatabase& conn);

    TestDatabases m_db;
};

QString TestStorage::schemaRows(const QSqlDatabase& conn)
{
    auto q = runSql(conn, QStringLiteral("SELECT version, description FROM schema_version ORDER BY "
                                         "version"));
    QString rows;
    while (q && q->next())
        rows +=
            q->value(0).toString() + QLatin1Char(':') + q->value(1).toString() + QLatin1Char(';');
    return rows;
}

void TestStorage::migratesFromEmpty()
{
    GH_OPEN_FRESH(m_db);
    Database& db = m_db.database();
    QVERIFY(db.isOpen());
    QCOMPARE(db.schemaVersion(), Migrations::latestVersion());
    QCOMPARE(db.dialect(), TestDatabases::isPostgres() ? SqlDialect::Postgres : SqlDialect::Sqlite);
    const QStringList tables = db.connection().tables();
    for (const char* t :
         {"schema_version", "users", "teams", "team_members", "apis", "api_routes", "api_upstreams",
          "plans", "applications", "api_keys", "subscriptions", "audit_log"})
        QVERIFY2(tables.contains(QLatin1String(t)), t);
    // Ids come from the database on both back ends.
    QString err;
    auto q = runSql(db.connection(),
                    QStringLiteral("INSERT INTO teams (name, created_at) VALUES ('a', 1) "
                                   "RETURNING id"),
                    {}, &err);
    QVERIFY2(q && q->next(), qPrintable(err));
    QVERIFY(q->value(0).toLongLong() > 0);
}

void TestStorage::reopeningIsIdempotent()
{
    GH_OPEN_FRESH(m_db);
    const QString before = schemaRows(m_db.database().connection());
    QVERIFY(!before.isEmpty());
    QString err;
    m_db.database().close();
    auto again = m_db.reopen(QStringLiteral("second"), &err);
    QVERIFY2(again, qPrintable(err));
    QCOMPARE(again->schemaVersion(), Migrations::latestVersion());
    QCOMPARE(schemaRows(again->connection()), before);
}

void TestStorage::refusesNewerSchema()
{
    GH_OPEN_FRESH(m_db);
    const int newer = Migrations::latestVersion() + 1;
    QVERIFY(m_db.exec(QStringLiteral("INSERT INTO schema_version (version, description, "
                                     "applied_at) VALUES (%1, 'from the future', 0)")
                          .arg(newer)));
    m_db.database().close();
    const QByteArray bytesBefore =
        TestDatabases::isPostgres() ? QByteArray() : fileHash(m_db.sqlitePath());

    QString err;
    auto refused = m_db.reopen(QStringLiteral("newer"), &err);
    QVERIFY(!refused);
    QVERIFY2(err.contains(QLatin1String("newer than this Gatehouse")), qPrintable(err));
    QVERIFY2(err.contains(QString::number(newer)), qPrintable(err));
    QVERIFY2(err.contains(QLatin1String("not modified")), qPrintable(err));

    if (!TestDatabases::isPostgres())
        QCOMPARE(fileHash(m_db.sqlitePath()), bytesBefore);
    // The migration step refuses on its own too (another process may race).
    QVERIFY(m_db.database().open(m_db.spec()) == false);
    QSqlDatabase raw = QSqlDatabase::addDatabase(
        TestDatabases::isPostgres() ? QStringLiteral("QPSQL") : QStringLiteral("QSQLITE"),
        QStringLiteral("raw"));
    {
        if (TestDatabases::isPostgres()) {
            const QUrl url(m_db.postgresUrl());
            raw.setHostName(url.host());
            raw.setPort(url.port());
            raw.setUserName(url.userName());
            raw.setDatabaseName(url.path().mid(1));
        } else {
            raw.setDatabaseName(m_db.sqlitePath());
        }
        QVERIFY(raw.open());
        QString why;
        QVERIFY(!Migrations::migrate(
            raw, TestDatabases::isPostgres() ? SqlDialect::Postgres : SqlDialect::Sqlite, &why));
        QVERIFY2(why.contains(QLatin1String("newer")), qPrintable(why));
        auto q = runSql(raw, QStringLiteral("SELECT COUNT(*) FROM schema_version"));
        QVERIFY(q && q->next());
        QCOMPARE(q->value(0).toInt(), Migrations::latestVersion() + 1);
        raw.close();
    }
    raw = QSqlDatabase();
    QSqlDatabase::removeDatabase(QStringLiteral("raw"));
}

void TestStorage::corruptOrUnreachableIsRefusedUntouched()
{
    if (TestDatabases::isPostgres()) {
        const QString base = qEnvironmentVariable("GATEHOUSE_TEST_PG_URL");
        if (base.isEmpty())
            QFAIL("GATEHOUSE_TEST_PG_URL is not set; run the suites with packaging/dev.sh test");
        QUrl wrongDb(base);
        wrongDb.setPath(QStringLiteral("/gatehouse_no_such_database"));
        Database db(QStringLiteral("unreachable"));
        QVERIFY(!db.open(wrongDb.toString()));
        QVERIFY2(db.lastError().contains(QLatin1String("cannot connect")),
                 qPrintable(db.lastError()));
        QVERIFY(!db.isOpen());
        QVERIFY(!db.open(QStringLiteral("postgresql://127.0.0.1")));
        QVERIFY2(db.lastError().contains(QLatin1String("not a PostgreSQL URL")),
                 qPrintable(db.lastError()));
        QVERIFY(!db.open(QStringLiteral("postgresql://user:secret@127.0.0.1:1/x")));
        QVERIFY2(!db.lastError().contains(QLatin1String("secret")), qPrintable(db.lastError()));
        return;
    }
    const QString path = m_db.tempDir() + QStringLiteral("/garbage.sqlite");
    QByteArray garbage;
    for (int i = 0; i < 4096; ++i)
        garbage.append(char((i * 7919 + 13) % 251));
    {
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(garbage);
    }
    Database db(QStringLiteral("corrupt"));
    QVERIFY(!db.open(path));
    QVERIFY2(db.lastError().contains(QLatin1String("not a readable SQLite database")),
             qPrintable(db.lastError()));
    QVERIFY2(db.lastError().contains(path), qPrintable(db.lastError()));
    QVERIFY(!db.isOpen());
    QFile f(path);
    QVERIFY(f.open(QIODevice::ReadOnly));
    QCOMPARE(f.readAll(), garbage);
    QVERIFY(!QFile::exists(path + QStringLiteral("-wal")));

    // A directory where the file should be.
    QVERIFY(!db.open(m_db.tempDir()));
    QVERIFY2(db.lastError().contains(QLatin1String("not a regular file")),
             qPrintable(db.lastError()));
}

void TestStorage::foreignKeysAreEnforced()
{
    GH_OPEN_FRESH(m_db);
    QString err;
    QVERIFY(!m_db.exec(QStringLiteral("INSERT INTO team_members (team_id, user_id, team_role) "
                                      "VALUES (999, 999, 'owner')"),
                       &err));
    QVERIFY(!err.isEmpty());
}

void TestStorage::sqliteSettings()
{
    GH_OPEN_FRESH(m_db);
    if (TestDatabases::isPostgres()) {
        QCOMPARE(m_db.database().location(), m_db.postgresUrl());
        return;
    }
    auto mode = runSql(m_db.database().connection(), QStringLiteral("PRAGMA journal_mode"));
    QVERIFY(mode && mode->next());
    QCOMPARE(mode->value(0).toString(), QStringLiteral("wal"));
    auto fk = runSql(m_db.database().connection(), QStringLiteral("PRAGMA foreign_keys"));
    QVERIFY(fk && fk->next());
    QCOMPARE(fk->value(0).toInt(), 1);
    auto busy = runSql(m_db.database().connection(), QStringLiteral("PRAGMA busy_timeout"));
    QVERIFY(busy && busy->next());
    QCOMPARE(busy->value(0).toInt(), Database::BusyTimeoutMs);
    // The default location is under the application's data directory.
    QVERIFY(Database::defaultSqlitePath().endsWith(QLatin1String("/catalog.sqlite")));
}

void TestStorage::migrationFailureRollsBack()
{
    GH_OPEN_FRESH(m_db);
    // Empty the database, then leave one table in the way of migration 1: the
    // migration must fail and leave nothing behind, schema_version included.
    QSqlDatabase conn = m_db.database().connection();
    QString err;
    // Dropping in any order (and quietly).
    QVERIFY(m_db.exec(TestDatabases::isPostgres()
                          ? QStringLiteral("SET client_min_messages = warning")
                          : QStringLiteral("PRAGMA foreign_keys=OFF")));
    for (const QString& t : conn.tables()) {
        QVERIFY2(
            m_db.exec(QStringLiteral("DROP TABLE ") + t +
                          (TestDatabases::isPostgres() ? QStringLiteral(" CASCADE") : QString()),
                      &err),
            qPrintable(err));
    }
    QVERIFY(m_db.exec(QStringLiteral("CREATE TABLE audit_log (x INTEGER)")));
    QVERIFY(!Migrations::migrate(conn, m_db.database().dialect(), &err));
    QVERIFY2(err.contains(QLatin1String("migration 1 failed")), qPrintable(err));
    QVERIFY(!conn.tables().contains(QStringLiteral("schema_version")));
    QVERIFY(!conn.tables().contains(QStringLiteral("users")));
}

// A catalog created by the first release: migration 2 adds strip_base_path
// with APIs kept as they were (base path forwarded), migration 3
// key_query_parameter, empty (keys in headers only).
void TestStorage::upgradeFromVersionOneKeepsApis()
{
    GH_OPEN_FRESH(m_db);
    QSqlDatabase conn = m_db.database().connection();
    QString err;
    QVERIFY(m_db.exec(TestDatabases::isPostgres()
                          ? QStringLiteral("SET client_min_messages = warning")
                          : QStringLiteral("PRAGMA foreign_keys=OFF")));
    for (const QString& t : conn.tables()) {
        QVERIFY2(
            m_db.exec(QStringLiteral("DROP TABLE ") + t +
                          (TestDatabases::isPostgres() ? QStringLiteral(" CASCADE") : QString()),
                      &err),
            qPrintable(err));
    }
    const SqlDialect dialect = m_db.database().dialect();
    QVERIFY2(Migrations::migrateTo(conn, dialect, 1, &err), qPrintable(err));
    QVERIFY2(
        m_db.exec(QStringLiteral("INSERT INTO teams (name, created_at) VALUES ('t', 1)"), &err),
        qPrintable(err));
    QVERIFY2(m_db.exec(QStringLiteral(
                           "INSERT INTO apis (slug, version, name, description, tags, team_id,"
                           " visibility, base_path, balancing, auth_mode, cache_policy,"
                           " connect_timeout_ms, request_timeout_ms, openapi, state, created_at,"
                           " updated_at) VALUES ('old', 'v1', 'Old', '', '[]',"
                           " (SELECT id FROM teams WHERE name = 't'), 'team', '/old', "
                           "'round_robin', 'api_key', '{}', 5000, 30000, '', 'published', 1, 1)"),
                       &err),
             qPrintable(err));
    QVERIFY2(Migrations::migrate(conn, dialect, &err), qPrintable(err));
    auto apis =
        ApiStore::loadWhere(conn, QStringLiteral("slug = ?"), {QStringLiteral("old")}, &err);
    QVERIFY2(apis, qPrintable(err));
    QCOMPARE(apis->size(), 1);
    QCOMPARE(apis->front().basePath, QStringLiteral("/old"));
    QCOMPARE(apis->front().stripBasePath, false);
    QCOMPARE(apis->front().keyQueryParameter, QString()); // header keys only
    auto version = runSql(conn, QStringLiteral("SELECT MAX(version) FROM schema_version"));
    QVERIFY(version && version->next());
    QCOMPARE(version->value(0).toInt(), Migrations::latestVersion());
    QVERIFY(Migrations::latestVersion() >= 3);
}

void TestStorage::urlForms()
{
    QVERIFY(Database::isPostgresUrl(QStringLiteral("postgresql://u@h/db")));
    QVERIFY(Database::isPostgresUrl(QStringLiteral("postgres://u@h/db")));
    QVERIFY(!Database::isPostgresUrl(QStringLiteral("/tmp/x.sqlite")));
    Database db(QStringLiteral("forms"));
    QVERIFY(!db.open(QStringLiteral("postgresql://u@h/a/b")));
    QVERIFY2(db.lastError().contains(QLatin1String("not a PostgreSQL URL")),
             qPrintable(db.lastError()));
}

void TestStorage::oneConnectionPerThread()
{
    GH_OPEN_FRESH(m_db);
    const QString spec = m_db.spec();
    QString threadError;
    // A worker thread opens its own named connection to the same catalog,
    // writes, and the main thread's connection sees the row.
    std::unique_ptr<QThread> worker(QThread::create([&] {
        Database db(QStringLiteral("worker"));
        if (!db.open(spec)) {
            threadError = db.lastError();
            return;
        }
        runSql(QSqlDatabase::database(QStringLiteral("worker")),
               QStringLiteral("INSERT INTO teams (name, created_at) VALUES (?, ?)"),
               {QStringLiteral("from worker"), 1}, &threadError);
    }));
    worker->start();
    QVERIFY(worker->wait(30000));
    QVERIFY2(threadError.isEmpty(), qPrintable(threadError));
    QVERIFY(!QSqlDatabase::contains(QStringLiteral("worker"))); // removed on destruction
    auto q = runSql(m_db.database().connection(),
                    QStringLiteral("SELECT COUNT(*) FROM teams WHERE name = ?"),
                    {QStringLiteral("from worker")});
    QVERIFY(q && q->next());
    QCOMPARE(q->value(0).toInt(), 1);
}

QTEST_GUILESS_MAIN(TestStorage)
#include "tst_storage.moc"
