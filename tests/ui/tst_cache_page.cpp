// SPDX-FileCopyrightText: Gatehouse contributors
// SPDX-License-Identifier: Apache-2.0
#include "ui/cache/cache_page.h"

#include "app/demo_workspace.h"
#include "app/gateway_controller.h"
#include "tests/support/test_http.h"
#include "ui/cache/budget_spin_box.h"
#include "ui/cache/cache_actions_panel.h"
#include "ui/cache/cache_api_model.h"
#include "ui/cache/cache_event_model.h"
#include "ui/charts/ranking_bar_chart.h"
#include "ui/status_colors.h"

#include <QAbstractAxis>
#include <QAbstractItemModelTester>
#include <QChart>
#include <QComboBox>
#include <QDir>
#include <QLabel>
#include <QLegend>
#include <QLegendMarker>
#include <QLineEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTableView>
#include <QTest>

#include <memory>
#include <optional>
#include <string>

using gatehouse::app::ApiCacheRow;
using gatehouse::app::CacheEventRow;
using gatehouse::app::CacheEviction;
using gatehouse::app::DemoWorkspace;
using gatehouse::app::GatewayController;
using gatehouse::ui::BudgetSpinBox;
using gatehouse::ui::CacheActionsPanel;
using gatehouse::ui::CacheApiModel;
using gatehouse::ui::CacheEventModel;
using gatehouse::ui::CachePage;
using Scope = GatewayController::CachePurgeScope;
namespace http = gatehouse::test;

// The Cache page against a real gateway in front of the demo origin: the
// demo caches /shop (API 1) and /weather (API 2), not /echo (API 3); one
// more route caches the origin's /respond (API 4), whose size and
// Cache-Control the request chooses.
class TestCachePage : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanupTestCase();

    void apiModelPassesTester();
    void eventModelPassesTester();
    void showsObjectsAndPerApiRows();
    void refreshesLive();
    void hitRatioChartHasTitledAxisAndLegend();
    void purgeByPrefix();
    void purgeSelectedApi();
    void purgeByTag();
    void purgeEverything();
    void declinedConfirmationChangesNothing();
    void invalidInputIsRefusedWithoutAsking();
    void budgetChangeApplies();
    void fullCacheShowsEvictions();
    void largeBodyCountsAsBodyFile();
    void bodyFilesNearTheLimitWarn();
    void budgetSpinBoxReadsAndStepsSizes();
    void budgetDownToTheGatewaysMinimum();

private:
    template <typename T>
    T* child(const char* name) const
    {
        auto* found = m_page->findChild<T*>(QLatin1String(name));
        if (!found)
            qFatal("no child %s", name);
        return found;
    }
    void saveScreenshot(const QString& fileName);
    http::http_response get(const std::string& target)
    {
        return http::http_request(m_controller->port(), "GET", target);
    }
    static bool isHit(const http::http_response& r)
    {
        return r.header("Cache-Status").find("; hit") != std::string::npos;
    }
    static bool isMiss(const http::http_response& r)
    {
        const std::string s = r.header("Cache-Status");
        return s.find("fwd=miss") != std::string::npos ||
               s.find("fwd=uri-miss") != std::string::npos;
    }
    bool warm(const std::string& target);
    int apiRow(const QString& key) const;
    QString result() const { return child<QLabel>("cacheResultLabel")->text(); }

    DemoWorkspace m_demo;
    std::unique_ptr<GatewayController> m_controller;
    std::unique_ptr<CachePage> m_page;
    bool m_accept = true;
    QStringList m_questions;
};

void TestCachePage::initTestCase()
{
    qputenv("XDG_RUNTIME_DIR", QDir::tempPath().toLocal8Bit());
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY2(m_demo.startOrigin(), qPrintable(m_demo.lastError()));
    m_controller = std::make_unique<GatewayController>();
    m_controller->setStatsInterval(0);
    auto config = m_demo.snapshot();
    gatehouse::gateway::route_config respond;
    respond.id = "respond";
    respond.api_id = 4;
    respond.path = "/respond";
    respond.methods = {"GET"};
    respond.upstream = DemoWorkspace::upstreamName;
    respond.cache.enabled = true;
    config.routes.push_back(std::move(respond));
    QVERIFY2(m_controller->applyConfig(config), qPrintable(m_controller->lastError()));
    auto options = DemoWorkspace::defaultOptions();
    options.port = 0;
    options.threads = 2;
    QVERIFY2(m_controller->start(options), qPrintable(m_controller->lastError()));
    m_page = std::make_unique<CachePage>(m_controller.get());
    // No names given: the page labels APIs by the routes of the applied configuration.
    m_page->actions()->setConfirmation([this](const QString&, const QString& question) {
        m_questions.append(question);
        return m_accept;
    });
    m_page->resize(1100, 800);
    m_page->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_page.get()));
}

void TestCachePage::init()
{
    m_accept = true;
    m_questions.clear();
    QVERIFY(m_controller->purgeCache(Scope::Everything).ok);
    m_page->refresh();
}

void TestCachePage::cleanupTestCase()
{
    m_page.reset();
    if (m_controller)
        m_controller->stopAndWait(std::chrono::milliseconds(500));
    m_controller.reset();
    m_demo.stopOrigin();
}

void TestCachePage::saveScreenshot(const QString& fileName)
{
    QString dir = qEnvironmentVariable("GATEHOUSE_TEST_ARTIFACTS");
    if (dir.isEmpty())
        dir = QDir::currentPath() + QStringLiteral("/test-artifacts");
    QVERIFY(QDir().mkpath(dir));
    const QString path = dir + QLatin1Char('/') + fileName;
    QVERIFY2(m_page->grab().save(path), qPrintable(path));
    qInfo() << "screenshot:" << path;
}

bool TestCachePage::warm(const std::string& target)
{
    for (int i = 0; i < 5; ++i) {
        const auto r = get(target);
        if (r.status != 200) {
            qWarning("%s: %d %s", target.c_str(), r.status, r.error.c_str());
            return false;
        }
        if (isHit(r))
            return true;
    }
    return false;
}

int TestCachePage::apiRow(const QString& key) const
{
    const auto* model = child<QTableView>("cacheApiTable")->model();
    for (int row = 0; row < model->rowCount(); ++row) {
        if (model->index(row, 0).data(CacheApiModel::ApiKeyRole).toString() == key)
            return row;
    }
    return -1;
}

void TestCachePage::apiModelPassesTester()
{
    CacheApiModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QCOMPARE(model.rowCount(), 0);
    ApiCacheRow a{QStringLiteral("1"), QStringLiteral("route-1"), {}};
    a.counters.hits = 3;
    a.counters.misses = 1;
    a.counters.objects = 2;
    a.counters.bytes = 2048;
    ApiCacheRow b{QStringLiteral("2"), QString(), {}};
    b.counters.bypasses = 5;
    model.setApiNames({{QStringLiteral("1"), QStringLiteral("shop")}});
    model.setRows({a, b});
    QCOMPARE(model.rowCount(), 2);
    QCOMPARE(model.columnCount(), int(CacheApiModel::ColumnCount));
    // Names set on the model win over the rows' own; no name at all: the key.
    QCOMPARE(model.index(0, CacheApiModel::Api).data().toString(), QStringLiteral("shop"));
    QCOMPARE(model.index(1, CacheApiModel::Api).data().toString(), QStringLiteral("2"));
    QCOMPARE(model.index(0, CacheApiModel::Requests).data(Qt::UserRole).toULongLong(), 4u);
    QCOMPARE(model.index(0, CacheApiModel::HitRatio).data(Qt::UserRole).toDouble(), 0.75);
    QCOMPARE(model.index(0, CacheApiModel::HitRatio).data().toString(),
             CacheApiModel::tr("%1 %").arg(QLocale().toString(75.0, 'f', 1)));
    QCOMPARE(model.index(1, CacheApiModel::HitRatio).data().toString(), QStringLiteral("–"));
    QCOMPARE(model.index(0, CacheApiModel::Bytes).data().toString(),
             QLocale().formattedDataSize(2048));
    QCOMPARE(model.index(1, CacheApiModel::Api).data(CacheApiModel::ApiKeyRole).toString(),
             QStringLiteral("2"));
    QVERIFY(model.headerData(CacheApiModel::HitRatio, Qt::Horizontal).isValid());

    // Same APIs: only dataChanged, so the view keeps its selection.
    QSignalSpy resets(&model, &QAbstractItemModel::modelReset);
    QSignalSpy changes(&model, &QAbstractItemModel::dataChanged);
    a.counters.hits = 10;
    model.setRows({a, b});
    QCOMPARE(resets.count(), 0);
    QCOMPARE(changes.count(), 1);
    model.setRows({b});
    QCOMPARE(resets.count(), 1);
    model.setRows({});
    QCOMPARE(model.rowCount(), 0);
}

void TestCachePage::eventModelPassesTester()
{
    CacheEventModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    CacheEventRow older{CacheEventRow::Kind::Stored, 1'000, 100, QStringLiteral("/shop/1")};
    CacheEventRow newer{CacheEventRow::Kind::Evicted, 2'000, 200, QStringLiteral("/shop/2")};
    model.setEvents({older, newer}); // oldest first in, newest first out
    QCOMPARE(model.rowCount(), 2);
    QCOMPARE(model.index(0, CacheEventModel::Key).data().toString(), QStringLiteral("/shop/2"));
    QCOMPARE(model.index(0, CacheEventModel::Event).data().toString(),
             CacheEventModel::tr("Evicted"));
    QCOMPARE(model.index(1, CacheEventModel::Size).data(Qt::UserRole).toUInt(), 100u);
    QSignalSpy resets(&model, &QAbstractItemModel::modelReset);
    model.setEvents({older, newer});
    QCOMPARE(resets.count(), 0); // nothing new: the view is left alone
    model.setEvents({});
    QCOMPARE(model.rowCount(), 0);
}

void TestCachePage::showsObjectsAndPerApiRows()
{
    QVERIFY(warm("/shop/1"));
    QVERIFY(warm("/shop/2"));
    QVERIFY(warm("/weather/oslo"));
    QCOMPARE(get("/echo").status, 200);
    m_page->refresh();

    QCOMPARE(child<QLabel>("objectsLabel")->text(), QLocale().toString(3));
    const qint64 bytes = m_page->lastSnapshot().total.bytes;
    QVERIFY(bytes > 0);
    QVERIFY2(child<QLabel>("usageLabel")->text().contains(QLocale().formattedDataSize(bytes)),
             qPrintable(child<QLabel>("usageLabel")->text()));
    QVERIFY(child<QLabel>("hitRatioLabel")->text().contains(QLatin1Char('%')));

    const auto* model = child<QTableView>("cacheApiTable")->model();
    const int shop = apiRow(QStringLiteral("1"));
    const int weather = apiRow(QStringLiteral("2"));
    QVERIFY(shop >= 0 && weather >= 0);
    QCOMPARE(model->index(shop, CacheApiModel::Api).data().toString(), QStringLiteral("shop"));
    QCOMPARE(model->index(shop, CacheApiModel::Objects).data(Qt::UserRole).toLongLong(), 2);
    QCOMPARE(model->index(weather, CacheApiModel::Objects).data(Qt::UserRole).toLongLong(), 1);
    QVERIFY(model->index(shop, CacheApiModel::Hits).data(Qt::UserRole).toULongLong() >= 2);
    QVERIFY(model->index(shop, CacheApiModel::HitRatio).data(Qt::UserRole).toDouble() > 0.0);
    QCOMPARE(apiRow(QStringLiteral("3")), -1); // /echo is not cached: never looked up
    // One miss and one hit per URL: 50 % for both, in the ranking chart too.
    QCOMPARE(m_page->hitRatioChart()->names().size(), 2);
    QVERIFY(m_page->hitRatioChart()->names().contains(QStringLiteral("shop")));
    QCOMPARE(m_page->hitRatioChart()->values(), (QList<double>{50.0, 50.0}));

    // Sortable: by objects, descending puts the shop first.
    child<QTableView>("cacheApiTable")->sortByColumn(CacheApiModel::Objects, Qt::DescendingOrder);
    QCOMPARE(apiRow(QStringLiteral("1")), 0);

    // The recent events show what was stored.
    const auto* events = child<QTableView>("recentEventsTable")->model();
    QStringList storedKeys;
    for (int row = 0; row < events->rowCount(); ++row) {
        if (events->index(row, CacheEventModel::Event).data().toString() ==
            CacheEventModel::tr("Stored"))
            storedKeys.append(events->index(row, CacheEventModel::Key).data().toString());
    }
    QVERIFY2(storedKeys.contains(QStringLiteral("/shop/1")), qPrintable(storedKeys.join(u' ')));
    QVERIFY(storedKeys.contains(QStringLiteral("/weather/oslo")));
    saveScreenshot(QStringLiteral("cache_page.png"));
    // The page's share of the smallest main window.
    const QSize size = m_page->size();
    m_page->resize(m_page->minimumSizeHint().expandedTo(QSize(740, 560)));
    QTest::qWait(20);
    QVERIFY(!m_page->hitRatioChart()->isVisible()); // hidden, not squeezed
    saveScreenshot(QStringLiteral("cache_page_small.png"));
    m_page->resize(size);
    QTRY_VERIFY(m_page->hitRatioChart()->isVisible());
}

void TestCachePage::refreshesLive()
{
    QCOMPARE(child<QLabel>("objectsLabel")->text(), QLocale().toString(0));
    QVERIFY(m_page->hitRatioChart()->names().isEmpty() ||
            m_page->hitRatioChart()->values().size() == m_page->hitRatioChart()->names().size());
    QVERIFY(warm("/shop/9"));
    // No explicit refresh: the page's own timer picks it up within a second or so.
    QTRY_COMPARE_WITH_TIMEOUT(child<QLabel>("objectsLabel")->text(), QLocale().toString(1),
                              CachePage::refreshIntervalMs * 3);
}

// The bars' value axis says what it measures and in what unit; the legend
// names the series.
void TestCachePage::hitRatioChartHasTitledAxisAndLegend()
{
    QVERIFY(warm("/shop/1"));
    m_page->refresh();
    QChart* chart = m_page->hitRatioChart()->chart();
    QCOMPARE(chart->title(), CachePage::tr("Hit ratio by API"));
    const auto values = chart->axes(Qt::Horizontal);
    QCOMPARE(values.size(), 1);
    QVERIFY(values.first()->isTitleVisible());
    QCOMPARE(values.first()->titleText(), CachePage::tr("Hit ratio (%)"));
    QVERIFY(chart->legend()->isVisible());
    QCOMPARE(chart->legend()->markers().size(), 1);
    QCOMPARE(chart->legend()->markers().first()->label(), CachePage::tr("Hit ratio"));
    saveScreenshot(QStringLiteral("cache_page_hit_ratio_chart.png"));
}

void TestCachePage::purgeByPrefix()
{
    QVERIFY(warm("/shop/1"));
    QVERIFY(warm("/shop/2"));
    QVERIFY(warm("/weather/oslo"));
    m_page->refresh();
    child<QLineEdit>("purgePrefixEdit")->setText(QStringLiteral("/shop/"));
    QTest::mouseClick(child<QPushButton>("purgePrefixButton"), Qt::LeftButton);
    QCOMPARE(m_questions.size(), 1);
    QVERIFY(m_questions.first().contains(QStringLiteral("/shop/")));
    QTRY_COMPARE(result(), CacheActionsPanel::tr("Purged %1 objects.").arg(QLocale().toString(2)));
    QCOMPARE(child<QLabel>("objectsLabel")->text(), QLocale().toString(1)); // refreshed at once
    QVERIFY(isMiss(get("/shop/1")));
    QVERIFY(isHit(get("/weather/oslo")));
    saveScreenshot(QStringLiteral("cache_page_purged.png"));
}

void TestCachePage::purgeSelectedApi()
{
    QVERIFY(warm("/shop/1"));
    QVERIFY(warm("/weather/oslo"));
    QVERIFY(warm("/weather/rome"));
    m_page->refresh();
    auto* button = child<QPushButton>("purgeApiButton");
    child<QTableView>("cacheApiTable")->clearSelection();
    QVERIFY(!button->isEnabled()); // nothing selected
    const int row = apiRow(QStringLiteral("2"));
    QVERIFY(row >= 0);
    child<QTableView>("cacheApiTable")->selectRow(row);
    QVERIFY(button->isEnabled());
    QTest::mouseClick(button, Qt::LeftButton);
    QCOMPARE(m_questions.size(), 1);
    QVERIFY2(m_questions.first().contains(QStringLiteral("weather")),
             qPrintable(m_questions.first()));
    QVERIFY(m_questions.first().contains(QLocale().toString(2))); // "holds 2 objects"
    QTRY_COMPARE(result(), CacheActionsPanel::tr("Purged %1 objects.").arg(QLocale().toString(2)));
    QVERIFY(isMiss(get("/weather/oslo")));
    QVERIFY(isHit(get("/shop/1")));
}

// The demo origin tags its forecasts "Cache-Tag: weather,city-<city>" (the
// current weather goes untagged): the tag typed into the page removes what
// the upstream tagged so, and only that.
void TestCachePage::purgeByTag()
{
    const auto forecast = get("/weather/oslo/forecast");
    QCOMPARE(forecast.status, 200);
    QVERIFY2(forecast.header("Cache-Tag").find("weather") != std::string::npos,
             forecast.header("Cache-Tag").c_str());
    QVERIFY(warm("/weather/oslo/forecast"));
    QVERIFY(warm("/weather/rome/forecast"));
    QVERIFY(warm("/weather/oslo"));
    QVERIFY(warm("/shop/1"));
    m_page->refresh();
    QCOMPARE(child<QLabel>("objectsLabel")->text(), QLocale().toString(4));
    auto* edit = child<QLineEdit>("purgeTagEdit");
    edit->clear();
    QTest::keyClicks(edit, QStringLiteral("weather"));
    QTest::mouseClick(child<QPushButton>("purgeTagButton"), Qt::LeftButton);
    QCOMPARE(m_questions.size(), 1);
    QVERIFY2(m_questions.first().contains(QStringLiteral("weather")),
             qPrintable(m_questions.first()));
    QTRY_COMPARE(result(), CacheActionsPanel::tr("Purged %1 objects.").arg(QLocale().toString(2)));
    QCOMPARE(child<QLabel>("objectsLabel")->text(), QLocale().toString(2));
    QVERIFY(isMiss(get("/weather/oslo/forecast")));
    QVERIFY(isMiss(get("/weather/rome/forecast")));
    QVERIFY(isHit(get("/weather/oslo"))); // untagged: kept
    QVERIFY(isHit(get("/shop/1")));
    saveScreenshot(QStringLiteral("cache_page_purged_by_tag.png"));
}

void TestCachePage::purgeEverything()
{
    QVERIFY(warm("/shop/1"));
    m_page->refresh();
    QTest::mouseClick(child<QPushButton>("purgeAllButton"), Qt::LeftButton);
    QCOMPARE(m_questions.size(), 1);
    QTRY_COMPARE(result(), CacheActionsPanel::tr("Purged 1 object."));
    QCOMPARE(child<QLabel>("objectsLabel")->text(), QLocale().toString(0));
    QVERIFY(isMiss(get("/shop/1")));
}

void TestCachePage::declinedConfirmationChangesNothing()
{
    QVERIFY(warm("/shop/1"));
    m_page->refresh();
    const QString before = result();
    m_accept = false;
    QTest::mouseClick(child<QPushButton>("purgeAllButton"), Qt::LeftButton);
    QCOMPARE(m_questions.size(), 1);
    QTest::qWait(50);
    QCOMPARE(result(), before);
    QVERIFY(!m_page->actions()->busy());
    QVERIFY(isHit(get("/shop/1")));
}

void TestCachePage::invalidInputIsRefusedWithoutAsking()
{
    child<QLineEdit>("purgePrefixEdit")->setText(QStringLiteral("shop"));
    QTest::mouseClick(child<QPushButton>("purgePrefixButton"), Qt::LeftButton);
    QVERIFY(m_questions.isEmpty());
    QVERIFY(result().contains(QStringLiteral("/shop/")));
    child<QLineEdit>("purgeTagEdit")->setText(QStringLiteral("  "));
    QTest::mouseClick(child<QPushButton>("purgeTagButton"), Qt::LeftButton);
    QVERIFY(m_questions.isEmpty());
    QCOMPARE(result(), CacheActionsPanel::tr("Enter one tag, as the upstream sends it in "
                                             "Cache-Tag or Surrogate-Key."));
}

void TestCachePage::budgetChangeApplies()
{
    QVERIFY(warm("/shop/1"));
    m_page->refresh();
    auto* apply = child<QPushButton>("applySettingsButton");
    QVERIFY(!apply->isEnabled()); // nothing changed yet
    child<QSpinBox>("budgetSpinBox")->setValue(32 * 1024);
    auto* eviction = child<QComboBox>("evictionComboBox");
    eviction->setCurrentIndex(eviction->findData(static_cast<int>(CacheEviction::Lru)));
    QVERIFY(apply->isEnabled());
    m_page->refresh(); // a poll while editing keeps what the user entered
    QCOMPARE(child<QSpinBox>("budgetSpinBox")->value(), 32 * 1024);
    QTest::mouseClick(apply, Qt::LeftButton);
    QCOMPARE(m_questions.size(), 1);
    QVERIFY(m_questions.first().contains(QLocale().formattedDataSize(32 * 1024 * 1024)));
    QTRY_VERIFY(!m_page->actions()->busy() &&
                result().contains(QLocale().formattedDataSize(32 * 1024 * 1024)));

    const auto snapshot = m_controller->cacheSnapshot(0);
    QCOMPARE(snapshot.budgetBytes, quint64(32 * 1024 * 1024));
    QCOMPARE(snapshot.eviction, CacheEviction::Lru);
    QCOMPARE(snapshot.total.objects, 0); // a fresh store
    QCOMPARE(m_controller->options().cache_budget_bytes, std::size_t(32 * 1024 * 1024));
    QCOMPARE(child<QLabel>("evictionLabel")->text(), CachePage::tr("LRU (least recently used)"));
    QVERIFY(child<QLabel>("usageLabel")
                ->text()
                .contains(QLocale().formattedDataSize(32 * 1024 * 1024)));
    QVERIFY(!apply->isEnabled());
    // The new store caches as before.
    QVERIFY(warm("/shop/1"));
    m_page->refresh();
    QCOMPARE(child<QLabel>("objectsLabel")->text(), QLocale().toString(1));
    saveScreenshot(QStringLiteral("cache_page_settings.png"));
}

void TestCachePage::fullCacheShowsEvictions()
{
    // 1 MiB with LRU, then about 1.3 MiB of distinct product pages.
    child<QSpinBox>("budgetSpinBox")->setValue(1024); // KiB
    auto* eviction = child<QComboBox>("evictionComboBox");
    eviction->setCurrentIndex(eviction->findData(static_cast<int>(CacheEviction::Lru)));
    QTest::mouseClick(child<QPushButton>("applySettingsButton"), Qt::LeftButton);
    QTRY_COMPARE(m_controller->cacheSnapshot(0).budgetBytes, quint64(1024 * 1024));
    QTRY_VERIFY(!m_page->actions()->busy());
    for (int i = 0; i < 900; ++i)
        QCOMPARE(get("/shop/" + std::to_string(i % 200 + 1) + "?n=" + std::to_string(i)).status,
                 200);
    m_page->refresh();

    const auto total = m_page->lastSnapshot().total;
    QVERIFY2(total.evictions > 0, qPrintable(child<QLabel>("activityLabel")->text()));
    QVERIFY(total.bytes <= 1024 * 1024);
    QCOMPARE(child<QLabel>("activityLabel")->text(),
             CachePage::tr("%1 stored, %2 evicted, %3 purged")
                 .arg(QLocale().toString(total.stores), QLocale().toString(total.evictions),
                      QLocale().toString(total.purges)));
    QVERIFY2(child<QProgressBar>("budgetBar")->value() > 800,
             qPrintable(child<QLabel>("usageLabel")->text()));
    bool evictedShown = false;
    const auto* events = child<QTableView>("recentEventsTable")->model();
    QCOMPARE(events->rowCount(), CachePage::recentEventCount);
    for (int row = 0; row < events->rowCount(); ++row)
        evictedShown =
            evictedShown || events->index(row, CacheEventModel::Event).data().toString() ==
                                CacheEventModel::tr("Evicted");
    QVERIFY(evictedShown);
    saveScreenshot(QStringLiteral("cache_page_full.png"));
}

// A response of 16 KiB or more is kept in a memory file: the page counts
// it against the gateway's own descriptor limit, and a purge gives it back.
void TestCachePage::largeBodyCountsAsBodyFile()
{
    m_page->refresh();
    const quint64 limit = m_controller->cacheSnapshot(0).bodyFilesLimit;
    QVERIFY(limit > 0);
    const QLocale locale;
    auto* label = child<QLabel>("bodyFilesLabel");
    QCOMPARE(label->text(),
             CachePage::tr("%1 of %2 descriptors").arg(locale.toString(0), locale.toString(limit)));
    QVERIFY(label->toolTip().contains(QLatin1String("sendfile")));
    QVERIFY(label->toolTip().contains(locale.formattedDataSize(16 * 1024)));

    const std::string large = "/respond?size=40000&h=Cache-Control%3Amax-age%3D60";
    QVERIFY(warm(large));
    QVERIFY(warm("/shop/1")); // small: in memory
    m_page->refresh();
    QCOMPARE(child<QLabel>("objectsLabel")->text(), locale.toString(2));
    QCOMPARE(label->text(),
             CachePage::tr("%1 of %2 descriptors").arg(locale.toString(1), locale.toString(limit)));
    QVERIFY(label->styleSheet().isEmpty()); // far from the limit: no warning
    saveScreenshot(QStringLiteral("cache_page_body_files.png"));

    QVERIFY(m_controller->purgeCache(Scope::Api, QStringLiteral("4")).ok);
    m_page->refresh();
    QCOMPARE(label->text(),
             CachePage::tr("%1 of %2 descriptors").arg(locale.toString(0), locale.toString(limit)));
}

// From 90 % of the descriptor limit the line warns, in words and colour;
// at the limit it says all are in use. (The real limit is a quarter of the
// process's descriptors: the gateway's own figures, moved near it.)
void TestCachePage::bodyFilesNearTheLimitWarn()
{
    m_page->refresh();
    auto snapshot = m_controller->cacheSnapshot(0);
    snapshot.bodyFilesLimit = 1000;
    const QLocale locale;
    auto* label = child<QLabel>("bodyFilesLabel");
    const auto count = [&](int n) {
        return CachePage::tr("%1 of %2 descriptors").arg(locale.toString(n), locale.toString(1000));
    };
    snapshot.bodyFiles = 899;
    m_page->showSnapshot(snapshot);
    QCOMPARE(label->text(), count(899));
    QVERIFY(label->styleSheet().isEmpty());
    snapshot.bodyFiles = 900;
    m_page->showSnapshot(snapshot);
    QCOMPARE(label->text(), CachePage::tr("%1: nearly all in use").arg(count(900)));
    QVERIFY2(label->styleSheet().contains(gatehouse::ui::StatusColors::warning().name()),
             qPrintable(label->styleSheet()));
    // Whole, on a second line if need be: nothing of the warning cut off.
    QTRY_VERIFY2(label->height() >= label->heightForWidth(label->width()),
                 qPrintable(QStringLiteral("%1 < %2")
                                .arg(label->height())
                                .arg(label->heightForWidth(label->width()))));
    saveScreenshot(QStringLiteral("cache_page_body_files_warning.png"));
    snapshot.bodyFiles = 1000;
    m_page->showSnapshot(snapshot);
    QCOMPARE(label->text(), CachePage::tr("%1: all in use").arg(count(1000)));
    QVERIFY(label->styleSheet().contains(gatehouse::ui::StatusColors::bad().name()));
    // The next poll shows the gateway's figures again.
    m_page->refresh();
    QVERIFY(label->styleSheet().isEmpty());
}

// The budget reads in the largest whole unit, takes typed sizes, and steps
// by a unit that suits the size.
void TestCachePage::budgetSpinBoxReadsAndStepsSizes()
{
    QCOMPARE(BudgetSpinBox::parseKib(QStringLiteral("64 KiB")), std::optional<qint64>(64));
    QCOMPARE(BudgetSpinBox::parseKib(QStringLiteral("8m")), std::optional<qint64>(8 * 1024));
    QCOMPARE(BudgetSpinBox::parseKib(QStringLiteral(" 2 GB ")),
             std::optional<qint64>(2 * 1024 * 1024));
    QCOMPARE(BudgetSpinBox::parseKib(QStringLiteral("1TiB")), std::optional<qint64>(1 << 30));
    QCOMPARE(BudgetSpinBox::parseKib(QStringLiteral("32")), std::optional<qint64>(32 * 1024));
    for (const char* bad : {"", "MiB", "-5 MiB", "1.5 GiB", "5 PiB", "12 apples"})
        QVERIFY2(!BudgetSpinBox::parseKib(QLatin1String(bad)), bad);

    BudgetSpinBox box;
    box.show();
    QCOMPARE(box.minimum(), 64);
    box.setValue(1536);
    QCOMPARE(box.text(), BudgetSpinBox::tr("%1 KiB").arg(1536));
    box.setValue(256 * 1024);
    QCOMPARE(box.text(), BudgetSpinBox::tr("%1 MiB").arg(256));
    box.setValue(2 * 1024 * 1024);
    QCOMPARE(box.text(), BudgetSpinBox::tr("%1 GiB").arg(2));

    box.setValue(1024); // 1 MiB
    box.stepBy(-1);
    QCOMPARE(box.value(), 1024 - 64);
    box.stepBy(1);
    QCOMPARE(box.value(), 1024);
    box.stepBy(1);
    QCOMPARE(box.value(), 2 * 1024);
    box.setValue(100);
    box.stepBy(1);
    QCOMPARE(box.value(), 128); // the next multiple
    box.stepBy(-5);
    QCOMPARE(box.value(), 64); // not below the minimum
    QVERIFY(!(box.stepEnabled() & QAbstractSpinBox::StepDownEnabled));
    box.setValue(1024 * 1024); // 1 GiB
    box.stepBy(-1);
    QCOMPARE(box.value(), 1023 * 1024);

    // Typed: a size with its unit; below the minimum it is corrected to it.
    box.selectAll();
    QTest::keyClicks(&box, QStringLiteral("512 KiB"));
    QTest::keyClick(&box, Qt::Key_Enter);
    QCOMPARE(box.value(), 512);
    box.selectAll();
    QTest::keyClicks(&box, QStringLiteral("32 KiB"));
    QTest::keyClick(&box, Qt::Key_Enter);
    QCOMPARE(box.value(), 64); // corrected to the nearest allowed
    box.selectAll();
    QTest::keyClicks(&box, QStringLiteral("5000 GiB"));
    QTest::keyClick(&box, Qt::Key_Enter);
    QCOMPARE(box.value(), BudgetSpinBox::maximumKib);
    QCOMPARE(box.text(), BudgetSpinBox::tr("%1 GiB").arg(1024));
    box.selectAll();
    QTest::keyClicks(&box, QStringLiteral("abc"));
    QCOMPARE(box.text(), BudgetSpinBox::tr("%1 GiB").arg(1024)); // refused as typed
}

// The console takes what the gateway takes: a budget down to 64 KiB, and a
// budget that is no whole MiB shows as it is, without an edit pending.
void TestCachePage::budgetDownToTheGatewaysMinimum()
{
    auto* spin = child<QSpinBox>("budgetSpinBox");
    auto* apply = child<QPushButton>("applySettingsButton");
    QCOMPARE(quint64(spin->minimum()) * 1024, GatewayController::minCacheBudget);
    QVERIFY(spin->toolTip().contains(QLocale().formattedDataSize(64 * 1024)));
    spin->selectAll();
    QTest::keyClicks(spin, QStringLiteral("64 KiB"));
    QTest::keyClick(spin, Qt::Key_Enter);
    QCOMPARE(spin->value(), 64);
    QVERIFY(apply->isEnabled());
    QTest::mouseClick(apply, Qt::LeftButton);
    QCOMPARE(m_questions.size(), 1);
    QVERIFY2(m_questions.first().contains(QLocale().formattedDataSize(64 * 1024)),
             qPrintable(m_questions.first()));
    QTRY_VERIFY(!m_page->actions()->busy());
    QCOMPARE(m_controller->cacheSnapshot(0).budgetBytes, quint64(64 * 1024));
    QVERIFY2(result().contains(QLocale().formattedDataSize(64 * 1024)), qPrintable(result()));
    QVERIFY(child<QLabel>("usageLabel")->text().contains(QLocale().formattedDataSize(64 * 1024)));
    QVERIFY(warm("/shop/1")); // a 64 KiB cache still caches
    m_page->refresh();
    QCOMPARE(child<QLabel>("objectsLabel")->text(), QLocale().toString(1));
    QVERIFY(!apply->isEnabled());
    saveScreenshot(QStringLiteral("cache_page_budget_minimum.png"));

    // Set elsewhere (the admin API, a configuration file): 1.5 MiB.
    QVERIFY(m_controller->setCacheOptionsAsync(1536 * 1024, CacheEviction::Lru).result().ok);
    m_page->refresh();
    QCOMPARE(spin->value(), 1536);
    QCOMPARE(spin->text(), BudgetSpinBox::tr("%1 KiB").arg(1536));
    QVERIFY(!apply->isEnabled());
    // Below what the gateway takes, nothing is asked and nothing changes.
    QVERIFY(!m_controller->setCacheOptionsAsync(32 * 1024, CacheEviction::Lru).result().ok);
    spin->setValue(1);
    QCOMPARE(spin->value(), 64);

    // Back to the demo's own budget.
    QVERIFY(m_controller
                ->setCacheOptionsAsync(DemoWorkspace::defaultOptions().cache_budget_bytes,
                                       CacheEviction::TinyLfu)
                .result()
                .ok);
    m_page->refresh();
}

QTEST_MAIN(TestCachePage)
#include "tst_cache_page.moc"
