// SPDX-FileCopyrightText: Gatehouse contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "app/telemetry/latency_histogram.h"
#include "gateway/call_record.hpp"

#include <QString>
#include <QtGlobal>

#include <array>
#include <limits>
#include <optional>
#include <vector>

namespace gatehouse::app {

// Request, cache and status-class counts plus bytes: the unit of every
// rollup (per second in memory, per minute and per hour in the database).
struct TrafficCounters {
    quint64 requests = 0;
    quint64 hits = 0;
    quint64 misses = 0;
    quint64 stale = 0;
    quint64 revalidated = 0;
    quint64 bypass = 0;
    std::array<quint64, 6> statusClasses{}; // [1] = 1xx ... [5] = 5xx; [0] = no response
    quint64 bytesIn = 0;
    quint64 bytesOut = 0;

    void add(const gateway::call_record& record);
    void merge(const TrafficCounters& other);
    // Hits (fresh, stale and revalidated) over cacheable lookups, 0..1.
    double hitRatio() const;
    bool operator==(const TrafficCounters&) const = default;
};

// One persisted rollup row (also a trend point after merging rows).
struct RollupBucket {
    qint64 bucketStartUs = 0;
    quint64 apiId = 0; // 0: all traffic
    TrafficCounters counters;
    LatencyHistogram latency;
};

// One second of the in-memory live window.
struct LivePoint {
    qint64 secondUs = 0; // start of the second, µs since the epoch
    TrafficCounters counters;
    quint64 latencySumUs = 0;
    quint64 latencyMaxUs = 0;
    // From the second's latency histogram (of all traffic or of the API):
    // within LatencyHistogram::relativeErrorBound() of the exact values.
    quint64 p50Us = 0;
    quint64 p95Us = 0;
    quint64 p99Us = 0;
};

enum class TrendBucket { Minute, Hour, Day };

// One stored call, as read back by search and export.
struct CallLogEntry {
    qint64 id = 0;
    qint64 timestampUs = 0;
    QString requestId;
    quint64 apiId = 0;
    QString routeId;
    quint64 applicationId = 0;
    QString method;
    QString path;
    int status = 0;
    gateway::cache_status cacheStatus = gateway::cache_status::none;
    QString upstream;
    quint64 bytesIn = 0;
    quint64 bytesOut = 0;
    quint64 totalUs = 0;
    quint64 upstreamUs = 0;
    gateway::call_error error = gateway::call_error::none;
    QString client;
};

struct CallLogFilter {
    qint64 fromUs = 0;                                // inclusive
    qint64 toUs = std::numeric_limits<qint64>::max(); // exclusive
    std::optional<quint64> apiId;
    std::optional<quint64> applicationId;
    int statusClass = 0; // 1..5, 0: any
    std::optional<gateway::cache_status> cacheStatus;
    QString pathSubstring;
    QString requestId;
    // Only calls stored after the one with this id (ids grow in the order
    // calls are stored); 0: any. Live views ask for what is new with it.
    qint64 idAbove = 0;
};

// Keyset cursor: the (ts_us, id) of the last row of the previous page.
struct SearchCursor {
    qint64 timestampUs = 0;
    qint64 id = 0;
};

struct SearchPage {
    std::vector<CallLogEntry> entries;
    std::optional<SearchCursor> next; // empty on the last page
};

// One API's counters summed over a range (from the rollups).
struct ApiTotals {
    quint64 apiId = 0;
    TrafficCounters counters;
};

struct TopEntry {
    QString key; // API id, application id, route id, or "status error"
    quint64 requests = 0;
    quint64 errors = 0; // status >= 500 or a gateway error
    quint64 bytesOut = 0;
    double meanLatencyUs = 0;
};

} // namespace gatehouse::app
