// SPDX-FileCopyrightText: Gatehouse contributors
// SPDX-License-Identifier: Apache-2.0
#include "ui/dashboard/telemetry_dashboard_source.h"

#include "app/telemetry/telemetry_service.h"

#include <QDateTime>

#include <limits>

namespace gatehouse::ui {

namespace {

constexpr qint64 minuteMs = 60'000;
constexpr qint64 hourMs = 60 * minuteMs;
constexpr double noData = std::numeric_limits<double>::quiet_NaN();

struct Shape {
    qint64 spanMs;
    app::TrendBucket bucket;
    qint64 bucketMs;
};

// 1 h and 24 h read minute rollups (60 and 1,440 points); 7 d and 30 d
// read hour rollups (168 and 720 points).
Shape shapeOf(TrendRange range)
{
    switch (range) {
    case TrendRange::Live:
    case TrendRange::LastHour:
        return {hourMs, app::TrendBucket::Minute, minuteMs};
    case TrendRange::LastDay:
        return {24 * hourMs, app::TrendBucket::Minute, minuteMs};
    case TrendRange::LastWeek:
        return {7 * 24 * hourMs, app::TrendBucket::Hour, hourMs};
    case TrendRange::LastMonth:
        return {30 * 24 * hourMs, app::TrendBucket::Hour, hourMs};
    }
    return {hourMs, app::TrendBucket::Minute, minuteMs};
}

double hitPercent(const app::TrafficCounters& c)
{
    return app::cacheLookups(c) > 0 ? 100.0 * c.hitRatio() : noData;
}

// Appends one bucket's figures, as per-second rates over `seconds`.
void appendBucket(TrendData& out, qint64 startMs, const app::TrafficCounters& c, double seconds,
                  double p50Ms, double p95Ms, double p99Ms)
{
    const auto rate = [seconds](quint64 n) {
        return static_cast<double>(n) / seconds;
    };
    out.timestampsMs.append(startMs);
    out.requestsPerSecond.append(rate(c.requests));
    for (std::size_t i = 0; i < 4; ++i)
        out.statusPerSecond[i].append(rate(c.statusClasses[i + 2]));
    out.cachePerSecond[0].append(rate(c.hits));
    out.cachePerSecond[1].append(rate(c.misses));
    out.cachePerSecond[2].append(rate(c.stale));
    out.cachePerSecond[3].append(rate(c.revalidated));
    out.cachePerSecond[4].append(rate(c.bypass));
    out.hitRatioPercent.append(hitPercent(c));
    out.latencyMs[0].append(p50Ms);
    out.latencyMs[1].append(p95Ms);
    out.latencyMs[2].append(p99Ms);
}

double ms(quint64 us, bool any)
{
    return any ? static_cast<double>(us) / 1000.0 : noData;
}

} // namespace

TelemetryDashboardSource::TelemetryDashboardSource(app::TelemetryService* service, QObject* parent)
    : TrendSource(parent)
    , m_service(service)
{
    connect(service, &app::TelemetryService::liveSummaryUpdated, this,
            &TelemetryDashboardSource::onSummary);
    connect(service, &app::TelemetryService::trendsReady, this,
            &TelemetryDashboardSource::onTrends);
    connect(service, &app::TelemetryService::apiTotalsReady, this,
            &TelemetryDashboardSource::onApiTotals);
    connect(service, &app::TelemetryService::queryFailed, this,
            &TelemetryDashboardSource::onFailed);
    onSummary(service->liveSummary());
}

QString TelemetryDashboardSource::apiName(quint64 apiId) const
{
    const auto it = m_apiNames.constFind(apiId);
    return it != m_apiNames.constEnd() ? *it : tr("API %1").arg(apiId);
}

void TelemetryDashboardSource::requestTrends(TrendRange range)
{
    if (!m_service) {
        emit trendsFailed(range, tr("Telemetry is not running."));
        return;
    }
    // The dashboard asks again every second: while an answer for the same
    // range is on its way, let it arrive instead of superseding it, or a
    // query slower than the refresh would never be shown.
    constexpr qint64 patienceMs = 5000;
    const qint64 nowMs = QDateTime::currentMSecsSinceEpoch();
    if (m_pending && m_pending->range == range && nowMs - m_pending->askedMs < patienceMs)
        return;
    const Shape shape = shapeOf(range);
    Pending p;
    p.askedMs = nowMs;
    p.range = range;
    p.toMs = nowMs;
    p.fromMs = p.toMs - shape.spanMs;
    p.bucketMs = shape.bucketMs;
    p.trendsId = m_service->requestTrends(p.fromMs * 1000, p.toMs * 1000, shape.bucket);
    p.totalsId = m_service->requestApiTotals(p.fromMs * 1000, p.toMs * 1000, shape.bucket);
    m_pending = std::move(p);
}

TrendData TelemetryDashboardSource::fromBuckets(TrendRange range, qint64 fromMs, qint64 toMs,
                                                const std::vector<app::RollupBucket>& buckets,
                                                qint64 bucketMs)
{
    TrendData out;
    out.range = range;
    out.fromMs = fromMs;
    out.toMs = toMs;
    const double seconds = static_cast<double>(bucketMs) / 1000.0;
    for (const app::RollupBucket& b : buckets) {
        const bool any = !b.latency.isEmpty();
        appendBucket(out, b.bucketStartUs / 1000, b.counters, seconds,
                     ms(b.latency.percentile(50), any), ms(b.latency.percentile(95), any),
                     ms(b.latency.percentile(99), any));
    }
    return out;
}

QList<ApiRanking>
TelemetryDashboardSource::rankings(const std::vector<app::ApiTotals>& totals) const
{
    QList<ApiRanking> out;
    out.reserve(static_cast<qsizetype>(totals.size()));
    for (const app::ApiTotals& t : totals) {
        const double ratio = hitPercent(t.counters);
        out.append({apiName(t.apiId), static_cast<double>(t.counters.requests),
                    ratio == ratio ? ratio : -1.0});
    }
    return out;
}

void TelemetryDashboardSource::onSummary(const app::LiveSummary& summary)
{
    m_summary = summary;
    if (summary.nowUs == 0)
        return; // nothing summarised yet
    TrendData live;
    live.range = TrendRange::Live;
    for (const app::LivePoint& p : summary.points) {
        const bool any = p.counters.requests > 0;
        appendBucket(live, p.secondUs / 1000, p.counters, 1.0, ms(p.p50Us, any), ms(p.p95Us, any),
                     ms(p.p99Us, any));
    }
    if (!live.timestampsMs.isEmpty()) {
        live.fromMs = live.timestampsMs.constFirst();
        live.toMs = live.timestampsMs.constLast() + 1000;
    }
    live.apis = rankings(summary.apis);
    m_live = std::move(live);
    m_haveLive = true;
    emit liveUpdated();
}

void TelemetryDashboardSource::onTrends(quint64 requestId,
                                        const std::vector<app::RollupBucket>& buckets)
{
    if (!m_pending || m_pending->trendsId != requestId)
        return; // superseded
    m_pending->buckets = buckets;
    finishIfComplete();
}

void TelemetryDashboardSource::onApiTotals(quint64 requestId,
                                           const std::vector<app::ApiTotals>& totals)
{
    if (!m_pending || m_pending->totalsId != requestId)
        return;
    m_pending->totals = totals;
    finishIfComplete();
}

void TelemetryDashboardSource::onFailed(quint64 requestId, const QString& message)
{
    if (!m_pending || (m_pending->trendsId != requestId && m_pending->totalsId != requestId))
        return;
    const TrendRange range = m_pending->range;
    m_pending.reset();
    emit trendsFailed(range, message);
}

void TelemetryDashboardSource::finishIfComplete()
{
    if (!m_pending->buckets || !m_pending->totals)
        return;
    const Pending p = std::move(*m_pending);
    m_pending.reset();
    TrendData data = fromBuckets(p.range, p.fromMs, p.toMs, *p.buckets, p.bucketMs);
    data.apis = rankings(*p.totals);
    emit trendsReady(data);
}

} // namespace gatehouse::ui
