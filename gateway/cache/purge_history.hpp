// SPDX-FileCopyrightText: Gatehouse contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "gateway/cache/cache_entry.hpp"

#include <atomic>
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <mutex>
#include <unordered_map>
#include <vector>

namespace gatehouse::gateway::cache {

// Purges and invalidations the store still remembers, so that a response
// requested before one of them cannot be stored after it.
//
// A purge removes what is stored; a response that was on its way when the
// purge ran (requested before it, arriving after) would otherwise be stored
// once it arrives and be served as if the purge had never happened: an
// invalidation by a POST racing a GET of the same URL, or an admin's purge
// while a miss was being fetched. The store asks these histories before it
// inserts: a response whose request left before a purge that covers it is
// refused (insert_result::superseded).
//
// "Before" is told by the store's purge count, not by a clock: every purge
// takes the next generation, and a request carries the count it saw when it
// left (cached_response::purge_generation). A wall clock stepped backwards
// would have a purge look later than everything requested for the length
// of the step (after a flush: no stores at all), and one stepped forwards
// would let a response requested before a purge look later than it.
//
// Purges are remembered for a while (`remembered`, on the monotonic clock);
// for a response requested before what is forgotten, the store cannot
// tell, and refuses it too: it was requested minutes ago.

using steady_time = std::chrono::steady_clock::time_point;

// How long a purge is remembered: longer than nearly any fetch takes.
inline constexpr std::chrono::minutes remembered_purges{2};

// Purges of single keys (purge_key: a URL purge, an invalidation) within
// one shard. Not thread-safe: the shard's mutex guards it.
class key_purge_history {
public:
    // A purge of this key, counted as `generation`, ran at `at`.
    void note(std::uint64_t key_hash, std::uint64_t generation, steady_time at);
    // Whether a purge of this key (or a forgotten one) came after a request
    // that saw `requested` purges.
    bool covers(std::uint64_t key_hash, std::uint64_t requested) const;

private:
    struct purge {
        std::uint64_t generation = 0;
        steady_time at{};
    };
    void forget_before(steady_time cutoff);

    std::unordered_map<std::uint64_t, purge> last_purge_;
    std::uint64_t forgotten_ = 0; // the latest purge no longer listed
    std::size_t prune_at_ = 4096;
};

// Purges by API, path prefix, tag, and flushes: few, store-wide, each with
// the test of what it removed. Thread-safe; covers() costs one atomic load
// unless a broad purge came after the response was requested.
class broad_purge_history {
public:
    using predicate = std::function<bool(const cached_response&)>;

    void note(predicate removed, std::uint64_t generation, steady_time at);
    bool covers(const cached_response& entry) const;

private:
    struct purge {
        std::uint64_t generation = 0;
        steady_time at{};
        predicate removed;
    };

    mutable std::mutex mutex_;
    std::vector<purge> recent_; // in the order noted
    std::uint64_t forgotten_ = 0;
    std::atomic<std::uint64_t> latest_{0};
};

} // namespace gatehouse::gateway::cache
