// SPDX-FileCopyrightText: Gatehouse contributors
// SPDX-License-Identifier: Apache-2.0
#include "gateway/gateway_server.hpp"

#include "gateway_fixture.h"
#include "tests/support/test_http.h"

#include <QtTest/QTest>

using namespace gatehouse;
using namespace gatehouse::test;
using namespace std::chrono_literals;

namespace {

// A name that never resolves (RFC 6761 reserves .invalid).
const std::string unresolvable = "http://gatehouse-no-such-host.invalid:8080";

const gateway::target_health* targetNamed(const gateway::stats_snapshot& stats,
                                          const std::string& url)
{
    for (const auto& t : stats.targets)
        if (t.url == url)
            return &t;
    return nullptr;
}

} // namespace

// An upstream whose host name does not resolve must not take the rest of the
// configuration down with it: in a shared catalog one team's typo would
// otherwise stop every other team's changes from reaching the gateway.
class TestUpstreamResolution : public QObject {
    Q_OBJECT

private:
    gateway::demo_origin m_origin;

    gateway::config_snapshot twoUpstreams() const
    {
        gateway::config_snapshot config;
        config.upstreams.push_back(make_upstream("good", {m_origin.port()}));
        gateway::upstream_config bad;
        bad.name = "bad";
        bad.targets.push_back({unresolvable, 1});
        config.upstreams.push_back(bad);
        config.routes.push_back(make_route("good", "/good", "good"));
        config.routes.push_back(make_route("bad", "/bad", "bad"));
        config.routes.back().strip_prefix = true;
        config.routes.front().strip_prefix = true;
        return config;
    }

private slots:
    void initTestCase() { QCOMPARE(QString::fromStdString(m_origin.start()), QString()); }

    void unresolvableUpstreamDoesNotBlockTheRest()
    {
        gateway::gateway_server gw;
        QCOMPARE(QString::fromStdString(gw.apply(twoUpstreams())), QString());
        const auto warnings = gw.apply_warnings();
        QCOMPARE(warnings.size(), std::size_t(1));
        QVERIFY2(warnings.front().find("upstream 'bad': cannot resolve "
                                       "'gatehouse-no-such-host.invalid'") == 0,
                 warnings.front().c_str());
        QCOMPARE(QString::fromStdString(gw.start(test_options())), QString());

        QCOMPARE(http_request(gw.port(), "GET", "/good/health").status, 200);
        const auto bad = http_request(gw.port(), "GET", "/bad/health");
        QCOMPARE(bad.status, 502);

        const auto stats = gw.stats();
        const auto* badTarget = targetNamed(stats, unresolvable);
        QVERIFY(badTarget);
        QVERIFY(!badTarget->healthy);
        QVERIFY2(badTarget->problem.find("cannot resolve") == 0, badTarget->problem.c_str());
        const auto* goodTarget = targetNamed(stats, origin_url(m_origin.port()));
        QVERIFY(goodTarget);
        QVERIFY(goodTarget->healthy);
        QVERIFY(goodTarget->problem.empty());
        gw.stop(0ms);
    }

    void resolvableTargetsOfTheSameUpstreamCarryTheTraffic()
    {
        gateway::config_snapshot config;
        auto up = make_upstream("mixed", {m_origin.port()});
        up.targets.insert(up.targets.begin(), {unresolvable, 1});
        config.upstreams.push_back(up);
        config.routes.push_back(make_route("all", "/", "mixed"));
        gateway::gateway_server gw;
        QCOMPARE(QString::fromStdString(gw.apply(config)), QString());
        QCOMPARE(QString::fromStdString(gw.start(test_options())), QString());
        for (int i = 0; i < 10; ++i)
            QCOMPARE(http_request(gw.port(), "GET", "/health").status, 200);
        gw.stop(0ms);
    }

    // While a target is unresolved the gateway recompiles in the background
    // to look it up again; once everything resolves it stops doing so.
    void lookupsAreRetriedOnlyWhileNeeded()
    {
        auto options = test_options();
        options.resolve_retry_interval = 20ms;
        gateway::gateway_server gw;
        QCOMPARE(QString::fromStdString(gw.apply(twoUpstreams())), QString());
        QCOMPARE(QString::fromStdString(gw.start(options)), QString());
        const auto first = gw.stats().config_generation;
        QTRY_VERIFY_WITH_TIMEOUT(gw.stats().config_generation >= first + 3, 5000);
        QCOMPARE(http_request(gw.port(), "GET", "/good/health").status, 200);
        QVERIFY(!gw.apply_warnings().empty());

        gateway::config_snapshot resolvable;
        resolvable.upstreams.push_back(make_upstream("good", {m_origin.port()}));
        resolvable.routes.push_back(make_route("good", "/good", "good"));
        resolvable.routes.back().strip_prefix = true;
        QCOMPARE(QString::fromStdString(gw.apply(resolvable)), QString());
        QVERIFY(gw.apply_warnings().empty());
        const auto settled = gw.stats().config_generation;
        QTest::qWait(200); // ten retry intervals
        QCOMPARE(gw.stats().config_generation, settled);
        gw.stop(0ms);
    }

    void badUrlIsStillRefused()
    {
        gateway::config_snapshot config;
        gateway::upstream_config up;
        up.name = "broken";
        up.targets.push_back({"ftp://example/", 1});
        config.upstreams.push_back(up);
        config.routes.push_back(make_route("all", "/", "broken"));
        gateway::gateway_server gw;
        QVERIFY(!gw.apply(config).empty());
    }
};

QTEST_GUILESS_MAIN(TestUpstreamResolution)
#include "tst_upstream_resolution.moc"
