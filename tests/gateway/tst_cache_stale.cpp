// SPDX-FileCopyrightText: Gatehouse contributors
// SPDX-License-Identifier: Apache-2.0
#include "gateway/gateway_server.hpp"

#include "cache_fixture.h"
#include "echo_json.h"

#include <QElapsedTimer>
#include <QtTest/QTest>

using namespace gatehouse;
using namespace gatehouse::test;

// Serving stale responses through the real gateway: stale-while-revalidate
// (one background refresh) and stale-if-error (a 5xx or an unreachable
// upstream), each against origins the test can break.
class TestCacheStale : public QObject {
    Q_OBJECT

private:
    gateway::demo_origin m_origin;  // healthy
    gateway::demo_origin m_failing; // answers 500 once the route points at /time
    gateway::demo_origin m_doomed;  // stopped halfway through
    gateway::gateway_server m_gateway;
    std::uint16_t m_port = 0;
    std::uint16_t m_doomedPort = 0;

    http_response get(const std::string& target, const header_list& headers = {})
    {
        return http_request(m_port, "GET", target, headers);
    }

    // `broken`: the /sie5 route leads to a resource that fails with 500.
    gateway::config_snapshot config(bool broken) const
    {
        gateway::config_snapshot config;
        config.upstreams.push_back(make_upstream("origin", {m_origin.port()}));
        config.upstreams.push_back(make_upstream("failing", {m_failing.port()}));
        config.upstreams.push_back(make_upstream("doomed", {m_doomedPort}));
        config.routes.push_back(cached_route("cached", "/c", "origin"));
        config.routes.push_back(cached_route("prefixed", "/pre", "origin", "/echo"));
        config.routes.push_back(
            cached_route("sie5", "/sie5", "failing", broken ? "/time" : "/respond"));
        config.routes.push_back(cached_route("sie", "/sie", "doomed"));
        auto policy = enabled_policy();
        policy.stale_if_error = std::chrono::seconds(60);
        config.routes.push_back(cached_route("policy-sie", "/psie", "doomed", "/respond", policy));
        return config;
    }

private slots:
    void initTestCase()
    {
        QCOMPARE(QString::fromStdString(m_origin.start()), QString());
        QCOMPARE(QString::fromStdString(m_failing.start()), QString());
        QCOMPARE(QString::fromStdString(m_doomed.start()), QString());
        m_failing.set_error_rate(1.0); // /respond is exempt, /time is not
        m_doomedPort = m_doomed.port();
        QCOMPARE(QString::fromStdString(m_gateway.apply(config(false))), QString());
        QCOMPARE(QString::fromStdString(m_gateway.start(test_options())), QString());
        m_port = m_gateway.port();
    }

    void cleanupTestCase()
    {
        m_gateway.stop();
        m_origin.stop();
        m_failing.stop();
        m_doomed.stop();
    }

    void staleWhileRevalidate()
    {
        const auto target = respond_target("/c", "swr",
                                           {{"Cache-Control: max-age=0, stale-while-revalidate=60",
                                             "ETag: \"s1\"", "X-Version: 1"},
                                            {"Cache-Control: max-age=60", "X-Version: 2"}});
        const auto before = m_origin.requests();
        QVERIFY(cache_status_has(get(target), "stored"));
        // Stale: served at once, one refresh goes upstream in the background.
        const auto stale = get(target);
        QCOMPARE(stale.status, 200);
        QCOMPARE(stale.body, std::string("cached body"));
        QCOMPARE(stale.header("X-Version"), std::string("1"));
        QVERIFY2(is_hit(stale), stale.header("Cache-Status").c_str());
        QVERIFY(cache_status_has(stale, "detail=stale-while-revalidate"));
        QTRY_COMPARE_WITH_TIMEOUT(m_origin.requests() - before, 2u, 5000);
        // Refreshed by the 304: fresh, with the merged fields.
        QTRY_VERIFY_WITH_TIMEOUT(get(target).header("X-Version") == "2", 5000);
        const auto fresh = get(target);
        QVERIFY(is_hit(fresh));
        QVERIFY(!cache_status_has(fresh, "detail=stale-while-revalidate"));
        QCOMPARE(m_origin.requests() - before, 2u);
    }

    // A background refresh asks as the request it refreshes for did: the
    // upstream hears the prefix the route takes off (and builds its links
    // with it), so what it answers is right for the stored URL.
    void backgroundRefreshSendsTheRemovedPrefix()
    {
        const std::string target =
            "/pre/x?cache_control=max-age%3D0%2C%20stale-while-revalidate%3D60";
        const auto first = get(target);
        QVERIFY(cache_status_has(first, "stored"));
        QCOMPARE(echoed_header(first, "x-forwarded-prefix"), QStringLiteral("/pre"));
        QVERIFY(!echoed_header(first, "x-request-id").isEmpty());
        QVERIFY(is_hit(get(target))); // stale: one refresh goes upstream
        // The refresh's answer (it carries no request id) replaces the entry.
        QTRY_VERIFY_WITH_TIMEOUT(echoed_header(get(target), "x-request-id").isEmpty(), 5000);
        QCOMPARE(echoed_header(get(target), "x-forwarded-prefix"), QStringLiteral("/pre"));
        // Each stale answer above started a refresh: let the last one end
        // before the next test counts the origin's requests.
        QElapsedTimer waited;
        waited.start();
        for (auto seen = m_origin.requests(); waited.elapsed() < 5000;) {
            QTest::qWait(300);
            const auto now = m_origin.requests();
            if (now == seen)
                break;
            seen = now;
        }
    }

    void staleWhileRevalidateRefreshesOnce()
    {
        // Without validators the refresh is a full GET; the origin answers
        // slowly, so every request below arrives while it is in flight.
        const auto target =
            respond_target("/c", "swr-once",
                           {{"Cache-Control: max-age=0, stale-while-revalidate=60"}}) +
            "&delay_ms=1000";
        const auto before = m_origin.requests();
        const auto refreshed = m_gateway.cache_stats().total.revalidated_200;
        get(target);
        for (int i = 0; i < 5; ++i) {
            const auto r = get(target);
            QCOMPARE(r.status, 200);
            QVERIFY(is_hit(r));
        }
        // The one refresh reaches the origin and ends (counted as a
        // revalidation that brought a new response); nothing else went.
        QTRY_COMPARE_WITH_TIMEOUT(m_origin.requests() - before, 2u, 5000);
        QTRY_COMPARE_WITH_TIMEOUT(m_gateway.cache_stats().total.revalidated_200 - refreshed, 1u,
                                  5000);
        QCOMPARE(m_origin.requests() - before, 2u);
    }

    // A background refresh still waiting for a slow upstream does not hold
    // up stopping the gateway.
    void stopDuringBackgroundRefresh()
    {
        gateway::gateway_server gw;
        gateway::config_snapshot config;
        config.upstreams.push_back(make_upstream("origin", {m_origin.port()}));
        config.routes.push_back(cached_route("cached", "/c", "origin"));
        QCOMPARE(QString::fromStdString(gw.apply(config)), QString());
        QCOMPARE(QString::fromStdString(gw.start(test_options())), QString());
        // The first answer is quick; the refresh asks for the same URL and
        // waits as long, so make the origin slow only afterwards.
        const auto target = respond_target(
            "/c", "swr-stop", {{"Cache-Control: max-age=0, stale-while-revalidate=60"}});
        QVERIFY(cache_status_has(http_request(gw.port(), "GET", target), "stored"));
        m_origin.set_latency(std::chrono::milliseconds(4000));
        const auto before = m_origin.requests();
        const auto stale = http_request(gw.port(), "GET", target);
        QVERIFY(is_hit(stale));
        // The refresh has reached the origin and waits there.
        QTRY_COMPARE_WITH_TIMEOUT(m_origin.requests() - before, 1u, 3000);
        QElapsedTimer timer;
        timer.start();
        gw.stop(std::chrono::milliseconds(0));
        m_origin.set_latency(std::chrono::milliseconds(0));
        QVERIFY2(timer.elapsed() < 3000, QByteArray::number(timer.elapsed()));
    }

    void staleIfErrorOn5xx()
    {
        const auto target =
            respond_target("/sie5", "sie5", {{"Cache-Control: max-age=0, stale-if-error=60"}});
        const auto plain = respond_target("/sie5", "sie5-plain", {{"Cache-Control: max-age=0"}});
        QVERIFY(cache_status_has(get(target), "stored"));
        QVERIFY(cache_status_has(get(plain), "stored"));
        QCOMPARE(QString::fromStdString(m_gateway.apply(config(true))), QString());
        const auto stale = get(target);
        QCOMPARE(stale.status, 200);
        QCOMPARE(stale.body, std::string("cached body"));
        QVERIFY2(cache_status_has(stale, "fwd=stale"), stale.header("Cache-Status").c_str());
        QVERIFY(cache_status_has(stale, "fwd-status=500"));
        QVERIFY(cache_status_has(stale, "detail=stale-if-error"));
        QVERIFY(stale.has_header("Age"));
        // Without stale-if-error the error goes through.
        QCOMPARE(get(plain).status, 500);
        // The client may also ask for it.
        const auto asked = get(plain, {{"Cache-Control", "stale-if-error=60"}});
        QCOMPARE(asked.status, 200);
        QVERIFY(cache_status_has(asked, "detail=stale-if-error"));
        QCOMPARE(QString::fromStdString(m_gateway.apply(config(false))), QString());
    }

    void staleIfErrorWhenUnreachable()
    {
        const auto target =
            respond_target("/sie", "sie", {{"Cache-Control: max-age=0, stale-if-error=60"}});
        const auto policy = respond_target("/psie", "psie", {{"Cache-Control: max-age=0"}});
        const auto plain = respond_target("/sie", "sie-plain", {{"Cache-Control: max-age=0"}});
        const auto strict =
            respond_target("/sie", "sie-strict",
                           {{"Cache-Control: max-age=0, must-revalidate, stale-if-error=60"}});
        for (const auto& t : {target, policy, plain, strict})
            QVERIFY(cache_status_has(get(t), "stored"));
        m_doomed.stop();
        const auto stale = get(target);
        QCOMPARE(stale.status, 200);
        QCOMPARE(stale.body, std::string("cached body"));
        QVERIFY(cache_status_has(stale, "detail=stale-if-error"));
        QCOMPARE(get(policy).status, 200); // the API's policy allows it
        QCOMPARE(get(plain).status, 502);
        QCOMPARE(get(strict).status, 502); // must-revalidate forbids serving stale
    }
};

QTEST_APPLESS_MAIN(TestCacheStale)
#include "tst_cache_stale.moc"
