// SPDX-FileCopyrightText: Gatehouse contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QSqlDatabase>
#include <QString>

#include <memory>

class QLockFile;

namespace gatehouse::app {

// Who holds the call-log writer's lease when this process does not: a
// Gatehouse process (SQLite: the lock file's pid and host) or another
// database connection (PostgreSQL: the server process serving it, when the
// server lets this user see it; 0 otherwise).
struct WriterLeaseHolder {
    bool otherConnection = false; // PostgreSQL
    qint64 pid = 0;               // the process (SQLite) or the server process (PostgreSQL)
    QString host;                 // SQLite: the lock file's host; PostgreSQL: the client's address

    bool operator==(const WriterLeaseHolder&) const = default;
};

// The single-writer guarantee of the telemetry store. The writer's
// in-memory state (rollup rows it upserts whole, the text ids it interns,
// retention that prunes texts it no longer holds) is only right while no
// other process writes the same tables, so exactly one writer may hold the
// lease of a database:
// - PostgreSQL: a session-level advisory lock (pg_try_advisory_lock) on a
//   key derived from the schema the connection writes to, taken on the
//   writer's own connection and held for that connection's life; the server
//   releases it when the connection ends, however the process ended.
// - SQLite: `<database>.lock` next to the file (QLockFile: a pid, host and
//   application name, plus an flock held while locked). A lock file whose
//   process is gone on this host (kill -9, crash) is stale and taken over;
//   one from another host (a shared network directory) is never guessed
//   stale: it stays until removed.
// - An in-memory SQLite database is private to its connection: always held.
//
// Acquire on the writer thread, with the connection that will write;
// release (or destroy) before that connection closes.
class WriterLease {
public:
    enum class Result { Acquired, HeldElsewhere, Failed };

    WriterLease();
    ~WriterLease(); // release()
    WriterLease(const WriterLease&) = delete;
    WriterLease& operator=(const WriterLease&) = delete;

    // Never waits for the other holder.
    Result acquire(QSqlDatabase& db, const QString& spec, QString* error);
    void release();
    bool held() const { return m_held; }
    // Set when acquire() returned HeldElsewhere.
    const WriterLeaseHolder& holder() const { return m_holder; }

    // The lock file of a SQLite database file.
    static QString lockFilePath(const QString& databasePath);
    // The advisory lock key for a PostgreSQL schema: FNV-1a of a fixed
    // prefix and the schema name, so every Gatehouse build agrees on it.
    static qint64 advisoryKey(const QString& schema);

private:
    Result acquireSqlite(const QString& path, QString* error);
    Result acquirePostgres(QSqlDatabase& db, QString* error);

    std::unique_ptr<QLockFile> m_file;
    QSqlDatabase m_db; // PostgreSQL: the connection holding the lock
    qint64 m_key = 0;
    bool m_held = false;
    WriterLeaseHolder m_holder;
};

} // namespace gatehouse::app
