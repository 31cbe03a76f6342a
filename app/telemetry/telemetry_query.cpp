// SPDX-FileCopyrightText: Gatehouse contributors
// SPDX-License-Identifier: Apache-2.0
#include "app/telemetry/telemetry_query.h"

#include "app/telemetry/request_id_key.h"
#include "app/telemetry/rollup_store.h"
#include "app/telemetry/telemetry_database.h"

#include <QSqlDriver>
#include <QSqlError>
#include <QSqlField>
#include <QSqlQuery>
#include <QStringList>
#include <QVariant>

#include <limits>
#include <map>

namespace gatehouse::app {

namespace {

constexpr qint64 minuteUs = 60'000'000LL;
constexpr qint64 hourUs = 60 * minuteUs;
constexpr qint64 dayUs = 24 * hourUs;
// Gap filling stops here, so an absurd range cannot allocate millions of buckets.
constexpr qint64 maxFilledBuckets = 100'000;

qint64 alignDown(qint64 v, qint64 step)
{
    return (v >= 0 ? v / step : (v - step + 1) / step) * step;
}

QString likePattern(const QString& substring)
{
    QString escaped = substring;
    escaped.replace(QLatin1Char('\\'), QLatin1String("\\\\"));
    escaped.replace(QLatin1Char('%'), QLatin1String("\\%"));
    escaped.replace(QLatin1Char('_'), QLatin1String("\\_"));
    return QLatin1Char('%') + escaped + QLatin1Char('%');
}

bool run(QSqlQuery& q, const QString& sql, const QVariantList& binds, QString* error)
{
    if (!q.prepare(sql)) {
        *error = q.lastError().text();
        return false;
    }
    for (int i = 0; i < binds.size(); ++i)
        q.bindValue(i, binds[i]);
    if (!q.exec()) {
        *error = q.lastError().text();
        return false;
    }
    return true;
}

CallLogEntry entryFromQuery(const QSqlQuery& q)
{
    CallLogEntry e;
    e.id = q.value(0).toLongLong();
    e.timestampUs = q.value(1).toLongLong();
    e.requestId = q.value(2).isNull() ? q.value(17).toString()
                                      : telemetry::unpackRequestId(q.value(2).toByteArray());
    e.apiId = static_cast<quint64>(q.value(3).toLongLong());
    e.routeId = q.value(4).toString();
    e.applicationId = static_cast<quint64>(q.value(5).toLongLong());
    e.method = q.value(6).toString();
    e.path = q.value(7).toString();
    e.status = q.value(8).toInt();
    e.cacheStatus = static_cast<gateway::cache_status>(q.value(9).toInt());
    e.upstream = q.value(10).toString();
    e.bytesIn = static_cast<quint64>(q.value(11).toLongLong());
    e.bytesOut = static_cast<quint64>(q.value(12).toLongLong());
    e.totalUs = static_cast<quint64>(q.value(13).toLongLong());
    e.upstreamUs = static_cast<quint64>(q.value(14).toLongLong());
    e.error = static_cast<gateway::call_error>(q.value(15).toInt());
    e.client = q.value(16).toString();
    return e;
}

} // namespace

TelemetryQuery::TelemetryQuery(const QString& databaseSpec, std::shared_ptr<const LiveSeries> live,
                               const QString& connectionName)
    : m_connection(connectionName.isEmpty()
                       ? telemetry::uniqueConnectionName(QStringLiteral("query"))
                       : connectionName)
    , m_live(std::move(live))
{
    m_db = telemetry::openDatabase(databaseSpec, m_connection, &m_lastError);
    // The writer normally creates the schema first; creating it here too
    // lets the console query a fresh workspace before any call was logged.
    if (m_db.isValid())
        telemetry::ensureSchema(m_db, &m_lastError);
}

TelemetryQuery::~TelemetryQuery()
{
    m_db = QSqlDatabase();
    telemetry::closeDatabase(m_connection);
}

std::vector<LivePoint> TelemetryQuery::liveSeries(int seconds, quint64 apiId) const
{
    return m_live ? m_live->snapshot(seconds, apiId) : std::vector<LivePoint>();
}

std::vector<RollupBucket> TelemetryQuery::trends(qint64 fromUs, qint64 toUs, TrendBucket bucket,
                                                 quint64 apiId)
{
    m_lastError.clear();
    const bool minutes = bucket == TrendBucket::Minute;
    const qint64 sourceUs = minutes ? minuteUs : hourUs;
    const qint64 outUs = bucket == TrendBucket::Day ? dayUs : sourceUs;
    const qint64 first = alignDown(fromUs, outUs);
    QSqlQuery q(m_db);
    if (!run(q,
             QStringLiteral("SELECT ") + RollupStore::selectColumns() + QStringLiteral(" FROM ") +
                 (minutes ? QStringLiteral("rollup_minute") : QStringLiteral("rollup_hour")) +
                 QStringLiteral(" WHERE api_id = ? AND bucket_start >= ? AND bucket_start < ?"
                                " ORDER BY bucket_start"),
             {static_cast<qint64>(apiId), first, toUs}, &m_lastError))
        return {};
    std::map<qint64, RollupBucket> merged;
    while (q.next()) {
        const RollupBucket row = RollupStore::bucketFromQuery(q);
        RollupBucket& out = merged[alignDown(row.bucketStartUs, outUs)];
        out.counters.merge(row.counters);
        out.latency.merge(row.latency);
    }
    std::vector<RollupBucket> result;
    const bool fill = toUs > first && (toUs - first) / outUs <= maxFilledBuckets;
    if (fill) {
        for (qint64 start = first; start < toUs; start += outUs) {
            auto it = merged.find(start);
            result.push_back(it == merged.end() ? RollupBucket() : std::move(it->second));
            result.back().bucketStartUs = start;
            result.back().apiId = apiId;
        }
    } else {
        for (auto& [start, b] : merged) {
            result.push_back(std::move(b));
            result.back().bucketStartUs = start;
            result.back().apiId = apiId;
        }
    }
    return result;
}

std::vector<TopEntry> TelemetryQuery::top(const QString& keyExpr, const QString& condition,
                                          qint64 fromUs, qint64 toUs, int n)
{
    m_lastError.clear();
    QSqlQuery q(m_db);
    const QString sql =
        QStringLiteral("SELECT ") + keyExpr +
        QStringLiteral(" AS k, COUNT(*) AS c,"
                       " SUM(CASE WHEN status >= 500 OR error <> 0 THEN 1 ELSE 0 END),"
                       " SUM(bytes_out), AVG(total_us) FROM call_log_view"
                       " WHERE ts_us >= ? AND ts_us < ? AND ") +
        condition + QStringLiteral(" GROUP BY k ORDER BY c DESC, k LIMIT ?");
    if (!run(q, sql, {fromUs, toUs, std::max(0, n)}, &m_lastError))
        return {};
    std::vector<TopEntry> out;
    while (q.next()) {
        TopEntry e;
        e.key = q.value(0).toString();
        e.requests = static_cast<quint64>(q.value(1).toLongLong());
        e.errors = static_cast<quint64>(q.value(2).toLongLong());
        e.bytesOut = static_cast<quint64>(q.value(3).toLongLong());
        e.meanLatencyUs = q.value(4).toDouble();
        out.push_back(e);
    }
    return out;
}

std::vector<ApiTotals> TelemetryQuery::apiTotals(qint64 fromUs, qint64 toUs, TrendBucket source)
{
    m_lastError.clear();
    const bool minutes = source == TrendBucket::Minute;
    const qint64 first = alignDown(fromUs, minutes ? minuteUs : hourUs);
    QSqlQuery q(m_db);
    if (!run(q,
             QStringLiteral("SELECT api_id, SUM(requests), SUM(hits), SUM(misses), SUM(stale),"
                            " SUM(revalidated), SUM(bypass), SUM(s1xx), SUM(s2xx), SUM(s3xx),"
                            " SUM(s4xx), SUM(s5xx), SUM(bytes_in), SUM(bytes_out) FROM ") +
                 (minutes ? QStringLiteral("rollup_minute") : QStringLiteral("rollup_hour")) +
                 QStringLiteral(" WHERE api_id <> 0 AND bucket_start >= ? AND bucket_start < ?"
                                " GROUP BY api_id ORDER BY SUM(requests) DESC, api_id"),
             {first, toUs}, &m_lastError))
        return {};
    std::vector<ApiTotals> out;
    const auto u = [&q](int column) {
        return static_cast<quint64>(q.value(column).toLongLong());
    };
    while (q.next()) {
        ApiTotals t;
        t.apiId = u(0);
        t.counters.requests = u(1);
        t.counters.hits = u(2);
        t.counters.misses = u(3);
        t.counters.stale = u(4);
        t.counters.revalidated = u(5);
        t.counters.bypass = u(6);
        for (std::size_t c = 1; c <= 5; ++c)
            t.counters.statusClasses[c] = u(static_cast<int>(6 + c));
        t.counters.bytesIn = u(12);
        t.counters.bytesOut = u(13);
        out.push_back(t);
    }
    return out;
}

std::vector<TopEntry> TelemetryQuery::topApis(qint64 fromUs, qint64 toUs, int n)
{
    return top(QStringLiteral("api_id"), QStringLiteral("api_id <> 0"), fromUs, toUs, n);
}

std::vector<TopEntry> TelemetryQuery::topConsumers(qint64 fromUs, qint64 toUs, int n)
{
    return top(QStringLiteral("application_id"), QStringLiteral("application_id <> 0"), fromUs,
               toUs, n);
}

std::vector<TopEntry> TelemetryQuery::topRoutes(qint64 fromUs, qint64 toUs, int n)
{
    return top(QStringLiteral("route_id"), QStringLiteral("route_id <> ''"), fromUs, toUs, n);
}

std::vector<TopEntry> TelemetryQuery::topErrors(qint64 fromUs, qint64 toUs, int n)
{
    // Grouped by (status, error code); the code is mapped to its name below.
    auto entries =
        top(QStringLiteral("status * 100 + error"),
            QStringLiteral("(status >= 400 OR status = 0 OR error <> 0)"), fromUs, toUs, n);
    for (auto& e : entries) {
        const int code = e.key.toInt();
        const auto error = static_cast<gateway::call_error>(code % 100);
        e.key = QString::number(code / 100) + QLatin1Char(' ') +
                QString::fromUtf8(gateway::to_string(error));
    }
    return entries;
}

TelemetryQuery::Statement TelemetryQuery::searchStatement(const CallLogFilter& f,
                                                          std::optional<SearchCursor> after,
                                                          int limit) const
{
    // One upper bound on ts_us, the tighter of the range end and the cursor:
    // SQLite uses a single bound for the index range, so two would leave it
    // to walk (and skip) every row between the range end and the cursor.
    // The row value then settles ties on the cursor's microsecond.
    const qint64 rangeLast = // toUs is exclusive
        std::max(f.toUs, std::numeric_limits<qint64>::min() + 1) - 1;
    const qint64 upper = after ? std::min(rangeLast, after->timestampUs) : rangeLast;
    QStringList where;
    QVariantList binds;
    if (after) {
        where << QStringLiteral("(ts_us, id) < (?, ?)");
        binds << after->timestampUs << after->id;
    }
    // Id 0 and the other ids have partial indexes of their own (see
    // telemetry_database.cpp): the literal `= 0` or `<> 0` is what lets a
    // planner match a partial index's condition, a bound value is not.
    if (f.apiId) {
        if (*f.apiId == 0) {
            where << QStringLiteral("api_id = 0");
        } else {
            where << QStringLiteral("api_id = ?") << QStringLiteral("api_id <> 0");
            binds << static_cast<qint64>(*f.apiId);
        }
    }
    if (f.applicationId) {
        if (*f.applicationId == 0) {
            where << QStringLiteral("application_id = 0");
        } else {
            where << QStringLiteral("application_id = ?") << QStringLiteral("application_id <> 0");
            binds << static_cast<qint64>(*f.applicationId);
        }
    }
    if (f.statusClass >= 1 && f.statusClass <= 5) {
        where << QStringLiteral("status >= ?") << QStringLiteral("status < ?");
        binds << f.statusClass * 100 << (f.statusClass + 1) * 100;
    }
    if (f.cacheStatus) {
        where << QStringLiteral("cache_status = ?");
        binds << static_cast<int>(*f.cacheStatus);
    }
    if (!f.pathSubstring.isEmpty()) {
        where << QStringLiteral("path LIKE ? ESCAPE '\\'");
        binds << likePattern(f.pathSubstring);
    }
    if (f.idAbove > 0) {
        where << QStringLiteral("id > ?");
        binds << f.idAbove;
    }

    Statement s;
    // One SELECT over [from, last] with the conditions above and `extra`.
    const auto select = [&](qint64 from, qint64 last, const QString& extra,
                            const QVariant& bind) -> QString {
        QStringList all{QStringLiteral("ts_us >= ?"), QStringLiteral("ts_us <= ?")};
        all << where;
        s.binds << from << last << binds;
        if (!extra.isEmpty()) {
            all << extra;
            s.binds << bind;
        }
        return QStringLiteral("SELECT id, ts_us, request_id, api_id, route_id, application_id,"
                              " method, path, status, cache_status, upstream, bytes_in,"
                              " bytes_out, total_us, upstream_us, error, client, request_text"
                              " FROM call_log_view WHERE ") +
               all.join(QLatin1String(" AND "));
    };
    if (f.requestId.isEmpty()) {
        s.sql = select(f.fromUs, upper, {}, {});
    } else {
        // As sent by a client: the partial index. The gateway's own
        // (request_id_key.h): within the millisecond its first digits name.
        s.sql = select(f.fromUs, upper, QStringLiteral("request_text = ?"), f.requestId);
        if (const auto packed = telemetry::packedRequestIdSearch(f.requestId))
            s.sql += QStringLiteral(" UNION ALL ") +
                     select(std::max(f.fromUs, packed->fromUs), std::min(upper, packed->toUs - 1),
                            QStringLiteral("request_id = ?"), packed->packed);
    }
    s.sql += QStringLiteral(" ORDER BY ts_us DESC, id DESC LIMIT ?");
    s.binds << limit + 1; // one more tells whether another page exists
    return s;
}

SearchPage TelemetryQuery::search(const CallLogFilter& filter, std::optional<SearchCursor> after,
                                  int limit)
{
    m_lastError.clear();
    limit = std::clamp(limit, 1, 10000);
    const Statement s = searchStatement(filter, after, limit);
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    SearchPage page;
    if (!run(q, s.sql, s.binds, &m_lastError))
        return page;
    while (q.next()) {
        if (static_cast<int>(page.entries.size()) == limit) {
            const CallLogEntry& last = page.entries.back();
            page.next = SearchCursor{last.timestampUs, last.id};
            break;
        }
        page.entries.push_back(entryFromQuery(q));
    }
    return page;
}

QString TelemetryQuery::searchPlan(const CallLogFilter& filter, bool withCursor)
{
    const Statement s = searchStatement(
        filter,
        withCursor ? std::optional<SearchCursor>(SearchCursor{filter.toUs, 1}) : std::nullopt, 100);
    QSqlQuery q(m_db);
    QStringList lines;
    if (telemetry::dialectOf(m_db) == telemetry::Dialect::Postgres) {
        // PostgreSQL cannot PREPARE an EXPLAIN: the values go in as literals
        // (the statement's own literals hold no '?').
        QString sql = QStringLiteral("EXPLAIN ");
        qsizetype next = 0;
        for (const QChar c : s.sql) {
            if (c != QLatin1Char('?') || next >= s.binds.size()) {
                sql += c;
                continue;
            }
            const QVariant& value = s.binds[next++];
            QSqlField field(QString(), value.metaType());
            field.setValue(value);
            sql += m_db.driver()->formatValue(field);
        }
        if (!q.exec(sql)) {
            m_lastError = q.lastError().text();
            return {};
        }
        while (q.next())
            lines << q.value(0).toString();
        return lines.join(QLatin1Char('\n'));
    }
    if (!run(q, QStringLiteral("EXPLAIN QUERY PLAN ") + s.sql, s.binds, &m_lastError))
        return {};
    while (q.next())
        lines << q.value(3).toString();
    return lines.join(QLatin1Char('\n'));
}

} // namespace gatehouse::app
