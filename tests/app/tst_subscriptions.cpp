// SPDX-FileCopyrightText: Gatehouse contributors
// SPDX-License-Identifier: Apache-2.0
#include "app/domain/subscription_service.h"

#include "app/domain/api_catalog.h"
#include "app/domain/application_service.h"
#include "app/domain/plan_service.h"
#include "app/storage/sql_query.h"
#include "tests/app/test_databases.h"

#include <QSignalSpy>
#include <QTest>

using namespace gatehouse::app;

namespace {

const QList<SubscriptionState> allStates{SubscriptionState::Pending, SubscriptionState::Approved,
                                         SubscriptionState::Rejected, SubscriptionState::Suspended,
                                         SubscriptionState::Revoked};

} // namespace

class TestSubscriptions : public QObject {
    Q_OBJECT

private slots:
    void initTestCase_data() { TestDatabases::addBackends(); }
    void init();
    void cleanup() { m_db.cleanup(); }

    void transitionTable();
    void automaticApproval();
    void manualApprovalFlow();
    void rejectNeedsReason();
    void whoMayDecide();
    void onlyPublishedApisTakeSubscriptions();
    void oneLiveSubscriptionPerApi();

private:
    QString state(qint64 id);

    TestDatabases m_db;
    TestWorld m_world;
    qint64 m_apiId = 0;
    qint64 m_manualPlan = 0;
    qint64 m_autoPlan = 0;
    qint64 m_appId = 0;
};

void TestSubscriptions::init()
{
    GH_OPEN_FRESH(m_db);
    QString err;
    QVERIFY2(m_world.seed(m_db.database(), &err), qPrintable(err));
    ApiCatalog catalog(m_db.database());
    ApiDefinition def;
    def.slug = QStringLiteral("geo");
    def.name = QStringLiteral("Geo");
    def.teamId = m_world.teamId;
    def.visibility = ApiVisibility::Organisation;
    def.basePath = QStringLiteral("/geo");
    def.routes = {{QStringLiteral("GET"), QStringLiteral("/lookup")}};
    def.upstreams = {{QStringLiteral("http://127.0.0.1:9100"), 1}};
    const auto api = catalog.createApi(m_world.publisher, def);
    QVERIFY2(api && catalog.publish(m_world.publisher, api->id), qPrintable(catalog.lastError()));
    m_apiId = api->id;

    PlanService plans(m_db.database());
    Plan manual{0, m_apiId, QStringLiteral("gold"), ApprovalMode::Manual, 600, 100000, 0};
    Plan automatic{0, m_apiId, QStringLiteral("free"), ApprovalMode::Automatic, 60, 1000, 0};
    const auto m = plans.createPlan(m_world.publisher, manual);
    const auto a = plans.createPlan(m_world.publisher, automatic);
    QVERIFY2(m && a, qPrintable(plans.lastError()));
    m_manualPlan = m->id;
    m_autoPlan = a->id;

    ApplicationService apps(m_db.database());
    const auto app = apps.createApplication(m_world.outsider, QStringLiteral("dashboard"));
    QVERIFY(app);
    m_appId = app->id;
}

QString TestSubscriptions::state(qint64 id)
{
    SubscriptionService subs(m_db.database());
    const auto s = subs.subscription(m_world.admin, id);
    return s ? toString(s->state) : subs.lastError();
}

void TestSubscriptions::transitionTable()
{
    int legal = 0;
    for (auto from : allStates) {
        for (auto to : allStates) {
            const bool expected =
                (from == SubscriptionState::Pending &&
                 (to == SubscriptionState::Approved || to == SubscriptionState::Rejected)) ||
                (from == SubscriptionState::Approved &&
                 (to == SubscriptionState::Suspended || to == SubscriptionState::Revoked)) ||
                (from == SubscriptionState::Suspended &&
                 (to == SubscriptionState::Approved || to == SubscriptionState::Revoked));
            QCOMPARE(SubscriptionService::isLegal(from, to), expected);
            legal += expected;
        }
    }
    QCOMPARE(legal, 6);
}

void TestSubscriptions::automaticApproval()
{
    SubscriptionService subs(m_db.database());
    QSignalSpy pending(&subs, &SubscriptionService::pendingApprovalsChanged);
    QSignalSpy changed(&subs, &SubscriptionService::subscriptionsChanged);
    const auto s = subs.request(m_world.outsider, m_appId, m_autoPlan);
    QVERIFY2(s, qPrintable(subs.lastError()));
    QCOMPARE(toString(s->state), QStringLiteral("approved"));
    QCOMPARE(s->apiId, m_apiId);
    QCOMPARE(pending.size(), 0); // no pending count change
    QCOMPARE(changed.size(), 1);
    QCOMPARE(subs.pendingCount(), 0);
}

void TestSubscriptions::manualApprovalFlow()
{
    SubscriptionService subs(m_db.database());
    QSignalSpy pending(&subs, &SubscriptionService::pendingApprovalsChanged);
    const auto s = subs.request(m_world.outsider, m_appId, m_manualPlan);
    QVERIFY2(s, qPrintable(subs.lastError()));
    QCOMPARE(toString(s->state), QStringLiteral("pending"));
    QCOMPARE(pending.size(), 1);
    QCOMPARE(pending.last().first().toInt(), 1);
    QCOMPARE(subs.pendingApprovals(m_world.publisher).size(), 1); // team owner
    QCOMPARE(subs.pendingApprovals(m_world.admin).size(), 1);
    QCOMPARE(subs.pendingApprovals(m_world.developer).size(), 0); // plain member

    QVERIFY2(subs.approve(m_world.publisher, s->id), qPrintable(subs.lastError()));
    QCOMPARE(state(s->id), QStringLiteral("approved"));
    QCOMPARE(pending.size(), 2);
    QCOMPARE(pending.last().first().toInt(), 0);

    QVERIFY(subs.suspend(m_world.publisher, s->id, QStringLiteral("abuse")));
    QCOMPARE(state(s->id), QStringLiteral("suspended"));
    QVERIFY(!subs.approve(m_world.publisher, s->id)); // approve is for pending ones
    QCOMPARE(subs.lastErrorCode(), DomainErrorCode::Conflict);
    QVERIFY(subs.resume(m_world.admin, s->id));
    QCOMPARE(state(s->id), QStringLiteral("approved"));
    QVERIFY(subs.revoke(m_world.admin, s->id, QStringLiteral("contract ended")));
    QCOMPARE(state(s->id), QStringLiteral("revoked"));
    QCOMPARE(subs.subscription(m_world.outsider, s->id)->reason, QStringLiteral("contract ended"));

    // Nothing leaves revoked.
    for (bool ok : {subs.approve(m_world.admin, s->id), subs.resume(m_world.admin, s->id),
                    subs.suspend(m_world.admin, s->id, {}),
                    subs.reject(m_world.admin, s->id, QStringLiteral("x"))}) {
        QVERIFY(!ok);
        QCOMPARE(subs.lastErrorCode(), DomainErrorCode::Conflict);
    }
    QCOMPARE(pending.size(), 2);
}

void TestSubscriptions::rejectNeedsReason()
{
    SubscriptionService subs(m_db.database());
    const auto s = subs.request(m_world.outsider, m_appId, m_manualPlan);
    QVERIFY(s);
    QVERIFY(!subs.reject(m_world.publisher, s->id, QStringLiteral("  ")));
    QCOMPARE(subs.lastErrorCode(), DomainErrorCode::Invalid);
    QCOMPARE(state(s->id), QStringLiteral("pending"));
    QVERIFY(subs.reject(m_world.publisher, s->id, QStringLiteral("not a customer")));
    QCOMPARE(state(s->id), QStringLiteral("rejected"));
    QCOMPARE(subs.pendingCount(), 0);
    // A rejected request does not block a new one.
    QVERIFY2(subs.request(m_world.outsider, m_appId, m_manualPlan), qPrintable(subs.lastError()));
}

void TestSubscriptions::whoMayDecide()
{
    SubscriptionService subs(m_db.database());
    const auto s = subs.request(m_world.outsider, m_appId, m_manualPlan);
    QVERIFY(s);
    // The requester cannot approve their own request.
    QVERIFY(!subs.approve(m_world.outsider, s->id));
    QCOMPARE(subs.lastErrorCode(), DomainErrorCode::Forbidden);
    // Neither a plain team member nor another team's publisher.
    QVERIFY(!subs.approve(m_world.developer, s->id));
    QVERIFY(!subs.approve(m_world.otherPublisher, s->id));
    QCOMPARE(subs.lastErrorCode(), DomainErrorCode::NotFound);
    QCOMPARE(state(s->id), QStringLiteral("pending"));
    QVERIFY(subs.approve(m_world.admin, s->id));
    // The application's owner may cancel (revoke) but not suspend.
    QVERIFY(!subs.suspend(m_world.outsider, s->id, {}));
    QCOMPARE(subs.lastErrorCode(), DomainErrorCode::Forbidden);
    QVERIFY(subs.revoke(m_world.outsider, s->id));
    QCOMPARE(state(s->id), QStringLiteral("revoked"));
    // Someone else's application cannot subscribe.
    QVERIFY(!subs.request(m_world.developer, m_appId, m_autoPlan));
    QCOMPARE(subs.lastErrorCode(), DomainErrorCode::NotFound);
}

void TestSubscriptions::onlyPublishedApisTakeSubscriptions()
{
    ApiCatalog catalog(m_db.database());
    QVERIFY(catalog.deprecate(m_world.publisher, m_apiId, nowMs() + 86'400'000));
    SubscriptionService subs(m_db.database());
    QVERIFY(!subs.request(m_world.outsider, m_appId, m_autoPlan));
    QCOMPARE(subs.lastErrorCode(), DomainErrorCode::Invalid);
    QVERIFY2(subs.lastError().contains(QLatin1String("deprecated")), qPrintable(subs.lastError()));
    QVERIFY(!subs.request(m_world.outsider, m_appId, 987654));
    QCOMPARE(subs.lastErrorCode(), DomainErrorCode::NotFound);
}

void TestSubscriptions::oneLiveSubscriptionPerApi()
{
    SubscriptionService subs(m_db.database());
    QVERIFY(subs.request(m_world.outsider, m_appId, m_autoPlan));
    QVERIFY(!subs.request(m_world.outsider, m_appId, m_manualPlan));
    QCOMPARE(subs.lastErrorCode(), DomainErrorCode::Conflict);
    QCOMPARE(subs.lastError(),
             QStringLiteral("the application already has a subscription to this API (approved)"));
    QCOMPARE(subs.subscriptionsOf(m_world.outsider, m_appId).size(), 1);
    QVERIFY(subs.subscriptionsOf(m_world.developer, m_appId).isEmpty());
}

QTEST_GUILESS_MAIN(TestSubscriptions)
#include "tst_subscriptions.moc"
