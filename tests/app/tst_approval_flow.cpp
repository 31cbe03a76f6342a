// SPDX-FileCopyrightText: Gatehouse contributors
// SPDX-License-Identifier: Apache-2.0
#include "app/gateway_config_sync.h"

#include "app/catalog_service.h"
#include "app/gateway_controller.h"
#include "app/storage/sql_query.h"
#include "gateway/demo_origin.hpp"
#include "tests/app/catalog_call.h"
#include "tests/app/test_databases.h"
#include "tests/support/test_http.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>
#include <QSignalSpy>
#include <QTest>

#include <optional>

using namespace gatehouse;
using namespace gatehouse::app;

// The approval flow end to end: catalog changes made through CatalogService
// (storage thread) are compiled and applied to the real gateway, in front of
// a real demo origin, within a second. On SQLite and PostgreSQL.
class TestApprovalFlow : public QObject {
    Q_OBJECT

private slots:
    void initTestCase_data() { TestDatabases::addBackends(); }
    void initTestCase();
    void cleanupTestCase() { m_origin.stop(); }
    void init();
    void cleanup();

    void requestApproveSuspendRevoke();
    void retireAnswers410AndDeprecationDecorates();
    void noPlaintextKeyInTheDatabase();
    void changesFromAnotherConsoleArePolled();
    void revokedSubscriptionCutsAccessWithinASecond();
    void failedCompileKeepsTheRunningConfiguration();
    void unresolvableUpstreamIsAWarningAndTheRestKeepsWorking();
    void invalidUpstreamLeavesOnlyThatApiOut();
    void queryKeyOnlyWhereTheApiOptsIn();

private:
    // Runs `work` on the storage thread through mutate() and waits (bounded)
    // for its result.
    template <typename Work>
    auto call(Work work) -> std::optional<std::invoke_result_t<Work&, CatalogStore&>>
    {
        return callCatalog(*m_catalog, this, std::move(work));
    }
    // Calls the API with `key` until it answers `status`, processing events
    // in between (the sync runs on this thread). Milliseconds it took, or -1
    // when it did not happen within `limitMs`.
    qint64 waitForStatus(int status, const QString& key, int limitMs = 3000);
    // The test application subscribes to the test plan, the admin approves,
    // and the gateway lets the test key through: the subscription's id, or
    // 0 when any step failed.
    qint64 approveTheKeysSubscription();
    test::http_response get(const QString& key);
    bool startStack(QString* error);

    gateway::demo_origin m_origin;
    TestDatabases m_db;
    TestWorld m_world;
    std::unique_ptr<CatalogService> m_catalog;
    std::unique_ptr<GatewayController> m_gateway;
    std::unique_ptr<GatewayConfigSync> m_sync;
    qint64 m_apiId = 0;
    qint64 m_planId = 0;
    qint64 m_appId = 0;
    qint64 m_keyId = 0;
    QString m_key;
};

void TestApprovalFlow::initTestCase()
{
    QCOMPARE(QString::fromStdString(m_origin.start()), QString());
}

void TestApprovalFlow::init()
{
    GH_OPEN_FRESH(m_db);
    QString err;
    QVERIFY2(m_world.seed(m_db.database(), &err), qPrintable(err));

    // Seeded through the services on this thread's own connection: the
    // storage thread opens the same database afterwards.
    ApiCatalog catalog(m_db.database());
    ApiDefinition def;
    def.slug = QStringLiteral("orders");
    def.name = QStringLiteral("Orders");
    def.teamId = m_world.teamId;
    def.visibility = ApiVisibility::Organisation;
    def.basePath = QStringLiteral("/echo/orders");
    def.routes = {{QStringLiteral("GET"), QStringLiteral("/items")}};
    def.upstreams = {{QStringLiteral("http://127.0.0.1:%1").arg(m_origin.port()), 1}};
    const auto api = catalog.createApi(m_world.publisher, def);
    QVERIFY2(api && catalog.publish(m_world.publisher, api->id), qPrintable(catalog.lastError()));
    m_apiId = api->id;

    PlanService plans(m_db.database());
    const auto plan = plans.createPlan(
        m_world.publisher, Plan{0, m_apiId, QStringLiteral("gold"), ApprovalMode::Manual, 0, 0, 0});
    QVERIFY2(plan, qPrintable(plans.lastError()));
    m_planId = plan->id;

    ApplicationService apps(m_db.database());
    const auto app = apps.createApplication(m_world.outsider, QStringLiteral("dashboard"));
    QVERIFY2(app, qPrintable(apps.lastError()));
    m_appId = app->id;
    const auto issued = apps.issueKey(m_world.outsider, m_appId, QStringLiteral("ci"));
    QVERIFY2(issued, qPrintable(apps.lastError()));
    m_keyId = issued->info.id;
    m_key = issued->key;

    QVERIFY2(startStack(&err), qPrintable(err));
}

bool TestApprovalFlow::startStack(QString* error)
{
    m_catalog = std::make_unique<CatalogService>();
    *error = m_catalog->open(m_db.spec());
    if (!error->isEmpty())
        return false;
    m_gateway = std::make_unique<GatewayController>();
    m_gateway->setStatsInterval(0);
    gateway::gateway_options options;
    options.listen_address = "127.0.0.1";
    options.port = 0;
    options.threads = 2;
    if (!m_gateway->start(options)) {
        *error = m_gateway->lastError();
        return false;
    }
    m_sync = std::make_unique<GatewayConfigSync>(*m_catalog, *m_gateway);
    // As the console and --headless run it: polled for other processes'
    // changes at the production interval.
    m_sync->setPollInterval(GatewayConfigSync::CatalogPollMs);
    m_sync->recompileNow();
    for (int i = 0; i < 1000 && m_sync->appliedCount() == 0 && m_sync->lastError().isEmpty(); ++i)
        QTest::qWait(5);
    if (m_sync->appliedCount() == 0) {
        *error = QStringLiteral("first compile: ") + m_sync->lastError();
        return false;
    }
    return true;
}

void TestApprovalFlow::cleanup()
{
    m_sync.reset();
    if (m_gateway)
        m_gateway->stopAndWait(std::chrono::milliseconds(500));
    m_gateway.reset();
    m_catalog.reset(); // closes the storage thread's connection before the drop
    m_db.cleanup();
}

test::http_response TestApprovalFlow::get(const QString& key)
{
    test::header_list headers;
    if (!key.isEmpty())
        headers.emplace_back("X-API-Key", key.toStdString());
    return test::http_request(m_gateway->port(), "GET", "/echo/orders/items", headers, {},
                              std::chrono::seconds(5));
}

qint64 TestApprovalFlow::approveTheKeysSubscription()
{
    const Principal admin = m_world.admin;
    const qint64 app = m_appId, plan = m_planId;
    const auto approved = call([=](CatalogStore& s) {
        const auto sub = s.subscriptions().request(admin, app, plan);
        return sub && s.subscriptions().approve(admin, sub->id) ? sub->id : qint64(0);
    });
    if (!approved || *approved == 0 || waitForStatus(200, m_key) < 0)
        return 0;
    return *approved;
}

qint64 TestApprovalFlow::waitForStatus(int status, const QString& key, int limitMs)
{
    QElapsedTimer clock;
    clock.start();
    while (clock.elapsed() <= limitMs) {
        if (get(key).status == status)
            return clock.elapsed();
        QTest::qWait(10);
    }
    return -1;
}

static QString problemType(const test::http_response& r)
{
    return QJsonDocument::fromJson(QByteArray::fromStdString(r.body))
        .object()
        .value(QStringLiteral("type"))
        .toString();
}

void TestApprovalFlow::requestApproveSuspendRevoke()
{
    QSignalSpy pending(m_catalog.get(), &CatalogService::pendingApprovalsChanged);
    const Principal outsider = m_world.outsider;
    const Principal approver = m_world.publisher; // owner of the API's team

    // A valid key without any subscription, and one that is unknown.
    QCOMPARE(get(m_key).status, 403);
    QCOMPARE(get(QStringLiteral("gh_unknown")).status, 401);
    QCOMPARE(get(QString()).status, 401);

    const qint64 app = m_appId;
    const qint64 plan = m_planId;
    const auto requested = call([=](CatalogStore& s) {
        const auto sub = s.subscriptions().request(outsider, app, plan);
        return sub ? sub->id : -1;
    });
    QVERIFY(requested && *requested > 0);
    const qint64 sub = *requested;
    QTRY_VERIFY_WITH_TIMEOUT(!pending.isEmpty(), 2000);
    QCOMPARE(pending.last().at(0).toInt(), 1);
    // Pending is not approved.
    QTest::qWait(300);
    const auto whilePending = get(m_key);
    QCOMPARE(whilePending.status, 403);
    QCOMPARE(problemType(whilePending),
             QStringLiteral("https://gatehouse.dev/problems/no-subscription"));

    auto approved = call([=](CatalogStore& s) { return s.subscriptions().approve(approver, sub); });
    QVERIFY(approved && *approved);
    qint64 took = waitForStatus(200, m_key);
    QVERIFY2(took >= 0 && took <= 1000, qPrintable(QString::number(took)));
    QCOMPARE(pending.last().at(0).toInt(), 0);
    const auto ok = get(m_key);
    QCOMPARE(ok.status, 200);
    QCOMPARE(QString::fromStdString(ok.body).contains(m_key), false); // stripped

    auto suspended = call([=](CatalogStore& s) {
        return s.subscriptions().suspend(approver, sub, QStringLiteral("unpaid invoice"));
    });
    QVERIFY(suspended && *suspended);
    took = waitForStatus(403, m_key);
    QVERIFY2(took >= 0 && took <= 1000, qPrintable(QString::number(took)));
    QCOMPARE(problemType(get(m_key)),
             QStringLiteral("https://gatehouse.dev/problems/subscription-suspended"));

    auto resumed = call([=](CatalogStore& s) { return s.subscriptions().resume(approver, sub); });
    QVERIFY(resumed && *resumed);
    QVERIFY(waitForStatus(200, m_key) >= 0);

    const qint64 keyId = m_keyId;
    auto revoked =
        call([=](CatalogStore& s) { return s.applications().revokeKey(outsider, keyId); });
    QVERIFY(revoked && *revoked);
    took = waitForStatus(401, m_key);
    QVERIFY2(took >= 0 && took <= 1000, qPrintable(QString::number(took)));
    QCOMPARE(problemType(get(m_key)),
             QStringLiteral("https://gatehouse.dev/problems/invalid-api-key"));
}

void TestApprovalFlow::retireAnswers410AndDeprecationDecorates()
{
    const Principal admin = m_world.admin;
    const qint64 api = m_apiId;
    QVERIFY(approveTheKeysSubscription() > 0);

    const qint64 sunset = QDateTime::currentMSecsSinceEpoch() + 30LL * 24 * 3600 * 1000;
    auto deprecated = call([=](CatalogStore& s) { return s.apis().deprecate(admin, api, sunset); });
    QVERIFY(deprecated && *deprecated);
    QElapsedTimer clock;
    clock.start();
    test::http_response r;
    while (clock.elapsed() < 3000) {
        r = get(m_key);
        if (r.has_header("Deprecation"))
            break;
        QTest::qWait(10);
    }
    QCOMPARE(r.status, 200);
    QVERIFY(r.header("Deprecation").starts_with("@"));
    QCOMPARE(QString::fromStdString(r.header("Sunset")),
             QLocale::c().toString(QDateTime::fromMSecsSinceEpoch(sunset / 1000 * 1000).toUTC(),
                                   QStringLiteral("ddd, dd MMM yyyy hh:mm:ss 'GMT'")));

    auto retired = call([=](CatalogStore& s) { return s.apis().retire(admin, api); });
    QVERIFY2(retired && *retired, "retire");
    QVERIFY(waitForStatus(410, m_key) >= 0);
    QCOMPARE(get(QString()).status, 410);
}

// Orders opts in to ?api_key=, billing (same team, same application
// subscribed) does not: the key in the URL opens orders only, and orders'
// upstream never sees it while the rest of the query arrives untouched.
void TestApprovalFlow::queryKeyOnlyWhereTheApiOptsIn()
{
    const Principal admin = m_world.admin;
    const qint64 app = m_appId, plan = m_planId, api = m_apiId;
    const QString originUrl = QStringLiteral("http://127.0.0.1:%1").arg(m_origin.port());
    const qint64 team = m_world.teamId;
    auto ready = call([=](CatalogStore& s) {
        auto orders = s.apis().api(admin, api);
        if (!orders)
            return false;
        orders->keyQueryParameter = QStringLiteral("api_key");
        if (!s.apis().updateApi(admin, *orders))
            return false;
        ApiDefinition def;
        def.slug = QStringLiteral("billing");
        def.name = QStringLiteral("Billing");
        def.teamId = team;
        def.visibility = ApiVisibility::Organisation;
        def.basePath = QStringLiteral("/echo/billing");
        def.routes = {{QStringLiteral("GET"), QStringLiteral("/items")}};
        def.upstreams = {{originUrl, 1}};
        const auto billing = s.apis().createApi(admin, def);
        if (!billing || !s.apis().publish(admin, billing->id))
            return false;
        const auto billingPlan = s.plans().createPlan(
            admin, Plan{0, billing->id, QStringLiteral("free"), ApprovalMode::Automatic, 0, 0, 0});
        if (!billingPlan)
            return false;
        const auto one = s.subscriptions().request(admin, app, plan);
        const auto two = s.subscriptions().request(admin, app, billingPlan->id);
        return one && two && s.subscriptions().approve(admin, one->id);
    });
    QVERIFY(ready && *ready);

    const std::string key = m_key.toStdString();
    const auto fetch = [this](const std::string& target, const test::header_list& headers = {}) {
        return test::http_request(m_gateway->port(), "GET", target, headers, {},
                                  std::chrono::seconds(5));
    };
    QElapsedTimer clock;
    clock.start();
    test::http_response r;
    while (clock.elapsed() < 3000) {
        r = fetch("/echo/orders/items?page=2&api_key=" + key + "&sort=asc");
        if (r.status == 200)
            break;
        QTest::qWait(10);
    }
    QCOMPARE(r.status, 200);
    const QJsonObject echo = QJsonDocument::fromJson(QByteArray::fromStdString(r.body)).object();
    QCOMPARE(echo.value(QStringLiteral("query")).toString(), QStringLiteral("page=2&sort=asc"));
    QVERIFY2(!QString::fromStdString(r.body).contains(m_key), r.body.c_str());

    // Billing takes the key from a header, never from the URL.
    QCOMPARE(fetch("/echo/billing/items", {{"X-API-Key", key}}).status, 200);
    const auto refused = fetch("/echo/billing/items?api_key=" + key);
    QCOMPARE(refused.status, 401);
    QCOMPARE(problemType(refused),
             QStringLiteral("https://gatehouse.dev/problems/missing-api-key"));
    QCOMPARE(fetch("/echo/orders/items?api_key=gh_unknown").status, 401);
}

void TestApprovalFlow::noPlaintextKeyInTheDatabase()
{
    // The key has been issued and used (verifyKey) and the gateway compiled
    // from the database: nothing of that may store the key itself.
    const QString key = m_key;
    auto verified =
        call([=](CatalogStore& s) { return s.applications().verifyKey(key).has_value(); });
    QVERIFY(verified && *verified);
    QVERIFY(waitForStatus(403, m_key) >= 0);

    // Searchable text columns, on both back ends.
    const QString pattern = QLatin1Char('%') + m_key.mid(3) + QLatin1Char('%');
    auto hits = call([=](CatalogStore& s) {
        auto q = runSql(s.database().connection(),
                        QStringLiteral("SELECT (SELECT COUNT(*) FROM audit_log WHERE "
                                       "before_json LIKE ? OR after_json LIKE ?) + "
                                       "(SELECT COUNT(*) FROM api_keys WHERE key_hash "
                                       "LIKE ? OR prefix LIKE ? OR label LIKE ?)"),
                        {pattern, pattern, pattern, pattern, pattern});
        return q && q->next() ? q->value(0).toLongLong() : -1LL;
    });
    QVERIFY(hits);
    QCOMPARE(*hits, 0LL);

    if (TestDatabases::isPostgres())
        return; // no file to scan
    // Every byte SQLite wrote: the database, its WAL and shared memory.
    const QByteArray needle = m_key.toUtf8();
    const QByteArray secret = m_key.mid(3).toUtf8();
    int scanned = 0;
    for (const QString& suffix :
         {QString(), QStringLiteral("-wal"), QStringLiteral("-shm"), QStringLiteral("-journal")}) {
        QFile file(m_db.sqlitePath() + suffix);
        if (!file.exists())
            continue;
        QVERIFY2(file.open(QIODevice::ReadOnly), qPrintable(file.fileName()));
        const QByteArray bytes = file.readAll();
        ++scanned;
        QVERIFY2(!bytes.contains(needle) && !bytes.contains(secret), qPrintable(file.fileName()));
    }
    QVERIFY(scanned >= 1);
}

void TestApprovalFlow::changesFromAnotherConsoleArePolled()
{
    // Another console or process on the same catalog (the SQLite file or the
    // PostgreSQL database): the test's own connection, not the storage
    // thread's. Its changes never pass through this process's CatalogService,
    // so only polling, at the production interval, sees them.
    SubscriptionService elsewhere(m_db.database());
    const auto sub = elsewhere.request(m_world.outsider, m_appId, m_planId);
    QVERIFY2(sub, qPrintable(elsewhere.lastError()));
    QVERIFY(elsewhere.approve(m_world.publisher, sub->id));
    const qint64 took = waitForStatus(200, m_key);
    QVERIFY2(took >= 0 && took <= 1000, qPrintable(QString::number(took)));

    // Revoking the subscription there: refused here within a second.
    QVERIFY2(elsewhere.revoke(m_world.publisher, sub->id, QStringLiteral("contract ended")),
             qPrintable(elsewhere.lastError()));
    const qint64 cut = waitForStatus(403, m_key);
    QVERIFY2(cut >= 0 && cut <= 1000, qPrintable(QString::number(cut)));
    QCOMPARE(problemType(get(m_key)),
             QStringLiteral("https://gatehouse.dev/problems/no-subscription"));

    // A new subscription, then the key revoked there: 401 within a second.
    const auto again = elsewhere.request(m_world.outsider, m_appId, m_planId);
    QVERIFY2(again, qPrintable(elsewhere.lastError()));
    QVERIFY(elsewhere.approve(m_world.publisher, again->id));
    QVERIFY(waitForStatus(200, m_key) >= 0);
    ApplicationService apps(m_db.database());
    QVERIFY(apps.revokeKey(m_world.outsider, m_keyId));
    const qint64 revoked = waitForStatus(401, m_key);
    QVERIFY2(revoked >= 0 && revoked <= 1000, qPrintable(QString::number(revoked)));
    QCOMPARE(problemType(get(m_key)),
             QStringLiteral("https://gatehouse.dev/problems/invalid-api-key"));
}

void TestApprovalFlow::revokedSubscriptionCutsAccessWithinASecond()
{
    const Principal admin = m_world.admin;
    const Principal owner = m_world.publisher;
    const qint64 sub = approveTheKeysSubscription();
    QVERIFY(sub > 0);

    // Revoked by the API team's owner through this process's catalog: the
    // key itself stays valid, so the answer is 403 "no subscription".
    auto revoked = call([=](CatalogStore& s) {
        return s.subscriptions().revoke(owner, sub, QStringLiteral("contract ended"));
    });
    QVERIFY(revoked && *revoked);
    const qint64 took = waitForStatus(403, m_key);
    QVERIFY2(took >= 0 && took <= 1000, qPrintable(QString::number(took)));
    const auto refused = get(m_key);
    QCOMPARE(refused.status, 403);
    QCOMPARE(problemType(refused),
             QStringLiteral("https://gatehouse.dev/problems/no-subscription"));
    // Revoked is final: resuming it is refused and changes nothing.
    auto resumed = call([=](CatalogStore& s) { return s.subscriptions().resume(owner, sub); });
    QVERIFY(resumed);
    QVERIFY(!*resumed);
    QTest::qWait(GatewayConfigSync::CatalogPollMs + 300);
    QCOMPARE(get(m_key).status, 403);
}

void TestApprovalFlow::failedCompileKeepsTheRunningConfiguration()
{
    const Principal admin = m_world.admin;
    QVERIFY(approveTheKeysSubscription() > 0);
    const int appliedBefore = m_sync->appliedCount();

    // The catalog becomes unreadable for the compiler behind the storage
    // thread's back (a second connection renames a table it reads).
    QSignalSpy failed(m_sync.get(), &GatewayConfigSync::compileFailed);
    QVERIFY(m_db.exec(QStringLiteral("ALTER TABLE api_keys RENAME TO api_keys_away")));
    m_sync->recompileNow();
    QTRY_VERIFY_WITH_TIMEOUT(!failed.isEmpty(), 5000);
    const QString reason = failed.first().at(0).toString();
    QVERIFY2(reason.startsWith(QStringLiteral("cannot read the catalog: ")), qPrintable(reason));
    QVERIFY2(reason.contains(QStringLiteral("api_keys")), qPrintable(reason));
    QCOMPARE(m_sync->lastError(), reason);
    QCOMPARE(m_sync->appliedCount(), appliedBefore);

    // The running configuration stays: the known key still gets through,
    // an unknown one is still refused.
    const auto ok = get(m_key);
    QCOMPARE(ok.status, 200);
    QCOMPARE(get(QStringLiteral("gh_unknown")).status, 401);

    // Readable again: the next compile applies and clears the error.
    QVERIFY(m_db.exec(QStringLiteral("ALTER TABLE api_keys_away RENAME TO api_keys")));
    m_sync->recompileNow();
    QTRY_VERIFY_WITH_TIMEOUT(m_sync->appliedCount() > appliedBefore, 5000);
    QVERIFY(m_sync->lastError().isEmpty());
    QCOMPARE(get(m_key).status, 200);
}

void TestApprovalFlow::unresolvableUpstreamIsAWarningAndTheRestKeepsWorking()
{
    const Principal admin = m_world.admin;
    QVERIFY(approveTheKeysSubscription() > 0);

    // A host name that cannot resolve: another team's typo must not stop
    // the catalog from reaching the gateway. The snapshot is applied with a
    // warning naming the host, and every other API keeps working.
    QSignalSpy failed(m_sync.get(), &GatewayConfigSync::compileFailed);
    QSignalSpy applied(m_sync.get(), &GatewayConfigSync::configApplied);
    const qint64 team = m_world.teamId;
    auto broken = call([=](CatalogStore& s) {
        ApiDefinition def;
        def.slug = QStringLiteral("billing");
        def.name = QStringLiteral("Billing");
        def.teamId = team;
        def.basePath = QStringLiteral("/billing");
        def.routes = {{QStringLiteral("GET"), QStringLiteral("/invoices")}};
        def.upstreams = {{QStringLiteral("http://gatehouse-test.invalid:8080"), 1}};
        const auto api = s.apis().createApi(admin, def);
        return api && s.apis().publish(admin, api->id) ? api->id : qint64(0);
    });
    QVERIFY(broken && *broken > 0);
    QTRY_VERIFY_WITH_TIMEOUT(m_sync->lastWarnings()
                                 .join(QLatin1Char('\n'))
                                 .contains(QStringLiteral("gatehouse-test.invalid")),
                             10000);
    QVERIFY(!applied.isEmpty());
    QVERIFY(failed.isEmpty());
    QVERIFY(m_sync->lastError().isEmpty());
    QCOMPARE(get(m_key).status, 200);

    // Fixed in the catalog: applied again.
    const qint64 brokenId = *broken;
    const quint16 originPort = m_origin.port();
    auto fixed = call([=](CatalogStore& s) {
        auto api = s.apis().api(admin, brokenId);
        if (!api)
            return false;
        api->upstreams = {{QStringLiteral("http://127.0.0.1:%1").arg(originPort), 1}};
        return s.apis().updateApi(admin, *api);
    });
    QVERIFY(fixed && *fixed);
    QTRY_VERIFY_WITH_TIMEOUT(!m_sync->lastWarnings()
                                  .join(QLatin1Char('\n'))
                                  .contains(QStringLiteral("gatehouse-test.invalid")),
                             5000);
    QVERIFY(m_sync->lastError().isEmpty());
    QCOMPARE(get(m_key).status, 200);
}

void TestApprovalFlow::invalidUpstreamLeavesOnlyThatApiOut()
{
    const Principal admin = m_world.admin;
    QVERIFY(approveTheKeysSubscription() > 0);

    // A published API whose stored target the gateway cannot use (written
    // before the catalog checked targets, or by hand): the API is left out
    // with a warning naming it, and a change to another API still reaches
    // the gateway.
    const qint64 team = m_world.teamId;
    const quint16 originPort = m_origin.port();
    auto broken = call([=](CatalogStore& s) {
        ApiDefinition def;
        def.slug = QStringLiteral("billing");
        def.name = QStringLiteral("Billing");
        def.teamId = team;
        def.basePath = QStringLiteral("/echo/billing");
        def.authMode = AuthMode::Open;
        def.routes = {{QStringLiteral("GET"), QStringLiteral("/invoices")}};
        def.upstreams = {{QStringLiteral("http://127.0.0.1:%1").arg(originPort), 1}};
        const auto api = s.apis().createApi(admin, def);
        return api && s.apis().publish(admin, api->id) ? api->id : qint64(0);
    });
    QVERIFY(broken && *broken > 0);
    const auto open = [this] {
        return test::http_request(m_gateway->port(), "GET", "/echo/billing/invoices", {}, {},
                                  std::chrono::seconds(5));
    };
    QTRY_COMPARE_WITH_TIMEOUT(open().status, 200, 5000);

    QSignalSpy failed(m_sync.get(), &GatewayConfigSync::compileFailed);
    QVERIFY(m_db.exec(QStringLiteral("UPDATE api_upstreams SET url = 'ftp://127.0.0.1:%1' "
                                     "WHERE api_id = %2")
                          .arg(originPort)
                          .arg(*broken)));
    m_sync->recompileNow();
    const QString expected =
        QStringLiteral("billing v1 (#%1) is not routed: upstream target 'ftp://127.0.0.1:%2' must "
                       "start with http:// or https://")
            .arg(*broken)
            .arg(originPort);
    QTRY_VERIFY2_WITH_TIMEOUT(m_sync->lastWarnings().contains(expected),
                              qPrintable(m_sync->lastWarnings().join(QLatin1Char('\n'))), 5000);
    QVERIFY(failed.isEmpty());
    QVERIFY(m_sync->lastError().isEmpty());
    QCOMPARE(open().status, 404);
    QCOMPARE(get(m_key).status, 200);

    // The rest keeps reaching the gateway: deprecating Orders is applied.
    const qint64 orders = m_apiId;
    const qint64 sunset = QDateTime::currentMSecsSinceEpoch() + 86'400'000;
    auto deprecated =
        call([=](CatalogStore& s) { return s.apis().deprecate(admin, orders, sunset, 0); });
    QVERIFY(deprecated && *deprecated);
    QTRY_VERIFY_WITH_TIMEOUT(get(m_key).has_header("Deprecation"), 5000);
    QCOMPARE(get(m_key).status, 200);
    QCOMPARE(open().status, 404);
    QVERIFY(failed.isEmpty());
}

QTEST_GUILESS_MAIN(TestApprovalFlow)
#include "tst_approval_flow.moc"
