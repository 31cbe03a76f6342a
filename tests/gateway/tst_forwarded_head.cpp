// SPDX-FileCopyrightText: Gatehouse contributors
// SPDX-License-Identifier: Apache-2.0
// The heads the gateway writes for a proxied exchange, checked by parsing
// them back as the next hop would. An upstream response read into the
// relay's flat head goes out exactly as one read into Beast's header does.
#include "gateway/forwarded_head.hpp"
#include "gateway/message_head.hpp"
#include "gateway/response_head.hpp"

#include <boost/beast/http/empty_body.hpp>
#include <boost/beast/http/parser.hpp>

#include <QtTest/QTest>

#include <cctype>
#include <string>
#include <vector>

using namespace gatehouse::gateway;
namespace http = boost::beast::http;

namespace {

template <bool isRequest>
http::message<isRequest, http::empty_body> parse_head(const std::string& wire)
{
    http::parser<isRequest, http::empty_body> parser;
    parser.eager(false);
    boost::system::error_code ec;
    const std::size_t used = parser.put(boost::asio::buffer(wire), ec);
    if (ec && ec != http::error::need_more)
        qFatal("the head does not parse: %s\n%s", ec.message().c_str(), wire.c_str());
    // The whole head, and nothing after it.
    if (used != wire.size() || !parser.is_header_done())
        qFatal("the head is incomplete or has trailing bytes:\n%s", wire.c_str());
    return parser.release();
}

// Every value of `name`, in order, joined as a list.
template <class Message>
std::string values(const Message& m, std::string_view name)
{
    std::string out;
    for (const auto& f : m) {
        if (!boost::beast::iequals(f.name_string(), name))
            continue;
        if (!out.empty())
            out += ", ";
        out += f.value();
    }
    return out;
}

template <class Message>
std::size_t count(const Message& m, std::string_view name)
{
    std::size_t n = 0;
    for (const auto& f : m)
        n += boost::beast::iequals(f.name_string(), name) ? 1 : 0;
    return n;
}

http::request_header<> client_request()
{
    http::request_header<> req;
    req.method(http::verb::post);
    req.target("/shop/items?x=1");
    req.version(11);
    req.insert(http::field::host, "api.example.com");
    req.insert("X-Forwarded-For", "203.0.113.9");
    req.insert("X-Forwarded-For", "198.51.100.7");
    req.insert(http::field::via, "1.0 edge");
    req.insert("X-Forwarded-Host", "evil.example");
    req.insert("X-Forwarded-Proto", "https");
    req.insert("X-Request-Id", "client-chosen");
    req.insert(http::field::connection, "keep-alive, X-Secret , close");
    req.insert("X-Secret", "hop");
    req.insert(http::field::keep_alive, "timeout=5");
    req.insert(http::field::te, "trailers");
    req.insert(http::field::upgrade, "h2c");
    req.insert(http::field::proxy_authorization, "Basic eA==");
    req.insert(http::field::expect, "100-continue");
    req.insert(http::field::content_type, "application/json");
    req.insert(http::field::transfer_encoding, "chunked");
    req.insert("X-Custom", "kept");
    return req;
}

// A response head parsed by the relay's parser and by Beast's (the flat one
// views `wire`, which must outlive it).
struct both_heads {
    response_head flat;
    http::response_header<> beast;
};

void parse_both(const std::string& wire, both_heads& out)
{
    response_head_parser flat_parser(out.flat);
    flat_parser.eager(false);
    http::response_parser<http::empty_body> beast_parser;
    beast_parser.eager(false);
    boost::system::error_code ec;
    flat_parser.put_received(boost::asio::buffer(wire), ec);
    if (ec || !flat_parser.is_header_done())
        qFatal("the relay's parser rejects the head: %s", ec.message().c_str());
    beast_parser.put(boost::asio::buffer(wire), ec);
    if (ec || !beast_parser.is_header_done())
        qFatal("Beast's parser rejects the head: %s", ec.message().c_str());
    out.beast = beast_parser.release().base();
}

// The fields of two heads, in order, as "Name: value" lines.
template <class Head>
std::vector<std::string> field_lines(const Head& head)
{
    std::vector<std::string> lines;
    for (const auto& f : head) {
        const std::string_view name = f.name_string();
        const std::string_view value = f.value();
        lines.push_back(std::string(name) + ": " + std::string(value) + " #" +
                        std::to_string(static_cast<int>(f.name())));
    }
    return lines;
}

// The same lines with the fields of one name together, as Beast's header
// lists them: field lines of one name keep their order (RFC 9110 §5.3),
// those of different names may change places.
std::vector<std::string> grouped(std::vector<std::string> lines)
{
    auto name = [](const std::string& line) {
        std::string n = line.substr(0, line.find(':'));
        for (auto& c : n)
            c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        return n;
    };
    std::vector<std::string> out;
    std::vector<bool> taken(lines.size());
    for (std::size_t i = 0; i < lines.size(); ++i) {
        if (taken[i])
            continue;
        for (std::size_t j = i; j < lines.size(); ++j)
            if (!taken[j] && name(lines[j]) == name(lines[i])) {
                out.push_back(lines[j]);
                taken[j] = true;
            }
    }
    return out;
}

} // namespace

class TestForwardedHead : public QObject {
    Q_OBJECT

private slots:
    void requestIsRewrittenForTheUpstream()
    {
        std::string wire;
        serialize_forwarded_request(client_request(),
                                    {.target = "/v2/items?x=1",
                                     .host = "origin.internal:8081",
                                     .client_ip = "127.0.0.1",
                                     .via = "1.1 gatehouse",
                                     .request_id = "0123abcd"},
                                    wire);
        const auto req = parse_head<true>(wire);
        QCOMPARE(req.method(), http::verb::post);
        QCOMPARE(std::string(req.target()), std::string("/v2/items?x=1"));
        QCOMPARE(req.version(), 11u);
        QCOMPARE(values(req, "Host"), std::string("origin.internal:8081"));
        QCOMPARE(values(req, "X-Forwarded-For"),
                 std::string("203.0.113.9, 198.51.100.7, 127.0.0.1"));
        QCOMPARE(count(req, "X-Forwarded-For"), std::size_t(1));
        QCOMPARE(values(req, "X-Forwarded-Proto"), std::string("http"));
        QCOMPARE(values(req, "X-Forwarded-Host"), std::string("api.example.com"));
        QCOMPARE(values(req, "Via"), std::string("1.0 edge, 1.1 gatehouse"));
        QCOMPARE(values(req, "X-Request-Id"), std::string("0123abcd"));
        // Hop-by-hop, Connection-named and Expect are gone; the rest stays.
        for (const char* gone : {"Connection", "X-Secret", "Keep-Alive", "TE", "Upgrade",
                                 "Proxy-Authorization", "Expect"})
            QVERIFY2(count(req, gone) == 0, gone);
        QCOMPARE(values(req, "Content-Type"), std::string("application/json"));
        QCOMPARE(values(req, "X-Custom"), std::string("kept"));
        QVERIFY(req.chunked()); // the body's framing is the session's business
    }

    void preservedHostAndNoClientHost()
    {
        std::string wire;
        serialize_forwarded_request(client_request(),
                                    {.target = "/",
                                     .host = {},
                                     .client_ip = "127.0.0.1",
                                     .via = "1.1 gatehouse",
                                     .request_id = "id"},
                                    wire);
        QCOMPARE(values(parse_head<true>(wire), "Host"), std::string("api.example.com"));

        // An HTTP/1.0 client without Host: its X-Forwarded-Host is not
        // passed on; the host a trusted proxy reports is (the session
        // reads it, client_session::believe_forwarding_fields).
        http::request_header<> old;
        old.method(http::verb::get);
        old.target("/");
        old.version(10);
        old.insert("X-Forwarded-Host", "front.example");
        serialize_forwarded_request(old,
                                    {.target = "/",
                                     .host = "origin",
                                     .client_ip = {},
                                     .via = "1.0 gatehouse",
                                     .request_id = "id"},
                                    wire);
        const auto req = parse_head<true>(wire);
        QCOMPARE(req.version(), 11u); // upstream connections are HTTP/1.1
        QCOMPARE(count(req, "X-Forwarded-Host"), std::size_t(0));
        QCOMPARE(count(req, "X-Forwarded-For"), std::size_t(0)); // no address known
        QCOMPARE(values(req, "Via"), std::string("1.0 gatehouse"));
        serialize_forwarded_request(old,
                                    {.target = "/",
                                     .host = "origin",
                                     .client_ip = {},
                                     .via = "1.0 gatehouse",
                                     .request_id = "id",
                                     .forwarded_host = "front.example"},
                                    wire);
        QCOMPARE(values(parse_head<true>(wire), "X-Forwarded-Host"), std::string("front.example"));
        QCOMPARE(count(parse_head<true>(wire), "X-Forwarded-Host"), std::size_t(1));
        // With a Host too, the reported host stands for it.
        serialize_forwarded_request(client_request(),
                                    {.target = "/",
                                     .host = "origin",
                                     .client_ip = {},
                                     .via = "1.1 gatehouse",
                                     .request_id = "id",
                                     .forwarded_host = "front.example"},
                                    wire);
        QCOMPARE(values(parse_head<true>(wire), "X-Forwarded-Host"), std::string("front.example"));
    }

    // X-Forwarded-Prefix names the part of the path the route took off; a
    // client's own is dropped unless it is a trusted proxy, whose prefix
    // then goes first.
    void forwardedPrefix_data()
    {
        QTest::addColumn<QString>("sent");
        QTest::addColumn<QString>("removed");
        QTest::addColumn<bool>("trusted");
        QTest::addColumn<QString>("expected"); // "": no field
        QTest::newRow("route's") << QString() << "/shop" << false << "/shop";
        QTest::newRow("none") << QString() << QString() << false << QString();
        QTest::newRow("client's dropped") << "//evil.example" << QString() << false << QString();
        QTest::newRow("client's replaced") << "/x"
                                           << "/shop" << false << "/shop";
        QTest::newRow("trusted alone") << "/public" << QString() << true << "/public";
        QTest::newRow("trusted first") << "/public/"
                                       << "/shop" << true << "/public/shop";
        QTest::newRow("trusted root") << "/"
                                      << "/shop" << true << "/shop";
    }
    void forwardedPrefix()
    {
        QFETCH(QString, sent);
        QFETCH(QString, removed);
        QFETCH(bool, trusted);
        QFETCH(QString, expected);
        http::request_header<> req;
        req.method(http::verb::get);
        req.target("/shop/items");
        req.set(http::field::host, "api.example.com");
        if (!sent.isNull())
            req.insert("X-Forwarded-Prefix", sent.toStdString());
        const std::string removed_prefix = removed.toStdString();
        std::string wire;
        serialize_forwarded_request(req,
                                    {.target = "/items",
                                     .host = "origin",
                                     .client_ip = "127.0.0.1",
                                     .via = "1.1 gatehouse",
                                     .request_id = "id",
                                     .removed_prefix = removed_prefix,
                                     .trusted_peer = trusted},
                                    wire);
        const auto out = parse_head<true>(wire);
        QCOMPARE(count(out, "X-Forwarded-Prefix"), std::size_t(expected.isEmpty() ? 0 : 1));
        QCOMPARE(QString::fromStdString(values(out, "X-Forwarded-Prefix")), expected);
    }

    void responseIsRewrittenForTheClient()
    {
        http::response_header<> res;
        res.version(11);
        res.result(http::status::ok);
        res.reason("Fine");
        res.insert(http::field::content_type, "text/plain");
        res.insert(http::field::connection, "X-Internal");
        res.insert("X-Internal", "secret");
        res.insert(http::field::via, "1.1 origin-cache");
        res.insert("Cache-Status", "OriginCache; hit");
        res.insert("CDN-Cache-Control", "max-age=60");
        res.insert("Gatehouse-Cache-Control", "max-age=60");
        res.insert(http::field::transfer_encoding, "chunked");
        res.insert(http::field::trailer, "X-Checksum");

        std::string wire;
        response_rewrite rewrite;
        rewrite.via = "1.1 gatehouse";
        rewrite.request_id = "req-1";
        rewrite.cache_status = "Gatehouse; fwd=bypass";
        rewrite.strip_targeted = true;
        rewrite.chunked = true;
        rewrite.keep_alive = true;
        serialize_forwarded_response(res, rewrite, wire);
        auto out = parse_head<false>(wire);
        QCOMPARE(out.result_int(), 200u);
        QCOMPARE(std::string(out.reason()), std::string("Fine"));
        QCOMPARE(values(out, "Via"), std::string("1.1 origin-cache, 1.1 gatehouse"));
        QCOMPARE(values(out, "Cache-Status"), std::string("Gatehouse; fwd=bypass"));
        QCOMPARE(values(out, "X-Request-Id"), std::string("req-1"));
        QCOMPARE(values(out, "Transfer-Encoding"), std::string("chunked"));
        for (const char* gone : {"Connection", "X-Internal", "Trailer", "CDN-Cache-Control",
                                 "Gatehouse-Cache-Control"})
            QVERIFY2(count(out, gone) == 0, gone);
        QVERIFY(out.keep_alive());

        // An HTTP/1.0 client: no chunking, the connection closes after the
        // body; the upstream's own request id and cache status stay.
        res.insert("X-Request-Id", "upstream-id");
        rewrite.cache_status = {};
        rewrite.strip_targeted = false;
        rewrite.chunked = false;
        rewrite.keep_alive = false;
        serialize_forwarded_response(res, rewrite, wire);
        out = parse_head<false>(wire);
        QCOMPARE(count(out, "Transfer-Encoding"), std::size_t(0));
        QCOMPARE(values(out, "Connection"), std::string("close"));
        QCOMPARE(values(out, "X-Request-Id"), std::string("upstream-id"));
        QCOMPARE(values(out, "Cache-Status"), std::string("OriginCache; hit"));
        QCOMPARE(values(out, "CDN-Cache-Control"), std::string("max-age=60"));
    }

    void closeDelimitedBodyGetsChunked()
    {
        http::response_header<> res;
        res.version(10);
        res.result(http::status::ok);
        res.insert(http::field::content_type, "text/event-stream");
        std::string wire;
        response_rewrite rewrite;
        rewrite.via = "1.1 gatehouse";
        rewrite.request_id = "r";
        rewrite.chunked = true;
        serialize_forwarded_response(res, rewrite, wire);
        const auto out = parse_head<false>(wire);
        QCOMPARE(out.version(), 11u);
        QCOMPARE(std::string(out.reason()), std::string("OK"));
        QVERIFY(out.chunked());
    }

    // Heads are written into a reused string: one far larger than its
    // storage grows it, and a small one after it leaves nothing of the
    // large one behind. An empty value is written as such.
    void largeHeadsGrowAndSmallOnesAfterThemAreExact()
    {
        const request_rewrite rewrite{.target = "/",
                                      .host = "origin.internal",
                                      .client_ip = "127.0.0.1",
                                      .via = "1.1 gatehouse",
                                      .request_id = "id"};
        http::request_header<> small;
        small.method(http::verb::get);
        small.target("/");
        small.version(11);
        small.insert(http::field::host, "api.example.com");
        small.insert("X-Empty", "");
        std::string expected_small;
        serialize_forwarded_request(small, rewrite, expected_small);

        http::request_header<> large = small;
        for (int i = 0; i < 30; ++i)
            large.insert("X-Field-" + std::to_string(i), std::string(200, char('a' + i % 26)));
        std::string wire = "left over from an earlier head";
        serialize_forwarded_request(large, rewrite, wire);
        QVERIFY(wire.size() > 30 * 200); // several times its first storage
        const auto parsed = parse_head<true>(wire);
        std::vector<std::string> names;
        for (const auto& f : parsed)
            names.emplace_back(f.name_string());
        for (int i = 0; i < 30; ++i) {
            const std::string name = "X-Field-" + std::to_string(i);
            QCOMPARE(values(parsed, name), std::string(200, char('a' + i % 26)));
            // In the order the client sent them, after Host's stand-in.
            QCOMPARE(names[static_cast<std::size_t>(i) + 1], name);
        }
        QCOMPARE(count(parsed, "X-Empty"), std::size_t(1));
        QCOMPARE(values(parsed, "X-Empty"), std::string());

        serialize_forwarded_request(small, rewrite, wire);
        QCOMPARE(wire, expected_small);
        QVERIFY(wire.find("X-Field-") == std::string::npos);
    }

    void flatHeadKeepsWhatArrived()
    {
        // Names as spelled, repeated fields, order, unknown fields, the
        // reason phrase; and to_header() gives Beast's header for the code
        // that edits heads.
        const std::string wire = "HTTP/1.1 203 Not Quite\r\n"
                                 "content-type: text/plain\r\n"
                                 "Set-Cookie: a=1\r\n"
                                 "X-Thing: one\r\n"
                                 "Set-Cookie: b=2\r\n"
                                 "x-empty:\r\n"
                                 "Content-Length: 0\r\n"
                                 "\r\n";
        both_heads h;
        parse_both(wire, h);
        QCOMPARE(h.flat.result_int(), 203u);
        QCOMPARE(h.flat.reason(), std::string_view("Not Quite"));
        QCOMPARE(h.flat.version(), 11u);
        QCOMPARE(h.flat.size(), std::size_t(6));
        // In the order they arrived (Beast's header moves the second
        // Set-Cookie up to the first).
        const auto code = [](http::field f) {
            return " #" + std::to_string(static_cast<int>(f));
        };
        const std::vector<std::string> arrived{
            "content-type: text/plain" + code(http::field::content_type),
            "Set-Cookie: a=1" + code(http::field::set_cookie),
            "X-Thing: one" + code(http::field::unknown),
            "Set-Cookie: b=2" + code(http::field::set_cookie),
            "x-empty: " + code(http::field::unknown),
            "Content-Length: 0" + code(http::field::content_length)};
        QCOMPARE(field_lines(h.flat), arrived);
        QCOMPARE(grouped(field_lines(h.flat)), field_lines(h.beast));
        http::response_header<> converted;
        h.flat.to_header(converted);
        QCOMPARE(converted.result_int(), 203u);
        QCOMPARE(std::string(converted.reason()), std::string("Not Quite"));
        QCOMPARE(field_lines(converted), field_lines(h.beast));

        // Cleared and filled again by the next parser, storage and all.
        const std::string second = "HTTP/1.0 404 \r\nServer: x\r\n\r\n"; // viewed: kept
        parse_both(second, h);
        QCOMPARE(h.flat.result_int(), 404u);
        QCOMPARE(h.flat.version(), 10u);
        QCOMPARE(h.flat.reason(), std::string_view("Not Found")); // none sent: the standard one
        QCOMPARE(field_lines(h.flat), field_lines(h.beast));
    }

    void flatHeadViewsTheReceivedBytes()
    {
        // Viewed where they arrived, but for a value Beast rewrote (line
        // folding, obsolete but still to be accepted): that one is a copy
        // that outlives the parser's stack.
        const std::string wire = "HTTP/1.1 200 OK\r\nX-Plain: here\r\n"
                                 "X-Folded: one\r\n two\r\nContent-Length: 0\r\n\r\n";
        response_head head;
        {
            response_head_parser parser(head);
            parser.eager(false);
            boost::system::error_code ec;
            parser.put_received(boost::asio::buffer(wire), ec);
            QVERIFY2(!ec, ec.message().c_str());
            QVERIFY(parser.is_header_done());
        }
        const auto inside = [&](std::string_view v) {
            return v.data() >= wire.data() && v.data() + v.size() <= wire.data() + wire.size();
        };
        QCOMPARE(head.size(), std::size_t(3));
        QVERIFY(inside(head.reason()));
        QVERIFY(inside(head.at(0).name_string()));
        QVERIFY(inside(head.at(0).value()));
        QCOMPARE(head.at(0).value(), std::string_view("here"));
        QVERIFY(inside(head.at(1).name_string()));
        QVERIFY(!inside(head.at(1).value()));
        QCOMPARE(head.at(1).value(), std::string_view("one two"));
        QCOMPARE(head.at(2).value(), std::string_view("0"));
    }

    void flatHeadArrivingInPiecesOutlivesTheBuffer()
    {
        // Beast hands on the status line and complete field lines before
        // the head is whole; the relay's buffer then moves what is left to
        // its front, over them. What the head held so far must not go with
        // it.
        const std::string whole = "HTTP/1.1 201 Made Here\r\nX-First: one\r\nX-Second: tw"
                                  "o\r\nX-Third: three\r\nContent-Length: 0\r\n\r\n";
        response_head head;
        response_head_parser parser(head);
        parser.eager(false);
        std::string buffer; // as the relay's: consumed bytes leave the front
        // The first piece holds the status line and a field and a half:
        // Beast takes those at once; after that it waits for the whole rest.
        const std::size_t first = whole.find("X-Second") + 4;
        for (std::size_t at = 0; at < whole.size() && !parser.is_header_done();) {
            const std::size_t n = at == 0 ? first : 7;
            buffer += whole.substr(at, n);
            at += n;
            boost::system::error_code ec;
            const std::size_t used = parser.put_received(boost::asio::buffer(buffer), ec);
            QVERIFY2(!ec || ec == http::error::need_more, ec.message().c_str());
            if (parser.is_header_done())
                break; // the head views these bytes: kept, as the relay keeps them
            buffer.erase(0, used);
            // What the next read would do to the bytes given up.
            std::string scribble(buffer.capacity(), '#');
            buffer.swap(scribble);
            buffer.assign(scribble);
        }
        QVERIFY(parser.is_header_done());
        QCOMPARE(head.result_int(), 201u);
        QCOMPARE(head.reason(), std::string_view("Made Here"));
        QCOMPARE(head.size(), std::size_t(4));
        QCOMPARE(head.at(0).value(), std::string_view("one"));
        QCOMPARE(head.at(1).value(), std::string_view("two"));
        QCOMPARE(head.at(2).name_string(), std::string_view("X-Third"));
        QCOMPARE(head.at(3).value(), std::string_view("0"));
    }

    void flatHeadIsForwardedAsBeastsHeaderIs()
    {
        const std::string wire = "HTTP/1.1 200 OK\r\n"
                                 "Content-Type: application/json\r\n"
                                 "Connection: keep-alive, X-Hop\r\n"
                                 "X-Hop: dropped\r\n"
                                 "Keep-Alive: timeout=5\r\n"
                                 "Via: 1.0 upstream-cache\r\n"
                                 "Cache-Status: origin; hit\r\n"
                                 "CDN-Cache-Control: max-age=60\r\n"
                                 "Gatehouse-Cache-Control: max-age=5\r\n"
                                 "Transfer-Encoding: gzip, chunked\r\n"
                                 "x-request-id: from-upstream\r\n"
                                 "Set-Cookie: s=1\r\n"
                                 "\r\n";
        both_heads h;
        parse_both(wire, h);
        for (const bool chunked : {false, true})
            for (const bool keep_alive : {false, true})
                for (const bool strip : {false, true})
                    for (const std::string_view status : {"", "Gatehouse; fwd=bypass"}) {
                        const response_rewrite rewrite{.via = "1.1 gatehouse",
                                                       .request_id = "0123abcd",
                                                       .cache_status = status,
                                                       .strip_targeted = strip,
                                                       .chunked = chunked,
                                                       .keep_alive = keep_alive};
                        std::string from_flat, from_beast;
                        serialize_forwarded_response(h.flat, rewrite, from_flat);
                        serialize_forwarded_response(h.beast, rewrite, from_beast);
                        QCOMPARE(from_flat, from_beast);
                        const auto res = parse_head<false>(from_flat);
                        QCOMPARE(count(res, "X-Hop"), std::size_t(0));
                        QCOMPARE(values(res, "Via"),
                                 std::string("1.0 upstream-cache, 1.1 gatehouse"));
                        QCOMPARE(values(res, "X-Request-Id"), std::string("from-upstream"));
                    }
    }

    void flatParserFillsTheBodyWindow()
    {
        // The body, chunked, through a window smaller than a chunk: as
        // buffer_body does, the parser stops with need_buffer when the
        // window is full and goes on in the next one.
        const std::string wire = "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n"
                                 "5\r\nhello\r\n6\r\n world\r\n0\r\n\r\n";
        response_head head;
        response_head_parser parser(head);
        parser.eager(true);
        boost::system::error_code ec;
        std::size_t used = parser.put(boost::asio::buffer(wire), ec);
        QVERIFY(parser.is_header_done());
        std::string body;
        char window[4];
        for (int rounds = 0; !parser.is_done() && rounds < 100; ++rounds) {
            auto& b = parser.get().body();
            b.data = window;
            b.size = sizeof window;
            used += parser.put(boost::asio::buffer(wire.data() + used, wire.size() - used), ec);
            if (ec == http::error::need_buffer)
                ec = {};
            QVERIFY2(!ec, ec.message().c_str());
            body.append(window, sizeof window - b.size);
        }
        QVERIFY(parser.is_done());
        QCOMPARE(body, std::string("hello world"));
        QCOMPARE(used, wire.size());
    }

    void plainHeadMatchesTheFields()
    {
        http::response_header<> res;
        res.version(11);
        res.result(299); // unknown status: no standard reason
        res.insert("X-A", "1");
        res.insert("x-b", "two words");
        std::string wire;
        serialize_head(res, wire);
        QCOMPARE(wire, std::string("HTTP/1.1 299 \r\nX-A: 1\r\nx-b: two words\r\n\r\n"));
        char line[chunk_size_line_max];
        QCOMPARE(std::string(line, format_chunk_size_line(0x1a2f, line)), std::string("1a2f\r\n"));
    }
};

QTEST_APPLESS_MAIN(TestForwardedHead)
#include "tst_forwarded_head.moc"
