// SPDX-FileCopyrightText: Gatehouse contributors
// SPDX-License-Identifier: Apache-2.0
#include "gateway/admin_listener.hpp"

#include "tests/support/test_http.h"

#include <QTest>

#include <mutex>
#include <stdexcept>
#include <thread>
#include <vector>

using namespace gatehouse;
using namespace std::chrono_literals;
namespace http = boost::beast::http;

namespace {

gateway::admin_response text(http::status status, std::string body)
{
    gateway::admin_response res{status, 11};
    res.set(http::field::content_type, "text/plain");
    res.body() = std::move(body);
    return res;
}

// Keeps completions for the test to call later, from any thread.
struct parked_requests {
    std::mutex mutex;
    std::vector<gateway::admin_completion> completions;
    std::vector<std::string> targets;

    gateway::admin_handler handler()
    {
        return [this](gateway::admin_request req, gateway::admin_completion complete) {
            const std::lock_guard lock(mutex);
            targets.emplace_back(req.target());
            completions.push_back(std::move(complete));
        };
    }
    std::size_t size()
    {
        const std::lock_guard lock(mutex);
        return completions.size();
    }
    gateway::admin_completion take(std::size_t i)
    {
        const std::lock_guard lock(mutex);
        return completions.at(i);
    }
};

gateway::admin_listener_options options()
{
    gateway::admin_listener_options o;
    o.port = 0;
    o.header_limit = 4 * 1024;
    o.body_limit = 1024;
    return o;
}

} // namespace

// The generic listener under the admin API: asynchronous completion from
// other threads, limits, timeouts and a clean stop.
class TestAdminListener : public QObject {
    Q_OBJECT

private slots:
    void answersFromAnotherThread();
    void keepsConnectionsAlive();
    void handlerTimeoutGives503();
    void stopWithAnswersOutstanding();
    void expectContinue();
    void declaredBodyTooLarge();
    void slowHeaderIsDropped();
    void throwingHandlerGives500();
    void refusesBadAddressAndTakenPort();
};

void TestAdminListener::answersFromAnotherThread()
{
    gateway::admin_listener listener(
        options(), [](gateway::admin_request req, gateway::admin_completion complete) {
            std::thread([req = std::move(req), complete = std::move(complete)] {
                std::this_thread::sleep_for(20ms);
                complete(text(http::status::ok, "echo:" + req.body()));
            }).detach();
        });
    std::string error;
    QVERIFY2(listener.start(&error), error.c_str());
    QVERIFY(listener.port() != 0);
    auto r = test::http_request(listener.port(), "POST", "/x", {}, "hello");
    QCOMPARE(r.status, 200);
    QCOMPARE(r.body, std::string("echo:hello"));
    QCOMPARE(r.header("Server"), std::string("gatehouse-admin"));
}

void TestAdminListener::keepsConnectionsAlive()
{
    gateway::admin_listener listener(options(),
                                     [](gateway::admin_request req, gateway::admin_completion c) {
                                         c(text(http::status::ok, std::string(req.target())));
                                     });
    std::string error;
    QVERIFY2(listener.start(&error), error.c_str());
    test::http_connection conn;
    QVERIFY(conn.connect(listener.port()));
    for (int i = 0; i < 3; ++i) {
        const std::string target = "/n/" + std::to_string(i);
        QVERIFY(conn.send("GET", target));
        auto r = conn.read();
        QCOMPARE(r.status, 200);
        QCOMPARE(r.body, target);
        QVERIFY(r.keep_alive);
    }
    QVERIFY(conn.send("GET", "/last", {{"Connection", "close"}}));
    QCOMPARE(conn.read().status, 200);
    QVERIFY(conn.wait_closed(5s));
}

void TestAdminListener::handlerTimeoutGives503()
{
    parked_requests parked;
    auto o = options();
    o.handler_timeout = 200ms;
    gateway::admin_listener listener(o, parked.handler());
    std::string error;
    QVERIFY2(listener.start(&error), error.c_str());
    auto r = test::http_request(listener.port(), "GET", "/slow");
    QCOMPARE(r.status, 503);
    QVERIFY(!r.keep_alive);
    QCOMPARE(parked.size(), std::size_t(1));
    // A late answer is dropped without harm.
    parked.take(0)(text(http::status::ok, "late"));
    QCOMPARE(test::http_request(listener.port(), "GET", "/slow").status, 503);
}

void TestAdminListener::stopWithAnswersOutstanding()
{
    parked_requests parked;
    auto listener = std::make_unique<gateway::admin_listener>(options(), parked.handler());
    std::string error;
    QVERIFY2(listener->start(&error), error.c_str());
    test::http_connection conn;
    QVERIFY(conn.connect(listener->port()));
    QVERIFY(conn.send("GET", "/pending"));
    QTRY_COMPARE_WITH_TIMEOUT(parked.size(), std::size_t(1), 5000);
    listener->stop();
    QVERIFY(!listener->running());
    QCOMPARE(listener->port(), std::uint16_t(0));
    QVERIFY(conn.wait_closed(5s));
    // The completion outlives the listener and does nothing.
    auto complete = parked.take(0);
    listener.reset();
    complete(text(http::status::ok, "too late"));
}

void TestAdminListener::expectContinue()
{
    gateway::admin_listener listener(options(),
                                     [](gateway::admin_request req, gateway::admin_completion c) {
                                         c(text(http::status::ok, req.body()));
                                     });
    std::string error;
    QVERIFY2(listener.start(&error), error.c_str());
    test::http_connection conn;
    QVERIFY(conn.connect(listener.port()));
    QVERIFY(conn.send_raw("POST /x HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 5\r\n"
                          "Expect: 100-continue\r\n\r\n"));
    const std::string interim = conn.read_raw(500ms);
    QVERIFY2(interim.starts_with("HTTP/1.1 100 Continue"), interim.c_str());
    QVERIFY(conn.send_raw("abcde"));
    auto r = conn.read();
    QCOMPARE(r.status, 200);
    QCOMPARE(r.body, std::string("abcde"));
}

void TestAdminListener::declaredBodyTooLarge()
{
    gateway::admin_listener listener(options(),
                                     [](gateway::admin_request, gateway::admin_completion c) {
                                         c(text(http::status::ok, "reached"));
                                     });
    std::string error;
    QVERIFY2(listener.start(&error), error.c_str());
    test::http_connection conn;
    QVERIFY(conn.connect(listener.port()));
    // Rejected on the header alone, before any of the body arrives.
    QVERIFY(conn.send_raw("POST /x HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 999999\r\n\r\n"));
    auto r = conn.read();
    QCOMPARE(r.status, 413);
    QVERIFY(r.body.find("body-too-large") != std::string::npos);
}

void TestAdminListener::slowHeaderIsDropped()
{
    auto o = options();
    o.header_timeout = 300ms;
    gateway::admin_listener listener(o, [](gateway::admin_request, gateway::admin_completion c) {
        c(text(http::status::ok, "reached"));
    });
    std::string error;
    QVERIFY2(listener.start(&error), error.c_str());
    test::http_connection conn;
    QVERIFY(conn.connect(listener.port()));
    QVERIFY(conn.send_raw("GET /x HTTP/1.1\r\nHost: 12"));
    QVERIFY(conn.wait_closed(5s));
}

void TestAdminListener::throwingHandlerGives500()
{
    gateway::admin_listener listener(options(),
                                     [](gateway::admin_request, gateway::admin_completion) {
                                         throw std::runtime_error("boom");
                                     });
    std::string error;
    QVERIFY2(listener.start(&error), error.c_str());
    QCOMPARE(test::http_request(listener.port(), "GET", "/x").status, 500);
}

void TestAdminListener::refusesBadAddressAndTakenPort()
{
    auto o = options();
    o.address = "not-an-address";
    gateway::admin_listener bad(o, [](gateway::admin_request, gateway::admin_completion) {});
    std::string error;
    QVERIFY(!bad.start(&error));
    QVERIFY2(error.find("not-an-address") != std::string::npos, error.c_str());

    gateway::admin_listener first(options(),
                                  [](gateway::admin_request, gateway::admin_completion) {});
    QVERIFY2(first.start(&error), error.c_str());
    auto taken = options();
    taken.port = first.port();
    gateway::admin_listener second(taken, [](gateway::admin_request, gateway::admin_completion) {});
    error.clear();
    QVERIFY(!second.start(&error));
    QVERIFY2(error.find(std::to_string(first.port())) != std::string::npos, error.c_str());
}

QTEST_GUILESS_MAIN(TestAdminListener)
#include "tst_admin_listener.moc"
