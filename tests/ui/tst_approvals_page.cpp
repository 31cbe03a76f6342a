// SPDX-FileCopyrightText: Gatehouse contributors
// SPDX-License-Identifier: Apache-2.0
#include "ui/approvals/approvals_page.h"

#include "layout_check.h"
#include "screenshot.h"

#include "app/catalog_service.h"
#include "app/catalog_startup.h"
#include "app/demo_workspace.h"
#include "app/gateway_config_sync.h"
#include "app/gateway_controller.h"
#include "tests/app/catalog_call.h"
#include "tests/app/test_databases.h"
#include "tests/support/test_http.h"
#include "ui/applications/application_panel.h"
#include "ui/applications/applications_model.h"
#include "ui/applications/applications_page.h"
#include "ui/applications/subscriptions_model.h"
#include "ui/approvals/approval_details.h"
#include "ui/approvals/approvals_model.h"
#include "ui/approvals/reason_dialog.h"
#include "ui/main_window.h"
#include "ui/teams/teams_page.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QDialogButtonBox>
#include <QDir>
#include <QHash>
#include <QLabel>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSettings>
#include <QStandardPaths>
#include <QTabBar>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

#include <optional>

using namespace gatehouse;
using namespace gatehouse::app;
using gatehouse::test::saveScreenshot;
using gatehouse::ui::ApprovalsModel;
using gatehouse::ui::ApprovalsPage;
using gatehouse::ui::MainWindow;

// The approvals page as a person uses it, against a real SQLite catalog on
// its storage thread and the real gateway in front of the demo origin, wired
// as main() wires them: a click on Approve lets the application's key through
// the gateway within a second.
class TestApprovalsPage : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void init();
    void cleanup();

    void approveOpensTheGatewayWithinASecond();
    void rejectNeedsAReasonAndMovesToHistory();
    void bulkApproveTwoRows();
    void refusedDecisionIsShownInThePage();
    void revokeFromHistoryClosesTheGateway();
    void suspendThenResume();
    void bulkRejectTwoRows();
    void onlyWhatTheActorMayDecide();
    void whoMayNotDecideIsToldWhoDoes();
    void translatedLayoutFits_data();
    void translatedLayoutFits();
    void requestsFromAnotherConsoleAppear();

private:
    struct Client {
        qint64 appId = 0;
        QString key;
        qint64 subscriptionId = 0;
    };
    template <typename Work>
    auto call(Work work) -> std::optional<std::invoke_result_t<Work&, CatalogStore&>>
    {
        return callCatalog(*m_catalog, this, std::move(work));
    }
    // A new application of the outsider with a key and a pending request,
    // once the gateway knows the key.
    std::optional<Client> requestAccess(const QString& appName);
    int status(const QString& key);
    test::http_response callGateway(const QString& key);
    // The reason dialog the page shows, once shown; nullptr if none is.
    gatehouse::ui::ReasonDialog* shownReasonDialog() const;
    // Types `reason` into the shown reason dialog and clicks its OK button.
    void giveReason(const QString& reason);
    void selectHistoryRow(int row);
    int historyRowOf(qint64 subscriptionId) const;
    // The state the Applications page shows for the only subscription of
    // the application `appId`, once it shows `expected` (or after 2 s).
    QString applicationsPageState(qint64 appId, const QString& expected);
    ApprovalsPage* page() const { return m_window->approvalsPage(); }
    QPushButton* button(const char* name) const
    {
        return page()->findChild<QPushButton*>(QLatin1String(name));
    }
    int inboxRowOf(qint64 subscriptionId) const;
    void selectInboxRows(const QList<int>& rows);

    DemoWorkspace m_demo;
    QTemporaryDir m_dir;
    TestWorld m_world;
    Principal m_localAdmin;
    std::unique_ptr<CatalogService> m_catalog;
    std::unique_ptr<GatewayController> m_gateway;
    std::unique_ptr<GatewayConfigSync> m_sync;
    std::unique_ptr<MainWindow> m_window;
    qint64 m_planId = 0;
    int m_databases = 0;
};

void TestApprovalsPage::initTestCase()
{
    qputenv("XDG_RUNTIME_DIR", QDir::tempPath().toLocal8Bit());
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("GatehouseTests"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_approvals_page"));
    QSettings().clear();
    // The OS user becomes the workspace's local admin, as in main().
    qputenv("USER", "root-admin");
    QVERIFY(m_dir.isValid());
    QVERIFY2(m_demo.startOrigin(), qPrintable(m_demo.lastError()));
}

void TestApprovalsPage::cleanupTestCase()
{
    m_demo.stopOrigin();
}

void TestApprovalsPage::init()
{
    m_catalog = std::make_unique<CatalogService>();
    const QString path = m_dir.filePath(QStringLiteral("catalog-%1.db").arg(++m_databases));
    const CatalogStartup startup = startCatalog(*m_catalog, path);
    QVERIFY2(startup.error.isEmpty() && startup.localAdmin, qPrintable(startup.error));
    m_localAdmin = *startup.localAdmin;
    QCOMPARE(m_localAdmin.name, QStringLiteral("root-admin"));

    QString error;
    const quint16 originPort = m_demo.originPort();
    const auto plan = m_catalog->runAndWait([&](CatalogStore& store) -> qint64 {
        if (!m_world.seed(store.database(), &error))
            return 0;
        ApiDefinition def;
        def.slug = QStringLiteral("orders");
        def.name = QStringLiteral("Orders");
        def.teamId = m_world.teamId;
        def.visibility = ApiVisibility::Organisation;
        def.basePath = QStringLiteral("/echo/orders");
        def.routes = {{QStringLiteral("GET"), QStringLiteral("/items")}};
        def.upstreams = {{QStringLiteral("http://127.0.0.1:%1").arg(originPort), 1}};
        const auto api = store.apis().createApi(m_world.publisher, def);
        if (!api || !store.apis().publish(m_world.publisher, api->id)) {
            error = store.apis().lastError();
            return 0;
        }
        const auto created =
            store.plans().createPlan(m_world.publisher, Plan{0, api->id, QStringLiteral("gold"),
                                                             ApprovalMode::Manual, 600, 100000, 0});
        if (!created)
            error = store.plans().lastError();
        return created ? created->id : 0;
    });
    QVERIFY2(plan > 0, qPrintable(error));
    m_planId = plan;

    m_gateway = std::make_unique<GatewayController>();
    m_gateway->setStatsInterval(0);
    gateway::gateway_options options;
    options.listen_address = "127.0.0.1";
    options.port = 0;
    options.threads = 2;
    QVERIFY2(m_gateway->start(options), qPrintable(m_gateway->lastError()));
    m_sync = std::make_unique<GatewayConfigSync>(*m_catalog, *m_gateway);
    m_sync->recompileNow();
    QTRY_VERIFY_WITH_TIMEOUT(m_sync->appliedCount() > 0 || !m_sync->lastError().isEmpty(), 5000);
    QVERIFY2(m_sync->lastError().isEmpty(), qPrintable(m_sync->lastError()));

    m_window = std::make_unique<MainWindow>(m_gateway.get());
    m_window->setCatalogService(m_catalog.get(), m_localAdmin);
    QVERIFY(page());
    new QAbstractItemModelTester(page()->inboxModel(),
                                 QAbstractItemModelTester::FailureReportingMode::QtTest,
                                 page()->inboxModel());
    new QAbstractItemModelTester(page()->historyModel(),
                                 QAbstractItemModelTester::FailureReportingMode::QtTest,
                                 page()->historyModel());
    m_window->resize(1280, 720);
    m_window->setCurrentPage(MainWindow::Approvals);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
}

void TestApprovalsPage::cleanup()
{
    m_window.reset();
    m_sync.reset();
    if (m_gateway)
        m_gateway->stopAndWait(std::chrono::milliseconds(500));
    m_gateway.reset();
    m_catalog.reset();
}

std::optional<TestApprovalsPage::Client> TestApprovalsPage::requestAccess(const QString& appName)
{
    const Principal outsider = m_world.outsider;
    const qint64 plan = m_planId;
    auto client = call([=](CatalogStore& s) -> std::optional<Client> {
        const auto app = s.applications().createApplication(outsider, appName);
        const auto key =
            app ? s.applications().issueKey(outsider, app->id, QStringLiteral("ci")) : std::nullopt;
        const auto sub = key ? s.subscriptions().request(outsider, app->id, plan) : std::nullopt;
        if (!sub)
            return std::nullopt;
        return Client{app->id, key->key, sub->id};
    });
    if (!client || !*client)
        return std::nullopt;
    // The new key reaches the gateway with the next compile: from then on it
    // is known (not 401) but has no approved subscription (403).
    for (int i = 0; i < 200; ++i) {
        if (status((*client)->key) == 403)
            return *client;
        QTest::qWait(10);
    }
    return std::nullopt;
}

int TestApprovalsPage::status(const QString& key)
{
    return callGateway(key).status;
}

test::http_response TestApprovalsPage::callGateway(const QString& key)
{
    test::header_list headers{{"X-API-Key", key.toStdString()}};
    return test::http_request(m_gateway->port(), "GET", "/echo/orders/items", headers, {},
                              std::chrono::seconds(5));
}

gatehouse::ui::ReasonDialog* TestApprovalsPage::shownReasonDialog() const
{
    for (int i = 0; i < 400; ++i) {
        for (auto* dialog : page()->findChildren<gatehouse::ui::ReasonDialog*>())
            if (dialog->isVisible())
                return dialog;
        QTest::qWait(5);
    }
    return nullptr;
}

void TestApprovalsPage::giveReason(const QString& reason)
{
    auto* dialog = shownReasonDialog();
    QVERIFY(dialog);
    QPushButton* ok = dialog->findChild<QDialogButtonBox*>()->button(QDialogButtonBox::Ok);
    QVERIFY(!ok->isEnabled());
    QTest::keyClicks(dialog->findChild<QPlainTextEdit*>(QStringLiteral("reason")), reason);
    QVERIFY(ok->isEnabled());
    QTest::mouseClick(ok, Qt::LeftButton);
}

void TestApprovalsPage::selectHistoryRow(int row)
{
    QTableView* view = page()->historyView();
    QVERIFY(view->isVisible());
    const QRect cell = view->visualRect(view->model()->index(row, ApprovalsModel::Application));
    QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, cell.center());
    QVERIFY(view->selectionModel()->isRowSelected(row, {}));
}

int TestApprovalsPage::historyRowOf(qint64 subscriptionId) const
{
    const ApprovalsModel* model = page()->historyModel();
    for (int row = 0; row < model->rowCount(); ++row) {
        if (model->item(row)->subscriptionId == subscriptionId)
            return row;
    }
    return -1;
}

QString TestApprovalsPage::applicationsPageState(qint64 appId, const QString& expected)
{
    gatehouse::ui::ApplicationsPage* apps = m_window->applicationsPage();
    m_window->setCurrentPage(MainWindow::Applications);
    // The admin's window lists every application: pick the outsider's.
    const ui::ApplicationsModel* model = apps->applicationsModel();
    int row = -1;
    for (int i = 0; i < 400 && row < 0; ++i) {
        for (int r = 0; r < model->rowCount(); ++r)
            if (model->item(r)->application.id == appId)
                row = r;
        if (row < 0)
            QTest::qWait(5);
    }
    if (row < 0)
        return QStringLiteral("(application not listed)");
    QTableView* view = apps->applicationsView();
    QTest::mouseClick(view->viewport(), Qt::LeftButton, {},
                      view->visualRect(model->index(row, ui::ApplicationsModel::Name)).center());
    const ui::SubscriptionsModel* subs = apps->panel()->subscriptionsModel();
    for (int i = 0; i < 400 && (apps->selectedApplicationId() != appId || subs->rowCount() != 1);
         ++i)
        QTest::qWait(5);
    if (subs->rowCount() != 1)
        return QStringLiteral("(%1 subscriptions shown)").arg(subs->rowCount());
    // The page follows the catalog's changes by itself: no reload here.
    const auto state = [subs] {
        return subs->index(0, ui::SubscriptionsModel::State).data().toString();
    };
    for (int i = 0; i < 400 && state() != expected; ++i)
        QTest::qWait(5);
    return state();
}

int TestApprovalsPage::inboxRowOf(qint64 subscriptionId) const
{
    const ApprovalsModel* model = page()->inboxModel();
    for (int row = 0; row < model->rowCount(); ++row) {
        if (model->item(row)->subscriptionId == subscriptionId)
            return row;
    }
    return -1;
}

void TestApprovalsPage::selectInboxRows(const QList<int>& rows)
{
    QTableView* view = page()->inboxView();
    view->clearSelection();
    for (const int row : rows) {
        const QRect cell = view->visualRect(view->model()->index(row, ApprovalsModel::Application));
        QTest::mouseClick(view->viewport(), Qt::LeftButton, Qt::ControlModifier, cell.center());
    }
}

void TestApprovalsPage::approveOpensTheGatewayWithinASecond()
{
    const auto client = requestAccess(QStringLiteral("dashboard"));
    QVERIFY(client);
    QTRY_COMPARE_WITH_TIMEOUT(page()->inboxModel()->rowCount(), 1, 2000);
    const auto* item = page()->inboxModel()->item(0);
    QCOMPARE(item->subscriptionId, client->subscriptionId);
    QCOMPARE(item->application, QStringLiteral("dashboard"));
    QCOMPARE(item->plan, QStringLiteral("gold"));
    QCOMPARE(item->api, QStringLiteral("Orders"));
    QCOMPARE(item->requestedBy, QStringLiteral("olga"));
    // The badge in the sidebar.
    QTRY_COMPARE_WITH_TIMEOUT(m_window->pendingApprovals(), 1, 2000);
    auto* navigation = m_window->findChild<QListWidget*>(QStringLiteral("navigation"));
    QVERIFY(navigation);
    QCOMPARE(navigation->item(MainWindow::Approvals)->text(), QStringLiteral("Approvals (1)"));

    // Pending is not approved.
    QCOMPARE(status(client->key), 403);

    QVERIFY(!button("approveButton")->isEnabled());
    selectInboxRows({0});
    QVERIFY(button("approveButton")->isEnabled());
    auto* details = page()->findChild<QLabel*>(QStringLiteral("detailsHeading"));
    QCOMPARE(details->text(), QStringLiteral("Subscription #%1").arg(client->subscriptionId));
    QTest::qWait(50); // let the layout settle for the picture
    saveScreenshot(m_window.get(), QStringLiteral("approvals_inbox.png"));

    QTest::mouseClick(button("approveButton"), Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(status(client->key), 200, 1000);

    QTRY_COMPARE_WITH_TIMEOUT(page()->inboxModel()->rowCount(), 0, 2000);
    QTRY_COMPARE_WITH_TIMEOUT(m_window->pendingApprovals(), 0, 2000);
    QCOMPARE(navigation->item(MainWindow::Approvals)->text(), QStringLiteral("Approvals"));
    QCOMPARE(page()->findChild<QLabel*>(QStringLiteral("detailsHeading"))->text(),
             QStringLiteral("No requests are waiting for a decision."));
    QTRY_COMPARE_WITH_TIMEOUT(page()->historyModel()->rowCount(), 1, 2000);
    const auto* decided = page()->historyModel()->item(0);
    QCOMPARE(app::toString(decided->state), app::toString(SubscriptionState::Approved));
    QCOMPARE(decided->decidedBy, m_localAdmin.name);
    QVERIFY(decided->decidedAt > 0);
    QVERIFY2(!page()->message().isEmpty() &&
                 !page()
                      ->findChild<QLabel*>(QStringLiteral("approvalsMessage"))
                      ->property("error")
                      .toBool(),
             qPrintable(page()->message()));
}

void TestApprovalsPage::rejectNeedsAReasonAndMovesToHistory()
{
    const auto client = requestAccess(QStringLiteral("scraper"));
    QVERIFY(client);
    QTRY_COMPARE_WITH_TIMEOUT(page()->inboxModel()->rowCount(), 1, 2000);
    selectInboxRows({0});
    QTest::mouseClick(button("rejectButton"), Qt::LeftButton);
    auto* dialog = page()->findChild<gatehouse::ui::ReasonDialog*>();
    QVERIFY(dialog);
    QTRY_VERIFY(dialog->isVisible());
    QPushButton* ok = dialog->findChild<QDialogButtonBox*>()->button(QDialogButtonBox::Ok);
    QVERIFY(!ok->isEnabled()); // a reason is required
    auto* text = dialog->findChild<QPlainTextEdit*>(QStringLiteral("reason"));
    QTest::keyClicks(text, QStringLiteral("   "));
    QVERIFY(!ok->isEnabled());
    text->clear();
    QTest::keyClicks(text, QStringLiteral("no production use yet"));
    QVERIFY(ok->isEnabled());
    saveScreenshot(dialog, QStringLiteral("approvals_reject_dialog.png"));
    QTest::mouseClick(ok, Qt::LeftButton);

    QTRY_COMPARE_WITH_TIMEOUT(page()->inboxModel()->rowCount(), 0, 2000);
    QTRY_COMPARE_WITH_TIMEOUT(page()->historyModel()->rowCount(), 1, 2000);
    const auto* rejected = page()->historyModel()->item(0);
    QCOMPARE(app::toString(rejected->state), app::toString(SubscriptionState::Rejected));
    QCOMPARE(rejected->reason, QStringLiteral("no production use yet"));
    QCOMPARE(page()->historyModel()->index(0, ApprovalsModel::Reason).data().toString(),
             QStringLiteral("no production use yet"));
    QCOMPARE(page()->historyModel()->index(0, ApprovalsModel::Mode).data().toString(),
             QStringLiteral("Rejected"));
    QCOMPARE(status(client->key), 403);

    page()->tabs()->setCurrentIndex(1);
    page()->historyView()->selectRow(0);
    QCOMPARE(page()->findChild<QLabel*>(QStringLiteral("detailsReason"))->text(),
             QStringLiteral("no production use yet"));
    QTest::qWait(50);
    saveScreenshot(m_window.get(), QStringLiteral("approvals_history.png"));
}

void TestApprovalsPage::bulkApproveTwoRows()
{
    const auto first = requestAccess(QStringLiteral("mobile"));
    const auto second = requestAccess(QStringLiteral("partner-portal"));
    const auto third = requestAccess(QStringLiteral("left-alone"));
    QVERIFY(first && second && third);
    QTRY_COMPARE_WITH_TIMEOUT(page()->inboxModel()->rowCount(), 3, 2000);
    QTRY_COMPARE_WITH_TIMEOUT(m_window->pendingApprovals(), 3, 2000);
    selectInboxRows({inboxRowOf(first->subscriptionId), inboxRowOf(second->subscriptionId)});
    QCOMPARE(page()->inboxView()->selectionModel()->selectedRows().size(), 2);
    QCOMPARE(page()->findChild<QLabel*>(QStringLiteral("detailsHeading"))->text(),
             QStringLiteral("2 requests selected."));
    QTest::mouseClick(button("approveButton"), Qt::LeftButton);

    QTRY_COMPARE_WITH_TIMEOUT(status(first->key), 200, 1000);
    QTRY_COMPARE_WITH_TIMEOUT(status(second->key), 200, 1000);
    QCOMPARE(status(third->key), 403);
    QTRY_COMPARE_WITH_TIMEOUT(page()->inboxModel()->rowCount(), 1, 2000);
    QCOMPARE(page()->inboxModel()->item(0)->subscriptionId, third->subscriptionId);
    QTRY_COMPARE_WITH_TIMEOUT(m_window->pendingApprovals(), 1, 2000);
    QCOMPARE(page()->historyModel()->rowCount(), 2);
}

void TestApprovalsPage::refusedDecisionIsShownInThePage()
{
    const auto client = requestAccess(QStringLiteral("racer"));
    QVERIFY(client);
    QTRY_COMPARE_WITH_TIMEOUT(page()->inboxModel()->rowCount(), 1, 2000);
    selectInboxRows({0});
    // Someone else rejects it first; the storage thread runs that before the
    // page's approval, which the service then refuses.
    const Principal admin = m_world.admin;
    const qint64 id = client->subscriptionId;
    m_catalog->mutate(
        this,
        [=](CatalogStore& s) { return s.subscriptions().reject(admin, id, QStringLiteral("x")); },
        [](bool) {});
    QTest::mouseClick(button("approveButton"), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(page()->message().contains(QStringLiteral("Refused")), 2000);
    QVERIFY(
        page()->findChild<QLabel*>(QStringLiteral("approvalsMessage"))->property("error").toBool());
    QVERIFY2(page()->message().contains(QStringLiteral("not possible in its current state")) &&
                 page()->message().contains(QStringLiteral("cannot approve")),
             qPrintable(page()->message()));
    QCOMPARE(status(client->key), 403);
    QTRY_COMPARE_WITH_TIMEOUT(page()->inboxModel()->rowCount(), 0, 2000);
}

void TestApprovalsPage::revokeFromHistoryClosesTheGateway()
{
    const auto client = requestAccess(QStringLiteral("old-app"));
    QVERIFY(client);
    QTRY_COMPARE_WITH_TIMEOUT(page()->inboxModel()->rowCount(), 1, 2000);
    selectInboxRows({0});
    QTest::mouseClick(button("approveButton"), Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(status(client->key), 200, 1000);
    QTRY_COMPARE_WITH_TIMEOUT(page()->historyModel()->rowCount(), 1, 2000);

    page()->tabs()->setCurrentIndex(1);
    page()->historyView()->selectRow(0);
    QVERIFY(button("revokeButton")->isEnabled());
    QVERIFY(!button("resumeButton")->isEnabled());
    QTest::mouseClick(button("revokeButton"), Qt::LeftButton);
    auto* dialog = page()->findChild<gatehouse::ui::ReasonDialog*>();
    QVERIFY(dialog);
    dialog->setReason(QStringLiteral("application retired"));
    dialog->accept();
    QTRY_VERIFY_WITH_TIMEOUT(status(client->key) != 200, 1000);
    // Refused for good: the key of a revoked subscription is not let through
    // (401 or 403), not answered with some other error.
    const int refused = status(client->key);
    QVERIFY2(refused == 401 || refused == 403, qPrintable(QString::number(refused)));
    QTRY_VERIFY_WITH_TIMEOUT(page()->historyModel()->item(0) &&
                                 page()->historyModel()->item(0)->state ==
                                     SubscriptionState::Revoked,
                             2000);
}

void TestApprovalsPage::suspendThenResume()
{
    const auto client = requestAccess(QStringLiteral("nightly-sync"));
    QVERIFY(client);
    QTRY_COMPARE_WITH_TIMEOUT(page()->inboxModel()->rowCount(), 1, 2000);
    selectInboxRows({0});
    QTest::mouseClick(button("approveButton"), Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(status(client->key), 200, 1000);
    QTRY_COMPARE_WITH_TIMEOUT(page()->historyModel()->rowCount(), 1, 2000);

    // Suspend from the History tab, with a reason.
    QTest::mouseClick(page()->tabs()->tabBar(), Qt::LeftButton, {},
                      page()->tabs()->tabBar()->tabRect(1).center());
    QCOMPARE(page()->tabs()->currentIndex(), 1);
    selectHistoryRow(0);
    QVERIFY(button("suspendButton")->isEnabled());
    QVERIFY(!button("resumeButton")->isEnabled());
    QTest::mouseClick(button("suspendButton"), Qt::LeftButton);
    giveReason(QStringLiteral("unpaid invoice"));
    if (QTest::currentTestFailed())
        return;

    // The gateway refuses the key within a second, saying why.
    QTRY_COMPARE_WITH_TIMEOUT(status(client->key), 403, 1000);
    const test::http_response refused = callGateway(client->key);
    QCOMPARE(refused.status, 403);
    QVERIFY2(refused.body.find("https://gatehouse.dev/problems/subscription-suspended") !=
                 std::string::npos,
             refused.body.c_str());
    QTRY_VERIFY_WITH_TIMEOUT(page()->historyModel()->item(0) &&
                                 page()->historyModel()->item(0)->state ==
                                     SubscriptionState::Suspended,
                             2000);
    QCOMPARE(page()->historyModel()->item(0)->reason, QStringLiteral("unpaid invoice"));
    QCOMPARE(page()->historyModel()->index(0, ApprovalsModel::Mode).data().toString(),
             QStringLiteral("Suspended"));
    QTest::qWait(50);
    saveScreenshot(m_window.get(), QStringLiteral("approvals_suspended.png"));

    // Meanwhile the application's owner sees it suspended.
    QCOMPARE(applicationsPageState(client->appId, QStringLiteral("Suspended")),
             QStringLiteral("Suspended"));
    saveScreenshot(m_window.get(), QStringLiteral("applications_suspended.png"));

    // Resume: the key is let through again.
    m_window->setCurrentPage(MainWindow::Approvals);
    QCOMPARE(page()->tabs()->currentIndex(), 1);
    selectHistoryRow(0);
    QTRY_VERIFY_WITH_TIMEOUT(button("resumeButton")->isEnabled(), 2000);
    QTest::mouseClick(button("resumeButton"), Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(status(client->key), 200, 1000);
    QTRY_VERIFY_WITH_TIMEOUT(page()->historyModel()->item(0) &&
                                 page()->historyModel()->item(0)->state ==
                                     SubscriptionState::Approved,
                             2000);
    QCOMPARE(applicationsPageState(client->appId, QStringLiteral("Approved")),
             QStringLiteral("Approved"));
    QCOMPARE(page()->historyModel()->item(0)->reason, QString()); // the suspension's is gone
}

void TestApprovalsPage::bulkRejectTwoRows()
{
    const auto first = requestAccess(QStringLiteral("crawler"));
    const auto second = requestAccess(QStringLiteral("bot"));
    const auto third = requestAccess(QStringLiteral("kept"));
    QVERIFY(first && second && third);
    QTRY_COMPARE_WITH_TIMEOUT(page()->inboxModel()->rowCount(), 3, 2000);
    selectInboxRows({inboxRowOf(first->subscriptionId), inboxRowOf(second->subscriptionId)});
    QCOMPARE(page()->inboxView()->selectionModel()->selectedRows().size(), 2);
    QTest::mouseClick(button("rejectButton"), Qt::LeftButton);
    giveReason(QStringLiteral("automated clients are not allowed"));
    if (QTest::currentTestFailed())
        return;

    QTRY_COMPARE_WITH_TIMEOUT(page()->inboxModel()->rowCount(), 1, 2000);
    QCOMPARE(page()->inboxModel()->item(0)->subscriptionId, third->subscriptionId);
    QTRY_COMPARE_WITH_TIMEOUT(page()->historyModel()->rowCount(), 2, 2000);
    for (const qint64 id : {first->subscriptionId, second->subscriptionId}) {
        const int row = historyRowOf(id);
        QVERIFY(row >= 0);
        const auto* item = page()->historyModel()->item(row);
        QCOMPARE(app::toString(item->state), app::toString(SubscriptionState::Rejected));
        QCOMPARE(item->reason, QStringLiteral("automated clients are not allowed"));
        QCOMPARE(page()->historyModel()->index(row, ApprovalsModel::Reason).data().toString(),
                 QStringLiteral("automated clients are not allowed"));
    }
    QTRY_COMPARE_WITH_TIMEOUT(m_window->pendingApprovals(), 1, 2000);
    QCOMPARE(status(first->key), 403);
    QCOMPARE(status(second->key), 403);
}

void TestApprovalsPage::onlyWhatTheActorMayDecide()
{
    const auto client = requestAccess(QStringLiteral("shop"));
    QVERIFY(client);
    QTRY_COMPARE_WITH_TIMEOUT(page()->inboxModel()->rowCount(), 1, 2000);

    // The owner of the API's team decides; a plain member and the owner of
    // another team see nothing to decide.
    ApprovalsPage member(m_catalog.get(), m_world.developer);
    ApprovalsPage stranger(m_catalog.get(), m_world.otherPublisher);
    ApprovalsPage owner(m_catalog.get(), m_world.publisher);
    // The storage thread runs the loads in order and their results come
    // back in order: once the owner's has arrived, so have the others'.
    QTRY_COMPARE_WITH_TIMEOUT(owner.inboxModel()->rowCount(), 1, 2000);
    QCOMPARE(member.inboxModel()->rowCount(), 0);
    QCOMPARE(stranger.inboxModel()->rowCount(), 0);

    // The sidebar's badge counts what the window's actor may decide.
    QTRY_COMPARE_WITH_TIMEOUT(m_window->pendingApprovals(), 1, 2000);
    page()->setActor(m_world.developer);
    QTRY_COMPARE_WITH_TIMEOUT(m_window->pendingApprovals(), 0, 2000);
    QCOMPARE(page()->inboxModel()->rowCount(), 0);
    page()->setActor(m_world.publisher);
    QTRY_COMPARE_WITH_TIMEOUT(m_window->pendingApprovals(), 1, 2000);

    // Without an account the page says so instead of showing an empty list.
    ApprovalsPage nobody(m_catalog.get(), std::nullopt);
    QVERIFY(nobody.message().contains(QStringLiteral("unavailable")));
    QCOMPARE(nobody.inboxModel()->rowCount(), 0);
}

// A developer decides nothing: the page says who does and where their own
// requests are, shows no decision buttons, and leaves the sidebar; an admin
// and a team owner see the buttons and no note.
void TestApprovalsPage::whoMayNotDecideIsToldWhoDoes()
{
    const auto client = requestAccess(QStringLiteral("storefront"));
    QVERIFY(client);
    QTRY_COMPARE_WITH_TIMEOUT(page()->inboxModel()->rowCount(), 1, 2000);
    auto* navigation = m_window->findChild<QListWidget*>(QStringLiteral("navigation"));
    auto* showApprovals = m_window->findChild<QAction*>(QStringLiteral("showApprovalsAction"));
    QVERIFY(navigation && showApprovals);
    const auto note = [](ApprovalsPage* p) {
        return p->findChild<QLabel*>(QStringLiteral("approvalsRoleNote"));
    };
    const char* const decisionButtons[] = {"approveButton", "rejectButton", "suspendButton",
                                           "resumeButton", "revokeButton"};
    const auto shownButtons = [&decisionButtons](ApprovalsPage* p) {
        QStringList shown;
        for (const char* name : decisionButtons) {
            if (!p->findChild<QPushButton*>(QLatin1String(name))->isHidden())
                shown << QLatin1String(name);
        }
        return shown;
    };
    const QStringList all{QStringLiteral("approveButton"), QStringLiteral("rejectButton"),
                          QStringLiteral("suspendButton"), QStringLiteral("resumeButton"),
                          QStringLiteral("revokeButton")};

    // The admin, as the window starts.
    QVERIFY(page()->mayDecide());
    QVERIFY(note(page())->isHidden());
    QCOMPARE(shownButtons(page()), all);
    QVERIFY(!navigation->item(MainWindow::Approvals)->isHidden());

    // "View as" a developer, as a person switches it on the Teams page.
    gatehouse::ui::TeamsPage* teams = m_window->teamsPage();
    teams->setViewAsAvailable(true);
    QVERIFY(teams->isViewAsAvailable());
    teams->viewAs(Role::Developer);
    QTRY_VERIFY_WITH_TIMEOUT(teams->isViewingAs(), 2000);
    QTRY_VERIFY_WITH_TIMEOUT(!page()->mayDecide(), 2000);
    QCOMPARE(page()->inboxModel()->rowCount(), 0);
    QVERIFY(!note(page())->isHidden());
    QVERIFY2(note(page())->text().contains(QLatin1String("Only admins and the owners")),
             qPrintable(note(page())->text()));
    QVERIFY(note(page())->text().contains(QLatin1String("Applications page")));
    QCOMPARE(shownButtons(page()), QStringList());
    // Nothing to open there: the sidebar and View menu leave it out, and a
    // window showing it moves to the developer's applications.
    QVERIFY(navigation->item(MainWindow::Approvals)->isHidden());
    QVERIFY(!showApprovals->isVisible());
    QCOMPARE(m_window->currentPage(), MainWindow::Applications);
    // Shown anyway (a stale link): the note is what it says.
    m_window->setCurrentPage(MainWindow::Approvals);
    QTest::qWait(50);
    QVERIFY(note(page())->isVisible());
    test::verifyNothingClipped(m_window.get(), QStringLiteral("approvals as a developer"));
    saveScreenshot(m_window.get(), QStringLiteral("approvals_developer.png"));

    // The owner of the API's team decides; a plain member of it and a
    // developer of no team do not.
    ApprovalsPage owner(m_catalog.get(), m_world.publisher);
    ApprovalsPage outsider(m_catalog.get(), m_world.outsider);
    ApprovalsPage member(m_catalog.get(), m_world.developer);
    QTRY_COMPARE_WITH_TIMEOUT(owner.inboxModel()->rowCount(), 1, 2000);
    QTRY_VERIFY_WITH_TIMEOUT(!outsider.mayDecide() && !member.mayDecide(), 2000);
    QVERIFY(owner.mayDecide());
    QVERIFY(note(&owner)->isHidden());
    QCOMPARE(shownButtons(&owner), all);
    QVERIFY(!note(&outsider)->isHidden());
    QCOMPARE(shownButtons(&outsider), QStringList());
    QVERIFY(!note(&member)->isHidden());

    // Back to the admin: the buttons, the entry and the request again.
    teams->viewAs(Role::Admin);
    QTRY_VERIFY_WITH_TIMEOUT(page()->mayDecide(), 2000);
    QTRY_COMPARE_WITH_TIMEOUT(page()->inboxModel()->rowCount(), 1, 2000);
    QVERIFY(note(page())->isHidden());
    QCOMPARE(shownButtons(page()), all);
    QVERIFY(!navigation->item(MainWindow::Approvals)->isHidden());
    QVERIFY(showApprovals->isVisible());
    QTRY_COMPARE_WITH_TIMEOUT(m_window->pendingApprovals(), 1, 2000);
}

void TestApprovalsPage::translatedLayoutFits_data()
{
    test::addConsoleLanguageRows();
}

void TestApprovalsPage::translatedLayoutFits()
{
    QFETCH(QString, language);
    const test::ConsoleLanguage translation(language);
    QVERIFY(translation.isLoaded());
    const QHash<QString, QString> badges{
        {QStringLiteral("en"), QStringLiteral("Approvals (1)")},
        {QStringLiteral("de"), QStringLiteral("Genehmigungen (1)")},
        {QStringLiteral("zh_CN"), QStringLiteral("审批（1）")}};
    const auto client = requestAccess(QStringLiteral("lagerverwaltung"));
    QVERIFY(client);
    MainWindow window(m_gateway.get());
    window.setCatalogService(m_catalog.get(), m_localAdmin);
    window.resize(1280, 720);
    window.setCurrentPage(MainWindow::Approvals);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QTRY_COMPARE_WITH_TIMEOUT(window.approvalsPage()->inboxModel()->rowCount(), 1, 2000);
    QTRY_COMPARE_WITH_TIMEOUT(window.pendingApprovals(), 1, 2000);
    auto* navigation = window.findChild<QListWidget*>(QStringLiteral("navigation"));
    const QString badge = navigation->item(MainWindow::Approvals)->text();
    QCOMPARE(badge, badges.value(language));
    // The sidebar is wide enough for the title with its count.
    QVERIFY(navigation->fontMetrics().horizontalAdvance(badge) + 40 < navigation->width());
    window.approvalsPage()->inboxView()->selectRow(0);
    QTest::qWait(50);
    // Every button, label, placeholder and column header shows its whole text.
    test::verifyNothingClipped(&window, QStringLiteral("approvals inbox"));
    saveScreenshot(&window, QStringLiteral("approvals_inbox_%1.png").arg(language));
}

void TestApprovalsPage::requestsFromAnotherConsoleAppear()
{
    // Another writer on the same catalog (another console, or the admin
    // API): its changes never pass through this CatalogService, only the
    // sync's poll notices them.
    m_sync->setPollInterval(100);
    Database elsewhere(QStringLiteral("another-console"));
    QVERIFY2(elsewhere.open(m_catalog->location()), qPrintable(elsewhere.lastError()));
    ApplicationService apps(elsewhere);
    const auto app = apps.createApplication(m_world.outsider, QStringLiteral("from-afar"));
    QVERIFY2(app, qPrintable(apps.lastError()));
    SubscriptionService subscriptions(elsewhere);
    const auto sub = subscriptions.request(m_world.outsider, app->id, m_planId);
    QVERIFY2(sub, qPrintable(subscriptions.lastError()));
    QTRY_COMPARE_WITH_TIMEOUT(page()->inboxModel()->rowCount(), 1, 2000);
    QTRY_COMPARE_WITH_TIMEOUT(m_window->pendingApprovals(), 1, 2000);

    QVERIFY(subscriptions.reject(m_world.admin, sub->id, QStringLiteral("decided elsewhere")));
    QTRY_COMPARE_WITH_TIMEOUT(page()->inboxModel()->rowCount(), 0, 2000);
    QTRY_COMPARE_WITH_TIMEOUT(m_window->pendingApprovals(), 0, 2000);
    QTRY_COMPARE_WITH_TIMEOUT(page()->historyModel()->rowCount(), 1, 2000);
    elsewhere.close();
}

QTEST_MAIN(TestApprovalsPage)
#include "tst_approvals_page.moc"
