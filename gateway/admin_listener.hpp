// SPDX-FileCopyrightText: Gatehouse contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <boost/beast/http/message.hpp>
#include <boost/beast/http/string_body.hpp>

#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>

namespace gatehouse::gateway {

// Settings of a small HTTP/1.1 server for local control traffic (the admin
// REST API), fixed for the life of a running listener.
struct admin_listener_options {
    std::string address = "127.0.0.1";
    std::uint16_t port = 9080;              // 0: let the OS choose
    std::size_t header_limit = 16 * 1024;   // request line + headers -> 431
    std::uint64_t body_limit = 1024 * 1024; // request body -> 413
    // A client must deliver a request head within this time after connecting
    // or after the previous response; also the keep-alive idle limit.
    std::chrono::milliseconds header_timeout{10000};
    std::chrono::milliseconds body_timeout{30000}; // to receive a whole body
    std::chrono::milliseconds send_timeout{30000}; // to send a whole response
    // How long the handler may take to complete a request before the client
    // gets a 503 and the connection is closed.
    std::chrono::milliseconds handler_timeout{30000};
};

using admin_request = boost::beast::http::request<boost::beast::http::string_body>;
using admin_response = boost::beast::http::response<boost::beast::http::string_body>;
// Hands the response back; callable from any thread, at most once. Calling
// it after the listener stopped (or after the handler timeout) does nothing.
using admin_completion = std::function<void(admin_response)>;
// Called on the listener's thread for every complete, well-formed request.
// It must not block: answer later through `complete`, from any thread.
// Keep-alive, Content-Length and the Server header are set by the listener.
using admin_handler = std::function<void(admin_request request, admin_completion complete)>;
// Called on the listener's thread with each request's head (its body not
// read yet); a response returned answers the request at once -- an
// authentication failure, say -- and the body is never read: the
// connection closes after it when a body was on its way. Must not block.
using admin_screen = std::function<std::optional<admin_response>(const admin_request& head)>;

// One acceptor and one I/O thread. Malformed requests are answered with
// problem+json by the listener itself (400, 413, 431), never reach the
// handler, and close the connection.
//
// Thread safety: start() and stop() from one owning thread; port() from any.
class admin_listener {
public:
    // `screen` (optional) sees every well-formed head before its body.
    admin_listener(admin_listener_options options, admin_handler handler, admin_screen screen = {});
    ~admin_listener(); // stop()
    admin_listener(const admin_listener&) = delete;
    admin_listener& operator=(const admin_listener&) = delete;

    // Binds and starts the I/O thread; false with `error` set on failure.
    bool start(std::string* error);
    // Stops accepting, drops open connections, joins the I/O thread.
    // Completions still held by the handler become no-ops.
    void stop();

    bool running() const;
    std::uint16_t port() const; // the bound port, 0 when not running

private:
    struct impl;
    std::unique_ptr<impl> impl_;
};

} // namespace gatehouse::gateway
