// SPDX-FileCopyrightText: Gatehouse contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "config_snapshot.hpp"
#include "gateway_options.hpp"
#include "gateway_stats.hpp"

#include <chrono>
#include <cstdint>
#include <memory>
#include <string>

namespace gatehouse::gateway {

// The embedded API gateway: an HTTP/1.1 reverse proxy on its own pool of
// worker threads (one io_context each).
//
// Thread safety: every public member may be called from any thread.
// start()/stop() must not race each other; apply() and stats() may be called
// at any time, also while traffic flows.
class gateway_server {
public:
    gateway_server();
    ~gateway_server(); // stops with a zero drain deadline if still running
    gateway_server(const gateway_server&) = delete;
    gateway_server& operator=(const gateway_server&) = delete;

    // Binds and starts the workers. Returns an empty string on success,
    // otherwise why it could not start (e.g. "address already in use").
    std::string start(const gateway_options& options);

    // Stops accepting, lets in-flight requests finish for up to `drain`,
    // then closes every connection and joins the workers.
    void stop(std::chrono::milliseconds drain = std::chrono::seconds(5));

    bool running() const;
    std::uint16_t port() const; // the bound port (useful with port 0)
    std::string listen_address() const;

    // Validates and swaps in a new configuration atomically. Requests already
    // in flight finish on the configuration they started with. Returns an
    // empty string on success, otherwise the validation errors; the running
    // configuration then stays.
    std::string apply(const config_snapshot& snapshot);

    stats_snapshot stats() const;

private:
    struct impl;
    std::unique_ptr<impl> impl_;
};

} // namespace gatehouse::gateway
