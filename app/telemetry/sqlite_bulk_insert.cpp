// SPDX-FileCopyrightText: Gatehouse contributors
// SPDX-License-Identifier: Apache-2.0
#include "app/telemetry/sqlite_bulk_insert.h"

#include <QSqlDriver>
#include <QVariant>

#include <sqlite3.h>

namespace gatehouse::app {

namespace {

constexpr int columns = 16;

template <std::size_t N>
int bindText(sqlite3_stmt* stmt, int index, const gateway::call_record::text<N>& t)
{
    // SQLITE_STATIC: the records outlive the statement's step.
    return sqlite3_bind_text(stmt, index, t.data, t.size, SQLITE_STATIC);
}

} // namespace

QString SqliteBulkInsert::insertSql(int rows, Conflict conflict)
{
    QString sql =
        QLatin1String(conflict == Conflict::Fail ? "INSERT OR FAIL" : "INSERT") +
        QLatin1String(
            " INTO call_log (ts_us, request_id, api_id, route_id, application_id, method, path,"
            " status, cache_status, upstream, bytes_in, bytes_out, total_us, upstream_us, error,"
            " client) VALUES ");
    const QString tuple = QStringLiteral("(?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)");
    for (int i = 0; i < rows; ++i) {
        if (i)
            sql += QLatin1Char(',');
        sql += tuple;
    }
    return sql;
}

bool SqliteBulkInsert::prepare(QSqlDatabase& db, QString* error)
{
    finalize();
    if (db.driverName() != QLatin1String("QSQLITE"))
        return false;
    const QVariant handle = db.driver()->handle();
    if (!handle.isValid() || qstrcmp(handle.typeName(), "sqlite3*") != 0)
        return false;
    m_db = *static_cast<sqlite3* const*>(handle.constData());
    if (!m_db)
        return false;
    const QByteArray many = insertSql(rowsPerStatement, Conflict::Fail).toUtf8();
    const QByteArray one = insertSql(1, Conflict::Fail).toUtf8();
    if (sqlite3_prepare_v3(m_db, many.constData(), int(many.size()), SQLITE_PREPARE_PERSISTENT,
                           &m_many, nullptr) != SQLITE_OK ||
        sqlite3_prepare_v3(m_db, one.constData(), int(one.size()), SQLITE_PREPARE_PERSISTENT,
                           &m_one, nullptr) != SQLITE_OK) {
        if (error)
            *error = QString::fromUtf8(sqlite3_errmsg(m_db));
        finalize();
        return false;
    }
    return true;
}

void SqliteBulkInsert::finalize()
{
    sqlite3_finalize(m_many); // a no-op on nullptr
    sqlite3_finalize(m_one);
    m_many = m_one = nullptr;
    m_db = nullptr;
}

bool SqliteBulkInsert::bindAndStep(sqlite3_stmt* stmt, const gateway::call_record* rows, int count,
                                   QString* error)
{
    for (int row = 0; row < count; ++row) {
        const gateway::call_record& r = rows[row];
        const int b = row * columns + 1; // SQLite parameters count from 1
        sqlite3_bind_int64(stmt, b + 0, r.timestamp_us);
        bindText(stmt, b + 1, r.request_id);
        sqlite3_bind_int64(stmt, b + 2, static_cast<sqlite3_int64>(r.api_id));
        bindText(stmt, b + 3, r.route_id);
        sqlite3_bind_int64(stmt, b + 4, static_cast<sqlite3_int64>(r.application_id));
        bindText(stmt, b + 5, r.method);
        bindText(stmt, b + 6, r.path);
        sqlite3_bind_int(stmt, b + 7, r.status);
        sqlite3_bind_int(stmt, b + 8, static_cast<int>(r.cache));
        bindText(stmt, b + 9, r.upstream);
        sqlite3_bind_int64(stmt, b + 10, static_cast<sqlite3_int64>(r.bytes_in));
        sqlite3_bind_int64(stmt, b + 11, static_cast<sqlite3_int64>(r.bytes_out));
        sqlite3_bind_int64(stmt, b + 12, r.total_latency_us);
        sqlite3_bind_int64(stmt, b + 13, r.upstream_latency_us);
        sqlite3_bind_int(stmt, b + 14, static_cast<int>(r.error));
        bindText(stmt, b + 15, r.client_address);
    }
    const int rc = sqlite3_step(stmt);
    sqlite3_reset(stmt);
    if (rc != SQLITE_DONE) {
        if (error)
            *error = QString::fromUtf8(sqlite3_errmsg(m_db));
        return false;
    }
    return true;
}

bool SqliteBulkInsert::insert(const gateway::call_record* rows, std::size_t count, QString* error)
{
    std::size_t i = 0;
    for (; i + rowsPerStatement <= count; i += rowsPerStatement)
        if (!bindAndStep(m_many, rows + i, rowsPerStatement, error))
            return false;
    for (; i < count; ++i)
        if (!bindAndStep(m_one, rows + i, 1, error))
            return false;
    return true;
}

} // namespace gatehouse::app
