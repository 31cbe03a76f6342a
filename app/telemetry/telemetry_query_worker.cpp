// SPDX-FileCopyrightText: Gatehouse contributors
// SPDX-License-Identifier: Apache-2.0
#include "app/telemetry/telemetry_query_worker.h"

#include "app/telemetry/call_log_writer.h"

#include <QDateTime>

#include <algorithm>

namespace gatehouse::app {

namespace {

double percentileMs(const LatencyHistogram& h, double p)
{
    return h.isEmpty() ? -1.0 : static_cast<double>(h.percentile(p)) / 1000.0;
}

} // namespace

TelemetryQueryWorker::TelemetryQueryWorker(QString databaseSpec, const CallLogWriter* writer,
                                           DroppedSource dropped)
    : m_spec(std::move(databaseSpec))
    , m_writer(writer)
    , m_dropped(std::move(dropped))
{
}

TelemetryQueryWorker::~TelemetryQueryWorker() = default;

TelemetryQuery* TelemetryQueryWorker::query(QString* error)
{
    if (!m_query || !m_query->isOpen())
        m_query = std::make_unique<TelemetryQuery>(m_spec, m_writer->liveSeries());
    if (!m_query->isOpen()) {
        *error = m_query->lastError();
        return nullptr;
    }
    return m_query.get();
}

LiveSummary TelemetryQueryWorker::computeSummary() const
{
    LiveSummary s;
    s.nowUs = QDateTime::currentMSecsSinceEpoch() * 1000;
    // The second still being counted is incomplete: summarise up to the
    // previous one, so rates do not dip at the right edge.
    const qint64 lastFullUs = s.nowUs - 1'000'000;
    const std::shared_ptr<const LiveSeries> live = m_writer->liveSeries();
    s.points = live->snapshot(LiveSummary::seriesSeconds, 0, lastFullUs);
    const LiveSeries::Window recent = live->window(LiveSummary::recentSeconds, lastFullUs);
    s.recent = recent.counters;
    if (cacheLookups(s.recent) > 0)
        s.hitRatio = s.recent.hitRatio();
    s.p50Ms = percentileMs(recent.latency, 50);
    s.p95Ms = percentileMs(recent.latency, 95);
    s.p99Ms = percentileMs(recent.latency, 99);
    for (const quint64 api : live->apis()) {
        ApiTotals totals;
        totals.apiId = api;
        for (const LivePoint& p : live->snapshot(LiveSummary::seriesSeconds, api, lastFullUs))
            totals.counters.merge(p.counters);
        if (totals.counters.requests > 0)
            s.apis.push_back(totals);
    }
    std::sort(s.apis.begin(), s.apis.end(), [](const ApiTotals& a, const ApiTotals& b) {
        return a.counters.requests != b.counters.requests
                   ? a.counters.requests > b.counters.requests
                   : a.apiId < b.apiId;
    });
    for (const ApiTotals& api : s.apis) {
        const LiveSeries::Window w =
            live->window(LiveSummary::recentSeconds, lastFullUs, api.apiId);
        s.apiLatency.push_back({api.apiId, percentileMs(w.latency, 50), percentileMs(w.latency, 95),
                                percentileMs(w.latency, 99)});
    }
    s.writer = m_writer->counters();
    s.droppedRecords = m_dropped ? m_dropped() : s.writer.dropped;
    return s;
}

void TelemetryQueryWorker::startSummaries(int intervalMs, SummarySink sink)
{
    if (intervalMs <= 0)
        return;
    m_timer = new QTimer(this);
    m_timer->setInterval(intervalMs);
    m_timer->setTimerType(Qt::CoarseTimer);
    connect(m_timer, &QTimer::timeout, this,
            [this, sink = std::move(sink)] { sink(computeSummary()); });
    m_timer->start();
}

void TelemetryQueryWorker::close()
{
    delete m_timer;
    m_timer = nullptr;
    m_query.reset();
}

} // namespace gatehouse::app
