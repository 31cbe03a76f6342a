// SPDX-FileCopyrightText: Gatehouse contributors
// SPDX-License-Identifier: Apache-2.0
#include "ui/gateway/gateway_page.h"

#include "app/catalog_service.h"
#include "app/demo_workspace.h"
#include "app/gateway_config_sync.h"
#include "app/gateway_controller.h"
#include "app/gateway_try_links.h"
#include "console_test_environment.h"
#include "demo_catalog_backend.h"
#include "layout_check.h"
#include "tests/support/test_http.h"
#include "ui/catalog/api_detail_pane.h"
#include "ui/catalog/catalog_page.h"
#include "ui/console_settings.h"
#include "ui/gateway/target_health_model.h"
#include "ui/gateway/url_link_label.h"
#include "ui/main_window.h"

#include <QAbstractItemModelTester>
#include <QClipboard>
#include <QDir>
#include <QFontMetricsF>
#include <QGuiApplication>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QPushButton>
#include <QScreen>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTextDocument>

#include <QRegularExpression>

#include <algorithm>
#include <atomic>
#include <memory>

using gatehouse::app::DemoWorkspace;
using gatehouse::app::GatewayController;
using gatehouse::app::TargetHealthRow;
using gatehouse::ui::GatewayPage;
using gatehouse::ui::MainWindow;
using gatehouse::ui::TargetHealthModel;
using gatehouse::ui::UrlLinkLabel;
using State = GatewayController::State;
namespace http = gatehouse::test;

class TestGatewayPage : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void healthModelPassesTester();
    void startShowsAddressAndLocksFields();
    void healthTableFillsFromStats();
    void tryLinksAreNeverSplit();
    void healthTableNamesCatalogApis();
    void tryLinksFollowTheDemoCatalog();
    void tryLinksWithoutTheDemoRoutes();
    void everyRoutedApiIsReachable();
    void restartKeepsServing();
    void refusedConnectionsAreCounted();
    void stopWorks();
    void emptyAddressIsAnError();
    void adminTokenIsCopied();
    void dnsRefreshSetOnThePageReachesTheGateway();

private:
    template <typename T>
    T* child(const char* name) const
    {
        auto* found = m_page->findChild<T*>(QLatin1String(name));
        if (!found)
            qFatal("no child %s", name);
        return found;
    }
    void saveScreenshot(const QString& fileName, QWidget* widget = nullptr);
    // The demo routes' URLs on the running gateway, as the page links them.
    QStringList tryUrls() const;

    DemoWorkspace m_demo;
    std::unique_ptr<GatewayController> m_controller;
    std::unique_ptr<GatewayPage> m_page;
};

void TestGatewayPage::initTestCase()
{
    gatehouse::test::useConsoleTestEnvironment(QStringLiteral("tst_gateway_page"));
    QVERIFY2(m_demo.startOrigin(), qPrintable(m_demo.lastError()));
    m_controller = std::make_unique<GatewayController>();
    m_controller->setStatsInterval(100);
    m_controller->setDrainTimeout(std::chrono::milliseconds(1000));
    QVERIFY2(m_controller->applyConfig(m_demo.snapshot()), qPrintable(m_controller->lastError()));
    auto options = DemoWorkspace::defaultOptions();
    options.port = 0;
    options.threads = 2;
    m_controller->setOptions(options);
    m_page = std::make_unique<GatewayPage>(m_controller.get());
    m_page->setDemoOriginUrl(m_demo.originUrl());
    m_page->resize(1000, 640);
    m_page->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_page.get()));
}

void TestGatewayPage::cleanupTestCase()
{
    m_page.reset();
    if (m_controller)
        m_controller->stopAndWait(std::chrono::milliseconds(500));
    m_controller.reset();
    m_demo.stopOrigin();
}

void TestGatewayPage::saveScreenshot(const QString& fileName, QWidget* widget)
{
    QString dir = qEnvironmentVariable("GATEHOUSE_TEST_ARTIFACTS");
    if (dir.isEmpty())
        dir = QDir::currentPath() + QStringLiteral("/test-artifacts");
    QVERIFY(QDir().mkpath(dir));
    const QString path = dir + QLatin1Char('/') + fileName;
    QVERIFY2((widget ? widget : m_page.get())->grab().save(path), qPrintable(path));
    qInfo() << "screenshot:" << path;
}

void TestGatewayPage::healthModelPassesTester()
{
    TargetHealthModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QCOMPARE(model.rowCount(), 0);
    TargetHealthRow a{QStringLiteral("shop"),
                      QStringLiteral("http://127.0.0.1:1"),
                      true,
                      0,
                      1,
                      10,
                      0,
                      1500,
                      {},
                      {}};
    TargetHealthRow b{
        QStringLiteral("shop"), QStringLiteral("http://127.0.0.1:2"), false, 3, 0, 5, 5, 0, {}, {}};
    model.setTargets({a, b});
    QCOMPARE(model.rowCount(), 2);
    QCOMPARE(model.columnCount(), int(TargetHealthModel::ColumnCount));
    QCOMPARE(model.index(1, TargetHealthModel::State).data().toString(),
             TargetHealthModel::tr("Unhealthy"));
    QCOMPARE(model.index(0, TargetHealthModel::LastLatency).data().toString(),
             TargetHealthModel::tr("%1 ms").arg(QLocale().toString(1.5, 'f', 2)));
    QCOMPARE(model.index(1, TargetHealthModel::LastLatency).data(Qt::UserRole).toULongLong(), 0u);
    QVERIFY(model.headerData(TargetHealthModel::Target, Qt::Horizontal).isValid());

    // Same targets: only dataChanged, no reset.
    QSignalSpy resets(&model, &QAbstractItemModel::modelReset);
    QSignalSpy changes(&model, &QAbstractItemModel::dataChanged);
    b.consecutiveFailures = 4;
    model.setTargets({a, b});
    QCOMPARE(resets.count(), 0);
    QCOMPARE(changes.count(), 1);
    QCOMPARE(model.index(1, TargetHealthModel::ConsecutiveFailures).data().toString(),
             QLocale().toString(4));
    // A target whose host name does not resolve says so, with the reason.
    TargetHealthRow c = b;
    c.problem = QStringLiteral("cannot resolve 'shop.internal': Host not found");
    model.setTargets({a, c});
    QCOMPARE(model.index(1, TargetHealthModel::State).data().toString(),
             TargetHealthModel::tr("Unresolved"));
    QCOMPARE(model.index(1, TargetHealthModel::State).data(Qt::ToolTipRole).toString(), c.problem);
    QCOMPARE(model.index(1, TargetHealthModel::Problem).data().toString(), c.problem);
    QVERIFY(model.index(0, TargetHealthModel::Problem).data().toString().isEmpty());
    // A failed refresh keeps the target's state (its old addresses serve)
    // and says why in the problem column.
    TargetHealthRow d = a;
    d.refreshError = QStringLiteral("Host not found");
    model.setTargets({d, c});
    QCOMPARE(model.index(0, TargetHealthModel::State).data().toString(),
             TargetHealthModel::tr("Healthy"));
    QCOMPARE(model.index(0, TargetHealthModel::Problem).data().toString(),
             TargetHealthModel::tr("DNS refresh failed: %1 (still using the last addresses)")
                 .arg(d.refreshError));
    model.setTargets({b});
    QCOMPARE(resets.count(), 1);

    // An upstream that serves one API alone is named by it; the gateway's
    // own name stays in the tooltip and the raw value.
    TargetHealthRow own = a;
    own.upstream = QStringLiteral("api-4");
    own.apiId = 4;
    TargetHealthRow shared = a;
    shared.upstream = QStringLiteral("demo-origin");
    shared.apiId = 0;
    model.setTargets({own, shared});
    QCOMPARE(model.index(0, TargetHealthModel::Upstream).data().toString(),
             QStringLiteral("api-4")); // no names yet
    const int before = int(changes.count());
    model.setApiNames({{4, QStringLiteral("Products v2")}, {0, QStringLiteral("none")}});
    QCOMPARE(int(changes.count()), before + 1);
    QCOMPARE(model.index(0, TargetHealthModel::Upstream).data().toString(),
             QStringLiteral("Products v2"));
    QCOMPARE(model.index(0, TargetHealthModel::Upstream).data(Qt::UserRole).toString(),
             QStringLiteral("api-4"));
    QVERIFY(model.index(0, TargetHealthModel::Upstream)
                .data(Qt::ToolTipRole)
                .toString()
                .startsWith(TargetHealthModel::tr("Upstream %1").arg(QStringLiteral("api-4"))));
    QCOMPARE(model.index(1, TargetHealthModel::Upstream).data().toString(),
             QStringLiteral("demo-origin"));
    // A name that went away (the API was retired and is no longer routed)
    // leaves the gateway's name, never a blank.
    model.setApiNames({{4, QString()}});
    QCOMPARE(model.index(0, TargetHealthModel::Upstream).data().toString(),
             QStringLiteral("api-4"));
    model.setApiNames({});
    QCOMPARE(model.index(0, TargetHealthModel::Upstream).data().toString(),
             QStringLiteral("api-4"));
    model.setTargets({});
    QCOMPARE(model.rowCount(), 0);
}

void TestGatewayPage::startShowsAddressAndLocksFields()
{
    QVERIFY(child<QPushButton>("startButton")->isEnabled());
    QVERIFY(!child<QPushButton>("stopButton")->isEnabled());
    QVERIFY(child<QSpinBox>("portSpinBox")->isEnabled());
    QCOMPARE(child<QSpinBox>("threadsSpinBox")->value(), 2);
    QTest::mouseClick(child<QPushButton>("startButton"), Qt::LeftButton);
    QTRY_COMPARE(m_controller->state(), State::Running);
    const QString expected = QStringLiteral("http://127.0.0.1:%1").arg(m_controller->port());
    QCOMPARE(child<QLabel>("listenUrlLabel")->text(), expected);
    QCOMPARE(m_page->tryLinks().size(), 3);
    QVERIFY(!m_page->moreTryLinksLabel());
    QCOMPARE(m_page->tryLinks().first()->url().toString(), expected + QStringLiteral("/shop/1"));
    QCOMPARE(child<QLabel>("demoOriginLabel")->text(), m_demo.originUrl().toString());
    QVERIFY(!child<QSpinBox>("portSpinBox")->isEnabled());
    QVERIFY(!child<QLineEdit>("listenAddressEdit")->isEnabled());
    QVERIFY(child<QPushButton>("stopButton")->isEnabled());
    QCOMPARE(m_controller->options().threads, 2u);
}

void TestGatewayPage::healthTableFillsFromStats()
{
    const quint16 port = m_controller->port();
    for (int i = 0; i < 10; ++i)
        QCOMPARE(http::http_request(port, "GET", "/shop/1").status, 200);
    auto* table = child<QTableView>("targetHealthTable");
    QTRY_VERIFY(table->model()->rowCount() > 0);
    QAbstractItemModelTester tester(table->model(),
                                    QAbstractItemModelTester::FailureReportingMode::QtTest);
    const QAbstractItemModel* model = table->model();
    QVERIFY2(model->index(0, TargetHealthModel::Target)
                 .data()
                 .toString()
                 .contains(QString::number(m_demo.originPort())),
             qPrintable(model->index(0, TargetHealthModel::Target).data().toString()));
    QVERIFY(!model->index(0, TargetHealthModel::Upstream).data().toString().isEmpty());
    QTRY_COMPARE(model->index(0, TargetHealthModel::State).data().toString(),
                 TargetHealthModel::tr("Healthy"));
    QTRY_VERIFY(model->index(0, TargetHealthModel::LastLatency).data(Qt::UserRole).toULongLong() >
                0);
    QTRY_COMPARE(child<QLabel>("requestCountLabel")->text(), QLocale().toString(10));
    QVERIFY(!child<QLabel>("targetsSummaryLabel")->text().isEmpty());
    saveScreenshot(QStringLiteral("gateway_running.png"));
}

QStringList TestGatewayPage::tryUrls() const
{
    const QString gateway = m_controller->listenUrl().toString();
    return {gateway + QStringLiteral("/shop/1"), gateway + QStringLiteral("/weather/london"),
            gateway + QStringLiteral("/echo")};
}

namespace {

// Every link whole on one line of its own, in order, reading as its URL or
// as that URL shortened in the middle (the whole of it in the tooltip), and
// nothing of it cut off. Fails the current test otherwise.
void verifyLinksWhole(const QList<UrlLinkLabel*>& links, const QStringList& urls,
                      const QString& where)
{
    QCOMPARE(links.size(), urls.size());
    const QChar ellipsis(0x2026);
    for (qsizetype i = 0; i < links.size(); ++i) {
        const UrlLinkLabel* link = links.at(i);
        const QString url = urls.at(i);
        const QString shown = link->shownText();
        const QString what = QStringLiteral("%1: link %2 shows \"%3\" in %4x%5")
                                 .arg(where)
                                 .arg(i)
                                 .arg(shown)
                                 .arg(link->width())
                                 .arg(link->height());
        QVERIFY2(link->isVisible(), qPrintable(what));
        QCOMPARE(link->url().toString(), url);
        QVERIFY2(!link->wordWrap(), qPrintable(what));
        QVERIFY2(link->text().contains(QStringLiteral("href=\"%1\"").arg(url)), qPrintable(what));
        // One line: a second one would need twice its font's line height.
        QVERIFY2(link->height() < 2 * link->fontMetrics().lineSpacing(), qPrintable(what));
        if (shown == url) {
            QVERIFY2(link->toolTip().isEmpty(), qPrintable(what));
        } else {
            // Elided in the middle: the start and the end of the URL itself.
            QCOMPARE(shown.count(ellipsis), 1);
            const QString head = shown.section(ellipsis, 0, 0);
            const QString tail = shown.section(ellipsis, 1);
            QVERIFY2(url.startsWith(head) && url.endsWith(tail) && !tail.isEmpty(),
                     qPrintable(what));
            QCOMPARE(link->toolTip(), url);
        }
        // What it shows fits its room, and all of the label shows.
        QVERIFY2(QFontMetricsF(link->font()).horizontalAdvance(shown) <=
                     link->contentsRect().width(),
                 qPrintable(what));
        QVERIFY2(link->visibleRegion().boundingRect() == link->rect(), qPrintable(what));
        if (i > 0)
            QVERIFY2(link->geometry().top() > links.at(i - 1)->geometry().bottom(),
                     qPrintable(what));
    }
}

} // namespace

// The "Try:" links: in the console window at the size it opens at and at
// the smallest it allows, and on a page squeezed narrower than the URLs,
// no URL is ever broken across lines. Screenshots of each.
void TestGatewayPage::tryLinksAreNeverSplit()
{
    QCOMPARE(m_controller->state(), State::Running);
    verifyLinksWhole(m_page->tryLinks(), tryUrls(), QStringLiteral("page at 1000x640"));
    if (QTest::currentTestFailed())
        return;
    for (const UrlLinkLabel* link : m_page->tryLinks())
        QVERIFY(!link->isElided()); // room enough here

    MainWindow window(m_controller.get());
    window.setDemoOriginUrl(m_demo.originUrl());
    window.setCurrentPage(MainWindow::Gateway);
    for (const auto& [size, name] : {std::pair{QSize(1420, 860), QStringLiteral("default")},
                                     std::pair{QSize(1, 1), QStringLiteral("minimum")}}) {
        window.resize(size); // QSize(1, 1): the smallest the window lets itself be made
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QTest::qWait(30);
        const QString where = QStringLiteral("window at %1 size %2x%3")
                                  .arg(name)
                                  .arg(window.width())
                                  .arg(window.height());
        verifyLinksWhole(window.gatewayPage()->tryLinks(), tryUrls(), where);
        if (QTest::currentTestFailed())
            return;
        gatehouse::test::verifyNothingClipped(window.gatewayPage(), where);
        gatehouse::test::saveScreenshot(&window,
                                        QStringLiteral("gateway_try_links_%1.png").arg(name));
    }

    // Narrower than the URLs (a window on a small screen split in two):
    // each is shortened in the middle, still on one line, still a link.
    m_page->resize(m_page->minimumSizeHint().width(), 640);
    QTest::qWait(30);
    const QList<UrlLinkLabel*> links = m_page->tryLinks();
    QVERIFY(!links.isEmpty());
    const int fullWidth = links.last()->sizeHint().width();
    if (links.last()->width() >= fullWidth) {
        // The page's other fields keep it wider than the URLs: squeeze the
        // links themselves, as a narrower layout would.
        for (UrlLinkLabel* link : links)
            link->setFixedWidth(link->minimumSizeHint().width() + 40);
        QTest::qWait(30);
    }
    verifyLinksWhole(links, tryUrls(), QStringLiteral("page squeezed"));
    if (QTest::currentTestFailed())
        return;
    QVERIFY(std::any_of(links.begin(), links.end(),
                        [](const UrlLinkLabel* link) { return link->isElided(); }));
    saveScreenshot(QStringLiteral("gateway_try_links_narrow.png"));
    for (UrlLinkLabel* link : links) {
        link->setMinimumWidth(0);
        link->setMaximumWidth(QWIDGETSIZE_MAX);
    }
    m_page->resize(1000, 640);
    QTest::qWait(30);
    verifyLinksWhole(m_page->tryLinks(), tryUrls(), QStringLiteral("page wide again"));
    for (const UrlLinkLabel* link : m_page->tryLinks())
        QVERIFY(!link->isElided());
}

// With the demo catalog compiled into the gateway, the upstream health
// table names each catalog API's upstream as the catalog does ("Products
// v2"), as the dashboard and the cache page do, never by the gateway's
// internal id ("api-2"); the demo origin, shared by several routes, keeps
// its own name.
void TestGatewayPage::healthTableNamesCatalogApis()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    gatehouse::app::CatalogService catalog;
    gatehouse::app::Principal admin;
    QString trafficKey;
    gatehouse::test::openDemoCatalog(catalog, dir.filePath(QStringLiteral("catalog.db")), admin,
                                     trafficKey);
    if (QTest::currentTestFailed())
        return;
    GatewayController controller;
    controller.setStatsInterval(100);
    auto options = DemoWorkspace::defaultOptions();
    options.port = 0;
    options.threads = 1;
    controller.setOptions(options);
    QVERIFY2(controller.applyConfig(m_demo.snapshot()), qPrintable(controller.lastError()));
    QVERIFY2(controller.start(options), qPrintable(controller.lastError()));

    // As the console wires it (app/main.cpp): names follow the catalog's compiles.
    MainWindow window(&controller);
    gatehouse::app::GatewayConfigSync sync(catalog, controller);
    window.followConfigSync(&sync);
    sync.setBaseSnapshot(m_demo.snapshot());
    sync.recompileNow();
    QTRY_VERIFY_WITH_TIMEOUT(sync.appliedCount() > 0 || !sync.lastError().isEmpty(), 5000);
    QVERIFY2(sync.lastError().isEmpty(), qPrintable(sync.lastError()));
    window.setCurrentPage(MainWindow::Gateway);
    window.resize(1420, 860);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));

    // Traffic through the catalog's routes: Products v2 with the demo key.
    const auto products = http::http_request(controller.port(), "GET", "/v2/products/1",
                                             {{"X-API-Key", trafficKey.toStdString()}});
    QCOMPARE(products.status, 200);

    const auto* table =
        window.gatewayPage()->findChild<QTableView*>(QStringLiteral("targetHealthTable"));
    QVERIFY(table);
    const QAbstractItemModel* model = table->model();
    const auto upstreams = [model](int role) {
        QStringList out;
        for (int row = 0; row < model->rowCount(); ++row)
            out << model->index(row, TargetHealthModel::Upstream).data(role).toString();
        return out;
    };
    QTRY_VERIFY_WITH_TIMEOUT(upstreams(Qt::DisplayRole).contains(QStringLiteral("Products v2")),
                             5000);
    const QStringList shown = upstreams(Qt::DisplayRole);
    for (const char* name : {"Products v1", "Products v2", "Weather v1", "Echo v1"})
        QVERIFY2(shown.contains(QLatin1String(name)), qPrintable(shown.join(QLatin1String(", "))));
    QVERIFY2(shown.contains(QStringLiteral("demo-origin")),
             qPrintable(shown.join(QLatin1String(", "))));
    const QRegularExpression internalId(QStringLiteral("^api-\\d+"));
    for (const QString& name : shown)
        QVERIFY2(!internalId.match(name).hasMatch(), qPrintable(shown.join(QLatin1String(", "))));
    // The gateway's own ids stay underneath, and in the tooltips.
    const QStringList raw = upstreams(Qt::UserRole);
    const qsizetype v2 = shown.indexOf(QStringLiteral("Products v2"));
    QVERIFY(internalId.match(raw.at(v2)).hasMatch());
    QVERIFY(model->index(int(v2), TargetHealthModel::Upstream)
                .data(Qt::ToolTipRole)
                .toString()
                .contains(raw.at(v2)));
    // The call above went through that row's upstream.
    QTRY_VERIFY_WITH_TIMEOUT(
        model->index(int(v2), TargetHealthModel::LastLatency).data(Qt::UserRole).toULongLong() > 0,
        5000);
    saveScreenshot(QStringLiteral("gateway_health_api_names.png"), &window);
    window.close();
    controller.stopAndWait(std::chrono::milliseconds(500));
}

namespace {

QStringList linkUrls(const QList<UrlLinkLabel*>& links)
{
    QStringList out;
    for (const UrlLinkLabel* link : links)
        out << link->url().toString();
    return out;
}

QStringList labelTexts(const QList<QLabel*>& labels)
{
    QStringList out;
    for (const QLabel* label : labels)
        out << label->text();
    return out;
}

} // namespace

// With the demo catalog compiled on top of the demo workspace, as the
// console runs it: the open catalog API first (Echo v1), then the demo
// routes up to three links, each of which answers 200 without a key; then
// the APIs that need a key, saying so, each linking to its Try It in the
// catalog, and each answering 401 without one.
void TestGatewayPage::tryLinksFollowTheDemoCatalog()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    gatehouse::app::CatalogService catalog;
    gatehouse::app::Principal admin;
    QString trafficKey;
    gatehouse::test::openDemoCatalog(catalog, dir.filePath(QStringLiteral("catalog.db")), admin,
                                     trafficKey);
    if (QTest::currentTestFailed())
        return;
    GatewayController controller;
    MainWindow window(&controller);
    window.setDemoOriginUrl(m_demo.originUrl());
    window.setCatalogService(&catalog, admin);
    // Not listening yet: nothing to try.
    GatewayPage* page = window.gatewayPage();
    QVERIFY(page->tryLinks().isEmpty());
    QVERIFY(page->keyedTryLabels().isEmpty());
    // As the console wires it (app/main.cpp): names follow the compiles.
    auto options = DemoWorkspace::defaultOptions();
    options.port = 0;
    options.threads = 1;
    QVERIFY2(controller.start(options), qPrintable(controller.lastError()));
    gatehouse::app::GatewayConfigSync sync(catalog, controller);
    window.followConfigSync(&sync);
    sync.setBaseSnapshot(m_demo.snapshot());
    sync.recompileNow();
    QTRY_VERIFY_WITH_TIMEOUT(sync.appliedCount() > 0 || !sync.lastError().isEmpty(), 5000);
    QVERIFY2(sync.lastError().isEmpty(), qPrintable(sync.lastError()));
    window.setCurrentPage(MainWindow::Gateway);
    window.resize(1420, 860);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));

    const QString gateway = controller.listenUrl().toString();
    QCOMPARE(linkUrls(page->tryLinks()),
             QStringList({gateway + QStringLiteral("/v1/echo/anything"),
                          gateway + QStringLiteral("/shop/1"),
                          gateway + QStringLiteral("/weather/london")}));
    for (const UrlLinkLabel* link : page->tryLinks()) {
        const auto answer =
            http::http_request(controller.port(), "GET", link->url().path().toStdString());
        QVERIFY2(
            answer.status == 200,
            qPrintable(link->url().toString() + QStringLiteral(" answered %1").arg(answer.status)));
    }
    // The demo workspace's own /echo did not fit in three: one more, in the menu.
    QVERIFY(page->moreTryLinksLabel());
    QVERIFY(page->moreTryLinksLabel()->text().contains(QStringLiteral(">1 more…<")));
    QCOMPARE(page->moreTryLinksMenu()->actions().size(), 1);
    QCOMPARE(page->moreTryLinksMenu()->actions().first()->text(),
             gateway + QStringLiteral("/echo"));
    // The names come with the first compile's apiNamesChanged.
    const QStringList expected = {
        QStringLiteral("Products v1 (/v1/products) needs an API key: try it in the catalog"),
        QStringLiteral("Products v2 (/v2/products) needs an API key: try it in the catalog"),
        QStringLiteral("Weather v1 (/v1/weather/city) needs an API key: try it in the catalog")};
    const auto plain = [page] {
        QStringList out;
        for (const QLabel* label : page->keyedTryLabels()) {
            QTextDocument doc;
            doc.setHtml(label->text());
            out << doc.toPlainText();
        }
        return out;
    };
    QTRY_COMPARE_WITH_TIMEOUT(plain(), expected, 5000);
    for (const QLabel* label : page->keyedTryLabels()) {
        QVERIFY(label->isVisible());
        const QString path = label->toolTip().mid(gateway.size());
        QVERIFY2(label->toolTip().startsWith(gateway), qPrintable(label->toolTip()));
        // Routed and guarded: not 404, but 401 without a key.
        QCOMPARE(http::http_request(controller.port(), "GET", path.toStdString()).status, 401);
    }
    // The drafts are not offered (Inventory v1), nor anything retired.
    QVERIFY(!labelTexts(page->keyedTryLabels())
                 .join(QLatin1Char(' '))
                 .contains(QLatin1String("Inventory")));
    saveScreenshot(QStringLiteral("gateway_try_links_demo_catalog.png"), &window);

    // "try it in the catalog": the catalog page, that API, its Try It tab.
    QLabel* weather = page->keyedTryLabels().at(2);
    const QString href =
        weather->text().section(QLatin1String("href=\""), 1).section(QLatin1Char('"'), 0, 0);
    QVERIFY2(href.startsWith(QLatin1String("tryit:")), qPrintable(weather->text()));
    QSignalSpy asked(page, &GatewayPage::tryItRequested);
    emit weather->linkActivated(href);
    QCOMPARE(asked.count(), 1);
    const qint64 weatherId = asked.first().first().toLongLong();
    QCOMPARE(window.currentPage(), MainWindow::Catalog);
    QTRY_COMPARE_WITH_TIMEOUT(window.catalogPage()->selectedApiId(), weatherId, 5000);
    QTRY_COMPARE_WITH_TIMEOUT(window.catalogPage()->detailPane()->heading(),
                              QStringLiteral("Weather v1"), 5000);
    QCOMPARE(window.catalogPage()->detailPane()->tabs()->currentIndex(),
             int(gatehouse::ui::ApiDetailPane::TryIt));

    window.close();
    controller.stopAndWait(std::chrono::milliseconds(500));
}

// A catalog without the demo routes (the demo origin is there as an
// upstream, but no base route): only what the catalog routes is offered,
// never the demo paths; with nothing routed at all, the row is hidden.
void TestGatewayPage::tryLinksWithoutTheDemoRoutes()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    gatehouse::app::CatalogService catalog;
    gatehouse::app::Principal admin;
    QString trafficKey;
    gatehouse::test::openDemoCatalog(catalog, dir.filePath(QStringLiteral("catalog.db")), admin,
                                     trafficKey);
    if (QTest::currentTestFailed())
        return;
    gatehouse::gateway::config_snapshot base = m_demo.snapshot();
    base.routes.clear(); // the origin stays, for the catalog's upstreams
    GatewayController controller;
    std::unique_ptr<gatehouse::app::GatewayConfigSync> sync;
    gatehouse::test::startGatewayFromCatalog(controller, catalog, base, sync);
    if (QTest::currentTestFailed())
        return;
    GatewayPage page(&controller);
    page.setDemoOriginUrl(m_demo.originUrl());
    page.resize(1000, 640);
    page.show();
    QVERIFY(QTest::qWaitForWindowExposed(&page));
    const QString gateway = controller.listenUrl().toString();
    QCOMPARE(linkUrls(page.tryLinks()),
             QStringList({gateway + QStringLiteral("/v1/echo/anything")}));
    QCOMPARE(http::http_request(controller.port(), "GET", "/v1/echo/anything").status, 200);
    QCOMPARE(http::http_request(controller.port(), "GET", "/shop/1").status, 404);
    // Without names or a catalog page: the API's number, and no link.
    QCOMPARE(page.keyedTryLabels().size(), 3);
    QVERIFY(!page.moreTryLinksLabel()); // all of them shown: nothing more
    const QString first = page.keyedTryLabels().first()->text();
    QVERIFY2(first.endsWith(QLatin1String("(/v1/products) needs an API key.")), qPrintable(first));
    QVERIFY2(first.startsWith(QLatin1String("API ")), qPrintable(first));
    QVERIFY2(!first.contains(QLatin1String("href")), qPrintable(first));
    saveScreenshot(QStringLiteral("gateway_try_links_no_demo_routes.png"), &page);

    // Nothing routed at all: no "Try:" row.
    QVERIFY2(controller.applyConfig(gatehouse::gateway::config_snapshot{}),
             qPrintable(controller.lastError()));
    QVERIFY(page.tryLinks().isEmpty());
    QVERIFY(page.keyedTryLabels().isEmpty());
    QVERIFY(!page.findChild<QWidget*>(QStringLiteral("tryLinks"))->isVisible());
    controller.stopAndWait(std::chrono::milliseconds(500));
}

// Twenty routed APIs: the first three open and three keyed ones are lines
// as before, and "N more…" offers every other one in its menu, each entry
// whole on one line; every API the gateway routes is reachable from the
// page, open ones answering without a key and keyed ones asking for one.
void TestGatewayPage::everyRoutedApiIsReachable()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    gatehouse::app::CatalogService catalog;
    gatehouse::app::Principal admin;
    QString trafficKey;
    gatehouse::test::openDemoCatalog(catalog, dir.filePath(QStringLiteral("catalog.db")), admin,
                                     trafficKey);
    if (QTest::currentTestFailed())
        return;
    // Six open and six keyed APIs more, published, on the demo origin's echo.
    const QString origin = m_demo.originUrl().toString();
    QString error;
    const QHash<QString, qint64> added = catalog.runAndWait([&](gatehouse::app::CatalogStore& s) {
        QHash<QString, qint64> ids;
        const auto team = s.teams().createTeam(admin, QStringLiteral("Extra"), QString());
        if (!team) {
            error = s.teams().lastError();
            return ids;
        }
        for (int i = 1; i <= 12; ++i) {
            const bool open = i <= 6;
            gatehouse::app::ApiDefinition def;
            def.slug = QStringLiteral("%1-%2").arg(open ? u"open" : u"keyed").arg(i);
            def.name = i == 12 ? QStringLiteral("R&D API 12")
                               : QStringLiteral("%1 API %2").arg(open ? u"Open" : u"Keyed").arg(i);
            def.teamId = team->id;
            def.visibility = gatehouse::app::ApiVisibility::Organisation;
            def.basePath = QStringLiteral("/echo/%1").arg(def.slug);
            def.routes = {{QStringLiteral("GET"), QStringLiteral("/items")}};
            def.upstreams = {{origin, 1}};
            def.authMode = open ? gatehouse::app::AuthMode::Open : gatehouse::app::AuthMode::ApiKey;
            const auto created = s.apis().createApi(admin, def);
            if (!created || !s.apis().publish(admin, created->id)) {
                error = s.apis().lastError();
                return ids;
            }
            ids.insert(def.basePath, created->id);
        }
        return ids;
    });
    QVERIFY2(added.size() == 12, qPrintable(error));

    GatewayController controller;
    MainWindow window(&controller);
    window.setDemoOriginUrl(m_demo.originUrl());
    window.setCatalogService(&catalog, admin);
    auto options = DemoWorkspace::defaultOptions();
    options.port = 0;
    options.threads = 1;
    QVERIFY2(controller.start(options), qPrintable(controller.lastError()));
    gatehouse::app::GatewayConfigSync sync(catalog, controller);
    window.followConfigSync(&sync);
    sync.setBaseSnapshot(m_demo.snapshot());
    sync.recompileNow();
    QTRY_VERIFY_WITH_TIMEOUT(sync.appliedCount() > 0 || !sync.lastError().isEmpty(), 5000);
    QVERIFY2(sync.lastError().isEmpty(), qPrintable(sync.lastError()));
    window.setCurrentPage(MainWindow::Gateway);
    window.resize(1420, 860);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    GatewayPage* page = window.gatewayPage();
    const QString gateway = controller.listenUrl().toString();

    // Open: Echo v1, six added, the three demo routes; keyed: Products v1
    // and v2, Weather v1, six added. Three of each shown, 13 in the menu.
    const QList<gatehouse::app::TryLink> all =
        gatehouse::app::tryLinks(*controller.appliedConfig());
    QCOMPARE(all.size(), 19);
    QCOMPARE(page->tryLinks().size(), GatewayPage::shownOpenTryLinks);
    QTRY_COMPARE_WITH_TIMEOUT(page->keyedTryLabels().size(), GatewayPage::shownKeyedTryLinks, 5000);
    QLabel* more = page->moreTryLinksLabel();
    QVERIFY(more);
    QVERIFY(more->isVisible());
    QTextDocument moreText;
    moreText.setHtml(more->text());
    QCOMPARE(moreText.toPlainText(), GatewayPage::tr("%n more…", nullptr, 13));
    QCOMPARE(moreText.toPlainText(), QStringLiteral("13 more…"));
    // Beside the first line, not below the last: the row is no taller.
    const QWidget* first = page->tryLinks().first();
    QVERIFY2(more->geometry().top() < first->geometry().bottom() &&
                 more->geometry().left() >= first->geometry().right(),
             qPrintable(QStringLiteral("more at %1,%2; first line ends at %3,%4")
                            .arg(more->x())
                            .arg(more->y())
                            .arg(first->geometry().right())
                            .arg(first->geometry().bottom())));
    QMenu* menu = page->moreTryLinksMenu();
    QVERIFY(menu);
    QVERIFY(!menu->isVisible());
    QCOMPARE(menu->actions().size(), 13);

    // Every routed API once, from the lines or the menu.
    QStringList reachable;
    for (const UrlLinkLabel* link : page->tryLinks())
        reachable << link->url().toString();
    for (const QLabel* label : page->keyedTryLabels())
        reachable << label->toolTip();
    QStringList keyedInMenu;
    for (const QAction* action : menu->actions()) {
        const QString url = action->data().toUrl().toString();
        QVERIFY2(url.startsWith(gateway), qPrintable(url));
        reachable << url;
        if (action->text() == url) {
            QVERIFY(action->isEnabled()); // open: the whole URL, opened in the browser
        } else {
            keyedInMenu << url;
            QVERIFY2(action->text().endsWith(QLatin1String("needs an API key: try it in the "
                                                           "catalog")),
                     qPrintable(action->text()));
            QVERIFY(action->isEnabled());
        }
    }
    QCOMPARE(keyedInMenu.size(), 6);
    QStringList expected;
    for (const gatehouse::app::TryLink& link : all)
        expected << gateway + link.path;
    // Lines first, then the menu: the same links, each once.
    QCOMPARE(reachable.size(), expected.size());
    QStringList sortedReachable = reachable;
    sortedReachable.sort();
    sortedReachable.removeDuplicates();
    expected.sort();
    QCOMPARE(sortedReachable, expected);
    for (auto it = added.cbegin(); it != added.cend(); ++it) {
        const QString url = gateway + it.key() + QStringLiteral("/items");
        QVERIFY2(reachable.contains(url), qPrintable(url));
    }
    for (const char* path : {"/v1/echo/anything", "/v1/products", "/v2/products",
                             "/v1/weather/city", "/shop/1", "/weather/london", "/echo"})
        QVERIFY2(reachable.contains(gateway + QLatin1String(path)), path);
    // What they promise: open ones answer without a key, keyed ones ask for one.
    for (const gatehouse::app::TryLink& link : all) {
        const int status =
            http::http_request(controller.port(), "GET", link.path.toStdString()).status;
        QVERIFY2(status == (link.needsKey ? 401 : 200),
                 qPrintable(QStringLiteral("%1 answered %2").arg(link.path).arg(status)));
    }
    // The shown lines stay whole; the page did not grow with the APIs.
    verifyLinksWhole(page->tryLinks(), reachable.mid(0, GatewayPage::shownOpenTryLinks),
                     QStringLiteral("twenty APIs"));
    if (QTest::currentTestFailed())
        return;
    gatehouse::test::verifyNothingClipped(page, QStringLiteral("twenty APIs"));
    saveScreenshot(QStringLiteral("gateway_try_links_more.png"), &window);

    // A keyed API from the menu: its Try It in the catalog.
    QAction* last = menu->actions().last();
    const qint64 lastId = added.value(QStringLiteral("/echo/keyed-12"));
    QCOMPARE(last->data().toUrl().toString(), gateway + QStringLiteral("/echo/keyed-12/items"));
    // An '&' in a name reads as itself, not as a mnemonic.
    QVERIFY2(last->text().startsWith(QLatin1String("R&&D API 12 v1 (")), qPrintable(last->text()));
    // The link opens the menu.
    const QString href =
        more->text().section(QLatin1String("href=\""), 1).section(QLatin1Char('"'), 0, 0);
    emit more->linkActivated(href);
    QTRY_VERIFY(menu->isVisible());
    QVERIFY2(menu->height() <= menu->screen()->availableGeometry().height(),
             qPrintable(QString::number(menu->height())));
    for (const QAction* action : menu->actions()) // whole, on one line
        QVERIFY2(menu->actionGeometry(const_cast<QAction*>(action)).height() <
                     2 * menu->fontMetrics().lineSpacing(),
                 qPrintable(action->text()));
    saveScreenshot(QStringLiteral("gateway_try_links_more_menu.png"), menu);
    menu->hide();
    QSignalSpy asked(page, &GatewayPage::tryItRequested);
    last->trigger();
    QCOMPARE(asked.count(), 1);
    QCOMPARE(asked.first().first().toLongLong(), lastId);
    QCOMPARE(window.currentPage(), MainWindow::Catalog);
    QTRY_COMPARE_WITH_TIMEOUT(window.catalogPage()->selectedApiId(), lastId, 5000);
    window.close();
    controller.stopAndWait(std::chrono::milliseconds(500));
}

void TestGatewayPage::restartKeepsServing()
{
    QSignalSpy states(m_controller.get(), &GatewayController::stateChanged);
    QTest::mouseClick(child<QPushButton>("restartButton"), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(states.count() >= 3, 10000); // Stopping, Stopped, Starting/Running
    QTRY_COMPARE_WITH_TIMEOUT(m_controller->state(), State::Running, 10000);
    QCOMPARE(http::http_request(m_controller->port(), "GET", "/shop/2").status, 200);
}

// Connections closed before HTTP are no calls, so the page counts them: a
// listener expecting PROXY headers from a balancer that sends none shows.
void TestGatewayPage::refusedConnectionsAreCounted()
{
    QCOMPARE(child<QLabel>("refusedConnectionsLabel")->text(), QLocale().toString(0));
    const auto original = m_controller->options();
    m_controller->stopAndWait(std::chrono::milliseconds(500));
    auto behindBalancer = original;
    behindBalancer.proxy_protocol = true;
    QVERIFY(behindBalancer.trusted_proxies.add("127.0.0.0/8"));
    QVERIFY2(m_controller->start(behindBalancer), qPrintable(m_controller->lastError()));
    QTRY_COMPARE_WITH_TIMEOUT(m_controller->state(), State::Running, 10000);
    for (int i = 0; i < 2; ++i) {
        http::http_connection c;
        QVERIFY(c.connect(m_controller->port()));
        QVERIFY(c.send("GET", "/shop/1"));
        QVERIFY(c.wait_closed(std::chrono::seconds(5)));
    }
    auto* label = child<QLabel>("refusedConnectionsLabel");
    QTRY_COMPARE(label->text(), QLocale().toString(2));
    QVERIFY2(
        label->toolTip().contains(QLocale().toString(2) + QStringLiteral(" without a valid PROXY")),
        qPrintable(label->toolTip()));
    saveScreenshot(QStringLiteral("gateway_refused_connections.png"));
    m_controller->stopAndWait(std::chrono::milliseconds(500));
    QVERIFY2(m_controller->start(original), qPrintable(m_controller->lastError()));
    QTRY_COMPARE_WITH_TIMEOUT(m_controller->state(), State::Running, 10000);
    QCOMPARE(http::http_request(m_controller->port(), "GET", "/shop/2").status, 200);
}

void TestGatewayPage::stopWorks()
{
    QTest::mouseClick(child<QPushButton>("stopButton"), Qt::LeftButton);
    QVERIFY(!child<QPushButton>("stopButton")->isEnabled());
    QVERIFY(!child<QPushButton>("startButton")->isEnabled()); // until drained
    QTRY_COMPARE_WITH_TIMEOUT(m_controller->state(), State::Stopped, 10000);
    QVERIFY(child<QPushButton>("startButton")->isEnabled());
    QCOMPARE(child<QLabel>("stateLabel")->text(), GatewayPage::tr("Stopped"));
    QCOMPARE(child<QLabel>("listenUrlLabel")->text(), GatewayPage::tr("Not listening"));
    QVERIFY(child<QSpinBox>("portSpinBox")->isEnabled());
    QCOMPARE(child<QTableView>("targetHealthTable")->model()->rowCount(), 0);
    // Totals stay visible after a stop.
    QVERIFY(child<QLabel>("requestCountLabel")->text() != QStringLiteral("0"));
    saveScreenshot(QStringLiteral("gateway_stopped.png"));
}

void TestGatewayPage::emptyAddressIsAnError()
{
    const QString expected = GatewayPage::tr("Enter a listen address, for example 127.0.0.1.");
    QSignalSpy errors(m_page.get(), &GatewayPage::errorShown);
    child<QLineEdit>("listenAddressEdit")->clear();
    m_page->start();
    QCOMPARE(errors.count(), 1);
    QCOMPARE(errors.first().first().toString(), expected);
    QCOMPARE(m_controller->state(), State::Stopped);
    child<QLineEdit>("listenAddressEdit")->setText(QStringLiteral("127.0.0.1"));

    // In the window: the message is in the banner above the page.
    MainWindow window(m_controller.get());
    window.setCurrentPage(MainWindow::Gateway);
    window.resize(1000, 700);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    auto* address =
        window.gatewayPage()->findChild<QLineEdit*>(QStringLiteral("listenAddressEdit"));
    QVERIFY(address);
    address->clear();
    auto* start = window.gatewayPage()->findChild<QPushButton*>(QStringLiteral("startButton"));
    QVERIFY(start && start->isEnabled());
    QTest::mouseClick(start, Qt::LeftButton);
    auto* banner = window.findChild<QLabel*>(QStringLiteral("errorLabel"));
    QVERIFY(banner);
    QTRY_VERIFY(banner->isVisible());
    QCOMPARE(banner->text(), expected);
    QCOMPARE(m_controller->state(), State::Stopped);
    address->setText(QStringLiteral("127.0.0.1"));
}

void TestGatewayPage::adminTokenIsCopied()
{
    auto* url = child<QLabel>("adminUrlLabel");
    auto* copy = child<QPushButton>("copyAdminTokenButton");
    m_page->setAdminApi(QUrl(), QString());
    QVERIFY(!copy->isEnabled()); // the admin API is off

    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("admin-token"));
    {
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("s3cr3t-token-value\n");
    }
    m_page->setAdminApi(QUrl(QStringLiteral("http://127.0.0.1:9080")), path);
    QCOMPARE(url->text(), QStringLiteral("http://127.0.0.1:9080"));
    QVERIFY(copy->isEnabled());
    QGuiApplication::clipboard()->clear();
    QTest::mouseClick(copy, Qt::LeftButton);
    QCOMPARE(QGuiApplication::clipboard()->text(), QStringLiteral("s3cr3t-token-value"));

    // A token file that went away: said in the window, clipboard untouched.
    QVERIFY(QFile::remove(path));
    QSignalSpy errors(m_page.get(), &GatewayPage::errorShown);
    QVERIFY(!m_page->copyAdminToken());
    QCOMPARE(errors.count(), 1);
    QVERIFY(errors.first().first().toString().contains(QStringLiteral("admin-token")));
    QCOMPARE(QGuiApplication::clipboard()->text(), QStringLiteral("s3cr3t-token-value"));
}

// The DNS refresh interval entered on the page reaches the running gateway:
// with an injected resolver, the upstream's name is looked up again every
// second instead of every 30 s. Values out of range are refused next to the
// field and change nothing. A refresh that fails shows in the health table's
// problem column while the last address keeps serving.
void TestGatewayPage::dnsRefreshSetOnThePageReachesTheGateway()
{
    std::atomic<int> lookups{0};
    std::atomic<bool> failing{false};
    GatewayController controller;
    controller.setStatsInterval(100);
    controller.setHostResolver([&](const std::string& host, std::uint16_t, std::string& error) {
        ++lookups;
        if (failing.load() || host != "origin.gatehouse.test") {
            error = "Host not found";
            return std::vector<std::string>{};
        }
        return std::vector<std::string>{"127.0.0.1"};
    });
    // The demo workspace with its origin named instead of numbered.
    auto config = m_demo.snapshot();
    for (auto& upstream : config.upstreams)
        for (auto& target : upstream.targets)
            target.url =
                QString::fromStdString(target.url)
                    .replace(QStringLiteral("127.0.0.1"), QStringLiteral("origin.gatehouse.test"))
                    .toStdString();
    QVERIFY2(controller.applyConfig(config), qPrintable(controller.lastError()));
    auto options = DemoWorkspace::defaultOptions();
    options.port = 0;
    options.threads = 1;
    QVERIFY2(controller.start(options), qPrintable(controller.lastError()));

    GatewayPage page(&controller);
    page.resize(1000, 640);
    page.show();
    QVERIFY(QTest::qWaitForWindowExposed(&page));
    auto* edit = page.findChild<QLineEdit*>(QStringLiteral("dnsRefreshEdit"));
    auto* note = page.findChild<QLabel*>(QStringLiteral("dnsRefreshNote"));
    auto* table = page.findChild<QTableView*>(QStringLiteral("targetHealthTable"));
    QVERIFY(edit && note && table);
    const QAbstractItemModel* model = table->model();
    QCOMPARE(edit->text(), QStringLiteral("30s")); // the configuration's own value
    // The interval is an upper bound: the tooltip says a DNS TTL comes first.
    QVERIFY2(edit->toolTip().contains(QLatin1String("TTL")), qPrintable(edit->toolTip()));
    QTRY_VERIFY_WITH_TIMEOUT(http::http_request(controller.port(), "GET", "/shop/1").status == 200,
                             5000);
    QTRY_VERIFY(model->rowCount() > 0);
    // The table follows the gateway's stats, polled every 100 ms: a snapshot
    // taken before the first lookup had finished still says "unresolved".
    const auto problems = [&] {
        QStringList found;
        for (int row = 0; row < model->rowCount(); ++row)
            if (const auto p = model->index(row, TargetHealthModel::Problem).data().toString();
                !p.isEmpty())
                found << p;
        return found.join(QLatin1Char('|'));
    };
    QTRY_COMPARE(problems(), QString());

    const auto enter = [&](const char* text) {
        edit->setFocus();
        edit->selectAll();
        QTest::keyClicks(edit, QLatin1String(text));
        QTest::keyClick(edit, Qt::Key_Return);
    };
    enter("500ms");
    QCOMPARE(note->text(), GatewayPage::tr("Must be 0 (off) or from 1s to 24h."));
    enter("25h");
    QCOMPARE(note->text(), GatewayPage::tr("Must be 0 (off) or from 1s to 24h."));
    enter("soon");
    QCOMPARE(note->text(),
             GatewayPage::tr("Not a duration: enter e.g. 30s, 5m or 1h, or 0 to turn it off."));
    QCOMPARE(qint64(controller.dnsRefreshInterval().count()), qint64(30000));
    QVERIFY(!gatehouse::ui::ConsoleSettings::dnsRefreshInterval());

    const int before = lookups.load();
    enter("1s");
    QCOMPARE(qint64(controller.dnsRefreshInterval().count()), qint64(1000));
    QCOMPARE(note->text(), GatewayPage::tr("Looked up again when the DNS TTL ends, at least "
                                           "every %1.")
                               .arg(QStringLiteral("1s")));
    QVERIFY(gatehouse::ui::ConsoleSettings::dnsRefreshInterval() ==
            std::optional(std::chrono::milliseconds(1000)));
    // At 30 s none of these would come within the wait.
    QTRY_VERIFY_WITH_TIMEOUT(lookups.load() >= before + 3, 8000);

    failing = true;
    const auto problemShown = [&] {
        for (int row = 0; row < model->rowCount(); ++row) {
            const QString problem = model->index(row, TargetHealthModel::Problem).data().toString();
            if (problem ==
                TargetHealthModel::tr("DNS refresh failed: %1 (still using the last addresses)")
                    .arg(QStringLiteral("Host not found")))
                return model->index(row, TargetHealthModel::State).data().toString() !=
                       TargetHealthModel::tr("Unresolved");
        }
        return false;
    };
    QTRY_VERIFY_WITH_TIMEOUT(problemShown(), 8000);
    QCOMPARE(http::http_request(controller.port(), "GET", "/shop/1").status, 200);
    saveScreenshot(QStringLiteral("gateway_dns_refresh_failed.png"), &page);

    failing = false;
    QTRY_VERIFY_WITH_TIMEOUT(!problemShown(), 8000);
    enter("0");
    QCOMPARE(qint64(controller.dnsRefreshInterval().count()), qint64(0));
    controller.stopAndWait(std::chrono::milliseconds(500));
}

QTEST_MAIN(TestGatewayPage)
#include "tst_gateway_page.moc"
