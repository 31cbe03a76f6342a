// SPDX-FileCopyrightText: Gatehouse contributors
// SPDX-License-Identifier: Apache-2.0
#include "tests/support/test_http.h"

#include <boost/asio/connect.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/read.hpp>
#include <boost/asio/write.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/http/parser.hpp>
#include <boost/beast/http/read.hpp>
#include <boost/beast/http/string_body.hpp>

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <optional>
#include <poll.h>
#include <sys/socket.h>

namespace gatehouse::test {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;
using tcp = asio::ip::tcp;

namespace {

bool iequals(std::string_view a, std::string_view b)
{
    return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
               return std::tolower(static_cast<unsigned char>(x)) ==
                      std::tolower(static_cast<unsigned char>(y));
           });
}

} // namespace

std::string http_response::header(std::string_view name) const
{
    for (const auto& [key, value] : headers)
        if (iequals(key, name))
            return value;
    return {};
}

bool http_response::has_header(std::string_view name) const
{
    return std::any_of(headers.begin(), headers.end(),
                       [&](const auto& h) { return iequals(h.first, name); });
}

std::vector<std::string> http_response::headers_named(std::string_view name) const
{
    std::vector<std::string> out;
    for (const auto& [key, value] : headers)
        if (iequals(key, name))
            out.push_back(value);
    return out;
}

struct http_connection::impl {
    asio::io_context ioc;
    tcp::socket socket{ioc};
    beast::flat_buffer buffer;
    std::string error;

    // Runs the io_context until `done` or the timeout; on timeout the socket
    // operations are cancelled so the handler still runs before we return.
    template <class Pred>
    bool run_until(Pred done, std::chrono::milliseconds timeout)
    {
        ioc.restart();
        const auto deadline = std::chrono::steady_clock::now() + timeout;
        while (!done() && std::chrono::steady_clock::now() < deadline)
            ioc.run_one_until(deadline);
        if (!done()) {
            boost::system::error_code ignored;
            socket.cancel(ignored);
            ioc.restart();
            ioc.run_for(std::chrono::milliseconds(500));
            return false;
        }
        return true;
    }
};

http_connection::http_connection()
    : impl_(std::make_unique<impl>())
{
}
http_connection::~http_connection() = default;

bool http_connection::connect(std::uint16_t port, std::chrono::milliseconds timeout)
{
    close();
    impl_->buffer.clear();
    bool finished = false;
    boost::system::error_code result;
    impl_->socket.async_connect(tcp::endpoint(asio::ip::make_address("127.0.0.1"), port),
                                [&](boost::system::error_code ec) {
                                    result = ec;
                                    finished = true;
                                });
    if (!impl_->run_until([&] { return finished; }, timeout)) {
        impl_->error = "connect timed out";
        return false;
    }
    if (result) {
        impl_->error = "connect: " + result.message();
        return false;
    }
    impl_->socket.set_option(tcp::no_delay(true));
    return true;
}

void http_connection::close()
{
    boost::system::error_code ignored;
    if (impl_->socket.is_open()) {
        impl_->socket.shutdown(tcp::socket::shutdown_both, ignored);
        impl_->socket.close(ignored);
    }
}

bool http_connection::send(std::string_view method, std::string_view target,
                           const header_list& headers, std::string_view body)
{
    std::string raw;
    raw.reserve(256 + body.size());
    raw.append(method).append(" ").append(target).append(" HTTP/1.1\r\n");
    bool has_host = false;
    bool has_length = false;
    for (const auto& [name, value] : headers) {
        has_host = has_host || iequals(name, "host");
        has_length =
            has_length || iequals(name, "content-length") || iequals(name, "transfer-encoding");
        raw.append(name).append(": ").append(value).append("\r\n");
    }
    if (!has_host)
        raw.append("Host: 127.0.0.1\r\n");
    if (!has_length && !body.empty())
        raw.append("Content-Length: ").append(std::to_string(body.size())).append("\r\n");
    raw.append("\r\n").append(body);
    return send_raw(raw);
}

bool http_connection::send_raw(std::string_view bytes)
{
    bool finished = false;
    boost::system::error_code result;
    asio::async_write(impl_->socket, asio::buffer(bytes.data(), bytes.size()),
                      [&](boost::system::error_code ec, std::size_t) {
                          result = ec;
                          finished = true;
                      });
    if (!impl_->run_until([&] { return finished; }, std::chrono::seconds(10))) {
        impl_->error = "write timed out";
        return false;
    }
    if (result) {
        impl_->error = "write: " + result.message();
        return false;
    }
    return true;
}

http_response http_connection::read(std::chrono::milliseconds timeout, bool head_request)
{
    http_response out;
    const auto started = std::chrono::steady_clock::now();
    http::response_parser<http::string_body> parser;
    parser.body_limit(1024ull * 1024 * 1024);
    parser.header_limit(1024 * 1024);
    parser.skip(head_request);
    bool finished = false;
    boost::system::error_code result;
    http::async_read(impl_->socket, impl_->buffer, parser,
                     [&](boost::system::error_code ec, std::size_t) {
                         result = ec;
                         finished = true;
                     });
    if (!impl_->run_until([&] { return finished; }, timeout)) {
        out.error = impl_->error = "read timed out";
        return out;
    }
    if (result) {
        out.error = impl_->error = "read: " + result.message();
        return out;
    }
    auto& message = parser.get();
    out.status = static_cast<int>(message.result_int());
    for (const auto& field : message)
        out.headers.emplace_back(std::string(field.name_string()), std::string(field.value()));
    out.body = std::move(message.body());
    out.keep_alive = message.keep_alive();
    out.elapsed = std::chrono::duration_cast<std::chrono::microseconds>(
        std::chrono::steady_clock::now() - started);
    return out;
}

std::string http_connection::read_raw(std::chrono::milliseconds timeout)
{
    std::string out(static_cast<const char*>(impl_->buffer.data().data()), impl_->buffer.size());
    impl_->buffer.clear();
    const auto deadline = std::chrono::steady_clock::now() + timeout;
    char chunk[4096];
    while (std::chrono::steady_clock::now() < deadline) {
        bool finished = false;
        boost::system::error_code result;
        std::size_t got = 0;
        impl_->socket.async_read_some(asio::buffer(chunk),
                                      [&](boost::system::error_code ec, std::size_t n) {
                                          result = ec;
                                          got = n;
                                          finished = true;
                                      });
        const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
            deadline - std::chrono::steady_clock::now());
        if (!impl_->run_until([&] { return finished; },
                              std::max(left, std::chrono::milliseconds(1))))
            break;
        out.append(chunk, got);
        if (result)
            break;
    }
    return out;
}

bool http_connection::wait_closed(std::chrono::milliseconds timeout)
{
    // Plain poll(2) and recv(2): whether the peer has closed is a question
    // about the socket, not about a pending asynchronous operation.
    impl_->buffer.clear();
    if (!impl_->socket.is_open())
        return true;
    const int fd = impl_->socket.native_handle();
    const auto deadline = std::chrono::steady_clock::now() + timeout;
    char chunk[4096];
    for (;;) {
        const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
            deadline - std::chrono::steady_clock::now());
        if (left.count() < 0)
            return false;
        pollfd p{fd, POLLIN | POLLRDHUP, 0};
        const int ready = ::poll(&p, 1, static_cast<int>(left.count()));
        if (ready < 0 && errno != EINTR)
            return false;
        if (ready <= 0)
            continue;
        const auto got = ::recv(fd, chunk, sizeof chunk, MSG_DONTWAIT);
        if (got == 0)
            return true; // orderly close
        if (got < 0 && errno != EAGAIN && errno != EWOULDBLOCK && errno != EINTR)
            return true; // reset
    }
}

std::string http_connection::last_error() const
{
    return impl_->error;
}

http_response http_request(std::uint16_t port, std::string_view method, std::string_view target,
                           const header_list& headers, std::string_view body,
                           std::chrono::milliseconds timeout)
{
    http_connection connection;
    if (!connection.connect(port, timeout)) {
        http_response out;
        out.error = connection.last_error();
        return out;
    }
    if (!connection.send(method, target, headers, body)) {
        http_response out;
        out.error = connection.last_error();
        return out;
    }
    return connection.read(timeout, method == "HEAD");
}

std::uint16_t unused_port()
{
    asio::io_context ioc;
    tcp::acceptor acceptor(ioc, tcp::endpoint(asio::ip::make_address("127.0.0.1"), 0));
    return acceptor.local_endpoint().port();
}

} // namespace gatehouse::test
