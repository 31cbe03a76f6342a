// SPDX-FileCopyrightText: Gatehouse contributors
// SPDX-License-Identifier: Apache-2.0
#include "gateway/gateway_server.hpp"
#include "gateway/proxy_protocol.hpp"

#include "echo_json.h"
#include "gateway_fixture.h"
#include "test_certificate.h"
#include "tests/support/test_http.h"

#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/ssl.hpp>
#include <boost/asio/write.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/http.hpp>

#include <QJsonDocument>
#include <QJsonObject>
#include <QtTest/QTest>

#include <random>
#include <thread>

using namespace gatehouse;
using namespace gatehouse::test;
using namespace std::chrono_literals;
using proxy_status = gateway::proxy_header::status;

Q_DECLARE_METATYPE(gateway::proxy_header::status)

namespace {

// A version 2 header: PROXY (or LOCAL) over TCP from `source`:`port` to
// 192.0.2.80:443 (IPv4) or 2001:db8::80 (IPv6), with `extra` bytes of
// extensions after the addresses.
std::string v2_header(bool proxy, const std::string& source, std::uint16_t port,
                      std::size_t extra = 0)
{
    const auto address = boost::asio::ip::make_address(source);
    std::string addresses;
    if (address.is_v4()) {
        const auto s = address.to_v4().to_bytes();
        addresses.append(s.begin(), s.end());
        addresses.append("\xc0\x00\x02\x50", 4);
    } else {
        const auto s = address.to_v6().to_bytes();
        addresses.append(s.begin(), s.end());
        const auto d = boost::asio::ip::make_address_v6("2001:db8::80").to_bytes();
        addresses.append(d.begin(), d.end());
    }
    addresses.push_back(static_cast<char>(port >> 8));
    addresses.push_back(static_cast<char>(port & 0xff));
    addresses.append("\x01\xbb", 2);
    // An extension the gateway ignores (PP2_TYPE_NOOP, padding).
    if (extra >= 3) {
        addresses.push_back('\x04');
        addresses.push_back(static_cast<char>((extra - 3) >> 8));
        addresses.push_back(static_cast<char>((extra - 3) & 0xff));
        addresses.append(extra - 3, '\0');
    }
    std::string out("\r\n\r\n\0\r\nQUIT\n", 12);
    out.push_back(proxy ? '\x21' : '\x20');
    out.push_back(address.is_v4() ? '\x11' : '\x21');
    out.push_back(static_cast<char>(addresses.size() >> 8));
    out.push_back(static_cast<char>(addresses.size() & 0xff));
    return out + addresses;
}

std::string request(const std::string& id, const std::string& extra_fields = {})
{
    return "GET /echo/pp HTTP/1.1\r\nHost: api.example\r\nX-Request-Id: " + id + "\r\n" +
           extra_fields + "Connection: close\r\n\r\n";
}

} // namespace

// Behind a layer-4 load balancer (AWS NLB, HAProxy in TCP mode) each
// connection starts with a PROXY protocol header naming the client. The
// reader on its own (versions 1 and 2, good and broken), then gateways
// that expect it: one trusting the tests' 127.0.0.0/8 and 10.0.0.0/8 as
// balancers, one trusting only 10.0.0.0/8.
class TestProxyProtocol : public QObject {
    Q_OBJECT

private:
    gateway::demo_origin m_origin;
    gateway::gateway_server m_gateway;
    gateway::gateway_server m_wary;

    static gateway::gateway_options options(bool trust_loopback)
    {
        auto o = test_options();
        o.proxy_protocol = true;
        o.client_header_timeout = 500ms;
        if (trust_loopback)
            o.trusted_proxies.add("127.0.0.0/8");
        o.trusted_proxies.add("10.0.0.0/8");
        return o;
    }

    static QString clientOf(gateway::gateway_server& gateway, const std::string& id)
    {
        const auto record = call_record_with_id(gateway, id);
        return record ? QString::fromStdString(std::string(record->client_address.view()))
                      : QStringLiteral("(no record)");
    }

    // Sends `bytes` (in pieces split at `splits`, with a pause between) on
    // a new connection to `port` and reads the answer.
    static http_response exchange(std::uint16_t port, const std::string& bytes,
                                  std::vector<std::size_t> splits = {})
    {
        http_connection c;
        if (!c.connect(port))
            return {};
        std::size_t at = 0;
        splits.push_back(bytes.size());
        for (const std::size_t split : splits) {
            if (!c.send_raw(std::string_view(bytes).substr(at, split - at)))
                return {};
            at = split;
            std::this_thread::sleep_for(20ms);
        }
        return c.read(5s);
    }

private slots:
    void initTestCase()
    {
        QCOMPARE(QString::fromStdString(m_origin.start()), QString());
        gateway::config_snapshot config;
        config.upstreams.push_back(make_upstream("origin", {m_origin.port()}));
        config.routes.push_back(make_route("all", "/", "origin"));
        QCOMPARE(QString::fromStdString(m_gateway.apply(config)), QString());
        QCOMPARE(QString::fromStdString(m_gateway.start(options(true))), QString());
        QCOMPARE(QString::fromStdString(m_wary.apply(config)), QString());
        QCOMPARE(QString::fromStdString(m_wary.start(options(false))), QString());
    }

    void cleanupTestCase()
    {
        m_gateway.stop();
        m_wary.stop();
        m_origin.stop();
    }

    void parse_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<proxy_status>("state");
        QTest::addColumn<int>("length");
        QTest::addColumn<QString>("source"); // "": none
        QTest::addColumn<int>("port");
        const QByteArray tcp4 = "PROXY TCP4 192.0.2.1 198.51.100.2 51234 443\r\n";
        QTest::newRow("v1 TCP4, request after")
            << tcp4 + "GET / HTTP/1.1\r\n"
            << proxy_status::complete << int(tcp4.size()) << "192.0.2.1" << 51234;
        QTest::newRow("v1 TCP6") << QByteArray("PROXY TCP6 2001:db8::1 2001:db8::2 1000 443\r\n")
                                 << proxy_status::complete << 45 << "2001:db8::1" << 1000;
        QTest::newRow("v1 UNKNOWN")
            << QByteArray("PROXY UNKNOWN\r\n") << proxy_status::complete << 15 << QString() << 0;
        QTest::newRow("v1 UNKNOWN with addresses")
            << QByteArray("PROXY UNKNOWN ffff:: ffff:: 1 2\r\n") << proxy_status::complete << 33
            << QString() << 0;
        QTest::newRow("v1 partial")
            << QByteArray("PROXY TCP4 192.0") << proxy_status::need_more << 0 << QString() << 0;
        QTest::newRow("v1 signature partial")
            << QByteArray("PRO") << proxy_status::need_more << 0 << QString() << 0;
        const auto bad = [](const char* name, const char* bytes) {
            QTest::newRow(name) << QByteArray(bytes) << proxy_status::invalid << 0 << QString()
                                << 0;
        };
        bad("v1 UDP4", "PROXY UDP4 192.0.2.1 198.51.100.2 1 2\r\n");
        bad("v1 port out of range", "PROXY TCP4 192.0.2.1 198.51.100.2 70000 443\r\n");
        bad("v1 port with a leading zero", "PROXY TCP4 192.0.2.1 198.51.100.2 0443 443\r\n");
        bad("v1 TCP4 naming IPv6", "PROXY TCP4 2001:db8::1 198.51.100.2 1 2\r\n");
        bad("v1 field missing", "PROXY TCP4 192.0.2.1 198.51.100.2 1\r\n");
        bad("v1 field too many", "PROXY TCP4 192.0.2.1 198.51.100.2 1 2 3\r\n");
        bad("v1 not an address", "PROXY TCP4 192.0.2.x 198.51.100.2 1 2\r\n");
        bad("v1 lower case", "proxy TCP4 192.0.2.1 198.51.100.2 1 2\r\n");
        bad("plain HTTP", "GET / HTTP/1.1\r\nHost: x\r\n\r\n");
        bad("TLS", "\x16\x03\x01\x02\x00\x01");
        QTest::newRow("v1 too long") << QByteArray("PROXY TCP4 ") + QByteArray(100, '1')
                                     << proxy_status::invalid << 0 << QString() << 0;

        const auto v2 = [](const std::string& s) {
            return QByteArray(s.data(), int(s.size()));
        };
        QTest::newRow("v2 IPv4 with an extension")
            << v2(v2_header(true, "203.0.113.7", 40000, 20)) + "GET" << proxy_status::complete
            << 16 + 12 + 20 << "203.0.113.7" << 40000;
        QTest::newRow("v2 IPv6") << v2(v2_header(true, "2001:db8::7", 7)) << proxy_status::complete
                                 << 16 + 36 << "2001:db8::7" << 7;
        QTest::newRow("v2 LOCAL") << v2(v2_header(false, "203.0.113.7", 1))
                                  << proxy_status::complete << 16 + 12 << QString() << 0;
        const std::string whole = v2_header(true, "203.0.113.7", 1);
        QTest::newRow("v2 signature only")
            << v2(whole.substr(0, 12)) << proxy_status::need_more << 0 << QString() << 0;
        QTest::newRow("v2 addresses to come")
            << v2(whole.substr(0, 20)) << proxy_status::need_more << 0 << QString() << 0;
        std::string unspec = whole;
        unspec[13] = '\x00';
        QTest::newRow("v2 UNSPEC")
            << v2(unspec) << proxy_status::complete << 16 + 12 << QString() << 0;
        std::string version1 = whole;
        version1[12] = '\x11';
        QTest::newRow("v2 wrong version")
            << v2(version1) << proxy_status::invalid << 0 << QString() << 0;
        std::string command2 = whole;
        command2[12] = '\x22';
        QTest::newRow("v2 unknown command")
            << v2(command2) << proxy_status::invalid << 0 << QString() << 0;
        std::string short_v4 = whole.substr(0, 16) + whole.substr(16, 8);
        short_v4[15] = '\x08';
        QTest::newRow("v2 IPv4 addresses cut short")
            << v2(short_v4) << proxy_status::invalid << 0 << QString() << 0;
        QTest::newRow("v2 over the limit")
            << v2(v2_header(true, "203.0.113.7", 1, gateway::proxy_header_limit))
            << proxy_status::invalid << 0 << QString() << 0;
    }
    void parse()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(proxy_status, state);
        QFETCH(int, length);
        QFETCH(QString, source);
        QFETCH(int, port);
        const auto parsed =
            gateway::parse_proxy_header(std::string_view(bytes.data(), bytes.size()));
        QCOMPARE(parsed.state, state);
        if (state != proxy_status::complete)
            return;
        QCOMPARE(int(parsed.length), length);
        QCOMPARE(parsed.source ? QString::fromStdString(parsed.source->to_string()) : QString(),
                 source);
        QCOMPARE(int(parsed.source_port), port);
    }

    // The reader takes bytes off the socket on need_more, so every proper
    // prefix of a header must say need_more, and the whole header complete
    // with its own length whatever follows it.
    void everyPrefixOfAHeaderNeedsMore()
    {
        const std::string headers[] = {
            "PROXY TCP4 192.0.2.1 198.51.100.2 51234 443\r\n",
            "PROXY UNKNOWN\r\n",
            v2_header(true, "203.0.113.7", 1, 30),
            v2_header(false, "2001:db8::1", 2),
        };
        for (const auto& header : headers) {
            for (std::size_t n = 1; n < header.size(); ++n)
                QCOMPARE(gateway::parse_proxy_header(std::string_view(header).substr(0, n)).state,
                         proxy_status::need_more);
            const std::string followed = header + "GET / HTTP/1.1\r\n";
            const auto whole = gateway::parse_proxy_header(followed);
            QCOMPARE(whole.state, proxy_status::complete);
            QCOMPARE(whole.length, header.size());
        }
    }

    // Arbitrary bytes, many starting like a header to reach the parsers'
    // insides: never a length past what was given (run under the
    // sanitizers too). A fixed seed, a bounded count.
    void arbitraryBytesStayInBounds()
    {
        std::mt19937 rng(20261203);
        const std::string starts[] = {"", "PROXY ", "PROXY TCP4 ", "PROXY TCP6 ",
                                      v2_header(true, "192.0.2.1", 1).substr(0, 16)};
        int complete = 0;
        for (int i = 0; i < 20000; ++i) {
            std::string bytes = starts[rng() % std::size(starts)];
            const std::size_t extra = rng() % 80;
            for (std::size_t k = 0; k < extra; ++k)
                bytes.push_back(rng() % 4 == 0 ? "0123456789.: \r\n"[rng() % 16]
                                               : static_cast<char>(rng() & 0xff));
            const auto parsed = gateway::parse_proxy_header(bytes);
            if (parsed.state == proxy_status::complete) {
                ++complete;
                QVERIFY(parsed.length >= 15 && parsed.length <= bytes.size());
            }
        }
        QVERIFY(complete > 0); // some v2 headers with short lengths are whole
    }

    // From a trusted balancer, the client it names is the client: the
    // upstream hears it in X-Forwarded-For, the call log names it. The
    // header may arrive with the request or in pieces.
    void trustedBalancerNamesTheClient_data()
    {
        QTest::addColumn<QByteArray>("header");
        QTest::addColumn<bool>("split");
        QTest::addColumn<QString>("client");
        const auto v2 = [](const std::string& s) {
            return QByteArray(s.data(), int(s.size()));
        };
        QTest::newRow("v1") << QByteArray("PROXY TCP4 203.0.113.7 192.0.2.80 40000 80\r\n") << false
                            << "203.0.113.7";
        QTest::newRow("v1 in pieces")
            << QByteArray("PROXY TCP4 203.0.113.7 192.0.2.80 40000 80\r\n") << true
            << "203.0.113.7";
        QTest::newRow("v2") << v2(v2_header(true, "203.0.113.8", 40000, 40)) << false
                            << "203.0.113.8";
        QTest::newRow("v2 in pieces")
            << v2(v2_header(true, "2001:db8::9", 40000, 40)) << true << "2001:db8::9";
        QTest::newRow("v2 LOCAL, the balancer's own")
            << v2(v2_header(false, "203.0.113.8", 1)) << false << "127.0.0.1";
        QTest::newRow("v1 UNKNOWN") << QByteArray("PROXY UNKNOWN\r\n") << false << "127.0.0.1";
    }
    void trustedBalancerNamesTheClient()
    {
        QFETCH(QByteArray, header);
        QFETCH(bool, split);
        QFETCH(QString, client);
        static int row = 0;
        const std::string id = "pp-row-" + std::to_string(++row);
        const std::string bytes = header.toStdString() + request(id);
        const auto r = exchange(m_gateway.port(), bytes,
                                split ? std::vector<std::size_t>{5, 14, std::size_t(header.size())}
                                      : std::vector<std::size_t>{});
        QCOMPARE(r.status, 200);
        QCOMPARE(echoed_header(r, "x-forwarded-for"), client);
        QCOMPARE(clientOf(m_gateway, id), client);
    }

    // The client a balancer names is a peer like any other: its own
    // X-Forwarded-For is believed only if it is itself trusted.
    void namedClientIsTrustedByItsOwnAddress()
    {
        const std::string via_proxy = "X-Forwarded-For: 198.51.100.9\r\n";
        auto r = exchange(m_gateway.port(), "PROXY TCP4 10.1.2.3 192.0.2.80 40000 80\r\n" +
                                                request("pp-inner-proxy", via_proxy));
        QCOMPARE(r.status, 200);
        QCOMPARE(echoed_header(r, "x-forwarded-for"), QStringLiteral("198.51.100.9, 10.1.2.3"));
        QCOMPARE(clientOf(m_gateway, "pp-inner-proxy"), QStringLiteral("198.51.100.9"));
        r = exchange(m_gateway.port(), "PROXY TCP4 203.0.113.7 192.0.2.80 40000 80\r\n" +
                                           request("pp-client-claims", via_proxy));
        QCOMPARE(r.status, 200);
        QCOMPARE(clientOf(m_gateway, "pp-client-claims"), QStringLiteral("203.0.113.7"));
    }

    // A balancer not among the trusted proxies may send the header (it is
    // read and taken off), but the address in it is not believed.
    void untrustedBalancerIsNotBelieved()
    {
        const auto r = exchange(m_wary.port(), "PROXY TCP4 203.0.113.7 192.0.2.80 40000 80\r\n" +
                                                   request("pp-untrusted"));
        QCOMPARE(r.status, 200);
        QCOMPARE(echoed_header(r, "x-forwarded-for"), QStringLiteral("127.0.0.1"));
        QCOMPARE(clientOf(m_wary, "pp-untrusted"), QStringLiteral("127.0.0.1"));
    }

    // A connection without a header, with a broken one, or silent, is
    // closed without an answer: it did not come through the balancer (or
    // something is wrong with it), and HTTP has not started.
    void connectionsWithoutAHeaderAreClosed_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::newRow("plain HTTP") << QByteArray(request("pp-none").c_str());
        QTest::newRow("broken header")
            << QByteArray("PROXY TCP4 203.0.113.7 nowhere 1 2\r\n") + request("pp-broken").c_str();
        QTest::newRow("silence") << QByteArray();
    }
    void connectionsWithoutAHeaderAreClosed()
    {
        QFETCH(QByteArray, bytes);
        const auto before = m_origin.requests();
        const auto refused = m_gateway.stats().refused_proxy_headers;
        const auto requests = m_gateway.stats().requests;
        http_connection c;
        QVERIFY(c.connect(m_gateway.port()));
        if (!bytes.isEmpty())
            QVERIFY(c.send_raw(bytes.toStdString()));
        const auto start = std::chrono::steady_clock::now();
        QVERIFY(c.wait_closed(5s));
        QCOMPARE(QString::fromStdString(c.read_raw(100ms)), QString());
        if (bytes.isEmpty()) // closed by the header timeout (500 ms here)
            QVERIFY(std::chrono::steady_clock::now() - start >= 400ms);
        QCOMPARE(m_origin.requests(), before);
        // Counted, so that a balancer sending none shows in the metrics.
        QTRY_COMPARE(m_gateway.stats().refused_proxy_headers, refused + 1);
        QCOMPARE(m_gateway.stats().requests, requests); // not a call
    }

    // Over HTTPS the header comes first, outside TLS, as balancers that do
    // not end TLS send it; the handshake follows on the same connection.
    void headerBeforeTls()
    {
        const temporary_certificate certificate;
        QCOMPARE(QString::fromStdString(certificate.error), QString());
        const std::string& cert = certificate.cert;
        const std::string& key = certificate.key;
        gateway::gateway_server secure;
        gateway::config_snapshot config;
        config.upstreams.push_back(make_upstream("origin", {m_origin.port()}));
        config.routes.push_back(make_route("all", "/", "origin"));
        auto o = options(true);
        o.tls_certificate_file = cert;
        o.tls_key_file = key;
        QCOMPARE(QString::fromStdString(secure.apply(config)), QString());
        QCOMPARE(QString::fromStdString(secure.start(o)), QString());

        namespace ssl = boost::asio::ssl;
        namespace http = boost::beast::http;
        boost::asio::io_context ioc;
        ssl::context context(ssl::context::tls_client);
        context.load_verify_file(cert);
        ssl::stream<boost::asio::ip::tcp::socket> stream(ioc, context);
        boost::system::error_code ec;
        stream.next_layer().connect({boost::asio::ip::address_v4::loopback(), secure.port()}, ec);
        QVERIFY2(!ec, ec.message().c_str());
        const std::string header = v2_header(true, "203.0.113.44", 40000, 8);
        boost::asio::write(stream.next_layer(), boost::asio::buffer(header), ec);
        QVERIFY(!ec);
        SSL_set_tlsext_host_name(stream.native_handle(), "localhost");
        stream.set_verify_mode(ssl::verify_peer);
        stream.set_verify_callback(ssl::host_name_verification("localhost"));
        stream.handshake(ssl::stream_base::client, ec);
        QVERIFY2(!ec, ec.message().c_str());
        http::request<http::empty_body> req{http::verb::get, "/echo/tls", 11};
        req.set(http::field::host, "localhost");
        http::write(stream, req, ec);
        QVERIFY(!ec);
        boost::beast::flat_buffer buffer;
        http::response<http::string_body> res;
        http::read(stream, buffer, res, ec);
        QVERIFY2(!ec, ec.message().c_str());
        QCOMPARE(res.result_int(), 200u);
        const auto headers = QJsonDocument::fromJson(QByteArray::fromStdString(res.body()))
                                 .object()
                                 .value(QStringLiteral("headers"))
                                 .toObject();
        QCOMPARE(headers.value(QStringLiteral("x-forwarded-for")).toString(),
                 QStringLiteral("203.0.113.44"));
        QCOMPARE(headers.value(QStringLiteral("x-forwarded-proto")).toString(),
                 QStringLiteral("https"));
        secure.stop(300ms);
    }
};

QTEST_GUILESS_MAIN(TestProxyProtocol)
#include "tst_proxy_protocol.moc"
