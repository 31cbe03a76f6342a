// SPDX-FileCopyrightText: Gatehouse contributors
// SPDX-License-Identifier: Apache-2.0
#include "app/demo_catalog.h"

#include "app/catalog_service.h"
#include "app/catalog_store.h"
#include "app/demo_workspace.h"
#include "app/domain/api_store.h"
#include "app/gateway_config_sync.h"
#include "app/gateway_controller.h"
#include "app/storage/sql_query.h"
#include "app/traffic_generator.h"
#include "app/workspace_file.h"
#include "tests/app/test_databases.h"
#include "tests/support/test_http.h"

#include <QTest>

using namespace gatehouse;
using namespace gatehouse::app;

// The demo workspace of a first start: seeded into an empty catalog only,
// once, and (on SQLite) served end to end by the real gateway in front of
// the in-process demo origin with the key the seeding hands out.
class TestDemoCatalog : public QObject {
    Q_OBJECT

private slots:
    void initTestCase_data() { TestDatabases::addBackends(); }
    void init();
    void cleanup();

    void seedsAnEmptyCatalog();
    void seedingTwiceChangesNothing();
    void retryCompletesAnInterruptedSeeding();
    void trafficKeyIsReissuedAndTheOldOneRevoked();
    void olderDemoMovesOffTheOpenRoutes();
    void leavesACatalogWithApisAlone();
    void onlyAnAdminSeeds();
    void servedThroughTheGateway();

private:
    qint64 count(const QString& table);
    qint64 activeTrafficKeys(CatalogStore& store);
    std::unique_ptr<CatalogStore> openStore();

    TestDatabases m_db;
    TestWorld m_world;
};

void TestDemoCatalog::init()
{
    GH_OPEN_FRESH(m_db);
    QString err;
    QVERIFY2(m_world.seed(m_db.database(), &err), qPrintable(err));
}

void TestDemoCatalog::cleanup()
{
    m_db.cleanup();
}

qint64 TestDemoCatalog::count(const QString& table)
{
    QString err;
    auto q = runSql(m_db.database().connection(), QStringLiteral("SELECT COUNT(*) FROM ") + table,
                    {}, &err);
    if (!q || !q->next()) {
        qWarning() << err;
        return -1;
    }
    return q->value(0).toLongLong();
}

qint64 TestDemoCatalog::activeTrafficKeys(CatalogStore& store)
{
    qint64 n = 0;
    for (const Application& a : store.applications().applications(m_world.admin))
        if (a.name == DemoCatalog::trafficApplicationName())
            for (const ApiKeyInfo& k : store.applications().keys(m_world.admin, a.id))
                n += k.isActive(nowMs()) ? 1 : 0;
    return n;
}

std::unique_ptr<CatalogStore> TestDemoCatalog::openStore()
{
    QString err;
    auto store = CatalogStore::open(QStringLiteral("demo_seed"), m_db.spec(), &err);
    if (!store)
        qWarning() << err;
    return store;
}

void TestDemoCatalog::seedsAnEmptyCatalog()
{
    auto store = openStore();
    QVERIFY(store);
    const DemoCatalogResult result = DemoCatalog::seed(*store, m_world.admin);
    QVERIFY2(result.ok(), qPrintable(result.error));
    QVERIFY(result.seeded);
    QVERIFY(result.trafficKey.startsWith(QLatin1String("gh_")));
    QVERIFY(!result.changes.isEmpty());

    QStringList teams;
    for (const Team& t : store->teams().teams())
        teams << t.name;
    QVERIFY(teams.contains(QStringLiteral("Storefront")));
    QVERIFY(teams.contains(QStringLiteral("Platform")));
    QStringList members; // "team/user/role"; the creating admin is an owner of both too
    for (const Team& t : store->teams().teams())
        for (const TeamMember& m : store->teams().members(t.id))
            members << t.name + u'/' + m.userName + u'/' + toString(m.teamRole);
    for (const char* expected : {"Storefront/maya/owner", "Storefront/jonas/member",
                                 "Platform/lin/owner", "Platform/sam/member"})
        QVERIFY2(members.contains(QLatin1String(expected)), expected);

    QCOMPARE(count(QStringLiteral("apis")), 5);
    QCOMPARE(count(QStringLiteral("applications")), 2);
    QCOMPARE(count(QStringLiteral("api_keys")), 2);
    QCOMPARE(count(QStringLiteral("subscriptions")), 4);
    const auto pending = store->subscriptions().pendingApprovals(m_world.admin);
    QCOMPARE(pending.size(), 1);
    QCOMPARE(toString(pending.front().state), QStringLiteral("pending"));

    QHash<QString, ApiDefinition> apis;
    QString err;
    const auto all =
        ApiStore::loadWhere(m_db.database().connection(), QStringLiteral("1 = 1"), {}, &err);
    QVERIFY2(all, qPrintable(err));
    for (const ApiDefinition& a : *all)
        apis.insert(a.slug + QLatin1Char('@') + a.version, a);
    QCOMPARE(toString(apis.value(QStringLiteral("products@v1")).state),
             QStringLiteral("deprecated"));
    QCOMPARE(apis.value(QStringLiteral("products@v1")).successorId,
             apis.value(QStringLiteral("products@v2")).id);
    QVERIFY(apis.value(QStringLiteral("products@v1")).sunsetAt > nowMs());
    QCOMPARE(toString(apis.value(QStringLiteral("products@v2")).state),
             QStringLiteral("published"));
    QCOMPARE(toString(apis.value(QStringLiteral("weather@v1")).state), QStringLiteral("published"));
    QVERIFY(apis.value(QStringLiteral("echo@v1")).authMode == AuthMode::Open);
    QCOMPARE(toString(apis.value(QStringLiteral("inventory@v1")).state), QStringLiteral("draft"));

    // One plan of each approval mode at least.
    bool automatic = false, manual = false;
    for (const ApiDefinition& a : *all)
        for (const Plan& p : store->plans().plans(m_world.admin, a.id))
            (p.approvalMode == ApprovalMode::Automatic ? automatic : manual) = true;
    QVERIFY(automatic);
    QVERIFY(manual);

    // The key is the traffic application's, and it works.
    QVERIFY(store->applications().verifyKey(result.trafficKey));
}

void TestDemoCatalog::seedingTwiceChangesNothing()
{
    auto store = openStore();
    QVERIFY(store);
    QVERIFY(DemoCatalog::seed(*store, m_world.admin).seeded);
    const QStringList tables{
        QStringLiteral("users"),    QStringLiteral("teams"),         QStringLiteral("team_members"),
        QStringLiteral("apis"),     QStringLiteral("plans"),         QStringLiteral("applications"),
        QStringLiteral("api_keys"), QStringLiteral("subscriptions"), QStringLiteral("audit_log")};
    QList<qint64> before;
    for (const QString& t : tables)
        before << count(t);

    const DemoCatalogResult again = DemoCatalog::seed(*store, m_world.admin);
    QVERIFY2(again.ok(), qPrintable(again.error));
    QVERIFY(!again.seeded);
    QVERIFY(again.trafficKey.isEmpty());
    QVERIFY(again.changes.isEmpty());
    for (qsizetype i = 0; i < tables.size(); ++i)
        QCOMPARE(count(tables[i]), before[i]);
}

// A first run that stopped after the teams and APIs (and the traffic
// application, whose key went with the failure): a second run completes it
// instead of leaving a catalog that "already has APIs" half made.
void TestDemoCatalog::retryCompletesAnInterruptedSeeding()
{
    auto store = openStore();
    QVERIFY(store);
    for (const char* user : {"maya", "jonas", "lin", "sam"})
        QVERIFY(store->users().createUser(m_world.admin, QLatin1String(user), QLatin1String(user),
                                          Role::Developer, QString()));
    const WorkspaceApplyResult applied =
        WorkspaceFile::apply(*store, m_world.admin, DemoCatalog::workspaceDocument());
    QVERIFY2(applied.ok(), qPrintable(applied.errors.join(u'\n')));
    qint64 platform = 0;
    for (const Team& t : store->teams().teams())
        if (t.name == QLatin1String("Platform"))
            platform = t.id;
    const auto app = store->applications().createApplication(
        m_world.admin, DemoCatalog::trafficApplicationName(), QString(), platform);
    QVERIFY(app);
    const auto lost =
        store->applications().issueKey(m_world.admin, app->id, DemoCatalog::trafficKeyLabel());
    QVERIFY(lost);
    QCOMPARE(count(QStringLiteral("apis")), 5);
    QCOMPARE(count(QStringLiteral("subscriptions")), 0);

    const DemoCatalogResult retry = DemoCatalog::seed(*store, m_world.admin);
    QVERIFY2(retry.ok(), qPrintable(retry.error));
    QVERIFY(retry.seeded);
    QVERIFY(!retry.changes.isEmpty());
    QCOMPARE(count(QStringLiteral("apis")), 5);
    QCOMPARE(count(QStringLiteral("applications")), 2);
    QCOMPARE(count(QStringLiteral("subscriptions")), 4);
    QCOMPARE(store->subscriptions().pendingApprovals(m_world.admin).size(), 1);
    // A key for the generator after all; the lost one no longer works.
    QVERIFY(retry.trafficKey.startsWith(QLatin1String("gh_")));
    QVERIFY(store->applications().verifyKey(retry.trafficKey));
    QVERIFY(!store->applications().verifyKey(lost->key));
    QCOMPARE(activeTrafficKeys(*store), 1);
    QString err;
    const auto v1 =
        ApiStore::loadWhere(m_db.database().connection(),
                            QStringLiteral("slug = 'products' AND version = 'v1'"), {}, &err);
    QVERIFY2(v1 && v1->size() == 1, qPrintable(err));
    QCOMPARE(toString(v1->front().state), QStringLiteral("deprecated"));

    // Now complete: a third run changes nothing.
    const qint64 audit = count(QStringLiteral("audit_log"));
    const DemoCatalogResult third = DemoCatalog::seed(*store, m_world.admin);
    QVERIFY2(third.ok(), qPrintable(third.error));
    QVERIFY(!third.seeded);
    QVERIFY2(third.changes.isEmpty(), qPrintable(third.changes.join(u'\n')));
    QCOMPARE(count(QStringLiteral("audit_log")), audit);
}

// The console's every start: a new key in memory, the last run's revoked.
void TestDemoCatalog::trafficKeyIsReissuedAndTheOldOneRevoked()
{
    auto store = openStore();
    QVERIFY(store);
    const DemoTrafficKey none = DemoCatalog::issueTrafficKey(*store, m_world.admin);
    QVERIFY2(none.ok(), qPrintable(none.error));
    QVERIFY(none.key.isEmpty()); // no demo workspace, no key
    QCOMPARE(count(QStringLiteral("api_keys")), 0);

    const DemoCatalogResult seeded = DemoCatalog::seed(*store, m_world.admin);
    QVERIFY(seeded.seeded);
    const DemoTrafficKey next = DemoCatalog::issueTrafficKey(*store, m_world.admin);
    QVERIFY2(next.ok(), qPrintable(next.error));
    QVERIFY(next.key.startsWith(QLatin1String("gh_")));
    QVERIFY(next.key != seeded.trafficKey);
    QVERIFY(store->applications().verifyKey(next.key));
    QVERIFY(!store->applications().verifyKey(seeded.trafficKey));
    QCOMPARE(activeTrafficKeys(*store), 1);
    // Only an administrator of the local workspace re-issues it.
    const DemoTrafficKey refused = DemoCatalog::issueTrafficKey(*store, m_world.publisher);
    QVERIFY(refused.key.isEmpty());
    QVERIFY(store->applications().verifyKey(next.key));
}

// A demo workspace made by an earlier version had Weather on /weather, where
// the demo origin's open route is: creating it again moves it.
void TestDemoCatalog::olderDemoMovesOffTheOpenRoutes()
{
    auto store = openStore();
    QVERIFY(store);
    QVERIFY(DemoCatalog::seed(*store, m_world.admin).seeded);
    QString err;
    const auto weather = ApiStore::loadWhere(m_db.database().connection(),
                                             QStringLiteral("slug = 'weather'"), {}, &err);
    QVERIFY2(weather && weather->size() == 1, qPrintable(err));
    ApiDefinition old = weather->front();
    old.basePath = QStringLiteral("/weather");
    QVERIFY2(store->apis().updateApi(m_world.admin, old), qPrintable(store->apis().lastError()));

    const DemoCatalogResult again = DemoCatalog::seed(*store, m_world.admin);
    QVERIFY2(again.ok(), qPrintable(again.error));
    QVERIFY(again.seeded);
    QCOMPARE(again.changes, QStringList{QStringLiteral("api weather@v1: updated")});
    QVERIFY(store->applications().verifyKey(again.trafficKey));
    QCOMPARE(store->apis().api(m_world.admin, old.id)->basePath, QStringLiteral("/v1/weather"));
}

void TestDemoCatalog::leavesACatalogWithApisAlone()
{
    auto store = openStore();
    QVERIFY(store);
    ApiDefinition def;
    def.slug = QStringLiteral("orders");
    def.name = QStringLiteral("Orders");
    def.teamId = m_world.teamId;
    def.basePath = QStringLiteral("/orders");
    QVERIFY2(store->apis().createApi(m_world.admin, def), qPrintable(store->apis().lastError()));
    const qint64 users = count(QStringLiteral("users"));
    const qint64 teams = count(QStringLiteral("teams"));
    const qint64 audit = count(QStringLiteral("audit_log"));

    const DemoCatalogResult result = DemoCatalog::seed(*store, m_world.admin);
    QVERIFY2(result.ok(), qPrintable(result.error));
    QVERIFY(!result.seeded);
    QVERIFY(result.trafficKey.isEmpty());
    QCOMPARE(count(QStringLiteral("apis")), 1);
    QCOMPARE(count(QStringLiteral("users")), users);
    QCOMPARE(count(QStringLiteral("teams")), teams);
    QCOMPARE(count(QStringLiteral("audit_log")), audit);
    QVERIFY(!store->users().userByName(QStringLiteral("maya")));
}

void TestDemoCatalog::onlyAnAdminSeeds()
{
    auto store = openStore();
    QVERIFY(store);
    const DemoCatalogResult result = DemoCatalog::seed(*store, m_world.publisher);
    QVERIFY(!result.ok());
    QVERIFY(!result.seeded);
    QCOMPARE(count(QStringLiteral("apis")), 0);
    QCOMPARE(count(QStringLiteral("teams")), 2); // the test world's own
}

void TestDemoCatalog::servedThroughTheGateway()
{
    if (TestDatabases::isPostgres())
        QSKIP("the gateway path does not depend on the back end; covered on SQLite");
    DemoWorkspace demo;
    QVERIFY2(demo.startOrigin(), qPrintable(demo.lastError()));
    // Seeded through the storage thread, on the same file the test world is in.
    CatalogService catalog;
    QCOMPARE(catalog.open(m_db.spec()), QString());
    const Principal admin = m_world.admin;
    const DemoCatalogResult seeded =
        catalog.runAndWait([&](CatalogStore& s) { return DemoCatalog::seed(s, admin); });
    QVERIFY2(seeded.ok() && seeded.seeded, qPrintable(seeded.error));

    GatewayController gatewayController;
    gatewayController.setStatsInterval(0);
    gateway::gateway_options options;
    options.listen_address = "127.0.0.1";
    options.port = 0;
    options.threads = 2;
    QVERIFY2(gatewayController.start(options), qPrintable(gatewayController.lastError()));
    GatewayConfigSync sync(catalog, gatewayController);
    sync.setBaseSnapshot(demo.snapshot());
    sync.recompileNow();
    QTRY_VERIFY_WITH_TIMEOUT(sync.appliedCount() > 0 || !sync.lastError().isEmpty(), 5000);
    QVERIFY2(sync.lastError().isEmpty(), qPrintable(sync.lastError()));
    QVERIFY2(sync.lastWarnings().isEmpty(), qPrintable(sync.lastWarnings().join(u'\n')));

    const quint16 port = gatewayController.port();
    const test::header_list withKey{{"X-API-Key", seeded.trafficKey.toStdString()}};
    auto get = [&](const char* target, const test::header_list& headers) {
        return test::http_request(port, "GET", target, headers, {}, std::chrono::seconds(5));
    };

    // Keyed API with the traffic key: through to the origin, then cached.
    const auto first = get("/v2/products/7", withKey);
    QCOMPARE(first.status, 200);
    QVERIFY2(first.body.find("\"id\":7") != std::string::npos, first.body.c_str());
    const auto second = get("/v2/products/7", withKey);
    QCOMPARE(second.status, 200);
    QVERIFY2(second.header("Cache-Status").find("; hit") != std::string::npos,
             second.header("Cache-Status").c_str());
    QCOMPARE(get("/v2/products/7", {}).status, 401);

    // The deprecated v1 says so, and names its sunset and successor.
    const auto old = get("/v1/products/7", withKey);
    QCOMPARE(old.status, 200);
    QVERIFY(old.has_header("Deprecation"));
    QVERIFY(old.has_header("Sunset"));
    QVERIFY2(old.header("Link").find("/v2") != std::string::npos, old.header("Link").c_str());
    QVERIFY(!second.has_header("Deprecation"));

    QCOMPARE(get("/v1/weather/berlin", withKey).status, 200);
    QCOMPARE(get("/v1/weather/berlin/forecast", withKey).status, 200);
    QCOMPARE(get("/v1/weather/berlin", {}).status, 401);
    QCOMPARE(get("/v1/echo/hello", {}).status, 200); // open

    // The draft reaches the origin's echo (its upstream's own path) for a key
    // of its team.
    const QString mobileKey = catalog.runAndWait([&](CatalogStore& s) {
        for (const Application& a : s.applications().applications(admin))
            if (a.name == QLatin1String("Storefront mobile"))
                if (const auto issued = s.applications().issueKey(admin, a.id, QStringLiteral("t")))
                    return issued->key;
        return QString();
    });
    QVERIFY(!mobileKey.isEmpty());
    sync.recompileNow();
    QTRY_VERIFY_WITH_TIMEOUT(
        get("/v1/inventory/items", {{"X-API-Key", mobileKey.toStdString()}}).status == 200, 5000);
    const auto draft = get("/v1/inventory/items", {{"X-API-Key", mobileKey.toStdString()}});
    QVERIFY2(draft.body.find("/echo/v1/inventory/items") != std::string::npos, draft.body.c_str());

    // The demo workspace's own routes stay open, whatever the catalog's ids,
    // and no catalog API takes part of their paths.
    const auto shop = get("/shop/7", {});
    QCOMPARE(shop.status, 200);
    QVERIFY(!shop.has_header("Deprecation"));
    QCOMPARE(get("/weather/berlin", {}).status, 200);
    QCOMPARE(get("/weather/berlin/forecast", {}).status, 200);
    QCOMPARE(get("/echo/inventory/items", {}).status, 200);

    // Every URL set of the traffic generator, as it sends them (with the key):
    // the catalog's keyed APIs and the open ones answer 2xx; the draft only
    // its own team's keys (Storefront's; the demo key is Platform's).
    for (const QString& name : TrafficGenerator::urlSetNames()) {
        const auto targets = TrafficGenerator::urlSetTargets(name);
        QVERIFY2(!targets.empty(), qPrintable(name));
        for (std::size_t i = 0; i < targets.size();
             i += std::max<std::size_t>(1, targets.size() / 4)) {
            const auto r = get(targets[i].c_str(), withKey);
            const int expected = name == QLatin1String("inventory") ? 403 : 200;
            QVERIFY2(r.status == expected,
                     qPrintable(QStringLiteral("%1 %2: %3 %4")
                                    .arg(name, QString::fromStdString(targets[i]))
                                    .arg(r.status)
                                    .arg(QString::fromStdString(r.body))));
            QCOMPARE(r.has_header("Deprecation"), name == QLatin1String("products-v1"));
        }
    }

    gatewayController.stopAndWait(std::chrono::milliseconds(500));
    demo.stopOrigin();
}

QTEST_GUILESS_MAIN(TestDemoCatalog)
#include "tst_demo_catalog.moc"
