// SPDX-FileCopyrightText: Gatehouse contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "app/telemetry/live_series.h"
#include "app/telemetry/telemetry_types.h"
#include "ui/dashboard/rate_history.h"

#include <QPointer>
#include <QWidget>

#include <vector>

class QButtonGroup;
class QLabel;
class QStackedWidget;
class QTimer;

namespace gatehouse::app {
class GatewayController;
class TelemetryService;
} // namespace gatehouse::app

namespace gatehouse::ui {

class KpiTile;
class TimeSeriesChart;

// One API's own traffic from the telemetry rollups: requests, cache hit
// ratio, error rate, bytes and latency percentiles over a range, and charts
// of requests by cache status, hit ratio and latency over time.
//
// Never waits: each refresh is one TelemetryService::requestTrends() for the
// API, answered on the query thread; a reply for another API or range (the
// selection moved on while it ran) is recognised by its id and dropped.
// Refreshes when shown and every refreshIntervalMs() while visible.
//
// Live: the API's last five minutes from the writer's in-memory window
// (LiveSeries), one point per second, read every second while visible.
// Only the seconds not seen yet are read; they go into a GUI-side ring
// (RateHistory, as the dashboard's live charts use), the oldest drop out,
// and the charts take the ring with one replace() per series. Live is the
// range shown while the gateway runs, until one is picked.
class ApiAnalyticsPanel : public QWidget {
    Q_OBJECT

public:
    // Live last: the ids name the range buttons (analyticsRange<id>Button).
    enum class Range { LastHour, LastDay, LastWeek, LastMonth, Live };

    // `gateway` (not owned, may be null) decides the range shown until one
    // is picked: Live while it runs, the last hour otherwise.
    explicit ApiAnalyticsPanel(app::GatewayController* gateway = nullptr,
                               QWidget* parent = nullptr);

    // Not owned; null: the panel says analytics are unavailable.
    void setTelemetryService(app::TelemetryService* service);
    // 0: no API. A new API clears the figures of the previous one at once.
    void setApi(quint64 apiId);
    quint64 apiId() const { return m_apiId; }
    void setRange(Range range); // a pick: the gateway's state no longer decides
    Range range() const { return m_range; }
    void setRefreshInterval(int ms);
    int refreshIntervalMs() const;

    // What is shown instead of figures (empty while figures are shown).
    QString noteText() const;
    bool showsFigures() const;
    bool isLoading() const { return m_pending != 0; }
    int repliesShown() const { return m_replies; } // for tests: answers applied so far
    KpiTile* requestsTile() const { return m_requests; }
    KpiTile* hitRatioTile() const { return m_hitRatio; }
    KpiTile* errorRateTile() const { return m_errorRate; }
    KpiTile* latencyTile(int percentileIndex) const { return m_latency[percentileIndex]; }
    TimeSeriesChart* requestsChart() const { return m_requestsChart; }
    TimeSeriesChart* hitRatioChart() const { return m_hitRatioChart; }
    TimeSeriesChart* latencyChart() const { return m_latencyChart; }

public slots:
    void refresh();

signals:
    void refreshed(); // after a reply (figures, empty range or error) is shown

protected:
    void showEvent(QShowEvent* event) override;
    void hideEvent(QHideEvent* event) override;

private:
    struct Shape {
        qint64 spanMs;
        app::TrendBucket bucket;
        qint64 bucketMs;
    };
    // The live ring's channels: values per second.
    enum LiveChannel {
        LiveRequests,
        LiveHits,
        LiveMisses,
        LiveStale,
        LiveRevalidated,
        LiveBypass,
        LiveNotCached,
        LiveHitRatio, // percent; NaN: no cacheable calls that second
        LiveP50,      // ms; NaN: no calls that second
        LiveP95,
        LiveP99,
        LiveChannelCount
    };
    static Shape shapeOf(Range range);
    void applyRange(Range range);
    void followGateway();
    void startTimers();
    void applyRangeTexts();
    QString rangeText() const;
    QString requestsChartTitle() const;
    void refreshLive();
    void showLive(const app::LiveSeries::Window& recent, qint64 edgeMs);
    // The hit ratio, error rate and latency tiles.
    void showTotals(const app::TrafficCounters& total, const app::LatencyHistogram& latency);
    void onTrends(quint64 requestId, const std::vector<app::RollupBucket>& buckets);
    void onFailed(quint64 requestId, const QString& message);
    void showBuckets(const std::vector<app::RollupBucket>& buckets);
    void showNote(const QString& text);

    QPointer<app::TelemetryService> m_service;
    QPointer<app::GatewayController> m_gateway;
    quint64 m_apiId = 0;
    Range m_range = Range::LastHour;
    bool m_rangePicked = false;
    quint64 m_pending = 0; // the id of the request in flight, 0: none
    qint64 m_askedMs = 0;
    qint64 m_fromMs = 0;
    qint64 m_toMs = 0;
    int m_replies = 0;
    bool m_haveFigures = false; // for m_apiId and m_range
    RateHistory m_live;
    quint64 m_liveApi = 0;   // the API m_live holds
    qint64 m_liveFedUs = -1; // the newest second fed into m_live, -1: none

    QButtonGroup* m_rangeButtons = nullptr;
    QStackedWidget* m_stack = nullptr;
    QLabel* m_note = nullptr;
    QLabel* m_summary = nullptr;
    KpiTile* m_requests = nullptr;
    KpiTile* m_hitRatio = nullptr;
    KpiTile* m_errorRate = nullptr;
    KpiTile* m_latency[3] = {};
    TimeSeriesChart* m_requestsChart = nullptr;
    TimeSeriesChart* m_hitRatioChart = nullptr;
    TimeSeriesChart* m_latencyChart = nullptr;
    QTimer* m_timer = nullptr;     // trends
    QTimer* m_liveTimer = nullptr; // Live, every second
};

} // namespace gatehouse::ui
