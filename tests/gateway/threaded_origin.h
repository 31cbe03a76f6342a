// SPDX-FileCopyrightText: Gatehouse contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "gateway_fixture.h"

#include <boost/asio/buffers_iterator.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/read_until.hpp>
#include <boost/asio/streambuf.hpp>

#include <atomic>
#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include <sys/socket.h>

namespace gatehouse::test {

// A blocking test origin on 127.0.0.1 for answers a test scripts byte by
// byte: one thread accepts, and each connection gets a thread running
// `serve` until it returns. Connections still open when the origin goes
// (the gateway pools them) are shut down, so that their threads end.
class threaded_origin {
public:
    using socket = boost::asio::ip::tcp::socket;
    explicit threaded_origin(std::function<void(socket&)> serve)
        : serve_(std::move(serve))
        , acceptor_(ioc_, {boost::asio::ip::address_v4::loopback(), 0})
    {
        thread_ = std::thread([this] { accept_loop(); });
    }
    ~threaded_origin()
    {
        // Closing alone does not wake a blocking accept() on Linux; and the
        // acceptor is closed only once its thread is done with it.
        ::shutdown(acceptor_.native_handle(), SHUT_RDWR);
        thread_.join();
        boost::system::error_code ignored;
        acceptor_.close(ignored);
        std::lock_guard lock(mutex_);
        for (const int s : sockets_)
            ::shutdown(s, SHUT_RDWR);
        for (auto& t : connections_)
            t.join();
    }
    threaded_origin(const threaded_origin&) = delete;
    threaded_origin& operator=(const threaded_origin&) = delete;

    std::uint16_t port() const { return acceptor_.local_endpoint().port(); }
    int accepted() const { return accepted_.load(); }

    // The next request head from `socket` (through "\r\n\r\n"; what follows
    // stays in `buffer`), or nullopt when the connection ended.
    static std::optional<std::string> read_head(socket& socket, boost::asio::streambuf& buffer)
    {
        boost::system::error_code ec;
        const std::size_t n = boost::asio::read_until(socket, buffer, "\r\n\r\n", ec);
        if (ec)
            return std::nullopt;
        std::string head(boost::asio::buffers_begin(buffer.data()),
                         boost::asio::buffers_begin(buffer.data()) + static_cast<long>(n));
        buffer.consume(n);
        return head;
    }

private:
    void accept_loop()
    {
        for (;;) {
            socket s(ioc_);
            boost::system::error_code ec;
            acceptor_.accept(s, ec);
            if (ec)
                return;
            ++accepted_;
            std::lock_guard lock(mutex_);
            sockets_.push_back(s.native_handle());
            connections_.emplace_back([this, s = std::move(s)]() mutable { serve_(s); });
        }
    }

    std::function<void(socket&)> serve_;
    boost::asio::io_context ioc_;
    boost::asio::ip::tcp::acceptor acceptor_;
    std::atomic<int> accepted_{0};
    std::thread thread_;
    std::mutex mutex_;
    std::vector<int> sockets_;
    std::vector<std::thread> connections_;
};

// A one-worker gateway (so one upstream pool) with a catch-all route to a
// threaded_origin answering with `serve`: for suites about how the gateway
// talks to its upstream.
class gateway_before_origin {
public:
    // Empty on success, else why not.
    std::string start(std::function<void(threaded_origin::socket&)> serve)
    {
        origin_ = std::make_unique<threaded_origin>(std::move(serve));
        gateway::config_snapshot config;
        config.upstreams.push_back(make_upstream("origin", {origin_->port()}));
        config.routes.push_back(make_route("all", "/", "origin"));
        auto options = test_options();
        options.threads = 1;
        gateway_ = std::make_unique<gateway::gateway_server>();
        if (auto error = gateway_->apply(config); !error.empty())
            return error;
        return gateway_->start(options);
    }
    void stop()
    {
        if (gateway_)
            gateway_->stop(std::chrono::milliseconds(500));
        gateway_.reset();
        origin_.reset();
    }
    ~gateway_before_origin() { stop(); }

    std::uint16_t port() const { return gateway_->port(); }
    const threaded_origin& origin() const { return *origin_; }
    gateway::gateway_server& gateway() { return *gateway_; }

private:
    std::unique_ptr<threaded_origin> origin_;
    std::unique_ptr<gateway::gateway_server> gateway_;
};

} // namespace gatehouse::test
