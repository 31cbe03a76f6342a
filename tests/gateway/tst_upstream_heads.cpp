// SPDX-FileCopyrightText: Gatehouse contributors
// SPDX-License-Identifier: Apache-2.0
// How the gateway reads an upstream's response head, against an origin that
// answers with exact bytes: interim responses before the final one in the
// same packet (relayed, but for 100 Continue and to HTTP/1.0 clients), a head split across writes,
// a body arriving with its head, heads cut off or never sent, a head over the limit, a pooled
// connection the origin closed meanwhile, repeated or misplaced Content-Length, and bytes behind a
// complete response.
#include "cache_fixture.h"
#include "gateway_fixture.h"
#include "tests/support/test_http.h"
#include "threaded_origin.h"

#include <boost/asio/write.hpp>

#include <QtCore/QByteArray>
#include <QtCore/QJsonDocument>
#include <QtCore/QJsonObject>

#include <atomic>
#include <numeric>
#include <thread>

using namespace gatehouse;
using namespace gatehouse::test;
namespace asio = boost::asio;
using tcp = asio::ip::tcp;
using namespace std::chrono_literals;

namespace {

std::atomic<int> hinted_health_checks{0}; // answered on /hinted-health

// 3000 chunks of 1 to 9 bytes, every seventh with an extension, all in
// one write; many_chunks_body() is what they carry.
constexpr int many_chunks = 3000;
std::string many_chunks_piece(int i)
{
    return std::string(std::size_t(1 + i % 9), static_cast<char>('a' + i % 26));
}
std::string many_chunks_body()
{
    std::string body;
    for (int i = 0; i < many_chunks; ++i)
        body += many_chunks_piece(i);
    return body;
}
std::string many_chunks_response()
{
    std::string out = "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n";
    for (int i = 0; i < many_chunks; ++i) {
        const std::string piece = many_chunks_piece(i);
        out += std::to_string(piece.size());
        if (i % 7 == 0)
            out += ";n=" + std::to_string(i);
        out += "\r\n" + piece + "\r\n";
    }
    return out + "0\r\n\r\n";
}

// The chunks of a chunked body as sent (no extensions expected); empty
// when the framing is broken.
std::vector<std::string> chunks_of(std::string_view framed)
{
    std::vector<std::string> chunks;
    for (;;) {
        const auto line_end = framed.find("\r\n");
        if (line_end == std::string_view::npos)
            return {};
        const std::size_t size = std::stoul(std::string(framed.substr(0, line_end)), nullptr, 16);
        framed.remove_prefix(line_end + 2);
        if (size == 0)
            return framed == "\r\n" ? chunks : std::vector<std::string>{};
        if (framed.size() < size + 2 || framed.substr(size, 2) != "\r\n")
            return {};
        chunks.emplace_back(framed.substr(0, size));
        framed.remove_prefix(size + 2);
    }
}

// Answers a (bodiless) request with the bytes its path asks for; false:
// the connection ends here.
bool answer(threaded_origin::socket& socket, const std::string& target)
{
    boost::system::error_code ec;
    auto send = [&](std::string_view bytes) {
        asio::write(socket, asio::buffer(bytes), ec);
    };
    if (target == "/interim") {
        send("HTTP/1.1 100 Continue\r\n\r\n"
             "HTTP/1.1 103 Early Hints\r\nLink: </style.css>; rel=preload\r\n"
             "Connection: X-Hop\r\nX-Hop: 1\r\nVia: 1.1 origin-edge\r\n\r\n"
             "HTTP/1.1 200 OK\r\nContent-Length: 2\r\nX-Final: yes\r\n\r\nok");
    } else if (target == "/interim-cacheable") {
        send("HTTP/1.1 103 Early Hints\r\nLink: </app.js>; rel=preload\r\n\r\n"
             "HTTP/1.1 200 OK\r\nContent-Length: 6\r\nCache-Control: max-age=60\r\n\r\n"
             "stored");
    } else if (target == "/split") {
        send("HTTP/1.1 200 OK\r\nX-Split: fi");
        std::this_thread::sleep_for(100ms);
        send("rst\r\nContent-");
        std::this_thread::sleep_for(100ms);
        send("Length: 5\r\n\r\nhello");
    } else if (target == "/chunked") {
        send("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n"
             "3\r\nabc\r\n2\r\nde\r\n0\r\n\r\n");
    } else if (target == "/chunked-trailers") {
        send("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\nTrailer: X-Checksum\r\n\r\n"
             "3\r\nabc\r\n2\r\nde\r\n0\r\nX-Checksum: 5f2\r\nX-Other: 1\r\n\r\n");
    } else if (target == "/many-chunks") {
        send(many_chunks_response());
    } else if (target == "/partial") {
        send("HTTP/1.1 200 OK\r\nContent-Le");
        return false;
    } else if (target == "/silent") {
        return false;
    } else if (target == "/huge-head") {
        send("HTTP/1.1 200 OK\r\nX-Big: " + std::string(70 * 1024, 'a') +
             "\r\nContent-Length: 2\r\n\r\nok");
    } else if (target == "/repeated-length") {
        send("HTTP/1.1 200 OK\r\nContent-Length: 5\r\nContent-Length: 5\r\n\r\nhello");
    } else if (target == "/no-content-with-length") {
        send("HTTP/1.1 204 No Content\r\nContent-Length: 5\r\n\r\n");
    } else if (target == "/response-smuggled-after-no-content") {
        // A second, cacheable response right behind a bodiless one: read as
        // the answer to the next request on this connection, it would
        // answer someone else's request (and be stored for everyone).
        send("HTTP/1.1 204 No Content\r\n\r\n"
             "HTTP/1.1 200 OK\r\nContent-Length: 4\r\nCache-Control: max-age=600\r\n\r\nEVIL");
    } else if (target == "/chunked-then-gzip") {
        // chunked not last (RFC 9112 §7): where this body ends is unknowable.
        send("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked, gzip\r\n\r\n"
             "3\r\nabc\r\n0\r\n\r\n");
        return false;
    } else if (target == "/chunked-twice") {
        send("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\nTransfer-Encoding: chunked\r\n"
             "\r\n3\r\nabc\r\n0\r\n\r\n");
        return false;
    } else if (target == "/gzip-until-close") {
        // A coding without chunked: the body ends with the connection (§6.3).
        send("HTTP/1.1 200 OK\r\nTransfer-Encoding: gzip\r\n\r\nzipped-bytes");
        return false;
    } else if (target.starts_with("/status-")) {
        // "HTTP/1.1 999 Odd": three digits, as the grammar has it, outside
        // the range of HTTP's statuses.
        send("HTTP/1.1 " + target.substr(8) + " Odd\r\nContent-Length: 4\r\n\r\nodd!");
    } else if (target == "/stored-then-invalid") {
        // Storable but stale at once, with stale-if-error; every later
        // answer (the revalidations) has an invalid status.
        static std::atomic<int> answered{0};
        if (answered++ == 0)
            send("HTTP/1.1 200 OK\r\nContent-Length: 6\r\n"
                 "Cache-Control: max-age=0, stale-if-error=60\r\n\r\nstored");
        else
            send("HTTP/1.1 999 Odd\r\nContent-Length: 4\r\n\r\nodd!");
    } else if (target == "/refreshed-after-hints") {
        // Stale at once, refreshed in the background: the refresh gets a
        // 103 first, and the final response a little later.
        static std::atomic<int> answered{0};
        if (answered++ == 0) {
            send("HTTP/1.1 200 OK\r\nContent-Length: 5\r\n"
                 "Cache-Control: max-age=0, stale-while-revalidate=60\r\n\r\nfirst");
        } else {
            send("HTTP/1.1 103 Early Hints\r\nLink: </app.js>; rel=preload\r\n\r\n");
            std::this_thread::sleep_for(150ms);
            send("HTTP/1.1 200 OK\r\nContent-Length: 5\r\nCache-Control: max-age=60\r\n\r\n"
                 "fresh");
        }
    } else if (target == "/hinted-health") {
        ++hinted_health_checks;
        send("HTTP/1.1 103 Early Hints\r\nLink: </app.js>; rel=preload\r\n\r\n");
        std::this_thread::sleep_for(20ms);
        send("HTTP/1.1 204 No Content\r\nConnection: close\r\n\r\n");
        return false;
    } else if (target == "/reset-mid-body") {
        send("HTTP/1.1 200 OK\r\nContent-Length: 100000\r\n\r\n" + std::string(1000, 'x'));
        const ::linger reset{1, 0};
        ::setsockopt(socket.native_handle(), SOL_SOCKET, SO_LINGER, &reset, sizeof reset);
        return false;
    } else if (target == "/then-close") {
        send("HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok");
        return false; // after a keep-alive response: the pooled connection dies
    } else {
        send("HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok");
    }
    return !ec;
}

// An HTTP/1.1 connection, keep-alive unless the script closes.
void answer_scripted(threaded_origin::socket& socket)
{
    asio::streambuf buffer;
    while (const auto head = threaded_origin::read_head(socket, buffer)) {
        const auto first_space = head->find(' ');
        const std::string target =
            head->substr(first_space + 1, head->find(' ', first_space + 1) - first_space - 1);
        if (!answer(socket, target))
            return;
    }
}

} // namespace

class TestUpstreamHeads : public QObject {
    Q_OBJECT

private:
    gateway_before_origin m_proxy;
    std::uint16_t m_port = 0;

    // One route for every path, with the cache on; the error, if any.
    QString cacheEverything()
    {
        gateway::config_snapshot config;
        config.upstreams.push_back(make_upstream("origin", {m_proxy.origin().port()}));
        config.routes.push_back(cached_route("all", "/", "origin", ""));
        return QString::fromStdString(m_proxy.gateway().apply(config));
    }

    static void verifyUnavailable(const http_response& r)
    {
        QCOMPARE(r.status, 502);
        QCOMPARE(r.header("Content-Type"), std::string("application/problem+json"));
        const auto p = QJsonDocument::fromJson(QByteArray::fromStdString(r.body)).object();
        QCOMPARE(p.value(QStringLiteral("type")).toString(),
                 QStringLiteral("https://gatehouse.dev/problems/upstream-unavailable"));
    }

private slots:
    void init()
    {
        QCOMPARE(QString::fromStdString(m_proxy.start(answer_scripted)), QString());
        m_port = m_proxy.port();
    }

    void cleanup() { m_proxy.stop(); }

    // RFC 9110 §15.2: a proxy forwards 1xx responses -- here a 103 Early
    // Hints, whose Link lets a browser start fetching early. Not the 100
    // Continue: the gateway answers a client's expectation itself.
    void interimResponsesAreRelayedBeforeTheFinalOne()
    {
        http_connection c;
        QVERIFY(c.connect(m_port));
        QVERIFY(c.send("GET", "/interim"));
        const auto hints = c.read();
        QCOMPARE(hints.status, 103);
        QCOMPARE(hints.header("Link"), std::string("</style.css>; rel=preload"));
        QCOMPARE(hints.header("Via"), std::string("1.1 origin-edge, 1.1 gatehouse"));
        QVERIFY(!hints.has_header("X-Hop")); // named in Connection: hop-by-hop
        QVERIFY(!hints.has_header("Connection"));
        QVERIFY(!hints.has_header("X-Final"));
        const auto r = c.read();
        QCOMPARE(r.status, 200);
        QCOMPARE(r.header("X-Final"), std::string("yes"));
        QVERIFY(!r.has_header("Link"));
        QCOMPARE(r.body, std::string("ok"));
        // Nothing of the interim heads is left over on the connection.
        QVERIFY(c.send("GET", "/plain"));
        const auto next = c.read();
        QCOMPARE(next.status, 200);
        QCOMPARE(next.body, std::string("ok"));
        QCOMPARE(m_proxy.origin().accepted(), 1);
    }

    // RFC 9110 §15.2: no 1xx to an HTTP/1.0 client.
    void interimResponsesAreNotSentToHttp10Clients()
    {
        http_connection c;
        QVERIFY(c.connect(m_port));
        QVERIFY(c.send_raw("GET /interim HTTP/1.0\r\nHost: 127.0.0.1\r\n\r\n"));
        const std::string raw = c.read_raw(3s);
        QVERIFY2(raw.starts_with("HTTP/1.1 200 OK\r\n"), raw.c_str());
        QVERIFY(raw.find(" 103 ") == std::string::npos);
        QVERIFY(raw.ends_with("\r\n\r\nok"));
    }

    // The cache stores the final response only: a hit answers at once,
    // without the interim response that preceded it on the miss.
    void interimResponsesAreNotStored()
    {
        QCOMPARE(cacheEverything(), QString());

        http_connection c;
        QVERIFY(c.connect(m_port));
        QVERIFY(c.send("GET", "/interim-cacheable"));
        QCOMPARE(c.read().status, 103);
        const auto miss = c.read();
        QCOMPARE(miss.status, 200);
        QVERIFY2(cache_status_has(miss, "stored"), miss.header("Cache-Status").c_str());

        QVERIFY(c.send("GET", "/interim-cacheable"));
        const auto hit = c.read();
        QCOMPARE(hit.status, 200);
        QVERIFY2(cache_status_has(hit, "hit"), hit.header("Cache-Status").c_str());
        QCOMPARE(hit.body, std::string("stored"));
        QVERIFY(!hit.has_header("Link"));
    }

    // A background refresh reads past interim responses to the final one,
    // which it stores; and it never leaves one behind on a pooled
    // connection, where the next request would read it as its own.
    void backgroundRefreshReadsPastInterimResponses()
    {
        QCOMPARE(cacheEverything(), QString());
        QCOMPARE(http_request(m_port, "GET", "/refreshed-after-hints").body, std::string("first"));
        const auto stale = http_request(m_port, "GET", "/refreshed-after-hints");
        QCOMPARE(stale.body, std::string("first"));
        QVERIFY2(cache_status_has(stale, "detail=stale-while-revalidate"),
                 stale.header("Cache-Status").c_str());
        QTRY_COMPARE_WITH_TIMEOUT(http_request(m_port, "GET", "/refreshed-after-hints").body,
                                  std::string("fresh"), 5000);
        for (int i = 0; i < 4; ++i) {
            const auto r = http_request(m_port, "GET", "/plain");
            QCOMPARE(r.status, 200);
            QCOMPARE(r.body, std::string("ok"));
        }
    }

    // An active health check reads past interim responses too: a target
    // whose health path sends a 103 before its 204 is healthy.
    void healthCheckReadsPastInterimResponses()
    {
        gateway::config_snapshot config;
        auto up = make_upstream("origin", {m_proxy.origin().port()});
        up.health.active = true;
        up.health.path = "/hinted-health";
        up.health.interval = 50ms;
        up.health.timeout = 1s;
        config.upstreams.push_back(std::move(up));
        config.routes.push_back(make_route("all", "/", "origin"));
        QCOMPARE(QString::fromStdString(m_proxy.gateway().apply(config)), QString());
        const int before = hinted_health_checks.load();
        QTRY_VERIFY_WITH_TIMEOUT(hinted_health_checks.load() >= before + 4, 5000);
        QTest::qWait(100); // the last check's verdict is in
        const auto stats = m_proxy.gateway().stats();
        QCOMPARE(stats.targets.size(), std::size_t{1});
        QVERIFY(stats.targets.front().healthy);
        QCOMPARE(http_request(m_port, "GET", "/plain").body, std::string("ok"));
    }

    void headSplitAcrossWritesIsReadWhole()
    {
        const auto r = http_request(m_port, "GET", "/split");
        QCOMPARE(r.status, 200);
        QCOMPARE(r.header("X-Split"), std::string("first"));
        QCOMPARE(r.body, std::string("hello"));
    }

    void chunkedBodyArrivingWithItsHead()
    {
        const auto r = http_request(m_port, "GET", "/chunked");
        QCOMPARE(r.status, 200);
        QCOMPARE(r.body, std::string("abcde"));
    }

    // A chunked response with trailer fields: the body whole, the trailers
    // read past (not relayed: Trailer is hop-by-hop), and the connections
    // both ways clean for the next exchange.
    void trailersAfterTheLastChunkAreReadPast()
    {
        http_connection c;
        QVERIFY(c.connect(m_port));
        for (int i = 0; i < 2; ++i) {
            QVERIFY(c.send("GET", "/chunked-trailers"));
            const auto r = c.read();
            QCOMPARE(r.status, 200);
            QCOMPARE(r.body, std::string("abcde"));
            QVERIFY(!r.has_header("X-Checksum"));
            QVERIFY(c.send("GET", "/plain"));
            const auto next = c.read();
            QCOMPARE(next.status, 200);
            QCOMPARE(next.body, std::string("ok"));
        }
        QCOMPARE(m_proxy.origin().accepted(), 1);
    }

    // Many small chunks in one read leave as a few large ones: the gateway
    // writes what one read brought (up to 16 chunks of it) as one chunk,
    // with the same bytes, instead of a write and a chunk per chunk.
    void manyChunksInOneReadLeaveAsFew()
    {
        http_connection c;
        QVERIFY(c.connect(m_port));
        QVERIFY(c.send_raw("GET /many-chunks HTTP/1.1\r\nHost: a\r\nConnection: close\r\n\r\n"));
        const std::string raw = c.read_raw(5s);
        const auto head_end = raw.find("\r\n\r\n");
        QVERIFY2(head_end != std::string::npos, raw.c_str());
        QVERIFY(raw.starts_with("HTTP/1.1 200 OK\r\n"));
        QVERIFY(raw.substr(0, head_end).find("Transfer-Encoding: chunked") != std::string::npos);
        const auto chunks = chunks_of(std::string_view(raw).substr(head_end + 4));
        QVERIFY2(!chunks.empty(), "the relayed body's chunked framing is broken");
        const std::string body = std::accumulate(chunks.begin(), chunks.end(), std::string());
        QCOMPARE(body.size(), many_chunks_body().size());
        QVERIFY(body == many_chunks_body());
        QVERIFY2(chunks.size() <= std::size_t(many_chunks / 8),
                 qPrintable(QStringLiteral("%1 chunks relayed").arg(chunks.size())));
    }

    void headCutOffIsUnavailable()
    {
        verifyUnavailable(http_request(m_port, "GET", "/partial"));
        QVERIFY(m_proxy.gateway().stats().upstream_errors > 0);
        QCOMPARE(http_request(m_port, "GET", "/plain").status, 200); // the worker is fine
    }

    // A reset right behind the first part of the body (one readiness event
    // for both, spent on the read that takes the part): the client's
    // response ends at once, not at the upstream's read timeout, here a
    // minute (the clients give up after 20 s).
    void resetMidBodyEndsTheResponseAtOnce()
    {
        gateway::config_snapshot config;
        auto upstream = make_upstream("origin", {m_proxy.origin().port()});
        upstream.read_timeout = 60s;
        upstream.total_timeout = 120s;
        config.upstreams.push_back(upstream);
        config.routes.push_back(make_route("all", "/", "origin"));
        QCOMPARE(QString::fromStdString(m_proxy.gateway().apply(config)), QString());
        for (int i = 0; i < 20; ++i) {
            const auto r = http_request(m_port, "GET", "/reset-mid-body", {}, {}, 20s);
            // The head went out; the body is cut short, and the connection
            // closed rather than left waiting.
            QCOMPARE(r.status, 0);
            QVERIFY2(r.error.find("partial message") != std::string::npos, r.error.c_str());
        }
        QCOMPARE(http_request(m_port, "GET", "/plain").status, 200);
    }

    void noResponseAtAllIsUnavailable()
    {
        verifyUnavailable(http_request(m_port, "GET", "/silent"));
    }

    // An upstream body whose end cannot be found is not relayed as if it
    // could (nginx answers 502 too); codings without chunked are read to
    // the close and relayed with chunked added.
    void unreadableTransferEncodingIsUnavailable()
    {
        verifyUnavailable(http_request(m_port, "GET", "/chunked-then-gzip"));
        verifyUnavailable(http_request(m_port, "GET", "/chunked-twice"));
        const auto r = http_request(m_port, "GET", "/gzip-until-close");
        QCOMPARE(r.status, 200);
        QCOMPARE(r.header("Transfer-Encoding"), std::string("gzip, chunked"));
    }

    // RFC 9110 §15: statuses are 100-599, and a client "SHOULD process" any
    // other "as if it had a 5xx". The gateway does that for it: a 502 that
    // says why, an upstream error in the stats (where such a status had no
    // class), and the client's connection goes on.
    void statusOutsideHttpIsUnavailable_data()
    {
        QTest::addColumn<QString>("status");
        QTest::addColumn<bool>("cached");
        for (const bool cached : {false, true})
            for (const char* status : {"999", "600", "042", "000"})
                QTest::addRow("%s%s", status, cached ? ", cached route" : "")
                    << QString::fromLatin1(status) << cached;
    }
    void statusOutsideHttpIsUnavailable()
    {
        QFETCH(QString, status);
        QFETCH(bool, cached);
        if (cached)
            QCOMPARE(cacheEverything(), QString());
        const auto before = m_proxy.gateway().stats();

        http_connection c;
        QVERIFY(c.connect(m_port));
        QVERIFY(c.send("GET", "/status-" + status.toStdString()));
        const auto r = c.read();
        verifyUnavailable(r);
        const auto p = QJsonDocument::fromJson(QByteArray::fromStdString(r.body)).object();
        QVERIFY2(p.value(QStringLiteral("detail"))
                     .toString()
                     .endsWith(QStringLiteral("status %1 is outside HTTP's 100-599").arg(status)),
                 r.body.c_str());
        QVERIFY(c.send("GET", "/plain"));
        const auto next = c.read();
        QCOMPARE(next.status, 200);
        QCOMPARE(next.body, std::string("ok"));

        const auto after = m_proxy.gateway().stats();
        QCOMPARE(after.upstream_errors, before.upstream_errors + 1);
        QCOMPARE(after.status_classes[5], before.status_classes[5] + 1);
        QCOMPARE(after.status_classes[2], before.status_classes[2] + 1);
        QCOMPARE(std::accumulate(after.status_classes.begin(), after.status_classes.end(),
                                 std::uint64_t{0}),
                 std::accumulate(before.status_classes.begin(), before.status_classes.end(),
                                 std::uint64_t{0}) +
                     2);
    }

    // As for an upstream that cannot be reached: stale-if-error serves the
    // stored response instead.
    void statusOutsideHttpServesStaleIfError()
    {
        QCOMPARE(cacheEverything(), QString());
        const auto first = http_request(m_port, "GET", "/stored-then-invalid");
        QCOMPARE(first.status, 200);
        QVERIFY2(cache_status_has(first, "stored"), first.header("Cache-Status").c_str());
        const auto stale = http_request(m_port, "GET", "/stored-then-invalid");
        QCOMPARE(stale.status, 200);
        QCOMPARE(stale.body, std::string("stored"));
        QVERIFY2(cache_status_has(stale, "detail=stale-if-error"),
                 stale.header("Cache-Status").c_str());
        verifyUnavailable(http_request(m_port, "GET", "/status-999")); // nothing stored there
    }

    void headOverTheLimitIsUnavailable()
    {
        verifyUnavailable(http_request(m_port, "GET", "/huge-head"));
    }

    // RFC 9110 §8.6: repeated equal Content-Length lines reach the client
    // as one; a 204 goes on without one.
    void contentLengthIsRelayedOnce()
    {
        http_connection c;
        QVERIFY(c.connect(m_port));
        QVERIFY(c.send_raw("GET /repeated-length HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"));
        const std::string raw = c.read_raw(2s);
        QVERIFY2(raw.starts_with("HTTP/1.1 200 OK\r\n"), raw.c_str());
        QCOMPARE(raw.find("Content-Length: 5\r\n"), raw.rfind("Content-Length: 5\r\n"));
        QVERIFY2(raw.ends_with("\r\n\r\nhello"), raw.c_str());

        http_connection d;
        QVERIFY(d.connect(m_port));
        QVERIFY(d.send("GET", "/no-content-with-length"));
        const auto r = d.read();
        QCOMPARE(r.status, 204);
        QVERIFY(!r.has_header("Content-Length"));
        QVERIFY(d.send("GET", "/plain")); // the client's connection carries on
        QCOMPARE(d.read().body, std::string("ok"));
    }

    // Bytes after a complete response are not the next response: the
    // upstream connection they came on is not reused.
    void bytesAfterAResponseAreNotTheNextOne()
    {
        QCOMPARE(cacheEverything(), QString());

        http_connection c;
        QVERIFY(c.connect(m_port));
        QVERIFY(c.send("GET", "/response-smuggled-after-no-content"));
        QCOMPARE(c.read().status, 204);
        QVERIFY(c.send("GET", "/plain"));
        const auto next = c.read();
        QCOMPARE(next.status, 200);
        QCOMPARE(next.body, std::string("ok"));
        QVERIFY(c.send("GET", "/plain"));
        QCOMPARE(c.read().body, std::string("ok")); // nor stored
        QCOMPARE(m_proxy.origin().accepted(), 2);
    }

    void pooledConnectionClosedByTheOriginIsRetried()
    {
        http_connection c;
        QVERIFY(c.connect(m_port));
        QVERIFY(c.send("GET", "/then-close"));
        QCOMPARE(c.read().status, 200);
        std::this_thread::sleep_for(100ms); // the origin's close reaches the gateway
        QVERIFY(c.send("GET", "/plain"));
        const auto r = c.read();
        QCOMPARE(r.status, 200);
        QCOMPARE(r.body, std::string("ok"));
        QCOMPARE(m_proxy.origin().accepted(), 2);
    }
};

QTEST_APPLESS_MAIN(TestUpstreamHeads)
#include "tst_upstream_heads.moc"
