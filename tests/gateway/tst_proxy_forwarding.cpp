// SPDX-FileCopyrightText: Gatehouse contributors
// SPDX-License-Identifier: Apache-2.0
#include "gateway/gateway_server.hpp"

#include "echo_json.h"
#include "gateway_fixture.h"
#include "tests/support/test_http.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QElapsedTimer>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QtTest/QTest>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

using namespace gatehouse;
using namespace gatehouse::test;

namespace {

// The SHA-256 of `bytes` in hex, as the demo origin's /echo reports a
// body's (body_sha256).
QByteArray sha256_hex(const std::string& bytes)
{
    return QCryptographicHash::hash(QByteArrayView(bytes.data(), qsizetype(bytes.size())),
                                    QCryptographicHash::Sha256)
        .toHex();
}

} // namespace

// Forwarding through the gateway to a real demo origin: what the upstream
// receives (seen through /echo) and what the client gets back.
class TestProxyForwarding : public QObject {
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
        auto based = make_upstream("based", {});
        based.targets.push_back({origin_url(m_origin.port()) + "/echo/base", 1});
        config.upstreams.push_back(based);
        config.routes.push_back(make_route("all", "/", "origin"));
        auto strip = make_route("strip", "/strip", "origin");
        strip.strip_prefix = true;
        config.routes.push_back(strip);
        auto rewrite = make_route("rewrite", "/rw/{version}", "origin");
        rewrite.rewrite_prefix = "/echo/v2";
        config.routes.push_back(rewrite);
        auto base = make_route("based", "/based", "based");
        base.strip_prefix = true;
        config.routes.push_back(base);
        // A catalog API at /orders/v1 that strips its base path: an exact
        // route with a parameter, forwarded below the target's own path.
        auto api = make_route("api", "/orders/v1/items/{id}", "based");
        api.match = gateway::path_match::exact;
        api.strip_base = "/orders/v1";
        config.routes.push_back(api);
        auto apiRoot = make_route("api-root", "/orders/v1", "based");
        apiRoot.match = gateway::path_match::exact;
        apiRoot.strip_base = "/orders/v1";
        config.routes.push_back(apiRoot);
        auto keep = make_route("keep-host", "/keephost", "origin");
        keep.preserve_host = true;
        keep.rewrite_prefix = "/echo";
        config.routes.push_back(keep);
        auto hosted = make_route("hosted", "/hosted", "origin");
        hosted.rewrite_prefix = "/echo/any-host";
        config.routes.push_back(hosted);
        auto shop = make_route("hosted-shop", "/hosted", "origin");
        shop.host = "Shop.Example.com";
        shop.rewrite_prefix = "/echo/shop";
        config.routes.push_back(shop);
        QCOMPARE(QString::fromStdString(m_gateway.apply(config)), QString());
        auto options = test_options();
        options.body_limit = 64 * 1024 * 1024;
        QCOMPARE(QString::fromStdString(m_gateway.start(options)), QString());
        m_port = m_gateway.port();
        QVERIFY(m_port != 0);
    }

    void cleanupTestCase()
    {
        m_gateway.stop();
        m_origin.stop();
    }

    void forwardingHeaders()
    {
        const auto r = http_request(m_port, "GET", "/echo/headers?x=1",
                                    {{"Host", "api.example.com"},
                                     {"Connection", "keep-alive, X-Hop-Secret"},
                                     {"X-Hop-Secret", "must not pass"},
                                     {"Keep-Alive", "timeout=5"},
                                     {"TE", "trailers"},
                                     {"Proxy-Authorization", "Basic Zm9vOmJhcg=="},
                                     {"X-Forwarded-For", "203.0.113.9"},
                                     {"X-Forwarded-Host", "evil.example"},
                                     {"X-Request-Id", "req-abc-123"},
                                     {"X-Custom", "kept"}});
        QCOMPARE(r.status, 200);
        const auto headers = json_body(r).value(QStringLiteral("headers")).toObject();
        for (const char* hop : {"x-hop-secret", "keep-alive", "te", "proxy-authorization"})
            QVERIFY2(!headers.contains(QLatin1String(hop)), hop);
        QVERIFY(!headers.value(QStringLiteral("connection"))
                     .toString()
                     .contains(QStringLiteral("X-Hop"), Qt::CaseInsensitive));
        QCOMPARE(echoed_header(r, "x-forwarded-for"), QStringLiteral("203.0.113.9, 127.0.0.1"));
        QCOMPARE(echoed_header(r, "x-forwarded-proto"), QStringLiteral("http"));
        QCOMPARE(echoed_header(r, "x-forwarded-host"), QStringLiteral("api.example.com"));
        QCOMPARE(echoed_header(r, "via"), QStringLiteral("1.1 gatehouse"));
        QCOMPARE(echoed_header(r, "x-request-id"), QStringLiteral("req-abc-123"));
        QCOMPARE(echoed_header(r, "x-custom"), QStringLiteral("kept"));
        QCOMPARE(echoed_header(r, "host"), QStringLiteral("127.0.0.1:%1").arg(m_origin.port()));
        QCOMPARE(json_body(r).value(QStringLiteral("query")).toString().remove(QLatin1Char('?')),
                 QStringLiteral("x=1"));
        QCOMPARE(QString::fromStdString(r.header("X-Request-Id")), QStringLiteral("req-abc-123"));
        QVERIFY(QString::fromStdString(r.header("Via")).contains(QStringLiteral("gatehouse")));
    }

    // RFC 9110 §7.6.1: a field the client names in Connection is for the
    // gateway alone, the forwarding fields included.
    void forwardingFieldsNamedInConnectionAreDropped()
    {
        const auto r = http_request(m_port, "GET", "/echo/named",
                                    {{"Host", "api.example.com"},
                                     {"Connection", "keep-alive, X-Forwarded-For, Via"},
                                     {"X-Forwarded-For", "203.0.113.9"},
                                     {"Via", "1.1 client-side"}});
        QCOMPARE(r.status, 200);
        QCOMPARE(echoed_header(r, "x-forwarded-for"), QStringLiteral("127.0.0.1"));
        QCOMPARE(echoed_header(r, "via"), QStringLiteral("1.1 gatehouse"));
        QCOMPARE(echoed_header(r, "x-forwarded-host"), QStringLiteral("api.example.com"));
    }

    // A route naming a host takes that host's requests, whatever the case
    // and port they come with; other hosts fall to the route without one.
    void routesByHost_data()
    {
        QTest::addColumn<QString>("host");
        QTest::addColumn<QString>("path");
        QTest::newRow("named host") << "shop.example.com"
                                    << "/echo/shop/x";
        QTest::newRow("case and port") << "SHOP.example.COM:8443"
                                       << "/echo/shop/x";
        QTest::newRow("other host") << "api.example.com"
                                    << "/echo/any-host/x";
        QTest::newRow("ip literal") << "127.0.0.1:80"
                                    << "/echo/any-host/x";
    }

    void routesByHost()
    {
        QFETCH(QString, host);
        QFETCH(QString, path);
        const auto r = http_request(m_port, "GET", "/hosted/x", {{"Host", host.toStdString()}});
        QCOMPARE(r.status, 200);
        QCOMPARE(json_body(r).value(QStringLiteral("path")).toString(), path);
    }

    void generatesRequestId()
    {
        const auto r = http_request(m_port, "GET", "/echo");
        QCOMPARE(r.status, 200);
        const QString id = QString::fromStdString(r.header("X-Request-Id"));
        QCOMPARE(id.size(), 32);
        QCOMPARE(echoed_header(r, "x-request-id"), id);
        // Ids sort by time (the call log's index on them grows at one end):
        // the first 12 hex digits are the call's start in Unix milliseconds.
        bool hex = false;
        const qint64 ms = id.left(12).toLongLong(&hex, 16);
        QVERIFY2(hex, qPrintable(id));
        QVERIFY2(qAbs(ms - QDateTime::currentMSecsSinceEpoch()) < 60'000, qPrintable(id));
        QVERIFY2(QRegularExpression(QStringLiteral("^[0-9a-f]{32}$")).match(id).hasMatch(),
                 qPrintable(id));
        const auto second = http_request(m_port, "GET", "/echo");
        const QString secondId = QString::fromStdString(second.header("X-Request-Id"));
        QVERIFY(secondId != id);
        QVERIFY2(secondId.left(12) >= id.left(12), qPrintable(secondId));
    }

    void preserveHost()
    {
        const auto r = http_request(m_port, "GET", "/keephost/x", {{"Host", "api.example.com"}});
        QCOMPARE(r.status, 200);
        QCOMPARE(echoed_header(r, "host"), QStringLiteral("api.example.com"));
    }

    // RFC 9112 §3.2.2: with an absolute-form target the target's authority
    // is the host asked for, not the Host field (which must still be valid).
    void absoluteFormTargetStandsForHost_data()
    {
        QTest::addColumn<QString>("scheme");
        QTest::newRow("http") << QStringLiteral("http");
        QTest::newRow("https") << QStringLiteral("https");
    }

    void absoluteFormTargetStandsForHost()
    {
        QFETCH(QString, scheme);
        http_connection c;
        QVERIFY(c.connect(m_port));
        QVERIFY(c.send_raw("GET " + scheme.toStdString() +
                           "://api.example.com/echo/abs?y=2 HTTP/1.1\r\n"
                           "Host: other.example\r\n\r\n"));
        const auto r = c.read();
        QCOMPARE(r.status, 200);
        QCOMPARE(json_body(r).value(QStringLiteral("path")).toString(),
                 QStringLiteral("/echo/abs"));
        QCOMPARE(echoed_header(r, "x-forwarded-host"), QStringLiteral("api.example.com"));
        // A route that passes the host on passes the target's.
        QVERIFY(c.send_raw("GET " + scheme.toStdString() +
                           "://api.example.com:8080/keephost/x HTTP/1.1\r\n"
                           "Host: other.example\r\n\r\n"));
        const auto kept = c.read();
        QCOMPARE(kept.status, 200);
        QCOMPARE(echoed_header(kept, "host"), QStringLiteral("api.example.com:8080"));
        QCOMPARE(echoed_header(kept, "x-forwarded-host"), QStringLiteral("api.example.com:8080"));
    }

    // Doubled slashes are merged before routing and forwarding unless the
    // listener says otherwise (listen.merge_slashes).
    void doubledSlashes()
    {
        auto r = http_request(m_port, "GET", "/echo//a///b");
        QCOMPARE(r.status, 200);
        QCOMPARE(json_body(r).value(QStringLiteral("path")).toString(),
                 QStringLiteral("/echo/a/b"));

        gateway::gateway_server kept;
        gateway::config_snapshot config;
        config.upstreams.push_back(make_upstream("origin", {m_origin.port()}));
        config.routes.push_back(make_route("all", "/", "origin"));
        QCOMPARE(QString::fromStdString(kept.apply(config)), QString());
        auto options = test_options();
        options.merge_slashes = false;
        QCOMPARE(QString::fromStdString(kept.start(options)), QString());
        r = http_request(kept.port(), "GET", "/echo/fetch/https://example.com//x");
        QCOMPARE(r.status, 200);
        QCOMPARE(json_body(r).value(QStringLiteral("path")).toString(),
                 QStringLiteral("/echo/fetch/https://example.com//x"));
        kept.stop();
    }

    void pathRewriting_data()
    {
        QTest::addColumn<QString>("target");
        QTest::addColumn<QString>("originPath");
        // What the upstream is told was taken off (X-Forwarded-Prefix);
        // empty: no such field.
        QTest::addColumn<QString>("prefix");
        QTest::newRow("strip prefix") << "/strip/echo/a/b"
                                      << "/echo/a/b"
                                      << "/strip";
        QTest::newRow("rewrite prefix") << "/rw/v1/items/7"
                                        << "/echo/v2/items/7"
                                        << "/rw/v1";
        QTest::newRow("rewrite prefix exact") << "/rw/v1"
                                              << "/echo/v2"
                                              << "/rw/v1";
        QTest::newRow("target base path") << "/based/x"
                                          << "/echo/base/x"
                                          << "/based";
        QTest::newRow("dot segments resolved") << "/strip/x/../echo/y"
                                               << "/echo/y"
                                               << "/strip";
        QTest::newRow("strip base path") << "/orders/v1/items/7?x=1"
                                         << "/echo/base/items/7"
                                         << "/orders/v1";
        QTest::newRow("strip base path, root") << "/orders/v1"
                                               << "/echo/base/"
                                               << "/orders/v1";
        QTest::newRow("untouched") << "/echo/plain"
                                   << "/echo/plain" << QString();
    }

    void pathRewriting()
    {
        QFETCH(QString, target);
        QFETCH(QString, originPath);
        QFETCH(QString, prefix);
        // A client's own X-Forwarded-Prefix never reaches the upstream.
        const auto r = http_request(m_port, "GET", target.toStdString(),
                                    {{"X-Forwarded-Prefix", "//evil.example"}});
        QCOMPARE(r.status, 200);
        QCOMPARE(json_body(r).value(QStringLiteral("path")).toString(), originPath);
        const auto headers = json_body(r).value(QStringLiteral("headers")).toObject();
        QCOMPARE(headers.contains(QStringLiteral("x-forwarded-prefix")), !prefix.isEmpty());
        QCOMPARE(echoed_header(r, "x-forwarded-prefix"), prefix);
    }

    void largeUploadIsStreamed()
    {
        std::string body(20 * 1024 * 1024, '\0');
        for (std::size_t i = 0; i < body.size(); ++i)
            body[i] = static_cast<char>('a' + i % 23);
        const auto r = http_request(m_port, "POST", "/echo/upload",
                                    {{"Content-Type", "application/octet-stream"}}, body,
                                    std::chrono::seconds(30));
        QCOMPARE(r.status, 200);
        QCOMPARE(json_body(r).value(QStringLiteral("body_length")).toInteger(),
                 qint64(body.size()));
        const QByteArray sha = sha256_hex(body);
        QCOMPARE(json_body(r).value(QStringLiteral("body_sha256")).toString().toLatin1(), sha);
    }

    void chunkedUpload()
    {
        http_connection c;
        QVERIFY(c.connect(m_port));
        QVERIFY(c.send_raw(
            "POST /echo/chunked HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n"
            "5\r\nhello\r\n6\r\n world\r\n0\r\n\r\n"));
        const auto r = c.read();
        QCOMPARE(r.status, 200);
        QCOMPARE(json_body(r).value(QStringLiteral("body")).toString(),
                 QStringLiteral("hello world"));
    }

    // Thousands of tiny chunks (some with extensions) arriving in one piece:
    // the gateway takes up to 16 of them per write, and more than that per
    // read, so every boundary between those batches is crossed many times.
    void chunkedUploadOfManySmallChunks()
    {
        std::string body;
        std::string framed =
            "POST /echo/tiny-chunks HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n";
        for (int i = 0; i < 3000; ++i) {
            const std::string piece(std::size_t(1 + i % 9), static_cast<char>('a' + i % 26));
            body += piece;
            framed += std::to_string(piece.size());
            if (i % 7 == 0)
                framed += ";n=" + std::to_string(i);
            framed += "\r\n" + piece + "\r\n";
        }
        framed += "0\r\n\r\n";
        http_connection c;
        QVERIFY(c.connect(m_port));
        QVERIFY(c.send_raw(framed));
        const auto r = c.read();
        QCOMPARE(r.status, 200);
        QCOMPARE(json_body(r).value(QStringLiteral("body_length")).toInteger(),
                 qint64(body.size()));
        const QByteArray sha = sha256_hex(body);
        QCOMPARE(json_body(r).value(QStringLiteral("body_sha256")).toString().toLatin1(), sha);
        // The connection reads on cleanly after it.
        QVERIFY(c.send_raw("GET /echo/after HTTP/1.1\r\nHost: a\r\n\r\n"));
        QCOMPARE(c.read().status, 200);
    }

    // The upstream connection goes back to the pool after a chunked upload:
    // the next request on it must arrive clean (no stray terminator bytes).
    void chunkedUploadLeavesPooledConnectionClean()
    {
        http_connection c;
        QVERIFY(c.connect(m_port));
        for (int i = 0; i < 3; ++i) {
            QVERIFY(c.send_raw("POST /echo/chunked HTTP/1.1\r\nHost: a\r\n"
                               "Transfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n0\r\n\r\n"));
            const auto upload = c.read();
            QCOMPARE(upload.status, 200);
            QCOMPARE(json_body(upload).value(QStringLiteral("body")).toString(),
                     QStringLiteral("hello"));
            QVERIFY(c.send_raw("GET /echo/after HTTP/1.1\r\nHost: a\r\n\r\n"));
            const auto after = c.read();
            QCOMPARE(after.status, 200);
            QCOMPARE(json_body(after).value(QStringLiteral("method")).toString(),
                     QStringLiteral("GET"));
        }
    }

    void largeDownload()
    {
        const auto r =
            http_request(m_port, "GET", "/respond?size=50000000", {}, {}, std::chrono::seconds(30));
        QCOMPARE(r.status, 200);
        QCOMPARE(r.body.size(), std::size_t(50000000));
        QCOMPARE(r.header("Content-Length"), std::string("50000000"));
        // Byte for byte: the origin's body repeats "0123456789abcdef", so a
        // piece sent twice or skipped by a partial write shows up here.
        static constexpr std::string_view digits = "0123456789abcdef";
        for (std::size_t i = 0; i < r.body.size(); ++i) {
            if (r.body[i] != digits[i % 16])
                QFAIL(qPrintable(QStringLiteral("byte %1 differs").arg(i)));
        }
    }

    void chunkedResponseRelayed()
    {
        const auto r = http_request(m_port, "GET", "/stream?size=1000000&chunk=1000");
        QCOMPARE(r.status, 200);
        QCOMPARE(r.header("Transfer-Encoding"), std::string("chunked"));
        QCOMPARE(r.body.size(), std::size_t(1000000));
    }

    void headHasNoBody()
    {
        http_connection c;
        QVERIFY(c.connect(m_port));
        QVERIFY(c.send("HEAD", "/products/1"));
        const auto head = c.read(std::chrono::seconds(5), true);
        QCOMPARE(head.status, 200);
        QVERIFY(head.body.empty());
        QVERIFY(head.has_header("Content-Length"));
        // The connection is still in sync: the next response is the right one.
        QVERIFY(c.send("GET", "/echo/after-head"));
        const auto next = c.read();
        QCOMPARE(next.status, 200);
        QCOMPARE(json_body(next).value(QStringLiteral("path")).toString(),
                 QStringLiteral("/echo/after-head"));
    }

    void keepAliveAndPipelining()
    {
        http_connection c;
        QVERIFY(c.connect(m_port));
        std::string pipelined;
        for (int i = 0; i < 5; ++i)
            pipelined += "GET /echo/p" + std::to_string(i) + " HTTP/1.1\r\nHost: a\r\n\r\n";
        QVERIFY(c.send_raw(pipelined));
        for (int i = 0; i < 5; ++i) {
            const auto r = c.read();
            QCOMPARE(r.status, 200);
            QVERIFY(r.keep_alive);
            QCOMPARE(json_body(r).value(QStringLiteral("path")).toString(),
                     QStringLiteral("/echo/p%1").arg(i));
        }
        for (int i = 0; i < 3; ++i) {
            QVERIFY(c.send("GET", "/health"));
            QCOMPARE(c.read().status, 200);
        }
    }

    // Uploads pipelined with the requests after them: each upload is read
    // in large pieces (the connection's buffer grows for it and shrinks
    // back after), and what came behind it is kept through both.
    void pipelinedBehindUploads()
    {
        std::string body(300 * 1024, '\0');
        for (std::size_t i = 0; i < body.size(); ++i)
            body[i] = static_cast<char>('a' + i % 19);
        const QByteArray sha = sha256_hex(body);
        std::string pipelined;
        for (int i = 0; i < 3; ++i) {
            pipelined += "POST /echo/up" + std::to_string(i) +
                         " HTTP/1.1\r\nHost: a\r\nContent-Length: " + std::to_string(body.size()) +
                         "\r\n\r\n" + body;
            pipelined += "GET /echo/get" + std::to_string(i) + " HTTP/1.1\r\nHost: a\r\n\r\n";
        }
        http_connection c;
        QVERIFY(c.connect(m_port));
        QVERIFY(c.send_raw(pipelined));
        for (int i = 0; i < 3; ++i) {
            const auto upload = c.read();
            QCOMPARE(upload.status, 200);
            QCOMPARE(json_body(upload).value(QStringLiteral("path")).toString(),
                     QStringLiteral("/echo/up%1").arg(i));
            QCOMPARE(json_body(upload).value(QStringLiteral("body_length")).toInteger(),
                     qint64(body.size()));
            QCOMPARE(json_body(upload).value(QStringLiteral("body_sha256")).toString().toLatin1(),
                     sha);
            const auto get = c.read();
            QCOMPARE(get.status, 200);
            QCOMPARE(json_body(get).value(QStringLiteral("path")).toString(),
                     QStringLiteral("/echo/get%1").arg(i));
        }
    }

    void clientHalfCloseAfterRequests_data()
    {
        QTest::addColumn<int>("requests");
        QTest::addColumn<bool>("together");
        QTest::newRow("one request, FIN right after") << 1 << false;
        QTest::newRow("one request and FIN in one go") << 1 << true;
        QTest::newRow("three pipelined, FIN right after") << 3 << false;
    }
    void clientHalfCloseAfterRequests()
    {
        // `printf 'GET ...' | nc host port`: keep-alive requests, then the
        // client shuts its sending side and waits for the gateway to close.
        // The FIN may arrive with the last request (one event for both);
        // the gateway must answer every request and close at once, not
        // after the keep-alive timeout (60 s here).
        QFETCH(int, requests);
        QFETCH(bool, together);
        const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
        QVERIFY(fd >= 0);
        sockaddr_in address{};
        address.sin_family = AF_INET;
        address.sin_port = htons(m_port);
        address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        QCOMPARE(::connect(fd, reinterpret_cast<sockaddr*>(&address), sizeof address), 0);
        std::string bytes;
        for (int i = 0; i < requests; ++i)
            bytes += "GET /echo/h" + std::to_string(i) + " HTTP/1.1\r\nHost: a\r\n\r\n";
        if (together) {
            // Held back until the FIN is queued, so both leave together.
            const int on = 1;
            ::setsockopt(fd, IPPROTO_TCP, TCP_CORK, &on, sizeof on);
        }
        QCOMPARE(::send(fd, bytes.data(), bytes.size(), MSG_NOSIGNAL), ssize_t(bytes.size()));
        QCOMPARE(::shutdown(fd, SHUT_WR), 0);
        QElapsedTimer timer;
        timer.start();
        std::string received;
        bool closed = false;
        while (!closed && timer.elapsed() < 10000) {
            pollfd p{fd, POLLIN, 0};
            if (::poll(&p, 1, 100) <= 0)
                continue;
            char chunk[4096];
            const ssize_t n = ::recv(fd, chunk, sizeof chunk, 0);
            if (n <= 0)
                closed = true;
            else
                received.append(chunk, static_cast<std::size_t>(n));
        }
        const qint64 elapsed = timer.elapsed();
        ::close(fd);
        QVERIFY2(closed, "the gateway kept the half-closed connection open");
        QVERIFY2(elapsed < 2000, qPrintable(QString::number(elapsed)));
        std::size_t answers = 0;
        for (std::size_t at = received.find("HTTP/1.1 200 "); at != std::string::npos;
             at = received.find("HTTP/1.1 200 ", at + 1))
            ++answers;
        QCOMPARE(answers, std::size_t(requests));
        QVERIFY(received.find("/echo/h" + std::to_string(requests - 1)) != std::string::npos);
    }

    void connectionClose()
    {
        http_connection c;
        QVERIFY(c.connect(m_port));
        QVERIFY(c.send("GET", "/echo", {{"Connection", "close"}}));
        const auto r = c.read();
        QCOMPARE(r.status, 200);
        QVERIFY(!r.keep_alive);
        QVERIFY(c.wait_closed(std::chrono::seconds(3)));
    }

    void http10Client()
    {
        http_connection c;
        QVERIFY(c.connect(m_port));
        QVERIFY(c.send_raw("GET /stream?size=3000 HTTP/1.0\r\n\r\n"));
        const auto r = c.read();
        QCOMPARE(r.status, 200);
        QCOMPARE(r.body.size(), std::size_t(3000));
        QVERIFY(!r.has_header("Transfer-Encoding"));
        QVERIFY(c.wait_closed(std::chrono::seconds(3)));
    }

    void expectContinue()
    {
        http_connection c;
        QVERIFY(c.connect(m_port));
        QVERIFY(c.send_raw("POST /echo/expect HTTP/1.1\r\nHost: a\r\nContent-Length: 5\r\n"
                           "Expect: 100-continue\r\n\r\n"));
        const std::string interim = c.read_raw(std::chrono::milliseconds(1500));
        QVERIFY2(interim.starts_with("HTTP/1.1 100 Continue\r\n\r\n"), interim.c_str());
        QVERIFY(c.send_raw("hello"));
        const auto r = c.read();
        QCOMPARE(r.status, 200);
        QCOMPARE(json_body(r).value(QStringLiteral("body")).toString(), QStringLiteral("hello"));
        QVERIFY(!json_body(r)
                     .value(QStringLiteral("headers"))
                     .toObject()
                     .contains(QStringLiteral("expect")));
    }

    void extensionMethodForwarded()
    {
        const auto r = http_request(m_port, "PURGEX", "/echo/m", {}, "x");
        QCOMPARE(r.status, 200);
        QCOMPARE(json_body(r).value(QStringLiteral("method")).toString(), QStringLiteral("PURGEX"));
    }

    void statsCountTraffic()
    {
        const auto before = m_gateway.stats();
        for (int i = 0; i < 10; ++i)
            QCOMPARE(http_request(m_port, "GET", "/health").status, 200);
        QCOMPARE(http_request(m_port, "GET", "/products/999999").status, 404);
        const auto after = m_gateway.stats();
        QCOMPARE(after.requests - before.requests, std::uint64_t(11));
        QCOMPARE(after.status_classes[2] - before.status_classes[2], std::uint64_t(10));
        QCOMPARE(after.status_classes[4] - before.status_classes[4], std::uint64_t(1));
        QVERIFY(after.bytes_out > before.bytes_out);
        QVERIFY(after.bytes_in > before.bytes_in);
        QCOMPARE(after.targets.size(), std::size_t(2));
    }
};

QTEST_APPLESS_MAIN(TestProxyForwarding)
#include "tst_proxy_forwarding.moc"
