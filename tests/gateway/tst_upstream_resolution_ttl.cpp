// SPDX-FileCopyrightText: Gatehouse contributors
// SPDX-License-Identifier: Apache-2.0
#include "gateway/runtime_config.hpp"

#include "dns_responder.h"
#include "gateway_fixture.h"
#include "tests/support/test_http.h"

#include <QTemporaryDir>
#include <QtTest/QTest>

#include <fstream>

using namespace gatehouse;
using namespace gatehouse::test;
using namespace std::chrono_literals;

namespace {

const std::string testName = "origin.gatehouse.test";

gateway::config_snapshot namedOrigin(std::uint16_t port, std::chrono::milliseconds refresh)
{
    gateway::config_snapshot config;
    gateway::upstream_config up;
    up.name = "named";
    up.targets.push_back({"http://" + testName + ":" + std::to_string(port), 1});
    up.connect_timeout = 1000ms;
    config.upstreams.push_back(up);
    config.routes.push_back(make_route("named", "/", "named"));
    config.dns_refresh_interval = refresh;
    return config;
}

// The gateway asks `dns` for host names, through its real lookup.
gateway::gateway_options askingResponder(const dns_responder& dns)
{
    auto options = test_options();
    options.test_dns_server = "127.0.0.1";
    options.test_dns_port = dns.port();
    options.resolve_retry_interval = 1000ms;
    return options;
}

gateway::target_health targetOf(const gateway::gateway_server& gw, std::uint16_t port)
{
    const auto url = "http://" + testName + ":" + std::to_string(port);
    for (const auto& t : gw.stats().targets)
        if (t.url == url)
            return t;
    return {};
}

qint64 millisecondsBetween(std::chrono::steady_clock::time_point from,
                           std::chrono::steady_clock::time_point to)
{
    return std::chrono::duration_cast<std::chrono::milliseconds>(to - from).count();
}

} // namespace

// Upstream names are looked up again when their DNS answer expires (its
// TTL), at the latest after dns_refresh_interval, against a real name server
// on 127.0.0.1 that the gateway's own lookup (glibc's resolver) asks.
class TestUpstreamResolutionTtl : public QObject {
    Q_OBJECT

private:
    gateway::demo_origin m_origin;

    // Waits for `more` further A queries and returns the gaps between the
    // last `more` + 1 of them, in milliseconds.
    static std::vector<qint64> nextGaps(const dns_responder& dns, int more)
    {
        const int before = dns.queries();
        [&] {
            QTRY_VERIFY_WITH_TIMEOUT(dns.queries() >= before + more, 20000);
        }();
        const auto times = dns.query_times();
        std::vector<qint64> gaps;
        for (std::size_t i = std::max(before, 1);
             i < std::size_t(before + more) && i < times.size(); ++i)
            gaps.push_back(millisecondsBetween(times[i - 1], times[i]));
        return gaps;
    }

private slots:
    void initTestCase() { QCOMPARE(QString::fromStdString(m_origin.start()), QString()); }

    // The lookup itself: the addresses DNS gives and the smallest TTL among
    // them; an IP address and a name of /etc/hosts have no TTL.
    void lookupLearnsTheTtl()
    {
        dns_responder dns(testName);
        QVERIFY(dns.port() != 0);
        dns.answer({{"127.0.0.1", 7}, {"127.0.0.3", 3}, {"127.0.0.4", 90}});
        const gateway::dns_server server{"127.0.0.1", dns.port()};
        const auto found = gateway::system_lookup(testName, 8080, server);
        QCOMPARE(QString::fromStdString(found.error), QString());
        QCOMPARE(found.endpoints.size(), std::size_t(3));
        QCOMPARE(found.endpoints.front().address().to_string(), std::string("127.0.0.1"));
        QCOMPARE(found.endpoints.front().port(), std::uint16_t(8080));
        QVERIFY(found.ttl);
        QCOMPARE(qint64(found.ttl->count()), qint64(3));
        QCOMPARE(dns.queries(), 1);

        const auto literal = gateway::system_lookup("127.0.0.5", 80, server);
        QCOMPARE(literal.endpoints.size(), std::size_t(1));
        QVERIFY(!literal.ttl);
        QCOMPARE(dns.queries(), 1);

        const auto listed = gateway::system_lookup("localhost", 80);
        QVERIFY(!listed.endpoints.empty());
        QVERIFY(listed.endpoints.front().address().is_loopback());
        QVERIFY(!listed.ttl);

        const auto unknown = gateway::system_lookup("nowhere.gatehouse.test", 80, server);
        QVERIFY(unknown.endpoints.empty());
        QCOMPARE(QString::fromStdString(unknown.error),
                 QStringLiteral("Host not found (NXDOMAIN)"));
        QVERIFY(!unknown.ttl);
    }

    void hostsFileIsReadAsGlibcDoes()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const std::string path = dir.filePath(QStringLiteral("hosts")).toStdString();
        std::ofstream(path) << "# a comment naming shop.internal\n"
                               "10.0.0.1\tShop.Internal shop # trailing comment\n"
                               "not-an-address shop.internal\n"
                               "\n"
                               "fd00::1 other shop.internal.\n"
                               "10.0.0.1 shop.internal\n";
        const auto found = gateway::hosts_file_addresses("shop.internal", path);
        QCOMPARE(found.size(), std::size_t(2));
        QCOMPARE(found[0].to_string(), std::string("10.0.0.1"));
        QCOMPARE(found[1].to_string(), std::string("fd00::1"));
        QVERIFY(gateway::hosts_file_addresses("comment", path).empty());
        QVERIFY(gateway::hosts_file_addresses("shop.internal", path + ".missing").empty());
    }

    // A TTL of 2 s brings the next lookup after about 2 s, not after the
    // 30 s interval.
    void shortTtlDrivesTheRefresh()
    {
        dns_responder dns(testName);
        dns.answer({{"127.0.0.1", 2}});
        gateway::gateway_server gw;
        QCOMPARE(QString::fromStdString(gw.start(askingResponder(dns))), QString());
        QCOMPARE(QString::fromStdString(gw.apply(namedOrigin(m_origin.port(), 30s))), QString());
        QTRY_COMPARE_WITH_TIMEOUT(http_request(gw.port(), "GET", "/health").status, 200, 10000);
        const auto gaps = nextGaps(dns, 2);
        QCOMPARE(gaps.size(), std::size_t(2));
        for (const auto gap : gaps) {
            QVERIFY2(gap >= 1900, qPrintable(QString::number(gap)));
            QVERIFY2(gap < 15000, qPrintable(QString::number(gap))); // far below 30 s
        }
        QVERIFY(gw.apply_warnings().empty());
        QCOMPARE(http_request(gw.port(), "GET", "/health").status, 200);
        gw.stop(0ms);
    }

    // A TTL of an hour is capped by the refresh interval (1 s, the least
    // the console allows); a TTL of 0 is looked up again after 1 s, not in a
    // loop.
    void intervalCapsTheTtlAndZeroHasAFloor_data()
    {
        QTest::addColumn<int>("ttl");
        QTest::addColumn<int>("intervalMs");
        QTest::newRow("TTL 3600 s, interval 1 s") << 3600 << 1000;
        QTest::newRow("TTL 0, interval 30 s") << 0 << 30000;
    }
    void intervalCapsTheTtlAndZeroHasAFloor()
    {
        QFETCH(int, ttl);
        QFETCH(int, intervalMs);
        dns_responder dns(testName);
        dns.answer({{"127.0.0.1", static_cast<std::uint32_t>(ttl)}});
        gateway::gateway_server gw;
        QCOMPARE(QString::fromStdString(gw.start(askingResponder(dns))), QString());
        QCOMPARE(QString::fromStdString(
                     gw.apply(namedOrigin(m_origin.port(), std::chrono::milliseconds(intervalMs)))),
                 QString());
        QTRY_COMPARE_WITH_TIMEOUT(http_request(gw.port(), "GET", "/health").status, 200, 10000);
        const auto gaps = nextGaps(dns, 3);
        QCOMPARE(gaps.size(), std::size_t(3));
        for (const auto gap : gaps) {
            QVERIFY2(gap >= 900, qPrintable(QString::number(gap)));
            QVERIFY2(gap < 15000, qPrintable(QString::number(gap)));
        }
        gw.stop(0ms);
    }

    // The name moves to another address once the TTL of the old answer runs
    // out, long before the 30 s interval; traffic follows it.
    void changedAnswerMovesTheTraffic()
    {
        gateway::demo_origin after;
        // The same port on another loopback address: only DNS tells them apart.
        QCOMPARE(QString::fromStdString(after.start("127.0.0.2", m_origin.port())), QString());
        dns_responder dns(testName);
        dns.answer({{"127.0.0.1", 1}});
        gateway::gateway_server gw;
        QCOMPARE(QString::fromStdString(gw.start(askingResponder(dns))), QString());
        QCOMPARE(QString::fromStdString(gw.apply(namedOrigin(m_origin.port(), 30s))), QString());
        QTRY_COMPARE_WITH_TIMEOUT(http_request(gw.port(), "GET", "/health").status, 200, 10000);
        QCOMPARE(after.requests(), std::uint64_t(0));

        dns.answer({{"127.0.0.2", 1}});
        QTRY_VERIFY_WITH_TIMEOUT(
            http_request(gw.port(), "GET", "/health").status == 200 && after.requests() > 0, 15000);
        const auto oldServed = m_origin.requests();
        const auto newServed = after.requests();
        for (int i = 0; i < 5; ++i)
            QCOMPARE(http_request(gw.port(), "GET", "/health").status, 200);
        QCOMPARE(m_origin.requests(), oldServed);
        QCOMPARE(after.requests(), newServed + 5);
        QVERIFY(gw.apply_warnings().empty());
        gw.stop(0ms);
    }

    // NXDOMAIN or SERVFAIL on a refresh: the last good address keeps
    // serving, and the warning and the target say why; a good answer ends it.
    void failedRefreshKeepsTheLastAddresses_data()
    {
        QTest::addColumn<int>("failure");
        QTest::addColumn<QString>("reason");
        QTest::newRow("NXDOMAIN") << int(dns_responder::mode::nxdomain)
                                  << QStringLiteral("Host not found (NXDOMAIN)");
        QTest::newRow("SERVFAIL") << int(dns_responder::mode::servfail)
                                  << QStringLiteral("the name server failed (SERVFAIL)");
    }
    void failedRefreshKeepsTheLastAddresses()
    {
        QFETCH(int, failure);
        QFETCH(QString, reason);
        dns_responder dns(testName);
        dns.answer({{"127.0.0.1", 1}});
        gateway::gateway_server gw;
        QCOMPARE(QString::fromStdString(gw.start(askingResponder(dns))), QString());
        QCOMPARE(QString::fromStdString(gw.apply(namedOrigin(m_origin.port(), 30s))), QString());
        QTRY_COMPARE_WITH_TIMEOUT(http_request(gw.port(), "GET", "/health").status, 200, 10000);

        dns.fail(static_cast<dns_responder::mode>(failure));
        const QString warning =
            QStringLiteral("upstream 'named': cannot refresh '%1': %2 (still using the last "
                           "addresses)")
                .arg(QString::fromStdString(testName), reason);
        const auto warned = [&] {
            const auto warnings = gw.apply_warnings();
            return warnings.size() == 1 && QString::fromStdString(warnings.front()) == warning;
        };
        QTRY_VERIFY_WITH_TIMEOUT(warned(), 15000);
        const auto served = m_origin.requests();
        for (int i = 0; i < 5; ++i)
            QCOMPARE(http_request(gw.port(), "GET", "/health").status, 200);
        QCOMPARE(m_origin.requests(), served + 5);
        const auto target = targetOf(gw, m_origin.port());
        QVERIFY(target.healthy);
        QCOMPARE(QString::fromStdString(target.refresh_error), reason);
        QVERIFY(target.problem.empty());

        dns.answer({{"127.0.0.1", 1}});
        QTRY_VERIFY_WITH_TIMEOUT(gw.apply_warnings().empty(), 15000);
        QVERIFY(targetOf(gw, m_origin.port()).refresh_error.empty());
        gw.stop(0ms);
    }

    // A broken answer is a failed lookup with a message saying so: a first
    // lookup leaves the target unresolved (502), a refresh serves stale.
    void brokenAnswerIsAFailure()
    {
        dns_responder dns(testName);
        dns.fail(dns_responder::mode::cut_short);
        gateway::gateway_server gw;
        QCOMPARE(QString::fromStdString(gw.start(askingResponder(dns))), QString());
        QCOMPARE(QString::fromStdString(gw.apply(namedOrigin(m_origin.port(), 30s))), QString());
        const QString expected =
            QStringLiteral("cannot resolve 'origin.gatehouse.test': malformed DNS answer (A): ");
        QTRY_VERIFY_WITH_TIMEOUT(
            QString::fromStdString(targetOf(gw, m_origin.port()).problem).startsWith(expected),
            10000);
        const auto problem = targetOf(gw, m_origin.port()).problem;
        QVERIFY2(problem.find("do not parse") != std::string::npos, problem.c_str());
        QCOMPARE(http_request(gw.port(), "GET", "/health").status, 502);

        // Once it resolves, a truncated answer (over TCP nobody answers) on
        // a refresh keeps the address it had.
        dns.answer({{"127.0.0.1", 1}});
        QTRY_COMPARE_WITH_TIMEOUT(http_request(gw.port(), "GET", "/health").status, 200, 10000);
        dns.fail(dns_responder::mode::truncated);
        QTRY_COMPARE_WITH_TIMEOUT(
            QString::fromStdString(targetOf(gw, m_origin.port()).refresh_error),
            QStringLiteral("truncated DNS answer, and none over TCP"), 15000);
        QCOMPARE(http_request(gw.port(), "GET", "/health").status, 200);
        gw.stop(0ms);
    }
};

QTEST_GUILESS_MAIN(TestUpstreamResolutionTtl)
#include "tst_upstream_resolution_ttl.moc"
