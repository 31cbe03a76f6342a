// SPDX-FileCopyrightText: Gatehouse contributors
// SPDX-License-Identifier: Apache-2.0
// The quick head scan on the proxy path against Beast's parser: every head
// the scan takes is read exactly as Beast reads it (start line, fields,
// codes, body framing, errors), and every other head is left to Beast.
#include "gateway/demo_origin_request.hpp"
#include "gateway/field_code.hpp"
#include "gateway/head_scan.hpp"
#include "gateway/request_head_parser.hpp"
#include "gateway/response_head.hpp"

#include <boost/beast/http/parser.hpp>
#include <boost/beast/http/string_body.hpp>

#include <QtTest/QTest>

#include <cstdio>
#include <initializer_list>
#include <string>
#include <vector>

using namespace gatehouse::gateway;
namespace http = boost::beast::http;

namespace {

using error_code = boost::system::error_code;

bool scans(const std::string& wire, std::size_t limit = 8192)
{
    scanned_start_line start;
    std::size_t size = 0;
    return scan_head<false>(wire, limit, start, size, [](auto, auto) {}) == head_scan::complete;
}

// What a reader of a parsed response sees, as text to compare.
struct reading {
    std::string error; // the first error, empty if none
    std::string head;  // status line and fields with their codes
    std::string framing;
    std::string body;
    bool done = false;
};

template <class Fields>
std::string head_text(unsigned version, unsigned status, std::string_view reason,
                      const Fields& fields)
{
    std::string out =
        std::to_string(version) + " " + std::to_string(status) + " [" + std::string(reason) + "]\n";
    for (const auto& f : fields)
        out += std::string(f.name_string()) + "=[" + std::string(f.value()) + "] #" +
               std::to_string(static_cast<int>(f.name())) + "\n";
    return out;
}

template <class Parser>
std::string framing_text(const Parser& p)
{
    const auto length = p.content_length();
    return "keep-alive " + std::to_string(p.keep_alive()) + " chunked " +
           std::to_string(p.chunked()) + " length " +
           (length ? std::to_string(*length) : std::string("none")) + " need-eof " +
           std::to_string(p.need_eof());
}

// Through the relay's parser, as the relay uses it: the head from the
// bytes received, then the body through a small window.
reading read_relay(const std::string& wire, std::uint32_t limit, bool skip)
{
    reading r;
    response_head head;
    response_head_parser parser(head);
    parser.header_limit(limit);
    parser.body_limit(boost::none);
    parser.skip(skip);
    parser.eager(false);
    error_code ec;
    std::size_t used = parser.put_received(boost::asio::buffer(wire), ec);
    if (ec) {
        r.error = ec.message();
        return r;
    }
    if (!parser.is_header_done()) {
        r.error = "incomplete head";
        return r;
    }
    r.head = head_text(head.version(), head.result_int(), head.reason(), head);
    r.framing = framing_text(parser);
    parser.eager(true);
    char window[7];
    for (int rounds = 0; !parser.is_done() && rounds < 1000; ++rounds) {
        auto& b = parser.get().body();
        b.data = window;
        b.size = sizeof window;
        if (used == wire.size()) {
            parser.put_eof(ec);
        } else {
            used += parser.put(boost::asio::buffer(wire.data() + used, wire.size() - used), ec);
            if (ec == http::error::need_buffer || ec == http::error::need_more)
                ec = {};
        }
        r.body.append(window, sizeof window - b.size);
        if (ec) {
            r.error = ec.message();
            break;
        }
    }
    r.done = parser.is_done();
    return r;
}

reading read_beast(const std::string& wire, std::uint32_t limit, bool skip)
{
    reading r;
    http::response_parser<http::string_body> parser;
    parser.header_limit(limit);
    parser.body_limit(boost::none);
    parser.skip(skip);
    parser.eager(false);
    error_code ec;
    std::size_t used = parser.put(boost::asio::buffer(wire), ec);
    if (ec) {
        r.error = ec.message();
        return r;
    }
    if (!parser.is_header_done()) {
        r.error = "incomplete head";
        return r;
    }
    const auto& m = parser.get();
    // As response_head::reason(): the standard phrase when none came.
    r.head = head_text(m.version(), m.result_int(), m.reason(), m);
    r.framing = framing_text(parser);
    parser.eager(true);
    for (int rounds = 0; !parser.is_done() && rounds < 1000; ++rounds) {
        if (used == wire.size()) {
            parser.put_eof(ec);
        } else {
            used += parser.put(boost::asio::buffer(wire.data() + used, wire.size() - used), ec);
            if (ec == http::error::need_more)
                ec = {};
        }
        if (ec) {
            r.error = ec.message();
            break;
        }
    }
    r.body = parser.get().body();
    r.done = parser.is_done();
    return r;
}

// A request through the demo origin's parser, as the origin reads one: the
// head from the bytes received, then the body.
reading read_demo_request(const std::string& wire)
{
    reading r;
    demo::request req;
    demo::request_parser parser(req);
    parser.header_limit(8192);
    parser.eager(false);
    error_code ec;
    std::string buffer = wire; // as the origin's read buffer
    std::size_t used = parser.put_received(boost::asio::buffer(buffer), ec);
    if (!ec && !parser.is_header_done())
        ec = http::error::need_more;
    if (ec) {
        r.error = ec.message();
        return r;
    }
    if (!parser.is_done()) {
        // As the origin does before it reads the body into that buffer,
        // which may then move the body over the head's bytes.
        req.keep_head();
        std::fill(buffer.begin(), buffer.begin() + static_cast<std::ptrdiff_t>(used), '#');
    }
    r.head = std::string(req.method_string()) + " " +
             std::to_string(static_cast<int>(req.method())) + " " + std::string(req.target()) +
             " " + std::to_string(req.version()) + "\n";
    for (const auto& f : req.fields())
        r.head += std::string(f.name_string) + "=[" + std::string(f.value) + "] #" +
                  std::to_string(static_cast<int>(f.name)) + "\n";
    r.framing = "keep-alive " + std::to_string(req.keep_alive());
    parser.eager(true);
    if (!parser.is_done() && used < buffer.size())
        used += parser.put(boost::asio::buffer(buffer.data() + used, buffer.size() - used), ec);
    if (ec && ec != http::error::need_more)
        r.error = ec.message();
    r.body = req.body();
    r.done = parser.is_done();
    return r;
}

// A Beast request's line and fields, with their codes, as text to compare.
template <class Message>
std::string request_text(const Message& m)
{
    std::string out = std::string(m.method_string()) + " " +
                      std::to_string(static_cast<int>(m.method())) + " " + std::string(m.target()) +
                      " " + std::to_string(m.version()) + "\n";
    for (const auto& f : m)
        out += std::string(f.name_string()) + "=[" + std::string(f.value()) + "] #" +
               std::to_string(static_cast<int>(f.name())) + "\n";
    return out;
}

// A request through the gateway's parser for its clients, as the session
// uses it: the head from the bytes received, the body through a window.
reading read_gateway_request(const std::string& wire)
{
    reading r;
    request_head_parser parser;
    parser.header_limit(8192);
    parser.body_limit(1024 * 1024);
    parser.eager(false);
    error_code ec;
    std::size_t used = parser.put_received(boost::asio::buffer(wire), ec);
    if (!ec && !parser.is_header_done())
        ec = http::error::need_more;
    if (ec) {
        r.error = ec.message();
        return r;
    }
    r.head = request_text(parser.get());
    r.framing = "keep-alive " + std::to_string(parser.keep_alive());
    parser.eager(true);
    char window[5];
    for (int rounds = 0; !parser.is_done() && used < wire.size() && rounds < 1000; ++rounds) {
        auto& b = parser.get().body();
        b.data = window;
        b.size = sizeof window;
        used += parser.put(boost::asio::buffer(wire.data() + used, wire.size() - used), ec);
        if (ec == http::error::need_buffer)
            ec = {};
        r.body.append(window, sizeof window - b.size);
        if (ec)
            break;
    }
    if (ec && ec != http::error::need_more)
        r.error = ec.message();
    r.done = parser.is_done();
    return r;
}

reading read_beast_request(const std::string& wire)
{
    reading r;
    http::request_parser<http::string_body> parser;
    parser.header_limit(8192);
    parser.eager(false);
    error_code ec;
    std::size_t used = parser.put(boost::asio::buffer(wire), ec);
    if (!ec && !parser.is_header_done())
        ec = http::error::need_more;
    if (ec) {
        r.error = ec.message();
        return r;
    }
    r.head = request_text(parser.get());
    r.framing = "keep-alive " + std::to_string(parser.keep_alive());
    parser.eager(true);
    if (!parser.is_done() && used < wire.size())
        used += parser.put(boost::asio::buffer(wire.data() + used, wire.size() - used), ec);
    if (ec && ec != http::error::need_more)
        r.error = ec.message();
    r.body = parser.get().body();
    r.done = parser.is_done();
    return r;
}

// Random heads, most of them plain, many with one thing wrong or unusual:
// a deterministic generator (a fixed seed), so a failure reproduces.
class head_generator {
public:
    explicit head_generator(std::uint64_t seed)
        : state_(seed)
    {
    }

    std::string response()
    {
        std::string out = sometimes(8) ? pick({"HTTP/1.2", "http/1.1", "HTTP/2.0", "HTTP/1.1 ",
                                               "HTTP/1,1", "HTTPS1.1", "HTTP/1.x"})
                                       : pick({"HTTP/1.1", "HTTP/1.1", "HTTP/1.0"});
        out += sometimes(4) ? pick({"", "  ", "\t"}) : " ";
        out += digits(sometimes(4) ? below(5) : 3);
        out += sometimes(4) ? pick({"", "\t", "  "}) : " ";
        out += text(below(16), sometimes(5));
        return out + line_end() + fields_and_body();
    }

    std::string request()
    {
        std::string out = sometimes(5) ? pick({"get", "G(T", ""})
                                       : pick({"GET", "GET", "POST", "PUT", "HEAD", "PURGE"});
        out += sometimes(4) ? pick({"", "  ", "\t"}) : " ";
        out += sometimes(5)
                   ? pick({"/caf\xc3\xa9", "/a b", "/\x7f", ""})
                   : pick({"/", "/products/42", "/echo?x=1&y=%20", "http://example.com/a", "*"});
        out += sometimes(4) ? pick({"", "  "}) : " ";
        out += sometimes(5) ? pick({"HTTP/1.2", "HTTP/1.1 ", "HTTP/11", "HTTP/1,1", "HTTP/1.x"})
                            : pick({"HTTP/1.1", "HTTP/1.1", "HTTP/1.0"});
        return out + line_end() + fields_and_body();
    }

private:
    std::uint64_t next()
    {
        std::uint64_t z = (state_ += 0x9e3779b97f4a7c15ULL);
        z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
        z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
        return z ^ (z >> 31);
    }
    std::size_t below(std::size_t n) { return static_cast<std::size_t>(next() % n); }
    bool sometimes(unsigned percent) { return below(100) < percent; }
    std::string pick(std::initializer_list<const char*> options)
    {
        return *(options.begin() + below(options.size()));
    }
    std::string digits(std::size_t n)
    {
        std::string out;
        for (std::size_t i = 0; i < n; ++i)
            out += static_cast<char>('0' + below(10));
        return out;
    }
    // Printable ASCII, spaces and tabs; with `odd`, now and then a byte no
    // plain head has (a control character, DEL, NUL, obs-text).
    std::string text(std::size_t n, bool odd)
    {
        static constexpr std::string_view odd_bytes{"\x01\x7f\x00\x80\xff\x0b", 6};
        std::string out;
        for (std::size_t i = 0; i < n; ++i) {
            if (odd && sometimes(5))
                out += odd_bytes[below(odd_bytes.size())];
            else if (sometimes(10))
                out += pick({" ", "\t"});
            else
                out += static_cast<char>(0x21 + below(0x7f - 0x21));
        }
        return out;
    }
    std::string line_end() { return sometimes(1) ? pick({"\n", "\r", "\r\r\n"}) : "\r\n"; }

    std::string fields_and_body()
    {
        static const std::vector<std::string> names = {
            "Content-Type", "Cache-Control",   "ETag", "Last-Modified",
            "Date",         "Server",          "Vary", "Set-Cookie",
            "X-Request-Id", "X-Forwarded-For", "Via",  "Accept",
            "Host",         "User-Agent",      "Link", "X-Custom-Header-With-A-Long-Name",
            "x-lower",      "X~Odd!Token"};
        std::string out;
        std::vector<std::size_t> order(names.size());
        for (std::size_t i = 0; i < order.size(); ++i)
            order[i] = i;
        const std::size_t count = below(8);
        for (std::size_t i = 0; i < count; ++i) {
            std::swap(order[i], order[i + below(order.size() - i)]); // distinct names
            std::string name = names[order[i]];
            if (sometimes(1))
                name += pick({" ", "(", "@", "\x80"}); // not a token any more
            if (sometimes(1))
                name.clear();
            out += name + ":" + (sometimes(70) ? " " : pick({"", "\t", "   "}));
            out += text(below(40), sometimes(4));
            out += line_end();
            if (sometimes(1))
                out += pick({" folded on", "\tfolded"}) + line_end();
        }
        // Framing, as messages come and as they should not.
        std::string body = text(below(30), false);
        switch (below(6)) {
        case 0:
            out += "Content-Length: " + std::to_string(body.size()) + "\r\n";
            break;
        case 1:
            out += "Content-Length: " +
                   pick({"abc", "-1", "1x", "99999999999999999999999", "3, 3", ""}) + "\r\n";
            break;
        case 2: {
            out += pick({"Transfer-Encoding: chunked\r\n", "Transfer-Encoding: gzip, chunked\r\n",
                         "Transfer-Encoding: gzip\r\n", "transfer-encoding: CHUNKED\r\n"});
            char size[16];
            std::snprintf(size, sizeof size, "%zx", body.size());
            body = body.empty() ? "0\r\n\r\n" : std::string(size) + "\r\n" + body + "\r\n0\r\n\r\n";
            break;
        }
        case 3:
            out += pick({"Connection: close\r\n", "Connection: keep-alive\r\n",
                         "Connection: Upgrade\r\nUpgrade: websocket\r\n",
                         "Proxy-Connection: close\r\n"});
            break;
        default:
            break;
        }
        out += sometimes(2) ? line_end() : "\r\n";
        out += body;
        if (sometimes(5))
            out.resize(below(out.size() + 1)); // cut short
        return out;
    }

    std::uint64_t state_;
};

// Beast's header lists the fields of one name together (RFC 9110 §5.3 lets
// it); the relay's keeps the order they came in. Every head below that has
// a name twice has them next to each other, so the two lists compare as they are.

} // namespace

class TestHeadScan : public QObject {
    Q_OBJECT

private slots:
    void responsesReadAsBeastReadsThem_data()
    {
        QTest::addColumn<QByteArray>("wire");
        QTest::addColumn<bool>("scanned"); // taken by the scan, not left to Beast
        QTest::addColumn<bool>("skip");    // the response to a HEAD
        QTest::addColumn<int>("limit");

        auto row = [](const char* name, const std::string& wire, bool scanned, bool skip = false,
                      int limit = 8192) {
            QTest::newRow(name) << QByteArray::fromStdString(wire) << scanned << skip << limit;
        };
        row("content-length",
            "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 5\r\n\r\nhello",
            true);
        row("chunked",
            "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n6\r\n world\r\n"
            "0\r\n\r\n",
            true);
        row("gzip then chunked",
            "HTTP/1.1 200 OK\r\nTransfer-Encoding: gzip, chunked\r\n\r\n2\r\nab\r\n0\r\n\r\n",
            true);
        row("until close, HTTP/1.0", "HTTP/1.0 200 OK\r\nServer: x\r\n\r\nto the end", true);
        row("until close, HTTP/1.1", "HTTP/1.1 200 OK\r\nServer: x\r\n\r\nto the end", true);
        row("keep-alive HTTP/1.0",
            "HTTP/1.0 200 OK\r\nConnection: keep-alive\r\nContent-Length: 2\r\n\r\nok", true);
        row("connection close",
            "HTTP/1.1 200 OK\r\nConnection: close\r\nContent-Length: 2\r\n\r\nok", true);
        row("proxy-connection close",
            "HTTP/1.1 200 OK\r\nProxy-Connection: close\r\nContent-Length: 2\r\n\r\nok", true);
        row("204 with a length", "HTTP/1.1 204 No Content\r\nContent-Length: 9\r\n\r\n", true);
        row("304", "HTTP/1.1 304 Not Modified\r\nETag: \"v1\"\r\nContent-Length: 10\r\n\r\n", true);
        row("103 early hints", "HTTP/1.1 103 Early Hints\r\nLink: </a.css>; rel=preload\r\n\r\n",
            true);
        row("101 upgrade",
            "HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n\r\n",
            true);
        row("HEAD response", "HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\n", true, true);
        row("no reason", "HTTP/1.1 404 \r\nContent-Length: 0\r\n\r\n", true);
        row("reason with spaces and tab",
            "HTTP/1.1 200 Fine \t enough \r\nContent-Length: 0\r\n\r\n", true);
        row("whitespace around values",
            "HTTP/1.1 200 OK\r\nX-Padded:    padded  \t \r\nX-Empty:\r\nX-Blank:   \r\n"
            "X-Tab:\tv\r\nX-Inner: a \t b\r\nContent-Length: 0\r\n\r\n",
            true);
        row("names in any case",
            "HTTP/1.1 200 OK\r\ncontent-TYPE: text/plain\r\nCACHE-CONTROL: max-age=1\r\n"
            "etag: \"x\"\r\nx-request-id: abc\r\ncontent-length: 1\r\n\r\nz",
            true);
        row("repeated fields",
            "HTTP/1.1 200 OK\r\nSet-Cookie: a=1\r\nSet-Cookie: b=2\r\nVia: 1.0 a\r\nVia: 1.1 b\r\n"
            "Content-Length: 0\r\n\r\n",
            true);
        row("long values",
            "HTTP/1.1 200 OK\r\nX-Long: " + std::string(100, 'v') + "\tand " +
                std::string(40, '!') +
                "\r\nLink: <https://example.com/a/very/long/path/to/a/resource>; rel=preload; "
                "as=style\r\nContent-Length: 0\r\n\r\n",
            true);
        row("the same length twice",
            "HTTP/1.1 200 OK\r\nContent-Length: 2\r\nContent-Length: 2\r\n\r\nok", true);
        row("two lengths", "HTTP/1.1 200 OK\r\nContent-Length: 2\r\nContent-Length: 3\r\n\r\nok",
            true);
        row("bad length", "HTTP/1.1 200 OK\r\nContent-Length: 2x\r\n\r\nok", true);
        row("length and chunked",
            "HTTP/1.1 200 OK\r\nContent-Length: 2\r\nTransfer-Encoding: chunked\r\n\r\n"
            "2\r\nok\r\n0\r\n\r\n",
            true);
        row("bad chunk", "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\nok\r\n", true);
        row("short body", "HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\nshort", true);
        std::string many = "HTTP/1.1 200 OK\r\n";
        for (int i = 0; i < 40; ++i)
            many += "X-Field-" + std::to_string(i) + ": value " + std::to_string(i) + "\r\n";
        row("forty fields", many + "Content-Length: 3\r\n\r\nabc", true);
        // Framing lines longer than the summary the parser gives Beast.
        std::string tokens;
        for (int i = 0; i < 80; ++i)
            tokens += (i ? ", x-hop-" : "x-hop-") + std::to_string(i);
        row("long connection list",
            "HTTP/1.1 200 OK\r\nConnection: " + tokens + "\r\nContent-Length: 0\r\n\r\n", true);

        // Left to Beast: rare shapes, which it reads or rejects as it always did.
        row("folded line", "HTTP/1.1 200 OK\r\nX-F: a\r\n b\r\nContent-Length: 0\r\n\r\n", false);
        row("obs-text in a value",
            "HTTP/1.1 200 OK\r\nX-U: caf\xc3\xa9 au lait, long enough\r\nContent-Length: 0\r\n\r\n",
            false);
        row("obs-text in the reason",
            "HTTP/1.1 200 D\xc3\xa9j\xc3\xa0 vu\r\nContent-Length: 0\r\n\r\n", false);
        row("bare LF", "HTTP/1.1 200 OK\nContent-Length: 0\n\n", false);
        row("bare LF in a field", "HTTP/1.1 200 OK\r\nX-A: 1\nContent-Length: 0\r\n\r\n", false);
        row("space before colon", "HTTP/1.1 200 OK\r\nX-A : 1\r\nContent-Length: 0\r\n\r\n", false);
        row("no colon", "HTTP/1.1 200 OK\r\nX-A 1\r\nContent-Length: 0\r\n\r\n", false);
        row("empty name", "HTTP/1.1 200 OK\r\n: 1\r\nContent-Length: 0\r\n\r\n", false);
        row("control character",
            "HTTP/1.1 200 OK\r\nX-A: a\x01"
            "b\r\nContent-Length: 0\r\n\r\n",
            false);
        row("DEL deep in a long value",
            "HTTP/1.1 200 OK\r\nX-A: 0123456789abcdefghij\x7fkl\r\nContent-Length: 0\r\n\r\n",
            false);
        row("NUL in a value", std::string("HTTP/1.1 200 OK\r\nX-A: a\0b\r\n\r\n", 27), false);
        row("four-digit status", "HTTP/1.1 2000 OK\r\nContent-Length: 0\r\n\r\n", false);
        row("HTTP/2 status line", "HTTP/2.0 200 OK\r\nContent-Length: 0\r\n\r\n", false);
        row("lower-case version", "http/1.1 200 OK\r\nContent-Length: 0\r\n\r\n", false);
        row("status without reason or space", "HTTP/1.1 200\r\nContent-Length: 0\r\n\r\n", false);
        row("head not complete", "HTTP/1.1 200 OK\r\nContent-Length: 0\r\n", false);
        row("over the limit", "HTTP/1.1 200 OK\r\nX-Big: " + std::string(200, 'b') + "\r\n\r\n",
            false, false, 128);
        row("exactly the limit",
            "HTTP/1.1 200 OK\r\nX-Big: " + std::string(100, 'b') + "\r\nContent-Length: 0\r\n\r\n",
            true, false, 147);
    }

    void responsesReadAsBeastReadsThem()
    {
        QFETCH(QByteArray, wire);
        QFETCH(bool, scanned);
        QFETCH(bool, skip);
        QFETCH(int, limit);
        const std::string bytes = wire.toStdString();
        QCOMPARE(scans(bytes, static_cast<std::size_t>(limit)), scanned);

        const reading relay = read_relay(bytes, static_cast<std::uint32_t>(limit), skip);
        const reading beast = read_beast(bytes, static_cast<std::uint32_t>(limit), skip);
        QCOMPARE(relay.error, beast.error);
        QCOMPARE(relay.head, beast.head);
        QCOMPARE(relay.framing, beast.framing);
        QCOMPARE(relay.body, beast.body);
        QCOMPARE(relay.done, beast.done);
    }

    void requestsReadAsBeastReadsThem_data()
    {
        QTest::addColumn<QByteArray>("wire");
        QTest::addColumn<bool>("scanned");
        auto row = [](const char* name, const std::string& wire, bool scanned) {
            QTest::newRow(name) << QByteArray::fromStdString(wire) << scanned;
        };
        row("proxied GET",
            "GET /products/42?x=1 HTTP/1.1\r\nHost: 127.0.0.1:8080\r\n"
            "X-Forwarded-For: 127.0.0.1\r\nX-Forwarded-Proto: http\r\n"
            "X-Forwarded-Host: 127.0.0.1:8080\r\nVia: 1.1 gatehouse\r\n"
            "X-Request-Id: 0f3c2a9e4b7d11ee8c0a0242ac120002\r\n\r\n",
            true);
        row("HTTP/1.0", "GET / HTTP/1.0\r\nUser-Agent: t\r\n\r\n", true);
        row("HTTP/1.0 keep-alive", "HEAD / HTTP/1.0\r\nConnection: keep-alive\r\n\r\n", true);
        row("close", "GET / HTTP/1.1\r\nConnection: close\r\n\r\n", true);
        row("no fields", "GET / HTTP/1.1\r\n\r\n", true);
        row("conditionals",
            "GET /p HTTP/1.1\r\nIf-None-Match: \"a\"\r\nIf-None-Match: W/\"b\", \"c\"\r\n"
            "If-Modified-Since: Mon, 23 Sep 2024 11:23:38 GMT\r\n\r\n",
            true);
        row("body by length", "POST /echo HTTP/1.1\r\nContent-Length: 5\r\n\r\nhello", true);
        row("body over several windows",
            "POST /echo HTTP/1.1\r\nContent-Type: text/plain\r\nContent-Length: 23\r\n\r\n"
            "a body of 23 characters",
            true);
        row("chunks with an extension",
            "POST /echo HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n7;x=y\r\nchunked\r\n"
            "8\r\n request\r\n0\r\nTrailer-Field: t\r\n\r\n",
            true);
        row("chunked body",
            "PUT /echo HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabc\r\n0\r\n\r\n", true);
        row("expect", "POST /e HTTP/1.1\r\nExpect: 100-continue\r\nContent-Length: 2\r\n\r\n",
            true);
        row("extension method", "PURGE /x HTTP/1.1\r\n\r\n", true);
        row("absolute form", "GET http://example.com/a?b#c HTTP/1.1\r\nHost: example.com\r\n\r\n",
            true);
        row("bad length", "POST / HTTP/1.1\r\nContent-Length: -1\r\n\r\n", true);
        row("folded", "GET / HTTP/1.1\r\nX-F: a\r\n\tb\r\n\r\n", false);
        row("obs-text target", "GET /caf\xc3\xa9 HTTP/1.1\r\n\r\n", false);
        row("space in target", "GET /a b HTTP/1.1\r\n\r\n", false);
        row("two spaces", "GET  / HTTP/1.1\r\n\r\n", false);
        row("no version", "GET /\r\n\r\n", false);
        row("bare LF", "GET / HTTP/1.1\nHost: x\n\n", false);
        row("HTTP/1.2", "GET / HTTP/1.2\r\n\r\n", false);
        row("incomplete", "GET / HTTP/1.1\r\nHost: x\r\n", false);
    }

    void requestsReadAsBeastReadsThem()
    {
        QFETCH(QByteArray, wire);
        QFETCH(bool, scanned);
        const std::string bytes = wire.toStdString();
        scanned_start_line start;
        std::size_t size = 0;
        QCOMPARE(scan_head<true>(bytes, 8192, start, size, [](auto, auto) {}) ==
                     head_scan::complete,
                 scanned);
        const reading demo = read_demo_request(bytes);
        const reading gateway = read_gateway_request(bytes);
        const reading beast = read_beast_request(bytes);
        QCOMPARE(gateway.error, beast.error);
        QCOMPARE(gateway.head, beast.head);
        QCOMPARE(gateway.framing, beast.framing);
        QCOMPARE(gateway.body, beast.body);
        QCOMPARE(gateway.done, beast.done);
        QCOMPARE(demo.error, beast.error);
        QCOMPARE(demo.head, beast.head);
        QCOMPARE(demo.framing, beast.framing);
        QCOMPARE(demo.body, beast.body);
        QCOMPARE(demo.done, beast.done);
    }

    void scannedHeadIsViewedWhereItArrived()
    {
        const std::string wire = "HTTP/1.1 200 OK\r\nX-A: one\r\nContent-Length: 3\r\n\r\nabc";
        response_head head;
        response_head_parser parser(head);
        parser.eager(false);
        error_code ec;
        const std::size_t used = parser.put_received(boost::asio::buffer(wire), ec);
        QVERIFY2(!ec, ec.message().c_str());
        QCOMPARE(used, wire.find("abc")); // the head, and not a byte more
        const auto inside = [&](std::string_view v) {
            return v.data() >= wire.data() && v.data() + v.size() <= wire.data() + wire.size();
        };
        QVERIFY(inside(head.reason()));
        for (const auto& f : head) {
            QVERIFY(inside(f.name_string()));
            QVERIFY(inside(f.value()));
        }
        QCOMPARE(parser.content_length().value_or(0), std::uint64_t(3));
    }

    void randomResponsesReadAsBeastReadsThem()
    {
        head_generator generate(0x68656164u);
        int scanned = 0;
        constexpr int heads = 50000;
        for (int i = 0; i < heads; ++i) {
            const std::string wire = generate.response();
            scanned += scans(wire) ? 1 : 0;
            const bool skip = i % 7 == 0;
            const reading relay = read_relay(wire, 8192, skip);
            const reading beast = read_beast(wire, 8192, skip);
            const auto context = [&] {
                return "head " + std::to_string(i) + ": " + wire;
            };
            QVERIFY2(relay.error == beast.error, context().c_str());
            QVERIFY2(relay.head == beast.head, context().c_str());
            QVERIFY2(relay.framing == beast.framing, context().c_str());
            QVERIFY2(relay.body == beast.body, context().c_str());
            QVERIFY2(relay.done == beast.done, context().c_str());
        }
        // Both ways in exercised: the scan and the fallback to Beast.
        QVERIFY2(scanned > heads / 5 && scanned < heads * 4 / 5, std::to_string(scanned).c_str());
    }

    void randomRequestsReadAsBeastReadsThem()
    {
        head_generator generate(0x72657175u);
        int scanned = 0;
        constexpr int heads = 50000;
        for (int i = 0; i < heads; ++i) {
            const std::string wire = generate.request();
            scanned_start_line start;
            std::size_t size = 0;
            scanned +=
                scan_head<true>(wire, 8192, start, size, [](auto, auto) {}) == head_scan::complete
                    ? 1
                    : 0;
            const reading demo = read_demo_request(wire);
            const reading gateway = read_gateway_request(wire);
            const reading beast = read_beast_request(wire);
            const auto context = [&] {
                return "head " + std::to_string(i) + ": " + wire;
            };
            for (const reading* r : {&demo, &gateway}) {
                QVERIFY2(r->error == beast.error, context().c_str());
                QVERIFY2(r->head == beast.head, context().c_str());
                QVERIFY2(r->framing == beast.framing, context().c_str());
                QVERIFY2(r->body == beast.body, context().c_str());
                QVERIFY2(r->done == beast.done, context().c_str());
            }
        }
        QVERIFY2(scanned > heads / 5 && scanned < heads * 4 / 5, std::to_string(scanned).c_str());
    }

    void fieldCodesAreBeasts()
    {
        // Every name Beast knows, as it spells it, in lower and upper case.
        for (int i = 1; i <= static_cast<int>(http::field::xref); ++i) {
            const auto f = static_cast<http::field>(i);
            const auto beast_name = http::to_string(f);
            std::string name(beast_name.data(), beast_name.size());
            QCOMPARE(field_code(name), f);
            for (auto& c : name)
                c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
            QCOMPARE(field_code(name), http::string_to_field(name));
            for (auto& c : name)
                c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
            QCOMPARE(field_code(name), http::string_to_field(name));
        }
        // Names Beast does not know, some close to ones it does.
        for (const char* name : {"X-Forwarded-For",
                                 "x-request-id",
                                 "Cache-Status",
                                 "Content-Typo",
                                 "Content-Type2",
                                 "Hos",
                                 "Hostt",
                                 "ETags",
                                 "X",
                                 "Content_Type",
                                 "Set-Cookie3",
                                 "CDN-Cache-Control",
                                 "Gatehouse-Cache-Control",
                                 "Sec-Fetch-Dest",
                                 "sec-ch-ua",
                                 "DNT",
                                 "Traceparent",
                                 "X-Real-IP",
                                 "Priority",
                                 "Sec-Fetch-Modes",
                                 "Server-Timing"})
            QCOMPARE(field_code(name), http::string_to_field(name));
        QCOMPARE(field_code(""), http::string_to_field(""));
    }
};

QTEST_APPLESS_MAIN(TestHeadScan)
#include "tst_head_scan.moc"
