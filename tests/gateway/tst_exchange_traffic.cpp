// SPDX-FileCopyrightText: Gatehouse contributors
// SPDX-License-Identifier: Apache-2.0
//
// Random HTTP exchanges through the gateway, checked byte for byte in both
// directions. Clients keep connections alive for a few requests, sometimes
// pipelined, with bodies of random sizes sent with a length or chunked (in
// chunks of random sizes), in pieces cut anywhere and with pauses; the
// origin reads each body whole, says what it got, and answers with a body
// of the size asked for, framed by length, chunked or by closing, also in
// random pieces. Some exchanges end badly: the origin resets the connection
// halfway through its body, or the client resets halfway through its
// upload. A complete exchange must deliver exactly what was sent each way;
// one cut short must end at once (the upstream's read timeout is a minute,
// a cut one must end within 10 s) with what arrived a prefix of what was sent.
// Afterwards no client connection is left open and the gateway still
// proxies. Over HTTP and HTTPS, to a plain and a TLS origin. Seeded (GATEHOUSE_TEST_SEED); bounded
// in exchanges, bytes, time.
#include "gateway_fixture.h"
#include "test_certificate.h"
#include "tests/support/seeded_run.h"
#include "tests/support/test_http.h"
#include "threaded_origin.h"

#include <boost/asio/ssl.hpp>
#include <boost/asio/write.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/http/read.hpp>
#include <boost/beast/http/string_body.hpp>

#include <QtTest/QTest>

#include <algorithm>
#include <charconv>
#include <cstdint>
#include <cstdlib>
#include <memory>
#include <mutex>
#include <random>
#include <string>
#include <string_view>
#include <thread>
#include <type_traits>
#include <vector>

#include <sys/socket.h>

using namespace gatehouse;
using namespace gatehouse::test;
using namespace std::chrono_literals;
namespace asio = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;
namespace ssl = asio::ssl;
using tcp = asio::ip::tcp;

namespace {

// The response body for exchange `id`: known to both ends.
std::string response_body(std::uint64_t id, std::size_t size)
{
    std::string out(size, '\0');
    for (std::size_t i = 0; i < size; ++i)
        out[i] = static_cast<char>((i * 131 + id * 7 + 17) % 251);
    return out;
}

// What the origin says it received: length and FNV-1a digest.
std::string fingerprint(std::string_view body)
{
    std::uint64_t h = 14695981039346656037ull;
    for (unsigned char c : body) {
        h ^= c;
        h *= 1099511628211ull;
    }
    return std::to_string(body.size()) + "-" + std::to_string(h);
}

// `bytes` cut into pieces of random sizes (1 to `largest`).
std::vector<std::string_view> cut(std::string_view bytes, std::mt19937& rng, std::size_t largest)
{
    std::vector<std::string_view> pieces;
    while (!bytes.empty()) {
        const std::size_t n =
            std::min(bytes.size(), std::uniform_int_distribution<std::size_t>(1, largest)(rng));
        pieces.push_back(bytes.substr(0, n));
        bytes.remove_prefix(n);
    }
    return pieces;
}

// `body` in chunked coding, in chunks of random sizes.
std::string chunked(std::string_view body, std::mt19937& rng)
{
    std::string out;
    for (const auto chunk : cut(body, rng, 40000)) {
        char size[20];
        const auto end = std::to_chars(size, size + sizeof size, chunk.size(), 16).ptr;
        out.append(size, end).append("\r\n").append(chunk).append("\r\n");
    }
    return out + "0\r\n\r\n";
}

// Framing of the origin's response (`framing=` in the target).
enum class framing : unsigned { length, chunked, close };

// The origin: reads each request and its body whole, then answers with
// `size` bytes of response_body(id), framed as asked, written in random
// pieces, with X-Got naming what it received. `reset_after`: resets the
// connection once that many body bytes are out (0: never). `s` is the
// connection as read and written (TLS or the socket itself), `raw` the
// socket under it.
template <class Stream>
void serve(Stream& s, threaded_origin::socket& raw)
{
    beast::flat_buffer buffer;
    for (;;) {
        http::request_parser<http::string_body> parser;
        parser.body_limit(boost::none);
        boost::system::error_code ec;
        http::read(s, buffer, parser, ec);
        if (ec)
            return;
        const auto& req = parser.get();
        const std::string_view target(req.target().data(), req.target().size());
        const std::uint64_t id = query_number(target, "id");
        const std::size_t size = query_number(target, "size");
        const auto how = static_cast<framing>(query_number(target, "framing"));
        const std::size_t reset_after = query_number(target, "reset_after");
        std::mt19937 rng(static_cast<unsigned>(id));
        const std::string body = response_body(id, size);
        std::string head = "HTTP/1.1 200 OK\r\nX-Got: " + fingerprint(req.body()) + "\r\n";
        if (how == framing::length)
            head += "Content-Length: " + std::to_string(size) + "\r\n";
        else if (how == framing::chunked)
            head += "Transfer-Encoding: chunked\r\n";
        else
            head += "Connection: close\r\n";
        head += "\r\n";
        const std::string_view sent_body =
            reset_after ? std::string_view(body).substr(0, reset_after) : std::string_view(body);
        std::string wire = head;
        if (how == framing::chunked) {
            std::string coded = chunked(sent_body, rng);
            if (reset_after) // no last chunk: the body is cut
                coded.resize(coded.size() - 5);
            wire += coded;
        } else {
            wire += sent_body;
        }
        for (const auto piece : cut(wire, rng, 64 * 1024)) {
            if (std::uniform_int_distribution<int>(0, 7)(rng) == 0)
                std::this_thread::sleep_for(
                    std::chrono::milliseconds(std::uniform_int_distribution<int>(1, 15)(rng)));
            asio::write(s, asio::buffer(piece), ec);
            if (ec)
                return;
        }
        if (reset_after) {
            const ::linger reset{1, 0};
            ::setsockopt(raw.native_handle(), SOL_SOCKET, SO_LINGER, &reset, sizeof reset);
            raw.close(ec);
            return;
        }
        if (how == framing::close) {
            // Over TLS the end is a close_notify (sent, not waited for):
            // without it the body would read as cut short.
            if constexpr (!std::is_same_v<Stream, threaded_origin::socket>)
                SSL_shutdown(s.native_handle());
            raw.shutdown(tcp::socket::shutdown_send, ec);
            // Then read until the gateway closes too: closing with bytes
            // unread (its own close_notify) would send a reset, which drops
            // whatever of the body this side's kernel had not sent yet.
            char sink[4096];
            while (!ec)
                raw.read_some(asio::buffer(sink), ec);
            return;
        }
    }
}

// The origin over TLS: the same answers, after a server handshake.
class tls_origin {
public:
    tls_origin(const std::string& cert, const std::string& key)
        : context_(ssl::context::tls_server)
    {
        context_.use_certificate_chain_file(cert);
        context_.use_private_key_file(key, ssl::context::pem);
        origin_ = std::make_unique<threaded_origin>([this](threaded_origin::socket& socket) {
            ssl::stream<threaded_origin::socket&> stream(socket, context_);
            boost::system::error_code ec;
            stream.handshake(ssl::stream_base::server, ec);
            if (!ec)
                serve(stream, socket);
        });
    }
    std::uint16_t port() const { return origin_->port(); }

private:
    ssl::context context_;
    std::unique_ptr<threaded_origin> origin_;
};

enum class ending { complete, origin_reset, client_reset };

struct exchange_plan {
    std::uint64_t id = 0;
    std::string method = "GET";
    std::string body;
    bool chunked_upload = false;
    std::size_t response_size = 0;
    framing response_framing = framing::length;
    ending end = ending::complete;
    std::size_t reset_after = 0; // origin_reset: response bytes; client_reset: request bytes
    bool pipelined = false;      // sent together with the one before
};

std::size_t skewed_size(std::mt19937& rng)
{
    switch (std::uniform_int_distribution<int>(0, 9)(rng)) {
    case 0:
        return 0;
    case 1:
    case 2:
    case 3:
        return std::uniform_int_distribution<std::size_t>(1, 100)(rng);
    case 4:
    case 5:
    case 6:
        return std::uniform_int_distribution<std::size_t>(101, 20000)(rng);
    default:
        return std::uniform_int_distribution<std::size_t>(20001, 300000)(rng);
    }
}

// A keep-alive connection's exchanges; a bad ending or a close-delimited
// response is its last.
std::vector<exchange_plan> plan_connection(std::mt19937& rng, std::uint64_t& next_id)
{
    std::vector<exchange_plan> plans;
    const int count = std::uniform_int_distribution<int>(1, 5)(rng);
    for (int i = 0; i < count; ++i) {
        exchange_plan p;
        p.id = next_id++;
        const int kind = std::uniform_int_distribution<int>(0, 9)(rng);
        if (kind >= 4) {
            p.method = kind >= 7 ? "PUT" : "POST";
            std::string body(skewed_size(rng), '\0');
            std::uniform_int_distribution<int> byte(0, 255);
            for (auto& c : body)
                c = static_cast<char>(byte(rng));
            p.body = std::move(body);
            p.chunked_upload = std::uniform_int_distribution<int>(0, 1)(rng) == 1;
        }
        p.response_size = skewed_size(rng);
        const int frame = std::uniform_int_distribution<int>(0, 19)(rng);
        p.response_framing = frame < 10   ? framing::length
                             : frame < 17 ? framing::chunked
                                          : framing::close;
        const int end = std::uniform_int_distribution<int>(0, 19)(rng);
        if (end == 0 && p.response_size > 1) {
            p.end = ending::origin_reset;
            p.reset_after = std::uniform_int_distribution<std::size_t>(1, p.response_size - 1)(rng);
        } else if (end == 1 && p.body.size() > 1) {
            p.end = ending::client_reset;
            p.reset_after = std::uniform_int_distribution<std::size_t>(1, p.body.size() - 1)(rng);
        }
        p.pipelined = !plans.empty() && p.method == "GET" && plans.back().method == "GET" &&
                      plans.back().end == ending::complete &&
                      plans.back().response_framing != framing::close &&
                      std::uniform_int_distribution<int>(0, 2)(rng) == 0;
        plans.push_back(std::move(p));
        if (plans.back().end != ending::complete || plans.back().response_framing == framing::close)
            break;
    }
    return plans;
}

std::string request_bytes(const exchange_plan& p, std::mt19937& rng)
{
    std::string target = "/x/" + std::to_string(p.id) + "?id=" + std::to_string(p.id) +
                         "&size=" + std::to_string(p.response_size) +
                         "&framing=" + std::to_string(static_cast<unsigned>(p.response_framing));
    if (p.end == ending::origin_reset)
        target += "&reset_after=" + std::to_string(p.reset_after);
    std::string out = p.method + " " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\n";
    if (p.method == "GET")
        return out + "\r\n";
    if (p.chunked_upload)
        return out + "Transfer-Encoding: chunked\r\n\r\n" + chunked(p.body, rng);
    return out + "Content-Length: " + std::to_string(p.body.size()) + "\r\n\r\n" + p.body;
}

// Runs one connection's exchanges, over TLS or not; empty when everything
// held.
std::string run_connection(std::uint16_t port, bool tls, const std::vector<exchange_plan>& plans,
                           unsigned seed)
{
    std::mt19937 rng(seed);
    asio::io_context ioc;
    ssl::context context(ssl::context::tls_client);
    context.set_verify_mode(ssl::verify_none); // the certificate is not the point here
    ssl::stream<tcp::socket> stream(ioc, context);
    auto& socket = stream.next_layer();
    boost::system::error_code ec;
    socket.connect({asio::ip::address_v4::loopback(), port}, ec);
    if (!ec && tls)
        stream.handshake(ssl::stream_base::client, ec);
    if (ec)
        return "connect: " + ec.message();
    const auto send = [&](std::string_view bytes) {
        if (tls)
            return asio::write(stream, asio::buffer(bytes), ec) == bytes.size() && !ec;
        return send_all(socket.native_handle(), bytes);
    };
    beast::flat_buffer buffer;
    for (std::size_t i = 0; i < plans.size(); ++i) {
        const auto& p = plans[i];
        const std::string where =
            "exchange " + std::to_string(p.id) + " (" + p.method + ", " +
            std::to_string(p.body.size()) + (p.chunked_upload ? " chunked" : "") + " up, " +
            std::to_string(p.response_size) + " down framed by " +
            (p.response_framing == framing::length    ? "length"
             : p.response_framing == framing::chunked ? "chunks"
                                                      : "close") +
            (p.end == ending::origin_reset ? ", origin reset after " + std::to_string(p.reset_after)
                                           : std::string()) +
            "): ";
        // A pipelined request went out with the one before.
        if (!p.pipelined) {
            std::string bytes = request_bytes(p, rng);
            for (std::size_t j = i + 1; j < plans.size() && plans[j].pipelined; ++j)
                bytes += request_bytes(plans[j], rng);
            if (p.end == ending::client_reset) {
                // The head and part of the body, then a reset.
                const auto head_end = bytes.find("\r\n\r\n") + 4;
                send(std::string_view(bytes).substr(0, head_end + p.reset_after));
                std::this_thread::sleep_for(
                    std::chrono::milliseconds(std::uniform_int_distribution<int>(0, 20)(rng)));
                socket.set_option(asio::socket_base::linger(true, 0), ec);
                socket.close(ec);
                return {};
            }
            for (const auto piece : cut(bytes, rng, 48 * 1024)) {
                if (std::uniform_int_distribution<int>(0, 9)(rng) == 0)
                    std::this_thread::sleep_for(
                        std::chrono::milliseconds(std::uniform_int_distribution<int>(1, 15)(rng)));
                if (!send(piece))
                    return p.end == ending::complete ? where + "the request could not be sent"
                                                     : std::string();
            }
        }
        http::response_parser<http::string_body> parser;
        parser.body_limit(boost::none);
        const auto started = std::chrono::steady_clock::now();
        if (tls)
            http::read(stream, buffer, parser, ec);
        else
            http::read(socket, buffer, parser, ec);
        if (p.end == ending::origin_reset) {
            // Cut short, at once (not at the upstream's read timeout), and
            // never completed with other bytes; or, when the reset overtook
            // the head (a reset drops what the origin's kernel had not sent
            // yet), a 502 instead.
            if (!ec && parser.get().result_int() == 502)
                return {};
            if (!ec)
                return where + "a response the origin reset came complete: " +
                       std::to_string(parser.get().result_int()) + " " +
                       parser.get().body().substr(0, 300);
            if (std::chrono::steady_clock::now() - started > 10s)
                return where + "the response was left hanging after the origin's reset";
            const auto& got = parser.get().body();
            if (!response_body(p.id, p.response_size).starts_with(got))
                return where + "the cut response is not a prefix of the origin's";
            return {};
        }
        if (ec)
            return where + "read: " + ec.message();
        const auto& res = parser.get();
        if (res.result_int() != 200)
            return where + "status " + std::to_string(res.result_int()) + ": " +
                   res.body().substr(0, 300);
        const auto got = res["X-Got"];
        if (std::string_view(got.data(), got.size()) != fingerprint(p.body))
            return where + "the origin got " + std::string(got.data(), got.size()) + ", sent " +
                   fingerprint(p.body);
        if (res.body() != response_body(p.id, p.response_size))
            return where + "response body differs (" + std::to_string(res.body().size()) +
                   " bytes)";
        if (!res.keep_alive())
            return {}; // a close-delimited response ends the connection
    }
    return {};
}

} // namespace

class TestExchangeTraffic : public QObject {
    Q_OBJECT

    temporary_certificate m_certificate;

private slots:
    void randomExchangesArriveWholeOrEndAtOnce_data();
    void randomExchangesArriveWholeOrEndAtOnce();
};

void TestExchangeTraffic::randomExchangesArriveWholeOrEndAtOnce_data()
{
    QTest::addColumn<bool>("tls");
    QTest::addColumn<bool>("upstreamTls");
    QTest::newRow("http") << false << false;
    QTest::newRow("https") << true << false;
    QTest::newRow("https upstream") << false << true;
    QTest::newRow("https both") << true << true;
}

void TestExchangeTraffic::randomExchangesArriveWholeOrEndAtOnce()
{
    QFETCH(bool, tls);
    QFETCH(bool, upstreamTls);
    const unsigned seed = run_seed(20261204);
    QCOMPARE(QString::fromStdString(m_certificate.error), QString());
    threaded_origin plain_origin([](threaded_origin::socket& s) { serve(s, s); });
    tls_origin secure_origin(m_certificate.cert, m_certificate.key);
    gateway::config_snapshot config;
    auto upstream = make_upstream("origin", {plain_origin.port()});
    if (upstreamTls) {
        upstream.targets = {{"https://localhost:" + std::to_string(secure_origin.port()), 1}};
        upstream.tls.ca_file = m_certificate.cert;
    }
    upstream.read_timeout = 60s; // a response left hanging fails the run
    upstream.total_timeout = 120s;
    upstream.health.max_failures = 0; // resets must not eject the only target
    config.upstreams.push_back(upstream);
    config.routes.push_back(make_route("all", "/x", "origin"));
    gateway::gateway_server gw;
    QCOMPARE(QString::fromStdString(gw.apply(config)), QString());
    auto options = test_options();
    if (tls) {
        options.tls_certificate_file = m_certificate.cert;
        options.tls_key_file = m_certificate.key;
    }
    QCOMPARE(QString::fromStdString(gw.start(options)), QString());
    // "localhost" is looked up on the gateway's resolver thread, not in
    // apply(): on a busy machine the first exchanges come before the answer
    // and wait for it (tst_upstream_resolution::callsWaitForAFirstLookup).

    constexpr int clients = 4;
    constexpr int connections_each = 25;
    failure_log failures;
    std::mutex mutex;
    std::vector<int> endings(3, 0);
    run_clients(seed, clients, [&](std::mt19937& rng, int c) {
        std::uint64_t next_id = std::uint64_t(c) * 100000;
        for (int k = 0; k < connections_each; ++k) {
            const auto plans = plan_connection(rng, next_id);
            failures.add(run_connection(gw.port(), tls, plans, unsigned(rng())));
            std::lock_guard lock(mutex);
            for (const auto& p : plans)
                ++endings[static_cast<std::size_t>(p.end)];
        }
    });
    qInfo("%d exchanges completed, %d cut by the origin, %d by the client", endings[0], endings[1],
          endings[2]);
    const auto failed = failures.all();
    for (const auto& f : failed)
        qWarning("%s", f.c_str());
    QVERIFY2(failed.empty(), (std::to_string(failed.size()) + " connections failed").c_str());
    QVERIFY2(endings[0] > 0 && endings[1] > 0 && endings[2] > 0,
             "the seed did not plan every kind of ending");

    QTRY_COMPARE_WITH_TIMEOUT(gw.stats().active_connections, std::uint64_t(0), 5000);
    exchange_plan last;
    last.id = 999999;
    last.method = "POST";
    last.body = "still here";
    last.response_size = 1000;
    QCOMPARE(QString::fromStdString(run_connection(gw.port(), tls, {last}, 1)), QString());
    gw.stop(500ms);
}

QTEST_GUILESS_MAIN(TestExchangeTraffic)
#include "tst_exchange_traffic.moc"
