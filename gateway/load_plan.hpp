// SPDX-FileCopyrightText: Gatehouse contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

// Private to the load generator: its settings compiled into what the hot
// loop needs (cumulative distributions, the header block, the pacing
// interval), the random sampling over them, and the per-thread counters.
// No Boost, no Qt.

#include "gateway/load_generator.hpp"

#include <array>
#include <atomic>
#include <chrono>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace gatehouse::gateway::load_detail {

// splitmix64: tiny state per connection, good enough for picking URLs.
inline std::uint64_t next_random(std::uint64_t& state)
{
    std::uint64_t z = (state += 0x9e3779b97f4a7c15ULL);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
}

// Uniform in [0, 1).
inline double uniform01(std::uint64_t& state)
{
    return static_cast<double>(next_random(state) >> 11) * 0x1.0p-53;
}

// P(rank k) proportional to 1 / k^alpha, k = 1..n, as a cumulative
// distribution whose last entry is exactly 1.
std::vector<double> zipf_cdf(std::size_t n, double alpha);

// The index of the first entry of `cdf` above u (binary search).
std::size_t sample_cdf(const std::vector<double>& cdf, double u);

// Immutable once built; shared by every connection (reads only, plus the
// relaxed per-target counters).
struct load_plan {
    struct url_set {
        std::string name;
        std::vector<std::string> targets;
        std::vector<double> cdf;
        std::shared_ptr<std::atomic<std::uint64_t>[]> counts; // one per target
    };

    std::vector<url_set> sets; // only sets with a positive weight and targets
    std::vector<double> mix_cdf;
    std::string head_tail; // " HTTP/1.1\r\nHost: ...\r\n" + extra headers + "\r\n"
    double rate = 0.0;
    std::chrono::nanoseconds interval{0}; // between requests overall; 0 = unpaced
    unsigned concurrency = 1;
    std::chrono::milliseconds timeout{10000};

    // Picks a set and a target, counts it and writes the request into `out`
    // (reusing its storage).
    void build_request(std::uint64_t& rng, std::string& out) const;
};

// Compiles validated settings. Counters of sets whose name and targets match
// one in `previous` carry over.
std::shared_ptr<const load_plan> make_load_plan(const load_settings& settings,
                                                const std::string& host_header,
                                                const load_plan* previous);

inline std::int64_t now_ns()
{
    return std::chrono::duration_cast<std::chrono::nanoseconds>(
               std::chrono::steady_clock::now().time_since_epoch())
        .count();
}

// A token bucket without tokens: every request takes the next free slot on
// one shared schedule, whichever connection is free. Lock-free.
class pacer {
public:
    // The time the caller may send at (possibly already past).
    std::chrono::steady_clock::time_point claim(std::chrono::nanoseconds interval);
    void reset() { next_.store(now_ns(), std::memory_order_relaxed); } // from now on

private:
    std::atomic<std::int64_t> next_{0}; // ns on the steady clock
};

// Written only by the one io thread that owns it (so a plain load + store
// suffices), read by stats() from anywhere.
struct alignas(64) thread_counters {
    std::atomic<std::uint64_t> sent{0}, completed{0}, connect_errors{0}, io_errors{0},
        connections{0}, bytes_sent{0}, bytes_received{0}, latency_max{0};
    std::array<std::atomic<std::uint64_t>, 6> status{};
    std::array<std::atomic<std::uint64_t>, latency_buckets::count> latency{};

    static void add(std::atomic<std::uint64_t>& c, std::uint64_t n = 1)
    {
        c.store(c.load(std::memory_order_relaxed) + n, std::memory_order_relaxed);
    }
    void reset();
};

// Totals, latency buckets and percentiles over all threads' counters.
load_stats sum(const std::array<thread_counters, load_settings::max_threads>& counters);

} // namespace gatehouse::gateway::load_detail
