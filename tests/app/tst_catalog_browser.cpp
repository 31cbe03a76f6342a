// SPDX-FileCopyrightText: Gatehouse contributors
// SPDX-License-Identifier: Apache-2.0
#include "app/catalog_browser.h"

#include "app/catalog_store.h"
#include "app/openapi_document.h"
#include "app/storage/sql_query.h"
#include "tests/app/test_databases.h"

#include <QTest>

using namespace gatehouse::app;

namespace {

constexpr qint64 Day = 24LL * 3600 * 1000;

const char* const Document = R"({
  "openapi": "3.1.0",
  "info": {"title": "Orders", "version": "2.0", "description": "Orders of the shop."},
  "paths": {
    "/orders/{id}": {
      "parameters": [{"name": "id", "in": "path", "required": true,
                      "schema": {"type": "integer"}}],
      "get": {
        "summary": "One order",
        "parameters": [{"$ref": "#/components/parameters/Expand"},
                       {"name": "id", "in": "path", "required": true,
                        "description": "The order number", "schema": {"type": "string"}}],
        "responses": {"200": {"$ref": "#/components/responses/Order"},
                      "404": {"description": "No such order"}}
      },
      "put": {
        "operationId": "replaceOrder",
        "requestBody": {"content": {"application/json": {}}},
        "responses": {"204": {"description": "Replaced"}}
      }
    },
    "/orders": {
      "get": {"parameters": [{"name": "tags", "in": "query",
                              "schema": {"type": "array", "items": {"$ref": "#/components/schemas/Tag"}}}],
              "responses": {"200": {"description": "Orders"}}}
    }
  },
  "components": {
    "parameters": {"Expand": {"name": "expand", "in": "query", "schema": {"type": ["string", "null"]}}},
    "responses": {"Order": {"description": "The order"}},
    "schemas": {"Tag": {"type": "string"}}
  }
})";

} // namespace

// What the console's catalog page reads and does, on both back ends: the
// listing and details each actor may see, and lifecycle actions through the
// domain with its refusals.
class TestCatalogBrowser : public QObject {
    Q_OBJECT

private slots:
    void initTestCase_data() { TestDatabases::addBackends(); }
    void init();
    void cleanup();

    void listingFollowsVisibility();
    void detailsWithVersionsPlansAndSubscribers();
    void detailsSayWhenPlansCannotBeRead();
    void detailsSayWhenSubscribersCannotBeRead();
    void lifecycleActionsAndRefusals();
    void cachePolicyIsSavedThroughTheDomain();
    void openApiSummary();
    void openApiSummaryOfBadDocuments();

private:
    TestDatabases m_db;
    TestWorld m_world;
    std::unique_ptr<CatalogStore> m_store;
    qint64 m_v1 = 0;
    qint64 m_v2 = 0;
    qint64 m_draft = 0;
    qint64 m_plan = 0;
};

void TestCatalogBrowser::init()
{
    GH_OPEN_FRESH(m_db);
    QString err;
    QVERIFY2(m_world.seed(m_db.database(), &err), qPrintable(err));
    m_store = CatalogStore::open(QStringLiteral("catalog-browser"), m_db.spec(), &err);
    QVERIFY2(m_store, qPrintable(err));
    ApiCatalog& apis = m_store->apis();
    ApiDefinition def;
    def.slug = QStringLiteral("orders");
    def.name = QStringLiteral("Orders");
    def.teamId = m_world.teamId;
    def.visibility = ApiVisibility::Organisation;
    def.basePath = QStringLiteral("/orders/v1");
    def.tags = {QStringLiteral("shop")};
    def.routes = {{QStringLiteral("GET"), QStringLiteral("/orders/{id}")}};
    def.upstreams = {{QStringLiteral("http://127.0.0.1:9100"), 1}};
    def.openApi = QString::fromUtf8(Document);
    const auto v1 = apis.createApi(m_world.publisher, def);
    QVERIFY2(v1, qPrintable(apis.lastError()));
    QVERIFY(apis.publish(m_world.publisher, v1->id));
    const auto v2 = apis.createVersion(m_world.publisher, v1->id, QStringLiteral("v2"));
    QVERIFY2(v2, qPrintable(apis.lastError()));
    m_v1 = v1->id;
    m_v2 = v2->id;
    def.slug = QStringLiteral("accounts");
    def.name = QStringLiteral("Accounts");
    def.visibility = ApiVisibility::Team;
    def.basePath = QStringLiteral("/accounts");
    def.openApi.clear();
    const auto draft = apis.createApi(m_world.publisher, def);
    QVERIFY2(draft, qPrintable(apis.lastError()));
    m_draft = draft->id;
    const auto plan = m_store->plans().createPlan(
        m_world.publisher, Plan{0, m_v1, QStringLiteral("gold"), ApprovalMode::Manual, 60, 0, 0});
    QVERIFY2(plan, qPrintable(m_store->plans().lastError()));
    m_plan = plan->id;
}

void TestCatalogBrowser::cleanup()
{
    m_store.reset();
    m_db.cleanup();
}

void TestCatalogBrowser::listingFollowsVisibility()
{
    const CatalogListing admin = loadCatalog(*m_store, m_world.admin);
    QVERIFY2(admin.error.isEmpty(), qPrintable(admin.error));
    QCOMPARE(admin.entries.size(), 3);
    // By name, then by id.
    QCOMPARE(admin.entries[0].api.name, QStringLiteral("Accounts"));
    QCOMPARE(admin.entries[1].api.id, m_v1);
    QCOMPARE(admin.entries[2].api.id, m_v2);
    QVERIFY(!admin.entries[0].team.isEmpty());
    QCOMPARE(admin.entries[0].actions,
             (QList<ApiAction>{ApiAction::Publish, ApiAction::DeleteDraft, ApiAction::NewVersion}));
    // v1 has its successor: no second one.
    QCOMPARE(admin.entries[1].actions, QList<ApiAction>{ApiAction::Deprecate});

    // The outsider sees the published organisation API only, with nothing
    // to do; the team's developer sees the drafts too, still nothing to do.
    const CatalogListing outsider = loadCatalog(*m_store, m_world.outsider);
    QCOMPARE(outsider.entries.size(), 1);
    QCOMPARE(outsider.entries[0].api.id, m_v1);
    QVERIFY(outsider.entries[0].actions.isEmpty());
    const CatalogListing developer = loadCatalog(*m_store, m_world.developer);
    QCOMPARE(developer.entries.size(), 3);
    for (const auto& e : developer.entries)
        QVERIFY(e.actions.isEmpty());
}

void TestCatalogBrowser::detailsWithVersionsPlansAndSubscribers()
{
    const auto app =
        m_store->applications().createApplication(m_world.outsider, QStringLiteral("mobile"));
    QVERIFY2(app, qPrintable(m_store->applications().lastError()));
    QVERIFY(m_store->subscriptions().request(m_world.outsider, app->id, m_plan));

    const ApiDetails details = loadApiDetails(*m_store, m_world.publisher, m_v1);
    QVERIFY2(details.entry, qPrintable(details.error));
    QCOMPARE(details.entry->api.id, m_v1);
    QCOMPARE(details.versions.size(), 2);
    QCOMPARE(details.versions[0].version, QStringLiteral("v1"));
    QCOMPARE(details.versions[0].successorId, m_v2);
    QCOMPARE(details.versions[1].version, QStringLiteral("v2"));
    QCOMPARE(details.plans.size(), 1);
    QVERIFY(details.subscribersVisible);
    QCOMPARE(details.subscribers.size(), 1);
    QCOMPARE(details.subscribers[0].application, QStringLiteral("mobile"));
    QCOMPARE(details.subscribers[0].plan, QStringLiteral("gold"));
    QCOMPARE(toString(details.subscribers[0].state), toString(SubscriptionState::Pending));
    QCOMPARE(details.openApi.operations.size(), 3);

    // The outsider sees the API, not who subscribed to it, nor the draft v2.
    const ApiDetails outsider = loadApiDetails(*m_store, m_world.outsider, m_v1);
    QVERIFY(outsider.entry);
    QVERIFY(!outsider.subscribersVisible);
    QVERIFY(outsider.subscribers.isEmpty());
    QCOMPARE(outsider.versions.size(), 1);
    // An API one may not see is not found, not forbidden.
    const ApiDetails hidden = loadApiDetails(*m_store, m_world.outsider, m_draft);
    QVERIFY(!hidden.entry);
    QCOMPARE(hidden.errorCode, DomainErrorCode::NotFound);
    // No document: no operations and no error.
    const ApiDetails plain = loadApiDetails(*m_store, m_world.admin, m_draft);
    QVERIFY(plain.openApi.operations.isEmpty());
    QVERIFY(plain.openApi.error.isEmpty());
}

// Plans that cannot be read are not "no plans": the details say why, and
// the rest is still shown.
void TestCatalogBrowser::detailsSayWhenPlansCannotBeRead()
{
    const ApiDetails before = loadApiDetails(*m_store, m_world.outsider, m_v1);
    QVERIFY(before.entry);
    QCOMPARE(before.plans.size(), 1);
    QVERIFY(before.plansError.isEmpty());
    QCOMPARE(before.plansErrorCode, DomainErrorCode::None);
    QVERIFY(before.versionsError.isEmpty());

    QString err;
    QVERIFY2(m_db.exec(QStringLiteral("ALTER TABLE plans RENAME TO plans_elsewhere"), &err),
             qPrintable(err));
    const ApiDetails details = loadApiDetails(*m_store, m_world.outsider, m_v1);
    QVERIFY2(details.entry, qPrintable(details.error));
    QCOMPARE(details.errorCode, DomainErrorCode::None);
    QCOMPARE(details.plansErrorCode, DomainErrorCode::Storage);
    QVERIFY(!details.plansError.isEmpty());
    QVERIFY(details.plans.isEmpty());
    // What could be read still is.
    QCOMPARE(details.versions.size(), 1);
    QVERIFY(details.versionsError.isEmpty());
    QCOMPARE(details.openApi.operations.size(), 3);
    QVERIFY2(m_db.exec(QStringLiteral("ALTER TABLE plans_elsewhere RENAME TO plans"), &err),
             qPrintable(err));
    QCOMPARE(loadApiDetails(*m_store, m_world.outsider, m_v1).plans.size(), 1);
}

// Subscribers that cannot be read are not "no subscribers", and not a
// failure of the whole API either: the entry and the rest are still there.
void TestCatalogBrowser::detailsSayWhenSubscribersCannotBeRead()
{
    const ApiDetails before = loadApiDetails(*m_store, m_world.publisher, m_v1);
    QVERIFY2(before.entry, qPrintable(before.error));
    QVERIFY(before.subscribersVisible);
    QVERIFY(before.subscribersError.isEmpty());
    QCOMPARE(before.subscribersErrorCode, DomainErrorCode::None);

    QString err;
    QVERIFY2(
        m_db.exec(QStringLiteral("ALTER TABLE subscriptions RENAME TO subscriptions_elsewhere"),
                  &err),
        qPrintable(err));
    const ApiDetails details = loadApiDetails(*m_store, m_world.publisher, m_v1);
    QVERIFY2(details.entry, qPrintable(details.error));
    QCOMPARE(details.errorCode, DomainErrorCode::None);
    QVERIFY2(details.error.isEmpty(), qPrintable(details.error));
    QCOMPARE(details.subscribersErrorCode, DomainErrorCode::Storage);
    QVERIFY2(details.subscribersError.contains(QLatin1String("subscriptions")),
             qPrintable(details.subscribersError));
    QVERIFY(details.subscribers.isEmpty());
    QCOMPARE(details.plans.size(), 1);
    QCOMPARE(details.versions.size(), 2);
    // Who may not see the subscribers is not told of a failure to read them.
    const ApiDetails outsider = loadApiDetails(*m_store, m_world.outsider, m_v1);
    QVERIFY(outsider.entry);
    QVERIFY(outsider.subscribersError.isEmpty());
    QVERIFY2(
        m_db.exec(QStringLiteral("ALTER TABLE subscriptions_elsewhere RENAME TO subscriptions"),
                  &err),
        qPrintable(err));
    QVERIFY(loadApiDetails(*m_store, m_world.publisher, m_v1).subscribersError.isEmpty());
}

void TestCatalogBrowser::lifecycleActionsAndRefusals()
{
    // A developer is refused by the domain, whatever the page shows.
    LifecycleRequest publish{ApiAction::Publish, m_draft, 0, 0, {}, QStringLiteral("go"), {}};
    LifecycleOutcome outcome = applyLifecycleAction(*m_store, m_world.developer, publish);
    QVERIFY(!outcome.ok);
    QCOMPARE(outcome.errorCode, DomainErrorCode::Forbidden);
    QVERIFY(!outcome.error.isEmpty());

    outcome = applyLifecycleAction(*m_store, m_world.publisher, publish);
    QVERIFY2(outcome.ok, qPrintable(outcome.error));
    QCOMPARE(outcome.apiId, m_draft);

    // A sunset in the past is invalid.
    LifecycleRequest deprecate{ApiAction::Deprecate, m_v1, nowMs() - Day, m_v2, {}, {}, {}};
    outcome = applyLifecycleAction(*m_store, m_world.publisher, deprecate);
    QVERIFY(!outcome.ok);
    QCOMPARE(outcome.errorCode, DomainErrorCode::Invalid);
    deprecate.sunsetAt = nowMs() + 30 * Day;
    outcome = applyLifecycleAction(*m_store, m_world.publisher, deprecate);
    QVERIFY2(outcome.ok, qPrintable(outcome.error));
    QCOMPARE(m_store->apis().api(m_world.admin, m_v1)->successorId, m_v2);

    // Retiring twice: the second is a conflict.
    const LifecycleRequest retire{ApiAction::Retire, m_v1, 0, 0, {}, {}, {}};
    QVERIFY(applyLifecycleAction(*m_store, m_world.publisher, retire).ok);
    outcome = applyLifecycleAction(*m_store, m_world.publisher, retire);
    QCOMPARE(outcome.errorCode, DomainErrorCode::Conflict);

    // A new version answers with the new API's id.
    // "/accounts" has no version segment to follow the version: the new
    // one needs a base path of its own.
    LifecycleRequest next{ApiAction::NewVersion, m_draft, 0, 0, QStringLiteral("v2"), {}, {}};
    outcome = applyLifecycleAction(*m_store, m_world.publisher, next);
    QVERIFY(!outcome.ok);
    QCOMPARE(outcome.errorCode, DomainErrorCode::Conflict);
    // For the dialog: which field, who holds it, and a free one.
    QCOMPARE(outcome.errorField, QStringLiteral("basePath"));
    QVERIFY(outcome.basePath && outcome.basePath->taken);
    QCOMPARE(outcome.basePath->otherId, m_draft);
    QCOMPARE(outcome.basePath->freeBasePath, QStringLiteral("/accounts/v2"));
    next.basePath = QStringLiteral("/orders/v2"); // the live v2 draft's (v1 is retired)
    outcome = applyLifecycleAction(*m_store, m_world.publisher, next);
    QCOMPARE(outcome.errorCode, DomainErrorCode::Conflict);
    QCOMPARE(outcome.errorField, QStringLiteral("basePath"));
    QVERIFY(outcome.basePath && outcome.basePath->taken);
    QCOMPARE(outcome.basePath->otherId, m_v2);
    next.basePath = QStringLiteral("/accounts/v2");
    outcome = applyLifecycleAction(*m_store, m_world.publisher, next);
    QVERIFY2(outcome.ok, qPrintable(outcome.error));
    QVERIFY(outcome.apiId != m_draft && outcome.apiId > 0);
    QCOMPARE(m_store->apis().api(m_world.admin, outcome.apiId)->version, QStringLiteral("v2"));
    const LifecycleRequest remove{ApiAction::DeleteDraft, outcome.apiId, 0, 0, {}, {}, {}};
    outcome = applyLifecycleAction(*m_store, m_world.publisher, remove);
    QVERIFY2(outcome.ok, qPrintable(outcome.error));
    QCOMPARE(outcome.apiId, 0);
}

void TestCatalogBrowser::cachePolicyIsSavedThroughTheDomain()
{
    QVERIFY(loadApiDetails(*m_store, m_world.publisher, m_v1).entry->editable);
    QVERIFY(!loadApiDetails(*m_store, m_world.developer, m_v1).entry->editable);
    const QString policy = QStringLiteral(R"({"max_ttl": "10s"})");
    LifecycleOutcome outcome = saveCachePolicy(*m_store, m_world.developer, m_v1, policy);
    QVERIFY(!outcome.ok);
    QCOMPARE(outcome.errorCode, DomainErrorCode::Forbidden);
    // What the compiler could not read is refused, and says where.
    outcome = saveCachePolicy(*m_store, m_world.publisher, m_v1,
                              QStringLiteral(R"({"max_ttl": "soon"})"));
    QCOMPARE(outcome.errorCode, DomainErrorCode::Invalid);
    QVERIFY2(outcome.error.contains(QLatin1String("max_ttl")), qPrintable(outcome.error));
    outcome = saveCachePolicy(*m_store, m_world.publisher, m_v1, QStringLiteral("[1, 2]"));
    QCOMPARE(outcome.errorCode, DomainErrorCode::Invalid);
    outcome = saveCachePolicy(*m_store, m_world.publisher, m_v1, policy);
    QVERIFY2(outcome.ok, qPrintable(outcome.error));
    QCOMPARE(m_store->apis().api(m_world.admin, m_v1)->cachePolicy, policy);

    // Retired: read-only for everyone.
    QVERIFY(m_store->apis().deprecate(m_world.publisher, m_v1, nowMs() + Day));
    QVERIFY(m_store->apis().retire(m_world.publisher, m_v1));
    QVERIFY(!loadApiDetails(*m_store, m_world.admin, m_v1).entry->editable);
    QVERIFY(!saveCachePolicy(*m_store, m_world.admin, m_v1, QStringLiteral("{}")).ok);
}

void TestCatalogBrowser::openApiSummary()
{
    const OpenApiSummary doc = summarizeOpenApi(QString::fromUtf8(Document));
    QVERIFY2(doc.error.isEmpty(), qPrintable(doc.error));
    QCOMPARE(doc.title, QStringLiteral("Orders"));
    QCOMPARE(doc.version, QStringLiteral("2.0"));
    QCOMPARE(doc.description, QStringLiteral("Orders of the shop."));
    QCOMPARE(doc.operations.size(), 3);
    // Document order.
    const OpenApiOperation& get = doc.operations[0];
    QCOMPARE(get.method, QStringLiteral("GET"));
    QCOMPARE(get.path, QStringLiteral("/orders/{id}"));
    QCOMPARE(get.summary, QStringLiteral("One order"));
    // The operation's "id" replaces the path-level one; the $ref is followed.
    QCOMPARE(get.parameters.size(), 2);
    QCOMPARE(get.parameters[0].name, QStringLiteral("expand"));
    QCOMPARE(get.parameters[0].type, QStringLiteral("string|null"));
    QCOMPARE(get.parameters[1].name, QStringLiteral("id"));
    QCOMPARE(get.parameters[1].type, QStringLiteral("string"));
    QCOMPARE(get.parameters[1].description, QStringLiteral("The order number"));
    QVERIFY(get.parameters[1].required);
    QCOMPARE(get.responses.size(), 2);
    QCOMPARE(get.responses[0].status, QStringLiteral("200"));
    QCOMPARE(get.responses[0].description, QStringLiteral("The order"));
    const OpenApiOperation& put = doc.operations[1];
    QCOMPARE(put.operationId, QStringLiteral("replaceOrder"));
    QVERIFY(put.hasRequestBody);
    QCOMPARE(put.parameters.size(), 1); // the path-level id
    QCOMPARE(put.parameters[0].type, QStringLiteral("integer"));
    const OpenApiOperation& list = doc.operations[2];
    QCOMPARE(list.parameters[0].type, QStringLiteral("Tag[]"));
}

void TestCatalogBrowser::openApiSummaryOfBadDocuments()
{
    QVERIFY(!summarizeOpenApi(QStringLiteral("openapi: [unclosed")).error.isEmpty());
    QVERIFY(!summarizeOpenApi(QStringLiteral("- a list")).error.isEmpty());
    QVERIFY(!summarizeOpenApi(QString()).error.isEmpty());
    // A dangling reference is skipped, not fatal.
    const OpenApiSummary dangling = summarizeOpenApi(
        QStringLiteral("openapi: 3.0.0\ninfo: {title: X, version: '1'}\npaths:\n  /x:\n    get:\n"
                       "      parameters: [{$ref: '#/components/parameters/Nope'}]\n"
                       "      responses: {'200': {description: ok}}\n"));
    QVERIFY2(dangling.error.isEmpty(), qPrintable(dangling.error));
    QCOMPARE(dangling.operations.size(), 1);
    QVERIFY(dangling.operations[0].parameters.isEmpty());
}

QTEST_GUILESS_MAIN(TestCatalogBrowser)
#include "tst_catalog_browser.moc"
