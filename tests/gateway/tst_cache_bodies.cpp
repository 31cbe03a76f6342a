// SPDX-FileCopyrightText: Gatehouse contributors
// SPDX-License-Identifier: Apache-2.0
//
// Random reads of cached bodies, checked byte for byte. Objects of random
// sizes (empty to 2 MiB, so some are kept in memory and some in sealed
// files sent with sendfile) come from an origin that frames each by
// length, chunked or by closing; four clients read them on keep-alive
// connections, whole, by byte range (first-last, open-ended, suffix, and
// unsatisfiable, with an If-Range that holds or not), as HEAD and with a
// matching If-None-Match, while the
// cache's budget (4 MiB) keeps evicting and purges of single objects run.
// Every answer must be what the object says: the whole body, the exact
// slice with its Content-Range, a 416 naming the length, a HEAD's length,
// a 304 for the ETag sent. Over HTTP and HTTPS (where stored files are sent
// from memory). Seeded (GATEHOUSE_TEST_SEED); bounded in requests and time.
#include "cache_fixture.h"
#include "gateway_fixture.h"
#include "test_certificate.h"
#include "tests/support/seeded_run.h"
#include "tests/support/test_http.h"
#include "threaded_origin.h"

#include <boost/asio/ssl.hpp>
#include <boost/asio/write.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/http/empty_body.hpp>
#include <boost/beast/http/read.hpp>
#include <boost/beast/http/string_body.hpp>
#include <boost/beast/http/write.hpp>

#include <QtTest/QTest>

#include <atomic>
#include <charconv>
#include <cstdint>
#include <cstdlib>
#include <mutex>
#include <optional>
#include <random>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

using namespace gatehouse;
using namespace gatehouse::test;
using namespace std::chrono_literals;
namespace asio = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;
namespace ssl = asio::ssl;
using tcp = asio::ip::tcp;

namespace {

constexpr int object_count = 24;

enum class framing : unsigned { length, chunked, close };

struct object {
    std::size_t size = 0;
    framing frame = framing::length;
    std::string etag() const
    {
        return "\"" + std::to_string(size) + "-" + std::to_string(unsigned(frame)) + "\"";
    }
};

std::string content(int n, std::size_t size)
{
    std::string out(size, '\0');
    for (std::size_t i = 0; i < size; ++i)
        out[i] = static_cast<char>((i * 193 + std::size_t(n) * 11 + 5) % 253);
    return out;
}

std::vector<object> make_objects(std::mt19937& rng)
{
    std::vector<object> objects(object_count);
    for (auto& o : objects) {
        switch (std::uniform_int_distribution<int>(0, 9)(rng)) {
        case 0:
            o.size = 0;
            break;
        case 1:
        case 2:
            o.size = std::uniform_int_distribution<std::size_t>(1, 16 * 1024 - 1)(rng);
            break;
        case 3:
            o.size = 16 * 1024; // the smallest kept in a file
            break;
        default:
            o.size = std::uniform_int_distribution<std::size_t>(16 * 1024, 2 * 1024 * 1024)(rng);
        }
        const int f = std::uniform_int_distribution<int>(0, 9)(rng);
        o.frame = f < 6 ? framing::length : f < 9 ? framing::chunked : framing::close;
    }
    return objects;
}

// The origin: /o/N?size=S&framing=F, cacheable for a minute, with an ETag;
// answers a matching If-None-Match with 304 and never looks at Range.
class object_origin {
public:
    object_origin()
        : origin_([this](threaded_origin::socket& s) { serve(s); })
    {
    }
    std::uint16_t port() const { return origin_.port(); }
    int requests() const { return requests_.load(); }

private:
    void serve(threaded_origin::socket& s)
    {
        beast::flat_buffer buffer;
        for (;;) {
            http::request_parser<http::string_body> parser;
            boost::system::error_code ec;
            http::read(s, buffer, parser, ec);
            if (ec)
                return;
            ++requests_;
            const auto& req = parser.get();
            const std::string_view target(req.target().data(), req.target().size());
            const int n = int(query_number(target, "n"));
            object o;
            o.size = query_number(target, "size");
            o.frame = static_cast<framing>(query_number(target, "framing"));
            std::string head = "HTTP/1.1 200 OK\r\n";
            const auto inm = req[http::field::if_none_match];
            const bool not_modified = std::string_view(inm.data(), inm.size()) == o.etag();
            if (not_modified)
                head = "HTTP/1.1 304 Not Modified\r\n";
            head += "Cache-Control: max-age=60\r\nETag: " + o.etag() + "\r\n";
            const bool no_body = not_modified || req.method() == http::verb::head;
            std::string body = no_body ? std::string() : content(n, o.size);
            if (o.frame == framing::length && !not_modified) {
                head += "Content-Length: " + std::to_string(o.size) + "\r\n\r\n";
            } else if (o.frame == framing::chunked && !no_body) {
                head += "Transfer-Encoding: chunked\r\n\r\n";
                std::string coded;
                for (std::size_t at = 0; at < body.size(); at += 100000) {
                    const std::size_t len = std::min<std::size_t>(100000, body.size() - at);
                    char size[20];
                    const auto end = std::to_chars(size, size + sizeof size, len, 16).ptr;
                    coded.append(size, end).append("\r\n").append(body, at, len).append("\r\n");
                }
                body = coded + "0\r\n\r\n";
            } else if (o.frame == framing::close && !no_body) {
                head += "Connection: close\r\n\r\n";
            } else {
                head += "\r\n";
            }
            asio::write(s, asio::buffer(head + body), ec);
            if (ec || (o.frame == framing::close && !no_body)) {
                s.shutdown(tcp::socket::shutdown_send, ec);
                return;
            }
        }
    }

    std::atomic<int> requests_{0};
    threaded_origin origin_; // last: its threads use the members above
};

enum class ask {
    whole,
    range,
    suffix,
    open_range,
    unsatisfiable,
    head,
    if_none_match,
    if_range_current, // a range with If-Range naming the object's ETag
    if_range_other,   // ... naming another: the whole body
};

struct request_plan {
    int n = 0;
    ask what = ask::whole;
    std::size_t first = 0, last = 0; // range: first-last; open_range: first-; suffix: -last
};

std::string target_of(int n, const object& o)
{
    return "/o/" + std::to_string(n) + "?n=" + std::to_string(n) +
           "&size=" + std::to_string(o.size) + "&framing=" + std::to_string(unsigned(o.frame));
}

// What a client connection sees of the gateway.
class client {
public:
    client(std::uint16_t port, bool tls)
        : context_(ssl::context::tls_client)
        , port_(port)
        , tls_(tls)
    {
        context_.set_verify_mode(ssl::verify_none); // the certificate is not the point here
    }

    // A new connection; empty on success.
    std::string connect()
    {
        buffer_.clear();
        stream_.emplace(ioc_, context_);
        boost::system::error_code ec;
        stream_->next_layer().connect({asio::ip::address_v4::loopback(), port_}, ec);
        if (!ec && tls_)
            stream_->handshake(ssl::stream_base::client, ec);
        return ec ? "connect: " + ec.message() : std::string();
    }

    // One exchange; `ec` says how it failed.
    http::response<http::string_body> exchange(http::request<http::empty_body>& req,
                                               boost::system::error_code& ec)
    {
        http::response_parser<http::string_body> parser;
        parser.body_limit(boost::none);
        parser.skip(req.method() == http::verb::head);
        if (tls_) {
            http::write(*stream_, req, ec);
            if (!ec)
                http::read(*stream_, buffer_, parser, ec);
        } else {
            http::write(stream_->next_layer(), req, ec);
            if (!ec)
                http::read(stream_->next_layer(), buffer_, parser, ec);
        }
        return parser.release();
    }

private:
    asio::io_context ioc_;
    ssl::context context_;
    std::optional<ssl::stream<tcp::socket>> stream_;
    beast::flat_buffer buffer_;
    std::uint16_t port_;
    bool tls_;
};

request_plan plan_request(std::mt19937& rng, const std::vector<object>& objects)
{
    request_plan p;
    // A few objects are read more than others, as in any cache.
    p.n = std::uniform_int_distribution<int>(0, 2)(rng) == 0
              ? std::uniform_int_distribution<int>(0, 3)(rng)
              : std::uniform_int_distribution<int>(0, object_count - 1)(rng);
    const std::size_t size = objects[std::size_t(p.n)].size;
    const int kind = std::uniform_int_distribution<int>(0, 21)(rng);
    if (kind < 8 || size == 0) {
        p.what = kind == 17                 ? ask::head
                 : kind == 18 || kind == 19 ? ask::if_none_match
                                            : ask::whole;
        return p;
    }
    if (kind < 12) {
        p.what = ask::range;
        p.first = std::uniform_int_distribution<std::size_t>(0, size - 1)(rng);
        p.last = std::uniform_int_distribution<std::size_t>(p.first, size + 100)(rng);
    } else if (kind < 14) {
        p.what = ask::open_range;
        p.first = std::uniform_int_distribution<std::size_t>(0, size - 1)(rng);
    } else if (kind < 16) {
        p.what = ask::suffix;
        p.last = std::uniform_int_distribution<std::size_t>(1, size + 100)(rng);
    } else if (kind < 17) {
        p.what = ask::unsatisfiable;
        p.first = size + std::uniform_int_distribution<std::size_t>(0, 1000)(rng);
    } else if (kind < 18) {
        p.what = ask::head;
    } else if (kind < 20) {
        p.what = ask::if_none_match;
    } else {
        p.what = kind == 20 ? ask::if_range_current : ask::if_range_other;
        p.first = std::uniform_int_distribution<std::size_t>(0, size - 1)(rng);
        p.last = std::uniform_int_distribution<std::size_t>(p.first, size - 1)(rng);
    }
    return p;
}

// Checks one answer against the object; empty when it is right.
std::string check(const request_plan& p, const object& o,
                  const http::response<http::string_body>& res)
{
    const std::string body = content(p.n, o.size);
    const int status = res.result_int();
    const auto header = [&](http::field f) {
        const auto v = res[f];
        return std::string(v.data(), v.size());
    };
    const std::string where = "object " + std::to_string(p.n) + " (" + std::to_string(o.size) +
                              " bytes, framing " + std::to_string(unsigned(o.frame)) + "), ";
    const auto whole = [&]() -> std::string {
        if (status != 200)
            return where + "status " + std::to_string(status) + " for the whole body";
        if (res.body() != body)
            return where + std::to_string(res.body().size()) + " bytes instead of the body";
        return {};
    };
    const auto slice = [&](std::size_t first, std::size_t last) -> std::string {
        // A server may answer a range with the whole body (RFC 9110 §14.2).
        if (status == 200)
            return whole();
        if (status != 206)
            return where + "status " + std::to_string(status) + " for a satisfiable range";
        const std::string expected_range = "bytes " + std::to_string(first) + "-" +
                                           std::to_string(last) + "/" + std::to_string(o.size);
        if (header(http::field::content_range) != expected_range)
            return where + "Content-Range " + header(http::field::content_range) + ", expected " +
                   expected_range;
        if (res.body() != body.substr(first, last - first + 1))
            return where + "the slice " + expected_range + " differs";
        return {};
    };
    switch (p.what) {
    case ask::whole:
        return whole();
    case ask::range:
        return slice(p.first, std::min(p.last, o.size - 1));
    case ask::open_range:
        return slice(p.first, o.size - 1);
    case ask::suffix:
        return slice(o.size - std::min(p.last, o.size), o.size - 1);
    case ask::unsatisfiable:
        if (status == 200)
            return whole();
        if (status != 416)
            return where + "status " + std::to_string(status) + " for an unsatisfiable range";
        if (header(http::field::content_range) != "bytes */" + std::to_string(o.size))
            return where + "416 with Content-Range " + header(http::field::content_range);
        return {};
    case ask::head:
        if (status != 200)
            return where + "status " + std::to_string(status) + " for HEAD";
        if (const auto length = header(http::field::content_length);
            !length.empty() && length != std::to_string(o.size))
            return where + "HEAD says Content-Length " + length;
        return {};
    case ask::if_none_match:
        if (status == 304)
            return header(http::field::etag) == o.etag() ? std::string()
                                                         : where + "304 with another ETag";
        return whole();
    case ask::if_range_current:
        return slice(p.first, p.last);
    case ask::if_range_other:
        return whole(); // the range is ignored (RFC 9110 §13.1.5)
    }
    return {};
}

http::request<http::empty_body> request_for(const request_plan& p, const object& o)
{
    http::request<http::empty_body> req(p.what == ask::head ? http::verb::head : http::verb::get,
                                        target_of(p.n, o), 11);
    req.set(http::field::host, "127.0.0.1");
    switch (p.what) {
    case ask::range:
        req.set(http::field::range,
                "bytes=" + std::to_string(p.first) + "-" + std::to_string(p.last));
        break;
    case ask::open_range:
    case ask::unsatisfiable:
        req.set(http::field::range, "bytes=" + std::to_string(p.first) + "-");
        break;
    case ask::suffix:
        req.set(http::field::range, "bytes=-" + std::to_string(p.last));
        break;
    case ask::if_none_match:
        req.set(http::field::if_none_match, o.etag());
        break;
    case ask::if_range_current:
    case ask::if_range_other:
        req.set(http::field::range,
                "bytes=" + std::to_string(p.first) + "-" + std::to_string(p.last));
        req.set(http::field::if_range, p.what == ask::if_range_current ? o.etag() : "\"other\"");
        break;
    default:
        break;
    }
    return req;
}

} // namespace

class TestCacheBodies : public QObject {
    Q_OBJECT

    temporary_certificate m_certificate;

private slots:
    void randomReadsGetExactBodies_data();
    void randomReadsGetExactBodies();
};

void TestCacheBodies::randomReadsGetExactBodies_data()
{
    QTest::addColumn<bool>("tls");
    QTest::newRow("http") << false;
    QTest::newRow("https") << true;
}

void TestCacheBodies::randomReadsGetExactBodies()
{
    QFETCH(bool, tls);
    const unsigned seed = run_seed(20261204);
    std::mt19937 setup(seed);
    const auto objects = make_objects(setup);

    object_origin origin;
    gateway::config_snapshot config;
    config.upstreams.push_back(make_upstream("origin", {origin.port()}));
    config.routes.push_back(cached_route("objects", "/o", "origin", ""));
    gateway::gateway_server gw;
    QCOMPARE(QString::fromStdString(gw.apply(config)), QString());
    auto options = test_options();
    options.cache_budget_bytes = 4 * 1024 * 1024; // about half of the objects: evictions
    if (tls) {
        QCOMPARE(QString::fromStdString(m_certificate.error), QString());
        options.tls_certificate_file = m_certificate.cert;
        options.tls_key_file = m_certificate.key;
    }
    QCOMPARE(QString::fromStdString(gw.start(options)), QString());

    constexpr int clients = 4;
    constexpr int requests_each = 150;
    failure_log failures;
    std::atomic<int> done{0};
    std::atomic<int> partial{0}, unsatisfiable{0}, not_modified{0};
    run_clients(seed, clients, [&](std::mt19937& rng, int c) {
        client conn(gw.port(), tls);
        std::string failure = conn.connect();
        for (int i = 0; i < requests_each && failure.empty(); ++i) {
            const auto p = plan_request(rng, objects);
            const auto& o = objects[std::size_t(p.n)];
            auto req = request_for(p, o);
            boost::system::error_code ec;
            const auto res = conn.exchange(req, ec);
            if (ec) {
                failure = "request " + std::to_string(i) + " for object " + std::to_string(p.n) +
                          ": " + ec.message();
                break;
            }
            failure = check(p, o, res);
            partial += res.result_int() == 206;
            unsatisfiable += res.result_int() == 416;
            not_modified += res.result_int() == 304;
            if (failure.empty() && !res.keep_alive())
                failure = conn.connect();
            // Now and then one object is purged, as an admin would.
            if (failure.empty() && std::uniform_int_distribution<int>(0, 49)(rng) == 0)
                gw.purge_cache_url("http://127.0.0.1" + target_of(p.n, o));
            ++done;
        }
        if (!failure.empty())
            failures.add("client " + std::to_string(c) + ": " + failure);
    });
    const auto stats = gw.cache_stats().total;
    qInfo("%d answers checked (%d partial, %d unsatisfiable, %d not modified); %d upstream "
          "requests; %llu hits, %llu stores, %llu evictions",
          done.load(), partial.load(), unsatisfiable.load(), not_modified.load(), origin.requests(),
          static_cast<unsigned long long>(stats.hits),
          static_cast<unsigned long long>(stats.stores),
          static_cast<unsigned long long>(stats.evictions));
    const auto failed = failures.all();
    for (const auto& f : failed)
        qWarning("%s", f.c_str());
    QVERIFY2(failed.empty(), (std::to_string(failed.size()) + " clients failed").c_str());
    QVERIFY(stats.hits > 0);
    QVERIFY(stats.evictions > 0);
    // Not every answer may be the whole body: ranges, 416s and 304s came.
    QVERIFY(partial > 0 && unsatisfiable > 0 && not_modified > 0);
    gw.stop(500ms);
}

QTEST_GUILESS_MAIN(TestCacheBodies)
#include "tst_cache_bodies.moc"
