// SPDX-FileCopyrightText: Gatehouse contributors
// SPDX-License-Identifier: Apache-2.0
#include "gateway/cache/http_date.hpp"
#include "gateway/gateway_server.hpp"

#include "echo_json.h"
#include "gateway_fixture.h"
#include "tests/support/test_http.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QtTest/QTest>

using namespace gatehouse;
using namespace gatehouse::test;
using namespace std::chrono_literals;

namespace {
QString problem_type(const http_response& r)
{
    return json_body(r).value(QStringLiteral("type")).toString();
}
} // namespace

// What the gateway answers itself instead of forwarding: OPTIONS and TRACE
// whose Max-Forwards has run out (RFC 9110 §7.6.2), OPTIONS *, TRACE on
// routes that do not name it, and expectations it cannot meet. Each case
// counts the origin's requests: an answer of the gateway's own reaches no
// upstream.
class TestFinalRecipient : public QObject {
    Q_OBJECT

private:
    gateway::demo_origin m_origin;
    gateway::gateway_server m_gateway;
    std::uint16_t m_port = 0;

private slots:
    void initTestCase()
    {
        QCOMPARE(QString::fromStdString(m_origin.start()), QString());
        gateway::config_snapshot config;
        config.upstreams.push_back(make_upstream("origin", {m_origin.port()}));
        // Any method (so not TRACE).
        config.routes.push_back(make_route("echo", "/echo", "origin"));
        auto listed = make_route("listed", "/listed", "origin");
        listed.methods = {"GET", "POST", "OPTIONS"};
        listed.rewrite_prefix = "/echo";
        config.routes.push_back(listed);
        auto traced = make_route("traced", "/traced", "origin");
        traced.methods = {"GET", "TRACE", "OPTIONS"};
        traced.rewrite_prefix = "/echo";
        config.routes.push_back(traced);
        QCOMPARE(QString::fromStdString(m_gateway.apply(config)), QString());
        QCOMPARE(QString::fromStdString(m_gateway.start(test_options())), QString());
        m_port = m_gateway.port();
    }

    void cleanupTestCase()
    {
        m_gateway.stop();
        m_origin.stop();
    }

    void optionsAtZeroHopsIsAnsweredByTheGateway_data()
    {
        QTest::addColumn<QString>("target");
        QTest::addColumn<QString>("allow");
        QTest::newRow("any method")
            << QStringLiteral("/echo/x")
            << QStringLiteral("GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS");
        QTest::newRow("method list")
            << QStringLiteral("/listed/x") << QStringLiteral("GET, HEAD, POST, OPTIONS");
    }

    void optionsAtZeroHopsIsAnsweredByTheGateway()
    {
        QFETCH(QString, target);
        QFETCH(QString, allow);
        const auto originRequests = m_origin.requests();
        http_connection c;
        QVERIFY(c.connect(m_port));
        QVERIFY(c.send("OPTIONS", target.toStdString(), {{"Max-Forwards", "0"}}));
        const auto r = c.read();
        QCOMPARE(r.status, 200);
        QCOMPARE(QString::fromStdString(r.header("Allow")), allow);
        QCOMPARE(r.header("Content-Length"), std::string("0"));
        QVERIFY(r.body.empty());
        QVERIFY(!r.header("X-Request-Id").empty());
        QVERIFY2(gateway::cache::parse_http_date(r.header("Date")), r.header("Date").c_str());
        QVERIFY(r.keep_alive);
        QCOMPARE(m_origin.requests(), originRequests);
        // The connection goes on.
        QVERIFY(c.send("GET", "/echo/next"));
        QCOMPARE(c.read().status, 200);
    }

    // Above zero, one hop less reaches the upstream (RFC 9110 §7.6.2);
    // other methods' Max-Forwards is the upstream's business.
    void maxForwardsCountsDownUpstream_data()
    {
        QTest::addColumn<QString>("method");
        QTest::addColumn<QString>("sent");
        QTest::addColumn<QString>("forwarded");
        QTest::newRow("OPTIONS") << QStringLiteral("OPTIONS") << QStringLiteral("5")
                                 << QStringLiteral("4");
        QTest::newRow("OPTIONS, one hop left")
            << QStringLiteral("OPTIONS") << QStringLiteral("1") << QStringLiteral("0");
        QTest::newRow("TRACE") << QStringLiteral("TRACE") << QStringLiteral("3")
                               << QStringLiteral("2");
        QTest::newRow("huge") << QStringLiteral("OPTIONS") << QStringLiteral("99999999999999999999")
                              << QStringLiteral("254");
        QTest::newRow("GET: untouched")
            << QStringLiteral("GET") << QStringLiteral("0") << QStringLiteral("0");
        QTest::newRow("GET: not even read")
            << QStringLiteral("GET") << QStringLiteral("x") << QStringLiteral("x");
    }

    void maxForwardsCountsDownUpstream()
    {
        QFETCH(QString, method);
        QFETCH(QString, sent);
        QFETCH(QString, forwarded);
        const auto originRequests = m_origin.requests();
        const auto r = http_request(m_port, method.toStdString(), "/traced/x",
                                    {{"Max-Forwards", sent.toStdString()}});
        QCOMPARE(r.status, 200);
        QCOMPARE(json_body(r).value(QStringLiteral("method")).toString(), method);
        QCOMPARE(echoed_header(r, "max-forwards"), forwarded);
        QCOMPARE(m_origin.requests(), originRequests + 1);
    }

    void badMaxForwardsIs400()
    {
        const auto originRequests = m_origin.requests();
        const auto r = http_request(m_port, "OPTIONS", "/echo/x", {{"Max-Forwards", "-1"}});
        QCOMPARE(r.status, 400);
        QCOMPARE(problem_type(r), QStringLiteral("https://gatehouse.dev/problems/bad-request"));
        QVERIFY(json_body(r)
                    .value(QStringLiteral("detail"))
                    .toString()
                    .contains(QStringLiteral("Max-Forwards")));
        QCOMPARE(m_origin.requests(), originRequests);
    }

    // TRACE reflects the caller's cookies and credentials: only a route
    // that names it forwards it.
    void traceNeedsARouteThatNamesIt()
    {
        const auto originRequests = m_origin.requests();
        const auto r = http_request(m_port, "TRACE", "/echo/x", {{"Cookie", "session=secret"}});
        QCOMPARE(r.status, 405);
        QCOMPARE(problem_type(r),
                 QStringLiteral("https://gatehouse.dev/problems/method-not-allowed"));
        QCOMPARE(QString::fromStdString(r.header("Allow")),
                 QStringLiteral("GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS"));
        QVERIFY(r.body.find("secret") == std::string::npos);
        QCOMPARE(http_request(m_port, "TRACE", "/listed/x").status, 405);
        QCOMPARE(m_origin.requests(), originRequests);

        const auto forwarded = http_request(m_port, "TRACE", "/traced/x");
        QCOMPARE(forwarded.status, 200);
        QCOMPARE(json_body(forwarded).value(QStringLiteral("method")).toString(),
                 QStringLiteral("TRACE"));
        QCOMPARE(m_origin.requests(), originRequests + 1);
    }

    // At zero hops the gateway reflects the request itself (RFC 9110
    // §9.3.8), without the fields that carry credentials.
    void traceAtZeroHopsIsReflected()
    {
        const auto originRequests = m_origin.requests();
        http_connection c;
        QVERIFY(c.connect(m_port));
        QVERIFY(c.send_raw("TRACE /traced/x?a=1 HTTP/1.1\r\nHost: api.example\r\n"
                           "Max-Forwards: 0\r\nX-Trace-Me: yes\r\n"
                           "Authorization: Bearer secret-token\r\nCookie: session=secret\r\n"
                           "Proxy-Authorization: Basic c2VjcmV0\r\n\r\n"));
        const auto r = c.read();
        QCOMPARE(r.status, 200);
        QCOMPARE(r.header("Content-Type"), std::string("message/http"));
        QVERIFY2(r.body.starts_with("TRACE /traced/x?a=1 HTTP/1.1\r\n"), r.body.c_str());
        QVERIFY(r.body.find("\r\nHost: api.example\r\n") != std::string::npos);
        QVERIFY(r.body.find("\r\nX-Trace-Me: yes\r\n") != std::string::npos);
        QVERIFY(r.body.find("\r\nMax-Forwards: 0\r\n") != std::string::npos);
        QVERIFY(r.body.ends_with("\r\n\r\n"));
        QVERIFY2(r.body.find("secret") == std::string::npos, r.body.c_str());
        QVERIFY(r.body.find("c2VjcmV0") == std::string::npos);
        QCOMPARE(m_origin.requests(), originRequests);
        QVERIFY(r.keep_alive);
    }

    // OPTIONS * asks about the server as a whole (RFC 9112 §3.2.4).
    void asteriskForm()
    {
        const auto originRequests = m_origin.requests();
        http_connection c;
        QVERIFY(c.connect(m_port));
        QVERIFY(c.send_raw("OPTIONS * HTTP/1.1\r\nHost: a\r\n\r\n"));
        const auto r = c.read();
        QCOMPARE(r.status, 200);
        QCOMPARE(QString::fromStdString(r.header("Allow")),
                 QStringLiteral("GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS"));
        QCOMPARE(r.header("Content-Length"), std::string("0"));
        QVERIFY(r.keep_alive);

        // Host is still required of HTTP/1.1 (RFC 9112 §3.2).
        http_connection hostless;
        QVERIFY(hostless.connect(m_port));
        QVERIFY(hostless.send_raw("OPTIONS * HTTP/1.1\r\n\r\n"));
        QCOMPARE(hostless.read().status, 400);

        QVERIFY(c.send_raw("GET * HTTP/1.1\r\nHost: a\r\n\r\n"));
        const auto bad = c.read();
        QCOMPARE(bad.status, 400);
        QCOMPARE(problem_type(bad), QStringLiteral("https://gatehouse.dev/problems/bad-request"));
        QVERIFY(c.wait_closed(2s));
        QCOMPARE(m_origin.requests(), originRequests);
    }

    // RFC 9110 §10.1.1: an expectation the gateway cannot meet is a 417,
    // before any of the body is read or anything forwarded.
    void unknownExpectationIs417()
    {
        const auto originRequests = m_origin.requests();
        http_connection c;
        QVERIFY(c.connect(m_port));
        QVERIFY(c.send_raw("POST /echo/x HTTP/1.1\r\nHost: a\r\nContent-Length: 5\r\n"
                           "Expect: 100-continue, x-fast-lane\r\n\r\n"));
        const auto r = c.read();
        QCOMPARE(r.status, 417);
        QCOMPARE(r.header("Content-Type"), std::string("application/problem+json"));
        QCOMPARE(problem_type(r),
                 QStringLiteral("https://gatehouse.dev/problems/expectation-failed"));
        QVERIFY(!r.keep_alive); // its body was never read
        QCOMPARE(m_origin.requests(), originRequests);

        // Without a body the connection stays usable.
        http_connection d;
        QVERIFY(d.connect(m_port));
        QVERIFY(d.send("GET", "/echo/x", {{"Expect", "something"}}));
        QCOMPARE(d.read().status, 417);
        QVERIFY(d.send("GET", "/echo/x"));
        QCOMPARE(d.read().status, 200);
    }

    // The one expectation HTTP defines still works, in any case spelling.
    void continueExpectationIsMet()
    {
        http_connection c;
        QVERIFY(c.connect(m_port));
        QVERIFY(c.send_raw("POST /echo/x HTTP/1.1\r\nHost: a\r\nContent-Length: 5\r\n"
                           "Expect: 100-Continue\r\n\r\n"));
        QCOMPARE(c.read().status, 100);
        QVERIFY(c.send_raw("hello"));
        const auto r = c.read();
        QCOMPARE(r.status, 200);
        QCOMPARE(json_body(r).value(QStringLiteral("body")).toString(), QStringLiteral("hello"));
        QCOMPARE(echoed_header(r, "expect"), QString());
    }
};

QTEST_GUILESS_MAIN(TestFinalRecipient)
#include "tst_final_recipient.moc"
