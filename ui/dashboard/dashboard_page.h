// SPDX-FileCopyrightText: Gatehouse contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "app/gateway_controller.h"
#include "app/gateway_stats_sample.h"
#include "ui/dashboard/rate_history.h"
#include "ui/dashboard/trend_source.h"

#include <QPointer>
#include <QTimer>
#include <QWidget>

class QButtonGroup;

class QGridLayout;
class QLabel;

namespace gatehouse::ui {

class KpiTile;
class RankingBarChart;
class TimeSeriesChart;

// Live analytics: KPI tiles and charts fed from GatewayController's stats
// samples through GUI-side rate rings (RateHistory). The range selector
// switches the charts between the live rings and persisted trends from a
// TrendSource; without one, only the in-memory hour is available.
class DashboardPage : public QWidget {
    Q_OBJECT

public:
    // Channels of the rate rings, all per second.
    enum Channel {
        Requests,
        Status2xx,
        Status3xx,
        Status4xx,
        Status5xx,
        UpstreamErrors,
        ChannelCount
    };

    explicit DashboardPage(app::GatewayController* controller, QWidget* parent = nullptr);
    ~DashboardPage() override;

    // The page's heading for a range: "Live traffic", "The last hour", ...
    static QString rangeTitle(TrendRange range);

    // Not owned; either may be null. See trend_source.h for the contracts.
    void setTrendSource(TrendSource* source);
    void setLiveMetricsSource(const LiveMetricsSource* source);
    // Direct setters for figures that arrive by signal instead; negative = "–".
    void setHitRatio(double ratio);
    void setP99LatencyMs(double milliseconds);
    double hitRatio() const;
    // Why this instance stores none of its calls (the telemetry database
    // could not be opened, or another Gatehouse holds the call log); empty
    // while it does. The dropped-records tile then says "Not recorded",
    // with the reason in its tooltip, instead of a count that would read as
    // "nothing lost". A gateway that captures no calls at all
    // (GatewayController::callRecording()) says so too.
    void setNotRecordedReason(const QString& reason);
    QString notRecordedReason() const;

    TrendRange range() const { return m_range; }
    const RateHistory& history() const { return m_history; }
    QList<TimeSeriesChart*> charts() const;
    QList<RankingBarChart*> barCharts() const;
    TimeSeriesChart* hitRatioChart() const { return m_hitRatioChart; }
    TimeSeriesChart* cacheChart() const { return m_cacheChart; }
    TimeSeriesChart* latencyChart() const { return m_latencyChart; }
    RankingBarChart* topRequestsChart() const { return m_topRequestsChart; }
    RankingBarChart* topHitRatioChart() const { return m_topHitRatioChart; }

public slots:
    void setRange(gatehouse::ui::TrendRange range);
    void refresh();

protected:
    void resizeEvent(QResizeEvent* event) override;
    void showEvent(QShowEvent* event) override;

private:
    void buildUi();
    // Tiles in one row or two, charts in two columns or one, whichever fits
    // `width` (e.g. with the demo traffic dock open) without clipping.
    void arrangeFor(int width);
    void onStatsUpdated(const app::GatewayStatsSample& sample);
    void updateTiles(const app::GatewayStatsSample& sample);
    void updateLiveCharts();
    void showTelemetry(const TrendData& data, qint64 fromMs, qint64 toMs);
    void showRankings(const QList<ApiRanking>& apis);
    void showTrends(const TrendData& data);
    void onTrendsFailed(TrendRange range, const QString& message);
    void setChartsOverlay(const QString& text);
    void clearCharts(qint64 fromMs, qint64 toMs);

    app::GatewayController* m_controller;
    QWidget* m_content = nullptr; // in the scroll area
    QGridLayout* m_tileGrid = nullptr;
    QGridLayout* m_chartGrid = nullptr;
    QList<QWidget*> m_tileOrder;
    QList<QWidget*> m_chartOrder;
    int m_tileColumns = 0;
    int m_chartColumns = 0;
    QPointer<TrendSource> m_trendSource;
    const LiveMetricsSource* m_liveMetrics = nullptr;
    RateHistory m_history;
    app::GatewayStatsSample m_previous;
    bool m_havePrevious = false;
    double m_hitRatio = -1.0;
    double m_p99Ms = -1.0;
    QString m_notRecordedReason;
    TrendRange m_range = TrendRange::Live;
    QTimer m_tick;

    KpiTile* m_requestsTile = nullptr;
    KpiTile* m_hitRatioTile = nullptr;
    KpiTile* m_p99Tile = nullptr;
    KpiTile* m_errorRateTile = nullptr;
    KpiTile* m_cacheSizeTile = nullptr;
    KpiTile* m_droppedTile = nullptr;
    QLabel* m_title = nullptr;
    QButtonGroup* m_rangeButtons = nullptr;
    TimeSeriesChart* m_requestsChart = nullptr;
    TimeSeriesChart* m_statusChart = nullptr;
    TimeSeriesChart* m_errorsChart = nullptr;
    TimeSeriesChart* m_hitRatioChart = nullptr;
    TimeSeriesChart* m_cacheChart = nullptr;
    TimeSeriesChart* m_latencyChart = nullptr;
    RankingBarChart* m_topRequestsChart = nullptr;
    RankingBarChart* m_topHitRatioChart = nullptr;
};

} // namespace gatehouse::ui
