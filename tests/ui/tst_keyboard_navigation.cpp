// SPDX-FileCopyrightText: Gatehouse contributors
// SPDX-License-Identifier: Apache-2.0
// The console by keyboard alone, against a real demo workspace and gateway:
// on every page, in the demo traffic dock and in every dialog of the console
// Tab reaches every enabled input and comes round again, no two controls
// answer the same Alt+letter, labels lead to their fields by an Alt+letter,
// and the shortcuts (Ctrl+1..9, Find, New, Delete, Refresh, Escape, Enter)
// do what they say.
#include "keyboard_audit.h"

#include "dialog_driver.h"

#include "app/catalog_service.h"
#include "app/demo_workspace.h"
#include "app/gateway_config_sync.h"
#include "app/gateway_controller.h"
#include "app/telemetry/telemetry_service.h"
#include "app/traffic_generator.h"
#include "console_test_environment.h"
#include "demo_catalog_backend.h"
#include "screenshot.h"
#include "ui/applications/api_keys_model.h"
#include "ui/applications/application_panel.h"
#include "ui/applications/applications_page.h"
#include "ui/applications/issue_key_dialog.h"
#include "ui/applications/key_reveal_dialog.h"
#include "ui/applications/new_application_dialog.h"
#include "ui/applications/request_subscription_dialog.h"
#include "ui/approvals/approvals_model.h"
#include "ui/approvals/approvals_page.h"
#include "ui/approvals/reason_dialog.h"
#include "ui/audit/audit_page.h"
#include "ui/call_logs/call_log_model.h"
#include "ui/call_logs/call_logs_page.h"
#include "ui/catalog/api_detail_pane.h"
#include "ui/catalog/catalog_model.h"
#include "ui/catalog/catalog_page.h"
#include "ui/catalog/lifecycle_dialog.h"
#include "ui/catalog_editor/api_editor_dialog.h"
#include "ui/catalog_editor/openapi_import_dialog.h"
#include "ui/demo_catalog_offer.h"
#include "ui/main_window.h"
#include "ui/teams/sign_in_dialog.h"
#include "ui/teams/teams_page.h"
#include "ui/traffic/traffic_panel.h"

#include <QDialog>
#include <QDockWidget>
#include <QListWidget>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPointer>
#include <QPushButton>
#include <QSignalSpy>
#include <QSlider>
#include <QSpinBox>
#include <QStackedWidget>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QtTest/QTest>

#include <array>
#include <functional>
#include <memory>
#include <tuple>

using namespace gatehouse;
using namespace gatehouse::test::keyboard;
using app::CatalogService;
using app::DemoWorkspace;
using app::GatewayConfigSync;
using app::GatewayController;
using app::Principal;
using app::TelemetryService;
using app::TelemetryServiceOptions;
using ui::MainWindow;

class TestKeyboardNavigation : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void cleanup();
    void everyPageByKeyboard_data();
    void everyPageByKeyboard();
    void deleteInTheInboxDoesNothing();
    void dialogsByKeyboard_data();
    void dialogsByKeyboard();
    void enterPressesTheDefaultButton_data();
    void enterPressesTheDefaultButton();
    void trafficDockByKeyboard();
    void sidebarByKeyboard();
    void newVersionByItsMnemonic_data();
    void newVersionByItsMnemonic();
    void findFocusesTheSearchBox_data();
    void findFocusesTheSearchBox();
    void newOpensTheCreateDialog_data();
    void newOpensTheCreateDialog();
    void deleteAsksBeforeRemoving();
    void deleteAsksBeforeRevokingAKey();
    void refreshReloadsThePage_data();
    void refreshReloadsThePage();
    void deleteAsksBeforeRevokingASubscription();
    void stoppedGatewayPageByKeyboard();

private:
    // Activates the window, shows `page` and moves the focus to the sidebar,
    // as a person arriving by Ctrl+number would have it.
    bool showPage(MainWindow::Page page);
    // The audit of the window (or dialog) `w` as shown: fails the test with
    // everything found.
    void audit(QWidget* w, QWidget* start, const QString& where);
    bool selectApi(const QString& slug, const QString& version);
    // Selects, on the Applications page, an application with a row in the
    // panel's `view` (keys or subscriptions) whose button `button` is
    // enabled once the first row is selected.
    bool selectApplicationRow(QTableView* (ui::ApplicationPanel::*view)() const,
                              const QString& button);
    // Opens `open`'s dialog, active, with the focus in it.
    QDialog* openDialog(const std::function<QDialog*(MainWindow*)>& open);
    // The history row of an approved subscription; -1 if none.
    int approvedHistoryRow() const;
    // Approves the inbox's first request unless the history has an
    // approved subscription already (the demo's history starts empty).
    bool ensureApprovedInHistory();
    QWidget* page(MainWindow::Page p) const
    {
        return m_window->findChild<QStackedWidget*>(QStringLiteral("pages"))->widget(p);
    }

    DemoWorkspace m_demo;
    QTemporaryDir m_dir;
    Principal m_admin;
    QString m_trafficKey;
    std::unique_ptr<CatalogService> m_catalog;
    std::unique_ptr<GatewayController> m_gateway;
    std::unique_ptr<TelemetryService> m_telemetry;
    std::unique_ptr<GatewayConfigSync> m_sync;
    app::TrafficGenerator m_traffic;
    std::unique_ptr<MainWindow> m_window;
    std::unique_ptr<ui::DemoCatalogOffer> m_demoOffer;
};

void TestKeyboardNavigation::initTestCase()
{
    test::useConsoleTestEnvironment(QStringLiteral("tst_keyboard_navigation"));
    QVERIFY(m_dir.isValid());
    QVERIFY2(m_demo.startOrigin(), qPrintable(m_demo.lastError()));
    m_catalog = std::make_unique<CatalogService>();
    test::openDemoCatalog(*m_catalog, m_dir.filePath(QStringLiteral("catalog.db")), m_admin,
                          m_trafficKey);
    if (QTest::currentTestFailed())
        return;
    m_gateway = std::make_unique<GatewayController>();
    m_gateway->setStatsInterval(0);
    TelemetryServiceOptions telemetryOptions;
    telemetryOptions.database = m_dir.filePath(QStringLiteral("telemetry.sqlite"));
    telemetryOptions.summaryIntervalMs = 0;
    m_telemetry = std::make_unique<TelemetryService>(m_gateway.get(), telemetryOptions);
    QVERIFY2(m_telemetry->start(), qPrintable(m_telemetry->lastError()));
    test::startGatewayFromCatalog(*m_gateway, *m_catalog, m_demo.snapshot(), m_sync);
    if (QTest::currentTestFailed())
        return;

    m_window = std::make_unique<MainWindow>(m_gateway.get());
    m_window->setDemoOriginUrl(m_demo.originUrl());
    m_window->setCatalogService(m_catalog.get(), m_admin);
    m_window->setTelemetryService(m_telemetry.get());
    m_window->followConfigSync(m_sync.get());
    m_traffic.setDemoOrigin(m_demo.origin()); // as the console has it: the origin's knobs too
    m_window->setTrafficGenerator(&m_traffic);
    m_window->resize(1420, 900);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    QApplication::setActiveWindow(m_window.get());
    QVERIFY(QTest::qWaitForWindowActive(m_window.get()));
    QTRY_COMPARE_WITH_TIMEOUT(m_window->catalogPage()->model()->rowCount(), 5, 5000);
}

void TestKeyboardNavigation::cleanupTestCase()
{
    m_demoOffer.reset();
    m_window.reset();
    m_sync.reset();
    if (m_gateway)
        m_gateway->stopAndWait(std::chrono::milliseconds(500));
    if (m_telemetry)
        m_telemetry->stop();
    m_telemetry.reset();
    m_gateway.reset();
    m_catalog.reset();
    m_demo.stopOrigin();
}

// A test that failed half way leaves no dialog or dock open for the next.
void TestKeyboardNavigation::cleanup()
{
    if (!m_window)
        return;
    for (QDialog* d : m_window->findChildren<QDialog*>())
        if (d->isVisible())
            d->reject();
    m_window->trafficDock()->setVisible(false);
    QTest::qWait(20);
}

bool TestKeyboardNavigation::showPage(MainWindow::Page p)
{
    m_window->activateWindow();
    QApplication::setActiveWindow(m_window.get());
    if (!QTest::qWaitForWindowActive(m_window.get())) {
        qWarning() << "showPage: not active; active" << QApplication::activeWindow() << "modal"
                   << QApplication::activeModalWidget();
        return false;
    }
    auto* navigation = m_window->findChild<QListWidget*>(QStringLiteral("navigation"));
    navigation->setFocus(Qt::OtherFocusReason);
    m_window->setCurrentPage(p);
    QTest::qWait(20);
    if (m_window->currentPage() != p || !navigation->hasFocus()) {
        qWarning() << "showPage" << p << "current" << m_window->currentPage() << "focus"
                   << QApplication::focusWidget() << "active" << QApplication::activeWindow()
                   << "modal" << QApplication::activeModalWidget();
        return false;
    }
    return true;
}

void TestKeyboardNavigation::audit(QWidget* w, QWidget* start, const QString& where)
{
    const QList<QWidget*> inputs = shownInputs(w);
    QVERIFY2(!inputs.isEmpty(), qPrintable(where));
    const TabWalk walk = walkTabs(start);
    QStringList problems;
    // One enabled control (a dialog still loading): Tab rightly stays on it.
    const bool single = inputs.size() == 1 && walk.order == QList<QWidget*>{inputs.first()};
    if (!walk.problem.isEmpty() && !single)
        problems << walk.problem;
    const QStringList missed = unreached(walk, inputs);
    if (!missed.isEmpty())
        problems << QStringLiteral("not reached by Tab: ") + missed.join(QLatin1String("; ")) +
                        QStringLiteral("\n  Tab went: ") + describeOrder(walk);
    const QStringList order = formsOutOfOrder(walk, w);
    if (!order.isEmpty())
        problems << QStringLiteral("form fields out of order: ") + order.join(QLatin1String("; "));
    QStringList dead;
    const QStringList duplicates = duplicateMnemonics(w, &dead);
    if (!duplicates.isEmpty())
        problems << QStringLiteral("mnemonics used twice: ") + duplicates.join(QLatin1String("; "));
    if (!dead.isEmpty())
        problems << QStringLiteral("mnemonics leading nowhere: ") + dead.join(QLatin1String("; "));
    const QStringList labels = formLabelsWithoutBuddies(w);
    if (!labels.isEmpty())
        problems << QStringLiteral("form labels without a mnemonic to their field: ") +
                        labels.join(QLatin1String("; "));
    const QStringList silent = buddiesWithoutMnemonics(w);
    if (!silent.isEmpty())
        problems << QStringLiteral("labels with a buddy but no mnemonic: ") +
                        silent.join(QLatin1String("; "));
    QVERIFY2(problems.isEmpty(),
             qPrintable(where + QStringLiteral(":\n  ") + problems.join(QLatin1String("\n  "))));
}

bool TestKeyboardNavigation::selectApi(const QString& slug, const QString& version)
{
    ui::CatalogPage* catalog = m_window->catalogPage();
    QTableView* view = catalog->tableView();
    for (int row = 0; row < view->model()->rowCount(); ++row) {
        const QModelIndex index = view->model()->index(row, ui::CatalogModel::Name);
        const qint64 id = index.data(ui::CatalogModel::ApiIdRole).toLongLong();
        const auto* e = catalog->model()->entry(catalog->model()->rowOf(id));
        if (e->api.slug != slug || e->api.version != version)
            continue;
        view->setCurrentIndex(index);
        for (int i = 0; i < 400; ++i) {
            if (catalog->detailPane()->hasApi() &&
                catalog->detailPane()->details().entry->api.id == id)
                return true;
            QTest::qWait(5);
        }
        return false;
    }
    return false;
}

void TestKeyboardNavigation::everyPageByKeyboard_data()
{
    QTest::addColumn<int>("page");
    QTest::addColumn<int>("tab"); // of the page's own tab widget; -1: none
    const auto add = [](MainWindow::Page p, int tab = -1, const char* tabName = nullptr) {
        const QString name = MainWindow::pageId(p) +
                             (tabName ? QStringLiteral("/") + QLatin1String(tabName) : QString());
        QTest::newRow(qPrintable(name)) << int(p) << tab;
    };
    add(MainWindow::Dashboard);
    add(MainWindow::Dashboard, 0, "demo traffic"); // with the View > Demo Traffic dock
    add(MainWindow::Catalog);
    for (int tab = ui::ApiDetailPane::Overview; tab <= ui::ApiDetailPane::Analytics; ++tab)
        add(MainWindow::Catalog, tab,
            std::array{"overview", "routes", "documentation", "subscribers", "cache", "tryit",
                       "analytics"}[tab]);
    add(MainWindow::Applications);
    add(MainWindow::Approvals, 0, "inbox");
    add(MainWindow::Approvals, 1, "history");
    add(MainWindow::Teams, 0, "teams");
    add(MainWindow::Teams, 1, "users");
    add(MainWindow::Teams, 2, "audit");
    add(MainWindow::CallLogs);
    add(MainWindow::Cache);
    add(MainWindow::Gateway);
    add(MainWindow::Settings);
}

// Tab from the sidebar through the page (and the demo traffic dock) and
// back: every input reached, Alt+letters unique, form labels with buddies.
void TestKeyboardNavigation::everyPageByKeyboard()
{
    QFETCH(int, page);
    QFETCH(int, tab);
    const auto p = static_cast<MainWindow::Page>(page);
    QVERIFY(showPage(p));
    const bool traffic = p == MainWindow::Dashboard && tab == 0;
    m_window->trafficDock()->setVisible(traffic);
    if (traffic) {
        QTest::qWait(30);
        QVERIFY(m_window->trafficDock()->isVisible());
    } else if (p == MainWindow::Catalog) {
        QVERIFY(selectApi(QStringLiteral("products"), QStringLiteral("v2")));
        if (tab >= 0)
            m_window->catalogPage()->detailPane()->tabs()->setCurrentIndex(tab);
    } else if (tab >= 0) {
        auto* tabs = this->page(p)->findChild<QTabWidget*>();
        QVERIFY(tabs);
        tabs->setCurrentIndex(tab);
    }
    if (p == MainWindow::Applications) {
        auto* view = this->page(p)->findChild<QTableView*>();
        QTRY_VERIFY_WITH_TIMEOUT(view->model()->rowCount() > 0, 5000);
        view->setCurrentIndex(view->model()->index(0, 0));
    }
    QTest::qWait(50);
    const QString where = QString::fromLatin1(QTest::currentDataTag());
    audit(m_window.get(), m_window->findChild<QListWidget*>(QStringLiteral("navigation")), where);
    test::saveScreenshot(m_window.get(),
                         QStringLiteral("keyboard_%1.png")
                             .arg(where.toLower().replace(QLatin1Char('/'), QLatin1Char('_'))));
}

bool TestKeyboardNavigation::selectApplicationRow(QTableView* (ui::ApplicationPanel::*view)() const,
                                                  const QString& button)
{
    if (!showPage(MainWindow::Applications))
        return false;
    ui::ApplicationsPage* applications = m_window->applicationsPage();
    QTableView* list = applications->applicationsView();
    for (int i = 0; i < 500 && list->model()->rowCount() == 0; ++i)
        QTest::qWait(10);
    QTableView* rows = (applications->panel()->*view)();
    auto* b = applications->panel()->findChild<QPushButton*>(button);
    if (!b)
        return false;
    for (int row = 0; row < list->model()->rowCount(); ++row) {
        list->setCurrentIndex(list->model()->index(row, 0));
        for (int i = 0; i < 100; ++i) {
            QTest::qWait(10);
            if (rows->isVisible() && rows->model()->rowCount() > 0) {
                rows->selectRow(0);
                if (b->isEnabled())
                    return true;
            }
        }
    }
    return false;
}

int TestKeyboardNavigation::approvedHistoryRow() const
{
    ui::ApprovalsModel* history = m_window->approvalsPage()->historyModel();
    for (int row = 0; row < history->rowCount(); ++row)
        if (history->item(row)->state == app::SubscriptionState::Approved)
            return row;
    return -1;
}

bool TestKeyboardNavigation::ensureApprovedInHistory()
{
    if (!showPage(MainWindow::Approvals))
        return false;
    ui::ApprovalsPage* approvals = m_window->approvalsPage();
    for (int i = 0; i < 300 && approvals->loadCount() < 2; ++i)
        QTest::qWait(10);
    if (approvedHistoryRow() >= 0)
        return true;
    approvals->tabs()->setCurrentIndex(0);
    QTableView* inbox = approvals->inboxView();
    if (inbox->model()->rowCount() == 0)
        return false;
    inbox->setFocus();
    inbox->selectRow(0);
    QTest::keyClick(inbox, Qt::Key_Return, Qt::ControlModifier); // Approve
    for (int i = 0; i < 500 && approvedHistoryRow() < 0; ++i)
        QTest::qWait(10);
    return approvedHistoryRow() >= 0;
}

QDialog* TestKeyboardNavigation::openDialog(const std::function<QDialog*(MainWindow*)>& open)
{
    if (!showPage(MainWindow::Catalog))
        return nullptr;
    QDialog* dialog = open(m_window.get());
    if (!dialog || !QTest::qWaitForWindowExposed(dialog))
        return nullptr;
    QApplication::setActiveWindow(dialog);
    if (!QTest::qWaitForWindowActive(dialog))
        return nullptr;
    QTest::qWait(30);
    return dialog;
}

// The dialog shown as a child of `parent` now, if any.
static QDialog* shownDialog(QWidget* parent, int timeoutMs = 3000)
{
    for (int i = 0; i <= timeoutMs / 10; ++i) {
        for (QDialog* d : parent->findChildren<QDialog*>())
            if (d->isVisible())
                return d;
        QTest::qWait(10);
    }
    return nullptr;
}

void TestKeyboardNavigation::dialogsByKeyboard_data()
{
    // Every dialog class of the console (ui/: QDialog, and the message boxes
    // made with their own buttons), each mode of it that shows other
    // fields. `safe`: the default button (Enter) is the one that changes
    // nothing (Cancel, Keep), as a confirmation of what cannot be undone has it.
    QTest::addColumn<std::function<QDialog*(MainWindow*)>>("open");
    QTest::addColumn<bool>("safe");
    using Open = std::function<QDialog*(MainWindow*)>;
    QTest::newRow("new API") << Open([this](MainWindow* w) -> QDialog* {
        return ui::ApiEditorDialog::createNew(m_catalog.get(), m_admin, w);
    }) << false;
    QTest::newRow("edit API") << Open([this](MainWindow* w) -> QDialog* {
        if (!selectApi(QStringLiteral("products"), QStringLiteral("v2")))
            return nullptr;
        const auto& details = w->catalogPage()->detailPane()->details();
        return ui::ApiEditorDialog::editExisting(m_catalog.get(), m_admin, details.entry->api, w);
    }) << false;
    QTest::newRow("new version of API") << Open([this](MainWindow* w) -> QDialog* {
        if (!selectApi(QStringLiteral("products"), QStringLiteral("v2")))
            return nullptr;
        const auto& details = w->catalogPage()->detailPane()->details();
        return ui::ApiEditorDialog::newVersionOf(m_catalog.get(), m_admin, details.entry->api, w);
    }) << false;
    QTest::newRow("import OpenAPI") << Open([this](MainWindow* w) -> QDialog* {
        return ui::OpenApiImportDialog::importDocument(m_catalog.get(), m_admin, w);
    }) << false;
    for (const auto& [name, action, slug] :
         {std::tuple{"publish", app::ApiAction::Publish, "inventory"},
          std::tuple{"deprecate", app::ApiAction::Deprecate, "products"},
          std::tuple{"new version", app::ApiAction::NewVersion, "products"},
          std::tuple{"retire", app::ApiAction::Retire, "products"},
          std::tuple{"delete draft", app::ApiAction::DeleteDraft, "inventory"}}) {
        QTest::newRow(name) << Open([this, action = action,
                                     slug = slug](MainWindow* w) -> QDialog* {
            const bool draft =
                action == app::ApiAction::Publish || action == app::ApiAction::DeleteDraft;
            if (!selectApi(QLatin1String(slug),
                           draft ? QStringLiteral("v1") : QStringLiteral("v2")))
                return nullptr;
            const auto& details = w->catalogPage()->detailPane()->details();
            auto* d = new ui::LifecycleDialog(action, details.entry->api, details.versions, w);
            d->setAttribute(Qt::WA_DeleteOnClose);
            d->open();
            return d;
        }) << true;
    }
    QTest::newRow("new application") << Open([](MainWindow* w) -> QDialog* {
        auto* d = new ui::NewApplicationDialog(QStringLiteral("admin"), {}, w);
        d->setAttribute(Qt::WA_DeleteOnClose);
        d->open();
        return d;
    }) << false;
    QTest::newRow("issue key") << Open([](MainWindow* w) -> QDialog* {
        auto* d = new ui::IssueKeyDialog(QStringLiteral("Demo traffic"), w);
        d->setAttribute(Qt::WA_DeleteOnClose);
        d->open();
        return d;
    }) << false;
    QTest::newRow("request subscription") << Open([](MainWindow* w) -> QDialog* {
        auto* d = new ui::RequestSubscriptionDialog(QStringLiteral("Demo traffic"), w);
        d->setAttribute(Qt::WA_DeleteOnClose);
        d->open();
        return d;
    }) << false;
    QTest::newRow("key shown once") << Open([](MainWindow* w) -> QDialog* {
        auto* d = new ui::KeyRevealDialog(QStringLiteral("Demo traffic"),
                                          QStringLiteral("gh_0123456789abcdef"), w);
        d->setAttribute(Qt::WA_DeleteOnClose);
        d->open();
        return d;
    }) << false; // Copy: what the dialog is for, and harmless
    QTest::newRow("revoke key") << Open([this](MainWindow*) -> QDialog* {
        if (!selectApplicationRow(&ui::ApplicationPanel::keysView,
                                  QStringLiteral("revokeKeyButton")))
            return nullptr;
        ui::ApplicationPanel* panel = m_window->applicationsPage()->panel();
        panel->findChild<QPushButton*>(QStringLiteral("revokeKeyButton"))->click();
        return test::shownChild<QMessageBox>(panel, QStringLiteral("revokeKeyConfirmation"), 3000);
    }) << true;
    QTest::newRow("end subscription") << Open([this](MainWindow*) -> QDialog* {
        if (!selectApplicationRow(&ui::ApplicationPanel::subscriptionsView,
                                  QStringLiteral("endSubscriptionButton")))
            return nullptr;
        ui::ApplicationPanel* panel = m_window->applicationsPage()->panel();
        panel->findChild<QPushButton*>(QStringLiteral("endSubscriptionButton"))->click();
        return test::shownChild<QMessageBox>(panel, QStringLiteral("endSubscriptionConfirmation"),
                                             3000);
    }) << true;
    QTest::newRow("reject reason") << Open([](MainWindow* w) -> QDialog* {
        auto* d = new ui::ReasonDialog(QStringLiteral("Reject Requests"), QStringLiteral("Why?"),
                                       QStringLiteral("Reject"), w);
        d->setAttribute(Qt::WA_DeleteOnClose);
        d->open();
        return d;
    }) << false;
    for (const auto& [name, button] : {std::pair{"suspend reason", "suspendButton"},
                                       std::pair{"revoke reason", "revokeButton"}}) {
        QTest::newRow(name) << Open([this, button = button](MainWindow* w) -> QDialog* {
            if (!ensureApprovedInHistory())
                return nullptr;
            ui::ApprovalsPage* approvals = w->approvalsPage();
            approvals->tabs()->setCurrentIndex(1);
            approvals->historyView()->selectRow(approvedHistoryRow());
            auto* b = approvals->findChild<QPushButton*>(QLatin1String(button));
            if (!b || !b->isEnabled())
                return nullptr;
            b->click();
            return test::shownChild<QDialog>(approvals, QStringLiteral("reasonDialog"), 3000);
        }) << false;
    }
    QTest::newRow("sign in") << Open([this](MainWindow* w) -> QDialog* {
        auto* d = new ui::SignInDialog(m_catalog.get(), QStringLiteral("postgresql://db/gh"), w);
        d->setAttribute(Qt::WA_DeleteOnClose);
        d->open();
        return d;
    }) << false;
    for (const auto& [name, button, tab] : {std::tuple{"new team", "newTeamButton", 0},
                                            std::tuple{"add member", "addMemberButton", 0},
                                            std::tuple{"invite user", "inviteUserButton", 1}}) {
        QTest::newRow(name) << Open([this, button = button, tab = tab](MainWindow* w) -> QDialog* {
            if (!showPage(MainWindow::Teams))
                return nullptr;
            ui::TeamsPage* teams = w->teamsPage();
            teams->findChild<QTabWidget*>(QStringLiteral("teamsTabs"))->setCurrentIndex(tab);
            if (tab == 0) {
                auto* view = teams->findChild<QTableView*>(QStringLiteral("teamsView"));
                if (view && view->model()->rowCount() > 0)
                    view->setCurrentIndex(view->model()->index(0, 0));
            }
            auto* b = teams->findChild<QPushButton*>(QLatin1String(button));
            if (!b || !b->isEnabled())
                return nullptr;
            b->click();
            QTest::qWait(20);
            return shownDialog(w);
        }) << false;
    }
    QTest::newRow("demo workspace") << Open([this](MainWindow* w) -> QDialog* {
        if (!m_demoOffer)
            m_demoOffer =
                std::make_unique<ui::DemoCatalogOffer>(m_catalog.get(), m_admin, nullptr, w);
        m_demoOffer->askAndCreate();
        return m_demoOffer->question();
    }) << false;
}

// Each dialog: Tab reaches everything and comes round, Alt+letters are
// unique, labels lead to their fields, and Escape closes it unchanged (a
// message box by its Cancel or Keep button).
void TestKeyboardNavigation::dialogsByKeyboard()
{
    QFETCH(std::function<QDialog*(MainWindow*)>, open);
    QPointer<QDialog> dialog = openDialog(open);
    QVERIFY(dialog);
    QWidget* start = QApplication::focusWidget();
    QVERIFY2(start && dialog->isAncestorOf(start), "a dialog opens with the focus in it");
    const QString where = QString::fromLatin1(QTest::currentDataTag());
    audit(dialog, start, where);
    test::saveScreenshot(dialog,
                         QStringLiteral("keyboard_dialog_%1.png")
                             .arg(where.toLower().replace(QLatin1Char(' '), QLatin1Char('_'))));
    auto* box = qobject_cast<QMessageBox*>(dialog);
    QMessageBox::ButtonRole clicked = QMessageBox::InvalidRole;
    if (box)
        connect(box, &QMessageBox::buttonClicked, this,
                [box, &clicked](QAbstractButton* b) { clicked = box->buttonRole(b); });
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Escape);
    QTRY_VERIFY_WITH_TIMEOUT(!dialog || !dialog->isVisible(), 2000);
    if (box) // Cancel, Keep It, No
        QVERIFY2(clicked == QMessageBox::RejectRole || clicked == QMessageBox::NoRole,
                 qPrintable(QString::number(clicked)));
    else if (dialog)
        QCOMPARE(dialog->result(), int(QDialog::Rejected));
    delete dialog;
}

void TestKeyboardNavigation::enterPressesTheDefaultButton_data()
{
    dialogsByKeyboard_data();
}

// Enter in a dialog presses its default button, from its first one-line
// field (or from where the focus opens, in a dialog without one): OK in a
// form, the harmless button of a confirmation. The button's own work is
// taken off first (the other suites test it): only the press is seen.
void TestKeyboardNavigation::enterPressesTheDefaultButton()
{
    QFETCH(std::function<QDialog*(MainWindow*)>, open);
    QFETCH(bool, safe);
    QPointer<QDialog> dialog = openDialog(open);
    QVERIFY(dialog);
    QWidget* from = nullptr;
    for (QWidget* w : walkTabs(QApplication::focusWidget()).order) {
        auto* line = qobject_cast<QLineEdit*>(w);
        if ((line && !line->isReadOnly()) || qobject_cast<QAbstractSpinBox*>(w) ||
            qobject_cast<QComboBox*>(w)) {
            from = w;
            break;
        }
    }
    if (from)
        from->setFocus(Qt::TabFocusReason);
    from = QApplication::focusWidget();
    QVERIFY(from && dialog->isAncestorOf(from));
    QList<QPushButton*> defaults;
    QList<QPushButton*> buttons;
    for (QPushButton* b : dialog->findChildren<QPushButton*>()) {
        if (!b->isVisible())
            continue;
        buttons << b;
        if (b->isDefault())
            defaults << b;
    }
    // The focused button, where one has the focus (Qt's rule), else the
    // dialog's default.
    QCOMPARE(defaults.size(), 1);
    QPushButton* def = defaults.first();
    const bool onButton = qobject_cast<QPushButton*>(from) != nullptr;
    if (onButton)
        QCOMPARE(def, from);
    auto* box = qobject_cast<QDialogButtonBox*>(def->parentWidget());
    const QDialogButtonBox::ButtonRole role =
        box ? box->buttonRole(def) : QDialogButtonBox::InvalidRole;
    if (safe)
        QVERIFY2(role == QDialogButtonBox::RejectRole || role == QDialogButtonBox::NoRole,
                 qPrintable(describe(def)));
    else if (box && !onButton && !qobject_cast<QMessageBox*>(dialog.data()))
        QVERIFY2(role == QDialogButtonBox::AcceptRole, qPrintable(describe(def)));
    QList<std::shared_ptr<QSignalSpy>> spies;
    for (QPushButton* b : buttons) {
        QObject::disconnect(b, &QAbstractButton::clicked, nullptr, nullptr);
        spies << std::make_shared<QSignalSpy>(b, &QAbstractButton::clicked);
    }
    QTest::keyClick(from, Qt::Key_Return);
    QTest::qWait(50); // a click animates
    QVERIFY(dialog);
    // A many-line field takes Enter as a new line; OK stays a click away.
    const bool newLine = qobject_cast<QPlainTextEdit*>(from) != nullptr;
    for (qsizetype i = 0; i < buttons.size(); ++i) {
        const bool pressed = !newLine && buttons.at(i) == def && def->isEnabled();
        QVERIFY2(spies.at(i)->count() == (pressed ? 1 : 0),
                 qPrintable(describe(buttons.at(i)) + QStringLiteral(" pressed %1 times from %2")
                                                          .arg(spies.at(i)->count())
                                                          .arg(describe(from))));
    }
    dialog->reject();
    QTRY_VERIFY(!dialog || !dialog->isVisible());
    delete dialog;
}

// The demo traffic dock: each field's label takes the focus to it by its
// Alt+letter, and none of its letters is one the menu bar or the page
// beside it (the dashboard) answers.
void TestKeyboardNavigation::trafficDockByKeyboard()
{
    QVERIFY(showPage(MainWindow::Dashboard));
    m_window->trafficDock()->setVisible(true);
    QTRY_VERIFY(m_window->trafficDock()->isVisible());
    auto* panel = m_window->trafficDock()->findChild<ui::TrafficPanel*>();
    QVERIFY(panel);
    QStringList dead;
    QCOMPARE(duplicateMnemonics(m_window.get(), &dead), QStringList());
    QCOMPARE(dead, QStringList());
    QCOMPARE(buddiesWithoutMnemonics(m_window.get()), QStringList());
    // Every input of the dock answers an Alt+letter, its own or its label's.
    QStringList unnamed;
    const auto all = activeMnemonics(m_window.get());
    for (QWidget* input : shownInputs(m_window.get())) {
        if (!panel->isAncestorOf(input) || qobject_cast<QSlider*>(input))
            continue; // a slider is named with the number beside it
        bool named = false;
        for (QLabel* label : panel->findChildren<QLabel*>())
            named |= label->buddy() == input && !mnemonicOf(label->text()).isNull();
        if (auto* b = qobject_cast<QAbstractButton*>(input))
            named |= !mnemonicOf(b->text()).isNull();
        if (!named)
            unnamed << describe(input);
    }
    QVERIFY2(unnamed.isEmpty(), qPrintable(unnamed.join(QLatin1String("; "))));
    for (const auto& [key, name] :
         {std::pair{Qt::Key_R, "rateSpinBox"}, std::pair{Qt::Key_N, "concurrencySpinBox"},
          std::pair{Qt::Key_K, "apiKeyEdit"}, std::pair{Qt::Key_Z, "skewSlider"},
          std::pair{Qt::Key_P, "mixWeight_products"}, std::pair{Qt::Key_I, "mixWeight_inventory"},
          std::pair{Qt::Key_J, "errorRateSlider"},
          std::pair{Qt::Key_L, "upstreamLatencySpinBox"}}) {
        auto* field = panel->findChild<QWidget*>(QLatin1String(name));
        QVERIFY2(field && field->isEnabled(), name);
        field->setFocus(); // scrolled into sight
        m_window->findChild<QListWidget*>(QStringLiteral("navigation"))->setFocus();
        QTest::keyClick(QApplication::focusWidget(), key, Qt::AltModifier);
        QVERIFY2(field->hasFocus() || field->isAncestorOf(QApplication::focusWidget()),
                 qPrintable(QStringLiteral("Alt+%1: %2")
                                .arg(QKeySequence(key).toString(),
                                     describe(QApplication::focusWidget()))));
    }
    test::saveScreenshot(m_window.get(), QStringLiteral("keyboard_traffic_dock.png"));
    m_window->trafficDock()->setVisible(false);
}

// The sidebar: in the Tab order, Up/Down walk the pages, and Ctrl+1..9
// (the View menu's shortcuts) reach each page from anywhere.
void TestKeyboardNavigation::sidebarByKeyboard()
{
    QVERIFY(showPage(MainWindow::Dashboard));
    auto* navigation = m_window->findChild<QListWidget*>(QStringLiteral("navigation"));
    QCOMPARE(navigation->focusPolicy() & Qt::TabFocus, Qt::TabFocus);
    QTest::keyClick(navigation, Qt::Key_Down);
    QCOMPARE(m_window->currentPage(), MainWindow::Catalog);
    QTest::keyClick(navigation, Qt::Key_End);
    QCOMPARE(m_window->currentPage(), MainWindow::Settings);
    QTest::keyClick(navigation, Qt::Key_Up);
    QCOMPARE(m_window->currentPage(), MainWindow::Gateway);
    // From a field on a page.
    QVERIFY(showPage(MainWindow::Catalog));
    auto* search = m_window->findChild<QLineEdit*>(QStringLiteral("catalogSearch"));
    search->setFocus();
    for (int i = MainWindow::PageCount - 1; i >= 0; --i) {
        QTest::keyClick(QApplication::focusWidget(), static_cast<Qt::Key>(Qt::Key_1 + i),
                        Qt::ControlModifier);
        QCOMPARE(m_window->currentPage(), static_cast<MainWindow::Page>(i));
        // Each page is named with its shortcut in the View menu.
        auto* action = m_window->findChild<QAction*>(
            QStringLiteral("show%1Action")
                .arg(MainWindow::pageId(static_cast<MainWindow::Page>(i))));
        QVERIFY(action);
        QCOMPARE(action->shortcut(), QKeySequence(Qt::CTRL | static_cast<Qt::Key>(Qt::Key_1 + i)));
    }
}

void TestKeyboardNavigation::newVersionByItsMnemonic_data()
{
    QTest::addColumn<QString>("slug");
    QTest::addColumn<QString>("version");
    QTest::newRow("published") << QStringLiteral("products") << QStringLiteral("v2");
    QTest::newRow("draft") << QStringLiteral("inventory") << QStringLiteral("v1");
}

// New Version... answers Alt+O, which nothing else on the catalog page
// takes, whichever tab of the API shows and whatever its state: it opens
// the New Version dialog, which Escape closes.
void TestKeyboardNavigation::newVersionByItsMnemonic()
{
    QFETCH(QString, slug);
    QFETCH(QString, version);
    QVERIFY(showPage(MainWindow::Catalog));
    QVERIFY(selectApi(slug, version));
    ui::ApiDetailPane* pane = m_window->catalogPage()->detailPane();
    auto* button = pane->findChild<QPushButton*>(QStringLiteral("newVersionButton"));
    QVERIFY(button && button->isVisible() && button->isEnabled());
    QCOMPARE(mnemonicOf(button->text()), QLatin1Char('O'));
    for (int tab = 0; tab < pane->tabs()->count(); ++tab) {
        pane->tabs()->setCurrentIndex(tab);
        QTest::qWait(20);
        const QStringList twice = duplicateMnemonics(m_window.get());
        QVERIFY2(twice.isEmpty(), qPrintable(pane->tabs()->tabText(tab) + QStringLiteral(": ") +
                                             twice.join(QLatin1String("; "))));
    }
    pane->tabs()->setCurrentIndex(ui::ApiDetailPane::Overview);
    m_window->findChild<QListWidget*>(QStringLiteral("navigation"))->setFocus();
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_O, Qt::AltModifier);
    auto* dialog = test::shownChild<ui::LifecycleDialog>(m_window.get(),
                                                         QStringLiteral("lifecycleDialog"), 3000);
    QVERIFY(dialog);
    QCOMPARE(dialog->action(), app::ApiAction::NewVersion);
    QApplication::setActiveWindow(dialog);
    QVERIFY(QTest::qWaitForWindowActive(dialog));
    QPointer<QDialog> guard(dialog);
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Escape);
    QTRY_VERIFY(!guard || !guard->isVisible());
    delete guard;
}

void TestKeyboardNavigation::findFocusesTheSearchBox_data()
{
    QTest::addColumn<int>("page");
    QTest::addColumn<int>("tab");
    QTest::addColumn<QString>("box");
    QTest::newRow("catalog") << int(MainWindow::Catalog) << -1 << QStringLiteral("catalogSearch");
    QTest::newRow("call logs") << int(MainWindow::CallLogs) << -1 << QStringLiteral("pathEdit");
    // Filters to choose from rather than text: the first of them.
    QTest::newRow("audit log") << int(MainWindow::Teams) << 2 << QStringLiteral("auditActorFilter");
}

// Ctrl+F from the sidebar (not only from inside the page) puts the cursor
// in the page's search box with its text selected, so typing replaces it.
void TestKeyboardNavigation::findFocusesTheSearchBox()
{
    QFETCH(int, page);
    QFETCH(int, tab);
    QFETCH(QString, box);
    const auto p = static_cast<MainWindow::Page>(page);
    QVERIFY(showPage(p));
    if (tab >= 0)
        this->page(p)->findChild<QTabWidget*>()->setCurrentIndex(tab);
    auto* field = this->page(p)->findChild<QWidget*>(box);
    QVERIFY2(field && field->isVisible(), qPrintable(box));
    auto* edit = qobject_cast<QLineEdit*>(field);
    if (edit)
        edit->setText(QStringLiteral("old"));
    QVERIFY(!field->hasFocus());
    QTest::keySequence(QApplication::focusWidget(), QKeySequence::Find);
    QTRY_VERIFY(field->hasFocus());
    if (edit) {
        QCOMPARE(edit->selectedText(), QStringLiteral("old"));
        edit->clear();
    }
}

void TestKeyboardNavigation::newOpensTheCreateDialog_data()
{
    QTest::addColumn<int>("page");
    QTest::addColumn<int>("tab");
    QTest::addColumn<QString>("dialog");
    QTest::newRow("catalog") << int(MainWindow::Catalog) << -1 << QStringLiteral("apiEditorDialog");
    QTest::newRow("applications") << int(MainWindow::Applications) << -1
                                  << QStringLiteral("newApplicationDialog");
    QTest::newRow("teams") << int(MainWindow::Teams) << 0 << QStringLiteral("newTeamDialog");
    QTest::newRow("users") << int(MainWindow::Teams) << 1 << QStringLiteral("inviteUserDialog");
}

// Ctrl+N on a page that creates things opens its create dialog; Escape
// closes it again.
void TestKeyboardNavigation::newOpensTheCreateDialog()
{
    QFETCH(int, page);
    QFETCH(int, tab);
    QFETCH(QString, dialog);
    const auto p = static_cast<MainWindow::Page>(page);
    QVERIFY(showPage(p));
    if (tab >= 0)
        this->page(p)->findChild<QTabWidget*>()->setCurrentIndex(tab);
    QTest::keySequence(QApplication::focusWidget(), QKeySequence::New);
    auto* shown = test::shownChild<QDialog>(m_window.get(), dialog, 3000);
    QVERIFY2(shown, qPrintable(dialog));
    QApplication::setActiveWindow(shown);
    QVERIFY(QTest::qWaitForWindowActive(shown));
    QPointer<QDialog> guard(shown);
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Escape);
    QTRY_VERIFY(!guard || !guard->isVisible());
    delete guard;
}

// Delete on the selected draft asks first (the Delete confirmation, which
// Escape cancels): the draft stays.
void TestKeyboardNavigation::deleteAsksBeforeRemoving()
{
    QVERIFY(showPage(MainWindow::Catalog));
    QVERIFY(selectApi(QStringLiteral("inventory"), QStringLiteral("v1")));
    ui::CatalogPage* catalog = m_window->catalogPage();
    const qint64 draft = catalog->selectedApiId();
    catalog->tableView()->setFocus();
    QTest::keySequence(catalog->tableView(), QKeySequence::Delete);
    auto* confirm = test::shownChild<ui::LifecycleDialog>(m_window.get(),
                                                          QStringLiteral("lifecycleDialog"), 3000);
    QVERIFY(confirm);
    QCOMPARE(confirm->action(), app::ApiAction::DeleteDraft);
    QApplication::setActiveWindow(confirm);
    QVERIFY(QTest::qWaitForWindowActive(confirm));
    QPointer<QDialog> guard(confirm);
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Escape);
    QTRY_VERIFY(!guard || !guard->isVisible());
    delete guard;
    QTest::qWait(100);
    QCOMPARE(catalog->model()->rowCount(), 5);
    QCOMPARE(catalog->selectedApiId(), draft);

    // A published API cannot be deleted: Delete does nothing there.
    QVERIFY(selectApi(QStringLiteral("products"), QStringLiteral("v2")));
    catalog->tableView()->setFocus();
    QTest::keySequence(catalog->tableView(), QKeySequence::Delete);
    QTest::qWait(100);
    auto* none = m_window->findChild<ui::LifecycleDialog*>(QStringLiteral("lifecycleDialog"));
    QVERIFY(!none || !none->isVisible());
}

// Delete on an application's key asks before revoking it, as the Revoke
// Key button does; Escape keeps the key.
void TestKeyboardNavigation::deleteAsksBeforeRevokingAKey()
{
    QVERIFY(showPage(MainWindow::Applications));
    ui::ApplicationsPage* applications = m_window->applicationsPage();
    auto* list = applications->findChild<QTableView*>(QStringLiteral("applicationsView"));
    QVERIFY(list);
    QTRY_VERIFY_WITH_TIMEOUT(list->model()->rowCount() > 0, 5000);
    QTableView* keys = applications->panel()->keysView();
    bool found = false;
    for (int row = 0; row < list->model()->rowCount() && !found; ++row) {
        list->setCurrentIndex(list->model()->index(row, 0));
        for (int i = 0; i < 100 && !found; ++i) {
            QTest::qWait(10);
            found = keys->isVisible() && keys->model()->rowCount() > 0;
        }
    }
    QVERIFY2(found, "an application with a key");
    const auto* key = applications->panel()->keysModel()->key(0);
    QVERIFY(key && key->revokedAt == 0);
    const qint64 keyId = key->id;
    keys->setFocus();
    keys->selectRow(0);
    QTest::keySequence(keys, QKeySequence::Delete);
    auto* confirm =
        test::shownChild<QMessageBox>(applications, QStringLiteral("revokeKeyConfirmation"), 3000);
    QVERIFY(confirm);
    QApplication::setActiveWindow(confirm);
    QVERIFY(QTest::qWaitForWindowActive(confirm));
    QPointer<QMessageBox> guard(confirm);
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Escape);
    QTRY_VERIFY(!guard || !guard->isVisible());
    QTest::qWait(100);
    key = applications->panel()->keysModel()->key(0);
    QVERIFY(key);
    QCOMPARE(key->id, keyId);
    QCOMPARE(key->revokedAt, qint64(0));
}

void TestKeyboardNavigation::refreshReloadsThePage_data()
{
    QTest::addColumn<int>("page");
    QTest::addColumn<int>("tab");
    QTest::newRow("catalog") << int(MainWindow::Catalog) << -1;
    QTest::newRow("teams") << int(MainWindow::Teams) << 0;
    QTest::newRow("applications") << int(MainWindow::Applications) << -1;
    QTest::newRow("approvals") << int(MainWindow::Approvals) << -1;
    QTest::newRow("audit log") << int(MainWindow::Teams) << 2;
    QTest::newRow("call logs") << int(MainWindow::CallLogs) << -1;
}

// F5 (View > Refresh) reads the page's data again.
void TestKeyboardNavigation::refreshReloadsThePage()
{
    QFETCH(int, page);
    QFETCH(int, tab);
    const auto p = static_cast<MainWindow::Page>(page);
    QVERIFY(showPage(p));
    if (tab >= 0)
        this->page(p)->findChild<QTabWidget*>()->setCurrentIndex(tab);
    auto* audit = m_window->teamsPage()->findChild<ui::AuditPage*>();
    QVERIFY(audit);
    // The call logs read again from a new filter, which resets the model
    // (+1: the page's own first read, before the spy).
    QSignalSpy callLogReads(m_window->callLogsPage()->model(), &QAbstractItemModel::modelReset);
    const auto loads = [this, p, tab, audit, &callLogReads] {
        switch (p) {
        case MainWindow::Catalog:
            return m_window->catalogPage()->loadCount();
        case MainWindow::Teams:
            return tab == 2 ? audit->loadCount() : m_window->teamsPage()->loadCount();
        case MainWindow::Applications:
            return m_window->applicationsPage()->loadCount();
        case MainWindow::Approvals:
            return m_window->approvalsPage()->loadCount();
        case MainWindow::CallLogs:
            return int(callLogReads.count()) + 1;
        default:
            return -1;
        }
    };
    QTRY_VERIFY_WITH_TIMEOUT(loads() > 0, 5000);
    const int before = loads();
    QTest::keySequence(QApplication::focusWidget(), QKeySequence::Refresh);
    QTRY_VERIFY_WITH_TIMEOUT(loads() > before, 5000);
}

// The approvals inbox has no destructive action (Reject asks for a reason
// and is not a removal): Delete there opens nothing and changes nothing.
void TestKeyboardNavigation::deleteInTheInboxDoesNothing()
{
    QVERIFY(showPage(MainWindow::Approvals));
    ui::ApprovalsPage* approvals = m_window->approvalsPage();
    approvals->tabs()->setCurrentIndex(0);
    QTableView* inbox = approvals->inboxView();
    QTRY_VERIFY_WITH_TIMEOUT(inbox->model()->rowCount() > 0, 5000);
    const int pending = inbox->model()->rowCount();
    inbox->setFocus();
    inbox->selectRow(0);
    QTest::keySequence(inbox, QKeySequence::Delete);
    QTest::qWait(100);
    QVERIFY(!shownDialog(approvals, 200));
    QCOMPARE(inbox->model()->rowCount(), pending);
    QVERIFY(inbox->hasFocus());
}

// Delete on an approved subscription in the approvals history revokes it
// as the Revoke button does: it asks for the reason first, and Escape
// keeps the subscription. Once revoked (nothing left to revoke), or with
// nothing selected, Delete does nothing.
void TestKeyboardNavigation::deleteAsksBeforeRevokingASubscription()
{
    QVERIFY(showPage(MainWindow::Approvals));
    ui::ApprovalsPage* approvals = m_window->approvalsPage();
    approvals->tabs()->setCurrentIndex(1);
    QTableView* history = approvals->historyView();
    ui::ApprovalsModel* model = approvals->historyModel();
    QVERIFY(ensureApprovedInHistory());
    approvals->tabs()->setCurrentIndex(1);
    const qint64 id = model->item(approvedHistoryRow())->subscriptionId;
    const auto stateOf = [model, id] {
        for (int row = 0; row < model->rowCount(); ++row)
            if (model->item(row)->subscriptionId == id)
                return model->item(row)->state;
        return app::SubscriptionState::Pending;
    };
    // Back in the window (a dialog just closed), the subscription selected
    // and the focus in the history.
    const auto selectIt = [this, approvals, model, history, id] {
        if (!showPage(MainWindow::Approvals))
            return false;
        approvals->tabs()->setCurrentIndex(1);
        for (int row = 0; row < model->rowCount(); ++row)
            if (model->item(row)->subscriptionId == id)
                history->selectRow(row);
        history->setFocus();
        return history->hasFocus() && history->selectionModel()->hasSelection();
    };

    // Nothing selected: nothing to revoke.
    history->setFocus();
    history->clearSelection();
    QTest::keySequence(history, QKeySequence::Delete);
    QTest::qWait(100);
    QVERIFY(!shownDialog(approvals, 200));

    // Escape: asked, and kept.
    QVERIFY(selectIt());
    QTest::keySequence(history, QKeySequence::Delete);
    auto* ask = test::shownChild<QDialog>(approvals, QStringLiteral("reasonDialog"), 3000);
    QVERIFY(ask);
    QCOMPARE(ask->windowTitle(), QStringLiteral("Revoke Subscriptions"));
    QApplication::setActiveWindow(ask);
    QVERIFY(QTest::qWaitForWindowActive(ask));
    QPointer<QDialog> guard(ask);
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Escape);
    QTRY_VERIFY(!guard || !guard->isVisible());
    QTest::qWait(100);
    QVERIFY(stateOf() == app::SubscriptionState::Approved);

    // With a reason: revoked, as by the button.
    QVERIFY(selectIt());
    QTest::keySequence(history, QKeySequence::Delete);
    ask = test::shownChild<QDialog>(approvals, QStringLiteral("reasonDialog"), 3000);
    QVERIFY(ask);
    QApplication::setActiveWindow(ask);
    QVERIFY(QTest::qWaitForWindowActive(ask));
    auto* reason = ask->findChild<QPlainTextEdit*>(QStringLiteral("reason"));
    QVERIFY(reason && reason->hasFocus());
    QTest::keyClicks(reason, QStringLiteral("keyboard audit"));
    test::clickOk(ask);
    QTRY_VERIFY_WITH_TIMEOUT(stateOf() == app::SubscriptionState::Revoked, 5000);

    // Revoked: Delete has nothing left to do.
    QVERIFY(selectIt());
    QTRY_VERIFY(!approvals->findChild<QPushButton*>(QStringLiteral("revokeButton"))->isEnabled());
    QTest::keySequence(history, QKeySequence::Delete);
    QTest::qWait(100);
    QVERIFY(!shownDialog(approvals, 200));
    QVERIFY(stateOf() == app::SubscriptionState::Revoked);
}

// Stopped, the gateway page's listener fields take input: Tab visits them
// in order, and each label's Alt+letter leads to its field.
void TestKeyboardNavigation::stoppedGatewayPageByKeyboard()
{
    const auto options = m_gateway->options();
    m_gateway->stopAndWait(std::chrono::milliseconds(500));
    QTRY_COMPARE(m_gateway->state(), GatewayController::State::Stopped);
    QVERIFY(showPage(MainWindow::Gateway));
    auto* port = page(MainWindow::Gateway)->findChild<QSpinBox*>(QStringLiteral("portSpinBox"));
    QVERIFY(port && port->isEnabled());
    audit(m_window.get(), m_window->findChild<QListWidget*>(QStringLiteral("navigation")),
          QStringLiteral("Gateway (stopped)"));
    // Alt+P: the port field.
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_P, Qt::AltModifier);
    QVERIFY(port->hasFocus());
    test::saveScreenshot(m_window.get(), QStringLiteral("keyboard_gateway_stopped.png"));
    QVERIFY2(m_gateway->start(options), qPrintable(m_gateway->lastError()));
}

QTEST_MAIN(TestKeyboardNavigation)
#include "tst_keyboard_navigation.moc"
