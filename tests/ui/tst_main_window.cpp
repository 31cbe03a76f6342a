// SPDX-FileCopyrightText: Gatehouse contributors
// SPDX-License-Identifier: Apache-2.0
#include "ui/main_window.h"

#include "app/demo_workspace.h"
#include "app/gateway_controller.h"
#include "tests/support/test_http.h"

#include <QAction>
#include <QDir>
#include <QHostAddress>
#include <QLabel>
#include <QPushButton>
#include <QSettings>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTcpServer>
#include <QTest>

#include <memory>

using gatehouse::app::DemoWorkspace;
using gatehouse::app::GatewayController;
using gatehouse::ui::MainWindow;
using State = GatewayController::State;
namespace http = gatehouse::test;

class TestMainWindow : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void showsStopped();
    void startShowsUrl();
    void trafficUpdatesCounters();
    void stopWorks();
    void errorShownWhenPortTaken();
    void geometryIsSaved();

private:
    QLabel* label(const char* name) const
    {
        auto* found = m_window->findChild<QLabel*>(QLatin1String(name));
        if (!found)
            qFatal("no label %s", name);
        return found;
    }
    QPushButton* button(const char* name) const
    {
        return m_window->findChild<QPushButton*>(QLatin1String(name));
    }
    void saveScreenshot(const QString& fileName);

    DemoWorkspace m_demo;
    std::unique_ptr<GatewayController> m_controller;
    std::unique_ptr<MainWindow> m_window;
};

void TestMainWindow::initTestCase()
{
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
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
}

void TestMainWindow::cleanupTestCase()
{
    m_window.reset();
    m_controller.reset();
    m_demo.stopOrigin();
}

void TestMainWindow::saveScreenshot(const QString& fileName)
{
    QString dir = qEnvironmentVariable("GATEHOUSE_TEST_ARTIFACTS");
    if (dir.isEmpty())
        dir = QDir::currentPath() + QStringLiteral("/test-artifacts");
    QVERIFY(QDir().mkpath(dir));
    const QPixmap shot = m_window->grab();
    QVERIFY(!shot.isNull());
    const QString path = dir + QLatin1Char('/') + fileName;
    QVERIFY2(shot.save(path), qPrintable(path));
    qInfo() << "screenshot:" << path;
}

void TestMainWindow::showsStopped()
{
    QVERIFY(m_window->isVisible());
    QVERIFY(!m_window->windowTitle().isEmpty());
    QVERIFY(button("startButton")->isEnabled());
    QVERIFY(!button("stopButton")->isEnabled());
    QVERIFY(!label("listenUrlLabel")->text().startsWith(QStringLiteral("http")));
    QVERIFY(!label("errorLabel")->isVisible());
    QCOMPARE(label("requestCountLabel")->text(), QStringLiteral("0"));
    QCOMPARE(label("demoOriginLabel")->text(), m_demo.originUrl().toString());
}

void TestMainWindow::startShowsUrl()
{
    QTest::mouseClick(button("startButton"), Qt::LeftButton);
    QTRY_COMPARE(m_controller->state(), State::Running);
    const QString expected = QStringLiteral("http://127.0.0.1:%1").arg(m_controller->port());
    QTRY_COMPARE(label("listenUrlLabel")->text(), expected);
    QVERIFY(label("listenUrlLabel")->textInteractionFlags() & Qt::TextSelectableByMouse);
    QVERIFY(!button("startButton")->isEnabled());
    QVERIFY(button("stopButton")->isEnabled());
    QVERIFY(label("statusBarStateLabel")->text().contains(expected));
    QVERIFY(label("hintLabel")->text().contains(expected + QStringLiteral("/shop/1")));
}

void TestMainWindow::trafficUpdatesCounters()
{
    QLabel* counter = label("requestCountLabel");
    QLabel* rate = label("requestRateLabel");
    const QString before = counter->text();
    const quint16 port = m_controller->port();
    for (int i = 0; i < 25; ++i)
        QCOMPARE(http::http_request(port, "GET", "/shop/1").status, 200);
    for (int i = 0; i < 3; ++i)
        QCOMPARE(http::http_request(port, "GET", "/missing").status, 404);
    QCOMPARE(http::http_request(port, "POST", "/echo", {}, "hello").status, 200);

    QTRY_VERIFY(counter->text() != before);
    QTRY_COMPARE(counter->text(), QLocale().toString(29));
    QTRY_COMPARE(label("status2xxLabel")->text(), QLocale().toString(26));
    QCOMPARE(label("status4xxLabel")->text(), QLocale().toString(3));
    QCOMPARE(label("status5xxLabel")->text(), QStringLiteral("0"));
    QVERIFY(label("bytesInLabel")->text() != QStringLiteral("0 bytes"));

    // Keep traffic flowing until a sample shows a rate above zero.
    bool sawRate = false;
    QElapsedTimer timer;
    timer.start();
    while (!sawRate && timer.elapsed() < 5000) {
        QCOMPARE(http::http_request(port, "GET", "/weather/london").status, 200);
        QTest::qWait(20);
        sawRate = QLocale().toDouble(rate->text()) > 0.0;
    }
    QVERIFY2(sawRate, qPrintable(rate->text()));
    saveScreenshot(QStringLiteral("main_window.png"));
}

void TestMainWindow::stopWorks()
{
    QTest::mouseClick(button("stopButton"), Qt::LeftButton);
    QVERIFY(!button("stopButton")->isEnabled());
    QVERIFY(!button("startButton")->isEnabled()); // until drained
    QTRY_COMPARE_WITH_TIMEOUT(m_controller->state(), State::Stopped, 10000);
    QVERIFY(button("startButton")->isEnabled());
    QVERIFY(!label("listenUrlLabel")->text().startsWith(QStringLiteral("http")));
    QCOMPARE(label("stateLabel")->text(), MainWindow::tr("Stopped"));
    // Totals stay visible after a stop.
    QVERIFY(label("requestCountLabel")->text() != QStringLiteral("0"));
}

void TestMainWindow::errorShownWhenPortTaken()
{
    QTcpServer occupier;
    QVERIFY(occupier.listen(QHostAddress::LocalHost, 0));
    auto options = m_controller->options();
    options.port = occupier.serverPort();
    m_controller->setOptions(options);

    m_window->findChild<QAction*>(QStringLiteral("startAction"))->trigger();
    QCOMPARE(m_controller->state(), State::Stopped);
    QLabel* error = label("errorLabel");
    QTRY_VERIFY(error->isVisible());
    QVERIFY2(error->text().contains(QString::number(occupier.serverPort())),
             qPrintable(error->text()));
    QCOMPARE(error->text(), m_controller->lastError());
    QCOMPARE(m_window->statusBar()->currentMessage(), error->text());
    QVERIFY(button("startButton")->isEnabled());
    saveScreenshot(QStringLiteral("main_window_error.png"));

    // A successful start clears the banner.
    occupier.close();
    options.port = 0;
    m_controller->setOptions(options);
    QTest::mouseClick(button("startButton"), Qt::LeftButton);
    QTRY_COMPARE(m_controller->state(), State::Running);
    QVERIFY(!error->isVisible());
    m_controller->stopAndWait(std::chrono::milliseconds(500));
}

void TestMainWindow::geometryIsSaved()
{
    m_window->resize(900, 600);
    QVERIFY(m_window->close());
    const QByteArray geometry =
        QSettings().value(QStringLiteral("MainWindow/geometry")).toByteArray();
    QVERIFY(!geometry.isEmpty());

    MainWindow restored(m_controller.get());
    QCOMPARE(restored.size(), QSize(900, 600));
}

QTEST_MAIN(TestMainWindow)
#include "tst_main_window.moc"
