// SPDX-FileCopyrightText: Gatehouse contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "app/telemetry/telemetry_types.h"

#include <QSqlDatabase>
#include <QString>

#include <map>
#include <memory>
#include <utility>
#include <vector>

class QSqlQuery;

namespace gatehouse::app {

// Minute or hour rollups (rollup_minute / rollup_hour), kept by the writer
// thread: each drained record is added to its bucket's delta in memory; at
// flush time, inside the writer's transaction, every touched row is
// upserted with its *full* new values. Histograms cannot be summed in SQL,
// so the current value of a row is read once and cached while its bucket is
// recent; late records for an evicted bucket read it again.
class RollupStore {
public:
    RollupStore(QString table, qint64 bucketUs);

    void add(const gateway::call_record& record);
    bool hasPending() const { return !m_pending.empty(); }

    // Inside the caller's transaction. On success, call commit() after the
    // transaction commits, otherwise rollback() (the deltas are then lost,
    // like the raw rows of that batch).
    bool write(QSqlDatabase& db, QString* error);
    void commit();
    void rollback();
    // Drops the prepared statements: before the connection closes.
    void release();

    const QString& table() const { return m_table; }
    qint64 bucketUs() const { return m_bucketUs; }

    // Column list for SELECTs that bucketFromQuery() reads, starting at `first`.
    static QString selectColumns();
    static RollupBucket bucketFromQuery(const QSqlQuery& query, int first = 0);

private:
    using Key = std::pair<qint64, quint64>; // bucket start (µs), API id
    RollupBucket& bucket(qint64 start, quint64 apiId);
    // Upserts the row `key` with its current value plus `delta`.
    bool writeRow(const Key& key, const RollupBucket& delta, QString* error);
    bool prepare(QSqlDatabase& db, QString* error);

    QString m_table;
    qint64 m_bucketUs;
    std::map<Key, RollupBucket> m_pending; // deltas since the last flush
    // The buckets of the last record's start, looked up once per start
    // rather than per record (map nodes stay put until m_pending is cleared).
    qint64 m_recentStart = 0;
    std::vector<std::pair<quint64, RollupBucket*>> m_recent; // API id -> its bucket
    std::map<Key, RollupBucket> m_written; // full values written in the open transaction
    std::map<Key, RollupBucket> m_cache;   // full values of recent committed rows
    qint64 m_newestBucket = 0;
    // Prepared once per connection, not per flush (parsing them cost more
    // than running them).
    std::unique_ptr<QSqlQuery> m_select;
    std::unique_ptr<QSqlQuery> m_upsert;
};

} // namespace gatehouse::app
