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

QString rollupColumns(Dialect dialect)
{
    return QStringLiteral(
               "(bucket_start BIGINT NOT NULL, api_id BIGINT NOT NULL,"
               " requests BIGINT NOT NULL, hits BIGINT NOT NULL, misses BIGINT NOT NULL,"
               " stale BIGINT NOT NULL, revalidated BIGINT NOT NULL, bypass BIGINT NOT NULL,"
               " s1xx BIGINT NOT NULL, s2xx BIGINT NOT NULL, s3xx BIGINT NOT NULL,"
               " s4xx BIGINT NOT NULL, s5xx BIGINT NOT NULL,"
               " bytes_in BIGINT NOT NULL, bytes_out BIGINT NOT NULL, latency ") +
           (dialect == Dialect::Postgres ? QStringLiteral("BYTEA") : QStringLiteral("BLOB")) +
           QStringLiteral(", PRIMARY KEY (bucket_start, api_id))");
}

// Schema 2: the call log's repeated texts live in call_text (see
// TextInterner), the gateway's own request ids are stored in 16 bytes (see
// request_id_key.h); the view call_log_view joins the texts back for readers.
// Schema 4: each text's last_used_us, by which retention finds the texts no
// call refers to any more (see TextInterner).
QString callTextTable(Dialect dialect)
{
    return QStringLiteral("CREATE TABLE IF NOT EXISTS call_text (id ") +
           (dialect == Dialect::Postgres ? QStringLiteral("BIGSERIAL")
                                         : QStringLiteral("INTEGER")) +
           QStringLiteral(" PRIMARY KEY, value TEXT NOT NULL UNIQUE,"
                          " last_used_us BIGINT NOT NULL DEFAULT 0)");
}

// Texts that existed before last_used_us: every call referring to them is
// at most as new as the newest call, which keeps them until that is gone.
QString callTextUsedByEveryCall()
{
    return QStringLiteral(
        "UPDATE call_text SET last_used_us = COALESCE((SELECT MAX(ts_us) FROM call_log), 0)");
}

QString callLogTable(Dialect dialect)
{
    const bool pg = dialect == Dialect::Postgres;
    return QStringLiteral("CREATE TABLE IF NOT EXISTS call_log (id ") +
           (pg ? QStringLiteral("BIGSERIAL PRIMARY KEY")
               : QStringLiteral("INTEGER PRIMARY KEY AUTOINCREMENT")) +
           QStringLiteral(", ts_us BIGINT NOT NULL, request_id ") +
           (pg ? QStringLiteral("BYTEA") : QStringLiteral("BLOB")) +
           QStringLiteral(", request_text TEXT, api_id BIGINT NOT NULL, route_ref BIGINT NOT NULL,"
                          " application_id BIGINT NOT NULL, method_ref BIGINT NOT NULL,"
                          " path TEXT NOT NULL, status INTEGER NOT NULL,"
                          " cache_status INTEGER NOT NULL, upstream_ref BIGINT NOT NULL,"
                          " bytes_in BIGINT NOT NULL, bytes_out BIGINT NOT NULL,"
                          " total_us BIGINT NOT NULL, upstream_us BIGINT NOT NULL,"
                          " error INTEGER NOT NULL, client_ref BIGINT NOT NULL)");
}

QStringList callLogIndexesAndView(Dialect dialect)
{
    const bool pg = dialect == Dialect::Postgres;
    return {
        // Every search and top-N query is bounded by a time range and pages
        // newest first by (ts_us, id): each index ends in ts_us (and SQLite
        // appends the rowid, i.e. id, to every index entry by itself), so a
        // filtered page is an index range walk. A request id is found
        // through its timestamp or the partial index below. Each index
        // costs insert throughput.
        pg ? QStringLiteral("CREATE INDEX IF NOT EXISTS call_log_ts ON call_log (ts_us, id)")
           : QStringLiteral("CREATE INDEX IF NOT EXISTS call_log_ts ON call_log (ts_us)"),
        // Calls without an API (unrouted) or without a consumer (anonymous:
        // often most of the traffic) stay out of these two. Their entries
        // all tie on the first column, which makes each insert's descent
        // compare whole keys (the consumer index alone took a quarter of the
        // writer's instructions in telemetry_bench).
        QStringLiteral("CREATE INDEX IF NOT EXISTS call_log_api_ts ON call_log (api_id, ts_us)"
                       " WHERE api_id <> 0"),
        QStringLiteral("CREATE INDEX IF NOT EXISTS call_log_app_ts"
                       " ON call_log (application_id, ts_us) WHERE application_id <> 0"),
        // ... and get indexes of their own, on the time alone like
        // call_log_ts: each insert appends at the right edge, and a search
        // for API or consumer 0 (rejected, unrouted or anonymous calls) is a
        // range walk over those calls only, instead of a walk over every
        // call in the range, which at 10 million rows could read them all to
        // fill one page of rare rejections. The query spells the condition
        // as a literal (`api_id = 0`) so both planners can match it.
        pg ? QStringLiteral("CREATE INDEX IF NOT EXISTS call_log_noapi_ts ON call_log (ts_us, id)"
                            " WHERE api_id = 0")
           : QStringLiteral("CREATE INDEX IF NOT EXISTS call_log_noapi_ts ON call_log (ts_us)"
                            " WHERE api_id = 0"),
        pg ? QStringLiteral("CREATE INDEX IF NOT EXISTS call_log_anon_ts ON call_log (ts_us, id)"
                            " WHERE application_id = 0")
           : QStringLiteral("CREATE INDEX IF NOT EXISTS call_log_anon_ts ON call_log (ts_us)"
                            " WHERE application_id = 0"),
        // Only ids the gateway did not generate (see request_id_key.h). A
        // plain IS NOT NULL: a function in the condition would make SQLite
        // keep a statement journal for every multi-row INSERT.
        QStringLiteral("CREATE INDEX IF NOT EXISTS call_log_request ON call_log (request_text)"
                       " WHERE request_text IS NOT NULL"),
        // LEFT JOINs keep call_log the outer loop, so the plans stay those
        // of the call_log indexes; each text is one primary-key lookup.
        (pg ? QStringLiteral("CREATE OR REPLACE VIEW")
            : QStringLiteral("CREATE VIEW IF NOT EXISTS")) +
            QStringLiteral(
                " call_log_view AS SELECT call_log.id AS id, ts_us, request_id, request_text,"
                " api_id, r.value AS route_id, application_id, m.value AS method, path, status,"
                " cache_status, u.value AS upstream, bytes_in, bytes_out, total_us, upstream_us,"
                " error, c.value AS client FROM call_log"
                " LEFT JOIN call_text r ON r.id = call_log.route_ref"
                " LEFT JOIN call_text m ON m.id = call_log.method_ref"
                " LEFT JOIN call_text u ON u.id = call_log.upstream_ref"
                " LEFT JOIN call_text c ON c.id = call_log.client_ref"),
    };
}

QStringList freshSchema(Dialect dialect)
{
    QStringList sql{callTextTable(dialect), callLogTable(dialect)};
    sql << QStringLiteral(
        "CREATE INDEX IF NOT EXISTS call_text_last_used ON call_text (last_used_us)");
    sql << callLogIndexesAndView(dialect);
    sql << QStringLiteral("CREATE TABLE IF NOT EXISTS rollup_minute ") + rollupColumns(dialect)
        << QStringLiteral("CREATE TABLE IF NOT EXISTS rollup_hour ") + rollupColumns(dialect);
    return sql;
}

// Schema 1 -> 2, in the caller's transaction: the texts move to call_text,
// the request ids to request_text (see request_id_key.h), and ids and
// everything else are kept.
QStringList migrateFrom1(Dialect dialect)
{
    QStringList sql{
        callTextTable(dialect),
        QStringLiteral("INSERT INTO call_text (value) SELECT method FROM call_log"
                       " UNION SELECT route_id FROM call_log UNION SELECT upstream FROM call_log"
                       " UNION SELECT client FROM call_log"),
        callTextUsedByEveryCall(),
        // Renamed tables keep their indexes' names: dropped before new ones.
        QStringLiteral("ALTER TABLE call_log RENAME TO call_log_v1"),
        callLogTable(dialect),
        QStringLiteral(
            "INSERT INTO call_log (id, ts_us, request_id, request_text, api_id, route_ref,"
            " application_id, method_ref, path, status, cache_status, upstream_ref, bytes_in,"
            " bytes_out, total_us, upstream_us, error, client_ref)"
            " SELECT o.id, o.ts_us, NULL, o.request_id, o.api_id, r.id, o.application_id, m.id,"
            " o.path, o.status, o.cache_status, u.id, o.bytes_in, o.bytes_out, o.total_us,"
            " o.upstream_us, o.error, c.id FROM call_log_v1 o"
            " JOIN call_text r ON r.value = o.route_id JOIN call_text m ON m.value = o.method"
            " JOIN call_text u ON u.value = o.upstream JOIN call_text c ON c.value = o.client"
            " ORDER BY o.id"),
        QStringLiteral("DROP TABLE call_log_v1"),
    };
    if (dialect == Dialect::Postgres)
        sql << QStringLiteral("SELECT setval(pg_get_serial_sequence('call_log', 'id'),"
                              " COALESCE(MAX(id), 0) + 1, false) FROM call_log");
    sql << callLogIndexesAndView(dialect);
    return sql;
}

// Schema 2 or 3 -> 4, in the caller's transaction.
QStringList addLastUsed()
{
    return {
        QStringLiteral("ALTER TABLE call_text ADD COLUMN last_used_us BIGINT NOT NULL DEFAULT 0"),
        callTextUsedByEveryCall(),
    };
}

bool execAll(QSqlDatabase& db, const QStringList& statements, QString* error)
{
    for (const QString& sql : statements)
        if (!exec(db, sql, error))
            return false;
    return true;
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

bool beginWrite(QSqlDatabase& db, QString* error)
{
    if (dialectOf(db) == Dialect::Sqlite)
        return exec(db, QStringLiteral("BEGIN IMMEDIATE"), error);
    if (db.transaction())
        return true;
    if (error)
        *error = db.lastError().text();
    return false;
}

bool ensureSchema(QSqlDatabase& db, QString* error)
{
    const Dialect dialect = dialectOf(db);
    {
        // Up to date (the common case, and every reader's): no write lock.
        QSqlQuery q(db);
        if (q.exec(QStringLiteral("SELECT MAX(version) FROM telemetry_schema")) && q.next() &&
            q.value(0).toInt() == schemaVersion)
            return true;
    }
    // Two connections creating or migrating the schema at once queue on the
    // busy timeout instead of one failing to upgrade its read transaction.
    if (!beginWrite(db, error))
        return false;
    const auto fail = [&db] {
        db.rollback();
        return false;
    };
    if (!exec(db,
              QStringLiteral("CREATE TABLE IF NOT EXISTS telemetry_schema"
                             " (version INTEGER NOT NULL)"),
              error))
        return fail();
    QSqlQuery q(db);
    if (!q.exec(QStringLiteral("SELECT MAX(version) FROM telemetry_schema"))) {
        if (error)
            *error = q.lastError().text();
        return fail();
    }
    const int current = q.next() && !q.value(0).isNull() ? q.value(0).toInt() : 0;
    q.finish();
    if (current > schemaVersion) {
        if (error)
            *error = QStringLiteral("telemetry schema %1 is newer than this build (%2)")
                         .arg(current)
                         .arg(schemaVersion);
        return fail();
    }
    if (current == 1 && !execAll(db, migrateFrom1(dialect), error))
        return fail();
    if ((current == 2 || current == 3) && !execAll(db, addLastUsed(), error))
        return fail();
    if (!execAll(db, freshSchema(dialect), error))
        return fail();
    if (current < schemaVersion &&
        !exec(
            db,
            QStringLiteral("INSERT INTO telemetry_schema (version) VALUES (%1)").arg(schemaVersion),
            error))
        return fail();
    if (!db.commit()) {
        if (error)
            *error = db.lastError().text();
        return fail();
    }
    return true;
}

} // namespace gatehouse::app::telemetry
