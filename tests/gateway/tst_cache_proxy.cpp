// SPDX-FileCopyrightText: Gatehouse contributors
// SPDX-License-Identifier: Apache-2.0
#include "gateway/gateway_server.hpp"

#include "cache_fixture.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QtTest/QTest>

#include <algorithm>
#include <atomic>
#include <condition_variable>
#include <cstring>
#include <map>
#include <mutex>
#include <thread>
#include <tuple>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

using namespace gatehouse;
using namespace gatehouse::test;

namespace {

// An origin that answers every request with the same raw bytes and closes
// the connection: for framings the demo origin keeps correct on purpose.
// With `hold_from`, only the bytes before that offset go out at once; the
// rest waits until release().
class raw_origin {
public:
    explicit raw_origin(std::string response, std::size_t hold_from = std::string::npos)
        : response_(std::move(response))
        , hold_from_(std::min(hold_from, response_.size()))
    {
        fd_ = ::socket(AF_INET, SOCK_STREAM, 0);
        sockaddr_in addr{};
        addr.sin_family = AF_INET;
        addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        socklen_t len = sizeof addr;
        if (fd_ < 0 || ::bind(fd_, reinterpret_cast<sockaddr*>(&addr), len) != 0 ||
            ::listen(fd_, 16) != 0 ||
            ::getsockname(fd_, reinterpret_cast<sockaddr*>(&addr), &len) != 0)
            return;
        port_ = ntohs(addr.sin_port);
        thread_ = std::thread([this] { serve(); });
    }
    ~raw_origin()
    {
        {
            std::lock_guard lock(mutex_);
            stopping_ = true;
            released_changed_.notify_all();
        }
        ::shutdown(fd_, SHUT_RDWR); // wakes accept()
        if (thread_.joinable())
            thread_.join();
        ::close(fd_);
    }
    std::uint16_t port() const { return port_; }
    std::uint64_t requests() const { return requests_.load(); }
    void release()
    {
        std::lock_guard lock(mutex_);
        released_ = true;
        released_changed_.notify_all();
    }

private:
    void serve()
    {
        while (!stopping_) {
            const int c = ::accept(fd_, nullptr, nullptr);
            if (c < 0)
                return;
            std::string request;
            char buf[4096];
            while (request.find("\r\n\r\n") == std::string::npos) {
                const auto n = ::recv(c, buf, sizeof buf, 0);
                if (n <= 0)
                    break;
                request.append(buf, static_cast<std::size_t>(n));
            }
            ++requests_;
            ::send(c, response_.data(), hold_from_, MSG_NOSIGNAL);
            if (hold_from_ < response_.size()) {
                std::unique_lock lock(mutex_);
                released_changed_.wait_for(lock, std::chrono::seconds(30),
                                           [this] { return released_ || stopping_; });
                lock.unlock();
                ::send(c, response_.data() + hold_from_, response_.size() - hold_from_,
                       MSG_NOSIGNAL);
            }
            ::close(c); // the end of a close-delimited body
        }
    }

    std::string response_;
    std::size_t hold_from_;
    std::mutex mutex_;
    std::condition_variable released_changed_;
    bool released_ = false;
    int fd_ = -1;
    std::uint16_t port_ = 0;
    std::atomic<std::uint64_t> requests_{0};
    std::atomic<bool> stopping_{false};
    std::thread thread_;
};

const std::string held_head = "HTTP/1.1 200 OK\r\nContent-Length: 2000\r\n"
                              "Cache-Control: max-age=60\r\nContent-Type: text/plain\r\n\r\n";

} // namespace

// The response cache in the request path, end to end: a real gateway in
// front of a real origin whose headers each test chooses. Every test checks
// what the client got (status, body, Age, Cache-Status) and how many
// requests reached the origin.
class TestCacheProxy : public QObject {
    Q_OBJECT

private:
    gateway::demo_origin m_origin;
    // A close-delimited body under a transfer coding other than chunked
    // (RFC 9112 §6.3): the gateway re-frames it for the client.
    raw_origin m_raw{"HTTP/1.1 200 OK\r\nTransfer-Encoding: x-custom\r\n"
                     "Cache-Control: max-age=60\r\nContent-Type: text/plain\r\n\r\n"
                     "close-delimited body"};
    // 2000 bytes ("a" x 1000, then "z" x 1000): the second half waits for
    // release().
    raw_origin m_held{held_head + std::string(1000, 'a') + std::string(1000, 'z'),
                      held_head.size() + 1000};
    gateway::gateway_server m_gateway;
    std::uint16_t m_port = 0;

    std::uint64_t upstream() const { return m_origin.requests(); }

    http_response get(const std::string& target, const header_list& headers = {})
    {
        return http_request(m_port, "GET", target, headers);
    }

    static qint64 age(const http_response& r)
    {
        bool ok = false;
        const qint64 value = QString::fromStdString(r.header("Age")).toLongLong(&ok);
        return ok ? value : -1;
    }

private slots:
    void initTestCase()
    {
        QCOMPARE(QString::fromStdString(m_origin.start("127.0.0.1", 0, 2)), QString());
        gateway::config_snapshot config;
        config.upstreams.push_back(make_upstream("origin", {m_origin.port()}));
        auto c = cached_route("cached", "/c", "origin");
        c.api_id = 7;
        config.routes.push_back(c);
        config.routes.push_back(make_route("plain", "/p", "origin"));
        config.routes.back().rewrite_prefix = "/respond";

        auto ttl = enabled_policy();
        ttl.default_ttl = std::chrono::seconds(60);
        config.routes.push_back(cached_route("echo", "/e", "origin", "/echo", ttl));

        auto small = enabled_policy();
        small.max_object_bytes = 4096;
        config.routes.push_back(cached_route("small", "/small", "origin", "/respond", small));

        auto tiny = enabled_policy();
        tiny.max_object_bytes = 64;
        config.routes.push_back(cached_route("es", "/es", "origin", "/echo", tiny));
        config.routes.push_back(make_route("plain-echo", "/pe", "origin"));
        config.routes.back().rewrite_prefix = "/echo";

        auto post = enabled_policy();
        config.routes.push_back(cached_route("post", "/post", "origin", "/echo", post));

        auto query = enabled_policy();
        query.cache_post_by_body_hash = true;
        config.routes.push_back(cached_route("query", "/q", "origin", "/echo", query));

        auto cookies = enabled_policy();
        cookies.strip_set_cookie = true;
        config.routes.push_back(cached_route("cookies", "/cookies", "origin", "/respond", cookies));

        QVERIFY(m_raw.port() != 0);
        config.upstreams.push_back(make_upstream("raw", {m_raw.port()}));
        config.routes.push_back(cached_route("raw", "/raw", "raw", "/te"));
        QVERIFY(m_held.port() != 0);
        config.upstreams.push_back(make_upstream("held", {m_held.port()}));
        config.routes.push_back(cached_route("held", "/held", "held", "/slow"));

        auto utm = enabled_policy();
        utm.ignored_query_params = {"utm_*"};
        config.routes.push_back(cached_route("utm", "/utm", "origin", "/respond", utm));
        QCOMPARE(QString::fromStdString(m_gateway.apply(config)), QString());
        QCOMPARE(QString::fromStdString(m_gateway.start(test_options())), QString());
        m_port = m_gateway.port();
    }

    void cleanupTestCase()
    {
        m_gateway.stop();
        m_origin.stop();
    }

    void missThenHit()
    {
        const auto target = respond_target("/c", "basic", {{"Cache-Control: max-age=60"}});
        const auto before = upstream();
        const auto first = get(target);
        QCOMPARE(first.status, 200);
        QCOMPARE(QString::fromStdString(first.body), QStringLiteral("cached body"));
        QVERIFY2(cache_status_has(first, "fwd=uri-miss"), first.header("Cache-Status").c_str());
        QVERIFY(cache_status_has(first, "stored"));
        QVERIFY(!is_hit(first));

        const auto second = get(target);
        QCOMPARE(second.status, 200);
        QCOMPARE(second.body, first.body);
        QVERIFY2(is_hit(second), second.header("Cache-Status").c_str());
        QVERIFY(QString::fromStdString(second.header("Cache-Status")).startsWith(u"Gatehouse"));
        QVERIFY(QString::fromStdString(second.header("Cache-Status")).contains(u"ttl="));
        QVERIFY(age(second) >= 0 && age(second) <= 2);
        QCOMPARE(second.header("Content-Type"), std::string("application/octet-stream"));
        QVERIFY(second.header("X-Request-Id") != first.header("X-Request-Id"));
        QCOMPARE(upstream() - before, 1u);

        const auto stats = m_gateway.cache_stats();
        QVERIFY(stats.total.hits >= 1);
        QVERIFY(stats.total.stores >= 1);
        QVERIFY(stats.per_api.count("7"));
        QVERIFY(stats.per_api.at("7").hits >= 1);
        QVERIFY(stats.total.objects >= 1 && stats.total.bytes > 0);
    }

    void ageFromUpstreamIsAdded()
    {
        const auto target =
            respond_target("/c", "age", {{"Cache-Control: max-age=600", "Age: 100"}});
        get(target);
        const auto hit = get(target);
        QVERIFY(is_hit(hit));
        QVERIFY2(age(hit) >= 100 && age(hit) <= 102, hit.header("Age").c_str());
    }

    void freshnessPrecedence_data()
    {
        QTest::addColumn<QString>("tag");
        QTest::addColumn<QStringList>("headers");
        QTest::addColumn<bool>("hit");
        const QString past = QStringLiteral("Expires: Thu, 01 Jan 2015 00:00:00 GMT");
        const QString future = QStringLiteral("Expires: Fri, 01 Jan 2100 00:00:00 GMT");
        QTest::newRow("s-maxage over max-age")
            << "smax" << QStringList{QStringLiteral("Cache-Control: max-age=0, s-maxage=60")}
            << true;
        QTest::newRow("s-maxage=0 over max-age")
            << "smax0" << QStringList{QStringLiteral("Cache-Control: max-age=60, s-maxage=0")}
            << false;
        QTest::newRow("max-age over Expires")
            << "maxexp" << QStringList{QStringLiteral("Cache-Control: max-age=60"), past} << true;
        QTest::newRow("Expires in the future") << "expfut" << QStringList{future} << true;
        QTest::newRow("Expires in the past") << "exppast" << QStringList{past} << false;
        QTest::newRow("invalid Expires is stale")
            << "expbad" << QStringList{QStringLiteral("Expires: tomorrow")} << false;
        QTest::newRow("no freshness, no default ttl") << "none" << QStringList{} << false;
        QTest::newRow("heuristic freshness from Last-Modified")
            << "heuristic"
            << QStringList{QStringLiteral("Last-Modified: Mon, 01 Jan 2024 00:00:00 GMT")} << true;
        QTest::newRow("no heuristic freshness for a 201")
            << "heuristic201"
            << QStringList{QStringLiteral("Last-Modified: Mon, 01 Jan 2024 00:00:00 GMT")} << false;
        QTest::newRow("directive names are case-insensitive")
            << "case" << QStringList{QStringLiteral("Cache-Control: MAX-AGE=60")} << true;
        QTest::newRow("targeted field wins over Cache-Control")
            << "cdn"
            << QStringList{QStringLiteral("Cache-Control: no-store"),
                           QStringLiteral("CDN-Cache-Control: max-age=60")}
            << true;
        QTest::newRow("Gatehouse-Cache-Control wins over CDN-Cache-Control")
            << "gh"
            << QStringList{QStringLiteral("CDN-Cache-Control: no-store"),
                           QStringLiteral("Gatehouse-Cache-Control: max-age=60")}
            << true;
        // RFC 9213 §2.1: a targeted field whose max-age is not an Integer is
        // invalid and ignored; Cache-Control then decides.
        QTest::newRow("targeted field with a String max-age is ignored")
            << "cdnstring"
            << QStringList{QStringLiteral("Cache-Control: no-store"),
                           QStringLiteral("CDN-Cache-Control: max-age=\"60\"")}
            << false;
        QTest::newRow("targeted field with a Token max-age is ignored")
            << "cdntoken"
            << QStringList{QStringLiteral("Cache-Control: max-age=60"),
                           QStringLiteral("CDN-Cache-Control: max-age=abc")}
            << true;
        // RFC 9110 §5.6.7: all three date formats are accepted; a two-digit
        // year is never more than 50 years ahead (50 is 2050, not 1950).
        QTest::newRow("Expires in RFC 850 form")
            << "exp850" << QStringList{QStringLiteral("Expires: Thursday, 18-Aug-50 02:01:18 GMT")}
            << true;
        QTest::newRow("Expires in asctime form")
            << "expasc" << QStringList{QStringLiteral("Expires: Thu Aug 18 02:01:18 2050")} << true;
        QTest::newRow("Expires with an upper-case month")
            << "expcase" << QStringList{QStringLiteral("Expires: Thu, 18 AUG 2050 02:01:18 GMT")}
            << true;
        QTest::newRow("Expires in UTC is invalid, so stale")
            << "exputc" << QStringList{QStringLiteral("Expires: Thu, 18 Aug 2050 02:01:18 UTC")}
            << false;
    }

    void freshnessPrecedence()
    {
        QFETCH(QString, tag);
        QFETCH(QStringList, headers);
        QFETCH(bool, hit);
        std::string target = "/c?t=fresh-" + tag.toStdString() + "&body=x";
        const unsigned status = tag == u"heuristic201" ? 201 : 200;
        if (status != 200)
            target += "&status=" + std::to_string(status);
        for (const auto& h : headers)
            target += "&h=" + encode(h.toStdString());
        const auto before = upstream();
        const auto first = get(target);
        QCOMPARE(first.status, int(status));
        QVERIFY(!first.has_header("CDN-Cache-Control"));
        QVERIFY(!first.has_header("Gatehouse-Cache-Control"));
        const auto second = get(target);
        QCOMPARE(second.status, int(status));
        QCOMPARE(second.body, std::string("x"));
        QVERIFY(!second.has_header("CDN-Cache-Control"));
        QVERIFY(!second.has_header("Gatehouse-Cache-Control"));
        QCOMPARE(is_hit(second), hit);
        QCOMPARE(upstream() - before, hit ? 1u : 2u);
    }

    void notStored_data()
    {
        QTest::addColumn<QString>("tag");
        QTest::addColumn<QStringList>("headers");
        QTest::addColumn<QString>("detail");
        QTest::newRow("no-store") << "nostore"
                                  << QStringList{QStringLiteral(
                                         "Cache-Control: no-store, max-age=60")}
                                  << "no-store";
        QTest::newRow("private") << "private"
                                 << QStringList{QStringLiteral(
                                        "Cache-Control: private, max-age=60")}
                                 << "private";
        QTest::newRow("Set-Cookie") << "cookie"
                                    << QStringList{QStringLiteral("Cache-Control: max-age=60"),
                                                   QStringLiteral("Set-Cookie: session=1")}
                                    << "set-cookie";
        QTest::newRow("Vary: *") << "varystar"
                                 << QStringList{QStringLiteral("Cache-Control: max-age=60"),
                                                QStringLiteral("Vary: *")}
                                 << "vary-star";
        QTest::newRow("status not cacheable")
            << "status" << QStringList{QStringLiteral("Cache-Control: max-age=60")} << "status";
    }

    void notStored()
    {
        QFETCH(QString, tag);
        QFETCH(QStringList, headers);
        QFETCH(QString, detail);
        std::string target = "/c?t=ns-" + tag.toStdString() + "&body=x";
        if (tag == u"status")
            target += "&status=206";
        for (const auto& h : headers)
            target += "&h=" + encode(h.toStdString());
        const auto before = upstream();
        const auto first = get(target);
        QVERIFY(!cache_status_has(first, "stored"));
        QVERIFY2(QString::fromStdString(first.header("Cache-Status")).contains(detail),
                 first.header("Cache-Status").c_str());
        const auto second = get(target);
        QVERIFY(!is_hit(second));
        QCOMPARE(second.body, std::string("x"));
        QCOMPARE(upstream() - before, 2u);
    }

    void setCookieStrippedWhenPolicySaysSo()
    {
        const auto target = respond_target(
            "/cookies", "strip", {{"Cache-Control: max-age=60", "Set-Cookie: session=secret"}});
        const auto first = get(target);
        QCOMPARE(first.header("Set-Cookie"), std::string("session=secret")); // the first client's
        QVERIFY(cache_status_has(first, "stored"));
        const auto second = get(target);
        QVERIFY(is_hit(second));
        QVERIFY(!second.has_header("Set-Cookie"));
    }

    void noCacheAlwaysRevalidates()
    {
        const auto target = respond_target(
            "/c", "nocache", {{"Cache-Control: no-cache, max-age=60", "ETag: \"nc1\""}});
        const auto before = upstream();
        QVERIFY(cache_status_has(get(target), "stored"));
        const auto second = get(target);
        QCOMPARE(second.status, 200);
        QCOMPARE(second.body, std::string("cached body"));
        QVERIFY2(cache_status_has(second, "fwd-status=304"), second.header("Cache-Status").c_str());
        QCOMPARE(upstream() - before, 2u);
        QCOMPARE(m_gateway.cache_stats().per_api.at("7").revalidated_304 >= 1, true);
    }

    void vary()
    {
        const auto target =
            respond_target("/c", "vary", {{"Cache-Control: max-age=60", "Vary: Accept-Language"}});
        const auto before = upstream();
        QVERIFY(!is_hit(get(target, {{"Accept-Language", "en"}})));
        QVERIFY(is_hit(get(target, {{"Accept-Language", "en"}})));
        QVERIFY(!is_hit(get(target, {{"Accept-Language", "de"}})));
        QVERIFY(is_hit(get(target, {{"Accept-Language", "de"}})));
        QVERIFY(is_hit(get(target, {{"Accept-Language", "en"}})));
        QVERIFY(!is_hit(get(target))); // absent only matches absent
        QCOMPARE(upstream() - before, 3u);
    }

    void varyFoldsCaseOfLanguageTags()
    {
        const auto target = respond_target(
            "/c", "varycase", {{"Cache-Control: max-age=60", "Vary: Accept-Language"}});
        const auto before = upstream();
        const auto first = get(target, {{"Accept-Language", "en-US, de"}});
        QCOMPARE(first.status, 200);
        QVERIFY(!is_hit(first));
        // Language tags are case-insensitive (RFC 4647 §2), whitespace around
        // commas is not significant: the same variant.
        const auto same = get(target, {{"Accept-Language", "EN-us,DE"}});
        QCOMPARE(same.status, 200);
        QCOMPARE(same.body, std::string("cached body"));
        QVERIFY2(is_hit(same), same.header("Cache-Status").c_str());
        QVERIFY(!same.header("Age").empty());
        // Another language, or another order, is another variant.
        QVERIFY(!is_hit(get(target, {{"Accept-Language", "fr"}})));
        QVERIFY(!is_hit(get(target, {{"Accept-Language", "de, en-US"}})));
        QCOMPARE(upstream() - before, 3u);
    }

    // The upstream's 200 turned into the client's 206 says so on its status
    // line too, not "206 OK".
    void rangedMissStatusLine()
    {
        respond_args args{{"Cache-Control: max-age=60"}};
        args.body = "0123456789";
        const auto target = respond_target("/c", "range-status-line", args);
        http_connection c;
        QVERIFY(c.connect(m_port));
        QVERIFY(c.send_raw("GET " + target +
                           " HTTP/1.1\r\nHost: 127.0.0.1\r\nRange: bytes=1-2\r\n"
                           "Connection: close\r\n\r\n"));
        const std::string raw = c.read_raw(std::chrono::seconds(5));
        QVERIFY2(raw.starts_with("HTTP/1.1 206 Partial Content\r\n"), raw.c_str());
        QVERIFY(raw.ends_with("\r\n\r\n12"));
    }

    // A miss whose range lies past the end: a 416 as a hit would answer,
    // while the whole response is still stored for the next request.
    void rangedMissPastTheEndIs416()
    {
        respond_args args{{"Cache-Control: max-age=60"}};
        args.body = "0123456789";
        const auto target = respond_target("/c", "range-past-end", args);
        const auto before = upstream();
        http_connection c;
        QVERIFY(c.connect(m_port));
        QVERIFY(c.send_raw("GET " + target +
                           " HTTP/1.1\r\nHost: 127.0.0.1\r\nRange: bytes=20-\r\n\r\n"));
        const auto miss = c.read(std::chrono::seconds(5));
        // The same answer a hit gives: a problem, not to be stored by a
        // cache downstream (it answers this client's Range).
        QCOMPARE(miss.status, 416);
        QCOMPARE(miss.header("Content-Range"), std::string("bytes */10"));
        QCOMPARE(miss.header("Content-Type"), std::string("application/problem+json"));
        QCOMPARE(miss.header("Cache-Control"), std::string("no-store"));
        QVERIFY(miss.body.find("range-not-satisfiable") != std::string::npos);
        QVERIFY(miss.body.find("10-byte response") != std::string::npos);
        QVERIFY2(cache_status_has(miss, "stored"), miss.header("Cache-Status").c_str());
        QVERIFY(miss.has_header("Via"));
        QVERIFY(miss.has_header("X-Request-Id"));
        // The connection goes on: the next answer is whole, from the store.
        QVERIFY(c.send("GET", target));
        const auto whole = c.read(std::chrono::seconds(5));
        QCOMPARE(whole.status, 200);
        QCOMPARE(whole.body, std::string("0123456789"));
        QVERIFY(is_hit(whole));
        const auto hit = get(target, {{"Range", "bytes=20-"}});
        QCOMPARE(hit.status, 416);
        QCOMPARE(hit.header("Content-Type"), std::string("application/problem+json"));
        QCOMPARE(hit.header("Cache-Control"), std::string("no-store"));
        QVERIFY(is_hit(hit));
        QCOMPARE(upstream() - before, 1u);
    }

    void rangeServedFromStoredResponse()
    {
        respond_args args{{"Cache-Control: max-age=60", "ETag: \"r1\""}};
        args.body = "0123456789";
        const auto target = respond_target("/c", "range", args);
        const auto before = upstream();
        // A miss with a Range fetches and stores the whole representation,
        // and the client gets its part of it.
        const auto miss = get(target, {{"Range", "bytes=2-4"}});
        QCOMPARE(miss.status, 206);
        QCOMPARE(miss.body, std::string("234"));
        QCOMPARE(miss.header("Content-Range"), std::string("bytes 2-4/10"));
        QVERIFY(cache_status_has(miss, "stored"));

        struct expectation {
            const char* range;
            const char* body;
            const char* content_range;
        };
        for (const auto& x : {expectation{"bytes=2-4", "234", "bytes 2-4/10"},
                              expectation{"bytes=7-", "789", "bytes 7-9/10"},
                              expectation{"bytes=-3", "789", "bytes 7-9/10"},
                              expectation{"bytes=0-99", "0123456789", "bytes 0-9/10"}}) {
            const auto part = get(target, {{"Range", x.range}});
            QCOMPARE(part.status, 206);
            QCOMPARE(part.body, std::string(x.body));
            QCOMPARE(part.header("Content-Range"), std::string(x.content_range));
            QCOMPARE(part.header("Content-Length"), std::to_string(std::strlen(x.body)));
            QCOMPARE(part.header("ETag"), std::string("\"r1\""));
            QVERIFY2(is_hit(part), part.header("Cache-Status").c_str());
            QVERIFY(age(part) >= 0 && age(part) <= 2);
        }
        // The whole stored response when the Range cannot be served as one part.
        for (const char* whole : {"bytes=0-1,4-5", "bytes=4-2", "items=0-1"}) {
            const auto full = get(target, {{"Range", whole}});
            QCOMPARE(full.status, 200);
            QCOMPARE(full.body, std::string("0123456789"));
            QVERIFY(!full.has_header("Content-Range"));
            QVERIFY(is_hit(full));
        }
        // A range wholly past the end: 416 with the length there is (RFC 9110
        // §15.5.17), as nginx and Varnish answer from their caches.
        for (const char* past : {"bytes=10-", "bytes=25-30", "bytes=-0"}) {
            const auto unsatisfiable = get(target, {{"Range", past}});
            QCOMPARE(unsatisfiable.status, 416);
            QCOMPARE(unsatisfiable.header("Content-Range"), std::string("bytes */10"));
            QCOMPARE(unsatisfiable.header("Content-Type"), std::string("application/problem+json"));
            QVERIFY(unsatisfiable.body.find("range-not-satisfiable") != std::string::npos);
            QVERIFY2(is_hit(unsatisfiable), unsatisfiable.header("Cache-Status").c_str());
        }
        // ... unless If-Range says the stored response is not the one meant.
        const auto other = get(target, {{"Range", "bytes=10-"}, {"If-Range", "\"r0\""}});
        QCOMPARE(other.status, 200);
        QCOMPARE(other.body, std::string("0123456789"));
        // If-Range (RFC 9110 §13.1.5): the part only for the current representation.
        const auto current = get(target, {{"Range", "bytes=0-0"}, {"If-Range", "\"r1\""}});
        QCOMPARE(current.status, 206);
        QCOMPARE(current.body, std::string("0"));
        const auto changed = get(target, {{"Range", "bytes=0-0"}, {"If-Range", "\"r0\""}});
        QCOMPARE(changed.status, 200);
        QCOMPARE(changed.body, std::string("0123456789"));
        // Preconditions come before Range: a matching If-None-Match gets 304.
        const auto notModified = get(target, {{"Range", "bytes=0-0"}, {"If-None-Match", "\"r1\""}});
        QCOMPARE(notModified.status, 304);
        QVERIFY(notModified.body.empty());
        // HEAD ignores Range.
        http_connection c;
        QVERIFY(c.connect(m_port));
        QVERIFY(c.send("HEAD", target, {{"Range", "bytes=2-4"}}));
        const auto head = c.read(std::chrono::seconds(5), true);
        QCOMPARE(head.status, 200);
        QCOMPARE(head.header("Content-Length"), std::string("10"));
        QVERIFY(head.body.empty());
        // Everything after the first request came from the cache.
        QCOMPARE(upstream() - before, 1u);
    }

    // The headers the origin's /echo saw, from a response body it wrote.
    static QJsonObject echoed_headers(const std::string& body)
    {
        return QJsonDocument::fromJson(QByteArray::fromStdString(body))
            .object()
            .value(u"headers")
            .toObject();
    }

    void rangedMissStoresWholeObject()
    {
        const std::string target = "/e/ranged?cache_control=max-age%3D60";
        const auto before = upstream();
        const auto miss = get(target, {{"Range", "bytes=0-9"}});
        QCOMPARE(miss.status, 206);
        QCOMPARE(miss.body, std::string("{\"method\":"));
        QCOMPARE(miss.header("Content-Length"), std::string("10"));
        QVERIFY2(cache_status_has(miss, "fwd=uri-miss"), miss.header("Cache-Status").c_str());
        QVERIFY(cache_status_has(miss, "stored"));
        QVERIFY(!is_hit(miss));
        // Relayed as it came, like any miss: the origin sent no Age.
        QVERIFY(!miss.has_header("Age"));
        const std::string content_range = miss.header("Content-Range");
        QVERIFY2(content_range.starts_with("bytes 0-9/"), content_range.c_str());

        // What was stored is the whole representation, fetched without Range.
        const auto whole = get(target);
        QCOMPARE(whole.status, 200);
        QVERIFY2(is_hit(whole), whole.header("Cache-Status").c_str());
        QCOMPARE(content_range, "bytes 0-9/" + std::to_string(whole.body.size()));
        QCOMPARE(whole.body.substr(0, 10), miss.body);
        const auto seen = echoed_headers(whole.body);
        QVERIFY(seen.contains(u"host"));
        QVERIFY(!seen.contains(u"range"));

        const auto tail = get(target, {{"Range", "bytes=-2"}});
        QCOMPARE(tail.status, 206);
        QCOMPARE(tail.body, std::string("\"}"));
        QCOMPARE(tail.header("Content-Range"), "bytes " + std::to_string(whole.body.size() - 2) +
                                                   "-" + std::to_string(whole.body.size() - 1) +
                                                   "/" + std::to_string(whole.body.size()));
        QVERIFY(is_hit(tail));
        QCOMPARE(upstream() - before, 1u);

        // Neither is If-Range passed on; it names no validator of the stored
        // response, so the client gets all of it (RFC 9110 §13.1.5).
        const std::string other = "/e/ranged-if?cache_control=max-age%3D60";
        const auto stale_part = get(other, {{"Range", "bytes=0-9"}, {"If-Range", "\"old\""}});
        QCOMPARE(stale_part.status, 200);
        QVERIFY(!stale_part.has_header("Content-Range"));
        QVERIFY(cache_status_has(stale_part, "stored"));
        const auto other_seen = echoed_headers(stale_part.body);
        QVERIFY(other_seen.contains(u"host"));
        QVERIFY(!other_seen.contains(u"range"));
        QVERIFY(!other_seen.contains(u"if-range"));
        // A range that cannot be satisfied: a 416, as on a hit, with the
        // response stored all the same.
        const auto beyond =
            get("/e/ranged-beyond?cache_control=max-age%3D60", {{"Range", "bytes=100000-"}});
        QCOMPARE(beyond.status, 416);
        QVERIFY(beyond.header("Content-Range").starts_with("bytes */"));
        QVERIFY(cache_status_has(beyond, "stored"));
        QCOMPARE(upstream() - before, 3u);
    }

    void concurrentRangedMissesCoalesce()
    {
        respond_args args{{"Cache-Control: max-age=60"}};
        args.body = "abcdefghijklmnopqrstuvwxyz";
        args.extra = "&delay_ms=300";
        const auto target = respond_target("/c", "ranged-coalesced", args);
        const auto before = upstream();
        constexpr int clients = 8;
        std::vector<http_response> answers(clients);
        std::vector<std::thread> threads;
        for (int i = 0; i < clients; ++i)
            threads.emplace_back([&, i] {
                const std::string range =
                    "bytes=" + std::to_string(i) + "-" + std::to_string(i + 2);
                answers[static_cast<std::size_t>(i)] = get(target, {{"Range", range}});
            });
        for (auto& t : threads)
            t.join();
        for (int i = 0; i < clients; ++i) {
            const auto& a = answers[static_cast<std::size_t>(i)];
            QCOMPARE(a.status, 206);
            QCOMPARE(a.body, args.body.substr(static_cast<std::size_t>(i), 3));
            QCOMPARE(a.header("Content-Range"),
                     "bytes " + std::to_string(i) + "-" + std::to_string(i + 2) + "/26");
        }
        QCOMPARE(upstream() - before, 1u);
    }

    // A ranged miss being stored answers as soon as its part has arrived:
    // the client of bytes=0-9 of a body whose second half the origin still
    // holds back gets its 206 at once, and the whole body is stored when
    // the rest arrives.
    void rangedMissAnswersBeforeTheWholeBodyArrives()
    {
        test::http_connection connection;
        QVERIFY(connection.connect(m_port));
        QVERIFY(connection.send("GET", "/held/object", {{"Range", "bytes=0-9"}}));
        const auto part = connection.read(std::chrono::seconds(10));
        m_held.release();
        QCOMPARE(part.status, 206);
        QCOMPARE(part.body, std::string(10, 'a'));
        QCOMPARE(part.header("Content-Range"), std::string("bytes 0-9/2000"));
        QVERIFY2(cache_status_has(part, "stored"), part.header("Cache-Status").c_str());
        QCOMPARE(m_held.requests(), 1u);
        // The rest arrives; the session stores it, then reads the next request.
        QVERIFY(connection.send("GET", "/held/object", {{"Range", "bytes=995-1004"}}));
        const auto hit = connection.read(std::chrono::seconds(10));
        QCOMPARE(hit.status, 206);
        QVERIFY2(is_hit(hit), hit.header("Cache-Status").c_str());
        QCOMPARE(hit.body, std::string(5, 'a') + std::string(5, 'z'));
        QCOMPARE(m_held.requests(), 1u);
    }

    void rangedMissOverObjectLimitIsNotStored()
    {
        // /es keeps objects of up to 64 bytes; the echo is larger, so it is
        // streamed, not stored, and the range is cut out as it goes by.
        const std::string target = "/es/big?cache_control=max-age%3D60";
        const auto before = upstream();
        const auto all = get(target, {{"Range", "bytes=0-"}});
        QCOMPARE(all.status, 206);
        QVERIFY(all.body.size() > 64);
        QCOMPARE(all.header("Content-Range"), "bytes 0-" + std::to_string(all.body.size() - 1) +
                                                  "/" + std::to_string(all.body.size()));
        QVERIFY2(cache_status_has(all, "detail=too-large"), all.header("Cache-Status").c_str());
        QVERIFY(cache_status_has(all, "fwd=uri-miss"));
        QVERIFY(!cache_status_has(all, "stored"));
        const auto seen = echoed_headers(all.body);
        QVERIFY(seen.contains(u"host"));
        QVERIFY(!seen.contains(u"range"));
        const auto part = get(target, {{"Range", "bytes=5-14"}});
        QCOMPARE(part.status, 206);
        QCOMPARE(part.header("Content-Length"), std::string("10"));
        QCOMPARE(part.header("Content-Range"), "bytes 5-14/" + std::to_string(all.body.size()));
        QCOMPARE(part.body, all.body.substr(5, 10));
        QVERIFY(!is_hit(part));
        QCOMPARE(upstream() - before, 2u);
        const auto stats = m_gateway.cache_stats().per_api;
        QVERIFY(stats.count("es"));
        QCOMPARE(stats.at("es").stores, std::uint64_t{0});
        QCOMPARE(stats.at("es").objects, std::int64_t{0});
        QCOMPARE(stats.at("es").bytes, std::int64_t{0});
    }

    void rangedMissOfLargeBodyRelaysTheRange()
    {
        // 1 MiB through /small (4 KiB limit): the range is cut out of the
        // streamed body. The relay stops reading after the range and drops
        // that upstream connection; were it pooled with the rest of the body
        // unread, the next request on it would get those bytes as its answer.
        respond_args args{{"Cache-Control: max-age=60", "ETag: \"big\""}};
        args.body.clear();
        args.extra = "&size=1048576";
        const auto target = respond_target("/small", "ranged-large", args);
        const auto before = upstream();
        const auto whole = get(target);
        QCOMPARE(whole.status, 200);
        QCOMPARE(whole.body.size(), std::size_t{1048576});
        QVERIFY(cache_status_has(whole, "detail=too-large"));
        for (const auto& [range, first, length] :
             {std::tuple{"bytes=0-99", 0u, 100u}, std::tuple{"bytes=500000-500009", 500000u, 10u},
              std::tuple{"bytes=-7", 1048569u, 7u}, std::tuple{"bytes=40000-", 40000u, 1008576u}}) {
            const auto r = get(target, {{"Range", range}});
            QCOMPARE(r.status, 206);
            QCOMPARE(r.header("Content-Range"), "bytes " + std::to_string(first) + "-" +
                                                    std::to_string(first + length - 1) +
                                                    "/1048576");
            QCOMPARE(r.header("ETag"), std::string("\"big\""));
            QCOMPARE(r.body.size(), std::size_t{length});
            QVERIFY(r.body == whole.body.substr(first, length));
        }
        // A failed If-Range: the whole response.
        const auto changed = get(target, {{"Range", "bytes=0-9"}, {"If-Range", "\"other\""}});
        QCOMPARE(changed.status, 200);
        QCOMPARE(changed.body.size(), std::size_t{1048576});
        QCOMPARE(upstream() - before, 6u);
    }

    void uncachedRouteForwardsRange()
    {
        const auto before = upstream();
        const auto r = get("/pe/ranged", {{"Range", "bytes=0-9"}, {"If-Range", "\"v1\""}});
        QCOMPARE(r.status, 200); // the echo ignores Range
        QCOMPARE(r.header("Cache-Status"), std::string("Gatehouse; fwd=bypass"));
        const auto seen = echoed_headers(r.body);
        QCOMPARE(seen.value(u"range").toString(), QStringLiteral("bytes=0-9"));
        QCOMPARE(seen.value(u"if-range").toString(), QStringLiteral("\"v1\""));
        QCOMPARE(upstream() - before, 1u);
    }

    void closeDelimitedBodyReframedAndStored()
    {
        const auto before = m_raw.requests();
        const auto first = http_request(m_port, "GET", "/raw/x");
        QCOMPARE(first.status, 200);
        // The relay chunks the body, so the field names the upstream's
        // coding and then chunked; the client finds the end of the body.
        QCOMPARE(first.header("Transfer-Encoding"), std::string("x-custom, chunked"));
        QCOMPARE(first.body, std::string("close-delimited body"));
        QVERIFY2(cache_status_has(first, "stored"), first.header("Cache-Status").c_str());
        // Transfer-Encoding is hop-by-hop (RFC 9111 §3.1): the stored copy
        // goes out with a Content-Length instead.
        const auto second = http_request(m_port, "GET", "/raw/x");
        QCOMPARE(second.status, 200);
        QCOMPARE(second.body, std::string("close-delimited body"));
        QVERIFY2(is_hit(second), second.header("Cache-Status").c_str());
        QVERIFY(!second.has_header("Transfer-Encoding"));
        QCOMPARE(second.header("Content-Length"), std::string("20"));
        QVERIFY(age(second) >= 0 && age(second) <= 2);
        QCOMPARE(m_raw.requests() - before, 1u);
    }

    void notModifiedMergesHeaders()
    {
        const auto target =
            respond_target("/c", "merge",
                           {{"Cache-Control: max-age=0", "ETag: \"m1\"", "X-Version: 1"},
                            {"Cache-Control: max-age=60", "X-Version: 2"}});
        const auto before = upstream();
        const auto first = get(target);
        QCOMPARE(first.header("X-Version"), std::string("1"));
        QVERIFY(cache_status_has(first, "stored"));
        const auto revalidated = get(target); // stale: If-None-Match upstream, 304, merged
        QCOMPARE(revalidated.status, 200);
        QCOMPARE(revalidated.body, std::string("cached body"));
        QCOMPARE(revalidated.header("X-Version"), std::string("2"));
        QVERIFY(cache_status_has(revalidated, "fwd=stale"));
        QVERIFY(cache_status_has(revalidated, "fwd-status=304"));
        const auto fresh = get(target); // fresh now, by the 304's max-age
        QVERIFY(is_hit(fresh));
        QCOMPARE(fresh.header("X-Version"), std::string("2"));
        QCOMPARE(upstream() - before, 2u);
    }

    void notModifiedForAnotherRepresentationIsNotRelayed()
    {
        // The origin answers the gateway's If-None-Match: "n1" with a 304
        // that names "n2": it cannot update the entry, and the client, which
        // sent no conditional, must not get a 304.
        const auto target =
            respond_target("/c", "nm-other",
                           {{"Cache-Control: max-age=0", "ETag: \"n1\"", "X-Version: 1"},
                            {"ETag: \"n2\"", "X-Version: 2"}});
        const auto before = upstream();
        const auto first = get(target);
        QCOMPARE(first.status, 200);
        QVERIFY(cache_status_has(first, "stored"));
        const auto second = get(target);
        QCOMPARE(second.status, 200);
        QCOMPARE(second.body, std::string("cached body"));
        QCOMPARE(second.header("ETag"), std::string("\"n1\""));
        QCOMPARE(second.header("X-Version"), std::string("1"));
        QVERIFY(!second.header("Age").empty());
        QVERIFY2(cache_status_has(second, "fwd-status=304"), second.header("Cache-Status").c_str());
        QVERIFY(!is_hit(second));
        QVERIFY(!cache_status_has(second, "stored"));
        // A client's own conditional is still answered from the entry.
        const auto conditional = get(target, {{"If-None-Match", "\"n1\""}});
        QCOMPARE(conditional.status, 304);
        QVERIFY(conditional.body.empty());
        // Not updated: still stale, so each request revalidates.
        QCOMPARE(upstream() - before, 3u);
    }

    void clientConditionalAnsweredFromCache()
    {
        const auto target = respond_target("/c", "cond",
                                           {{"Cache-Control: max-age=60", "ETag: \"c1\"",
                                             "Last-Modified: Mon, 01 Jan 2024 00:00:00 GMT"}});
        const auto before = upstream();
        get(target);
        const auto notModified = get(target, {{"If-None-Match", "W/\"c1\""}});
        QCOMPARE(notModified.status, 304);
        QVERIFY(notModified.body.empty());
        QCOMPARE(notModified.header("ETag"), std::string("\"c1\""));
        QVERIFY(is_hit(notModified));
        const auto other = get(target, {{"If-None-Match", "\"other\""}});
        QCOMPARE(other.status, 200);
        QCOMPARE(other.body, std::string("cached body"));
        const auto since = get(target, {{"If-Modified-Since", "Tue, 02 Jan 2024 00:00:00 GMT"}});
        QCOMPARE(since.status, 304);
        QCOMPARE(upstream() - before, 1u);
    }

    void headServedFromGet()
    {
        const auto target = respond_target("/c", "head", {{"Cache-Control: max-age=60"}});
        const auto before = upstream();
        // A HEAD miss goes upstream and stores nothing.
        const auto headMiss = http_request(m_port, "HEAD", target);
        QCOMPARE(headMiss.status, 200);
        QVERIFY(!is_hit(get(target)));
        http_connection c;
        QVERIFY(c.connect(m_port));
        QVERIFY(c.send("HEAD", target));
        const auto head = c.read(std::chrono::seconds(5), true);
        QCOMPARE(head.status, 200);
        QVERIFY(is_hit(head));
        QVERIFY(head.body.empty());
        QCOMPARE(head.header("Content-Length"), std::string("11"));
        // The connection stays usable: no body bytes were sent after the head.
        QVERIFY(c.send("GET", target));
        const auto after = c.read();
        QCOMPARE(after.body, std::string("cached body"));
        QCOMPARE(upstream() - before, 2u);
    }

    void requestDirectives()
    {
        // Age: 5 from upstream, so every stored copy is at least 5 s old.
        const auto target =
            respond_target("/c", "reqdir", {{"Cache-Control: max-age=60", "Age: 5"}});
        const auto before = upstream();
        get(target);
        QVERIFY(is_hit(get(target)));
        QVERIFY(!is_hit(get(target, {{"Cache-Control", "no-cache"}})));
        QVERIFY(!is_hit(get(target, {{"Cache-Control", "max-age=0"}})));
        QVERIFY(!is_hit(get(target, {{"Cache-Control", "min-fresh=120"}})));
        QVERIFY(is_hit(get(target, {{"Cache-Control", "max-age=30"}})));
        QCOMPARE(upstream() - before, 4u);
        // Unknown directives are ignored; a malformed max-age counts as 0.
        QVERIFY(is_hit(get(target, {{"Cache-Control", "bogus, whatever=1"}})));
        QVERIFY(!is_hit(get(target, {{"Cache-Control", "max-age=\"abc"}})));
        QCOMPARE(get(target, {{"Cache-Control", ",,,=;\""}}).status, 200);
    }

    void maxStaleServesStale()
    {
        const auto target = respond_target("/c", "maxstale", {{"Cache-Control: max-age=0"}});
        const auto before = upstream();
        get(target);
        const auto stale = get(target, {{"Cache-Control", "max-stale=60"}});
        QVERIFY2(is_hit(stale), stale.header("Cache-Status").c_str());
        QCOMPARE(stale.body, std::string("cached body"));
        QCOMPARE(upstream() - before, 1u);
    }

    void onlyIfCached()
    {
        const auto target = respond_target("/c", "oic", {{"Cache-Control: max-age=60"}});
        const auto before = upstream();
        const auto absent = get(target, {{"Cache-Control", "only-if-cached"}});
        QCOMPARE(absent.status, 504);
        QCOMPARE(absent.header("Content-Type"), std::string("application/problem+json"));
        // Not a hit, not forwarded (RFC 9211): why, in Cache-Status.
        QCOMPARE(absent.header("Cache-Status"), std::string("Gatehouse; detail=only-if-cached"));
        QCOMPARE(upstream(), before);
        get(target);
        const auto present = get(target, {{"Cache-Control", "only-if-cached"}});
        QCOMPARE(present.status, 200);
        QVERIFY(is_hit(present));
        QCOMPARE(upstream() - before, 1u);
    }

    void authorization()
    {
        const auto plain = respond_target("/c", "auth", {{"Cache-Control: max-age=60"}});
        const auto before = upstream();
        get(plain, {{"Authorization", "Bearer a"}});
        QVERIFY(!is_hit(get(plain, {{"Authorization", "Bearer a"}})));
        QVERIFY(!is_hit(get(plain)));
        QCOMPARE(upstream() - before, 3u);

        const auto shared =
            respond_target("/c", "auth-public", {{"Cache-Control: public, max-age=60"}});
        QVERIFY(cache_status_has(get(shared, {{"Authorization", "Bearer a"}}), "stored"));
        QVERIFY(is_hit(get(shared, {{"Authorization", "Bearer b"}})));
    }

    void poisoningHeadersAreStripped()
    {
        const auto before = upstream();
        const auto poisoned =
            get("/e/poison?cache_control=max-age%3D60", {{"Host", "shop.example"},
                                                         {"X-Forwarded-Host", "evil.example"},
                                                         {"X-Original-URL", "/admin"},
                                                         {"Forwarded", "host=evil.example"}});
        QCOMPARE(poisoned.status, 200);
        QVERIFY(!QString::fromStdString(poisoned.body).contains(u"evil"));
        QVERIFY(!QString::fromStdString(poisoned.body).contains(u"/admin"));
        const auto innocent =
            get("/e/poison?cache_control=max-age%3D60", {{"Host", "shop.example"}});
        QVERIFY(is_hit(innocent));
        QVERIFY(!QString::fromStdString(innocent.body).contains(u"evil"));
        QCOMPARE(upstream() - before, 1u);
        // The Host is part of the key: another host gets its own entry.
        QVERIFY(!is_hit(get("/e/poison?cache_control=max-age%3D60", {{"Host", "other.example"}})));
    }

    void ignoredQueryParameters()
    {
        const auto before = upstream();
        get("/utm?t=utm&h=Cache-Control%3Amax-age%3D60&body=u&utm_source=a");
        const auto hit = get("/utm?utm_campaign=b&body=u&h=Cache-Control%3Amax-age%3D60&t=utm");
        QVERIFY(is_hit(hit));
        QCOMPARE(upstream() - before, 1u);
    }

    void unsafeMethodsInvalidate_data()
    {
        QTest::addColumn<QString>("method");
        QTest::newRow("POST") << "POST";
        QTest::newRow("PUT") << "PUT";
        QTest::newRow("DELETE") << "DELETE";
        QTest::newRow("PATCH") << "PATCH";
    }

    void unsafeMethodsInvalidate()
    {
        QFETCH(QString, method);
        const auto target =
            respond_target("/c", "inv-" + method.toStdString(), {{"Cache-Control: max-age=60"}});
        get(target);
        QVERIFY(is_hit(get(target)));
        const auto unsafe = http_request(m_port, method.toStdString(), target, {}, "x");
        QCOMPARE(unsafe.status, 200);
        QVERIFY(cache_status_has(unsafe, "fwd=method"));
        QVERIFY(!is_hit(get(target)));
    }

    void locationInvalidates()
    {
        const auto other = respond_target("/c", "loc-other", {{"Cache-Control: max-age=60"}});
        get(other);
        QVERIFY(is_hit(get(other)));
        const std::string location = "Location: http://127.0.0.1" + other;
        QCOMPARE(
            http_request(m_port, "POST", "/c?t=loc-post&h=" + encode(location), {}, "x").status,
            200);
        QVERIFY(!is_hit(get(other)));

        const auto relative = respond_target("/c", "loc-rel", {{"Cache-Control: max-age=60"}});
        get(relative);
        const std::string content_location = "Content-Location: " + relative;
        QCOMPARE(http_request(m_port, "PUT", "/c?t=loc-put&h=" + encode(content_location), {}, "x")
                     .status,
                 200);
        QVERIFY(!is_hit(get(relative)));

        // Another origin's Location is not trusted.
        const auto kept = respond_target("/c", "loc-kept", {{"Cache-Control: max-age=60"}});
        get(kept);
        const std::string foreign = "Content-Location: http://elsewhere.example" + kept;
        QCOMPARE(
            http_request(m_port, "POST", "/c?t=loc-foreign&h=" + encode(foreign), {}, "x").status,
            200);
        QVERIFY(is_hit(get(kept)));
    }

    void postNeverCachedUnlessOptedIn()
    {
        const auto before = upstream();
        for (int i = 0; i < 2; ++i) {
            const auto r = http_request(m_port, "POST", "/post/query", {}, "{\"q\":1}");
            QCOMPARE(r.status, 200);
            QVERIFY(!is_hit(r));
            QVERIFY(cache_status_has(r, "fwd=method"));
        }
        QCOMPARE(upstream() - before, 2u);
    }

    void postCachedByBodyWhenOptedIn()
    {
        const std::string target = "/q/infer?cache_control=max-age%3D60";
        const auto before = upstream();
        const auto first = http_request(m_port, "POST", target, {}, "{\"prompt\":\"a\"}");
        QCOMPARE(first.status, 200);
        QVERIFY2(cache_status_has(first, "stored"), first.header("Cache-Status").c_str());
        const auto again = http_request(m_port, "POST", target, {}, "{\"prompt\":\"a\"}");
        QVERIFY(is_hit(again));
        QCOMPARE(again.body, first.body);
        QVERIFY(again.body.find("prompt") != std::string::npos);
        const auto other = http_request(m_port, "POST", target, {}, "{\"prompt\":\"b\"}");
        QVERIFY(!is_hit(other));
        QVERIFY(other.body.find("\\\"b\\\"") != std::string::npos);
        // A GET of the same URL is another resource as far as the key goes.
        QVERIFY(!is_hit(get(target)));
        // Waiting for 100 Continue still works when the body is read first.
        http_connection c;
        QVERIFY(c.connect(m_port));
        QVERIFY(c.send("POST", target, {{"Expect", "100-continue"}}, "{\"prompt\":\"a\"}"));
        QCOMPARE(c.read().status, 100);
        const auto expect = c.read();
        QCOMPARE(expect.status, 200);
        QVERIFY(is_hit(expect));
        // A chunked body cannot be keyed up front: forwarded, not cached.
        QVERIFY(c.send_raw("POST " + target +
                           " HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                           "Transfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n0\r\n\r\n"));
        const auto chunked = c.read();
        QCOMPARE(chunked.status, 200);
        QVERIFY(cache_status_has(chunked, "fwd=method"));
        QCOMPARE(upstream() - before, 4u);
    }

    void extensionMethodForwardedUntouched()
    {
        const auto r = http_request(m_port, "FROB", "/e/ext", {{"X-Thing", "1"}}, "payload");
        QCOMPARE(r.status, 200);
        const auto echo = QJsonDocument::fromJson(QByteArray::fromStdString(r.body)).object();
        QCOMPARE(echo.value(u"method").toString(), QStringLiteral("FROB"));
        QCOMPARE(echo.value(u"body").toString(), QStringLiteral("payload"));
        QVERIFY(cache_status_has(r, "fwd=method"));
        const auto options = http_request(m_port, "OPTIONS", "/e/ext");
        QVERIFY(cache_status_has(options, "fwd=method"));
    }

    void objectsOverTheLimitAreStreamedNotStored()
    {
        const auto before = upstream();
        const std::string target = "/small?t=big&size=8192&h=Cache-Control%3Amax-age%3D60";
        const auto first = get(target);
        QCOMPARE(first.body.size(), std::size_t(8192));
        QVERIFY(!cache_status_has(first, "stored"));
        const auto second = get(target);
        QCOMPARE(second.body.size(), std::size_t(8192));
        QVERIFY(!is_hit(second));
        const std::string fits = "/small?t=fits&size=4000&h=Cache-Control%3Amax-age%3D60";
        get(fits);
        QVERIFY(is_hit(get(fits)));
        QCOMPARE(upstream() - before, 3u);
    }

    // A stored object larger than the socket buffers, to a client that only
    // starts reading after a pause: the gateway's first write takes what
    // the socket does, the rest goes out as the client reads. Byte for byte
    // (the origin's body repeats "0123456789abcdef").
    void largeHitToAClientThatWaits()
    {
        const std::string target = "/c?t=large&size=8000000&h=Cache-Control%3Amax-age%3D60";
        QCOMPARE(get(target).status, 200); // stored
        test::http_connection connection;
        QVERIFY(connection.connect(m_port));
        QVERIFY(connection.send("GET", target));
        QTest::qWait(300);
        const auto hit = connection.read(std::chrono::seconds(20));
        QCOMPARE(hit.status, 200);
        QVERIFY2(is_hit(hit), hit.header("Cache-Status").c_str());
        QCOMPARE(hit.body.size(), std::size_t(8000000));
        static constexpr std::string_view digits = "0123456789abcdef";
        for (std::size_t i = 0; i < hit.body.size(); ++i) {
            if (hit.body[i] != digits[i % 16])
                QFAIL(qPrintable(QStringLiteral("byte %1 differs").arg(i)));
        }
        // The connection carries the next request.
        QVERIFY(connection.send("GET", target));
        QVERIFY(is_hit(connection.read()));
    }

    // Ranges of a large stored body (kept in a file and sent with
    // sendfile) are cut at the right offsets.
    void rangeOfLargeStoredBody()
    {
        const std::string target = "/c?t=ranged-large&size=300000&h=Cache-Control%3Amax-age%3D60";
        const auto before = upstream();
        const auto whole = get(target);
        QCOMPARE(whole.status, 200);
        QCOMPARE(whole.body.size(), std::size_t(300000));
        static constexpr std::string_view digits = "0123456789abcdef";
        const auto expected = [](std::size_t first, std::size_t length) {
            std::string out;
            for (std::size_t i = first; i < first + length; ++i)
                out += digits[i % 16];
            return out;
        };
        QVERIFY(whole.body == expected(0, 300000));
        for (const auto& [range, first, length] :
             {std::tuple{"bytes=70001-70010", 70001u, 10u}, std::tuple{"bytes=-5", 299995u, 5u},
              std::tuple{"bytes=123456-", 123456u, 176544u}}) {
            const auto part = get(target, {{"Range", range}});
            QCOMPARE(part.status, 206);
            QVERIFY2(is_hit(part), part.header("Cache-Status").c_str());
            QCOMPARE(part.header("Content-Length"), std::to_string(length));
            QVERIFY2(part.body == expected(first, length), range);
        }
        QCOMPARE(upstream() - before, 1u);
    }

    // A client that goes away in the middle of a large hit costs its own
    // connection only: the gateway (and this process: sendfile on a reset
    // connection raises SIGPIPE unless the worker blocks it) goes on serving.
    void clientGoneDuringLargeHit()
    {
        const std::string target = "/c?t=gone&size=8000000&h=Cache-Control%3Amax-age%3D60";
        QCOMPARE(get(target).status, 200); // stored
        for (int round = 0; round < 3; ++round) {
            const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
            QVERIFY(fd >= 0);
            sockaddr_in addr{};
            addr.sin_family = AF_INET;
            addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
            addr.sin_port = htons(m_port);
            QCOMPARE(::connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr), 0);
            const std::string request = "GET " + target + " HTTP/1.1\r\nHost: t\r\n\r\n";
            QCOMPARE(::send(fd, request.data(), request.size(), MSG_NOSIGNAL),
                     ssize_t(request.size()));
            char buffer[4096];
            QVERIFY(::recv(fd, buffer, sizeof buffer, 0) > 0); // the hit has started
            linger reset{1, 0};                                // close with RST
            ::setsockopt(fd, SOL_SOCKET, SO_LINGER, &reset, sizeof reset);
            ::close(fd);
        }
        const auto after = get(target);
        QCOMPARE(after.status, 200);
        QVERIFY(is_hit(after));
        QCOMPARE(after.body.size(), std::size_t(8000000));
    }

    void routeWithoutCachingSaysBypass()
    {
        const auto target = respond_target(
            "/p", "plain", {{"Cache-Control: max-age=60", "CDN-Cache-Control: max-age=60"}});
        const auto before = upstream();
        const auto first = get(target);
        QCOMPARE(first.header("Cache-Status"), std::string("Gatehouse; fwd=bypass"));
        QVERIFY(!first.has_header("CDN-Cache-Control"));
        QVERIFY(!is_hit(get(target)));
        QCOMPARE(upstream() - before, 2u);
    }

    void callRecordsCarryCacheStatus()
    {
        const auto target = respond_target("/c", "records", {{"Cache-Control: max-age=60"}});
        const auto miss = get(target);
        const auto hit = get(target);
        std::map<std::string, gateway::cache_status> byId;
        std::vector<gateway::call_record> records;
        QTRY_VERIFY_WITH_TIMEOUT((m_gateway.drain_call_records(records),
                                  std::any_of(records.begin(), records.end(),
                                              [&](const auto& r) {
                                                  return r.request_id.view() ==
                                                         hit.header("X-Request-Id");
                                              })),
                                 3000);
        for (const auto& r : records)
            byId[std::string(r.request_id.view())] = r.cache;
        QCOMPARE(byId.at(miss.header("X-Request-Id")), gateway::cache_status::miss);
        QCOMPARE(byId.at(hit.header("X-Request-Id")), gateway::cache_status::hit);
    }

    void badPolicyIsRejected()
    {
        gateway::config_snapshot config;
        config.upstreams.push_back(make_upstream("origin", {m_origin.port()}));
        auto policy = enabled_policy();
        policy.default_ttl = std::chrono::seconds(-1);
        policy.cacheable_statuses = {200, 304, 700};
        policy.max_object_bytes = 0;
        policy.ignored_query_params = {""};
        config.routes.push_back(cached_route("bad", "/bad", "origin", "/respond", policy));
        const auto errors = QString::fromStdString(m_gateway.apply(config));
        QVERIFY(errors.contains(u"default_ttl"));
        QVERIFY(errors.contains(u"status 304"));
        QVERIFY(errors.contains(u"status 700"));
        QVERIFY(errors.contains(u"max_object_size"));
        QVERIFY(errors.contains(u"ignore_query_params"));
        // The running configuration stays.
        QCOMPARE(get(respond_target("/c", "still")).status, 200);
    }
};

QTEST_APPLESS_MAIN(TestCacheProxy)
#include "tst_cache_proxy.moc"
