// SPDX-FileCopyrightText: Gatehouse contributors
// SPDX-License-Identifier: Apache-2.0
#include "app/application_overview.h"

#include "app/catalog_store.h"
#include "app/try_it_access.h"
#include "tests/app/test_databases.h"

#include <QDateTime>
#include <QTest>

#include <memory>

using namespace gatehouse::app;

// What the applications page reads and changes in one trip to the storage
// thread: who sees which applications, their keys and subscriptions with
// names, the APIs one may subscribe to, and refusals passed on with their
// reason. On SQLite and PostgreSQL.
class TestApplicationOverview : public QObject {
    Q_OBJECT

private slots:
    void initTestCase_data() { TestDatabases::addBackends(); }
    void init();
    void cleanup();

    void eachActorSeesTheApplicationsTheyManage();
    void detailNamesKeysAndSubscriptions();
    void subscribableApisArePublishedVisibleAndHavePlans();
    void refusalsCarryTheDomainReason();
    void tryItOffersApplicationsWithAnApprovedSubscription();

private:
    qint64 publishApi(const QString& slug, ApiVisibility visibility, bool publish = true);
    qint64 addPlan(qint64 apiId, const QString& name, ApprovalMode mode);

    TestDatabases m_db;
    TestWorld m_world;
    std::unique_ptr<CatalogStore> m_store;
};

void TestApplicationOverview::init()
{
    GH_OPEN_FRESH(m_db);
    QString error;
    QVERIFY2(m_world.seed(m_db.database(), &error), qPrintable(error));
    m_store = CatalogStore::open(QStringLiteral("overview"), m_db.spec(), &error);
    QVERIFY2(m_store, qPrintable(error));
}

void TestApplicationOverview::cleanup()
{
    m_store.reset();
    m_db.cleanup();
}

qint64 TestApplicationOverview::publishApi(const QString& slug, ApiVisibility visibility,
                                           bool publish)
{
    ApiDefinition def;
    def.slug = slug;
    def.name = slug.at(0).toUpper() + slug.mid(1);
    def.teamId = m_world.teamId;
    def.visibility = visibility;
    def.basePath = QLatin1Char('/') + slug;
    def.routes = {{QStringLiteral("GET"), QStringLiteral("/items")}};
    def.upstreams = {{QStringLiteral("http://127.0.0.1:9"), 1}};
    const auto api = m_store->apis().createApi(m_world.publisher, def);
    if (!api || (publish && !m_store->apis().publish(m_world.publisher, api->id)))
        return 0;
    return api->id;
}

qint64 TestApplicationOverview::addPlan(qint64 apiId, const QString& name, ApprovalMode mode)
{
    const auto plan =
        m_store->plans().createPlan(m_world.publisher, Plan{0, apiId, name, mode, 0, 0, 0});
    return plan ? plan->id : 0;
}

void TestApplicationOverview::eachActorSeesTheApplicationsTheyManage()
{
    const auto own =
        createApplication(*m_store, m_world.outsider, QStringLiteral("olga's app"), {}, 0);
    QVERIFY2(own.ok, qPrintable(own.error));
    const auto team = createApplication(*m_store, m_world.developer, QStringLiteral("billing ui"),
                                        QStringLiteral("for the billing team"), m_world.teamId);
    QVERIFY2(team.ok, qPrintable(team.error));
    QVERIFY(issueApplicationKey(*m_store, m_world.developer, team.id, {}, 0).ok);
    const auto revoked = issueApplicationKey(*m_store, m_world.developer, team.id, {}, 0);
    QVERIFY(revokeApplicationKey(*m_store, m_world.developer, revoked.id).ok);

    const ApplicationListing outsider = loadApplications(*m_store, m_world.outsider);
    QVERIFY2(outsider.error.isEmpty(), qPrintable(outsider.error));
    QCOMPARE(outsider.items.size(), 1);
    QCOMPARE(outsider.items.first().application.name, QStringLiteral("olga's app"));
    QCOMPARE(outsider.items.first().owner, QStringLiteral("olga"));
    QVERIFY(!outsider.items.first().teamOwned);
    QVERIFY(outsider.actorTeams.isEmpty());

    const ApplicationListing developer = loadApplications(*m_store, m_world.developer);
    QCOMPARE(developer.items.size(), 1);
    const ApplicationSummary& billing = developer.items.first();
    QCOMPARE(billing.application.name, QStringLiteral("billing ui"));
    QCOMPARE(billing.application.description, QStringLiteral("for the billing team"));
    QCOMPARE(billing.owner, QStringLiteral("Payments"));
    QVERIFY(billing.teamOwned);
    QCOMPARE(billing.activeKeys, 1);
    QCOMPARE(developer.actorTeams.size(), 1);
    QCOMPARE(developer.actorTeams.first().id, m_world.teamId);

    // The team's owner manages it too; another team's owner does not.
    QCOMPARE(loadApplications(*m_store, m_world.publisher).items.size(), 1);
    QCOMPARE(loadApplications(*m_store, m_world.otherPublisher).items.size(), 0);
    // Admins manage everything, by name.
    const ApplicationListing admin = loadApplications(*m_store, m_world.admin);
    QCOMPARE(admin.items.size(), 2);
    QCOMPARE(admin.items.at(0).application.name, QStringLiteral("billing ui"));
    QCOMPARE(admin.items.at(1).application.name, QStringLiteral("olga's app"));
}

void TestApplicationOverview::detailNamesKeysAndSubscriptions()
{
    const qint64 orders = publishApi(QStringLiteral("orders"), ApiVisibility::Organisation);
    const qint64 stock = publishApi(QStringLiteral("stock"), ApiVisibility::Organisation);
    QVERIFY(orders && stock);
    const qint64 gold = addPlan(orders, QStringLiteral("gold"), ApprovalMode::Manual);
    const qint64 free = addPlan(stock, QStringLiteral("free"), ApprovalMode::Automatic);
    QVERIFY(gold && free);

    const auto app = createApplication(*m_store, m_world.outsider, QStringLiteral("shop"), {}, 0);
    QVERIFY(app.ok);
    const qint64 expiry = QDateTime::currentMSecsSinceEpoch() + 86'400'000;
    const auto key =
        issueApplicationKey(*m_store, m_world.outsider, app.id, QStringLiteral("ci"), expiry);
    QVERIFY2(key.ok, qPrintable(key.error));
    QVERIFY(key.key.startsWith(QStringLiteral("gh_")));

    const auto pending = requestSubscription(*m_store, m_world.outsider, app.id, gold);
    QVERIFY2(pending.ok, qPrintable(pending.error));
    QVERIFY(pending.state == SubscriptionState::Pending);
    const auto approved = requestSubscription(*m_store, m_world.outsider, app.id, free);
    QVERIFY2(approved.ok, qPrintable(approved.error));
    QVERIFY(approved.state == SubscriptionState::Approved);
    QVERIFY(m_store->subscriptions().reject(m_world.admin, pending.id, QStringLiteral("no")));

    ApplicationDetail detail = loadApplicationDetail(*m_store, m_world.outsider, app.id);
    QVERIFY2(detail.error.isEmpty(), qPrintable(detail.error));
    QCOMPARE(detail.applicationId, app.id);
    QCOMPARE(detail.keys.size(), 1);
    QCOMPARE(detail.keys.first().id, key.id);
    QCOMPARE(detail.keys.first().label, QStringLiteral("ci"));
    QCOMPARE(detail.keys.first().expiresAt, expiry);
    QVERIFY(key.key.mid(3).startsWith(detail.keys.first().prefix));
    QCOMPARE(detail.subscriptions.size(), 2);
    // Newest first.
    const SubscriptionEntry& newest = detail.subscriptions.at(0);
    QCOMPARE(newest.subscription.id, approved.id);
    QCOMPARE(newest.api, QStringLiteral("Stock"));
    QCOMPARE(newest.apiVersion, QStringLiteral("v1"));
    QCOMPARE(newest.plan, QStringLiteral("free"));
    QVERIFY(newest.approvalMode == ApprovalMode::Automatic);
    const SubscriptionEntry& rejected = detail.subscriptions.at(1);
    QVERIFY(rejected.subscription.state == SubscriptionState::Rejected);
    QCOMPARE(rejected.subscription.reason, QStringLiteral("no"));
    QCOMPARE(rejected.api, QStringLiteral("Orders"));
    QCOMPARE(rejected.plan, QStringLiteral("gold"));

    QVERIFY(revokeApplicationKey(*m_store, m_world.outsider, key.id).ok);
    detail = loadApplicationDetail(*m_store, m_world.outsider, app.id);
    QVERIFY(detail.keys.first().revokedAt > 0);

    // The application's owner ends an approved subscription; a rejected one
    // has nothing left to end.
    const auto ended = endSubscription(*m_store, m_world.outsider, approved.id);
    QVERIFY2(ended.ok, qPrintable(ended.error));
    QVERIFY(ended.state == SubscriptionState::Revoked);
    detail = loadApplicationDetail(*m_store, m_world.outsider, app.id);
    QVERIFY(detail.subscriptions.at(0).subscription.state == SubscriptionState::Revoked);
    QCOMPARE(endSubscription(*m_store, m_world.outsider, pending.id).errorCode,
             DomainErrorCode::Conflict);
    QCOMPARE(endSubscription(*m_store, m_world.developer, approved.id).errorCode,
             DomainErrorCode::NotFound);

    // Someone who does not manage it learns nothing about it.
    const ApplicationDetail stranger = loadApplicationDetail(*m_store, m_world.developer, app.id);
    QCOMPARE(stranger.errorCode, DomainErrorCode::NotFound);
    QVERIFY(!stranger.error.isEmpty());
    QVERIFY(stranger.keys.isEmpty() && stranger.subscriptions.isEmpty());
}

void TestApplicationOverview::subscribableApisArePublishedVisibleAndHavePlans()
{
    const qint64 orders = publishApi(QStringLiteral("orders"), ApiVisibility::Organisation);
    const qint64 internal = publishApi(QStringLiteral("internal"), ApiVisibility::Team);
    const qint64 draft = publishApi(QStringLiteral("draft"), ApiVisibility::Organisation, false);
    const qint64 planless = publishApi(QStringLiteral("planless"), ApiVisibility::Organisation);
    QVERIFY(orders && internal && draft && planless);
    QVERIFY(addPlan(orders, QStringLiteral("gold"), ApprovalMode::Manual));
    QVERIFY(addPlan(orders, QStringLiteral("free"), ApprovalMode::Automatic));
    QVERIFY(addPlan(internal, QStringLiteral("staff"), ApprovalMode::Automatic));
    QVERIFY(addPlan(draft, QStringLiteral("early"), ApprovalMode::Automatic));

    const SubscribableApis outsider = loadSubscribableApis(*m_store, m_world.outsider);
    QVERIFY2(outsider.error.isEmpty(), qPrintable(outsider.error));
    QCOMPARE(outsider.apis.size(), 1);
    QCOMPARE(outsider.apis.first().apiId, orders);
    QCOMPARE(outsider.apis.first().name, QStringLiteral("Orders"));
    QCOMPARE(outsider.apis.first().plans.size(), 2);

    // The team's own member also sees its team-only API, by name.
    const SubscribableApis member = loadSubscribableApis(*m_store, m_world.developer);
    QCOMPARE(member.apis.size(), 2);
    QCOMPARE(member.apis.at(0).name, QStringLiteral("Internal"));
    QCOMPARE(member.apis.at(1).name, QStringLiteral("Orders"));
}

void TestApplicationOverview::refusalsCarryTheDomainReason()
{
    const auto empty = createApplication(*m_store, m_world.outsider, QStringLiteral("  "), {}, 0);
    QVERIFY(!empty.ok);
    QCOMPARE(empty.errorCode, DomainErrorCode::Invalid);
    QVERIFY(!empty.error.isEmpty());
    QVERIFY(loadApplications(*m_store, m_world.outsider).items.isEmpty());

    const auto foreign =
        createApplication(*m_store, m_world.outsider, QStringLiteral("x"), {}, m_world.teamId);
    QCOMPARE(foreign.errorCode, DomainErrorCode::Forbidden);

    const qint64 orders = publishApi(QStringLiteral("orders"), ApiVisibility::Organisation);
    const qint64 gold = addPlan(orders, QStringLiteral("gold"), ApprovalMode::Manual);
    const auto app = createApplication(*m_store, m_world.outsider, QStringLiteral("shop"), {}, 0);
    QVERIFY(requestSubscription(*m_store, m_world.outsider, app.id, gold).ok);
    const auto twice = requestSubscription(*m_store, m_world.outsider, app.id, gold);
    QVERIFY(!twice.ok);
    QCOMPARE(twice.errorCode, DomainErrorCode::Conflict);
    QVERIFY2(twice.error.contains(QStringLiteral("already")), qPrintable(twice.error));

    const auto past = issueApplicationKey(*m_store, m_world.outsider, app.id, {}, 1000);
    QCOMPARE(past.errorCode, DomainErrorCode::Invalid);
    QVERIFY(past.key.isEmpty());
    const auto key = issueApplicationKey(*m_store, m_world.outsider, app.id, {}, 0);
    QVERIFY(revokeApplicationKey(*m_store, m_world.outsider, key.id).ok);
    QCOMPARE(revokeApplicationKey(*m_store, m_world.outsider, key.id).errorCode,
             DomainErrorCode::Conflict);
    QCOMPARE(revokeApplicationKey(*m_store, m_world.developer, key.id).errorCode,
             DomainErrorCode::NotFound);
}

void TestApplicationOverview::tryItOffersApplicationsWithAnApprovedSubscription()
{
    const qint64 api = publishApi(QStringLiteral("orders"), ApiVisibility::Organisation);
    const qint64 other = publishApi(QStringLiteral("stock"), ApiVisibility::Organisation);
    QVERIFY(api && other);
    const qint64 gold = addPlan(api, QStringLiteral("gold"), ApprovalMode::Manual);
    const qint64 free = addPlan(api, QStringLiteral("free"), ApprovalMode::Automatic);
    QVERIFY(gold && free && addPlan(other, QStringLiteral("free"), ApprovalMode::Automatic));
    const auto billing = createApplication(*m_store, m_world.developer,
                                           QStringLiteral("billing ui"), {}, m_world.teamId);
    const auto reports =
        createApplication(*m_store, m_world.developer, QStringLiteral("reports"), {}, 0);
    const auto idle = createApplication(*m_store, m_world.developer, QStringLiteral("idle"), {}, 0);
    const auto olga =
        createApplication(*m_store, m_world.outsider, QStringLiteral("olga's app"), {}, 0);
    QVERIFY(billing.ok && reports.ok && idle.ok && olga.ok);
    QVERIFY(requestSubscription(*m_store, m_world.developer, billing.id, free).state ==
            SubscriptionState::Approved);
    QVERIFY(requestSubscription(*m_store, m_world.developer, reports.id, gold).state ==
            SubscriptionState::Pending);
    QVERIFY(requestSubscription(*m_store, m_world.outsider, olga.id, free).ok);

    // Only approved applications are offered; the pending one is named, the
    // one without a subscription and other people's are not mentioned.
    const TryItApplications developer = loadTryItApplications(*m_store, m_world.developer, api);
    QVERIFY2(developer.error.isEmpty(), qPrintable(developer.error));
    QCOMPARE(developer.apiId, api);
    QCOMPARE(developer.offered.size(), 1);
    QCOMPARE(developer.offered.first().name, QStringLiteral("billing ui"));
    QCOMPARE(developer.offered.first().plan, QStringLiteral("free"));
    QCOMPARE(developer.notOffered.size(), 1);
    QCOMPARE(developer.notOffered.first().name, QStringLiteral("reports"));
    QVERIFY(developer.notOffered.first().state == SubscriptionState::Pending);

    const TryItApplications outsider = loadTryItApplications(*m_store, m_world.outsider, api);
    QCOMPARE(outsider.offered.size(), 1);
    QCOMPARE(outsider.offered.first().name, QStringLiteral("olga's app"));
    QVERIFY(outsider.notOffered.isEmpty());
    // Another API: nothing is subscribed to it.
    const TryItApplications stock = loadTryItApplications(*m_store, m_world.developer, other);
    QVERIFY(stock.offered.isEmpty() && stock.notOffered.isEmpty());

    // Approved, then suspended: no longer offered, and said why.
    const auto pending = m_store->subscriptions().subscriptionsOf(m_world.admin, reports.id);
    QCOMPARE(pending.size(), 1);
    QVERIFY(m_store->subscriptions().approve(m_world.admin, pending.first().id));
    const TryItApplications approved = loadTryItApplications(*m_store, m_world.developer, api);
    QCOMPARE(approved.offered.size(), 2);
    QCOMPARE(approved.offered.at(1).name, QStringLiteral("reports"));
    QCOMPARE(approved.offered.at(1).plan, QStringLiteral("gold"));
    QVERIFY(m_store->subscriptions().suspend(m_world.admin, pending.first().id,
                                             QStringLiteral("abuse")));
    const TryItApplications suspended = loadTryItApplications(*m_store, m_world.developer, api);
    QCOMPARE(suspended.offered.size(), 1);
    QCOMPARE(suspended.notOffered.size(), 1);
    QVERIFY(suspended.notOffered.first().state == SubscriptionState::Suspended);
}

QTEST_GUILESS_MAIN(TestApplicationOverview)
#include "tst_application_overview.moc"
