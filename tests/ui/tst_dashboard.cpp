// SPDX-FileCopyrightText: Gatehouse contributors
// SPDX-License-Identifier: Apache-2.0
#include "ui/dashboard/dashboard_page.h"

#include "app/demo_workspace.h"
#include "app/gateway_controller.h"
#include "screenshot.h"
#include "tests/support/test_http.h"
#include "ui/charts/ranking_bar_chart.h"
#include "ui/charts/time_series_chart.h"
#include "ui/dashboard/kpi_tile.h"

#include <QAbstractAxis>
#include <QAbstractButton>
#include <QDateTime>
#include <QDir>
#include <QImage>
#include <QLabel>
#include <QLegend>
#include <QLegendMarker>
#include <QLineSeries>
#include <QLocale>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QToolTip>

#include <atomic>
#include <memory>
#include <thread>

using gatehouse::app::DemoWorkspace;
using gatehouse::app::GatewayController;
using gatehouse::ui::DashboardPage;
using gatehouse::ui::KpiTile;
using gatehouse::ui::RankingBarChart;
using gatehouse::ui::TimeSeriesChart;
using gatehouse::ui::TrendData;
using gatehouse::ui::TrendRange;
using gatehouse::ui::TrendSource;
using State = GatewayController::State;
namespace http = gatehouse::test;

namespace {

// Answers every request at once with one bucket per minute of steady traffic.
class FakeTrendSource : public TrendSource {
public:
    using TrendSource::TrendSource;
    void requestTrends(TrendRange range) override
    {
        ++requests;
        TrendData data;
        data.range = range;
        data.toMs = QDateTime::currentMSecsSinceEpoch();
        data.fromMs = data.toMs - 24 * 3600 * 1000LL;
        for (int i = 0; i < 24 * 60; i += 10) {
            data.timestampsMs.append(data.fromMs + i * 60 * 1000LL);
            data.requestsPerSecond.append(40.0 + i % 7);
            data.statusPerSecond[0].append(35.0);
            data.statusPerSecond[1].append(1.0);
            data.statusPerSecond[2].append(3.0);
            data.statusPerSecond[3].append(1.0 + i % 3);
            data.upstreamErrorsPerSecond.append(0.5);
        }
        emit trendsReady(data);
    }
    int requests = 0;
};

} // namespace

class TestDashboard : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void startsEmpty();
    void trafficFillsChartsAndTiles();
    void exportsPng();
    void hoverShowsValue();
    void everyChartHasAxisTitlesAndALegend();
    void liveMetricsSourceFeedsTiles();
    void rangeWithoutProviderSaysNoHistory();
    void rangeUsesTrendSource();
    void narrowPageStacksTilesAndCharts();
    void legendMovesBesideANarrowChart();

private:
    KpiTile* tile(const char* name) const
    {
        auto* label = m_page->findChild<QLabel*>(QLatin1String(name));
        return label ? qobject_cast<KpiTile*>(label->parentWidget()) : nullptr;
    }
    TimeSeriesChart* chart(const char* name) const
    {
        return m_page->findChild<TimeSeriesChart*>(QLatin1String(name));
    }
    void saveScreenshot(const QString& fileName);

    DemoWorkspace m_demo;
    std::unique_ptr<GatewayController> m_controller;
    std::unique_ptr<DashboardPage> m_page;
};

void TestDashboard::initTestCase()
{
    qputenv("XDG_RUNTIME_DIR", QDir::tempPath().toLocal8Bit());
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY2(m_demo.startOrigin(), qPrintable(m_demo.lastError()));
    m_controller = std::make_unique<GatewayController>();
    m_controller->setStatsInterval(200);
    m_controller->setDrainTimeout(std::chrono::milliseconds(1000));
    QVERIFY2(m_controller->applyConfig(m_demo.snapshot()), qPrintable(m_controller->lastError()));
    auto options = DemoWorkspace::defaultOptions();
    options.port = 0;
    options.threads = 2;
    m_controller->setOptions(options);
    m_page = std::make_unique<DashboardPage>(m_controller.get());
    m_page->resize(1100, 760);
    m_page->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_page.get()));
}

void TestDashboard::cleanupTestCase()
{
    m_page.reset();
    if (m_controller)
        m_controller->stopAndWait(std::chrono::milliseconds(500));
    m_controller.reset();
    m_demo.stopOrigin();
}

void TestDashboard::saveScreenshot(const QString& fileName)
{
    QString dir = qEnvironmentVariable("GATEHOUSE_TEST_ARTIFACTS");
    if (dir.isEmpty())
        dir = QDir::currentPath() + QStringLiteral("/test-artifacts");
    QVERIFY(QDir().mkpath(dir));
    const QString path = dir + QLatin1Char('/') + fileName;
    QVERIFY2(m_page->grab().save(path), qPrintable(path));
    qInfo() << "screenshot:" << path;
}

void TestDashboard::startsEmpty()
{
    QCOMPARE(m_page->charts().size(), 6);
    QCOMPARE(m_page->barCharts().size(), 2);
    QCOMPARE(chart("requestsChart")->points(0).size(), 0);
    QCOMPARE(tile("hitRatioTile")->value(), KpiTile::notAvailable());
    QCOMPARE(tile("p99LatencyTile")->value(), KpiTile::notAvailable());
    QCOMPARE(chart("statusChart")->seriesCount(), 4);
    QCOMPARE(m_page->range(), TrendRange::Live);
    // No bare axes: every chart says why it is empty and what to do.
    for (TimeSeriesChart* c : m_page->charts())
        QCOMPARE(c->overlayText(),
                 DashboardPage::tr("The gateway is stopped: Gateway > Start Gateway starts it."));
}

void TestDashboard::trafficFillsChartsAndTiles()
{
    QVERIFY(m_controller->start());
    QTRY_COMPARE(m_controller->state(), State::Running);
    const quint16 port = m_controller->port();
    const QString idle =
        DashboardPage::tr("No requests in the last 5 minutes. View > Demo Traffic (Ctrl+T) sends "
                          "some.");
    QTRY_COMPARE(chart("requestsChart")->overlayText(), idle);
    saveScreenshot(QStringLiteral("dashboard_idle.png"));

    std::atomic<bool> stop{false};
    std::atomic<int> sent{0};
    std::thread traffic([&] {
        int i = 0;
        while (!stop.load()) {
            const std::string target =
                (++i % 10 == 0) ? "/missing" : "/shop/" + std::to_string(i % 20 + 1);
            http::http_request(port, "GET", target);
            ++sent;
        }
    });
    QTest::qWait(3500);
    // Requests/s and connections are read while traffic still flows.
    const double rate = QLocale().toDouble(tile("requestsPerSecondTile")->value());
    stop = true;
    traffic.join();
    QVERIFY2(sent.load() > 20, qPrintable(QString::number(sent.load())));
    QVERIFY2(rate > 0.0, qPrintable(tile("requestsPerSecondTile")->value()));

    TimeSeriesChart* requests = chart("requestsChart");
    QTRY_VERIFY(requests->points(0).size() >= 2);
    bool nonZero = false;
    for (const QPointF& point : requests->points(0))
        nonZero = nonZero || point.y() > 0.0;
    QVERIFY(nonZero);
    // Traffic takes the note away.
    for (TimeSeriesChart* c : m_page->charts())
        QVERIFY2(c->overlayText() != idle, qPrintable(c->objectName()));
    QCOMPARE(requests->overlayText(), QString());
    QVERIFY(!chart("statusChart")->points(0).isEmpty()); // 2xx
    QTRY_VERIFY(m_page->history().latest(gatehouse::ui::RateHistory::Seconds,
                                         DashboardPage::Status4xx) >= 0.0);
    QVERIFY(tile("requestsPerSecondTile")->value() != KpiTile::notAvailable());
    // /shop/N is cacheable; every tenth request goes to /missing instead,
    // so /shop/1 and /shop/11 are never asked for: 18 stored products.
    QTRY_VERIFY2(tile("cacheSizeTile")->detail().startsWith(QLocale().toString(18) + u' '),
                 qPrintable(tile("cacheSizeTile")->detail()));
    QVERIFY(tile("cacheSizeTile")->value() != QLocale().formattedDataSize(0, 1));
    // The 404s are client errors, not server errors.
    QCOMPARE(tile("errorRateTile")->value(),
             DashboardPage::tr("%1 %").arg(QLocale().toString(0.0, 'f', 1)));

    m_page->setHitRatio(0.732);
    QCOMPARE(tile("hitRatioTile")->value(),
             DashboardPage::tr("%1 %").arg(QLocale().toString(73.2, 'f', 1)));
    m_page->setP99LatencyMs(12.5);
    QVERIFY(tile("p99LatencyTile")->value().contains(QLocale().toString(12.5, 'f', 1)));
    saveScreenshot(QStringLiteral("dashboard_live.png"));
    m_page->setHitRatio(-1.0);
    m_page->setP99LatencyMs(-1.0);
}

void TestDashboard::exportsPng()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    for (TimeSeriesChart* c : m_page->charts()) {
        const QString path = dir.filePath(c->objectName() + QStringLiteral(".png"));
        QVERIFY(c->exportPng(path));
        const QImage image(path);
        QVERIFY(!image.isNull());
        QCOMPARE(image.size(), c->grab().size());
        QVERIFY(QFileInfo(path).size() > 1000);
    }
    for (RankingBarChart* c : m_page->barCharts()) {
        const QString path = dir.filePath(c->objectName() + QStringLiteral(".png"));
        QVERIFY2(c->exportPng(path), qPrintable(c->objectName()));
        const QImage image(path);
        QVERIFY(!image.isNull());
        QCOMPARE(image.size(), c->grab().size());
    }
    QVERIFY(!chart("requestsChart")->exportPng(QStringLiteral("/nonexistent/dir/x.png")));
    QVERIFY(!m_page->topRequestsChart()->exportPng(QStringLiteral("/nonexistent/dir/x.png")));
}

void TestDashboard::hoverShowsValue()
{
    TimeSeriesChart* errors = chart("errorsChart"); // lines: the hovered series is a QLineSeries
    const QList<QPointF> points = errors->points(1);
    QVERIFY(!points.isEmpty());
    QLineSeries* series = nullptr;
    for (QAbstractSeries* s : errors->chart()->series()) {
        if (s->name() == errors->seriesNames().value(1))
            series = qobject_cast<QLineSeries*>(s);
    }
    QVERIFY(series);
    emit series->hovered(points.last() + QPointF(100.0, 0.0), true);
    QTRY_VERIFY(QToolTip::isVisible());
    QVERIFY2(QToolTip::text().contains(errors->seriesNames().value(1)),
             qPrintable(QToolTip::text()));
    QVERIFY(QToolTip::text().contains(DashboardPage::tr(" errors/s")));
    emit series->hovered(points.last(), false);
    QTRY_VERIFY(!QToolTip::isVisible());
}

// What the issue asks of every chart: a title, titled axes (with their
// unit where there is one) and a legend naming what is drawn.
void TestDashboard::everyChartHasAxisTitlesAndALegend()
{
    QList<QChartView*> views;
    for (TimeSeriesChart* c : m_page->charts())
        views << c;
    for (RankingBarChart* c : m_page->barCharts())
        views << c;
    QCOMPARE(views.size(), 8);
    for (QChartView* view : std::as_const(views)) {
        const QString name = view->objectName();
        QChart* c = view->chart();
        QVERIFY2(!c->title().isEmpty(), qPrintable(name));
        // Time series: time and value axes; bars: the value axis (the
        // other one lists the APIs by name).
        const auto titled = c->axes(
            qobject_cast<RankingBarChart*>(view) ? Qt::Horizontal : Qt::Horizontal | Qt::Vertical);
        QVERIFY2(!titled.isEmpty(), qPrintable(name));
        for (QAbstractAxis* axis : titled) {
            QVERIFY2(axis->isTitleVisible(), qPrintable(name));
            QVERIFY2(!axis->titleText().isEmpty(), qPrintable(name));
        }
        QVERIFY2(c->legend()->isVisible(), qPrintable(name));
        QVERIFY2(!c->legend()->markers().isEmpty(), qPrintable(name));
    }
    const auto valueTitle = [](QChartView* view, Qt::Orientation orientation) {
        return view->chart()->axes(orientation).value(0)->titleText();
    };
    QCOMPARE(valueTitle(m_page->hitRatioChart(), Qt::Vertical), DashboardPage::tr("Hit ratio (%)"));
    QCOMPARE(valueTitle(m_page->latencyChart(), Qt::Vertical), DashboardPage::tr("Latency (ms)"));
    QCOMPARE(valueTitle(m_page->topHitRatioChart(), Qt::Horizontal),
             DashboardPage::tr("Hit ratio (%)"));
    QCOMPARE(valueTitle(m_page->topRequestsChart(), Qt::Horizontal), DashboardPage::tr("Requests"));
}

void TestDashboard::liveMetricsSourceFeedsTiles()
{
    struct Metrics : gatehouse::ui::LiveMetricsSource {
        double hitRatio() const override { return 0.9; }
        double p99LatencyMs() const override { return 4.25; }
    } metrics;
    m_page->setLiveMetricsSource(&metrics);
    QCOMPARE(m_page->hitRatio(), 0.9);
    QCOMPARE(tile("hitRatioTile")->value(),
             DashboardPage::tr("%1 %").arg(QLocale().toString(90.0, 'f', 1)));
    QVERIFY(tile("p99LatencyTile")->value().contains(QLocale().toString(4.25, 'f', 1)));
    m_page->setLiveMetricsSource(nullptr);
    QCOMPARE(tile("hitRatioTile")->value(), KpiTile::notAvailable());
}

void TestDashboard::rangeWithoutProviderSaysNoHistory()
{
    m_page->findChild<QAbstractButton*>(QStringLiteral("range2Button"))->click(); // 24 h
    QCOMPARE(m_page->range(), TrendRange::LastDay);
    for (TimeSeriesChart* c : m_page->charts()) {
        QCOMPARE(c->overlayText(), DashboardPage::tr("No history yet"));
        QCOMPARE(c->points(0).size(), 0);
    }
    saveScreenshot(QStringLiteral("dashboard_no_history.png"));
    // The last hour falls back to the console's own 10-second ring.
    m_page->setRange(TrendRange::LastHour);
    QVERIFY(chart("requestsChart")->overlayText().isEmpty());
    QVERIFY(!chart("requestsChart")->points(0).isEmpty());
    m_page->setRange(TrendRange::Live);
    QVERIFY(chart("requestsChart")->overlayText().isEmpty());
}

void TestDashboard::rangeUsesTrendSource()
{
    FakeTrendSource source;
    m_page->setTrendSource(&source);
    const auto* title = m_page->findChild<QLabel*>(QStringLiteral("dashboardTitle"));
    QVERIFY(title);
    QCOMPARE(title->text(), DashboardPage::rangeTitle(TrendRange::Live));
    m_page->setRange(TrendRange::LastDay);
    QCOMPARE(title->text(), QStringLiteral("The last 24 hours"));
    QCOMPARE(source.requests, 1);
    QVERIFY(chart("requestsChart")->overlayText().isEmpty());
    QCOMPARE(chart("requestsChart")->points(0).size(), 24 * 6);
    QCOMPARE(chart("statusChart")->points(3).first().y(), 1.0);
    saveScreenshot(QStringLiteral("dashboard_trends.png"));

    // Live again ignores late answers for another range.
    m_page->setRange(TrendRange::Live);
    QCOMPARE(title->text(), QStringLiteral("Live traffic"));
    TrendData late;
    late.range = TrendRange::LastWeek;
    emit source.trendsReady(late);
    QCOMPARE(m_page->range(), TrendRange::Live);
    m_page->setTrendSource(nullptr);
}

// Next to the demo traffic dock the page is narrow: tiles wrap to two rows
// and charts to one column instead of being clipped.
void TestDashboard::narrowPageStacksTilesAndCharts()
{
    const QSize before = m_page->size();
    KpiTile* first = tile("requestsPerSecondTile");
    KpiTile* fourth = tile("errorRateTile");
    m_page->resize(1100, 760);
    QTRY_COMPARE(fourth->y(), first->y()); // one row
    QCOMPARE(chart("cacheStatusChart")->y(), chart("hitRatioChart")->y());

    m_page->resize(720, 760);
    QTRY_VERIFY(fourth->y() > first->y()); // two rows of three
    QCOMPARE(fourth->x(), first->x());
    QVERIFY(chart("cacheStatusChart")->y() > chart("hitRatioChart")->y()); // one column
    // Nothing wider than the visible page.
    QVERIFY(tile("droppedRecordsTile")->geometry().right() < m_page->width());

    m_page->resize(before);
    QTRY_COMPARE(fourth->y(), first->y());
}

// A bottom legend elides labels that do not fit in its one row (German
// "Fehltreffer", "Revalidiert" beside a narrow chart): the chart moves it
// beside the plot instead, and back once there is room.
void TestDashboard::legendMovesBesideANarrowChart()
{
    TimeSeriesChart chart;
    chart.setLegendShowsEmptySeries(true);
    chart.setSeries({QStringLiteral("Treffer"), QStringLiteral("Fehltreffer"),
                     QStringLiteral("Veraltet"), QStringLiteral("Revalidiert"),
                     QStringLiteral("Umgangen")},
                    {}, TimeSeriesChart::Style::StackedAreas);
    chart.resize(1000, 300);
    chart.show();
    QVERIFY(QTest::qWaitForWindowExposed(&chart));
    QTRY_COMPARE(chart.legendAlignment(), Qt::Alignment(Qt::AlignBottom));
    chart.resize(380, 300);
    QTRY_COMPARE(chart.legendAlignment(), Qt::Alignment(Qt::AlignRight));
    QTest::qWait(100); // the scene lays the legend out again from the event loop
    gatehouse::test::saveScreenshot(&chart, QStringLiteral("chart_legend_beside.png"));
    chart.resize(1000, 300);
    QTRY_COMPARE(chart.legendAlignment(), Qt::Alignment(Qt::AlignBottom));
    // Fewer entries fit below even a narrow chart.
    chart.setSeries({QStringLiteral("Treffer")});
    chart.resize(380, 300);
    QTRY_COMPARE(chart.legendAlignment(), Qt::Alignment(Qt::AlignBottom));
}

QTEST_MAIN(TestDashboard)
#include "tst_dashboard.moc"
