// SPDX-FileCopyrightText: Gatehouse contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "gateway/cache/cache_entry.hpp"
#include "gateway/cache/cache_key.hpp"
#include "gateway/worker_io.hpp"

#include <boost/asio/any_io_executor.hpp>
#include <boost/asio/awaitable.hpp>

#include <chrono>
#include <cstddef>
#include <functional>
#include <memory>

namespace gatehouse::gateway::cache {

// Request coalescing ("collapsed forwarding"): concurrent misses on one
// primary key send one request upstream. The first to join is the leader;
// the others wait on their own executor until the leader publishes a stored
// entry, releases them (the response was not cacheable, or failed), or their
// own deadline passes. Release wakes every waiter at once -- no polling, so an
// uncacheable URL costs waiters one upstream round trip, not a poll interval
// (nginx's proxy_cache_lock sleeps 500 ms between checks).
//
// Thread safety: join() from any thread. A ticket belongs to the coroutine
// (or callback chain) that received it. Followers are resumed through their
// own executor, which must be single-threaded or a strand (one io_context per
// worker thread is).

enum class wait_status {
    stored,      // the leader stored an entry: check Vary, then serve it
    uncacheable, // the leader's response cannot be shared: go upstream now
    abandoned,   // the leader gave up (client gone, error): go upstream now
    timeout,     // waited long enough: go upstream now
};

struct wait_outcome {
    wait_status status = wait_status::timeout;
    std::shared_ptr<const cached_response> entry; // stored only
};

struct flight; // one in-flight upstream request; internal

class flight_ticket {
public:
    flight_ticket() = default;
    flight_ticket(flight_ticket&&) noexcept = default;
    flight_ticket& operator=(flight_ticket&& other) noexcept;
    ~flight_ticket(); // a leader that never finished abandons: waiters go upstream
    flight_ticket(const flight_ticket&) = delete;
    flight_ticket& operator=(const flight_ticket&) = delete;

    bool leader() const { return leader_; }
    explicit operator bool() const { return flight_ != nullptr; }

    // Leader: hand the stored entry to every waiter (they still check Vary:
    // the entry was selected by the leader's request headers).
    void publish(std::shared_ptr<const cached_response> entry);
    // Leader: the response cannot be shared; wake every waiter to go upstream.
    void release_uncacheable();
    void abandon();

    // Follower: wait on the calling coroutine's executor, at most `timeout`.
    // Never throws; resumes through that executor.
    worker_task<wait_outcome> wait(std::chrono::steady_clock::duration timeout);
    // Follower: `done` is invoked exactly once, through `executor`.
    void wait(boost::asio::any_io_executor executor, std::chrono::steady_clock::duration timeout,
              std::function<void(wait_outcome)> done);

private:
    friend class coalescer;
    void finish(wait_status status, std::shared_ptr<const cached_response> entry);

    std::shared_ptr<flight> flight_;
    bool leader_ = false;
};

class coalescer {
public:
    explicit coalescer(unsigned shards = 16);
    ~coalescer();
    coalescer(const coalescer&) = delete;
    coalescer& operator=(const coalescer&) = delete;

    // Leader ticket if nobody is fetching `key`, else a follower ticket.
    flight_ticket join(const cache_key& key);

    std::size_t in_flight() const;

private:
    struct shard;
    friend class flight_ticket;
    void forget(flight& f);

    std::unique_ptr<shard[]> shards_;
    std::size_t mask_ = 0;
};

} // namespace gatehouse::gateway::cache
