// SPDX-FileCopyrightText: Gatehouse contributors
// SPDX-License-Identifier: Apache-2.0
// The admin API against hostile input: a seeded, bounded run of requests
// whose JSON bodies are valid ones mutated at random (wrong types, huge
// and negative numbers, long and odd strings, missing and unknown fields,
// truncated or deeply nested documents, invalid UTF-8), to every writing
// resource, with the ids in their paths valid, unknown or not numbers.
// Every request must get an answer that says what is wrong with it (a
// 2xx or a 4xx problem), never a 500 and never no answer; the API still
// serves afterwards. (A renamed plan taking another plan's name answered
// 500 before this suite; invalid purge selectors a 409 instead of a 422.)
#include "app/demo_workspace.h"
#include "app/gateway_admin_control.h"
#include "app/gateway_controller.h"
#include "tests/app/admin_api_fixture.h"
#include "tests/support/seeded_run.h"

#include <QDir>
#include <QScopeGuard>
#include <QStandardPaths>
#include <QTest>

#include <cstdlib>
#include <random>
#include <string>
#include <vector>

using namespace gatehouse::app;
using gatehouse::test::header_list;
using gatehouse::test::http_response;

namespace {

// Requests per backend: enough to reach every resource with every kind of
// mutation many times over, a few seconds against PostgreSQL.
constexpr int requests_per_run = 1500;

struct writing_resource {
    const char* method;
    QString path; // "{id}" stands for the resource's own id
    qint64 id;
    QJsonValue body; // Undefined: an OpenAPI document (text) instead
};

class mutator {
public:
    explicit mutator(unsigned seed)
        : rng_(seed)
    {
    }

    int below(int n) { return std::uniform_int_distribution<int>(0, n - 1)(rng_); }
    bool chance(double p) { return std::bernoulli_distribution(p)(rng_); }
    template <class T>
    const T& pick(const std::vector<T>& v)
    {
        return v[std::size_t(below(int(v.size())))];
    }

    QJsonValue anyValue(int depth = 0)
    {
        switch (below(10)) {
        case 0:
            return QJsonValue::Null;
        case 1:
            return chance(0.5);
        case 2:
            return pick(std::vector<double>{0, -1, 1, 2147483648.0, 9007199254740993.0, 9.3e18,
                                            1.9e19, -9.3e18, 1e308, -1e308, 0.5});
        case 3: {
            static const QString odd =
                QStringLiteral("abc/{}:?#%é漢 \t\n\"\\") + QChar(0) + QChar(1) + QChar(0xfeff);
            QString s;
            for (int i = below(24); i > 0; --i)
                s += odd[below(int(odd.size()))];
            return s;
        }
        case 4:
            return QString(chance(0.5) ? 300 : 20000, QLatin1Char('x'));
        case 5:
            if (depth < 3) {
                QJsonArray a;
                for (int i = below(4); i > 0; --i)
                    a.append(anyValue(depth + 1));
                return a;
            }
            return 7;
        case 6:
            if (depth < 3) {
                QJsonObject o;
                for (int i = below(4); i > 0; --i)
                    o.insert(pick(keys_), anyValue(depth + 1));
                return o;
            }
            return QStringLiteral("deep");
        case 7:
            return pick(words_);
        case 8:
            return pick(std::vector<QString>{
                QStringLiteral("2027-01-01T00:00:00Z"), QStringLiteral("2027-13-01"),
                QStringLiteral("not a date"), QStringLiteral("1970-01-01T00:00:00Z"),
                QStringLiteral("9999-12-31T23:59:59Z")});
        default:
            return below(100000) - 5;
        }
    }

    QJsonValue mutate(const QJsonValue& v, int depth = 0)
    {
        if (v.isObject() && !v.toObject().isEmpty()) {
            QJsonObject o = v.toObject();
            const QString key = o.keys()[below(int(o.size()))];
            switch (below(4)) {
            case 0:
                o.remove(key);
                break;
            case 1:
                o.insert(key, anyValue());
                break;
            case 2:
                o.insert(key, mutate(o.value(key), depth + 1));
                break;
            default:
                o.insert(pick(keys_), anyValue());
            }
            return o;
        }
        if (v.isArray()) {
            QJsonArray a = v.toArray();
            if (!a.isEmpty() && chance(0.5)) {
                const int i = below(int(a.size()));
                a.replace(i, mutate(a.at(i), depth + 1));
            } else if (chance(0.5)) {
                a.append(anyValue());
            } else {
                const QJsonArray once = a;
                for (int i = below(30); i > 0; --i)
                    for (const QJsonValue& x : once)
                        a.append(x);
            }
            return a;
        }
        return anyValue();
    }

    // The bytes of a request body made from `base`.
    std::string body(const QJsonValue& base)
    {
        const auto text = [](const QJsonValue& v) {
            return (v.isObject() ? QJsonDocument(v.toObject()) : QJsonDocument(v.toArray()))
                .toJson(QJsonDocument::Compact)
                .toStdString();
        };
        const int kind = below(20);
        if (kind == 0) { // cut short
            const std::string whole = text(base);
            return whole.substr(0, std::size_t(below(int(whole.size()))));
        }
        if (kind == 1) // nested deeper than any parser should follow
            return std::string(std::size_t(pick(std::vector<int>{100, 5000, 60000})), '[');
        if (kind == 2)
            return pick(std::vector<std::string>{"null", "[]", "1", "\"s\"", "{\"a\":1,\"a\":2}",
                                                 "\xef\xbb\xbf{}", "{\"name\":\"\xff\xfe\"}", ""});
        QJsonValue v = base;
        for (int i = 1 + below(3); i > 0; --i)
            v = mutate(v);
        if (!v.isObject() && !v.isArray())
            v = QJsonArray{v};
        return text(v);
    }

    QString id(qint64 own)
    {
        if (chance(0.7))
            return QString::number(own);
        return pick(std::vector<QString>{
            QStringLiteral("0"), QStringLiteral("-1"), QStringLiteral("999999"),
            QStringLiteral("abc"), QStringLiteral("18446744073709551616"),
            QStringLiteral("9223372036854775807"), QStringLiteral("1e3"), QStringLiteral("%00"),
            QStringLiteral("1.5")});
    }

private:
    std::mt19937 rng_;
    std::vector<QString> keys_{QStringLiteral("id"),       QStringLiteral("name"),
                               QStringLiteral("teamId"),   QStringLiteral("url"),
                               QStringLiteral("path"),     QStringLiteral("method"),
                               QStringLiteral("basePath"), QStringLiteral("extra")};
    std::vector<QString> words_{QString(),
                                QStringLiteral(" "),
                                QStringLiteral("/"),
                                QStringLiteral("//"),
                                QStringLiteral("/a/{b}/{b}"),
                                QStringLiteral("http://"),
                                QStringLiteral("ftp://x"),
                                QStringLiteral("http://[::1"),
                                QStringLiteral("GET"),
                                QStringLiteral("get"),
                                QStringLiteral("publish"),
                                QStringLiteral("retire"),
                                QStringLiteral("automatic"),
                                QStringLiteral("manual"),
                                QStringLiteral("public"),
                                QStringLiteral("private"),
                                QStringLiteral("admin"),
                                QStringLiteral("organisation")};
};

} // namespace

class TestAdminApiHostile : public QObject, public AdminApiFixture {
    Q_OBJECT

private slots:
    void initTestCase_data() { TestDatabases::addBackends(); }
    void init() { setUpApi(); }
    void cleanup() { tearDownApi(); }

    void mutatedRequestsGetAnAnswerNeverA500();
    void oddQueriesAndPathsGetAnAnswerNeverA500();
    void mutatedPurgesGetAnAnswerNeverA500();
};

void TestAdminApiHostile::mutatedRequestsGetAnAnswerNeverA500()
{
    // Something of every kind to write to.
    qint64 planId = 0;
    const qint64 apiId = createPublishedApiWithPlan(QStringLiteral("shop"), "automatic", &planId);
    QVERIFY(apiId > 0 && planId > 0);
    const auto second = post(QStringLiteral("/v1/apis/%1/plans").arg(apiId),
                             {{QStringLiteral("name"), QStringLiteral("silver")}});
    QCOMPARE(second.status, 201);
    const qint64 silverId = jsonOf(second).value(QStringLiteral("id")).toInteger();
    const auto app = post(QStringLiteral("/v1/applications"),
                          {{QStringLiteral("name"), QStringLiteral("storefront")},
                           {QStringLiteral("teamId"), m_world.teamId}});
    QCOMPARE(app.status, 201);
    const qint64 appId = jsonOf(app).value(QStringLiteral("id")).toInteger();
    const auto sub =
        post(QStringLiteral("/v1/subscriptions"), {{QStringLiteral("applicationId"), appId},
                                                   {QStringLiteral("apiId"), apiId},
                                                   {QStringLiteral("planId"), planId}});
    QCOMPARE(sub.status, 201);
    const qint64 subId = jsonOf(sub).value(QStringLiteral("id")).toInteger();
    const auto api = jsonOf(get(QStringLiteral("/v1/apis/%1").arg(apiId)));
    const auto workspace = jsonOf(get(QStringLiteral("/v1/workspace")));
    QVERIFY(!api.isEmpty() && !workspace.isEmpty());

    const qint64 team = m_world.teamId;
    const std::vector<writing_resource> resources{
        {"POST", QStringLiteral("/v1/apis"), 0,
         QJsonObject{
             {QStringLiteral("slug"), QStringLiteral("fz")},
             {QStringLiteral("name"), QStringLiteral("FZ")},
             {QStringLiteral("teamId"), team},
             {QStringLiteral("basePath"), QStringLiteral("/fz")},
             {QStringLiteral("upstreams"),
              QJsonArray{
                  QJsonObject{{QStringLiteral("url"), QStringLiteral("http://127.0.0.1:9100")}}}},
             {QStringLiteral("routes"),
              QJsonArray{QJsonObject{{QStringLiteral("method"), QStringLiteral("GET")},
                                     {QStringLiteral("path"), QStringLiteral("/items")}}}}}},
        {"PUT", QStringLiteral("/v1/apis/{id}"), apiId, api},
        {"PATCH", QStringLiteral("/v1/apis/{id}"), apiId,
         QJsonObject{
             {QStringLiteral("name"), QStringLiteral("x")},
             {QStringLiteral("cache"), QJsonObject{{QStringLiteral("enabled"), true},
                                                   {QStringLiteral("defaultTtlSeconds"), 10}}}}},
        {"POST", QStringLiteral("/v1/apis/{id}/lifecycle"), apiId,
         QJsonObject{{QStringLiteral("action"), QStringLiteral("deprecate")},
                     {QStringLiteral("reason"), QStringLiteral("r")},
                     {QStringLiteral("sunsetAt"), QStringLiteral("2027-01-01T00:00:00Z")}}},
        {"POST", QStringLiteral("/v1/apis/{id}/plans"), apiId,
         QJsonObject{{QStringLiteral("name"), QStringLiteral("p")},
                     {QStringLiteral("approvalMode"), QStringLiteral("automatic")},
                     {QStringLiteral("rateLimitPerMinute"), 10}}},
        // Unmutated, a rename to the other plan's name.
        {"PUT", QStringLiteral("/v1/apis/%1/plans/{id}").arg(apiId), silverId,
         QJsonObject{{QStringLiteral("name"), QStringLiteral("gold")},
                     {QStringLiteral("approvalMode"), QStringLiteral("manual")}}},
        {"POST", QStringLiteral("/v1/apis/{id}/versions"), apiId,
         QJsonObject{{QStringLiteral("version"), QStringLiteral("9")}}},
        {"POST", QStringLiteral("/v1/teams"), 0,
         QJsonObject{{QStringLiteral("name"), QStringLiteral("T")}}},
        {"POST", QStringLiteral("/v1/teams/{id}/members"), team,
         QJsonObject{{QStringLiteral("userId"), m_world.developer.userId},
                     {QStringLiteral("role"), QStringLiteral("member")}}},
        {"POST", QStringLiteral("/v1/applications"), 0,
         QJsonObject{{QStringLiteral("name"), QStringLiteral("A")},
                     {QStringLiteral("teamId"), team}}},
        {"POST", QStringLiteral("/v1/applications/{id}/keys"), appId,
         QJsonObject{{QStringLiteral("expiresAt"), QStringLiteral("2027-01-01T00:00:00Z")}}},
        {"POST", QStringLiteral("/v1/subscriptions"), 0,
         QJsonObject{{QStringLiteral("applicationId"), appId},
                     {QStringLiteral("apiId"), apiId},
                     {QStringLiteral("planId"), planId}}},
        {"POST", QStringLiteral("/v1/subscriptions/{id}/reject"), subId,
         QJsonObject{{QStringLiteral("reason"), QStringLiteral("no")}}},
        {"POST", QStringLiteral("/v1/users"), 0,
         QJsonObject{{QStringLiteral("name"), QStringLiteral("zoe")},
                     {QStringLiteral("role"), QStringLiteral("developer")}}},
        {"PATCH", QStringLiteral("/v1/users/{id}"), m_world.developer.userId,
         QJsonObject{{QStringLiteral("role"), QStringLiteral("admin")}}},
        {"PUT", QStringLiteral("/v1/workspace"), 0, workspace},
        {"POST", QStringLiteral("/v1/apis/import?teamId=%1").arg(team), 0, QJsonValue::Undefined},
    };
    const std::vector<std::string> openapi{
        "openapi: 3.0.0\ninfo: {title: x, version: \"1\"}\npaths: {}\n",
        "openapi: 3.0.0\ninfo: {title: x, version: \"1\"}\nservers: [{url: 'http://[::1'}]\n"
        "paths: {/a/{b}: {get: {}}}\n",
        // YAML's \0: U+0000 in the title, the version and a path.
        "openapi: 3.0.0\ninfo: {title: \"nul\\0here\", version: \"1\\0\"}\n"
        "paths: {\"/a\\0\": {get: {}}}\n",
        "openapi: 3.0.0\ninfo: {title: \"nul\\0here\", version: \"1\"}\n"
        "paths: {/a: {get: {summary: \"x\\0\"}}}\n",
        "{", std::string("\x00\xff", 2), "openapi: [", std::string(3000, 'a'), "a: &x [*x]"};

    const unsigned seed = gatehouse::test::run_seed(20261204);
    mutator m(seed);
    const header_list headers{{"Authorization", "Bearer " + m_token},
                              {"Content-Type", "application/json"}};
    int answered = 0;
    for (int i = 0; i < requests_per_run; ++i) {
        const writing_resource& r = m.pick(resources);
        QString path = r.path;
        path.replace(QStringLiteral("{id}"), m.id(r.id));
        const std::string body = r.body.isUndefined() ? m.pick(openapi) : m.body(r.body);
        const http_response res = gatehouse::test::http_request(m_api->port(), r.method,
                                                                path.toStdString(), headers, body);
        const QString what =
            QStringLiteral("#%1 (seed %2) %3 %4 %5: %6 %7")
                .arg(i)
                .arg(seed)
                .arg(QLatin1String(r.method), path, QString::fromStdString(body.substr(0, 300)))
                .arg(res.status)
                .arg(QString::fromStdString(res.body.substr(0, 300)));
        QVERIFY2(res.status >= 200 && res.status < 500, qPrintable(what));
        if (res.status >= 400)
            QVERIFY2(res.header("Content-Type") == "application/problem+json", qPrintable(what));
        ++answered;
    }
    QCOMPARE(answered, requests_per_run);
    // Still serving, and what it lists still reads as JSON.
    QCOMPARE(get(QStringLiteral("/v1/health")).status, 200);
    for (const char* list : {"/v1/apis", "/v1/teams", "/v1/applications", "/v1/users"}) {
        const http_response r = get(QLatin1String(list));
        QVERIFY2(r.status == 200, list);
        QVERIFY2(jsonOf(r).value(QStringLiteral("items")).isArray(), list);
    }
}

// Every reading resource with query parameters and path segments at
// random: numbers out of range, not numbers, empty, percent-encoded
// control characters (U+0000 too), SQL and LIKE wildcards, long texts.
void TestAdminApiHostile::oddQueriesAndPathsGetAnAnswerNeverA500()
{
    qint64 planId = 0;
    const qint64 apiId = createPublishedApiWithPlan(QStringLiteral("shop"), "automatic", &planId);
    QVERIFY(apiId > 0);
    const std::vector<QString> resources{
        QStringLiteral("/v1/apis"),
        QStringLiteral("/v1/apis/%1").arg(apiId),
        QStringLiteral("/v1/apis/%1/lifecycle").arg(apiId),
        QStringLiteral("/v1/apis/%1/versions").arg(apiId),
        QStringLiteral("/v1/apis/%1/plans").arg(apiId),
        QStringLiteral("/v1/apis/%1/plans/%2").arg(apiId).arg(planId),
        QStringLiteral("/v1/apis/%1/openapi").arg(apiId),
        QStringLiteral("/v1/applications"),
        QStringLiteral("/v1/subscriptions"),
        QStringLiteral("/v1/teams"),
        QStringLiteral("/v1/teams/%1/members").arg(m_world.teamId),
        QStringLiteral("/v1/users"),
        QStringLiteral("/v1/audit"),
        QStringLiteral("/v1/workspace"),
        QStringLiteral("/v1/health")};
    const std::vector<QString> names{
        QStringLiteral("limit"),     QStringLiteral("offset"),        QStringLiteral("state"),
        QStringLiteral("teamId"),    QStringLiteral("slug"),          QStringLiteral("tag"),
        QStringLiteral("q"),         QStringLiteral("applicationId"), QStringLiteral("apiId"),
        QStringLiteral("action"),    QStringLiteral("objectType"),    QStringLiteral("objectId"),
        QStringLiteral("actorId"),   QStringLiteral("from"),          QStringLiteral("to"),
        QStringLiteral("visibility")};
    const std::vector<QString> values{QString(),
                                      QStringLiteral("0"),
                                      QStringLiteral("-1"),
                                      QStringLiteral("1"),
                                      QStringLiteral("501"),
                                      QStringLiteral("2147483648"),
                                      QStringLiteral("99999999999999999999"),
                                      QStringLiteral("abc"),
                                      QStringLiteral("%00"),
                                      QStringLiteral("a%00b"),
                                      QStringLiteral("%01%1f"),
                                      QStringLiteral("%25"),
                                      QStringLiteral("_"),
                                      QStringLiteral("'%3B--"),
                                      QStringLiteral("%22"),
                                      QStringLiteral("%5C"),
                                      QStringLiteral("%FF%FE"),
                                      QStringLiteral("published"),
                                      QStringLiteral("%C3%A9%E6%BC%A2"),
                                      QString(3000, QLatin1Char('x'))};
    const std::vector<QString> suffixes{QString(),
                                        QStringLiteral("/"),
                                        QStringLiteral("/x"),
                                        QStringLiteral("/..%2F..%2F"),
                                        QStringLiteral("/%00"),
                                        QStringLiteral("//"),
                                        QStringLiteral("/9999999999999999999")};

    const unsigned seed = gatehouse::test::run_seed(20261205);
    mutator m(seed);
    const header_list headers{{"Authorization", "Bearer " + m_token}};
    for (int i = 0; i < requests_per_run / 2; ++i) {
        QString target = m.pick(resources);
        if (m.chance(0.2))
            target += m.pick(suffixes);
        for (int n = m.below(4), k = 0; k < n; ++k)
            target += (k == 0 ? QLatin1Char('?') : QLatin1Char('&')) + m.pick(names) +
                      QLatin1Char('=') + m.pick(values);
        const char* method = m.chance(0.8) ? "GET" : "HEAD";
        const http_response res =
            gatehouse::test::http_request(m_api->port(), method, target.toStdString(), headers);
        const QString what = QStringLiteral("#%1 (seed %2) %3 %4: %5 %6")
                                 .arg(i)
                                 .arg(seed)
                                 .arg(QLatin1String(method), target.left(300))
                                 .arg(res.status)
                                 .arg(QString::fromStdString(res.body.substr(0, 300)));
        QVERIFY2(res.status >= 200 && res.status < 500, qPrintable(what));
    }
    QCOMPARE(get(QStringLiteral("/v1/health")).status, 200);
}

// The gateway's resources behind the admin API, with a real gateway in
// front of the demo origin: mutated purge requests (every selector, wrong
// types, several at once, odd URLs and prefixes, ids out of range) and odd
// queries on /v1/stats and /metrics. Each gets a 2xx or a 4xx problem; the
// gateway and its cache still work afterwards.
void TestAdminApiHostile::mutatedPurgesGetAnAnswerNeverA500()
{
    qputenv("XDG_RUNTIME_DIR", QDir::tempPath().toLocal8Bit());
    QStandardPaths::setTestModeEnabled(true);
    DemoWorkspace demo;
    QVERIFY2(demo.startOrigin(), qPrintable(demo.lastError()));
    GatewayController controller;
    controller.setStatsInterval(0);
    QVERIFY2(controller.applyConfig(demo.snapshot()), qPrintable(controller.lastError()));
    auto options = DemoWorkspace::defaultOptions();
    options.port = 0;
    options.threads = 1;
    QVERIFY2(controller.start(options), qPrintable(controller.lastError()));
    const auto stopGateway = qScopeGuard([&] {
        controller.stopAndWait(std::chrono::milliseconds(500));
        demo.stopOrigin();
    });
    GatewayAdminControl control(&controller);
    m_api->stop();
    m_api = std::make_unique<AdminApi>();
    QVERIFY2(startApi(*m_api, m_tokenFile, &control, [&] { return control.metricsText(); }),
             qPrintable(m_api->lastError()));

    const auto gateway = [&](const char* target) {
        return gatehouse::test::http_request(controller.port(), "GET", target);
    };
    const auto isHit = [](const http_response& r) {
        return r.header("Cache-Status").find("; hit") != std::string::npos;
    };
    const std::vector<QJsonObject> purges{
        {},
        {{QStringLiteral("apiId"), 1}},
        {{QStringLiteral("pathPrefix"), QStringLiteral("/shop/")}},
        {{QStringLiteral("tag"), QStringLiteral("products")}},
        {{QStringLiteral("url"), QStringLiteral("http://127.0.0.1/shop/1")}},
        {{QStringLiteral("url"), QStringLiteral("/shop/1?b=2&a=1")}},
    };
    const unsigned seed = gatehouse::test::run_seed(20261206);
    mutator m(seed);
    const header_list headers{{"Authorization", "Bearer " + m_token},
                              {"Content-Type", "application/json"}};
    const std::vector<std::string> reads{
        "/v1/stats", "/v1/stats?x=%00", "/v1/stats/",          "/metrics?name[]=%FF",
        "/metrics",  "/v1/cache/purge", "/v1/cache/purge/%00", "/v1/cache"};
    for (int i = 0; i < requests_per_run / 3; ++i) {
        // Now and then something stored, for the purges to find.
        if (i % 50 == 0)
            QCOMPARE(gateway(i % 100 == 0 ? "/shop/1" : "/weather/oslo").status, 200);
        const bool read = m.chance(0.2);
        const std::string target = read ? m.pick(reads) : "/v1/cache/purge";
        const char* method = read ? (m.chance(0.5) ? "GET" : "HEAD") : "POST";
        const std::string body = read ? std::string() : m.body(m.pick(purges));
        const http_response res =
            gatehouse::test::http_request(m_api->port(), method, target, headers, body);
        const QString what = QStringLiteral("#%1 (seed %2) %3 %4 %5: %6 %7")
                                 .arg(i)
                                 .arg(seed)
                                 .arg(QLatin1String(method), QString::fromStdString(target),
                                      QString::fromStdString(body.substr(0, 300)))
                                 .arg(res.status)
                                 .arg(QString::fromStdString(res.body.substr(0, 300)));
        QVERIFY2(res.status >= 200 && res.status < 500, qPrintable(what));
        if (res.status >= 400 && std::string_view(method) != "HEAD")
            QVERIFY2(res.header("Content-Type") == "application/problem+json", qPrintable(what));
    }
    // The cache still stores, serves and purges.
    http_response warm;
    for (int i = 0; i < 5 && !isHit(warm); ++i)
        warm = gateway("/shop/2");
    QVERIFY2(isHit(warm), warm.header("Cache-Status").c_str());
    const auto purged = post(QStringLiteral("/v1/cache/purge"),
                             {{QStringLiteral("pathPrefix"), QStringLiteral("/shop/")}});
    QCOMPARE(purged.status, 200);
    QVERIFY(jsonOf(purged).value(QStringLiteral("purged")).toInteger() >= 1);
    QVERIFY(!isHit(gateway("/shop/2")));
}

QTEST_GUILESS_MAIN(TestAdminApiHostile)
#include "tst_admin_api_hostile.moc"
