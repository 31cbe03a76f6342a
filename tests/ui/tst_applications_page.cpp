// SPDX-FileCopyrightText: Gatehouse contributors
// SPDX-License-Identifier: Apache-2.0
#include "ui/applications/applications_page.h"

#include "dialog_driver.h"
#include "layout_check.h"
#include "screenshot.h"

#include "app/catalog_service.h"
#include "app/catalog_startup.h"
#include "app/demo_workspace.h"
#include "app/gateway_config_sync.h"
#include "app/gateway_controller.h"
#include "app/session_key_wallet.h"
#include "tests/app/catalog_call.h"
#include "tests/app/test_databases.h"
#include "tests/support/test_http.h"
#include "ui/applications/api_keys_model.h"
#include "ui/applications/application_panel.h"
#include "ui/applications/applications_model.h"
#include "ui/applications/issue_key_dialog.h"
#include "ui/applications/key_reveal_dialog.h"
#include "ui/applications/new_application_dialog.h"
#include "ui/applications/request_subscription_dialog.h"
#include "ui/applications/subscriptions_model.h"
#include "ui/approvals/approvals_model.h"
#include "ui/approvals/approvals_page.h"
#include "ui/main_window.h"

#include <QAbstractItemModelTester>
#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QHash>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QScrollBar>
#include <QSettings>
#include <QStandardPaths>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

#include <optional>

using namespace gatehouse;
using namespace gatehouse::app;
using gatehouse::test::okButton;
using gatehouse::test::saveScreenshot;
using gatehouse::ui::ApiKeysModel;
using gatehouse::ui::ApplicationsModel;
using gatehouse::ui::ApplicationsPage;
using gatehouse::ui::IssueKeyDialog;
using gatehouse::ui::KeyRevealDialog;
using gatehouse::ui::MainWindow;
using gatehouse::ui::NewApplicationDialog;
using gatehouse::ui::RequestSubscriptionDialog;
using gatehouse::ui::SubscriptionsModel;

// The applications page as a person uses it, against a real SQLite catalog
// on its storage thread and the real gateway in front of the demo origin,
// wired as main() wires them: a key issued and a subscription requested in
// the page, approved on the approvals page, let calls through the gateway;
// the key revoked in the page shuts them out again.
class TestApplicationsPage : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void init();
    void cleanup();

    void createApplicationThroughTheDialog();
    void issuedKeyIsShownOnceAndCopied();
    void keyExpiryIsCheckedInTheDialog();
    void manualSubscriptionApprovedThenKeyRevoked();
    void automaticPlanApprovesAtOnceAndRefusalsShow();
    void rejectionShowsItsReason();
    void developerSeesOnlyTheirOwnApplications();
    void withoutAnAccountThePageSaysSo();
    void translatedLayoutFits_data();
    void translatedLayoutFits();

private:
    template <typename Work>
    auto call(Work work) -> std::optional<std::invoke_result_t<Work&, CatalogStore&>>
    {
        return callCatalog(*m_catalog, this, std::move(work));
    }
    qint64 createApp(const Principal& owner, const QString& name, qint64 teamId = 0);
    int status(const QString& key);
    ApplicationsPage* page() const { return m_window->applicationsPage(); }
    gatehouse::ui::ApplicationPanel* panel() const { return page()->panel(); }
    QPushButton* button(const char* name) const
    {
        return page()->findChild<QPushButton*>(QLatin1String(name));
    }
    void selectApplication(const QString& name);
    // Issues a key through the page and returns it, as the reveal dialog
    // showed it; the dialog is closed afterwards.
    QString issueKeyInPage();
    // Requests a subscription through the dialog; the dialog's refusal, if any.
    QString requestInPage(const QString& api, const QString& plan);
    int subscriptionRow(const QString& plan) const;

    DemoWorkspace m_demo;
    QTemporaryDir m_dir;
    TestWorld m_world;
    Principal m_localAdmin;
    std::unique_ptr<CatalogService> m_catalog;
    std::unique_ptr<GatewayController> m_gateway;
    std::unique_ptr<GatewayConfigSync> m_sync;
    std::unique_ptr<MainWindow> m_window;
    qint64 m_apiId = 0;
    int m_databases = 0;
};

void TestApplicationsPage::initTestCase()
{
    qputenv("XDG_RUNTIME_DIR", QDir::tempPath().toLocal8Bit());
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("GatehouseTests"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_applications_page"));
    QSettings().clear();
    // The OS user becomes the workspace's local admin, as in main().
    qputenv("USER", "root-admin");
    QVERIFY(m_dir.isValid());
    QVERIFY2(m_demo.startOrigin(), qPrintable(m_demo.lastError()));
}

void TestApplicationsPage::cleanupTestCase()
{
    m_demo.stopOrigin();
}

void TestApplicationsPage::init()
{
    m_catalog = std::make_unique<CatalogService>();
    const QString path = m_dir.filePath(QStringLiteral("catalog-%1.db").arg(++m_databases));
    const CatalogStartup startup = startCatalog(*m_catalog, path);
    QVERIFY2(startup.error.isEmpty() && startup.localAdmin, qPrintable(startup.error));
    m_localAdmin = *startup.localAdmin;

    QString error;
    const quint16 originPort = m_demo.originPort();
    const auto api = m_catalog->runAndWait([&](CatalogStore& store) -> qint64 {
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
        const auto created = store.apis().createApi(m_world.publisher, def);
        if (!created || !store.apis().publish(m_world.publisher, created->id)) {
            error = store.apis().lastError();
            return 0;
        }
        const auto gold =
            store.plans().createPlan(m_world.publisher, Plan{0, created->id, QStringLiteral("gold"),
                                                             ApprovalMode::Manual, 600, 100000, 0});
        const auto free =
            store.plans().createPlan(m_world.publisher, Plan{0, created->id, QStringLiteral("free"),
                                                             ApprovalMode::Automatic, 60, 0, 0});
        if (!gold || !free) {
            error = store.plans().lastError();
            return 0;
        }
        return created->id;
    });
    QVERIFY2(api > 0, qPrintable(error));
    m_apiId = api;

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
    for (QAbstractItemModel* model :
         {static_cast<QAbstractItemModel*>(page()->applicationsModel()),
          static_cast<QAbstractItemModel*>(panel()->keysModel()),
          static_cast<QAbstractItemModel*>(panel()->subscriptionsModel())})
        new QAbstractItemModelTester(model, QAbstractItemModelTester::FailureReportingMode::QtTest,
                                     model);
    m_window->resize(1280, 720);
    m_window->setCurrentPage(MainWindow::Applications);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
}

void TestApplicationsPage::cleanup()
{
    m_window.reset();
    m_sync.reset();
    if (m_gateway)
        m_gateway->stopAndWait(std::chrono::milliseconds(500));
    m_gateway.reset();
    m_catalog.reset();
}

qint64 TestApplicationsPage::createApp(const Principal& owner, const QString& name, qint64 teamId)
{
    const auto id = call([=](CatalogStore& s) -> qint64 {
        const auto app = s.applications().createApplication(owner, name, {}, teamId);
        return app ? app->id : 0;
    });
    return id ? *id : 0;
}

int TestApplicationsPage::status(const QString& key)
{
    test::header_list headers{{"X-API-Key", key.toStdString()}};
    return test::http_request(m_gateway->port(), "GET", "/echo/orders/items", headers, {},
                              std::chrono::seconds(5))
        .status;
}

void TestApplicationsPage::selectApplication(const QString& name)
{
    QTableView* view = page()->applicationsView();
    const ApplicationsModel* model = page()->applicationsModel();
    for (int row = 0; row < model->rowCount(); ++row) {
        if (model->item(row)->application.name != name)
            continue;
        const QRect cell = view->visualRect(model->index(row, ApplicationsModel::Name));
        QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, cell.center());
        return;
    }
    QFAIL(qPrintable(QStringLiteral("no application %1 in the list").arg(name)));
}

QString TestApplicationsPage::issueKeyInPage()
{
    QPushButton* issue = button("issueKeyButton");
    if (!issue || !issue->isEnabled())
        return {};
    QTest::mouseClick(issue, Qt::LeftButton);
    IssueKeyDialog* dialog = panel()->issueKeyDialog();
    if (!dialog || !dialog->isVisible())
        return {};
    test::clickOk(dialog);
    for (int i = 0; i < 400 && !panel()->keyRevealDialog(); ++i)
        QTest::qWait(5);
    KeyRevealDialog* reveal = panel()->keyRevealDialog();
    if (!reveal)
        return {};
    return test::takeRevealedKey(reveal);
}

QString TestApplicationsPage::requestInPage(const QString& api, const QString& plan)
{
    QTest::mouseClick(button("requestSubscriptionButton"), Qt::LeftButton);
    RequestSubscriptionDialog* dialog = panel()->requestDialog();
    if (!dialog)
        return QStringLiteral("no dialog");
    // The APIs arrive from the storage thread.
    for (int i = 0; i < 400 && !okButton(dialog)->isEnabled(); ++i)
        QTest::qWait(5);
    if (!dialog->choose(api, plan))
        return QStringLiteral("no such API or plan");
    test::clickOk(dialog);
    for (int i = 0; i < 400 && panel()->requestDialog() && dialog->refusal().isEmpty(); ++i)
        QTest::qWait(5);
    return panel()->requestDialog() ? dialog->refusal() : QString();
}

int TestApplicationsPage::subscriptionRow(const QString& plan) const
{
    const SubscriptionsModel* model = panel()->subscriptionsModel();
    for (int row = 0; row < model->rowCount(); ++row) {
        if (model->entry(row)->plan == plan)
            return row;
    }
    return -1;
}

void TestApplicationsPage::createApplicationThroughTheDialog()
{
    QTRY_VERIFY_WITH_TIMEOUT(panel()
                                 ->findChild<QLabel*>(QStringLiteral("applicationHeading"))
                                 ->text()
                                 .contains(QStringLiteral("no applications yet")),
                             2000);
    QCOMPARE(page()->applicationsModel()->rowCount(), 0);
    QVERIFY(!button("issueKeyButton")->isVisible());

    QTest::mouseClick(button("newApplicationButton"), Qt::LeftButton);
    NewApplicationDialog* dialog = page()->newApplicationDialog();
    QVERIFY(dialog);
    QTRY_VERIFY(dialog->isVisible());
    auto* owner = dialog->findChild<QComboBox*>(QStringLiteral("applicationOwner"));
    QCOMPARE(owner->count(), 1); // the local admin is in no team
    QCOMPARE(owner->currentText(), QStringLiteral("Me (root-admin)"));

    // An empty name: the error is next to the field, nothing is created.
    auto* name = dialog->findChild<QLineEdit*>(QStringLiteral("applicationName"));
    QTest::keyClicks(name, QStringLiteral("   "));
    test::clickOk(dialog);
    QCOMPARE(dialog->nameError(), QStringLiteral("Enter a name for the application."));
    QVERIFY(dialog->findChild<QLabel*>(QStringLiteral("nameError"))->isVisible());
    QVERIFY(dialog->isVisible());
    QVERIFY(okButton(dialog)->isEnabled());
    saveScreenshot(dialog, QStringLiteral("applications_new_dialog_error.png"));
    const auto none = call([admin = m_localAdmin](CatalogStore& s) {
        return s.applications().applications(admin).size();
    });
    QCOMPARE(none, std::optional<qsizetype>(0));
    QCOMPARE(page()->applicationsModel()->rowCount(), 0);

    // Typing clears the error; a name creates it, and the dialog closes.
    name->clear();
    QTest::keyClicks(name, QStringLiteral("Mobile shop"));
    QVERIFY(dialog->nameError().isEmpty());
    QTest::keyClicks(dialog->findChild<QLineEdit*>(QStringLiteral("applicationDescription")),
                     QStringLiteral("iOS and Android"));
    test::clickOk(dialog);
    QTRY_VERIFY_WITH_TIMEOUT(!page()->newApplicationDialog(), 2000);
    QTRY_COMPARE_WITH_TIMEOUT(page()->applicationsModel()->rowCount(), 1, 2000);
    const auto* item = page()->applicationsModel()->item(0);
    QCOMPARE(item->application.name, QStringLiteral("Mobile shop"));
    QCOMPARE(item->application.description, QStringLiteral("iOS and Android"));
    QCOMPARE(page()->applicationsModel()->index(0, ApplicationsModel::Owner).data().toString(),
             QStringLiteral("root-admin"));
    // The new application is selected and shown.
    QTRY_COMPARE_WITH_TIMEOUT(page()->selectedApplicationId(), item->application.id, 2000);
    QCOMPARE(panel()->findChild<QLabel*>(QStringLiteral("applicationHeading"))->text(),
             QStringLiteral("Mobile shop"));
    QVERIFY(panel()
                ->findChild<QLabel*>(QStringLiteral("applicationFacts"))
                ->text()
                .contains(QStringLiteral("iOS and Android")));
    QVERIFY(button("issueKeyButton")->isVisible() && button("issueKeyButton")->isEnabled());
    QVERIFY(!button("revokeKeyButton")->isEnabled());
    QVERIFY(page()->message().contains(QStringLiteral("Mobile shop")));
    QVERIFY(!page()->messageIsError());
}

void TestApplicationsPage::issuedKeyIsShownOnceAndCopied()
{
    QVERIFY(createApp(m_localAdmin, QStringLiteral("reporting")));
    QTRY_COMPARE_WITH_TIMEOUT(page()->selectedApplicationId() > 0, true, 2000);
    QApplication::clipboard()->clear();

    QTest::mouseClick(button("issueKeyButton"), Qt::LeftButton);
    IssueKeyDialog* dialog = panel()->issueKeyDialog();
    QVERIFY(dialog);
    QTRY_VERIFY(dialog->isVisible());
    QTest::keyClicks(dialog->findChild<QLineEdit*>(QStringLiteral("keyLabel")),
                     QStringLiteral("ci"));
    saveScreenshot(dialog, QStringLiteral("applications_issue_key_dialog.png"));
    test::clickOk(dialog);

    QTRY_VERIFY_WITH_TIMEOUT(panel()->keyRevealDialog(), 2000);
    QVERIFY(!panel()->issueKeyDialog());
    KeyRevealDialog* reveal = panel()->keyRevealDialog();
    QTRY_VERIFY(reveal->isVisible());
    auto* shown = reveal->findChild<QLineEdit*>(QStringLiteral("revealedKey"));
    const QString key = shown->text();
    QVERIFY2(key.startsWith(QStringLiteral("gh_")) && key.size() == 46, qPrintable(key));
    QVERIFY(shown->isReadOnly());
    QVERIFY(reveal->findChild<QLabel*>(QStringLiteral("keyWarning"))
                ->text()
                .contains(QStringLiteral("will not be shown again")));
    QVERIFY(reveal->findChild<QLabel*>(QStringLiteral("keyTryItNote"))
                ->text()
                .contains(QStringLiteral("Try It")));
    QVERIFY(reveal->findChild<QLabel*>(QStringLiteral("copyState"))->text().isEmpty());
    QTest::mouseClick(reveal->findChild<QPushButton*>(QStringLiteral("copyKeyButton")),
                      Qt::LeftButton);
    QCOMPARE(QApplication::clipboard()->text(), key);
    QVERIFY(reveal->wasCopied());
    QCOMPARE(reveal->findChild<QLabel*>(QStringLiteral("copyState"))->text(),
             QStringLiteral("Copied to the clipboard."));
    saveScreenshot(reveal, QStringLiteral("applications_key_reveal.png"));

    // The key table knows the key only by its start.
    QTRY_COMPARE_WITH_TIMEOUT(panel()->keysModel()->rowCount(), 1, 2000);
    const ApiKeysModel* keys = panel()->keysModel();
    QCOMPARE(keys->index(0, ApiKeysModel::Prefix).data().toString(),
             key.left(3 + 8) + QStringLiteral("…"));
    QCOMPARE(keys->index(0, ApiKeysModel::Label).data().toString(), QStringLiteral("ci"));
    QCOMPARE(keys->index(0, ApiKeysModel::Expires).data().toString(), QStringLiteral("Never"));
    QCOMPARE(keys->index(0, ApiKeysModel::State).data().toString(), QStringLiteral("Active"));
    QVERIFY(!keys->index(0, ApiKeysModel::Created).data().toString().isEmpty());
    // The console keeps it, in memory, for Try It.
    const auto held = m_window->keyWallet()->keyFor(page()->selectedApplicationId());
    QVERIFY(held);
    QCOMPARE(held->key, key);
    QCOMPARE(held->label, QStringLiteral("ci"));
    QCOMPARE(held->keyId, keys->key(0)->id);

    // Once closed, the key is gone from every widget of the window.
    QTest::mouseClick(reveal->findChild<QDialogButtonBox*>()->button(QDialogButtonBox::Close),
                      Qt::LeftButton);
    QTRY_VERIFY(!panel()->keyRevealDialog());
    for (QLineEdit* edit : m_window->findChildren<QLineEdit*>())
        QVERIFY(!edit->text().contains(key));
    for (QLabel* label : m_window->findChildren<QLabel*>())
        QVERIFY(!label->text().contains(key));
    QVERIFY(!page()->message().contains(key));
}

void TestApplicationsPage::keyExpiryIsCheckedInTheDialog()
{
    QVERIFY(createApp(m_localAdmin, QStringLiteral("nightly")));
    QTRY_COMPARE_WITH_TIMEOUT(page()->selectedApplicationId() > 0, true, 2000);
    QTest::mouseClick(button("issueKeyButton"), Qt::LeftButton);
    IssueKeyDialog* dialog = panel()->issueKeyDialog();
    QVERIFY(dialog);
    dialog->setExpiry(QDate::currentDate().addDays(-1));
    test::clickOk(dialog);
    QCOMPARE(dialog->expiryError(), QStringLiteral("Choose today or a later date."));
    QVERIFY(panel()->issueKeyDialog());

    const QDate expiry = QDate::currentDate().addDays(30);
    dialog->setExpiry(expiry);
    QVERIFY(dialog->expiryError().isEmpty());
    test::clickOk(dialog);
    QTRY_VERIFY_WITH_TIMEOUT(panel()->keyRevealDialog(), 2000);
    panel()->keyRevealDialog()->accept();
    QTRY_COMPARE_WITH_TIMEOUT(panel()->keysModel()->rowCount(), 1, 2000);
    const app::ApiKeyInfo* key = panel()->keysModel()->key(0);
    // Valid through the whole chosen day.
    QCOMPARE(key->expiresAt, expiry.addDays(1).startOfDay().toMSecsSinceEpoch());
    QCOMPARE(panel()->keysModel()->index(0, ApiKeysModel::Expires).data().toString(),
             gatehouse::ui::ApprovalsModel::dateTimeText(key->expiresAt));
}

void TestApplicationsPage::manualSubscriptionApprovedThenKeyRevoked()
{
    QVERIFY(createApp(m_localAdmin, QStringLiteral("storefront")));
    QTRY_COMPARE_WITH_TIMEOUT(page()->selectedApplicationId() > 0, true, 2000);
    const QString key = issueKeyInPage();
    QVERIFY(!key.isEmpty());
    // Known to the gateway once compiled, but not subscribed to anything.
    QTRY_COMPARE_WITH_TIMEOUT(status(key), 403, 2000);

    QCOMPARE(requestInPage(QStringLiteral("Orders"), QStringLiteral("gold")), QString());
    QTRY_COMPARE_WITH_TIMEOUT(subscriptionRow(QStringLiteral("gold")), 0, 2000);
    const SubscriptionsModel* subs = panel()->subscriptionsModel();
    QCOMPARE(subs->index(0, SubscriptionsModel::Api).data().toString(),
             QStringLiteral("Orders v1"));
    QCOMPARE(subs->index(0, SubscriptionsModel::State).data().toString(),
             QStringLiteral("Pending"));
    QVERIFY(page()->message().contains(QStringLiteral("pending approval")));
    QCOMPARE(status(key), 403);
    // A pending request is decided by an approver, not ended here.
    panel()->subscriptionsView()->selectRow(0);
    QVERIFY(!button("endSubscriptionButton")->isEnabled());
    QTest::qWait(50); // let the layout settle for the picture
    saveScreenshot(m_window.get(), QStringLiteral("applications_page.png"));

    // An approver decides on the approvals page of the same window.
    m_window->setCurrentPage(MainWindow::Approvals);
    gatehouse::ui::ApprovalsPage* approvals = m_window->approvalsPage();
    QTRY_COMPARE_WITH_TIMEOUT(approvals->inboxModel()->rowCount(), 1, 2000);
    QCOMPARE(approvals->inboxModel()->item(0)->application, QStringLiteral("storefront"));
    approvals->inboxView()->selectRow(0);
    QTest::mouseClick(approvals->findChild<QPushButton*>(QStringLiteral("approveButton")),
                      Qt::LeftButton);
    m_window->setCurrentPage(MainWindow::Applications);
    QTRY_COMPARE_WITH_TIMEOUT(subs->index(0, SubscriptionsModel::State).data().toString(),
                              QStringLiteral("Approved"), 2000);
    QVERIFY(!subs->index(0, SubscriptionsModel::Changed).data().toString().isEmpty());
    QTRY_COMPARE_WITH_TIMEOUT(status(key), 200, 2000);
    QTRY_COMPARE_WITH_TIMEOUT(
        page()->applicationsModel()->index(0, ApplicationsModel::Subscriptions).data().toString(),
        QStringLiteral("1"), 2000);

    // Revoke the key in the page: confirmed first, then refused by the gateway.
    panel()->keysView()->selectRow(0);
    QVERIFY(button("revokeKeyButton")->isEnabled());
    QTest::mouseClick(button("revokeKeyButton"), Qt::LeftButton);
    auto* confirm = test::shownChild<QMessageBox>(panel(), QStringLiteral("revokeKeyConfirmation"));
    QVERIFY(confirm);
    QVERIFY(confirm->text().contains(key.left(11)));
    saveScreenshot(confirm, QStringLiteral("applications_revoke_confirmation.png"));
    QVERIFY(test::clickButton(confirm, QStringLiteral("confirmRevokeButton")));
    QTRY_COMPARE_WITH_TIMEOUT(status(key), 401, 2000);
    QTRY_COMPARE_WITH_TIMEOUT(panel()->keysModel()->index(0, ApiKeysModel::State).data().toString(),
                              QStringLiteral("Revoked"), 2000);
    // ...and dropped from what Try It may send.
    QTRY_VERIFY_WITH_TIMEOUT(!m_window->keyWallet()->keyFor(page()->selectedApplicationId()), 2000);
    QVERIFY(!panel()->keysModel()->index(0, ApiKeysModel::Revoked).data().toString().isEmpty());
    QVERIFY(!button("revokeKeyButton")->isEnabled());
    QVERIFY(page()->message().contains(QStringLiteral("revoked")));
}

void TestApplicationsPage::automaticPlanApprovesAtOnceAndRefusalsShow()
{
    QVERIFY(createApp(m_localAdmin, QStringLiteral("price checker")));
    QTRY_COMPARE_WITH_TIMEOUT(page()->selectedApplicationId() > 0, true, 2000);
    const QString key = issueKeyInPage();
    QVERIFY(!key.isEmpty());

    // The dialog explains what each plan means before anything is asked.
    QTest::mouseClick(button("requestSubscriptionButton"), Qt::LeftButton);
    RequestSubscriptionDialog* dialog = panel()->requestDialog();
    QVERIFY(dialog);
    QTRY_VERIFY_WITH_TIMEOUT(okButton(dialog)->isEnabled(), 2000);
    QVERIFY(dialog->choose(QStringLiteral("Orders"), QStringLiteral("gold")));
    auto* note = dialog->findChild<QLabel*>(QStringLiteral("planNote"));
    QVERIFY2(note->text().contains(QStringLiteral("Needs an approval")), qPrintable(note->text()));
    QVERIFY(dialog->choose(QStringLiteral("Orders"), QStringLiteral("free")));
    QVERIFY2(note->text().contains(QStringLiteral("Approved at once")), qPrintable(note->text()));
    QVERIFY(note->text().contains(QStringLiteral("60 requests a minute")));
    QTest::qWait(50); // let the layout settle for the picture
    saveScreenshot(dialog, QStringLiteral("applications_request_dialog.png"));
    test::clickOk(dialog);
    QTRY_VERIFY_WITH_TIMEOUT(!panel()->requestDialog(), 2000);

    // The domain approved it: the page says so and the key works.
    QTRY_COMPARE_WITH_TIMEOUT(subscriptionRow(QStringLiteral("free")), 0, 2000);
    QCOMPARE(panel()->subscriptionsModel()->index(0, SubscriptionsModel::State).data().toString(),
             QStringLiteral("Approved"));
    QVERIFY2(page()->message().contains(QStringLiteral("approved")), qPrintable(page()->message()));
    QTRY_COMPARE_WITH_TIMEOUT(status(key), 200, 2000);

    // A second live subscription to the same API: the domain refuses, the
    // dialog stays open with the reason.
    const QString refusal = requestInPage(QStringLiteral("Orders"), QStringLiteral("gold"));
    QVERIFY2(refusal.contains(QStringLiteral("Not possible in its current state")) &&
                 refusal.contains(QStringLiteral("already")),
             qPrintable(refusal));
    QVERIFY(panel()->requestDialog() && panel()->requestDialog()->isVisible());
    QVERIFY(okButton(panel()->requestDialog())->isEnabled());
    saveScreenshot(panel()->requestDialog(), QStringLiteral("applications_request_refused.png"));
    panel()->requestDialog()->reject();
    QTRY_VERIFY(!panel()->requestDialog());
    QCOMPARE(panel()->subscriptionsModel()->rowCount(), 1);

    // The application's owner ends it: confirmed first, then the gateway
    // refuses the key for this API.
    QVERIFY(!button("endSubscriptionButton")->isEnabled());
    panel()->subscriptionsView()->selectRow(0);
    QVERIFY(button("endSubscriptionButton")->isEnabled());
    QTest::mouseClick(button("endSubscriptionButton"), Qt::LeftButton);
    auto* confirm =
        test::shownChild<QMessageBox>(panel(), QStringLiteral("endSubscriptionConfirmation"));
    QVERIFY(confirm);
    QVERIFY2(confirm->text().contains(QStringLiteral("Orders v1")), qPrintable(confirm->text()));
    QVERIFY(test::clickButton(confirm, QStringLiteral("confirmEndButton")));
    QTRY_COMPARE_WITH_TIMEOUT(
        panel()->subscriptionsModel()->index(0, SubscriptionsModel::State).data().toString(),
        QStringLiteral("Revoked"), 2000);
    QTRY_COMPARE_WITH_TIMEOUT(status(key), 403, 2000);
    QVERIFY(!button("endSubscriptionButton")->isEnabled());
    QVERIFY(page()->message().contains(QStringLiteral("has ended")));
}

void TestApplicationsPage::rejectionShowsItsReason()
{
    const qint64 app = createApp(m_localAdmin, QStringLiteral("scraper"));
    QVERIFY(app);
    QTRY_COMPARE_WITH_TIMEOUT(page()->selectedApplicationId(), app, 2000);
    QCOMPARE(requestInPage(QStringLiteral("Orders"), QStringLiteral("gold")), QString());
    QTRY_COMPARE_WITH_TIMEOUT(subscriptionRow(QStringLiteral("gold")), 0, 2000);
    const qint64 id = panel()->subscriptionsModel()->entry(0)->subscription.id;
    const Principal publisher = m_world.publisher;
    const auto rejected = call([=](CatalogStore& s) {
        return s.subscriptions().reject(publisher, id, QStringLiteral("no production use yet"));
    });
    QVERIFY(rejected && *rejected);
    const SubscriptionsModel* subs = panel()->subscriptionsModel();
    QTRY_COMPARE_WITH_TIMEOUT(subs->index(0, SubscriptionsModel::State).data().toString(),
                              QStringLiteral("Rejected"), 2000);
    QCOMPARE(subs->index(0, SubscriptionsModel::Reason).data().toString(),
             QStringLiteral("no production use yet"));
    QCOMPARE(subs->index(0, SubscriptionsModel::Reason).data(Qt::ToolTipRole).toString(),
             QStringLiteral("no production use yet"));

    // After a rejection the application may ask again.
    QCOMPARE(requestInPage(QStringLiteral("Orders"), QStringLiteral("free")), QString());
    QTRY_COMPARE_WITH_TIMEOUT(subs->rowCount(), 2, 2000);
    QCOMPARE(subs->entry(0)->plan, QStringLiteral("free"));
    QCOMPARE(subs->index(0, SubscriptionsModel::State).data().toString(),
             QStringLiteral("Approved"));
}

void TestApplicationsPage::developerSeesOnlyTheirOwnApplications()
{
    QVERIFY(createApp(m_world.outsider, QStringLiteral("olga's tool")));
    QVERIFY(createApp(m_world.developer, QStringLiteral("dev's tool")));
    QVERIFY(createApp(m_world.developer, QStringLiteral("payments app"), m_world.teamId));
    QVERIFY(createApp(m_localAdmin, QStringLiteral("admin's tool")));

    ApplicationsPage outsider(m_catalog.get(), m_world.outsider);
    ApplicationsPage developer(m_catalog.get(), m_world.developer);
    ApplicationsPage stranger(m_catalog.get(), m_world.otherPublisher);
    // Loads run in order on the storage thread and come back in order.
    QTRY_COMPARE_WITH_TIMEOUT(stranger.panel()
                                  ->findChild<QLabel*>(QStringLiteral("applicationHeading"))
                                  ->text()
                                  .contains(QStringLiteral("no applications yet")),
                              true, 2000);
    QCOMPARE(outsider.applicationsModel()->rowCount(), 1);
    QCOMPARE(outsider.applicationsModel()->item(0)->application.name,
             QStringLiteral("olga's tool"));
    QCOMPARE(developer.applicationsModel()->rowCount(), 2);
    QCOMPARE(developer.applicationsModel()->item(0)->application.name,
             QStringLiteral("dev's tool"));
    QCOMPARE(developer.applicationsModel()->item(1)->application.name,
             QStringLiteral("payments app"));
    QCOMPARE(developer.applicationsModel()->index(1, ApplicationsModel::Owner).data().toString(),
             QStringLiteral("Team Payments"));
    QCOMPARE(stranger.applicationsModel()->rowCount(), 0);
    // The admin's own window lists every application.
    QTRY_COMPARE_WITH_TIMEOUT(page()->applicationsModel()->rowCount(), 4, 2000);

    // A developer may own a new application, or give it to their team.
    developer.newApplication();
    NewApplicationDialog* dialog = developer.newApplicationDialog();
    QVERIFY(dialog);
    auto* owner = dialog->findChild<QComboBox*>(QStringLiteral("applicationOwner"));
    QCOMPARE(owner->count(), 2);
    QCOMPARE(owner->itemText(1), QStringLiteral("Team Payments"));
    owner->setCurrentIndex(1);
    dialog->setName(QStringLiteral("ledger sync"));
    test::clickOk(dialog);
    QTRY_COMPARE_WITH_TIMEOUT(developer.applicationsModel()->rowCount(), 3, 2000);
    QCOMPARE(developer.panel()->findChild<QLabel*>(QStringLiteral("applicationHeading"))->text(),
             QStringLiteral("ledger sync"));
    QVERIFY(developer.panel()
                ->findChild<QLabel*>(QStringLiteral("applicationFacts"))
                ->text()
                .contains(QStringLiteral("Owned by team Payments")));
    // The team's other members see it; the outsider still only theirs.
    QTRY_COMPARE_WITH_TIMEOUT(page()->applicationsModel()->rowCount(), 5, 2000);
    QCOMPARE(outsider.applicationsModel()->rowCount(), 1);
}

void TestApplicationsPage::withoutAnAccountThePageSaysSo()
{
    ApplicationsPage nobody(m_catalog.get(), std::nullopt);
    QVERIFY(nobody.message().contains(QStringLiteral("unavailable")));
    QVERIFY(nobody.messageIsError());
    QCOMPARE(nobody.applicationsModel()->rowCount(), 0);
    QVERIFY(!nobody.findChild<QPushButton*>(QStringLiteral("newApplicationButton"))->isEnabled());
}

void TestApplicationsPage::translatedLayoutFits_data()
{
    test::addConsoleLanguageRows();
}

void TestApplicationsPage::translatedLayoutFits()
{
    QFETCH(QString, language);
    const test::ConsoleLanguage translation(language);
    QVERIFY(translation.isLoaded());
    const QHash<QString, QString> pending{{QStringLiteral("en"), QStringLiteral("Pending")},
                                          {QStringLiteral("de"), QStringLiteral("Ausstehend")},
                                          {QStringLiteral("zh_CN"), QStringLiteral("待审批")}};
    const qint64 app = createApp(m_localAdmin, QStringLiteral("Lagerverwaltung"));
    QVERIFY(app);
    const Principal admin = m_localAdmin;
    const qint64 api = m_apiId;
    QVERIFY(call([=](CatalogStore& s) {
                const auto plans = s.plans().plans(admin, api);
                bool ok =
                    s.applications().issueKey(admin, app, QStringLiteral("Produktion")).has_value();
                for (const Plan& plan : plans) {
                    if (plan.name == QLatin1String("gold"))
                        ok = ok && s.subscriptions().request(admin, app, plan.id).has_value();
                }
                return ok;
            }).value_or(false));

    MainWindow window(m_gateway.get());
    window.setCatalogService(m_catalog.get(), m_localAdmin);
    window.resize(1280, 720);
    window.setCurrentPage(MainWindow::Applications);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    ApplicationsPage* translated = window.applicationsPage();
    QTRY_COMPARE_WITH_TIMEOUT(translated->panel()->subscriptionsModel()->rowCount(), 1, 2000);
    QCOMPARE(translated->panel()->keysModel()->rowCount(), 1);
    QCOMPARE(translated->panel()
                 ->subscriptionsModel()
                 ->index(0, SubscriptionsModel::State)
                 .data()
                 .toString(),
             pending.value(language));
    translated->panel()->keysView()->selectRow(0);
    QTest::qWait(50);
    // Every button, label, placeholder and column header shows its whole text.
    test::verifyNothingClipped(&window, QStringLiteral("applications page"));
    // The key table's columns fit beside each other without a scroll bar.
    QTableView* keys = translated->panel()->keysView();
    QVERIFY2(!keys->horizontalScrollBar()->isVisible(), "keys table scrolls sideways");
    saveScreenshot(&window, QStringLiteral("applications_page_%1.png").arg(language));

    // The dialogs, too.
    translated->panel()->issueKey();
    IssueKeyDialog* issue = translated->panel()->issueKeyDialog();
    QVERIFY(issue);
    QTRY_VERIFY(issue->isVisible());
    QTest::qWait(30);
    test::verifyNothingClipped(issue, QStringLiteral("issue key dialog"));
    saveScreenshot(issue, QStringLiteral("applications_issue_key_dialog_%1.png").arg(language));
    issue->reject();
}

QTEST_MAIN(TestApplicationsPage)
#include "tst_applications_page.moc"
