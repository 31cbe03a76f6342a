// SPDX-FileCopyrightText: Gatehouse contributors
// SPDX-License-Identifier: Apache-2.0
#include "gateway/gateway_server.hpp"

#include "gateway_fixture.h"
#include "tests/support/test_http.h"

#include <QElapsedTimer>
#include <QScopeGuard>
#include <QtTest/QTest>

#include <atomic>
#include <condition_variable>
#include <future>
#include <mutex>
#include <thread>

using namespace gatehouse;
using namespace gatehouse::test;
using namespace std::chrono_literals;

namespace {

// A name that never resolves (RFC 6761 reserves .invalid).
const std::string unresolvable = "http://gatehouse-no-such-host.invalid:8080";

// What the injected resolver answers for "origin.gatehouse.test", changed by
// the test while the gateway runs; an empty address fails the lookup.
class ChangingResolver {
public:
    explicit ChangingResolver(std::string address)
        : m_address(std::move(address))
    {
    }
    void answer(std::string address)
    {
        std::lock_guard lock(m_mutex);
        m_address = std::move(address);
    }
    int lookups() const { return m_lookups.load(); }
    gateway::gateway_server::host_resolver resolver()
    {
        return [this](const std::string& host, std::uint16_t, std::string& error) {
            ++m_lookups;
            std::lock_guard lock(m_mutex);
            if (host != "origin.gatehouse.test" || m_address.empty()) {
                error = "Host not found";
                return std::vector<std::string>{};
            }
            return std::vector<std::string>{m_address};
        };
    }

private:
    mutable std::mutex m_mutex;
    std::string m_address;
    std::atomic<int> m_lookups{0};
};

// A resolver whose lookups hang until the test releases them, then answer
// `address` for "origin.gatehouse.test" (nothing: the name does not
// resolve).
class GatedResolver {
public:
    void release(std::string address)
    {
        {
            std::lock_guard lock(m_mutex);
            if (m_released)
                return;
            m_released = true;
            m_address = std::move(address);
        }
        m_cv.notify_all();
    }
    int lookups() const { return m_lookups.load(); }
    gateway::gateway_server::host_resolver resolver()
    {
        return [this](const std::string& host, std::uint16_t, std::string& error) {
            ++m_lookups;
            std::unique_lock lock(m_mutex);
            m_cv.wait_for(lock, 20s, [this] { return m_released; });
            if (host != "origin.gatehouse.test" || m_address.empty()) {
                error = "Host not found";
                return std::vector<std::string>{};
            }
            return std::vector<std::string>{m_address};
        };
    }

private:
    std::mutex m_mutex;
    std::condition_variable m_cv;
    bool m_released = false;
    std::string m_address;
    std::atomic<int> m_lookups{0};
};

// One upstream whose only target is named "origin.gatehouse.test".
gateway::config_snapshot namedOrigin(std::uint16_t port, std::chrono::milliseconds refresh)
{
    gateway::config_snapshot config;
    gateway::upstream_config up;
    up.name = "named";
    up.targets.push_back({"http://origin.gatehouse.test:" + std::to_string(port), 1});
    up.connect_timeout = 1000ms;
    config.upstreams.push_back(up);
    config.routes.push_back(make_route("named", "/", "named"));
    config.dns_refresh_interval = refresh;
    return config;
}

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

    // A gateway whose resolver hangs (GatedResolver), and a call to it. The
    // lookup is released before the gateway goes: its resolver thread must
    // not be left in it.
    struct CallDuringLookup {
        GatedResolver dns;
        gateway::gateway_server gw;
        std::future<http_response> call;
        CallDuringLookup() { gw.set_host_resolver(dns.resolver()); }
        ~CallDuringLookup() { dns.release(""); }
    };

    // Starts `l.gw` with the named origin, its connect timeout `wait`, and
    // makes `l.call` once the lookup hangs; returns when the gateway holds
    // the call.
    void callDuringLookup(CallDuringLookup& l, std::chrono::milliseconds wait)
    {
        QCOMPARE(QString::fromStdString(l.gw.start(test_options())), QString());
        auto config = namedOrigin(m_origin.port(), 0ms);
        config.upstreams.front().connect_timeout = wait;
        QCOMPARE(QString::fromStdString(l.gw.apply(config)), QString());
        QTRY_COMPARE_WITH_TIMEOUT(l.dns.lookups(), 1, 5000); // hangs now
        l.call = std::async(std::launch::async,
                            [&gw = l.gw] { return http_request(gw.port(), "GET", "/health"); });
        QTRY_COMPARE_WITH_TIMEOUT(l.gw.stats().active_connections, std::uint64_t(1), 5000);
    }

private slots:
    void initTestCase() { QCOMPARE(QString::fromStdString(m_origin.start()), QString()); }

    void unresolvableUpstreamDoesNotBlockTheRest()
    {
        gateway::gateway_server gw;
        QCOMPARE(QString::fromStdString(gw.apply(twoUpstreams())), QString());
        // The lookup runs in the background; the warning follows it.
        const auto warned = [&gw] {
            const auto warnings = gw.apply_warnings();
            return warnings.size() == 1 &&
                   warnings.front().find("upstream 'bad': cannot resolve "
                                         "'gatehouse-no-such-host.invalid'") == 0;
        };
        QTRY_VERIFY_WITH_TIMEOUT(warned(), 10000);
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

    // DNS never holds up apply() nor anything behind a lock: with a lookup
    // that hangs, apply() returns at once, the target says it is being
    // looked up, another apply() goes through meanwhile, and once the name
    // resolves the target carries traffic without another apply().
    void slowLookupBlocksNobody()
    {
        std::mutex mutex;
        std::condition_variable released_cv;
        bool released = false;
        std::atomic<int> lookups{0};
        gateway::gateway_server gw;
        gw.set_host_resolver([&](const std::string& host, std::uint16_t, std::string& error) {
            ++lookups;
            std::unique_lock lock(mutex);
            released_cv.wait_for(lock, 20s, [&] { return released; });
            if (host != "origin.gatehouse.test") {
                error = "Host not found";
                return std::vector<std::string>{};
            }
            return std::vector<std::string>{"127.0.0.1"};
        });
        const auto release = [&] {
            {
                std::lock_guard lock(mutex);
                released = true;
            }
            released_cv.notify_all();
        };
        const auto cleanup = qScopeGuard(release); // never leave the resolver hanging
        std::atomic<int> hooked{0};
        gw.set_lookups_hook([&hooked] { ++hooked; });

        const std::string named = "http://origin.gatehouse.test:" + std::to_string(m_origin.port());
        gateway::config_snapshot config;
        gateway::upstream_config up;
        up.name = "named";
        up.targets.push_back({named, 1});
        up.connect_timeout = 300ms; // how long a call waits for the lookup
        config.upstreams.push_back(up);
        config.routes.push_back(make_route("named", "/", "named"));
        QCOMPARE(QString::fromStdString(gw.start(test_options())), QString());

        QElapsedTimer timer;
        timer.start();
        QCOMPARE(QString::fromStdString(gw.apply(config)), QString());
        QVERIFY2(timer.elapsed() < 500, qPrintable(QString::number(timer.elapsed())));
        QTRY_COMPARE_WITH_TIMEOUT(lookups.load(), 1, 5000); // the lookup hangs now
        const auto waiting = gw.stats();
        const auto* pending = targetNamed(waiting, named);
        QVERIFY(pending);
        QVERIFY(!pending->healthy);
        QCOMPARE(QString::fromStdString(pending->problem),
                 QStringLiteral("looking up 'origin.gatehouse.test'"));
        // A call waits for the answer as long as a connect may take.
        const auto unanswered = http_request(gw.port(), "GET", "/health");
        QCOMPARE(unanswered.status, 502);
        QVERIFY2(unanswered.body.find("looking up 'origin.gatehouse.test': no answer within "
                                      "the connect timeout") != std::string::npos,
                 unanswered.body.c_str());

        // The resolver thread waits in DNS holding no lock: applying again
        // (the same snapshot: its target is still waiting) returns at once.
        timer.restart();
        QCOMPARE(QString::fromStdString(gw.apply(config)), QString());
        QVERIFY2(timer.elapsed() < 500, qPrintable(QString::number(timer.elapsed())));
        QVERIFY(gw.apply_warnings().empty()); // a lookup still to come is no warning

        release();
        QTRY_VERIFY_WITH_TIMEOUT(hooked.load() >= 1, 5000);
        const auto resolvedNow = [&] {
            const auto stats = gw.stats();
            const auto* t = targetNamed(stats, named);
            return t && t->healthy && t->problem.empty();
        };
        QTRY_VERIFY_WITH_TIMEOUT(resolvedNow(), 5000);
        QVERIFY(gw.apply_warnings().empty());
        QCOMPARE(http_request(gw.port(), "GET", "/health").status, 200);
        gw.stop(0ms);
    }

    // A call to a name whose first lookup has not answered yet (its
    // upstream was applied a moment ago) waits for the answer instead of
    // failing: served once the name resolves, a 502 saying why when it
    // does not.
    void callsWaitForAFirstLookup_data()
    {
        QTest::addColumn<QString>("answer");
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("detail");
        QTest::newRow("resolves") << QStringLiteral("127.0.0.1") << 200 << QString();
        QTest::newRow("does not resolve")
            << QString() << 502
            << QStringLiteral("cannot resolve 'origin.gatehouse.test': Host not found");
    }
    void callsWaitForAFirstLookup()
    {
        QFETCH(QString, answer);
        QFETCH(int, status);
        QFETCH(QString, detail);
        CallDuringLookup l;
        callDuringLookup(l, 10s);
        if (QTest::currentTestFailed())
            return;
        QTest::qWait(100);
        QVERIFY2(l.call.wait_for(0s) == std::future_status::timeout, "answered before the lookup");
        l.dns.release(answer.toStdString());
        QVERIFY(l.call.wait_for(10s) == std::future_status::ready);
        const auto reply = l.call.get();
        QCOMPARE(reply.status, status);
        if (!detail.isEmpty())
            QVERIFY2(reply.body.find(detail.toStdString()) != std::string::npos,
                     reply.body.c_str());
        l.gw.stop(0ms);
    }

    // An upstream added by name under load: the calls to it that come at
    // once, while its name is being looked up, are served, none fails.
    void newNamedUpstreamFailsNoCall()
    {
        gateway::gateway_server gw;
        gw.set_host_resolver([](const std::string& host, std::uint16_t, std::string& error) {
            std::this_thread::sleep_for(50ms); // a real name server takes a while
            if (host != "origin.gatehouse.test") {
                error = "Host not found";
                return std::vector<std::string>{};
            }
            return std::vector<std::string>{"127.0.0.1"};
        });
        gateway::config_snapshot before;
        before.upstreams.push_back(make_upstream("good", {m_origin.port()}));
        before.routes.push_back(make_route("good", "/", "good"));
        QCOMPARE(QString::fromStdString(gw.apply(before)), QString());
        QCOMPARE(QString::fromStdString(gw.start(test_options())), QString());

        auto after = before;
        auto named = namedOrigin(m_origin.port(), 0ms);
        after.upstreams.push_back(named.upstreams.front());
        after.routes.push_back(make_route("named", "/named", "named"));
        after.routes.back().strip_prefix = true;
        QCOMPARE(QString::fromStdString(gw.apply(after)), QString());
        std::vector<std::future<std::vector<int>>> clients;
        for (int c = 0; c < 4; ++c)
            clients.push_back(std::async(std::launch::async, [&gw] {
                std::vector<int> statuses;
                for (int i = 0; i < 10; ++i)
                    statuses.push_back(http_request(gw.port(), "GET", "/named/health").status);
                return statuses;
            }));
        for (auto& client : clients)
            QCOMPARE(client.get(), std::vector<int>(10, 200));
        gw.stop(0ms);
    }

    // Stopping does not wait for a lookup a call is waiting for.
    void stopDoesNotWaitForALookup()
    {
        CallDuringLookup l;
        callDuringLookup(l, 20s);
        if (QTest::currentTestFailed())
            return;
        QElapsedTimer timer;
        timer.start();
        l.gw.stop(0ms);
        // Without waking the call, stop() gives up on it only after its
        // two-second grace period.
        QVERIFY2(timer.elapsed() < 1500, qPrintable(QString::number(timer.elapsed())));
        QVERIFY(l.call.wait_for(5s) == std::future_status::ready);
        QCOMPARE(l.call.get().status, 0); // closed, not answered
    }

    // An IP address needs no lookup: its target works as soon as apply()
    // returns, even while the resolver is unusable.
    void addressesNeedNoLookup()
    {
        gateway::gateway_server gw;
        gw.set_host_resolver([](const std::string&, std::uint16_t, std::string& error) {
            error = "must not be asked";
            return std::vector<std::string>{};
        });
        QCOMPARE(QString::fromStdString(gw.start(test_options())), QString());
        gateway::config_snapshot config;
        config.upstreams.push_back(make_upstream("good", {m_origin.port()}));
        config.routes.push_back(make_route("good", "/", "good"));
        QCOMPARE(QString::fromStdString(gw.apply(config)), QString());
        QVERIFY(gw.apply_warnings().empty());
        QCOMPARE(http_request(gw.port(), "GET", "/health").status, 200);
        gw.stop(0ms);
    }

    // The name moves to another address: after the refresh interval new
    // requests go there, none fails on the way (a client keeps calling
    // throughout), and the pooled connections to the old address close. An
    // unchanged answer swaps nothing.
    void changedAddressIsFollowed()
    {
        gateway::demo_origin before;
        gateway::demo_origin after;
        QCOMPARE(QString::fromStdString(before.start("127.0.0.1", 0)), QString());
        // The same port on another loopback address: only DNS tells them apart.
        QCOMPARE(QString::fromStdString(after.start("127.0.0.2", before.port())), QString());
        ChangingResolver dns("127.0.0.1");
        gateway::gateway_server gw;
        gw.set_host_resolver(dns.resolver());
        QCOMPARE(QString::fromStdString(gw.start(test_options())), QString());
        QCOMPARE(QString::fromStdString(gw.apply(namedOrigin(before.port(), 100ms))), QString());
        QTRY_COMPARE_WITH_TIMEOUT(http_request(gw.port(), "GET", "/health").status, 200, 5000);
        for (int i = 0; i < 5; ++i)
            QCOMPARE(http_request(gw.port(), "GET", "/health").status, 200);
        QVERIFY(before.requests() >= 6);
        QCOMPARE(after.requests(), std::uint64_t(0));
        QVERIFY(before.open_connections() >= 1); // the gateway keeps one for reuse

        // Refreshes with the same answer change nothing.
        const auto generation = gw.stats().config_generation;
        const int looked = dns.lookups();
        QTRY_VERIFY_WITH_TIMEOUT(dns.lookups() >= looked + 3, 5000);
        QCOMPARE(gw.stats().config_generation, generation);
        QVERIFY(gw.apply_warnings().empty());

        std::atomic<bool> calling{true};
        std::atomic<int> calls{0};
        std::atomic<int> failed{0};
        std::thread client([&] {
            while (calling.load()) {
                ++calls;
                if (http_request(gw.port(), "GET", "/products?limit=2").status != 200)
                    ++failed;
            }
        });
        auto joinClient = qScopeGuard([&] {
            calling = false;
            client.join();
        });
        QTRY_VERIFY_WITH_TIMEOUT(calls.load() >= 20, 5000);
        dns.answer("127.0.0.2");
        QTRY_VERIFY_WITH_TIMEOUT(after.requests() >= 20, 10000);
        joinClient.dismiss();
        calling = false;
        client.join();
        QCOMPARE(failed.load(), 0);
        QVERIFY(gw.stats().config_generation > generation);

        // Everything goes to the new address now; the old one is let go.
        const auto oldServed = before.requests();
        const auto newServed = after.requests();
        for (int i = 0; i < 10; ++i)
            QCOMPARE(http_request(gw.port(), "GET", "/health").status, 200);
        QCOMPARE(before.requests(), oldServed);
        QCOMPARE(after.requests(), newServed + 10);
        QTRY_COMPARE_WITH_TIMEOUT(before.open_connections(), std::uint64_t(0), 5000);
        QVERIFY(gw.apply_warnings().empty());
        const auto stats = gw.stats();
        const auto* target =
            targetNamed(stats, "http://origin.gatehouse.test:" + std::to_string(before.port()));
        QVERIFY(target);
        QVERIFY(target->healthy);
        QVERIFY(target->problem.empty());
        // The counters the console shows carry over to the new addresses.
        QVERIFY2(target->requests >= std::uint64_t(calls.load()),
                 qPrintable(QString::number(target->requests)));
        gw.stop(0ms);
    }

    // A refresh that fails serves stale: traffic keeps flowing to the last
    // good address, the warning says why (through the hook the console
    // listens to), and goes once the name resolves again.
    void failedRefreshKeepsTheLastAddress()
    {
        ChangingResolver dns("127.0.0.1");
        gateway::gateway_server gw;
        gw.set_host_resolver(dns.resolver());
        std::atomic<int> hooked{0};
        gw.set_lookups_hook([&hooked] { ++hooked; });
        QCOMPARE(QString::fromStdString(gw.start(test_options())), QString());
        QCOMPARE(QString::fromStdString(gw.apply(namedOrigin(m_origin.port(), 100ms))), QString());
        QTRY_COMPARE_WITH_TIMEOUT(http_request(gw.port(), "GET", "/health").status, 200, 5000);
        QVERIFY(gw.apply_warnings().empty());

        const int hooks = hooked.load();
        dns.answer({});
        const auto warned = [&gw] {
            const auto warnings = gw.apply_warnings();
            return warnings.size() == 1 &&
                   warnings.front() == "upstream 'named': cannot refresh 'origin.gatehouse.test': "
                                       "Host not found (still using the last addresses)";
        };
        QTRY_VERIFY_WITH_TIMEOUT(warned(), 5000);
        QVERIFY(hooked.load() > hooks);
        // Failing lookups keep being made, and traffic keeps flowing.
        const int looked = dns.lookups();
        const auto served = m_origin.requests();
        for (int i = 0; i < 10; ++i)
            QCOMPARE(http_request(gw.port(), "GET", "/health").status, 200);
        QCOMPARE(m_origin.requests(), served + 10);
        QTRY_VERIFY_WITH_TIMEOUT(dns.lookups() >= looked + 2, 5000);
        QVERIFY(warned());
        const auto stats = gw.stats();
        const auto* target =
            targetNamed(stats, "http://origin.gatehouse.test:" + std::to_string(m_origin.port()));
        QVERIFY(target);
        QVERIFY(target->healthy);
        // The target's own report says so too, apart from a name that never
        // resolved (which has no addresses at all).
        QCOMPARE(target->refresh_error, std::string("Host not found"));
        QVERIFY(target->problem.empty());

        dns.answer("127.0.0.1");
        QTRY_VERIFY_WITH_TIMEOUT(gw.apply_warnings().empty(), 5000);
        QCOMPARE(http_request(gw.port(), "GET", "/health").status, 200);
        const auto recovered = gw.stats();
        const auto* again = targetNamed(recovered, "http://origin.gatehouse.test:" +
                                                       std::to_string(m_origin.port()));
        QVERIFY(again);
        QVERIFY(again->refresh_error.empty());
        gw.stop(0ms);
    }

    // Interval 0: a name is looked up when the configuration is applied and
    // never again, whatever DNS says later. The same set-up with an interval
    // follows the change, so the wait below would have seen a refresh.
    void zeroIntervalNeverRefreshes()
    {
        gateway::demo_origin after;
        QCOMPARE(QString::fromStdString(after.start("127.0.0.2", m_origin.port())), QString());
        ChangingResolver dns("127.0.0.1");
        gateway::gateway_server gw;
        gw.set_host_resolver(dns.resolver());
        QCOMPARE(QString::fromStdString(gw.start(test_options())), QString());
        QCOMPARE(QString::fromStdString(gw.apply(namedOrigin(m_origin.port(), 0ms))), QString());
        QTRY_COMPARE_WITH_TIMEOUT(http_request(gw.port(), "GET", "/health").status, 200, 5000);
        QCOMPARE(dns.lookups(), 1);
        const auto generation = gw.stats().config_generation;
        dns.answer("127.0.0.2");
        QTest::qWait(500); // ten refresh intervals of the run below
        QCOMPARE(dns.lookups(), 1);
        QCOMPARE(gw.stats().config_generation, generation);
        const auto served = m_origin.requests();
        QCOMPARE(http_request(gw.port(), "GET", "/health").status, 200);
        QCOMPARE(m_origin.requests(), served + 1);
        QCOMPARE(after.requests(), std::uint64_t(0));

        QCOMPARE(QString::fromStdString(gw.apply(namedOrigin(m_origin.port(), 50ms))), QString());
        QTRY_VERIFY_WITH_TIMEOUT(dns.lookups() >= 2, 5000);
        QTRY_VERIFY_WITH_TIMEOUT(
            http_request(gw.port(), "GET", "/health").status == 200 && after.requests() > 0, 5000);
        gw.stop(0ms);
    }

    void negativeIntervalIsRefused()
    {
        gateway::gateway_server gw;
        const std::string error = gw.apply(namedOrigin(m_origin.port(), -1ms));
        QVERIFY2(error.find("dns_refresh_interval must not be negative") != std::string::npos,
                 error.c_str());
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
