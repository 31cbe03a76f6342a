// SPDX-FileCopyrightText: Gatehouse contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <chrono>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

// A small blocking HTTP/1.1 client for the test suites: real sockets on
// 127.0.0.1, every call bounded by a timeout, raw bytes when a test needs to
// send something malformed.
namespace gatehouse::test {

using header_list = std::vector<std::pair<std::string, std::string>>;

struct http_response {
    int status = 0;      // 0 when no response could be read
    std::string error;   // why not, when status == 0
    header_list headers; // in wire order
    std::string body;
    bool keep_alive = false;
    std::chrono::microseconds elapsed{0};

    // First value of a header (case-insensitive name), or "" when absent.
    std::string header(std::string_view name) const;
    bool has_header(std::string_view name) const;
    std::vector<std::string> headers_named(std::string_view name) const;
};

// One request on a fresh connection, closed afterwards.
http_response http_request(std::uint16_t port, std::string_view method, std::string_view target,
                           const header_list& headers = {}, std::string_view body = {},
                           std::chrono::milliseconds timeout = std::chrono::seconds(10));

// A persistent client connection, for keep-alive, pipelining and raw bytes.
class http_connection {
public:
    http_connection();
    ~http_connection();
    http_connection(const http_connection&) = delete;
    http_connection& operator=(const http_connection&) = delete;

    bool connect(std::uint16_t port, std::chrono::milliseconds timeout = std::chrono::seconds(5));
    void close();

    // Sends one request (Host, Content-Length filled in unless given).
    bool send(std::string_view method, std::string_view target, const header_list& headers = {},
              std::string_view body = {});
    bool send_raw(std::string_view bytes);

    // Reads one response; `head_request` tells the parser to expect no body.
    http_response read(std::chrono::milliseconds timeout = std::chrono::seconds(10),
                       bool head_request = false);

    // Reads whatever arrives until the peer closes or the timeout passes.
    std::string read_raw(std::chrono::milliseconds timeout);

    // True when the peer has closed the connection (EOF or reset) within the timeout.
    bool wait_closed(std::chrono::milliseconds timeout);

    std::string last_error() const;

private:
    struct impl;
    std::unique_ptr<impl> impl_;
};

// A TCP port on 127.0.0.1 that nothing listens on (bound, then released).
std::uint16_t unused_port();

} // namespace gatehouse::test
