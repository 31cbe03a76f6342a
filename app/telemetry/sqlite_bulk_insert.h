// SPDX-FileCopyrightText: Gatehouse contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "gateway/call_record.hpp"

#include <QSqlDatabase>
#include <QString>

#include <cstddef>

struct sqlite3;
struct sqlite3_stmt;

namespace gatehouse::app {

// The call log's hot path on SQLite: the writer's multi-row INSERT through
// SQLite's own API on the connection Qt opened (QSqlDriver::handle()).
// Binding through QSqlQuery costs a QVariant, a QString conversion and a
// UTF-16 -> UTF-8 round trip per value, about half the writer's CPU; here
// each text field is bound straight from the record's UTF-8 bytes. The
// transaction stays Qt's (BEGIN/COMMIT on the same connection).
//
// Writer thread only; finalize() before the connection closes.
class SqliteBulkInsert {
public:
    SqliteBulkInsert() = default;
    ~SqliteBulkInsert() { finalize(); }
    SqliteBulkInsert(const SqliteBulkInsert&) = delete;
    SqliteBulkInsert& operator=(const SqliteBulkInsert&) = delete;

    // False when `db` is not a SQLite connection (then use QSqlQuery).
    bool prepare(QSqlDatabase& db, QString* error);
    bool insert(const gateway::call_record* rows, std::size_t count, QString* error);
    void finalize();

    static constexpr int rowsPerStatement = 100;
    static QString insertSql(int rows);

private:
    bool bindAndStep(sqlite3_stmt* stmt, const gateway::call_record* rows, int count,
                     QString* error);

    sqlite3* m_db = nullptr;
    sqlite3_stmt* m_many = nullptr;
    sqlite3_stmt* m_one = nullptr;
};

} // namespace gatehouse::app
