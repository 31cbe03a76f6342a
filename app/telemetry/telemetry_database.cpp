// SPDX-FileCopyrightText: Gatehouse contributors
// SPDX-License-Identifier: Apache-2.0
#include "app/telemetry/telemetry_database.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QStringList>
#include <QUrl>
#include <QVariant>

#include <atomic>

namespace gatehouse::app::telemetry {

namespace {

bool exec(QSqlDatabase& db, const QString& sql, QString* error)
{
    QSqlQuery q(db);
    if (q.exec(sql))
        return true;
    if (error)
        *error = sql.left(60) + QStringLiteral(": ") + q.lastError().text();
    return false;
}

QStringList schemaStatements(Dialect dialect)
{
    const bool pg = dialect == Dialect::Postgres;
    const QString id = pg ? QStringLiteral("BIGSERIAL PRIMARY KEY")
                          : QStringLiteral("INTEGER PRIMARY KEY AUTOINCREMENT");
    const QString blob = pg ? QStringLiteral("BYTEA") : QStringLiteral("BLOB");
    const QString rollupColumns =
        QStringLiteral(
            "(bucket_start BIGINT NOT NULL, api_id BIGINT NOT NULL,"
            " requests BIGINT NOT NULL, hits BIGINT NOT NULL, misses BIGINT NOT NULL,"
            " stale BIGINT NOT NULL, revalidated BIGINT NOT NULL, bypass BIGINT NOT NULL,"
            " s1xx BIGINT NOT NULL, s2xx BIGINT NOT NULL, s3xx BIGINT NOT NULL,"
            " s4xx BIGINT NOT NULL, s5xx BIGINT NOT NULL,"
            " bytes_in BIGINT NOT NULL, bytes_out BIGINT NOT NULL, latency ") +
        blob + QStringLiteral(", PRIMARY KEY (bucket_start, api_id))");
    return {
        QStringLiteral("CREATE TABLE IF NOT EXISTS telemetry_schema (version INTEGER NOT NULL)"),
        QStringLiteral("CREATE TABLE IF NOT EXISTS call_log (id ") + id +
            QStringLiteral(", ts_us BIGINT NOT NULL, request_id TEXT NOT NULL,"
                           " api_id BIGINT NOT NULL, route_id TEXT NOT NULL,"
                           " application_id BIGINT NOT NULL, method TEXT NOT NULL,"
                           " path TEXT NOT NULL, status INTEGER NOT NULL,"
                           " cache_status INTEGER NOT NULL, upstream TEXT NOT NULL,"
                           " bytes_in BIGINT NOT NULL, bytes_out BIGINT NOT NULL,"
                           " total_us BIGINT NOT NULL, upstream_us BIGINT NOT NULL,"
                           " error INTEGER NOT NULL, client TEXT NOT NULL)"),
        // Every search and top-N query is bounded by a time range and pages
        // newest first by (ts_us, id): each index ends in ts_us (and SQLite
        // appends the rowid), so a filtered page is an index range walk.
        // request_id lookups are exact. Kept to four: each index costs insert
        // throughput.
        // (SQLite appends the rowid, i.e. id, to every index entry by itself.)
        pg ? QStringLiteral("CREATE INDEX IF NOT EXISTS call_log_ts ON call_log (ts_us, id)")
           : QStringLiteral("CREATE INDEX IF NOT EXISTS call_log_ts ON call_log (ts_us)"),
        QStringLiteral("CREATE INDEX IF NOT EXISTS call_log_api_ts ON call_log (api_id, ts_us)"),
        QStringLiteral("CREATE INDEX IF NOT EXISTS call_log_app_ts"
                       " ON call_log (application_id, ts_us)"),
        QStringLiteral("CREATE INDEX IF NOT EXISTS call_log_request ON call_log (request_id)"),
        QStringLiteral("CREATE TABLE IF NOT EXISTS rollup_minute ") + rollupColumns,
        QStringLiteral("CREATE TABLE IF NOT EXISTS rollup_hour ") + rollupColumns,
    };
}

} // namespace

QString uniqueConnectionName(const QString& purpose)
{
    static std::atomic<int> counter{0};
    return QStringLiteral("gatehouse-telemetry-%1-%2").arg(purpose).arg(++counter);
}

Dialect dialectOf(const QSqlDatabase& db)
{
    return db.driverName() == QLatin1String("QPSQL") ? Dialect::Postgres : Dialect::Sqlite;
}

QSqlDatabase openDatabase(const QString& spec, const QString& connectionName, QString* error)
{
    const bool pg = spec.startsWith(QLatin1String("postgresql://")) ||
                    spec.startsWith(QLatin1String("postgres://"));
    QSqlDatabase db = QSqlDatabase::addDatabase(
        pg ? QStringLiteral("QPSQL") : QStringLiteral("QSQLITE"), connectionName);
    if (pg) {
        const QUrl url(spec);
        db.setHostName(url.host());
        db.setPort(url.port(5432));
        db.setUserName(url.userName());
        db.setPassword(url.password());
        db.setDatabaseName(url.path().mid(1));
    } else {
        db.setDatabaseName(spec);
        db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=5000"));
    }
    if (!db.open()) {
        if (error)
            *error = db.lastError().text();
        db = QSqlDatabase();
        QSqlDatabase::removeDatabase(connectionName);
        return QSqlDatabase();
    }
    if (pg) {
        // CREATE ... IF NOT EXISTS would print a NOTICE per existing table.
        QSqlQuery q(db);
        q.exec(QStringLiteral("SET client_min_messages TO WARNING"));
    } else {
        // WAL lets the console read while the writer commits; NORMAL sync in
        // WAL mode keeps every committed transaction across a process crash
        // (only power loss can cost the last commits, never consistency).
        QSqlQuery q(db);
        // Bigger pages: fewer page headers, splits and WAL frames per row for
        // the call log's wide rows. Only takes effect on a new file.
        q.exec(QStringLiteral("PRAGMA page_size=16384"));
        q.exec(QStringLiteral("PRAGMA journal_mode=WAL"));
        const QString mode = q.next() ? q.value(0).toString() : QString();
        if (mode != QLatin1String("wal") && spec != QLatin1String(":memory:")) {
            if (error)
                *error = QStringLiteral("SQLite refused WAL journaling (mode: %1)").arg(mode);
            db.close();
            db = QSqlDatabase();
            QSqlDatabase::removeDatabase(connectionName);
            return QSqlDatabase();
        }
        q.exec(QStringLiteral("PRAGMA synchronous=NORMAL"));
        // A multi-row INSERT keeps a statement journal (the pages it changed,
        // to undo the statement alone); past 64 KiB SQLite spills it to a
        // temporary file, which the writer then created, wrote and deleted
        // for nearly every 100-row statement. In memory it costs nothing.
        q.exec(QStringLiteral("PRAGMA temp_store=MEMORY"));
    }
    return db;
}

void closeDatabase(const QString& connectionName)
{
    {
        QSqlDatabase db = QSqlDatabase::database(connectionName, false);
        if (db.isOpen())
            db.close();
    }
    QSqlDatabase::removeDatabase(connectionName);
}

bool ensureSchema(QSqlDatabase& db, QString* error)
{
    if (!db.transaction()) {
        if (error)
            *error = db.lastError().text();
        return false;
    }
    for (const QString& sql : schemaStatements(dialectOf(db))) {
        if (!exec(db, sql, error)) {
            db.rollback();
            return false;
        }
    }
    QSqlQuery q(db);
    if (!q.exec(QStringLiteral("SELECT MAX(version) FROM telemetry_schema"))) {
        if (error)
            *error = q.lastError().text();
        db.rollback();
        return false;
    }
    const int current = q.next() && !q.value(0).isNull() ? q.value(0).toInt() : 0;
    if (current > schemaVersion) {
        if (error)
            *error = QStringLiteral("telemetry schema %1 is newer than this build (%2)")
                         .arg(current)
                         .arg(schemaVersion);
        db.rollback();
        return false;
    }
    if (current < schemaVersion &&
        !exec(
            db,
            QStringLiteral("INSERT INTO telemetry_schema (version) VALUES (%1)").arg(schemaVersion),
            error)) {
        db.rollback();
        return false;
    }
    return db.commit();
}

} // namespace gatehouse::app::telemetry
