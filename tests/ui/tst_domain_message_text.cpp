// SPDX-FileCopyrightText: Gatehouse contributors
// SPDX-License-Identifier: Apache-2.0
#include "ui/domain_message_text.h"

#include "app/catalog_service.h"
#include "app/catalog_startup.h"
#include "app/domain/domain_messages.h"
#include "app/gateway_controller.h"
#include "console_test_environment.h"
#include "dialog_driver.h"
#include "screenshot.h"
#include "tests/app/test_databases.h"
#include "ui/console_translations.h"
#include "ui/main_window.h"
#include "ui/teams/form_dialog.h"
#include "ui/teams/teams_page.h"

#include <QCoreApplication>
#include <QLineEdit>
#include <QPushButton>
#include <QStandardItemModel>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace gatehouse;
using namespace gatehouse::app;
using gatehouse::test::saveScreenshot;
using gatehouse::ui::ConsoleTranslations;
using gatehouse::ui::FormDialog;
using gatehouse::ui::MainWindow;
using gatehouse::ui::TeamsPage;

// The domain's refusals reach the console as templates and are shown in the
// console's language, through the console's own German translation (the
// templates reach translations/*.ts through lupdate). The refusals are real
// ones, from the domain on the catalog's storage thread, shown by the Teams
// page.
class TestDomainMessageText : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();

    void argumentsAreTranslatedToo();
    void englishWithoutATranslation();
    void refusalOnThePageIsGerman();
    void refusalInADialogIsGerman();

private:
    TeamsPage* page() const { return m_window->teamsPage(); }
    void clickRow(QTableView* view, const QString& text);

    QTemporaryDir m_dir;
    TestWorld m_world;
    std::unique_ptr<ConsoleTranslations> m_german;
    std::unique_ptr<CatalogService> m_catalog;
    std::unique_ptr<GatewayController> m_gateway;
    std::unique_ptr<MainWindow> m_window;
    int m_databases = 0;
};

void TestDomainMessageText::initTestCase()
{
    test::useConsoleTestEnvironment(QStringLiteral("tst_domain_message_text"));
    QVERIFY(m_dir.isValid());
}

void TestDomainMessageText::init()
{
    m_german = std::make_unique<ConsoleTranslations>(QLocale(QLocale::German, QLocale::Germany));
    QVERIFY(m_german->hasConsoleTranslation());

    m_catalog = std::make_unique<CatalogService>();
    const QString path = m_dir.filePath(QStringLiteral("catalog-%1.db").arg(++m_databases));
    const CatalogStartup startup = startCatalog(*m_catalog, path);
    QVERIFY2(startup.error.isEmpty() && startup.localAdmin, qPrintable(startup.error));
    QString error;
    QVERIFY2(m_catalog->runAndWait(
                 [&](CatalogStore& store) { return m_world.seed(store.database(), &error); }),
             qPrintable(error));
    m_gateway = std::make_unique<GatewayController>();
    m_gateway->setStatsInterval(0);
    m_window = std::make_unique<MainWindow>(m_gateway.get());
    m_window->setCatalogService(m_catalog.get(), *startup.localAdmin);
    m_window->resize(1280, 760);
    QVERIFY(page());
    m_window->setCurrentPage(MainWindow::Teams);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
}

void TestDomainMessageText::cleanup()
{
    m_window.reset();
    m_gateway.reset();
    m_catalog.reset();
    m_german.reset();
}

void TestDomainMessageText::clickRow(QTableView* view, const QString& text)
{
    QTRY_VERIFY_WITH_TIMEOUT(view->model()->rowCount() > 0, 2000);
    for (int row = 0; row < view->model()->rowCount(); ++row) {
        const QModelIndex index = view->model()->index(row, 0);
        if (index.data().toString() == text) {
            QTest::mouseClick(view->viewport(), Qt::LeftButton, {},
                              view->visualRect(index).center());
            return;
        }
    }
    QFAIL(qPrintable(QStringLiteral("no row %1").arg(text)));
}

void TestDomainMessageText::argumentsAreTranslatedToo()
{
    // A state put into a sentence is a template of its own.
    const DomainMessage already(msg::AlreadyInState, {toMessage(ApiState::Published)});
    QCOMPARE(already.toString(), QStringLiteral("the API is already published"));
    QCOMPARE(ui::domainMessageText(already), QStringLiteral("die API ist bereits veröffentlicht"));
    // User data is never looked up, even when it reads like a template.
    const DomainMessage team(msg::TeamExists, {QStringLiteral("published")});
    QCOMPARE(ui::domainMessageText(team), QStringLiteral("das Team „published“ gibt es schon"));
    // A database driver's text is shown as it is.
    QCOMPARE(ui::domainMessageText(DomainMessage(QStringLiteral("disk I/O error"))),
             QStringLiteral("disk I/O error"));
}

void TestDomainMessageText::englishWithoutATranslation()
{
    // In German, then in a language the console has no translation for:
    // the English source.
    const DomainMessage m(msg::PasswordTooShort, {DomainMessage::number(8)});
    QCOMPARE(ui::domainMessageText(m),
             QStringLiteral("das Passwort muss mindestens 8 Zeichen haben"));
    m_german.reset();
    QCOMPARE(ui::domainMessageText(m), QStringLiteral("password must have at least 8 characters"));
}

void TestDomainMessageText::refusalOnThePageIsGerman()
{
    // The last owner of a team cannot leave it: the domain refuses, the page
    // shows why, in German.
    clickRow(page()->teamsView(), QStringLiteral("Search"));
    QTRY_COMPARE_WITH_TIMEOUT(page()->membersModel()->rowCount(), 1, 2000);
    const QModelIndex owner = page()->membersModel()->index(0, 0);
    QTest::mouseClick(page()->membersView()->viewport(), Qt::LeftButton, {},
                      page()->membersView()->visualRect(owner).center());
    auto* remove = page()->findChild<QPushButton*>(QStringLiteral("removeMemberButton"));
    QVERIFY(remove && remove->isEnabled());
    QTest::mouseClick(remove, Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(!page()->message().isEmpty(), 2000);
    QVERIFY(page()->isMessageError());
    QCOMPARE(page()->message(),
             QStringLiteral("Abgelehnt (derzeit nicht möglich): ein Team behält mindestens "
                            "einen Eigentümer"));
    QTest::qWait(50);
    saveScreenshot(m_window.get(), QStringLiteral("domain_message_german_page.png"));
}

void TestDomainMessageText::refusalInADialogIsGerman()
{
    // A team name that is taken: the domain says so with the name in it.
    auto* open = page()->findChild<QPushButton*>(QStringLiteral("newTeamButton"));
    QVERIFY(open && open->isEnabled());
    QTest::mouseClick(open, Qt::LeftButton);
    auto* dialog = page()->findChild<FormDialog*>(QStringLiteral("newTeamDialog"));
    QVERIFY(dialog);
    QVERIFY(QTest::qWaitForWindowExposed(dialog));
    QTest::keyClicks(dialog->findChild<QLineEdit*>(QStringLiteral("teamName")),
                     QStringLiteral("Search"));
    test::clickOk(dialog);
    QTRY_VERIFY_WITH_TIMEOUT(!dialog->errorText().isEmpty(), 2000);
    QVERIFY2(dialog->errorText().contains(QStringLiteral("das Team „Search“ gibt es schon")),
             qPrintable(dialog->errorText()));
    QVERIFY2(!dialog->errorText().contains(QStringLiteral("already exists")),
             qPrintable(dialog->errorText()));
    QVERIFY(dialog->isVisible());
    saveScreenshot(dialog, QStringLiteral("domain_message_german_dialog.png"));
}

QTEST_MAIN(TestDomainMessageText)
#include "tst_domain_message_text.moc"
