// SPDX-FileCopyrightText: Gatehouse contributors
// SPDX-License-Identifier: Apache-2.0
#include "ui/dashboard/dashboard_page.h"

#include "ui/charts/ranking_bar_chart.h"
#include "ui/charts/time_series_chart.h"
#include "ui/dashboard/kpi_tile.h"
#include "ui/status_colors.h"

#include <QAbstractButton>
#include <QButtonGroup>
#include <QDateTime>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QResizeEvent>
#include <QScrollArea>
#include <QToolButton>
#include <QVBoxLayout>

#include <algorithm>

namespace gatehouse::ui {

namespace {

constexpr qint64 liveWindowMs = 5 * 60 * 1000;
constexpr qint64 hourMs = 60 * 60 * 1000;
constexpr int topApiCount = 8;

quint64 delta(quint64 now, quint64 before)
{
    return now >= before ? now - before : now; // a restart resets the counters
}

qint64 rangeSpanMs(TrendRange range)
{
    switch (range) {
    case TrendRange::Live:
        return liveWindowMs;
    case TrendRange::LastHour:
        return hourMs;
    case TrendRange::LastDay:
        return 24 * hourMs;
    case TrendRange::LastWeek:
        return 7 * 24 * hourMs;
    case TrendRange::LastMonth:
        return 30 * 24 * hourMs;
    }
    return liveWindowMs;
}

QList<QPointF> toPoints(const QList<qint64>& times, const QList<double>& values)
{
    QList<QPointF> out;
    out.reserve(qMin(times.size(), values.size()));
    for (qsizetype i = 0; i < times.size() && i < values.size(); ++i) {
        if (values.at(i) == values.at(i)) // NaN: no data in this bucket, leave a gap
            out.append(QPointF(static_cast<double>(times.at(i)), values.at(i)));
    }
    return out;
}

} // namespace

DashboardPage::DashboardPage(app::GatewayController* controller, QWidget* parent)
    : QWidget(parent)
    , m_controller(controller)
    , m_history(ChannelCount)
{
    setObjectName(QStringLiteral("dashboardPage"));
    buildUi();
    connect(m_controller, &app::GatewayController::statsUpdated, this,
            &DashboardPage::onStatsUpdated);
    // Live charts slide once a second even when samples stop (gateway
    // stopped); trends are asked for again, as the rollups grow with every
    // flush (the source answers asynchronously and drops superseded asks).
    m_tick.setInterval(1000);
    m_tick.setTimerType(Qt::CoarseTimer);
    connect(&m_tick, &QTimer::timeout, this, [this] {
        if (!isVisible())
            return;
        if (m_range == TrendRange::Live)
            updateLiveCharts();
        else if (m_trendSource)
            m_trendSource->requestTrends(m_range);
    });
    m_tick.start();
    updateTiles(m_controller->lastSample());
    setRange(TrendRange::Live);
}

DashboardPage::~DashboardPage() = default;

void DashboardPage::buildUi()
{
    auto* content = new QWidget;
    auto* layout = new QVBoxLayout(content);
    layout->setContentsMargins(16, 12, 16, 12);
    layout->setSpacing(12);

    auto* header = new QHBoxLayout;
    m_title = new QLabel(tr("Live traffic"), content);
    m_title->setObjectName(QStringLiteral("dashboardTitle"));
    QFont titleFont = m_title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.35);
    titleFont.setBold(true);
    m_title->setFont(titleFont);
    header->addWidget(m_title);
    header->addStretch(1);
    header->addWidget(new QLabel(tr("Range:"), content));
    m_rangeButtons = new QButtonGroup(this);
    const std::pair<TrendRange, QString> ranges[] = {{TrendRange::Live, tr("Live")},
                                                     {TrendRange::LastHour, tr("1 h")},
                                                     {TrendRange::LastDay, tr("24 h")},
                                                     {TrendRange::LastWeek, tr("7 d")},
                                                     {TrendRange::LastMonth, tr("30 d")}};
    for (const auto& [range, text] : ranges) {
        auto* button = new QToolButton(content);
        button->setText(text);
        button->setCheckable(true);
        button->setAutoRaise(true);
        button->setObjectName(QStringLiteral("range%1Button").arg(static_cast<int>(range)));
        m_rangeButtons->addButton(button, static_cast<int>(range));
        header->addWidget(button);
    }
    m_rangeButtons->button(0)->setToolTip(tr("The last five minutes, one point per second"));
    connect(m_rangeButtons, &QButtonGroup::idClicked, this,
            [this](int id) { setRange(static_cast<TrendRange>(id)); });
    layout->addLayout(header);

    auto* tiles = new QGridLayout;
    tiles->setSpacing(10);
    m_requestsTile = new KpiTile(QStringLiteral("requestsPerSecondTile"), content);
    m_requestsTile->setCaption(tr("Requests per second"));
    m_hitRatioTile = new KpiTile(QStringLiteral("hitRatioTile"), content);
    m_hitRatioTile->setCaption(tr("Cache hit ratio"));
    m_p99Tile = new KpiTile(QStringLiteral("p99LatencyTile"), content);
    m_p99Tile->setCaption(tr("p99 latency"));
    m_errorRateTile = new KpiTile(QStringLiteral("errorRateTile"), content);
    m_errorRateTile->setCaption(tr("Error rate (5xx)"));
    m_cacheSizeTile = new KpiTile(QStringLiteral("cacheSizeTile"), content);
    m_cacheSizeTile->setCaption(tr("Cache size"));
    m_droppedTile = new KpiTile(QStringLiteral("droppedRecordsTile"), content);
    m_droppedTile->setCaption(tr("Dropped log records"));
    const QList<KpiTile*> all = {m_requestsTile,  m_hitRatioTile,  m_p99Tile,
                                 m_errorRateTile, m_cacheSizeTile, m_droppedTile};
    m_tileGrid = tiles;
    m_tileOrder = {all.begin(), all.end()};
    layout->addLayout(tiles);

    m_requestsChart = new TimeSeriesChart(content);
    m_requestsChart->setObjectName(QStringLiteral("requestsChart"));
    m_requestsChart->setTitle(tr("Throughput"));
    m_requestsChart->setValueAxisTitle(tr("Requests/s"));
    m_requestsChart->setTimeAxisTitle(tr("Time"));
    m_requestsChart->setValueSuffix(tr(" req/s"));
    m_requestsChart->setSeries({tr("All requests")}, {StatusColors::info()},
                               TimeSeriesChart::Style::StackedAreas);

    m_statusChart = new TimeSeriesChart(content);
    m_statusChart->setObjectName(QStringLiteral("statusChart"));
    m_statusChart->setTitle(tr("Responses by status class"));
    m_statusChart->setValueAxisTitle(tr("Responses/s"));
    m_statusChart->setTimeAxisTitle(tr("Time"));
    m_statusChart->setValueSuffix(tr(" responses/s"));
    m_statusChart->setSeries({tr("2xx"), tr("3xx"), tr("4xx"), tr("5xx")},
                             {StatusColors::statusClass(2), StatusColors::statusClass(3),
                              StatusColors::statusClass(4), StatusColors::statusClass(5)},
                             TimeSeriesChart::Style::StackedAreas);

    m_errorsChart = new TimeSeriesChart(content);
    m_errorsChart->setObjectName(QStringLiteral("errorsChart"));
    m_errorsChart->setTitle(tr("Errors"));
    m_errorsChart->setValueAxisTitle(tr("Errors/s"));
    m_errorsChart->setTimeAxisTitle(tr("Time"));
    m_errorsChart->setValueSuffix(tr(" errors/s"));
    m_errorsChart->setValueDecimals(2);
    m_errorsChart->setSeries({tr("Upstream errors"), tr("5xx responses")},
                             {StatusColors::warning(), StatusColors::bad()});

    m_hitRatioChart = new TimeSeriesChart(content);
    m_hitRatioChart->setObjectName(QStringLiteral("hitRatioChart"));
    m_hitRatioChart->setTitle(tr("Cache hit ratio"));
    m_hitRatioChart->setValueAxisTitle(tr("Hit ratio (%)"));
    m_hitRatioChart->setTimeAxisTitle(tr("Time"));
    m_hitRatioChart->setValueSuffix(tr(" %"));
    m_hitRatioChart->setFixedValueMaximum(100.0);
    m_hitRatioChart->setSeries({tr("Hits of cacheable requests")}, {StatusColors::good()});

    m_cacheChart = new TimeSeriesChart(content);
    m_cacheChart->setObjectName(QStringLiteral("cacheStatusChart"));
    m_cacheChart->setTitle(tr("Requests by cache status"));
    m_cacheChart->setValueAxisTitle(tr("Requests/s"));
    m_cacheChart->setTimeAxisTitle(tr("Time"));
    m_cacheChart->setValueSuffix(tr(" req/s"));
    m_cacheChart->setSeries({tr("Hit"), tr("Miss"), tr("Stale"), tr("Revalidated"), tr("Bypass")},
                            {StatusColors::good(), StatusColors::warning(),
                             QColor(0x8e, 0x6c, 0xc8), StatusColors::info(),
                             QColor(0x90, 0x90, 0x90)},
                            TimeSeriesChart::Style::StackedAreas);

    m_latencyChart = new TimeSeriesChart(content);
    m_latencyChart->setObjectName(QStringLiteral("latencyChart"));
    m_latencyChart->setTitle(tr("Latency percentiles"));
    m_latencyChart->setValueAxisTitle(tr("Latency (ms)"));
    m_latencyChart->setTimeAxisTitle(tr("Time"));
    m_latencyChart->setValueSuffix(tr(" ms"));
    m_latencyChart->setValueDecimals(2);
    m_latencyChart->setSeries({tr("p50"), tr("p95"), tr("p99")},
                              {StatusColors::good(), StatusColors::warning(), StatusColors::bad()});

    m_topRequestsChart = new RankingBarChart(content);
    m_topRequestsChart->setObjectName(QStringLiteral("topApisByRequestsChart"));
    m_topRequestsChart->setTitle(tr("Top APIs by requests"));
    m_topRequestsChart->setValueAxisTitle(tr("Requests"));
    m_topRequestsChart->setSeriesName(tr("Requests in the range"));
    m_topRequestsChart->setValueSuffix(tr(" requests"));
    m_topRequestsChart->setColor(StatusColors::info());

    m_topHitRatioChart = new RankingBarChart(content);
    m_topHitRatioChart->setObjectName(QStringLiteral("topApisByHitRatioChart"));
    m_topHitRatioChart->setTitle(tr("Top APIs by cache hit ratio"));
    m_topHitRatioChart->setValueAxisTitle(tr("Hit ratio (%)"));
    m_topHitRatioChart->setSeriesName(tr("Hits of cacheable requests"));
    m_topHitRatioChart->setValueSuffix(tr(" %"));
    m_topHitRatioChart->setValueDecimals(1);
    m_topHitRatioChart->setFixedMaximum(100.0);
    m_topHitRatioChart->setColor(StatusColors::good());

    // Two columns of charts at a readable height; the page scrolls below
    // the first rows on a small screen.
    auto* charts = new QGridLayout;
    charts->setSpacing(10);
    const QList<QWidget*> grid = {m_hitRatioChart,    m_cacheChart,      m_requestsChart,
                                  m_latencyChart,     m_statusChart,     m_errorsChart,
                                  m_topRequestsChart, m_topHitRatioChart};
    for (QWidget* chart : grid) {
        chart->setMinimumHeight(280);
        chart->setMaximumHeight(400); // one column: no chart taller than the view
    }
    m_chartGrid = charts;
    m_chartOrder = grid;
    arrangeFor(width());
    layout->addLayout(charts, 1);

    auto* scroll = new QScrollArea(this);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setWidget(content);
    m_content = content;
    auto* outer = new QVBoxLayout(this);
    outer->setContentsMargins(0, 0, 0, 0);
    outer->addWidget(scroll);
}

void DashboardPage::resizeEvent(QResizeEvent* event)
{
    QWidget::resizeEvent(event);
    arrangeFor(width());
}

void DashboardPage::showEvent(QShowEvent* event)
{
    QWidget::showEvent(event);
    // Resized while another page was shown, the content kept the layout of
    // its old width even though the scroll area has since narrowed it: lay
    // it out again for the width it has now.
    arrangeFor(width());
    m_content->layout()->invalidate();
}

void DashboardPage::arrangeFor(int width)
{
    // Below these widths six tiles or two charts side by side would be
    // squeezed under their minimum and clipped by the scroll area.
    constexpr int sixTilesWidth = 1000;
    constexpr int twoChartsWidth = 820;
    const int tileColumns = width >= sixTilesWidth ? 6 : 3;
    const int chartColumns = width >= twoChartsWidth ? 2 : 1;
    if (tileColumns != m_tileColumns) {
        m_tileColumns = tileColumns;
        for (int i = 0; i < 6; ++i)
            m_tileGrid->setColumnStretch(i, i < tileColumns ? 1 : 0);
        for (int i = 0; i < m_tileOrder.size(); ++i)
            m_tileGrid->addWidget(m_tileOrder.at(i), i / tileColumns, i % tileColumns);
    }
    if (chartColumns != m_chartColumns) {
        m_chartColumns = chartColumns;
        for (int i = 0; i < 2; ++i)
            m_chartGrid->setColumnStretch(i, i < chartColumns ? 1 : 0);
        for (int i = 0; i < m_chartOrder.size(); ++i)
            m_chartGrid->addWidget(m_chartOrder.at(i), i / chartColumns, i % chartColumns);
    }
}

void DashboardPage::setTrendSource(TrendSource* source)
{
    if (m_trendSource)
        disconnect(m_trendSource, nullptr, this, nullptr);
    m_trendSource = source;
    if (source) {
        connect(source, &TrendSource::trendsReady, this, &DashboardPage::showTrends);
        connect(source, &TrendSource::trendsFailed, this, &DashboardPage::onTrendsFailed);
    }
    setRange(m_range);
}

void DashboardPage::setLiveMetricsSource(const LiveMetricsSource* source)
{
    m_liveMetrics = source;
    updateTiles(m_previous);
}

void DashboardPage::setHitRatio(double ratio)
{
    m_hitRatio = ratio;
    updateTiles(m_previous);
}

void DashboardPage::setP99LatencyMs(double milliseconds)
{
    m_p99Ms = milliseconds;
    updateTiles(m_previous);
}

double DashboardPage::hitRatio() const
{
    return m_liveMetrics ? m_liveMetrics->hitRatio() : m_hitRatio;
}

QList<TimeSeriesChart*> DashboardPage::charts() const
{
    return {m_hitRatioChart, m_cacheChart,  m_requestsChart,
            m_latencyChart,  m_statusChart, m_errorsChart};
}

QList<RankingBarChart*> DashboardPage::barCharts() const
{
    return {m_topRequestsChart, m_topHitRatioChart};
}

QString DashboardPage::rangeTitle(TrendRange range)
{
    switch (range) {
    case TrendRange::Live:
        break;
    case TrendRange::LastHour:
        return tr("The last hour");
    case TrendRange::LastDay:
        return tr("The last 24 hours");
    case TrendRange::LastWeek:
        return tr("The last 7 days");
    case TrendRange::LastMonth:
        return tr("The last 30 days");
    }
    return tr("Live traffic");
}

void DashboardPage::setRange(TrendRange range)
{
    m_range = range;
    m_rangeButtons->button(static_cast<int>(range))->setChecked(true);
    // The heading says what the charts show: a trend is no live view.
    m_title->setText(rangeTitle(range));
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    if (range == TrendRange::Live) {
        setChartsOverlay(QString());
        updateLiveCharts();
    } else if (m_trendSource) {
        clearCharts(now - rangeSpanMs(range), now);
        setChartsOverlay(tr("Loading…"));
        m_trendSource->requestTrends(range);
    } else if (range == TrendRange::LastHour && !m_history.points(RateHistory::Seconds).empty()) {
        // No stored history, but the console has been watching: its own
        // 10-second ring covers up to an hour (the 1-second ring until the
        // first 10 seconds are complete).
        const auto resolution = m_history.points(RateHistory::TenSeconds).empty()
                                    ? RateHistory::Seconds
                                    : RateHistory::TenSeconds;
        setChartsOverlay(QString());
        TrendData data;
        data.range = range;
        data.fromMs = now - hourMs;
        data.toMs = now;
        for (const RateHistory::Point& point : m_history.points(resolution)) {
            data.timestampsMs.append(point.timestampMs);
            data.requestsPerSecond.append(point.values.at(Requests));
            for (int i = 0; i < 4; ++i)
                data.statusPerSecond[static_cast<std::size_t>(i)].append(
                    point.values.at(Status2xx + i));
            data.upstreamErrorsPerSecond.append(point.values.at(UpstreamErrors));
        }
        showTrends(data);
    } else {
        clearCharts(now - rangeSpanMs(range), now);
        setChartsOverlay(tr("No history yet"));
    }
}

void DashboardPage::refresh()
{
    m_controller->pollStats();
    setRange(m_range);
}

void DashboardPage::onStatsUpdated(const app::GatewayStatsSample& sample)
{
    if (sample.intervalSeconds > 0.0) {
        QList<double> values(ChannelCount, 0.0);
        values[Requests] = sample.requestsPerSecond;
        if (m_havePrevious) {
            const double seconds = sample.intervalSeconds;
            for (int i = 2; i <= 5; ++i) {
                values[Status2xx + i - 2] =
                    static_cast<double>(delta(sample.statusClass(i), m_previous.statusClass(i))) /
                    seconds;
            }
            values[UpstreamErrors] =
                static_cast<double>(delta(sample.upstreamErrors, m_previous.upstreamErrors)) /
                seconds;
        }
        m_history.addSample(sample.timestampMs, values);
    }
    m_previous = sample;
    m_havePrevious = true;
    updateTiles(sample);
}

void DashboardPage::updateTiles(const app::GatewayStatsSample& sample)
{
    const QLocale locale;
    const bool running = m_controller->state() == app::GatewayController::State::Running;
    const double rate = running ? sample.requestsPerSecond : 0.0;
    m_requestsTile->setValue(locale.toString(rate, 'f', 1));
    m_requestsTile->setDetail(tr("%1 requests in total").arg(locale.toString(sample.requests)));

    const double ratio = hitRatio();
    m_hitRatioTile->setValue(ratio < 0.0 ? KpiTile::notAvailable()
                                         : tr("%1 %").arg(locale.toString(ratio * 100.0, 'f', 1)));
    m_hitRatioTile->setDetail(ratio < 0.0 ? tr("No cache statistics")
                                          : tr("Of cacheable requests"));

    const double p99 = m_liveMetrics ? m_liveMetrics->p99LatencyMs() : m_p99Ms;
    m_p99Tile->setValue(p99 < 0.0 ? KpiTile::notAvailable()
                                  : tr("%1 ms").arg(locale.toString(p99, 'f', 1)));
    m_p99Tile->setDetail(p99 < 0.0 ? tr("No latency statistics") : tr("Gateway to client"));

    const double serverErrors = running ? sample.serverErrorsPerSecond : 0.0;
    const double errorRate = rate > 0.0 ? 100.0 * serverErrors / rate : 0.0;
    m_errorRateTile->setValue(tr("%1 %").arg(locale.toString(errorRate, 'f', 1)));
    m_errorRateTile->setDetail(tr("%1 server errors/s").arg(locale.toString(serverErrors, 'f', 1)));
    m_errorRateTile->setAccent(errorRate >= 1.0 ? StatusColors::bad() : QColor());

    // A cheap snapshot of the store's counters (no recent events).
    const app::CacheSnapshot cache = m_controller->cacheSnapshot(0);
    m_cacheSizeTile->setValue(locale.formattedDataSize(cache.total.bytes, 1));
    m_cacheSizeTile->setDetail(
        tr("%1 objects, %2 budget")
            .arg(locale.toString(cache.total.objects),
                 locale.formattedDataSize(static_cast<qint64>(cache.budgetBytes), 0)));

    const QString notRecorded = notRecordedReason();
    if (!notRecorded.isEmpty()) {
        m_droppedTile->setValue(tr("Not recorded"));
        m_droppedTile->setDetail(tr("This instance stores no calls"));
        m_droppedTile->setAccent(StatusColors::warning());
        m_droppedTile->setToolTip(notRecorded);
        return;
    }
    m_droppedTile->setValue(locale.toString(sample.droppedCallRecords));
    m_droppedTile->setDetail(tr("Since the gateway started"));
    m_droppedTile->setAccent(sample.droppedCallRecords > 0 ? StatusColors::warning() : QColor());
    m_droppedTile->setToolTip(QString());
}

void DashboardPage::setNotRecordedReason(const QString& reason)
{
    if (reason == m_notRecordedReason)
        return;
    m_notRecordedReason = reason;
    updateTiles(m_previous);
}

QString DashboardPage::notRecordedReason() const
{
    if (!m_controller->callRecording())
        return tr("Call logging is turned off: the gateway captures no call records "
                  "(GATEHOUSE_CALL_LOG=off).");
    return m_notRecordedReason;
}

void DashboardPage::updateLiveCharts()
{
    // The newest finished bucket sets "now", so the right edge does not show a
    // gap for the second still being counted.
    qint64 now = QDateTime::currentMSecsSinceEpoch();
    now -= now % 1000;
    const qint64 from = now - liveWindowMs;
    const auto res = RateHistory::Seconds;
    const QList<QPointF> requests = m_history.series(res, Requests);
    // Bare axes tell a first-time user nothing: with no request in the live
    // window the charts say how to get some.
    const bool idle = std::none_of(requests.begin(), requests.end(),
                                   [](const QPointF& p) { return p.y() > 0.0; });
    if (!idle)
        setChartsOverlay(QString());
    m_requestsChart->setData({requests}, from, now);
    m_statusChart->setData({m_history.series(res, Status2xx), m_history.series(res, Status3xx),
                            m_history.series(res, Status4xx), m_history.series(res, Status5xx)},
                           from, now);
    m_errorsChart->setData(
        {m_history.series(res, UpstreamErrors), m_history.series(res, Status5xx)}, from, now);
    // The telemetry pipeline's own live window: cache, hit ratio, latency
    // and per-API figures the gateway's counters do not have.
    const TrendData* live = m_liveMetrics ? m_liveMetrics->liveTrend() : nullptr;
    showTelemetry(live ? *live : TrendData(), from, now);
    showRankings(live ? live->apis : QList<ApiRanking>());
    if (idle)
        setChartsOverlay(m_controller->state() == app::GatewayController::State::Running
                             ? tr("No requests in the last 5 minutes. View > Demo Traffic "
                                  "(Ctrl+T) sends some.")
                             : tr("The gateway is stopped: Gateway > Start Gateway starts it."));
}

void DashboardPage::showTelemetry(const TrendData& data, qint64 fromMs, qint64 toMs)
{
    const QList<qint64>& t = data.timestampsMs;
    const QList<QPointF> hitRatio = toPoints(t, data.hitRatioPercent);
    m_hitRatioChart->setData({hitRatio}, fromMs, toMs);
    if (!t.isEmpty()) // otherwise the page-wide overlay ("Loading…", "No history yet") stays
        m_hitRatioChart->setOverlayText(hitRatio.isEmpty() ? tr("No cacheable requests")
                                                           : QString());
    QList<QList<QPointF>> cache;
    for (const QList<double>& values : data.cachePerSecond)
        cache.append(toPoints(t, values));
    m_cacheChart->setData(cache, fromMs, toMs);
    QList<QList<QPointF>> latency;
    for (const QList<double>& values : data.latencyMs)
        latency.append(toPoints(t, values));
    m_latencyChart->setData(latency, fromMs, toMs);
}

void DashboardPage::showRankings(const QList<ApiRanking>& apis)
{
    QStringList names;
    QList<double> requests;
    for (const ApiRanking& api : apis.mid(0, topApiCount)) {
        names.append(api.name);
        requests.append(api.requests);
    }
    m_topRequestsChart->setData(names, requests);
    const QString empty = m_range == TrendRange::Live ? tr("No API traffic in the last 5 minutes")
                                                      : tr("No API traffic in this range");
    m_topRequestsChart->setOverlayText(requests.isEmpty() ? empty : QString());

    QList<ApiRanking> cached;
    for (const ApiRanking& api : apis) {
        if (api.hitRatioPercent >= 0.0)
            cached.append(api);
    }
    std::stable_sort(cached.begin(), cached.end(), [](const ApiRanking& a, const ApiRanking& b) {
        return a.hitRatioPercent > b.hitRatioPercent;
    });
    names.clear();
    QList<double> ratios;
    for (const ApiRanking& api : cached.mid(0, topApiCount)) {
        names.append(api.name);
        ratios.append(api.hitRatioPercent);
    }
    m_topHitRatioChart->setData(names, ratios);
    m_topHitRatioChart->setOverlayText(
        ratios.isEmpty() ? (requests.isEmpty() ? empty : tr("No cacheable API traffic"))
                         : QString());
}

void DashboardPage::showTrends(const TrendData& data)
{
    if (data.range != m_range)
        return; // an answer for a range no longer shown
    const QList<qint64>& t = data.timestampsMs;
    const qint64 to = data.toMs > 0 ? data.toMs : QDateTime::currentMSecsSinceEpoch();
    const qint64 from = data.fromMs > 0 ? data.fromMs : to - rangeSpanMs(data.range);
    setChartsOverlay(t.isEmpty() ? tr("No history yet") : QString());
    m_requestsChart->setData({toPoints(t, data.requestsPerSecond)}, from, to);
    QList<QList<QPointF>> status;
    for (const QList<double>& values : data.statusPerSecond)
        status.append(toPoints(t, values));
    m_statusChart->setData(status, from, to);
    m_errorsChart->setData(
        {toPoints(t, data.upstreamErrorsPerSecond), toPoints(t, data.statusPerSecond[3])}, from,
        to);
    showTelemetry(data, from, to);
    showRankings(data.apis);
}

void DashboardPage::onTrendsFailed(TrendRange range, const QString& message)
{
    if (range == m_range)
        setChartsOverlay(tr("History could not be loaded: %1").arg(message));
}

void DashboardPage::setChartsOverlay(const QString& text)
{
    for (TimeSeriesChart* chart : charts())
        chart->setOverlayText(text);
}

void DashboardPage::clearCharts(qint64 fromMs, qint64 toMs)
{
    for (TimeSeriesChart* chart : charts())
        chart->setData({}, fromMs, toMs);
    for (RankingBarChart* chart : barCharts())
        chart->setData({}, {});
}

} // namespace gatehouse::ui
