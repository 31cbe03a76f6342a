// SPDX-FileCopyrightText: Gatehouse contributors
// SPDX-License-Identifier: Apache-2.0
#include "app/config_compiler.h"

#include "app/domain/api_key.h"
#include "gateway/access/consumer_table.hpp"
#include "gateway/router.hpp"

#include <QTest>

using namespace gatehouse::app;
namespace ga = gatehouse::gateway::access;

// The catalog -> gateway configuration compiler, on hand-built catalog state.
class TestConfigCompiler : public QObject {
    Q_OBJECT

private:
    static ApiDefinition api(qint64 id, const QString& slug, ApiState state,
                             const QString& basePath = {})
    {
        ApiDefinition a;
        a.id = id;
        a.slug = slug;
        a.name = slug;
        a.teamId = 7;
        a.state = state;
        a.basePath = basePath.isEmpty() ? QLatin1Char('/') + slug : basePath;
        a.routes = {{QStringLiteral("GET"), QStringLiteral("/items")},
                    {QStringLiteral("*"), QStringLiteral("/items/{id}")}};
        a.upstreams = {{QStringLiteral("http://127.0.0.1:9100/base"), 2}};
        a.requestTimeoutMs = 1500;
        return a;
    }

    static const gatehouse::gateway::route_config*
    route(const gatehouse::gateway::config_snapshot& s, const std::string& path)
    {
        for (const auto& r : s.routes)
            if (r.path == path)
                return &r;
        return nullptr;
    }

private slots:
    void publishedApiBecomesExactRoutesOnItsOwnUpstream()
    {
        CatalogState state;
        state.apis = {api(1, QStringLiteral("shop"), ApiState::Published)};
        const CompiledConfig out = ConfigCompiler::compile(state);
        QVERIFY2(out.ok(), qPrintable(out.error));
        QCOMPARE(out.snapshot.routes.size(), std::size_t(2));
        const auto* items = route(out.snapshot, "/shop/items");
        QVERIFY(items);
        QCOMPARE(items->api_id, std::uint64_t(1));
        QCOMPARE(items->match, gatehouse::gateway::path_match::exact);
        QCOMPARE(items->methods, std::vector<std::string>{"GET"});
        const auto* one = route(out.snapshot, "/shop/items/{id}");
        QVERIFY(one);
        QVERIFY(one->methods.empty()); // "*": any method
        QCOMPARE(out.snapshot.upstreams.size(), std::size_t(1));
        const auto& up = out.snapshot.upstreams.front();
        QCOMPARE(up.name, items->upstream);
        QCOMPARE(up.targets.front().url, std::string("http://127.0.0.1:9100/base"));
        QCOMPARE(up.targets.front().weight, 2u);
        QCOMPARE(up.total_timeout.count(), 1500);
        QVERIFY(out.snapshot.access);
        const auto* access = out.snapshot.access->api(1);
        QVERIFY(access);
        QCOMPARE(access->state, ga::api_state::published);
        QCOMPARE(access->auth, ga::auth_mode::api_key);
        QVERIFY(access->deprecation.empty());
    }

    void applicationsAreNamedForTheCallLogs()
    {
        CatalogState state;
        state.applications = {{5, 1, 0, QStringLiteral("Storefront mobile")},
                              {6, 0, 7, QStringLiteral("Dashboard")}};
        const CompiledConfig out = ConfigCompiler::compile(state);
        QVERIFY2(out.ok(), qPrintable(out.error));
        QCOMPARE(out.applicationNames.value(5), QStringLiteral("Storefront mobile"));
        QCOMPARE(out.applicationNames.value(6), QStringLiteral("Dashboard"));
        QCOMPARE(out.applicationNames.size(), 2);
    }

    void strippedBasePathIsLeftOutWhenForwarding()
    {
        CatalogState state;
        ApiDefinition stripped = api(1, QStringLiteral("shop"), ApiState::Published);
        stripped.basePath = QStringLiteral("/shop/v2/");
        stripped.stripBasePath = true;
        state.apis = {stripped, api(2, QStringLiteral("kept"), ApiState::Published)};
        const CompiledConfig out = ConfigCompiler::compile(state);
        QVERIFY2(out.ok(), qPrintable(out.error));
        const auto* one = route(out.snapshot, "/shop/v2/items/{id}");
        QVERIFY(one);
        QCOMPARE(one->strip_base, std::string("/shop/v2"));
        const auto* kept = route(out.snapshot, "/kept/items");
        QVERIFY(kept);
        QVERIFY(kept->strip_base.empty());
    }

    // The catalog's opt-in reaches the gateway's access entry; an API that
    // did not opt in keeps header-only keys.
    void keyQueryParameterReachesTheAccessEntry()
    {
        CatalogState state;
        ApiDefinition query = api(1, QStringLiteral("maps"), ApiState::Published);
        query.keyQueryParameter = QStringLiteral("api_key");
        state.apis = {query, api(2, QStringLiteral("shop"), ApiState::Published)};
        const CompiledConfig out = ConfigCompiler::compile(state);
        QVERIFY2(out.ok(), qPrintable(out.error));
        QVERIFY(out.snapshot.access);
        const auto* maps = out.snapshot.access->api(1);
        QVERIFY(maps);
        QCOMPARE(maps->key_query_parameter, std::string("api_key"));
        const auto* shop = out.snapshot.access->api(2);
        QVERIFY(shop);
        QVERIFY(shop->key_query_parameter.empty());
    }

    // Call logs and cache figures are labelled with these: the catalog's
    // API names, and the route id of a base route that keeps its own id.
    void apiNamesComeFromTheCatalog()
    {
        CatalogState state;
        state.apis = {api(1, QStringLiteral("shop"), ApiState::Published)};
        state.apis[0].name = QStringLiteral("Shop");
        state.apis[0].version = QStringLiteral("v2");
        gatehouse::gateway::config_snapshot base;
        gatehouse::gateway::route_config stand_in;
        stand_in.id = "weather";
        stand_in.api_id = 1; // taken by the catalog API: loses its id
        stand_in.path = "/weather";
        stand_in.upstream = "demo-origin";
        gatehouse::gateway::route_config own = stand_in;
        own.id = "echo";
        own.api_id = 77;
        own.path = "/echo";
        base.routes = {stand_in, own};
        gatehouse::gateway::upstream_config origin;
        origin.name = "demo-origin";
        origin.targets.push_back({"http://127.0.0.1:9", 1});
        base.upstreams.push_back(origin);
        const CompiledConfig out = ConfigCompiler::compile(state, base);
        QVERIFY2(out.ok(), qPrintable(out.error));
        QCOMPARE(out.apiNames.value(1), QStringLiteral("Shop v2"));
        QCOMPARE(out.apiNames.value(77), QStringLiteral("echo"));
        QCOMPARE(out.apiNames.size(), 2);
    }

    void cachePolicyBecomesTheRoutesPolicy()
    {
        CatalogState state;
        auto cached = api(1, QStringLiteral("shop"), ApiState::Published);
        cached.cachePolicy =
            QStringLiteral(R"({"max_ttl": "10s", "stale_while_revalidate": "30s"})");
        auto plain = api(2, QStringLiteral("echo"), ApiState::Published);
        auto broken = api(3, QStringLiteral("bad"), ApiState::Published);
        broken.cachePolicy = QStringLiteral(R"({"max_ttl": "soon"})");
        state.apis = {cached, plain, broken};
        const CompiledConfig out = ConfigCompiler::compile(state);
        QVERIFY2(out.ok(), qPrintable(out.error));
        const auto* shop = route(out.snapshot, "/shop/items");
        QVERIFY(shop);
        QVERIFY(shop->cache.enabled);
        QCOMPARE(shop->cache.max_ttl.count(), 10);
        QVERIFY(shop->cache.stale_while_revalidate);
        QCOMPARE(shop->cache.stale_while_revalidate->count(), 30);
        QVERIFY(!route(out.snapshot, "/echo/items")->cache.enabled); // "{}": not cached
        // A bad policy: routed, uncached, and said so.
        QVERIFY(!route(out.snapshot, "/bad/items")->cache.enabled);
        QCOMPARE(out.warnings.size(), 1);
        QVERIFY2(out.warnings.front().contains(QLatin1String("max_ttl")),
                 qPrintable(out.warnings.front()));
    }

    void upstreamNamedAfterABaseUpstreamUsesItsTargets()
    {
        gatehouse::gateway::config_snapshot base;
        gatehouse::gateway::upstream_config origin;
        origin.name = "demo-origin";
        origin.targets.push_back({"http://127.0.0.1:45678", 1});
        base.upstreams.push_back(origin);
        CatalogState state;
        auto demo = api(1, QStringLiteral("shop"), ApiState::Published);
        demo.upstreams = {{QStringLiteral("http://demo-origin"), 1}};
        auto other = api(2, QStringLiteral("orders"), ApiState::Published);
        other.upstreams = {{QStringLiteral("http://demo-origin:8080"), 1}}; // a port: a real host
        auto based = api(3, QStringLiteral("stock"), ApiState::Published);
        based.upstreams = {{QStringLiteral("http://demo-origin/echo/"), 1}}; // keeps its path
        state.apis = {demo, other, based};
        const CompiledConfig out = ConfigCompiler::compile(state, base);
        QVERIFY2(out.ok(), qPrintable(out.error));
        QCOMPARE(out.snapshot.upstreams.size(), std::size_t(4));
        const auto upstream = [&](const std::string& name) {
            for (const auto& u : out.snapshot.upstreams)
                if (u.name == name)
                    return u.targets.front().url;
            return std::string();
        };
        QCOMPARE(upstream(route(out.snapshot, "/shop/items")->upstream),
                 std::string("http://127.0.0.1:45678"));
        QCOMPARE(upstream(route(out.snapshot, "/orders/items")->upstream),
                 std::string("http://demo-origin:8080"));
        QCOMPARE(upstream(route(out.snapshot, "/stock/items")->upstream),
                 std::string("http://127.0.0.1:45678/echo"));
    }

    void baseRoutesStayUnguarded()
    {
        gatehouse::gateway::config_snapshot base;
        gatehouse::gateway::upstream_config origin;
        origin.name = "demo-origin";
        origin.targets.push_back({"http://127.0.0.1:45678", 1});
        base.upstreams.push_back(origin);
        gatehouse::gateway::route_config shop;
        shop.id = "shop";
        shop.api_id = 1; // a stand-in id that is also a catalog API's
        shop.path = "/shop";
        shop.upstream = "demo-origin";
        base.routes.push_back(shop);
        shop.id = "other";
        shop.api_id = 99; // no such API: kept
        shop.path = "/other";
        base.routes.push_back(shop);
        CatalogState state;
        state.apis = {api(1, QStringLiteral("orders"), ApiState::Published)};
        const CompiledConfig out = ConfigCompiler::compile(state, base);
        QVERIFY2(out.ok(), qPrintable(out.error));
        QCOMPARE(route(out.snapshot, "/shop")->api_id, std::uint64_t(0));
        QCOMPARE(route(out.snapshot, "/other")->api_id, std::uint64_t(99));
        QCOMPARE(route(out.snapshot, "/orders/items")->api_id, std::uint64_t(1));
    }

    void deprecatedApiCarriesHeaderValues()
    {
        CatalogState state;
        auto v1 = api(1, QStringLiteral("shop"), ApiState::Deprecated, QStringLiteral("/shop/v1"));
        v1.sunsetAt = 1798761600000; // 2027-01-01
        v1.successorId = 2;
        v1.updatedAt = 1;
        auto v2 = api(2, QStringLiteral("shop"), ApiState::Published, QStringLiteral("/shop/v2"));
        state.apis = {v1, v2};
        state.deprecatedAt.insert(1, 1764547200123);
        const CompiledConfig out = ConfigCompiler::compile(state);
        QVERIFY2(out.ok(), qPrintable(out.error));
        const auto* access = out.snapshot.access->api(1);
        QVERIFY(access);
        QCOMPARE(access->deprecation, std::string("@1764547200"));
        QCOMPARE(access->sunset, std::string("Fri, 01 Jan 2027 00:00:00 GMT"));
        QCOMPARE(access->link, std::string("</shop/v2>; rel=\"successor-version\""));
    }

    void retiredApiAnswersUnderItsWholeBasePath()
    {
        CatalogState state;
        auto a = api(3, QStringLiteral("old"), ApiState::Retired);
        a.upstreams = {{QStringLiteral("http://no-such-host.invalid"), 1}};
        state.apis = {a};
        const CompiledConfig out = ConfigCompiler::compile(state);
        QVERIFY2(out.ok(), qPrintable(out.error));
        QCOMPARE(out.snapshot.routes.size(), std::size_t(1));
        QCOMPARE(out.snapshot.routes.front().path, std::string("/old"));
        QCOMPARE(out.snapshot.routes.front().match, gatehouse::gateway::path_match::prefix);
        // Never contacted, and never the retired API's own (maybe dead) host.
        QCOMPARE(out.snapshot.upstreams.front().targets.front().url,
                 std::string("http://127.0.0.1:9"));
        QCOMPARE(out.snapshot.access->api(3)->state, ga::api_state::retired);
    }

    void draftsYieldToRoutableApisAndNeedToBePublishable()
    {
        CatalogState state;
        auto draft = api(1, QStringLiteral("clash"), ApiState::Draft, QStringLiteral("/shop"));
        auto live = api(2, QStringLiteral("shop"), ApiState::Published);
        auto unfinished = api(3, QStringLiteral("wip"), ApiState::Draft);
        unfinished.upstreams.clear();
        auto fine = api(4, QStringLiteral("next"), ApiState::Draft);
        state.apis = {draft, live, unfinished, fine};
        const CompiledConfig out = ConfigCompiler::compile(state);
        QVERIFY2(out.ok(), qPrintable(out.error));
        QCOMPARE(out.warnings.size(), 2);
        QVERIFY(out.snapshot.access->api(2));
        QVERIFY(!out.snapshot.access->api(1));
        QVERIFY(!out.snapshot.access->api(3));
        QCOMPARE(out.snapshot.access->api(4)->state, ga::api_state::draft);
        QCOMPARE(out.snapshot.access->api(4)->owning_team_id, std::uint64_t(7));
        QCOMPARE(route(out.snapshot, "/shop/items")->api_id, std::uint64_t(2));
    }

    void keysMapToApplicationsAndTheirSubscriptions()
    {
        CatalogState state;
        state.apis = {api(1, QStringLiteral("a"), ApiState::Published),
                      api(2, QStringLiteral("b"), ApiState::Published)};
        const QString teamKey = ApiKeyCodec::generate();
        const QString userKey = ApiKeyCodec::generate();
        state.applications = {{10, 0, 5, {}}, {11, 42, 0, {}}, {12, 43, 0, {}}};
        state.keys = {{ApiKeyCodec::sha256Hex(teamKey), 10, 0},
                      {ApiKeyCodec::sha256Hex(userKey), 11, 99}};
        state.subscriptions = {{10, 1, false}, {10, 2, true}, {11, 2, false}, {12, 1, false}};
        state.teamsOfUser.insert(42, 7);
        state.teamsOfUser.insert(42, 8);
        const CompiledConfig out = ConfigCompiler::compile(state);
        QVERIFY2(out.ok(), qPrintable(out.error));
        const auto& table = *out.snapshot.access;
        QCOMPARE(table.keys.size(), std::size_t(2));
        QCOMPARE(table.consumers.size(), std::size_t(2)); // app 12 has no key

        const auto* k = table.key(ga::digest_key(teamKey.toStdString()));
        QVERIFY(k);
        const auto& team = table.consumers[k->consumer];
        QCOMPARE(team.application_id, std::uint64_t(10));
        QCOMPARE(team.consumer_header, std::string("team:5"));
        QCOMPARE(team.application_header, std::string("10"));
        QVERIFY(team.subscription(1) && *team.subscription(1) == ga::subscription_state::approved);
        QVERIFY(team.subscription(2) && *team.subscription(2) == ga::subscription_state::suspended);

        const auto* u = table.key(ga::digest_key(userKey.toStdString()));
        QVERIFY(u);
        QCOMPARE(u->expires_at_ms, std::int64_t(99));
        const auto& user = table.consumers[u->consumer];
        QCOMPARE(user.consumer_header, std::string("user:42"));
        QVERIFY(user.in_team(7) && user.in_team(8) && !user.in_team(5));
        QVERIFY(!user.subscription(1));
    }

    void brokenKeyHashIsLeftOutNotFatal()
    {
        CatalogState state;
        state.applications = {{10, 0, 5, {}}};
        state.keys = {{QStringLiteral("not-hex"), 10, 0}};
        const CompiledConfig out = ConfigCompiler::compile(state);
        QVERIFY(out.ok());
        QCOMPARE(out.warnings.size(), 1);
        QVERIFY(out.snapshot.access->keys.empty());
    }

    // A catalog from before base paths were checked may hold overlapping
    // APIs: the snapshot stays valid, each base path has one owner, the most
    // specific base path gets what lies under it, and warnings say so.
    void overlappingBasePathsKeepAValidSnapshot()
    {
        CatalogState state;
        auto weather = api(5, QStringLiteral("weather"), ApiState::Published);
        weather.routes.append({QStringLiteral("GET"), QStringLiteral("/v2/items")});
        auto copy = api(9, QStringLiteral("weather-copy"), ApiState::Published,
                        QStringLiteral("/weather/"));
        auto olderDraft =
            api(3, QStringLiteral("weather-draft"), ApiState::Draft, QStringLiteral("/weather"));
        auto v2 = api(7, QStringLiteral("weather-v2"), ApiState::Published,
                      QStringLiteral("/weather/v2"));
        auto sibling = api(8, QStringLiteral("weatherly"), ApiState::Published);
        auto broken =
            api(11, QStringLiteral("broken"), ApiState::Published, QStringLiteral("/broken//path"));
        state.apis = {weather, copy, olderDraft, v2, sibling, broken};
        const CompiledConfig out = ConfigCompiler::compile(state);
        QVERIFY2(out.ok(), qPrintable(out.error));
        QCOMPARE(gatehouse::gateway::validate(out.snapshot), std::string());

        QVERIFY(out.snapshot.access->api(5));
        QVERIFY(out.snapshot.access->api(7));
        QVERIFY(out.snapshot.access->api(8));
        QVERIFY(!out.snapshot.access->api(9));
        QVERIFY(!out.snapshot.access->api(3));
        QVERIFY(!out.snapshot.access->api(11));
        QVERIFY(!route(out.snapshot, "/weather/v2/items") ||
                route(out.snapshot, "/weather/v2/items")->api_id == 7);

        const gatehouse::gateway::router router(out.snapshot.routes);
        const auto owner = [&](std::string_view path) -> std::uint64_t {
            const auto m = router.match("localhost", "GET", path);
            if (m.result != gatehouse::gateway::route_match::outcome::matched)
                return 0;
            return out.snapshot.routes[m.route_index].api_id;
        };
        QCOMPARE(owner("/weather/items"), std::uint64_t(5));
        QCOMPARE(owner("/weather/items/1"), std::uint64_t(5));
        QCOMPARE(owner("/weather/v2/items"), std::uint64_t(7));
        QCOMPARE(owner("/weather/v2/items/1"), std::uint64_t(7));
        QCOMPARE(owner("/weatherly/items"), std::uint64_t(8));

        const QString all = out.warnings.join(QLatin1Char('\n'));
        QCOMPARE(out.warnings.size(), 4);
        QVERIFY2(all.contains(QStringLiteral("weather-copy v1 (#9) is not routed: its base path "
                                             "/weather/ overlaps weather v1 (#5)'s /weather")),
                 qPrintable(all));
        QVERIFY2(all.contains(QStringLiteral("weather-draft v1 (#3) is not routed")),
                 qPrintable(all));
        QVERIFY2(all.contains(QStringLiteral("weather v1 (#5): route GET /v2/items is not routed: "
                                             "it lies under /weather/v2, the base path of "
                                             "weather-v2 v1 (#7)")),
                 qPrintable(all));
        QVERIFY2(all.contains(QStringLiteral("broken v1 (#11) is not routed: path "
                                             "/broken//path/items has an empty segment")),
                 qPrintable(all));
    }

    // One API's bad target (stored before the catalog checked targets, or
    // by hand) leaves that API out with a warning naming it and the reason;
    // every other API is still compiled into a valid snapshot.
    void invalidUpstreamLeavesOnlyThatApiOut_data()
    {
        QTest::addColumn<QString>("url");
        QTest::addColumn<QString>("reason");
        QTest::newRow("scheme") << QStringLiteral("ftp://files.example")
                                << QStringLiteral("upstream target 'ftp://files.example' must "
                                                  "start with http:// or https://");
        QTest::newRow("port") << QStringLiteral("http://127.0.0.1:70000")
                              << QStringLiteral("upstream target 'http://127.0.0.1:70000' has an "
                                                "invalid port");
        QTest::newRow("url") << QStringLiteral("http://")
                             << QStringLiteral("upstream target 'http://' has no host");
    }
    void invalidUpstreamLeavesOnlyThatApiOut()
    {
        QFETCH(QString, url);
        QFETCH(QString, reason);
        CatalogState state;
        auto broken = api(1, QStringLiteral("broken"), ApiState::Published);
        broken.version = QStringLiteral("v1");
        broken.upstreams.append({url, 1});
        auto old = api(3, QStringLiteral("old"), ApiState::Deprecated);
        old.version = QStringLiteral("v1");
        old.upstreams = {{url, 1}};
        state.apis = {broken, api(2, QStringLiteral("shop"), ApiState::Published), old};
        const CompiledConfig out = ConfigCompiler::compile(state);
        QVERIFY2(out.ok(), qPrintable(out.error));
        QVERIFY2(out.warnings.contains(QStringLiteral("broken v1 (#1) is not routed: ") + reason),
                 qPrintable(out.warnings.join(QLatin1Char('\n'))));
        QVERIFY2(out.warnings.contains(QStringLiteral("old v1 (#3) is not routed: ") + reason),
                 qPrintable(out.warnings.join(QLatin1Char('\n'))));
        QCOMPARE(out.warnings.size(), 2);
        QVERIFY(!route(out.snapshot, "/broken/items"));
        QVERIFY(!route(out.snapshot, "/old/items"));
        QVERIFY(route(out.snapshot, "/shop/items"));
        QCOMPARE(out.snapshot.upstreams.size(), std::size_t(1));
        QCOMPARE(out.snapshot.upstreams.front().name, std::string("api-2"));
        QVERIFY(!out.snapshot.access->api(1));
        QVERIFY(out.snapshot.access->api(2));
        QVERIFY(!out.apiNames.contains(1));
        QVERIFY(gatehouse::gateway::validate(out.snapshot).empty());
    }

    // A retired API is answered with 410 and never forwarded: its stored
    // target does not matter.
    void retiredApiWithABadTargetStillAnswers410()
    {
        CatalogState state;
        auto gone = api(1, QStringLiteral("gone"), ApiState::Retired);
        gone.upstreams = {{QStringLiteral("ftp://nope"), 1}};
        state.apis = {gone};
        const CompiledConfig out = ConfigCompiler::compile(state);
        QVERIFY2(out.ok(), qPrintable(out.error));
        QVERIFY(out.warnings.isEmpty());
        QVERIFY(route(out.snapshot, "/gone"));
    }
};

QTEST_GUILESS_MAIN(TestConfigCompiler)
#include "tst_config_compiler.moc"
