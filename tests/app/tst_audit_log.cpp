// SPDX-FileCopyrightText: Gatehouse contributors
// SPDX-License-Identifier: Apache-2.0
#include "app/domain/audit_log.h"

#include "app/domain/api_catalog.h"
#include "app/domain/application_service.h"
#include "app/domain/plan_service.h"
#include "app/domain/subscription_service.h"
#include "app/storage/sql_query.h"
#include "tests/app/test_databases.h"

#include <QJsonArray>
#include <QTest>

using namespace gatehouse::app;

namespace {

AuditFilter byAction(const QString& action)
{
    AuditFilter f;
    f.action = action;
    return f;
}

AuditFilter byObject(const QString& type, qint64 id)
{
    AuditFilter f;
    f.objectType = type;
    f.objectId = id;
    return f;
}

AuditFilter everything()
{
    AuditFilter f;
    f.limit = 10000;
    return f;
}

} // namespace

class TestAuditLog : public QObject {
    Q_OBJECT

private slots:
    void initTestCase_data() { TestDatabases::addBackends(); }
    void init();
    void cleanup() { m_db.cleanup(); }

    void changesAreRecorded();
    void filters();
    void onlyAdminsRead();
    void refusedChangesLeaveNoEntry();

private:
    QList<AuditEntry> query(const AuditFilter& filter);
    qint64 createPublishedApi();

    TestDatabases m_db;
    TestWorld m_world;
};

void TestAuditLog::init()
{
    GH_OPEN_FRESH(m_db);
    QString err;
    QVERIFY2(m_world.seed(m_db.database(), &err), qPrintable(err));
}

QList<AuditEntry> TestAuditLog::query(const AuditFilter& filter)
{
    AuditLog log(m_db.database());
    QList<AuditEntry> entries;
    if (!log.query(m_world.admin, filter, &entries))
        qWarning("audit query failed: %s", qPrintable(log.lastError()));
    return entries;
}

qint64 TestAuditLog::createPublishedApi()
{
    ApiCatalog catalog(m_db.database());
    ApiDefinition def;
    def.slug = QStringLiteral("maps");
    def.name = QStringLiteral("Maps");
    def.teamId = m_world.teamId;
    def.basePath = QStringLiteral("/maps");
    def.routes = {{QStringLiteral("GET"), QStringLiteral("/tiles")}};
    def.upstreams = {{QStringLiteral("http://127.0.0.1:9200"), 1}};
    const auto api = catalog.createApi(m_world.publisher, def);
    if (!api || !catalog.publish(m_world.publisher, api->id))
        return 0;
    return api->id;
}

void TestAuditLog::changesAreRecorded()
{
    const qint64 before = nowMs();
    const qint64 apiId = createPublishedApi();
    QVERIFY(apiId > 0);

    const auto entries = query(byObject(QStringLiteral("api"), apiId));
    QCOMPARE(entries.size(), 2); // newest first
    const AuditEntry& publish = entries[0];
    QCOMPARE(publish.action, QStringLiteral("api.publish"));
    QCOMPARE(publish.actorId, m_world.publisher.userId);
    QCOMPARE(publish.actorName, QStringLiteral("pat"));
    QCOMPARE(publish.objectType, QStringLiteral("api"));
    QCOMPARE(publish.objectId, apiId);
    QCOMPARE(publish.before.value(QStringLiteral("state")).toString(), QStringLiteral("draft"));
    QCOMPARE(publish.after.value(QStringLiteral("state")).toString(), QStringLiteral("published"));
    QVERIFY(publish.at >= before && publish.at <= nowMs());

    const AuditEntry& create = entries[1];
    QCOMPARE(create.action, QStringLiteral("api.create"));
    QVERIFY(create.before.isEmpty());
    QCOMPARE(create.after.value(QStringLiteral("slug")).toString(), QStringLiteral("maps"));
    QCOMPARE(create.after.value(QStringLiteral("routes")).toArray().size(), 1);

    // Subscriptions, plans, applications and keys are recorded too.
    PlanService plans(m_db.database());
    const auto plan = plans.createPlan(
        m_world.publisher, {0, apiId, QStringLiteral("basic"), ApprovalMode::Manual, 0, 0, 0});
    ApplicationService apps(m_db.database());
    const auto app = apps.createApplication(m_world.developer, QStringLiteral("app"));
    QVERIFY(plan && app);
    const auto key = apps.issueKey(m_world.developer, app->id);
    QVERIFY(key);
    SubscriptionService subs(m_db.database());
    const auto sub = subs.request(m_world.developer, app->id, plan->id);
    QVERIFY(sub);
    QVERIFY(subs.reject(m_world.admin, sub->id, QStringLiteral("no")));
    const auto subEntries = query(byObject(QStringLiteral("subscription"), sub->id));
    QCOMPARE(subEntries.size(), 2);
    QCOMPARE(subEntries[0].action, QStringLiteral("subscription.reject"));
    QCOMPARE(subEntries[0].actorId, m_world.admin.userId);
    QCOMPARE(subEntries[0].before.value(QStringLiteral("state")).toString(),
             QStringLiteral("pending"));
    QCOMPARE(subEntries[0].after.value(QStringLiteral("reason")).toString(), QStringLiteral("no"));
    QCOMPARE(query(byAction(QStringLiteral("api_key.issue"))).size(), 1);
    QCOMPARE(query(byAction(QStringLiteral("plan.create"))).size(), 1);
    QCOMPARE(query(byAction(QStringLiteral("application.create"))).size(), 1);
    // Users and teams from the seed.
    QCOMPARE(query(byAction(QStringLiteral("user.create"))).size(), 5);
    QCOMPARE(query(byAction(QStringLiteral("team.create"))).size(), 2);
}

void TestAuditLog::filters()
{
    QVERIFY(createPublishedApi() > 0);
    AuditFilter publisherOnly;
    publisherOnly.actorId = m_world.publisher.userId;
    const auto byPublisher = query(publisherOnly);
    QVERIFY(!byPublisher.isEmpty());
    for (const AuditEntry& e : byPublisher)
        QCOMPARE(e.actorId, m_world.publisher.userId);
    AuditFilter paged;
    paged.limit = 2;
    QCOMPARE(query(paged).size(), 2);
    paged.offset = 1;
    QCOMPARE(query(paged).first().id, query(AuditFilter()).at(1).id);
    AuditFilter future;
    future.fromMs = nowMs() + 60'000;
    QVERIFY(query(future).isEmpty());
    AuditFilter past;
    past.untilMs = 1;
    QVERIFY(query(past).isEmpty());
}

void TestAuditLog::onlyAdminsRead()
{
    AuditLog log(m_db.database());
    QList<AuditEntry> entries;
    for (const Principal& p : {m_world.publisher, m_world.developer}) {
        QVERIFY(!log.query(p, {}, &entries));
        QCOMPARE(log.lastErrorCode(), DomainErrorCode::Forbidden);
    }
    QVERIFY(log.query(m_world.admin, {}, &entries));
    QVERIFY(!entries.isEmpty());
}

void TestAuditLog::refusedChangesLeaveNoEntry()
{
    const int before = query(everything()).size();
    ApiCatalog catalog(m_db.database());
    ApiDefinition def;
    def.slug = QStringLiteral("nope");
    def.name = QStringLiteral("Nope");
    def.teamId = m_world.teamId;
    def.basePath = QStringLiteral("/nope");
    QVERIFY(!catalog.createApi(m_world.developer, def)); // forbidden
    const auto draft = catalog.createApi(m_world.publisher, def);
    QVERIFY(draft);
    QVERIFY(!catalog.publish(m_world.publisher, draft->id)); // no routes
    QVERIFY(!catalog.retire(m_world.publisher, draft->id));  // illegal
    QCOMPARE(query(everything()).size(), before + 1);
}

QTEST_GUILESS_MAIN(TestAuditLog)
#include "tst_audit_log.moc"
