// SPDX-FileCopyrightText: Gatehouse contributors
// SPDX-License-Identifier: Apache-2.0
#include "app/telemetry/writer_lease.h"

#include "app/telemetry/telemetry_database.h"

#include <QLockFile>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

namespace gatehouse::app {

WriterLease::WriterLease() = default;

WriterLease::~WriterLease()
{
    release();
}

QString WriterLease::lockFilePath(const QString& databasePath)
{
    return databasePath + QStringLiteral(".lock");
}

qint64 WriterLease::advisoryKey(const QString& schema)
{
    // FNV-1a (64-bit): stable across builds, platforms and PostgreSQL
    // versions, unlike qHash() or the server's own hash functions.
    const QByteArray bytes = QByteArrayLiteral("gatehouse.telemetry.writer:") + schema.toUtf8();
    quint64 hash = 14695981039346656037ULL;
    for (const char c : bytes) {
        hash ^= static_cast<unsigned char>(c);
        hash *= 1099511628211ULL;
    }
    return static_cast<qint64>(hash);
}

WriterLease::Result WriterLease::acquire(QSqlDatabase& db, const QString& spec, QString* error)
{
    release();
    m_holder = {};
    if (telemetry::dialectOf(db) == telemetry::Dialect::Postgres)
        return acquirePostgres(db, error);
    if (spec == QLatin1String(":memory:")) {
        m_held = true;
        return Result::Acquired;
    }
    return acquireSqlite(spec, error);
}

WriterLease::Result WriterLease::acquireSqlite(const QString& path, QString* error)
{
    auto file = std::make_unique<QLockFile>(lockFilePath(path));
    // Staleness by the holder's pid only (on this host): a running writer
    // keeps its lease however long it runs, and QLockFile's flock keeps it
    // even if the pid check were fooled.
    file->setStaleLockTime(0);
    if (file->tryLock(0)) {
        m_file = std::move(file);
        m_held = true;
        return Result::Acquired;
    }
    if (file->error() != QLockFile::LockFailedError) {
        if (error)
            *error = QStringLiteral("cannot create the lock file %1").arg(lockFilePath(path));
        return Result::Failed;
    }
    QString appName;
    file->getLockInfo(&m_holder.pid, &m_holder.host, &appName);
    return Result::HeldElsewhere;
}

WriterLease::Result WriterLease::acquirePostgres(QSqlDatabase& db, QString* error)
{
    const auto fail = [error](const QSqlQuery& q) {
        if (error)
            *error = q.lastError().text();
        return Result::Failed;
    };
    QSqlQuery q(db);
    // The schema the writer's unqualified table names resolve to: two
    // workspaces in one database but different schemas do not exclude
    // each other.
    if (!q.exec(QStringLiteral("SELECT COALESCE(current_schema(), '')")) || !q.next())
        return fail(q);
    const qint64 key = advisoryKey(q.value(0).toString());
    q.finish();
    if (!q.exec(QStringLiteral("SELECT pg_try_advisory_lock(%1)").arg(key)) || !q.next())
        return fail(q);
    if (q.value(0).toBool()) {
        m_db = db;
        m_key = key;
        m_held = true;
        return Result::Acquired;
    }
    q.finish();
    m_holder.otherConnection = true;
    // Who holds it, for the message; pg_stat_activity hides other users'
    // sessions' details, so this may find nothing.
    const quint64 bits = static_cast<quint64>(key);
    if (q.exec(QStringLiteral("SELECT l.pid, COALESCE(host(a.client_addr), '') FROM pg_locks l"
                              " LEFT JOIN pg_stat_activity a ON a.pid = l.pid"
                              " WHERE l.locktype = 'advisory' AND l.granted"
                              " AND l.database = (SELECT oid FROM pg_database"
                              " WHERE datname = current_database())"
                              " AND l.classid = %1 AND l.objid = %2 AND l.objsubid = 1")
                   .arg(bits >> 32)
                   .arg(bits & 0xffffffffULL)) &&
        q.next()) {
        m_holder.pid = q.value(0).toLongLong();
        m_holder.host = q.value(1).toString();
    }
    return Result::HeldElsewhere;
}

void WriterLease::release()
{
    if (m_file) {
        m_file->unlock();
        m_file.reset();
    }
    if (m_db.isValid()) {
        if (m_db.isOpen()) {
            QSqlQuery q(m_db);
            q.exec(QStringLiteral("SELECT pg_advisory_unlock(%1)").arg(m_key));
        }
        m_db = QSqlDatabase();
    }
    m_held = false;
}

} // namespace gatehouse::app
