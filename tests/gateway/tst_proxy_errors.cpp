// SPDX-FileCopyrightText: Gatehouse contributors
// SPDX-License-Identifier: Apache-2.0
#include "gateway/cache/http_date.hpp"
#include "gateway/gateway_server.hpp"

#include "gateway_fixture.h"
#include "tests/support/test_http.h"

#include <QElapsedTimer>
#include <QJsonDocument>
#include <QJsonObject>
#include <QtTest/QTest>

#include <thread>

using namespace gatehouse;
using namespace gatehouse::test;
using namespace std::chrono_literals;

// Bad input and failing upstreams: every rejection is a problem+json with a
// stable type, and none of them can pin a worker.
class TestProxyErrors : public QObject {
    Q_OBJECT

private:
    gateway::demo_origin m_origin;
    gateway::gateway_server m_gateway;
    std::uint16_t m_port = 0;
    std::uint16_t m_deadPort = 0;

    static QJsonObject problem(const http_response& r)
    {
        return QJsonDocument::fromJson(QByteArray::fromStdString(r.body)).object();
    }

    static void verifyProblem(const http_response& r, int status, const char* type)
    {
        QCOMPARE(r.status, status);
        QCOMPARE(r.header("Content-Type"), std::string("application/problem+json"));
        const auto p = problem(r);
        QCOMPARE(p.value(QStringLiteral("status")).toInt(), status);
        QCOMPARE(p.value(QStringLiteral("type")).toString(),
                 QStringLiteral("https://gatehouse.dev/problems/") + QLatin1String(type));
        QVERIFY(!p.value(QStringLiteral("title")).toString().isEmpty());
        QVERIFY(!p.value(QStringLiteral("detail")).toString().isEmpty());
        // The gateway is the origin of its own answers: they carry a Date
        // (RFC 9110 §6.6.1), the current one.
        const auto date = gateway::cache::parse_http_date(r.header("Date"));
        QVERIFY2(date, r.header("Date").c_str());
        const auto now = std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now());
        QVERIFY2(*date <= now && *date >= now - std::chrono::seconds(5), r.header("Date").c_str());
    }

private slots:
    void initTestCase()
    {
        QCOMPARE(QString::fromStdString(m_origin.start()), QString());
        m_deadPort = unused_port();
        gateway::config_snapshot config;
        auto origin = make_upstream("origin", {m_origin.port()});
        origin.read_timeout = 400ms;
        config.upstreams.push_back(origin);
        auto total = make_upstream("total", {m_origin.port()});
        total.read_timeout = 5s;
        total.total_timeout = 500ms;
        config.upstreams.push_back(total);
        auto dead = make_upstream("dead", {m_deadPort});
        dead.health.max_failures = 0; // keep trying: every request must see the 502
        config.upstreams.push_back(dead);
        config.routes.push_back(make_route("origin", "/api", "origin"));
        config.routes.push_back(make_route("total", "/total", "total"));
        config.routes.back().rewrite_prefix = "/respond";
        config.routes.push_back(make_route("dead", "/dead", "dead"));
        auto orders = make_route("orders", "/orders", "origin");
        orders.methods = {"GET", "POST"};
        config.routes.push_back(orders);
        config.routes.push_back(make_route("echo", "/echo", "origin"));
        auto uploads = make_route("uploads", "/uploads", "origin");
        uploads.methods = {"POST"};
        config.routes.push_back(uploads);
        QCOMPARE(QString::fromStdString(m_gateway.apply(config)), QString());

        auto options = test_options();
        options.header_limit = 8 * 1024;
        options.body_limit = 64 * 1024;
        options.client_header_timeout = 400ms;
        options.client_body_timeout = 400ms;
        options.keepalive_timeout = 600ms;
        QCOMPARE(QString::fromStdString(m_gateway.start(options)), QString());
        m_port = m_gateway.port();
    }

    void cleanupTestCase()
    {
        m_gateway.stop();
        m_origin.stop();
    }

    void noRoute() { verifyProblem(http_request(m_port, "GET", "/nowhere"), 404, "no-route"); }

    void methodNotAllowed()
    {
        const auto r = http_request(m_port, "DELETE", "/orders/1");
        verifyProblem(r, 405, "method-not-allowed");
        QCOMPARE(r.header("Allow"), std::string("GET, HEAD, POST"));
    }

    // Routes (and so their methods, keys and policies) apply to the path an
    // upstream that decodes first would see: encoding a letter or the dots
    // of a ".." does not step around them.
    void encodedPathsMeetTheirRoute_data()
    {
        QTest::addColumn<QString>("target");
        QTest::newRow("encoded letter") << QStringLiteral("/%6Frders/1");
        QTest::newRow("encoded dot segment") << QStringLiteral("/echo/%2e%2e/orders/1");
        QTest::newRow("doubled slashes") << QStringLiteral("//orders//1");
    }

    void encodedPathsMeetTheirRoute()
    {
        QFETCH(QString, target);
        const auto r = http_request(m_port, "DELETE", target.toStdString());
        verifyProblem(r, 405, "method-not-allowed");
        QCOMPARE(r.header("Allow"), std::string("GET, HEAD, POST"));
    }

    void errorsKeepTheConnection()
    {
        http_connection c;
        QVERIFY(c.connect(m_port));
        QVERIFY(c.send("GET", "/nowhere"));
        const auto first = c.read();
        QCOMPARE(first.status, 404);
        QVERIFY(first.keep_alive);
        QVERIFY(c.send("GET", "/echo/next"));
        QCOMPARE(c.read().status, 200);
    }

    // A HEAD the gateway answers itself gets the head of the problem and no
    // content (RFC 9110 §9.3.2): a client reads no body after a HEAD's
    // response, so content there would be taken for the next response.
    void headRequestsGetNoProblemContent_data()
    {
        QTest::addColumn<QString>("target");
        QTest::addColumn<int>("status");
        QTest::addColumn<QByteArray>("type");
        QTest::newRow("no route") << QStringLiteral("/nowhere") << 404 << QByteArray("no-route");
        QTest::newRow("method not allowed")
            << QStringLiteral("/uploads/1") << 405 << QByteArray("method-not-allowed");
        QTest::newRow("upstream down")
            << QStringLiteral("/dead/x") << 502 << QByteArray("upstream-unavailable");
        QTest::newRow("upstream timeout")
            << QStringLiteral("/total?delay_ms=3000") << 504 << QByteArray("upstream-timeout");
    }

    void headRequestsGetNoProblemContent()
    {
        QFETCH(QString, target);
        QFETCH(int, status);
        QFETCH(QByteArray, type);
        http_connection c;
        QVERIFY(c.connect(m_port));
        QVERIFY(c.send("HEAD", target.toStdString()));
        QVERIFY(c.send("GET", "/echo/after-head"));
        const auto head = c.read(std::chrono::seconds(10), true);
        QCOMPARE(head.status, status);
        QCOMPARE(head.header("Content-Type"), std::string("application/problem+json"));
        // The length the problem has, as a GET's response would say.
        QVERIFY(std::stoul(head.header("Content-Length")) > 0);
        QVERIFY(head.keep_alive);
        const auto next = c.read();
        QCOMPARE(next.status, 200);
        QVERIFY2(next.body.find("/echo/after-head") != std::string::npos, next.body.c_str());
        // A GET of the same target has the content.
        verifyProblem(http_request(m_port, "GET", target.toStdString()), status, type.constData());
    }

    void malformed_data()
    {
        QTest::addColumn<QByteArray>("raw");
        QTest::newRow("garbage") << QByteArray("GARBAGE\r\n\r\n");
        QTest::newRow("bad version") << QByteArray("GET /echo HTTP/9.x\r\nHost: a\r\n\r\n");
        QTest::newRow("bad header line")
            << QByteArray("GET /echo HTTP/1.1\r\nHost: a\r\nNo colon here\r\n\r\n");
        QTest::newRow("missing host") << QByteArray("GET /echo HTTP/1.1\r\n\r\n");
        QTest::newRow("two hosts")
            << QByteArray("GET /echo HTTP/1.1\r\nHost: a\r\nHost: b\r\n\r\n");
        QTest::newRow("bad content-length")
            << QByteArray("POST /echo HTTP/1.1\r\nHost: a\r\nContent-Length: 12x\r\n\r\n");
        QTest::newRow("relative target") << QByteArray("GET echo HTTP/1.1\r\nHost: a\r\n\r\n");
        QTest::newRow("bad percent-encoding")
            << QByteArray("GET /echo/%zz HTTP/1.1\r\nHost: a\r\n\r\n");
        QTest::newRow("bad chunk")
            << QByteArray("POST /echo HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: "
                          "chunked\r\n\r\nZZ\r\nhello\r\n0\r\n\r\n");
        // Framing a proxy and its upstream could read differently (RFC 9112
        // §6.3): the bytes after the head hold a second request, which must
        // reach neither the origin nor the gateway's own parser.
        const QByteArray smuggled("GET /echo/smuggled HTTP/1.1\r\nHost: a\r\n\r\n");
        QTest::newRow("chunked not last")
            << "POST /echo HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked, identity\r\n\r\n" +
                   smuggled;
        QTest::newRow("unknown coding")
            << "POST /echo HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: xchunked\r\n\r\n" + smuggled;
        QTest::newRow("coding without chunked")
            << "POST /echo HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: gzip\r\n\r\n" + smuggled;
        QTest::newRow("empty transfer-encoding")
            << "POST /echo HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: \r\n\r\n" + smuggled;
        QTest::newRow("chunked twice")
            << QByteArray("POST /echo HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n"
                          "Transfer-Encoding: chunked\r\n\r\n0\r\n\r\n0\r\n\r\n");
        QTest::newRow("chunked in HTTP/1.0")
            << QByteArray("POST /echo HTTP/1.0\r\nTransfer-Encoding: chunked\r\n\r\n"
                          "5\r\nhello\r\n0\r\n\r\n");
        QTest::newRow("two equal content-lengths")
            << QByteArray("POST /echo HTTP/1.1\r\nHost: a\r\nContent-Length: 5\r\n"
                          "Content-Length: 5\r\n\r\nhello");
        // RFC 9112 §3.2: a Host that is not uri-host [":" port].
        QTest::newRow("host with userinfo")
            << QByteArray("GET /echo HTTP/1.1\r\nHost: user@a.example\r\n\r\n");
        QTest::newRow("host with a space")
            << QByteArray("GET /echo HTTP/1.1\r\nHost: a.example evil\r\n\r\n");
        QTest::newRow("host with a bad port")
            << QByteArray("GET /echo HTTP/1.1\r\nHost: a.example:80x\r\n\r\n");
        QTest::newRow("host with a path")
            << QByteArray("GET /echo HTTP/1.1\r\nHost: a.example/x\r\n\r\n");
        QTest::newRow("unclosed ip literal")
            << QByteArray("GET /echo HTTP/1.1\r\nHost: [::1\r\n\r\n");
        QTest::newRow("absolute-form with userinfo")
            << QByteArray("GET http://user@a.example/echo HTTP/1.1\r\nHost: a\r\n\r\n");
        QTest::newRow("absolute-form without host")
            << QByteArray("GET http:///echo HTTP/1.1\r\nHost: a\r\n\r\n");
    }

    void malformed()
    {
        QFETCH(QByteArray, raw);
        const auto originRequests = m_origin.requests();
        http_connection c;
        QVERIFY(c.connect(m_port));
        QVERIFY(c.send_raw(raw.toStdString()));
        const auto r = c.read();
        verifyProblem(r, 400, "bad-request");
        QVERIFY(c.wait_closed(2s));
        QCOMPARE(m_origin.requests(), originRequests);
    }

    void validHostsAreAccepted_data()
    {
        QTest::addColumn<QString>("host");
        QTest::newRow("name") << QStringLiteral("api.example.com");
        QTest::newRow("name and port") << QStringLiteral("api.example.com:8443");
        QTest::newRow("ipv4") << QStringLiteral("192.0.2.7:80");
        QTest::newRow("ipv6") << QStringLiteral("[2001:db8::1]:8080");
        QTest::newRow("percent-encoded") << QStringLiteral("caf%C3%A9.example");
        QTest::newRow("empty") << QString();
    }

    void validHostsAreAccepted()
    {
        QFETCH(QString, host);
        http_connection c;
        QVERIFY(c.connect(m_port));
        QVERIFY(c.send_raw("GET /echo/host HTTP/1.1\r\nHost: " + host.toStdString() + "\r\n\r\n"));
        QCOMPARE(c.read().status, 200);
    }

    // RFC 9112 §6.1: a server that does not understand a transfer coding
    // says so with 501; the body cannot be read, so the connection closes.
    void unsupportedTransferCoding()
    {
        const auto originRequests = m_origin.requests();
        http_connection c;
        QVERIFY(c.connect(m_port));
        QVERIFY(c.send_raw("POST /echo HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: gzip, chunked\r\n"
                           "\r\n5\r\nhello\r\n0\r\n\r\n"));
        const auto r = c.read();
        verifyProblem(r, 501, "unsupported-transfer-coding");
        QVERIFY(c.wait_closed(2s));
        QCOMPARE(m_origin.requests(), originRequests);
    }

    void headerTooLarge()
    {
        const auto r = http_request(m_port, "GET", "/echo", {{"X-Big", std::string(10000, 'x')}});
        verifyProblem(r, 431, "header-too-large");
    }

    void bodyTooLargeByLength()
    {
        const auto r = http_request(m_port, "POST", "/echo", {}, std::string(100 * 1024, 'x'));
        verifyProblem(r, 413, "body-too-large");
    }

    void bodyTooLargeChunked()
    {
        http_connection c;
        QVERIFY(c.connect(m_port));
        std::string raw = "POST /echo HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n";
        const std::string chunk(16 * 1024, 'y');
        for (int i = 0; i < 6; ++i)
            raw += "4000\r\n" + chunk + "\r\n";
        raw += "0\r\n\r\n";
        QVERIFY(c.send_raw(raw));
        verifyProblem(c.read(), 413, "body-too-large");
    }

    void headerTimeout()
    {
        http_connection c;
        QVERIFY(c.connect(m_port));
        QVERIFY(c.send_raw("GET /echo HTTP/1.1\r\nHost: a\r\n")); // never finished
        QElapsedTimer timer;
        timer.start();
        const auto r = c.read(3s);
        verifyProblem(r, 408, "request-timeout");
        QVERIFY(c.wait_closed(2s));
        QVERIFY(timer.elapsed() < 2500);
    }

    void slowlorisCannotHoldTheConnection()
    {
        // One byte every 100 ms keeps each read alive, but the whole head
        // must arrive within the header timeout.
        http_connection c;
        QVERIFY(c.connect(m_port));
        const std::string head =
            "GET /echo HTTP/1.1\r\nHost: a\r\nX-Slow: aaaaaaaaaaaaaaaaaaaaaaaaaaaaa\r\n\r\n";
        QElapsedTimer timer;
        timer.start();
        bool closed = false;
        for (char ch : head) {
            if (!c.send_raw(std::string(1, ch))) {
                closed = true;
                break;
            }
            if (c.wait_closed(100ms)) {
                closed = true;
                break;
            }
            if (timer.elapsed() > 3000)
                break;
        }
        QVERIFY(closed);
        QVERIFY(timer.elapsed() < 2000);
    }

    void bodyTimeout()
    {
        http_connection c;
        QVERIFY(c.connect(m_port));
        QVERIFY(
            c.send_raw("POST /echo HTTP/1.1\r\nHost: a\r\nContent-Length: 100\r\n\r\nonly-part"));
        verifyProblem(c.read(3s), 408, "request-timeout");
        QVERIFY(c.wait_closed(2s));
    }

    void idleKeepAliveClosesQuietly()
    {
        http_connection c;
        QVERIFY(c.connect(m_port));
        QVERIFY(c.wait_closed(3s));
    }

    void upstreamDown()
    {
        const auto r = http_request(m_port, "GET", "/dead/x");
        verifyProblem(r, 502, "upstream-unavailable");
        QVERIFY(problem(r)
                    .value(QStringLiteral("detail"))
                    .toString()
                    .contains(QString::number(m_deadPort)));
        QVERIFY(m_gateway.stats().upstream_errors > 0);
    }

    void upstreamTotalTimeout()
    {
        // The "total" upstream allows 5 s between reads but 500 ms in all.
        QElapsedTimer timer;
        timer.start();
        const auto timedOut = http_request(m_port, "GET", "/total?delay_ms=3000");
        verifyProblem(timedOut, 504, "upstream-timeout");
        QVERIFY(timer.elapsed() < 2000);
    }

    void upstreamIdleTimeout()
    {
        // An upstream that allows 300 ms between reads.
        gateway::config_snapshot config;
        auto origin = make_upstream("origin", {m_origin.port()});
        origin.read_timeout = 300ms;
        config.upstreams.push_back(origin);
        config.routes.push_back(make_route("respond", "/respond", "origin"));
        gateway::gateway_server gw;
        QCOMPARE(QString::fromStdString(gw.apply(config)), QString());
        QCOMPARE(QString::fromStdString(gw.start(test_options())), QString());
        QElapsedTimer timer;
        timer.start();
        verifyProblem(http_request(gw.port(), "GET", "/respond?delay_ms=2000"), 504,
                      "upstream-timeout");
        QVERIFY(timer.elapsed() < 1500);
        QCOMPARE(http_request(gw.port(), "GET", "/respond?delay_ms=10").status, 200);
        gw.stop();
    }

    void stillServesAfterAbuse()
    {
        QCOMPARE(http_request(m_port, "GET", "/echo/fine").status, 200);
    }
};

QTEST_APPLESS_MAIN(TestProxyErrors)
#include "tst_proxy_errors.moc"
