// SPDX-FileCopyrightText: Gatehouse contributors
// SPDX-License-Identifier: Apache-2.0
//
// Every page and main dialog of the console, in English, German and
// Simplified Chinese, at the window's default size and at the smallest size
// it allows (the dialogs as they open and at their minimum): no label,
// button, tab, title, placeholder or column header is cut off, and dates
// are written the language's way. Leaves a PNG per page, language and size.
#include "console_test_environment.h"
#include "demo_catalog_backend.h"
#include "keyboard_audit.h"
#include "layout_check.h"

#include "app/catalog_service.h"
#include "app/demo_workspace.h"
#include "app/domain/api_lifecycle.h"
#include "app/gateway_config_sync.h"
#include "app/gateway_controller.h"
#include "app/telemetry/call_log_writer.h"
#include "app/telemetry/telemetry_service.h"
#include "app/traffic_generator.h"
#include "tests/support/test_http.h"
#include "ui/applications/key_reveal_dialog.h"
#include "ui/approvals/approvals_model.h"
#include "ui/approvals/approvals_page.h"
#include "ui/approvals/reason_dialog.h"
#include "ui/call_logs/call_log_model.h"
#include "ui/call_logs/call_logs_page.h"
#include "ui/catalog/api_detail_pane.h"
#include "ui/catalog/catalog_model.h"
#include "ui/catalog/catalog_page.h"
#include "ui/catalog/lifecycle_dialog.h"
#include "ui/catalog_editor/api_editor_dialog.h"
#include "ui/catalog_editor/openapi_import_dialog.h"
#include "ui/main_window.h"
#include "ui/teams/sign_in_dialog.h"

#include <QComboBox>
#include <QDate>
#include <QDialog>
#include <QDockWidget>
#include <QHeaderView>
#include <QLineEdit>
#include <QMetaEnum>
#include <QRegularExpression>
#include <QSplitter>
#include <QStandardItemModel>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QVBoxLayout>

#include <memory>

using gatehouse::app::ApiAction;
using gatehouse::app::ApiDefinition;
using gatehouse::app::ApiState;
using gatehouse::app::ApiVersionLink;
using gatehouse::app::CatalogService;
using gatehouse::app::GatewayController;
using gatehouse::app::Principal;
using gatehouse::ui::ApiEditorDialog;
using gatehouse::ui::ApprovalsModel;
using gatehouse::ui::KeyRevealDialog;
using gatehouse::ui::LifecycleDialog;
using gatehouse::ui::MainWindow;
using gatehouse::ui::OpenApiImportDialog;
using gatehouse::ui::SignInDialog;
namespace test = gatehouse::test;

namespace {

// The size the console opens at on a first start (MainWindow::restoreSettings).
constexpr QSize defaultWindowSize(1420, 860);

} // namespace

class TestLayoutLanguages : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void pagesFit_data();
    void pagesFit();
    void dialogsFit_data();
    void dialogsFit();
    void checkFindsCutPlaceholdersAndHeaders();
    void datesFollowTheLanguage_data();
    void datesFollowTheLanguage();

private:
    void languageRows();
    // Selects the demo's deprecated Products v1 in the window's catalog and
    // waits for its details; what went wrong, or empty.
    static QString showDeprecatedApi(MainWindow& window);
    // Shows `dialog` at the size it opens at, then at its minimum, checking
    // and capturing both.
    void checkDialog(QDialog* dialog, const QString& name, const QString& language);

    QTemporaryDir m_dir;
    std::unique_ptr<CatalogService> m_catalog;
    gatehouse::app::DemoWorkspace m_demo; // the base configuration the catalog compiles onto
    std::unique_ptr<GatewayController> m_gateway;
    std::unique_ptr<gatehouse::app::GatewayConfigSync> m_sync;
    std::unique_ptr<gatehouse::app::TelemetryService> m_telemetry;
    Principal m_localAdmin;
    QString m_trafficKey;
};

void TestLayoutLanguages::initTestCase()
{
    test::useConsoleTestEnvironment(QStringLiteral("tst_layout_languages"));
    QVERIFY(m_dir.isValid());
    // Run again with QT_SCALE_FACTOR (tst_layout_languages_hidpi): make sure
    // the pages really are laid out at that pixel density.
    if (qEnvironmentVariableIsSet("QT_SCALE_FACTOR")) {
        const qreal factor = qEnvironmentVariable("QT_SCALE_FACTOR").toDouble();
        QVERIFY(factor > 1.0);
        QCOMPARE(qApp->devicePixelRatio(), factor);
    }
    QVERIFY2(m_demo.startOrigin(), qPrintable(m_demo.lastError()));
    m_catalog = std::make_unique<CatalogService>();
    test::openDemoCatalog(*m_catalog, m_dir.filePath(QStringLiteral("catalog.db")), m_localAdmin,
                          m_trafficKey);
    m_gateway = std::make_unique<GatewayController>();
    m_gateway->setStatsInterval(0);
    // The call logs, the dashboard's charts and the catalog's analytics.
    gatehouse::app::TelemetryServiceOptions options;
    options.database = m_dir.filePath(QStringLiteral("telemetry.sqlite"));
    m_telemetry = std::make_unique<gatehouse::app::TelemetryService>(m_gateway.get(), options);
    QVERIFY2(m_telemetry->start(), qPrintable(m_telemetry->lastError()));
    // Calls for the call logs to list, with times and numbers to write in
    // each language: paths no API serves (404), logged like any other call.
    test::startGatewayFromCatalog(*m_gateway, *m_catalog, m_demo.snapshot(), m_sync);
    if (QTest::currentTestFailed())
        return;
    constexpr quint64 calls = 3;
    for (quint64 i = 0; i < calls; ++i) {
        const std::string target = "/nowhere/" + std::to_string(i);
        QCOMPARE(test::http_request(m_gateway->port(), "GET", target).status, 404);
    }
    QTRY_COMPARE_WITH_TIMEOUT(
        (m_telemetry->writer()->flushNow(), m_telemetry->writer()->counters().written), calls,
        5000);
}

void TestLayoutLanguages::cleanupTestCase()
{
    m_sync.reset();
    if (m_gateway)
        m_gateway->stopAndWait(std::chrono::milliseconds(500));
    if (m_telemetry)
        m_telemetry->stop();
    m_telemetry.reset();
    m_gateway.reset();
    m_demo.stopOrigin();
    m_catalog.reset();
}

void TestLayoutLanguages::languageRows()
{
    test::addConsoleLanguageRows();
}

QString TestLayoutLanguages::showDeprecatedApi(MainWindow& window)
{
    gatehouse::ui::CatalogPage* catalog = window.catalogPage();
    qint64 id = 0;
    for (int row = 0; row < catalog->model()->rowCount(); ++row) {
        const gatehouse::app::CatalogEntry* entry = catalog->model()->entry(row);
        if (entry->api.slug == QLatin1String("products") &&
            entry->api.version == QLatin1String("v1"))
            id = entry->api.id;
    }
    if (id == 0)
        return QStringLiteral("the catalog does not list Products v1");
    catalog->selectApi(id);
    gatehouse::ui::ApiDetailPane* pane = catalog->detailPane();
    for (int i = 0; i < 400 && !(pane->hasApi() && pane->details().entry->api.id == id); ++i)
        QTest::qWait(5);
    if (!pane->hasApi() || pane->details().entry->api.id != id)
        return QStringLiteral("the details of Products v1 did not show: %1").arg(pane->heading());
    const gatehouse::app::ApiDefinition& api = pane->details().entry->api;
    if (api.state != ApiState::Deprecated || api.sunsetAt <= 0)
        return QStringLiteral("Products v1 is not deprecated with a sunset date");
    QTest::qWait(30); // lets the pane lay out its header again
    return {};
}

void TestLayoutLanguages::pagesFit_data()
{
    languageRows();
}

void TestLayoutLanguages::pagesFit()
{
    QFETCH(QString, language);
    const test::ConsoleLanguage translation(language);
    QVERIFY(translation.isLoaded());
    MainWindow window(m_gateway.get());
    window.setCatalogService(m_catalog.get(), m_localAdmin);
    window.setTelemetryService(m_telemetry.get());
    window.resize(defaultWindowSize);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QTRY_VERIFY_WITH_TIMEOUT(window.catalogPage()->model()->rowCount() > 0, 3000);

    QStringList failures;
    for (const auto& [size, sizeName] : {std::pair{defaultWindowSize, QStringLiteral("default")},
                                         std::pair{QSize(), QStringLiteral("minimum")}}) {
        // QSize(1, 1) becomes the smallest size the window lets itself be made.
        window.resize(size.isValid() ? size : QSize(1, 1));
        for (int i = 0; i < MainWindow::PageCount; ++i) {
            const auto page = static_cast<MainWindow::Page>(i);
            window.setCurrentPage(page);
            QTest::qWait(30); // lets the page lay itself out and load
            const QStringList clipped = test::clippedTexts(&window);
            if (!clipped.isEmpty())
                failures << QStringLiteral("%1 at %2 size %3x%4: %5")
                                .arg(MainWindow::pageId(page), sizeName)
                                .arg(window.width())
                                .arg(window.height())
                                .arg(clipped.join(QStringLiteral("; ")));
            if (page == MainWindow::Catalog) {
                // The detail pane's header with the longest badge: a
                // deprecated API (with a sunset date), beside its name and
                // the Export button; also with the splitter dragged to make
                // the pane as narrow as it lets itself be made.
                const QString problem = showDeprecatedApi(window);
                gatehouse::ui::ApiDetailPane* pane = window.catalogPage()->detailPane();
                auto* splitter = qobject_cast<QSplitter*>(pane->parentWidget());
                const QList<int> sizes = splitter ? splitter->sizes() : QList<int>();
                for (const bool narrow : {false, true}) {
                    if (narrow && splitter) {
                        splitter->setSizes({splitter->width(), 1});
                        QTest::qWait(30);
                    }
                    const QStringList cut = test::clippedTexts(pane);
                    if (!problem.isEmpty() || !cut.isEmpty())
                        failures << QStringLiteral("catalog detail of Products v1 (%1 px wide) "
                                                   "at %2 size %3x%4: %5")
                                        .arg(pane->width())
                                        .arg(sizeName)
                                        .arg(window.width())
                                        .arg(window.height())
                                        .arg(problem.isEmpty() ? cut.join(QStringLiteral("; "))
                                                               : problem);
                    test::saveScreenshot(&window,
                                         QStringLiteral("layout_catalog_deprecated%1_%2_%3.png")
                                             .arg(narrow ? QStringLiteral("_narrow") : QString(),
                                                  language, sizeName));
                }
                if (splitter)
                    splitter->setSizes(sizes);
            }
            // Each Alt+letter answers one thing in every language, not only
            // in English (tst_keyboard_navigation).
            if (const QStringList twice = test::keyboard::duplicateMnemonics(&window);
                !twice.isEmpty())
                failures << QStringLiteral("%1: the same Alt+letter twice: %2")
                                .arg(MainWindow::pageId(page), twice.join(QStringLiteral("; ")));
            test::saveScreenshot(&window, QStringLiteral("layout_%1_%2_%3.png")
                                              .arg(MainWindow::pageId(page), language, sizeName));
        }
    }
    // The demo traffic dock beside the dashboard, where it is opened: its
    // Alt+letters are its own there.
    gatehouse::app::TrafficGenerator traffic;
    traffic.setDemoOrigin(m_demo.origin());
    window.setTrafficGenerator(&traffic);
    window.resize(defaultWindowSize);
    window.setCurrentPage(MainWindow::Dashboard);
    window.trafficDock()->show();
    QTest::qWait(30);
    if (const QStringList twice = test::keyboard::duplicateMnemonics(&window); !twice.isEmpty())
        failures << QStringLiteral("dashboard with the demo traffic dock: the same Alt+letter "
                                   "twice: %1")
                        .arg(twice.join(QStringLiteral("; ")));
    test::saveScreenshot(&window, QStringLiteral("layout_traffic_dock_%1.png").arg(language));
    QVERIFY2(failures.isEmpty(), qPrintable(failures.join(QLatin1Char('\n'))));
}

void TestLayoutLanguages::dialogsFit_data()
{
    languageRows();
}

void TestLayoutLanguages::checkDialog(QDialog* dialog, const QString& name, const QString& language)
{
    dialog->show();
    QVERIFY(QTest::qWaitForWindowExposed(dialog));
    QTest::qWait(30);
    test::verifyNothingClipped(dialog, name + QStringLiteral(" as opened"));
    const QStringList twice = test::keyboard::duplicateMnemonics(dialog);
    QVERIFY2(twice.isEmpty(), qPrintable(name + QStringLiteral(": the same Alt+letter twice: ") +
                                         twice.join(QStringLiteral("; "))));
    test::saveScreenshot(dialog, QStringLiteral("layout_dialog_%1_%2.png").arg(name, language));
    dialog->resize(1, 1); // as small as the dialog lets itself be made
    QTest::qWait(30);
    test::verifyNothingClipped(dialog, name + QStringLiteral(" at its minimum size"));
    test::saveScreenshot(dialog,
                         QStringLiteral("layout_dialog_%1_%2_minimum.png").arg(name, language));
    dialog->reject();
}

void TestLayoutLanguages::dialogsFit()
{
    QFETCH(QString, language);
    const test::ConsoleLanguage translation(language);
    QVERIFY(translation.isLoaded());

    ApiEditorDialog editor(m_catalog.get(), m_localAdmin, ApiEditorDialog::Mode::Create);
    checkDialog(&editor, QStringLiteral("api_editor"), language);
    if (QTest::currentTestFailed())
        return;

    OpenApiImportDialog import(m_catalog.get(), m_localAdmin);
    checkDialog(&import, QStringLiteral("openapi_import"), language);
    if (QTest::currentTestFailed())
        return;

    SignInDialog signIn(m_catalog.get(), QStringLiteral("postgresql://db.example/gatehouse"));
    checkDialog(&signIn, QStringLiteral("sign_in"), language);
    if (QTest::currentTestFailed())
        return;

    ApiDefinition api;
    api.id = 1;
    api.slug = QStringLiteral("products");
    api.name = QStringLiteral("Products");
    api.version = QStringLiteral("v1");
    api.basePath = QStringLiteral("/products/v1");
    api.state = ApiState::Published;
    const QList<ApiVersionLink> versions{{1, QStringLiteral("v1"), ApiState::Published, 0},
                                         {2, QStringLiteral("v2"), ApiState::Published, 0}};
    for (const auto& [action, name] :
         {std::pair{ApiAction::Deprecate, QStringLiteral("deprecate")},
          std::pair{ApiAction::Retire, QStringLiteral("retire")},
          std::pair{ApiAction::NewVersion, QStringLiteral("new_version")}}) {
        LifecycleDialog lifecycle(action, api, versions);
        checkDialog(&lifecycle, QStringLiteral("lifecycle_") + name, language);
        if (QTest::currentTestFailed())
            return;
    }

    KeyRevealDialog reveal(QStringLiteral("Inventory sync"),
                           QStringLiteral("gh_live_7f3c9a1e5b2d4c6f8a0e1b3d5f7a9c2e"));
    checkDialog(&reveal, QStringLiteral("key_reveal"), language);
    if (QTest::currentTestFailed())
        return;

    // As the approvals page words it (its strings, in its context).
    gatehouse::ui::ReasonDialog reason(
        gatehouse::ui::ApprovalsPage::tr("Revoke Subscriptions"),
        gatehouse::ui::ApprovalsPage::tr(
            "Why are the selected subscriptions revoked? This cannot be undone."),
        gatehouse::ui::ApprovalsPage::tr("Revoke"));
    checkDialog(&reason, QStringLiteral("revoke_reason"), language);
}

void TestLayoutLanguages::checkFindsCutPlaceholdersAndHeaders()
{
    // The check itself: what it must report, and what it must let pass.
    QWidget root;
    auto* layout = new QVBoxLayout(&root);
    auto* edit = new QLineEdit(&root);
    edit->setObjectName(QStringLiteral("narrowEdit"));
    edit->setPlaceholderText(QStringLiteral("Name, Tag, Beschreibung oder Pfad suchen"));
    edit->setFixedWidth(80);
    layout->addWidget(edit);
    auto* combo = new QComboBox(&root);
    combo->setObjectName(QStringLiteral("narrowCombo"));
    combo->setPlaceholderText(QStringLiteral("Eine Anwendung auswählen"));
    combo->setFixedWidth(80);
    layout->addWidget(combo);
    QStandardItemModel model(1, 3);
    model.setHorizontalHeaderLabels(
        {QStringLiteral("Zeit"), QStringLiteral("Anwendung"), QStringLiteral("Begründung")});
    auto* table = new QTableView(&root);
    table->setObjectName(QStringLiteral("table"));
    table->setModel(&model);
    table->setSortingEnabled(true);
    table->horizontalHeader()->setStretchLastSection(true);
    table->horizontalHeader()->setMinimumSectionSize(10);
    table->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    layout->addWidget(table);
    root.resize(400, 300);
    root.show();
    QVERIFY(QTest::qWaitForWindowExposed(&root));
    QHeaderView* header = table->horizontalHeader();
    header->resizeSection(0, header->sectionSizeHint(0));
    header->resizeSection(1, 30); // squeezed: "Anwendung" elided
    QTest::qWait(30);
    QStringList clipped = test::clippedTexts(&root);
    const auto reports = [&clipped](const QString& kind, const QString& text) {
        return clipped.filter(kind).filter(QLatin1Char('"') + text + QLatin1Char('"')).size() == 1;
    };
    QVERIFY2(reports(QStringLiteral("placeholder narrowEdit"), edit->placeholderText()),
             qPrintable(clipped.join(u'\n')));
    QVERIFY2(reports(QStringLiteral("combo box placeholder"), combo->placeholderText()),
             qPrintable(clipped.join(u'\n')));
    QVERIFY2(reports(QStringLiteral("header section"), QStringLiteral("Anwendung")),
             qPrintable(clipped.join(u'\n')));
    QVERIFY2(clipped.filter(QStringLiteral("\"Zeit\"")).isEmpty(), qPrintable(clipped.join(u'\n')));
    QVERIFY2(clipped.filter(QStringLiteral("\"Begründung\"")).isEmpty(),
             qPrintable(clipped.join(u'\n')));

    // Room enough for each: nothing to report. The stretched last section is
    // measured by the room left in the viewport, which here is too little
    // once the others are wide.
    edit->setFixedWidth(edit->sizeHint().width() + 300);
    combo->setFixedWidth(360);
    header->resizeSection(1, header->sectionSizeHint(1));
    QTest::qWait(30);
    clipped = test::clippedTexts(&root);
    QVERIFY2(clipped.isEmpty(), qPrintable(clipped.join(u'\n')));
    header->resizeSection(0, table->viewport()->width() - header->sectionSizeHint(1) - 20);
    QTest::qWait(30);
    clipped = test::clippedTexts(&root);
    QVERIFY2(reports(QStringLiteral("header section"), QStringLiteral("Begründung")),
             qPrintable(clipped.join(u'\n')));
}

void TestLayoutLanguages::datesFollowTheLanguage_data()
{
    // How each language writes a date, spelled out here rather than asked of
    // QLocale, and how its "Since <date>" starts.
    QTest::addColumn<QString>("language");
    QTest::addColumn<QString>("dateFormat");
    QTest::addColumn<QString>("since");
    QTest::newRow("en") << QStringLiteral("en") << QStringLiteral("M/d/yyyy")
                        << QStringLiteral("Since ");
    QTest::newRow("de") << QStringLiteral("de") << QStringLiteral("dd.MM.yyyy")
                        << QStringLiteral("Seit ");
    QTest::newRow("zh_CN") << QStringLiteral("zh_CN") << QStringLiteral("yyyy/M/d")
                           << QStringLiteral("自 ");
}

void TestLayoutLanguages::datesFollowTheLanguage()
{
    QFETCH(QString, language);
    QFETCH(QString, dateFormat);
    QFETCH(QString, since);
    const QLocale before;
    {
        const test::ConsoleLanguage translation(language);
        QVERIFY(translation.isLoaded());
        QCOMPARE(QLocale().name(), QLocale(language).name());
        MainWindow window(m_gateway.get());
        window.setCatalogService(m_catalog.get(), m_localAdmin);
        window.setTelemetryService(m_telemetry.get());
        window.resize(defaultWindowSize);
        window.setCurrentPage(MainWindow::CallLogs);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));

        // The call logs' range, as the page shows it: the last 24 hours.
        auto* range = window.callLogsPage()->findChild<QLabel*>(QStringLiteral("callLogsRange"));
        QVERIFY(range);
        const QDate yesterday = QDate::currentDate().addDays(-1);
        const QString day = yesterday.toString(dateFormat);
        QTRY_VERIFY_WITH_TIMEOUT(range->text().contains(day), 3000);
        QVERIFY2(range->text().contains(QRegularExpression(
                     QRegularExpression::escape(day) + QStringLiteral(" \\d\\d:\\d\\d:\\d\\d"))),
                 qPrintable(range->text()));
        QVERIFY2(range->text().startsWith(since), qPrintable(range->text()));
        // The calls themselves, made today, in the table.
        gatehouse::ui::CallLogModel* calls = window.callLogsPage()->model();
        QTRY_VERIFY_WITH_TIMEOUT(calls->rowCount() >= 3, 3000);
        const QString time = calls->index(0, gatehouse::ui::CallLogModel::Time).data().toString();
        QVERIFY2(time.contains(QRegularExpression(
                     QStringLiteral("^") +
                     QRegularExpression::escape(QDate::currentDate().toString(dateFormat)) +
                     QStringLiteral(" \\d\\d:\\d\\d:\\d\\d\\.\\d{3}$"))),
                 qPrintable(time));
        test::saveScreenshot(&window, QStringLiteral("dates_call_logs_%1.png").arg(language));

        // The approvals inbox: the demo's pending request, dated today in the
        // language's short date (German: 02.12.26).
        window.setCurrentPage(MainWindow::Approvals);
        ApprovalsModel* inbox = window.approvalsPage()->inboxModel();
        QTRY_VERIFY_WITH_TIMEOUT(inbox->rowCount() > 0, 3000);
        const QString requested = inbox->index(0, ApprovalsModel::RequestedAt).data().toString();
        const QString shortFormat = language == QLatin1String("de")   ? QStringLiteral("dd.MM.yy")
                                    : language == QLatin1String("en") ? QStringLiteral("M/d/yy")
                                                                      : QStringLiteral("yyyy/M/d");
        QVERIFY2(requested.startsWith(QDate::currentDate().toString(shortFormat)),
                 qPrintable(requested));
    }
    // The language's locale goes with its translation.
    QCOMPARE(QLocale(), before);
}

QTEST_MAIN(TestLayoutLanguages)
#include "tst_layout_languages.moc"
