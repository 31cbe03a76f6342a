// SPDX-FileCopyrightText: Gatehouse contributors
// SPDX-License-Identifier: Apache-2.0
#include "gateway/gateway_server.hpp"

#include "cache_fixture.h"

#include <QElapsedTimer>
#include <QtTest/QTest>

#include <atomic>
#include <thread>
#include <vector>

using namespace gatehouse;
using namespace gatehouse::test;

// The shared parts of the response cache through the real gateway: purges
// of every kind, statistics, the byte budget and request coalescing.
class TestCachePurge : public QObject {
    Q_OBJECT

private:
    gateway::demo_origin m_origin;
    gateway::gateway_server m_gateway;
    std::uint16_t m_port = 0;

    std::uint64_t upstream() const { return m_origin.requests(); }
    http_response get(const std::string& target) { return http_request(m_port, "GET", target); }
    std::string store(const std::string& tag, std::initializer_list<const char*> headers = {})
    {
        std::vector<const char*> all{"Cache-Control: max-age=60"};
        all.insert(all.end(), headers.begin(), headers.end());
        respond_args args;
        args.headers.assign(all.begin(), all.end());
        const auto target = respond_target("/c", tag, args);
        const auto r = get(target);
        if (!cache_status_has(r, "stored"))
            qWarning() << "not stored:" << r.header("Cache-Status").c_str();
        return target;
    }

private slots:
    void initTestCase()
    {
        QCOMPARE(QString::fromStdString(m_origin.start("127.0.0.1", 0, 2)), QString());
        gateway::config_snapshot config;
        config.upstreams.push_back(make_upstream("origin", {m_origin.port()}));
        auto c = cached_route("cached", "/c", "origin");
        c.api_id = 7;
        config.routes.push_back(c);
        auto e = cached_route("echo", "/e", "origin", "/echo");
        e.api_id = 8;
        config.routes.push_back(e);
        // The same path on one host, whose policy leaves campaign
        // parameters out of its keys.
        auto hosted = cached_route("hosted", "/c", "origin");
        hosted.host = "api.example";
        hosted.api_id = 9;
        hosted.cache.ignored_query_params = {"utm_*"};
        config.routes.push_back(hosted);
        QCOMPARE(QString::fromStdString(m_gateway.apply(config)), QString());
        auto options = test_options();
        options.cache_budget_bytes = 8u * 1024 * 1024;
        options.cache_eviction = gateway::cache::eviction_kind::lru;
        QCOMPARE(QString::fromStdString(m_gateway.start(options)), QString());
        m_port = m_gateway.port();
    }

    void init() { m_gateway.flush_cache(); }

    void cleanupTestCase()
    {
        m_gateway.stop();
        m_origin.stop();
    }

    void optionsApply()
    {
        const auto report = m_gateway.cache_stats();
        QCOMPARE(report.budget_bytes, std::size_t(8u * 1024 * 1024));
        QCOMPARE(report.eviction, gateway::cache::eviction_kind::lru);
    }

    void purgeUrl()
    {
        const auto target = store("purge-url");
        const auto other = store("purge-url-other");
        QVERIFY(is_hit(get(target)));
        QCOMPARE(m_gateway.purge_cache_url("http://127.0.0.1" + target), std::size_t(1));
        QCOMPARE(m_gateway.purge_cache_url("http://127.0.0.1" + target), std::size_t(0));
        QVERIFY(!is_hit(get(target)));
        QVERIFY(is_hit(get(other)));
        QCOMPARE(m_gateway.purge_cache_url("http://elsewhere.example" + other), std::size_t(0));
        for (const char* garbage :
             {"", "http://", "://x", "?", "not a url", "http://h:99999999/\n"})
            QCOMPARE(m_gateway.purge_cache_url(garbage), std::size_t(0));
        QCOMPARE(m_gateway.purge_cache_prefix(""), std::size_t(2)); // "" prefixes every path
    }

    // A purge reads its URL's path as a request's is read: escaped letters,
    // dot segments and doubled slashes reach what the plain path stored.
    void purgeUrlSpelledDifferently()
    {
        const auto target = store("purge-spelling");
        QVERIFY2(target.starts_with("/c?"), target.c_str());
        QVERIFY(is_hit(get(target)));
        QCOMPARE(m_gateway.purge_cache_url("http://127.0.0.1/%63" + target.substr(2)),
                 std::size_t(1));
        QVERIFY(!is_hit(get(target)));
        QVERIFY(is_hit(get(target)));
        QCOMPARE(m_gateway.purge_cache_url("http://127.0.0.1/x/..//" + target.substr(1)),
                 std::size_t(1));
        QVERIFY(!is_hit(get(target)));
        // The scheme in capitals, the default port spelled out, a fragment.
        QVERIFY(is_hit(get(target)));
        QCOMPARE(m_gateway.purge_cache_url("HTTP://127.0.0.1" + target), std::size_t(1));
        QVERIFY(!is_hit(get(target)));
        QCOMPARE(m_gateway.purge_cache_url("http://127.0.0.1:80" + target + "#top"),
                 std::size_t(1));
        QVERIFY(!is_hit(get(target)));
    }

    // A purge by URL finds the policy of the route a request to that URL
    // takes, host names compared as requests' are (case, port): here the
    // host's route leaves utm_* parameters out of its keys.
    void purgeUrlFindsItsRoutesPolicy()
    {
        const std::string target =
            respond_target("/c", "purge-hosted", respond_args({"Cache-Control: max-age=60"}));
        const header_list host{{"Host", "API.Example:8080"}};
        QVERIFY(cache_status_has(http_request(m_port, "GET", target + "&utm_source=a", host),
                                 "stored"));
        QVERIFY(is_hit(http_request(m_port, "GET", target + "&utm_medium=b", host)));
        QCOMPARE(m_gateway.cache_stats().per_api.at("9").stores, std::uint64_t(1));
        QCOMPARE(m_gateway.purge_cache_url("http://API.EXAMPLE:8080" + target + "&utm_source=z"),
                 std::size_t(1));
        QVERIFY(!is_hit(http_request(m_port, "GET", target, host)));
    }

    // A body kept in a file holds a descriptor while it is stored, and the
    // purge gives it back: the stats count what is in use against the limit.
    void purgeReleasesBodyFiles()
    {
        QCOMPARE(m_gateway.cache_stats().body_files, std::size_t(0));
        QVERIFY(m_gateway.cache_stats().body_files_limit > 0);
        const std::string large = "/c?t=file-body&size=100000&h=Cache-Control%3Amax-age%3D60";
        QVERIFY(cache_status_has(get(large), "stored"));
        QVERIFY(is_hit(get(large)));
        QCOMPARE(m_gateway.cache_stats().body_files, std::size_t(1));
        store("small-body"); // in memory
        QCOMPARE(m_gateway.cache_stats().body_files, std::size_t(1));
        QCOMPARE(m_gateway.purge_cache_url("http://127.0.0.1" + large), std::size_t(1));
        QCOMPARE(m_gateway.cache_stats().body_files, std::size_t(0));
    }

    // A small budget stores what it has room for (it is not split into
    // shares too small for it), and says which routes allow larger objects
    // than it can keep.
    void smallBudgetStoresWhatFitsAndWarns()
    {
        gateway::config_snapshot config;
        config.upstreams.push_back(make_upstream("origin", {m_origin.port()}));
        config.routes.push_back(cached_route("roomy", "/c", "origin")); // 8 MiB objects
        auto modest = cached_route("modest", "/m", "origin");
        modest.cache.max_object_bytes = 1024 * 1024;
        config.routes.push_back(modest);
        // Routes sharing a policy (as a console API's do) share a warning.
        for (const char* id : {"a-1", "a-2", "a-3", "a-4"}) {
            auto route = cached_route(id, std::string("/") + id, "origin");
            route.cache.max_object_bytes = 5u * 1024 * 1024;
            config.routes.push_back(route);
        }
        gateway::gateway_server gw;
        QCOMPARE(QString::fromStdString(gw.apply(config)), QString());
        QVERIFY(gw.apply_warnings().empty()); // the default budget keeps 8 MiB objects
        auto options = test_options();
        options.cache_budget_bytes = 4u * 1024 * 1024;
        QCOMPARE(QString::fromStdString(gw.start(options)), QString());
        const auto warnings = gw.apply_warnings();
        QCOMPARE(warnings.size(), std::size_t(2));
        QCOMPARE(QString::fromStdString(warnings[0]),
                 QStringLiteral("routes 'a-1', 'a-2', 'a-3' and 1 more: max_object_size is 5 MiB, "
                                "but with a cache budget of 4 MiB the cache stores responses up "
                                "to 4 MiB; larger ones are streamed"));
        QCOMPARE(QString::fromStdString(warnings[1]),
                 QStringLiteral("route 'roomy': max_object_size is 8 MiB, but with a cache budget "
                                "of 4 MiB the cache stores responses up to 4 MiB; larger ones "
                                "are streamed"));
        const std::string big = "/c?t=budget-big&size=1000000&h=Cache-Control%3Amax-age%3D60";
        const auto first = http_request(gw.port(), "GET", big);
        QCOMPARE(first.body.size(), std::size_t(1000000));
        QVERIFY2(cache_status_has(first, "stored"), first.header("Cache-Status").c_str());
        QVERIFY(is_hit(http_request(gw.port(), "GET", big)));
        gw.stop();
    }

    void purgeApi()
    {
        const auto a = store("purge-api-1");
        const auto b = store("purge-api-2");
        const std::string echo = "/e/api?cache_control=max-age%3D60";
        QVERIFY(cache_status_has(get(echo), "stored"));
        const auto before = m_gateway.cache_stats().total.purges;
        QCOMPARE(m_gateway.purge_cache_api("7"), std::size_t(2));
        QCOMPARE(m_gateway.cache_stats().total.purges - before, 2u);
        QCOMPARE(m_gateway.cache_stats().per_api.at("7").objects, 0);
        QVERIFY(!is_hit(get(a)));
        QVERIFY(is_hit(get(echo)));
        QCOMPARE(m_gateway.purge_cache_api("no-such-api"), std::size_t(0));
    }

    void purgePrefix()
    {
        for (const char* path : {"/e/a/1", "/e/a/2", "/e/b/1"})
            QVERIFY(
                cache_status_has(get(std::string(path) + "?cache_control=max-age%3D60"), "stored"));
        QCOMPARE(m_gateway.purge_cache_prefix("/e/a/"), std::size_t(2));
        QVERIFY(!is_hit(get("/e/a/1?cache_control=max-age%3D60")));
        QVERIFY(is_hit(get("/e/b/1?cache_control=max-age%3D60")));
        QCOMPARE(m_gateway.purge_cache_prefix("/e/b/", "other.example"), std::size_t(0));
        QCOMPARE(m_gateway.purge_cache_prefix("/e/b/", "127.0.0.1"), std::size_t(1));
    }

    void purgeTag()
    {
        const auto red = store("tag-red", {"Cache-Tag: red, blue"});
        const auto green = store("tag-green", {"Surrogate-Key: blue green"});
        const auto plain = store("tag-none");
        QCOMPARE(m_gateway.purge_cache_tag("blue"), std::size_t(2));
        QCOMPARE(m_gateway.purge_cache_tag("red"), std::size_t(0));
        QVERIFY(!is_hit(get(red)));
        QVERIFY(!is_hit(get(green)));
        QVERIFY(is_hit(get(plain)));
    }

    void flushAll()
    {
        store("flush-1");
        store("flush-2");
        QCOMPARE(m_gateway.cache_stats().total.objects, 2);
        QCOMPARE(m_gateway.flush_cache(), std::size_t(2));
        const auto report = m_gateway.cache_stats();
        QCOMPARE(report.total.objects, 0);
        QCOMPARE(report.total.bytes, 0);
    }

    // A response requested before a purge and arriving after it is not
    // stored: it may be what the purge was for (a POST invalidating the
    // URL while a GET of it was being fetched, an admin's purge during a
    // miss). One requested after the purge is stored as usual.
    void purgeCoversAResponseOnItsWay_data()
    {
        QTest::addColumn<QString>("kind");
        for (const char* kind : {"url", "invalidation", "api", "prefix", "tag", "everything"})
            QTest::newRow(kind) << QString::fromLatin1(kind);
    }

    void purgeCoversAResponseOnItsWay()
    {
        QFETCH(QString, kind);
        respond_args args{"Cache-Control: max-age=60", "Cache-Tag: on-its-way"};
        args.extra = "&delay_ms=600";
        const auto target = respond_target("/c", "on-its-way-" + kind.toStdString(), args);
        const auto before = upstream();
        http_response slow;
        std::thread fetch([&] { slow = get(target); });
        QTRY_VERIFY_WITH_TIMEOUT(upstream() == before + 1, 3000); // at the origin, waiting
        std::uint64_t extra = 0;
        if (kind == QLatin1String("url")) {
            QCOMPARE(m_gateway.purge_cache_url("http://127.0.0.1" + target), std::size_t(0));
        } else if (kind == QLatin1String("invalidation")) {
            // A same-origin Location in a POST's answer invalidates that URI (RFC 9111 §4.4).
            respond_args poster{("Location: " + target).c_str()};
            const auto post = http_request(m_port, "POST", respond_target("/c", "poster", poster));
            QCOMPARE(post.status, 200);
            extra = 1;
        } else if (kind == QLatin1String("api")) {
            m_gateway.purge_cache_api("7");
        } else if (kind == QLatin1String("prefix")) {
            m_gateway.purge_cache_prefix("/c");
        } else if (kind == QLatin1String("tag")) {
            m_gateway.purge_cache_tag("on-its-way");
        } else {
            m_gateway.flush_cache();
        }
        fetch.join();
        QCOMPARE(slow.status, 200);
        QCOMPARE(slow.body, std::string("cached body")); // its client gets it all the same
        // The purge came before the head: it does not announce a store.
        const auto status = slow.header("Cache-Status");
        QVERIFY2(!cache_status_has(slow, "stored"), status.c_str());
        QVERIFY2(cache_status_has(slow, "detail=superseded"), status.c_str());

        const auto after = get(target);
        QCOMPARE(after.status, 200);
        QVERIFY2(!is_hit(after), after.header("Cache-Status").c_str());
        QCOMPARE(upstream(), before + 2 + extra);
        QVERIFY2(is_hit(get(target)), "a response requested after the purge is stored");
        QCOMPARE(upstream(), before + 2 + extra);
    }

    void statisticsPerApi()
    {
        const auto before = m_gateway.cache_stats();
        const auto target = store("stats");
        get(target);
        get(target);
        http_request(m_port, "DELETE", "/c?t=stats-delete");
        const auto after = m_gateway.cache_stats();
        const auto& api = after.per_api.at("7");
        const auto& was = before.per_api.count("7") ? before.per_api.at("7")
                                                    : gateway::cache::cache_stats_snapshot{};
        QCOMPARE(api.misses - was.misses, 1u);
        QCOMPARE(api.hits - was.hits, 2u);
        QCOMPARE(api.stores - was.stores, 1u);
        QCOMPARE(api.bypasses - was.bypasses, 1u);
        QCOMPARE(after.total.hits - before.total.hits, 2u);
        QVERIFY(after.total.hit_ratio() > 0.0);
    }

    void coalescing()
    {
        const auto target =
            respond_target("/c", "coalesce", {{"Cache-Control: max-age=60"}}) + "&delay_ms=300";
        const auto before = upstream();
        constexpr int clients = 100;
        std::vector<http_response> responses(clients);
        std::vector<std::thread> threads;
        for (int i = 0; i < clients; ++i)
            threads.emplace_back([&, i] {
                responses[i] =
                    http_request(m_port, "GET", target, {}, {}, std::chrono::seconds(20));
            });
        for (auto& t : threads)
            t.join();
        int collapsed = 0;
        for (const auto& r : responses) {
            QCOMPARE(r.status, 200);
            QCOMPARE(r.body, std::string("cached body"));
            collapsed += cache_status_has(r, "collapsed") ? 1 : 0;
        }
        QCOMPARE(upstream() - before, 1u);
        QVERIFY(collapsed > 0);
    }

    // An uncacheable response releases every waiter at once: they go
    // upstream in parallel, not one poll interval after another.
    void coalescingUncacheableReleasesWaiters()
    {
        const auto target =
            respond_target("/c", "coalesce-nostore", {{"Cache-Control: no-store"}}) +
            "&delay_ms=300";
        const auto before = upstream();
        constexpr int clients = 20;
        std::vector<http_response> responses(clients);
        std::vector<std::thread> threads;
        QElapsedTimer timer;
        timer.start();
        for (int i = 0; i < clients; ++i)
            threads.emplace_back([&, i] {
                responses[i] =
                    http_request(m_port, "GET", target, {}, {}, std::chrono::seconds(20));
            });
        for (auto& t : threads)
            t.join();
        for (const auto& r : responses)
            QCOMPARE(r.status, 200);
        QCOMPARE(upstream() - before, std::uint64_t(clients));
        QVERIFY2(timer.elapsed() < 3000, QByteArray::number(timer.elapsed()));
    }

    void byteBudgetIsEnforced()
    {
        QVERIFY(!m_gateway.set_cache_options(1000, gateway::cache::eviction_kind::lru).empty());
        constexpr std::size_t budget = 1024 * 1024;
        QCOMPARE(QString::fromStdString(
                     m_gateway.set_cache_options(budget, gateway::cache::eviction_kind::tiny_lfu)),
                 QString());
        QCOMPARE(m_gateway.cache_stats().budget_bytes, budget);
        std::string last;
        for (int i = 0; i < 200; ++i) {
            respond_args args{{"Cache-Control: max-age=60"}};
            args.body.clear();
            args.extra = "&size=10000";
            last = respond_target("/c", "budget-" + std::to_string(i), args);
            const auto r = get(last);
            QCOMPARE(r.status, 200);
            QCOMPARE(r.body.size(), std::size_t(10000));
            const auto report = m_gateway.cache_stats();
            QVERIFY2(report.total.bytes <= std::int64_t(budget),
                     QByteArray::number(qint64(report.total.bytes)));
        }
        const auto report = m_gateway.cache_stats();
        QVERIFY(report.total.evictions > 0);
        QVERIFY(report.total.objects < 200);
        QVERIFY(report.total.bytes > 0);
        QCOMPARE(m_gateway.set_cache_options(8u * 1024 * 1024, gateway::cache::eviction_kind::lru),
                 std::string());
    }
};

QTEST_APPLESS_MAIN(TestCachePurge)
#include "tst_cache_purge.moc"
