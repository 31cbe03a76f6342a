// SPDX-FileCopyrightText: Gatehouse contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "app/telemetry/live_series.h"
#include "app/telemetry/telemetry_types.h"

#include <QSqlDatabase>
#include <QString>
#include <QVariant>

#include <memory>
#include <optional>
#include <vector>

namespace gatehouse::app {

// Read side of the telemetry store, for the console (from its storage
// thread) and the admin REST API. It opens its own connection, on the thread
// that constructs it, and must be used and destroyed on that thread. Readers
// never block the writer: SQLite runs in WAL mode.
//
// Every failing call returns an empty result and sets lastError().
// Times are µs since the Unix epoch; ranges are [from, to).
class TelemetryQuery {
public:
    explicit TelemetryQuery(const QString& databaseSpec,
                            std::shared_ptr<const LiveSeries> live = {},
                            const QString& connectionName = {});
    ~TelemetryQuery();
    TelemetryQuery(const TelemetryQuery&) = delete;
    TelemetryQuery& operator=(const TelemetryQuery&) = delete;

    bool isOpen() const { return m_db.isOpen(); }
    QString lastError() const { return m_lastError; }

    // The last `seconds` seconds (<= 15 min) from the writer's in-memory
    // window, one point per second; empty without a LiveSeries.
    std::vector<LivePoint> liveSeries(int seconds, quint64 apiId = 0) const;

    // Rollups merged into minute, hour or (UTC) day buckets, gaps filled
    // with empty buckets; `apiId` 0 is all traffic. Minutes come from
    // rollup_minute (30 days), hours and days from rollup_hour (1 year).
    std::vector<RollupBucket> trends(qint64 fromUs, qint64 toUs, TrendBucket bucket,
                                     quint64 apiId = 0);

    // Every API's counters summed over a range, busiest first, from
    // rollup_minute (`source` Minute) or rollup_hour (Hour or Day). Cheap
    // at any range: it reads rollup rows, never the raw call log.
    std::vector<ApiTotals> apiTotals(qint64 fromUs, qint64 toUs, TrendBucket source);

    // The busiest keys over a range, from the raw call log.
    std::vector<TopEntry> topApis(qint64 fromUs, qint64 toUs, int n);
    std::vector<TopEntry> topConsumers(qint64 fromUs, qint64 toUs, int n);
    std::vector<TopEntry> topRoutes(qint64 fromUs, qint64 toUs, int n);
    // Keyed "status error", e.g. "502 upstream_unavailable".
    std::vector<TopEntry> topErrors(qint64 fromUs, qint64 toUs, int n);

    // Newest first, keyset-paginated on (ts_us, id): pass the previous page's
    // `next` as `after`. Each page is an index range walk, so page 10,000
    // costs what page 1 costs. A path substring matches case-insensitively
    // on SQLite (LIKE) and case-sensitively on PostgreSQL.
    SearchPage search(const CallLogFilter& filter, std::optional<SearchCursor> after = {},
                      int limit = 100);

    // The plan of search(): SQLite's EXPLAIN QUERY PLAN or PostgreSQL's
    // EXPLAIN, one line per plan row.
    QString searchPlan(const CallLogFilter& filter, bool withCursor);

private:
    struct Statement {
        QString sql;
        QVariantList binds;
    };
    Statement searchStatement(const CallLogFilter& filter, std::optional<SearchCursor> after,
                              int limit) const;
    std::vector<TopEntry> top(const QString& keyExpr, const QString& condition, qint64 fromUs,
                              qint64 toUs, int n);

    QString m_connection;
    QSqlDatabase m_db;
    std::shared_ptr<const LiveSeries> m_live;
    QString m_lastError;
};

} // namespace gatehouse::app
