// SPDX-FileCopyrightText: Gatehouse contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QList>
#include <QMetaType>
#include <QObject>
#include <QString>

#include <array>

namespace gatehouse::ui {

// The ranges of the dashboard's range selector.
enum class TrendRange { Live, LastHour, LastDay, LastWeek, LastMonth };

// One API's figures over a range, for the "top APIs" bars.
struct ApiRanking {
    QString name;
    double requests = 0;
    double hitRatioPercent = -1.0; // of cacheable lookups; negative: no lookups
};

// Persisted rollups for one range, bucketed (TelemetryDashboardSource: 1 min
// for 1 h and 24 h, 1 h for 7 d and 30 d; without a source, the console's
// own 10-second ring covers 1 h). Every list is parallel to `timestampsMs`; values
// are per-second averages over their bucket.
struct TrendData {
    TrendRange range = TrendRange::LastHour;
    qint64 fromMs = 0; // the range asked for, ms since the epoch
    qint64 toMs = 0;
    QList<qint64> timestampsMs;                   // bucket starts, oldest first
    QList<double> requestsPerSecond;              // all requests
    std::array<QList<double>, 4> statusPerSecond; // [0] = 2xx ... [3] = 5xx
    QList<double> upstreamErrorsPerSecond;
    // From the telemetry pipeline; empty when it is not available. NaN marks
    // a bucket without data (no lookups, no calls): charts leave a gap.
    std::array<QList<double>, 5> cachePerSecond; // hit, miss, stale, revalidated, bypass
    QList<double> hitRatioPercent;               // of cacheable lookups
    std::array<QList<double>, 3> latencyMs;      // p50, p95, p99
    QList<ApiRanking> apis;                      // busiest first
};

// Where the dashboard gets history beyond the live rings: implemented over
// the telemetry rollups (the dashboard owns no storage). Calls come from the
// GUI thread and must not block it; answer later with trendsReady() (or
// trendsFailed()) from the GUI thread, e.g. via a queued connection from the
// storage thread. A newer request supersedes an older one; the dashboard
// ignores answers for a range it no longer shows.
class TrendSource : public QObject {
    Q_OBJECT

public:
    using QObject::QObject;
    ~TrendSource() override = default;

    virtual void requestTrends(gatehouse::ui::TrendRange range) = 0;

signals:
    void trendsReady(const gatehouse::ui::TrendData& data);
    void trendsFailed(gatehouse::ui::TrendRange range, const QString& message);
};

// Live figures the gateway's own counters do not have: the cache's hit ratio
// and the telemetry pipeline's p99 latency.
// Polled on the GUI thread once per stats sample, so it must answer from a
// cheap snapshot (an atomic or a value cached by its owner). Negative values
// mean "not available" and show as "–".
class LiveMetricsSource {
public:
    virtual ~LiveMetricsSource() = default;

    virtual double hitRatio() const { return -1.0; }     // 0..1, of cacheable requests
    virtual double p99LatencyMs() const { return -1.0; } // over the last few seconds
    // The live window (the last 5 minutes, one bucket per second) with the
    // telemetry fields of TrendData; null when not available.
    virtual const TrendData* liveTrend() const { return nullptr; }
};

} // namespace gatehouse::ui

Q_DECLARE_METATYPE(gatehouse::ui::TrendData)
