// SPDX-FileCopyrightText: Gatehouse contributors
// SPDX-License-Identifier: Apache-2.0
// Reuse of pooled upstream connections, seen from an origin that counts the
// connections it accepts: idle connections are reused, except for a request
// whose body is still arriving after the connection sat idle (it could not
// be replayed if the upstream closed the connection just then).
#include "gateway_fixture.h"
#include "tests/support/test_http.h"
#include "threaded_origin.h"

#include <boost/asio/read.hpp>
#include <boost/asio/write.hpp>

using namespace gatehouse;
using namespace gatehouse::test;
namespace asio = boost::asio;
using tcp = asio::ip::tcp;
using namespace std::chrono_literals;

namespace {

// A keep-alive HTTP/1.1 origin answering "ok" to every request
// (Content-Length bodies read and discarded); it counts the connections it
// accepts.
void answer_ok(threaded_origin::socket& socket)
{
    asio::streambuf buffer;
    while (const auto head = threaded_origin::read_head(socket, buffer)) {
        std::size_t length = 0;
        for (std::size_t at = 0; (at = head->find("\r\n", at)) != std::string::npos;) {
            at += 2;
            static constexpr std::string_view name = "content-length:";
            std::string line = head->substr(at, head->find("\r\n", at) - at);
            for (auto& c : line)
                c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
            if (line.starts_with(name))
                length = std::stoul(line.substr(name.size()));
        }
        boost::system::error_code ec;
        if (buffer.size() < length)
            asio::read(socket, buffer, asio::transfer_exactly(length - buffer.size()), ec);
        if (ec)
            return;
        buffer.consume(length);
        asio::write(
            socket,
            asio::buffer(std::string_view("HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok")), ec);
        if (ec)
            return;
    }
}

} // namespace

class TestUpstreamPool : public QObject {
    Q_OBJECT

    gateway_before_origin m_proxy;
    std::uint16_t m_port = 0;

private slots:
    void init()
    {
        QCOMPARE(QString::fromStdString(m_proxy.start(answer_ok)), QString());
        m_port = m_proxy.port();
    }

    void cleanup() { m_proxy.stop(); }

    void idleConnectionIsReused()
    {
        QCOMPARE(http_request(m_port, "GET", "/a").status, 200);
        std::this_thread::sleep_for(2500ms);
        QCOMPARE(http_request(m_port, "GET", "/b").status, 200);
        // A body that came with the head can be replayed: reuse is safe.
        QCOMPARE(http_request(m_port, "POST", "/c", {}, "payload").status, 200);
        QCOMPARE(m_proxy.origin().accepted(), 1);
    }

    void streamingBodyAfterIdleGetsAFreshConnection()
    {
        QCOMPARE(http_request(m_port, "GET", "/a").status, 200);
        std::this_thread::sleep_for(2500ms);
        http_connection c;
        QVERIFY(c.connect(m_port));
        QVERIFY(c.send_raw("PUT /upload HTTP/1.1\r\nHost: a\r\nContent-Length: 7\r\n\r\n"));
        std::this_thread::sleep_for(200ms); // the gateway has the head, not the body
        QVERIFY(c.send_raw("payload"));
        QCOMPARE(c.read().status, 200);
        QCOMPARE(m_proxy.origin().accepted(), 2);
        // Right after, the same kind of request reuses a connection.
        QVERIFY(c.send_raw("PUT /upload HTTP/1.1\r\nHost: a\r\nContent-Length: 7\r\n\r\n"));
        std::this_thread::sleep_for(200ms);
        QVERIFY(c.send_raw("payload"));
        QCOMPARE(c.read().status, 200);
        QCOMPARE(m_proxy.origin().accepted(), 2);
    }
};

QTEST_GUILESS_MAIN(TestUpstreamPool)
#include "tst_upstream_pool.moc"
