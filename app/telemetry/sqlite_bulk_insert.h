// SPDX-FileCopyrightText: Gatehouse contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "app/telemetry/request_id_key.h"
#include "app/telemetry/text_interner.h"
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
// the path and a client's request id are bound straight from the record's
// UTF-8 bytes, the gateway's request ids packed (request_id_key.h), and the
// other texts as call_text ids. The transaction stays Qt's (BEGIN/COMMIT on
// the same connection).
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
    // rows[i] with its texts refs[i].
    bool insert(const gateway::call_record* rows, const CallTextRefs* refs, std::size_t count,
                QString* error);
    void finalize();

    // One prepared statement per power of two up to this many rows: a batch
    // of n rows takes at most one statement per set bit of n below the
    // largest size, e.g. 128 + 64 + 8 + 1 for 201 rows. Each statement has a
    // fixed cost (opening a cursor on the table and each index, the
    // AUTOINCREMENT bookkeeping, halting) of about as much as a row, and a
    // single-row statement costs about 60 % more per row than a 128-row one;
    // before the ladder, the writer's 128-row steps ran as 100 + 28 x 1.
    static constexpr int rowsPerStatement = 128;
    static constexpr int statementSizes = 8; // 128, 64, ..., 1
    static_assert(1 << (statementSizes - 1) == rowsPerStatement);
    // Abort (the default, and the only choice in PostgreSQL) undoes just the
    // failed statement, so inside a transaction SQLite keeps a statement
    // journal of every page a multi-row INSERT changes: about a fifth of the
    // writer's CPU went to filling and freeing it. Fail (SQLite's OR FAIL)
    // needs none; a failed flush rolls back its whole transaction anyway, and
    // every column is bound from a record, never NULL, so it does not happen.
    enum class Conflict { Abort, Fail };
    static QString insertSql(int rows, Conflict conflict = Conflict::Abort);

private:
    bool bindAndStep(sqlite3_stmt* stmt, const gateway::call_record* rows, const CallTextRefs* refs,
                     int count, QString* error);

    sqlite3* m_db = nullptr;
    sqlite3_stmt* m_statements[statementSizes] = {}; // [k]: 2^k rows
    // The packed request ids of the statement being bound (SQLITE_STATIC).
    unsigned char m_ids[rowsPerStatement][telemetry::packedRequestIdSize];
};

} // namespace gatehouse::app
