// SPDX-FileCopyrightText: Gatehouse contributors
// SPDX-License-Identifier: Apache-2.0
#include "console_test_environment.h"
#include "dialog_driver.h"
#include "layout_check.h"
#include "ui/catalog_editor/api_editor_dialog.h"

#include "app/catalog_service.h"
#include "app/catalog_startup.h"
#include "tests/app/test_databases.h"
#include "ui/catalog_editor/openapi_import_dialog.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPointer>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTranslator>

#include <optional>

using namespace gatehouse;
using namespace gatehouse::app;
using gatehouse::test::okButton;
using gatehouse::test::saveScreenshot;
using gatehouse::ui::ApiEditorDialog;
using gatehouse::ui::OpenApiImportDialog;

// The API editor and OpenAPI import dialogs as a person uses them, against a
// real SQLite catalog on its storage thread: what is typed and clicked ends
// up in the catalog, or the catalog's refusal shows in the dialog.
class TestApiEditorDialog : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();

    void typedApiIsCreatedAsDraft();
    void missingNameAndBadBasePathShowNextToTheField();
    void duplicateSlugAndVersionIsRefusedInTheDialog();
    void editingChangesTheStoredApi();
    void keyQueryParameterIsCheckedNextToItsField();
    void developerIsRefused();
    void newVersionIsLinkedToTheFirst();
    void takenBasePathShowsNextToTheField();
    void importsPetstore();
    void importedBasePathConflictOffersAFreePath();
    void importTakenMeanwhileShowsNextToTheField();
    void brokenDocumentShowsWhereAndBlocksImport();
    void germanLayoutFits();

private:
    template <typename Work>
    auto call(Work work) -> std::optional<std::invoke_result_t<Work&, CatalogStore&>>
    {
        using Result = std::invoke_result_t<Work&, CatalogStore&>;
        std::optional<Result> result;
        m_catalog->run(this, std::move(work), [&result](Result r) { result = std::move(r); });
        for (int i = 0; i < 1000 && !result; ++i)
            QTest::qWait(5);
        return result;
    }
    QList<ApiDefinition> versions(const QString& slug)
    {
        const Principal admin = m_world.admin;
        return call([admin, slug](CatalogStore& s) { return s.apis().versions(admin, slug); })
            .value_or(QList<ApiDefinition>{});
    }
    int apiCount()
    {
        const Principal admin = m_world.admin;
        return int(call([admin](CatalogStore& s) {
                       return s.apis().visibleApis(admin).size();
                   }).value_or(-1));
    }
    template <typename T>
    static T* child(QWidget* parent, const char* name)
    {
        T* widget = parent->findChild<T*>(QLatin1String(name));
        if (!widget)
            qWarning("no child %s", name);
        return widget;
    }
    static void typeInto(QWidget* dialog, const char* name, const QString& text)
    {
        auto* edit = child<QLineEdit>(dialog, name);
        edit->selectAll();
        QTest::keyClick(edit, Qt::Key_Delete);
        QTest::keyClicks(edit, text);
    }
    static void setCell(QTableWidget* table, int row, int column, const QString& text)
    {
        table->item(row, column)->setText(text);
    }
    static QString petstorePath()
    {
        return QFINDTESTDATA(QStringLiteral("../data/openapi/petstore.yaml"));
    }

    QTemporaryDir m_dir;
    TestWorld m_world;
    std::unique_ptr<CatalogService> m_catalog;
    ApiDefinition m_orders;
    int m_databases = 0;
};

void TestApiEditorDialog::initTestCase()
{
    test::useConsoleTestEnvironment(QStringLiteral("tst_api_editor_dialog"));
    QVERIFY(m_dir.isValid());
}

void TestApiEditorDialog::init()
{
    m_catalog = std::make_unique<CatalogService>();
    const QString path = m_dir.filePath(QStringLiteral("catalog-%1.db").arg(++m_databases));
    const CatalogStartup startup = startCatalog(*m_catalog, path);
    QVERIFY2(startup.error.isEmpty(), qPrintable(startup.error));
    QString error;
    const auto orders =
        m_catalog->runAndWait([&](CatalogStore& store) -> std::optional<ApiDefinition> {
            if (!m_world.seed(store.database(), &error))
                return std::nullopt;
            ApiDefinition def;
            def.slug = QStringLiteral("orders");
            def.name = QStringLiteral("Orders");
            def.teamId = m_world.teamId;
            def.basePath = QStringLiteral("/orders/v1");
            def.routes = {{QStringLiteral("GET"), QStringLiteral("/items")}};
            def.upstreams = {{QStringLiteral("http://127.0.0.1:9"), 1}};
            const auto created = store.apis().createApi(m_world.publisher, def);
            if (!created)
                error = store.apis().lastError();
            return created;
        });
    QVERIFY2(orders, qPrintable(error));
    m_orders = *orders;
}

void TestApiEditorDialog::cleanup()
{
    m_catalog.reset();
}

void TestApiEditorDialog::typedApiIsCreatedAsDraft()
{
    QWidget host;
    QPointer<ApiEditorDialog> dialog =
        ApiEditorDialog::createNew(m_catalog.get(), m_world.publisher, &host);
    QSignalSpy saved(dialog, &ApiEditorDialog::saved);
    qint64 savedId = 0;
    connect(dialog, &ApiEditorDialog::saved, this,
            [&savedId](const ApiDefinition& api) { savedId = api.id; });
    QTRY_VERIFY(dialog->isVisible());
    QTRY_VERIFY_WITH_TIMEOUT(dialog->teamsLoaded(), 2000);
    // A publisher may publish for their own team only.
    auto* team = child<QComboBox>(dialog, "apiTeam");
    QCOMPARE(team->count(), 1);
    QCOMPARE(team->currentText(), QStringLiteral("Payments"));

    QTest::keyClicks(child<QLineEdit>(dialog, "apiName"), QStringLiteral("Billing Service"));
    QCOMPARE(child<QLineEdit>(dialog, "apiSlug")->text(), QStringLiteral("billing-service"));
    QCOMPARE(child<QLineEdit>(dialog, "apiVersion")->text(), QStringLiteral("v1"));
    QTest::keyClicks(child<QLineEdit>(dialog, "apiTags"), QStringLiteral("finance, invoices"));
    auto* visibility = child<QComboBox>(dialog, "apiVisibility");
    visibility->setCurrentIndex(visibility->findData(int(ApiVisibility::Organisation)));

    child<QTabWidget>(dialog, "apiEditorTabs")->setCurrentIndex(1);
    QTest::keyClicks(child<QLineEdit>(dialog, "apiBasePath"), QStringLiteral("/billing/v1"));
    child<QCheckBox>(dialog, "apiStripBasePath")->click();
    auto* routes = child<QTableWidget>(dialog, "apiRoutes");
    QTest::mouseClick(child<QPushButton>(dialog, "addRouteButton"), Qt::LeftButton);
    QTest::mouseClick(child<QPushButton>(dialog, "addRouteButton"), Qt::LeftButton);
    QCOMPARE(routes->rowCount(), 2);
    qobject_cast<QComboBox*>(routes->cellWidget(0, 0))->setCurrentText(QStringLiteral("POST"));
    setCell(routes, 0, 1, QStringLiteral("/invoices"));
    qobject_cast<QComboBox*>(routes->cellWidget(1, 0))->setCurrentText(QStringLiteral("*"));
    setCell(routes, 1, 1, QStringLiteral("/health"));
    auto* upstreams = child<QTableWidget>(dialog, "apiUpstreams");
    QCOMPARE(upstreams->rowCount(), 1);
    setCell(upstreams, 0, 0, QStringLiteral("http://127.0.0.1:9001"));
    QTest::mouseClick(child<QPushButton>(dialog, "addUpstreamButton"), Qt::LeftButton);
    setCell(upstreams, 1, 0, QStringLiteral("http://127.0.0.1:9002"));
    qobject_cast<QSpinBox*>(upstreams->cellWidget(1, 1))->setValue(3);
    auto* balancing = child<QComboBox>(dialog, "apiBalancing");
    balancing->setCurrentIndex(balancing->findData(int(BalancingPolicy::Weighted)));
    child<QSpinBox>(dialog, "apiRequestTimeout")->setValue(12000);
    saveScreenshot(dialog, QStringLiteral("api_editor_dialog_routing.png"));
    child<QTabWidget>(dialog, "apiEditorTabs")->setCurrentIndex(0);
    saveScreenshot(dialog, QStringLiteral("api_editor_dialog_general.png"));

    test::clickOk(dialog);
    QTRY_COMPARE_WITH_TIMEOUT(saved.size(), 1, 3000);
    QTRY_VERIFY(!dialog); // closed and deleted
    const QList<ApiDefinition> stored = versions(QStringLiteral("billing-service"));
    QCOMPARE(stored.size(), 1);
    const ApiDefinition& api = stored.front();
    QCOMPARE(api.id, savedId);
    QVERIFY(api.state == ApiState::Draft);
    QCOMPARE(api.name, QStringLiteral("Billing Service"));
    QCOMPARE(api.teamId, m_world.teamId);
    QVERIFY(api.visibility == ApiVisibility::Organisation);
    QCOMPARE(api.tags, (QStringList{QStringLiteral("finance"), QStringLiteral("invoices")}));
    QCOMPARE(api.basePath, QStringLiteral("/billing/v1"));
    QVERIFY(api.stripBasePath);
    QCOMPARE(api.routes, (QList<ApiRoute>{{QStringLiteral("POST"), QStringLiteral("/invoices")},
                                          {QStringLiteral("*"), QStringLiteral("/health")}}));
    QCOMPARE(api.upstreams, (QList<ApiUpstream>{{QStringLiteral("http://127.0.0.1:9001"), 1},
                                                {QStringLiteral("http://127.0.0.1:9002"), 3}}));
    QVERIFY(api.balancing == BalancingPolicy::Weighted);
    QCOMPARE(api.requestTimeoutMs, 12000);
}

void TestApiEditorDialog::missingNameAndBadBasePathShowNextToTheField()
{
    ApiEditorDialog dialog(m_catalog.get(), m_world.admin, ApiEditorDialog::Mode::Create);
    dialog.show();
    QTRY_VERIFY_WITH_TIMEOUT(dialog.teamsLoaded(), 2000);
    QCOMPARE(child<QComboBox>(&dialog, "apiTeam")->count(), 2); // admins: every team
    auto* tabs = child<QTabWidget>(&dialog, "apiEditorTabs");
    tabs->setCurrentIndex(1);
    QTest::keyClicks(child<QLineEdit>(&dialog, "apiBasePath"), QStringLiteral("billing"));
    setCell(child<QTableWidget>(&dialog, "apiUpstreams"), 0, 0, QStringLiteral("http://x:1"));

    test::clickOk(&dialog);
    QCOMPARE(dialog.fieldError(QStringLiteral("name")), QStringLiteral("Enter a name."));
    QCOMPARE(dialog.fieldError(QStringLiteral("slug")), QStringLiteral("Enter a slug."));
    QVERIFY(child<QLabel>(&dialog, "nameError")->isVisible());
    QCOMPARE(tabs->currentIndex(), 0); // brought to the first problem

    QTest::keyClicks(child<QLineEdit>(&dialog, "apiName"), QStringLiteral("Billing"));
    test::clickOk(&dialog);
    QVERIFY(dialog.fieldError(QStringLiteral("name")).isEmpty());
    QCOMPARE(dialog.fieldError(QStringLiteral("basePath")),
             QStringLiteral("The base path must start with '/'."));
    QCOMPARE(tabs->currentIndex(), 1);
    QVERIFY(child<QLabel>(&dialog, "basePathError")->isVisible());
    saveScreenshot(&dialog, QStringLiteral("api_editor_dialog_errors.png"));

    // A route's path is checked by the catalog's rules too.
    typeInto(&dialog, "apiBasePath", QStringLiteral("/billing"));
    QTest::mouseClick(child<QPushButton>(&dialog, "addRouteButton"), Qt::LeftButton);
    setCell(child<QTableWidget>(&dialog, "apiRoutes"), 0, 1, QStringLiteral("invoices"));
    test::clickOk(&dialog);
    QCOMPARE(dialog.fieldError(QStringLiteral("routes")),
             QStringLiteral("Route 1: the path must start with '/'."));
    QVERIFY(dialog.fieldError(QStringLiteral("basePath")).isEmpty());
    QTest::qWait(100);
    QVERIFY(dialog.isVisible());
    QCOMPARE(apiCount(), 1); // only the seeded API
}

void TestApiEditorDialog::duplicateSlugAndVersionIsRefusedInTheDialog()
{
    ApiEditorDialog dialog(m_catalog.get(), m_world.publisher, ApiEditorDialog::Mode::Create);
    QSignalSpy saved(&dialog, &ApiEditorDialog::saved);
    dialog.show();
    QTRY_VERIFY_WITH_TIMEOUT(dialog.teamsLoaded(), 2000);
    QTest::keyClicks(child<QLineEdit>(&dialog, "apiName"), QStringLiteral("Orders"));
    QCOMPARE(child<QLineEdit>(&dialog, "apiSlug")->text(), QStringLiteral("orders"));
    QTest::keyClicks(child<QLineEdit>(&dialog, "apiBasePath"), QStringLiteral("/orders-again"));
    setCell(child<QTableWidget>(&dialog, "apiUpstreams"), 0, 0, QStringLiteral("http://x:1"));
    test::clickOk(&dialog);
    QVERIFY(!okButton(&dialog)->isEnabled()); // in flight
    // The catalog's conflict names the field: shown next to it, not as a
    // message for the whole form.
    QTRY_VERIFY_WITH_TIMEOUT(!dialog.fieldError(QStringLiteral("version")).isEmpty(), 3000);
    QCOMPARE(dialog.fieldError(QStringLiteral("version")),
             QStringLiteral("This version of the API already exists: choose another version."));
    QVERIFY2(dialog.fieldError({}).isEmpty(), qPrintable(dialog.fieldError({})));
    QVERIFY(!child<QLabel>(&dialog, "dialogError")->isVisible());
    saveScreenshot(&dialog, QStringLiteral("api_editor_version_conflict.png"));
    QVERIFY(dialog.isVisible());
    QVERIFY(okButton(&dialog)->isEnabled());
    QCOMPARE(saved.size(), 0);
    QCOMPARE(apiCount(), 1);

    // Another version goes through.
    typeInto(&dialog, "apiVersion", QStringLiteral("v9"));
    test::clickOk(&dialog);
    QTRY_COMPARE_WITH_TIMEOUT(saved.size(), 1, 3000);
    QCOMPARE(dialog.savedApi().version, QStringLiteral("v9"));
    QCOMPARE(dialog.result(), int(QDialog::Accepted));
}

void TestApiEditorDialog::editingChangesTheStoredApi()
{
    QPointer<ApiEditorDialog> dialog =
        ApiEditorDialog::editExisting(m_catalog.get(), m_world.publisher, m_orders);
    QSignalSpy saved(dialog, &ApiEditorDialog::saved);
    QString savedName;
    connect(dialog, &ApiEditorDialog::saved, this,
            [&savedName](const ApiDefinition& api) { savedName = api.name; });
    QTRY_VERIFY_WITH_TIMEOUT(dialog->teamsLoaded(), 2000);
    QCOMPARE(okButton(dialog)->text(), QStringLiteral("Save"));
    QCOMPARE(child<QLineEdit>(dialog, "apiName")->text(), QStringLiteral("Orders"));
    QCOMPARE(child<QTableWidget>(dialog, "apiRoutes")->rowCount(), 1);
    typeInto(dialog, "apiName", QStringLiteral("Order Book"));
    // Editing never follows the name with the slug.
    QCOMPARE(child<QLineEdit>(dialog, "apiSlug")->text(), QStringLiteral("orders"));
    child<QTabWidget>(dialog, "apiEditorTabs")->setCurrentIndex(1);
    QVERIFY(!child<QCheckBox>(dialog, "apiStripBasePath")->isChecked());
    child<QCheckBox>(dialog, "apiStripBasePath")->click();
    auto* routes = child<QTableWidget>(dialog, "apiRoutes");
    routes->selectRow(0);
    QTest::mouseClick(child<QPushButton>(dialog, "removeRouteButton"), Qt::LeftButton);
    QCOMPARE(routes->rowCount(), 0);
    auto* auth = child<QComboBox>(dialog, "apiAuthMode");
    auth->setCurrentIndex(auth->findData(int(AuthMode::Open)));
    test::clickOk(dialog);
    QTRY_COMPARE_WITH_TIMEOUT(saved.size(), 1, 3000);
    const QList<ApiDefinition> stored = versions(QStringLiteral("orders"));
    QCOMPARE(stored.size(), 1);
    QCOMPARE(stored.front().id, m_orders.id);
    QCOMPARE(stored.front().name, QStringLiteral("Order Book"));
    QVERIFY(stored.front().stripBasePath);
    QVERIFY(stored.front().routes.isEmpty());
    QVERIFY(stored.front().authMode == AuthMode::Open);
    QCOMPARE(stored.front().upstreams, m_orders.upstreams);
    QCOMPARE(savedName, QStringLiteral("Order Book"));
    QTRY_VERIFY(!dialog);
}

// The opt-in to keys in the URL: a name needing encoding, or one on an open
// API, is refused next to the field; a good one is stored and shown again.
void TestApiEditorDialog::keyQueryParameterIsCheckedNextToItsField()
{
    QPointer<ApiEditorDialog> dialog =
        ApiEditorDialog::editExisting(m_catalog.get(), m_world.publisher, m_orders);
    QSignalSpy saved(dialog, &ApiEditorDialog::saved);
    QTRY_VERIFY_WITH_TIMEOUT(dialog->teamsLoaded(), 2000);
    auto* tabs = child<QTabWidget>(dialog, "apiEditorTabs");
    auto* field = child<QLineEdit>(dialog, "apiKeyQueryParameter");
    QVERIFY(field->text().isEmpty());
    QCOMPARE(field->placeholderText(), QStringLiteral("e.g. api_key"));
    QVERIFY2(field->toolTip().contains(QStringLiteral("logs")), qPrintable(field->toolTip()));

    tabs->setCurrentIndex(1);
    QTest::keyClicks(field, QStringLiteral("api key"));
    tabs->setCurrentIndex(0);
    test::clickOk(dialog);
    QCOMPARE(dialog->fieldError(QStringLiteral("keyQueryParameter")),
             QStringLiteral("Use up to 64 characters of A-Z, a-z, 0-9, '.', '_', '~' and '-'."));
    QCOMPARE(tabs->currentIndex(), 1); // brought to the field
    QVERIFY(child<QLabel>(dialog, "keyQueryParameterError")->isVisible());
    QVERIFY(dialog->fieldError({}).isEmpty());
    saveScreenshot(dialog, QStringLiteral("api_editor_dialog_key_query_error.png"));
    test::verifyNothingClipped(dialog, QStringLiteral("API editor"));

    typeInto(dialog, "apiKeyQueryParameter", QStringLiteral("api_key"));
    auto* auth = child<QComboBox>(dialog, "apiAuthMode");
    auth->setCurrentIndex(auth->findData(int(AuthMode::Open)));
    test::clickOk(dialog);
    QVERIFY2(dialog->fieldError(QStringLiteral("keyQueryParameter"))
                 .startsWith(QStringLiteral("Only APIs that require an API key")),
             qPrintable(dialog->fieldError(QStringLiteral("keyQueryParameter"))));
    QTest::qWait(100);
    QCOMPARE(saved.size(), 0);

    auth->setCurrentIndex(auth->findData(int(AuthMode::ApiKey)));
    test::clickOk(dialog);
    QTRY_COMPARE_WITH_TIMEOUT(saved.size(), 1, 3000);
    QTRY_VERIFY(!dialog);
    const QList<ApiDefinition> stored = versions(QStringLiteral("orders"));
    QCOMPARE(stored.size(), 1);
    QCOMPARE(stored.front().keyQueryParameter, QStringLiteral("api_key"));
    QVERIFY(stored.front().authMode == AuthMode::ApiKey);

    ApiEditorDialog again(m_catalog.get(), m_world.publisher, ApiEditorDialog::Mode::Edit,
                          stored.front());
    QCOMPARE(child<QLineEdit>(&again, "apiKeyQueryParameter")->text(), QStringLiteral("api_key"));
    QCOMPARE(again.definition().keyQueryParameter, QStringLiteral("api_key"));
}

void TestApiEditorDialog::developerIsRefused()
{
    // A member of the owning team who is no publisher sees the API but may
    // not change it: the catalog says so, and the dialog stays open.
    ApiEditorDialog edit(m_catalog.get(), m_world.developer, ApiEditorDialog::Mode::Edit, m_orders);
    QSignalSpy saved(&edit, &ApiEditorDialog::saved);
    edit.show();
    QTRY_VERIFY_WITH_TIMEOUT(edit.teamsLoaded(), 2000);
    QCOMPARE(child<QComboBox>(&edit, "apiTeam")->currentText(), QStringLiteral("Payments"));
    typeInto(&edit, "apiName", QStringLiteral("Mine now"));
    test::clickOk(&edit);
    QTRY_VERIFY_WITH_TIMEOUT(!edit.fieldError({}).isEmpty(), 3000);
    QVERIFY2(edit.fieldError({}).startsWith(QStringLiteral("Permission denied: only admins and "
                                                           "publishers")),
             qPrintable(edit.fieldError({})));
    QVERIFY(edit.isVisible());
    QCOMPARE(saved.size(), 0);
    QCOMPARE(versions(QStringLiteral("orders")).front().name, QStringLiteral("Orders"));

    // Nor create one: no team to publish for, and the catalog refuses.
    ApiEditorDialog create(m_catalog.get(), m_world.developer, ApiEditorDialog::Mode::Create);
    create.show();
    QTRY_VERIFY_WITH_TIMEOUT(create.teamsLoaded(), 2000);
    QCOMPARE(create.fieldError(QStringLiteral("team")),
             QStringLiteral("You may not publish APIs for any team."));
    QTest::keyClicks(child<QLineEdit>(&create, "apiName"), QStringLiteral("Side project"));
    QTest::keyClicks(child<QLineEdit>(&create, "apiBasePath"), QStringLiteral("/side"));
    setCell(child<QTableWidget>(&create, "apiUpstreams"), 0, 0, QStringLiteral("http://x:1"));
    test::clickOk(&create);
    QTRY_VERIFY_WITH_TIMEOUT(create.fieldError({}).startsWith(QStringLiteral("Permission denied")),
                             3000);
    QCOMPARE(apiCount(), 1);
}

void TestApiEditorDialog::newVersionIsLinkedToTheFirst()
{
    QPointer<ApiEditorDialog> dialog =
        ApiEditorDialog::newVersionOf(m_catalog.get(), m_world.publisher, m_orders);
    QSignalSpy saved(dialog, &ApiEditorDialog::saved);
    qint64 savedId = 0;
    connect(dialog, &ApiEditorDialog::saved, this,
            [&savedId](const ApiDefinition& api) { savedId = api.id; });
    QTRY_VERIFY(dialog->isVisible());
    // Only the version is asked for, and the next one is suggested.
    QVERIFY(!dialog->findChild<QLineEdit*>(QStringLiteral("apiName")));
    auto* version = child<QLineEdit>(dialog, "apiVersion");
    QCOMPARE(version->text(), QStringLiteral("v2"));
    saveScreenshot(dialog, QStringLiteral("api_editor_dialog_new_version.png"));
    typeInto(dialog, "apiVersion", QStringLiteral("v 2"));
    test::clickOk(dialog);
    QVERIFY(!dialog->fieldError(QStringLiteral("version")).isEmpty());
    typeInto(dialog, "apiVersion", QStringLiteral("v2"));
    test::clickOk(dialog);
    QTRY_COMPARE_WITH_TIMEOUT(saved.size(), 1, 3000);
    const QList<ApiDefinition> stored = versions(QStringLiteral("orders"));
    QCOMPARE(stored.size(), 2);
    QCOMPARE(stored[0].version, QStringLiteral("v1"));
    QCOMPARE(stored[1].version, QStringLiteral("v2"));
    QVERIFY(stored[1].state == ApiState::Draft);
    QCOMPARE(stored[1].previousId, stored[0].id);
    QCOMPARE(stored[0].successorId, stored[1].id);
    QCOMPARE(stored[1].routes, m_orders.routes);
    QCOMPARE(savedId, stored[1].id);
    QTRY_VERIFY(!dialog);
}

// The catalog refuses a base path that overlaps another live API's; the
// editor shows why next to the base path, in the console's words.
void TestApiEditorDialog::takenBasePathShowsNextToTheField()
{
    const qint64 teamId = m_world.teamId;
    const Principal publisher = m_world.publisher;
    const auto accounts = call([teamId, publisher](CatalogStore& store) {
        ApiDefinition def;
        def.slug = QStringLiteral("accounts");
        def.name = QStringLiteral("Accounts");
        def.teamId = teamId;
        def.basePath = QStringLiteral("/accounts");
        def.routes = {{QStringLiteral("GET"), QStringLiteral("/list")}};
        def.upstreams = {{QStringLiteral("http://127.0.0.1:9"), 1}};
        return store.apis().createApi(publisher, def);
    });
    QVERIFY(accounts && *accounts);

    ApiEditorDialog dialog(m_catalog.get(), m_world.publisher, ApiEditorDialog::Mode::Edit,
                           **accounts);
    dialog.show();
    QTRY_VERIFY_WITH_TIMEOUT(dialog.teamsLoaded(), 2000);
    auto* tabs = child<QTabWidget>(&dialog, "apiEditorTabs");
    tabs->setCurrentIndex(1);
    typeInto(&dialog, "apiBasePath", QStringLiteral("/orders/v1/items"));
    tabs->setCurrentIndex(0);
    QTest::mouseClick(okButton(&dialog), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(!dialog.fieldError(QStringLiteral("basePath")).isEmpty(), 3000);
    QVERIFY2(
        dialog.fieldError(QStringLiteral("basePath"))
            .startsWith(QStringLiteral("/orders/v1/items overlaps /orders/v1, the base path of "
                                       "Orders v1: the route GET /orders/v1/items lies under "
                                       "both, so the gateway would send one API's calls to "
                                       "the other.")),
        qPrintable(dialog.fieldError(QStringLiteral("basePath"))));
    QVERIFY(child<QLabel>(&dialog, "basePathError")->isVisible());
    QCOMPARE(tabs->currentIndex(), 1);
    QVERIFY(dialog.fieldError(QString()).isEmpty()); // not under the form: next to the field
    QVERIFY(dialog.isVisible());
    saveScreenshot(&dialog, QStringLiteral("api_editor_dialog_base_path_taken.png"));
    QCOMPARE(versions(QStringLiteral("accounts")).front().basePath, QStringLiteral("/accounts"));

    // A new version of an API without a version segment in its path needs
    // a path of its own: the dialog asks for it.
    QPointer<ApiEditorDialog> next =
        ApiEditorDialog::newVersionOf(m_catalog.get(), m_world.publisher, **accounts);
    QSignalSpy saved(next, &ApiEditorDialog::saved);
    QTRY_VERIFY(next->isVisible());
    QCOMPARE(child<QLineEdit>(next, "apiVersion")->text(), QStringLiteral("v2"));
    QCOMPARE(child<QLineEdit>(next, "apiBasePath")->text(), QStringLiteral("/accounts"));
    QTest::mouseClick(okButton(next), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(!next->fieldError(QStringLiteral("basePath")).isEmpty(), 3000);
    QCOMPARE(
        next->fieldError(QStringLiteral("basePath")),
        QStringLiteral("/accounts is already the base path of Accounts v1. /accounts/v2 is free."));
    saveScreenshot(next, QStringLiteral("api_editor_new_version_base_path_taken.png"));
    typeInto(next, "apiBasePath", QStringLiteral("/accounts/v2"));
    QTest::mouseClick(okButton(next), Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(saved.size(), 1, 3000);
    const QList<ApiDefinition> both = versions(QStringLiteral("accounts"));
    QCOMPARE(both.size(), 2);
    QCOMPARE(both[1].basePath, QStringLiteral("/accounts/v2"));
}

void TestApiEditorDialog::importsPetstore()
{
    QWidget host;
    QPointer<OpenApiImportDialog> dialog =
        OpenApiImportDialog::importDocument(m_catalog.get(), m_world.publisher, &host);
    QSignalSpy imported(dialog, &OpenApiImportDialog::imported);
    qint64 importedId = 0;
    connect(dialog, &OpenApiImportDialog::imported, this,
            [&importedId](const ApiDefinition& api) { importedId = api.id; });
    QTRY_VERIFY_WITH_TIMEOUT(dialog->teamsLoaded(), 2000);
    QVERIFY(!okButton(dialog)->isEnabled()); // nothing to import yet
    QVERIFY(!petstorePath().isEmpty());
    dialog->loadFile(petstorePath());
    QVERIFY(dialog->isParsing());
    QVERIFY(!okButton(dialog)->isEnabled());
    QTRY_VERIFY_WITH_TIMEOUT(!dialog->isParsing(), 5000);
    auto* operations = child<QTableWidget>(dialog, "previewOperations");
    QCOMPARE(operations->rowCount(), 24);
    QCOMPARE(child<QLabel>(dialog, "openApiStatus")->text(),
             QStringLiteral("Operations found: 24"));
    // Name, slug and version as the document gives them, to be changed here.
    QCOMPARE(child<QLineEdit>(dialog, "importName")->text(), QStringLiteral("Pet Clinic Store"));
    QCOMPARE(child<QLineEdit>(dialog, "importSlug")->text(), QStringLiteral("pet-clinic-store"));
    QCOMPARE(child<QLineEdit>(dialog, "importVersion")->text(), QStringLiteral("v2"));
    QCOMPARE(child<QLineEdit>(dialog, "importBasePath")->text(), QStringLiteral("/petstore/v2"));
    QCOMPARE(child<QLabel>(dialog, "previewUpstream")->text(),
             QStringLiteral("http://127.0.0.1:8090"));
    QCOMPARE(child<QLabel>(dialog, "openApiFile")->text(), QStringLiteral("petstore.yaml"));
    QVERIFY(!child<QLabel>(dialog, "previewErrors")->isVisible());
    QVERIFY(child<QPlainTextEdit>(dialog, "openApiText")
                ->toPlainText()
                .contains(QStringLiteral("Pet Clinic Store")));
    QCOMPARE(child<QComboBox>(dialog, "importTeam")->currentText(), QStringLiteral("Payments"));
    QTRY_VERIFY_WITH_TIMEOUT(okButton(dialog)->isEnabled(), 3000); // once the catalog says free
    QVERIFY(!dialog->hasConflict());
    QVERIFY(!child<QWidget>(dialog, "importConflict")->isVisible());
    saveScreenshot(dialog, QStringLiteral("openapi_import_dialog.png"));

    test::clickOk(dialog);
    QTRY_COMPARE_WITH_TIMEOUT(imported.size(), 1, 3000);
    QTRY_VERIFY(!dialog);
    const QList<ApiDefinition> stored = versions(QStringLiteral("pet-clinic-store"));
    QCOMPARE(stored.size(), 1);
    QVERIFY(stored.front().state == ApiState::Draft);
    QCOMPARE(stored.front().teamId, m_world.teamId);
    QCOMPARE(stored.front().routes.size(), 24);
    QVERIFY(stored.front().routes.contains(
        ApiRoute{QStringLiteral("DELETE"), QStringLiteral("/store/orders/{orderId}")}));
    QCOMPARE(importedId, stored.front().id);

    // The same document again: before anything is sent, the dialog says
    // the slug and version are taken and offers free ones.
    OpenApiImportDialog again(m_catalog.get(), m_world.publisher);
    QSignalSpy importedAgain(&again, &OpenApiImportDialog::imported);
    qint64 againId = 0;
    connect(&again, &OpenApiImportDialog::imported, this,
            [&againId](const ApiDefinition& api) { againId = api.id; });
    again.show();
    QVERIFY(QTest::qWaitForWindowActive(&again));
    QTRY_VERIFY_WITH_TIMEOUT(again.teamsLoaded(), 2000);
    again.loadFile(petstorePath());
    QTRY_VERIFY_WITH_TIMEOUT(again.hasConflict(), 5000);
    auto* conflict = child<QLabel>(&again, "importConflictText");
    QVERIFY(conflict->isVisible());
    QCOMPARE(conflict->text(),
             QStringLiteral("pet-clinic-store v2 is already in the catalog. Import this document "
                            "as another version, or as an API of its own:"));
    QVERIFY(!okButton(&again)->isEnabled());
    auto* useVersion = child<QPushButton>(&again, "useFreeVersionButton");
    auto* useSlug = child<QPushButton>(&again, "useFreeSlugButton");
    QCOMPARE(useVersion->text(), QStringLiteral("&Use version v3"));
    QCOMPARE(useSlug->text(), QStringLiteral("Use &slug pet-clinic-store-2"));
    QTest::qWait(20);
    test::verifyNothingClipped(&again, QStringLiteral("OpenAPI import"));
    saveScreenshot(&again, QStringLiteral("openapi_import_conflict.png"));

    // The base path is the first copy's too.
    QVERIFY(again.hasBasePathConflict());
    QVERIFY(child<QLabel>(&again, "importBasePathConflictText")->isVisible());

    // A version typed by hand is checked too: free, then taken again.
    auto* version = child<QLineEdit>(&again, "importVersion");
    typeInto(&again, "importVersion", QStringLiteral("v9"));
    QTRY_VERIFY_WITH_TIMEOUT(!again.isChecking(), 3000);
    QVERIFY(!again.hasConflict());
    QVERIFY(!conflict->isVisible());
    QVERIFY(again.hasBasePathConflict());
    QVERIFY(!okButton(&again)->isEnabled());
    typeInto(&again, "importVersion", QStringLiteral("v2"));
    QVERIFY(!okButton(&again)->isEnabled());
    QTRY_VERIFY_WITH_TIMEOUT(again.hasConflict(), 3000);
    // A slug the catalog refuses shows next to it, in the dialog's words.
    typeInto(&again, "importSlug", QStringLiteral("Pets!"));
    QTRY_VERIFY_WITH_TIMEOUT(child<QLabel>(&again, "slugError")->isVisible(), 3000);
    QVERIFY(child<QLabel>(&again, "slugError")->text().contains(QLatin1String("a-z")));
    QVERIFY(!okButton(&again)->isEnabled());
    typeInto(&again, "importSlug", QStringLiteral("pet-clinic-store"));
    QTRY_VERIFY_WITH_TIMEOUT(again.hasConflict(), 3000);
    QVERIFY(!child<QLabel>(&again, "slugError")->isVisible());

    // The offered version, from the keyboard, then the offered base path
    // (the version segment follows the version), and Import.
    QTest::keyClick(&again, Qt::Key_U, Qt::AltModifier);
    QTRY_COMPARE_WITH_TIMEOUT(version->text(), QStringLiteral("v3"), 2000);
    QTRY_VERIFY_WITH_TIMEOUT(!again.isChecking(), 3000);
    QVERIFY(!again.hasConflict() && !conflict->isVisible());
    QVERIFY(again.hasBasePathConflict());
    auto* usePath = child<QPushButton>(&again, "useFreeBasePathButton");
    QCOMPARE(usePath->text(), QStringLiteral("Use &path /petstore/v3"));
    QTest::keyClick(&again, Qt::Key_P, Qt::AltModifier);
    QTRY_COMPARE_WITH_TIMEOUT(child<QLineEdit>(&again, "importBasePath")->text(),
                              QStringLiteral("/petstore/v3"), 2000);
    QTRY_VERIFY_WITH_TIMEOUT(okButton(&again)->isEnabled(), 3000);
    QVERIFY(!again.hasBasePathConflict());
    test::clickOk(&again);
    QTRY_COMPARE_WITH_TIMEOUT(importedAgain.size(), 1, 3000);
    const QList<ApiDefinition> both = versions(QStringLiteral("pet-clinic-store"));
    QCOMPARE(both.size(), 2);
    QCOMPARE(both[0].version, QStringLiteral("v2"));
    QCOMPARE(both[1].version, QStringLiteral("v3"));
    QCOMPARE(both[1].name, QStringLiteral("Pet Clinic Store"));
    QCOMPARE(both[1].routes.size(), 24);
    QCOMPARE(both[1].basePath, QStringLiteral("/petstore/v3"));
    QCOMPARE(againId, both[1].id);

    // A third copy as an API of its own, under the offered slug.
    OpenApiImportDialog third(m_catalog.get(), m_world.publisher);
    third.show();
    QTRY_VERIFY_WITH_TIMEOUT(third.teamsLoaded(), 2000);
    third.loadFile(petstorePath());
    QTRY_VERIFY_WITH_TIMEOUT(third.hasConflict(), 5000);
    QTest::mouseClick(child<QPushButton>(&third, "useFreeSlugButton"), Qt::LeftButton);
    QCOMPARE(child<QLineEdit>(&third, "importSlug")->text(), QStringLiteral("pet-clinic-store-2"));
    QTRY_VERIFY_WITH_TIMEOUT(third.hasBasePathConflict(), 3000);
    QTest::mouseClick(child<QPushButton>(&third, "useFreeBasePathButton"), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(okButton(&third)->isEnabled(), 3000);
    test::clickOk(&third);
    QTRY_COMPARE_WITH_TIMEOUT(versions(QStringLiteral("pet-clinic-store-2")).size(), 1, 3000);
    QCOMPARE(versions(QStringLiteral("pet-clinic-store")).size(), 2);
}

// A base path taken by another console between the check and Import: the
// catalog's refusal names the field, so it shows next to the base path
// (with a free one to take), not as a message for the whole dialog.
void TestApiEditorDialog::importTakenMeanwhileShowsNextToTheField()
{
    OpenApiImportDialog dialog(m_catalog.get(), m_world.publisher);
    QSignalSpy imported(&dialog, &OpenApiImportDialog::imported);
    dialog.show();
    QTRY_VERIFY_WITH_TIMEOUT(dialog.teamsLoaded(), 2000);
    dialog.setDocumentText(QStringLiteral(
        "openapi: 3.0.3\ninfo: {title: Late Feed, version: '1.0'}\n"
        "servers: [{url: 'http://127.0.0.1:9/late/v1'}]\n"
        "paths:\n  /feed:\n    get:\n      responses:\n        '200': {description: ok}\n"));
    QTRY_VERIFY_WITH_TIMEOUT(okButton(&dialog)->isEnabled(), 5000);
    QVERIFY(!dialog.hasBasePathConflict());

    QString error;
    const bool taken = m_catalog->runAndWait([&](CatalogStore& store) {
        ApiDefinition def;
        def.slug = QStringLiteral("late-other");
        def.name = QStringLiteral("Late Other");
        def.teamId = m_world.teamId;
        def.basePath = QStringLiteral("/late/v1");
        if (!store.apis().createApi(m_world.publisher, def)) {
            error = store.apis().lastError();
            return false;
        }
        return true;
    });
    QVERIFY2(taken, qPrintable(error));
    test::clickOk(&dialog);
    QTRY_VERIFY_WITH_TIMEOUT(dialog.hasBasePathConflict(), 5000);
    QVERIFY2(dialog.refusal().isEmpty(), qPrintable(dialog.refusal()));
    auto* text = child<QLabel>(&dialog, "importBasePathConflictText");
    QVERIFY(text->isVisible());
    QCOMPARE(text->text(), QStringLiteral("/late/v1 is already the base path of Late Other v1."));
    QVERIFY(dialog.isVisible());
    QCOMPARE(imported.size(), 0);
}

// A document whose base path another API already serves: the conflict
// shows next to the base path before anything is sent, with a free path to
// take, and the API is imported under it. Someone who may not see the API
// in the way is not told its name.
void TestApiEditorDialog::importedBasePathConflictOffersAFreePath()
{
    const QString document = QStringLiteral(
        "openapi: 3.0.3\ninfo: {title: Order Feed, version: '1.0'}\n"
        "servers: [{url: 'http://127.0.0.1:9/orders/v1'}]\n"
        "paths:\n  /feed:\n    get:\n      responses:\n        '200': {description: ok}\n");

    OpenApiImportDialog stranger(m_catalog.get(), m_world.otherPublisher);
    stranger.show();
    QTRY_VERIFY_WITH_TIMEOUT(stranger.teamsLoaded(), 2000);
    stranger.setDocumentText(document);
    QTRY_VERIFY_WITH_TIMEOUT(stranger.hasBasePathConflict(), 5000);
    QCOMPARE(child<QLabel>(&stranger, "importBasePathConflictText")->text(),
             QStringLiteral("/orders/v1 is already in use by another API."));
    stranger.close();

    QWidget host;
    QPointer<OpenApiImportDialog> dialog =
        OpenApiImportDialog::importDocument(m_catalog.get(), m_world.publisher, &host);
    QSignalSpy imported(dialog, &OpenApiImportDialog::imported);
    QTRY_VERIFY_WITH_TIMEOUT(dialog->teamsLoaded(), 2000);
    dialog->setDocumentText(document);
    QTRY_VERIFY_WITH_TIMEOUT(dialog->hasBasePathConflict(), 5000);
    QVERIFY(!dialog->hasConflict()); // slug and version are free
    QVERIFY(!okButton(dialog)->isEnabled());
    auto* path = child<QLineEdit>(dialog, "importBasePath");
    QCOMPARE(path->text(), QStringLiteral("/orders/v1"));
    auto* text = child<QLabel>(dialog, "importBasePathConflictText");
    QVERIFY(text->isVisible());
    QCOMPARE(text->text(), QStringLiteral("/orders/v1 is already the base path of Orders v1."));
    // Right under the base path field, not somewhere else in the dialog.
    const QRect field(path->mapTo(dialog, QPoint(0, 0)), path->size());
    const QRect shown(text->mapTo(dialog, QPoint(0, 0)), text->size());
    QVERIFY(shown.top() >= field.bottom());
    QVERIFY(shown.top() - field.bottom() < 3 * path->height());
    QCOMPARE(shown.left(), field.left());
    auto* use = child<QPushButton>(dialog, "useFreeBasePathButton");
    QVERIFY(use->isVisible());
    QCOMPARE(use->text(), QStringLiteral("Use &path /order-feed/v1"));
    QTest::qWait(20);
    test::verifyNothingClipped(dialog, QStringLiteral("OpenAPI import"));
    saveScreenshot(dialog, QStringLiteral("openapi_import_base_path_conflict.png"));

    // A path typed by hand is checked as it is typed.
    typeInto(dialog, "importBasePath", QStringLiteral("/orders/v1/items"));
    QTRY_VERIFY_WITH_TIMEOUT(!dialog->isChecking(), 3000);
    QVERIFY(dialog->hasBasePathConflict());
    QVERIFY2(text->text().contains(QStringLiteral("the route GET /orders/v1/items")),
             qPrintable(text->text()));
    // Nested, but with routes apart: free.
    typeInto(dialog, "importBasePath", QStringLiteral("/orders/v1/feeds"));
    QTRY_VERIFY_WITH_TIMEOUT(!dialog->isChecking(), 3000);
    QVERIFY(!dialog->hasBasePathConflict());
    typeInto(dialog, "importBasePath", QStringLiteral("/orders/v1"));
    QTRY_VERIFY_WITH_TIMEOUT(dialog->hasBasePathConflict(), 3000);

    QTest::mouseClick(use, Qt::LeftButton);
    QCOMPARE(path->text(), QStringLiteral("/order-feed/v1"));
    QTRY_VERIFY_WITH_TIMEOUT(okButton(dialog)->isEnabled(), 3000);
    QVERIFY(!text->isVisible());
    QTest::mouseClick(okButton(dialog), Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(imported.size(), 1, 3000);
    const QList<ApiDefinition> stored = versions(QStringLiteral("order-feed"));
    QCOMPARE(stored.size(), 1);
    QCOMPARE(stored.front().basePath, QStringLiteral("/order-feed/v1"));
    QCOMPARE(stored.front().routes.size(), 1);
}

void TestApiEditorDialog::brokenDocumentShowsWhereAndBlocksImport()
{
    OpenApiImportDialog dialog(m_catalog.get(), m_world.admin);
    dialog.show();
    QTRY_VERIFY_WITH_TIMEOUT(dialog.teamsLoaded(), 2000);
    auto* text = child<QPlainTextEdit>(&dialog, "openApiText");
    text->insertPlainText(QStringLiteral("openapi: 3.0.3\ninfo: [unclosed\n")); // pasted
    QVERIFY(dialog.isParsing());
    QTRY_VERIFY_WITH_TIMEOUT(!dialog.isParsing(), 5000);
    auto* errors = child<QLabel>(&dialog, "previewErrors");
    QVERIFY(errors->isVisible());
    QVERIFY2(errors->text().contains(QStringLiteral("pasted:3:")), qPrintable(errors->text()));
    QCOMPARE(child<QLabel>(&dialog, "openApiStatus")->text(),
             QStringLiteral("The document cannot be imported:"));
    QCOMPARE(child<QTableWidget>(&dialog, "previewOperations")->rowCount(), 0);
    QVERIFY(!okButton(&dialog)->isEnabled());
    saveScreenshot(&dialog, QStringLiteral("openapi_import_dialog_error.png"));

    // A valid document typed over it unblocks Import; a missing file does not.
    dialog.setDocumentText(QStringLiteral("openapi: 3.1.0\ninfo: {title: Tiny, version: '1'}\n"
                                          "paths:\n  /ping:\n    get:\n      responses:\n"
                                          "        '200': {description: ok}\n"));
    QTRY_VERIFY_WITH_TIMEOUT(okButton(&dialog)->isEnabled(), 5000);
    QCOMPARE(child<QTableWidget>(&dialog, "previewOperations")->rowCount(), 1);
    QVERIFY(!errors->isVisible());
    QCOMPARE(child<QLabel>(&dialog, "previewUpstream")->text(),
             QStringLiteral("none (add one before publishing)"));
    // Warnings show, but do not block.
    auto* warnings = child<QLabel>(&dialog, "previewWarnings");
    QVERIFY(!warnings->isVisible());
    dialog.setDocumentText(
        QStringLiteral("openapi: 3.1.0\ninfo: {title: Empty, version: '1'}\npaths: {}\n"));
    QTRY_VERIFY_WITH_TIMEOUT(warnings->isVisible(), 5000);
    QVERIFY2(warnings->text().contains(QStringLiteral("no operations to route")),
             qPrintable(warnings->text()));
    QTRY_VERIFY_WITH_TIMEOUT(okButton(&dialog)->isEnabled(), 3000); // once the catalog says free
    QCOMPARE(child<QTableWidget>(&dialog, "previewOperations")->rowCount(), 0);
    dialog.loadFile(m_dir.filePath(QStringLiteral("missing.yaml")));
    QVERIFY(!okButton(&dialog)->isEnabled());
    QTRY_VERIFY_WITH_TIMEOUT(errors->isVisible(), 5000);
    QVERIFY(errors->text().startsWith(QStringLiteral("Cannot read")));
    QTest::qWait(50);
    QVERIFY(!okButton(&dialog)->isEnabled());
    QCOMPARE(apiCount(), 1);
}

void TestApiEditorDialog::germanLayoutFits()
{
    QTranslator translator;
    QVERIFY(translator.load(QStringLiteral(":/i18n/gatehouse_de.qm")));
    QVERIFY(QCoreApplication::installTranslator(&translator));

    ApiEditorDialog editor(m_catalog.get(), m_world.publisher, ApiEditorDialog::Mode::Edit,
                           m_orders);
    editor.show();
    QVERIFY(QTest::qWaitForWindowExposed(&editor));
    QTRY_VERIFY_WITH_TIMEOUT(editor.teamsLoaded(), 2000);
    QCOMPARE(okButton(&editor)->text(), QStringLiteral("Speichern"));
    typeInto(&editor, "apiName", QString());
    test::clickOk(&editor);
    QVERIFY(!editor.fieldError(QStringLiteral("name")).isEmpty());
    test::verifyNothingClipped(&editor, QStringLiteral("API editor"));
    saveScreenshot(&editor, QStringLiteral("api_editor_dialog_general_de.png"));
    child<QTabWidget>(&editor, "apiEditorTabs")->setCurrentIndex(1);
    QTest::qWait(20);
    test::verifyNothingClipped(&editor, QStringLiteral("API editor"));
    saveScreenshot(&editor, QStringLiteral("api_editor_dialog_routing_de.png"));

    ApiEditorDialog version(m_catalog.get(), m_world.publisher, ApiEditorDialog::Mode::NewVersion,
                            m_orders);
    version.show();
    QVERIFY(QTest::qWaitForWindowExposed(&version));
    test::verifyNothingClipped(&version, QStringLiteral("new version"));
    saveScreenshot(&version, QStringLiteral("api_editor_dialog_new_version_de.png"));

    OpenApiImportDialog import(m_catalog.get(), m_world.publisher);
    import.show();
    QVERIFY(QTest::qWaitForWindowExposed(&import));
    QTRY_VERIFY_WITH_TIMEOUT(import.teamsLoaded(), 2000);
    import.loadFile(petstorePath());
    QTRY_VERIFY_WITH_TIMEOUT(okButton(&import)->isEnabled(), 5000);
    QCOMPARE(okButton(&import)->text(), QStringLiteral("Importieren"));
    test::verifyNothingClipped(&import, QStringLiteral("OpenAPI import"));
    saveScreenshot(&import, QStringLiteral("openapi_import_dialog_de.png"));

    QCoreApplication::removeTranslator(&translator);
}

QTEST_MAIN(TestApiEditorDialog)
#include "tst_api_editor_dialog.moc"
