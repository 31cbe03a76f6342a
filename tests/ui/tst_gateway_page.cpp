// SPDX-FileCopyrightText: Gatehouse contributors
// SPDX-License-Identifier: Apache-2.0
#include "ui/gateway/gateway_page.h"

#include "app/demo_workspace.h"
#include "app/gateway_controller.h"
#include "console_test_environment.h"
#include "tests/support/test_http.h"
#include "ui/console_settings.h"
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

#include <atomic>
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
    QTRY_VERIFY_WITH_TIMEOUT(http::http_request(controller.port(), "GET", "/shop/1").status == 200,
                             5000);
    QTRY_VERIFY(model->rowCount() > 0);
    for (int row = 0; row < model->rowCount(); ++row)
        QVERIFY(model->index(row, TargetHealthModel::Problem).data().toString().isEmpty());

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
    QCOMPARE(note->text(),
             GatewayPage::tr("Host names are looked up again every %1.").arg(QStringLiteral("1s")));
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
