// SPDX-FileCopyrightText: Gatehouse contributors
// SPDX-License-Identifier: Apache-2.0
#include "gateway_fixture.h"
#include "test_certificate.h"
#include "threaded_origin.h"

#include "gateway/gateway_server.hpp"
#include "tests/support/test_http.h"

#include <boost/asio/connect.hpp>
#include <boost/asio/ssl.hpp>
#include <boost/asio/write.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/http.hpp>

#include <QTemporaryDir>
#include <QtTest/QTest>

#include <sys/socket.h>
#include <sys/time.h>

#include <atomic>
#include <chrono>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <utility>

using namespace gatehouse;
using namespace gatehouse::test;
namespace asio = boost::asio;
namespace ssl = asio::ssl;
namespace http = boost::beast::http;
using tcp = asio::ip::tcp;

namespace {

// A client that speaks HTTPS to the gateway and trusts only the test's own
// certificate, checked for "localhost" as a browser would.
class tls_client {
public:
    explicit tls_client(const std::string& ca_file)
        : context_(ssl::context::tls_client)
    {
        context_.load_verify_file(ca_file);
    }
    // Empty on success, else why not.
    // With `count`, TLS 1.3 and count_records().
    std::string connect(std::uint16_t port, bool count = false)
    {
        stream_.emplace(ioc_, context_);
        if (count)
            count_records();
        SSL_set_tlsext_host_name(stream_->native_handle(), "localhost");
        stream_->set_verify_mode(ssl::verify_peer);
        stream_->set_verify_callback(ssl::host_name_verification("localhost"));
        boost::system::error_code ec;
        stream_->next_layer().connect({asio::ip::address_v4::loopback(), port}, ec);
        if (!ec)
            stream_->handshake(ssl::stream_base::client, ec);
        return ec ? ec.message() : std::string();
    }
    std::optional<http::response<http::string_body>> get(const std::string& target)
    {
        http::request<http::empty_body> req{http::verb::get, target, 11};
        req.set(http::field::host, "localhost");
        boost::system::error_code ec;
        http::write(*stream_, req, ec);
        if (ec)
            return std::nullopt;
        http::response<http::string_body> res;
        http::read(*stream_, buffer_, res, ec);
        if (ec)
            return std::nullopt;
        return res;
    }

    // Sends `request` as it is and reads until the connection ends: the
    // bytes received, and how the stream ended -- asio::error::eof after the
    // gateway's TLS close_notify, ssl::error::stream_truncated when the TCP
    // connection closed without one.
    std::pair<std::string, boost::system::error_code> exchange_to_end(const std::string& request)
    {
        boost::system::error_code ec;
        asio::write(*stream_, asio::buffer(request), ec);
        if (ec)
            return {std::string(), ec};
        std::string received;
        char chunk[16384];
        for (int reads = 0; reads < 10000; ++reads) {
            const std::size_t n = stream_->read_some(asio::buffer(chunk), ec);
            received.append(chunk, n);
            if (ec)
                break;
        }
        return {received, ec};
    }
    // TLS 1.3 only, and counts the application-data records the gateway
    // sends from now on (their inner content type, RFC 8446 §5.2).
    void count_records()
    {
        SSL* ssl = stream_->native_handle();
        SSL_set_min_proto_version(ssl, TLS1_3_VERSION);
        SSL_set_msg_callback_arg(ssl, &records_);
        SSL_set_msg_callback(ssl, [](int write_p, int, int content_type, const void* buf,
                                     std::size_t len, SSL*, void* arg) {
            if (!write_p && content_type == SSL3_RT_INNER_CONTENT_TYPE && len == 1 &&
                *static_cast<const unsigned char*>(buf) == SSL3_RT_APPLICATION_DATA)
                ++*static_cast<std::size_t*>(arg);
        });
    }
    std::size_t records_received() const { return records_; }

    // Limits each blocking read, so that a test cannot hang.
    void limit_reads(std::chrono::milliseconds timeout)
    {
        const timeval tv{static_cast<time_t>(timeout.count() / 1000),
                         static_cast<suseconds_t>((timeout.count() % 1000) * 1000)};
        setsockopt(stream_->next_layer().native_handle(), SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
    }

    // TLS 1.2 at most from the next connect() on (1.3 has no renegotiation).
    void use_tls12() { SSL_CTX_set_max_proto_version(context_.native_handle(), TLS1_2_VERSION); }
    // Asks for a second handshake on the connection (RFC 5746): empty when
    // it went through, else why not.
    std::string renegotiate()
    {
        if (SSL_renegotiate(stream_->native_handle()) != 1)
            return "SSL_renegotiate failed";
        boost::system::error_code ec;
        stream_->handshake(ssl::stream_base::client, ec);
        if (!ec && SSL_renegotiate_pending(stream_->native_handle()) == 1)
            return "still pending";
        return ec ? ec.message() : std::string();
    }

private:
    asio::io_context ioc_;
    ssl::context context_;
    std::optional<ssl::stream<tcp::socket>> stream_;
    boost::beast::flat_buffer buffer_;
    std::size_t records_ = 0;
};

constexpr std::size_t large_body = 40000; // kept in a memory file when cached

} // namespace

// HTTPS for clients: requests and keep-alive over TLS, X-Forwarded-Proto,
// cache hits of large bodies (which plain clients get by sendfile), and
// clients that fail or never start the handshake.
class TestGatewayTls : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::string m_cert;
    std::string m_key;
    std::atomic<int> m_requests{0};
    std::mutex m_mutex;
    std::string m_lastProto;
    std::unique_ptr<threaded_origin> m_origin;
    std::unique_ptr<gateway::gateway_server> m_gateway;

    void serve(threaded_origin::socket& socket)
    {
        asio::streambuf buffer;
        while (const auto head = threaded_origin::read_head(socket, buffer)) {
            ++m_requests;
            std::string proto;
            const auto at = head->find("X-Forwarded-Proto: ");
            if (at != std::string::npos)
                proto = head->substr(at + 19, head->find("\r\n", at) - at - 19);
            {
                std::lock_guard lock(m_mutex);
                m_lastProto = proto;
            }
            if (head->find("GET /cut") == 0) {
                // Half of the promised body, then the connection closes.
                const std::string cut = "HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\n"
                                        "Content-Length: 100000\r\n\r\n" +
                                        std::string(50000, 'x');
                boost::system::error_code ec;
                asio::write(socket, asio::buffer(cut), ec);
                return;
            }
            const bool large = head->find("GET /large") == 0;
            const std::string body = large ? std::string(large_body, 'c') : "proto=" + proto;
            // Stale after a second, refreshed in the background meanwhile.
            const std::string cache_control =
                head->find("GET /swr") == 0 ? "max-age=1, stale-while-revalidate=60" : "max-age=60";
            const std::string answer = "HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\n"
                                       "Cache-Control: " +
                                       cache_control +
                                       "\r\nContent-Length: " + std::to_string(body.size()) +
                                       "\r\n\r\n" + body;
            boost::system::error_code ec;
            asio::write(socket, asio::buffer(answer), ec);
            if (ec)
                return;
        }
    }

    // Starts `gateway` as an HTTPS gateway (the test's certificate) before
    // the test's origin, with `options` otherwise; empty, or why not.
    QString startAnotherGateway(gateway::gateway_server& gateway, gateway::gateway_options options)
    {
        gateway::config_snapshot config;
        config.upstreams.push_back(make_upstream("origin", {m_origin->port()}));
        config.routes.push_back(make_route("all", "/", "origin"));
        options.tls_certificate_file = m_cert;
        options.tls_key_file = m_key;
        std::string error = gateway.apply(config);
        if (error.empty())
            error = gateway.start(options);
        return QString::fromStdString(error);
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_cert = m_dir.filePath(QStringLiteral("gateway.pem")).toStdString();
        m_key = m_dir.filePath(QStringLiteral("gateway.key")).toStdString();
        QCOMPARE(QString::fromStdString(write_self_signed_certificate("localhost", m_cert, m_key)),
                 QString());
        m_origin = std::make_unique<threaded_origin>(
            [this](threaded_origin::socket& socket) { serve(socket); });
        gateway::config_snapshot config;
        config.upstreams.push_back(make_upstream("origin", {m_origin->port()}));
        auto route = make_route("all", "/", "origin");
        route.cache.enabled = true;
        config.routes.push_back(route);
        auto options = test_options();
        options.threads = 1;
        options.client_header_timeout = std::chrono::milliseconds(500);
        options.tls_certificate_file = m_cert;
        options.tls_key_file = m_key;
        m_gateway = std::make_unique<gateway::gateway_server>();
        QCOMPARE(QString::fromStdString(m_gateway->apply(config)), QString());
        QCOMPARE(QString::fromStdString(m_gateway->start(options)), QString());
    }
    void cleanupTestCase()
    {
        m_gateway->stop(std::chrono::milliseconds(500));
        m_gateway.reset();
        m_origin.reset();
    }

    // Several requests on one TLS connection; the upstream learns the
    // client spoke HTTPS.
    void servesRequestsOverTls()
    {
        tls_client client(m_cert);
        QCOMPARE(QString::fromStdString(client.connect(m_gateway->port())), QString());
        for (int i = 0; i < 3; ++i) {
            const auto r = client.get("/things/" + std::to_string(i));
            QVERIFY(r);
            QCOMPARE(r->result_int(), 200u);
            QCOMPARE(r->body(), std::string("proto=https"));
        }
        std::lock_guard lock(m_mutex);
        QCOMPARE(m_lastProto, std::string("https"));
    }

    // A small response's head and body leave in one TLS record (and one
    // send), relayed or from the cache, not a record for each.
    void smallResponseIsOneRecord()
    {
        tls_client client(m_cert);
        QCOMPARE(QString::fromStdString(client.connect(m_gateway->port(), true)), QString());
        for (int i = 0; i < 2; ++i) { // a miss, then a hit
            const std::size_t before = client.records_received();
            const auto r = client.get("/one-record");
            QVERIFY(r);
            QCOMPARE(r->result_int(), 200u);
            QCOMPARE(r->body(), std::string("proto=https"));
            QCOMPARE(client.records_received() - before, std::size_t(1));
        }
    }

    // A client cannot make the gateway do handshake after handshake on one
    // connection (TLS 1.2 renegotiation gives the server the expensive half
    // each time: a known denial of service); nginx refuses it too. (The
    // listener sets SSL_OP_NO_RENEGOTIATION; OpenSSL 3.0 also refuses by
    // default, so this guards against a build or an option that allows it.)
    void clientRenegotiationIsRefused()
    {
        tls_client client(m_cert);
        client.use_tls12();
        QCOMPARE(QString::fromStdString(client.connect(m_gateway->port())), QString());
        client.limit_reads(std::chrono::seconds(5));
        const auto before = client.get("/one-record");
        QVERIFY(before);
        QCOMPARE(before->result_int(), 200u);
        const std::string refused = client.renegotiate();
        QVERIFY2(refused.find("renegotiation") != std::string::npos, refused.c_str());
        // Others are served as ever.
        tls_client other(m_cert);
        QCOMPARE(QString::fromStdString(other.connect(m_gateway->port())), QString());
        const auto after = other.get("/one-record");
        QVERIFY(after);
        QCOMPARE(after->result_int(), 200u);
    }

    // A stored body of 40 KB goes to plain clients with sendfile, straight
    // into the socket; a TLS client must get the same bytes encrypted.
    void largeCacheHitOverTls()
    {
        tls_client client(m_cert);
        QCOMPARE(QString::fromStdString(client.connect(m_gateway->port())), QString());
        const int before = m_requests.load();
        const auto miss = client.get("/large");
        QVERIFY(miss);
        QCOMPARE(miss->body().size(), large_body);
        const auto hit = client.get("/large");
        QVERIFY(hit);
        QVERIFY2(std::string((*hit)["Cache-Status"]).find("hit") != std::string::npos,
                 std::string((*hit)["Cache-Status"]).c_str());
        QCOMPARE(hit->body(), std::string(large_body, 'c'));
        QCOMPARE(m_requests.load() - before, 1);
    }

    // What the cache stored for https://localhost/... is purged by that
    // URL: keys carry the client's scheme.
    void purgeByHttpsUrl()
    {
        tls_client client(m_cert);
        QCOMPARE(QString::fromStdString(client.connect(m_gateway->port())), QString());
        QVERIFY(client.get("/purged"));
        const auto hit = client.get("/purged");
        QVERIFY(hit);
        QVERIFY(std::string((*hit)["Cache-Status"]).find("hit") != std::string::npos);
        QCOMPARE(m_gateway->purge_cache_url("http://localhost/purged"), std::size_t(0));
        QCOMPARE(m_gateway->purge_cache_url("https://localhost/purged"), std::size_t(1));
        const auto after = client.get("/purged");
        QVERIFY(after);
        QVERIFY(std::string((*after)["Cache-Status"]).find("hit") == std::string::npos);
    }

    // A background refresh (stale-while-revalidate) tells the upstream the
    // scheme the stored response is for, as the request that stored it did.
    void backgroundRefreshSaysHttps()
    {
        tls_client client(m_cert);
        QCOMPARE(QString::fromStdString(client.connect(m_gateway->port())), QString());
        QVERIFY(client.get("/swr"));
        std::this_thread::sleep_for(std::chrono::milliseconds(2100));
        const int before = m_requests.load();
        {
            std::lock_guard lock(m_mutex);
            m_lastProto.clear();
        }
        const auto stale = client.get("/swr");
        QVERIFY(stale);
        QVERIFY2(std::string((*stale)["Cache-Status"]).find("stale") != std::string::npos ||
                     std::string((*stale)["Cache-Status"]).find("hit") != std::string::npos,
                 std::string((*stale)["Cache-Status"]).c_str());
        QTRY_COMPARE_WITH_TIMEOUT(m_requests.load(), before + 1, 5000);
        std::lock_guard lock(m_mutex);
        QCOMPARE(m_lastProto, std::string("https"));
    }

    // The gateway ends TLS with a close_notify when it closes a
    // connection after a complete response, so that the client can tell
    // the end of a response read to the close from a cut connection: after
    // `Connection: close`, after a problem answer, and with the rest of a
    // refused request's body still coming.
    void closesWithCloseNotify()
    {
        const std::string asked_to_close =
            "GET /closing HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n";
        const std::string malformed =
            "GET /bad HTTP/1.1\r\nHost: localhost\r\nContent-Length: many\r\n\r\n";
        const std::string too_large = "POST /big HTTP/1.1\r\nHost: localhost\r\n"
                                      "Content-Length: 999999999999\r\n\r\n" +
                                      std::string(30000, 'b');
        const std::pair<std::string, std::string> cases[] = {
            {asked_to_close, "HTTP/1.1 200 OK"},
            {malformed, "HTTP/1.1 400 Bad Request"},
            {too_large, "HTTP/1.1 413 Payload Too Large"},
        };
        for (const auto& [request, status] : cases) {
            tls_client client(m_cert);
            QCOMPARE(QString::fromStdString(client.connect(m_gateway->port())), QString());
            client.limit_reads(std::chrono::seconds(5));
            const auto [received, ended] = client.exchange_to_end(request);
            QVERIFY2(received.starts_with(status), received.substr(0, 80).c_str());
            QVERIFY2(ended == asio::error::eof, ended.message().c_str());
        }
    }

    // An idle keep-alive connection the gateway closes ends the same way.
    void idleConnectionClosesWithCloseNotify()
    {
        gateway::gateway_server gateway;
        auto options = test_options();
        options.keepalive_timeout = std::chrono::milliseconds(300);
        QCOMPARE(startAnotherGateway(gateway, options), QString());
        tls_client client(m_cert);
        QCOMPARE(QString::fromStdString(client.connect(gateway.port())), QString());
        client.limit_reads(std::chrono::seconds(5));
        const auto [received, ended] =
            client.exchange_to_end("GET /idle HTTP/1.1\r\nHost: localhost\r\n\r\n");
        QVERIFY2(received.starts_with("HTTP/1.1 200 OK"), received.substr(0, 80).c_str());
        QVERIFY2(received.ends_with("proto=https"), received.c_str());
        QVERIFY2(ended == asio::error::eof, ended.message().c_str());
        gateway.stop(std::chrono::milliseconds(300));
    }

    // A stopping gateway closes its idle keep-alive connections the same
    // way, and does not wait for them.
    void stopClosesIdleConnectionsWithCloseNotify()
    {
        gateway::gateway_server gateway;
        QCOMPARE(startAnotherGateway(gateway, test_options()), QString());
        tls_client client(m_cert);
        QCOMPARE(QString::fromStdString(client.connect(gateway.port())), QString());
        client.limit_reads(std::chrono::seconds(5));
        const auto r = client.get("/before-stop");
        QVERIFY(r);
        QCOMPARE(r->body(), std::string("proto=https"));
        const auto start = std::chrono::steady_clock::now();
        gateway.stop(std::chrono::seconds(3));
        QVERIFY(std::chrono::steady_clock::now() - start < std::chrono::seconds(2));
        const auto [received, ended] = client.exchange_to_end("");
        QCOMPARE(received, std::string());
        QVERIFY2(ended == asio::error::eof, ended.message().c_str());
    }

    // A response cut short by its upstream ends without a close_notify:
    // the client must not take the connection's end for the response's.
    void cutResponseEndsWithoutCloseNotify()
    {
        tls_client client(m_cert);
        QCOMPARE(QString::fromStdString(client.connect(m_gateway->port())), QString());
        client.limit_reads(std::chrono::seconds(5));
        const auto [received, ended] =
            client.exchange_to_end("GET /cut HTTP/1.1\r\nHost: localhost\r\n\r\n");
        QVERIFY2(received.starts_with("HTTP/1.1 200 OK"), received.substr(0, 80).c_str());
        const auto body_at = received.find("\r\n\r\n");
        QVERIFY(body_at != std::string::npos);
        QCOMPARE(received.size() - body_at - 4, std::size_t(50000));
        QVERIFY2(ended == ssl::error::stream_truncated, ended.message().c_str());
    }

    // Plain HTTP on the HTTPS port gets no answer (there is no channel to
    // answer on) and the connection closes at once.
    void plainHttpIsClosed()
    {
        const auto failed = m_gateway->stats().failed_tls_handshakes;
        http_connection plain;
        QVERIFY(plain.connect(m_gateway->port()));
        QVERIFY(plain.send("GET", "/"));
        QVERIFY(plain.wait_closed(std::chrono::milliseconds(2000)));
        const auto r = plain.read(std::chrono::milliseconds(200));
        QCOMPARE(r.status, 0);
        // Counted: a client speaking plain HTTP to the HTTPS port shows.
        QTRY_COMPARE(m_gateway->stats().failed_tls_handshakes, failed + 1);
    }

    // A client that connects and never starts the handshake cannot hold the
    // connection: it is closed after the header timeout (500 ms here).
    void silentClientIsClosedAfterTheHeaderTimeout()
    {
        http_connection silent;
        QVERIFY(silent.connect(m_gateway->port()));
        const auto start = std::chrono::steady_clock::now();
        QVERIFY(silent.wait_closed(std::chrono::milliseconds(5000)));
        QVERIFY(std::chrono::steady_clock::now() - start >= std::chrono::milliseconds(400));
        // And the gateway still serves.
        tls_client client(m_cert);
        QCOMPARE(QString::fromStdString(client.connect(m_gateway->port())), QString());
        QVERIFY(client.get("/after"));
    }

    // A renewed certificate (or one in other files) is loaded without a
    // restart, for the connections accepted from then on; one that cannot be
    // used is refused with why, and the certificate in use stays.
    void reloadedCertificateServesNewConnections()
    {
        gateway::gateway_server gw;
        QCOMPARE(startAnotherGateway(gw, test_options()), QString());
        tls_client opened(m_cert);
        QCOMPARE(QString::fromStdString(opened.connect(gw.port())), QString());
        QVERIFY(opened.get("/before"));

        temporary_certificate renewed;
        QCOMPARE(QString::fromStdString(renewed.error), QString());
        tls_client early(renewed.cert);
        QVERIFY(!early.connect(gw.port()).empty()); // the gateway still shows the first one

        QString error = QString::fromStdString(gw.reload_listener_tls(renewed.cert, m_key));
        QVERIFY2(error.contains(QStringLiteral("does not belong")), qPrintable(error));
        error = QString::fromStdString(gw.reload_listener_tls(renewed.cert + ".missing", m_key));
        QVERIFY2(error.contains(QStringLiteral("cannot serve HTTPS")), qPrintable(error));
        tls_client still(m_cert);
        QCOMPARE(QString::fromStdString(still.connect(gw.port())), QString());

        QCOMPARE(QString::fromStdString(gw.reload_listener_tls(renewed.cert, renewed.key)),
                 QString());
        tls_client next(renewed.cert);
        QCOMPARE(QString::fromStdString(next.connect(gw.port())), QString());
        const auto r = next.get("/after");
        QVERIFY(r);
        QCOMPARE(r->result_int(), 200u);
        tls_client stale(m_cert);
        QVERIFY(!stale.connect(gw.port()).empty());
        // A connection from before keeps its session.
        const auto old = opened.get("/still");
        QVERIFY(old);
        QCOMPARE(old->result_int(), 200u);
        gw.stop(std::chrono::milliseconds(500));

        // A plain HTTP gateway stays plain.
        gateway::gateway_server plain;
        QCOMPARE(QString::fromStdString(plain.start(test_options())), QString());
        error = QString::fromStdString(plain.reload_listener_tls(renewed.cert, renewed.key));
        QVERIFY2(error.contains(QStringLiteral("plain HTTP")), qPrintable(error));
        plain.stop();
    }

    // A certificate and key that cannot be used refuse the start with why.
    void badCertificateRefusesTheStart()
    {
        gateway::gateway_server other;
        auto options = test_options();
        options.tls_certificate_file = m_dir.filePath(QStringLiteral("missing.pem")).toStdString();
        options.tls_key_file = m_key;
        QString error = QString::fromStdString(other.start(options));
        QVERIFY2(error.contains(QStringLiteral("cannot serve HTTPS")) &&
                     error.contains(QStringLiteral("missing.pem")),
                 qPrintable(error));
        // A key of another certificate.
        const std::string otherCert = m_dir.filePath(QStringLiteral("other.pem")).toStdString();
        const std::string otherKey = m_dir.filePath(QStringLiteral("other.key")).toStdString();
        QCOMPARE(
            QString::fromStdString(write_self_signed_certificate("localhost", otherCert, otherKey)),
            QString());
        options.tls_certificate_file = m_cert;
        options.tls_key_file = otherKey;
        error = QString::fromStdString(other.start(options));
        QVERIFY2(error.contains(QStringLiteral("does not belong")), qPrintable(error));
        options.tls_key_file.clear();
        error = QString::fromStdString(other.start(options));
        QVERIFY2(error.contains(QStringLiteral("both a certificate and a key")), qPrintable(error));
    }
};

QTEST_GUILESS_MAIN(TestGatewayTls)
#include "tst_gateway_tls.moc"
