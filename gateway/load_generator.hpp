// SPDX-FileCopyrightText: Gatehouse contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <array>
#include <chrono>
#include <cstdint>
#include <memory>
#include <string>
#include <utility>
#include <vector>

namespace gatehouse::gateway {

// A named set of request targets (path and query), most popular first: the
// key skew ranks them in this order.
struct load_url_set {
    std::string name;
    double weight = 1.0; // share of the mix, relative to the other sets
    std::vector<std::string> targets;
};

struct load_settings {
    double rate = 0.0;        // requests/s over all connections; 0 = as fast as possible
    unsigned concurrency = 8; // keep-alive connections, 1..max_concurrency
    double zipf_alpha = 0.0;  // key skew within each set; 0 = uniform
    std::vector<load_url_set> mix;
    std::vector<std::pair<std::string, std::string>> headers; // e.g. {"X-Api-Key", "..."}
    std::chrono::milliseconds request_timeout{10000};         // connect, and write + read

    // Fixed at start(); update() ignores them.
    unsigned threads = 1;                  // io threads, 1..max_threads
    std::chrono::milliseconds duration{0}; // stop by itself after this long; 0 = no limit
    std::uint64_t max_requests = 0;        // stop by itself after this many; 0 = no limit

    static constexpr unsigned max_concurrency = 1024;
    static constexpr unsigned max_threads = 16;
    static constexpr double max_rate = 1e6;
};

// Fixed latency buckets: exact below 16 µs, then 8 per power of two (12.5%
// resolution) up to about a minute; the last bucket takes everything above.
struct latency_buckets {
    static constexpr std::size_t count = 16 + 8 * 32;
    static std::size_t index(std::uint64_t micros);
    static std::uint64_t upper_bound_us(std::size_t index); // inclusive
    // The latency (µs) below which `quantile` (0..1) of `counts` fall; 0 if empty.
    static std::uint64_t percentile(const std::array<std::uint64_t, count>& counts,
                                    double quantile);
};

// Cumulative since the last start(); every counter only grows while running.
struct load_stats {
    bool running = false;
    std::uint64_t sent = 0;                        // requests written
    std::uint64_t completed = 0;                   // responses read in full
    std::array<std::uint64_t, 6> status_classes{}; // [1] = 1xx ... [5] = 5xx; [0] other
    std::uint64_t connect_errors = 0;              // connects refused or timed out
    std::uint64_t io_errors = 0;                   // write or read failures and timeouts
    std::uint64_t connections_opened = 0;
    std::uint64_t bytes_sent = 0;
    std::uint64_t bytes_received = 0;
    double elapsed_seconds = 0.0; // since start, until finished or stopped
    double achieved_rate = 0.0;   // completed / elapsed_seconds
    std::uint64_t latency_p50_us = 0;
    std::uint64_t latency_p90_us = 0;
    std::uint64_t latency_p99_us = 0;
    std::uint64_t latency_max_us = 0;
    std::array<std::uint64_t, latency_buckets::count> latency{}; // per bucket, for deltas

    std::uint64_t errors() const { return connect_errors + io_errors; }
};

// An HTTP/1.1 load generator for demos and tests: GET requests over
// keep-alive connections to a port on the loopback interface, paced to a
// target rate, picked from a weighted mix of URL sets with a Zipf key skew.
// Runs on its own io threads (one io_context each, connections dealt
// round-robin); reconnects with a small backoff when a connection closes.
//
// Thread safety: every public member may be called from any thread.
// start()/stop() must not race each other; update(), stats() and
// target_counts() may be called at any time, also while traffic flows.
class load_generator {
public:
    load_generator();
    ~load_generator(); // stops if still running
    load_generator(const load_generator&) = delete;
    load_generator& operator=(const load_generator&) = delete;

    // Starts sending to 127.0.0.1:port. Returns "" on success, otherwise why
    // not (already running, invalid settings).
    std::string start(std::uint16_t port, const load_settings& settings);
    // Same, to `address`, which must be a loopback IP address literal:
    // anything else is refused, so the generator cannot be aimed at others.
    std::string start(const std::string& address, std::uint16_t port,
                      const load_settings& settings);

    // Cancels timers and sockets and joins the threads; returns promptly.
    // Idempotent; a stopped generator can be started again.
    void stop();

    // False once stopped, or once a duration or request cap has been reached
    // and the last response is in (the threads then idle until stop()).
    bool running() const;

    // Changes rate, concurrency, skew, mix, headers and timeout while
    // running. Returns "" or why the settings were refused (the previous ones
    // then stay). No effect while stopped.
    std::string update(const load_settings& settings);

    load_stats stats() const;

    // Requests sent per target of the current mix, in mix order. Counts
    // survive update()s that keep a set's name and targets.
    std::vector<std::pair<std::string, std::uint64_t>> target_counts() const;

    // Checks settings without applying them: "" or what is wrong.
    static std::string validate(const load_settings& settings);

private:
    struct impl;
    std::unique_ptr<impl> impl_;
};

} // namespace gatehouse::gateway
