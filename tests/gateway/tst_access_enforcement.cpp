// SPDX-FileCopyrightText: Gatehouse contributors
// SPDX-License-Identifier: Apache-2.0
#include "gateway/access/access_gate.hpp"

#include "echo_json.h"
#include "gateway/access/consumer_table.hpp"
#include "gateway/gateway_server.hpp"
#include "gateway_fixture.h"
#include "tests/support/test_http.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QtTest/QTest>

#include <thread>

using namespace gatehouse;
using namespace gatehouse::test;
namespace ga = gatehouse::gateway::access;

// Access control in the real gateway in front of a real demo origin, with a
// hand-built access table: 401/403/410, deprecation headers, the consumer
// identity forwarded upstream and the credential kept at the gateway.
class TestAccessEnforcement : public QObject {
    Q_OBJECT

private:
    enum : std::uint64_t {
        OpenApi = 1,
        KeyedApi = 2,
        DeprecatedApi = 3,
        RetiredApi = 4,
        DraftApi = 5,
        QueryApi = 6
    };
    static constexpr const char* GoodKey = "gh_good-key-with-an-approved-subscription";
    static constexpr const char* SuspendedKey = "gh_key-whose-subscription-is-suspended";
    static constexpr const char* LonelyKey = "gh_key-without-any-subscription";
    static constexpr const char* ExpiredKey = "gh_expired-key";
    static constexpr const char* TeamKey = "gh_key-of-the-draft-owning-team";
    static constexpr const char* SecondKey = "gh_second-key-with-an-approved-subscription";
    static constexpr std::int64_t SunsetEpoch = 1798761600; // 2027-01-01T00:00:00Z

    gateway::demo_origin m_origin;
    gateway::gateway_server m_gateway;
    std::uint16_t m_port = 0;

    static QString problemType(const http_response& r)
    {
        return json_body(r).value(QStringLiteral("type")).toString();
    }

    static void addRoute(gateway::config_snapshot& config, std::uint64_t apiId, const char* path)
    {
        auto route = make_route("api-" + std::to_string(apiId), path, "origin");
        route.api_id = apiId;
        route.rewrite_prefix = "/echo";
        config.routes.push_back(route);
    }

    static void addConsumer(ga::access_table& table, std::uint64_t appId,
                            std::vector<std::pair<std::uint64_t, ga::subscription_state>> subs,
                            std::vector<std::uint64_t> teams, const char* key,
                            std::int64_t expiresAtMs = 0)
    {
        ga::consumer c;
        c.application_id = appId;
        c.application_header = std::to_string(appId);
        c.consumer_header = "team:" + std::to_string(appId * 10);
        c.subscriptions = std::move(subs);
        c.teams = std::move(teams);
        table.consumers.push_back(std::move(c));
        table.keys[ga::digest_key(key)] = {static_cast<std::uint32_t>(table.consumers.size() - 1),
                                           expiresAtMs};
    }

private slots:
    void initTestCase()
    {
        QCOMPARE(QString::fromStdString(m_origin.start()), QString());
        gateway::config_snapshot config;
        config.upstreams.push_back(make_upstream("origin", {m_origin.port()}));
        addRoute(config, OpenApi, "/open");
        addRoute(config, KeyedApi, "/keyed");
        addRoute(config, DeprecatedApi, "/old");
        addRoute(config, RetiredApi, "/gone");
        addRoute(config, DraftApi, "/draft");
        addRoute(config, QueryApi, "/query");
        // Cached routes: private answers kept per consumer, and a cached
        // deprecated API.
        addRoute(config, KeyedApi, "/private");
        config.routes.back().id = "private";
        config.routes.back().cache.enabled = true;
        config.routes.back().cache.private_per_consumer = true;
        addRoute(config, DeprecatedApi, "/cached-old");
        config.routes.back().id = "cached-old";
        config.routes.back().cache.enabled = true;
        // Routes that take TRACE, for the gateway's own reflection of it.
        addRoute(config, QueryApi, "/query-trace");
        config.routes.back().id = "query-trace";
        config.routes.back().methods = {"GET", "TRACE"};
        addRoute(config, KeyedApi, "/keyed-trace");
        config.routes.back().id = "keyed-trace";
        config.routes.back().methods = {"GET", "TRACE"};
        auto plain = make_route("plain", "/plain", "origin");
        plain.rewrite_prefix = "/echo";
        config.routes.push_back(plain);

        auto table = std::make_shared<ga::access_table>();
        ga::api_access open;
        open.auth = ga::auth_mode::open;
        table->apis[OpenApi] = open;
        table->apis[KeyedApi] = ga::api_access{};
        ga::api_access deprecated;
        deprecated.state = ga::api_state::deprecated;
        deprecated.deprecation = ga::deprecation_value(1764547200);
        deprecated.sunset = ga::http_date(SunsetEpoch);
        deprecated.link = ga::successor_link("http://127.0.0.1/keyed");
        table->apis[DeprecatedApi] = deprecated;
        ga::api_access retired;
        retired.state = ga::api_state::retired;
        table->apis[RetiredApi] = retired;
        ga::api_access draft;
        draft.state = ga::api_state::draft;
        draft.owning_team_id = 77;
        table->apis[DraftApi] = draft;
        ga::api_access query;
        query.key_query_parameter = "api_key";
        table->apis[QueryApi] = query;

        using ga::subscription_state;
        addConsumer(*table, 11,
                    {{KeyedApi, subscription_state::approved},
                     {DeprecatedApi, subscription_state::approved},
                     {QueryApi, subscription_state::approved}},
                    {}, GoodKey);
        addConsumer(*table, 12, {{KeyedApi, subscription_state::suspended}}, {}, SuspendedKey);
        addConsumer(*table, 13, {}, {}, LonelyKey);
        addConsumer(*table, 14, {{KeyedApi, subscription_state::approved}}, {}, ExpiredKey, 1000);
        addConsumer(*table, 15, {}, {77}, TeamKey);
        addConsumer(*table, 16, {{KeyedApi, subscription_state::approved}}, {}, SecondKey);
        table->finish();
        config.access = table;

        QCOMPARE(QString::fromStdString(m_gateway.apply(config)), QString());
        QCOMPARE(QString::fromStdString(m_gateway.start(test_options())), QString());
        m_port = m_gateway.port();
        QVERIFY(m_port != 0);
    }

    void cleanupTestCase()
    {
        m_gateway.stop();
        m_origin.stop();
    }

    void digestFromHexMatchesDigestOfKey()
    {
        const auto digest = ga::digest_key("abc");
        const auto parsed =
            ga::digest_from_hex("BA7816BF8F01CFEA414140DE5DAE2223B00361A396177A9CB410FF61F20015AD");
        QVERIFY(parsed.has_value());
        QVERIFY(*parsed == digest);
        QVERIFY(!ga::digest_from_hex("ba78").has_value());
        QVERIFY(!ga::digest_from_hex(std::string(64, 'x')).has_value());
    }

    void httpDateIsImfFixdate()
    {
        QCOMPARE(QString::fromStdString(ga::http_date(SunsetEpoch)),
                 QStringLiteral("Fri, 01 Jan 2027 00:00:00 GMT"));
        QCOMPARE(QString::fromStdString(ga::deprecation_value(1764547200)),
                 QStringLiteral("@1764547200"));
    }

    void openApiNeedsNoKey()
    {
        const auto r = http_request(m_port, "GET", "/open/x",
                                    {{"X-Consumer-Id", "spoofed"}, {"X-Application-Id", "9"}});
        QCOMPARE(r.status, 200);
        QCOMPARE(echoed_header(r, "x-consumer-id"), QString());
        QCOMPARE(echoed_header(r, "x-application-id"), QString());
    }

    void plainRouteIsUntouched()
    {
        const auto r = http_request(m_port, "GET", "/plain", {{"X-API-Key", "anything"}});
        QCOMPARE(r.status, 200);
        QCOMPARE(echoed_header(r, "x-api-key"), QStringLiteral("anything"));
    }

    void missingKeyIs401()
    {
        const auto r = http_request(m_port, "GET", "/keyed/x");
        QCOMPARE(r.status, 401);
        QCOMPARE(QString::fromStdString(r.header("Content-Type")),
                 QStringLiteral("application/problem+json"));
        QVERIFY(r.header("WWW-Authenticate").starts_with("Bearer"));
        QCOMPARE(problemType(r), QStringLiteral("https://gatehouse.dev/problems/missing-api-key"));
        QCOMPARE(json_body(r).value(QStringLiteral("status")).toInt(), 401);
    }

    void unknownKeyIs401()
    {
        const auto r = http_request(m_port, "GET", "/keyed/x", {{"X-API-Key", "gh_nobody"}});
        QCOMPARE(r.status, 401);
        QVERIFY(r.header("WWW-Authenticate").find("invalid_token") != std::string::npos);
        QCOMPARE(problemType(r), QStringLiteral("https://gatehouse.dev/problems/invalid-api-key"));
    }

    void expiredKeyIs401()
    {
        const auto r = http_request(m_port, "GET", "/keyed/x", {{"X-API-Key", ExpiredKey}});
        QCOMPARE(r.status, 401);
        QCOMPARE(problemType(r), QStringLiteral("https://gatehouse.dev/problems/expired-api-key"));
    }

    void keyWithoutSubscriptionIs403()
    {
        const auto r = http_request(m_port, "GET", "/keyed/x", {{"X-API-Key", LonelyKey}});
        QCOMPARE(r.status, 403);
        QCOMPARE(problemType(r), QStringLiteral("https://gatehouse.dev/problems/no-subscription"));
    }

    void suspendedSubscriptionIs403WithItsOwnType()
    {
        const auto r = http_request(m_port, "GET", "/keyed/x", {{"X-API-Key", SuspendedKey}});
        QCOMPARE(r.status, 403);
        QCOMPARE(problemType(r),
                 QStringLiteral("https://gatehouse.dev/problems/subscription-suspended"));
    }

    void approvedKeyIsForwardedWithConsumerIdentity_data()
    {
        QTest::addColumn<QString>("header");
        QTest::addColumn<QString>("value");
        QTest::newRow("X-API-Key") << QStringLiteral("X-API-Key") << QString::fromLatin1(GoodKey);
        QTest::newRow("Bearer") << QStringLiteral("Authorization")
                                << QStringLiteral("Bearer ") + QString::fromLatin1(GoodKey);
    }

    void approvedKeyIsForwardedWithConsumerIdentity()
    {
        QFETCH(QString, header);
        QFETCH(QString, value);
        const auto r = http_request(
            m_port, "GET", "/keyed/x",
            {{header.toStdString(), value.toStdString()}, {"X-Consumer-Id", "spoofed"}});
        QCOMPARE(r.status, 200);
        QCOMPARE(echoed_header(r, "x-consumer-id"), QStringLiteral("team:110"));
        QCOMPARE(echoed_header(r, "x-application-id"), QStringLiteral("11"));
        // The credential never reaches the upstream.
        QCOMPARE(echoed_header(r, "x-api-key"), QString());
        QCOMPARE(echoed_header(r, "authorization"), QString());
        QVERIFY(r.body.find(GoodKey) == std::string::npos);
        QVERIFY(!r.has_header("Deprecation"));
    }

    void queryKeyOnlyWhereTheApiOptsIn()
    {
        const std::string target = std::string("/keyed/x?api_key=") + GoodKey;
        QCOMPARE(http_request(m_port, "GET", target).status, 401);

        const auto r =
            http_request(m_port, "GET", std::string("/query/x?a=1&api_key=") + GoodKey + "&b=2");
        QCOMPARE(r.status, 200);
        QCOMPARE(json_body(r).value(QStringLiteral("query")).toString(), QStringLiteral("a=1&b=2"));
        QVERIFY(r.body.find(GoodKey) == std::string::npos);
        QCOMPARE(echoed_header(r, "x-application-id"), QStringLiteral("11"));
    }

    // A TRACE the gateway answers itself (Max-Forwards: 0) is still a call
    // to the API: without a key it is refused, and the reflection shows
    // neither the key nor the query parameter carrying it.
    void traceReflectionKeepsTheKey()
    {
        const header_list lastHop{{"Max-Forwards", "0"}};
        QCOMPARE(http_request(m_port, "TRACE", "/keyed-trace/x", lastHop).status, 401);

        const auto inQuery = http_request(
            m_port, "TRACE", std::string("/query-trace/x?a=1&api_key=") + GoodKey, lastHop);
        QCOMPARE(inQuery.status, 200);
        QCOMPARE(inQuery.header("Content-Type"), std::string("message/http"));
        QVERIFY2(inQuery.body.starts_with("TRACE /query-trace/x?a=1&api_key=REDACTED HTTP/1.1\r\n"),
                 inQuery.body.c_str());
        QVERIFY(inQuery.body.find(GoodKey) == std::string::npos);

        for (const auto& [name, value] : {std::pair<std::string, std::string>{"X-API-Key", GoodKey},
                                          {"Authorization", std::string("Bearer ") + GoodKey}}) {
            header_list headers = lastHop;
            headers.emplace_back(name, value);
            const auto r = http_request(m_port, "TRACE", "/keyed-trace/x", headers);
            QCOMPARE(r.status, 200);
            QVERIFY2(r.body.find(GoodKey) == std::string::npos, r.body.c_str());
            QVERIFY(r.body.find("X-Consumer-Id: team:110\r\n") != std::string::npos);
        }
    }

    // A key in the query string stays out of the call log, whether the
    // gateway accepts it or not.
    void queryKeyIsRedactedInCallRecords()
    {
        std::vector<gateway::call_record> drained;
        m_gateway.drain_call_records(drained);
        drained.clear();
        QCOMPARE(
            http_request(m_port, "GET", std::string("/query/log?a=1&api_key=") + GoodKey + "&b=2")
                .status,
            200);
        QCOMPARE(http_request(m_port, "GET", "/query/log?api_key=gh_not-a-key").status, 401);
        const auto notOurs = [](const gateway::call_record& r) {
            return !r.path.view().starts_with("/query/log");
        };
        for (int i = 0; i < 100 && drained.size() < 2; ++i) {
            m_gateway.drain_call_records(drained);
            std::erase_if(drained, notOurs);
            if (drained.size() < 2)
                std::this_thread::sleep_for(std::chrono::milliseconds(10));
        }
        QCOMPARE(drained.size(), std::size_t(2));
        std::sort(drained.begin(), drained.end(),
                  [](const auto& a, const auto& b) { return a.status < b.status; });
        QCOMPARE(drained[0].status, std::uint16_t(200));
        QCOMPARE(QString::fromLatin1(drained[0].path.view().data(),
                                     qsizetype(drained[0].path.view().size())),
                 QStringLiteral("/query/log?a=1&api_key=REDACTED&b=2"));
        QCOMPARE(drained[1].status, std::uint16_t(401));
        QCOMPARE(QString::fromLatin1(drained[1].path.view().data(),
                                     qsizetype(drained[1].path.view().size())),
                 QStringLiteral("/query/log?api_key=REDACTED"));
    }

    void deprecatedApiCarriesHeadersOnEveryResponse()
    {
        const auto ok = http_request(m_port, "GET", "/old/x", {{"X-API-Key", GoodKey}});
        QCOMPARE(ok.status, 200);
        QCOMPARE(QString::fromStdString(ok.header("Deprecation")), QStringLiteral("@1764547200"));
        QCOMPARE(QString::fromStdString(ok.header("Sunset")),
                 QStringLiteral("Fri, 01 Jan 2027 00:00:00 GMT"));
        QCOMPARE(QString::fromStdString(ok.header("Link")),
                 QStringLiteral("<http://127.0.0.1/keyed>; rel=\"successor-version\""));

        const auto rejected = http_request(m_port, "GET", "/old/x");
        QCOMPARE(rejected.status, 401);
        QCOMPARE(QString::fromStdString(rejected.header("Deprecation")),
                 QStringLiteral("@1764547200"));
        QVERIFY(rejected.has_header("Sunset"));
    }

    // RFC 9111 §5.2.2.7 lets a private response be kept for the consumer it
    // was for: each application gets its own copy, never another's.
    void privateResponsesAreCachedPerConsumer()
    {
        const char* path = "/private/x?cache_control=private%2C%20max-age%3D60";
        const auto a1 = http_request(m_port, "GET", path, {{"X-API-Key", GoodKey}});
        QCOMPARE(a1.status, 200);
        QVERIFY2(a1.header("Cache-Status").find("stored") != std::string::npos,
                 a1.header("Cache-Status").c_str());
        QCOMPARE(echoed_header(a1, "x-application-id"), QStringLiteral("11"));

        const auto a2 = http_request(m_port, "GET", path, {{"X-API-Key", GoodKey}});
        QVERIFY2(a2.header("Cache-Status").find("hit") != std::string::npos,
                 a2.header("Cache-Status").c_str());
        QCOMPARE(echoed_header(a2, "x-application-id"), QStringLiteral("11"));

        // Another application: not the first one's copy.
        const auto b1 = http_request(m_port, "GET", path, {{"X-API-Key", SecondKey}});
        QCOMPARE(b1.status, 200);
        QVERIFY2(b1.header("Cache-Status").find("hit") == std::string::npos,
                 b1.header("Cache-Status").c_str());
        QCOMPARE(echoed_header(b1, "x-application-id"), QStringLiteral("16"));
        const auto b2 = http_request(m_port, "GET", path, {{"X-API-Key", SecondKey}});
        QVERIFY2(b2.header("Cache-Status").find("hit") != std::string::npos,
                 b2.header("Cache-Status").c_str());
        QCOMPARE(echoed_header(b2, "x-application-id"), QStringLiteral("16"));

        // Authorization comes first: no key, no stored answer.
        QCOMPARE(http_request(m_port, "GET", path).status, 401);
    }

    void cachedAnswersOfDeprecatedApiCarryTheHeaders()
    {
        const char* path = "/cached-old/x?cache_control=public%2C%20max-age%3D60";
        const auto first = http_request(m_port, "GET", path, {{"X-API-Key", GoodKey}});
        QCOMPARE(first.status, 200);
        const auto hit = http_request(m_port, "GET", path, {{"X-API-Key", GoodKey}});
        QVERIFY2(hit.header("Cache-Status").find("hit") != std::string::npos,
                 hit.header("Cache-Status").c_str());
        QCOMPARE(QString::fromStdString(hit.header("Deprecation")), QStringLiteral("@1764547200"));
        QVERIFY(hit.has_header("Sunset"));
        QVERIFY(hit.has_header("Link"));
    }

    void retiredApiIs410()
    {
        const auto r = http_request(m_port, "GET", "/gone/x", {{"X-API-Key", GoodKey}});
        QCOMPARE(r.status, 410);
        QCOMPARE(problemType(r), QStringLiteral("https://gatehouse.dev/problems/api-retired"));
        QCOMPARE(http_request(m_port, "GET", "/gone/x").status, 410);
    }

    void draftOnlyForTheOwningTeam()
    {
        QCOMPARE(http_request(m_port, "GET", "/draft/x", {{"X-API-Key", TeamKey}}).status, 200);
        QCOMPARE(http_request(m_port, "GET", "/draft/x", {{"X-API-Key", GoodKey}}).status, 403);
        QCOMPARE(http_request(m_port, "GET", "/draft/x").status, 401);
    }

    void callRecordsNameTheApplication()
    {
        std::vector<gateway::call_record> drained;
        m_gateway.drain_call_records(drained);
        drained.clear();
        QCOMPARE(http_request(m_port, "GET", "/keyed/rec", {{"X-API-Key", GoodKey}}).status, 200);
        QCOMPARE(http_request(m_port, "GET", "/keyed/rec", {{"X-API-Key", LonelyKey}}).status, 403);
        // Records are committed after the response is written: poll, bounded.
        // An earlier test's last record can still arrive: keep only ours.
        const auto notOurs = [](const gateway::call_record& r) {
            return r.path.view() != "/keyed/rec";
        };
        for (int i = 0; i < 100 && drained.size() < 2; ++i) {
            m_gateway.drain_call_records(drained);
            std::erase_if(drained, notOurs);
            if (drained.size() < 2)
                std::this_thread::sleep_for(std::chrono::milliseconds(10));
        }
        QCOMPARE(drained.size(), std::size_t(2));
        std::sort(drained.begin(), drained.end(),
                  [](const auto& a, const auto& b) { return a.status < b.status; });
        QCOMPARE(drained[0].status, std::uint16_t(200));
        QCOMPARE(drained[0].application_id, std::uint64_t(11));
        QCOMPARE(drained[0].api_id, std::uint64_t(KeyedApi));
        QCOMPARE(drained[1].status, std::uint16_t(403));
        QCOMPARE(drained[1].application_id, std::uint64_t(13));
        QCOMPARE(drained[1].error, gateway::call_error::forbidden);
    }

    void inconsistentTableIsRejected()
    {
        gateway::config_snapshot config;
        config.upstreams.push_back(make_upstream("origin", {m_origin.port()}));
        addRoute(config, KeyedApi, "/keyed");
        auto table = std::make_shared<ga::access_table>();
        table->keys[ga::digest_key("k")] = {5, 0};
        config.access = table;
        QVERIFY(!m_gateway.apply(config).empty());
        // The running configuration stays.
        QCOMPARE(http_request(m_port, "GET", "/keyed/x", {{"X-API-Key", GoodKey}}).status, 200);
    }
};

QTEST_GUILESS_MAIN(TestAccessEnforcement)
#include "tst_access_enforcement.moc"
