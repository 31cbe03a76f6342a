// SPDX-FileCopyrightText: Gatehouse contributors
// SPDX-License-Identifier: Apache-2.0
#include "gateway/access/consumer_table.hpp"
#include "gateway/gateway_server.hpp"

#include "echo_json.h"
#include "gateway_fixture.h"
#include "test_certificate.h"
#include "tests/support/test_http.h"
#include "threaded_origin.h"

#include <boost/asio/ssl.hpp>
#include <boost/beast/websocket/ssl.hpp>

#include <boost/beast/core/buffers_to_string.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/http/read.hpp>
#include <boost/beast/http/string_body.hpp>
#include <boost/beast/websocket/stream.hpp>

#include <QElapsedTimer>
#include <QJsonDocument>
#include <QJsonObject>
#include <QtTest/QTest>

#include <mutex>
#include <thread>

#include <sys/socket.h>
#include <sys/time.h>

using namespace gatehouse;
using namespace gatehouse::test;
using namespace std::chrono_literals;
namespace beast = boost::beast;
namespace http = beast::http;
namespace websocket = beast::websocket;
using tcp = boost::asio::ip::tcp;

namespace {

// Blocking socket reads give up after `timeout`, so no test can hang.
void limit_reads(int fd, std::chrono::milliseconds timeout)
{
    timeval tv{};
    tv.tv_sec = static_cast<time_t>(timeout.count() / 1000);
    tv.tv_usec = static_cast<suseconds_t>((timeout.count() % 1000) * 1000);
    ::setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
}

// A WebSocket server (Beast's) that greets, then echoes every message, and
// keeps the handshake requests it saw.
class websocket_origin {
public:
    websocket_origin()
        : origin_([this](threaded_origin::socket& s) { serve(s); })
    {
    }
    std::uint16_t port() const { return origin_.port(); }
    std::vector<http::request<http::string_body>> handshakes() const
    {
        std::lock_guard lock(mutex_);
        return handshakes_;
    }

private:
    void serve(threaded_origin::socket& s)
    {
        limit_reads(s.native_handle(), 10s);
        beast::flat_buffer buffer;
        http::request<http::string_body> request;
        boost::system::error_code ec;
        http::read(s, buffer, request, ec);
        if (ec)
            return;
        {
            std::lock_guard lock(mutex_);
            handshakes_.push_back(request);
        }
        websocket::stream<threaded_origin::socket&> ws(s);
        ws.accept(request, ec);
        if (ec)
            return;
        // Sent at once: it can reach the gateway with the 101 itself.
        ws.write(boost::asio::buffer(std::string_view("welcome")), ec);
        while (!ec) {
            beast::flat_buffer message;
            ws.read(message, ec);
            if (ec)
                break;
            ws.text(ws.got_text());
            ws.write(message.data(), ec);
        }
    }

    mutable std::mutex mutex_;
    std::vector<http::request<http::string_body>> handshakes_;
    threaded_origin origin_; // last: its threads use the members above
};

// A WebSocket client through the gateway.
struct websocket_client {
    boost::asio::io_context ioc;
    websocket::stream<tcp::socket> ws{ioc};
    websocket::response_type handshake_response;

    // Empty on success, else why not.
    std::string open(std::uint16_t port, const std::string& target,
                     std::chrono::milliseconds read_limit = 5s)
    {
        boost::system::error_code ec;
        ws.next_layer().connect({boost::asio::ip::address_v4::loopback(), port}, ec);
        if (ec)
            return "connect: " + ec.message();
        limit_reads(ws.next_layer().native_handle(), read_limit);
        ws.handshake(handshake_response, "127.0.0.1:" + std::to_string(port), target, ec);
        if (ec)
            return "handshake: " + ec.message() + " (status " +
                   std::to_string(handshake_response.result_int()) + ")";
        return {};
    }
    // The next message, or "" with `ec` set.
    std::string read(boost::system::error_code& ec)
    {
        beast::flat_buffer buffer;
        ws.read(buffer, ec);
        return ec ? std::string() : beast::buffers_to_string(buffer.data());
    }
};

} // namespace

// WebSocket connections through the gateway: the opening handshake goes to
// the upstream with its Upgrade, the 101 comes back, and from then on the
// two connections are one tunnel, with its own idle limit.
class TestWebSocketProxy : public QObject {
    Q_OBJECT

private:
    static constexpr const char* ApiKey = "gh_websocket-test-key";
    websocket_origin m_wsOrigin;
    gateway::demo_origin m_demo;
    std::unique_ptr<threaded_origin> m_unasked; // answers 101 to anything
    gateway::gateway_server m_gateway;
    std::uint16_t m_port = 0;

private slots:
    void initTestCase()
    {
        QCOMPARE(QString::fromStdString(m_demo.start()), QString());
        m_unasked = std::make_unique<threaded_origin>([](threaded_origin::socket& s) {
            boost::asio::streambuf buffer;
            if (threaded_origin::read_head(s, buffer)) {
                boost::system::error_code ec;
                boost::asio::write(s,
                                   boost::asio::buffer(std::string_view(
                                       "HTTP/1.1 101 Switching Protocols\r\nUpgrade: h2c\r\n"
                                       "Connection: Upgrade\r\n\r\n")),
                                   ec);
                std::this_thread::sleep_for(200ms);
            }
        });
        gateway::config_snapshot config;
        config.upstreams.push_back(make_upstream("ws", {m_wsOrigin.port()}));
        auto quiet = make_upstream("ws-quiet", {m_wsOrigin.port()});
        quiet.read_timeout = 1s; // the tunnel's idle limit
        config.upstreams.push_back(quiet);
        config.upstreams.push_back(make_upstream("demo", {m_demo.port()}));
        config.upstreams.push_back(make_upstream("unasked", {m_unasked->port()}));
        config.routes.push_back(make_route("ws", "/ws", "ws"));
        config.routes.push_back(make_route("quiet", "/quiet", "ws-quiet"));
        auto cached = make_route("demo", "/echo", "demo");
        cached.cache.enabled = true;
        config.routes.push_back(cached);
        config.routes.push_back(make_route("unasked", "/unasked", "unasked"));
        auto live = make_route("live", "/live", "demo");
        live.rewrite_prefix = "/ws/echo";
        config.routes.push_back(live);
        // A keyed API: the handshake passes the access check like any call.
        auto keyed = make_route("keyed", "/keyed", "ws");
        keyed.api_id = 7;
        config.routes.push_back(keyed);
        namespace ga = gateway::access;
        auto table = std::make_shared<ga::access_table>();
        table->apis[7] = ga::api_access{};
        ga::consumer consumer;
        consumer.application_id = 21;
        consumer.application_header = "21";
        consumer.consumer_header = "team:5";
        consumer.subscriptions = {{7, ga::subscription_state::approved}};
        table->consumers.push_back(consumer);
        table->keys[ga::digest_key(ApiKey)] = {0, 0};
        table->finish();
        config.access = table;
        QCOMPARE(QString::fromStdString(m_gateway.apply(config)), QString());
        QCOMPARE(QString::fromStdString(m_gateway.start(test_options())), QString());
        m_port = m_gateway.port();
    }

    void cleanupTestCase()
    {
        m_gateway.stop(500ms);
        m_demo.stop();
        m_unasked.reset();
    }

    void messagesGoBothWays()
    {
        websocket_client client;
        QCOMPARE(QString::fromStdString(client.open(m_port, "/ws/chat?room=1")), QString());
        const auto& response = client.handshake_response;
        QCOMPARE(response.result_int(), 101u);
        QVERIFY(std::string(response["Via"]).find("gatehouse") != std::string::npos);
        QVERIFY(!std::string(response["X-Request-Id"]).empty());
        QVERIFY(std::string(response["Cache-Status"]).find("fwd=bypass") != std::string::npos);

        boost::system::error_code ec;
        QCOMPARE(QString::fromStdString(client.read(ec)), QStringLiteral("welcome"));
        client.ws.text(true);
        client.ws.write(boost::asio::buffer(std::string_view("hello")), ec);
        QVERIFY(!ec);
        QCOMPARE(QString::fromStdString(client.read(ec)), QStringLiteral("hello"));
        QVERIFY(client.ws.got_text());
        // Larger than the tunnel's buffer, in both directions.
        std::string big(1 << 20, '\0');
        for (std::size_t i = 0; i < big.size(); ++i)
            big[i] = static_cast<char>(i * 31 % 251);
        client.ws.binary(true);
        client.ws.write(boost::asio::buffer(big), ec);
        QVERIFY(!ec);
        const std::string echoed = client.read(ec);
        QVERIFY2(!ec, ec.message().c_str());
        QVERIFY(echoed == big);
        QVERIFY(client.ws.got_binary());

        // The closing handshake goes through, and the connection ends: as a
        // client, Beast's close() waits for the server's close frame and
        // then for the TCP connection to be closed from the far end.
        client.ws.close(websocket::close_code::normal, ec);
        QVERIFY2(!ec, ec.message().c_str());
        QVERIFY(!client.ws.is_open());
    }

    // The upstream sees a proper opening handshake: Upgrade and Connection
    // carried on (they are hop-by-hop), the forwarding fields added.
    void handshakeReachesTheUpstream()
    {
        const auto before = m_wsOrigin.handshakes().size();
        websocket_client client;
        QCOMPARE(QString::fromStdString(client.open(m_port, "/ws/feed")), QString());
        const auto seen = m_wsOrigin.handshakes();
        QCOMPARE(seen.size(), before + 1);
        const auto& request = seen.back();
        QCOMPARE(std::string(request.target()), std::string("/ws/feed"));
        QVERIFY(beast::iequals(request[http::field::upgrade], "websocket"));
        QVERIFY(beast::iequals(request[http::field::connection], "upgrade"));
        QVERIFY(!std::string(request[http::field::sec_websocket_key]).empty());
        QCOMPARE(std::string(request[http::field::sec_websocket_version]), std::string("13"));
        QCOMPARE(std::string(request["X-Forwarded-For"]), std::string("127.0.0.1"));
        QVERIFY(!std::string(request["X-Request-Id"]).empty());
    }

    // The demo origin's own WebSocket endpoint, through the gateway.
    void demoOriginEcho()
    {
        websocket_client client;
        QCOMPARE(QString::fromStdString(client.open(m_port, "/live")), QString());
        boost::system::error_code ec;
        client.ws.text(true);
        client.ws.write(boost::asio::buffer(std::string_view("through the gateway")), ec);
        QCOMPARE(QString::fromStdString(client.read(ec)), QStringLiteral("through the gateway"));
        client.ws.close(websocket::close_code::normal, ec);
        QVERIFY2(!ec, ec.message().c_str());
    }

    // Access rules apply to the handshake: without a key no tunnel; with
    // one, the upstream sees the consumer and not the key.
    void handshakeIsAccessChecked()
    {
        websocket_client refused;
        const std::string error = refused.open(m_port, "/keyed/room");
        QVERIFY2(!error.empty(), "a handshake without a key was let through");
        QCOMPARE(refused.handshake_response.result_int(), 401u);

        const auto before = m_wsOrigin.handshakes().size();
        websocket_client client;
        client.ws.set_option(websocket::stream_base::decorator(
            [](websocket::request_type& req) { req.set("X-API-Key", ApiKey); }));
        QCOMPARE(QString::fromStdString(client.open(m_port, "/keyed/room")), QString());
        boost::system::error_code ec;
        QCOMPARE(QString::fromStdString(client.read(ec)), QStringLiteral("welcome"));
        const auto seen = m_wsOrigin.handshakes();
        QCOMPARE(seen.size(), before + 1);
        QCOMPARE(std::string(seen.back()["X-Consumer-Id"]), std::string("team:5"));
        QCOMPARE(std::string(seen.back()["X-API-Key"]), std::string());
    }

    // An ordinary request keeps its hop-by-hop Upgrade to itself: the
    // upstream sees none (h2c here), and a WebSocket handshake is never
    // answered from the cache.
    void onlyWebSocketHandshakesUpgrade()
    {
        auto r = http_request(m_port, "GET", "/echo/plain",
                              {{"Connection", "Upgrade, HTTP2-Settings"},
                               {"Upgrade", "h2c"},
                               {"HTTP2-Settings", "AAMAAABkAAQCAAAAAAIAAAAA"}});
        QCOMPARE(r.status, 200);
        const auto headers = json_body(r).value(QStringLiteral("headers")).toObject();
        QVERIFY(!headers.contains(QStringLiteral("upgrade")));
        QVERIFY(!headers.contains(QStringLiteral("http2-settings")));

        const std::string stored = "/echo/stored?cache_control=max-age%3D60";
        QCOMPARE(http_request(m_port, "GET", stored).status, 200);
        QVERIFY(http_request(m_port, "GET", stored).header("Cache-Status").find("hit") !=
                std::string::npos);
        const auto originRequests = m_demo.requests();
        r = http_request(m_port, "GET", stored,
                         {{"Connection", "Upgrade"},
                          {"Upgrade", "websocket"},
                          {"Sec-WebSocket-Key", "dGhlIHNhbXBsZSBub25jZQ=="},
                          {"Sec-WebSocket-Version", "13"}});
        // The demo origin speaks no WebSocket: its 200 comes back as it is.
        QCOMPARE(r.status, 200);
        QCOMPARE(m_demo.requests(), originRequests + 1);
        const auto forwarded = json_body(r).value(QStringLiteral("headers")).toObject();
        QCOMPARE(forwarded.value(QStringLiteral("upgrade")).toString(),
                 QStringLiteral("websocket"));
        QCOMPARE(forwarded.value(QStringLiteral("connection")).toString(),
                 QStringLiteral("upgrade"));
    }

    // A 101 the client did not ask for would leave it reading a protocol it
    // does not speak.
    void unaskedSwitchIs502()
    {
        const auto r = http_request(m_port, "GET", "/unasked/x");
        QCOMPARE(r.status, 502);
        QCOMPARE(r.header("Content-Type"), std::string("application/problem+json"));
        QVERIFY(json_body(r)
                    .value(QStringLiteral("detail"))
                    .toString()
                    .contains(QStringLiteral("switched protocols")));
    }

    // Traffic either way keeps a tunnel open past the idle limit; silence
    // closes it.
    void idleTunnelsClose()
    {
        websocket_client client;
        QCOMPARE(QString::fromStdString(client.open(m_port, "/quiet/x")), QString());
        boost::system::error_code ec;
        QCOMPARE(QString::fromStdString(client.read(ec)), QStringLiteral("welcome"));
        QElapsedTimer timer;
        timer.start();
        while (timer.elapsed() < 2500) {
            client.ws.write(boost::asio::buffer(std::string_view("ping")), ec);
            QVERIFY2(!ec, ec.message().c_str());
            QCOMPARE(QString::fromStdString(client.read(ec)), QStringLiteral("ping"));
            std::this_thread::sleep_for(100ms);
        }
        timer.restart();
        client.read(ec); // nothing more comes: the gateway closes
        QVERIFY(ec);
        QVERIFY(ec != boost::asio::error::would_block && ec != boost::asio::error::try_again);
        QVERIFY2(timer.elapsed() < 4000, QByteArray::number(timer.elapsed()).constData());
    }

    // The call log has the tunnel as one call: a 101 with the bytes that
    // went through it and the time the handshake took.
    void tunnelIsOneCall()
    {
        std::vector<gateway::call_record> drained;
        m_gateway.drain_call_records(drained);
        drained.clear();
        {
            websocket_client client;
            QCOMPARE(QString::fromStdString(client.open(m_port, "/ws/logged")), QString());
            boost::system::error_code ec;
            client.read(ec);
            client.ws.write(boost::asio::buffer(std::string(100000, 'x')), ec);
            QCOMPARE(client.read(ec).size(), std::size_t(100000));
            std::this_thread::sleep_for(1s);
            client.ws.close(websocket::close_code::normal, ec);
            client.read(ec);
        }
        const auto ours = [](const gateway::call_record& r) {
            return r.path.view() == std::string_view("/ws/logged");
        };
        for (int i = 0; i < 200 && std::none_of(drained.begin(), drained.end(), ours); ++i) {
            m_gateway.drain_call_records(drained);
            if (std::none_of(drained.begin(), drained.end(), ours))
                std::this_thread::sleep_for(10ms);
        }
        const auto it = std::find_if(drained.begin(), drained.end(), ours);
        QVERIFY(it != drained.end());
        QCOMPARE(it->status, std::uint16_t(101));
        QVERIFY(it->bytes_in > 100000);
        QVERIFY(it->bytes_out > 100000);
        QCOMPARE(it->error, gateway::call_error::none);
        // Its latency is the handshake's, not the tunnel's second.
        QVERIFY2(it->total_latency_us < 1000000, QByteArray::number(it->total_latency_us));
        QVERIFY(it->total_latency_us >= it->upstream_latency_us);
    }

    // Over an HTTPS listener (wss://): the tunnel runs through TLS.
    void secureWebSockets()
    {
        const temporary_certificate certificate;
        QCOMPARE(QString::fromStdString(certificate.error), QString());
        const std::string& cert = certificate.cert;
        const std::string& key = certificate.key;
        websocket_origin origin;
        gateway::gateway_server gateway;
        gateway::config_snapshot config;
        config.upstreams.push_back(make_upstream("ws", {origin.port()}));
        config.routes.push_back(make_route("ws", "/", "ws"));
        auto options = test_options();
        options.tls_certificate_file = cert;
        options.tls_key_file = key;
        QCOMPARE(QString::fromStdString(gateway.apply(config)), QString());
        QCOMPARE(QString::fromStdString(gateway.start(options)), QString());

        namespace ssl = boost::asio::ssl;
        boost::asio::io_context ioc;
        ssl::context context(ssl::context::tls_client);
        context.load_verify_file(cert);
        websocket::stream<ssl::stream<tcp::socket>> ws(ioc, context);
        auto& socket = beast::get_lowest_layer(ws);
        boost::system::error_code ec;
        socket.connect({boost::asio::ip::address_v4::loopback(), gateway.port()}, ec);
        QVERIFY2(!ec, ec.message().c_str());
        limit_reads(socket.native_handle(), 5s);
        SSL_set_tlsext_host_name(ws.next_layer().native_handle(), "localhost");
        ws.next_layer().set_verify_mode(ssl::verify_peer);
        ws.next_layer().set_verify_callback(ssl::host_name_verification("localhost"));
        ws.next_layer().handshake(ssl::stream_base::client, ec);
        QVERIFY2(!ec, ec.message().c_str());
        websocket::response_type response;
        ws.handshake(response, "localhost", "/secure", ec);
        QVERIFY2(!ec, ec.message().c_str());
        QCOMPARE(response.result_int(), 101u);
        QCOMPARE(std::string(origin.handshakes().back()["X-Forwarded-Proto"]),
                 std::string("https"));

        beast::flat_buffer buffer;
        ws.read(buffer, ec);
        QCOMPARE(QString::fromStdString(beast::buffers_to_string(buffer.data())),
                 QStringLiteral("welcome"));
        const std::string message(200000, 's');
        ws.write(boost::asio::buffer(message), ec);
        QVERIFY(!ec);
        buffer.clear();
        ws.read(buffer, ec);
        QVERIFY2(!ec, ec.message().c_str());
        QVERIFY(beast::buffers_to_string(buffer.data()) == message);
        // The closing handshake, then TLS ends with the gateway's
        // close_notify, which the client's TLS shutdown waits for (a bare
        // TCP close would be a truncated stream). What follows is TCP's:
        // the client's own alert reaches a gateway that has closed, and
        // its TCP teardown may find the connection reset.
        ws.close(websocket::close_code::normal, ec);
        QVERIFY2(ec != ssl::error::stream_truncated, ec.message().c_str());
        QVERIFY(SSL_get_shutdown(ws.next_layer().native_handle()) & SSL_RECEIVED_SHUTDOWN);
        gateway.stop(300ms);
    }

    // A stopping gateway does not wait past its deadline for an open
    // tunnel, and the client sees the connection end.
    void stopEndsTunnels()
    {
        websocket_origin origin;
        gateway::gateway_server gateway;
        gateway::config_snapshot config;
        config.upstreams.push_back(make_upstream("ws", {origin.port()}));
        config.routes.push_back(make_route("ws", "/", "ws"));
        QCOMPARE(QString::fromStdString(gateway.apply(config)), QString());
        QCOMPARE(QString::fromStdString(gateway.start(test_options())), QString());
        websocket_client client;
        QCOMPARE(QString::fromStdString(client.open(gateway.port(), "/stay")), QString());
        boost::system::error_code ec;
        QCOMPARE(QString::fromStdString(client.read(ec)), QStringLiteral("welcome"));
        QElapsedTimer timer;
        timer.start();
        gateway.stop(300ms);
        QVERIFY2(timer.elapsed() < 3000, QByteArray::number(timer.elapsed()).constData());
        client.read(ec);
        QVERIFY(ec);
        QVERIFY(ec != boost::asio::error::would_block && ec != boost::asio::error::try_again);
    }
};

QTEST_GUILESS_MAIN(TestWebSocketProxy)
#include "tst_websocket_proxy.moc"
