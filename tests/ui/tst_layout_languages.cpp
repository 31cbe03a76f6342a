// SPDX-FileCopyrightText: Gatehouse contributors
// SPDX-License-Identifier: Apache-2.0
//
// Every page and main dialog of the console, in English, German and
// Simplified Chinese, at the window's default size and at the smallest size
// it allows (the dialogs as they open and at their minimum): no label,
// button, tab or title is cut off. Leaves a PNG per page, language and size.
#include "console_test_environment.h"
#include "demo_catalog_backend.h"
#include "layout_check.h"

#include "app/catalog_service.h"
#include "app/domain/api_lifecycle.h"
#include "app/gateway_controller.h"
#include "app/telemetry/telemetry_service.h"
#include "ui/applications/key_reveal_dialog.h"
#include "ui/catalog/catalog_model.h"
#include "ui/catalog/catalog_page.h"
#include "ui/catalog/lifecycle_dialog.h"
#include "ui/catalog_editor/api_editor_dialog.h"
#include "ui/catalog_editor/openapi_import_dialog.h"
#include "ui/main_window.h"
#include "ui/teams/sign_in_dialog.h"

#include <QDialog>
#include <QMetaEnum>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using gatehouse::app::ApiAction;
using gatehouse::app::ApiDefinition;
using gatehouse::app::ApiState;
using gatehouse::app::ApiVersionLink;
using gatehouse::app::CatalogService;
using gatehouse::app::GatewayController;
using gatehouse::app::Principal;
using gatehouse::ui::ApiEditorDialog;
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

private:
    void languageRows();
    // Shows `dialog` at the size it opens at, then at its minimum, checking
    // and capturing both.
    void checkDialog(QDialog* dialog, const QString& name, const QString& language);

    QTemporaryDir m_dir;
    std::unique_ptr<CatalogService> m_catalog;
    std::unique_ptr<GatewayController> m_gateway;
    std::unique_ptr<gatehouse::app::TelemetryService> m_telemetry;
    Principal m_localAdmin;
    QString m_trafficKey;
};

void TestLayoutLanguages::initTestCase()
{
    test::useConsoleTestEnvironment(QStringLiteral("tst_layout_languages"));
    QVERIFY(m_dir.isValid());
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
}

void TestLayoutLanguages::cleanupTestCase()
{
    if (m_telemetry)
        m_telemetry->stop();
    m_telemetry.reset();
    m_gateway.reset();
    m_catalog.reset();
}

void TestLayoutLanguages::languageRows()
{
    QTest::addColumn<QString>("language");
    for (const char* language : {"en", "de", "zh_CN"})
        QTest::newRow(language) << QString::fromLatin1(language);
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
            test::saveScreenshot(&window, QStringLiteral("layout_%1_%2_%3.png")
                                              .arg(MainWindow::pageId(page), language, sizeName));
        }
    }
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
}

QTEST_MAIN(TestLayoutLanguages)
#include "tst_layout_languages.moc"
