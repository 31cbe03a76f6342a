// SPDX-FileCopyrightText: Gatehouse contributors
// SPDX-License-Identifier: Apache-2.0
#include "gateway/address_ranges.hpp"
#include "gateway/gateway_server.hpp"

#include "cache_fixture.h"
#include "echo_json.h"
#include "gateway_fixture.h"
#include "tests/support/test_http.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QtTest/QTest>

using namespace gatehouse;
using namespace gatehouse::test;
using boost::asio::ip::make_address;

Q_DECLARE_METATYPE(std::vector<std::string>)

// Behind a load balancer or another proxy, the client's address and scheme
// are what that peer reports -- when the gateway is told to trust it. Two
// gateways before one demo origin: one trusting 127.0.0.0/8 (where the
// tests' connections come from) and 10.0.0.0/8, one trusting nobody.
class TestTrustedProxies : public QObject {
    Q_OBJECT

private:
    gateway::demo_origin m_origin;
    gateway::gateway_server m_trusting;
    gateway::gateway_server m_wary;

private slots:
    void initTestCase()
    {
        QCOMPARE(QString::fromStdString(m_origin.start()), QString());
        gateway::config_snapshot config;
        config.upstreams.push_back(make_upstream("origin", {m_origin.port()}));
        config.routes.push_back(make_route("all", "/", "origin"));
        auto cached = make_route("cached", "/cached", "origin");
        cached.rewrite_prefix = "/echo";
        cached.cache.enabled = true;
        config.routes.push_back(cached);
        auto api = make_route("api", "/api", "origin");
        api.rewrite_prefix = "/echo";
        config.routes.push_back(api);
        auto options = test_options();
        QCOMPARE(QString::fromStdString(m_wary.apply(config)), QString());
        QCOMPARE(QString::fromStdString(m_wary.start(options)), QString());
        QVERIFY(options.trusted_proxies.add("127.0.0.0/8"));
        QVERIFY(options.trusted_proxies.add("10.0.0.0/8"));
        QCOMPARE(QString::fromStdString(m_trusting.apply(config)), QString());
        QCOMPARE(QString::fromStdString(m_trusting.start(options)), QString());
    }

    void cleanupTestCase()
    {
        m_trusting.stop();
        m_wary.stop();
        m_origin.stop();
    }

    void ranges()
    {
        gateway::address_ranges r;
        std::string why;
        QVERIFY(r.empty());
        QVERIFY(!r.contains(make_address("10.0.0.1")));
        QVERIFY(r.add("10.0.0.0/8", &why));
        QVERIFY(r.add("192.0.2.7"));
        QVERIFY(r.add("2001:db8::/32"));
        QVERIFY(r.add("172.16.0.0/12"));
        QVERIFY(r.contains(make_address("10.255.255.255")));
        QVERIFY(!r.contains(make_address("11.0.0.0")));
        QVERIFY(r.contains(make_address("192.0.2.7")));
        QVERIFY(!r.contains(make_address("192.0.2.6")));
        QVERIFY(r.contains(make_address("172.31.0.1")));
        QVERIFY(!r.contains(make_address("172.32.0.1")));
        QVERIFY(r.contains(make_address("2001:db8:ffff::1")));
        QVERIFY(!r.contains(make_address("2001:db9::1")));
        QVERIFY(r.contains(make_address("::ffff:10.9.8.7"))); // a dual-stack listener's
        QVERIFY(!r.contains(make_address("::ffff:11.9.8.7")));

        const char* bad[] = {
            "10.0.0.0/33",  "10.0.0.1/8", "2001:db8::/129", "10.0.0.0/", "10.0.0.0/x",
            "host.example", "",           "10.0.0.0/-1"};
        for (const char* spec : bad) {
            why.clear();
            QVERIFY2(!r.add(spec, &why), spec);
            QVERIFY2(!why.empty(), spec);
        }
    }

    void forwardedClient_data()
    {
        QTest::addColumn<std::vector<std::string>>("lines");
        QTest::addColumn<QString>("client");
        using lines = std::vector<std::string>;
        QTest::newRow("none") << lines{} << QStringLiteral("127.0.0.1");
        QTest::newRow("one hop") << lines{"203.0.113.9"} << QStringLiteral("203.0.113.9");
        QTest::newRow("through trusted hops")
            << lines{"203.0.113.9, 10.1.2.3"} << QStringLiteral("203.0.113.9");
        QTest::newRow("a spoofed left part")
            << lines{"1.2.3.4, 203.0.113.9, 10.1.2.3"} << QStringLiteral("203.0.113.9");
        QTest::newRow("several lines")
            << lines{"1.2.3.4", "203.0.113.9", "10.1.2.3"} << QStringLiteral("203.0.113.9");
        QTest::newRow("all trusted") << lines{"10.0.0.1, 10.0.0.2"} << QStringLiteral("10.0.0.1");
        QTest::newRow("not an address") << lines{"unknown, 10.1.2.3"} << QStringLiteral("10.1.2.3");
        QTest::newRow("ports and brackets")
            << lines{"[2001:db8::7]:4711, 203.0.113.9:8080"} << QStringLiteral("203.0.113.9");
        QTest::newRow("ipv6 in brackets")
            << lines{"[2001:db8::7]:4711, 10.0.0.1"} << QStringLiteral("2001:db8::7");
        QTest::newRow("empty members")
            << lines{" , 203.0.113.9 ,"} << QStringLiteral("203.0.113.9");
    }

    void forwardedClient()
    {
        QFETCH(std::vector<std::string>, lines);
        QFETCH(QString, client);
        gateway::address_ranges trusted;
        QVERIFY(trusted.add("10.0.0.0/8"));
        std::vector<std::string_view> views(lines.begin(), lines.end());
        QCOMPARE(QString::fromStdString(
                     std::string(gateway::forwarded_client(trusted, "127.0.0.1", views))),
                 client);
    }

    void forwardedScheme()
    {
        QCOMPARE(gateway::forwarded_scheme("https"), std::string_view("https"));
        QCOMPARE(gateway::forwarded_scheme(" HTTPS , http"), std::string_view("https"));
        QCOMPARE(gateway::forwarded_scheme("http"), std::string_view("http"));
        QCOMPARE(gateway::forwarded_scheme("wss"), std::string_view());
        QCOMPARE(gateway::forwarded_scheme(""), std::string_view());
    }

    // A TLS-terminating load balancer in front: the upstream hears https.
    void schemeFromTrustedPeersOnly()
    {
        const header_list proto{{"X-Forwarded-Proto", "https"}};
        auto r = http_request(m_trusting.port(), "GET", "/echo/s", proto);
        QCOMPARE(r.status, 200);
        QCOMPARE(echoed_header(r, "x-forwarded-proto"), QStringLiteral("https"));
        r = http_request(m_trusting.port(), "GET", "/echo/s", {{"X-Forwarded-Proto", "gopher"}});
        QCOMPARE(echoed_header(r, "x-forwarded-proto"), QStringLiteral("http"));
        r = http_request(m_wary.port(), "GET", "/echo/s", proto);
        QCOMPARE(echoed_header(r, "x-forwarded-proto"), QStringLiteral("http"));
    }

    // A proxy in front that serves the gateway below a path of its own
    // says so in X-Forwarded-Prefix: from a trusted one, that path goes
    // before the prefix the route takes off; anyone else's is dropped. On
    // a cached route the peer's is dropped too (it is not in the key).
    void forwardedPrefix_data()
    {
        QTest::addColumn<bool>("trusted");
        QTest::addColumn<QString>("target");
        QTest::addColumn<QString>("expected");
        QTest::newRow("trusted, route strips") << true << "/api/p"
                                               << "/public/api";
        QTest::newRow("trusted, route keeps the path") << true << "/echo/p"
                                                       << "/public";
        QTest::newRow("trusted, cached route") << true << "/cached/p"
                                               << "/cached";
        QTest::newRow("other, route strips") << false << "/api/p"
                                             << "/api";
        QTest::newRow("other, route keeps the path") << false << "/echo/p"
                                                     << "";
    }
    void forwardedPrefix()
    {
        QFETCH(bool, trusted);
        QFETCH(QString, target);
        QFETCH(QString, expected);
        auto& gateway = trusted ? m_trusting : m_wary;
        const auto r = http_request(gateway.port(), "GET", target.toStdString(),
                                    {{"X-Forwarded-Prefix", "/public"}});
        QCOMPARE(r.status, 200);
        QCOMPARE(echoed_header(r, "x-forwarded-prefix"), expected);
    }

    // A proxy in front that sends its own Host (nginx's default names its
    // upstream) reports the host it was asked for in X-Forwarded-Host: from
    // a trusted one that is what the upstream hears (its first member, when
    // it is a host); anyone else's gives way to the Host.
    void forwardedHost_data()
    {
        QTest::addColumn<bool>("trusted");
        QTest::addColumn<QString>("sent");
        QTest::addColumn<QString>("expected");
        QTest::newRow("trusted") << true << "shop.example:8443"
                                 << "shop.example:8443";
        QTest::newRow("trusted, a list") << true << " shop.example , edge.internal"
                                         << "shop.example";
        QTest::newRow("trusted, not a host") << true << "shop example/x"
                                             << "gw.internal";
        QTest::newRow("other") << false << "shop.example"
                               << "gw.internal";
    }
    void forwardedHost()
    {
        QFETCH(bool, trusted);
        QFETCH(QString, sent);
        QFETCH(QString, expected);
        auto& gateway = trusted ? m_trusting : m_wary;
        const auto r =
            http_request(gateway.port(), "GET", "/echo/fh",
                         {{"Host", "gw.internal"}, {"X-Forwarded-Host", sent.toStdString()}});
        QCOMPARE(r.status, 200);
        QCOMPARE(echoed_header(r, "x-forwarded-host"), expected);
    }

    // The cache keys what a trusted proxy reports, as it does the scheme:
    // two public hosts behind one balancer that sends one Host do not share
    // entries, and a purge by the public URL finds its entry.
    void cacheKeysTheReportedHost()
    {
        const std::string target = "/cached/fh?cache_control=max-age%3D60";
        auto as = [&](const char* host) {
            return http_request(m_trusting.port(), "GET", target,
                                {{"Host", "gw.internal"}, {"X-Forwarded-Host", host}});
        };
        const auto a = as("a.example");
        QVERIFY(cache_status_has(a, "stored"));
        QCOMPARE(echoed_header(a, "x-forwarded-host"), QStringLiteral("a.example"));
        const auto b = as("b.example");
        QVERIFY2(!is_hit(b), b.header("Cache-Status").c_str());
        QCOMPARE(echoed_header(b, "x-forwarded-host"), QStringLiteral("b.example"));
        QVERIFY(is_hit(as("a.example")));
        QCOMPARE(m_trusting.purge_cache_url("http://a.example" + target), std::size_t(1));
        QVERIFY(!is_hit(as("a.example")));
        QVERIFY(is_hit(as("b.example")));
    }

    // Without a Host (HTTP/1.0) a trusted peer's X-Forwarded-Host stands;
    // anyone else's is not passed on.
    void forwardedHostWithoutHost()
    {
        for (auto* gateway : {&m_trusting, &m_wary}) {
            http_connection c;
            QVERIFY(c.connect(gateway->port()));
            QVERIFY(c.send_raw("GET /echo/h HTTP/1.0\r\nX-Forwarded-Host: shop.example\r\n\r\n"));
            const auto r = c.read();
            QCOMPARE(r.status, 200);
            QCOMPARE(echoed_header(r, "x-forwarded-host"),
                     gateway == &m_trusting ? QStringLiteral("shop.example") : QString());
        }
    }

    // The call log names the client the trusted hops report; X-Forwarded-For
    // still gets the peer appended, as every hop does.
    void callLogHasTheReportedClient()
    {
        const header_list chain{{"X-Forwarded-For", "1.2.3.4, 203.0.113.9, 10.1.2.3"},
                                {"X-Request-Id", "trusted-chain-1"}};
        auto r = http_request(m_trusting.port(), "GET", "/echo/c", chain);
        QCOMPARE(r.status, 200);
        QCOMPARE(echoed_header(r, "x-forwarded-for"),
                 QStringLiteral("1.2.3.4, 203.0.113.9, 10.1.2.3, 127.0.0.1"));
        auto record = call_record_with_id(m_trusting, "trusted-chain-1");
        QVERIFY(record);
        QCOMPARE(QString::fromStdString(std::string(record->client_address.view())),
                 QStringLiteral("203.0.113.9"));

        header_list wary = chain;
        wary[1].second = "wary-chain-1";
        r = http_request(m_wary.port(), "GET", "/echo/c", wary);
        QCOMPARE(echoed_header(r, "x-forwarded-for"),
                 QStringLiteral("1.2.3.4, 203.0.113.9, 10.1.2.3, 127.0.0.1"));
        record = call_record_with_id(m_wary, "wary-chain-1");
        QVERIFY(record);
        QCOMPARE(QString::fromStdString(std::string(record->client_address.view())),
                 QStringLiteral("127.0.0.1"));
    }

    // An upstream may answer https and http differently (absolute links):
    // where the scheme is believed, it is part of the cache key; where it is
    // not, the client's claim changes nothing.
    void cacheKeysTheReportedScheme()
    {
        const std::string target = "/cached/k?cache_control=max-age%3D60";
        const header_list https{{"X-Forwarded-Proto", "https"}};
        const header_list http{{"X-Forwarded-Proto", "http"}};
        auto before = m_origin.requests();
        QCOMPARE(http_request(m_trusting.port(), "GET", target, https).status, 200);
        auto r = http_request(m_trusting.port(), "GET", target, http);
        QCOMPARE(echoed_header(r, "x-forwarded-proto"), QStringLiteral("http"));
        QCOMPARE(m_origin.requests(), before + 2);
        r = http_request(m_trusting.port(), "GET", target, https);
        QVERIFY2(r.header("Cache-Status").find("hit") != std::string::npos,
                 r.header("Cache-Status").c_str());
        QCOMPARE(echoed_header(r, "x-forwarded-proto"), QStringLiteral("https"));
        QCOMPARE(m_origin.requests(), before + 2);

        before = m_origin.requests();
        QCOMPARE(http_request(m_wary.port(), "GET", target, https).status, 200);
        r = http_request(m_wary.port(), "GET", target, http);
        QVERIFY2(r.header("Cache-Status").find("hit") != std::string::npos,
                 r.header("Cache-Status").c_str());
        QCOMPARE(m_origin.requests(), before + 1);
    }
};

QTEST_GUILESS_MAIN(TestTrustedProxies)
#include "tst_trusted_proxies.moc"
