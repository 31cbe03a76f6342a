// SPDX-FileCopyrightText: Gatehouse contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <chrono>
#include <cstdint>
#include <memory>
#include <string>

namespace gatehouse::gateway {

// A built-in HTTP/1.1 origin for demos, tests and benchmarks: a deterministic
// product catalog, weather, account, time and random resources with varied
// caching headers (Cache-Control, ETag, Last-Modified, Vary, Cache-Tag) and
// conditional requests, plus test controls (/echo, /respond, /stream) and
// injectable latency and errors. Keep-alive, one io_context per thread.
//
// Thread safety: every public member may be called from any thread.
// start()/stop() must not race each other; the setters and getters may be
// called at any time, also while traffic flows.
class demo_origin {
public:
    demo_origin();
    ~demo_origin(); // stops if still running
    demo_origin(const demo_origin&) = delete;
    demo_origin& operator=(const demo_origin&) = delete;

    // Binds address:port (port 0: the OS chooses) and serves on `threads`
    // threads (0 counts as 1). Returns "" on success, otherwise the reason.
    std::string start(const std::string& address = "127.0.0.1", std::uint16_t port = 0,
                      unsigned threads = 1);

    // Closes the listener and every connection and joins the threads.
    // Idempotent; a stopped origin can be started again.
    void stop();

    bool running() const;
    std::uint16_t port() const; // the bound port, 0 when not running

    // Extra delay added to every response.
    void set_latency(std::chrono::milliseconds extra);

    // Share (0..1) of responses answered 500 instead; /health, /respond and
    // /stream are exempt.
    void set_error_rate(double fraction);

    // Requests answered so far, over the life of this object.
    std::uint64_t requests() const;
    // Client connections open now (e.g. to see a proxy's pooled ones close).
    std::uint64_t open_connections() const;

private:
    struct impl;
    std::unique_ptr<impl> impl_;
};

} // namespace gatehouse::gateway
