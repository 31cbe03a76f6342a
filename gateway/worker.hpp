// SPDX-FileCopyrightText: Gatehouse contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "gateway/cache/coalescer.hpp"
#include "gateway/call_record_ring.hpp"
#include "gateway/gateway_options.hpp"
#include "gateway/read_buffer_pool.hpp"
#include "gateway/runtime_config.hpp"
#include "gateway/upstream.hpp"

#include <boost/asio/io_context.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/intrusive/list.hpp>

#include <array>
#include <atomic>
#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <random>
#include <thread>
#include <vector>

namespace boost::asio::ssl {
class context;
}

namespace gatehouse::gateway {

// State every worker reads: options fixed at start, the current
// configuration behind a generation counter.
struct gateway_shared {
    gateway_options options;
    std::string via_10; // "1.0 <via_name>", built once at start
    std::string via_11; // "1.1 <via_name>"
    // Set when clients speak HTTPS (options.tls_certificate_file); replaced
    // whole by reload_listener_tls(), so each connection takes (and keeps)
    // the one current when it was accepted.
    std::atomic<std::shared_ptr<boost::asio::ssl::context>> listener_tls;
    std::atomic<std::uint64_t> generation{0};
    mutable std::mutex config_mutex;
    std::shared_ptr<const runtime_config> config; // guarded by config_mutex
    std::atomic<bool> stopping{false};
    // Concurrent cache misses on one key share one upstream request.
    cache::coalescer coalescer;

    // Call capture. The hook is only called when a ring goes from empty to
    // non-empty, so its lock is off the per-request path.
    std::atomic<bool> record_calls{true};
    std::mutex records_hook_mutex;
    std::function<void()> records_hook;
    void notify_records()
    {
        std::lock_guard lock(records_hook_mutex);
        if (records_hook)
            records_hook();
    }
};

// Counters owned by one worker: only its thread writes them (relaxed), the
// control plane sums them for a stats snapshot.
struct alignas(64) worker_stats {
    std::atomic<std::uint64_t> requests{0};
    std::atomic<std::uint64_t> active_connections{0};
    std::atomic<std::uint64_t> accepted_connections{0};
    std::array<std::atomic<std::uint64_t>, 6> status_classes{};
    std::atomic<std::uint64_t> bytes_in{0};
    std::atomic<std::uint64_t> bytes_out{0};
    std::atomic<std::uint64_t> upstream_errors{0};
    std::atomic<std::uint64_t> failed_tls_handshakes{0};
    std::atomic<std::uint64_t> refused_proxy_headers{0};

    static void add(std::atomic<std::uint64_t>& counter, std::uint64_t n)
    {
        // Single writer: a load and a store avoid the locked read-modify-write.
        counter.store(counter.load(std::memory_order_relaxed) + n, std::memory_order_relaxed);
    }
};

// Implemented by client sessions so a stopping worker can reach them.
class stoppable_session : public boost::intrusive::list_base_hook<
                              boost::intrusive::link_mode<boost::intrusive::auto_unlink>> {
public:
    virtual ~stoppable_session() = default;
    // Graceful: close if idle, otherwise close after the current response.
    virtual void request_stop() = 0;
    // Immediate: close every socket now.
    virtual void force_stop() = 0;
};

// One thread, one io_context: a connection lives its whole life here, so the
// hot path needs no strand and no lock.
struct worker {
    explicit worker(gateway_shared& shared_state, unsigned worker_index)
        : shared(shared_state)
        , index(worker_index)
        , rng(std::random_device{}() ^ worker_index)
    {
    }

    gateway_shared& shared;
    unsigned index;
    // Declared before ioc, so destroyed after it: destroying the io_context
    // destroys the coroutines still on it, and their sessions unlink from
    // `sessions` and count themselves out of `stats` as they go.
    worker_stats stats;
    boost::intrusive::list<stoppable_session, boost::intrusive::constant_time_size<false>> sessions;
    call_record_ring* records = nullptr; // owned by the server; outlives the worker
    std::mt19937_64 rng;
    // No locking of socket operations: a socket is only used on the thread
    // that runs this context (the acceptor hands new ones over by a post;
    // other threads post their work here, and posting keeps its lock).
    boost::asio::io_context ioc{BOOST_ASIO_CONCURRENCY_HINT_UNSAFE_IO};
    std::thread thread;
    upstream_pool pool; // streams on ioc: destroyed before it
    read_buffer_pool read_buffers;

    // The configuration for a new request. The returned holder is this
    // worker's own, so copying it touches no cache line shared with others.
    std::shared_ptr<const std::shared_ptr<const runtime_config>> config()
    {
        const auto generation = shared.generation.load(std::memory_order_acquire);
        if (generation != config_generation_ || !config_) {
            std::lock_guard lock(shared.config_mutex);
            config_ = std::make_shared<const std::shared_ptr<const runtime_config>>(shared.config);
            config_generation_ = generation;
        }
        return config_;
    }

    // Calls waiting for a target's first lookup (target_state::
    // lookup_pending) wait on these timers; a new configuration cancels
    // them all, and each looks again. Only this worker's thread touches it.
    std::vector<boost::asio::steady_timer*> lookup_waiters;
    void wake_lookup_waiters()
    {
        for (auto* timer : lookup_waiters)
            timer->cancel();
    }

private:
    std::shared_ptr<const std::shared_ptr<const runtime_config>> config_;
    std::uint64_t config_generation_ = ~0ull;
};

} // namespace gatehouse::gateway
