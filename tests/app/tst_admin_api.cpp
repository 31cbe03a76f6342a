// SPDX-FileCopyrightText: Gatehouse contributors
// SPDX-License-Identifier: Apache-2.0
#include "app/admin_api/admin_api.h"

#include "app/admin_api/admin_control.h"
#include "tests/app/test_databases.h"
#include "tests/support/test_http.h"

#include <QDateTime>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QScopeGuard>
#include <QTest>

#include <atomic>
#include <thread>
#include <vector>

using namespace gatehouse::app;
using gatehouse::test::header_list;
using gatehouse::test::http_connection;
using gatehouse::test::http_response;

namespace {

QJsonObject jsonOf(const http_response& r)
{
    return QJsonDocument::fromJson(QByteArray::fromStdString(r.body)).object();
}

std::string bodyOf(const QJsonObject& o)
{
    return QJsonDocument(o).toJson(QJsonDocument::Compact).toStdString();
}

QStringList errorFields(const QJsonObject& problem)
{
    QStringList fields;
    for (const QJsonValue& e : problem.value(QStringLiteral("errors")).toArray())
        fields.append(e.toObject().value(QStringLiteral("field")).toString());
    return fields;
}

// Stands in for the gateway controller.
class FakeControl : public AdminControl {
public:
    std::optional<QJsonObject> purgeCache(const QJsonObject& request, QString*) override
    {
        ++purges;
        return QJsonObject{{QStringLiteral("purged"), 3}, {QStringLiteral("request"), request}};
    }
    QJsonObject stats() override { return {{QStringLiteral("requests"), 42}}; }
    std::atomic<int> purges{0};
};

} // namespace

// The admin REST API end to end: a real listener on 127.0.0.1, real HTTP,
// the domain services behind it on SQLite and PostgreSQL.
class TestAdminApi : public QObject {
    Q_OBJECT

private slots:
    void initTestCase_data() { TestDatabases::addBackends(); }
    void init();
    void cleanup();

    void authentication();
    void tokenFileIsPrivateAndReused();
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
    void malformedJson();
    void oversizedBody();
    void oversizedHeaders();
    void malformedRequestLine();
    void unknownRouteAndWrongMethod();
    void keepAlive();
    void controlHooks();
    void concurrentClients();
    void refusesNonLoopbackAddress();
    void defaultActingUser();

private:
    bool startApi(AdminApi& api, const QString& tokenFile, AdminControl* control = nullptr,
                  std::function<QByteArray()> metrics = {});
    http_response call(const char* method, const QString& target, const QJsonObject& body = {},
                       bool withBody = false);
    http_response get(const QString& target) { return call("GET", target); }
    http_response post(const QString& target, const QJsonObject& body)
    {
        return call("POST", target, body, true);
    }
    qint64 createApi(const QString& slug, bool withRoute = true);
    qint64 createPublishedApiWithPlan(const QString& slug, const char* approval, qint64* planId);

    TestDatabases m_db;
    TestWorld m_world;
    std::unique_ptr<AdminApi> m_api;
    QString m_tokenFile;
    std::string m_token;
    int m_counter = 0;
};

bool TestAdminApi::startApi(AdminApi& api, const QString& tokenFile, AdminControl* control,
                            std::function<QByteArray()> metrics)
{
    AdminApi::Options options;
    options.databaseSpec = m_db.spec();
    options.actingUser = m_world.admin.name;
    options.port = 0;
    options.tokenFile = tokenFile;
    options.limits.bodyLimit = 64 * 1024;
    options.limits.headerLimit = 8 * 1024;
    options.control = control;
    options.metricsText = std::move(metrics);
    return api.start(options);
}

void TestAdminApi::init()
{
    GH_OPEN_FRESH(m_db);
    QString err;
    QVERIFY2(m_world.seed(m_db.database(), &err), qPrintable(err));
    m_tokenFile =
        m_db.tempDir() + QStringLiteral("/config-%1/gatehouse/admin-token").arg(++m_counter);
    m_api = std::make_unique<AdminApi>();
    QVERIFY2(startApi(*m_api, m_tokenFile), qPrintable(m_api->lastError()));
    QVERIFY(m_api->port() != 0);
    QCOMPARE(m_api->actingUserName(), m_world.admin.name);
    QFile file(m_tokenFile);
    QVERIFY(file.open(QIODevice::ReadOnly));
    m_token = file.readAll().trimmed().toStdString();
    QCOMPARE(m_token.size(), std::size_t(43)); // base64url of 32 bytes, unpadded
}

void TestAdminApi::cleanup()
{
    m_api.reset(); // closes its connection before the database is dropped
    m_db.cleanup();
}

http_response TestAdminApi::call(const char* method, const QString& target, const QJsonObject& body,
                                 bool withBody)
{
    header_list headers{{"Authorization", "Bearer " + m_token}};
    std::string payload;
    if (withBody) {
        headers.emplace_back("Content-Type", "application/json");
        payload = bodyOf(body);
    }
    return gatehouse::test::http_request(m_api->port(), method, target.toStdString(), headers,
                                         payload);
}

qint64 TestAdminApi::createApi(const QString& slug, bool withRoute)
{
    QJsonObject body{{QStringLiteral("slug"), slug},
                     {QStringLiteral("name"), slug.toUpper()},
                     {QStringLiteral("teamId"), m_world.teamId},
                     {QStringLiteral("visibility"), QStringLiteral("organisation")},
                     {QStringLiteral("basePath"), QString(QLatin1Char('/') + slug)},
                     {QStringLiteral("tags"), QJsonArray{QString(QStringLiteral("t-") + slug)}},
                     {QStringLiteral("upstreams"),
                      QJsonArray{QJsonObject{
                          {QStringLiteral("url"), QStringLiteral("http://127.0.0.1:9100")}}}}};
    if (withRoute)
        body.insert(QStringLiteral("routes"),
                    QJsonArray{QJsonObject{{QStringLiteral("method"), QStringLiteral("GET")},
                                           {QStringLiteral("path"), QStringLiteral("/items")}}});
    const http_response r = post(QStringLiteral("/v1/apis"), body);
    if (r.status != 201)
        qWarning("create %s: %d %s", qPrintable(slug), r.status, r.body.c_str());
    return jsonOf(r).value(QStringLiteral("id")).toInteger();
}

qint64 TestAdminApi::createPublishedApiWithPlan(const QString& slug, const char* approval,
                                                qint64* planId)
{
    const qint64 apiId = createApi(slug);
    const auto published = post(QStringLiteral("/v1/apis/%1/lifecycle").arg(apiId),
                                {{QStringLiteral("action"), QStringLiteral("publish")}});
    if (published.status != 200)
        qWarning("publish: %d %s", published.status, published.body.c_str());
    const auto plan = post(QStringLiteral("/v1/apis/%1/plans").arg(apiId),
                           {{QStringLiteral("name"), QStringLiteral("gold")},
                            {QStringLiteral("approvalMode"), QString::fromLatin1(approval)}});
    if (plan.status != 201)
        qWarning("plan: %d %s", plan.status, plan.body.c_str());
    *planId = jsonOf(plan).value(QStringLiteral("id")).toInteger();
    return apiId;
}

void TestAdminApi::authentication()
{
    const quint16 port = m_api->port();
    auto missing = gatehouse::test::http_request(port, "GET", "/v1/health");
    QCOMPARE(missing.status, 401);
    QVERIFY(missing.header("WWW-Authenticate").starts_with("Bearer"));
    QCOMPARE(missing.header("Content-Type"), std::string("application/problem+json"));
    QCOMPARE(jsonOf(missing).value(QStringLiteral("status")).toInt(), 401);

    std::string wrong = m_token;
    wrong.back() = wrong.back() == 'A' ? 'B' : 'A'; // same length, one byte off
    auto bad = gatehouse::test::http_request(port, "GET", "/v1/health",
                                             {{"Authorization", "Bearer " + wrong}});
    QCOMPARE(bad.status, 401);
    QVERIFY(bad.header("WWW-Authenticate").find("invalid_token") != std::string::npos);
    auto basic = gatehouse::test::http_request(port, "GET", "/v1/apis",
                                               {{"Authorization", "Basic " + m_token}});
    QCOMPARE(basic.status, 401);
    // Unauthenticated requests never reach a route, even an unknown one.
    QCOMPARE(gatehouse::test::http_request(port, "GET", "/nowhere").status, 401);

    auto ok = get(QStringLiteral("/v1/health"));
    QCOMPARE(ok.status, 200);
    QCOMPARE(jsonOf(ok).value(QStringLiteral("status")).toString(), QStringLiteral("ok"));
    auto lower = gatehouse::test::http_request(port, "GET", "/v1/health",
                                               {{"Authorization", "bearer " + m_token}});
    QCOMPARE(lower.status, 200);
}

void TestAdminApi::tokenFileIsPrivateAndReused()
{
    const QFileInfo info(m_tokenFile);
    const auto mode = [](const QString& path) {
        const QFileInfo i(path);
        const auto p = i.permissions();
        return QFileDevice::Permissions(
            p & (QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner |
                 QFileDevice::ReadGroup | QFileDevice::WriteGroup | QFileDevice::ExeGroup |
                 QFileDevice::ReadOther | QFileDevice::WriteOther | QFileDevice::ExeOther));
    };
    QCOMPARE(mode(m_tokenFile), QFileDevice::ReadOwner | QFileDevice::WriteOwner); // 0600
    QCOMPARE(mode(info.absolutePath()),
             QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner); // 0700

    // A second start reads the same token instead of minting a new one.
    m_api->stop();
    AdminApi again;
    QVERIFY2(startApi(again, m_tokenFile), qPrintable(again.lastError()));
    auto r = gatehouse::test::http_request(again.port(), "GET", "/v1/health",
                                           {{"Authorization", "Bearer " + m_token}});
    QCOMPARE(r.status, 200);
    again.stop();

    // A file others could read is tightened; a malformed one is refused, not replaced.
    QVERIFY(QFile::setPermissions(m_tokenFile, QFileDevice::ReadOwner | QFileDevice::WriteOwner |
                                                   QFileDevice::ReadOther));
    AdminApi tightened;
    QVERIFY2(startApi(tightened, m_tokenFile), qPrintable(tightened.lastError()));
    QCOMPARE(mode(m_tokenFile), QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    tightened.stop();
    {
        QFile f(m_tokenFile);
        QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
        f.write("short\n");
    }
    AdminApi refused;
    QVERIFY(!startApi(refused, m_tokenFile));
    QVERIFY2(refused.lastError().contains(m_tokenFile), qPrintable(refused.lastError()));
    QFile f(m_tokenFile);
    QVERIFY(f.open(QIODevice::ReadOnly));
    QCOMPARE(f.readAll(), QByteArray("short\n"));
}

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

    auto created = post(QStringLiteral("/v1/apis"),
                        {{QStringLiteral("slug"), QStringLiteral("billing")},
                         {QStringLiteral("name"), QStringLiteral("Again")},
                         {QStringLiteral("teamId"), m_world.teamId},
                         {QStringLiteral("basePath"), QStringLiteral("/billing2")}});
    QCOMPARE(created.status, 409); // billing v1 exists

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
    auto list = get(QStringLiteral("/v1/apis/%1/plans").arg(apiId));
    QCOMPARE(jsonOf(list).value(QStringLiteral("total")).toInt(), 1);
    QCOMPARE(get(QStringLiteral("/v1/apis/%1/plans/%2").arg(apiId).arg(planId)).status, 200);
    const qint64 otherApi = createApi(QStringLiteral("other"));
    QCOMPARE(get(QStringLiteral("/v1/apis/%1/plans/%2").arg(otherApi).arg(planId)).status, 404);
    QCOMPARE(get(QStringLiteral("/v1/apis/999999/plans")).status, 404);
}

void TestAdminApi::versions()
{
    const qint64 v1 = createApi(QStringLiteral("search"));
    auto v2 = post(QStringLiteral("/v1/apis/%1/versions").arg(v1),
                   {{QStringLiteral("version"), QStringLiteral("v2")}});
    QCOMPARE(v2.status, 201);
    const QJsonObject made = jsonOf(v2);
    QCOMPARE(made.value(QStringLiteral("previousId")).toInteger(), v1);
    QCOMPARE(made.value(QStringLiteral("state")).toString(), QStringLiteral("draft"));
    QCOMPARE(post(QStringLiteral("/v1/apis/%1/versions").arg(v1),
                  {{QStringLiteral("version"), QStringLiteral("v3")}})
                 .status,
             409); // v1 already has a successor
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

void TestAdminApi::malformedJson()
{
    auto r = gatehouse::test::http_request(
        m_api->port(), "POST", "/v1/teams",
        {{"Authorization", "Bearer " + m_token}, {"Content-Type", "application/json"}},
        "{\"name\": ");
    QCOMPARE(r.status, 400);
    QVERIFY(jsonOf(r)
                .value(QStringLiteral("type"))
                .toString()
                .endsWith(QStringLiteral("malformed-json")));
    auto array = gatehouse::test::http_request(m_api->port(), "POST", "/v1/teams",
                                               {{"Authorization", "Bearer " + m_token}}, "[1,2]");
    QCOMPARE(array.status, 400);
}

void TestAdminApi::oversizedBody()
{
    // The test instance allows 64 KiB.
    const std::string big(200 * 1024, 'x');
    auto r = gatehouse::test::http_request(m_api->port(), "POST", "/v1/teams",
                                           {{"Authorization", "Bearer " + m_token}}, big);
    QCOMPARE(r.status, 413);
    QCOMPARE(r.header("Content-Type"), std::string("application/problem+json"));
    QVERIFY(!r.keep_alive);
    // Still serving.
    QCOMPARE(get(QStringLiteral("/v1/health")).status, 200);
}

void TestAdminApi::oversizedHeaders()
{
    auto r = gatehouse::test::http_request(
        m_api->port(), "GET", "/v1/health",
        {{"Authorization", "Bearer " + m_token}, {"X-Padding", std::string(16 * 1024, 'p')}});
    QCOMPARE(r.status, 431);
    QCOMPARE(get(QStringLiteral("/v1/health")).status, 200);
}

void TestAdminApi::malformedRequestLine()
{
    http_connection c;
    QVERIFY(c.connect(m_api->port()));
    QVERIFY(
        c.send_raw("GET /v1/health HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: nope\r\n\r\n"));
    auto r = c.read();
    QCOMPARE(r.status, 400);
    QVERIFY(c.wait_closed(std::chrono::seconds(5)));
}

void TestAdminApi::unknownRouteAndWrongMethod()
{
    auto missing = get(QStringLiteral("/v1/nothing-here"));
    QCOMPARE(missing.status, 404);
    QCOMPARE(missing.header("Content-Type"), std::string("application/problem+json"));
    auto wrong = call("DELETE", QStringLiteral("/v1/teams"));
    QCOMPARE(wrong.status, 405);
    QCOMPARE(wrong.header("Allow"), std::string("GET, POST"));
    auto wrongApi = call("POST", QStringLiteral("/v1/apis/1"));
    QCOMPARE(wrongApi.status, 405);
    const std::string allow = wrongApi.header("Allow");
    for (const char* m : {"GET", "PUT", "PATCH", "DELETE"})
        QVERIFY2(allow.find(m) != std::string::npos, allow.c_str());
}

void TestAdminApi::keepAlive()
{
    http_connection c;
    QVERIFY(c.connect(m_api->port()));
    for (int i = 0; i < 3; ++i) {
        QVERIFY(c.send("GET", "/v1/health", {{"Authorization", "Bearer " + m_token}}));
        auto r = c.read();
        QCOMPARE(r.status, 200);
        QVERIFY(r.keep_alive);
    }
    // A 401 keeps the connection, too.
    QVERIFY(c.send("GET", "/v1/health"));
    QCOMPARE(c.read().status, 401);
    QVERIFY(c.send("GET", "/v1/health", {{"Authorization", "Bearer " + m_token}}));
    QCOMPARE(c.read().status, 200);
}

void TestAdminApi::controlHooks()
{
    QCOMPARE(get(QStringLiteral("/v1/stats")).status, 503);
    QCOMPARE(post(QStringLiteral("/v1/cache/purge"), {}).status, 503);
    QCOMPARE(get(QStringLiteral("/metrics")).status, 503);

    m_api->stop();
    FakeControl control;
    m_api = std::make_unique<AdminApi>();
    QVERIFY2(startApi(*m_api, m_tokenFile, &control,
                      [] { return QByteArray("# TYPE gatehouse_requests_total counter\n"); }),
             qPrintable(m_api->lastError()));
    auto stats = get(QStringLiteral("/v1/stats"));
    QCOMPARE(stats.status, 200);
    QCOMPARE(jsonOf(stats).value(QStringLiteral("requests")).toInt(), 42);
    auto purge = post(QStringLiteral("/v1/cache/purge"),
                      {{QStringLiteral("pathPrefix"), QStringLiteral("/geo")}});
    QCOMPARE(purge.status, 200);
    QCOMPARE(control.purges.load(), 1);
    auto badPurge = post(QStringLiteral("/v1/cache/purge"),
                         {{QStringLiteral("pathPrefix"), QStringLiteral("geo")}});
    QCOMPARE(badPurge.status, 422);
    QCOMPARE(control.purges.load(), 1);
    auto metrics = get(QStringLiteral("/metrics"));
    QCOMPARE(metrics.status, 200);
    QVERIFY(metrics.header("Content-Type").starts_with("text/plain"));
    QVERIFY(metrics.body.find("gatehouse_requests_total") != std::string::npos);
    m_api.reset(); // before `control` goes away
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

void TestAdminApi::refusesNonLoopbackAddress()
{
    AdminApi api;
    AdminApi::Options options;
    options.databaseSpec = m_db.spec();
    options.address = QStringLiteral("0.0.0.0");
    options.port = 0;
    options.tokenFile = m_tokenFile;
    QVERIFY(!api.start(options));
    QVERIFY2(api.lastError().contains(QStringLiteral("loopback")), qPrintable(api.lastError()));
    QVERIFY(!api.isRunning());
}

// Without Options::actingUser: the local admin of a SQLite workspace (the
// OS account), the oldest admin of a shared PostgreSQL catalog.
void TestAdminApi::defaultActingUser()
{
    const QByteArray savedUser = qgetenv("USER");
    const auto restore = qScopeGuard([&] { qputenv("USER", savedUser); });
    AdminApi::Options options;
    options.databaseSpec = m_db.spec();
    options.port = 0;
    options.tokenFile = m_tokenFile;
    if (TestDatabases::isPostgres()) {
        qputenv("USER", "nobody-here");
        AdminApi api;
        QVERIFY2(api.start(options), qPrintable(api.lastError()));
        QCOMPARE(api.actingUserName(), m_world.admin.name);
        return;
    }
    qputenv("USER", m_world.admin.name.toUtf8());
    AdminApi local;
    QVERIFY2(local.start(options), qPrintable(local.lastError()));
    QCOMPARE(local.actingUserName(), m_world.admin.name);
    local.stop();

    qputenv("USER", m_world.developer.name.toUtf8()); // has an account, not an admin
    AdminApi developer;
    QVERIFY(!developer.start(options));
    QVERIFY2(developer.lastError().contains(QStringLiteral("not an admin")),
             qPrintable(developer.lastError()));
    qputenv("USER", "stranger"); // no account in a workspace that has users
    AdminApi stranger;
    QVERIFY(!stranger.start(options));
    QVERIFY2(stranger.lastError().contains(QStringLiteral("stranger")),
             qPrintable(stranger.lastError()));
}

QTEST_GUILESS_MAIN(TestAdminApi)
#include "tst_admin_api.moc"
