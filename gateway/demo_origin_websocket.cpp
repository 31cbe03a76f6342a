// SPDX-FileCopyrightText: Gatehouse contributors
// SPDX-License-Identifier: Apache-2.0
#include "gateway/demo_origin_websocket.hpp"

#include "gateway/http_util.hpp"

#include <boost/asio/buffer.hpp>
#include <boost/asio/write.hpp>

#include <openssl/evp.h>

#include <array>
#include <cstdint>

namespace gatehouse::gateway::demo {

namespace net = boost::asio;
namespace http = boost::beast::http;

namespace {

constexpr std::string_view websocket_guid = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11";
constexpr std::uint64_t max_frame_payload = 1024 * 1024;

enum opcode : std::uint8_t {
    continuation = 0x0,
    text = 0x1,
    binary = 0x2,
    close = 0x8,
    ping = 0x9,
    pong = 0xA,
};

struct frame {
    bool fin = false;
    std::uint8_t op = 0;
    std::string payload; // unmasked
};

enum class parse_result { need_more, frame, protocol_error, too_big };

// One client frame (RFC 6455 §5.2) from the front of `bytes`; `used` is
// how many bytes it took.
parse_result parse_frame(const unsigned char* p, std::size_t n, frame& out, std::size_t& used)
{
    if (n < 2)
        return parse_result::need_more;
    out.fin = (p[0] & 0x80) != 0;
    out.op = p[0] & 0x0f;
    const bool masked = (p[1] & 0x80) != 0;
    if ((p[0] & 0x70) != 0 || !masked) // no extensions; clients must mask (§5.1)
        return parse_result::protocol_error;
    std::uint64_t length = p[1] & 0x7f;
    std::size_t at = 2;
    if (length == 126) {
        if (n < 4)
            return parse_result::need_more;
        length = (std::uint64_t{p[2]} << 8) | p[3];
        at = 4;
    } else if (length == 127) {
        if (n < 10)
            return parse_result::need_more;
        length = 0;
        for (int i = 0; i < 8; ++i)
            length = (length << 8) | p[2 + i];
        at = 10;
    }
    const bool control = (out.op & 0x8) != 0;
    if (control && (length > 125 || !out.fin))
        return parse_result::protocol_error;
    if (out.op != continuation && out.op != text && out.op != binary && out.op != close &&
        out.op != ping && out.op != pong)
        return parse_result::protocol_error;
    if (length > max_frame_payload)
        return parse_result::too_big;
    if (n < at + 4 + length)
        return parse_result::need_more;
    const unsigned char* mask = p + at;
    const unsigned char* data = mask + 4;
    out.payload.resize(static_cast<std::size_t>(length));
    for (std::size_t i = 0; i < length; ++i)
        out.payload[i] = static_cast<char>(data[i] ^ mask[i % 4]);
    used = at + 4 + static_cast<std::size_t>(length);
    return parse_result::frame;
}

// A server frame (unmasked) into `out`.
void append_frame(std::string& out, bool fin, std::uint8_t op, std::string_view payload)
{
    out.push_back(static_cast<char>((fin ? 0x80 : 0x00) | op));
    const std::uint64_t length = payload.size();
    if (length < 126) {
        out.push_back(static_cast<char>(length));
    } else if (length < 65536) {
        out.push_back(static_cast<char>(126));
        out.push_back(static_cast<char>(length >> 8));
        out.push_back(static_cast<char>(length & 0xff));
    } else {
        out.push_back(static_cast<char>(127));
        for (int shift = 56; shift >= 0; shift -= 8)
            out.push_back(static_cast<char>((length >> shift) & 0xff));
    }
    out.append(payload);
}

std::string close_payload(std::uint16_t code)
{
    return {static_cast<char>(code >> 8), static_cast<char>(code & 0xff)};
}

} // namespace

bool opens_websocket(const request& req)
{
    return req.method() == http::verb::get && req.version() >= 11 &&
           list_contains(req[http::field::upgrade], "websocket") &&
           list_contains(req[http::field::connection], "upgrade") &&
           trim_ows(req[http::field::sec_websocket_version]) == "13" &&
           !trim_ows(req[http::field::sec_websocket_key]).empty();
}

std::string websocket_accept(std::string_view key)
{
    std::string input(trim_ows(key));
    input.append(websocket_guid);
    unsigned char digest[EVP_MAX_MD_SIZE];
    unsigned int length = 0;
    if (EVP_Digest(input.data(), input.size(), digest, &length, EVP_sha1(), nullptr) != 1)
        return {};
    std::array<unsigned char, 4 * ((EVP_MAX_MD_SIZE + 2) / 3) + 1> encoded{};
    const int n = EVP_EncodeBlock(encoded.data(), digest, static_cast<int>(length));
    return {reinterpret_cast<const char*>(encoded.data()), static_cast<std::size_t>(n)};
}

worker_task<void> run_websocket_echo(worker_stream& stream, boost::beast::flat_buffer& buffer,
                                     std::string_view key, std::chrono::milliseconds idle)
{
    std::string out = "HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\n"
                      "Connection: Upgrade\r\nSec-WebSocket-Accept: " +
                      websocket_accept(key) + "\r\n\r\n";
    stream.expires_after(idle);
    auto [ec, n] = co_await net::async_write(stream, net::buffer(out), worker_nothrow);
    frame f;
    while (!ec) {
        out.clear();
        std::size_t used = 0;
        const auto bytes = buffer.data();
        const auto result =
            parse_frame(static_cast<const unsigned char*>(bytes.data()), bytes.size(), f, used);
        if (result == parse_result::need_more) {
            stream.expires_after(idle);
            auto [read_ec, read] =
                co_await stream.async_read_some(buffer.prepare(64 * 1024), worker_nothrow);
            buffer.commit(read);
            ec = read_ec;
            continue;
        }
        bool last = false;
        if (result != parse_result::frame) {
            append_frame(out, true, close,
                         close_payload(result == parse_result::too_big ? 1009 : 1002));
            last = true;
        } else {
            buffer.consume(used);
            switch (f.op) {
            case ping:
                append_frame(out, true, pong, f.payload);
                break;
            case pong:
                continue;
            case close:
                // The same code back (§5.5.1), then the server closes first (§7.1.1).
                append_frame(out, true, close, std::string_view(f.payload).substr(0, 2));
                last = true;
                break;
            default: // data, and continuations of it: as they came
                append_frame(out, f.fin, f.op, f.payload);
                break;
            }
        }
        stream.expires_after(idle);
        std::tie(ec, n) = co_await net::async_write(stream, net::buffer(out), worker_nothrow);
        if (last)
            break;
    }
}

} // namespace gatehouse::gateway::demo
