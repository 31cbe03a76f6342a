// SPDX-FileCopyrightText: Gatehouse contributors
// SPDX-License-Identifier: Apache-2.0
#include "app/domain/api_lifecycle.h"

#include "app/domain/api_catalog.h"
#include "app/storage/sql_query.h"
#include "tests/app/test_databases.h"

#include <QTest>

using namespace gatehouse::app;

namespace {

const QList<ApiState> allStates{ApiState::Draft, ApiState::Published, ApiState::Deprecated,
                                ApiState::Retired};

constexpr qint64 Day = 24LL * 3600 * 1000;

ApiDefinition sampleApi(qint64 teamId, const QString& slug = QStringLiteral("billing"))
{
    ApiDefinition api;
    api.slug = slug;
    api.version = QStringLiteral("v1");
    api.name = QStringLiteral("Billing");
    api.teamId = teamId;
    api.basePath = QLatin1Char('/') + slug + QStringLiteral("/v1");
    api.routes = {{QStringLiteral("GET"), QStringLiteral("/invoices")},
                  {QStringLiteral("POST"), QStringLiteral("/invoices")}};
    api.upstreams = {{QStringLiteral("http://127.0.0.1:9000/api"), 1}};
    api.tags = {QStringLiteral("finance")};
    return api;
}

} // namespace

class TestApiLifecycle : public QObject {
    Q_OBJECT

private slots:
    void initTestCase_data() { TestDatabases::addBackends(); }
    void init();
    void cleanup() { m_db.cleanup(); }

    void table_data();
    void table();
    void serviceTransitions_data() { table_data(); }
    void serviceTransitions();
    void publishNeedsRoutesAndUpstream();
    void deprecateNeedsFutureSunsetAndValidSuccessor();
    void versionsLiveSideBySide();
    void retiredIsReadOnly();
    void onlyDraftsAreDeleted();
    void cachePolicyIsChecked();
    void keyQueryParameterIsStoredAndChecked();
    void allowedActionsFollowStateAndRole();

private:
    qint64 apiInState(ApiState state, const QString& slug);

    TestDatabases m_db;
    TestWorld m_world;
};

void TestApiLifecycle::init()
{
    GH_OPEN_FRESH(m_db);
    QString err;
    QVERIFY2(m_world.seed(m_db.database(), &err), qPrintable(err));
}

void TestApiLifecycle::table_data()
{
    QTest::addColumn<ApiState>("from");
    QTest::addColumn<ApiState>("to");
    QTest::addColumn<bool>("legal");
    for (ApiState from : allStates) {
        for (ApiState to : allStates) {
            const bool legal = (from == ApiState::Draft && to == ApiState::Published) ||
                               (from == ApiState::Published && to == ApiState::Deprecated) ||
                               (from == ApiState::Deprecated && to == ApiState::Retired);
            QTest::addRow("%s->%s", qPrintable(toString(from)), qPrintable(toString(to)))
                << from << to << legal;
        }
    }
}

void TestApiLifecycle::table()
{
    QFETCH(ApiState, from);
    QFETCH(ApiState, to);
    QFETCH(bool, legal);
    QCOMPARE(ApiLifecycle::isLegal(from, to), legal);
    QCOMPARE(ApiLifecycle::refusal(from, to).isEmpty(), legal);
    if (!legal)
        QVERIFY(ApiLifecycle::refusal(from, to).size() > 10);
    QCOMPARE(ApiLifecycle::table().size(), 3);
}

qint64 TestApiLifecycle::apiInState(ApiState state, const QString& slug)
{
    ApiCatalog catalog(m_db.database());
    const auto api = catalog.createApi(m_world.publisher, sampleApi(m_world.teamId, slug));
    if (!api)
        return 0;
    const qint64 sunset = nowMs() + 30 * Day;
    if (state >= ApiState::Published && !catalog.publish(m_world.publisher, api->id))
        return 0;
    if (state >= ApiState::Deprecated && !catalog.deprecate(m_world.publisher, api->id, sunset))
        return 0;
    if (state >= ApiState::Retired && !catalog.retire(m_world.publisher, api->id))
        return 0;
    return api->id;
}

void TestApiLifecycle::serviceTransitions()
{
    QFETCH(ApiState, from);
    QFETCH(ApiState, to);
    QFETCH(bool, legal);
    const qint64 id = apiInState(from, QStringLiteral("svc"));
    QVERIFY(id > 0);
    ApiCatalog catalog(m_db.database());
    bool ok = false;
    switch (to) {
    case ApiState::Draft:
        // No operation leads back to draft: the table is the only way in.
        QVERIFY(!legal);
        return;
    case ApiState::Published:
        ok = catalog.publish(m_world.publisher, id);
        break;
    case ApiState::Deprecated:
        ok = catalog.deprecate(m_world.publisher, id, nowMs() + Day);
        break;
    case ApiState::Retired:
        ok = catalog.retire(m_world.publisher, id);
        break;
    }
    QCOMPARE(ok, legal);
    if (!legal) {
        QCOMPARE(catalog.lastErrorCode(), DomainErrorCode::Conflict);
        QCOMPARE(catalog.lastError(), ApiLifecycle::refusal(from, to));
    }
    const auto after = catalog.api(m_world.publisher, id);
    QVERIFY(after);
    QCOMPARE(toString(after->state), toString(legal ? to : from));
}

void TestApiLifecycle::publishNeedsRoutesAndUpstream()
{
    ApiCatalog catalog(m_db.database());
    ApiDefinition noRoutes = sampleApi(m_world.teamId, QStringLiteral("a"));
    noRoutes.routes.clear();
    auto a = catalog.createApi(m_world.publisher, noRoutes);
    QVERIFY2(a, qPrintable(catalog.lastError()));
    QVERIFY(!catalog.publish(m_world.publisher, a->id));
    QCOMPARE(catalog.lastErrorCode(), DomainErrorCode::Invalid);
    QVERIFY2(catalog.lastError().contains(QLatin1String("no routes")),
             qPrintable(catalog.lastError()));

    ApiDefinition badUpstream = sampleApi(m_world.teamId, QStringLiteral("b"));
    badUpstream.upstreams = {{QStringLiteral("ftp://example.com"), 1}};
    auto b = catalog.createApi(m_world.publisher, badUpstream);
    QVERIFY(b);
    QVERIFY(!catalog.publish(m_world.publisher, b->id));
    QVERIFY2(catalog.lastError().contains(QLatin1String("ftp://example.com")),
             qPrintable(catalog.lastError()));

    ApiDefinition noUpstream = sampleApi(m_world.teamId, QStringLiteral("c"));
    noUpstream.upstreams.clear();
    auto c = catalog.createApi(m_world.publisher, noUpstream);
    QVERIFY(c);
    QVERIFY(!catalog.publish(m_world.publisher, c->id));
    QVERIFY2(catalog.lastError().contains(QLatin1String("no upstream")),
             qPrintable(catalog.lastError()));
    QCOMPARE(toString(catalog.api(m_world.publisher, c->id)->state), toString(ApiState::Draft));

    // Fixing the draft makes it publishable; a published API must stay so.
    c->upstreams = {{QStringLiteral("http://10.0.0.1:8080"), 2}};
    QVERIFY2(catalog.updateApi(m_world.publisher, *c), qPrintable(catalog.lastError()));
    QVERIFY2(catalog.publish(m_world.publisher, c->id), qPrintable(catalog.lastError()));
    auto published = catalog.api(m_world.publisher, c->id);
    QCOMPARE(published->upstreams, c->upstreams);
    published->routes.clear();
    QVERIFY(!catalog.updateApi(m_world.publisher, *published));
    QCOMPARE(catalog.lastErrorCode(), DomainErrorCode::Invalid);
}

void TestApiLifecycle::deprecateNeedsFutureSunsetAndValidSuccessor()
{
    const qint64 id = apiInState(ApiState::Published, QStringLiteral("old"));
    ApiCatalog catalog(m_db.database());
    QVERIFY(!catalog.deprecate(m_world.publisher, id, nowMs() - 1));
    QVERIFY2(catalog.lastError().contains(QLatin1String("sunset")),
             qPrintable(catalog.lastError()));
    QVERIFY(!catalog.deprecate(m_world.publisher, id, nowMs() + Day, id));
    QVERIFY(!catalog.deprecate(m_world.publisher, id, nowMs() + Day, 424242));
    QVERIFY2(catalog.lastError().contains(QLatin1String("successor")),
             qPrintable(catalog.lastError()));

    const qint64 successor = apiInState(ApiState::Published, QStringLiteral("new"));
    const qint64 sunset = nowMs() + 10 * Day;
    QVERIFY2(catalog.deprecate(m_world.publisher, id, sunset, successor),
             qPrintable(catalog.lastError()));
    const auto api = catalog.api(m_world.publisher, id);
    QCOMPARE(toString(api->state), toString(ApiState::Deprecated));
    QCOMPARE(api->sunsetAt, sunset);
    QCOMPARE(api->successorId, successor);
}

void TestApiLifecycle::versionsLiveSideBySide()
{
    const qint64 v1 = apiInState(ApiState::Published, QStringLiteral("orders"));
    ApiCatalog catalog(m_db.database());
    auto v2 = catalog.createVersion(m_world.publisher, v1, QStringLiteral("v2"));
    QVERIFY2(v2, qPrintable(catalog.lastError()));
    QCOMPARE(toString(v2->state), toString(ApiState::Draft));
    QCOMPARE(v2->previousId, v1);
    QCOMPARE(v2->slug, QStringLiteral("orders"));
    QCOMPARE(catalog.api(m_world.publisher, v1)->successorId, v2->id);
    QCOMPARE(toString(catalog.api(m_world.publisher, v1)->state), toString(ApiState::Published));

    // Same slug and version twice is a conflict; a second successor too.
    QVERIFY(!catalog.createVersion(m_world.publisher, v1, QStringLiteral("v3")));
    QCOMPARE(catalog.lastErrorCode(), DomainErrorCode::Conflict);
    QVERIFY(
        !catalog.createApi(m_world.publisher, sampleApi(m_world.teamId, QStringLiteral("orders"))));
    QCOMPARE(catalog.lastErrorCode(), DomainErrorCode::Conflict);

    const auto versions = catalog.versions(m_world.publisher, QStringLiteral("orders"));
    QCOMPARE(versions.size(), 2);
    QCOMPARE(versions[0].version, QStringLiteral("v1"));
    QCOMPARE(versions[1].version, QStringLiteral("v2"));
    QCOMPARE(versions[1].routes, versions[0].routes);
}

void TestApiLifecycle::onlyDraftsAreDeleted()
{
    const qint64 v1 = apiInState(ApiState::Published, QStringLiteral("carts"));
    ApiCatalog catalog(m_db.database());
    QVERIFY(!catalog.deleteDraft(m_world.publisher, v1));
    QCOMPARE(catalog.lastErrorCode(), DomainErrorCode::Conflict);

    // Deleting the v2 draft unlinks it from v1, which can get a new successor.
    const auto v2 = catalog.createVersion(m_world.publisher, v1, QStringLiteral("v2"));
    QVERIFY2(v2, qPrintable(catalog.lastError()));
    QVERIFY(!catalog.deleteDraft(m_world.developer, v2->id)); // a member, not a publisher
    QCOMPARE(catalog.lastErrorCode(), DomainErrorCode::Forbidden);
    QVERIFY(!catalog.deleteDraft(m_world.otherPublisher, v2->id)); // cannot even see it
    QCOMPARE(catalog.lastErrorCode(), DomainErrorCode::NotFound);
    QVERIFY2(catalog.deleteDraft(m_world.publisher, v2->id), qPrintable(catalog.lastError()));
    QVERIFY(!catalog.api(m_world.publisher, v2->id));
    QCOMPARE(catalog.lastErrorCode(), DomainErrorCode::NotFound);
    QCOMPARE(catalog.api(m_world.publisher, v1)->successorId, 0);
    QVERIFY2(catalog.createVersion(m_world.publisher, v1, QStringLiteral("v2")),
             qPrintable(catalog.lastError()));
}

// The compiler reads cachePolicy into the gateway's cache policy: what it
// could not read is refused when stored.
void TestApiLifecycle::cachePolicyIsChecked()
{
    ApiCatalog catalog(m_db.database());
    ApiDefinition api = sampleApi(m_world.teamId, QStringLiteral("cached"));
    api.cachePolicy = QStringLiteral(R"({"max_ttl": "10s", "stale_while_revalidate": "30s"})");
    auto created = catalog.createApi(m_world.publisher, api);
    QVERIFY2(created, qPrintable(catalog.lastError()));
    created->cachePolicy = QStringLiteral(R"({"ttl": 60})"); // not a key
    QVERIFY(!catalog.updateApi(m_world.publisher, *created));
    QCOMPARE(catalog.lastErrorCode(), DomainErrorCode::Invalid);
    QVERIFY2(catalog.lastError().contains(QLatin1String("ttl")), qPrintable(catalog.lastError()));
    api.slug = QStringLiteral("cached2");
    api.cachePolicy = QStringLiteral(R"({"max_ttl": "soon"})");
    QVERIFY(!catalog.createApi(m_world.publisher, api));
    QVERIFY2(catalog.lastError().contains(QLatin1String("max_ttl")),
             qPrintable(catalog.lastError()));
}

// The opt-in to keys in the URL: stored, audited, and refused where the
// gateway could not use it (a name needing encoding, or an open API).
void TestApiLifecycle::keyQueryParameterIsStoredAndChecked()
{
    ApiCatalog catalog(m_db.database());
    ApiDefinition api = sampleApi(m_world.teamId, QStringLiteral("maps"));
    api.keyQueryParameter = QStringLiteral("api_key");
    auto created = catalog.createApi(m_world.publisher, api);
    QVERIFY2(created, qPrintable(catalog.lastError()));
    auto stored = catalog.api(m_world.publisher, created->id);
    QVERIFY2(stored, qPrintable(catalog.lastError()));
    QCOMPARE(stored->keyQueryParameter, QStringLiteral("api_key"));

    stored->keyQueryParameter = QStringLiteral("key.v2~x");
    QVERIFY2(catalog.updateApi(m_world.publisher, *stored), qPrintable(catalog.lastError()));
    auto audit = runSql(m_db.database().connection(),
                        QStringLiteral("SELECT before_json, after_json FROM audit_log"
                                       " WHERE action = 'api.update' AND object_id = ?"),
                        {created->id});
    QVERIFY(audit && audit->next());
    QVERIFY2(audit->value(0).toString().contains(QLatin1String(R"("keyQueryParameter":"api_key")")),
             qPrintable(audit->value(0).toString()));
    QVERIFY2(
        audit->value(1).toString().contains(QLatin1String(R"("keyQueryParameter":"key.v2~x")")),
        qPrintable(audit->value(1).toString()));

    for (const QString& bad : {QStringLiteral("api key"), QStringLiteral("key&x"),
                               QStringLiteral("schlüssel"), QString(65, QLatin1Char('k'))}) {
        stored->keyQueryParameter = bad;
        QVERIFY2(!catalog.updateApi(m_world.publisher, *stored), qPrintable(bad));
        QCOMPARE(catalog.lastErrorCode(), DomainErrorCode::Invalid);
        QVERIFY2(catalog.lastError().startsWith(QLatin1String("keyQueryParameter: ")),
                 qPrintable(catalog.lastError()));
    }
    stored->keyQueryParameter = QString(64, QLatin1Char('k'));
    QVERIFY2(catalog.updateApi(m_world.publisher, *stored), qPrintable(catalog.lastError()));

    stored->keyQueryParameter = QStringLiteral("api_key");
    stored->authMode = AuthMode::Open;
    QVERIFY(!catalog.updateApi(m_world.publisher, *stored));
    QCOMPARE(catalog.lastErrorCode(), DomainErrorCode::Invalid);
    QVERIFY2(catalog.lastError().contains(QLatin1String("open APIs")),
             qPrintable(catalog.lastError()));
    stored->keyQueryParameter.clear();
    QVERIFY2(catalog.updateApi(m_world.publisher, *stored), qPrintable(catalog.lastError()));
    QCOMPARE(catalog.api(m_world.publisher, created->id)->keyQueryParameter, QString());
}

void TestApiLifecycle::retiredIsReadOnly()
{
    const qint64 id = apiInState(ApiState::Retired, QStringLiteral("gone"));
    QVERIFY(id > 0);
    ApiCatalog catalog(m_db.database());
    auto api = catalog.api(m_world.publisher, id);
    api->description = QStringLiteral("changed");
    QVERIFY(!catalog.updateApi(m_world.publisher, *api));
    QVERIFY2(catalog.lastError().contains(QLatin1String("retired")),
             qPrintable(catalog.lastError()));
}

// What the console offers: the transitions of the state, only to those who
// may edit the API, and each offered action is one the service accepts.
void TestApiLifecycle::allowedActionsFollowStateAndRole()
{
    using A = ApiAction;
    ApiCatalog catalog(m_db.database());
    const QList<QPair<ApiState, QList<ApiAction>>> expected{
        {ApiState::Draft, {A::Publish, A::DeleteDraft, A::NewVersion}},
        {ApiState::Published, {A::Deprecate, A::NewVersion}},
        {ApiState::Deprecated, {A::Retire, A::NewVersion}},
        {ApiState::Retired, {A::NewVersion}},
    };
    int n = 0;
    for (const auto& [state, actions] : expected) {
        const qint64 id = apiInState(state, QStringLiteral("acts%1").arg(++n));
        QVERIFY(id > 0);
        const auto api = catalog.api(m_world.admin, id);
        QVERIFY(api);
        QCOMPARE(catalog.allowedActions(m_world.publisher, *api), actions);
        QCOMPARE(catalog.allowedActions(m_world.admin, *api), actions);
        // A developer of the team sees the API but may not change it; a
        // publisher of another team may not either.
        // Their empty lists are answers, not refusals.
        for (const Principal& who : {m_world.developer, m_world.otherPublisher, m_world.outsider}) {
            QVERIFY(catalog.allowedActions(who, *api).isEmpty());
            QCOMPARE(catalog.lastErrorCode(), DomainErrorCode::None);
        }
    }

    // A version with a successor offers no second one; the service agrees.
    const qint64 v1 = apiInState(ApiState::Published, QStringLiteral("succ"));
    QVERIFY(catalog.createVersion(m_world.publisher, v1, QStringLiteral("v2")));
    const auto linked = catalog.api(m_world.publisher, v1);
    QVERIFY(!catalog.allowedActions(m_world.publisher, *linked).contains(A::NewVersion));
    QVERIFY(!catalog.createVersion(m_world.publisher, v1, QStringLiteral("v3")));

    // Offered actions are accepted by the service.
    const qint64 draft = apiInState(ApiState::Draft, QStringLiteral("offered"));
    auto api = catalog.api(m_world.publisher, draft);
    QVERIFY(catalog.allowedActions(m_world.publisher, *api).contains(A::Publish));
    QVERIFY2(catalog.publish(m_world.publisher, draft), qPrintable(catalog.lastError()));
    api = catalog.api(m_world.publisher, draft);
    QVERIFY(catalog.allowedActions(m_world.publisher, *api).contains(A::Deprecate));
    QVERIFY2(catalog.deprecate(m_world.publisher, draft, nowMs() + Day),
             qPrintable(catalog.lastError()));
}

QTEST_GUILESS_MAIN(TestApiLifecycle)
#include "tst_api_lifecycle.moc"
