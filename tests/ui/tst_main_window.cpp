// SPDX-FileCopyrightText: Gatehouse contributors
// SPDX-License-Identifier: Apache-2.0
#include "ui/main_window.h"

#include "screenshot.h"

#include "app/catalog_service.h"
#include "app/catalog_startup.h"
#include "app/demo_workspace.h"
#include "app/gateway_config_sync.h"
#include "app/gateway_controller.h"
#include "tests/app/demo_catalog_gateway.h"
#include "tests/support/test_http.h"
#include "ui/application_icon.h"
#include "ui/charts/ranking_bar_chart.h"
#include "ui/charts/time_series_chart.h"
#include "ui/console_settings.h"
#include "ui/console_translations.h"
#include "ui/dashboard/dashboard_page.h"
#include "ui/domain_message_text.h"
#include "ui/gateway/gateway_page.h"
#include "ui/pages/settings_page.h"
#include "ui/traffic/traffic_panel.h"

#include <QAbstractAxis>
#include <QAction>
#include <QApplication>
#include <QChart>
#include <QChartView>
#include <QComboBox>
#include <QDir>
#include <QDockWidget>
#include <QFile>
#include <QGroupBox>
#include <QHostAddress>
#include <QIcon>
#include <QImage>
#include <QLabel>
#include <QLayout>
#include <QLegend>
#include <QListWidget>
#include <QPushButton>
#include <QScopeGuard>
#include <QSettings>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStackedWidget>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using gatehouse::app::DemoWorkspace;
using gatehouse::app::GatewayController;
using gatehouse::ui::MainWindow;
using State = GatewayController::State;
using gatehouse::test::saveScreenshot;

class TestMainWindow : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void hasAllPages();
    void opensEachPage();
    void shortcutsSwitchPages();
    void statusBarFollowsGateway();
    void errorShownWhenPortTaken();
    void unresolvableUpstreamIsAWarningNotARefusal();
    void rejectedConfigShowsInTheBanner();
    void followsDarkPalette();
    void trafficDockTogglesAndIsRemembered();
    void geometryAndPageAreSaved();
    void windowIconIsTheInstalledIcon();
    void languageChosenInSettingsIsUsedAtTheNextStart();
    void pagesWithoutTheirServiceSayWhy();

private:
    QLabel* label(const char* name) const
    {
        auto* found = m_window->findChild<QLabel*>(QLatin1String(name));
        if (!found)
            qFatal("no label %s", name);
        return found;
    }

    DemoWorkspace m_demo;
    std::unique_ptr<GatewayController> m_controller;
    gatehouse::app::TrafficGenerator m_traffic;
    std::unique_ptr<MainWindow> m_window;
};

void TestMainWindow::initTestCase()
{
    qputenv("XDG_RUNTIME_DIR", QDir::tempPath().toLocal8Bit());
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("GatehouseTests"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_main_window"));
    QSettings().clear();

    QVERIFY2(m_demo.startOrigin(), qPrintable(m_demo.lastError()));
    m_controller = std::make_unique<GatewayController>();
    m_controller->setStatsInterval(100);
    m_controller->setDrainTimeout(std::chrono::milliseconds(1000));
    QVERIFY2(m_controller->applyConfig(m_demo.snapshot()), qPrintable(m_controller->lastError()));
    auto options = DemoWorkspace::defaultOptions();
    options.port = 0;
    options.threads = 2;
    m_controller->setOptions(options);

    m_window = std::make_unique<MainWindow>(m_controller.get());
    m_window->setDemoOriginUrl(m_demo.originUrl());
    m_window->resize(1280, 820);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
}

void TestMainWindow::cleanupTestCase()
{
    m_window.reset();
    if (m_controller)
        m_controller->stopAndWait(std::chrono::milliseconds(500));
    m_controller.reset();
    m_demo.stopOrigin();
}

void TestMainWindow::hasAllPages()
{
    auto* navigation = m_window->findChild<QListWidget*>(QStringLiteral("navigation"));
    auto* pages = m_window->findChild<QStackedWidget*>(QStringLiteral("pages"));
    QVERIFY(navigation && pages);
    QCOMPARE(navigation->count(), int(MainWindow::PageCount));
    QCOMPARE(pages->count(), int(MainWindow::PageCount));
    QCOMPARE(navigation->item(0)->text(), m_window->pageTitle(MainWindow::Dashboard));
    QCOMPARE(navigation->item(MainWindow::CallLogs)->text(), MainWindow::tr("Call Logs"));
    QCOMPARE(m_window->currentPage(), MainWindow::Dashboard);
    QVERIFY(!m_window->windowTitle().isEmpty());
}

void TestMainWindow::opensEachPage()
{
    auto* navigation = m_window->findChild<QListWidget*>(QStringLiteral("navigation"));
    auto* pages = m_window->findChild<QStackedWidget*>(QStringLiteral("pages"));
    for (int i = 0; i < MainWindow::PageCount; ++i) {
        const auto page = static_cast<MainWindow::Page>(i);
        navigation->setCurrentRow(i); // as a click on the sidebar does
        QCOMPARE(m_window->currentPage(), page);
        QCOMPARE(pages->currentIndex(), i);
        QVERIFY(pages->currentWidget()->isVisible());
        QTest::qWait(50);
        saveScreenshot(m_window.get(), MainWindow::pageId(page).toLower() + QStringLiteral(".png"));
    }
    // Placeholders say what will be there.
    m_window->setCurrentPage(MainWindow::Catalog);
    auto* text = m_window->findChild<QStackedWidget*>(QStringLiteral("pages"))
                     ->currentWidget()
                     ->findChild<QLabel*>(QStringLiteral("placeholderText"));
    QVERIFY(text && text->text().contains(QStringLiteral("catalog")));
}

void TestMainWindow::shortcutsSwitchPages()
{
    for (int i = 0; i < MainWindow::PageCount; ++i) {
        const auto page = static_cast<MainWindow::Page>(i);
        auto* action = m_window->findChild<QAction*>(
            QStringLiteral("show%1Action").arg(MainWindow::pageId(page)));
        QVERIFY(action);
        QCOMPARE(action->shortcut(), QKeySequence(Qt::CTRL | static_cast<Qt::Key>(Qt::Key_1 + i)));
        action->trigger();
        QCOMPARE(m_window->currentPage(), page);
    }
    auto* quit = m_window->findChild<QAction*>(QStringLiteral("quitAction"));
    QCOMPARE(quit->shortcut(), QKeySequence(Qt::CTRL | Qt::Key_Q));
    auto* refresh = m_window->findChild<QAction*>(QStringLiteral("refreshAction"));
    QCOMPARE(refresh->shortcut(), QKeySequence(QKeySequence::Refresh));
    refresh->trigger(); // must not crash on any page
    m_window->setCurrentPage(MainWindow::Dashboard);
    refresh->trigger();
}

void TestMainWindow::statusBarFollowsGateway()
{
    QCOMPARE(label("statusBarStateLabel")->text(), MainWindow::tr("Gateway stopped"));
    QCOMPARE(label("statusBarHitRatioLabel")->text(),
             MainWindow::tr("Hit ratio: %1").arg(QStringLiteral("–")));
    m_window->findChild<QAction*>(QStringLiteral("startAction"))->trigger();
    QTRY_COMPARE(m_controller->state(), State::Running);
    const QString url = QStringLiteral("http://127.0.0.1:%1").arg(m_controller->port());
    QCOMPARE(label("statusBarAddressLabel")->text(), url);
    QCOMPARE(label("statusBarStateLabel")->text(), MainWindow::tr("Gateway running"));
    QVERIFY(label("statusBarRateLabel")->text().contains(QStringLiteral("req/s")));

    m_window->dashboard()->setHitRatio(0.5);
    QTRY_VERIFY(label("statusBarHitRatioLabel")->text().contains(QStringLiteral("50")));
    m_window->dashboard()->setHitRatio(-1.0);

    m_window->findChild<QAction*>(QStringLiteral("stopAction"))->trigger();
    QTRY_COMPARE_WITH_TIMEOUT(m_controller->state(), State::Stopped, 10000);
    QCOMPARE(label("statusBarAddressLabel")->text(), MainWindow::tr("Not listening"));
}

void TestMainWindow::errorShownWhenPortTaken()
{
    QTcpServer occupier;
    QVERIFY(occupier.listen(QHostAddress::LocalHost, 0));
    m_window->setCurrentPage(MainWindow::Dashboard);
    auto* port = m_window->findChild<QSpinBox*>(QStringLiteral("portSpinBox"));
    port->setValue(occupier.serverPort());

    m_window->findChild<QAction*>(QStringLiteral("startAction"))->trigger();
    QCOMPARE(m_controller->state(), State::Stopped);
    QLabel* error = label("errorLabel");
    // The banner sits above every page, so it shows on the dashboard too.
    QTRY_VERIFY(error->isVisible());
    QVERIFY2(error->text().contains(QString::number(occupier.serverPort())),
             qPrintable(error->text()));
    QCOMPARE(error->text(), m_controller->lastError());
    QCOMPARE(m_window->statusBar()->currentMessage(), error->text());
    saveScreenshot(m_window.get(), QStringLiteral("main_window_error.png"));

    // A successful start clears the banner.
    occupier.close();
    port->setValue(0);
    m_window->findChild<QAction*>(QStringLiteral("startAction"))->trigger();
    QTRY_COMPARE(m_controller->state(), State::Running);
    QVERIFY(!error->isVisible());
    m_controller->stopAndWait(std::chrono::milliseconds(500));
}

void TestMainWindow::unresolvableUpstreamIsAWarningNotARefusal()
{
    gatehouse::gateway::config_snapshot snapshot;
    gatehouse::gateway::upstream_config upstream;
    upstream.name = "billing";
    upstream.targets.push_back({"http://billing.gatehouse-test.invalid:8080", 1});
    snapshot.upstreams.push_back(upstream);
    gatehouse::gateway::route_config route;
    route.id = "billing";
    route.path = "/billing";
    route.upstream = "billing";
    snapshot.routes.push_back(route);
    QVERIFY2(m_controller->applyConfig(snapshot), qPrintable(m_controller->lastError()));
    // The name is looked up after the apply has returned; the warning
    // follows the failed lookup.
    QTRY_COMPARE_WITH_TIMEOUT(m_controller->applyWarnings().size(), 1, 10000);
    const QStringList warnings = m_controller->applyWarnings();
    QVERIFY2(warnings.first().contains(QStringLiteral("billing.gatehouse-test.invalid")),
             qPrintable(warnings.first()));

    QLabel* error = label("errorLabel");
    m_window->showConfigWarnings(warnings);
    QVERIFY(error->isVisible());
    QVERIFY(error->text().contains(warnings.first()));
    // The next clean apply takes the warning down...
    m_window->showConfigWarnings({});
    QVERIFY(!error->isVisible());
    // ...but never an unrelated error shown since.
    m_window->showConfigWarnings(warnings);
    m_window->showError(QStringLiteral("port in use"));
    m_window->showConfigWarnings({});
    QVERIFY(error->isVisible());
    m_window->clearError();
    QVERIFY(m_controller->applyConfig({}));
    QVERIFY(m_controller->applyWarnings().isEmpty());
}

// A configuration the gateway refuses, applied directly (a --config file)
// or from the catalog's compile, says why in the window's banner, not only
// on the terminal; the running configuration stays.
void TestMainWindow::rejectedConfigShowsInTheBanner()
{
    gatehouse::gateway::config_snapshot bad = m_demo.snapshot();
    gatehouse::gateway::route_config ghost;
    ghost.id = "ghost";
    ghost.path = "/ghost";
    ghost.upstream = "nowhere";
    bad.routes.push_back(ghost);

    QLabel* error = label("errorLabel");
    m_window->clearError();
    QVERIFY(!m_controller->applyConfig(bad));
    QTRY_VERIFY(error->isVisible());
    QCOMPARE(error->text(), m_controller->lastError());
    QVERIFY2(error->text().contains(QStringLiteral("unknown upstream 'nowhere'")),
             qPrintable(error->text()));
    QCOMPARE(m_window->statusBar()->currentMessage(), error->text());
    saveScreenshot(m_window.get(), QStringLiteral("main_window_config_rejected.png"));
    m_window->clearError();
    QVERIFY(!error->isVisible());

    // The same from the catalog: the compile's result is refused by the
    // gateway (GatewayConfigSync::compileFailed).
    gatehouse::test::DemoCatalogGateway world;
    QVERIFY2(world.start(false), qPrintable(world.error));
    MainWindow window(&world.controller);
    window.followConfigSync(world.sync.get());
    window.resize(1000, 700);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    auto* banner = window.findChild<QLabel*>(QStringLiteral("errorLabel"));
    QVERIFY(banner);
    QVERIFY(!banner->isVisible());
    QSignalSpy failed(world.sync.get(), &gatehouse::app::GatewayConfigSync::compileFailed);
    world.sync->setBaseSnapshot(bad);
    world.sync->recompileNow();
    QTRY_COMPARE_WITH_TIMEOUT(failed.size(), 1, 5000);
    QCOMPARE(failed.first().first().toString(), world.sync->lastError());
    QVERIFY(banner->isVisible());
    QCOMPARE(banner->text(), world.sync->lastError());
    QVERIFY2(banner->text().contains(QStringLiteral("unknown upstream 'nowhere'")),
             qPrintable(banner->text()));
    // Still serving what it had.
    QCOMPARE(gatehouse::test::http_request(world.port(), "GET", "/shop/1").status, 200);
}

void TestMainWindow::followsDarkPalette()
{
    const QPalette light = QApplication::palette();
    // Put back afterwards whatever happens, every role spelled out: later
    // screenshots must not come out dark.
    const auto restoreLight = [light] {
        QPalette explicitLight;
        for (int g = 0; g < QPalette::NColorGroups; ++g)
            for (int r = 0; r < QPalette::NColorRoles; ++r)
                explicitLight.setColor(static_cast<QPalette::ColorGroup>(g),
                                       static_cast<QPalette::ColorRole>(r),
                                       light.color(static_cast<QPalette::ColorGroup>(g),
                                                   static_cast<QPalette::ColorRole>(r)));
        QApplication::setPalette(explicitLight);
    };
    const auto restore = qScopeGuard(restoreLight);
    QPalette dark;
    dark.setColor(QPalette::Window, QColor(0x2b, 0x2b, 0x2b));
    dark.setColor(QPalette::WindowText, QColor(0xe6, 0xe6, 0xe6));
    dark.setColor(QPalette::Base, QColor(0x1e, 0x1e, 0x1e));
    dark.setColor(QPalette::AlternateBase, QColor(0x26, 0x26, 0x26));
    dark.setColor(QPalette::Text, QColor(0xe6, 0xe6, 0xe6));
    dark.setColor(QPalette::Button, QColor(0x35, 0x35, 0x35));
    dark.setColor(QPalette::ButtonText, QColor(0xe6, 0xe6, 0xe6));
    dark.setColor(QPalette::PlaceholderText, QColor(0x9a, 0x9a, 0x9a));
    dark.setColor(QPalette::Highlight, QColor(0x2a, 0x6f, 0xb8));
    dark.setColor(QPalette::HighlightedText, Qt::white);
    QApplication::setPalette(dark);

    // The charts draw on the palette's base colour with its text colour
    // (titles, axes, legends), not on a fixed light chart theme.
    const auto followsColors = [](QChartView* view, const QColor& base, const QColor& text) {
        QChart* chart = view->chart();
        return chart->backgroundBrush().color() == base && chart->titleBrush().color() == text &&
               chart->legend()->labelColor() == text &&
               chart->axes().first()->labelsBrush().color() == text;
    };
    gatehouse::ui::DashboardPage* dashboard = m_window->dashboard();
    QList<QChartView*> views{dashboard->hitRatioChart(), dashboard->latencyChart(),
                             dashboard->topRequestsChart()};
    for (QChartView* view : views)
        QTRY_VERIFY2(followsColors(view, dark.color(QPalette::Base), dark.color(QPalette::Text)),
                     qPrintable(view->objectName()));
    QCOMPARE(m_window->palette().color(QPalette::Window), dark.color(QPalette::Window));
    for (auto page : {MainWindow::Dashboard, MainWindow::Gateway}) {
        m_window->setCurrentPage(page);
        QTest::qWait(50);
        saveScreenshot(m_window.get(),
                       MainWindow::pageId(page).toLower() + QStringLiteral("_dark.png"));
    }
    // And back to light with the system.
    restoreLight();
    for (QChartView* view : views)
        QTRY_VERIFY2(followsColors(view, light.color(QPalette::Base), light.color(QPalette::Text)),
                     qPrintable(view->objectName()));
    QCOMPARE(m_window->palette().color(QPalette::Window), light.color(QPalette::Window));
    QCOMPARE(m_window->dashboard()->palette().color(QPalette::Base), light.color(QPalette::Base));
}

void TestMainWindow::trafficDockTogglesAndIsRemembered()
{
    QVERIFY(!m_window->trafficDock());
    m_window->setTrafficGenerator(&m_traffic);
    QDockWidget* dock = m_window->trafficDock();
    QVERIFY(dock);
    QVERIFY(m_window->trafficPanel());
    QVERIFY(dock->isAncestorOf(m_window->trafficPanel()));
    QVERIFY(!dock->isVisible()); // closed until asked for

    auto* toggle = m_window->findChild<QAction*>(QStringLiteral("showTrafficAction"));
    QVERIFY(toggle);
    QCOMPARE(toggle->shortcut(), QKeySequence(Qt::CTRL | Qt::Key_T));
    m_window->setCurrentPage(MainWindow::Dashboard);
    toggle->trigger();
    QVERIFY(dock->isVisible());
    QCOMPARE(m_window->dockWidgetArea(dock), Qt::RightDockWidgetArea);
    QTest::qWait(200); // the dashboard rearranges for the narrower room
    saveScreenshot(m_window.get(), QStringLiteral("dashboard_with_traffic_panel.png"));

    // Saved with the window layout and reopened by the next window.
    QVERIFY(m_window->close());
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    MainWindow restored(m_controller.get());
    restored.setTrafficGenerator(&m_traffic);
    restored.show();
    QVERIFY(QTest::qWaitForWindowExposed(&restored));
    QVERIFY(restored.trafficDock()->isVisible());
    restored.trafficDock()->toggleViewAction()->trigger();
    QVERIFY(!restored.trafficDock()->isVisible());
    QVERIFY(restored.close());
    dock->hide(); // the window may be narrow again
    m_window->layout()->activate();
}

void TestMainWindow::geometryAndPageAreSaved()
{
    m_window->setCurrentPage(MainWindow::Gateway);
    // Not the default size, and above the smallest the window allows (its
    // placeholders and column headers set that).
    m_window->resize(1000, 640);
    QVERIFY(m_window->close());
    const QByteArray geometry =
        QSettings().value(gatehouse::ui::ConsoleSettings::geometryKey()).toByteArray();
    QVERIFY(!geometry.isEmpty());

    MainWindow restored(m_controller.get());
    QCOMPARE(restored.size(), QSize(1000, 640));
    QCOMPARE(restored.currentPage(), MainWindow::Gateway);
}

void TestMainWindow::windowIconIsTheInstalledIcon()
{
    // The task switcher's icon renders (Qt's SVG plugin is there): the
    // gatehouse on its rounded square, the corners left transparent.
    const QIcon icon = m_window->windowIcon();
    QVERIFY(!icon.isNull());
    const QImage image = icon.pixmap(QSize(64, 64), 1.0).toImage();
    QCOMPARE(image.size(), QSize(64, 64));
    QCOMPARE(qAlpha(image.pixel(32, 32)), 255);
    QCOMPARE(qAlpha(image.pixel(0, 0)), 0);

    // It is the icon the package installs, under the name the desktop
    // entry (named by the same id) asks for.
    const QString source = qEnvironmentVariable("GATEHOUSE_SOURCE_DIR");
    QVERIFY(!source.isEmpty());
    QFile embedded(QStringLiteral(":/icons/gatehouse.svg"));
    QFile installed(source + QStringLiteral("/resources/icons/gatehouse.svg"));
    QVERIFY(embedded.open(QIODevice::ReadOnly));
    QVERIFY(installed.open(QIODevice::ReadOnly));
    QCOMPARE(embedded.readAll(), installed.readAll());
    QFile entry(source + QStringLiteral("/packaging/linux/") + gatehouse::ui::applicationId() +
                QStringLiteral(".desktop"));
    QVERIFY2(entry.open(QIODevice::ReadOnly | QIODevice::Text), qPrintable(entry.fileName()));
    const QStringList lines = QString::fromUtf8(entry.readAll()).split(QLatin1Char('\n'));
    QVERIFY(lines.contains(QStringLiteral("Icon=") + gatehouse::ui::applicationId()));
}

// German chosen in Settings is saved at once, the page says a restart
// applies it, and the next start (as main() does: the chosen language's
// translations installed before the window is made) shows German text.
void TestMainWindow::languageChosenInSettingsIsUsedAtTheNextStart()
{
    using gatehouse::ui::ConsoleSettings;
    using gatehouse::ui::SettingsPage;
    ConsoleSettings::setLanguage(QString());
    const auto restore = qScopeGuard([] { ConsoleSettings::setLanguage(QString()); });
    m_window->setCurrentPage(MainWindow::Settings);
    auto* combo = m_window->findChild<QComboBox*>(QStringLiteral("languageCombo"));
    QVERIFY(combo);
    QCOMPARE(combo->currentData().toString(), QString()); // the system's
    combo->setFocus();
    QTest::keyClick(combo, Qt::Key_Down); // English
    QTest::keyClick(combo, Qt::Key_Down); // Deutsch
    QCOMPARE(combo->currentText(), QStringLiteral("Deutsch"));
    QCOMPARE(combo->currentData().toString(), QStringLiteral("de"));
    // Saved right away, where the next start reads it.
    QCOMPARE(QSettings().value(QStringLiteral("Interface/language")).toString(),
             QStringLiteral("de"));
    QCOMPARE(ConsoleSettings::language(), QStringLiteral("de"));
    QCOMPARE(ConsoleSettings::uiLocale().language(), QLocale::German);
    auto* note = m_window->findChild<QLabel*>(QStringLiteral("languageNote"));
    QVERIFY(note);
    QCOMPARE(note->text(), SettingsPage::tr("Restart Gatehouse to use the new language."));
    // This window keeps its English.
    auto* start = m_window->findChild<QAction*>(QStringLiteral("startAction"));
    QCOMPARE(start->text(), MainWindow::tr("&Start Gateway"));
    QCOMPARE(start->text(), QStringLiteral("&Start Gateway"));

    {
        const gatehouse::ui::ConsoleTranslations translations(ConsoleSettings::uiLocale());
        QVERIFY(translations.hasConsoleTranslation());
        MainWindow next(m_controller.get());
        next.setCurrentPage(MainWindow::Settings);
        next.resize(1280, 820);
        next.show();
        QVERIFY(QTest::qWaitForWindowExposed(&next));
        QCOMPARE(next.findChild<QAction*>(QStringLiteral("startAction"))->text(),
                 QStringLiteral("Gateway &starten"));
        QStringList titles;
        for (QGroupBox* box : next.findChildren<QGroupBox*>())
            if (box->isVisible())
                titles << box->title();
        QVERIFY2(titles.contains(QString::fromUtf8("Oberfl\xc3\xa4"
                                                   "che")),
                 qPrintable(titles.join(u',')));
        auto* nextCombo = next.findChild<QComboBox*>(QStringLiteral("languageCombo"));
        QCOMPARE(nextCombo->currentData().toString(), QStringLiteral("de"));
        saveScreenshot(&next, QStringLiteral("settings_german.png"));
        next.hide();
    }
    // Back to the system's language: English again for the next window.
    combo->setCurrentIndex(0);
    QCOMPARE(ConsoleSettings::language(), QString());
    QCOMPARE(MainWindow::tr("&Start Gateway"), QStringLiteral("&Start Gateway"));
}

// Without the catalog (or the call log) its pages are unavailable, and they
// say so with the service's own error: not a feature still to come.
void TestMainWindow::pagesWithoutTheirServiceSayWhy()
{
    MainWindow window(m_controller.get());
    window.resize(1280, 820);
    window.setCurrentPage(MainWindow::Catalog);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    auto* pages = window.findChild<QStackedWidget*>(QStringLiteral("pages"));
    const auto status = [pages](MainWindow::Page page) -> QString {
        auto* label = pages->widget(page)->findChild<QLabel*>(QStringLiteral("placeholderStatus"));
        if (!label)
            return QStringLiteral("(no status label)");
        return label->isVisibleTo(pages->widget(page)) ? label->text() : QStringLiteral("(hidden)");
    };
    // Before anyone knows why: unavailable all the same.
    for (const auto page : {MainWindow::Catalog, MainWindow::Applications, MainWindow::Approvals,
                            MainWindow::Teams, MainWindow::CallLogs}) {
        QVERIFY2(status(page).contains(QLatin1String("unavailable")), qPrintable(status(page)));
        QVERIFY2(!status(page).contains(QLatin1String("future")), qPrintable(status(page)));
    }

    // A catalog that really fails to open: a directory where its file
    // should be.
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    gatehouse::app::CatalogService catalog;
    const gatehouse::app::CatalogStartup startup =
        gatehouse::app::startCatalog(catalog, dir.path());
    QVERIFY2(!startup.error.isEmpty(), "a directory opened as a catalog");
    QVERIFY(!catalog.isOpen());
    const QString reason = gatehouse::ui::domainMessageText(startup.errorMessage);
    QVERIFY(!reason.isEmpty());
    window.showCatalogUnavailable(reason);
    for (const auto page :
         {MainWindow::Catalog, MainWindow::Applications, MainWindow::Approvals, MainWindow::Teams})
        QCOMPARE(status(page),
                 QStringLiteral("This page is unavailable. The catalog could not be opened: ") +
                     reason);
    QVERIFY(pages->currentWidget()->isVisible());
    QTest::qWait(50);
    saveScreenshot(&window, QStringLiteral("catalog_unavailable.png"));

    // The call log's own reason on its page (and in the banner).
    window.showTelemetryUnavailable(QStringLiteral("disk I/O error"));
    QCOMPARE(status(MainWindow::CallLogs),
             QStringLiteral("This page is unavailable. The call log could not be opened: disk I/O "
                            "error"));
    QVERIFY(status(MainWindow::Catalog).contains(reason)); // unchanged
}

QTEST_MAIN(TestMainWindow)
#include "tst_main_window.moc"
