// SPDX-FileCopyrightText: Gatehouse contributors
// SPDX-License-Identifier: Apache-2.0
#include "console_test_environment.h"
#include "dialog_driver.h"
#include "screenshot.h"
#include "ui/teams/teams_page.h"

#include "app/catalog_service.h"
#include "app/catalog_startup.h"
#include "app/gateway_config_sync.h"
#include "app/gateway_controller.h"
#include "tests/app/catalog_call.h"
#include "tests/app/test_databases.h"
#include "ui/applications/applications_model.h"
#include "ui/applications/applications_page.h"
#include "ui/audit/audit_diff_view.h"
#include "ui/audit/audit_model.h"
#include "ui/audit/audit_page.h"
#include "ui/catalog/catalog_page.h"
#include "ui/main_window.h"
#include "ui/teams/form_dialog.h"
#include "ui/teams/sign_in_dialog.h"

#include <QAbstractItemModelTester>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QLabel>
#include <QLineEdit>
#include <QPointer>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardItemModel>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTableView>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTranslator>

#include <optional>

using namespace gatehouse;
using namespace gatehouse::app;
using gatehouse::test::saveScreenshot;
using gatehouse::ui::ApplicationsModel;
using gatehouse::ui::AuditDiffView;
using gatehouse::ui::AuditModel;
using gatehouse::ui::AuditPage;
using gatehouse::ui::FormDialog;
using gatehouse::ui::MainWindow;
using gatehouse::ui::SignInDialog;
using gatehouse::ui::TeamsPage;

// The Teams page (teams, members, users, the audit log tab), the sign-in
// dialog and the "view as" demo, as a person uses them, against a real
// SQLite catalog on its storage thread.
class TestTeamsPage : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();

    void createTeamAddMemberChangeRole();
    void inviteUserIsValidatedByTheDomain();
    void onlyWhatTheActorMayDo();
    void refusedActionsShowTheDomainsMessage();
    void auditLogShowsWhoDidWhatWithBeforeAndAfter();
    void auditLogRefusesNonAdmins();
    void signInDialog();
    void signInDialogCreatesTheFirstAdmin();
    void viewAsSwitchesWhatIsVisible();
    void changesFromAnotherConsoleAppear();
    void germanLayoutFits();

private:
    template <typename Work>
    auto call(Work work) -> std::optional<std::invoke_result_t<Work&, CatalogStore&>>
    {
        return callCatalog(*m_catalog, this, std::move(work));
    }
    TeamsPage* page() const { return m_window->teamsPage(); }
    static QPushButton* button(QWidget* parent, const char* name)
    {
        return parent->findChild<QPushButton*>(QLatin1String(name));
    }
    static int rowOf(const QAbstractItemModel* model, const QString& text, int column = 0);
    static QString cellText(const QAbstractItemModel* model, int row, int column)
    {
        return model->index(row, column).data().toString();
    }
    static void clickRow(QTableView* view, int row);
    FormDialog* openDialog(const char* buttonName, const char* dialogName);
    bool waitForLoad(TeamsPage* page);

    QTemporaryDir m_dir;
    TestWorld m_world;
    Principal m_localAdmin;
    std::unique_ptr<CatalogService> m_catalog;
    std::unique_ptr<GatewayController> m_gateway;
    std::unique_ptr<MainWindow> m_window;
    int m_databases = 0;
};

void TestTeamsPage::initTestCase()
{
    test::useConsoleTestEnvironment(QStringLiteral("tst_teams_page"));
    QVERIFY(m_dir.isValid());
}

void TestTeamsPage::init()
{
    m_catalog = std::make_unique<CatalogService>();
    const QString path = m_dir.filePath(QStringLiteral("catalog-%1.db").arg(++m_databases));
    const CatalogStartup startup = startCatalog(*m_catalog, path);
    QVERIFY2(startup.error.isEmpty() && startup.localAdmin, qPrintable(startup.error));
    m_localAdmin = *startup.localAdmin;
    QString error;
    QVERIFY2(m_catalog->runAndWait(
                 [&](CatalogStore& store) { return m_world.seed(store.database(), &error); }),
             qPrintable(error));
    QCOMPARE(m_world.admin.userId, m_localAdmin.userId);

    m_gateway = std::make_unique<GatewayController>();
    m_gateway->setStatsInterval(0);
    m_window = std::make_unique<MainWindow>(m_gateway.get());
    m_window->setCatalogService(m_catalog.get(), m_localAdmin);
    QVERIFY(page());
    for (QAbstractItemModel* model :
         {static_cast<QAbstractItemModel*>(page()->teamsModel()),
          static_cast<QAbstractItemModel*>(page()->membersModel()),
          static_cast<QAbstractItemModel*>(page()->usersModel()),
          static_cast<QAbstractItemModel*>(page()->auditPage()->model())})
        new QAbstractItemModelTester(model, QAbstractItemModelTester::FailureReportingMode::QtTest,
                                     model);
    m_window->resize(1280, 760);
    m_window->setCurrentPage(MainWindow::Teams);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    QVERIFY(waitForLoad(page()));
}

void TestTeamsPage::cleanup()
{
    m_window.reset();
    m_gateway.reset();
    m_catalog.reset();
}

bool TestTeamsPage::waitForLoad(TeamsPage* page)
{
    const int before = page->loadCount();
    if (before > 0)
        return true;
    for (int i = 0; i < 400 && page->loadCount() == before; ++i)
        QTest::qWait(5);
    return page->loadCount() > before;
}

int TestTeamsPage::rowOf(const QAbstractItemModel* model, const QString& text, int column)
{
    for (int row = 0; row < model->rowCount(); ++row) {
        if (model->index(row, column).data().toString() == text)
            return row;
    }
    return -1;
}

void TestTeamsPage::clickRow(QTableView* view, int row)
{
    const QRect cell = view->visualRect(view->model()->index(row, 0));
    QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, cell.center());
}

FormDialog* TestTeamsPage::openDialog(const char* buttonName, const char* dialogName)
{
    QPushButton* open = button(page(), buttonName);
    if (!open || !open->isVisible() || !open->isEnabled())
        return nullptr;
    QTest::mouseClick(open, Qt::LeftButton);
    auto* dialog = page()->findChild<FormDialog*>(QLatin1String(dialogName));
    if (dialog && !QTest::qWaitForWindowExposed(dialog))
        return nullptr;
    return dialog;
}

void TestTeamsPage::createTeamAddMemberChangeRole()
{
    QCOMPARE(page()->tabs()->currentIndex(), int(TeamsPage::TeamsTab));
    const QAbstractItemModel* teams = page()->teamsModel();
    QCOMPARE(teams->rowCount(), 2);
    QCOMPARE(cellText(teams, 0, 0), QStringLiteral("Payments"));

    // New team: the admin becomes its owner.
    FormDialog* dialog = openDialog("newTeamButton", "newTeamDialog");
    QVERIFY(dialog);
    QTest::keyClicks(dialog->findChild<QLineEdit*>(QStringLiteral("teamName")),
                     QStringLiteral("Billing"));
    QTest::keyClicks(dialog->findChild<QLineEdit*>(QStringLiteral("teamDescription")),
                     QStringLiteral("Invoices and refunds"));
    test::clickOk(dialog);
    QTRY_VERIFY_WITH_TIMEOUT(rowOf(teams, QStringLiteral("Billing")) >= 0, 2000);
    QTRY_VERIFY(!page()->findChild<FormDialog*>(QStringLiteral("newTeamDialog")));
    const int billing = rowOf(teams, QStringLiteral("Billing"));
    QCOMPARE(cellText(teams, billing, 2), QStringLiteral("Invoices and refunds"));
    QCOMPARE(cellText(teams, billing, 1), QStringLiteral("1"));
    clickRow(page()->teamsView(), billing);
    const QAbstractItemModel* members = page()->membersModel();
    QCOMPARE(page()->findChild<QLabel*>(QStringLiteral("membersHeading"))->text(),
             QStringLiteral("Members of Billing"));
    QCOMPARE(members->rowCount(), 1);
    QCOMPARE(cellText(members, 0, 0), QStringLiteral("root-admin"));
    QCOMPARE(cellText(members, 0, 1), QStringLiteral("Admin"));
    QCOMPARE(cellText(members, 0, 2), QStringLiteral("Owner"));

    // Add a member: existing users who are not members yet.
    dialog = openDialog("addMemberButton", "addMemberDialog");
    QVERIFY(dialog);
    auto* user = dialog->findChild<QComboBox*>(QStringLiteral("memberUser"));
    QCOMPARE(user->count(), 4); // everyone but root-admin
    QVERIFY(user->findText(QStringLiteral("root-admin")) < 0);
    user->setCurrentIndex(user->findText(QStringLiteral("olga")));
    auto* role = dialog->findChild<QComboBox*>(QStringLiteral("memberTeamRole"));
    QCOMPARE(role->currentText(), QStringLiteral("Member"));
    saveScreenshot(dialog, QStringLiteral("teams_add_member_dialog.png"));
    test::clickOk(dialog);
    QTRY_COMPARE_WITH_TIMEOUT(members->rowCount(), 2, 2000);
    const int olga = rowOf(members, QStringLiteral("olga"));
    QVERIFY(olga >= 0);
    QCOMPARE(cellText(members, olga, 1), QStringLiteral("Developer"));
    QCOMPARE(cellText(members, olga, 2), QStringLiteral("Member"));
    QCOMPARE(cellText(teams, rowOf(teams, QStringLiteral("Billing")), 1), QStringLiteral("2"));

    // Change her team role with the role box (as with the keyboard).
    auto* roleBox = page()->findChild<QComboBox*>(QStringLiteral("memberRoleCombo"));
    QVERIFY(!roleBox->isEnabled()); // nobody selected
    clickRow(page()->membersView(), olga);
    QVERIFY(roleBox->isVisible() && roleBox->isEnabled());
    QCOMPARE(roleBox->currentText(), QStringLiteral("Member"));
    QTest::keyClick(roleBox, Qt::Key_Down);
    QTRY_COMPARE_WITH_TIMEOUT(cellText(members, rowOf(members, QStringLiteral("olga")), 2),
                              QStringLiteral("Owner"), 2000);
    QTRY_COMPARE(roleBox->currentText(), QStringLiteral("Owner"));
    QVERIFY(page()->message().isEmpty());
    QTest::qWait(50);
    saveScreenshot(m_window.get(), QStringLiteral("teams_members.png"));

    // And remove her again.
    QTest::mouseClick(button(page(), "removeMemberButton"), Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(members->rowCount(), 1, 2000);
    QCOMPARE(rowOf(members, QStringLiteral("olga")), -1);
    const auto stored = call([team = m_world.teamId](CatalogStore& s) {
        QStringList names;
        for (const Team& t : s.teams().teams()) {
            if (t.name == QLatin1String("Billing"))
                for (const TeamMember& m : s.teams().members(t.id))
                    names << m.userName;
        }
        Q_UNUSED(team);
        return names;
    });
    QVERIFY(stored);
    QCOMPARE(*stored, QStringList{QStringLiteral("root-admin")});
}

void TestTeamsPage::inviteUserIsValidatedByTheDomain()
{
    QVERIFY(page()->tabs()->isTabVisible(TeamsPage::UsersTab));
    page()->tabs()->setCurrentIndex(TeamsPage::UsersTab);
    const QAbstractItemModel* users = page()->usersModel();
    QCOMPARE(users->rowCount(), 5);

    FormDialog* dialog = openDialog("inviteUserButton", "inviteUserDialog");
    QVERIFY(dialog);
    // No name: the domain refuses, the dialog says why and stays open.
    test::clickOk(dialog);
    QTRY_VERIFY_WITH_TIMEOUT(!dialog->errorText().isEmpty(), 2000);
    QVERIFY2(dialog->errorText().contains(QStringLiteral("Refused (invalid input)")) &&
                 dialog->errorText().contains(QStringLiteral("user name must be")),
             qPrintable(dialog->errorText()));
    QVERIFY(dialog->isVisible());
    saveScreenshot(dialog, QStringLiteral("teams_invite_refused.png"));
    const auto count = call(
        [admin = m_localAdmin](CatalogStore& s) { return int(s.users().users(admin).size()); });
    QVERIFY(count);
    QCOMPARE(*count, 5); // nothing created
    QCOMPARE(users->rowCount(), 5);

    // Passwords that differ never reach the domain.
    QTest::keyClicks(dialog->findChild<QLineEdit*>(QStringLiteral("userName")),
                     QStringLiteral("nina"));
    QTest::keyClicks(dialog->findChild<QLineEdit*>(QStringLiteral("displayName")),
                     QStringLiteral("Nina Petrova"));
    QTest::keyClicks(dialog->findChild<QLineEdit*>(QStringLiteral("password")),
                     QStringLiteral("long enough pw"));
    QTest::keyClicks(dialog->findChild<QLineEdit*>(QStringLiteral("passwordRepeat")),
                     QStringLiteral("long enough pW"));
    test::clickOk(dialog);
    QCOMPARE(dialog->errorText(), QStringLiteral("The two passwords differ."));
    // A short one does, and is refused there.
    for (const char* field : {"password", "passwordRepeat"}) {
        auto* edit = dialog->findChild<QLineEdit*>(QLatin1String(field));
        edit->clear();
        QTest::keyClicks(edit, QStringLiteral("short"));
    }
    test::clickOk(dialog);
    QTRY_VERIFY_WITH_TIMEOUT(dialog->errorText().contains(QStringLiteral("at least 8")), 2000);
    for (const char* field : {"password", "passwordRepeat"}) {
        auto* edit = dialog->findChild<QLineEdit*>(QLatin1String(field));
        edit->clear();
        QTest::keyClicks(edit, QStringLiteral("long enough pw"));
    }
    test::clickOk(dialog);
    QTRY_VERIFY_WITH_TIMEOUT(rowOf(users, QStringLiteral("nina")) >= 0, 2000);
    QTRY_VERIFY(!page()->findChild<FormDialog*>(QStringLiteral("inviteUserDialog")));
    int nina = rowOf(users, QStringLiteral("nina"));
    QCOMPARE(cellText(users, nina, 1), QStringLiteral("Nina Petrova"));
    QCOMPARE(cellText(users, nina, 2), QStringLiteral("Developer"));
    QCOMPARE(cellText(users, nina, 3), QStringLiteral("Password"));
    QCOMPARE(cellText(users, rowOf(users, QStringLiteral("root-admin")), 3),
             QStringLiteral("This computer's account"));
    QCOMPARE(cellText(users, rowOf(users, QStringLiteral("dev")), 3),
             QStringLiteral("No password yet"));

    // Change her organisation role.
    auto* roleBox = page()->findChild<QComboBox*>(QStringLiteral("userRoleCombo"));
    clickRow(page()->usersView(), nina);
    QCOMPARE(roleBox->currentText(), QStringLiteral("Developer"));
    QTest::keyClick(roleBox, Qt::Key_Up);
    QTRY_COMPARE_WITH_TIMEOUT(cellText(users, rowOf(users, QStringLiteral("nina")), 2),
                              QStringLiteral("Publisher"), 2000);
    const auto signIn = call([](CatalogStore& s) {
        return s.users().signIn(QStringLiteral("nina"), QStringLiteral("long enough pw"));
    });
    QVERIFY(signIn && *signIn);
    QVERIFY((*signIn)->role == Role::Publisher);
    QTest::qWait(50);
    saveScreenshot(m_window.get(), QStringLiteral("teams_users.png"));
}

void TestTeamsPage::onlyWhatTheActorMayDo()
{
    // A developer who is a plain member of Payments.
    TeamsPage developer(m_catalog.get(), m_world.developer);
    developer.resize(1000, 600);
    developer.show();
    QVERIFY(waitForLoad(&developer));
    QCOMPARE(developer.teamsModel()->rowCount(), 2);
    QVERIFY(!button(&developer, "newTeamButton")->isVisible());
    QVERIFY(!developer.tabs()->isTabVisible(TeamsPage::UsersTab));
    QVERIFY(!developer.tabs()->isTabVisible(TeamsPage::AuditTab));
    developer.teamsView()->selectRow(rowOf(developer.teamsModel(), QStringLiteral("Payments")));
    QCOMPARE(developer.membersModel()->rowCount(), 2);
    QVERIFY(!button(&developer, "addMemberButton")->isVisible());
    QVERIFY(!button(&developer, "removeMemberButton")->isVisible());
    QVERIFY(!developer.findChild<QComboBox*>(QStringLiteral("memberRoleCombo"))->isVisible());
    QVERIFY(!developer.findChild<QComboBox*>(QStringLiteral("viewAsCombo"))->isVisible());
    developer.setViewAsAvailable(true); // only for admins
    QVERIFY(!developer.isViewAsAvailable());
    saveScreenshot(&developer, QStringLiteral("teams_as_developer.png"));

    // A publisher manages the team they own, and creates teams, but no users.
    TeamsPage publisher(m_catalog.get(), m_world.publisher);
    publisher.resize(1000, 600);
    publisher.show();
    QVERIFY(waitForLoad(&publisher));
    QVERIFY(button(&publisher, "newTeamButton")->isVisible());
    QVERIFY(!publisher.tabs()->isTabVisible(TeamsPage::UsersTab));
    QVERIFY(!publisher.tabs()->isTabVisible(TeamsPage::AuditTab));
    publisher.teamsView()->selectRow(rowOf(publisher.teamsModel(), QStringLiteral("Payments")));
    QVERIFY(button(&publisher, "addMemberButton")->isVisible());
    QVERIFY(button(&publisher, "removeMemberButton")->isVisible());
    publisher.teamsView()->selectRow(rowOf(publisher.teamsModel(), QStringLiteral("Search")));
    QVERIFY(!button(&publisher, "addMemberButton")->isVisible());

    // Without an account, the page says so.
    TeamsPage nobody(m_catalog.get(), std::nullopt);
    QVERIFY(nobody.message().contains(QStringLiteral("unavailable")));
    QCOMPARE(nobody.teamsModel()->rowCount(), 0);
}

void TestTeamsPage::refusedActionsShowTheDomainsMessage()
{
    // The last owner of a team cannot leave it: the page does not know that
    // rule, the domain says so.
    const QAbstractItemModel* teams = page()->teamsModel();
    clickRow(page()->teamsView(), rowOf(teams, QStringLiteral("Search")));
    const QAbstractItemModel* members = page()->membersModel();
    QCOMPARE(members->rowCount(), 1);
    clickRow(page()->membersView(), 0);
    QTest::mouseClick(button(page(), "removeMemberButton"), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(!page()->message().isEmpty(), 2000);
    QVERIFY(page()->isMessageError());
    QCOMPARE(page()->message(),
             QStringLiteral("Refused (not possible now): a team keeps at least one owner"));
    QCOMPARE(members->rowCount(), 1);
    QTest::qWait(50);
    saveScreenshot(m_window.get(), QStringLiteral("teams_refused.png"));

    // A publisher whose ownership is taken away elsewhere (another console
    // on the same catalog) still sees "Add Member…"; the domain refuses it.
    TeamsPage publisher(m_catalog.get(), m_world.publisher);
    publisher.show();
    QVERIFY(waitForLoad(&publisher));
    publisher.teamsView()->selectRow(rowOf(publisher.teamsModel(), QStringLiteral("Payments")));
    QVERIFY(button(&publisher, "addMemberButton")->isVisible());
    {
        Database elsewhere(QStringLiteral("another-console"));
        QVERIFY2(elsewhere.open(m_catalog->location()), qPrintable(elsewhere.lastError()));
        TeamService teams(elsewhere);
        QVERIFY2(teams.setMember(m_world.admin, m_world.teamId, m_world.developer.userId,
                                 TeamRole::Owner) &&
                     teams.setMember(m_world.admin, m_world.teamId, m_world.publisher.userId,
                                     TeamRole::Member),
                 qPrintable(teams.lastError()));
        elsewhere.close();
    }
    QTest::mouseClick(button(&publisher, "addMemberButton"), Qt::LeftButton);
    QPointer<FormDialog> dialog =
        publisher.findChild<FormDialog*>(QStringLiteral("addMemberDialog"));
    QVERIFY(dialog);
    auto* user = dialog->findChild<QComboBox*>(QStringLiteral("memberUser"));
    user->setCurrentIndex(user->findText(QStringLiteral("olga")));
    test::clickOk(dialog);
    QTRY_VERIFY_WITH_TIMEOUT(dialog && !dialog->errorText().isEmpty(), 2000);
    QCOMPARE(dialog->errorText(),
             QStringLiteral("Refused (permission denied): only admins and team owners may "
                            "manage members"));
    saveScreenshot(dialog, QStringLiteral("teams_add_member_refused.png"));
    dialog->reject();
    QCOMPARE(rowOf(publisher.membersModel(), QStringLiteral("olga")), -1);
}

void TestTeamsPage::auditLogShowsWhoDidWhatWithBeforeAndAfter()
{
    // Two changes through the page: a new team, and a role change in it.
    FormDialog* dialog = openDialog("newTeamButton", "newTeamDialog");
    QVERIFY(dialog);
    QTest::keyClicks(dialog->findChild<QLineEdit*>(QStringLiteral("teamName")),
                     QStringLiteral("Audited"));
    test::clickOk(dialog);
    const QAbstractItemModel* teams = page()->teamsModel();
    QTRY_VERIFY_WITH_TIMEOUT(rowOf(teams, QStringLiteral("Audited")) >= 0, 2000);
    clickRow(page()->teamsView(), rowOf(teams, QStringLiteral("Audited")));
    dialog = openDialog("addMemberButton", "addMemberDialog");
    QVERIFY(dialog);
    auto* user = dialog->findChild<QComboBox*>(QStringLiteral("memberUser"));
    user->setCurrentIndex(user->findText(QStringLiteral("dev")));
    test::clickOk(dialog);
    const QAbstractItemModel* members = page()->membersModel();
    QTRY_VERIFY_WITH_TIMEOUT(rowOf(members, QStringLiteral("dev")) >= 0, 2000);
    clickRow(page()->membersView(), rowOf(members, QStringLiteral("dev")));
    QTest::keyClick(page()->findChild<QComboBox*>(QStringLiteral("memberRoleCombo")), Qt::Key_Down);
    QTRY_COMPARE_WITH_TIMEOUT(cellText(members, rowOf(members, QStringLiteral("dev")), 2),
                              QStringLiteral("Owner"), 2000);

    // The audit tab lists them, newest first.
    QVERIFY(page()->tabs()->isTabVisible(TeamsPage::AuditTab));
    page()->tabs()->setCurrentIndex(TeamsPage::AuditTab);
    AuditPage* audit = page()->auditPage();
    const AuditModel* model = audit->model();
    QTRY_VERIFY_WITH_TIMEOUT(
        model->rowCount() > 0 && model->entry(0)->action == QLatin1String("team.set_member"), 2000);
    const AuditEntry* newest = model->entry(0);
    QCOMPARE(newest->actorName, QStringLiteral("root-admin"));
    QCOMPARE(cellText(model, 0, AuditModel::Actor), QStringLiteral("root-admin"));
    QCOMPARE(cellText(model, 0, AuditModel::ObjectType), QStringLiteral("team"));
    bool sawCreate = false;
    for (int row = 0; row < model->rowCount(); ++row) {
        if (model->entry(row)->action != QLatin1String("team.create") ||
            model->entry(row)->after.value(QStringLiteral("name")).toString() !=
                QLatin1String("Audited"))
            continue;
        sawCreate = true;
        // The object by its name, not only its id.
        QCOMPARE(cellText(model, row, AuditModel::ObjectName), QStringLiteral("Audited"));
    }
    QVERIFY(sawCreate);

    // Filter: the admin's team.set_member entries of the last hour.
    auto choose = [](QComboBox* combo, const QString& text) {
        const int index = combo->findText(text);
        QVERIFY2(index >= 0, qPrintable(text));
        combo->setCurrentIndex(index);
        emit combo->activated(index); // as a click in the list does
    };
    choose(audit->actionFilter(), QStringLiteral("team.set_member"));
    choose(audit->actorFilter(), QStringLiteral("root-admin"));
    choose(audit->timeFilter(), QStringLiteral("Last hour"));
    QTRY_VERIFY_WITH_TIMEOUT(
        model->rowCount() > 0 &&
            [model] {
                for (int row = 0; row < model->rowCount(); ++row) {
                    if (model->entry(row)->action != QLatin1String("team.set_member"))
                        return false;
                }
                return true;
            }(),
        2000);
    // Root-admin's own set_member entries: two teams made with them as owner (Audited,
    // and none other here), dev added, dev promoted.
    QCOMPARE(model->rowCount(), 3);

    // The promotion, before and after side by side, the change highlighted.
    QTest::mouseClick(audit->view()->viewport(), Qt::LeftButton, {},
                      audit->view()->visualRect(model->index(0, 0)).center());
    AuditDiffView* diff = audit->details();
    QVERIFY2(diff->heading().startsWith(QStringLiteral("team.set_member on team #")),
             qPrintable(diff->heading()));
    QCOMPARE(diff->changedKeys(), QStringList{QStringLiteral("teamRole")});
    QTableWidget* table = diff->table();
    QCOMPARE(table->rowCount(), 3); // teamId, teamRole, userId
    int roleRow = -1;
    for (int row = 0; row < table->rowCount(); ++row) {
        if (table->item(row, 0)->text() == QLatin1String("teamRole"))
            roleRow = row;
        else
            QVERIFY(!table->item(row, 1)->data(Qt::UserRole).toBool());
    }
    QVERIFY(roleRow >= 0);
    QCOMPARE(table->item(roleRow, 1)->text(), QStringLiteral("member"));
    QCOMPARE(table->item(roleRow, 2)->text(), QStringLiteral("owner"));
    QVERIFY(table->item(roleRow, 2)->data(Qt::UserRole).toBool());
    QVERIFY(table->item(roleRow, 2)->background().color().alpha() > 0);
    QTest::qWait(50);
    saveScreenshot(m_window.get(), QStringLiteral("audit_log.png"));

    // A creation has nothing before.
    choose(audit->actionFilter(), QStringLiteral("team.create"));
    QTRY_VERIFY_WITH_TIMEOUT(
        model->rowCount() > 0 && model->entry(0)->action == QLatin1String("team.create"), 2000);
    audit->view()->selectRow(0);
    QVERIFY(diff->changedKeys().contains(QStringLiteral("name")));
    for (int row = 0; row < diff->table()->rowCount(); ++row)
        QCOMPARE(diff->table()->item(row, 1)->text(), QStringLiteral("(none)"));

    // Another actor: nothing of theirs matches.
    choose(audit->actorFilter(), QStringLiteral("olga"));
    QTRY_COMPARE_WITH_TIMEOUT(model->rowCount(), 0, 2000);
    QCOMPARE(diff->heading(), QStringLiteral("No entries match."));
}

void TestTeamsPage::auditLogRefusesNonAdmins()
{
    AuditPage audit(m_catalog.get(), m_world.developer);
    QTRY_VERIFY_WITH_TIMEOUT(audit.loadCount() > 0, 2000);
    QCOMPARE(audit.message(), QStringLiteral("Refused (permission denied): only admins may read "
                                             "the audit log"));
    QCOMPARE(audit.model()->rowCount(), 0);
}

void TestTeamsPage::signInDialog()
{
    const auto set = call([dev = m_world.developer.userId, admin = m_world.admin](CatalogStore& s) {
        return s.users().setPassword(admin, dev, QStringLiteral("developer secret"));
    });
    QVERIFY(set && *set);

    SignInDialog dialog(m_catalog.get(), QStringLiteral("postgresql://db.example/gatehouse"));
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    QPushButton* ok = dialog.findChild<QDialogButtonBox*>()->button(QDialogButtonBox::Ok);
    QVERIFY(!ok->isEnabled());
    QTest::keyClicks(dialog.nameEdit(), QStringLiteral("dev"));
    QTest::keyClicks(dialog.passwordEdit(), QStringLiteral("wrong secret"));
    // Enabled once the dialog knows the catalog has accounts (an empty one
    // asks for a first admin instead): a storage-thread round trip.
    QTRY_VERIFY_WITH_TIMEOUT(ok->isEnabled(), 3000);
    QTest::mouseClick(ok, Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(!dialog.errorText().isEmpty(), 5000);
    QCOMPARE(dialog.errorText(), QStringLiteral("Cannot sign in: unknown user or wrong password"));
    QVERIFY(dialog.isVisible());
    QVERIFY(!dialog.principal());
    QVERIFY(dialog.passwordEdit()->text().isEmpty());
    saveScreenshot(&dialog, QStringLiteral("sign_in_refused.png"));

    QTest::keyClicks(dialog.passwordEdit(), QStringLiteral("developer secret"));
    QTRY_VERIFY_WITH_TIMEOUT(ok->isEnabled(), 3000);
    QTest::mouseClick(ok, Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(dialog.result(), int(QDialog::Accepted), 5000);
    QVERIFY(dialog.principal());
    QCOMPARE(dialog.principal()->name, QStringLiteral("dev"));
    QCOMPARE(dialog.principal()->userId, m_world.developer.userId);
    QVERIFY(dialog.principal()->role == Role::Developer);
}

void TestTeamsPage::signInDialogCreatesTheFirstAdmin()
{
    // A shared catalog nobody has used yet: no local admin, no users.
    CatalogService empty;
    QVERIFY(empty.open(m_dir.filePath(QStringLiteral("empty-%1.db").arg(m_databases))).isEmpty());
    SignInDialog dialog(&empty, QStringLiteral("postgresql://db.example/fresh"));
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    QTRY_VERIFY_WITH_TIMEOUT(dialog.isCreatingFirstAdmin(), 2000);
    QVERIFY(dialog.repeatEdit()->isVisible());
    QPushButton* ok = dialog.findChild<QDialogButtonBox*>()->button(QDialogButtonBox::Ok);
    QCOMPARE(ok->text(), QStringLiteral("Create and Sign In"));
    QTest::keyClicks(dialog.nameEdit(), QStringLiteral("boss"));
    QTest::keyClicks(dialog.passwordEdit(), QStringLiteral("short"));
    QVERIFY(!ok->isEnabled()); // the password twice
    QTest::keyClicks(dialog.repeatEdit(), QStringLiteral("shorT"));
    QTest::mouseClick(ok, Qt::LeftButton);
    QCOMPARE(dialog.errorText(), QStringLiteral("The two passwords differ."));
    dialog.repeatEdit()->clear();
    QTest::keyClicks(dialog.repeatEdit(), QStringLiteral("short"));
    QTest::mouseClick(ok, Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(dialog.errorText().contains(QStringLiteral("at least 8")), 2000);
    QVERIFY(dialog.errorText().startsWith(QStringLiteral("Cannot create the administrator: ")));
    saveScreenshot(&dialog, QStringLiteral("sign_in_first_admin.png"));
    for (QLineEdit* edit : {dialog.passwordEdit(), dialog.repeatEdit()}) {
        edit->clear();
        QTest::keyClicks(edit, QStringLiteral("first admin pw"));
    }
    QTest::mouseClick(ok, Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(dialog.result(), int(QDialog::Accepted), 5000);
    QCOMPARE(dialog.principal()->name, QStringLiteral("boss"));
    QVERIFY(dialog.principal()->isAdmin());

    // The next start signs in as usual.
    SignInDialog again(&empty, QStringLiteral("postgresql://db.example/fresh"));
    QTest::keyClicks(again.nameEdit(), QStringLiteral("boss"));
    QTest::keyClicks(again.passwordEdit(), QStringLiteral("first admin pw"));
    // OK is enabled once the check for users has come back.
    QTRY_VERIFY_WITH_TIMEOUT(
        again.findChild<QDialogButtonBox*>()->button(QDialogButtonBox::Ok)->isEnabled(), 2000);
    QVERIFY(!again.isCreatingFirstAdmin());
    QVERIFY(!again.repeatEdit()->isVisibleTo(&again));
}

void TestTeamsPage::viewAsSwitchesWhatIsVisible()
{
    QComboBox* viewAs = page()->viewAsCombo();
    QVERIFY(!viewAs->isVisible()); // only where main() offers it: local workspaces
    page()->setViewAsAvailable(true);
    QVERIFY(viewAs->isVisible());
    QCOMPARE(viewAs->currentText(), QStringLiteral("Admin"));
    QLabel* banner = m_window->viewAsBanner();
    QVERIFY(!banner->isVisible());
    QSignalSpy acting(m_window.get(), &MainWindow::actingPrincipalChanged);
    // The other catalog pages act as the same person: the admin's own
    // application disappears from the Applications page of a developer.
    const auto adminApp = call([admin = m_localAdmin](CatalogStore& s) {
        return s.applications().createApplication(admin, QStringLiteral("admin-tool")).has_value();
    });
    QVERIFY(adminApp && *adminApp);
    const ApplicationsModel* apps = m_window->applicationsPage()->applicationsModel();
    QTRY_VERIFY_WITH_TIMEOUT(rowOf(apps, QStringLiteral("admin-tool")) >= 0, 3000);
    // ...and another team's draft from the catalog.
    const auto hiddenApi =
        call([admin = m_localAdmin, team = m_world.otherTeamId](CatalogStore& s) {
            ApiDefinition api;
            api.slug = QStringLiteral("ledger");
            api.name = QStringLiteral("Ledger");
            api.teamId = team;
            api.basePath = QStringLiteral("/ledger");
            api.visibility = ApiVisibility::Team;
            return s.apis().createApi(admin, api).has_value();
        });
    QVERIFY(hiddenApi && *hiddenApi);
    const QAbstractItemModel* catalog = m_window->catalogPage()->tableView()->model();
    QTRY_VERIFY_WITH_TIMEOUT(rowOf(catalog, QStringLiteral("Ledger")) >= 0, 3000);

    // As a developer: no team actions, no users, no audit log.
    viewAs->setCurrentIndex(viewAs->findText(QStringLiteral("Developer")));
    emit viewAs->activated(viewAs->currentIndex());
    QTRY_VERIFY_WITH_TIMEOUT(banner->isVisible(), 2000);
    QCOMPARE(acting.size(), 1);
    const auto developer = acting.at(0).at(0).value<Principal>();
    QCOMPARE(developer.name, QStringLiteral("dev"));
    QVERIFY(page()->isViewingAs());
    QVERIFY2(banner->text().contains(QStringLiteral("Viewing as dev (Developer)")),
             qPrintable(banner->text()));
    QTRY_VERIFY_WITH_TIMEOUT(!page()->tabs()->isTabVisible(TeamsPage::UsersTab), 2000);
    QVERIFY(!page()->tabs()->isTabVisible(TeamsPage::AuditTab));
    QVERIFY(!button(page(), "newTeamButton")->isVisible());
    QVERIFY(!button(page(), "addMemberButton")->isVisible());
    QCOMPARE(viewAs->currentText(), QStringLiteral("Developer"));
    const auto devApp = call([developer](CatalogStore& s) {
        return s.applications()
            .createApplication(developer, QStringLiteral("dev-tool"))
            .has_value();
    });
    QVERIFY(devApp && *devApp);
    QTRY_VERIFY_WITH_TIMEOUT(rowOf(apps, QStringLiteral("dev-tool")) >= 0, 3000);
    QCOMPARE(rowOf(apps, QStringLiteral("admin-tool")), -1);
    QTRY_COMPARE_WITH_TIMEOUT(rowOf(catalog, QStringLiteral("Ledger")), -1, 3000);
    QTest::qWait(50);
    saveScreenshot(m_window.get(), QStringLiteral("teams_view_as_developer.png"));

    // As a publisher: owner of Search ("otto" comes first by name).
    QTest::keyClick(viewAs, Qt::Key_Up);
    QTRY_COMPARE_WITH_TIMEOUT(acting.size(), 2, 2000);
    QCOMPARE(acting.at(1).at(0).value<Principal>().name, QStringLiteral("otto"));
    QTRY_VERIFY_WITH_TIMEOUT(button(page(), "newTeamButton")->isVisible(), 2000);
    QVERIFY(banner->text().contains(QStringLiteral("otto (Publisher)")));
    page()->teamsView()->selectRow(rowOf(page()->teamsModel(), QStringLiteral("Search")));
    QVERIFY(button(page(), "addMemberButton")->isVisible());
    page()->teamsView()->selectRow(rowOf(page()->teamsModel(), QStringLiteral("Payments")));
    QVERIFY(!button(page(), "addMemberButton")->isVisible());

    // Back to the admin.
    QTest::keyClick(viewAs, Qt::Key_Home);
    QTRY_COMPARE_WITH_TIMEOUT(acting.size(), 3, 2000);
    QCOMPARE(acting.at(2).at(0).value<Principal>().userId, m_localAdmin.userId);
    QVERIFY(!banner->isVisible());
    QTRY_VERIFY_WITH_TIMEOUT(rowOf(apps, QStringLiteral("admin-tool")) >= 0, 3000);
    QTRY_VERIFY_WITH_TIMEOUT(rowOf(catalog, QStringLiteral("Ledger")) >= 0, 3000);
    QVERIFY(!page()->isViewingAs());
    QTRY_VERIFY_WITH_TIMEOUT(page()->tabs()->isTabVisible(TeamsPage::UsersTab), 2000);
    QVERIFY(page()->tabs()->isTabVisible(TeamsPage::AuditTab));
    QVERIFY(button(page(), "addMemberButton")->isVisible());
}

void TestTeamsPage::changesFromAnotherConsoleAppear()
{
    // Another writer on the same catalog: only the sync's poll notices it.
    GatewayConfigSync sync(*m_catalog, *m_gateway);
    sync.setPollInterval(100);
    page()->tabs()->setCurrentIndex(TeamsPage::AuditTab);
    const AuditModel* audit = page()->auditPage()->model();
    QTRY_VERIFY_WITH_TIMEOUT(audit->rowCount() > 0, 2000);
    {
        Database elsewhere(QStringLiteral("another-console"));
        QVERIFY2(elsewhere.open(m_catalog->location()), qPrintable(elsewhere.lastError()));
        TeamService teams(elsewhere);
        QVERIFY2(teams.createTeam(m_world.admin, QStringLiteral("Remote")),
                 qPrintable(teams.lastError()));
        elsewhere.close();
    }
    QTRY_VERIFY_WITH_TIMEOUT(rowOf(page()->teamsModel(), QStringLiteral("Remote")) >= 0, 3000);
    QTRY_VERIFY_WITH_TIMEOUT(
        audit->entry(0) && audit->entry(0)->after.value(QStringLiteral("teamId")).toInteger() ==
                               page()
                                   ->teamsModel()
                                   ->index(rowOf(page()->teamsModel(), QStringLiteral("Remote")), 0)
                                   .data(Qt::UserRole + 1)
                                   .toLongLong(),
        3000);
}

void TestTeamsPage::germanLayoutFits()
{
    QTranslator translator;
    QVERIFY(translator.load(QStringLiteral(":/i18n/gatehouse_de.qm")));
    QVERIFY(QCoreApplication::installTranslator(&translator));
    MainWindow window(m_gateway.get());
    window.setCatalogService(m_catalog.get(), m_localAdmin);
    window.teamsPage()->setViewAsAvailable(true);
    window.resize(1280, 720);
    window.setCurrentPage(MainWindow::Teams);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    TeamsPage* teams = window.teamsPage();
    QVERIFY(waitForLoad(teams));
    teams->teamsView()->selectRow(0);
    teams->membersView()->selectRow(0);
    QCOMPARE(teams->tabs()->tabText(TeamsPage::UsersTab), QStringLiteral("&Benutzer"));
    auto fits = [](QWidget* root) {
        for (QPushButton* b : root->findChildren<QPushButton*>()) {
            if (b->isVisible())
                QVERIFY2(b->fontMetrics().horizontalAdvance(b->text().remove(QLatin1Char('&'))) <
                             b->width(),
                         qPrintable(b->text()));
        }
        for (QComboBox* c : root->findChildren<QComboBox*>()) {
            if (c->isVisible())
                QVERIFY2(c->fontMetrics().horizontalAdvance(c->currentText()) < c->width(),
                         qPrintable(c->currentText()));
        }
        for (QLabel* l : root->findChildren<QLabel*>()) {
            if (l->isVisible() && !l->wordWrap())
                QVERIFY2(l->fontMetrics().horizontalAdvance(l->text().remove(QLatin1Char('&'))) <=
                             l->width(),
                         qPrintable(l->text()));
        }
    };
    QTest::qWait(50);
    fits(teams);
    saveScreenshot(&window, QStringLiteral("teams_de.png"));
    teams->tabs()->setCurrentIndex(TeamsPage::UsersTab);
    teams->usersView()->selectRow(0);
    QTest::qWait(50);
    fits(teams);
    saveScreenshot(&window, QStringLiteral("teams_users_de.png"));
    teams->tabs()->setCurrentIndex(TeamsPage::AuditTab);
    QTRY_VERIFY_WITH_TIMEOUT(teams->auditPage()->model()->rowCount() > 0, 2000);
    teams->auditPage()->view()->selectRow(0);
    QTest::qWait(50);
    fits(teams);
    saveScreenshot(&window, QStringLiteral("audit_de.png"));
    QCoreApplication::removeTranslator(&translator);
}

QTEST_MAIN(TestTeamsPage)
#include "tst_teams_page.moc"
