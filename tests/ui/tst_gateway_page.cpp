// SPDX-FileCopyrightText: Gatehouse contributors
// SPDX-License-Identifier: Apache-2.0
#include "ui/gateway/gateway_page.h"

#include "app/demo_workspace.h"
#include "app/gateway_controller.h"
#include "tests/support/test_http.h"
#include "ui/gateway/target_health_model.h"

#include <QAbstractItemModelTester>
#include <QClipboard>
#include <QDir>
#include <QGuiApplication>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using gatehouse::app::DemoWorkspace;
using gatehouse::app::GatewayController;
using gatehouse::app::TargetHealthRow;
using gatehouse::ui::GatewayPage;
using gatehouse::ui::TargetHealthModel;
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
    void restartKeepsServing();
    void stopWorks();
    void emptyAddressIsAnError();
    void adminTokenIsCopied();

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

    DemoWorkspace m_demo;
    std::unique_ptr<GatewayController> m_controller;
    std::unique_ptr<GatewayPage> m_page;
};

void TestGatewayPage::initTestCase()
{
    qputenv("XDG_RUNTIME_DIR", QDir::tempPath().toLocal8Bit());
    QStandardPaths::setTestModeEnabled(true);
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

void TestGatewayPage::saveScreenshot(const QString& fileName)
{
    QString dir = qEnvironmentVariable("GATEHOUSE_TEST_ARTIFACTS");
    if (dir.isEmpty())
        dir = QDir::currentPath() + QStringLiteral("/test-artifacts");
    QVERIFY(QDir().mkpath(dir));
    const QString path = dir + QLatin1Char('/') + fileName;
    QVERIFY2(m_page->grab().save(path), qPrintable(path));
    qInfo() << "screenshot:" << path;
}

void TestGatewayPage::healthModelPassesTester()
{
    TargetHealthModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QCOMPARE(model.rowCount(), 0);
    TargetHealthRow a{
        QStringLiteral("shop"), QStringLiteral("http://127.0.0.1:1"), true, 0, 1, 10, 0, 1500, {}};
    TargetHealthRow b{
        QStringLiteral("shop"), QStringLiteral("http://127.0.0.1:2"), false, 3, 0, 5, 5, 0, {}};
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
    model.setTargets({b});
    QCOMPARE(resets.count(), 1);
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
    QVERIFY(child<QLabel>("hintLabel")->text().contains(expected + QStringLiteral("/shop/1")));
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

void TestGatewayPage::restartKeepsServing()
{
    QSignalSpy states(m_controller.get(), &GatewayController::stateChanged);
    QTest::mouseClick(child<QPushButton>("restartButton"), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(states.count() >= 3, 10000); // Stopping, Stopped, Starting/Running
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
    QSignalSpy errors(m_page.get(), &GatewayPage::errorShown);
    child<QLineEdit>("listenAddressEdit")->clear();
    m_page->start();
    QCOMPARE(errors.count(), 1);
    QCOMPARE(m_controller->state(), State::Stopped);
    child<QLineEdit>("listenAddressEdit")->setText(QStringLiteral("127.0.0.1"));
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

QTEST_MAIN(TestGatewayPage)
#include "tst_gateway_page.moc"
