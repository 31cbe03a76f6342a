// SPDX-FileCopyrightText: Gatehouse contributors
// SPDX-License-Identifier: Apache-2.0
#include "gateway/demo_origin.hpp"
#include "gateway/demo_origin_websocket.hpp"

#include "tests/support/test_http.h"

#include <boost/asio/ip/tcp.hpp>
#include <boost/beast/core/buffers_to_string.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/websocket/stream.hpp>

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

#include <chrono>

#include <string>
#include <sys/socket.h>
#include <sys/time.h>

using gatehouse::gateway::demo_origin;
using gatehouse::test::header_list;
using gatehouse::test::http_connection;
using gatehouse::test::http_request;
using gatehouse::test::http_response;
using namespace std::chrono_literals;

namespace {

QByteArray bytes(std::string_view s)
{
    return QByteArray(s.data(), static_cast<qsizetype>(s.size()));
}

QJsonObject json_object(const http_response& r)
{
    QJsonParseError error{};
    auto doc = QJsonDocument::fromJson(bytes(r.body), &error);
    if (error.error != QJsonParseError::NoError || !doc.isObject())
        qWarning("not a JSON object: %s", r.body.c_str());
    return doc.object();
}

QJsonValue field(const QJsonObject& o, const char* key)
{
    return o.value(QLatin1String(key));
}

QString text(const char* s)
{
    return QString::fromUtf8(s);
}

std::string pattern(std::size_t n)
{
    std::string out;
    for (std::size_t i = 0; i < n; ++i)
        out += "0123456789abcdef"[i % 16];
    return out;
}

} // namespace

class tst_demo_origin : public QObject {
    Q_OBJECT

private:
    demo_origin origin_;
    std::uint16_t port_ = 0;

    http_response get(std::string_view target, const header_list& headers = {})
    {
        return http_request(port_, "GET", target, headers);
    }

private slots:
    void initTestCase()
    {
        QCOMPARE(bytes(origin_.start("127.0.0.1", 0, 2)), QByteArray());
        QVERIFY(origin_.running());
        port_ = origin_.port();
        QVERIFY(port_ != 0);
    }

    void cleanupTestCase() { origin_.stop(); }

    void health()
    {
        auto before = origin_.requests();
        auto r = get("/health");
        QCOMPARE(r.status, 200);
        QCOMPARE(bytes(r.body), QByteArray(R"({"status":"ok"})"));
        QCOMPARE(bytes(r.header("Cache-Control")), QByteArray("no-store"));
        QCOMPARE(bytes(r.header("Server")), QByteArray("gatehouse-demo-origin"));
        QCOMPARE(bytes(r.header("Content-Type")), QByteArray("application/json"));
        QCOMPARE(bytes(r.header("Content-Length")), QByteArray::number(qsizetype(r.body.size())));
        QVERIFY(r.header("Date").ends_with(" GMT"));
        QCOMPARE(origin_.requests(), before + 1);
    }

    // RFC 6455 §1.3's example key and accept value.
    void websocket_accept_value()
    {
        QCOMPARE(gatehouse::gateway::demo::websocket_accept("dGhlIHNhbXBsZSBub25jZQ=="),
                 std::string("s3pPLMBiTxaQ9kYGzzhZRbK+xOo="));
    }

    // /ws/echo with a real WebSocket client: text and binary messages
    // (one larger than a 16-bit length), a ping, and the closing handshake.
    void websocket_echo()
    {
        namespace websocket = boost::beast::websocket;
        boost::asio::io_context ioc;
        websocket::stream<boost::asio::ip::tcp::socket> ws(ioc);
        boost::system::error_code ec;
        ws.next_layer().connect({boost::asio::ip::address_v4::loopback(), port_}, ec);
        QVERIFY(!ec);
        timeval tv{5, 0};
        ::setsockopt(ws.next_layer().native_handle(), SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
        ws.handshake("127.0.0.1", "/ws/echo", ec);
        QVERIFY2(!ec, ec.message().c_str());

        boost::beast::flat_buffer buffer;
        ws.text(true);
        ws.write(boost::asio::buffer(std::string_view("hello, gateway")), ec);
        ws.read(buffer, ec);
        QVERIFY2(!ec, ec.message().c_str());
        QVERIFY(ws.got_text());
        QCOMPARE(boost::beast::buffers_to_string(buffer.data()), std::string("hello, gateway"));

        const std::string big = pattern(300000);
        ws.binary(true);
        ws.write(boost::asio::buffer(big), ec);
        buffer.clear();
        ws.read(buffer, ec);
        QVERIFY2(!ec, ec.message().c_str());
        QVERIFY(ws.got_binary());
        QVERIFY(boost::beast::buffers_to_string(buffer.data()) == big);

        bool ponged = false;
        ws.control_callback([&](websocket::frame_type kind, boost::beast::string_view payload) {
            ponged = ponged || (kind == websocket::frame_type::pong && payload == "are you there");
        });
        ws.ping("are you there", ec);
        ws.write(boost::asio::buffer(std::string_view("after the ping")), ec);
        buffer.clear();
        ws.read(buffer, ec); // the pong is handled on the way to this message
        QVERIFY(!ec);
        QVERIFY(ponged);

        ws.close(websocket::close_reason(websocket::close_code::going_away), ec);
        QVERIFY2(!ec, ec.message().c_str());
        QCOMPARE(ws.reason().code, websocket::close_code(websocket::close_code::going_away));
    }

    // The endpoint without a handshake: 426 saying how; a client that
    // breaks the protocol (an unmasked frame) is closed with 1002.
    void websocket_refusals()
    {
        const auto plain = get("/ws/echo");
        QCOMPARE(plain.status, 426);
        QCOMPARE(bytes(plain.header("Upgrade")), QByteArray("websocket"));

        http_connection c;
        QVERIFY(c.connect(port_));
        QVERIFY(c.send_raw("GET /ws/echo HTTP/1.1\r\nHost: a\r\nUpgrade: websocket\r\n"
                           "Connection: Upgrade\r\nSec-WebSocket-Version: 13\r\n"
                           "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n\r\n"
                           "\x81\x02hi"));
        const std::string raw = c.read_raw(2s);
        QVERIFY2(raw.starts_with("HTTP/1.1 101 "), raw.c_str());
        QVERIFY(raw.find("Sec-WebSocket-Accept: s3pPLMBiTxaQ9kYGzzhZRbK+xOo=\r\n") !=
                std::string::npos);
        QVERIFY(raw.ends_with(std::string("\r\n\r\n\x88\x02\x03\xea", 8)));

        // A frame announcing 2 MiB: 1009, before any of it is read.
        http_connection big;
        QVERIFY(big.connect(port_));
        QVERIFY(
            big.send_raw(std::string("GET /ws/echo HTTP/1.1\r\nHost: a\r\nUpgrade: websocket\r\n"
                                     "Connection: Upgrade\r\nSec-WebSocket-Version: 13\r\n"
                                     "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n\r\n") +
                         std::string("\x82\xff\0\0\0\0\0\x20\0\0"
                                     "abcd",
                                     14)));
        const std::string refused = big.read_raw(2s);
        QVERIFY(refused.ends_with(std::string("\r\n\r\n\x88\x02\x03\xf1", 8)));
    }

    void product_list()
    {
        auto r = get("/products?page=2&limit=5");
        QCOMPARE(r.status, 200);
        auto o = json_object(r);
        QCOMPARE(field(o, "page").toInt(), 2);
        QCOMPARE(field(o, "total").toInt(), 200);
        auto items = field(o, "items").toArray();
        QCOMPARE(items.size(), 5);
        QCOMPARE(items.at(0).toObject().value(QLatin1String("id")).toInt(), 6);
        QCOMPARE(bytes(r.header("Cache-Control")), QByteArray("public, max-age=30"));
        QVERIFY(r.header("ETag").starts_with("\"l-"));
        QVERIFY(r.header("Last-Modified").ends_with(" GMT"));
        QCOMPARE(get("/products?page=2&limit=5").header("ETag"), r.header("ETag"));
        QVERIFY(get("/products?page=3&limit=5").header("ETag") != r.header("ETag"));

        auto books = json_object(get("/products?category=books&limit=100"));
        QVERIFY(field(books, "total").toInt() > 0);
        for (auto item : field(books, "items").toArray())
            QCOMPARE(item.toObject().value(QLatin1String("category")).toString(), text("books"));
        QCOMPARE(get("/products?limit=0").status, 400);
    }

    void product_detail()
    {
        auto r = get("/products/7");
        QCOMPARE(r.status, 200);
        auto o = json_object(r);
        QCOMPARE(field(o, "id").toInt(), 7);
        QVERIFY(!field(o, "name").toString().isEmpty());
        QVERIFY(field(o, "price").toDouble() > 0);
        QCOMPARE(bytes(r.header("ETag")), QByteArray("\"p-7-v1\""));
        QCOMPARE(bytes(r.header("Cache-Control")), QByteArray("public, max-age=300"));
        QVERIFY(!r.header("Last-Modified").empty());
        QCOMPARE(get("/products/7").body, r.body); // deterministic
    }

    void not_modified_by_etag()
    {
        auto etag = get("/products/7").header("ETag");
        for (auto inm : {etag, "\"x\", W/" + etag, std::string("*")}) {
            auto r = get("/products/7", {{"If-None-Match", inm}});
            QCOMPARE(r.status, 304);
            QVERIFY(r.body.empty());
            QCOMPARE(r.header("ETag"), etag);
            QCOMPARE(bytes(r.header("Cache-Control")), QByteArray("public, max-age=300"));
            QVERIFY(!r.has_header("Content-Length"));
        }
        QCOMPARE(get("/products/7", {{"If-None-Match", "\"p-8-v1\""}}).status, 200);
    }

    void request_fields_in_any_case_and_order()
    {
        // Names are matched whatever their case, and a repeated field's
        // lines are joined in order even with another field between them.
        auto etag = get("/products/7").header("ETag");
        auto r = get("/products/7", {{"X-Other", "1"},
                                     {"if-none-match", "\"x\""},
                                     {"X-Between", "2"},
                                     {"IF-NONE-MATCH", etag}});
        QCOMPARE(r.status, 304);
        auto e = http_request(port_, "GET", "/echo",
                              {{"X-A", "1"}, {"X-B", "2"}, {"x-a", "3"}, {"X-A", "4"}});
        QCOMPARE(e.status, 200);
        auto headers = field(json_object(e), "headers").toObject();
        QCOMPARE(headers.value(QLatin1String("x-a")).toString(), text("1, 3, 4"));
        QCOMPARE(headers.value(QLatin1String("x-b")).toString(), text("2"));
    }

    void not_modified_since()
    {
        auto modified = get("/products/9").header("Last-Modified");
        auto r = get("/products/9", {{"If-Modified-Since", modified}});
        QCOMPARE(r.status, 304);
        QVERIFY(r.body.empty());
        QCOMPARE(
            get("/products/9", {{"If-Modified-Since", "Mon, 01 Jan 2001 00:00:00 GMT"}}).status,
            200);
        // If-None-Match wins over If-Modified-Since.
        QCOMPARE(
            get("/products/9", {{"If-None-Match", "\"nope\""}, {"If-Modified-Since", modified}})
                .status,
            200);
    }

    void not_found()
    {
        for (auto target : {"/products/9999", "/products/abc", "/nowhere"}) {
            auto r = get(target);
            QCOMPARE(r.status, 404);
            QCOMPARE(bytes(r.header("Content-Type")), QByteArray("application/problem+json"));
            auto o = json_object(r);
            QCOMPARE(field(o, "status").toInt(), 404);
            QVERIFY(!field(o, "type").toString().isEmpty());
            QVERIFY(!field(o, "title").toString().isEmpty());
            QVERIFY(!field(o, "detail").toString().isEmpty());
        }
        auto r = http_request(port_, "POST", "/products", {}, "x");
        QCOMPARE(r.status, 405);
        QCOMPARE(bytes(r.header("Allow")), QByteArray("GET, HEAD"));
    }

    void other_resources()
    {
        auto search = get("/products/search?q=lamp");
        QCOMPARE(search.status, 200);
        QCOMPARE(bytes(search.header("Cache-Control")), QByteArray("public, max-age=10"));
        QCOMPARE(bytes(search.header("Vary")), QByteArray("Accept-Language"));
        QVERIFY(field(json_object(search), "items").isArray());

        auto weather = get("/weather/berlin");
        QCOMPARE(weather.status, 200);
        QCOMPARE(bytes(weather.header("Cache-Control")),
                 QByteArray("public, max-age=60, stale-while-revalidate=30"));
        QVERIFY(!weather.header("ETag").empty());
        QCOMPARE(field(json_object(weather), "city").toString(), text("berlin"));

        auto forecast = get("/weather/berlin/forecast");
        QCOMPARE(bytes(forecast.header("Cache-Control")), QByteArray("public, max-age=600"));
        QCOMPARE(bytes(forecast.header("Cache-Tag")), QByteArray("weather,city-berlin"));
        QCOMPARE(field(json_object(forecast), "days").toArray().size(), 5);

        auto account = get("/account", {{"Authorization", "Bearer abc"}});
        QCOMPARE(bytes(account.header("Cache-Control")), QByteArray("private, max-age=60"));
        QVERIFY(field(json_object(account), "user").toString() != text("anonymous"));

        auto time = get("/time");
        QCOMPARE(bytes(time.header("Cache-Control")), QByteArray("no-cache"));
        QVERIFY(time.header("ETag").starts_with("\"t-"));

        auto random = get("/random");
        QCOMPARE(bytes(random.header("Cache-Control")), QByteArray("no-store"));
        QVERIFY(random.body != get("/random").body);
    }

    void echo()
    {
        auto r = http_request(
            port_, "POST", "/echo/a/b?x=1&y=2",
            {{"X-Test", "one"}, {"x-test", "two"}, {"Content-Type", "text/plain"}}, "hello body");
        QCOMPARE(r.status, 200);
        QCOMPARE(bytes(r.header("Cache-Control")), QByteArray("no-store"));
        auto o = json_object(r);
        QCOMPARE(field(o, "method").toString(), text("POST"));
        QCOMPARE(field(o, "path").toString(), text("/echo/a/b"));
        QCOMPARE(field(o, "query").toString(), text("x=1&y=2"));
        auto headers = field(o, "headers").toObject();
        QCOMPARE(headers.value(QLatin1String("x-test")).toString(), text("one, two"));
        QCOMPARE(headers.value(QLatin1String("content-type")).toString(), text("text/plain"));
        QCOMPARE(headers.value(QLatin1String("host")).toString(), text("127.0.0.1"));
        QCOMPARE(field(o, "body_length").toInt(), 10);
        QCOMPARE(field(o, "body").toString(), text("hello body"));
        QCOMPARE(field(o, "body_sha256").toString(),
                 text("6d9876f6d571676eb86f735ba9476da91ec5d0c52a69f6434c93f5c9e680210e"));

        // Values that need escaping in JSON, and a UTF-8 one, arrive as sent.
        auto quoted = http_request(
            port_, "GET", "/echo",
            {{"X-Quote", "say \"hi\" \\ \tnow"}, {"X-Utf8", "caf\xc3\xa9 \xe2\x98\x95"}});
        QCOMPARE(quoted.status, 200);
        auto q = field(json_object(quoted), "headers").toObject();
        QCOMPARE(q.value(QLatin1String("x-quote")).toString(), text("say \"hi\" \\ \tnow"));
        QCOMPARE(q.value(QLatin1String("x-utf8")).toString(),
                 QString::fromUtf8("caf\xc3\xa9 \xe2\x98\x95"));

        auto purge = http_request(port_, "PURGEX", "/echo", {{"X-Reason", "test"}});
        QCOMPARE(purge.status, 200);
        auto p = json_object(purge);
        QCOMPARE(field(p, "method").toString(), text("PURGEX"));
        QCOMPARE(field(p, "body_length").toInt(), 0);
        QCOMPARE(field(p, "body_sha256").toString(), // SHA-256 of nothing
                 text("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"));
        QCOMPARE(field(p, "headers").toObject().value(QLatin1String("x-reason")).toString(),
                 text("test"));
    }

    void respond()
    {
        auto r = get("/respond?status=203&size=100&h=X-Custom:hello%20world"
                     "&h=Cache-Control:public,%20max-age=60&h=X-Multi:a&h=X-Multi:b");
        QCOMPARE(r.status, 203);
        QCOMPARE(r.body, pattern(100));
        QCOMPARE(bytes(r.header("X-Custom")), QByteArray("hello world"));
        QCOMPARE(bytes(r.header("Cache-Control")), QByteArray("public, max-age=60"));
        QCOMPARE(r.headers_named("X-Multi").size(), std::size_t(2));

        auto failing = http_request(port_, "DELETE", "/respond?status=503&body=down");
        QCOMPARE(failing.status, 503);
        QCOMPARE(bytes(failing.body), QByteArray("down"));

        auto slow = get("/respond?delay_ms=150");
        QCOMPARE(slow.status, 200);
        QVERIFY2(slow.elapsed >= 150ms, std::to_string(slow.elapsed.count()).c_str());

        auto validated = get("/respond?h=ETag:%22v1%22", {{"If-None-Match", "\"v1\""}});
        QCOMPARE(validated.status, 304);
    }

    void stream()
    {
        auto r = get("/stream?size=100000&chunk=1000");
        QCOMPARE(r.status, 200);
        QCOMPARE(bytes(r.header("Transfer-Encoding")), QByteArray("chunked"));
        QVERIFY(!r.has_header("Content-Length"));
        QCOMPARE(r.body.size(), std::size_t(100000));
        QCOMPARE(r.body, pattern(100000));

        http_connection c;
        QVERIFY(c.connect(port_));
        QVERIFY(c.send("GET", "/stream?size=20&chunk=8", {{"Connection", "close"}}));
        auto raw = c.read_raw(2s);
        auto body = raw.substr(raw.find("\r\n\r\n") + 4);
        QCOMPARE(bytes(body),
                 QByteArray("8\r\n01234567\r\n8\r\n89abcdef\r\n4\r\n0123\r\n0\r\n\r\n"));
    }

    void error_rate()
    {
        origin_.set_error_rate(1.0);
        auto failed = get("/products");
        QCOMPARE(failed.status, 500);
        QCOMPARE(bytes(failed.header("Content-Type")), QByteArray("application/problem+json"));
        QCOMPARE(get("/health").status, 200);
        QCOMPARE(get("/respond").status, 200);
        origin_.set_error_rate(0.0);
        QCOMPARE(get("/products").status, 200);
    }

    void latency()
    {
        origin_.set_latency(120ms);
        auto slow = get("/health");
        origin_.set_latency(0ms);
        QCOMPARE(slow.status, 200);
        QVERIFY2(slow.elapsed >= 120ms, std::to_string(slow.elapsed.count()).c_str());
        QVERIFY(get("/health").elapsed < 120ms);
    }

    void head()
    {
        auto full = get("/products/3");
        auto r = http_request(port_, "HEAD", "/products/3");
        QCOMPARE(r.status, 200);
        QVERIFY(r.body.empty());
        QCOMPARE(bytes(r.header("Content-Length")),
                 QByteArray::number(qsizetype(full.body.size())));
        QCOMPARE(r.header("ETag"), full.header("ETag"));

        // The connection stays usable: no body bytes were sent after the head.
        http_connection c;
        QVERIFY(c.connect(port_));
        QVERIFY(c.send("HEAD", "/stream?size=1000"));
        auto streamed = c.read(5s, true);
        QCOMPARE(streamed.status, 200);
        QVERIFY(streamed.body.empty());
        QVERIFY(c.send("GET", "/health"));
        QCOMPARE(c.read().status, 200);
    }

    void keep_alive_and_pipelining()
    {
        http_connection c;
        QVERIFY(c.connect(port_));
        for (int i = 1; i <= 3; ++i) {
            QVERIFY(c.send("GET", "/products/" + std::to_string(i)));
            auto r = c.read();
            QCOMPARE(r.status, 200);
            QVERIFY(r.keep_alive);
            QCOMPARE(field(json_object(r), "id").toInt(), i);
        }
        // Pipelined: the first one is slow, the answers still come back in order.
        QVERIFY(c.send_raw("GET /products/11?delay_ms=50 HTTP/1.1\r\nHost: x\r\n\r\n"
                           "GET /products/12 HTTP/1.1\r\nHost: x\r\n\r\n"
                           "GET /products/13 HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"));
        for (int id = 11; id <= 13; ++id)
            QCOMPARE(field(json_object(c.read()), "id").toInt(), id);
        QVERIFY(c.wait_closed(2s));
    }

    void limits()
    {
        http_connection c;
        QVERIFY(c.connect(port_));
        QVERIFY(c.send("GET", "/health", {{"X-Big", std::string(70 * 1024, 'a')}}));
        auto big_head = c.read();
        QCOMPARE(big_head.status, 431);
        QCOMPARE(bytes(big_head.header("Content-Type")), QByteArray("application/problem+json"));

        QVERIFY(c.connect(port_));
        QVERIFY(c.send_raw("POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: 100000000\r\n\r\n"));
        QCOMPARE(c.read().status, 413);

        QVERIFY(c.connect(port_));
        QVERIFY(c.send_raw("GET /health HTTP/1.1\r\nBad Header\r\n\r\n"));
        QCOMPARE(c.read().status, 400);
    }

    void expect_continue()
    {
        http_connection c;
        QVERIFY(c.connect(port_));
        QVERIFY(c.send_raw("PUT /echo HTTP/1.1\r\nHost: x\r\nContent-Length: 3\r\n"
                           "Expect: 100-continue\r\n\r\n"));
        QCOMPARE(c.read().status, 100);
        QVERIFY(c.send_raw("abc"));
        auto r = c.read();
        QCOMPARE(r.status, 200);
        QCOMPARE(field(json_object(r), "body_length").toInt(), 3);
    }

    void stop_and_restart()
    {
        demo_origin local;
        QCOMPARE(bytes(local.start("127.0.0.1", 0, 3)), QByteArray());
        auto port = local.port();
        demo_origin clash;
        QVERIFY(!clash.start("127.0.0.1", port).empty());
        QVERIFY(!clash.running());
        QVERIFY(!local.start().empty()); // already running

        http_connection idle;
        QVERIFY(idle.connect(port));
        QCOMPARE(http_request(port, "GET", "/health").status, 200);
        local.stop();
        local.stop();
        QVERIFY(!local.running());
        QCOMPARE(local.port(), std::uint16_t(0));
        QVERIFY(idle.wait_closed(2s));
        http_connection refused;
        QVERIFY(!refused.connect(port, 1s));

        QCOMPARE(bytes(local.start("127.0.0.1", 0, 1)), QByteArray());
        QCOMPARE(http_request(local.port(), "GET", "/health").status, 200);
        QVERIFY(!demo_origin().start("not-an-address").empty());
    }
};

QTEST_APPLESS_MAIN(tst_demo_origin)
#include "tst_demo_origin.moc"
