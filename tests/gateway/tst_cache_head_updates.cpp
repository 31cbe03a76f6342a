// SPDX-FileCopyrightText: Gatehouse contributors
// SPDX-License-Identifier: Apache-2.0
// RFC 9111 §4.3.5: a 200 to a HEAD the cache sent for a stale stored GET
// response updates that response when the validators and the length agree
// (the HEAD is answered from it, and the next GET is a hit, with the fields
// the HEAD brought and the stored ones it did not repeat), and drops it
// when they do not (the next GET is a miss). Against an origin whose
// answers the test changes between requests.
#include "cache_fixture.h"
#include "gateway_fixture.h"
#include "tests/support/test_http.h"
#include "threaded_origin.h"

#include <boost/asio/write.hpp>

#include <QtCore/QThread>

#include <atomic>

using namespace gatehouse;
using namespace gatehouse::test;
namespace asio = boost::asio;
using namespace std::chrono_literals;

namespace {

// What the origin answers for /doc: its current version's ETag and body,
// with the freshness the test sets; HEAD gets the same head, no body.
struct document_origin {
    std::atomic<int> version{1};
    std::atomic<int> max_age{1};
    std::atomic<int> gets{0};
    std::atomic<int> heads{0};

    void serve(threaded_origin::socket& socket)
    {
        asio::streambuf buffer;
        while (const auto head = threaded_origin::read_head(socket, buffer)) {
            const bool is_head = head->starts_with("HEAD ");
            ++(is_head ? heads : gets);
            const int v = version.load();
            const std::string body = v == 1 ? "one" : "second";
            std::string reply = "HTTP/1.1 200 OK\r\nETag: \"v" + std::to_string(v) +
                                "\"\r\nCache-Control: max-age=" + std::to_string(max_age.load()) +
                                "\r\nX-Seen-As: " + (is_head ? "head" : "get") +
                                (is_head ? "" : "\r\nX-Only-On-Get: yes") +
                                "\r\nContent-Length: " + std::to_string(body.size()) + "\r\n\r\n";
            if (!is_head)
                reply += body;
            boost::system::error_code ec;
            asio::write(socket, asio::buffer(reply), ec);
            if (ec)
                return;
        }
    }
};

} // namespace

class TestCacheHeadUpdates : public QObject {
    Q_OBJECT

private:
    document_origin m_doc;
    std::unique_ptr<threaded_origin> m_origin;
    std::unique_ptr<gateway::gateway_server> m_gateway;

    // A stored /doc (version 1, max-age=1) that has gone stale.
    void storeThenLetGoStale()
    {
        const auto first = http_request(m_gateway->port(), "GET", "/doc");
        QCOMPARE(first.status, 200);
        QVERIFY2(cache_status_has(first, "stored"), first.header("Cache-Status").c_str());
        QThread::msleep(2100); // Age is counted in whole seconds
    }

private slots:
    void init()
    {
        m_doc.version = 1;
        m_doc.max_age = 1;
        m_doc.gets = 0;
        m_doc.heads = 0;
        m_origin = std::make_unique<threaded_origin>(
            [this](threaded_origin::socket& s) { m_doc.serve(s); });
        gateway::config_snapshot config;
        config.upstreams.push_back(make_upstream("origin", {m_origin->port()}));
        config.routes.push_back(cached_route("all", "/", "origin", ""));
        m_gateway = std::make_unique<gateway::gateway_server>();
        QCOMPARE(QString::fromStdString(m_gateway->apply(config)), QString());
        auto options = test_options();
        options.threads = 1;
        QCOMPARE(QString::fromStdString(m_gateway->start(options)), QString());
    }

    void cleanup()
    {
        m_gateway->stop(500ms);
        m_gateway.reset();
        m_origin.reset();
    }

    void headWithTheSameValidatorsFreshensTheStoredResponse()
    {
        storeThenLetGoStale();
        m_doc.max_age = 60; // same ETag, same length, new freshness
        const auto head = http_request(m_gateway->port(), "HEAD", "/doc");
        QCOMPARE(head.status, 200);
        QCOMPARE(m_doc.heads.load(), 1);
        // Answered from the freshened entry: the stored fields the HEAD did
        // not repeat are kept, the ones it sent are updated.
        QVERIFY2(cache_status_has(head, "fwd=stale"), head.header("Cache-Status").c_str());
        QVERIFY2(cache_status_has(head, "fwd-status=200"), head.header("Cache-Status").c_str());
        QCOMPARE(head.header("X-Only-On-Get"), std::string("yes"));
        QCOMPARE(head.header("X-Seen-As"), std::string("head"));
        QCOMPARE(head.header("Content-Length"), std::string("3"));
        QVERIFY(head.body.empty());

        const auto get = http_request(m_gateway->port(), "GET", "/doc");
        QCOMPARE(get.status, 200);
        QVERIFY2(cache_status_has(get, "hit"), get.header("Cache-Status").c_str());
        QCOMPARE(get.body, std::string("one"));
        QCOMPARE(get.header("X-Seen-As"), std::string("head")); // fields updated by the HEAD
        QCOMPARE(get.header("X-Only-On-Get"), std::string("yes"));
        QCOMPARE(get.header("Content-Length"), std::string("3"));
        QCOMPARE(m_doc.gets.load(), 1);
    }

    void headWithAnotherValidatorDropsTheStoredResponse()
    {
        storeThenLetGoStale();
        m_doc.version = 2; // the representation changed
        m_doc.max_age = 60;
        QCOMPARE(http_request(m_gateway->port(), "HEAD", "/doc").status, 200);

        const auto get = http_request(m_gateway->port(), "GET", "/doc");
        QCOMPARE(get.status, 200);
        // Not revalidating a stale entry (fwd=stale): there is none left.
        QVERIFY2(cache_status_has(get, "fwd=uri-miss"), get.header("Cache-Status").c_str());
        QCOMPARE(get.body, std::string("second"));
        QCOMPARE(m_doc.gets.load(), 2);
    }

    void headForAFreshResponseIsAnsweredFromTheCache()
    {
        m_doc.max_age = 60;
        QCOMPARE(http_request(m_gateway->port(), "GET", "/doc").status, 200);
        const auto head = http_request(m_gateway->port(), "HEAD", "/doc");
        QCOMPARE(head.status, 200);
        QVERIFY2(cache_status_has(head, "hit"), head.header("Cache-Status").c_str());
        QCOMPARE(head.header("Content-Length"), std::string("3"));
        QCOMPARE(m_doc.heads.load(), 0);
    }
};

QTEST_APPLESS_MAIN(TestCacheHeadUpdates)
#include "tst_cache_head_updates.moc"
