// SPDX-FileCopyrightText: Gatehouse contributors
// SPDX-License-Identifier: Apache-2.0
#include "console_test_environment.h"
#include "demo_catalog_backend.h"
#include "dialog_driver.h"
#include "screenshot.h"
#include "ui/catalog/try_it_key_chooser.h"

#include "app/catalog_service.h"
#include "app/catalog_startup.h"
#include "app/demo_catalog.h"
#include "app/demo_workspace.h"
#include "app/domain/api_key.h"
#include "app/gateway_config_sync.h"
#include "app/gateway_controller.h"
#include "app/session_key_wallet.h"
#include "gateway/call_record.hpp"
#include "tests/app/catalog_call.h"
#include "ui/applications/api_keys_model.h"
#include "ui/applications/application_panel.h"
#include "ui/applications/applications_model.h"
#include "ui/applications/applications_page.h"
#include "ui/applications/new_application_dialog.h"
#include "ui/applications/request_subscription_dialog.h"
#include "ui/approvals/approvals_model.h"
#include "ui/approvals/approvals_page.h"
#include "ui/catalog/api_detail_pane.h"
#include "ui/catalog/catalog_model.h"
#include "ui/catalog/catalog_page.h"
#include "ui/catalog/try_it_panel.h"
#include "ui/main_window.h"
#include "ui/teams/teams_page.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

using namespace gatehouse;
using namespace gatehouse::app;
using gatehouse::test::okButton;
using gatehouse::test::saveScreenshot;
using gatehouse::ui::ApiDetailPane;
using gatehouse::ui::ApiKeysModel;
using gatehouse::ui::ApplicationsModel;
using gatehouse::ui::CatalogModel;
using gatehouse::ui::CatalogPage;
using gatehouse::ui::MainWindow;
using gatehouse::ui::TryItKeyChooser;
using gatehouse::ui::TryItPanel;

// Try It with an application's key, as people use it: a developer creates
// an application and asks for a manual plan, an admin approves it in the
// inbox, the developer has Try It issue a short-lived test key and calls
// the API through the real gateway (200, then a cache hit), revokes the key
// on the Applications page and is refused. All in one window, against the
// demo workspace in a real SQLite catalog, the "view as" switch changing
// who acts, as in a local console.
class TestTryItJourney : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void init();
    void cleanup();

    void developerIssuesATestKeyCallsAndRevokesIt();
    void demoTrafficKeyIsOfferedToTheAdmin();
    void openApiNeedsNoKey();
    void testKeyRefusedWhenTheActorLostTheApplication();
    void keyInQueryParameter();

private:
    CatalogPage* catalogPage() const { return m_window->catalogPage(); }
    TryItPanel* tryIt() const { return catalogPage()->detailPane()->tryIt(); }
    TryItKeyChooser* chooser() const { return tryIt()->keyChooser(); }
    ui::ApplicationsPage* appsPage() const { return m_window->applicationsPage(); }
    QPushButton* appsButton(const char* name) const
    {
        return appsPage()->findChild<QPushButton*>(QLatin1String(name));
    }
    // The Teams page's "view as" switch; returns who acts now.
    Principal viewAs(const QString& role);
    bool selectApi(const QString& slug, const QString& version);
    bool openTryIt(const QString& slug, const QString& version);
    void chooseKeySource(qint64 source);
    QStringList offeredNames() const;
    // Sends until the status is one of `wanted` (the gateway applies a
    // catalog change within moments), at most ~5 s.
    int sendUntil(QPushButton* button, const QList<int>& wanted);
    static bool fileContains(const QString& path, const QByteArray& needle);

    DemoWorkspace m_demo;
    QTemporaryDir m_dir;
    Principal m_localAdmin;
    QString m_trafficKey;
    std::unique_ptr<CatalogService> m_catalog;
    std::unique_ptr<GatewayController> m_gateway;
    std::unique_ptr<GatewayConfigSync> m_sync;
    std::unique_ptr<MainWindow> m_window;
    int m_databases = 0;
};

void TestTryItJourney::initTestCase()
{
    test::useConsoleTestEnvironment(QStringLiteral("tst_try_it_journey"));
    QVERIFY(m_dir.isValid());
    QVERIFY2(m_demo.startOrigin(), qPrintable(m_demo.lastError()));
}

void TestTryItJourney::cleanupTestCase()
{
    m_demo.stopOrigin();
}

void TestTryItJourney::init()
{
    m_catalog = std::make_unique<CatalogService>();
    test::openDemoCatalog(*m_catalog,
                          m_dir.filePath(QStringLiteral("catalog-%1.db").arg(++m_databases)),
                          m_localAdmin, m_trafficKey);
    if (QTest::currentTestFailed())
        return;

    m_gateway = std::make_unique<GatewayController>();
    m_gateway->setStatsInterval(0);
    test::startGatewayFromCatalog(*m_gateway, *m_catalog, m_demo.snapshot(), m_sync);
    if (QTest::currentTestFailed())
        return;

    m_window = std::make_unique<MainWindow>(m_gateway.get());
    m_window->setCatalogService(m_catalog.get(), m_localAdmin);
    m_window->teamsPage()->setViewAsAvailable(true);
    QVERIFY(m_window->keyWallet());
    m_window->resize(1400, 860);
    m_window->setCurrentPage(MainWindow::Catalog);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    QTRY_COMPARE_WITH_TIMEOUT(catalogPage()->model()->rowCount(), 5, 2000);
}

void TestTryItJourney::cleanup()
{
    m_window.reset();
    m_sync.reset();
    if (m_gateway)
        m_gateway->stopAndWait(std::chrono::milliseconds(500));
    m_gateway.reset();
    m_catalog.reset();
}

Principal TestTryItJourney::viewAs(const QString& role)
{
    QSignalSpy acting(m_window.get(), &MainWindow::actingPrincipalChanged);
    QComboBox* box = m_window->teamsPage()->viewAsCombo();
    box->setCurrentIndex(box->findText(role));
    emit box->activated(box->currentIndex());
    for (int i = 0; i < 400 && acting.isEmpty(); ++i)
        QTest::qWait(5);
    return acting.isEmpty() ? Principal{} : acting.first().at(0).value<Principal>();
}

bool TestTryItJourney::selectApi(const QString& slug, const QString& version)
{
    CatalogPage* page = catalogPage();
    QTableView* view = page->tableView();
    QAbstractItemModel* shown = view->model();
    for (int i = 0; i < 400 && shown->rowCount() == 0; ++i)
        QTest::qWait(5);
    for (int row = 0; row < shown->rowCount(); ++row) {
        const QModelIndex index = shown->index(row, CatalogModel::Name);
        const qint64 id = index.data(CatalogModel::ApiIdRole).toLongLong();
        const auto* e = page->model()->entry(page->model()->rowOf(id));
        if (e->api.slug != slug || e->api.version != version)
            continue;
        view->scrollTo(index);
        QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, view->visualRect(index).center());
        for (int i = 0; i < 400; ++i) {
            if (page->detailPane()->hasApi() && page->detailPane()->details().entry->api.id == id)
                return true;
            QTest::qWait(5);
        }
        return false;
    }
    return false;
}

bool TestTryItJourney::openTryIt(const QString& slug, const QString& version)
{
    m_window->setCurrentPage(MainWindow::Catalog);
    if (!selectApi(slug, version))
        return false;
    catalogPage()->detailPane()->tabs()->setCurrentIndex(ApiDetailPane::TryIt);
    for (int i = 0; i < 400 && chooser()->isLoading(); ++i)
        QTest::qWait(5);
    return !chooser()->isLoading() && tryIt()->isVisible();
}

void TestTryItJourney::chooseKeySource(qint64 source)
{
    QComboBox* box = chooser()->applicationBox();
    const int index = box->findData(source);
    QVERIFY2(index >= 0, qPrintable(QString::number(source)));
    box->setCurrentIndex(index);
    emit box->activated(index);
}

QStringList TestTryItJourney::offeredNames() const
{
    QStringList names;
    const QComboBox* box = chooser()->applicationBox();
    for (int i = 0; i < box->count(); ++i) {
        if (box->itemData(i).toLongLong() > 0)
            names << box->itemText(i);
    }
    return names;
}

int TestTryItJourney::sendUntil(QPushButton* button, const QList<int>& wanted)
{
    for (int attempt = 0; attempt < 50; ++attempt) {
        QTest::mouseClick(button, Qt::LeftButton);
        for (int i = 0; i < 1000 && tryIt()->isBusy(); ++i)
            QTest::qWait(5);
        if (wanted.contains(tryIt()->lastStatus()))
            break;
        QTest::qWait(100);
    }
    return tryIt()->lastStatus();
}

bool TestTryItJourney::fileContains(const QString& path, const QByteArray& needle)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return false;
    const QByteArray data = file.readAll();
    return data.contains(needle) || data.contains(QString::fromLatin1(needle).toUtf8()) ||
           QString::fromUtf8(data).contains(QString::fromLatin1(needle));
}

void TestTryItJourney::developerIssuesATestKeyCallsAndRevokesIt()
{
    const QString appName = QStringLiteral("Jonas try-it");
    // --- A developer creates an application and asks for the manual plan.
    const Principal developer = viewAs(QStringLiteral("Developer"));
    QVERIFY(developer.userId != 0);
    QVERIFY(developer.role == Role::Developer);
    m_window->setCurrentPage(MainWindow::Applications);
    QTRY_VERIFY_WITH_TIMEOUT(appsButton("newApplicationButton")->isEnabled(), 2000);
    QTest::mouseClick(appsButton("newApplicationButton"), Qt::LeftButton);
    ui::NewApplicationDialog* create = appsPage()->newApplicationDialog();
    QVERIFY(create);
    QTRY_VERIFY(create->isVisible());
    QTest::keyClicks(create->findChild<QLineEdit*>(QStringLiteral("applicationName")), appName);
    test::clickOk(create);
    QTRY_VERIFY_WITH_TIMEOUT(!appsPage()->newApplicationDialog(), 2000);
    qint64 appId = 0;
    QTRY_VERIFY_WITH_TIMEOUT((appId = appsPage()->selectedApplicationId()) > 0 &&
                                 appsPage()
                                         ->applicationsModel()
                                         ->item(appsPage()->applicationsModel()->rowOf(appId))
                                         ->application.name == appName,
                             2000);
    QTRY_VERIFY_WITH_TIMEOUT(appsButton("requestSubscriptionButton")->isEnabled(), 2000);
    QTest::mouseClick(appsButton("requestSubscriptionButton"), Qt::LeftButton);
    ui::RequestSubscriptionDialog* request = appsPage()->panel()->requestDialog();
    QVERIFY(request);
    QTRY_VERIFY_WITH_TIMEOUT(okButton(request)->isEnabled(), 2000);
    QVERIFY(request->choose(QStringLiteral("Products"), QStringLiteral("Partner")));
    test::clickOk(request);
    QTRY_VERIFY_WITH_TIMEOUT(!appsPage()->panel()->requestDialog(), 2000);
    QVERIFY2(appsPage()->message().contains(QLatin1String("pending approval")),
             qPrintable(appsPage()->message()));

    // --- Pending is not approved: Try It does not offer it, and says why.
    QVERIFY(openTryIt(QStringLiteral("products"), QStringLiteral("v2")));
    QVERIFY2(offeredNames().isEmpty(), qPrintable(offeredNames().join(QLatin1Char('|'))));
    QTRY_VERIFY_WITH_TIMEOUT(
        chooser()->notOfferedText().contains(appName + QStringLiteral(" (subscription pending")),
        2000);
    QCOMPARE(chooser()->choice(), TryItKeyChooser::PasteKey);
    QVERIFY(tryIt()->keyEdit()->isVisible());
    QTest::qWait(50);
    saveScreenshot(m_window.get(), QStringLiteral("try_it_not_offered.png"));

    // --- The admin approves it in the inbox.
    QVERIFY(viewAs(QStringLiteral("Admin")).userId == m_localAdmin.userId);
    m_window->setCurrentPage(MainWindow::Approvals);
    ui::ApprovalsPage* approvals = m_window->approvalsPage();
    int row = -1;
    for (int i = 0; i < 400 && row < 0; ++i) {
        for (int r = 0; r < approvals->inboxModel()->rowCount(); ++r) {
            if (approvals->inboxModel()->item(r)->application == appName)
                row = r;
        }
        if (row < 0)
            QTest::qWait(5);
    }
    QVERIFY(row >= 0);
    QTableView* inbox = approvals->inboxView();
    QTest::mouseClick(inbox->viewport(), Qt::LeftButton, {},
                      inbox->visualRect(inbox->model()->index(row, 0)).center());
    auto* approve = approvals->findChild<QPushButton*>(QStringLiteral("approveButton"));
    QVERIFY(approve->isEnabled());
    QTest::mouseClick(approve, Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(
        [&] {
            for (int r = 0; r < approvals->inboxModel()->rowCount(); ++r) {
                if (approvals->inboxModel()->item(r)->application == appName)
                    return false;
            }
            return true;
        }(),
        2000);

    // --- Back as the developer: the chooser follows and offers it now.
    QCOMPARE(viewAs(QStringLiteral("Developer")).userId, developer.userId);
    QVERIFY(openTryIt(QStringLiteral("products"), QStringLiteral("v2")));
    QTRY_COMPARE_WITH_TIMEOUT(offeredNames(),
                              QStringList{appName + QStringLiteral(" (plan Partner)")}, 2000);
    QVERIFY(!chooser()->notOfferedText().contains(appName));
    chooseKeySource(appId);
    QVERIFY(!tryIt()->keyEdit()->isVisible());
    QPushButton* issue = chooser()->issueKeyButton();
    QVERIFY(issue->isVisible() && issue->isEnabled());
    QVERIFY2(chooser()->noteText().contains(QLatin1String("has no key from this session")),
             qPrintable(chooser()->noteText()));
    QVERIFY(chooser()->noteText().contains(QLatin1String("shown only once")));
    // Without a key nothing is sent, and the panel says what to do.
    tryIt()->pathEdit()->setText(QStringLiteral("/v2/products/7"));
    QTest::mouseClick(tryIt()->sendButton(), Qt::LeftButton);
    QCOMPARE(tryIt()->lastStatus(), 0);
    QVERIFY2(tryIt()->errorText().contains(QLatin1String("has no key in this session")),
             qPrintable(tryIt()->errorText()));

    // --- Try It issues a short-lived test key and uses it.
    SessionKeyWallet* wallet = m_window->keyWallet();
    QVERIFY(!wallet->keyFor(appId));
    const qint64 before = QDateTime::currentMSecsSinceEpoch();
    QTest::mouseClick(issue, Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(wallet->keyFor(appId).has_value(), 3000);
    const WalletKey held = *wallet->keyFor(appId);
    QCOMPARE(held.label, QStringLiteral("Try it (console)"));
    QVERIFY(held.expiresAt > before + 3500 * 1000 && held.expiresAt <= before + 3601 * 1000);
    QVERIFY(!issue->isVisible());
    const QString shownAs = QStringLiteral("gh_") + held.prefix + QStringLiteral("…");
    QVERIFY2(chooser()->noteText().contains(shownAs), qPrintable(chooser()->noteText()));
    QVERIFY(chooser()->noteText().contains(QLatin1String("Try it (console)")));
    // The key itself is shown nowhere.
    for (QLineEdit* edit : m_window->findChildren<QLineEdit*>())
        QVERIFY(!edit->text().contains(held.key));
    for (QLabel* label : m_window->findChildren<QLabel*>())
        QVERIFY(!label->text().contains(held.key));

    QCOMPARE(sendUntil(tryIt()->sendButton(), {200}), 200);
    QVERIFY2(tryIt()->statusText().startsWith(QLatin1String("200")),
             qPrintable(tryIt()->statusText()));
    QVERIFY(tryIt()->errorText().isEmpty());
    QVERIFY2(tryIt()->bodyText().contains(QLatin1String("\"id\": 7")),
             qPrintable(tryIt()->bodyText()));
    QCOMPARE(tryIt()->cacheText(), QStringLiteral("Cache: miss"));
    QTest::mouseClick(tryIt()->sendAgainButton(), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(!tryIt()->isBusy() && tryIt()->lastStatus() == 200, 5000);
    QVERIFY2(tryIt()->lastHeader(QStringLiteral("Cache-Status")).contains(QLatin1String("; hit")),
             qPrintable(tryIt()->lastHeader(QStringLiteral("Cache-Status"))));
    QVERIFY(tryIt()->cacheText().startsWith(QLatin1String("Cache: hit")));
    QTest::qWait(50);
    saveScreenshot(m_window.get(), QStringLiteral("try_it_test_key.png"));

    // --- The key is listed with the application; revoked there, it is
    //     dropped from Try It and the gateway refuses it.
    m_window->setCurrentPage(MainWindow::Applications);
    appsPage()->selectApplication(appId);
    ui::ApplicationPanel* panel = appsPage()->panel();
    QTRY_COMPARE_WITH_TIMEOUT(panel->keysModel()->rowCount(), 1, 2000);
    QCOMPARE(panel->keysModel()->index(0, ApiKeysModel::Label).data().toString(),
             QStringLiteral("Try it (console)"));
    QCOMPARE(panel->keysModel()->index(0, ApiKeysModel::Prefix).data().toString(), shownAs);
    QVERIFY(panel->keysModel()->index(0, ApiKeysModel::Expires).data().toString() !=
            QStringLiteral("Never"));
    panel->keysView()->selectRow(0);
    QTest::mouseClick(appsButton("revokeKeyButton"), Qt::LeftButton);
    auto* confirm = test::shownChild<QMessageBox>(panel, QStringLiteral("revokeKeyConfirmation"));
    QVERIFY(confirm);
    QVERIFY(test::clickButton(confirm, QStringLiteral("confirmRevokeButton")));
    QTRY_VERIFY_WITH_TIMEOUT(appsPage()->message().contains(QLatin1String("revoked")), 2000);
    QTRY_VERIFY_WITH_TIMEOUT(!wallet->keyFor(appId), 2000);

    QVERIFY(openTryIt(QStringLiteral("products"), QStringLiteral("v2")));
    QCOMPARE(chooser()->choice(), appId);
    QTRY_VERIFY_WITH_TIMEOUT(
        chooser()->noteText().contains(shownAs + QStringLiteral(" of %1 was revoked").arg(appName)),
        2000);
    QVERIFY(chooser()->issueKeyButton()->isVisible());
    QTest::mouseClick(tryIt()->sendButton(), Qt::LeftButton);
    QCOMPARE(tryIt()->lastStatus(), 0);
    QVERIFY(tryIt()->errorText().contains(QLatin1String("has no key in this session")));
    QTest::qWait(50);
    saveScreenshot(tryIt(), QStringLiteral("try_it_key_dropped.png"));
    // Someone who kept the revoked key and pastes it: the gateway says no.
    chooseKeySource(TryItKeyChooser::PasteKey);
    QVERIFY(tryIt()->keyEdit()->isVisible());
    tryIt()->keyEdit()->setText(held.key);
    const int refused = sendUntil(tryIt()->sendButton(), {401, 403});
    QVERIFY2(refused == 401 || refused == 403, qPrintable(QString::number(refused)));
    QVERIFY(tryIt()->statusText().startsWith(QString::number(refused)));
    QVERIFY2(tryIt()->bodyText().contains(QStringLiteral("\"status\": %1").arg(refused)),
             qPrintable(tryIt()->bodyText()));
    tryIt()->keyEdit()->clear();
    QTest::qWait(50);
    saveScreenshot(m_window.get(), QStringLiteral("try_it_revoked.png"));

    // --- The key was never written down: not in the settings (saved when
    //     the window closes), not in the catalog's files.
    m_window->close();
    QSettings settings;
    settings.sync();
    QVERIFY(QFile::exists(settings.fileName()));
    QVERIFY(!settings.allKeys().isEmpty());
    QVERIFY2(!fileContains(settings.fileName(), held.key.toLatin1()),
             qPrintable(settings.fileName()));
    for (const QString& key : settings.allKeys())
        QVERIFY(!settings.value(key).toString().contains(held.key));
    int files = 0;
    QDirIterator it(m_dir.path(), QDir::Files);
    while (it.hasNext()) {
        const QString path = it.next();
        ++files;
        QVERIFY2(!fileContains(path, held.key.toLatin1()), qPrintable(path));
        // ...while the key's prefix, which the catalog does keep, is found:
        // the search would find the key if it were there.
    }
    QVERIFY(files >= 1);
    bool prefixFound = false;
    QDirIterator again(m_dir.path(), QDir::Files);
    while (again.hasNext()) {
        if (fileContains(again.next(), held.prefix.toLatin1()))
            prefixFound = true;
    }
    QVERIFY(prefixFound);
}

void TestTryItJourney::demoTrafficKeyIsOfferedToTheAdmin()
{
    // As main() does with the demo's traffic key.
    SessionKeyWallet* wallet = m_window->keyWallet();
    QSignalSpy adopted(wallet, &SessionKeyWallet::adopted);
    wallet->adopt(m_trafficKey);
    QTRY_COMPARE_WITH_TIMEOUT(adopted.size(), 1, 3000);
    QVERIFY(adopted.first().at(0).toBool());

    QVERIFY(openTryIt(QStringLiteral("products"), QStringLiteral("v2")));
    // The admin manages every application; Demo traffic holds a key and is
    // chosen, Storefront mobile's request still waits and is not offered.
    QTRY_VERIFY_WITH_TIMEOUT(offeredNames().contains(QStringLiteral("Demo traffic (plan Free)")),
                             2000);
    QVERIFY(!offeredNames().join(QLatin1Char('|')).contains(QLatin1String("Storefront mobile")));
    QVERIFY2(chooser()->notOfferedText().contains(
                 QLatin1String("Storefront mobile (subscription pending approval)")),
             qPrintable(chooser()->notOfferedText()));
    QCOMPARE(chooser()->applicationBox()->currentText(),
             QStringLiteral("Demo traffic (plan Free)"));
    QVERIFY(chooser()->noteText().contains(QLatin1String("traffic generator")));
    QVERIFY(!chooser()->issueKeyButton()->isVisible());
    tryIt()->pathEdit()->setText(QStringLiteral("/v2/products/3"));
    QCOMPARE(sendUntil(tryIt()->sendButton(), {200}), 200);

    // "None": the gateway's own refusal, shown as it is.
    chooseKeySource(TryItKeyChooser::NoKey);
    QVERIFY(chooser()->noteText().contains(QLatin1String("401")));
    QTest::mouseClick(tryIt()->sendButton(), Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(tryIt()->lastStatus(), 401, 5000);
    QVERIFY(tryIt()->errorText().isEmpty());

    // Another API: the same application, under the plan it has there.
    QVERIFY(openTryIt(QStringLiteral("weather"), QStringLiteral("v1")));
    QTRY_COMPARE_WITH_TIMEOUT(chooser()->applicationBox()->currentText(),
                              QStringLiteral("Demo traffic (plan Standard)"), 2000);
}

void TestTryItJourney::openApiNeedsNoKey()
{
    QVERIFY(openTryIt(QStringLiteral("echo"), QStringLiteral("v1")));
    QCOMPARE(chooser()->choice(), TryItKeyChooser::NoKey);
    QVERIFY(offeredNames().isEmpty());
    QVERIFY(chooser()->notOfferedText().isEmpty());
    QVERIFY(chooser()->noteText().contains(QLatin1String("open")));
    QCOMPARE(sendUntil(tryIt()->sendButton(), {200}), 200);
}

void TestTryItJourney::testKeyRefusedWhenTheActorLostTheApplication()
{
    // Storefront's pending request is approved: its members may try it.
    const Principal admin = m_localAdmin;
    const auto approved = callCatalog(*m_catalog, this, [admin](CatalogStore& s) {
        for (const Subscription& sub : s.subscriptions().pendingApprovals(admin)) {
            const auto app = s.applications().application(admin, sub.applicationId);
            if (app && app->name == QLatin1String("Storefront mobile"))
                return s.subscriptions().approve(admin, sub.id);
        }
        return false;
    });
    QVERIFY(approved && *approved);
    const Principal developer = viewAs(QStringLiteral("Developer"));
    QVERIFY(developer.role == Role::Developer);
    QVERIFY(openTryIt(QStringLiteral("products"), QStringLiteral("v2")));
    const QString mobile = QStringLiteral("Storefront mobile (plan Partner)");
    QTRY_VERIFY_WITH_TIMEOUT(offeredNames().contains(mobile), 2000);
    QComboBox* box = chooser()->applicationBox();
    const qint64 appId = box->itemData(box->findText(mobile)).toLongLong();
    chooseKeySource(appId);
    QVERIFY(chooser()->issueKeyButton()->isEnabled());

    // Meanwhile the developer leaves the team, unannounced (another console
    // on a shared catalog): the domain service refuses the key.
    const bool removed = m_catalog->runAndWait([admin, developer](CatalogStore& s) {
        for (const Team& team : s.teams().teamsOf(developer.userId)) {
            if (team.name == QLatin1String("Storefront"))
                return s.teams().removeMember(admin, team.id, developer.userId);
        }
        return false;
    });
    QVERIFY(removed);
    QTest::mouseClick(chooser()->issueKeyButton(), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(!chooser()->errorText().isEmpty(), 3000);
    QVERIFY2(chooser()->errorText().startsWith(
                 QLatin1String("No test key was issued for Storefront mobile.")),
             qPrintable(chooser()->errorText()));
    QVERIFY(!m_window->keyWallet()->keyFor(appId));
    QCOMPARE(tryIt()->lastStatus(), 0);

    // The refused change still announces itself: the list is read again,
    // the application is gone from it and the choice falls back to a
    // pasted key, while the refusal stays in sight.
    QTRY_VERIFY_WITH_TIMEOUT(!offeredNames().contains(mobile), 3000);
    QCOMPARE(chooser()->choice(), TryItKeyChooser::PasteKey);
    QVERIFY(!chooser()->errorText().isEmpty());
    QTest::qWait(50);
    saveScreenshot(tryIt(), QStringLiteral("try_it_issue_refused.png"));
}

// An API that also takes its key in a query parameter: Try It offers to
// send it there (the header stays the default), shows the URL with the key
// masked, and the gateway finds the key in the query: it takes the
// parameter out before forwarding, which it does only for a key it read
// from the query, never when a header carried one.
void TestTryItJourney::keyInQueryParameter()
{
    // Echo takes keys from now on, also as ?api_key=; Demo traffic subscribes.
    const Principal admin = m_localAdmin;
    const auto ready = callCatalog(*m_catalog, this, [admin](CatalogStore& s) {
        qint64 echoId = 0;
        for (const ApiDefinition& a : s.apis().visibleApis(admin)) {
            if (a.slug == QLatin1String("echo"))
                echoId = a.id;
        }
        auto api = s.apis().api(admin, echoId);
        if (!api)
            return s.apis().lastError();
        api->authMode = AuthMode::ApiKey;
        api->keyQueryParameter = QStringLiteral("api_key");
        if (!s.apis().updateApi(admin, *api))
            return s.apis().lastError();
        const auto plan = s.plans().createPlan(
            admin, Plan{0, echoId, QStringLiteral("Try"), ApprovalMode::Automatic, 0, 0, 0});
        if (!plan)
            return s.plans().lastError();
        for (const Application& app : s.applications().applications(admin)) {
            if (app.name != DemoCatalog::trafficApplicationName())
                continue;
            const auto sub = s.subscriptions().request(admin, app.id, plan->id);
            if (!sub)
                return s.subscriptions().lastError();
            return sub->state == SubscriptionState::Approved ? QString()
                                                             : QStringLiteral("not approved");
        }
        return QStringLiteral("no demo traffic application");
    });
    QVERIFY(ready);
    QVERIFY2(ready->isEmpty(), qPrintable(*ready));
    SessionKeyWallet* wallet = m_window->keyWallet();
    QSignalSpy adopted(wallet, &SessionKeyWallet::adopted);
    wallet->adopt(m_trafficKey);
    QTRY_COMPARE_WITH_TIMEOUT(adopted.size(), 1, 3000);

    // An API without a key parameter: the key goes in the header, no choice.
    QVERIFY(openTryIt(QStringLiteral("products"), QStringLiteral("v2")));
    QVERIFY(!tryIt()->keyPlacementBox()->isVisible());

    QVERIFY(openTryIt(QStringLiteral("echo"), QStringLiteral("v1")));
    QTRY_COMPARE_WITH_TIMEOUT(chooser()->applicationBox()->currentText(),
                              QStringLiteral("Demo traffic (plan Try)"), 3000);
    // Wait for the gateway to have the change: Echo refuses a call without key.
    QComboBox* box = chooser()->applicationBox();
    const qint64 trafficApp = box->currentData().toLongLong();
    QVERIFY(trafficApp > 0);
    chooseKeySource(TryItKeyChooser::NoKey);
    QCOMPARE(sendUntil(tryIt()->sendButton(), {401}), 401);
    chooseKeySource(trafficApp);
    QComboBox* placement = tryIt()->keyPlacementBox();
    QVERIFY(placement->isVisible());
    QCOMPARE(placement->count(), 2);
    QCOMPARE(placement->currentIndex(), 0);
    QCOMPARE(placement->currentText(), QStringLiteral("In the X-API-Key header"));
    QCOMPARE(placement->itemText(1), QStringLiteral("In the query parameter \"api_key\""));

    const QString masked =
        QStringLiteral("gh_") + ApiKeyCodec::lookupPrefix(m_trafficKey) + QStringLiteral("…");
    const QString base = m_gateway->listenUrl().toString();
    const auto echoed = [this] {
        return QJsonDocument::fromJson(tryIt()->bodyText().toUtf8()).object();
    };
    // What the gateway recorded of the calls to /v1/echo/hello: the target
    // as the client sent it (a key parameter's value hidden). A record is
    // committed just after its response is written: callers poll.
    QStringList recorded;
    const auto recordedTargets = [this, &recorded] {
        std::vector<gateway::call_record> records;
        m_gateway->drainCallRecords(records, 100000);
        for (const auto& r : records) {
            const auto path = r.path.view();
            if (path.starts_with("/v1/echo/hello"))
                recorded << QString::fromLatin1(path.data(), qsizetype(path.size()));
        }
        return recorded;
    };

    // --- In the query parameter.
    placement->setCurrentIndex(1);
    emit placement->activated(1);
    tryIt()->pathEdit()->setText(QStringLiteral("/v1/echo/hello?lang=en"));
    QVERIFY2(chooser()->noteText().contains(QLatin1String("in the query parameter \"api_key\"")),
             qPrintable(chooser()->noteText()));
    QCOMPARE(tryIt()->urlText(), QStringLiteral("URL: ") + base +
                                     QStringLiteral("/v1/echo/hello?lang=en&api_key=") + masked);
    QCOMPARE(sendUntil(tryIt()->sendButton(), {200}), 200);
    QCOMPARE(tryIt()->urlText(), QStringLiteral("URL: ") + base +
                                     QStringLiteral("/v1/echo/hello?lang=en&api_key=") + masked);
    for (QLabel* label : m_window->findChildren<QLabel*>())
        QVERIFY(!label->text().contains(m_trafficKey));
    QJsonObject echo = echoed();
    QJsonObject headers = echo.value(QStringLiteral("headers")).toObject();
    // Authenticated (the consumer is named upstream), the parameter taken out
    // of the query and no key header anywhere.
    QVERIFY2(!headers.value(QStringLiteral("x-application-id")).toString().isEmpty(),
             qPrintable(tryIt()->bodyText()));
    QCOMPARE(echo.value(QStringLiteral("query")).toString(), QStringLiteral("lang=en"));
    QVERIFY(!headers.contains(QStringLiteral("x-api-key")));
    QVERIFY(!tryIt()->bodyText().contains(m_trafficKey));
    QTRY_VERIFY_WITH_TIMEOUT(
        recordedTargets().contains(QStringLiteral("/v1/echo/hello?lang=en&api_key=REDACTED")),
        2000);
    QTest::qWait(50);
    saveScreenshot(tryIt(), QStringLiteral("try_it_key_in_query.png"));

    // --- Back in the header: the gateway sees no key parameter.
    placement->setCurrentIndex(0);
    emit placement->activated(0);
    QVERIFY(chooser()->noteText().contains(QLatin1String("as X-API-Key")));
    tryIt()->pathEdit()->setText(QStringLiteral("/v1/echo/hello?lang=de"));
    QCOMPARE(tryIt()->urlText(),
             QStringLiteral("URL: ") + base + QStringLiteral("/v1/echo/hello?lang=de"));
    QTest::mouseClick(tryIt()->sendButton(), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(!tryIt()->isBusy() && tryIt()->lastStatus() == 200, 5000);
    echo = echoed();
    headers = echo.value(QStringLiteral("headers")).toObject();
    QVERIFY(!headers.value(QStringLiteral("x-application-id")).toString().isEmpty());
    QCOMPARE(echo.value(QStringLiteral("query")).toString(), QStringLiteral("lang=de"));
    QTRY_VERIFY_WITH_TIMEOUT(recordedTargets().contains(QStringLiteral("/v1/echo/hello?lang=de")),
                             2000);
    for (const QString& target : recorded)
        QVERIFY2(!target.contains(m_trafficKey), qPrintable(target));

    // Without a key nothing goes anywhere: the gateway refuses, as it says.
    chooseKeySource(TryItKeyChooser::NoKey);
    placement->setCurrentIndex(1);
    QCOMPARE(tryIt()->urlText(),
             QStringLiteral("URL: ") + base + QStringLiteral("/v1/echo/hello?lang=de"));
    QTest::mouseClick(tryIt()->sendButton(), Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(tryIt()->lastStatus(), 401, 5000);
}

QTEST_MAIN(TestTryItJourney)
#include "tst_try_it_journey.moc"
