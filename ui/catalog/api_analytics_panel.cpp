// SPDX-FileCopyrightText: Gatehouse contributors
// SPDX-License-Identifier: Apache-2.0
#include "ui/catalog/api_analytics_panel.h"

#include "app/gateway_controller.h"
#include "app/telemetry/live_summary.h"
#include "app/telemetry/telemetry_service.h"
#include "ui/charts/time_series_chart.h"
#include "ui/dashboard/kpi_tile.h"
#include "ui/status_colors.h"

#include <QButtonGroup>
#include <QDateTime>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QScrollArea>
#include <QStackedWidget>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>
#include <limits>

namespace gatehouse::ui {

namespace {

constexpr qint64 minuteMs = 60'000;
constexpr qint64 hourMs = 60 * minuteMs;
constexpr qint64 dayMs = 24 * hourMs;
constexpr int defaultRefreshMs = 10'000;
// A refresh while an answer is on its way lets it arrive, unless it is
// this late (the query thread is busy with something long).
constexpr qint64 patienceMs = 5'000;
constexpr qint64 usPerSecond = 1'000'000;
constexpr qint64 settleUs = 1'000'000;
// The live charts' window and what the live tiles summarise, as on the
// dashboard.
constexpr int liveSeconds = app::LiveSummary::seriesSeconds;
constexpr int recentSeconds = app::LiveSummary::recentSeconds;
constexpr double noData = std::numeric_limits<double>::quiet_NaN();
constexpr double quantiles[3] = {50.0, 95.0, 99.0};

qint64 alignDown(qint64 value, qint64 step)
{
    return value - ((value % step) + step) % step;
}

} // namespace

ApiAnalyticsPanel::Shape ApiAnalyticsPanel::shapeOf(Range range)
{
    // 60 minute, 24 hour, 168 hour and 30 day points: enough to see a
    // shape, few enough to read each one.
    switch (range) {
    case Range::LastHour:
    case Range::Live: // not read from the rollups
        break;
    case Range::LastDay:
        return {dayMs, app::TrendBucket::Hour, hourMs};
    case Range::LastWeek:
        return {7 * dayMs, app::TrendBucket::Hour, hourMs};
    case Range::LastMonth:
        return {30 * dayMs, app::TrendBucket::Day, dayMs};
    }
    return {hourMs, app::TrendBucket::Minute, minuteMs};
}

ApiAnalyticsPanel::ApiAnalyticsPanel(app::GatewayController* gateway, QWidget* parent)
    : QWidget(parent)
    , m_gateway(gateway)
    , m_live(LiveChannelCount, liveSeconds, 1)
    , m_timer(new QTimer(this))
    , m_liveTimer(new QTimer(this))
{
    setObjectName(QStringLiteral("apiAnalyticsPanel"));
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 4, 0, 0);

    auto* header = new QHBoxLayout;
    m_summary = new QLabel(this);
    m_summary->setObjectName(QStringLiteral("analyticsSummary"));
    m_summary->setWordWrap(true);
    header->addWidget(m_summary, 1);
    m_rangeButtons = new QButtonGroup(this);
    const struct {
        Range range;
        QString text;
        QString tip;
    } ranges[] = {
        {Range::Live, tr("Live"), tr("The last five minutes, one point per second")},
        {Range::LastHour, tr("1 h"), tr("The last hour, one point per minute")},
        {Range::LastDay, tr("24 h"), tr("The last 24 hours, one point per hour")},
        {Range::LastWeek, tr("7 d"), tr("The last 7 days, one point per hour")},
        {Range::LastMonth, tr("30 d"), tr("The last 30 days, one point per day (UTC)")},
    };
    for (const auto& r : ranges) {
        auto* button = new QToolButton(this);
        button->setText(r.text);
        button->setToolTip(r.tip);
        button->setCheckable(true);
        button->setAutoRaise(true);
        button->setObjectName(QStringLiteral("analyticsRange%1Button").arg(int(r.range)));
        m_rangeButtons->addButton(button, int(r.range));
        header->addWidget(button, 0, Qt::AlignTop);
    }
    m_rangeButtons->button(int(m_range))->setChecked(true);
    connect(m_rangeButtons, &QButtonGroup::idClicked, this,
            [this](int id) { setRange(static_cast<Range>(id)); });
    layout->addLayout(header);

    m_stack = new QStackedWidget(this);
    m_note = new QLabel(m_stack);
    m_note->setObjectName(QStringLiteral("analyticsNote"));
    m_note->setAlignment(Qt::AlignCenter);
    m_note->setWordWrap(true);
    m_note->setMargin(12);
    m_stack->addWidget(m_note);

    auto* scroll = new QScrollArea(m_stack);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    auto* content = new QWidget;
    auto* column = new QVBoxLayout(content);
    column->setContentsMargins(0, 0, 0, 0);
    column->setSpacing(8);
    auto* tiles = new QGridLayout;
    tiles->setSpacing(6);
    const auto tile = [&](const char* name, const QString& caption, int row, int col) {
        auto* t = new KpiTile(QLatin1String(name), content);
        t->setCaption(caption);
        tiles->addWidget(t, row, col);
        return t;
    };
    // Two columns: the pane is narrow, and a tile's detail line does not wrap.
    m_requests = tile("apiRequestsTile", tr("Requests"), 0, 0);
    m_hitRatio = tile("apiHitRatioTile", tr("Cache hit ratio"), 0, 1);
    m_errorRate = tile("apiErrorRateTile", tr("Error rate"), 1, 0);
    m_latency[0] = tile("apiP50Tile", tr("p50 latency"), 1, 1);
    m_latency[1] = tile("apiP95Tile", tr("p95 latency"), 2, 0);
    m_latency[2] = tile("apiP99Tile", tr("p99 latency"), 2, 1);
    for (int c = 0; c < 2; ++c)
        tiles->setColumnStretch(c, 1);
    column->addLayout(tiles);

    m_requestsChart = new TimeSeriesChart(content);
    m_requestsChart->setObjectName(QStringLiteral("apiRequestsChart"));
    m_requestsChart->setTimeAxisTitle(tr("Time"));
    m_requestsChart->setValueDecimals(0);
    m_requestsChart->setSeries(
        {tr("Hit"), tr("Miss"), tr("Stale"), tr("Revalidated"), tr("Bypass"), tr("Not cached")},
        {StatusColors::good(), StatusColors::warning(), QColor(0x8e, 0x6c, 0xc8),
         StatusColors::info(), QColor(0x90, 0x90, 0x90), QColor(0x5c, 0x7c, 0x99)},
        TimeSeriesChart::Style::StackedAreas);
    m_requestsChart->setLegendShowsEmptySeries(false);
    m_hitRatioChart = new TimeSeriesChart(content);
    m_hitRatioChart->setObjectName(QStringLiteral("apiHitRatioChart"));
    m_hitRatioChart->setTitle(tr("Cache hit ratio"));
    m_hitRatioChart->setValueAxisTitle(tr("Hit ratio (%)"));
    m_hitRatioChart->setTimeAxisTitle(tr("Time"));
    m_hitRatioChart->setValueSuffix(tr(" %"));
    m_hitRatioChart->setFixedValueMaximum(100.0);
    m_hitRatioChart->setSeries({tr("Hits of cacheable requests")}, {StatusColors::good()});
    m_latencyChart = new TimeSeriesChart(content);
    m_latencyChart->setObjectName(QStringLiteral("apiLatencyChart"));
    m_latencyChart->setTitle(tr("Latency percentiles"));
    m_latencyChart->setValueAxisTitle(tr("Latency (ms)"));
    m_latencyChart->setTimeAxisTitle(tr("Time"));
    m_latencyChart->setValueSuffix(tr(" ms"));
    m_latencyChart->setValueDecimals(2);
    m_latencyChart->setSeries({tr("p50"), tr("p95"), tr("p99")},
                              {StatusColors::good(), StatusColors::warning(), StatusColors::bad()});
    for (TimeSeriesChart* chart : {m_requestsChart, m_hitRatioChart, m_latencyChart}) {
        // Room for the title, legend and a readable value axis title.
        chart->setMinimumHeight(280);
        column->addWidget(chart);
    }
    column->addStretch(1);
    scroll->setWidget(content);
    m_stack->addWidget(scroll);
    layout->addWidget(m_stack, 1);

    m_timer->setInterval(defaultRefreshMs);
    connect(m_timer, &QTimer::timeout, this, &ApiAnalyticsPanel::refresh);
    m_liveTimer->setInterval(1000);
    m_liveTimer->setTimerType(Qt::CoarseTimer);
    connect(m_liveTimer, &QTimer::timeout, this, &ApiAnalyticsPanel::refresh);
    applyRangeTexts();
    showNote(tr("Select an API to see its analytics."));
    if (m_gateway) {
        connect(m_gateway, &app::GatewayController::stateChanged, this,
                &ApiAnalyticsPanel::followGateway);
    }
    followGateway();
}

void ApiAnalyticsPanel::setTelemetryService(app::TelemetryService* service)
{
    if (m_service == service)
        return;
    if (m_service)
        disconnect(m_service, nullptr, this, nullptr);
    m_service = service;
    m_pending = 0;
    m_haveFigures = false;
    m_live.clear(); // another service: another live window
    m_liveApi = 0;
    m_liveFedUs = -1;
    if (service) {
        connect(service, &app::TelemetryService::trendsReady, this, &ApiAnalyticsPanel::onTrends);
        connect(service, &app::TelemetryService::queryFailed, this, &ApiAnalyticsPanel::onFailed);
    }
    if (isVisible())
        refresh();
}

void ApiAnalyticsPanel::setApi(quint64 apiId)
{
    if (apiId == m_apiId)
        return;
    m_apiId = apiId;
    m_pending = 0; // whatever is on its way is about another API
    m_haveFigures = false;
    if (isVisible())
        refresh();
    else
        showNote(QString());
}

void ApiAnalyticsPanel::setRange(Range range)
{
    m_rangePicked = true;
    applyRange(range);
}

void ApiAnalyticsPanel::applyRange(Range range)
{
    m_rangeButtons->button(int(range))->setChecked(true);
    if (range == m_range)
        return;
    m_range = range;
    m_pending = 0;
    m_haveFigures = false;
    applyRangeTexts();
    if (isVisible()) {
        startTimers();
        refresh();
    }
}

void ApiAnalyticsPanel::followGateway()
{
    if (m_rangePicked)
        return;
    const bool running = m_gateway && m_gateway->state() == app::GatewayController::State::Running;
    applyRange(running ? Range::Live : Range::LastHour);
}

void ApiAnalyticsPanel::startTimers()
{
    const bool live = m_range == Range::Live;
    (live ? m_timer : m_liveTimer)->stop();
    (live ? m_liveTimer : m_timer)->start();
}

void ApiAnalyticsPanel::applyRangeTexts()
{
    // Counts per bucket for trends, rates for Live.
    const bool live = m_range == Range::Live;
    m_requestsChart->setTitle(requestsChartTitle());
    m_requestsChart->setValueAxisTitle(live ? tr("Requests/s") : tr("Requests"));
    m_requestsChart->setValueSuffix(live ? tr(" req/s") : tr(" requests"));
    // Live seconds are points on lines; trend buckets are blocks.
    m_requestsChart->setStackedBucketMs(live ? 0 : shapeOf(m_range).bucketMs);
}

void ApiAnalyticsPanel::setRefreshInterval(int ms)
{
    m_timer->setInterval(ms);
}

int ApiAnalyticsPanel::refreshIntervalMs() const
{
    return m_timer->interval();
}

QString ApiAnalyticsPanel::noteText() const
{
    return showsFigures() ? QString() : m_note->text();
}

bool ApiAnalyticsPanel::showsFigures() const
{
    return m_stack->currentIndex() == 1;
}

QString ApiAnalyticsPanel::rangeText() const
{
    switch (m_range) {
    case Range::LastHour:
        break;
    case Range::Live:
        return tr("the last 5 minutes");
    case Range::LastDay:
        return tr("the last 24 hours");
    case Range::LastWeek:
        return tr("the last 7 days");
    case Range::LastMonth:
        return tr("the last 30 days");
    }
    return tr("the last hour");
}

QString ApiAnalyticsPanel::requestsChartTitle() const
{
    if (m_range == Range::Live)
        return tr("Requests per second by cache status");
    switch (shapeOf(m_range).bucket) {
    case app::TrendBucket::Minute:
        break;
    case app::TrendBucket::Hour:
        return tr("Requests per hour by cache status");
    case app::TrendBucket::Day:
        return tr("Requests per day by cache status");
    }
    return tr("Requests per minute by cache status");
}

void ApiAnalyticsPanel::refresh()
{
    if (!m_service) {
        m_pending = 0;
        showNote(tr("Analytics are not available: calls are not being logged (the telemetry "
                    "database is not open)."));
        return;
    }
    if (m_apiId == 0) {
        showNote(tr("Select an API to see its analytics."));
        return;
    }
    if (m_range == Range::Live) {
        refreshLive();
        return;
    }
    const qint64 nowMs = QDateTime::currentMSecsSinceEpoch();
    if (m_pending != 0 && nowMs - m_askedMs < patienceMs)
        return;
    if (!m_haveFigures)
        showNote(tr("Loading analytics…"));
    // Whole buckets, the newest one still filling: "the last hour" is the
    // last 60 minutes including this one.
    const Shape shape = shapeOf(m_range);
    m_toMs = nowMs;
    m_fromMs = alignDown(nowMs - shape.spanMs, shape.bucketMs) + shape.bucketMs;
    m_askedMs = nowMs;
    m_pending = m_service->requestTrends(m_fromMs * 1000, m_toMs * 1000, shape.bucket, m_apiId);
}

void ApiAnalyticsPanel::onTrends(quint64 requestId, const std::vector<app::RollupBucket>& buckets)
{
    if (requestId == 0 || requestId != m_pending)
        return; // another view's query, or one this panel no longer wants
    m_pending = 0;
    showBuckets(buckets);
    ++m_replies;
    emit refreshed();
}

void ApiAnalyticsPanel::onFailed(quint64 requestId, const QString& message)
{
    if (requestId == 0 || requestId != m_pending)
        return;
    m_pending = 0;
    m_haveFigures = false;
    showNote(tr("Cannot read this API's analytics: %1").arg(message));
    ++m_replies;
    emit refreshed();
}

void ApiAnalyticsPanel::showBuckets(const std::vector<app::RollupBucket>& buckets)
{
    app::TrafficCounters total;
    app::LatencyHistogram latency;
    QList<QList<QPointF>> cache(6);
    QList<QList<QPointF>> ratio(1);
    QList<QList<QPointF>> percentiles(3);
    // The axis spans whole buckets, the one still filling included, so the
    // newest block of the requests chart is not cut off at "now".
    const qint64 bucketMs = shapeOf(m_range).bucketMs;
    qint64 fromMs = m_fromMs;
    qint64 toMs = m_toMs;
    for (const app::RollupBucket& b : buckets) {
        const qint64 startMs = b.bucketStartUs / 1000;
        fromMs = std::min(fromMs, startMs);
        toMs = std::max(toMs, startMs + bucketMs);
        const double x = static_cast<double>(startMs);
        const app::TrafficCounters& c = b.counters;
        total.merge(c);
        latency.merge(b.latency);
        const quint64 sorted = c.hits + c.misses + c.stale + c.revalidated + c.bypass;
        const quint64 values[6] = {c.hits,   c.misses,
                                   c.stale,  c.revalidated,
                                   c.bypass, c.requests > sorted ? c.requests - sorted : 0};
        for (int i = 0; i < 6; ++i)
            cache[i].append(QPointF(x, static_cast<double>(values[i])));
        if (app::cacheLookups(c) > 0)
            ratio[0].append(QPointF(x, 100.0 * c.hitRatio()));
        if (!b.latency.isEmpty()) {
            for (int i = 0; i < 3; ++i)
                percentiles[i].append(
                    QPointF(x, static_cast<double>(b.latency.percentile(quantiles[i])) / 1000.0));
        }
    }
    if (total.requests == 0) {
        m_haveFigures = false;
        showNote(tr("No calls to this API in %1. Calls through the gateway show up here within "
                    "seconds.")
                     .arg(rangeText()));
        return;
    }
    m_haveFigures = true;
    const QLocale locale;
    m_summary->setText(tr("Calls to this API in %1.").arg(rangeText()));
    m_requests->setValue(locale.toString(total.requests));
    m_requests->setDetail(tr("%1 sent, %2 received")
                              .arg(locale.formattedDataSize(qint64(total.bytesOut)),
                                   locale.formattedDataSize(qint64(total.bytesIn))));
    showTotals(total, latency);

    m_requestsChart->setData(cache, fromMs, toMs);
    m_hitRatioChart->setData(ratio, fromMs, toMs);
    m_hitRatioChart->setOverlayText(
        app::cacheLookups(total) > 0
            ? QString()
            : tr("No cacheable calls: this API's responses are not cached."));
    m_latencyChart->setData(percentiles, fromMs, toMs);
    m_stack->setCurrentIndex(1);
}

void ApiAnalyticsPanel::showTotals(const app::TrafficCounters& total,
                                   const app::LatencyHistogram& latency)
{
    const QLocale locale;
    const quint64 lookups = app::cacheLookups(total);
    if (lookups > 0) {
        m_hitRatio->setValue(tr("%1 %").arg(locale.toString(100.0 * total.hitRatio(), 'f', 1)));
        m_hitRatio->setDetail(
            tr("%1 of %2 cacheable calls")
                .arg(locale.toString(total.hits + total.stale + total.revalidated),
                     locale.toString(lookups)));
    } else {
        m_hitRatio->setValue(KpiTile::notAvailable());
        m_hitRatio->setDetail(tr("No cacheable calls"));
    }
    const quint64 clientErrors = total.statusClasses[4];
    const quint64 serverErrors = total.statusClasses[5];
    const double errorShare = total.requests > 0
                                  ? 100.0 * static_cast<double>(clientErrors + serverErrors) /
                                        static_cast<double>(total.requests)
                                  : 0.0;
    m_errorRate->setValue(total.requests > 0 ? tr("%1 %").arg(locale.toString(errorShare, 'f', 1))
                                             : KpiTile::notAvailable());
    m_errorRate->setDetail(
        tr("4xx: %1, 5xx: %2").arg(locale.toString(clientErrors), locale.toString(serverErrors)));
    m_errorRate->setAccent(serverErrors > 0 ? StatusColors::bad() : QColor());
    const QString detail[3] = {tr("Half the calls were faster"), tr("95 % were faster"),
                               tr("99 % were faster")};
    for (int i = 0; i < 3; ++i) {
        if (latency.isEmpty()) {
            m_latency[i]->setValue(KpiTile::notAvailable());
        } else {
            const double ms = static_cast<double>(latency.percentile(quantiles[i])) / 1000.0;
            const int decimals = ms < 10.0 ? 2 : ms < 100.0 ? 1 : 0;
            m_latency[i]->setValue(tr("%1 ms").arg(locale.toString(ms, 'f', decimals)));
        }
        m_latency[i]->setDetail(detail[i]);
    }
}

namespace {

// One second of the live window as the ring's channels.
QList<double> liveValues(const app::LivePoint& p)
{
    const app::TrafficCounters& c = p.counters;
    const quint64 sorted = c.hits + c.misses + c.stale + c.revalidated + c.bypass;
    const bool any = c.requests > 0;
    const auto ms = [any](quint64 us) {
        return any ? static_cast<double>(us) / 1000.0 : noData;
    };
    return {static_cast<double>(c.requests),
            static_cast<double>(c.hits),
            static_cast<double>(c.misses),
            static_cast<double>(c.stale),
            static_cast<double>(c.revalidated),
            static_cast<double>(c.bypass),
            static_cast<double>(c.requests > sorted ? c.requests - sorted : 0),
            app::cacheLookups(c) > 0 ? 100.0 * c.hitRatio() : noData,
            ms(p.p50Us),
            ms(p.p95Us),
            ms(p.p99Us)};
}

} // namespace

void ApiAnalyticsPanel::refreshLive()
{
    const std::shared_ptr<const app::LiveSeries> live = m_service->liveSeries();
    if (!live) {
        m_haveFigures = false;
        showNote(tr("Live figures are not available: telemetry is not running."));
        ++m_replies;
        emit refreshed();
        return;
    }
    // A second is read once, when it ended at least settleUs ago, so that
    // its calls have reached the live window (the writer drains the rings
    // within milliseconds, a busy one later): the ring keeps what it read.
    const qint64 settledUs = QDateTime::currentMSecsSinceEpoch() * 1000 - usPerSecond - settleUs;
    const qint64 lastSecondUs = settledUs - settledUs % usPerSecond;
    if (m_liveApi != m_apiId) {
        m_live.clear();
        m_liveApi = m_apiId;
        m_liveFedUs = -1;
    }
    // Only the seconds not read yet: usually one.
    qint64 missing = m_liveFedUs < 0 ? liveSeconds : (lastSecondUs - m_liveFedUs) / usPerSecond;
    if (missing >= liveSeconds) { // a first look, or hidden for a while
        m_live.clear();
        missing = liveSeconds;
    }
    if (missing > 0) {
        for (const app::LivePoint& p : live->snapshot(int(missing), m_apiId, settledUs))
            m_live.addSecond(p.secondUs / 1000, liveValues(p));
        m_liveFedUs = lastSecondUs;
    }
    showLive(live->window(recentSeconds, settledUs, m_apiId), (lastSecondUs + usPerSecond) / 1000);
    ++m_replies;
    emit refreshed();
}

void ApiAnalyticsPanel::showLive(const app::LiveSeries::Window& recent, qint64 edgeMs)
{
    const auto res = RateHistory::Seconds;
    double calls = 0;
    double lookups = 0;
    for (const RateHistory::Point& p : m_live.points(res)) {
        calls += p.values.at(LiveRequests);
        for (int c : {LiveHits, LiveMisses, LiveStale, LiveRevalidated})
            lookups += p.values.at(c);
    }
    if (calls == 0 && recent.counters.requests == 0) {
        m_haveFigures = false;
        showNote(tr("No calls to this API in %1. Calls through the gateway show up here within "
                    "seconds.")
                     .arg(rangeText()));
        return;
    }
    m_haveFigures = true;
    const QLocale locale;
    m_summary->setText(tr("Live: calls to this API in the last 5 minutes, one point per second; "
                          "the figures cover the last %1 seconds.")
                           .arg(recentSeconds));
    m_requests->setValue(tr("%1/s").arg(
        locale.toString(static_cast<double>(recent.counters.requests) / recentSeconds, 'f', 1)));
    m_requests->setDetail(
        tr("Calls in the last 5 minutes: %1").arg(locale.toString(qint64(std::llround(calls)))));
    showTotals(recent.counters, recent.latency);

    const qint64 fromMs = edgeMs - qint64(liveSeconds) * 1000;
    QList<QList<QPointF>> cache;
    for (int c = LiveHits; c <= LiveNotCached; ++c)
        cache.append(m_live.series(res, c));
    m_requestsChart->setData(cache, fromMs, edgeMs);
    m_hitRatioChart->setData({m_live.series(res, LiveHitRatio)}, fromMs, edgeMs);
    m_hitRatioChart->setOverlayText(
        lookups > 0 || app::cacheLookups(recent.counters) > 0
            ? QString()
            : tr("No cacheable calls: this API's responses are not cached."));
    m_latencyChart->setData(
        {m_live.series(res, LiveP50), m_live.series(res, LiveP95), m_live.series(res, LiveP99)},
        fromMs, edgeMs);
    m_stack->setCurrentIndex(1);
}

void ApiAnalyticsPanel::showNote(const QString& text)
{
    m_note->setText(text);
    m_summary->setText(QString());
    m_stack->setCurrentIndex(0);
}

void ApiAnalyticsPanel::showEvent(QShowEvent* event)
{
    QWidget::showEvent(event);
    startTimers();
    refresh();
}

void ApiAnalyticsPanel::hideEvent(QHideEvent* event)
{
    QWidget::hideEvent(event);
    m_timer->stop();
    m_liveTimer->stop();
}

} // namespace gatehouse::ui
