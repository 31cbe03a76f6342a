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
#include <utility>
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
// inserts: a response requested at or before a purge that covers it is
// refused (insert_result::superseded). Purges are remembered for a while
// (`remembered`); for a response requested before what is forgotten, the
// store cannot tell, and refuses it too: it was requested minutes ago.

// How long a purge is remembered: longer than nearly any fetch takes.
inline constexpr std::chrono::minutes remembered_purges{2};

// Purges of single keys (purge_key: a URL purge, an invalidation) within
// one shard. Not thread-safe: the shard's mutex guards it.
class key_purge_history {
public:
    void note(std::uint64_t key_hash, sys_time at);
    // Whether a purge of this key (or a forgotten one) came at or after
    // `requested`.
    bool covers(std::uint64_t key_hash, sys_time requested) const;

private:
    void forget_before(sys_time cutoff);

    std::unordered_map<std::uint64_t, sys_time> last_purge_;
    sys_time forgotten_{}; // the latest purge no longer listed
    std::size_t prune_at_ = 4096;
};

// Purges by API, path prefix, tag, and flushes: few, store-wide, each with
// the test of what it removed. Thread-safe; covers() costs one atomic load
// unless a broad purge came after the response was requested.
class broad_purge_history {
public:
    using predicate = std::function<bool(const cached_response&)>;

    void note(predicate removed, sys_time at);
    bool covers(const cached_response& entry) const;

private:
    mutable std::mutex mutex_;
    std::vector<std::pair<sys_time, predicate>> recent_; // oldest first
    sys_time forgotten_{};
    std::atomic<sys_time::rep> latest_{sys_time::min().time_since_epoch().count()};
};

} // namespace gatehouse::gateway::cache
