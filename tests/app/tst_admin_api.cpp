// SPDX-FileCopyrightText: Gatehouse contributors
// SPDX-License-Identifier: Apache-2.0
#include "app/admin_api/admin_api.h"

#include "app/gateway_config_sync.h"
#include "app/gateway_controller.h"
#include "app/storage/sql_query.h"
#include "tests/app/admin_api_fixture.h"

#include <QDateTime>
#include <QHash>
#include <QSet>
#include <QSignalSpy>
#include <QTest>

#include <algorithm>
#include <atomic>
#include <thread>
#include <vector>

using namespace gatehouse::app;
using gatehouse::test::http_connection;
using gatehouse::test::http_response;

// The admin API's resources end to end: real HTTP against the domain
// services on SQLite and PostgreSQL.
class TestAdminApi : public QObject, public AdminApiFixture {
    Q_OBJECT

private slots:
    void initTestCase_data() { TestDatabases::addBackends(); }
    void init() { setUpApi(); }
    void cleanup() { tearDownApi(); }

    void apiCrudRoundTrip();
    void listFilters();
    void validationNamesFields();
    void illegalLifecycleTransitionIsConflict();
    void plans();
    void versions();
    void subscriptionApproveRejectFlow();
    void keyIsShownOnce();
    void teamsAndMembers();
    void usersAndAudit();
    void pagination();
    void concurrentClients();
    void changesReachTheConsole();
    void actingUserWithoutAccountIsRefused();
};

void TestAdminApi::apiCrudRoundTrip()
{
    const qint64 id = createApi(QStringLiteral("billing"));
    QVERIFY(id > 0);

    auto got = get(QStringLiteral("/v1/apis/%1").arg(id));
    QCOMPARE(got.status, 200);
    QJsonObject api = jsonOf(got);
    QCOMPARE(api.value(QStringLiteral("slug")).toString(), QStringLiteral("billing"));
    QCOMPARE(api.value(QStringLiteral("state")).toString(), QStringLiteral("draft"));
    QCOMPARE(api.value(QStringLiteral("routes")).toArray().size(), 1);

    // Its OpenAPI document, made from the definition (it was not imported).
    auto openApi = get(QStringLiteral("/v1/apis/%1/openapi").arg(id));
    QCOMPARE(openApi.status, 200);
    const QJsonObject document = jsonOf(openApi);
    QCOMPARE(document.value(QStringLiteral("openapi")).toString(), QStringLiteral("3.1.0"));
    QCOMPARE(document.value(QStringLiteral("paths")).toObject().size(), 1);
    QCOMPARE(get(QStringLiteral("/v1/apis/999999/openapi")).status, 404);

    auto created = post(QStringLiteral("/v1/apis"),
                        {{QStringLiteral("slug"), QStringLiteral("billing")},
                         {QStringLiteral("name"), QStringLiteral("Again")},
                         {QStringLiteral("teamId"), m_world.teamId},
                         {QStringLiteral("basePath"), QStringLiteral("/billing2")}});
    QCOMPARE(created.status, 409); // billing v1 exists
    // The conflicting field is named as validation errors name theirs.
    QCOMPARE(created.header("Content-Type"), std::string("application/problem+json"));
    QCOMPARE(errorFields(jsonOf(created)), QStringList{QStringLiteral("version")});
    QCOMPARE(jsonOf(created)
                 .value(QStringLiteral("errors"))
                 .toArray()
                 .at(0)
                 .toObject()
                 .value(QStringLiteral("message"))
                 .toString(),
             QStringLiteral("billing v1 already exists"));
    auto overlapping = post(QStringLiteral("/v1/apis"),
                            {{QStringLiteral("slug"), QStringLiteral("billing-too")},
                             {QStringLiteral("name"), QStringLiteral("Too")},
                             {QStringLiteral("teamId"), m_world.teamId},
                             {QStringLiteral("basePath"), QStringLiteral("/billing/")}});
    QCOMPARE(overlapping.status, 409);
    const QJsonObject overlap = jsonOf(overlapping);
    QCOMPARE(overlap.value(QStringLiteral("type")).toString(),
             QStringLiteral("https://gatehouse.dev/problems/admin/conflict"));
    QCOMPARE(errorFields(overlap), QStringList{QStringLiteral("basePath")});
    // The message without its "basePath: " prefix; the detail keeps it whole.
    QVERIFY2(overlap.value(QStringLiteral("errors"))
                 .toArray()
                 .at(0)
                 .toObject()
                 .value(QStringLiteral("message"))
                 .toString()
                 .startsWith(QStringLiteral("'/billing/' overlaps '/billing'")),
             overlapping.body.c_str());
    QVERIFY(overlap.value(QStringLiteral("detail"))
                .toString()
                .startsWith(QStringLiteral("basePath: '/billing/'")));

    auto updated = call("PATCH", QStringLiteral("/v1/apis/%1").arg(id),
                        {{QStringLiteral("name"), QStringLiteral("Billing API")},
                         {QStringLiteral("description"), QStringLiteral("invoices")}},
                        true);
    QCOMPARE(updated.status, 200);
    QCOMPARE(jsonOf(updated).value(QStringLiteral("name")).toString(),
             QStringLiteral("Billing API"));
    // A partial update keeps what it does not mention.
    QCOMPARE(jsonOf(updated).value(QStringLiteral("basePath")).toString(),
             QStringLiteral("/billing"));
    QCOMPARE(
        jsonOf(get(QStringLiteral("/v1/apis/%1").arg(id))).value(QStringLiteral("description")),
        QJsonValue(QStringLiteral("invoices")));
    QCOMPARE(jsonOf(updated).value(QStringLiteral("keyQueryParameter")), QJsonValue(QString()));
    auto queryKey = call("PATCH", QStringLiteral("/v1/apis/%1").arg(id),
                         {{QStringLiteral("keyQueryParameter"), QStringLiteral("api_key")}}, true);
    QCOMPARE(queryKey.status, 200);
    QCOMPARE(jsonOf(get(QStringLiteral("/v1/apis/%1").arg(id)))
                 .value(QStringLiteral("keyQueryParameter")),
             QJsonValue(QStringLiteral("api_key")));

    auto list = get(QStringLiteral("/v1/apis"));
    QCOMPARE(list.status, 200);
    QCOMPARE(jsonOf(list).value(QStringLiteral("total")).toInt(), 1);

    QCOMPARE(call("DELETE", QStringLiteral("/v1/apis/%1").arg(id)).status, 204);
    QCOMPARE(get(QStringLiteral("/v1/apis/%1").arg(id)).status, 404);
    QCOMPARE(call("DELETE", QStringLiteral("/v1/apis/%1").arg(id)).status, 404);
    QCOMPARE(get(QStringLiteral("/v1/apis/nope")).status, 404);

    // A published API is not deleted: it is deprecated and retired.
    const qint64 live = createApi(QStringLiteral("live"));
    QCOMPARE(post(QStringLiteral("/v1/apis/%1/lifecycle").arg(live),
                  {{QStringLiteral("action"), QStringLiteral("publish")}})
                 .status,
             200);
    QCOMPARE(call("DELETE", QStringLiteral("/v1/apis/%1").arg(live)).status, 409);
}

void TestAdminApi::listFilters()
{
    createApi(QStringLiteral("alpha"));
    const qint64 beta = createApi(QStringLiteral("beta"));
    QCOMPARE(post(QStringLiteral("/v1/apis/%1/lifecycle").arg(beta),
                  {{QStringLiteral("action"), QStringLiteral("publish")}})
                 .status,
             200);
    auto total = [&](const QString& query) {
        return jsonOf(get(QStringLiteral("/v1/apis?") + query))
            .value(QStringLiteral("total"))
            .toInt();
    };
    QCOMPARE(total(QStringLiteral("state=published")), 1);
    QCOMPARE(total(QStringLiteral("state=draft")), 1);
    QCOMPARE(total(QStringLiteral("tag=t-alpha")), 1);
    QCOMPARE(total(QStringLiteral("q=ALP")), 1);
    QCOMPARE(total(QStringLiteral("q=%41LPHA")), 1);          // percent-decoded
    QCOMPARE(total(QStringLiteral("q=%25")), 0);              // a literal '%'
    QCOMPARE(total(QStringLiteral("tag=t%2Dbeta&tag=x")), 1); // the first value wins
    QCOMPARE(total(QStringLiteral("teamId=%1").arg(m_world.teamId)), 2);
    QCOMPARE(total(QStringLiteral("teamId=%1").arg(m_world.otherTeamId)), 0);
    auto bad = get(QStringLiteral("/v1/apis?state=sleeping"));
    QCOMPARE(bad.status, 400);
    QCOMPARE(errorFields(jsonOf(bad)), QStringList{QStringLiteral("state")});
}

void TestAdminApi::validationNamesFields()
{
    auto r =
        post(QStringLiteral("/v1/apis"), {{QStringLiteral("slug"), 5},
                                          {QStringLiteral("teamId"), QStringLiteral("x")},
                                          {QStringLiteral("visibility"), QStringLiteral("world")},
                                          {QStringLiteral("routes"), QStringLiteral("GET /")}});
    QCOMPARE(r.status, 422);
    QCOMPARE(r.header("Content-Type"), std::string("application/problem+json"));
    const QStringList fields = errorFields(jsonOf(r));
    for (const char* f : {"slug", "teamId", "visibility", "routes", "name", "basePath"})
        QVERIFY2(fields.contains(QLatin1String(f)), qPrintable(fields.join(QLatin1Char(','))));

    // The domain's own rules come back with their field too.
    auto domain =
        post(QStringLiteral("/v1/apis"), {{QStringLiteral("slug"), QStringLiteral("Not A Slug")},
                                          {QStringLiteral("name"), QStringLiteral("x")},
                                          {QStringLiteral("teamId"), m_world.teamId},
                                          {QStringLiteral("basePath"), QStringLiteral("/x")}});
    QCOMPARE(domain.status, 422);
    QCOMPARE(errorFields(jsonOf(domain)), QStringList{QStringLiteral("slug")});
    auto openWithQueryKey = post(QStringLiteral("/v1/apis"),
                                 {{QStringLiteral("slug"), QStringLiteral("open-maps")},
                                  {QStringLiteral("name"), QStringLiteral("x")},
                                  {QStringLiteral("teamId"), m_world.teamId},
                                  {QStringLiteral("basePath"), QStringLiteral("/x")},
                                  {QStringLiteral("authMode"), QStringLiteral("open")},
                                  {QStringLiteral("keyQueryParameter"), QStringLiteral("k")}});
    QCOMPARE(openWithQueryKey.status, 422);
    QCOMPARE(errorFields(jsonOf(openWithQueryKey)),
             QStringList{QStringLiteral("keyQueryParameter")});
    auto notAString = post(QStringLiteral("/v1/apis"), {{QStringLiteral("keyQueryParameter"), 5}});
    QCOMPARE(notAString.status, 422);
    QVERIFY(errorFields(jsonOf(notAString)).contains(QStringLiteral("keyQueryParameter")));

    auto team = post(QStringLiteral("/v1/teams"), {{QStringLiteral("name"), QStringLiteral(" ")}});
    QCOMPARE(team.status, 422);
    QCOMPARE(errorFields(jsonOf(team)), QStringList{QStringLiteral("name")});
}

void TestAdminApi::illegalLifecycleTransitionIsConflict()
{
    const qint64 bare = createApi(QStringLiteral("bare"), false);
    // Legal transition, unmet precondition (no routes): 422.
    auto noRoutes = post(QStringLiteral("/v1/apis/%1/lifecycle").arg(bare),
                         {{QStringLiteral("action"), QStringLiteral("publish")}});
    QCOMPARE(noRoutes.status, 422);

    const qint64 id = createApi(QStringLiteral("orders"));
    auto retire = post(QStringLiteral("/v1/apis/%1/lifecycle").arg(id),
                       {{QStringLiteral("action"), QStringLiteral("retire")},
                        {QStringLiteral("reason"), QStringLiteral("cleanup")}});
    QCOMPARE(retire.status, 409);
    const QJsonObject problem = jsonOf(retire);
    QVERIFY(problem.value(QStringLiteral("type")).toString().endsWith(QStringLiteral("/conflict")));
    QVERIFY2(!problem.value(QStringLiteral("detail")).toString().isEmpty(), retire.body.c_str());

    auto publish = post(QStringLiteral("/v1/apis/%1/lifecycle").arg(id),
                        {{QStringLiteral("action"), QStringLiteral("publish")},
                         {QStringLiteral("reason"), QStringLiteral("ready")}});
    QCOMPARE(publish.status, 200);
    QCOMPARE(jsonOf(publish).value(QStringLiteral("state")).toString(),
             QStringLiteral("published"));
    QCOMPARE(jsonOf(publish).value(QStringLiteral("previousState")).toString(),
             QStringLiteral("draft"));
    QCOMPARE(jsonOf(publish).value(QStringLiteral("reason")).toString(), QStringLiteral("ready"));
    // The reason is kept with the transition in the audit log.
    const QJsonArray log =
        jsonOf(get(QStringLiteral("/v1/audit?action=api.publish&objectId=%1").arg(id)))
            .value(QStringLiteral("items"))
            .toArray();
    QCOMPARE(log.size(), 1);
    QCOMPARE(log.first()
                 .toObject()
                 .value(QStringLiteral("after"))
                 .toObject()
                 .value(QStringLiteral("reason")),
             QJsonValue(QStringLiteral("ready")));

    auto back = post(QStringLiteral("/v1/apis/%1/lifecycle").arg(id),
                     {{QStringLiteral("state"), QStringLiteral("draft")}});
    QCOMPARE(back.status, 409);
    auto again = post(QStringLiteral("/v1/apis/%1/lifecycle").arg(id),
                      {{QStringLiteral("action"), QStringLiteral("publish")}});
    QCOMPARE(again.status, 409);

    auto state = get(QStringLiteral("/v1/apis/%1/lifecycle").arg(id));
    QCOMPARE(state.status, 200);
    const QJsonArray next = jsonOf(state).value(QStringLiteral("transitions")).toArray();
    QCOMPARE(next.size(), 1);
    QCOMPARE(next.first().toObject().value(QStringLiteral("action")).toString(),
             QStringLiteral("deprecate"));

    const qint64 sunset = QDateTime::currentMSecsSinceEpoch() + 86400000;
    auto deprecate = post(QStringLiteral("/v1/apis/%1/lifecycle").arg(id),
                          {{QStringLiteral("action"), QStringLiteral("deprecate")},
                           {QStringLiteral("sunsetAt"), sunset}});
    QCOMPARE(deprecate.status, 200);
    QCOMPARE(jsonOf(deprecate).value(QStringLiteral("sunsetAt")).toInteger(), sunset);

    auto unknown = post(QStringLiteral("/v1/apis/%1/lifecycle").arg(id),
                        {{QStringLiteral("action"), QStringLiteral("explode")}});
    QCOMPARE(unknown.status, 422);
    QCOMPARE(errorFields(jsonOf(unknown)), QStringList{QStringLiteral("action")});
}

void TestAdminApi::plans()
{
    const qint64 apiId = createApi(QStringLiteral("maps"));
    auto bad = post(QStringLiteral("/v1/apis/%1/plans").arg(apiId),
                    {{QStringLiteral("approvalMode"), QStringLiteral("sometimes")}});
    QCOMPARE(bad.status, 422);
    QCOMPARE(errorFields(jsonOf(bad)),
             (QStringList{QStringLiteral("name"), QStringLiteral("approvalMode")}));
    auto made = post(QStringLiteral("/v1/apis/%1/plans").arg(apiId),
                     {{QStringLiteral("name"), QStringLiteral("free")},
                      {QStringLiteral("approvalMode"), QStringLiteral("automatic")},
                      {QStringLiteral("rateLimitPerMinute"), 60}});
    QCOMPARE(made.status, 201);
    const qint64 planId = jsonOf(made).value(QStringLiteral("id")).toInteger();
    auto changed = call("PUT", QStringLiteral("/v1/apis/%1/plans/%2").arg(apiId).arg(planId),
                        {{QStringLiteral("rateLimitPerMinute"), 120}}, true);
    QCOMPARE(changed.status, 200);
    QCOMPARE(jsonOf(changed).value(QStringLiteral("rateLimitPerMinute")).toInt(), 120);
    // Renamed to the name of another of the API's plans: a conflict on the
    // field, as when creating one, and the plan keeps its name.
    auto gold = post(QStringLiteral("/v1/apis/%1/plans").arg(apiId),
                     {{QStringLiteral("name"), QStringLiteral("gold")}});
    QCOMPARE(gold.status, 201);
    const qint64 goldId = jsonOf(gold).value(QStringLiteral("id")).toInteger();
    auto clash = call("PUT", QStringLiteral("/v1/apis/%1/plans/%2").arg(apiId).arg(goldId),
                      {{QStringLiteral("name"), QStringLiteral(" free ")}}, true);
    QCOMPARE(clash.status, 409);
    QCOMPARE(errorFields(jsonOf(clash)), QStringList{QStringLiteral("name")});
    QVERIFY2(
        jsonOf(clash).value(QStringLiteral("detail")).toString().contains(QStringLiteral("free")),
        clash.body.c_str());
    QCOMPARE(jsonOf(get(QStringLiteral("/v1/apis/%1/plans/%2").arg(apiId).arg(goldId)))
                 .value(QStringLiteral("name"))
                 .toString(),
             QStringLiteral("gold"));
    // Its own name is no conflict.
    QCOMPARE(call("PUT", QStringLiteral("/v1/apis/%1/plans/%2").arg(apiId).arg(goldId),
                  {{QStringLiteral("name"), QStringLiteral("gold")}}, true)
                 .status,
             200);
    auto list = get(QStringLiteral("/v1/apis/%1/plans").arg(apiId));
    QCOMPARE(jsonOf(list).value(QStringLiteral("total")).toInt(), 2);
    QCOMPARE(get(QStringLiteral("/v1/apis/%1/plans/%2").arg(apiId).arg(planId)).status, 200);
    const qint64 otherApi = createApi(QStringLiteral("other"));
    QCOMPARE(get(QStringLiteral("/v1/apis/%1/plans/%2").arg(otherApi).arg(planId)).status, 404);
    QCOMPARE(get(QStringLiteral("/v1/apis/999999/plans")).status, 404);
}

void TestAdminApi::versions()
{
    const qint64 v1 = createApi(QStringLiteral("search"));
    // Its base path has no version segment to follow the version: v2 would
    // get v1's, which v1 serves.
    auto taken = post(QStringLiteral("/v1/apis/%1/versions").arg(v1),
                      {{QStringLiteral("version"), QStringLiteral("v2")}});
    QCOMPARE(taken.status, 409);
    QVERIFY2(jsonOf(taken)
                 .value(QStringLiteral("detail"))
                 .toString()
                 .startsWith(QStringLiteral("basePath: '/search' overlaps '/search'")),
             taken.body.c_str());
    auto v2 = post(QStringLiteral("/v1/apis/%1/versions").arg(v1),
                   {{QStringLiteral("version"), QStringLiteral("v2")},
                    {QStringLiteral("basePath"), QStringLiteral("/search/v2")}});
    QCOMPARE(v2.status, 201);
    QCOMPARE(jsonOf(v2).value(QStringLiteral("basePath")).toString(), QStringLiteral("/search/v2"));
    const QJsonObject made = jsonOf(v2);
    QCOMPARE(made.value(QStringLiteral("previousId")).toInteger(), v1);
    QCOMPARE(made.value(QStringLiteral("state")).toString(), QStringLiteral("draft"));
    QCOMPARE(errorFields(jsonOf(taken)), QStringList{QStringLiteral("basePath")});
    const auto successor = post(QStringLiteral("/v1/apis/%1/versions").arg(v1),
                                {{QStringLiteral("version"), QStringLiteral("v3")}});
    QCOMPARE(successor.status, 409); // v1 already has a successor
    // A conflict with the API's state names no field.
    QVERIFY(!jsonOf(successor).contains(QStringLiteral("errors")));
    QCOMPARE(post(QStringLiteral("/v1/apis/%1/versions").arg(v1), {}).status, 422);
    const QJsonArray listed = jsonOf(get(QStringLiteral("/v1/apis/%1/versions")
                                             .arg(made.value(QStringLiteral("id")).toInteger())))
                                  .value(QStringLiteral("items"))
                                  .toArray();
    QCOMPARE(listed.size(), 2);
    QCOMPARE(listed.at(0).toObject().value(QStringLiteral("version")).toString(),
             QStringLiteral("v1"));
}

void TestAdminApi::subscriptionApproveRejectFlow()
{
    qint64 planId = 0;
    const qint64 apiId = createPublishedApiWithPlan(QStringLiteral("geo"), "manual", &planId);
    QVERIFY(apiId > 0 && planId > 0);
    auto app = post(QStringLiteral("/v1/applications"),
                    {{QStringLiteral("name"), QStringLiteral("dashboard")}});
    QCOMPARE(app.status, 201);
    const qint64 appId = jsonOf(app).value(QStringLiteral("id")).toInteger();

    auto requested =
        post(QStringLiteral("/v1/subscriptions"),
             {{QStringLiteral("applicationId"), appId}, {QStringLiteral("planId"), planId}});
    QCOMPARE(requested.status, 201);
    QCOMPARE(jsonOf(requested).value(QStringLiteral("state")).toString(),
             QStringLiteral("pending"));
    const qint64 subId = jsonOf(requested).value(QStringLiteral("id")).toInteger();

    auto pending = get(QStringLiteral("/v1/subscriptions?state=pending"));
    QCOMPARE(pending.status, 200);
    QCOMPARE(jsonOf(pending).value(QStringLiteral("total")).toInt(), 1);
    QCOMPARE(post(QStringLiteral("/v1/subscriptions"),
                  {{QStringLiteral("applicationId"), appId}, {QStringLiteral("planId"), planId}})
                 .status,
             409); // one live subscription per application and API

    // Rejecting needs a reason.
    auto noReason = post(QStringLiteral("/v1/subscriptions/%1/reject").arg(subId), {});
    QCOMPARE(noReason.status, 422);
    QCOMPARE(errorFields(jsonOf(noReason)), QStringList{QStringLiteral("reason")});

    auto approved = post(QStringLiteral("/v1/subscriptions/%1/approve").arg(subId), {});
    QCOMPARE(approved.status, 200);
    QCOMPARE(jsonOf(approved).value(QStringLiteral("state")).toString(),
             QStringLiteral("approved"));
    QCOMPARE(
        jsonOf(get(QStringLiteral("/v1/subscriptions"))).value(QStringLiteral("total")).toInt(), 0);
    QCOMPARE(post(QStringLiteral("/v1/subscriptions/%1/approve").arg(subId), {}).status, 409);

    auto suspended = post(QStringLiteral("/v1/subscriptions/%1/suspend").arg(subId),
                          {{QStringLiteral("reason"), QStringLiteral("abuse")}});
    QCOMPARE(suspended.status, 200);
    QCOMPARE(jsonOf(suspended).value(QStringLiteral("reason")).toString(), QStringLiteral("abuse"));
    QCOMPARE(post(QStringLiteral("/v1/subscriptions/%1/resume").arg(subId), {}).status, 200);
    auto revoked = post(QStringLiteral("/v1/subscriptions/%1/revoke").arg(subId),
                        {{QStringLiteral("reason"), QStringLiteral("ended")}});
    QCOMPARE(revoked.status, 200);
    QCOMPARE(jsonOf(revoked).value(QStringLiteral("state")).toString(), QStringLiteral("revoked"));

    // A second request is rejected with its reason.
    auto second =
        post(QStringLiteral("/v1/subscriptions"),
             {{QStringLiteral("applicationId"), appId}, {QStringLiteral("planId"), planId}});
    QCOMPARE(second.status, 201);
    const qint64 secondId = jsonOf(second).value(QStringLiteral("id")).toInteger();
    auto rejected = post(QStringLiteral("/v1/subscriptions/%1/reject").arg(secondId),
                         {{QStringLiteral("reason"), QStringLiteral("no budget")}});
    QCOMPARE(rejected.status, 200);
    QCOMPARE(jsonOf(rejected).value(QStringLiteral("state")).toString(),
             QStringLiteral("rejected"));
    QCOMPARE(jsonOf(rejected).value(QStringLiteral("reason")).toString(),
             QStringLiteral("no budget"));

    auto ofApp = get(QStringLiteral("/v1/applications/%1/subscriptions").arg(appId));
    QCOMPARE(jsonOf(ofApp).value(QStringLiteral("total")).toInt(), 2);
    auto filtered =
        get(QStringLiteral("/v1/subscriptions?applicationId=%1&state=rejected").arg(appId));
    QCOMPARE(jsonOf(filtered).value(QStringLiteral("total")).toInt(), 1);
    QCOMPARE(get(QStringLiteral("/v1/subscriptions/999999")).status, 404);
}

void TestAdminApi::keyIsShownOnce()
{
    auto app = post(QStringLiteral("/v1/applications"),
                    {{QStringLiteral("name"), QStringLiteral("mobile")}});
    const qint64 appId = jsonOf(app).value(QStringLiteral("id")).toInteger();
    auto issued = post(QStringLiteral("/v1/applications/%1/keys").arg(appId),
                       {{QStringLiteral("label"), QStringLiteral("ci")}});
    QCOMPARE(issued.status, 201);
    QCOMPARE(issued.header("Cache-Control"), std::string("no-store"));
    const QString key = jsonOf(issued).value(QStringLiteral("key")).toString();
    QVERIFY2(key.startsWith(QStringLiteral("gh_")) && key.size() == 46, qPrintable(key));
    const qint64 keyId = jsonOf(issued).value(QStringLiteral("id")).toInteger();

    auto listed = get(QStringLiteral("/v1/applications/%1/keys").arg(appId));
    QCOMPARE(listed.status, 200);
    const QJsonArray items = jsonOf(listed).value(QStringLiteral("items")).toArray();
    QCOMPARE(items.size(), 1);
    QVERIFY(!items.first().toObject().contains(QStringLiteral("key")));
    QVERIFY(listed.body.find(key.toStdString()) == std::string::npos);
    auto audit = get(QStringLiteral("/v1/audit?limit=500"));
    QVERIFY(audit.body.find(key.toStdString()) == std::string::npos);

    QCOMPARE(
        call("DELETE", QStringLiteral("/v1/applications/%1/keys/%2").arg(appId).arg(keyId)).status,
        204);
    const QJsonObject after = jsonOf(get(QStringLiteral("/v1/applications/%1/keys").arg(appId)))
                                  .value(QStringLiteral("items"))
                                  .toArray()
                                  .first()
                                  .toObject();
    QVERIFY(after.value(QStringLiteral("revokedAt")).toInteger() > 0);
    QCOMPARE(call("DELETE", QStringLiteral("/v1/applications/%1/keys/%2").arg(appId).arg(keyId + 1))
                 .status,
             404);
}

void TestAdminApi::teamsAndMembers()
{
    auto team =
        post(QStringLiteral("/v1/teams"), {{QStringLiteral("name"), QStringLiteral("Ops")}});
    QCOMPARE(team.status, 201);
    const qint64 teamId = jsonOf(team).value(QStringLiteral("id")).toInteger();
    QCOMPARE(get(QStringLiteral("/v1/teams/%1").arg(teamId)).status, 200);
    QCOMPARE(get(QStringLiteral("/v1/teams/999999")).status, 404);
    auto added = call(
        "PUT", QStringLiteral("/v1/teams/%1/members/%2").arg(teamId).arg(m_world.developer.userId),
        {{QStringLiteral("teamRole"), QStringLiteral("member")}}, true);
    QCOMPARE(added.status, 200);
    auto members = get(QStringLiteral("/v1/teams/%1/members").arg(teamId));
    QVERIFY2(members.body.find("\"dev\"") != std::string::npos, members.body.c_str());
    QCOMPARE(
        call("DELETE",
             QStringLiteral("/v1/teams/%1/members/%2").arg(teamId).arg(m_world.developer.userId))
            .status,
        204);
    auto badRole = call(
        "PUT", QStringLiteral("/v1/teams/%1/members/%2").arg(teamId).arg(m_world.developer.userId),
        {{QStringLiteral("teamRole"), QStringLiteral("boss")}}, true);
    QCOMPARE(badRole.status, 422);
}

void TestAdminApi::usersAndAudit()
{
    auto user =
        post(QStringLiteral("/v1/users"), {{QStringLiteral("name"), QStringLiteral("zoe")},
                                           {QStringLiteral("role"), QStringLiteral("publisher")}});
    QCOMPARE(user.status, 201);
    QVERIFY(user.body.find("pbkdf2") == std::string::npos);
    const qint64 userId = jsonOf(user).value(QStringLiteral("id")).toInteger();
    auto promoted = call("PATCH", QStringLiteral("/v1/users/%1").arg(userId),
                         {{QStringLiteral("role"), QStringLiteral("admin")}}, true);
    QCOMPARE(promoted.status, 200);
    QCOMPARE(jsonOf(promoted).value(QStringLiteral("role")).toString(), QStringLiteral("admin"));
    QCOMPARE(
        post(QStringLiteral("/v1/users"), {{QStringLiteral("name"), QStringLiteral("zoe")}}).status,
        409);
    QCOMPARE(get(QStringLiteral("/v1/users/999999")).status, 404);

    createApi(QStringLiteral("audited"));
    auto audit = get(QStringLiteral("/v1/audit?objectType=api"));
    QCOMPARE(audit.status, 200);
    const QJsonArray entries = jsonOf(audit).value(QStringLiteral("items")).toArray();
    QCOMPARE(entries.size(), 1);
    const QJsonObject entry = entries.first().toObject();
    QCOMPARE(entry.value(QStringLiteral("action")).toString(), QStringLiteral("api.create"));
    // The token acts as the configured admin, and the log says so.
    QCOMPARE(entry.value(QStringLiteral("actorId")).toInteger(), m_world.admin.userId);
    QCOMPARE(get(QStringLiteral("/v1/audit?actorId=abc")).status, 400);
}

void TestAdminApi::pagination()
{
    for (int i = 0; i < 5; ++i)
        QCOMPARE(post(QStringLiteral("/v1/teams"),
                      {{QStringLiteral("name"), QStringLiteral("Team %1").arg(i)}})
                     .status,
                 201);
    // Two teams come from the seeded world: 7 in all.
    auto first = jsonOf(get(QStringLiteral("/v1/teams?limit=3")));
    QCOMPARE(first.value(QStringLiteral("items")).toArray().size(), 3);
    QCOMPARE(first.value(QStringLiteral("total")).toInt(), 7);
    QCOMPARE(first.value(QStringLiteral("nextOffset")).toInt(), 3);
    QSet<qint64> seen;
    int offset = 0;
    for (int pages = 0; pages < 10 && offset >= 0; ++pages) {
        const QJsonObject page =
            jsonOf(get(QStringLiteral("/v1/teams?limit=3&offset=%1").arg(offset)));
        for (const QJsonValue& t : page.value(QStringLiteral("items")).toArray())
            seen.insert(t.toObject().value(QStringLiteral("id")).toInteger());
        const QJsonValue next = page.value(QStringLiteral("nextOffset"));
        offset = next.isNull() ? -1 : next.toInt();
    }
    QCOMPARE(offset, -1);
    QCOMPARE(seen.size(), 7);

    auto bad = get(QStringLiteral("/v1/teams?limit=0&offset=-1"));
    QCOMPARE(bad.status, 400);
    QCOMPARE(errorFields(jsonOf(bad)),
             (QStringList{QStringLiteral("limit"), QStringLiteral("offset")}));

    // The audit log pages in the database.
    auto audit = jsonOf(get(QStringLiteral("/v1/audit?limit=2")));
    QCOMPARE(audit.value(QStringLiteral("items")).toArray().size(), 2);
    QCOMPARE(audit.value(QStringLiteral("nextOffset")).toInt(), 2);
}

void TestAdminApi::concurrentClients()
{
    // Many connections at once, all served through the one database thread.
    constexpr int clients = 8;
    constexpr int perClient = 10;
    std::atomic<int> created{0};
    std::atomic<int> failures{0};
    std::vector<std::thread> threads;
    const quint16 port = m_api->port();
    for (int c = 0; c < clients; ++c) {
        threads.emplace_back([&, c] {
            for (int i = 0; i < perClient; ++i) {
                const std::string body =
                    "{\"name\":\"t-" + std::to_string(c) + "-" + std::to_string(i) + "\"}";
                auto r = gatehouse::test::http_request(
                    port, "POST", "/v1/teams", {{"Authorization", "Bearer " + m_token}}, body);
                (r.status == 201 ? created : failures)++;
            }
        });
    }
    for (auto& t : threads)
        t.join();
    QCOMPARE(failures.load(), 0);
    QCOMPARE(created.load(), clients * perClient);
    QCOMPARE(jsonOf(get(QStringLiteral("/v1/teams"))).value(QStringLiteral("total")).toInt(),
             clients * perClient + 2);
}

// The admin API writes through the console's CatalogService (one connection,
// one writer), so its changes are announced like the console's own: the
// gateway configuration follows without any polling, and reads or refused
// requests announce nothing.
void TestAdminApi::changesReachTheConsole()
{
    GatewayController gateway;
    gateway.setStatsInterval(0);
    GatewayConfigSync sync(*m_catalog, gateway);
    sync.setDebounce(10);
    QSignalSpy changed(m_catalog.get(), &CatalogService::catalogChanged);
    QSignalSpy names(&sync, &GatewayConfigSync::apiNamesChanged);

    QCOMPARE(get(QStringLiteral("/v1/apis")).status, 200);
    const auto refused = post(QStringLiteral("/v1/apis"), {{QStringLiteral("slug"), 42}});
    QCOMPARE(refused.status, 422);
    const qint64 id = createApi(QStringLiteral("ledger"));
    QVERIFY(id > 0);
    // Announcements arrive in the order the storage thread ran the requests:
    // had the read or the refusal announced anything, it would be here too.
    QTRY_VERIFY_WITH_TIMEOUT(changed.count() >= 1, 5000);
    QCOMPARE(changed.count(), 1);

    const auto published = post(QStringLiteral("/v1/apis/%1/lifecycle").arg(id),
                                {{QStringLiteral("action"), QStringLiteral("publish")}});
    QCOMPARE(published.status, 200);
    QTRY_VERIFY_WITH_TIMEOUT(!names.isEmpty(), 5000);
    const auto routed = names.last().at(0).value<QHash<quint64, QString>>();
    QVERIFY2(routed.value(quint64(id)).startsWith(QStringLiteral("LEDGER")),
             qPrintable(routed.value(quint64(id))));
    QVERIFY2(sync.lastError().isEmpty(), qPrintable(sync.lastError()));

    // The approvals badge counts a request made over the admin API at once.
    QSignalSpy pending(m_catalog.get(), &CatalogService::pendingApprovalsChanged);
    qint64 planId = 0;
    QVERIFY(createPublishedApiWithPlan(QStringLiteral("atlas"), "manual", &planId) > 0);
    const auto app = post(QStringLiteral("/v1/applications"),
                          {{QStringLiteral("name"), QStringLiteral("wallboard")}});
    QCOMPARE(app.status, 201);
    const auto requested = post(
        QStringLiteral("/v1/subscriptions"),
        {{QStringLiteral("applicationId"), jsonOf(app).value(QStringLiteral("id")).toInteger()},
         {QStringLiteral("planId"), planId}});
    QCOMPARE(requested.status, 201);
    QTRY_VERIFY_WITH_TIMEOUT(!pending.isEmpty(), 5000);
    QCOMPARE(pending.last().at(0).toInt(), 1);
}

// The token's user is deleted while the API runs: every endpoint of the
// routing table, reads that act as nobody in particular (a team's members,
// one user) and the gateway's resources included, answers 403 with the
// domain's problem instead of its resource. Enumerated from the router, so a
// new endpoint is covered as soon as it is added.
void TestAdminApi::actingUserWithoutAccountIsRefused()
{
    qint64 planId = 0;
    const qint64 apiId = createPublishedApiWithPlan(QStringLiteral("orders"), "manual", &planId);
    QVERIFY(apiId > 0 && planId > 0);
    // Real objects where the path names one, so a refusal cannot be a 404.
    const QHash<QString, qint64> ids{{QStringLiteral("apis"), apiId},
                                     {QStringLiteral("plans"), planId},
                                     {QStringLiteral("teams"), m_world.teamId},
                                     {QStringLiteral("users"), m_world.developer.userId},
                                     {QStringLiteral("members"), m_world.developer.userId}};
    const auto targetOf = [&](const QString& pattern) {
        QStringList segments = pattern.split(QLatin1Char('/'));
        for (qsizetype i = 1; i < segments.size(); ++i) {
            if (segments[i] == QLatin1String("{}"))
                segments[i] = QString::number(ids.value(segments[i - 1], 1));
        }
        return segments.join(QLatin1Char('/'));
    };

    const QList<AdminRouter::Endpoint> endpoints = m_api->endpoints();
    const auto serves = [&](const char* method, const char* pattern) {
        return std::any_of(endpoints.begin(), endpoints.end(), [&](const AdminRouter::Endpoint& e) {
            return e.method == method && e.pattern == QLatin1String(pattern);
        });
    };
    QVERIFY(endpoints.size() >= 40);
    for (const auto& [method, pattern] :
         {std::pair{"GET", "/v1/teams"}, std::pair{"GET", "/v1/teams/{}/members"},
          std::pair{"GET", "/v1/users/{}"}, std::pair{"GET", "/v1/health"},
          std::pair{"GET", "/metrics"}, std::pair{"POST", "/v1/cache/purge"}})
        QVERIFY2(serves(method, pattern), pattern);
    // While the account exists, these reads answer.
    for (const char* pattern :
         {"/v1/teams", "/v1/teams/{}", "/v1/teams/{}/members", "/v1/users/{}", "/v1/health"}) {
        const auto r = get(targetOf(QLatin1String(pattern)));
        QVERIFY2(r.status == 200, pattern);
    }

    QString err;
    QVERIFY2(m_db.exec(QStringLiteral("DELETE FROM users WHERE id = %1").arg(m_world.admin.userId),
                       &err),
             qPrintable(err));
    const QString expected = QStringLiteral("user '%1' (id %2) has no account in this catalog")
                                 .arg(m_world.admin.name)
                                 .arg(m_world.admin.userId);
    for (const AdminRouter::Endpoint& endpoint : endpoints) {
        const QString target = targetOf(endpoint.pattern);
        const bool withBody = endpoint.method != "GET" && endpoint.method != "DELETE";
        const auto r = call(endpoint.method.constData(), target, {}, withBody);
        const QString what = QString::fromLatin1(endpoint.method) + QLatin1Char(' ') + target +
                             QStringLiteral(": ") + QString::fromStdString(r.body);
        QVERIFY2(r.status == 403, qPrintable(what));
        QVERIFY2(r.header("Content-Type") == "application/problem+json", qPrintable(what));
        const QJsonObject problem = jsonOf(r);
        QCOMPARE(problem.value(QStringLiteral("status")).toInt(), 403);
        QCOMPARE(problem.value(QStringLiteral("type")).toString(),
                 QStringLiteral("https://gatehouse.dev/problems/admin/forbidden"));
        QCOMPARE(problem.value(QStringLiteral("detail")).toString(), expected);
    }
    // Refused before anything ran: the published API is still there.
    auto q = runSql(m_db.database().connection(),
                    QStringLiteral("SELECT state FROM apis WHERE id = ?"), {apiId}, &err);
    QVERIFY2(q && q->next(), qPrintable(err));
    QCOMPARE(q->value(0).toString(), QStringLiteral("published"));
}

QTEST_GUILESS_MAIN(TestAdminApi)
#include "tst_admin_api.moc"
