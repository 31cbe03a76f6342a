// SPDX-FileCopyrightText: Gatehouse contributors
// SPDX-License-Identifier: Apache-2.0
// The console as main() wires it, with a demo workspace: the catalog's
// compiles name the APIs on the dashboard (MainWindow::followConfigSync),
// the traffic key is issued for the run (DemoCatalogOffer), and the traffic
// generator's calls go through the real gateway and telemetry pipeline into
// the per-API charts.
#include "ui/main_window.h"

#include "screenshot.h"

#include "app/traffic_generator.h"
#include "tests/app/demo_catalog_gateway.h"
#include "ui/charts/ranking_bar_chart.h"
#include "ui/dashboard/dashboard_page.h"
#include "ui/demo_catalog_offer.h"
#include "ui/traffic/traffic_panel.h"

#include <QDir>
#include <QDockWidget>
#include <QLabel>
#include <QPushButton>
#include <QScrollArea>
#include <QScrollBar>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>

using namespace gatehouse;
using app::TrafficGenerator;
using gatehouse::test::saveScreenshot;
using ui::MainWindow;

class TestDemoTrafficDashboard : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void topApisShowCatalogNamesForGeneratedTraffic();

private:
};

void TestDemoTrafficDashboard::initTestCase()
{
    qputenv("XDG_RUNTIME_DIR", QDir::tempPath().toLocal8Bit());
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("GatehouseTests"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_demo_traffic_dashboard"));
}

void TestDemoTrafficDashboard::topApisShowCatalogNamesForGeneratedTraffic()
{
    test::DemoCatalogGateway world;
    QVERIFY2(world.start(true, false), qPrintable(world.error));
    TrafficGenerator generator;
    generator.setDemoOrigin(world.demo.origin());
    generator.setStatsInterval(200);

    // main(): the window follows the catalog's compiles before the first
    // one; the dashboard starts with the demo routes' stand-in names, whose
    // ids (1, 2, 3) are catalog APIs' ids too.
    MainWindow window(&world.controller);
    window.followConfigSync(world.sync.get());
    window.setTelemetryService(
        world.telemetry.get(),
        {{1, QStringLiteral("shop")}, {2, QStringLiteral("weather")}, {3, QStringLiteral("echo")}});
    window.setTrafficGenerator(&generator);
    auto* offer = new ui::DemoCatalogOffer(&world.catalog, world.admin, &generator, &window);
    QSignalSpy ready(offer, &ui::DemoCatalogOffer::trafficKeyReady);
    offer->restoreTrafficKey();
    QVERIFY2(world.recompile(), qPrintable(world.error));
    QTRY_COMPARE_WITH_TIMEOUT(ready.size(), 1, 10000);
    QVERIFY2(world.recompile(), qPrintable(world.error)); // the new key's hash

    window.setCurrentPage(MainWindow::Dashboard);
    window.resize(1400, 900);
    window.show();
    window.trafficDock()->show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));

    auto* start =
        window.trafficPanel()->findChild<QPushButton*>(QStringLiteral("startTrafficButton"));
    QVERIFY(start && start->isEnabled());
    QTest::mouseClick(start, Qt::LeftButton);
    QVERIFY2(generator.running(), qPrintable(generator.lastError()));

    const QStringList catalogNames{QStringLiteral("Products v2"), QStringLiteral("Products v1"),
                                   QStringLiteral("Weather v1"), QStringLiteral("Echo v1"),
                                   QStringLiteral("Inventory v1")};
    ui::DashboardPage* page = window.dashboard();
    const auto showsAll = [&](ui::RankingBarChart* chart) {
        const QStringList names = chart->names();
        for (const QString& name : catalogNames)
            if (!names.contains(name))
                return false;
        return true;
    };
    QTRY_VERIFY_WITH_TIMEOUT(showsAll(page->topRequestsChart()), 10000);
    QTest::qWait(1500); // a few more points for the live lines and the screenshot
    generator.stop();
    const QStringList names = page->topRequestsChart()->names();
    for (const char* standIn : {"shop", "weather", "echo"})
        QVERIFY2(!names.contains(QLatin1String(standIn)), qPrintable(names.join(u',')));
    // Every bar is a real count; the busiest is the biggest share of the mix.
    for (double v : page->topRequestsChart()->values())
        QVERIFY(v > 0);
    QCOMPARE(names.first(), QStringLiteral("Products v2"));
    // The cached APIs are ranked by hit ratio too.
    QVERIFY2(page->topHitRatioChart()->names().contains(QStringLiteral("Products v2")),
             qPrintable(page->topHitRatioChart()->names().join(u',')));
    // Keyed calls got through: only the draft's share was refused.
    const app::TrafficStats done = generator.lastStats();
    QVERIFY(done.statusClass(2) > 0);
    QVERIFY(done.statusClass(4) * 5 < done.completed);
    QCOMPARE(done.statusClass(5), quint64(0));
    // The dock's state line wraps at the dock's width and gets the height
    // for it (not squeezed into one line over the next row).
    auto* state = window.trafficPanel()->findChild<QLabel*>(QStringLiteral("trafficStateLabel"));
    const QRect needed = state->fontMetrics().boundingRect(
        QRect(0, 0, state->contentsRect().width(), 10000), Qt::TextWordWrap, state->text());
    QVERIFY2(
        state->contentsRect().height() >= needed.height(),
        qPrintable(
            QStringLiteral("%1 < %2").arg(state->contentsRect().height()).arg(needed.height())));
    saveScreenshot(&window, QStringLiteral("main_window_dashboard_demo_catalog.png"));
    // The per-API bars sit below the fold: scrolled to for the picture.
    auto* scroll = page->findChild<QScrollArea*>();
    QVERIFY(scroll);
    scroll->verticalScrollBar()->setValue(scroll->verticalScrollBar()->maximum());
    QTest::qWait(100);
    saveScreenshot(&window, QStringLiteral("main_window_dashboard_top_apis.png"));
}

QTEST_MAIN(TestDemoTrafficDashboard)
#include "tst_demo_traffic_dashboard.moc"
