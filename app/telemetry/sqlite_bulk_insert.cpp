// SPDX-FileCopyrightText: Gatehouse contributors
// SPDX-License-Identifier: Apache-2.0
#include "app/telemetry/sqlite_bulk_insert.h"

#include <QSqlDriver>
#include <QVariant>

#include <sqlite3.h>

#include <algorithm>
#include <bit>

namespace gatehouse::app {

namespace {

constexpr int columns = 17;

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
            " INTO call_log (ts_us, request_id, request_text, api_id, route_ref, application_id,"
            " method_ref, path, status, cache_status, upstream_ref, bytes_in, bytes_out,"
            " total_us, upstream_us, error, client_ref) VALUES ");
    const QString tuple = QStringLiteral("(?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)");
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
    for (int k = 0; k < statementSizes; ++k) {
        const QByteArray sql = insertSql(1 << k, Conflict::Fail).toUtf8();
        if (sqlite3_prepare_v3(m_db, sql.constData(), int(sql.size()), SQLITE_PREPARE_PERSISTENT,
                               &m_statements[k], nullptr) != SQLITE_OK) {
            if (error)
                *error = QString::fromUtf8(sqlite3_errmsg(m_db));
            finalize();
            return false;
        }
    }
    return true;
}

void SqliteBulkInsert::finalize()
{
    for (sqlite3_stmt*& statement : m_statements) {
        sqlite3_finalize(statement); // a no-op on nullptr
        statement = nullptr;
    }
    m_db = nullptr;
}

bool SqliteBulkInsert::bindAndStep(sqlite3_stmt* stmt, const gateway::call_record* rows,
                                   const CallTextRefs* refs, int count, QString* error)
{
    for (int row = 0; row < count; ++row) {
        const gateway::call_record& r = rows[row];
        const CallTextRefs& t = refs[row];
        const int b = row * columns + 1; // SQLite parameters count from 1
        unsigned char* packed = m_ids[row];
        sqlite3_bind_int64(stmt, b + 0, r.timestamp_us);
        if (telemetry::packRequestId(r.request_id.view(), r.timestamp_us, packed)) {
            sqlite3_bind_blob(stmt, b + 1, packed, telemetry::packedRequestIdSize, SQLITE_STATIC);
            sqlite3_bind_null(stmt, b + 2);
        } else {
            sqlite3_bind_null(stmt, b + 1);
            bindText(stmt, b + 2, r.request_id);
        }
        sqlite3_bind_int64(stmt, b + 3, static_cast<sqlite3_int64>(r.api_id));
        sqlite3_bind_int64(stmt, b + 4, t.route);
        sqlite3_bind_int64(stmt, b + 5, static_cast<sqlite3_int64>(r.application_id));
        sqlite3_bind_int64(stmt, b + 6, t.method);
        bindText(stmt, b + 7, r.path);
        sqlite3_bind_int(stmt, b + 8, r.status);
        sqlite3_bind_int(stmt, b + 9, static_cast<int>(r.cache));
        sqlite3_bind_int64(stmt, b + 10, t.upstream);
        sqlite3_bind_int64(stmt, b + 11, static_cast<sqlite3_int64>(r.bytes_in));
        sqlite3_bind_int64(stmt, b + 12, static_cast<sqlite3_int64>(r.bytes_out));
        sqlite3_bind_int64(stmt, b + 13, r.total_latency_us);
        sqlite3_bind_int64(stmt, b + 14, r.upstream_latency_us);
        sqlite3_bind_int(stmt, b + 15, static_cast<int>(r.error));
        sqlite3_bind_int64(stmt, b + 16, t.client);
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

bool SqliteBulkInsert::insert(const gateway::call_record* rows, const CallTextRefs* refs,
                              std::size_t count, QString* error)
{
    std::size_t i = 0;
    while (i < count) {
        // The largest statement that fits what is left.
        const std::size_t left = std::min<std::size_t>(count - i, rowsPerStatement);
        const int k = std::bit_width(left) - 1;
        const int rowsNow = 1 << k;
        if (!bindAndStep(m_statements[k], rows + i, refs + i, rowsNow, error))
            return false;
        i += static_cast<std::size_t>(rowsNow);
    }
    return true;
}

} // namespace gatehouse::app
