// SPDX-FileCopyrightText: Gatehouse contributors
// SPDX-License-Identifier: Apache-2.0
// The catalog's per-API Analytics tab and Export action, against a real
// SQLite catalog seeded with the demo workspace, the real gateway compiled
// from it in front of the demo origin, and the real telemetry pipeline.
#include "console_test_environment.h"
#include "demo_catalog_backend.h"
#include "screenshot.h"
#include "ui/catalog/api_analytics_panel.h"

#include "app/catalog_service.h"
#include "app/catalog_startup.h"
#include "app/demo_catalog.h"
#include "app/demo_workspace.h"
#include "app/gateway_config_sync.h"
#include "app/gateway_controller.h"
#include "app/openapi_import.h"
#include "app/telemetry/telemetry_service.h"
#include "app/workspace_file.h"
#include "tests/app/catalog_call.h"
#include "tests/support/test_http.h"
#include "ui/catalog/api_detail_pane.h"
#include "ui/catalog/catalog_model.h"
#include "ui/catalog/catalog_page.h"
#include "ui/charts/time_series_chart.h"
#include "ui/dashboard/kpi_tile.h"
#include "ui/main_window.h"

#include <QAbstractButton>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QPushButton>
#include <QScrollArea>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

#include <memory>
#include <optional>
#include <string>

using namespace gatehouse;
using namespace gatehouse::app;
using gatehouse::test::saveScreenshot;
using gatehouse::ui::ApiAnalyticsPanel;
using gatehouse::ui::ApiDetailPane;
using gatehouse::ui::CatalogModel;
using gatehouse::ui::CatalogPage;
using gatehouse::ui::MainWindow;
using gatehouse::ui::TimeSeriesChart;

namespace {

constexpr int keyedCalls = 5; // one miss, then hits
constexpr int echoCalls = 3;

double sum(const QList<QPointF>& points)
{
    double total = 0;
    for (const QPointF& p : points)
        total += p.y();
    return total;
}

// The points at or after `fromMs`.
QList<QPointF> since(const QList<QPointF>& points, qint64 fromMs)
{
    QList<QPointF> out;
    for (const QPointF& p : points)
        if (p.x() >= double(fromMs))
            out.append(p);
    return out;
}

// Every series of a chart added up, from `fromMs` on.
double total(const TimeSeriesChart* chart, qint64 fromMs)
{
    double all = 0;
    for (int i = 0; i < chart->seriesCount(); ++i)
        all += sum(since(chart->points(i), fromMs));
    return all;
}

const char* const PetsDocument = R"(openapi: 3.0.3
info:
  title: Pets
  version: "1.0"
servers:
  - url: http://127.0.0.1:9/pets/v1
paths:
  /pets:
    get:
      summary: List pets
      parameters:
        - name: limit
          in: query
          required: false
          schema: {type: integer, maximum: 100}
      responses:
        '200': {description: A page of pets}
)";

} // namespace

class TestCatalogAnalytics : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();

    void analyticsShowTheSelectedApisOwnCalls();
    void anotherApiDoesNotCountThem();
    void emptyRangeSaysSo();
    void rangesUseTheirBuckets();
    void refreshesWhileVisible();
    void staleRepliesAreIgnored();
    void withoutTelemetryOrWhenAQueryFails();
    void exportWritesTheWorkspaceFileOfTheApi();
    void exportWritesTheOpenApiDocumentAsJson();
    void exportErrorIsShown();
    void liveIsTheRangeWhileTheGatewayRuns();
    void liveShowsThisApisCallsEverySecond();

private:
    template <typename Work>
    auto call(Work work) -> std::optional<std::invoke_result_t<Work&, CatalogStore&>>
    {
        return callCatalog(*m_catalog, this, std::move(work));
    }
    CatalogPage* page() const { return m_window->catalogPage(); }
    ApiAnalyticsPanel* panel() const { return page()->detailPane()->analytics(); }
    bool select(const QString& slug, const QString& version);
    // Shows the Analytics tab of the selected API and waits for its next answer.
    bool showAnalytics();
    bool waitForReply(int before);
    void sendAndFlush(const std::string& target, const test::header_list& headers, int times,
                      int expectStatus);
    bool chooseRange(ApiAnalyticsPanel::Range range);

    DemoWorkspace m_demo;
    QTemporaryDir m_dir;
    Principal m_admin;
    QString m_trafficKey;
    std::unique_ptr<CatalogService> m_catalog;
    std::unique_ptr<GatewayController> m_gateway;
    std::unique_ptr<TelemetryService> m_telemetry;
    std::unique_ptr<GatewayConfigSync> m_sync;
    std::unique_ptr<MainWindow> m_window;
    quint64 m_sent = 0;
};

void TestCatalogAnalytics::initTestCase()
{
    test::useConsoleTestEnvironment(QStringLiteral("tst_catalog_analytics"));
    QVERIFY(m_dir.isValid());
    QVERIFY2(m_demo.startOrigin(), qPrintable(m_demo.lastError()));

    m_catalog = std::make_unique<CatalogService>();
    test::openDemoCatalog(*m_catalog, m_dir.filePath(QStringLiteral("catalog.db")), m_admin,
                          m_trafficKey);
    if (QTest::currentTestFailed())
        return;

    // As main() orders them: telemetry before the gateway takes traffic.
    m_gateway = std::make_unique<GatewayController>();
    m_gateway->setStatsInterval(0);
    TelemetryServiceOptions telemetryOptions;
    telemetryOptions.database = m_dir.filePath(QStringLiteral("telemetry.sqlite"));
    telemetryOptions.summaryIntervalMs = 0;
    m_telemetry = std::make_unique<TelemetryService>(m_gateway.get(), telemetryOptions);
    QVERIFY2(m_telemetry->start(), qPrintable(m_telemetry->lastError()));
    test::startGatewayFromCatalog(*m_gateway, *m_catalog, m_demo.snapshot(), m_sync);
    if (QTest::currentTestFailed())
        return;

    // The catalog first, telemetry later: the order main() gives them.
    m_window = std::make_unique<MainWindow>(m_gateway.get());
    m_window->setCatalogService(m_catalog.get(), m_admin);
    m_window->setTelemetryService(m_telemetry.get());
    QVERIFY(page());
    m_window->resize(1400, 900);
    m_window->setCurrentPage(MainWindow::Catalog);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    QTRY_COMPARE_WITH_TIMEOUT(page()->model()->rowCount(), 5, 2000);
}

void TestCatalogAnalytics::cleanupTestCase()
{
    m_window.reset();
    m_sync.reset();
    if (m_gateway)
        m_gateway->stopAndWait(std::chrono::milliseconds(500));
    if (m_telemetry)
        m_telemetry->stop();
    m_telemetry.reset();
    m_gateway.reset();
    m_catalog.reset();
    m_demo.stopOrigin();
}

bool TestCatalogAnalytics::select(const QString& slug, const QString& version)
{
    QTableView* view = page()->tableView();
    QAbstractItemModel* shown = view->model();
    for (int row = 0; row < shown->rowCount(); ++row) {
        const QModelIndex index = shown->index(row, CatalogModel::Name);
        const qint64 id = index.data(CatalogModel::ApiIdRole).toLongLong();
        const auto* e = page()->model()->entry(page()->model()->rowOf(id));
        if (e->api.slug != slug || e->api.version != version)
            continue;
        view->scrollTo(index);
        QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, view->visualRect(index).center());
        for (int i = 0; i < 400; ++i) {
            if (page()->detailPane()->hasApi() &&
                page()->detailPane()->details().entry->api.id == id)
                return true;
            QTest::qWait(5);
        }
        return false;
    }
    return false;
}

bool TestCatalogAnalytics::waitForReply(int before)
{
    for (int i = 0; i < 1000 && panel()->repliesShown() == before; ++i)
        QTest::qWait(5);
    return panel()->repliesShown() > before && !panel()->isLoading();
}

bool TestCatalogAnalytics::showAnalytics()
{
    QTabWidget* tabs = page()->detailPane()->tabs();
    if (tabs->currentIndex() == ApiDetailPane::Analytics) // shown: ask again now
        tabs->setCurrentIndex(ApiDetailPane::Overview);
    const int before = panel()->repliesShown();
    tabs->setCurrentIndex(ApiDetailPane::Analytics);
    return panel()->isVisible() && waitForReply(before);
}

void TestCatalogAnalytics::sendAndFlush(const std::string& target, const test::header_list& headers,
                                        int times, int expectStatus)
{
    for (int i = 0; i < times; ++i)
        QCOMPARE(test::http_request(m_gateway->port(), "GET", target, headers).status,
                 expectStatus);
    m_sent += quint64(times);
    // A call is captured just after its response went out: wait for the last.
    QTRY_COMPARE_WITH_TIMEOUT(
        (m_telemetry->writer()->flushNow(), m_telemetry->writer()->counters().written), m_sent,
        5000);
}

void TestCatalogAnalytics::analyticsShowTheSelectedApisOwnCalls()
{
    const test::header_list key{{"X-API-Key", m_trafficKey.toStdString()}};
    sendAndFlush("/v2/products/7", key, keyedCalls, 200);
    sendAndFlush("/v2/products/7", {}, 1, 401); // no key: refused before the cache
    sendAndFlush("/v1/echo/analytics", {}, echoCalls, 200);

    QVERIFY(select(QStringLiteral("products"), QStringLiteral("v2")));
    QVERIFY(showAnalytics());
    ApiAnalyticsPanel* p = panel();
    // The gateway runs: the tab opens on the live window. The stored hour:
    const int live = p->repliesShown();
    QCOMPARE(p->range(), ApiAnalyticsPanel::Range::Live);
    QTest::mouseClick(p->findChild<QAbstractButton*>(QStringLiteral("analyticsRange0Button")),
                      Qt::LeftButton);
    QCOMPARE(p->range(), ApiAnalyticsPanel::Range::LastHour);
    QVERIFY(waitForReply(live));
    QVERIFY2(p->showsFigures(), qPrintable(p->noteText()));
    QCOMPARE(p->requestsTile()->value(), QString::number(keyedCalls + 1));
    QVERIFY2(p->requestsTile()->detail().contains(QLatin1String(" sent, ")),
             qPrintable(p->requestsTile()->detail()));
    // The first keyed call misses, the next four hit; the refused one never
    // reaches the cache.
    QCOMPARE(p->hitRatioTile()->value(), QStringLiteral("80.0 %"));
    QCOMPARE(p->hitRatioTile()->detail(), QStringLiteral("4 of 5 cacheable calls"));
    QCOMPARE(p->errorRateTile()->value(), QStringLiteral("16.7 %"));
    QCOMPARE(p->errorRateTile()->detail(), QStringLiteral("4xx: 1, 5xx: 0"));
    for (int i = 0; i < 3; ++i)
        QVERIFY2(p->latencyTile(i)->value().endsWith(QLatin1String(" ms")),
                 qPrintable(p->latencyTile(i)->value()));

    // Requests per minute by cache status: the stack adds up to the calls.
    TimeSeriesChart* requests = p->requestsChart();
    QCOMPARE(requests->seriesCount(), 6);
    QCOMPARE(requests->title(), QStringLiteral("Requests per minute by cache status"));
    QCOMPARE(requests->points(0).size(), 60); // one point per minute
    QCOMPARE(sum(requests->points(0)), 4.0);  // hits
    QCOMPARE(sum(requests->points(1)), 1.0);  // misses
    double all = 0;
    for (int i = 0; i < requests->seriesCount(); ++i)
        all += sum(requests->points(i));
    QCOMPARE(all, double(keyedCalls + 1));
    // The legend names the statuses there are; the refused call had none.
    QCOMPARE(requests->legendNames(), (QStringList{QStringLiteral("Hit"), QStringLiteral("Miss"),
                                                   QStringLiteral("Not cached")}));
    QVERIFY(!requests->points(0).isEmpty());
    // One point per minute with lookups: one, or two if the calls straddled
    // a minute.
    const QList<QPointF> ratio = p->hitRatioChart()->points(0);
    QVERIFY(ratio.size() == 1 || ratio.size() == 2);
    if (ratio.size() == 1)
        QCOMPARE(ratio.first().y(), 80.0);
    QVERIFY(p->hitRatioChart()->overlayText().isEmpty());
    QCOMPARE(p->latencyChart()->seriesCount(), 3);
    QVERIFY(!p->latencyChart()->points(2).isEmpty());
    for (const QPointF& point : p->latencyChart()->points(2))
        QVERIFY(point.y() > 0.0);
    QVERIFY(p->findChild<QLabel*>(QStringLiteral("analyticsSummary"))
                ->text()
                .contains(QLatin1String("the last hour")));
    QTest::qWait(50);
    saveScreenshot(m_window.get(), QStringLiteral("catalog_analytics.png"));
    // Everything below the fold too.
    auto* scroll = p->findChild<QScrollArea*>();
    QVERIFY(scroll);
    saveScreenshot(scroll->widget(), QStringLiteral("catalog_analytics_full.png"));
    // Nothing is cut off at the side: the figures fit the pane's width.
    QVERIFY2(scroll->widget()->width() <= scroll->viewport()->width(),
             qPrintable(QStringLiteral("%1 > %2")
                            .arg(scroll->widget()->width())
                            .arg(scroll->viewport()->width())));
}

void TestCatalogAnalytics::anotherApiDoesNotCountThem()
{
    QVERIFY(select(QStringLiteral("echo"), QStringLiteral("v1")));
    // The tab stays open: a new selection asks for its own figures at once.
    QCOMPARE(page()->detailPane()->tabs()->currentIndex(), int(ApiDetailPane::Analytics));
    QTRY_VERIFY_WITH_TIMEOUT(panel()->showsFigures() && !panel()->isLoading(), 5000);
    QCOMPARE(panel()->requestsTile()->value(), QString::number(echoCalls));
    QCOMPARE(panel()->errorRateTile()->value(), QStringLiteral("0.0 %"));
    // Echo is never cached: no ratio, and the chart says why instead of a flat line.
    QCOMPARE(panel()->hitRatioTile()->value(), ui::KpiTile::notAvailable());
    QVERIFY(panel()->hitRatioChart()->points(0).isEmpty());
    QVERIFY(!panel()->hitRatioChart()->overlayText().isEmpty());
    QCOMPARE(sum(panel()->requestsChart()->points(0)), 0.0);
}

void TestCatalogAnalytics::emptyRangeSaysSo()
{
    QVERIFY(select(QStringLiteral("products"), QStringLiteral("v1")));
    QTRY_VERIFY_WITH_TIMEOUT(
        !panel()->isLoading() && !panel()->noteText().startsWith(QLatin1String("Loading")), 5000);
    QVERIFY(!panel()->showsFigures());
    QCOMPARE(panel()->noteText(),
             QStringLiteral("No calls to this API in the last hour. Calls through the gateway "
                            "show up here within seconds."));
    QVERIFY(!panel()->requestsChart()->isVisible());
    saveScreenshot(page()->detailPane(), QStringLiteral("catalog_analytics_empty.png"));
}

void TestCatalogAnalytics::rangesUseTheirBuckets()
{
    QVERIFY(select(QStringLiteral("products"), QStringLiteral("v2")));
    QVERIFY(showAnalytics());
    const struct {
        int button;
        ApiAnalyticsPanel::Range range;
        qsizetype points;
        const char* axis;
        const char* title;
    } ranges[] = {
        {1, ApiAnalyticsPanel::Range::LastDay, 24, "the last 24 hours", "Requests per hour"},
        {2, ApiAnalyticsPanel::Range::LastWeek, 7 * 24, "the last 7 days", "Requests per hour"},
        {3, ApiAnalyticsPanel::Range::LastMonth, 30, "the last 30 days", "Requests per day"},
        {0, ApiAnalyticsPanel::Range::LastHour, 60, "the last hour", "Requests per minute"},
    };
    for (const auto& r : ranges) {
        const int before = panel()->repliesShown();
        auto* button = panel()->findChild<QAbstractButton*>(
            QStringLiteral("analyticsRange%1Button").arg(r.button));
        QVERIFY(button);
        QTest::mouseClick(button, Qt::LeftButton);
        QCOMPARE(panel()->range(), r.range);
        QVERIFY(waitForReply(before));
        QVERIFY2(panel()->showsFigures(), qPrintable(panel()->noteText()));
        QCOMPARE(panel()->requestsTile()->value(), QString::number(keyedCalls + 1));
        QCOMPARE(panel()->requestsChart()->points(0).size(), r.points);
        QVERIFY(panel()->requestsChart()->title().startsWith(QLatin1String(r.title)));
        QCOMPARE(sum(panel()->requestsChart()->points(0)), 4.0);
        QVERIFY(panel()
                    ->findChild<QLabel*>(QStringLiteral("analyticsSummary"))
                    ->text()
                    .contains(QLatin1String(r.axis)));
        saveScreenshot(panel()->findChild<QScrollArea*>()->widget(),
                       QStringLiteral("catalog_analytics_range%1.png").arg(r.button));
    }
}

void TestCatalogAnalytics::refreshesWhileVisible()
{
    QVERIFY(select(QStringLiteral("products"), QStringLiteral("v2")));
    QVERIFY(showAnalytics());
    QCOMPARE(panel()->refreshIntervalMs(), 10'000);
    panel()->setRefreshInterval(200);
    const test::header_list key{{"X-API-Key", m_trafficKey.toStdString()}};
    sendAndFlush("/v2/products/7", key, 2, 200);
    // Nothing touched: the timer brings the new calls in.
    QTRY_COMPARE_WITH_TIMEOUT(panel()->requestsTile()->value(), QString::number(keyedCalls + 1 + 2),
                              5000);
    // Hidden, it stops asking.
    page()->detailPane()->tabs()->setCurrentIndex(ApiDetailPane::Overview);
    QTRY_VERIFY_WITH_TIMEOUT(!panel()->isLoading(), 5000); // an answer already on its way
    const int hidden = panel()->repliesShown();
    QTest::qWait(600);
    QCOMPARE(panel()->repliesShown(), hidden);
    panel()->setRefreshInterval(10'000);
}

void TestCatalogAnalytics::staleRepliesAreIgnored()
{
    QVERIFY(select(QStringLiteral("products"), QStringLiteral("v2")));
    QVERIFY(showAnalytics());
    const quint64 products = panel()->apiId();
    quint64 echo = 0;
    for (int row = 0; row < page()->model()->rowCount(); ++row) {
        const auto* e = page()->model()->entry(row);
        if (e->api.slug == QLatin1String("echo"))
            echo = quint64(e->api.id);
    }
    QVERIFY(echo != 0 && echo != products);
    QSignalSpy shown(panel(), &ApiAnalyticsPanel::refreshed);
    // Asks for products v2 again, and the pane moves the tab to echo before
    // control is back in the event loop: the products answer arrives first
    // and must not be shown.
    panel()->setRange(ApiAnalyticsPanel::Range::LastDay);
    QVERIFY(panel()->isLoading());
    panel()->setApi(echo);
    QTRY_VERIFY_WITH_TIMEOUT(!panel()->isLoading() && shown.count() >= 1, 5000);
    QTest::qWait(100); // a late answer would have landed by now
    QCOMPARE(shown.count(), 1);
    QCOMPARE(panel()->requestsTile()->value(), QString::number(echoCalls));
    const int before = panel()->repliesShown();
    panel()->setApi(products);
    panel()->setRange(ApiAnalyticsPanel::Range::LastHour);
    QVERIFY(waitForReply(before));
    QCOMPARE(panel()->requestsTile()->value(), QString::number(keyedCalls + 1 + 2));
}

void TestCatalogAnalytics::withoutTelemetryOrWhenAQueryFails()
{
    QVERIFY(select(QStringLiteral("products"), QStringLiteral("v2")));
    QVERIFY(showAnalytics());
    // A service that is not running answers every query with an error.
    TelemetryServiceOptions options;
    options.database = m_dir.filePath(QStringLiteral("never-started.sqlite"));
    TelemetryService stopped(m_gateway.get(), options);
    const int before = panel()->repliesShown();
    page()->setTelemetryService(&stopped);
    QVERIFY(waitForReply(before));
    QCOMPARE(panel()->noteText(),
             QStringLiteral("Cannot read this API's analytics: telemetry is not running"));
    QVERIFY(!panel()->showsFigures());

    page()->setTelemetryService(nullptr);
    QVERIFY(!panel()->showsFigures());
    QVERIFY2(panel()->noteText().startsWith(QLatin1String("Analytics are not available")),
             qPrintable(panel()->noteText()));
    saveScreenshot(page()->detailPane(), QStringLiteral("catalog_analytics_unavailable.png"));

    page()->setTelemetryService(m_telemetry.get());
    QVERIFY(waitForReply(panel()->repliesShown()));
    QVERIFY(panel()->showsFigures());
}

void TestCatalogAnalytics::exportWritesTheWorkspaceFileOfTheApi()
{
    QVERIFY(select(QStringLiteral("products"), QStringLiteral("v2")));
    QPushButton* button = page()->detailPane()->exportButton();
    QVERIFY(button->isVisible() && button->isEnabled());
    const QString path = m_dir.filePath(QStringLiteral("products-v2.gatehouse.json"));
    QSignalSpy finished(page(), &CatalogPage::exportFinished);
    page()->exportSelectedApiTo(path);
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 5000);
    QCOMPARE(finished.at(0).at(0).toBool(), true);
    QVERIFY2(page()->message().contains(QLatin1String("exported as a workspace file")),
             qPrintable(page()->message()));

    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QJsonObject root = QJsonDocument::fromJson(file.readAll()).object();
    QCOMPARE(root.value(QStringLiteral("gatehouse")).toString(), QStringLiteral("workspace"));
    const QJsonArray apis = root.value(QStringLiteral("apis")).toArray();
    QCOMPARE(apis.size(), 1);
    const QJsonObject api = apis.first().toObject();
    QCOMPARE(api.value(QStringLiteral("slug")).toString(), QStringLiteral("products"));
    QCOMPARE(api.value(QStringLiteral("version")).toString(), QStringLiteral("v2"));
    QCOMPARE(api.value(QStringLiteral("basePath")).toString(), QStringLiteral("/v2"));
    QCOMPARE(api.value(QStringLiteral("state")).toString(), QStringLiteral("published"));
    QCOMPARE(api.value(QStringLiteral("routes")).toArray().size(), 3);
    QVERIFY(!api.value(QStringLiteral("plans")).toArray().isEmpty());
    QVERIFY(!api.contains(QStringLiteral("id")));
    // Its team by name, without the people of this catalog.
    const QJsonArray teams = root.value(QStringLiteral("teams")).toArray();
    QCOMPARE(teams.size(), 1);
    QCOMPARE(teams.first().toObject().value(QStringLiteral("name")).toString(),
             api.value(QStringLiteral("team")).toString());
    QVERIFY(teams.first().toObject().value(QStringLiteral("members")).toArray().isEmpty());

    // The file is a workspace: applying it to a fresh catalog recreates the API.
    CatalogService other;
    const CatalogStartup startup =
        startCatalog(other, m_dir.filePath(QStringLiteral("other-catalog.db")));
    QVERIFY2(startup.error.isEmpty() && startup.localAdmin, qPrintable(startup.error));
    QFile again(path);
    QVERIFY(again.open(QIODevice::ReadOnly));
    const QByteArray document = again.readAll();
    const Principal admin = *startup.localAdmin;
    const WorkspaceApplyResult applied =
        other.runAndWait([&](CatalogStore& s) { return WorkspaceFile::apply(s, admin, document); });
    QVERIFY2(applied.ok(), qPrintable(applied.errors.join(u'\n')));
    QVERIFY(applied.changes.contains(QStringLiteral("api products@v2: created")) ||
            !applied.changes.filter(QStringLiteral("products@v2")).isEmpty());
}

void TestCatalogAnalytics::exportWritesTheOpenApiDocumentAsJson()
{
    const OpenApiImport imported = OpenApiImporter::import(PetsDocument, QStringLiteral("pets"));
    QVERIFY2(imported.api, qPrintable(imported.errors.join(u'\n')));
    ApiDefinition def = *imported.api;
    const Principal admin = m_admin;
    const auto created = call([admin, def](CatalogStore& s) mutable {
        def.teamId = s.teams().teams().first().id;
        return s.apis().createApi(admin, def);
    });
    QVERIFY(created && *created);
    QTRY_COMPARE_WITH_TIMEOUT(page()->model()->rowCount(), 6, 2000);
    QVERIFY(select(QStringLiteral("pets"), def.version));
    // Never called: its Analytics tab says so.
    QVERIFY(showAnalytics());
    QVERIFY(panel()->noteText().startsWith(QLatin1String("No calls to this API")));

    const QString path = m_dir.filePath(QStringLiteral("pets.openapi.json"));
    QSignalSpy finished(page(), &CatalogPage::exportFinished);
    page()->exportSelectedApiTo(path);
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 5000);
    QCOMPARE(finished.at(0).at(0).toBool(), true);
    QVERIFY2(page()->message().contains(QLatin1String("OpenAPI document (JSON)")),
             qPrintable(page()->message()));
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QJsonParseError error{};
    const QJsonObject root = QJsonDocument::fromJson(file.readAll(), &error).object();
    QCOMPARE(error.error, QJsonParseError::NoError);
    QCOMPARE(root.value(QStringLiteral("openapi")).toString(), QStringLiteral("3.0.3"));
    QCOMPARE(root.value(QStringLiteral("info")).toObject().value(QStringLiteral("version")),
             QJsonValue(QStringLiteral("1.0"))); // quoted in YAML: stays a string
    const QJsonObject get = root.value(QStringLiteral("paths"))
                                .toObject()
                                .value(QStringLiteral("/pets"))
                                .toObject()
                                .value(QStringLiteral("get"))
                                .toObject();
    QCOMPARE(get.value(QStringLiteral("summary")).toString(), QStringLiteral("List pets"));
    const QJsonObject limit = get.value(QStringLiteral("parameters")).toArray().first().toObject();
    QCOMPARE(limit.value(QStringLiteral("required")), QJsonValue(false));
    QCOMPARE(limit.value(QStringLiteral("schema")).toObject().value(QStringLiteral("maximum")),
             QJsonValue(100));
    QVERIFY(get.value(QStringLiteral("responses")).toObject().contains(QStringLiteral("200")));
}

void TestCatalogAnalytics::exportErrorIsShown()
{
    QVERIFY(select(QStringLiteral("echo"), QStringLiteral("v1")));
    // A directory that does not exist cannot take the file.
    const QString path = m_dir.filePath(QStringLiteral("missing/dir/echo.json"));
    QSignalSpy finished(page(), &CatalogPage::exportFinished);
    page()->exportSelectedApiTo(path);
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 5000);
    QCOMPARE(finished.at(0).at(0).toBool(), false);
    QVERIFY2(page()->message().contains(QLatin1String("could not be saved to")),
             qPrintable(page()->message()));
    QVERIFY(page()->findChild<QLabel*>(QStringLiteral("catalogMessage"))->isVisible());
    QVERIFY(!QFile::exists(path));
    saveScreenshot(m_window.get(), QStringLiteral("catalog_export_error.png"));
}

bool TestCatalogAnalytics::chooseRange(ApiAnalyticsPanel::Range range)
{
    auto* button = panel()->findChild<QAbstractButton*>(
        QStringLiteral("analyticsRange%1Button").arg(int(range)));
    if (!button)
        return false;
    const int before = panel()->repliesShown();
    QTest::mouseClick(button, Qt::LeftButton);
    return panel()->range() == range && waitForReply(before);
}

void TestCatalogAnalytics::liveIsTheRangeWhileTheGatewayRuns()
{
    // Until a range is picked, the gateway's state decides.
    ApiAnalyticsPanel running(m_gateway.get());
    QCOMPARE(running.range(), ApiAnalyticsPanel::Range::Live);
    QVERIFY(
        running.findChild<QAbstractButton*>(QStringLiteral("analyticsRange4Button"))->isChecked());
    ApiAnalyticsPanel without;
    QCOMPARE(without.range(), ApiAnalyticsPanel::Range::LastHour);

    GatewayController other;
    ApiAnalyticsPanel follows(&other);
    ApiAnalyticsPanel picked(&other);
    picked.setRange(ApiAnalyticsPanel::Range::LastDay);
    QCOMPARE(follows.range(), ApiAnalyticsPanel::Range::LastHour);
    gateway::gateway_options options;
    options.listen_address = "127.0.0.1";
    options.port = 0;
    options.threads = 1;
    QVERIFY2(other.start(options), qPrintable(other.lastError()));
    QTRY_COMPARE_WITH_TIMEOUT(other.state(), GatewayController::State::Running, 5000);
    QCOMPARE(follows.range(), ApiAnalyticsPanel::Range::Live);
    QCOMPARE(picked.range(), ApiAnalyticsPanel::Range::LastDay);
    other.stopAndWait(std::chrono::milliseconds(500));
    QTRY_COMPARE_WITH_TIMEOUT(follows.range(), ApiAnalyticsPanel::Range::LastHour, 5000);
    QCOMPARE(picked.range(), ApiAnalyticsPanel::Range::LastDay);
}

void TestCatalogAnalytics::liveShowsThisApisCallsEverySecond()
{
    QVERIFY(select(QStringLiteral("products"), QStringLiteral("v2")));
    QVERIFY(showAnalytics());
    QVERIFY(chooseRange(ApiAnalyticsPanel::Range::Live));
    ApiAnalyticsPanel* p = panel();
    TimeSeriesChart* requests = p->requestsChart();
    QCOMPARE(requests->title(), QStringLiteral("Requests per second by cache status"));
    QCOMPARE(requests->seriesCount(), 6);
    QCOMPARE(p->latencyChart()->seriesNames(),
             (QStringList{QStringLiteral("p50"), QStringLiteral("p95"), QStringLiteral("p99")}));

    // From a fresh second on, so no earlier test's calls share one with these.
    const qint64 startSecond = QDateTime::currentMSecsSinceEpoch() / 1000;
    QTRY_VERIFY_WITH_TIMEOUT(QDateTime::currentMSecsSinceEpoch() / 1000 > startSecond, 2000);
    const qint64 fromMs = (startSecond + 1) * 1000;
    constexpr int productCalls = 6;
    constexpr int echoLiveCalls = 4;
    const test::header_list key{{"X-API-Key", m_trafficKey.toStdString()}};
    sendAndFlush("/v2/products/7", key, productCalls, 200);
    sendAndFlush("/v1/echo/live", {}, echoLiveCalls, 200);
    const qint64 lastSecondMs = QDateTime::currentMSecsSinceEpoch() / 1000 * 1000;

    // Nothing touched: each second's refresh brings the calls in, once the
    // ring has closed the second of the last of them.
    const auto lastX = [](const TimeSeriesChart* chart) {
        const QList<QPointF> points = chart->points(0);
        return points.isEmpty() ? 0.0 : points.constLast().x();
    };
    QTRY_VERIFY_WITH_TIMEOUT(lastX(requests) >= double(lastSecondMs), 5000);
    QVERIFY2(p->showsFigures(), qPrintable(p->noteText()));
    // This API's calls, and not echo's, sent in the same seconds.
    QCOMPARE(total(requests, fromMs), double(productCalls));
    double lookups = 0;
    for (int i = 0; i < 4; ++i) // hit, miss, stale, revalidated
        lookups += sum(since(requests->points(i), fromMs));
    QCOMPARE(lookups, double(productCalls));
    const QList<QPointF> ratio = since(p->hitRatioChart()->points(0), fromMs);
    QVERIFY(!ratio.isEmpty());
    for (const QPointF& point : ratio)
        QVERIFY(point.y() >= 0.0 && point.y() <= 100.0);
    // The API's own percentiles, per second with calls, in order.
    const QList<QPointF> p50 = since(p->latencyChart()->points(0), fromMs);
    const QList<QPointF> p95 = since(p->latencyChart()->points(1), fromMs);
    const QList<QPointF> p99 = since(p->latencyChart()->points(2), fromMs);
    QVERIFY(!p50.isEmpty());
    QCOMPARE(p95.size(), p50.size());
    QCOMPARE(p99.size(), p50.size());
    for (qsizetype i = 0; i < p50.size(); ++i) {
        QCOMPARE(p95[i].x(), p50[i].x());
        QVERIFY(p50[i].y() > 0.0);
        QVERIFY2(
            p50[i].y() <= p95[i].y() && p95[i].y() <= p99[i].y(),
            qPrintable(QStringLiteral("%1 %2 %3").arg(p50[i].y()).arg(p95[i].y()).arg(p99[i].y())));
    }
    // The tiles: the last 10 seconds.
    QVERIFY2(p->requestsTile()->value().endsWith(QLatin1String("/s")),
             qPrintable(p->requestsTile()->value()));
    QVERIFY(p->hitRatioTile()->value().endsWith(QLatin1String(" %")));
    for (int i = 0; i < 3; ++i)
        QVERIFY2(p->latencyTile(i)->value().endsWith(QLatin1String(" ms")),
                 qPrintable(p->latencyTile(i)->value()));
    QVERIFY(p->findChild<QLabel*>(QStringLiteral("analyticsSummary"))
                ->text()
                .startsWith(QLatin1String("Live:")));
    saveScreenshot(m_window.get(), QStringLiteral("catalog_analytics_live.png"));
    saveScreenshot(p->findChild<QScrollArea*>()->widget(),
                   QStringLiteral("catalog_analytics_live_full.png"));

    // The next second slides in: new points at the end, those still in the
    // window unchanged, at most five minutes of them.
    const QList<QPointF> before = requests->points(0);
    const int repliesBefore = p->repliesShown();
    QTRY_VERIFY_WITH_TIMEOUT(lastX(requests) > before.constLast().x(), 3000);
    QVERIFY(p->repliesShown() > repliesBefore);
    const QList<QPointF> after = requests->points(0);
    QVERIFY(after.size() <= 300);
    QVERIFY(after.constLast().x() - after.constFirst().x() < 300'000);
    const QList<QPointF> kept = since(before, qint64(after.constFirst().x()));
    QCOMPARE(after.mid(0, kept.size()), kept);
    QCOMPARE(total(requests, fromMs), double(productCalls));

    // Echo's own live window: its calls, not the products ones.
    QVERIFY(select(QStringLiteral("echo"), QStringLiteral("v1")));
    QCOMPARE(p->range(), ApiAnalyticsPanel::Range::Live);
    QTRY_VERIFY_WITH_TIMEOUT(lastX(requests) >= double(lastSecondMs), 5000);
    QCOMPARE(total(requests, fromMs), double(echoLiveCalls));
    QVERIFY(since(p->hitRatioChart()->points(0), fromMs).isEmpty()); // never cached
    QVERIFY(!since(p->latencyChart()->points(2), fromMs).isEmpty());
}

QTEST_MAIN(TestCatalogAnalytics)
#include "tst_catalog_analytics.moc"
