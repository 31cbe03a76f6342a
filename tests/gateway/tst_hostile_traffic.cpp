// SPDX-FileCopyrightText: Gatehouse contributors
// SPDX-License-Identifier: Apache-2.0
#include "gateway/demo_origin.hpp"
#include "gateway/gateway_server.hpp"

#include "gateway_fixture.h"
#include "test_certificate.h"
#include "tests/support/test_http.h"
#include "threaded_origin.h"

#include <boost/asio/read.hpp>
#include <boost/asio/ssl.hpp>
#include <boost/asio/write.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/http/read.hpp>
#include <boost/beast/http/string_body.hpp>

#include <QtTest/QTest>

#include <array>
#include <atomic>
#include <mutex>
#include <random>
#include <string>
#include <sys/socket.h>
#include <sys/time.h>
#include <thread>
#include <vector>

using namespace gatehouse;
using namespace gatehouse::test;
using namespace std::chrono_literals;
namespace asio = boost::asio;
namespace ssl = asio::ssl;
namespace http = boost::beast::http;

namespace {

// What the misbehaving origin may answer: well-formed responses of every
// framing, and the broken ones real upstreams send (a wrong length, a cut
// body, an invalid chunk, a head too large, silence, an unasked switch, a
// status outside HTTP's).
constexpr std::array<std::string_view, 18> origin_answers = {
    "HTTP/1.1 200 OK\r\nContent-Length: 5\r\nCache-Control: max-age=60\r\n\r\nhello",
    "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\nETag: \"v1\"\r\n\r\n"
    "3\r\nabc\r\n2;x=1\r\nde\r\n0\r\nX-Trailer: 1\r\n\r\n",
    "HTTP/1.0 200 OK\r\nCache-Control: no-store\r\n\r\nuntil the connection closes",
    "HTTP/1.1 204 No Content\r\nContent-Length: 7\r\n\r\n",
    "HTTP/1.1 304 Not Modified\r\nETag: \"v1\"\r\n\r\n",
    "HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 103 Early Hints\r\nLink: </a.css>; rel=preload\r\n\r\n"
    "HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok",
    "HTTP/1.1 500 Internal Server Error\r\nContent-Length: 4\r\n\r\noops",
    "garbage that is no status line\r\n\r\n",
    "HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\nonly part of the body",
    "HTTP/1.1 200 OK\r\nContent-Length: 5\r\nContent-Length: 6\r\n\r\nhello!",
    "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\nabc\r\n0\r\n\r\n",
    "HTTP/1.1 200 OK\r\nTransfer-Encoding: gzip\r\n\r\nclose-delimited, coded",
    "HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: upgrade\r\n\r\n",
    "HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nokEXTRA BYTES AFTER THE BODY",
    "HTTP/1.1 999 Odd\r\nContent-Length: 4\r\nCache-Control: max-age=60\r\n\r\nodd!",
    "HTTP/1.1 042 Odder\r\nContent-Length: 0\r\n\r\n", // statuses outside 100-599
    "",                                                // an oversized head: made below
    "", // silence, longer than the upstream read timeout
};
constexpr std::size_t oversized_head = 16, silence = 17;
// The answers after which the origin keeps the connection for another
// request; after the others it closes.
constexpr std::array<bool, origin_answers.size()> keeps_connection = {
    true,  true,  false, true,  true,  true, true, false, false,
    false, false, false, false, false, true, true, false, false};

// The final response to one request, after any interim ones (100, 103).
http_response read_final(http_connection& c, bool head_request)
{
    for (;;) {
        auto r = c.read(5s, head_request);
        if (r.status < 100 || r.status >= 200 || r.status == 101)
            return r;
    }
}

// A request from a small grammar: mostly valid, some with a broken line,
// field or body framing, one to three per connection, pipelined.
struct generated_request {
    std::string bytes;
    bool head = false;
};

generated_request generate(std::mt19937& rng)
{
    const auto pick = [&](auto& list) {
        return list[rng() % std::size(list)];
    };
    const auto chance = [&](unsigned percent) {
        return rng() % 100 < percent;
    };
    static constexpr std::string_view methods[] = {"GET",     "GET",   "GET",   "HEAD",
                                                   "HEAD",    "POST",  "PUT",   "DELETE",
                                                   "OPTIONS", "PURGE", "TRACE", "G\x01T"};
    static constexpr std::string_view paths[] = {"/c/a", "/c/b?x=1&y=2", "/c/3",     "/p/x",
                                                 "/p/2", "/good/echo",   "/nowhere", "/c/%2e%2e/p",
                                                 "*",    "/c/a b"};
    static constexpr std::string_view fields[] = {"Cache-Control: no-cache",
                                                  "Cache-Control: only-if-cached",
                                                  "Cache-Control: max-stale",
                                                  "If-None-Match: \"v1\"",
                                                  "If-Modified-Since: nonsense",
                                                  "Range: bytes=0-1",
                                                  "Authorization: Bearer x",
                                                  "Connection: close",
                                                  "Connection: keep-alive, X-A",
                                                  "Upgrade: websocket",
                                                  "Expect: 100-continue",
                                                  "Max-Forwards: 0",
                                                  "X-Forwarded-Host: evil.example",
                                                  "TE: trailers",
                                                  "Accept: */*",
                                                  "X-Request-Id: abc"};
    static constexpr std::string_view broken_fields[] = {"Bad Name: x",
                                                         ": empty",
                                                         "X-Fold: a\r\n b",
                                                         "X-Ctl: a\x7f"
                                                         "b",
                                                         "Host: second",
                                                         "Expect: something-else",
                                                         "Content-Length: -1",
                                                         "Transfer-Encoding: gzip"};

    generated_request out;
    const std::string_view method = pick(methods);
    out.head = method == "HEAD";
    std::string& s = out.bytes;
    s.append(method).append(" ").append(pick(paths));
    s.append(chance(95) ? " HTTP/1.1\r\n" : " HTTP/2.0\r\n");
    s.append(chance(95) ? "Host: 127.0.0.1\r\n" : "Host: a b\r\n");
    for (unsigned n = rng() % 5; n > 0; --n)
        s.append(pick(fields)).append("\r\n");
    if (chance(10))
        s.append(pick(broken_fields)).append("\r\n");
    if (chance(4))
        s.append("X-Big: ").append(9000, 'b').append("\r\n");
    const bool body = method == "POST" || method == "PUT" || chance(5);
    if (!body) {
        s.append("\r\n");
        return out;
    }
    const std::string content(rng() % 3 == 0 ? 70000 : rng() % 200, 'q');
    switch (rng() % 4) {
    case 0: { // chunked
        s.append("Transfer-Encoding: chunked\r\n\r\n");
        if (!content.empty()) {
            char size[32];
            std::snprintf(size, sizeof size, "%zx\r\n", content.size());
            s.append(size).append(content).append("\r\n");
        }
        s.append("0\r\n\r\n");
        break;
    }
    case 1: // shorter than announced: the client stalls
        s.append("Content-Length: " + std::to_string(content.size() + 10) + "\r\n\r\n");
        s.append(content);
        break;
    default:
        s.append("Content-Length: " + std::to_string(content.size()) + "\r\n\r\n");
        s.append(content);
    }
    return out;
}

} // namespace

// Randomised traffic, seeded and bounded, from clients that send broken and
// pipelined requests through the gateway to an origin that answers with
// broken responses. Whatever comes in, every client must be able to read
// what comes back as HTTP: responses in order, none to a HEAD with content,
// no hang, and the gateway serving normally afterwards with no connection
// left open. (Each defect this kind of traffic found has a test of its
// own; this one keeps the combinations honest.)
class TestHostileTraffic : public QObject {
    Q_OBJECT

private:
    gateway::demo_origin m_good;
    std::unique_ptr<threaded_origin> m_hostile;
    gateway::gateway_server m_gateway;
    gateway::gateway_server m_tlsGateway; // the same routes over HTTPS
    temporary_certificate m_certificate;
    std::atomic<unsigned> m_connectionSeed{1};

    void answer(threaded_origin::socket& socket)
    {
        std::mt19937 rng(m_connectionSeed.fetch_add(1));
        asio::streambuf buffer;
        while (auto head = threaded_origin::read_head(socket, buffer)) {
            // The body, as the gateway frames it: by length, or chunked
            // until the last chunk.
            boost::system::error_code ec;
            if (const auto at = head->find("Content-Length: "); at != std::string::npos) {
                const std::size_t length = std::stoul(head->substr(at + 16));
                if (buffer.size() < length)
                    asio::read(socket, buffer, asio::transfer_exactly(length - buffer.size()), ec);
                buffer.consume(std::min(length, buffer.size()));
            } else if (head->find("chunked") != std::string::npos) {
                asio::read_until(socket, buffer, "0\r\n\r\n", ec);
                buffer.consume(buffer.size());
            }
            if (ec)
                return;
            // A request may name the answer it wants (X-Answer: k).
            std::size_t kind = rng() % origin_answers.size();
            if (const auto at = head->find("X-Answer: "); at != std::string::npos)
                kind = std::stoul(head->substr(at + 10)) % origin_answers.size();
            std::string response(origin_answers[kind]);
            if (kind == oversized_head)
                response = "HTTP/1.1 200 OK\r\nX-Big: " + std::string(70000, 'h') + "\r\n\r\n";
            if (kind == silence) {
                std::this_thread::sleep_for(700ms);
                return;
            }
            asio::write(socket, asio::buffer(response), ec);
            if (ec || !keeps_connection[kind])
                return;
        }
    }

    // What a client connection saw: the final statuses in order, and what
    // went wrong, if anything.
    struct outcome {
        std::string failure;
        std::vector<unsigned> statuses;
    };

    static std::vector<generated_request> generateRequests(std::mt19937& rng)
    {
        std::vector<generated_request> requests(1 + rng() % 3);
        for (auto& r : requests)
            r = generate(rng);
        return requests;
    }

    // One client connection: its requests pipelined (sometimes in pieces),
    // then every response read in order, with Beast, each read given up
    // after 5 s, over HTTP or HTTPS. A connection may end after a response
    // saying so, or when the upstream broke off a response the gateway had
    // begun (then the client sees the cut: a partial message, or over HTTPS
    // no close_notify); nothing else.
    outcome exchange(const std::vector<generated_request>& requests, bool tls, bool split)
    {
        std::string bytes;
        for (const auto& r : requests)
            bytes += r.bytes;
        asio::io_context ioc;
        ssl::context context(ssl::context::tls_client);
        context.set_verify_mode(ssl::verify_none); // the certificate is not the point here
        ssl::stream<asio::ip::tcp::socket> stream(ioc, context);
        auto& socket = stream.next_layer();
        boost::system::error_code ec;
        socket.connect(
            {asio::ip::address_v4::loopback(), tls ? m_tlsGateway.port() : m_gateway.port()}, ec);
        const timeval limit{5, 0};
        setsockopt(socket.native_handle(), SOL_SOCKET, SO_RCVTIMEO, &limit, sizeof limit);
        if (!ec && tls)
            stream.handshake(ssl::stream_base::client, ec);
        if (ec)
            return {"connect: " + ec.message(), {}};
        const auto send = [&](std::string_view part) {
            if (tls)
                asio::write(stream, asio::buffer(part), ec);
            else
                asio::write(socket, asio::buffer(part), ec);
        };
        const std::size_t cut = split ? bytes.size() / 2 : bytes.size();
        send(std::string_view(bytes).substr(0, cut));
        if (!ec && cut < bytes.size()) {
            std::this_thread::sleep_for(5ms);
            send(std::string_view(bytes).substr(cut));
        }
        outcome out;
        boost::beast::flat_buffer buffer;
        for (const auto& request : requests) {
            for (;;) { // interim responses first
                http::response_parser<http::string_body> parser;
                parser.body_limit(1024 * 1024);
                parser.skip(request.head);
                if (tls)
                    http::read(stream, buffer, parser, ec);
                else
                    http::read(socket, buffer, parser, ec);
                if (ec == http::error::end_of_stream || ec == http::error::partial_message ||
                    ec == ssl::error::stream_truncated)
                    return out;
                if (ec) {
                    out.failure = ec.message() + " after sending " + bytes.substr(0, 300);
                    return out;
                }
                const unsigned status = parser.get().result_int();
                if (status < 100 || status > 599) {
                    out.failure = "status " + std::to_string(status);
                    return out;
                }
                if (status < 200 && status != 101)
                    continue;
                out.statuses.push_back(status);
                if (!parser.get().keep_alive())
                    return out;
                break;
            }
        }
        return out;
    }

private slots:
    void initTestCase()
    {
        QCOMPARE(QString::fromStdString(m_good.start()), QString());
        m_hostile = std::make_unique<threaded_origin>(
            [this](threaded_origin::socket& socket) { answer(socket); });
        gateway::config_snapshot config;
        auto hostile = make_upstream("hostile", {m_hostile->port()});
        hostile.read_timeout = 400ms;
        hostile.total_timeout = 2s;
        hostile.health.max_failures = 0; // never ejected: every request meets it
        config.upstreams.push_back(hostile);
        config.upstreams.push_back(make_upstream("good", {m_good.port()}));
        auto cached = make_route("cached", "/c", "hostile");
        cached.cache.enabled = true;
        cached.cache.default_ttl = 10s;
        config.routes.push_back(cached);
        config.routes.push_back(make_route("plain", "/p", "hostile"));
        auto good = make_route("good", "/good", "good");
        good.strip_prefix = true;
        config.routes.push_back(good);
        QCOMPARE(QString::fromStdString(m_gateway.apply(config)), QString());
        auto options = test_options();
        options.threads = 2;
        options.header_limit = 8 * 1024;
        options.body_limit = 64 * 1024;
        options.client_header_timeout = 500ms;
        options.client_body_timeout = 500ms;
        options.keepalive_timeout = 1s;
        QCOMPARE(QString::fromStdString(m_gateway.start(options)), QString());
        QCOMPARE(QString::fromStdString(m_certificate.error), QString());
        options.tls_certificate_file = m_certificate.cert;
        options.tls_key_file = m_certificate.key;
        QCOMPARE(QString::fromStdString(m_tlsGateway.apply(config)), QString());
        QCOMPARE(QString::fromStdString(m_tlsGateway.start(options)), QString());
    }

    void cleanupTestCase()
    {
        m_gateway.stop(500ms);
        m_tlsGateway.stop(500ms);
        m_hostile.reset();
        m_good.stop();
    }

    // Each answer of the origin to a HEAD, on a cached and an uncached
    // route, with a GET pipelined behind it: the GET's response must be
    // read as such.
    void headThenGetAfterEachAnswer_data()
    {
        QTest::addColumn<int>("answer");
        QTest::addColumn<QByteArray>("route");
        for (int k = 0; k < static_cast<int>(origin_answers.size()); ++k) {
            for (const char* route : {"/c/head-", "/p/head-"}) {
                QTest::addRow("%s%d", route, k) << k << QByteArray(route);
            }
        }
    }

    void headThenGetAfterEachAnswer()
    {
        QFETCH(int, answer);
        QFETCH(QByteArray, route);
        http_connection c;
        QVERIFY(c.connect(m_gateway.port()));
        const std::string target = route.toStdString() + std::to_string(answer);
        QVERIFY(c.send("HEAD", target, {{"X-Answer", std::to_string(answer)}}));
        QVERIFY(c.send("GET", "/good/echo"));
        const auto head = read_final(c, true);
        QVERIFY2(head.status >= 100, head.error.c_str());
        if (!head.keep_alive)
            return;
        const auto next = read_final(c, false);
        QVERIFY2(next.status == 200 && next.body.find("\"method\":\"GET\"") != std::string::npos,
                 (next.error + " " + std::to_string(head.status) + " " + next.body).c_str());
    }

    void everyAnswerIsReadable_data()
    {
        QTest::addColumn<bool>("tls");
        QTest::newRow("http") << false;
        QTest::newRow("https") << true;
    }

    void everyAnswerIsReadable()
    {
        QFETCH(bool, tls);
        gateway::gateway_server& gateway = tls ? m_tlsGateway : m_gateway;
        constexpr int clients = 4, connectionsEach = 60;
        std::mutex mutex;
        std::vector<std::string> failures;
        std::vector<std::thread> threads;
        for (int t = 0; t < clients; ++t) {
            threads.emplace_back([&, t] {
                std::mt19937 rng(20261203u + static_cast<unsigned>(t));
                for (int i = 0; i < connectionsEach; ++i) {
                    const auto requests = generateRequests(rng);
                    outcome seen = exchange(requests, tls, rng() % 4 == 0);
                    if (!seen.failure.empty()) {
                        std::lock_guard lock(mutex);
                        failures.push_back(std::move(seen.failure));
                    }
                }
            });
        }
        for (auto& t : threads)
            t.join();
        for (const auto& f : failures)
            qWarning("%s", f.c_str());
        QCOMPARE(failures.size(), std::size_t{0});

        // Still serving, and nothing left open.
        const outcome after = exchange(
            {{"GET /good/products/1 HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n", false}}, tls, false);
        QCOMPARE(QString::fromStdString(after.failure), QString());
        QCOMPARE(after.statuses, std::vector<unsigned>{200});
        QTRY_COMPARE_WITH_TIMEOUT(gateway.stats().active_connections, std::uint64_t{0}, 5000);
        QVERIFY(gateway.stats().requests > clients * connectionsEach);
    }
};

QTEST_GUILESS_MAIN(TestHostileTraffic)
#include "tst_hostile_traffic.moc"
