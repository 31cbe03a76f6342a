// SPDX-FileCopyrightText: Gatehouse contributors
// SPDX-License-Identifier: Apache-2.0
#include "ui/domain_message_text.h"

#include "app/api_cache_policy.h"
#include "app/cache_policy_fields.h"
#include "app/catalog_browser.h"
#include "app/catalog_service.h"
#include "app/catalog_startup.h"
#include "app/catalog_store.h"
#include "app/domain/api_store.h"
#include "app/domain/domain_messages.h"
#include "app/gateway_controller.h"
#include "app/storage/sql_query.h"
#include "app/workspace_file.h"
#include "console_test_environment.h"
#include "dialog_driver.h"
#include "screenshot.h"
#include "tests/app/test_databases.h"
#include "ui/catalog/api_detail_pane.h"
#include "ui/catalog/cache_policy_form.h"
#include "ui/catalog_editor/openapi_import_dialog.h"
#include "ui/console_translations.h"
#include "ui/main_window.h"
#include "ui/teams/form_dialog.h"
#include "ui/teams/teams_page.h"

#include <QCoreApplication>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QStandardItemModel>
#include <QTableView>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTranslator>

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
    void openApiImportProblemsAreGerman();
    void cachePolicyProblemsAreGerman();
    void workspaceApplyErrorsAreGerman();
    void unreadableSubscribersAreGermanWithTheDetailsApart();

private:
    TeamsPage* page() const { return m_window->teamsPage(); }
    void clickRow(QTableView* view, const QString& text);

    QTemporaryDir m_dir;
    TestWorld m_world;
    std::unique_ptr<ConsoleTranslations> m_german;
    // Messages the console's translation does not have yet (see CMakeLists).
    std::unique_ptr<QTranslator> m_newer;
    std::optional<Principal> m_admin;
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
    m_newer = std::make_unique<QTranslator>();
    QVERIFY(m_newer->load(QStringLiteral(":/test-i18n/console_errors_test_de.qm")));
    QVERIFY(QCoreApplication::installTranslator(m_newer.get()));

    m_catalog = std::make_unique<CatalogService>();
    const QString path = m_dir.filePath(QStringLiteral("catalog-%1.db").arg(++m_databases));
    const CatalogStartup startup = startCatalog(*m_catalog, path);
    QVERIFY2(startup.error.isEmpty() && startup.localAdmin, qPrintable(startup.error));
    m_admin = startup.localAdmin;
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
    m_newer.reset();
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

void TestDomainMessageText::openApiImportProblemsAreGerman()
{
    // An unsupported version and a missing title: both in German, each with
    // where it is in the document (the pasted text, named in German too).
    auto* dialog = new ui::OpenApiImportDialog(m_catalog.get(), *m_admin, m_window.get());
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->show();
    QVERIFY(QTest::qWaitForWindowExposed(dialog));
    dialog->setDocumentText(QStringLiteral("openapi: 2.5.0\ninfo:\n  version: 1.0.0\npaths: {}\n"));
    QTRY_VERIFY_WITH_TIMEOUT(dialog->preview() && !dialog->isParsing(), 3000);
    const QStringList english = dialog->preview()->errors;
    QCOMPARE(english.size(), 2);
    QCOMPARE(english.at(0),
             QStringLiteral("eingefügt:1:10: openapi: version '2.5.0' is not supported (3.0 or "
                            "3.1)"));
    QCOMPARE(english.at(1), QStringLiteral("eingefügt:3:3: info.title: is required"));
    auto* errors = dialog->findChild<QLabel*>(QStringLiteral("previewErrors"));
    QVERIFY(errors && errors->isVisible());
    QCOMPARE(errors->text(),
             QStringLiteral("eingefügt:1:10: openapi: Version „2.5.0“ wird nicht unterstützt "
                            "(3.0 oder 3.1)\neingefügt:3:3: info.title: ist erforderlich"));
    QCOMPARE(dialog->findChild<QLabel*>(QStringLiteral("openApiStatus"))->text(),
             QStringLiteral("Das Dokument kann nicht importiert werden:"));
    saveScreenshot(dialog, QStringLiteral("openapi_import_errors_german.png"));

    // A warning too.
    dialog->setDocumentText(
        QStringLiteral("openapi: 3.0.3\ninfo:\n  title: Empty\n  version: 1.0.0\npaths: {}\n"));
    QTRY_VERIFY_WITH_TIMEOUT(
        dialog->preview() && !dialog->isParsing() && dialog->preview()->errors.isEmpty(), 3000);
    auto* warnings = dialog->findChild<QLabel*>(QStringLiteral("previewWarnings"));
    QVERIFY(warnings && warnings->isVisible());
    QVERIFY2(warnings->text().endsWith(
                 QStringLiteral("\neingefügt:1:1: paths: keine Operationen zum Weiterleiten")),
             qPrintable(warnings->text()));
    dialog->close();

    // A document with no name says so in German as well.
    const OpenApiImport nameless = OpenApiImporter::import("info: {title: x, version: '1'}\n");
    QCOMPARE(nameless.errors, QStringList({QStringLiteral("document:1:1: openapi: is required"),
                                           QStringLiteral("document:1:1: paths: is required")}));
    QCOMPARE(ui::domainMessageText(nameless.errorMessages.value(0)),
             QStringLiteral("Dokument:1:1: openapi: ist erforderlich"));
}

void TestDomainMessageText::cachePolicyProblemsAreGerman()
{
    // A stored policy that is not an object, in the cache policy form.
    ui::CachePolicyForm form;
    form.setPolicy(QStringLiteral("[1]"), true, false);
    QCOMPARE(form.fieldError(CachePolicyField::Policy),
             QStringLiteral("Die gespeicherte Richtlinie ist nicht lesbar (Cache-Richtlinie: muss "
                            "ein JSON-Objekt sein); Speichern des Formulars ersetzt sie."));

    // The catalog's own words about values, with where they are.
    const QString json =
        QStringLiteral(R"({"default_ttl": "20s", "max_ttl": "10s", "stale_if_error": "1500ms"})");
    QString error;
    DomainMessage message;
    QVERIFY(!readApiCachePolicy(json, &error, &message));
    QCOMPARE(error, QStringLiteral("cachePolicy:1:17: default_ttl: default_ttl is longer than "
                                   "max_ttl; cachePolicy:1:60: stale_if_error: 1s500ms is not a "
                                   "whole number of seconds"));
    QCOMPARE(message.toString(), error);
    QCOMPARE(ui::domainMessageText(message),
             QStringLiteral("cachePolicy:1:17: default_ttl: default_ttl ist länger als max_ttl / "
                            "cachePolicy:1:60: stale_if_error: 1s500ms ist keine ganze Zahl von "
                            "Sekunden"));
    // The catalog refuses to save it with the same message.
    QCOMPARE(ApiCatalog::validationMessage([&] {
                 ApiDefinition api;
                 api.slug = QStringLiteral("orders");
                 api.name = QStringLiteral("Orders");
                 api.basePath = QStringLiteral("/orders");
                 api.cachePolicy = json;
                 return api;
             }())
                 .toString(),
             error);

    // The form's findings carry the same message for what it does not word itself.
    CachePolicyFields fields;
    fields.enabled = true;
    fields.defaultTtl = QStringLiteral("20s");
    fields.maxTtl = QStringLiteral("10s");
    const QList<CachePolicyProblem> problems = checkCachePolicy(fields);
    QCOMPARE(problems.size(), 1);
    QCOMPARE(problems.at(0).message, QStringLiteral("default_ttl is longer than max_ttl"));
    QCOMPARE(ui::domainMessageText(problems.at(0).what),
             QStringLiteral("default_ttl ist länger als max_ttl"));
}

void TestDomainMessageText::workspaceApplyErrorsAreGerman()
{
    // A file whose APIs name teams the catalog does not have: refused
    // before anything is written.
    const QByteArray file = R"({"gatehouse": "workspace", "version": 1, "teams": [],
        "apis": [{"slug": "orders", "version": "v1", "name": "Orders", "team": "billing",
                  "visibility": "team", "basePath": "/orders", "balancing": "round_robin",
                  "authMode": "api_key", "state": "draft"},
                 {"slug": "invoices", "version": "v1", "name": "Invoices", "team": "sales",
                  "visibility": "team", "basePath": "/invoices", "balancing": "round_robin",
                  "authMode": "api_key", "state": "draft"}]})";
    const Principal admin = *m_admin;
    const WorkspaceApplyResult result = m_catalog->runAndWait(
        [&](CatalogStore& store) { return WorkspaceFile::apply(store, admin, file); });
    QVERIFY(!result.ok());
    // The English the admin API and the command line show, unchanged.
    QCOMPARE(result.errors, QStringList({QStringLiteral("apis[0].team: no team 'billing'"),
                                         QStringLiteral("apis[1].team: no team 'sales'")}));
    QCOMPARE(result.errorMessages.size(), result.errors.size());
    QStringList german;
    for (const DomainMessage& m : result.errorMessages)
        german << ui::domainMessageText(m);
    QCOMPARE(german, QStringList({QStringLiteral("apis[0].team: kein Team „billing“"),
                                  QStringLiteral("apis[1].team: kein Team „sales“")}));
    // All of them in one line, as the demo workspace's failure shows them.
    QCOMPARE(result.errorMessage().toString(), result.errors.join(QStringLiteral("; ")));
    QCOMPARE(ui::domainMessageText(result.errorMessage()), german.join(QStringLiteral(" / ")));
}

void TestDomainMessageText::unreadableSubscribersAreGermanWithTheDetailsApart()
{
    const Principal publisher = m_world.publisher;
    const qint64 teamId = m_world.teamId;
    const auto details = m_catalog->runAndWait([&](CatalogStore& store) {
        ApiDefinition def;
        def.slug = QStringLiteral("orders");
        def.name = QStringLiteral("Orders");
        def.basePath = QStringLiteral("/orders");
        def.teamId = teamId;
        const auto api = store.apis().createApi(publisher, def);
        QString err;
        if (!api ||
            !runSql(store.database().connection(),
                    QStringLiteral("ALTER TABLE subscriptions RENAME TO elsewhere"), {}, &err))
            return ApiDetails{};
        return loadApiDetails(store, publisher, api->id);
    });
    QVERIFY(details.entry);
    QVERIFY(details.subscribersVisible);
    QCOMPARE(details.subscribersErrorCode, DomainErrorCode::Storage);

    ui::ApiDetailPane pane(m_gateway.get());
    pane.resize(900, 600);
    pane.showDetails(details);
    auto* note = pane.findChild<QLabel*>(QStringLiteral("subscribersNote"));
    QVERIFY(note);
    // A sentence in German; the database's own words only in the tooltip.
    QCOMPARE(note->text(),
             QStringLiteral("Die Abonnenten konnten nicht geladen werden: Die Katalogdatenbank "
                            "hat einen Fehler gemeldet. Versuchen Sie es später erneut; die "
                            "Einzelheiten stehen im Tooltip dieses Textes."));
    QCOMPARE(note->toolTip(),
             QStringLiteral("Einzelheiten der Katalogdatenbank: ") + details.subscribersError);
    QVERIFY2(details.subscribersError.contains(QLatin1String("subscriptions")),
             qPrintable(details.subscribersError));
    QVERIFY(!note->text().contains(QLatin1String("subscriptions")));
    QVERIFY(pane.subscribersTable()->isHidden());
}

QTEST_MAIN(TestDomainMessageText)
#include "tst_domain_message_text.moc"
