// SPDX-FileCopyrightText: Gatehouse contributors
// SPDX-License-Identifier: Apache-2.0
#include "ui/traffic/traffic_panel.h"

#include "layout_check.h"

#include "app/demo_workspace.h"
#include "app/gateway_controller.h"
#include "app/traffic_generator.h"
#include "tests/app/demo_catalog_gateway.h"
#include "ui/demo_catalog_offer.h"

#include <QCheckBox>
#include <QDir>
#include <QFile>
#include <QGroupBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QScrollArea>
#include <QSettings>
#include <QSignalSpy>
#include <QSlider>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTest>

#include <memory>

using gatehouse::app::DemoWorkspace;
using gatehouse::app::GatewayController;
using gatehouse::app::TrafficGenerator;
using gatehouse::app::TrafficStats;
using gatehouse::ui::TrafficPanel;
using State = GatewayController::State;

// The demo traffic panel driving the real traffic generator through a real
// gateway in front of the real demo origin, all on 127.0.0.1.
class TestTrafficPanel : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void rateSliderIsLogarithmic();
    void cannotStartWithoutGateway();
    void startSendsRealTrafficThroughTheGateway();
    void knobsApplyWhileRunning();
    void injectedErrorsShowAsServerErrors();
    void emptyMixIsRefused();
    void keySetElsewhereIsShown();
    void stoppingTheGatewayStopsTraffic();
    void demoCatalogKeyDrivesTheCatalogApis();
    void stateLineMakesRoomAtOnce();
    void readoutsFitAtTheNarrowestDock();

private:
    template <typename T>
    T* child(const char* name) const
    {
        auto* found = m_panel->findChild<T*>(QLatin1String(name));
        if (!found)
            qFatal("no child %s", name);
        return found;
    }
    bool startGateway();
    // The generator's next stats for which `done` holds, within `limitMs`.
    template <typename Predicate>
    TrafficStats waitForStats(Predicate done, int limitMs);

    DemoWorkspace m_demo;
    std::unique_ptr<GatewayController> m_controller;
    std::unique_ptr<TrafficGenerator> m_generator;
    std::unique_ptr<TrafficPanel> m_panel;
};

void TestTrafficPanel::initTestCase()
{
    qputenv("XDG_RUNTIME_DIR", QDir::tempPath().toLocal8Bit());
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY2(m_demo.startOrigin(0, 2), qPrintable(m_demo.lastError()));
    m_controller = std::make_unique<GatewayController>();
    m_controller->setStatsInterval(100);
    m_controller->setDrainTimeout(std::chrono::milliseconds(500));
    QVERIFY2(m_controller->applyConfig(m_demo.snapshot()), qPrintable(m_controller->lastError()));
    auto options = DemoWorkspace::defaultOptions();
    options.port = 0;
    options.threads = 2;
    m_controller->setOptions(options);

    m_generator = std::make_unique<TrafficGenerator>();
    m_generator->setDemoOrigin(m_demo.origin());
    m_generator->setStatsInterval(100);
    m_panel = std::make_unique<TrafficPanel>(m_generator.get(), m_controller.get());
    m_panel->resize(420, 760);
    m_panel->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_panel.get()));
}

void TestTrafficPanel::cleanupTestCase()
{
    m_generator->stop();
    m_panel.reset();
    m_controller->stopAndWait(std::chrono::milliseconds(500));
    m_controller.reset();
    m_generator.reset();
    m_demo.stopOrigin();
}

bool TestTrafficPanel::startGateway()
{
    if (m_controller->state() == State::Running)
        return true;
    m_controller->start();
    return QTest::qWaitFor([this] { return m_controller->state() == State::Running; }, 5000);
}

template <typename Predicate>
TrafficStats TestTrafficPanel::waitForStats(Predicate done, int limitMs)
{
    QSignalSpy spy(m_generator.get(), &TrafficGenerator::statsUpdated);
    QElapsedTimer timer;
    timer.start();
    while (timer.elapsed() < limitMs) {
        if (spy.wait(qMax(1, limitMs - static_cast<int>(timer.elapsed())))) {
            const auto stats = spy.takeLast().at(0).value<TrafficStats>();
            if (done(stats))
                return stats;
        }
    }
    return m_generator->lastStats();
}

void TestTrafficPanel::rateSliderIsLogarithmic()
{
    QCOMPARE(TrafficPanel::rateToSliderPosition(1.0), 0);
    QCOMPARE(TrafficPanel::rateToSliderPosition(TrafficPanel::sliderMaxRate),
             TrafficPanel::sliderSteps);
    // Each decade gets the same share of the slider.
    const int p10 = TrafficPanel::rateToSliderPosition(10);
    const int p100 = TrafficPanel::rateToSliderPosition(100);
    const int p1000 = TrafficPanel::rateToSliderPosition(1000);
    QVERIFY(qAbs((p100 - p10) - (p1000 - p100)) <= 1);
    // Round trips land within the two-significant-digit rounding.
    for (double rate : {5.0, 50.0, 200.0, 1300.0, 20000.0}) {
        const double back =
            TrafficPanel::sliderPositionToRate(TrafficPanel::rateToSliderPosition(rate));
        QVERIFY2(qAbs(back - rate) / rate < 0.06, qPrintable(QString::number(back)));
    }
    // Monotonic over the whole range.
    double previous = 0.0;
    for (int position = 0; position <= TrafficPanel::sliderSteps; position += 10) {
        const double rate = TrafficPanel::sliderPositionToRate(position);
        QVERIFY(rate >= previous);
        previous = rate;
    }
}

void TestTrafficPanel::cannotStartWithoutGateway()
{
    QCOMPARE(m_controller->state(), State::Stopped);
    QVERIFY(!child<QPushButton>("startTrafficButton")->isEnabled());
    QVERIFY(!child<QPushButton>("stopTrafficButton")->isEnabled());
    QSignalSpy errors(m_panel.get(), &TrafficPanel::errorShown);
    m_panel->start();
    QVERIFY(!m_generator->running());
    QCOMPARE(errors.count(), 1);
    QVERIFY(child<QLabel>("trafficErrorLabel")->isVisible());
    QVERIFY(child<QLabel>("trafficErrorLabel")->text().contains(QLatin1String("gateway")));
}

void TestTrafficPanel::startSendsRealTrafficThroughTheGateway()
{
    QVERIFY(startGateway());
    QTRY_VERIFY(child<QPushButton>("startTrafficButton")->isEnabled());
    child<QSpinBox>("rateSpinBox")->setValue(300);
    QCOMPARE(m_generator->targetRate(), 300.0);
    // The slider follows the spin box.
    QCOMPARE(child<QSlider>("rateSlider")->value(), TrafficPanel::rateToSliderPosition(300));

    const quint64 before = m_controller->lastSample().requests;
    QTest::mouseClick(child<QPushButton>("startTrafficButton"), Qt::LeftButton);
    QVERIFY2(m_generator->running(), qPrintable(m_generator->lastError()));
    QVERIFY(!child<QPushButton>("startTrafficButton")->isEnabled());
    QVERIFY(child<QPushButton>("stopTrafficButton")->isEnabled());
    QVERIFY(
        child<QLabel>("trafficStateLabel")->text().contains(QString::number(m_controller->port())));

    const auto stats =
        waitForStats([](const TrafficStats& s) { return s.completed >= 100; }, 10000);
    QVERIFY2(stats.completed >= 100, qPrintable(QString::number(stats.completed)));
    QCOMPARE(stats.errors(), quint64(0));
    QVERIFY(stats.statusClass(2) > 0);
    // What the panel shows is what the generator measured...
    QVERIFY(child<QLabel>("achievedRateLabel")->text().contains(QLatin1String("300")));
    QVERIFY(child<QLabel>("responsesLabel")->text().startsWith(QLatin1String("2xx")));
    QVERIFY(child<QLabel>("latencyLabel")->text().contains(QLatin1String("p99")));
    // ...and the gateway really served it.
    QTRY_VERIFY_WITH_TIMEOUT(m_controller->lastSample().requests >= before + 100, 5000);

    QString dir = qEnvironmentVariable("GATEHOUSE_TEST_ARTIFACTS");
    if (dir.isEmpty())
        dir = QDir::currentPath() + QStringLiteral("/test-artifacts");
    QVERIFY(QDir().mkpath(dir));
    QVERIFY(m_panel->grab().save(dir + QStringLiteral("/traffic_panel.png")));
}

void TestTrafficPanel::knobsApplyWhileRunning()
{
    QVERIFY(m_generator->running());
    child<QSlider>("skewSlider")->setValue(150);
    QCOMPARE(m_generator->zipfAlpha(), 1.5);
    QCOMPARE(child<QLabel>("skewValueLabel")->text(), m_panel->locale().toString(1.5, 'f', 2));
    child<QSpinBox>("concurrencySpinBox")->setValue(8);
    QCOMPARE(m_generator->concurrency(), 8);
    child<QSpinBox>("upstreamLatencySpinBox")->setValue(20);
    QCOMPARE(m_generator->upstreamLatencyMs(), 20);
    child<QSpinBox>("upstreamLatencySpinBox")->setValue(0);

    auto* unpaced = child<QCheckBox>("unpacedCheckBox");
    unpaced->setChecked(true);
    QCOMPARE(m_generator->targetRate(), 0.0);
    QVERIFY(!child<QSpinBox>("rateSpinBox")->isEnabled());
    unpaced->setChecked(false);
    QCOMPARE(m_generator->targetRate(), 300.0);

    // A mix of echo only: the generator takes it.
    child<QSpinBox>("mixWeight_products")->setValue(0);
    child<QSpinBox>("mixWeight_weather")->setValue(0);
    child<QSpinBox>("mixWeight_echo")->setValue(100);
    QCOMPARE(m_generator->mix().size(), 1);
    QCOMPARE(m_generator->mix().first().name, QStringLiteral("echo"));
}

void TestTrafficPanel::injectedErrorsShowAsServerErrors()
{
    QVERIFY(m_generator->running());
    // Products again: the demo origin injects errors into its API answers.
    child<QSpinBox>("mixWeight_products")->setValue(100);
    child<QSpinBox>("mixWeight_echo")->setValue(0);
    child<QSlider>("errorRateSlider")->setValue(50);
    QCOMPARE(m_generator->errorRate(), 0.5);
    const auto stats =
        waitForStats([](const TrafficStats& s) { return s.statusClass(5) >= 20; }, 10000);
    QVERIFY2(stats.statusClass(5) >= 20, qPrintable(QString::number(stats.statusClass(5))));
    QVERIFY(child<QLabel>("responsesLabel")
                ->text()
                .contains(QStringLiteral("5xx %1").arg(
                    m_panel->locale().toString(stats.statusClass(5)))));
    child<QSlider>("errorRateSlider")->setValue(0);
    QCOMPARE(m_generator->errorRate(), 0.0);
}

void TestTrafficPanel::emptyMixIsRefused()
{
    const auto before = m_generator->mix();
    QSignalSpy errors(m_panel.get(), &TrafficPanel::errorShown);
    child<QSpinBox>("mixWeight_products")->setValue(0);
    child<QSpinBox>("mixWeight_weather")->setValue(0);
    child<QSpinBox>("mixWeight_echo")->setValue(0);
    QVERIFY(errors.count() >= 1);
    QVERIFY(child<QLabel>("trafficErrorLabel")->isVisible());
    QCOMPARE(m_generator->mix(), before);
    child<QSpinBox>("mixWeight_weather")->setValue(40);
    QVERIFY(!child<QLabel>("trafficErrorLabel")->isVisible());
}

void TestTrafficPanel::keySetElsewhereIsShown()
{
    const QString before = m_generator->apiKey();
    m_generator->setApiKey(QStringLiteral("gh_from_the_demo_workspace"));
    QCOMPARE(child<QLineEdit>("apiKeyEdit")->text(), QStringLiteral("gh_from_the_demo_workspace"));
    m_generator->setApiKey(before);
    QCOMPARE(child<QLineEdit>("apiKeyEdit")->text(), before);
}

void TestTrafficPanel::stoppingTheGatewayStopsTraffic()
{
    QVERIFY(m_generator->running());
    m_controller->stop();
    QTRY_VERIFY_WITH_TIMEOUT(m_controller->state() == State::Stopped, 5000);
    QVERIFY(!m_generator->running());
    QVERIFY(!child<QPushButton>("startTrafficButton")->isEnabled());
    QVERIFY(!child<QPushButton>("stopTrafficButton")->isEnabled());
}

// The console with a demo workspace from an earlier run: the key is issued
// anew for this run, shown masked, and drives every demo catalog API
// through the gateway compiled from the catalog; nothing of it reaches the
// settings.
void TestTrafficPanel::demoCatalogKeyDrivesTheCatalogApis()
{
    QCoreApplication::setOrganizationName(QStringLiteral("GatehouseTests"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_traffic_panel"));
    gatehouse::test::DemoCatalogGateway world;
    QVERIFY2(world.start(false), qPrintable(world.error));
    TrafficGenerator generator;
    generator.setDemoOrigin(world.demo.origin());
    generator.setStatsInterval(100);
    TrafficPanel panel(&generator, &world.controller);
    panel.resize(460, 1000);
    panel.show();
    QVERIFY(QTest::qWaitForWindowExposed(&panel));
    QWidget window;
    gatehouse::ui::DemoCatalogOffer offer(&world.catalog, world.admin, &generator, &window);
    QSignalSpy ready(&offer, &gatehouse::ui::DemoCatalogOffer::trafficKeyReady);
    offer.restoreTrafficKey();
    QTRY_COMPARE_WITH_TIMEOUT(ready.size(), 1, 10000);
    const QString key = generator.apiKey();
    QVERIFY(key.startsWith(QLatin1String("gh_")) && key != world.trafficKey);
    // The new key reaches the gateway with the next compile.
    QVERIFY2(world.recompile(), qPrintable(world.error));

    auto* keyEdit = panel.findChild<QLineEdit*>(QStringLiteral("apiKeyEdit"));
    QCOMPARE(keyEdit->text(), key);
    QVERIFY(!keyEdit->displayText().contains(key)); // masked
    const auto weight = [&](const QString& name) {
        return panel.findChild<QSpinBox*>(QStringLiteral("mixWeight_") + name)->value();
    };
    for (const auto& entry : TrafficGenerator::demoCatalogMix())
        QCOMPARE(weight(entry.name), static_cast<int>(entry.weight));
    QCOMPARE(weight(QStringLiteral("products")), 0);

    // The draft takes no share here: every request must get through.
    panel.findChild<QSpinBox*>(QStringLiteral("mixWeight_inventory"))->setValue(0);
    QVERIFY(generator.mix().size() == 4);
    QTest::mouseClick(panel.findChild<QPushButton*>(QStringLiteral("startTrafficButton")),
                      Qt::LeftButton);
    QVERIFY2(generator.running(), qPrintable(generator.lastError()));
    QTRY_VERIFY_WITH_TIMEOUT(generator.lastStats().completed >= 200, 10000);
    generator.stop();
    const TrafficStats done = generator.lastStats();
    QCOMPARE(done.statusClass(2), done.completed);
    QCOMPARE(done.errors(), quint64(0));
    QVERIFY(panel.findChild<QLabel*>(QStringLiteral("responsesLabel"))
                ->text()
                .contains(QStringLiteral("4xx 0")));

    QString dir = qEnvironmentVariable("GATEHOUSE_TEST_ARTIFACTS");
    if (dir.isEmpty())
        dir = QDir::currentPath() + QStringLiteral("/test-artifacts");
    QVERIFY(QDir().mkpath(dir));
    QVERIFY(panel.grab().save(dir + QStringLiteral("/traffic_panel_demo_catalog.png")));

    // Neither the settings nor their file hold the key.
    QSettings settings;
    settings.sync();
    for (const QString& k : settings.allKeys())
        QVERIFY2(!settings.value(k).toString().contains(key), qPrintable(k));
    QFile file(settings.fileName());
    if (file.open(QIODevice::ReadOnly))
        QVERIFY(!file.readAll().contains(key.toUtf8()));
}

// In the dock (a scroll area as narrow as the panel allows), the state line
// wraps when it grows from "Sending to …" to "Stopped. Start to send …":
// the panel makes room for it right away, not at the next layout pass, so
// the "Load" group below never draws over it.
void TestTrafficPanel::stateLineMakesRoomAtOnce()
{
    m_generator->stop();
    QVERIFY(startGateway());
    QScrollArea scroll;
    auto* panel = new TrafficPanel(m_generator.get(), m_controller.get());
    scroll.setWidget(panel);
    scroll.setWidgetResizable(true);
    scroll.setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    scroll.setFrameShape(QFrame::NoFrame); // as the dock has it
    scroll.resize(panel->minimumSizeHint().width(), 900);
    scroll.show();
    QVERIFY(QTest::qWaitForWindowExposed(&scroll));
    auto* state = panel->findChild<QLabel*>(QStringLiteral("trafficStateLabel"));
    QGroupBox* load = nullptr;
    for (QGroupBox* box : panel->findChildren<QGroupBox*>())
        if (box->title() == TrafficPanel::tr("Load"))
            load = box;
    QVERIFY(state && load);
    auto* start = panel->findChild<QPushButton*>(QStringLiteral("startTrafficButton"));
    auto* stop = panel->findChild<QPushButton*>(QStringLiteral("stopTrafficButton"));
    QTRY_VERIFY(start->isEnabled());
    QTest::mouseClick(start, Qt::LeftButton);
    QVERIFY2(m_generator->running(), qPrintable(m_generator->lastError()));
    QTest::qWait(100); // laid out for the one-line "Sending to …"
    const int oneLine = state->height();

    // Checked before any event is processed: what the next paint would show.
    QTest::mouseClick(stop, Qt::LeftButton);
    QVERIFY(!m_generator->running());
    QCOMPARE(state->text(),
             TrafficPanel::tr("Stopped. Start to send demo requests through the gateway."));
    const int needed = state->heightForWidth(state->width());
    QVERIFY2(needed > oneLine, qPrintable(QStringLiteral("%1 <= %2").arg(needed).arg(oneLine)));
    QVERIFY2(state->height() >= needed,
             qPrintable(QStringLiteral("%1 < %2").arg(state->height()).arg(needed)));
    QVERIFY2(state->geometry().bottom() < load->geometry().top(),
             qPrintable(QStringLiteral("state ends at %1, Load starts at %2")
                            .arg(state->geometry().bottom())
                            .arg(load->geometry().top())));
    QString dir = qEnvironmentVariable("GATEHOUSE_TEST_ARTIFACTS");
    if (dir.isEmpty())
        dir = QDir::currentPath() + QStringLiteral("/test-artifacts");
    QVERIFY(QDir().mkpath(dir));
    QVERIFY(scroll.grab().save(dir + QStringLiteral("/traffic_panel_stopped_narrow.png")));
}

// The readouts grow with the figures once traffic runs; at the dock's
// narrowest they wrap rather than cut the p99 or the error counts off.
void TestTrafficPanel::readoutsFitAtTheNarrowestDock()
{
    QScrollArea scroll;
    auto* panel = new TrafficPanel(m_generator.get(), m_controller.get());
    scroll.setWidget(panel);
    scroll.setWidgetResizable(true);
    scroll.setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    scroll.setFrameShape(QFrame::NoFrame);
    scroll.resize(panel->minimumSizeHint().width(), 1000);
    scroll.show();
    QVERIFY(QTest::qWaitForWindowExposed(&scroll));
    gatehouse::app::TrafficStats stats;
    stats.running = true;
    stats.targetRate = 20000;
    stats.requestsPerSecond = 19876.5;
    stats.latencyP50Ms = 1234.5;
    stats.latencyP90Ms = 23456.7;
    stats.latencyP99Ms = 34567.8;
    stats.statusClasses = {0, 0, 12345678, 234567, 3456789, 4567890};
    stats.connectErrors = 1234567;
    stats.ioErrors = 7654321;
    stats.sent = 123456789;
    stats.completed = 123456000;
    stats.elapsedSeconds = 86400;
    emit m_generator->statsUpdated(stats);
    // Wrapped labels settle over a few layout passes (later on a slow,
    // sanitized build): checked once they have, or after two seconds.
    QTest::qWait(50);
    // (Not settled after that: the check below says what is cut.)
    static_cast<void>(
        QTest::qWaitFor([&] { return gatehouse::test::clippedTexts(panel).isEmpty(); }, 2000));
    gatehouse::test::verifyNothingClipped(panel, QStringLiteral("traffic panel, narrowest"));
    QString dir = qEnvironmentVariable("GATEHOUSE_TEST_ARTIFACTS");
    if (dir.isEmpty())
        dir = QDir::currentPath() + QStringLiteral("/test-artifacts");
    QVERIFY(QDir().mkpath(dir));
    QVERIFY(scroll.grab().save(dir + QStringLiteral("/traffic_panel_readouts_narrow.png")));
}

QTEST_MAIN(TestTrafficPanel)
#include "tst_traffic_panel.moc"
