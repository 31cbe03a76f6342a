// SPDX-FileCopyrightText: Gatehouse contributors
// SPDX-License-Identifier: Apache-2.0
#include "app/telemetry/rollup_store.h"

#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

namespace gatehouse::app {

namespace {

// Buckets this far behind the newest one leave the cache: records arrive
// within about a flush interval of their start, so two buckets back is
// already rare (and still correct, just one extra read).
constexpr qint64 cachedBuckets = 2;

QVariant u64(quint64 v)
{
    return QVariant(static_cast<qint64>(v));
}

} // namespace

RollupStore::RollupStore(QString table, qint64 bucketUs)
    : m_table(std::move(table))
    , m_bucketUs(bucketUs)
{
}

QString RollupStore::selectColumns()
{
    return QStringLiteral("bucket_start, api_id, requests, hits, misses, stale, revalidated,"
                          " bypass, s1xx, s2xx, s3xx, s4xx, s5xx, bytes_in, bytes_out, latency");
}

RollupBucket RollupStore::bucketFromQuery(const QSqlQuery& q, int first)
{
    RollupBucket b;
    auto at = [&](int i) {
        return static_cast<quint64>(q.value(first + i).toLongLong());
    };
    b.bucketStartUs = q.value(first).toLongLong();
    b.apiId = at(1);
    b.counters.requests = at(2);
    b.counters.hits = at(3);
    b.counters.misses = at(4);
    b.counters.stale = at(5);
    b.counters.revalidated = at(6);
    b.counters.bypass = at(7);
    for (int c = 1; c <= 5; ++c)
        b.counters.statusClasses[static_cast<std::size_t>(c)] = at(7 + c);
    b.counters.bytesIn = at(13);
    b.counters.bytesOut = at(14);
    b.latency = LatencyHistogram::fromBlobOrEmpty(q.value(first + 15).toByteArray());
    // Status 0 (no response) has no column; it is the remainder.
    quint64 classified = 0;
    for (int c = 1; c <= 5; ++c)
        classified += b.counters.statusClasses[static_cast<std::size_t>(c)];
    b.counters.statusClasses[0] = b.counters.requests - std::min(classified, b.counters.requests);
    return b;
}

RollupBucket& RollupStore::bucket(qint64 start, quint64 apiId)
{
    if (start != m_recentStart || m_recent.empty()) {
        m_recentStart = start;
        m_recent.clear();
    }
    for (const auto& [api, b] : m_recent)
        if (api == apiId)
            return *b;
    RollupBucket& b = m_pending[{start, apiId}];
    b.bucketStartUs = start;
    b.apiId = apiId;
    if (m_recent.size() < 16) // a short scan beats the map; beyond, the map
        m_recent.emplace_back(apiId, &b);
    return b;
}

void RollupStore::add(const gateway::call_record& record)
{
    const qint64 ts = record.timestamp_us;
    const qint64 start =
        (ts >= 0 ? ts / m_bucketUs : (ts - m_bucketUs + 1) / m_bucketUs) * m_bucketUs;
    // Into the call's API only (API 0: calls without one). The total of all
    // traffic, which the rollups store as API 0 too, is folded together from
    // these deltas once per flush (see write()), not counted twice per call.
    RollupBucket& b = bucket(start, record.api_id);
    b.counters.add(record);
    b.latency.record(record.total_latency_us);
}

bool RollupStore::prepare(QSqlDatabase& db, QString* error)
{
    m_select = std::make_unique<QSqlQuery>(db);
    m_upsert = std::make_unique<QSqlQuery>(db);
    const bool selectOk =
        m_select->prepare(QStringLiteral("SELECT ") + selectColumns() + QStringLiteral(" FROM ") +
                          m_table + QStringLiteral(" WHERE bucket_start = ? AND api_id = ?"));
    const bool upsertOk = m_upsert->prepare(
        QStringLiteral("INSERT INTO ") + m_table + QStringLiteral(" (") + selectColumns() +
        QStringLiteral(") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
                       " ON CONFLICT (bucket_start, api_id) DO UPDATE SET"
                       " requests = excluded.requests, hits = excluded.hits,"
                       " misses = excluded.misses, stale = excluded.stale,"
                       " revalidated = excluded.revalidated, bypass = excluded.bypass,"
                       " s1xx = excluded.s1xx, s2xx = excluded.s2xx, s3xx = excluded.s3xx,"
                       " s4xx = excluded.s4xx, s5xx = excluded.s5xx,"
                       " bytes_in = excluded.bytes_in, bytes_out = excluded.bytes_out,"
                       " latency = excluded.latency"));
    if (selectOk && upsertOk)
        return true;
    *error = m_select->lastError().text() + m_upsert->lastError().text();
    release();
    return false;
}

void RollupStore::release()
{
    m_select.reset();
    m_upsert.reset();
}

bool RollupStore::write(QSqlDatabase& db, QString* error)
{
    m_written.clear();
    if (!m_select && !prepare(db, error))
        return false;
    // m_pending is ordered by (start, API): each bucket start's deltas are
    // adjacent, its API 0 (calls without an API) first. Its total row (API
    // 0 in the table: all traffic) is the sum of them all.
    for (auto it = m_pending.begin(); it != m_pending.end();) {
        const qint64 start = it->first.first;
        RollupBucket total;
        auto next = it;
        for (; next != m_pending.end() && next->first.first == start; ++next) {
            total.counters.merge(next->second.counters);
            total.latency.merge(next->second.latency);
        }
        if (!writeRow({start, 0}, total, error))
            return false;
        for (; it != next; ++it)
            if (it->first.second != 0 && !writeRow(it->first, it->second, error))
                return false;
    }
    return true;
}

bool RollupStore::writeRow(const Key& key, const RollupBucket& delta, QString* error)
{
    QSqlQuery& select = *m_select;
    QSqlQuery& upsert = *m_upsert;
    RollupBucket current;
    if (auto it = m_cache.find(key); it != m_cache.end()) {
        current = it->second;
    } else {
        select.bindValue(0, key.first);
        select.bindValue(1, u64(key.second));
        if (!select.exec()) {
            *error = select.lastError().text();
            return false;
        }
        if (select.next())
            current = bucketFromQuery(select);
        select.finish();
        current.bucketStartUs = key.first;
        current.apiId = key.second;
    }
    current.counters.merge(delta.counters);
    current.latency.merge(delta.latency);
    const TrafficCounters& c = current.counters;
    const QVariant values[] = {
        key.first,
        u64(key.second),
        u64(c.requests),
        u64(c.hits),
        u64(c.misses),
        u64(c.stale),
        u64(c.revalidated),
        u64(c.bypass),
        u64(c.statusClasses[1]),
        u64(c.statusClasses[2]),
        u64(c.statusClasses[3]),
        u64(c.statusClasses[4]),
        u64(c.statusClasses[5]),
        u64(c.bytesIn),
        u64(c.bytesOut),
        current.latency.toBlob(),
    };
    for (int i = 0; i < 16; ++i)
        upsert.bindValue(i, values[i]);
    if (!upsert.exec()) {
        *error = upsert.lastError().text();
        return false;
    }
    m_written[key] = std::move(current);
    return true;
}

void RollupStore::commit()
{
    for (auto& [key, bucket] : m_written) {
        m_newestBucket = std::max(m_newestBucket, key.first);
        m_cache[key] = std::move(bucket);
    }
    m_written.clear();
    m_pending.clear();
    m_recent.clear();
    const qint64 oldest = m_newestBucket - cachedBuckets * m_bucketUs;
    for (auto it = m_cache.begin(); it != m_cache.end();)
        it = it->first.first < oldest ? m_cache.erase(it) : std::next(it);
}

void RollupStore::rollback()
{
    m_written.clear();
    m_pending.clear();
    m_recent.clear();
}

} // namespace gatehouse::app
