// SPDX-FileCopyrightText: Gatehouse contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QSqlDatabase>
#include <QString>

namespace gatehouse::app::telemetry {

// The telemetry tables' own schema version, kept in `telemetry_schema` until
// the lead merges these tables into the main migrations.
// 1: texts inline; 2: texts in call_text, the gateway's request ids packed;
// 3: indexes for calls without an API or consumer (created like every index,
// by CREATE INDEX IF NOT EXISTS, when an older database is opened);
// 4: call_text.last_used_us, so that retention can prune unused texts.
inline constexpr int schemaVersion = 4;

enum class Dialect { Sqlite, Postgres };

// Opens a named connection *on the calling thread* (a QSqlDatabase belongs
// to the thread that created it). `spec` is a SQLite file path or a
// `postgresql://user:password@host:port/dbname` URL. SQLite connections get
// WAL journaling (verified), synchronous=NORMAL and a busy timeout so a
// reader never fails while the writer commits. Returns an invalid database
// and sets `error` on failure.
QSqlDatabase openDatabase(const QString& spec, const QString& connectionName, QString* error);

// Closes and removes the named connection; call on the thread that opened it.
void closeDatabase(const QString& connectionName);

Dialect dialectOf(const QSqlDatabase& db);

// Creates call_text, call_log, call_log_view, rollup_minute, rollup_hour and
// their indexes if missing, migrating an older call_log in the same
// transaction, and records the version. Idempotent.
bool ensureSchema(QSqlDatabase& db, QString* error);

// Begins a write transaction. On SQLite it takes the write lock up front
// (BEGIN IMMEDIATE), waiting on the busy timeout while another connection
// writes; a plain BEGIN would first read, and a read transaction that
// another connection's commit has made stale cannot be upgraded to a write
// one: the statement fails at once ("database is locked") and with it the
// transaction. On PostgreSQL, an ordinary transaction.
bool beginWrite(QSqlDatabase& db, QString* error);

// A unique connection name for this thread and purpose.
QString uniqueConnectionName(const QString& purpose);

} // namespace gatehouse::app::telemetry
