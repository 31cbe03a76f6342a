// SPDX-FileCopyrightText: Gatehouse contributors
// SPDX-License-Identifier: Apache-2.0
#include "gateway_fixture.h"
#include "test_certificate.h"
#include "threaded_origin.h"

#include "gateway/gateway_server.hpp"
#include "gateway/http_util.hpp"
#include "tests/support/test_http.h"

#include <boost/asio/ssl.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/http.hpp>

#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QtTest/QTest>

#include <openssl/ssl.h>

#include <atomic>
#include <mutex>
#include <set>

using namespace gatehouse;
using namespace gatehouse::test;
namespace ssl = boost::asio::ssl;
namespace http = boost::beast::http;

namespace {

// An https origin on 127.0.0.1 with a certificate for "localhost" only. Each
// answer is JSON naming what the origin saw: the TLS server name (SNI), the
// request line, the Host header and the size of the body.
class tls_origin {
public:
    tls_origin(const std::string& cert, const std::string& key)
        : context_(ssl::context::tls_server)
    {
        context_.use_certificate_chain_file(cert);
        context_.use_private_key_file(key, ssl::context::pem);
        origin_ = std::make_unique<threaded_origin>(
            [this](threaded_origin::socket& socket) { serve(socket); });
    }
    std::uint16_t port() const { return origin_->port(); }
    int connections() const { return origin_->accepted(); }
    int handshakes() const { return handshakes_.load(); }
    std::set<std::string> paths() const
    {
        std::lock_guard lock(mutex_);
        return paths_;
    }

private:
    void serve(threaded_origin::socket& socket)
    {
        ssl::stream<threaded_origin::socket&> stream(socket, context_);
        boost::system::error_code ec;
        stream.handshake(ssl::stream_base::server, ec);
        if (ec)
            return;
        ++handshakes_;
        const char* sni = SSL_get_servername(stream.native_handle(), TLSEXT_NAMETYPE_host_name);
        boost::beast::flat_buffer buffer;
        for (;;) {
            http::request<http::string_body> req;
            http::read(stream, buffer, req, ec);
            if (ec)
                return;
            {
                std::lock_guard lock(mutex_);
                paths_.insert(std::string(req.target()));
            }
            http::response<http::string_body> res{http::status::ok, 11};
            res.set(http::field::content_type, "application/json");
            if (req.target() == "/large") {
                res.body().assign(2 * 1024 * 1024, 'x');
            } else {
                QJsonObject seen{
                    {QStringLiteral("sni"), QString::fromUtf8(sni ? sni : "")},
                    {QStringLiteral("target"), QString::fromStdString(std::string(req.target()))},
                    {QStringLiteral("host"),
                     QString::fromStdString(std::string(req[http::field::host]))},
                    {QStringLiteral("body"), static_cast<qint64>(req.body().size())}};
                res.body() = QJsonDocument(seen).toJson(QJsonDocument::Compact).toStdString();
            }
            res.keep_alive(req.keep_alive());
            res.prepare_payload();
            http::write(stream, res, ec);
            if (ec || !req.keep_alive())
                return;
        }
    }

    ssl::context context_;
    std::unique_ptr<threaded_origin> origin_;
    std::atomic<int> handshakes_{0};
    mutable std::mutex mutex_;
    std::set<std::string> paths_;
};

QJsonObject json(const http_response& r)
{
    return QJsonDocument::fromJson(QByteArray::fromStdString(r.body)).object();
}

} // namespace

// The gateway's connections to https:// targets: certificate and name
// verification, SNI, pooling, bodies both ways, health checks, and what a
// client sees when TLS fails.
class TestUpstreamTls : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::string m_cert;
    std::unique_ptr<tls_origin> m_origin;
    std::unique_ptr<gateway::gateway_server> m_gateway;

    // Starts a one-worker gateway with a catch-all route to `target` (a
    // URL of the TLS origin, or anything else) under `tls`.
    void startGateway(const std::string& target, const gateway::upstream_tls_config& tls,
                      bool health = false)
    {
        gateway::config_snapshot config;
        auto upstream = make_upstream("origin", {});
        upstream.targets.push_back({target, 1});
        upstream.tls = tls;
        if (health) {
            upstream.health.active = true;
            upstream.health.path = "/healthz";
            upstream.health.interval = std::chrono::milliseconds(200);
            upstream.health.timeout = std::chrono::milliseconds(2000);
        }
        config.upstreams.push_back(upstream);
        config.routes.push_back(make_route("all", "/", "origin"));
        auto options = test_options();
        options.threads = 1;
        m_gateway = std::make_unique<gateway::gateway_server>();
        QCOMPARE(QString::fromStdString(m_gateway->apply(config)), QString());
        QCOMPARE(QString::fromStdString(m_gateway->start(options)), QString());
        // "localhost" is looked up in the background after the start; until
        // then calls wait for the answer ("looking up"). Wait for the lookup
        // here, not with a request, which would leave a pooled connection
        // behind.
        const auto lookingUp = [this] {
            for (const auto& target : m_gateway->stats().targets)
                if (target.problem.find("looking up") != std::string::npos)
                    return true;
            return false;
        };
        QTRY_VERIFY_WITH_TIMEOUT(!lookingUp(), 5000);
    }
    std::string localhostUrl() const
    {
        return "https://localhost:" + std::to_string(m_origin->port());
    }
    gateway::upstream_tls_config trusted() const
    {
        gateway::upstream_tls_config tls;
        tls.ca_file = m_cert;
        return tls;
    }
    static void verifyTlsFailure(const http_response& r, const char* why)
    {
        QCOMPARE(r.status, 502);
        QCOMPARE(r.header("Content-Type"), std::string("application/problem+json"));
        const auto p = json(r);
        QCOMPARE(p.value(QStringLiteral("type")).toString(),
                 QStringLiteral("https://gatehouse.dev/problems/upstream-unavailable"));
        const QString detail = p.value(QStringLiteral("detail")).toString();
        QVERIFY2(detail.contains(QStringLiteral("TLS handshake failed")), qPrintable(detail));
        QVERIFY2(detail.contains(QLatin1String(why)), qPrintable(detail));
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_cert = m_dir.filePath(QStringLiteral("origin.pem")).toStdString();
        const std::string key = m_dir.filePath(QStringLiteral("origin.key")).toStdString();
        QCOMPARE(QString::fromStdString(write_self_signed_certificate("localhost", m_cert, key)),
                 QString());
        m_origin = std::make_unique<tls_origin>(m_cert, key);
    }
    void cleanup()
    {
        if (m_gateway)
            m_gateway->stop(std::chrono::milliseconds(500));
        m_gateway.reset();
    }
    void cleanupTestCase() { m_origin.reset(); }

    void parsesHttpsTargets()
    {
        const auto url = gateway::parse_http_url("HTTPS://api.example:8443/v2/");
        QVERIFY(url);
        QVERIFY(url->tls);
        QCOMPARE(url->port, std::uint16_t{8443});
        QCOMPARE(url->base_path, std::string("/v2"));
        const auto plain = gateway::parse_http_url("https://api.example");
        QVERIFY(plain && plain->tls);
        QCOMPARE(plain->port, std::uint16_t{443});
        QVERIFY(plain->default_port());
        std::string why;
        QVERIFY(!gateway::parse_http_url("ftp://api.example", &why));
        QCOMPARE(why, std::string("must start with http:// or https://"));
    }

    // A request goes out over TLS to a verified origin, names it in SNI and
    // Host, and the connection is kept and reused for the next ones.
    void proxiesOverVerifiedTls()
    {
        startGateway(localhostUrl(), trusted());
        const int connectionsBefore = m_origin->connections();
        http_connection client;
        QVERIFY(client.connect(m_gateway->port()));
        for (int i = 0; i < 5; ++i) {
            QVERIFY(client.send("GET", "/things/" + std::to_string(i)));
            const auto r = client.read();
            QCOMPARE(r.status, 200);
            const auto seen = json(r);
            QCOMPARE(seen.value(QStringLiteral("sni")).toString(), QStringLiteral("localhost"));
            QCOMPARE(seen.value(QStringLiteral("target")).toString(),
                     QStringLiteral("/things/%1").arg(i));
            // The scheme's own port would be left out; this one is not 443.
            QCOMPARE(seen.value(QStringLiteral("host")).toString(),
                     QStringLiteral("localhost:%1").arg(m_origin->port()));
        }
        QCOMPARE(m_origin->connections() - connectionsBefore, 1);
    }

    // Bodies both ways through TLS: a 1 MiB upload streamed to the origin,
    // a 2 MiB response streamed back.
    void streamsBodiesBothWays()
    {
        startGateway(localhostUrl(), trusted());
        const std::string upload(1024 * 1024, 'u');
        const auto posted = http_request(m_gateway->port(), "POST", "/upload", {}, upload);
        QCOMPARE(posted.status, 200);
        QCOMPARE(json(posted).value(QStringLiteral("body")).toInteger(), qint64{1024 * 1024});
        const auto large = http_request(m_gateway->port(), "GET", "/large");
        QCOMPARE(large.status, 200);
        QCOMPARE(large.body.size(), std::size_t{2 * 1024 * 1024});
        QVERIFY(large.body.find_first_not_of('x') == std::string::npos);
    }

    // Without the origin's authority among the trusted ones (the system's
    // store), the handshake fails: 502 with why, nothing reaches the origin.
    void untrustedCertificateIsRefused()
    {
        startGateway(localhostUrl(), {});
        const int handshakes = m_origin->handshakes();
        verifyTlsFailure(http_request(m_gateway->port(), "GET", "/secret"),
                         "certificate verify failed");
        QCOMPARE(m_origin->handshakes(), handshakes);
        QVERIFY(!m_origin->paths().count("/secret"));
    }

    // The certificate names "localhost"; reached as 127.0.0.1 it does not
    // match, unless tls.server_name says which name to expect (and send).
    void certificateMustNameTheHost()
    {
        const std::string byAddress = "https://127.0.0.1:" + std::to_string(m_origin->port());
        startGateway(byAddress, trusted());
        verifyTlsFailure(http_request(m_gateway->port(), "GET", "/by-address"),
                         "certificate verify failed");
        cleanup();

        auto named = trusted();
        named.server_name = "localhost";
        startGateway(byAddress, named);
        const auto r = http_request(m_gateway->port(), "GET", "/by-address");
        QCOMPARE(r.status, 200);
        QCOMPARE(json(r).value(QStringLiteral("sni")).toString(), QStringLiteral("localhost"));
    }

    // verify: false is for development origins with self-signed
    // certificates: the traffic is still encrypted.
    void verificationCanBeTurnedOff()
    {
        gateway::upstream_tls_config tls;
        tls.verify = false;
        startGateway(localhostUrl(), tls);
        const int handshakes = m_origin->handshakes();
        const auto r = http_request(m_gateway->port(), "GET", "/unverified");
        QCOMPARE(r.status, 200);
        QCOMPARE(m_origin->handshakes(), handshakes + 1);
    }

    // An https target that speaks plain HTTP fails at once, not after a
    // timeout.
    void plainOriginBehindHttpsTarget()
    {
        // As an HTTP server does with bytes that are no request: 400, close.
        threaded_origin plain([](threaded_origin::socket& socket) {
            char hello[512];
            boost::system::error_code ec;
            socket.read_some(boost::asio::buffer(hello), ec);
            const std::string answer =
                "HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\nConnection: close\r\n\r\n";
            boost::asio::write(socket, boost::asio::buffer(answer), ec);
            socket.shutdown(threaded_origin::socket::shutdown_both, ec);
        });
        gateway::upstream_tls_config tls;
        tls.verify = false;
        startGateway("https://127.0.0.1:" + std::to_string(plain.port()), tls);
        const auto r = http_request(m_gateway->port(), "GET", "/");
        QVERIFY2(r.elapsed < std::chrono::milliseconds(900), "waited for the connect timeout");
        QCOMPARE(r.status, 502);
        QVERIFY2(json(r)
                     .value(QStringLiteral("detail"))
                     .toString()
                     .contains(QStringLiteral("TLS handshake failed")),
                 r.body.c_str());
    }

    // Active health checks reach an https target over TLS too.
    void healthChecksUseTls()
    {
        startGateway(localhostUrl(), trusted(), true);
        QTRY_VERIFY_WITH_TIMEOUT(m_origin->paths().count("/healthz") > 0, 5000);
        const auto r = http_request(m_gateway->port(), "GET", "/after-health");
        QCOMPARE(r.status, 200);
    }

    // A CA file that cannot be read refuses the configuration, and the
    // running one stays.
    void unreadableCaFileIsRefused()
    {
        startGateway(localhostUrl(), trusted());
        gateway::config_snapshot config;
        auto upstream = make_upstream("origin", {});
        upstream.targets.push_back({localhostUrl(), 1});
        upstream.tls.ca_file = m_dir.filePath(QStringLiteral("missing.pem")).toStdString();
        config.upstreams.push_back(upstream);
        config.routes.push_back(make_route("all", "/", "origin"));
        const QString error = QString::fromStdString(m_gateway->apply(config));
        QVERIFY2(error.contains(QStringLiteral("missing.pem")), qPrintable(error));
        QCOMPARE(http_request(m_gateway->port(), "GET", "/still").status, 200);
    }
};

QTEST_GUILESS_MAIN(TestUpstreamTls)
#include "tst_upstream_tls.moc"
