// SPDX-FileCopyrightText: Gatehouse contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "app/telemetry/call_log_writer.h"
#include "app/telemetry/telemetry_types.h"

#include <QMetaType>

#include <vector>

namespace gatehouse::app {

// What the console shows live, computed once a second off the GUI thread
// from the writer's in-memory window (LiveSeries) and handed over whole, so
// the GUI only copies a value.
struct LiveSummary {
    static constexpr int seriesSeconds = 300; // the live charts' window
    static constexpr int recentSeconds = 10;  // what the KPI tiles summarise

    qint64 nowUs = 0;
    std::vector<LivePoint> points; // the last seriesSeconds, oldest first, all traffic
    TrafficCounters recent;        // the last recentSeconds
    double hitRatio = -1.0;        // of cacheable lookups over recentSeconds; -1: none
    double p50Ms = -1.0;           // over recentSeconds; -1: no calls
    double p95Ms = -1.0;
    double p99Ms = -1.0;
    std::vector<ApiTotals> apis; // per API over seriesSeconds, busiest first
    // Each API's latency over recentSeconds, in the order of `apis`.
    struct ApiLatency {
        quint64 apiId = 0;
        double p50Ms = -1.0; // -1: no calls
        double p95Ms = -1.0;
        double p99Ms = -1.0;
    };
    std::vector<ApiLatency> apiLatency;
    quint64 droppedRecords = 0; // lost to full gateway rings, over the gateway's life
    CallLogWriterCounters writer;
};

// Cacheable lookups: what a hit ratio is a ratio of (bypass and "none" are
// not lookups).
inline quint64 cacheLookups(const TrafficCounters& c)
{
    return c.hits + c.stale + c.revalidated + c.misses;
}

} // namespace gatehouse::app

Q_DECLARE_METATYPE(gatehouse::app::LiveSummary)
