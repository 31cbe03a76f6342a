// SPDX-FileCopyrightText: Gatehouse contributors
// SPDX-License-Identifier: Apache-2.0
// The console as main() wires it, with a demo workspace: the catalog's
// compiles name the APIs on the dashboard (MainWindow::followConfigSync),
// the traffic key is issued for the run (DemoCatalogOffer), and the traffic
// generator's calls go through the real gateway and telemetry pipeline into
// the per-API charts; that key is never written anywhere.
#include "ui/main_window.h"

#include "screenshot.h"

#include "app/traffic_generator.h"
#include "tests/app/demo_catalog_gateway.h"
#include "ui/charts/ranking_bar_chart.h"
#include "ui/charts/time_series_chart.h"
#include "ui/dashboard/dashboard_page.h"
#include "ui/dashboard/kpi_tile.h"
#include "ui/demo_catalog_offer.h"
#include "ui/traffic/traffic_panel.h"

#include <QDir>
#include <QDirIterator>
#include <QDockWidget>
#include <QFile>
#include <QFileInfo>
#include <QLabel>
#include <QLineEdit>
#include <QMutex>
#include <QPushButton>
#include <QScopeGuard>
#include <QScrollArea>
#include <QScrollBar>
#include <QSettings>
#include <QSignalSpy>
#include <QSqlDatabase>
#include <QSqlQuery>
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
    void trafficKeyIsNeverWrittenDown();

private:
};

namespace {

// Every message the process logs while installed (stdout and stderr are
// where a console's log goes).
QMutex messagesMutex;
QStringList messages;
QtMessageHandler previousHandler = nullptr;

void keepMessage(QtMsgType type, const QMessageLogContext& context, const QString& message)
{
    {
        QMutexLocker lock(&messagesMutex);
        messages.append(message);
    }
    if (previousHandler)
        previousHandler(type, context, message);
}

// The files under `dir` (recursively) whose bytes contain `needle`.
// Whether any of `points` rises above zero.
bool anyAboveZero(const QList<QPointF>& points)
{
    for (const QPointF& point : points)
        if (point.y() > 0.0)
            return true;
    return false;
}

// The dashboard's tile whose value label is called `name`.
ui::KpiTile* dashboardTile(MainWindow& window, const char* name)
{
    auto* label = window.dashboard()->findChild<QLabel*>(QLatin1String(name));
    return label ? qobject_cast<ui::KpiTile*>(label->parentWidget()) : nullptr;
}

// A figure a user reads as "something": not the "no data" dash and with a
// non-zero digit in it ("0.0", "0 %" and "0 bytes" are nothing).
bool showsNonZero(const ui::KpiTile* tile)
{
    const QString value = tile->value();
    if (value.isEmpty() || value == ui::KpiTile::notAvailable())
        return false;
    for (QChar c : value)
        if (c.isDigit() && c.digitValue() > 0)
            return true;
    return false;
}

QStringList filesContaining(const QString& dir, const QByteArray& needle, int* scanned)
{
    QStringList out;
    QDirIterator it(dir, QDir::Files | QDir::Hidden | QDir::System, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        QFile file(it.next());
        if (!file.open(QIODevice::ReadOnly))
            continue;
        ++*scanned;
        if (file.readAll().contains(needle))
            out << file.fileName();
    }
    return out;
}

} // namespace

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
    // The picture the issue promises: with the generator running, the live
    // hit-ratio and throughput lines get points above zero and the headline
    // tiles show real figures, not the "no data" dash or a zero.
    auto* throughput = page->findChild<ui::TimeSeriesChart*>(QStringLiteral("requestsChart"));
    QVERIFY(throughput);
    QTRY_VERIFY_WITH_TIMEOUT(anyAboveZero(page->hitRatioChart()->points(0)), 10000);
    QTRY_VERIFY_WITH_TIMEOUT(anyAboveZero(throughput->points(0)), 10000);
    const char* tileNames[] = {"requestsPerSecondTile", "hitRatioTile", "p99LatencyTile",
                               "cacheSizeTile"};
    for (const char* name : tileNames) {
        ui::KpiTile* tile = dashboardTile(window, name);
        QVERIFY2(tile, name);
        QTRY_VERIFY2_WITH_TIMEOUT(
            showsNonZero(tile),
            qPrintable(QStringLiteral("%1: %2").arg(QLatin1String(name), tile->value())), 10000);
    }
    QVERIFY(!page->hitRatioChart()->points(0).isEmpty());
    QVERIFY(!throughput->points(0).isEmpty());
    QTest::qWait(1500); // a few more points for the live lines and the screenshot
    // The busiest API is the biggest share of the mix (40 % against the next
    // one's 30 %) once the ranking has counted enough calls: right after the
    // first calls the order is a coin toss, and under load the ranking may
    // still be that young here.
    QTRY_COMPARE_WITH_TIMEOUT(page->topRequestsChart()->names().value(0),
                              QStringLiteral("Products v2"), 20000);
    generator.stop();
    const QStringList names = page->topRequestsChart()->names();
    for (const char* standIn : {"shop", "weather", "echo"})
        QVERIFY2(!names.contains(QLatin1String(standIn)), qPrintable(names.join(u',')));
    // Every bar is a real count.
    for (double v : page->topRequestsChart()->values())
        QVERIFY(v > 0);
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

// The demo traffic key as the console handles it: issued at start, handed
// to the generator, which sends it with thousands of calls, and shown in
// the traffic panel; after the window closes (saving its settings) and the
// telemetry's last flush, no file the console wrote (settings, the config
// directory, catalog, call logs) and no logged message holds it.
void TestDemoTrafficDashboard::trafficKeyIsNeverWrittenDown()
{
    {
        QMutexLocker lock(&messagesMutex);
        messages.clear();
    }
    previousHandler = qInstallMessageHandler(keepMessage);
    const auto restoreHandler = qScopeGuard([] { qInstallMessageHandler(previousHandler); });

    test::DemoCatalogGateway world;
    QVERIFY2(world.start(true), qPrintable(world.error));
    TrafficGenerator generator;
    generator.setDemoOrigin(world.demo.origin());
    generator.setStatsInterval(200);
    QString key;
    {
        MainWindow window(&world.controller);
        window.followConfigSync(world.sync.get());
        window.setTelemetryService(world.telemetry.get(), {});
        window.setTrafficGenerator(&generator);
        auto* offer = new ui::DemoCatalogOffer(&world.catalog, world.admin, &generator, &window);
        QSignalSpy ready(offer, &ui::DemoCatalogOffer::trafficKeyReady);
        offer->restoreTrafficKey();
        QTRY_COMPARE_WITH_TIMEOUT(ready.size(), 1, 10000);
        key = ready.first().first().toString();
        QVERIFY(key.startsWith(QLatin1String("gh_")));
        QVERIFY(key.size() > 20);
        QVERIFY2(world.recompile(), qPrintable(world.error)); // the new key's hash
        window.resize(1400, 900);
        window.show();
        window.trafficDock()->show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        auto* keyEdit = window.trafficPanel()->findChild<QLineEdit*>(QStringLiteral("apiKeyEdit"));
        QVERIFY(keyEdit);
        QTRY_COMPARE(keyEdit->text(), key); // the panel holds it too

        auto* start =
            window.trafficPanel()->findChild<QPushButton*>(QStringLiteral("startTrafficButton"));
        QVERIFY(start && start->isEnabled());
        QTest::mouseClick(start, Qt::LeftButton);
        QVERIFY2(generator.running(), qPrintable(generator.lastError()));
        // Keyed calls through: well past the draft's share of refusals.
        QTRY_VERIFY_WITH_TIMEOUT(generator.lastStats().statusClass(2) > 200, 10000);
        generator.stop();
        const app::TrafficStats done = generator.lastStats();
        // Only the draft's share refused: the key was sent and taken.
        QVERIFY(done.statusClass(4) * 5 < done.completed);
        // Saves its geometry, dock state and last page.
        window.close();
    }
    world.stop(); // the telemetry's final flush
    QSettings settings;
    settings.sync();
    QCOMPARE(settings.status(), QSettings::NoError);
    QVERIFY2(QFile::exists(settings.fileName()), qPrintable(settings.fileName()));
    QVERIFY(settings.contains(QStringLiteral("MainWindow/geometry"))); // it did write

    // The call log holds the calls the key made, not the key.
    {
        const QString connection = QStringLiteral("keyScan");
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), connection);
            db.setDatabaseName(
                QDir(world.directory()).filePath(QStringLiteral("telemetry.sqlite")));
            QVERIFY(db.open());
            QSqlQuery count(QStringLiteral("SELECT COUNT(*) FROM call_log"), db);
            QVERIFY(count.next());
            QVERIFY2(count.value(0).toLongLong() > 200, qPrintable(count.value(0).toString()));
        }
        QSqlDatabase::removeDatabase(connection);
    }

    const QByteArray needle = key.toUtf8();
    int scanned = 0;
    QStringList found;
    // The whole tree the settings file is in (every suite's settings), the
    // console's data and config locations, and the databases.
    QDir settingsRoot = QFileInfo(settings.fileName()).absoluteDir();
    QVERIFY(settingsRoot.cdUp());
    const QStringList dirs{settingsRoot.absolutePath(),
                           QStandardPaths::writableLocation(QStandardPaths::AppConfigLocation),
                           QStandardPaths::writableLocation(QStandardPaths::AppDataLocation),
                           world.directory()};
    for (const QString& dir : dirs)
        found += filesContaining(dir, needle, &scanned);
    QVERIFY2(found.isEmpty(), qPrintable(found.join(u'\n')));
    QVERIFY2(scanned >= 3, qPrintable(QString::number(scanned))); // settings and two databases
    QMutexLocker lock(&messagesMutex);
    for (const QString& message : std::as_const(messages))
        QVERIFY2(!message.contains(key), qPrintable(message));
}

QTEST_MAIN(TestDemoTrafficDashboard)
#include "tst_demo_traffic_dashboard.moc"
